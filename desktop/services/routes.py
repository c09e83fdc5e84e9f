"""Pick routes for batches: the route planner (desktop.routing) applied to pick tasks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop.db import models
from desktop.routing.layout import Layout, Pick, Position
from desktop.routing.planner import plan_route


def layout_of(warehouse_layout: dict[str, Any]) -> Layout:
    return Layout(**{k: warehouse_layout[k] for k in ("aisles", "blocks", "block_length", "aisle_spacing",
                                                         "slots", "depot_x")})


def plan_stops(warehouse_layout: dict[str, Any], tasks: Sequence[models.PickTask], policy: str = "optimal") -> float:
    """Number the tasks in walking order (seq 1..n) and return the route's length in metres."""
    if not tasks:
        return 0.0
    layout = layout_of(warehouse_layout)
    picks = [Pick(str(i), Position(t.location.aisle, t.location.block, t.location.slot)) for i, t in enumerate(tasks)]
    route = plan_route(layout, picks, policy)
    for seq, pick_id in enumerate(route.sequence, start=1):
        tasks[int(pick_id)].seq = seq
    return round(route.distance, 2)
