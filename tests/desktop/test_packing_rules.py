"""The packing bench's rules without a database: checklist, carton, weight, carrier, insurance."""

from datetime import date
from decimal import Decimal

import pytest

from desktop.domain.packing import (
    CARTONS,
    CarrierDefinition,
    ChecklistLine,
    Destination,
    NoCarrier,
    PackChecklist,
    PackItem,
    PickedLot,
    RefusedReason,
    UnitRefused,
    choose_carrier,
    expected_weight,
    insure,
    s10_tracking,
    suggest_carton,
    tracking_number,
    validate_contents,
    weight_check,
    weight_tolerance,
)

TODAY = date(2025, 3, 1)


def item(qty=1, weight=100, dims=(100, 80, 50), fragile=False, sku="A"):
    return PackItem(sku, qty, weight, *dims, fragile=fragile, name=sku)


# ─── cartons ────────────────────────────────────────────────────────────────────


def test_smallest_carton_that_holds_volume_with_allowance():
    assert suggest_carton([item(1)]).carton.code == "S1"
    # 3 000 000 mm³ × 1.3 > S1's 3 000 000: the next size up.
    assert suggest_carton([item(1, dims=(150, 100, 200))]).carton.code == "M2"
    assert suggest_carton([item(1, dims=(150, 100, 153))]).carton.code == "S1"  # 2.98 M mm³ fits
    assert suggest_carton([item(1, dims=(150, 100, 154))]).carton.code == "M2"  # 3.0 M mm³ does not


def test_longest_side_and_max_load_push_to_a_bigger_carton():
    assert suggest_carton([item(1, dims=(380, 250, 20))]).carton.code == "L3"  # 380 mm > M2's 300
    assert suggest_carton([item(1, weight=3001, dims=(50, 50, 50))]).carton.code == "M2"  # over S1's 3 kg


def test_fragile_items_get_more_room_and_bubble_wrap_notes():
    plain = suggest_carton([item(1, dims=(150, 100, 130))])
    fragile = suggest_carton([item(1, dims=(150, 100, 130), fragile=True, sku="Mug")])
    assert (plain.carton.code, fragile.carton.code) == ("S1", "M2")
    assert not plain.notes
    assert "Mug" in fragile.notes[0].en and any("bubble wrap" in n.en for n in fragile.notes)
    assert any("气泡膜" in n.zh for n in fragile.notes)


def test_nothing_fits_suggests_the_largest_with_a_note():
    choice = suggest_carton([item(30, weight=1000, dims=(300, 200, 200))])
    assert choice.carton.code == "XL4" and not choice.fits
    assert "split" in choice.notes[0].en and "分成多个包裹" in choice.notes[0].zh


def test_expected_weight_is_items_plus_carton():
    assert expected_weight([item(2, weight=380), item(1, weight=60)], CARTONS[1]) == 760 + 60 + 150


# ─── weight ─────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("expected", "tolerance"), [(100, 20), (666, 20), (667, 20), (700, 21), (2000, 60), (10_000, 300)])
def test_tolerance_is_20_g_or_3_percent(expected, tolerance):
    assert weight_tolerance(expected) == tolerance


def test_weight_check_edges():
    assert weight_check(1000, 1030).ok and weight_check(1000, 970).ok
    assert not weight_check(1000, 1031).ok and not weight_check(1000, 969).ok
    assert weight_check(200, Decimal("219.6")).ok  # 220 g after rounding: exactly 20 g over
    assert not weight_check(200, Decimal("220.5")).ok
    verdict = weight_check(1000, 1100)
    assert verdict.difference_g == 100 and "heavier" in verdict.describe().en and "偏重" in verdict.describe().zh
    assert "lighter" in weight_check(1000, 900).describe().en


def test_a_missing_light_unit_is_caught():
    # The lightest demo product (a 60 g cable) missing from a 2 kg parcel is outside the tolerance.
    assert not weight_check(2000, 2000 - 61).ok


# ─── insurance ──────────────────────────────────────────────────────────────────


def test_insurance_from_1000_cny():
    assert insure(Decimal("999.99")) is None
    assert insure(Decimal("1000")) == Decimal("1000.00")
    assert insure(Decimal("2499.5")) == Decimal("2499.50")


# ─── carriers ───────────────────────────────────────────────────────────────────

SF = CarrierDefinition("SF", "SF Express", "顺丰", {
    "tracking_prefix": "SF", "tracking_digits": 12,
    "services": {"standard": {"label": "Standard", "days": 2, "base": "12.00", "per_kg": "2.00"},
                 "express": {"label": "Express", "days": 1, "base": "23.00", "per_kg": "5.00"}},
    "max_weight_g": 50000, "remote_provinces": [], "remote_surcharge": "10.00",
    "cod": True, "international": ["HK", "SG", "JP", "US", "GB"], "insurance_rate": "0.005"})
