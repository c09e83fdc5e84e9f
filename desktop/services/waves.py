"""Waves: ready orders released together, planned once into routed carts, handed out one by one.

A supervisor (or a schedule: `pickdesk wave release` from cron) releases a wave. The ready orders it
takes — by rule: priority classes, promised ship-by, expected carrier and its pick-up, zone — are
scored (the order's priority plus how close its carrier's last pick-up of the day is), planned into
carts by `desktop.routing.batching`, each cart routed, and stored: one `pick_batches` row in status
`open` per cart, with its stops numbered in walking order and a global `plan_seq`. `next_batch`
then hands out the first open cart by one conditional update (`claim_planned_cart`); nothing is
planned on the call, except for urgent orders that became ready after the wave was released
(`plan_urgent_arrivals`): they get a cart of their own at the head of the line, at once.

Kinds (`WaveKind`): `multi` (carts of several orders, a tote each), `single_sku` (one-unit orders of
a bestseller, picked in bulk, packed by scan-to-print), `put_wall` (a multi-order cart picked in bulk
and sorted at the put wall: `desktop.services.put_wall`).
"""

from __future__ import annotations

import enum
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import selectinload

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.events import WaveReleased
from desktop.domain.lifecycle import BatchStatus, OrderStatus, PriorityClass
from desktop.domain.packing import CarrierDefinition, Destination, NoCarrier, choose_carrier
from desktop.domain.roles import Role, require_role
from desktop.routing.batching import Batch, CartCapacity, OrderLine, ReadyOrder, plan_batches, urgency_tier
from desktop.routing.layout import Layout, Position
from desktop.routing.planner import RoutePlanner
from desktop.routing.priority import cutoff_points, next_pickup, priority_score
from desktop.services.routes import layout_of

# Carts: a multi-order cart holds eight totes (one per order); a bulk cart (single-SKU, put wall)
# holds one big bin and as many orders as the wall has slots.
MULTI_CART = CartCapacity(totes=8, volume_litres=160.0)
PUT_WALL_SLOTS = 24
BULK_LITRES = 400.0
SINGLE_SKU_UNITS = 60
# How long picking and packing take before the carrier's pick-up: an order that cannot start by
# pick-up minus this has missed today's pick-up.
DEFAULT_LEAD = timedelta(minutes=60)
# Orders planned at a time: the seed-and-savings planner prices every waiting order for each free
# place in a cart, so a wave of 10 000 is planned window by window, most urgent first.
PLANNING_WINDOW = 240
DUE_SOON = timedelta(hours=2)  # the batch planner's rush tier
URGENT_PER_CALL = 24


class WaveKind(enum.StrEnum):
    MULTI = "multi"
    SINGLE_SKU = "single_sku"
    PUT_WALL = "put_wall"


class WaveStatus(enum.StrEnum):
    RELEASED = "released"
    DONE = "done"
    CANCELLED = "cancelled"


class WaveRefused(PickdeskError):
    """A wave that cannot be released as asked (no ready order matches, an unknown warehouse …)."""

    code = "wave_refused"


class WaveInputRefused(PickdeskError):
    """A value of a wave rule or a carrier pick-up time that is not what it must be."""

    code = "wave_input_refused"


class WaveConflict(PickdeskError):
    """Orders the wave planned were taken by another release, or changed, while it planned."""

    code = "wave_conflict"

    def __init__(self) -> None:
        super().__init__("Some of these orders changed or joined another wave while this one was planned; "
                         "nothing was released. Release it again.",
                         "规划期间部分订单已变更或进入其他波次；本波次未放出。请重新放波次。")


