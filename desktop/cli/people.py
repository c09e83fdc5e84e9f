"""`pickdesk users list|add|retire|set-pin`: the people who may sign in (docs/formats: warehouse-setup.md).

On a database without an administrator, `users add LOGIN --role admin --name NAME` makes the first
one without sign-in (their PIN from the terminal, or the first line of standard input with
`--new-pin-stdin`). From then on every change is made by a signed-in admin (`--user LOGIN`, their
PIN from the terminal or, with `--pin-stdin`, the first line of standard input — a new PIN read
with `--new-pin-stdin` is then the second line). `users list` changes nothing and asks no one;
it never shows PIN hashes or badge codes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from desktop.cli import UsageError
from desktop.cli.signin import add_sign_in_arguments, has_admin, read_secret, signed_in
from desktop.domain.errors import PickdeskError
from desktop.domain.roles import Role

ROLE_CHOICES = [r.value for r in Role]


def register(subparsers: argparse._SubParsersAction) -> None:
    users = subparsers.add_parser("users", help="the people who may sign in: list, add, retire, set a PIN")
    actions = users.add_subparsers(dest="users_action", metavar="ACTION", required=True)

    p = actions.add_parser("list", help="everyone, with role, PIN set or not, lock-out and where signed in")
    p.add_argument("--active", action="store_true", help="leave out retired people")
    p.add_argument("--json", action="store_true", help="print JSON")
    _db(p)
    p.set_defaults(func=cmd_list)

    p = actions.add_parser("add", help="add a person (without a PIN unless one is given); "
                                       "on a database without an admin: the first admin")
    p.add_argument("login")
    p.add_argument("--role", required=True, choices=ROLE_CHOICES)
    p.add_argument("--name", required=True, help="the name as the sign-in list shows it")
    p.add_argument("--name-zh", default=None, help="the name in Chinese")
    p.add_argument("--badge", default=None, help="badge code (scanned at sign-in)")
    p.add_argument("--with-pin", action="store_true", help="also set their PIN, typed at the terminal")
    p.add_argument("--new-pin-stdin", action="store_true",
                   help="also set their PIN, read from standard input (after your own with --pin-stdin)")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_add)

    p = actions.add_parser("retire", help="a person leaves: no more sign-ins; their history stays")
    p.add_argument("login")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_retire)

    p = actions.add_parser("set-pin", help="set or reset a person's PIN (4 to 8 digits)")
    p.add_argument("login")
    p.add_argument("--new-pin-stdin", action="store_true",
                   help="read the new PIN from standard input (the second line with --pin-stdin)")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_set_pin)


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")


def _open(args: argparse.Namespace):
    from desktop.cli.core import open_database

    return open_database(args)  # never seeded with the demo: `users add` may be the first thing done


def new_pin(args: argparse.Namespace, login: str, ask: Callable[[str], str] | None = None) -> str:
    """The new PIN: standard input's next line, or typed twice at the terminal."""
    if args.new_pin_stdin:
        return read_secret(args, True, f"the new PIN for {login}", "")
    first = read_secret(args, False, f"a new PIN for {login}", f"New PIN for {login}: ", ask)
    again = read_secret(args, False, f"the new PIN for {login} again", "The same PIN again: ", ask)
    if first != again:
        raise UsageError("the two PINs differ; nothing was changed")
    return first


def _run(what: Callable[[], object]) -> None:
    try:
        what()
    except PickdeskError as exc:
        raise UsageError(exc.message) from exc


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services.people import list_people

    db = _open(args)
    try:
        with db.unit_of_work() as uow:
            rows = list_people(uow, include_retired=not args.active)
    finally:
        db.dispose()
    if args.json:
        json.dump([{"login": r.login, "name": r.name, "name_zh": r.name_zh, "role": r.role.value, "active": r.active,
                    "pin_set": r.has_pin, "badge_set": r.has_badge, "locked": r.locked,
                    "locked_until": r.locked_until.isoformat() if r.locked_until else None,
                    "signed_in_at": list(r.stations),
                    "last_sign_in_at": r.last_sign_in_at.isoformat() if r.last_sign_in_at else None}
                   for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"{'login':<20} {'name':<24} {'role':<10} {'status':<8} {'PIN':<6} {'badge':<5} signed in at")
    for r in rows:
        status = "retired" if not r.active else ("locked" if r.locked else "active")
        name = r.name + (f" {r.name_zh}" if r.name_zh and r.name_zh not in r.name else "")
        print(f"{r.login:<20} {name[:24]:<24} {r.role.value:<10} {status:<8} {'set' if r.has_pin else 'none':<6} "
              f"{'yes' if r.has_badge else 'no':<5} {', '.join(r.stations) or '-'}")
    print(f"{len(rows)} people")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from desktop.services import people

    if args.with_pin and args.new_pin_stdin:
        raise UsageError("give the new PIN one way: --with-pin or --new-pin-stdin")
    db = _open(args)
    try:
        if not has_admin(db):
            if args.role != Role.ADMIN.value:
                raise UsageError("this database has no administrator yet: add the first one with --role admin")
            if args.user:
                raise UsageError("this database has no administrator yet, so no one can sign in: leave out --user")
            pin = new_pin(args, args.login)  # the first admin must be able to sign in
            with db.unit_of_work() as uow:
                _run(lambda: people.add_first_admin(uow, args.login, args.name, name_zh=args.name_zh, pin=pin))
            print(f"{args.login} is the first administrator of {db.describe()}")
            return 0
        with signed_in(args, db) as actor:
            pin = new_pin(args, args.login) if (args.with_pin or args.new_pin_stdin) else None
            with db.unit_of_work(actor) as uow:
                _run(lambda: people.add_person(uow, args.login, args.name, args.role, name_zh=args.name_zh,
                                               badge=args.badge, pin=pin))
    finally:
        db.dispose()
    print(f"{args.login} added as {args.role}" + ("" if pin else "; no PIN yet: set one with `pickdesk users set-pin`"))
    return 0


def cmd_retire(args: argparse.Namespace) -> int:
    from desktop.services import people

    db = _open(args)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            _run(lambda: people.retire_person(uow, args.login))
    finally:
        db.dispose()
    print(f"{args.login} retired")
    return 0


def cmd_set_pin(args: argparse.Namespace) -> int:
    from desktop.services import people

    db = _open(args)
    try:
        with signed_in(args, db) as actor:
            pin = new_pin(args, args.login)
            with db.unit_of_work(actor) as uow:
                _run(lambda: people.set_pin(uow, args.login, pin))
    finally:
        db.dispose()
    print(f"PIN set for {args.login}")
    return 0
