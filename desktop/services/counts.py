"""Cycle counts: a bin or a SKU counted blind, variances within tolerance adjusted, the rest approved.

A count covers one bin (`location`) or one SKU (every bin of the warehouse holding it). The counter
never sees the expected figure: the rows the counter's screen and `pickdesk count` get back carry
bins and products only, and on PostgreSQL a receiver's station cannot even read `expected_qty` /
`variance` back (`desktop.db.roles.HIDDEN`). Submitting a count records a line per SKU and lot found
or expected in each bin; a line whose difference is within `desktop.domain.counting.tolerance` is
adjusted at once (an ADJUSTMENT movement), unless it would leave fewer units than are reserved there;
every other line waits for a supervisor (an exception of kind `count_variance`: approve or recount).

Approving applies the variance — counted minus what the record said *at the count* — to the
bin as it is now, so units picked between the count and the approval are not counted twice. Units
reserved beyond what the bin then holds are given up: a ready order reserves elsewhere or waits
(backordered), a picking order's stop moves to another bin or the order is held as a short pick.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import selectinload

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.counting import CountRefused, CountSheet, needs_approval
from desktop.domain.errors import NotFound, PickdeskError, StaleData
from desktop.domain.events import ExceptionOpened
from desktop.domain.lifecycle import HoldReason, OrderStatus
from desktop.domain.roles import Role, require_role
from desktop.domain.stock import MovementKind
from desktop.services.orders import change_status
from desktop.services.stock import InsufficientStock, change_on_hand, release_line, reserve_line

COUNT_PREFIX = "CNT-"
EXCEPTION_KIND = "count_variance"


def count_code(count_id: int) -> str:
    return f"{COUNT_PREFIX}{count_id:06d}"


def parse_count_code(text: str) -> int:
    raw = text.strip().upper()
    if raw.startswith(COUNT_PREFIX):
        raw = raw[len(COUNT_PREFIX):]
    if not raw.isdigit() or len(raw) > 9:
        raise CountRefused(f"{text!r} is not a count number (CNT-000123).", f"{text!r} 不是盘点单号（CNT-000123）。")
    return int(raw)


class CountClosed(PickdeskError):
    code = "count_closed"


# ─── what the counter sees ──────────────────────────────────────────────────────


@dataclass(frozen=True)
class CountRow:
    """A count as the counter's screen shows it: where to count and what — never how many to expect."""

    id: int
    code: str
    warehouse: str
    reason: str
    status: str
    round: int
    created_at: datetime
    location: str | None
    sku: str | None
    sku_name: str | None
    bins: tuple[str, ...]


def _bins(uow: UnitOfWork, count: models.StockCount) -> tuple[str, ...]:
    if count.location_id is not None:
        return (count.location.code,) if count.location else ()
    S, L = models.Stock, models.Location
    q = (select(L.code).join(S, S.location_id == L.id)
         .where(S.sku_id == count.sku_id, L.warehouse_id == count.warehouse_id, S.on_hand > 0)
         .distinct().order_by(L.code))
    return tuple(uow.session.scalars(q))


def _row(uow: UnitOfWork, count: models.StockCount, wh_code: str) -> CountRow:
    return CountRow(count.id, count_code(count.id), wh_code, count.reason, count.status, count.round,
                    count.created_at, count.location.code if count.location else None,
                    count.sku.sku_code if count.sku else None, count.sku.name if count.sku else None,
                    _bins(uow, count))


def list_counts(uow: UnitOfWork, *, status: str | None = "open", warehouse: str | None = None,
                limit: int = 200) -> list[CountRow]:
    C, W = models.StockCount, models.Warehouse
    q = (select(C, W.code).join(W, C.warehouse_id == W.id)
         .options(selectinload(C.location), selectinload(C.sku)).order_by(C.created_at, C.id).limit(limit))
    if status:
        q = q.where(C.status == status)
    if warehouse:
        q = q.where(W.code == warehouse)
    return [_row(uow, c, wh) for c, wh in uow.session.execute(q)]


