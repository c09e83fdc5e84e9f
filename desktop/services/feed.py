"""Reading the change feed: what other stations committed since a station last looked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import UnitOfWork


@dataclass(frozen=True)
class FeedEntry:
    id: int
    at: datetime
    topic: str
    entity_id: str | None
    payload: dict[str, Any]


def latest_id(uow: UnitOfWork) -> int:
    """Where a station starts listening: the newest entry now (older ones it has already loaded)."""
    return uow.session.scalar(select(func.coalesce(func.max(models.ChangeFeedEntry.id), 0))) or 0


def read_since(uow: UnitOfWork, after_id: int, limit: int = 500) -> list[FeedEntry]:
    rows = uow.session.scalars(
        select(models.ChangeFeedEntry).where(models.ChangeFeedEntry.id > after_id)
        .order_by(models.ChangeFeedEntry.id).limit(limit))
    return [FeedEntry(r.id, r.at, r.topic, r.entity_id, dict(r.payload or {})) for r in rows]
