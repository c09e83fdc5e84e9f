"""Order status changes and read models for lists. Every change is recorded, audited and announced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.lifecycle import HoldReason, OrderStatus, check_order_transition
from desktop.domain.events import OrderStatusChanged


def change_status(uow: UnitOfWork, order: models.Order, target: OrderStatus, *, reason: str | None = None,
                  hold_reason: HoldReason | None = None, at: datetime | None = None) -> None:
    """Move an order to `target` (refusing illegal moves), record history, audit and announce it."""
    current = OrderStatus(order.status)
    check_order_transition(current, target)
    order.status = target.value
    if target is OrderStatus.HELD:
        order.hold_reason = (hold_reason or HoldReason.OTHER).value
        order.hold_detail = reason
    elif current is OrderStatus.HELD:
        order.hold_reason = None
        order.hold_detail = None
    when = at or utcnow()
    order.status_history.append(models.OrderStatusChange(
        from_status=current.value, to_status=target.value, at=when, user_id=uow.actor.user_id, reason=reason))
    uow.audit("order_status", "order", order.order_no, **{"from": current.value, "to": target.value,
                                                         "reason": reason})
    uow.announce(OrderStatusChanged(order_no=order.order_no, status=target.value))


@dataclass(frozen=True)
class OrderRow:
    order_no: str
    merchant: str
    status: str
    priority_class: str
    priority_score: float
    promised_ship_by: datetime | None
    hold_reason: str | None
    hold_detail: str | None
    tracking_numbers: tuple[str, ...]
    lines: int
    units: int


def list_orders(uow: UnitOfWork, status: OrderStatus | None = None, limit: int | None = None,
                offset: int = 0) -> list[OrderRow]:
    """Orders by priority (highest first); `limit` and `offset` read them a page at a time."""
    q = (select(models.Order)
         .options(selectinload(models.Order.merchant), selectinload(models.Order.lines))
         .order_by(models.Order.priority_score.desc(), models.Order.order_no))
    if status is not None:
        q = q.where(models.Order.status == status.value)
    if limit is not None:
        q = q.limit(limit)
    if offset:
        q = q.offset(offset)
    return _rows(uow, list(uow.session.scalars(q).all()))


def _rows(uow: UnitOfWork, orders: list[models.Order]) -> list[OrderRow]:
    ids = [o.id for o in orders]
    tracking: dict[int, list[str]] = {}
    if ids:
        for order_id, number in uow.session.execute(
                select(models.Shipment.order_id, models.Shipment.tracking_no)
                .where(models.Shipment.order_id.in_(ids)).order_by(models.Shipment.id)):
            tracking.setdefault(order_id, []).append(number)
    return [OrderRow(o.order_no, o.merchant.code, o.status, o.priority_class, round(o.priority_score, 2),
                     o.promised_ship_by, o.hold_reason, o.hold_detail, tuple(tracking.get(o.id, ())),
                     len(o.lines), sum(line.qty for line in o.lines)) for o in orders]


def orders_by_no(uow: UnitOfWork, order_nos: list[str] | tuple[str, ...] | set[str]) -> list[OrderRow]:
    """The rows of these orders, whatever their status; numbers that do not exist are left out."""
    if not order_nos:
        return []
    return _rows(uow, list(uow.session.scalars(
        select(models.Order).where(models.Order.order_no.in_(list(order_nos)))
        .options(selectinload(models.Order.merchant), selectinload(models.Order.lines)))))


def count_by_status(uow: UnitOfWork) -> dict[OrderStatus, int]:
    from sqlalchemy import func

    rows = uow.session.execute(select(models.Order.status, func.count()).group_by(models.Order.status))
    counts = {s: 0 for s in OrderStatus}
    for status, n in rows:
        counts[OrderStatus(status)] = n
    return counts
