"""Shared fixtures: a real PostgreSQL database per test session, and a fresh SQLite file per test.

PostgreSQL is reached at PICKDESK_TEST_PG (default postgresql+psycopg://postgres@127.0.0.1:5432).
When it cannot be reached the PostgreSQL tests fail in CI (CI set) and skip elsewhere with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

PG_SERVER = os.environ.get("PICKDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


def _admin_conninfo() -> str:
    # psycopg wants a libpq URL, without SQLAlchemy's "+psycopg" driver suffix.
    return PG_SERVER.replace("postgresql+psycopg://", "postgresql://") + "/postgres"


def _pg_unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI and is not reachable: {reason}")
    pytest.skip(f"PostgreSQL not reachable ({reason}); start it with scripts/ensure-postgres.sh")


def create_pg_database(prefix: str = "pickdesk_t") -> str:
    """Create an empty database on the test server and return its SQLAlchemy URL."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(_admin_conninfo(), autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        _pg_unavailable(str(exc).strip())
    return f"{PG_SERVER}/{name}"


def drop_pg_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(_admin_conninfo(), autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sign_in_as(monkeypatch):
    """`main([..., *sign_in_as("packer1", "3333")])`: the command signed in as that person, the PIN
    (and any further lines, such as a passphrase) on standard input. Call it again before each command."""
    import io

    def arguments(login: str, pin: str, *more_lines: str) -> list[str]:
        monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in (pin, *more_lines))))
        return ["--user", login, "--pin-stdin"]

    return arguments


@pytest.fixture(autouse=True, scope="session")
def station_keys_dir(tmp_path_factory) -> Iterator[str]:
    """The tests' station keeps its customer-data keys in a folder of its own (PICKDESK_KEYS_DIR),
    never in the desktop's keyring or ~/.config; one folder for the session, so a database filled by
    one test opens in the next. A test playing a second station points PICKDESK_KEYS_DIR elsewhere."""
    previous = os.environ.get("PICKDESK_KEYS_DIR")
    folder = str(tmp_path_factory.mktemp("station-keys"))
    os.environ["PICKDESK_KEYS_DIR"] = folder
    try:
        yield folder
    finally:
        if previous is None:
            os.environ.pop("PICKDESK_KEYS_DIR", None)
        else:
            os.environ["PICKDESK_KEYS_DIR"] = previous


@pytest.fixture
def pg_empty_url() -> Iterator[str]:
    """An empty PostgreSQL database for one test, dropped afterwards."""
    url = create_pg_database()
    try:
        yield url
    finally:
        drop_pg_database(url)


@pytest.fixture(scope="module")
def pg_module_url() -> Iterator[str]:
    """An empty PostgreSQL database for one test module (filled once, shared by its tests), dropped afterwards."""
    url = create_pg_database()
    try:
        yield url
    finally:
        drop_pg_database(url)


@pytest.fixture
def sqlite_empty_url(tmp_path) -> str:
    """An empty SQLite database file for one test."""
    return f"sqlite:///{tmp_path / 'central.sqlite3'}"


# Before any test module imports build_demo: each demo is built once per process, then copied (tests/demo_cache.py).
from tests import demo_cache  # noqa: E402

demo_cache.install(create_pg_database, drop_pg_database)


@pytest.fixture(autouse=True, scope="session")
def _demo_templates() -> Iterator[None]:
    yield
    demo_cache.drop_templates()
