"""The supervisor's use cases: run the floor, settle exceptions, read the audit log.

Every action checks the role (supervisor or admin), refuses what the order state machine refuses,
records decision + reason + who, audits, announces on the change feed and commits once.
A reassignment is announced on topic "batches" with `event="reassigned"`, `picker` and
`from_picker`: the picker's station hears it within a polling interval and reacts (between stops
its batch disappears; mid-stop it is told, not overridden — the picker workspace's side).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import String, cast, func, or_, select, update
from sqlalchemy.orm import selectinload

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import NotFound, PickdeskError, StaleData
from desktop.domain.lifecycle import (
    BatchStatus,
    HoldReason,
    OrderStatus,
    PriorityClass,
    can_transition,
    check_batch_transition,
    check_order_transition,
)
from desktop.domain.roles import Role, require_role
from desktop.routing.priority import priority_score
from desktop.services import intake
from desktop.services.orders import change_status
from desktop.services.replenishment import available_in_pick, request_replenishment
from desktop.services.stock import release_line, reserve_line
from desktop.domain.events import (
    AddressCorrected, BatchChanged, BatchReassigned, ExceptionResolved, OrderPriorityRaised, OrderReassigned, OrderReleased,
    ReprintRequested,
)

ACTIVE_BATCH = (BatchStatus.OPEN.value, BatchStatus.ASSIGNED.value, BatchStatus.PICKING.value)
ON_FLOOR = (OrderStatus.RECEIVED, OrderStatus.HELD, OrderStatus.BACKORDERED, OrderStatus.READY,
            OrderStatus.PICKING, OrderStatus.PICKED, OrderStatus.PACKED)

# Decisions a supervisor may take per exception kind.
DECISIONS: dict[str, tuple[str, ...]] = {
    "short_pick": ("transfer", "wait", "substitute", "partial_refund", "full_refund"),
    "backorder": ("transfer", "wait", "full_refund"),
    "address_hold": ("release", "cancel"),
    "price_hold": ("release", "cancel"),
    "payment_hold": ("release", "cancel"),
    "weight_override": ("acknowledge",),
    "print_failed": ("reprint", "acknowledge"),
}
DEFAULT_DECISIONS = ("acknowledge",)
DECISION_LABELS = {
    "transfer": ("Transfer from another warehouse", "从其他仓库调货"),
    "wait": ("Wait for stock", "等待补货"),
    "substitute": ("Substitute (customer consents)", "替代商品（客户同意）"),
    "partial_refund": ("Partial refund", "部分退款"),
    "full_refund": ("Full refund (cancel)", "全额退款（取消）"),
    "release": ("Release after the fix", "修正后放行"),
    "cancel": ("Cancel the order", "取消订单"),
    "acknowledge": ("Acknowledge", "确认"),
    "reprint": ("Reprint", "重新打印"),
}


class ReasonRequired(PickdeskError):
    code = "reason_required"

    def __init__(self) -> None:
        super().__init__("Give a reason: it is recorded with the decision.", "请填写原因：它会与决定一起记录。")


class DecisionRefused(PickdeskError):
    code = "decision_refused"


def _supervisor(uow: UnitOfWork) -> None:
    require_role(uow.actor.role, Role.SUPERVISOR)


def _reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise ReasonRequired()
    return text[:300]


def _order(uow: UnitOfWork, order_no: str) -> models.Order:
    order = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no)
                               .options(selectinload(models.Order.lines)))
    if order is None:
        raise NotFound(f"No order {order_no}.", f"没有订单 {order_no}。")
    return order


def _move(uow: UnitOfWork, order: models.Order, target: OrderStatus, reason: str,
          hold_reason: HoldReason = HoldReason.OTHER) -> None:
    """Move an order, through a hold when the machine allows no direct step (picking → cancelled)."""
    current = OrderStatus(order.status)
    if current is target:
        return
    if not can_transition(current, target) and current is not OrderStatus.HELD \
            and can_transition(current, OrderStatus.HELD) and can_transition(OrderStatus.HELD, target):
        change_status(uow, order, OrderStatus.HELD, reason=reason, hold_reason=hold_reason)
    change_status(uow, order, target, reason=reason)


def _release_reservations(uow: UnitOfWork, order: models.Order) -> int:
    return sum(release_line(uow, line) for line in order.lines if line.reservations)


def _cancel_tasks(uow: UnitOfWork, order: models.Order) -> None:
    line_ids = [ln.id for ln in order.lines]
    if line_ids:
        uow.session.execute(update(models.PickTask).where(models.PickTask.order_line_id.in_(line_ids),
                                                          models.PickTask.status == "open")
                            .values(status="skipped").execution_options(synchronize_session=False))


def _resolve_open(uow: UnitOfWork, order: models.Order, decision: str, reason: str,
                  kinds: Iterable[str] | None = None) -> None:
    E = models.ExceptionCase
    q = select(E).where(E.order_id == order.id, E.status == "open")
    if kinds is not None:
        q = q.where(E.kind.in_(list(kinds)))
    for case in uow.session.scalars(q):
        _close(uow, case, decision, reason)


def _close(uow: UnitOfWork, case: models.ExceptionCase, decision: str, reason: str) -> None:
    case.status, case.decision, case.reason = "resolved", decision, reason
    case.resolved_by, case.resolved_at = uow.actor.user_id, utcnow()
    uow.audit("exception_decided", "exception", case.id, kind=case.kind, decision=decision, reason=reason,
              order=case.order.order_no if case.order else None)
    uow.announce(ExceptionResolved(subject=str(case.id), kind=case.kind, decision=decision))


# ─── orders ─────────────────────────────────────────────────────────────────────


def _release(uow: UnitOfWork, order: models.Order, reason: str, now: datetime) -> str:
    status = OrderStatus(order.status)
    if status is OrderStatus.HELD:
        _resolve_open(uow, order, "release", reason, kinds=("address_hold", "price_hold", "payment_hold"))
        if any(ln.reservations for ln in order.lines):  # held after reservation: it keeps its units
            change_status(uow, order, OrderStatus.READY, reason=reason, at=now)
            return OrderStatus.READY.value
        change_status(uow, order, OrderStatus.RECEIVED, reason=reason, at=now)
        uow.session.flush()
        return intake.process_order(uow, order, now).status
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
    uow.commit()


def _cancel(uow: UnitOfWork, order: models.Order, reason: str) -> None:
    current = OrderStatus(order.status)
    if not can_transition(current, OrderStatus.CANCELLED) and not (
            can_transition(current, OrderStatus.HELD) and current is not OrderStatus.HELD):
        check_order_transition(current, OrderStatus.CANCELLED)  # raises IllegalTransition: shipped, delivered …
    _release_reservations(uow, order)
    _cancel_tasks(uow, order)
    _move(uow, order, OrderStatus.CANCELLED, reason, HoldReason.CUSTOMER)
    _resolve_open(uow, order, "cancel", reason)


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


# ─── exceptions ─────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class ExceptionRow:
    id: int
    kind: str
    status: str
    order_no: str | None
    order_status: str | None
    parcel: str | None
    created_at: datetime
    summary: str
    detail: dict[str, Any]
    decision: str | None
    reason: str | None
    resolved_by: str | None
    version: int
    decisions: tuple[str, ...]


def _summary(case: models.ExceptionCase) -> str:
    d = case.detail or {}
    if case.kind == "short_pick" and d.get("sku"):
        return (f"{d['sku']} short {d.get('missing_qty', d.get('short_qty', '?'))} at {d.get('location', '?')}"
                f" (batch {d.get('batch', '?')}, {d.get('picker', '?')})")
    if case.kind == "weight_override" and d.get("expected_g") is not None:
        return f"expected {d['expected_g']} g, weighed {d.get('measured_g')} g (±{d.get('tolerance_g')} g)"
    for key in ("reason", "note", "message", "error"):
        if d.get(key):
            return str(d[key])
    return ", ".join(f"{k}={v}" for k, v in d.items())


def list_exceptions(uow: UnitOfWork, open_only: bool = True, kind: str | None = None, limit: int = 500) -> list[ExceptionRow]:
    E, U = models.ExceptionCase, models.User
    q = (select(E, U.login).outerjoin(U, E.resolved_by == U.id).options(selectinload(E.order))
         .order_by(E.status.desc(), E.created_at, E.id).limit(limit))
    if open_only:
        q = q.where(E.status == "open")
    if kind:
        q = q.where(E.kind == kind)
    parcels = {}
    rows = list(uow.session.execute(q))
    pids = {c.parcel_id for c, _ in rows if c.parcel_id}
    if pids:
        parcels = {pid: code for pid, code in uow.session.execute(
            select(models.Parcel.id, models.Parcel.code).where(models.Parcel.id.in_(pids)))}
    return [ExceptionRow(c.id, c.kind, c.status, c.order.order_no if c.order else None,
                         c.order.status if c.order else None, parcels.get(c.parcel_id), c.created_at, _summary(c),
                         dict(c.detail or {}), c.decision, c.reason, login, c.version,
                         DECISIONS.get(c.kind, DEFAULT_DECISIONS)) for c, login in rows]


def _short_lines(uow: UnitOfWork, case: models.ExceptionCase, order: models.Order) -> list[tuple[models.OrderLine, int]]:
    d = case.detail or {}
    line_id = d.get("order_line_id") or d.get("line_id")
    if not line_id and d.get("line_no"):  # the picker's short pick names the line by its number
        line = next((ln for ln in order.lines if ln.line_no == int(d["line_no"])), None)
        qty = int(d.get("missing_qty") or d.get("short_qty") or (line.short_qty if line else 0))
        return [(line, qty)] if line and qty > 0 else []
    if line_id:
        line = uow.session.get(models.OrderLine, int(line_id))
        qty = int(d.get("short_qty") or d.get("qty") or (line.short_qty if line else 0))
        return [(line, qty)] if line and qty > 0 else []
    return [(ln, ln.short_qty) for ln in order.lines if ln.short_qty > 0]


def _transfer(uow: UnitOfWork, order: models.Order, lines: list[tuple[models.OrderLine, int]]) -> list[int]:
    to_wh = order.warehouse_id or intake.warehouse_for(uow, order).id
    made = []
    for line, qty in lines:
        W = models.Warehouse
        source = None
        for wh in uow.session.scalars(select(W).where(W.id != to_wh, W.active.is_(True)).order_by(W.id)):
            if available_in_pick(uow, line.sku_id, wh.id) >= qty:
                source = wh
                break
        if source is None:
            raise DecisionRefused(f"No other warehouse holds {qty} of {line.sku.sku_code}: choose wait or refund.",
                                  f"其他仓库没有 {qty} 件 {line.sku.sku_code}：请选择等待或退款。")
        transfer = models.StockTransfer(sku_id=line.sku_id, from_warehouse_id=source.id, to_warehouse_id=to_wh,
                                        qty=qty, order_id=order.id)
        uow.session.add(transfer)
        uow.session.flush()
        made.append(transfer.id)
    return made


def _refund(uow: UnitOfWork, order: models.Order, amount: Decimal, why: str) -> Decimal:
    amount = amount.quantize(Decimal("0.01"))
    uow.session.add(models.Notification(order_id=order.id, kind="refund", payload={
        "order_no": order.order_no, "amount": str(amount), "currency": order.currency, "why": why}))
    uow.audit("refund", "order", order.order_no, amount=str(amount), why=why)
    return amount


def _back_to_ready(uow: UnitOfWork, order: models.Order, reason: str) -> None:
    if OrderStatus(order.status) in (OrderStatus.READY, OrderStatus.PICKING):
        return
    _move(uow, order, OrderStatus.READY, reason, HoldReason.SHORTAGE)


def decide_exception(uow: UnitOfWork, exception_id: int, decision: str, reason: str, *,
                     expected_version: int | None = None, substitute_sku: str | None = None,
                     customer_consent: str | None = None, now: datetime | None = None) -> dict[str, Any]:
    """Settle one exception. Returns what was done (transfer ids, refund amount, new line …)."""
    _supervisor(uow)
    reason = _reason(reason)
    now = now or utcnow()
    case = uow.session.get(models.ExceptionCase, exception_id)
    if case is None:
        raise NotFound(f"No exception {exception_id}.", f"没有异常 {exception_id}。")
    if expected_version is not None and case.version != expected_version:
        raise StaleData("Someone settled or changed this exception meanwhile.", "此异常已被他人处理或更改。")
    if case.status != "open":
        raise DecisionRefused(f"Exception {exception_id} is already {case.status}.", f"异常 {exception_id} 已处理。")
    allowed = DECISIONS.get(case.kind, DEFAULT_DECISIONS)
    if decision not in allowed:
        raise DecisionRefused(f"{decision!r} is not a decision for {case.kind}: one of {', '.join(allowed)}.",
                              f"「{decision}」不适用于 {case.kind}：可选 {'、'.join(allowed)}。")
    order = case.order
    done: dict[str, Any] = {"decision": decision}
    if case.kind in ("short_pick", "backorder"):
        lines = _short_lines(uow, case, order) if case.kind == "short_pick" else [
            (ln, ln.qty) for ln in order.lines]
        if decision == "transfer":
            done["transfers"] = _transfer(uow, order, lines)
            if OrderStatus(order.status) is not OrderStatus.HELD:
                _move(uow, order, OrderStatus.HELD, f"waiting for transfer: {reason}", HoldReason.SHORTAGE)
                order.hold_reason, order.hold_detail = HoldReason.SHORTAGE.value, f"transfer: {reason}"[:300]
        elif decision == "wait":
            for line, qty in lines:
                request_replenishment(uow, line.sku, order.warehouse_id or intake.warehouse_for(uow, order).id,
                                      qty + max(line.sku.low_stock_threshold, 1) * 2, "short_pick")
            _release_reservations(uow, order)
            _cancel_tasks(uow, order)
            _move(uow, order, OrderStatus.BACKORDERED, reason, HoldReason.SHORTAGE)
        elif decision == "substitute":
            consent = (customer_consent or "").strip()
            if not substitute_sku or not consent:
                raise DecisionRefused("A substitute needs the product and the customer's consent (how and when).",
                                      "替代商品需要填写商品及客户同意的记录（方式和时间）。")
            sku = uow.session.scalar(select(models.Sku).where(
                models.Sku.merchant_id == order.merchant_id,
                or_(models.Sku.sku_code == substitute_sku, models.Sku.gtin == substitute_sku.zfill(14))))
            if sku is None:
                raise NotFound(f"No product {substitute_sku} of this merchant.", f"该商户没有商品 {substitute_sku}。")
            next_no = max(ln.line_no for ln in order.lines) + 1
            new_lines = []
            for n, (line, qty) in enumerate(lines):
                new = models.OrderLine(line_no=next_no + n, sku=sku, qty=qty, unit_price=line.unit_price,
                                       substitute_for_line_id=line.id)
                order.lines.append(new)
                uow.session.flush()
                reserve_line(uow, new, order.warehouse_id or intake.warehouse_for(uow, order).id, now.date())
                new_lines.append(new.line_no)
            done.update(new_lines=new_lines, substitute=sku.sku_code, consent=consent)
            _back_to_ready(uow, order, f"substitute {sku.sku_code}: {reason}")
        elif decision == "partial_refund":
            amount = sum((line.unit_price * qty for line, qty in lines), Decimal("0"))
            done["refund"] = str(_refund(uow, order, amount, f"short pick: {reason}"))
            if OrderStatus(order.status) is OrderStatus.HELD:
                _back_to_ready(uow, order, f"partial refund: {reason}")
        elif decision == "full_refund":
            done["refund"] = str(_refund(uow, order, order.total_charged, f"full refund: {reason}"))
            _cancel(uow, order, reason)
    elif case.kind.endswith("_hold"):
        if decision == "release":
            case.status = "resolved"  # settled by this decision; _release must not close it twice
            done["result"] = _release(uow, order, reason, now)
        else:
            _cancel(uow, order, reason)
    elif decision == "reprint":
        uow.announce(ReprintRequested(parcel_id=case.parcel_id, exception=case.id, detail=dict(case.detail or {})))
    if consent := done.get("consent"):
        case.detail = {**(case.detail or {}), "customer_consent": consent}
    if case.status != "resolved" or case.decision is None:
        _close(uow, case, decision, reason)
    uow.commit()
    return done


# ─── the floor board ────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class BoardOrder:
    order_no: str
    merchant: str
    status: str
    priority_class: str
    priority_score: float
    promised_ship_by: datetime | None
    minutes_left: int | None  # negative: overdue
    hold_reason: str | None
    hold_detail: str | None
    picker: str | None
    batch: str | None
    lines: int
    units: int


@dataclass(frozen=True)
class PickerRow:
    login: str
    display_name: str
    role: str
    station: str | None
    last_seen: datetime | None
    online: bool
    batch: str | None
    batch_status: str | None
    batch_version: int | None
    stops_done: int
    stops: int


@dataclass(frozen=True)
class StationRow:
    name: str
    kind: str
    user: str | None
    last_seen: datetime | None
    online: bool


@dataclass(frozen=True)
class FloorBoard:
    at: datetime
    counts: dict[tuple[str, str], int]  # (status, priority class) → orders
    orders: list[BoardOrder]
    pickers: list[PickerRow]
    stations: list[StationRow]
    open_exceptions: int

    def count(self, status: str) -> int:
        return sum(n for (s, _), n in self.counts.items() if s == status)


ONLINE_WINDOW = timedelta(hours=12)  # a station signed in within this time and not signed out counts as online


def floor_board(uow: UnitOfWork, now: datetime | None = None, limit: int = 300) -> FloorBoard:
    now = now or utcnow()
    O, T, B, U, S = models.Order, models.PickTask, models.PickBatch, models.User, models.Station
    counts = {(st, pc): n for st, pc, n in uow.session.execute(
        select(O.status, O.priority_class, func.count()).group_by(O.status, O.priority_class))}
    floor = [s.value for s in ON_FLOOR]
    orders = list(uow.session.scalars(
        select(O).where(O.status.in_(floor)).options(selectinload(O.merchant), selectinload(O.lines))
        .order_by(O.promised_ship_by.is_(None), O.promised_ship_by, O.priority_score.desc()).limit(limit)))
    ids = [o.id for o in orders]
    batch_of: dict[int, tuple[str, str | None]] = {}
    if ids:
        for order_id, code, login in uow.session.execute(
                select(models.OrderLine.order_id, B.code, U.login).select_from(T)
                .join(models.OrderLine, T.order_line_id == models.OrderLine.id).join(B, T.batch_id == B.id)
                .outerjoin(U, B.picker_id == U.id)
                .where(models.OrderLine.order_id.in_(ids), B.status.in_(ACTIVE_BATCH))):
            batch_of[order_id] = (code, login)
    pickers_by_id = {uid: login for uid, login in uow.session.execute(select(U.id, U.login))}
    board_orders = []
    for o in orders:
        left = None if o.promised_ship_by is None else int((o.promised_ship_by - now).total_seconds() // 60)
        code, login = batch_of.get(o.id, (None, pickers_by_id.get(o.assigned_picker_id)))
        board_orders.append(BoardOrder(o.order_no, o.merchant.code, o.status, o.priority_class,
                                       round(o.priority_score, 1), o.promised_ship_by, left, o.hold_reason,
                                       o.hold_detail, login, code, len(o.lines), sum(ln.qty for ln in o.lines)))
    stations = []
    station_of: dict[int, tuple[str, datetime | None]] = {}
    for st, login in uow.session.execute(select(S, U.login).outerjoin(U, S.current_user_id == U.id).order_by(S.name)):
        online = st.current_user_id is not None and st.last_seen_at is not None and now - st.last_seen_at < ONLINE_WINDOW
        stations.append(StationRow(st.name, st.kind, login, st.last_seen_at, online))
        if st.current_user_id is not None:
            station_of[st.current_user_id] = (st.name, st.last_seen_at)
    batches: dict[int, models.PickBatch] = {}
    for batch in uow.session.scalars(select(B).where(B.status.in_(ACTIVE_BATCH), B.picker_id.is_not(None))
                                     .options(selectinload(B.tasks)).order_by(B.status.desc(), B.id)):
        batches.setdefault(batch.picker_id, batch)
    pickers = []
    for user in uow.session.scalars(select(U).where(U.role == Role.PICKER.value, U.active.is_(True)).order_by(U.login)):
        station, seen = station_of.get(user.id, (None, None))
        batch = batches.get(user.id)
        pickers.append(PickerRow(
            user.login, user.display_name, user.role, station, seen,
            station is not None and seen is not None and now - seen < ONLINE_WINDOW,
            batch.code if batch else None, batch.status if batch else None, batch.version if batch else None,
            sum(1 for t in batch.tasks if t.status != "open") if batch else 0, len(batch.tasks) if batch else 0))
    open_exc = uow.session.scalar(select(func.count()).select_from(models.ExceptionCase)
                                  .where(models.ExceptionCase.status == "open")) or 0
    # Overdue first, then by time left; orders without a promise last.
    board_orders.sort(key=lambda o: (o.minutes_left is None, o.minutes_left if o.minutes_left is not None else 0,
                                     -o.priority_score))
    return FloorBoard(now, counts, board_orders, pickers, stations, open_exc)


def active_batches(uow: UnitOfWork) -> list[tuple[str, str | None, str, int]]:
    """(code, picker login, status, version) of every batch still on the floor."""
    B, U = models.PickBatch, models.User
    return [(c, login, st, v) for c, login, st, v in uow.session.execute(
        select(B.code, U.login, B.status, B.version).outerjoin(U, B.picker_id == U.id)
        .where(B.status.in_(ACTIVE_BATCH)).order_by(B.code))]


def picker_logins(uow: UnitOfWork) -> list[tuple[str, str]]:
    U = models.User
    return [(login, name) for login, name in uow.session.execute(
        select(U.login, U.display_name).where(U.role == Role.PICKER.value, U.active.is_(True)).order_by(U.login))]


# ─── customer data (supervisors only) ───────────────────────────────────────────


@dataclass(frozen=True)
class CustomerView:
    order_no: str
    name: str
    phone: str
    email: str
    country: str
    province: str
    city: str
    district: str
    detail: str
    postal_code: str


def open_customer(uow: UnitOfWork, order_no: str) -> CustomerView:
    """The full recipient for fixing an address hold; opening it is audited."""
    _supervisor(uow)
    order = _order(uow, order_no)
    s, no = uow.sealer, order.order_no
    view = CustomerView(no, s.open(order.customer_name_sealed, "customer_name", no),
                        s.open(order.customer_phone_sealed, "customer_phone", no),
                        s.open(order.customer_email_sealed, "customer_email", no) if order.customer_email_sealed else "",
                        order.ship_country, order.ship_province, order.ship_city, order.ship_district,
                        s.open(order.ship_detail_sealed, "ship_detail", no), order.ship_postal_code)
    uow.audit("customer_opened", "order", no, purpose="supervisor")
    uow.commit()
    return view


def correct_address(uow: UnitOfWork, order_no: str, reason: str, *, province: str | None = None,
                    city: str | None = None, district: str | None = None, detail: str | None = None,
                    postal_code: str | None = None, phone: str | None = None) -> None:
    """Fix a held order's address or phone (as the customer confirmed); sealed again. Release follows."""
    _supervisor(uow)
    reason = _reason(reason)
    order = _order(uow, order_no)
    if OrderStatus(order.status) is not OrderStatus.HELD:
        raise DecisionRefused("Only a held order's address is corrected here.", "只能修改挂起订单的地址。")
    changed = []
    for attr, value in (("ship_province", province), ("ship_city", city), ("ship_district", district),
                        ("ship_postal_code", postal_code)):
        if value is not None:
            setattr(order, attr, value.strip())
            changed.append(attr)
    if detail is not None:
        order.ship_detail_sealed = uow.sealer.seal(detail.strip(), "ship_detail", order_no)
        changed.append("ship_detail")
    if phone is not None:
        order.customer_phone_sealed = uow.sealer.seal(phone.strip(), "customer_phone", order_no)
        changed.append("customer_phone")
    uow.audit("address_corrected", "order", order_no, fields=changed, reason=reason)
    uow.announce(AddressCorrected(order_no=order_no, status=order.status))
    uow.commit()


