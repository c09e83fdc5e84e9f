"""Picking at the shelf: the next batch, confirmed picks, refusals and short picks.

Every function is one use case: it checks the role, applies the rules, audits, announces on the
change feed and commits once. What the picker's screen gets back is a plain frozen `BatchView`
with order references and products only — never a customer's name, phone or address.

Claiming is atomic: an order moves READY → PICKING through its version column (the ORM's
optimistic lock), inside a savepoint, so when two pickers press "Next batch" together only one
of them gets each order; the other drops it and takes the rest (or re-plans from what is left).
Confirmations carry the station's action id (unique in pick_events), so replaying one is harmless.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, case, delete, select, update
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.lifecycle import BatchStatus, HoldReason, OrderStatus, check_batch_transition
from desktop.domain.picking import PickStop
from desktop.domain.roles import Role, require_role
from desktop.routing.batching import CartCapacity, OrderLine, ReadyOrder, plan_batches
from desktop.routing.layout import Pick, Position
from desktop.routing.planner import replan
from desktop.services import waves
from desktop.services.counts import open_bin_count
from desktop.services.orders import change_status
from desktop.services.routes import layout_of, plan_stops
from desktop.domain.stock import MovementKind
from desktop.services.stock import (
    InsufficientStock,
    StockChangeRefused,
    change_on_hand,
    release_line,
    reserve_line,
    shelf_life_cutoff,
    shelf_life_cutoff_of,
)
from desktop.domain.events import (BatchAssigned, BatchDone, BatchReplanned, BatchStarted, ExceptionOpened, ItemPicked,
                                   OrderStatusChanged, ToteSwapped)

# One cart: eight totes, 160 litres in all.
CART = CartCapacity(totes=8, volume_litres=160.0)
# How many of the most urgent ready orders batch planning looks at.
PLANNING_POOL = 200
CLAIM_ATTEMPTS = 5
ACTIVE = (BatchStatus.ASSIGNED.value, BatchStatus.PICKING.value)
FINISHED_TASK = ("picked", "short", "skipped")


# ─── errors ─────────────────────────────────────────────────────────────────────


class BatchNotYours(PickdeskError):
    """The batch was reassigned (or finished) while the picker was working on it."""

    code = "batch_not_yours"

    def __init__(self, batch_code: str, picker: str | None) -> None:
        who = picker or "nobody"
        super().__init__(f"Batch {batch_code} is no longer yours (now: {who}). Nothing was recorded.",
                         f"批次 {batch_code} 已不再分配给您（现在：{who}）。本次操作未记录。")
        self.batch_code, self.picker = batch_code, picker


class OrderCancelledAtShelf(PickdeskError):
    """A pick for an order cancelled meanwhile (docs/waves.md): nothing is recorded; the units stay on the shelf."""

    code = "order_cancelled"

    def __init__(self, order_no: str, location: str) -> None:
        super().__init__(f"Order {order_no} was cancelled: do not pick it. Put the units back at {location}; "
                         "nothing was recorded.",
                         f"订单 {order_no} 已取消：请勿拣货。请把商品放回 {location}；本次操作未记录。")
        self.order_no, self.location = order_no, location


class NothingToPick(PickdeskError):
    code = "nothing_to_pick"

    def __init__(self) -> None:
        super().__init__("No order is ready to pick. Try again in a moment.", "暂无待拣订单。请稍后再试。")


class ToteNotFree(PickdeskError):
    """A tote scanned onto the cart that another batch holds (or that is not a tote of this floor)."""

    code = "tote_not_free"


class PickNotAllowed(PickdeskError):
    """A confirmation the rules refuse (too many units, a task already finished, another lot)."""

    code = "pick_not_allowed"


# ─── the screen's view ──────────────────────────────────────────────────────────


@dataclass(frozen=True)
class StopView:
    task_id: int
    seq: int
    status: str  # open, picked, short, skipped, cancelled (skipped: its order was cancelled)
    location_code: str
    aisle: int
    block: int
    slot: int
    level: int
    x: float
    y: float
    sku: str
    gtin14: str
    product_name: str
    product_name_zh: str
    image: str | None
    lot_code: str | None
    lot_expiry: date | None
    qty: int
    picked_qty: int
    tote_code: str | None
    order_no: str
    line_no: int
    min_expiry: date | None

    @property
    def open(self) -> bool:
        return self.status == "open" and self.picked_qty < self.qty

    def as_pick_stop(self) -> PickStop:
        return PickStop(task_id=self.task_id, location_code=self.location_code, sku=self.sku, gtin14=self.gtin14,
                        product_name=self.product_name, lot_code=self.lot_code, lot_expiry=self.lot_expiry,
                        qty=self.qty, picked=self.picked_qty, tote_code=self.tote_code, order_no=self.order_no,
                        min_expiry=self.min_expiry, product_name_zh=self.product_name_zh)


@dataclass(frozen=True)
class BatchView:
    code: str
    status: str
    picker: str | None
    warehouse: str
    layout: dict[str, Any]
    distance_m: float
    stops: tuple[StopView, ...]  # walking order (seq)
    orders: tuple[str, ...]  # order numbers, nothing else about the customer
    today: date
    cancelled_orders: tuple[str, ...] = ()  # cancelled since the batch was claimed (docs/waves.md)

    @property
    def open_stops(self) -> tuple[StopView, ...]:
        return tuple(s for s in self.stops if s.open)

    def pick_stops(self) -> list[PickStop]:
        return [s.as_pick_stop() for s in self.open_stops]


@dataclass(frozen=True)
class PickOutcome:
    task_id: int
    qty: int
    task_done: bool
    order_no: str
    order_picked: bool
    batch_done: bool
    replayed: bool = False


@dataclass(frozen=True)
class ShortPickOutcome:
    """What became of a short stop: another bin or lot (`alternative`), or an exception and a hold."""

    task_id: int
    found_qty: int
    missing_qty: int
    alternative: tuple[str, ...]  # location codes of the new stops (empty: none found)
    exception_id: int | None
    order_no: str
    order_held: bool
    batch: BatchView


# ─── reading ────────────────────────────────────────────────────────────────────


def _today(today: date | None) -> date:
    return today or utcnow().date()


def _load_batch(uow: UnitOfWork, code: str) -> models.PickBatch:
    batch = uow.session.scalar(
        select(models.PickBatch).where(models.PickBatch.code == code)
        .options(selectinload(models.PickBatch.tasks).selectinload(models.PickTask.line)
                 .selectinload(models.OrderLine.order).selectinload(models.Order.merchant),
                 selectinload(models.PickBatch.tasks).selectinload(models.PickTask.line)
                 .selectinload(models.OrderLine.sku),
                 selectinload(models.PickBatch.tasks).selectinload(models.PickTask.location),
                 selectinload(models.PickBatch.tasks).selectinload(models.PickTask.lot),
                 selectinload(models.PickBatch.tasks).selectinload(models.PickTask.tote),
                 selectinload(models.PickBatch.picker), selectinload(models.PickBatch.warehouse)))
    if batch is None:
        raise NotFound(f"No pick batch {code}.", f"没有拣货批次 {code}。")
    return batch


def _view(batch: models.PickBatch, today: date) -> BatchView:
    stops = []
    for t in sorted(batch.tasks, key=lambda t: (t.seq, t.id)):
        line, sku, loc, lot = t.line, t.line.sku, t.location, t.lot
        cutoff = shelf_life_cutoff(sku, line.order.merchant, today)
        cancelled = line.order.status == OrderStatus.CANCELLED.value
        stops.append(StopView(
            task_id=t.id, seq=t.seq, status="cancelled" if cancelled and t.status == "skipped" else t.status,
            location_code=loc.code, aisle=loc.aisle, block=loc.block,
            slot=loc.slot, level=loc.level, x=loc.x, y=loc.y, sku=sku.sku_code, gtin14=sku.gtin, product_name=sku.name,
            product_name_zh=sku.name_zh, image=sku.image, lot_code=lot.lot_code if lot else None,
            lot_expiry=lot.expiry if lot else None, qty=t.qty, picked_qty=t.picked_qty,
            tote_code=t.tote.code if t.tote else None, order_no=line.order.order_no, line_no=line.line_no,
            min_expiry=cutoff))
    orders = tuple(dict.fromkeys(s.order_no for s in stops))
    gone = tuple(dict.fromkeys(t.line.order.order_no for t in batch.tasks
                               if t.line.order.status == OrderStatus.CANCELLED.value))
    return BatchView(code=batch.code, status=batch.status, picker=batch.picker.login if batch.picker else None,
                     warehouse=batch.warehouse.code, layout=dict(batch.warehouse.layout),
                     distance_m=batch.route_distance_m or 0.0, stops=tuple(stops), orders=orders, today=today,
                     cancelled_orders=gone)


def batch_view(uow: UnitOfWork, code: str, *, today: date | None = None) -> BatchView:
    """A batch as the picker's screen shows it (after a reassignment notice, a short pick …)."""
    require_role(uow.actor.role, Role.PICKER)
    return _view(_load_batch(uow, code), _today(today))


