"""`pickdesk label-sample`: render the sample label (long Chinese address) to a file, no database needed.

The real `pickdesk label ORDER` and `pickdesk slip ORDER` commands live with the central database in
`desktop`; they call `printing.render_label_pdf` / `render_label_zpl` / `render_slip_pdf`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from printing.sizes import LABEL_SIZES

FORMATS = ("pdf", "zpl")
DPIS = (203, 300)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "label-sample",
        help="render a sample shipping label (PDF or ZPL) with a Chinese address",
        description="Render the sample shipping label, to check a printer or the label layout.",
    )
    parser.add_argument("--format", default="pdf", help="pdf or zpl (default pdf)")
    parser.add_argument("--size", default="100x150", help=f"label size: {' or '.join(LABEL_SIZES)} mm (default 100x150)")
    parser.add_argument("--dpi", type=int, default=203, help="printer resolution for ZPL: 203 or 300 (default 203)")
    parser.add_argument("--text-mode", default="graphic", help="ZPL text: graphic (default) or printer-font")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the label ('-' for stdout)")
    parser.set_defaults(func=handler)


def handler(args: argparse.Namespace) -> int:
    problems = []
    if args.format not in FORMATS:
        problems.append(f"unknown format {args.format!r}: use pdf or zpl")
    if args.size not in LABEL_SIZES:
        problems.append(f"unknown label size {args.size!r}: use {' or '.join(LABEL_SIZES)}")
    if args.dpi not in DPIS:
        problems.append(f"unsupported dpi {args.dpi}: use 203 or 300")
    if args.text_mode not in ("graphic", "printer-font"):
        problems.append(f"unknown text mode {args.text_mode!r}: use graphic or printer-font")
    if problems:
        for problem in problems:
            print(f"pickdesk label-sample: {problem}", file=sys.stderr)
        return 2

    from printing import render_label_pdf, render_label_zpl
    from printing.documents import sample_label

    label = sample_label()
    if args.format == "pdf":
        data = render_label_pdf(label, args.size)
    else:
        data = render_label_zpl(label, args.size, args.dpi, text_mode=args.text_mode)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        try:
            Path(args.output).write_bytes(data)
        except OSError as exc:
            print(f"pickdesk label-sample: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return 1
        print(f"{args.output}: {args.format.upper()} label {args.size} mm"
              + (f" at {args.dpi} dpi" if args.format == "zpl" else "") + f", {len(data)} bytes")
    return 0
