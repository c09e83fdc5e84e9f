"""Migrations up and down on both engines, and the models agree with the migrated schema."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from desktop.db import migrate
from desktop.db.database import make_engine
from desktop.db.models import Base

ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=ENGINES)
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.sqlite3'}"
    return request.getfixturevalue("pg_empty_url")


def test_upgrade_creates_every_table_and_matches_the_models(empty_url):
    engine = make_engine(empty_url)
    try:
        migrate.upgrade(engine)
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = compare_metadata(ctx, Base.metadata)
        assert diffs == [], f"models and migrations disagree: {diffs}"
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_downgrade_to_base_and_back_up(empty_url):
    engine = make_engine(empty_url)
    try:
        migrate.upgrade(engine)
        migrate.downgrade(engine, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        assert migrate.current_revision(engine) is None
        migrate.upgrade(engine)
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_at_head_is_a_no_op(empty_url):
    engine = make_engine(empty_url)
    try:
        migrate.upgrade(engine)
        migrate.upgrade(engine)  # the second start of a station must not fail or redo anything
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_the_cheap_schema_check_agrees_with_alembic(empty_url):
    """A start at head reads alembic_version by one query against the heads the version files
    declare (no Alembic); both must say what Alembic says, before and after the upgrade."""
    engine = make_engine(empty_url)
    try:
        assert migrate.declared_heads() == migrate.head_revisions()
        assert migrate.recorded_revisions(engine) is None  # no alembic_version yet: Alembic decides
        migrate.upgrade(engine)
        assert migrate.recorded_revisions(engine) == migrate.current_revisions(engine) == migrate.head_revisions()
    finally:
        engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_a_database_with_people_in_it_migrates_up_and_down(empty_url):
    """Rows that point at users (a station's signed-in person, the audit log) survive the users table
    being rebuilt (SQLite batch copies), and a person without a PIN comes back down with an empty hash."""
    from sqlalchemy import text

    engine = make_engine(empty_url)
    try:
        migrate.upgrade(engine, "0001")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO users (id, login, display_name, role, pin_hash, active, failed_attempts) "
                              "VALUES (1, 'li.na', 'Li Na', 'picker', '$argon2id$x', :yes, 0)"), {"yes": True})
            conn.execute(text("INSERT INTO stations (name, kind, current_user_id) VALUES ('PICK-01', 'pick', 1)"))
            conn.execute(text("INSERT INTO audit_log (at, user_id, action, entity, detail) "
                              "VALUES (CURRENT_TIMESTAMP, 1, 'sign_in', 'user', '{}')"))
        migrate.upgrade(engine)
        with engine.begin() as conn:
            assert conn.execute(text("SELECT login, name_zh, pin_hash FROM users")).one() == ("li.na", None, "$argon2id$x")
            assert conn.execute(text("SELECT current_user_id FROM stations")).scalar() == 1
            conn.execute(text("INSERT INTO users (id, login, display_name, role, pin_hash, active, failed_attempts) "
                              "VALUES (2, 'wang', 'Wang', 'receiver', NULL, :yes, 0)"), {"yes": True})
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # back on for the stations
        migrate.downgrade(engine, "0001")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT login, pin_hash FROM users ORDER BY id")).all() == [
                ("li.na", "$argon2id$x"), ("wang", "")]
            assert conn.execute(text("SELECT count(*) FROM audit_log WHERE user_id = 1")).scalar() == 1
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_the_version_files_are_read_up_to_their_first_function():
    """declared_heads parses each file only before its first `def` (start-up); a cut that does not
    parse or holds no revision is read whole, so the answer is the whole file's."""
    plain = "'''Doc.'''\nrevision = '0009'\ndown_revision = ('0007', '0008')\n\ndef upgrade():\n    pass\n"
    assert migrate._head_of(plain).endswith("('0007', '0008')\n\n")
    assert migrate._revision_lines(migrate._head_of(plain)) == {"revision": "0009", "down_revision": ("0007", "0008")}
    tricky = "'''Doc\ndef not_code():\n'''\nrevision = '0010'\ndown_revision = '0009'\n"
    assert migrate._revision_lines(migrate._head_of(tricky)) == {}  # cut inside the docstring: read whole
    assert migrate._revision_lines(tricky) == {"revision": "0010", "down_revision": "0009"}
