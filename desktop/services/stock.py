"""Stock: what lies where, by lot and expiry; reserving it; and the ledger every change of on-hand goes through.

`change_on_hand` and `move_stock` are the only writers of `stock.on_hand` after the opening balance:
each writes the stock row by a conditional UPDATE and one `stock_movements` row in the same
transaction, so `replay_ledger` (the sum of the movements) equals on-hand for every location, SKU
and lot — `verify_ledger` says where it does not."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, or_, select, text, update

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.domain.errors import PickdeskError
from desktop.domain.stock import MovementKind


@dataclass(frozen=True)
class StockRow:
    warehouse: str
    merchant: str
    sku: str
    gtin: str
    name: str
    location: str
    lot: str | None
    expiry: date | None
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


def list_stock(uow: UnitOfWork, *, gtin: str | None = None, warehouse: str | None = None) -> list[StockRow]:
    S, K, L, Lo, M, W = models.Stock, models.Sku, models.Location, models.Lot, models.Merchant, models.Warehouse
    q = (select(W.code, M.code, K.sku_code, K.gtin, K.name, L.code, Lo.lot_code, Lo.expiry, S.on_hand, S.reserved)
         .select_from(S).join(K, S.sku_id == K.id).join(M, K.merchant_id == M.id)
         .join(L, S.location_id == L.id).join(W, L.warehouse_id == W.id).outerjoin(Lo, S.lot_id == Lo.id)
         .order_by(W.code, M.code, K.sku_code, Lo.expiry, L.code))
    if gtin:
        q = q.where(K.gtin == gtin.zfill(14))
    if warehouse:
        q = q.where(W.code == warehouse)
    return [StockRow(*row) for row in uow.session.execute(q)]


# ─── reserving ──────────────────────────────────────────────────────────────────


class InsufficientStock(PickdeskError):
    code = "insufficient_stock"

    def __init__(self, sku: str, wanted: int, found: int) -> None:
        super().__init__(f"Not enough stock of {sku}: {wanted} wanted, {found} available.",
                         f"{sku} 库存不足：需要 {wanted}，可用 {found}。")
        self.sku, self.wanted, self.found = sku, wanted, found


def shelf_life_cutoff(sku: models.Sku, merchant: models.Merchant, today: date) -> date:
    """The earliest expiry a unit may have and still be shipped (the stricter of SKU and merchant rules)."""
    return shelf_life_cutoff_of(sku.min_remaining_shelf_days, merchant.min_remaining_shelf_days, today)


def shelf_life_cutoff_of(sku_days: int | None, merchant_days: int | None, today: date) -> date:
    """`shelf_life_cutoff` from the two rules' days (a query that read them as columns, no objects)."""
    return today + timedelta(days=max(sku_days or 0, merchant_days or 0))


def fefo_candidates(uow: UnitOfWork, sku: models.Sku, merchant: models.Merchant, warehouse_id: int, today: date,
                    exclude_stock_ids: Iterable[int] = ()) -> list[models.Stock]:
    """Stock rows that may serve a line, earliest expiry first; too-short-dated lots left out."""
    cutoff = shelf_life_cutoff(sku, merchant, today)
    S, L, Lo = models.Stock, models.Location, models.Lot
    q = (select(S).join(L, S.location_id == L.id).outerjoin(Lo, S.lot_id == Lo.id)
         .where(S.sku_id == sku.id, L.warehouse_id == warehouse_id, L.kind == "pick", S.on_hand > S.reserved)
         .where(or_(S.lot_id.is_(None), Lo.expiry.is_(None), Lo.expiry > cutoff))
         .order_by(Lo.expiry.is_(None), Lo.expiry, L.code))
    excluded = set(exclude_stock_ids)
    return [st for st in uow.session.scalars(q) if st.id not in excluded]


