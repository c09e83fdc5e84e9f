"""Read models for stock: what lies where, by lot and expiry."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select, update

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.domain.errors import PickdeskError


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
    days = max(sku.min_remaining_shelf_days or 0, merchant.min_remaining_shelf_days or 0)
    return today + timedelta(days=days)


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

    def reserve_order(self, order: models.Order, today: date) -> list[InsufficientStock]:
        """Reserve every line of `order` or none; returns the shortages (each with its `line`)."""
        taking: dict[int, int] = {}
        per_line: list[tuple[models.OrderLine, list[tuple[_Candidate, int]]]] = []
        short: list[InsufficientStock] = []
        for line in order.lines:
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
        if short:
            return short
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
        return []
