"""The core at 100 000 orders (issue 20 item 4): `orders --json --limit 100` and a one-day report,
today's code against this checkout's, interleaved in the same run, on PostgreSQL.

    .venv/bin/python benchmarks/volume.py [--orders 100000] [--rounds 3] [--baseline 96373f8]
        [--pg postgresql+psycopg://postgres@127.0.0.1:5432] [--limited-only]

Each side gets its own database, migrated and seeded by its own code (the demo warehouse with 20
orders), then filled by the same SQL with `--orders` copies of one demo order spread over one day
(2026-11-23 UTC), each with its history received → ready → picking → picked → packed → shipped at
fixed minutes, as a peak day leaves them. Then, `--rounds` times, each side in turn:

* `pickdesk orders --json --limit 100`: the whole command as a person runs it (a new process:
  interpreter start, imports, database open), wall time, CPU time (user + system: less swayed by
  a shared machine's load than the wall clock) and peak memory (ru_maxrss); and `pickdesk orders
  --json` with no limit (every order; not with `--limited-only`);
* the same listing in process (the service call only: `list_orders` then, `iter_orders` now);
* `compute_figures` for the day 2026-11-23 (the report of one day), in process.

Prints medians and the ratios. Say the machine's load with the figures (shown at the end).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import BEFORE_ISSUE_20, ROOT, baseline_tree  # noqa: E402

SEED = """
import sys
from datetime import date
from desktop.security.crypto import Sealer
from desktop.db.database import Database
from desktop.demo.builder import build_demo
db = Database.open(sys.argv[1], sealer=Sealer(b"v" * 32))
build_demo(db, orders=20, seed=3, as_of=date(2026, 11, 23))
db.dispose()
"""

MEASURE = """
import json, resource, sys, time
from datetime import UTC, datetime
from desktop.security.crypto import Sealer
from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.domain.roles import Role
from desktop.services import orders as o
from desktop.services.figures import compute_figures
db = Database.open(sys.argv[1], sealer=Sealer(b"v" * 32))
out = {}
with db.unit_of_work() as uow:
    t = time.perf_counter()
    rows = list(o.iter_orders(uow, None, 100)) if hasattr(o, "iter_orders") else o.list_orders(uow, None, 100)
    out["list_s"] = time.perf_counter() - t
    assert len(rows) == 100
with db.unit_of_work(Actor(None, "bench", "Bench", Role.SUPERVISOR, "B")) as uow:
    t = time.perf_counter()
    f = compute_figures(uow, datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 11, 24, tzinfo=UTC))
    out["report_s"] = time.perf_counter() - t
    out["received"] = f.orders_received
    out["shipped"] = f.shipped
db.dispose()
print(json.dumps(out))
"""

CLI = """
import resource, sys
from ui.entry import main
code = main(["orders", "--json", *sys.argv[2:], "--db", sys.argv[1]])
sys.stdout.flush()
r = resource.getrusage(resource.RUSAGE_SELF)
print("CPU", r.ru_utime + r.ru_stime, file=sys.stderr)
print("MAXRSS", r.ru_maxrss, file=sys.stderr)
sys.exit(code)
"""

# Copies of the demo's first order: numbers BULK-000001 …, received over the day, a fixed history.
FILL = """
CREATE TEMP TABLE tpl AS SELECT * FROM orders ORDER BY id LIMIT 1;
INSERT INTO orders ({cols})
SELECT {exprs} FROM tpl CROSS JOIN generate_series(1, {n}) AS g;
INSERT INTO order_lines (order_id, line_no, sku_id, qty, unit_price, picked_qty, packed_qty, short_qty)
SELECT o.id, l.line_no, l.sku_id, l.qty, l.unit_price, l.qty, l.qty, 0
FROM orders o JOIN order_lines l ON l.order_id = (SELECT id FROM tpl) WHERE o.order_no LIKE 'BULK-%';
INSERT INTO order_status_changes (order_id, from_status, to_status, at)
SELECT o.id, s.f, s.t, o.received_at + s.m * interval '1 minute'
FROM orders o CROSS JOIN (VALUES (NULL, 'received', 0), ('received', 'ready', 2), ('ready', 'picking', 30),
                                 ('picking', 'picked', 45), ('picked', 'packed', 60), ('packed', 'shipped', 120))
     AS s(f, t, m)
