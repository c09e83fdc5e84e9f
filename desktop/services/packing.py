"""Packing: open a picked order at the bench, close its parcels, print their labels.

Use cases (each checks the role, audits, announces and commits once):

* `open_for_packing(uow, scan)` — a tote or an order scan → `PackView`: the checklist (units per
  line with the lots the picker took), the masked recipient, the suggested carton, the expected
  weight and the carrier the rules choose. Read-only.
* `pack_parcel(uow, order_no, contents, carton, measured_g, carrier_code, service, …)` — checks
  everything again (contents against the pick, weight within tolerance or a supervisor's
  override, an eligible carrier, a reason when the packer changed the rules' choice), then writes
  the parcel, its items and its shipment. The order becomes packed when its last unit is in a
  closed parcel, and every parcel's "n of m" is fixed then. Idempotent by `action_id` (a column of
  the parcel): the station journals each close (`desktop.station.actions`, kind "pack") and
  replays it after an outage.
* `verify_supervisor(uow, login_or_badge, pin)` — a supervisor at the pack bench proves who they
  are for an override, without signing the packer out.
* `print_documents(uow, order_no, queue, printer)` — labels (one job per parcel) and the packing
  slip, rendered for the station's printer and put in its print queue — only after the commit
  that records them, so a failed commit prints nothing.
* `record_labels_printed(uow, parcel_codes)` and `report_print_failure(uow, job)` — what the
  queue reports back: the time a label came out, or an exception for a supervisor.

The rules themselves live in `desktop.domain.packing`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from desktop.security.crypto import mask_name, mask_phone
from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain import packing as rules
from desktop.domain.actor import Actor
from desktop.domain.errors import NotAllowed, NotFound, PickdeskError
from desktop.domain.lifecycle import OrderStatus, PaymentMethod
from desktop.domain.packing import (
    CarrierChoice,
    CarrierDefinition,
    CartonChoice,
    ChecklistLine,
    Destination,
    PackItem,
    PickedLot,
    WeightVerdict,
)
from desktop.domain.roles import Role, may_act_as, require_role
from desktop.services import auth, cancellation, waybills
from desktop.services.documents import NotReadyToPrint, WaitingForWaybill, packing_slip, shipping_labels
from desktop.services.orders import change_status
from desktop.domain.events import ExceptionOpened, ExceptionResolved, ParcelLabelled, ParcelPacked, PrintQueued
from devices.decode import OrderScan, ToteScan
from printing.documents import gs1_check_digit
from printing.queue import PrintJob, PrintQueue
from printing.transports import PrinterSettings

SSCC_PREFIX = "3690123456"  # extension digit + GS1 company prefix of the demo warehouse


# ─── errors ─────────────────────────────────────────────────────────────────────


class NotPicked(PickdeskError):
    code = "not_picked"

    def __init__(self, order_no: str, status: str) -> None:
        st = OrderStatus(status)
        super().__init__(f"Order {order_no} is not picked yet: it is {st.value}.",
                         f"订单 {order_no} 尚未拣货完成：当前状态为「{st.label_zh}」。")
        self.status = status


class AlreadyPacked(PickdeskError):
    code = "already_packed"

    def __init__(self, order_no: str, status: str) -> None:
        st = OrderStatus(status)
        super().__init__(f"Order {order_no} is already packed (status: {st.value}).",
                         f"订单 {order_no} 已打包（状态：「{st.label_zh}」）。")
        self.status = status


class WeightMismatch(PickdeskError):
    code = "weight_mismatch"

    def __init__(self, verdict: WeightVerdict) -> None:
        note = verdict.describe()
        super().__init__(note.en, note.zh)
        self.verdict = verdict


class CarrierRefused(PickdeskError):
    code = "carrier_refused"


class EmptyParcel(PickdeskError):
    code = "empty_parcel"


# ─── read models ────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class ParcelView:
    code: str
    seq: int
    of: int
    carton: str
    expected_weight_g: int | None
    actual_weight_g: int | None
    weight_override_reason: str | None
    insured_value: Decimal | None
    carrier: str | None
    service: str | None
    tracking_no: str | None
    cost: Decimal | None
    units: int
    label_printed_at: object | None = None
    order_packed: bool = False
    order_no: str = ""
    replayed: bool = False  # an earlier call with the same action id made it (a journal replayed again)


@dataclass(frozen=True)
class PackView:
    order_no: str
    status: str
    tote: str | None
    priority_class: str
    gift: bool
    recipient: str  # masked
    phone: str  # masked
    city: str
    destination: Destination
    cod: bool
    lines: tuple[ChecklistLine, ...]
    parcels: tuple[ParcelView, ...]
    carriers: tuple[CarrierDefinition, ...]
    carton: CartonChoice | None
    expected_weight_g: int | None
    carrier: CarrierChoice | None
    today: date


@dataclass(frozen=True)
class WeightOverride:
    """A supervisor's decision to ship a parcel whose weight is outside the tolerance."""

    supervisor: Actor
    reason: str


