"""Returns by the merchant's rules on the demo's delivered orders; the checklist guards the shelf; reship."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from aftersales_helpers import call
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.services import returns

TODAY = date(2026, 11, 23)
GOOD = {"unused": True, "packaging_intact": True, "damaged": False, "matches_order": True}


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    database = Database.open(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    build_demo(database, orders=40, seed=3, as_of=TODAY)
    yield database
    database.dispose()


def delivered(db) -> tuple[str, object, int, int]:
    """A delivered demo order: (order no, delivered at, return days, warranty days)."""
    with db.unit_of_work() as uow:
        o = uow.session.scalar(select(models.Order).where(models.Order.status == "delivered").order_by(models.Order.id))
        return o.order_no, returns.delivered_at(uow, o), o.merchant.return_days, o.merchant.warranty_days


def test_no_reason_within_the_days_is_approved_and_after_them_rejected(db):
    no, at, days, warranty = delivered(db)
    ok = call(db, "super1", returns.request_return, no, None, "no_reason", now=at + timedelta(days=days - 1))
    assert ok.status == "approved" and "unused" in ok.note
    late = call(db, "super1", returns.request_return, no, [(1, 1)], "no_reason", now=at + timedelta(days=days + 1))
    assert late.status == "rejected" and f"{days} days" in late.note and late.note_zh
    quality = call(db, "super1", returns.request_return, no, [(1, 1)], "quality", [{"kind": "photo", "file": "a.jpg"}],
                   now=at + timedelta(days=days + 1))
    assert quality.status == "approved" and "warranty" in quality.note
    too_late = call(db, "super1", returns.request_return, no, [(1, 1)], "quality", now=at + timedelta(days=warranty + 1))
    assert too_late.status == "rejected"
    with pytest.raises(returns.ReturnRefused):
        call(db, "packer1", returns.receive_return, too_late.rma_no)
    with pytest.raises(returns.ReturnRefused):
        call(db, "super1", returns.request_return, no, [(9, 1)], "quality")


def test_the_checklist_keeps_used_units_off_the_shelf_and_quarantine_holds_them(db):
    no, at, days, _w = delivered(db)
    rma = call(db, "super1", returns.request_return, no, [(1, 1)], "no_reason", now=at + timedelta(days=1))
    view = call(db, "packer1", returns.receive_return, no)  # by order number
    assert view.status == "received"
    with pytest.raises(returns.ReturnRefused):
        call(db, "packer1", returns.decide, rma.rma_no, 1, "quarantine")  # not inspected yet
    view = call(db, "packer1", returns.inspect_unit, rma.rma_no, 1, {**GOOD, "unused": False})
    assert view.lines[0].suggested == "quarantine"
    with pytest.raises(returns.ReturnRefused):
        call(db, "packer1", returns.decide, rma.rma_no, 1, "restock", "SZ1-A01-1-01-1")
    view = call(db, "packer1", returns.decide, rma.rma_no, 1, "quarantine")
    assert view.lines[0].location == "SZ1-Q00-0-00-0"
    with db.unit_of_work() as uow:
        q = uow.session.scalar(select(models.Stock).join(models.Location).where(models.Location.code == "SZ1-Q00-0-00-0"))
        assert q.on_hand == view.lines[0].qty
    with pytest.raises(returns.ReturnRefused):
        call(db, "super1", returns.settle, rma.rma_no, "refund", 10**6)  # more than was charged
    done = call(db, "super1", returns.settle, rma.rma_no, "refund")
    assert done.refund_amount == done.suggested_refund and done.status == "closed"
    assert done.order_status == "returned"


def test_reship_of_a_refused_order_is_a_new_order_for_intake(db):
    with db.unit_of_work() as uow:
        rma = uow.session.scalar(select(models.ReturnRequest).where(models.ReturnRequest.status == "approved",
                                                                    models.ReturnRequest.reason == "refused"))
        rma_no, order_no = rma.rma_no, rma.order.order_no
        assert not rma.lines  # the demo's refused RMA names no lines: receiving takes the whole parcel
    view = call(db, "packer1", returns.receive_return, rma_no)
    lines = [(ln.line_no, ln.qty) for ln in view.lines]
    assert lines
    for line_no, _q in lines:
        call(db, "packer1", returns.inspect_unit, rma_no, line_no, GOOD)
        call(db, "packer1", returns.decide, rma_no, line_no, "restock", "SZ1-R00-0-00-0")
    view = call(db, "super1", returns.settle, rma_no, "reship")
    assert view.resolution == "reship" and view.order_status == "returned"
    with db.unit_of_work() as uow:
        copy = uow.session.scalar(select(models.Order).where(models.Order.order_no == f"{order_no}-R1"))
        assert copy.status == "received" and copy.total_charged == 0
        assert uow.sealer.open(copy.customer_name_sealed, "customer_name", copy.order_no)
        assert [(ln.line_no, ln.qty) for ln in copy.lines] == lines


def test_feedback_is_validated_and_grouped(db):
    no, at, *_ = delivered(db)
    with pytest.raises(returns.ReturnRefused):
        call(db, "super1", returns.record_feedback, no, 6, "service")
    with pytest.raises(returns.ReturnRefused):
        call(db, "super1", returns.record_feedback, no, 3, "weather")
    call(db, "super1", returns.record_feedback, no, 2, "packaging", "盒子压坏了", at=at)
    call(db, "super1", returns.record_feedback, no, 4, "packaging", "", at=at)
    groups = call(db, "super1", returns.feedback_summary, at, at + timedelta(seconds=1))
    assert [(g.category, g.count, g.mean_score, g.texts) for g in groups] == [("packaging", 2, 3.0, ("盒子压坏了",))]
