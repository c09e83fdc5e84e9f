"""The console's floor tab: orders by status and priority class, the board, the pickers and their batches.

Object names: `supervisor_status_table` (status × priority class), `supervisor_board` (the orders on the
floor, overdue first: the shared `OrdersModel`), `supervisor_pickers` (pickers, their station and batch),
`supervisor_batch_picker`, `supervisor_batch_reason` and `supervisor_reassign_batch` (give the selected
picker's batch to another).

What it shows comes from `sv.floor_summary` (one aggregate for the counts, no order loaded) and the
first page of `sv.floor_orders`; `show_summary` puts a summary on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.domain.lifecycle import OrderStatus, PriorityClass
from desktop.services import supervision as sv
from ui.i18n import date_time, number
from ui.labels import order_status_name, priority_name
from ui.widgets.aftersales_common import TOUCH_PX, big_button
from ui.widgets.console_common import Console, OrdersModel, fill_pickers
from ui.widgets.console_model import Column, KeyedModel, KeyedView

CLASSES = (PriorityClass.URGENT, PriorityClass.EXPEDITED, PriorityClass.NORMAL)  # the status table's columns


class FloorPanel(QWidget):
    def __init__(self, console: Console, orders: OrdersModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("console_floor")
        self.console = console
        self.summary: sv.FloorSummary | None = None
        headers = [self.tr("Status"), self.tr("Orders"), priority_name(PriorityClass.URGENT),
                   self.tr("Exped.", "short for the priority class Expedited"), priority_name(PriorityClass.NORMAL)]
        self.status_table = QTableWidget(len(OrderStatus), len(headers), self)
        self.status_table.setObjectName("supervisor_status_table")
        self.status_table.setHorizontalHeaderLabels(headers)
        self.status_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status_table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.status_table.setAlternatingRowColors(True)
        self.status_table.verticalHeader().setVisible(False)
        for row, status in enumerate(OrderStatus):
            self.status_table.setItem(row, 0, QTableWidgetItem(order_status_name(status)))
            for col in range(1, 5):
                cell = QTableWidgetItem("–")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.status_table.setItem(row, col, cell)
        self.status_table.verticalHeader().setDefaultSectionSize(30)
        header = self.status_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Widths from the words shown (either language), the header's bold font allowed for.
        cells, bold = self.status_table.fontMetrics(), header.fontMetrics()
        names = [order_status_name(s) for s in OrderStatus]
        widths = [max(max(cells.horizontalAdvance(n) for n in names), bold.horizontalAdvance(headers[0]) * 11 // 10) + 20]
        widths += [max(bold.horizontalAdvance(h) * 11 // 10, cells.horizontalAdvance("0000")) + 20 for h in headers[1:]]
        for col, width in enumerate(widths):
            self.status_table.setColumnWidth(col, width)
        self.status_table.setFixedWidth(sum(widths) + 4)
        self.status_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.board = KeyedView("supervisor_board", orders, self, stretch=OrdersModel.PICKER,
                               hidden=(OrdersModel.MERCHANT, OrdersModel.NOTE, OrdersModel.SHIPMENT))
        self.pickers_model = KeyedModel([
            Column(self.tr("Picker"), lambda p: p.login, tip=lambda p: " · ".join(
                t for t in (p.display_name, self.tr("last seen {time}").format(
                    time=date_time(p.last_seen)) if p.last_seen else "") if t)),
            Column(self.tr("Station"), lambda p: (p.station or "—") + (" ●" if p.online else "")),
            Column(self.tr("Batch"), lambda p: p.batch or ""),
            Column(self.tr("Stops"), lambda p: f"{p.stops_done}/{p.stops}" if p.batch else ""),
        ], key=lambda p: p.login, parent=self)
        self.pickers = KeyedView("supervisor_pickers", self.pickers_model, self, stretch=1)
        self.batch_picker = QComboBox(self)
        self.batch_picker.setObjectName("supervisor_batch_picker")
        self.batch_picker.setMinimumHeight(TOUCH_PX)
        self.reassign_batch_button = big_button(self.tr("Reassign batch"), "supervisor_reassign_batch", self, "F8")
        self.reassign_batch_button.clicked.connect(self.reassign_selected_batch)
        self.batch_reason = QLineEdit(self)
        self.batch_reason.setObjectName("supervisor_batch_reason")
        self.batch_reason.setPlaceholderText(self.tr("Reason"))
        self.batch_reason.setMinimumHeight(TOUCH_PX)

        right = QVBoxLayout()
        right.addWidget(self.board, 3)
        pickers_title = QLabel(self.tr("Pickers and their batches"), self)
        pickers_title.setObjectName("section_title")
        right.addWidget(pickers_title)
        lower = QHBoxLayout()
        lower.addWidget(self.pickers, 3)
        reassign = QVBoxLayout()
        reassign.addWidget(self.batch_picker)
        reassign.addWidget(self.batch_reason)
        reassign.addWidget(self.reassign_batch_button)
        reassign.addStretch(1)
        lower.addLayout(reassign, 2)
        right.addLayout(lower, 2)
        layout = QHBoxLayout(self)
        layout.addWidget(self.status_table)
        layout.addLayout(right, 1)

    def show_counts(self, counts: dict, by_class: dict[tuple[str, str], int]) -> None:
        """Orders by status (all of them) and, per priority class, those of the floor summary."""
        for row, status in enumerate(OrderStatus):
            self._set(row, 1, number(counts.get(status, 0)))
            for col, cls in enumerate(CLASSES, start=2):
                n = by_class.get((status.value, cls.value), 0)
                self._set(row, col, number(n) if n else "")

    def _set(self, row: int, col: int, text: str) -> None:
        item = self.status_table.item(row, col)
        if item.text() != text:
            item.setText(text)

    def show_summary(self, summary: sv.FloorSummary) -> None:
        self.summary = summary
        counts = {OrderStatus(s): 0 for s in OrderStatus}
        for (status, _cls), n in summary.counts.items():
            counts[OrderStatus(status)] = counts.get(OrderStatus(status), 0) + n
        self.show_counts(counts, summary.counts)
        self.pickers_model.replace(summary.pickers)
        self.pickers._measure()

    def set_pickers(self, pickers: list[tuple[str, str]]) -> None:
        """The pickers a batch can go to (login, name)."""
        fill_pickers(self.batch_picker, pickers)

    def select_picker(self, login: str) -> bool:
        return self.pickers.select_key(login)

    def reassign_selected_batch(self) -> None:
        picker = self.pickers_model.record(self.pickers.selected_key())
        if picker is None or not picker.batch:
            self.console.refuse(self.tr("Choose a picker with a batch."))
            return
        to = self.batch_picker.currentData()
        reason = self.batch_reason.text().strip()
        if not reason:
            self.console.refuse(self.tr("Give a reason: it is recorded."))
            self.batch_reason.setFocus()
            return
        code, version = picker.batch, picker.batch_version
        self.console.run("reassign_batch",
                         lambda uow: sv.reassign_batch(uow, code, to, reason, expected_version=version),
                         lambda _v: self.tr("Batch {code} reassigned to {who}").format(code=code, who=to))
