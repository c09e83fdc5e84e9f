"""Live updates: the change feed, watched off the GUI thread, announced as a Qt signal.

Every committed change appends a row to the change feed (in the same transaction). The watcher
reads new rows every `interval_ms` through the task runner and emits `changed(FeedEntry)` for each,
in order, on the GUI thread. Screens refresh from it; a supervisor's reassignment reaches the
picker's screen within one polling interval (500 ms by default).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

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

    def __init__(self, runner: TaskRunner, *, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._last_id: int | None = None
        self._in_flight = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    @property
    def last_id(self) -> int | None:
        return self._last_id

    def start(self) -> None:
        self._timer.start()
        self.poll()

    def stop(self) -> None:
        self._timer.stop()

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

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        self.failed.emit(str(exc))
