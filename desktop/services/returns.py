"""After-sales: return requests (RMA), receiving and inspecting returned units, restock, refund or reship;
order completion, the satisfaction survey and the customers' feedback.

The merchant's rules (`merchants.return_days`, `warranty_days`):
* `no_reason` — accepted within `return_days` of delivery; the unit must be unused with its packaging
  intact, which the checklist at receiving decides (a unit that fails it is not restocked);
* `quality`, `damaged`, `wrong_item` — accepted within `warranty_days` of delivery: repair or
  replacement (or a refund);
* `refused` — made by tracking when the customer refuses the parcel (see `tracking`);
* anything else, or outside the days → the RMA is stored as `rejected` with the reason.

Every step is one service call that checks the role, audits, announces on topic "returns" (and
"stock" for units back on a shelf) and commits once. Restock puts units back at a location with
their lot (and so their expiry); quarantine puts them in the warehouse's quarantine location (not
pickable: FEFO only reads pick locations); repair and scrap leave stock alone.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.lifecycle import OrderStatus, PaymentMethod, PaymentStatus, PriorityClass, can_transition
from desktop.domain.roles import Role, require_role
from desktop.domain.stock import MovementKind
from desktop.services.notifications import queue_notification
from desktop.services.orders import change_status
from desktop.services.stock import change_on_hand
from desktop.services.tracking import next_rma_no
from desktop.domain.events import (
    ExceptionResolved, FeedbackRecorded, ReshipCreated, ReturnDecided, ReturnInspected, ReturnReceived, ReturnRequested,
    ReturnSettled, StockPutBack,
)

REASONS = ("no_reason", "quality", "damaged", "wrong_item", "refused")
DECISIONS = ("restock", "quarantine", "repair", "scrap")
RESOLUTIONS = ("refund", "reship", "repair", "replace")
CHECKLIST = ("unused", "packaging_intact", "damaged", "matches_order")
FEEDBACK_CATEGORIES = ("delivery_speed", "packaging", "product_quality", "service", "other")
REASON_ZH = {"no_reason": "无理由退货", "quality": "质量问题", "damaged": "运输损坏", "wrong_item": "发错商品",
             "refused": "拒收"}


class ReturnRefused(PickdeskError):
    code = "return_refused"


@dataclass(frozen=True)
class RmaLineView:
    line_no: int
    sku: str
    gtin: str
    name: str
    name_zh: str
    qty: int
    lot: str | None
    expiry: date | None
    checklist: dict
    decision: str | None
    location: str | None
    suggested: str | None


@dataclass(frozen=True)
class RmaView:
    rma_no: str
    order_no: str
    order_status: str
    reason: str
    status: str
    resolution: str | None
    refund_amount: Decimal | None
    suggested_refund: Decimal
    created_at: datetime
    received_at: datetime | None
    note: str  # why rejected, or what the rules say
    note_zh: str
    lines: tuple[RmaLineView, ...]
    warehouse: str | None

    @property
    def all_decided(self) -> bool:
        return all(line.decision for line in self.lines)


# ─── reading ────────────────────────────────────────────────────────────────────


def _load(uow: UnitOfWork, rma_no: str) -> models.ReturnRequest:
    R = models.ReturnRequest
    rma = uow.session.scalar(select(R).where(R.rma_no == rma_no.strip().upper()).options(
        selectinload(R.lines).selectinload(models.ReturnLine.line).selectinload(models.OrderLine.sku),
        selectinload(R.order).selectinload(models.Order.lines)))
    if rma is None:
        raise NotFound(f"There is no return {rma_no!r}.", f"没有退货单 {rma_no!r}。")
    return rma


def _lot_of(uow: UnitOfWork, line: models.OrderLine) -> models.Lot | None:
    lot_id = uow.session.scalar(select(models.ParcelItem.lot_id).where(models.ParcelItem.order_line_id == line.id,
                                                                       models.ParcelItem.lot_id.is_not(None)))
    if lot_id is None:
        lot_id = uow.session.scalar(select(models.PickTask.lot_id).where(models.PickTask.order_line_id == line.id,
                                                                         models.PickTask.lot_id.is_not(None)))
    return uow.session.get(models.Lot, lot_id) if lot_id else None


def suggest_decision(reason: str, checklist: dict) -> str | None:
    """What the checklist points to; the person decides."""
    if not checklist:
        return None
    if not checklist.get("matches_order", True):
        return "quarantine"
    if checklist.get("damaged"):
        return "repair" if reason == "quality" else "scrap"
    if checklist.get("unused") and checklist.get("packaging_intact"):
        return "restock"
    return "quarantine"


def _view(uow: UnitOfWork, rma: models.ReturnRequest) -> RmaView:
    lines = []
    for rl in sorted(rma.lines, key=lambda x: x.line.line_no):
        lot = uow.session.get(models.Lot, rl.lot_id) if rl.lot_id else _lot_of(uow, rl.line)
        loc = uow.session.get(models.Location, rl.location_id) if rl.location_id else None
        sku = rl.line.sku
        lines.append(RmaLineView(rl.line.line_no, sku.sku_code, sku.gtin, sku.name, sku.name_zh, rl.qty,
                                 lot.lot_code if lot else None, lot.expiry if lot else None, dict(rl.checklist or {}),
                                 rl.decision, loc.code if loc else None, suggest_decision(rma.reason, rl.checklist or {})))
    note = next((e for e in rma.evidence if isinstance(e, dict) and e.get("kind") == "rules"), {})
    order = rma.order
    warehouse = uow.session.get(models.Warehouse, order.warehouse_id) if order.warehouse_id else None
    return RmaView(rma.rma_no, order.order_no, order.status, rma.reason, rma.status, rma.resolution,
                   rma.refund_amount, _suggested_refund(rma), rma.created_at, rma.received_at,
                   note.get("note", ""), note.get("note_zh", ""), tuple(lines), warehouse.code if warehouse else None)


def _suggested_refund(rma: models.ReturnRequest) -> Decimal:
    goods = sum((rl.line.unit_price * rl.qty for rl in rma.lines), Decimal("0.00"))
    if rma.reason in ("refused", "quality", "damaged", "wrong_item"):
        whole = all(rl.qty >= rl.line.qty for rl in rma.lines) and len(rma.lines) == len(rma.order.lines)
        if whole:
            return rma.order.total_charged
    return min(goods, rma.order.total_charged).quantize(Decimal("0.01"))


def get_return(uow: UnitOfWork, rma_no: str) -> RmaView:
    return _view(uow, _load(uow, rma_no))


@dataclass(frozen=True)
class RmaRow:
    rma_no: str
    order_no: str
    reason: str
    status: str
    created_at: datetime


def list_returns(uow: UnitOfWork, status: str | None = None, limit: int = 200) -> list[RmaRow]:
    R = models.ReturnRequest
    q = (select(R.rma_no, models.Order.order_no, R.reason, R.status, R.created_at)
         .join(models.Order, R.order_id == models.Order.id).order_by(R.created_at.desc()).limit(limit))
    if status:
        q = q.where(R.status == status)
    return [RmaRow(*row) for row in uow.session.execute(q)]


# ─── requesting ─────────────────────────────────────────────────────────────────


def delivered_at(uow: UnitOfWork, order: models.Order) -> datetime | None:
    at = uow.session.scalar(select(func.max(models.Shipment.delivered_at)).where(models.Shipment.order_id == order.id))
    if at is None:
        at = uow.session.scalar(select(func.max(models.OrderStatusChange.at)).where(
            models.OrderStatusChange.order_id == order.id, models.OrderStatusChange.to_status == "delivered"))
    return at


def request_return(uow: UnitOfWork, order_no: str, lines: list[tuple[int, int]] | None, reason: str,
                   evidence: list[dict] | None = None, *, now: datetime | None = None) -> RmaView:
    """Open an RMA for (line_no, qty) of a delivered order (None: every unit); the rules approve or reject it."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    now = now or utcnow()
    if reason not in REASONS or reason == "refused":
        raise ReturnRefused(f"Unknown return reason {reason!r}: one of no_reason, quality, damaged, wrong_item.",
                            f"未知的退货原因 {reason!r}：可选 无理由、质量问题、运输损坏、发错商品。")
    order = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no)
                               .options(selectinload(models.Order.lines), selectinload(models.Order.merchant)))
    if order is None:
        raise NotFound(f"There is no order {order_no}.", f"没有订单 {order_no}。")
    if OrderStatus(order.status) not in (OrderStatus.DELIVERED, OrderStatus.COMPLETED):
        raise ReturnRefused(f"Order {order_no} is {order.status}: only delivered orders can be returned.",
                            f"订单 {order_no} 状态为「{OrderStatus(order.status).label_zh}」：只有已签收的订单可以退货。")
    by_no = {ln.line_no: ln for ln in order.lines}
    wanted = lines if lines else [(ln.line_no, ln.qty) for ln in order.lines]
    for line_no, qty in wanted:
        if line_no not in by_no or not 0 < qty <= by_no[line_no].qty:
            raise ReturnRefused(f"Line {line_no} × {qty} is not on order {order_no}.",
                                f"订单 {order_no} 没有第 {line_no} 行 × {qty}。")
    since = delivered_at(uow, order) or now
    days = (now - since).total_seconds() / 86400
    merchant = order.merchant
    limit = merchant.return_days if reason == "no_reason" else merchant.warranty_days
    if days <= limit:
        status = "approved"
        if reason == "no_reason":
            note = (f"No-reason return within {merchant.return_days} days ({days:.0f} since delivery): "
                    "accepted if unused with its packaging intact.")
            note_zh = f"{merchant.return_days} 天内无理由退货（签收后第 {days:.0f} 天）：未使用且包装完好方可退。"
        else:
            note = f"Under warranty ({merchant.warranty_days} days; {days:.0f} since delivery): repair or replacement."
            note_zh = f"在保修期内（{merchant.warranty_days} 天；签收后第 {days:.0f} 天）：维修或更换。"
    else:
        status = "rejected"
        what = "no-reason returns" if reason == "no_reason" else "the warranty"
        what_zh = "无理由退货期" if reason == "no_reason" else "保修期"
        note = f"Rejected: {days:.0f} days since delivery, {what} lasts {limit} days."
        note_zh = f"已拒绝：签收已 {days:.0f} 天，{what_zh}为 {limit} 天。"
    rma = models.ReturnRequest(rma_no=next_rma_no(uow, now), order_id=order.id, reason=reason, status=status,
                               created_at=now,
                               evidence=[*(evidence or []), {"kind": "rules", "note": note, "note_zh": note_zh}])
    for line_no, qty in wanted:
        rma.lines.append(models.ReturnLine(order_line_id=by_no[line_no].id, qty=qty))
    uow.session.add(rma)
    uow.session.flush()
    uow.audit("return_requested", "order", order.order_no, rma=rma.rma_no, reason=reason, status=status, note=note)
    uow.announce(ReturnRequested(rma_no=rma.rma_no, order=order.order_no, status=status))
    uow.commit()
    return _view(uow, _load(uow, rma.rma_no))


