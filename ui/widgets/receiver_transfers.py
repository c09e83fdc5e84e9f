"""The receiver's Transfers out tab: the transfers other warehouses asked of this one, walked stop by stop
by scans and sent with their label and notice (ASN).

Open a transfer by scanning its number (TRF-…) or double-clicking it. The plan (bins earliest expiry
first) is on screen; at each stop scan the bin, then the item (GS1 with its lot and expiry: another
item, another lot or an expired unit is refused in red with a sound and the reason), then key the
units (Enter: the planned ones). Each stop is saved at once (`transfers.take_stop`, which checks
again). A bin with fewer units is short: the rest is asked of the next bin; "This bin is empty" takes
none. When every unit is taken, "Send" sends it (`transfers.finish_transfer`), prints the transfer
label through the station's print queue and shows the notice number. With units missing and no bin
left, "End short" asks first, then sends what was taken; a new request keeps the rest.

The rules are `desktop.domain.transfer_pick` (on the GUI thread, instant) and `desktop.services.transfers`
(through the task runner). Mounted with one line: `TransfersOutTab(context)`; `on_scan(raw)` takes the
station's scans while the tab is shown.

Signals:
    opened(str): a transfer's walk is on screen (its number).
    taken(object): a stop was saved (`StopTaken`).
    sent(object): a transfer left (`TransferPicked`); its label went to the print queue if a printer is set.
    refused(object): a scan, a stop or the sending was refused (the exception or a message).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.domain.errors import PickdeskError
from desktop.domain.transfer_pick import BinConfirmed, StopTaken, TransferPick, TransferWalkRefused, WalkStep
from desktop.services import transfers as tr
from ui.errors import error_text
from ui.feedback import ScanFeedback
from ui.i18n import bilingual, date
from ui.widgets.aftersales_common import TOUCH_PX, big_button
from ui.widgets.receiver_counts import _table


class TransfersOutTab(QWidget):
    """Object names: `receiver_transfers`, `transfer_list`, `transfer_title`, `transfer_stops`,
    `transfer_progress`, `transfer_step`, `transfer_qty`, `transfer_empty_bin`, `transfer_end_short`, `transfer_confirm`,
    `transfer_confirm_text`, `transfer_confirm_send`, `transfer_confirm_keep`, `transfer_send`,
    `transfer_back`, `transfer_sent`, `scan_feedback`."""

    opened = Signal(str)
    taken = Signal(object)
    sent = Signal(object)
    refused = Signal(object)

    def __init__(self, context, feedback: ScanFeedback | None = None, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("receiver_transfers")
        self.context = context
        self.runner = context.runner
        self.feedback = feedback or ScanFeedback(parent=self)
        self.rows: list[tr.TransferRow] = []
        self.walk: TransferPick | None = None
        self._busy = False

        self.list = _table("transfer_list", [self.tr("Transfer"), self.tr("Product"), self.tr("Units"),
                                             self.tr("From"), self.tr("To"), self.tr("For order")], self)
        self.list.cellDoubleClicked.connect(lambda row, _c: self.open_transfer(self.rows[row].code))
        header = self.list.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the product's name gives way, not the rest
        self.hint = QLabel(self.tr("Scan the transfer number (TRF-…) or double-click a transfer to walk it."), self)
        self.hint.setObjectName("transfer_hint")
        self.hint.setWordWrap(True)

        self.title = QLabel(self.tr("No transfer open"), self)
        self.title.setObjectName("transfer_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.title.setFont(font)
        self.stops = _table("transfer_stops", [self.tr("Bin"), self.tr("Lot"), self.tr("Expiry"), self.tr("Units")],
                            self)
        self.progress = QLabel(self)
        self.progress.setObjectName("transfer_progress")
        self.stops.setMaximumHeight(150)  # the bins ahead; the feedback below keeps its room
        self.prompt = QLabel(self)
        self.prompt.setObjectName("transfer_step")
        self.prompt.setWordWrap(True)
        pfont = self.prompt.font()
        pfont.setPointSize(pfont.pointSize() + 2)
        self.prompt.setFont(pfont)
        self.qty = QLineEdit(self)
        self.qty.setObjectName("transfer_qty")
        self.qty.setMinimumHeight(TOUCH_PX)
        self.qty.returnPressed.connect(self._keyed)
        self.empty_bin = big_button(self.tr("This bin is empty"), "transfer_empty_bin", self)
        self.empty_bin.clicked.connect(self.bin_empty)
        self.end_short = big_button(self.tr("End short…"), "transfer_end_short", self)
        self.end_short.clicked.connect(self.ask_end_short)
        self.send = big_button(self.tr("Send and print the label"), "transfer_send", self)
        self.send.clicked.connect(self.send_transfer)
        self.back = big_button(self.tr("Back to the list"), "transfer_back", self)
        self.back.clicked.connect(self.close_walk)

        self.confirm = QFrame(self)
        self.confirm.setObjectName("transfer_confirm")
        self.confirm.setFrameShape(QFrame.Shape.StyledPanel)
        self.confirm_text = QLabel(self.confirm)
        self.confirm_text.setObjectName("transfer_confirm_text")
        self.confirm_text.setWordWrap(True)
        self.confirm_send = big_button(self.tr("Send what was taken"), "transfer_confirm_send", self.confirm)
        self.confirm_send.clicked.connect(self.send_transfer)
        self.confirm_keep = big_button(self.tr("Keep walking"), "transfer_confirm_keep", self.confirm)
        self.confirm_keep.clicked.connect(self.confirm.hide)
        cbox = QVBoxLayout(self.confirm)
        cbox.addWidget(self.confirm_text)
        crow = QHBoxLayout()
        crow.addWidget(self.confirm_send)
        crow.addWidget(self.confirm_keep)
        cbox.addLayout(crow)
        self.confirm.hide()

        self.result = QLabel(self)
        self.result.setObjectName("transfer_sent")
        self.result.setWordWrap(True)
        self.result.setFont(font)

        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_bin)
        buttons.addWidget(self.end_short)
        buttons.addWidget(self.send)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.progress)
        right.addWidget(self.stops)
        right.addWidget(self.prompt)
        right.addWidget(self.qty)
        right.addLayout(buttons)
        right.addWidget(self.confirm)
        right.addWidget(self.result)
        right.addWidget(self.back)
        right.addStretch(1)
        if feedback is None:
            self.feedback.setMinimumHeight(self.feedback.sizeHint().height())
            right.addWidget(self.feedback)
        left = QVBoxLayout()
        left.addWidget(self.hint)
        left.addWidget(self.list, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self._show()
        self.feedback.info(self.tr("Scan a transfer number to start."))

    # --- the list -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.runner.run(lambda uow: tr.list_transfers(uow, status="requested", oldest_first=True), self._listed,
                        self._failed, actor=self.context.actor, owner=self)

    def _listed(self, rows: list[tr.TransferRow]) -> None:
        self.rows = rows
        self.list.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate((row.code, f"{row.sku} {bilingual(row.name, row.name_zh)}".strip(), str(row.qty),
                                      row.from_warehouse, row.to_warehouse, row.order_no or "—")):
                self.list.setItem(r, c, QTableWidgetItem(text))

    # --- opening ------------------------------------------------------------------------------

    def open_transfer(self, code: str) -> None:
        self.runner.run(lambda uow: tr.start_walk(uow, code), self._opened, self._failed,
                        actor=self.context.actor, owner=self)

    def _opened(self, walk: TransferPick) -> None:
        self.walk = walk
        self.confirm.hide()
        self.result.clear()
        self.qty.clear()
        self.title.setText(self.tr("{code}: {qty} × {sku} from {src} to {dst}").format(
            code=walk.code, qty=walk.qty, sku=walk.sku, src=walk.from_warehouse, dst=walk.to_warehouse))
        if walk.taken:
            self.feedback.info(self.tr("Walk resumed: {n} of {qty} taken already").format(n=walk.taken_qty,
                                                                                          qty=walk.qty))
        else:
            self.feedback.info(self.tr("{code} open: go to the first bin").format(code=walk.code))
        for r, row in enumerate(self.rows):
            if row.id == walk.transfer_id:
                self.list.selectRow(r)
        self._show()
        self.opened.emit(walk.code)

    def close_walk(self) -> None:
        self.walk = None
        self.confirm.hide()
        self.list.clearSelection()
        self._show()
        self.refresh()

    # --- what to do next ----------------------------------------------------------------------

    def _show(self) -> None:
        walk = self.walk
        stops = walk.stops if walk is not None else []
        self.stops.setRowCount(len(stops))
        for r, stop in enumerate(stops):
            for c, text in enumerate((stop.location, stop.lot or "—", date(stop.expiry) if stop.expiry else "—",
                                      str(stop.qty))):
                self.stops.setItem(r, c, QTableWidgetItem(text))
        self.progress.setText(self.tr("Taken: {n} of {qty} · still to take: {rest} — the bins ahead:").format(
            n=walk.taken_qty, qty=walk.qty, rest=walk.remaining) if walk is not None else "")
        if walk is None:
            self.title.setText(self.tr("No transfer open"))
            self.prompt.setText(self.tr("Scan a transfer number to start."))
        else:
            stop = walk.current
            if walk.complete:
                self.prompt.setText(self.tr("All {qty} taken: press Send and print the label.").format(qty=walk.qty))
            elif walk.stuck:
                self.prompt.setText(self.tr("No bin left holds more: {n} of {qty} taken. End short to send them; "
                                            "the other {rest} stay requested.").format(
                    n=walk.taken_qty, qty=walk.qty, rest=walk.remaining))
            elif walk.step is WalkStep.BIN:
                self.prompt.setText(self.tr("Go to {bin} and scan the bin").format(bin=stop.location))
            elif walk.step is WalkStep.ITEM:
                self.prompt.setText(self.tr("Scan the item {sku}").format(sku=walk.sku) + (
                    self.tr(" (lot {lot})").format(lot=stop.lot) if stop.lot else ""))
            else:
                self.prompt.setText(self.tr("Key the units you take from {bin} (Enter: {n})").format(
                    bin=stop.location, n=stop.qty))
        busy = self._busy
        self.qty.setEnabled(walk is not None and walk.step is WalkStep.QTY and not busy)
        self.qty.setPlaceholderText(self.tr("Units (Enter: {n})").format(n=walk.current.qty)
                                    if walk is not None and walk.current is not None else "")
        self.empty_bin.setEnabled(walk is not None and walk.step is WalkStep.ITEM and not busy)
        self.end_short.setEnabled(walk is not None and not walk.complete and walk.taken_qty > 0 and not busy)
        self.send.setEnabled(walk is not None and walk.complete and not busy)
        self.back.setEnabled(walk is not None and not busy)
        for part in (self.progress, self.stops, self.qty, self.empty_bin, self.send, self.back):
            part.setVisible(walk is not None)  # between walks: the list, the last result and the feedback only
        self.end_short.setVisible(walk is not None and not walk.complete)

    # --- scans --------------------------------------------------------------------------------

    def on_scan(self, raw: str) -> bool:
        text = raw.strip()
        if text.upper().startswith(tr.TRANSFER_PREFIX):
            if self._busy:
                return self._refuse(self.tr("Wait: the last stop is being saved"))
            try:
                wanted = tr.parse_transfer_code(text)
            except PickdeskError as exc:
                return self._refuse(error_text(exc), exc)
            if self.walk is not None and self.walk.transfer_id == wanted:
                self.feedback.info(self.tr("{code} is already open").format(code=self.walk.code))
                return True
            self.open_transfer(text)
            return True
        walk = self.walk
        if walk is None:
            return self._refuse(self.tr("Scan a transfer number (TRF-…) first, or double-click a transfer"))
        if self._busy:
            return self._refuse(self.tr("Wait: the last stop is being saved"))
        if walk.complete:
            return self._refuse(self.tr("Everything is taken: press Send and print the label"))
        try:
            verdict = walk.scan_raw(text)
        except TransferWalkRefused as exc:
            return self._refuse(error_text(exc), exc)
        if isinstance(verdict, BinConfirmed):
            self.feedback.good(self.tr("Bin {bin} OK — scan the item").format(bin=verdict.stop.location))
        else:
            self.feedback.good(self.tr("Item OK — key the units, or Enter for {n}").format(n=verdict.stop.qty))
            self.qty.setEnabled(True)
            self.qty.setFocus()
        self._show()
        return True

    def _keyed(self) -> None:
        walk = self.walk
        if walk is None or walk.step is not WalkStep.QTY or self._busy:
            return
        text = self.qty.text().strip()
        self.qty.clear()
        if text and not (text.isascii() and text.isdigit()):
            self._refuse(self.tr("The units must be a whole number"))
            return
        try:
            take = walk.check_qty(int(text) if text else None)
        except TransferWalkRefused as exc:
            self._refuse(error_text(exc), exc)
            return
        self._save(take)

    def bin_empty(self) -> None:
        """The bin holds none of it: nothing taken here, the units are asked of the next bin."""
        walk = self.walk
        if walk is None or walk.step is not WalkStep.ITEM or self._busy:
            return
        self._save(walk.empty_bin())

    def _save(self, take) -> None:  # noqa: ANN001
        walk = self.walk
        assert walk is not None
        self._busy = True
        self._show()
        transfer_id, today = walk.transfer_id, walk.today

        def op(uow):  # noqa: ANN001, ANN202
            return tr.take_stop(uow, transfer_id, location=take.location, lot=take.lot, qty=take.qty, today=today)

        def saved(_left: int) -> None:
            self._busy = False
            if self.walk is not walk:
                return
            done: StopTaken = walk.record(take)
            self.taken.emit(done)
            if done.remaining == 0:
                self.feedback.good(self.tr("{n} taken — all {qty} taken: press Send and print the label").format(
                    n=take.qty, qty=walk.qty))
            elif done.next_stop is None:
                self.feedback.check(self.tr("{n} taken — no bin left for the other {rest}: end short to send what "
                                            "was taken").format(n=take.qty, rest=done.remaining))
            elif done.short:
                self.feedback.check(self.tr("Bin short: {n} taken — the other {rest} are asked of {bin}").format(
                    n=take.qty, rest=done.remaining, bin=done.next_stop.location))
            else:
                self.feedback.good(self.tr("{n} taken — next: {bin}").format(n=take.qty, bin=done.next_stop.location))
            self._show()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._failed(exc)
            self._show()

        self.runner.run(op, saved, failed, actor=self.context.actor, owner=self)

    # --- sending ------------------------------------------------------------------------------

    def ask_end_short(self) -> None:
        walk = self.walk
        if walk is None or walk.complete or walk.taken_qty == 0:
            return
        self.confirm_text.setText(self.tr("Send {code} short: {n} of {qty} now? The other {rest} stay requested "
                                          "as a new transfer.").format(code=walk.code, n=walk.taken_qty, qty=walk.qty,
                                                                       rest=walk.remaining))
        self.confirm.show()
        self.feedback.check(self.tr("Ending short: confirm or keep walking"))

    def send_transfer(self) -> None:
        walk = self.walk
        if walk is None or self._busy or walk.taken_qty == 0:
            return
        if not walk.complete and not self.confirm.isVisible():
            self.ask_end_short()
            return
        self.confirm.hide()
        self._busy = True
        self._show()
        transfer_id = walk.transfer_id
        printer = getattr(self.context, "printer", None)
        printing = getattr(self.context, "printing", None)
        queue = printing.queue if printing is not None else None

        def op(uow):  # noqa: ANN001, ANN202
            sent = tr.finish_transfer(uow, transfer_id)
            if printer is None or queue is None:
                return sent, None, None
            try:  # the transfer has left: a label that cannot print is said, never undoes it
                return sent, tr.print_transfer_label(sent, queue, printer), None
            except PickdeskError as exc:
                return sent, None, exc

        self.runner.run(op, self._sent, self._send_failed, actor=self.context.actor, owner=self)

    def _sent(self, result: tuple) -> None:
        picked, job, problem = result
        self._busy = False
        self.walk = None
        text = self.tr("{code} sent: {qty} × {sku} to {dst} — notice {asn}").format(
            code=picked.code, qty=picked.qty, sku=picked.label.sku, dst=picked.to_warehouse, asn=picked.asn_no)
        if picked.rest:
            text += "\n" + self.tr("The other {n} stay requested as {code}").format(n=picked.rest_qty, code=picked.rest)
        if job is not None:
            label = self.tr("Label sent to the printer: stick it on the goods.")
        elif problem is not None:
            label = self.tr("The label did not print: {error}").format(error=error_text(problem))
        else:
            label = self.tr("No printer set up: File → Settings → Label printer.")
        self.result.setText(text + "\n" + label)
        self.feedback.good(self.tr("{code} sent — scan the next transfer").format(code=picked.code))
        self._show()
        self.sent.emit(picked)
        self.refresh()

    def _send_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._failed(exc)
        self._show()

    def _refuse(self, text: str, exc: object = None) -> bool:
        self.feedback.refused(text)
        self.refused.emit(exc if exc is not None else text)
        return True

    def _failed(self, exc: BaseException) -> None:
        self._refuse(error_text(exc), exc)