def get_count(uow: UnitOfWork, count_id: int) -> CountRow:
    count = uow.session.get(models.StockCount, count_id)
    if count is None:
        raise NotFound(f"No count {count_code(count_id)}.", f"没有盘点单 {count_code(count_id)}。")
    wh = uow.session.get(models.Warehouse, count.warehouse_id)
    return _row(uow, count, wh.code if wh else "?")


# ─── opening a count ────────────────────────────────────────────────────────────


def _location(uow: UnitOfWork, code: str, warehouse_id: int | None = None) -> models.Location:
    code = code.strip()
    if code.upper().startswith("LOC-"):
        code = code[4:]
    q = select(models.Location).where(models.Location.code == code)
    if warehouse_id is not None:
        q = q.where(models.Location.warehouse_id == warehouse_id)
    loc = uow.session.scalars(q.limit(1)).first()
    if loc is None:
        raise NotFound(f"No location {code}.", f"没有库位 {code}。")
    return loc


def _sku(uow: UnitOfWork, code: str) -> models.Sku:
    K = models.Sku
    text = code.strip()
    q = select(K).where(or_(K.sku_code == text, K.gtin == text.zfill(14) if text.isdigit() else K.sku_code == text))
    sku = uow.session.scalars(q.limit(1)).first()
    if sku is None:
        raise NotFound(f"No product {code}.", f"没有商品 {code}。")
    return sku


def _open_count_of_bin(uow: UnitOfWork, location_id: int) -> models.StockCount | None:
    C = models.StockCount
    return uow.session.scalars(select(C).where(C.location_id == location_id, C.status.in_(("open", "review")))
                               .limit(1)).first()


def open_bin_count(uow: UnitOfWork, location: models.Location, reason: str) -> models.StockCount:
    """A count of one bin (one open at a time per bin); the caller has checked the role and commits."""
    existing = _open_count_of_bin(uow, location.id)
    if existing is not None:
        return existing
    count = models.StockCount(warehouse_id=location.warehouse_id, location_id=location.id, reason=reason,
                              created_by=uow.actor.user_id)
    uow.session.add(count)
    uow.session.flush()
    uow.audit("count_opened", "stock_count", count_code(count.id), location=location.code, reason=reason)
    uow.announce("stock", count_code(count.id), event="count_opened", location=location.code, reason=reason)
    return count


def open_count(uow: UnitOfWork, *, location: str | None = None, sku: str | None = None,
               warehouse: str | None = None, reason: str = "cycle") -> CountRow:
    """Open a cycle count of a bin or of a SKU (receiver or supervisor)."""
    require_role(uow.actor.role, Role.RECEIVER)
    if (location is None) == (sku is None):
        raise CountRefused("Count a bin or a product: give one of them.", "盘点库位或商品：请二选一。")
    W = models.Warehouse
    wh = None
    if warehouse:
        wh = uow.session.scalar(select(W).where(W.code == warehouse))
        if wh is None:
            raise NotFound(f"No warehouse {warehouse}.", f"没有仓库 {warehouse}。")
    if location is not None:
        count = open_bin_count(uow, _location(uow, location, wh.id if wh else None), reason)
    else:
        product = _sku(uow, sku or "")
        if wh is None:
            wh = uow.session.scalars(select(W).where(W.active.is_(True)).order_by(W.id).limit(1)).first()
            if wh is None:
                raise NotFound("No warehouse.", "没有仓库。")
        C = models.StockCount
        count = uow.session.scalars(select(C).where(C.sku_id == product.id, C.warehouse_id == wh.id,
                                                    C.status.in_(("open", "review"))).limit(1)).first()
        if count is None:
            count = models.StockCount(warehouse_id=wh.id, sku_id=product.id, reason=reason,
                                      created_by=uow.actor.user_id)
            uow.session.add(count)
            uow.session.flush()
            uow.audit("count_opened", "stock_count", count_code(count.id), sku=product.sku_code, reason=reason)
            uow.announce("stock", count_code(count.id), event="count_opened", sku=product.sku_code, reason=reason)
    row = get_count(uow, count.id)
    uow.commit()
    return row


