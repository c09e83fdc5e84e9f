"""Carrier accounts and waybill numbers from the command line.

    pickdesk carriers account CODE --url URL --partner-id ID --secret-stdin [--protocol sf] [--option K=V …]
    pickdesk carriers accounts [--json]                  the accounts, never a secret
    pickdesk waybills get ORDER [--carrier CODE] [--parcels N] [--json]   pre-allocate (again: the same numbers)
    pickdesk waybills show ORDER [--json]                every number the order had, voided ones too
    pickdesk waybills void PARCEL --reason TEXT          the label voided, its carrier order cancelled
    pickdesk waybills intercept ORDER --reason TEXT      a shipped order stopped by the carrier

Every one signs in (`--user LOGIN`, the PIN from the terminal or the first line of standard input
with `--pin-stdin`). `carriers account` is an admin's; with `--secret-stdin` the secret is the next
line of standard input (the second, after the PIN), or typed at the terminal without echo.
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop.cli import UsageError
from desktop.cli.signin import add_sign_in_arguments, read_secret, signed_in
from desktop.domain.errors import PickdeskError


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")


def _parcels(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 300:
        raise argparse.ArgumentTypeError(f"must be 1 to 300: {value}")
    return value


def _option(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"not KEY=VALUE: {text!r}")
    return key.strip(), value.strip()


def register(subparsers: argparse._SubParsersAction) -> None:
    carriers = subparsers.add_parser("carriers", help="carrier accounts: enter one, list them")
    actions = carriers.add_subparsers(dest="carriers_action", metavar="ACTION", required=True)
    p = actions.add_parser("account", help="enter or change a carrier's account (an admin's)")
    p.add_argument("code", metavar="CODE", help="the carrier's code (SF) or the provider's")
    p.add_argument("--url", required=True, help="the endpoint, e.g. https://sfapi-sbox.sf-express.com/std/service")
    p.add_argument("--partner-id", required=True, help="the partner / customer id the carrier issued (顾客编码)")
    p.add_argument("--protocol", default="sf", help="sf, kuaidi100, cainiao, aliyun_sms or demo (default sf)")
    p.add_argument("--secret-stdin", action="store_true",
                   help="read the secret (check word, key) from standard input: the line after the PIN")
    p.add_argument("--keep-secret", action="store_true", help="change the rest, keep the secret already kept")
    p.add_argument("--option", action="append", type=_option, default=[], metavar="KEY=VALUE",
                   help="monthly_card=…, privacy_waybill=true/false … (repeatable)")
    p.add_argument("--inactive", action="store_true", help="keep the account but do not use it")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_account)
    p = actions.add_parser("accounts", help="list the accounts (never a secret)")
    p.add_argument("--json", action="store_true")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_accounts)

    waybills = subparsers.add_parser("waybills", help="waybill numbers from the carrier: get, show, void, reprint, intercept")
    actions = waybills.add_subparsers(dest="waybills_action", metavar="ACTION", required=True)
    p = actions.add_parser("get", help="pre-allocate an order's numbers (asking again gives the same ones)")
    p.add_argument("order", metavar="ORDER")
    p.add_argument("--carrier", metavar="CODE", default=None)
    p.add_argument("--parcels", type=_parcels, default=1)
    p.add_argument("--json", action="store_true")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_get)
    p = actions.add_parser("show", help="every number an order had")
    p.add_argument("order", metavar="ORDER")
    p.add_argument("--json", action="store_true")
    add_sign_in_arguments(p)
    _db(p)
    p.set_defaults(func=cmd_show)
    for name, helptext, func in (("void", "void a parcel's label: its carrier order is cancelled", cmd_void),
                                 ("intercept", "ask the carrier to intercept a shipped order", cmd_intercept)):
        p = actions.add_parser(name, help=helptext)
        p.add_argument("target", metavar="ORDER" if name == "intercept" else "PARCEL")
        p.add_argument("--reason", required=True)
        add_sign_in_arguments(p)
        _db(p)
        p.set_defaults(func=func)


def _run(args: argparse.Namespace, op, before=None):  # noqa: ANN001
    from desktop.cli.core import open_database

    db = open_database(args)
    try:
        with signed_in(args, db) as actor:
            extra = before(args) if before is not None else None
            with db.unit_of_work(actor) as uow:
                try:
                    return op(uow) if extra is None else op(uow, extra)
                except PickdeskError as exc:
                    raise UsageError(exc.message) from exc
    finally:
        db.dispose()


def _bool(text: str) -> bool | str:
    low = text.lower()
    return True if low in ("true", "yes", "1") else False if low in ("false", "no", "0") else text


def cmd_account(args: argparse.Namespace) -> int:
    from desktop.services.carrier_accounts import set_account

    if args.secret_stdin and args.keep_secret:
        raise UsageError("--secret-stdin and --keep-secret contradict each other")
    options = {k: _bool(v) for k, v in args.option}
    if args.protocol == "sf":
        options.setdefault("privacy_waybill", True)  # SF prints 丰密 (privacy) waybills by default

    def secret(a: argparse.Namespace) -> str:
        return "" if a.keep_secret else read_secret(a, a.secret_stdin, "the secret", f"Secret for {a.code}: ")

    view = _run(args, lambda uow, s: set_account(uow, args.code, args.protocol, args.url, args.partner_id,
                                                 s or None, options, active=not args.inactive), secret)
    print(f"Account {view.code} ({view.protocol}) at {view.endpoint}, partner {view.partner_id}: "
          f"{'secret sealed' if view.has_secret else 'no secret'}{'' if view.active else ', inactive'}.")
    return 0


def cmd_accounts(args: argparse.Namespace) -> int:
    from desktop.services.carrier_accounts import list_accounts

    views = _run(args, list_accounts)
    if args.json:
        json.dump([v.to_dict() for v in views], sys.stdout, indent=1, ensure_ascii=False)
        print()
        return 0
    if not views:
        print("No carrier account: the demo carriers number their parcels offline.")
    for v in views:
        print(f"{v.code:<12} {v.protocol:<10} {v.endpoint}  partner {v.partner_id}  "
              f"{'secret kept' if v.has_secret else 'no secret'}{'' if v.active else '  (inactive)'}")
    return 0


def _print_waybills(views, as_json: bool) -> None:  # noqa: ANN001
    if as_json:
        json.dump([v.to_dict() for v in views], sys.stdout, indent=1, ensure_ascii=False)
        print()
        return
    for v in views:
        print(f"{v.seq:>3} {v.kind:<6} {v.number:<20} {v.status:<7} {v.carrier:<6} {v.sort_code or '-':<14} "
              f"{v.three_segment or '-':<20} {v.parcel or ''}")


def cmd_get(args: argparse.Namespace) -> int:
    from desktop.services.waybills import allocate

    _print_waybills(_run(args, lambda uow: allocate(uow, args.order, args.carrier, args.parcels)), args.json)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from desktop.services.waybills import waybills_of

    _print_waybills(_run(args, lambda uow: waybills_of(uow, args.order)), args.json)
    return 0


def cmd_void(args: argparse.Namespace) -> int:
    from desktop.services.waybills import void_label

    numbers = _run(args, lambda uow: void_label(uow, args.target, args.reason))
    print(f"Label of {args.target.upper()} voided; numbers given back: {', '.join(numbers)}.")
    return 0


def cmd_intercept(args: argparse.Namespace) -> int:
    from desktop.services.waybills import intercept

    asked = _run(args, lambda uow: intercept(uow, args.target, args.reason))
    print(f"Intercept of {args.target} raised; the carrier was asked for {', '.join(asked) or 'nothing (call them)'}.")
    return 0
