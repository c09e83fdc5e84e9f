"""End to end on the demo warehouse: intake → pick → pack → hand-over → shipped → delivered / refused →
return received and restocked (lot and expiry kept) → refund → completed → survey → feedback.

Every step is a real service call, and the database is checked after each one.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from aftersales_helpers import actor, call, pack_whole_order
from desktop.partners.carriers import TrackingUpdate
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.services import picking, returns, shipping, tracking
from desktop.services.intake import run_intake

TODAY = date(2026, 11, 23)


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    database = Database.open(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    build_demo(database, orders=40, seed=3, as_of=TODAY)
    yield database
    database.dispose()


def order(db: Database, order_no: str) -> models.Order:
    with db.unit_of_work() as uow:
        o = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no))
        _ = o.parcels, o.lines, [p.shipment and p.shipment.carrier for p in o.parcels], o.status_history
        return o


def statuses(db: Database, order_no: str) -> list[str]:
    return [c.to_status for c in order(db, order_no).status_history]


def test_orders_from_intake_to_delivery_refusal_return_restock_refund_and_feedback(db):
    # 1. Intake: the demo's received orders pass the gates; the good ones become ready with stock reserved.
    summary = run_intake(db, actor=actor(db, "super1"), now=datetime(2026, 11, 23, 9, 5, tzinfo=UTC))
    assert summary.count("ready") >= 1

    # 2. Picking: picker1 finishes the batch the demo gave them, stop by stop, with the real service.
    batch = call(db, "picker1", picking.next_batch, today=TODAY)
    picked_orders = set(batch.orders)
    for stop in batch.open_stops:
        call(db, "picker1", picking.confirm_pick, stop.task_id, stop.qty - stop.picked_qty, stop.lot_code,
             f"pick-{uuid.uuid4().hex[:12]}")
    assert {order(db, no).status for no in picked_orders} == {"picked"}

    # 3. Packing: every picked order is packed in one parcel on the rules' carrier; labels printed.
    with db.unit_of_work() as uow:
        to_pack = sorted(uow.session.scalars(select(models.Order.order_no).where(models.Order.status == "picked")))
    assert picked_orders <= set(to_pack)
    parcels = {no: pack_whole_order(db, no, TODAY) for no in to_pack}
    for no in to_pack:
        o = order(db, no)
        assert o.status == "packed"
        assert [p.status for p in o.parcels] == ["labelled"]
        assert o.parcels[0].shipment.tracking_no

    # 4. Hand-over: each parcel onto its carrier's cage; a wrong cage and a second scan are refused.
    carriers = {no: order(db, no).parcels[0].shipment.carrier.code for no in to_pack}
    first = to_pack[0]
    wrong = "EMS" if carriers[first] != "EMS" else "SF"
    with pytest.raises(shipping.HandoverRefused) as refused:
        call(db, "packer1", shipping.handover_scan, parcels[first][0], wrong, day=TODAY)
    assert refused.value.reason == "wrong_carrier"
    for no in to_pack:
        result = call(db, "packer1", shipping.handover_scan, parcels[no][0], carriers[no], day=TODAY)
        assert result.order_no == no
    with pytest.raises(shipping.HandoverRefused) as again:
        call(db, "packer1", shipping.handover_scan, parcels[first][0], carriers[first], day=TODAY)
    assert again.value.reason == "already_manifested"
    # The demo's own packed parcels (no tracking number yet) are the ones left behind.
    left = call(db, "packer1", shipping.unmanifested_parcels, TODAY)
    assert not {p.parcel for p in left} & {c for codes in parcels.values() for c in codes}

    # 5. Close every manifest: the orders are shipped, the customers get a "shipped" message queued.
    for code in sorted(set(carriers.values())):
        summary = call(db, "packer1", shipping.close_manifest, code, TODAY)
        assert set(summary.orders_shipped) == {no for no in to_pack if carriers[no] == code}
    with db.unit_of_work() as uow:
        for no in to_pack:
            o = uow.session.scalar(select(models.Order).where(models.Order.order_no == no))
            assert o.status == "shipped"
            assert o.parcels[0].status == "shipped" and o.parcels[0].shipment.shipped_at is not None
            kinds = uow.session.scalars(select(models.Notification.kind).where(models.Notification.order_id == o.id)).all()
            assert kinds == ["shipped"]

    # 6. Tracking: the first order is delivered, the second refused (a file-like batch of events).
    delivered_no, refused_no = to_pack[0], to_pack[1]
    t0 = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    number = {no: order(db, no).parcels[0].shipment.tracking_no for no in (delivered_no, refused_no)}
    events = [TrackingUpdate(number[delivered_no], t0, "picked_up", "深圳"),
              TrackingUpdate(number[delivered_no], t0 + timedelta(hours=20), "delivered", "北京"),
              TrackingUpdate(number[refused_no], t0, "picked_up", "深圳"),
              TrackingUpdate(number[refused_no], t0 + timedelta(hours=22), "refused", "上海", "收件人拒收")]
    result = call(db, "super1", tracking.import_events, events, "file")
    assert result.added == 4 and not result.unknown
    again = call(db, "super1", tracking.import_events, events, "file")
    assert again.added == 0 and again.duplicates == 4  # idempotent
    assert order(db, delivered_no).status == "delivered"
    assert order(db, refused_no).status == "refused"
    with db.unit_of_work() as uow:
        rma = uow.session.scalar(select(models.ReturnRequest).join(models.Order)
                                 .where(models.Order.order_no == refused_no))
        assert rma.reason == "refused" and rma.status == "approved"
        exc = uow.session.scalar(select(models.ExceptionCase).join(models.Order)
                                 .where(models.Order.order_no == refused_no, models.ExceptionCase.kind == "refused"))
        assert exc.status == "open" and exc.detail["actions"] == ["reship", "refund"]
        rma_no = rma.rma_no

    # 7. The refused parcel comes back: received by scanning its parcel code, inspected, restocked.
    view = call(db, "packer1", returns.receive_return, parcels[refused_no][0])
    assert view.rma_no == rma_no and view.status == "received"
    with db.unit_of_work() as uow:
        restock_to = uow.session.scalar(select(models.Location.code).where(
            models.Location.kind == "pick", models.Location.code.like("SZ1-B20-2-12-%")).order_by(models.Location.code))
    before = {}
    for line in view.lines:
        before[line.line_no] = _on_hand(db, line.sku, restock_to, line.lot)
        call(db, "packer1", returns.inspect_unit, rma_no, line.line_no,
             {"unused": True, "packaging_intact": True, "damaged": False, "matches_order": True})
        view = call(db, "packer1", returns.decide, rma_no, line.line_no, "restock", "LOC-" + restock_to)
    for line in view.lines:
        assert line.decision == "restock" and line.location == restock_to
        assert _on_hand(db, line.sku, restock_to, line.lot) == before[line.line_no] + line.qty
        if line.lot:  # the lot (and so its expiry) came back with the unit
            assert line.expiry is not None

    # 8. Refund recorded; the order is returned, the refusal exception resolved.
    view = call(db, "super1", returns.settle, rma_no, "refund")
    assert view.status == "closed" and view.resolution == "refund"
    assert view.refund_amount == order(db, refused_no).total_charged > Decimal(0)
    assert statuses(db, refused_no)[-3:] == ["shipped", "refused", "returned"]

    # 9. A week later the delivered order completes; the survey goes out; the answer is stored.
    done = call(db, "super1", returns.complete_delivered, timedelta(days=7), now=t0 + timedelta(days=9))
    assert delivered_no in done and order(db, delivered_no).status == "completed"
    with db.unit_of_work() as uow:
        o = uow.session.scalar(select(models.Order).where(models.Order.order_no == delivered_no))
        kinds = uow.session.scalars(select(models.Notification.kind).where(models.Notification.order_id == o.id)
                                    .order_by(models.Notification.id)).all()
        assert kinds == ["shipped", "delivered", "survey"]
    call(db, "super1", returns.record_feedback, delivered_no, 4, "delivery_speed", "快，包装也好 fast",
         at=t0 + timedelta(days=10))
    groups = call(db, "super1", returns.feedback_summary, t0 + timedelta(days=10), t0 + timedelta(days=11))
    assert [(g.category, g.count, g.mean_score) for g in groups] == [("delivery_speed", 1, 4.0)]
    assert statuses(db, delivered_no)[-4:] == ["packed", "shipped", "delivered", "completed"]
    with db.unit_of_work() as uow:
        actions = set(uow.session.scalars(select(models.AuditEntry.action)))
    assert {"parcel_handed_over", "manifest_closed", "tracking_imported", "return_received", "return_inspected",
            "return_decided", "return_settled", "orders_completed", "feedback_recorded"} <= actions


def _on_hand(db: Database, sku: str, location: str, lot: str | None) -> int:
    with db.unit_of_work() as uow:
        q = (select(func.coalesce(func.sum(models.Stock.on_hand), 0))
             .join(models.Sku, models.Stock.sku_id == models.Sku.id)
             .join(models.Location, models.Stock.location_id == models.Location.id)
             .outerjoin(models.Lot, models.Stock.lot_id == models.Lot.id)
             .where(models.Sku.sku_code == sku, models.Location.code == location))
        q = q.where(models.Lot.lot_code == lot) if lot else q.where(models.Stock.lot_id.is_(None))
        return uow.session.scalar(q)
