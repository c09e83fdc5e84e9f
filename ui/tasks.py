"""The one task runner: database work off the GUI thread, results back on it.

`TaskRunner.run(op, on_success, on_failure)` runs `op(uow)` on a worker thread of the runner's own
QThreadPool, inside a fresh unit of work, and calls `on_success(result)` or `on_failure(exc)` on the
GUI thread (the shape of Anki's CollectionOp / QueryOp). Delivery goes through a queued signal on
the runner, which lives in the GUI thread, so callbacks never run on a worker.

An op that changes data must call `uow.commit()` itself (the services do); otherwise the unit of
work rolls back when the op returns.

Pass `owner=` (a QWidget or other QObject) when the callbacks touch it: if the owner has been
deleted by the time the result arrives, the result is dropped instead of crashing.

Work done as a person (`actor=`) first checks that they are still signed in here: when they have
signed in at another station since (one person, one session), the op does not run, and instead of
its `on_failure` the runner's `session_lost(SignedInElsewhere)` tells the window, which goes back
to the sign-in and says where they are now.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from desktop.db.database import Database, UnitOfWork
from desktop.domain.actor import Actor
from desktop.domain.errors import SignedInElsewhere
from desktop.services.auth import ensure_still_signed_in

T = TypeVar("T")

log = logging.getLogger(__name__)


@dataclass
class _Pending:
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[BaseException], None] | None
    owner: QObject | None


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, task_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._runner = runner
        self._task_id = task_id
        self._fn = fn

    def run(self) -> None:  # runs on a worker thread
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            self._runner._finished.emit(self._task_id, False, exc)
        else:
            self._runner._finished.emit(self._task_id, True, result)


class TaskRunner(QObject):
    """Runs database work on a thread pool and delivers results on the GUI thread.

    Signals:
        busy_changed(bool): emitted when the first task starts or the last one finishes.
        session_lost(object): work done as a person was refused: `SignedInElsewhere` (they signed
            in at another station since); that work's own `on_failure` is not called.
    """

    busy_changed = Signal(bool)
    session_lost = Signal(object)
    # (task id, succeeded, result or exception) — emitted on a worker, received on the GUI thread.
    _finished = Signal(int, bool, object)

    def __init__(self, db: Database | None, *, max_threads: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # --- submitting -------------------------------------------------------------------------

    def run(self, op: Callable[[UnitOfWork], T], on_success: Callable[[T], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None, *, actor: Actor | None = None,
            owner: QObject | None = None) -> int:
        """Run `op(uow)` in its own unit of work (acting as `actor`) off the GUI thread."""
        db = self.db
        if db is None:
            raise RuntimeError("TaskRunner.run needs a database; use call() for work without one")

        def in_unit_of_work() -> T:
            with db.unit_of_work(actor) as uow:
                if actor is not None:
                    ensure_still_signed_in(uow)
                return op(uow)

        return self.call(in_unit_of_work, on_success, on_failure, owner=owner)

    def call(self, fn: Callable[[], T], on_success: Callable[[T], None] | None = None,
             on_failure: Callable[[BaseException], None] | None = None, *, owner: QObject | None = None) -> int:
        """Run a plain callable off the GUI thread (opening the database, talking to a printer)."""
        task_id = next(self._ids)
        self._pending[task_id] = _Pending(on_success, on_failure, owner)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(self, task_id, fn))
        return task_id

    # --- state --------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until every worker is idle (for shutdown and scripts, never during normal work)."""
        return self._pool.waitForDone(msecs)

    # --- delivering ---------------------------------------------------------------------------

    @Slot(int, bool, object)
    def _deliver(self, task_id: int, ok: bool, payload: object) -> None:
        pending = self._pending.pop(task_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        if pending is None:
            return
        if not ok and isinstance(payload, SignedInElsewhere):
            self.session_lost.emit(payload)  # the window's business, whoever asked
            return
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            return
        if ok:
            if pending.on_success is not None:
                pending.on_success(payload)
        elif pending.on_failure is not None:
            pending.on_failure(payload)  # type: ignore[arg-type]
        else:
            log.error("background task failed", exc_info=payload)  # type: ignore[arg-type]