def reserve_line(uow: UnitOfWork, line: models.OrderLine, warehouse_id: int, today: date, *, qty: int | None = None,
                 exclude_stock_ids: Iterable[int] = ()) -> list[models.Reservation]:
    """Reserve `qty` (default: the whole line) earliest-expiry-first; all or nothing.

    Each unit is taken by a conditional UPDATE (`reserved + n <= on_hand`), so two stations
    reserving at once can never hold the same unit, on SQLite or PostgreSQL: the loser's update
    matches no row and it moves on to the next lot. Raises InsufficientStock, reserving nothing.
    """
    wanted = line.qty if qty is None else qty
    sku, merchant = line.sku, line.order.merchant
    need = wanted
    made: list[models.Reservation] = []
    with uow.session.begin_nested():
        for st in fefo_candidates(uow, sku, merchant, warehouse_id, today, exclude_stock_ids):
            if need == 0:
                break
            take = min(need, st.on_hand - st.reserved)
            while take > 0:
                done = uow.session.execute(
                    update(models.Stock).where(models.Stock.id == st.id,
                                               models.Stock.reserved + take <= models.Stock.on_hand)
                    .values(reserved=models.Stock.reserved + take, version=models.Stock.version + 1)
                    .execution_options(synchronize_session=False)).rowcount
                if done:
                    break
                uow.session.refresh(st)  # someone else took some: try what is left of this row
                take = min(need, st.on_hand - st.reserved)
            if take <= 0:
                continue
            uow.session.expire(st, ["reserved", "version"])
            res = models.Reservation(stock=st, qty=take)
            line.reservations.append(res)
            made.append(res)
            need -= take
        if need:
            raise InsufficientStock(sku.sku_code, wanted, wanted - need)
    return made


def release_line(uow: UnitOfWork, line: models.OrderLine) -> int:
    """Give back every unit reserved for a line; returns how many."""
    released = 0
    touched = {res.stock for res in line.reservations}
    for res in list(line.reservations):
        uow.session.execute(update(models.Stock).where(models.Stock.id == res.stock_id)
                            .values(reserved=models.Stock.reserved - res.qty, version=models.Stock.version + 1)
                            .execution_options(synchronize_session=False))
        released += res.qty
        line.reservations.remove(res)
        uow.session.delete(res)
    for st in touched:
        uow.session.expire(st, ["reserved", "version"])
    return released


# ─── reserving for a group of orders at once ────────────────────────────────────


class StockRaced(Exception):
    """A conditional update matched no row: another transaction took the units this one counted on.

    Not a person's problem: the intake runs the group again one order at a time (`reserve_line`)."""


@dataclass
class _Candidate:
    id: int
    lot_id: int | None
    expiry: date | None
    free: int  # on hand − reserved as read, less what this group has taken since


