"""Render the supervisor's console to docs/images/supervisor-*.png (offscreen, 1280×800, on a demo database).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/supervisor/screenshots.py [en|zh_CN]

English writes docs/images/, Simplified Chinese docs/images/zh_CN/ (the same names).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from scripts.qt_shots import data_dir, save, sign_in, wait_until  # noqa: E402

SIZE = (1280, 800)


def images_for(language: str) -> Path:
    return ROOT / "docs" / "images" / ("" if language == "en" else language)


def main(language: str = "en") -> int:
    work = data_dir("pickdesk-supervisor-shots-")

    from desktop.db.database import Database
    from desktop.demo.builder import build_demo
    from ui.app import prepare_application
    from ui.i18n import apply_language
    from ui.main_window import MainWindow
    from ui.station import build_station, station_paths
    from ui.settings import Settings
    from ui.tasks import TaskRunner
    from ui.widgets.console_orders import OrderAction

    app = QApplication(sys.argv[:1])
    prepare_application(app)
    apply_language(app, language)
    images = images_for(language)
    images.mkdir(parents=True, exist_ok=True)
    db = Database.open(f"sqlite:///{work / 'central.sqlite3'}")
    build_demo(db, orders=200, seed=1)
    runner = TaskRunner(db)
    settings = Settings.from_file(work / "station.ini")
    settings.station_name = "SUP-01"
    window = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
    window.resize(*SIZE)
    window.show()
    sign_in(window, "super1", "5555")
    ws = window.workspace
    wait_until(lambda: ws.orders_model.rowCount() > 0 and ws.floor.pickers_model.rowCount() > 0)
    save(window, images / "supervisor-floor.png")

    ws.tabs.setCurrentIndex(1)
    ws.select_order(ws.orders_model.key(0))
    save(window, images / "supervisor-orders.png")

    # An order found by its number's tail, as read off a packing slip.
    wanted = ws.orders_model.key(0)
    ws.orders.search.setText(wanted[-6:])
    ws.orders.find(wanted[-6:])
    wait_until(lambda: ws.orders.found.isVisible())
    save(window, images / "supervisor-search.png")
    ws.orders.search.clear()
    ws.orders.find("")

    ws.tabs.setCurrentIndex(2)
    case = next((e for e in ws.exceptions if e.kind == "short_pick"), ws.exceptions[0] if ws.exceptions else None)
    if case is not None:
        ws.select_exception(case.id)
    save(window, images / "supervisor-exceptions.png")

    ws.tabs.setCurrentIndex(3)
    save(window, images / "supervisor-stock.png")

    ws.tabs.setCurrentWidget(ws.people)  # who is signed in where, who is locked out
    wait_until(lambda: ws.people.model.rowCount() > 0)
    save(window, images / "supervisor-people.png")


    # The audit log after a run of intake and a hold: what the search finds.
    done: list[str] = []
    ws.action_done.connect(done.append)
    ws.run_intake()
    wait_until(lambda: "intake" in done, 60000)
    ws.tabs.setCurrentIndex(1)
    ws.reason.setText("客户要求改期发货" if language == "zh_CN" else "customer asked to ship later")
    ws.order_action(OrderAction.HOLD, next(o.order_no for o in ws.board_orders if o.status == "ready"))
    wait_until(lambda: "hold" in done)
    loaded: list[bool] = []
    ws.audit_loaded.connect(lambda: loaded.append(True))
    ws.tabs.setCurrentIndex(4)  # its first search
    wait_until(lambda: bool(loaded))
    save(window, images / "supervisor-audit.png")

    window.close()
    runner.wait_for_done(10000)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
