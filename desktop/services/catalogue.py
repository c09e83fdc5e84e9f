"""The catalogue's terms a supervisor sets on the floor: a pre-sale product's shipping day (预售)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.domain.errors import NotFound
from desktop.domain.roles import Role, require_role


def set_presale(uow: UnitOfWork, merchant: str, sku_code: str, ships_on: date | None) -> date | None:
    """Make `sku_code` of `merchant` a pre-sale product shipping from `ships_on` (None: on sale now).

    Orders with a line of it stay received, skipped by intake, until that day (UTC); from then on
    intake takes them like any other. Returns the day it had before."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    K, M = models.Sku, models.Merchant
    sku = uow.session.scalar(select(K).join(M, K.merchant_id == M.id).where(M.code == merchant, K.sku_code == sku_code))
    if sku is None:
        raise NotFound(f"Merchant {merchant} has no product {sku_code}.", f"商家 {merchant} 没有商品 {sku_code}。")
    before = sku.presale_ships_on
    sku.presale_ships_on = ships_on
    uow.audit("presale", "sku", sku.sku_code, merchant=merchant, ships_on=ships_on.isoformat() if ships_on else None,
              before=before.isoformat() if before else None)
    uow.announce("sku", sku.sku_code, presale_ships_on=ships_on.isoformat() if ships_on else None)
    uow.commit()
    return before
