"""The workspaces a signed-in user works in: one per role (picker, packer, receiver, supervisor, admin)."""

from ui.workspaces.admin import AdminWorkspace
from ui.workspaces.base import Workspace, WorkspaceContext
from ui.workspaces.packer import PackerWorkspace
from ui.workspaces.picker import PickerWorkspace
from ui.workspaces.receiver import ReceiverWorkspace
from ui.workspaces.supervisor import SupervisorWorkspace

__all__ = ["AdminWorkspace", "PackerWorkspace", "PickerWorkspace", "ReceiverWorkspace", "SupervisorWorkspace", "Workspace",
           "WorkspaceContext"]
