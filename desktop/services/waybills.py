"""Waybill numbers (电子面单号) from the carrier, not made up: allocated per order, used per parcel.

* `allocate(uow, order_no, carrier_code, parcels)` — pre-allocates `parcels` numbers for an order
  (the single-SKU wave prints labels before picking): the master and children. Asking again returns
  the numbers the order already has, and only asks the carrier for the children it lacks.
* `take_for_parcel(uow, order, parcel_seq, carrier)` — the number for a parcel being closed: a
  pre-allocated one not used yet, else a new master (the order's first) or a new child. Used by
  `packing.pack_parcel` inside its unit of work.
* `request_pending(uow, order_no)` — parcels closed while the carrier could not be reached keep
  what their waybill is for (`parcels.waybill_wanted`); this asks again and makes their shipments.
  Printing calls it first: a label waits for a number, it never carries one made up.
* `void_label(uow, parcel_code, reason)` — a voided label gives its numbers back: the carrier
  order is cancelled (SF `EXP_RECE_UPDATE_ORDER` dealType 2), every number of it is voided, and the
  order's parcels wait for new numbers (under a new carrier order id, `ORDER-2`, …).
* `record_reprint(uow, parcel_code, reason)` — a reprint needs a reason; counted and audited.
* `intercept(uow, order_no, reason)` — an order cancelled after packing: before the hand-over an
  `intercept` exception stops the parcels at the cage (the hand-over scan refuses them); after it
  the carrier's intercept call (SF `EXP_RECE_WANTED_INTERCEPT`) for every number, and the exception
  records it. Both show on the supervisor's console (exceptions).

A carrier with no account (the demo carriers) numbers its parcels from its definition, as before,
offline: the demo keeps working with nothing configured. Those numbers are recorded here too.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain import packing as rules
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.events import ExceptionOpened
from desktop.domain.lifecycle import OrderStatus
from desktop.domain.roles import Role, require_role
from desktop.partners.carriers import sf
from desktop.services import carrier_accounts

# Errors that mean "the carrier cannot be asked now": the parcel closes and waits for its number.
RETRY_LATER = (sf.SfUnreachable, sf.SfServiceDown, sf.SfThrottled, sf.SfExpired)


class WaybillRefused(PickdeskError):
    """The carrier refused the waybill (address not served, recipient incomplete …): `detail` is its reason."""

    code = "waybill_refused"


class LabelControl(PickdeskError):
    code = "label_control"


@dataclass(frozen=True)
class WaybillView:
    number: str
    kind: str
    seq: int
    status: str
    parcel: str | None
    carrier: str
    carrier_order_id: str
    sort_code: str  # 大头笔
    three_segment: str  # 三段码

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "kind": self.kind, "seq": self.seq, "status": self.status,
                "parcel": self.parcel, "carrier": self.carrier, "carrier_order_id": self.carrier_order_id,
                "sort_code": self.sort_code, "three_segment": self.three_segment}


def _label_codes(route_label: dict[str, Any]) -> tuple[str, str]:
    rl = route_label or {}
    three = "-".join(p for p in (rl.get("coding_mapping_out"), rl.get("dest_route_label"), rl.get("coding_mapping")) if p)
    return str(rl.get("dest_route_label") or ""), three


def _view(w: models.Waybill, carrier: models.Carrier, parcel_code: str | None) -> WaybillView:
    sort, three = _label_codes(w.route_label)
    return WaybillView(w.number, w.kind, w.seq, w.status, parcel_code, carrier.code, w.carrier_order_id, sort, three)


def _order(uow: UnitOfWork, order_no: str) -> models.Order:
    order = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no))
    if order is None:
        raise NotFound(f"There is no order {order_no}.", f"没有订单 {order_no}。")
    return order


def _carrier(uow: UnitOfWork, code: str) -> models.Carrier:
    carrier = uow.session.scalar(select(models.Carrier).where(models.Carrier.code == code.strip().upper()))
    if carrier is None:
        raise NotFound(f"There is no carrier {code!r}.", f"没有承运商 {code!r}。")
    return carrier


def _live(uow: UnitOfWork, order: models.Order, carrier: models.Carrier) -> list[models.Waybill]:
    W = models.Waybill
    return list(uow.session.scalars(select(W).where(W.order_id == order.id, W.carrier_id == carrier.id,
                                                    W.status != "voided").order_by(W.seq, W.id)))


def _carrier_order_id(uow: UnitOfWork, order: models.Order, carrier: models.Carrier) -> str:
    """The order's id at the carrier: the order number, then ORDER-2 … after a voided set."""
    W = models.Waybill
    live = _live(uow, order, carrier)
    if live:
        return live[0].carrier_order_id
    used = set(uow.session.scalars(select(W.carrier_order_id).where(W.order_id == order.id, W.carrier_id == carrier.id)))
    if order.order_no not in used:
        return order.order_no
    n = 2
    while f"{order.order_no}-{n}" in used:
        n += 1
    return f"{order.order_no}-{n}"


