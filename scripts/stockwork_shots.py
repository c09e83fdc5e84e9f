"""Render the counts, refill and count-approval screens for the guides (offscreen, on a demo database).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/stockwork_shots.py [en|zh_CN]

English writes docs/images/, Simplified Chinese docs/images/zh_CN/ (the same names), 1280×800:

    receiver-count.png          the Counts tab: the demo's count opened by its label, the bin and items scanned
    receiver-count-sent.png     the count submitted: one line over the tolerance went to a supervisor
    receiver-refill.png         the Replenishment tab: a refill task, reserve bin and item scanned
    console-count-variance.png  the supervisor's exceptions: the count's lines, approve or count again
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts import qt_shots  # noqa: E402
from scripts.qt_shots import wait_until  # noqa: E402
from scripts.receiver_shots import LANGUAGES, SIZE, gs1, settle  # noqa: E402

DOCS_IMAGES = ROOT / "docs" / "images"


def main(language: str = "en") -> int:
    if language not in LANGUAGES:
        print(__doc__)
        return 2
    images = DOCS_IMAGES if language == "en" else DOCS_IMAGES / language
    work = qt_shots.data_dir("pickdesk-stockwork-shots-")

    from PySide6.QtWidgets import QApplication
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
    counts_tab, tasks_tab = ws.counts_tab, ws.tasks_tab
    ws.tabs.setCurrentWidget(counts_tab)
    wait_until(lambda: bool(counts_tab.rows))
    count = counts_tab.rows[0]
    S, L, K, Lo = models.Stock, models.Location, models.Sku, models.Lot
    with db.unit_of_work() as uow:
        rows = uow.session.execute(select(K.gtin, Lo.lot_code, Lo.expiry, S.on_hand).select_from(S)
                                   .join(L, S.location_id == L.id).join(K, S.sku_id == K.id)
                                   .outerjoin(Lo, S.lot_id == Lo.id).where(L.code == count.location)
                                   .order_by(K.gtin)).all()
    window.on_scan(count.code)
    window.on_scan(f"LOC-{count.location}")
    for i, (gtin, lot, expiry, on_hand) in enumerate(rows):
        found = (on_hand - 3 if on_hand > 3 else on_hand + 3) if i == 0 else on_hand  # the first line is off
        window.on_scan(gs1(gtin, lot, expiry, found))
    save("receiver-count.png")
    sent: list[object] = []
    counts_tab.submitted.connect(sent.append)
    counts_tab.submit.click()
    wait_until(lambda: bool(sent))
    save("receiver-count-sent.png")

    ws.tabs.setCurrentWidget(tasks_tab)
    tasks_tab.refresh()
    wait_until(lambda: bool(tasks_tab.rows))
    task = tasks_tab.rows[0]
    window.on_scan(task.code)
    window.on_scan(f"LOC-{task.from_location}")
    with db.unit_of_work() as uow:
        expiry = uow.session.scalar(select(Lo.expiry).where(Lo.lot_code == task.lot)) if task.lot else None
    window.on_scan(gs1(task.gtin, task.lot, expiry))
    save("receiver-refill.png")

    window.sign_out()
    wait_until(lambda: not runner.busy)
    qt_shots.sign_in(window, "super1", "5555")
    console = window.workspace
    console.tabs.setCurrentWidget(console.exceptions_panel)
    console.refresh()
    wait_until(lambda: any(e.kind == "count_variance" for e in console.exceptions))
    case = next(e for e in console.exceptions if e.kind == "count_variance")
    console.select_exception(case.id)
    save("console-count-variance.png")

    window.sign_out()
    wait_until(lambda: not runner.busy)
    window.close()
    runner.wait_for_done(10000)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