# ─── audit ──────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    user: str | None
    station: str | None
    action: str
    entity: str
    entity_id: str | None
    detail: dict[str, Any]


def search_audit(uow: UnitOfWork, text: str | None = None, user: str | None = None, action: str | None = None,
                 since: datetime | None = None, until: datetime | None = None, limit: int = 300) -> list[AuditRow]:
    _supervisor(uow)
    A, U = models.AuditEntry, models.User
    q = select(A, U.login).outerjoin(U, A.user_id == U.id).order_by(A.at.desc(), A.id.desc()).limit(limit)
    if text:
        needle = f"%{text.strip().lower()}%"
        q = q.where(or_(func.lower(A.action).like(needle), func.lower(A.entity).like(needle),
                        func.lower(func.coalesce(A.entity_id, "")).like(needle),
                        func.lower(cast(A.detail, String)).like(needle)))
    if user:
        q = q.where(U.login == user) if user != "system" else q.where(A.user_id.is_(None))
    if action:
        q = q.where(A.action == action)
    if since:
        q = q.where(A.at >= since)
    if until:
        q = q.where(A.at < until)
    return [AuditRow(a.id, a.at, login or ("system" if a.user_id is None else None), a.station, a.action, a.entity,
                     a.entity_id, dict(a.detail or {})) for a, login in uow.session.execute(q)]


def audit_actions(uow: UnitOfWork) -> list[str]:
    A = models.AuditEntry
    return [a for (a,) in uow.session.execute(select(A.action).distinct().order_by(A.action))]
