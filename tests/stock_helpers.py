"""Shared by the stock-work tests (counts, refills, transfers, their tabs): a reserve bin with stock, a bin's record."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from aftersales_helpers import actor
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import gtin13
from desktop.domain.stock import MovementKind
from desktop.services.stock import change_on_hand

AS_OF = date(2026, 11, 23)
REFILL_GTIN = "0" + gtin13("690123456801")
LOTREF_GTIN = "0" + gtin13("690123456802")


def add_reserve(db: Database) -> None:
    """Two SKUs with a nearly empty pick face each and a reserve bin holding more (lots A and B of one)."""
    with db.unit_of_work(actor(db, "admin")) as uow:
        s = uow.session
        wh = s.scalar(select(models.Warehouse).where(models.Warehouse.code == "SZ1"))
        m1 = s.scalar(select(models.Merchant).where(models.Merchant.code == "M1"))
        used = select(models.Stock.location_id)
        face, face2, *_ = s.scalars(select(models.Location).where(models.Location.warehouse_id == wh.id,
                                                                  models.Location.kind == "pick",
                                                                  models.Location.id.not_in(used))
                                    .order_by(models.Location.id).limit(2))
        reserve = models.Location(warehouse_id=wh.id, code="SZ1-R01-1-01-1", zone="R", aisle=99, block=1, slot=1,
                                  level=1, x=0.0, y=0.0, kind="reserve")
        s.add(reserve)

        def sku(code: str, gtin: str, **kw: object) -> models.Sku:
            k = models.Sku(merchant=m1, sku_code=code, gtin=gtin, name=f"Test {code}", name_zh=f"测试 {code}",
                           weight_g=300, length_mm=100, width_mm=80, height_mm=60, unit_value=Decimal("30.00"),
                           low_stock_threshold=10, **kw)
            s.add(k)
            return k

        plain, lotted = sku("T-REFILL", REFILL_GTIN), sku("T-LOTREF", LOTREF_GTIN, lot_tracked=True)
        lot_a = models.Lot(sku=lotted, lot_code="LA", expiry=AS_OF + timedelta(days=100))
        lot_b = models.Lot(sku=lotted, lot_code="LB", expiry=AS_OF + timedelta(days=200))
        s.add_all([lot_a, lot_b])
        s.flush()
        for loc, k, lot, qty in ((face, plain, None, 4), (reserve, plain, None, 40), (face2, lotted, lot_a, 3),
                                 (reserve, lotted, lot_a, 5), (reserve, lotted, lot_b, 30)):
            change_on_hand(uow, location_id=loc.id, sku_id=k.id, lot_id=lot.id if lot else None, delta=qty,
                           kind=MovementKind.OPENING_BALANCE, ref="test")
        uow.commit()


def bin_stock(db: Database, code: str) -> list[tuple[str, str | None, date | None, int, int, Decimal]]:
    """(gtin, lot, expiry, on_hand, reserved, unit value) of every stock line in a bin: what the test knows."""
    S, L, K, Lo = models.Stock, models.Location, models.Sku, models.Lot
    with db.unit_of_work() as uow:
        return [tuple(r) for r in uow.session.execute(
            select(K.gtin, Lo.lot_code, Lo.expiry, S.on_hand, S.reserved, K.unit_value).select_from(S)
            .join(L, S.location_id == L.id).join(K, S.sku_id == K.id).outerjoin(Lo, S.lot_id == Lo.id)
            .where(L.code == code).order_by(K.gtin))]
