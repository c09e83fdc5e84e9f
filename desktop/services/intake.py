"""Intake: every received order passes the gates before a picker sees it — one transaction per order.

Gates, in order, each leaving an outcome in `orders.intake_outcome[gate]` = {"status", "note"}:

1. ``address`` — the contact phone (phonenumbers; masked numbers held, a virtual number with an
   extension accepted) and the address (China's administrative divisions; every other country by
   Google's address metadata: required fields, postal code, division names; see
   `desktop.domain.address`). A problem holds the order (HoldReason.ADDRESS) naming the field.
2. ``price`` — the payable amount recomputed by `desktop.domain.pricing.compute_price` from the
   lines, the promotions in force when the order was placed (the merchant's and those for every
   merchant) and the merchant's shipping terms with their regional fees, all as set up; a coupon problem or a
   payable ≠ `total_charged` holds it (HoldReason.PRICE), reporting both amounts.
3. ``payment`` — paid online: on; cash on delivery: `cod_amount` set for the carrier; pending or
   failed: held (HoldReason.PAYMENT) and a customer notification queued.
4. ``stock`` — only for an order no gate held: every line reserved earliest-expiry-first
   (`stock.reserve_line`, conditional updates: no unit twice on either engine) in the first
   warehouse set up that is active (`warehouse_for`). Short: the order
   waits as BACKORDERED, nothing stays reserved, and a replenishment request is raised.
5. ``pii`` — the customer fields are sealed (they are sealed on import) and open for this order.

Every gate runs, whatever the others found: an order wrong in address and price is held with both.
Each held gate's outcome lists its `findings` (field, message, message_zh), every one, not only
the first. A held order gets an ExceptionCase per failed gate (address_hold, price_hold,
payment_hold), each carrying the findings of all its gates (`detail["findings"]`). A
released order becomes READY with its priority score. Afterwards any SKU the order took under its
low-stock threshold raises one low-stock request.

Two intakes never process the same order: each first claims it with a conditional UPDATE of its
version while it is still `received`; the loser's claim matches no row and it moves on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import selectinload, undefer_group

from desktop.security.crypto import SealBroken
from desktop.security.keys import KeyRefused
from desktop.db import models
from desktop.db.database import Database, UnitOfWork
from desktop.db.retry import run_with_retry
from desktop.db.types import utcnow
from desktop.domain.actor import Actor
from desktop.domain.address import check_address, check_phone
from desktop.domain.errors import PickdeskError
from desktop.domain.lifecycle import HoldReason, OrderStatus, PaymentMethod, PaymentStatus
from desktop.domain.pricing import PriceRule, ShippingRegion, compute_price
from desktop.domain.roles import Role, require_role
from desktop.routing.priority import priority_score
from desktop.services.notifications import order_language, queue_notification
from desktop.services.orders import change_status
from desktop.services.replenishment_tasks import plan_refills
from desktop.services.shaping import PART_SUFFIX, Merger, buyer_digest, split_off
from desktop.services.replenishment import check_low_stock, request_replenishment
from desktop.services.stock import FefoPool, InsufficientStock, release_line, reserve_line
from desktop.domain.events import OrderHeld

log = logging.getLogger(__name__)

GATES = ("address", "price", "payment", "stock", "pii")
HOLD_KINDS = {"address": HoldReason.ADDRESS, "price": HoldReason.PRICE, "payment": HoldReason.PAYMENT}
RETRIES = 5
GROUP_SIZE = 50  # orders claimed, checked and committed together (see `intake_group`)
# How a Chinese note names the fields a gate finds wrong (address fields keep the mall's names).
FIELDS_ZH = {"coupons": "优惠券", "total_charged": "实收金额", "payment.status": "支付状态", "customer": "顾客资料"}


@dataclass(frozen=True)
class IntakeResult:
    order_no: str
    status: str  # ready, held, backordered
    outcome: dict[str, dict[str, Any]]

    @property
    def held_gates(self) -> tuple[str, ...]:
        return tuple(g for g in GATES if self.outcome.get(g, {}).get("status") == "held")


@dataclass
class IntakeSummary:
    results: list[IntakeResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # taken by another intake meanwhile
    failed: list[tuple[str, str]] = field(default_factory=list)  # (order no, error)
    presale: list[str] = field(default_factory=list)  # waiting for a pre-sale product's shipping day

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def processed(self) -> int:
        return len(self.results)

    def describe(self) -> str:
        return (f"{self.processed} processed: {self.count('ready')} ready, {self.count('held')} held, "
                f"{self.count('backordered')} backordered; {len(self.skipped)} skipped, {len(self.failed)} failed"
                + (f"; {len(self.presale)} waiting for pre-sale" if self.presale else ""))


def _gate(status: str, note: str = "", **extra: Any) -> dict[str, Any]:
    return {"status": status, "note": note, **extra}


def _finding(field: str, message: str, message_zh: str) -> dict[str, str]:
    """One thing a gate found wrong: the field as the mall names it, and why, in both languages."""
    return {"field": field, "message": message, "message_zh": message_zh}


def _held(findings: list[dict[str, str]], **extra: Any) -> dict[str, Any]:
    """A gate that holds the order, listing every finding (not only the first)."""
    return _gate("held", "; ".join(f"{f['field']}: {f['message']}" for f in findings),
                 fields=[f["field"] for f in findings], findings=findings,
                 note_zh="；".join(f"{FIELDS_ZH.get(f['field'], f['field'])}：{f['message_zh']}" for f in findings),
                 **extra)


# ─── the gates ──────────────────────────────────────────────────────────────────


def _open(uow: UnitOfWork, order: models.Order) -> dict[str, str]:
    s, no = uow.sealer, order.order_no
    return {
        "name": s.open(order.customer_name_sealed, "customer_name", no),
        "phone": s.open(order.customer_phone_sealed, "customer_phone", no),
        "detail": s.open(order.ship_detail_sealed, "ship_detail", no),
        "email": s.open(order.customer_email_sealed, "customer_email", no) if order.customer_email_sealed else "",
    }


def address_gate(order: models.Order, phone: str, detail: str, privacy_carriers: tuple[str, ...] = ()) -> dict[str, Any]:
    """`privacy_carriers`: carriers whose accounts print privacy waybills (隐私面单); with one, a
    masked mall number is no problem — the carrier reaches the customer through its privacy number."""
    problems = check_address(order.ship_country, order.ship_province, order.ship_city, order.ship_district, detail,
                             order.ship_postal_code)
    phone_check = check_phone(phone, order.ship_country)
    if phone_check.kind == "masked" and privacy_carriers and order.ship_country in ("CN", ""):
        return _gate("passed", f"phone masked: ship with a privacy-waybill carrier ({', '.join(privacy_carriers)})",
                     privacy_carriers=list(privacy_carriers)) if not problems else \
            _held([_finding(p.field, p.message, p.message_zh) for p in problems])
    if phone_check.problem:
        problems.append(phone_check.problem)
    if problems:
        return _held([_finding(p.field, p.message, p.message_zh) for p in problems])
    note = f"phone {phone_check.kind}" + (f" ext. {phone_check.extension}" if phone_check.extension else "")
    return _gate("passed", note)


def privacy_carriers(uow: UnitOfWork) -> tuple[str, ...]:
    """Active carriers whose account prints privacy waybills (options.privacy_waybill)."""
    A = models.CarrierAccount
    rows = uow.session.execute(select(A.code, A.options).where(A.active.is_(True))).all()
    codes = set(uow.session.scalars(select(models.Carrier.code).where(models.Carrier.active.is_(True))))
    return tuple(sorted(code for code, options in rows if code in codes and (options or {}).get("privacy_waybill")))


def price_rules(uow: UnitOfWork, merchant_id: int) -> list[PriceRule]:
    """The merchant's own promotions and those for every merchant (no merchant), as imported by set-up."""
    P = models.Promotion
    q = (select(P).where(or_(P.merchant_id == merchant_id, P.merchant_id.is_(None)), P.active.is_(True))
         .order_by(P.code))
    return [PriceRule(p.code, p.kind, dict(p.params), p.valid_from, p.valid_to) for p in uow.session.scalars(q)]