# ─── receiving, inspecting, deciding, settling ──────────────────────────────────


def _find_for_receiving(uow: UnitOfWork, scan: str) -> models.ReturnRequest:
    code = scan.strip().upper()
    R = models.ReturnRequest
    rma = uow.session.scalar(select(R).where(R.rma_no == code))
    if rma is not None:
        return rma
    order_id = uow.session.scalar(select(models.Parcel.order_id).where((models.Parcel.code == code) | (models.Parcel.sscc == code)))
    if order_id is None:
        order_id = uow.session.scalar(select(models.Shipment.order_id).where(models.Shipment.tracking_no == code))
    if order_id is None:
        order_id = uow.session.scalar(select(models.Order.id).where(models.Order.order_no == scan.strip()))
    if order_id is None:
        raise NotFound(f"{scan!r} is not an RMA, parcel, tracking or order number we know.",
                       f"{scan!r} 不是已知的退货单号、包裹号、运单号或订单号。")
    rma = uow.session.scalar(select(R).where(R.order_id == order_id, R.status.in_(("approved", "requested", "received")))
                             .order_by(R.id.desc()))
    if rma is None:
        raise ReturnRefused(f"No open return for {scan!r}: open an RMA first.", f"{scan!r} 没有待处理的退货单：请先创建退货单。")
    return rma


