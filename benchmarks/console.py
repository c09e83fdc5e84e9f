"""The supervisor's console: sign-in to a usable floor tab, idle CPU, and key latency under a busy feed.

    .venv/bin/python benchmarks/console.py [--orders 200] [--idle 12] [--runs 3] [--no-baseline]

Each measurement is a fresh `python` process (offscreen Qt, 1280×800 window) on one SQLite demo
database built first (`build_demo`, `--orders` orders). In every run the console of this tree and,
as the baseline, the console of `main` (`git show main:ui/workspaces/supervisor.py`, loaded in its
place) are measured in turn, so they share the machine's state; ratios are current / baseline.

* sign-in → floor: from the Return key on the PIN to the floor board filled and the GUI thread free
  again (a zero timer queued behind the fill has run).
* idle CPU: the process's CPU time (all threads: GUI, task runner, feed polling) over `--idle`
  seconds of wall-clock time with nothing happening, after the console has settled, as % of one core.
* key latency: while another connection commits 50 feed changes a second (order priority news the
  console reloads on), a key is typed into the reason field every 200 ms; the time from posting the
  key to the field's next paint showing it (p50 / p95 / max over the run).

Prints Markdown tables. The machine is shared; figures are noisy, read the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r'''
import json, os, sys, threading, time
variant, db_url, idle_s = sys.argv[1], sys.argv[2], float(sys.argv[3])
if variant == "baseline":  # main's console in place of this tree's, everything else this tree's
    import importlib.util
    import ui.main_window
    from desktop.domain.roles import Role
    spec = importlib.util.spec_from_file_location("ui.workspaces.supervisor_main", sys.argv[4])
    module = importlib.util.module_from_spec(spec)
    sys.modules["ui.workspaces.supervisor_main"] = module
    spec.loader.exec_module(module)
    for role, cls in list(ui.main_window.WORKSPACES.items()):
        if cls.__name__ == "SupervisorWorkspace":
            ui.main_window.WORKSPACES[role] = module.SupervisorWorkspace
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QTableWidget
app = QApplication(sys.argv[:1])
from ui.app import prepare_application
prepare_application(app)
from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.domain.roles import Role
from ui.main_window import MainWindow
from ui.station import build_station, station_paths
from ui.settings import Settings
from ui.tasks import TaskRunner

def spin(seconds):
    loop = QEventLoop(); QTimer.singleShot(int(seconds * 1000), loop.quit); loop.exec()

def wait(pred, timeout=120.0):
    end = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        spin(0.005)

db = Database.open(db_url)
runner = TaskRunner(db)
from pathlib import Path
settings = Settings.from_file(Path(os.environ["PICKDESK_DATA_DIR"]) / f"station-{variant}.ini")
win = MainWindow(build_station(settings, station_paths(settings), db, runner))
win.resize(1280, 800); win.show()
wait(lambda: win.sign_in_view is not None and win.sign_in_view.users.count() > 0)
view = win.sign_in_view
view.select_user("super1"); QTest.keyClicks(view.pin, "5555")
started = time.perf_counter()
QTest.keyClick(view.pin, Qt.Key.Key_Return)
wait(lambda: win.workspace is not None and win.workspace.objectName() == "workspace_supervisor")
ws = win.workspace
board = ws.findChild(QTableWidget, "supervisor_board")
wait(lambda: board.rowCount() > 0)
free = []
QTimer.singleShot(0, lambda: free.append(time.perf_counter()))
wait(lambda: bool(free))
floor_ms = (free[0] - started) * 1000

spin(3)  # the first audit search and feed polls settle
c0, t0 = time.process_time(), time.perf_counter()
spin(idle_s)
idle = 100 * (time.process_time() - c0) / (time.perf_counter() - t0)

# Key latency while another station's commits arrive at 50 a second.
ws.tabs.setCurrentIndex(1)
field = ws.findChild(QLineEdit, "supervisor_reason")
field.setFocus(); spin(0.5)
from sqlalchemy import select
from desktop.db import models
with db.unit_of_work() as uow:
    order_nos = list(uow.session.scalars(select(models.Order.order_no).limit(50)))
try:
    from desktop.domain.events import OrderPriorityRaised
    def news(no):
        return OrderPriorityRaised(order_no=no, priority="urgent", status="ready")
except ImportError:
    news = None
stop = threading.Event()
sent = [0]
def feeder():
    feed_db = Database.open(db_url)
    i, begun = 0, time.perf_counter()
    while not stop.is_set():
        with feed_db.unit_of_work(Actor.system()) as uow:
            uow.announce(news(order_nos[i % len(order_nos)]))
            uow.commit()
        i += 1; sent[0] = i
        time.sleep(max(0.0, begun + i / 50 - time.perf_counter()))  # 50 a second, on a schedule
    feed_db.dispose()
latencies = []
pending = {}
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "at" in pending and len(field.text()) >= pending["len"]:
            latencies.append((time.perf_counter() - pending.pop("at")) * 1000)
        return False
painted = Painted(); field.installEventFilter(painted)
thread = threading.Thread(target=feeder, daemon=True); thread.start()
feed_started = time.perf_counter()
def press():
    if "at" in pending:
        return  # the last key is not painted yet: its latency is still running
    pending["len"] = len(field.text()) + 1
    pending["at"] = time.perf_counter()
    app.postEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier, "x"))
    app.postEvent(field, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier, "x"))
keys = QTimer(); keys.timeout.connect(press); keys.start(200)
spin(idle_s)
keys.stop(); stop.set(); thread.join()
rate = sent[0] / (time.perf_counter() - feed_started)
if "at" in pending:
    latencies.append((time.perf_counter() - pending.pop("at")) * 1000)  # never painted in the run
print("RESULT " + json.dumps({"floor_ms": floor_ms, "idle_pct": idle, "keys": latencies, "rate": rate}), flush=True)
ws.stop(); win.close(); runner.wait_for_done(30_000); os._exit(0)
'''


def build(data: Path, orders: int) -> str:
    url = f"sqlite:///{data / 'central.sqlite3'}"
    code = ("import sys; from desktop.db.database import Database; from desktop.demo.builder import build_demo; "
            f"db = Database.open({url!r}); build_demo(db, orders={orders}, seed=1); db.dispose()")
    env = dict(os.environ, PICKDESK_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    env.pop("PICKDESK_DB_URL", None)
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True, timeout=3600)
    return url


def one(variant: str, url: str, data: Path, idle: float, baseline_file: Path | None) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PICKDESK_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    env.pop("PICKDESK_DB_URL", None)
    args = [sys.executable, "-c", CHILD, variant, url, str(idle)] + ([str(baseline_file)] if baseline_file else [])
    done = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"{variant} run failed ({done.returncode}):\n{done.stdout}\n{done.stderr[-4000:]}")
    return json.loads(line[len("RESULT "):])


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=200)
    parser.add_argument("--idle", type=float, default=12.0, help="seconds of each idle / busy-feed phase")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-baseline", action="store_true", help="skip main's console")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pickdesk-console-") as tmp:
        data = Path(tmp)
        url = build(data, args.orders)
        variants = ["current"]
        baseline_file = None
        if not args.no_baseline:
            old = subprocess.run(["git", "show", "main:ui/workspaces/supervisor.py"], cwd=ROOT, capture_output=True,
                                 text=True, check=True).stdout
            baseline_file = data / "supervisor_main.py"
            baseline_file.write_text(old, encoding="utf-8")
            variants.append("baseline")
        results: dict[str, list[dict]] = {v: [] for v in variants}
        for _ in range(args.runs):
            for v in variants:
                results[v].append(one(v, url, data, args.idle, baseline_file if v == "baseline" else None))
    print(f"Supervisor console, {args.orders} orders (SQLite demo), {args.runs} runs × {args.idle:.0f} s phases, "
          f"offscreen 1280×800, Python {sys.version_info.major}.{sys.version_info.minor}:\n")
    print("| console | sign-in → floor p50 ms | idle CPU p50 (% of one core) | key → paint p50 ms | p95 ms | "
          "max ms | keys | feed changes/s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    summary = {}
    for v in variants:
        rs = results[v]
        keys = [k for r in rs for k in r["keys"]]
        summary[v] = (statistics.median(r["floor_ms"] for r in rs), statistics.median(r["idle_pct"] for r in rs),
                      pct(keys, 0.5), pct(keys, 0.95), max(keys) if keys else float("nan"), len(keys),
                      statistics.median(r["rate"] for r in rs))
        name = "this branch" if v == "current" else "main (baseline)"
        f, i, k50, k95, kmax, n, rate = summary[v]
        print(f"| {name} | {f:.0f} | {i:.1f} | {k50:.0f} | {k95:.0f} | {kmax:.0f} | {n} | {rate:.0f} |")
    if "baseline" in summary:
        c, b = summary["current"], summary["baseline"]
        print(f"| ratio this / main | {c[0] / b[0]:.2f} | {c[1] / b[1]:.2f} | {c[2] / b[2]:.2f} | {c[3] / b[3]:.2f} | "
              f"{c[4] / b[4]:.2f} | – | – |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
