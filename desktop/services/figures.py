"""The figures: how long each stage takes, how much comes in, how pickers do, what comes back.

`compute_figures(uow, start, end)` reads one period [start, end) (UTC) and returns a frozen
`Figures`. Definitions, so a number on screen can be checked by hand:

* **Time per stage** — from `order_status_changes`, the first time an order reached each status:
  released = received → ready, picked = ready → picked, packed = picked → packed,
  shipped = packed → shipped, delivered = shipped → delivered. A stage counts in the period when it
  *ended* in the period. Mean, median and p90 in minutes; p90 is the nearest-rank percentile
  (the ⌈0.9·n⌉-th smallest value). The slowest stage is the one with the highest mean; the slowest
  *warehouse* stage leaves out delivery (which the carrier, not the warehouse, controls).
* **Orders per hour** — orders by `received_at`, counted in SQL per clock hour (UTC) of the period,
  and the mean over the period's hours. A period longer than 31 days is counted per day, one
  longer than 1 100 days per month (`orders_bucket`): the series never holds more than the
  period's buckets, and never more than about 1 100 of them, zeros included.
* **Pick rate per picker** — units of `pick_events` of kind `pick` divided by the picker's *active
  span*: from the picker's first to last pick event in the period (any kind), in hours. A picker
  with a span under one minute has no rate. **Error rate** — events of kind `error` / all events.
* **Short picks** — `pick_events` of kind `short` in the period, and `short_pick` exceptions opened.
* **SLA kept** — orders shipped in the period (their change to `shipped`) that shipped on or before
  `promised_ship_by`, over those shipped that had a promise.
* **Returns by reason** — RMAs created in the period. **Satisfaction** — feedback given in the
  period: responses, mean score (of those with a score), by category.

Every figure is aggregated by the database over the period's rows only (indexes of migration
0017): a one-day report reads that day, whatever the size of the database.

Exports: `to_json()`, `to_csv()` (long format: section, key, metric, value), `to_xlsx(path)`
(one sheet per section, XlsxWriter).
"""

from __future__ import annotations

import csv
import io
import json
import math
import statistics
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import and_, case, func, literal_column, select, text

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.domain.roles import Role, require_role
from printing.spreadsheet import safe_row

STAGES = (
    ("released", "received", "ready", "放行"),
    ("picked", "ready", "picked", "拣货"),
    ("packed", "picked", "packed", "打包"),
    ("shipped", "packed", "shipped", "发货"),
    ("delivered", "shipped", "delivered", "配送"),
)
STAGE_ZH = {name: zh for name, _a, _b, zh in STAGES}
WAREHOUSE_STAGES = ("released", "picked", "packed", "shipped")


@dataclass(frozen=True)
class StageTime:
    stage: str
    label_zh: str
    count: int
    mean_min: float | None
    median_min: float | None
    p90_min: float | None


@dataclass(frozen=True)
class PickerFigures:
    login: str
    display_name: str
    units_picked: int
    events: int
    errors: int
    shorts: int
    active_hours: float
    pick_rate_uph: float | None  # units per active hour
    error_rate: float | None  # errors / events


@dataclass(frozen=True)
class CategoryScore:
    category: str
    count: int
    mean_score: float | None