class FefoPool:
    """The stock rows that may serve a group of orders in one warehouse, read in one statement.

    Each order is allocated earliest-expiry-first in memory, so a shortage is known before anything
    is written (a backordered order writes no reservation to give back). What an order takes is
    written by one conditional UPDATE per stock row (`reserved + n <= on_hand`): a row another
    station emptied meanwhile matches nothing and raises `StockRaced`, the group is rolled back
    whole — no unit is ever held twice, on either engine.
    """

    def __init__(self, uow: UnitOfWork, warehouse_id: int, sku_ids: Iterable[int]) -> None:
        self.uow, self.warehouse_id = uow, warehouse_id
        S, L, Lo = models.Stock, models.Location, models.Lot
        q = (select(S.id, S.sku_id, S.lot_id, Lo.expiry, S.on_hand - S.reserved)
             .join(L, S.location_id == L.id).outerjoin(Lo, S.lot_id == Lo.id)
             .where(S.sku_id.in_(sorted(set(sku_ids))), L.warehouse_id == warehouse_id, L.kind == "pick",
                    S.on_hand > S.reserved)
             .order_by(S.sku_id, Lo.expiry.is_(None), Lo.expiry, L.code))
        self.by_sku: dict[int, list[_Candidate]] = {}
        for sid, sku_id, lot_id, expiry, free in uow.session.execute(q):
            self.by_sku.setdefault(sku_id, []).append(_Candidate(sid, lot_id, expiry, free))

    def reserve_order(self, order: models.Order, today: date,
                      lines: list[models.OrderLine] | None = None) -> list[InsufficientStock]:
        """Reserve every line of `order` (or only `lines`) or none; returns the shortages (each with its `line`)."""
        taking, per_line, short = self.plan(order, today, lines)
        if short:
            return short
        self.write(taking, per_line)
        return []

    def plan(self, order: models.Order, today: date, lines: list[models.OrderLine] | None = None
             ) -> tuple[dict[int, int], list[tuple[models.OrderLine, list[tuple[_Candidate, int]]]],
                        list[InsufficientStock]]:
        """Allocate earliest-expiry-first in memory, writing nothing: (units per stock row, each
        line's plan, the shortages)."""
        taking: dict[int, int] = {}
        per_line: list[tuple[models.OrderLine, list[tuple[_Candidate, int]]]] = []
        short: list[InsufficientStock] = []
        for line in (order.lines if lines is None else lines):
            cutoff = shelf_life_cutoff(line.sku, order.merchant, today)
            need, plan = line.qty, []
            for cand in self.by_sku.get(line.sku_id, ()):
                if need == 0:
                    break
                if cand.lot_id is not None and cand.expiry is not None and not cand.expiry > cutoff:
                    continue
                take = min(need, cand.free - taking.get(cand.id, 0))
                if take <= 0:
                    continue
                taking[cand.id] = taking.get(cand.id, 0) + take
                plan.append((cand, take))
                need -= take
            if need:
                exc = InsufficientStock(line.sku.sku_code, line.qty, line.qty - need)
                exc.line = line  # type: ignore[attr-defined]
                short.append(exc)
            per_line.append((line, plan))
        return taking, per_line, short

    def write(self, taking: dict[int, int],
              per_line: list[tuple[models.OrderLine, list[tuple[_Candidate, int]]]]) -> None:
        """Write a plan: one conditional UPDATE per stock row; `StockRaced` when a row was emptied meanwhile."""
        S = models.Stock
        for stock_id, n in sorted(taking.items()):  # one order of locking on every station: no deadlock
            done = self.uow.session.execute(
                update(S).where(S.id == stock_id, S.reserved + n <= S.on_hand)
                .values(reserved=S.reserved + n, version=S.version + 1)
                .execution_options(synchronize_session=False)).rowcount
            if not done:
                raise StockRaced(stock_id)
        for line, plan in per_line:
            for cand, take in plan:
                cand.free -= take
                line.reservations.append(models.Reservation(stock_id=cand.id, qty=take))


# ─── the ledger ─────────────────────────────────────────────────────────────────


class StockChangeRefused(PickdeskError):
    """A change would take a location below what it holds or below what is reserved there."""

    code = "stock_change_refused"

    def __init__(self, location: str, sku: str, delta: int, on_hand: int, reserved: int) -> None:
        super().__init__(
            f"{location} holds {on_hand} of {sku} ({reserved} reserved): it cannot change by {delta:+d}.",
            f"{location} 存有 {sku} {on_hand} 件（已预留 {reserved} 件）：不能变动 {delta:+d} 件。")
        self.location, self.sku, self.delta, self.on_hand, self.reserved = location, sku, delta, on_hand, reserved


def _stock_key_filter(q, location_id: int, sku_id: int, lot_id: int | None):  # noqa: ANN001, ANN202
    S = models.Stock
    q = q.where(S.location_id == location_id, S.sku_id == sku_id)
    return q.where(S.lot_id.is_(None)) if lot_id is None else q.where(S.lot_id == lot_id)


def _lock_stock_key(uow: UnitOfWork, location_id: int, sku_id: int) -> None:
    """PostgreSQL: one writer at a time for a (location, SKU) until commit, so two stations putting the
    first units of a SKU into an empty bin make one stock row, not two (a NULL lot escapes the unique
    constraint). An advisory lock needs no grant. SQLite has one writer at a time anyway."""
    if uow.db.backend == "postgresql":
        uow.session.execute(text("SELECT pg_advisory_xact_lock(:a, :b)"), {"a": location_id, "b": sku_id})


def _names(uow: UnitOfWork, location_id: int, sku_id: int) -> tuple[str, str]:
    loc = uow.session.get(models.Location, location_id)
    sku = uow.session.get(models.Sku, sku_id)
    return (loc.code if loc else str(location_id)), (sku.sku_code if sku else str(sku_id))


