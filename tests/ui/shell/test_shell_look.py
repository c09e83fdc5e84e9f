"""The station's look, language and memory: settings applied at once, the window and layout kept per station,
help and shortcuts from the Help menu."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTabWidget

from desktop.db.database import Database
from visible_text import data_strings, visible_texts, wrong_language
from ui import appearance, i18n
from ui.help import GuideDialog, ShortcutsDialog, guide_path, shortcut_rows
from ui.main_window import MainWindow, short_description
from ui.station import build_station, station_paths
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog


@pytest.fixture
def english_afterwards(qapp) -> Iterator[None]:
    """Whatever a test switches to, the next test finds the English, light, normal-size station."""
    yield
    i18n.apply_language(qapp, "en")
    appearance.apply_appearance(qapp)


def station_data(window: MainWindow) -> list[str]:
    """What the window shows as it is in any language: the database's name, the languages' own names."""
    return [window.db.describe(), short_description(window.db.describe()), "English", "简体中文"]


def change_settings(qtbot, window: MainWindow, **values: object) -> None:
    """Open File > Settings, set the given fields as a person would, and Save."""
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SettingsDialog):  # not up yet: the next pass of the event loop
            QTimer.singleShot(10, fill)
            return
        for name, value in values.items():
            widget = dialog.findChild(object, f"settings_{name}")
            if isinstance(value, bool):
                widget.setChecked(value)
            else:
                widget.setCurrentIndex(widget.findData(value))
        dialog.save_button.click()

    QTimer.singleShot(0, fill)
    window.action_settings.trigger()
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is None)  # the dialog goes once closed


def test_the_language_switches_in_the_settings_and_applies_at_once(qtbot, window: MainWindow, demo_db: Database,
                                                                   english_afterwards) -> None:
    data = data_strings(demo_db, "zh_CN") + station_data(window)
    assert window.menuBar().actions()[0].text() == "&File"
    change_settings(qtbot, window, language="zh_CN")
    assert window.settings.language == "zh_CN"
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    view = window.sign_in_view
    assert view is not None and view.findChild(object, "sign_in_title").text() == "登录"
    assert wrong_language(visible_texts(window), "zh_CN", data) == []

    change_settings(qtbot, window, language="en")
    assert window.menuBar().actions()[0].text() == "&File"
    english = data_strings(demo_db, "en") + station_data(window)
    assert wrong_language(visible_texts(window), "en", english) == []


def test_a_signed_in_workspace_is_rebuilt_in_the_new_language(qtbot, window: MainWindow, sign_in,
                                                              english_afterwards) -> None:
    sign_in("super1")
    assert window.workspace.findChild(object, "workspace_title").text() == "Supervision"
    change_settings(qtbot, window, language="zh_CN")
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.findChild(object, "workspace_title").text() == "主管工作台")
    assert window.actor is not None and window.actor.login == "super1"  # still signed in
    assert window.status_user.text().endswith("主管")


def test_a_batch_in_hand_keeps_its_screen_until_it_is_done(qtbot, window: MainWindow, sign_in,
                                                            english_afterwards) -> None:
    """Rebuilding the picker mid-batch would drop the stop in hand: the menus switch now, the screen later."""
    sign_in("picker1")
    picker = window.workspace
    qtbot.waitUntil(picker.isVisible)
    with qtbot.waitSignal(picker.batch_shown, timeout=20_000):
        picker.request_next_batch()
    assert picker.in_the_middle()
    change_settings(qtbot, window, language="zh_CN")
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert window.workspace is picker and window.look_timer.isActive()  # the batch stays as it was
    assert "batch or order in hand" in window.statusBar().currentMessage() or \
        "批次或订单完成后" in window.statusBar().currentMessage()
    window.sign_out()  # the next person gets the new language
    sign_in("picker2")
    qtbot.waitUntil(lambda: window.workspace.findChild(object, "workspace_title").text() == "拣货")
    assert not window.look_timer.isActive()


def test_high_contrast_and_large_type_apply_to_the_whole_window(qtbot, window: MainWindow, sign_in,
                                                                english_afterwards) -> None:
    app = QApplication.instance()
    normal_size = app.font().pointSize()
    sign_in("picker1")
    change_settings(qtbot, window, theme="high_contrast", large_type=True)
    assert app.font().pointSize() == round(appearance.BASE_POINT_SIZE * appearance.LARGE_TYPE_SCALE) > normal_size
    sheet = app.styleSheet()
    assert "#ffff00" in sheet  # the high-contrast yellow
    assert "min-height: 65px" in sheet  # 48 px buttons grown by the type scale
    feedback = window.workspace.feedback
    feedback.refused("wrong bin")
    assert "#ff1744" in feedback.styleSheet()  # the refusal's high-contrast red
    assert feedback.word.text() == "REFUSED"  # and the word and icon, for who cannot tell the colours
    assert feedback.word.font().pointSize() == appearance.points(20) > 20

    change_settings(qtbot, window, theme="light", large_type=False)
    assert app.font().pointSize() == normal_size
    assert "#ffff00" not in app.styleSheet()


def test_scan_sounds_can_be_muted_from_the_settings(qtbot, window: MainWindow, sign_in) -> None:
    sign_in("picker1")
    assert window.workspace.feedback.sounds.muted is False
    change_settings(qtbot, window, muted=True)
    assert window.workspace.feedback.sounds.muted is True
    with qtbot.assertNotEmitted(window.workspace.feedback.sounds.played):
        window.workspace.feedback.refused("wrong bin")
    window.sign_out()
    sign_in("picker1")  # a new workspace keeps the setting
    assert window.workspace.feedback.sounds.muted is True


def test_the_window_comes_back_where_and_as_it_was(qtbot, demo_db: Database, runner, settings: Settings) -> None:
    first = MainWindow(build_station(settings, station_paths(settings), demo_db, runner), ping_ms=0, refresh_ms=0)
    qtbot.addWidget(first)
    first.showMaximized()
    qtbot.waitUntil(first.isMaximized)
    first.close()
    assert settings.window_geometry

    second = MainWindow(build_station(settings, station_paths(settings), demo_db, runner), ping_ms=0, refresh_ms=0)
    qtbot.addWidget(second)
    second.resize(1280, 800)
    second.restore_layout()
    second.show()
    qtbot.waitUntil(second.isMaximized)
    second.close()


def test_a_workspace_keeps_its_tab_and_columns_per_station(qtbot, window: MainWindow, sign_in) -> None:
    sign_in("super1")
    tabs = window.workspace.findChild(QTabWidget)
    assert tabs is not None and tabs.objectName() and tabs.count() > 2
    name = tabs.objectName()
    tabs.setCurrentIndex(2)
    window.sign_out()
    assert window.settings.layout_state(f"workspace_supervisor/{name}") == "2"
    sign_in("super1")
    assert window.workspace.findChild(QTabWidget, name).currentIndex() == 2


def test_the_last_user_is_remembered_per_station(qtbot, window: MainWindow, sign_in) -> None:
    sign_in("packer1")
    window.sign_out()
    assert window.settings.last_user == "packer1"
    qtbot.waitUntil(lambda: window.sign_in_view.selected_login == "packer1")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("role", ["picker", "packer", "receiver", "supervisor"])
def test_every_role_has_a_guide_with_its_pictures(role: str, language: str) -> None:
    from desktop.domain.roles import Role

    path = guide_path(Role(role), language)
    assert path.is_file() and path.parent.name == language
    text = path.read_text(encoding="utf-8")
    images = [line.split("](", 1)[1].split(")", 1)[0] for line in text.splitlines() if "![" in line]
    assert len(images) >= 2, f"{path}: a guide shows the screens it explains"
    for image in images:
        assert (path.parent / image).is_file(), f"{path}: missing picture {image}"


def test_help_opens_the_guide_for_the_signed_in_role(qtbot, window: MainWindow, sign_in) -> None:
    sign_in("packer1")
    shown: list[GuideDialog] = []

    def look() -> None:
        dialog = window.findChild(GuideDialog, "guide_dialog")
        shown.append(dialog)
        dialog.reject()

    QTimer.singleShot(0, look)
    window.action_guide.trigger()
    assert shown and shown[0].path.name == "packer.md"
    assert "pack" in shown[0].text.toPlainText().lower()


def test_the_shortcuts_list_names_what_works_on_screen(qtbot, window: MainWindow, sign_in) -> None:
    sign_in("picker1")
    qtbot.waitUntil(lambda: window.workspace.isVisible())
    rows = dict((key, what) for what, key in shortcut_rows(window))
    assert rows["F1"] == "User guide" and rows["Ctrl+L"] == "Sign out"
    assert "F5" in rows  # the picker's Next batch
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    table = dialog.findChild(object, "shortcuts_table")
    assert table.rowCount() == len(rows)


def test_the_supervisors_buttons_have_keys_that_work_on_the_tab_on_screen(qtbot, window: MainWindow, sign_in) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    sign_in("super1")
    ws = window.workspace
    qtbot.waitUntil(ws.isVisible)
    tabs = ws.findChild(QTabWidget)
    orders = ws.findChild(QPushButton, "supervisor_release")
    tabs.setCurrentIndex(tabs.indexOf(next(p for p in (tabs.widget(i) for i in range(tabs.count()))
                                           if p.isAncestorOf(orders))))
    qtbot.waitUntil(orders.isVisible)
    assert orders.text().endswith("[F5]")
    rows = dict((key, what) for what, key in shortcut_rows(window))
    assert rows["F5"] == "Release" and rows["F6"] == "Hold" and rows["F9"] == "Cancel order"
    with qtbot.waitSignal(orders.clicked, timeout=2000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    decide = ws.findChild(QPushButton, "supervisor_decide")
    assert not decide.isVisible()  # its F5 waits for its own tab: no ambiguity
