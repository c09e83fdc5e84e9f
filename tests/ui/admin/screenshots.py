"""Render the admin workspace to docs/images/admin-*.png (1280×800, on a demo database).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/admin/screenshots.py [en|zh_CN]

English writes docs/images/, Simplified Chinese docs/images/zh_CN/ (the same names). Run with a
DISPLAY (Xvfb) and QT_QPA_PLATFORM=xcb to see the real window instead.
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


def built(view) -> bool:  # noqa: ANN001 - a QTableView on an IdTableModel
    model = view.model()
    return model.rowCount() > 0 and model.row(0) is not None


def main(language: str = "en") -> int:
    work = data_dir("pickdesk-admin-shots-")

    from sqlalchemy import select

    from desktop.db import models
    from desktop.db.database import Database
    from desktop.demo.builder import build_demo
    from desktop.services.auth import sign_in_with_pin
    from ui.app import prepare_application
    from ui.i18n import apply_language
    from ui.main_window import MainWindow
    from ui.station import build_station, station_paths
    from ui.settings import Settings
    from ui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    prepare_application(app)
    apply_language(app, language)
    images = images_for(language)
    images.mkdir(parents=True, exist_ok=True)
    db = Database.open(f"sqlite:///{work / 'central.sqlite3'}")
    build_demo(db, orders=200, seed=1)
    with db.unit_of_work() as uow:  # a floor at work: two pickers and a packer signed in, one locked out
        for login, pin, station in (("picker1", "1111", "PICK-01"), ("picker2", "2222", "PICK-02"),
                                    ("packer1", "3333", "PACK-01")):
            sign_in_with_pin(uow, login, pin, station)
    for _ in range(5):
        try:
            with db.unit_of_work() as uow:
                sign_in_with_pin(uow, "packer2", "0000", "PACK-02")
        except Exception:  # noqa: BLE001 - the wrong PINs are the point
            pass
    runner = TaskRunner(db)
    settings = Settings.from_file(work / "station.ini")
    settings.station_name = "ADMIN-01"
    window = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
    window.resize(*SIZE)
    window.show()
    sign_in(window, "admin", "9999")
    ws = window.workspace

    people = ws.panel("people")
    wait_until(lambda: built(people.table))
    people.select_person("packer2")
    save(window, images / "admin-people.png")

    stations = ws.panel("stations")
    wait_until(lambda: built(stations.table))
    stations.select_station("PICK-01")
    save(window, images / "admin-stations.png")

    warehouses = ws.panel("warehouses")
    wait_until(lambda: built(warehouses.location_table) and warehouses.location() is not None)
    with db.unit_of_work() as uow:
        held = uow.session.scalar(select(models.Stock.location_id).join(models.Location)
                                  .where(models.Stock.on_hand > 0, models.Location.code.like("SZ1-A05%"))
                                  .order_by(models.Location.code).limit(1))
    warehouses.select_warehouse("SZ1")
    warehouses.search.setText("SZ1-A05")
    loaded: list[bool] = []
    warehouses.locations_loaded.connect(lambda: loaded.append(True))
    warehouses.find_locations()
    wait_until(lambda: bool(loaded) and built(warehouses.location_table))
    warehouses.select_location(held)
    failed: list[str] = []
    ws.action_failed.connect(failed.append)
    warehouses.retire_location()  # it holds stock: refused, and the screen says why
    wait_until(lambda: bool(failed))
    save(window, images / "admin-warehouses.png")

    merchants = ws.panel("merchants")
    wait_until(lambda: built(merchants.table))
    merchants.select_merchant("M2")
    save(window, images / "admin-merchants.png")

    skus = ws.panel("skus")
    wait_until(lambda: built(skus.table))
    skus.search.setText("茶" if language == "zh_CN" else "tea")
    found: list[int] = []
    skus.found.connect(found.append)
    skus.find()
    wait_until(lambda: bool(found) and built(skus.table))
    skus.table.selectRow(0)
    wait_until(lambda: skus.sku() is not None)
    save(window, images / "admin-skus.png")

    promotions = ws.panel("promotions")
    wait_until(lambda: built(promotions.table))
    shown: list[bool] = []
    promotions.orders_loaded.connect(lambda: shown.append(True))
    promotions.select_promotion("SAVE10")
    wait_until(lambda: bool(shown))
    save(window, images / "admin-promotions.png")

    from desktop.services import carrier_accounts

    with db.unit_of_work(window.actor) as uow:  # an SF sandbox account, its check word sealed
        carrier_accounts.set_account(uow, "SF", "sf", "https://sfapi-sbox.sf-express.com/std/service", "PICKDESK-SZ1",
                                     "sandbox-check-word", {"monthly_card": "7551234567", "privacy_waybill": True})
    carriers = ws.panel("carriers")
    wait_until(lambda: built(carriers.table))
    carriers.select_account("SF")
    save(window, images / "admin-carriers.png")

    window.close()
    runner.wait_for_done(10000)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
