"""`pickdesk wave release|list|cutoff|cutoffs`: waves and carrier pick-up cut-offs (docs/waves.md).

    pickdesk wave release --warehouse SZ1 [--kind multi|single_sku|put_wall] [rule …] --user LOGIN
    pickdesk wave list [--json]
    pickdesk wave cutoff --warehouse SZ1 --carrier SF --service standard --at 18:00 [--timezone TZ] --user LOGIN
    pickdesk wave cutoffs [--warehouse SZ1] [--json]

`release` is a signed-in supervisor's (a schedule runs it from cron with `--pin-stdin`); `cutoff` an
admin's; the listings hold no customer data and ask nobody.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import datetime, timezone

from desktop.cli.signin import add_sign_in_arguments, signed_in


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError(f"must be 1 to 1000000: {value}")
    return value


def _minutes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of minutes: {text!r}") from None
    if not 0 <= value <= 24 * 60:
        raise argparse.ArgumentTypeError(f"must be 0 to 1440 minutes: {value}")
    return value


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date and time (ISO 8601, e.g. 2026-11-11T18:00+08:00): {text!r}") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"give the time zone (e.g. +08:00): {text!r}")
    return moment.astimezone(timezone.utc)


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split(",") if w.strip())


def register(subparsers: argparse._SubParsersAction) -> None:
    wave = subparsers.add_parser("wave", help="waves: release one, list them; carrier pick-up cut-offs")
    actions = wave.add_subparsers(dest="wave_action", metavar="ACTION", required=True)

    p = actions.add_parser("release", help="plan the ready orders a rule takes into routed carts (a supervisor's)")
    p.add_argument("--warehouse", required=True, metavar="CODE")
    p.add_argument("--kind", choices=("multi", "single_sku", "put_wall"), default="multi")
    p.add_argument("--max-orders", type=_count, default=None, metavar="N")
    p.add_argument("--class", dest="classes", type=_words, default=(), metavar="C[,C]",
                   help="only these priority classes (urgent, expedited, normal)")
    p.add_argument("--carrier", dest="carriers", type=_words, default=(), metavar="CODE[,CODE]",
                   help="only orders whose expected carrier is one of these")
    p.add_argument("--zone", dest="zones", type=_words, default=(), metavar="Z[,Z]",
                   help="only orders whose every stop is in these zones")
    p.add_argument("--ship-by-before", type=_moment, default=None, metavar="WHEN")
    p.add_argument("--pickup-before", type=_moment, default=None, metavar="WHEN",
                   help="only orders whose next reachable carrier pick-up is at or before WHEN")
    p.add_argument("--bestsellers", type=_count, default=5, metavar="N", help="single_sku: how many SKUs (default 5)")
    p.add_argument("--lead-minutes", type=_minutes, default=60, metavar="M",
                   help="minutes picking and packing take before a pick-up (default 60)")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_release)

    p = actions.add_parser("list", help="the latest waves and their carts still waiting")
    p.add_argument("--json", action="store_true", help="print JSON")
    _db(p)
    p.set_defaults(func=cmd_list)

    p = actions.add_parser("cutoff", help="when a carrier's service collects each day (an admin's)")
    p.add_argument("--warehouse", required=True, metavar="CODE")
    p.add_argument("--carrier", required=True, metavar="CODE")
    p.add_argument("--service", required=True)
    p.add_argument("--at", required=True, metavar="HH:MM", help="local pick-up time")
    p.add_argument("--timezone", default="Asia/Shanghai")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_cutoff)

    p = actions.add_parser("cutoffs", help="the carrier pick-up times")
    p.add_argument("--warehouse", default=None, metavar="CODE")
    p.add_argument("--json", action="store_true", help="print JSON")
    _db(p)
    p.set_defaults(func=cmd_cutoffs)


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")


def _open(args: argparse.Namespace):
    from desktop.cli.core import open_database

    return open_database(args)


def _wave_json(w) -> dict:  # noqa: ANN001
    return {"code": w.code, "warehouse": w.warehouse, "kind": w.kind, "status": w.status,
            "released_at": w.released_at.isoformat(), "released_by": w.released_by, "orders": w.orders,
            "carts": w.carts, "carts_open": w.carts_open, "distance_m": w.distance_m}


def _print_waves(rows, as_json: bool) -> None:  # noqa: ANN001
    if as_json:
        json.dump([_wave_json(w) for w in rows], sys.stdout, indent=1, ensure_ascii=False)
        print()
        return
    print(f"{'wave':<14} {'wh':<4} {'kind':<10} {'status':<9} {'orders':>6} {'carts':>5} {'open':>5} {'metres':>9}")
    for w in rows:
        print(f"{w.code:<14} {w.warehouse:<4} {w.kind:<10} {w.status:<9} {w.orders:>6} {w.carts:>5} {w.carts_open:>5} "
              f"{w.distance_m:>9.1f}")


def cmd_release(args: argparse.Namespace) -> int:
    from desktop.services import waves

    rule = waves.WaveRule(kind=args.kind, max_orders=args.max_orders, priority_classes=args.classes,
                          ship_by_before=args.ship_by_before, carriers=args.carriers, pickup_before=args.pickup_before,
                          zones=args.zones, bestsellers=args.bestsellers, lead_minutes=args.lead_minutes)
    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            wave = waves.release_wave(uow, warehouse=args.warehouse, rule=rule)
    finally:
        db.dispose()
    _print_waves([wave], args.json)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services import waves

    db = _open(args)
    try:
        with db.unit_of_work() as uow:  # a listing without customer data asks nobody
            rows = waves.list_waves(uow)
    finally:
        db.dispose()
    _print_waves(rows, args.json)
    return 0


def cmd_cutoff(args: argparse.Namespace) -> int:
    from desktop.services import waves

    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            c = waves.set_cutoff(uow, warehouse=args.warehouse, carrier=args.carrier, service=args.service,
                                 pickup_local=args.at, timezone=args.timezone)
    finally:
        db.dispose()
    print(f"{c.warehouse} {c.carrier} {c.service}: pick-up {c.pickup_local} ({c.timezone})")
    return 0


def cmd_cutoffs(args: argparse.Namespace) -> int:
    from desktop.services import waves

    db = _open(args)
    try:
        with db.unit_of_work() as uow:
            rows = waves.cutoffs(uow, args.warehouse)
    finally:
        db.dispose()
    if args.json:
        json.dump([asdict(c) for c in rows], sys.stdout, indent=1)
        print()
        return 0
    for c in rows:
        print(f"{c.warehouse:<4} {c.carrier:<6} {c.service:<12} {c.pickup_local} {c.timezone}")
    return 0
