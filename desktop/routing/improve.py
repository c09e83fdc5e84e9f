"""Local search on a walk with fixed ends, over a matrix of shortest walking distances.

A walk is a list of node indices whose first and last entries stay put (both the depot for a
closed route; the picker's position and the depot for a re-plan). Moves:

* 2-opt — reverse a stretch of the walk;
* Or-opt — move a stretch of 1 to 3 stops elsewhere, as it is or reversed (the reversed insertion
  is the "Or-3opt" move, a restricted Lin–Kernighan step);
* a double-bridge kick between rounds (iterated local search), with a fixed seed so the same
  input always gives the same route.

Everything works on plain lists of floats; the inner loops hold rows of the matrix in locals,
which is what keeps pure Python quick enough for 100 stops.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

_EPS = 1e-9


def walk_length(matrix: Sequence[Sequence[float]], walk: Sequence[int]) -> float:
    return sum(matrix[a][b] for a, b in zip(walk, walk[1:]))


def two_opt(matrix: Sequence[Sequence[float]], walk: list[int]) -> bool:
    """Reverse stretches while that shortens the walk; True if anything changed."""
    n = len(walk)
    changed = False
    improved = True
    while improved:
        improved = False
        for i in range(1, n - 2):
            a = walk[i - 1]
            row_a = matrix[a]
            b = walk[i]
            row_b = matrix[b]
            d_ab = row_a[b]
            for j in range(i + 1, n - 1):
                c = walk[j]
                d = walk[j + 1]
                delta = row_a[c] + row_b[d] - d_ab - matrix[c][d]
                if delta < -_EPS:
                    walk[i : j + 1] = walk[i : j + 1][::-1]
                    b = walk[i]
                    row_b = matrix[b]
                    d_ab = row_a[b]
                    improved = changed = True
    return changed


def or_opt(matrix: Sequence[Sequence[float]], walk: list[int]) -> bool:
    """Move stretches of 1-3 stops (possibly reversed) while that shortens the walk."""
    changed = False
    improved = True
    while improved:
        improved = False
        for size in (1, 2, 3):
            i = 1
            while i + size < len(walk):
                n = len(walk)
                p, u, v, q = walk[i - 1], walk[i], walk[i + size - 1], walk[i + size]
                row_u, row_v = matrix[u], matrix[v]
                gain = matrix[p][u] + row_v[q] - matrix[p][q]
                if gain <= _EPS:
                    i += 1
                    continue
                best, best_k, best_reversed = gain - _EPS, -1, False
                for k in range(n - 1):
                    if i - 1 <= k <= i + size - 1:
                        continue
                    a, b = walk[k], walk[k + 1]
                    d_ab = matrix[a][b]
                    forward = row_u[a] + row_v[b] - d_ab
                    if forward < best:
                        best, best_k, best_reversed = forward, k, False
                    backward = row_v[a] + row_u[b] - d_ab
                    if backward < best:
                        best, best_k, best_reversed = backward, k, True
                if best_k < 0:
                    i += 1
                    continue
                segment = walk[i : i + size]
                if best_reversed:
                    segment.reverse()
                a, b = walk[best_k], walk[best_k + 1]
                del walk[i : i + size]
                k = walk.index(a)
                if walk[k + 1] != b:  # pragma: no cover - a and b stay adjacent by construction
                    raise RuntimeError("or-opt lost its insertion edge")
                walk[k + 1 : k + 1] = segment
                improved = changed = True
    return changed


def local_search(matrix: Sequence[Sequence[float]], walk: list[int]) -> list[int]:
    """2-opt and Or-opt until neither improves; returns the same (modified) list."""
    while True:
        two_opt(matrix, walk)
        if not or_opt(matrix, walk):
            break
    return walk


def _double_bridge(walk: list[int], rng: random.Random) -> list[int]:
    inner = walk[1:-1]
    if len(inner) < 8:
        i, j = sorted(rng.sample(range(len(inner) + 1), 2))
        inner[i:j] = reversed(inner[i:j])
    else:
        a, b, c = sorted(rng.sample(range(1, len(inner)), 3))
        inner = inner[:a] + inner[b:c] + inner[a:b] + inner[c:]
    return [walk[0], *inner, walk[-1]]


def iterated_local_search(matrix: Sequence[Sequence[float]], walk: list[int], rounds: int, seed: int = 0) -> list[int]:
    """Local search, then ``rounds`` kicks each followed by local search, keeping the best walk."""
    best = local_search(matrix, list(walk))
    best_length = walk_length(matrix, best)
    if len(best) <= 4:
        return best
    rng = random.Random(seed)
    for _ in range(rounds):
        candidate = local_search(matrix, _double_bridge(best, rng))
        length = walk_length(matrix, candidate)
        if length < best_length - _EPS:
            best, best_length = candidate, length
    return best
