"""The station journal: every action a person confirms, kept on this machine before they are answered.

A station writes each confirmed action (a pick, a short report, a packed parcel …) here first, with
a unique action id, synchronously and durably (SQLite, WAL, synchronous=FULL). Only then does the
screen say "done". The action is applied to the central database in the background; if that is
unreachable the station carries on with the work it holds and the journal fills. `replay` applies
what is pending, in order, when the connection returns:

- applied: the central database took it (or had taken it already — every handler is idempotent by
  action id, so an action applied just before a crash is not applied twice);
- conflict: it no longer fits (the order was reassigned or cancelled meanwhile). It is kept, marked,
  and reported to the supervisors as an exception — never dropped;
- still pending: the database dropped again; replay stops and resumes later, in the same order.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from desktop.db.database import Database, DatabaseUnavailable, UnitOfWork
from desktop.db.retry import is_retryable, run_with_retry
from desktop.domain.actor import Actor
from desktop.domain.errors import PickdeskError
from desktop.domain.events import ExceptionOpened

PENDING, APPLIED, CONFLICT = "pending", "applied", "conflict"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS actions (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id  TEXT NOT NULL UNIQUE,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'pending',
    outcome    TEXT,
    done_at    TEXT
);
CREATE INDEX IF NOT EXISTS actions_state ON actions(state, seq);
CREATE TABLE IF NOT EXISTS handovers (
    kind       TEXT NOT NULL,
    key        TEXT NOT NULL,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    payload    TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
"""


@dataclass(frozen=True)
class JournalEntry:
    seq: int
    action_id: str
    at: datetime
    actor: dict[str, Any]
    kind: str
    payload: dict[str, Any]
    state: str
    outcome: str | None


def _actor_json(actor: Actor) -> str:
    return json.dumps({"user_id": actor.user_id, "login": actor.login, "display_name": actor.display_name,
                       "role": actor.role.value, "station": actor.station})


def actor_from(entry: JournalEntry) -> Actor:
    from desktop.domain.roles import Role

    a = entry.actor
    return Actor(a["user_id"], a["login"], a["display_name"], Role(a["role"]), a["station"])


