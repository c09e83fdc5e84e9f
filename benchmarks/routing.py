"""Route quality and speed on literature-style instances; batching against one order per trip.

    .venv/bin/python benchmarks/routing.py [--quick] [--no-ortools]

Instances: rectangular warehouses with 8-30 aisles, 1-4 blocks, 10-30 slots per block, depot at
the front left, centre or anywhere on the front cross aisle, 5-100 uniformly random picks, fixed
seeds. The optimum of every instance is computed by the exact column dynamic programme (exact
for any number of blocks, only slower with more), and checked against Held-Karp (subset DP) on
every instance with at most 10 stops. Gap = length / optimum - 1. Times are per route on one core
(the planner's own solving time, distance matrix included). OR-Tools (optional: pip install
ortools) gets the same distance matrix (in millimetres) and guided local search with a time limit.
Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone

from desktop.routing.batching import CartCapacity, OrderLine, ReadyOrder, plan_batches, single_order_trips
from desktop.routing.exact import optimal_route
from desktop.routing.graph import depot_point, distance_matrix, point, tour_length
from desktop.routing.layout import DEMO_LAYOUT, Layout, Position, picks_from_positions
from desktop.routing.planner import RoutePlanner, group_stops

SIZES = (5, 10, 30, 60, 100)
BLOCKS = (1, 2, 3, 4)
METHODS = ("optimal", "heuristic", "combined", "largest-gap", "sshape", "location")


def make_instance(rng: random.Random, blocks: int, n: int) -> tuple[Layout, list]:
    aisles = rng.randint(8, 30)
    slots = rng.choice([10, 20, 30])
    spacing = rng.choice([2.5, 3.0, 4.0])
    depot = rng.choice([0.0, (aisles - 1) * spacing / 2, spacing * rng.randint(0, 2 * aisles - 2) / 2])
    layout = Layout(aisles, blocks, rng.choice([10.0, 20.0, 30.0]), spacing, slots, depot)
    positions = [Position(rng.randrange(aisles), rng.randrange(blocks), rng.randrange(slots)) for _ in range(n)]
    return layout, picks_from_positions(positions)


def held_karp(matrix: list[list[float]]) -> float:
    n = len(matrix) - 1
    best = {(1 << i, i): matrix[0][i + 1] for i in range(n)}
    for size in range(2, n + 1):
        for subset in itertools.combinations(range(n), size):
            mask = sum(1 << i for i in subset)
            for last in subset:
                prev = mask & ~(1 << last)
                best[(mask, last)] = min(best[(prev, k)] + matrix[k + 1][last + 1] for k in subset if k != last)
    full = (1 << n) - 1
    return min(best[(full, i)] + matrix[i + 1][0] for i in range(n))


def ortools_length(matrix: list[list[float]], limit_ms: int) -> tuple[float, float] | None:
    try:
        from ortools.constraint_solver import pywrapcp, routing_enums_pb2
    except ImportError:
        return None
    n = len(matrix)
    scaled = [[int(round(d * 1000)) for d in row] for row in matrix]
    started = time.perf_counter()
    manager = pywrapcp.RoutingIndexManager(n, 1, 0)
    routing = pywrapcp.RoutingModel(manager)
    callback = routing.RegisterTransitCallback(lambda i, j: scaled[manager.IndexToNode(i)][manager.IndexToNode(j)])
    routing.SetArcCostEvaluatorOfAllVehicles(callback)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.time_limit.FromMilliseconds(limit_ms)
    solution = routing.SolveWithParameters(params)
    elapsed = (time.perf_counter() - started) * 1000
    if solution is None:  # no first solution within the limit
        return float("nan"), elapsed
    index = routing.Start(0)
    order = []
    while not routing.IsEnd(index):
        node = manager.IndexToNode(index)
        if node:
            order.append(node)
        index = solution.Value(routing.NextVar(index))
    return tour_length(matrix, order), elapsed


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def routes_table(quick: bool, use_ortools: bool) -> str:
    per_cell = 5 if quick else 12
    ortools_limits = (10, 100, 1000)
    ortools_cap = {10: per_cell, 100: per_cell, 1000: 1 if quick else 3}  # instances per (size, blocks)
    have_ortools = use_ortools and ortools_length([[0.0, 1.0], [1.0, 0.0]], 10) is not None
    gaps: dict[tuple[str, int, int], list[float]] = {}
    times: dict[tuple[str, int, int], list[float]] = {}
    hk_checked = 0
    failures: dict[int, int] = {}
    for n in SIZES:
        for blocks in BLOCKS:
            rng = random.Random(1000 * n + blocks)
            for _ in range(per_cell):
                layout, picks = make_instance(rng, blocks, n)
                positions, _ = group_stops(picks)
                planner = RoutePlanner(layout)
                optimum, _ = optimal_route(layout, positions)
                matrix = distance_matrix(layout, [depot_point(layout)] + [point(layout, p) for p in positions])
                if len(positions) <= 10:
                    assert abs(held_karp(matrix) - optimum) < 1e-6, "exact DP disagrees with Held-Karp"
                    hk_checked += 1
                for method in METHODS:
                    started = time.perf_counter()
                    route = planner.plan(picks, method)
                    elapsed = (time.perf_counter() - started) * 1000
                    gaps.setdefault((method, n, blocks), []).append(max(route.distance / optimum - 1, 0.0))
                    times.setdefault((method, n, blocks), []).append(elapsed)
                if have_ortools:
                    for limit in ortools_limits:
                        if len(gaps.get((f"OR-Tools {limit} ms", n, blocks), [])) >= ortools_cap[limit]:
                            continue
                        length, elapsed = ortools_length(matrix, limit)
                        if length != length:
                            failures[limit] = failures.get(limit, 0) + 1
                            length = float("inf")
                        gaps.setdefault((f"OR-Tools {limit} ms", n, blocks), []).append(max(length / optimum - 1, 0.0))
                        times.setdefault((f"OR-Tools {limit} ms", n, blocks), []).append(elapsed)
    methods = list(METHODS) + ([f"OR-Tools {limit} ms" for limit in ortools_limits] if have_ortools else [])
    out = []
    out.append(
        f"{per_cell} instances per (picks, blocks) cell, blocks 1-4 pooled per row unless split below; "
        f"Held-Karp confirmed the exact optimum on all {hk_checked} instances with at most 10 stops.\n"
    )
    if not have_ortools:
        out.append("OR-Tools is not installed (optional: `.venv/bin/pip install ortools`): its rows are left out.\n")
    for limit, count in sorted(failures.items()):
        out.append(f"OR-Tools found no route within {limit} ms on {count} instance(s): counted as an infinite gap.\n")
    out.append("| picks | method | mean gap | max gap | median ms | p95 ms | routes |")
    out.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for n in SIZES:
        for method in methods:
            g = [x for b in BLOCKS for x in gaps.get((method, n, b), [])]
            t = [x for b in BLOCKS for x in times.get((method, n, b), [])]
            if not g:
                continue
            out.append(
                f"| {n} | {method} | {100 * statistics.mean(g):.2f} % | {100 * max(g):.2f} % | "
                f"{statistics.median(t):.1f} | {pct(t, 0.95):.1f} | {len(g)} |"
            )
    out.append("\nThe planner (`optimal`) by number of blocks (exact up to three blocks, heuristic + local search with four):\n")
    out.append("| picks | blocks | mean gap | max gap | median ms | p95 ms |")
    out.append("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in SIZES:
        for blocks in BLOCKS:
            g, t = gaps[("optimal", n, blocks)], times[("optimal", n, blocks)]
            out.append(f"| {n} | {blocks} | {100 * statistics.mean(g):.2f} % | {100 * max(g):.2f} % | {statistics.median(t):.1f} | {pct(t, 0.95):.1f} |")
    out.append("\nThe heuristic (classic-policy start + 2-opt / Or-opt / iterated local search) forced on every instance, by blocks:\n")
    out.append("| picks | blocks | mean gap | max gap | median ms | p95 ms |")
    out.append("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in SIZES:
        for blocks in BLOCKS:
            g, t = gaps[("heuristic", n, blocks)], times[("heuristic", n, blocks)]
            out.append(f"| {n} | {blocks} | {100 * statistics.mean(g):.2f} % | {100 * max(g):.2f} % | {statistics.median(t):.1f} | {pct(t, 0.95):.1f} |")
    return "\n".join(out)


def batching_table(quick: bool) -> str:
    rng = random.Random(42)
    now = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)
    count = 120 if quick else 300
    orders = []
    for k in range(count):
        lines = tuple(
            OrderLine(f"O{k}-{i}", Position(rng.randrange(DEMO_LAYOUT.aisles), rng.randrange(DEMO_LAYOUT.blocks), rng.randrange(DEMO_LAYOUT.slots)))
            for i in range(rng.choice([1, 1, 1, 2, 2, 3, 4, 6]))
        )
        orders.append(
            ReadyOrder(
                order_id=f"O{k:04d}",
                lines=lines,
                totes=1 if len(lines) < 4 else 2,
                volume_litres=rng.uniform(2.0, 12.0) * len(lines),
                priority_class=rng.choices(["normal", "expedited", "urgent"], [85, 10, 5])[0],
                promised_ship_by=now + timedelta(hours=rng.uniform(-1, 30)),
                gift=rng.random() < 0.1,
                created_at=now - timedelta(hours=rng.uniform(0, 24)),
            )
        )
    planner = RoutePlanner(DEMO_LAYOUT)
    lines = sum(len(o.lines) for o in orders)
    single = sum(b.route.distance for b in single_order_trips(DEMO_LAYOUT, orders, planner))
    out = [f"{count} orders ({lines} lines) on `DEMO_LAYOUT`; one-order-per-trip walks {single / lines:.1f} m per line.\n"]
    out.append("| cart (totes / litres) | batches | walk per line | vs one order per trip | planning s |")
    out.append("| --- | ---: | ---: | ---: | ---: |")
    for totes, litres in ((4, 80.0), (8, 160.0), (12, 240.0)):
        started = time.perf_counter()
        batches = plan_batches(DEMO_LAYOUT, orders, CartCapacity(totes, litres), now, planner=planner)
        elapsed = time.perf_counter() - started
        walked = sum(b.route.distance for b in batches)
        out.append(f"| {totes} / {litres:.0f} | {len(batches)} | {walked / lines:.1f} m | {100 * walked / single:.0f} % | {elapsed:.1f} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer instances (about a minute or two)")
    parser.add_argument("--no-ortools", action="store_true", help="skip OR-Tools even when installed")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    print("### Routes\n")
    print(routes_table(args.quick, not args.no_ortools))
    print("\n### Batching\n")
    print(batching_table(args.quick))
    print(f"\n(benchmark ran {time.perf_counter() - started:.0f} s, Python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
