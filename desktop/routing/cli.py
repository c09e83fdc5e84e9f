"""``pickdesk route``: plan pick routes for a rectangular layout from the command line.

    pickdesk route --layout warehouse.json --picks picks.json [--policy optimal] [--json]
    pickdesk route --layout warehouse.json --batch lists.jsonl          # one JSON route per line

Bad files (missing, malformed JSON, unknown aisle, slot out of range, duplicate id ...) raise
``desktop.cli.UsageError``, which the top-level command prints and turns into exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # every command's parser registers this one: the planner loads when a route is asked for
    from desktop.routing.planner import Route

CLI_POLICIES = ("optimal", "sshape", "largest-gap", "combined", "location")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "route",
        help="plan a pick route in a rectangular warehouse layout",
        description="Plan the walk through a pick list (see docs/routing.md for the file formats).",
    )
    parser.add_argument("--layout", required=True, metavar="FILE", help="layout JSON file")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--picks", metavar="FILE", help="picks JSON file")
    source.add_argument("--batch", metavar="FILE.jsonl", help="JSON Lines file, one picks object per line; prints one JSON route per line")
    parser.add_argument("--policy", choices=CLI_POLICIES, default="optimal", help="routing policy (default: optimal)")
    parser.add_argument("--json", action="store_true", help='print {"distance": ..., "sequence": [...]}')
    parser.set_defaults(func=handler)


def handler(args: argparse.Namespace) -> int:
    from desktop.cli import UsageError  # imported here: desktop.cli imports this module
    from desktop.routing.layout import LayoutError, PicksError, iter_batch, load_layout, load_picks
    from desktop.routing.planner import RoutePlanner

    try:
        layout = load_layout(args.layout)
        planner = RoutePlanner(layout)
        if args.batch:
            for picks in iter_batch(args.batch, layout):
                started = time.perf_counter()
                route = planner.plan(picks, args.policy)
                elapsed = (time.perf_counter() - started) * 1000.0
                print(json.dumps({**route.to_json(), "ms": round(elapsed, 3)}))
            return 0
        picks = load_picks(args.picks, layout)
    except (LayoutError, PicksError) as exc:
        raise UsageError(str(exc)) from None
    route = planner.plan(picks, args.policy)
    if args.json:
        print(json.dumps(route.to_json()))
    else:
        sys.stdout.write(format_route(route))
    return 0


def format_route(route: Route) -> str:
    """A readable table: one row per pick, with the metres walked when reaching its stop."""
    lines = [f"{'stop':>4}  {'id':<12} {'aisle':>5} {'block':>5} {'slot':>4} {'metres':>9}"]
    for number, stop in enumerate(route.stops, start=1):
        p = stop.position
        for pick_id in stop.pick_ids:
            lines.append(f"{number:>4}  {pick_id:<12} {p.aisle:>5} {p.block:>5} {p.slot:>4} {stop.walked:>9.1f}")
    lines.append(f"total {route.distance:.1f} m back at the depot ({len(route.stops)} stops, {len(route.sequence)} picks, policy {route.policy})")
    return "\n".join(lines) + "\n"
