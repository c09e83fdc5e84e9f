"""The admin's warehouses tab: the warehouses, their locations (searched in SQL, a table of ids whose rows
are built on demand) and the layout map with the chosen location on it.

Object names: `admin_warehouses` (table), `admin_warehouse_name`, `admin_warehouse_city`,
`admin_warehouse_address`, `admin_warehouse_save` (F6); `admin_location_search`, `admin_location_find`
(F5), `admin_locations` (table), `admin_location_kind`, `admin_location_set_kind` (F8),
`admin_location_retire` (F7), `admin_location_restore` (F9); `admin_layout_map`; `admin_warehouses_message`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget,
)

from desktop.services import admin
from ui.i18n import number, translate
from ui.widgets.admin_common import AdminPanel, IdTableModel, admin_button, admin_table, select_id, selected_row
from ui.widgets.route_map import MapStop, RouteMap
from ui.workspaces.base import WorkspaceContext

LOCATION_KINDS = {
    "pick": QT_TRANSLATE_NOOP("LocationKindName", "Pick"),
    "reserve": QT_TRANSLATE_NOOP("LocationKindName", "Reserve"),
    "quarantine": QT_TRANSLATE_NOOP("LocationKindName", "Quarantine"),
    "returns": QT_TRANSLATE_NOOP("LocationKindName", "Returns"),
    "dock": QT_TRANSLATE_NOOP("LocationKindName", "Dock"),
}


def location_kind_name(kind: str) -> str:
    return translate("LocationKindName", LOCATION_KINDS[kind]) if kind in LOCATION_KINDS else kind


class LayoutMap(RouteMap):
    """The warehouse from above (the picker's map without a walk), the chosen location ringed and
    the retired ones of those listed crossed out. Object name `admin_layout_map`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin_layout_map")
        self.setMinimumSize(320, 200)
        self.marks: list[tuple[MapStop, bool]] = []  # (where, active)

    def show_layout(self, layout: dict[str, Any] | None, marks: Sequence[tuple[MapStop, bool]]) -> None:
        self.marks = list(marks)
        self.set_route(layout, [], None)

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        super().paintEvent(event)
        if not self.layout_data or not self.marks:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for n, (stop, active) in enumerate(self.marks):
            centre = self._pt(*self._stop_xy(stop))
            radius = 12.0 if n == 0 else 6.0
            if not active:
                p.setPen(QPen(QColor("#6b7580"), 2))
                p.drawLine(QPointF(centre.x() - radius, centre.y() - radius), QPointF(centre.x() + radius, centre.y() + radius))
                p.drawLine(QPointF(centre.x() - radius, centre.y() + radius), QPointF(centre.x() + radius, centre.y() - radius))
            elif n == 0:
                p.setPen(QPen(QColor("#b3261e"), 3))
                p.setBrush(QColor("#ffd54f"))
                p.drawEllipse(centre, radius, radius)
            else:
                p.setPen(QPen(QColor("#174a83"), 1))
                p.setBrush(QColor("#1e5fa8"))
                p.drawEllipse(centre, radius, radius)
        first = self.marks[0][0]
        at = self._pt(*self._stop_xy(first))
        p.setPen(QColor("#1b1f24"))
        p.drawText(QRectF(at.x() + 14, at.y() - 10, 220, 20), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   first.label)
        p.end()


class WarehousesPanel(AdminPanel):
    """Signals (besides the panel's): locations_loaded(): a location search is on screen."""

    locations_loaded = Signal()
    name = "warehouses"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.warehouses: list[admin.WarehouseRow] = []
        self.warehouse_model = IdTableModel([
            (self.tr("Code"), lambda r: r.code),
            (self.tr("Name"), lambda r: r.name),
            (self.tr("City"), lambda r: r.city),
            (self.tr("Locations"), lambda r: number(r.locations)),
        ], parent=self)
        self.warehouse_table = admin_table("admin_warehouses", self.warehouse_model, self, stretch=1)
        self.warehouse_table.setMaximumHeight(150)
        self.warehouse_table.selectionModel().selectionChanged.connect(self._warehouse_selected)
        self.wh_name = self._line("admin_warehouse_name")
        self.wh_city = self._line("admin_warehouse_city")
        self.wh_address = self._line("admin_warehouse_address")
        self.wh_save = admin_button(self.tr("Save warehouse"), "admin_warehouse_save", self, self.save_warehouse, "F6")

        self.search = self._line("admin_location_search")
        self.search.setPlaceholderText(self.tr("Search: location code or kind…"))
        self.search.returnPressed.connect(self.find_locations)
        find = admin_button(self.tr("Find"), "admin_location_find", self, self.find_locations, "F5")
        self.location_model = IdTableModel([
            (self.tr("Location"), lambda r: r.code),
            (self.tr("Kind"), lambda r: location_kind_name(r.kind)),
            (self.tr("On hand"), lambda r: number(r.on_hand)),
            (self.tr("Reserved"), lambda r: number(r.reserved)),
            (self.tr("In use"), lambda r: self.tr("Yes") if r.active else self.tr("Retired")),
        ], self.runner, admin.location_rows, self.actor, self)
        self.location_model.rows_arrived.connect(self._location_selected)
        self.location_table = admin_table("admin_locations", self.location_model, self)
        self.location_table.selectionModel().selectionChanged.connect(self._location_selected)
        self.kind = QComboBox(self)
        self.kind.setObjectName("admin_location_kind")
        self.kind.setMinimumHeight(48)
        for code in admin.LOCATION_KINDS:
            self.kind.addItem(location_kind_name(code), code)
        self.set_kind = admin_button(self.tr("Set kind"), "admin_location_set_kind", self, self.set_location_kind, "F8")
        self.retire = admin_button(self.tr("Retire location"), "admin_location_retire", self, self.retire_location, "F7")
        self.restore = admin_button(self.tr("Use again"), "admin_location_restore", self, self.restore_location, "F9")
        self.map = LayoutMap(self)
        self.count = QLabel(self)
        self.count.setObjectName("admin_location_count")

        # Upper: the warehouses and the chosen one's details. Lower: its locations with their actions
        # beside the layout map, which gets the full height.
        form = QGridLayout()
        form.addWidget(QLabel(self.tr("Name"), self), 0, 0)
        form.addWidget(self.wh_name, 0, 1, 1, 3)
        form.addWidget(QLabel(self.tr("City"), self), 1, 0)
        form.addWidget(self.wh_city, 1, 1)
        form.addWidget(QLabel(self.tr("Address"), self), 1, 2)
        form.addWidget(self.wh_address, 1, 3)
        form.addWidget(self.wh_save, 2, 0, 1, 4)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 2)
        upper = QHBoxLayout()
        upper.addWidget(self.warehouse_table, 1)
        upper.addLayout(form, 1)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(find)
        actions = QHBoxLayout()
        actions.addWidget(self.kind, 1)
        actions.addWidget(self.set_kind)
        actions.addWidget(self.retire)
        actions.addWidget(self.restore)
        list_side = QVBoxLayout()
        list_side.setContentsMargins(0, 0, 0, 0)
        list_side.addLayout(bar)
        list_side.addWidget(self.location_table, 1)
        list_side.addWidget(self.count)
        list_side.addLayout(actions)
        list_box = QWidget(self)
        list_box.setLayout(list_side)
        map_side = QVBoxLayout()
        map_side.setContentsMargins(0, 0, 0, 0)
        map_side.addWidget(self.map, 1)
        map_side.addWidget(self.message)
        map_box = QWidget(self)
        map_box.setLayout(map_side)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("admin_locations_split")
        split.addWidget(list_box)
        split.addWidget(map_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(upper)
        layout.addWidget(split, 1)
        self._warehouse_selected()

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMinimumHeight(36)
        return edit

    # --- loading ------------------------------------------------------------------------------

    def load_op(self):  # noqa: ANN201
        return admin.list_warehouses

    def show_data(self, data: object) -> None:
        chosen = selected_row(self.warehouse_table)
        self.warehouses = list(data)  # type: ignore[arg-type]
        self.warehouse_model.set_rows(self.warehouses)
        if not select_id(self.warehouse_table, chosen.id if chosen else -1) and self.warehouses:
            self.warehouse_table.selectRow(0)
        else:
            self._warehouse_selected()

    def warehouse(self) -> admin.WarehouseRow | None:
        return selected_row(self.warehouse_table)

    def select_warehouse(self, code: str) -> bool:
        row = next((w for w in self.warehouses if w.code == code), None)
        return row is not None and select_id(self.warehouse_table, row.id)

    def _warehouse_selected(self, *_args: object) -> None:
        w = self.warehouse()
        for widget in (self.wh_name, self.wh_city, self.wh_address, self.wh_save):
            widget.setEnabled(w is not None)
        if w is None:
            return
        if getattr(self, "_shown_warehouse", None) != w.id:
            self._shown_warehouse = w.id
            self.wh_name.setText(w.name)
            self.wh_city.setText(w.city)
            self.wh_address.setText(w.address)
            self.find_locations()

    def find_locations(self) -> None:
        w = self.warehouse()
        if w is None:
            return
        text = self.search.text()
        self._search_no = getattr(self, "_search_no", 0) + 1
        search_no = self._search_no
        self.runner.run(lambda uow: admin.location_ids(uow, w.id, text), lambda ids: self._show_locations(search_no, ids),
                        self._action_refused, actor=self.actor, owner=self)

    def _show_locations(self, search_no: int, ids: list[int]) -> None:
        if search_no != self._search_no:
            return  # a later search is on its way: only the last one is shown
        self.location_model.set_ids(ids)
        self.count.setText(self.tr("%n location(s)", "", len(ids)))
        if ids:
            self.location_table.selectRow(0)
        self._location_selected()
        self.locations_loaded.emit()

    def select_location(self, location_id: int) -> bool:
        return select_id(self.location_table, location_id)

    def location(self) -> admin.LocationRow | None:
        return selected_row(self.location_table)

    def _location_selected(self, *_args: object) -> None:
        loc, w = self.location(), self.warehouse()
        for widget in (self.kind, self.set_kind, self.retire, self.restore):
            widget.setEnabled(loc is not None)
        if loc is not None:
            self.retire.setEnabled(loc.active)
            self.restore.setEnabled(not loc.active)
            self.kind.setCurrentIndex(max(0, self.kind.findData(loc.kind)))
        marks: list[tuple[MapStop, bool]] = []
        if loc is not None:
            marks.append((MapStop(loc.aisle, loc.block, loc.slot, loc.code, False), loc.active))
        for n in range(min(self.location_model.rowCount(), 400)):
            row = self.location_model.row(n)
            if row is not None and (loc is None or row.id != loc.id):
                marks.append((MapStop(row.aisle, row.block, row.slot, row.code, False), row.active))
        self.map.show_layout(w.layout if w is not None and w.layout.get("aisles") else None, marks)

    # --- actions ------------------------------------------------------------------------------

    def save_warehouse(self) -> None:
        w = self.warehouse()
        if w is None:
            return
        name, city, address = self.wh_name.text(), self.wh_city.text(), self.wh_address.text()
        self._shown_warehouse = None  # show what was saved
        self.run_action("warehouse_saved",
                        lambda uow: admin.edit_warehouse(uow, w.id, name=name, city=city, address=address),
                        self.tr("Warehouse saved."))

    def _location_action(self, name: str, op, done: str) -> None:  # noqa: ANN001
        loc = self.location()
        if loc is None:
            self.refuse(self.tr("Choose a location first."))
            return
        self._say("info", self.tr("Working…"))
        self.runner.run(lambda uow: op(uow, loc.id), lambda _r: self._location_done(name, done),
                        self._action_refused, actor=self.actor, owner=self)

    def _location_done(self, name: str, text: str) -> None:
        self._say("ok", text)
        self.location_model.reload()
        self.action_done.emit(name)

    def retire_location(self) -> None:
        self._location_action("location_retired", admin.retire_location, self.tr("Location retired."))

    def restore_location(self) -> None:
        self._location_action("location_restored", admin.restore_location, self.tr("Location in use again."))

    def set_location_kind(self) -> None:
        kind = self.kind.currentData()
        self._location_action("location_kind", lambda uow, loc_id: admin.set_location_kind(uow, loc_id, kind),
                              self.tr("Location kind saved."))
