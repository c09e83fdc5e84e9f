"""The supervisor's console: sign-in to a usable floor tab, idle CPU, and key latency under a busy feed.

    .venv/bin/python benchmarks/console.py [--orders 200] [--pg] [--idle 12] [--runs 3] [--no-baseline]
                                           [--keep /tmp/pickdesk-console-100k]

Each measurement is a fresh `python` process (offscreen Qt, 1280×800 window) on one demo database
built first: `build_demo` with `--orders` orders, or, above 2 000, `build_demo` with 200 orders and
then copies of them (and their lines) written by a bulk insert up to `--orders` in all — each copy
keeps its original's status, priority and ship-by, so the floor holds as large a share of them as the
demo does (the worst case for the floor tab). SQLite by default; `--pg` on PostgreSQL (at
PICKDESK_TEST_PG, default the local server). `--keep DIR` builds the database once into DIR (the
SQLite file, or for PostgreSQL a marker naming the database) and reuses it on the next run.

In every run the console of this tree and, as the baseline, the whole of `main` (`git archive main`
unpacked into a temporary folder, the child's PYTHONPATH) are measured in turn on the same database,
so they share the machine's state; ratios are current / baseline.

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
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
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
board = ws.findChild(QAbstractItemView, "supervisor_board")  # a QTableWidget on main, a view on a model here
counts = ws.findChild(QAbstractItemView, "supervisor_status_table")
wait(lambda: board.model().rowCount() > 0 and counts.model().index(0, 1).data() not in (None, "", "–"))
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


BULK = r'''
import sys, time
from sqlalchemy import func, insert, select, text
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
url, total = sys.argv[1], int(sys.argv[2])
db = Database.open(url)
build_demo(db, orders=200, seed=1)
started = time.perf_counter()
O, L = models.Order.__table__, models.OrderLine.__table__
with db.engine.begin() as conn:
    orders = [dict(r._mapping) for r in conn.execute(select(O).order_by(O.c.id))]
    lines: dict[int, list[dict]] = {}
    for r in conn.execute(select(L).order_by(L.c.id)):
        lines.setdefault(r.order_id, []).append(dict(r._mapping))
    next_order = conn.scalar(select(func.max(O.c.id))) + 1
    next_line = conn.scalar(select(func.max(L.c.id))) + 1
    copies = total - len(orders)
    chunk_o, chunk_l = [], []
    for n in range(copies):
        src = orders[n % len(orders)]
        order = dict(src, id=next_order, order_no=f"{src['order_no']}-C{n:06d}")
        chunk_o.append(order)
        for ln in lines.get(src["id"], []):
            chunk_l.append(dict(ln, id=next_line, order_id=next_order))
            next_line += 1
        next_order += 1
        if len(chunk_o) >= 5000 or n == copies - 1:
            conn.execute(insert(O), chunk_o)
            if chunk_l:
                conn.execute(insert(L), chunk_l)
            chunk_o, chunk_l = [], []
    if db.backend == "postgresql":
        for table in ("orders", "order_lines"):
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"))
        conn.execute(text("ANALYZE"))
    else:
        conn.execute(text("ANALYZE"))
    n = conn.scalar(select(func.count()).select_from(O))
print(f"bulk: {n} orders in {time.perf_counter() - started:.0f} s", file=sys.stderr)
db.dispose()
'''


def build(data: Path, orders: int, pg: bool, keep: Path | None) -> str:
    """The database every run uses: built once (into `keep` when given, and reused from there)."""
    folder = keep or data
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / "database-url.txt"
    if keep is not None and marker.exists():
        return marker.read_text(encoding="utf-8").strip()
    if pg:
        import psycopg
        server = os.environ.get("PICKDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
        name = f"pickdesk_console_{orders}_{os.getpid()}"
        with psycopg.connect(server.replace("postgresql+psycopg://", "postgresql://") + "/postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = f"{server}/{name}"
    else:
        url = f"sqlite:///{folder / 'central.sqlite3'}"
    env = dict(os.environ, PICKDESK_DATA_DIR=str(folder), PYTHONPATH=str(ROOT))
    env.pop("PICKDESK_DB_URL", None)
    if orders > 2000:
        args = [sys.executable, "-c", BULK, url, str(orders)]
    else:
        args = [sys.executable, "-c", "import sys; from desktop.db.database import Database; "
                "from desktop.demo.builder import build_demo; db = Database.open(sys.argv[1]); "
                f"build_demo(db, orders={orders}, seed=1); db.dispose()", url]
    subprocess.run(args, env=env, cwd=ROOT, check=True, timeout=3600)
    marker.write_text(url, encoding="utf-8")
    return url


def one(variant: str, url: str, data: Path, idle: float, baseline_root: Path | None) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PICKDESK_DATA_DIR=str(data),
               PYTHONPATH=str(baseline_root or ROOT))
    env.pop("PICKDESK_DB_URL", None)
    args = [sys.executable, "-c", CHILD, variant, url, str(idle)]
    done = subprocess.run(args, env=env, cwd=baseline_root or ROOT, capture_output=True, text=True, timeout=1800)
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
    parser.add_argument("--pg", action="store_true", help="on PostgreSQL (PICKDESK_TEST_PG) rather than SQLite")
    parser.add_argument("--keep", type=Path, help="build the database once into this folder and reuse it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pickdesk-console-") as tmp:
        data = Path(tmp)
        url = build(data, args.orders, args.pg, args.keep)
        variants = ["current"]
        baseline_root = None
        if not args.no_baseline:
            baseline_root = data / "main"
            baseline_root.mkdir()
            archive = subprocess.run(["git", "archive", "main"], cwd=ROOT, capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(baseline_root)], input=archive, check=True)
            variants.append("baseline")
        results: dict[str, list[dict]] = {v: [] for v in variants}
        for _ in range(args.runs):
            for v in variants:
                results[v].append(one(v, url, data, args.idle, baseline_root if v == "baseline" else None))
    engine = "PostgreSQL" if args.pg else "SQLite"
    print(f"Supervisor console, {args.orders} orders ({engine}), {args.runs} runs × {args.idle:.0f} s phases, "
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
