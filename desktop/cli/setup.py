"""`pickdesk setup import FILE` and `pickdesk setup export [-o FILE]`: the warehouse set-up format.

Import refuses a file with any problem (exit status 2, every problem listed by section, position
and field, nothing written). Into a database without an admin it runs without sign-in (that is
how a warehouse starts); from then on an admin signs in: `--user LOGIN`, the PIN from the terminal, or
from standard input with `--pin-stdin`. Export only reads, and asks nobody.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path

from desktop.cli import UsageError
from desktop.cli.signin import add_sign_in_arguments, cli_station, has_admin, signed_in


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("setup", help="import or export the warehouse set-up (warehouses, merchants, SKUs, "
                                            "promotions, users, opening stock)")
    sub = p.add_subparsers(dest="setup_command", metavar="ACTION", required=True)

    q = sub.add_parser("import", help="load a set-up file (JSON, or CSV of skus, locations or stock); all or nothing")
    q.add_argument("file", type=Path, help="FILE.json, or FILE.csv with --section or a name like skus.csv")
    q.add_argument("--section", choices=("skus", "locations", "stock"), default=None,
                   help="the section a CSV file holds (default: from its name)")
    add_sign_in_arguments(q)
    q.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    q.set_defaults(func=cmd_import)

    q = sub.add_parser("export", help="write the set-up of this database in the same format")
    q.add_argument("-o", "--output", metavar="FILE", type=Path, default=None, help="write to FILE (default: stdout)")
    q.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    q.set_defaults(func=cmd_export)


def _open(args: argparse.Namespace):
    from desktop.cli.core import open_database

    return open_database(args)


def _refuse_pinless_admins(parsed) -> None:  # noqa: ANN001 - a desktop.formats.setup.Parsed
    """Without an admin yet, a file that makes one would lock the warehouse out: no PIN travels in the
    file, and only a signed-in admin can set one. The first admin comes first (`pickdesk users add`)."""
    admins = [row["login"] for _, row in parsed.users if row.get("role") == "admin" and row.get("active", True)]
    if admins:
        raise UsageError(
            f"this database has no administrator yet, and the file makes {', '.join(admins)} one without a PIN "
            "(no PIN travels in a set-up file), so nobody could sign in to set it: make the first administrator "
            f"first (pickdesk users add {admins[0]} --role admin --name NAME --with-pin), then import signed in "
            f"as them (--user {admins[0]})")


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.domain.actor import Actor
    from desktop.domain.errors import NotAllowed
    from desktop.formats.setup import SetupRefused, import_setup, read_setup

    if not args.file.is_file():
        raise UsageError(f"no such file: {args.file}")
    parsed = read_setup(args.file, args.section)  # read and checked before anyone is asked for a PIN
    db = _open(args)
    try:
        # Nobody needs to sign in while the database has no admin (that is how a warehouse starts, as
        # with `pickdesk users add --role admin`); from then on a signed-in admin.
        bootstrap = not has_admin(db) and args.user is None
        try:
            with nullcontext(Actor.system(cli_station())) if bootstrap else signed_in(args, db) as actor:
                if parsed.problems:
                    raise SetupRefused(list(parsed.problems))
                if actor.user_id is None:
                    _refuse_pinless_admins(parsed)
                with db.unit_of_work(actor) as uow:
                    report = import_setup(uow, parsed)
        except SetupRefused as exc:
            print(f"pickdesk setup import: {args.file.name} refused, nothing written — {len(exc.problems)} problems:",
                  file=sys.stderr)
            for problem in exc.problems:
                print(f"  {problem}", file=sys.stderr)
            return 2
        except NotAllowed as exc:
            raise UsageError(exc.message) from exc
    finally:
        db.dispose()
    if report.changed:
        print(f"Set-up imported from {args.file.name}: {report.describe()}.")
    else:
        print(f"Nothing to change: {args.file.name} matches the database ({report.describe()}).")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.formats.setup import write_setup

    db = _open(args)
    try:
        with db.unit_of_work() as uow:
            if args.output is None:
                write_setup(uow, sys.stdout)
                return 0
            tmp = args.output.with_name(args.output.name + ".part")
            with tmp.open("w", encoding="utf-8") as out:
                counts = write_setup(uow, out)
            tmp.replace(args.output)
    finally:
        db.dispose()
    print(f"Set-up written to {args.output}: " + ", ".join(f"{n} {name}" for name, n in counts.items()),
          file=sys.stderr)
    return 0
