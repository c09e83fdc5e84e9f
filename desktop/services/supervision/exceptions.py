"""Exceptions: listing them, and settling one — `decide_exception`, a table of handlers, one per kind."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import NotFound, StaleData
from desktop.domain.lifecycle import HoldReason, OrderStatus
from desktop.services import counts, intake, returns, transfers
from desktop.services.replenishment import available_in_pick, request_replenishment
from desktop.services.stock import reserve_line
from desktop.domain.events import ReprintRequested
from desktop.services.supervision.common import (
    DECISIONS, DEFAULT_DECISIONS, DecisionRefused, _supervisor, _reason, _move, _release_reservations,
    _cancel_tasks, _close,
)
from desktop.services.supervision.orders import _release, _cancel


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
    if case.kind == counts.EXCEPTION_KIND and d.get("count"):
        return f"count {d['count']} round {d.get('round', 1)} by {d.get('counter', '?')}: {', '.join(d.get('bins', []))}"
    if case.kind == "weight_override" and d.get("expected_g") is not None:
        return f"expected {d['expected_g']} g, weighed {d.get('measured_g')} g (±{d.get('tolerance_g')} g)"
    for key in ("reason", "note", "message", "error"):
        if d.get(key):
            return str(d[key])
    return ", ".join(f"{k}={v}" for k, v in d.items())


def list_exceptions(uow: UnitOfWork, open_only: bool = True, kind: str | None = None, limit: int = 500) -> list[ExceptionRow]:
    _supervisor(uow)  # an intake hold's findings quote what was wrong with the customer's address
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
    figures: dict[int, dict[str, Any]] = {}
    for c, _login in rows:  # a count's case shows its lines' figures (the supervisor's, not the counter's)
        if c.kind == counts.EXCEPTION_KIND and c.status == "open" and (c.detail or {}).get("count_id"):
            figures[c.id] = {"lines": [dataclasses.asdict(ln) for ln in counts.variance_lines(
                uow, int(c.detail["count_id"]), round_=int(c.detail.get("round", 1))) if ln.outcome == "review"]}
    asked = _customer_asked(uow, [c for c, _ in rows])
    story = _shipment_story(uow, [c for c, _ in rows])
    return [ExceptionRow(c.id, c.kind, c.status, c.order.order_no if c.order else None,
                         c.order.status if c.order else None, parcels.get(c.parcel_id), c.created_at, _summary(c),
                         {**(c.detail or {}), **figures.get(c.id, {}),
                          **({"customer_asked": asked[c.id]} if c.id in asked else {}),
                          **({"story": story[c.id]} if c.id in story else {})},
                         c.decision, c.reason, login, c.version,
                         DECISIONS.get(c.kind, DEFAULT_DECISIONS)) for c, login in rows]


SHIPMENT_KINDS = ("delayed", "lost", "refused")


def _shipment_story(uow: UnitOfWork, cases: list[models.ExceptionCase]) -> dict[int, list[dict[str, Any]]]:
    """A shipment case's story: its shipment's tracking events, oldest first (one query for all)."""
    wanted = {c.id: (c.detail or {}).get("tracking_no") for c in cases if c.kind in SHIPMENT_KINDS}
    numbers = {t for t in wanted.values() if isinstance(t, str)}
    if not numbers:
        return {}
    S, T = models.Shipment, models.TrackingEvent
    events: dict[str, list[dict[str, Any]]] = {}
    for number, at, kind, place, detail in uow.session.execute(
            select(S.tracking_no, T.at, T.kind, T.place, T.detail).join(T, T.shipment_id == S.id)
            .where(S.tracking_no.in_(numbers)).order_by(T.at, T.id)):
        events.setdefault(number, []).append({"at": at.isoformat(), "kind": kind, "place": place or "",
                                              "detail": detail or ""})
    return {cid: events.get(t, []) for cid, t in wanted.items() if isinstance(t, str)}


def _customer_asked(uow: UnitOfWork, cases: list[models.ExceptionCase]) -> dict[int, dict[str, Any]]:
    """An address hold's request to the customer, as the outbox has it now: queued, sent (when, delivery
    report) or failed (why)."""
    wanted = {c.id: (c.detail or {}).get("customer_asked") or {} for c in cases if c.kind == "address_hold"}
    ids = {a["notification"] for a in wanted.values() if a.get("notification")}
    N = models.Notification
    rows = {n.id: n for n in uow.session.scalars(select(N).where(N.id.in_(ids)))} if ids else {}
    out: dict[int, dict[str, Any]] = {}
    for case_id, a in wanted.items():
        n = rows.get(a.get("notification"))
        if n is None:
            out[case_id] = {**a, "status": a.get("status") or "none"}
            continue
        out[case_id] = {**a, "status": n.status, "sent_at": n.sent_at.isoformat() if n.sent_at else None,
                        "report": n.payload.get("report"), "error": n.payload.get("last_error"),
                        "attempts": n.attempts}
    return out


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


def _transfer(uow: UnitOfWork, order: models.Order, lines: list[tuple[models.OrderLine, int]], reason: str,
              now: datetime) -> list[int]:
    try:
        return [t.id for t in transfers.make_transfers(uow, order, lines, reason, now=now)]
    except transfers.TransferRefused as exc:
        raise DecisionRefused(exc.message, exc.message_zh) from None


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


@dataclass
class Settling:
    """One decision being carried out: what a kind's handler gets, and `done` (what it did) to fill in."""

    uow: UnitOfWork
    case: models.ExceptionCase
    order: models.Order
    decision: str
    reason: str
    now: datetime
    substitute_sku: str | None
    customer_consent: str | None
    done: dict[str, Any]


