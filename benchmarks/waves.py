"""Waves: `next_batch` on a released wave against today's `next_batch`, and walk per picked line.

    .venv/bin/python benchmarks/waves.py [--orders 10000] [--calls 60] [--pg] [--walk-orders 2000]

The database: `build_demo` with 200 orders, then copies of its ready orders (lines and reservations
too, the stock they reserve raised by as much) up to `--orders` ready orders. Two copies of it: on
one a wave of every ready order is released (its time is printed); the other stays as it is. Then
`--calls` pickers (one each, made for the run) ask `next_batch`, alternately on the two databases —
today's path plans every cart from the 200 most urgent orders on each call, the wave's hands out the
next planned cart — so both share the machine's state; p50 / p95 / max and their ratio are printed.

Walk: the same `--walk-orders` ready orders (read from the database) are batched twice in memory:
as today (each call takes the first cart planned from the 200 most urgent left) and as a wave
(`plan_wave_carts`: windows of 240, every cart kept); metres walked per picked line for each.

SQLite by default; `--pg` on PostgreSQL (PICKDESK_TEST_PG, default the local server). Prints Markdown.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import func, insert, select, update

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from desktop.domain.roles import Role
from desktop.routing.batching import OrderLine, ReadyOrder, plan_batches
from desktop.routing.layout import DEMO_LAYOUT, Layout, Position
from desktop.routing.planner import RoutePlanner
from desktop.services import picking, waves
from desktop.services.routes import layout_of

SERVER = os.environ.get("PICKDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


def pg_create(name: str, template: str | None = None) -> str:
    import psycopg

    with psycopg.connect(SERVER.replace("postgresql+psycopg://", "postgresql://") + "/postgres", autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return f"{SERVER}/{name}"


def pg_drop(name: str) -> None:
    import psycopg

    with psycopg.connect(SERVER.replace("postgresql+psycopg://", "postgresql://") + "/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fill(db: Database, ready: int, pickers: int) -> None:
    """Copies of the demo's ready orders until `ready` are ready; `pickers` extra picker logins."""
    O, L, R, S = models.Order, models.OrderLine, models.Reservation, models.Stock
    with db.unit_of_work() as uow:
        s = uow.session
        templates = s.execute(select(O.__table__).where(O.status == "ready", O.wave_id.is_(None))).mappings().all()
        have = len(templates)
        lines = defaultdict(list)
        for row in s.execute(select(L.__table__).where(L.order_id.in_([t["id"] for t in templates]))).mappings():
            lines[row["order_id"]].append(row)
        reservations = defaultdict(list)
        for row in s.execute(select(R.__table__).join(L, R.order_line_id == L.id)
                             .where(L.order_id.in_([t["id"] for t in templates]))).mappings():
            reservations[row["order_line_id"]].append(row)
        bump: dict[int, int] = defaultdict(int)
        n = 0
        while have + n < ready:
            chunk = []
            for k in range(min(1000, ready - have - n)):
                t = dict(templates[(n + k) % len(templates)])
                t.pop("id")
                t["order_no"] = f"BN-{n + k:07d}"
                t["version"] = 1
                chunk.append(t)
            new_ids = s.scalars(insert(O).returning(O.id, sort_by_parameter_order=True), chunk).all()
            line_rows, res_src = [], []
            for k, oid in enumerate(new_ids):
                src = templates[(n + k) % len(templates)]["id"]
                for ln in lines[src]:
                    d = dict(ln)
                    d.pop("id")
                    d["order_id"] = oid
                    line_rows.append(d)
                    res_src.append(ln["id"])
            line_ids = s.scalars(insert(L).returning(L.id, sort_by_parameter_order=True), line_rows).all()
            res_rows = []
            for lid, src_line in zip(line_ids, res_src, strict=True):
                for r in reservations[src_line]:
                    res_rows.append({"order_line_id": lid, "stock_id": r["stock_id"], "qty": r["qty"]})
                    bump[r["stock_id"]] += r["qty"]
            if res_rows:
                s.execute(insert(R), res_rows)
            n += len(chunk)
        for stock_id, qty in bump.items():
            s.execute(update(S).where(S.id == stock_id).values(on_hand=S.on_hand + qty, reserved=S.reserved + qty,
                                                                version=S.version + 1))
        s.execute(insert(models.User), [{"login": f"bench{i:03d}", "display_name": f"Bench {i}", "role": "picker",
                                         "active": True} for i in range(pickers)])
        uow.commit()