# ─── submitting what was counted ────────────────────────────────────────────────


@dataclass(frozen=True)
class CountSubmitted:
    """What the counter is told: how many lines, how many adjusted, how many wait — no figures."""

    count_id: int
    code: str
    lines: int
    adjusted: int
    waiting: int
    status: str
    exception_id: int | None


def _lot(uow: UnitOfWork, sku: models.Sku, code: str | None, expiry: date | None) -> models.Lot | None:
    if not code:
        return None
    Lo = models.Lot
    lot = uow.session.scalar(select(Lo).where(Lo.sku_id == sku.id, Lo.lot_code == code))
    if lot is None:
        if len(code) > 20:
            raise CountRefused(f"Lot {code!r} is longer than 20 characters.", f"批号 {code!r} 超过 20 个字符。")
        lot = Lo(sku_id=sku.id, lot_code=code, expiry=expiry)
        uow.session.add(lot)
        uow.session.flush()
    return lot


def _stock_in_scope(uow: UnitOfWork, count: models.StockCount, bins: list[models.Location]) -> list[models.Stock]:
    S = models.Stock
    q = select(S).where(S.location_id.in_([b.id for b in bins]))
    if count.sku_id is not None:
        q = q.where(S.sku_id == count.sku_id)
    if uow.db.backend == "postgresql":
        q = q.with_for_update()
    return list(uow.session.scalars(q.order_by(S.id)))


def submit_count(uow: UnitOfWork, count_id: int, sheet: CountSheet, *, expected_version: int | None = None,
                 now: datetime | None = None) -> CountSubmitted:
    """Record what the counter found (receiver). Every stock line of the counted bins gets a line:
    found, or counted 0. Within tolerance: adjusted now. Otherwise: a supervisor's exception."""
    require_role(uow.actor.role, Role.RECEIVER)
    result = record_count(uow, count_id, sheet, expected_version=expected_version, now=now or utcnow())
    uow.commit()
    return result