def _settle_shortage(s: Settling) -> None:
    """Short pick or backorder: transfer, wait for stock, substitute, refund part or all."""
    uow, order, reason = s.uow, s.order, s.reason
    lines = _short_lines(uow, s.case, order) if s.case.kind == "short_pick" else [(ln, ln.qty) for ln in order.lines]
    if s.decision == "transfer":
        s.done["transfers"] = _transfer(uow, order, lines, reason, s.now)
    elif s.decision == "wait":
        for line, qty in lines:
            request_replenishment(uow, line.sku, order.warehouse_id or intake.warehouse_for(uow, order).id,
                                  qty + max(line.sku.low_stock_threshold, 1) * 2, "short_pick")
        _release_reservations(uow, order)
        _cancel_tasks(uow, order)
        _move(uow, order, OrderStatus.BACKORDERED, reason, HoldReason.SHORTAGE)
    elif s.decision == "substitute":
        _substitute(s, lines)
    elif s.decision == "partial_refund":
        amount = sum((line.unit_price * qty for line, qty in lines), Decimal("0"))
        s.done["refund"] = str(_refund(uow, order, amount, f"short pick: {reason}"))
        if OrderStatus(order.status) is OrderStatus.HELD:
            _back_to_ready(uow, order, f"partial refund: {reason}")
    elif s.decision == "full_refund":
        s.done["refund"] = str(_refund(uow, order, order.total_charged, f"full refund: {reason}"))
        _cancel(uow, order, reason)


