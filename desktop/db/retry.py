"""Retrying a unit of work that lost a race: serialization failures, deadlocks, a busy SQLite file.

This is the one retry policy of Pickdesk (`is_retryable`); intake, journal replay and every other
caller that runs work again ask it. A failure is retried when running the *same* work again, in a
fresh unit of work that reads everything anew, may succeed:

* PostgreSQL `serialization_failure` (40001), `deadlock_detected` (40P01), `lock_not_available` (55P03);
* SQLite's busy or locked file (SQLITE_BUSY, SQLITE_LOCKED: "database is locked");
* `StaleDataError`: a versioned row (an order, a batch, an exception case) changed between this
  transaction's read and its write. The retry reads the new version and the service's rules decide
  again — an order another intake took is skipped, a batch another picker claimed is not claimed.
  What a *person* decided on an old screen is not at stake here: services take the version the
  person saw (`expected_version`) and refuse a mismatch with a typed `PickdeskError`, which is never
  retried.

Everything else — a business rule (`PickdeskError`), a constraint a person must fix, a lost
connection (the station journal keeps that work for later) — is raised at once. Retries back off
exponentially with jitter; nothing half-done carries over because each attempt is its own unit of work.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from desktop.db.database import Database, UnitOfWork
from desktop.domain.actor import Actor
from desktop.domain.errors import PickdeskError

T = TypeVar("T")

# SQLSTATEs worth another try: serialization_failure, deadlock_detected, lock_not_available.
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
# SQLite result codes worth another try: SQLITE_BUSY, SQLITE_LOCKED (extended codes keep them in the low byte).
RETRYABLE_SQLITE_CODES = frozenset({5, 6})


def _sqlstate(orig: BaseException | None) -> str | None:
    """The SQLSTATE of a driver error: psycopg 3 (`sqlstate`, `diag.sqlstate`) or psycopg 2 (`pgcode`)."""
    return (getattr(orig, "sqlstate", None) or getattr(getattr(orig, "diag", None), "sqlstate", None)
            or getattr(orig, "pgcode", None))


def is_retryable(exc: BaseException) -> bool:
    """True when the same work, run again in a fresh unit of work, may succeed (see the module notes)."""
    if isinstance(exc, PickdeskError):
        return False
    if isinstance(exc, StaleDataError):
        return True
    if isinstance(exc, DBAPIError):
        orig = exc.orig
        if _sqlstate(orig) in RETRYABLE_SQLSTATES:
            return True
        if isinstance(exc, OperationalError) and isinstance(orig, sqlite3.Error):
            code = getattr(orig, "sqlite_errorcode", None)
            if code is not None:
                return code & 0xFF in RETRYABLE_SQLITE_CODES
            return "database is locked" in str(orig) or "database table is locked" in str(orig)
    return False


def run_with_retry(db: Database | Callable[[], UnitOfWork], op: Callable[[UnitOfWork], T], *,
                   actor: Actor | None = None, attempts: int = 6, first_delay: float = 0.02, max_delay: float = 1.0,
                   sleep: Callable[[float], None] = time.sleep, rng: random.Random | None = None) -> T:
    """Run `op(uow)` (which commits itself) until it succeeds or fails for a reason a retry won't fix.

    `db` is a Database (each attempt opens `db.unit_of_work(actor)`) or a factory of units of work.
    """
    factory: Callable[[], UnitOfWork] = (lambda: db.unit_of_work(actor)) if isinstance(db, Database) else db
    rng = rng or random.Random()
    delay = first_delay
    for attempt in range(1, attempts + 1):
        try:
            with factory() as uow:
                return op(uow)
        except Exception as exc:  # noqa: BLE001 - re-raised unless retryable
            if attempt == attempts or not is_retryable(exc):
                raise
        sleep(delay * (0.5 + rng.random()))
        delay = min(max_delay, delay * 2)
    raise AssertionError("unreachable")
