"""Transfers between warehouses: a supervisor asks, the sending warehouse picks and sends, the receiver receives.

1. `request_transfer` (supervisor; from a short-pick exception's "transfer" decision, an intake
   backorder, or `pickdesk transfer request`): for each missing line, the first other active
   warehouse whose pick and reserve bins hold the units gets a `stock_transfers` row (requested). The
   order waits, held "awaiting transfer …", instead of being cancelled.
2. The sending warehouse's receiver walks it stop by stop (`start_walk` / `take_stop` /
   `finish_transfer`, the receiver station's "Transfers out" tab; `walk_file` for a batch scanner's
   upload, `pickdesk transfer pick TRF --scans FILE`), or a receiver or picker sends it whole in one go
   (`pick_transfer`): a pick batch of kind "transfer" takes the units earliest-expiry-first from that
   warehouse's bins (TRANSFER_OUT movements), an inbound notice (ASN) answering the transfer is written
   for the receiving warehouse, and a transfer label (`printing.transfer_label`) goes with the goods.
   The transfer is in transit; a walk ended short leaves a new request for the rest.
3. The receiving warehouse receives the notice like any other (`desktop.services.inbound`); closing
   it marks the transfer received, and when the units land on a pick face the waiting order runs its
   stock gate again (`desktop.services.landing`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.lifecycle import BatchStatus, HoldReason, OrderStatus
from desktop.domain.roles import Role, require_role
from desktop.domain.stock import MovementKind
from desktop.domain.transfer_pick import Take, TransferPick, WalkBin
from desktop.services.landing import AWAITING_TRANSFER
from desktop.services.orders import change_status
from desktop.services.stock import change_on_hand, release_line
from printing.queue import PrintQueue
from printing.transfer_label import TransferLabel, TransferLine, layout_transfer_label, render_transfer_label_pdf
from printing.transports import PrinterSettings

TRANSFER_PREFIX = "TRF-"


def transfer_code(transfer_id: int) -> str:
    return f"{TRANSFER_PREFIX}{transfer_id:06d}"


def asn_of(transfer_id: int) -> str:
    return f"ASN-{transfer_code(transfer_id)}"


class TransferRefused(PickdeskError):
    code = "transfer_refused"


def parse_transfer_code(text: str) -> int:
    raw = text.strip().upper()
    if raw.startswith(TRANSFER_PREFIX):
        raw = raw[len(TRANSFER_PREFIX):]
    if not raw.isdigit() or len(raw) > 9:
        raise TransferRefused(f"{text!r} is not a transfer number (TRF-000123).", f"{text!r} 不是调拨单号（TRF-000123）。")
    return int(raw)


@dataclass(frozen=True)
class TransferRow:
    id: int
    code: str
    status: str
    from_warehouse: str
    to_warehouse: str
    sku: str
    qty: int
    order_no: str | None
    asn_no: str | None
    created_at: datetime
    name: str = ""
    name_zh: str = ""


def _row(uow: UnitOfWork, t: models.StockTransfer) -> TransferRow:
    order = uow.session.get(models.Order, t.order_id) if t.order_id else None
    return TransferRow(t.id, transfer_code(t.id), t.status, t.from_warehouse.code, t.to_warehouse.code, t.sku.sku_code,
                       t.qty, order.order_no if order else None,
                       asn_of(t.id) if t.status in ("in_transit", "received") else None, t.created_at,
                       t.sku.name, t.sku.name_zh or "")


def list_transfers(uow: UnitOfWork, *, status: str | None = None, oldest_first: bool = False,
                   limit: int = 200) -> list[TransferRow]:
    """Transfers, newest first (`oldest_first`: the sending warehouse's worklist, first asked first sent)."""
    T = models.StockTransfer
    order = (T.created_at, T.id) if oldest_first else (T.created_at.desc(), T.id.desc())
    q = select(T).order_by(*order).limit(limit)
    if status:
        q = q.where(T.status == status)
    return [_row(uow, t) for t in uow.session.scalars(q)]


# ─── asking ─────────────────────────────────────────────────────────────────────


def sendable(uow: UnitOfWork, sku_id: int, warehouse_id: int, today: date) -> int:
    """Units of a SKU a warehouse could send: unreserved, in pick or reserve bins, not expired."""
    S, L, Lo = models.Stock, models.Location, models.Lot
    q = (select(func.coalesce(func.sum(S.on_hand - S.reserved), 0)).select_from(S).join(L, S.location_id == L.id)
         .outerjoin(Lo, S.lot_id == Lo.id)
         .where(S.sku_id == sku_id, L.warehouse_id == warehouse_id, L.kind.in_(("pick", "reserve")))
         .where(or_(S.lot_id.is_(None), Lo.expiry.is_(None), Lo.expiry > today)))
    return int(uow.session.scalar(q) or 0)


def _source(uow: UnitOfWork, sku: models.Sku, qty: int, to_wh: int, named: str | None, today: date) -> models.Warehouse:
    W = models.Warehouse
    q = select(W).where(W.id != to_wh, W.active.is_(True)).order_by(W.id)
    if named:
        q = q.where(W.code == named)
    for wh in uow.session.scalars(q):
        if sendable(uow, sku.id, wh.id, today) >= qty:
            return wh
    where = named or "any other warehouse"
    raise TransferRefused(f"{where} does not hold {qty} of {sku.sku_code}: choose wait or refund.",
                          f"{named or '其他仓库'}没有 {qty} 件 {sku.sku_code}：请选择等待或退款。")


def make_transfers(uow: UnitOfWork, order: models.Order, lines: list[tuple[models.OrderLine, int]], reason: str, *,
                   from_warehouse: str | None = None, now: datetime | None = None) -> list[models.StockTransfer]:
    """One transfer per missing line; the order is held awaiting them. The caller commits."""
    from desktop.services import intake

    now = now or utcnow()
    to_wh = order.warehouse_id or intake.warehouse_for(uow, order).id
    made = []
    for line, qty in lines:
        source = _source(uow, line.sku, qty, to_wh, from_warehouse, now.date())
        t = models.StockTransfer(sku_id=line.sku_id, from_warehouse_id=source.id, to_warehouse_id=to_wh, qty=qty,
                                 order_id=order.id, requested_by=uow.actor.user_id)
        uow.session.add(t)
        uow.session.flush()
        made.append(t)
        uow.audit("transfer_requested", "stock_transfer", transfer_code(t.id), order=order.order_no,
                  sku=line.sku.sku_code, qty=qty, from_warehouse=source.code, reason=reason)
        uow.announce("stock", transfer_code(t.id), event="transfer_requested", sku=line.sku.sku_code, qty=qty)
    codes = ", ".join(transfer_code(t.id) for t in made)
    detail = f"{AWAITING_TRANSFER} {codes}: {reason}"[:300]
    status = OrderStatus(order.status)
    if status in (OrderStatus.READY, OrderStatus.BACKORDERED, OrderStatus.PICKING, OrderStatus.RECEIVED):
        for ln in order.lines:
            if ln.reservations:
                release_line(uow, ln)
        if status is OrderStatus.PICKING:
            line_ids = [ln.id for ln in order.lines]
            for task in uow.session.scalars(select(models.PickTask).where(models.PickTask.order_line_id.in_(line_ids),
                                                                          models.PickTask.status == "open")):
                task.status = "skipped"
        change_status(uow, order, OrderStatus.HELD, hold_reason=HoldReason.SHORTAGE, reason=detail, at=now)
    elif status is OrderStatus.HELD:
        for ln in order.lines:
            if ln.reservations:
                release_line(uow, ln)
    else:
        raise TransferRefused(f"Order {order.order_no} is {status.value}: nothing to transfer for.",
                              f"订单 {order.order_no} 当前为「{status.label_zh}」：无需调拨。")
    order.hold_reason, order.hold_detail = HoldReason.SHORTAGE.value, detail
    return made


def request_transfer(uow: UnitOfWork, order_no: str, reason: str, *, sku: str | None = None, qty: int | None = None,
                     from_warehouse: str | None = None, now: datetime | None = None) -> list[TransferRow]:
    """The supervisor asks another warehouse for an order's missing units (`pickdesk transfer request`)."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    from desktop.services.supervision.common import _order, _reason

    reason = _reason(reason)
    order = _order(uow, order_no)
    if sku is not None:
        line = next((ln for ln in order.lines if ln.sku.sku_code == sku or ln.sku.gtin == sku.zfill(14)), None)
        if line is None:
            raise NotFound(f"Order {order_no} has no line of {sku}.", f"订单 {order_no} 没有 {sku} 的明细。")
        lines = [(line, qty or line.qty)]
    else:
        lines = [(ln, ln.short_qty or (ln.qty - ln.picked_qty)) for ln in order.lines
                 if not ln.reservations and ln.qty > ln.picked_qty]
        if not lines:
            raise TransferRefused(f"Order {order_no} misses nothing: name --sku and --qty.",
                                  f"订单 {order_no} 没有缺货明细：请指定 --sku 和 --qty。")
    made = make_transfers(uow, order, lines, reason, from_warehouse=from_warehouse, now=now)
    rows = [_row(uow, t) for t in made]
    uow.commit()
    return rows


# ─── sending ────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class TransferPicked:
    code: str
    batch: str
    asn_no: str
    qty: int
    to_warehouse: str
    taken: tuple[tuple[str, str | None, date | None, int], ...]  # location, lot, expiry, qty
    label: TransferLabel
    rest: str | None = None  # ended short: the new request keeping the rest
    rest_qty: int = 0


def _fefo_query(uow: UnitOfWork, t: models.StockTransfer, today: date):  # noqa: ANN202
    """The sending warehouse's bins holding free, unexpired units of the transfer: earliest expiry first,
    reserve before pick face (the face keeps serving orders), then by code."""
    S, L, Lo = models.Stock, models.Location, models.Lot
    q = (select(S).join(L, S.location_id == L.id).outerjoin(Lo, S.lot_id == Lo.id)
         .where(S.sku_id == t.sku_id, L.warehouse_id == t.from_warehouse_id, L.kind.in_(("pick", "reserve")),
                S.on_hand > S.reserved)
         .where(or_(S.lot_id.is_(None), Lo.expiry.is_(None), Lo.expiry > today))
         .order_by(Lo.expiry.is_(None), Lo.expiry, (L.kind == "pick"), L.code))
    if t.lot_id is not None:
        q = q.where(S.lot_id == t.lot_id)
    return q


def _take_fefo(uow: UnitOfWork, t: models.StockTransfer, ref: str, today: date) -> list[tuple[models.Stock, int]]:
    q = _fefo_query(uow, t, today)
    if uow.db.backend == "postgresql":
        q = q.with_for_update(of=models.Stock)
    need = t.qty
    taken = []
    for st in uow.session.scalars(q):
        if need == 0:
            break
        n = min(need, st.on_hand - st.reserved)
        change_on_hand(uow, location_id=st.location_id, sku_id=st.sku_id, lot_id=st.lot_id, delta=-n,
                       kind=MovementKind.TRANSFER_OUT, ref=ref)
        taken.append((st, n))
        need -= n
    if need:
        raise TransferRefused(f"{t.from_warehouse.code} no longer holds {t.qty} of {t.sku.sku_code} ({t.qty - need} found).",
                              f"{t.from_warehouse.code} 已没有 {t.qty} 件 {t.sku.sku_code}（仅 {t.qty - need} 件）。")
    return taken


# Who sends: the sending warehouse's inventory clerk (the receiver) walks it at the receiver station
# ("Transfers out") or by a batch scanner's upload, and may end it short (a new request keeps the rest: the
# receiver's grants allow exactly that). A picker (or a script, `pickdesk transfer pick`) may only send it in
# one go, whole.
SENDERS = (Role.RECEIVER, Role.PICKER)
WALKERS = (Role.RECEIVER,)


def _requested(uow: UnitOfWork, transfer_id: int) -> models.StockTransfer:
    T = models.StockTransfer
    q = select(T).where(T.id == transfer_id)
    if uow.db.backend == "postgresql":
        q = q.with_for_update()
    t = uow.session.scalar(q)
    code = transfer_code(transfer_id)
    if t is None:
        raise NotFound(f"No transfer {code}.", f"没有调拨单 {code}。")
    if t.status != "requested":
        raise TransferRefused(f"Transfer {code} is {t.status}: only a requested one is picked.",
                              f"调拨单 {code} 当前为「{t.status}」：只能拣选待处理的调拨单。")
    return t


def _batch(uow: UnitOfWork, t: models.StockTransfer, now: datetime, status: BatchStatus) -> models.PickBatch:
    if t.batch_id is not None:
        return uow.session.get(models.PickBatch, t.batch_id)
    batch = models.PickBatch(code=transfer_code(t.id), warehouse_id=t.from_warehouse_id, picker_id=uow.actor.user_id,
                             kind="transfer", status=status.value, created_at=now, started_at=now)
    uow.session.add(batch)
    uow.session.flush()
    t.batch_id = batch.id
    return batch


def pick_transfer(uow: UnitOfWork, transfer_id: int, *, now: datetime | None = None) -> TransferPicked:
    """The sending warehouse picks the transfer in one go (scripts), sends it with a notice and a label."""
    require_role(uow.actor.role, *SENDERS)
    now = now or utcnow()
    t = _requested(uow, transfer_id)
    if t.batch_id is not None:
        code = transfer_code(transfer_id)
        raise TransferRefused(f"Transfer {code} is being walked at a station: finish it there.",
                              f"调拨单 {code} 正在工作站拣选：请在那里完成。")
    _batch(uow, t, now, BatchStatus.PICKING)
    _take_fefo(uow, t, transfer_code(t.id), now.date())
    picked = _send(uow, t, now)
    uow.commit()
    return picked


def _taken(uow: UnitOfWork, t: models.StockTransfer) -> list[tuple[models.Location, models.Lot | None, int]]:
    """What the transfer's TRANSFER_OUT movements took, per bin and lot, in the order taken."""
    M = models.StockMovement
    rows = uow.session.execute(select(M.location_id, M.lot_id, func.sum(M.delta), func.min(M.id))
                               .where(M.ref == transfer_code(t.id), M.kind == MovementKind.TRANSFER_OUT.value)
                               .group_by(M.location_id, M.lot_id).order_by(func.min(M.id))).all()
    return [(uow.session.get(models.Location, loc), uow.session.get(models.Lot, lot) if lot else None, -int(n))
            for loc, lot, n, _ in rows if n]


def _send(uow: UnitOfWork, t: models.StockTransfer, now: datetime) -> TransferPicked:
    """What was taken leaves: the batch is done, the ASN written, the transfer in transit, the label made."""
    code = transfer_code(t.id)
    taken = _taken(uow, t)
    total = sum(n for _, _, n in taken)
    rest = None
    if total < t.qty:  # ended short: a new request keeps the rest, for the same order
        rest = models.StockTransfer(sku_id=t.sku_id, lot_id=t.lot_id, from_warehouse_id=t.from_warehouse_id,
                                    to_warehouse_id=t.to_warehouse_id, qty=t.qty - total, order_id=t.order_id,
                                    requested_by=t.requested_by, created_at=now)
        uow.session.add(rest)
        uow.session.flush()
        uow.audit("transfer_requested", "stock_transfer", transfer_code(rest.id), rest_of=code, qty=rest.qty,
                  sku=t.sku.sku_code, from_warehouse=t.from_warehouse.code, reason="sent short")
        if t.order_id is not None:
            order = uow.session.get(models.Order, t.order_id)
            if order.hold_detail and order.hold_detail.startswith(AWAITING_TRANSFER):
                order.hold_detail = order.hold_detail.replace(code, f"{code}, {transfer_code(rest.id)}", 1)[:300]
        t.qty = total
    batch = _batch(uow, t, now, BatchStatus.PICKING)
    batch.status, batch.finished_at = BatchStatus.DONE.value, now
    t.status, t.shipped_at = "in_transit", now
    by_lot: dict[int | None, int] = {}
    lots: dict[int | None, models.Lot | None] = {}
    for _loc, lot, n in taken:
        key = lot.id if lot else None
        by_lot[key] = by_lot.get(key, 0) + n
        lots[key] = lot
    asn = asn_of(t.id)
    write_notice(uow, t, asn, [(lots[k], n) for k, n in by_lot.items()], now)
    order = uow.session.get(models.Order, t.order_id) if t.order_id else None
    label = TransferLabel(transfer_no=code, asn_no=asn, from_warehouse=t.from_warehouse.code,
                          to_warehouse=t.to_warehouse.code, sku=t.sku.sku_code, gtin=t.sku.gtin, name=t.sku.name,
                          lines=tuple(TransferLine(lot.lot_code if lot else None, lot.expiry if lot else None, n)
                                      for lot, n in ((lots[k], v) for k, v in by_lot.items())),
                          ship_date=now.date(), order_no=order.order_no if order else None)
    uow.audit("transfer_picked", "stock_transfer", code, batch=code, asn=asn, qty=t.qty,
              rest=transfer_code(rest.id) if rest else None,
              taken=[{"location": loc.code, "lot": lot.lot_code if lot else None, "qty": n} for loc, lot, n in taken])
    uow.announce("stock", code, event="transfer_sent", sku=t.sku.sku_code, qty=t.qty)
    return TransferPicked(code, batch.code, asn, t.qty, t.to_warehouse.code,
                          tuple((loc.code, lot.lot_code if lot else None, lot.expiry if lot else None, n)
                                for loc, lot, n in taken), label,
                          rest=transfer_code(rest.id) if rest else None, rest_qty=rest.qty if rest else 0)


# ─── the walk, stop by stop (desktop.domain.transfer_pick) ──────────────────────


def start_walk(uow: UnitOfWork, transfer_code_text: str, *, today: date | None = None) -> TransferPick:
    """The plan of a requested transfer as a walk (nothing moves yet); a walk begun before goes on."""
    require_role(uow.actor.role, *WALKERS)
    today = today or utcnow().date()
    t = _requested(uow, parse_transfer_code(transfer_code_text))
    done = [Take(loc.code, lot.lot_code if lot else None, n) for loc, lot, n in _taken(uow, t)]
    bins = [WalkBin(st.location.code, st.lot.lot_code if st.lot else None, st.lot.expiry if st.lot else None,
                    st.on_hand - st.reserved) for st in uow.session.scalars(_fefo_query(uow, t, today))]
    walk = TransferPick(t.id, transfer_code(t.id), t.sku.sku_code, t.sku.gtin, bool(t.sku.lot_tracked), t.qty,
                        t.from_warehouse.code, t.to_warehouse.code, bins, today, taken=done)
    uow.session.rollback()  # only read: the row lock taken by _requested is let go
    return walk


def take_stop(uow: UnitOfWork, transfer_id: int, *, location: str, lot: str | None, qty: int,
              today: date | None = None, now: datetime | None = None) -> int:
    """One stop of the walk: `qty` units of the transfer's SKU (and lot) leave `location` (TRANSFER_OUT).

    Checked again here: the bin is the sending warehouse's pick or reserve bin, the lot is the SKU's and
    not expired, the bin holds the units free, and the transfer is not over-taken. Returns units still
    to take. Commits."""
    require_role(uow.actor.role, *WALKERS)
    now = now or utcnow()
    t = _requested(uow, transfer_id)
    left = _take_stop(uow, t, location=location, lot=lot, qty=qty, today=today or now.date(), now=now)
    uow.commit()
    return left


def _take_stop(uow: UnitOfWork, t: models.StockTransfer, *, location: str, lot: str | None, qty: int,
               today: date, now: datetime) -> int:
    code = transfer_code(t.id)
    if qty < 0:
        raise TransferRefused("The units cannot be negative.", "数量不能为负数。")
    L, Lo, S = models.Location, models.Lot, models.Stock
    loc = uow.session.scalar(select(L).where(L.code == location, L.warehouse_id == t.from_warehouse_id,
                                             L.kind.in_(("pick", "reserve"))))
    if loc is None:
        raise TransferRefused(f"{location} is no pick or reserve bin of {t.from_warehouse.code}.",
                              f"{location} 不是 {t.from_warehouse.code} 的拣货位或存储位。")
    lot_row = None
    if lot is not None:
        lot_row = uow.session.scalar(select(Lo).where(Lo.sku_id == t.sku_id, Lo.lot_code == lot))
        if lot_row is None or (t.lot_id is not None and lot_row.id != t.lot_id):
            raise TransferRefused(f"Lot {lot} is not one of {t.sku.sku_code} this transfer sends.",
                                  f"批号 {lot} 不是本调拨单 {t.sku.sku_code} 的批号。")
        if lot_row.expiry is not None and lot_row.expiry <= today:
            raise TransferRefused(f"Lot {lot} expired on {lot_row.expiry.isoformat()}: never sent.",
                                  f"批号 {lot} 已于 {lot_row.expiry.isoformat()} 过期：不得发出。")
    already = sum(n for _, _, n in _taken(uow, t))
    if already + qty > t.qty:
        raise TransferRefused(f"{code} sends {t.qty}: {already} taken already, {qty} more is too many.",
                              f"{code} 共发 {t.qty} 件：已拣 {already} 件，再拣 {qty} 件超出。")
    if qty:
        q = select(S).where(S.location_id == loc.id, S.sku_id == t.sku_id,
                            S.lot_id.is_(None) if lot_row is None else S.lot_id == lot_row.id)
        if uow.db.backend == "postgresql":
            q = q.with_for_update()
        st = uow.session.scalar(q)
        free = (st.on_hand - st.reserved) if st else 0
        if free < qty:
            raise TransferRefused(f"{location} holds {free} free of {t.sku.sku_code}{' lot ' + lot if lot else ''}.",
                                  f"{location} 只有 {free} 件可用的 {t.sku.sku_code}{' 批号 ' + lot if lot else ''}。")
        _batch(uow, t, now, BatchStatus.PICKING)
        change_on_hand(uow, location_id=loc.id, sku_id=t.sku_id, lot_id=lot_row.id if lot_row else None, delta=-qty,
                       kind=MovementKind.TRANSFER_OUT, ref=code)
        uow.audit("transfer_stop", "stock_transfer", code, location=location, lot=lot, qty=qty)
    else:
        uow.audit("transfer_stop", "stock_transfer", code, location=location, lot=lot, qty=0, short=True)
    return t.qty - already - qty


class TransferScansRefused(PickdeskError):
    """A batch-scanner upload for a transfer with refused lines: nothing was taken. `refusals` lists each."""

    code = "transfer_scans_refused"

    def __init__(self, refusals: list) -> None:  # noqa: ANN001
        super().__init__(f"The scan file was refused ({len(refusals)} lines); nothing was taken.",
                         f"扫描文件被拒绝（{len(refusals)} 行），未拣货。")
        self.refusals = refusals

    def __str__(self) -> str:
        return self.message + " " + "; ".join(f"line {r.line_no}: {r.message}" for r in self.refusals[:20])


def walk_file(uow: UnitOfWork, transfer_code_text: str, path, *, end_short: bool = False,  # noqa: ANN001
              today: date | None = None, now: datetime | None = None) -> TransferPicked:
    """A batch scanner's upload of the walk (`pickdesk transfer pick TRF --scans FILE`, the format of
    `inbound receive --scans`): every line judged as at the shelf (`transfer_pick.walk_scan_lines`), then
    every stop saved and the transfer sent, in one commit. Any refused line — or units still missing
    without `end_short` — refuses the whole file: nothing moves."""
    from desktop.domain.receiving import FileRefusal, read_scan_lines
    from desktop.domain.transfer_pick import walk_scan_lines
    from desktop.formats import checks

    require_role(uow.actor.role, *WALKERS)
    now = now or utcnow()
    today = today or now.date()
    try:
        text = checks.decode_text(checks.read_bytes(path, max_bytes=4 * 1024 * 1024), path.name)
    except PickdeskError as exc:
        raise TransferScansRefused([FileRefusal(0, "file", exc.message, exc.message_zh)]) from None
    walk = start_walk(uow, transfer_code_text, today=today)
    scans, refused = read_scan_lines(text)
    walked, more = walk_scan_lines(walk, scans)
    refused += more
    if not scans and not refused:
        refused.append(FileRefusal(0, "empty", "The file holds no scan.", "文件中没有扫描记录。"))
    if walked.remaining and not end_short and not refused:
        refused.append(FileRefusal(scans[-1].line_no, "short",
                                   f"{walk.code}: {walked.remaining} units still to take, no bin left in the file. "
                                   "Scan them, or send what was taken with --end-short (a new request keeps the rest).",
                                   f"{walk.code}：还差 {walked.remaining} 件，文件中已无库位。请继续扫描，"
                                   "或用 --end-short 发出已拣部分（其余另建调拨申请）。"))
    if refused:
        raise TransferScansRefused(sorted(refused, key=lambda r: r.line_no))
    t = _requested(uow, walk.transfer_id)
    for take in walked.takes:
        _take_stop(uow, t, location=take.location, lot=take.lot, qty=take.qty, today=today, now=now)
    if not _taken(uow, t):
        raise TransferRefused(f"Nothing taken for {walk.code}: nothing to send.", f"{walk.code} 尚未拣货：无可发送。")
    picked = _send(uow, t, now)
    uow.commit()
    return picked


def finish_transfer(uow: UnitOfWork, transfer_id: int, *, now: datetime | None = None) -> TransferPicked:
    """The walk's end: what was taken leaves with its ASN (short: a new request keeps the rest). Commits."""
    require_role(uow.actor.role, *WALKERS)
    now = now or utcnow()
    t = _requested(uow, transfer_id)
    if not _taken(uow, t):
        code = transfer_code(transfer_id)
        raise TransferRefused(f"Nothing taken for {code} yet: nothing to send.", f"{code} 尚未拣货：无可发送。")
    picked = _send(uow, t, now)
    uow.commit()
    return picked


def transfer_label_document(label: TransferLabel, printer: PrinterSettings) -> tuple[bytes, str]:
    """The label in the station printer's format (PDF, or ZPL for a raw label printer)."""
    if printer.format == "cainiao":
        raise TransferRefused("The Cainiao print component prints waybills only: set a PDF or ZPL label printer.",
                              "菜鸟打印组件只打印面单：请设置 PDF 或 ZPL 标签打印机。")
    if printer.format == "zpl":
        from printing.zpl import render_layout_zpl

        layout = layout_transfer_label(label, printer.label_size, printer.dpi)
        return render_layout_zpl(layout, text_mode=printer.zpl_text_mode, printer_font=printer.printer_font), "zpl"
    return render_transfer_label_pdf(label, printer.label_size), "pdf"


def print_transfer_label(picked: TransferPicked, queue: PrintQueue, printer: PrinterSettings) -> int:
    """The transfer label through the station's print queue; returns the job id."""
    document, fmt = transfer_label_document(picked.label, printer)
    return queue.submit(document, fmt, printer, order_ref=picked.code, parcel_ref=picked.asn_no,
                        title=f"{picked.code} {picked.asn_no}")


def write_notice(uow: UnitOfWork, t: models.StockTransfer, asn_no: str,
                 lines: list[tuple[models.Lot | None, int]], now: datetime) -> None:
    """The inbound notice (ASN) that answers the transfer, in the receiving warehouse's list."""
    notice = models.InboundNotice(asn_no=asn_no, warehouse_id=t.to_warehouse_id, source_kind="warehouse",
                                  source_code=t.from_warehouse.code, source_name=t.from_warehouse.name[:120],
                                  expected_at=now, stock_transfer_id=t.id, created_at=now)
    for n, (lot, qty) in enumerate(lines, start=1):
        notice.lines.append(models.InboundLine(line_no=n, sku_id=t.sku_id, lot_code=lot.lot_code if lot else None,
                                               expiry=lot.expiry if lot else None, expected_qty=qty))
    uow.session.add(notice)
    uow.session.flush()
    uow.audit("notice_written", "inbound_notice", asn_no, transfer=transfer_code(t.id), lines=len(lines))
