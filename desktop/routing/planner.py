"""Pick routes: the visiting order of a pick list and the walk it takes.

``RoutePlanner(layout).plan(picks)`` is the entry point. Picks at the same position collapse to one
stop. The ``optimal`` policy is exact (the column dynamic programme of :mod:`desktop.routing.exact`)
for layouts up to ``exact_max_blocks`` blocks — three by default, which still plans a 100-pick route
in a few milliseconds — and otherwise builds a route from the best classic policy and improves it
by local search (:mod:`desktop.routing.improve`). ``heuristic`` forces the second path.

``replan(remaining_picks, current_position)`` re-plans the rest of a route from where the picker
stands (after a skipped stop or a line moved to another bin) back to the depot.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.routing.exact import optimal_route
from desktop.routing.graph import depot_point, distance_matrix, point
from desktop.routing.improve import iterated_local_search, walk_length
from desktop.routing.layout import Layout, Pick, Position
from desktop.routing.policies import POLICIES, ROTATABLE

PLANNER_POLICIES = ("optimal", "heuristic", "sshape", "largest-gap", "combined", "location")


@dataclass(frozen=True, slots=True)
class Stop:
    """One place the picker stops at, the lines picked there, and the metres walked to reach it."""

    position: Position
    pick_ids: tuple[str, ...]
    walked: float


@dataclass(frozen=True, slots=True)
class Route:
    """A planned walk: from ``start`` (the depot unless re-planned) through the stops to the depot."""

    stops: tuple[Stop, ...]
    distance: float
    policy: str
    start: Position | None = None

    @property
    def sequence(self) -> list[str]:
        return [pick_id for stop in self.stops for pick_id in stop.pick_ids]

    def to_json(self) -> dict[str, object]:
        return {"distance": round(self.distance, 6), "sequence": self.sequence}


def group_stops(picks: Iterable[Pick]) -> tuple[list[Position], list[list[str]]]:
    """Distinct positions in first-seen order, with the pick ids at each."""
    index: dict[Position, int] = {}
    positions: list[Position] = []
    ids: list[list[str]] = []
    for pick in picks:
        slot = index.get(pick.position)
        if slot is None:
            index[pick.position] = len(positions)
            positions.append(pick.position)
            ids.append([pick.id])
        else:
            ids[slot].append(pick.id)
    return positions, ids


def best_rotation(matrix: Sequence[Sequence[float]], cycle: Sequence[int], start: int = 0, end: int = 0) -> list[int]:
    """Open the cycle of nodes where the walk start -> ... -> end is shortest (either direction)."""
    n = len(cycle)
    if n <= 1:
        return list(cycle)
    row_s, row_e = matrix[start], matrix[end]
    best_cost, best = float("inf"), list(cycle)
    for k in range(n):
        a, b = cycle[k - 1], cycle[k]  # cut the cycle edge a-b
        edge = matrix[a][b]
        forward = row_s[b] + row_e[a] - edge  # start -> b ... a -> end
        backward = row_s[a] + row_e[b] - edge  # start -> a ... b -> end
        if forward < best_cost:
            best_cost, best = forward, list(cycle[k:]) + list(cycle[:k])
        if backward < best_cost:
            best_cost, best = backward, list(reversed(list(cycle[k:]) + list(cycle[:k])))
    return best


class RoutePlanner:
    """Plans routes in one layout. Cheap to create; keeps nothing between calls but the layout."""

    def __init__(self, layout: Layout, *, exact_max_blocks: int = 3, search_rounds: int | None = None) -> None:
        self.layout = layout
        self.exact_max_blocks = exact_max_blocks
        self.search_rounds = search_rounds
        self._depot = depot_point(layout)

    def _rounds(self, n: int) -> int:
        if self.search_rounds is not None:
            return self.search_rounds
        return 40 if n <= 40 else (25 if n <= 70 else 15)

    def plan(self, picks: Sequence[Pick], policy: str = "optimal") -> Route:
        if policy not in PLANNER_POLICIES:
            raise ValueError(f"unknown routing policy {policy!r}; choose one of {', '.join(PLANNER_POLICIES)}")
        positions, ids = group_stops(picks)
        if not positions:
            return Route((), 0.0, policy)
        layout = self.layout
        points = [self._depot] + [point(layout, p) for p in positions]
        matrix = distance_matrix(layout, points)
        if policy == "optimal" and layout.blocks <= self.exact_max_blocks:
            _, order = optimal_route(layout, positions)
            walk = [0] + [i + 1 for i in order] + [0]
        elif policy in ("optimal", "heuristic"):
            walk = self._heuristic_walk(matrix, positions, 0)
        else:
            order = [i + 1 for i in POLICIES[policy](layout, positions)]
            if policy in ROTATABLE:
                order = best_rotation(matrix, order)
            walk = [0] + order + [0]
        return self._route(matrix, walk, positions, ids, policy, None)

    def replan(self, remaining_picks: Sequence[Pick], current_position: Position | None) -> Route:
        """The rest of a route: from ``current_position`` (None: the depot) through the picks to the depot."""
        if current_position is None:
            return self.plan(remaining_picks)
        self.layout.check(current_position)
        positions, ids = group_stops(remaining_picks)
        layout = self.layout
        points = [self._depot] + [point(layout, p) for p in positions] + [point(layout, current_position)]
        matrix = distance_matrix(layout, points)
        start = len(points) - 1
        walk = self._heuristic_walk(matrix, positions, start)
        return self._route(matrix, walk, positions, ids, "optimal", current_position)

    def _heuristic_walk(self, matrix: list[list[float]], positions: list[Position], start: int) -> list[int]:
        """Best classic policy as a start, then iterated local search; the walk runs start -> ... -> 0."""
        best_walk: list[int] | None = None
        best_length = float("inf")
        if positions:
            for name in ("combined", "largest-gap", "sshape"):
                order = best_rotation(matrix, [i + 1 for i in POLICIES[name](self.layout, positions)], start, 0)
                walk = [start] + order + [0]
                length = walk_length(matrix, walk)
                if length < best_length:
                    best_walk, best_length = walk, length
        else:
            best_walk = [start, 0]
        assert best_walk is not None
        return iterated_local_search(matrix, best_walk, self._rounds(len(positions)))

    def _route(self, matrix, walk, positions, ids, policy, start) -> Route:
        stops: list[Stop] = []
        walked = 0.0
        for a, b in zip(walk, walk[1:-1]):
            walked += matrix[a][b]
            stops.append(Stop(positions[b - 1], tuple(ids[b - 1]), walked))
        return Route(tuple(stops), walk_length(matrix, walk), policy, start)


def plan_route(layout: Layout, picks: Sequence[Pick], policy: str = "optimal") -> Route:
    """The route for a pick list: ``RoutePlanner(layout).plan(picks, policy)``."""
    return RoutePlanner(layout).plan(picks, policy)


def replan(layout: Layout, remaining_picks: Sequence[Pick], current_position: Position | None) -> Route:
    """Re-plan the rest of a route from where the picker stands: ``RoutePlanner(layout).replan(...)``."""
    return RoutePlanner(layout).replan(remaining_picks, current_position)
