"""What every supervisor use case shares: the role check, the reason, moving an order, closing a case."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.lifecycle import BatchStatus, HoldReason, OrderStatus, can_transition
from desktop.domain.roles import Role, require_role
from desktop.services.orders import change_status
from desktop.services.stock import release_line
from desktop.domain.events import ExceptionResolved

ACTIVE_BATCH = (BatchStatus.OPEN.value, BatchStatus.ASSIGNED.value, BatchStatus.PICKING.value)
ON_FLOOR = (OrderStatus.RECEIVED, OrderStatus.HELD, OrderStatus.BACKORDERED, OrderStatus.READY,
            OrderStatus.PICKING, OrderStatus.PICKED, OrderStatus.PACKED)

# Decisions a supervisor may take per exception kind.
DECISIONS: dict[str, tuple[str, ...]] = {
    "short_pick": ("transfer", "wait", "substitute", "partial_refund", "full_refund"),
    "backorder": ("transfer", "wait", "full_refund"),
    "address_hold": ("release", "accept", "cancel"),
    "price_hold": ("release", "accept", "cancel"),
    "payment_hold": ("release", "accept", "cancel"),
    "weight_override": ("acknowledge",),
    "print_failed": ("reprint", "acknowledge"),
    "count_variance": ("approve", "recount"),
    # a shipment the carrier reports (tracking): send the goods again, refund, or wait for it / take it back
    "delayed": ("keep_waiting", "reship", "refund"),
    "lost": ("reship", "refund", "keep_waiting"),
    "refused": ("return_to_stock", "reship", "refund"),
}
DEFAULT_DECISIONS = ("acknowledge",)
DECISION_LABELS = {
    "transfer": ("Transfer from another warehouse", "从其他仓库调货"),
    "wait": ("Wait for stock", "等待补货"),
    "substitute": ("Substitute (customer consents)", "替代商品（客户同意）"),
    "partial_refund": ("Partial refund", "部分退款"),
    "full_refund": ("Full refund (cancel)", "全额退款（取消）"),
    "release": ("Release after the fix", "修正后放行"),
    "accept": ("Accept as is (ship without a fix)", "按原样接受（不修正即发货）"),
    "cancel": ("Cancel the order", "取消订单"),
    "acknowledge": ("Acknowledge", "确认"),
    "reprint": ("Reprint", "重新打印"),
    "approve": ("Approve the count (adjust stock)", "批准盘点（调整库存）"),
    "recount": ("Count again", "重新盘点"),
    "keep_waiting": ("Accept the delay, keep waiting", "接受延误，继续等待"),
    "reship": ("Reship", "重发"),
    "refund": ("Refund", "退款"),
    "return_to_stock": ("Return to stock when it comes back", "退回后入库"),
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
