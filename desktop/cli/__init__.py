"""The `pickdesk` command line.

Each area registers its own subcommands: a module with `register(subparsers)` adds parsers whose
`func(args) -> int` does the work. Bad arguments exit with status 2 and a clear message (argparse).
The GUI is not started from here: `ui.entry` is the composition root that calls `main` with a
launcher for the window, so this module never imports Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from desktop import __version__
from desktop.domain.errors import PickdeskError

# Modules that contribute subcommands, in the order they appear in --help.
COMMAND_MODULES = (
    "desktop.cli.core",
    "desktop.cli.documents",
    "desktop.cli.aftersales",
    "desktop.cli.intake",
    "desktop.cli.inbound",
    "desktop.cli.people",
    "desktop.cli.setup",
    "desktop.cli.keys",
    "desktop.cli.waves",
    "desktop.cli.putbacks",
    "desktop.cli.stockwork",
    "desktop.cli.carriers",
    "desktop.routing.cli",
    "devices.cli",
    "printing.cli",
)


class UsageError(Exception):
    """A problem with what the user typed: printed, exit status 2."""


def build_parser(extra_modules: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser with every area's subcommands; `extra_modules` come from the composition root
    (`ui.entry` adds the GUI's own commands, which this layer may not import)."""
    parser = argparse.ArgumentParser(
        prog="pickdesk",
        description="Pickdesk: the warehouse desktop client. Without a subcommand, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"pickdesk {__version__}")
    parser.add_argument("--db", metavar="URL", help="central database URL (default: PICKDESK_DB_URL, else the embedded SQLite file)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (*COMMAND_MODULES, *extra_modules):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    # Every subcommand takes --db, after its name too (`pickdesk orders --db URL`).
    for sub in subparsers.choices.values():
        if "--db" not in sub._option_string_actions:
            sub.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="central database URL")
    return parser


def main(argv: Sequence[str] | None = None, launch_gui: Callable[[argparse.Namespace], int] | None = None,
         extra_modules: Sequence[str] = ()) -> int:
    parser = build_parser(extra_modules)
    args = parser.parse_args(argv)
    if args.command is None:
        if launch_gui is None:
            parser.print_help()
            return 0
        return launch_gui(args)
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"pickdesk {args.command}: {exc}", file=sys.stderr)
        return 2
    except PickdeskError as exc:  # a typed error a person can fix never ends in a traceback
        print(f"pickdesk {args.command}: {exc.message}", file=sys.stderr)
        return 2
