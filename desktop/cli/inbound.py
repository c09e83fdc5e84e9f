"""Inbound subcommands: inbound import / list / receive / close, putaway.

`pickdesk inbound import FILE` refuses a file with any error (exit status 2, every error listed by
notice and field, nothing written); `inbound receive ASN_NO --scans FILE` refuses a batch-scanner
upload with any refused line the same way. Every command that changes data signs in.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.cli import UsageError
from desktop.cli.signin import add_sign_in_arguments, signed_in


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("inbound", help="advance shipping notices: import, list, receive, close")
    sub = p.add_subparsers(dest="inbound_command", metavar="ACTION", required=True)

    q = sub.add_parser("import", help="load notices in the ASN format (JSON); all or nothing")
    q.add_argument("file", type=Path)
    add_sign_in_arguments(q)
    _db_arg(q)
    q.set_defaults(func=cmd_import)

    q = sub.add_parser("list", help="list notices (open ones unless --all or --status)")
    q.add_argument("--status", choices=["expected", "receiving", "closed"], default=None)
    q.add_argument("--all", action="store_true", help="closed ones too")
    q.add_argument("--json", action="store_true", help="print JSON")
    _db_arg(q)
    q.set_defaults(func=cmd_list)

    q = sub.add_parser("receive", help="receive a batch-scanner upload against a notice; all or nothing")
    q.add_argument("asn_no")
    q.add_argument("--scans", type=Path, required=True, metavar="FILE", help="one raw scan per line")
    add_sign_in_arguments(q)
    _db_arg(q)
    q.set_defaults(func=cmd_receive)

    q = sub.add_parser("close", help="post the received stock, close what the notice answers, report differences")
    q.add_argument("asn_no")
    q.add_argument("--report", type=Path, default=None, metavar="FILE.csv", help="write the differences as CSV")
    add_sign_in_arguments(q)
    _db_arg(q)
    q.set_defaults(func=cmd_close)

    p = subparsers.add_parser("putaway", help="put units away from the dock (or move them bin to bin)")
    p.add_argument("--list", action="store_true", help="show what waits at the docks, with the suggested bin")
    p.add_argument("--sku", default=None, help="SKU code or GTIN to put away")
    p.add_argument("--lot", default=None)
    p.add_argument("--qty", type=int, default=None, help="units (default: all at the source)")
    p.add_argument("--from", dest="source", default=None, metavar="LOCATION", help="source (default: the dock)")
    p.add_argument("--to", dest="target", default=None, metavar="LOCATION", help="bin (default: the suggested one)")
    add_sign_in_arguments(p)
    _db_arg(p)
    p.set_defaults(func=cmd_putaway)


def _open(args: argparse.Namespace):
    from desktop.cli.core import open_database

    return open_database(args)


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.formats.inbound import NoticesRefused, read_notices
    from desktop.services.inbound import import_notices

    if not args.file.is_file():
        raise UsageError(f"no such file: {args.file}")
    db = None
    try:
        read_notices(args.file)  # a broken file is refused before anyone is asked for a PIN
        db = _open(args)
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            numbers = import_notices(uow, args.file)
    except NoticesRefused as exc:
        print(f"pickdesk inbound import: {args.file.name} refused, nothing imported — {len(exc.problems)} problems:",
              file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem.notice}: {problem.field}: {problem.message}", file=sys.stderr)
        return 2
    finally:
        if db is not None:
            db.dispose()
    print(f"{len(numbers)} notices imported: {', '.join(numbers[:10])}{' …' if len(numbers) > 10 else ''}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services.inbound import list_notices

    db = _open(args)
    try:
        with db.unit_of_work() as uow:
            rows = list_notices(uow, status=args.status, open_only=not args.all and not args.status)
    finally:
        db.dispose()
    if args.json:
        json.dump([{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.__dict__.items()} for r in rows],
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"{'asn':<26} {'wh':<4} {'from':<22} {'expected at':<17} {'status':<10} {'lines':>5} {'units':>6}")
    for r in rows:
        at = r.expected_at.strftime("%Y-%m-%d %H:%M") if r.expected_at else "-"
        print(f"{r.asn_no:<26} {r.warehouse:<4} {(r.source_kind + ' ' + r.source_code)[:22]:<22} {at:<17} "
              f"{r.status:<10} {r.lines:>5} {r.units:>6}")
    print(f"{len(rows)} notices")
    return 0


def cmd_receive(args: argparse.Namespace) -> int:
    from desktop.services.inbound import ScansRefused, receive_file

    if not args.scans.is_file():
        raise UsageError(f"no such file: {args.scans}")
    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            made = receive_file(uow, args.asn_no, args.scans)
    except ScansRefused as exc:
        print(f"pickdesk inbound receive: {args.scans.name} refused, nothing received — "
              f"{len(exc.refusals)} refused lines:", file=sys.stderr)
        for r in exc.refusals:
            print(f"  line {r.line_no}: {r.reason}: {r.message}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    kept = sum(r.qty for r in made if r.counts)
    print(f"{args.asn_no}: {len(made)} scans, {kept} units received")
    for r in made:
        if r.issues:
            print(f"  {r.sku} {r.lot or '-'} ×{r.qty}: {r.decision.value} ({', '.join(i.value for i in r.issues)})")
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    from desktop.services.inbound import close_notice, differences_csv

    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            report = close_notice(uow, args.asn_no)
    finally:
        db.dispose()
    print(f"{report.asn_no} closed: {report.total('accepted')} accepted into {report.dock}, "
          f"{report.total('quarantined')} quarantined into {report.quarantine}, {report.total('refused')} refused")
    if report.replenishment_request:
        print(f"replenishment request {report.replenishment_request} received")
    print(f"{'line':>4} {'sku':<10} {'expected':>8} {'accepted':>8} {'quarant.':>8} {'refused':>7} {'short':>5} "
          f"{'over':>5}  issues")
    for d in report.differences:
        print(f"{d.line_no if d.line_no is not None else '-':>4} {d.sku:<10} {d.expected:>8} {d.accepted:>8} "
              f"{d.quarantined:>8} {d.refused:>7} {d.short:>5} {d.over:>5}  {' '.join(d.issues)}")
    if not report.differences:
        print("no differences")
    if args.report:
        args.report.write_text(differences_csv(report), encoding="utf-8")
        print(f"differences written to {args.report}")
    return 0


def cmd_putaway(args: argparse.Namespace) -> int:
    from desktop.services.putaway import put_away, waiting_at_dock

    db = _open(args)
    try:
        if args.list:
            with db.unit_of_work() as uow:
                rows = waiting_at_dock(uow)
            print(f"{'dock':<18} {'sku':<10} {'lot':<12} {'units':>6}  suggested bin")
            for r in rows:
                print(f"{r.location:<18} {r.sku:<10} {r.lot or '-':<12} {r.qty:>6}  {r.suggested or '-'}")
            print(f"{len(rows)} waiting")
            return 0
        if not args.sku:
            raise UsageError("say which SKU to put away (--sku), or --list")
        if args.qty is not None and args.qty < 1:
            raise UsageError("--qty must be at least 1")
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            done = put_away(uow, sku=args.sku, lot=args.lot, qty=args.qty, source=args.source, target=args.target)
    finally:
        db.dispose()
    print(f"{done.qty} × {done.sku}{' lot ' + done.lot if done.lot else ''}: {done.source} → {done.target}"
          + (f" (released {len(done.released)} backordered orders)" if done.released else ""))
    return 0
