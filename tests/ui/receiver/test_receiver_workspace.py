"""A receiver at the station receives a notice by scans alone and puts it away.

Scans go in through `window.on_scan` (where the keyboard wedge and serial scanners deliver them);
the barcodes are built from the demo notice's own GTINs and lots. Afterwards the database holds the
receipts, the stock at the dock then in the bin, and the ledger replays to on-hand.
"""

from __future__ import annotations

from datetime import date, timedelta

from gs1_scans import gs1_item
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import Database
from desktop.services.stock import verify_ledger
from ui.feedback import Verdict
from ui.main_window import MainWindow

PINS = {"receiver1": "6666"}


def notice(db: Database, asn_no: str):
    with db.unit_of_work() as uow:
        n = uow.session.scalar(select(models.InboundNotice).where(models.InboundNotice.asn_no == asn_no))
        return [(ln.sku.gtin, ln.sku.sku_code, ln.lot_code, ln.expiry, ln.expected_qty) for ln in n.lines]


def test_a_notice_received_by_scanning_then_put_away(qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    sign_in("receiver1", "6666")
    ws = window.workspace
    assert ws.objectName() == "workspace_receiver"
    tabs = ws.findChild(object, "receiver_tabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Receiving", "Put-away", "Counts", "Replenishment",
                                                                 "Transfers out"]
    qtbot.waitUntil(lambda: len(ws.notices) == 3, timeout=10_000)
    asn_no = next(n.asn_no for n in ws.notices if n.asn_no.endswith("-02"))
    (g1, s1, lot1, exp1, q1), (g2, s2, _l, _e, q2), (g3, s3, *_r) = notice(demo_db, asn_no)
    sounds: list[str] = []

    window.on_scan("ASN-NOT-THERE")
    assert "not an expected notice" in ws.findChild(object, "receiver_open_hint").text()
    with qtbot.waitSignal(ws.notice_opened, timeout=10_000):
        window.on_scan(asn_no)
    ws.feedback.sounds.played.connect(sounds.append)
    assert asn_no in ws.findChild(object, "receiver_notice_title").text()
    lines = ws.findChild(object, "receiver_lines")
    assert lines.rowCount() == 3

    # the declared lot, all of it in one scan (AI 30): green, saved at once
    with qtbot.waitSignal(ws.receipt_saved, timeout=10_000):
        window.on_scan(gs1_item(g1, lot1, exp1, q1))
    assert ws.feedback.verdict is Verdict.GOOD and sounds[-1] == "good"
    assert lines.item(0, 5).text() == str(q1)
    # a refused scan: red, the bad sound, the reason in words
    window.on_scan(gs1_item(g1))
    assert ws.feedback.verdict is Verdict.REFUSED and sounds[-1] == "bad"
    assert "lot" in ws.feedback.text.text()
    # the second line by units keyed and a plain GTIN scan
    ws.findChild(object, "receiver_qty").setText(str(q2))
    with qtbot.waitSignal(ws.receipt_saved, timeout=10_000):
        window.on_scan(g2)
    # one more than expected: a decision, taken with the button; nothing else until then
    window.on_scan(g2)
    decision = ws.findChild(object, "receiver_decision")
    assert decision.isVisible() and ws.feedback.verdict is Verdict.CHECK and sounds[-1] == "bad"
    assert "over the notice" in ws.findChild(object, "receiver_decision_text").text().lower()
    window.on_scan(g2)
    assert "Decide" in ws.feedback.text.text()
    ws.findChild(object, "receiver_reason").setText("extra case in the pallet")
    with qtbot.waitSignal(ws.receipt_saved, timeout=10_000):
        qtbot.mouseClick(ws.findChild(object, "receiver_quarantine"), Qt.MouseButton.LeftButton)
    assert not decision.isVisible()
    # an expired unit: accept is not offered; refused
    window.on_scan(gs1_item(g1, lot1, date.today() - timedelta(days=2), 3))
    assert not ws.findChild(object, "receiver_accept").isEnabled()
    with qtbot.waitSignal(ws.receipt_saved, timeout=10_000):
        qtbot.mouseClick(ws.findChild(object, "receiver_refuse"), Qt.MouseButton.LeftButton)

    # close: the differences on screen (line 3 short), the stock at the dock
    with qtbot.waitSignal(ws.notice_closed, timeout=10_000):
        qtbot.mouseClick(ws.findChild(object, "receiver_close"), Qt.MouseButton.LeftButton)
    report = ws.findChild(object, "receiver_report")
    rows = {report.item(r, 1).text(): [report.item(r, c).text() for c in range(report.columnCount())]
            for r in range(report.rowCount())}
    assert rows[s3][6] != "0" and rows[s2][4] == "1" and rows[s1][5] == "3"
    assert "closed" in ws.findChild(object, "receiver_report_title").text()
    with demo_db.unit_of_work() as uow:
        n = uow.session.scalar(select(models.InboundNotice).where(models.InboundNotice.asn_no == asn_no))
        assert n.status == "closed" and len(n.receipts) == 4
        assert verify_ledger(uow) == []

    # put-away: the item, then the suggested bin
    qtbot.mouseClick(ws.findChild(object, "receiver_report_done"), Qt.MouseButton.LeftButton)
    assert tabs.currentIndex() == 1
    qtbot.waitUntil(lambda: any(w.sku == s1 for w in ws.waiting), timeout=10_000)
    waiting = next(w for w in ws.waiting if w.sku == s1)
    assert waiting.suggested and waiting.qty == q1
    window.on_scan("LOC-" + waiting.suggested)  # the bin before the item: refused
    assert ws.putaway_feedback.verdict is Verdict.REFUSED
    window.on_scan(gs1_item(g1, lot1, exp1))
    assert waiting.suggested in ws.putaway_feedback.text.text()
    with qtbot.waitSignal(ws.put_away_done, timeout=10_000) as done:
        window.on_scan("LOC-" + waiting.suggested)
    assert done.args == [waiting.suggested] and ws.putaway_feedback.verdict is Verdict.GOOD
    qtbot.waitUntil(lambda: not any(w.sku == s1 for w in ws.waiting), timeout=10_000)
    with demo_db.unit_of_work() as uow:
        S, L, K = models.Stock, models.Location, models.Sku
        in_bin = uow.session.scalar(select(func.sum(S.on_hand)).join(L, S.location_id == L.id).join(K, S.sku_id == K.id)
                                    .where(L.code == waiting.suggested, K.sku_code == s1))
        assert in_bin >= q1
        assert verify_ledger(uow) == []
