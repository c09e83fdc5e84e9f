"""The supervisor's console: the floor live, orders and their actions, exceptions, stock, the audit log.

Tabs (object name `supervisor_tabs`):
* Floor — `supervisor_status_table` (status × priority class), `supervisor_board` (orders on the
  floor, overdue first, time to ship-by), `supervisor_pickers` (pickers, their station and batch),
  `supervisor_batch_picker` + `supervisor_reassign_batch` (give the selected picker's batch to another).
* Orders — `supervisor_orders` with `supervisor_reason` and the actions `supervisor_release`,
  `supervisor_hold`, `supervisor_cancel`, `supervisor_priority` (+ `supervisor_priority_class`),
  `supervisor_reassign` (+ `supervisor_order_picker`), `supervisor_customer` (the full recipient,
  for address holds only; opening it is audited); `supervisor_held_table` lists the held orders.
* Exceptions — `supervisor_exceptions` and the decision panel: `supervisor_exception_detail`,
  `supervisor_decision`, `supervisor_decision_reason`, `supervisor_substitute_sku`,
  `supervisor_consent`, `supervisor_decide`.
* Stock — `supervisor_low_stock`, `supervisor_replenishment`, `supervisor_export_csv`.
* Audit — `supervisor_audit_text`, `supervisor_audit_user`, `supervisor_audit_from`,
  `supervisor_audit_to`, `supervisor_audit_find`, `supervisor_audit`.
Always: `supervisor_run_intake`, `supervisor_message`, `supervisor_updated`.

The console refreshes by itself: a ChangeFeedWatcher reloads it when orders, batches, exceptions,
stock or stations change (and the workspace timer as a fallback). Every action goes through a
service on the task runner; a reason is asked for where the service records one.

Signals:
    action_done(str): an action succeeded (its name).
    action_failed(str): an action was refused (the message shown).
    audit_loaded(): the audit search results are on screen.
"""

from __future__ import annotations

from datetime import datetime, time, timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import PickdeskError
from desktop.domain.lifecycle import OrderStatus
from desktop.domain.roles import Role
from desktop.services import intake, replenishment
from desktop.services import supervision as sv
from desktop.services.orders import OrderRow, count_by_status, list_orders
from ui.live import ChangeFeedWatcher
from ui.widgets.figures_panel import FiguresPanel
from ui.widgets.handover_panel import HandoverPanel
from ui.widgets.returns_panel import ReturnsPanel
from ui.workspaces.base import Workspace, WorkspaceContext

HELD_LIMIT = 200
LIVE_TOPICS = frozenset({"orders", "batches", "exceptions", "stock", "stations", "parcels", "print"})

HOLD_REASONS = {
    "address": ("Address", "地址"), "price": ("Price", "价格"), "payment": ("Payment", "付款"),
    "shortage": ("Shortage", "缺货"), "weight": ("Weight", "重量"), "customer": ("Customer", "客户"),
    "other": ("Other", "其他"),
}
PRIORITIES = {"urgent": ("Urgent", "加急"), "expedited": ("Expedited", "优先"), "normal": ("Normal", "普通")}
KINDS = {
    "address_hold": ("Address hold", "地址挂起"), "price_hold": ("Price hold", "价格挂起"),
    "payment_hold": ("Payment hold", "付款挂起"), "short_pick": ("Short pick", "拣货缺货"),
    "backorder": ("Backorder", "缺货待补"), "weight_override": ("Weight override", "重量异常"),
    "print_failed": ("Print failed", "打印失败"), "refused": ("Refused", "拒收"), "delayed": ("Delayed", "延误"),
    "lost": ("Lost", "丢件"), "conflict": ("Conflict", "冲突"),
}


def _both(pair: tuple[str, str] | None, fallback: str) -> str:
    return f"{pair[0]} · {pair[1]}" if pair else fallback


def _local(when: datetime | None) -> str:
    return "" if when is None else when.astimezone().strftime("%m-%d %H:%M")


def _left(minutes: int | None) -> str:
    if minutes is None:
        return "–"
    sign = "−" if minutes < 0 else ""
    m = abs(minutes)
    return f"{sign}{m // 60}h{m % 60:02d}"


def _table(name: str, headers: list[str], parent: QWidget, stretch: int | None = None) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(36)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], keys: list[Any] | None = None) -> None:
    """Replace a table's rows, keeping the selection on the same key (column 0 data)."""
    selected = _selected_key(table)
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, keys[r] if keys else text)
            table.setItem(r, c, item)
    if selected is not None:
        for r in range(table.rowCount()):
            if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == selected:
                table.selectRow(r)
                break


