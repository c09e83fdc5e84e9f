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
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.db.types import utcnow
from desktop.services import shipping
from printing.manifest import manifest_csv, render_manifest_pdf
from ui.widgets.aftersales_common import TOUCH_PX, big_button, failure_text, scan_field
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

        title = QLabel(self.tr("Hand-over to the carrier · 交接给承运商"), self)
        title.setObjectName("handover_title")
        self.carrier = QComboBox(self)
        self.carrier.setObjectName("handover_carrier")
        self.carrier.setMinimumHeight(TOUCH_PX)
        self.carrier.setMinimumWidth(220)
        self.carrier.currentIndexChanged.connect(lambda _i: self.refresh())
        self.day_label = QLabel(self.day.isoformat(), self)
        self.day_label.setObjectName("handover_day")
        self.scan = scan_field("handover_scan", self.tr("Scan a parcel · 扫描包裹"), self)
        self.scan.returnPressed.connect(lambda: self.on_scan(self.scan.text()))
        self.count = QLabel(self)
        self.count.setObjectName("handover_count")
        self.message = MessageBanner("handover_message", self)

        self.parcels = QTableWidget(0, 6, self)
        self.parcels.setObjectName("handover_parcels")
        self.parcels.setHorizontalHeaderLabels([self.tr("Parcel · 包裹"), self.tr("Order · 订单"),
                                                self.tr("Tracking · 运单号"), self.tr("n/m · 件"),
                                                self.tr("Weight g · 重量"), self.tr("City · 城市")])
        self.unmanifested = QTableWidget(0, 3, self)
        self.unmanifested.setObjectName("handover_unmanifested")
        self.unmanifested.setHorizontalHeaderLabels([self.tr("Parcel · 包裹"), self.tr("Order · 订单"),
                                                     self.tr("Carrier · 承运商")])
        for table in (self.parcels, self.unmanifested):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setStretchLastSection(True)
            table.verticalHeader().hide()
        for col, width in enumerate((135, 175, 135, 60, 95)):
            self.parcels.setColumnWidth(col, width)
        self.unmanifested.setColumnWidth(0, 150)
        self.unmanifested.setColumnWidth(1, 200)
        self.unmanifested_title = QLabel(self)
        self.unmanifested_title.setObjectName("handover_unmanifested_title")

        self.close_button = big_button(self.tr("Close manifest · 关闭交接单"), "handover_close", self)
        self.close_button.clicked.connect(self.close_manifest)
        self.pdf_button = big_button(self.tr("Export PDF · 导出 PDF"), "handover_export_pdf", self)
        self.pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        self.csv_button = big_button(self.tr("Export CSV · 导出 CSV"), "handover_export_csv", self)
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))

        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(QLabel(self.tr("Cage · 笼车"), self))
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
        tables = QHBoxLayout()
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
            self.carrier.addItem(f"{code} · {name_zh or name}", code)
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
                      "" if row.weight_g is None else f"{row.weight_g:,}", f"{row.province} {row.city}".strip()]
            for c, value in enumerate(values):
                self.parcels.setItem(r, c, QTableWidgetItem(value))
        status = {"open": self.tr("open · 未关闭"), "closed": self.tr("closed · 已关闭")}.get(state.status or "", "")
        self.count.setText(self.tr("On the {carrier} cage: {n} · 笼车上：{n} 件 {status}").format(
            carrier=state.carrier, n=len(state.parcels), status=status))
        self.unmanifested.setRowCount(len(state.unmanifested))
        for r, item in enumerate(state.unmanifested):
            for c, value in enumerate([item.parcel, item.order_no, item.carrier or "—"]):
                cell = QTableWidgetItem(value)
                cell.setForeground(QColor("#b3261e"))
                self.unmanifested.setItem(r, c, cell)
        self.unmanifested_title.setText(self.tr("⚠ Not on a manifest: {n} · 未交接：{n} 件").format(
            n=len(state.unmanifested)))
        self.close_button.setEnabled(state.status == "open")
        self.pdf_button.setEnabled(state.manifest_id is not None)
        self.csv_button.setEnabled(state.manifest_id is not None)
        self.state_loaded.emit(state)

    def _failed(self, exc: BaseException) -> None:
        self.message.show_message(failure_text(exc), "error")
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
        self.message.show_message(self.tr("{parcel} on {manifest} ({n}) · 已上笼车").format(
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
        text = self.tr("{no} closed: {p} parcels, {o} orders shipped · 交接单已关闭").format(
            no=summary.manifest_no, p=summary.parcels, o=len(summary.orders_shipped))
        if summary.not_manifested:
            text += self.tr("\n⚠ {n} labelled parcels are not on it · {n} 个已贴单包裹未交接").format(
                n=len(summary.not_manifested))
        self.message.show_message(text, "error" if summary.not_manifested else "info")
        self.manifest_closed.emit(summary)
        self.refresh()

    def _ask_export(self, fmt: str) -> None:
        if self.state is None or self.state.manifest_id is None:
            return
        default = f"{self.state.manifest_no}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export manifest · 导出交接单"), default,
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
            self.message.show_message(self.tr("Written · 已导出: {p}").format(p=p), "info")
            if on_done:
                on_done(p)

        self.runner.run(op, done, self._failed, actor=self.actor, owner=self)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        if event.key() == Qt.Key.Key_F5:
            self.refresh()
            return
        super().keyPressEvent(event)
