"""`pickdesk label ORDER` and `pickdesk slip ORDER`: labels and slips from the central database."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from desktop.cli import UsageError
from desktop.cli.signin import add_sign_in_arguments, signed_in
from desktop.domain.errors import PickdeskError


def register(subparsers: argparse._SubParsersAction) -> None:
    from printing.sizes import LABEL_SIZES

    p = subparsers.add_parser("label", help="render an order's shipping label(s) to a PDF or ZPL file")
    p.add_argument("order", metavar="ORDER", help="order number, e.g. M1-20261123-000123")
    p.add_argument("--format", choices=["pdf", "zpl"], default="pdf")
    p.add_argument("--size", choices=sorted(LABEL_SIZES), default="100x150", help="label size in mm")
    p.add_argument("--dpi", type=int, choices=[203, 300], default=203, help="printer resolution for ZPL")
    p.add_argument("--parcel", type=int, default=None, help="only parcel N of the order (default: every parcel)")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--reason", default=None,
                   help="why a label that was printed already is printed again (required then; counted and audited)")
    add_sign_in_arguments(p)  # the label and the slip open the customer's name, phone and address
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    p.set_defaults(func=cmd_label)

    p = subparsers.add_parser("slip", help="render an order's packing slip to a PDF file")
    p.add_argument("order", metavar="ORDER")
    p.add_argument("--page", choices=["A5", "A4"], default="A5")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    add_sign_in_arguments(p)  # the label and the slip open the customer's name, phone and address
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    p.set_defaults(func=cmd_slip)


def _write_atomically(path: str, data: bytes) -> None:
    target = Path(path)
    if not target.parent.exists():
        raise UsageError(f"folder {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


def _documents(args: argparse.Namespace, build):
    from desktop.cli.core import open_database

    db = open_database(args, seed_demo=True)
    try:
        with signed_in(args, db) as actor, db.unit_of_work(actor) as uow:
            try:
                result = build(uow)
            except PickdeskError as exc:
                raise UsageError(exc.message) from exc
            uow.commit()  # the audit record of opening the customer's data, naming who did
        return result
    finally:
        db.dispose()


def cmd_label(args: argparse.Namespace) -> int:
    from desktop.services.documents import shipping_labels
    from printing import render_label_zpl
    from printing.pdf import render_labels_pdf

    def build(uow):  # noqa: ANN001, ANN202
        from desktop.db import models
        from desktop.services.waybills import note_reprints
        from sqlalchemy import select

        labels = shipping_labels(uow, args.order, args.parcel)
        seqs = {label.parcel_index for label in labels}
        parcels = uow.session.scalars(select(models.Parcel).join(models.Order)
                                      .where(models.Order.order_no == args.order)).all()
        note_reprints(uow, [p for p in parcels if p.seq in seqs], args.reason)
        return labels

    labels = _documents(args, build)
    if args.format == "pdf":
        data = render_labels_pdf(labels, args.size)
    else:
        data = b"".join(render_label_zpl(label, args.size, args.dpi) for label in labels)
    _write_atomically(args.output, data)
    print(f"{len(labels)} label(s) for {args.order} written to {args.output} ({args.format}, {args.size} mm)")
    return 0


def cmd_slip(args: argparse.Namespace) -> int:
    from desktop.services.documents import packing_slip
    from printing import render_slip_pdf

    slip = _documents(args, lambda uow: packing_slip(uow, args.order))
    _write_atomically(args.output, render_slip_pdf(slip, args.page))
    print(f"Packing slip for {args.order} written to {args.output} ({args.page})")
    return 0
