"""Hand-over to the carriers: parcels scanned onto a cage, the end-of-day manifest, the parcels left behind.

* `handover_scan(uow, code, carrier_code)` — a labelled parcel (scanned by its parcel code, SSCC or
  tracking number) goes onto today's open manifest of the cage's carrier. Refused, typed and in
  both languages: an unknown code, a parcel that is not labelled yet, one already on a manifest, one
  that belongs to another carrier's cage, or one whose order is no longer packed (held, cancelled).
* `close_manifest(uow, carrier_code, day)` — the carrier's driver signs: the manifest closes, its
  parcels and shipments are shipped, every order whose parcels are all on a manifest becomes SHIPPED
  (through `orders.change_status`) and its customer is told (a "shipped" notification). Labelled
  parcels of that carrier still not on a manifest become `not_manifested` exceptions.
* `unmanifested_parcels(uow, day)` — labelled parcels (packed by the end of `day`) on no manifest.
* `manifest_sheet(uow, manifest_id)` → `printing.manifest.ManifestSheet` for the PDF and the CSV.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.lifecycle import OrderStatus, PaymentMethod
from desktop.domain.roles import Role, require_role
from desktop.services import waybills
from desktop.services.notifications import queue_notification
from desktop.services.orders import change_status
from desktop.services.shaping import family_shipped
from desktop.domain.events import ExceptionOpened, ManifestClosed, ParcelManifested
from printing.manifest import ManifestRow, ManifestSheet


class HandoverRefused(PickdeskError):
    """A parcel that may not go onto this cage; `reason` says why (unknown, not_labelled, …)."""

    code = "handover_refused"

    def __init__(self, reason: str, message: str, message_zh: str) -> None:
        super().__init__(message, message_zh)
        self.reason = reason


@dataclass(frozen=True)
class HandoverResult:
    parcel: str
    order_no: str
    tracking_no: str
    carrier: str
    manifest_id: int
    manifest_no: str
    on_manifest: int  # parcels on this manifest now


@dataclass(frozen=True)
class UnmanifestedParcel:
    parcel: str
    order_no: str
    carrier: str | None
    tracking_no: str | None
    labelled_at: datetime | None


@dataclass(frozen=True)
class ManifestSummary:
    manifest_id: int
    manifest_no: str
    carrier: str
    day: date
    parcels: int
    orders_shipped: tuple[str, ...]
    not_manifested: tuple[UnmanifestedParcel, ...]


@dataclass(frozen=True)
class ManifestState:
    """What a hand-over screen shows for one carrier and day."""

    carrier: str
    day: date
    manifest_id: int | None
    manifest_no: str | None
    status: str | None
    parcels: tuple[ManifestRow, ...]
    unmanifested: tuple[UnmanifestedParcel, ...]


def manifest_no(manifest: models.Manifest, carrier_code: str) -> str:
    return f"MF-{carrier_code}-{manifest.day:%Y%m%d}-{manifest.id:04d}"


def _day_end(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=UTC)


def _carrier(uow: UnitOfWork, code: str) -> models.Carrier:
    carrier = uow.session.scalar(select(models.Carrier).where(models.Carrier.code == code.strip().upper()))
    if carrier is None:
        raise NotFound(f"There is no carrier {code!r}.", f"没有承运商 {code!r}。")
    return carrier


def _find_parcel(uow: UnitOfWork, code: str) -> models.Parcel | None:
    code = code.strip()
    P, S = models.Parcel, models.Shipment
    opts = (selectinload(P.order), selectinload(P.shipment).selectinload(S.carrier))
    parcel = uow.session.scalar(select(P).where((P.code == code.upper()) | (P.sscc == code)).options(*opts))
    if parcel is None:
        parcel = uow.session.scalar(select(P).join(S, P.shipment_id == S.id)
                                    .where(S.tracking_no == code.upper()).options(*opts))
    return parcel


def _open_manifest(uow: UnitOfWork, carrier: models.Carrier, warehouse_id: int, day: date) -> models.Manifest:
    M = models.Manifest
    manifest = uow.session.scalar(select(M).where(M.carrier_id == carrier.id, M.warehouse_id == warehouse_id,
                                                  M.day == day, M.status == "open").order_by(M.id))
    if manifest is None:
        manifest = M(carrier_id=carrier.id, warehouse_id=warehouse_id, day=day, status="open")
        uow.session.add(manifest)
        uow.session.flush()
        uow.audit("manifest_opened", "manifest", manifest_no(manifest, carrier.code))
    return manifest


def _count_on(uow: UnitOfWork, manifest_id: int) -> int:
    return len(uow.session.scalars(select(models.Shipment.id).where(models.Shipment.manifest_id == manifest_id)).all())


def handover_scan(uow: UnitOfWork, code: str, carrier_code: str, *, day: date | None = None) -> HandoverResult:
    """Put the scanned parcel onto the open manifest of `carrier_code` for `day` (default today, UTC)."""
    require_role(uow.actor.role, Role.PACKER)
    day = day or utcnow().date()
    carrier = _carrier(uow, carrier_code)
    parcel = _find_parcel(uow, code)
    if parcel is None and waybills.is_voided_number(uow, code):
        raise HandoverRefused("voided", f"{code!r} is a voided waybill: the parcel needs its new label.",
                              f"{code!r} 是已作废的运单号：请给包裹贴新面单。")
    if parcel is None:
        raise HandoverRefused("unknown", f"{code!r} is not a parcel, SSCC or tracking number we know.",
                              f"{code!r} 不是已知的包裹号、SSCC 或运单号。")
    shipment = parcel.shipment
    if parcel.status in ("manifested", "shipped") or (shipment is not None and shipment.manifest_id is not None):
        raise HandoverRefused("already_manifested", f"Parcel {parcel.code} is already on a manifest.",
                              f"包裹 {parcel.code} 已在交接清单上。")
    if parcel.status != "labelled" or shipment is None:
        raise HandoverRefused("not_labelled", f"Parcel {parcel.code} has no printed label with a tracking number yet: print it at packing first.",
                              f"包裹 {parcel.code} 还没有打印带运单号的面单：请先在打包台打印。")
    if shipment.carrier.code != carrier.code:
        raise HandoverRefused("wrong_carrier",
                              f"Parcel {parcel.code} goes with {shipment.carrier.code}, not into the {carrier.code} cage.",
                              f"包裹 {parcel.code} 应交给{shipment.carrier.name_zh or shipment.carrier.code}，"
                              f"不能放入{carrier.name_zh or carrier.code}的笼车。")
    order = parcel.order
    if waybills.open_intercept(uow, order.id) is not None:
        raise HandoverRefused("intercepted",
                              f"Order {order.order_no} is intercepted (cancelled after packing): keep parcel {parcel.code} "
                              f"back at the cage for the supervisor.",
                              f"订单 {order.order_no} 已拦截（打包后取消）：请把包裹 {parcel.code} 留在笼车旁交主管处理。")
    if OrderStatus(order.status) is not OrderStatus.PACKED:
        raise HandoverRefused("order_not_packed",
                              f"Order {order.order_no} is {order.status}, not packed: keep the parcel back.",
                              f"订单 {order.order_no} 状态为「{OrderStatus(order.status).label_zh}」，不是已打包：请扣下包裹。")
    manifest = _open_manifest(uow, carrier, order.warehouse_id or _default_warehouse(uow), day)
    shipment.manifest_id = manifest.id
    parcel.status = "manifested"
    uow.session.flush()
    number = manifest_no(manifest, carrier.code)
    count = _count_on(uow, manifest.id)
    uow.audit("parcel_handed_over", "parcel", parcel.code, manifest=number, carrier=carrier.code,
              tracking_no=shipment.tracking_no, order=order.order_no)
    uow.announce(ParcelManifested(parcel_code=parcel.code, manifest=number, carrier=carrier.code))
    uow.commit()
    return HandoverResult(parcel.code, order.order_no, shipment.tracking_no, carrier.code, manifest.id, number, count)


def _default_warehouse(uow: UnitOfWork) -> int:
    return uow.session.scalar(select(models.Warehouse.id).order_by(models.Warehouse.id))


def unmanifested_parcels(uow: UnitOfWork, day: date | None = None, carrier_code: str | None = None) -> list[UnmanifestedParcel]:
    """Labelled parcels, packed by the end of `day`, that are on no manifest (they would miss the truck)."""
    day = day or utcnow().date()
    P, S, C, O = models.Parcel, models.Shipment, models.Carrier, models.Order
    q = (select(P.code, O.order_no, C.code, S.tracking_no, P.label_printed_at)
         .join(O, P.order_id == O.id).outerjoin(S, P.shipment_id == S.id).outerjoin(C, S.carrier_id == C.id)
         .where(P.status == "labelled", S.manifest_id.is_(None),
                O.status == OrderStatus.PACKED.value,
                (P.label_printed_at.is_(None)) | (P.label_printed_at < _day_end(day)))
         .order_by(C.code, P.code))
    if carrier_code:
        q = q.where(C.code == carrier_code.upper())
    return [UnmanifestedParcel(*row) for row in uow.session.execute(q)]


def close_manifest(uow: UnitOfWork, carrier_code: str, day: date | None = None) -> ManifestSummary:
    """Close the carrier's open manifest for `day`; ship what is on it (see the module notes)."""
    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    day = day or utcnow().date()
    carrier = _carrier(uow, carrier_code)
    M = models.Manifest
    manifests = uow.session.scalars(select(M).where(M.carrier_id == carrier.id, M.day == day, M.status == "open")
                                    .order_by(M.id)).all()
    if not manifests:
        raise NotFound(f"{carrier.code} has no open manifest for {day.isoformat()}: scan parcels onto its cage first.",
                       f"{carrier.name_zh or carrier.code} {day.isoformat()} 没有未关闭的交接清单：请先扫描包裹。")
    now = utcnow()
    shipped_orders: list[str] = []
    total = 0
    for manifest in manifests:
        manifest.status, manifest.closed_at = "closed", now
        shipments = uow.session.scalars(select(models.Shipment).where(models.Shipment.manifest_id == manifest.id)
                                        .options(selectinload(models.Shipment.parcels),
                                                 selectinload(models.Shipment.order))).all()
        total += len(shipments)
        orders: dict[int, models.Order] = {}
        for shipment in shipments:
            shipment.status, shipment.shipped_at = "shipped", now
            for parcel in shipment.parcels:
                parcel.status = "shipped"
            orders[shipment.order_id] = shipment.order
        uow.session.flush()
        for order in orders.values():
            parcels = uow.session.scalars(select(models.Parcel).where(models.Parcel.order_id == order.id)).all()
            if order.status == OrderStatus.PACKED.value and parcels and all(p.status == "shipped" for p in parcels):
                if order.split_of_id is None and order.split_parts and not family_shipped(order):
                    continue  # 拆单: the order is shipped when its other shipments are too
                change_status(uow, order, OrderStatus.SHIPPED, reason=f"manifest {manifest_no(manifest, carrier.code)}",
                              at=now)
                if order.split_of_id is not None:  # a split-off shipment: the order it belongs to may now be
                    head = order.split_of
                    if head is None or head.status != OrderStatus.PACKED.value or not family_shipped(head):
                        continue
                    change_status(uow, head, OrderStatus.SHIPPED, reason=f"all shipments left: {order.order_no} in "
                                                                         f"manifest {manifest_no(manifest, carrier.code)}",
                                  at=now)
                    order = head  # noqa: PLW2901 - the customer hears of the order, not of its parts
                tracking = ", ".join(s.tracking_no for s in uow.session.scalars(
                    select(models.Shipment).where(models.Shipment.order_id.in_(
                        [order.id, *(p.id for p in order.split_parts)]))))
                queue_notification(uow, order, "shipped", tracking_no=tracking,
                                   carrier=f"{carrier.name_zh} {carrier.name}".strip())
                shipped_orders.append(order.order_no)
        uow.audit("manifest_closed", "manifest", manifest_no(manifest, carrier.code), parcels=len(shipments),
                  orders_shipped=len(orders))
        uow.announce(ManifestClosed(manifest_no=manifest_no(manifest, carrier.code), carrier=carrier.code))
    left = unmanifested_parcels(uow, day, carrier.code)
    flagged = []
    for item in left:
        parcel = uow.session.scalar(select(models.Parcel).where(models.Parcel.code == item.parcel))
        already = uow.session.scalar(select(models.ExceptionCase.id).where(
            models.ExceptionCase.kind == "not_manifested", models.ExceptionCase.parcel_id == parcel.id,
            models.ExceptionCase.status == "open"))
        if already is None:
            uow.session.add(models.ExceptionCase(
                kind="not_manifested", order_id=parcel.order_id, parcel_id=parcel.id,
                detail={"carrier": carrier.code, "day": day.isoformat(), "tracking_no": item.tracking_no,
                        "actions": ["find_parcel", "next_pickup"]}))
            uow.announce(ExceptionOpened(subject=parcel.code, kind="not_manifested"))
        flagged.append(item)
    first = manifests[0]
    uow.commit()
    return ManifestSummary(first.id, manifest_no(first, carrier.code), carrier.code, day, total,
                           tuple(shipped_orders), tuple(flagged))


