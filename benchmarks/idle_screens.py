"""Idle CPU of every screen a station shows: each workspace, each of its tabs, the put wall.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/idle_screens.py [--idle 10] [--db URL] [--only NAME]

A demo database (a SQLite file in a temporary folder by default, or the PostgreSQL URL given), the
station window offscreen at 1280×800 with its real timers (the 5 s ping, the workspaces' refresh).
For every screen: sign in as the person who uses it, open it, let it settle for 3 s (first loads,
the first feed polls), then measure the process's own CPU time (all threads: GUI, task runner,
feed polling) over `--idle` seconds, as % of one core. A screen nobody touches should cost next
to nothing: the table marks anything over 2 % (the console's target in docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QTabWidget  # noqa: E402

from scripts import qt_shots  # noqa: E402

TARGET_PCT = 2.0
PEOPLE = (("picker", "picker1", "1111"), ("packer", "packer1", "3333"), ("receiver", "receiver1", "6666"),
          ("supervisor", "super1", "5555"), ("admin", "admin", "9999"))


def spin(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def cpu_pct(seconds: float) -> float:
    c0, t0 = time.process_time(), time.perf_counter()
    spin(seconds)
    return 100 * (time.process_time() - c0) / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle", type=float, default=10.0, help="seconds measured per screen")
    parser.add_argument("--db", help="a database URL (default: a demo SQLite file in a temporary folder); "
                                     "an empty database gets the demo first")
    parser.add_argument("--orders", type=int, default=300)
    parser.add_argument("--only", help="measure only screens whose name contains this")
    args = parser.parse_args(argv)

    work = qt_shots.data_dir("pickdesk-idle-")
    from desktop.db.database import Database
    from desktop.demo.builder import build_demo
    from ui.app import prepare_application
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.station import build_station, station_paths
    from ui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    settings = Settings.from_file(work / "station.ini")
    settings.station_name = "IDLE-01"
    settings.muted = True
    prepare_application(app, settings)
    url = args.db or f"sqlite:///{work / 'central.sqlite3'}"
    db = Database.open(url)
    from sqlalchemy import func, select

    from desktop.db import models
    with db.unit_of_work() as uow:
        empty = not uow.session.scalar(select(func.count()).select_from(models.Order))
    if empty:  # a new database (a temporary SQLite file, or an empty PostgreSQL one given by --db)
        build_demo(db, orders=args.orders, seed=1)
    runner = TaskRunner(db)
    window = MainWindow(build_station(settings, station_paths(settings), db, runner))
    window.resize(1280, 800)
    window.show()

    rows: list[tuple[str, float]] = []

    def measure(name: str) -> None:
        if args.only and args.only not in name:
            return
        spin(3.0)
        pct = cpu_pct(args.idle)
        rows.append((name, pct))
        print(f"  {name}: {pct:.2f} %", file=sys.stderr, flush=True)

    for role, login, pin in PEOPLE:
        qt_shots.sign_in(window, login, pin)
        ws = window.workspace
        tabs = ws.findChild(QTabWidget)
        if tabs is None or tabs.count() < 2:
            measure(role)
        else:
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                measure(f"{role} · {tabs.tabText(index).replace('&', '')}")
        if role == "packer":
            window.open_put_wall()
            measure("packer · put wall")
        window.sign_out()
        qt_shots.wait_until(lambda: window.sign_in_view is not None)

    print(f"\nIdle CPU per screen, {args.idle:.0f} s each after 3 s settling, {db.backend}, "
          f"{'demo of ' + str(args.orders) + ' orders' if empty else 'given database'}:\n")
    print("| screen | idle CPU (% of one core) | ≤ 2 % |")
    print("| --- | ---: | :---: |")
    for name, pct in rows:
        print(f"| {name} | {pct:.2f} | {'yes' if pct <= TARGET_PCT else '**no**'} |")
    window.close()
    runner.wait_for_done(30_000)
    db.dispose()
    return 0 if all(pct <= TARGET_PCT for _n, pct in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
