"""The receiver's Counts and Replenishment tabs, driven by scans as at the shelf (pytest-qt, SQLite)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from aftersales_helpers import actor
from desktop.db import models
from desktop.services import counts
from desktop.services.stock import verify_ledger
from stock_helpers import REFILL_GTIN, add_reserve, bin_stock
from ui.station import build_station, station_paths
from ui.widgets.receiver_counts import CountsTab
from ui.widgets.receiver_tasks import TasksTab

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")


def context_for(demo_db, runner, settings, login: str = "receiver1"):  # noqa: ANN001, ANN201
    return build_station(settings, station_paths(settings), demo_db, runner).context(actor(demo_db, login), 0)


def gs1(gtin: str, lot: str | None, expiry, qty: int) -> str:  # noqa: ANN001
    return f"(01){gtin}" + (f"(10){lot}" if lot else "") + (f"(17){expiry:%y%m%d}" if expiry else "") + f"(30){qty}"


def test_a_count_is_scanned_blind_and_submitted(qtbot, demo_db, runner, settings) -> None:
    with demo_db.unit_of_work() as uow:
        code = uow.session.scalar(select(models.Location.code).join(models.Stock)
                                  .where(models.Location.kind == "pick", models.Stock.reserved == 0,
                                         models.Stock.on_hand >= 10).order_by(models.Location.code).limit(1))
    rows = bin_stock(demo_db, code)
    with demo_db.unit_of_work(actor(demo_db, "receiver1")) as uow:
        row = counts.open_count(uow, location=code)
    tab = CountsTab(context_for(demo_db, runner, settings))
    qtbot.addWidget(tab)
    tab.resize(1280, 700)
    tab.show()
    tab.refresh()
    qtbot.waitUntil(lambda: tab.list.rowCount() > 0)
    headers = {tab.list.horizontalHeaderItem(c).text() for c in range(tab.list.columnCount())}
    assert not headers & {"Expected", "On hand", "Variance"}
    tab.on_scan(rows[0][0])  # an item before any count: refused
    assert tab.feedback.verdict.value == "refused"
    tab.on_scan(row.code)
    assert tab.count is not None and tab.count.id == row.id
    tab.on_scan(gs1(rows[0][0], rows[0][1], rows[0][2], 1))  # before the bin: refused
    assert tab.feedback.verdict.value == "refused"
    tab.on_scan(f"LOC-{code}")
    assert tab.feedback.verdict.value == "good"
    for i, (gtin, lot, expiry, on_hand, _, _) in enumerate(rows):
        tab.on_scan(gs1(gtin, lot, expiry, on_hand - (1 if i == 0 else 0)))
    # the last item's count keyed in by hand replaces what its scan said
    last = rows[-1]
    qtbot.keyClicks(tab.qty, str(last[3]))
    qtbot.keyClick(tab.qty, "\r")
    assert tab.found.rowCount() == len(rows)
    with qtbot.waitSignal(tab.submitted, timeout=10_000) as got:
        qtbot.mouseClick(tab.submit, qtbot_left())
    result = got.args[0]
    assert (result.adjusted, result.waiting, result.status) == (1, 0, "closed")
    assert bin_stock(demo_db, code)[0][3] == rows[0][3] - 1
    qtbot.waitUntil(lambda: all(tab.list.item(r, 0).text() != row.code for r in range(tab.list.rowCount())))


def qtbot_left():  # noqa: ANN201
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_refill_is_carried_out_by_scanning(qtbot, demo_db, runner, settings) -> None:
    add_reserve(demo_db)
    tab = TasksTab(context_for(demo_db, runner, settings))
    qtbot.addWidget(tab)
    tab.resize(1280, 700)
    tab.show()
    qtbot.mouseClick(tab.plan, qtbot_left())
    qtbot.waitUntil(lambda: any(r.sku == "T-REFILL" for r in tab.rows), timeout=10_000)
    task = next(r for r in tab.rows if r.sku == "T-REFILL")
    tab.on_scan(task.code)
    assert tab.task is not None and tab.task.id == task.id and tab.step == "from"
    tab.on_scan(f"LOC-{task.to_location}")
    assert tab.feedback.verdict.value == "refused" and tab.step == "from"
    tab.on_scan(f"LOC-{task.from_location}")
    tab.on_scan(f"(01){REFILL_GTIN}")
    assert tab.step == "qty" and tab.qty.isEnabled()
    qtbot.keyClicks(tab.qty, str(task.qty + 1))
    qtbot.keyClick(tab.qty, "\r")
    assert tab.feedback.verdict.value == "refused" and tab.step == "qty"
    qtbot.keyClick(tab.qty, "\r")  # Enter alone: all the task's units
    assert tab.step == "to"
    with qtbot.waitSignal(tab.done, timeout=10_000) as got:
        tab.on_scan(f"LOC-{task.to_location}")
    assert (got.args[0].qty, got.args[0].to_location) == (task.qty, task.to_location)
    with demo_db.unit_of_work() as uow:
        assert verify_ledger(uow) == []
        assert uow.session.get(models.ReplenishmentTask, task.id).status == "done"
