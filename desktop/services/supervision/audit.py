"""Reading the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, and_, cast, func, or_, select

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.services.supervision.common import _supervisor


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    user: str | None
    station: str | None
    action: str
    entity: str
    entity_id: str | None
    detail: dict[str, Any]


def search_audit(uow: UnitOfWork, text: str | None = None, user: str | None = None, action: str | None = None,
                 since: datetime | None = None, until: datetime | None = None, limit: int = 300,
                 before: AuditRow | None = None) -> list[AuditRow]:
    """The newest entries first; `before` (the last row of a page already read) reads the next page."""
    _supervisor(uow)
    A, U = models.AuditEntry, models.User
    q = select(A, U.login).outerjoin(U, A.user_id == U.id).order_by(A.at.desc(), A.id.desc()).limit(limit)
    if text:
        needle = f"%{text.strip().lower()}%"
        q = q.where(or_(func.lower(A.action).like(needle), func.lower(A.entity).like(needle),
                        func.lower(func.coalesce(A.entity_id, "")).like(needle),
                        func.lower(cast(A.detail, String)).like(needle)))
    if user:
        q = q.where(U.login == user) if user != "system" else q.where(A.user_id.is_(None))
    if action:
        q = q.where(A.action == action)
    if since:
        q = q.where(A.at >= since)
    if until:
        q = q.where(A.at < until)
    if before is not None:
        q = q.where(or_(A.at < before.at, and_(A.at == before.at, A.id < before.id)))
    return [AuditRow(a.id, a.at, login or ("system" if a.user_id is None else None), a.station, a.action, a.entity,
                     a.entity_id, dict(a.detail or {})) for a, login in uow.session.execute(q)]


def audit_actions(uow: UnitOfWork) -> list[str]:
    A = models.AuditEntry
    return [a for (a,) in uow.session.execute(select(A.action).distinct().order_by(A.action))]