def picker_actors(db: Database) -> list[Actor]:
    with db.unit_of_work() as uow:
        rows = uow.session.execute(select(models.User.id, models.User.login).where(models.User.login.like("bench%"))
                                   .order_by(models.User.login)).all()
    return [Actor(uid, login, login, Role.PICKER, "BENCH") for uid, login in rows]


@contextmanager
def todays_path():
    """next_batch as on main: no planned carts to hand out, no urgent arrivals to plan; it plans on the call."""
    saved = waves.plan_urgent_arrivals, waves.claim_planned_cart
    waves.plan_urgent_arrivals = lambda uow, now: 0
    waves.claim_planned_cart = lambda uow, now: None
    try:
        yield
    finally:
        waves.plan_urgent_arrivals, waves.claim_planned_cart = saved


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def synthetic_orders(n: int, now: datetime) -> list[ReadyOrder]:
    """The routing benchmark's order stream (seed 42): random positions in DEMO_LAYOUT, ship-by over 30 h."""
    rng = random.Random(42)
    out = []
    for k in range(n):
        lines = tuple(OrderLine(f"O{k}-{i}", Position(rng.randrange(DEMO_LAYOUT.aisles), rng.randrange(DEMO_LAYOUT.blocks),
                                                      rng.randrange(DEMO_LAYOUT.slots)))
                      for i in range(rng.choice([1, 1, 1, 2, 2, 3, 4, 6])))
        out.append(ReadyOrder(f"O{k:05d}", lines, totes=1, volume_litres=rng.uniform(2.0, 12.0) * len(lines),
                              priority_class=rng.choices(["normal", "expedited", "urgent"], [85, 10, 5])[0],
                              promised_ship_by=now + timedelta(hours=rng.uniform(-1, 30)), gift=rng.random() < 0.1,
                              created_at=now - timedelta(hours=rng.uniform(0, 24))))
    return sorted(out, key=lambda o: -o.score(now))


def database_orders(db: Database, orders: int, now: datetime) -> tuple[Layout, list[ReadyOrder]]:
    with db.unit_of_work() as uow:
        wh = uow.session.scalar(select(models.Warehouse).where(models.Warehouse.code == "SZ1"))
        pickups = waves._Pickups(uow, wh.id, now, waves.DEFAULT_LEAD)
        cands = waves._candidates(waves._ready_orders(uow, wh.id), waves.WaveRule(), pickups, now, bulk=False)
        layout = layout_of(wh.layout)
    cands.sort(key=lambda c: (-c.ready.score(now), c.order.id))
    return layout, [c.ready for c in cands[:orders]]


