"""One use case, one commit: the unit of work rolls back unless told to commit."""

import pytest
from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import Database


@pytest.fixture
def db(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'u.sqlite3'}")
    yield db
    db.dispose()


def merchants(db):
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).select_from(models.Merchant))


def test_nothing_is_written_without_commit(db):
    with db.unit_of_work() as uow:
        uow.session.add(models.Merchant(code="MX", name="X"))
        uow.session.flush()
        uow.audit("x", "merchant", "MX")
    assert merchants(db) == 0


def test_an_exception_rolls_back_even_after_a_flush(db):
    with pytest.raises(RuntimeError), db.unit_of_work() as uow:
        uow.session.add(models.Merchant(code="MX", name="X"))
        uow.session.flush()
        raise RuntimeError("mid-way")
    assert merchants(db) == 0


def test_commit_writes_the_change_with_its_audit_and_feed_entries(db):
    with db.unit_of_work() as uow:
        uow.session.add(models.Merchant(code="MX", name="X"))
        uow.audit("merchant_added", "merchant", "MX")
        uow.announce("merchants", "MX")
        uow.commit()
    assert merchants(db) == 1
    with db.unit_of_work() as uow:
        assert uow.session.scalar(select(models.AuditEntry.action)) == "merchant_added"
        assert uow.session.scalar(select(models.ChangeFeedEntry.topic)) == "merchants"


def test_what_a_read_only_unit_loaded_stays_readable(db):
    with db.unit_of_work() as uow:
        uow.session.add(models.Merchant(code="MX", name="X"))
        uow.commit()
    with db.unit_of_work() as uow:
        merchant = uow.session.scalar(select(models.Merchant))
    assert merchant.name == "X"


def test_a_discarded_change_does_not_outlive_its_unit(db):
    with db.unit_of_work() as uow:
        uow.session.add(models.Merchant(code="MX", name="X"))
        uow.commit()
    with db.unit_of_work() as uow:
        merchant = uow.session.scalar(select(models.Merchant))
        merchant.name = "changed, never committed"
        uow.session.flush()
    with db.unit_of_work() as uow:
        assert uow.session.scalar(select(models.Merchant.name)) == "X"
