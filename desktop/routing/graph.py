"""Walking distances in a rectangular warehouse.

The picker walks along aisle and cross-aisle centre lines and changes aisle only on a cross aisle,
so the shortest walk between two points is known in closed form (O(1) per pair):

* same aisle: ``|dy|`` (an aisle runs straight through every cross aisle);
* different aisles, with a cross aisle between the two points (different blocks, or one point on
  a cross aisle, like the depot): ``|dx| + |dy|``;
* different aisles in the same block: ``|dx| + min(y1 + y2 - 2 * front, 2 * back - y1 - y2)``,
  leaving the block by its front or its back cross aisle, whichever is shorter.

A point is kept as a plain tuple ``(column, x, y, block)``: ``column`` identifies the aisle (or the
depot's own column when the depot is between aisles) and ``block`` is -1 for a point on a cross aisle.
Plain tuples and lists of floats keep the planner fast in pure Python.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.routing.layout import Layout, Position

Point = tuple[int, float, float, int]

_SAME_X = 1e-9


def depot_column(layout: Layout) -> int:
    """The aisle the depot stands in front of, or -1 when it lies between (or beyond) aisles."""
    aisle = round(layout.depot_x / layout.aisle_spacing)
    if 0 <= aisle < layout.aisles and abs(aisle * layout.aisle_spacing - layout.depot_x) < _SAME_X:
        return aisle
    return -1


def depot_point(layout: Layout) -> Point:
    return (depot_column(layout), layout.depot_x, 0.0, -1)


def point(layout: Layout, position: Position) -> Point:
    return (
        position.aisle,
        position.aisle * layout.aisle_spacing,
        layout.slot_y(position.block, position.slot),
        position.block,
    )


def distance(layout: Layout, p: Point, q: Point) -> float:
    """Shortest walking distance between two points of this layout."""
    if p[0] == q[0]:
        return abs(p[2] - q[2])
    d = abs(p[1] - q[1])
    bp = p[3]
    if bp != q[3] or bp < 0:
        return d + abs(p[2] - q[2])
    front = bp * layout.block_length
    s = p[2] + q[2]
    return d + min(s - 2.0 * front, 2.0 * (front + layout.block_length) - s)


def distance_matrix(layout: Layout, points: Sequence[Point]) -> list[list[float]]:
    """All pairwise walking distances, as a list of rows of floats."""
    length = layout.block_length
    n = len(points)
    rows = [[0.0] * n for _ in range(n)]
    for i in range(n):
        ci, xi, yi, bi = points[i]
        row = rows[i]
        front = bi * length
        back = front + length
        for j in range(i + 1, n):
            cj, xj, yj, bj = points[j]
            if ci == cj:
                d = yi - yj if yi > yj else yj - yi
            else:
                d = xi - xj if xi > xj else xj - xi
                if bi != bj or bi < 0:
                    d += yi - yj if yi > yj else yj - yi
                else:
                    s = yi + yj
                    via_front = s - 2.0 * front
                    via_back = 2.0 * back - s
                    d += via_front if via_front < via_back else via_back
            row[j] = d
            rows[j][i] = d
    return rows


def tour_length(matrix: Sequence[Sequence[float]], order: Sequence[int]) -> float:
    """Length of the closed walk 0 -> order... -> 0 (index 0 is the depot)."""
    total = 0.0
    previous = 0
    for node in order:
        total += matrix[previous][node]
        previous = node
    return total + matrix[previous][0]
