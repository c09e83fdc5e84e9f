"""Render the receiver's screens for docs/guide/<language>/receiver.md (offscreen, on a demo database).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/receiver_shots.py [en|zh_CN]

English writes docs/images/, Simplified Chinese docs/images/zh_CN/ (the same names), 1280×800:

    receiver-notices.png    the expected notices, as the receiver signs in
    receiver-scan.png       a notice opened by its number, the first lines scanned (green)
    receiver-decision.png   a unit over the notice: red, the reason, accept / quarantine / refuse
    receiver-report.png     the notice closed: the differences on screen
    receiver-putaway.png    put-away: an item scanned at the dock, the bin Pickdesk suggests
    receiver-transfers.png  Transfers out: what other warehouses asked of this one
    receiver-transfer-walk.png  a transfer walked by scans: the first bin short, the rest asked of the next
    receiver-transfer-sent.png  the transfer sent: its notice number, the label in the print queue
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QDeadlineTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from scripts import qt_shots  # noqa: E402
from scripts.qt_shots import wait_until  # noqa: E402

DOCS_IMAGES = ROOT / "docs" / "images"
LANGUAGES = ("en", "zh_CN")
SIZE = (1280, 800)


def settle(ms: int = 200) -> None:
    deadline = QDeadlineTimer(ms)
    wait_until(deadline.hasExpired, ms + 5000)


def gs1(gtin: str, lot: str | None = None, expiry=None, count: int | None = None) -> str:  # noqa: ANN001
    raw = f"]C101{gtin}"
    if expiry is not None:
        raw += f"17{expiry:%y%m%d}"
    if lot is not None:
        raw += f"10{lot}" + ("\x1d" if count is not None else "")
    if count is not None:
        raw += f"30{count}"
    return raw


def main(language: str = "en") -> int:
    if language not in LANGUAGES:
        print(__doc__)
        return 2
    images = DOCS_IMAGES if language == "en" else DOCS_IMAGES / language
    work = qt_shots.data_dir("pickdesk-receiver-shots-")

    from sqlalchemy import select

    from desktop.db import models
    from desktop.db.database import Database
    from desktop.demo.builder import build_demo
    from ui.app import prepare_application
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.station import build_station, station_paths
    from ui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    settings = Settings.from_file(work / "station.ini")
    settings.station_name = "RCV-01"
    settings.language = language
    settings.muted = True
    settings.printer_kind, settings.printer_target = "folder", str(work / "labels")  # never a real printer
    prepare_application(app, settings)
    db = Database.open(f"sqlite:///{work / 'central.sqlite3'}")
    build_demo(db, orders=200, seed=1)
    runner = TaskRunner(db)
    images.mkdir(parents=True, exist_ok=True)
    window = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
    window.resize(*SIZE)
    window.show()

    def save(name: str) -> None:
        settle()
        qt_shots.save(window, images / name)

    qt_shots.sign_in(window, "receiver1", "6666")
    ws = window.workspace
    wait_until(lambda: len(ws.notices) == 3)
    save("receiver-notices.png")

    asn_no = next(n.asn_no for n in ws.notices if n.asn_no.endswith("-02"))
    with db.unit_of_work() as uow:
        n = uow.session.scalar(select(models.InboundNotice).where(models.InboundNotice.asn_no == asn_no))
        lines = [(ln.sku.gtin, ln.lot_code, ln.expiry, ln.expected_qty) for ln in n.lines]
    saved: list[str] = []
    ws.receipt_saved.connect(saved.append)
    window.on_scan(asn_no)
    wait_until(lambda: ws.session is not None)
    (g1, lot1, exp1, q1), (g2, _l, _e, q2), _third = lines
    window.on_scan(gs1(g1, lot1, exp1, q1))
    wait_until(lambda: len(saved) == 1)
    window.on_scan(gs1(g2, count=q2))
    wait_until(lambda: len(saved) == 2)
    save("receiver-scan.png")
    window.on_scan(gs1(g2))  # one more than the notice says
    save("receiver-decision.png")
    ws.quarantine_button.click()
    wait_until(lambda: len(saved) == 3)
    closed: list[str] = []
    ws.notice_closed.connect(closed.append)
    ws.close_button.click()
    wait_until(lambda: bool(closed))
    save("receiver-report.png")
    ws.report_done.click()
    wait_until(lambda: bool(ws.waiting))
    window.on_scan(gs1(g1, lot1, exp1))
    save("receiver-putaway.png")

    tab = ws.transfers_tab
    ws.tabs.setCurrentWidget(tab)
    tab.refresh()
    wait_until(lambda: bool(tab.rows))
    save("receiver-transfers.png")
    opened: list[str] = []
    tab.opened.connect(opened.append)
    window.on_scan(tab.rows[0].code)
    wait_until(lambda: bool(opened))
    walk = tab.walk
    first, second = walk.stops[0], walk.stops[1]
    taken: list[object] = []
    tab.taken.connect(taken.append)
    window.on_scan(f"LOC-{first.location}")
    window.on_scan(gs1(walk.gtin, first.lot, first.expiry))
    tab.qty.setText(str(first.qty - 1))  # the bin holds one less than the record
    tab.qty.returnPressed.emit()
    wait_until(lambda: len(taken) == 1)
    window.on_scan(f"LOC-{tab.walk.current.location}")
    window.on_scan(gs1(walk.gtin, "WRONG1", second.expiry))  # another lot: refused in red
    save("receiver-transfer-walk.png")
    current = tab.walk.current
    window.on_scan(gs1(walk.gtin, current.lot, current.expiry))
    tab.qty.returnPressed.emit()
    wait_until(lambda: len(taken) == 2)
    sent: list[object] = []
    tab.sent.connect(sent.append)
    tab.send.click()
    wait_until(lambda: bool(sent))
    save("receiver-transfer-sent.png")

    window.sign_out()
    wait_until(lambda: not runner.busy)
    window.close()
    runner.wait_for_done(10000)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
