"""The supervisor's console: tabs load, actions through the UI, and a reassignment reaching a picker's window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QPushButton
from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import Database
from ui.main_window import MainWindow
from ui.station import build_station, station_paths
from ui.settings import Settings
from ui.tasks import TaskRunner


def sign_in_at(qtbot, window: MainWindow, login: str, pin: str) -> None:
    """At a second station: choose the user, type the PIN, press Enter."""
    view = window.sign_in_view
    assert view is not None and view.select_user(login)
    qtbot.keyClicks(view.pin, pin)
    with qtbot.waitSignal(window.signed_in, timeout=10_000):
        qtbot.keyClick(view.pin, Qt.Key.Key_Return)


def order_status(db: Database, order_no: str) -> str:
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(models.Order.status).where(models.Order.order_no == order_no))


def console(qtbot, window: MainWindow, sign_in):
    sign_in("super1")
    ws = window.workspace
    assert ws.objectName() == "workspace_supervisor"
    qtbot.waitUntil(lambda: rows(ws, "supervisor_board") > 0, timeout=10_000)
    return ws


def rows(ws, name: str) -> int:
    """How many rows a console table has (its model's: the tables are views over models)."""
    return ws.findChild(QAbstractItemView, name).model().rowCount()


def cell(ws, name: str, row: int, column: int) -> str:
    model = ws.findChild(QAbstractItemView, name).model()
    return model.index(row, column).data()


def click(qtbot, ws, name: str) -> None:
    qtbot.mouseClick(ws.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_every_tab_loads(qtbot, window: MainWindow, sign_in) -> None:
    ws = console(qtbot, window, sign_in)
    names = ["supervisor_status_table", "supervisor_board", "supervisor_pickers", "supervisor_orders",
             "supervisor_held_table", "supervisor_exceptions", "supervisor_low_stock", "supervisor_replenishment"]
    for name in names:
        qtbot.waitUntil(lambda name=name: rows(ws, name) > 0)
    assert rows(ws, "supervisor_audit") == 0  # the audit log is read when its tab is first opened
    ws.tabs.setCurrentWidget(ws.audit)
    qtbot.waitUntil(lambda: rows(ws, "supervisor_audit") > 0)
    for button in ws.findChildren(QPushButton):
        assert button.minimumHeight() >= 48, button.objectName()
    for t in range(ws.tabs.count()):
        ws.tabs.setCurrentIndex(t)  # each tab shows without a warning


def test_an_action_needs_a_reason_and_then_is_done(qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    ws = console(qtbot, window, sign_in)
    ws.tabs.setCurrentIndex(1)
    order_no = next(o.order_no for o in ws.board_orders if o.status == "ready")
    row = ws.orders_model.row_of(order_no)
    assert cell(ws, "supervisor_orders", row, 0) == order_no
    assert cell(ws, "supervisor_orders", row, 2) == "Ready"  # by name, not code
    assert ws.select_order(order_no) and ws.selected_order() == order_no
    with qtbot.waitSignal(ws.action_failed, timeout=2000):
        click(qtbot, ws, "supervisor_hold")
    assert order_status(demo_db, order_no) == "ready"
    qtbot.keyClicks(ws.findChild(QLineEdit, "supervisor_reason"), "customer asked to wait")
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, ws, "supervisor_hold")
    assert order_status(demo_db, order_no) == "held"
    with demo_db.unit_of_work() as uow:
        reason = uow.session.scalar(select(models.OrderStatusChange.reason).join(models.Order)
                                    .where(models.Order.order_no == order_no, models.OrderStatusChange.to_status == "held"))
    assert reason == "customer asked to wait"


def test_run_intake_from_the_console(qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    ws = console(qtbot, window, sign_in)
    with qtbot.waitSignal(ws.action_done, timeout=20_000) as done:
        click(qtbot, ws, "supervisor_run_intake")
    assert done.args == ["intake"] and "processed" in ws.message.text()
    with demo_db.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(models.Order)
                                  .where(models.Order.status == "received")) == 0


def test_an_exception_decision_through_the_panel(qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    ws = console(qtbot, window, sign_in)
    ws.tabs.setCurrentIndex(2)
    table = ws.findChild(QAbstractItemView, "supervisor_exceptions")
    qtbot.waitUntil(lambda: any(e.kind.endswith("_hold") for e in ws.exceptions))
    case = next(e for e in ws.exceptions if e.kind.endswith("_hold"))
    assert ws.select_exception(case.id)
    decision = ws.findChild(QComboBox, "supervisor_decision")
    assert [decision.itemData(i) for i in range(decision.count())] == ["release", "accept", "cancel"]
    decision.setCurrentIndex(decision.findData("cancel"))
    qtbot.keyClicks(ws.findChild(QLineEdit, "supervisor_decision_reason"), "customer cancelled by phone")
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, ws, "supervisor_decide")
    with demo_db.unit_of_work() as uow:
        c = uow.session.get(models.ExceptionCase, case.id)
        assert (c.status, c.decision, c.reason) == ("resolved", "cancel", "customer cancelled by phone")
        assert c.resolved_by is not None and c.order.status == "cancelled"
    qtbot.waitUntil(lambda: table.model().rowCount() == len(ws.exceptions)
                    and case.id not in {e.id for e in ws.exceptions})


def test_audit_search(qtbot, window: MainWindow, sign_in) -> None:
    ws = console(qtbot, window, sign_in)
    with qtbot.waitSignal(ws.audit_loaded, timeout=10_000):
        ws.tabs.setCurrentIndex(4)  # the first search, everything of the last 30 days
    qtbot.keyClicks(ws.findChild(QLineEdit, "supervisor_audit_text"), "customer cancelled by phone")
    with qtbot.waitSignal(ws.audit_loaded, timeout=10_000):
        click(qtbot, ws, "supervisor_audit_find")
    assert rows(ws, "supervisor_audit") >= 1
    assert {cell(ws, "supervisor_audit", r, 3) for r in range(rows(ws, "supervisor_audit"))} <= {
        "Exception decided", "Order status changed"}


# ─── two stations: the supervisor's console and a picker's window ────────────────


@pytest.fixture
def picker_window(qtbot, demo_db: Database, tmp_path) -> Iterator[MainWindow]:
    """A second station on the same central database: its own connection, task runner and settings."""
    db = Database.open(demo_db.url, key_store=demo_db.key_store)
    runner = TaskRunner(db)
    settings = Settings.from_file(tmp_path / "picker.ini")
    settings.station_name = "PICK-07"
    win = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: win.sign_in_view is not None and win.sign_in_view.users.count() > 0)
    yield win
    # pytest-qt has closed it already (and the other station's window is still to be torn down: no
    # event loop here, or its deferred deletion would run before its own fixture's teardown).
    if shiboken6.isValid(win):
        win.close()
    runner.wait_for_done(10_000)
    db.dispose()


def reassign_from_console(qtbot, ws, from_login: str, to_login: str) -> None:
    ws.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: any(p.login == from_login and p.batch for p in ws.pickers), timeout=5000)
    assert ws.select_picker(from_login)
    combo = ws.findChild(QComboBox, "supervisor_batch_picker")
    combo.setCurrentIndex(combo.findData(to_login))
    reason = ws.findChild(QLineEdit, "supervisor_batch_reason")
    reason.clear()
    qtbot.keyClicks(reason, "rebalance the floor")
    click(qtbot, ws, "supervisor_reassign_batch")


