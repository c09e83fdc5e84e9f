"""Render the station's shell to docs/images (offscreen, on a demo database), in one language.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [en|zh_CN]   (or: make screenshots)

English (the default) writes docs/images/, Simplified Chinese docs/images/zh_CN/ (the same names):

    signin.png, signin-refused.png          the sign-in view, and a wrong PIN refused
    settings.png                            File > Settings (language, theme, large type, mute)
    settings-supervisor.png                 a picker changing the printer: a supervisor confirms
    packer-grams-typed.png                  grams typed into the packer's scan field, moved to the weight field
    workspace-picker/packer/supervisor.png  each workspace just after signing in
    help-guide.png, help-shortcuts.png      Help > User guide (the picker's) and Help > Keyboard shortcuts
    picker-high-contrast.png                the picker in the high-contrast theme, a scan refused
    picker-large.png                        the picker in large type, a location confirmed

The user guides (docs/guide/<language>/*.md) show these; help-guide.png is how the guide itself
looks in the station's help window.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QDeadlineTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from scripts import qt_shots  # noqa: E402
from scripts.qt_shots import wait_until  # noqa: E402

DOCS_IMAGES = ROOT / "docs" / "images"
LANGUAGES = ("en", "zh_CN")
SIZE = (1280, 800)
PINS = {"picker1": "1111", "packer1": "3333", "super1": "5555"}


def settle(ms: int = 150) -> None:
    """Let queued layouts, repaints and results from the task runner arrive."""
    deadline = QDeadlineTimer(ms)
    wait_until(deadline.hasExpired, ms + 5000)


def main(language: str = "en") -> int:
    if language not in LANGUAGES:
        print(__doc__)
        return 2
    images = DOCS_IMAGES if language == "en" else DOCS_IMAGES / language
    work = qt_shots.data_dir("pickdesk-shots-")

    from desktop.db.database import Database
    from desktop.demo.builder import build_demo
    from desktop.domain.roles import Role
    from ui.app import prepare_application
    from ui.help import GuideDialog, ShortcutsDialog
    from ui.main_window import MainWindow
    from ui.station import build_station, station_paths
    from ui.settings import Settings
    from ui.settings_dialog import SettingsDialog, SettingsGuard
    from ui.tasks import TaskRunner

    def save(widget: QWidget, name: str) -> None:
        settle()
        qt_shots.save(widget, images / name)

    app = QApplication(sys.argv[:1])
    settings = Settings.from_file(work / "station.ini")
    settings.station_name = "PICK-01"
    settings.language = language
    prepare_application(app, settings)
    db = Database.open(f"sqlite:///{work / 'central.sqlite3'}")
    build_demo(db, orders=200, seed=1)
    runner = TaskRunner(db)
    images.mkdir(parents=True, exist_ok=True)

    window = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
    window.resize(*SIZE)
    window.station.listen_to_keyboard(app)
    window.show()

    # Sign-in: a name chosen and the PIN typed; then a wrong PIN, refused.
    view = window.sign_in_view
    wait_until(lambda: window.connected is not None and view.users.count() > 0)
    view.select_user("picker1")
    view.pin.setText("1111")
    save(window, "signin.png")
    view.select_user("picker2")
    view.pin.setText("0000")
    refused: list[str] = []
    view.sign_in_refused.connect(refused.append)
    view.sign_in()
    wait_until(lambda: bool(refused))
    save(window, "signin-refused.png")

    # File > Settings, as it opens (not modal here, so that it can be grabbed).
    dialog = SettingsDialog(settings, window)
    dialog.show()
    save(dialog, "settings.png")
    dialog.close()
    dialog.deleteLater()

    for login, name in (("picker1", "workspace-picker.png"), ("packer1", "workspace-packer.png"),
                        ("super1", "workspace-supervisor.png")):
        sign_in(window, login)
        if login == "packer1":
            window.on_scan(picked_order(db))  # an order on the bench, its units still to scan
            wait_until(lambda: window.workspace.view is not None)
        save(window, name)
        if login == "packer1":
            # Grams typed into the scan field by mistake: moved to the weight field, never read as GS1.
            ws = window.workspace
            ws.scan.setText("1250")
            ws.scan.returnPressed.emit()  # Enter in the scan field
            save(window, "packer-grams-typed.png")
        if login == "picker1":
            # A picker changing the printer: a supervisor must confirm (badge, or login and PIN).
            guarded = SettingsDialog(settings, window, guard=SettingsGuard(window.actor, runner, lambda: True))
            guarded.show()
            guarded.printer_target.setText("10.0.0.66:9100")
            guarded.save()
            save(guarded, "settings-supervisor.png")
            guarded.close()
            guarded.deleteLater()
            # Help: the picker's guide (images inside must show) and the keys of the screen.
            guide = GuideDialog(Role.PICKER, window)
            guide.show()
            save(guide, "help-guide.png")
            guide.close()
            guide.deleteLater()
            keys = ShortcutsDialog(window)
            keys.show()
            save(keys, "help-shortcuts.png")
            keys.close()
            keys.deleteLater()
        sign_out(window, runner)

    # The picker in the high-contrast theme (a wrong shelf refused), then in large type (a shelf confirmed).
    for theme, large, name in (("high_contrast", False, "picker-high-contrast.png"),
                               ("light", True, "picker-large.png")):
        settings.theme, settings.large_type = theme, large
        window.apply_look()
        sign_in(window, "picker1")
        ws = window.workspace
        ws.request_next_batch()
        wait_until(lambda: ws.batch is not None and ws.session is not None)
        ws.take_suggested_totes()
        stop = ws.session.current
        if theme == "high_contrast":
            other = next(s.location_code for s in ws.batch.stops if s.location_code != stop.location_code)
            window.on_scan("LOC-" + other)
        else:
            window.on_scan("LOC-" + stop.location_code)
        save(window, name)
        sign_out(window, runner)
    settings.theme, settings.large_type = "light", False
    window.apply_look()

    window.close()  # the station closes with it (the wedge comes off the application)
    runner.wait_for_done(10000)
    db.dispose()
    return 0


def picked_order(db) -> str:  # noqa: ANN001 - desktop.db.database.Database
    """The order label's scan of a picked order waiting at the packing benches."""
    from sqlalchemy import select

    from desktop.db import models

    with db.unit_of_work() as uow:
        order_no = uow.session.scalar(select(models.Order.order_no).where(models.Order.status == "picked")
                                      .order_by(models.Order.order_no).limit(1))
    return f"ORD-{order_no}"


def sign_in(window, login: str) -> None:  # noqa: ANN001 - ui.main_window.MainWindow
    """Signed in as `login`, the workspace's first figures on screen."""
    qt_shots.sign_in(window, login, PINS[login])
    loaded: list[bool] = []
    window.workspace.refreshed.connect(lambda: loaded.append(True))
    wait_until(lambda: bool(loaded))


def sign_out(window, runner) -> None:  # noqa: ANN001
    window.sign_out()
    wait_until(lambda: not runner.busy)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
