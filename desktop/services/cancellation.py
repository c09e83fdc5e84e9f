"""An order cancelled after release: pulled from its cart, its picker told, its picked units put back.

The cancellation itself is the supervisor's (`supervision.cancel_order`, or a decision on an
exception); `pull_from_floor` is the part of it that concerns the floor, in the same transaction:

* a **planned cart nobody has claimed** keeps the order's stops until it is claimed, when
  `picking.next_batch` drops them (the order is no longer ready) — nothing to tell anyone;
* in a **claimed cart** the order's open stops are skipped (they leave the picker's route), and
  every stop already picked for it becomes a **put-back** (`put_backs`): its units go back to the
  bin they came from. The picker's station hears `BatchOrderCancelled` on the change feed at once
  and says so (words and the refusal sound); its tote is listed at the drop-off as "cancelled — do
  not pack". A cart with nothing left to pick is done (or cancelled when nothing at all was picked);
* an order **at the packer** (picked) gets the same put-backs; scanning its tote or its number at the
  bench is refused with them (`OrderCancelled`), and no parcel, waybill or label can be made for it
  (the services refuse, and a trigger in the database: migration 0020);
* an order **packed or handed over** is the intercept's (`waybills.stop_at_cage`, `waybills.intercept`).

Why the bin it came from: the units are the same lot, the bin is on the picker's or the packer's
walk, and the ledger then reads pick −n, put_back +n at one location (docs/waves.md). `put_back`
is done by whoever stands at the drop-off or the bench (a packer, or a supervisor): scan the bin.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.events import BatchDone, BatchOrderCancelled, StockPutBack
from desktop.domain.lifecycle import BatchStatus
from desktop.domain.roles import Role, require_role
from desktop.domain.stock import MovementKind
from desktop.services.stock import change_on_hand

CLAIMED = (BatchStatus.ASSIGNED.value, BatchStatus.PICKING.value)
FINISHED_TASK = ("picked", "short", "skipped")


class PutBackRefused(PickdeskError):
    """A put-back scan that does not fit (another bin, already done)."""

    code = "put_back_refused"


@dataclass(frozen=True)
class PutBackView:
    id: int
    order_no: str
    sku: str
    product_name: str
    product_name_zh: str
    lot_code: str | None
    qty: int
    location_code: str  # the bin the units go back to
    tote_code: str | None
    status: str

    def line_text(self) -> tuple[str, str]:
        """"2 × SKU-1 (lot L1) → A-01-02-1", in English and Chinese."""
        lot = f" (lot {self.lot_code})" if self.lot_code else ""
        lot_zh = f"（批号 {self.lot_code}）" if self.lot_code else ""
        return (f"{self.qty} × {self.sku}{lot} → {self.location_code}",
                f"{self.qty} × {self.sku}{lot_zh} → {self.location_code}")


class OrderCancelled(PickdeskError):
    """The order was cancelled: not to be picked, packed or printed; its units go back (`put_backs`)."""

    code = "order_cancelled"

    def __init__(self, order_no: str, put_backs: list[PutBackView] | tuple[PutBackView, ...] = ()) -> None:
        open_ = [p for p in put_backs if p.status == "open"]
        if open_:
            en = "; ".join(p.line_text()[0] for p in open_)
            zh = "；".join(p.line_text()[1] for p in open_)
            super().__init__(f"Order {order_no} was cancelled — do not pack. Put the units back: {en}.",
                             f"订单 {order_no} 已取消——请勿打包。请把商品放回：{zh}。")
        else:
            super().__init__(f"Order {order_no} was cancelled — do not pack it.",
                             f"订单 {order_no} 已取消——请勿打包。")
        self.order_no = order_no
        self.put_backs = tuple(put_backs)


@dataclass(frozen=True)
class PulledFromFloor:
    batches: tuple[str, ...]  # claimed carts the order left
    stops_removed: int
    put_backs: int  # rows made
    units: int  # units to put back


# ─── at the cancellation ────────────────────────────────────────────────────────


def pull_from_floor(uow: UnitOfWork, order: models.Order, reason: str) -> PulledFromFloor:
    """The floor's part of a cancellation (no commit: the caller's). See the module notes."""
    T, B = models.PickTask, models.PickBatch
    line_ids = [ln.id for ln in order.lines]
    if not line_ids:
        return PulledFromFloor((), 0, 0, 0)
    tasks = list(uow.session.scalars(
        select(T).where(T.order_line_id.in_(line_ids))
        .options(selectinload(T.batch).selectinload(B.picker), selectinload(T.tote), selectinload(T.stock))))
    # Units picked and not packed go back, stop by stop (a line's packed units are in a parcel: the cage's).
    not_packed = {ln.id: ln.picked_qty - ln.packed_qty for ln in order.lines}
    existing = set(uow.session.scalars(select(models.PutBack.pick_task_id)
                                       .where(models.PutBack.pick_task_id.in_([t.id for t in tasks]))))
    made, units = 0, 0
    back_totes: dict[int, set[str]] = defaultdict(set)
    back_units: dict[int, int] = defaultdict(int)
    for task in sorted(tasks, key=lambda t: (t.seq, t.id)):
        qty = min(task.picked_qty, not_packed.get(task.order_line_id, 0))
        if qty <= 0 or task.id in existing:
            continue
        not_packed[task.order_line_id] -= qty
        uow.session.add(models.PutBack(order_id=order.id, pick_task_id=task.id, sku_id=task.stock.sku_id,
                                       lot_id=task.lot_id, location_id=task.location_id, tote_id=task.tote_id,
                                       qty=qty))
        made += 1
        units += qty
        back_units[task.batch_id] += qty
        if task.tote is not None:
            back_totes[task.batch_id].add(task.tote.code)
    claimed: dict[int, models.PickBatch] = {t.batch_id: t.batch for t in tasks if t.batch.status in CLAIMED}
    removed: dict[int, int] = defaultdict(int)
    for task in tasks:
        if task.batch_id in claimed and task.status == "open":
            task.status = "skipped"
            removed[task.batch_id] += 1
    uow.session.flush()
    for batch in claimed.values():
        done = _close_if_nothing_left(uow, batch, order, back_totes.get(batch.id, set()))
        picker = batch.picker.login if batch.picker else None
        uow.audit("order_pulled_from_batch", "pick_batch", batch.code, order=order.order_no, reason=reason,
                  stops_removed=removed[batch.id], put_back=back_units[batch.id])
        uow.announce(BatchOrderCancelled(batch_code=batch.code, picker=picker, order_no=order.order_no,
                                         totes=tuple(sorted(back_totes.get(batch.id, ()))),
                                         put_back=back_units[batch.id], stops_removed=removed[batch.id], done=done))
    if made:
        uow.audit("put_back_opened", "order", order.order_no, rows=made, units=units)
    return PulledFromFloor(tuple(b.code for b in claimed.values()), sum(removed.values()), made, units)


def _close_if_nothing_left(uow: UnitOfWork, batch: models.PickBatch, order: models.Order,
                           keep_totes: set[str]) -> bool:
    """The order's empty totes are free again; a cart with no open stop left is done (or cancelled)."""
    others = {t.tote_id for t in batch.tasks if t.line.order_id != order.id and t.tote_id is not None}
    for task in batch.tasks:
        tote = task.tote
        if (task.line.order_id == order.id and tote is not None and tote.id not in others
                and tote.code not in keep_totes and tote.status != "free"):
            tote.status, tote.batch_id = "free", None
    if any(t.status not in FINISHED_TASK for t in batch.tasks):
        return False
    now = utcnow()
    batch.finished_at = now
    if any(t.status in ("picked", "short") for t in batch.tasks):
        batch.status = BatchStatus.DONE.value
        for tote in uow.session.scalars(select(models.Tote).where(models.Tote.batch_id == batch.id)):
            tote.status = "at_pack"
        uow.audit("batch_done", "pick_batch", batch.code, reason="the rest of it was cancelled")
        uow.announce(BatchDone(batch_code=batch.code, picker=batch.picker.login if batch.picker else None))
    else:
        batch.status = BatchStatus.CANCELLED.value
        uow.audit("batch_cancelled", "pick_batch", batch.code, reason="its only order was cancelled")
    if batch.wave_id is not None:
        from desktop.services import waves

        uow.session.flush()
        waves.finish_wave_if_done(uow, batch.wave_id, now)
    return True