@dataclass(frozen=True)
class WaveRule:
    """Which ready orders a wave takes. Empty filters take everything."""

    kind: WaveKind = WaveKind.MULTI
    max_orders: int | None = None
    priority_classes: tuple[str, ...] = ()
    ship_by_before: datetime | None = None  # promised ship-by at or before this moment
    carriers: tuple[str, ...] = ()  # expected carrier codes (the one packing would choose)
    pickup_before: datetime | None = None  # the next carrier pick-up the order can make, at or before
    zones: tuple[str, ...] = ()  # every stop in these location zones
    bestsellers: int = 5  # single_sku: the SKUs with the most one-unit ready orders
    lead_minutes: int = int(DEFAULT_LEAD.total_seconds() // 60)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", WaveKind(self.kind))
        if self.max_orders is not None and self.max_orders < 1:
            raise WaveInputRefused("A wave takes at least one order (max_orders >= 1).",
                               "一个波次至少包含一个订单（max_orders >= 1）。")
        if self.bestsellers < 1 or self.lead_minutes < 0:
            raise WaveInputRefused("bestsellers must be at least 1 and the lead time not negative.",
                               "畅销品数量至少为 1，提前时间不能为负。")
        for klass in self.priority_classes:
            if klass not in {p.value for p in PriorityClass}:
                raise WaveInputRefused(f"Unknown priority class {klass!r} (urgent, expedited, normal).",
                                   f"未知的优先级 {klass!r}（urgent、expedited、normal）。")

    @property
    def lead(self) -> timedelta:
        return timedelta(minutes=self.lead_minutes)

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["kind"] = self.kind.value
        for key in ("ship_by_before", "pickup_before"):
            out[key] = out[key].isoformat() if out[key] else None
        out["priority_classes"], out["carriers"], out["zones"] = (list(self.priority_classes), list(self.carriers),
                                                                  list(self.zones))
        return out


@dataclass(frozen=True)
class Wave:
    """A released wave as the console and the command line show it."""

    code: str
    warehouse: str
    kind: str
    status: str
    released_at: datetime
    released_by: str | None
    orders: int
    carts: int
    carts_open: int
    distance_m: float
    rule: dict[str, Any] = field(default_factory=dict)

    @property
    def walk_per_line(self) -> float | None:
        return None  # filled by the benchmark from the carts' lines; not stored


# ─── carrier pick-ups ───────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Cutoff:
    warehouse: str
    carrier: str
    service: str
    pickup_local: str
    timezone: str


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise WaveInputRefused(f"Unknown time zone {name!r}.", f"未知时区 {name!r}。") from None


def _pickup_time(text: str) -> time:
    try:
        hh, mm = text.split(":")
        return time(int(hh), int(mm))
    except ValueError:
        raise WaveInputRefused(f"Pick-up time must be HH:MM (24 h), not {text!r}.",
                           f"揽收时间必须为 HH:MM（24 小时制），而不是 {text!r}。") from None


def set_cutoff(uow: UnitOfWork, *, warehouse: str, carrier: str, service: str, pickup_local: str,
               timezone: str = "Asia/Shanghai") -> Cutoff:
    """Record (or change) when `carrier`'s `service` collects from `warehouse` each day."""
    require_role(uow.actor.role, Role.ADMIN)
    when = _pickup_time(pickup_local)
    _zone(timezone)
    wh = _warehouse(uow, warehouse)
    c = uow.session.scalar(select(models.Carrier).where(models.Carrier.code == carrier))
    if c is None:
        raise NotFound(f"No carrier {carrier}.", f"没有承运商 {carrier}。")
    if service not in (c.definition or {}).get("services", {}):
        raise WaveInputRefused(f"{carrier} has no service {service!r}.", f"{carrier} 没有服务 {service!r}。")
    row = uow.session.scalar(select(models.CarrierCutoff).where(
        models.CarrierCutoff.warehouse_id == wh.id, models.CarrierCutoff.carrier_id == c.id,
        models.CarrierCutoff.service == service))
    if row is None:
        row = models.CarrierCutoff(warehouse_id=wh.id, carrier_id=c.id, service=service)
        uow.session.add(row)
    row.pickup_local, row.timezone = f"{when:%H:%M}", timezone
    uow.audit("cutoff_set", "carrier_cutoff", f"{wh.code}/{carrier}/{service}", pickup=row.pickup_local,
              timezone=timezone)
    uow.commit()
    return Cutoff(wh.code, carrier, service, row.pickup_local, timezone)


def cutoffs(uow: UnitOfWork, warehouse: str | None = None) -> list[Cutoff]:
    q = (select(models.CarrierCutoff).options(selectinload(models.CarrierCutoff.carrier),
                                              selectinload(models.CarrierCutoff.warehouse)))
    rows = uow.session.scalars(q).all()
    out = [Cutoff(r.warehouse.code, r.carrier.code, r.service, r.pickup_local, r.timezone) for r in rows
           if warehouse is None or r.warehouse.code == warehouse]
    return sorted(out, key=lambda c: (c.warehouse, c.pickup_local, c.carrier, c.service))


class _Pickups:
    """Each order's expected carrier service (what packing would choose) and its next reachable pick-up."""

    def __init__(self, uow: UnitOfWork, warehouse_id: int, now: datetime, lead: timedelta) -> None:
        rows = uow.session.scalars(select(models.Carrier).where(models.Carrier.active.is_(True))
                                   .order_by(models.Carrier.code)).all()
        self.carriers = tuple(CarrierDefinition(c.code, c.name, c.name_zh, dict(c.definition)) for c in rows)
        self.times: dict[tuple[str, str], tuple[time, ZoneInfo]] = {}
        for r in uow.session.scalars(select(models.CarrierCutoff).where(models.CarrierCutoff.warehouse_id == warehouse_id)
                                     .options(selectinload(models.CarrierCutoff.carrier))):
            self.times[(r.carrier.code, r.service)] = (_pickup_time(r.pickup_local), _zone(r.timezone))
        self.now, self.lead = now, lead
        self._memo: dict[tuple[Any, ...], tuple[str | None, str | None]] = {}

    def service_of(self, order: models.Order) -> tuple[str | None, str | None]:
        weight = sum(ln.sku.weight_g * ln.qty for ln in order.lines)
        key = (order.ship_country, order.ship_province, weight // 100, order.priority_class,
               order.payment_method == "cod")
        if key not in self._memo:
            try:
                choice = choose_carrier(self.carriers, Destination(order.ship_country, order.ship_province),
                                        max(weight, 1), order.priority_class, key[4])
                self._memo[key] = (choice.carrier, choice.service)
            except NoCarrier:
                self._memo[key] = (None, None)
        return self._memo[key]

    def pickup_of(self, carrier: str | None, service: str | None) -> tuple[datetime, bool] | None:
        known = self.times.get((carrier or "", service or ""))
        if known is None:
            return None
        return next_pickup(known[0], known[1], self.now, self.lead)


# ─── releasing ──────────────────────────────────────────────────────────────────


def _warehouse(uow: UnitOfWork, code: str) -> models.Warehouse:
    wh = uow.session.scalar(select(models.Warehouse).where(models.Warehouse.code == code))
    if wh is None:
        raise NotFound(f"No warehouse {code}.", f"没有仓库 {code}。")
    return wh


@dataclass
class _Candidate:
    order: models.Order
    ready: ReadyOrder
    sku_id: int | None  # the one SKU of a one-unit order


def _ready_orders(uow: UnitOfWork, warehouse_id: int, *, only: Sequence[int] | None = None) -> list[models.Order]:
    O = models.Order
    q = (select(O).where(O.status == OrderStatus.READY.value, O.warehouse_id == warehouse_id, O.wave_id.is_(None))
         .order_by(O.priority_score.desc(), O.id)
         .options(selectinload(O.lines).selectinload(models.OrderLine.reservations)
                  .selectinload(models.Reservation.stock).selectinload(models.Stock.location),
                  selectinload(O.lines).selectinload(models.OrderLine.sku)))
    if only is not None:
        q = q.where(O.id.in_(only))
    return list(uow.session.scalars(q).all())


def _candidates(orders: Iterable[models.Order], rule: WaveRule, pickups: _Pickups, now: datetime,
                bulk: bool) -> list[_Candidate]:
    out = []
    for order in orders:
        reservations = [res for line in order.lines for res in line.reservations]
        if not reservations or sum(r.qty for r in reservations) < sum(ln.qty for ln in order.lines):
            continue  # not fully reserved: intake's business, not the wave's
        if rule.priority_classes and order.priority_class not in rule.priority_classes:
            continue
        if rule.ship_by_before is not None and (order.promised_ship_by is None
                                                or order.promised_ship_by > rule.ship_by_before):
            continue
        if rule.zones and any(r.stock.location.zone not in rule.zones for r in reservations):
            continue
        carrier, service = pickups.service_of(order)
        if rule.carriers and carrier not in rule.carriers:
            continue
        pickup = pickups.pickup_of(carrier, service)
        if rule.pickup_before is not None and (pickup is None or pickup[0] > rule.pickup_before):
            continue
        extra = cutoff_points(pickup[0] if pickup else None, now, pickups.lead)
        latest_start = pickup[0] - pickups.lead if pickup and pickup[1] else None
        lines = tuple(OrderLine(str(res.id), Position(res.stock.location.aisle, res.stock.location.block,
                                                      res.stock.location.slot)) for res in reservations)
        litres = sum(ln.sku.length_mm * ln.sku.width_mm * ln.sku.height_mm * ln.qty for ln in order.lines) / 1e6
        single = order.lines[0].sku_id if len(order.lines) == 1 and order.lines[0].qty == 1 else None
        ready = ReadyOrder(str(order.id), lines, totes=1, volume_litres=0.0 if bulk else litres,
                           priority_class=order.priority_class, promised_ship_by=order.promised_ship_by,
                           gift=order.gift, created_at=order.created_at, extra_points=extra, start_by=latest_start)
        out.append(_Candidate(order, ready, single))
    return out


def _score(c: _Candidate, now: datetime) -> float:
    r = c.ready
    return priority_score(r.priority_class, r.promised_ship_by, r.gift, r.created_at, now) + r.extra_points


def plan_wave_carts(layout: Layout, orders: Sequence[ReadyOrder], capacity: CartCapacity, now: datetime, *,
                    planner: RoutePlanner | None = None, window: int = PLANNING_WINDOW) -> list[Batch]:
    """Carts for a whole wave, most urgent first: each cart the first the batch planner makes from the
    `window` most urgent orders still left — what `next_batch` on the call did, cart by cart, with a
    wider pool (240 rather than 200) and only the first cart built and routed each time.
    """
    planner = planner or RoutePlanner(layout)
    queue = sorted(orders, key=lambda o: (urgency_tier(o, now, DUE_SOON), -o.score(now), o.order_id))
    carts: list[Batch] = []
    while queue:
        first = plan_batches(layout, queue[:window], capacity, now, planner=planner, max_batches=1)[0]
        carts.append(first)
        taken = {o.order_id for o in first.orders}
        queue = [o for o in queue if o.order_id not in taken]
    return carts


def _single_sku_carts(layout: Layout, chosen: list[_Candidate], now: datetime,
                      planner: RoutePlanner) -> list[Batch]:
    by_sku: dict[int, list[_Candidate]] = defaultdict(list)
    for c in chosen:
        assert c.sku_id is not None
        by_sku[c.sku_id].append(c)
    carts = []
    for group in by_sku.values():
        group.sort(key=lambda c: (-_score(c, now), c.order.id))
        for start in range(0, len(group), SINGLE_SKU_UNITS):
            part = tuple(c.ready for c in group[start:start + SINGLE_SKU_UNITS])
            carts.append(Batch(part, planner.plan([p for o in part for p in o.picks()])))
    return carts


def release_wave(uow: UnitOfWork, *, warehouse: str, rule: WaveRule | None = None,
                 now: datetime | None = None) -> Wave:
    """Take the ready orders `rule` selects in `warehouse`, plan them into routed carts and store them."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    rule = rule or WaveRule()
    now = now or utcnow()
    wh = _warehouse(uow, warehouse)
    layout = layout_of(wh.layout)
    planner = RoutePlanner(layout)
    pickups = _Pickups(uow, wh.id, now, rule.lead)
    bulk = rule.kind is not WaveKind.MULTI
    candidates = _candidates(_ready_orders(uow, wh.id), rule, pickups, now, bulk)
    if rule.kind is WaveKind.SINGLE_SKU:
        ones = [c for c in candidates if c.sku_id is not None]
        best = {sku for sku, _n in Counter(c.sku_id for c in ones).most_common(rule.bestsellers)}
        candidates = [c for c in ones if c.sku_id in best]
    candidates.sort(key=lambda c: (-_score(c, now), c.order.id))
    if rule.max_orders is not None:
        candidates = candidates[:rule.max_orders]
    if not candidates:
        raise WaveRefused(f"No ready order in {wh.code} matches this wave.", f"仓库 {wh.code} 没有符合此波次的待拣订单。")
    if rule.kind is WaveKind.SINGLE_SKU:
        carts = _single_sku_carts(layout, candidates, now, planner)
    else:
        capacity = MULTI_CART if rule.kind is WaveKind.MULTI else CartCapacity(PUT_WALL_SLOTS, BULK_LITRES)
        carts = plan_wave_carts(layout, [c.ready for c in candidates], capacity, now, planner=planner)
    by_id = {c.ready.order_id: c for c in candidates}
    wave = models.Wave(code=f"T{uuid.uuid4().hex[:19]}", warehouse_id=wh.id, kind=rule.kind.value,
                       status=WaveStatus.RELEASED.value, rule=rule.as_json(), released_by_id=uow.actor.user_id,
                       released_at=now, order_count=len(candidates), cart_count=len(carts),
                       route_distance_m=round(sum(c.route.distance for c in carts), 2))
    uow.session.add(wave)
    uow.session.flush()
    wave.code = f"W{now:%y%m%d}-{wave.id:04d}"
    _store_carts(uow, wave, carts, by_id, now, first_seq=_last_plan_seq(uow) + 1)
    uow.audit("wave_released", "wave", wave.code, kind=rule.kind.value, orders=len(candidates), carts=len(carts),
              rule=rule.as_json())
    uow.announce(WaveReleased(wave_code=wave.code, kind=wave.kind, carts=len(carts), orders=len(candidates)))
    code = wave.code
    uow.commit()
    return wave_view(uow, code)


def _last_plan_seq(uow: UnitOfWork) -> int:
    return uow.session.scalar(select(func.coalesce(func.max(models.PickBatch.plan_seq), 0))) or 0


def _store_carts(uow: UnitOfWork, wave: models.Wave, carts: Sequence[Batch], by_id: dict[str, _Candidate],
                 now: datetime, *, first_seq: int) -> list[int]:
    """One open batch per cart, its stops numbered in the cart's walking order; the orders marked waved."""
    s = uow.session
    batch_ids = []
    for n, cart in enumerate(carts):
        score = max(_score(by_id[o.order_id], now) for o in cart.orders)
        batch = models.PickBatch(code=f"T{uuid.uuid4().hex[:19]}",
                                 warehouse_id=wave.warehouse_id,
                                 status=BatchStatus.OPEN.value, priority_score=score,
                                 route_distance_m=round(cart.route.distance, 2), wave=wave,
                                 plan_seq=first_seq + n, created_at=now)
        s.add(batch)
        s.flush()
        batch.code = f"B{now:%y%m%d}-{batch.id:05d}"
        seq = {res_id: k for k, res_id in enumerate(cart.route.sequence, start=1)}
        rows = []
        for o in cart.orders:
            order = by_id[o.order_id].order
            for line in order.lines:
                for res in line.reservations:
                    rows.append({"batch_id": batch.id, "order_line_id": line.id, "stock_id": res.stock_id,
                                 "location_id": res.stock.location_id, "lot_id": res.stock.lot_id, "tote_id": None,
                                 "qty": res.qty, "picked_qty": 0, "status": "open", "seq": seq[str(res.id)]})
        s.execute(insert(models.PickTask), rows)
        marked = s.execute(update(models.Order).where(models.Order.id.in_([int(o.order_id) for o in cart.orders]),
                                                      models.Order.wave_id.is_(None),
                                                      models.Order.status == OrderStatus.READY.value)
                           .values(wave_id=wave.id, version=models.Order.version + 1)
                           .execution_options(synchronize_session=False)).rowcount
        if marked != len(cart.orders):  # another release (or a status change) took some of them meanwhile
            raise WaveConflict()
        if wave.kind == WaveKind.PUT_WALL.value:
            s.execute(insert(models.PutWallSlot), [
                {"batch_id": batch.id, "slot_no": k, "order_id": int(o.order_id),
                 "units_needed": sum(ln.qty for ln in by_id[o.order_id].order.lines), "units_put": 0,
                 "status": "open"} for k, o in enumerate(cart.orders, start=1)])
        batch_ids.append(batch.id)
    return batch_ids


# ─── handing out ────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class ClaimedCart:
    """A planned cart just claimed: what the UPDATE … RETURNING gave back (no ORM object loaded)."""

    id: int
    code: str
    wave_id: int | None
    route_distance_m: float | None
    warehouse_code: str
    layout: dict[str, Any]
    wave_kind: str | None


def claim_planned_cart(uow: UnitOfWork, now: datetime) -> ClaimedCart | None:
    """The first open planned cart, now this picker's, by one conditional update (None: none left)."""
    table = models.PickBatch.__table__  # Core on the table: the ORM would add nothing to this one statement
    B, Wh, Wv = table.c, models.Warehouse.__table__.c, models.Wave.__table__.c
    first = select(B.id).where(B.status == BatchStatus.OPEN.value, B.plan_seq.is_not(None)).order_by(B.plan_seq).limit(1)
    if uow.db.backend == "postgresql":
        first = first.with_for_update(skip_locked=True)  # two pickers at once take two different carts
    conn = uow.session.connection()
    for _attempt in range(5):
        got = conn.execute(
            update(table).where(B.id == first.scalar_subquery(), B.status == BatchStatus.OPEN.value)
            .values(status=BatchStatus.PICKING.value, picker_id=uow.actor.user_id, started_at=now,
                    version=B.version + 1)
            .returning(B.id, B.code, B.wave_id, B.route_distance_m,
                       # what the picker's view needs of the warehouse and the wave, in the same statement
                       select(Wh.code).where(Wh.id == B.warehouse_id).scalar_subquery().label("warehouse_code"),
                       select(Wh.layout).where(Wh.id == B.warehouse_id).scalar_subquery().label("layout"),
                       select(Wv.kind).where(Wv.id == B.wave_id).scalar_subquery().label("wave_kind"))).first()
        if got is not None:
            return ClaimedCart(got.id, got.code, got.wave_id, got.route_distance_m, got.warehouse_code,
                               dict(got.layout), got.wave_kind)
        # Another picker took that cart between the question and the update: ask again if any is left.
        if conn.scalar(select(B.id).where(B.status == BatchStatus.OPEN.value, B.plan_seq.is_not(None))
                       .limit(1)) is None:
            return None
    return None


def urgent_arrivals_waiting() -> Any:
    """EXISTS: an urgent ready order no wave holds (`plan_urgent_arrivals` has work). A clause, so
    `next_batch` asks it in the same statement as its first question."""
    O = models.Order.__table__.c
    # select(O.id), not exists() (SELECT *): a picker station's login may read only some columns of orders
    return select(O.id).where(O.status == OrderStatus.READY.value, O.priority_class == PriorityClass.URGENT.value,
                              O.wave_id.is_(None), O.warehouse_id.is_not(None)).exists()


def plan_urgent_arrivals(uow: UnitOfWork, now: datetime) -> int:
    """Urgent ready orders no wave holds (they arrived after the release): a cart of their own, first in line.

    Asked by `next_batch` before it hands out a planned cart; cheap when there are none (an index
    on status, priority class and wave). Returns how many orders were planned.
    """
    O = models.Order.__table__.c
    found = uow.session.connection().execute(
        select(O.id, O.warehouse_id).where(O.status == OrderStatus.READY.value, O.priority_class == PriorityClass.URGENT.value,
                                           O.wave_id.is_(None), O.warehouse_id.is_not(None))
        .order_by(O.priority_score.desc(), O.id).limit(URGENT_PER_CALL)).all()
    if not found:
        return 0
    warehouse_id = found[0].warehouse_id
    wh = uow.session.get(models.Warehouse, warehouse_id)
    assert wh is not None
    pickups = _Pickups(uow, wh.id, now, DEFAULT_LEAD)
    ids = [r.id for r in found if r.warehouse_id == warehouse_id]
    candidates = _candidates(_ready_orders(uow, wh.id, only=ids), WaveRule(), pickups, now, bulk=False)
    if not candidates:
        return 0
    layout = layout_of(wh.layout)
    carts = plan_batches(layout, [c.ready for c in candidates], MULTI_CART, now)
    head = uow.session.scalar(select(func.min(models.PickBatch.plan_seq))
                              .where(models.PickBatch.status == BatchStatus.OPEN.value)) or 1
    by_id = {c.ready.order_id: c for c in candidates}
    # A small wave of its own: it marks the orders waved (so the next call does not plan them again)
    # and its carts go before every open cart.
    wave = models.Wave(code=f"T{uuid.uuid4().hex[:19]}", warehouse_id=wh.id, kind=WaveKind.MULTI.value,
                       status=WaveStatus.RELEASED.value, rule={"urgent_arrivals": True},
                       released_by_id=uow.actor.user_id, released_at=now, order_count=len(candidates),
                       cart_count=len(carts), route_distance_m=round(sum(c.route.distance for c in carts), 2))
    try:
        with uow.session.begin_nested():  # another picker planning the same arrivals at once: theirs stands
            uow.session.add(wave)
            uow.session.flush()
            wave.code = f"U{now:%y%m%d}-{wave.id:04d}"
            _store_carts(uow, wave, carts, by_id, now, first_seq=head - len(carts))
    except WaveConflict:
        return 0
    uow.audit("urgent_planned", "wave", wave.code, orders=[c.order.order_no for c in candidates], carts=len(carts))
    uow.announce(WaveReleased(wave_code=wave.code, kind=wave.kind, carts=len(carts), orders=len(candidates)))
    return len(candidates)


# ─── reading ────────────────────────────────────────────────────────────────────


def wave_view(uow: UnitOfWork, code: str) -> Wave:
    w = uow.session.scalar(select(models.Wave).where(models.Wave.code == code)
                           .options(selectinload(models.Wave.warehouse), selectinload(models.Wave.released_by)))
    if w is None:
        raise NotFound(f"No wave {code}.", f"没有波次 {code}。")
    open_carts = uow.session.scalar(select(func.count()).select_from(models.PickBatch).where(
        models.PickBatch.wave_id == w.id, models.PickBatch.status == BatchStatus.OPEN.value)) or 0
    return Wave(code=w.code, warehouse=w.warehouse.code, kind=w.kind, status=w.status, released_at=w.released_at,
                released_by=w.released_by.login if w.released_by else None, orders=w.order_count, carts=w.cart_count,
                carts_open=open_carts, distance_m=w.route_distance_m, rule=dict(w.rule))


def list_waves(uow: UnitOfWork, *, limit: int = 50) -> list[Wave]:
    require_role(uow.actor.role, Role.SUPERVISOR)
    codes = uow.session.scalars(select(models.Wave.code).order_by(models.Wave.id.desc()).limit(limit)).all()
    return [wave_view(uow, c) for c in codes]


def finish_wave_if_done(uow: UnitOfWork, wave_id: int, now: datetime) -> bool:
    """A wave is done when none of its carts is open or being picked (asked when a cart finishes)."""
    B = models.PickBatch
    left = uow.session.scalar(select(B.id).where(B.wave_id == wave_id, B.status.in_(
        (BatchStatus.OPEN.value, BatchStatus.ASSIGNED.value, BatchStatus.PICKING.value))).limit(1))
    if left is not None:
        return False
    done = uow.session.execute(update(models.Wave).where(models.Wave.id == wave_id,
                                                         models.Wave.status == WaveStatus.RELEASED.value)
                               .values(status=WaveStatus.DONE.value, finished_at=now, version=models.Wave.version + 1)
                               .execution_options(synchronize_session=False)).rowcount
    return bool(done)