def receive_return(uow: UnitOfWork, scan: str, *, now: datetime | None = None) -> RmaView:
    """A returned parcel arrives: scan its RMA, parcel, tracking number or order number."""
    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    rma = _find_for_receiving(uow, scan)
    if rma.status == "rejected":
        raise ReturnRefused(f"Return {rma.rma_no} was rejected: send the parcel back to the customer.",
                            f"退货单 {rma.rma_no} 已被拒绝：请将包裹退回给顾客。")
    if rma.status == "closed":
        raise ReturnRefused(f"Return {rma.rma_no} is closed already.", f"退货单 {rma.rma_no} 已关闭。")
    if rma.status != "received":
        if not rma.lines:  # a refused parcel comes back whole: every unit it held
            order_lines = uow.session.scalars(select(models.OrderLine).where(models.OrderLine.order_id == rma.order_id)
                                              .order_by(models.OrderLine.line_no)).all()
            for line in order_lines:
                qty = line.packed_qty or line.picked_qty or line.qty
                rma.lines.append(models.ReturnLine(order_line_id=line.id, qty=qty))
        rma.status, rma.received_at = "received", now or utcnow()
        uow.audit("return_received", "return", rma.rma_no, scan=scan.strip())
        uow.announce(ReturnReceived(rma_no=rma.rma_no))
        uow.commit()
    return get_return(uow, rma.rma_no)