@dataclass(frozen=True)
class PrintSubmission:
    order_no: str
    jobs: tuple[tuple[int, str, str], ...]  # (job id, parcel code or "slip", title)
    note: rules.Note | None = None


# ─── helpers ────────────────────────────────────────────────────────────────────


def _load_order(uow: UnitOfWork, order_no: str) -> models.Order | None:
    return uow.session.scalar(
        select(models.Order).where(models.Order.order_no == order_no)
        .options(selectinload(models.Order.lines).selectinload(models.OrderLine.sku),
                 selectinload(models.Order.parcels).selectinload(models.Parcel.contents)
                 .selectinload(models.ParcelItem.lot),
                 selectinload(models.Order.parcels).selectinload(models.Parcel.shipment)
                 .selectinload(models.Shipment.carrier)))


def _order_for_tote(uow: UnitOfWork, code: str) -> str:
    tote = uow.session.scalar(select(models.Tote).where(models.Tote.code == code))
    if tote is None:
        raise NotFound(f"There is no tote {code}.", f"没有周转箱 {code}。")
    # Order numbers, not rows: PostgreSQL cannot DISTINCT over the JSON columns.
    orders = uow.session.execute(
        select(models.Order.order_no, models.Order.status)
        .join(models.OrderLine, models.OrderLine.order_id == models.Order.id)
        .join(models.PickTask, models.PickTask.order_line_id == models.OrderLine.id)
        .where(models.PickTask.tote_id == tote.id).distinct()).all()
    cancelled = cancellation.cancelled_in_tote(uow, tote.id)
    if cancelled is not None and not any(st in (OrderStatus.PICKED, OrderStatus.PICKING) for _n, st in orders):
        raise cancellation.OrderCancelled(*cancelled)
    if not orders or tote.status == "free":
        raise NotFound(f"Tote {code} is empty: no picked order is in it.", f"周转箱 {code} 是空的：里面没有已拣货的订单。")
    for wanted in (OrderStatus.PICKED, OrderStatus.PICKING):
        for order_no, status in sorted(orders):
            if status == wanted:
                return order_no
    raise NotFound(f"Tote {code} holds no order waiting to be packed.", f"周转箱 {code} 中没有待打包的订单。")


def _check_packable(uow: UnitOfWork, order: models.Order) -> None:
    status = OrderStatus(order.status)
    if status is OrderStatus.PICKED:
        return
    if status is OrderStatus.CANCELLED:  # refused like a wrong item, with what goes back where
        raise cancellation.OrderCancelled(order.order_no, cancellation.put_backs_of_order(uow, order.id))
    if status in (OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED):
        raise AlreadyPacked(order.order_no, order.status)
    raise NotPicked(order.order_no, order.status)