@dataclass(frozen=True)
class Figures:
    start: datetime
    end: datetime
    stages: tuple[StageTime, ...]
    slowest_stage: str | None
    slowest_warehouse_stage: str | None
    orders_received: int
    orders_per_hour: tuple[tuple[datetime, int], ...]
    mean_orders_per_hour: float
    pickers: tuple[PickerFigures, ...]
    short_pick_events: int
    short_pick_exceptions: int
    shipped: int
    shipped_with_promise: int
    sla_kept: int
    sla_rate: float | None
    returns_by_reason: tuple[tuple[str, int], ...]
    satisfaction_responses: int
    satisfaction_mean: float | None
    satisfaction_by_category: tuple[CategoryScore, ...]
    orders_bucket: str = "hour"  # hour, day or month: the step of `orders_per_hour`

    def stage(self, name: str) -> StageTime:
        return next(s for s in self.stages if s.stage == name)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["start"], d["end"] = self.start.isoformat(), self.end.isoformat()
        d["orders_per_hour"] = [[h.isoformat(), n] for h, n in self.orders_per_hour]
        d["returns_by_reason"] = dict(self.returns_by_reason)
        d["time_base"] = {"stages": "minutes", "pick_rate": "units per hour of the picker's active span "
                          "(first to last pick event in the period)", "p90": "nearest rank"}
        return d

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def rows(self) -> list[tuple[str, str, str, object]]:
        """(section, key, metric, value): the long format of the CSV."""
        out: list[tuple[str, str, str, object]] = [
            ("period", "", "start", self.start.isoformat()), ("period", "", "end", self.end.isoformat())]
        for s in self.stages:
            for metric in ("count", "mean_min", "median_min", "p90_min"):
                out.append(("stage", s.stage, metric, getattr(s, metric)))
        out.append(("stage", "", "slowest", self.slowest_stage))
        out.append(("stage", "", "slowest_in_warehouse", self.slowest_warehouse_stage))
        out.append(("orders", "", "received", self.orders_received))
        out.append(("orders", "", "mean_per_hour", self.mean_orders_per_hour))
        for hour, n in self.orders_per_hour:
            out.append(("orders_per_hour", hour.isoformat(), "received", n))
        for p in self.pickers:
            for metric in ("units_picked", "events", "errors", "shorts", "active_hours", "pick_rate_uph", "error_rate"):
                out.append(("picker", p.login, metric, getattr(p, metric)))
        out += [("short_picks", "", "events", self.short_pick_events),
                ("short_picks", "", "exceptions", self.short_pick_exceptions),
                ("sla", "", "shipped", self.shipped), ("sla", "", "shipped_with_promise", self.shipped_with_promise),
                ("sla", "", "kept", self.sla_kept), ("sla", "", "rate", self.sla_rate)]
        for reason, n in self.returns_by_reason:
            out.append(("returns", reason, "count", n))
        out += [("satisfaction", "", "responses", self.satisfaction_responses),
                ("satisfaction", "", "mean_score", self.satisfaction_mean)]
        for c in self.satisfaction_by_category:
            out.append(("satisfaction", c.category, "count", c.count))
            out.append(("satisfaction", c.category, "mean_score", c.mean_score))
        return out

    def to_csv(self) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["section", "key", "metric", "value"])
        for row in self.rows():
            w.writerow(safe_row(row))
        return buf.getvalue()

    def to_xlsx(self, path: str | Path) -> None:
        import xlsxwriter

        # Text is text: never a formula or a link, whatever a picker's name or a category holds.
        wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
        bold = wb.add_format({"bold": True})
        def sheet(name: str, header: list[str], rows: list[list[object]]) -> None:
            ws = wb.add_worksheet(name)
            ws.write_row(0, 0, header, bold)
            for i, row in enumerate(rows, start=1):
                ws.write_row(i, 0, safe_row(row))
            ws.set_column(0, len(header) - 1, 18)
        sheet("Summary", ["metric", "value"], [
            ["start (UTC)", self.start.isoformat()], ["end (UTC)", self.end.isoformat()],
            ["slowest stage", self.slowest_stage], ["slowest warehouse stage", self.slowest_warehouse_stage],
            ["orders received", self.orders_received], ["mean orders per hour", self.mean_orders_per_hour],
            ["short pick events", self.short_pick_events], ["short pick exceptions", self.short_pick_exceptions],
            ["shipped", self.shipped], ["SLA kept", self.sla_kept], ["SLA rate", self.sla_rate],
            ["satisfaction responses", self.satisfaction_responses], ["mean score", self.satisfaction_mean]])
        sheet("Stages", ["stage", "阶段", "count", "mean min", "median min", "p90 min"],
              [[s.stage, s.label_zh, s.count, s.mean_min, s.median_min, s.p90_min] for s in self.stages])
        sheet("Orders per hour", ["hour (UTC)", "received"],
              [[h.strftime("%Y-%m-%d %H:00"), n] for h, n in self.orders_per_hour])
        sheet("Pickers", ["picker", "name", "units", "events", "errors", "shorts", "active h", "units/h", "error rate"],
              [[p.login, p.display_name, p.units_picked, p.events, p.errors, p.shorts, p.active_hours,
                p.pick_rate_uph, p.error_rate] for p in self.pickers])
        sheet("Returns", ["reason", "count"], [list(r) for r in self.returns_by_reason])
        sheet("Satisfaction", ["category", "count", "mean score"],
              [[c.category, c.count, c.mean_score] for c in self.satisfaction_by_category])
        wb.close()


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def _r(x: float | None, nd: int = 2) -> float | None:
    return None if x is None else round(x, nd)


def period_of(start: date, end_inclusive: date) -> tuple[datetime, datetime]:
    """The UTC period [start 00:00, the day after end 00:00)."""
    return (datetime.combine(start, time(0), tzinfo=UTC),
            datetime.combine(end_inclusive + timedelta(days=1), time(0), tzinfo=UTC))


BUCKETS = (("hour", 31), ("day", 1100), ("month", None))  # the step, up to how many days of period