def record_count(uow: UnitOfWork, count_id: int, sheet: CountSheet, *, expected_version: int | None = None,
                 now: datetime) -> CountSubmitted:
    """`submit_count` without the commit: an upload records several counts in one transaction."""
    require_role(uow.actor.role, Role.RECEIVER)
    C = models.StockCount
    q = select(C).where(C.id == count_id)
    if uow.db.backend == "postgresql":
        q = q.with_for_update()
    count = uow.session.scalar(q)
    if count is None:
        raise NotFound(f"No count {count_code(count_id)}.", f"没有盘点单 {count_code(count_id)}。")
    code = count_code(count.id)
    if expected_version is not None and count.version != expected_version:
        raise StaleData("Someone changed this count meanwhile.", "此盘点单已被他人更改。")
    if count.status != "open":
        raise CountClosed(f"Count {code} is not open (it is {count.status}).", f"盘点单 {code} 未开放（当前：{count.status}）。")
    if not sheet.bins:
        raise CountRefused("Nothing counted: scan each bin (and what it holds).", "未盘点任何库位：请扫描每个库位及其商品。")
    bins = [_location(uow, b, count.warehouse_id) for b in sheet.bins]
    allowed = set(_bins(uow, count)) if count.sku_id is not None else {count.location.code}
    if count.sku_id is not None:
        # A SKU count takes every bin the counter found it in, also ones the record does not know.
        allowed |= {b.code for b in bins}
    stray = [b.code for b in bins if b.code not in allowed]
    if stray:
        raise CountRefused(f"{', '.join(stray)} is not part of count {code}.", f"{'、'.join(stray)} 不属于盘点单 {code}。")
    by_code = {b.code: b for b in bins}
    K = models.Sku
    counted: dict[tuple[int, int, int | None], int] = {}
    skus: dict[int, models.Sku] = {}
    for key, qty in sheet.entries():
        sku = uow.session.scalar(select(K).where(K.gtin == key.gtin))
        if sku is None:
            raise CountRefused(f"Unknown product {key.gtin}: set it up first, or leave it out.",
                               f"未知商品 {key.gtin}：请先建档，或不计入。")
        if count.sku_id is not None and sku.id != count.sku_id:
            raise CountRefused(f"Count {code} counts {count.sku.sku_code} only, not {sku.sku_code}.",
                               f"盘点单 {code} 只盘点 {count.sku.sku_code}，不含 {sku.sku_code}。")
        if sku.lot_tracked and not key.lot:
            raise CountRefused(f"{sku.sku_code} is lot-tracked: scan the label with its lot (AI 10).",
                               f"{sku.sku_code} 按批次管理：请扫描带批号（AI 10）的标签。")
        lot = _lot(uow, sku, key.lot, sheet.expiries.get((key.gtin, key.lot or "")))
        skus[sku.id] = sku
        k = (by_code[key.location].id, sku.id, lot.id if lot else None)
        counted[k] = counted.get(k, 0) + qty
    stock = {(s.location_id, s.sku_id, s.lot_id): s for s in _stock_in_scope(uow, count, bins)}
    keys = sorted(set(counted) | {k for k, s in stock.items() if s.on_hand > 0}, key=lambda k: (k[0], k[1], k[2] or 0))
    adjusted = waiting = 0
    lines = []
    for loc_id, sku_id, lot_id in keys:
        st = stock.get((loc_id, sku_id, lot_id))
        expected = st.on_hand if st is not None else 0
        reserved = st.reserved if st is not None else 0
        got = counted.get((loc_id, sku_id, lot_id), 0)
        sku = skus.get(sku_id) or uow.session.get(K, sku_id)
        variance = got - expected
        outcome = "within"
        if variance:
            if not needs_approval(expected, got, sku.unit_value) and got >= reserved:
                change_on_hand(uow, location_id=loc_id, sku_id=sku_id, lot_id=lot_id, delta=variance,
                               kind=MovementKind.ADJUSTMENT, ref=code)
                outcome = "adjusted"
                adjusted += 1
            else:
                outcome = "review"
                waiting += 1
        line = models.StockCountLine(count_id=count.id, round=count.round, location_id=loc_id, sku_id=sku_id,
                                     lot_id=lot_id, counted_qty=got, expected_qty=expected, variance=variance,
                                     outcome=outcome)
        uow.session.add(line)
        lines.append(line)
    count.counted_by, count.counted_at = uow.actor.user_id, now
    exception_id = None
    if waiting:
        count.status = "review"
        case = models.ExceptionCase(kind=EXCEPTION_KIND, created_at=now, detail={
            "count_id": count.id, "count": code, "round": count.round, "counter": uow.actor.login,
            "bins": [b.code for b in bins], "reason": f"count {code}: {waiting} line(s) over the tolerance"})
        uow.session.add(case)
        uow.session.flush()
        exception_id = case.id
        uow.audit("exception_opened", "exception", case.id, kind=EXCEPTION_KIND, count=code)
        uow.announce(ExceptionOpened(subject=str(case.id), kind=EXCEPTION_KIND, order_no=None))
    else:
        count.status = "closed"
    # The audit row names who counted; the figures stay in the count's lines (a receiver cannot read the log).
    uow.audit("count_submitted", "stock_count", code, round=count.round, lines=len(lines), adjusted=adjusted,
              waiting=waiting, counted_by=uow.actor.login)
    uow.announce("stock", code, event="count_submitted", status=count.status)
    return CountSubmitted(count.id, code, len(lines), adjusted, waiting, count.status, exception_id)


# ─── the supervisor's side ──────────────────────────────────────────────────────


@dataclass(frozen=True)
class VarianceLine:
    location: str
    sku: str
    lot: str | None
    expected: int
    counted: int
    variance: int
    outcome: str


