"""The supervisor's console in Simplified Chinese, and in English: every tab and the states a supervisor works
through show no word of the other language outside data (names, codes, what people and services recorded).

The language is installed before the window is built (as the station does at start-up) and English is put
back afterwards, so the other tests stay English. The workspace's own widgets are read, not the window's
chrome (menus, status bar, the workspace header), which the common area translates.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QPieSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QPushButton
from sqlalchemy import select

from aftersales_helpers import packed_and_labelled, parcel_of
from desktop.db import models
from desktop.db.database import Database
from desktop.db.types import utcnow
from ui.i18n import apply_language
from visible_text import CJK, data_strings, visible_texts, wrong_language

# The workspace header (title, who is signed in) belongs to the common chrome, translated by the lead.
CHROME = ("workspace_title", "workspace_user")


@pytest.fixture(scope="module")
def floor(demo_db: Database) -> dict[str, str]:
    """What the console should have to show beyond the demo: labelled parcels for the cage, exceptions of the
    kinds the floor raises (with the detail their services record), an approved return to receive."""
    today = utcnow().date()
    order_no = packed_and_labelled(demo_db, today)[0]
    parcel, _tracking, carrier = parcel_of(demo_db, order_no)
    with demo_db.unit_of_work() as uow:
        s = uow.session
        orders = s.scalars(select(models.Order).where(models.Order.status.in_(("ready", "held")))
                           .order_by(models.Order.id).limit(3)).all()
        line = orders[0].lines[0]
        s.add(models.ExceptionCase(kind="short_pick", order=orders[0], detail={
            "order_no": orders[0].order_no, "line_no": line.line_no, "sku": line.sku.sku_code,
            "location": "SZ1-A01-1-01-1", "missing_qty": 2, "batch": "B261124-0001", "picker": "picker1"}))
        s.add(models.ExceptionCase(kind="backorder", order=orders[1], detail={}))
        p = s.scalar(select(models.Parcel).where(models.Parcel.code == parcel))
        s.add(models.ExceptionCase(kind="not_manifested", order_id=p.order_id, parcel_id=p.id, detail={
            "carrier": carrier, "day": today.isoformat(), "tracking_no": _tracking,
            "actions": ["find_parcel", "next_pickup"]}))
        rma = s.scalar(select(models.ReturnRequest).where(models.ReturnRequest.status == "approved")
                       .order_by(models.ReturnRequest.id))
        uow.commit()
        return {"parcel": parcel, "carrier": carrier, "rma": rma.rma_no}


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp) -> Iterator[str]:
    apply_language(qapp, request.param)
    try:
        yield request.param
    finally:
        apply_language(qapp, "en")


def recorded_notes(db: Database) -> list[str]:
    """Notes the services recorded as English text only — intake's and the demo's hold findings (orders' hold
    detail, hold exceptions' detail), the reasons of status changes ("1 parcel(s)") — and address data: the
    console shows them as recorded."""
    notes: set[str] = set()
    with db.unit_of_work() as uow:
        notes.update(d for d in uow.session.scalars(select(models.Order.hold_detail)) if d)
        for detail in uow.session.scalars(select(models.ExceptionCase.detail)):
            notes.update(str(detail[k]) for k in ("reason", "note") if (detail or {}).get(k))
        notes.update(r for r in uow.session.scalars(select(models.OrderStatusChange.reason)) if r)
        notes.update(v for (v,) in uow.session.execute(select(models.Order.ship_province)) if v)  # address data
        notes.update(v for (v,) in uow.session.execute(select(models.Order.ship_city)) if v)
    return sorted(notes, key=len, reverse=True)


def chart_texts(panel) -> list[tuple[str, str]]:  # noqa: ANN001 - a FiguresPanel
    """The words drawn in the charts (QtCharts items are not widgets): titles, axis titles and categories,
    series and bar-set names (the legends), pie slice labels."""
    found: list[tuple[str, str]] = []
    for name, view in panel.views.items():
        chart = view.chart()
        found.append((f"{name}.title", chart.title()))
        for axis in chart.axes():
            found.append((f"{name}.axis_title", axis.titleText()))
            if isinstance(axis, QBarCategoryAxis):
                found += [(f"{name}.category", c) for c in axis.categories()]
        for series in chart.series():
            found.append((f"{name}.series", series.name()))
            if isinstance(series, QAbstractBarSeries):
                found += [(f"{name}.legend", s.label()) for s in series.barSets()]
            if isinstance(series, QPieSeries):
                found += [(f"{name}.slice", s.label()) for s in series.slices()]
    return [(where, text) for where, text in found if text and text.strip()]


def click(qtbot, ws, name: str) -> None:  # noqa: ANN001
    qtbot.mouseClick(ws.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_every_tab_and_state_of_the_console_reads_in_the_station_language(
        language: str, request, qtbot, demo_db: Database, floor: dict[str, str], sign_in) -> None:  # noqa: ANN001
    window = request.getfixturevalue("window")  # built after the language is installed
    data = data_strings(demo_db, language) + [demo_db.describe()] + recorded_notes(demo_db)
    sign_in("super1")
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.findChild(QAbstractItemView, "supervisor_board").model().rowCount() > 0, timeout=10_000)
    seen: list[str] = []

    def check(state: str) -> None:
        texts = [(w, t) for w, t in visible_texts(ws) if w not in CHROME]
        wrong = wrong_language(texts, language, data)
        assert wrong == [], f"{state}: {wrong}"
        seen.append(state)

    # Floor: statuses by priority class, the board, the pickers.
    assert ws.status_table.item(0, 0).text() == ("已接收" if language == "zh_CN" else "Received")
    check("floor")

    # Orders: a refusal (no reason), then a hold.
    ws.tabs.setCurrentIndex(1)
    assert ws.select_order(next(o.order_no for o in ws.board_orders if o.status == "ready"))
    with qtbot.waitSignal(ws.action_failed, timeout=2000):
        click(qtbot, ws, "supervisor_hold")
    check("orders: a reason is asked for")
    # Typed through an input method in Chinese: QTest types ASCII keys only, so the text is set.
    ws.findChild(QLineEdit, "supervisor_reason").setText("客户要求暂缓" if language == "zh_CN" else "wait")
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, ws, "supervisor_hold")
    qtbot.waitUntil(lambda: ws.held_table.model().rowCount() > 0)
    check("orders: held")

    # Exceptions: each kind selected, its decisions in the list; then one decided.
    ws.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: {"short_pick", "backorder", "not_manifested"} <= {e.kind for e in ws.exceptions},
                    timeout=10_000)
    decision = ws.findChild(QComboBox, "supervisor_decision")
    for kind in sorted({e.kind for e in ws.exceptions}):
        case = next(e for e in ws.exceptions if e.kind == kind)
        assert ws.select_exception(case.id)
        assert decision.count() == len(case.decisions) > 0
        check(f"exceptions: {kind}")
    short = next(e for e in ws.exceptions if e.kind == "short_pick")
    ws.select_exception(short.id)
    decision.setCurrentIndex(decision.findData("substitute"))  # the consent fields show
    check("exceptions: substitute")
    hold = next(e for e in ws.exceptions if e.kind.endswith("_hold"))
    ws.select_exception(hold.id)
    decision.setCurrentIndex(decision.findData("cancel"))
    ws.findChild(QLineEdit, "supervisor_decision_reason").setText("客户来电取消" if language == "zh_CN" else "phoned")
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, ws, "supervisor_decide")
    check("exceptions: decided")

    # Stock: low stock and replenishment requests.
    ws.tabs.setCurrentIndex(3)
    assert ws.low_stock_table.model().rowCount() > 0 and ws.replenishment_table.model().rowCount() > 0
    check("stock")

    # Audit: everything of the last days, the actions above among it.
    ws.tabs.setCurrentIndex(4)
    with qtbot.waitSignal(ws.audit_loaded, timeout=10_000):
        click(qtbot, ws, "supervisor_audit_find")
    assert ws.audit_table.model().rowCount() > 10
    check("audit")

    # Hand-over: the cage of the labelled parcel, a parcel scanned, an unknown code refused.
    ws.tabs.setCurrentWidget(ws.handover)
    qtbot.waitUntil(lambda: ws.handover.carrier.count() > 0, timeout=10_000)
    with qtbot.waitSignal(ws.handover.state_loaded, timeout=10_000):
        ws.handover.select_carrier(floor["carrier"])
    on_cage = floor["parcel"] in [row.parcel for row in ws.handover.state.parcels]  # by the other language's run
    with qtbot.waitSignal(ws.handover.refused if on_cage else ws.handover.state_loaded, timeout=10_000):
        window.on_scan(floor["parcel"])  # onto the cage, or refused: already on it
    qtbot.waitUntil(lambda: ws.handover.parcels.rowCount() > 0)
    check("hand-over: a parcel on the cage")
    with qtbot.waitSignal(ws.handover.refused, timeout=10_000):
        window.on_scan("PCL-9999999999")
    check("hand-over: refused")

    # Returns: a return received and one unit inspected and decided.
    ws.tabs.setCurrentWidget(ws.returns)
    with qtbot.waitSignal(ws.returns.rma_loaded, timeout=10_000):
        window.on_scan(floor["rma"])
    check("returns: received")
    ws.returns.lines.selectRow(0)
    if not ws.returns.view.lines[0].decision:
        with qtbot.waitSignal(ws.returns.rma_loaded, timeout=10_000):
            qtbot.mouseClick(ws.returns.inspect_button, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(ws.returns.rma_loaded, timeout=10_000):
            qtbot.mouseClick(ws.returns.decision_buttons["quarantine"], Qt.MouseButton.LeftButton)
    check("returns: inspected and decided")

    # Figures: the panel and the words drawn in its charts (titles, axes, legends, slices).
    ws.tabs.setCurrentWidget(ws.figures)
    qtbot.waitUntil(lambda: ws.figures.figures is not None, timeout=20_000)
    check("figures")
    drawn = chart_texts(ws.figures)
    for name in ("stages", "hours", "satisfaction"):
        assert any(w == f"{name}.axis_title" for w, _t in drawn), name
    assert [w for w, _t in drawn].count("pickers.legend") == 2 and ws.figures.views["pickers"].chart().legend().isVisible()
    assert wrong_language(drawn, language, data) == []
    if language == "zh_CN":
        assert all(CJK.search(t) for w, t in drawn if w.endswith(("title", "legend"))), drawn
    assert len(seen) >= 14
