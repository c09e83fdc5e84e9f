"""Intake subcommands: import, intake [--watch], presale, merge-window, replenishment [--csv FILE], exceptions.

`pickdesk import FILE` refuses a file with any error (exit status 2, every error listed by order and
field, nothing written). `pickdesk intake` passes every waiting order through the gates once;
`--watch` keeps doing it every few seconds until Ctrl+C.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from desktop.cli import UsageError
from desktop.cli.signin import add_sign_in_arguments, signed_in


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {value}")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day (YYYY-MM-DD): {text!r}") from None


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("import", help="load orders in the mall's export format (JSON or CSV); all or nothing")
    p.add_argument("file", type=Path, help="FILE.json or FILE.csv")
    add_sign_in_arguments(p)
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    p.set_defaults(func=cmd_import)

    p = subparsers.add_parser("intake", help="pass every waiting order through the intake gates")
    p.add_argument("--watch", action="store_true", help="keep going: look for new orders every --every seconds")
    p.add_argument("--every", type=_seconds, default=5.0, help="seconds between looks with --watch (default 5)")
    p.add_argument("--verbose", "-v", action="store_true", help="one line per order")
    add_sign_in_arguments(p)
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    p.set_defaults(func=cmd_intake)

    p = subparsers.add_parser("presale", help="make a product pre-sale (预售): its orders wait until a day")
    p.add_argument("sku", help="the merchant's SKU code")
    p.add_argument("--merchant", required=True, help="the merchant's code")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--ships-on", type=_day, help="the first shipping day (YYYY-MM-DD, UTC)")
    when.add_argument("--clear", action="store_true", help="on sale now: its waiting orders pass the next intake")
    add_sign_in_arguments(p)
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    p.set_defaults(func=cmd_presale)

    p = subparsers.add_parser("merge-window", help="the mall's merge window (合单): a buyer's orders within it ship as one")
    p.add_argument("minutes", type=int, help="minutes from a buyer's first order (0: never merge)")
    add_sign_in_arguments(p)
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    p.set_defaults(func=cmd_merge_window)

    p = subparsers.add_parser("replenishment", help="list replenishment requests, or export them as CSV")
    p.add_argument("--csv", metavar="FILE", type=Path, default=None, help="write the requests to FILE (- for stdout)")
    p.add_argument("--status", default=None, help="only requests in this status (open, sent, received, cancelled)")
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    p.set_defaults(func=cmd_replenishment)

    p = subparsers.add_parser("exceptions", help="list the open exceptions a supervisor must settle")
    p.add_argument("--all", action="store_true", help="resolved ones too")
    add_sign_in_arguments(p)  # an intake hold quotes what was wrong with the customer's address
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    p.set_defaults(func=cmd_exceptions)


def _open(args: argparse.Namespace):
    from desktop.cli.core import open_database

    return open_database(args)


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.formats.mall_orders import ImportRefused, import_orders, read_file

    if not args.file.is_file():
        raise UsageError(f"no such file: {args.file}")
    db = None
    try:
        raw, labels = read_file(args.file)  # a broken file is refused before anyone is asked for a PIN
        db = _open(args)
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            result = import_orders(uow, raw, labels, source=args.file.name)
    except ImportRefused as exc:
        print(f"pickdesk import: {args.file.name} refused, nothing imported — {len(exc.problems)} problems:",
              file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem.order}: {problem.field}: {problem.message}", file=sys.stderr)
        return 2
    finally:
        if db is not None:
            db.dispose()
    print(f"Imported {result.count} orders from {args.file.name}; they wait as received until intake runs.")
    return 0


def cmd_presale(args: argparse.Namespace) -> int:
    from desktop.services.catalogue import set_presale

    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            before = set_presale(uow, args.merchant, args.sku, None if args.clear else args.ships_on)
    finally:
        db.dispose()
    now = "on sale now" if args.clear else f"pre-sale, ships from {args.ships_on.isoformat()}"
    print(f"{args.merchant} {args.sku}: {now} (was {before.isoformat() if before else 'on sale'})")
    return 0


def cmd_merge_window(args: argparse.Namespace) -> int:
    from desktop.services.shaping import set_merge_window

    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            before = set_merge_window(uow, args.minutes)
    finally:
        db.dispose()
    now = f"{args.minutes} minutes" if args.minutes else "off"
    print(f"merge window: {now} (was {f'{before} minutes' if before else 'off'})")
    return 0


def cmd_intake(args: argparse.Namespace) -> int:
    db = _open(args)

    def report(result) -> None:  # noqa: ANN001
        if args.verbose:
            held = ", ".join(f"{g}: {result.outcome[g]['note']}" for g in result.held_gates)
            print(f"  {result.order_no:<24} {result.status:<12} {held}")

    try:
        with signed_in(args, db) as actor:
            return _intake_rounds(args, db, actor, report)
    except KeyboardInterrupt:
        print("Intake stopped.")
        return 0
    finally:
        db.dispose()


def _intake_rounds(args: argparse.Namespace, db, actor, report) -> int:  # noqa: ANN001
    from desktop.services.intake import run_intake

    while True:
        summary = run_intake(db, on_result=report, actor=actor)
        if summary.processed or summary.failed or not args.watch:
            print(f"Intake: {summary.describe()}")
        for order_no, error in summary.failed:
            print(f"  {order_no}: failed: {error}", file=sys.stderr)
        if not args.watch:
            return 1 if summary.failed else 0
        time.sleep(args.every)


def cmd_replenishment(args: argparse.Namespace) -> int:
    from desktop.services.replenishment import list_replenishment, replenishment_csv

    db = _open(args)
    try:
        with db.unit_of_work() as uow:
            rows = list_replenishment(uow, args.status, limit=100_000)
    finally:
        db.dispose()
    if args.csv is not None:
        text = replenishment_csv(rows)
        if str(args.csv) == "-":
            sys.stdout.write(text)
        else:
            args.csv.write_text(text, encoding="utf-8")
            print(f"{len(rows)} replenishment requests written to {args.csv}")
        return 0
    print(f"{'id':>5} {'status':<9} {'reason':<10} {'wh':<4} {'sku':<9} {'qty':>5} {'avail':>5}  name")
    for r in rows:
        print(f"{r.id:>5} {r.status:<9} {r.reason:<10} {r.warehouse:<4} {r.sku:<9} {r.qty:>5} {r.available:>5}  {r.name}")
    print(f"{len(rows)} replenishment requests")
    return 0


def _asked(asked: dict) -> str:
    """An address hold's request to the customer, as the outbox has it (seed §1.1)."""
    if not asked.get("channel"):
        return f"nobody ({asked.get('reason', 'no SMS or e-mail can reach them')})"
    status = asked.get("status", "queued")
    text = f"by {asked['channel']} ({asked.get('language', '?')}), {status}"
    if status == "sent":
        text += f" {asked.get('sent_at') or ''}".rstrip() + (", delivered" if asked.get("report") == "delivered" else "")
    elif status == "failed":
        text += f": {asked.get('error') or '?'}"
    return text


def cmd_exceptions(args: argparse.Namespace) -> int:
    from desktop.services.supervision import list_exceptions

    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            rows = list_exceptions(uow, open_only=not args.all)
    finally:
        db.dispose()
    for r in rows:
        print(f"{r.id:>5} {r.status:<9} {r.kind:<16} {r.order_no or '-':<24} {r.summary}")
        findings = r.detail.get("findings") or []
        if len(findings) > 1:  # an intake hold: every finding of the order, from every gate that held it
            for f in findings:
                print(f"{'':>5}   - {f.get('gate', '?')} · {f.get('field', '?')}: {f.get('message', '')}")
        asked = r.detail.get("customer_asked")
        if r.kind == "address_hold" and asked:
            print(f"{'':>5}   customer asked: {_asked(asked)}")
    print(f"{len(rows)} exceptions")
    return 0
