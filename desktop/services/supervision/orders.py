"""The supervisor's order actions: release, hold, cancel, raise the priority, reassign a batch or an order."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import NotFound, StaleData
from desktop.domain.lifecycle import (
    BatchStatus, HoldReason, OrderStatus, PriorityClass, can_transition, check_batch_transition,
    check_order_transition,
)
from desktop.domain.roles import Role
from desktop.routing.priority import priority_score
from desktop.services import intake
from desktop.services.cancellation import pull_from_floor
from desktop.services.orders import change_status
from desktop.services.shaping import leave_merge
from desktop.domain.events import (
    BatchChanged, BatchReassigned, OrderPriorityRaised, OrderReassigned, OrderReleased,
)
from desktop.services.supervision.common import (
    ACTIVE_BATCH, DecisionRefused, _supervisor, _reason, _order, _move, _release_reservations,
    _cancel_tasks, _resolve_open,
)


def _release(uow: UnitOfWork, order: models.Order, reason: str, now: datetime, accept: tuple[str, ...] = ()) -> str:
    """`accept`: intake gates a supervisor accepts as they are (the order goes on without a fix)."""
    status = OrderStatus(order.status)
    if status is OrderStatus.HELD:
        _resolve_open(uow, order, "accept" if accept else "release", reason,
                      kinds=("address_hold", "price_hold", "payment_hold"))
        if any(ln.reservations for ln in order.lines):  # held after reservation: it keeps its units
            change_status(uow, order, OrderStatus.READY, reason=reason, at=now)
            return OrderStatus.READY.value
        change_status(uow, order, OrderStatus.RECEIVED, reason=reason, at=now)
        uow.session.flush()
        return intake.process_order(uow, order, now, accepted=accept).status
    if status is OrderStatus.BACKORDERED:
        gate = intake.stock_gate(uow, order, now)
        order.intake_outcome = {**(order.intake_outcome or {}), "stock": gate}
        if gate["status"] == "backordered":
            uow.audit("release_tried", "order", order.order_no, reason=reason, note=gate["note"])
            return status.value
        order.priority_score = priority_score(order.priority_class, order.promised_ship_by, order.gift,
                                              order.created_at, now)
        change_status(uow, order, OrderStatus.READY, reason=reason, at=now)
        return OrderStatus.READY.value
    if status is OrderStatus.RECEIVED:
        return intake.process_order(uow, order, now).status
    raise DecisionRefused(f"Order {order.order_no} is {status.value}: only held, backordered or received orders "
                          "can be released.", f"订单 {order.order_no} 当前为「{status.label_zh}」：只能放行挂起、缺货或新订单。")


def release_order(uow: UnitOfWork, order_no: str, reason: str, now: datetime | None = None) -> str:
    """A held order goes through intake again (after the fix); a backordered one tries its stock again."""
    _supervisor(uow)
    reason = _reason(reason)
    order = _order(uow, order_no)
    result = _release(uow, order, reason, now or utcnow())
    uow.audit("order_released", "order", order_no, reason=reason, result=result)
    uow.announce(OrderReleased(order_no=order_no, result=result))
    uow.commit()
    return result


def hold_order(uow: UnitOfWork, order_no: str, reason: str, hold_reason: HoldReason = HoldReason.OTHER) -> None:
    _supervisor(uow)
    reason = _reason(reason)
    order = _order(uow, order_no)
    change_status(uow, order, OrderStatus.HELD, reason=reason, hold_reason=hold_reason)
    leave_merge(uow, order, reason)  # a held order does not hold up the buyer's other orders
    uow.commit()


def _cancel(uow: UnitOfWork, order: models.Order, reason: str) -> None:
    current = OrderStatus(order.status)
    if not can_transition(current, OrderStatus.CANCELLED) and not (
            can_transition(current, OrderStatus.HELD) and current is not OrderStatus.HELD):
        check_order_transition(current, OrderStatus.CANCELLED)  # raises IllegalTransition: shipped, delivered …
    _release_reservations(uow, order)
    # Out of a claimed cart, its picker told, its picked units to put back (desktop.services.cancellation).
    pull_from_floor(uow, order, reason)
    _cancel_tasks(uow, order)
    _move(uow, order, OrderStatus.CANCELLED, reason, HoldReason.CUSTOMER)
    leave_merge(uow, order, reason)  # 合单: the buyer's other orders ship without it
    for part in order.split_parts:  # 拆单: the order's other shipments go with it
        if part.status != OrderStatus.CANCELLED.value:
            _cancel(uow, part, reason)
    _resolve_open(uow, order, "cancel", reason)
    if any(p.status in ("sealed", "labelled") for p in order.parcels):  # packed: stop them at the cage
        from desktop.services.waybills import stop_at_cage

        stop_at_cage(uow, order, reason)


def cancel_order(uow: UnitOfWork, order_no: str, reason: str) -> None:
    """Cancel before shipping (its reserved units go back); a shipped order is refused by the machine."""
    _supervisor(uow)
    reason = _reason(reason)
    order = _order(uow, order_no)
    _cancel(uow, order, reason)
    uow.commit()


def raise_priority(uow: UnitOfWork, order_no: str, priority_class: str, reason: str, now: datetime | None = None) -> float:
    _supervisor(uow)
    reason = _reason(reason)
    new = PriorityClass(priority_class)
    order = _order(uow, order_no)
    before = order.priority_class
    order.priority_class = new.value
    order.priority_score = priority_score(new.value, order.promised_ship_by, order.gift, order.created_at,
                                          now or utcnow())
    uow.audit("order_priority", "order", order_no, **{"from": before, "to": new.value, "reason": reason})
    uow.announce(OrderPriorityRaised(order_no=order_no, priority=new.value, status=order.status))
    uow.commit()
    return order.priority_score


def _picker(uow: UnitOfWork, login: str) -> models.User:
    user = uow.session.scalar(select(models.User).where(models.User.login == login, models.User.active.is_(True)))
    if user is None:
        raise NotFound(f"No active user {login}.", f"没有在职用户 {login}。")
    if user.role not in (Role.PICKER.value, Role.SUPERVISOR.value):
        raise DecisionRefused(f"{login} is not a picker.", f"{login} 不是拣货员。")
    return user


def _login(uow: UnitOfWork, user_id: int | None) -> str | None:
    return None if user_id is None else uow.session.scalar(select(models.User.login).where(models.User.id == user_id))


def reassign_batch(uow: UnitOfWork, batch_code: str, to_login: str, reason: str,
                   expected_version: int | None = None) -> int:
    """Give a batch to another picker (conditional on its version); returns the new version."""
    _supervisor(uow)
    reason = _reason(reason)
    B = models.PickBatch
    batch = uow.session.scalar(select(B).where(B.code == batch_code))
    if batch is None:
        raise NotFound(f"No pick batch {batch_code}.", f"没有拣货批次 {batch_code}。")
    if batch.status not in ACTIVE_BATCH:
        raise DecisionRefused(f"Batch {batch_code} is {batch.status}: only open or running batches move.",
                              f"批次 {batch_code} 已{batch.status}：只能转派未完成的批次。")
    target = _picker(uow, to_login)
    version = batch.version if expected_version is None else expected_version
    new_status = BatchStatus.ASSIGNED.value
    check_batch_transition(batch.status, new_status)
    from_login = _login(uow, batch.picker_id)
    done = uow.session.execute(
        update(B).where(B.id == batch.id, B.version == version)
        .values(picker_id=target.id, status=new_status, version=B.version + 1)
        .execution_options(synchronize_session=False)).rowcount
    if not done:
        raise StaleData(f"Batch {batch_code} changed meanwhile; look again and retry.",
                        f"批次 {batch_code} 已被他人更改；请刷新后重试。")
    uow.session.expire(batch)
    order_ids = {task.line.order_id for task in batch.tasks}
    for order in uow.session.scalars(select(models.Order).where(models.Order.id.in_(order_ids))):
        order.assigned_picker_id = target.id
    uow.audit("batch_reassigned", "batch", batch_code, picker=to_login, from_picker=from_login, reason=reason)
    uow.announce(BatchReassigned(batch_code=batch_code, picker=to_login, from_picker=from_login, reason=reason))
    uow.commit()
    return version + 1


def reassign_order(uow: UnitOfWork, order_no: str, to_login: str, reason: str) -> str | None:
    """Move an order to another picker: its batch if it is alone there, else its stops in a new batch.

    An order not yet in a batch is only pre-assigned. Returns the batch code the order is now in.
    """
    _supervisor(uow)
    reason = _reason(reason)
    order = _order(uow, order_no)
    target = _picker(uow, to_login)
    T, B = models.PickTask, models.PickBatch
    line_ids = [ln.id for ln in order.lines]
    tasks = list(uow.session.scalars(select(T).join(B, T.batch_id == B.id)
                                     .where(T.order_line_id.in_(line_ids), B.status.in_(ACTIVE_BATCH))))
    if not tasks:
        if OrderStatus(order.status) not in (OrderStatus.READY, OrderStatus.RECEIVED, OrderStatus.HELD,
                                             OrderStatus.BACKORDERED):
            raise DecisionRefused(f"Order {order_no} is {order.status}: nothing left to pick.",
                                  f"订单 {order_no} 已「{OrderStatus(order.status).label_zh}」：没有待拣的商品。")
        from_login = _login(uow, order.assigned_picker_id)
        order.assigned_picker_id = target.id
        uow.audit("order_reassigned", "order", order_no, picker=to_login, from_picker=from_login, reason=reason)
        uow.announce(OrderReassigned(order_no=order_no, picker=to_login, status=order.status))
        uow.commit()
        return None
    batch = tasks[0].batch
    others = [t for t in batch.tasks if t.order_line_id not in line_ids]
    if not others:
        code = batch.code
        uow.session.expunge_all()
        reassign_batch(uow, code, to_login, reason)  # commits
        return code
    from_login = _login(uow, batch.picker_id)
    if any(t.status != "open" for t in tasks):
        # Part of the order is already in the tote: moving the rest would split the tote.
        raise DecisionRefused(f"Order {order_no} is half picked in batch {batch.code}: reassign the whole batch.",
                              f"订单 {order_no} 在批次 {batch.code} 中已部分拣货：请转派整个批次。")
    n = 1 + (uow.session.scalar(select(func.count()).select_from(B).where(B.code.like(f"{batch.code}-R%"))) or 0)
    new_batch = B(code=f"{batch.code}-R{n}"[:20], warehouse_id=batch.warehouse_id, status=BatchStatus.ASSIGNED.value,
                  priority_score=order.priority_score, picker_id=target.id)
    uow.session.add(new_batch)
    for seq, task in enumerate(sorted(tasks, key=lambda t: t.seq), start=1):
        task.batch = new_batch
        task.seq = seq
    tote_ids = {t.tote_id for t in tasks if t.tote_id}
    for tote in uow.session.scalars(select(models.Tote).where(models.Tote.id.in_(tote_ids))):
        tote.batch = new_batch
    for seq, task in enumerate(sorted(others, key=lambda t: t.seq), start=1):
        task.seq = seq
    uow.session.execute(update(B).where(B.id == batch.id).values(version=B.version + 1)
                        .execution_options(synchronize_session=False))
    order.assigned_picker_id = target.id
    uow.session.flush()
    uow.audit("order_reassigned", "order", order_no, picker=to_login, from_picker=from_login, reason=reason,
              from_batch=batch.code, batch=new_batch.code)
    # The old batch stays its picker's: "changed", not "reassigned" (which would send them away from it).
    uow.announce(BatchChanged(batch_code=batch.code, picker=from_login, orders_removed=(order_no,), reason=reason))
    uow.announce(BatchReassigned(batch_code=new_batch.code, picker=to_login, from_picker=from_login, reason=reason))
    uow.commit()
    return new_batch.code
