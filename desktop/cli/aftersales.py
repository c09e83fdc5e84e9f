"""After the parcel leaves: tracking, hand-over, manifests, returns, feedback, notifications, the report.

    pickdesk tracking import FILE            CSV or JSON Lines; all or nothing (errors by line, status 2)
    pickdesk tracking poll                   ask the (demo) carriers for events of parcels in transit
    pickdesk tracking subscribe [--key …]    subscribe the parcels in transit with Kuaidi100 (pushes)
    pickdesk tracking serve [--host H --port P]  receive Kuaidi100's pushes (tracking events)
    pickdesk handover --carrier SF CODE…     scan parcels onto a carrier's cage
    pickdesk manifest close --carrier SF     close today's manifest: orders shipped, customers told
    pickdesk manifest export --carrier SF [--day D] [--pdf FILE] [--csv FILE]
    pickdesk manifest unmanifested [--day D] labelled parcels on no manifest
    pickdesk returns list|request|receive|inspect|decide|settle …
    pickdesk feedback complete|add|summary …
    pickdesk notify send [--smtp-host H …] [--sms [--sms-key-id ID …]] [--sms-reports]
    pickdesk report --from DATE --to DATE [--json] [--csv FILE] [--xlsx FILE]

Every command that changes data or opens customer data needs a person: `--user LOGIN` with the PIN
from the terminal or, with `--pin-stdin`, from standard input; the service checks their role as in
the app and the audit names them. Listings without customer data (`returns list`, `manifest export`
and `unmanifested`, `feedback summary`) ask nobody.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from desktop.cli import UsageError
from desktop.cli.signin import add_sign_in_arguments, signed_in
from desktop.domain.errors import PickdeskError


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _line_qty(text: str) -> tuple[int, int]:
    try:
        line, _, qty = text.partition(":")
        return int(line), int(qty or 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not LINE:QTY: {text!r}") from None


def _money(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not an amount: {text!r}") from None


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("tracking", help="tracking events: import a carrier file, or poll the carriers")
    sub = p.add_subparsers(dest="tracking_action", metavar="ACTION", required=True)
    q = sub.add_parser("import", help="import tracking events from CSV or JSON Lines (see docs/aftersales.md)")
    q.add_argument("file", type=Path)
    _db_arg(q)
    add_sign_in_arguments(q)
    q.set_defaults(func=cmd_tracking_import)
    q = sub.add_parser("poll", help="fetch events of parcels in transit from the carriers (offline: the demo carrier)")
    _db_arg(q)
    add_sign_in_arguments(q)
    q.set_defaults(func=cmd_tracking_poll)
    q = sub.add_parser("subscribe", help="subscribe the parcels in transit with Kuaidi100 (it pushes their events)")
    _kuaidi100_args(q)
    _db_arg(q)
    add_sign_in_arguments(q)
    q.set_defaults(func=cmd_tracking_subscribe)
    q = sub.add_parser("serve", help="receive Kuaidi100's tracking pushes over HTTP until stopped (Ctrl+C)")
    q.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    q.add_argument("--port", type=int, default=8765, help="port to listen on (default 8765)")
    q.add_argument("--salt", default=None, help="the salt the subscriptions gave (default PICKDESK_KUAIDI100_SALT)")
    _db_arg(q)
    add_sign_in_arguments(q)
    q.set_defaults(func=cmd_tracking_serve)
    _db_arg(p)

    p = subparsers.add_parser("handover", help="scan parcels onto a carrier's cage (today's manifest)")
    p.add_argument("codes", nargs="+", metavar="CODE", help="parcel code, SSCC or tracking number")
    p.add_argument("--carrier", required=True)
    p.add_argument("--day", type=_iso_date, default=None)
    _db_arg(p)
    add_sign_in_arguments(p)
    p.set_defaults(func=cmd_handover)

    p = subparsers.add_parser("manifest", help="close a carrier's manifest, export it, list parcels left behind")
    sub = p.add_subparsers(dest="manifest_action", metavar="ACTION", required=True)
    q = sub.add_parser("close", help="close the carrier's open manifest: its orders are shipped")
    q.add_argument("--carrier", required=True)
    q.add_argument("--day", type=_iso_date, default=None)
    _db_arg(q)
    add_sign_in_arguments(q)
    q.set_defaults(func=cmd_manifest_close)
    q = sub.add_parser("export", help="write the carrier's manifest of a day as PDF and/or CSV")
    q.add_argument("--carrier", required=True)
    q.add_argument("--day", type=_iso_date, default=None)
    q.add_argument("--pdf", type=Path, default=None)
    q.add_argument("--csv", type=Path, default=None)
    _db_arg(q)
    q.set_defaults(func=cmd_manifest_export)
    q = sub.add_parser("unmanifested", help="labelled parcels on no manifest")
    q.add_argument("--day", type=_iso_date, default=None)
    _db_arg(q)
    q.set_defaults(func=cmd_unmanifested)
    _db_arg(p)

    p = subparsers.add_parser("returns", help="return requests (RMA): request, receive, inspect, decide, settle")
    sub = p.add_subparsers(dest="returns_action", metavar="ACTION", required=True)
    q = sub.add_parser("list")
    q.add_argument("--status", default=None)
    _db_arg(q)
    q.set_defaults(func=cmd_returns_list)
    q = sub.add_parser("request", help="open an RMA for a delivered order")
    q.add_argument("order")
    q.add_argument("--reason", required=True, choices=["no_reason", "quality", "damaged", "wrong_item"])
    q.add_argument("--line", type=_line_qty, action="append", default=None, metavar="LINE:QTY",
                   help="a line and quantity (repeat; default every unit)")
    q.add_argument("--evidence", action="append", default=[], metavar="TEXT", help="a note or a photo's name")
    _db_arg(q)
    add_sign_in_arguments(q)
    q.set_defaults(func=cmd_returns_request)
    q = sub.add_parser("receive", help="a returned parcel arrives (scan RMA, parcel, tracking or order number)")
    q.add_argument("scan")
    _db_arg(q)
    add_sign_in_arguments(q)
    q.set_defaults(func=cmd_returns_receive)
    q = sub.add_parser("inspect", help="the unit checklist of one line")
    q.add_argument("rma")
    q.add_argument("line", type=int)
    for flag in ("unused", "packaging-intact", "damaged", "matches-order"):
        q.add_argument(f"--{flag}", choices=["yes", "no"], required=True)
    _db_arg(q)
    add_sign_in_arguments(q)
    q.set_defaults(func=cmd_returns_inspect)
    q = sub.add_parser("decide", help="restock, quarantine, repair or scrap a returned line")
    q.add_argument("rma")
    q.add_argument("line", type=int)
    q.add_argument("decision", choices=["restock", "quarantine", "repair", "scrap"])
    q.add_argument("--location", default=None, help="location code to restock to")
    _db_arg(q)
    add_sign_in_arguments(q)
    q.set_defaults(func=cmd_returns_decide)
    q = sub.add_parser("settle", help="refund (amount), reship, repair or replace; closes the RMA")
    q.add_argument("rma")
    q.add_argument("resolution", choices=["refund", "reship", "repair", "replace"])
    q.add_argument("--amount", type=_money, default=None)
    _db_arg(q)
    add_sign_in_arguments(q)
    q.set_defaults(func=cmd_returns_settle)
    _db_arg(p)

    p = subparsers.add_parser("feedback", help="complete delivered orders (survey), record and summarise feedback")
    sub = p.add_subparsers(dest="feedback_action", metavar="ACTION", required=True)
    q = sub.add_parser("complete", help="delivered orders older than N days → completed, survey queued")
    q.add_argument("--older-than-days", type=float, default=7.0)
    _db_arg(q)
    add_sign_in_arguments(q)
    q.set_defaults(func=cmd_feedback_complete)
    q = sub.add_parser("add")
    q.add_argument("order")
    q.add_argument("--score", type=int, default=None)
    q.add_argument("--category", default=None)
    q.add_argument("--text", default="")
    _db_arg(q)
    add_sign_in_arguments(q)
    q.set_defaults(func=cmd_feedback_add)
    q = sub.add_parser("summary")
    q.add_argument("--from", dest="start", type=_iso_date, required=True)
    q.add_argument("--to", dest="end", type=_iso_date, required=True)
    _db_arg(q)
    q.set_defaults(func=cmd_feedback_summary)
    _db_arg(p)

    p = subparsers.add_parser("notify", help="send the queued customer messages: e-mail over SMTP, SMS by Alibaba Cloud")
    sub = p.add_subparsers(dest="notify_action", metavar="ACTION", required=True)
    q = sub.add_parser("send")
    q.add_argument("--smtp-host", default=None, help="send the queued e-mails through this relay")
    q.add_argument("--sms", action="store_true", help="send the queued SMS (Alibaba Cloud; PICKDESK_SMS_* or the flags)")
    q.add_argument("--sms-reports", action="store_true", help="read the delivery reports of sent SMS")
    q.add_argument("--sms-key-id", default=None, help="AccessKey ID (secret: PICKDESK_SMS_ACCESS_KEY_SECRET or asked)")
    q.add_argument("--sms-sign-name", default=None, help="the approved sign name (签名)")
    q.add_argument("--sms-templates", default=None, metavar="JSON|@FILE",
                   help='kind → {"zh": TEMPLATE_CODE, "en": TEMPLATE_CODE}')
    q.add_argument("--sms-endpoint", default=None, help="default https://dysmsapi.aliyuncs.com/")
    q.add_argument("--smtp-port", type=int, default=25)
    q.add_argument("--sender", default="Pickdesk <noreply@pickdesk.invalid>")
    q.add_argument("--security", choices=["none", "starttls", "tls"], default="none")
    q.add_argument("--smtp-user", default=None, help="SMTP login (password: PICKDESK_SMTP_PASSWORD or asked)")
    _db_arg(q)
    add_sign_in_arguments(q)
    q.set_defaults(func=cmd_notify_send)
    _db_arg(p)

    p = subparsers.add_parser("report", help="the figures of a period: stages, throughput, pickers, SLA, returns, satisfaction")
    p.add_argument("--from", dest="start", type=_iso_date, required=True, help="first day (UTC)")
    p.add_argument("--to", dest="end", type=_iso_date, required=True, help="last day, included (UTC)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--csv", type=Path, default=None, metavar="FILE")
    p.add_argument("--xlsx", type=Path, default=None, metavar="FILE")
    _db_arg(p)
    add_sign_in_arguments(p)
    p.set_defaults(func=cmd_report)


def _run(args: argparse.Namespace, op, *, person: bool = True):  # noqa: ANN001
    """`op(uow)` in one unit of work: as the person signed in (`person`), or asking nobody (listings)."""
    from contextlib import nullcontext

    from desktop.cli.core import open_database
    from desktop.domain.actor import Actor

    db = open_database(args)
    try:
        with signed_in(args, db) if person else nullcontext(Actor.system()) as actor, db.unit_of_work(actor) as uow:
            try:
                return op(uow)
            except PickdeskError as exc:
                raise UsageError(exc.message) from exc
    finally:
        db.dispose()


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=str)
    print()


def cmd_tracking_import(args: argparse.Namespace) -> int:
    from desktop.services.tracking import TrackingFileInvalid, import_file

    from desktop.domain.errors import FileRefused
    from desktop.formats.checks import read_bytes

    try:
        data = read_bytes(args.file)
    except FileRefused as exc:
        raise UsageError(exc.message) from exc
    try:
        result = _run(args, lambda uow: import_file(uow, data, args.file.name))
    except UsageError as exc:
        if isinstance(exc.__cause__, TrackingFileInvalid):
            print(f"pickdesk tracking import: {args.file} was not imported:", file=sys.stderr)
            for n, msg in exc.__cause__.errors:
                print(f"  line {n}: {msg}", file=sys.stderr)
            return 2
        raise
    _print_json(result.to_dict())
    return 0


def _kuaidi100_args(q: argparse.ArgumentParser) -> None:
    q.add_argument("--key", default=None, help="Kuaidi100 key (default PICKDESK_KUAIDI100_KEY)")
    q.add_argument("--customer", default=None, help="Kuaidi100 customer id (default PICKDESK_KUAIDI100_CUSTOMER)")
    q.add_argument("--salt", default=None, help="salt of the pushes' sign (default PICKDESK_KUAIDI100_SALT)")
    q.add_argument("--callback-url", default=None, help="where Kuaidi100 pushes: this warehouse's `tracking serve`")
    q.add_argument("--poll-url", default=None, help="default https://poll.kuaidi100.com/poll")


def _kuaidi100_account(args: argparse.Namespace, uow=None):  # noqa: ANN001, ANN202
    """The flags' or the environment's Kuaidi100 account, else the one kept in `carrier_accounts`."""
    from desktop.partners.accounts import accounts_for

    try:
        found = accounts_for("kuaidi100", overrides={"key": args.key, "customer": args.customer, "salt": args.salt,
                                                     "callback_url": args.callback_url, "poll_url": args.poll_url})
        if not found and uow is not None:
            from desktop.services.carrier_accounts import messaging_account

            kept = messaging_account(uow, "kuaidi100")
            found = [kept] if kept is not None else []
    except PickdeskError as exc:
        raise UsageError(exc.message) from exc
    if not found:
        raise UsageError("no Kuaidi100 account: enter one (`pickdesk carriers account KUAIDI100 --protocol kuaidi100 "
                         "…`), or give --key and --customer (or PICKDESK_KUAIDI100_KEY/_CUSTOMER)")
    if not found[0].callback_url:
        raise UsageError("Kuaidi100 needs a --callback-url to push to (PICKDESK_KUAIDI100_CALLBACK_URL)")
    return found[0]


def cmd_tracking_subscribe(args: argparse.Namespace) -> int:
    from desktop.partners.kuaidi100 import Kuaidi100Client
    from desktop.services.tracking_push import subscribe_in_transit

    report = _run(args, lambda uow: subscribe_in_transit(uow, Kuaidi100Client(_kuaidi100_account(args, uow))))
    _print_json(report.to_dict())
    return 1 if report.refused else 0


def cmd_tracking_serve(args: argparse.Namespace) -> int:
    import os

    from desktop.cli.core import open_database
    from desktop.services.tracking_push import PushServer

    salt = args.salt if args.salt is not None else os.environ.get("PICKDESK_KUAIDI100_SALT", "")
    db = open_database(args)
    try:
        with signed_in(args, db) as actor:
            from desktop.domain.roles import require_role, Role

            try:
                require_role(actor.role, Role.SUPERVISOR)
                if not salt:  # the kept account's, if there is one
                    from desktop.services.carrier_accounts import messaging_account

                    with db.unit_of_work(actor) as uow:
                        kept = messaging_account(uow, "kuaidi100")
                    salt = kept.salt if kept is not None else ""
            except PickdeskError as exc:
                raise UsageError(exc.message) from exc
            try:
                server = PushServer(db, actor, salt=salt, host=args.host, port=args.port,
                                    on_push=lambda o: print(f"{o.number} {o.status}: {o.imported.added} new event(s)",
                                                            flush=True))
            except OSError as exc:
                raise UsageError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from exc
            print(f"receiving Kuaidi100 pushes at {server.url} (sign {'checked' if salt else 'not set'}); "
                  "Ctrl+C stops", flush=True)
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                pass
            finally:
                server.httpd.server_close()
    finally:
        db.dispose()
    return 0


def cmd_tracking_poll(args: argparse.Namespace) -> int:
    from desktop.services.tracking import poll

    _print_json(_run(args, poll).to_dict())
    return 0


def cmd_handover(args: argparse.Namespace) -> int:
    from desktop.cli.core import open_database

    db = open_database(args)
    try:
        with signed_in(args, db) as actor:
            refused = sum(_handover_one(db, actor, code, args) for code in args.codes)
    finally:
        db.dispose()
    return 1 if refused else 0


def _handover_one(db, actor, code: str, args: argparse.Namespace) -> bool:  # noqa: ANN001
    """One parcel onto the cage, in its own transaction; True when it was refused."""
    from desktop.services.shipping import HandoverRefused, handover_scan

    with db.unit_of_work(actor) as uow:
        try:
            r = handover_scan(uow, code, args.carrier, day=args.day)
        except HandoverRefused as exc:
            print(f"REFUSED {code}: {exc.message} ({exc.reason})")
            return True
        except PickdeskError as exc:
            raise UsageError(exc.message) from exc
    print(f"OK {r.parcel} {r.tracking_no} → {r.manifest_no} ({r.on_manifest} on the manifest)")
    return False


def cmd_manifest_close(args: argparse.Namespace) -> int:
    from desktop.services.shipping import close_manifest

    s = _run(args, lambda uow: close_manifest(uow, args.carrier, args.day))
    print(f"{s.manifest_no} closed: {s.parcels} parcel(s), {len(s.orders_shipped)} order(s) shipped")
    for p in s.not_manifested:
        print(f"NOT ON A MANIFEST: {p.parcel} {p.order_no} {p.tracking_no or ''}")
    return 0


def cmd_manifest_export(args: argparse.Namespace) -> int:
    from desktop.services.shipping import manifest_sheet, manifests_for
    from desktop.db.types import utcnow
    from printing.manifest import manifest_csv, render_manifest_pdf

    day = args.day or utcnow().date()
    if args.pdf is None and args.csv is None:
        raise UsageError("give --pdf FILE and/or --csv FILE")

    def sheets(uow):  # noqa: ANN001, ANN202
        return [manifest_sheet(uow, m) for m in manifests_for(uow, args.carrier, day)]

    found = _run(args, sheets, person=False)
    if not found:
        raise UsageError(f"{args.carrier} has no manifest for {day.isoformat()}")
    sheet = found[-1]
    if args.pdf:
        args.pdf.write_bytes(render_manifest_pdf(sheet))
    if args.csv:
        args.csv.write_text(manifest_csv(sheet), encoding="utf-8")
    print(f"{sheet.manifest_no}: {len(sheet.rows)} parcel(s) written")
    return 0


def cmd_unmanifested(args: argparse.Namespace) -> int:
    from desktop.services.shipping import unmanifested_parcels

    rows = _run(args, lambda uow: unmanifested_parcels(uow, args.day), person=False)
    for r in rows:
        print(f"{r.parcel} {r.order_no} {r.carrier or '-'} {r.tracking_no or '-'}")
    print(f"{len(rows)} parcel(s) on no manifest")
    return 0


def _print_rma(v) -> None:  # noqa: ANN001
    print(f"{v.rma_no} {v.order_no} {v.reason} {v.status} {v.resolution or ''} {v.refund_amount or ''}".rstrip())
    if v.note:
        print(f"  {v.note}")
    for ln in v.lines:
        print(f"  line {ln.line_no} {ln.sku} × {ln.qty} lot {ln.lot or '-'} expiry {ln.expiry or '-'} "
              f"checklist {ln.checklist or '-'} decision {ln.decision or '-'} {ln.location or ''}".rstrip())


def cmd_returns_list(args: argparse.Namespace) -> int:
    from desktop.services.returns import list_returns

    for r in _run(args, lambda uow: list_returns(uow, args.status), person=False):
        print(f"{r.rma_no} {r.order_no} {r.reason} {r.status} {r.created_at:%Y-%m-%d}")
    return 0


def cmd_returns_request(args: argparse.Namespace) -> int:
    from desktop.services.returns import request_return

    evidence = [{"kind": "note", "note": e} for e in args.evidence]
    _print_rma(_run(args, lambda uow: request_return(uow, args.order, args.line, args.reason, evidence)))
    return 0


def cmd_returns_receive(args: argparse.Namespace) -> int:
    from desktop.services.returns import receive_return

    _print_rma(_run(args, lambda uow: receive_return(uow, args.scan)))
    return 0


def cmd_returns_inspect(args: argparse.Namespace) -> int:
    from desktop.services.returns import inspect_unit

    checklist = {"unused": args.unused == "yes", "packaging_intact": args.packaging_intact == "yes",
                 "damaged": args.damaged == "yes", "matches_order": args.matches_order == "yes"}
    _print_rma(_run(args, lambda uow: inspect_unit(uow, args.rma, args.line, checklist)))
    return 0


def cmd_returns_decide(args: argparse.Namespace) -> int:
    from desktop.services.returns import decide

    _print_rma(_run(args, lambda uow: decide(uow, args.rma, args.line, args.decision, args.location)))
    return 0


def cmd_returns_settle(args: argparse.Namespace) -> int:
    from desktop.services.returns import settle

    _print_rma(_run(args, lambda uow: settle(uow, args.rma, args.resolution, args.amount)))
    return 0


def cmd_feedback_complete(args: argparse.Namespace) -> int:
    from desktop.services.returns import complete_delivered

    done = _run(args, lambda uow: complete_delivered(uow, timedelta(days=args.older_than_days)))
    print(f"{len(done)} order(s) completed, survey queued: {' '.join(done)}".rstrip(": "))
    return 0


def cmd_feedback_add(args: argparse.Namespace) -> int:
    from desktop.services.returns import record_feedback

    _run(args, lambda uow: record_feedback(uow, args.order, args.score, args.category, args.text))
    print("feedback recorded")
    return 0


def cmd_feedback_summary(args: argparse.Namespace) -> int:
    from desktop.services.figures import period_of
    from desktop.services.returns import feedback_summary

    start, end = period_of(args.start, args.end)
    for g in _run(args, lambda uow: feedback_summary(uow, start, end), person=False):
        mean = f"{g.mean_score:.2f}" if g.mean_score is not None else "-"
        print(f"{g.category:<16} {g.count:>5}  mean {mean}")
    return 0


def cmd_notify_send(args: argparse.Namespace) -> int:
    import getpass
    import os

    from desktop.cli.core import open_database
    from desktop.services.notifications import send_pending
    from desktop.partners.smtp import SmtpSettings

    from desktop.partners.accounts import accounts_for
    from desktop.services.notifications import refresh_sms_reports, send_pending_sms

    if not (args.smtp_host or args.sms or args.sms_reports):
        raise UsageError("say what to send: --smtp-host H (e-mail) and/or --sms (SMS), or --sms-reports")
    sms = None
    if args.sms or args.sms_reports:
        overrides = {"access_key_id": args.sms_key_id, "sign_name": args.sms_sign_name,
                     "templates": args.sms_templates, "endpoint": args.sms_endpoint}
        if args.sms_key_id and not os.environ.get("PICKDESK_SMS_ACCESS_KEY_SECRET"):
            overrides["access_key_secret"] = getpass.getpass("AccessKey secret: ")
        try:
            found = accounts_for("aliyun_sms", overrides=overrides)
        except PickdeskError as exc:
            raise UsageError(exc.message) from exc
        sms = found[0] if found else None
    out: dict[str, object] = {}
    db = open_database(args)
    try:
        with signed_in(args, db) as actor:
            if (args.sms or args.sms_reports) and sms is None:  # the account kept in carrier_accounts
                from desktop.services.carrier_accounts import messaging_account

                try:
                    with db.unit_of_work(actor) as uow:
                        sms = messaging_account(uow, "aliyun_sms")
                except PickdeskError as exc:
                    raise UsageError(exc.message) from exc
                if sms is None:
                    raise UsageError("no SMS account: enter one (`pickdesk carriers account ALIYUN_SMS --protocol "
                                     "aliyun_sms …`), or give --sms-key-id, --sms-sign-name and --sms-templates "
                                     "(or PICKDESK_SMS_ACCESS_KEY_ID, _ACCESS_KEY_SECRET, _SIGN_NAME, _TEMPLATES)")
            try:
                if args.smtp_host:
                    password = os.environ.get("PICKDESK_SMTP_PASSWORD") or (
                        getpass.getpass("SMTP password: ") if args.smtp_user else None)
                    smtp = SmtpSettings(args.smtp_host, args.smtp_port, args.sender, args.smtp_user, password,
                                        args.security)
                    out.update(send_pending(db, smtp, actor=actor).to_dict())
                if sms is not None and args.sms:
                    out["sms"] = send_pending_sms(db, sms, actor=actor).to_dict()
                if sms is not None and args.sms_reports:
                    out["sms_reports"] = refresh_sms_reports(db, sms, actor=actor)
            except PickdeskError as exc:
                raise UsageError(exc.message) from exc
    finally:
        db.dispose()
    _print_json(out)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from desktop.services.figures import compute_figures, period_of

    if args.end < args.start:
        raise UsageError("--to is before --from")
    start, end = period_of(args.start, args.end)
    figures = _run(args, lambda uow: compute_figures(uow, start, end))
    if args.csv:
        args.csv.write_text(figures.to_csv(), encoding="utf-8")
    if args.xlsx:
        figures.to_xlsx(args.xlsx)
    if args.json:
        print(figures.to_json())
        return 0
    print(f"Figures {start:%Y-%m-%d} … {args.end.isoformat()} (UTC)")
    for s in figures.stages:
        if s.count:
            print(f"  {s.stage:<10} n={s.count:<5} mean {s.mean_min:>9.1f} min  median {s.median_min:>9.1f}  p90 {s.p90_min:>9.1f}")
        else:
            print(f"  {s.stage:<10} n=0")
    print(f"  slowest stage: {figures.slowest_stage}; slowest in the warehouse: {figures.slowest_warehouse_stage}")
    print(f"  orders received: {figures.orders_received} ({figures.mean_orders_per_hour:.2f}/h)")
    for p in figures.pickers:
        rate = f"{p.pick_rate_uph:.1f} units/h" if p.pick_rate_uph is not None else "-"
        print(f"  picker {p.login:<10} {p.units_picked} units, {rate}, error rate {p.error_rate}")
    print(f"  short picks: {figures.short_pick_events} events, {figures.short_pick_exceptions} exceptions")
    print(f"  SLA kept: {figures.sla_kept}/{figures.shipped_with_promise} ({figures.sla_rate})")
    print(f"  returns: {dict(figures.returns_by_reason)}")
    print(f"  satisfaction: {figures.satisfaction_mean} over {figures.satisfaction_responses} response(s)")
    return 0
