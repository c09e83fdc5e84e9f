"""The classic routing policies, kept to compare the planner with what warehouses use.

Each policy decides a visiting order of the stops (distinct positions); the route walks that order
by shortest paths, so its length is measured exactly like the planner's (the format's definition).
For several blocks the policies follow Roodbergen & de Koster (2001), "Routing methods for
warehouses with multiple cross aisles": go up the leftmost pick aisle to the farthest block that
has picks, handle that block, then each block towards the front, entering it from its back cross
aisle at the end nearest to where the picker stands.

* ``location`` — sort by aisle, block, slot: what most warehouse systems print.
* ``sshape`` — traversal: every aisle segment with picks is walked end to end, alternating direction.
* ``largest_gap`` — per block, the first and last aisle are traversed; the others are entered from
  the back and from the front up to the largest gap between picks (or the ends).
* ``combined`` — Roodbergen's combined heuristic: per block, a two-state dynamic programme chooses
  for each aisle to traverse it or to enter and return, whichever is cheaper given the side the
  picker is on, ending the block on its front.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.routing.layout import Layout, Position

Order = list[int]


def location_order(layout: Layout, stops: Sequence[Position]) -> Order:
    return sorted(range(len(stops)), key=lambda i: (stops[i].aisle, stops[i].block, stops[i].slot))


def _segments(stops: Sequence[Position]) -> dict[tuple[int, int], list[int]]:
    groups: dict[tuple[int, int], list[int]] = {}
    for index, stop in enumerate(stops):
        groups.setdefault((stop.aisle, stop.block), []).append(index)
    for indices in groups.values():
        indices.sort(key=lambda i: stops[i].slot)
    return groups


def _start(stops: Sequence[Position]) -> tuple[dict[tuple[int, int], list[int]], Order, int, int]:
    """The common opening: up the leftmost pick aisle to the farthest block with picks."""
    groups = _segments(stops)
    farthest = max(stop.block for stop in stops)
    leftmost = min(stop.aisle for stop in stops)
    order: Order = []
    for block in range(farthest):
        order.extend(groups.pop((leftmost, block), []))
    return groups, order, farthest, leftmost


def _sweep(aisles: list[int], at: int) -> list[int]:
    """Aisles in the order of a sweep starting at the end nearest to aisle ``at``."""
    aisles = sorted(aisles)
    if abs(aisles[-1] - at) < abs(aisles[0] - at):
        aisles.reverse()
    return aisles


def sshape_order(layout: Layout, stops: Sequence[Position]) -> Order:
    if not stops:
        return []
    groups, order, farthest, at = _start(stops)
    for block in range(farthest, -1, -1):
        aisles = [a for (a, b) in groups if b == block]
        if not aisles:
            continue
        # The farthest block is entered from its front (going up); the others from their back.
        upwards = block == farthest
        for aisle in _sweep(aisles, at):
            indices = groups[(aisle, block)]
            order.extend(indices if upwards else reversed(indices))
            upwards = not upwards
            at = aisle
    return order


def _split_at_largest_gap(layout: Layout, stops: Sequence[Position], indices: list[int]) -> tuple[list[int], list[int]]:
    """(picks reached from the front, picks reached from the back) of one aisle segment."""
    ys = [(stops[i].slot + 0.5) for i in indices]
    gaps = [ys[0]] + [b - a for a, b in zip(ys, ys[1:])] + [layout.slots - ys[-1]]
    g = gaps.index(max(gaps))  # picks before position g go with the front
    return indices[:g], indices[g:]


def largest_gap_order(layout: Layout, stops: Sequence[Position]) -> Order:
    if not stops:
        return []
    groups, order, farthest, at = _start(stops)
    for block in range(farthest, -1, -1):
        aisles = [a for (a, b) in groups if b == block]
        if not aisles:
            continue
        sweep = _sweep(aisles, at)
        if block == farthest:
            # Entered from the front in the first aisle: traverse it up, then as from the back.
            first = groups[(sweep[0], block)]
            order.extend(first)
            sweep = sweep[1:]
            if not sweep:
                at = aisles[0]
                continue
        back_parts, front_parts = [], []
        for aisle in sweep[:-1]:
            front, back = _split_at_largest_gap(layout, stops, groups[(aisle, block)])
            back_parts.append(list(reversed(back)))
            front_parts.append(front)
        for part in back_parts:
            order.extend(part)
        order.extend(reversed(groups[(sweep[-1], block)]))
        for part in reversed(front_parts):
            order.extend(part)
        at = sweep[0]
    return order


def combined_order(layout: Layout, stops: Sequence[Position]) -> Order:
    if not stops:
        return []
    length = float(layout.slots)  # slot units: the comparisons are scale-free
    groups, order, farthest, at = _start(stops)
    for block in range(farthest, -1, -1):
        aisles = [a for (a, b) in groups if b == block]
        if not aisles:
            continue
        sweep = _sweep(aisles, at)
        start_side = 0 if block == farthest else 1  # 0 front, 1 back
        # cost[side] and choices per aisle: "t" traverse (switch side), "r" enter and return.
        cost = [float("inf"), float("inf")]
        cost[start_side] = 0.0
        back: list[tuple[tuple[int, str], tuple[int, str]]] = []
        for aisle in sweep:
            indices = groups[(aisle, block)]
            low = stops[indices[0]].slot + 0.5
            high = stops[indices[-1]].slot + 0.5
            ret = (2.0 * high, 2.0 * (length - low))
            new = [float("inf"), float("inf")]
            step: list[tuple[int, str]] = [(0, "r"), (1, "r")]
            for side in (0, 1):
                # Arrive at `side` by returning on it, or by traversing from the other side.
                via_return = cost[side] + ret[side]
                via_traverse = cost[1 - side] + length
                if via_return <= via_traverse:
                    new[side], step[side] = via_return, (side, "r")
                else:
                    new[side], step[side] = via_traverse, (1 - side, "t")
            back.append((step[0], step[1]))
            cost = new
        side = 0
        plan: list[tuple[int, int, str]] = []
        for aisle, steps in zip(reversed(sweep), reversed(back)):
            previous, how = steps[side]
            plan.append((aisle, previous, how))
            side = previous
        for aisle, from_side, how in reversed(plan):
            indices = groups[(aisle, block)]
            order.extend(indices if from_side == 0 else reversed(indices))
        at = sweep[-1] if len(sweep) > 1 else sweep[0]
    return order


POLICIES: dict[str, Callable[[Layout, Sequence[Position]], Order]] = {
    "sshape": sshape_order,
    "largest-gap": largest_gap_order,
    "combined": combined_order,
    "location": location_order,
}

# Policies whose order is a cycle the depot may enter anywhere (the location order is walked as printed).
ROTATABLE = frozenset({"sshape", "largest-gap", "combined"})
