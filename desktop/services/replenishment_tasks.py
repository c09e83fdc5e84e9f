"""Pick-face replenishment: tasks that bring units from a reserve bin to a pick face, for a receiver.

When a SKU's available units in a warehouse's pick locations fall under its `low_stock_threshold`
and reserve locations of that warehouse hold it, `plan_refills` makes tasks — reserve → pick face,
earliest expiry first — that fill the faces back up to three times the threshold (what a low-stock
request asks for). A lot-tracked SKU's units never go into a bin holding another expiry of it: such
a task goes to a face that holds the same expiry, or to an empty pick location. Expired units stay
where they are. One set of open tasks per SKU and warehouse at a time.

The receiver scans the reserve bin, the item (GS1 with its lot), the quantity and the pick face;
`carry_out` checks each against the task and moves the units (two REPLENISH movements). Then orders
backordered for the SKU are tried again (`desktop.services.landing.stock_landed`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import NotFound, PickdeskError, StaleData
from desktop.domain.roles import Role, require_role
from desktop.domain.stock import MovementKind
from desktop.services.stock import move_stock

TASK_PREFIX = "RPL-"


def task_code(task_id: int) -> str:
    return f"{TASK_PREFIX}{task_id:06d}"


def parse_task_code(text: str) -> int:
    raw = text.strip().upper()
    if raw.startswith(TASK_PREFIX):
        raw = raw[len(TASK_PREFIX):]
    if not raw.isdigit() or len(raw) > 9:
        raise RefillRefused(f"{text!r} is not a replenishment task (RPL-000123).", f"{text!r} 不是补货任务号（RPL-000123）。")
    return int(raw)


class RefillRefused(PickdeskError):
    """A scan that does not fit the task (another bin, another item or lot, too many units)."""

    code = "refill_refused"


# ─── planning ───────────────────────────────────────────────────────────────────


def _pick_available(uow: UnitOfWork, sku_id: int, warehouse_id: int) -> int:
    S, L = models.Stock, models.Location
    return int(uow.session.scalar(select(func.coalesce(func.sum(S.on_hand - S.reserved), 0)).select_from(S)
                                  .join(L, S.location_id == L.id)
                                  .where(S.sku_id == sku_id, L.warehouse_id == warehouse_id, L.kind == "pick")) or 0)


def open_refills(uow: UnitOfWork, sku_id: int, warehouse_id: int) -> list[models.ReplenishmentTask]:
    T = models.ReplenishmentTask
    return list(uow.session.scalars(select(T).where(T.sku_id == sku_id, T.warehouse_id == warehouse_id,
                                                    T.status == "open")))


def _face_expiries(uow: UnitOfWork, sku_id: int, location_id: int) -> set[date | None]:
    """Expiries of the SKU held in a bin or on their way to it."""
    S, Lo, T = models.Stock, models.Lot, models.ReplenishmentTask
    held = {e for (e,) in uow.session.execute(select(Lo.expiry).select_from(S).outerjoin(Lo, S.lot_id == Lo.id)
                                              .where(S.sku_id == sku_id, S.location_id == location_id, S.on_hand > 0))}
    coming = {e for (e,) in uow.session.execute(select(Lo.expiry).select_from(T).outerjoin(Lo, T.lot_id == Lo.id)
                                                .where(T.sku_id == sku_id, T.to_location_id == location_id,
                                                       T.status == "open"))}
    return held | coming


def _empty_pick_location(uow: UnitOfWork, warehouse_id: int, near: models.Location | None) -> models.Location | None:
    S, L, T = models.Stock, models.Location, models.ReplenishmentTask
    busy = select(S.location_id).where(S.on_hand > 0)
    coming = select(T.to_location_id).where(T.status == "open")
    q = (select(L).where(L.warehouse_id == warehouse_id, L.kind == "pick", L.active.is_(True),
                         L.id.not_in(busy), L.id.not_in(coming)))
    candidates = list(uow.session.scalars(q.order_by(L.code).limit(200)))
    if not candidates:
        return None
    if near is None:
        return candidates[0]
    return min(candidates, key=lambda c: (abs(c.aisle - near.aisle) + abs(c.block - near.block), abs(c.x - near.x)
                                          + abs(c.y - near.y), c.code))


def plan_refills(uow: UnitOfWork, sku: models.Sku, warehouse_id: int, *, today: date | None = None,
                 at_least: int = 0) -> list[models.ReplenishmentTask]:
    """Tasks that bring the SKU's pick faces back up from reserve; [] when not low or nothing in reserve.

    `at_least`: units an order is short of (a backorder), refilled even above the threshold.
    The caller commits."""
    today = today or utcnow().date()
    threshold = sku.low_stock_threshold or 0
    if open_refills(uow, sku.id, warehouse_id):
        return []
    available = _pick_available(uow, sku.id, warehouse_id)
    if available >= threshold and at_least <= 0:
        return []
    need = max(threshold * 3 - available, at_least)
    S, L, Lo = models.Stock, models.Location, models.Lot
    reserve = list(uow.session.scalars(
        select(S).join(L, S.location_id == L.id).outerjoin(Lo, S.lot_id == Lo.id)
        .where(S.sku_id == sku.id, L.warehouse_id == warehouse_id, L.kind == "reserve", S.on_hand > S.reserved)
        .where(or_(Lo.expiry.is_(None), S.lot_id.is_(None), Lo.expiry >= today))
        .order_by(Lo.expiry.is_(None), Lo.expiry, L.code)))
    faces = list(uow.session.scalars(
        select(L).join(S, S.location_id == L.id)
        .where(S.sku_id == sku.id, L.warehouse_id == warehouse_id, L.kind == "pick", L.active.is_(True))
        .group_by(L.id).order_by(func.sum(S.on_hand), L.code)))
    made: list[models.ReplenishmentTask] = []
    for row in reserve:
        if need <= 0:
            break
        expiry = row.lot.expiry if row.lot is not None else None
        target = None
        for face in faces:
            if not sku.lot_tracked or _face_expiries(uow, sku.id, face.id) <= {expiry}:
                target = face
                break
        if target is None:
            target = _empty_pick_location(uow, warehouse_id, faces[0] if faces else row.location)
            if target is None:
                continue
            faces.append(target)
        qty = min(need, row.on_hand - row.reserved)
        task = models.ReplenishmentTask(warehouse_id=warehouse_id, sku_id=sku.id, lot_id=row.lot_id,
                                        from_location_id=row.location_id, to_location_id=target.id, qty=qty)
        uow.session.add(task)
        uow.session.flush()
        made.append(task)
        need -= qty
        uow.audit("replenishment_task", "replenishment_task", task_code(task.id), sku=sku.sku_code, qty=qty,
                  from_location=row.location.code, to_location=target.code)
    if made:
        uow.announce("stock", sku.sku_code, event="refill_planned", sku=sku.sku_code, tasks=len(made))
    return made


def plan_warehouse(uow: UnitOfWork, warehouse: str | None = None) -> list[TaskRow]:
    """Plan refills for every SKU under its threshold (receiver or supervisor); commits."""
    require_role(uow.actor.role, Role.RECEIVER)
    W, S, L, K = models.Warehouse, models.Stock, models.Location, models.Sku
    q = select(W).where(W.active.is_(True)).order_by(W.id)
    if warehouse:
        q = q.where(W.code == warehouse)
    made = []
    for wh in uow.session.scalars(q).all():
        sku_ids = uow.session.scalars(select(S.sku_id).join(L, S.location_id == L.id).join(K, S.sku_id == K.id)
                                      .where(L.warehouse_id == wh.id, L.kind == "reserve", S.on_hand > 0,
                                             K.low_stock_threshold > 0).distinct()).all()
        for sku_id in sorted(sku_ids):
            sku = uow.session.get(K, sku_id)
            made += plan_refills(uow, sku, wh.id)
    ids = [t.id for t in made]
    uow.commit()
    return [r for r in list_tasks(uow, status=None) if r.id in ids]


# ─── the receiver's list ────────────────────────────────────────────────────────


@dataclass(frozen=True)
class TaskRow:
    id: int
    code: str
    warehouse: str
    sku: str
    gtin: str
    name: str
    lot: str | None
    expiry: date | None
    from_location: str
    to_location: str
    qty: int
    status: str
    created_at: datetime
    version: int
    name_zh: str = ""


def list_tasks(uow: UnitOfWork, *, status: str | None = "open", warehouse: str | None = None,
               limit: int = 200) -> list[TaskRow]:
    T, K, W, Lo = models.ReplenishmentTask, models.Sku, models.Warehouse, models.Lot
    F = models.Location.__table__.alias("f")
    D = models.Location.__table__.alias("d")
    q = (select(T.id, W.code, K.sku_code, K.gtin, K.name, Lo.lot_code, Lo.expiry, F.c.code, D.c.code, T.qty, T.status,
                T.created_at, T.version, K.name_zh)
         .select_from(T).join(K, T.sku_id == K.id).join(W, T.warehouse_id == W.id).outerjoin(Lo, T.lot_id == Lo.id)
         .join(F, T.from_location_id == F.c.id).join(D, T.to_location_id == D.c.id)
         .order_by(T.created_at, T.id).limit(limit))
    if status:
        q = q.where(T.status == status)
    if warehouse:
        q = q.where(W.code == warehouse)
    return [TaskRow(i, task_code(i), *rest[:-1], name_zh=rest[-1] or "") for i, *rest in uow.session.execute(q)]


# ─── carrying a task out ────────────────────────────────────────────────────────


@dataclass(frozen=True)
class RefillDone:
    code: str
    sku: str
    qty: int
    to_location: str
    released_orders: tuple[str, ...]


def _bin_code(text: str) -> str:
    code = text.strip()
    return code[4:] if code.upper().startswith("LOC-") else code


def carry_out(uow: UnitOfWork, task_id: int, *, from_bin: str, gtin: str, lot: str | None, qty: int, to_bin: str,
              expected_version: int | None = None, now: datetime | None = None) -> RefillDone:
    """The receiver moved `qty` units from the reserve bin to the pick face; the scans must match the task."""
    require_role(uow.actor.role, Role.RECEIVER)
    T = models.ReplenishmentTask
    q = select(T).where(T.id == task_id)
    if uow.db.backend == "postgresql":
        q = q.with_for_update()
    task = uow.session.scalar(q)
    code = task_code(task_id)
    if task is None:
        raise NotFound(f"No replenishment task {code}.", f"没有补货任务 {code}。")
    if expected_version is not None and task.version != expected_version:
        raise StaleData("Someone changed this task meanwhile.", "此补货任务已被他人更改。")
    if task.status != "open":
        raise RefillRefused(f"Task {code} is already {task.status}.", f"补货任务 {code} 已是「{task.status}」。")
    if _bin_code(from_bin) != task.from_location.code:
        raise RefillRefused(f"Wrong bin {_bin_code(from_bin)}: take the units from {task.from_location.code}.",
                            f"库位错误 {_bin_code(from_bin)}：请从 {task.from_location.code} 取货。")
    if gtin.zfill(14) != task.sku.gtin:
        raise RefillRefused(f"Wrong item {gtin}: the task moves {task.sku.sku_code}.",
                            f"商品错误 {gtin}：此任务搬运 {task.sku.sku_code}。")
    want_lot = task.lot.lot_code if task.lot is not None else None
    if want_lot is not None and lot != want_lot:
        raise RefillRefused(f"Wrong lot {lot or '—'}: the task moves lot {want_lot}.",
                            f"批号错误 {lot or '—'}：此任务搬运批号 {want_lot}。")
    if not 1 <= qty <= task.qty:
        raise RefillRefused(f"Between 1 and {task.qty} units, not {qty}.", f"数量须在 1 到 {task.qty} 之间，不是 {qty}。")
    if _bin_code(to_bin) != task.to_location.code:
        raise RefillRefused(f"Wrong pick face {_bin_code(to_bin)}: put the units into {task.to_location.code}.",
                            f"拣货位错误 {_bin_code(to_bin)}：请放入 {task.to_location.code}。")
    move_stock(uow, from_location_id=task.from_location_id, to_location_id=task.to_location_id, sku_id=task.sku_id,
               lot_id=task.lot_id, qty=qty, kind=MovementKind.REPLENISH, ref=code)
    task.status, task.done_at, task.done_by = "done", now or utcnow(), uow.actor.user_id
    if qty < task.qty:
        task.qty = qty  # what was moved; the rest stays in reserve and the next plan sees it
    uow.audit("replenishment_done", "replenishment_task", code, sku=task.sku.sku_code, qty=qty,
              from_location=task.from_location.code, to_location=task.to_location.code)
    uow.announce("stock", code, event="refilled", sku=task.sku.sku_code, qty=qty)
    from desktop.services.landing import stock_landed
    released = stock_landed(uow, task.sku_id, task.to_location, now=now)
    done = RefillDone(code, task.sku.sku_code, qty, task.to_location.code, tuple(released))
    uow.commit()
    return done