# ─── putting the units back ─────────────────────────────────────────────────────


def _views(uow: UnitOfWork, where) -> list[PutBackView]:  # noqa: ANN001
    P = models.PutBack
    rows = uow.session.scalars(select(P).where(where).order_by(P.id).options(
        selectinload(P.order), selectinload(P.sku), selectinload(P.lot), selectinload(P.location),
        selectinload(P.tote)))
    return [PutBackView(p.id, p.order.order_no, p.sku.sku_code, p.sku.name, p.sku.name_zh,
                        p.lot.lot_code if p.lot else None, p.qty, p.location.code,
                        p.tote.code if p.tote else None, p.status) for p in rows]


def put_backs_of_order(uow: UnitOfWork, order_id: int) -> list[PutBackView]:
    return _views(uow, models.PutBack.order_id == order_id)


def open_put_backs(uow: UnitOfWork, *, tote: str | None = None, order_no: str | None = None) -> list[PutBackView]:
    """What is still to go back to its bin (all of it, a tote's, or an order's)."""
    require_role(uow.actor.role, Role.PACKER)
    P = models.PutBack
    where = P.status == "open"
    if tote is not None:
        where = where & P.tote_id.in_(select(models.Tote.id).where(models.Tote.code == tote))
    if order_no is not None:
        where = where & P.order_id.in_(select(models.Order.id).where(models.Order.order_no == order_no))
    return _views(uow, where)


