"""Render the sign-in view and each workspace shell to docs/images (offscreen, on a demo database).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py   (or: make screenshots)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

IMAGES = ROOT / "docs" / "images"
SIZE = (1280, 800)
PINS = {"picker1": "1111", "packer1": "3333", "super1": "5555"}


def wait_until(app: QApplication, condition, timeout_ms: int = 15000) -> None:  # noqa: ANN001
    # An event loop instance, not QApplication.processEvents(): in PySide6 6.12 on CPython 3.11
    # that static call drops a reference to None each time, and a busy loop soon frees None.
    deadline = QDeadlineTimer(timeout_ms)
    loop = QEventLoop()
    tick = QTimer()
    tick.start(20)  # wakes the blocking wait below
    while not condition():
        if deadline.hasExpired():
            raise TimeoutError("the screen did not get ready in time")
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    tick.stop()


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="pickdesk-shots-"))
    os.environ["PICKDESK_DATA_DIR"] = str(work)
    os.environ.pop("PICKDESK_DB_URL", None)

    from desktop.db.database import Database
    from desktop.demo import build_demo
    from ui.app import attach_devices, prepare_application
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    prepare_application(app)
    db = Database.open(f"sqlite:///{work / 'central.sqlite3'}")
    build_demo(db, orders=200, seed=1)
    runner = TaskRunner(db)
    settings = Settings.from_file(work / "station.ini")
    settings.station_name = "PICK-01"
    IMAGES.mkdir(parents=True, exist_ok=True)

    window = MainWindow(db, runner, settings, ping_ms=0, refresh_ms=0)
    window.resize(*SIZE)
    wedge = attach_devices(app, window)
    window.show()
    wait_until(app, lambda: window.connected is not None and window.sign_in_view.users.count() > 0)
    window.sign_in_view.select_user("picker1")
    window.sign_in_view.pin.setText("1111")
    save(app, window, "signin.png")

    for login, name in (("picker1", "workspace-picker.png"), ("packer1", "workspace-packer.png"),
                        ("super1", "workspace-supervisor.png")):
        view = window.sign_in_view
        wait_until(app, lambda v=view: v.users.count() > 0)
        view.select_user(login)
        view.pin.setText(PINS[login])
        view.sign_in()
        wait_until(app, lambda: window.workspace is not None)
        loaded: list[bool] = []
        window.workspace.refreshed.connect(lambda: loaded.append(True))
        wait_until(app, lambda: bool(loaded))
        if login == "packer1":
            window.on_scan("TOTE-00042")
        save(app, window, name)
        window.sign_out()
        wait_until(app, lambda: not runner.busy)

    if wedge is not None:
        wedge.uninstall(app)
    window.close()
    runner.wait_for_done(10000)
    db.dispose()
    return 0


def save(app: QApplication, window, name: str) -> None:  # noqa: ANN001
    QEventLoop().processEvents()
    path = IMAGES / name
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path.relative_to(ROOT))


if __name__ == "__main__":
    sys.exit(main())