def price_gate(uow: UnitOfWork, order: models.Order, rules: list[PriceRule] | None = None) -> dict[str, Any]:
    merchant = order.merchant
    rules = price_rules(uow, merchant.id) if rules is None else rules
    check = compute_price([(ln.qty, ln.unit_price) for ln in order.lines], rules=rules,
                          coupons=list(order.coupons or []), member_tier=order.member_tier, at=order.created_at,
                          free_shipping_threshold=merchant.free_shipping_threshold,
                          standard_shipping_fee=merchant.standard_shipping_fee,
                          shipping_regions=ShippingRegion.from_terms(merchant.shipping_regions),
                          province=order.ship_province)
    figures = {"payable": str(check.payable), "charged": str(order.total_charged),
               "discount_rules": str(check.discount_total), "discount_mall": str(order.discount_total),
               "shipping_rules": str(check.shipping_fee), "shipping_mall": str(order.shipping_fee),
               "applied": list(check.applied)}
    findings = [_finding("coupons", str(p), str(p)) for p in check.problems]
    if check.payable != order.total_charged:
        findings.append(_finding(
            "total_charged",
            f"charged {order.total_charged}, rules give {check.payable} "
            f"(discounts {check.discount_total} vs mall {order.discount_total}, "
            f"shipping {check.shipping_fee} vs mall {order.shipping_fee})",
            f"已收 {order.total_charged}，按规则应为 {check.payable}"
            f"（优惠 {check.discount_total}，商城为 {order.discount_total}；"
            f"运费 {check.shipping_fee}，商城为 {order.shipping_fee}）"))
    if findings:
        return _held(findings, **figures)
    return _gate("passed", f"payable {check.payable} = charged", **figures)


