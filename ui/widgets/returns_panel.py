"""Returns at the warehouse: scan the RMA, parcel or order to receive it, inspect each unit against the
checklist, decide (restock to a scanned location, quarantine, repair, scrap), then refund or reship.

Mounted with one line: `ReturnsPanel(context)` (actor, db, runner, settings). Database work runs
through the task runner; every rule is the service's (`desktop.services.returns`).

Signals:
    rma_loaded(object): the RMA on screen changed (an `RmaView`).
    refused(object): a scan or an action was refused (the exception).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import returns
from ui.errors import error_text
from ui.i18n import bilingual, date, money
from ui.labels import (
    DECISION_TEXT, decision_name, order_status_name, resolution_name, return_reason_name, rma_status_name, term,
)
from ui.widgets.aftersales_common import TOUCH_PX, big_button, scan_field
from ui.widgets.message import MessageBanner

CHECK_TEXT = {  # the checklist's boxes
    "unused": QT_TRANSLATE_NOOP("ReturnCheckName", "Unused"),
    "packaging_intact": QT_TRANSLATE_NOOP("ReturnCheckName", "Packaging intact"),
    "damaged": QT_TRANSLATE_NOOP("ReturnCheckName", "Damaged"),
    "matches_order": QT_TRANSLATE_NOOP("ReturnCheckName", "Matches the order"),
}
CHECK_SHORT = {  # the same, in the lines table
    "unused": QT_TRANSLATE_NOOP("ReturnCheckShort", "unused"),
    "packaging_intact": QT_TRANSLATE_NOOP("ReturnCheckShort", "boxed"),
    "damaged": QT_TRANSLATE_NOOP("ReturnCheckShort", "damaged"),
    "matches_order": QT_TRANSLATE_NOOP("ReturnCheckShort", "matches"),
}


class ReturnsPanel(QWidget):
    rma_loaded = Signal(object)
    refused = Signal(object)

    def __init__(self, context, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("returns_panel")
        self.actor, self.runner = context.actor, context.runner
        self.view: returns.RmaView | None = None

        title = QLabel(self.tr("Returns"), self)
        title.setObjectName("returns_title")
        self.scan = scan_field("returns_scan", self.tr("Scan the RMA, parcel or order"), self)
        self.scan.returnPressed.connect(lambda: self.on_scan(self.scan.text()))
        self.header = QLabel(self.tr("Scan a returned parcel to receive it"), self)
        self.header.setObjectName("returns_header")
        self.header.setWordWrap(True)
        self.message = MessageBanner("returns_message", self)

        self.lines = QTableWidget(0, 8, self)
        self.lines.setObjectName("returns_lines")
        self.lines.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Product"), self.tr("Qty"), self.tr("Lot"),
                                              self.tr("Expiry"), self.tr("Checklist"), self.tr("Suggested"),
                                              self.tr("Decision")])
        self.lines.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lines.verticalHeader().hide()
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # codes and marks in full
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the product takes what is left

        checks = QGroupBox(self.tr("Unit checklist"), self)
        self.checks: dict[str, QCheckBox] = {}
        grid = QGridLayout(checks)
        for i, key in enumerate(CHECK_TEXT):
            box = QCheckBox(term("ReturnCheckName", CHECK_TEXT, key), checks)
            box.setObjectName(f"returns_{key}")
            box.setMinimumHeight(TOUCH_PX)
            self.checks[key] = box
            grid.addWidget(box, i // 2, i % 2)
        self.inspect_button = big_button(self.tr("Record inspection"), "returns_inspect", checks, "F5")
        self.inspect_button.clicked.connect(self.inspect)
        grid.addWidget(self.inspect_button, 2, 0, 1, 2)

        decide = QGroupBox(self.tr("Decision"), self)
        dl = QGridLayout(decide)
        self.location = scan_field("returns_location", self.tr("Scan the shelf to restock to"), decide)
        dl.addWidget(self.location, 0, 0, 1, 4)
        self.decision_buttons = {}
        for i, key in enumerate(DECISION_TEXT):  # Restock F6, Quarantine F7, Repair F8, Scrap F9
            button = big_button(decision_name(key), f"returns_{key}", decide, f"F{6 + i}")
            button.clicked.connect(lambda _c=False, k=key: self.decide(k))
            self.decision_buttons[key] = button
            dl.addWidget(button, 1, i)

        settle = QGroupBox(self.tr("Settle"), self)
        sl = QHBoxLayout(settle)
        self.amount = QLineEdit(settle)
        self.amount.setObjectName("returns_refund_amount")
        self.amount.setMinimumHeight(TOUCH_PX)
        self.amount.setPlaceholderText(self.tr("Refund amount, ¥"))
        self.refund_button = big_button(self.tr("Refund"), "returns_refund", settle, "F10")
        self.refund_button.clicked.connect(lambda: self.settle("refund"))
        self.reship_button = big_button(self.tr("Reship"), "returns_reship", settle, "F11")
        self.reship_button.clicked.connect(lambda: self.settle("reship"))
        sl.addWidget(self.amount, 1)
        sl.addWidget(self.refund_button)
        sl.addWidget(self.reship_button)

        actions = QHBoxLayout()
        actions.addWidget(checks, 1)
        right = QVBoxLayout()
        right.addWidget(decide)
        right.addWidget(settle)
        actions.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(title)
        outer.addWidget(self.scan)
        outer.addWidget(self.header)
        outer.addWidget(self.message)
        outer.addWidget(self.lines, 1)
        outer.addLayout(actions)
        self.lines.itemSelectionChanged.connect(self._line_selected)
        self._enable()

    # --- state --------------------------------------------------------------------------------

    @property
    def selected_line(self) -> int | None:
        rows = self.lines.selectionModel().selectedRows()
        if not rows or self.view is None:
            return None
        return self.view.lines[rows[0].row()].line_no

    def _enable(self) -> None:
        received = self.view is not None and self.view.status == "received"
        line = self._line_view()
        for box in self.checks.values():
            box.setEnabled(received and line is not None and not line.decision)
        self.inspect_button.setEnabled(received and line is not None and not line.decision)
        for button in self.decision_buttons.values():
            button.setEnabled(received and line is not None and bool(line.checklist) and not line.decision)
        done = received and self.view.all_decided
        for w in (self.amount, self.refund_button, self.reship_button):
            w.setEnabled(done)

    def _line_view(self) -> returns.RmaLineView | None:
        no = self.selected_line
        return next((ln for ln in self.view.lines if ln.line_no == no), None) if self.view else None

    def _line_selected(self) -> None:
        line = self._line_view()
        if line is not None:
            defaults = {"unused": True, "packaging_intact": True, "damaged": False, "matches_order": True}
            for key, box in self.checks.items():
                box.setChecked(bool(line.checklist.get(key, defaults[key])))
        self._enable()

    def show_rma(self, view: returns.RmaView) -> None:
        keep = self.selected_line
        self.view = view
        text = self.tr("<b>{rma}</b> · order {order} ({order_status}) · {reason} · <b>{status}</b>").format(
            rma=view.rma_no, order=view.order_no, order_status=order_status_name(view.order_status),
            reason=return_reason_name(view.reason), status=rma_status_name(view.status))
        note = bilingual(view.note, view.note_zh)
        if note:
            text += f"<br>{note}"
        if view.resolution == "refund" and view.refund_amount is not None:
            text += "<br>" + self.tr("Settled: refunded {amount}").format(amount=money(view.refund_amount))
        elif view.resolution:
            text += "<br>" + self.tr("Settled: {resolution}").format(resolution=resolution_name(view.resolution))
        self.header.setText(text)
        self.lines.setRowCount(len(view.lines))
        for r, ln in enumerate(view.lines):
            checklist = " ".join(("✔" if ln.checklist.get(k) else "✘") + term("ReturnCheckShort", CHECK_SHORT, k)
                                 for k in returns.CHECKLIST) if ln.checklist else "—"
            decision = decision_name(ln.decision)
            if ln.location:
                decision += f" → {ln.location}"
            values = [str(ln.line_no), f"{ln.sku} {bilingual(ln.name, ln.name_zh)}", str(ln.qty), ln.lot or "—",
                      date(ln.expiry), checklist, decision_name(ln.suggested), decision]
            for c, value in enumerate(values):
                self.lines.setItem(r, c, QTableWidgetItem(value))
        if not self.amount.text():
            self.amount.setText(str(view.suggested_refund))
        row = next((i for i, ln in enumerate(view.lines) if ln.line_no == keep), None)
        if row is None:
            row = next((i for i, ln in enumerate(view.lines) if not ln.decision), 0 if view.lines else None)
        if row is not None:
            self.lines.selectRow(row)
        self._enable()
        self.rma_loaded.emit(view)

    def _failed(self, exc: BaseException) -> None:
        self.message.show_message(error_text(exc), "error")
        self.refused.emit(exc)

    def _run(self, op, note: str | None = None) -> None:  # noqa: ANN001
        def ok(view: returns.RmaView) -> None:
            if note:
                self.message.show_message(note, "info")
            else:
                self.message.clear()
            self.show_rma(view)

        self.runner.run(op, ok, self._failed, actor=self.actor, owner=self)

    # --- actions ------------------------------------------------------------------------------

    def on_scan(self, raw: str) -> bool:
        code = raw.strip()
        self.scan.clear()
        if not code:
            return False
        if code.upper().startswith("LOC-"):
            self.location.setText(code)
            return True
        self.amount.clear()
        self._run(lambda uow: returns.receive_return(uow, code), self.tr("Received"))
        return True

    def inspect(self) -> None:
        line = self.selected_line
        if self.view is None or line is None:
            return
        rma_no = self.view.rma_no
        checklist = {k: box.isChecked() for k, box in self.checks.items()}
        self._run(lambda uow: returns.inspect_unit(uow, rma_no, line, checklist))

    def decide(self, decision: str) -> None:
        line = self.selected_line
        if self.view is None or line is None:
            return
        rma_no, location = self.view.rma_no, self.location.text().strip() or None
        self._run(lambda uow: returns.decide(uow, rma_no, line, decision, location),
                  self.tr("Line {n}: {decision}").format(n=line, decision=decision_name(decision)))

    def settle(self, resolution: str) -> None:
        if self.view is None:
            return
        rma_no = self.view.rma_no
        amount = None
        if resolution == "refund":
            try:
                amount = Decimal(self.amount.text().strip())
            except InvalidOperation:
                self.message.show_message(self.tr("Type the refund amount"), "error")
                return
        self._run(lambda uow: returns.settle(uow, rma_no, resolution, amount),
                  self.tr("Settled: {resolution}").format(resolution=resolution_name(resolution)))
