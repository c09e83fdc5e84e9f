"""SF in the warehouse's flow, against the local SF simulator, on SQLite and PostgreSQL.

Pack a two-parcel order (master + child numbers issued by SF), print both labels as PDF on a
76 x 130 printer, rasterise them and decode the barcodes with zbar, hand them over, poll SF's routes
until the order is delivered. Then: pre-allocated numbers, a carrier that is down at packing, a
voided label, a reprint without a reason, an order cancelled after packing (stopped at the cage)
and one intercepted after shipping.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.errors import NotAllowed
from desktop.partners.carriers import sf
from desktop.services import carrier_accounts, packing, shipping, tracking, waybills
from desktop.services.documents import NotReadyToPrint
from desktop.services.supervision.orders import cancel_order
from printing.queue import PrintQueue
from printing.transports import PrinterSettings
from tests.sf_simulator import SfSimulator

from test_packing_service import TODAY, call, make_picked, pack  # noqa: I001 — the packing tests' helpers

PARTNER, CHECKWORD = "PICKDESK-WH1", "qiao-checkword-8f3a"
HANDOVER_DAY = datetime.now(UTC).date()  # labels are stamped by the wall clock


@pytest.fixture
def sim():
    s = SfSimulator(partners={PARTNER: CHECKWORD})
    s.start()
    yield s
    s.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path, monkeypatch, sim):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    database = Database.open(url)
    build_demo(database, orders=40, seed=3, as_of=TODAY)
    call(database, "admin", carrier_accounts.set_account, "SF", "sf", sim.url, PARTNER, CHECKWORD,
         {"monthly_card": "7551234567", "privacy_waybill": True})
    yield database
    database.dispose()


def picked_for_sf(db: Database, min_lines: int = 2):
    p = make_picked(db, min_lines=min_lines)
    with db.unit_of_work() as uow:  # the simulator serves every province but Tibet, like the real one some
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == p.order_no))
        assert order.ship_province != "西藏自治区"
    return p


def pack_on_sf(db: Database, p, units, action: str):
    return pack(db, p, units, action=action, carrier=("SF", "standard"), carrier_reason="SF account (test)")


def two_parcels(db: Database, p) -> list:
    first_line = p.units[0][0]
    one = pack_on_sf(db, p, [u for u in p.units if u[0] == first_line], "sf-1")
    two = pack_on_sf(db, p, [u for u in p.units if u[0] != first_line], "sf-2")
    return [one, two]


def drain(queue: PrintQueue) -> None:
    while queue.process_next() is not None:
        pass


def events_of(db: Database, number: str) -> list[str]:
    with db.unit_of_work() as uow:
        S, T = models.Shipment, models.TrackingEvent
        return list(uow.session.scalars(select(T.kind).join(S, T.shipment_id == S.id).where(S.tracking_no == number)
                                        .order_by(T.at)))


def order_shipments(db: Database, order_no: str) -> list[tuple[str, str, str]]:
    with db.unit_of_work() as uow:
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no))
        return [(pc.code, pc.shipment.tracking_no if pc.shipment else None, pc.status) for pc in order.parcels]


def test_two_parcels_with_sf_printed_handed_over_and_delivered(db, sim, tmp_path):
    p = picked_for_sf(db)
    parcels = two_parcels(db, p)
    assert parcels[1].order_packed
    master, child = sim.waybill_numbers(p.order_no)
    assert [x.tracking_no for x in parcels] == [master, child]
    assert [f["serviceCode"] for f in sim.requests] == ["EXP_RECE_CREATE_ORDER", "EXP_RECE_GET_SUB_MAILNO"]
    views = call(db, "packer1", waybills.waybills_of, p.order_no)
    assert [(v.kind, v.status, v.parcel) for v in views] == [("master", "used", parcels[0].code),
                                                             ("child", "used", parcels[1].code)]
    assert views[0].sort_code.endswith("WE-" + views[0].sort_code[:3][-2:] + "1A") and views[1].sort_code == views[0].sort_code

    folder = tmp_path / "printer"
    folder.mkdir()
    printer = PrinterSettings("folder", str(folder), format="pdf", label_size="76x130")
    with PrintQueue(tmp_path / "q.sqlite3") as queue:
        call(db, "packer1", packing.print_documents, p.order_no, queue, printer, slip=False)
        drain(queue)
    labels = sorted(folder.glob("*.pdf"))
    assert len(labels) == 2
    with db.unit_of_work() as uow:
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == p.order_no))
        phone = uow.sealer.open(order.customer_phone_sealed, "customer_phone", p.order_no)
    digits = "".join(c for c in phone if c.isdigit())
    decoded_all = set()
    for n, pdf in enumerate(labels):
        subprocess.run(["pdftoppm", "-r", "203", "-png", "-singlefile", str(pdf), str(tmp_path / f"l{n}")], check=True)
        decoded = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / f"l{n}.png")], check=True,
                                 capture_output=True, text=True).stdout.split()
        decoded_all |= set(decoded)
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        assert views[0].sort_code in text and "三段码" in text and views[0].three_segment in text
        assert "****" in text and digits[-8:] not in "".join(c for c in text if c.isdigit())  # privacy waybill
    assert {master, child} <= decoded_all
    codes = [x.code for x in parcels]
    call(db, "packer1", packing.record_labels_printed, codes)

    for code, number in zip(codes, (master, child), strict=True):
        r = call(db, "packer1", shipping.handover_scan, number, "SF", day=HANDOVER_DAY)
        assert r.parcel == code
    with pytest.raises(shipping.HandoverRefused) as again:
        call(db, "packer1", shipping.handover_scan, child, "SF", day=HANDOVER_DAY)
    assert again.value.reason == "already_manifested"  # the same label twice (a duplicate) is refused
    summary = call(db, "packer1", shipping.close_manifest, "SF", HANDOVER_DAY)
    assert p.order_no in summary.orders_shipped

    start = datetime.now(UTC) - timedelta(days=2)
    sim.story(master, start)
    sim.story(child, start, delivered=False)
    first = call(db, "super1", tracking.poll)  # (the demo's other carriers answer too)
    assert p.order_no not in dict(first.orders_changed)  # the child is still out for delivery
    assert events_of(db, master) == ["picked_up", "in_transit", "in_transit", "in_transit", "out_for_delivery",
                                     "delivered"]
    assert events_of(db, child)[-1] == "out_for_delivery"
    sim.add_route(child, "80", datetime.now(UTC) - timedelta(minutes=5), "上海市徐汇区", "已签收")
    second = call(db, "super1", tracking.poll)
    assert dict(second.orders_changed)[p.order_no] == "delivered"
    assert events_of(db, child)[-1] == "delivered" and len(events_of(db, child)) == 6
    assert any(f["serviceCode"] == "EXP_RECE_SEARCH_ROUTES" for f in sim.requests)


def test_pre_allocated_numbers_are_the_same_when_asked_again_and_used_by_the_parcels(db, sim):
    p = picked_for_sf(db)
    first = call(db, "packer1", waybills.allocate, p.order_no, "SF", 2)
    again = call(db, "packer1", waybills.allocate, p.order_no, None, 2)
    assert [v.number for v in first] == [v.number for v in again] == sim.waybill_numbers(p.order_no)
    assert [v.kind for v in first] == ["master", "child"]
    more = call(db, "packer1", waybills.allocate, p.order_no, "SF", 3)  # one more: a child, not a new order
    assert [v.number for v in more][:2] == [v.number for v in first] and len(more) == 3
    assert [f["serviceCode"] for f in sim.requests] == ["EXP_RECE_CREATE_ORDER", "EXP_RECE_GET_SUB_MAILNO"]
    parcels = two_parcels(db, p)
    assert [x.tracking_no for x in parcels] == [v.number for v in more][:2]
    with pytest.raises(NotAllowed):
        call(db, "picker1", waybills.allocate, p.order_no, "SF", 1)


def test_a_carrier_down_at_packing_closes_the_parcel_and_prints_only_once_sf_numbers_it(db, sim, tmp_path):
    p = picked_for_sf(db, min_lines=1)
    sim.down = True
    parcel = pack_on_sf(db, p, p.units, "down-1")
    assert parcel.order_packed and parcel.tracking_no is None
    printer = PrinterSettings("folder", str(tmp_path), format="pdf")
    with PrintQueue(tmp_path / "q.sqlite3") as queue:
        with pytest.raises(NotReadyToPrint) as waiting:
            call(db, "packer1", packing.print_documents, p.order_no, queue, printer, slip=False)
        assert parcel.code in waiting.value.message and "运单号" in waiting.value.message_zh
        assert queue.list_jobs() == []  # nothing printed with a made-up number
        sim.down = False
        submitted = call(db, "packer1", packing.print_documents, p.order_no, queue, printer, slip=False)
        assert len(submitted.jobs) == 1
    (number,) = sim.waybill_numbers(p.order_no)
    assert order_shipments(db, p.order_no) == [(parcel.code, number, "sealed")]


def test_a_refused_address_refuses_the_parcel_and_writes_nothing(db, sim):
    p = picked_for_sf(db, min_lines=1)
    with db.unit_of_work() as uow:
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == p.order_no))
        order.ship_province = "西藏自治区"
        uow.commit()
    with pytest.raises(waybills.WaybillRefused) as refused:
        pack_on_sf(db, p, p.units, "tibet-1")
    assert "8114" in refused.value.message and "顺丰" in refused.value.message_zh
    assert order_shipments(db, p.order_no) == []


def test_void_gives_the_numbers_back_and_the_hand_over_refuses_the_old_label(db, sim, tmp_path):
    p = picked_for_sf(db)
    parcels = two_parcels(db, p)
    old = sim.waybill_numbers(p.order_no)
    call(db, "packer1", packing.record_labels_printed, [x.code for x in parcels])
    printer = PrinterSettings("folder", str(tmp_path), format="pdf")
    with PrintQueue(tmp_path / "q.sqlite3") as queue:
        with pytest.raises(waybills.LabelControl) as no_reason:  # printed already: a reprint needs a reason
            call(db, "packer1", packing.print_documents, p.order_no, queue, printer, parcel=1, slip=False)
        assert "reason" in no_reason.value.message and "原因" in no_reason.value.message_zh
        call(db, "packer1", packing.print_documents, p.order_no, queue, printer, parcel=1, slip=False,
             reprint_reason="label torn at the belt")
    with db.unit_of_work() as uow:
        row = uow.session.scalar(select(models.Parcel).where(models.Parcel.code == parcels[0].code))
        assert row.reprints == 1
        audit = uow.session.scalar(select(models.AuditEntry).where(models.AuditEntry.action == "label_reprinted"))
        assert audit.detail["reason"] == "label torn at the belt"

    with pytest.raises(waybills.LabelControl):
        call(db, "packer1", waybills.void_label, parcels[1].code, "  ")
    voided = call(db, "packer1", waybills.void_label, parcels[1].code, "printed on the wrong parcel")
    assert voided == old and sim.orders[p.order_no].status == "cancelled"
    assert any(f["serviceCode"] == "EXP_RECE_UPDATE_ORDER" for f in sim.requests)
    with pytest.raises(shipping.HandoverRefused) as refused:
        call(db, "packer1", shipping.handover_scan, old[0], "SF", day=HANDOVER_DAY)
    assert refused.value.reason == "voided"
    with PrintQueue(tmp_path / "q2.sqlite3") as queue:  # new numbers under a new SF order id
        call(db, "packer1", packing.print_documents, p.order_no, queue, printer, slip=False)
    new = sim.waybill_numbers(f"{p.order_no}-2")
    assert [n for _c, n, _s in order_shipments(db, p.order_no)] == new and not set(new) & set(old)


def test_cancelled_after_packing_stops_at_the_cage(db, sim):
    p = picked_for_sf(db, min_lines=1)
    parcel = pack_on_sf(db, p, p.units, "cage-1")
    call(db, "packer1", packing.record_labels_printed, [parcel.code])
    call(db, "super1", cancel_order, p.order_no, "customer cancelled by phone")
    with db.unit_of_work() as uow:
        case = uow.session.scalar(select(models.ExceptionCase).where(models.ExceptionCase.kind == "intercept"))
        assert case.status == "open" and case.detail["stage"] == "cage" and case.detail["parcels"] == [parcel.code]
    with pytest.raises(shipping.HandoverRefused) as refused:
        call(db, "packer1", shipping.handover_scan, parcel.tracking_no, "SF", day=HANDOVER_DAY)
    assert refused.value.reason == "intercepted" and "拦截" in refused.value.message_zh
    with pytest.raises(waybills.LabelControl):  # not shipped: the carrier is not asked
        call(db, "super1", waybills.intercept, p.order_no, "cancelled")


def test_a_shipped_order_is_intercepted_at_sf(db, sim):
    p = picked_for_sf(db, min_lines=1)
    parcel = pack_on_sf(db, p, p.units, "ship-1")
    call(db, "packer1", packing.record_labels_printed, [parcel.code])
    call(db, "packer1", shipping.handover_scan, parcel.code, "SF", day=HANDOVER_DAY)
    call(db, "packer1", shipping.close_manifest, "SF", HANDOVER_DAY)
    with pytest.raises(NotAllowed):
        call(db, "packer1", waybills.intercept, p.order_no, "customer cancelled")
    asked = call(db, "super1", waybills.intercept, p.order_no, "customer cancelled")
    assert asked == [parcel.tracking_no] and sim.intercepts[parcel.tracking_no]["serviceCode"] == "2"
    with db.unit_of_work() as uow:
        case = uow.session.scalar(select(models.ExceptionCase).where(models.ExceptionCase.kind == "intercept"))
        assert case.detail["stage"] == "carrier" and case.detail["asked"] == asked
    sim.story(parcel.tracking_no, datetime.now(UTC) - timedelta(days=3))  # delivered meanwhile: SF says 20011
    with pytest.raises(waybills.LabelControl) as late:
        call(db, "super1", waybills.intercept, p.order_no, "again")
    assert "20011" in late.value.message


def test_the_check_word_is_sealed_and_a_wrong_one_is_a_typed_refusal(db, sim):
    with db.unit_of_work() as uow:
        row = uow.session.scalar(select(models.CarrierAccount).where(models.CarrierAccount.code == "SF"))
        assert CHECKWORD.encode() not in row.secret_sealed
    views = call(db, "super1", carrier_accounts.list_accounts)
    assert [(v.code, v.has_secret) for v in views] == [("SF", True)] and CHECKWORD not in repr(views)
    with pytest.raises(NotAllowed):
        call(db, "picker1", carrier_accounts.list_accounts)
    with pytest.raises(NotAllowed):
        call(db, "super1", carrier_accounts.set_account, "SF", "sf", sim.url, PARTNER, "x")
    call(db, "admin", carrier_accounts.set_account, "SF", "sf", sim.url, PARTNER, "not-the-check-word")
    p = picked_for_sf(db, min_lines=1)
    with pytest.raises(sf.SfDigestInvalid):
        pack_on_sf(db, p, p.units, "bad-digest")
    assert order_shipments(db, p.order_no) == []


def test_a_masked_number_ships_only_with_a_privacy_waybill_carrier(db, sim, tmp_path):
    p = picked_for_sf(db, min_lines=1)
    with db.unit_of_work() as uow:
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == p.order_no))
        order.customer_phone_sealed = uow.sealer.seal("138****8000", "customer_phone", p.order_no)
        uow.commit()
    with pytest.raises(packing.CarrierRefused) as refused:
        pack(db, p, p.units, action="masked-zto", carrier=("ZTO", "standard"), carrier_reason="cheaper")
    assert "privacy-waybill carrier (SF)" in refused.value.message and "隐私面单" in refused.value.message_zh
    parcel = pack_on_sf(db, p, p.units, "masked-sf")
    printer = PrinterSettings("folder", str(tmp_path), format="pdf", label_size="100x150")
    with PrintQueue(tmp_path / "q.sqlite3") as queue:
        call(db, "packer1", packing.print_documents, p.order_no, queue, printer, slip=False)
        drain(queue)
    (pdf,) = tmp_path.glob("*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "138****8000" in text.replace(" ", "") and parcel.tracking_no in text