def cancelled_in_tote(uow: UnitOfWork, tote_id: int) -> tuple[str, list[PutBackView]] | None:
    """The cancelled order whose units wait in this tote, if any (the bench refuses the tote with it)."""
    P = models.PutBack
    order_id = uow.session.scalar(select(P.order_id).where(P.tote_id == tote_id, P.status == "open")
                                  .order_by(P.id).limit(1))
    if order_id is None:
        return None
    order_no = uow.session.scalar(select(models.Order.order_no).where(models.Order.id == order_id))
    return order_no, put_backs_of_order(uow, order_id)


def put_back(uow: UnitOfWork, put_back_id: int, location_code: str) -> PutBackView:
    """The units of one put-back are in their bin (scanned): +qty there in the ledger; the tote frees at the last."""
    require_role(uow.actor.role, Role.PACKER)
    P = models.PutBack
    row = uow.session.get(P, put_back_id, with_for_update=uow.db.backend == "postgresql")
    if row is None:
        raise NotFound(f"No put-back {put_back_id}.", f"没有放回任务 {put_back_id}。")
    if row.status != "open":
        raise PutBackRefused(f"Put-back {put_back_id} is already done.", f"放回任务 {put_back_id} 已完成。")
    bin_code = row.location.code
    if location_code.strip().upper() != bin_code.upper():
        raise PutBackRefused(f"Wrong bin {location_code}: these units go back to {bin_code}.",
                             f"库位错误 {location_code}：这些商品应放回 {bin_code}。")
    order_no = row.order.order_no
    change_on_hand(uow, location_id=row.location_id, sku_id=row.sku_id, lot_id=row.lot_id, delta=row.qty,
                   kind=MovementKind.PUT_BACK, ref=order_no)
    row.status, row.done_at, row.done_by_id, row.put_location_id = "done", utcnow(), uow.actor.user_id, row.location_id
    uow.session.flush()
    tote = row.tote
    if tote is not None and not uow.session.scalar(select(P.id).where(P.tote_id == tote.id, P.status == "open")
                                                   .limit(1)):
        others = uow.session.scalar(
            select(models.PickTask.id).join(models.OrderLine, models.PickTask.order_line_id == models.OrderLine.id)
            .join(models.Order, models.OrderLine.order_id == models.Order.id)
            .where(models.PickTask.tote_id == tote.id, models.Order.id != row.order_id,
                   models.Order.status.in_(("picking", "picked"))).limit(1))
        if others is None:
            tote.status, tote.batch_id = "free", None
    uow.audit("put_back_done", "order", order_no, put_back=row.id, sku=row.sku.sku_code, qty=row.qty,
              location=bin_code)
    uow.announce(StockPutBack(sku=row.sku.sku_code, decision="cancelled", location=bin_code, qty=row.qty))
    view = _views(uow, P.id == row.id)[0]
    uow.commit()
    return view