def _return_line(rma: models.ReturnRequest, line_no: int) -> models.ReturnLine:
    for rl in rma.lines:
        if rl.line.line_no == line_no:
            return rl
    raise NotFound(f"Return {rma.rma_no} has no line {line_no}.", f"退货单 {rma.rma_no} 没有第 {line_no} 行。")


def _must_be_received(rma: models.ReturnRequest) -> None:
    if rma.status != "received":
        raise ReturnRefused(f"Return {rma.rma_no} is {rma.status}: receive the parcel first.",
                            f"退货单 {rma.rma_no} 状态为 {rma.status}：请先收货。")


def inspect_unit(uow: UnitOfWork, rma_no: str, line_no: int, checklist: dict[str, bool]) -> RmaView:
    """Record the unit checklist (unused, packaging_intact, damaged, matches_order) of a returned line."""
    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    rma = _load(uow, rma_no)
    _must_be_received(rma)
    missing = [k for k in CHECKLIST if k not in checklist]
    if missing:
        raise ReturnRefused("Answer every checklist item: " + ", ".join(missing) + ".",
                            "请回答检查表的每一项：" + "、".join(missing) + "。")
    rl = _return_line(rma, line_no)
    rl.checklist = {k: bool(checklist[k]) for k in CHECKLIST}
    uow.audit("return_inspected", "return", rma.rma_no, line=line_no, **rl.checklist)
    uow.announce(ReturnInspected(rma_no=rma.rma_no, line=line_no))
    uow.commit()
    return get_return(uow, rma.rma_no)


def _location(uow: UnitOfWork, code: str) -> models.Location:
    code = code.strip()
    if code.upper().startswith("LOC-"):
        code = code[4:]
    loc = uow.session.scalar(select(models.Location).where(models.Location.code == code))
    if loc is None:
        raise NotFound(f"There is no location {code!r}.", f"没有库位 {code!r}。")
    return loc


def _special_location(uow: UnitOfWork, warehouse_id: int, kind: str) -> models.Location:
    loc = uow.session.scalar(select(models.Location).where(models.Location.warehouse_id == warehouse_id,
                                                           models.Location.kind == kind).order_by(models.Location.id))
    if loc is None:
        raise NotFound(f"The warehouse has no {kind} location.", f"仓库没有{kind}库位。")
    return loc


def _put_back(uow: UnitOfWork, location: models.Location, sku_id: int, lot_id: int | None, qty: int,
              ref: str | None = None) -> None:
    change_on_hand(uow, location_id=location.id, sku_id=sku_id, lot_id=lot_id, delta=qty,
                   kind=MovementKind.RETURN_RESTOCK, ref=ref)