def bucket_for(start: datetime, end: datetime) -> str:
    days = (end - start).total_seconds() / 86400
    return next(name for name, most in BUCKETS if most is None or days <= most)


def _bucket_starts(start: datetime, end: datetime, bucket: str) -> list[datetime]:
    """The buckets' starts within [start, end): the zeros a series may hold, no more."""
    if bucket == "hour":
        h, step = start.replace(minute=0, second=0, microsecond=0), timedelta(hours=1)
    elif bucket == "day":
        h, step = start.replace(hour=0, minute=0, second=0, microsecond=0), timedelta(days=1)
    else:
        h, step = start.replace(day=1, hour=0, minute=0, second=0, microsecond=0), None
    out = []
    while h < end:
        out.append(h)
        h = h + step if step else (h.replace(year=h.year + 1, month=1) if h.month == 12 else h.replace(month=h.month + 1))
    return out


def _bucket_sql(uow: UnitOfWork, column, bucket: str):  # noqa: ANN001, ANN202 - a SQL expression
    """The bucket of a UTC timestamp column as the database computes it (text on SQLite)."""
    if uow.db.backend == "postgresql":
        return func.date_trunc(bucket, column.op("AT TIME ZONE")(literal_column("'UTC'")))
    fmt = {"hour": "%Y-%m-%d %H:00:00", "day": "%Y-%m-%d 00:00:00", "month": "%Y-%m-01 00:00:00"}[bucket]
    return func.strftime(fmt, column)


def _as_utc(value: datetime | str) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _minutes_between(uow: UnitOfWork, a, b):  # noqa: ANN001, ANN202 - SQL expressions
    if uow.db.backend == "postgresql":
        return func.extract("epoch", b - a) / 60.0
    return (func.julianday(b) - func.julianday(a)) * 1440.0


def _stage_times(uow: UnitOfWork, start: datetime, end: datetime) -> tuple[tuple[StageTime, ...], tuple[int, int, int]]:
    """Per stage, the orders whose stage ended in the period; and the promises of the orders shipped
    in it (shipped, with a promise, kept): one pass over those orders' history.

    Each order's first arrival at every status is one row (conditional MIN); the minutes of each
    stage are computed by the database, and on PostgreSQL counted, averaged and ranked there too
    (`percentile_cont(0.5)` is the median, `percentile_disc(0.9)` the nearest-rank p90). An order
    shipped in the period is one whose first change to shipped is in it — among the orders read
    already (shipped is a stage's end), so the promise kept costs no second pass over the history."""
    C, O = models.OrderStatusChange, models.Order
    ends = {b for _n, _a, b, _zh in STAGES}
    touched = select(C.order_id).where(C.to_status.in_(ends), C.at >= start, C.at < end).distinct().scalar_subquery()
    firsts = (select(C.order_id, *[func.min(case((C.to_status == st, C.at))).label(st)
                                   for st in sorted(ends | {a for _n, a, _b, _zh in STAGES})])
              .where(C.order_id.in_(touched)).group_by(C.order_id).subquery())
    columns = []
    for _name, a, b, _zh in STAGES:
        ta, tb = firsts.c[a], firsts.c[b]
        columns.append(case((and_(tb >= start, tb < end, ta.is_not(None), tb >= ta), _minutes_between(uow, ta, tb))))
    shipped_at = firsts.c["shipped"]
    shipped_in = and_(shipped_at >= start, shipped_at < end)
    promises = (case((shipped_in, 1)), case((and_(shipped_in, O.promised_ship_by.is_not(None)), 1)),
                case((and_(shipped_in, shipped_at <= O.promised_ship_by), 1)))
    durations = (select(*[c.label(f"m{i}") for i, c in enumerate(columns)],
                        *[c.label(f"p{i}") for i, c in enumerate(promises)])
                 .select_from(firsts).join(O, O.id == firsts.c.order_id).subquery())
    ms = [durations.c[f"m{i}"] for i in range(len(STAGES))]
    ps = [durations.c[f"p{i}"] for i in range(len(promises))]
    if uow.db.backend == "postgresql":  # one pass: every stage's count, mean, median and p90 at once
        # A period's rows make this costly enough for the planner to compile it (JIT): 75-160 ms of
        # compiling for a query that runs once (EXPLAIN ANALYZE at 100 000 orders). Off for this transaction.
        uow.session.execute(text("SET LOCAL jit = off"))
        row = uow.session.execute(select(*[agg for m in ms for agg in (
            func.count(m), func.avg(m), func.percentile_cont(0.5).within_group(m),
            func.percentile_disc(0.9).within_group(m))], *[func.count(p) for p in ps])).one()
        stats = [(int(row[4 * i]), *(float(v) for v in row[4 * i + 1:4 * i + 4])) if row[4 * i] else None
                 for i in range(len(STAGES))]
        kept = tuple(int(v) for v in row[4 * len(STAGES):])
    else:
        values: list[list[float]] = [[] for _ in STAGES]
        counts = [0] * len(promises)
        for row in uow.session.execute(select(*ms, *ps)):
            for i, v in enumerate(row[:len(STAGES)]):
                if v is not None:
                    values[i].append(float(v))
            for i, v in enumerate(row[len(STAGES):]):
                counts[i] += v is not None
        stats = [(len(v), statistics.fmean(v), statistics.median(v), p90(v)) if v else None for v in values]
        kept = tuple(counts)
    out = []
    for (name, _a, _b, zh), st in zip(STAGES, stats):
        if st:
            out.append(StageTime(name, zh, st[0], _r(st[1]), _r(st[2]), _r(st[3])))
        else:
            out.append(StageTime(name, zh, 0, None, None, None))
    return tuple(out), kept  # type: ignore[return-value]