def payment_gate(uow: UnitOfWork, order: models.Order) -> dict[str, Any]:
    if order.payment_method == PaymentMethod.COD:
        order.cod_amount = order.total_charged
        return _gate("passed", f"cash on delivery: carrier collects {order.total_charged}", cod=str(order.total_charged))
    if order.payment_status == PaymentStatus.PAID:
        return _gate("passed", f"paid online ({order.payment_txn or 'no transaction id'})")
    kind = "payment_failed" if order.payment_status == PaymentStatus.FAILED else "payment_pending"
    # seed §1.4: the customer is told to pay again — by e-mail, or SMS without an address
    queue_notification(uow, order, kind, order_no=order.order_no, amount=str(order.total_charged),
                       currency=order.currency, detail=f"{order.total_charged} {order.currency}")
    said_zh = "支付失败" if order.payment_status == PaymentStatus.FAILED else "支付未完成"
    return _held([_finding("payment.status", f"{order.payment_status}; customer notified ({kind})",
                           f"{said_zh}；已通知顾客")], notification=kind)


def warehouse_for(uow: UnitOfWork, order: models.Order) -> models.Warehouse:
    if order.warehouse_id is not None:
        return order.warehouse  # type: ignore[return-value]
    W = models.Warehouse  # the first warehouse set up ships the mall's orders (SZ1 in the demo)
    return uow.session.scalars(select(W).where(W.active.is_(True)).order_by(W.id)).first()


