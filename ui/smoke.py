"""`pickdesk smoke`: the real window, started headless, signs in and proves it works.

It runs the station's own start-up (`ui.app.run`) on a fresh embedded demo warehouse, signs in
through the sign-in view as a person does (click the name, type the PIN, press Enter), waits until
the workspace shows its data, saves a screenshot of the window and a JSON report (what is on screen,
which resource files were loaded and from where, whether it runs frozen), and quits: status 0 when
every step worked, 1 with a message naming the step that failed or timed out, 2 for bad arguments.

The bundle test (tests/bundle) runs it inside the PyInstaller bundle. It never touches a real
database: it always seeds a new demo warehouse in a new data folder (`--data-dir`, else a temporary
one) and refuses `--db` and PICKDESK_DB_URL.

This module only declares the command (the command line must not import Qt, see `ui.entry`);
`ui.smoke_driver` does the work.
"""

from __future__ import annotations

import argparse

from desktop.cli import UsageError

LANGUAGES = ("en", "zh_CN")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "smoke",
        help="start the window headless on a fresh demo warehouse, sign in, save a screenshot and a report",
        description="Start the real window on a fresh demo warehouse (offscreen when there is no display), "
                    "sign in through the sign-in view, wait for the workspace's data, then write "
                    "smoke.png and smoke.json into --out. Exit 0 when every step worked, 1 otherwise.",
    )
    p.add_argument("--user", required=True, metavar="LOGIN", help="who signs in, e.g. picker1")
    p.add_argument("--pin", required=True, metavar="PIN", help="their PIN, typed into the sign-in view")
    p.add_argument("--language", default="en", help="en (default) or zh_CN: the station's language setting")
    p.add_argument("--press", action="append", default=[], metavar="KEY",
                   help="a key to press on the workspace once its data is there, e.g. F5 (repeatable)")
    p.add_argument("--min-rows", type=int, default=1, metavar="N",
                   help="rows the workspace's visible tables and lists must show in all (default 1)")
    p.add_argument("--play-sounds", action="store_true",
                   help="play the workspace's good and bad scan sounds once (fails if it has none)")
    p.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                   help="give up after this long (default 120; the first start seeds the demo)")
    p.add_argument("--data-dir", metavar="DIR",
                   help="a new or empty folder for the demo warehouse and the station files (default: a temporary one)")
    p.add_argument("--out", default=".", metavar="DIR", help="where smoke.png and smoke.json go (default: here)")
    p.set_defaults(func=cmd_smoke)


def cmd_smoke(args: argparse.Namespace) -> int:
    if getattr(args, "db", None):
        raise UsageError("smoke runs on a fresh embedded demo warehouse only; it does not take --db")
    if args.language not in LANGUAGES:
        raise UsageError(f"unknown language {args.language!r}: use {' or '.join(LANGUAGES)}")
    if args.min_rows < 0:
        raise UsageError("--min-rows must be 0 or more")
    if not args.timeout > 0:
        raise UsageError("--timeout must be more than 0 seconds")
    from ui.smoke_driver import run_smoke  # Qt from here on

    return run_smoke(args)