def _contacts(uow: UnitOfWork, order: models.Order) -> tuple[sf.Contact, sf.Contact]:
    no = order.order_no
    opened = uow.sealer.open
    recipient = sf.Contact(opened(order.customer_name_sealed, "customer_name", no),
                           opened(order.customer_phone_sealed, "customer_phone", no),
                           f"{order.ship_province}{order.ship_city}{order.ship_district}"
                           f"{opened(order.ship_detail_sealed, 'ship_detail', no)}",
                           order.ship_province, order.ship_city, order.ship_district, country=order.ship_country)
    merchant = order.merchant
    warehouse = uow.session.get(models.Warehouse, order.warehouse_id) if order.warehouse_id else None
    address = (warehouse.address if warehouse is not None and warehouse.address else merchant.address) or merchant.name
    sender = sf.Contact(merchant.name, merchant.phone or "", address, company=merchant.name)
    uow.audit("customer_data_opened", "order", no, purpose="waybill")
    return sender, recipient


def _cargo(order: models.Order) -> list[sf.Cargo]:
    return [sf.Cargo((ln.sku.name_zh or ln.sku.name)[:60], max(1, ln.qty)) for ln in order.lines][:20] or [sf.Cargo("商品")]


def _record(uow: UnitOfWork, order: models.Order, carrier: models.Carrier, result: sf.SfOrder,
            known: set[str]) -> list[models.Waybill]:
    labels = {r.waybill_no: r for r in result.route_labels}
    seq = len(_live(uow, order, carrier))
    made = []
    for w in result.waybills:
        if w.number in known:
            continue
        seq += 1
        label = labels.get(w.number)
        made.append(models.Waybill(order_id=order.id, carrier_id=carrier.id, number=w.number, kind=w.kind, seq=seq,
                                   carrier_order_id=result.order_id, origin_code=result.origin_code,
                                   dest_code=result.dest_code, route_label=label.to_dict() if label else {}))
    uow.session.add_all(made)
    uow.session.flush()
    return made


def _sf_call(what: str, call):  # noqa: ANN001, ANN202
    try:
        return call()
    except (sf.SfNotServed, sf.SfAddressIncomplete) as exc:
        raise WaybillRefused(f"SF will not take it: {exc.message}", f"顺丰不受理：{exc.message_zh}") from exc


def _demo_numbers(uow: UnitOfWork, order: models.Order, carrier: models.Carrier, count: int) -> None:
    live = _live(uow, order, carrier)
    order_id = live[0].carrier_order_id if live else order.order_no
    seq = len(live)
    for _ in range(count):
        for _try in range(20):
            number = rules.tracking_number(carrier.definition, secrets.randbelow(10**12))
            taken = uow.session.scalar(select(models.Shipment.id).where(models.Shipment.tracking_no == number)) or \
                uow.session.scalar(select(models.Waybill.id).where(models.Waybill.number == number))
            if taken is None:
                break
        else:  # 20 collisions in 10^8+: a bug
            raise RuntimeError("could not find a free tracking number")
        seq += 1
        uow.session.add(models.Waybill(order_id=order.id, carrier_id=carrier.id, number=number,
                                       kind="master" if seq == 1 else "child", seq=seq, carrier_order_id=order_id))
    uow.session.flush()


