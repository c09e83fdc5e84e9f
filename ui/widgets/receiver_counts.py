"""The receiver's Counts tab: pick a count (or scan its CNT- label), scan each bin, then what it holds
(GS1 item labels, one unit per scan or a quantity keyed in), and submit. Blind: nothing on this
screen says how many the record expects — the list shows bins and products only, and what comes back
after submitting is how many lines were adjusted and how many wait for a supervisor.

Mounted with one line: `CountsTab(context, feedback)`; `on_scan(raw)` takes the station's scans while
the tab is shown. Database work runs through the task runner; the rules are `desktop.services.counts`.

Signals:
    submitted(object): a count was recorded (`CountSubmitted`).
    refused(object): a scan or the submission was refused (the exception).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from desktop.domain.counting import CountRefused, CountSheet
from desktop.services import counts
from devices.decode import ItemScan, LocationScan, ScanRejected, decode_scan
from ui.errors import error_text
from ui.feedback import ScanFeedback
from ui.widgets.aftersales_common import TOUCH_PX, big_button


def _table(name: str, headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CountsTab(QWidget):
    submitted = Signal(object)
    refused = Signal(object)

    def __init__(self, context, feedback: ScanFeedback | None = None, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("receiver_counts")
        self.context = context
        self.runner = context.runner
        self.feedback = feedback or ScanFeedback(parent=self)
        self.rows: list[counts.CountRow] = []
        self.count: counts.CountRow | None = None
        self.sheet = CountSheet()
        self.last = None  # the CountedKey scanned last (a keyed quantity applies to it)

        self.list = _table("count_list", [self.tr("Count"), self.tr("What"), self.tr("Bins"), self.tr("Why"),
                                          self.tr("Round")], self)
        self.list.itemSelectionChanged.connect(self._picked)
        self.title = QLabel(self.tr("Choose a count or scan its label"), self)
        self.title.setObjectName("count_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.found = _table("count_sheet", [self.tr("Bin"), self.tr("Product"), self.tr("Lot"), self.tr("Counted")],
                            self)
        self.qty = QLineEdit(self)
        self.qty.setObjectName("count_qty")
        self.qty.setPlaceholderText(self.tr("Key the count of the last item"))
        self.qty.setMinimumHeight(TOUCH_PX)
        self.qty.returnPressed.connect(self._keyed)
        self.submit = big_button(self.tr("Submit count"), "count_submit", self)
        self.submit.clicked.connect(self.submit_count)
        self.clear = big_button(self.tr("Start over"), "count_clear", self)
        self.clear.clicked.connect(self._start_over)
        if feedback is None:
            self.feedback.setParent(self)

        row = QHBoxLayout()
        row.addWidget(self.qty, 1)
        row.addWidget(self.clear)
        row.addWidget(self.submit)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.found, 1)
        right.addLayout(row)
        if feedback is None:
            right.addWidget(self.feedback)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(right, 1)
        self._show_sheet()

    # --- the list -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.runner.run(lambda uow: counts.list_counts(uow), self._listed, self._failed, actor=self.context.actor,
                        owner=self)

    def _listed(self, rows: list[counts.CountRow]) -> None:
        self.rows = rows
        self.list.blockSignals(True)
        self.list.setRowCount(len(rows))
        for r, row in enumerate(rows):
            what = self.tr("bin {code}").format(code=row.location) if row.location else \
                self.tr("product {code}").format(code=row.sku)
            why = self.tr("short pick") if row.reason == "short_pick" else self.tr("cycle count")
            for c, text in enumerate((row.code, what, ", ".join(row.bins), why, str(row.round))):
                self.list.setItem(r, c, QTableWidgetItem(text))
        self.list.blockSignals(False)
        if self.count is not None and all(r.id != self.count.id for r in rows):
            self._choose(None)

    def _picked(self) -> None:
        selected = self.list.selectionModel().selectedRows()
        if selected:
            self._choose(self.rows[selected[0].row()])

    def _choose(self, row: counts.CountRow | None) -> None:
        self.count = row
        self.sheet = CountSheet()
        self.last = None
        if row is None:
            self.title.setText(self.tr("Choose a count or scan its label"))
        else:
            self.title.setText(self.tr("{code}: scan each bin — {bins} — then what it holds").format(
                code=row.code, bins=", ".join(row.bins) or row.sku or ""))
            self.feedback.info(self.tr("Scan the bin"))
        self._show_sheet()

    def _start_over(self) -> None:
        self._choose(self.count)

    # --- scans --------------------------------------------------------------------------------

    def on_scan(self, raw: str) -> bool:
        text = raw.strip()
        if text.upper().startswith(counts.COUNT_PREFIX):
            try:
                wanted = counts.parse_count_code(text)
            except CountRefused as exc:
                return self._refuse(exc)
            row = next((r for r in self.rows if r.id == wanted), None)
            if row is None:
                self.feedback.refused(self.tr("{code} is not an open count").format(code=text))
                return True
            self.list.selectRow(self.rows.index(row))
            self._choose(row)
            return True
        if self.count is None:
            self.feedback.refused(self.tr("Choose a count first"))
            return True
        try:
            scan = decode_scan(text)
        except ScanRejected as exc:
            return self._refuse(exc)
        try:
            if isinstance(scan, LocationScan):
                if self.count.location and scan.code != self.count.location:
                    raise CountRefused(f"{scan.code} is not part of count {self.count.code}.",
                                       f"{scan.code} 不属于盘点单 {self.count.code}。")
                self.sheet.at_bin(scan.code)
                self.last = None
                self.feedback.good(self.tr("Bin {code} — scan what it holds (nothing: scan the next bin)").format(
                    code=scan.code))
            elif isinstance(scan, ItemScan):
                qty = scan.count if scan.count is not None else 1
                self.last = self.sheet.add(scan.gtin, scan.lot, qty, scan.expiry)
                self.feedback.good(self.tr("{n} counted — scan the next unit or key the count").format(
                    n=self.sheet.units[self.last]))
                self.qty.setFocus()
            else:
                self.feedback.refused(self.tr("Scan a bin or an item"))
        except CountRefused as exc:
            return self._refuse(exc)
        self._show_sheet()
        return True

    def _keyed(self) -> None:
        text = self.qty.text().strip()
        self.qty.clear()
        if self.last is None:
            self.feedback.refused(self.tr("Scan the item first, then key its count"))
            return
        if not text.isdigit():
            self.feedback.refused(self.tr("Key a whole number"))
            return
        try:
            self.sheet.set_qty(self.last, int(text))
        except CountRefused as exc:
            self._refuse(exc)
            return
        self.feedback.good(self.tr("{n} counted").format(n=int(text)))
        self._show_sheet()

    def _refuse(self, exc: BaseException) -> bool:
        self.feedback.refused(error_text(exc))
        self.refused.emit(exc)
        return True

    def _show_sheet(self) -> None:
        entries = list(self.sheet.entries())
        empty = [b for b in self.sheet.bins if not any(k.location == b for k, _ in entries)]
        self.found.setRowCount(len(entries) + len(empty))
        for r, (key, qty) in enumerate(entries):
            for c, text in enumerate((key.location, key.gtin, key.lot or "—", str(qty))):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.found.setItem(r, c, item)
        for r, code in enumerate(empty, start=len(entries)):
            for c, text in enumerate((code, self.tr("(empty)"), "", "0")):
                self.found.setItem(r, c, QTableWidgetItem(text))
        self.submit.setEnabled(self.count is not None and bool(self.sheet.bins))

    # --- submitting ---------------------------------------------------------------------------

    def submit_count(self) -> None:
        if self.count is None or not self.sheet.bins:
            return
        count_id, sheet = self.count.id, self.sheet
        self.submit.setEnabled(False)
        self.runner.run(lambda uow: counts.submit_count(uow, count_id, sheet), self._done, self._failed,
                        actor=self.context.actor, owner=self)

    def _done(self, result: counts.CountSubmitted) -> None:
        if result.waiting:
            self.feedback.info(self.tr("{code} recorded: {n} lines, {a} adjusted, {w} sent to a supervisor").format(
                code=result.code, n=result.lines, a=result.adjusted, w=result.waiting))
        else:
            self.feedback.good(self.tr("{code} recorded: {n} lines, {a} adjusted").format(
                code=result.code, n=result.lines, a=result.adjusted))
        self.submitted.emit(result)
        self._choose(None)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._refuse(exc)
        self._show_sheet()
