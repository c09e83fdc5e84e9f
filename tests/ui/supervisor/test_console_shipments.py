"""The console's answers on shipments and phones (issue 19 item 4): a lost parcel's exception shows the
shipment's story and the decisions that fit it; an order is found by the phone's last four digits,
the phone shown masked."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit, QPushButton
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.domain.roles import Role
from desktop.partners.carriers import TrackingUpdate
from desktop.security.crypto import mask_phone, phone_tail
from desktop.services import tracking
from ui.main_window import MainWindow


def _supervisor(db: Database) -> Actor:
    with db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == "super1"))
        return Actor(u.id, u.login, u.display_name, Role(u.role), "SUP-01")


def _lose_a_parcel(db: Database) -> tuple[str, str]:
    with db.unit_of_work() as uow:
        S, O = models.Shipment, models.Order
        order_no, number = uow.session.execute(
            select(O.order_no, S.tracking_no).join(S, S.order_id == O.id)
            .where(O.status == "shipped", S.status == "in_transit").order_by(S.id)).first()
    with db.unit_of_work(_supervisor(db)) as uow:
        tracking.import_events(uow, [TrackingUpdate(number, datetime.now(UTC), "lost", "杭州转运中心", "scan missing")],
                               "carrier")
    return order_no, number


def test_a_lost_parcel_shows_its_story_and_the_decisions_that_fit(qtbot, window: MainWindow, demo_db: Database,
                                                                 sign_in) -> None:
    order_no, number = _lose_a_parcel(demo_db)
    sign_in("super1")
    ws = window.workspace
    ws.tabs.setCurrentWidget(ws.exceptions_panel)
    qtbot.waitUntil(lambda: any(e.kind == "lost" and e.order_no == order_no for e in ws.exceptions), timeout=10_000)
    case = next(e for e in ws.exceptions if e.kind == "lost" and e.order_no == order_no)
    assert ws.select_exception(case.id)
    detail = ws.findChild(QLabel, "supervisor_exception_detail").text()
    assert number in detail and "The shipment's story:" in detail
    story = detail.split("The shipment's story:")[1]
    assert "Picked up" in story and "In transit" in story and "Lost · 杭州转运中心 · scan missing" in story
    decision = ws.findChild(QComboBox, "supervisor_decision")
    offered = [decision.itemData(i) for i in range(decision.count())]
    assert offered == ["reship", "refund", "keep_waiting"]
    assert decision.itemText(2) == "Accept the delay, keep waiting"
    decision.setCurrentIndex(0)
    qtbot.keyClicks(ws.findChild(QLineEdit, "supervisor_decision_reason"), "carrier confirmed the loss")
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        qtbot.mouseClick(ws.findChild(QPushButton, "supervisor_decide"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: case.id not in {e.id for e in ws.exceptions}, timeout=10_000)
    with demo_db.unit_of_work() as uow:
        copy = uow.session.scalar(select(models.Order).where(models.Order.order_no.like(f"{order_no}-R%")))
        assert copy is not None and copy.status == "ready"


def test_an_order_is_found_by_the_phones_last_digits_shown_masked(qtbot, window: MainWindow, demo_db: Database,
                                                                  sign_in) -> None:
    with demo_db.unit_of_work() as uow:
        o = uow.session.scalars(select(models.Order).order_by(models.Order.id)).first()
        no, phone = o.order_no, uow.sealer.open(o.customer_phone_sealed, "customer_phone", o.order_no)
    sign_in("super1")
    ws = window.workspace
    ws.tabs.setCurrentWidget(ws.orders)
    search = ws.findChild(QLineEdit, "supervisor_order_search")
    assert "tel:1234" in search.placeholderText()
    qtbot.keyClicks(search, f"tel:{phone_tail(phone)}")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    found = ws.findChild(QAbstractItemView, "supervisor_found_table")
    qtbot.waitUntil(lambda: found.isVisible() and no in found.model().keys(), timeout=10_000)
    model = found.model()
    column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index("Phone")
    row = model.keys().index(no)
    assert model.index(row, column).data() == mask_phone(phone) and "****" in mask_phone(phone)
    search.clear()
    qtbot.keyClicks(search, "tel:12")
    with qtbot.waitSignal(ws.action_failed, timeout=10_000) as refused:
        qtbot.keyClick(search, Qt.Key.Key_Return)
    assert "last four digits" in refused.args[0] and "tel:1234" in refused.args[0]
