"""Retrying a unit of work that lost a race: serialization failures, deadlocks, a busy SQLite file.

Only failures that mean "the same work may succeed if run again" are retried, with exponential
back-off and jitter; everything else (a business rule, a constraint a person must fix) is raised
at once. The operation runs in a fresh unit of work each time, so nothing half-done carries over.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from desktop.db.database import Database, UnitOfWork
from desktop.domain.actor import Actor

T = TypeVar("T")

# SQLSTATEs worth another try: serialization_failure, deadlock_detected, lock_not_available.
RETRYABLE_SQLSTATES = {"40001", "40P01", "55P03"}


def is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, StaleDataError):
        return False  # someone changed what a person was editing: show it, don't overwrite it
    if isinstance(exc, DBAPIError):
        orig = exc.orig
        sqlstate = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "diag", None), "sqlstate", None)
        if sqlstate in RETRYABLE_SQLSTATES:
            return True
        if isinstance(exc, OperationalError) and "database is locked" in str(orig):
            return True
    return False


def run_with_retry(db: Database, op: Callable[[UnitOfWork], T], *, actor: Actor | None = None, attempts: int = 6,
                   first_delay: float = 0.02, max_delay: float = 1.0, sleep: Callable[[float], None] = time.sleep,
                   rng: random.Random | None = None) -> T:
    """Run `op(uow)` (which commits itself) until it succeeds or fails for a reason a retry won't fix."""
    rng = rng or random.Random()
    delay = first_delay
    for attempt in range(1, attempts + 1):
        try:
            with db.unit_of_work(actor) as uow:
                return op(uow)
        except Exception as exc:  # noqa: BLE001 - re-raised unless retryable
            if attempt == attempts or not is_retryable(exc):
                raise
        sleep(delay * (0.5 + rng.random()))
        delay = min(max_delay, delay * 2)
    raise AssertionError("unreachable")
