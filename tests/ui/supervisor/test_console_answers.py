"""The console that answers (issue 19 item 4): find an order, settle an exception without losing one's
place, see who is signed in where and who is locked out, figures named as the tabs count."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit, QPushButton
from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import Database
from desktop.db.types import utcnow
from desktop.domain.roles import Role
from ui.main_window import MainWindow


def console(qtbot, window: MainWindow, sign_in, login: str = "super1"):
    sign_in(login)
    if login == "admin":
        window.open_workspace(Role.SUPERVISOR)
    ws = window.workspace
    assert ws.objectName() == "workspace_supervisor"
    qtbot.waitUntil(lambda: ws.board_table.model().rowCount() > 0, timeout=10_000)
    return ws


def test_an_order_is_found_by_its_number_or_a_sku(qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    ws = console(qtbot, window, sign_in)
    ws.tabs.setCurrentWidget(ws.orders)
    with demo_db.unit_of_work() as uow:
        o = uow.session.scalars(select(models.Order).where(models.Order.status == "delivered")
                                .order_by(models.Order.id)).first() or \
            uow.session.scalars(select(models.Order).order_by(models.Order.id)).first()
        number, sku = o.order_no, o.lines[0].sku.sku_code
    search = ws.findChild(QLineEdit, "supervisor_order_search")
    found = ws.findChild(QAbstractItemView, "supervisor_found_table")
    assert search is not None and not found.isVisible()
    qtbot.keyClicks(search, number)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: found.isVisible() and found.model().rowCount() == 1, timeout=10_000)
    assert ws.orders.selected_order() == number  # found, chosen: the actions apply to it
    assert "Found 1 order" in ws.findChild(QLabel, "supervisor_found_title").text()
    search.clear()
    qtbot.keyClicks(search, sku)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    title = ws.findChild(QLabel, "supervisor_found_title")
    qtbot.waitUntil(lambda: sku in title.text(), timeout=10_000)
    assert number in found.model().keys()
    search.clear()
    qtbot.keyClicks(search, "NOTHING-LIKE-THIS")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "No order found" in ws.findChild(QLabel, "supervisor_found_title").text(), timeout=10_000)
    # Two searches in quick succession: the task runner's threads may answer out of order; the last one asked counts.
    ws.orders.find(sku)
    ws.orders.find("NOTHING-AT-ALL")
    qtbot.waitUntil(lambda: "NOTHING-AT-ALL" in title.text(), timeout=10_000)
    qtbot.wait(1500)
    assert "No order found for “NOTHING-AT-ALL”" in title.text() and not found.isVisible()


def test_a_settled_exception_leaves_the_count_right_and_the_place_kept(qtbot, window: MainWindow, demo_db: Database,
                                                                       sign_in) -> None:
    ws = console(qtbot, window, sign_in)
    ws.tabs.setCurrentIndex(2)
    table = ws.findChild(QAbstractItemView, "supervisor_exceptions")
    qtbot.waitUntil(lambda: sum(1 for e in ws.exceptions if e.kind.endswith("_hold")) >= 1 and len(ws.exceptions) >= 3,
                    timeout=10_000)
    before = len(ws.exceptions)
    assert ws.tabs.tabText(2) == f"Exceptions ({before})"
    holds = [i for i, e in enumerate(ws.exceptions) if e.kind.endswith("_hold") and i < before - 1]
    at = holds[0]
    case, neighbour = ws.exceptions[at], ws.exceptions[at + 1]
    assert ws.select_exception(case.id)
    # The whole story: the row's tooltip and the detail carry what happened, however narrow the column.
    column = len(table.model().columns) - 1
    tip = table.model().index(at, column).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == ws.exceptions_panel.exception_summary(case) and tip in ws.findChild(
        QLabel, "supervisor_exception_detail").text()
    decision = ws.findChild(QComboBox, "supervisor_decision")
    assert decision.findData("accept") >= 0 and decision.itemText(decision.findData("accept")).startswith("Accept as is")
    decision.setCurrentIndex(decision.findData("accept"))
    qtbot.keyClicks(ws.findChild(QLineEdit, "supervisor_decision_reason"), "merchant confirmed")
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        qtbot.mouseClick(ws.findChild(QPushButton, "supervisor_decide"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: case.id not in {e.id for e in ws.exceptions}, timeout=10_000)
    with demo_db.unit_of_work() as uow:
        still_open = uow.session.scalar(select(func.count()).select_from(models.ExceptionCase)
                                        .where(models.ExceptionCase.status == "open"))
    qtbot.waitUntil(lambda: ws.tabs.tabText(2) == f"Exceptions ({still_open})", timeout=10_000)
    assert len(ws.exceptions) == still_open
    assert ws.exceptions_panel.selected_exception() is not None
    assert ws.exceptions_panel.selected_exception().id == neighbour.id  # the next case, not the top


def _lock(demo_db: Database, login: str, locked: bool) -> None:
    with demo_db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == login))
        u.failed_attempts, u.locked_until = (5, utcnow() + timedelta(minutes=15)) if locked else (0, None)
        uow.commit()


def test_who_is_signed_in_where_and_who_is_locked_out(qtbot, window: MainWindow, demo_db: Database, sign_in,
                                                      station: str) -> None:
    _lock(demo_db, "picker2", True)
    try:
        ws = console(qtbot, window, sign_in)
        ws.tabs.setCurrentWidget(ws.people)
        model = ws.findChild(QAbstractItemView, "supervisor_people").model()
        qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
        people = {p.login: p for p in model.records()}
        assert people["super1"].stations == (station,)  # this station, as the database has it
        assert people["picker2"].locked and model.records()[0].login == "picker2"  # the locked out first
        row = model.keys().index("picker2")
        assert "wrong PINs" in model.index(row, 3).data()
        assert "locked out: 1" in ws.findChild(QLabel, "supervisor_people_title").text()
        assert ws.people.select_person("picker2")
        unlock = ws.findChild(QPushButton, "supervisor_unlock")
        assert not unlock.isEnabled() and "administrator" in ws.findChild(QLabel, "supervisor_unlock_note").text()

        window.sign_out()
        ws = console(qtbot, window, sign_in, "admin")  # an administrator unlocks
        ws.tabs.setCurrentWidget(ws.people)
        qtbot.waitUntil(lambda: ws.people.select_person("picker2"), timeout=10_000)
        unlock = ws.findChild(QPushButton, "supervisor_unlock")
        assert unlock.isEnabled()
        with qtbot.waitSignal(ws.action_done, timeout=10_000):
            unlock.click()
        with demo_db.unit_of_work() as uow:
            assert uow.session.scalar(select(models.User.locked_until).where(models.User.login == "picker2")) is None
        qtbot.waitUntil(lambda: not {p.login: p for p in ws.people.model.records()}["picker2"].locked, timeout=10_000)
    finally:
        _lock(demo_db, "picker2", False)


def test_figures_say_what_they_count_and_axes_keep_whole_names(qtbot, window: MainWindow, sign_in) -> None:
    ws = console(qtbot, window, sign_in)
    with qtbot.waitSignal(ws.figures.loaded, timeout=30_000):
        ws.tabs.setCurrentWidget(ws.figures)
    text = ws.figures.summary.text()
    assert "short-pick exceptions raised in the period" in text and "exceptions opened" not in text
    for view in ws.figures.findChildren(QChartView):
        for axis in view.chart().axes():
            assert not axis.truncateLabels(), view.objectName()
