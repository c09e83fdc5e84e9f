"""Render an order cancelled after release to docs/images/cancel-*.png (offscreen, on a demo database):
the picker told mid-walk, the drop-off with the cancelled tote marked, the packer refused at the bench.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/cancel_shots.py [en|zh_CN]

English (the default) goes to docs/images/, Simplified Chinese to docs/images/zh_CN/ (same names).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from scripts import qt_shots  # noqa: E402
from scripts.qt_shots import wait_until  # noqa: E402

DOCS_IMAGES = ROOT / "docs" / "images"


def item(gtin: str, lot: str | None = None, expiry=None) -> str:  # noqa: ANN001
    raw = f"]C101{gtin}"
    if expiry is not None:
        raw += f"17{expiry:%y%m%d}"
    if lot is not None:
        raw += f"10{lot}"
    return raw


def main(language: str = "en") -> int:
    if language not in ("en", "zh_CN"):
        print(__doc__)
        return 2
    images = DOCS_IMAGES if language == "en" else DOCS_IMAGES / language
    work = qt_shots.data_dir("pickdesk-cancel-shots-")

    from sqlalchemy import select

    from desktop.db import models
    from desktop.db.database import Database
    from desktop.demo.builder import build_demo
    from desktop.domain.actor import Actor
    from desktop.domain.roles import Role
    from desktop.services.supervision import orders as supervision
    from ui.app import prepare_application
    from ui.i18n import apply_language
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.station import build_station, station_paths
    from ui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    prepare_application(app)
    apply_language(app, language)
    db = Database.open(f"sqlite:///{work / 'central.sqlite3'}")
    build_demo(db, orders=120, seed=1)
    runner = TaskRunner(db)
    settings = Settings.from_file(work / "station.ini")
    settings.station_name = "PICK-01"
    images.mkdir(parents=True, exist_ok=True)
    window = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
    window.resize(1280, 800)
    window.show()
    qt_shots.sign_in(window, "picker3", "2323")
    ws = window.workspace
    wait_until(lambda: ws.ready_orders > 0)
    ws.request_next_batch()
    wait_until(lambda: ws.batch is not None)
    ws.take_suggested_totes()
    wait_until(lambda: ws.watcher.last_id is not None)

    def walk(stop) -> None:  # noqa: ANN001
        window.on_scan("LOC-" + stop.location_code)
        for _unit in range(stop.remaining):
            window.on_scan(item(stop.gtin14, stop.lot_code, stop.lot_expiry))
        window.on_scan(stop.tote_code)

    first = ws.session.current
    walk(first)
    wait_until(lambda: ws.pending_writes == 0)
    # The picker stands at the next shelf when the customer cancels the first order in the mall's app.
    nxt = ws.session.current
    window.on_scan("LOC-" + nxt.location_code)
    told: list[str] = []
    ws.cancellation_told.connect(told.append)
    with db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == "super1"))
    with db.unit_of_work(Actor(u.id, u.login, u.display_name, Role(u.role), "SUP-01")) as uow:
        supervision.cancel_order(uow, first.order_no, "customer cancelled in the app")
    wait_until(lambda: told)
    qt_shots.save(window, images / "cancel-picker-told.png")

    while ws.session is not None and ws.session.current is not None:
        walk(ws.session.current)
    wait_until(lambda: ws.pending_writes == 0)
    qt_shots.save(window, images / "cancel-picker-drop-off.png")
    for code in list(ws.session.totes_to_drop if ws.session else ()):
        window.on_scan(code)
    window.sign_out()
    wait_until(lambda: not runner.busy)

    qt_shots.sign_in(window, "packer1", "3333")
    pk = window.workspace
    shown: list[str] = []
    pk.feedback.shown.connect(lambda verdict, _text: shown.append(verdict))
    window.on_scan(first.tote_code)
    wait_until(lambda: "refused" in shown)
    qt_shots.save(window, images / "cancel-packer-refused.png")

    window.close()
    runner.wait_for_done(10000)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
