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

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import returns
from ui.widgets.aftersales_common import TOUCH_PX, big_button, failure_text, scan_field
from ui.widgets.message import MessageBanner

DECISION_TEXT = {"restock": ("Restock", "上架"), "quarantine": ("Quarantine", "隔离"), "repair": ("Repair", "维修"),
                 "scrap": ("Scrap", "报废")}


class ReturnsPanel(QWidget):
    rma_loaded = Signal(object)
    refused = Signal(object)

    def __init__(self, context, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("returns_panel")
        self.actor, self.runner = context.actor, context.runner
        self.view: returns.RmaView | None = None

        title = QLabel(self.tr("Returns · 退货"), self)
        title.setObjectName("returns_title")
        self.scan = scan_field("returns_scan", self.tr("Scan RMA, parcel or order · 扫描退货单、包裹或订单"), self)
        self.scan.returnPressed.connect(lambda: self.on_scan(self.scan.text()))
        self.header = QLabel(self.tr("Scan a returned parcel to receive it · 扫描退回的包裹以收货"), self)
        self.header.setObjectName("returns_header")
        self.header.setWordWrap(True)
        self.message = MessageBanner("returns_message", self)

        self.lines = QTableWidget(0, 8, self)
        self.lines.setObjectName("returns_lines")
        self.lines.setHorizontalHeaderLabels([self.tr("Line · 行"), self.tr("Product · 商品"), self.tr("Qty · 数量"),
                                              self.tr("Lot · 批次"), self.tr("Expiry · 效期"),
                                              self.tr("Checklist · 检查"), self.tr("Suggested · 建议"),
                                              self.tr("Decision · 处理")])
        self.lines.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lines.verticalHeader().hide()
        self.lines.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((60, 280, 70, 110, 110, 190, 110)):
            self.lines.setColumnWidth(col, width)

        checks = QGroupBox(self.tr("Unit checklist · 商品检查"), self)
        self.checks: dict[str, QCheckBox] = {}
        grid = QGridLayout(checks)
        for i, (key, text) in enumerate((("unused", self.tr("Unused · 未使用")),
                                         ("packaging_intact", self.tr("Packaging intact · 包装完好")),
                                         ("damaged", self.tr("Damaged · 有损坏")),
                                         ("matches_order", self.tr("Matches the order · 与订单一致")))):
            box = QCheckBox(text, checks)
            box.setObjectName(f"returns_{key}")
            box.setMinimumHeight(TOUCH_PX)
            self.checks[key] = box
            grid.addWidget(box, i // 2, i % 2)
        self.inspect_button = big_button(self.tr("Record inspection · 记录检查"), "returns_inspect", checks)
        self.inspect_button.clicked.connect(self.inspect)
        grid.addWidget(self.inspect_button, 2, 0, 1, 2)

        decide = QGroupBox(self.tr("Decision · 处理"), self)
        dl = QGridLayout(decide)
        self.location = scan_field("returns_location", self.tr("Scan the shelf to restock to · 扫描上架库位"), decide)
        dl.addWidget(self.location, 0, 0, 1, 4)
        self.decision_buttons = {}
        for i, (key, (en, zh)) in enumerate(DECISION_TEXT.items()):
            button = big_button(f"{self.tr(en)} · {zh}", f"returns_{key}", decide)
            button.clicked.connect(lambda _c=False, k=key: self.decide(k))
            self.decision_buttons[key] = button
            dl.addWidget(button, 1, i)

        settle = QGroupBox(self.tr("Settle · 结案"), self)
        sl = QHBoxLayout(settle)
        self.amount = QLineEdit(settle)
        self.amount.setObjectName("returns_refund_amount")
        self.amount.setMinimumHeight(TOUCH_PX)
        self.amount.setPlaceholderText(self.tr("Refund ¥ · 退款金额"))
        self.refund_button = big_button(self.tr("Refund · 退款"), "returns_refund", settle)
        self.refund_button.clicked.connect(lambda: self.settle("refund"))
        self.reship_button = big_button(self.tr("Reship · 重发"), "returns_reship", settle)
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
        reason_zh = returns.REASON_ZH.get(view.reason, view.reason)
        text = (f"<b>{view.rma_no}</b> · {self.tr('order')} 订单 {view.order_no} ({view.order_status}) · "
                f"{view.reason} {reason_zh} · <b>{view.status}</b>")
        if view.note:
            text += f"<br>{view.note}<br>{view.note_zh}"
        if view.resolution:
            text += f"<br>{self.tr('Settled')} 已结案: {view.resolution} {view.refund_amount or ''}"
        self.header.setText(text)
        self.lines.setRowCount(len(view.lines))
        for r, ln in enumerate(view.lines):
            checklist = " ".join(("✔" if ln.checklist.get(k) else "✘") + k[:3] for k in returns.CHECKLIST) \
                if ln.checklist else "—"
            decision = ln.decision or "—"
            if ln.location:
                decision += f" → {ln.location}"
            values = [str(ln.line_no), f"{ln.sku} {ln.name_zh or ln.name}", str(ln.qty), ln.lot or "—",
                      ln.expiry.isoformat() if ln.expiry else "—", checklist, ln.suggested or "—", decision]
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
        self.message.show_message(failure_text(exc), "error")
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
        self._run(lambda uow: returns.receive_return(uow, code), self.tr("Received · 已收货"))
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
                  self.tr("Line {n}: {d} · 已处理").format(n=line, d=decision))

    def settle(self, resolution: str) -> None:
        if self.view is None:
            return
        rma_no = self.view.rma_no
        amount = None
        if resolution == "refund":
            try:
                amount = Decimal(self.amount.text().strip())
            except InvalidOperation:
                self.message.show_message(self.tr("Type the refund amount · 请输入退款金额"), "error")
                return
        self._run(lambda uow: returns.settle(uow, rma_no, resolution, amount),
                  self.tr("Settled: {r} · 已结案").format(r=resolution))
