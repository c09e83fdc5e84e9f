"""The station's composition root: one `build_station`, its files where its settings put them, the same
parts handed to every workspace, and everything ended when the station closes."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.domain.roles import Role
from printing.transports import PrinterSettings
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.station import WorkspaceContext, build_station, station_paths

PINS = {"packer1": "3333", "admin": "9999"}


def sign_in_at(qtbot, window: MainWindow, login: str) -> None:
    view = window.sign_in_view
    assert view is not None and view.select_user(login)
    view.pin.setText(PINS[login])
    with qtbot.waitSignal(window.signed_in, timeout=10_000):
        view.sign_in()


@pytest.fixture
def station_settings(tmp_path) -> Settings:
    """A station's settings file in tmp_path naming its own data folder (not PICKDESK_DATA_DIR's)."""
    settings = Settings.from_file(tmp_path / "station.ini")
    settings.station_name = "PACK-STATION 3"
    settings.data_dir = str(tmp_path / "files")
    settings.printer_kind, settings.printer_target, settings.label_format = "folder", str(tmp_path / "out"), "pdf"
    settings.sync()
    return settings


@pytest.fixture
def station_window(qtbot, demo_db, runner, station_settings):
    settings = Settings.from_file(station_settings.store.fileName())  # read back from the file, as at a start
    station = build_station(settings, station_paths(settings), demo_db, runner)
    window = MainWindow(station, ping_ms=0, refresh_ms=0)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.sign_in_view is not None and window.sign_in_view.users.count() > 0)
    yield window
    window.close()
    runner.wait_for_done(10_000)
    qtbot.wait(1)


def test_a_station_built_from_its_settings_file_keeps_its_files_in_that_folder(station_window, tmp_path):
    station = station_window.station
    files = tmp_path / "files"
    assert station.paths.data_dir == files
    assert station.journal.path == files / "journal-PACK-STATION_3.sqlite3" and station.journal.path.is_file()
    assert station.printing.queue.path == files / "print-queue.sqlite3" and station.printing.queue.path.is_file()
    assert not (tmp_path / "print-queue.sqlite3").exists()  # nothing in PICKDESK_DATA_DIR's folder
    assert not list(tmp_path.glob("journal-*"))
    assert station.printing.worker.is_alive()  # the print worker runs for the station's life
    assert station.printer == PrinterSettings("folder", str(tmp_path / "out"), format="pdf", label_size="100x150")
    assert station.scale is None and station.scanner is None  # no ports in the settings


def test_every_workspace_gets_the_same_station_parts(qtbot, station_window):
    station = station_window.station
    sign_in_at(qtbot, station_window, "admin")  # the admin may open every workspace
    seen: list[WorkspaceContext] = [station_window.workspace.context]
    for role in (Role.PICKER, Role.PACKER, Role.SUPERVISOR):
        station_window.open_workspace(role)
        seen.append(station_window.workspace.context)
    for context in seen:
        assert context.sync is station.sync and context.printing is station.printing
        assert context.db is station.db and context.runner is station.runner and context.settings is station.settings
        assert context.printer == station.printer and context.scale is station.scale
    station_window.open_workspace(Role.PACKER)
    bench = station_window.workspace
    assert bench.queue is station.printing.queue and bench.sync is station.sync and bench.printer == station.printer
    station_window.open_workspace(Role.PICKER)  # the bench goes; the station's queue and worker stay
    assert station.printing.worker.is_alive() and not station.journal.closed


def test_the_context_has_no_defaults(station_window):
    assert all(field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
               for field in dataclasses.fields(WorkspaceContext))
    with pytest.raises(TypeError):
        WorkspaceContext(actor=None, db=station_window.db, runner=station_window.runner,  # type: ignore[call-arg]
                         settings=station_window.settings, refresh_ms=0, sync=station_window.sync)


def test_the_devices_follow_the_settings_when_a_workspace_opens(qtbot, station_window, tmp_path):
    station = station_window.station
    before = station.printer
    station.settings.printer_target = str(tmp_path / "elsewhere")
    sign_in_at(qtbot, station_window, "packer1")
    assert station_window.workspace.printer == dataclasses.replace(before, target=str(tmp_path / "elsewhere"))
    assert station.printer is station_window.workspace.printer


def test_closing_the_window_closes_the_station(qtbot, demo_db, runner, station_settings):
    station = build_station(station_settings, station_paths(station_settings), demo_db, runner)
    window = MainWindow(station, ping_ms=0, refresh_ms=0)
    qtbot.addWidget(window)
    window.show()
    worker = station.printing.worker
    window.close()
    assert station.closed and station.journal.closed and not worker.is_alive()
