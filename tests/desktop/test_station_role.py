"""The documented station role on PostgreSQL: a station works with it, and can do nothing more."""

import uuid

import psycopg
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.services import auth


@pytest.mark.postgres
def test_a_station_signs_in_and_reads_but_cannot_delete_history_or_change_the_schema(pg_empty_url, capsys,
                                                                                   sign_in_as):
    owner = Database.open(pg_empty_url)
    build_demo(owner, orders=15, seed=5)
    role = f"pickdesk_station_{uuid.uuid4().hex[:8]}"
    assert main(["db", "station-role", role, "--apply", "--db", pg_empty_url]) == 2  # the demo has an admin
    assert "--user" in capsys.readouterr().err
    assert main(["db", "station-role", role, "--apply", "--db", pg_empty_url, *sign_in_as("admin", "9999")]) == 0
    station_url = make_url(pg_empty_url).set(username=role).render_as_string(hide_password=False)
    station = Database.open(station_url, key_store=owner.key_store)  # schema at head: opening needs no DDL
    try:
        with station.unit_of_work() as uow:
            actor = auth.sign_in_with_pin(uow, "picker1", "1111", "PICK-09")  # writes users, stations, audit
        with station.unit_of_work() as uow:
            assert uow.session.scalar(select(func.count()).select_from(models.Order)) == 15
        for forbidden in ("DELETE FROM audit_log", "DELETE FROM change_feed", "UPDATE merchants SET name = 'x'",
                          "CREATE TABLE sneaky (id int)", "DROP TABLE orders", "INSERT INTO users (login) VALUES ('x')"):
            with pytest.raises(ProgrammingError) as info, station.engine.begin() as conn:
                conn.execute(text(forbidden))
            assert isinstance(info.value.orig, psycopg.errors.InsufficientPrivilege), forbidden
        assert actor.login == "picker1"
    finally:
        station.dispose()
        with owner.engine.begin() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
        owner.dispose()


def test_station_role_sql_refuses_odd_names(capsys, tmp_path):
    from desktop.db.roles import station_role_sql

    with pytest.raises(ValueError):
        station_role_sql("robert'); DROP TABLE orders;--", "pickdesk")
    assert main(["db", "station-role", "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}"]) == 2
    assert "SQLite has no roles" in capsys.readouterr().err


@pytest.mark.postgres
def test_tls_settings_in_the_url_reach_libpq(pg_empty_url):
    """sslmode (and sslrootcert, sslcert …) pass through the URL to libpq unchanged.

    The test server may or may not offer TLS: with `require`, either the session is encrypted or the
    station refuses to connect with a message naming SSL — never a silent plain-text session.
    """
    from desktop.db.database import DatabaseUnavailable

    url = make_url(pg_empty_url).update_query_dict({"sslmode": "require"}).render_as_string(hide_password=False)
    try:
        db = Database.open(url)
    except DatabaseUnavailable as exc:
        assert "SSL" in exc.message
    else:
        try:
            with db.engine.connect() as conn:
                assert conn.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar() is True
        finally:
            db.dispose()
    plain = make_url(pg_empty_url).update_query_dict({"sslmode": "disable"}).render_as_string(hide_password=False)
    db = Database.open(plain)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar() is False
    finally:
        db.dispose()


@pytest.mark.postgres
def test_a_station_role_facing_an_old_schema_is_told_to_ask_an_administrator(pg_empty_url):
    from desktop.db import migrate
    from desktop.domain.errors import ConfigurationError

    owner = Database.open(pg_empty_url)
    role = f"pickdesk_station_{uuid.uuid4().hex[:8]}"
    assert main(["db", "station-role", role, "--apply", "--db", pg_empty_url]) == 0
    migrate.downgrade(owner.engine, "base")
    station_url = make_url(pg_empty_url).set(username=role).render_as_string(hide_password=False)
    try:
        with pytest.raises(ConfigurationError) as info:
            Database.open(station_url, key_store=owner.key_store)
        assert "pickdesk db upgrade" in info.value.message
    finally:
        with owner.engine.begin() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
        owner.dispose()