def _ensure(uow: UnitOfWork, order: models.Order, carrier: models.Carrier, wanted: int) -> None:
    """At least `wanted` live numbers for the order at this carrier (asking the carrier for what is missing)."""
    live = _live(uow, order, carrier)
    missing = wanted - len(live)
    if missing <= 0:
        return
    client = carrier_accounts.sf_client(uow, carrier.code)
    if client is None:
        _demo_numbers(uow, order, carrier, missing)
        return
    known = {w.number for w in live}
    if not live:
        sender, recipient = _contacts(uow, order)
        order_id = _carrier_order_id(uow, order, carrier)
        result = _sf_call("create", lambda: client.create_order(order_id, sender, recipient, _cargo(order),
                                                                parcels=wanted))
        made = _record(uow, order, carrier, result, known)
        known |= {w.number for w in made}
        missing = wanted - len(known)  # an 8016 answer gives back what SF issued before, maybe fewer
        if missing <= 0:
            return
        live = _live(uow, order, carrier)
    children = _sf_call("sub", lambda: client.sub_waybills(live[0].carrier_order_id, missing))
    result = sf.SfOrder(live[0].carrier_order_id, tuple(sf.Waybill(n, "child") for n in children),
                        live[0].origin_code, live[0].dest_code,
                        tuple(sf.RouteLabel(n, **_child_label(live[0].route_label)) for n in children))
    _record(uow, order, carrier, result, known)


def _child_label(master_label: dict[str, Any]) -> dict[str, str]:
    # A child travels the master's route: the same sort codes (EXP_RECE_GET_SUB_MAILNO gives numbers only).
    keys = ("dest_route_label", "coding_mapping", "coding_mapping_out", "dest_team_code", "source_transfer_code",
            "pro_code")
    return {k: str(master_label.get(k, "")) for k in keys}


def _views(uow: UnitOfWork, order: models.Order, carrier: models.Carrier) -> list[WaybillView]:
    codes = dict(uow.session.execute(select(models.Parcel.id, models.Parcel.code)
                                     .where(models.Parcel.order_id == order.id)).all())
    return [_view(w, carrier, codes.get(w.parcel_id)) for w in _live(uow, order, carrier)]


def allocate(uow: UnitOfWork, order_no: str, carrier_code: str | None = None, parcels: int = 1) -> list[WaybillView]:
    """Pre-allocate `parcels` numbers for the order (see the module notes); idempotent."""
    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    if not 1 <= parcels <= 300:
        raise LabelControl("Parcels must be 1 to 300.", "包裹数须为 1 至 300。")
    order = _order(uow, order_no)
    if OrderStatus(order.status) in (OrderStatus.CANCELLED, OrderStatus.SHIPPED, OrderStatus.DELIVERED,
                                     OrderStatus.COMPLETED, OrderStatus.RETURNED):
        raise LabelControl(f"Order {order_no} is {order.status}: no waybill for it.",
                           f"订单 {order_no} 状态为「{OrderStatus(order.status).label_zh}」：不能申请运单号。")
    if carrier_code is None:
        W = models.Waybill
        carrier_id = uow.session.scalar(select(W.carrier_id).where(W.order_id == order.id, W.status != "voided")
                                        .order_by(W.id))
        if carrier_id is None:
            raise LabelControl(f"Order {order_no} has no waybill yet: say which carrier (--carrier CODE).",
                               f"订单 {order_no} 还没有运单号：请指定承运商（--carrier CODE）。")
        carrier = uow.session.get(models.Carrier, carrier_id)
    else:
        carrier = _carrier(uow, carrier_code)
    before = len(_live(uow, order, carrier))
    _ensure(uow, order, carrier, parcels)
    views = _views(uow, order, carrier)
    if len(views) != before:
        uow.audit("waybills_allocated", "order", order_no, carrier=carrier.code, numbers=[v.number for v in views])
    uow.commit()
    return views


