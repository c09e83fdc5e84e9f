"""Scan-to-feedback time in the real picker window while the database works in the background.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/scan_feedback.py [--scans 400] [--db URL] [--sounds]
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/scan_feedback.py --engines sqlite,postgresql [--runs 2]
        [--code OTHER_CHECKOUT]

`--engines` runs one fresh process per engine and run (PostgreSQL: a fresh database on
`--pg-server`, dropped afterwards), alternating with the checkout given by `--code` when there is
one (`--code /path/to/main` measures "before" and "after" in the same run, with this script).

A demo database (SQLite file by default), the station window offscreen at 1280×800, picker3 signed
in with a planned batch. Scans go in through `MainWindow.on_scan`, alternating a good one (the
current stop's location) and a refused one (a wrong item, which also writes an error event through
the task runner). Meanwhile a thread hammers the same database: full stock listings (big reads) and
bursts of inserted audit and change-feed rows (writes).

Two times per scan, from the `on_scan` call: until the feedback panel's `shown` signal, and until
the panel's next Paint event (an event filter) — what the picker actually sees.

Sounds are muted unless `--sounds` is given: then every scan really plays its sound on the default
audio output (PULSE_SERVER may point at a PulseAudio server with a null sink), as at a station, and
the time spent starting each sound (`SoundPlayer.play`) is reported too.

Between two scans the event loop runs until it is idle (what it does between a picker's scans,
which are seconds apart): whatever a scan left for later (the stop list, the map) is drawn then,
not counted against the next scan, and never skipped.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parents[1]
# Which checkout's application is measured: this one, or the one named by --code (for "before").
ROOT = Path(os.environ.get("PICKDESK_BENCH_CODE") or HERE)
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QEventLoop, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from scripts import qt_shots  # noqa: E402


def wait_until(condition, timeout_ms: int = 15000) -> None:  # noqa: ANN001
    qt_shots.wait_until(condition, timeout_ms, tick_ms=5)  # a finer tick: the bench waits on each scan


class PaintClock(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None

    def eventFilter(self, _obj, event) -> bool:  # noqa: N802, ANN001
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
        return False


def hammer(url: str, stop: threading.Event, counts: dict[str, int]) -> None:
    from desktop.db import models
    from desktop.db.database import Database
    from desktop.services.stock import list_stock

    db = Database.open(url, migrate_schema=False)
    try:
        while not stop.is_set():
            with db.unit_of_work() as uow:
                counts["reads"] += len(list_stock(uow))
            with db.unit_of_work() as uow:
                for n in range(200):
                    uow.session.add(models.AuditEntry(action="bench_noise", entity="bench", entity_id=str(n)))
                    uow.announce("bench", n)
                uow.commit()
                counts["writes"] += 400
    finally:
        db.dispose()


def settle(loop: QEventLoop) -> None:
    """Run the event loop until nothing is pending (the time between two scans)."""
    for _ in range(3):  # what one pass posts (a repaint after a relayout) the next one handles
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 200)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=400)
    parser.add_argument("--db", default=None, help="database URL (default: a fresh SQLite demo file)")
    parser.add_argument("--no-load", action="store_true", help="no background database work (a baseline)")
    parser.add_argument("--sounds", action="store_true", help="play each scan's sound (default: muted)")
    parser.add_argument("--engines", default=None,
                        help="comma-separated engines to run one after the other in fresh processes (sqlite,postgresql)")
    parser.add_argument("--runs", type=int, default=1, help="with --engines: runs per engine (and per checkout)")
    parser.add_argument("--code", default=None, help="with --engines: also measure this other checkout, alternating")
    parser.add_argument("--pg-server", default="postgresql+psycopg://postgres@127.0.0.1:5432",
                        help="with --engines: the PostgreSQL server for a fresh database per run")
    args = parser.parse_args()
    if args.engines:
        return compare(args)

    work = Path(tempfile.mkdtemp(prefix="pickdesk-scanbench-"))
    os.environ["PICKDESK_DATA_DIR"] = str(work)
    from desktop.db.database import Database
    from desktop.demo.builder import build_demo
    from desktop.domain.picking import Step
    from ui.app import prepare_application
    from ui.main_window import MainWindow
    from ui.station import build_station, station_paths
    from ui.settings import Settings
    from ui.tasks import TaskRunner

    url = args.db or f"sqlite:///{work / 'central.sqlite3'}"
    app = QApplication(sys.argv[:1])
    prepare_application(app)
    db = Database.open(url)
    if db.is_empty():
        build_demo(db, orders=200, seed=1)
    runner = TaskRunner(db)
    settings = Settings.from_file(work / "station.ini")
    settings.station_name = "BENCH-01"
    window = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
    window.resize(1280, 800)
    window.show()
    qt_shots.sign_in(window, "picker3", "2323")
    ws = window.workspace
    sounds = ws.feedback.sounds
    sounds.muted = not args.sounds  # the sound starts without waiting; muted unless asked for
    if args.sounds and not sounds.audible:
        print("--sounds: no audio output (set PULSE_SERVER to a running PulseAudio server)", file=sys.stderr)
        return 2
    play_ms: list[float] = []
    play = sounds.play

    def timed_play(name: str) -> None:
        started = time.perf_counter()
        play(name)
        play_ms.append((time.perf_counter() - started) * 1000)

    sounds.play = timed_play
    ws.request_next_batch()
    wait_until(lambda: ws.batch is not None)
    ws.take_suggested_totes()  # the cart: the suggested totes (F6)

    clock = PaintClock()
    ws.feedback.installEventFilter(clock)
    shown_at: list[float] = []
    ws.feedback.shown.connect(lambda *_: shown_at.append(time.perf_counter()))

    stop_flag, counts = threading.Event(), {"reads": 0, "writes": 0}
    noise = threading.Thread(target=hammer, args=(url, stop_flag, counts), daemon=True)
    if not args.no_load:
        noise.start()
    time.sleep(0.5)  # let the hammer get going (a script, not a test)

    idle = QEventLoop()
    to_shown: list[float] = []
    to_paint: list[float] = []
    wrong_item = "]C10106901234567892"
    for n in range(args.scans):
        stop = ws.session.current
        raw = ("LOC-" + stop.location_code) if n % 2 == 0 else wrong_item
        if n % 2 == 0:
            ws.session.step = Step.LOCATION  # so the location scan is judged good again
        shown_at.clear()
        clock.painted_at = None
        started = time.perf_counter()
        window.on_scan(raw)
        wait_until(lambda: clock.painted_at is not None and bool(shown_at), 5000)
        to_shown.append((shown_at[-1] - started) * 1000)
        to_paint.append((clock.painted_at - started) * 1000)
        settle(idle)
    stop_flag.set()
    if noise.is_alive():
        noise.join(30)
    wait_until(lambda: ws.pending_writes == 0, 60000)

    print(f"code: {ROOT}; backend: {db.backend}; scans: {args.scans} (half good, half refused); "
          f"background: {counts['reads']} stock rows read, {counts['writes']} rows written; "
          f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print("| measure | p50 ms | p99 ms | max ms |")
    print("| --- | ---: | ---: | ---: |")
    rows = [("scan → `shown` signal", to_shown), ("scan → panel painted", to_paint)]
    if args.sounds:
        rows.append((f"`SoundPlayer.play` ({len(play_ms)} sounds)", play_ms))
    for name, values in rows:
        print(f"| {name} | {statistics.median(values):.2f} | {percentile(values, 0.99):.2f} | {max(values):.2f} |")
    window.close()
    runner.wait_for_done(10000)
    db.dispose()
    return 0


def compare(args: argparse.Namespace) -> int:
    """Each engine (and checkout) in a fresh process of this script, alternating; their tables."""
    from sqlalchemy import create_engine, text

    checkouts = [("this checkout", str(HERE))] + ([("--code", str(Path(args.code).resolve()))] if args.code else [])
    for run in range(args.runs):
        for engine in args.engines.split(","):
            for name, code in (checkouts if run % 2 == 0 else checkouts[::-1]):
                command = [sys.executable, str(Path(__file__).resolve()), "--scans", str(args.scans)]
                command += ["--no-load"] if args.no_load else []
                command += ["--sounds"] if args.sounds else []
                database = None
                if engine == "postgresql":
                    database = f"pickdesk_scanbench_{uuid.uuid4().hex[:8]}"
                    server = create_engine(f"{args.pg_server}/postgres", isolation_level="AUTOCOMMIT")
                    with server.connect() as conn:
                        conn.execute(text(f'CREATE DATABASE "{database}"'))
                    command += ["--db", f"{args.pg_server}/{database}"]
                elif engine != "sqlite":
                    raise SystemExit(f"unknown engine {engine!r} (sqlite, postgresql)")
                print(f"\n### {engine}, {name} ({code}), run {run + 1}", flush=True)
                try:
                    subprocess.run(command, check=True, env={**os.environ, "PICKDESK_BENCH_CODE": code})
                finally:
                    if database is not None:
                        with server.connect() as conn:
                            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
                        server.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
