"""The console's orders tab: the orders on the floor, the held ones, and what a supervisor does to an order.

Object names: `supervisor_orders` (the shared `OrdersModel`, all its columns), `supervisor_held_table` (held
orders, highest priority first, a page at a time), `supervisor_reason`, the actions `supervisor_release`,
`supervisor_hold`, `supervisor_cancel`, `supervisor_priority` (+ `supervisor_priority_class`),
`supervisor_reassign` (+ `supervisor_order_picker`), `supervisor_customer` (the full recipient, for
address holds only; opening it is audited), shown in `supervisor_customer_view`, and the label controls
`supervisor_reprint` (the order's labels again to the station's printer, counted and audited),
`supervisor_void` (its waybills voided at the carrier, the parcels waiting for new numbers) and
`supervisor_intercept` (a shipped order stopped at the carrier, an exception opened); a shipped order,
gone from the floor's table, is found with `supervisor_order_search`.

An action is an `OrderAction` done to an order named by its number: `act(OrderAction.HOLD, "SO-…")`, or
to the selected one. Every action but opening the recipient needs a reason (it is recorded).
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from desktop.domain.lifecycle import OrderStatus, PriorityClass
from desktop.services import packing, waybills
from desktop.services import supervision as sv
from desktop.services.orders import OrderRow, list_orders, orders_by_no
from ui.i18n import date_time, number
from ui.labels import PRIORITIES, hold_reason_name, order_status_name, priority_name
from ui.widgets.aftersales_common import TOUCH_PX, big_button, month_day_time
from ui.widgets.console_common import Console, OrdersModel, fill_pickers
from ui.widgets.console_model import Column, KeyedModel, KeyedView


class OrderAction(enum.StrEnum):
    RELEASE = "release"
    HOLD = "hold"
    CANCEL = "cancel"
    PRIORITY = "priority"
    REASSIGN = "reassign"
    CUSTOMER = "customer"
    REPRINT = "reprint"
    VOID = "void"
    INTERCEPT = "intercept"


class HeldModel(KeyedModel):
    """Held orders, highest priority first, keyed by order number, a page at a time."""

    def __init__(self, runner, actor, parent=None) -> None:  # noqa: ANN001
        super().__init__([], lambda o: o.order_no, runner=runner, actor=actor,
                         page=lambda _last, n, size: lambda uow: list_orders(uow, OrderStatus.HELD, size, n),
                         rows=lambda nos: lambda uow: orders_by_no(uow, nos),
                         belongs=lambda o: o.status == OrderStatus.HELD,
                         order_key=lambda o: (-o.priority_score, o.order_no), parent=parent)
        self.columns = [
            Column(self.tr("Order"), lambda o: o.order_no),
            Column(self.tr("Merchant"), lambda o: o.merchant),
            Column(self.tr("Priority"), lambda o: priority_name(o.priority_class)),
            Column(self.tr("Reason"), lambda o: hold_reason_name(o.hold_reason)),
            Column(self.tr("Ship by"), lambda o: month_day_time(o.promised_ship_by),
                   tip=lambda o: date_time(o.promised_ship_by) if o.promised_ship_by else ""),
            Column(self.tr("Detail"), lambda o: o.hold_detail or ""),
        ]


class FoundModel(KeyedModel):
    """Orders a search found (any status), newest first, keyed by order number."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__([], lambda o: o.order_no, parent=parent)
        self.columns = [
            Column(self.tr("Order"), lambda o: o.order_no),
            Column(self.tr("Status"), lambda o: order_status_name(o.status)),
            Column(self.tr("Merchant"), lambda o: o.merchant),
            Column(self.tr("Priority"), lambda o: priority_name(o.priority_class)),
            Column(self.tr("Picker"), lambda o: o.picker or ""),
            Column(self.tr("Ship by"), lambda o: month_day_time(o.promised_ship_by),
                   tip=lambda o: date_time(o.promised_ship_by) if o.promised_ship_by else ""),
            Column(self.tr("Phone"), lambda o: o.phone or "—"),  # masked by the service: +86 138****8000
        ]


