"""Read models for stock: what lies where, by lot and expiry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.db import models
from desktop.db.database import UnitOfWork


@dataclass(frozen=True)
class StockRow:
    warehouse: str
    merchant: str
    sku: str
    gtin: str
    name: str
    location: str
    lot: str | None
    expiry: date | None
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


def list_stock(uow: UnitOfWork, *, gtin: str | None = None, warehouse: str | None = None) -> list[StockRow]:
    S, K, L, Lo, M, W = models.Stock, models.Sku, models.Location, models.Lot, models.Merchant, models.Warehouse
    q = (select(W.code, M.code, K.sku_code, K.gtin, K.name, L.code, Lo.lot_code, Lo.expiry, S.on_hand, S.reserved)
         .select_from(S).join(K, S.sku_id == K.id).join(M, K.merchant_id == M.id)
         .join(L, S.location_id == L.id).join(W, L.warehouse_id == W.id).outerjoin(Lo, S.lot_id == Lo.id)
         .order_by(W.code, M.code, K.sku_code, Lo.expiry, L.code))
    if gtin:
        q = q.where(K.gtin == gtin.zfill(14))
    if warehouse:
        q = q.where(W.code == warehouse)
    return [StockRow(*row) for row in uow.session.execute(q)]