def _checklist_lines(uow: UnitOfWork, order: models.Order) -> tuple[ChecklistLine, ...]:
    """Units still to pack per line, with the lots the picker took (less those already packed)."""
    line_ids = [ln.id for ln in order.lines]
    picked: dict[int, dict[str | None, list]] = {}
    if line_ids:
        rows = uow.session.execute(
            select(models.PickTask.order_line_id, models.Lot.lot_code, models.Lot.expiry,
                   func.sum(models.PickTask.picked_qty))
            .outerjoin(models.Lot, models.Lot.id == models.PickTask.lot_id)
            .where(models.PickTask.order_line_id.in_(line_ids), models.PickTask.picked_qty > 0)
            .group_by(models.PickTask.order_line_id, models.Lot.lot_code, models.Lot.expiry))
        for line_id, lot, expiry, qty in rows:
            picked.setdefault(line_id, {})[lot] = [expiry, int(qty)]
    packed: dict[tuple[int, str | None], int] = {}
    for parcel in order.parcels:
        for item in parcel.contents:
            key = (item.order_line_id, item.lot.lot_code if item.lot else None)
            packed[key] = packed.get(key, 0) + item.qty
    out = []
    for ln in order.lines:
        todo = ln.picked_qty - ln.packed_qty
        if todo <= 0:
            continue
        lots = tuple(PickedLot(lot, expiry, qty - packed.get((ln.id, lot), 0))
                     for lot, (expiry, qty) in sorted(picked.get(ln.id, {}).items(), key=lambda kv: kv[0] or "")
                     if qty - packed.get((ln.id, lot), 0) > 0)
        if not any(p.lot for p in lots):
            lots = ()  # goods without lots: any unexpired unit of the product is the right one
        sku = ln.sku
        out.append(ChecklistLine(
            line_no=ln.line_no, sku=sku.sku_code, gtin=sku.gtin, name=sku.name, name_zh=sku.name_zh, qty=todo,
            lots=lots, lot_tracked=sku.lot_tracked, fragile=sku.fragile, weight_g=sku.weight_g,
            length_mm=sku.length_mm, width_mm=sku.width_mm, height_mm=sku.height_mm, unit_value=ln.unit_price))
    return tuple(out)


def _carriers(uow: UnitOfWork) -> tuple[CarrierDefinition, ...]:
    rows = uow.session.scalars(select(models.Carrier).where(models.Carrier.active.is_(True))
                               .order_by(models.Carrier.code)).all()
    return tuple(CarrierDefinition(c.code, c.name, c.name_zh, dict(c.definition)) for c in rows)


def _destination(order: models.Order) -> Destination:
    return Destination(order.ship_country, order.ship_province)


def _is_cod(order: models.Order) -> bool:
    return order.payment_method == PaymentMethod.COD


def _parcel_view(parcel: models.Parcel, order_packed: bool = False) -> ParcelView:
    shipment = parcel.shipment
    return ParcelView(
        code=parcel.code, seq=parcel.seq, of=parcel.of, carton=parcel.carton,
        expected_weight_g=parcel.expected_weight_g, actual_weight_g=parcel.actual_weight_g,
        weight_override_reason=parcel.weight_override_reason, insured_value=parcel.insured_value,
        carrier=shipment.carrier.code if shipment else None, service=shipment.service if shipment else None,
        tracking_no=shipment.tracking_no if shipment else None, cost=shipment.cost if shipment else None,
        units=sum(i.qty for i in parcel.contents), label_printed_at=parcel.label_printed_at,
        order_packed=order_packed, order_no=parcel.order.order_no)


def _items(lines: dict[int, ChecklistLine], contents) -> list[PackItem]:  # noqa: ANN001
    out = []
    for line_no, _lot, qty in contents:
        ln = lines[line_no]
        out.append(PackItem(ln.sku, qty, ln.weight_g, ln.length_mm, ln.width_mm, ln.height_mm, ln.fragile,
                            ln.name_zh or ln.name))
    return out


# ─── open ───────────────────────────────────────────────────────────────────────


