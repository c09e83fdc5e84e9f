"""Order status changes and read models for lists. Every change is recorded, audited and announced."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import selectinload

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import PickdeskError
from desktop.domain.lifecycle import HoldReason, OrderStatus, check_order_transition


def change_status(uow: UnitOfWork, order: models.Order, target: OrderStatus, *, reason: str | None = None,
                  hold_reason: HoldReason | None = None, at: datetime | None = None) -> None:
    """Move an order to `target` (refusing illegal moves), record history, audit and announce it."""
    from desktop.domain.events import OrderStatusChanged  # not loaded for a listing (`pickdesk orders`)

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


class UnknownOrder(PickdeskError):
    code = "unknown_order"

    def __init__(self, order_no: str) -> None:
        super().__init__(f"There is no order {order_no}.", f"没有订单 {order_no}。")
        self.order_no = order_no


def iter_orders(uow: UnitOfWork, status: OrderStatus | None = None, limit: int | None = None,
                after: str | None = None, page: int = 500) -> Iterator[OrderRow]:
    """Orders by priority (highest first, then number), `page` at a time, from just after order `after`.

    Keyset paging over the index on (priority_score, order_no) — `ix_orders_priority_no`, or
    (status, priority_score) with a status: each page reads only its rows, however deep, and
    memory holds one page. Raises UnknownOrder if `after` names no order."""
    # Core over the mapped tables, not the ORM: the rows are plain tuples, and a first ORM query in the
    # process configures every mapper (about 0.1-0.2 s, more than the listing itself).
    O, M, OL, S = (t.__table__.c for t in (models.Order, models.Merchant, models.OrderLine, models.Shipment))
    key: tuple[float, str] | None = None
    if after is not None:
        score = uow.session.scalar(select(O.priority_score).where(O.order_no == after))
        if score is None:
            raise UnknownOrder(after)
        key = (score, after)
    left = limit
    while left is None or left > 0:
        size = page if left is None else min(page, left)
        q = (select(O.id, O.order_no, M.code, O.status, O.priority_class, O.priority_score, O.promised_ship_by,
                    O.hold_reason, O.hold_detail).select_from(models.Order.__table__.join(
                        models.Merchant.__table__, O.merchant_id == M.id))
             .order_by(O.priority_score.desc(), O.order_no).limit(size))
        if status is not None:
            q = q.where(O.status == status.value)
        if key is not None:
            q = q.where(or_(O.priority_score < key[0], and_(O.priority_score == key[0], O.order_no > key[1])))
        rows = uow.session.execute(q).all()
        if not rows:
            return
        ids = [r[0] for r in rows]
        counts = {i: (n, u) for i, n, u in uow.session.execute(
            select(OL.order_id, func.count(), func.sum(OL.qty)).where(OL.order_id.in_(ids)).group_by(OL.order_id))}
        tracking: dict[int, list[str]] = {}
        for order_id, number in uow.session.execute(
                select(S.order_id, S.tracking_no).where(S.order_id.in_(ids)).order_by(S.id)):
            tracking.setdefault(order_id, []).append(number)
        for i, no, merchant, st, pclass, score, ship_by, hold, detail in rows:
            n, units = counts.get(i, (0, 0))
            yield OrderRow(no, merchant, st, pclass, round(score, 2), ship_by, hold, detail,
                           tuple(tracking.get(i, ())), n, int(units or 0))
        key = (rows[-1][5], rows[-1][1])
        if left is not None:
            left -= len(rows)
        if len(rows) < size:
            return


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
