"""The picker's workspace: how much is waiting, and (with the workstation release) the next batch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from desktop.domain.lifecycle import OrderStatus
from desktop.domain.roles import Role
from desktop.services.orders import count_by_status
from ui.workspaces.base import Workspace, WorkspaceContext


class PickerWorkspace(Workspace):
    """Object names: `workspace_picker`, `picker_ready_count`, `picker_next_batch`, `picker_note`."""

    role = Role.PICKER
    object_name = "workspace_picker"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.ready_count = QLabel(self.tr("Counting ready orders… · 正在统计…"), self)
        self.ready_count.setObjectName("picker_ready_count")
        self.ready_count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_batch = QPushButton(self.tr("Next batch · 下一批"), self)
        self.next_batch.setObjectName("picker_next_batch")
        self.next_batch.setEnabled(False)
        self.next_batch.setMinimumHeight(120)
        note = QLabel(self.tr("Batch picking comes with the workstation release.\n"
                              "批量拣货将随工作站版本推出。"), self)
        note.setObjectName("picker_note")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setWordWrap(True)
        self.body.addStretch(1)
        self.body.addWidget(self.ready_count)
        self.body.addWidget(self.next_batch)
        self.body.addWidget(note)
        self.body.addStretch(2)

    def load_op(self):  # noqa: ANN201
        return lambda uow: count_by_status(uow)[OrderStatus.READY]

    def show_data(self, data: object) -> None:
        self.ready_orders = int(data)  # type: ignore[arg-type]
        self.ready_count.setText(self.tr("Ready to pick: {n} orders · 待拣货：{n} 单").format(n=self.ready_orders))