def stock_gate(uow: UnitOfWork, order: models.Order, now: datetime,
               group: IntakeGroup | None = None, contact: dict[str, str] | None = None) -> dict[str, Any]:
    """Reserve every line FEFO; on any shortage backorder the order, nothing reserved.

    In a group's intake (`group` given) the candidates were read once for the whole group and the
    shortage is known before anything is written; without one each line reserves on its own
    (`stock.reserve_line`) and a shortage gives back what the other lines took. With the buyer's
    `contact` (intake has the order open) an order the first warehouse fills only in part is split
    when another warehouse holds the rest (拆单, `desktop.services.shaping.split_off`)."""
    wh = group.warehouse(order) if group is not None else warehouse_for(uow, order)
    order.warehouse_id = wh.id
    today = now.date()
    short: list[InsufficientStock] = []
    if group is not None:
        pool = group.pool(wh.id)
        taking, per_line, short = pool.plan(order, today)
        if short and contact is not None:
            split = _split(uow, order, wh, short, now, group, contact)
            if split is not None:
                return split
        if not short:
            pool.write(taking, per_line)
    else:
        for line in order.lines:
            try:
                reserve_line(uow, line, wh.id, today)
            except InsufficientStock as exc:
                short.append(exc)
                exc.line = line  # type: ignore[attr-defined]
        if short and contact is not None:
            split = _split(uow, order, wh, short, now, None, contact)
            if split is not None:
                return split
        if short:
            for line in order.lines:
                if line.reservations:
                    release_line(uow, line)
    if short:
        for exc in short:
            if group is not None:
                uow.session.flush()  # a refill or request raised just before is found, not raised twice
            line = exc.line  # type: ignore[attr-defined]
            gap = exc.wanted - exc.found
            # Reserve bins refill the pick face first; the merchant is asked for what they cannot cover.
            refilled = sum(t.qty for t in plan_refills(uow, line.sku, wh.id, today=today, at_least=gap))
            if refilled < gap:
                request_replenishment(uow, line.sku, wh.id, gap - refilled + max(line.sku.low_stock_threshold, 1) * 2,
                                      "backorder")
        note = "; ".join(f"{e.sku}: {e.wanted} wanted, {e.found} available" for e in short)
        return _gate("backordered", note, warehouse=wh.code, short=[e.sku for e in short])
    units = sum(ln.qty for ln in order.lines)
    return _gate("passed", f"{units} units reserved in {wh.code}", warehouse=wh.code)


def _split(uow: UnitOfWork, order: models.Order, wh: models.Warehouse, short: list[InsufficientStock],
           now: datetime, group: IntakeGroup | None, contact: dict[str, str]) -> dict[str, Any] | None:
    """Split `order` when `wh` fills some of its lines and one other warehouse all the others: both
    reserved, the others moved to a shipment of their own. None (nothing written) when no warehouse can.
    In the one-order path the lines `wh` could fill are already reserved there."""
    today = now.date()
    missing = [e.line for e in short]  # type: ignore[attr-defined]
    keep = [ln for ln in order.lines if all(ln is not m for m in missing)]
    if not keep or len(f"{order.order_no}{PART_SUFFIX}") > 40:
        return None
    for other in (group.other_warehouses(wh) if group is not None else other_warehouses(uow, wh)):
        if group is not None:
            there = group.pool(other.id)
            taking, per_line, still = there.plan(order, today, missing)
            if still:
                continue
            here = group.pool(wh.id)
            taking_here, per_line_here, short_here = here.plan(order, today, keep)
            if short_here:
                return None
            here.write(taking_here, per_line_here)
            there.write(taking, per_line)
        else:
            try:
                for line in missing:
                    reserve_line(uow, line, other.id, today)
            except InsufficientStock:
                for line in missing:
                    if line.reservations:
                        release_line(uow, line)
                continue
        part = split_off(uow, order, missing, other, contact, now)
        units = sum(ln.qty for ln in order.lines)
        return _gate("passed", f"{units} units reserved in {wh.code}; split: {part.order_no} ships "
                               f"{sum(ln.qty for ln in part.lines)} units from {other.code}",
                     warehouse=wh.code, split={"part": part.order_no, "warehouse": other.code})
    return None


def other_warehouses(uow: UnitOfWork, wh: models.Warehouse) -> list[models.Warehouse]:
    """The active warehouses but `wh`, in the order they were set up: where a split looks."""
    W = models.Warehouse
    return list(uow.session.scalars(select(W).where(W.active.is_(True), W.id != wh.id).order_by(W.id)))


