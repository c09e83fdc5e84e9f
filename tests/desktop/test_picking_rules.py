"""The scan rules at the shelf, without a database: every refusal, the good path, counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from gs1_scans import gs1_item
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.picking import (
    AlreadyHere,
    LocationConfirmed,
    PickRefused,
    PickSession,
    PickStop,
    PutExpected,
    RefusalReason,
    StopComplete,
    Step,
    ToteDroppedOff,
    ToteOffered,
    ToteOnCart,
    UnitTaken,
)

TODAY = date(2026, 11, 23)
GTIN_A = "06922683000686"
GTIN_B = "06924876000732"


item = gs1_item


def stops() -> list[PickStop]:
    return [
        PickStop(1, "SZ1-A01-1-01-1", "S1", GTIN_A, "Vitamin C", "L1", TODAY + timedelta(days=400), 3, 0,
                 "TOTE-00001", "M1-1", TODAY + timedelta(days=120)),
        PickStop(2, "SZ1-A02-1-05-2", "S2", GTIN_B, "Bottle", None, None, 1, 0, "TOTE-00002", "M1-2", TODAY),
    ]


GOOD_A = item(GTIN_A, "L1", TODAY + timedelta(days=400))
CART = ("TOTE-00001", "TOTE-00002")


def walking(stops_: list[PickStop], **kwargs) -> PickSession:  # noqa: ANN003
    """A session whose totes are on the cart already: the walk's rules, from the first stop."""
    return PickSession(stops_, TODAY, on_cart=CART, **kwargs)


def put(session: PickSession, verdict: object) -> StopComplete:
    """All units in hand: into the stop's tote, confirmed by its scan."""
    assert isinstance(verdict, PutExpected) and session.step is Step.PUT, verdict
    done = session.scan_raw(verdict.stop.tote_code)
    assert isinstance(done, StopComplete)
    return done


def at_first_item() -> PickSession:
    session = walking(stops())
    assert isinstance(session.scan_raw("LOC-SZ1-A01-1-01-1"), LocationConfirmed)
    return session


@pytest.mark.parametrize(("raw", "reason"), [
    ("LOC-SZ1-A09-1-01-1", RefusalReason.WRONG_LOCATION),
    (GOOD_A, RefusalReason.SCAN_LOCATION_FIRST),
    ("TOTE-00001", RefusalReason.SCAN_LOCATION_FIRST),
    ("garbage", RefusalReason.UNREADABLE),
])
def test_refusals_before_the_location(raw: str, reason: RefusalReason) -> None:
    session = walking(stops())
    with pytest.raises(PickRefused) as refused:
        session.scan_raw(raw)
    assert refused.value.reason is reason
    assert refused.value.message and refused.value.message_zh
    assert session.step is Step.LOCATION and session.index == 0


@pytest.mark.parametrize(("raw", "reason"), [
    (item(GTIN_B), RefusalReason.WRONG_ITEM),
    (item(GTIN_A, "OLD", TODAY - timedelta(days=1)), RefusalReason.EXPIRED),
    (item(GTIN_A, "OLD", TODAY), RefusalReason.EXPIRED),
    (item(GTIN_A, "L2", TODAY + timedelta(days=120)), RefusalReason.SHORT_DATED),
    (item(GTIN_A, "L2", TODAY + timedelta(days=400)), RefusalReason.WRONG_LOT),
    (item(GTIN_A), RefusalReason.WRONG_LOT),  # a lot-tracked stop needs the lot on the label
    (item(GTIN_A, "L1", TODAY + timedelta(days=400), count=4), RefusalReason.OVER_PICK),
    ("TOTE-00001", RefusalReason.NOT_AN_ITEM),
    ("LOC-SZ1-A02-1-05-2", RefusalReason.WRONG_LOCATION),
    ("0692268300068", RefusalReason.UNREADABLE),  # bad check digit
])
def test_refusals_at_the_shelf_change_nothing(raw: str, reason: RefusalReason) -> None:
    session = at_first_item()
    with pytest.raises(PickRefused) as refused:
        session.scan_raw(raw)
    assert refused.value.reason is reason
    assert (session.step, session.index, session.taken) == (Step.ITEM, 0, 0)