class StationJournal:
    """A station's durable, ordered log of confirmed actions. Thread-safe."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        # One replay at a time per station: a second one (a workspace rebuilt, a quick sign-out and
        # in) would find actions the first is applying still pending and report them as conflicts.
        self.replaying = threading.Lock()
        self.closed = False
        self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")  # a confirmed action survives a power cut
        self._conn.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            self.closed = True

    def record(self, actor: Actor, kind: str, payload: dict[str, Any], action_id: str | None = None) -> str:
        """Keep the action durably; return its id. Recording the same id twice keeps the first."""
        action_id = action_id or uuid.uuid4().hex
        with self._lock:
            self._conn.execute(
                "INSERT OR IGNORE INTO actions(action_id, at, actor, kind, payload) VALUES (?, ?, ?, ?, ?)",
                (action_id, datetime.now(UTC).isoformat(), _actor_json(actor), kind,
                 json.dumps(payload, ensure_ascii=False, sort_keys=True)))
        return action_id

    def _rows(self, where: str, args: tuple = ()) -> list[JournalEntry]:
        with self._lock:
            rows = self._conn.execute(
                f"SELECT seq, action_id, at, actor, kind, payload, state, outcome FROM actions {where} ORDER BY seq",
                args).fetchall()
        return [JournalEntry(seq, aid, datetime.fromisoformat(at), json.loads(actor), kind, json.loads(payload),
                             state, outcome) for seq, aid, at, actor, kind, payload, state, outcome in rows]

    def pending(self) -> list[JournalEntry]:
        return self._rows("WHERE state = ?", (PENDING,))

    def conflicts(self) -> list[JournalEntry]:
        return self._rows("WHERE state = ?", (CONFLICT,))

    def entries(self) -> list[JournalEntry]:
        return self._rows("")

    def _finish(self, action_id: str, state: str, outcome: str | None) -> None:
        with self._lock:
            self._conn.execute("UPDATE actions SET state = ?, outcome = ?, done_at = ? WHERE action_id = ?",
                               (state, outcome, datetime.now(UTC).isoformat(), action_id))

    def mark_applied(self, action_id: str, outcome: str | None = None) -> None:
        self._finish(action_id, APPLIED, outcome)

    def mark_conflict(self, action_id: str, reason: str) -> None:
        self._finish(action_id, CONFLICT, reason)

    # --- work handed over -----------------------------------------------------------------------
    # Work in hand that is not an action yet (a half-packed parcel's units and weight) kept for the next
    # person at this station when someone signs out in the middle of it; taken back when it is resumed.

    def hand_over(self, actor: Actor, kind: str, key: str, payload: dict[str, Any]) -> None:
        """Keep `payload` for the next person (one per kind and key: a newer one replaces it)."""
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO handovers(kind, key, at, actor, payload) VALUES (?, ?, ?, ?, ?)",
                (kind, key, datetime.now(UTC).isoformat(), _actor_json(actor),
                 json.dumps(payload, ensure_ascii=False, sort_keys=True)))

    def handovers(self, kind: str) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
        """What waits for the next person: (key, who left it, payload), oldest first."""
        with self._lock:
            rows = self._conn.execute("SELECT key, actor, payload FROM handovers WHERE kind = ? ORDER BY at",
                                      (kind,)).fetchall()
        return [(key, json.loads(actor), json.loads(payload)) for key, actor, payload in rows]

    def take_handover(self, kind: str, key: str) -> dict[str, Any] | None:
        """The work kept under `key`, removed from the journal (None: nothing was kept)."""
        with self._lock:
            row = self._conn.execute("DELETE FROM handovers WHERE kind = ? AND key = ? RETURNING payload",
                                     (kind, key)).fetchone()
        return json.loads(row[0]) if row else None

    def counts(self) -> dict[str, int]:
        with self._lock:
            rows = self._conn.execute("SELECT state, count(*) FROM actions GROUP BY state").fetchall()
        return {PENDING: 0, APPLIED: 0, CONFLICT: 0, **dict(rows)}


Handler = Callable[[UnitOfWork, dict[str, Any], str], Any]


@dataclass
class ReplayReport:
    applied: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    outcomes: dict[str, Any] = field(default_factory=dict)  # what each applied action's handler returned
    errors: dict[str, PickdeskError] = field(default_factory=dict)  # why each conflict did not fit
    kinds: dict[str, str] = field(default_factory=dict)  # the kind of each action applied or refused
    stopped: str | None = None  # why replay stopped early (the database dropped again)

    @property
    def complete(self) -> bool:
        return self.stopped is None


def _transient(exc: BaseException) -> bool:
    """The central database is out of reach (or kept losing races): try the rest later, in order."""
    if isinstance(exc, DatabaseUnavailable) or is_retryable(exc):
        return True
    if isinstance(exc, (OperationalError, InterfaceError)):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def report_conflict(uow: UnitOfWork, entry: JournalEntry, reason: str) -> None:
    """A supervisor sees what could not be applied, with the whole action."""
    from desktop.db import models

    uow.session.add(models.ExceptionCase(kind="conflict", detail={
        "action_id": entry.action_id, "kind": entry.kind, "payload": entry.payload, "by": entry.actor.get("login"),
        "station": entry.actor.get("station"), "at": entry.at.isoformat(), "reason": reason}))
    uow.audit("journal_conflict", "journal", entry.action_id, kind=entry.kind, reason=reason)
    uow.announce(ExceptionOpened(subject=entry.action_id, kind="conflict"))
    uow.commit()


def replay(journal: StationJournal, db: Database, handlers: dict[str, Handler]) -> ReplayReport:
    """Apply pending actions in order. Idempotent; stops (keeping the rest pending) if the database drops.

    Replays of one journal run one after the other: a second waits, then finds what is still pending.
    """
    with journal.replaying:
        return _replay(journal, db, handlers)


def _replay(journal: StationJournal, db: Database, handlers: dict[str, Handler]) -> ReplayReport:
    report = ReplayReport()
    for entry in journal.pending():
        report.kinds[entry.action_id] = entry.kind
        handler = handlers.get(entry.kind)
        actor = actor_from(entry)
        try:
            if handler is None:
                raise PickdeskError(f"This station cannot apply actions of kind {entry.kind!r}.",
                                    f"本工作站无法处理 {entry.kind!r} 类操作。")
            outcome = run_with_retry(db, lambda uow, e=entry, h=handler: h(uow, e.payload, e.action_id), actor=actor)
        except PickdeskError as exc:
            try:
                run_with_retry(db, lambda uow, e=entry, m=exc.message: report_conflict(uow, e, m), actor=actor)
            except Exception as inner:  # noqa: BLE001
                if _transient(inner):
                    report.stopped = str(inner)
                    break
                raise
            journal.mark_conflict(entry.action_id, exc.message)
            report.conflicts.append((entry.action_id, exc.message))
            report.errors[entry.action_id] = exc
        except Exception as exc:  # noqa: BLE001
            if _transient(exc):
                report.stopped = str(exc)
                break
            raise
        else:
            journal.mark_applied(entry.action_id, None if outcome is None else type(outcome).__name__)
            report.applied.append(entry.action_id)
            report.outcomes[entry.action_id] = outcome
    return report
