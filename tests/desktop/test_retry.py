"""Retrying lost races, and only those."""

import threading

import pytest
from sqlalchemy import select, text

from desktop.db import models
from desktop.db.database import Database
from desktop.db.retry import is_retryable, run_with_retry
from desktop.domain.errors import NotFound


@pytest.fixture
def db(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    yield db
    db.dispose()


def test_business_errors_are_not_retried(db):
    calls = []

    def op(uow):
        calls.append(1)
        raise NotFound("No order X.", "没有订单 X。")

    with pytest.raises(NotFound):
        run_with_retry(db, op, sleep=lambda s: None)
    assert calls == [1]


@pytest.mark.postgres
def test_serialization_failures_are_retried_until_the_work_lands(pg_empty_url):
    """Two SERIALIZABLE transactions increment one counter at once: one must fail and be retried."""
    db = Database.open(pg_empty_url)
    try:
        with db.unit_of_work() as uow:
            uow.session.add(models.Merchant(code="M1", name="counter", return_days=0))
            uow.commit()
        barrier = threading.Barrier(2)
        attempts = []

        def bump(uow):
            attempts.append(1)
            uow.session.connection(execution_options={"isolation_level": "SERIALIZABLE"})
            m = uow.session.scalar(select(models.Merchant).where(models.Merchant.code == "M1"))
            if len(attempts) <= 2:
                barrier.wait(5)  # both read before either writes
            m.return_days += 1
            uow.commit()

        threads = [threading.Thread(target=run_with_retry, args=(db, bump)) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        with db.unit_of_work() as uow:
            assert uow.session.scalar(select(models.Merchant.return_days)) == 2  # no lost update
        assert len(attempts) >= 3  # one of the two ran again
    finally:
        db.dispose()


@pytest.mark.postgres
def test_a_deadlock_is_recognised_as_retryable(pg_empty_url):
    import psycopg

    db = Database.open(pg_empty_url)
    try:
        with db.engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (id int primary key, v int)"))
            conn.execute(text("INSERT INTO t VALUES (1, 0), (2, 0)"))
        barrier = threading.Barrier(2)
        errors = []

        def worker(first, second):
            try:
                with db.engine.begin() as conn:
                    conn.execute(text("UPDATE t SET v = v + 1 WHERE id = :i"), {"i": first})
                    barrier.wait(5)
                    conn.execute(text("UPDATE t SET v = v + 1 WHERE id = :i"), {"i": second})
            except Exception as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=worker, args=a) for a in ((1, 2), (2, 1))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert len(errors) == 1 and is_retryable(errors[0])
        assert isinstance(errors[0].orig, psycopg.errors.DeadlockDetected)
    finally:
        db.dispose()