def my_batch(uow: UnitOfWork, *, today: date | None = None) -> BatchView | None:
    """The batch assigned to the signed-in picker (assigned or being picked), if any. Reads only."""
    require_role(uow.actor.role, Role.PICKER)
    batch = _my_active_batch(uow)
    return _view(_load_batch(uow, batch.code), _today(today)) if batch is not None else None


def _my_active_batch_id_query(uow: UnitOfWork) -> Select[Any]:
    """`_my_active_batch`'s id only: next_batch's first question, answered without loading a batch."""
    B = models.PickBatch.__table__.c
    return (
        select(B.id).where(B.picker_id == uow.actor.user_id, B.status.in_(ACTIVE))
        .order_by((B.status == BatchStatus.PICKING.value).desc(), B.priority_score.desc(), B.id).limit(1))


def _my_active_batch(uow: UnitOfWork) -> models.PickBatch | None:
    B = models.PickBatch
    return uow.session.scalars(
        select(B).where(B.picker_id == uow.actor.user_id, B.status.in_(ACTIVE))
        .order_by((B.status == BatchStatus.PICKING.value).desc(), B.priority_score.desc(), B.id)).first()


# ─── next batch ─────────────────────────────────────────────────────────────────


def next_batch(uow: UnitOfWork, *, today: date | None = None, now: datetime | None = None) -> BatchView:
    """The picker's batch: the one assigned to them, or the most urgent one planned from ready orders."""
    require_role(uow.actor.role, Role.PICKER)
    now = now or utcnow()
    today = _today(today)
    mine_id, urgent_waiting = uow.session.connection().execute(
        select(_my_active_batch_id_query(uow).scalar_subquery(), waves.urgent_arrivals_waiting())).one()
    if mine_id is not None:
        mine = uow.session.get(models.PickBatch, mine_id)
        assert mine is not None
        if mine.status == BatchStatus.ASSIGNED.value:
            check_batch_transition(mine.status, BatchStatus.PICKING)
            mine.status = BatchStatus.PICKING.value
            mine.started_at = mine.started_at or now
            uow.audit("batch_started", "pick_batch", mine.code)
            uow.announce(BatchStarted(batch_code=mine.code, picker=uow.actor.login))
        code = mine.code
        uow.commit()
        return _view(_load_batch(uow, code), today)

    # A released wave's carts first: handed out as planned, by one conditional update.
    if urgent_waiting:
        waves.plan_urgent_arrivals(uow, now)
    while (cart := waves.claim_planned_cart(uow, now)) is not None:
        view = _hand_out_planned(uow, cart, now, today)
        if view is not None:
            uow.commit()
            return view

    for _attempt in range(CLAIM_ATTEMPTS):
        planned = _plan_most_urgent(uow, now)
        if planned is None:
            raise NothingToPick()
        warehouse, orders = planned
        # Claimed in id order, so two stations claiming at once never wait on each other in a cycle.
        claimed = [o for o in sorted(orders, key=lambda o: o.id) if _claim(uow, o)]
        if claimed:
            break
    else:
        raise NothingToPick()

    batch = models.PickBatch(code=f"T{uuid.uuid4().hex[:19]}", warehouse=warehouse, picker_id=uow.actor.user_id,
                             status=BatchStatus.PICKING.value, started_at=now,
                             priority_score=max(o.priority_score for o in claimed))
    uow.session.add(batch)
    uow.session.flush()
    batch.code = f"B{now:%y%m%d}-{batch.id:05d}"
    tasks: list[models.PickTask] = []
    loose = single_units_loose(warehouse.layout)
    for order in claimed:
        one_unit = sum(res.qty for line in order.lines for res in line.reservations) == 1
        tote = None if loose and one_unit else _claim_tote(uow, batch)
        for line in order.lines:
            for res in line.reservations:
                tasks.append(models.PickTask(line=line, stock=res.stock, location=res.stock.location,
                                             lot=res.stock.lot, tote=tote, qty=res.qty, seq=0))
    batch.route_distance_m = plan_stops(warehouse.layout, tasks)
    batch.tasks.extend(tasks)
    uow.audit("batch_assigned", "pick_batch", batch.code, picker=uow.actor.login,
              orders=[o.order_no for o in claimed], stops=len(tasks))
    uow.announce(BatchAssigned(batch_code=batch.code, picker=uow.actor.login))
    code = batch.code
    uow.commit()
    return _view(_load_batch(uow, code), today)


