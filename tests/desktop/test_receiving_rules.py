"""The dock's scan rules without a database: ReceiveSession's verdicts, decisions and the scan-file reader."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from gs1_scans import gs1_item

from desktop.domain.receiving import (
    Decision,
    DecisionNeeded,
    DockChosen,
    Issue,
    NoticeLine,
    Product,
    Received,
    ReceiveRefused,
    ReceiveSession,
    read_scan_lines,
)

TODAY = date(2026, 12, 4)
TEA = Product("06975012340014", "TEA", "Longjing tea", lot_tracked=True, min_expiry=TODAY + timedelta(days=60),
              name_zh="龙井茶")
CUP = Product("06975012340021", "CUP", "Cup", lot_tracked=False, min_expiry=None)
POT = Product("06975012340038", "POT", "Teapot", lot_tracked=False, min_expiry=None)
GOOD_EXPIRY = TODAY + timedelta(days=365)


def session(**kw) -> ReceiveSession:
    lines = [NoticeLine(1, TEA, 10, "LJ1", GOOD_EXPIRY), NoticeLine(2, CUP, 4)]
    return ReceiveSession("ASN-1", lines, TODAY, {POT.gtin14: POT}.get, **kw)


def test_matching_scans_are_received_and_counted_per_line() -> None:
    s = session()
    v = s.scan_raw(gs1_item(TEA.gtin14, "LJ1", GOOD_EXPIRY, 6))
    assert isinstance(v, Received) and v.receipt.qty == 6 and v.line.line_no == 1
    assert isinstance(s.scan_raw(CUP.gtin14), Received)
    assert isinstance(s.scan_raw(CUP.gtin14, qty=3), Received)
    assert (s.received_of(1), s.received_of(2)) == (6, 4)
    assert [d.short for d in s.differences()] == [4, 0]


@pytest.mark.parametrize(("raw", "issues", "suggested"), [
    (gs1_item(CUP.gtin14, count=5), (Issue.OVER,), Decision.QUARANTINE),
    (gs1_item(POT.gtin14), (Issue.UNEXPECTED,), Decision.QUARANTINE),
    (gs1_item(TEA.gtin14, "LJ9", GOOD_EXPIRY), (Issue.LOT_DIFFERS,), Decision.ACCEPT),
    (gs1_item(TEA.gtin14, "LJ1", TODAY), (Issue.EXPIRED,), Decision.REFUSE),
    (gs1_item(TEA.gtin14, "LJ1", TODAY + timedelta(days=60)), (Issue.SHORT_DATED,), Decision.QUARANTINE),
    (gs1_item(TEA.gtin14, "LJ9", TODAY - timedelta(days=1), 11), (Issue.OVER, Issue.LOT_DIFFERS, Issue.EXPIRED),
     Decision.REFUSE),
])
def test_differences_need_a_decision_with_the_strictest_suggestion(raw, issues, suggested) -> None:
    s = session()
    v = s.scan_raw(raw)
    assert isinstance(v, DecisionNeeded) and v.issues == issues and v.suggested is suggested
    assert v.message and v.message_zh
    if Issue.EXPIRED in issues:
        assert Decision.ACCEPT not in v.choices
        with pytest.raises(ReceiveRefused):
            s.decide(Decision.ACCEPT)
    with pytest.raises(ReceiveRefused) as info:
        s.scan_raw(CUP.gtin14)
    assert info.value.reason == "decide_first"
    done = s.decide(suggested, "")
    assert done.receipt.decision is suggested and done.receipt.reason == ",".join(i.value for i in issues)
    assert s.pending is None and s.unsaved == [done.receipt]


@pytest.mark.parametrize(("raw", "reason"), [
    ("garbage!", "unreadable"),
    ("TOTE-00001", "not_an_item"),
    (gs1_item("06975012340045"), "unknown_item"),
    (gs1_item(TEA.gtin14), "lot_required"),
])
def test_refused_scans_change_nothing(raw, reason) -> None:
    s = session()
    with pytest.raises(ReceiveRefused) as info:
        s.scan_raw(raw)
    assert info.value.reason == reason and not s.receipts and s.pending is None


def test_a_location_chooses_the_dock_and_earlier_receipts_count() -> None:
    s = session()
    assert s.scan_raw("LOC-SZ1-D00-0-00-0") == DockChosen("SZ1-D00-0-00-0") and s.dock == "SZ1-D00-0-00-0"
    s.scan_raw(CUP.gtin14, qty=4)
    again = session(receipts=list(s.receipts))
    assert again.received_of(2) == 4 and again.unsaved == []
    assert isinstance(again.scan_raw(CUP.gtin14), DecisionNeeded)


def test_the_scan_file_reader_applies_quantities_and_lists_bad_lines() -> None:
    scans, refused = read_scan_lines("# header\n\nA\nQTY:3\nB\nQTY:2\nQTY:2\nQTY:abc\nQTY:0\nC\n")
    assert [(s.raw, s.qty, s.qty_line_no) for s in scans] == [("A", 3, 4), ("B", 2, 6), ("C", None, None)]
    assert [(r.line_no, r.reason) for r in refused] == [(7, "quantity_without_item"), (8, "bad_quantity"),
                                                        (9, "bad_quantity")]


def test_a_scan_line_keeps_its_gs1_separator_and_windows_line_ends() -> None:
    # str.splitlines would cut "]C1…10LOT<GS>30 5" in two at the <GS> (\x1d): the scan and a stray line
    scans, refused = read_scan_lines("]C10106901234567892101A\x1d305\r\nQTY:2\r\n")
    assert refused == [] and [(s.raw, s.qty) for s in scans] == [("]C10106901234567892101A\x1d305", 2)]


def test_a_known_lot_with_another_expiry_is_never_accepted() -> None:
    tea = Product(TEA.gtin14, "TEA", "Longjing tea", True, TEA.min_expiry, lots=(("LJ1", GOOD_EXPIRY),))
    s = ReceiveSession("ASN-1", [NoticeLine(1, tea, 10, "LJ1", GOOD_EXPIRY)], TODAY)
    v = s.scan_raw(gs1_item(TEA.gtin14, "LJ1", GOOD_EXPIRY + timedelta(days=1)))
    assert isinstance(v, DecisionNeeded) and v.issues == (Issue.EXPIRY_DIFFERS,)
    assert v.choices == (Decision.QUARANTINE, Decision.REFUSE)
    s.decide(Decision.QUARANTINE)
    assert isinstance(s.scan_raw(gs1_item(TEA.gtin14, "LJ1", GOOD_EXPIRY)), Received)