def _rows(uow: UnitOfWork, manifest_id: int) -> list[ManifestRow]:
    S = models.Shipment
    shipments = uow.session.scalars(select(S).where(S.manifest_id == manifest_id).order_by(S.id)
                                    .options(selectinload(S.parcels), selectinload(S.order))).all()
    rows = []
    for s in shipments:
        for p in s.parcels:
            o = s.order
            rows.append(ManifestRow(p.code, o.order_no, s.tracking_no, s.service, f"{p.seq}/{p.of}",
                                    p.actual_weight_g, o.ship_province or o.ship_country, o.ship_city,
                                    s.insured_value, o.cod_amount if o.payment_method == PaymentMethod.COD and p.seq == 1 else None))
    return rows


def manifest_sheet(uow: UnitOfWork, manifest_id: int) -> ManifestSheet:
    manifest = uow.session.get(models.Manifest, manifest_id)
    if manifest is None:
        raise NotFound(f"There is no manifest {manifest_id}.", f"没有交接清单 {manifest_id}。")
    carrier = uow.session.get(models.Carrier, manifest.carrier_id)
    warehouse = uow.session.get(models.Warehouse, manifest.warehouse_id)
    return ManifestSheet(manifest_no(manifest, carrier.code), carrier.code, f"{carrier.name_zh} {carrier.name}".strip(),
                         warehouse.code, manifest.day, manifest.closed_at, tuple(_rows(uow, manifest.id)))


