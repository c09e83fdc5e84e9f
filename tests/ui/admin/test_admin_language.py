"""The admin workspace in Simplified Chinese, and in English: every tab and the states an admin works through
(a refusal, a saved edit, a search) show no word of the other language outside data (names, codes,
addresses, what services recorded).

The language is installed before the window is built (as the station does at start-up) and English is
put back afterwards. The workspace's own widgets are read, not the window's chrome.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QTableView
from sqlalchemy import select, text

from desktop.db import models
from desktop.db.database import Database
from ui.i18n import apply_language
from ui.widgets.admin_common import IdTableModel
from visible_text import data_strings, visible_texts, wrong_language

CHROME = ("workspace_title", "workspace_user")


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp) -> Iterator[str]:
    apply_language(qapp, request.param)
    try:
        yield request.param
    finally:
        apply_language(qapp, "en")


def admin_data(db: Database) -> list[str]:
    """What the admin tabs show as it is stored: addresses, phones, promotions' terms, regional provinces."""
    values: set[str] = set()
    with db.engine.connect() as conn:
        for table, column in (("warehouses", "address"), ("merchants", "phone"), ("promotions", "code")):
            values.update(str(v) for (v,) in conn.execute(text(f"SELECT DISTINCT {column} FROM {table}")) if v)
    with db.unit_of_work() as uow:
        for params in uow.session.scalars(select(models.Promotion.params)):
            values.update(str(v) for v in (params or {}).values())
        for regions in uow.session.scalars(select(models.Merchant.shipping_regions)):
            values.update(p for r in regions or [] for p in r.get("provinces", []))
    return sorted(values, key=len, reverse=True)


def built(view: QTableView) -> bool:
    model = view.model()
    return isinstance(model, IdTableModel) and model.rowCount() > 0 and model.row(0) is not None


def test_every_tab_of_the_admin_workspace_reads_in_the_station_language(
        language: str, request, qtbot, demo_db: Database, sign_in) -> None:  # noqa: ANN001
    window = request.getfixturevalue("window")  # built after the language is installed
    sign_in("admin")
    ws = window.workspace
    assert ws.objectName() == "workspace_admin"
    data = data_strings(demo_db, language) + admin_data(demo_db) + [demo_db.describe()]
    seen: list[str] = []

    def check(state: str) -> None:
        texts = [(w, t) for w, t in visible_texts(ws) if w not in CHROME]
        wrong = wrong_language(texts, language, data)
        assert wrong == [], f"{state}: {wrong}"
        seen.append(state)

    crew = ws.panel("people")
    qtbot.waitUntil(lambda: built(crew.table), timeout=10_000)
    check("people")
    assert crew.select_person("picker2")
    crew.findChild(QLineEdit, "admin_person_pin").setText("12")
    with qtbot.waitSignal(ws.action_failed, timeout=10_000):
        qtbot.mouseClick(crew.findChild(QPushButton, "admin_person_set_pin"), Qt.MouseButton.LeftButton)
    check("people: a short PIN refused")

    stations = ws.panel("stations")
    qtbot.waitUntil(lambda: built(stations.table), timeout=10_000)
    check("stations")
    stations.findChild(QLineEdit, "admin_station_name").setText("")
    assert stations.select_station("PICK-01")
    stations.findChild(QLineEdit, "admin_station_name").setText("TEST-01")  # this station's name: taken
    with qtbot.waitSignal(ws.action_failed, timeout=10_000):
        qtbot.mouseClick(stations.findChild(QPushButton, "admin_station_save"), Qt.MouseButton.LeftButton)
    check("stations: a name in use refused")
    refusal = stations.message.text()
    assert ("已有其他工作站" in refusal) if language == "zh_CN" else ("Another station" in refusal)
    assert ws.tabs.tabText(0) == ("人员" if language == "zh_CN" else "People")

    warehouses = ws.panel("warehouses")
    qtbot.waitUntil(lambda: built(warehouses.location_table), timeout=10_000)
    qtbot.waitUntil(lambda: warehouses.location() is not None)
    check("warehouses")
    with demo_db.unit_of_work() as uow:
        held = uow.session.scalar(select(models.Stock.location_id).where(models.Stock.on_hand > 0).limit(1))
    search = warehouses.findChild(QLineEdit, "admin_location_search")
    with demo_db.unit_of_work() as uow:
        loc = uow.session.get(models.Location, held)
        code, warehouse = loc.code, loc.warehouse.code
    assert warehouses.select_warehouse(warehouse)
    search.setText(code)
    with qtbot.waitSignal(warehouses.locations_loaded, timeout=10_000):
        warehouses.find_locations()
    qtbot.waitUntil(lambda: warehouses.location() is not None and warehouses.location().id == held, timeout=10_000)
    with qtbot.waitSignal(ws.action_failed, timeout=10_000):
        qtbot.mouseClick(warehouses.findChild(QPushButton, "admin_location_retire"), Qt.MouseButton.LeftButton)
    check("warehouses: retiring a location with stock refused")

    merchants = ws.panel("merchants")
    qtbot.waitUntil(lambda: built(merchants.table), timeout=10_000)
    check("merchants")
    merchants.findChild(QLineEdit, "admin_merchant_fee").setText("-1")
    with qtbot.waitSignal(ws.action_failed, timeout=10_000):
        qtbot.mouseClick(merchants.findChild(QPushButton, "admin_merchant_save"), Qt.MouseButton.LeftButton)
    check("merchants: a negative fee refused")

    skus = ws.panel("skus")
    qtbot.waitUntil(lambda: built(skus.table), timeout=10_000)
    skus.table.selectRow(0)
    qtbot.waitUntil(lambda: skus.sku() is not None)
    check("skus")
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        qtbot.mouseClick(skus.findChild(QPushButton, "admin_sku_save"), Qt.MouseButton.LeftButton)
    check("skus: saved")

    promotions = ws.panel("promotions")
    qtbot.waitUntil(lambda: built(promotions.table), timeout=10_000)
    with qtbot.waitSignal(promotions.orders_loaded, timeout=10_000):
        assert promotions.select_promotion("SAVE10")
    check("promotions: the orders it touched")
    assert len(seen) == 11