class IntakeGroup:
    """What a group's orders share, read once: the warehouse, each merchant's promotions, the stock."""

    def __init__(self, uow: UnitOfWork, orders: list[models.Order]) -> None:
        self.uow, self.orders = uow, orders
        self._rules: dict[int, list[PriceRule]] = {}
        self._pools: dict[int, FefoPool] = {}
        self._default: models.Warehouse | None = None
        self._privacy: tuple[str, ...] | None = None
        self._others: dict[int, list[models.Warehouse]] = {}

    def other_warehouses(self, wh: models.Warehouse) -> list[models.Warehouse]:
        if wh.id not in self._others:
            self._others[wh.id] = other_warehouses(self.uow, wh)
        return self._others[wh.id]

    def privacy_carriers(self) -> tuple[str, ...]:
        if self._privacy is None:
            self._privacy = privacy_carriers(self.uow)
        return self._privacy

    def rules(self, merchant_id: int) -> list[PriceRule]:
        if merchant_id not in self._rules:
            self._rules[merchant_id] = price_rules(self.uow, merchant_id)
        return self._rules[merchant_id]

    def warehouse(self, order: models.Order) -> models.Warehouse:
        if order.warehouse_id is not None:
            return order.warehouse  # type: ignore[return-value]
        if self._default is None:
            self._default = warehouse_for(self.uow, order)
        return self._default

    def pool(self, warehouse_id: int) -> FefoPool:
        if warehouse_id not in self._pools:
            self._pools[warehouse_id] = FefoPool(self.uow, warehouse_id,
                                                 {ln.sku_id for o in self.orders for ln in o.lines})
        return self._pools[warehouse_id]


# ─── one order ──────────────────────────────────────────────────────────────────


def process_order(uow: UnitOfWork, order: models.Order, now: datetime, group: IntakeGroup | None = None,
                  low_stock: set[tuple[int, int]] | None = None, *, accepted: Iterable[str] = (),
                  merger: Merger | None = None) -> IntakeResult:
    """Run the gates over a RECEIVED order and move it on; the caller commits.

    In a group (`group` given) the SKUs to check for low stock are added to `low_stock` for the
    caller to check once for the group. `accepted`: gates (address, price, payment) a supervisor
    accepted as they are: what they find is kept in the outcome, marked accepted, and does not hold
    the order."""
    outcome: dict[str, dict[str, Any]] = {}
    contact: dict[str, str] | None = None
    try:
        contact = _open(uow, order)
        if order.buyer_digest is None:
            order.buyer_digest = buyer_digest(uow.sealer, order, contact)
        outcome["pii"] = _gate("passed", "customer fields sealed (AES-256-GCM)")
        outcome["address"] = address_gate(order, contact["phone"], contact["detail"],
                                         group.privacy_carriers() if group is not None else privacy_carriers(uow))
    except SealBroken as exc:
        outcome["pii"] = _held([_finding("customer", exc.message, exc.message_zh)])
        outcome["address"] = _held([_finding("customer", "customer data cannot be opened", "无法打开顾客资料")])
    outcome["price"] = price_gate(uow, order, group.rules(order.merchant_id) if group is not None else None)
    outcome["payment"] = payment_gate(uow, order)
    for gate in accepted:
        if gate in outcome and outcome[gate]["status"] == "held":
            outcome[gate] = {**outcome[gate], "status": "accepted"}
    held = [g for g in ("address", "price", "payment") if outcome[g]["status"] == "held"]
    if held:
        outcome["stock"] = _gate("skipped", "not reserved while the order is held")
        order.intake_outcome = outcome
        detail = "; ".join(outcome[g]["note"] for g in held)[:300]
        change_status(uow, order, OrderStatus.HELD, reason=detail, hold_reason=HOLD_KINDS[held[0]], at=now)
        # Each held gate gets its exception; each exception lists every finding of the order, so
        # whichever a supervisor opens shows all that is wrong with it (address and price, say).
        findings = [{"gate": g, **f} for g in held for f in outcome[g].get("findings", [])]
        asked = ask_customer_for_address(uow, order, outcome["address"]) if "address" in held else None
        for gate in held:
            detail = {"reason": outcome[gate]["note"], "reason_zh": outcome[gate].get("note_zh", ""),
                      "fields": outcome[gate].get("fields", []), "gate": gate, "held_gates": held,
                      "findings": findings}
            if gate == "address":
                detail["customer_asked"] = asked
            uow.session.add(models.ExceptionCase(kind=f"{gate}_hold", order_id=order.id, created_at=now,
                                                 detail=detail))
        uow.announce(OrderHeld(order_no=order.order_no, gates=tuple(held)))
        status = OrderStatus.HELD
    else:
        outcome["stock"] = stock_gate(uow, order, now, group, contact)
        order.intake_outcome = outcome
        if outcome["stock"]["status"] == "backordered":
            change_status(uow, order, OrderStatus.BACKORDERED, reason=outcome["stock"]["note"][:300], at=now)
            status = OrderStatus.BACKORDERED
        else:
            order.priority_score = priority_score(order.priority_class, order.promised_ship_by, order.gift,
                                                  order.created_at, now)
            change_status(uow, order, OrderStatus.READY, reason="intake passed", at=now)
            status = OrderStatus.READY
            split = outcome["stock"].get("split")
            parts = list(order.split_parts) if split else []  # only a split order reads its parts
            for shipment in (order, *parts):
                if low_stock is not None:
                    low_stock.update((shipment.warehouse_id, ln.sku_id) for ln in shipment.lines)
                else:
                    check_low_stock(uow, [ln.sku_id for ln in shipment.lines], shipment.warehouse_id)
            if merger is not None:
                merger.offer(order)
    uow.audit("intake", "order", order.order_no, result=status.value,
              gates={g: o["status"] for g, o in outcome.items()})
    return IntakeResult(order.order_no, status.value, outcome)