def decide(uow: UnitOfWork, rma_no: str, line_no: int, decision: str, location_code: str | None = None) -> RmaView:
    """restock | quarantine | repair | scrap for one returned line (restock needs a location)."""
    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    if decision not in DECISIONS:
        raise ReturnRefused(f"Unknown decision {decision!r}.", f"未知的处理方式 {decision!r}。")
    rma = _load(uow, rma_no)
    _must_be_received(rma)
    rl = _return_line(rma, line_no)
    if rl.decision:
        raise ReturnRefused(f"Line {line_no} of {rma.rma_no} is decided already ({rl.decision}).",
                            f"退货单 {rma.rma_no} 第 {line_no} 行已处理（{rl.decision}）。")
    if not rl.checklist:
        raise ReturnRefused("Inspect the unit against the checklist first.", "请先按检查表检验商品。")
    if decision == "restock" and not (rl.checklist.get("unused") and rl.checklist.get("packaging_intact")
                                      and not rl.checklist.get("damaged") and rl.checklist.get("matches_order")):
        raise ReturnRefused("Only unused, intact, undamaged units of this order go back on a shelf: quarantine it.",
                            "只有未使用、包装完好、无损且与订单一致的商品才能上架：请隔离。")
    order = rma.order
    warehouse_id = order.warehouse_id or uow.session.scalar(select(models.Warehouse.id).order_by(models.Warehouse.id))
    lot = _lot_of(uow, rl.line)
    location = None
    if decision == "restock":
        if not location_code:
            raise ReturnRefused("Scan the location to restock to.", "请扫描上架库位。")
        location = _location(uow, location_code)
        if location.kind not in ("pick", "reserve", "returns"):
            raise ReturnRefused(f"{location.code} is a {location.kind} location, not a shelf.",
                                f"{location.code} 是{location.kind}库位，不是货架。")
    elif decision == "quarantine":
        location = _location(uow, location_code) if location_code else _special_location(uow, warehouse_id, "quarantine")
    if location is not None:
        _put_back(uow, location, rl.line.sku_id, lot.id if lot else None, rl.qty, ref=rma.rma_no)
        uow.announce(StockPutBack(sku=rl.line.sku.sku_code, decision=decision, location=location.code, qty=rl.qty))
    rl.decision = decision
    rl.location_id = location.id if location else None
    rl.lot_id = lot.id if lot else None
    uow.audit("return_decided", "return", rma.rma_no, line=line_no, decision=decision, qty=rl.qty,
              location=location.code if location else None, lot=lot.lot_code if lot else None)
    uow.announce(ReturnDecided(rma_no=rma.rma_no, line=line_no, decision=decision))
    uow.commit()
    return get_return(uow, rma.rma_no)


def _reship_copy(uow: UnitOfWork, order: models.Order, rma: models.ReturnRequest) -> models.Order:
    """A new order for the same customer and the returned goods, at no charge, to go through intake again."""
    return reship_copy(uow, order, [(rl.line, rl.qty) for rl in rma.lines], rma.rma_no, {"rma": rma.rma_no})


