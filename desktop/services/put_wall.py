"""The put wall (播种墙): a put-wall cart, picked in bulk, sorted unit by unit into the slots of a wall.

A put-wall wave (`desktop.services.waves`, kind `put_wall`) gives each order of a cart a slot
(`put_wall_slots`, slot 1..n). At the wall the packer scans a unit (`light_for_unit`): the slot that
still needs that product lights (on screen, and on a pick-to-light controller through
`devices.put_light`). Scanning the slot's label (`WALL-07`) confirms the put (`confirm_put`, keyed by
the station's action id: a replay is harmless). A slot whose every unit is in is *full*: its order
is ready to pack (`OrderScan` at the bench, as any picked order).

One use case per function: role checked (packer), audited, announced, one commit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import selectinload

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.events import OrderStatusChanged
from desktop.domain.lifecycle import BatchStatus
from desktop.domain.roles import Role, require_role
from devices.decode import ItemScan, ScanRejected, decode_scan

SLOT_LABEL = re.compile(r"^WALL-(\d{1,3})$")


class PutRefused(PickdeskError):
    """A unit or a slot scan the wall does not take (no slot needs it, the wrong slot, a full slot …)."""

    code = "put_refused"


@dataclass(frozen=True)
class SlotView:
    slot_no: int
    order_no: str
    units_needed: int
    units_put: int
    status: str  # open, full

    @property
    def full(self) -> bool:
        return self.status == "full"


@dataclass(frozen=True)
class WallView:
    batch_code: str
    slots: tuple[SlotView, ...]

    @property
    def units_left(self) -> int:
        return sum(s.units_needed - s.units_put for s in self.slots)


@dataclass(frozen=True)
class LitSlot:
    """Where the scanned unit goes: the slot to light, for which order, and which product."""

    slot_no: int
    order_no: str
    gtin: str
    product_name: str
    product_name_zh: str


@dataclass(frozen=True)
class PutOutcome:
    slot_no: int
    order_no: str
    units_put: int
    units_needed: int
    full: bool
    replayed: bool = False


def slot_label(slot_no: int) -> str:
    """The barcode on a slot of the wall."""
    return f"WALL-{slot_no:02d}"


def parse_slot(raw: str) -> int | None:
    m = SLOT_LABEL.match(raw.strip().upper())
    return int(m.group(1)) if m else None


def _batch(uow: UnitOfWork, code: str) -> models.PickBatch:
    batch = uow.session.scalar(select(models.PickBatch).where(models.PickBatch.code == code.strip())
                               .options(selectinload(models.PickBatch.wave)))
    if batch is None:
        raise NotFound(f"No pick batch {code}.", f"没有拣货批次 {code}。")
    if batch.wave is None or batch.wave.kind != "put_wall":
        raise PutRefused(f"Batch {batch.code} is not a put-wall cart.", f"批次 {batch.code} 不是播种墙批次。")
    if batch.status != BatchStatus.DONE.value:
        raise PutRefused(f"Batch {batch.code} is still being picked ({batch.status}).",
                         f"批次 {batch.code} 仍在拣货中（{batch.status}）。")
    return batch


def _slots(uow: UnitOfWork, batch_id: int) -> list[models.PutWallSlot]:
    return list(uow.session.scalars(select(models.PutWallSlot).where(models.PutWallSlot.batch_id == batch_id)
                                    .order_by(models.PutWallSlot.slot_no)
                                    .options(selectinload(models.PutWallSlot.order))).all())


def _view(batch: models.PickBatch, slots: list[models.PutWallSlot]) -> WallView:
    return WallView(batch.code, tuple(SlotView(s.slot_no, s.order.order_no, s.units_needed, s.units_put, s.status)
                                      for s in slots))


def open_wall(uow: UnitOfWork, batch_code: str) -> WallView:
    """The wall of a picked put-wall cart: every slot, its order and how full it is. Reads only."""
    require_role(uow.actor.role, Role.PACKER)
    batch = _batch(uow, batch_code)
    return _view(batch, _slots(uow, batch.id))


def _needs(uow: UnitOfWork, batch_id: int, gtin: str) -> list[tuple[models.PutWallSlot, models.OrderLine]]:
    """(slot, line) pairs of this product with units still to put, lowest slot first."""
    S, L, P = models.PutWallSlot, models.OrderLine, models.PutWallPut
    put = (select(P.order_line_id, func.count().label("n")).join(S, P.slot_id == S.id)
           .where(S.batch_id == batch_id).group_by(P.order_line_id).subquery())
    rows = uow.session.execute(
        select(S, L).join(L, L.order_id == S.order_id).join(models.Sku, L.sku_id == models.Sku.id)
        .outerjoin(put, put.c.order_line_id == L.id)
        .where(S.batch_id == batch_id, models.Sku.gtin == gtin, S.status == "open",
               func.coalesce(put.c.n, 0) < L.picked_qty)
        .order_by(S.slot_no, L.line_no)).all()
    return [(r[0], r[1]) for r in rows]


def _gtin(raw: str) -> str:
    try:
        scan = decode_scan(raw)
    except ScanRejected:
        scan = None
    if not isinstance(scan, ItemScan):
        raise PutRefused(f"{raw.strip()[:40]!r} is not a product barcode.", f"{raw.strip()[:40]!r} 不是商品条码。")
    return scan.gtin


def light_for_unit(uow: UnitOfWork, batch_code: str, scanned: str) -> LitSlot:
    """The slot the scanned unit goes into (the lowest that still needs the product). Reads only."""
    require_role(uow.actor.role, Role.PACKER)
    batch = _batch(uow, batch_code)
    gtin = _gtin(scanned)
    needs = _needs(uow, batch.id, gtin)
    if not needs:
        raise PutRefused(f"No slot of this wall needs {gtin}: put the unit aside for the supervisor.",
                         f"此播种墙没有格口需要 {gtin}：请将商品放在一边交给主管。")
    slot, line = needs[0]
    return LitSlot(slot.slot_no, slot.order.order_no, gtin, line.sku.name, line.sku.name_zh)


def confirm_put(uow: UnitOfWork, batch_code: str, scanned_unit: str, scanned_slot: str, action_id: str) -> PutOutcome:
    """The unit went into the slot scanned: counted once (by action id); the slot is full when all are in."""
    require_role(uow.actor.role, Role.PACKER)
    S = models.PutWallSlot
    previous = uow.session.scalar(select(models.PutWallPut).where(models.PutWallPut.action_id == action_id))
    if previous is not None:
        s = previous.slot
        return PutOutcome(s.slot_no, s.order.order_no, s.units_put, s.units_needed, s.status == "full", replayed=True)
    batch = _batch(uow, batch_code)
    slot_no = parse_slot(scanned_slot)
    if slot_no is None:
        raise PutRefused(f"{scanned_slot.strip()[:40]!r} is not a slot label (WALL-07).",
                         f"{scanned_slot.strip()[:40]!r} 不是格口标签（WALL-07）。")
    gtin = _gtin(scanned_unit)
    needs = [(s, ln) for s, ln in _needs(uow, batch.id, gtin) if s.slot_no == slot_no]
    if not needs:
        lit = _needs(uow, batch.id, gtin)
        where = f" It goes into {slot_label(lit[0][0].slot_no)}." if lit else ""
        where_zh = f"应放入 {slot_label(lit[0][0].slot_no)}。" if lit else ""
        raise PutRefused(f"Slot {slot_label(slot_no)} does not need {gtin}.{where}",
                         f"格口 {slot_label(slot_no)} 不需要 {gtin}。{where_zh}")
    slot, line = needs[0]
    done = uow.session.execute(update(S).where(S.id == slot.id, S.units_put < S.units_needed)
                               .values(units_put=S.units_put + 1).execution_options(synchronize_session=False)).rowcount
    if not done:
        raise PutRefused(f"Slot {slot_label(slot_no)} is already full.", f"格口 {slot_label(slot_no)} 已满。")
    uow.session.add(models.PutWallPut(action_id=action_id, slot_id=slot.id, order_line_id=line.id,
                                      user_id=uow.actor.user_id))
    uow.session.flush()
    uow.session.refresh(slot)
    full = slot.units_put == slot.units_needed
    if full:
        slot.status, slot.full_at = "full", utcnow()
        uow.audit("put_wall_slot_full", "order", slot.order.order_no, batch=batch.code, slot=slot_no)
        # The order is ready to pack: the bench (and the console) hear it as any picked order.
        uow.announce(OrderStatusChanged(order_no=slot.order.order_no, status=slot.order.status))
    uow.audit("put_wall_put", "put_wall_slot", slot.id, batch=batch.code, slot=slot_no, gtin=gtin, action_id=action_id)
    outcome = PutOutcome(slot_no, slot.order.order_no, slot.units_put, slot.units_needed, full)
    uow.commit()
    return outcome


# ─── single-SKU carts: scan to print ───────────────────────────────────────────


def next_single_sku_order(uow: UnitOfWork, batch_code: str, scanned_unit: str) -> str:
    """The next order of a picked single-SKU cart that this unit fills: the bench opens it and prints.

    Every order of such a cart is one unit of one product, so any unit of the product packs the
    oldest order still waiting (the first picked); its label may have been printed beforehand.
    """
    require_role(uow.actor.role, Role.PACKER)
    batch = uow.session.scalar(select(models.PickBatch).where(models.PickBatch.code == batch_code.strip())
                               .options(selectinload(models.PickBatch.wave)))
    if batch is None:
        raise NotFound(f"No pick batch {batch_code}.", f"没有拣货批次 {batch_code}。")
    if batch.wave is None or batch.wave.kind != "single_sku":
        raise PutRefused(f"Batch {batch.code} is not a single-SKU cart.", f"批次 {batch.code} 不是单品批次。")
    gtin = _gtin(scanned_unit)
    L, T, O = models.OrderLine, models.PickTask, models.Order
    order_no = uow.session.scalar(
        select(O.order_no).join(L, L.order_id == O.id).join(T, T.order_line_id == L.id)
        .join(models.Sku, L.sku_id == models.Sku.id)
        .where(T.batch_id == batch.id, models.Sku.gtin == gtin, O.status == "picked", L.packed_qty < L.qty)
        .order_by(T.picked_at, O.id).limit(1))
    if order_no is None:
        raise PutRefused(f"No order of cart {batch.code} waits for {gtin}.", f"批次 {batch.code} 中没有等待 {gtin} 的订单。")
    return order_no