def open_for_packing(uow: UnitOfWork, scanned: ToteScan | OrderScan | str, *, today: date | None = None) -> PackView:
    """The order in a tote (or the order scanned), ready to verify at the bench."""
    require_role(uow.actor.role, Role.PACKER)
    if isinstance(scanned, str):
        scanned = ToteScan(scanned) if scanned.upper().startswith("TOTE-") else OrderScan(scanned)
    tote_code = None
    if isinstance(scanned, ToteScan):
        tote_code = scanned.code
        order = _load_order(uow, _order_for_tote(uow, scanned.code))
    else:
        order = _load_order(uow, scanned.order_no)
        if order is None:
            raise NotFound(f"There is no order {scanned.order_no}.", f"没有订单 {scanned.order_no}。")
    assert order is not None
    _check_packable(uow, order)
    lines = _checklist_lines(uow, order)
    if not lines:
        raise AlreadyPacked(order.order_no, order.status)
    no = order.order_no
    name = uow.sealer.open(order.customer_name_sealed, "customer_name", no)
    phone = uow.sealer.open(order.customer_phone_sealed, "customer_phone", no)
    carriers = _carriers(uow)
    items = [PackItem(ln.sku, ln.qty, ln.weight_g, ln.length_mm, ln.width_mm, ln.height_mm, ln.fragile,
                      ln.name_zh or ln.name) for ln in lines]
    carton = rules.suggest_carton(items)
    expected = rules.expected_weight(items, carton.carton)
    value = sum((ln.unit_value * ln.qty for ln in lines), Decimal(0))
    try:
        choice = rules.choose_carrier(carriers, _destination(order), expected, order.priority_class, _is_cod(order), value)
    except rules.NoCarrier:
        choice = None
    return PackView(
        order_no=no, status=order.status, tote=tote_code, priority_class=order.priority_class, gift=order.gift,
        recipient=mask_name(name), phone=mask_phone(phone), city=order.ship_city or order.ship_country,
        destination=_destination(order), cod=_is_cod(order), lines=lines,
        parcels=tuple(_parcel_view(p) for p in order.parcels), carriers=carriers, carton=carton,
        expected_weight_g=expected, carrier=choice, today=today or date.today())


# ─── supervisor ─────────────────────────────────────────────────────────────────


def verify_supervisor(uow: UnitOfWork, login_or_badge: str, pin: str | None = None) -> Actor:
    """The supervisor standing at the bench: a badge scan alone, or a login with the PIN.

    Wrong PINs count towards the lock like at sign-in. The station's signed-in user is unchanged.
    """
    who = login_or_badge.strip()
    if auth.on_server(uow):
        user, by_badge = _supervisor_on_server(uow, who, pin)
        return _supervisor_verified(uow, user, by_badge)
    user = auth.user_by_badge(uow.session, who)
    by_badge = user is not None
    if user is None:
        user = uow.session.scalar(select(models.User).where(models.User.login == who))
    if user is None or not user.active:
        raise auth.SignInRefused("Unknown supervisor badge or login.", "无法识别主管工牌或用户名。")
    if not user.pin_hash:
        raise auth.NoPinYet()
    now = utcnow()
    if user.locked_until is not None and user.locked_until > now:
        raise auth.SignInRefused("This account is locked for a few minutes.", "该账户已被暂时锁定。")
    if not by_badge:
        try:
            auth._hasher.verify(user.pin_hash or "!", pin or "")  # "!": no PIN set, matches none
        except (auth.VerifyMismatchError, auth.VerificationError, auth.InvalidHashError):
            user.failed_attempts += 1
            if user.failed_attempts >= auth.MAX_FAILED_ATTEMPTS:
                user.locked_until = now + auth.LOCK_DURATION
                user.failed_attempts = 0
            uow.audit("supervisor_check_failed", "user", user.id, at_station=uow.actor.station)
            uow.commit()
            raise auth._refused() from None
        user.failed_attempts = 0
    return _supervisor_verified(uow, user, by_badge)


def _supervisor_on_server(uow: UnitOfWork, who: str, pin: str | None) -> tuple[models.User, bool]:
    """PostgreSQL: the server checks the badge or the PIN (and counts a wrong one), never this station."""
    station = uow.actor.station
    if not pin:  # a badge scanned alone (a login needs its PIN)
        user_id = auth.check_badge_on_server(uow, who, station, "verify")
        if user_id is None:
            raise auth.SignInRefused("Unknown supervisor badge or login.", "无法识别主管工牌或用户名。")
        return uow.session.get(models.User, user_id), True
    if not who or uow.session.scalar(select(models.User.id).where(models.User.login == who,
                                                                  models.User.active.is_(True))) is None:
        raise auth.SignInRefused("Unknown supervisor badge or login.", "无法识别主管工牌或用户名。")
    return uow.session.get(models.User, auth.check_pin_on_server(uow, who, pin or "", station, "verify")), False