def _substitute(s: Settling, lines: list[tuple[models.OrderLine, int]]) -> None:
    uow, order = s.uow, s.order
    consent = (s.customer_consent or "").strip()
    if not s.substitute_sku or not consent:
        raise DecisionRefused("A substitute needs the product and the customer's consent (how and when).",
                              "替代商品需要填写商品及客户同意的记录（方式和时间）。")
    sku = uow.session.scalar(select(models.Sku).where(
        models.Sku.merchant_id == order.merchant_id,
        or_(models.Sku.sku_code == s.substitute_sku, models.Sku.gtin == s.substitute_sku.zfill(14))))
    if sku is None:
        raise NotFound(f"No product {s.substitute_sku} of this merchant.", f"该商户没有商品 {s.substitute_sku}。")
    next_no = max(ln.line_no for ln in order.lines) + 1
    new_lines = []
    for n, (line, qty) in enumerate(lines):
        new = models.OrderLine(line_no=next_no + n, sku=sku, qty=qty, unit_price=line.unit_price,
                               substitute_for_line_id=line.id)
        order.lines.append(new)
        uow.session.flush()
        reserve_line(uow, new, order.warehouse_id or intake.warehouse_for(uow, order).id, s.now.date())
        new_lines.append(new.line_no)
    s.done.update(new_lines=new_lines, substitute=sku.sku_code, consent=consent)
    s.case.detail = {**(s.case.detail or {}), "customer_consent": consent}
    _back_to_ready(uow, order, f"substitute {sku.sku_code}: {s.reason}")


def _settle_hold(s: Settling) -> None:
    """An intake hold (address, price, payment): release after the fix, accept as is, or cancel."""
    if s.decision in ("release", "accept"):
        s.case.status = "resolved"  # settled by this decision; _release must not close it twice
        accept = (str((s.case.detail or {}).get("gate") or s.case.kind.removesuffix("_hold")),) \
            if s.decision == "accept" else ()
        s.done["result"] = _release(s.uow, s.order, s.reason, s.now, accept=accept)
    else:
        _cancel(s.uow, s.order, s.reason)


def _settle_print_failed(s: Settling) -> None:
    if s.decision == "reprint":
        s.uow.announce(ReprintRequested(parcel_id=s.case.parcel_id, exception=s.case.id,
                                        detail=dict(s.case.detail or {})))


def _settle_count(s: Settling) -> None:
    """A count over the tolerance: approve (adjust stock, re-plan reservations) or count again."""
    count = s.uow.session.get(models.StockCount, int((s.case.detail or {}).get("count_id", 0)))
    if count is None or count.status != "review":
        raise DecisionRefused("This count is no longer waiting for a decision.", "此盘点单已不在待审批状态。")
    if s.decision == "approve":
        s.done.update(counts.approve_count(s.uow, count, now=s.now))
    else:
        s.done.update(counts.recount(s.uow, count))


def _shipped_lines(uow: UnitOfWork, case: models.ExceptionCase, order: models.Order) -> list[tuple[models.OrderLine, int]]:
    """What went in the case's shipment (its parcels' contents), else what the order packed."""
    tracking = (case.detail or {}).get("tracking_no")
    shipment = uow.session.scalar(select(models.Shipment).where(models.Shipment.tracking_no == tracking)) \
        if tracking else None
    qty: dict[int, int] = {}
    for parcel in shipment.parcels if shipment is not None else ():
        for item in parcel.contents:
            qty[item.order_line_id] = qty.get(item.order_line_id, 0) + item.qty
    by_id = {ln.id: ln for ln in order.lines}
    lines = [(by_id[i], n) for i, n in qty.items() if i in by_id and n > 0]
    return lines or [(ln, ln.packed_qty or ln.picked_qty or ln.qty) for ln in order.lines if ln.qty]


def _refusal_return(uow: UnitOfWork, case: models.ExceptionCase) -> models.ReturnRequest | None:
    rma_no = (case.detail or {}).get("rma")
    return uow.session.scalar(select(models.ReturnRequest).where(models.ReturnRequest.rma_no == rma_no)) \
        if rma_no else None


