"""A simulated peak day on PostgreSQL (issue 20, done when): orders arriving hour by hour, intake,
waves released on a schedule, N headless picking stations, packing and hand-over, then a check
that every order is shipped or rightly held and nothing was lost or doubled.

    .venv/bin/python benchmarks/peak_day.py [--orders 100000] [--stations 2] [--hours 24]
        [--wave-every 3] [--single 0.3] [--stock-factor 1.2] [--put-wall-orders 48]
        [--pg postgresql+psycopg://postgres@127.0.0.1:5432]

The day (2026-11-11, UTC): `--orders` mall orders (`--single` of them one unit of one of a
merchant's five bestsellers, the rest 1–3 lines of 1–2 units, ~8 % bad addresses, ~5 % expired
coupons, ~5 % unpaid, as in benchmarks/intake.py) arrive in `--hours` equal parts. Each hour: the part
is imported and passed through intake (by groups). Every `--wave-every` hours, and at the end of the
day, a supervisor releases three waves (`waves.release_wave`): a single-SKU wave of the bestsellers'
one-unit orders, a put-wall wave of `--put-wall-orders` orders, and a multi-order wave of every other
ready order; `--stations` headless stations (`desktop.station.headless`, separate processes, each its
own picker login and database login) pick every planned cart until nothing is left; then a packer
sorts each put-wall cart at the wall (light the slot, scan it, unit by unit), packs a single-SKU
cart's orders by scan-to-print (any unit scanned opens the next order) and every other picked order
at its expected weight, the labels are recorded printed, the parcels handed over and each carrier's
manifest closed: the orders are shipped. Stock is topped up at the start through the stock ledger
(a RECEIPT movement per product, `change_on_hand`) so that `--stock-factor` × the day's demand is on
the shelves (0: the demo's own stock, so shortages backorder orders as they would).

Checked at the end: every order is shipped, held (with its exception case) or backordered (with a
replenishment request) — nothing left ready, picking, picked or packed; no order shipped twice or
in two carts; every journaled pick applied once (`verify_run`: lost, duplicated, double-picked,
stock mismatches, bad reservations); the ledger adds up to every stock row (`verify_ledger`). Prints
the figures: intake orders/s, wave release time, scans per second, the central database's work per
confirmed scan — statements and their round-trip time as the stations count them, and statements
and execution time as the server counts them (`pg_stat_statements` of the station logins in the
day's database, reset before each round; "not collected" when the server does not preload it, see
docs/benchmarks.md) — cart claims lost to another station per cart, packing rate.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import func, select, text  # noqa: E402

from desktop.db import models  # noqa: E402
from desktop.db.database import Database  # noqa: E402
from desktop.demo.builder import build_demo  # noqa: E402
from desktop.demo.data import CN_ADDRESSES, CN_BAD_ADDRESSES  # noqa: E402
from desktop.domain.actor import Actor  # noqa: E402
from desktop.domain.pricing import compute_price  # noqa: E402
from desktop.domain.roles import Role  # noqa: E402
from desktop.formats.mall_orders import import_orders  # noqa: E402
from desktop.security.crypto import Sealer  # noqa: E402
from desktop.services import packing, shipping, waves  # noqa: E402
from desktop.services.auth import hash_pin  # noqa: E402
from desktop.services import put_wall  # noqa: E402
from desktop.services.intake import price_rules, run_intake  # noqa: E402
from desktop.services.stock import change_on_hand, verify_ledger  # noqa: E402
from desktop.domain.stock import MovementKind  # noqa: E402
from desktop.station.headless import stock_snapshot, last_event_id, verify_run  # noqa: E402
from devices.decode import OrderScan  # noqa: E402

DAY = date(2026, 11, 11)
START = datetime(2026, 11, 11, 0, 0, tzinfo=UTC)
KEY = Sealer(b"p" * 32)


def generate(db: Database, n: int, single: float, seed: int = 11) -> list[dict]:
    """The day's orders in the mall's format; `single` of them one unit of one product."""
    rng = random.Random(seed)
    with db.unit_of_work() as uow:
        skus = [(k.merchant.code, k.merchant_id, k.gtin, k.unit_value, k.merchant) for k in uow.session.scalars(
            select(models.Sku).order_by(models.Sku.id))]
        rules = {mid: price_rules(uow, mid) for mid in {s[1] for s in skus}}
        by_merchant: dict[str, list] = {}
        for s in skus:
            by_merchant.setdefault(s[0], []).append(s)
        codes = sorted(by_merchant)
        out = []
        for i in range(n):
            code = rng.choice(codes)
            if rng.random() < single:
                picked = [rng.choice(by_merchant[code][:5])]  # the bestsellers
                lines = [{"gtin": picked[0][2], "qty": 1, "unit_price": str(picked[0][3])}]
            else:
                picked = rng.sample(by_merchant[code], min(len(by_merchant[code]), rng.choice([1, 2, 3])))
                lines = [{"gtin": g, "qty": rng.choice([1, 2]), "unit_price": str(p)} for _, _, g, p, _ in picked]
                if len(lines) == 1 and lines[0]["qty"] == 1:
                    lines[0]["qty"] = 2
            merchant = picked[0][4]
            created = START + timedelta(seconds=86_400 * i / n)
            coupons = ["OLD5"] if rng.random() < 0.05 else []
            check = compute_price([(ln["qty"], Decimal(ln["unit_price"])) for ln in lines], rules=rules[picked[0][1]],
                                  coupons=[], member_tier=None, at=created,
                                  free_shipping_threshold=merchant.free_shipping_threshold,
                                  standard_shipping_fee=merchant.standard_shipping_fee)
            if rng.random() < 0.08:
                prov, city, dist, post, street, _ = rng.choice(CN_BAD_ADDRESSES)
            else:
                prov, city, dist, post, street = rng.choice(CN_ADDRESSES)
            out.append({
                "order_no": f"{code}-1111-{i:06d}", "merchant": code, "created_at": created.isoformat(),
                "customer": {"name": "王芳", "phone": f"+86 138 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"},
                "address": {"country": "CN", "province": prov, "city": city, "district": dist,
                            "detail": street.format(n=rng.randint(1, 99), b=1, r=101), "postal_code": post},
                "lines": lines, "coupons": coupons, "member_tier": None, "shipping_fee": str(check.shipping_fee),
                "discount_total": str(check.discount_total), "total_charged": str(check.payable), "currency": "CNY",
                "payment": {"method": "online", "status": "pending" if rng.random() < 0.05 else "paid"},
                "priority": rng.choice(["normal"] * 6 + ["expedited", "urgent"]),
                "promised_ship_by": (created + timedelta(hours=24)).isoformat(),
            })
    return out


def top_up(db: Database, orders: list[dict], factor: float, receiver: Actor) -> int:
    """Put `factor` × the day's demand of each product on its pick shelves (a set-up step, before the run):
    a RECEIPT movement each through the stock ledger (`change_on_hand`), so the ledger still adds up to
    the shelves (checked at the end by `verify_ledger`). The number of movements."""
    if factor <= 0:
        return 0
    demand: Counter = Counter()
    for o in orders:
        for ln in o["lines"]:
            demand[ln["gtin"]] += ln["qty"]
    moved = 0
    with db.unit_of_work(receiver) as uow:
        for gtin, qty in sorted(demand.items()):
            row = uow.session.execute(  # the row that serves longest: no lot, or the latest expiry
                select(models.Stock.location_id, models.Stock.sku_id, models.Stock.lot_id)
                .join(models.Sku).join(models.Location)
                .outerjoin(models.Lot, models.Stock.lot_id == models.Lot.id)
                .where(models.Sku.gtin == gtin, models.Location.kind == "pick")
                .order_by(models.Lot.expiry.is_(None).desc(), models.Lot.expiry.desc(), models.Stock.id)).first()
            if row is not None:
                change_on_hand(uow, location_id=row.location_id, sku_id=row.sku_id, lot_id=row.lot_id,
                               delta=int(qty * factor) + 1, kind=MovementKind.RECEIPT, ref="PEAK-DAY-TOP-UP")
                moved += 1
        uow.audit("stock_topped_up", "warehouse", "SZ1", movements=moved, factor=factor)
        uow.commit()
    return moved


def station_logins(url: str, n: int) -> list[str]:
    """A picker station login of its own per station, as `pickdesk db station-role` makes them (the
    server keeps who is signed in per database login: stations sharing one would overwrite each
    other's sign-in). Their URLs."""
    import io
    from unittest import mock

    from sqlalchemy.engine import make_url

    from desktop.cli import main as cli

    tag = uuid.uuid4().hex[:6]
    urls = []
    for i in range(n):
        login = f"st_peak{i}_{tag}"
        with mock.patch("sys.stdin", io.StringIO("9999\n")):
            if cli(["db", "station-role", login, "--kind", "picker", "--apply", "--db", url,
                    "--user", "admin", "--pin-stdin"]) != 0:
                raise RuntimeError(f"could not make the station login {login}")
        urls.append(make_url(url).set(username=login).render_as_string(hide_password=False))
    return urls


def drop_station_logins(db: Database, urls: list[str]) -> None:
    from sqlalchemy.engine import make_url

    with db.engine.begin() as conn:
        for u in urls:
            login = make_url(u).username
            conn.execute(text(f"DROP OWNED BY {login}"))
            conn.execute(text(f"DROP ROLE {login}"))


def server_stats(db: Database, roles: list[str], *, reset: bool = False) -> dict:
    """What pg_stat_statements holds of the station logins' statements in this database: calls and
    server execution time (`reset`: forget this database's entries first). Empty when the server has
    no `shared_preload_libraries = 'pg_stat_statements'` (docs/benchmarks.md says how to add it)."""
    with db.engine.connect() as conn:
        try:
            if reset:
                conn.execute(text("SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database "
                                  "WHERE datname = current_database()), 0)"))
            row = conn.execute(text(
                "SELECT coalesce(sum(s.calls), 0) AS calls, coalesce(sum(s.total_exec_time), 0) AS ms, "
                "(SELECT dealloc FROM pg_stat_statements_info) AS dealloc, "
                "(SELECT stats_reset FROM pg_stat_statements_info) AS stats_reset "
                "FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid "
                "WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                "AND r.rolname = ANY(:roles)"), {"roles": roles}).one()
            conn.commit()
        except Exception as exc:  # noqa: BLE001 - not preloaded: say so in the figures, measure the rest
            conn.rollback()
            return {"error": str(exc).splitlines()[0][:160]}
    return {"calls": int(row.calls), "ms": float(row.ms), "dealloc": int(row.dealloc or 0),
            "stats_reset": row.stats_reset}


def pick_round(db: Database, station_urls: list[str], logins: list[str], folder: Path, round_no: int) -> dict:
    from sqlalchemy.engine import make_url

    roles = [make_url(u).username for u in station_urls]
    before = server_stats(db, roles, reset=True)
    start_stock, after_event = stock_snapshot(db), last_event_id(db)
    journals = [folder / f"r{round_no}-{login}.sqlite3" for login in logins]
    stats = [folder / f"r{round_no}-{login}.json" for login in logins]
    started = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-m", "desktop.station.headless", "--db", station_urls[n],
                               "--login", login,
                               "--pin", "1357", "--station", f"P{n}", "--journal", str(journals[n]),
                               "--stats", str(stats[n])],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n, login in enumerate(logins)]
    outputs = []
    for p in procs:
        out, err = p.communicate(timeout=7200)
        if p.returncode:
            raise RuntimeError(f"a station failed:\n{err[-2000:]}")
        outputs.append(out)
    seconds = time.perf_counter() - started
    confirmed = [ln.split()[1] for out in outputs for ln in out.splitlines() if ln.startswith("CONFIRMED ")]
    report = verify_run(db, start_stock, journals, confirmed, after_event_id=after_event)
    counted = [json.loads(s.read_text()) for s in stats]
    after = server_stats(db, roles)
    server = {"error": before.get("error") or after.get("error")} if "error" in before or "error" in after else {
        "calls": after["calls"], "ms": after["ms"], "dealloc": after["dealloc"] - before["dealloc"],
        # someone reset every database's statistics during the round: the figures are short
        "reset_by_another": after["stats_reset"] != before["stats_reset"]}
    return {"seconds": seconds, "scans": len(confirmed), "report": report, "server": server,
            "statements": sum(c["statements"] for c in counted), "db_seconds": sum(c["db_seconds"] for c in counted),
            "batches": sum(c["batches"] for c in counted),
            # A station's last claim finds no cart left (an UPDATE matching no row, then NOTHING_TO_PICK):
            # that one is not a claim lost to another station.
            "lost_claims": sum(c["lost_claims"] for c in counted)
                           - sum(out.count("NOTHING_TO_PICK") for out in outputs)}


def sort_at_the_wall(db: Database, packer: Actor) -> int:
    """Every picked put-wall cart sorted into its wall, unit by unit (light the slot, scan it): the units put."""
    B, W = models.PickBatch, models.Wave
    with db.unit_of_work() as uow:
        carts = list(uow.session.scalars(
            select(B.code).join(W, B.wave_id == W.id).where(W.kind == "put_wall", B.status == "done")
            .where(B.id.in_(select(models.PutWallSlot.batch_id).where(models.PutWallSlot.status == "open")))
            .order_by(B.id)))
    puts = 0
    for code in carts:
        with db.unit_of_work(packer) as uow:
            wall = put_wall.open_wall(uow, code)
        for slot in wall.slots:
            for gtin, units in slot_needs(db, code, slot.slot_no):
                for _unit in range(units):
                    with db.unit_of_work(packer) as uow:
                        lit = put_wall.light_for_unit(uow, code, f"]C101{gtin}")
                    with db.unit_of_work(packer) as uow:
                        put_wall.confirm_put(uow, code, f"]C101{gtin}", put_wall.slot_label(lit.slot_no), f"put-{code}-{puts}")
                    puts += 1
    return puts


def slot_needs(db: Database, cart: str, slot_no: int) -> list[tuple[str, int]]:
    """(GTIN, units still to put) of one slot of a put-wall cart: what the sorter scans, unit by unit."""
    S, L, K = models.PutWallSlot, models.OrderLine, models.Sku
    with db.unit_of_work() as uow:
        return [(g, int(n)) for g, n in uow.session.execute(
            select(K.gtin, func.sum(L.qty)).join(L, L.sku_id == K.id).join(S, S.order_id == L.order_id)
            .join(models.PickBatch, S.batch_id == models.PickBatch.id)
            .where(models.PickBatch.code == cart, S.slot_no == slot_no, S.status == "open")
            .group_by(K.gtin).order_by(K.gtin)).all()]


def packing_queue(db: Database) -> tuple[list[str], list]:
    """The picked orders in the order the bench packs them: a single-SKU cart's by scanning any of its
    units (`next_single_sku_order`, scan-to-print), then every other picked order. And the scans-to-print."""
    B, W, T, L, O = models.PickBatch, models.Wave, models.PickTask, models.OrderLine, models.Order
    with db.unit_of_work() as uow:
        single = uow.session.execute(
            select(B.code, models.Sku.gtin, func.count(func.distinct(O.id))).join(W, B.wave_id == W.id)
            .join(T, T.batch_id == B.id).join(L, T.order_line_id == L.id).join(O, L.order_id == O.id)
            .join(models.Sku, L.sku_id == models.Sku.id)
            .where(W.kind == "single_sku", O.status == "picked").group_by(B.code, models.Sku.gtin)
            .order_by(B.code)).all()
        picked = list(uow.session.scalars(select(O.order_no).where(O.status == "picked").order_by(O.id)))
    return picked, single


def pack_one(db: Database, packer: Actor, no: str) -> str:
    with db.unit_of_work(packer) as uow:
        view = packing.open_for_packing(uow, OrderScan(no), today=DAY)
    contents = [(ln.line_no, lot.lot, lot.qty) for ln in view.lines for lot in ln.lots] + \
               [(ln.line_no, None, ln.qty) for ln in view.lines if not ln.lots]
    with db.unit_of_work(packer) as uow:
        parcel = packing.pack_parcel(uow, no, contents, view.carton.carton.code, view.expected_weight_g,
                                     view.carrier.carrier, view.carrier.service, action_id=f"pack-{no}", today=DAY)
    with db.unit_of_work(packer) as uow:
        packing.record_labels_printed(uow, [parcel.code])
    with db.unit_of_work(packer) as uow:
        shipping.handover_scan(uow, parcel.code, view.carrier.carrier, day=DAY)
        uow.commit()
    return view.carrier.carrier


def pack_and_ship(db: Database, packer: Actor) -> dict:
    """Sort the put-wall carts, pack every picked order at its expected weight (a single-SKU cart's by
    scan-to-print: any unit scanned opens the next order), record its label, hand it over, close the manifests."""
    puts = sort_at_the_wall(db, packer)
    picked, single = packing_queue(db)
    carriers, done, scanned = set(), set(), 0
    for code, gtin, n in single:
        for _unit in range(n):
            with db.unit_of_work(packer) as uow:
                no = put_wall.next_single_sku_order(uow, code, f"]C101{gtin}")
            carriers.add(pack_one(db, packer, no))
            done.add(no)
            scanned += 1
    for no in picked:
        if no not in done:
            carriers.add(pack_one(db, packer, no))
            done.add(no)
    for carrier in sorted(carriers):
        with db.unit_of_work(packer) as uow:
            shipping.close_manifest(uow, carrier, DAY)
    return {"packed": len(done), "puts": puts, "scan_to_print": scanned}


def check_day(db: Database, n: int) -> dict:
    with db.unit_of_work() as uow:
        s = uow.session
        statuses = dict(s.execute(select(models.Order.status, func.count()).group_by(models.Order.status)).all())
        held_without_case = s.scalar(text(
            "SELECT count(*) FROM orders o WHERE o.status = 'held' AND NOT EXISTS "
            "(SELECT 1 FROM exceptions e WHERE e.order_id = o.id)"))
        backordered_without_request = s.scalar(text(
            "SELECT count(*) FROM orders o WHERE o.status = 'backordered' AND NOT EXISTS "
            "(SELECT 1 FROM order_lines l JOIN replenishment_requests r ON r.sku_id = l.sku_id "
            " WHERE l.order_id = o.id)"))
        shipped_twice = s.scalar(text(
            "SELECT count(*) FROM (SELECT order_id FROM order_status_changes WHERE to_status = 'shipped' "
            "GROUP BY order_id HAVING count(*) > 1) x"))
        in_two_carts = s.scalar(text(
            "SELECT count(*) FROM (SELECT l.order_id FROM pick_tasks t JOIN order_lines l ON l.id = t.order_line_id "
            "GROUP BY l.order_id HAVING count(DISTINCT t.batch_id) > 1) x"))
        oversold = s.scalar(select(func.count()).select_from(models.Stock).where(
            (models.Stock.reserved < 0) | (models.Stock.on_hand < 0)))
        ledger_differences = len(verify_ledger(uow))  # every stock row = the sum of its ledger movements
    left = {k: v for k, v in statuses.items() if k not in ("shipped", "held", "backordered")}
    return {"statuses": statuses, "total": sum(statuses.values()), "expected": n, "left_on_the_floor": left,
            "held_without_case": held_without_case, "backordered_without_request": backordered_without_request,
            "shipped_twice": shipped_twice, "in_two_carts": in_two_carts, "oversold": oversold,
            "ledger_differences": ledger_differences}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--stations", type=int, default=2)
    parser.add_argument("--hours", type=int, default=24)
    parser.add_argument("--wave-every", type=int, default=3)
    parser.add_argument("--single", type=float, default=0.3)
    parser.add_argument("--stock-factor", type=float, default=1.2)
    parser.add_argument("--put-wall-orders", type=int, default=2 * waves.PUT_WALL_SLOTS,
                        help="orders of each schedule's put-wall wave (default: two walls' worth)")
    parser.add_argument("--pg", default=os.environ.get("PICKDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432"))
    args = parser.parse_args()
    admin = args.pg.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    name = f"pickdesk_peak_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{args.pg}/{name}"
    os.environ.setdefault("PICKDESK_DATA_DIR", tempfile.mkdtemp(prefix="pickdesk-peak-data-"))
    db = Database.open(url, sealer=KEY)
    station_urls: list[str] = []
    figures: dict = {"intake_s": 0.0, "release_s": 0.0, "waves": 0, "carts": 0, "pack_s": 0.0, "packed": 0,
                     "puts": 0, "scan_to_print": 0, "kinds": Counter(), "rounds": []}
    try:
        t = time.perf_counter()
        build_demo(db, orders=0, seed=5, as_of=DAY)
        orders = generate(db, args.orders, args.single)
        with db.engine.begin() as conn:  # the server's statement statistics, when it preloads the module
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"))
        with db.unit_of_work() as uow:
            sup = uow.session.scalar(select(models.User).where(models.User.role == "supervisor"))
            pack_user = uow.session.scalar(select(models.User).where(models.User.role == "packer"))
            logins = []
            for n in range(args.stations):
                uow.session.add(models.User(login=f"peak{n}", display_name=f"Peak {n}", role="picker",
                                            pin_hash=hash_pin("1357")))
                logins.append(f"peak{n}")
            uow.commit()
        station_urls = station_logins(url, args.stations)
        supervisor = Actor(sup.id, sup.login, sup.display_name, Role.SUPERVISOR, "PEAK-SUP")
        packer = Actor(pack_user.id, pack_user.login, pack_user.display_name, Role.PACKER, "PEAK-PACK")
        figures["top_ups"] = top_up(db, orders, args.stock_factor, supervisor)
        print(f"set up in {time.perf_counter() - t:.0f} s: {len(orders)} orders generated, "
              f"{sum(1 for o in orders if len(o['lines']) == 1 and o['lines'][0]['qty'] == 1)} single-item", flush=True)
        folder = Path(tempfile.mkdtemp(prefix="pickdesk-peak-"))
        per_hour = -(-len(orders) // args.hours)
        for hour in range(args.hours):
            part = orders[hour * per_hour:(hour + 1) * per_hour]
            now = START + timedelta(hours=hour + 1)
            if part:
                with db.unit_of_work(supervisor) as uow:
                    import_orders(uow, part)
                t = time.perf_counter()
                run_intake(db, now=now, actor=supervisor)
                figures["intake_s"] += time.perf_counter() - t
            if (hour + 1) % args.wave_every and hour != args.hours - 1:
                continue
            # The schedule's waves, in this order: the bestsellers' one-unit orders (single-SKU, picked in
            # bulk, packed by scan-to-print), a put-wall cart or two, then every other ready order.
            released = []
            for rule in (waves.WaveRule(kind=waves.WaveKind.SINGLE_SKU, bestsellers=5),
                         waves.WaveRule(kind=waves.WaveKind.PUT_WALL, max_orders=args.put_wall_orders),
                         waves.WaveRule()):
                t = time.perf_counter()
                try:
                    with db.unit_of_work(supervisor) as uow:
                        wave = waves.release_wave(uow, warehouse="SZ1", rule=rule, now=now)
                    released.append(wave)
                    figures["waves"] += 1
                    figures["carts"] += wave.carts
                    figures["kinds"][wave.kind] += wave.orders
                except waves.WaveRefused:
                    pass
                finally:
                    figures["release_s"] += time.perf_counter() - t
            if not released:
                continue
            r = pick_round(db, station_urls, logins, folder, hour)
            figures["rounds"].append(r)
            t = time.perf_counter()
            shipped = pack_and_ship(db, packer)
            figures["pack_s"] += time.perf_counter() - t
            for key in ("packed", "puts", "scan_to_print"):
                figures[key] += shipped[key]
            print(f"hour {hour + 1:2d}: {len(released)} waves ({', '.join(f'{w.kind} {w.orders}' for w in released)}), "
                  f"{r['scans']} scans in {r['seconds']:.0f} s, {figures['packed']} packed so far", flush=True)
        check = check_day(db, len(orders))
    finally:
        if station_urls:
            drop_station_logins(db, station_urls)
        db.dispose()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    rounds = figures["rounds"]
    scans = sum(r["scans"] for r in rounds)
    pick_s = sum(r["seconds"] for r in rounds)
    batches = sum(r["batches"] for r in rounds)
    faults = {k: sum(r["report"].get(k, 0) for r in rounds) for k in
              ("lost", "duplicated", "orphan_events", "double_picked", "stock_mismatch", "bad_reservations",
               "split_orders")}
    print()
    print(f"Peak day on PostgreSQL: {args.orders} orders over {args.hours} h, {args.single:.0%} single-item, "
          f"a wave every {args.wave_every} h, {args.stations} picking stations; load {os.getloadavg()[0]:.1f}")
    print("| figure | value |")
    print("| --- | ---: |")
    print(f"| intake | {args.orders / figures['intake_s']:.0f} orders/s ({figures['intake_s']:.0f} s) |")
    print(f"| waves released / time to release | {figures['waves']} / {figures['release_s']:.1f} s "
          f"(orders by kind: {json.dumps(dict(figures['kinds']))}) |")
    print(f"| stock top-ups (RECEIPT movements through the ledger) | {figures.get('top_ups', 0)} |")
    print(f"| confirmed scans / picking time | {scans} / {pick_s:.0f} s ({scans / pick_s if pick_s else 0:.1f} scans/s) |")
    print(f"| statements per confirmed scan (station side) | {rounds and sum(r['statements'] for r in rounds) / max(scans, 1):.1f} |")
    print(f"| database round-trip time per scan | {rounds and 1000 * sum(r['db_seconds'] for r in rounds) / max(scans, 1):.1f} ms |")
    served = [r["server"] for r in rounds if "calls" in r["server"]]
    if rounds and len(served) == len(rounds):
        calls, ms = sum(x["calls"] for x in served), sum(x["ms"] for x in served)
        caveat = []
        if any(x["dealloc"] for x in served):  # the least-run entries of the whole server go first
            caveat.append(f"the server evicted its least-run entries {sum(x['dealloc'] for x in served)} times "
                          "meanwhile (pg_stat_statements.max): perhaps short")
        if any(x["reset_by_another"] for x in served):
            caveat.append("statistics reset by another session during a round: short")
        note = f" ({'; '.join(caveat)})" if caveat else ""
        print(f"| server statements per confirmed scan (pg_stat_statements) | {calls / max(scans, 1):.1f}{note} |")
        print(f"| server execution time per confirmed scan (pg_stat_statements) | {ms / max(scans, 1):.2f} ms |")
    else:
        why = next((r["server"]["error"] for r in rounds if "error" in r["server"]), "no round")
        print(f"| server statements per confirmed scan (pg_stat_statements) | not collected: {why} |")
    print(f"| carts taken / claims lost to another station | {batches} / {sum(r['lost_claims'] for r in rounds)} "
          f"({sum(r['lost_claims'] for r in rounds) / max(batches, 1):.3f} per cart) |")
    print(f"| packed and shipped | {figures['packed']} ({figures['packed'] / figures['pack_s'] if figures['pack_s'] else 0:.1f} orders/s; "
          f"{figures['puts']} units sorted at the put wall, {figures['scan_to_print']} single-SKU orders by scan-to-print) |")
    print(f"| orders at the end | {json.dumps(check['statuses'])} (of {check['expected']}: {check['total']}) |")
    problems = {**faults, "left_on_the_floor": sum(check["left_on_the_floor"].values()),
                "held_without_case": check["held_without_case"],
                "backordered_without_request": check["backordered_without_request"],
                "shipped_twice": check["shipped_twice"], "in_two_carts": check["in_two_carts"],
                "oversold": check["oversold"], "missing_orders": check["expected"] - check["total"],
                "ledger_differences": check["ledger_differences"]}
    print(f"| faults (all must be 0) | {json.dumps(problems)} |")
    return 0 if not any(problems.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
