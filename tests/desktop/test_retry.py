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


# ─── the one policy: what is retried and what is not ────────────────────────────


def _locked_error(tmp_path):
    """A real "database is locked": another connection holds the write lock and we do not wait."""
    import sqlite3

    from sqlalchemy import create_engine

    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path)
    holder.execute("CREATE TABLE t (v int)")
    holder.commit()
    holder.execute("BEGIN IMMEDIATE")
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0})
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO t VALUES (1)"))
    except Exception as exc:  # noqa: BLE001 - the error under test
        return exc
    finally:
        holder.rollback()
        holder.close()
        engine.dispose()
    raise AssertionError("the write was not refused")


def _stale_error(db):
    """A real StaleDataError: a versioned row changed between this session's read and its write."""
    from sqlalchemy.orm.exc import StaleDataError

    with db.unit_of_work() as uow:
        uow.session.add(models.ExceptionCase(kind="stale_one"))
        uow.commit()
    E = models.ExceptionCase
    with db.unit_of_work() as first, db.unit_of_work() as second:
        mine = first.session.scalar(select(E).where(E.kind == "stale_one"))
        theirs = second.session.scalar(select(E).where(E.kind == "stale_one"))
        theirs.reason = "settled at the console"
        second.commit()
        mine.reason = "settled at the bench"
        with pytest.raises(StaleDataError) as caught:
            first.session.flush()
    return caught.value


def _constraint_error(db):
    from sqlalchemy.exc import IntegrityError

    with db.unit_of_work() as uow:
        uow.session.add_all([models.Tote(code="TOTE-DUP"), models.Tote(code="TOTE-DUP")])
        with pytest.raises(IntegrityError) as caught:
            uow.session.flush()
    return caught.value


def _unreachable_error(tmp_path):
    from sqlalchemy import create_engine
    from sqlalchemy.exc import OperationalError

    engine = create_engine(f"sqlite:///{tmp_path / 'no' / 'such' / 'folder.sqlite3'}")
    try:
        with pytest.raises(OperationalError) as caught:
            engine.connect()
    finally:
        engine.dispose()
    return caught.value


def test_the_policy_retries_lost_races_and_nothing_else(db, tmp_path):
    assert is_retryable(_locked_error(tmp_path))  # SQLite busy: the other writer finishes soon
    assert is_retryable(_stale_error(db))  # a version moved under us: read again, decide again
    assert not is_retryable(_constraint_error(db))  # a duplicate stays a duplicate
    assert not is_retryable(_unreachable_error(tmp_path))  # no database: the journal keeps the work
    assert not is_retryable(NotFound("No order X.", "没有订单 X。"))  # a business rule
    assert not is_retryable(ValueError("a bug"))


def test_a_stale_version_is_run_again_and_lands_on_the_new_one(db):
    """The first attempt loses to another writer; the retry reads the new version and succeeds."""
    E = models.ExceptionCase
    with db.unit_of_work() as uow:
        uow.session.add(E(kind="stale_two"))
        uow.commit()
    attempts = []

    def note(uow):
        attempts.append(1)
        case = uow.session.scalar(select(E).where(E.kind == "stale_two"))
        if len(attempts) == 1:
            with db.unit_of_work() as other:  # another station changes the case meanwhile
                other.session.scalar(select(E).where(E.kind == "stale_two")).detail = {"seen": True}
                other.commit()
        case.reason = "noted"
        uow.commit()
        return case.version

    version = run_with_retry(db, note, sleep=lambda s: None)
    assert len(attempts) == 2 and version == 3


def test_intake_and_replay_share_the_policy():
    """No second opinion: intake and journal replay call `desktop.db.retry`, and have no check of their own."""
    import inspect

    from desktop.services import intake
    from desktop.station import journal

    assert not hasattr(intake, "_retryable")
    assert "run_with_retry" in inspect.getsource(intake.run_intake)
    assert journal.is_retryable is is_retryable and journal.run_with_retry is run_with_retry
