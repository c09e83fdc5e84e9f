"""The picker's workstation: the next batch, the route (list and map), and scanning at the shelf.

A scan is judged on the GUI thread by `desktop.domain.picking.PickSession` against the batch in
memory (well under a millisecond), so the feedback panel turns green or red at once whatever the
network does. Each confirmed action is first kept in the station's journal (desktop.station.journal: on
this machine, durable, with its own id) and only then answered; the station's sync (one for every
workspace, `ui.sync.QtStationSync` over `desktop.station.sync.StationSync`) replays the journal to the
central database off the GUI thread, in order. While the database is out of reach the picker goes
on with the batch in hand and the screen says how many actions wait; an action that no longer fits
(the batch was reassigned meanwhile) becomes a conflict on the supervisor's console, never a drop.

The change feed is watched while the workspace lives: a batch reassigned away from this picker
sends a picker between stops back to "Next batch"; a picker in the middle of a stop is told and
may finish it. A batch a supervisor assigns to this picker is shown when the picker is free.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QIntValidator, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import PickdeskError
from desktop.domain.lifecycle import OrderStatus
from desktop.domain.picking import (
    AlreadyHere,
    LocationConfirmed,
    PickRefused,
    PickSession,
    PickStop,
    PutExpected,
    Step,
    StopComplete,
    ToteDroppedOff,
    ToteOffered,
    ToteOnCart,
    UnitTaken,
)
from desktop.domain.roles import Role
from desktop.services import picking
from desktop.domain.events import BatchAssigned, BatchOrderCancelled, BatchReassigned, OrderChange
from desktop.services.feed import FeedEntry
from desktop.services.orders import count_by_status
from desktop.station.sync import SyncReport
from ui.feedback import ScanFeedback
from ui.appearance import colour, pixels, points
from ui.errors import error_text
from ui.i18n import bilingual, long_date, number, with_shortcut
from ui.live import ChangeFeedWatcher
from ui.widgets.pick_stops import ShortPickDialog, StopsTable
from ui.widgets.route_map import MapStop, RouteMap
from ui.workspaces.base import Workspace, WorkspaceContext

# What this workspace keeps in the station journal (desktop.station.actions applies them).
PICKER_KINDS = frozenset({"pick", "refusal", "short"})


class PickerWorkspace(Workspace):
    """Object names: `workspace_picker`, `picker_pages` (pages `picker_idle`, `picker_route`),
    `picker_ready_count`, `picker_next_batch`, `picker_note`, `picker_stops`, `picker_map`,
    `picker_current_location`, `picker_current_product`, `picker_current_qty`, `picker_current_lot`,
    `picker_current_tote`, `picker_current_order`, `picker_current_image`, `picker_progress`,
    `scan_feedback`, `picker_qty`, `picker_short`, `picker_status`, `picker_take_totes` (take the
    suggested totes at the cart), `picker_side` (pages `picker_route_split`, `picker_totes`: the totes
    to put on the cart or to drop off at packing, one row each, `done` in the row's data when scanned).

    A batch walks: totes onto the cart (each scanned, or F6 takes the suggested ones) → at each stop
    location, item, count, and the tote the units go into (scanned) → the drop-off at packing, where
    each tote is scanned; the batch ends with the last one.

    Signals:
        batch_shown(str): a batch is on screen (its code).
        batch_closed(str): back to "Next batch" (why: "done", "reassigned", "empty", "cancelled": the
            batch's last open order was cancelled and nothing is left to drop off).
        cancellation_told(str): an order of the batch in hand was cancelled and the picker told (its number).
        persisted(str): a picker's action was written to the central database (its action id).
        notice(str): something the picker was told outside the feedback panel (the status line).
    """

    batch_shown = Signal(str)
    batch_closed = Signal(str)
    cancellation_told = Signal(str)
    persisted = Signal(str)
    notice = Signal(str)

    role = Role.PICKER
    object_name = "workspace_picker"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        self.batch: picking.BatchView | None = None
        self.session: PickSession | None = None
        self.ready_orders = 0
        self.waiting_batch: str | None = None
        self.reassigned_to: str | None = None
        self._loading = False
        self._callbacks: dict[str, Callable[[Any], None]] = {}
        self._finished_codes: set[str] = set()
        self._cancelled_here: set[str] = set()  # orders of the batch in hand told cancelled on this station
        super().__init__(context, parent)
        # The station's sync (one for every workspace): kept here first, replayed off the GUI thread.
        self.sync = context.sync
        self.sync.replayed.connect(self._replayed)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)  # scans only; no IME in the way
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.pages = QStackedWidget(self)
        self.pages.setObjectName("picker_pages")
        self.pages.addWidget(self._build_idle())
        self.pages.addWidget(self._build_route())
        self.body.addWidget(self.pages, 1)

        self.status = QLabel(self)
        self.status.setObjectName("picker_status")
        self.status.setWordWrap(True)
        font = self.status.font()
        font.setPointSize(points(13))
        self.status.setFont(font)
        self.body.addWidget(self.status)

        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.request_next_batch)
        QShortcut(QKeySequence(Qt.Key.Key_F8), self, self.open_short_dialog)
        QShortcut(QKeySequence(Qt.Key.Key_F6), self, self.take_suggested_totes)

        self.watcher = ChangeFeedWatcher(self.runner, interval_ms=500, parent=self)
        self.watcher.changed.connect(self._on_feed)
        self.watcher.start()

    # --- building -----------------------------------------------------------------------------

    def _build_idle(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("picker_idle")
        self.ready_count = QLabel(self.tr("Counting ready orders…"), page)
        self.ready_count.setObjectName("picker_ready_count")
        self.ready_count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.ready_count.font()
        font.setPointSize(points(16))
        self.ready_count.setFont(font)
        self.next_batch = QPushButton(with_shortcut(self.tr("Next batch"), "F5"), page)
        self.next_batch.setObjectName("picker_next_batch")
        self.next_batch.setMinimumHeight(120)
        self.next_batch.setMinimumWidth(420)
        self.next_batch.setDefault(True)
        big = self.next_batch.font()
        big.setPointSize(points(24))
        big.setBold(True)
        self.next_batch.setFont(big)
        self.next_batch.clicked.connect(self.request_next_batch)
        self.note = QLabel(self.tr("Take a cart, press Next batch, then scan: location → item → quantity."), page)
        self.note.setObjectName("picker_note")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        box = QVBoxLayout(page)
        box.addStretch(1)
        box.addWidget(self.ready_count)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.next_batch, 2)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.note)
        box.addStretch(2)
        return page

    def _label(self, name: str, parent: QWidget, size: int, bold: bool = False) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        font = label.font()
        font.setPointSize(points(size))
        font.setBold(bold)
        label.setFont(font)
        label.setWordWrap(True)
        # A wrapped label's minimum is no height at all: keep a line of its own type, so a tight
        # screen (large type on a tablet) scrolls instead of printing lines over each other.
        label.setMinimumHeight(QFontMetrics(font).lineSpacing() + 2)
        return label

    def _build_route(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("picker_route")
        # Left: the stop in hand, the feedback, the count and the short button.
        stop_box = QFrame(page)
        stop_box.setObjectName("picker_current")
        stop_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.progress = self._label("picker_progress", stop_box, 12)
        self.cur_location = self._label("picker_current_location", stop_box, 28, bold=True)
        self.cur_product = self._label("picker_current_product", stop_box, 15, bold=True)
        self.cur_qty = self._label("picker_current_qty", stop_box, 16)
        self.cur_lot = self._label("picker_current_lot", stop_box, 14)
        self.cur_tote = self._label("picker_current_tote", stop_box, 14)
        self.cur_order = self._label("picker_current_order", stop_box, 12)
        self.cur_image = QLabel(stop_box)
        self.cur_image.setObjectName("picker_current_image")
        self.cur_image.setFixedSize(96, 96)
        self.cur_image.hide()
        grid = QGridLayout(stop_box)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.addWidget(self.progress, 0, 0, 1, 2)
        grid.addWidget(self.cur_location, 1, 0, 1, 2)
        grid.addWidget(self.cur_product, 2, 0)
        grid.addWidget(self.cur_image, 2, 1, 3, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.cur_qty, 3, 0)
        grid.addWidget(self.cur_lot, 4, 0)
        grid.addWidget(self.cur_tote, 5, 0)
        grid.addWidget(self.cur_order, 6, 0)
        grid.setColumnStretch(0, 1)
        # The stop in hand never shrinks; the feedback panel takes the height that is left.
        stop_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        stop_box.setFixedHeight(pixels(318))  # steady as stops change; grows with large type
        for label in (self.progress, self.cur_location, self.cur_qty, self.cur_lot, self.cur_tote, self.cur_order):
            label.setWordWrap(False)

        self.feedback = ScanFeedback(parent=page)
        self.feedback.sounds.muted = self.context.settings.muted
        self.feedback.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        self.qty = QLineEdit(page)
        self.qty.setObjectName("picker_qty")
        self.qty.setValidator(QIntValidator(1, 9999, self.qty))
        self.qty.setPlaceholderText(self.tr("Count"))
        self.qty.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.qty.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.qty.setMinimumHeight(56)
        qfont = self.qty.font()
        qfont.setPointSize(points(18))
        self.qty.setFont(qfont)
        self.qty.setEnabled(False)
        self.qty.returnPressed.connect(self._keyed_count)
        self.short = QPushButton(with_shortcut(self.tr("Short / empty bin"), "F8"), page)
        self.short.setObjectName("picker_short")
        self.short.setMinimumHeight(56)
        self.short.clicked.connect(self.open_short_dialog)
        self.take_totes = QPushButton(with_shortcut(self.tr("Take the suggested totes"), "F6"), page)
        self.take_totes.setObjectName("picker_take_totes")
        self.take_totes.setMinimumHeight(56)
        self.take_totes.clicked.connect(self.take_suggested_totes)
        self.take_totes.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.take_totes, 2)
        actions.addWidget(self.qty, 1)
        actions.addWidget(self.short, 1)

        left = QWidget(page)
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        lbox.addWidget(stop_box)
        lbox.addWidget(self.feedback)
        lbox.addLayout(actions)

        # Right: the map over the list.
        self.map = RouteMap(page)
        self.stops = StopsTable(page)
        right = QSplitter(Qt.Orientation.Vertical, page)
        right.setObjectName("picker_route_split")  # where the picker drags it is kept per station
        right.addWidget(self.map)
        right.addWidget(self.stops)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        # … or, at the cart and at the drop-off, the batch's totes.
        self.totes = QListWidget(page)
        self.totes.setObjectName("picker_totes")
        self.totes.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # scans go to the workspace, never to a list
        tfont = self.totes.font()
        tfont.setPointSize(points(20))
        tfont.setBold(True)
        self.totes.setFont(tfont)
        self.side = QStackedWidget(page)
        self.side.setObjectName("picker_side")
        self.side.addWidget(right)
        self.side.addWidget(self.totes)

        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(left, 4)
        row.addWidget(self.side, 6)
        return page

    def in_the_middle(self) -> bool:
        """A batch in hand: its stops, the count in hand and the journal's replies live here."""
        return self.batch is not None or self._loading

    # --- the ready count (the base class's refresh) ---------------------------------------------

    def load_op(self):  # noqa: ANN201
        def op(uow):
            mine = picking.my_batch(uow)
            return count_by_status(uow)[OrderStatus.READY], (mine.code if mine else None)
        return op

    def show_data(self, data: object) -> None:
        ready, mine = data  # type: ignore[misc]
        self.ready_orders = int(ready)
        self.waiting_batch = mine
        text = self.tr("Ready to pick: %n order(s)", "", self.ready_orders)
        if mine and self.batch is None:
            text += "\n" + self.tr("Batch {code} is waiting for you").format(code=mine)
        self.ready_count.setText(text)

    # --- next batch ---------------------------------------------------------------------------

    def request_next_batch(self) -> None:
        if self._loading or (self.batch is not None and self.session is not None and not self.session.done):
            return
        self._loading = True
        self.next_batch.setEnabled(False)
        self._say(self.tr("Planning your batch…"))
        self.runner.run(lambda uow: picking.next_batch(uow), self._batch_loaded, self._batch_failed,
                        actor=self.actor, owner=self)

    def _load_batch(self, code: str) -> None:
        self._loading = True
        self.runner.run(lambda uow: picking.batch_view(uow, code), self._batch_loaded, self._batch_failed,
                        actor=self.actor, owner=self)

    def _batch_loaded(self, view: picking.BatchView) -> None:
        self._loading = False
        self.next_batch.setEnabled(True)
        self.show_batch(view)

    def _batch_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.next_batch.setEnabled(True)
        self._say(error_text(exc))

    def show_batch(self, view: picking.BatchView) -> None:
        same = self.batch is not None and self.session is not None and self.batch.code == view.code
        on_cart = self.session.on_cart if same and self.session is not None else ()  # a reload keeps the cart
        self.batch = view
        self.reassigned_to = None
        self.session = self._session(view, on_cart)
        self.stops.stops_model.set_stops(view.stops)
        self.pages.setCurrentIndex(1)
        if self.session.step is Step.CART:
            self.feedback.info(self.tr("Batch {code}: %n stop(s), {m} m. Put its totes on the cart and scan each "
                                       "(F6: take the suggested ones).", "", len(view.open_stops))
                               .format(code=view.code, m=number(round(view.distance_m))))
        else:
            self.feedback.info(self.tr("Batch {code}: %n stop(s), {m} m. Go to the first location.", "",
                                       len(view.open_stops)).format(code=view.code, m=number(round(view.distance_m))))
        self._say(self.tr("Orders: {orders}").format(orders=", ".join(view.orders)))
        self._show_current()
        self.setFocus()
        self.batch_shown.emit(view.code)
        if not view.open_stops:
            self._close_batch("empty")

    def _session(self, view: picking.BatchView, on_cart: tuple[str, ...] | list[str] = ()) -> PickSession:
        # Every tote of the batch, picked stops' too: all of them are on the cart and go to packing.
        totes = [s.tote_code for s in view.stops if s.tote_code and s.status not in ("skipped", "cancelled")]
        return PickSession(view.pick_stops(), view.today, date_text=long_date, totes=totes, on_cart=on_cart)

    def _close_batch(self, why: str) -> None:
        code = self.batch.code if self.batch else ""
        if code:
            self._finished_codes.add(code)
        self.batch = None
        self.session = None
        self.qty.setEnabled(False)
        self.pages.setCurrentIndex(0)
        self.next_batch.setEnabled(True)
        self.next_batch.setFocus()
        self.refresh()
        self.batch_closed.emit(why)

    # --- the current stop ---------------------------------------------------------------------

    def _show_current(self) -> None:
        session, view = self.session, self.batch
        if session is None or view is None:
            return
        stop = session.current
        by_task = {s.task_id: s for s in view.stops}
        order = [s.task_id for s in view.stops]
        current_index = order.index(stop.task_id) if stop is not None else None
        done_ids = {s.task_id for s in view.stops if self.stops.stops_model.status_of(s) in ("picked", "short", "skipped",
                                                                                            "cancelled")}
        self.stops.stops_model.set_progress(stop.task_id if stop else -1, None, stop.task_id if stop else None)
        self.stops.follow(stop.task_id if stop else None)
        self.map.set_route(view.layout, [MapStop(s.aisle, s.block, s.slot, s.location_code, s.task_id in done_ids)
                                         for s in view.stops], current_index)
        total = len(view.stops)
        at_the_shelf = session.step not in (Step.CART, Step.DROP_OFF)
        self.take_totes.setVisible(session.step is Step.CART)
        self.short.setVisible(at_the_shelf)
        self.qty.setVisible(at_the_shelf)
        if session.step in (Step.CART, Step.DROP_OFF):
            self._show_totes(session)
            return
        self.side.setCurrentIndex(0)
        if stop is None:
            self.progress.setText(self.tr("Batch {code} · all stops done").format(code=view.code))
            for label in (self.cur_location, self.cur_product, self.cur_qty, self.cur_lot, self.cur_tote,
                          self.cur_order):
                label.setText("")
            self.cur_location.setText(self.tr("To packing"))
            self.cur_image.hide()
            self.qty.setEnabled(False)
            return
        full = by_task[stop.task_id]
        self.progress.setText(self.tr("{code} · stop {n} of {total} · {step}").format(
            code=view.code, n=current_index + 1, total=total, step=self._step_text()))
        self.cur_location.setText(stop.location_code)
        self.cur_product.setText(f"{bilingual(full.product_name, full.product_name_zh)}\n{full.sku} · {full.gtin14}")
        in_hand = session.taken
        self.cur_qty.setText(self.tr("Take {n}   in hand {k}").format(n=stop.remaining, k=in_hand))
        if stop.lot_code:
            self.cur_lot.setText(self.tr("Lot {lot}   expires {exp}").format(lot=stop.lot_code,
                                                                        exp=long_date(stop.lot_expiry)))
        else:
            self.cur_lot.setText(self.tr("No lot"))
        if session.step is Step.PUT:
            self.cur_tote.setText(self.tr("Into tote {tote} — scan the tote").format(tote=stop.tote_code))
        elif stop.tote_code:
            self.cur_tote.setText(self.tr("Into tote {tote}").format(tote=stop.tote_code))
        else:
            self.cur_tote.setText(self.tr("No tote: into the cart's open bin"))
        self.cur_order.setText(self.tr("Order {order}").format(order=stop.order_no))
        image = full.image
        if image and Path(image).is_file():
            ratio = self.devicePixelRatioF()  # sharp on a high-DPI screen: scaled to its pixels, not 96 of them
            picture = QPixmap(image).scaled(round(96 * ratio), round(96 * ratio), Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation)
            picture.setDevicePixelRatio(ratio)
            self.cur_image.setPixmap(picture)
            self.cur_image.show()
        else:
            self.cur_image.hide()
        self.qty.setEnabled(session.step.value == "quantity")

    def _show_totes(self, session: PickSession) -> None:
        """The cart (totes to scan onto it) or the drop-off (totes to scan at packing), one row a tote."""
        view = self.batch
        assert view is not None
        at_cart = session.step is Step.CART
        done = set(session.on_cart if at_cart else session.dropped)
        self.totes.clear()
        for code in session.totes:
            orders = sorted({s.order_no for s in view.stops if s.tote_code == code})
            mark = "✔" if code in done else "☐"
            text = f"{mark}  {code}   ·   {', '.join(orders)}"
            cancelled = bool(orders) and all(o in view.cancelled_orders for o in orders)
            if cancelled and not at_cart:
                text += "\n      " + self.tr("cancelled — do not pack")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, "done" if code in done else "")
            item.setData(Qt.ItemDataRole.UserRole + 1, "cancelled" if cancelled else "")
            if cancelled and not at_cart:
                item.setForeground(colour("alert_text"))
            self.totes.addItem(item)
        for order_no in self._loose_orders():  # no tote to scan: the open bin, for the single-item lane
            item = QListWidgetItem("▫  " + self.tr("{order} · open bin, 1 unit")
                                   .format(order=order_no))
            item.setData(Qt.ItemDataRole.UserRole, "loose")
            self.totes.addItem(item)
        self.side.setCurrentIndex(1)
        for label in (self.cur_product, self.cur_qty, self.cur_lot, self.cur_tote, self.cur_order):
            label.setText("")
        self.cur_image.hide()
        self.qty.setEnabled(False)
        if at_cart:
            self.progress.setText(self.tr("{code} · the cart · {k} of {n} totes on it").format(
                code=view.code, k=len(done), n=len(session.totes)))
            self.cur_location.setText(self.tr("Totes onto the cart"))
            self.cur_product.setText(self.tr("Scan each tote as you put it on the cart (any free tote will do)."))
            self.cur_qty.setText(self.tr("Or press F6 to take the suggested totes."))
        else:
            self.progress.setText(self.tr("{code} · all stops done · {k} of {n} totes dropped off").format(
                code=view.code, k=len(done), n=len(session.totes)))
            self.cur_location.setText(self.tr("To packing"))
            self.cur_product.setText(self.tr("Take the totes to the packing drop-off."))
            self.cur_qty.setText(self.tr("Scan each tote as you leave it there."))

    def _loose_orders(self) -> list[str]:
        """Orders of the batch that ride without a tote (the cart's open bin): one-unit orders."""
        view = self.batch
        if view is None:
            return []
        toted = {s.order_no for s in view.stops if s.tote_code}
        return sorted({s.order_no for s in view.stops if s.status != "skipped"} - toted)

    def take_suggested_totes(self) -> None:
        """F6 at the cart: the suggested totes are on it, without scanning each."""
        if self.session is None or self._loading:
            return
        verdict = self.session.take_suggested_totes()
        if verdict is not None:
            self._judged(verdict)

    def _step_text(self) -> str:
        step = self.session.step.value if self.session else "done"
        return {"cart": self.tr("totes onto the cart"), "location": self.tr("scan location"),
                "item": self.tr("scan item"), "quantity": self.tr("scan or key count"),
                "put": self.tr("scan the tote"), "drop_off": self.tr("drop off the totes"),
                "done": self.tr("done")}[step]

    # --- scans --------------------------------------------------------------------------------

    def on_scan(self, raw: str) -> bool:
        session = self.session
        if session is None or self.batch is None:
            if self.pages.currentIndex() == 1:
                self.feedback.info(self.tr("Wait a moment…"))
            else:
                self._say(self.tr("Press Next batch first"))
            return True
        if self._loading:
            self.feedback.info(self.tr("Checking the tote, wait…") if session.step is Step.CART
                               else self.tr("Re-planning the route, wait…"))
            return True
        stop = session.current
        try:
            verdict = session.scan_raw(raw)
        except PickRefused as refused:
            self.feedback.refused(error_text(refused))
            if stop is not None:
                self._record_refusal(refused.reason.value, raw, stop.task_id)
            return True
        self._judged(verdict)
        return True

    def _keyed_count(self) -> None:
        if self.session is None or not self.qty.text():
            return
        try:
            verdict = self.session.key_count(int(self.qty.text()))
        except PickRefused as refused:
            self.feedback.refused(error_text(refused))
            return
        finally:
            self.qty.clear()
        self._judged(verdict)
        self.setFocus()

    def _judged(self, verdict: object) -> None:
        if isinstance(verdict, LocationConfirmed):
            self.feedback.good(self.tr("Location OK — scan the item"))
        elif isinstance(verdict, AlreadyHere):
            self.feedback.info(self.tr("You are at {loc} — scan the item").format(loc=verdict.stop.location_code))
        elif isinstance(verdict, UnitTaken):
            self.feedback.good(self.tr("{k} of {n} — scan the next unit or key the count").format(
                k=verdict.taken, n=verdict.stop.remaining))
            # The table says what the card says: the units in hand count at once, not when the stop is done.
            self.stops.stops_model.set_progress(verdict.stop.task_id, verdict.stop.picked + verdict.taken,
                                                verdict.stop.task_id)
        elif isinstance(verdict, PutExpected):
            self.feedback.good(self.tr("All {n} in hand — put them into tote {tote} and scan the tote").format(
                n=verdict.qty, tote=verdict.stop.tote_code))
            self.stops.stops_model.set_progress(verdict.stop.task_id, verdict.stop.picked + verdict.qty,
                                                verdict.stop.task_id)
        elif isinstance(verdict, ToteOnCart):
            if verdict.on_cart < verdict.of:
                self.feedback.good(self.tr("Tote {tote} is on the cart ({k} of {n}) — scan the next").format(
                    tote=verdict.code, k=verdict.on_cart, n=verdict.of))
            else:
                self.feedback.good(self.tr("All %n tote(s) on the cart — go to the first location", "", verdict.of))
        elif isinstance(verdict, ToteOffered):
            self._bind_tote(verdict)
            return
        elif isinstance(verdict, ToteDroppedOff):
            if verdict.dropped < verdict.of:
                self.feedback.good(self.tr("Tote {tote} dropped off ({k} of {n}) — scan the next").format(
                    tote=verdict.code, k=verdict.dropped, n=verdict.of))
            else:
                self._dropped_off()
                return
        elif isinstance(verdict, StopComplete):
            self._stop_complete(verdict)
            if self.session is not None and self.session.done:  # the last stop, and no tote to drop off
                loose = self._loose_orders()
                self._say(self.tr("Batch {code} done").format(code=self.batch.code if self.batch else "")
                          + ("\n" + self.tr("Open bin to the single-item packing lane: {orders}").format(
                              orders=", ".join(loose)) if loose else ""))
                self._close_batch("done")
                return
        self._show_current()
        if self.session is not None and self.session.step is Step.QUANTITY:
            self.qty.setFocus()
        else:
            self.setFocus()  # where a scan is expected, the workspace has the keys

    def _bind_tote(self, offered: ToteOffered) -> None:
        """A tote the batch was not given, scanned at the cart: the floor says whether it is free (it then
        takes the first suggested tote's place) or where it is in use."""
        assert self.batch is not None and self.session is not None
        code, on_cart = self.batch.code, list(self.session.on_cart)
        self._loading = True
        self.feedback.info(self.tr("Tote {tote}: checking it is free…").format(tote=offered.code))
        self.runner.run(lambda uow: picking.bind_tote(uow, code, offered.code, offered.replaces),
                        lambda view: self._tote_bound(offered, on_cart, view),
                        lambda exc: self._tote_refused(offered, exc), actor=self.actor, owner=self)

    def _tote_bound(self, offered: ToteOffered, on_cart: list[str], view: picking.BatchView) -> None:
        self._loading = False
        if self.batch is None or self.batch.code != view.code:
            return
        self.batch = view
        self.session = self._session(view, [*on_cart, offered.code])
        self.stops.stops_model.set_stops(view.stops)
        k, n = len(self.session.on_cart), len(self.session.totes)
        if k < n:
            self.feedback.good(self.tr("Tote {tote} is on the cart instead of {old} ({k} of {n}) — scan the next")
                               .format(tote=offered.code, old=offered.replaces, k=k, n=n))
        else:
            self.feedback.good(self.tr("Tote {tote} is on the cart instead of {old}. All %n tote(s) on the cart — "
                                       "go to the first location", "", n).format(tote=offered.code,
                                                                                  old=offered.replaces))
        self._show_current()
        self.setFocus()

    def _tote_refused(self, offered: ToteOffered, exc: BaseException) -> None:
        self._loading = False
        self.feedback.refused(error_text(exc))
        stop = self.session.current if self.session is not None else None
        if stop is not None and isinstance(exc, picking.ToteNotFree):
            self._record_refusal("tote_not_free", offered.code, stop.task_id)

    def _dropped_off(self) -> None:
        code = self.batch.code if self.batch else ""
        loose = self._loose_orders()
        self.feedback.good(self.tr("Batch {code}: every tote is at packing. Well done.").format(code=code))
        self._say(self.tr("Batch {code} done — totes at packing").format(code=code)
                  + ("\n" + self.tr("Open bin to the single-item packing lane: {orders}").format(
                      orders=", ".join(loose)) if loose else ""))
        self._close_batch("done")

    def _stop_complete(self, verdict: StopComplete) -> None:
        stop = verdict.stop
        # Kept on this station before the picker is answered: from here on it cannot be lost.
        self._keep("pick", {"task_id": stop.task_id, "qty": verdict.qty, "lot": verdict.lot_code},
                   self._pick_recorded)
        nxt = verdict.next_stop
        product, tote = self._product_name(stop.task_id, stop.product_name), stop.tote_code or "—"
        if nxt is not None:
            text = self.tr("{qty} × {product} → tote {tote}. Next: {loc}").format(
                qty=verdict.qty, product=product, tote=tote, loc=nxt.location_code)
        else:
            text = self.tr("{qty} × {product} → tote {tote}. Batch complete — take the totes to packing.").format(
                qty=verdict.qty, product=product, tote=tote)
            if self.session is not None and self.session.step is Step.DROP_OFF:
                text += "\n" + self.tr("Scan each tote at the drop-off: {totes}").format(
                    totes=", ".join(self.session.totes_to_drop))
        self.feedback.good(text)
        self.stops.stops_model.set_progress(stop.task_id, stop.picked + verdict.qty, nxt.task_id if nxt else None)
        if self.reassigned_to is not None:
            self._say(self.tr("This batch now belongs to {who}; your last stop is being checked.").format(
                who=self.reassigned_to))

    def _pick_recorded(self, outcome: picking.PickOutcome) -> None:
        if outcome.batch_done and self.batch is not None:
            # Recorded centrally; the batch ends on this station with the drop-off scans.
            self._say(self.tr("Batch {code} recorded — take the totes to packing").format(code=self.batch.code))
        elif self.reassigned_to is not None and self.session is not None and not self.session.mid_stop:
            self._leave_reassigned()

    def _record_refusal(self, reason: str, raw: str, task_id: int) -> None:
        code = self.batch.code if self.batch else ""
        self._keep("refusal", {"batch": code, "reason": reason, "raw": raw[:200], "task_id": task_id})

    # --- short pick ---------------------------------------------------------------------------

    def open_short_dialog(self) -> None:
        session = self.session
        if session is None or session.current is None or self._loading:
            return
        stop = session.current
        dialog = ShortPickDialog(stop.location_code, self._product_name(stop.task_id, stop.product_name),
                                 stop.remaining, self)
        dialog.found.setValue(min(session.taken, max(stop.remaining - 1, 0)))
        dialog.accepted.connect(lambda: self.report_short(dialog.found.value()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def report_short(self, found: int) -> None:
        """The bin holds only `found` of the current stop: re-plan (another bin) or hand it to the supervisor."""
        session = self.session
        if session is None or session.current is None:
            return
        stop = session.current
        task_id = stop.task_id
        self._loading = True
        self.qty.setEnabled(False)
        self.feedback.info(self.tr("Short reported at {loc} — re-planning…").format(loc=stop.location_code))
        self._keep("short", {"task_id": task_id, "found": found}, self._short_done)

    def _short_done(self, outcome: picking.ShortPickOutcome) -> None:
        self._loading = False
        if outcome.alternative:
            text = self.tr("Take the missing %n unit(s) from {where} — route re-planned.", "",
                           outcome.missing_qty).format(where=", ".join(outcome.alternative))
        elif outcome.order_held:
            text = self.tr("No other stock: order {order} is held for the supervisor; its other stops are "
                           "removed.").format(order=outcome.order_no)
        else:
            text = self.tr("Short recorded")
        view = outcome.batch
        self.batch = view
        self.session = self._session(view, self.session.on_cart if self.session is not None else ())
        self.stops.stops_model.set_stops(view.stops)
        self.feedback.info(self.tr("Route re-planned") if outcome.alternative else
                           self.tr("Order {order} held").format(order=outcome.order_no)
                           if outcome.order_held else text)
        self._say(text)
        self._show_current()
        if self.session.done:
            self._close_batch("done")

    # --- the journal: kept before the answer, written in the order it happened ----------------

    def _action_id(self) -> str:
        return f"{self.context.settings.station_name[:12]}-{uuid.uuid4().hex[:20]}"

    def _keep(self, kind: str, payload: dict[str, Any], on_done: Callable[[Any], None] | None = None) -> str:
        action_id = self.sync.record(self.actor, kind, payload, action_id=self._action_id())
        if on_done is not None:
            self._callbacks[action_id] = on_done
        return action_id

    @property
    def pending_writes(self) -> int:
        """Confirmed actions on this station not yet in the central database (every workspace's)."""
        return self.sync.pending

    def _replayed(self, report: SyncReport) -> None:
        for action_id in report.applied_of(PICKER_KINDS):
            self.persisted.emit(action_id)
            callback = self._callbacks.pop(action_id, None)
            if callback is not None:
                callback(report.outcomes[action_id])
        for conflict in report.conflicts_of(PICKER_KINDS):
            self._callbacks.pop(conflict.action_id, None)
            self._conflict(conflict.error, conflict.message)
        if report.offline is not None:
            self._say(self.tr("Offline: %n confirmed action(s) kept on this station, sent when the database is "
                              "back", "", report.pending))
        elif report.failure is not None:
            self._say(self.tr("Not saved yet — retrying… ({error})").format(error=error_text(report.failure)))

    def _conflict(self, exc: PickdeskError | None, message: str) -> None:
        """The central database refused a kept action: the supervisor has it as a conflict; tell the picker."""
        self._loading = False
        text = error_text(exc) if exc is not None else message
        self.feedback.refused(text + "\n" + self.tr("Sent to the supervisor as a conflict"))
        if isinstance(exc, picking.BatchNotYours) and self.batch is not None:
            self._say(error_text(exc))
            self._close_batch("reassigned")

    # --- live updates -------------------------------------------------------------------------

    def _on_feed(self, entry: FeedEntry) -> None:
        me = self.actor.login
        match entry.change:
            case OrderChange():
                # A new or released order (an urgent one, say): the "ready to pick" count follows at once.
                if self.batch is None:
                    self.refresh()
            case BatchOrderCancelled(batch_code=code, order_no=order_no, totes=totes) if (
                    self.batch is not None and code == self.batch.code):
                self.order_cancelled(order_no, totes)
            case BatchReassigned(batch_code=code, picker=to, from_picker=frm) if (
                    to == me and frm == me and self.batch is not None and code == self.batch.code):
                # The batch stays mine but changed (an order was moved out of it): reload between stops.
                if self.session is not None and not self.session.mid_stop and self.pending_writes == 0:
                    self._load_batch(code)
                else:
                    self._say(self.tr("Batch {code} was changed by the supervisor; the list updates after this "
                                      "stop.").format(code=code))
            case BatchReassigned(batch_code=code, picker=to, from_picker=frm) if (
                    frm == me and self.batch is not None and code == self.batch.code):
                self.reassigned_to = to or "—"
                if self.session is not None and self.session.mid_stop:
                    self._say(self.tr("Batch {code} was reassigned to {who}. Finish this stop; then you go back to "
                                      "Next batch.").format(code=code, who=self.reassigned_to))
                else:
                    self._leave_reassigned()
            case BatchAssigned(batch_code=code, picker=to) | BatchReassigned(batch_code=code, picker=to) if (
                    to == me and code not in self._finished_codes):
                if self.batch is None and not self._loading:
                    self._load_batch(code)
                elif self.batch is not None and code != self.batch.code:
                    self._say(self.tr("Batch {code} was assigned to you; it comes after this one.").format(code=code))

    def order_cancelled(self, order_no: str, totes_with_units: tuple[str, ...] | list[str] = ()) -> None:
        """An order of this batch was cancelled: its stops leave the route now, the picker is told (words,
        the check sound); totes holding units of it go to the drop-off marked "cancelled — do not pack"."""
        view, session = self.batch, self.session
        if view is None or session is None or order_no in self._cancelled_here:
            return
        self._cancelled_here.add(order_no)
        model = self.stops.stops_model
        # Stops finished (on this station or before): their units are in a tote. Units in hand are not.
        done_here = {s.task_id for s in session.stops[:session.index]} | {
            s.task_id for s in view.stops if s.status in ("picked", "short") or s.picked_qty > 0}
        theirs = [s for s in view.stops if s.order_no == order_no]
        keep = set(totes_with_units) | {s.tote_code for s in theirs if s.task_id in done_here and s.tote_code}
        others = {s.tote_code for s in view.stops if s.order_no != order_no and s.tote_code}
        empty = {s.tote_code for s in theirs if s.tote_code} - keep - others
        dropped = session.drop_order(order_no, empty)
        stops = tuple(dataclasses.replace(s, status="cancelled")
                      if s.order_no == order_no and s.status == "open" and s.task_id not in done_here else s
                      for s in view.stops)
        self.batch = dataclasses.replace(view, stops=stops,
                                         cancelled_orders=tuple(dict.fromkeys((*view.cancelled_orders, order_no))))
        picked = {k: v for k, v in model.picked.items() if k in done_here or k not in {s.task_id for s in theirs}}
        model.set_stops(stops)
        model.picked.update(picked)
        # The panel says what to do now, in few words; the status line keeps the whole of it.
        panel = [self.tr("Order {order} was cancelled.").format(order=order_no)]
        whole = list(panel)
        if dropped.removed:
            whole.append(self.tr("%n stop(s) of it taken off your route.", "", dropped.removed))
        if dropped.in_hand:
            back = self.tr("Put the %n unit(s) in your hand back at {loc}.", "", dropped.in_hand).format(
                loc=dropped.location)
            panel.append(back)
            whole.append(back)
        if keep:
            tote = self.tr("Tote {totes}: cancelled — do not pack.").format(totes=", ".join(sorted(keep)))
            panel.append(tote)
            whole.append(tote + " " + self.tr("Leave it at the drop-off as marked."))
        self.feedback.check("\n".join(panel))
        self._say(" ".join(whole))
        self._show_current()
        self.cancellation_told.emit(order_no)
        if session.done:
            self._close_batch("cancelled")

    def _leave_reassigned(self) -> None:
        code = self.batch.code if self.batch else ""
        who = self.reassigned_to or "—"
        text = self.tr("Batch {code} was reassigned to {who}. Leave its totes at the cart.").format(code=code, who=who)
        # Nothing kept is dropped: picks still in the journal for this batch reach the supervisor as conflicts.
        self._close_batch("reassigned")
        self._say(text)

    # --- helpers ------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.notice.emit(text)

    def _product_name(self, task_id: int, fallback: str) -> str:
        """A stop's product in the station's language (the batch view keeps both names)."""
        for s in self.batch.stops if self.batch else ():
            if s.task_id == task_id:
                return bilingual(s.product_name, s.product_name_zh)
        return fallback

    def current_stop(self) -> PickStop | None:
        return self.session.current if self.session else None

    def stop(self) -> None:
        self.watcher.stop()
        self.sync.replayed.disconnect(self._replayed)
        super().stop()
