"""Render the picker's screens to docs/images/picker-*.png (offscreen, on a demo database).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/picker/screenshots.py [en|zh_CN]

English (the default) goes to docs/images/, Simplified Chinese to docs/images/zh_CN/ (same names).
"""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from scripts import qt_shots  # noqa: E402
from scripts.qt_shots import wait_until  # noqa: E402

DOCS_IMAGES = ROOT / "docs" / "images"
IMAGES = DOCS_IMAGES


def item(gtin: str, lot: str | None = None, expiry=None) -> str:  # noqa: ANN001
    raw = f"]C101{gtin}"
    if expiry is not None:
        raw += f"17{expiry:%y%m%d}"
    if lot is not None:
        raw += f"10{lot}"
    return raw


def one_unit_orders(db, count: int = 2) -> None:  # noqa: ANN001
    """The most urgent ready orders cut to one unit each (reserved again), so the first batch has some."""
    from sqlalchemy import select

    from desktop.db import models
    from desktop.services.stock import release_line, reserve_line

    with db.unit_of_work() as uow:
        orders = uow.session.scalars(select(models.Order).where(models.Order.status == "ready")
                                     .order_by(models.Order.priority_score.desc(), models.Order.id)).all()[:count]
        for order in orders:
            first, *rest = sorted(order.lines, key=lambda ln: ln.line_no)
            for line in order.lines:
                release_line(uow, line)
            for line in rest:
                uow.session.delete(line)
            first.qty = 1
            uow.session.flush()
            reserve_line(uow, first, order.warehouse_id, first.order.created_at.date())
        uow.commit()


def save(widget, name: str) -> None:  # noqa: ANN001
    qt_shots.save(widget, IMAGES / name)


def main(language: str = "en") -> int:
    global IMAGES
    if language not in ("en", "zh_CN"):
        print(__doc__)
        return 2
    IMAGES = DOCS_IMAGES if language == "en" else DOCS_IMAGES / language
    work = qt_shots.data_dir("pickdesk-picker-shots-")

    from desktop.db.database import Database
    from desktop.demo.builder import build_demo
    from ui.app import prepare_application
    from ui.i18n import apply_language
    from ui.main_window import MainWindow
    from ui.station import build_station, station_paths
    from ui.settings import Settings
    from ui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    prepare_application(app)
    apply_language(app, language)
    db = Database.open(f"sqlite:///{work / 'central.sqlite3'}")
    build_demo(db, orders=200, seed=1)
    from sqlalchemy import select

    from desktop.db import models

    with db.unit_of_work() as uow:  # the cart layout's open bin: one-unit orders ride without a tote
        for w in uow.session.scalars(select(models.Warehouse)):
            w.layout = {**w.layout, "cart": {"single_units_loose": True}}
        uow.commit()
    one_unit_orders(db)
    runner = TaskRunner(db)
    settings = Settings.from_file(work / "station.ini")
    settings.station_name = "PICK-01"
    IMAGES.mkdir(parents=True, exist_ok=True)
    window = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
    window.resize(1280, 800)
    window.show()
    qt_shots.sign_in(window, "picker3", "2323")
    ws = window.workspace
    wait_until(lambda: ws.ready_orders > 0)  # the ready count is on screen
    save(window, "picker-next-batch.png")

    ws.request_next_batch()
    wait_until(lambda: ws.batch is not None)
    # The cart: a free tote of the picker's own instead of the first suggested, the others still to come.
    with db.unit_of_work() as uow:
        free = uow.session.scalars(select(models.Tote.code).where(models.Tote.status == "free")
                                   .order_by(models.Tote.code.desc())).first()
    window.on_scan(free)
    wait_until(lambda: free in ws.session.totes)
    save(window, "picker-cart.png")
    ws.take_suggested_totes()
    # Walk a few stops, then stand at the next shelf with one unit in hand.
    for n in range(3):
        stop = ws.session.current
        window.on_scan("LOC-" + stop.location_code)
        for _unit in range(stop.remaining):
            window.on_scan(item(stop.gtin14, stop.lot_code, stop.lot_expiry))
        if n == 0 and stop.tote_code:
            save(window, "picker-put.png")  # every unit in hand: into the stop's tote, scanned
            others = [t for t in ws.session.totes if t != stop.tote_code]
            if others:
                window.on_scan(others[0])
                save(window, "picker-wrong-tote.png")
        if stop.tote_code:
            window.on_scan(stop.tote_code)
    wait_until(lambda: ws.pending_writes == 0)
    stop = ws.session.current
    window.on_scan("LOC-" + stop.location_code)
    save(window, "picker-route.png")

    window.on_scan(item(stop.gtin14, "L99999", ws.batch.today - timedelta(days=3)))
    save(window, "picker-refused.png")

    ws.open_short_dialog()
    dialog = ws.findChild(QDialog, "picker_short_dialog")
    wait_until(lambda: dialog.isVisible())
    QEventLoop().processEvents()
    shot = window.grab()
    painter_target = shot
    from PySide6.QtGui import QPainter

    painter = QPainter(painter_target)
    top_left = dialog.mapTo(window, dialog.rect().topLeft()) if dialog.parent() is window else \
        window.mapFromGlobal(dialog.mapToGlobal(dialog.rect().topLeft()))
    painter.drawPixmap(top_left, dialog.grab())
    painter.end()
    shot.save(str(IMAGES / "picker-short.png"))
    print((IMAGES / "picker-short.png").relative_to(ROOT))
    dialog.found.setValue(0)
    dialog.accept()
    wait_until(lambda: not ws._loading)
    save(window, "picker-short-outcome.png")

    # The rest of the batch, to the drop-off at packing.
    while ws.session is not None and ws.session.current is not None:
        stop = ws.session.current
        window.on_scan("LOC-" + stop.location_code)
        for _unit in range(stop.remaining):
            window.on_scan(item(stop.gtin14, stop.lot_code, stop.lot_expiry))
        if stop.tote_code:
            window.on_scan(stop.tote_code)
    if ws.session is not None and len(ws.session.totes_to_drop) > 1:
        window.on_scan(ws.session.totes_to_drop[0])
    save(window, "picker-drop-off.png")

    # The next batch, planned: its one-unit orders ride in the cart's open bin, listed under the totes.
    while ws.session is not None and ws.session.totes_to_drop:
        window.on_scan(ws.session.totes_to_drop[0])
    wait_until(lambda: ws.batch is None and ws.pending_writes == 0)
    ws.request_next_batch()
    wait_until(lambda: ws.batch is not None)
    save(window, "picker-open-bin.png")

    window.close()
    runner.wait_for_done(10000)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
