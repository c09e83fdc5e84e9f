"""Reference computations for the routing tests, written independently of desktop.routing.

Distances come from Dijkstra on an explicit walking graph built straight from the format page:
aisle centre lines, cross-aisle centre lines, the depot, and the pick points on the aisles. The
optimum comes from Held–Karp dynamic programming over subsets.
"""

from __future__ import annotations

import heapq
import itertools


def coordinates(layout: dict, aisle: int, block: int, slot: int) -> tuple[float, float]:
    length = layout["block_length"]
    return (aisle * layout["aisle_spacing"], block * length + (slot + 0.5) * length / layout["slots"])


class WalkingGraph:
    def __init__(self, layout: dict, points: list[tuple[float, float]]) -> None:
        self.nodes: dict[tuple[float, float], int] = {}
        self.edges: dict[int, list[tuple[int, float]]] = {}
        spacing, length = layout["aisle_spacing"], layout["block_length"]
        depot = (float(layout["depot_x"]), 0.0)
        aisle_xs = [a * spacing for a in range(layout["aisles"])]
        cross_ys = [c * length for c in range(layout["blocks"] + 1)]
        on_aisle: dict[float, set[float]] = {x: set(cross_ys) for x in aisle_xs}
        on_cross: dict[float, set[float]] = {y: set(aisle_xs) for y in cross_ys}
        on_cross[0.0].add(depot[0])
        for x, y in points:
            on_aisle[x].add(y)
        for x, ys in on_aisle.items():
            ordered = sorted(ys)
            for a, b in zip(ordered, ordered[1:]):
                self._edge((x, a), (x, b), b - a)
        for y, xs in on_cross.items():
            ordered = sorted(xs)
            for a, b in zip(ordered, ordered[1:]):
                self._edge((a, y), (b, y), b - a)
        self.depot = depot

    def _node(self, p: tuple[float, float]) -> int:
        return self.nodes.setdefault(p, len(self.nodes))

    def _edge(self, p, q, w: float) -> None:
        a, b = self._node(p), self._node(q)
        self.edges.setdefault(a, []).append((b, w))
        self.edges.setdefault(b, []).append((a, w))

    def shortest(self, source: tuple[float, float]) -> dict[int, float]:
        start = self.nodes[source]
        best = {start: 0.0}
        queue = [(0.0, start)]
        while queue:
            d, u = heapq.heappop(queue)
            if d > best.get(u, float("inf")):
                continue
            for v, w in self.edges.get(u, []):
                if d + w < best.get(v, float("inf")) - 1e-12:
                    best[v] = d + w
                    heapq.heappush(queue, (d + w, v))
        return best

    def matrix(self, points: list[tuple[float, float]]) -> list[list[float]]:
        """Distances among [depot] + points."""
        everything = [self.depot] + points
        rows = []
        for p in everything:
            dist = self.shortest(p)
            rows.append([dist[self.nodes[q]] for q in everything])
        return rows


def route_length(layout: dict, picks: list[dict], sequence: list[str]) -> float:
    """Length of depot -> picks in ``sequence`` order -> depot, by Dijkstra."""
    by_id = {p["id"]: coordinates(layout, p["aisle"], p["block"], p["slot"]) for p in picks}
    points = [by_id[i] for i in sequence]
    graph = WalkingGraph(layout, list(by_id.values()))
    distinct = list(dict.fromkeys(points))
    matrix = graph.matrix(distinct)
    index = {p: k + 1 for k, p in enumerate(distinct)}
    walk = [0] + [index[p] for p in points] + [0]
    return sum(matrix[a][b] for a, b in zip(walk, walk[1:]))


def held_karp(layout: dict, picks: list[dict]) -> float:
    """The shortest closed route through every pick position (exact, small instances only)."""
    points = list(dict.fromkeys(coordinates(layout, p["aisle"], p["block"], p["slot"]) for p in picks))
    n = len(points)
    if n == 0:
        return 0.0
    d = WalkingGraph(layout, points).matrix(points)
    best: dict[tuple[int, int], float] = {(1 << i, i): d[0][i + 1] for i in range(n)}
    for size in range(2, n + 1):
        for subset in itertools.combinations(range(n), size):
            mask = sum(1 << i for i in subset)
            for last in subset:
                prev_mask = mask & ~(1 << last)
                best[(mask, last)] = min(best[(prev_mask, k)] + d[k + 1][last + 1] for k in subset if k != last)
    full = (1 << n) - 1
    return min(best[(full, i)] + d[i + 1][0] for i in range(n))