class OrdersPanel(QWidget):
    def __init__(self, console: Console, orders: OrdersModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("console_orders")
        self.console = console
        self.held_count: int | None = None
        self.orders = KeyedView("supervisor_orders", orders, self, stretch=OrdersModel.NOTE)
        self.held_model = HeldModel(console.runner, console.actor, self)
        self.held_title = QLabel(self.tr("On hold"), self)
        self.held_title.setObjectName("supervisor_held_title")
        self.held = KeyedView("supervisor_held_table", self.held_model, self, stretch=5)
        # Search: order number (or part), a tracking number, a SKU code, the phone's last four digits
        # (tel:1234); the service matches in the database.
        self.search = QLineEdit(self)
        self.search.setObjectName("supervisor_order_search")
        self.search.setPlaceholderText(self.tr("Find an order: number, tracking number, SKU or tel:1234 "
                                               "(the phone's last four digits), then Enter"))
        self.search.setToolTip(self.tr("tel:1234 finds the orders whose phone ends in 1234; four digits alone "
                                       "search the order numbers too. Phones are shown masked."))
        self.search.setMinimumHeight(TOUCH_PX)
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.find(self.search.text()))
        self.found_title = QLabel(self)
        self.found_title.setObjectName("supervisor_found_title")
        self.found_model = FoundModel(self)
        self.found = KeyedView("supervisor_found_table", self.found_model, self, stretch=4)
        self._chosen: KeyedView | None = None
        self._searches = 0  # searches asked for: only the latest one's answer is shown
        self.found.key_selected.connect(lambda key: self._choose(self.found, key))
        self.orders.key_selected.connect(lambda key: self._choose(self.orders, key))
        self.held.key_selected.connect(lambda key: self._choose(self.held, key))
        self.found.key_selected.connect(lambda key: key is not None and self.orders.select_key(key))
        self.found_title.hide()
        self.found.hide()
        self.held.key_selected.connect(lambda key: key is not None and self.orders.select_key(key))
        for signal in (self.held_model.modelReset, self.held_model.rowsInserted, self.held_model.rowsRemoved):
            signal.connect(self._show_held_title)

        self.reason = QLineEdit(self)
        self.reason.setObjectName("supervisor_reason")
        self.reason.setPlaceholderText(self.tr("Reason (recorded)"))
        self.reason.setMinimumHeight(TOUCH_PX)
        self.priority_class = QComboBox(self)
        self.priority_class.setObjectName("supervisor_priority_class")
        for cls in PRIORITIES:
            self.priority_class.addItem(priority_name(cls), cls)
        self.priority_class.setMinimumHeight(TOUCH_PX)
        self.order_picker = QComboBox(self)
        self.order_picker.setObjectName("supervisor_order_picker")
        self.order_picker.setMinimumHeight(TOUCH_PX)
        buttons = [
            (self.tr("Release"), OrderAction.RELEASE, "F5"),
            (self.tr("Hold"), OrderAction.HOLD, "F6"),
            (self.tr("Cancel order"), OrderAction.CANCEL, "F9"),
            (self.tr("Set priority"), OrderAction.PRIORITY, "F7"),
            (self.tr("Reassign"), OrderAction.REASSIGN, "F8"),
            (self.tr("Recipient"), OrderAction.CUSTOMER, "F10"),
            (self.tr("Reprint label"), OrderAction.REPRINT, "F11"),
            (self.tr("Void label"), OrderAction.VOID, "F12"),
            (self.tr("Intercept"), OrderAction.INTERCEPT, "Ctrl+F12"),
        ]
        actions = QGridLayout()
        # Two rows only (the tables above need the height at 1280x800): the fields and the label controls,
        # then the order's actions.
        actions.addWidget(self.reason, 0, 0)
        actions.addWidget(self.priority_class, 0, 1)
        actions.addWidget(self.order_picker, 0, 2)
        self.buttons = {}
        for n, (text, action, key) in enumerate(buttons):
            button = big_button(text, f"supervisor_{action.value}", self, key)
            button.clicked.connect(lambda _checked=False, a=action: self.act(a))
            self.buttons[action] = button
            actions.addWidget(button, 1, n) if n < 6 else actions.addWidget(button, 0, n - 3)
        self.customer = QLabel(self)
        self.customer.setObjectName("supervisor_customer_view")
        self.customer.setWordWrap(True)
        self.customer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        split = QSplitter(Qt.Orientation.Vertical, self)
        found = QWidget(split)
        found_layout = QVBoxLayout(found)
        found_layout.setContentsMargins(0, 0, 0, 0)
        found_layout.addWidget(self.search)
        found_layout.addWidget(self.found_title)
        found_layout.addWidget(self.found, 1)
        split.addWidget(found)
        split.addWidget(self.orders)
        lower = QWidget(split)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.held_title)
        lower_layout.addWidget(self.held)
        split.addWidget(lower)
        split.setSizes([70, 300, 180])  # the search field alone until something is found
        split.setCollapsible(1, False)
        split.setCollapsible(2, False)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        layout.addWidget(self.customer)
        # What each action asks of the services, and what the message line says when it is done.
        self._actions: dict[OrderAction, Callable[[str, str], None]] = {
            OrderAction.RELEASE: self._release, OrderAction.HOLD: self._hold, OrderAction.CANCEL: self._cancel,
            OrderAction.PRIORITY: self._priority, OrderAction.REASSIGN: self._reassign,
            OrderAction.CUSTOMER: self._customer, OrderAction.REPRINT: self._reprint,
            OrderAction.VOID: self._void, OrderAction.INTERCEPT: self._intercept,
        }

    # --- choosing ---------------------------------------------------------------------------

    def selected_order(self) -> str | None:
        """The order last chosen in any of the three tables (found, floor, held)."""
        views = (self.found, self.orders, self.held) if self._chosen is self.found else (self.orders, self.held, self.found)
        return next((key for key in (v.selected_key() for v in views if v.isVisible() or v is not self.found) if key),
                    None)

    def _choose(self, view: KeyedView, key: object) -> None:
        if key is not None:
            self._chosen = view

    def find(self, text: str) -> None:
        """Search the orders (number, tracking number, SKU, tel:1234); the results are listed above the floor's."""
        term = text.strip()
        if not term:
            self.found_model.replace([])
            self.found_title.hide()
            self.found.hide()
            return
        self._searches += 1
        asked = self._searches
        self.console.runner.run(lambda uow: sv.search_orders(uow, term), lambda rows: self._found(term, rows, asked),
                                self.console.refuse_error, actor=self.console.actor, owner=self)

    def _found(self, term: str, rows: list, asked: int | None = None) -> None:  # noqa: ANN001 - BoardOrders
        if asked is not None and asked != self._searches:
            return  # an older search answered late (the task runner has several threads): the newest one counts
        self.found_model.replace(rows)
        if not rows:
            self.found_title.setText(self.tr("No order found for “{term}”.").format(term=term))
        elif len(rows) >= sv.SEARCH_LIMIT:
            self.found_title.setText(self.tr("Found the first {n} orders for “{term}”: narrow the search.")
                                     .format(n=number(len(rows)), term=term))
        else:
            self.found_title.setText(self.tr("Found %n order(s) for “{term}”.", "", len(rows)).format(term=term))
        self.found_title.show()
        self.found.setVisible(bool(rows))
        split = self.found.parentWidget().parentWidget()
        if isinstance(split, QSplitter):  # room for the results, the floor and the held list below
            total = sum(split.sizes())
            top = min(total // 3, 110 + 36 * min(len(rows), 4)) if rows else 90
            split.setSizes([top, (total - top) * 5 // 8, (total - top) * 3 // 8])
        if len(rows) == 1:
            self.found.select_key(rows[0].order_no)

    def select_order(self, order_no: str) -> bool:
        if self.orders.select_key(order_no):
            return True
        return self.held.select_key(order_no)

    def show_held(self, rows: list[OrderRow], total: int | None) -> None:
        self.held_count = total
        self.held_model.replace(rows, more=len(rows) >= self.held_model.page_size)
        self._show_held_title()

    def _show_held_title(self, *_args) -> None:  # noqa: ANN002
        n = self.held_count if self.held_count is not None else self.held_model.rowCount()
        self.held_title.setText(self.tr("On hold: {n}").format(n=number(n)))

    def set_pickers(self, pickers: list[tuple[str, str]]) -> None:
        """The pickers an order can go to (login, name)."""
        fill_pickers(self.order_picker, pickers)

    def act(self, action: OrderAction, order_no: str | None = None) -> None:
        """Do `action` to `order_no` (the selected order when None), with the reason typed."""
        order_no = order_no or self.selected_order()
        if not order_no:
            self.console.refuse(self.tr("Choose an order first."))
            return
        reason = self.reason.text().strip()
        if action is not OrderAction.CUSTOMER and not reason:
            self.console.refuse(self.tr("Give a reason: it is recorded."))
            self.reason.setFocus()
            return
        self._actions[OrderAction(action)](order_no, reason)

    def _release(self, order_no: str, reason: str) -> None:
        self.console.run(OrderAction.RELEASE, lambda uow: sv.release_order(uow, order_no, reason),
                         lambda status: self.tr("{no} released: now {status}").format(
                             no=order_no, status=order_status_name(status)))

    def _hold(self, order_no: str, reason: str) -> None:
        self.console.run(OrderAction.HOLD, lambda uow: sv.hold_order(uow, order_no, reason),
                         lambda _r: self.tr("{no} is on hold").format(no=order_no))

    def _cancel(self, order_no: str, reason: str) -> None:
        self.console.run(OrderAction.CANCEL, lambda uow: sv.cancel_order(uow, order_no, reason),
                         lambda _r: self.tr("{no} cancelled").format(no=order_no))

    def _priority(self, order_no: str, reason: str) -> None:
        cls = PriorityClass(self.priority_class.currentData())
        self.console.run(OrderAction.PRIORITY, lambda uow: sv.raise_priority(uow, order_no, cls, reason),
                         lambda _r: self.tr("{no} is now {priority}").format(no=order_no, priority=priority_name(cls)))

    def _reassign(self, order_no: str, reason: str) -> None:
        login = self.order_picker.currentData()

        def reassigned(batch: str | None) -> str:
            if batch:
                return self.tr("{no} reassigned to {who} (batch {batch})").format(no=order_no, who=login, batch=batch)
            return self.tr("{no} reassigned to {who}").format(no=order_no, who=login)

        self.console.run(OrderAction.REASSIGN, lambda uow: sv.reassign_order(uow, order_no, login, reason), reassigned)

    def _reprint(self, order_no: str, reason: str) -> None:
        """The order's labels again, no slip, to this station's printer and queue (`pickdesk label --reason`'s
        count and audit)."""
        context = getattr(self.console, "context", None)
        printer = getattr(context, "printer", None)
        if printer is None:
            self.console.refuse(self.tr("No printer set up: File → Settings → Label printer."))
            return
        queue = context.printing.queue
        self.console.run(OrderAction.REPRINT,
                         lambda uow: packing.print_documents(uow, order_no, queue, printer, slip=False,
                                                             reprint_reason=reason),
                         lambda sub: self.tr("{no}: %n label(s) sent to the printer again", "",
                                             len(sub.jobs)).format(no=order_no))

    def _void(self, order_no: str, reason: str) -> None:
        self.console.run(OrderAction.VOID, lambda uow: waybills.void_order_labels(uow, order_no, reason),
                         lambda numbers: self.tr("{no}: label(s) {numbers} voided; the parcels wait for new "
                                                 "numbers").format(no=order_no, numbers=", ".join(numbers)))

    def _intercept(self, order_no: str, reason: str) -> None:
        def done(asked: list[str]) -> str:
            if asked:
                return self.tr("{no}: the carrier was asked to intercept {numbers}; an exception is open").format(
                    no=order_no, numbers=", ".join(asked))
            return self.tr("{no}: this carrier takes no intercept call: phone it; an exception is open").format(
                no=order_no)

        self.console.run(OrderAction.INTERCEPT, lambda uow: waybills.intercept(uow, order_no, reason), done)

    def _customer(self, order_no: str, _reason: str) -> None:
        self.console.run(OrderAction.CUSTOMER, lambda uow: sv.open_customer(uow, order_no), self._show_customer)

    def _show_customer(self, view: sv.CustomerView) -> str:
        self.customer.setText(f"{view.order_no}: {view.name} · {view.phone} · {view.email}\n"
                              f"{view.country} {view.province}{view.city}{view.district} {view.detail} "
                              f"{view.postal_code}")
        return self.tr("Recipient of {no} opened (recorded in the audit log)").format(no=view.order_no)
