"""The station's sync in Qt: `desktop.station.sync.StationSync` run on the task runner.

One per station (built by `ui.station`), shared by every workspace: a workspace records through
it and hears the reports it cares about (its own action ids) from `replayed`. Replays run on the
task runner's pool; their reports arrive on the GUI thread. A replay that could not finish (the
central database is out of reach) is asked again after `retry_ms`, whichever workspace is shown.

Signals:
    replayed(object): a `SyncReport` — what a replay applied, refused and left.
    journal_changed(int): how many confirmed actions wait on this station (after each replay and
        each record).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.station.journal import Handler, StationJournal
from desktop.station.sync import StationSync, SyncReport
from ui.tasks import TaskRunner

RETRY_MS = 2000


class QtStationSync(QObject):
    """Object name `station_sync`; its retry timer is `station_sync_retry`."""

    replayed = Signal(object)
    journal_changed = Signal(int)

    def __init__(self, journal: StationJournal, db: Database, handlers: Mapping[str, Handler], runner: TaskRunner,
                 *, retry_ms: int = RETRY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("station_sync")
        self.runner = runner
        self.core = StationSync(journal, db, handlers, self._submit)
        self.core.listen(self._on_report)
        self._retry = QTimer(self)
        self._retry.setObjectName("station_sync_retry")
        self._retry.setSingleShot(True)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self.request)

    def _submit(self, work, on_done, on_failed) -> None:  # noqa: ANN001 - StationSync's Submit
        self.runner.call(work, on_done, on_failed, owner=self)

    @property
    def journal(self) -> StationJournal:
        return self.core.journal

    @property
    def pending(self) -> int:
        return self.core.pending

    @property
    def replaying(self) -> bool:
        return self.core.replaying

    def record(self, actor: Actor, kind: str, payload: dict[str, Any], *, action_id: str | None = None) -> str:
        """Keep the action on this station (durably, now) and send it on; returns its id."""
        action_id = self.core.record(actor, kind, payload, action_id=action_id)
        self.journal_changed.emit(self.core.pending)
        return action_id

    @Slot()
    def request(self) -> None:
        """Replay what waits (at start-up, when the connection is back, on the retry timer)."""
        self.core.request()

    def _on_report(self, report: SyncReport) -> None:
        if report.retry:
            self._retry.start()
        self.replayed.emit(report)
        self.journal_changed.emit(report.pending)

    def stop(self) -> None:
        """Before the station closes: no more replays, no retry."""
        self._retry.stop()
        self.core.stop()