ZTO = CarrierDefinition("ZTO", "ZTO", "中通", {
    "tracking_prefix": "ZT", "tracking_digits": 12,
    "services": {"standard": {"label": "Standard", "days": 3, "base": "6.00", "per_kg": "1.00"}},
    "max_weight_g": 30000, "remote_provinces": ["新疆维吾尔自治区", "西藏自治区"],
    "cod": True, "international": [], "insurance_rate": "0.01"})
EMS = CarrierDefinition("EMS", "EMS", "邮政", {
    "tracking_prefix": "E", "tracking_format": "S10",
    "services": {"standard": {"label": "Standard", "days": 4, "base": "15.00", "per_kg": "3.00"}},
    "max_weight_g": 40000, "remote_provinces": [], "remote_surcharge": "0.00",
    "cod": False, "international": ["US", "GB", "SG", "JP", "HK"], "insurance_rate": "0.01"})
ALL = [SF, ZTO, EMS]
SHENZHEN = Destination("CN", "广东省")


def test_normal_order_goes_the_cheapest_way():
    choice = choose_carrier(ALL, SHENZHEN, 1500, "normal")
    assert (choice.carrier, choice.service, choice.cost) == ("ZTO", "standard", Decimal("7.00"))
    assert "Cheapest" in choice.reason.en and "最便宜" in choice.reason.zh


def test_cost_order_counts_every_started_kilogram():
    # 4.2 kg: ZTO 6 + 4 × 1 = 10, SF std 12 + 4 × 2 = 20, EMS 15 + 4 × 3 = 27.
    costs = {o.carrier + o.service: o.cost for o in choose_carrier(ALL, SHENZHEN, 4200).options}
    assert costs == {"SFstandard": Decimal("20.00"), "SFexpress": Decimal("43.00"), "ZTOstandard": Decimal("10.00"),
                     "EMSstandard": Decimal("27.00")}


def test_urgency_asks_for_a_faster_service():
    assert (choose_carrier(ALL, SHENZHEN, 800, "urgent").carrier, choose_carrier(ALL, SHENZHEN, 800, "urgent").service) \
        == ("SF", "express")
    expedited = choose_carrier(ALL, SHENZHEN, 800, "expedited")
    assert (expedited.carrier, expedited.service) == ("SF", "standard")


def test_remote_province_excludes_a_carrier_and_adds_surcharges():
    choice = choose_carrier(ALL, Destination("CN", "新疆维吾尔自治区"), 800)
    assert (choice.carrier, choice.cost) == ("EMS", Decimal("15.00"))  # SF: 12 + 10 remote surcharge = 22
    assert "ZTO does not deliver to 新疆维吾尔自治区" in choice.reason.en
    inner_mongolia = choose_carrier(ALL, Destination("CN", "内蒙古自治区"), 800)
    assert inner_mongolia.carrier == "ZTO"  # ZTO serves it and has no surcharge there


def test_weight_over_a_carriers_limit():
    choice = choose_carrier(ALL, SHENZHEN, 35_000)
    assert choice.carrier == "SF"  # ZTO ≤ 30 kg; EMS (≤ 40 kg) costs 15 + 34 × 3 = 117 > SF 12 + 34 × 2 = 80
    assert "ZTO takes at most 30 kg" in choice.reason.en
    with pytest.raises(NoCarrier) as refused:
        choose_carrier(ALL, SHENZHEN, 60_000)
    assert "50 kg" in refused.value.message and "公斤" in refused.value.message_zh


def test_cash_on_delivery_needs_a_carrier_that_collects():
    choice = choose_carrier(ALL, Destination("CN", "新疆维吾尔自治区"), 800, cod=True)
    assert choice.carrier == "SF"  # EMS does not collect, ZTO does not go there


def test_international_only_with_carriers_that_ship_there():
    choice = choose_carrier(ALL, Destination("US"), 800)
    assert choice.carrier in ("SF", "EMS") and choice.carrier == "SF"  # SF std 12 < EMS 15
    with pytest.raises(NoCarrier):
        choose_carrier(ALL, Destination("FR"), 800)


def test_insurance_is_part_of_the_cost():
    # 2000 CNY insured: ZTO 6 + 20 = 26, SF standard 12 + 10 = 22 → SF becomes the cheapest.
    choice = choose_carrier(ALL, SHENZHEN, 800, value=Decimal("2000"))
    assert (choice.carrier, choice.service, choice.cost) == ("SF", "standard", Decimal("22.00"))


