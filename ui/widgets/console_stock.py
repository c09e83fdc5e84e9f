"""The console's stock tab: SKUs under their threshold, and the replenishment requests (exported as CSV).

Object names: `supervisor_low_stock` (keyed by warehouse and SKU), `supervisor_replenishment` (keyed by
the request's id), `supervisor_export_csv`. Both lists are short and read whole (`show_stock`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget
from PySide6.QtCore import Qt

from desktop.services import replenishment
from ui.i18n import bilingual, date_time, number
from ui.labels import replenishment_reason_name, replenishment_status_name
from ui.widgets.aftersales_common import big_button
from ui.widgets.console_common import Console
from ui.widgets.console_model import Column, KeyedModel, KeyedView


class StockPanel(QWidget):
    def __init__(self, console: Console, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("console_stock")
        self.console = console
        self.low_model = KeyedModel([
            Column(self.tr("Warehouse"), lambda r: r.warehouse),
            Column(self.tr("Merchant"), lambda r: r.merchant),
            Column(self.tr("SKU"), lambda r: r.sku),
            Column(self.tr("Available"), lambda r: number(r.available)),
            Column(self.tr("Threshold"), lambda r: number(r.threshold)),
            Column(self.tr("Request"), lambda r: f"#{r.open_request}" if r.open_request else ""),
            Column(self.tr("Product"), lambda r: bilingual(r.name, r.name_zh)),
        ], key=lambda r: (r.warehouse, r.sku), parent=self)
        self.requests_model = KeyedModel([
            Column("#", lambda r: str(r.id)),
            Column(self.tr("Raised"), lambda r: date_time(r.created_at)),
            Column(self.tr("Reason"), lambda r: replenishment_reason_name(r.reason)),
            Column(self.tr("Status"), lambda r: replenishment_status_name(r.status)),
            Column(self.tr("Warehouse"), lambda r: r.warehouse),
            Column(self.tr("SKU"), lambda r: r.sku),
            Column(self.tr("Qty"), lambda r: number(r.qty)),
            Column(self.tr("Supplier"), lambda r: f"{r.merchant} {r.supplier_phone}"),
            Column(self.tr("Product"), lambda r: bilingual(r.name, r.name_zh)),
        ], key=lambda r: r.id, parent=self)
        self.low_stock = KeyedView("supervisor_low_stock", self.low_model, self, stretch=6)
        self.requests = KeyedView("supervisor_replenishment", self.requests_model, self, stretch=8)
        self.export_button = big_button(self.tr("Export CSV"), "supervisor_export_csv", self, "F7")
        self.export_button.clicked.connect(self.choose_export_file)
        # One above the other, each the tab's full width: every column readable in either language.
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        low_title = QLabel(self.tr("Low stock"), upper)
        low_title.setObjectName("section_title")
        upper_layout.addWidget(low_title)
        upper_layout.addWidget(self.low_stock, 1)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        rep_row = QHBoxLayout()
        rep_title = QLabel(self.tr("Replenishment requests"), lower)
        rep_title.setObjectName("section_title")
        rep_row.addWidget(rep_title, 1)
        rep_row.addWidget(self.export_button)
        lower_layout.addLayout(rep_row)
        lower_layout.addWidget(self.requests, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)

    def show_stock(self, low: list[replenishment.LowStockRow] | None,
                   requests: list[replenishment.ReplenishmentRow] | None) -> None:
        if low is not None:
            self.low_model.replace(low)
        if requests is not None:
            self.requests_model.replace(requests)

    @staticmethod
    def load_op():  # noqa: ANN205
        return lambda uow: (replenishment.low_stock_alerts(uow), replenishment.list_replenishment(uow))

    def choose_export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export replenishment requests"),
                                              "replenishment.csv", "CSV (*.csv)")
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        def op(uow):
            text = replenishment.replenishment_csv(replenishment.list_replenishment(uow, limit=100_000))
            path.write_text(text, encoding="utf-8")
            return text.count("\n") - 1

        self.console.run("export", op, lambda n: self.tr("%n request(s) written to {file}", "", n).format(file=path.name))