def reship_copy(uow: UnitOfWork, order: models.Order, lines: list[tuple[models.OrderLine, int]], cause: str,
                outcome: dict[str, object]) -> models.Order:
    """A new order (`<order>-R1` …) for the same customer and `lines`, at no charge, received: intake
    reserves its stock again and packing gets it a new waybill. `cause` names why (an RMA, a lost parcel)."""
    n = 1
    while uow.session.scalar(select(models.Order.id).where(models.Order.order_no == f"{order.order_no}-R{n}")):
        n += 1
    no = f"{order.order_no}-R{n}"
    s = uow.sealer

    def reseal(value: bytes | None, fld: str) -> bytes | None:
        return None if value is None else s.seal(s.open(value, fld, order.order_no), fld, no)

    now = utcnow()
    phone = s.open(order.customer_phone_sealed, "customer_phone", order.order_no)
    copy = models.Order(
        order_no=no, merchant_id=order.merchant_id, warehouse_id=order.warehouse_id, created_at=now, received_at=now,
        customer_name_sealed=reseal(order.customer_name_sealed, "customer_name"),
        customer_phone_sealed=s.seal(phone, "customer_phone", no), customer_phone_tail=s.phone_digest(phone),
        customer_email_sealed=reseal(order.customer_email_sealed, "customer_email"),
        ship_country=order.ship_country, ship_province=order.ship_province, ship_city=order.ship_city,
        ship_district=order.ship_district, ship_detail_sealed=reseal(order.ship_detail_sealed, "ship_detail"),
        ship_postal_code=order.ship_postal_code, coupons=[], member_tier=order.member_tier,
        goods_total=Decimal("0.00"), shipping_fee=Decimal("0.00"), discount_total=Decimal("0.00"),
        total_charged=Decimal("0.00"), currency=order.currency, payment_method=PaymentMethod.ONLINE, payment_status=PaymentStatus.PAID,
        payment_txn=f"RESHIP {cause}"[:64], priority_class=PriorityClass.EXPEDITED, promised_ship_by=now + timedelta(hours=12),
        gift=order.gift, status=OrderStatus.RECEIVED.value,
        intake_outcome={"reship_of": order.order_no, **outcome})
    for line, qty in lines:
        copy.lines.append(models.OrderLine(line_no=line.line_no, sku_id=line.sku_id, qty=qty, unit_price=Decimal("0.00")))
    copy.status_history.append(models.OrderStatusChange(from_status=None, to_status=OrderStatus.RECEIVED, at=now,
                                                        user_id=uow.actor.user_id, reason=f"reship {cause}"[:300]))
    uow.session.add(copy)
    uow.session.flush()
    uow.announce(ReshipCreated(order_no=no, reship_of=order.order_no))
    return copy


def settle(uow: UnitOfWork, rma_no: str, resolution: str, amount: Decimal | None = None) -> RmaView:
    """Close a received RMA whose every line is decided: refund (amount), reship, repair or replace.

    A reship of a refused or returned order is a new order (`<order>-R1`, received, at no charge, for
    intake to reserve and release); the original order becomes RETURNED where the lifecycle allows.
    """
    require_role(uow.actor.role, Role.SUPERVISOR)
    if resolution not in RESOLUTIONS:
        raise ReturnRefused(f"Unknown resolution {resolution!r}.", f"未知的结果 {resolution!r}。")
    rma = _load(uow, rma_no)
    _must_be_received(rma)
    undecided = [rl.line.line_no for rl in rma.lines if not rl.decision]
    if undecided:
        raise ReturnRefused(f"Decide every returned line first (lines {undecided}).",
                            f"请先处理每一行退货（第 {undecided} 行）。")
    order = rma.order
    detail: dict[str, object] = {"resolution": resolution}
    ahead = next((e for e in rma.evidence or [] if e.get("kind") == "decided"), None)
    if ahead is not None:  # the supervisor decided at the refused delivery (refund or reship already done)
        if resolution != ahead["decision"]:
            raise ReturnRefused(f"This return was settled as {ahead['decision']} when the delivery was refused.",
                                f"该退货在拒收时已决定为「{ahead['decision']}」。")
        detail.update({k: v for k, v in ahead.items() if k in ("amount", "new_order")})
    elif resolution == "refund":
        amount = _suggested_refund(rma) if amount is None else Decimal(str(amount)).quantize(Decimal("0.01"))
        if not Decimal("0") < amount <= order.total_charged:
            raise ReturnRefused(f"A refund must be more than 0 and at most {order.total_charged}.",
                                f"退款金额须大于 0 且不超过 {order.total_charged}。")
        rma.refund_amount = amount
        detail["amount"] = str(amount)
    elif resolution in ("reship", "replace"):
        copy = _reship_copy(uow, order, rma)
        detail["new_order"] = copy.order_no
    rma.resolution, rma.status = resolution, "closed"
    if can_transition(OrderStatus(order.status), OrderStatus.RETURNED):
        change_status(uow, order, OrderStatus.RETURNED, reason=f"{rma.rma_no} {resolution}")
    for exc in uow.session.scalars(select(models.ExceptionCase).where(
            models.ExceptionCase.order_id == order.id, models.ExceptionCase.kind == "refused",
            models.ExceptionCase.status == "open")):
        exc.status, exc.resolved_at, exc.resolved_by = "resolved", utcnow(), uow.actor.user_id
        exc.decision, exc.reason = resolution if resolution in ("refund", "reship") else "refund", f"{rma.rma_no}"
        uow.announce(ExceptionResolved(subject=order.order_no, kind="refused", decision=exc.decision))
    uow.audit("return_settled", "return", rma.rma_no, order=order.order_no, **detail)
    uow.announce(ReturnSettled(rma_no=rma.rma_no, resolution=resolution,
                              amount=str(detail["amount"]) if "amount" in detail else None,
                              new_order=str(detail["new_order"]) if "new_order" in detail else None))
    uow.commit()
    return get_return(uow, rma.rma_no)