WHERE o.order_no LIKE 'BULK-%';
ANALYZE;
"""

OVERRIDE = {
    "order_no": "'BULK-' || lpad(g::text, 6, '0')",
    "received_at": "timestamptz '2026-11-23 00:00+00' + (g * 86000.0 / {n}) * interval '1 second'",
    "created_at": "timestamptz '2026-11-23 00:00+00' + (g * 86000.0 / {n}) * interval '1 second'",
    "promised_ship_by": "timestamptz '2026-11-23 00:00+00' + (g * 86000.0 / {n} + 7200 + (g % 3) * 1800) "
                        "* interval '1 second'",
    "priority_score": "(g * 7919 % 1000) / 10.0",
    "status": "'shipped'",
    "hold_reason": "NULL",
    "hold_detail": "NULL",
}


def fill(url: str, n: int) -> None:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        cols = [r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders' AND column_name <> 'id' "
            "ORDER BY ordinal_position")]
        exprs = [OVERRIDE.get(c, f"tpl.{c}").format(n=n) for c in cols]
        conn.execute(FILL.format(cols=", ".join(cols), exprs=", ".join(exprs), n=n))


def run(tree: Path, code: str, *args: str) -> tuple[str, str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree), "QT_QPA_PLATFORM": "offscreen"}
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=tree, env=env, capture_output=True, text=True,
                          timeout=3600)
    wall = time.perf_counter() - t
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return done.stdout, done.stderr, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", default=BEFORE_ISSUE_20)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    parser.add_argument("--limited-only", action="store_true", help="skip the listing of every order")
    args = parser.parse_args()
    import psycopg

    admin = args.pg.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    names = {side: f"bench_vol_{side}_{uuid.uuid4().hex[:6]}" for side in ("then", "now")}
    results: dict[str, dict[str, list[float]]] = {"then": {}, "now": {}}
    failures: dict[str, str] = {}
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in names.values():
            conn.execute(f'CREATE DATABASE "{name}"')
    try:
        with baseline_tree(args.baseline) as base, tempfile.TemporaryDirectory() as data:
            os.environ["PICKDESK_DATA_DIR"] = data
            trees = {"then": base, "now": ROOT}
            urls = {side: f"{args.pg}/{names[side]}" for side in trees}
            for side, tree in trees.items():
                run(tree, SEED, urls[side])
                fill(urls[side], args.orders)
            for _ in range(args.rounds):
                for side, tree in trees.items():
                    out, err, wall = run(tree, CLI, urls[side], "--limit", "100")
                    assert len(json.loads(out)) == 100
                    r = results[side]
                    r.setdefault("cli_s", []).append(wall)
                    r.setdefault("cli_cpu_s", []).append(float(err.split("CPU")[-1].split()[0]))
                    r.setdefault("cli_mb", []).append(int(err.split("MAXRSS")[-1].split()[0]) / 1024)
                    if not args.limited_only:
                        try:
                            out, err, wall = run(tree, CLI, urls[side])
                        except RuntimeError as exc:  # 96373f8 at 100 000: one IN list past the driver's 65 535 parameters
                            failures[side] = str(exc).strip().splitlines()[-1][:160]
                        else:
                            assert len(json.loads(out)) == args.orders + 20
                            r.setdefault("all_s", []).append(wall)
                            r.setdefault("all_mb", []).append(int(err.split("MAXRSS")[-1].split()[0]) / 1024)
                    figures = json.loads(run(tree, MEASURE, urls[side])[0])
                    r.setdefault("list_s", []).append(figures["list_s"])
                    r.setdefault("report_s", []).append(figures["report_s"])
                    r["received"] = [figures["received"]]
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            for name in names.values():
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    med = {side: {k: statistics.median(v) for k, v in r.items()} for side, r in results.items()}
    print(f"PostgreSQL, {args.orders} orders received on one day (+20 demo orders); {args.rounds} interleaved "
          f"rounds, medians; load {os.getloadavg()[0]:.1f} (1-min average at the end)")
    print(f"| measure | at {args.baseline} | now | ratio (then / now) |")
    print("| --- | ---: | ---: | ---: |")
    for key, label, unit in (("cli_s", "`pickdesk orders --json --limit 100` (whole command)", "s"),
                             ("cli_cpu_s", "… its CPU time (user + system)", "s"),
                             ("cli_mb", "… its peak memory", "MB"),
                             ("all_s", "`pickdesk orders --json` (every order, whole command)", "s"),
                             ("all_mb", "… its peak memory", "MB"),
                             ("list_s", "the listing of 100 in process", "s"),
                             ("report_s", "`compute_figures` of the day, in process", "s")):
        a, b = med["then"].get(key), med["now"].get(key)
        if a is None and b is None:
            continue
        if a is None or b is None:
            print(f"| {label} | {f'{a:.3f} {unit}' if a is not None else 'fails'} | "
                  f"{f'{b:.3f} {unit}' if b is not None else 'fails'} | — |")
            continue
        print(f"| {label} | {a:.3f} {unit} | {b:.3f} {unit} | {a / b:.1f}× |")
    print(f"orders the report counted: {int(med['now']['received'])} (then {int(med['then']['received'])})")
    for side, why in failures.items():
        print(f"{side}: `orders --json` with no limit failed: {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
