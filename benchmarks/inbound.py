"""Inbound: judging a scan at the dock, closing a big notice, and replaying the stock ledger.

    nice .venv/bin/python benchmarks/inbound.py [--lines 200] [--scans 20000] [--engines sqlite postgresql]

* **judge** — `ReceiveSession.scan_raw` over GS1 scans (decode + rules, in memory, as on the GUI
  thread): microseconds per scan, median and 99th percentile. The target is far under the 50 ms a
  scan's feedback may take.
* **close** — per engine, on the demo warehouse (200 orders): a notice of `--lines` lines (one
  receipt each) saved and closed — every RECEIPT movement through `change_on_hand`.
* **verify** — `verify_ledger` (the replay of every movement against every stock row) on the same
  database, and the number of movements it summed.

Prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def judge(scans: int) -> tuple[float, float]:
    from desktop.domain.receiving import Decision, NoticeLine, Product, ReceiveSession

    from biip.checksums import gs1_standard_check_digit

    today = date(2026, 12, 4)
    bodies = [f"690000{n:06d}" for n in range(50)]
    products = [Product("0" + b + str(gs1_standard_check_digit(b)), f"S{n}", f"P{n}", lot_tracked=n % 2 == 0,
                        min_expiry=today + timedelta(days=30)) for n, b in enumerate(bodies)]
    lines = [NoticeLine(n + 1, p, 10 ** 6, "L1" if p.lot_tracked else None) for n, p in enumerate(products)]
    session = ReceiveSession("ASN-BENCH", lines, today)
    expiry = today + timedelta(days=400)
    raws = [f"]C101{p.gtin14}17{expiry:%y%m%d}10L1" if p.lot_tracked else f"]C101{p.gtin14}" for p in products]
    times = []
    for n in range(scans):
        raw = raws[n % len(raws)]
        start = time.perf_counter()
        verdict = session.scan_raw(raw)
        times.append(time.perf_counter() - start)
        if session.pending is not None:
            session.decide(Decision.ACCEPT)
        del verdict
    times.sort()
    return statistics.median(times) * 1e6, times[int(len(times) * 0.99)] * 1e6


def close_and_verify(engine: str, lines: int) -> tuple[float, float, float, int]:
    from sqlalchemy import func, select

    from desktop.db import models
    from desktop.db.database import Database
    from desktop.demo.builder import build_demo
    from desktop.domain.actor import Actor
    from desktop.domain.receiving import Decision, Receipt
    from desktop.domain.roles import Role
    from desktop.services import inbound
    from desktop.services.stock import verify_ledger

    work = Path(tempfile.mkdtemp(prefix="pickdesk-bench-inbound-"))
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
        actor = Actor(None, "receiver1", "Receiver", Role.RECEIVER, "BENCH")
        with db.unit_of_work() as uow:
            skus = uow.session.execute(select(models.Sku.id, models.Sku.gtin, models.Sku.sku_code)
                                       .where(models.Sku.lot_tracked.is_(False)).order_by(models.Sku.id)
                                       .limit(lines)).all()
            wh = uow.session.scalar(select(models.Warehouse.id).where(models.Warehouse.code == "SZ1"))
            notice = models.InboundNotice(asn_no="ASN-BENCH", warehouse_id=wh, source_kind="supplier",
                                          source_code="B", source_name="")
            notice.lines = [models.InboundLine(line_no=n + 1, sku_id=i, expected_qty=10) for n, (i, _g, _c) in
                            enumerate(skus)]
            uow.session.add(notice)
            uow.commit()
        receipts = [Receipt(gtin14=g, sku=c, qty=10, decision=Decision.ACCEPT, line_no=n + 1)
                    for n, (_i, g, c) in enumerate(skus)]
        start = time.perf_counter()
        with db.unit_of_work(actor) as uow:
            inbound.save_receipts(uow, "ASN-BENCH", receipts)
        saved = time.perf_counter() - start
        start = time.perf_counter()
        with db.unit_of_work(actor) as uow:
            inbound.close_notice(uow, "ASN-BENCH")
        closed = time.perf_counter() - start
        start = time.perf_counter()
        with db.unit_of_work() as uow:
            assert verify_ledger(uow) == []
            movements = uow.session.scalar(select(func.count()).select_from(models.StockMovement))
        verified = time.perf_counter() - start
        return saved, closed, verified, int(movements)
    finally:
        db.dispose()
        if drop:
            drop()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--scans", type=int, default=20000)
    parser.add_argument("--engines", nargs="+", default=["sqlite", "postgresql"])
    args = parser.parse_args()
    median, p99 = judge(args.scans)
    print(f"judge: {args.scans} GS1 scans, median {median:.0f} µs, p99 {p99:.0f} µs per scan")
    print()
    print(f"| engine | save {args.lines} receipts s | close (post {args.lines} RECEIPT movements) s | verify s | movements |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for engine in args.engines:
        saved, closed, verified, movements = close_and_verify(engine, args.lines)
        print(f"| {engine} | {saved:.2f} | {closed:.2f} | {verified:.2f} | {movements} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