def take_for_parcel(uow: UnitOfWork, order: models.Order, parcel: models.Parcel, carrier: models.Carrier) -> models.Waybill:
    """The number for `parcel` (flushed, not committed): an unused allocated one, else one more from the carrier.

    Raises one of `RETRY_LATER` when the carrier cannot be asked now, `WaybillRefused` when it refuses.
    """
    W = models.Waybill
    free = uow.session.scalar(select(W).where(W.order_id == order.id, W.carrier_id == carrier.id,
                                              W.status == "issued", W.parcel_id.is_(None)).order_by(W.seq))
    if free is None:
        _ensure(uow, order, carrier, len(_live(uow, order, carrier)) + 1)
        free = uow.session.scalar(select(W).where(W.order_id == order.id, W.carrier_id == carrier.id,
                                                  W.status == "issued", W.parcel_id.is_(None)).order_by(W.seq))
    assert free is not None
    free.parcel_id, free.status = parcel.id, "used"
    uow.session.flush()
    return free


def attach_shipment(uow: UnitOfWork, order: models.Order, parcel: models.Parcel, carrier: models.Carrier,
                    service: str, cost: Any, insured: Any) -> models.Shipment:
    """The parcel's shipment under its carrier-issued number (raises RETRY_LATER / WaybillRefused)."""
    waybill = take_for_parcel(uow, order, parcel, carrier)
    shipment = models.Shipment(order=order, carrier=carrier, service=service, tracking_no=waybill.number,
                               status="created", cost=cost, insured_value=insured)
    uow.session.add(shipment)
    parcel.shipment = shipment
    parcel.waybill_wanted = None
    uow.session.flush()
    return shipment


def request_pending(uow: UnitOfWork, order_no: str) -> tuple[list[str], list[str]]:
    """Ask again for the numbers of the order's parcels that wait for one; commits what it got.

    Returns (parcels now numbered, parcels still waiting)."""
    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    order = _order(uow, order_no)
    P = models.Parcel
    waiting = list(uow.session.scalars(select(P).where(P.order_id == order.id, P.shipment_id.is_(None),
                                                       P.waybill_wanted.is_not(None)).order_by(P.seq)))
    done, still = [], []
    for parcel in waiting:
        wanted = parcel.waybill_wanted or {}
        carrier = _carrier(uow, str(wanted.get("carrier")))
        try:
            from decimal import Decimal
            cost = Decimal(wanted["cost"]) if wanted.get("cost") is not None else None
            shipment = attach_shipment(uow, order, parcel, carrier, str(wanted.get("service")), cost,
                                       parcel.insured_value)
        except RETRY_LATER:
            still.append(parcel.code)
            continue
        uow.audit("waybill_issued", "parcel", parcel.code, tracking_no=shipment.tracking_no, carrier=carrier.code,
                  late=True)
        done.append(parcel.code)
    if done:
        uow.commit()
    return done, still


def waybills_of(uow: UnitOfWork, order_no: str) -> list[WaybillView]:
    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    order = _order(uow, order_no)
    W = models.Waybill
    rows = uow.session.scalars(select(W).where(W.order_id == order.id).order_by(W.id)).all()
    codes = dict(uow.session.execute(select(models.Parcel.id, models.Parcel.code)
                                     .where(models.Parcel.order_id == order.id)).all())
    return [_view(w, uow.session.get(models.Carrier, w.carrier_id), codes.get(w.parcel_id)) for w in rows]


# ─── label control ──────────────────────────────────────────────────────────────


