"""On a high-DPI screen (a tablet at 200 %) the station draws at the screen's pixels: text, icons and
the route map sharp, the layout the same size in points. Run in a child process: the scale factor is
fixed when the Qt application starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = r'''
import json, os, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from ui.app import prepare_application
from ui.main_window import MainWindow
from ui.station import build_station, station_paths
from ui.settings import Settings
from ui.tasks import TaskRunner
from ui.widgets.icons import pixmap

app = QApplication(sys.argv[:1])
work = Path(os.environ["PICKDESK_DATA_DIR"])
settings = Settings.from_file(work / "station.ini")
settings.language = "zh_CN"
prepare_application(app, settings)
db = Database.open(f"sqlite:///{work / 'central.sqlite3'}")
build_demo(db, orders=10, seed=3)
runner = TaskRunner(db)
window = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
window.resize(1280, 800)
window.show()
loop = QEventLoop()
QTimer.singleShot(1500, loop.quit)
loop.exec()
shot = window.grab()
shot.toImage().save(str(work / "window.png"))
badge = pixmap("badge", 48)
print(json.dumps({"screen_ratio": app.primaryScreen().devicePixelRatio(), "shot_ratio": shot.devicePixelRatio(),
                  "shot": [shot.width(), shot.height()], "badge": [badge.width(), badge.devicePixelRatio()],
                  "logical": [window.width(), window.height()]}))
window.close()
runner.wait_for_done(5000)
db.dispose()
'''


def test_the_station_draws_at_the_screens_pixels_at_200_percent(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2", "PICKDESK_DATA_DIR": str(tmp_path)}
    env.pop("PICKDESK_DB_URL", None)
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[3])
    assert done.returncode == 0, done.stderr[-2000:]
    facts = json.loads(done.stdout.strip().splitlines()[-1])
    assert facts["screen_ratio"] == 2.0 and facts["shot_ratio"] == 2.0
    logical_w, logical_h = facts["logical"]
    assert facts["shot"] == [logical_w * 2, logical_h * 2]  # every logical pixel drawn with four
    assert facts["badge"] == [96, 2.0]  # the SVG icon rendered for the screen, not blown up from 48 px
    assert (tmp_path / "window.png").stat().st_size > 20_000
