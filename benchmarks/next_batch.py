"""`next_batch` on a released wave: this checkout against another commit (main), call for call, same run.

    .venv/bin/python benchmarks/next_batch.py [--orders 10000] [--calls 60] [--pg] [--baseline main]

The database is benchmarks/waves.py's: `build_demo` with 200 orders, copies of its ready orders up
to `--orders` ready orders, `--calls` picker logins; a wave of every ready order is released once,
then the database is copied (a file copy / `CREATE DATABASE … TEMPLATE`), so both sides hand out the
very same planned carts. Two worker processes, one running `--baseline`'s code (unpacked by
benchmarks/baseline.py, same interpreter) and one this checkout's, each open their copy; the parent
asks them **in turn** for one `next_batch` of a fresh picker each, so both see the same load.

Per call: wall time, the worker's CPU time, and the statements it sent (SQLAlchemy cursor events;
commit not counted). On PostgreSQL also the server's time for them: `pg_stat_statements` of each
database, reset before the calls (the extension is created in the benchmark databases; it needs
`shared_preload_libraries = 'pg_stat_statements'` on the server, see docs/benchmarks.md).
Prints Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def worker(url: str, logins: str) -> int:
    """One side: answers each line `i` on stdin with one next_batch of picker i, as JSON on stdout."""
    from sqlalchemy import event, select

    from desktop.db import models
    from desktop.db.database import Database
    from desktop.domain.actor import Actor
    from desktop.domain.roles import Role
    from desktop.services import picking

    db = Database.open(url)
    with db.unit_of_work() as uow:
        rows = uow.session.execute(select(models.User.id, models.User.login).where(models.User.login.like(logins))
                                   .order_by(models.User.login)).all()
    pickers = [Actor(uid, login, login, Role.PICKER, "BENCH") for uid, login in rows]
    sent = [0]

    @event.listens_for(db.engine, "before_cursor_execute")
    def _count(*_a: object) -> None:
        sent[0] += 1

    with db.unit_of_work(pickers[0]) as uow:  # warm the pool and the statement caches on a read
        picking.my_batch(uow)
    print("ready", flush=True)
    for line in sys.stdin:
        p = pickers[int(line)]
        sent[0] = 0
        t, c = time.perf_counter(), time.process_time()
        with db.unit_of_work(p) as uow:
            view = picking.next_batch(uow)
        out = {"ms": (time.perf_counter() - t) * 1000, "cpu_ms": (time.process_time() - c) * 1000,
               "statements": sent[0], "code": view.code, "stops": len(view.stops)}
        print(json.dumps(out), flush=True)
    db.dispose()
    return 0


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def pg_stat(url: str, reset: bool) -> tuple[int, float]:
    """(calls, total server ms) of the statements of this database since the last reset."""
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as c:
        if reset:
            c.execute("SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)")
            return 0, 0.0
        calls, ms = c.execute(
            "SELECT coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) FROM pg_stat_statements "
            "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "AND query NOT ILIKE '%pg_stat_statements%'").fetchone()
        return int(calls), float(ms)


def _head_of(tree: Path) -> str:
    """The newest migration of a checkout (the revision no other file names as its down_revision)."""
    import re

    revisions, parents = set(), set()
    for f in (tree / "desktop" / "db" / "migrations" / "versions").glob("*.py"):
        text_ = f.read_text(encoding="utf-8")
        rev = re.search(r"^revision = ['\"]([^'\"]+)['\"]", text_, re.M)
        down = re.search(r"^down_revision = ['\"]([^'\"]+)['\"]", text_, re.M)
        if rev:
            revisions.add(rev.group(1))
        if down:
            parents.add(down.group(1))
    (head,) = revisions - parents
    return head


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--orders", type=int, default=10_000)
    ap.add_argument("--calls", type=int, default=60)
    ap.add_argument("--pg", action="store_true")
    ap.add_argument("--baseline", default="main", help="the commit to measure against (default: main)")
    ap.add_argument("--worker", nargs=2, metavar=("URL", "LOGINS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker(*args.worker)
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from sqlalchemy import func, select, text

    import waves as wb  # benchmarks/waves.py: the database and its pickers
    from baseline import baseline_tree
    from desktop.db import models
    from desktop.db.database import Database
    from desktop.demo.builder import build_demo
    from desktop.domain.actor import Actor
    from desktop.domain.roles import Role
    from desktop.services import waves

    rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.baseline], check=True,
                         capture_output=True, text=True).stdout.strip()
    here = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()
    folder = Path(tempfile.mkdtemp(prefix="pickdesk-next-batch-"))
    os.environ["PICKDESK_DATA_DIR"] = str(folder)
    now = datetime.now(timezone.utc)
    names: list[str] = []
    procs: list[subprocess.Popen] = []
    try:
        t0 = time.perf_counter()
        if args.pg:
            tag = f"pickdesk_bench_nb_{os.getpid()}"
            names = [f"{tag}_a", f"{tag}_b"]
            url_a = wb.pg_create(names[0])
        else:
            url_a = f"sqlite:///{folder / 'a.sqlite3'}"
        db = Database.open(url_a)
        build_demo(db, orders=200, seed=1)
        wb.fill(db, args.orders, args.calls)
        with db.unit_of_work() as uow:
            ready = uow.session.scalar(select(func.count()).select_from(models.Order)
                                       .where(models.Order.status == "ready"))
            sup = uow.session.scalar(select(models.User).where(models.User.login == "super1"))
            actor = Actor(sup.id, sup.login, sup.display_name, Role.SUPERVISOR, "BENCH")
        with db.unit_of_work(actor) as uow:
            wave = waves.release_wave(uow, warehouse="SZ1", now=now)
        if args.pg:
            with db.engine.begin() as conn:
                conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"))
        db.dispose()
        if args.pg:
            url_b = wb.pg_create(names[1], template=names[0])
        else:
            shutil.copy(folder / "a.sqlite3", folder / "b.sqlite3")
            url_b = f"sqlite:///{folder / 'b.sqlite3'}"
        built = time.perf_counter() - t0
        with baseline_tree(args.baseline) as tree:
            # The database was built by this checkout's migrations; a baseline from before some of them
            # reads it as its own head (what they add — new columns, tables, triggers — its queries never
            # touch), so it opens it instead of refusing a revision it does not know.
            head = _head_of(tree)
            engine = Database.open(url_b, migrate_schema=False).engine
            with engine.begin() as conn:
                conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
            engine.dispose()
            sides = [("baseline", tree, url_b), ("this", ROOT, url_a)]
            for _name, code, url in sides:
                env = {**os.environ, "PYTHONPATH": str(code)}
                procs.append(subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--worker", url,
                                               "bench%"], cwd=code, env=env, stdin=subprocess.PIPE,
                                              stdout=subprocess.PIPE, text=True))
            for p in procs:
                assert p.stdout is not None and p.stdout.readline().strip() == "ready"
            if args.pg:
                for _name, _code, url in sides:
                    pg_stat(url, reset=True)
            results: dict[str, list[dict]] = {"baseline": [], "this": []}
            for i in range(args.calls):
                order = sides if i % 2 == 0 else sides[::-1]  # who goes first alternates too
                for name, _code, _url in order:
                    p = procs[0 if name == "baseline" else 1]
                    assert p.stdin is not None and p.stdout is not None
                    p.stdin.write(f"{i}\n")
                    p.stdin.flush()
                    results[name].append(json.loads(p.stdout.readline()))
            server = {name: pg_stat(url, reset=False) for name, _c, url in sides} if args.pg else {}
            for p in procs:
                assert p.stdin is not None
                p.stdin.close()
                p.wait(timeout=60)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
        for name in names:
            wb.pg_drop(name)
        shutil.rmtree(folder, ignore_errors=True)
    same = all(a["code"] == b["code"] and a["stops"] == b["stops"]
               for a, b in zip(results["baseline"], results["this"], strict=True))
    engine = "PostgreSQL" if args.pg else "SQLite"
    load = os.getloadavg()
    print(f"### next_batch on a released wave, {engine}, {ready} ready orders, {wave.carts} carts; "
          f"{args.calls} calls each side, alternating (load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
          f"built in {built:.0f} s; the same carts handed out on both sides: {'yes' if same else 'NO'})\n")
    head = "| code | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms | statements per call |"
    if args.pg:
        head += " server statements per call | server ms per call |"
    print(head)
    print("| --- |" + " ---: |" * (head.count("|") - 2))
    for name, label in (("baseline", f"{args.baseline} ({rev})"), ("this", f"this branch ({here})")):
        v = results[name]
        ms, cpu = [r["ms"] for r in v], [r["cpu_ms"] for r in v]
        row = (f"| {label} | {statistics.median(ms):.1f} | {pct(ms, 0.95):.1f} | {max(ms):.1f} | "
               f"{statistics.median(cpu):.1f} | {pct(cpu, 0.95):.1f} | {statistics.mean(r['statements'] for r in v):.1f} |")
        if args.pg:
            calls, sms = server[name]
            row += f" {calls / len(v):.1f} | {sms / len(v):.2f} |"
        print(row)
    b, t = results["baseline"], results["this"]
    ratio = lambda key, f: f([r[key] for r in t]) / f([r[key] for r in b])  # noqa: E731
    p95 = lambda xs: pct(xs, 0.95)  # noqa: E731
    row = (f"| **this / {args.baseline}** | **{ratio('ms', statistics.median):.2f}** | **{ratio('ms', p95):.2f}** | | "
           f"{ratio('cpu_ms', statistics.median):.2f} | {ratio('cpu_ms', p95):.2f} | "
           f"{ratio('statements', statistics.mean):.2f} |")
    if args.pg:
        row += f" | {server['this'][1] / server['baseline'][1]:.2f} |" if server["baseline"][1] else " | |"
    print(row)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
