"""The floor board: orders on the floor, overdue first; pickers, their stations and batches.

Two ways to read it. `floor_board` reads everything the board shows at once (the first `limit` orders).
The console reads it in parts that never touch every order: `floor_summary` (counts by status and
priority class — one aggregate query —, pickers, stations, open exceptions), `floor_orders` (one page
of the floor's orders in board order, after a given row: keyset paging, so page 50 costs what page 1
does) and `board_orders` (the rows of named orders, whatever their status: what a feed event changed).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import selectinload, undefer

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import PickdeskError
from desktop.domain.roles import Role
from desktop.security.crypto import SealBroken, mask_phone
from desktop.security.keys import KeyRefused
from desktop.routing.priority import priority_score
from desktop.services.supervision.common import ACTIVE_BATCH, ON_FLOOR, _supervisor


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
    order_id: int = 0
    rank_score: float = 0.0  # the exact priority score (`priority_score` is rounded for reading)
    phone: str = ""  # masked (+86 138****8000): a search's rows only, on a station holding the key
    # How intake shaped it (docs/intake.md): ("merged", group code, the other orders), ("split", "",
    # its other shipments), ("part", "", the order it is a shipment of); ("", "", ()) for a plain order.
    shape: tuple[str, str, tuple[str, ...]] = ("", "", ())

    @property
    def on_floor(self) -> bool:
        return self.status in FLOOR_STATUSES

    @property
    def board_key(self) -> tuple:
        """Where the order stands on the board: soonest ship-by first (none last), then the higher score."""
        return (self.promised_ship_by is None, self.promised_ship_by or datetime.min, -self.rank_score,
                self.order_id)


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
class FloorSummary:
    """The floor without its orders: what the console's floor tab shows beside the board."""

    at: datetime
    counts: dict[tuple[str, str], int]  # (status, priority class) → orders
    pickers: list[PickerRow]
    stations: list[StationRow]
    open_exceptions: int

    def count(self, status: str) -> int:
        return sum(n for (s, _), n in self.counts.items() if s == status)


@dataclass(frozen=True)
class FloorBoard(FloorSummary):
    """The summary with the first orders of the board."""

    orders: list[BoardOrder] = field(default_factory=list)


FLOOR_STATUSES = frozenset(s.value for s in ON_FLOOR)
PAGE = 200
ONLINE_WINDOW = timedelta(hours=12)  # a station signed in within this time and not signed out counts as online


