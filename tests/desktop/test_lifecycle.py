"""The order status machine: every legal move allowed, every other refused with a typed error."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.errors import IllegalTransition
from desktop.domain.lifecycle import (
    ORDER_TRANSITIONS,
    PRE_SHIPMENT,
    TERMINAL,
    BatchStatus,
    OrderStatus,
    check_batch_transition,
    check_order_transition,
)

HAPPY_PATH = ["received", "ready", "picking", "picked", "packed", "shipped", "delivered", "completed"]


def test_the_happy_path_is_allowed_step_by_step():
    for current, target in zip(HAPPY_PATH, HAPPY_PATH[1:]):
        assert check_order_transition(current, target) is OrderStatus(target)


@pytest.mark.parametrize("current,target", [
    ("received", "picking"),  # intake gates first
    ("ready", "shipped"),  # nothing leaves unpicked
    ("shipped", "held"),  # too late to hold
    ("shipped", "cancelled"),
    ("cancelled", "ready"),  # terminal
    ("returned", "received"),
    ("picked", "ready"),  # picked units go through a hold, not silently back to the shelf
    ("delivered", "shipped"),
])
def test_illegal_moves_are_refused_with_both_languages(current, target):
    with pytest.raises(IllegalTransition) as info:
        check_order_transition(current, target)
    assert info.value.current == current and info.value.target == target
    assert current in info.value.message and "不能" in info.value.message_zh


@given(st.sampled_from(list(OrderStatus)), st.sampled_from(list(OrderStatus)))
def test_check_agrees_with_the_table(current, target):
    allowed = target in ORDER_TRANSITIONS[current]
    if allowed:
        assert check_order_transition(current, target) is target
    else:
        with pytest.raises(IllegalTransition):
            check_order_transition(current, target)


def test_every_status_is_reachable_from_received():
    seen, frontier = {OrderStatus.RECEIVED}, [OrderStatus.RECEIVED]
    while frontier:
        for nxt in ORDER_TRANSITIONS[frontier.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    assert seen == set(OrderStatus)


def test_holds_and_cancellation_only_before_shipping():
    for status in OrderStatus:
        if status in TERMINAL:
            assert not ORDER_TRANSITIONS[status]
        if OrderStatus.HELD in ORDER_TRANSITIONS[status]:
            assert status in PRE_SHIPMENT
    assert TERMINAL == {OrderStatus.RETURNED, OrderStatus.CANCELLED}


def test_unknown_status_is_a_value_error():
    with pytest.raises(ValueError):
        check_order_transition("received", "teleported")


def test_batches_cannot_be_reopened_once_done():
    assert check_batch_transition("open", "assigned") is BatchStatus.ASSIGNED
    with pytest.raises(IllegalTransition):
        check_batch_transition("done", "picking")
