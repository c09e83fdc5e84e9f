"""The supervisor's workspace: orders by status and the orders on hold, refreshed every few seconds.

Customer names, phones and addresses are never shown here: the held list shows the order, the
merchant, the priority, the reason and the ship-by time only.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.domain.lifecycle import OrderStatus
from desktop.domain.roles import Role
from desktop.services.orders import OrderRow, count_by_status, list_orders
from ui.workspaces.base import Workspace, WorkspaceContext

HELD_LIMIT = 200

HOLD_REASONS = {
    "address": ("Address", "地址"), "price": ("Price", "价格"), "payment": ("Payment", "付款"),
    "shortage": ("Shortage", "缺货"), "weight": ("Weight", "重量"), "customer": ("Customer", "客户"),
    "other": ("Other", "其他"),
}
PRIORITIES = {"urgent": ("Urgent", "加急"), "expedited": ("Expedited", "优先"), "normal": ("Normal", "普通")}


def _both(pair: tuple[str, str] | None, fallback: str) -> str:
    return f"{pair[0]} · {pair[1]}" if pair else fallback


def _local(when: datetime | None) -> str:
    return "" if when is None else when.astimezone().strftime("%m-%d %H:%M")


def _table(name: str, headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    return table


class SupervisorWorkspace(Workspace):
    """Object names: `workspace_supervisor`, `supervisor_status_table` (status, 状态, orders),
    `supervisor_held_table`, `supervisor_held_title`, `supervisor_updated`."""

    role = Role.SUPERVISOR
    object_name = "workspace_supervisor"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.counts: dict[OrderStatus, int] = {}
        self.held: list[OrderRow] = []

        status_title = QLabel(self.tr("Orders by status · 订单状态"), self)
        status_title.setObjectName("section_title")
        self.status_table = _table("supervisor_status_table",
                                   [self.tr("Status"), "状态", self.tr("Orders\n订单")], self)
        self.status_table.setRowCount(len(OrderStatus))
        for row, status in enumerate(OrderStatus):
            self.status_table.setItem(row, 0, QTableWidgetItem(status.value.replace("_", " ").capitalize()))
            self.status_table.setItem(row, 1, QTableWidgetItem(status.label_zh))
            count = QTableWidgetItem("–")
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.status_table.setItem(row, 2, count)
        header = self.status_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        metrics = self.status_table.fontMetrics()
        self.status_table.setColumnWidth(1, max(metrics.horizontalAdvance(s.label_zh) for s in OrderStatus) + 24)
        self.status_table.setMinimumWidth(300)
        self.status_table.setMaximumWidth(360)

        self.held_title = QLabel(self.tr("On hold · 已挂起"), self)
        self.held_title.setObjectName("supervisor_held_title")
        self.held_title.setProperty("role", "section_title")
        self.held_table = _table("supervisor_held_table", [
            self.tr("Order\n订单"), self.tr("Merchant\n商户"), self.tr("Priority\n优先级"),
            self.tr("Reason\n原因"), self.tr("Ship by\n发货期限"), self.tr("Detail\n说明")], self)
        held_header = self.held_table.horizontalHeader()
        held_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        held_header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)

        self.updated = QLabel(self)
        self.updated.setObjectName("supervisor_updated")

        left = QVBoxLayout()
        left.addWidget(status_title)
        left.addWidget(self.status_table, 1)
        right = QVBoxLayout()
        right.addWidget(self.held_title)
        right.addWidget(self.held_table, 1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left)
        columns.addLayout(right, 1)
        self.body.addLayout(columns, 1)
        self.body.addWidget(self.updated)

    def load_op(self):  # noqa: ANN201
        return lambda uow: (count_by_status(uow), list_orders(uow, OrderStatus.HELD, limit=HELD_LIMIT))

    def show_data(self, data: object) -> None:
        counts, held = data  # type: ignore[misc]
        self.counts, self.held = counts, held
        for row, status in enumerate(OrderStatus):
            self.status_table.item(row, 2).setText(str(counts.get(status, 0)))
        self.held_title.setText(self.tr("On hold: {n} · 已挂起：{n}").format(n=counts.get(OrderStatus.HELD, len(held))))
        self.held_table.setRowCount(len(held))
        for row, order in enumerate(held):
            cells = [order.order_no, order.merchant, _both(PRIORITIES.get(order.priority_class), order.priority_class),
                     _both(HOLD_REASONS.get(order.hold_reason or ""), order.hold_reason or ""),
                     _local(order.promised_ship_by), order.hold_detail or ""]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.held_table.setItem(row, col, item)
        self.updated.setText(self.tr("Updated {time} · 更新于 {time}").format(time=datetime.now().strftime("%H:%M:%S")))
        self.updated.setProperty("stale", False)

    def show_failure(self, exc: BaseException) -> None:
        self.updated.setText(self.tr("Not updated: the central database cannot be reached. · 未更新：无法连接中央数据库。"))
