"""Cart batches: which ready orders go out together on one walk.

Seed-and-savings: the most urgent remaining order seeds a batch; then, while the cart has room
(totes and litres), the order that adds the least walk per added line joins it. The walk an order
adds is estimated by cheapest insertion of its positions into the batch's current walk (O(1)
distances); the finished batch is routed by the planner.

Urgency comes first, by tiers: *rush* (urgent class, or promised ship-by within ``due_soon`` or
past), then expedited, then normal. An order may join a batch only if no order of a more urgent
tier that still fits in the cart is waiting — so a less urgent order never fills a cart while an
urgent one that fits waits for a later batch. Within a tier, walk decides. An order larger than an
empty cart still goes out, alone, rather than waiting forever.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from desktop.domain.lifecycle import PriorityClass
from desktop.routing.graph import Point, depot_point, distance, point
from desktop.routing.layout import Layout, Pick, Position
from desktop.routing.planner import Route, RoutePlanner
from desktop.routing.priority import priority_score


@dataclass(frozen=True, slots=True)
class OrderLine:
    line_id: str
    position: Position


@dataclass(frozen=True, slots=True)
class ReadyOrder:
    """An order ready to pick, with what its priority score needs."""

    order_id: str
    lines: tuple[OrderLine, ...]
    totes: int
    volume_litres: float
    priority_class: str = PriorityClass.NORMAL
    promised_ship_by: datetime | None = None
    gift: bool = False
    created_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    # What else the order's urgency counts: points for its carrier's pick-up (routing.priority.cutoff_points)
    # and the latest moment picking can start and still make today's pick-up (None: no pick-up to make).
    extra_points: float = 0.0
    start_by: datetime | None = None

    def score(self, now: datetime) -> float:
        return priority_score(self.priority_class, self.promised_ship_by, self.gift, self.created_at, now) + self.extra_points

    def picks(self) -> list[Pick]:
        return [Pick(line.line_id, line.position) for line in self.lines]


@dataclass(frozen=True, slots=True)
class CartCapacity:
    totes: int
    volume_litres: float


@dataclass(frozen=True, slots=True)
class Batch:
    """Orders picked together in one walk, and that walk."""

    orders: tuple[ReadyOrder, ...]
    route: Route

    @property
    def line_count(self) -> int:
        return sum(len(order.lines) for order in self.orders)

    @property
    def walk_per_line(self) -> float:
        return self.route.distance / self.line_count if self.line_count else 0.0


RUSH, EXPEDITED, NORMAL = 0, 1, 2


def urgency_tier(order: ReadyOrder, now: datetime, due_soon: timedelta) -> int:
    """0 rush (urgent, or ship-by or today's carrier pick-up within ``due_soon`` or past), 1 expedited, 2 normal."""
    klass = order.priority_class.strip().lower()
    if klass == PriorityClass.URGENT:
        return RUSH
    moment = now if now.tzinfo is not None else now.replace(tzinfo=timezone.utc)
    for deadline in (order.promised_ship_by, order.start_by):
        if deadline is None:
            continue
        if deadline.tzinfo is None:
            deadline = deadline.replace(tzinfo=timezone.utc)
        if deadline - moment <= due_soon:
            return RUSH
    return EXPEDITED if klass == PriorityClass.EXPEDITED else NORMAL


def _fits(order: ReadyOrder, totes: int, litres: float, capacity: CartCapacity) -> bool:
    return totes + order.totes <= capacity.totes and litres + order.volume_litres <= capacity.volume_litres + 1e-9


def _insert_all(layout: Layout, walk: list[Point], points: list[Point]) -> float:
    """Insert the points into `walk` one by one, each at its cheapest place; return the extra metres."""
    total = 0.0
    for p in points:
        if p in walk:
            continue
        best, where = float("inf"), 1
        for k in range(len(walk) - 1):
            a, b = walk[k], walk[k + 1]
            added = distance(layout, a, p) + distance(layout, p, b) - distance(layout, a, b)
            if added < best:
                best, where = added, k + 1
        walk.insert(where, p)
        total += best
    return total


def _insertion_cost(layout: Layout, walk: list[Point], points: list[Point]) -> float:
    """Extra metres to insert the points one by one, each at its cheapest place (walk not changed)."""
    return _insert_all(layout, list(walk), points)


def plan_batches(
    layout: Layout,
    orders: Sequence[ReadyOrder],
    capacity: CartCapacity,
    now: datetime,
    *,
    due_soon: timedelta = timedelta(hours=2),
    planner: RoutePlanner | None = None,
    candidates: int = 60,
    max_batches: int | None = None,
) -> list[Batch]:
    """Group ready orders into cart batches, most urgent batch first, each with its route.

    ``candidates`` bounds how many orders of the allowed tier (best scores first) are priced for
    each free place in the cart, which keeps large order pools quick. ``max_batches`` stops after
    that many batches (the first carts are the same as without it).
    """
    planner = planner or RoutePlanner(layout)
    tiers = {o.order_id: urgency_tier(o, now, due_soon) for o in orders}
    # Most urgent tier first, then by score: the head of this list seeds the next batch.
    scored = sorted(
        orders,
        key=lambda o: (
            tiers[o.order_id],
            -o.score(now),
            o.order_id,
        ),
    )
    points = {o.order_id: list(dict.fromkeys(point(layout, line.position) for line in o.lines)) for o in scored}
    remaining = list(scored)
    depot = depot_point(layout)
    batches: list[Batch] = []
    while remaining and (max_batches is None or len(batches) < max_batches):
        seed = remaining.pop(0)
        chosen = [seed]
        totes, litres = seed.totes, seed.volume_litres
        walk = [depot, depot]
        _insert_all(layout, walk, points[seed.order_id])
        while True:
            fitting = [o for o in remaining if _fits(o, totes, litres, capacity)]
            if not fitting:
                break
            tier = min(tiers[o.order_id] for o in fitting)
            pool = [o for o in fitting if tiers[o.order_id] == tier][:candidates]
            best, best_cost = None, float("inf")
            for order in pool:
                cost = _insertion_cost(layout, walk, points[order.order_id]) / max(len(order.lines), 1)
                if cost < best_cost:
                    best, best_cost = order, cost
            assert best is not None
            remaining.remove(best)
            chosen.append(best)
            totes += best.totes
            litres += best.volume_litres
            _insert_all(layout, walk, points[best.order_id])
        picks = [pick for order in chosen for pick in order.picks()]
        batches.append(Batch(tuple(chosen), planner.plan(picks)))
    return batches


def single_order_trips(layout: Layout, orders: Sequence[ReadyOrder], planner: RoutePlanner | None = None) -> list[Batch]:
    """The baseline: every order walked on its own."""
    planner = planner or RoutePlanner(layout)
    return [Batch((order,), planner.plan(order.picks())) for order in orders]
