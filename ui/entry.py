"""The `pickdesk` console script: the composition root.

Subcommands run without importing Qt; with no subcommand the window opens (`ui.app.run`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from desktop.cli import main as cli_main

# Subcommands of the GUI layer (their `register` imports no Qt; the command itself does).
UI_COMMAND_MODULES = ("ui.smoke",)


def _launch_gui(args: argparse.Namespace) -> int:
    if getattr(sys, "frozen", False) and os.environ.get("XDG_SESSION_TYPE") == "wayland" \
            and not os.environ.get("QT_QPA_PLATFORM"):
        # The bundle carries the X11 platform only (build.spec): on a Wayland desktop it runs through XWayland.
        os.environ["QT_QPA_PLATFORM"] = "xcb"
    from ui.app import run

    return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, launch_gui=_launch_gui, extra_modules=UI_COMMAND_MODULES)


if __name__ == "__main__":
    sys.exit(main())