def _board_rows(uow: UnitOfWork, orders: list[models.Order], now: datetime) -> list[BoardOrder]:
    """Board rows of `orders`, with the picker and batch of each (one query for all of them)."""
    O, T, B, U = models.Order, models.PickTask, models.PickBatch, models.User
    ids = [o.id for o in orders]
    batch_of: dict[int, tuple[str, str | None]] = {}
    if ids:
        for order_id, code, login in uow.session.execute(
                select(models.OrderLine.order_id, B.code, U.login).select_from(T)
                .join(models.OrderLine, T.order_line_id == models.OrderLine.id).join(B, T.batch_id == B.id)
                .outerjoin(U, B.picker_id == U.id)
                .where(models.OrderLine.order_id.in_(ids), B.status.in_(ACTIVE_BATCH))):
            batch_of[order_id] = (code, login)
    assigned = {o.assigned_picker_id for o in orders if o.assigned_picker_id is not None}
    pickers_by_id = ({uid: login for uid, login in uow.session.execute(select(U.id, U.login).where(U.id.in_(assigned)))}
                     if assigned else {})
    shapes = _shapes(uow, orders)
    rows = []
    for o in orders:
        left = None if o.promised_ship_by is None else int((o.promised_ship_by - now).total_seconds() // 60)
        code, login = batch_of.get(o.id, (None, pickers_by_id.get(o.assigned_picker_id)))
        rows.append(BoardOrder(o.order_no, o.merchant.code, o.status, o.priority_class,
                               round(o.priority_score, 1), o.promised_ship_by, left, o.hold_reason,
                               o.hold_detail, login, code, len(o.lines), sum(ln.qty for ln in o.lines),
                               o.id, o.priority_score, shape=shapes.get(o.id, ("", "", ()))))
    return rows


def _shapes(uow: UnitOfWork, orders: list[models.Order]) -> dict[int, tuple[str, str, tuple[str, ...]]]:
    """Merged shipments and splits of `orders`, in two statements for the page (one when none is merged)."""
    O, G = models.Order, models.OrderGroup
    ids = [o.id for o in orders]
    if not ids:
        return {}
    shapes: dict[int, tuple[str, str, tuple[str, ...]]] = {}
    groups = {o.merge_group_id for o in orders if o.merge_group_id is not None}
    heads = {o.split_of_id for o in orders if o.split_of_id is not None}
    members: dict[int, list[tuple[int, str]]] = {}
    codes: dict[int, str] = {}
    if groups:
        for gid, code, oid, no in uow.session.execute(
                select(G.id, G.code, O.id, O.order_no).join(O, O.merge_group_id == G.id).where(G.id.in_(sorted(groups)))
                .order_by(O.id)):
            codes[gid] = code
            members.setdefault(gid, []).append((oid, no))
    family: dict[int, list[str]] = {}  # an order → its split-off parts
    names: dict[int, str] = {}
    for oid, no, head in uow.session.execute(
            select(O.id, O.order_no, O.split_of_id).where(or_(O.split_of_id.in_(ids), O.id.in_(sorted(heads) or [0])))):
        names[oid] = no
        if head is not None:
            family.setdefault(head, []).append(no)
    for o in orders:
        if o.merge_group_id is not None and o.merge_group_id in codes:
            shapes[o.id] = ("merged", codes[o.merge_group_id],
                            tuple(no for oid, no in members[o.merge_group_id] if oid != o.id))
        elif o.split_of_id is not None:
            shapes[o.id] = ("part", "", (names.get(o.split_of_id, ""),))
        elif o.id in family:
            shapes[o.id] = ("split", "", tuple(family[o.id]))
    return shapes


def floor_orders(uow: UnitOfWork, after: BoardOrder | None = None, limit: int = PAGE,
                 now: datetime | None = None) -> list[BoardOrder]:
    """One page of the orders on the floor in board order (`BoardOrder.board_key`), the page after `after`.

    Keyset paging: the page starts after the given row's place, so it costs the same however deep, and
    rows that left the floor meanwhile shift nothing."""
    now = now or utcnow()
    O = models.Order
    q = (select(O).where(O.status.in_(sorted(FLOOR_STATUSES))).options(selectinload(O.merchant), selectinload(O.lines))
         .order_by(O.promised_ship_by.is_(None), O.promised_ship_by, O.priority_score.desc(), O.id).limit(limit))
    if after is not None:
        behind = or_(O.priority_score < after.rank_score,
                     and_(O.priority_score == after.rank_score, O.id > after.order_id))
        if after.promised_ship_by is None:
            q = q.where(O.promised_ship_by.is_(None), behind)
        else:
            q = q.where(or_(O.promised_ship_by.is_(None), O.promised_ship_by > after.promised_ship_by,
                            and_(O.promised_ship_by == after.promised_ship_by, behind)))
    return _board_rows(uow, list(uow.session.scalars(q)), now)


def board_orders(uow: UnitOfWork, order_nos: list[str] | tuple[str, ...] | set[str],
                 now: datetime | None = None) -> list[BoardOrder]:
    """The board rows of these orders, whatever their status (an order that left the floor says so);
    order numbers that do not exist are left out."""
    if not order_nos:
        return []
    O = models.Order
    orders = list(uow.session.scalars(select(O).where(O.order_no.in_(list(order_nos)))
                                      .options(selectinload(O.merchant), selectinload(O.lines))))
    return _board_rows(uow, orders, now or utcnow())


def floor_summary(uow: UnitOfWork, now: datetime | None = None) -> FloorSummary:
    """Counts by status and priority class (one aggregate), pickers with their batches, stations, open
    exceptions: the floor tab beside its board, read without loading any order."""
    now = now or utcnow()
    O, B, U, S = models.Order, models.PickBatch, models.User, models.Station
    counts = {(st, pc): n for st, pc, n in uow.session.execute(
        select(O.status, O.priority_class, func.count()).group_by(O.status, O.priority_class))}
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
    return FloorSummary(now, counts, pickers, stations, open_exc)


def floor_board(uow: UnitOfWork, now: datetime | None = None, limit: int = 300) -> FloorBoard:
    """The whole board at once: the summary and the first `limit` orders, overdue first."""
    now = now or utcnow()
    summary = floor_summary(uow, now)
    board_orders_ = floor_orders(uow, None, limit, now)
    # Overdue first, then by time left; orders without a promise last.
    board_orders_.sort(key=lambda o: (o.minutes_left is None, o.minutes_left if o.minutes_left is not None else 0,
                                      -o.priority_score))
    return FloorBoard(now, summary.counts, summary.pickers, summary.stations, summary.open_exceptions, board_orders_)


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


SEARCH_LIMIT = 50
# "tel:1234", "phone:1234", "电话：1234": the customer's phone, by its last four digits.
PHONE_QUERY = re.compile(r"^(?:tel|phone|电话)\s*[:：]\s*(.*)$", re.IGNORECASE)
FOUR_DIGITS = re.compile(r"^[0-9]{4}$")


class PhoneQueryRefused(PickdeskError):
    """A `tel:` search that is not four digits."""

    code = "phone_query_refused"

    def __init__(self, given: str) -> None:
        super().__init__(f"Search a phone by its last four digits, as in tel:1234 (not “{given}”).",
                         f"请按手机号后四位搜索，例如 电话：1234（而不是“{given}”）。")


def _phone_tail_query(term: str) -> tuple[str | None, bool]:
    """(the four digits to look for, whether only the phone is searched)."""
    asked = PHONE_QUERY.match(term)
    if asked:
        digits = unicodedata.normalize("NFKC", asked.group(1)).strip()
        if not FOUR_DIGITS.match(digits):
            raise PhoneQueryRefused(asked.group(1).strip())
        return digits, True
    digits = unicodedata.normalize("NFKC", term)
    return (digits, False) if FOUR_DIGITS.match(digits) else (None, False)


def search_orders(uow: UnitOfWork, text: str, limit: int = SEARCH_LIMIT, now: datetime | None = None) -> list[BoardOrder]:
    """Orders whatever their status, found by what a supervisor has in hand: the order number (or part
    of it), a parcel's tracking number, or a SKU code on one of its lines. Supervisors and admins only.

    The customer's phone by its last four digits: `tel:1234` (or `phone:`, `电话：`) searches only the
    phone; four digits alone search the numbers and the phone. The match is on the keyed digest beside
    the sealed phone (migration 0018, `crypto.phone_tail_digest`), so no row is opened to find it; a
    `tel:` search on a station without the key is refused (`KeyRefused`), four bare digits there search
    the numbers only. The rows found carry the phone masked (opened on this station, never shown whole).

    Every match is made in the database (indexed columns, no customer data read to match); newest
    orders first, at most `limit`."""
    _supervisor(uow)
    term = (text or "").strip()
    if not term:
        return []
    O, S, L, K = models.Order, models.Shipment, models.OrderLine, models.Sku
    tail, phone_only = _phone_tail_query(term)
    matches = []
    if tail is not None:
        try:
            digests = uow.sealer.tail_digests(tail)
        except KeyRefused:
            if phone_only:
                raise
            digests = ()
        if digests:
            matches.append(O.customer_phone_tail.in_(digests))
    if not phone_only:
        pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        by_tracking = select(S.order_id).where(S.tracking_no == term)
        by_sku = select(L.order_id).join(K, L.sku_id == K.id).where(K.sku_code == term)
        matches += [O.order_no.ilike(pattern, escape="\\"), O.id.in_(by_tracking), O.id.in_(by_sku)]
    q = (select(O).where(or_(*matches))
         .options(selectinload(O.merchant), selectinload(O.lines), undefer(O.customer_phone_sealed))
         .order_by(O.id.desc()).limit(limit))
    orders = list(uow.session.scalars(q))
    rows = _board_rows(uow, orders, now or utcnow())
    return [replace(row, phone=_masked_phone(uow, o)) for row, o in zip(rows, orders, strict=True)]


def _masked_phone(uow: UnitOfWork, order: models.Order) -> str:
    try:
        return mask_phone(uow.sealer.open(order.customer_phone_sealed, "customer_phone", order.order_no))
    except (KeyRefused, SealBroken):
        return ""


@dataclass(frozen=True)
class ShiftPerson:
    """Someone who works here, as the console's people tab shows them: where they are signed in, and
    whether wrong PINs locked them out (until when)."""

    login: str
    display_name: str
    role: str
    stations: tuple[str, ...]  # where they are signed in now
    last_seen: datetime | None  # the latest of those stations' signs of life
    online: bool  # signed in at a station seen within ONLINE_WINDOW
    locked_until: datetime | None  # set only while locked out
    failed_attempts: int

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


def shift_people(uow: UnitOfWork, now: datetime | None = None) -> list[ShiftPerson]:
    """Everyone active: the locked out first, then those signed in (by station), then the rest by login.
    Supervisors and admins; no PIN or badge is read."""
    _supervisor(uow)
    now = now or utcnow()
    U, S = models.User, models.Station
    where: dict[int, list[tuple[str, datetime | None]]] = {}
    for user_id, name, seen in uow.session.execute(select(S.current_user_id, S.name, S.last_seen_at)
                                                   .where(S.current_user_id.is_not(None)).order_by(S.name)):
        where.setdefault(user_id, []).append((name, seen))
    people = []
    for uid, login, name, role, locked_until, failed in uow.session.execute(
            select(U.id, U.login, U.display_name, U.role, U.locked_until, U.failed_attempts)
            .where(U.active.is_(True)).order_by(U.login)):
        at = where.get(uid, [])
        seen = max((s for _n, s in at if s is not None), default=None)
        locked = locked_until if locked_until is not None and locked_until > now else None
        people.append(ShiftPerson(login, name, role, tuple(n for n, _s in at), seen,
                                  bool(at) and seen is not None and now - seen < ONLINE_WINDOW, locked, failed or 0))
    people.sort(key=lambda p: (not p.locked, not p.stations, p.stations[:1], p.login))
    return people