def ask_customer_for_address(uow: UnitOfWork, order: models.Order, gate: dict[str, Any]) -> dict[str, Any]:
    """Seed §1.1: a held address asks the customer to complete it — by SMS when the phone can take one
    (not when the phone itself is what is wrong), else by e-mail; in the order's language. Returns what
    the hold records: the outbox row, or why nobody could be asked."""
    findings = [f for f in gate.get("findings", []) if f.get("field") != "customer"]
    if not findings:
        return {"channel": None, "reason": "customer data cannot be opened"}
    language = order_language(order)
    # what is wrong, in the customer's words; an SMS template variable holds 35 characters at most
    names = ("; ".join(f["message"] for f in findings) if language == "en"
             else "；".join(f["message_zh"] for f in findings))[:35]
    phone_wrong = any(f["field"] == "customer.phone" for f in findings)
    channel = "email" if phone_wrong else "sms"
    if phone_wrong and not order.customer_email_sealed:
        return {"channel": None, "reason": "the phone is what is wrong and there is no e-mail address"}
    uow.session.flush()
    row = queue_notification(uow, order, "address_incomplete", channel=channel, detail=names, language=language)
    uow.session.flush()
    return {"channel": channel, "notification": row.id, "language": language}


def claim(uow: UnitOfWork, order_id: int, status: OrderStatus = OrderStatus.RECEIVED) -> models.Order | None:
    """Take an order for this transaction if it is still in `status`; None when someone else has it."""
    O = models.Order
    done = uow.session.execute(update(O).where(O.id == order_id, O.status == status.value)
                               .values(version=O.version + 1).execution_options(synchronize_session=False)).rowcount
    if not done:
        return None
    order = uow.session.get(O, order_id)
    uow.session.refresh(order)
    return order


