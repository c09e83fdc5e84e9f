"""The admin's workspace driven as an admin would: every tab loads, edits are saved through the services,
and what would break data in use is refused on screen with nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QTableView
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from ui.main_window import MainWindow
from ui.widgets.admin_common import IdTableModel

ROOT = Path(__file__).resolve().parents[3]


def workspace(qtbot, window: MainWindow, sign_in):  # noqa: ANN001, ANN201
    sign_in("admin")
    ws = window.workspace
    assert ws.objectName() == "workspace_admin"
    return ws


def click(qtbot, ws, name: str) -> None:  # noqa: ANN001
    button = ws.findChild(QPushButton, name)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def rows_built(view: QTableView) -> bool:
    model = view.model()
    return isinstance(model, IdTableModel) and model.rowCount() > 0 and model.row(0) is not None


def audit_actions(db: Database, entity_id: str) -> list[str]:
    with db.unit_of_work() as uow:
        return list(uow.session.scalars(select(models.AuditEntry.action).where(models.AuditEntry.entity_id == entity_id)))


def test_the_admin_lands_in_the_admin_workspace_and_every_tab_loads(qtbot, window: MainWindow, sign_in) -> None:
    ws = workspace(qtbot, window, sign_in)
    assert window.findChild(QLabel, "workspace_title").text() == "Administration"
    tables = {"stations": "admin_stations", "warehouses": "admin_locations", "merchants": "admin_merchants",
              "skus": "admin_skus", "promotions": "admin_promotions"}
    for name, table in tables.items():
        panel = ws.panel(name)
        view = panel.findChild(QTableView, table)
        qtbot.waitUntil(lambda view=view: rows_built(view), timeout=10_000)
    qtbot.waitUntil(lambda: rows_built(ws.warehouses.findChild(QTableView, "admin_warehouses")))
    assert ws.warehouses.map.layout_data["aisles"] > 0 and ws.warehouses.map.marks
    for button in ws.findChildren(QPushButton):
        assert button.minimumHeight() >= 48, button.objectName()
    assert window.workspace_actions[admin_role()].isEnabled()


def admin_role():  # noqa: ANN201
    from desktop.domain.roles import Role

    return Role.ADMIN


def test_a_supervisor_has_no_admin_workspace(qtbot, window: MainWindow, sign_in) -> None:
    sign_in("super1")
    assert window.workspace.objectName() == "workspace_supervisor"
    assert not window.workspace_actions[admin_role()].isEnabled()
    window.open_workspace(admin_role())
    assert window.workspace.objectName() == "workspace_supervisor"


def _location(db: Database, *, holding: bool) -> tuple[int, str]:
    S, L = models.Stock, models.Location
    with db.unit_of_work() as uow:
        q = select(L.id, L.code).join(models.Warehouse).where(models.Warehouse.code == "SZ1", L.active.is_(True))
        held = select(S.location_id).where(S.on_hand > 0)
        q = q.where(L.id.in_(held)) if holding else q.where(L.id.not_in(select(S.location_id)))
        return uow.session.execute(q.order_by(L.code).limit(1)).one()


def _find_location(qtbot, panel, code: str, location_id: int) -> None:  # noqa: ANN001
    panel.select_warehouse("SZ1")
    search = panel.findChild(QLineEdit, "admin_location_search")
    search.setText(code)
    with qtbot.waitSignal(panel.locations_loaded, timeout=10_000):
        qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.location() is not None and panel.location().id == location_id, timeout=10_000)


def test_retiring_a_location_with_stock_is_refused_and_an_empty_one_retired(
        qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    ws = workspace(qtbot, window, sign_in)
    panel = ws.panel("warehouses")
    qtbot.waitUntil(lambda: panel.warehouse() is not None, timeout=10_000)
    loc_id, code = _location(demo_db, holding=True)
    _find_location(qtbot, panel, code, loc_id)
    with qtbot.waitSignal(ws.action_failed, timeout=10_000) as refused:
        click(qtbot, panel, "admin_location_retire")
    assert code in refused.args[0] and "unit" in refused.args[0]
    assert panel.findChild(QLabel, "admin_warehouses_message").text() == refused.args[0]
    with demo_db.unit_of_work() as uow:
        assert uow.session.get(models.Location, loc_id).active
    assert "location_retired" not in audit_actions(demo_db, code)

    empty_id, empty = _location(demo_db, holding=False)
    _find_location(qtbot, panel, empty, empty_id)
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        qtbot.keyClick(panel, Qt.Key.Key_F7)  # the key written on the button
    qtbot.waitUntil(lambda: panel.location() is not None and not panel.location().active, timeout=10_000)
    assert panel.findChild(QPushButton, "admin_location_restore").isEnabled()
    assert not panel.map.marks[0][1]  # crossed out on the map
    with demo_db.unit_of_work() as uow:
        assert not uow.session.get(models.Location, empty_id).active
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, panel, "admin_location_restore")


def _find_sku(qtbot, panel, text: str) -> None:  # noqa: ANN001
    search = panel.findChild(QLineEdit, "admin_sku_search")
    search.setText(text)
    with qtbot.waitSignal(panel.found, timeout=10_000):
        click(qtbot, panel, "admin_sku_find")
    qtbot.waitUntil(lambda: panel.sku() is not None or rows_built(panel.table), timeout=10_000)


def test_a_sku_is_found_edited_and_given_a_picture(qtbot, window: MainWindow, demo_db: Database, sign_in,
                                                   tmp_path: Path) -> None:
    ws = workspace(qtbot, window, sign_in)
    panel = ws.panel("skus")
    with demo_db.unit_of_work() as uow:
        sku = uow.session.scalar(select(models.Sku).where(models.Sku.sku_code == "M2-0007"))
    _find_sku(qtbot, panel, sku.name_zh)  # found by its Chinese name, in SQL
    assert panel.model.ids == [sku.id]
    qtbot.waitUntil(lambda: rows_built(panel.table))
    panel.select_sku(sku.id)
    qtbot.waitUntil(lambda: panel.findChild(QLineEdit, "admin_sku_name").text() == sku.name)
    name = panel.findChild(QLineEdit, "admin_sku_name")
    name.setText("Green Tea Gift Box")
    weight = panel.findChild(QLineEdit, "admin_sku_weight")
    weight.setText("0")
    with qtbot.waitSignal(ws.action_failed, timeout=10_000) as refused:
        click(qtbot, panel, "admin_sku_save")
    assert "weighs" in refused.args[0]
    weight.setText("455")
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        qtbot.keyClick(panel, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: panel.sku() is not None and panel.sku().name == "Green Tea Gift Box", timeout=10_000)
    with demo_db.unit_of_work() as uow:
        k = uow.session.get(models.Sku, sku.id)
        assert (k.name, k.weight_g) == ("Green Tea Gift Box", 455)
    assert "sku_edited" in audit_actions(demo_db, sku.sku_code)

    picture = tmp_path / "box.png"
    shutil.copy(ROOT / "docs" / "images" / "signin.png", picture)
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        panel.set_picture(str(picture))  # what the file dialog hands over
    qtbot.waitUntil(lambda: panel.sku() is not None and panel.sku().image == str(picture.resolve()), timeout=10_000)
    assert not panel.picture.pixmap().isNull()


def test_a_sku_on_an_open_order_cannot_be_retired(qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    ws = workspace(qtbot, window, sign_in)
    panel = ws.panel("skus")
    O, OL = models.Order, models.OrderLine
    with demo_db.unit_of_work() as uow:
        sku = uow.session.scalar(select(models.Sku).join(OL, OL.sku_id == models.Sku.id).join(O, OL.order_id == O.id)
                                 .where(O.status == "ready").limit(1))
    _find_sku(qtbot, panel, sku.gtin)
    qtbot.waitUntil(lambda: panel.sku() is not None or rows_built(panel.table))
    panel.select_sku(sku.id)
    with qtbot.waitSignal(ws.action_failed, timeout=10_000) as refused:
        click(qtbot, panel, "admin_sku_retire")
    assert sku.sku_code in refused.args[0] and "open order" in refused.args[0]
    with demo_db.unit_of_work() as uow:
        assert uow.session.get(models.Sku, sku.id).active


def test_merchant_terms_are_saved(qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    ws = workspace(qtbot, window, sign_in)
    panel = ws.panel("merchants")
    qtbot.waitUntil(lambda: rows_built(panel.table), timeout=10_000)
    assert panel.select_merchant("M4")
    panel.findChild(QLineEdit, "admin_merchant_fee").setText("9.50")
    panel.regions.setPlainText("18.00: 新疆维吾尔自治区, 西藏自治区")
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, panel, "admin_merchant_save")
    with demo_db.unit_of_work() as uow:
        m = uow.session.scalar(select(models.Merchant).where(models.Merchant.code == "M4"))
        assert str(m.standard_shipping_fee) == "9.50"
        assert m.shipping_regions == [{"provinces": ["新疆维吾尔自治区", "西藏自治区"], "fee": "18.00"}]
    panel.regions.setPlainText("eighteen for the west")
    with qtbot.waitSignal(ws.action_failed, timeout=2000):
        click(qtbot, panel, "admin_merchant_save")


def test_a_station_is_renamed(qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    ws = workspace(qtbot, window, sign_in)
    panel = ws.panel("stations")
    qtbot.waitUntil(lambda: rows_built(panel.table), timeout=10_000)
    assert panel.select_station("TEST-01")  # this station, where the admin is signed in
    assert "admin" in panel.model.row(panel.table.currentIndex().row()).user_login
    assert panel.select_station("PACK-01")
    panel.findChild(QLineEdit, "admin_station_name").setText("PACK-09")
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, panel, "admin_station_save")
    qtbot.waitUntil(lambda: panel.select_station("PACK-09"), timeout=10_000)
    panel.findChild(QLineEdit, "admin_station_name").setText("PACK-01")
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, panel, "admin_station_save")


def test_a_promotion_shows_the_orders_it_touched_and_its_validity_is_saved(
        qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    ws = workspace(qtbot, window, sign_in)
    panel = ws.panel("promotions")
    qtbot.waitUntil(lambda: rows_built(panel.table), timeout=10_000)
    with demo_db.unit_of_work() as uow:
        named = [o for o in uow.session.scalars(select(models.Order)) if "SAVE10" in (o.coupons or [])]
    with qtbot.waitSignal(panel.orders_loaded, timeout=10_000):
        assert panel.select_promotion("SAVE10")
    shown = {panel.orders_model.row(n).order_no for n in range(panel.orders_model.rowCount())}
    assert shown == {o.order_no for o in named} and shown
    panel.findChild(QCheckBox, "admin_promotion_active").setChecked(False)
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, panel, "admin_promotion_save")
    with demo_db.unit_of_work() as uow:
        assert not uow.session.scalar(select(models.Promotion.active).where(models.Promotion.code == "SAVE10"))
    panel.findChild(QCheckBox, "admin_promotion_active").setChecked(True)
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, panel, "admin_promotion_save")


def test_f1_opens_the_admin_guide(qtbot, window: MainWindow, sign_in, monkeypatch) -> None:
    from ui import help as help_module

    workspace(qtbot, window, sign_in)
    opened = []
    monkeypatch.setattr(help_module.GuideDialog, "exec", lambda self: opened.append(self.path) or 0)
    window.open_guide()
    assert opened and opened[0].name == "admin.md" and opened[0].is_file()


def test_a_carrier_account_is_entered_and_its_secret_never_shown_again(
        qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    ws = workspace(qtbot, window, sign_in)
    panel = ws.panel("carriers")
    panel.findChild(QLineEdit, "admin_carrier_code").setText("SF")
    panel.findChild(QLineEdit, "admin_carrier_endpoint").setText("https://sfapi-sbox.sf-express.com/std/service")
    panel.findChild(QLineEdit, "admin_carrier_partner").setText("WH1-PARTNER")
    panel.findChild(QLineEdit, "admin_carrier_secret").setText("ui-check-word-77")
    panel.findChild(QLineEdit, "admin_carrier_monthly_card").setText("7551234567")
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, panel, "admin_carrier_save")
    qtbot.waitUntil(lambda: panel.select_account("SF"), timeout=10_000)
    secret = panel.findChild(QLineEdit, "admin_carrier_secret")
    assert secret.text() == "" and secret.echoMode() == QLineEdit.EchoMode.Password
    shown = [panel.model.data(panel.model.index(0, c)) for c in range(panel.model.columnCount())]
    assert "ui-check-word-77" not in " ".join(shown) and "kept (sealed)" in shown
    with demo_db.unit_of_work() as uow:
        row = uow.session.scalar(select(models.CarrierAccount).where(models.CarrierAccount.code == "SF"))
        assert row.partner_id == "WH1-PARTNER" and row.options == {"monthly_card": "7551234567", "privacy_waybill": True}
        assert b"ui-check-word-77" not in row.secret_sealed
        assert uow.sealer.open(row.secret_sealed, "carrier_secret", "SF") == "ui-check-word-77"
    panel.findChild(QLineEdit, "admin_carrier_endpoint").setText("not a url")  # refused, nothing written
    with qtbot.waitSignal(ws.action_failed, timeout=10_000):
        click(qtbot, panel, "admin_carrier_save")
    assert "http(s)" in panel.message.text()
    with demo_db.unit_of_work() as uow:
        assert uow.session.scalar(select(models.CarrierAccount.endpoint)).startswith("https://")
