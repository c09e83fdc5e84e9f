"""Starting the application: no display, which database, the whole start-up to the sign-in view."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from desktop.db.database import Database
from ui import app as shell_app
from ui.settings import Settings
from ui.station import station_paths


def test_no_display_is_a_clear_message_and_exit_status_2(monkeypatch, capsys) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(shell_app.sys, "platform", "linux")
    assert shell_app.run(argparse.Namespace(db=None)) == 2
    err = capsys.readouterr().err
    assert "no display" in err and "xvfb-run make run" in err


def test_has_display_reads_the_environment() -> None:
    assert shell_app.has_display({"DISPLAY": ":0"})
    assert shell_app.has_display({"WAYLAND_DISPLAY": "wayland-0"})
    assert shell_app.has_display({"QT_QPA_PLATFORM": "offscreen"})
    assert not shell_app.has_display({}) or not shell_app.sys.platform.startswith("linux")


def test_the_demo_is_seeded_only_into_the_embedded_default(monkeypatch, settings: Settings, tmp_path) -> None:
    settings.data_dir = str(tmp_path / "station")
    paths = station_paths(settings)
    embedded = f"sqlite:///{tmp_path / 'station' / 'pickdesk.sqlite3'}"
    none = argparse.Namespace(db=None)
    assert shell_app.database_choice(none, settings, paths) == (embedded, True)
    assert shell_app.database_choice(argparse.Namespace(db="sqlite:////x.db"), settings, paths) == ("sqlite:////x.db", False)
    settings.database_url = "postgresql+psycopg://h/wh"
    assert shell_app.database_choice(none, settings, paths) == ("postgresql+psycopg://h/wh", False)
    settings.database_url = ""
    monkeypatch.setenv("PICKDESK_DB_URL", "postgresql+psycopg://h/other")
    assert shell_app.database_choice(none, settings, paths) == ("postgresql+psycopg://h/other", False)


def test_the_style_sheet_loads_from_the_package() -> None:
    qss = shell_app.style_sheet()
    assert "#sign_in_button" in qss and "min-height: 48px" in qss


@pytest.fixture
def restore_app(qapp: QApplication):
    font, sheet, quit_on_close = QFont(qapp.font()), qapp.styleSheet(), qapp.quitOnLastWindowClosed()
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setQuitOnLastWindowClosed(quit_on_close)


def test_run_opens_the_database_and_shows_the_sign_in_view(qtbot, restore_app, demo_db: Database,
                                                           settings: Settings) -> None:
    seen: dict[str, object] = {}

    def shown(window) -> None:
        seen["central"] = window.centralWidget().objectName()
        seen["database"] = window.findChild(type(window.status_database), "status_database").toolTip()
        seen["cjk"] = "Droid Sans Fallback" in QApplication.font().families()
        window.close()

    assert shell_app.run(argparse.Namespace(db=demo_db.url), settings=settings, on_shown=shown) == 0
    assert seen == {"central": "sign_in", "database": demo_db.describe(), "cjk": True}
