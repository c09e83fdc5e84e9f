"""Core subcommands: demo, orders, stock, db. Each answers bad arguments with a message and status 2."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from desktop.cli import UsageError
from desktop.cli.signin import add_sign_in_arguments, checked_person, has_admin
from desktop.domain.errors import PickdeskError
from desktop.domain.lifecycle import OrderStatus
from desktop.domain.roles import Role


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return value


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("demo", help="build the demo warehouse into a database")
    p.add_argument("--orders", type=_positive_int, default=200, help="number of orders (default 200)")
    p.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data")
    p.add_argument("--as-of", type=_iso_date, default=None, help="the demo's today (YYYY-MM-DD; default today)")
    p.add_argument("--reset", action="store_true", help="empty a non-empty database first (a signed-in admin)")
    add_sign_in_arguments(p)
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    p.set_defaults(func=cmd_demo)

    p = subparsers.add_parser("orders", help="list orders")
    p.add_argument("--status", type=_order_status, default=None,
                   help="only orders in this status (" + ", ".join(s.value for s in OrderStatus) + ")")
    p.add_argument("--limit", type=_positive_int, default=None, help="at most this many orders")
    p.add_argument("--after", metavar="ORDER_NO", default=None,
                   help="start just after this order (the last one of the previous page)")
    p.add_argument("--json", action="store_true", help="print JSON (written as it is read)")
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    p.set_defaults(func=cmd_orders)

    p = subparsers.add_parser("stock", help="list stock by location, lot and expiry")
    p.add_argument("--gtin", default=None)
    p.add_argument("--warehouse", default=None)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    p.set_defaults(func=cmd_stock)
    stock = p.add_subparsers(dest="stock_command", metavar="ACTION")
    h = stock.add_parser("history", help="the stock ledger, newest first: every change of on-hand")
    h.add_argument("--sku", default=None, help="a SKU code or GTIN")
    h.add_argument("--location", default=None, help="a location code")
    h.add_argument("--limit", type=_positive_int, default=100, help="rows to show (default 100; 0: all)")
    h.add_argument("--json", action="store_true", help="print JSON")
    h.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    h.set_defaults(func=cmd_stock_history)
    m = stock.add_parser("move", help="move units bin to bin (a MOVE in the ledger; signed in)")
    m.add_argument("--sku", required=True, help="a SKU code or GTIN")
    m.add_argument("--lot", default=None)
    m.add_argument("--from", dest="source", required=True, metavar="LOCATION")
    m.add_argument("--to", dest="target", required=True, metavar="LOCATION")
    m.add_argument("--qty", type=_positive_int, default=None, help="units (default: all free units at the source)")
    add_sign_in_arguments(m)
    m.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    m.set_defaults(func=cmd_stock_move)
    v = stock.add_parser("verify", help="replay the ledger from zero and compare with on-hand (exit 2 when they differ)")
    v.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    v.set_defaults(func=cmd_stock_verify)

    p = subparsers.add_parser("db", help="database schema (upgrade, downgrade, current) and the station role")
    p.add_argument("action", choices=["upgrade", "downgrade", "current", "station-role"])
    p.add_argument("revision", nargs="?", default=None, help="revision for upgrade/downgrade; role name for station-role")
    p.add_argument("--kind", choices=[r.value for r in Role], default=None,
                   help="station-role: the station's kind, which decides what it may read and write")
    p.add_argument("--apply", action="store_true", help="station-role: run the SQL instead of printing it")
    add_sign_in_arguments(p)  # downgrade and station-role --apply: an admin, once the database has one
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    p.set_defaults(func=cmd_db)


def _order_status(text: str) -> OrderStatus:
    try:
        return OrderStatus(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"unknown status {text!r}; one of: " + ", ".join(s.value for s in OrderStatus)) from None


def open_database(args: argparse.Namespace, *, seed_demo: bool = False):
    """Open the database the user named; only the embedded default is ever seeded with the demo."""
    from desktop.db.database import Database
    from desktop.station.config import StationPaths

    paths = StationPaths.resolve("")
    url = paths.database_url(getattr(args, "db", None))
    try:
        db = Database.open(url)
        if seed_demo and paths.is_embedded(url):
            from desktop.demo.first_start import seed_if_empty  # the demo builder: only where it may be needed

            seed_if_empty(db)
        return db
    except PickdeskError as exc:
        raise UsageError(exc.message) from exc


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.db import migrate
    from desktop.demo.builder import build_demo

    db = open_database(args)
    try:
        if not db.is_empty():
            if not args.reset:
                raise UsageError(f"{db.describe()} already holds data; add --reset to replace it with the demo")
            if has_admin(db):
                checked_person(args, db, Role.ADMIN)  # everything goes: only an admin says so
            migrate.downgrade(db.engine, "base")
            migrate.upgrade(db.engine)
        made = build_demo(db, orders=args.orders, seed=args.seed, as_of=args.as_of)
    finally:
        db.dispose()
    print(f"Demo warehouse written to {db.describe()}: " + ", ".join(f"{k} {v}" for k, v in made.items() if v))
    return 0


def _jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def cmd_orders(args: argparse.Namespace) -> int:
    """Orders by priority, read a page at a time and written as read: memory holds one page."""
    from desktop.services.orders import iter_orders

    db = open_database(args, seed_demo=True)
    try:
        with db.unit_of_work() as uow:
            rows = iter_orders(uow, args.status, args.limit, args.after)
            first = next(rows, None)  # an unknown --after is refused before anything is printed
            if args.json:
                _stream_json(first, rows)
                return 0
            print(f"{'order':<24} {'merchant':<8} {'status':<12} {'priority':<9} {'score':>8}  {'hold':<30} tracking")
            n = 0
            for r in (_chain(first, rows) if first is not None else ()):
                hold = f"{r.hold_reason}: {r.hold_detail}" if r.hold_reason else ""
                print(f"{r.order_no:<24} {r.merchant:<8} {r.status:<12} {r.priority_class:<9} {r.priority_score:>8.1f}  "
                      f"{hold[:30]:<30} {' '.join(r.tracking_numbers)}")
                n += 1
            print(f"{n} orders")
    finally:
        db.dispose()
    return 0


def _chain(first: Any, rest: Any) -> Any:
    yield first
    yield from rest


def _stream_json(first: Any, rest: Any) -> None:
    """The same text `json.dump(rows, indent=1)` gives, one order at a time."""
    if first is None:
        sys.stdout.write("[]\n")
        return
    out = sys.stdout
    out.write("[\n")
    for i, row in enumerate(_chain(first, rest)):
        text = json.dumps({k: _jsonable(v) for k, v in row.__dict__.items()}, ensure_ascii=False, indent=1)
        out.write((",\n" if i else "") + "\n".join(" " + line for line in text.splitlines()))
    out.write("\n]\n")


def cmd_stock(args: argparse.Namespace) -> int:
    from desktop.services.stock import list_stock

    db = open_database(args, seed_demo=True)
    try:
        with db.unit_of_work() as uow:
            rows = list_stock(uow, gtin=args.gtin, warehouse=args.warehouse)
    finally:
        db.dispose()
    if args.json:
        json.dump([{**{k: _jsonable(v) for k, v in r.__dict__.items()}, "available": r.available} for r in rows],
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"{'wh':<4} {'merchant':<8} {'sku':<9} {'gtin':<14} {'location':<18} {'lot':<12} {'expiry':<10} "
          f"{'on hand':>7} {'reserved':>8}")
    for r in rows:
        print(f"{r.warehouse:<4} {r.merchant:<8} {r.sku:<9} {r.gtin:<14} {r.location:<18} {r.lot or '-':<12} "
              f"{r.expiry.isoformat() if r.expiry else '-':<10} {r.on_hand:>7} {r.reserved:>8}")
    print(f"{len(rows)} stock rows")
    return 0


def cmd_stock_history(args: argparse.Namespace) -> int:
    from desktop.services.stock import stock_history

    db = open_database(args, seed_demo=True)
    try:
        with db.unit_of_work() as uow:
            rows = stock_history(uow, sku=args.sku, location=args.location, limit=args.limit or None)
    finally:
        db.dispose()
    if args.json:
        json.dump([{k: _jsonable(v) for k, v in r.__dict__.items()} for r in rows], sys.stdout,
                  ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"{'id':>8} {'at (UTC)':<19} {'location':<18} {'sku':<9} {'lot':<12} {'delta':>6} {'kind':<15} "
          f"{'ref':<22} user")
    for r in rows:
        print(f"{r.id:>8} {r.at:%Y-%m-%d %H:%M:%S} {r.location:<18} {r.sku:<9} {r.lot or '-':<12} {r.delta:>+6} "
              f"{r.kind:<15} {(r.ref or '-')[:22]:<22} {r.user or r.station or '-'}")
    print(f"{len(rows)} movements")
    return 0


def cmd_stock_move(args: argparse.Namespace) -> int:
    from desktop.cli.signin import signed_in
    from desktop.services.putaway import put_away

    if args.qty == 0:
        raise UsageError("--qty must be at least 1")
    db = open_database(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            done = put_away(uow, sku=args.sku, lot=args.lot, qty=args.qty, source=args.source, target=args.target)
    finally:
        db.dispose()
    print(f"{done.qty} × {done.sku}{' lot ' + done.lot if done.lot else ''}: {done.source} → {done.target}")
    return 0


def cmd_stock_verify(args: argparse.Namespace) -> int:
    from desktop.services.stock import verify_ledger

    db = open_database(args, seed_demo=True)
    try:
        with db.unit_of_work() as uow:
            wrong = verify_ledger(uow)
    finally:
        db.dispose()
    if not wrong:
        print("The ledger replays to today's on-hand for every location, SKU and lot.")
        return 0
    print(f"{'location':<18} {'sku':<9} {'lot':<12} {'ledger':>7} {'on hand':>7}", file=sys.stderr)
    for d in wrong:
        print(f"{d.location:<18} {d.sku:<9} {d.lot or '-':<12} {d.ledger:>7} {d.on_hand:>7}", file=sys.stderr)
    print(f"pickdesk stock verify: {len(wrong)} stock row(s) differ from the ledger", file=sys.stderr)
    return 2


def cmd_db(args: argparse.Namespace) -> int:
    from desktop.db import migrate

    if args.action == "station-role":
        return _station_role(args)
    db = open_database(args) if args.action != "downgrade" else _open_unmigrated(args)
    try:
        if args.action == "upgrade":
            migrate.upgrade(db.engine, args.revision or "head")
        elif args.action == "downgrade":
            if not args.revision:
                raise UsageError("say which revision to go down to (for example: base)")
            if _has_users_table(db) and has_admin(db):
                checked_person(args, db, Role.ADMIN)
            migrate.downgrade(db.engine, args.revision)
        print(f"{db.describe()}: schema at {migrate.current_revision(db.engine) or 'base'} "
              f"(head {migrate.head_revision()})")
    finally:
        db.dispose()
    return 0


def _has_users_table(db) -> bool:  # noqa: ANN001
    from sqlalchemy import inspect

    return inspect(db.engine).has_table("users")


def _open_unmigrated(args: argparse.Namespace):
    from desktop.db.database import Database
    from desktop.station.config import StationPaths

    paths = StationPaths.resolve("")
    try:
        return Database.open(paths.database_url(getattr(args, "db", None)), migrate_schema=False)
    except PickdeskError as exc:
        raise UsageError(exc.message) from exc


def _station_role(args: argparse.Namespace) -> int:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from desktop.db.roles import station_role_sql

    if not args.revision or not args.kind:
        raise UsageError("say the station's login and kind: pickdesk db station-role NAME --kind "
                         + "|".join(r.value for r in Role))
    db = _open_unmigrated(args)
    try:
        if db.backend != "postgresql":
            raise UsageError("the station role is for a central PostgreSQL; SQLite has no roles")
        sql = station_role_sql(args.revision, make_url(db.url).database, args.kind)
        if not args.apply:
            print(sql, end="")
            return 0
        if _has_users_table(db) and has_admin(db):
            checked_person(args, db, Role.ADMIN)
        with db.engine.begin() as conn:
            conn.execute(text(sql))
        print(f"station {args.revision} ({args.kind}) granted on {db.describe()}")
        return 0
    finally:
        db.dispose()
