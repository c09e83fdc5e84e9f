"""The supervisor's console: a shell composing its panels, one per tab, and keeping them up to date.

Tabs (object name `supervisor_tabs`), each a panel of `ui/widgets/` with its object names listed there:
Floor (`console_floor.FloorPanel`), Orders (`console_orders.OrdersPanel`), Exceptions
(`console_exceptions.ExceptionsPanel`), Stock (`console_stock.StockPanel`), Audit
(`console_audit.AuditPanel`), then Hand-over, Returns and Figures (`handover_panel`, `returns_panel`,
`figures_panel`). Always: `supervisor_run_intake`, `supervisor_message`, `supervisor_updated`.

The tables are models that hold keys and build their rows on demand (`ui.widgets.console_model`): the
orders on the floor (one model, shown by the board and the orders tab) and the audit log are read a page
at a time; the feed's events (`desktop.domain.events`, matched by type in `_on_feed`) name the orders
they changed, and only those rows are read again. Counts, pickers, exceptions and stock are short and
read again whole, a moment after their events. The workspace timer reloads everything as a safety net
(at most every FALLBACK_REFRESH_MS). Every action goes through a service on the task runner.

Signals:
    action_done(str): an action succeeded (its name: an `OrderAction`, "decide", "intake", …).
    action_failed(str): an action was refused (the message shown).
    audit_loaded(): the audit search results are on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QWidget

from desktop.domain.events import (
    BatchChange, Change, DemoBuilt, ExceptionOpened, ExceptionResolved, LowStock, OrderChange, OrderHeld,
    OrdersImported, OrdersMerged, ParcelPacked, ReplenishmentRequested, ReplenishmentStatusChanged, StationSignedIn,
    StationSignedOut, StockPutBack,
)
from desktop.domain.lifecycle import OrderStatus
from desktop.domain.roles import Role
from desktop.services import intake, replenishment
from desktop.services import supervision as sv
from desktop.services.feed import FeedEntry
from desktop.services.orders import list_orders
from ui.errors import error_text
from ui.i18n import number, time_of_day
from ui.live import ChangeFeedWatcher
from ui.widgets.aftersales_common import big_button
from ui.widgets.console_audit import AuditPanel
from ui.widgets.console_common import OrdersModel
from ui.widgets.console_exceptions import ExceptionsPanel
from ui.widgets.console_people import ConsolePeoplePanel
from ui.widgets.console_floor import FloorPanel
from ui.widgets.console_model import PAGE
from ui.widgets.console_orders import OrderAction, OrdersPanel
from ui.widgets.console_stock import StockPanel
from ui.widgets.console_waves import WavesPanel
from ui.widgets.figures_panel import FiguresPanel
from ui.widgets.handover_panel import HandoverPanel
from ui.widgets.returns_panel import ReturnsPanel
from ui.workspaces.base import Workspace, WorkspaceContext

FALLBACK_REFRESH_MS = 30_000
SUMMARY_MS = 1000  # counts and pickers read again at most this often while events come
LISTS_MS = 250  # exceptions and stock, a moment after their events
STOCK_EVENTS = (ReplenishmentRequested, LowStock, ReplenishmentStatusChanged, StockPutBack)
STATION_EVENTS = (StationSignedIn, StationSignedOut)

__all__ = ["FALLBACK_REFRESH_MS", "OrderAction", "SupervisorWorkspace"]


def _later(parent: QWidget, ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer


class SupervisorWorkspace(Workspace):
    """The console; its panels' object names are listed in their modules."""

    action_done = Signal(str)
    action_failed = Signal(str)
    audit_loaded = Signal()

    role = Role.SUPERVISOR
    object_name = "workspace_supervisor"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.counts: dict[OrderStatus, int] = {}

        top = QHBoxLayout()
        self.run_intake_button = big_button(self.tr("Run intake"), "supervisor_run_intake", self, "Ctrl+I")
        self.run_intake_button.clicked.connect(self.run_intake)
        self.message = QLabel(self)
        self.message.setObjectName("supervisor_message")
        self.message.setWordWrap(True)
        self.updated = QLabel(self)
        self.updated.setObjectName("supervisor_updated")
        top.addWidget(self.run_intake_button)
        top.addWidget(self.message, 1)
        top.addWidget(self.updated)
        self.body.addLayout(top)

        self.orders_model = OrdersModel(self.runner, self.actor, self)
        self.floor = FloorPanel(self, self.orders_model, self)
        self.orders = OrdersPanel(self, self.orders_model, self)
        self.exceptions_panel = ExceptionsPanel(self, self)
        self.stock = StockPanel(self, self)
        self.audit = AuditPanel(self, self)
        self.waves = WavesPanel(self, self)
        self.audit.loaded.connect(self.audit_loaded)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("supervisor_tabs")
        self.tabs.addTab(self.floor, self.tr("Floor"))
        self.tabs.addTab(self.orders, self.tr("Orders"))
        self.tabs.addTab(self.exceptions_panel, self.tr("Exceptions"))
        self.tabs.addTab(self.stock, self.tr("Stock"))
        self.tabs.addTab(self.waves, self.tr("Waves"))
        self.tabs.addTab(self.audit, self.tr("Audit"))
        # After the parcel leaves: hand-over to carriers, returns receiving, and the figures.
        self.handover = HandoverPanel(context, self)
        self.returns = ReturnsPanel(context, self)
        self.figures = FiguresPanel(context, self, load=False)  # computed when its tab is first opened
        self.tabs.addTab(self.handover, self.tr("Hand-over"))
        self.tabs.addTab(self.returns, self.tr("Returns"))
        self.tabs.addTab(self.figures, self.tr("Figures"))
        self.people = ConsolePeoplePanel(self, self)  # who is signed in where, who is locked out
        self.tabs.addTab(self.people, self.tr("People"))
        self.body.addWidget(self.tabs, 1)
        self._figures_asked = False
        self.tabs.currentChanged.connect(self._tab_shown)

        # The tables' short names the tests and the screenshots reach for.
        self.status_table = self.floor.status_table
        self.board_table = self.floor.board
        self.pickers_table = self.floor.pickers
        self.orders_table = self.orders.orders
        self.held_table = self.orders.held
        self.exceptions_table = self.exceptions_panel.table
        self.low_stock_table = self.stock.low_stock
        self.replenishment_table = self.stock.requests
        self.audit_table = self.audit.table
        self.reason = self.orders.reason

        self._summary_soon = _later(self, SUMMARY_MS, self._read_summary)
        self._exceptions_soon = _later(self, LISTS_MS, self._read_exceptions)
        self._stock_soon = _later(self, LISTS_MS, self._read_stock)
        self._everything_soon = _later(self, LISTS_MS, self.refresh)
        self.watcher = ChangeFeedWatcher(self.runner, parent=self)
        self.watcher.changed.connect(self._on_feed)
        self.watcher.start()
        # The feed brings every change within its polling interval; the workspace timer is only the safety
        # net (and moves the "left" column on), so the console reloads everything at most twice a minute.
        if self.timer.isActive():
            self.timer.setInterval(max(self.timer.interval(), FALLBACK_REFRESH_MS))

    # --- what the tests and the other stations' code read ------------------------------------

    @property
    def exceptions(self) -> list[sv.ExceptionRow]:
        return self.exceptions_panel.exceptions

    @property
    def board_orders(self) -> list[sv.BoardOrder]:
        """The orders on the floor read so far, in board order."""
        return self.orders_model.records()

    @property
    def pickers(self) -> list[sv.PickerRow]:
        return self.floor.pickers_model.records()

    def select_order(self, order_no: str) -> bool:
        return self.orders.select_order(order_no)

    def selected_order(self) -> str | None:
        return self.orders.selected_order()

    def order_action(self, action: OrderAction, order_no: str | None = None) -> None:
        self.orders.act(action, order_no)

    def select_exception(self, exception_id: int) -> bool:
        return self.exceptions_panel.select_exception(exception_id)

    def select_picker(self, login: str) -> bool:
        return self.floor.select_picker(login)

    def reassign_selected_batch(self) -> None:
        self.floor.reassign_selected_batch()

    def decide(self) -> None:
        self.exceptions_panel.decide()

    def search_audit(self) -> None:
        self.audit.search()

    # --- loading everything (at sign-in, after an action, on the safety-net timer) -----------

    def load_op(self):  # noqa: ANN201
        """The floor first (counts, pickers, the first page of the board): the other tabs' lists follow in
        a second read (`_read_lists`), so the floor is usable before they are read."""
        loaded = max(PAGE, self.orders_model.rowCount())

        def op(uow):
            return {
                "summary": sv.floor_summary(uow),
                "orders": sv.floor_orders(uow, None, loaded),
                "orders_asked": loaded,
                "pickers": sv.picker_logins(uow),
            }
        return op

    def lists_op(self):  # noqa: ANN201
        held = max(PAGE, self.orders.held_model.rowCount())

        def op(uow):
            return {
                "held": list_orders(uow, OrderStatus.HELD, limit=held),
                "exceptions": sv.list_exceptions(uow),
                "people": sv.shift_people(uow),
                "low_stock": replenishment.low_stock_alerts(uow),
                "replenishment": replenishment.list_replenishment(uow),
            }
        return op

    def _read_lists(self) -> None:
        self.runner.run(self.lists_op(), self.show_data, self._load_failed_quietly, actor=self.actor, owner=self)
        self.runner.run(self.waves.load_op(), lambda r: self.waves.show_waves(*r), self._load_failed_quietly,
                        actor=self.actor, owner=self)

    def show_data(self, data: object) -> None:
        if isinstance(data, tuple):  # (counts, held): the shell's shape, kept for its callers
            data = {"counts": data[0], "held": data[1]}
        assert isinstance(data, dict)
        summary: sv.FloorSummary | None = data.get("summary")
        if summary is not None:
            self._show_summary(summary)
        elif "counts" in data:
            self.counts = data["counts"]
            self.floor.show_counts(self.counts, {})
        if "orders" in data:
            self.orders_model.now = summary.at if summary else self.orders_model.now
            self.orders_model.replace(data["orders"], more=len(data["orders"]) >= data.get("orders_asked", PAGE))
            self.orders_model.retext([OrdersModel.LEFT])
        if "held" in data:
            self.orders.show_held(data["held"], self.counts.get(OrderStatus.HELD) if self.counts else None)
        if "pickers" in data:
            self.floor.set_pickers(data["pickers"])
            self.orders.set_pickers(data["pickers"])
        if "exceptions" in data:
            self._show_exceptions(data["exceptions"])
        if "people" in data:
            self.people.show_people(data["people"])
        self.stock.show_stock(data.get("low_stock"), data.get("replenishment"))
        if summary is not None:
            self._read_lists()  # the other tabs, now that the floor is on screen
        self.updated.setText(self.tr("Updated {time}").format(
            time=time_of_day(datetime.now(timezone.utc), seconds=True)))

    def _show_summary(self, summary: sv.FloorSummary) -> None:
        counts = {s: 0 for s in OrderStatus}
        for (status, _cls), n in summary.counts.items():
            counts[OrderStatus(status)] += n
        self.counts = counts
        self.floor.show_summary(summary)
        self.orders.held_count = counts[OrderStatus.HELD]
        self.orders._show_held_title()
        self.orders_model.tick(summary.at)

    def _show_exceptions(self, rows: list[sv.ExceptionRow]) -> None:
        self.exceptions_panel.show_exceptions(rows)
        self.tabs.setTabText(2, self.tr("Exceptions ({n})").format(n=number(len(rows))))

    def show_failure(self, exc: BaseException) -> None:
        self.updated.setText(self.tr("Not updated: the central database cannot be reached."))

    # --- the feed: only what changed ---------------------------------------------------------

    def _on_feed(self, entry: FeedEntry) -> None:
        self.apply_change(entry.change)

    def apply_change(self, change: Change) -> None:
        """One feed event: the rows it names are read again, the short lists a moment later."""
        match change:
            case OrdersImported() | DemoBuilt():
                self._everything_soon.start()
            case OrdersMerged(order_nos=order_nos):  # 合单: each member's row names the others
                for order_no in order_nos:
                    self._order_changed(order_no)
            case OrderChange(order_no=order_no) if order_no:  # type: ignore[misc]
                self._order_changed(order_no)
            case OrderHeld(order_no=order_no):
                self._order_changed(order_no)
                self._exceptions_soon.start()
            case ExceptionOpened(order_no=order_no):
                self._exceptions_soon.start()
                if order_no:
                    self._order_changed(order_no)
                self._soon(self._summary_soon)
            case ExceptionResolved():
                self._exceptions_soon.start()
                self._soon(self._summary_soon)
            case BatchChange(batch_code=code):
                self.orders_model.touch(self.orders_model.in_batch(code))
                self._soon(self._summary_soon)
            case ParcelPacked(order_no=order_no) if order_no:
                self._order_changed(order_no)
            case _ if isinstance(change, STOCK_EVENTS):
                self._stock_soon.start()
            case _ if isinstance(change, STATION_EVENTS):
                self._soon(self._summary_soon)

    def _order_changed(self, order_no: str) -> None:
        self.orders_model.touch([order_no])
        self.orders.held_model.touch([order_no])
        self._soon(self._summary_soon)

    @staticmethod
    def _soon(timer: QTimer) -> None:
        if not timer.isActive():  # not pushed back by every event: read at most once per interval
            timer.start()

    def _read_summary(self) -> None:
        self.runner.run(lambda uow: (sv.floor_summary(uow), sv.picker_logins(uow), sv.shift_people(uow)),
                        self._summary_read, self._load_failed_quietly, actor=self.actor, owner=self)

    def _summary_read(self, result: tuple[sv.FloorSummary, list[tuple[str, str]], list[sv.ShiftPerson]]) -> None:
        summary, pickers, on_shift = result
        self._show_summary(summary)
        self.people.show_people(on_shift)
        self.floor.set_pickers(pickers)
        self.orders.set_pickers(pickers)

    def _read_exceptions(self) -> None:
        self.runner.run(sv.list_exceptions, self._show_exceptions, self._load_failed_quietly,
                        actor=self.actor, owner=self)

    def _read_stock(self) -> None:
        self.runner.run(self.stock.load_op(), lambda r: self.stock.show_stock(*r), self._load_failed_quietly,
                        actor=self.actor, owner=self)

    def _load_failed_quietly(self, exc: BaseException) -> None:
        self.show_failure(exc)

    def _tab_shown(self, _index: int) -> None:
        """The figures (a report over days of work) and the audit log are read when first looked at, not
        at sign-in, so the floor is on screen sooner."""
        current = self.tabs.currentWidget()
        if current is self.figures and not self._figures_asked:
            self._figures_asked = True
            self.figures.refresh()
        elif current is self.audit and not self.audit.searched:
            self.audit.search()

    # --- actions -----------------------------------------------------------------------------

    def run(self, action: str, op: Callable, done_text: Callable[[Any], str]) -> None:
        """Do `op` through the task runner; the message line says how it went, then everything is read again."""
        self.message.setProperty("kind", "info")
        self.message.setText(self.tr("Working…"))
        self.runner.run(op, lambda result: self._action_ok(str(action), done_text(result)),
                        self.refuse_error, actor=self.actor, owner=self)

    def _action_ok(self, name: str, text: str) -> None:
        self.message.setProperty("kind", "ok")
        self.message.setText(text)
        self.action_done.emit(name)
        self.refresh()

    def refuse_error(self, exc: BaseException) -> None:
        self.refuse(error_text(exc))

    def refuse(self, text: str) -> None:
        self.message.setProperty("kind", "error")
        self.message.setText(text)
        self.action_failed.emit(text)

    def run_intake(self) -> None:
        self.run_intake_button.setEnabled(False)

        def done(summary: intake.IntakeSummary) -> str:
            self.run_intake_button.setEnabled(True)
            return self.tr("Intake: %n order(s) processed — {ready} ready, {held} held, {backordered} backordered, "
                           "{skipped} skipped, {failed} failed", "", summary.processed).format(
                ready=number(summary.count("ready")), held=number(summary.count("held")),
                backordered=number(summary.count("backordered")), skipped=number(len(summary.skipped)),
                failed=number(len(summary.failed)))

        def op(uow):
            return intake.run_intake(uow.db, actor=self.actor)

        self.runner.run(op, lambda s: self._action_ok("intake", done(s)),
                        lambda exc: (self.run_intake_button.setEnabled(True), self.refuse_error(exc)),
                        actor=self.actor, owner=self)

    def on_scan(self, raw: str) -> bool:
        """A scan goes to the tab that takes scans (hand-over, returns) when it is the one on screen."""
        current = self.tabs.currentWidget()
        if current in (self.handover, self.returns):
            return current.on_scan(raw)
        return super().on_scan(raw)

    def stop(self) -> None:
        super().stop()
        self.watcher.stop()
