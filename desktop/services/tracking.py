"""Tracking events: imported from a carrier adapter or a file, and what each one changes.

`import_events(uow, events, source)` records each event once (the unique key is shipment + time +
kind, so importing the same file twice, or polling twice, changes nothing the second time) and acts:

| event | shipment | order | exception (actions) | customer told |
| --- | --- | --- | --- | --- |
| picked_up, in_transit, out_for_delivery | status, ETA | — | — | — |
| delayed | status, new ETA | — | `delayed` (contact_carrier, wait) | delayed |
| delivered | delivered_at | DELIVERED once every parcel is delivered (a split order: once its parts are too) | — | delivered (a split order: once, every tracking number) |
| refused | status | REFUSED; an RMA (reason refused) for the returning parcel | `refused` (reship, refund) | refused |
| lost | status | LOST | `lost` (reship, refund; the insurance claim when insured) | lost |

An event for an order that has moved on (a second parcel's "delivered" after the first) is
recorded and changes no status. File import (`parse_tracking_file`) is all or nothing: every
broken line is reported with its number and nothing is imported.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.partners.carriers import EVENT_KINDS, DataCarrier, DemoCarrier, DemoShipment, TrackingUpdate
from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import FileRefused, PickdeskError
from desktop.domain.lifecycle import OrderStatus
from desktop.domain.roles import Role, require_role
from desktop.formats import checks
from desktop.partners.carriers.sf import SfTracking
from desktop.services import carrier_accounts
from desktop.services.notifications import queue_notification
from desktop.services.orders import change_status
from desktop.domain.events import ExceptionOpened, ReturnRequested, TrackingImported

FILE_COLUMNS = ("tracking_no", "at", "kind", "place", "detail", "eta")
OPEN_SHIPMENT = ("created", "shipped", "picked_up", "in_transit", "delayed", "out_for_delivery")


class TrackingFileInvalid(PickdeskError):
    code = "tracking_file_invalid"

    def __init__(self, errors: list[tuple[int, str]]) -> None:
        lines = "; ".join(f"line {n}: {msg}" for n, msg in errors[:20])
        more = f" (and {len(errors) - 20} more)" if len(errors) > 20 else ""
        super().__init__(f"The tracking file was not imported: {lines}{more}.",
                         f"跟踪文件未导入（共 {len(errors)} 处错误）：{lines}{more}。")
        self.errors = errors


@dataclass
class ImportResult:
    added: int = 0
    duplicates: int = 0
    unknown: list[str] = field(default_factory=list)
    orders_changed: list[tuple[str, str]] = field(default_factory=list)  # (order, new status)
    exceptions: list[tuple[str, str]] = field(default_factory=list)  # (kind, order)
    notifications: int = 0
    rmas: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"added": self.added, "duplicates": self.duplicates, "unknown": self.unknown,
                "orders_changed": [list(x) for x in self.orders_changed],
                "exceptions": [list(x) for x in self.exceptions], "notifications": self.notifications,
                "rmas": self.rmas}


# ─── parsing a file ─────────────────────────────────────────────────────────────


def _update(record: dict[str, object]) -> TrackingUpdate:
    """One event, every value through `desktop.formats.checks`; raises ValueError naming each problem."""
    missing = [c for c in ("tracking_no", "at", "kind") if record.get(c) is None or str(record.get(c)).strip() == ""]
    if missing:
        raise ValueError("missing " + ", ".join(missing))
    problems = checks.Problems()
    number = problems.check(checks.barcode_code, record["tracking_no"], "tracking_no", column=models.Shipment.tracking_no)
    at = problems.check(checks.moment, record["at"], "at")
    kind = problems.check(checks.code, record["kind"], "kind", column=models.TrackingEvent.kind)
    place = problems.check(checks.text, record.get("place"), "place", required=False, column=models.TrackingEvent.place)
    detail = problems.check(checks.text, record.get("detail"), "detail", required=False,
                            column=models.TrackingEvent.detail)
    eta = problems.check(checks.moment, record.get("eta"), "eta", required=False)
    if kind is not None and kind not in EVENT_KINDS:
        raise ValueError(f"unknown kind {kind!r} (one of {', '.join(EVENT_KINDS)})")
    if problems:
        raise ValueError("; ".join(str(p) for p in problems))
    return TrackingUpdate(number.upper(), at, kind, place or "", detail or "", eta)  # type: ignore[union-attr, arg-type]


def parse_tracking_file(data: bytes, name: str = "") -> list[TrackingUpdate]:
    """CSV (with a header) or JSON Lines, by content; raises TrackingFileInvalid listing every bad line."""
    try:
        text = checks.decode_text(data, name or "the file")
    except FileRefused as exc:
        raise TrackingFileInvalid([(1, exc.message)]) from None
    errors: list[tuple[int, str]] = []
    updates: list[TrackingUpdate] = []
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if name.endswith((".jsonl", ".ndjson", ".json")) or first.lstrip().startswith("{"):
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = checks.load_json(line, f"line {n}")
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
                updates.append(_update(record))
            except FileRefused as exc:
                errors.append((n, exc.message))
            except (ValueError, TypeError) as exc:
                errors.append((n, str(exc)))
    else:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        try:
            header = [h.strip() for h in (reader.fieldnames or [])]
            missing = [c for c in ("tracking_no", "at", "kind") if c not in header]
            if missing:
                raise TrackingFileInvalid([(1, "the header lacks " + ", ".join(missing))])
            for record in reader:
                n = reader.line_num
                if None in record or any(v is None for v in record.values()):
                    errors.append((n, "the row has a different number of columns than the header"))
                    continue
                try:
                    updates.append(_update({k.strip(): v for k, v in record.items() if k}))
                except (ValueError, TypeError) as exc:
                    errors.append((n, str(exc)))
        except csv.Error as exc:  # a field over the csv module's size limit, a stray quote with strict
            errors.append((reader.line_num or 1, f"malformed CSV: {exc}"))
    if not updates and not errors:
        errors.append((1, "no events in the file"))
    if errors:
        raise TrackingFileInvalid(errors)
    return updates


# ─── importing ──────────────────────────────────────────────────────────────────


def _shipments(uow: UnitOfWork, numbers: set[str]) -> dict[str, models.Shipment]:
    S = models.Shipment
    rows = uow.session.scalars(select(S).where(S.tracking_no.in_(numbers))
                               .options(selectinload(S.order), selectinload(S.carrier), selectinload(S.parcels))).all()
    return {s.tracking_no: s for s in rows}


def _open_exception(uow: UnitOfWork, kind: str, shipment: models.Shipment, detail: dict[str, object]) -> bool:
    E = models.ExceptionCase
    exists = uow.session.scalars(select(E).where(E.kind == kind, E.order_id == shipment.order_id, E.status == "open")).all()
    if any(e.detail.get("tracking_no") == shipment.tracking_no for e in exists):
        return False
    parcel = shipment.parcels[0] if shipment.parcels else None
    uow.session.add(E(kind=kind, order_id=shipment.order_id, parcel_id=parcel.id if parcel else None,
                      detail={"tracking_no": shipment.tracking_no, "carrier": shipment.carrier.code, **detail}))
    uow.announce(ExceptionOpened(subject=shipment.order.order_no, kind=kind, order_no=shipment.order.order_no))
    return True


def next_rma_no(uow: UnitOfWork, at: datetime) -> str:
    n = (uow.session.scalar(select(models.ReturnRequest.id).order_by(models.ReturnRequest.id.desc()).limit(1)) or 0) + 1
    while True:
        number = f"RMA-{at:%y%m%d}-{n:05d}"
        if uow.session.scalar(select(models.ReturnRequest.id).where(models.ReturnRequest.rma_no == number)) is None:
            return number
        n += 1


def _refusal_rma(uow: UnitOfWork, order: models.Order, at: datetime) -> str:
    existing = uow.session.scalar(select(models.ReturnRequest).where(models.ReturnRequest.order_id == order.id,
                                                                    models.ReturnRequest.reason == "refused"))
    if existing is not None:
        return existing.rma_no
    rma = models.ReturnRequest(rma_no=next_rma_no(uow, at), order_id=order.id, reason="refused", status="approved",
                               evidence=[{"kind": "carrier", "note": "refused at delivery 拒收"}], created_at=at)
    for line in order.lines:
        qty = line.packed_qty or line.picked_qty or line.qty
        if qty:
            rma.lines.append(models.ReturnLine(order_line_id=line.id, qty=qty))
    uow.session.add(rma)
    uow.session.flush()
    uow.audit("return_requested", "order", order.order_no, rma=rma.rma_no, reason="refused", status="approved")
    uow.announce(ReturnRequested(rma_no=rma.rma_no, order=order.order_no))
    return rma.rma_no


def _family_delivered(uow: UnitOfWork, head: models.Order, just: models.Shipment) -> bool:
    """Whether a split order's own parcels are all delivered (`just` among them or not) and every
    part of it is delivered (a refused or lost part never is)."""
    own = uow.session.scalars(select(models.Shipment.status).where(
        models.Shipment.order_id == head.id, models.Shipment.id != just.id)).all()
    done = (OrderStatus.DELIVERED.value, OrderStatus.COMPLETED.value)
    return all(s == "delivered" for s in own) and all(p.status in done for p in head.split_parts)


def _apply(uow: UnitOfWork, shipment: models.Shipment, e: TrackingUpdate, result: ImportResult) -> None:
    order = shipment.order
    status = OrderStatus(order.status)
    if e.eta is not None:
        shipment.eta = e.eta
    if shipment.status in OPEN_SHIPMENT or e.kind in ("delivered", "refused", "lost"):
        shipment.status = e.kind
    common = {"tracking_no": shipment.tracking_no, "carrier": f"{shipment.carrier.name_zh} {shipment.carrier.name}"}

    def tell(kind: str, **extra: object) -> None:
        queue_notification(uow, order, kind, **common, **extra)
        result.notifications += 1

    def move(target: OrderStatus, who: models.Order = order) -> None:
        change_status(uow, who, target, reason=f"{e.kind} {shipment.tracking_no} {e.place}".strip()[:300], at=e.at)
        result.orders_changed.append((who.order_no, target.value))

    if e.kind == "delayed":
        if _open_exception(uow, "delayed", shipment, {"eta": e.eta.isoformat() if e.eta else None,
                                                      "place": e.place, "note": e.detail,
                                                      "actions": ["contact_carrier", "wait"]}):
            result.exceptions.append(("delayed", order.order_no))
            tell("delayed", eta=e.eta.strftime("%Y-%m-%d") if e.eta else "", detail=e.detail or e.place)
    elif e.kind == "delivered":
        shipment.delivered_at = e.at
        others = uow.session.scalars(select(models.Shipment.status).where(
            models.Shipment.order_id == order.id, models.Shipment.id != shipment.id)).all()
        if status is OrderStatus.SHIPPED and all(s == "delivered" for s in others):
            head = order.split_of or order
            if head is order and not order.split_parts:
                move(OrderStatus.DELIVERED)
                tell("delivered")
            else:  # 拆单: a part is delivered quietly; the order once all its shipments are
                if head is not order:
                    move(OrderStatus.DELIVERED)
                if head.status == OrderStatus.SHIPPED.value and _family_delivered(uow, head, shipment):
                    move(OrderStatus.DELIVERED, head)
                    numbers = uow.session.scalars(select(models.Shipment.tracking_no).where(
                        models.Shipment.order_id.in_([head.id, *(p.id for p in head.split_parts)]))
                        .order_by(models.Shipment.id)).all()
                    queue_notification(uow, head, "delivered", **{**common, "tracking_no": ", ".join(numbers)})
                    result.notifications += 1
    elif e.kind == "refused":
        if status is OrderStatus.SHIPPED:
            move(OrderStatus.REFUSED)
            rma = _refusal_rma(uow, order, e.at)
            result.rmas.append(rma)
            if _open_exception(uow, "refused", shipment, {"place": e.place, "note": e.detail, "rma": rma,
                                                          "actions": ["reship", "refund"]}):
                result.exceptions.append(("refused", order.order_no))
            tell("refused")
    elif e.kind == "lost":
        if status is OrderStatus.SHIPPED:
            move(OrderStatus.LOST)
        detail: dict[str, object] = {"place": e.place, "note": e.detail, "actions": ["reship", "refund"]}
        if shipment.insured_value is not None:
            detail["claim"] = {"insured_value": str(shipment.insured_value), "carrier": shipment.carrier.code,
                               "status": "filed", "filed_at": e.at.isoformat()}
        if _open_exception(uow, "lost", shipment, detail):
            result.exceptions.append(("lost", order.order_no))
            if shipment.insured_value is not None:
                uow.audit("insurance_claim_filed", "shipment", shipment.tracking_no,
                          insured_value=str(shipment.insured_value), carrier=shipment.carrier.code)
            tell("lost")


def import_events(uow: UnitOfWork, events: Iterable[TrackingUpdate], source: str = "carrier") -> ImportResult:
    """Record tracking events once each and act on them (see the module table); one commit."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    events = sorted(events, key=lambda e: (e.at, e.tracking_no))
    result = ImportResult()
    shipments = _shipments(uow, {e.tracking_no for e in events})
    seen: set[tuple[int, datetime, str]] = set()
    for e in events:
        shipment = shipments.get(e.tracking_no)
        if shipment is None:
            if e.tracking_no not in result.unknown:
                result.unknown.append(e.tracking_no)
            continue
        key = (shipment.id, e.at, e.kind)
        T = models.TrackingEvent
        if key in seen or uow.session.scalar(select(T.id).where(T.shipment_id == shipment.id, T.kind == e.kind,
                                                                T.at == e.at)) is not None:
            result.duplicates += 1
            continue
        seen.add(key)
        uow.session.add(T(shipment_id=shipment.id, at=e.at, kind=e.kind, place=e.place, detail=e.detail, eta=e.eta,
                          source=source[:12]))
        result.added += 1
        _apply(uow, shipment, e, result)
        uow.session.flush()
    uow.audit("tracking_imported", "tracking", source, added=result.added, duplicates=result.duplicates,
              unknown=len(result.unknown))
    if result.added:
        uow.announce(TrackingImported(source=source, added=result.added))
    uow.commit()
    return result


