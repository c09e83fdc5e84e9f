"""One person, one active session: a sign-in at a second station takes over, and the first says so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
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
