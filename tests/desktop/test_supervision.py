"""The supervisor's actions and exception decisions: recorded with reason and who, refused when they must be."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select
from test_intake_world import (  # noqa: F401 - fixtures
    NOW,
    SUPERVISOR,
    actor,
    floor,
    floor_template,
    load,
    mall_order,
    order,
)

from desktop.db import models
from desktop.domain.errors import IllegalTransition, NotAllowed, StaleData
from desktop.services import supervision as sv
from desktop.services.intake import run_intake


@pytest.fixture
def boss(floor):
    return actor(floor, "super1")


def ready_order(db, no="M1-SUP-1", **changes) -> models.Order:
    load(db, mall_order(no, **changes))
    run_intake(db, now=NOW, actor=SUPERVISOR)
    return order(db, no)


def case(db, kind, order_no=None, **detail) -> int:
    with db.unit_of_work() as uow:
        o = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no)) if order_no else None
        c = models.ExceptionCase(kind=kind, order=o, detail=detail)
        uow.session.add(c)
        uow.commit()
        return c.id


def exception(db, case_id) -> models.ExceptionCase:
    with db.unit_of_work() as uow:
        return uow.session.get(models.ExceptionCase, case_id)


def test_held_order_released_after_the_address_is_fixed(floor, boss) -> None:
    held = ready_order(floor, address={"district": ""})
    assert held.status == "held"
    with floor.unit_of_work(boss) as uow:
        assert sv.open_customer(uow, held.order_no).detail == "科技园南区科苑路15号"
    with floor.unit_of_work(boss) as uow:
        sv.correct_address(uow, held.order_no, "customer confirmed by phone", district="南山区")
    with floor.unit_of_work(boss) as uow:
        assert sv.release_order(uow, held.order_no, "district added", now=NOW) == "ready"
    o = order(floor, held.order_no)
    assert o.status == "ready" and sum(r.qty for ln in o.lines for r in ln.reservations) == 1
    with floor.unit_of_work() as uow:
        c = uow.session.scalar(select(models.ExceptionCase).where(models.ExceptionCase.order_id == o.id))
        assert (c.status, c.decision, c.reason, c.resolved_by) == ("resolved", "release", "district added", boss.user_id)
        actions = set(uow.session.scalars(select(models.AuditEntry.action).where(models.AuditEntry.user_id == boss.user_id)))
        assert {"customer_opened", "address_corrected", "order_released", "exception_decided"} <= actions


def test_hold_then_cancel_gives_the_units_back(floor, boss) -> None:
    o = ready_order(floor)
    with floor.unit_of_work(boss) as uow:
        sv.hold_order(uow, o.order_no, "customer called")
    with floor.unit_of_work(boss) as uow:
        sv.cancel_order(uow, o.order_no, "customer cancelled")
    o = order(floor, o.order_no)
    assert o.status == "cancelled" and not any(ln.reservations for ln in o.lines)


def test_a_shipped_order_cannot_be_cancelled_and_reasons_are_required(floor, boss) -> None:
    with floor.unit_of_work() as uow:
        shipped = uow.session.scalar(select(models.Order.order_no).where(models.Order.status == "shipped").limit(1))
    with pytest.raises(IllegalTransition), floor.unit_of_work(boss) as uow:
        sv.cancel_order(uow, shipped, "too late")
    with pytest.raises(sv.ReasonRequired), floor.unit_of_work(boss) as uow:
        sv.hold_order(uow, shipped, "  ")


def test_raise_priority(floor, boss) -> None:
    o = ready_order(floor)
    with floor.unit_of_work(boss) as uow:
        score = sv.raise_priority(uow, o.order_no, "urgent", "VIP customer", now=NOW)
    assert score >= o.priority_score + 1000
    assert order(floor, o.order_no).priority_class == "urgent"


def first_batch(db):
    with db.unit_of_work() as uow:
        return sv.active_batches(uow)[0]


def test_reassign_a_batch_announces_it_and_a_picker_cannot(floor, boss) -> None:
    code, picker, _status, version = first_batch(floor)
    target = "picker3" if picker != "picker3" else "picker2"
    with pytest.raises(NotAllowed), floor.unit_of_work(actor(floor, "picker1")) as uow:
        sv.reassign_batch(uow, code, target, "I want it")
    with floor.unit_of_work(boss) as uow:
        assert sv.reassign_batch(uow, code, target, "picker went home", expected_version=version) == version + 1
    with pytest.raises(StaleData), floor.unit_of_work(boss) as uow:
        sv.reassign_batch(uow, code, picker, "back again", expected_version=version)
    with floor.unit_of_work() as uow:
        batch = uow.session.scalar(select(models.PickBatch).where(models.PickBatch.code == code))
        assert batch.picker.login == target
        feed = uow.session.scalars(select(models.ChangeFeedEntry).where(models.ChangeFeedEntry.topic == "batches")).all()
        assert [(f.entity_id, f.payload["event"], f.payload["picker"], f.payload["from_picker"]) for f in feed] == [
            (code, "reassigned", target, picker)]
        assert {o.assigned_picker.login for t in batch.tasks for o in [t.line.order]} == {target}


def test_reassign_one_order_of_a_shared_batch_moves_its_stops(floor, boss) -> None:
    from desktop.services import picking

    with floor.unit_of_work(actor(floor, "admin")) as uow:  # a cart planned from ready orders: several share it
        view = picking.next_batch(uow)
    assert len(view.orders) > 1
    code, moving = view.code, view.orders[0]
    stops = sum(1 for s in view.stops if s.order_no == moving)
    with floor.unit_of_work(boss) as uow:
        new_code = sv.reassign_order(uow, moving, "picker3", "split the cart")
    with floor.unit_of_work() as uow:
        new = uow.session.scalar(select(models.PickBatch).where(models.PickBatch.code == new_code))
        assert new.picker.login == "picker3" and len(new.tasks) == stops
        assert {t.line.order.order_no for t in new.tasks} == {moving}
        old = uow.session.scalar(select(models.PickBatch).where(models.PickBatch.code == code))
        assert moving not in {t.line.order.order_no for t in old.tasks}


@pytest.fixture
def short(floor):
    """A ready order of 2 × T-PLAIN whose picker found one unit missing."""
    o = ready_order(floor, "M1-SHORT-1", lines=[{"gtin": "06901234567892", "qty": 2, "unit_price": "59.90"}],
                    shipping_fee="0.00", total_charged="119.80")
    line_id = o.lines[0].id
    with floor.unit_of_work() as uow:
        uow.session.get(models.OrderLine, line_id).short_qty = 1
        uow.commit()
    return o.order_no, case(floor, "short_pick", o.order_no, order_line_id=line_id, short_qty=1, reason="bin empty")


def decide(db, who, case_id, decision, reason="agreed with the customer", **kw):
    with db.unit_of_work(who) as uow:
        return sv.decide_exception(uow, case_id, decision, reason, now=NOW, **kw)


def test_short_pick_transfer(floor, boss, short) -> None:
    order_no, cid = short
    done = decide(floor, boss, cid, "transfer")
    with floor.unit_of_work() as uow:
        # the demo's own transfer from GZ2 (answered by an open notice) carries no order
        (t,) = uow.session.scalars(select(models.StockTransfer).where(models.StockTransfer.order_id.is_not(None)))
        assert (t.qty, t.status, t.order_id is not None) == (1, "requested", True)
        assert t.id == done["transfers"][0]
    assert order(floor, order_no).status == "held"
    c = exception(floor, cid)
    assert (c.status, c.decision, c.reason, c.resolved_by) == ("resolved", "transfer", "agreed with the customer",
                                                               boss.user_id)


def test_short_pick_wait(floor, boss, short) -> None:
    order_no, cid = short
    decide(floor, boss, cid, "wait")
    o = order(floor, order_no)
    assert o.status == "backordered" and not any(ln.reservations for ln in o.lines)
    with floor.unit_of_work() as uow:
        reasons = set(uow.session.scalars(select(models.ReplenishmentRequest.reason)))
    assert "short_pick" in reasons


def test_short_pick_substitute_needs_consent(floor, boss, short) -> None:
    order_no, cid = short
    with pytest.raises(sv.DecisionRefused):
        decide(floor, boss, cid, "substitute", substitute_sku="T-LOW")
    decide(floor, boss, cid, "substitute", substitute_sku="T-LOW", customer_consent="SMS reply 10:05 'OK'")
    o = order(floor, order_no)
    new = o.lines[-1]
    assert (new.sku.sku_code, new.qty, new.unit_price, new.substitute_for_line_id) == (
        "T-LOW", 1, Decimal("59.90"), o.lines[0].id)
    assert sum(r.qty for r in new.reservations) == 1
    assert exception(floor, cid).detail["customer_consent"] == "SMS reply 10:05 'OK'"


def test_short_pick_partial_and_full_refund(floor, boss, short) -> None:
    order_no, cid = short
    assert decide(floor, boss, cid, "partial_refund")["refund"] == "59.90"
    assert order(floor, order_no).status == "ready"
    cid2 = case(floor, "short_pick", order_no, reason="second look: none left")
    assert decide(floor, boss, cid2, "full_refund")["refund"] == "119.80"
    o = order(floor, order_no)
    assert o.status == "cancelled" and not any(ln.reservations for ln in o.lines)
    with floor.unit_of_work() as uow:
        assert [n.payload["amount"] for n in uow.session.scalars(
            select(models.Notification).where(models.Notification.kind == "refund"))] == ["59.90", "119.80"]


def test_hold_exceptions_cancel_weight_and_print(floor, boss) -> None:
    held = ready_order(floor, "M1-PAY-1", payment={"status": "failed", "transaction_id": None})
    (row,) = [r for r in sv_list(floor, boss) if r.order_no == held.order_no]
    assert row.decisions == ("release", "accept", "cancel")
    with pytest.raises(sv.DecisionRefused):
        decide(floor, boss, row.id, "transfer")
    decide(floor, boss, row.id, "cancel", "customer never paid")
    assert order(floor, held.order_no).status == "cancelled"
    weight = case(floor, "weight_override", None, reason="scale 1.2 kg over")
    decide(floor, boss, weight, "acknowledge", "heavier carton used")
    printing = case(floor, "print_failed", None, reason="printer offline")
    decide(floor, boss, printing, "reprint", "printer back")
    with floor.unit_of_work() as uow:
        assert uow.session.scalars(select(models.ChangeFeedEntry.payload)
                                   .where(models.ChangeFeedEntry.topic == "print")).one()["event"] == "reprint"
    with pytest.raises(sv.DecisionRefused):
        decide(floor, boss, printing, "reprint", "again")  # already settled
    with pytest.raises(NotAllowed):
        decide(floor, actor(floor, "packer1"), case(floor, "weight_override"), "acknowledge")


def sv_list(db, who):
    with db.unit_of_work(who) as uow:
        return sv.list_exceptions(uow)


def test_floor_board_and_audit_search(floor, boss) -> None:
    with floor.unit_of_work() as uow:
        board = sv.floor_board(uow, NOW)
    assert board.count("picking") > 0 and board.open_exceptions > 0
    lefts = [o.minutes_left for o in board.orders if o.minutes_left is not None]
    assert lefts == sorted(lefts)  # overdue (negative) first
    busy = [p for p in board.pickers if p.batch]
    assert busy and all(p.stops >= p.stops_done for p in busy)
    code, picker, _s, _v = first_batch(floor)
    with floor.unit_of_work(boss) as uow:
        sv.reassign_batch(uow, code, "picker3" if picker != "picker3" else "picker2", "lunch break")
    with floor.unit_of_work(boss) as uow:
        found = sv.search_audit(uow, text="lunch")
        assert [a.action for a in found] == ["batch_reassigned"] and found[0].user == "super1"
        assert sv.search_audit(uow, user="super1", action="batch_reassigned")
        assert not sv.search_audit(uow, text="lunch", since=NOW.replace(year=2030))
    with pytest.raises(NotAllowed), floor.unit_of_work(actor(floor, "picker1")) as uow:
        sv.search_audit(uow, text="x")
    with pytest.raises(NotAllowed), floor.unit_of_work(actor(floor, "packer1")) as uow:
        sv.open_customer(uow, board.orders[0].order_no)
