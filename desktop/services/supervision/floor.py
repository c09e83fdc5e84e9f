"""The floor board: orders on the floor, overdue first; pickers, their stations and batches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.roles import Role
from desktop.routing.priority import priority_score
from desktop.services.supervision.common import ACTIVE_BATCH, ON_FLOOR


@dataclass(frozen=True)
class BoardOrder:
    order_no: str
    merchant: str
    status: str
    priority_class: str
    priority_score: float
    promised_ship_by: datetime | None
    minutes_left: int | None  # negative: overdue
    hold_reason: str | None
    hold_detail: str | None
    picker: str | None
    batch: str | None
    lines: int
    units: int


@dataclass(frozen=True)
class PickerRow:
    login: str
    display_name: str
    role: str
    station: str | None
    last_seen: datetime | None
    online: bool
    batch: str | None
    batch_status: str | None
    batch_version: int | None
    stops_done: int
    stops: int


@dataclass(frozen=True)
class StationRow:
    name: str
    kind: str
    user: str | None
    last_seen: datetime | None
    online: bool


@dataclass(frozen=True)
class FloorBoard:
    at: datetime
    counts: dict[tuple[str, str], int]  # (status, priority class) → orders
    orders: list[BoardOrder]
    pickers: list[PickerRow]
    stations: list[StationRow]
    open_exceptions: int

    def count(self, status: str) -> int:
        return sum(n for (s, _), n in self.counts.items() if s == status)


ONLINE_WINDOW = timedelta(hours=12)  # a station signed in within this time and not signed out counts as online


def floor_board(uow: UnitOfWork, now: datetime | None = None, limit: int = 300) -> FloorBoard:
    now = now or utcnow()
    O, T, B, U, S = models.Order, models.PickTask, models.PickBatch, models.User, models.Station
    counts = {(st, pc): n for st, pc, n in uow.session.execute(
        select(O.status, O.priority_class, func.count()).group_by(O.status, O.priority_class))}
    floor = [s.value for s in ON_FLOOR]
    orders = list(uow.session.scalars(
        select(O).where(O.status.in_(floor)).options(selectinload(O.merchant), selectinload(O.lines))
        .order_by(O.promised_ship_by.is_(None), O.promised_ship_by, O.priority_score.desc()).limit(limit)))
    ids = [o.id for o in orders]
    batch_of: dict[int, tuple[str, str | None]] = {}
    if ids:
        for order_id, code, login in uow.session.execute(
                select(models.OrderLine.order_id, B.code, U.login).select_from(T)
                .join(models.OrderLine, T.order_line_id == models.OrderLine.id).join(B, T.batch_id == B.id)
                .outerjoin(U, B.picker_id == U.id)
                .where(models.OrderLine.order_id.in_(ids), B.status.in_(ACTIVE_BATCH))):
            batch_of[order_id] = (code, login)
    pickers_by_id = {uid: login for uid, login in uow.session.execute(select(U.id, U.login))}
    board_orders = []
    for o in orders:
        left = None if o.promised_ship_by is None else int((o.promised_ship_by - now).total_seconds() // 60)
        code, login = batch_of.get(o.id, (None, pickers_by_id.get(o.assigned_picker_id)))
        board_orders.append(BoardOrder(o.order_no, o.merchant.code, o.status, o.priority_class,
                                       round(o.priority_score, 1), o.promised_ship_by, left, o.hold_reason,
                                       o.hold_detail, login, code, len(o.lines), sum(ln.qty for ln in o.lines)))
    stations = []
    station_of: dict[int, tuple[str, datetime | None]] = {}
    for st, login in uow.session.execute(select(S, U.login).outerjoin(U, S.current_user_id == U.id).order_by(S.name)):
        online = st.current_user_id is not None and st.last_seen_at is not None and now - st.last_seen_at < ONLINE_WINDOW
        stations.append(StationRow(st.name, st.kind, login, st.last_seen_at, online))
        if st.current_user_id is not None:
            station_of[st.current_user_id] = (st.name, st.last_seen_at)
    batches: dict[int, models.PickBatch] = {}
    for batch in uow.session.scalars(select(B).where(B.status.in_(ACTIVE_BATCH), B.picker_id.is_not(None))
                                     .options(selectinload(B.tasks)).order_by(B.status.desc(), B.id)):
        batches.setdefault(batch.picker_id, batch)
    pickers = []
    for user in uow.session.scalars(select(U).where(U.role == Role.PICKER.value, U.active.is_(True)).order_by(U.login)):
        station, seen = station_of.get(user.id, (None, None))
        batch = batches.get(user.id)
        pickers.append(PickerRow(
            user.login, user.display_name, user.role, station, seen,
            station is not None and seen is not None and now - seen < ONLINE_WINDOW,
            batch.code if batch else None, batch.status if batch else None, batch.version if batch else None,
            sum(1 for t in batch.tasks if t.status != "open") if batch else 0, len(batch.tasks) if batch else 0))
    open_exc = uow.session.scalar(select(func.count()).select_from(models.ExceptionCase)
                                  .where(models.ExceptionCase.status == "open")) or 0
    # Overdue first, then by time left; orders without a promise last.
    board_orders.sort(key=lambda o: (o.minutes_left is None, o.minutes_left if o.minutes_left is not None else 0,
                                     -o.priority_score))
    return FloorBoard(now, counts, board_orders, pickers, stations, open_exc)


def active_batches(uow: UnitOfWork) -> list[tuple[str, str | None, str, int]]:
    """(code, picker login, status, version) of every batch still on the floor."""
    B, U = models.PickBatch, models.User
    return [(c, login, st, v) for c, login, st, v in uow.session.execute(
        select(B.code, U.login, B.status, B.version).outerjoin(U, B.picker_id == U.id)
        .where(B.status.in_(ACTIVE_BATCH)).order_by(B.code))]


def picker_logins(uow: UnitOfWork) -> list[tuple[str, str]]:
    U = models.User
    return [(login, name) for login, name in uow.session.execute(
        select(U.login, U.display_name).where(U.role == Role.PICKER.value, U.active.is_(True)).order_by(U.login))]
