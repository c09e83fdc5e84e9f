"""The receiver's workstation: notices at the dock, scans judged at once, decisions, closing, put-away.

Tabs (`receiver_tabs`): Receiving, Put-away, Counts, Replenishment, Transfers out (the transfers other
warehouses asked of this one, walked by scans and sent: `ui.widgets.receiver_transfers`); further tabs are
added with `add_tab`.

Receiving: the expected notices are listed; scanning a notice's number (or double-clicking it)
opens it. Each item scan is judged on the GUI thread by `desktop.domain.receiving.ReceiveSession`
(in memory, well under a millisecond): green and a good sound when it matches, red with the reason
and a bad sound when it differs from the notice — then accept, quarantine or refuse is decided on
the spot (buttons or F9/F10/F11), with a reason if the receiver types one. Every decided receipt is
saved through the task runner at once. Closing the notice posts the stock and shows the
differences on screen.

Put-away: what waits at the docks, each with the bin Pickdesk suggests. Scan the item, then the
suggested bin to confirm — or another bin — and the units move (PUTAWAY movements).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.receiving import (
    Decided,
    Decision,
    DecisionNeeded,
    DockChosen,
    Received,
    ReceiveRefused,
    ReceiveSession,
)
from desktop.domain.roles import Role
from desktop.services import inbound, putaway
from devices.decode import ItemScan, LocationScan, ScanRejected, decode_scan
from ui.appearance import points
from ui.errors import error_text
from ui.feedback import ScanFeedback
from ui.widgets.receiver_counts import CountsTab
from ui.widgets.receiver_tasks import TasksTab
from ui.widgets.receiver_transfers import TransfersOutTab
from ui.i18n import bilingual, date, date_time, number, with_shortcut
from ui.workspaces.base import Workspace, WorkspaceContext


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
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # scans go to the workspace, never into a cell
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if text and (text[0].isdigit() or text.startswith("+") or text == "—") and c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class ReceiverWorkspace(Workspace):
    """Object names: `workspace_receiver`, `receiver_tabs`, `receiver_receiving_pages` (pages
    `receiver_notice_list`, `receiver_notice`, `receiver_report_page`), `receiver_notices`,
    `receiver_open_hint`, `receiver_notice_title`, `receiver_lines`, `scan_feedback`, `receiver_qty`,
    `receiver_decision`, `receiver_decision_text`, `receiver_accept`, `receiver_quarantine`,
    `receiver_refuse`, `receiver_reason`, `receiver_close`, `receiver_back`, `receiver_report_title`,
    `receiver_report`, `receiver_report_done`, `receiver_putaway`, `receiver_waiting`,
    `receiver_putaway_hint`, `putaway_feedback`, `receiver_status`.

    Signals:
        notice_opened(str): a notice is on screen (its ASN number).
        receipt_saved(str): a decided receipt reached the central database (the ASN number).
        notice_closed(str): a notice was closed; its differences are on screen.
        put_away_done(str): units were put away (the bin's code).
    """

    notice_opened = Signal(str)
    receipt_saved = Signal(str)
    notice_closed = Signal(str)
    put_away_done = Signal(str)

    role = Role.RECEIVER
    object_name = "workspace_receiver"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        self.session: ReceiveSession | None = None
        self.notices: list[inbound.NoticeRow] = []
        self.waiting: list[putaway.Waiting] = []
        self.putaway_item: putaway.Waiting | None = None
        self._saving = 0
        super().__init__(context, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)  # scans only; no IME in the way

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("receiver_tabs")
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.addTab(self._build_receiving(), self.tr("Receiving"))
        self.tabs.addTab(self._build_putaway(), self.tr("Put-away"))
        # Part B's work: blind counts and pick-face refills, each a widget of its own (ui/widgets/receiver_*.py)
        self.counts_tab = CountsTab(context, parent=self.tabs)
        self.tasks_tab = TasksTab(context, parent=self.tabs)
        self.transfers_tab = TransfersOutTab(context, parent=self.tabs)
        for tab in (self.counts_tab, self.tasks_tab, self.transfers_tab):
            tab.feedback.sounds.muted = self.context.settings.muted
        self.tabs.addTab(self.counts_tab, self.tr("Counts"))
        self.tabs.addTab(self.tasks_tab, self.tr("Replenishment"))
        self.tabs.addTab(self.transfers_tab, self.tr("Transfers out"))
        self.body.addWidget(self.tabs, 1)
        self.status = QLabel(self)
        self.status.setObjectName("receiver_status")
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)

        QShortcut(QKeySequence(Qt.Key.Key_F9), self, lambda: self.decide(Decision.ACCEPT))
        QShortcut(QKeySequence(Qt.Key.Key_F10), self, lambda: self.decide(Decision.QUARANTINE))
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, lambda: self.decide(Decision.REFUSE))

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Room for more of the receiver's work (counts, replenishment tasks)."""
        return self.tabs.addTab(widget, title)

    # --- building -----------------------------------------------------------------------------

    def _build_receiving(self) -> QWidget:
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("receiver_receiving_pages")

        listing = QWidget(self.pages)
        listing.setObjectName("receiver_notice_list")
        self.open_hint = QLabel(self.tr("Scan the notice number on the delivery note to start receiving."), listing)
        self.open_hint.setObjectName("receiver_open_hint")
        font = self.open_hint.font()
        font.setPointSize(points(15))
        self.open_hint.setFont(font)
        self.open_hint.setWordWrap(True)
        self.notice_table = _table("receiver_notices", [
            self.tr("Notice"), self.tr("From"), self.tr("Expected"), self.tr("Status"), self.tr("Lines"),
            self.tr("Units")], listing)
        self.notice_table.cellDoubleClicked.connect(lambda row, _c: self.open_notice(self.notices[row].asn_no))
        box = QVBoxLayout(listing)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(self.open_hint)
        box.addWidget(self.notice_table, 1)
        self.pages.addWidget(listing)

        page = QWidget(self.pages)
        page.setObjectName("receiver_notice")
        self.notice_title = QLabel(page)
        self.notice_title.setObjectName("receiver_notice_title")
        tfont = self.notice_title.font()
        tfont.setPointSize(points(18))
        tfont.setBold(True)
        self.notice_title.setFont(tfont)
        self.lines_table = _table("receiver_lines", [
            self.tr("Line"), self.tr("SKU"), self.tr("Product"), self.tr("Lot"), self.tr("Expected"),
            self.tr("Received")], page)
        self.feedback = ScanFeedback(parent=page)
        self.feedback.sounds.muted = self.context.settings.muted
        self.feedback.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        self.decision = QFrame(page)
        self.decision.setObjectName("receiver_decision")
        self.decision.setFrameShape(QFrame.Shape.StyledPanel)
        self.decision_text = QLabel(self.decision)
        self.decision_text.setObjectName("receiver_decision_text")
        self.decision_text.setWordWrap(True)
        self.reason = QLineEdit(self.decision)
        self.reason.setObjectName("receiver_reason")
        self.reason.setPlaceholderText(self.tr("Reason (optional)"))
        self.accept_button = QPushButton(with_shortcut(self.tr("Accept"), "F9"), self.decision)
        self.accept_button.setObjectName("receiver_accept")
        self.quarantine_button = QPushButton(with_shortcut(self.tr("Quarantine"), "F10"), self.decision)
        self.quarantine_button.setObjectName("receiver_quarantine")
        self.refuse_button = QPushButton(with_shortcut(self.tr("Refuse"), "F11"), self.decision)
        self.refuse_button.setObjectName("receiver_refuse")
        for button, choice in ((self.accept_button, Decision.ACCEPT), (self.quarantine_button, Decision.QUARANTINE),
                               (self.refuse_button, Decision.REFUSE)):
            button.setMinimumHeight(48)
            button.clicked.connect(lambda _c=False, d=choice: self.decide(d))
        dbox = QVBoxLayout(self.decision)
        dbox.addWidget(self.decision_text)
        dbox.addWidget(self.reason)
        brow = QHBoxLayout()
        brow.addWidget(self.accept_button)
        brow.addWidget(self.quarantine_button)
        brow.addWidget(self.refuse_button)
        dbox.addLayout(brow)
        self.decision.hide()

        self.qty = QLineEdit(page)
        self.qty.setObjectName("receiver_qty")
        self.qty.setPlaceholderText(self.tr("Units (blank: as scanned)"))
        self.close_button = QPushButton(self.tr("Close notice"), page)
        self.close_button.setObjectName("receiver_close")
        self.close_button.setMinimumHeight(48)
        self.close_button.clicked.connect(self.close_notice)
        self.back_button = QPushButton(self.tr("Back to the list"), page)
        self.back_button.setObjectName("receiver_back")
        self.back_button.clicked.connect(self.back_to_list)
        actions = QHBoxLayout()
        actions.addWidget(self.qty, 2)
        actions.addWidget(self.back_button)
        actions.addWidget(self.close_button)
        left = QVBoxLayout()
        left.addWidget(self.feedback, 1)
        left.addWidget(self.decision)
        left.addLayout(actions)
        row = QHBoxLayout()
        row.addLayout(left, 6)
        row.addWidget(self.lines_table, 5)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(self.notice_title)
        box.addLayout(row, 1)
        self.pages.addWidget(page)

        report = QWidget(self.pages)
        report.setObjectName("receiver_report_page")
        self.report_title = QLabel(report)
        self.report_title.setObjectName("receiver_report_title")
        self.report_title.setFont(tfont)
        self.report_title.setWordWrap(True)
        self.report_table = _table("receiver_report", [
            self.tr("Line"), self.tr("SKU"), self.tr("Expected"), self.tr("Accepted"), self.tr("Quarantined"),
            self.tr("Refused"), self.tr("Short"), self.tr("Over"), self.tr("Why")], report)
        self.report_done = QPushButton(self.tr("Put away now"), report)
        self.report_done.setObjectName("receiver_report_done")
        self.report_done.setMinimumHeight(48)
        self.report_done.clicked.connect(self._to_putaway)
        rbox = QVBoxLayout(report)
        rbox.setContentsMargins(0, 8, 0, 0)
        rbox.addWidget(self.report_title)
        rbox.addWidget(self.report_table, 1)
        rbox.addWidget(self.report_done)
        self.pages.addWidget(report)
        return self.pages

    def _build_putaway(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("receiver_putaway")
        self.putaway_hint = QLabel(self.tr("Scan an item waiting at the dock, then the bin you put it into."), page)
        self.putaway_hint.setObjectName("receiver_putaway_hint")
        font = self.putaway_hint.font()
        font.setPointSize(points(15))
        self.putaway_hint.setFont(font)
        self.putaway_hint.setWordWrap(True)
        self.waiting_table = _table("receiver_waiting", [
            self.tr("Dock"), self.tr("SKU"), self.tr("Product"), self.tr("Lot"), self.tr("Expiry"), self.tr("Units"),
            self.tr("Suggested bin")], page)
        self.putaway_feedback = ScanFeedback(parent=page)
        self.putaway_feedback.setObjectName("putaway_feedback")
        self.putaway_feedback.sounds.muted = self.context.settings.muted
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(self.putaway_hint)
        box.addWidget(self.putaway_feedback)
        box.addWidget(self.waiting_table, 1)
        return page

    # --- loading ------------------------------------------------------------------------------

    def load_op(self):  # noqa: ANN201
        def load(uow) -> tuple[list[inbound.NoticeRow], list[putaway.Waiting]]:  # noqa: ANN001
            return inbound.list_notices(uow, open_only=True), putaway.waiting_at_dock(uow)

        return load

    def show_data(self, data: object) -> None:
        self.notices, self.waiting = data  # type: ignore[misc]
        _fill(self.notice_table, [[n.asn_no, f"{n.source_kind} {n.source_code} {n.source_name}".strip(),
                                   date_time(n.expected_at) if n.expected_at else "—", self._status_word(n.status),
                                   number(n.lines), number(n.units)] for n in self.notices])
        self._show_waiting()

    def _status_word(self, status: str) -> str:
        return {"expected": self.tr("expected"), "receiving": self.tr("receiving"), "closed": self.tr("closed")}.get(
            status, status)

    def _show_waiting(self) -> None:
        _fill(self.waiting_table, [[w.location, w.sku, bilingual(w.name, w.name_zh), w.lot or "—",
                                    date(w.expiry) if w.expiry else "—", number(w.qty), w.suggested or "—"]
                                   for w in self.waiting])

    def in_the_middle(self) -> bool:
        return self.session is not None

    # --- receiving ----------------------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        self.counts_tab.refresh()
        self.tasks_tab.refresh()
        self.transfers_tab.refresh()

    def on_scan(self, raw: str) -> bool:
        current = self.tabs.currentWidget()
        if current is self.counts_tab or current is self.tasks_tab or current is self.transfers_tab:
            return current.on_scan(raw)
        if self.tabs.currentIndex() == 1:
            self._putaway_scan(raw)
            return True
        if self.session is None:
            self._open_by_scan(raw)
            return True
        if self.session.pending is not None:
            self.feedback.refused(self.tr("Decide on the last scan first: accept, quarantine or refuse."))
            return True
        qty = self._keyed_qty()
        if qty is False:
            return True
        try:
            verdict = self.session.scan_raw(raw, qty)  # type: ignore[arg-type]
        except ReceiveRefused as refused:
            self.feedback.refused(error_text(refused))
            return True
        self.qty.clear()
        self._judged(verdict)
        return True

    def _keyed_qty(self) -> int | None | bool:
        text = self.qty.text().strip()
        if not text:
            return None
        if not (text.isascii() and text.isdigit()) or int(text) < 1:
            self.feedback.refused(self.tr("The units must be a whole number of at least 1."))
            return False
        return int(text)

    def _open_by_scan(self, raw: str) -> None:
        text = raw.strip(" \r\n\t")
        if any(n.asn_no == text for n in self.notices):
            self.open_notice(text)
        else:
            self.open_hint.setText(self.tr("{code} is not an expected notice. Scan the notice number.").format(
                code=text[:40]))

    def open_notice(self, asn_no: str) -> None:
        def op(uow):  # noqa: ANN001, ANN202
            return inbound.open_session(uow, asn_no)

        self.runner.run(op, self._opened, self._failed, actor=self.actor, owner=self)

    def _opened(self, session: ReceiveSession) -> None:
        session.date_text = date
        self.session = session
        self.decision.hide()
        self.notice_title.setText(self.tr("Notice {code}").format(code=session.asn_no))
        self._show_lines()
        self.feedback.info(self.tr("Scan the items: GS1 code with lot and expiry, or the product barcode."))
        self.pages.setCurrentIndex(1)
        self.setFocus()
        self.notice_opened.emit(session.asn_no)

    def _show_lines(self) -> None:
        s = self.session
        if s is None:
            return
        rows = [[str(ln.line_no), ln.product.sku, bilingual(ln.product.name, ln.product.name_zh), ln.lot or "—",
                 number(ln.expected), number(s.received_of(ln.line_no))] for ln in s.lines]
        extra = {r.sku: 0 for r in s.receipts if r.line_no is None}
        for r in s.receipts:
            if r.line_no is None and r.counts:
                extra[r.sku] += r.qty
        rows += [["+", sku, self.tr("not on the notice"), "—", "0", number(qty)] for sku, qty in extra.items()]
        _fill(self.lines_table, rows)

    def _judged(self, verdict: object) -> None:
        if isinstance(verdict, Received):
            r = verdict.receipt
            self.feedback.good(self.tr("{qty} × {sku} received ({got} of {expected})").format(
                qty=r.qty, sku=r.sku, got=self.session.received_of(verdict.line.line_no), expected=verdict.line.expected))
            self._save_new()
        elif isinstance(verdict, DecisionNeeded):
            text = bilingual(verdict.message, verdict.message_zh)
            self.feedback.check(text + "\n" + self.tr("Decide: accept, quarantine or refuse."))
            self.decision_text.setText(self.tr("{qty} × {sku}: {why}").format(
                qty=verdict.pending.qty, sku=verdict.pending.sku, why=text))
            self.accept_button.setEnabled(Decision.ACCEPT in verdict.choices)
            self.quarantine_button.setEnabled(Decision.QUARANTINE in verdict.choices)
            self.refuse_button.setEnabled(Decision.REFUSE in verdict.choices)
            suggested = {Decision.ACCEPT: self.accept_button, Decision.QUARANTINE: self.quarantine_button,
                         Decision.REFUSE: self.refuse_button}[verdict.suggested]
            suggested.setDefault(True)
            self.decision.show()
        elif isinstance(verdict, DockChosen):
            self.feedback.info(self.tr("Units go down at {dock}").format(dock=verdict.code))
        self._show_lines()

    def decide(self, decision: Decision) -> None:
        if self.session is None or self.session.pending is None:
            return
        try:
            done: Decided = self.session.decide(decision, self.reason.text())
        except ReceiveRefused as refused:
            self.feedback.refused(error_text(refused))
            return
        self.reason.clear()
        self.decision.hide()
        words = {Decision.ACCEPT: self.tr("accepted"), Decision.QUARANTINE: self.tr("quarantined"),
                 Decision.REFUSE: self.tr("refused")}[decision]
        self.feedback.info(self.tr("{qty} × {sku} {decision}").format(qty=done.receipt.qty, sku=done.receipt.sku,
                                                                       decision=words))
        self._save_new()
        self._show_lines()
        self.setFocus()

    def _save_new(self) -> None:
        s = self.session
        if s is None or not s.unsaved:
            return
        receipts, asn_no, dock = list(s.unsaved), s.asn_no, s.dock
        s.mark_saved()
        self._saving += 1

        def op(uow):  # noqa: ANN001, ANN202
            return inbound.save_receipts(uow, asn_no, receipts, dock_code=dock)

        def saved(_units: int) -> None:
            self._saving -= 1
            self.receipt_saved.emit(asn_no)

        def failed(exc: BaseException) -> None:
            self._saving -= 1
            if self.session is not None and self.session.asn_no == asn_no:
                self.session.new_from -= len(receipts)  # kept in hand: saved again with the next one or at closing
            self.status.setText(self.tr("Not saved yet: {error}").format(error=error_text(exc)))

        self.runner.run(op, saved, failed, actor=self.actor, owner=self)

    def close_notice(self) -> None:
        s = self.session
        if s is None:
            return
        if s.pending is not None:
            self.feedback.refused(self.tr("Decide on the last scan first: accept, quarantine or refuse."))
            return
        asn_no, unsaved, dock = s.asn_no, list(s.unsaved), s.dock
        s.mark_saved()

        def op(uow):  # noqa: ANN001, ANN202
            if unsaved:
                inbound.save_receipts(uow, asn_no, unsaved, dock_code=dock)
            return inbound.close_notice(uow, asn_no)

        self.runner.run(op, self._closed, self._failed, actor=self.actor, owner=self)

    def _closed(self, report: inbound.CloseReport) -> None:
        self.session = None
        self.report_title.setText(self.tr(
            "Notice {code} closed: {a} accepted into {dock}, {q} quarantined, {r} refused, {s} short").format(
            code=report.asn_no, a=report.total("accepted"), dock=report.dock, q=report.total("quarantined"),
            r=report.total("refused"), s=report.total("short")))
        _fill(self.report_table, [[str(d.line_no) if d.line_no is not None else "+", d.sku, number(d.expected),
                                   number(d.accepted), number(d.quarantined), number(d.refused), number(d.short),
                                   number(d.over), ", ".join(self._issue_word(i) for i in d.issues)]
                                  for d in report.lines])
        self.pages.setCurrentIndex(2)
        self.notice_closed.emit(report.asn_no)
        self.refresh()

    def _issue_word(self, issue: str) -> str:
        return {"over": self.tr("over"), "unexpected": self.tr("not on the notice"),
                "lot_differs": self.tr("other lot"), "expired": self.tr("expired"),
                "short_dated": self.tr("short-dated"), "expiry_differs": self.tr("other expiry")}.get(issue, issue)

    def back_to_list(self) -> None:
        if self.session is not None and self.session.pending is not None:
            self.feedback.refused(self.tr("Decide on the last scan first: accept, quarantine or refuse."))
            return
        self._save_new()
        self.session = None
        self.decision.hide()
        self.pages.setCurrentIndex(0)
        self.refresh()

    def _to_putaway(self) -> None:
        self.pages.setCurrentIndex(0)
        self.tabs.setCurrentIndex(1)
        self.refresh()
        self.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.feedback.refused(error_text(exc))
        self.status.setText(error_text(exc))

    # --- put-away -----------------------------------------------------------------------------

    def _putaway_scan(self, raw: str) -> None:
        try:
            scan = decode_scan(raw)
        except ScanRejected as exc:
            self.putaway_feedback.refused(error_text(exc))
            return
        if isinstance(scan, ItemScan):
            found = [w for w in self.waiting if w.gtin == scan.gtin and (scan.lot is None or w.lot == scan.lot)]
            if not found:
                self.putaway_feedback.refused(self.tr("This item does not wait at a dock."))
                return
            self.putaway_item = found[0]
            w = found[0]
            self.waiting_table.selectRow(self.waiting.index(w))
            self.putaway_feedback.info(self.tr("{qty} × {sku}: put into {bin} and scan the bin (or another bin)").format(
                qty=w.qty, sku=w.sku, bin=w.suggested or "—"))
            return
        if isinstance(scan, LocationScan):
            w = self.putaway_item
            if w is None:
                self.putaway_feedback.refused(self.tr("Scan the item first, then the bin."))
                return
            target = scan.code

            def op(uow):  # noqa: ANN001, ANN202
                return putaway.put_away(uow, sku=w.sku, lot=w.lot, qty=w.qty, source=w.location, target=target)

            self.runner.run(op, self._put_away, lambda exc: self.putaway_feedback.refused(error_text(exc)),
                            actor=self.actor, owner=self)
            return
        self.putaway_feedback.refused(self.tr("Scan the item, then the bin."))

    def _put_away(self, done: putaway.PutAwayDone) -> None:
        self.putaway_item = None
        text = self.tr("{qty} × {sku} put away into {bin}").format(qty=done.qty, sku=done.sku, bin=done.target)
        if done.released:
            text += "\n" + self.tr("Backordered orders released: {orders}").format(orders=", ".join(done.released))
        self.putaway_feedback.good(text)
        self.put_away_done.emit(done.target)
        self.refresh()
