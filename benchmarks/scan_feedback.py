"""Scan-to-feedback time in the real picker window while the database works in the background.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/scan_feedback.py [--scans 400] [--db URL] [--sounds]

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
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QObject  # noqa: E402
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


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=400)
    parser.add_argument("--db", default=None, help="database URL (default: a fresh SQLite demo file)")
    parser.add_argument("--no-load", action="store_true", help="no background database work (a baseline)")
    parser.add_argument("--sounds", action="store_true", help="play each scan's sound (default: muted)")
    args = parser.parse_args()

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
        wait_until(lambda: clock.painted_at is not None, 5000)
        to_shown.append((shown_at[-1] - started) * 1000)
        to_paint.append((clock.painted_at - started) * 1000)
    stop_flag.set()
    if noise.is_alive():
        noise.join(30)
    wait_until(lambda: ws.pending_writes == 0, 60000)

    print(f"backend: {db.backend}; scans: {args.scans} (half good, half refused); "
          f"background: {counts['reads']} stock rows read, {counts['writes']} rows written")
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


if __name__ == "__main__":
    sys.exit(main())
