"""The demo warehouse, built once per test process and copied after that.

The suite asks for the same few demos (40 orders, seed 3; 0 orders, seed 7 …) over a hundred times,
on both engines, and a build is seconds of set-up import, reservations and sealing. `install()` (run
by tests/conftest.py before any test module is imported) puts a wrapper in place of
`desktop.demo.builder.build_demo`: the first call with given arguments really builds, into a template
database of its own (a SQLite file, or a PostgreSQL database); every later call with the same
arguments, into an empty database of the same engine, copies that template's rows in. The copy holds
what the build wrote, byte for byte (the database's own badge key, the sealed customer data under
the session's station key, the audit, the change feed), so what a test reads is what a build gives.

Built for real, always: the builder's own tests (tests/desktop/test_demo.py uses
`build_demo.__wrapped__`), a database that is not empty, a station with other keys
(PICKDESK_KEYS_DIR pointing elsewhere; keys given to the program rather than kept in a folder), and every call when PICKDESK_TEST_REAL_DEMO=1.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import tempfile
import uuid
from datetime import UTC, date, datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

_templates: dict[tuple, str] = {}  # (engine, orders, seed, as_of, keys) → template URL
_folder: Path | None = None
_pg_templates: list[str] = []
_pg: list = []  # (create, drop) for PostgreSQL template databases, from tests/conftest.py


def _empty(db: Any) -> bool:
    from sqlalchemy import func, select

    from desktop.db import models

    with db.engine.connect() as conn:
        return not any(conn.scalar(select(func.count()).select_from(t)) for t in
                       (models.User.__table__, models.Warehouse.__table__, models.Order.__table__))


def _copy_sqlite(template: str, target: Any) -> None:
    target.engine.dispose()
    path = target.engine.url.database
    src = sqlite3.connect(template)
    dst = sqlite3.connect(path)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    target.engine.dispose()


def _libpq(url: Any) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _copy_pg(template_url: str, target: Any) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    target.engine.dispose()
    with psycopg.connect(_libpq(make_url(template_url))) as src, psycopg.connect(_libpq(target.engine.url)) as dst:
        tables = [r[0] for r in dst.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
        dst.execute("SET session_replication_role = replica")  # rows in any order: no FK triggers
        dst.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables))
        for table in tables:
            with src.cursor().copy(f'COPY "{table}" TO STDOUT (FORMAT binary)') as out, \
                    dst.cursor().copy(f'COPY "{table}" FROM STDIN (FORMAT binary)') as into:
                for chunk in out:
                    into.write(chunk)
        for table, column in dst.execute(
                "SELECT c.table_name, c.column_name FROM information_schema.columns c "
                "WHERE c.table_schema = 'public' AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL"
        ).fetchall():
            dst.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "
                        f"COALESCE((SELECT max(\"{column}\") FROM \"{table}\"), 0) + 1, false)")
        dst.execute("SET session_replication_role = DEFAULT")
        dst.commit()
    target.engine.dispose()


def _new_template(backend: str) -> str:
    global _folder
    if backend == "sqlite":
        if _folder is None:
            _folder = Path(tempfile.mkdtemp(prefix="pickdesk-demo-templates-"))
        return f"sqlite:///{_folder / f'demo-{uuid.uuid4().hex[:8]}.sqlite3'}"
    url = _pg[0]("pickdesk_tdemo")
    _pg_templates.append(url)
    return url


def drop_templates() -> None:
    """At the end of the session: the PostgreSQL templates go (the SQLite ones are in a temporary folder)."""
    while _pg_templates:
        _pg[1](_pg_templates.pop())


def install(create_pg: Callable[[str], str], drop_pg: Callable[[str], None]) -> None:
    """Put the copying wrapper in place; PostgreSQL templates are made and dropped by the given functions."""
    from desktop.db.database import Database

    _pg[:] = [create_pg, drop_pg]
    from desktop.demo import builder

    real = builder.build_demo
    if getattr(real, "__wrapped__", None) is not None:
        return

    @functools.wraps(real)
    def build_demo(db: Database, orders: int = 200, seed: int = 1, as_of: date | None = None,
                   **more: Any) -> dict[str, int]:
        from desktop.security.keys import FileKeyStore

        if more:  # the builder's own knobs (its chunk size): a real build
            return real(db, orders=orders, seed=seed, as_of=as_of, **more)
        if os.environ.get("PICKDESK_TEST_REAL_DEMO") == "1" or db.backend not in ("sqlite", "postgresql") \
                or not isinstance(db.key_store, FileKeyStore) or not _empty(db):
            return real(db, orders=orders, seed=seed, as_of=as_of)
        key = (db.backend, orders, seed, as_of or datetime.now(UTC).date(), db.key_store.where)
        if key not in _templates:
            url = _new_template(db.backend)
            template = Database.open(url, key_store=db.key_store)
            try:
                made = real(template, orders=orders, seed=seed, as_of=key[3])
            finally:
                template.dispose()
            _templates[key] = url
            _made[key] = made
        url = _templates[key]
        if db.backend == "sqlite":
            _copy_sqlite(make_path(url), db)
        else:
            _copy_pg(url, db)
        return dict(_made[key])

    build_demo.__wrapped__ = real  # type: ignore[attr-defined]
    builder.build_demo = build_demo


_made: dict[tuple, dict[str, int]] = {}


def make_path(url: str) -> str:
    return url.removeprefix("sqlite:///")