def test_no_service_fast_enough_takes_the_fastest():
    choice = choose_carrier([ZTO, EMS], SHENZHEN, 800, "urgent")
    assert choice.carrier == "ZTO" and "fastest" in choice.reason.en


def test_tracking_numbers_follow_the_carriers_format():
    assert tracking_number(SF.definition, 42) == "SF000000000042"
    number = tracking_number(EMS.definition, 12345678)
    assert number == s10_tracking("EA", 12345678) and len(number) == 13 and number.endswith("CN")


# ─── checklist ──────────────────────────────────────────────────────────────────

MUG = ChecklistLine(1, "M1-0001", "06901234500011", "Ceramic Mug", "陶瓷马克杯", 2, (), False, True, 380,
                    120, 95, 110, Decimal("39.00"))
TEA = ChecklistLine(2, "M2-0001", "06901234500028", "Green Tea", "绿茶", 2,
                    (PickedLot("L1", date(2026, 1, 1), 1), PickedLot("L2", date(2026, 6, 1), 1)), True, False, 280,
                    150, 80, 80, Decimal("48.00"))
OLD = ChecklistLine(3, "M2-0002", "06901234500035", "Honey", "蜂蜜", 1,
                    (PickedLot("H9", date(2025, 2, 1), 1),), True, True, 720, 90, 90, 140, Decimal("45.00"))


def refused(checklist, *scan):
    with pytest.raises(UnitRefused) as exc:
        checklist.scan(*scan)
    return exc.value.reason


def test_each_unit_is_checked_and_the_checklist_completes():
    checklist = PackChecklist([MUG, TEA], TODAY)
    assert checklist.missing_units == 4 and not checklist.complete
    checklist.scan(MUG.gtin)
    checklist.scan(TEA.gtin, "L2", date(2026, 6, 1))
    assert refused(checklist, TEA.gtin, "L2", date(2026, 6, 1)) is RefusedReason.EXTRA_UNIT  # lot L2 had one
    assert refused(checklist, TEA.gtin, "L7", date(2026, 6, 1)) is RefusedReason.WRONG_LOT
    assert refused(checklist, TEA.gtin) is RefusedReason.NO_LOT
    assert refused(checklist, "06901234599998") is RefusedReason.WRONG_ITEM
    assert refused(checklist, MUG.gtin, None, date(2025, 1, 1)) is RefusedReason.EXPIRED
    checklist.scan(MUG.gtin)
    assert refused(checklist, MUG.gtin) is RefusedReason.EXTRA_UNIT
    checklist.scan(TEA.gtin, "L1", date(2026, 1, 1))
    assert checklist.complete and checklist.blockers() == []
    assert checklist.contents() == [(1, None, 2), (2, "L1", 1), (2, "L2", 1)]


def test_missing_units_block_and_parcels_split():
    checklist = PackChecklist([MUG, TEA], TODAY)
    checklist.scan(MUG.gtin)
    assert checklist.blockers()[0].kind == "missing" and "3 unit(s)" in checklist.blockers()[0].note.en
    first = checklist.close_parcel()
    assert len(first) == 1 and checklist.contents() == []
    assert [i.qty for i in checklist.remaining_items()] == [1, 2]
    checklist.scan(MUG.gtin)
    assert checklist.in_parcel(1) == 1 and checklist.remaining(1) == 0


def test_an_expired_lot_from_the_pick_is_refused():
    checklist = PackChecklist([OLD], TODAY)
    assert refused(checklist, OLD.gtin, "H9", None) is RefusedReason.EXPIRED


def test_server_side_validation_of_contents():
    lines = {1: MUG, 2: TEA}
    validate_contents(lines, {}, [(1, None, 2), (2, "L1", 1)], TODAY)
    for contents, reason in [([(1, None, 3)], RefusedReason.EXTRA_UNIT), ([(2, "L1", 2)], RefusedReason.EXTRA_UNIT),
                             ([(2, "L9", 1)], RefusedReason.WRONG_LOT), ([(9, None, 1)], RefusedReason.WRONG_ITEM)]:
        with pytest.raises(UnitRefused) as exc:
            validate_contents(lines, {}, contents, TODAY)
        assert exc.value.reason is reason
    with pytest.raises(UnitRefused) as exc:
        validate_contents({3: OLD}, {}, [(3, "H9", 1)], TODAY)
    assert exc.value.reason is RefusedReason.EXPIRED