def intake_order(uow: UnitOfWork, order_id: int, now: datetime | None = None) -> IntakeResult | None:
    """The use case: claim one received order, pass it through the gates, commit."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    order = claim(uow, order_id)
    if order is None:
        return None
    merger = Merger.for_intake(uow)
    result = process_order(uow, order, now or utcnow(), merger=merger)
    merger.merge()
    uow.commit()
    return result


def claim_group(uow: UnitOfWork, order_ids: Iterable[int], today: date) -> list[models.Order]:
    """Take for this transaction those of `order_ids` still received and not waiting for a pre-sale
    product (one UPDATE), loaded with all the gates read (lines, SKUs, merchant, sealed contact) in
    a few statements."""
    O, OL = models.Order, models.OrderLine
    ids = list(order_ids)
    taken = list(uow.session.scalars(
        update(O).where(O.id.in_(ids), O.status == OrderStatus.RECEIVED.value, ~presale_condition(today))
        .values(version=O.version + 1)
        .returning(O.id).execution_options(synchronize_session=False)))
    if not taken:
        return []
    return list(uow.session.scalars(
        select(O).where(O.id.in_(taken)).order_by(O.received_at, O.id)
        .options(undefer_group("sealed"), selectinload(O.merchant), selectinload(O.warehouse),
                 selectinload(O.status_history),
                 selectinload(O.lines).selectinload(OL.sku), selectinload(O.lines).selectinload(OL.reservations))))


def intake_group(uow: UnitOfWork, order_ids: Iterable[int], now: datetime | None = None) -> list[IntakeResult]:
    """The use case for a group: claim those still received, pass each through the gates, commit once.

    All or nothing like `intake_order`, for the group: if anything fails — a stock row another
    station emptied meanwhile (`StockRaced`) or any error — nothing of the group is written and the
    caller runs its orders one by one."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    now = now or utcnow()
    orders = claim_group(uow, order_ids, now.date())
    group = IntakeGroup(uow, orders)
    low: set[tuple[int, int]] = set()
    merger = Merger.for_intake(uow)
    with uow.session.no_autoflush:  # the group's rows are written together, in few batched statements
        results = [process_order(uow, order, now, group, low, merger=merger) for order in orders]
    merger.merge()
    for wh_id in sorted({w for w, _ in low}):
        check_low_stock(uow, [k for w, k in low if w == wh_id], wh_id)
    uow.commit()
    return results


def presale_condition(today: date):  # noqa: ANN201 - a SQL condition on orders
    """An order with a line of a pre-sale product not shipping yet on `today`."""
    O, OL, K = models.Order, models.OrderLine, models.Sku
    return (select(OL.id).join(K, OL.sku_id == K.id)
            .where(OL.order_id == O.id, K.presale_ships_on.is_not(None), K.presale_ships_on > today).exists())


def waiting_orders(uow: UnitOfWork, order_ids: Iterable[int] | None = None,
                   today: date | None = None) -> list[tuple[int, str]]:
    """Received orders, oldest first; with `today`, those waiting for a pre-sale product left out."""
    O = models.Order
    q = select(O.id, O.order_no).where(O.status == OrderStatus.RECEIVED.value).order_by(O.received_at, O.id)
    if today is not None:
        q = q.where(~presale_condition(today))
    if order_ids is not None:
        q = q.where(O.id.in_(list(order_ids)))
    return [(i, no) for i, no in uow.session.execute(q)]


def run_intake(db: Database | Callable[[], UnitOfWork], order_ids: Iterable[int] | None = None, *,
               now: datetime | None = None, actor: Actor | None = None,
               on_result: Callable[[IntakeResult], None] | None = None,
               group_size: int = GROUP_SIZE) -> IntakeSummary:
    """Process every waiting (RECEIVED) order once — or only `order_ids` — `group_size` orders a transaction.

    A group that cannot commit whole (a race for stock lost, an order whose gates raise) is run
    again one order per transaction, so one bad order fails alone and is reported by number."""
    factory: Callable[[], UnitOfWork] = (lambda: db.unit_of_work(actor)) if isinstance(db, Database) else db
    today = (now or utcnow()).date()
    with factory() as uow:
        require_role(uow.actor.role, Role.SUPERVISOR)
        waiting = waiting_orders(uow, order_ids, today)
        presale = waiting_orders(uow, order_ids)
    taken = set(waiting)
    summary = IntakeSummary(presale=[no for i, no in presale if (i, no) not in taken])
    for start in range(0, len(waiting), max(group_size, 1)):
        chunk = waiting[start:start + max(group_size, 1)]
        if group_size > 1:
            try:
                results = run_with_retry(factory, lambda uow, c=chunk: intake_group(uow, [i for i, _ in c], now),
                                         attempts=RETRIES)
            except KeyRefused:
                raise
            except Exception as exc:  # noqa: BLE001 - the group is run again order by order below
                log.info("intake group of %d run order by order: %s", len(chunk), type(exc).__name__)
            else:
                done = {r.order_no for r in results}
                summary.skipped.extend(no for _, no in chunk if no not in done)
                for result in results:
                    summary.results.append(result)
                    if on_result:
                        on_result(result)
                continue
        _run_one_by_one(factory, chunk, now, summary, on_result)
    return summary


