"""Tracking events from a file and from the demo carrier: idempotent, all-or-nothing files, exceptions."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from aftersales_helpers import call, packed_and_labelled, parcel_of
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.services import shipping, tracking

TODAY = date(2026, 11, 23)


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """The demo with its picked orders packed, handed over and shipped: (db, [(order, tracking no)])."""
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    db = Database.open(f"sqlite:///{tmp_path / 't.sqlite3'}")
    build_demo(db, orders=40, seed=3, as_of=TODAY)
    out = []
    for no in packed_and_labelled(db, TODAY):
        code, number, carrier = parcel_of(db, no)
        call(db, "packer1", shipping.handover_scan, code, carrier, day=TODAY)
        out.append((no, number, carrier))
    for carrier in {c for *_x, c in out}:
        call(db, "packer1", shipping.close_manifest, carrier, TODAY)
    yield db, out
    db.dispose()


def status(db, no):
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(models.Order.status).where(models.Order.order_no == no))


def exceptions(db, no):
    with db.unit_of_work() as uow:
        return [(e.kind, e.detail) for e in uow.session.scalars(
            select(models.ExceptionCase).join(models.Order).where(models.Order.order_no == no))]


def test_csv_file_import_is_idempotent_and_acts(shipped, tmp_path):
    db, out = shipped
    (a, na, _), (b, nb, _) = out[:2]
    text = ("tracking_no,at,kind,place,detail,eta\n"
            f"{na},2026-11-24T09:00:00+08:00,picked_up,深圳,,\n"
            f"{na},2026-11-24T20:00:00+08:00,delayed,武汉,暴雨 heavy rain,2026-11-27T18:00:00+08:00\n"
            f"{nb},2026-11-25T10:00:00+08:00,delivered,北京,本人签收,\n")
    r = call(db, "super1", tracking.import_file, text.encode(), "events.csv")
    assert (r.added, r.duplicates) == (3, 0)
    assert status(db, b) == "delivered" and status(db, a) == "shipped"
    kinds = exceptions(db, a)
    assert kinds[0][0] == "delayed" and kinds[0][1]["actions"] == ["contact_carrier", "wait"]
    with db.unit_of_work() as uow:
        s = uow.session.scalar(select(models.Shipment).where(models.Shipment.tracking_no == na))
        assert s.eta == datetime(2026, 11, 27, 10, 0, tzinfo=UTC) and s.status == "delayed"
        assert len(s.events) == 2
        kinds = uow.session.scalars(select(models.Notification.kind).where(models.Notification.order_id == s.order_id)
                                    .order_by(models.Notification.id)).all()
        assert kinds == ["shipped", "delayed"]
    again = call(db, "super1", tracking.import_file, text.encode(), "events.csv")
    assert (again.added, again.duplicates, again.notifications) == (0, 3, 0)


def test_a_broken_file_is_refused_whole_with_errors_by_line(shipped):
    db, out = shipped
    na = out[0][1]
    lines = [json.dumps({"tracking_no": na, "at": "2026-11-24T09:00:00+08:00", "kind": "picked_up"}),
             json.dumps({"tracking_no": na, "at": "2026-11-24T10:00:00", "kind": "in_transit"}),  # no offset
             json.dumps({"tracking_no": na, "at": "2026-11-24T11:00:00+08:00", "kind": "teleported"}),
             "not json"]
    with pytest.raises(tracking.TrackingFileInvalid) as info:
        call(db, "super1", tracking.import_file, "\n".join(lines).encode(), "e.jsonl")
    assert [n for n, _ in info.value.errors] == [2, 3, 4]
    assert "UTC offset" in info.value.errors[0][1] and "teleported" in info.value.errors[1][1]
    with pytest.raises(tracking.TrackingFileInvalid) as unknown:
        call(db, "super1", tracking.import_file,
             b"tracking_no,at,kind\nZT000000000000,2026-11-24T09:00:00+08:00,picked_up\n", "e.csv")
    assert "unknown tracking number" in unknown.value.errors[0][1]
    with db.unit_of_work() as uow:
        assert uow.session.scalar(select(models.TrackingEvent.id).where(models.TrackingEvent.source == "file")) is None


def test_lost_insured_parcel_gets_its_claim_and_refused_gets_an_rma(shipped):
    db, out = shipped
    (a, na, _), (b, nb, _) = out[:2]
    with db.unit_of_work() as uow:
        s = uow.session.scalar(select(models.Shipment).where(models.Shipment.tracking_no == na))
        s.insured_value = Decimal("1200.00")
        uow.commit()
    t = datetime(2026, 11, 26, 12, tzinfo=UTC)
    from desktop.partners.carriers import TrackingUpdate

    call(db, "super1", tracking.import_events, [TrackingUpdate(na, t, "lost", "中转站"),
                                               TrackingUpdate(nb, t, "refused", "上海")], "carrier")
    assert status(db, a) == "lost" and status(db, b) == "refused"
    (kind, detail), = exceptions(db, a)
    assert kind == "lost" and detail["claim"]["insured_value"] == "1200.00" and detail["actions"] == ["reship", "refund"]
    (kind, detail), = exceptions(db, b)
    assert kind == "refused" and detail["rma"].startswith("RMA-")


def test_poll_runs_the_demo_carrier_offline(shipped):
    db, out = shipped
    with db.unit_of_work() as uow:
        shipped_at = uow.session.scalar(select(models.Shipment.shipped_at).where(models.Shipment.tracking_no == out[0][1]))
    later = shipped_at + timedelta(days=15)
    r = call(db, "super1", tracking.poll, clock=lambda: later)
    assert r.added >= 3 * len(out)
    assert all(status(db, no) in ("delivered", "refused", "lost") for no, *_ in out)
    assert call(db, "super1", tracking.poll, clock=lambda: later).added == 0
