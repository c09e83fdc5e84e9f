"""Pick-face replenishment on SQLite and PostgreSQL: a backorder (or a low pick face) makes tasks from
reserve, earliest expiry first, never mixing expiries of a lot-tracked SKU in one bin; the receiver's
scans must match the task; REPLENISH movements; the backordered order is released when the units land."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from decimal import Decimal
from unittest import mock

import pytest
from sqlalchemy import select
from test_intake_world import AS_OF, NOW, SUPERVISOR, load, mall_order, order

from aftersales_helpers import actor, call
from stock_helpers import LOTREF_GTIN, REFILL_GTIN, add_reserve
from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo, gtin13
from desktop.domain.errors import NotAllowed
from desktop.domain.stock import MovementKind
from desktop.services import replenishment_tasks as rt
from desktop.services.intake import run_intake
from desktop.services.stock import change_on_hand, verify_ledger

@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    database = Database.open(url)
    build_demo(database, orders=0, seed=7, as_of=AS_OF)
    add_reserve(database)
    yield database
    database.dispose()


def codes(db: Database) -> dict[str, int]:
    with db.unit_of_work() as uow:
        return dict(uow.session.execute(select(models.Location.code, models.Location.id)
                                        .where(models.Location.warehouse_id == 1)))


def test_a_backorder_makes_a_refill_and_the_order_is_released_when_it_lands(db: Database) -> None:
    load(db, mall_order("M1-REFILL-1", lines=[{"gtin": REFILL_GTIN, "qty": 8, "unit_price": "59.90"}],
                        shipping_fee="0.00", discount_total="20.00", total_charged="459.20"))
    run_intake(db, now=NOW, actor=SUPERVISOR)
    o = order(db, "M1-REFILL-1")
    assert o.status == "backordered", (o.hold_detail, o.intake_outcome)
    (task,) = [t for t in call(db, "receiver1", rt.list_tasks) if t.sku == "T-REFILL"]
    assert (task.from_location, task.qty) == ("SZ1-R01-1-01-1", 26)  # 3 × 10 − 4 on the face
    with db.unit_of_work() as uow:  # reserve covers the gap: the merchant is not asked
        R = models.ReplenishmentRequest
        assert not list(uow.session.scalars(select(R).join(models.Sku).where(models.Sku.sku_code == "T-REFILL")))
    good = dict(from_bin=f"LOC-{task.from_location}", gtin=REFILL_GTIN, lot=None, qty=task.qty,
                to_bin=task.to_location)
    for wrong, why in (({"from_bin": task.to_location}, "Wrong bin"), ({"gtin": LOTREF_GTIN}, "Wrong item"),
                       ({"qty": task.qty + 1}, "Between 1"), ({"to_bin": "SZ1-R01-1-01-1"}, "Wrong pick face")):
        with pytest.raises(rt.RefillRefused, match=why):
            call(db, "receiver1", rt.carry_out, task.id, **{**good, **wrong})
    with pytest.raises(NotAllowed):
        call(db, "picker1", rt.carry_out, task.id, **good)
    done = call(db, "receiver1", rt.carry_out, task.id, **good)
    assert done.released_orders == ("M1-REFILL-1",)
    o = order(db, "M1-REFILL-1")
    assert o.status == "ready" and sum(r.qty for ln in o.lines for r in ln.reservations) == 8
    with db.unit_of_work() as uow:
        M = models.StockMovement
        moves = sorted(uow.session.execute(select(M.delta, M.kind).where(M.ref == done.code)).all())
        assert moves == [(-26, "replenish"), (26, "replenish")]
        assert verify_ledger(uow) == []
    with pytest.raises(rt.RefillRefused, match="already done"):
        call(db, "receiver1", rt.carry_out, task.id, **good)


def test_a_lot_tracked_refill_never_mixes_expiries(db: Database, capsys) -> None:
    with pytest.raises(NotAllowed):
        call(db, "picker1", rt.plan_warehouse, "SZ1")
    call(db, "receiver1", rt.plan_warehouse, "SZ1")
    tasks = [t for t in call(db, "receiver1", rt.list_tasks) if t.sku == "T-LOTREF"]
    with db.unit_of_work() as uow:
        face2 = uow.session.scalar(select(models.Location.code).join(models.Stock)
                                   .join(models.Lot, models.Stock.lot_id == models.Lot.id)
                                   .where(models.Lot.lot_code == "LA", models.Location.kind == "pick"))
    # lot A (earliest) joins lot A on its face; lot B goes to an empty pick bin, not onto lot A
    assert [(t.lot, t.to_location == face2, t.qty) for t in tasks] == [("LA", True, 5), ("LB", False, 22)]
    lb = tasks[1]
    assert main(["replenish", "tasks", "--json", "--db", db.url]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {t["code"] for t in listed} >= {t.code for t in tasks}
    scan = f"(01){LOTREF_GTIN}(10)LA(17){(AS_OF + timedelta(days=100)):%y%m%d}"
    argv = ["replenish", "do", lb.code, "--from", lb.from_location, "--item", scan, "--qty", "22", "--to",
            lb.to_location, "--db", db.url, "--user", "receiver1", "--pin-stdin"]
    with mock.patch("sys.stdin", io.StringIO("6666\n")):
        assert main(argv) == 2  # lot A scanned for lot B's task
    assert "Wrong lot LA" in capsys.readouterr().err
    argv[6] = f"(01){LOTREF_GTIN}(10)LB(17){(AS_OF + timedelta(days=200)):%y%m%d}"
    with mock.patch("sys.stdin", io.StringIO("6666\n")):
        assert main(argv) == 0
    assert f"22 of T-LOTREF now at {lb.to_location}" in capsys.readouterr().out
    with db.unit_of_work() as uow:
        assert verify_ledger(uow) == []