def variance_lines(uow: UnitOfWork, count_id: int, *, round_: int | None = None) -> list[VarianceLine]:
    """The figures of a count (supervisor): what the record said, what was counted."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    CL, L, K, Lo = models.StockCountLine, models.Location, models.Sku, models.Lot
    q = (select(L.code, K.sku_code, Lo.lot_code, CL.expected_qty, CL.counted_qty, CL.variance, CL.outcome, CL.round)
         .select_from(CL).join(L, CL.location_id == L.id).join(K, CL.sku_id == K.id)
         .outerjoin(Lo, CL.lot_id == Lo.id).where(CL.count_id == count_id).order_by(CL.round, CL.id))
    rows = list(uow.session.execute(q))
    if round_ is not None:
        rows = [r for r in rows if r[7] == round_]
    return [VarianceLine(*r[:7]) for r in rows]


def _give_up_reservations(uow: UnitOfWork, stock: models.Stock, deficit: int, today: date, code: str) -> list[str]:
    """Take `deficit` reserved units off a bin: ready orders first (least urgent first), then picking ones.

    Each affected line reserves elsewhere if it can; a ready order that cannot waits as backordered, a
    picking order that cannot is held as a short pick for the supervisor. Returns the orders touched."""
    R, OL, O = models.Reservation, models.OrderLine, models.Order
    rows = list(uow.session.execute(
        select(R, O).join(OL, R.order_line_id == OL.id).join(O, OL.order_id == O.id)
        .where(R.stock_id == stock.id).order_by((O.status == OrderStatus.PICKING.value), O.priority_score, O.id.desc())))
    touched: list[str] = []
    for res, order in rows:
        if deficit <= 0:
            break
        line = res.line
        take = min(deficit, res.qty)
        deficit -= take
        touched.append(order.order_no)
        wh_id = order.warehouse_id or stock.location.warehouse_id
        if order.status == OrderStatus.READY.value:
            for ln in order.lines:
                release_line(uow, ln)
            uow.session.flush()
            short = False
            for ln in order.lines:
                try:
                    reserve_line(uow, ln, wh_id, today, exclude_stock_ids=[stock.id])
                except InsufficientStock:
                    short = True
                    break
            if short:
                for ln in order.lines:
                    release_line(uow, ln)
                change_status(uow, order, OrderStatus.HELD, hold_reason=HoldReason.SHORTAGE,
                              reason=f"count {code}: stock gone")
                change_status(uow, order, OrderStatus.BACKORDERED, reason=f"count {code}: waiting for stock")
            uow.audit("reservation_replanned", "order", order.order_no, count=code, backordered=short)
            continue
        # A picking order: its open stop on this bin takes what it can elsewhere.
        uow.session.execute(
            models.Stock.__table__.update().where(models.Stock.id == stock.id)
            .values(reserved=models.Stock.reserved - take, version=models.Stock.version + 1))
        res.qty -= take
        if res.qty == 0:
            line.reservations.remove(res)
            uow.session.delete(res)
        tasks = [t for t in uow.session.scalars(select(models.PickTask).where(
            models.PickTask.order_line_id == line.id, models.PickTask.stock_id == stock.id,
            models.PickTask.status == "open"))]
        left = take
        for task in tasks:
            remaining = task.qty - task.picked_qty
            cut = min(left, remaining)
            if cut <= 0:
                continue
            left -= cut
            if cut < remaining:
                task.qty -= cut
            elif task.picked_qty:
                task.qty, task.status = task.picked_qty, "picked"
            else:
                task.status = "skipped"
        uow.session.flush()
        try:
            made = reserve_line(uow, line, wh_id, today, qty=take, exclude_stock_ids=[stock.id])
        except InsufficientStock:
            made = []
        batch = tasks[0].batch if tasks else None
        if made and batch is not None:
            for new in made:
                uow.session.flush()
                batch.tasks.append(models.PickTask(line=line, stock=new.stock, location=new.stock.location,
                                                   lot=new.stock.lot, tote=tasks[0].tote, qty=new.qty, seq=len(batch.tasks) + 1))
            uow.audit("reservation_replanned", "order", order.order_no, count=code, moved=take)
        elif not made:
            for ln in order.lines:
                release_line(uow, ln)
            for t in uow.session.scalars(select(models.PickTask).where(
                    models.PickTask.order_line_id.in_([ln.id for ln in order.lines]), models.PickTask.status == "open")):
                t.status = "skipped"
            if order.status == OrderStatus.PICKING.value:
                change_status(uow, order, OrderStatus.HELD, hold_reason=HoldReason.SHORTAGE,
                              reason=f"count {code}: {line.sku.sku_code} ×{take} gone from {stock.location.code}")
            case = models.ExceptionCase(kind="short_pick", order=order, detail={
                "order_no": order.order_no, "line_no": line.line_no, "sku": line.sku.sku_code,
                "location": stock.location.code, "missing_qty": take, "count": code})
            uow.session.add(case)
            uow.session.flush()
            uow.audit("exception_opened", "exception", case.id, kind="short_pick", order=order.order_no, count=code)
            uow.announce(ExceptionOpened(subject=str(case.id), kind="short_pick", order_no=order.order_no))
    uow.session.expire(stock, ["reserved", "version"])
    return touched


def approve_count(uow: UnitOfWork, count: models.StockCount, *, now: datetime) -> dict[str, object]:
    """Apply each waiting line's variance to the bin as it is now; the caller (decide_exception) commits."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    code = count_code(count.id)
    CL = models.StockCountLine
    lines = list(uow.session.scalars(select(CL).where(CL.count_id == count.id, CL.round == count.round,
                                                      CL.outcome == "review").order_by(CL.id)))
    S = models.Stock
    orders: list[str] = []
    applied = []
    for line in lines:
        q = select(S).where(S.location_id == line.location_id, S.sku_id == line.sku_id,
                            S.lot_id.is_(None) if line.lot_id is None else S.lot_id == line.lot_id)
        if uow.db.backend == "postgresql":
            q = q.with_for_update()
        st = uow.session.scalar(q)
        if st is not None:
            uow.session.refresh(st)
        on_hand = st.on_hand if st is not None else 0
        # Units picked since the count left the bin and the record alike: only the difference moves.
        delta = max(line.variance, -on_hand)
        if st is not None and on_hand + delta < st.reserved:
            orders += _give_up_reservations(uow, st, st.reserved - (on_hand + delta), now.date(), code)
        if delta:
            change_on_hand(uow, location_id=line.location_id, sku_id=line.sku_id, lot_id=line.lot_id, delta=delta,
                           kind=MovementKind.ADJUSTMENT, ref=code)
        line.outcome = "adjusted"
        applied.append({"location": line.location.code, "sku": line.sku.sku_code,
                        "lot": line.lot.lot_code if line.lot else None, "variance": line.variance, "applied": delta})
    count.status = "closed"
    count.approved_by, count.approved_at = uow.actor.user_id, now
    counter = uow.session.get(models.User, count.counted_by) if count.counted_by else None
    uow.audit("count_approved", "stock_count", code, round=count.round, lines=applied, orders=orders,
              counted_by=counter.login if counter else None, approved_by=uow.actor.login)
    uow.announce("stock", code, event="count_approved")
    return {"count": code, "adjusted": len(applied), "orders": orders}


def recount(uow: UnitOfWork, count: models.StockCount) -> dict[str, object]:
    """Count again (another round); nothing is adjusted. The caller commits."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    code = count_code(count.id)
    CL = models.StockCountLine
    for line in uow.session.scalars(select(CL).where(CL.count_id == count.id, CL.round == count.round,
                                                     CL.outcome == "review")):
        line.outcome = "recounted"
    count.round += 1
    count.status = "open"
    uow.audit("count_recount", "stock_count", code, round=count.round)
    uow.announce("stock", code, event="count_opened", reason="recount")
    return {"count": code, "round": count.round}


def open_counts_exist(uow: UnitOfWork) -> bool:
    C = models.StockCount
    return bool(uow.session.scalar(select(exists().where(C.status == "open"))))


def import_counts(uow: UnitOfWork, sections: list[tuple[str, CountSheet]], *,
                  now: datetime | None = None) -> list[CountSubmitted]:
    """A batch scanner's upload: every count of the file recorded in one transaction, or none."""
    require_role(uow.actor.role, Role.RECEIVER)
    now = now or utcnow()
    results = [record_count(uow, parse_count_code(code), sheet, now=now) for code, sheet in sections]
    uow.commit()
    return results
