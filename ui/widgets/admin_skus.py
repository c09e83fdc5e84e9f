"""The admin's SKUs tab: search (in SQL) over code, GTIN and both names; edit, retire, product picture.

Object names: `admin_sku_search`, `admin_sku_find` (F5), `admin_sku_retired` (show retired ones too),
`admin_skus` (table of ids, rows built on demand), `admin_sku_count`; the form `admin_sku_name`,
`admin_sku_name_zh`, `admin_sku_price`, `admin_sku_weight`, `admin_sku_length`, `admin_sku_width`,
`admin_sku_height`, `admin_sku_fragile`, `admin_sku_threshold`, `admin_sku_save` (F6),
`admin_sku_retire` (F7), `admin_sku_restore` (F9), `admin_sku_picture` (the picture shown),
`admin_sku_choose_picture` (F8), `admin_sku_clear_picture`; `admin_skus_message`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from desktop.services import admin
from ui.i18n import bilingual, money, number
from ui.widgets.admin_common import (
    AdminPanel, IdTableModel, admin_button, admin_table, select_id, selected_row, side_panel,
)
from ui.workspaces.base import WorkspaceContext


class SkusPanel(AdminPanel):
    """Signals (besides the panel's): found(int): a search is on screen (how many SKUs)."""

    found = Signal(int)
    name = "skus"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.search = self._line("admin_sku_search")
        self.search.setPlaceholderText(self.tr("Search: SKU, GTIN or product name…"))
        self.search.returnPressed.connect(self.find)
        self.show_retired = QCheckBox(self.tr("Retired too"), self)
        self.show_retired.setObjectName("admin_sku_retired")
        self.show_retired.setChecked(True)
        find = admin_button(self.tr("Find"), "admin_sku_find", self, self.find, "F5")
        self.model = IdTableModel([
            (self.tr("Merchant"), lambda r: r.merchant),
            (self.tr("SKU"), lambda r: r.sku_code),
            (self.tr("Product"), lambda r: bilingual(r.name, r.name_zh)),
            (self.tr("GTIN"), lambda r: r.gtin),
            (self.tr("Price"), lambda r: money(r.unit_value)),
            (self.tr("On hand"), lambda r: number(r.on_hand)),
            (self.tr("Status"), lambda r: self.tr("On sale") if r.active else self.tr("Retired")),
        ], self.runner, admin.sku_rows, self.actor, self)
        self.model.rows_arrived.connect(self._selected)
        self.table = admin_table("admin_skus", self.model, self, stretch=2)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.count = QLabel(self)
        self.count.setObjectName("admin_sku_count")

        self.s_name = self._line("admin_sku_name")
        self.name_zh = self._line("admin_sku_name_zh")
        self.price = self._line("admin_sku_price")
        self.weight = self._line("admin_sku_weight")
        self.length = self._line("admin_sku_length")
        self.width = self._line("admin_sku_width")
        self.height = self._line("admin_sku_height")
        self.threshold = self._line("admin_sku_threshold")
        self.fragile = QCheckBox(self.tr("Fragile"), self)
        self.fragile.setObjectName("admin_sku_fragile")
        self.picture = QLabel(self)
        self.picture.setObjectName("admin_sku_picture")
        self.picture.setFixedSize(96, 96)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.save = admin_button(self.tr("Save"), "admin_sku_save", self, self.save_sku, "F6")
        self.retire = admin_button(self.tr("Retire"), "admin_sku_retire", self, self.retire_sku, "F7")
        self.restore = admin_button(self.tr("Sell again"), "admin_sku_restore", self, self.restore_sku, "F9")
        self.choose_picture = admin_button(self.tr("Picture…"), "admin_sku_choose_picture", self,
                                           self.choose_picture_file, "F8")
        self.clear_picture = admin_button(self.tr("No picture"), "admin_sku_clear_picture", self,
                                          lambda: self.set_picture(None))

        size = QHBoxLayout()
        for edit in (self.length, self.width, self.height):
            size.addWidget(edit)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.s_name)
        form.addRow(self.tr("Chinese name"), self.name_zh)
        form.addRow(self.tr("Unit value"), self.price)
        form.addRow(self.tr("Weight (g)"), self.weight)
        form.addRow(self.tr("L × W × H (mm)"), size)
        handling = QHBoxLayout()
        handling.addWidget(self.threshold, 1)
        handling.addWidget(self.fragile)
        form.addRow(self.tr("Low stock under"), handling)
        pictures = QHBoxLayout()
        pictures.addWidget(self.picture)
        pictures.addWidget(self.choose_picture, 1)
        pictures.addWidget(self.clear_picture, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.retire)
        buttons.addWidget(self.restore)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addLayout(pictures)
        side.addLayout(buttons)
        side.addWidget(self.message)
        side.addStretch(1)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.show_retired)
        bar.addWidget(find)
        left = QVBoxLayout()
        left.addLayout(bar)
        left.addWidget(self.table, 1)
        left.addWidget(self.count)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(side_panel(side, "admin_sku_side", self), 2)
        self._selected()

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMinimumHeight(36)
        return edit

    # --- searching ----------------------------------------------------------------------------

    def load_op(self):  # noqa: ANN201
        text, retired = self.search.text(), self.show_retired.isChecked()
        return lambda uow: admin.sku_ids(uow, text, retired=retired)

    def find(self) -> None:
        self.refresh()

    def show_data(self, data: object) -> None:
        chosen = selected_row(self.table)
        ids = list(data)  # type: ignore[call-overload]
        if ids == self.model.ids:
            self.model.reload()
        else:
            self.model.set_ids(ids)
        if chosen is not None:
            select_id(self.table, chosen.id)
        self.count.setText(self.tr("%n SKU(s)", "", len(ids)))
        self._selected()
        self.found.emit(len(ids))

    def select_sku(self, sku_id: int) -> bool:
        return select_id(self.table, sku_id)

    def sku(self) -> admin.SkuRow | None:
        return selected_row(self.table)

    def _selected(self, *_args: object) -> None:
        k = self.sku()
        for widget in (self.s_name, self.name_zh, self.price, self.weight, self.length, self.width, self.height,
                       self.threshold, self.fragile, self.save, self.retire, self.restore, self.choose_picture,
                       self.clear_picture):
            widget.setEnabled(k is not None)
        if k is None:
            self.picture.clear()
            return
        self.retire.setEnabled(k.active)
        self.restore.setEnabled(not k.active)
        self.clear_picture.setEnabled(bool(k.image))
        if getattr(self, "_shown", None) != (k.id, k):
            self._shown = (k.id, k)
            self.s_name.setText(k.name)
            self.name_zh.setText(k.name_zh)
            self.price.setText(str(k.unit_value))
            self.weight.setText(str(k.weight_g))
            self.length.setText(str(k.length_mm))
            self.width.setText(str(k.width_mm))
            self.height.setText(str(k.height_mm))
            self.threshold.setText(str(k.low_stock_threshold))
            self.fragile.setChecked(k.fragile)
        if k.image and Path(k.image).is_file():
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(k.image).scaled(round(96 * ratio), round(96 * ratio), Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation)
            pixmap.setDevicePixelRatio(ratio)
            self.picture.setPixmap(pixmap)
        else:
            self.picture.clear()
            self.picture.setText(self.tr("No picture"))

    # --- editing ------------------------------------------------------------------------------

    def _sku_action(self, name: str, op, done: str) -> None:  # noqa: ANN001
        k = self.sku()
        if k is None:
            self.refuse(self.tr("Choose a SKU first."))
            return
        self.run_action(name, lambda uow: op(uow, k.id), done)

    def save_sku(self) -> None:
        fields = {"name": self.s_name.text(), "name_zh": self.name_zh.text(), "unit_value": self.price.text(),
                  "weight_g": self.weight.text(), "length_mm": self.length.text(), "width_mm": self.width.text(),
                  "height_mm": self.height.text(), "fragile": self.fragile.isChecked(),
                  "low_stock_threshold": self.threshold.text()}
        self._sku_action("sku_saved", lambda uow, sku_id: admin.edit_sku(uow, sku_id, **fields), self.tr("SKU saved."))

    def retire_sku(self) -> None:
        self._sku_action("sku_retired", admin.retire_sku, self.tr("SKU retired: intake no longer takes it."))

    def restore_sku(self) -> None:
        self._sku_action("sku_restored", admin.restore_sku, self.tr("SKU on sale again."))

    def choose_picture_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Product picture"), str(Path.home()),
                                              self.tr("Pictures (*.png *.jpg *.jpeg *.webp *.bmp *.gif)"))
        if path:
            self.set_picture(path)

    def set_picture(self, path: str | None) -> None:
        self._sku_action("sku_picture", lambda uow, sku_id: admin.set_sku_picture(uow, sku_id, path),
                         self.tr("Picture saved.") if path else self.tr("Picture removed."))
