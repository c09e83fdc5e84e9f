"""Reading the change feed: what other stations committed since a station last looked.

Rows come back as `FeedEntry`s whose `change` is the typed event (`desktop.domain.events`); rows
no event class claims (a newer station's, a damaged one) come back as `UnknownChange`, never as
an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.domain.events import Change, decode


@dataclass(frozen=True)
class FeedEntry:
    id: int
    at: datetime
    change: Change

    @property
    def topic(self) -> str:
        return self.change.topic or getattr(self.change, "row_topic", "")

    @property
    def entity_id(self) -> str | None:
        return self.change.entity_id


def entry_from_row(row: models.ChangeFeedEntry) -> FeedEntry:
    payload: dict[str, Any] = row.payload if isinstance(row.payload, dict) else {}
    return FeedEntry(row.id, row.at, decode(row.topic, row.entity_id, payload))


def latest_id(uow: UnitOfWork) -> int:
    """Where a station starts listening: the newest entry now (older ones it has already loaded)."""
    return uow.session.scalar(select(func.coalesce(func.max(models.ChangeFeedEntry.id), 0))) or 0


def read_since(uow: UnitOfWork, after_id: int, limit: int = 500) -> list[FeedEntry]:
    rows = uow.session.scalars(
        select(models.ChangeFeedEntry).where(models.ChangeFeedEntry.id > after_id)
        .order_by(models.ChangeFeedEntry.id).limit(limit))
    return [entry_from_row(r) for r in rows]