def _hand_out_planned(uow: UnitOfWork, cart: waves.ClaimedCart, now: datetime, today: date) -> BatchView | None:
    """The claimed cart's ready orders → PICKING, a tote each, and the picker's view — set-based, in seven
    statements whatever the cart holds (eight on PostgreSQL: the feed's notification), on the tables, no
    ORM object loaded. Orders no longer ready leave the cart; None when none is left (the cart is
    cancelled and the caller claims the next)."""
    O, T, B = models.Order.__table__.c, models.PickTask.__table__, models.PickBatch.__table__
    uow.session.flush()  # an urgent cart just planned (ORM) is written before the statements below
    conn = uow.session.connection()
    rows = conn.execute(_stop_rows().where(T.c.batch_id == cart.id)).all()
    order_ids = sorted({r.order_id for r in rows})
    numbers = dict(conn.execute(
        update(models.Order.__table__).where(O.id.in_(order_ids), O.status == OrderStatus.READY.value)
        .values(status=OrderStatus.PICKING.value, assigned_picker_id=uow.actor.user_id, version=O.version + 1,
                updated_at=now)
        .returning(O.id, O.order_no)).all())
    claimed = sorted(numbers)
    gone = [r.id for r in rows if r.order_id not in numbers]
    if gone:  # cancelled or held since the wave was planned: the cart leaves without their stops
        conn.execute(delete(T).where(T.c.id.in_(gone)))
        # … and out of the wave: released again, they are planned afresh (on the call or by the next wave)
        conn.execute(update(models.Order.__table__).where(O.id.in_([o for o in order_ids if o not in numbers]))
                     .values(wave_id=None, version=O.version + 1))
    if not claimed:
        conn.execute(update(B).where(B.c.id == cart.id)
                     .values(status=BatchStatus.CANCELLED.value, finished_at=now, version=B.c.version + 1))
        uow.audit_many([("batch_cancelled", "pick_batch", cart.code,
                         {"reason": "no order of the cart is ready any more"})])
        return None
    uow.insert_rows(models.OrderStatusChange.__table__, [
        {"order_id": oid, "from_status": OrderStatus.READY.value, "to_status": OrderStatus.PICKING.value, "at": now,
         "user_id": uow.actor.user_id, "reason": "batch"} for oid in claimed])
    bulk = (cart.wave_kind or waves.WaveKind.MULTI.value) != waves.WaveKind.MULTI.value
    toted = list(claimed)
    if not bulk and single_units_loose(cart.layout):  # one-unit orders ride in the open bin
        units: dict[int, int] = {}
        for r in rows:
            units[r.order_id] = units.get(r.order_id, 0) + r.qty
        toted = [oid for oid in toted if units.get(oid, 0) != 1]
    totes = _claim_totes(uow, cart.id, 1 if bulk else len(toted)) if toted else []
    tote_of = {oid: totes[0] if bulk else totes[k] for k, oid in enumerate(toted) if totes and
               (bulk or k < len(totes))}
    kept = [r for r in rows if r.order_id in numbers]
    placed = {r.id: tote_of[r.order_id][0] for r in kept if r.order_id in tote_of}
    if placed:  # one statement, every stop into its order's tote (an executemany is a statement a row on PostgreSQL)
        conn.execute(update(T).where(T.c.id.in_(sorted(placed))).values(tote_id=case(placed, value=T.c.id)))
    uow.audit_many([("order_status", "order", numbers[oid], {"from": "ready", "to": "picking", "reason": "batch"})
                    for oid in claimed] +
                   [("batch_assigned", "pick_batch", cart.code,
                     {"picker": uow.actor.login, "orders": [numbers[o] for o in claimed], "stops": len(kept),
                      "wave": cart.wave_id})])
    uow.announce_many([OrderStatusChanged(order_no=numbers[oid], status=OrderStatus.PICKING.value)
                       for oid in claimed] + [BatchAssigned(batch_code=cart.code, picker=uow.actor.login)])
    uow.session.expire_all()  # the set-based updates above bypassed any order or task already loaded
    stops = tuple(_stop_view(r, today, tote_of[r.order_id][1] if r.order_id in tote_of else r.tote_code)
                  for r in kept)
    return BatchView(code=cart.code, status=BatchStatus.PICKING.value, picker=uow.actor.login,
                     warehouse=cart.warehouse_code, layout=cart.layout, distance_m=cart.route_distance_m or 0.0, stops=stops,
                     orders=tuple(dict.fromkeys(st.order_no for st in stops)), today=today)


