"""An order cancelled mid-batch, in the picker's session without a database: its stops leave the
route, units in hand for it go back, and a scan of its item or location is refused with the reason."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from gs1_scans import gs1_item

from desktop.domain.picking import PickRefused, PickSession, PickStop, RefusalReason, StopComplete, Step

TODAY = date(2026, 11, 23)
A, B, C = "06922683000686", "06924876000732", "06901234567892"


def session() -> PickSession:
    stops = [
        PickStop(1, "SZ1-A01-1-01-1", "S1", A, "Vitamin C", None, None, 2, 0, "TOTE-00001", "M1-1", None),
        PickStop(2, "SZ1-A02-1-05-2", "S2", B, "Bottle", None, None, 1, 0, "TOTE-00002", "M1-2", None,
                 product_name_zh="水瓶"),
        PickStop(3, "SZ1-A03-1-02-1", "S3", C, "Soap", None, None, 1, 0, "TOTE-00001", "M1-1", None),
    ]
    s = PickSession(stops, TODAY)
    s.take_suggested_totes()
    return s


def test_the_stops_ahead_leave_and_a_scan_of_them_is_refused_with_the_reason() -> None:
    s = session()
    s.scan_raw("LOC-SZ1-A01-1-01-1")
    s.scan_raw(gs1_item(A))
    s.scan_raw(gs1_item(A))
    assert isinstance(s.scan_raw("TOTE-00001"), StopComplete)
    dropped = s.drop_order("M1-2", drop_totes=["TOTE-00002"])
    assert (dropped.removed, dropped.in_hand, dropped.location) == (1, 0, None)
    assert [st.task_id for st in s.stops[s.index:]] == [3] and s.totes == ("TOTE-00001",)
    for raw in ("LOC-SZ1-A02-1-05-2", gs1_item(B)):
        with pytest.raises(PickRefused) as refused:
            s.scan_raw(raw)
        assert refused.value.reason is RefusalReason.ORDER_CANCELLED
        assert "M1-2 was cancelled" in refused.value.message and "SZ1-A03-1-02-1" in refused.value.message
        assert "水瓶" in refused.value.message_zh
    s.scan_raw("LOC-SZ1-A03-1-02-1")  # the walk goes on
    assert s.step is Step.ITEM


def test_units_in_hand_for_the_cancelled_order_go_back_where_the_picker_stands() -> None:
    s = session()
    s.scan_raw("LOC-SZ1-A01-1-01-1")
    s.scan_raw(gs1_item(A))
    dropped = s.drop_order("M1-1", drop_totes=["TOTE-00001"])
    assert (dropped.removed, dropped.in_hand, dropped.location) == (2, 1, "SZ1-A01-1-01-1")
    assert s.current.task_id == 2 and s.step is Step.LOCATION and s.taken == 0
    s.drop_order("M1-2", drop_totes=["TOTE-00002"])
    assert s.current is None and s.done  # nothing left to pick nor to drop off