def change_on_hand(uow: UnitOfWork, *, location_id: int, sku_id: int, lot_id: int | None, delta: int,
                   kind: MovementKind | str, ref: str | None = None, reserved_delta: int = 0) -> models.Stock:
    """Add `delta` (negative: take) units to a location's stock of one SKU and lot, and write its ledger row.

    The stock row is made when the first units arrive. The UPDATE is conditional — on-hand never goes
    below zero nor below what stays reserved — so a change that would break that raises
    StockChangeRefused and changes nothing. `reserved_delta` moves the reservation with the units (a
    pick takes reserved units off the shelf: delta −n, reserved_delta −n)."""
    if not delta:
        raise ValueError("a stock movement changes on-hand: delta must not be 0")
    kind = MovementKind(kind)
    s = uow.session
    S = models.Stock
    _lock_stock_key(uow, location_id, sku_id)
    row = s.scalar(_stock_key_filter(select(S), location_id, sku_id, lot_id))
    if row is None:
        if delta < 0 or reserved_delta < 0 or reserved_delta > delta:
            loc, sku = _names(uow, location_id, sku_id)
            raise StockChangeRefused(loc, sku, delta, 0, 0)
        row = S(location_id=location_id, sku_id=sku_id, lot_id=lot_id, on_hand=0, reserved=0)
        s.add(row)
        s.flush()
    done = s.execute(
        update(S).where(S.id == row.id, S.on_hand + delta >= 0, S.reserved + reserved_delta >= 0,
                        S.on_hand + delta >= S.reserved + reserved_delta)
        .values(on_hand=S.on_hand + delta, reserved=S.reserved + reserved_delta, version=S.version + 1)
        .execution_options(synchronize_session=False)).rowcount
    s.expire(row, ["on_hand", "reserved", "version"])
    if not done:
        loc, sku = _names(uow, location_id, sku_id)
        raise StockChangeRefused(loc, sku, delta, row.on_hand, row.reserved)
    s.add(models.StockMovement(location_id=location_id, sku_id=sku_id, lot_id=lot_id, delta=delta, kind=kind.value,
                               ref=None if ref is None else str(ref)[:64], user_id=uow.actor.user_id,
                               station=uow.actor.station[:40] if uow.actor.station else None))
    return row


def move_stock(uow: UnitOfWork, *, from_location_id: int, to_location_id: int, sku_id: int, lot_id: int | None,
               qty: int, kind: MovementKind | str, ref: str | None = None,
               move_reserved: bool = False) -> tuple[models.Stock, models.Stock]:
    """Move `qty` units between two locations: two ledger rows, −qty then +qty, in one transaction.

    With `move_reserved` the units that move are reserved ones: `qty` of the reservation moves with
    them (the caller repoints its Reservation rows to the target row); without it only free units
    may leave."""
    if qty <= 0:
        raise ValueError("a move carries at least one unit")
    if from_location_id == to_location_id:
        loc, sku = _names(uow, from_location_id, sku_id)
        raise StockChangeRefused(loc, sku, 0, 0, 0)
    held = qty if move_reserved else 0
    source = change_on_hand(uow, location_id=from_location_id, sku_id=sku_id, lot_id=lot_id, delta=-qty, kind=kind,
                            ref=ref, reserved_delta=-held)
    target = change_on_hand(uow, location_id=to_location_id, sku_id=sku_id, lot_id=lot_id, delta=qty, kind=kind,
                            ref=ref, reserved_delta=held)
    return source, target


def movement_row(uow: UnitOfWork, *, location_id: int, sku_id: int, lot_id: int | None, delta: int,
                 kind: MovementKind | str, ref: str | None = None, at: datetime | None = None) -> dict[str, Any]:
    """One ledger row as a dict for `record_movements` (the actor's user and station filled in)."""
    row: dict[str, Any] = {"location_id": location_id, "sku_id": sku_id, "lot_id": lot_id, "delta": delta,
                           "kind": MovementKind(kind).value, "ref": None if ref is None else str(ref)[:64],
                           "user_id": uow.actor.user_id,
                           "station": uow.actor.station[:40] if uow.actor.station else None}
    if at is not None:
        row["at"] = at
    return row


