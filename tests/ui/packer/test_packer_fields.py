"""Grams belong to the weight field: typed into the scan field they are never read as a barcode."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.feedback import Verdict


def open_order(qtbot, window, sign_in, picked):
    sign_in("packer1")
    ws = window.workspace
    window.activateWindow()
    ws.setFocus()
    qtbot.waitUntil(lambda: ws.scan.hasFocus())
    p = picked()
    with qtbot.waitSignal(ws.order_opened, timeout=10_000):
        window.on_scan(p.tote)
    for unit in p.units:
        window.on_scan(unit.barcode)
        assert ws.feedback.verdict is Verdict.GOOD, ws.feedback.text.text()
    return ws, p


def test_grams_typed_in_the_scan_field_go_to_the_weight_field_and_leave_no_pink_box(qtbot, window, sign_in,
                                                                                     picked):
    ws, p = open_order(qtbot, window, sign_in, picked)
    grams = str(p.expected_g())
    qtbot.keyClicks(ws.scan, grams)
    qtbot.keyClick(ws.scan, Qt.Key.Key_Return)
    # Not read as GS1 ("no GTIN (01)…"): the digits wait in the weight field, which has the focus.
    assert ws.result.isHidden(), ws.result.message
    assert "GTIN" not in ws.feedback.text.text()
    assert ws.feedback.verdict is Verdict.INFO and "weight field" in ws.feedback.text.text()
    assert ws.scan.text() == "" and ws.weight_manual.text() == grams
    qtbot.waitUntil(ws.weight_manual.hasFocus)
    qtbot.keyClick(ws.weight_manual, Qt.Key.Key_Return)
    assert ws.feedback.verdict is Verdict.GOOD, ws.feedback.text.text()
    assert ws.result.isHidden()
    qtbot.waitUntil(ws.scan.hasFocus)


def test_an_unreadable_scan_box_goes_once_the_bench_moves_on(qtbot, window, sign_in, picked):
    sign_in("packer1")
    ws = window.workspace
    p = picked(min_lines=2)
    with qtbot.waitSignal(ws.order_opened, timeout=10_000):
        window.on_scan(p.tote)
    window.on_scan("]C1019999")  # a damaged barcode mid-pack: refused, and the pink box says why
    assert not ws.result.isHidden()
    window.on_scan(p.units[0].barcode)
    assert ws.feedback.verdict is Verdict.GOOD, ws.feedback.text.text()
    assert ws.result.isHidden(), ws.result.message