def _parcel(uow: UnitOfWork, code: str) -> models.Parcel:
    parcel = uow.session.scalar(select(models.Parcel).where(models.Parcel.code == code.strip().upper()))
    if parcel is None:
        raise NotFound(f"There is no parcel {code}.", f"没有包裹 {code}。")
    return parcel


def _reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise LabelControl("Give the reason.", "请填写原因。")
    return reason[:300]


def note_reprints(uow: UnitOfWork, parcels: list[models.Parcel], reason: str | None) -> list[str]:
    """The parcels whose label came out already are being printed again: a reason is required; each is
    counted and audited (no commit: the caller's). Returns their codes."""
    again = [p for p in parcels if p.label_printed_at is not None]
    if not again:
        return []
    if not (reason or "").strip():
        codes = [p.code for p in again]
        raise LabelControl(f"The label of parcel {', '.join(codes)} was printed already: a reprint needs a reason.",
                           f"包裹 {'、'.join(codes)} 的面单已打印过：重打须填写原因。")
    for p in again:
        p.reprints = (p.reprints or 0) + 1
        uow.audit("label_reprinted", "parcel", p.code, reason=reason.strip()[:300], count=p.reprints,
                  tracking_no=p.shipment.tracking_no if p.shipment is not None else None)
    return [p.code for p in again]


def record_reprint(uow: UnitOfWork, parcel_code: str, reason: str | None) -> int:
    """A reprint of a parcel's label: the reason is required, the count goes up, the audit says why."""
    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    reason = _reason(reason)
    parcel = _parcel(uow, parcel_code)
    if parcel.shipment_id is None:
        raise LabelControl(f"Parcel {parcel.code} has no waybill number yet: nothing to reprint.",
                           f"包裹 {parcel.code} 还没有运单号：无可重打的面单。")
    if parcel.status in ("manifested", "shipped"):
        raise LabelControl(f"Parcel {parcel.code} is handed over already: its label is not reprinted.",
                           f"包裹 {parcel.code} 已交接：不能重打面单。")
    parcel.reprints = (parcel.reprints or 0) + 1
    uow.audit("label_reprinted", "parcel", parcel.code, reason=reason, count=parcel.reprints,
              tracking_no=parcel.shipment.tracking_no)
    uow.commit()
    return parcel.reprints


def void_label(uow: UnitOfWork, parcel_code: str, reason: str | None) -> list[str]:
    """Void a parcel's label: its carrier order is cancelled and every number of it given back.

    The order's parcels that carried those numbers wait for new ones (`request_pending`). Returns the
    numbers voided. A handed-over parcel is not voided (intercept it instead)."""
    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    reason = _reason(reason)
    parcel = _parcel(uow, parcel_code)
    shipment = parcel.shipment
    if shipment is None:
        raise LabelControl(f"Parcel {parcel.code} has no label to void.", f"包裹 {parcel.code} 没有可作废的面单。")
    if shipment.manifest_id is not None or parcel.status in ("manifested", "shipped"):
        raise LabelControl(f"Parcel {parcel.code} is handed over: intercept it instead of voiding its label.",
                           f"包裹 {parcel.code} 已交接：请拦截，不能作废面单。")
    W = models.Waybill
    waybill = uow.session.scalar(select(W).where(W.number == shipment.tracking_no))
    carrier = shipment.carrier
    numbers = [shipment.tracking_no]
    if waybill is not None:
        client = carrier_accounts.sf_client(uow, carrier.code)
        if client is not None:
            try:
                client.cancel_order(waybill.carrier_order_id)
            except sf.SfOrderClosed as exc:
                if exc.error_code != "8037":  # cancelled already is what we want; picked up is not
                    raise LabelControl(f"SF will not cancel it: {exc.message}", f"顺丰不能取消：{exc.message_zh}") from exc
        group = list(uow.session.scalars(select(W).where(W.carrier_order_id == waybill.carrier_order_id,
                                                         W.carrier_id == carrier.id, W.status != "voided")))
        numbers = [w.number for w in group]
    else:
        group = []
    now = utcnow()
    S = models.Shipment
    for w in group:
        w.status, w.voided_at = "voided", now
    affected = list(uow.session.scalars(select(S).where(S.tracking_no.in_(numbers))))
    for s in affected:
        for p in list(s.parcels):
            p.waybill_wanted = {"carrier": carrier.code, "service": s.service,
                                "cost": str(s.cost) if s.cost is not None else None}
            p.shipment = None
            p.status = "sealed"
            p.label_printed_at = None
            p.voided_at = now
        s.status = "voided"
    uow.session.flush()
    uow.audit("label_voided", "parcel", parcel.code, reason=reason, numbers=numbers, carrier=carrier.code)
    uow.commit()
    return numbers


