"""Routes are valid, exact where promised, and close to the optimum elsewhere."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.routing.layout import DEMO_LAYOUT, Layout, Pick, Position, parse_layout, parse_picks
from desktop.routing.planner import PLANNER_POLICIES, RoutePlanner, plan_route, replan
from routing_reference import held_karp, route_length


@st.composite
def instances(draw, blocks: tuple[int, ...], max_picks: int = 7):
    layout = {
        "aisles": draw(st.integers(1, 7)),
        "blocks": draw(st.sampled_from(blocks)),
        "block_length": draw(st.sampled_from([10.0, 24.0, 7.5])),
        "aisle_spacing": draw(st.sampled_from([2.5, 3.0, 4.0])),
        "slots": draw(st.integers(1, 6)),
    }
    # Depot at an aisle, between aisles, or beyond the last aisle.
    layout["depot_x"] = draw(st.sampled_from([0.0, layout["aisle_spacing"] * 1.5, layout["aisle_spacing"] * (layout["aisles"] + 1)]))
    n = draw(st.integers(1, max_picks))
    picks = [
        {
            "id": f"L{i}",
            "aisle": draw(st.integers(0, layout["aisles"] - 1)),
            "block": draw(st.integers(0, layout["blocks"] - 1)),
            "slot": draw(st.integers(0, layout["slots"] - 1)),
        }
        for i in range(n)
    ]
    return layout, picks


def _plan(layout: dict, picks: list[dict], policy: str = "optimal", **kwargs):
    lay = parse_layout(layout)
    return RoutePlanner(lay, **kwargs).plan(parse_picks({"picks": picks}, lay), policy)


def _check_valid(layout: dict, picks: list[dict], route) -> float:
    assert sorted(route.sequence) == sorted(p["id"] for p in picks)
    assert len(set(route.sequence)) == len(picks)
    independent = route_length(layout, picks, route.sequence)
    assert route.distance == pytest.approx(independent, abs=1e-6)
    return independent


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(blocks=(1, 2)))
def test_optimal_is_exact_for_one_and_two_blocks(instance) -> None:
    layout, picks = instance
    route = _plan(layout, picks)
    length = _check_valid(layout, picks, route)
    assert length == pytest.approx(held_karp(layout, picks), abs=1e-6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(blocks=(3,), max_picks=6))
def test_optimal_is_exact_for_three_blocks(instance) -> None:
    layout, picks = instance
    route = _plan(layout, picks)
    assert _check_valid(layout, picks, route) == pytest.approx(held_karp(layout, picks), abs=1e-6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(blocks=(1, 2, 3, 4), max_picks=8), st.sampled_from(PLANNER_POLICIES))
def test_every_policy_gives_a_valid_route(instance, policy: str) -> None:
    layout, picks = instance
    route = _plan(layout, picks, policy)
    length = _check_valid(layout, picks, route)
    assert length >= held_karp(layout, picks) - 1e-6


def _random_instance(rng: random.Random, blocks: int, n: int) -> tuple[dict, list[dict]]:
    aisles = rng.randint(8, 16)
    layout = {"aisles": aisles, "blocks": blocks, "block_length": 20.0, "aisle_spacing": 3.0, "slots": 20, "depot_x": 1.5 * rng.randint(0, 2 * aisles - 2)}
    picks = [{"id": f"L{i}", "aisle": rng.randrange(aisles), "block": rng.randrange(blocks), "slot": rng.randrange(20)} for i in range(n)]
    return layout, picks


@pytest.mark.parametrize("blocks", [3, 4])
def test_heuristic_stays_close_to_the_optimum_on_several_blocks(blocks: int) -> None:
    rng = random.Random(blocks)
    gaps = []
    for _ in range(6):
        layout, picks = _random_instance(rng, blocks, 25)
        heuristic = _plan(layout, picks, "heuristic")
        _check_valid(layout, picks, heuristic)
        exact = _plan(layout, picks, "optimal", exact_max_blocks=4)
        _check_valid(layout, picks, exact)
        gaps.append(heuristic.distance / exact.distance - 1.0)
    assert min(gaps) >= -1e-9  # the exact programme is never beaten
    assert max(gaps) <= 0.03
    assert sum(gaps) / len(gaps) <= 0.01


def test_heuristic_matches_held_karp_on_small_four_block_instances() -> None:
    rng = random.Random(7)
    for _ in range(8):
        layout, picks = _random_instance(rng, 4, 8)
        route = _plan(layout, picks)  # four blocks: the heuristic path by default
        assert _check_valid(layout, picks, route) <= held_karp(layout, picks) * 1.02 + 1e-9


def test_picks_at_one_position_collapse_to_one_stop() -> None:
    picks = [Pick("A", Position(3, 1, 7)), Pick("B", Position(15, 0, 2)), Pick("C", Position(3, 1, 7))]
    route = plan_route(DEMO_LAYOUT, picks)
    assert len(route.stops) == 2
    stop = next(s for s in route.stops if s.position == Position(3, 1, 7))
    assert stop.pick_ids == ("A", "C")
    assert route.stops[-1].walked < route.distance


def test_empty_pick_list_is_a_zero_route() -> None:
    route = plan_route(DEMO_LAYOUT, [])
    assert route.distance == 0.0 and route.sequence == []
    assert route.to_json() == {"distance": 0.0, "sequence": []}


def test_unknown_policy_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown routing policy"):
        plan_route(DEMO_LAYOUT, [], "zigzag")


def test_optimal_beats_or_ties_every_classic_policy_on_the_demo_layout() -> None:
    rng = random.Random(3)
    for _ in range(5):
        picks = [Pick(f"L{i}", Position(rng.randrange(20), rng.randrange(2), rng.randrange(12))) for i in range(30)]
        best = plan_route(DEMO_LAYOUT, picks).distance
        for policy in ("sshape", "largest-gap", "combined", "location"):
            assert plan_route(DEMO_LAYOUT, picks, policy).distance >= best - 1e-9


def _open_walk(layout: dict, start: tuple[int, int, int], picks: list[dict], sequence: list[str]) -> float:
    """start -> sequence -> depot, by Dijkstra: a route through a pick at the start position, minus nothing."""
    from routing_reference import WalkingGraph, coordinates

    by_id = {p["id"]: coordinates(layout, p["aisle"], p["block"], p["slot"]) for p in picks}
    first = coordinates(layout, *start)
    points = list(dict.fromkeys([first] + list(by_id.values())))
    matrix = WalkingGraph(layout, points).matrix(points)
    index = {p: k + 1 for k, p in enumerate(points)}
    walk = [index[first]] + [index[by_id[i]] for i in sequence] + [0]
    return sum(matrix[a][b] for a, b in zip(walk, walk[1:]))


def test_replan_walks_from_the_picker_through_the_rest_to_the_depot() -> None:
    rng = random.Random(11)
    layout = DEMO_LAYOUT.to_json()
    for _ in range(5):
        picks = [{"id": f"L{i}", "aisle": rng.randrange(20), "block": rng.randrange(2), "slot": rng.randrange(12)} for i in range(7)]
        start = (rng.randrange(20), rng.randrange(2), rng.randrange(12))
        remaining = parse_picks({"picks": picks}, DEMO_LAYOUT)
        route = replan(DEMO_LAYOUT, remaining, Position(*start))
        assert sorted(route.sequence) == sorted(p["id"] for p in picks)
        assert route.start == Position(*start)
        assert route.distance == pytest.approx(_open_walk(layout, start, picks, route.sequence), abs=1e-6)
        # Brute force over the orders of the distinct stops: the re-plan is optimal here.
        import itertools

        ids = list(dict.fromkeys(route.sequence))
        best = min(_open_walk(layout, start, picks, list(order)) for order in itertools.permutations(ids))
        assert route.distance == pytest.approx(best, abs=1e-6)


def test_replan_from_the_depot_is_a_plan() -> None:
    picks = [Pick("A", Position(2, 0, 3)), Pick("B", Position(17, 1, 9))]
    assert replan(DEMO_LAYOUT, picks, None).distance == pytest.approx(plan_route(DEMO_LAYOUT, picks).distance)


def test_replan_rejects_a_position_outside_the_layout() -> None:
    from desktop.routing.layout import PicksError

    with pytest.raises(PicksError, match="unknown aisle"):
        replan(DEMO_LAYOUT, [], Position(40, 0, 0))


def test_layout_class_checks_values() -> None:
    from desktop.routing.layout import LayoutError

    with pytest.raises(LayoutError):
        Layout(aisles=0, blocks=1, block_length=10.0, aisle_spacing=3.0, slots=4, depot_x=0.0)
