"""Exact shortest pick routes by dynamic programming over the aisles, left to right.

This is Ratliff & Rosenthal's (1983) method, in the form that extends it to several cross aisles
(Roodbergen & de Koster 2001 for two blocks; the same state space, written generally, is the one of
Pansart, Catusse & Cambazard 2018). A shortest route corresponds to a *tour subgraph* of the
walking graph: a multigraph on the aisle/cross-aisle crossings and the pick positions that is
connected, contains the depot and every pick, and has only even degrees (an Euler circuit then
walks it). The programme builds that subgraph column by column. Between two columns its state is,
for every cross aisle, how many copies (0, 1, 2) of the horizontal edge it uses, and which of those
edges are already connected on the left — Ratliff & Rosenthal's equivalence classes (degree parity
+ connectivity). Inside a column, each block's aisle segment is covered in one of six ways: not at
all, traversed once, traversed twice, entered from the front and returned, entered from the back
and returned, or entered from both ends leaving out the largest gap between picks.

Transitions depend only on the state and the choice, never on the instance, so they are computed
once and cached; solving an instance is table look-ups and float additions. With one or two blocks
there are a few dozen states per column, which keeps a 60-pick route in the low milliseconds.
The route itself is read back from the choices: the chosen subgraph is built explicitly, walked by
an Euler circuit from the depot, and the picks are listed in the order the circuit first meets them.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product

from desktop.routing.graph import depot_column
from desktop.routing.layout import Layout, Position

NONE, FULL1, FULL2, FRONT, BACK, GAP = range(6)
_DONE = ("done",)
_INF = float("inf")

# Caches of instance-independent transitions, shared by every call.
_segment_cache: dict[tuple[tuple[int, ...], int, int], tuple[int, ...]] = {}
_horizontal_cache: dict[tuple[tuple[int, ...], bool, bool, bool], list[tuple[object, tuple[int, ...], int]]] = {}


def _canonical(parities: Sequence[int], labels: Sequence[int]) -> tuple[int, ...]:
    mapping: dict[int, int] = {}
    out: list[int] = []
    for parity, label in zip(parities, labels):
        if label:
            label = mapping.setdefault(label, len(mapping) + 1)
        out.append(parity)
        out.append(label)
    return tuple(out)


def _segment(state: tuple[int, ...], block: int, option: int) -> tuple[int, ...]:
    """The vertex state after covering the segment of ``block`` in this column with ``option``."""
    key = (state, block, option)
    cached = _segment_cache.get(key)
    if cached is not None:
        return cached
    parities = list(state[0::2])
    labels = list(state[1::2])
    fresh = max(labels) + 1
    low, high = block, block + 1
    touched = {FULL1: (low, high), FULL2: (low, high), GAP: (low, high), FRONT: (low,), BACK: (high,)}.get(option, ())
    for row in touched:
        if not labels[row]:
            labels[row] = fresh
            fresh += 1
    if option in (FULL1, FULL2):
        old, new = labels[high], labels[low]
        labels = [new if label == old else label for label in labels]
    if option == FULL1:
        parities[low] ^= 1
        parities[high] ^= 1
    result = _canonical(parities, labels)
    _segment_cache[key] = result
    return result


def _horizontal(state: tuple[int, ...], depot_here: bool, may_finish: bool, last: bool) -> list[tuple[object, tuple[int, ...], int]]:
    """The ways to leave a column rightwards: (next state or _DONE, copies per cross aisle, total copies)."""
    key = (state, depot_here, may_finish, last)
    cached = _horizontal_cache.get(key)
    if cached is not None:
        return cached
    parities = state[0::2]
    labels = list(state[1::2])
    if depot_here and not labels[0]:
        labels[0] = max(labels) + 1
        depot_spur = True
    else:
        depot_spur = False
    choices: list[tuple[int, ...]] = []
    for row, (parity, label) in enumerate(zip(parities, labels)):
        if parity:
            choices.append((1,))
        elif depot_spur and row == 0:
            choices.append((2,))
        elif label:
            choices.append((0, 2))
        else:
            choices.append((0,))
    active = {label for label in labels if label}
    result: list[tuple[object, tuple[int, ...], int]] = []
    for copies in product(*choices):
        if last and any(copies):
            continue
        continuing = {label for label, c in zip(labels, copies) if c}
        if continuing == active:
            if not active and last:
                continue
            result.append((_canonical([c for c in copies], [lab if c else 0 for lab, c in zip(labels, copies)]), copies, sum(copies)))
        elif may_finish and not any(copies) and len(active) == 1 and not depot_spur:
            result.append((_DONE, copies, 0))
    _horizontal_cache[key] = result
    return result


def _segment_options(ys: list[float], length: float) -> list[tuple[int, float]]:
    if not ys:
        return [(NONE, 0.0), (FULL1, length), (FULL2, 2.0 * length)]
    options = [(FULL1, length), (FULL2, 2.0 * length), (FRONT, 2.0 * ys[-1]), (BACK, 2.0 * (length - ys[0]))]
    if len(ys) > 1:
        largest = max(b - a for a, b in zip(ys, ys[1:]))
        options.append((GAP, 2.0 * (length - largest)))
    return options


def optimal_route(layout: Layout, stops: Sequence[Position]) -> tuple[float, list[int]]:
    """The shortest closed route from the depot through every stop (distinct positions).

    Returns its length and the visiting order as indices into ``stops``. Exact for any number of
    blocks, but the state space grows quickly with the blocks: meant for one to three blocks.
    """
    if not stops:
        return 0.0, []
    length = layout.block_length
    blocks = layout.blocks
    rows = blocks + 1
    dep_col = depot_column(layout)

    # Columns left to right: (x, aisle or -1, depot here).
    pick_aisles = sorted({stop.aisle for stop in stops})
    xs_required = [a * layout.aisle_spacing for a in pick_aisles] + [layout.depot_x]
    lo_x, hi_x = min(xs_required), max(xs_required)
    aisles = [a for a in range(layout.aisles) if lo_x - 1e-9 <= a * layout.aisle_spacing <= hi_x + 1e-9]
    if dep_col < 0:
        # The depot between aisles (or beyond them): give the tour one aisle on the depot's far side.
        left = [a for a in range(layout.aisles) if a * layout.aisle_spacing < layout.depot_x]
        right = [a for a in range(layout.aisles) if a * layout.aisle_spacing > layout.depot_x]
        if layout.depot_x <= lo_x and right and right[0] not in aisles:
            aisles.append(right[0])
        if layout.depot_x >= hi_x and left and left[-1] not in aisles:
            aisles.append(left[-1])
    columns: list[tuple[float, int, bool]] = [(a * layout.aisle_spacing, a, a == dep_col) for a in aisles]
    if dep_col < 0:
        columns.append((layout.depot_x, -1, True))
    columns.sort()
    required_x = max(xs_required)
    last_required = max(j for j, col in enumerate(columns) if col[0] <= required_x + 1e-9)

    # Stops per (aisle, block), sorted by position within the block.
    per_segment: dict[tuple[int, int], list[tuple[float, int]]] = {}
    for index, stop in enumerate(stops):
        y = (stop.slot + 0.5) * length / layout.slots
        per_segment.setdefault((stop.aisle, stop.block), []).append((y, index))
    for entries in per_segment.values():
        entries.sort()

    start = tuple([0] * (2 * rows))
    current: dict[tuple[int, ...], float] = {start: 0.0}
    segment_back: list[list[dict]] = []
    horizontal_back: list[dict] = []
    best_done = (_INF, -1, None, None)
    ncols = len(columns)
    for j, (x, aisle, depot_here) in enumerate(columns):
        # Horizontal states convert one-to-one into vertex states: copies -> parity, label kept.
        states = {tuple(v & 1 if k % 2 == 0 else v for k, v in enumerate(h)): c for h, c in current.items()}
        column_back: list[dict] = []
        if aisle >= 0:
            for block in range(blocks):
                ys = [y for y, _ in per_segment.get((aisle, block), ())]
                options = _segment_options(ys, length)
                nxt: dict[tuple[int, ...], float] = {}
                back: dict[tuple[int, ...], tuple[tuple[int, ...], int]] = {}
                for state, cost in states.items():
                    for option, weight in options:
                        new_state = _segment(state, block, option)
                        new_cost = cost + weight
                        if new_cost < nxt.get(new_state, _INF):
                            nxt[new_state] = new_cost
                            back[new_state] = (state, option)
                states = nxt
                column_back.append(back)
        segment_back.append(column_back)
        last = j == ncols - 1
        may_finish = j >= last_required
        dx = 0.0 if last else columns[j + 1][0] - x
        nxt_h: dict[tuple[int, ...], float] = {}
        back_h: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        for state, cost in states.items():
            for new_state, copies, total in _horizontal(state, depot_here, may_finish, last):
                new_cost = cost + total * dx
                if new_state is _DONE:
                    if new_cost < best_done[0]:
                        best_done = (new_cost, j, state, copies)
                elif new_cost < nxt_h.get(new_state, _INF):
                    nxt_h[new_state] = new_cost
                    back_h[new_state] = (state, copies)
        horizontal_back.append(back_h)
        current = nxt_h
        if not current:
            break

    best, j_done, state, _ = best_done
    if j_done < 0:  # pragma: no cover - a layout always admits a tour
        raise RuntimeError("no tour subgraph found")

    # Read the choices back, right to left.
    chosen_segments: list[tuple[int, int, int]] = []  # (column, block, option)
    chosen_horizontal: list[tuple[int, tuple[int, ...]]] = []
    j = j_done
    while j >= 0:
        for block in range(len(segment_back[j]) - 1, -1, -1):
            state, option = segment_back[j][block][state]
            chosen_segments.append((j, block, option))
        if j == 0:
            break
        # The vertex state came from the previous column's horizontal state with the same labels.
        h_state = _find_horizontal(horizontal_back[j - 1], state)
        state, copies = horizontal_back[j - 1][h_state]
        chosen_horizontal.append((j - 1, copies))
        j -= 1

    order = _euler_order(columns, chosen_segments, chosen_horizontal, per_segment, rows, stops)
    return best, order


def _find_horizontal(back_h: dict, vertex_state: tuple[int, ...]) -> tuple[int, ...]:
    # Copies 1 -> parity 1; copies 2 -> parity 0 with a label; copies 0 -> parity 0 without one.
    h = []
    for k in range(0, len(vertex_state), 2):
        parity, label = vertex_state[k], vertex_state[k + 1]
        h.append(1 if parity else (2 if label else 0))
        h.append(label)
    key = tuple(h)
    if key not in back_h:  # pragma: no cover - guarded by construction
        raise RuntimeError("inconsistent back pointers")
    return key


def _euler_order(columns, chosen_segments, chosen_horizontal, per_segment, rows, stops) -> list[int]:
    """Build the chosen subgraph, walk an Euler circuit from the depot, list the stops first met."""
    adjacency: dict[object, list[tuple[object, int]]] = {}
    used: list[bool] = []

    def add(u: object, v: object, copies: int = 1) -> None:
        for _ in range(copies):
            edge = len(used)
            used.append(False)
            adjacency.setdefault(u, []).append((v, edge))
            adjacency.setdefault(v, []).append((u, edge))

    for j, block, option in chosen_segments:
        if option == NONE:
            continue
        aisle = columns[j][1]
        entries = per_segment.get((aisle, block), [])
        chain: list[object] = [("v", j, block)] + [("p", index) for _, index in entries] + [("v", j, block + 1)]
        k = len(entries)
        if option in (FULL1, FULL2):
            copies = 1 if option == FULL1 else 2
            for a, b in zip(chain, chain[1:]):
                add(a, b, copies)
        elif option == FRONT:
            for a, b in zip(chain[: k], chain[1 : k + 1]):
                add(a, b, 2)
        elif option == BACK:
            for a, b in zip(chain[1 : k + 1], chain[2:]):
                add(a, b, 2)
        elif option == GAP:
            ys = [y for y, _ in entries]
            gaps = [ys[i + 1] - ys[i] for i in range(k - 1)]
            g = gaps.index(max(gaps)) + 1  # chain[g] is the pick below the gap
            for a, b in zip(chain[:g], chain[1 : g + 1]):
                add(a, b, 2)
            for a, b in zip(chain[g + 1 : k + 1], chain[g + 2 :]):
                add(a, b, 2)
    for j, copies in chosen_horizontal:
        for row, c in enumerate(copies):
            if c:
                add(("v", j, row), ("v", j + 1, row), c)

    depot_j = next(j for j, col in enumerate(columns) if col[2])
    start = ("v", depot_j, 0)
    # Hierholzer's algorithm, iterative.
    pointer: dict[object, int] = {}
    stack = [start]
    circuit: list[object] = []
    while stack:
        u = stack[-1]
        edges = adjacency.get(u, [])
        i = pointer.get(u, 0)
        while i < len(edges) and used[edges[i][1]]:
            i += 1
        pointer[u] = i
        if i == len(edges):
            circuit.append(stack.pop())
        else:
            v, edge = edges[i]
            used[edge] = True
            stack.append(v)
    circuit.reverse()
    order: list[int] = []
    seen: set[int] = set()
    for node in circuit:
        if node[0] == "p" and node[1] not in seen:
            seen.add(node[1])
            order.append(node[1])
    if len(order) != len(stops):  # pragma: no cover - guarded by construction
        raise RuntimeError("the tour subgraph misses a stop")
    return order
