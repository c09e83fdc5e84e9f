"""Record → replay → report: how a station's confirmed actions reach the central database.

Every workspace that journals (the picker's picks, shorts and refusals; the packer's parcels) goes
through one `StationSync` per station, so each of them survives an outage on the same terms:

1. `record(actor, kind, payload)` keeps the action in the station journal (durably, before the
   person is answered) and asks for a replay;
2. a replay applies what is pending, in order, off the caller's thread — one replay at a time; a
   request made while one runs starts another as soon as it ends, so nothing recorded meanwhile
   waits for a timer;
3. each replay ends in a `SyncReport` (applied, with each handler's outcome; conflicts, with the
   error that refused them; how many still wait; whether the database dropped), handed to every
   listener. A report that is not `complete` asks the owner to try again later (`retry`).

The class holds no thread and no timer: `submit(work, on_done, on_failed)` runs `work()` somewhere
else and calls one of the two back **on the thread that calls `record` / `request`** (the GUI
thread's task runner in the window, `ui.sync.QtStationSync`; a plain loop in scripts and tests).
All of its state is touched from that one thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.domain.errors import PickdeskError
from desktop.station.journal import PENDING, Handler, ReplayReport, StationJournal, replay

Work = Callable[[], ReplayReport]
Submit = Callable[[Work, Callable[[ReplayReport], None], Callable[[BaseException], None]], object]
Listener = Callable[["SyncReport"], None]


@dataclass(frozen=True)
class Conflict:
    """A kept action the central database refused (it is with the supervisors now)."""

    action_id: str
    kind: str
    message: str
    error: PickdeskError | None


@dataclass(frozen=True)
class SyncReport:
    """What one replay did, and what is left."""

    applied: tuple[str, ...] = ()
    outcomes: Mapping[str, Any] = field(default_factory=dict)  # action id → what its handler returned
    kinds: Mapping[str, str] = field(default_factory=dict)  # action id → its kind, for those applied
    conflicts: tuple[Conflict, ...] = ()
    pending: int = 0  # confirmed actions still waiting on this station
    offline: str | None = None  # the replay stopped early: the central database dropped (why)
    failure: BaseException | None = None  # the replay itself failed (not an outage); tried again later

    @property
    def complete(self) -> bool:
        """Everything pending when the replay began was applied or became a conflict."""
        return self.offline is None and self.failure is None

    @property
    def retry(self) -> bool:
        """The owner should ask again after a pause (the database is out of reach, or replay failed)."""
        return not self.complete

    @classmethod
    def of(cls, report: ReplayReport, pending: int) -> SyncReport:
        return cls(applied=tuple(report.applied), outcomes=dict(report.outcomes),
                   kinds={aid: report.kinds[aid] for aid in report.applied},
                   conflicts=tuple(Conflict(aid, report.kinds[aid], message, report.errors.get(aid))
                                   for aid, message in report.conflicts),
                   pending=pending, offline=report.stopped)

    def applied_of(self, kinds: set[str] | frozenset[str]) -> tuple[str, ...]:
        """The applied actions of these kinds (a workspace's own), in the order they were applied."""
        return tuple(aid for aid in self.applied if self.kinds.get(aid) in kinds)

    def conflicts_of(self, kinds: set[str] | frozenset[str]) -> tuple[Conflict, ...]:
        return tuple(c for c in self.conflicts if c.kind in kinds)


class StationSync:
    """One station's journal and its replay to the central database (see the module's docstring)."""

    def __init__(self, journal: StationJournal, db: Database, handlers: Mapping[str, Handler],
                 submit: Submit) -> None:
        self.journal = journal
        self.db = db
        self.handlers = dict(handlers)
        self._submit = submit
        self._listeners: list[Listener] = []
        self._replaying = False
        self._again = False
        self._stopped = False

    # --- listening --------------------------------------------------------------------------

    def listen(self, listener: Listener) -> Callable[[], None]:
        """Hear every report; returns the call that stops listening."""
        self._listeners.append(listener)

        def forget() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return forget

    # --- recording and replaying ------------------------------------------------------------

    def record(self, actor: Actor, kind: str, payload: dict[str, Any], *, action_id: str | None = None) -> str:
        """Keep a confirmed action (durably, now), then ask for it to be replayed; returns its id."""
        if kind not in self.handlers:
            raise ValueError(f"no replay handler for actions of kind {kind!r}")
        action_id = self.journal.record(actor, kind, payload, action_id=action_id)
        self.request()
        return action_id

    def request(self) -> bool:
        """Replay what is pending: now, or right after the replay in progress. True if one started now."""
        if self._stopped or self.journal.closed:
            return False
        if self._replaying:
            self._again = True
            return False
        self._again = False
        if not self.pending:
            return False
        self._replaying = True
        journal, db, handlers = self.journal, self.db, self.handlers
        self._submit(lambda: replay(journal, db, handlers), self._replayed, self._failed)
        return True

    @property
    def replaying(self) -> bool:
        return self._replaying

    @property
    def pending(self) -> int:
        """How many confirmed actions wait on this station for the central database."""
        return 0 if self.journal.closed else self.journal.counts()[PENDING]

    def stop(self) -> None:
        """No replay starts from now on (the station is closing); one in flight still reports."""
        self._stopped = True

    # --- results (on the caller's thread) ---------------------------------------------------

    def _replayed(self, report: ReplayReport) -> None:
        self._replaying = False
        result = SyncReport.of(report, self.pending)
        self._tell(result)
        if result.complete and (self._again or result.pending):
            self.request()  # recorded while that replay ran: send it now, not after a pause

    def _failed(self, exc: BaseException) -> None:
        self._replaying = False
        self._tell(SyncReport(pending=self.pending, failure=exc))

    def _tell(self, report: SyncReport) -> None:
        for listener in list(self._listeners):
            listener(report)
