"""The admin's stations tab: every station that signed someone in, who is on it, when it was last seen.

Object names: `admin_station_search`, `admin_station_find` (F5), `admin_stations` (the table),
`admin_station_name`, `admin_station_kind`, `admin_station_save` (F6), `admin_stations_message`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.services import admin
from ui.i18n import date_time, translate
from ui.widgets.admin_common import (
    AdminPanel, IdTableModel, admin_button, admin_table, select_id, selected_row, side_panel,
)
from ui.workspaces.base import WorkspaceContext

STATION_KINDS = {
    "any": QT_TRANSLATE_NOOP("StationKindName", "Any work"),
    "pick": QT_TRANSLATE_NOOP("StationKindName", "Picking"),
    "pack": QT_TRANSLATE_NOOP("StationKindName", "Packing"),
    "supervisor": QT_TRANSLATE_NOOP("StationKindName", "Supervision"),
}


def station_kind_name(kind: str) -> str:
    return translate("StationKindName", STATION_KINDS[kind]) if kind in STATION_KINDS else kind


class StationsPanel(AdminPanel):
    name = "stations"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("admin_station_search")
        self.search.setPlaceholderText(self.tr("Search: station or person…"))
        self.search.setMinimumHeight(48)
        self.search.returnPressed.connect(self.refresh)
        find = admin_button(self.tr("Find"), "admin_station_find", self, self.refresh, "F5")
        self.model = IdTableModel([
            (self.tr("Station"), lambda r: r.name),
            (self.tr("Kind"), lambda r: station_kind_name(r.kind)),
            (self.tr("Signed in"), lambda r: f"{r.user_name} ({r.user_login})" if r.user_login else "—"),
            (self.tr("Last seen"), lambda r: date_time(r.last_seen_at)),
        ], parent=self)
        self.table = admin_table("admin_stations", self.model, self, stretch=2)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.station_name = QLineEdit(self)
        self.station_name.setObjectName("admin_station_name")
        self.station_name.setMinimumHeight(48)
        self.kind = QComboBox(self)
        self.kind.setObjectName("admin_station_kind")
        self.kind.setMinimumHeight(48)
        for code in admin.STATION_KINDS:
            self.kind.addItem(station_kind_name(code), code)
        self.save = admin_button(self.tr("Save"), "admin_station_save", self, self.save_station, "F6")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.station_name)
        form.addRow(self.tr("Kind"), self.kind)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.save)
        side.addWidget(self.message)
        side.addStretch(1)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(find)
        left = QVBoxLayout()
        left.addLayout(bar)
        left.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(side_panel(side, "admin_station_side", self), 1)
        self._selected()

    def load_op(self):  # noqa: ANN201
        text = self.search.text()
        return lambda uow: admin.list_stations(uow, text)

    def show_data(self, data: object) -> None:
        chosen = selected_row(self.table)
        self.model.set_rows(data)  # type: ignore[arg-type]
        if chosen is not None:
            select_id(self.table, chosen.id)
        self._selected()

    def select_station(self, name: str) -> bool:
        for n in range(self.model.rowCount()):
            if self.model.row(n).name == name:
                return select_id(self.table, self.model.ids[n])
        return False

    def _selected(self, *_args: object) -> None:
        row = selected_row(self.table)
        for widget in (self.station_name, self.kind, self.save):
            widget.setEnabled(row is not None)
        if row is not None:
            self.station_name.setText(row.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))

    def save_station(self) -> None:
        row = selected_row(self.table)
        if row is None:
            self.refuse(self.tr("Choose a station first."))
            return
        name, kind = self.station_name.text(), self.kind.currentData()
        self.run_action("station_saved", lambda uow: admin.edit_station(uow, row.id, name=name, kind=kind),
                        self.tr("Station saved."))