def test_good_path_unit_by_unit_then_next_stop() -> None:
    session = at_first_item()
    assert isinstance(session.scan_raw("LOC-SZ1-A01-1-01-1"), AlreadyHere)
    first = session.scan_raw(GOOD_A)
    assert isinstance(first, UnitTaken) and first.taken == 1 and session.step is Step.QUANTITY
    assert isinstance(session.scan_raw(GOOD_A), UnitTaken)
    with pytest.raises(PickRefused) as refused:
        session.scan_raw(item(GTIN_A, "L1", TODAY + timedelta(days=400), count=2))
    assert refused.value.reason is RefusalReason.OVER_PICK and session.taken == 2
    done = put(session, session.scan_raw(GOOD_A))
    assert (done.stop.task_id, done.qty, done.lot_code, done.next_stop.task_id) == (1, 3, "L1", 2)
    assert session.step is Step.LOCATION
    session.scan_raw("LOC-SZ1-A02-1-05-2")
    last = put(session, session.scan_raw("6924876000732"))  # a plain EAN-13 serves a stop without a lot
    assert last.next_stop is None and session.step is Step.DROP_OFF
    assert session.totes_to_drop == CART
    assert session.scan_raw("TOTE-00002") == ToteDroppedOff("TOTE-00002", 1, 2)
    assert session.scan_raw("TOTE-00001") == ToteDroppedOff("TOTE-00001", 2, 2) and session.done
    with pytest.raises(PickRefused) as refused:
        session.scan_raw(GOOD_A)
    assert refused.value.reason is RefusalReason.NO_STOP


def test_count_keyed_after_the_first_scan() -> None:
    session = at_first_item()
    with pytest.raises(PickRefused):
        session.key_count(3)  # not before the first unit
    session.scan_raw(GOOD_A)
    with pytest.raises(PickRefused) as refused:
        session.key_count(4)
    assert refused.value.reason is RefusalReason.OVER_PICK and session.taken == 1
    with pytest.raises(PickRefused):
        session.key_count(0)
    assert put(session, session.key_count(3)).qty == 3


def test_scanned_count_and_lot_expiry_from_the_stop() -> None:
    session = at_first_item()
    done = session.scan_raw(item(GTIN_A, "L1", count=3))  # no date on the label: the lot's own expiry counts
    assert put(session, done).qty == 3


def test_partly_picked_stop_asks_only_for_the_rest() -> None:
    first, second = stops()
    session = walking([first.__class__(**{**first.__dict__, "picked": 2}), second])
    session.scan_raw("LOC-SZ1-A01-1-01-1")
    assert put(session, session.scan_raw(GOOD_A)).qty == 1