def _supervisor_verified(uow: UnitOfWork, user: models.User, by_badge: bool) -> Actor:
    role = Role(user.role)
    if not may_act_as(role, Role.SUPERVISOR):
        uow.audit("supervisor_check_refused", "user", user.id, role=role.value)
        uow.commit()
        raise NotAllowed(f"{user.display_name} is a {role.value}: only a supervisor can override.",
                         f"{user.display_name} 是「{role.label_zh}」：只有主管可以放行。")
    supervisor = auth._actor(user, uow.actor.station)
    uow.audit("supervisor_verified", "user", user.id, how="badge" if by_badge else "pin",
              for_user=uow.actor.login)
    uow.commit()
    return supervisor


# ─── pack ───────────────────────────────────────────────────────────────────────


def _replayed(uow: UnitOfWork, action_id: str) -> ParcelView | None:
    """The parcel this action made already (a journal replayed after a crash or an outage)."""
    parcel = uow.session.scalar(select(models.Parcel).where(models.Parcel.action_id == action_id))
    if parcel is None:
        return None
    return dataclasses.replace(_parcel_view(parcel, parcel.order.status == OrderStatus.PACKED.value), replayed=True)


def _next_parcel_code(uow: UnitOfWork) -> str:
    last = uow.session.scalar(select(func.max(models.Parcel.code)).where(models.Parcel.code.like("PCL-%")))
    n = int(last[4:]) + 1 if last and last[4:].isdigit() else 1
    return f"PCL-{n:010d}"


def _sscc(parcel_id: int) -> str:
    body = f"{SSCC_PREFIX}{parcel_id % 10**7:07d}"
    return body + str(gs1_check_digit(body))


def _check_override(uow: UnitOfWork, override: WeightOverride) -> models.User:
    user = uow.session.get(models.User, override.supervisor.user_id) if override.supervisor.user_id else None
    if user is None or not user.active or not may_act_as(Role(user.role), Role.SUPERVISOR):
        raise NotAllowed("Only a supervisor can override a weight mismatch.", "只有主管可以放行重量不符的包裹。")
    if not override.reason.strip():
        raise PickdeskError("Give the reason for the override.", "请填写放行原因。")
    return user