def import_file(uow: UnitOfWork, data: bytes, name: str = "") -> ImportResult:
    """A whole file or nothing: broken lines and unknown tracking numbers refuse it, by line."""
    require_role(uow.actor.role, Role.SUPERVISOR)  # who may comes before what the file says
    updates = parse_tracking_file(data, name)
    known = set(_shipments(uow, {u.tracking_no for u in updates}))
    unknown = [(n, f"unknown tracking number {u.tracking_no}") for n, u in enumerate(updates, start=2)
               if u.tracking_no not in known]
    if unknown:
        raise TrackingFileInvalid(unknown)
    return import_events(uow, updates, "file")


# ─── polling the carriers ───────────────────────────────────────────────────────


def in_transit(uow: UnitOfWork) -> list[models.Shipment]:
    S = models.Shipment
    return list(uow.session.scalars(select(S).join(models.Order, S.order_id == models.Order.id)
                                    .where(models.Order.status == OrderStatus.SHIPPED.value,
                                           S.shipped_at.is_not(None), S.status.in_(OPEN_SHIPMENT))
                                    .options(selectinload(S.carrier), selectinload(S.order))))


def demo_adapters(uow: UnitOfWork, clock=utcnow) -> dict[str, DemoCarrier]:  # noqa: ANN001
    """A demo carrier for every carrier with shipments in transit (the whole flow, offline)."""
    out: dict[str, DemoCarrier] = {}
    by_carrier: dict[str, list[DemoShipment]] = {}
    rows: dict[str, models.Carrier] = {}
    for s in in_transit(uow):
        days = int(s.carrier.definition.get("services", {}).get(s.service, {}).get("days", 3))
        by_carrier.setdefault(s.carrier.code, []).append(DemoShipment(s.tracking_no, s.shipped_at, days,
                                                                      s.order.ship_city))
        rows[s.carrier.code] = s.carrier
    for code, shipments in by_carrier.items():
        c = rows[code]
        out[code] = DemoCarrier(DataCarrier(c.code, c.name, c.name_zh, c.definition), shipments, clock)
    return out


def poll(uow: UnitOfWork, adapters: dict[str, object] | None = None, *, clock=utcnow,  # noqa: ANN001
         lookback: timedelta = timedelta(days=30)) -> ImportResult:
    """Ask each carrier for events of the shipments in transit and import them (source "demo"/"carrier")."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    demo = adapters is None
    by_carrier: dict[str, list[str]] = {}
    for s in in_transit(uow):
        by_carrier.setdefault(s.carrier.code, []).append(s.tracking_no)
    if adapters is None:
        adapters = dict(demo_adapters(uow, clock))
        for code in by_carrier:  # a carrier with an account is asked over its own protocol
            client = carrier_accounts.sf_client(uow, code)
            if client is not None:
                adapters[code] = SfTracking(client)
                demo = False
    events: list[TrackingUpdate] = []
    since = clock() - lookback
    for code, numbers in by_carrier.items():
        adapter = adapters.get(code)
        if adapter is not None:
            events.extend(adapter.fetch_events(numbers, since))
    return import_events(uow, events, "demo" if demo else "carrier")
