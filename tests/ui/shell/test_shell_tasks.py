"""The task runner: work runs on a pool thread, results and failures come back on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QThread
from sqlalchemy import select

from desktop.db import models
from desktop.services.orders import count_by_status
from ui.tasks import TaskRunner


def test_success_arrives_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def op(uow):
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return sum(count_by_status(uow).values())

    def done(total: int) -> None:
        seen["total"] = total
        seen["gui"] = QThread.currentThread() is gui

    runner.run(op, done)
    qtbot.waitUntil(lambda: "total" in seen)
    assert seen == {"worker": True, "total": 40, "gui": True}
    qtbot.waitUntil(lambda: not runner.busy)


def test_failure_arrives_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:
    gui = QThread.currentThread()
    failures: list[tuple[BaseException, bool]] = []

    def op(uow):
        raise LookupError("no such tote")

    runner.run(op, lambda _r: pytest.fail("must not succeed"),
               lambda exc: failures.append((exc, QThread.currentThread() is gui)))
    qtbot.waitUntil(lambda: bool(failures))
    exc, on_gui = failures[0]
    assert isinstance(exc, LookupError) and str(exc) == "no such tote"
    assert on_gui


def test_busy_changed_brackets_the_work(qtbot, runner: TaskRunner) -> None:
    release = threading.Event()
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is True):
        runner.call(lambda: release.wait(5))
    assert runner.busy
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False):
        release.set()
    assert not runner.busy


def test_an_op_that_does_not_commit_is_rolled_back(qtbot, runner: TaskRunner) -> None:
    def rename(uow):
        user = uow.session.scalar(select(models.User).where(models.User.login == "picker3"))
        user.display_name = "Somebody else"
        uow.session.flush()

    done: list[object] = []
    runner.run(rename, done.append)
    qtbot.waitUntil(lambda: bool(done))
    names: list[str] = []
    runner.run(lambda uow: uow.session.scalar(
        select(models.User.display_name).where(models.User.login == "picker3")), names.append)
    qtbot.waitUntil(lambda: bool(names))
    assert names[0] != "Somebody else"


def test_a_result_for_a_deleted_owner_is_dropped(qtbot, runner: TaskRunner) -> None:
    owner = QObject()
    release = threading.Event()
    delivered: list[object] = []
    runner.call(lambda: release.wait(5), delivered.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner))
    release.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert delivered == []


def test_run_without_a_database_is_refused(qtbot) -> None:
    runner = TaskRunner(None)
    with pytest.raises(RuntimeError):
        runner.run(lambda uow: None)