def is_voided_number(uow: UnitOfWork, code: str) -> bool:
    W = models.Waybill
    return uow.session.scalar(select(func.count()).select_from(W).where(W.number == code.strip().upper(),
                                                                        W.status == "voided")) > 0


def open_intercept(uow: UnitOfWork, order_id: int) -> models.ExceptionCase | None:
    E = models.ExceptionCase
    return uow.session.scalar(select(E).where(E.kind == "intercept", E.order_id == order_id, E.status == "open"))


def stop_at_cage(uow: UnitOfWork, order: models.Order, reason: str) -> bool:
    """An order cancelled while packed: its parcels are stopped at the cage (no commit; the caller's)."""
    if open_intercept(uow, order.id) is not None:
        return False
    parcels = [p.code for p in order.parcels]
    numbers = [p.shipment.tracking_no for p in order.parcels if p.shipment is not None]
    uow.session.add(models.ExceptionCase(kind="intercept", order_id=order.id,
                                         parcel_id=order.parcels[0].id if order.parcels else None,
                                         detail={"stage": "cage", "parcels": parcels, "tracking_no": numbers,
                                                 "reason": reason, "actions": ["stop_at_cage", "restock"]}))
    uow.audit("intercept_raised", "order", order.order_no, stage="cage", parcels=parcels)
    uow.announce(ExceptionOpened(subject=order.order_no, kind="intercept", order_no=order.order_no))
    return True


def intercept(uow: UnitOfWork, order_no: str, reason: str | None) -> list[str]:
    """A shipped order the customer cancelled: ask the carrier to intercept every parcel (see the notes)."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    reason = _reason(reason)
    order = _order(uow, order_no)
    status = OrderStatus(order.status)
    if status is not OrderStatus.SHIPPED:
        raise LabelControl(f"Order {order_no} is {order.status}: only a shipped order is intercepted at the carrier.",
                           f"订单 {order_no} 状态为「{status.label_zh}」：只有已发货的订单才能向承运商拦截。")
    S = models.Shipment
    shipments = list(uow.session.scalars(select(S).where(S.order_id == order.id, S.status != "voided")))
    asked = []
    for s in shipments:
        client = carrier_accounts.sf_client(uow, s.carrier.code)
        if client is None:
            continue  # a carrier without an account is called by a person (the exception says so)
        try:
            client.intercept(s.tracking_no, reason=reason)
        except sf.SfInterceptRefused as exc:
            raise LabelControl(f"SF will not intercept {s.tracking_no}: {exc.message}",
                               f"顺丰不能拦截 {s.tracking_no}：{exc.message_zh}") from exc
        asked.append(s.tracking_no)
    uow.session.add(models.ExceptionCase(
        kind="intercept", order_id=order.id, detail={
            "stage": "carrier", "tracking_no": [s.tracking_no for s in shipments], "asked": asked, "reason": reason,
            "actions": ["await_return", "refund"] if asked else ["call_carrier", "refund"]}))
    uow.audit("intercept_raised", "order", order_no, stage="carrier", asked=asked)
    uow.announce(ExceptionOpened(subject=order_no, kind="intercept", order_no=order_no))
    uow.commit()
    return asked