def single_units_loose(warehouse_layout: dict[str, Any] | None) -> bool:
    """The warehouse's cart layout (`layout.cart`, docs/picking.md): do one-unit orders ride in the
    cart's open bin, without a tote (packed at the single-item lane)?"""
    cart = (warehouse_layout or {}).get("cart") or {}
    return bool(cart.get("single_units_loose"))


def _stop_rows() -> Select[Any]:
    """A batch's stops with all the picker's screen shows of them, in walking order, in one query (Core)."""
    T, L, O, K, Loc, Lot, Tote, M = (m.__table__ for m in (models.PickTask, models.OrderLine, models.Order,
                                                             models.Sku, models.Location, models.Lot, models.Tote,
                                                             models.Merchant))
    return (select(T.c.id, T.c.seq, T.c.status, T.c.qty, T.c.picked_qty, L.c.order_id, L.c.line_no, O.c.order_no,
                   M.c.min_remaining_shelf_days.label("merchant_days"), K.c.min_remaining_shelf_days.label("sku_days"),
                   K.c.sku_code, K.c.gtin, K.c.name, K.c.name_zh, K.c.image, Loc.c.code.label("location_code"),
                   Loc.c.aisle, Loc.c.block, Loc.c.slot, Loc.c.level, Loc.c.x, Loc.c.y, Lot.c.lot_code, Lot.c.expiry,
                   Tote.c.code.label("tote_code"))
            .select_from(T.join(L, T.c.order_line_id == L.c.id).join(O, L.c.order_id == O.c.id)
                         .join(M, O.c.merchant_id == M.c.id).join(K, L.c.sku_id == K.c.id)
                         .join(Loc, T.c.location_id == Loc.c.id).outerjoin(Lot, T.c.lot_id == Lot.c.id)
                         .outerjoin(Tote, T.c.tote_id == Tote.c.id))
            .order_by(T.c.seq, T.c.id))


def _stop_view(r: Any, today: date, tote_code: str | None) -> StopView:
    cutoff = shelf_life_cutoff_of(r.sku_days, r.merchant_days, today)
    return StopView(task_id=r.id, seq=r.seq, status=r.status, location_code=r.location_code, aisle=r.aisle,
                    block=r.block, slot=r.slot, level=r.level, x=r.x, y=r.y, sku=r.sku_code, gtin14=r.gtin,
                    product_name=r.name, product_name_zh=r.name_zh, image=r.image, lot_code=r.lot_code,
                    lot_expiry=r.expiry, qty=r.qty, picked_qty=r.picked_qty, tote_code=tote_code,
                    order_no=r.order_no, line_no=r.line_no, min_expiry=cutoff)


