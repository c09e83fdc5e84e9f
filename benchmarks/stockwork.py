"""Counts and pick-face refills: what a receiver and a supervisor wait for.

    nice .venv/bin/python benchmarks/stockwork.py [--bins 100] [--engines sqlite postgresql]

Per engine, on the demo warehouse (200 orders, 500 SKUs, reserve bins):

* **count** — `--bins` bin counts opened, then submitted one by one (each its own transaction, as from
  the Counts tab): median and worst milliseconds per submission. Every tenth bin is counted 5 units
  short, so those lines go to a supervisor; the rest match.
* **upload** — the same number of bins again, recorded by `import_counts` in one transaction (a
  batch scanner's file): seconds in all.
* **approve** — each waiting count approved through `decide_exception` (ADJUSTMENT movements,
  reservations re-planned where they no longer fit): median milliseconds.
* **plan** — `plan_warehouse`: every SKU that reserve bins hold checked against its pick faces, tasks
  made: seconds, and how many tasks.

Prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def run(engine: str, bins: int) -> dict[str, float]:
    from sqlalchemy import select

    from desktop.db import models
    from desktop.db.database import Database
    from desktop.demo.builder import build_demo
    from desktop.domain.actor import Actor
    from desktop.domain.counting import CountSheet
    from desktop.domain.roles import Role
    from desktop.services import counts, replenishment_tasks
    from desktop.services.supervision import decide_exception

    work = Path(tempfile.mkdtemp(prefix="pickdesk-bench-stockwork-"))
    os.environ["PICKDESK_DATA_DIR"] = str(work)
    if engine == "sqlite":
        url, drop = f"sqlite:///{work / 'c.sqlite3'}", None
    else:
        sys.path.insert(0, str(ROOT / "tests"))
        from conftest import create_pg_database, drop_pg_database

        url = create_pg_database("pickdesk_bench")
        drop = lambda: drop_pg_database(url)  # noqa: E731
    db = Database.open(url)
    try:
        build_demo(db, orders=200, seed=1)
        receiver = Actor(None, "receiver1", "Receiver", Role.RECEIVER, "BENCH")
        boss = Actor(None, "super1", "Supervisor", Role.SUPERVISOR, "BENCH")
        S, L, K, Lo = models.Stock, models.Location, models.Sku, models.Lot
        with db.unit_of_work() as uow:
            codes = uow.session.scalars(select(L.code).join(S, S.location_id == L.id)
                                        .where(L.kind == "pick", S.on_hand >= 10).group_by(L.code)
                                        .order_by(L.code).limit(2 * bins)).all()
            record = {}
            for code, gtin, lot, expiry, on_hand in uow.session.execute(
                    select(L.code, K.gtin, Lo.lot_code, Lo.expiry, S.on_hand).select_from(S)
                    .join(L, S.location_id == L.id).join(K, S.sku_id == K.id).outerjoin(Lo, S.lot_id == Lo.id)
                    .where(L.code.in_(codes))):
                record.setdefault(code, []).append((gtin, lot, expiry, on_hand))

        def sheet(code: str, short: bool) -> CountSheet:
            s = CountSheet()
            s.at_bin(code)
            for i, (gtin, lot, expiry, on_hand) in enumerate(sorted(record[code])):
                s.add(gtin, lot, on_hand - (5 if short and i == 0 else 0), expiry)
            return s

        one_by_one, in_file = codes[:bins], codes[bins:2 * bins]
        opened = {}
        for code in codes:
            with db.unit_of_work(receiver) as uow:
                opened[code] = counts.open_count(uow, location=code).id
        times = []
        for n, code in enumerate(one_by_one):
            start = time.perf_counter()
            with db.unit_of_work(receiver) as uow:
                counts.submit_count(uow, opened[code], sheet(code, n % 10 == 0))
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        with db.unit_of_work(receiver) as uow:
            counts.import_counts(uow, [(counts.count_code(opened[c]), sheet(c, False)) for c in in_file])
        upload = time.perf_counter() - start
        with db.unit_of_work() as uow:
            cases = uow.session.scalars(select(models.ExceptionCase.id).where(
                models.ExceptionCase.kind == "count_variance", models.ExceptionCase.status == "open")).all()
        approvals = []
        for case_id in cases:
            start = time.perf_counter()
            with db.unit_of_work(boss) as uow:
                decide_exception(uow, case_id, "approve", "benchmark")
            approvals.append(time.perf_counter() - start)
        start = time.perf_counter()
        with db.unit_of_work(receiver) as uow:
            tasks = replenishment_tasks.plan_warehouse(uow)
        plan = time.perf_counter() - start
        return {"median": statistics.median(times) * 1e3, "worst": max(times) * 1e3, "upload": upload,
                "approve": statistics.median(approvals) * 1e3 if approvals else 0.0, "approvals": len(approvals),
                "plan": plan, "tasks": len(tasks), "bins": len(one_by_one), "file_bins": len(in_file)}
    finally:
        db.dispose()
        if drop:
            drop()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bins", type=int, default=100)
    parser.add_argument("--engines", nargs="+", default=["sqlite", "postgresql"])
    args = parser.parse_args()
    print("| engine | submit a bin count: median ms | worst ms | upload of N bins, one transaction s "
          "| approve a variance: median ms | plan refills (whole warehouse) s | tasks |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for engine in args.engines:
        r = run(engine, args.bins)
        print(f"| {engine} | {r['median']:.1f} ({r['bins']} bins) | {r['worst']:.1f} | {r['upload']:.2f} "
              f"({r['file_bins']} bins) | {r['approve']:.1f} ({r['approvals']}) | {r['plan']:.2f} | {r['tasks']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
