"""Put-away: units received at the dock go into bins, and bin-to-bin moves — PUTAWAY / MOVE movements.

`suggest_bin` proposes where a SKU's lot should go: a bin already holding the same SKU and lot
first (a pick face before reserve), then an empty bin of the right kind nearest the SKU's pick face
(or the depot when it has none) — a pick bin while the pick faces hold less than the SKU's
low-stock threshold, a reserve bin otherwise — and never a bin holding another expiry of a
lot-tracked SKU (`put_away` refuses that bin when it is scanned).
Distances are walking distances on the warehouse's grid (|dx| + |dy| in metres of the layout).

When the units land on a pick face, orders backordered for the SKU go through intake's stock gate
again (`desktop.services.intake.release_backordered`) in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, or_, select

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.events import StockPutAway
from desktop.domain.roles import Role, require_role
from desktop.domain.stock import MovementKind
from desktop.services.landing import stock_landed
from desktop.services.stock import move_stock

SHELVES = ("pick", "reserve")  # where units may be put away to
SOURCES = ("dock", "pick", "reserve", "returns")


class PutAwayRefused(PickdeskError):
    code = "putaway_refused"


@dataclass(frozen=True)
class Waiting:
    """Units at a dock waiting to be put away, and the bin Pickdesk suggests for them."""

    location: str
    sku: str
    gtin: str
    name: str
    name_zh: str
    lot: str | None
    expiry: date | None
    qty: int
    suggested: str | None


@dataclass(frozen=True)
class PutAwayDone:
    sku: str
    lot: str | None
    qty: int
    source: str
    target: str
    released: tuple[str, ...]  # backordered orders that became ready


def _location(uow: UnitOfWork, code: str, warehouse_id: int | None = None) -> models.Location:
    code = code.strip()
    if code.upper().startswith("LOC-"):
        code = code[4:]
    q = select(models.Location).where(models.Location.code == code)
    if warehouse_id is not None:
        q = q.where(models.Location.warehouse_id == warehouse_id)
    loc = uow.session.scalar(q)
    if loc is None:
        raise NotFound(f"There is no location {code!r}.", f"没有库位 {code!r}。")
    return loc


def _sku(uow: UnitOfWork, text: str) -> models.Sku:
    text = text.strip()
    K = models.Sku
    q = select(K).where(K.gtin == text.zfill(14)) if text.isascii() and text.isdigit() else select(K).where(K.sku_code == text)
    sku = uow.session.scalars(q).first()
    if sku is None:
        raise NotFound(f"There is no SKU {text!r}.", f"没有商品 {text!r}。")
    return sku


def _distance(a: models.Location, b_x: float, b_y: float) -> float:
    return abs(a.x - b_x) + abs(a.y - b_y)


def mixes_expiry(uow: UnitOfWork, location_id: int, sku: models.Sku, lot_id: int | None) -> bool:
    """Would this lot lie in the bin next to another expiry of the same lot-tracked SKU?"""
    if not sku.lot_tracked:
        return False
    S, Lo = models.Stock, models.Lot
    mine = uow.session.get(Lo, lot_id) if lot_id else None
    q = (select(Lo.expiry).select_from(S).join(Lo, S.lot_id == Lo.id)
         .where(S.location_id == location_id, S.sku_id == sku.id, S.on_hand > 0))
    expiries = set(uow.session.scalars(q))
    return bool(expiries - {mine.expiry if mine else None})


def suggest_bin(uow: UnitOfWork, sku: models.Sku, lot_id: int | None, warehouse_id: int) -> models.Location | None:
    S, L = models.Stock, models.Location
    faces = uow.session.scalars(select(L).join(S, S.location_id == L.id)
                                .where(S.sku_id == sku.id, L.warehouse_id == warehouse_id, L.kind == "pick",
                                       L.active.is_(True)).order_by(L.code)).all()
    wh = uow.session.get(models.Warehouse, warehouse_id)
    depot_x = float((wh.layout or {}).get("depot_x", 0.0)) if wh else 0.0
    near = (faces[0].x, faces[0].y) if faces else (depot_x, 0.0)
    same_lot = S.lot_id.is_(None) if lot_id is None else S.lot_id == lot_id
    holding = uow.session.scalars(select(L).join(S, S.location_id == L.id)
                                  .where(S.sku_id == sku.id, same_lot, S.on_hand > 0, L.warehouse_id == warehouse_id,
                                         L.kind.in_(SHELVES), L.active.is_(True))).all()
    holding = [loc for loc in holding if not mixes_expiry(uow, loc.id, sku, lot_id)]
    if holding:
        return min(holding, key=lambda loc: (loc.kind != "pick", _distance(loc, *near), loc.code))
    occupied = exists().where(S.location_id == L.id, or_(S.on_hand > 0, S.reserved > 0))
    # the right kind: a pick bin while the pick faces run under the SKU's threshold (or it has none), else reserve
    from desktop.services.replenishment import available_in_pick

    face_short = not faces or available_in_pick(uow, sku.id, warehouse_id) < max(sku.low_stock_threshold, 1)
    kinds = ["pick", "reserve"] if face_short else ["reserve", "pick"]
    for kind in kinds:
        # the nearest empty bins by the grid distance, worked out in SQL on the bins of that kind
        dist = func.abs(L.x - near[0]) + func.abs(L.y - near[1])
        loc = uow.session.scalars(select(L).where(L.warehouse_id == warehouse_id, L.kind == kind, L.active.is_(True),
                                                  ~occupied).order_by(dist, L.code).limit(1)).first()
        if loc is not None:
            return loc
    return None


def waiting_at_dock(uow: UnitOfWork, warehouse: str | None = None) -> list[Waiting]:
    S, L, K, Lo, W = models.Stock, models.Location, models.Sku, models.Lot, models.Warehouse
    q = (select(S, L, K, Lo).join(L, S.location_id == L.id).join(K, S.sku_id == K.id).outerjoin(Lo, S.lot_id == Lo.id)
         .join(W, L.warehouse_id == W.id).where(L.kind == "dock", S.on_hand > S.reserved)
         .order_by(L.code, K.sku_code, Lo.expiry))
    if warehouse:
        q = q.where(W.code == warehouse)
    out = []
    for st, loc, sku, lot in uow.session.execute(q):
        bin_ = suggest_bin(uow, sku, st.lot_id, loc.warehouse_id)
        out.append(Waiting(loc.code, sku.sku_code, sku.gtin, sku.name, sku.name_zh or "", lot.lot_code if lot else None,
                           lot.expiry if lot else None, st.on_hand - st.reserved, bin_.code if bin_ else None))
    return out


def put_away(uow: UnitOfWork, *, sku: str, lot: str | None = None, qty: int | None = None, source: str | None = None,
             target: str | None = None) -> PutAwayDone:
    """Move units of a SKU (and lot) from the dock — or `source` — into `target` (default: the suggested bin).

    From a dock it is a PUTAWAY, bin to bin a MOVE; both are two ledger rows. Refused, changing
    nothing: a target that is no shelf, or that holds another expiry of a lot-tracked SKU; more
    units than lie free at the source."""
    require_role(uow.actor.role, Role.RECEIVER)
    item = _sku(uow, sku)
    S, L, Lo = models.Stock, models.Location, models.Lot
    lot_id: int | None = None
    if lot:
        lot_id = uow.session.scalar(select(Lo.id).where(Lo.sku_id == item.id, Lo.lot_code == lot.strip()))
        if lot_id is None:
            raise NotFound(f"{item.sku_code} has no lot {lot!r}.", f"{item.sku_code} 没有批号 {lot!r}。")
    same_lot = S.lot_id.is_(None) if lot_id is None and not item.lot_tracked else (
        S.lot_id == lot_id if lot_id is not None else S.lot_id.is_not(None))
    if source:
        src = _location(uow, source)
    else:
        src = uow.session.scalars(select(L).join(S, S.location_id == L.id)
                                  .where(S.sku_id == item.id, same_lot, L.kind == "dock", S.on_hand > S.reserved)
                                  .order_by(L.code)).first()
        if src is None:
            raise PutAwayRefused(f"No {item.sku_code} waits at a dock.", f"收货区没有待上架的 {item.sku_code}。")
    if src.kind not in SOURCES:
        raise PutAwayRefused(f"{src.code} is a {src.kind} location: units there are not put away from it.",
                             f"{src.code} 是{src.kind}库位，不能从这里上架。")
    rows = uow.session.scalars(select(S).where(S.location_id == src.id, S.sku_id == item.id, same_lot,
                                               S.on_hand > S.reserved).order_by(S.id)).all()
    if not rows:
        raise PutAwayRefused(f"{src.code} holds no free {item.sku_code}" + (f" of lot {lot}." if lot else "."),
                             f"{src.code} 没有可移动的 {item.sku_code}" + (f"（批号 {lot}）。" if lot else "。"))
    if lot_id is None and len({r.lot_id for r in rows}) > 1:
        raise PutAwayRefused(f"{src.code} holds several lots of {item.sku_code}: say which (--lot).",
                             f"{src.code} 存有 {item.sku_code} 的多个批号：请指定批号。")
    row = rows[0]
    lot_id = row.lot_id
    free = row.on_hand - row.reserved
    units = free if qty is None else qty
    if units < 1 or units > free:
        raise PutAwayRefused(f"{src.code} holds {free} free units of {item.sku_code}, not {units}.",
                             f"{src.code} 只有 {free} 件可移动的 {item.sku_code}，不是 {units} 件。")
    dst = _location(uow, target, src.warehouse_id) if target else suggest_bin(uow, item, lot_id, src.warehouse_id)
    if dst is None:
        raise PutAwayRefused("No empty bin is left for these units: scan a bin.", "没有可用的空库位：请扫描一个库位。")
    if dst.kind not in SHELVES or not dst.active:
        raise PutAwayRefused(f"{dst.code} is a {dst.kind} location, not a bin to put away to.",
                             f"{dst.code} 是{dst.kind}库位，不能上架到这里。")
    if dst.id == src.id:
        raise PutAwayRefused(f"The units are in {dst.code} already.", f"商品已在 {dst.code}。")
    if mixes_expiry(uow, dst.id, item, lot_id):
        raise PutAwayRefused(f"{dst.code} holds {item.sku_code} of another expiry: lots of two expiries never share a bin.",
                             f"{dst.code} 存有其他有效期的 {item.sku_code}：不同有效期的批次不能混放。")
    kind = MovementKind.PUTAWAY if src.kind == "dock" else MovementKind.MOVE
    lot_code = uow.session.get(Lo, lot_id).lot_code if lot_id else None
    move_stock(uow, from_location_id=src.id, to_location_id=dst.id, sku_id=item.id, lot_id=lot_id, qty=units,
               kind=kind, ref=f"{src.code}>{dst.code}"[:64])
    # A second receiver may have put another expiry into the empty bin meanwhile (PostgreSQL: the
    # advisory lock of change_on_hand made them wait; now both rows are visible): checked again.
    if mixes_expiry(uow, dst.id, item, lot_id):
        raise PutAwayRefused(f"{dst.code} now holds {item.sku_code} of another expiry: choose another bin.",
                             f"{dst.code} 现已存有其他有效期的 {item.sku_code}：请选择其他库位。")
    released: list[str] = []
    if dst.kind == "pick":
        released = stock_landed(uow, item.id, dst)  # backorders, and orders awaiting a transfer
    uow.audit("stock_put_away" if kind is MovementKind.PUTAWAY else "stock_moved", "stock", dst.code,
              sku=item.sku_code, lot=lot_code, qty=units, source=src.code, released=released)
    uow.announce(StockPutAway(sku=item.sku_code, location=dst.code, qty=units, from_location=src.code))
    uow.commit()
    return PutAwayDone(item.sku_code, lot_code, units, src.code, dst.code, tuple(released))
