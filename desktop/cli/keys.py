"""`pickdesk keys show|export|import|rotate`: the customer-data key (docs/security.md, "The key").

    pickdesk keys show [--json]                       what the database records, what this station holds
    pickdesk keys export -o FILE --user LOGIN         the keys, wrapped with a passphrase (file 0600)
    pickdesk keys import FILE --user LOGIN            restore a station from an export (or a bare key file)
    pickdesk keys rotate --user LOGIN [--batch N]     a new key, every sealed value re-sealed; resumable
    pickdesk keys reindex-phones --user LOGIN [--all] the phone search digest for orders sealed before 0018

`show` only reads fingerprints and asks nobody; the others are a signed-in admin's (`--user`, the
PIN from the terminal or the first line of standard input with `--pin-stdin`). The passphrase is
typed at the terminal (twice for an export) or, with `--passphrase-stdin`, read from the next line
of standard input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.cli import UsageError
from desktop.cli.signin import add_sign_in_arguments, read_secret, signed_in


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError(f"must be 1 to 100000: {value}")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    keys = subparsers.add_parser("keys", help="the customer-data key: show, export, import, rotate, reindex-phones")
    actions = keys.add_subparsers(dest="keys_action", metavar="ACTION", required=True)

    p = actions.add_parser("show", help="the key fingerprints the database records and which this station holds")
    p.add_argument("--json", action="store_true", help="print JSON")
    _db(p)
    p.set_defaults(func=cmd_show)

    p = actions.add_parser("export", help="write the keys, wrapped with a passphrase, to FILE (0600)")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--passphrase-stdin", action="store_true",
                   help="read the passphrase from standard input (the line after your PIN with --pin-stdin)")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_export)

    p = actions.add_parser("import", help="keep the keys of an export (or a base64 key file) on this station")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--passphrase-stdin", action="store_true",
                   help="read the passphrase from standard input (the line after your PIN with --pin-stdin)")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_import)

    p = actions.add_parser("rotate", help="make a new key and re-seal every customer field under it (resumable)")
    p.add_argument("--batch", type=_positive, default=500, help="orders re-sealed per committed batch (default 500)")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_rotate)

    p = actions.add_parser("reindex-phones",
                           help="fill the phone search digest (last four digits) of orders that lack one")
    p.add_argument("--all", action="store_true", help="make every order's digest again, not only the missing ones")
    p.add_argument("--batch", type=_positive, default=500, help="orders per committed batch (default 500)")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_reindex_phones)


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")


def _open(args: argparse.Namespace):
    from desktop.cli.core import open_database

    return open_database(args)


def cmd_show(args: argparse.Namespace) -> int:
    from desktop.services.keys import key_report

    db = _open(args)
    try:
        with db.unit_of_work() as uow:
            report = key_report(uow, db.key_store)
    finally:
        db.dispose()
    if args.json:
        json.dump(report.to_dict(), sys.stdout, indent=1)
        print()
        return 0
    print(f"Database {db.describe()}")
    if not report.recorded:
        print("  records no key yet (the first order sealed makes one)")
    for k in report.recorded:
        print(f"  {k.fingerprint}  {k.status.value:<8}  since {k.created_at:%Y-%m-%d %H:%M}  "
              f"{'held here' if k.held else 'NOT held here'}")
    r = report.rotation
    if r is not None and r.finished_at is None:
        print(f"  rotation {r.from_fingerprint} → {r.to_fingerprint} under way: orders up to id "
              f"{r.resealed_through} done ({r.values_resealed} values, {r.batches} batches); "
              f"`pickdesk keys rotate` goes on")
    print(f"This station keeps keys in {report.store}: {', '.join(report.held) or 'none'}")
    print("Ready to seal and open customer data." if report.ready else
          "This station cannot open customer data: import the key with `pickdesk keys import FILE`.")
    return 0


def _passphrase(args: argparse.Namespace, twice: bool) -> str:
    first = read_secret(args, args.passphrase_stdin, "the passphrase", "Passphrase: ")
    if twice and not args.passphrase_stdin:
        if read_secret(args, False, "the passphrase again", "The same passphrase again: ") != first:
            raise UsageError("the two passphrases differ; nothing was written")
    return first


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.security.keys import check_passphrase, write_private_file
    from desktop.services.keys import export_keys_file

    if not args.output.parent.is_dir():
        raise UsageError(f"folder {args.output.parent} does not exist")
    db = _open(args)
    try:
        with signed_in(args, db) as actor:
            passphrase = _passphrase(args, twice=True)
            check_passphrase(passphrase)
            with db.unit_of_work(actor) as uow:
                data, fps = export_keys_file(uow, db.key_store, passphrase)
            write_private_file(args.output, data)
    finally:
        db.dispose()
    print(f"{len(fps)} key(s) ({', '.join(fps)}) written to {args.output}, wrapped with your passphrase. Keep the "
          f"file and the passphrase apart.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.security.keys import is_export
    from desktop.services.keys import import_keys_file

    if not args.file.is_file():
        raise UsageError(f"no such file: {args.file}")
    data = args.file.read_bytes()
    db = _open(args)
    try:
        with signed_in(args, db) as actor:
            passphrase = _passphrase(args, twice=False) if is_export(data) else None
            with db.unit_of_work(actor) as uow:
                fps = import_keys_file(uow, db.key_store, data, passphrase)
    finally:
        db.dispose()
    print(f"Key(s) {', '.join(fps)} kept in {db.key_store.where}; this station can open customer data.")
    return 0


def cmd_rotate(args: argparse.Namespace) -> int:
    from desktop.services.keys import rotate

    db = _open(args)
    try:
        with signed_in(args, db) as actor:
            def progress(r) -> None:  # noqa: ANN001
                print(f"  batch {r.batches}: {r.values_resealed} values re-sealed", file=sys.stderr)

            report = rotate(db, actor, batch_size=args.batch, after_batch=progress)
    finally:
        db.dispose()
    print(f"Key {report.from_fingerprint} → {report.to_fingerprint}"
          f"{' (resumed)' if report.resumed else ''}: {report.values_resealed + report.stragglers} values re-sealed "
          f"in {report.batches} batches; {report.from_fingerprint} retired. Export the new key "
          f"(`pickdesk keys export`) and import it on every packer and supervisor station.")
    return 0


def cmd_reindex_phones(args: argparse.Namespace) -> int:
    from desktop.services.keys import reindex_phones

    db = _open(args)
    try:
        with signed_in(args, db) as actor:
            report = reindex_phones(db, actor, every=args.all, batch_size=args.batch)
    finally:
        db.dispose()
    print(f"Phone search digests written for {report.orders} order(s) in {report.batches} batch(es); a supervisor "
          f"now finds them by the phone's last four digits (tel:1234).")
    return 0
