"""Decisions on a shipment the carrier reports delayed, lost or refused, on SQLite and PostgreSQL
(issue 19 item 4): reship (a new order of the same items, its stock reserved again), refund, keep
waiting, or take a refused parcel back to stock through the returns flow."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from desktop.domain.errors import NotAllowed
from desktop.domain.roles import Role
from desktop.partners.carriers import TrackingUpdate
from desktop.services import returns, tracking
from desktop.services import supervision as sv

TODAY = date(2026, 11, 23)
AT = datetime(2026, 11, 24, 9, tzinfo=UTC)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("ship")
    url = f"sqlite:///{folder / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_module_url")
    database = Database.open(url)
    build_demo(database, orders=80, seed=3, as_of=TODAY)
    yield database
    database.dispose()


def actor(db: Database, login: str = "super1") -> Actor:
    with db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == login))
        return Actor(u.id, u.login, u.display_name, Role(u.role), "SUP-01")


def in_transit(db: Database) -> list[tuple[str, str]]:
    with db.unit_of_work() as uow:
        S, O = models.Shipment, models.Order
        return list(uow.session.execute(select(O.order_no, S.tracking_no).join(S, S.order_id == O.id)
                                        .where(O.status == "shipped", S.status == "in_transit").order_by(S.id)))


def reported(db: Database, kind: str) -> tuple[str, str, sv.ExceptionRow]:
    """A shipment in transit, reported `kind` by the carrier: (order, tracking number, its exception)."""
    order_no, number = in_transit(db)[0]
    with db.unit_of_work(actor(db)) as uow:
        tracking.import_events(uow, [TrackingUpdate(number, AT, kind, "上海转运中心", "carrier note")], "carrier")
    with db.unit_of_work(actor(db)) as uow:
        row = next(r for r in sv.list_exceptions(uow, kind=kind) if r.order_no == order_no)
    return order_no, number, row


def decide(db: Database, row: sv.ExceptionRow, decision: str, login: str = "super1") -> dict:
    with db.unit_of_work(actor(db, login)) as uow:
        return sv.decide_exception(uow, row.id, decision, "customer called", expected_version=row.version)


def order(db: Database, no: str) -> models.Order:
    with db.unit_of_work() as uow:
        o = uow.session.scalar(select(models.Order).where(models.Order.order_no == no))
        _ = [(ln.sku_id, ln.qty, [r.qty for r in ln.reservations]) for ln in o.lines]
        return o


def audited(db: Database, action: str, entity_id: str) -> int:
    with db.unit_of_work() as uow:
        A = models.AuditEntry
        return uow.session.scalar(select(func.count()).select_from(A).where(A.action == action, A.entity_id == entity_id))


def test_each_kind_offers_the_decisions_that_fit_and_tells_its_story(db) -> None:
    order_no, number, row = reported(db, "delayed")
    assert row.decisions == ("keep_waiting", "reship", "refund")
    story = row.detail["story"]
    assert [e["kind"] for e in story][-1] == "delayed" and story[0]["kind"] == "picked_up"
    assert sv.DECISIONS["lost"] == ("reship", "refund", "keep_waiting")
    assert sv.DECISIONS["refused"] == ("return_to_stock", "reship", "refund")
    with pytest.raises(sv.DecisionRefused):
        decide(db, row, "return_to_stock")  # not a decision for a delay
    with pytest.raises(NotAllowed):
        decide(db, row, "keep_waiting", login="packer1")
    done = decide(db, row, "keep_waiting")
    assert done["waiting_for"] == number and order(db, order_no).status == "shipped"


def test_a_lost_parcel_is_reshipped_as_a_new_order_with_its_stock_reserved_again(db) -> None:
    order_no, number, row = reported(db, "lost")
    assert order(db, order_no).status == "lost"
    done = decide(db, row, "reship")
    copy = order(db, done["new_order"])
    original = order(db, order_no)
    assert copy.order_no.startswith(order_no + "-R") and copy.total_charged == Decimal("0.00")
    assert sorted((ln.sku_id, ln.qty) for ln in copy.lines) == sorted((ln.sku_id, ln.qty) for ln in original.lines)
    assert done["result"] == copy.status == "ready"  # through intake at once: reserved for picking
    assert all(sum(r.qty for r in ln.reservations) == ln.qty for ln in copy.lines)
    assert copy.payment_txn == f"RESHIP lost {number}"  # intake keeps its own outcome; the cause stays here
    assert audited(db, "order_reshipped", order_no) == 1 and audited(db, "exception_decided", str(row.id)) == 1
    with db.unit_of_work() as uow:
        case = uow.session.get(models.ExceptionCase, row.id)
        assert (case.status, case.decision) == ("resolved", "reship")
        feed = uow.session.scalars(select(models.ChangeFeedEntry.topic).order_by(models.ChangeFeedEntry.id.desc()).limit(20)).all()
        assert "exceptions" in feed


def test_a_lost_parcel_refunded_closes_the_order(db) -> None:
    order_no, _number, row = reported(db, "lost")
    total = order(db, order_no).total_charged
    done = decide(db, row, "refund")
    assert Decimal(done["refund"]) == total and order(db, order_no).status == "cancelled"
    assert audited(db, "refund", order_no) == 1


def test_a_refused_delivery_refunded_is_written_on_its_return_and_not_paid_twice(db) -> None:
    order_no, _number, row = reported(db, "refused")
    rma_no = row.detail["rma"]
    done = decide(db, row, "refund")
    with db.unit_of_work(actor(db)) as uow:
        view = returns.get_return(uow, rma_no)
        assert view.status == "approved" and view.refund_amount == Decimal(done["refund"])
    # The parcel comes back: received, inspected, put aside, settled — as refund only (the refund is not paid again).
    with db.unit_of_work(actor(db, "packer1")) as uow:
        returns.receive_return(uow, rma_no)
    with db.unit_of_work(actor(db, "packer1")) as uow:
        for line in returns.get_return(uow, rma_no).lines:
            returns.inspect_unit(uow, rma_no, line.line_no, {"unused": True, "packaging_intact": True,
                                                            "damaged": False, "matches_order": True})
    with db.unit_of_work(actor(db, "packer1")) as uow:
        lines = returns.get_return(uow, rma_no).lines
    for line in lines:
        with db.unit_of_work(actor(db, "packer1")) as uow:
            returns.decide(uow, rma_no, line.line_no, "quarantine")
    with db.unit_of_work(actor(db)) as uow, pytest.raises(returns.ReturnRefused):
        returns.settle(uow, rma_no, "reship")
    with db.unit_of_work(actor(db)) as uow:
        view = returns.settle(uow, rma_no, "refund")
    assert view.status == "closed" and order(db, order_no).status == "returned"
    assert audited(db, "refund", order_no) == 1


def test_a_refused_delivery_goes_back_to_stock_or_is_reshipped(db) -> None:
    _order_no, _number, row = reported(db, "refused")
    done = decide(db, row, "return_to_stock")
    assert done["rma"] == row.detail["rma"]
    order_no, _number, row = reported(db, "refused")
    done = decide(db, row, "reship")
    assert order(db, done["new_order"]).status in ("ready", "backordered")
    with db.unit_of_work(actor(db)) as uow:
        assert returns.get_return(uow, row.detail["rma"]).resolution == "reship"
