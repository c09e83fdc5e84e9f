"""Device subcommands for the `pickdesk` command line: `scan-parse` and `devices`.

Registered by `desktop.cli` through `register(subparsers)`; this module never imports `desktop`,
so it reports bad arguments itself (stderr, exit status 2).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

from devices.substitutes import DEFAULT_GS_SUBSTITUTES

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2


def register(subparsers: Any) -> None:
    scan = subparsers.add_parser(
        "scan-parse",
        help="decode one raw scan (GS1, GTIN or a Pickdesk label) and print the result",
        description=(
            "Decode RAW as the scanner sent it. GS may be written as one of the configured "
            "substitutes (default: " + " ".join(DEFAULT_GS_SUBSTITUTES) + ") or, with --escapes, "
            "as \\x1d. Exit status 1 when the scan is rejected."
        ),
    )
    scan.add_argument("raw", metavar="RAW", help="the scanned text, e.g. ']C10109501101530003'")
    scan.add_argument("--json", action="store_true", help="print JSON instead of text")
    scan.add_argument(
        "--gs",
        metavar="SUB",
        action="append",
        help="a string the scanner sends for FNC1/GS (repeatable; replaces the defaults)",
    )
    scan.add_argument(
        "--escapes", action="store_true", help="interpret backslash escapes such as \\x1d in RAW"
    )
    scan.set_defaults(func=scan_parse)

    ports = subparsers.add_parser(
        "devices", help="list serial ports (device, description, USB serial number)"
    )
    ports.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ports.set_defaults(func=list_devices)


def _usage_error(command: str, message: str) -> int:
    print(f"pickdesk {command}: {message}", file=sys.stderr)
    return EXIT_USAGE


def scan_parse(args: argparse.Namespace) -> int:
    from devices.decode import ScanConfig, ScanRejected, decode_scan, scan_as_dict

    raw: str = args.raw
    if args.escapes:
        try:
            raw = raw.encode("latin-1", "backslashreplace").decode("unicode_escape")
        except UnicodeDecodeError as exc:
            return _usage_error("scan-parse", f"bad escape in RAW: {exc.reason}")
    try:
        config = ScanConfig(gs_substitutes=tuple(args.gs)) if args.gs else ScanConfig()
    except ValueError as exc:
        return _usage_error("scan-parse", str(exc))
    try:
        scan = decode_scan(raw, config)
    except ScanRejected as exc:
        if args.json:
            print(
                json.dumps(
                    {"rejected": exc.reason.value, "message": exc.message, "message_zh": exc.message_zh},
                    ensure_ascii=False,
                )
            )
        else:
            print(f"rejected ({exc.reason.value}): {exc.message}", file=sys.stderr)
            print(exc.message_zh, file=sys.stderr)
        return EXIT_REJECTED
    data = scan_as_dict(scan)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(data["kind"])
        for key, value in data.items():
            if key != "kind" and value not in (None, [], ""):
                print(f"  {key}: {value}")
    return EXIT_OK


def _port_rows(comports: Callable[[], Iterable[Any]]) -> list[dict[str, str | None]]:
    rows = []
    for port in sorted(comports(), key=lambda p: p.device):
        rows.append(
            {
                "device": port.device,
                "description": port.description,
                "serial_number": port.serial_number,
            }
        )
    return rows


def list_devices(args: argparse.Namespace, comports: Callable[[], Iterable[Any]] | None = None) -> int:
    if comports is None:
        from serial.tools.list_ports import comports as system_comports

        comports = system_comports
    rows = _port_rows(comports)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("no serial ports found")
        return EXIT_OK
    width = max(len(str(r["device"])) for r in rows)
    for row in rows:
        print(f"{row['device']:<{width}}  {row['description'] or '-'}  serial={row['serial_number'] or '-'}")
    return EXIT_OK
