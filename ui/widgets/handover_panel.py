"""Hand-over to the carrier: choose the cage, scan parcels, close the manifest, export it.

Mounted with one line: `HandoverPanel(context)` where `context` has actor, db, runner, settings
(a `ui.workspaces.base.WorkspaceContext`). Every database call goes through the task runner.

Signals:
    scanned(object): a parcel went onto the manifest (a `HandoverResult`).
    refused(object): a scan or an action was refused (the exception).
    state_loaded(object): the manifest state on screen was refreshed (a `ManifestState`).
    manifest_closed(object): the manifest closed (a `ManifestSummary`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.db.types import utcnow
from desktop.services import shipping
from printing.manifest import manifest_csv, render_manifest_pdf
from ui.i18n import bilingual, weight
from ui.i18n import date as date_text
from ui.errors import error_text
from ui.widgets.aftersales_common import TOUCH_PX, big_button, scan_field
from ui.widgets.message import MessageBanner


class HandoverPanel(QWidget):
    scanned = Signal(object)
    refused = Signal(object)
    state_loaded = Signal(object)
    manifest_closed = Signal(object)

    def __init__(self, context, parent: QWidget | None = None, *, day: date | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("handover_panel")
        self.actor, self.runner = context.actor, context.runner
        self.day = day or utcnow().date()
        self.state: shipping.ManifestState | None = None

        title = QLabel(self.tr("Hand-over to the carrier"), self)
        title.setObjectName("handover_title")
        self.carrier = QComboBox(self)
        self.carrier.setObjectName("handover_carrier")
        self.carrier.setMinimumHeight(TOUCH_PX)
        self.carrier.setMinimumWidth(220)
        self.carrier.currentIndexChanged.connect(lambda _i: self.refresh())
        self.day_label = QLabel(date_text(self.day), self)
        self.day_label.setObjectName("handover_day")
        self.scan = scan_field("handover_scan", self.tr("Scan a parcel"), self)
        self.scan.returnPressed.connect(lambda: self.on_scan(self.scan.text()))
        self.count = QLabel(self)
        self.count.setObjectName("handover_count")
        self.message = MessageBanner("handover_message", self)

        self.parcels = QTableWidget(0, 6, self)
        self.parcels.setObjectName("handover_parcels")
        self.parcels.setHorizontalHeaderLabels([self.tr("Parcel"), self.tr("Order"), self.tr("Tracking no."),
                                                self.tr("Piece"), self.tr("Weight"), self.tr("City")])
        self.unmanifested = QTableWidget(0, 3, self)
        self.unmanifested.setObjectName("handover_unmanifested")
        self.unmanifested.setHorizontalHeaderLabels([self.tr("Parcel"), self.tr("Order"), self.tr("Carrier")])
        for table in (self.parcels, self.unmanifested):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # codes in full
            table.horizontalHeader().setStretchLastSection(True)
            table.verticalHeader().hide()
        self.unmanifested_title = QLabel(self)
        self.unmanifested_title.setObjectName("handover_unmanifested_title")

        self.close_button = big_button(self.tr("Close manifest"), "handover_close", self, "F5")
        self.close_button.clicked.connect(self.close_manifest)
        self.pdf_button = big_button(self.tr("Export PDF"), "handover_export_pdf", self, "F6")
        self.pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        self.csv_button = big_button(self.tr("Export CSV"), "handover_export_csv", self, "F7")
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))

        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(QLabel(self.tr("Cage"), self))
        top.addWidget(self.carrier)
        top.addWidget(self.day_label)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan, 2)
        scan_row.addWidget(self.count, 1)
        left = QVBoxLayout()
        left.addWidget(self.parcels, 1)
        right = QVBoxLayout()
        right.addWidget(self.unmanifested_title)
        right.addWidget(self.unmanifested, 1)
        tables = QVBoxLayout()  # one above the other, each the full width: every code readable
        tables.addLayout(left, 3)
        tables.addLayout(right, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.csv_button)
        buttons.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(scan_row)
        outer.addWidget(self.message)
        outer.addLayout(tables, 1)
        outer.addLayout(buttons)
        self.setTabOrder(self.carrier, self.scan)
        self.runner.run(shipping.carrier_codes, self._carriers_loaded, self._failed, actor=self.actor, owner=self)

    # --- loading ------------------------------------------------------------------------------

    @property
    def carrier_code(self) -> str | None:
        return self.carrier.currentData()

    def _carriers_loaded(self, carriers: list[tuple[str, str, str]]) -> None:
        self.carrier.blockSignals(True)
        for code, name, name_zh in carriers:
            self.carrier.addItem(f"{code} · {bilingual(name, name_zh)}", code)
        self.carrier.blockSignals(False)
        self.refresh()

    def select_carrier(self, code: str) -> None:
        index = self.carrier.findData(code)
        if index >= 0:
            self.carrier.blockSignals(True)
            self.carrier.setCurrentIndex(index)
            self.carrier.blockSignals(False)
            self.refresh()

    def refresh(self) -> None:
        code = self.carrier_code
        if code is None:
            return
        day = self.day
        self.runner.run(lambda uow: shipping.manifest_state(uow, code, day), self._show_state, self._failed,
                        actor=self.actor, owner=self)

    def _show_state(self, state: shipping.ManifestState) -> None:
        if state.carrier != self.carrier_code:
            return
        self.state = state
        self.parcels.setRowCount(len(state.parcels))
        for r, row in enumerate(state.parcels):
            values = [row.parcel, row.order_no, row.tracking_no, row.parcel_of,
                      "" if row.weight_g is None else weight(row.weight_g), f"{row.province} {row.city}".strip()]
            for c, value in enumerate(values):
                self.parcels.setItem(r, c, QTableWidgetItem(value))
        status = {"open": self.tr("manifest open"), "closed": self.tr("manifest closed")}.get(state.status or "")
        text = self.tr("On the {carrier} cage: %n parcel(s)", "", len(state.parcels)).format(carrier=state.carrier)
        self.count.setText(f"{text} · {status}" if status else text)
        self.unmanifested.setRowCount(len(state.unmanifested))
        for r, item in enumerate(state.unmanifested):
            for c, value in enumerate([item.parcel, item.order_no, item.carrier or "—"]):
                cell = QTableWidgetItem(value)
                cell.setForeground(QColor("#b3261e"))
                self.unmanifested.setItem(r, c, cell)
        self.unmanifested_title.setText(self.tr("⚠ Not on a manifest: %n parcel(s)", "", len(state.unmanifested)))
        self.close_button.setEnabled(state.status == "open")
        self.pdf_button.setEnabled(state.manifest_id is not None)
        self.csv_button.setEnabled(state.manifest_id is not None)
        self.state_loaded.emit(state)

    def _failed(self, exc: BaseException) -> None:
        self.message.show_message(error_text(exc), "error")
        self.refused.emit(exc)

    # --- scanning -----------------------------------------------------------------------------

    def on_scan(self, raw: str) -> bool:
        code, carrier = raw.strip(), self.carrier_code
        self.scan.clear()
        if not code or carrier is None:
            return False
        day = self.day
        self.runner.run(lambda uow: shipping.handover_scan(uow, code, carrier, day=day), self._scanned, self._failed,
                        actor=self.actor, owner=self)
        return True

    def _scanned(self, result: shipping.HandoverResult) -> None:
        self.message.show_message(self.tr("{parcel} is on {manifest} ({n} on it)").format(
            parcel=result.parcel, manifest=result.manifest_no, n=result.on_manifest), "info")
        self.scanned.emit(result)
        self.refresh()

    # --- closing and exporting ----------------------------------------------------------------

    def close_manifest(self) -> None:
        code, day = self.carrier_code, self.day
        if code is None:
            return
        self.runner.run(lambda uow: shipping.close_manifest(uow, code, day), self._closed, self._failed,
                        actor=self.actor, owner=self)

    def _closed(self, summary: shipping.ManifestSummary) -> None:
        text = self.tr("{no} closed: %n parcel(s); orders shipped: {o}", "", summary.parcels).format(
            no=summary.manifest_no, o=len(summary.orders_shipped))
        if summary.not_manifested:
            text += "\n" + self.tr("⚠ %n labelled parcel(s) not on it", "", len(summary.not_manifested))
        self.message.show_message(text, "error" if summary.not_manifested else "info")
        self.manifest_closed.emit(summary)
        self.refresh()

    def _ask_export(self, fmt: str) -> None:
        if self.state is None or self.state.manifest_id is None:
            return
        default = f"{self.state.manifest_no}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export manifest"), default,
                                              "PDF (*.pdf)" if fmt == "pdf" else "CSV (*.csv)")
        if path:
            self.export(Path(path), fmt)

    def export(self, path: Path, fmt: str, on_done=None) -> None:  # noqa: ANN001
        """Render the shown manifest to `path` (pdf or csv) off the GUI thread."""
        if self.state is None or self.state.manifest_id is None:
            return
        manifest_id = self.state.manifest_id

        def op(uow):  # noqa: ANN001, ANN202
            sheet = shipping.manifest_sheet(uow, manifest_id)
            if fmt == "pdf":
                path.write_bytes(render_manifest_pdf(sheet))
            else:
                path.write_text(manifest_csv(sheet), encoding="utf-8")
            return path

        def done(p: Path) -> None:
            self.message.show_message(self.tr("Exported to {path}").format(path=p), "info")
            if on_done:
                on_done(p)

        self.runner.run(op, done, self._failed, actor=self.actor, owner=self)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        if event.key() == Qt.Key.Key_F5:
            self.refresh()
            return
        super().keyPressEvent(event)