def _run_one_by_one(factory: Callable[[], UnitOfWork], chunk: list[tuple[int, str]], now: datetime | None,
                    summary: IntakeSummary, on_result: Callable[[IntakeResult], None] | None) -> None:
    for order_id, order_no in chunk:
        try:  # a lost race is run again (`desktop.db.retry`: the one retry policy)
            result = run_with_retry(factory, lambda uow, i=order_id: intake_order(uow, i, now), attempts=RETRIES)
        except KeyRefused:
            raise  # the station cannot open any order: say so once, not once per order
        except PickdeskError as exc:
            summary.failed.append((order_no, exc.message))
            continue
        except Exception as exc:  # noqa: BLE001 - anything else is reported, and the next order goes on
            log.exception("intake of %s failed", order_no)
            summary.failed.append((order_no, f"{type(exc).__name__}: {exc}"))
            continue
        if result is None:
            summary.skipped.append(order_no)
        else:
            summary.results.append(result)
            if on_result:
                on_result(result)




# ─── backorders, when stock lands ───────────────────────────────────────────────


class _StillShort(Exception):
    """Rolls back one order's savepoint: the stock gate did not pass after all (someone was faster)."""


def release_backordered(uow: UnitOfWork, sku_ids: Iterable[int], warehouse_id: int,
                        now: datetime | None = None) -> list[str]:
    """Re-run intake's stock gate for orders backordered for these SKUs in this warehouse, oldest first.

    Called by whoever lands stock on a pick face (put-away, replenishment), in that transaction; the
    caller commits. A backordered order passed the address, price and payment gates before it was
    backordered, so only the stock gate runs again (no customer data is opened). An order whose
    lines the pick faces cannot all serve now stays backordered, untouched and without a new
    replenishment request. Returns the order numbers that became ready."""
    from desktop.services.replenishment import available_in_pick

    now = now or utcnow()
    O, L = models.Order, models.OrderLine
    skus = sorted(set(sku_ids))
    if not skus:
        return []
    waiting = uow.session.scalars(
        select(O.id).join(L, L.order_id == O.id)
        .where(O.status == OrderStatus.BACKORDERED.value, L.sku_id.in_(skus),
               or_(O.warehouse_id == warehouse_id, O.warehouse_id.is_(None)))
        .group_by(O.id).order_by(O.id)).all()
    released: list[str] = []
    for order_id in waiting:
        order = claim(uow, order_id, OrderStatus.BACKORDERED)
        if order is None or warehouse_for(uow, order).id != warehouse_id:
            continue
        need: dict[int, int] = {}
        for line in order.lines:
            need[line.sku_id] = need.get(line.sku_id, 0) + line.qty - sum(r.qty for r in line.reservations)
        if any(available_in_pick(uow, sku_id, warehouse_id) < qty for sku_id, qty in need.items()):
            continue
        try:
            with uow.session.begin_nested():
                gate = stock_gate(uow, order, now)
                if gate["status"] != "passed":
                    raise _StillShort
                order.intake_outcome = {**(order.intake_outcome or {}), "stock": gate}
                order.priority_score = priority_score(order.priority_class, order.promised_ship_by, order.gift,
                                                      order.created_at, now)
                change_status(uow, order, OrderStatus.READY, reason="stock arrived: intake passed", at=now)
                uow.audit("intake", "order", order.order_no, result="ready", gates={"stock": "passed"},
                          after="backorder")
        except _StillShort:
            uow.session.refresh(order)
            continue
        released.append(order.order_no)
    return released
