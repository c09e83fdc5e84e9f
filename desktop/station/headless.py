"""A headless picking station: the services and the journal, no window.

Used to prove the multi-station guarantees (tests/desktop/test_stations.py) and to measure them
(benchmarks/sync.py): several of these processes pick overlapping work from one PostgreSQL at full
speed, are killed at random, lose their database link, and restart. Each confirmed pick is written
to the station's journal before it is "answered" (a line `CONFIRMED <action id>` on stdout), then
applied; a restarted station first replays what its journal still holds.

    python -m desktop.station.headless --db URL --login picker1 --pin 1111 --station S1 --journal FILE [--batches N]
        [--stats FILE]

With `--stats FILE` the station counts what it asks of the central database — statements, the time
they take (sent, run by the server, answered), and claims of a planned cart that another station won
(an UPDATE of pick_batches matching no row) — and writes them, with its confirmed scans and batches,
as JSON when it ends: the work as one station sees it. The server's own count (pg_stat_statements,
when the server preloads it) is read by benchmarks/peak_day.py per station login.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from sqlalchemy import event

from sqlalchemy.exc import InterfaceError, OperationalError

from desktop.db.database import Database, DatabaseUnavailable
from desktop.station.journal import StationJournal, replay
from desktop.services import auth, picking
from desktop.station.actions import HANDLERS


def say(*words: object) -> None:
    print(*words, flush=True)


def _when_reachable(what):
    """Run `what()`; while the central database is out of reach, say so and try again."""
    while True:
        try:
            return what()
        except (OperationalError, InterfaceError, DatabaseUnavailable) as exc:
            say("OFFLINE", str(exc).splitlines()[0][:120])
            time.sleep(0.2)


class StatementCounter:
    """Statements this process sends, their round-trip time, and cart claims lost to another station."""

    def __init__(self, engine) -> None:  # noqa: ANN001 - a SQLAlchemy Engine
        self.statements = 0
        self.seconds = 0.0
        self.lost_claims = 0
        self._started: list[float] = []
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, *_args) -> None:  # noqa: ANN002
        self._started.append(time.perf_counter())

    def _after(self, _conn, cursor, statement: str, *_rest) -> None:  # noqa: ANN001
        self.seconds += time.perf_counter() - self._started.pop()
        self.statements += 1
        if statement.startswith("UPDATE pick_batches") and cursor.rowcount == 0:
            self.lost_claims += 1


def run(url: str, login: str, pin: str, station: str, journal_path: str, batches: int | None,
        replay_every: int = 1, stats_path: str | None = None) -> int:
    db = Database.open(url, migrate_schema=False)
    journal = StationJournal(journal_path)
    counter = StatementCounter(db.engine) if stats_path else None
    scans = 0
    done = 0
    try:
        leftover = replay(journal, db, HANDLERS)
        say("REPLAYED", len(leftover.applied), "CONFLICTS", len(leftover.conflicts))
        def sign_in():
            with db.unit_of_work() as uow:
                return auth.sign_in_with_pin(uow, login, pin, station)

        actor = _when_reachable(sign_in)

        def take_batch():
            with db.unit_of_work(actor) as uow:
                return picking.next_batch(uow)

        while batches is None or done < batches:
            try:
                view = _when_reachable(take_batch)
            except picking.NothingToPick:
                say("NOTHING_TO_PICK")
                break
            say("BATCH", view.code, len(view.open_stops))
            for n, stop in enumerate(view.open_stops, start=1):
                action_id = journal.record(actor, "pick", {"task_id": stop.task_id, "qty": stop.qty - stop.picked_qty,
                                                           "lot": stop.lot_code})
                say("CONFIRMED", action_id, f"{time.time():.4f}")  # answered: from here it must not be lost
                scans += 1
                if n % replay_every == 0:
                    report = replay(journal, db, HANDLERS)
                    if not report.complete:
                        say("OFFLINE", report.stopped.splitlines()[0] if report.stopped else "")
                        time.sleep(0.2)
            while not (report := replay(journal, db, HANDLERS)).complete:
                time.sleep(0.2)
            done += 1
        say("DONE", done)
        return 0
    finally:
        if counter is not None:
            Path(stats_path).write_text(json.dumps({  # type: ignore[arg-type]
                "station": station, "scans": scans, "batches": done, "statements": counter.statements,
                "db_seconds": round(counter.seconds, 4), "lost_claims": counter.lost_claims}))
        journal.close()
        db.dispose()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m desktop.station.headless")
    p.add_argument("--db", required=True)
    p.add_argument("--login", required=True)
    p.add_argument("--pin", required=True)
    p.add_argument("--station", required=True)
    p.add_argument("--journal", required=True)
    p.add_argument("--batches", type=int, default=None)
    p.add_argument("--replay-every", type=int, default=1)
    p.add_argument("--stats", default=None, help="write the station's statement counts here (JSON) at the end")
    args = p.parse_args(argv)
    return run(args.db, args.login, args.pin, args.station, args.journal, args.batches, args.replay_every,
               args.stats)


if __name__ == "__main__":
    sys.exit(main())


# ─── checking a run ─────────────────────────────────────────────────────────────


def stock_snapshot(db: Database) -> dict[int, int]:
    from sqlalchemy import select

    from desktop.db import models

    with db.engine.connect() as conn:
        return dict(conn.execute(select(models.Stock.id, models.Stock.on_hand)).all())


def last_event_id(db: Database) -> int:
    """The newest pick event before a run: what came before (the demo's history) is not the run's."""
    from sqlalchemy import func, select

    from desktop.db import models

    with db.engine.connect() as conn:
        return conn.execute(select(func.coalesce(func.max(models.PickEvent.id), 0))).scalar()


def verify_run(db: Database, start_stock: dict[int, int], journal_paths: list, confirmed: list[str],
               after_event_id: int = 0) -> dict[str, int]:
    """Count what went wrong in a multi-station run; every count but `applied`/`conflicts` must be 0.

    lost: answered actions missing from the journals, or still pending after the final replay;
    duplicated: actions applied more than once; orphan_events: pick events with no journaled action;
    double_picked: tasks whose events add up to more than they hold or than they record;
    stock_mismatch: stock rows not equal to what was there less what was picked;
    bad_reservations: rows reserving below zero or beyond what is on hand;
    split_orders: orders whose stops ended up in two batches.
    """
    from collections import Counter

    from sqlalchemy import func, select

    from desktop.db import models
    from desktop.station.journal import APPLIED, CONFLICT, StationJournal

    journaled: dict[str, str] = {}
    for path in journal_paths:
        journal = StationJournal(path)
        journaled.update({e.action_id: e.state for e in journal.entries()})
        journal.close()
    with db.engine.connect() as conn:
        events = conn.execute(select(models.PickEvent.action_id, models.PickEvent.task_id, models.PickEvent.qty)
                              .where(models.PickEvent.kind == "pick", models.PickEvent.id > after_event_id)).all()
        tasks = {t.id: (t.qty, t.picked_qty, t.stock_id) for t in conn.execute(select(models.PickTask)).all()}
        stock = dict(conn.execute(select(models.Stock.id, models.Stock.on_hand)).all())
        bad_reservations = conn.execute(
            select(func.count()).select_from(models.Stock)
            .where((models.Stock.reserved < 0) | (models.Stock.reserved > models.Stock.on_hand))).scalar()
        split_orders = len(conn.execute(
            select(models.OrderLine.order_id).join(models.PickTask, models.PickTask.order_line_id == models.OrderLine.id)
            .group_by(models.OrderLine.order_id).having(func.count(func.distinct(models.PickTask.batch_id)) > 1)).all())
    applied = {aid for aid, state in journaled.items() if state == APPLIED}
    per_action = Counter(aid for aid, _, _ in events)
    per_task: Counter = Counter()
    taken: Counter = Counter()
    for _, task_id, qty in events:
        per_task[task_id] += qty
        taken[tasks[task_id][2]] += qty
    return {
        "confirmed": len(confirmed),
        "applied": len(applied),
        "conflicts": sum(1 for s in journaled.values() if s == CONFLICT),
        "lost": len(set(confirmed) - set(journaled)) + sum(1 for s in journaled.values() if s not in (APPLIED, CONFLICT)),
        "duplicated": sum(n - 1 for n in per_action.values() if n > 1),
        "orphan_events": len(set(per_action) - applied) + len(applied - set(per_action)),
        "double_picked": sum(1 for t, q in per_task.items() if not (tasks[t][1] == q <= tasks[t][0])),
        "stock_mismatch": sum(1 for sid, before in start_stock.items() if stock[sid] != before - taken[sid]),
        "bad_reservations": bad_reservations,
        "split_orders": split_orders,
    }