def walk_comparison(layout: Layout, ready: list[ReadyOrder], now: datetime) -> tuple[float, float, int, int]:
    """(today's metres per line, the wave's metres per line, carts today, carts in the wave)."""
    planner = RoutePlanner(layout)
    # Today: each call plans from the 200 most urgent left and keeps the first cart.
    left, today = list(ready), []
    while left:
        first = plan_batches(layout, left[:picking.PLANNING_POOL], waves.MULTI_CART, now, planner=planner)[0]
        today.append(first)
        taken = {o.order_id for o in first.orders}
        left = [o for o in left if o.order_id not in taken]
    wave = waves.plan_wave_carts(layout, ready, waves.MULTI_CART, now, planner=planner)
    if not wave:
        raise SystemExit("no ready order to batch")
    per = lambda carts: sum(c.route.distance for c in carts) / sum(c.line_count for c in carts)  # noqa: E731
    return per(today), per(wave), len(today), len(wave)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--orders", type=int, default=10_000)
    ap.add_argument("--calls", type=int, default=60)
    ap.add_argument("--walk-orders", type=int, default=2000)
    ap.add_argument("--pg", action="store_true")
    args = ap.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="pickdesk-waves-"))
    os.environ["PICKDESK_DATA_DIR"] = str(folder)
    now = datetime.now(timezone.utc)
    names: list[str] = []
    try:
        t0 = time.perf_counter()
        if args.pg:
            tag = f"pickdesk_bench_waves_{os.getpid()}"
            names = [f"{tag}_a", f"{tag}_b"]
            url_a = pg_create(names[0])
        else:
            url_a = f"sqlite:///{folder / 'a.sqlite3'}"
        db = Database.open(url_a)
        build_demo(db, orders=200, seed=1)
        fill(db, args.orders, args.calls)
        with db.unit_of_work() as uow:
            ready = uow.session.scalar(select(func.count()).select_from(models.Order).where(models.Order.status == "ready"))
        db.dispose()
        if args.pg:
            url_b = pg_create(names[1], template=names[0])
        else:
            shutil.copy(folder / "a.sqlite3", folder / "b.sqlite3")
            url_b = f"sqlite:///{folder / 'b.sqlite3'}"
        built = time.perf_counter() - t0
        waved, today = Database.open(url_a), Database.open(url_b)
        with waved.unit_of_work() as uow:
            sup = uow.session.scalar(select(models.User).where(models.User.login == "super1"))
            actor = Actor(sup.id, sup.login, sup.display_name, Role.SUPERVISOR, "BENCH")
        t1 = time.perf_counter()
        with waved.unit_of_work(actor) as uow:
            wave = waves.release_wave(uow, warehouse="SZ1", now=now)
        release_s = time.perf_counter() - t1
        pickers = picker_actors(waved)
        ms_wave, ms_today, cpu_wave, cpu_today = [], [], [], []
        for p in pickers[:args.calls]:
            with today.unit_of_work(p) as uow, todays_path():
                t, c = time.perf_counter(), time.process_time()
                picking.next_batch(uow, now=now)
                ms_today.append((time.perf_counter() - t) * 1000)
                cpu_today.append((time.process_time() - c) * 1000)
            with waved.unit_of_work(p) as uow:
                t, c = time.perf_counter(), time.process_time()
                picking.next_batch(uow, now=now)
                ms_wave.append((time.perf_counter() - t) * 1000)
                cpu_wave.append((time.process_time() - c) * 1000)
        walks = {"the database's ready orders (copies of the demo's)": walk_comparison(*database_orders(
            today, args.walk_orders, now), now),
                 "random orders (the routing benchmark's stream)": walk_comparison(
                     DEMO_LAYOUT, synthetic_orders(args.walk_orders, now), now)}
        waved.dispose()
        today.dispose()
    finally:
        for name in names:
            pg_drop(name)
        shutil.rmtree(folder, ignore_errors=True)
    engine = "PostgreSQL" if args.pg else "SQLite"
    load = os.getloadavg()
    print(f"### next_batch, {engine}, {ready} ready orders, {args.calls} calls each, interleaved "
          f"(load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; database built in {built:.0f} s)\n")
    print(f"Wave released: {wave.orders} orders into {wave.carts} carts in {release_s:.1f} s.\n")
    print("| next_batch | p50 ms | p95 ms | max ms | client CPU p50 ms | client CPU p95 ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, v, c in (("today (plans on the call)", ms_today, cpu_today), ("released wave", ms_wave, cpu_wave)):
        print(f"| {name} | {statistics.median(v):.1f} | {pct(v, 0.95):.1f} | {max(v):.1f} | "
              f"{statistics.median(c):.1f} | {pct(c, 0.95):.1f} |")
    print(f"| ratio wave / today | {statistics.median(ms_wave) / statistics.median(ms_today):.3f} | "
          f"{pct(ms_wave, 0.95) / pct(ms_today, 0.95):.3f} | | "
          f"{statistics.median(cpu_wave) / statistics.median(cpu_today):.3f} | "
          f"{pct(cpu_wave, 0.95) / pct(cpu_today, 0.95):.3f} |\n")
    print(f"### Walk per picked line, the same {args.walk_orders} orders batched both ways\n")
    print("| orders | today: carts | today: m per line | wave: carts | wave: m per line | wave / today |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, (walk_today, walk_wave, carts_today, carts_wave) in walks.items():
        print(f"| {name} | {carts_today} | {walk_today:.2f} | {carts_wave} | {walk_wave:.2f} | "
              f"{walk_wave / walk_today:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
