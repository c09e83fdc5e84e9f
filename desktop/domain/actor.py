"""Who is acting, at which station: handed to every service call."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.roles import Role


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    login: str
    display_name: str
    role: Role
    station: str

    @classmethod
    def system(cls, station: str = "system") -> Actor:
        """The station itself (imports, intake runs, the demo builder)."""
        return cls(user_id=None, login="system", display_name="System", role=Role.ADMIN, station=station)
