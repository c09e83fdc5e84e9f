"""Fixtures for every UI test: one demo database per module, a task runner, a station window.

`sign_in(login)` (a fixture) signs in at the window as a person would; `station` is its name.
Shared through this conftest rather than imported, so test folders never import each other.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from pulse_server import pulse_server
from ui import i18n
from ui.main_window import MainWindow
from ui.station import build_station, station_paths
from ui.settings import Settings
from ui.tasks import TaskRunner

STATION = "TEST-01"
NULL_SINK = "pickdesk_null"


@pytest.fixture(scope="session", autouse=True)
def audio_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real PulseAudio server with a null sink: the scan sounds really play, and can be recorded.

    Set up before any Qt Multimedia object exists; its address goes to PULSE_SERVER for this run.
    """
    missing = "pulseaudio is missing: run scripts/system-deps.sh (the UI tests play real sounds)"
    with pulse_server(tmp_path_factory.mktemp("pulse"), NULL_SINK, missing) as server:
        previous = os.environ.get("PULSE_SERVER")
        os.environ["PULSE_SERVER"] = server.address
        yield server.address
        if previous is None:
            os.environ.pop("PULSE_SERVER", None)
        else:
            os.environ["PULSE_SERVER"] = previous


@pytest.fixture(scope="session", autouse=True)
def english_station(qapp, audio_server: str) -> None:
    """The stations of the tests look and speak as a real one at start-up: the bundled CJK font, the
    light style sheet, English (its plural forms come from its translation). A test that switches the
    language or the look switches back."""
    from ui.app import prepare_application

    prepare_application(qapp)
    i18n.apply_language(qapp, "en")


PINS = {"picker1": "1111", "picker2": "2222", "packer1": "3333", "super1": "5555", "admin": "9999"}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A small demo warehouse (40 orders), built once for the module."""
    folder = tmp_path_factory.mktemp("shell-db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PICKDESK_DATA_DIR", str(folder))
        mp.delenv("PICKDESK_DB_URL", raising=False)
        db = Database.open(f"sqlite:///{folder / 'central.sqlite3'}")
        build_demo(db, orders=40, seed=3)
        yield db
        db.dispose()


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("PICKDESK_DB_URL", raising=False)


@pytest.fixture
def settings(tmp_path) -> Settings:
    settings = Settings.from_file(tmp_path / "station.ini")
    settings.station_name = STATION
    return settings


@pytest.fixture
def runner(demo_db: Database) -> Iterator[TaskRunner]:
    runner = TaskRunner(demo_db)
    yield runner
    runner.wait_for_done(10_000)


@pytest.fixture
def window(qtbot, demo_db: Database, runner: TaskRunner, settings: Settings) -> Iterator[MainWindow]:
    """The station window on the sign-in view, names loaded; timers off (tests refresh by hand)."""
    win = MainWindow(build_station(settings, station_paths(settings), demo_db, runner), ping_ms=0, refresh_ms=0)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: win.sign_in_view is not None and win.sign_in_view.users.count() > 0)
    yield win
    win.close()
    runner.wait_for_done(10_000)
    qtbot.wait(1)  # let queued deliveries run before the runner goes


@pytest.fixture
def station() -> str:
    return STATION


@pytest.fixture
def sign_in(qtbot, window: MainWindow):
    """`sign_in(login, pin=None) -> Actor` at the station window."""
    return lambda login, pin=None: sign_in_at(qtbot, window, login, pin)


def sign_in_at(qtbot, window: MainWindow, login: str, pin: str | None = None) -> Actor:
    """Choose `login`, type the PIN and press Enter, as a person at the station would."""
    view = window.sign_in_view
    assert view is not None
    qtbot.waitUntil(lambda: view.users.count() > 0)
    assert view.select_user(login)
    qtbot.keyClicks(view.pin, pin or PINS[login])
    with qtbot.waitSignal(window.signed_in, timeout=10_000) as blocker:
        qtbot.keyClick(view.pin, Qt.Key.Key_Return)
    return blocker.args[0]