def _claim_totes(uow: UnitOfWork, batch_id: int, wanted: int) -> list[tuple[int, str]]:
    """Up to `wanted` free totes (id, code) for the batch, by one conditional update (fewer when the floor runs out)."""
    T = models.Tote.__table__
    free = select(T.c.id).where(T.c.status == "free").order_by(T.c.code).limit(wanted)
    if uow.db.backend == "postgresql":
        free = free.with_for_update(skip_locked=True)  # two pickers at once take different totes, no wait
    got = uow.session.connection().execute(
        update(T).where(T.c.id.in_(free.scalar_subquery()), T.c.status == "free")
        .values(status="in_use", batch_id=batch_id).returning(T.c.id, T.c.code)).all()
    return sorted(((r.id, r.code) for r in got), key=lambda t: t[1])


def _plan_most_urgent(uow: UnitOfWork, now: datetime) -> tuple[models.Warehouse, list[models.Order]] | None:
    O = models.Order
    top = uow.session.scalars(select(O).where(O.status == OrderStatus.READY.value, O.warehouse_id.is_not(None),
                                              O.wave_id.is_(None))
                              .order_by(O.priority_score.desc(), O.id).limit(1)).first()
    if top is None:
        return None
    warehouse = top.warehouse
    assert warehouse is not None
    pool = uow.session.scalars(
        select(O).where(O.status == OrderStatus.READY.value, O.warehouse_id == warehouse.id, O.wave_id.is_(None))
        .order_by(O.priority_score.desc(), O.id).limit(PLANNING_POOL)
        .options(selectinload(O.lines).selectinload(models.OrderLine.reservations)
                 .selectinload(models.Reservation.stock).selectinload(models.Stock.location),
                 selectinload(O.lines).selectinload(models.OrderLine.sku))).all()
    layout = layout_of(warehouse.layout)
    ready, by_id = [], {}
    for order in pool:
        lines = tuple(OrderLine(str(res.id), Position(res.stock.location.aisle, res.stock.location.block,
                                                      res.stock.location.slot))
                      for line in order.lines for res in line.reservations)
        if not lines or sum(r.qty for ln in order.lines for r in ln.reservations) < sum(ln.qty for ln in order.lines):
            continue  # not fully reserved: intake's business, not the picker's
        litres = sum(ln.sku.length_mm * ln.sku.width_mm * ln.sku.height_mm * ln.qty for ln in order.lines) / 1e6
        ready.append(ReadyOrder(str(order.id), lines, totes=1, volume_litres=litres,
                                priority_class=order.priority_class, promised_ship_by=order.promised_ship_by,
                                gift=order.gift, created_at=order.created_at))
        by_id[str(order.id)] = order
    if not ready:
        return None
    first = plan_batches(layout, ready, CART, now)[0]
    return warehouse, [by_id[o.order_id] for o in first.orders]


def _claim(uow: UnitOfWork, order: models.Order) -> bool:
    """READY → PICKING for this picker, or False when another station took the order first."""
    try:
        with uow.session.begin_nested():
            order.assigned_picker_id = uow.actor.user_id
            change_status(uow, order, OrderStatus.PICKING, reason="batch")
            uow.session.flush()
    except StaleDataError:
        uow.session.expire(order)
        return False
    return True


def _claim_tote(uow: UnitOfWork, batch: models.PickBatch) -> models.Tote | None:
    T = models.Tote
    for tote_id in uow.session.scalars(select(T.id).where(T.status == "free").order_by(T.code).limit(50)):
        done = uow.session.execute(update(T).where(T.id == tote_id, T.status == "free")
                                   .values(status="in_use", batch_id=batch.id)
                                   .execution_options(synchronize_session=False)).rowcount
        if done:
            tote = uow.session.get(T, tote_id)
            uow.session.refresh(tote)
            return tote
    return None  # no free tote: the picker uses any container; the packer goes by order


# ─── the cart: a tote of the picker's choosing ──────────────────────────────────

# A tote's code, as the scanners read it (devices.decode): a new code of this shape is a new tote.
TOTE_PATTERN = re.compile(r"TOTE-[0-9]{5}")