def _settle_shipment(s: Settling) -> None:
    """A shipment delayed, lost or refused (tracking): reship, refund, keep waiting, or take it back.

    A reship is a new order of the same items (`returns.reship_copy`), run through intake at once so its
    stock is reserved again; packing gives it a new waybill. A refund is recorded as the exceptions'
    refunds are (an audited refund notice); a lost order is then closed (cancelled). A refused
    delivery's return (RMA) stays open to be received back to stock; a refund or reship decided here is
    written on it, so settling the return later does not pay or send twice."""
    uow, case, order = s.uow, s.case, s.order
    if order is None:
        raise DecisionRefused("This exception names no order.", "此异常没有关联订单。")
    tracking = (case.detail or {}).get("tracking_no") or ""
    rma = _refusal_return(uow, case) if case.kind == "refused" else None
    if rma is not None and rma.status in ("closed", "rejected"):
        raise DecisionRefused(f"Return {rma.rma_no} is already {rma.status}: it was settled at the returns bench.",
                              f"退货单 {rma.rma_no} 已在退货台处理。")
    if s.decision == "keep_waiting":
        s.done["waiting_for"] = tracking
    elif s.decision == "return_to_stock":
        if rma is None:
            raise DecisionRefused("No return is open for this refused delivery.", "这次拒收没有退货单。")
        s.done["rma"] = rma.rma_no  # the returns bench receives it, inspects and restocks
    elif s.decision == "reship":
        copy = returns.reship_copy(uow, order, _shipped_lines(uow, case, order), f"{case.kind} {tracking}".strip(),
                                   {"exception": case.id, "tracking_no": tracking, "cause": case.kind})
        s.done["new_order"] = copy.order_no
        # at no charge by the supervisor's decision: the price gate's "charged 0.00" is accepted as is
        s.done["result"] = intake.process_order(uow, copy, s.now, accepted=("price",)).status
        uow.audit("order_reshipped", "order", order.order_no, new_order=copy.order_no, cause=case.kind,
                  tracking_no=tracking, result=s.done["result"], reason=s.reason)
    elif s.decision == "refund":
        s.done["refund"] = str(_refund(uow, order, order.total_charged, f"{case.kind} {tracking}: {s.reason}"))
        if OrderStatus(order.status) is OrderStatus.LOST:
            _move(uow, order, OrderStatus.CANCELLED, s.reason)
    if rma is not None and s.decision in ("reship", "refund"):
        decided = {"kind": "decided", "decision": s.decision, "exception": case.id,
                   **({"amount": s.done["refund"]} if "refund" in s.done else {}),
                   **({"new_order": s.done["new_order"]} if "new_order" in s.done else {})}
        rma.evidence = [*(rma.evidence or []), decided]
        rma.resolution = s.decision
        if "refund" in s.done:
            rma.refund_amount = Decimal(s.done["refund"])
    s.case.detail = {**(s.case.detail or {}), "decided": dict(s.done)}


def _acknowledge(s: Settling) -> None:
    """Nothing to do but record the decision (weight overrides, tracking news, conflicts …)."""


# How each kind of exception is settled; a kind not listed is acknowledged (DEFAULT_DECISIONS).
SETTLE: dict[str, Callable[[Settling], None]] = {
    "short_pick": _settle_shortage,
    "backorder": _settle_shortage,
    "address_hold": _settle_hold,
    "price_hold": _settle_hold,
    "payment_hold": _settle_hold,
    "print_failed": _settle_print_failed,
    "weight_override": _acknowledge,
    counts.EXCEPTION_KIND: _settle_count,
    "delayed": _settle_shipment,
    "lost": _settle_shipment,
    "refused": _settle_shipment,
}


def decide_exception(uow: UnitOfWork, exception_id: int, decision: str, reason: str, *,
                     expected_version: int | None = None, substitute_sku: str | None = None,
                     customer_consent: str | None = None, now: datetime | None = None) -> dict[str, Any]:
    """Settle one exception by its kind's handler (`SETTLE`). Returns what was done (transfer ids, refund …)."""
    _supervisor(uow)
    reason = _reason(reason)
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
    settling = Settling(uow, case, case.order, decision, reason, now or utcnow(), substitute_sku, customer_consent,
                        {"decision": decision})
    SETTLE.get(case.kind, _acknowledge)(settling)
    if case.status != "resolved" or case.decision is None:
        _close(uow, case, decision, reason)
    uow.commit()
    return settling.done
