"""The pack bench's state machine without Qt or a database: every close, print and reprint rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from desktop.domain.actor import Actor
from desktop.domain.pack_bench import (
    FINISH_PARCEL_FIRST,
    NO_ORDER_OPEN,
    PARCELS_KEPT,
    SLIP,
    BenchRefused,
    Blocker,
    Expect,
    NothingToWeigh,
    PackBench,
    Weighed,
)
from desktop.domain.packing import (
    CarrierDefinition,
    ChecklistLine,
    Destination,
    PickedLot,
    RefusedReason,
    UnitRefused,
    choose_carrier,
    weight_tolerance,
)
from desktop.domain.roles import Role
from desktop.services.packing import PackView, ParcelView, WeightOverride

TODAY = date(2026, 11, 23)
SF = CarrierDefinition("SF", "SF Express", "顺丰", {
    "tracking_prefix": "SF", "tracking_digits": 12,
    "services": {"standard": {"label": "Standard", "days": 2, "base": "12.00", "per_kg": "2.00"},
                 "express": {"label": "Express", "days": 1, "base": "23.00", "per_kg": "5.00"}},
    "max_weight_g": 50000, "remote_provinces": [], "cod": True, "international": [], "insurance_rate": "0.005"})
ZTO = CarrierDefinition("ZTO", "ZTO", "中通", {
    "tracking_prefix": "ZT", "tracking_digits": 12,
    "services": {"standard": {"label": "Standard", "days": 3, "base": "6.00", "per_kg": "1.00"}},
    "max_weight_g": 30000, "remote_provinces": [], "cod": True, "international": [], "insurance_rate": "0.01"})
SHENZHEN = Destination("CN", "广东省")
TEA = ChecklistLine(1, "TEA", "06901234567892", "Green tea", "绿茶", 2, (PickedLot("L1", date(2027, 5, 1), 2),),
                    True, False, 250, 100, 80, 50, Decimal("30.00"))
MUG = ChecklistLine(2, "MUG", "06901234567908", "Mug", "杯子", 1, (), False, True, 400, 120, 100, 100,
                    Decimal("45.00"))
BOSS = Actor(7, "super1", "Wang Fang", Role.SUPERVISOR, "PACK-01")


def view(lines=(TEA, MUG), carriers=(SF, ZTO), parcels=()) -> PackView:
    return PackView(order_no="ORD-1", status="picked", tote="TOTE-0001", priority_class="normal", gift=False,
                    recipient="W**", phone="138****0000", city="Shenzhen", destination=SHENZHEN, cod=False,
                    lines=tuple(lines), parcels=tuple(parcels), carriers=tuple(carriers), carton=None,
                    expected_weight_g=None,
                    carrier=choose_carrier(list(carriers), SHENZHEN, 1000, "normal") if carriers else None,
                    today=TODAY)


def parcel(code="PCL-1", seq=1, of=1, packed=False) -> ParcelView:
    return ParcelView(code=code, seq=seq, of=of, carton="S1", expected_weight_g=900, actual_weight_g=905,
                      weight_override_reason=None, insured_value=None, carrier="ZTO", service="standard",
                      tracking_no="ZT000000000001", cost=Decimal("7.00"), units=3, order_packed=packed,
                      order_no="ORD-1")


def opened(**kw) -> PackBench:
    bench = PackBench()
    bench.open(view(**kw))
    return bench


def fill(bench: PackBench, tea: int = 2, mug: int = 1) -> None:
    for _ in range(tea):
        bench.scan_unit(TEA.gtin, "L1", date(2027, 5, 1))
    for _ in range(mug):
        bench.scan_unit(MUG.gtin)


def weigh_right(bench: PackBench, off: int = 0) -> Weighed:
    result = bench.weigh(bench.expected_weight() + off)
    assert isinstance(result, Weighed)
    return result


# ─── an empty bench ─────────────────────────────────────────────────────────────


def test_an_empty_bench_expects_an_order_and_allows_nothing():
    bench = PackBench()
    assert bench.expects() is Expect.ORDER
    assert bench.blockers() == [Blocker.NO_ORDER]
    assert not (bench.can_close() or bench.can_print() or bench.can_override() or bench.can_change_carrier()
                or bench.can_reweigh() or bench.in_the_middle())
    assert bench.rule_choice() is None and bench.current_carrier() is None and bench.parcels == []
    with pytest.raises(BenchRefused) as refused:
        bench.scan_unit(TEA.gtin, "L1")
    assert refused.value.reason == NO_ORDER_OPEN
    assert isinstance(bench.weigh(500), NothingToWeigh) and bench.verdict is None
    bench.check_can_open()  # nothing on the bench: any order may come


def test_opening_counts_the_units_and_starts_clean():
    bench = PackBench()
    assert bench.open(view()) == 3
    assert bench.expects() is Expect.UNITS and bench.in_the_middle()
    assert bench.blockers() == [Blocker.EMPTY_PARCEL, Blocker.NOT_WEIGHED]
    assert bench.current_carrier() == ("ZTO", "standard")  # the service's choice while the parcel is empty
    assert bench.can_change_carrier() and not bench.can_reweigh()


# ─── units and weight ───────────────────────────────────────────────────────────


def test_a_unit_scanned_is_reported_and_drops_the_reading():
    bench = opened()
    packed = bench.scan_unit(TEA.gtin, "L1", date(2027, 5, 1))
    assert (packed.name, packed.packed, packed.qty, packed.unit.lot) == ("Green tea", 1, 2, "L1")
    assert bench.expects() is Expect.WEIGHT and bench.can_reweigh()
    weigh_right(bench)
    assert bench.verdict is not None and bench.reading is not None
    bench.scan_unit(TEA.gtin, "L1", date(2027, 5, 1))
    assert bench.verdict is None and bench.reading is None and Blocker.NOT_WEIGHED in bench.blockers()


def test_a_refused_unit_changes_nothing():
    bench = opened()
    fill(bench, tea=2, mug=0)
    weigh_right(bench)
    with pytest.raises(UnitRefused) as refused:
        bench.scan_unit(TEA.gtin, "L1", date(2027, 5, 1))  # both teas are in already
    assert refused.value.reason is RefusedReason.EXTRA_UNIT
    assert bench.verdict is not None and len(bench.checklist.current) == 2


def test_a_reading_with_nothing_in_the_parcel_is_shown_not_kept():
    bench = opened()
    assert bench.weigh(Decimal("512.4")) == NothingToWeigh(512)
    assert bench.verdict is None


def test_reweigh_forgets_the_verdict_and_the_override():
    bench = opened()
    fill(bench)
    weigh_right(bench, off=200)
    bench.overridden(WeightOverride(BOSS, "wet box"))
    bench.reweigh()
    assert bench.verdict is bench.override is bench.reading is None
    assert bench.expects() is Expect.WEIGHT


# ─── closing ────────────────────────────────────────────────────────────────────


def test_the_last_parcel_is_printed_not_closed():
    bench = opened()
    fill(bench)
    weigh_right(bench)
    assert bench.blockers() == [] and bench.closes_order()
    assert not bench.can_close() and bench.can_print() and bench.expects() is Expect.PRINT


def test_a_partial_parcel_closes_with_f8_but_does_not_print():
    bench = opened()
    fill(bench, tea=2, mug=0)
    weigh_right(bench)
    assert bench.can_close() and not bench.can_print() and bench.expects() is Expect.CLOSE


def test_a_weight_mismatch_blocks_until_a_supervisor_overrides_once():
    bench = opened()
    fill(bench, tea=2, mug=0)
    weighed = weigh_right(bench, off=500)
    assert not weighed.verdict.ok
    assert bench.blockers() == [Blocker.WEIGHT_MISMATCH] and not bench.can_close()
    assert bench.expects() is Expect.OVERRIDE and bench.can_override()
    bench.overridden(WeightOverride(BOSS, "wet box"))
    assert bench.blockers() == [] and bench.can_close() and not bench.can_override()
    assert bench.pack_request().override.reason == "wet box"


def test_a_weight_within_tolerance_needs_no_override():
    bench = opened()
    fill(bench, tea=2, mug=0)
    weigh_right(bench, off=weight_tolerance(bench.expected_weight()))  # the edge of the tolerance
    assert bench.verdict.ok and not bench.can_override() and bench.can_close()


def test_no_carrier_blocks_and_says_so():
    bench = opened(carriers=())
    fill(bench)
    weigh_right(bench)
    assert bench.blockers() == [Blocker.NO_CARRIER] and bench.expects() is Expect.CARRIER
    assert not bench.can_print()


def test_the_packer_may_choose_another_carrier_with_a_reason():
    bench = opened()
    fill(bench)
    weigh_right(bench)
    rule = bench.rule_choice()
    assert bench.carrier_changed() is None and bench.current_carrier() == (rule.carrier, rule.service)
    bench.choose_carrier("SF", "express", "customer asked")
    assert bench.current_carrier() == ("SF", "express") and bench.carrier_changed() == rule
    request = bench.pack_request()
    assert (request.carrier, request.service, request.carrier_reason) == ("SF", "express", "customer asked")


def test_the_pack_request_is_the_parcel_with_a_fresh_action_id():
    bench = opened()
    fill(bench)
    weigh_right(bench, off=3)
    first, second = bench.pack_request(), bench.pack_request()
    assert first.action_id != second.action_id
    assert first.order_no == "ORD-1" and first.contents == [(1, "L1", 2), (2, None, 1)]
    assert first.measured_g == bench.expected_weight() + 3 and first.carton == bench.carton().carton.code
    assert first.today == TODAY and first.override is None


def test_nothing_closes_or_prints_while_a_service_call_is_under_way():
    bench = opened()
    fill(bench, tea=2, mug=0)
    weigh_right(bench, off=500)
    bench.busy = True
    assert bench.expects() is Expect.SERVICE
    assert not (bench.can_close() or bench.can_print() or bench.can_override() or bench.can_change_carrier()
                or bench.can_reweigh())


def test_another_order_waits_while_the_open_parcel_holds_units():
    bench = opened()
    bench.check_can_open()  # opened but nothing scanned: another scan may replace it
    fill(bench, tea=1, mug=0)
    with pytest.raises(BenchRefused) as refused:
        bench.check_can_open()
    assert (refused.value.reason, refused.value.units) == (FINISH_PARCEL_FIRST, 1)


def test_closing_a_parcel_starts_the_next_and_the_last_fixes_n_of_m():
    bench = opened(parcels=(parcel("PCL-0", seq=1, of=1),))  # one closed before the order came back
    fill(bench, tea=2, mug=0)
    weigh_right(bench)
    bench.parcel_packed(parcel("PCL-1", seq=2, of=2))
    assert bench.checklist.current == [] and bench.verdict is None and not bench.order_packed
    assert bench.expects() is Expect.UNITS and [p.code for p in bench.parcels] == ["PCL-0", "PCL-1"]
    fill(bench, tea=0, mug=1)
    weigh_right(bench)
    bench.parcel_packed(parcel("PCL-2", seq=3, of=3, packed=True))
    assert bench.order_packed and [(p.seq, p.of) for p in bench.parcels] == [(1, 3), (2, 3), (3, 3)]
    assert bench.expects() is Expect.PRINT and bench.can_print() and not bench.can_change_carrier()
    bench.check_can_open()  # packed: the next tote may come even before the labels print


# ─── printing ───────────────────────────────────────────────────────────────────


def packed_bench() -> PackBench:
    bench = opened()
    fill(bench)
    weigh_right(bench)
    bench.parcel_packed(parcel("PCL-1", packed=True))
    return bench


def test_printing_runs_until_every_label_is_out():
    bench = packed_bench()
    bench.submitted([(10, "PCL-1"), (11, SLIP)])
    assert not bench.can_print() and bench.expects() is Expect.PRINTING and bench.in_the_middle()
    progress = bench.jobs_polled({10: ("sending", None), 11: ("queued", None)})
    assert progress.newly_printed == () and not progress.settled
    progress = bench.jobs_polled({10: ("printed", None), 11: ("sending", None)})
    assert progress.newly_printed == ("PCL-1",) and not progress.all_labels_printed
    progress = bench.jobs_polled({10: ("printed", None), 11: ("printed", None)})
    assert progress.newly_printed == () and progress.all_labels_printed  # a label is reported out once
    assert not bench.in_the_middle() and bench.expects() is Expect.NEXT_ORDER and not bench.can_print()


def test_a_failed_slip_does_not_hold_the_order_but_can_print_again():
    bench = packed_bench()
    bench.submitted([(10, "PCL-1"), (11, SLIP)])
    progress = bench.jobs_polled({10: ("printed", None), 11: ("failed", "out of paper")})
    assert progress.all_labels_printed and bench.job_errors == {11: "out of paper"}
    assert bench.failed_documents() == [SLIP] and bench.can_print()
    assert bench.reprint().slip and bench.reprint().label_seqs == ()


def test_reprint_waits_until_nothing_is_printing_and_sends_only_what_failed():
    bench = opened()
    fill(bench, tea=2, mug=0)
    weigh_right(bench)
    bench.parcel_packed(parcel("PCL-1", seq=1, of=1))
    fill(bench, tea=0, mug=1)
    weigh_right(bench)
    bench.parcel_packed(parcel("PCL-2", seq=2, of=2, packed=True))
    bench.submitted([(10, "PCL-1"), (11, "PCL-2"), (12, SLIP)])
    bench.job_failed(10)
    assert bench.failed_documents() == [] and bench.reprint() is None and not bench.can_print()  # 11, 12 still out
    bench.jobs_polled({11: ("printed", None), 12: ("retrying", "paper jam")})
    assert bench.failed_documents() == []
    progress = bench.jobs_polled({11: ("printed", None), 12: ("printed", None)})
    assert progress.settled and not progress.all_labels_printed
    assert bench.failed_documents() == ["PCL-1"] and bench.expects() is Expect.REPRINT and bench.can_print()
    again = bench.reprint()
    assert (again.codes, again.label_seqs, again.slip) == (("PCL-1",), (1,), False)
    bench.submitted([(20, "PCL-1")], replacing=again.codes)
    assert bench.jobs == {11: "PCL-2", 12: SLIP, 20: "PCL-1"}  # what printed stays; the failed one makes way
    assert bench.job_states[20] == "queued" and not bench.can_print()


def test_a_failed_document_not_sent_again_stays_failed():
    bench = packed_bench()
    bench.submitted([(10, "PCL-1"), (11, SLIP)])
    bench.job_failed(10)
    bench.job_failed(11)
    bench.submitted([(20, "PCL-1")], replacing=("PCL-1", SLIP))  # the slip could not go (a ZPL printer)
    assert bench.jobs == {11: SLIP, 20: "PCL-1"} and bench.job_states[11] == "failed"


def test_a_first_print_replaces_every_job():
    bench = packed_bench()
    bench.submitted([(10, "PCL-1")])
    bench.submitted([(30, "PCL-1"), (31, SLIP)])
    assert bench.jobs == {30: "PCL-1", 31: SLIP}


def test_opening_the_next_order_forgets_the_last_ones_jobs_and_choices():
    bench = packed_bench()
    bench.choose_carrier("SF", "express", "asked")
    bench.submitted([(10, "PCL-1")])
    bench.jobs_polled({10: ("failed", "offline")})
    bench.open(replace(view(), order_no="ORD-2"))
    assert bench.jobs == {} and bench.job_errors == {} and bench.carrier is None and bench.parcels == []
    assert not bench.order_packed and bench.expects() is Expect.UNITS


# ─── kept on the station while the database is away ─────────────────────────────


def test_a_parcel_kept_offline_lets_the_next_start_but_nothing_prints_until_it_is_recorded():
    bench = opened()
    fill(bench, tea=2, mug=0)
    weigh_right(bench)
    first = bench.pack_request()
    bench.parcel_kept(first.action_id)
    assert bench.kept == [first.action_id] and bench.checklist.current == [] and bench.verdict is None
    assert bench.expects() is Expect.UNITS and bench.in_the_middle()
    with pytest.raises(BenchRefused) as refused:  # its labels first: no other order opens
        bench.check_can_open()
    assert (refused.value.reason, refused.value.units) == (PARCELS_KEPT, 1)
    fill(bench, tea=0, mug=1)
    weigh_right(bench)
    assert bench.can_print() and not bench.can_close()  # F9 closes the last parcel; the labels wait
    last = bench.pack_request()
    bench.parcel_kept(last.action_id, then_print=True)
    assert bench.expects() is Expect.DATABASE and not bench.can_print() and not bench.can_close()
    assert not bench.can_change_carrier() and bench.parcels == []

    # The database is back: the parcels are recorded in the order they were closed.
    assert bench.parcel_packed(parcel("PCL-1", seq=1, of=1), first.action_id) is False
    assert bench.kept == [last.action_id] and bench.expects() is Expect.DATABASE
    assert bench.parcel_packed(parcel("PCL-2", seq=2, of=2, packed=True), last.action_id) is True  # print now
    assert bench.kept == [] and bench.order_packed and [(p.seq, p.of) for p in bench.parcels] == [(1, 2), (2, 2)]
    assert bench.checklist.closed and len(bench.checklist.closed) == 2  # closed once each, not again
    assert bench.expects() is Expect.PRINT and bench.can_print()


def test_a_kept_parcel_recorded_without_a_print_asked_does_not_print_by_itself():
    bench = opened()
    fill(bench, tea=2, mug=0)
    weigh_right(bench)
    request = bench.pack_request()
    bench.parcel_kept(request.action_id)
    assert bench.parcel_packed(parcel("PCL-1", seq=1, of=1), request.action_id) is False
    assert bench.expects() is Expect.UNITS
