"""One person, one active session: a sign-in at a second station takes over, and the first says so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.errors import SignedInElsewhere
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.station import build_station, station_paths
from ui.tasks import TaskRunner


@pytest.fixture
def second_window(qtbot, demo_db: Database, tmp_path) -> Iterator[MainWindow]:
    """Another station on the same central database: its own connection, task runner and settings."""
    db = Database.open(demo_db.url, key_store=demo_db.key_store)
    runner = TaskRunner(db)
    settings = Settings.from_file(tmp_path / "second.ini")
    settings.station_name = "PICK-08"
    win = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: win.sign_in_view is not None and win.sign_in_view.users.count() > 0)
    yield win
    if shiboken6.isValid(win):
        win.close()
    runner.wait_for_done(10_000)
    db.dispose()


def station_holder(db: Database, name: str) -> str | None:
    with db.unit_of_work() as uow:
        user = uow.session.scalar(select(models.User.login).join(models.Station, models.Station.current_user_id ==
                                                                 models.User.id).where(models.Station.name == name))
        return user


def test_a_second_sign_in_takes_over_and_the_first_station_says_so(qtbot, window: MainWindow,
                                                                     second_window: MainWindow, demo_db: Database,
                                                                     sign_in) -> None:
    sign_in("picker1")
    first = window.settings.station_name
    assert station_holder(demo_db, first) == "picker1"
    # Still here: the check finds nothing to say.
    with qtbot.assertNotEmitted(window.session_taken_over, wait=300):
        window.check_session()
    assert window.workspace is not None

    view = second_window.sign_in_view  # picker1 again, at the second station
    assert view.select_user("picker1")
    qtbot.keyClicks(view.pin, "1111")
    with qtbot.waitSignal(second_window.signed_in, timeout=10_000):
        qtbot.keyClick(view.pin, Qt.Key.Key_Return)
    assert station_holder(demo_db, "PICK-08") == "picker1"
    assert station_holder(demo_db, first) is None  # taken over
    with qtbot.waitSignal(window.session_taken_over, timeout=5000) as taken:
        window.check_session()  # what the station's ping does every few seconds
    assert taken.args == ["PICK-08"]
    assert window.actor is None and window.sign_in_view is not None
    view = window.sign_in_view
    qtbot.waitUntil(lambda: view.users.count() > 0)
    assert "PICK-08" in view.error.message and view.error.isVisible()
    assert second_window.actor is not None and second_window.workspace is not None
    with demo_db.unit_of_work() as uow:
        audit = uow.session.scalars(select(models.AuditEntry).where(models.AuditEntry.action == "session_taken_over")
                                    ).all()
    assert [a.detail["stations"] for a in audit] == [[first]]


def sign_in_at(qtbot, window: MainWindow, login: str, pin: str = "1111") -> None:
    view = window.sign_in_view
    assert view is not None and view.select_user(login)
    qtbot.keyClicks(view.pin, pin)
    with qtbot.waitSignal(window.signed_in, timeout=10_000):
        qtbot.keyClick(view.pin, Qt.Key.Key_Return)


def taken_over_here(window: MainWindow) -> bool:
    view = window.sign_in_view
    return window.actor is None and view is not None and "PICK-08" in view.error.message and view.error.isVisible()


def test_the_take_over_reaches_the_first_station_through_the_change_feed(qtbot, window: MainWindow,
                                                                         second_window: MainWindow, sign_in) -> None:
    """No ping (the windows' ping timers are off), no call by hand: the feed's poll brings it."""
    sign_in("picker1")
    qtbot.waitUntil(lambda: window.session_watcher.last_id is not None)
    with qtbot.waitSignal(window.session_taken_over, timeout=10_000) as taken:
        sign_in_at(qtbot, second_window, "picker1")
    qtbot.waitUntil(lambda: taken_over_here(window), timeout=5000)
    assert taken.args == ["PICK-08"]


def test_the_first_stations_next_call_fails_as_signed_in_elsewhere_and_shows_the_sign_in(
        qtbot, window: MainWindow, second_window: MainWindow, sign_in) -> None:
    sign_in("picker1")
    actor = window.actor
    window.session_watcher.stop()  # not heard on the feed: the next call is what finds out
    sign_in_at(qtbot, second_window, "picker1")
    failed = []
    with qtbot.waitSignal(window.runner.session_lost, timeout=10_000) as lost:
        window.runner.run(lambda uow: "ran", failed.append, failed.append, actor=actor)
    assert isinstance(lost.args[0], SignedInElsewhere) and lost.args[0].station == "PICK-08"
    assert failed == []  # the op did not run; the window took the error
    qtbot.waitUntil(lambda: taken_over_here(window), timeout=5000)


@pytest.mark.postgres
def test_on_postgresql_the_take_over_is_heard_through_listen_notify(qtbot, pg_empty_url, tmp_path,
                                                                     monkeypatch) -> None:
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    owner = Database.open(pg_empty_url)
    build_demo(owner, orders=6, seed=3)
    windows, runners = [], []
    try:
        for name in ("PG-01", "PICK-08"):
            db = Database.open(pg_empty_url, key_store=owner.key_store)
            runner = TaskRunner(db)
            settings = Settings.from_file(tmp_path / f"{name}.ini")
            settings.station_name = name
            win = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
            qtbot.addWidget(win)
            win.resize(1280, 800)
            win.show()
            qtbot.waitUntil(lambda w=win: w.sign_in_view is not None and w.sign_in_view.users.count() > 0,
                            timeout=10_000)
            windows.append(win)
            runners.append(runner)
        first, second = windows
        sign_in_at(qtbot, first, "picker1")
        first.session_watcher._timer.setInterval(600_000)  # the poll would take ten minutes: NOTIFY it is
        qtbot.waitUntil(lambda: first.session_watcher.last_id is not None and first.session_watcher.listening,
                        timeout=10_000)
        with qtbot.waitSignal(first.session_taken_over, timeout=10_000) as taken:
            sign_in_at(qtbot, second, "picker1")
        assert taken.args == ["PICK-08"]
        qtbot.waitUntil(lambda: taken_over_here(first), timeout=5000)
    finally:
        for win, runner in zip(windows, runners, strict=False):
            if shiboken6.isValid(win):
                win.close()
            runner.wait_for_done(10_000)
            runner.db.dispose()
        owner.dispose()