def pack_parcel(uow: UnitOfWork, order_no: str, contents: list[tuple[int, str | None, int]], carton: str,
                measured_g: Decimal | int, carrier_code: str, service: str, *,
                override: WeightOverride | None = None, carrier_reason: str | None = None,
                action_id: str, today: date | None = None) -> ParcelView:
    """Close one parcel of `order_no` after checking it again (see the module notes).

    `contents` is (line_no, lot code or None, qty) per lot. Replaying the same `action_id` returns
    the parcel made the first time.
    """
    require_role(uow.actor.role, Role.PACKER)
    today = today or date.today()
    order = _load_order(uow, order_no)
    if order is None:
        raise NotFound(f"There is no order {order_no}.", f"没有订单 {order_no}。")
    replay = _replayed(uow, action_id)
    if replay is not None:
        return replay
    _check_packable(uow, order)
    if not contents:
        raise EmptyParcel("The parcel is empty: scan its units first.", "包裹是空的：请先扫描商品。")
    lines = {ln.line_no: ln for ln in _checklist_lines(uow, order)}
    rules.validate_contents(lines, {}, contents, today)
    box = rules.carton_by_code(carton)
    items = _items(lines, contents)
    verdict = rules.weight_check(rules.expected_weight(items, box), measured_g)
    supervisor = None
    if not verdict.ok:
        if override is None:
            raise WeightMismatch(verdict)
        supervisor = _check_override(uow, override)

    if "*" in uow.sealer.open(order.customer_phone_sealed, "customer_phone", order.order_no):
        # A masked mall number (accepted at intake for the privacy-waybill carriers): only they can deliver it.
        from desktop.services.intake import privacy_carriers

        allowed = privacy_carriers(uow)
        if carrier_code not in allowed:
            raise CarrierRefused(
                f"The customer's number is masked: ship with a privacy-waybill carrier ({', '.join(allowed) or 'none set up'}), "
                f"not {carrier_code}.",
                f"顾客电话已打码：请用支持隐私面单的承运商（{'、'.join(allowed) or '尚未设置'}），不能用 {carrier_code}。")
    # The carrier: eligible for this parcel, and the rules' choice unless the packer says why not.
    carriers = _carriers(uow)
    destination, cod = _destination(order), _is_cod(order)
    value = sum((lines[n].unit_value * q for n, _lot, q in contents), Decimal(0))
    options = {(o.carrier, o.service): o for o in rules.carrier_options(carriers, destination, verdict.measured_g,
                                                                        cod=cod, value=value)}
    option = options.get((carrier_code, service))
    if option is None:
        raise CarrierRefused(f"{carrier_code} has no service {service!r}.", f"{carrier_code} 没有「{service}」服务。")
    if not option.eligible:
        raise CarrierRefused(f"{carrier_code} cannot take this parcel: {option.refused.en}.",
                             f"{carrier_code} 无法承运此包裹：{option.refused.zh}。")
    choice = rules.choose_carrier(carriers, destination, verdict.measured_g, order.priority_class, cod, value)
    changed = (choice.carrier, choice.service) != (carrier_code, service)
    if changed and not (carrier_reason or "").strip():
        raise CarrierRefused(f"The rules choose {choice.carrier} {choice.service}: give a reason for {carrier_code} {service}.",
                             f"规则选择 {choice.carrier} {choice.service}：改用 {carrier_code} {service} 请填写原因。")

    now = utcnow()
    seq = len(order.parcels) + 1
    insured = rules.insure(value)
    parcel = models.Parcel(
        code=_next_parcel_code(uow), action_id=action_id, order=order, seq=seq, of=seq, carton=box.code,
        expected_weight_g=verdict.expected_g, actual_weight_g=verdict.measured_g,
        weight_override_reason=override.reason.strip() if supervisor is not None else None,
        insured_value=insured, status="sealed", packed_by=uow.actor.user_id, packed_at=now)
    uow.session.add(parcel)
    sku_by_line = {ln.line_no: ln.sku_id for ln in order.lines}
    line_by_no = {ln.line_no: ln for ln in order.lines}
    for line_no, lot_code, qty in contents:
        lot_id = None
        if lot_code:
            lot_id = uow.session.scalar(select(models.Lot.id).where(
                models.Lot.sku_id == sku_by_line[line_no], models.Lot.lot_code == lot_code))
        parcel.contents.append(models.ParcelItem(line=line_by_no[line_no], lot_id=lot_id, qty=qty))
        line_by_no[line_no].packed_qty += qty
    carrier = uow.session.scalar(select(models.Carrier).where(models.Carrier.code == carrier_code))
    uow.session.flush()
    parcel.sscc = _sscc(parcel.id)
    # The number comes from the carrier (its account), never made up: a carrier that cannot be asked
    # now leaves the parcel closed, waiting for its number (printing asks again).
    shipment = None
    try:
        shipment = waybills.attach_shipment(uow, order, parcel, carrier, service, option.cost, insured)
    except waybills.RETRY_LATER as exc:
        parcel.waybill_wanted = {"carrier": carrier.code, "service": service,
                                 "cost": str(option.cost) if option.cost is not None else None,
                                 "why": exc.message[:200]}
        uow.session.flush()

    last = all(ln.packed_qty >= ln.picked_qty for ln in order.lines)
    if last:
        for p in order.parcels:
            p.of = seq
        change_status(uow, order, OrderStatus.PACKED, reason=f"{seq} parcel(s)")
        _free_totes(uow, order)
    if supervisor is not None:
        uow.session.add(models.ExceptionCase(
            kind="weight_override", order=order, parcel_id=parcel.id, status="resolved", resolved_at=now,
            resolved_by=supervisor.id, decision="accepted", reason=override.reason.strip(),
            detail={"expected_g": verdict.expected_g, "measured_g": verdict.measured_g,
                    "tolerance_g": verdict.tolerance_g, "packer": uow.actor.login, "supervisor": supervisor.login}))
        uow.audit("weight_override", "parcel", parcel.code, supervisor=supervisor.login, reason=override.reason.strip(),
                  expected_g=verdict.expected_g, measured_g=verdict.measured_g)
        uow.announce(ExceptionResolved(subject=parcel.code, kind="weight_override"))
    if changed:
        uow.audit("carrier_changed", "parcel", parcel.code, rules_choice=f"{choice.carrier} {choice.service}",
                  chosen=f"{carrier_code} {service}", reason=carrier_reason.strip())
    uow.audit("parcel_packed", "order", order.order_no, action_id=action_id, parcel=parcel.code, seq=seq,
              carton=box.code, expected_g=verdict.expected_g, measured_g=verdict.measured_g,
              carrier=carrier_code, service=service, tracking_no=shipment.tracking_no if shipment else None,
              units=sum(q for _n, _l, q in contents), last=last)
    uow.announce(ParcelPacked(parcel_code=parcel.code, order_no=order.order_no, seq=seq))
    uow.commit()
    return _parcel_view(parcel, last)


