"""The packer's workspace: scan a tote or an order; how many picked orders wait to be packed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop.domain.lifecycle import OrderStatus
from desktop.domain.roles import Role
from desktop.services.orders import count_by_status
from devices.decode import OrderScan, ScanRejected, ToteScan, decode_scan
from ui.widgets.message import MessageBanner
from ui.workspaces.base import Workspace, WorkspaceContext


class PackerWorkspace(Workspace):
    """Object names: `workspace_packer`, `packer_prompt`, `packer_scan` (the scan field),
    `packer_scan_result`, `packer_waiting_count`."""

    role = Role.PACKER
    object_name = "workspace_packer"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        prompt = QLabel(self.tr("Scan a tote or order · 请扫描周转箱或订单"), self)
        prompt.setObjectName("packer_prompt")
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prompt.setWordWrap(True)
        self.scan = QLineEdit(self)
        self.scan.setObjectName("packer_scan")
        self.scan.setPlaceholderText("TOTE-…  /  ORD-…")
        self.scan.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scan.returnPressed.connect(lambda: self.on_scan(self.scan.text()))
        self.result = MessageBanner("packer_scan_result", self)
        self.waiting = QLabel(self.tr("Counting picked orders… · 正在统计…"), self)
        self.waiting.setObjectName("packer_waiting_count")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addStretch(1)
        self.body.addWidget(prompt)
        self.body.addWidget(self.scan)
        self.body.addWidget(self.result)
        self.body.addWidget(self.waiting)
        self.body.addStretch(2)
        self.setFocusProxy(self.scan)

    def load_op(self):  # noqa: ANN201
        return lambda uow: count_by_status(uow)[OrderStatus.PICKED]

    def show_data(self, data: object) -> None:
        self.waiting_orders = int(data)  # type: ignore[arg-type]
        self.waiting.setText(self.tr("Picked, waiting to pack: {n} orders · 已拣货待打包：{n} 单")
                             .format(n=self.waiting_orders))

    def on_scan(self, raw: str) -> bool:
        self.scan.clear()
        if not raw.strip():
            return False
        try:
            scan = decode_scan(raw)
        except ScanRejected as exc:
            self.result.show_message(f"{exc.message}\n{exc.message_zh}", "error")
            return True
        if isinstance(scan, ToteScan):
            what = self.tr("Tote {code} · 周转箱 {code}").format(code=scan.code)
        elif isinstance(scan, OrderScan):
            what = self.tr("Order {code} · 订单 {code}").format(code=scan.order_no)
        else:
            self.result.show_message(self.tr("Scan a tote or an order label here.\n此处请扫描周转箱或订单标签。"))
            return True
        self.result.show_message(
            what + "\n" + self.tr("Verifying and packing come with the packing release. · 核对与打包功能将随打包版本推出。"),
            "info")
        return True