def take_a_batch(qtbot, picker_window: MainWindow, login: str):
    sign_in_at(qtbot, picker_window, login, {"picker1": "1111", "picker3": "2323"}[login])
    pws = picker_window.workspace
    assert pws.objectName() == "workspace_picker"
    with qtbot.waitSignal(pws.batch_shown, timeout=10_000):
        qtbot.mouseClick(pws.next_batch, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pws.watcher.last_id is not None)
    return pws


def test_reassignment_between_stops_reaches_the_pickers_window(qtbot, window: MainWindow, picker_window: MainWindow,
                                                               sign_in) -> None:
    pws = take_a_batch(qtbot, picker_window, "picker1")
    code = pws.batch.code
    ws = console(qtbot, window, sign_in)
    ws.refresh()
    qtbot.waitUntil(lambda: any(p.login == "picker1" and p.batch == code for p in ws.pickers), timeout=5000)
    with qtbot.waitSignal(pws.batch_closed, timeout=1500) as closed:
        reassign_from_console(qtbot, ws, "picker1", "picker2")
    assert closed.args == ["reassigned"]
    assert pws.batch is None and pws.pages.currentIndex() == 0 and "picker2" in pws.status.text()


def test_mid_stop_the_picker_is_told_not_overridden(qtbot, window: MainWindow, picker_window: MainWindow,
                                                    sign_in) -> None:
    pws = take_a_batch(qtbot, picker_window, "picker3")
    pws.take_suggested_totes()
    stop = pws.session.current
    picker_window.on_scan("LOC-" + stop.location_code)
    assert pws.session.mid_stop
    ws = console(qtbot, window, sign_in)
    ws.refresh()
    qtbot.waitUntil(lambda: any(p.login == "picker3" and p.batch for p in ws.pickers), timeout=5000)
    with qtbot.waitSignal(pws.notice, timeout=1500, check_params_cb=lambda text: "reassigned" in text):
        reassign_from_console(qtbot, ws, "picker3", "picker1")
    assert pws.pages.currentIndex() == 1 and pws.session is not None and pws.session.current is stop
