"""Reserving stock earliest-expiry-first, skipping short-dated lots; never a unit twice."""

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import Database
from desktop.services.stock import InsufficientStock, release_line, reserve_line

TODAY = date(2026, 11, 23)


def seed(db, lots):
    """One SKU (shelf-life rule 30 days) with lots [(code, days to expiry or None, on_hand)] in one warehouse."""
    with db.unit_of_work() as uow:
        s = uow.session
        wh = models.Warehouse(code="W1", name="W1", layout={})
        m = models.Merchant(code="M1", name="M1", min_remaining_shelf_days=0)
        sku = models.Sku(merchant=m, sku_code="S1", gtin="00000000000017", name="Tea", weight_g=100, length_mm=1,
                         width_mm=1, height_mm=1, unit_value=Decimal("9.90"), lot_tracked=True, min_remaining_shelf_days=30)
        s.add_all([wh, m, sku])
        for n, (code, days, on_hand) in enumerate(lots):
            loc = models.Location(warehouse=wh, code=f"W1-A01-1-{n + 1:02d}-1", zone="A", aisle=0, block=0, slot=n,
                                  level=1, x=0, y=n, kind="pick")
            lot = models.Lot(sku=sku, lot_code=code, expiry=None if days is None else TODAY + timedelta(days=days))
            s.add(models.Stock(location=loc, sku=sku, lot=lot, on_hand=on_hand, reserved=0))
        order = models.Order(order_no="O1", merchant=m, created_at=models.utcnow(), customer_name_sealed=b"x",
                             customer_phone_sealed=b"x", ship_detail_sealed=b"x", ship_country="CN",
                             goods_total=Decimal("0"), shipping_fee=Decimal("0"), discount_total=Decimal("0"),
                             total_charged=Decimal("0"), payment_method="online", payment_status="paid")
        s.add(order)
        uow.commit()
        return wh.id


def add_line(db, qty, order_no="O1"):
    with db.unit_of_work() as uow:
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no))
        sku = uow.session.scalar(select(models.Sku))
        line = models.OrderLine(line_no=len(order.lines) + 1, sku=sku, qty=qty, unit_price=Decimal("9.90"))
        order.lines.append(line)
        uow.commit()
        return line.id


def reserve(db, line_id, wh):
    with db.unit_of_work() as uow:
        line = uow.session.get(models.OrderLine, line_id)
        made = reserve_line(uow, line, wh, TODAY)
        uow.commit()
        return [(r.stock.lot.lot_code, r.qty) for r in made]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    db = Database.open(url)
    yield db
    db.dispose()


def test_earliest_expiry_first_skipping_expired_and_short_dated(db):
    wh = seed(db, [("LATE", 400, 10), ("SHORT", 20, 10), ("EXPIRED", -5, 10), ("SOON", 45, 3), ("NEXT", 90, 10)])
    line = add_line(db, 5)
    assert reserve(db, line, wh) == [("SOON", 3), ("NEXT", 2)]


def test_all_or_nothing_when_stock_is_short(db):
    wh = seed(db, [("A", 100, 2), ("B", 200, 1)])
    line = add_line(db, 5)
    with pytest.raises(InsufficientStock) as info:
        reserve(db, line, wh)
    assert (info.value.wanted, info.value.found) == (5, 3)
    with db.unit_of_work() as uow:
        assert uow.session.scalar(select(func.sum(models.Stock.reserved))) == 0
        assert uow.session.scalar(select(func.count()).select_from(models.Reservation)) == 0


def test_release_gives_every_unit_back(db):
    wh = seed(db, [("A", 100, 4)])
    line = add_line(db, 3)
    reserve(db, line, wh)
    with db.unit_of_work() as uow:
        assert release_line(uow, uow.session.get(models.OrderLine, line)) == 3
        uow.commit()
    with db.unit_of_work() as uow:
        assert uow.session.scalar(select(models.Stock.reserved)) == 0


@pytest.mark.postgres
def test_concurrent_reservations_never_oversell(pg_empty_url):
    """Eight stations reserve at once from 20 units: exactly 20 units end up reserved, none twice."""
    db = Database.open(pg_empty_url)
    try:
        wh = seed(db, [("A", 100, 7), ("B", 200, 7), ("C", 300, 6)])
        lines = [add_line(db, 3) for _ in range(8)]  # 24 wanted, 20 there
        outcomes, barrier = [], threading.Barrier(len(lines))

        def station(line_id):
            barrier.wait()
            try:
                outcomes.append(("ok", reserve(db, line_id, wh)))
            except InsufficientStock:
                outcomes.append(("short", None))

        threads = [threading.Thread(target=station, args=(ln,)) for ln in lines]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        with db.unit_of_work() as uow:
            reserved = dict(uow.session.execute(select(models.Lot.lot_code, models.Stock.reserved).join(models.Lot)).all())
            held = uow.session.scalar(select(func.sum(models.Reservation.qty)))
        assert sum(1 for kind, _ in outcomes if kind == "ok") == 6  # 6 × 3 = 18 fit in 20; 2 stations told "short"
        assert held == 18 == sum(reserved.values())
        assert all(reserved[c] <= cap for c, cap in (("A", 7), ("B", 7), ("C", 6)))
    finally:
        db.dispose()


def test_a_reservation_rolled_back_with_its_unit_of_work_leaves_nothing(db):
    """The reservation's savepoint may be the transaction's first statement: rolling the unit of work
    back must undo it. (pysqlite's own transaction handling let SQLite commit at the savepoint's release.)"""
    wh = seed(db, [("A", 100, 4)])
    line_id = add_line(db, 3)
    with db.unit_of_work() as uow:
        reserve_line(uow, uow.session.get(models.OrderLine, line_id), wh, TODAY)
        uow.session.flush()  # and the unit of work ends without a commit
    with db.unit_of_work() as uow:
        assert uow.session.scalar(select(models.Stock.reserved)) == 0
        assert uow.session.scalar(select(func.count()).select_from(models.Reservation)) == 0
