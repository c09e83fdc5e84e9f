"""The console's waves tab: release a wave (kind, how many orders) and see the latest waves.

Object names: `console_waves`, `supervisor_wave_warehouse`, `supervisor_wave_kind`,
`supervisor_wave_max`, `supervisor_wave_release`, `supervisor_waves` (keyed by wave code).
A schedule releases waves from cron (`pickdesk wave release`); this is the supervisor's hand on it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget
from sqlalchemy import select

from desktop.db import models
from desktop.services import waves
from ui.i18n import date_time, number, translate
from ui.widgets.aftersales_common import big_button
from ui.widgets.console_common import Console
from ui.widgets.console_model import Column, KeyedModel, KeyedView

KINDS = {
    "multi": QT_TRANSLATE_NOOP("WavesPanel", "Multi-order carts"),
    "single_sku": QT_TRANSLATE_NOOP("WavesPanel", "Single-SKU (bestsellers)"),
    "put_wall": QT_TRANSLATE_NOOP("WavesPanel", "Put wall"),
}
STATUSES = {
    "released": QT_TRANSLATE_NOOP("WavesPanel", "released"),
    "done": QT_TRANSLATE_NOOP("WavesPanel", "done"),
    "cancelled": QT_TRANSLATE_NOOP("WavesPanel", "cancelled"),
}


def kind_name(kind: str) -> str:
    return translate("WavesPanel", KINDS[kind]) if kind in KINDS else kind


class WavesPanel(QWidget):
    def __init__(self, console: Console, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("console_waves")
        self.console = console
        self.model = KeyedModel([
            Column(self.tr("Wave"), lambda w: w.code),
            Column(self.tr("Warehouse"), lambda w: w.warehouse),
            Column(self.tr("Kind"), lambda w: kind_name(w.kind)),
            Column(self.tr("Status"), lambda w: translate("WavesPanel", STATUSES.get(w.status, w.status))),
            Column(self.tr("Released"), lambda w: date_time(w.released_at)),
            Column(self.tr("By"), lambda w: w.released_by or ""),
            Column(self.tr("Orders"), lambda w: number(w.orders)),
            Column(self.tr("Carts"), lambda w: number(w.carts)),
            Column(self.tr("Waiting"), lambda w: number(w.carts_open)),
        ], key=lambda w: w.code, parent=self)
        self.view = KeyedView("supervisor_waves", self.model, self)
        self.warehouse = QComboBox(self)
        self.warehouse.setObjectName("supervisor_wave_warehouse")
        self.kind = QComboBox(self)
        self.kind.setObjectName("supervisor_wave_kind")
        for key, text in KINDS.items():
            self.kind.addItem(translate("WavesPanel", text), key)
        self.max_orders = QSpinBox(self)
        self.max_orders.setObjectName("supervisor_wave_max")
        self.max_orders.setRange(0, 1_000_000)
        self.max_orders.setSpecialValueText(self.tr("all ready"))
        self.release_button = big_button(self.tr("Release wave"), "supervisor_wave_release", self)
        self.release_button.clicked.connect(self.release)
        row = QHBoxLayout()
        for label, widget in ((self.tr("Warehouse"), self.warehouse), (self.tr("Kind"), self.kind),
                              (self.tr("Orders"), self.max_orders)):
            row.addWidget(QLabel(label, self))
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.release_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

    @staticmethod
    def load_op():  # noqa: ANN205
        def op(uow):
            codes = list(uow.session.scalars(select(models.Warehouse.code).where(models.Warehouse.active.is_(True))
                                             .order_by(models.Warehouse.code)))
            return codes, waves.list_waves(uow)
        return op

    def show_waves(self, codes: list[str], rows: list[waves.Wave]) -> None:
        if [self.warehouse.itemText(i) for i in range(self.warehouse.count())] != codes:
            current = self.warehouse.currentText()
            self.warehouse.clear()
            self.warehouse.addItems(codes)
            if current in codes:
                self.warehouse.setCurrentText(current)
        self.model.replace(rows)

    def release(self) -> None:
        warehouse = self.warehouse.currentText()
        if not warehouse:
            self.console.refuse(self.tr("No warehouse to release a wave in."))
            return
        rule = waves.WaveRule(kind=self.kind.currentData(), max_orders=self.max_orders.value() or None)
        self.console.run("wave_release", lambda uow: waves.release_wave(uow, warehouse=warehouse, rule=rule),
                         lambda w: self.tr("Wave {code}: {orders} orders in {carts} carts").format(
                             code=w.code, orders=number(w.orders), carts=number(w.carts)))