def _free_totes(uow: UnitOfWork, order: models.Order) -> None:
    """A tote whose every order is packed goes back to the free stack."""
    tote_ids = set(uow.session.scalars(
        select(models.PickTask.tote_id).join(models.OrderLine, models.OrderLine.id == models.PickTask.order_line_id)
        .where(models.OrderLine.order_id == order.id, models.PickTask.tote_id.is_not(None))).all())
    for tote_id in tote_ids:
        waiting = uow.session.scalar(
            select(func.count(models.Order.id.distinct()))
            .join(models.OrderLine, models.OrderLine.order_id == models.Order.id)
            .join(models.PickTask, models.PickTask.order_line_id == models.OrderLine.id)
            .where(models.PickTask.tote_id == tote_id, models.Order.id != order.id,
                   models.Order.status.in_([OrderStatus.PICKING.value, OrderStatus.PICKED.value])))
        if not waiting:
            tote = uow.session.get(models.Tote, tote_id)
            tote.status, tote.batch_id = "free", None
            uow.audit("tote_freed", "tote", tote.code, order=order.order_no)


# ─── print ──────────────────────────────────────────────────────────────────────


def print_documents(uow: UnitOfWork, order_no: str, queue: PrintQueue, printer: PrinterSettings, *,
                    parcel: int | None = None, slip: bool = True, slip_page: str = "A5",
                    labels: bool = True, reprint_reason: str | None = None) -> PrintSubmission:
    """Render the labels (one job per parcel, or parcel number `parcel` only) and the packing slip for
    `printer`, and queue them. `labels=False` queues the slip alone (printing it again after a failure).

    A raw TCP label printer takes ZPL only, so no slip goes there (the submission's note says so).
    """
    require_role(uow.actor.role, Role.PACKER)
    import printing
    from printing.pdf import render_labels_pdf

    order = _load_order(uow, order_no)
    if order is None:
        raise NotFound(f"There is no order {order_no}.", f"没有订单 {order_no}。")
    if OrderStatus(order.status) is OrderStatus.CANCELLED:
        raise cancellation.OrderCancelled(order.order_no, cancellation.put_backs_of_order(uow, order.id))
    if OrderStatus(order.status) is not OrderStatus.PACKED:
        raise NotReadyToPrint(f"Order {order_no} is not packed yet: close its last parcel first.",
                              f"订单 {order_no} 尚未打包完成：请先封好最后一个包裹。")
    if labels:
        _done, waiting = waybills.request_pending(uow, order_no)
        if waiting and (parcel is None or any(p.seq == parcel and p.code in waiting for p in order.parcels)):
            raise WaitingForWaybill(
                f"Parcel(s) {', '.join(waiting)} still wait for their waybill number from the carrier: "
                f"the label is printed once it is issued (try again when the carrier answers).",
                f"包裹 {'、'.join(waiting)} 仍在等待承运商分配运单号：分配后才能打印面单（承运商恢复后请重试）。")
    wanted = shipping_labels(uow, order_no, parcel) if labels else []
    codes = {p.seq: p.code for p in order.parcels}
    # A label that came out already is a reprint: it needs a reason, and it is counted and audited.
    waybills.note_reprints(uow, [p for p in order.parcels if p.seq in {lb.parcel_index for lb in wanted}],
                           reprint_reason)
    documents: list[tuple[bytes, str, PrinterSettings, str, str]] = []  # (document, format, printer, code, title)
    for label in wanted:
        if printer.format == "zpl":
            document = printing.render_label_zpl(label, printer.label_size, printer.dpi,
                                                 text_mode=printer.zpl_text_mode, printer_font=printer.printer_font)
        elif printer.format == "cainiao":
            document = printing.render_label_cainiao(label, printer.template_url)
        else:
            document = render_labels_pdf([label], printer.label_size)
        title = f"{order_no} {label.parcel_text} {label.tracking_number}"
        documents.append((document, printer.format, printer, codes[label.parcel_index], title))
    note = None
    if slip and parcel is None:
        if printer.kind == "tcp":
            note = rules.Note("The packing slip needs a PDF printer; this bench has a ZPL label printer only.",
                              "装箱单需要 PDF 打印机；本工作台只有 ZPL 标签打印机。")
        elif printer.kind == "cainiao":
            note = rules.Note("The packing slip needs a PDF printer; the Cainiao print component prints labels only.",
                              "装箱单需要 PDF 打印机；菜鸟打印组件只打印面单。")
        else:
            document = printing.render_slip_pdf(packing_slip(uow, order_no), slip_page)
            documents.append((document, "pdf", dataclasses.replace(printer, format="pdf"), "slip",
                              f"{order_no} slip"))
    uow.audit("documents_queued", "order", order_no, jobs=[code for *_d, code, _t in documents],
              printer=printer.printer_key, format=printer.format)
    uow.announce(PrintQueued(order_no=order_no, jobs=len(documents)))
    uow.commit()
    # Only now, with the record committed: a commit that fails leaves nothing in the printer's queue.
    jobs = tuple((queue.submit(document, fmt, settings, order_ref=order_no, parcel_ref=code, title=title), code, title)
                 for document, fmt, settings, code, title in documents)
    return PrintSubmission(order_no, jobs, note)