def compute_figures(uow: UnitOfWork, start: datetime, end: datetime) -> Figures:
    require_role(uow.actor.role, Role.SUPERVISOR)
    s = uow.session
    stages, (shipped, with_promise, kept) = _stage_times(uow, start, end)
    timed = [st for st in stages if st.mean_min is not None]
    slowest = max(timed, key=lambda st: st.mean_min).stage if timed else None
    wh = [st for st in timed if st.stage in WAREHOUSE_STAGES]
    slowest_wh = max(wh, key=lambda st: st.mean_min).stage if wh else None

    O = models.Order
    bucket = bucket_for(start, end)
    key = _bucket_sql(uow, O.received_at, bucket)
    counted = {_as_utc(k): n for k, n in s.execute(
        select(key, func.count()).where(O.received_at >= start, O.received_at < end).group_by(key))}
    hours = {h: 0 for h in _bucket_starts(start, end, bucket)}
    for k, n in counted.items():
        hours[k] = hours.get(k, 0) + n
    received = sum(counted.values())
    span_h = max((end - start).total_seconds() / 3600, 1e-9)

    E, U = models.PickEvent, models.User
    per = s.execute(select(E.user_id, func.min(E.at), func.max(E.at), func.count(),
                           func.coalesce(func.sum(case((E.kind == "pick", E.qty), else_=0)), 0),
                           func.sum(case((E.kind == "error", 1), else_=0)),
                           func.sum(case((E.kind == "short", 1), else_=0)))
                    .where(E.at >= start, E.at < end).group_by(E.user_id)).all()
    users = {u.id: u for u in s.scalars(select(U).where(U.id.in_({p[0] for p in per})))} if per else {}
    pickers = []
    for uid, first, last, n, units, errors, shorts in per:
        active = (_as_utc(last) - _as_utc(first)).total_seconds() / 3600
        units, errors, shorts = int(units or 0), int(errors or 0), int(shorts or 0)
        user = users.get(uid)
        pickers.append(PickerFigures(user.login if user else str(uid), user.display_name if user else "", units,
                                     n, errors, shorts, round(active, 3),
                                     _r(units / active) if active * 60 >= 1 else None,
                                     _r(errors / n, 4) if n else None))
    pickers.sort(key=lambda p: p.login)
    short_exc = s.scalar(select(func.count()).select_from(models.ExceptionCase).where(
        models.ExceptionCase.kind == "short_pick", models.ExceptionCase.created_at >= start,
        models.ExceptionCase.created_at < end)) or 0

    R = models.ReturnRequest
    returns = tuple(sorted(((reason, n) for reason, n in s.execute(
        select(R.reason, func.count()).where(R.created_at >= start, R.created_at < end).group_by(R.reason))),
        key=lambda x: (-x[1], x[0])))

    F = models.Feedback
    fb = s.execute(select(F.category, F.score).where(F.at >= start, F.at < end)).all()
    scores = [sc for _c, sc in fb if sc is not None]
    cats: dict[str, list[int | None]] = {}
    for category, score in fb:
        cats.setdefault(category or "other", []).append(score)
    by_cat = tuple(CategoryScore(c, len(v), _r(statistics.fmean([x for x in v if x is not None]))
                                 if any(x is not None for x in v) else None) for c, v in sorted(cats.items()))
    return Figures(start, end, stages, slowest, slowest_wh, received, tuple(sorted(hours.items())),
                   round(received / span_h, 3), tuple(pickers),
                   sum(p.shorts for p in pickers), short_exc, shipped, with_promise, kept,
                   _r(kept / with_promise, 4) if with_promise else None, returns, len(fb),
                   _r(statistics.fmean(scores)) if scores else None, by_cat, bucket)
