"""The packer's bench: scan a tote or order, scan every unit again, weigh, check the carrier, print.

Everything a person does here is a scan, a key or a large button. The bench's state and its close,
print and reprint rules are `desktop.domain.pack_bench.PackBench` (over the rules of
`desktop.domain.packing`); this widget draws it and forwards input to it. The services check the
rules again when a parcel is closed (`desktop.services.packing`). A closed parcel is kept in the
station journal first and recorded by the station's sync (`ui.sync`), so the bench carries on while
the central database is away; labels print once it has recorded the parcels. Database work and
printing run off the GUI thread.

Keys: F5 re-weigh · F6 supervisor override · F7 change carrier · F8 close parcel and start the next ·
F9 print label + slip · Esc closes an open panel.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.db.database import DatabaseUnavailable
from desktop.domain.errors import PickdeskError
from desktop.domain.lifecycle import OrderStatus, PriorityClass
from desktop.domain.pack_bench import (
    FINISH_PARCEL_FIRST,
    SLIP,
    Blocker,
    BenchRefused,
    Expect,
    NothingToWeigh,
    PackBench,
    PackRequest,
)
from desktop.domain.packing import (
    DAYS_FOR_PRIORITY,
    FRAGILE_NOTES,
    CarrierChoice,
    PackChecklist,
    UnitRefused,
    WeightVerdict,
    carrier_options,
    suggest_carton,
)
from desktop.domain.roles import Role
from desktop.services import packing
from desktop.services.cancellation import OrderCancelled
from desktop.services.documents import WaitingForWaybill
from desktop.services.orders import count_by_status
from desktop.station.actions import pack_payload
from desktop.station.sync import SyncReport
from devices.decode import BadgeScan, ItemScan, OrderScan, ScanRejected, ToteScan, decode_scan
from devices.scale import MtSicsScale, ScaleReading
from printing.queue import PrintJob
from ui.feedback import ScanFeedback
from ui.appearance import points, type_scale
from ui.errors import error_text
from ui.i18n import bilingual, money, number, translate, weight, with_shortcut
from ui.widgets.message import MessageBanner
from ui.widgets.pack_checklist import PackChecklistTable
from ui.widgets.pack_panels import CarrierPanel, OverridePanel, days_text, service_label
from ui.widgets.scroll import vertical_scroll
from ui.workspaces.base import Workspace, WorkspaceContext


# Shown translated, never as the database writes them.
PRIORITIES = {
    PriorityClass.URGENT: QT_TRANSLATE_NOOP("PackerWorkspace", "urgent"),
    PriorityClass.EXPEDITED: QT_TRANSLATE_NOOP("PackerWorkspace", "expedited"),
    PriorityClass.NORMAL: QT_TRANSLATE_NOOP("PackerWorkspace", "normal"),
}
PRINT_STATES = {
    "queued": QT_TRANSLATE_NOOP("PackerWorkspace", "queued"),
    "sending": QT_TRANSLATE_NOOP("PackerWorkspace", "sending"),
    "printed": QT_TRANSLATE_NOOP("PackerWorkspace", "printed"),
    "retrying": QT_TRANSLATE_NOOP("PackerWorkspace", "retrying"),
    "failed": QT_TRANSLATE_NOOP("PackerWorkspace", "FAILED"),
}
PRINT_MARKS = {"printed": " ✔", "failed": " ✖"}  # the word is never the only sign
BLOCKERS = {
    Blocker.NO_ORDER: QT_TRANSLATE_NOOP("PackerWorkspace", "No order"),
    Blocker.EMPTY_PARCEL: QT_TRANSLATE_NOOP("PackerWorkspace", "The parcel is empty"),
    Blocker.NOT_WEIGHED: QT_TRANSLATE_NOOP("PackerWorkspace", "Not weighed"),
    Blocker.WEIGHT_MISMATCH: QT_TRANSLATE_NOOP("PackerWorkspace", "Weight mismatch"),
    Blocker.NO_CARRIER: QT_TRANSLATE_NOOP("PackerWorkspace", "No carrier"),
}
# The heading: what the bench expects next (`PackBench.expects`), the step it belongs to.
HEADINGS = {
    Expect.ORDER: QT_TRANSLATE_NOOP("PackerWorkspace", "Scan a tote or order"),
    Expect.UNITS: QT_TRANSLATE_NOOP("PackerWorkspace", "Scan each item into the parcel"),
    Expect.WEIGHT: QT_TRANSLATE_NOOP("PackerWorkspace", "Put the parcel on the scale"),
    Expect.OVERRIDE: QT_TRANSLATE_NOOP("PackerWorkspace", "Weight off: check the parcel, re-weigh (F5) or ask a supervisor (F6)"),
    Expect.CARRIER: QT_TRANSLATE_NOOP("PackerWorkspace", "No carrier takes this parcel: change carrier (F7)"),
    Expect.CLOSE: QT_TRANSLATE_NOOP("PackerWorkspace", "Close this parcel (F8) and pack the next"),
    Expect.PRINT: QT_TRANSLATE_NOOP("PackerWorkspace", "Weighed: print the labels (F9) →"),
    Expect.PRINTING: QT_TRANSLATE_NOOP("PackerWorkspace", "Printing the labels…"),
    Expect.REPRINT: QT_TRANSLATE_NOOP("PackerWorkspace", "Printing failed: mend the printer, then F9 prints it again"),
    Expect.NEXT_ORDER: QT_TRANSLATE_NOOP("PackerWorkspace", "Labels on the parcels: scan the next tote or order"),
    Expect.SERVICE: QT_TRANSLATE_NOOP("PackerWorkspace", "One moment…"),
    Expect.DATABASE: QT_TRANSLATE_NOOP("PackerWorkspace", "Parcels kept here: the labels print when the database is back"),
}
STEPS = (  # the bench's four steps, the current one marked
    ((Expect.ORDER, Expect.UNITS), QT_TRANSLATE_NOOP("PackerWorkspace", "Scan items")),
    ((Expect.WEIGHT, Expect.OVERRIDE, Expect.CARRIER, Expect.CLOSE), QT_TRANSLATE_NOOP("PackerWorkspace", "Weigh")),
    ((Expect.PRINT, Expect.PRINTING, Expect.REPRINT, Expect.DATABASE), QT_TRANSLATE_NOOP("PackerWorkspace", "Print")),
    ((Expect.NEXT_ORDER,), QT_TRANSLATE_NOOP("PackerWorkspace", "Next")),
)
HANDOVER = "pack"  # the station journal's kind for a half-packed parcel kept at sign-out
WEIGHT_LINES = 3  # the weight box: expected and measured · the verdict · a supervisor's override
# What a person types as a weight: up to six digits, perhaps with decimals. No barcode is that short
# (EAN-8 has eight digits), so such text in the scan field is grams typed in the wrong place.
GRAMS_TYPED = re.compile(r"\d{1,6}([.,]\d{1,3})?")
PACKER_KINDS = frozenset({"pack"})  # what this workspace keeps in the station journal


def _signed(value: int) -> str:
    return ("+" if value >= 0 else "-") + number(abs(value))


def _panel(name: str, title: str, parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName(f"{name}_box")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(10, 6, 10, 6)
    layout.setSpacing(4)
    heading = QLabel(title, frame)
    heading.setObjectName(f"{name}_title")
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    layout.addWidget(heading)
    return frame, layout


class PackerWorkspace(Workspace):
    """Object names: `workspace_packer`, `packer_prompt`, `packer_scan` (scan field), `packer_order`,
    `scan_feedback`, `packer_checklist`, `packer_scan_result`, `packer_waiting_count`, `packer_carton`,
    `packer_fragile_notes`, `packer_weight`, `packer_weight_manual`, `packer_reweigh`, `packer_override`,
    `packer_carrier`, `packer_carrier_change`, `packer_parcels`, `packer_close_parcel`, `packer_print`,
    `packer_print_status`; the panels of `ui.widgets.pack_panels`.

    Signals:
        order_opened(str): an order is on the bench.
        parcel_closed(str): a parcel was packed (its code).
        printed(str): every label of the order came out of the printer (the order number).
        print_failed(int): a print job failed for good; the exception's id.
        state_changed(): what blocks or allows closing and printing changed.
    """

    order_opened = Signal(str)
    parcel_closed = Signal(str)
    printed = Signal(str)
    print_failed = Signal(int)
    state_changed = Signal()

    role = Role.PACKER
    object_name = "workspace_packer"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(context, parent)
        self.settings = context.settings
        self.today = today
        self.bench = PackBench()  # the bench's state and rules; this widget draws it
        self._polling = False
        self._closing: dict[str, bool] = {}  # parcels sent to the station's sync → print when recorded
        self._resuming: str | None = None  # the order of a parcel handed over, while it opens
        self._build()
        # The station's sync (one for every workspace): parcels are kept there first, then recorded.
        self.sync = context.sync
        self.sync.replayed.connect(self._replayed)

        # The station's print queue and printer (its worker drains the queue for the station's life).
        self.printer = context.printer
        self.printing = context.printing
        self.queue = context.printing.queue
        self.printing.job_failed.connect(self._job_failed)
        self.print_timer = QTimer(self)
        self.print_timer.setObjectName("packer_print_timer")
        self.print_timer.setInterval(150)
        self.print_timer.timeout.connect(self._poll_jobs)

        # The station's scale (None: readings typed in, handed to on_weighed()).
        self.scale = context.scale
        if self.scale is not None:
            self.scale.weighed.connect(self.on_weighed)
            self.scale.scale_failed.connect(self._scale_failed)
        self._show_state()
        self._offer_handover()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        prompt = QLabel(self.tr("Scan a tote or order"), self)
        prompt.setObjectName("packer_prompt")
        prompt.setWordWrap(True)  # long in Chinese and in large type: it wraps, never pushes the window wider
        self.prompt = prompt
        self.steps = QLabel(self)
        self.steps.setObjectName("packer_steps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.notes = QLabel(self)  # what to put in or leave out of the parcel (gift)
        self.notes.setObjectName("packer_notes")
        self.notes.setWordWrap(True)
        self.notes.hide()
        self.scan = QLineEdit(self)
        self.scan.setObjectName("packer_scan")
        self.scan.setPlaceholderText("TOTE-…  /  ORD-…  /  GS1")
        self.scan.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.scan.returnPressed.connect(self._typed_in_scan_field)
        self.order_label = QLabel(self)
        self.order_label.setObjectName("packer_order")
        self.order_label.setWordWrap(True)
        self.feedback = ScanFeedback(parent=self)
        self.feedback.setMinimumHeight(96)
        font = self.feedback.text.font()
        font.setPointSize(points(15))  # the bench's messages are long (weight verdicts, refusals with reasons)
        self.feedback.text.setFont(font)
        self.table = PackChecklistTable(self)
        self.result = MessageBanner("packer_scan_result", self)
        self.waiting = QLabel(self.tr("Counting picked orders…"), self)
        self.waiting.setObjectName("packer_waiting_count")

        left = QVBoxLayout()
        left.addWidget(self.steps)
        left.addWidget(prompt)
        left.addWidget(self.scan)
        left.addWidget(self.order_label)
        left.addWidget(self.notes)
        left.addWidget(self.feedback)
        left.addWidget(self.table, 1)
        left.addWidget(self.result)
        left.addWidget(self.waiting)

        # The panels scroll when the screen is too short for them (an order with several fragile
        # items, a long override reason, large type): squeezed, their buttons would be cut in half.
        # The print button stays in sight below them.
        panels = QWidget(self)
        panels.setObjectName("packer_panels")
        right = QVBoxLayout(panels)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(8)
        box, lay = _panel("packer_carton", self.tr("Carton"), self)
        self.carton = QLabel(box)
        self.carton.setObjectName("packer_carton")
        self.fragile_notes = QLabel(box)
        self.fragile_notes.setObjectName("packer_fragile_notes")
        self.fragile_notes.setWordWrap(True)
        lay.addWidget(self.carton)
        lay.addWidget(self.fragile_notes)
        right.addWidget(box)

        box, lay = _panel("packer_weight", self.tr("Weight"), self)
        self.weight = QLabel(box)
        self.weight.setObjectName("packer_weight")
        self.weight.setWordWrap(True)  # a supervisor's reason can be long
        self.weight.setTextFormat(Qt.TextFormat.PlainText)  # … and is shown as typed
        self.weight.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.weight_manual = QLineEdit(box)
        self.weight_manual.setObjectName("packer_weight_manual")
        self.weight_manual.setPlaceholderText(self.tr("No scale? Type the grams and press Enter"))
        self.weight_manual.returnPressed.connect(self._manual_weight)
        self.reweigh = self._button("packer_reweigh", self.tr("Re-weigh"), "F5", self._reweigh)
        self.override_button = self._button("packer_override", self.tr("Supervisor override"), "F6",
                                            self._open_override)
        lay.addWidget(self.weight)
        lay.addWidget(self.weight_manual)
        # Side by side they fit the column; in large type they stand one above the other, or the
        # column would grow past the window's edge.
        row = QVBoxLayout() if type_scale() > 1 else QHBoxLayout()
        row.addWidget(self.reweigh)
        row.addWidget(self.override_button)
        lay.addLayout(row)
        self.override_panel = OverridePanel(self)
        self.override_panel.confirmed.connect(self._verify_override)
        self.override_panel.cancelled.connect(self._close_panels)
        left.insertWidget(left.indexOf(self.feedback) + 1, self.override_panel)
        right.addWidget(box)

        box, lay = _panel("packer_carrier", self.tr("Carrier"), self)
        self.carrier_label = QLabel(box)
        self.carrier_label.setObjectName("packer_carrier")
        self.carrier_label.setWordWrap(True)
        self.carrier_change = self._button("packer_carrier_change", self.tr("Change carrier…"), "F7",
                                           self._open_carrier)
        lay.addWidget(self.carrier_label)
        lay.addWidget(self.carrier_change)
        self.carrier_panel = CarrierPanel(self)
        self.carrier_panel.chosen.connect(self._carrier_chosen)
        self.carrier_panel.cancelled.connect(self._close_panels)
        # A dialog over the bench (window-modal), not a panel of its crowded left column.
        right.addWidget(box)

        box, lay = _panel("packer_parcel", self.tr("Parcels"), self)
        self.parcels = QLabel(box)
        self.parcels.setObjectName("packer_parcels")
        # Closed parcels' lines (code · carton · units · weight · tracking) wrap: never wider than the column,
        # or the side column would be pushed off the window.
        self.parcels.setWordWrap(True)
        self.parcels.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.close_parcel = self._button("packer_close_parcel", self.tr("Close parcel, start the next"),
                                         "F8", self._close_parcel)
        row = QHBoxLayout()  # one row: the checklist above keeps its height
        row.addWidget(self.parcels, 1)
        row.addWidget(self.close_parcel, 1)
        lay.addLayout(row)
        # Under the checklist: the units go into the parcel, and the side column keeps room for its panels.
        left.insertWidget(left.indexOf(self.waiting), box)

        self.print_button = self._button("packer_print", self.tr("Print labels + slip"), "F9",
                                         self._print)
        self.print_button.setMinimumHeight(64)
        self.print_status = QLabel(self)
        self.print_status.setObjectName("packer_print_status")
        self.print_status.setWordWrap(True)
        # A long printer error wraps inside the column: it never widens the column past the window.
        self.print_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        right.addStretch(1)
        side = QVBoxLayout()
        side.setSpacing(8)
        side.addWidget(vertical_scroll(panels, "packer_panels_scroll", self), 1)
        side.addWidget(self.print_button)
        side.addWidget(self.print_status)

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(side, 2)
        self.body.addLayout(columns, 1)
        self.setFocusProxy(self.scan)
        # Its colours and sizes are in the theme's style sheet (resources/styles/*.qss).

    def _button(self, name: str, text: str, key: str, slot) -> QPushButton:  # noqa: ANN001
        button = QPushButton(with_shortcut(text, key), self)
        button.setObjectName(name)
        button.setMinimumHeight(48)
        button.setShortcut(QKeySequence(key))
        button.clicked.connect(slot)
        return button

    # --- loading -----------------------------------------------------------------------------

    def load_op(self):  # noqa: ANN201
        return lambda uow: count_by_status(uow)[OrderStatus.PICKED]

    def show_data(self, data: object) -> None:
        self.waiting_orders = int(data)  # type: ignore[arg-type]
        self.waiting.setText(self.tr("Picked, waiting to pack: %n order(s)", "", self.waiting_orders))

    # --- scans -------------------------------------------------------------------------------

    def _typed_in_scan_field(self) -> None:
        """Enter in the scan field: a scan typed by hand, unless it is a number a person meant as grams."""
        text = self.scan.text().strip()
        if GRAMS_TYPED.fullmatch(text):
            # Not a barcode (no barcode is this short) and never read as GS1: grams go in their own field.
            self.scan.clear()
            self.result.clear()
            self.weight_manual.setText(text)
            self.weight_manual.setFocus()
            self.feedback.info(self.tr("{text} is not a barcode. Grams go in the weight field: press Enter there.")
                               .format(text=text))
            return
        self.on_scan(text)

    def on_scan(self, raw: str) -> bool:
        self.scan.clear()
        if not raw.strip():
            return False
        try:
            scan = decode_scan(raw)
        except ScanRejected as exc:
            self.feedback.refused(error_text(exc))
            self.result.show_message(error_text(exc), "error")
            return True
        if isinstance(scan, BadgeScan) and self.override_panel.isVisible():
            self.override_panel.badge_scanned(scan.code)
            self.feedback.info(self.tr("Badge read: now give the reason."))
        elif isinstance(scan, (ToteScan, OrderScan)):
            self._open_order(scan)
        elif isinstance(scan, ItemScan):
            self._item(scan)
        else:
            text = self.tr("Scan a tote, an order or an item here.")
            self.feedback.refused(text)
            self.result.show_message(text, "error")
        return True

    def _open_order(self, scan: ToteScan | OrderScan) -> None:
        try:
            self.bench.check_can_open()
        except BenchRefused as exc:
            if exc.reason == FINISH_PARCEL_FIRST:
                self.feedback.refused(self.tr("Finish this parcel first: %n unit(s) in it.", "", exc.units))
            else:  # PARCELS_KEPT
                self.feedback.refused(self.tr("This order's %n kept parcel(s) wait for the database: their labels "
                                              "print first.", "", exc.units))
            return
        today = self.today()
        what = (self.tr("Tote {code}: opening…").format(code=scan.code) if isinstance(scan, ToteScan)
                else self.tr("Order {code}: opening…").format(code=scan.order_no))
        self.feedback.info(self.tr("Opening…"))
        self.result.show_message(what, "info")
        self.runner.run(lambda uow: packing.open_for_packing(uow, scan, today=today), self._opened,
                        self._open_failed, actor=self.actor, owner=self)

    def _opened(self, view: packing.PackView) -> None:
        self._resuming = None
        units = self.bench.open(view)
        self.result.clear()
        self.print_status.clear()
        self._close_panels()
        kept = self.sync.journal.take_handover(HANDOVER, view.order_no) if not self.sync.journal.closed else None
        taken = self.bench.resume(kept) if kept else 0
        if taken:
            self.feedback.info(self.tr("Order {order}: %n unit(s) already in the parcel, as the last packer left it.",
                                       "", taken).format(order=view.order_no))
        else:
            self.feedback.info(self.tr("Order {order}: scan each of the %n unit(s).", "", units)
                               .format(order=view.order_no))
        self._show_state()
        self.order_opened.emit(view.order_no)
        self._print_single_unit()

    # --- handing over ----------------------------------------------------------------------------

    def _offer_handover(self) -> None:
        """A parcel someone left half-packed at this station: it opens here, with its units and weight."""
        if self.sync.journal.closed:
            return
        kept = self.sync.journal.handovers(HANDOVER)
        if not kept:
            return
        order_no, who, payload = kept[0]
        self._resuming = order_no
        self.result.show_message(self.tr("{who} left order {order} half-packed ({tote}): carry on where they stopped.")
                                 .format(who=who.get("display_name") or who.get("login", "?"), order=order_no,
                                         tote=payload.get("tote") or "—"), "info")
        self._open_order(OrderScan(order_no))

    def may_sign_out(self) -> bool:
        """Mid-pack: ask; signing out keeps the open parcel's units and weight for the next packer."""
        work = self.bench.handover()
        if work is None:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Sign out mid-pack?"), self.tr(
            "Order {order} has %n unit(s) in its open parcel. Sign out and keep them (and the weight) for "
            "the next packer at this station?", "", len(work["units"])).format(order=work["order_no"]), parent=self)
        box.setObjectName("packer_sign_out_question")
        keep = box.addButton(self.tr("Sign out, keep the work"), QMessageBox.ButtonRole.AcceptRole)
        keep.setObjectName("packer_sign_out_keep")
        stay = box.addButton(self.tr("Stay signed in"), QMessageBox.ButtonRole.RejectRole)
        stay.setObjectName("packer_sign_out_stay")
        box.setDefaultButton(stay)
        box.exec()
        chosen = box.clickedButton()
        box.deleteLater()
        return chosen is keep  # the work is kept as the bench goes (`stop`)

    def _keep_work(self) -> None:
        """The open parcel's units and weight into the station journal, for the next packer here."""
        work = self.bench.handover()
        if work is not None and not self.sync.journal.closed:
            self.sync.journal.hand_over(self.actor, HANDOVER, work["order_no"], work)

    def use_devices(self, printer, scale) -> None:  # noqa: ANN001
        """Settings saved: the next print goes to the printer they name; the scale they name weighs."""
        self.printer = printer
        if scale is not self.scale:
            if self.scale is not None:
                try:
                    self.scale.weighed.disconnect(self.on_weighed)
                    self.scale.scale_failed.disconnect(self._scale_failed)
                except (RuntimeError, TypeError):  # the old reader thread is already gone
                    pass
            self.scale = scale
            if scale is not None:
                scale.weighed.connect(self.on_weighed)
                scale.scale_failed.connect(self._scale_failed)
        self.print_status.clear()
        self._show_state()

    def _print_single_unit(self) -> None:
        """一单一件: a one-unit order prints as soon as its unit is in and weighed right, no key needed."""
        if self.bench.single_unit() and self.bench.expects() is Expect.PRINT and self.can_print():
            self._print()

    def _open_failed(self, exc: BaseException) -> None:
        resuming, self._resuming = self._resuming, None
        if resuming is not None and isinstance(exc, PickdeskError) and not isinstance(exc, DatabaseUnavailable) \
                and not self.sync.journal.closed:
            # The order left the bench's hands meanwhile (packed elsewhere, cancelled …): the kept units
            # are of no use; they go, with the reason shown, rather than come back at every sign-in.
            self.sync.journal.take_handover(HANDOVER, resuming)
        self._refuse_error(exc)

    def _item(self, scan: ItemScan) -> None:
        try:
            packed = self.bench.scan_unit(scan.gtin, scan.lot, scan.expiry)  # the contents changed: weigh again
        except BenchRefused:
            self.feedback.refused(self.tr("Scan a tote or order first."))
            return
        except UnitRefused as exc:
            self.feedback.refused(error_text(exc))
            return
        self.result.clear()  # an earlier refusal's box goes once the bench moves on
        lot = f" · {packed.unit.lot}" if packed.unit.lot else ""
        self.feedback.good(f"{bilingual(packed.name, packed.name_zh)}{lot} — {packed.packed}/{packed.qty}")
        self._show_state()
        self._print_single_unit()

    # --- weight ------------------------------------------------------------------------------

    def on_weighed(self, reading: ScaleReading) -> None:
        """A stable reading from the scale (or typed in)."""
        if not reading.stable:
            return
        weighed = self.bench.weigh(reading.grams)
        if isinstance(weighed, NothingToWeigh):
            self.feedback.info(self.tr("Scale: {weight}, but nothing is in the parcel yet.")
                               .format(weight=weight(weighed.grams)))
            return
        self.result.clear()
        note = weighed.verdict.describe()
        if weighed.verdict.ok:
            self.feedback.good(bilingual(note.en, note.zh))
        else:
            self.feedback.refused(bilingual(note.en, note.zh))
        self._show_state()
        self._print_single_unit()

    def _manual_weight(self) -> None:
        from decimal import Decimal, InvalidOperation

        text = self.weight_manual.text().strip()
        self.weight_manual.clear()
        try:
            grams = Decimal(text)
        except InvalidOperation:
            self.feedback.refused(self.tr("Type the weight in grams."))
            return
        self.on_weighed(ScaleReading(grams, True))
        self.scan.setFocus()

    def _scale_failed(self, error: BaseException) -> None:
        self.feedback.refused(error_text(error))

    def _reweigh(self) -> None:
        self.bench.reweigh()
        if self.scale is not None and isinstance(self.scale.device, MtSicsScale):
            self.scale.device.request_weight()  # a continuous scale sends by itself
        self.feedback.info(self.tr("Put the parcel on the scale."))
        self._show_state()

    # --- override ----------------------------------------------------------------------------

    def _open_override(self) -> None:
        if not self.bench.can_override():
            return
        self.carrier_panel.hide()
        self.override_panel.open()

    def _verify_override(self, who: str, pin: str, reason: str) -> None:
        self.runner.run(lambda uow: packing.verify_supervisor(uow, who, pin or None),
                        lambda actor: self._overridden(actor, reason), self._override_failed,
                        actor=self.actor, owner=self)

    def _overridden(self, supervisor, reason: str) -> None:  # noqa: ANN001
        self.bench.overridden(packing.WeightOverride(supervisor, reason))
        self.override_panel.hide()
        self.feedback.good(self.tr("Override by {who}: {why}").format(who=supervisor.display_name, why=reason))
        self._show_state()
        self.scan.setFocus()

    def _override_failed(self, exc: BaseException) -> None:
        text = error_text(exc)
        self.override_panel.show_error(text)
        self.feedback.refused(text)

    # --- carrier -----------------------------------------------------------------------------

    def _open_carrier(self) -> None:
        if not self.bench.can_change_carrier():
            return
        assert self.view is not None and self.checklist is not None
        weight, value = self.bench.parcel_weight_and_value() if self.checklist.current \
            else (self.view.expected_weight_g or 0, 0)
        options = carrier_options(self.view.carriers, self.view.destination, weight, cod=self.view.cod, value=value)
        self.override_panel.hide()
        choice = self.bench.current_carrier()
        self.carrier_panel.open(options, choice, {c.code: bilingual(c.name, c.name_zh) for c in self.view.carriers})

    def _carrier_chosen(self, carrier: str, service: str, reason: str) -> None:
        self.bench.choose_carrier(carrier, service, reason)
        self._close_panels()
        self._show_state()

    def _close_panels(self) -> None:
        self.override_panel.hide()
        if self.carrier_panel.isVisible():
            self.carrier_panel.hide()
            self.window().activateWindow()  # the bench's keys (F5…F9) are the window's again
        self.scan.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if event.key() == Qt.Key.Key_Escape and (self.override_panel.isVisible() or self.carrier_panel.isVisible()):
            self._close_panels()
            return
        super().keyPressEvent(event)

    # --- what blocks -------------------------------------------------------------------------

    # The bench's state and rules, read where tests and the main window look for them.

    @property
    def view(self) -> packing.PackView | None:
        return self.bench.view

    @property
    def checklist(self) -> PackChecklist | None:
        return self.bench.checklist

    @property
    def verdict(self) -> WeightVerdict | None:
        return self.bench.verdict

    @property
    def override(self) -> packing.WeightOverride | None:
        return self.bench.override

    @property
    def order_packed(self) -> bool:
        return self.bench.order_packed

    @property
    def jobs(self) -> dict[int, str]:
        return self.bench.jobs

    def blockers(self) -> list[str]:
        """Why the current parcel cannot be closed (empty: it can), in the station's language."""
        return [translate("PackerWorkspace", BLOCKERS[b]) for b in self.bench.blockers()]

    def can_close(self) -> bool:
        return self.bench.can_close()

    def can_print(self) -> bool:
        return self.bench.can_print()

    def in_the_middle(self) -> bool:
        """An order on the bench until its labels have printed: its checklist, parcels and print jobs live here."""
        return self.bench.in_the_middle()

    def failed_documents(self) -> list[str]:
        """What F9 prints again (see `PackBench.failed_documents`)."""
        return self.bench.failed_documents()

    def _show_state(self) -> None:
        bench = self.bench
        checklist, view = bench.checklist, bench.view
        self._reserve_weight_lines()
        self.table.show_checklist(checklist)
        if view is None or checklist is None:
            self.order_label.setText(self.tr("No order on the bench."))
            for label in (self.carton, self.fragile_notes, self.weight, self.carrier_label, self.parcels):
                label.clear()
            self.fragile_notes.setToolTip("")
            self.print_button.setEnabled(False)
            self.close_parcel.setEnabled(False)
            self.override_button.setEnabled(False)
            self.carrier_change.setEnabled(False)
            self.reweigh.setEnabled(False)
            self.notes.hide()
            self._show_heading()
            self.state_changed.emit()
            return
        where = f" · {view.tote}" if view.tote else ""
        priority = translate("PackerWorkspace", PRIORITIES[view.priority_class]) \
            if view.priority_class in PRIORITIES else view.priority_class
        flags = (" · 🎁 " + self.tr("gift") if view.gift else "") + \
            (" · " + self.tr("cash on delivery") if view.cod else "")
        self.order_label.setText(f"<b>{view.order_no}</b>{where} · {priority}{flags}<br>"
                                 f"{view.recipient} · {view.phone} · {view.city}")
        if self.order_packed or bench.expects() is Expect.DATABASE:
            self.carton.setText(self.tr("All parcels closed"))
            self.fragile_notes.clear()
            self.fragile_notes.setToolTip("")
        else:
            items = bench.carton_items()
            choice = suggest_carton(items)
            full = self.tr("{percent}% full").format(percent=number(round(choice.fill * 100)))
            self.carton.setText(f"<b>{choice.carton.describe()}</b> · {full}")
            # Short on screen (the bench is busy); the full instructions are in the tooltip and docs/packing.md.
            notes = self._carton_notes(choice, items)
            short = ""
            if notes:
                short = f"⚠ {notes[0]}"
                if any(n in choice.notes for n in FRAGILE_NOTES):
                    short += "<br>" + self.tr("Bubble wrap · fill the gaps · FRAGILE sticker")
            self.fragile_notes.setText(short)
            self.fragile_notes.setToolTip("\n".join(notes))
            self.fragile_notes.setVisible(bool(notes))
        # Weight: expected and measured, the verdict, an override (one line each).
        if checklist.current and not self.order_packed:
            expected = bench.expected_weight()
            if self.verdict is None:
                lines = [self.tr("Expected {expected} · not weighed yet").format(expected=weight(expected))]
                state = "none"
            else:
                v = self.verdict
                lines = [self.tr("Expected {expected} · measured {measured}")
                         .format(expected=weight(v.expected_g), measured=weight(v.measured_g))]
                tolerance = number(v.tolerance_g)
                if v.ok:
                    lines.append(self.tr("OK: {difference} g, within ±{tolerance} g")
                                 .format(difference=_signed(v.difference_g), tolerance=tolerance))
                elif v.difference_g > 0:
                    lines.append(self.tr("{difference} g heavier than expected (±{tolerance} g)")
                                 .format(difference=number(v.difference_g), tolerance=tolerance))
                else:
                    lines.append(self.tr("{difference} g lighter than expected (±{tolerance} g)")
                                 .format(difference=number(-v.difference_g), tolerance=tolerance))
                state = "ok" if v.ok else "bad"
                if self.override is not None:
                    lines.append(self.tr("Override by {who}: {why}").format(
                        who=self.override.supervisor.display_name, why=self.override.reason))
                    state = "ok"
        elif bench.expects() is Expect.DATABASE:
            lines, state = [self.tr("Kept here: the labels print when\nthe database is back.")], "none"
        else:
            lines, state = [self.tr("Scan units into the parcel, then weigh it.")], "none"
        self.weight.setText("\n".join(lines))
        self._reserve_weight_lines()  # a long override reason wraps: the box grows rather than clip it
        self.weight.setProperty("verdict", state)
        self.weight.style().unpolish(self.weight)
        self.weight.style().polish(self.weight)
        # Carrier.
        rule = bench.rule_choice()
        current = bench.current_carrier()
        if current is None:
            self.carrier_label.setText(self.tr("No carrier can take this parcel."))
        else:
            label = self._service_label(*current)
            if bench.carrier_changed() is not None:
                why = self.tr("Changed by the packer: {reason} (the rules chose {carrier} · {service})").format(
                    reason=html.escape(bench.carrier_reason or ""), carrier=self._carrier_name(rule.carrier),
                    service=service_label(rule.service))
            elif rule is not None:
                why = self._rule_reason(rule)
            else:
                why = ""
            self.carrier_label.setText(f"<b>{label}</b><br>{why}")
        # Parcels.
        closed = bench.parcels
        lines = [self.tr("#{seq} {code} · {carton} · %n unit(s) · {weight} · {tracking}", "", p.units).format(
            seq=p.seq, code=p.code, carton=p.carton, tracking=p.tracking_no or "—",
            weight=weight(p.actual_weight_g) if p.actual_weight_g is not None else "—") for p in closed]
        lines += [self.tr("#{seq} kept here · waits for the database").format(seq=len(closed) + n) for n in range(1, len(bench.kept) + 1)]
        if not self.order_packed and bench.expects() is not Expect.DATABASE:
            lines.append(self.tr("#{seq} open: {packed} in it, {missing} to scan")
                         .format(seq=len(closed) + len(bench.kept) + 1, packed=len(checklist.current),
                                 missing=checklist.missing_units))
        self.parcels.setText("\n".join(lines))
        blockers = self.blockers()
        self.close_parcel.setEnabled(self.can_close())
        self.print_button.setEnabled(self.can_print())
        self.print_button.setToolTip("" if self.can_print() else " · ".join(blockers))
        self.override_button.setEnabled(bench.can_override())
        self.carrier_change.setEnabled(bench.can_change_carrier())
        self.reweigh.setEnabled(bench.can_reweigh())
        self._show_heading()
        self.state_changed.emit()

    def _show_heading(self) -> None:
        """What the bench expects next, as the heading; the four steps with the current one marked; the
        print button marked when printing is next."""
        expects = self.bench.expects()
        self.prompt.setText(translate("PackerWorkspace", HEADINGS[expects]))
        self.prompt.setProperty("expects", expects.value)
        parts = []
        for stages, name in STEPS:
            text = html.escape(translate("PackerWorkspace", name))
            parts.append(f"<b><u>{text}</u></b>" if expects in stages else text)
        self.steps.setText(" → ".join(parts))
        nxt = expects in (Expect.PRINT, Expect.REPRINT) and self.print_button.isEnabled()
        if self.print_button.property("next") != nxt:
            self.print_button.setProperty("next", nxt)
            self.print_button.style().unpolish(self.print_button)
            self.print_button.style().polish(self.print_button)
        view = self.bench.view
        if view is not None and view.gift and not self.order_packed:
            self.notes.setText("🎁 " + self.tr("Gift order: put in the gift card, leave out the price list and invoice."))
            self.notes.show()
        else:
            self.notes.hide()

    def _reserve_weight_lines(self) -> None:
        """Keep room for the weight box's three lines (expected and measured, the verdict, an override)
        in the label's current font, Chinese or Latin: the box keeps its height as the verdict comes and
        goes, so nothing is clipped while the layout catches up and the buttons below never move."""
        sample = "\n".join(["Ag 国"] * WEIGHT_LINES)  # measures Latin and CJK line heights, never shown
        bounds = self.weight.fontMetrics().boundingRect(QRect(0, 0, 10_000, 10_000), Qt.AlignmentFlag.AlignLeft, sample)
        width = self.weight.width()
        needed = self.weight.heightForWidth(width) if width > 0 and self.weight.text() else 0
        height = max(bounds.height(), needed)
        if height != self.weight.minimumHeight():
            self.weight.setMinimumHeight(height)
            # Lay the box and what holds it out now, inner to outer: left to the event loop, nested
            # layouts catch up one level per pass and the field below would sit over the text meanwhile.
            widget = self.weight.parentWidget()
            while widget is not None and widget is not self.parentWidget():
                if widget.layout() is not None:
                    widget.layout().activate()
                widget = widget.parentWidget()

    def _carton_notes(self, choice, items: list) -> list[str]:  # noqa: ANN001 - a CartonChoice, PackItems
        """The domain's carton notes (`suggest_carton`) in the station's language, with product names."""
        assert self.checklist is not None
        notes = []
        if not choice.fits:
            notes.append(self.tr("Nothing fits one carton: use {carton} and split into more parcels.")
                         .format(carton=choice.carton.code))
        if any(n in choice.notes for n in FRAGILE_NOTES):
            by_sku = {ln.sku: ln for ln in self.checklist.lines.values()}
            names = sorted({bilingual(by_sku[i.sku].name, by_sku[i.sku].name_zh)
                            for i in items if i.fragile and i.qty > 0 and i.sku in by_sku})
            notes.append(self.tr("Fragile: {names}").format(names=QLocale().createSeparatedList(names)))
            notes += [bilingual(n.en, n.zh) for n in FRAGILE_NOTES]
        return notes

    def _rule_reason(self, rule: CarrierChoice) -> str:
        """Why the rules chose this service (`choose_carrier`), and which carriers could not take the parcel."""
        assert self.view is not None
        limit = DAYS_FOR_PRIORITY.get(self.view.priority_class)
        cost, days = money(rule.cost), days_text(rule.days)
        if limit is None:
            why = self.tr("Cheapest: {cost}, {days}").format(cost=cost, days=days)
        elif rule.days <= limit:
            priority = translate("PackerWorkspace", PRIORITIES.get(self.view.priority_class, ""))
            why = self.tr("Cheapest within {limit} ({priority}): {cost}, {days}").format(
                limit=days_text(limit), priority=priority or self.view.priority_class, cost=cost, days=days)
        else:
            why = self.tr("No service arrives within {limit}: the fastest takes {days}, {cost}").format(
                limit=days_text(limit), days=days, cost=cost)
        lines = [why]
        for code in sorted({o.carrier for o in rule.options if not o.eligible}):
            refused = next(o.refused for o in rule.options if o.carrier == code and o.refused is not None)
            lines.append(self.tr("{carrier}: {why}").format(carrier=self._carrier_name(code),
                                                              why=bilingual(refused.en, refused.zh)))
        return "<br>".join(lines)

    def _carrier_name(self, code: str) -> str:
        assert self.view is not None
        return next((bilingual(c.name, c.name_zh) for c in self.view.carriers if c.code == code), code)

    def _service_label(self, carrier: str, service: str) -> str:
        assert self.view is not None
        for c in self.view.carriers:
            if c.code == carrier:
                svc = c.definition.get("services", {}).get(service, {})
                cost = ""
                if self.checklist is not None and self.checklist.current:
                    grams, value = self.bench.parcel_weight_and_value()
                    for o in carrier_options([c], self.view.destination, grams, cod=self.view.cod, value=value):
                        if o.service == service and o.cost is not None:
                            cost = f" · {money(o.cost)}"
                elif self.view.carrier and (self.view.carrier.carrier, self.view.carrier.service) == (carrier, service):
                    cost = f" · {money(self.view.carrier.cost)}"
                days = f" · {days_text(int(svc['days']))}" if "days" in svc else ""
                return f"{bilingual(c.name, c.name_zh)} · {service_label(service, svc.get('label'))}{days}{cost}"
        return f"{carrier} {service}"

    # --- closing and printing ----------------------------------------------------------------

    def _keep_parcel(self, *, then_print: bool) -> None:
        """Close the parcel as the picker confirms a pick: kept in the station journal first, then
        recorded by the station's sync; the answer comes back in `_replayed`."""
        r: PackRequest = self.bench.pack_request()
        payload = pack_payload(r.order_no, r.contents, r.carton, r.measured_g, r.carrier, r.service,
                               override=r.override, carrier_reason=r.carrier_reason, today=r.today)
        self._set_busy(True)
        self._closing[r.action_id] = then_print
        try:
            self.sync.record(self.actor, "pack", payload, action_id=r.action_id)
        except Exception as exc:  # noqa: BLE001 - the station's own disk refused: nothing was kept
            self._closing.pop(r.action_id, None)
            self._failed(exc)

    def _close_parcel(self) -> None:
        if not self.can_close():
            return
        self._keep_parcel(then_print=False)

    def _replayed(self, report: SyncReport) -> None:
        """What the station's sync did with the packer's parcels (and the others' actions, ignored)."""
        for action_id in report.applied_of(PACKER_KINDS):
            parcel = report.outcomes[action_id]
            if action_id in self._closing:
                self._parcel_packed(parcel, self._submit_print if self._closing.pop(action_id) else None)
            elif action_id in self.bench.kept:
                self._parcel_packed(parcel, action_id=action_id)
        for conflict in report.conflicts_of(PACKER_KINDS):
            if conflict.action_id in self._closing or conflict.action_id in self.bench.kept:
                self._closing.pop(conflict.action_id, None)
                if conflict.action_id in self.bench.kept:
                    self.bench.kept.remove(conflict.action_id)
                self._failed(conflict.error or PickdeskError(conflict.message, conflict.message))
        if report.retry and self._closing:  # the database is away: the parcels are kept, the next one starts
            for action_id, then_print in list(self._closing.items()):
                self.bench.parcel_kept(action_id, then_print=then_print)
            self._closing.clear()
            self._set_busy(False)
            self.feedback.info(self.tr("Offline: %n parcel(s) kept here; labels print later.", "",
                                       len(self.bench.kept)))

    def _parcel_packed(self, parcel: packing.ParcelView, then: Callable[[], None] | None = None, *,
                       action_id: str | None = None) -> None:
        if self.bench.parcel_packed(parcel, action_id):  # the last kept parcel: the print asked for goes now
            then = self._submit_print
        self._set_busy(False)
        if parcel.tracking_no:
            self.feedback.good(self.tr("Parcel {seq} closed: {code} · {tracking}")
                               .format(seq=parcel.seq, code=parcel.code, tracking=parcel.tracking_no))
        else:  # the carrier could not be asked: the label waits for its number, none is made up
            self.feedback.info(self.tr("Parcel {seq} closed: {code} · waiting for the carrier's waybill number")
                               .format(seq=parcel.seq, code=parcel.code))
        self.parcel_closed.emit(parcel.code)
        if then is not None:
            then()

    def _print(self) -> None:
        if not self.can_print():
            return
        if self.printer is None:
            self.print_status.setText(self.tr("No printer set up: File → Settings → Label printer."))
            self.feedback.refused(self.print_status.text())
            return
        if self.order_packed:
            self._submit_print()
        else:
            self._keep_parcel(then_print=True)

    def _submit_print(self) -> None:
        assert self.view is not None
        self._set_busy(True)
        order_no, queue, printer = self.view.order_no, self.queue, self.printer
        again = self.bench.reprint()
        if again is not None:  # only what failed: a label printed twice could end up on two parcels
            label_seqs, slip = again.label_seqs, again.slip

            def op(uow):  # noqa: ANN001, ANN202
                parts = [packing.print_documents(uow, order_no, queue, printer, parcel=seq, slip=False)
                         for seq in label_seqs]
                if slip:
                    parts.append(packing.print_documents(uow, order_no, queue, printer, labels=False))
                return packing.PrintSubmission(order_no, tuple(j for part in parts for j in part.jobs),
                                               next((p.note for p in parts if p.note is not None), None))
            self.print_status.setText(self.tr("Printing again what failed…"))
            self.runner.run(op, lambda sub: self._submitted(sub, replacing=again.codes), self._failed,
                            actor=self.actor, owner=self)
            return
        self.print_status.setText(self.tr("Sending to the printer…"))
        self.runner.run(lambda uow: packing.print_documents(uow, order_no, queue, printer), self._submitted,
                        self._failed, actor=self.actor, owner=self)

    def _submitted(self, submission: packing.PrintSubmission, replacing: tuple[str, ...] | None = None) -> None:
        self.bench.submitted([(job, code) for job, code, _title in submission.jobs], replacing)
        if submission.note is not None:
            self.result.show_message(bilingual(submission.note.en, submission.note.zh), "info")
        self._set_busy(False)
        self._show_print_status()
        self.print_timer.start()

    def _poll_jobs(self) -> None:
        if self._polling or not self.jobs:
            return
        self._polling = True
        queue, ids = self.queue, set(self.jobs)
        self.runner.call(lambda: {j.id: (j.state, j.last_error) for j in queue.list_jobs(limit=200) if j.id in ids},
                         self._jobs_polled, lambda exc: setattr(self, "_polling", False), owner=self)

    def _jobs_polled(self, states: dict[int, tuple[str, str | None]]) -> None:
        self._polling = False
        progress = self.bench.jobs_polled(states)
        self._show_print_status()
        self._show_heading()  # printing → the next order (or print again what failed)
        if progress.newly_printed:
            newly_printed = list(progress.newly_printed)
            self.runner.run(lambda uow: packing.record_labels_printed(uow, newly_printed), None, self._failed,
                            actor=self.actor, owner=self)
        if progress.all_labels_printed:
            self.print_timer.stop()
            assert self.view is not None
            self.feedback.good(self.tr("Labels printed: put them on the parcels."))
            self.printed.emit(self.view.order_no)
        elif progress.settled:
            self.print_timer.stop()
            self._show_state()  # F9 prints again what failed

    def _show_print_status(self) -> None:
        lines = []
        errors = self.bench.job_errors
        for job, code in self.bench.jobs.items():
            state = self.bench.job_states.get(job, "queued")
            word = (translate("PackerWorkspace", PRINT_STATES[state]) if state in PRINT_STATES else state) \
                + PRINT_MARKS.get(state, "")
            line = (self.tr("Packing slip: {state}").format(state=word) if code == SLIP
                    else self.tr("Label {code}: {state}").format(code=code, state=word))
            if state in ("retrying", "failed") and errors.get(job):
                line += f" — {errors[job]}"
            lines.append(line)
        self.print_status.setText("\n".join(lines))

    def _job_failed(self, job: PrintJob) -> None:
        """On the GUI thread: a job failed for good — record an exception a supervisor sees."""
        self.bench.job_failed(job.id)
        self._show_print_status()
        self.feedback.refused(self.tr("Printing failed, the supervisors are told: {error}\n"
                                      "Mend the printer, then press F9 to print what failed.")
                              .format(error=job.last_error))
        self._show_state()  # the print button is back for what failed
        self.runner.run(lambda uow: packing.report_print_failure(uow, job), self.print_failed.emit, self._failed,
                        actor=self.actor, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, WaitingForWaybill):  # the carrier's number is not in yet: amber, not a refusal
            text = error_text(exc)
            self.feedback.check(text)
            self.result.show_message(text, "info")
            self._show_state()
            return
        self._refuse_error(exc)

    def _refuse_error(self, exc: BaseException) -> None:
        text = error_text(exc)
        if isinstance(exc, OrderCancelled):  # refused like a wrong item: short on the panel, what goes back below
            backs = [p.line_text() for p in exc.put_backs if p.status == "open"]
            self.feedback.refused(self.tr("Cancelled — do not pack"))
            if backs:
                text = self.tr("Order {order} was cancelled. Put the units back: {units}").format(
                    order=exc.order_no, units="; ".join(bilingual(en, zh) for en, zh in backs))
        else:
            self.feedback.refused(text)
        self.result.show_message(text, "error")
        self._show_state()

    def _set_busy(self, busy: bool) -> None:
        self.bench.busy = busy
        self._show_state()

    def stop(self) -> None:
        """The bench goes; the station's sync, print queue and scale stay (they are the station's). A
        parcel in the making is kept for the next packer (signed out mid-pack, the window closed)."""
        self._keep_work()
        self.sync.replayed.disconnect(self._replayed)
        self.printing.job_failed.disconnect(self._job_failed)
        if self.scale is not None:
            self.scale.weighed.disconnect(self.on_weighed)
            self.scale.scale_failed.disconnect(self._scale_failed)
        super().stop()
        self.print_timer.stop()

