"""Stock landed on a pick face: orders that waited for that SKU try their stock again.

Called in the same transaction by whatever put units on a pick face — a replenishment task, a
put-away, a transfer received. A backordered order of the warehouse with a line of that SKU runs
intake's stock gate again (FEFO reserve, all or nothing: no customer data is opened, so a receiver's
station can do it); when every line is reserved it goes to READY. An order held "awaiting transfer"
goes the same way once none of its transfers is still on the road.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.lifecycle import HoldReason, OrderStatus
from desktop.routing.priority import priority_score
from desktop.services import intake
from desktop.services.orders import change_status

AWAITING_TRANSFER = "awaiting transfer"
MAX_ORDERS = 50  # one landing re-runs at most this many orders, oldest first; the rest on the next


def _awaiting_transfer(uow: UnitOfWork, sku_id: int, warehouse_id: int) -> list[models.Order]:
    O, OL, T = models.Order, models.OrderLine, models.StockTransfer
    q = (select(O).where(O.id.in_(select(OL.order_id).where(OL.sku_id == sku_id)))
         .where(O.status == OrderStatus.HELD.value, O.hold_reason == HoldReason.SHORTAGE.value,
                O.hold_detail.like(f"{AWAITING_TRANSFER}%"))
         .where((O.warehouse_id == warehouse_id) | O.warehouse_id.is_(None))
         .order_by(O.id).limit(MAX_ORDERS))
    orders = []
    for order in uow.session.scalars(q):
        on_road = uow.session.scalar(select(T.id).where(T.order_id == order.id,
                                                        T.status.in_(("requested", "in_transit"))).limit(1))
        if on_road is None:
            orders.append(order)
    return orders


def stock_landed(uow: UnitOfWork, sku_id: int, location: models.Location, *, now: datetime | None = None) -> list[str]:
    """Orders backordered for this SKU (intake's `release_backordered`) and orders held awaiting a
    transfer that has arrived try their stock again; returns those now READY."""
    if location.kind != "pick":
        return []
    now = now or utcnow()
    released = intake.release_backordered(uow, [sku_id], location.warehouse_id, now)
    for order in _awaiting_transfer(uow, sku_id, location.warehouse_id):
        if any(ln.reservations for ln in order.lines):
            continue
        try:
            with uow.session.begin_nested():
                gate = intake.stock_gate(uow, order, now)
                if gate["status"] != "passed":
                    raise _StillShort
        except _StillShort:
            continue
        order.intake_outcome = {**(order.intake_outcome or {}), "stock": gate}
        order.priority_score = priority_score(order.priority_class, order.promised_ship_by, order.gift,
                                              order.created_at, now)
        change_status(uow, order, OrderStatus.READY, reason=f"transfer landed at {location.code}", at=now)
        uow.audit("order_restocked", "order", order.order_no, location=location.code)
        released.append(order.order_no)
    return released


class _StillShort(Exception):
    """The stock gate backordered: undo what it did (its savepoint) and leave the order waiting."""
