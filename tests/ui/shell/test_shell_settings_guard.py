"""Where the data goes (database, printer, devices) is a supervisor's or an admin's to change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog


def in_settings(qtbot, window: MainWindow, steps: list[Callable[[SettingsDialog], bool]]) -> None:
    """Open File > Settings and run `steps` on the modal dialog in turn; a step returning False is
    tried again on the next pass of the event loop (waiting for a check to come back)."""
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SettingsDialog):
            QTimer.singleShot(10, run)
            return
        if steps and steps[0](dialog):
            steps.pop(0)
        if steps:
            QTimer.singleShot(20, run)

    QTimer.singleShot(0, run)
    window.action_settings.trigger()
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is None)
    assert steps == [], "the dialog closed before every step ran"


def test_a_picker_cannot_change_the_printer_without_a_supervisor(qtbot, window: MainWindow, sign_in) -> None:
    sign_in("picker1")
    settings = window.settings
    before = settings.printer_target
    seen: dict[str, object] = {}

    def change_and_save(dialog: SettingsDialog) -> bool:
        dialog.printer_target.setText("10.0.0.66:9100")
        dialog.database_url.setText("postgresql+psycopg://rogue@10.6.6.6/warehouse")
        dialog.save_button.click()
        return True

    def refused(dialog: SettingsDialog) -> bool:
        seen["open"] = dialog.isVisible()
        seen["message"] = dialog.error.message
        seen["asks"] = dialog.supervisor.isVisible()
        seen["unchanged"] = (settings.printer_target, settings.database_url)
        dialog.supervisor_who.setText("picker2")  # another picker is no supervisor
        dialog.supervisor_pin.setText("2222")
        dialog.save_button.click()
        return True

    def picker_refused(dialog: SettingsDialog) -> bool:
        if dialog._checking:
            return False
        seen["picker2"] = dialog.error.message
        dialog.supervisor_who.setText("super1")
        dialog.supervisor_pin.setText("5555")
        dialog.save_button.click()
        return True

    in_settings(qtbot, window, [change_and_save, refused, picker_refused])
    assert seen["open"] is True and seen["asks"] is True
    assert "supervisor" in str(seen["message"])
    assert seen["unchanged"] == (before, "")
    assert "supervisor" in str(seen["picker2"])
    assert settings.printer_target == "10.0.0.66:9100"  # confirmed by super1
    assert settings.database_url == "postgresql+psycopg://rogue@10.6.6.6/warehouse"


def test_a_picker_changes_the_language_alone(qtbot, window: MainWindow, sign_in) -> None:
    sign_in("picker1")

    def mute(dialog: SettingsDialog) -> bool:
        dialog.muted.setChecked(not window.settings.muted)
        dialog.save_button.click()
        return True

    was = window.settings.muted
    in_settings(qtbot, window, [mute])
    assert window.settings.muted is not was


def test_a_supervisor_signed_in_changes_the_printer_at_once(qtbot, window: MainWindow, sign_in) -> None:
    sign_in("super1")

    def change(dialog: SettingsDialog) -> bool:
        dialog.printer_target.setText("10.0.0.7:9100")
        dialog.save_button.click()
        return True

    in_settings(qtbot, window, [change])
    assert window.settings.printer_target == "10.0.0.7:9100"


def test_nobody_signed_in_cannot_redirect_the_station(qtbot, window: MainWindow) -> None:
    seen: dict[str, object] = {}

    def change(dialog: SettingsDialog) -> bool:
        dialog.scanner_port.setEditText("/dev/ttyUSB9")
        dialog.save_button.click()
        seen["message"] = dialog.error.message
        dialog.cancel_button.click()
        return True

    in_settings(qtbot, window, [change])
    assert "sign in" in str(seen["message"])
    assert window.settings.scanner_port == ""