def record_labels_printed(uow: UnitOfWork, parcel_codes: list[str]) -> int:
    """The print queue says these parcels' labels came out: note the time (once) and the status."""
    require_role(uow.actor.role, Role.PACKER)
    parcels = uow.session.scalars(select(models.Parcel).where(models.Parcel.code.in_(parcel_codes))).all()
    now = utcnow()
    changed = 0
    for parcel in parcels:
        if parcel.label_printed_at is None:
            parcel.label_printed_at = now
            changed += 1
        if parcel.status in ("open", "sealed"):
            parcel.status = "labelled"
        uow.audit("label_printed", "parcel", parcel.code)
        uow.announce(ParcelLabelled(parcel_code=parcel.code))
    uow.commit()
    return changed


def report_print_failure(uow: UnitOfWork, job: PrintJob) -> int:
    """A print job that failed for good becomes a `print_failed` exception a supervisor sees."""
    require_role(uow.actor.role, Role.PACKER)
    order = uow.session.scalar(select(models.Order).where(models.Order.order_no == job.order_ref))
    parcel = uow.session.scalar(select(models.Parcel).where(models.Parcel.code == job.parcel_ref)) \
        if job.parcel_ref and job.parcel_ref != "slip" else None
    case = models.ExceptionCase(
        kind="print_failed", order=order, parcel_id=parcel.id if parcel else None,
        detail={"job": job.id, "title": job.title, "error": job.last_error, "attempts": job.attempt_count,
                "printer": job.settings.printer_key, "station": uow.actor.station})
    uow.session.add(case)
    uow.session.flush()
    uow.audit("print_failed", "order", job.order_ref, job=job.id, error=job.last_error)
    uow.announce(ExceptionOpened(subject=str(case.id), kind="print_failed", order_no=job.order_ref))
    uow.commit()
    return case.id