def _selected_key(table: QTableWidget) -> Any:
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def _button(text: str, name: str, parent: QWidget, slot) -> QPushButton:  # noqa: ANN001
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setMinimumHeight(48)
    button.clicked.connect(slot)
    return button


class SupervisorWorkspace(Workspace):
    """The console; object names and signals are listed in the module docstring."""

    action_done = Signal(str)
    action_failed = Signal(str)
    audit_loaded = Signal()

    role = Role.SUPERVISOR
    object_name = "workspace_supervisor"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.counts: dict[OrderStatus, int] = {}
        self.held: list[OrderRow] = []
        self.board: sv.FloorBoard | None = None
        self.exceptions: list[sv.ExceptionRow] = []
        self.replenishment_rows: list[replenishment.ReplenishmentRow] = []

        top = QHBoxLayout()
        self.run_intake_button = _button(self.tr("Run intake · 运行订单审核"), "supervisor_run_intake", self,
                                         self.run_intake)
        self.message = QLabel(self)
        self.message.setObjectName("supervisor_message")
        self.message.setWordWrap(True)
        self.updated = QLabel(self)
        self.updated.setObjectName("supervisor_updated")
        top.addWidget(self.run_intake_button)
        top.addWidget(self.message, 1)
        top.addWidget(self.updated)
        self.body.addLayout(top)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("supervisor_tabs")
        self.tabs.addTab(self._build_floor(), self.tr("Floor · 现场"))
        self.tabs.addTab(self._build_orders(), self.tr("Orders · 订单"))
        self.tabs.addTab(self._build_exceptions(), self.tr("Exceptions · 异常"))
        self.tabs.addTab(self._build_stock(), self.tr("Stock · 库存"))
        self.tabs.addTab(self._build_audit(), self.tr("Audit · 审计"))
        # After the parcel leaves: hand-over to carriers, returns receiving, and the figures.
        self.handover = HandoverPanel(context, self)
        self.returns = ReturnsPanel(context, self)
        self.figures = FiguresPanel(context, self)
        self.tabs.addTab(self.handover, self.tr("Hand-over · 交接"))
        self.tabs.addTab(self.returns, self.tr("Returns · 退货"))
        self.tabs.addTab(self.figures, self.tr("Figures · 数据"))
        self.body.addWidget(self.tabs, 1)

        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(100)
        self._soon.timeout.connect(self.refresh)
        self.watcher = ChangeFeedWatcher(self.runner, parent=self)
        self.watcher.changed.connect(self._on_feed)
        self.watcher.start()
        QTimer.singleShot(0, self.search_audit)

    # --- building -----------------------------------------------------------------------------

    def _build_floor(self) -> QWidget:
        page = QWidget(self)
        self.status_table = _table("supervisor_status_table", [
            self.tr("Status"), "状态", self.tr("Orders\n订单"), self.tr("Urgent\n加急"), self.tr("Exped.\n优先"),
            self.tr("Normal\n普通")], page)
        self.status_table.setRowCount(len(OrderStatus))
        for row, status in enumerate(OrderStatus):
            self.status_table.setItem(row, 0, QTableWidgetItem(status.value.replace("_", " ").capitalize()))
            self.status_table.setItem(row, 1, QTableWidgetItem(status.label_zh))
            for col in range(2, 6):
                cell = QTableWidgetItem("–")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.status_table.setItem(row, col, cell)
        self.status_table.verticalHeader().setDefaultSectionSize(30)
        header = self.status_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        metrics = self.status_table.fontMetrics()
        bold = header.fontMetrics()
        widths = [max(metrics.horizontalAdvance(s.value.capitalize()) for s in OrderStatus) + 20,
                  max(metrics.horizontalAdvance(s.label_zh) for s in OrderStatus) + 20] + \
                 [bold.horizontalAdvance(w) * 6 // 5 + 28 for w in ("Orders", "Urgent", "Exped.", "Normal")]
        for col, width in enumerate(widths):
            self.status_table.setColumnWidth(col, width)
        self.status_table.setFixedWidth(sum(widths) + 4)
        self.status_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.board_table = _table("supervisor_board", [
            self.tr("Order\n订单"), self.tr("Status\n状态"), self.tr("Priority\n优先级"), self.tr("Ship by\n发货期限"),
            self.tr("Left\n剩余"), self.tr("Picker · batch\n拣货员 · 批次")], page, stretch=5)
        self.pickers_table = _table("supervisor_pickers", [
            self.tr("Picker\n拣货员"), self.tr("Station\n工作站"), self.tr("Batch\n批次"), self.tr("Stops\n进度")],
            page, stretch=2)
        self.batch_picker = QComboBox(page)
        self.batch_picker.setObjectName("supervisor_batch_picker")
        self.batch_picker.setMinimumHeight(48)
        self.reassign_batch_button = _button(self.tr("Reassign batch · 转派批次"), "supervisor_reassign_batch", page,
                                             self.reassign_selected_batch)
        self.batch_reason = QLineEdit(page)
        self.batch_reason.setObjectName("supervisor_batch_reason")
        self.batch_reason.setPlaceholderText(self.tr("Reason · 原因"))
        self.batch_reason.setMinimumHeight(48)

        right = QVBoxLayout()
        right.addWidget(self.board_table, 3)
        pickers_title = QLabel(self.tr("Pickers and their batches · 拣货员与批次"), page)
        pickers_title.setObjectName("section_title")
        right.addWidget(pickers_title)
        lower = QHBoxLayout()
        lower.addWidget(self.pickers_table, 2)
        reassign = QVBoxLayout()
        reassign.addWidget(self.batch_picker)
        reassign.addWidget(self.batch_reason)
        reassign.addWidget(self.reassign_batch_button)
        reassign.addStretch(1)
        lower.addLayout(reassign, 1)
        right.addLayout(lower, 2)

        layout = QHBoxLayout(page)
        layout.addWidget(self.status_table)
        layout.addLayout(right, 1)
        return page

    def _build_orders(self) -> QWidget:
        page = QWidget(self)
        self.orders_table = _table("supervisor_orders", [
            self.tr("Order\n订单"), self.tr("Merchant\n商户"), self.tr("Status\n状态"), self.tr("Priority\n优先级"),
            self.tr("Ship by\n发货期限"), self.tr("Left\n剩余"), self.tr("Picker\n拣货员"), self.tr("Hold\n挂起说明")],
            page, stretch=7)
        self.held_title = QLabel(self.tr("On hold · 已挂起"), page)
        self.held_title.setObjectName("supervisor_held_title")
        self.held_table = _table("supervisor_held_table", [
            self.tr("Order\n订单"), self.tr("Merchant\n商户"), self.tr("Priority\n优先级"),
            self.tr("Reason\n原因"), self.tr("Ship by\n发货期限"), self.tr("Detail\n说明")], page, stretch=5)
        self.held_table.itemSelectionChanged.connect(self._held_selected)

        self.reason = QLineEdit(page)
        self.reason.setObjectName("supervisor_reason")
        self.reason.setPlaceholderText(self.tr("Reason (recorded) · 原因（将记录）"))
        self.reason.setMinimumHeight(48)
        self.priority_class = QComboBox(page)
        self.priority_class.setObjectName("supervisor_priority_class")
        for key, pair in PRIORITIES.items():
            self.priority_class.addItem(_both(pair, key), key)
        self.priority_class.setMinimumHeight(48)
        self.order_picker = QComboBox(page)
        self.order_picker.setObjectName("supervisor_order_picker")
        self.order_picker.setMinimumHeight(48)
        actions = QGridLayout()
        buttons = [
            _button(self.tr("Release · 放行"), "supervisor_release", page, lambda: self.order_action("release")),
            _button(self.tr("Hold · 挂起"), "supervisor_hold", page, lambda: self.order_action("hold")),
            _button(self.tr("Cancel · 取消"), "supervisor_cancel", page, lambda: self.order_action("cancel")),
            _button(self.tr("Set priority · 设优先级"), "supervisor_priority", page,
                    lambda: self.order_action("priority")),
            _button(self.tr("Reassign · 转派"), "supervisor_reassign", page, lambda: self.order_action("reassign")),
            _button(self.tr("Customer · 收件人"), "supervisor_customer", page, lambda: self.order_action("customer")),
        ]
        actions.addWidget(self.reason, 0, 0, 1, 2)
        actions.addWidget(self.priority_class, 0, 2)
        actions.addWidget(self.order_picker, 0, 3)
        for n, button in enumerate(buttons):
            actions.addWidget(button, 1, n % 6)
        self.customer = QLabel(page)
        self.customer.setObjectName("supervisor_customer_view")
        self.customer.setWordWrap(True)
        self.customer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(self.orders_table)
        lower = QWidget(split)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.held_title)
        lower_layout.addWidget(self.held_table)
        split.addWidget(lower)
        split.setSizes([300, 180])
        layout = QVBoxLayout(page)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        layout.addWidget(self.customer)
        return page

    def _build_exceptions(self) -> QWidget:
        page = QWidget(self)
        self.exceptions_table = _table("supervisor_exceptions", [
            "#", self.tr("Kind\n类型"), self.tr("Order\n订单"), self.tr("Order status\n订单状态"),
            self.tr("Raised\n时间"), self.tr("What happened\n情况")], page, stretch=5)
        self.exceptions_table.itemSelectionChanged.connect(self._exception_selected)
        panel = QVBoxLayout()
        title = QLabel(self.tr("Decision · 处理决定"), page)
        title.setObjectName("section_title")
        self.exception_detail = QLabel(self.tr("Choose an exception. · 请选择一条异常。"), page)
        self.exception_detail.setObjectName("supervisor_exception_detail")
        self.exception_detail.setWordWrap(True)
        self.exception_detail.setMinimumWidth(300)
        self.decision = QComboBox(page)
        self.decision.setObjectName("supervisor_decision")
        self.decision.setMinimumHeight(48)
        self.decision.currentIndexChanged.connect(self._decision_changed)
        self.decision_reason = QLineEdit(page)
        self.decision_reason.setObjectName("supervisor_decision_reason")
        self.decision_reason.setPlaceholderText(self.tr("Reason (recorded) · 原因（将记录）"))
        self.decision_reason.setMinimumHeight(48)
        self.substitute_sku = QLineEdit(page)
        self.substitute_sku.setObjectName("supervisor_substitute_sku")
        self.substitute_sku.setPlaceholderText(self.tr("Substitute SKU or GTIN · 替代商品编码"))
        self.substitute_sku.setMinimumHeight(48)
        self.consent = QLineEdit(page)
        self.consent.setObjectName("supervisor_consent")
        self.consent.setPlaceholderText(self.tr("Customer's consent: how, when · 客户同意：方式、时间"))
        self.consent.setMinimumHeight(48)
        self.decide_button = _button(self.tr("Decide · 确定"), "supervisor_decide", page, self.decide)
        self.decision.setMinimumWidth(380)
        for w in (title, self.exception_detail, self.decision, self.decision_reason, self.substitute_sku,
                  self.consent, self.decide_button):
            panel.addWidget(w)
        panel.addStretch(1)
        self._decision_changed()
        layout = QHBoxLayout(page)
        layout.addWidget(self.exceptions_table, 3)
        layout.addLayout(panel, 1)
        return page

    def _build_stock(self) -> QWidget:
        page = QWidget(self)
        self.low_stock_table = _table("supervisor_low_stock", [
            self.tr("WH\n仓"), self.tr("Merchant\n商户"), self.tr("SKU"), self.tr("Available\n可用"),
            self.tr("Threshold\n预警线"), self.tr("Request\n补货单"), self.tr("Product\n商品")], page, stretch=6)
        self.replenishment_table = _table("supervisor_replenishment", [
            "#", self.tr("Raised\n时间"), self.tr("Reason\n原因"), self.tr("Status\n状态"), self.tr("WH\n仓"),
            self.tr("SKU"), self.tr("Qty\n数量"), self.tr("Supplier\n供应商"), self.tr("Product\n商品")],
            page, stretch=8)
        self.export_button = _button(self.tr("Export CSV · 导出 CSV"), "supervisor_export_csv", page,
                                     self.choose_export_file)
        left = QVBoxLayout()
        low_title = QLabel(self.tr("Low stock · 库存预警"), page)
        low_title.setObjectName("section_title")
        left.addWidget(low_title)
        left.addWidget(self.low_stock_table, 1)
        right = QVBoxLayout()
        rep_title = QLabel(self.tr("Replenishment requests · 补货申请"), page)
        rep_title.setObjectName("section_title")
        right.addWidget(rep_title)
        right.addWidget(self.replenishment_table, 1)
        right.addWidget(self.export_button)
        layout = QHBoxLayout(page)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        return page

    def _build_audit(self) -> QWidget:
        page = QWidget(self)
        self.audit_text = QLineEdit(page)
        self.audit_text.setObjectName("supervisor_audit_text")
        self.audit_text.setPlaceholderText(self.tr("Search: order, batch, action, reason… · 搜索"))
        self.audit_text.setMinimumHeight(48)
        self.audit_text.returnPressed.connect(self.search_audit)
        self.audit_user = QLineEdit(page)
        self.audit_user.setObjectName("supervisor_audit_user")
        self.audit_user.setPlaceholderText(self.tr("User · 用户"))
        self.audit_user.setMinimumHeight(48)
        self.audit_user.returnPressed.connect(self.search_audit)
        today = QDate.currentDate()
        self.audit_from = QDateEdit(today.addDays(-30), page)
        self.audit_from.setObjectName("supervisor_audit_from")
        self.audit_to = QDateEdit(today, page)
        self.audit_to.setObjectName("supervisor_audit_to")
        for edit in (self.audit_from, self.audit_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumHeight(48)
        find = _button(self.tr("Find · 查找"), "supervisor_audit_find", page, self.search_audit)
        bar = QHBoxLayout()
        bar.addWidget(self.audit_text, 3)
        bar.addWidget(self.audit_user, 1)
        bar.addWidget(QLabel(self.tr("From · 从"), page))
        bar.addWidget(self.audit_from)
        bar.addWidget(QLabel(self.tr("to · 至"), page))
        bar.addWidget(self.audit_to)
        bar.addWidget(find)
        self.audit_table = _table("supervisor_audit", [
            self.tr("When\n时间"), self.tr("User\n用户"), self.tr("Station\n工作站"), self.tr("Action\n操作"),
            self.tr("Entity\n对象"), self.tr("Detail\n详情")], page, stretch=5)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.audit_table, 1)
        return page

    # --- loading ------------------------------------------------------------------------------

    def load_op(self):  # noqa: ANN201
        def op(uow):
            board = sv.floor_board(uow)
            return {
                "counts": count_by_status(uow),
                "held": list_orders(uow, OrderStatus.HELD, limit=HELD_LIMIT),
                "board": board,
                "exceptions": sv.list_exceptions(uow),
                "low_stock": replenishment.low_stock_alerts(uow),
                "replenishment": replenishment.list_replenishment(uow),
                "pickers": sv.picker_logins(uow),
            }
        return op

    def show_data(self, data: object) -> None:
        if isinstance(data, tuple):  # (counts, held): the shell's shape, kept for its callers
            data = {"counts": data[0], "held": data[1]}
        assert isinstance(data, dict)
        counts = data.get("counts", {})
        self.counts, self.held = counts, data.get("held", [])
        board: sv.FloorBoard | None = data.get("board")
        self.board = board
        by_class = board.counts if board else {}
        for row, status in enumerate(OrderStatus):
            self.status_table.item(row, 2).setText(str(counts.get(status, 0)))
            for col, cls in enumerate(("urgent", "expedited", "normal"), start=3):
                n = by_class.get((status.value, cls), 0)
                self.status_table.item(row, col).setText(str(n) if n else "")
        self._show_held()
        if board is not None:
            self._show_board(board)
        if "pickers" in data:
            self._set_pickers(data["pickers"])
        if "exceptions" in data:
            self.exceptions = data["exceptions"]
            self._show_exceptions()
        if "low_stock" in data:
            _fill(self.low_stock_table, [[r.warehouse, r.merchant, r.sku, str(r.available), str(r.threshold),
                                          f"#{r.open_request}" if r.open_request else "", r.name]
                                         for r in data["low_stock"]])
        if "replenishment" in data:
            self.replenishment_rows = data["replenishment"]
            _fill(self.replenishment_table, [[str(r.id), _local(r.created_at), r.reason, r.status, r.warehouse, r.sku,
                                              str(r.qty), f"{r.merchant} {r.supplier_phone}", r.name]
                                             for r in self.replenishment_rows],
                  [r.id for r in self.replenishment_rows])
        self.tabs.setTabText(2, self.tr("Exceptions ({n}) · 异常").format(n=len(self.exceptions)))
        self.updated.setText(self.tr("Updated {time} · 更新于 {time}").format(time=datetime.now().strftime("%H:%M:%S")))

    def _show_held(self) -> None:
        held = self.held
        self.held_title.setText(self.tr("On hold: {n} · 已挂起：{n}").format(n=self.counts.get(OrderStatus.HELD, len(held))))
        _fill(self.held_table, [[o.order_no, o.merchant, _both(PRIORITIES.get(o.priority_class), o.priority_class),
                                 _both(HOLD_REASONS.get(o.hold_reason or ""), o.hold_reason or ""),
                                 _local(o.promised_ship_by), o.hold_detail or ""] for o in held])

    def _show_board(self, board: sv.FloorBoard) -> None:
        rows = []
        for o in board.orders:
            rows.append([o.order_no, OrderStatus(o.status).label_zh,
                         PRIORITIES.get(o.priority_class, ("", o.priority_class))[1], _local(o.promised_ship_by),
                         _left(o.minutes_left), (o.picker or "") + (f" · {o.batch}" if o.batch else "")])
        _fill(self.board_table, rows)
        for r, o in enumerate(board.orders):
            self.board_table.item(r, 0).setToolTip(
                f"{o.order_no} · {o.merchant} · {o.status} · {o.priority_class} · "
                f"{self.tr('ship by · 发货期限')} {_local(o.promised_ship_by)}")
            if o.minutes_left is not None and o.minutes_left < 0:
                self.board_table.item(r, 4).setForeground(Qt.GlobalColor.red)
        _fill(self.orders_table, [[o.order_no, o.merchant, f"{OrderStatus(o.status).label_zh} {o.status}",
                                   _both(PRIORITIES.get(o.priority_class), o.priority_class),
                                   _local(o.promised_ship_by), _left(o.minutes_left), o.picker or "",
                                   o.hold_detail or ""] for o in board.orders])
        _fill(self.pickers_table, [[p.login, (p.station or "—") + (" ●" if p.online else ""),
                                    p.batch or "", f"{p.stops_done}/{p.stops}" if p.batch else ""]
                                   for p in board.pickers], [p.login for p in board.pickers])
        for r, p in enumerate(board.pickers):
            self.pickers_table.item(r, 0).setToolTip(f"{p.display_name} · {_local(p.last_seen)}")

    def _set_pickers(self, pickers: list[tuple[str, str]]) -> None:
        for combo in (self.batch_picker, self.order_picker):
            current = combo.currentData()
            if [combo.itemData(i) for i in range(combo.count())] == [login for login, _ in pickers]:
                continue
            combo.clear()
            for login, name in pickers:
                combo.addItem(login, login)
                combo.setItemData(combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
            if current is not None:
                combo.setCurrentIndex(max(0, combo.findData(current)))

    def _show_exceptions(self) -> None:
        _fill(self.exceptions_table, [[str(e.id), _both(KINDS.get(e.kind), e.kind), e.order_no or "",
                                       OrderStatus(e.order_status).label_zh if e.order_status else "",
                                       _local(e.created_at), e.summary]
                                      for e in self.exceptions], [e.id for e in self.exceptions])
        self._exception_selected()

    def show_failure(self, exc: BaseException) -> None:
        self.updated.setText(self.tr("Not updated: the central database cannot be reached. · 未更新：无法连接中央数据库。"))

    def _on_feed(self, entry: object) -> None:
        if getattr(entry, "topic", None) in LIVE_TOPICS:
            self._soon.start()

    # --- actions ------------------------------------------------------------------------------

    def _run(self, name: str, op, done_text) -> None:  # noqa: ANN001
        self.message.setProperty("kind", "info")
        self.message.setText(self.tr("Working… · 处理中…"))
        self.runner.run(op, lambda result: self._action_ok(name, done_text(result)),
                        lambda exc: self._action_refused(exc), actor=self.actor, owner=self)

    def _action_ok(self, name: str, text: str) -> None:
        self.message.setProperty("kind", "ok")
        self.message.setText(text)
        self.action_done.emit(name)
        self.refresh()

    def _action_refused(self, exc: BaseException) -> None:
        if isinstance(exc, PickdeskError):
            text = f"{exc.message} · {exc.message_zh}"
        else:
            text = self.tr("Failed · 失败: {error}").format(error=exc)
        self.message.setProperty("kind", "error")
        self.message.setText(text)
        self.action_failed.emit(text)

    def _refuse_here(self, text: str) -> None:
        self.message.setProperty("kind", "error")
        self.message.setText(text)
        self.action_failed.emit(text)

    def run_intake(self) -> None:
        self.run_intake_button.setEnabled(False)

        def done(summary: intake.IntakeSummary) -> str:
            self.run_intake_button.setEnabled(True)
            return self.tr("Intake: {text} · 审核完成").format(text=summary.describe())

        def op(uow):
            return intake.run_intake(uow.db, actor=self.actor)

        self.runner.run(op, lambda s: self._action_ok("intake", done(s)),
                        lambda exc: (self.run_intake_button.setEnabled(True), self._action_refused(exc)),
                        actor=self.actor, owner=self)

    def selected_order(self) -> str | None:
        return _selected_key(self.orders_table)

    def select_order(self, order_no: str) -> bool:
        for table in (self.orders_table, self.held_table):
            for r in range(table.rowCount()):
                if table.item(r, 0).text() == order_no:
                    table.selectRow(r)
                    if table is self.held_table:
                        self._held_selected()
                    return True
        return False

    def _held_selected(self) -> None:
        order_no = _selected_key(self.held_table)
        if order_no:
            for r in range(self.orders_table.rowCount()):
                if self.orders_table.item(r, 0).text() == order_no:
                    self.orders_table.selectRow(r)

    def order_action(self, action: str) -> None:
        order_no = self.selected_order()
        if not order_no:
            self._refuse_here(self.tr("Choose an order first. · 请先选择订单。"))
            return
        reason = self.reason.text().strip()
        if action != "customer" and not reason:
            self._refuse_here(self.tr("Give a reason: it is recorded. · 请填写原因：它会被记录。"))
            self.reason.setFocus()
            return
        if action == "release":
            self._run(action, lambda uow: sv.release_order(uow, order_no, reason),
                      lambda status: self.tr("{no} released: now {status} · 已放行").format(no=order_no, status=status))
        elif action == "hold":
            self._run(action, lambda uow: sv.hold_order(uow, order_no, reason),
                      lambda _r: self.tr("{no} held · 已挂起").format(no=order_no))
        elif action == "cancel":
            self._run(action, lambda uow: sv.cancel_order(uow, order_no, reason),
                      lambda _r: self.tr("{no} cancelled · 已取消").format(no=order_no))
        elif action == "priority":
            cls = self.priority_class.currentData()
            self._run(action, lambda uow: sv.raise_priority(uow, order_no, cls, reason),
                      lambda _r: self.tr("{no} is now {cls} · 优先级已更新").format(no=order_no, cls=cls))
        elif action == "reassign":
            login = self.order_picker.currentData()
            self._run(action, lambda uow: sv.reassign_order(uow, order_no, login, reason),
                      lambda batch: self.tr("{no} reassigned to {who} {batch} · 已转派").format(
                          no=order_no, who=login, batch=f"({batch})" if batch else ""))
        elif action == "customer":
            self._run(action, lambda uow: sv.open_customer(uow, order_no), self._show_customer)

    def _show_customer(self, view: sv.CustomerView) -> str:
        self.customer.setText(f"{view.order_no}: {view.name} · {view.phone} · {view.email}\n"
                              f"{view.country} {view.province}{view.city}{view.district} {view.detail} "
                              f"{view.postal_code}")
        return self.tr("Customer data opened for {no} (audited) · 已查看收件人（已记录）").format(no=view.order_no)

    def reassign_selected_batch(self) -> None:
        login_from = _selected_key(self.pickers_table)
        picker = next((p for p in (self.board.pickers if self.board else []) if p.login == login_from), None)
        if picker is None or not picker.batch:
            self._refuse_here(self.tr("Choose a picker with a batch. · 请选择有批次的拣货员。"))
            return
        to = self.batch_picker.currentData()
        reason = self.batch_reason.text().strip()
        if not reason:
            self._refuse_here(self.tr("Give a reason: it is recorded. · 请填写原因：它会被记录。"))
            self.batch_reason.setFocus()
            return
        code, version = picker.batch, picker.batch_version
        self._run("reassign_batch", lambda uow: sv.reassign_batch(uow, code, to, reason, expected_version=version),
                  lambda _v: self.tr("Batch {code} reassigned to {who} · 批次已转派").format(code=code, who=to))

    def select_picker(self, login: str) -> bool:
        for r in range(self.pickers_table.rowCount()):
            if self.pickers_table.item(r, 0).data(Qt.ItemDataRole.UserRole) == login:
                self.pickers_table.selectRow(r)
                return True
        return False

    # --- exceptions ---------------------------------------------------------------------------

    def _selected_exception(self) -> sv.ExceptionRow | None:
        key = _selected_key(self.exceptions_table)
        return next((e for e in self.exceptions if e.id == key), None)

    def _exception_selected(self) -> None:
        case = self._selected_exception()
        current = self.decision.currentData()
        self.decision.blockSignals(True)
        self.decision.clear()
        if case is None:
            self.exception_detail.setText(self.tr("Choose an exception. · 请选择一条异常。"))
        else:
            lines = [f"#{case.id} {_both(KINDS.get(case.kind), case.kind)}",
                     f"{self.tr('Order · 订单')}: {case.order_no or '—'} ({case.order_status or '—'})", case.summary]
            self.exception_detail.setText("\n".join(lines))
            for d in case.decisions:
                self.decision.addItem(_both(sv.DECISION_LABELS.get(d), d), d)
            if current is not None and self.decision.findData(current) >= 0:
                self.decision.setCurrentIndex(self.decision.findData(current))
        self.decision.blockSignals(False)
        self._decision_changed()

    def _decision_changed(self) -> None:
        substitute = self.decision.currentData() == "substitute"
        self.substitute_sku.setVisible(substitute)
        self.consent.setVisible(substitute)
        self.decide_button.setEnabled(self.decision.count() > 0)

    def select_exception(self, exception_id: int) -> bool:
        for r in range(self.exceptions_table.rowCount()):
            if self.exceptions_table.item(r, 0).data(Qt.ItemDataRole.UserRole) == exception_id:
                self.exceptions_table.selectRow(r)
                return True
        return False

    def decide(self) -> None:
        case = self._selected_exception()
        if case is None:
            self._refuse_here(self.tr("Choose an exception first. · 请先选择异常。"))
            return
        decision = self.decision.currentData()
        reason = self.decision_reason.text().strip()
        if not reason:
            self._refuse_here(self.tr("Give a reason: it is recorded. · 请填写原因：它会被记录。"))
            self.decision_reason.setFocus()
            return
        sku = self.substitute_sku.text().strip() or None
        consent = self.consent.text().strip() or None
        self._run("decide", lambda uow: sv.decide_exception(uow, case.id, decision, reason,
                                                            expected_version=case.version, substitute_sku=sku,
                                                            customer_consent=consent),
                  lambda _r: self.tr("#{id}: {decision} recorded · 已记录").format(id=case.id, decision=decision))
        self.decision_reason.clear()

    # --- stock --------------------------------------------------------------------------------

    def choose_export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export replenishment · 导出补货申请"),
                                              "replenishment.csv", "CSV (*.csv)")
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        def op(uow):
            text = replenishment.replenishment_csv(replenishment.list_replenishment(uow, limit=100_000))
            path.write_text(text, encoding="utf-8")
            return text.count("\n") - 1

        self._run("export", op, lambda n: self.tr("{n} requests written to {path} · 已导出").format(n=n, path=path.name))

    # --- audit --------------------------------------------------------------------------------

    def search_audit(self) -> None:
        text = self.audit_text.text().strip() or None
        user = self.audit_user.text().strip() or None
        since = datetime.combine(self.audit_from.date().toPython(), time.min).astimezone(timezone.utc)
        until = datetime.combine(self.audit_to.date().toPython().fromordinal(
            self.audit_to.date().toPython().toordinal() + 1), time.min).astimezone(timezone.utc)
        self.runner.run(lambda uow: sv.search_audit(uow, text=text, user=user, since=since, until=until),
                        self._show_audit, self._action_refused, actor=self.actor, owner=self)

    def _show_audit(self, rows: list[sv.AuditRow]) -> None:
        def detail(d: dict) -> str:
            return ", ".join(f"{k}={v}" for k, v in d.items() if v not in (None, "", [], {}))

        _fill(self.audit_table, [[_local(a.at), a.user or "", a.station or "", a.action,
                                  f"{a.entity} {a.entity_id or ''}", detail(a.detail)] for a in rows],
              [a.id for a in rows])
        self.audit_loaded.emit()

    def on_scan(self, raw: str) -> bool:
        """A scan goes to the tab that takes scans (hand-over, returns) when it is the one on screen."""
        current = self.tabs.currentWidget()
        if current in (self.handover, self.returns):
            return current.on_scan(raw)
        return super().on_scan(raw)

    def stop(self) -> None:
        super().stop()
        self.watcher.stop()
