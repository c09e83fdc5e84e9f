"""Live updates: the change feed, watched off the GUI thread, announced as a Qt signal.

Every committed change appends a row to the change feed (in the same transaction). The watcher
reads new rows through the task runner and emits `changed(FeedEntry)` for each, in order, on the GUI
thread. On PostgreSQL it also LISTENs for the commit's notification and reads at once; on SQLite
(and as a safety net) it polls every `interval_ms`. A supervisor's reassignment reaches the
picker's screen within one polling interval at worst (500 ms by default).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from desktop.services import feed
from ui.tasks import TaskRunner


class ChangeFeedWatcher(QObject):
    """Polls the change feed.

    Signals:
        changed(object): a `desktop.services.feed.FeedEntry`, once per committed change, in order.
        failed(str): reading the feed failed (the database is unreachable); polling goes on.
    """

    changed = Signal(object)
    failed = Signal(str)
    _notified = Signal(str)  # emitted on the listener thread, received on the GUI thread

    def __init__(self, runner: TaskRunner, *, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._last_id: int | None = None
        self._in_flight = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._listener = None
        self._again = False
        self._notified.connect(self._on_notified, Qt.ConnectionType.QueuedConnection)

    @property
    def last_id(self) -> int | None:
        return self._last_id

    @property
    def listening(self) -> bool:
        return self._listener is not None and self._listener.listening.is_set()

    def start(self) -> None:
        self._timer.start()
        db = self._runner.db
        if db is not None and db.backend == "postgresql" and self._listener is None:
            from desktop.db.notify import FeedListener

            self._listener = FeedListener(db.url, self._notified.emit)
            self._listener.start()
        self.poll()

    def stop(self) -> None:
        self._timer.stop()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None

    @Slot(str)
    def _on_notified(self, _topic: str) -> None:
        if self._in_flight:
            self._again = True  # read once more when the current read is back
        else:
            self.poll()

    @Slot()
    def poll(self) -> None:
        if self._in_flight:
            return
        self._in_flight = True
        after = self._last_id

        def op(uow):
            if after is None:
                return feed.latest_id(uow), []
            entries = feed.read_since(uow, after)
            return (entries[-1].id if entries else after), entries

        self._runner.run(op, self._read, self._failed, owner=self)

    def _read(self, result) -> None:
        self._in_flight = False
        self._last_id, entries = result
        for entry in entries:
            self.changed.emit(entry)
        if self._again:
            self._again = False
            self.poll()

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        self.failed.emit(str(exc))
