"""Render the people screen the sign-in help shows, in both languages, into docs/images.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/people_shots.py [en|zh_CN]

    signin-no-pin.png   a person an admin added without a PIN tries to sign in: told to ask for one

(The receiver's own screens are scripts/receiver_shots.py.)

English writes docs/images/, Simplified Chinese docs/images/zh_CN/ (the same names). A small demo
database (no orders are needed here), 1280×800 like the other pictures.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from scripts import qt_shots  # noqa: E402
from scripts.qt_shots import wait_until  # noqa: E402

DOCS_IMAGES = ROOT / "docs" / "images"
LANGUAGES = ("en", "zh_CN")
SIZE = (1280, 800)


def main(language: str = "en") -> int:
    if language not in LANGUAGES:
        print(__doc__)
        return 2
    images = DOCS_IMAGES if language == "en" else DOCS_IMAGES / language
    work = qt_shots.data_dir("pickdesk-people-shots-")

    from desktop.db.database import Database
    from desktop.demo.builder import build_demo
    from desktop.domain.actor import Actor
    from desktop.domain.roles import Role
    from desktop.services import people
    from ui.app import prepare_application
    from ui.main_window import MainWindow
    from ui.station import build_station, station_paths
    from ui.settings import Settings
    from ui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    settings = Settings.from_file(work / "station.ini")
    settings.station_name = "RCV-01"
    settings.language = language
    prepare_application(app, settings)
    db = Database.open(f"sqlite:///{work / 'central.sqlite3'}")
    build_demo(db, orders=0, seed=1)
    with db.unit_of_work(Actor(None, "admin", "Administrator", Role.ADMIN, "ADMIN-01")) as uow:
        people.add_person(uow, "wang.fang", "Wang Fang 王芳", Role.RECEIVER, name_zh="王芳", badge="HZ-0007")
    runner = TaskRunner(db)
    images.mkdir(parents=True, exist_ok=True)
    window = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
    window.resize(*SIZE)
    window.show()

    view = window.sign_in_view
    wait_until(lambda: window.connected is not None and view.users.count() > 0)
    view.select_user("wang.fang")
    view.pin.setText("1234")
    refused: list[str] = []
    view.sign_in_refused.connect(refused.append)
    view.sign_in()
    wait_until(lambda: bool(refused))
    qt_shots.save(window, images / "signin-no-pin.png")

    window.close()
    runner.wait_for_done(10000)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
