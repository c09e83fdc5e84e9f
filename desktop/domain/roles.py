"""Who may do what. Checked in the services, not only by hiding buttons."""

from __future__ import annotations

import enum

from desktop.domain.errors import NotAllowed


class Role(enum.StrEnum):
    PICKER = "picker"
    PACKER = "packer"
    RECEIVER = "receiver"  # inbound goods and stock counts
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def label_zh(self) -> str:
        return {"picker": "拣货员", "packer": "打包员", "receiver": "收货员", "supervisor": "主管",
                "admin": "管理员"}[self.value]


# Supervisors may step in for pickers, packers and receivers; admins may do everything.
_CAN_ACT_AS: dict[Role, frozenset[Role]] = {
    Role.PICKER: frozenset({Role.PICKER}),
    Role.PACKER: frozenset({Role.PACKER}),
    Role.RECEIVER: frozenset({Role.RECEIVER}),
    Role.SUPERVISOR: frozenset({Role.SUPERVISOR, Role.PICKER, Role.PACKER, Role.RECEIVER}),
    Role.ADMIN: frozenset(Role),
}


def may_act_as(actual: Role, needed: Role) -> bool:
    return needed in _CAN_ACT_AS[actual]


def require_role(actual: Role, *needed: Role) -> None:
    """Raise NotAllowed unless `actual` covers one of `needed`."""
    if any(may_act_as(actual, n) for n in needed):
        return
    names = ", ".join(n.value for n in needed)
    names_zh = "、".join(n.label_zh for n in needed)
    raise NotAllowed(
        f"This needs the role {names}; you are signed in as {actual.value}.",
        f"此操作需要「{names_zh}」角色；您当前是「{actual.label_zh}」。",
    )
