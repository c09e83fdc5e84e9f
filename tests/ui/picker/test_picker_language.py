"""The picker's screens read in one language: Simplified Chinese or English, never a mix.

The language is applied before the window is built, as the station does at start-up; then a
picker walks a batch by scans — idle, the first stop (list and map), a refusal, a good scan, the
short-pick dialog and its outcome, the end of the batch — and after each state every text a person
can read under the workspace must be in that language once data (product names in that language,
codes, people) is taken out. Dates on screen are the locale's, never ISO.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from visible_text import CJK, data_strings, visible_texts, wrong_language

from desktop.db.database import Database
from picker_scans import drop_off, good_unit, into_the_tote
from ui import i18n
from ui.feedback import Verdict
from ui.main_window import MainWindow

# The workspace header comes from ui/workspaces/base.py and the title and menus from the main
# window: the common chrome, translated with the common area, not here.
CHROME = {"workspace_title", "workspace_user"}


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp) -> Iterator[str]:
    i18n.apply_language(qapp, request.param)
    try:
        yield request.param
    finally:
        i18n.apply_language(qapp, "en")


@pytest.fixture
def window(language: str, window: MainWindow) -> MainWindow:
    """The station window, built after the language was applied."""
    return window


def workspace_texts(window: MainWindow) -> list[tuple[str, str]]:
    chrome = set(visible_texts(window.menuBar()))  # the window's title and menus
    return [(where, text) for where, text in visible_texts(window.workspace)
            if (where, text) not in chrome and where not in CHROME]


def assert_one_language(window: MainWindow, db: Database, language: str, state: str) -> None:
    texts = workspace_texts(window)
    assert texts, state
    wrong = wrong_language(texts, language, data_strings(db, language) + [db.describe()])
    assert wrong == [], f"{state}: {wrong}"


def walk_stop(window: MainWindow, stop) -> None:  # noqa: ANN001 - a PickStop
    """The location, then every unit: the stop is picked."""
    window.on_scan("LOC-" + stop.location_code)
    for _ in range(stop.remaining):
        window.on_scan(good_unit(stop))
    into_the_tote(window, window.workspace)
    assert window.workspace.feedback.verdict is Verdict.GOOD, window.workspace.feedback.text.text()


def chinese(widget: QWidget) -> bool:
    return bool(CJK.search(widget.text()))


def test_every_picker_state_reads_in_the_station_language(qtbot, language: str, window: MainWindow,
                                                          demo_db: Database, sign_in) -> None:
    zh = language == "zh_CN"
    # Two pickers, so that each language walks a batch of its own whichever runs first: picker1 the
    # batch the demo assigned to them, picker2 one planned from the ready orders.
    sign_in("picker2" if zh else "picker1")
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.ready_count.text() != ws.tr("Counting ready orders…"), timeout=10_000)

    # ── idle: the ready count and the big button ──
    n = ws.ready_orders
    expected = f"待拣货：{n} 单" if zh else f"Ready to pick: {n} order{'' if n == 1 else 's'}"
    assert ws.ready_count.text().splitlines()[0] == expected
    assert ws.next_batch.text() == ("下一批  [F5]" if zh else "Next batch  [F5]")
    assert chinese(ws.note) is zh
    assert_one_language(window, demo_db, language, "idle")
    if not zh:  # the English plural forms come from resources/translations/en/picker.ts
        assert ws.tr("Ready to pick: %n order(s)", "", 1) == "Ready to pick: 1 order"
        assert ws.tr("Offline: %n confirmed action(s) kept on this station, sent when the database is back",
                     "", 1).startswith("Offline: 1 confirmed action kept")

    # ── a batch taken: the first stop, the list and the map ──
    with qtbot.waitSignal(ws.batch_shown, timeout=10_000):
        ws.request_next_batch()
    model = ws.stops.stops_model
    assert model.headerData(1, ws.stops.horizontalHeader().orientation()) == ("库位" if zh else "Location")
    lots = [(row, s) for row, s in enumerate(model.stops) if s.lot_expiry is not None]
    assert lots, "the demo batch has lot-tracked stops"
    for row, s in lots:
        cell = model.index(row, 4).data()
        assert cell == f"{s.lot_code} · {i18n.long_date(s.lot_expiry)}" and s.lot_expiry.isoformat() not in cell
        # Never 3/9/2027: the month is a word (English) or 月 (Chinese), the year in full.
        assert str(s.lot_expiry.year) in cell and "/" not in cell
        assert (f"{s.lot_expiry.month}月{s.lot_expiry.day}日" in cell) if zh else \
            (s.lot_expiry.strftime("%b") in cell)

    # ── the cart: the batch's totes, scanned onto it ──
    assert ws.session.step.value == "cart" and ws.side.currentWidget() is ws.totes
    assert ws.totes.count() == len(ws.session.totes) and ws.take_totes.isVisible()
    assert chinese(ws.cur_location) is zh and chinese(ws.take_totes) is zh
    assert_one_language(window, demo_db, language, "the cart")
    window.on_scan(ws.session.totes[0])
    assert ws.feedback.verdict is Verdict.GOOD and chinese(ws.feedback.text) is zh
    assert ws.totes.item(0).data(Qt.ItemDataRole.UserRole) == "done"
    ws.take_suggested_totes()
    assert ws.session.step.value == "location" and ws.side.currentIndex() == 0
    first = next(s for s in ws.batch.stops if s.task_id == ws.session.current.task_id)
    assert ws.cur_product.text().splitlines()[0] == (first.product_name_zh if zh else first.product_name)
    assert chinese(ws.feedback.text) is zh and chinese(ws.progress) is zh
    assert_one_language(window, demo_db, language, "first stop")

    # ── a refusal: the wrong location ──
    stop = ws.session.current
    wrong = "LOC-SZ1-A01-1-01-1" if stop.location_code != "SZ1-A01-1-01-1" else "LOC-SZ1-A02-1-01-1"
    window.on_scan(wrong)
    assert ws.feedback.verdict is Verdict.REFUSED
    assert ws.feedback.text.text().startswith("库位错误" if zh else "Wrong location")
    assert_one_language(window, demo_db, language, "refused")

    # ── the short-pick dialog, then what became of the short ──
    # Short where another order's stop still follows, so the batch goes on whatever becomes of the short.
    def later_order_follows() -> bool:
        stops = ws.session.stops[ws.session.index:]
        return any(s.order_no != stops[0].order_no for s in stops[1:])

    while ws.session.current is not None and not later_order_follows():
        walk_stop(window, ws.session.current)
    assert ws.session.current is not None, "the demo batch holds two orders or more"
    short_stop = ws.session.current
    window.on_scan("LOC-" + short_stop.location_code)
    assert ws.feedback.verdict is Verdict.GOOD and chinese(ws.feedback.text) is zh
    assert_one_language(window, demo_db, language, "location confirmed")
    ws.open_short_dialog()
    dialog = ws.findChild(QDialog, "picker_short_dialog")
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == ("缺货 / 空库位" if zh else "Short / empty bin")
    assert_one_language(window, demo_db, language, "short-pick dialog")
    dialog.found.setValue(0)
    with qtbot.waitSignal(ws.persisted, timeout=10_000):
        dialog.accept()
    qtbot.waitUntil(lambda: not ws._loading)
    assert chinese(ws.status) is zh and chinese(ws.feedback.text) is zh
    assert_one_language(window, demo_db, language, "short reported")

    # ── a good item scan at the next stop ──
    assert ws.session is not None and ws.session.current is not None
    stop = ws.session.current
    window.on_scan("LOC-" + stop.location_code)
    window.on_scan(good_unit(stop))
    assert ws.feedback.verdict is Verdict.GOOD and chinese(ws.feedback.text) is zh
    assert_one_language(window, demo_db, language, "good item scan")
    while ws.session.current is stop and ws.session.step.value != "put":  # the rest of its units
        window.on_scan(good_unit(stop))
    # ── the put: a wrong tote refused, the right one taken ──
    assert chinese(ws.cur_tote) is zh and stop.tote_code in ws.cur_tote.text()
    assert_one_language(window, demo_db, language, "units in hand")
    others = [t for t in ws.session.totes if t != stop.tote_code]
    window.on_scan(others[0] if others else "TOTE-99999")
    assert ws.feedback.verdict is Verdict.REFUSED and chinese(ws.feedback.text) is zh
    assert stop.tote_code in ws.feedback.text.text()
    assert_one_language(window, demo_db, language, "wrong tote")
    into_the_tote(window, ws)
    assert ws.feedback.verdict is Verdict.GOOD

    # ── the rest of the batch, then batch complete ──
    while ws.session.current is not None:
        walk_stop(window, ws.session.current)
    # The last pick is answered on screen at once; the database has it a moment later.
    assert ws.batch is not None and ws.pages.currentIndex() == 1
    assert ws.cur_location.text() == ("送往打包台" if zh else "To packing")
    assert ws.side.currentWidget() is ws.totes and ws.totes.count() == len(ws.session.totes)
    assert_one_language(window, demo_db, language, "last stop picked")
    qtbot.waitUntil(lambda: ws.pending_writes == 0, timeout=10_000)
    assert ws.batch is not None  # recorded centrally; the batch ends with the drop-off scans
    drop_off(window, ws)
    qtbot.waitUntil(lambda: ws.ready_count.text() != "", timeout=5_000)
    assert ws.pages.currentIndex() == 0
    assert ws.status.text().endswith("完成，周转箱已送达打包区" if zh else "done — totes at packing")
    assert_one_language(window, demo_db, language, "batch complete")