def bind_tote(uow: UnitOfWork, batch_code: str, code: str, replaces: str, *,
              today: date | None = None) -> BatchView:
    """At the cart the picker put `code` on it instead of the suggested `replaces`: the stops meant for
    `replaces` go into `code`, and `replaces` goes back to the free stack. `code` may be any free tote,
    or a new one (a code of the tote pattern the warehouse has not seen: registered here). A tote that
    another batch holds is refused with where it is (`ToteNotFree`); nothing changes then."""
    require_role(uow.actor.role, Role.PICKER)
    T, B = models.Tote, models.PickBatch
    batch = uow.session.scalar(select(B).where(B.code == batch_code))
    if batch is None:
        raise NotFound(f"No pick batch {batch_code}.", f"没有拣货批次 {batch_code}。")
    if batch.picker_id != uow.actor.user_id or batch.status not in ACTIVE:
        raise BatchNotYours(batch.code, batch.picker.login if batch.picker else None)
    old = uow.session.scalar(select(T).where(T.code == replaces, T.batch_id == batch.id))
    if old is None:
        raise PickNotAllowed(f"Tote {replaces} is not one of batch {batch.code}'s.",
                             f"周转箱 {replaces} 不属于批次 {batch.code}。")
    code = code.strip().upper()
    tote = uow.session.scalar(select(T).where(T.code == code))
    if tote is not None and tote.batch_id == batch.id:
        return _view(_load_batch(uow, batch.code), _today(today))  # already this batch's
    if tote is None:
        if not TOTE_PATTERN.fullmatch(code):
            raise ToteNotFree(f"{code} is not a tote of this warehouse (tote codes read like TOTE-00042).",
                              f"{code} 不是本仓库的周转箱（周转箱编码形如 TOTE-00042）。")
        tote = T(code=code, status="in_use", batch_id=batch.id)
        uow.session.add(tote)
        uow.session.flush()
        uow.audit("tote_registered", "tote", code, batch=batch.code)
    else:
        taken = uow.session.execute(update(T).where(T.id == tote.id, T.status == "free")
                                    .values(status="in_use", batch_id=batch.id)
                                    .execution_options(synchronize_session=False)).rowcount
        if not taken:
            uow.session.refresh(tote)
            raise _tote_elsewhere(uow, tote)
    uow.session.execute(update(models.PickTask).where(models.PickTask.batch_id == batch.id,
                                                      models.PickTask.tote_id == old.id)
                        .values(tote_id=tote.id).execution_options(synchronize_session=False))
    old.status, old.batch_id = "free", None
    uow.audit("tote_swapped", "pick_batch", batch.code, tote=code, replaces=replaces)
    uow.announce(ToteSwapped(batch_code=batch.code, picker=uow.actor.login, tote=code, replaces=replaces))
    uow.commit()
    return _view(_load_batch(uow, batch.code), _today(today))


def _tote_elsewhere(uow: UnitOfWork, tote: models.Tote) -> ToteNotFree:
    holder = uow.session.get(models.PickBatch, tote.batch_id) if tote.batch_id is not None else None
    if tote.status == "at_pack":
        where = f"batch {holder.code}" if holder is not None else "an earlier batch"
        where_zh = f"批次 {holder.code}" if holder is not None else "之前的批次"
        return ToteNotFree(f"Tote {tote.code} is at packing with {where}'s orders. Take another tote.",
                           f"周转箱 {tote.code} 在打包区，装着{where_zh}的订单。请换一个周转箱。")
    if holder is None:
        return ToteNotFree(f"Tote {tote.code} is in use. Take another tote.", f"周转箱 {tote.code} 正在使用。请换一个周转箱。")
    who = holder.picker.display_name if holder.picker else "nobody yet"
    who_zh = holder.picker.display_name if holder.picker else "尚未分配"
    return ToteNotFree(f"Tote {tote.code} is on another cart: batch {holder.code} ({who}). Take another tote.",
                       f"周转箱 {tote.code} 在另一辆拣货车上：批次 {holder.code}（{who_zh}）。请换一个周转箱。")


# ─── confirming ─────────────────────────────────────────────────────────────────


def _event(uow: UnitOfWork, action_id: str) -> models.PickEvent | None:
    return uow.session.scalar(select(models.PickEvent).where(models.PickEvent.action_id == action_id))


def _task_for_me(uow: UnitOfWork, task_id: int) -> models.PickTask:
    task = uow.session.get(models.PickTask, task_id, populate_existing=True,
                           with_for_update=uow.db.backend == "postgresql")
    if task is None:
        raise NotFound(f"No pick task {task_id}.", f"没有拣货任务 {task_id}。")
    batch = task.batch
    uow.session.refresh(batch)
    if task.line.order.status == OrderStatus.CANCELLED.value:
        raise OrderCancelledAtShelf(task.line.order.order_no, task.location.code)
    if batch.picker_id != uow.actor.user_id or batch.status not in ACTIVE:
        raise BatchNotYours(batch.code, batch.picker.login if batch.picker else None)
    return task


def _apply_pick(uow: UnitOfWork, task: models.PickTask, qty: int) -> None:
    """Take `qty` units off the shelf into the tote: stock, reservation, line and task move together."""
    if qty <= 0:
        return
    st = task.stock
    try:
        change_on_hand(uow, location_id=st.location_id, sku_id=st.sku_id, lot_id=st.lot_id, delta=-qty,
                       kind=MovementKind.PICK, ref=task.line.order.order_no, reserved_delta=-qty)
    except StockChangeRefused:
        raise PickNotAllowed(f"The stock record of {task.location.code} does not hold {qty} reserved units.",
                             f"{task.location.code} 的库存记录没有 {qty} 件已预留商品。") from None
    uow.session.expire(task.stock)
    line = task.line
    left = qty
    for res in [r for r in line.reservations if r.stock_id == task.stock_id]:
        take = min(left, res.qty)
        res.qty -= take
        left -= take
        if res.qty == 0:
            line.reservations.remove(res)
            uow.session.delete(res)
        if left == 0:
            break
    line.picked_qty += qty
    task.picked_qty += qty
    task.picked_at = utcnow()
    if task.picked_qty == task.qty:
        task.status = "picked"


