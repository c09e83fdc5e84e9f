"""The admin's merchants tab: the merchants and the terms intake and after-sales apply to their orders.

Object names: `admin_merchant_search`, `admin_merchant_find` (F5), `admin_merchants` (table), the terms
`admin_merchant_name`, `admin_merchant_phone`, `admin_merchant_free_from`, `admin_merchant_fee`,
`admin_merchant_regions` (one line per region: "fee: province, province"), `admin_merchant_return_days`,
`admin_merchant_warranty_days`, `admin_merchant_shelf_days`, `admin_merchant_save` (F6), `admin_merchants_message`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.services import admin
from ui.i18n import money, number
from ui.widgets.admin_common import (
    AdminPanel, IdTableModel, admin_button, admin_table, select_id, selected_row, side_panel,
)
from ui.workspaces.base import WorkspaceContext


def regions_text(regions: list[dict]) -> str:
    """The regional fees as the admin edits them: one region a line, "20.00: 新疆, 西藏"."""
    return "\n".join(f"{r.get('fee', '')}: {', '.join(r.get('provinces', []))}" for r in regions)


def parse_regions(text: str) -> list[dict] | None:
    """The lines back into regions; None when a line has no "fee:" (the service checks the rest)."""
    regions = []
    for line in text.splitlines():
        if not line.strip():
            continue
        fee, sep, provinces = line.replace("：", ":").partition(":")
        if not sep:
            return None
        regions.append({"fee": fee.strip(), "provinces": [p.strip() for p in provinces.replace("，", ",").split(",")]})
    return regions


class MerchantsPanel(AdminPanel):
    name = "merchants"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.search = self._line("admin_merchant_search")
        self.search.setPlaceholderText(self.tr("Search: merchant code or name…"))
        self.search.returnPressed.connect(self.refresh)
        find = admin_button(self.tr("Find"), "admin_merchant_find", self, self.refresh, "F5")
        self.model = IdTableModel([
            (self.tr("Code"), lambda r: r.code),
            (self.tr("Merchant"), lambda r: r.name),
            (self.tr("Shipping"), lambda r: money(r.standard_shipping_fee)),
            (self.tr("Free from"), lambda r: money(r.free_shipping_threshold) if r.free_shipping_threshold is not None
             else self.tr("never")),
            (self.tr("Regions"), lambda r: number(len(r.shipping_regions))),
            (self.tr("Returns"), lambda r: self.tr("%n day(s)", "", r.return_days)),
            (self.tr("SKUs"), lambda r: number(r.skus)),
        ], parent=self)
        self.table = admin_table("admin_merchants", self.model, self, stretch=1)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.m_name = self._line("admin_merchant_name")
        self.phone = self._line("admin_merchant_phone")
        self.free_from = self._line("admin_merchant_free_from")
        self.free_from.setPlaceholderText(self.tr("empty: never free"))
        self.fee = self._line("admin_merchant_fee")
        self.regions = QPlainTextEdit(self)
        self.regions.setObjectName("admin_merchant_regions")
        self.regions.setPlaceholderText(self.tr("One region a line — fee: province, province"))
        self.regions.setFixedHeight(80)
        self.return_days = self._line("admin_merchant_return_days")
        self.warranty_days = self._line("admin_merchant_warranty_days")
        self.shelf_days = self._line("admin_merchant_shelf_days")
        self.save = admin_button(self.tr("Save terms"), "admin_merchant_save", self, self.save_terms, "F6")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.m_name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Shipping fee"), self.fee)
        form.addRow(self.tr("Free shipping from"), self.free_from)
        form.addRow(self.tr("Regional fees"), self.regions)
        form.addRow(self.tr("Return days"), self.return_days)
        form.addRow(self.tr("Warranty days"), self.warranty_days)
        form.addRow(self.tr("Minimum shelf life (days)"), self.shelf_days)
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
        layout.addLayout(left, 3)
        layout.addWidget(side_panel(side, "admin_merchant_side", self), 2)
        self._selected()

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMinimumHeight(36)
        return edit

    def load_op(self):  # noqa: ANN201
        text = self.search.text()
        return lambda uow: admin.list_merchants(uow, text)

    def show_data(self, data: object) -> None:
        chosen = selected_row(self.table)
        self.model.set_rows(data)  # type: ignore[arg-type]
        if not select_id(self.table, chosen.id if chosen else -1) and self.model.rowCount():
            self.table.selectRow(0)
        self._selected(force=True)

    def select_merchant(self, code: str) -> bool:
        for n in range(self.model.rowCount()):
            if self.model.row(n).code == code:
                return select_id(self.table, self.model.ids[n])
        return False

    def _selected(self, *_args: object, force: bool = False) -> None:
        m = selected_row(self.table)
        for widget in (self.m_name, self.phone, self.free_from, self.fee, self.regions, self.return_days,
                       self.warranty_days, self.shelf_days, self.save):
            widget.setEnabled(m is not None)
        if m is None or (not force and getattr(self, "_shown", None) == m.id):
            return
        self._shown = m.id
        self.m_name.setText(m.name)
        self.phone.setText(m.phone)
        self.fee.setText(str(m.standard_shipping_fee))
        self.free_from.setText("" if m.free_shipping_threshold is None else str(m.free_shipping_threshold))
        self.regions.setPlainText(regions_text(m.shipping_regions))
        self.return_days.setText(str(m.return_days))
        self.warranty_days.setText(str(m.warranty_days))
        self.shelf_days.setText(str(m.min_remaining_shelf_days))

    def save_terms(self) -> None:
        m = selected_row(self.table)
        if m is None:
            self.refuse(self.tr("Choose a merchant first."))
            return
        regions = parse_regions(self.regions.toPlainText())
        if regions is None:
            self.refuse(self.tr("Each regional fee is a line \"fee: province, province\"."))
            return
        terms = {"name": self.m_name.text(), "phone": self.phone.text(), "free_shipping_threshold": self.free_from.text(),
                 "standard_shipping_fee": self.fee.text(), "return_days": self.return_days.text(),
                 "warranty_days": self.warranty_days.text(), "min_remaining_shelf_days": self.shelf_days.text(),
                 "shipping_regions": regions}
        self.run_action("merchant_saved", lambda uow: admin.edit_merchant_terms(uow, m.id, **terms),
                        self.tr("Terms saved."))
