"""Render the console's phone search and a lost parcel's decision, in both languages, into docs/images.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/supervisor_answers_shots.py [en|zh_CN]

    supervisor-search-phone.png      orders found by tel:<last four digits> (电话：…), phones masked
    supervisor-exception-lost.png    a lost parcel: the shipment's story, reship · refund · keep waiting

English writes docs/images/, Simplified Chinese docs/images/zh_CN/ (the same names). The rest of the
console is tests/ui/supervisor/screenshots.py. A demo of 120 orders, 1280×800 like the other pictures.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from scripts import qt_shots  # noqa: E402
from scripts.qt_shots import wait_until  # noqa: E402

DOCS_IMAGES = ROOT / "docs" / "images"
LANGUAGES = ("en", "zh_CN")
SIZE = (1280, 800)


def main(language: str = "en") -> int:
    if language not in LANGUAGES:
        print(__doc__)
        return 2
    images = DOCS_IMAGES if language == "en" else DOCS_IMAGES / language
    work = qt_shots.data_dir("pickdesk-answers-shots-")

    from sqlalchemy import select

    from desktop.db import models
    from desktop.db.database import Database
    from desktop.demo.builder import build_demo
    from desktop.domain.actor import Actor
    from desktop.domain.roles import Role
    from desktop.partners.carriers import TrackingUpdate
    from desktop.security.crypto import phone_tail
    from desktop.services import tracking
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
    build_demo(db, orders=120, seed=1)
    with db.unit_of_work() as uow:
        S, O = models.Shipment, models.Order
        order_no, number = uow.session.execute(
            select(O.order_no, S.tracking_no).join(S, S.order_id == O.id)
            .where(O.status == "shipped", S.status == "in_transit").order_by(S.id)).first()
        first = uow.session.scalars(select(O).order_by(O.id)).first()
        tail = phone_tail(uow.sealer.open(first.customer_phone_sealed, "customer_phone", first.order_no))
        super1 = uow.session.scalar(select(models.User).where(models.User.login == "super1"))
        actor = Actor(super1.id, super1.login, super1.display_name, Role.SUPERVISOR, "SUP-01")
    with db.unit_of_work(actor) as uow:
        tracking.import_events(uow, [TrackingUpdate(number, datetime.now(UTC) - timedelta(hours=2), "lost",
                                                    "杭州转运中心", "到件扫描缺失 no arrival scan")], "carrier")
    runner = TaskRunner(db)
    images.mkdir(parents=True, exist_ok=True)
    settings = Settings.from_file(work / "station.ini")
    settings.station_name = "SUP-01"
    window = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
    window.resize(*SIZE)
    window.show()
    qt_shots.sign_in(window, "super1", "5555")
    ws = window.workspace
    wait_until(lambda: ws.orders_model.rowCount() > 0)

    ws.tabs.setCurrentWidget(ws.orders)
    query = f"电话：{tail}" if language == "zh_CN" else f"tel:{tail}"  # the hint each language shows
    ws.orders.search.setText(query)
    ws.orders.find(query)
    wait_until(lambda: ws.orders.found.isVisible())
    qt_shots.save(window, images / "supervisor-search-phone.png")

    ws.tabs.setCurrentWidget(ws.exceptions_panel)
    wait_until(lambda: any(e.kind == "lost" for e in ws.exceptions))
    ws.select_exception(next(e.id for e in ws.exceptions if e.kind == "lost" and e.order_no == order_no))
    qt_shots.save(window, images / "supervisor-exception-lost.png")

    window.close()
    runner.wait_for_done(10000)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