def manifests_for(uow: UnitOfWork, carrier_code: str, day: date) -> list[int]:
    carrier = _carrier(uow, carrier_code)
    M = models.Manifest
    return list(uow.session.scalars(select(M.id).where(M.carrier_id == carrier.id, M.day == day).order_by(M.id)))


def manifest_state(uow: UnitOfWork, carrier_code: str, day: date | None = None) -> ManifestState:
    """The latest manifest of the carrier for the day (open first) and the parcels left behind."""
    day = day or utcnow().date()
    carrier = _carrier(uow, carrier_code)
    M = models.Manifest
    manifest = uow.session.scalar(select(M).where(M.carrier_id == carrier.id, M.day == day)
                                  .order_by((M.status == "open").desc(), M.id.desc()))
    rows = tuple(_rows(uow, manifest.id)) if manifest else ()
    return ManifestState(carrier.code, day, manifest.id if manifest else None,
                         manifest_no(manifest, carrier.code) if manifest else None,
                         manifest.status if manifest else None, rows, tuple(unmanifested_parcels(uow, day)))


def carrier_codes(uow: UnitOfWork) -> list[tuple[str, str, str]]:
    return [(c.code, c.name, c.name_zh) for c in uow.session.scalars(
        select(models.Carrier).where(models.Carrier.active.is_(True)).order_by(models.Carrier.code))]
