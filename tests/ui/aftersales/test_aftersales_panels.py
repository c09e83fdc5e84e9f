"""The after-sales panels, built as the lead will mount them (one line each, a WorkspaceContext), driven by
scans and buttons, with the database checked after each step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCharts import QBarSeries, QStackedBarSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from aftersales_helpers import actor, packed_and_labelled, parcel_of
from desktop.db import models
from desktop.db.types import utcnow
from ui.labels import stage_name
from ui.widgets.figures_panel import FiguresPanel
from ui.widgets.handover_panel import HandoverPanel
from ui.widgets.returns_panel import ReturnsPanel
from ui.station import build_station, station_paths

# The offscreen platform says this when a top-level widget is shown; nothing is wrong with the panel.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")


@pytest.fixture
def context(demo_db, runner, settings):
    """`context(login)`: what the window would give a workspace for that person, from a station of the test's own."""
    station = build_station(settings, station_paths(settings), demo_db, runner)
    yield lambda login: station.context(actor(demo_db, login), refresh_ms=0)
    station.close()


def touch_sized(widget) -> None:
    for button in widget.findChildren(QPushButton):
        assert button.minimumHeight() >= 48, button.objectName()


def test_handover_panel_scans_refuses_counts_and_closes(qtbot, demo_db, context, tmp_path):
    orders = packed_and_labelled(demo_db, utcnow().date())
    code, number, carrier = parcel_of(demo_db, orders[0])
    panel = HandoverPanel(context("packer1"))
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitUntil(lambda: panel.carrier.count() >= 2)
    other = next(panel.carrier.itemData(i) for i in range(panel.carrier.count()) if panel.carrier.itemData(i) != carrier)
    with qtbot.waitSignal(panel.state_loaded):
        panel.select_carrier(other)
    with qtbot.waitSignal(panel.refused) as refused:
        qtbot.keyClicks(panel.scan, code)
        qtbot.keyClick(panel.scan, Qt.Key.Key_Return)
    assert refused.args[0].reason == "wrong_carrier"
    assert "not into the" in panel.findChild(type(panel.message.text), "handover_message").text()  # the station's language
    with qtbot.waitSignal(panel.state_loaded):
        panel.select_carrier(carrier)
    assert code in [panel.unmanifested.item(r, 0).text() for r in range(panel.unmanifested.rowCount())]
    with qtbot.waitSignal(panel.state_loaded, timeout=10_000):
        assert panel.on_scan(number)
    assert [panel.parcels.item(r, 0).text() for r in range(panel.parcels.rowCount())] == [code]
    assert "1" in panel.count.text() and carrier in panel.count.text()
    with qtbot.waitSignal(panel.manifest_closed, timeout=10_000) as closed:
        qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert orders[0] in closed.args[0].orders_shipped
    with demo_db.unit_of_work() as uow:
        assert uow.session.scalar(select(models.Order.status).where(models.Order.order_no == orders[0])) == "shipped"
    qtbot.waitUntil(lambda: not panel.close_button.isEnabled())
    done = []
    panel.export(tmp_path / "m.pdf", "pdf", done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    touch_sized(panel)


def test_returns_panel_receives_inspects_restocks_and_refunds(qtbot, demo_db, context):
    with demo_db.unit_of_work() as uow:
        rma = uow.session.scalar(select(models.ReturnRequest).where(models.ReturnRequest.status == "approved")
                                 .order_by(models.ReturnRequest.id))
        rma_no = rma.rma_no
    panel = ReturnsPanel(context("super1"))
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.rma_loaded, timeout=10_000):
        qtbot.keyClicks(panel.scan, rma_no)
        qtbot.keyClick(panel.scan, Qt.Key.Key_Return)
    assert panel.view.status == "received" and rma_no in panel.header.text()
    assert not panel.refund_button.isEnabled()
    location = "SZ1-R00-0-00-0"
    for row in range(len(panel.view.lines)):
        panel.lines.selectRow(row)
        panel.checks["unused"].setChecked(False)  # opened: not for the shelf
        with qtbot.waitSignal(panel.rma_loaded):
            qtbot.mouseClick(panel.inspect_button, Qt.MouseButton.LeftButton)
        assert panel.view.lines[row].suggested == "quarantine"
        panel.on_scan("LOC-" + location)
        assert panel.location.text() == "LOC-" + location
        with qtbot.waitSignal(panel.refused):
            qtbot.mouseClick(panel.decision_buttons["restock"], Qt.MouseButton.LeftButton)
        assert "Only unused" in panel.message.message
        with qtbot.waitSignal(panel.rma_loaded):
            qtbot.mouseClick(panel.decision_buttons["quarantine"], Qt.MouseButton.LeftButton)
    assert panel.refund_button.isEnabled()
    panel.amount.setText("12.50")
    with qtbot.waitSignal(panel.rma_loaded):
        qtbot.mouseClick(panel.refund_button, Qt.MouseButton.LeftButton)
    assert panel.view.status == "closed"
    with demo_db.unit_of_work() as uow:
        row = uow.session.scalar(select(models.ReturnRequest).where(models.ReturnRequest.rma_no == rma_no))
        assert (row.resolution, str(row.refund_amount)) == ("refund", "12.50")
        assert all(rl.decision == "quarantine" for rl in row.lines)
    touch_sized(panel)


def test_figures_panel_draws_charts_names_the_slowest_stage_and_exports(qtbot, context, tmp_path):
    panel = FiguresPanel(context("super1"))
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitUntil(lambda: panel.figures is not None, timeout=20_000)
    f = panel.figures
    assert f.slowest_stage and stage_name(f.slowest_stage) in panel.slowest.text()
    stages = panel.views["stages"].chart().series()[0]
    assert isinstance(stages, QStackedBarSeries)
    normal, slow = stages.barSets()
    index = [s.stage for s in f.stages].index(f.slowest_stage)
    assert slow.at(index) > 0 and normal.at(index) == 0 and sum(slow.at(i) for i in range(slow.count())) == slow.at(index)
    assert isinstance(panel.views["pickers"].chart().series()[0], QBarSeries)
    assert panel.views["returns"].chart().series()[0].count() >= 1
    with qtbot.waitSignal(panel.exported, timeout=10_000) as csv_done:
        panel.export(tmp_path / "f.csv", "csv")
    assert (tmp_path / "f.csv").read_text().startswith("section,key,metric,value")
    with qtbot.waitSignal(panel.exported, timeout=10_000):
        panel.export(tmp_path / "f.xlsx", "xlsx")
    assert (tmp_path / "f.xlsx").read_bytes()[:2] == b"PK" and csv_done.args[0].endswith("f.csv")
    touch_sized(panel)


def test_a_picker_may_not_see_the_figures(qtbot, context):
    panel = FiguresPanel(context("picker1"))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.load_failed, timeout=10_000):
        pass
    assert "supervisor" in panel.slowest.text()
