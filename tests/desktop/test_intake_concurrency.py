"""Intakes running at once over the same orders, competing for scarce stock, on PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select
from test_intake_world import KEY, NOW, SCARCE_GTIN, SUPERVISOR, AS_OF, add_world, load, mall_order

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.services.intake import run_intake


@pytest.mark.postgres
def test_concurrent_intakes_never_oversell_and_take_each_order_once(pg_empty_url) -> None:
    db = Database.open(pg_empty_url, sealer=KEY)
    try:
        build_demo(db, orders=0, seed=7, as_of=AS_OF)
        add_world(db)
        # 12 orders, each wants 1 of the 2 scarce units and 1 of the plentiful one.
        orders = [mall_order(f"M1-RACE-{n:02d}", lines=[{"gtin": SCARCE_GTIN, "qty": 1, "unit_price": "99.90"},
                                                        {"sku": "T-PLAIN", "qty": 1, "unit_price": "59.90"}],
                             shipping_fee="0.00", total_charged="159.80") for n in range(12)]
        load(db, *orders)
        summaries, errors = [], []
        start = threading.Barrier(4)

        def worker() -> None:
            try:
                start.wait()
                summaries.append(run_intake(db, now=NOW, actor=SUPERVISOR))
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=worker) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert not errors
        assert not any(s.failed for s in summaries), [s.failed for s in summaries]
        done = [r.order_no for s in summaries for r in s.results]
        assert sorted(done) == sorted(o["order_no"] for o in orders)  # each order exactly once
        with db.unit_of_work() as uow:
            s = uow.session
            scarce = s.scalar(select(models.Stock).join(models.Sku).where(models.Sku.gtin == SCARCE_GTIN))
            assert (scarce.on_hand, scarce.reserved) == (2, 2)
            statuses = dict(s.execute(select(models.Order.status, func.count()).group_by(models.Order.status)).all())
            assert statuses == {"ready": 2, "backordered": 10}
            assert s.scalar(select(func.sum(models.Reservation.qty)).join(models.Stock)
                            .where(models.Stock.id == scarce.id)) == 2
            for line in s.scalars(select(models.OrderLine)):
                assert sum(r.qty for r in line.reservations) in (0, line.qty)
            # Every unit reserved is backed by a stock row that holds it.
            assert s.scalar(select(func.count()).select_from(models.Stock)
                            .where(models.Stock.reserved > models.Stock.on_hand)) == 0
            # One history step out of received per order: nobody processed an order twice.
            steps = s.scalar(select(func.count()).select_from(models.OrderStatusChange)
                             .where(models.OrderStatusChange.from_status == "received"))
            assert steps == 12
    finally:
        db.dispose()