SCANS = st.sampled_from([
    "LOC-SZ1-A01-1-01-1", "LOC-SZ1-A02-1-05-2", "LOC-SZ1-A09-1-01-1", GOOD_A, item(GTIN_B),
    item(GTIN_A, "L1", TODAY + timedelta(days=400), count=2), item(GTIN_A, "OLD", TODAY - timedelta(days=3)),
    item(GTIN_A, "L2", TODAY + timedelta(days=30)), "6924876000732", "TOTE-00003", "junk", "KEY:1", "KEY:2", "KEY:5",
    "TOTE-00001", "TOTE-00002", "BADGE-0001", "SUGGESTED",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(SCANS, max_size=40))
def test_any_scan_sequence_never_over_picks_and_never_records_a_refusal(sequence: list[str]) -> None:
    session = PickSession(stops(), TODAY)
    confirmed: dict[int, int] = {}
    for raw in sequence:
        before = (session.index, session.step, session.taken)
        if raw == "SUGGESTED":
            session.take_suggested_totes()
            continue
        try:
            verdict = session.key_count(int(raw[4:])) if raw.startswith("KEY:") else session.scan_raw(raw)
        except PickRefused:
            assert (session.index, session.step, session.taken) == before
            continue
        if isinstance(verdict, StopComplete):
            confirmed[verdict.stop.task_id] = confirmed.get(verdict.stop.task_id, 0) + verdict.qty
        current = session.current
        if current is not None and session.step is Step.PUT:
            assert session.taken == current.remaining and current.tote_code is not None
        elif current is not None:
            assert 0 <= session.taken < current.remaining or session.taken == 0
    for stop in stops():
        assert confirmed.get(stop.task_id, 0) in (0, stop.qty)


def test_refusals_write_dates_as_the_station_does_and_name_the_product_in_chinese() -> None:
    first, second = stops()
    named = PickStop(**{**first.__dict__, "product_name_zh": "维生素C"})
    session = walking([named, second], date_text=lambda d: d.strftime("%d/%m/%Y"))
    session.scan_raw("LOC-SZ1-A01-1-01-1")
    with pytest.raises(PickRefused) as expired:
        session.scan_raw(item(GTIN_A, "OLD", TODAY - timedelta(days=1)))
    assert "22/11/2026" in expired.value.message and "22/11/2026" in expired.value.message_zh
    with pytest.raises(PickRefused) as wrong:
        session.scan_raw(item(GTIN_B, None, None))
    assert "请拣 维生素C" in wrong.value.message_zh and "Take Vitamin C" in wrong.value.message
    session.reload([named, second])  # a re-planned route keeps the station's way of writing dates
    assert session.date_text(TODAY) == "23/11/2026"


# ─── totes: bound at the start, checked at every put, dropped off at the end ───


def test_the_batch_starts_at_the_cart_and_each_tote_is_scanned_onto_it() -> None:
    session = PickSession(stops(), TODAY)
    assert session.step is Step.CART and session.totes_to_bind == CART
    for raw in ("LOC-SZ1-A01-1-01-1", GOOD_A):
        with pytest.raises(PickRefused) as refused:
            session.scan_raw(raw)
        assert refused.value.reason is RefusalReason.TOTES_FIRST and "TOTE-00001, TOTE-00002" in refused.value.message
    # Another tote may take a suggested one's place (the floor decides if it is free): nothing changes yet.
    assert session.scan_raw("TOTE-00009") == ToteOffered("TOTE-00009", "TOTE-00001") and session.step is Step.CART
    assert session.scan_raw("TOTE-00002") == ToteOnCart("TOTE-00002", 1, 2) and session.step is Step.CART
    assert session.scan_raw("TOTE-00009") == ToteOffered("TOTE-00009", "TOTE-00001")
    assert session.scan_raw("TOTE-00001") == ToteOnCart("TOTE-00001", 2, 2) and session.step is Step.LOCATION


def test_the_suggested_totes_can_be_taken_without_scanning_each() -> None:
    session = PickSession(stops(), TODAY)
    assert session.take_suggested_totes() == ToteOnCart("TOTE-00002", 2, 2)
    assert session.step is Step.LOCATION and session.take_suggested_totes() is None


@pytest.mark.parametrize(("raw", "reason"), [
    ("TOTE-00002", RefusalReason.WRONG_TOTE),  # the other tote on the same cart: a mis-sort
    ("TOTE-00009", RefusalReason.WRONG_TOTE),
    (GOOD_A, RefusalReason.PUT_FIRST),
    ("LOC-SZ1-A02-1-05-2", RefusalReason.PUT_FIRST),
    ("BADGE-0001", RefusalReason.BADGE),
])
def test_a_put_into_the_wrong_tote_is_refused_like_a_wrong_item(raw: str, reason: RefusalReason) -> None:
    session = at_first_item()
    assert isinstance(session.scan_raw(item(GTIN_A, "L1", count=3)), PutExpected)
    with pytest.raises(PickRefused) as refused:
        session.scan_raw(raw)
    assert refused.value.reason is reason and refused.value.message_zh
    if reason is RefusalReason.WRONG_TOTE:
        assert "TOTE-00001" in refused.value.message
    with pytest.raises(PickRefused):
        session.key_count(1)
    assert (session.step, session.index, session.taken) == (Step.PUT, 0, 3)
    assert put(session, PutExpected(session.current, 3)).stop.task_id == 1


def test_a_stop_without_a_tote_completes_with_its_last_unit() -> None:
    first, second = stops()
    loose = PickStop(**{**second.__dict__, "tote_code": None})
    session = PickSession([loose], TODAY)
    assert session.step is Step.LOCATION and session.totes == ()
    session.scan_raw("LOC-SZ1-A02-1-05-2")
    done = session.scan_raw("6924876000732")
    assert isinstance(done, StopComplete) and session.done


@pytest.mark.parametrize("step", ["cart", "location", "item", "quantity", "drop_off"])
def test_a_badge_mid_batch_is_a_badge_not_a_missing_location(step: str) -> None:
    session = PickSession(stops(), TODAY)
    if step != "cart":
        session.take_suggested_totes()
    if step in ("item", "quantity"):
        session.scan_raw("LOC-SZ1-A01-1-01-1")
    if step == "quantity":
        session.scan_raw(GOOD_A)
    if step == "drop_off":
        session = PickSession([], TODAY, totes=CART, on_cart=CART)
    assert session.step.value == step
    with pytest.raises(PickRefused) as refused:
        session.scan_raw("BADGE-0001")
    assert refused.value.reason is RefusalReason.BADGE
    assert "location first" not in refused.value.message and "badge" in refused.value.message


def test_a_reloaded_route_keeps_the_cart() -> None:
    session = PickSession(stops(), TODAY)
    session.scan_raw("TOTE-00001")
    session.reload(stops()[1:])
    assert session.on_cart == ["TOTE-00001"] and session.totes == CART and session.step is Step.CART
    session.scan_raw("TOTE-00002")
    assert session.step is Step.LOCATION and session.current.task_id == 2
