"""Opening a database only opens it; the demo is seeded by the caller that wants it (`seed_if_empty`)."""

from __future__ import annotations

import inspect

import pytest
from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.first_start import seed_if_empty
from desktop.station.config import StationPaths


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path, monkeypatch) -> str:
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))  # a PostgreSQL database's key file goes here
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.sqlite3'}"
    return request.getfixturevalue("pg_empty_url")


def _orders(db: Database) -> int:
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).select_from(models.Order))


def test_database_open_never_seeds(empty_url):
    assert "seed_demo" not in inspect.signature(Database.open).parameters
    db = Database.open(empty_url)
    try:
        assert db.is_empty()  # migrated: the tables are there, and nothing in them
        with db.unit_of_work() as uow:
            assert uow.session.scalar(select(func.count()).select_from(models.User)) == 0
    finally:
        db.dispose()
    again = Database.open(empty_url)  # opening again is no first start either
    try:
        assert again.is_empty()
    finally:
        again.dispose()


def test_seed_if_empty_seeds_an_empty_database_once_and_leaves_a_full_one_alone(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    try:
        assert seed_if_empty(db) is True
        seeded = _orders(db)
        assert seeded == 200 and not db.is_empty()  # the demo's default warehouse
        assert seed_if_empty(db) is False
        assert _orders(db) == seeded
    finally:
        db.dispose()


def test_a_warehouse_of_its_own_is_never_given_the_demo(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    try:
        with db.unit_of_work() as uow:
            uow.session.add(models.Warehouse(code="WH9", name="Own"))
            uow.commit()
        assert seed_if_empty(db) is False
        assert _orders(db) == 0
        with db.unit_of_work() as uow:
            assert uow.session.scalars(select(models.Warehouse.code)).all() == ["WH9"]
    finally:
        db.dispose()


def test_station_paths_come_from_the_named_folder_then_the_environment(tmp_path):
    named = StationPaths.resolve("PACK 07/a", tmp_path / "named", environ={"PICKDESK_DATA_DIR": str(tmp_path / "env")})
    assert named.data_dir == tmp_path / "named" and named.data_dir.is_dir()
    assert named.journal == tmp_path / "named" / "journal-PACK_07_a.sqlite3"
    assert named.print_queue == tmp_path / "named" / "print-queue.sqlite3"
    assert named.embedded_database_url == f"sqlite:///{tmp_path / 'named' / 'pickdesk.sqlite3'}"
    assert (named.data_dir.stat().st_mode & 0o777) == 0o700
    from_env = StationPaths.resolve("PACK-07", None, environ={"PICKDESK_DATA_DIR": str(tmp_path / "env")})
    assert from_env.data_dir == tmp_path / "env"
    assert from_env.database_url(None, environ={}) == from_env.embedded_database_url
    assert from_env.database_url(None, environ={"PICKDESK_DB_URL": "postgresql+psycopg://h/wh"}) == "postgresql+psycopg://h/wh"
    assert from_env.database_url("sqlite:////x.db", environ={"PICKDESK_DB_URL": "postgresql+psycopg://h/wh"}) == "sqlite:////x.db"
    assert from_env.is_embedded(from_env.embedded_database_url) and not from_env.is_embedded("sqlite:////x.db")