# ─── completion, survey, feedback ───────────────────────────────────────────────


def complete_delivered(uow: UnitOfWork, older_than: timedelta = timedelta(days=7), *,
                       now: datetime | None = None) -> list[str]:
    """Delivered orders whose delivery is older than `older_than` become COMPLETED; a survey is queued."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    now = now or utcnow()
    done = []
    orders = uow.session.scalars(select(models.Order).where(models.Order.status == OrderStatus.DELIVERED.value)
                                 .order_by(models.Order.id)).all()
    following = (OrderStatus.SHIPPED.value, OrderStatus.DELIVERED.value)
    for order in orders:
        head = order.split_of
        if order.status != OrderStatus.DELIVERED.value or (head is not None and head.status in following):
            continue  # 拆单: a delivered part completes with its order, below
        parts = [p for p in order.split_parts if p.status == OrderStatus.DELIVERED.value] if head is None else []
        at = max((t for t in (delivered_at(uow, o) for o in (order, *parts)) if t is not None), default=None)
        if at is not None and at <= now - older_than:
            change_status(uow, order, OrderStatus.COMPLETED, reason="delivered and not returned", at=now)
            for part in parts:
                change_status(uow, part, OrderStatus.COMPLETED, reason=f"{order.order_no} completed", at=now)
            if head is None:  # the customer hears of the order, not of a part of it
                queue_notification(uow, order, "survey")
            done.append(order.order_no)
    uow.audit("orders_completed", "order", None, count=len(done))
    uow.commit()
    return done


def record_feedback(uow: UnitOfWork, order_no: str, score: int | None, category: str | None, text: str = "",
                    *, at: datetime | None = None) -> int:
    """Store a survey answer: score 1..5 and/or free text, in a category."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    order = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no))
    if order is None:
        raise NotFound(f"There is no order {order_no}.", f"没有订单 {order_no}。")
    if score is not None and not 1 <= int(score) <= 5:
        raise ReturnRefused("A score is 1 to 5.", "评分为 1 到 5 分。")
    if category is not None and category not in FEEDBACK_CATEGORIES:
        raise ReturnRefused(f"Unknown category {category!r}: one of {', '.join(FEEDBACK_CATEGORIES)}.",
                            f"未知的类别 {category!r}。")
    if score is None and not text.strip():
        raise ReturnRefused("Give a score or some words.", "请打分或留言。")
    row = models.Feedback(order_id=order.id, score=score, category=category or "other", text=text.strip(),
                          at=at or utcnow())
    uow.session.add(row)
    uow.session.flush()
    uow.audit("feedback_recorded", "order", order.order_no, score=score, category=row.category)
    uow.announce(FeedbackRecorded(order_no=order.order_no, score=score, category=row.category))
    uow.commit()
    return row.id


@dataclass(frozen=True)
class FeedbackGroup:
    category: str
    count: int
    scored: int
    mean_score: float | None
    texts: tuple[str, ...]


def feedback_summary(uow: UnitOfWork, start: datetime, end: datetime) -> list[FeedbackGroup]:
    """Feedback in [start, end) grouped by category: how many, mean score, the free texts."""
    rows = uow.session.execute(select(models.Feedback.category, models.Feedback.score, models.Feedback.text)
                               .where(models.Feedback.at >= start, models.Feedback.at < end)).all()
    groups: dict[str, list[tuple[int | None, str]]] = {}
    for category, score, text in rows:
        groups.setdefault(category or "other", []).append((score, text or ""))
    out = []
    for category in sorted(groups):
        items = groups[category]
        scores = [s for s, _ in items if s is not None]
        out.append(FeedbackGroup(category, len(items), len(scores),
                                 round(statistics.fmean(scores), 2) if scores else None,
                                 tuple(t for _, t in items if t)))
    return out
