"""`pickdesk putback list|done`: the units of cancelled orders going back to their bins (docs/waves.md).

    pickdesk putback list [--tote TOTE-…] [--order NO] [--json] --user LOGIN
    pickdesk putback done ID --bin LOCATION --user LOGIN

Both are a signed-in packer's or supervisor's (the bench, or the drop-off). `done` takes the bin the
units were put into: another bin than the one they came from is refused with the right one named.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from desktop.cli.signin import add_sign_in_arguments, signed_in


def _put_back_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a put-back number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a put-back number: {text!r}")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    top = subparsers.add_parser("putback", help="units of cancelled orders back to their bins: list, done")
    actions = top.add_subparsers(dest="putback_action", metavar="ACTION", required=True)
    p = actions.add_parser("list", help="what is still to go back (all, a tote's, an order's)")
    p.add_argument("--tote", default=None, metavar="CODE")
    p.add_argument("--order", default=None, metavar="NO")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_list)
    p = actions.add_parser("done", help="the units of one put-back are in their bin (scanned)")
    p.add_argument("put_back", type=_put_back_id, metavar="ID")
    p.add_argument("--bin", required=True, metavar="LOCATION")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_done)


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")


def _open(args: argparse.Namespace):
    from desktop.cli.core import open_database

    return open_database(args)


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services import cancellation

    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            rows = cancellation.open_put_backs(uow, tote=args.tote, order_no=args.order)
    finally:
        db.dispose()
    if args.json:
        json.dump([asdict(r) for r in rows], sys.stdout, indent=1, ensure_ascii=False)
        print()
        return 0
    print(f"{'id':>6} {'order':<22} {'tote':<11} {'units':>5}  {'sku':<12} {'lot':<10} bin")
    for r in rows:
        print(f"{r.id:>6} {r.order_no:<22} {r.tote_code or '—':<11} {r.qty:>5}  {r.sku:<12} {r.lot_code or '—':<10} "
              f"{r.location_code}")
    return 0


def cmd_done(args: argparse.Namespace) -> int:
    from desktop.services import cancellation

    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            row = cancellation.put_back(uow, args.put_back, args.bin)
    finally:
        db.dispose()
    print(f"put back: {row.qty} × {row.sku} → {row.location_code} (order {row.order_no})")
    return 0