def record_movements(uow: UnitOfWork, rows: Sequence[dict[str, Any]]) -> int:
    """Ledger rows for a set-based writer that changed `stock` itself (an import): one executemany.

    Rows are dicts as `movement_row` makes them; a zero delta is left out. Returns how many were written."""
    rows = [r for r in rows if r["delta"]]
    if rows:
        uow.session.execute(insert(models.StockMovement), rows)
    return len(rows)


StockKey = tuple[int, int, int | None]  # (location_id, sku_id, lot_id)


def replay_ledger(uow: UnitOfWork) -> dict[StockKey, int]:
    """On-hand as the ledger tells it: the sum of every movement, from zero, per location, SKU and lot."""
    M = models.StockMovement
    q = select(M.location_id, M.sku_id, M.lot_id, func.sum(M.delta)).group_by(M.location_id, M.sku_id, M.lot_id)
    return {(loc, sku, lot): int(total) for loc, sku, lot, total in uow.session.execute(q)}


@dataclass(frozen=True)
class Difference:
    """A stock row whose on-hand the ledger does not explain."""

    location: str
    sku: str
    lot: str | None
    ledger: int
    on_hand: int


def verify_ledger(uow: UnitOfWork) -> list[Difference]:
    """Every (location, SKU, lot) where the ledger's sum differs from `stock.on_hand` (none: all is true)."""
    replayed = replay_ledger(uow)
    S = models.Stock
    held: dict[StockKey, int] = {}
    for loc, sku, lot, on_hand in uow.session.execute(select(S.location_id, S.sku_id, S.lot_id, S.on_hand)):
        held[(loc, sku, lot)] = held.get((loc, sku, lot), 0) + on_hand
    wrong = sorted(k for k in set(replayed) | set(held) if replayed.get(k, 0) != held.get(k, 0))
    if not wrong:
        return []
    locs = dict(uow.session.execute(select(models.Location.id, models.Location.code)
                                    .where(models.Location.id.in_({k[0] for k in wrong}))).all())
    skus = dict(uow.session.execute(select(models.Sku.id, models.Sku.sku_code)
                                    .where(models.Sku.id.in_({k[1] for k in wrong}))).all())
    lots = dict(uow.session.execute(select(models.Lot.id, models.Lot.lot_code)
                                    .where(models.Lot.id.in_({k[2] for k in wrong if k[2] is not None}))).all())
    return [Difference(locs.get(loc, str(loc)), skus.get(sku, str(sku)), None if lot is None else lots.get(lot, str(lot)),
                       replayed.get((loc, sku, lot), 0), held.get((loc, sku, lot), 0))
            for loc, sku, lot in wrong]


@dataclass(frozen=True)
class MovementRow:
    id: int
    at: datetime
    location: str
    sku: str
    gtin: str
    lot: str | None
    delta: int
    kind: str
    ref: str | None
    user: str | None
    station: str | None


def stock_history(uow: UnitOfWork, *, sku: str | None = None, location: str | None = None,
                  limit: int | None = 100) -> list[MovementRow]:
    """The ledger, newest first; `sku` is a SKU code or GTIN, `location` a code (with or without `LOC-`)."""
    M, L, K, Lo, U = models.StockMovement, models.Location, models.Sku, models.Lot, models.User
    q = (select(M.id, M.at, L.code, K.sku_code, K.gtin, Lo.lot_code, M.delta, M.kind, M.ref, U.login, M.station)
         .select_from(M).join(L, M.location_id == L.id).join(K, M.sku_id == K.id)
         .outerjoin(Lo, M.lot_id == Lo.id).outerjoin(U, M.user_id == U.id).order_by(M.id.desc()))
    if sku:
        sku = sku.strip()
        q = q.where(or_(K.sku_code == sku, K.gtin == sku.zfill(14) if sku.isdigit() else K.sku_code == sku))
    if location:
        code = location.strip()
        q = q.where(L.code == (code[4:] if code.upper().startswith("LOC-") else code))
    if limit:
        q = q.limit(limit)
    return [MovementRow(*r) for r in uow.session.execute(q)]
