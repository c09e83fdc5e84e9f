"""`pickdesk carriers account|accounts` and `pickdesk waybills get|show|void` against the SF simulator."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from tests.sf_simulator import SfSimulator

PARTNER, CHECKWORD = "PICKDESK-CLI", "cli-check-word-42"


@pytest.fixture
def sim():
    s = SfSimulator(partners={PARTNER: CHECKWORD})
    s.start()
    yield s
    s.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    db = Database.open(url)
    build_demo(db, orders=30, seed=3)
    db.dispose()
    return url


def ready_order(url: str) -> str:
    db = Database.open(url)
    try:
        with db.unit_of_work() as uow:
            return uow.session.scalar(select(models.Order.order_no).where(models.Order.status == "ready",
                                                                          models.Order.ship_country == "CN")
                                      .order_by(models.Order.order_no))
    finally:
        db.dispose()


def test_an_admin_enters_the_account_and_nobody_sees_the_secret(url, sim, sign_in_as, capsys):
    account = ["carriers", "account", "sf", "--url", sim.url, "--partner-id", PARTNER, "--secret-stdin",
               "--option", "monthly_card=7551234567", "--db", url]
    assert main([*account, *sign_in_as("admin", "9999", CHECKWORD)]) == 0
    out = capsys.readouterr().out
    assert "Account SF (sf)" in out and "secret sealed" in out and CHECKWORD not in out
    assert main(["carriers", "accounts", "--json", "--db", url, *sign_in_as("packer1", "3333")]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [{"code": "SF", "protocol": "sf", "endpoint": sim.url, "partner_id": PARTNER, "has_secret": True,
                       "options": {"monthly_card": "7551234567", "privacy_waybill": True}, "active": True,
                       "updated_at": listed[0]["updated_at"]}]
    assert main([*account, *sign_in_as("super1", "5555", "another")]) == 2
    assert "needs the role" in capsys.readouterr().err
    bad = ["carriers", "account", "SF", "--url", "ftp://x", "--partner-id", PARTNER, "--secret-stdin", "--db", url]
    assert main([*bad, *sign_in_as("admin", "9999", CHECKWORD)]) == 2
    err = capsys.readouterr().err
    assert "not an http(s) URL" in err and "Traceback" not in err
    no_secret = ["carriers", "account", "SF", "--url", sim.url, "--partner-id", PARTNER, "--secret-stdin", "--db", url]
    assert main([*no_secret, *sign_in_as("admin", "9999")]) == 2  # standard input ends before the secret
    assert "secret" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["carriers", "account", "SF", "--partner-id", PARTNER, "--db", url])
    assert usage.value.code == 2


def test_waybills_get_pre_allocates_and_asking_again_gives_the_same_numbers(url, sim, sign_in_as, capsys):
    assert main(["carriers", "account", "SF", "--url", sim.url, "--partner-id", PARTNER, "--secret-stdin",
                 "--db", url, *sign_in_as("admin", "9999", CHECKWORD)]) == 0
    order = ready_order(url)
    capsys.readouterr()
    get = ["waybills", "get", order, "--carrier", "SF", "--parcels", "2", "--json", "--db", url]
    assert main([*get, *sign_in_as("packer1", "3333")]) == 0
    first = json.loads(capsys.readouterr().out)
    assert [w["kind"] for w in first] == ["master", "child"] and [w["number"] for w in first] == \
        sim.waybill_numbers(order)
    assert first[0]["sort_code"] and first[0]["three_segment"].count("-") >= 2
    assert main(["waybills", "get", order, "--json", "--db", url, *sign_in_as("packer1", "3333")]) == 0
    assert json.loads(capsys.readouterr().out) == first
    assert len([f for f in sim.requests if f["serviceCode"] == "EXP_RECE_CREATE_ORDER"]) == 1
    assert main(["waybills", "get", "NO-SUCH-ORDER", "--carrier", "SF", "--db", url,
                 *sign_in_as("packer1", "3333")]) == 2
    assert "There is no order" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["waybills", "get", order, "--parcels", "0", "--db", url])
    sim.down = True
    other = ready_order_other(url, order)
    assert main(["waybills", "get", other, "--carrier", "SF", "--db", url, *sign_in_as("packer1", "3333")]) == 2
    err = capsys.readouterr().err
    assert "not reachable" in err or "503" in err
    assert "Traceback" not in err


def ready_order_other(url: str, not_this: str) -> str:
    db = Database.open(url)
    try:
        with db.unit_of_work() as uow:
            return uow.session.scalar(select(models.Order.order_no).where(models.Order.status == "ready",
                                                                          models.Order.order_no != not_this)
                                      .order_by(models.Order.order_no))
    finally:
        db.dispose()


def test_the_demo_carrier_numbers_offline_without_an_account(url, sign_in_as, capsys):
    order = ready_order(url)
    assert main(["waybills", "get", order, "--carrier", "ZTO", "--parcels", "2", "--json", "--db", url,
                 *sign_in_as("packer1", "3333")]) == 0
    numbers = json.loads(capsys.readouterr().out)
    assert [w["kind"] for w in numbers] == ["master", "child"] and all(w["number"] for w in numbers)
    assert main(["carriers", "accounts", "--db", url, *sign_in_as("super1", "5555")]) == 0
    assert "No carrier account" in capsys.readouterr().out
