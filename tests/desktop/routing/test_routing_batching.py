"""Priority score ordering and cart batching."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest

from desktop.routing.batching import CartCapacity, OrderLine, ReadyOrder, plan_batches, single_order_trips
from desktop.routing.layout import DEMO_LAYOUT, Position
from desktop.routing.priority import priority_score

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)
HOUR = timedelta(hours=1)


def score(klass="normal", due=None, gift=False, age=0.0) -> float:
    return priority_score(klass, None if due is None else NOW + due * HOUR, gift, NOW - age * HOUR, NOW)


def test_class_order() -> None:
    assert score("urgent") > score("expedited") > score("normal")
    assert score("URGENT") == score("urgent")


def test_near_and_overdue_ship_by_dominate() -> None:
    assert score("normal", due=0.5) > score("urgent")
    assert score("normal", due=-6) > score("urgent", due=0.0)
    assert score("normal", due=-3) > score("normal", due=-1) > score("normal", due=1) > score("normal", due=24) > score("normal")


def test_gift_raises_and_age_raises_slowly() -> None:
    assert score(gift=True) > score()
    assert score("expedited") > score(gift=True)
    assert score(age=10) > score(age=1) > score()
    assert score(age=500) == score(age=48)
    assert score("normal", age=48) < score("expedited")


def test_unknown_class_and_naive_times() -> None:
    with pytest.raises(ValueError, match="priority class"):
        score("whenever")
    naive = priority_score("normal", None, False, datetime(2026, 12, 1, 11, 0), datetime(2026, 12, 1, 12, 0))
    assert naive == score(age=1)


def order(oid: str, positions, klass="normal", totes=1, litres=10.0, due=None, age=1.0) -> ReadyOrder:
    return ReadyOrder(
        order_id=oid,
        lines=tuple(OrderLine(f"{oid}-{i}", p) for i, p in enumerate(positions)),
        totes=totes,
        volume_litres=litres,
        priority_class=klass,
        promised_ship_by=None if due is None else NOW + due * HOUR,
        created_at=NOW - age * HOUR,
    )


def random_orders(rng: random.Random, count: int) -> list[ReadyOrder]:
    orders = []
    for k in range(count):
        positions = [Position(rng.randrange(20), rng.randrange(2), rng.randrange(12)) for _ in range(rng.randint(1, 4))]
        klass = rng.choices(["normal", "expedited", "urgent"], [8, 2, 1])[0]
        orders.append(order(f"O{k:03d}", positions, klass, totes=rng.randint(1, 2), litres=rng.uniform(2, 30), due=rng.choice([None, 1.0, 5.0, 30.0])))
    return orders


def test_batches_respect_capacity_and_cover_every_order_once() -> None:
    orders = random_orders(random.Random(1), 40)
    capacity = CartCapacity(totes=6, volume_litres=80.0)
    batches = plan_batches(DEMO_LAYOUT, orders, capacity, NOW)
    ids = [o.order_id for b in batches for o in b.orders]
    assert sorted(ids) == sorted(o.order_id for o in orders)
    for batch in batches:
        assert sum(o.totes for o in batch.orders) <= capacity.totes
        assert sum(o.volume_litres for o in batch.orders) <= capacity.volume_litres + 1e-9
        assert sorted(batch.route.sequence) == sorted(line.line_id for o in batch.orders for line in o.lines)


def test_batching_shortens_the_walk_per_line() -> None:
    orders = random_orders(random.Random(2), 40)
    batches = plan_batches(DEMO_LAYOUT, orders, CartCapacity(totes=8, volume_litres=200.0), NOW)
    singles = single_order_trips(DEMO_LAYOUT, orders)
    lines = sum(len(o.lines) for o in orders)
    assert sum(b.route.distance for b in batches) / lines < 0.6 * sum(b.route.distance for b in singles) / lines


def test_urgent_orders_never_wait_behind_less_urgent_ones() -> None:
    # Every order fits any cart with room for one more tote, so no more urgent order may ever
    # come after a less urgent one in the sequence of batches.
    from desktop.routing.batching import urgency_tier

    rng = random.Random(3)
    orders = [
        ReadyOrder(o.order_id, o.lines, 1, 1.0, o.priority_class, o.promised_ship_by, o.gift, o.created_at)
        for o in random_orders(rng, 50)
    ]
    batches = plan_batches(DEMO_LAYOUT, orders, CartCapacity(totes=6, volume_litres=100.0), NOW)
    tiers = [urgency_tier(o, NOW, timedelta(hours=2)) for b in batches for o in b.orders]
    assert tiers == sorted(tiers)
    assert len(set(tiers)) == 3


def test_urgent_far_order_beats_nearby_normal_orders() -> None:
    near = [order(f"N{k}", [Position(9, 0, 0)]) for k in range(3)]
    urgent = order("U", [Position(0, 1, 11)], "urgent")
    due = order("D", [Position(19, 1, 11)], due=0.5)
    batches = plan_batches(DEMO_LAYOUT, [*near, urgent, due], CartCapacity(totes=2, volume_litres=100.0), NOW)
    assert {o.order_id for o in batches[0].orders} == {"U", "D"}


def test_walk_decides_within_a_tier() -> None:
    seed = order("A", [Position(2, 0, 5)], age=5)
    close = order("B", [Position(2, 0, 6)])
    far = order("C", [Position(19, 1, 11)])
    batches = plan_batches(DEMO_LAYOUT, [far, close, seed], CartCapacity(totes=2, volume_litres=100.0), NOW)
    assert [o.order_id for o in batches[0].orders] == ["A", "B"]


def test_an_order_bigger_than_the_cart_goes_alone() -> None:
    big = order("BIG", [Position(1, 0, 1)], totes=9)
    small = order("S", [Position(1, 0, 2)])
    batches = plan_batches(DEMO_LAYOUT, [big, small], CartCapacity(totes=4, volume_litres=100.0), NOW)
    assert [[o.order_id for o in b.orders] for b in batches] in ([["BIG"], ["S"]], [["S"], ["BIG"]])


def test_a_carrier_pickup_still_reachable_outranks_one_already_missed():
    from datetime import time
    from zoneinfo import ZoneInfo

    from desktop.routing.priority import cutoff_points, next_pickup

    shenzhen = ZoneInfo("Asia/Shanghai")
    now = datetime(2026, 11, 11, 9, 0, tzinfo=timezone.utc)  # 17:00 local
    lead = timedelta(minutes=45)
    sf, today = next_pickup(time(17, 30), shenzhen, now, lead)  # 17:00 + 45 min > 17:30: missed
    zto, today2 = next_pickup(time(19, 0), shenzhen, now, lead)
    assert not today and sf == datetime(2026, 11, 12, 9, 30, tzinfo=timezone.utc)
    assert today2 and zto == datetime(2026, 11, 11, 11, 0, tzinfo=timezone.utc)
    assert cutoff_points(zto, now, lead) > 100 * cutoff_points(sf, now, lead)
    assert cutoff_points(None, now, lead) == 0.0
    # At the last moment the points are whole; an hour before, half.
    assert cutoff_points(zto, zto - lead, lead) == 2000.0
    assert cutoff_points(zto, zto - lead - timedelta(hours=1), lead) == 1000.0
    # Planning: two equal orders far apart in the warehouse; the one whose pick-up is near seeds the first cart.
    layout = DEMO_LAYOUT
    a = ReadyOrder("A", (OrderLine("a", Position(0, 0, 1)),), 1, 10.0, created_at=now,
                   extra_points=cutoff_points(sf, now, lead), start_by=None)
    b = ReadyOrder("B", (OrderLine("b", Position(19, 1, 9)),), 1, 10.0, created_at=now,
                   extra_points=cutoff_points(zto, now, lead), start_by=zto - lead)
    first = plan_batches(layout, [a, b], CartCapacity(1, 100.0), now)[0]
    assert [o.order_id for o in first.orders] == ["B"]
