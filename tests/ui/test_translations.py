"""Every visible string is translated: the Linguist files are complete and compiled, and a station switched
to Chinese shows no English on any workspace or dialog (nor Chinese when switched back), data aside.

The workspaces' own language tests (tests/ui/{picker,packer,supervisor}/test_*_language.py) walk each
screen through its states; this one switches a whole station and reads every window it can open.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from desktop.db.database import Database
from desktop.domain.roles import Role
from ui import i18n
from ui.help import GuideDialog, ShortcutsDialog
from ui.main_window import MainWindow, short_description
from ui.settings_dialog import SettingsDialog
from visible_text import data_strings, visible_texts, wrong_language

ROOT = Path(__file__).resolve().parents[2]


def load_translations_script():  # noqa: ANN201 - the module
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_linguist_files_translate_every_string_and_the_qm_files_are_compiled_from_them() -> None:
    problems = load_translations_script().check()
    assert problems == [], "\n".join(problems)


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp) -> Iterator[str]:
    i18n.apply_language(qapp, request.param)
    yield request.param
    i18n.apply_language(qapp, "en")


def wrong(window: MainWindow, db: Database, language: str, widget=None) -> list[tuple[str, str]]:  # noqa: ANN001
    data = data_strings(db, language) + [db.describe(), short_description(db.describe()), "English", "简体中文",
                                        window.settings.station_name]
    return wrong_language(visible_texts(widget or window), language, data)


def dialog_texts(qtbot, window: MainWindow, open_it, language: str) -> list[tuple[str, str]]:  # noqa: ANN001
    """Open a modal dialog the way a person does, read it, close it."""
    found: list[tuple[str, str]] = []

    def read() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, read)
            return
        found.extend(wrong(window, window.db, language, dialog))
        found.append(("dialog", dialog.objectName()))
        dialog.reject()

    QTimer.singleShot(0, read)
    open_it()
    return found


@pytest.mark.parametrize("login", ["picker1", "packer1", "super1"])
def test_no_visible_string_is_left_in_the_other_language(qtbot, window: MainWindow, demo_db: Database, sign_in,
                                                         language: str, login: str) -> None:
    window.settings.language = language  # switched in the settings: applies at once
    window.apply_look()
    assert wrong(window, demo_db, language) == []  # sign-in, menus, status bar
    sign_in(login)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.isVisible())
    with qtbot.waitSignal(window.workspace.refreshed, timeout=10_000):
        window.workspace.refresh()
    assert wrong(window, demo_db, language) == []  # the workspace with its data, every tab

    for open_it, name in ((window.action_settings.trigger, "settings_dialog"),
                          (window.action_guide.trigger, "guide_dialog"),
                          (window.action_shortcuts.trigger, "shortcuts_dialog")):
        texts = dialog_texts(qtbot, window, open_it, language)
        assert texts[-1] == ("dialog", name)
        assert texts[:-1] == [], name


def test_dialogs_read_the_same_language_as_the_window(qtbot, window: MainWindow, demo_db: Database) -> None:
    window.settings.language = "zh_CN"
    window.apply_look()
    try:
        for dialog in (SettingsDialog(window.settings, window), GuideDialog(Role.SUPERVISOR, window),
                       ShortcutsDialog(window)):
            qtbot.addWidget(dialog)
            assert wrong(window, demo_db, "zh_CN", dialog) == [], dialog.objectName()
            assert dialog.windowTitle() and not dialog.windowTitle().isascii()
    finally:
        window.settings.language = "en"
        window.apply_look()
