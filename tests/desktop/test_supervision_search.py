"""The console's order search and the "accept as is" decision, on SQLite and PostgreSQL (issue 19 item 4)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from desktop.domain.errors import NotAllowed
from desktop.domain.roles import Role
from desktop.services import supervision as sv


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    database = Database.open(url)
    build_demo(database, orders=40, seed=3)
    yield database
    database.dispose()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def shared(request, tmp_path_factory):
    """One demo per engine for the phone searches (they read, or change one held order's phone)."""
    folder = tmp_path_factory.mktemp("phones")
    url = f"sqlite:///{folder / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_module_url")
    database = Database.open(url)
    build_demo(database, orders=40, seed=3)
    yield database
    database.dispose()


def actor(db: Database, login: str) -> Actor:
    with db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == login))
        return Actor(u.id, u.login, u.display_name, Role(u.role), "SUP-01")


def search(db: Database, text: str, login: str = "super1") -> list[str]:
    with db.unit_of_work(actor(db, login)) as uow:
        return [o.order_no for o in sv.search_orders(uow, text)]


def test_an_order_is_found_by_number_tracking_number_and_sku(db) -> None:
    with db.unit_of_work() as uow:
        o = uow.session.scalars(select(models.Order).order_by(models.Order.id)).first()
        number, sku = o.order_no, o.lines[0].sku.sku_code
        with_sku = set(uow.session.scalars(select(models.Order.order_no).join(models.OrderLine)
                                           .join(models.Sku).where(models.Sku.sku_code == sku)))
        shipment = uow.session.scalars(select(models.Shipment)).first()
        tracking = (shipment.tracking_no, shipment.order.order_no) if shipment else None
    assert search(db, number) == [number]
    assert number in search(db, number[-6:])  # the tail of a number, as read off a slip
    assert set(search(db, sku)) == with_sku and number in with_sku
    if tracking is not None:
        assert search(db, tracking[0]) == [tracking[1]]
    assert search(db, "NO-SUCH-THING-%") == []  # LIKE's wildcards are searched as text
    assert search(db, "   ") == []


def test_only_a_supervisor_searches(db) -> None:
    with pytest.raises(NotAllowed):
        search(db, "SO", login="picker1")


def test_a_hold_accepted_as_is_goes_on_without_a_fix(db) -> None:
    with db.unit_of_work(actor(db, "super1")) as uow:
        rows = [r for r in sv.list_exceptions(uow) if r.kind.endswith("_hold")]
    assert rows, "the demo holds some orders at intake"
    row = rows[0]
    assert row.decisions == ("release", "accept", "cancel")
    with db.unit_of_work(actor(db, "super1")) as uow:
        done = sv.decide_exception(uow, row.id, "accept", "merchant confirmed the price by phone",
                                   expected_version=row.version)
    with db.unit_of_work() as uow:
        case = uow.session.get(models.ExceptionCase, row.id)
        o = case.order
        gate = case.detail.get("gate") or case.kind.removesuffix("_hold")
        assert (case.status, case.decision) == ("resolved", "accept")
        assert o.intake_outcome[gate]["status"] == "accepted"  # what the gate found is kept, marked accepted
        others_held = [g for g in ("address", "price", "payment") if o.intake_outcome[g]["status"] == "held"]
        assert done["result"] == o.status
        assert o.status == ("held" if others_held else o.status) and (others_held or o.status in ("ready", "backordered"))


# ─── the phone's last four digits (a keyed digest: no row opened to find it) ──────────


def phones(db: Database) -> dict[str, str]:
    """Every order's phone, opened (what the search must agree with)."""
    with db.unit_of_work() as uow:
        return {o.order_no: uow.sealer.open(o.customer_phone_sealed, "customer_phone", o.order_no)
                for o in uow.session.scalars(select(models.Order))}


def test_a_supervisor_finds_orders_by_the_phones_last_four_digits_shown_masked(shared) -> None:
    db = shared
    from desktop.security.crypto import mask_phone, phone_tail

    every = phones(db)
    no, phone = next(iter(sorted(every.items())))
    tail = phone_tail(phone)
    same_tail = {n for n, p in every.items() if phone_tail(p) == tail}
    assert set(search(db, f"tel:{tail}")) == same_tail
    assert set(search(db, f"电话：{tail}")) == same_tail  # the Chinese word and colon too
    assert same_tail <= set(search(db, tail))  # four digits alone: the numbers and the phone
    with db.unit_of_work(actor(db, "super1")) as uow:
        rows = sv.search_orders(uow, f"tel:{tail}")
    row = next(r for r in rows if r.order_no == no)
    assert row.phone == mask_phone(phone) and "****" in row.phone and phone.replace(" ", "") not in row.phone
    with db.unit_of_work() as uow:  # what is stored beside the phone is neither the digits nor the phone
        stored = uow.session.scalar(select(models.Order.customer_phone_tail).where(models.Order.order_no == no))
    assert isinstance(stored, bytes) and len(stored) == 16 and tail.encode() not in stored


def test_a_phone_search_that_is_not_four_digits_is_refused_and_pickers_and_packers_may_not_search(shared) -> None:
    db = shared
    from desktop.services.supervision.floor import PhoneQueryRefused

    for bad in ("tel:12", "tel:12345", "tel:", "phone:abcd"):
        with pytest.raises(PhoneQueryRefused) as info:
            search(db, bad)
        assert "tel:1234" in info.value.message and "电话：1234" in info.value.message_zh
    for login in ("picker1", "packer1"):
        with pytest.raises(NotAllowed):
            search(db, "tel:8000", login=login)


def test_a_phone_corrected_by_the_supervisor_is_found_by_its_new_digits(shared) -> None:
    db = shared
    with db.unit_of_work() as uow:
        held = uow.session.scalars(select(models.Order).where(models.Order.status == "held")
                                   .order_by(models.Order.id)).first()
        no = held.order_no
    with db.unit_of_work(actor(db, "super1")) as uow:
        sv.correct_address(uow, no, "customer called with a new number", phone="+86 139 0000 7319")
    assert no in search(db, "tel:7319")


def test_a_station_without_the_key_is_refused_a_phone_search_and_searches_four_digits_by_number(shared, tmp_path) -> None:
    db = shared
    from desktop.security.keys import FileKeyStore, KeyRefused

    with db.unit_of_work() as uow:
        number = uow.session.scalars(select(models.Order.order_no).order_by(models.Order.id)).first()
    keyless = Database.open(db.url, key_store=FileKeyStore(tmp_path / "no-keys"))
    try:
        with keyless.unit_of_work(actor(keyless, "super1")) as uow, pytest.raises(KeyRefused):
            sv.search_orders(uow, "tel:8000")
        with keyless.unit_of_work(actor(keyless, "super1")) as uow:
            rows = sv.search_orders(uow, number[-4:])
        assert number in [r.order_no for r in rows] and all(r.phone == "" for r in rows)  # nothing opened
    finally:
        keyless.dispose()
