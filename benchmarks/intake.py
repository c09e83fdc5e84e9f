"""Intake throughput: orders per second through all gates, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/intake.py [--orders 300] [--pg postgresql+psycopg://postgres@127.0.0.1:5432]
        [--baseline 96373f8] [--rounds 2] [--merge-window 30]

For each engine: a fresh demo warehouse (no orders), N generated mall orders (good and bad mixed
like the demo: ~8 % bad addresses, ~5 % expired coupons, ~5 % unpaid), imported in one go (the
baseline: parse, validate, seal and write), then `run_intake` over all of them, one transaction
per order (before issue 20) or per group of 50 (now). With `--baseline REV` (default: the commit
before issue 20) the same script of that commit runs in turn with this one, `--rounds` times each,
interleaved on the same machine, and the table gives the ratio of the medians.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select  # noqa: E402

from desktop.security.crypto import Sealer  # noqa: E402
from desktop.db import models  # noqa: E402
from desktop.db.database import Database  # noqa: E402
from desktop.demo.builder import build_demo  # noqa: E402
from desktop.demo.data import CN_ADDRESSES, CN_BAD_ADDRESSES  # noqa: E402
from desktop.domain.actor import Actor  # noqa: E402
from desktop.domain.roles import Role  # noqa: E402
from desktop.formats.mall_orders import import_orders  # noqa: E402
from desktop.services.intake import price_rules, run_intake  # noqa: E402
from desktop.domain.pricing import compute_price  # noqa: E402

AS_OF = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
ACTOR = Actor(None, "bench", "Benchmark", Role.SUPERVISOR, "BENCH")


def generate(db: Database, n: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    with db.unit_of_work() as uow:
        skus = [(k.merchant.code, k.merchant_id, k.gtin, k.unit_value, k.merchant) for k in uow.session.scalars(
            select(models.Sku))]
        rules = {mid: price_rules(uow, mid) for mid in {s[1] for s in skus}}
        by_merchant: dict[str, list] = {}
        for s in skus:
            by_merchant.setdefault(s[0], []).append(s)
        orders = []
        for i in range(n):
            code = rng.choice(sorted(by_merchant))
            picked = rng.sample(by_merchant[code], rng.choice([1, 1, 2, 3]))
            lines = [{"gtin": g, "qty": rng.choice([1, 1, 2]), "unit_price": str(p)} for _, _, g, p, _ in picked]
            merchant = picked[0][4]
            coupons = ["OLD5"] if rng.random() < 0.05 else (["SAVE10"] if rng.random() < 0.3 else [])
            tier = rng.choice([None, None, "gold", "platinum"])
            created = NOW - timedelta(hours=rng.uniform(0.2, 3))
            check = compute_price([(ln["qty"], Decimal(ln["unit_price"])) for ln in lines], rules=rules[picked[0][1]],
                                  coupons=[c for c in coupons if c != "OLD5"], member_tier=tier, at=created,
                                  free_shipping_threshold=merchant.free_shipping_threshold,
                                  standard_shipping_fee=merchant.standard_shipping_fee)
            if rng.random() < 0.08:
                prov, city, dist, post, street, _ = rng.choice(CN_BAD_ADDRESSES)
            else:
                prov, city, dist, post, street = rng.choice(CN_ADDRESSES)
            orders.append({
                "order_no": f"{code}-BENCH-{uuid.uuid4().hex[:12]}", "merchant": code,
                "created_at": created.isoformat(), "customer": {"name": "王芳", "phone": f"+86 138 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"},
                "address": {"country": "CN", "province": prov, "city": city, "district": dist,
                            "detail": street.format(n=rng.randint(1, 99), b=1, r=101), "postal_code": post},
                "lines": lines, "coupons": coupons, "member_tier": tier, "shipping_fee": str(check.shipping_fee),
                "discount_total": str(check.discount_total), "total_charged": str(check.payable), "currency": "CNY",
                "payment": {"method": "online", "status": "pending" if rng.random() < 0.05 else "paid"},
                "priority": rng.choice(["normal", "normal", "expedited", "urgent"]),
                "promised_ship_by": (created + timedelta(hours=24)).isoformat(),
            })
    return orders


def measure(url: str, n: int, merge_window: int = 0) -> dict:
    db = Database.open(url, sealer=Sealer(b"b" * 32))
    try:
        build_demo(db, orders=0, seed=2, as_of=AS_OF)
        if merge_window:  # 合单 on: every order's buyer is looked for among the ready ones (docs/intake.md)
            from desktop.services.shaping import set_merge_window

            with db.unit_of_work(Actor(None, "bench", "Benchmark", Role.ADMIN, "BENCH")) as uow:
                set_merge_window(uow, merge_window)
        orders = generate(db, n)
        t0 = time.perf_counter()
        with db.unit_of_work(ACTOR) as uow:
            import_orders(uow, orders)
        t1 = time.perf_counter()
        summary = run_intake(db, now=NOW, actor=ACTOR)
        t2 = time.perf_counter()
    finally:
        db.dispose()
    return {"engine": db.backend, "orders": n, "import_s": t1 - t0, "intake_s": t2 - t1, "summary": summary}


def measure_both(args: argparse.Namespace) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        rows.append(measure(f"sqlite:///{folder}/bench.sqlite3", args.orders, args.merge_window))
    import psycopg

    name = f"pickdesk_bench_{uuid.uuid4().hex[:8]}"
    admin = args.pg.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        rows.append(measure(f"{args.pg}/{name}", args.orders, args.merge_window))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return rows


def print_table(rows: list[dict]) -> None:
    print("| engine | orders | import (baseline) orders/s | intake orders/s | ms per order | ready / held / backordered |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        s = r["summary"]
        print(f"| {r['engine']} | {r['orders']} | {r['orders'] / r['import_s']:.0f} | {r['orders'] / r['intake_s']:.0f} | "
              f"{1000 * r['intake_s'] / r['orders']:.1f} | {s.count('ready')} / {s.count('held')} / {s.count('backordered')} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", type=int, default=300)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    parser.add_argument("--baseline", default=None, help="a commit to compare with, run interleaved")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--merge-window", type=int, default=0,
                        help="minutes: the mall's merge window for this code's runs (the baseline's has none)")
    args = parser.parse_args()
    if not args.baseline:
        print_table(measure_both(args))
        return 0
    import os
    import statistics

    from baseline import baseline_tree, markdown_rows, run_in

    then: dict[str, list[float]] = {}
    now: dict[str, list[float]] = {}
    outcomes: dict[str, tuple[str, str]] = {}
    with baseline_tree(args.baseline) as tree:
        for _ in range(args.rounds):
            for row in markdown_rows(run_in(tree, "benchmarks/intake.py", "--orders", str(args.orders),
                                            "--pg", args.pg))[1:]:
                then.setdefault(row[0], []).append(float(row[3]))
                outcomes.setdefault(row[0], ("", ""))
                outcomes[row[0]] = (row[5], outcomes[row[0]][1])
            for r in measure_both(args):
                now.setdefault(r["engine"], []).append(r["orders"] / r["intake_s"])
                s = r["summary"]
                outcomes[r["engine"]] = (outcomes.get(r["engine"], ("", ""))[0],
                                         f"{s.count('ready')} / {s.count('held')} / {s.count('backordered')}")
    print(f"load: {os.getloadavg()[0]:.1f} (1-min average at the end); {args.rounds} interleaved rounds, medians")
    print(f"| engine | orders | intake orders/s at {args.baseline} | intake orders/s now | ratio | "
          "ready / held / backordered then | now |")
    print("| --- | ---: | ---: | ---: | ---: | --- | --- |")
    for engine in now:
        a, b = statistics.median(then[engine]), statistics.median(now[engine])
        print(f"| {engine} | {args.orders} | {a:.0f} | {b:.0f} | {b / a:.2f}× | {outcomes[engine][0]} | "
              f"{outcomes[engine][1]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
