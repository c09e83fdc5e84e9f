"""Seed §1.1: an order held at intake for an incomplete or unclear address asks the customer, by SMS in
the order's language, to complete it; the simulator receives it and the hold shows it was sent."""

from __future__ import annotations

import shutil

import pytest
from test_intake_world import KEY, NOW, SUPERVISOR, add_world, load, mall_order, world_template  # noqa: F401

from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.services import supervision as sv
from desktop.services.intake import run_intake
from desktop.services.notifications import send_pending_sms
from test_sms import account, sim  # noqa: F401 - fixtures
from test_intake_world import AS_OF


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def held_world(request, world_template, tmp_path):  # noqa: F811
    if request.param == "sqlite":
        path = tmp_path / "central.sqlite3"
        shutil.copy(world_template, path)
        db = Database.open(f"sqlite:///{path}", sealer=KEY)
    else:
        db = Database.open(request.getfixturevalue("pg_empty_url"), sealer=KEY)
        build_demo(db, orders=0, seed=7, as_of=AS_OF)
        add_world(db)
    yield db
    db.dispose()


def hold(db, kind="address_hold"):
    with db.unit_of_work(SUPERVISOR) as uow:
        return [c for c in sv.list_exceptions(uow, kind=kind)]


def test_an_address_hold_texts_the_customer_and_the_hold_shows_it(held_world, sim):  # noqa: F811
    db = held_world
    load(db, mall_order("M1-20261123-000001", address={"district": ""}),
         mall_order("M1-20261123-000002", customer={"phone": "+852 5123 4567", "email": None},
                    address={"country": "HK", "province": "", "city": "", "district": "", "postal_code": "",
                             "detail": ""}),
         mall_order("M1-20261123-000003"))  # a good one: nobody is asked anything
    summary = run_intake(db, now=NOW, actor=SUPERVISOR)
    assert summary.count("held") == 2 and summary.count("ready") == 1
    cases = {c.order_no: c for c in hold(db)}
    assert {n: c.detail["customer_asked"]["status"] for n, c in cases.items()} == {
        "M1-20261123-000001": "queued", "M1-20261123-000002": "queued"}
    assert cases["M1-20261123-000001"].detail["customer_asked"]["channel"] == "sms"  # it has an e-mail, yet SMS

    report = send_pending_sms(db, account(sim), actor=SUPERVISOR)
    assert report.sent == 2
    by_phone = {s.phone: s for s in sim.sent}
    zh = by_phone["13800138000"]
    assert zh.template_code == "SMS_100003" and "M1-20261123-000001" in zh.content and "区" in zh.content
    assert by_phone["0085251234567"].template_code == "SMS_100003"  # Hong Kong: Chinese
    cases = {c.order_no: c for c in hold(db)}
    asked = cases["M1-20261123-000001"].detail["customer_asked"]
    assert asked["status"] == "sent" and asked["sent_at"] and asked["language"] == "zh"


def test_pickdesk_exceptions_shows_the_customer_was_asked(held_world, sim, capsys, monkeypatch):  # noqa: F811
    from desktop.cli.intake import _asked

    db = held_world
    load(db, mall_order("M1-20261123-000021", address={"district": ""}))
    run_intake(db, now=NOW, actor=SUPERVISOR)
    (case,) = hold(db)
    assert _asked(case.detail["customer_asked"]) == "by sms (zh), queued"
    send_pending_sms(db, account(sim), actor=SUPERVISOR)
    (case,) = hold(db)
    assert _asked(case.detail["customer_asked"]).startswith("by sms (zh), sent 20")


def test_abroad_the_customer_is_asked_in_english_and_a_bad_phone_by_email(held_world, sim):  # noqa: F811
    db = held_world
    load(db, mall_order("M1-20261123-000011", customer={"phone": "+1 415 555 2671"},
                        address={"country": "US", "province": "CA", "city": "San Francisco", "district": "",
                                 "postal_code": "", "detail": "1 Market St"}),
         mall_order("M1-20261123-000012", customer={"phone": "138****8000"}, address={"district": ""}))
    run_intake(db, now=NOW, actor=SUPERVISOR)
    cases = {c.order_no: c for c in hold(db)}
    assert cases["M1-20261123-000011"].detail["customer_asked"]["language"] == "en"
    assert cases["M1-20261123-000012"].detail["customer_asked"]["channel"] == "email"  # the phone is masked
    send_pending_sms(db, account(sim), actor=SUPERVISOR)
    (us,) = sim.sent
    assert us.phone == "0014155552671" and us.template_code == "SMS_100004"
    assert us.content.startswith("【拣货台商城】Order M1-20261123-000011: please complete your address (")
