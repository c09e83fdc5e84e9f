"""Stock work at the shelf: counts, pick-face replenishment tasks, transfers between warehouses.

    pickdesk count list [--all] [--json]                       open: where to count, never how many
    pickdesk count open (--location CODE | --sku CODE) [--warehouse W] --user LOGIN      receiver
    pickdesk count import FILE --user LOGIN                    receiver: a batch scanner's upload
    pickdesk count show CNT --user LOGIN                       supervisor: the figures
    pickdesk count approve|recount CNT --reason TEXT --user LOGIN                        supervisor
    pickdesk replenish tasks [--warehouse W] [--all] [--json]  open
    pickdesk replenish plan [--warehouse W] --user LOGIN       receiver
    pickdesk replenish do TASK --from BIN --item SCAN --qty N --to BIN --user LOGIN      receiver
    pickdesk transfer list [--json]                            open
    pickdesk transfer request ORDER_NO [--sku CODE --qty N] [--from W] --reason TEXT --user LOGIN  supervisor
    pickdesk transfer pick TRF [--scans FILE [--end-short]] [--label FILE.pdf] --user LOGIN
                                                               receiver (or picker) of the sending warehouse
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


def _positive(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 1_000_000:
        raise argparse.ArgumentTypeError(f"a whole number from 1 to 1000000, not {text!r}")
    return int(text)


def register(subparsers: argparse._SubParsersAction) -> None:
    count = subparsers.add_parser("count", help="cycle counts: list, open, import a scanner's upload, approve")
    sub = count.add_subparsers(dest="count_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help="counts to do (bins and products only: counts are blind)")
    p.add_argument("--all", action="store_true", help="closed and waiting ones too")
    p.add_argument("--json", action="store_true")
    _db_arg(p)
    p.set_defaults(func=cmd_count_list)
    p = sub.add_parser("open", help="open a count of a bin or of a product")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--location", metavar="CODE")
    where.add_argument("--sku", metavar="CODE")
    p.add_argument("--warehouse", metavar="CODE")
    add_sign_in_arguments(p)
    _db_arg(p)
    p.set_defaults(func=cmd_count_open)
    p = sub.add_parser("import", help="record a batch scanner's count upload (docs/counts.md); all or nothing")
    p.add_argument("file", type=Path)
    add_sign_in_arguments(p)
    _db_arg(p)
    p.set_defaults(func=cmd_count_import)
    p = sub.add_parser("show", help="a count's figures: expected, counted, variance (supervisor)")
    p.add_argument("count")
    p.add_argument("--json", action="store_true")
    add_sign_in_arguments(p)
    _db_arg(p)
    p.set_defaults(func=cmd_count_show)
    for name, text in (("approve", "approve a count's variances: stock is adjusted"),
                       ("recount", "have a count done again: nothing is adjusted")):
        p = sub.add_parser(name, help=text + " (supervisor)")
        p.add_argument("count")
        p.add_argument("--reason", required=True)
        add_sign_in_arguments(p)
        _db_arg(p)
        p.set_defaults(func=cmd_count_decide, decision=name)

    rep = subparsers.add_parser("replenish", help="pick-face replenishment tasks: list, plan, carry out")
    sub = rep.add_subparsers(dest="replenish_command", metavar="ACTION", required=True)
    p = sub.add_parser("tasks", help="open replenishment tasks (reserve bin → pick face)")
    p.add_argument("--warehouse", metavar="CODE")
    p.add_argument("--all", action="store_true", help="done ones too")
    p.add_argument("--json", action="store_true")
    _db_arg(p)
    p.set_defaults(func=cmd_replenish_tasks)
    p = sub.add_parser("plan", help="make tasks for every pick face under its threshold that reserve can fill")
    p.add_argument("--warehouse", metavar="CODE")
    add_sign_in_arguments(p)
    _db_arg(p)
    p.set_defaults(func=cmd_replenish_plan)
    p = sub.add_parser("do", help="carry a task out: the scans of the reserve bin, the item, the quantity, the face")
    p.add_argument("task", help="RPL-000123")
    p.add_argument("--from", dest="from_bin", required=True, metavar="BIN")
    p.add_argument("--item", required=True, metavar="SCAN", help="the item's barcode (GS1 with its lot)")
    p.add_argument("--qty", required=True, type=_positive)
    p.add_argument("--to", dest="to_bin", required=True, metavar="BIN")
    add_sign_in_arguments(p)
    _db_arg(p)
    p.set_defaults(func=cmd_replenish_do)

    tr = subparsers.add_parser("transfer", help="stock from another warehouse: request, list, pick and send")
    sub = tr.add_subparsers(dest="transfer_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help="transfers between warehouses")
    p.add_argument("--json", action="store_true")
    _db_arg(p)
    p.set_defaults(func=cmd_transfer_list)
    p = sub.add_parser("request", help="ask another warehouse for an order's missing units (supervisor)")
    p.add_argument("order_no")
    p.add_argument("--sku", metavar="CODE", help="default: every short line of the order")
    p.add_argument("--qty", type=_positive)
    p.add_argument("--from", dest="from_warehouse", metavar="CODE", help="default: the first that holds it")
    p.add_argument("--reason", required=True)
    add_sign_in_arguments(p)
    _db_arg(p)
    p.set_defaults(func=cmd_transfer_request)
    p = sub.add_parser("pick", help="the sending warehouse picks a transfer, writes its notice and label")
    p.add_argument("transfer", help="TRF-000123")
    p.add_argument("--scans", type=Path, metavar="FILE",
                   help="walk it by a batch scanner's upload (bin, item, QTY:n per line; all or nothing); "
                        "without it, the units are taken earliest expiry first in one go")
    p.add_argument("--end-short", action="store_true",
                   help="with --scans: send what the file took even if units are missing (a new request keeps the rest)")
    p.add_argument("--label", type=Path, metavar="FILE.pdf", help="write the transfer label there")
    add_sign_in_arguments(p)
    _db_arg(p)
    p.set_defaults(func=cmd_transfer_pick)


def _open(args: argparse.Namespace, *, listing: bool = False):
    from desktop.cli.core import open_database

    return open_database(args, seed_demo=listing)


def _print_json(rows: list[object]) -> None:
    import dataclasses

    print(json.dumps([dataclasses.asdict(r) for r in rows], default=str, ensure_ascii=False, indent=1))


# ─── count ──────────────────────────────────────────────────────────────────────


def cmd_count_list(args: argparse.Namespace) -> int:
    from desktop.services.counts import list_counts

    db = _open(args, listing=True)
    try:
        with db.unit_of_work() as uow:
            rows = list_counts(uow, status=None if args.all else "open")
    finally:
        db.dispose()
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        what = f"bin {r.location}" if r.location else f"product {r.sku} ({r.sku_name})"
        print(f"{r.code}  {r.status:<7} round {r.round}  {r.warehouse}  {what}  [{r.reason}]  bins: {', '.join(r.bins) or '—'}")
    print(f"{len(rows)} counts")
    return 0


def cmd_count_open(args: argparse.Namespace) -> int:
    from desktop.services.counts import open_count

    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            row = open_count(uow, location=args.location, sku=args.sku, warehouse=args.warehouse)
    finally:
        db.dispose()
    print(f"{row.code} open: count {', '.join(row.bins) or row.location or row.sku}")
    return 0


def cmd_count_import(args: argparse.Namespace) -> int:
    from desktop.formats.count_upload import UploadRefused, read_upload
    from desktop.services.counts import import_counts

    if not args.file.is_file():
        raise UsageError(f"no such file: {args.file}")
    try:
        upload = read_upload(args.file)  # a broken file is refused before anyone is asked for a PIN
    except UploadRefused as exc:
        print(f"pickdesk count import: {exc.message}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            results = import_counts(uow, upload.sections)
    finally:
        db.dispose()
    for r in results:
        state = "closed" if r.status == "closed" else "waiting for a supervisor"
        print(f"{r.code}: {r.lines} lines recorded, {r.adjusted} adjusted, {r.waiting} over the tolerance — {state}")
    return 0


def cmd_count_show(args: argparse.Namespace) -> int:
    from desktop.services.counts import get_count, parse_count_code, variance_lines

    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            lines = variance_lines(uow, parse_count_code(args.count))
            row = get_count(uow, parse_count_code(args.count))
    finally:
        db.dispose()
    if args.json:
        _print_json(lines)
        return 0
    print(f"{row.code}  {row.status}  round {row.round}")
    for ln in lines:
        print(f"  {ln.location}  {ln.sku}  {ln.lot or '—'}  expected {ln.expected}  counted {ln.counted}  "
              f"variance {ln.variance:+d}  {ln.outcome}")
    return 0


def cmd_count_decide(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from desktop.db import models
    from desktop.services.counts import EXCEPTION_KIND, count_code, parse_count_code
    from desktop.services.supervision import decide_exception
    from desktop.domain.errors import NotFound
    from desktop.domain.roles import Role, require_role

    count_id = parse_count_code(args.count)
    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            require_role(actor.role, Role.SUPERVISOR)
            E = models.ExceptionCase
            cases = [c for c in uow.session.scalars(select(E).where(E.kind == EXCEPTION_KIND, E.status == "open"))
                     if int((c.detail or {}).get("count_id", 0)) == count_id]
            if not cases:
                raise NotFound(f"Count {count_code(count_id)} waits for no decision.",
                               f"盘点单 {count_code(count_id)} 无待审批事项。")
            done = decide_exception(uow, cases[0].id, args.decision, args.reason)
    finally:
        db.dispose()
    if args.decision == "approve":
        print(f"{done['count']}: {done['adjusted']} lines adjusted; orders re-planned: {', '.join(done['orders']) or 'none'}")
    else:
        print(f"{done['count']}: to be counted again (round {done['round']})")
    return 0


# ─── replenish ──────────────────────────────────────────────────────────────────


def _print_tasks(rows) -> None:  # noqa: ANN001
    for r in rows:
        lot = f" lot {r.lot} ({r.expiry})" if r.lot else ""
        print(f"{r.code}  {r.status:<9} {r.warehouse}  {r.sku}{lot} ×{r.qty}  {r.from_location} → {r.to_location}")


def cmd_replenish_tasks(args: argparse.Namespace) -> int:
    from desktop.services.replenishment_tasks import list_tasks

    db = _open(args, listing=True)
    try:
        with db.unit_of_work() as uow:
            rows = list_tasks(uow, status=None if args.all else "open", warehouse=args.warehouse)
    finally:
        db.dispose()
    if args.json:
        _print_json(rows)
        return 0
    _print_tasks(rows)
    print(f"{len(rows)} tasks")
    return 0


def cmd_replenish_plan(args: argparse.Namespace) -> int:
    from desktop.services.replenishment_tasks import plan_warehouse

    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            rows = plan_warehouse(uow, args.warehouse)
    finally:
        db.dispose()
    _print_tasks(rows)
    print(f"{len(rows)} new tasks")
    return 0


def cmd_replenish_do(args: argparse.Namespace) -> int:
    from desktop.domain.errors import PickdeskError
    from desktop.services.replenishment_tasks import carry_out, parse_task_code
    from devices.decode import ItemScan, ScanRejected, decode_scan

    try:
        scan = decode_scan(args.item)
    except ScanRejected as exc:
        raise UsageError(f"--item: {exc.message}") from None
    if not isinstance(scan, ItemScan):
        raise UsageError("--item: scan the item's barcode (GS1 with its lot)")
    task_id = parse_task_code(args.task)
    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            done = carry_out(uow, task_id, from_bin=args.from_bin, gtin=scan.gtin, lot=scan.lot, qty=args.qty,
                             to_bin=args.to_bin)
    except PickdeskError:
        raise
    finally:
        db.dispose()
    print(f"{done.code}: {done.qty} of {done.sku} now at {done.to_location}"
          + (f"; orders released: {', '.join(done.released_orders)}" if done.released_orders else ""))
    return 0


# ─── transfer ───────────────────────────────────────────────────────────────────


def cmd_transfer_list(args: argparse.Namespace) -> int:
    from desktop.services.transfers import list_transfers

    db = _open(args, listing=True)
    try:
        with db.unit_of_work() as uow:
            rows = list_transfers(uow)
    finally:
        db.dispose()
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        print(f"{r.code}  {r.status:<10} {r.from_warehouse} → {r.to_warehouse}  {r.sku} ×{r.qty}  "
              f"order {r.order_no or '—'}  notice {r.asn_no or '—'}")
    print(f"{len(rows)} transfers")
    return 0


def cmd_transfer_request(args: argparse.Namespace) -> int:
    from desktop.services.transfers import request_transfer

    if (args.sku is None) != (args.qty is None):
        raise UsageError("give --sku and --qty together, or neither (every short line of the order)")
    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            rows = request_transfer(uow, args.order_no, args.reason, sku=args.sku, qty=args.qty,
                                    from_warehouse=args.from_warehouse)
    finally:
        db.dispose()
    for r in rows:
        print(f"{r.code}: {r.sku} ×{r.qty} from {r.from_warehouse} to {r.to_warehouse}; order {r.order_no} waits for it")
    return 0


def cmd_transfer_pick(args: argparse.Namespace) -> int:
    from desktop.services.transfers import TransferScansRefused, parse_transfer_code, pick_transfer, walk_file
    from printing.transfer_label import render_transfer_label_pdf

    transfer_id = parse_transfer_code(args.transfer)
    if args.end_short and args.scans is None:
        raise UsageError("--end-short goes with --scans")
    if args.scans is not None and not args.scans.is_file():
        raise UsageError(f"no such file: {args.scans}")
    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            if args.scans is None:
                picked = pick_transfer(uow, transfer_id)
            else:
                picked = walk_file(uow, args.transfer, args.scans, end_short=args.end_short)
    except TransferScansRefused as exc:
        print(f"pickdesk transfer pick: {args.scans.name} refused, nothing taken — "
              f"{len(exc.refusals)} refused lines:", file=sys.stderr)
        for r in exc.refusals:
            print(f"  line {r.line_no}: {r.reason}: {r.message}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    if args.label:
        args.label.write_bytes(render_transfer_label_pdf(picked.label))
    print(f"{picked.code}: {picked.qty} picked in batch {picked.batch}; notice {picked.asn_no} for {picked.to_warehouse}"
          + (f"; label {args.label}" if args.label else ""))
    for location, lot, _expiry, qty in picked.taken:
        print(f"  {location} {lot or '-'} ×{qty}")
    if picked.rest:
        print(f"  ended short: {picked.rest} keeps the other {picked.rest_qty}")
    return 0
