"""Run the Alembic migrations shipped inside the package (no alembic.ini, no working-directory paths).

Alembic is imported only when a migration runs or its history is asked for: opening a database
whose schema is at head (every command, every start) reads `alembic_version` with one plain query
and compares it with the revisions the version files declare (`declared_heads`)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "desktop.db:migrations")
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revisions() -> tuple[str, ...]:
    """The newest revisions (several while branches made in parallel wait for a merge revision)."""
    from alembic.script import ScriptDirectory

    return tuple(sorted(ScriptDirectory.from_config(alembic_config()).get_heads()))


@lru_cache(maxsize=1)
def declared_heads() -> tuple[str, ...]:
    """`head_revisions()` without Alembic: the revisions no version file names as its down_revision,
    read from the files' `revision = …` / `down_revision = …` lines (ast, nothing executed).
    Alembic's own answer when a file cannot be read so (a bundle with compiled files only)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        for entry in resources.files("desktop.db").joinpath("migrations", "versions").iterdir():
            if not entry.name.endswith(".py"):
                continue
            text = entry.read_text(encoding="utf-8")
            found = _revision_lines(_head_of(text))
            if not isinstance(found.get("revision"), str):
                found = _revision_lines(text)
            if not isinstance(found.get("revision"), str):
                return head_revisions()
            revisions.add(found["revision"])
            down = found.get("down_revision")
            parents.update([down] if isinstance(down, str) else (down or ()))
    except (OSError, SyntaxError, ValueError):
        return head_revisions()
    return tuple(sorted(revisions - parents)) or head_revisions()


def _head_of(text: str) -> str:
    """The part of a version file before its first function: where `revision = …` is written. Parsing
    only that is most of the start-up saved (the 19 files whole: ~0.1 s); a cut that does not parse
    (a `def` in a docstring) or holds no revision falls back to the whole file."""
    at = text.find("\ndef ")
    return text if at < 0 else text[:at + 1]


def _revision_lines(text: str) -> dict[str, Any]:
    try:
        body = ast.parse(text).body
    except SyntaxError:
        return {}
    found: dict[str, Any] = {}
    for node in body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and node.targets[0].id in ("revision", "down_revision"):
            found[node.targets[0].id] = ast.literal_eval(node.value)
    return found


def recorded_revisions(engine: Engine) -> tuple[str, ...] | None:
    """The revisions `alembic_version` holds, by one plain query; None when it cannot be read (no
    such table yet, no right to read it, no connection: Alembic then finds out and says which)."""
    try:
        with engine.connect() as conn:
            return tuple(sorted(row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")))
    except DBAPIError:
        return None


def head_revision() -> str:
    return ",".join(head_revisions())


def current_revisions(engine: Engine) -> tuple[str, ...]:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return tuple(sorted(MigrationContext.configure(conn).get_current_heads()))


def current_revision(engine: Engine) -> str | None:
    return ",".join(current_revisions(engine)) or None


@contextmanager
def _migrating(engine: Engine) -> Iterator[Connection]:
    """A connection in one transaction for Alembic. On SQLite, foreign keys are off while it runs:
    batch mode rebuilds a table by copy, drop and rename, and dropping a table others refer to
    (users) would otherwise delete through or fail. They are checked before the commit instead."""
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:  # outside a transaction, where the pragma takes effect
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                yield conn
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"the migration broke foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                conn.rollback()  # nothing left open (the work committed or failed above)
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def upgrade(engine: Engine, revision: str = "heads") -> None:
    """Bring the schema to `revision`; a no-op (one cheap query) when it is already there."""
    if revision in ("head", "heads"):
        if recorded_revisions(engine) == declared_heads():
            return
        revision = "heads"
    from alembic import command

    cfg = alembic_config()
    with _migrating(engine) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    from alembic import command

    cfg = alembic_config()
    with _migrating(engine) as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
