"""Many stations against one PostgreSQL: sustained scans per second, propagation latency, losses.

For each station count, a fresh database with the demo warehouse (ready orders to pick), N headless
station processes (desktop/station/headless.py: sign in, take batches, journal every pick, apply it) run to
the end of the work, while this process LISTENs on the change feed and measures how long each
committed pick takes to reach another station (feed row time → notification received and read).
Then the run is checked: lost and duplicated actions must be 0.

    .venv/bin/python benchmarks/sync.py [--stations 1 2 4] [--orders 240]
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
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.db import models  # noqa: E402
from desktop.db.database import Database  # noqa: E402
from desktop.db.notify import FeedListener  # noqa: E402
from desktop.demo.builder import build_demo  # noqa: E402
from desktop.station.headless import last_event_id, stock_snapshot, verify_run  # noqa: E402
from desktop.services.auth import hash_pin  # noqa: E402

SERVER = os.environ.get("PICKDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


def fresh_database() -> str:
    name = f"pickdesk_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(SERVER.replace("postgresql+psycopg://", "postgresql://") + "/postgres", autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return f"{SERVER}/{name}"


def drop_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(SERVER.replace("postgresql+psycopg://", "postgresql://") + "/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run(stations: int, orders: int) -> dict[str, float]:
    url = fresh_database()
    db = Database.open(url)
    try:
        build_demo(db, orders=orders, seed=33)
        pickers = []
        with db.unit_of_work() as uow:
            for n in range(stations):
                login = f"bench{n}"
                uow.session.add(models.User(login=login, display_name=login, role="picker", pin_hash=hash_pin("1357")))
                pickers.append(login)
            uow.commit()
        start_stock, after_event = stock_snapshot(db), last_event_id(db)
        latencies: list[float] = []
        last_seen = [0]
        reader = db.engine.connect()

        def heard(_topic: str) -> None:
            received = datetime.now(UTC)
            rows = reader.execute(select(models.ChangeFeedEntry.id, models.ChangeFeedEntry.at)
                                  .where(models.ChangeFeedEntry.id > last_seen[0])
                                  .order_by(models.ChangeFeedEntry.id)).all()
            reader.rollback()
            for row_id, at in rows:
                latencies.append((received - at).total_seconds() * 1000)
                last_seen[0] = row_id

        with db.engine.connect() as conn:
            last_seen[0] = conn.execute(select(models.ChangeFeedEntry.id).order_by(models.ChangeFeedEntry.id.desc())
                                        .limit(1)).scalar() or 0
        listener = FeedListener(url, heard)
        listener.start()
        listener.listening.wait(10)
        folder = Path(tempfile.mkdtemp(prefix="pickdesk-sync-"))
        journals = [folder / f"{login}.sqlite3" for login in pickers]
        started = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-m", "desktop.station.headless", "--db", url, "--login", login,
                                   "--pin", "1357", "--station", f"B{n}", "--journal", str(journals[n])],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
                 for n, login in enumerate(pickers)]
        outputs = [p.communicate(timeout=900)[0] for p in procs]
        elapsed = time.perf_counter() - started
        listener.stop()
        reader.close()
        marks = [ln.split() for out in outputs for ln in out.splitlines() if ln.startswith("CONFIRMED ")]
        confirmed = [m[1] for m in marks]
        times = [float(m[2]) for m in marks]
        working = max(times) - min(times) if len(times) > 1 else elapsed  # first to last pick, start-up excluded
        report = verify_run(db, start_stock, journals, confirmed, after_event_id=after_event)
        return {"stations": stations, "scans": len(confirmed), "seconds": working,
                "scans_per_s": len(confirmed) / working, "lat_p50": percentile(latencies, 50),
                "lat_p95": percentile(latencies, 95), "lost": report["lost"], "duplicated": report["duplicated"],
                "faults": sum(report[k] for k in ("orphan_events", "double_picked", "stock_mismatch",
                                                   "bad_reservations", "split_orders"))}
    finally:
        db.dispose()
        drop_database(url)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--orders", type=int, default=1200)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}; demo orders {args.orders} per run; PostgreSQL at {SERVER}")
    print()
    print("| stations | confirmed scans | picking seconds | scans/s | vs 1 station | feed latency p50 ms | p95 ms | lost | duplicated | other faults |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    base = None
    for n in args.stations:
        r = run(n, args.orders)
        base = base or r["scans_per_s"]
        print(f"| {n} | {r['scans']} | {r['seconds']:.1f} | {r['scans_per_s']:.1f} | {r['scans_per_s'] / base:.2f}× | "
              f"{r['lat_p50']:.1f} | {r['lat_p95']:.1f} | {r['lost']} | {r['duplicated']} | {r['faults']} |", flush=True)


if __name__ == "__main__":
    main()
