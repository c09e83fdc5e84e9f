"""What a station journals, and how each kind of action is applied to the central database.

Every handler is idempotent by the action id (the services key their records on it), so replaying
a journal after a crash or an outage applies each confirmed action exactly once.
"""

from __future__ import annotations

from typing import Any

from desktop.db.database import UnitOfWork
from desktop.station.journal import Handler
from desktop.services import picking


def _pick(uow: UnitOfWork, payload: dict[str, Any], action_id: str) -> Any:
    return picking.confirm_pick(uow, payload["task_id"], payload["qty"], payload.get("lot"), action_id)


def _refusal(uow: UnitOfWork, payload: dict[str, Any], action_id: str) -> Any:
    return picking.record_refusal(uow, payload["batch"], payload["reason"], payload.get("raw", ""),
                                  task_id=payload["task_id"], action_id=action_id)


def _short(uow: UnitOfWork, payload: dict[str, Any], action_id: str) -> Any:
    return picking.report_short(uow, payload["task_id"], payload["found"], action_id)


HANDLERS: dict[str, Handler] = {"pick": _pick, "refusal": _refusal, "short": _short}
