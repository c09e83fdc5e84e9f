"""The put wall as a workspace of the packer role (Workspace ▸ Put wall): the wall's screen, fed the
station's scans. See `ui.widgets.put_wall` and docs/waves.md."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.domain.roles import Role
from ui.widgets.put_wall import PutWallPanel
from ui.workspaces.base import Workspace, WorkspaceContext


class PutWallWorkspace(Workspace):
    """Object names: `workspace_put_wall`; the panel's (`put_wall`, `put_wall_scan` …)."""

    role = Role.PACKER
    object_name = "workspace_put_wall"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.panel = PutWallPanel(self.runner, self.actor, parent=self)
        self.body.addWidget(self.panel, 1)
        self.setFocusProxy(self.panel)

    def on_scan(self, raw: str) -> bool:
        self.panel.on_scan(raw)
        return True

    def in_the_middle(self) -> bool:
        return self.panel.unit is not None
