"""Carriers as data: the bundled definitions agree with the demo's, quotes, coverage, the demo carrier."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from desktop.demo import data as demo_data
from desktop.partners.carriers import EVENT_KINDS, CarrierCannotTake, DemoCarrier, DemoShipment, bundled, demo_story
from desktop.domain.packing import Destination


def test_bundled_definitions_agree_with_the_demo_carriers():
    carriers = bundled()
    assert sorted(carriers) == ["SF", "ZTO"]
    demo = {code: (name, zh, d) for code, name, zh, d in demo_data.CARRIERS}
    for code, carrier in carriers.items():
        name, zh, definition = demo[code]
        assert (carrier.name, carrier.name_zh) == (name, zh)
        assert carrier.definition == definition


def test_quotes_coverage_weight_and_tracking_numbers():
    sf, zto = bundled()["SF"], bundled()["ZTO"]
    # SF standard: 12.00 + 2.00 × (3 started kg − 1) = 16.00; to Xinjiang + 10.00 remote surcharge.
    assert sf.quote(2500, Destination("CN", "广东省"), "standard") == Decimal("16.00")
    assert sf.quote(2500, Destination("CN", "新疆维吾尔自治区"), "standard") == Decimal("26.00")
    assert sf.covers("CN", "新疆维吾尔自治区").surcharge == Decimal("10.00")
    assert not zto.covers("CN", "西藏自治区").covered
    assert not zto.covers("US").covered and sf.covers("US").covered
    with pytest.raises(CarrierCannotTake):
        zto.quote(31000, Destination("CN", "广东省"), "standard")
    with pytest.raises(CarrierCannotTake):
        zto.quote(1000, Destination("CN", "广东省"), "express")
    assert [s.code for s in sf.services()] == ["standard", "express"]
    number = sf.new_tracking_number()
    assert number.startswith("SF") and len(number) == 14 and number[2:].isdigit()
    assert sf.fetch_events(["SF1"], None) == []


def test_the_demo_carrier_tells_each_parcel_the_same_realistic_story():
    shipped = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    shipments = [DemoShipment(f"ZT{n:012d}", shipped, 3, "北京市") for n in range(200)]
    stories = [demo_story(s) for s in shipments]
    finals = [story[-1].kind for story in stories]
    assert {"delivered", "refused", "lost"} <= set(finals)
    assert any(e.kind == "delayed" for story in stories for e in story)
    for story in stories:
        assert [e.kind for e in story][:2] == ["picked_up", "in_transit"]
        assert story[1].eta is not None
        assert all(a.at < b.at for a, b in zip(story, story[1:]))
        assert all(e.kind in EVENT_KINDS for e in story)
        if story[-1].kind != "lost":
            assert story[-2].kind == "out_for_delivery"
    clock = [shipped + timedelta(hours=7)]
    carrier = DemoCarrier(bundled()["ZTO"], shipments, lambda: clock[0])
    numbers = [s.tracking_no for s in shipments[:5]]
    first = carrier.fetch_events(numbers, None)
    assert {e.kind for e in first} == {"picked_up", "in_transit"} and len(first) == 10
    clock[0] = shipped + timedelta(days=10)
    later = carrier.fetch_events(numbers, shipped + timedelta(hours=7))
    assert not {(e.tracking_no, e.kind) for e in later} & {(e.tracking_no, e.kind) for e in first}
    assert carrier.fetch_events(numbers, None) == carrier.fetch_events(numbers, None)  # deterministic
