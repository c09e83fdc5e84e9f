"""Rotating the customer-data key: how long re-sealing every order takes, and what one batch costs.

    .venv/bin/python benchmarks/key_rotation.py [--orders 2000] [--batch 500] [--pg URL]

Builds a demo warehouse (`build_demo`, `--orders` orders) on SQLite (and on PostgreSQL with `--pg`,
an empty database's URL), then runs `desktop.services.keys.rotate` with `--batch` orders per
committed batch: 4 sealed fields an order (3 when it has no e-mail) opened under the old key and
sealed under the new. Prints a Markdown table: values re-sealed, batches, wall time, values/s, and the
slowest batch (each batch is one transaction, so that is how long a rotation holds those rows).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.security.keys import FileKeyStore
from desktop.services import auth
from desktop.services.keys import rotate


def measure(url: str, folder: Path, orders: int, batch: int) -> dict[str, float]:
    store = FileKeyStore(folder / "keys")
    db = Database.open(url, key_store=store)
    try:
        build_demo(db, orders=orders, seed=1)
        with db.unit_of_work() as uow:
            admin = auth.sign_in_with_pin(uow, "admin", "9999", "bench")
        times: list[float] = []
        last = [time.perf_counter()]

        def tick(_report) -> None:  # noqa: ANN001
            now = time.perf_counter()
            times.append(now - last[0])
            last[0] = now

        started = time.perf_counter()
        report = rotate(db, admin, store, batch_size=batch, after_batch=tick)
        wall = time.perf_counter() - started
    finally:
        db.dispose()
    values = report.values_resealed + report.stragglers
    return {"values": values, "batches": report.batches, "wall_s": wall, "per_s": values / wall,
            "slowest_batch_ms": max(times) * 1000 if times else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--pg", default=None, help="an empty PostgreSQL database's URL")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows.append(("SQLite", measure(f"sqlite:///{folder / 'c.sqlite3'}", folder / "a", args.orders, args.batch)))
        if args.pg:
            rows.append(("PostgreSQL", measure(args.pg, folder / "b", args.orders, args.batch)))
    print(f"| engine | orders | values re-sealed | batches of {args.batch} | wall | values/s | slowest batch |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for engine, r in rows:
        print(f"| {engine} | {args.orders} | {r['values']} | {r['batches']} | {r['wall_s']:.2f} s | "
              f"{r['per_s']:.0f} | {r['slowest_batch_ms']:.0f} ms |")


if __name__ == "__main__":
    main()