def _finish(uow: UnitOfWork, task: models.PickTask) -> tuple[bool, bool]:
    """Order → PICKED when all its lines are picked; batch → DONE when no task is open. Returns both."""
    order = task.line.order
    uow.session.flush()
    order_picked = False
    if order.status == OrderStatus.PICKING.value and all(ln.picked_qty >= ln.qty for ln in order.lines):
        change_status(uow, order, OrderStatus.PICKED, reason="picked")
        order_picked = True
    batch = task.batch
    batch_done = False
    if all(t.status in FINISHED_TASK for t in batch.tasks):
        check_batch_transition(batch.status, BatchStatus.DONE)
        batch.status = BatchStatus.DONE.value
        batch.finished_at = utcnow()
        for tote in uow.session.scalars(select(models.Tote).where(models.Tote.batch_id == batch.id)):
            tote.status = "at_pack"
        uow.audit("batch_done", "pick_batch", batch.code)
        uow.announce(BatchDone(batch_code=batch.code, picker=uow.actor.login))
        batch_done = True
        if batch.wave_id is not None:
            uow.session.flush()
            waves.finish_wave_if_done(uow, batch.wave_id, utcnow())
    elif batch.status == BatchStatus.ASSIGNED.value:
        batch.status = BatchStatus.PICKING.value
        batch.started_at = batch.started_at or utcnow()
    return order_picked, batch_done


def confirm_pick(uow: UnitOfWork, task_id: int, qty: int, lot_code: str | None, action_id: str) -> PickOutcome:
    """Record `qty` units taken for a stop. The same `action_id` twice applies once."""
    require_role(uow.actor.role, Role.PICKER)
    previous = _event(uow, action_id)
    if previous is not None:
        task = uow.session.get(models.PickTask, previous.task_id)
        assert task is not None
        order = task.line.order
        return PickOutcome(task.id, previous.qty, task.status == "picked", order.order_no,
                           order.status != OrderStatus.PICKING.value, task.batch.status == BatchStatus.DONE.value,
                           replayed=True)
    task = _task_for_me(uow, task_id)
    if task.status != "open":
        raise PickNotAllowed(f"This stop is already {task.status}.", f"此拣货点已是「{task.status}」状态。")
    if qty < 1 or task.picked_qty + qty > task.qty:
        raise PickNotAllowed(f"Too many: the stop needs {task.qty - task.picked_qty}, not {qty}.",
                             f"数量过多：此处只需 {task.qty - task.picked_qty} 件，不是 {qty} 件。")
    if task.lot is not None and lot_code is not None and lot_code != task.lot.lot_code:
        raise PickNotAllowed(f"Wrong lot {lot_code}: the stop holds lot {task.lot.lot_code}.",
                             f"批号错误 {lot_code}：此处应为批号 {task.lot.lot_code}。")
    _apply_pick(uow, task, qty)
    uow.session.add(models.PickEvent(action_id=action_id, task_id=task.id, user_id=uow.actor.user_id, qty=qty,
                                     kind="pick", detail={"lot": lot_code, "location": task.location.code,
                                                          "batch": task.batch.code}))
    order_picked, batch_done = _finish(uow, task)
    uow.audit("pick_confirmed", "pick_task", task.id, qty=qty, lot=lot_code, batch=task.batch.code,
              order=task.line.order.order_no, action_id=action_id)
    uow.announce(ItemPicked(batch_code=task.batch.code, picker=uow.actor.login, task=task.id))
    outcome = PickOutcome(task.id, qty, task.status == "picked", task.line.order.order_no, order_picked, batch_done)
    uow.commit()
    return outcome


def record_refusal(uow: UnitOfWork, batch_code: str, reason: str, raw: str, *, task_id: int,
                   action_id: str) -> None:
    """A refused scan, kept as a pick event of kind "error" (pick errors per picker, later)."""
    require_role(uow.actor.role, Role.PICKER)
    if _event(uow, action_id) is not None:
        return
    uow.session.add(models.PickEvent(action_id=action_id, task_id=task_id, user_id=uow.actor.user_id, qty=0,
                                     kind="error", detail={"reason": reason, "raw": raw[:200], "batch": batch_code}))
    uow.audit("pick_refused", "pick_batch", batch_code, reason=reason, task=task_id)
    uow.commit()


# ─── short picks ────────────────────────────────────────────────────────────────


def _replan_open(uow: UnitOfWork, batch: models.PickBatch, start: models.Location | None) -> None:
    """Number the open stops in walking order from where the picker stands (after the finished ones)."""
    uow.session.flush()
    done = sorted((t for t in batch.tasks if t.status in ("picked", "short")), key=lambda t: (t.seq, t.id))
    open_tasks = [t for t in batch.tasks if t.status == "open"]
    skipped = sorted((t for t in batch.tasks if t.status == "skipped"), key=lambda t: (t.seq, t.id))
    for n, t in enumerate(done, start=1):
        t.seq = n
    base = len(done)
    for n, t in enumerate(skipped, start=base + len(open_tasks) + 1):
        t.seq = n
    if not open_tasks:
        return
    layout = layout_of(batch.warehouse.layout)
    here = Position(start.aisle, start.block, start.slot) if start is not None and start.aisle >= 0 else None
    picks = [Pick(str(i), Position(t.location.aisle, t.location.block, t.location.slot))
             for i, t in enumerate(open_tasks)]
    route = replan(layout, picks, here)
    for n, pick_id in enumerate(route.sequence, start=1):
        open_tasks[int(pick_id)].seq = base + n
    # From here on the distance is the walk still ahead (the planner's, from the picker's position).
    batch.route_distance_m = round(route.distance, 2)


