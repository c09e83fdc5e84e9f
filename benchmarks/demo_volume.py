"""The demo at volume (issue 20 item 4): `pickdesk demo --orders N`, a commit's code against this
checkout's, in turn in the same run, each a new process; wall time, CPU time and peak memory.

    .venv/bin/python benchmarks/demo_volume.py [--orders 3000] [--rounds 1] [--baseline main]
        [--engines sqlite,postgresql] [--pg postgresql+psycopg://postgres@127.0.0.1:5432] [--only-now]

Each build gets an empty database of its own (a SQLite file in a temporary folder, or a PostgreSQL
database `bench_demo_*`, dropped after). `--only-now` builds with this checkout only (for sizes the
baseline cannot reach in memory). Say the machine's load with the figures (printed at the end).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import ROOT, baseline_tree  # noqa: E402

BUILD = """
import resource, sys
from ui.entry import main
code = main(["demo", "--orders", sys.argv[2], "--seed", "3", "--as-of", "2026-11-23", "--db", sys.argv[1]])
r = resource.getrusage(resource.RUSAGE_SELF)
print("USAGE", r.ru_utime + r.ru_stime, r.ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def build(tree: Path, url: str, orders: int, data: str) -> tuple[float, float, float]:
    """One build in a new process: (wall s, CPU s, peak MB)."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PICKDESK_DATA_DIR": data}
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", BUILD, url, str(orders)], cwd=tree, env=env, capture_output=True,
                          text=True, timeout=6 * 3600)
    wall = time.perf_counter() - t
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    cpu, maxrss = done.stderr.split("USAGE")[-1].split()[:2]
    return wall, float(cpu), int(maxrss) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--baseline", default="main")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    parser.add_argument("--only-now", action="store_true")
    args = parser.parse_args()
    admin = args.pg.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    results: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    with baseline_tree(args.baseline) as base, tempfile.TemporaryDirectory() as data:
        trees = {"now": ROOT} if args.only_now else {"then": base, "now": ROOT}
        for _ in range(args.rounds):
            for engine in args.engines.split(","):
                for side, tree in trees.items():
                    if engine == "sqlite":
                        url = f"sqlite:///{Path(data) / f'demo-{side}-{uuid.uuid4().hex[:6]}.sqlite3'}"
                        figures = build(tree, url, args.orders, data)
                        for suffix in ("", "-wal", "-shm"):
                            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
                    else:
                        import psycopg

                        name = f"bench_demo_{side}_{uuid.uuid4().hex[:6]}"
                        with psycopg.connect(admin, autocommit=True) as conn:
                            conn.execute(f'CREATE DATABASE "{name}"')
                        try:
                            figures = build(tree, f"{args.pg}/{name}", args.orders, data)
                        finally:
                            with psycopg.connect(admin, autocommit=True) as conn:
                                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                    results.setdefault((engine, side), []).append(figures)
    print(f"`pickdesk demo --orders {args.orders}`, {args.rounds} round(s), medians; "
          f"load {os.getloadavg()[0]:.1f} (1-min average at the end)")
    print(f"| engine | wall s at {args.baseline} | wall s now | ratio | CPU s then | CPU s now | "
          f"peak MB then | peak MB now | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for engine in args.engines.split(","):
        now = results[(engine, "now")]
        then = results.get((engine, "then"))
        med = [statistics.median(x[i] for x in now) for i in range(3)]
        if then:
            old = [statistics.median(x[i] for x in then) for i in range(3)]
            print(f"| {engine} | {old[0]:.1f} | {med[0]:.1f} | {old[0] / med[0]:.2f}× | {old[1]:.1f} | {med[1]:.1f} | "
                  f"{old[2]:.0f} | {med[2]:.0f} | {old[2] / med[2]:.2f}× |")
        else:
            print(f"| {engine} | — | {med[0]:.1f} | — | — | {med[1]:.1f} | — | {med[2]:.0f} | — |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