def report_short(uow: UnitOfWork, task_id: int, found_qty: int, action_id: str, *,
                 today: date | None = None) -> ShortPickOutcome:
    """The bin holds only `found_qty`: take those, then another bin or lot, else an exception and a hold."""
    require_role(uow.actor.role, Role.PICKER)
    today = _today(today)
    previous = _event(uow, action_id)
    if previous is not None:
        task = uow.session.get(models.PickTask, previous.task_id)
        assert task is not None
        d = previous.detail
        return ShortPickOutcome(task.id, previous.qty, d.get("missing", 0), tuple(d.get("alternative", ())),
                                d.get("exception_id"), task.line.order.order_no, bool(d.get("held")),
                                _view(_load_batch(uow, task.batch.code), today))
    task = _task_for_me(uow, task_id)
    if task.status != "open":
        raise PickNotAllowed(f"This stop is already {task.status}.", f"此拣货点已是「{task.status}」状态。")
    remaining = task.qty - task.picked_qty
    if not 0 <= found_qty <= remaining:
        raise PickNotAllowed(f"Found quantity must be between 0 and {remaining}.",
                             f"实拣数量必须在 0 到 {remaining} 之间。")
    batch, line, order = task.batch, task.line, task.line.order
    _apply_pick(uow, task, found_qty)
    missing = remaining - found_qty
    alternative: list[str] = []
    exception_id: int | None = None
    held = False
    if missing:
        task.status = "short"
        # Give back what the empty bin cannot serve, then look elsewhere for it.
        for res in [r for r in line.reservations if r.stock_id == task.stock_id]:
            give = min(missing, res.qty)
            uow.session.execute(update(models.Stock).where(models.Stock.id == res.stock_id)
                                .values(reserved=models.Stock.reserved - give, version=models.Stock.version + 1)
                                .execution_options(synchronize_session=False))
            res.qty -= give
            if res.qty == 0:
                line.reservations.remove(res)
                uow.session.delete(res)
        uow.session.expire(task.stock)
        try:
            made = reserve_line(uow, line, batch.warehouse_id, today, qty=missing, exclude_stock_ids=[task.stock_id])
        except InsufficientStock:
            made = []
        if made:
            for res in made:
                uow.session.flush()
                stock = res.stock
                batch.tasks.append(models.PickTask(line=line, stock=stock, location=stock.location, lot=stock.lot,
                                                   tote=task.tote, qty=res.qty, seq=0))
                alternative.append(stock.location.code)
        else:
            exception_id, held = _hold_for_shortage(uow, task, missing)
        # The record said the bin held more than the picker found: someone counts it.
        detail_count = open_bin_count(uow, task.location, "short_pick").id
    _replan_open(uow, batch, task.location)
    order_picked, batch_done = _finish(uow, task)
    detail = {"missing": missing, "alternative": alternative, "exception_id": exception_id, "held": held,
              "location": task.location.code, "batch": batch.code}
    if missing:
        detail["count_id"] = detail_count
    uow.session.add(models.PickEvent(action_id=action_id, task_id=task.id, user_id=uow.actor.user_id, qty=found_qty,
                                     kind="short", detail=detail))
    uow.audit("pick_short", "pick_task", task.id, found=found_qty, order=order.order_no, **detail)
    uow.announce(BatchReplanned(batch_code=batch.code, picker=uow.actor.login, task=task.id))
    code = batch.code
    uow.commit()
    return ShortPickOutcome(task.id, found_qty, missing, tuple(alternative), exception_id, order.order_no, held,
                            _view(_load_batch(uow, code), today))


def _hold_for_shortage(uow: UnitOfWork, task: models.PickTask, missing: int) -> tuple[int, bool]:
    """No other stock: the supervisor gets an exception, the order is held, its other stops leave the batch."""
    line, order, batch = task.line, task.line.order, task.batch
    case = models.ExceptionCase(kind="short_pick", order=order, detail={
        "order_no": order.order_no, "line_no": line.line_no, "sku": line.sku.sku_code,
        "location": task.location.code, "missing_qty": missing, "batch": batch.code,
        "picker": uow.actor.login})
    uow.session.add(case)
    for other in batch.tasks:
        if other.status == "open" and other.line.order_id == order.id:
            other.status = "skipped"
    for ln in order.lines:
        release_line(uow, ln)  # what is left reserved is exactly the units not yet picked
    held = False
    if order.status == OrderStatus.PICKING.value:
        change_status(uow, order, OrderStatus.HELD, hold_reason=HoldReason.SHORTAGE,
                      reason=f"short pick: {line.sku.sku_code} ×{missing} at {task.location.code}")
        held = True
    uow.session.flush()
    uow.audit("exception_opened", "exception", case.id, kind="short_pick", order=order.order_no)
    uow.announce(ExceptionOpened(subject=str(case.id), kind="short_pick", order_no=order.order_no))
    return case.id, held
