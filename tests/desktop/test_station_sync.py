"""The station's sync without Qt: record → replay → report, one replay at a time, again when asked.

Replays run on a real worker thread (`Worker` below); their results come back to the test's thread
through a queue, as the task runner brings them back to the GUI thread in the window.
"""

from __future__ import annotations

import queue
import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from tcp_proxy import TcpProxy

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.domain.errors import PickdeskError
from desktop.domain.roles import Role
from desktop.station.journal import APPLIED, CONFLICT, PENDING, StationJournal
from desktop.station.sync import StationSync, SyncReport


ACTOR = Actor(user_id=None, login="picker1", display_name="Li Na", role=Role.PICKER, station="PICK-01")


class Reassigned(PickdeskError):
    pass


def note(uow, payload, action_id):
    """An idempotent handler: one audit row per action id; refuses what is marked as a conflict."""
    if payload.get("conflict"):
        raise Reassigned("The batch was reassigned to picker2.", "该批次已改派给 picker2。")
    gate = payload.get("gate")
    if gate is not None:
        GATES[gate].wait(10)
    if payload.get("crash"):
        raise RuntimeError("the handler has a bug")
    exists = uow.session.scalar(select(func.count()).select_from(models.AuditEntry)
                                .where(models.AuditEntry.entity_id == action_id))
    if not exists:
        uow.audit("noted", "journal", action_id, n=payload["n"])
        uow.commit()
    return payload["n"]


GATES: dict[str, threading.Event] = {}
HANDLERS = {"note": note, "other": note}


class Worker:
    """A `Submit`: runs the replay on its own thread; the result waits in `done` for the caller's thread."""

    def __init__(self) -> None:
        self.started = 0
        self.done: queue.Queue = queue.Queue()

    def __call__(self, work, on_done, on_failed) -> None:
        self.started += 1

        def run() -> None:
            try:
                result = work()
            except BaseException as exc:  # noqa: BLE001
                self.done.put(lambda e=exc: on_failed(e))
            else:
                self.done.put(lambda: on_done(result))

        threading.Thread(target=run, daemon=True).start()

    def deliver(self) -> None:
        """Hand the next result to the sync, on this (the caller's) thread."""
        self.done.get(timeout=30)()


def noted(db: Database) -> list[str]:
    with db.unit_of_work() as uow:
        return list(uow.session.scalars(select(models.AuditEntry.entity_id).where(models.AuditEntry.action == "noted")
                                        .order_by(models.AuditEntry.id)))


@pytest.fixture
def db(sqlite_empty_url):
    database = Database.open(sqlite_empty_url)
    yield database
    database.dispose()


@pytest.fixture
def journal(tmp_path):
    j = StationJournal(tmp_path / "journal.sqlite3")
    yield j
    j.close()


@pytest.fixture
def heard():
    return []


@pytest.fixture
def worker():
    return Worker()


@pytest.fixture
def sync(journal, db, worker, heard):
    s = StationSync(journal, db, HANDLERS, worker)
    s.listen(heard.append)
    return s


def test_an_action_is_kept_before_it_is_replayed_and_the_report_says_what_happened(sync, journal, db, worker, heard):
    first = sync.record(ACTOR, "note", {"n": 1})
    # Kept on this machine the moment it was recorded; the replay runs elsewhere.
    assert [e.action_id for e in journal.pending()] == [first] and sync.pending == 1
    assert sync.replaying and worker.started == 1
    worker.deliver()
    (report,) = heard
    assert isinstance(report, SyncReport) and report.complete and not report.retry
    assert report.applied == (first,) and report.outcomes[first] == 1 and report.kinds[first] == "note"
    assert report.pending == 0 and sync.pending == 0 and not sync.replaying
    assert noted(db) == [first]
    assert journal.counts()[APPLIED] == 1


def test_a_request_during_a_replay_starts_one_more_right_after_it(sync, db, worker, heard):
    GATES["slow"] = threading.Event()
    try:
        first = sync.record(ACTOR, "note", {"n": 1, "gate": "slow"})
        assert worker.started == 1
        # While the first replay is held in its handler, two more are confirmed: no second replay
        # runs beside the first (one at a time) ...
        second = sync.record(ACTOR, "note", {"n": 2})
        third = sync.record(ACTOR, "other", {"n": 3})
        assert worker.started == 1 and sync.pending == 3
        GATES["slow"].set()
        worker.deliver()
        # ... and the first's report is followed at once by another replay, not by a pause.
        assert heard[0].applied == (first,) and heard[0].complete and heard[0].pending == 2
        assert worker.started == 2 and sync.replaying
        worker.deliver()
        assert heard[1].applied == (second, third) and heard[1].pending == 0
        assert heard[1].applied_of({"other"}) == (third,)
        assert worker.started == 2 and not sync.replaying
        assert noted(db) == [first, second, third]
    finally:
        GATES.pop("slow").set()


def test_nothing_pending_starts_no_replay(sync, worker, heard):
    assert sync.request() is False
    assert worker.started == 0 and heard == []


def test_a_refused_action_is_a_conflict_with_its_kind_and_error_and_the_rest_goes_on(sync, journal, db, worker,
                                                                                  heard):
    bad = sync.record(ACTOR, "note", {"n": 1, "conflict": True})
    worker.deliver()
    good = sync.record(ACTOR, "other", {"n": 2})
    worker.deliver()
    refused, applied = heard
    assert refused.complete and refused.applied == () and refused.pending == 0
    (conflict,) = refused.conflicts
    assert conflict.action_id == bad and conflict.kind == "note" and "reassigned" in conflict.message
    assert isinstance(conflict.error, Reassigned)
    assert refused.conflicts_of({"note"}) == (conflict,) and refused.conflicts_of({"other"}) == ()
    assert applied.applied == (good,)
    assert journal.counts() == {PENDING: 0, APPLIED: 1, CONFLICT: 1}
    with db.unit_of_work() as uow:  # the supervisors have it, with the whole action
        case = uow.session.scalar(select(models.ExceptionCase).where(models.ExceptionCase.kind == "conflict"))
        assert case.detail["action_id"] == bad and case.detail["payload"]["n"] == 1


def test_a_replay_that_fails_is_reported_for_a_retry_and_keeps_the_action(sync, journal, worker, heard):
    action = sync.record(ACTOR, "note", {"n": 1, "crash": True})
    worker.deliver()
    (report,) = heard
    assert isinstance(report.failure, RuntimeError) and report.retry and not report.complete
    assert report.pending == 1 and [e.action_id for e in journal.pending()] == [action]
    assert not sync.replaying
    assert sync.request() is True  # the owner's retry starts another


def test_an_unknown_kind_is_refused_before_anything_is_kept(sync, journal, worker):
    with pytest.raises(ValueError, match="parcel"):
        sync.record(ACTOR, "parcel", {"n": 1})
    assert journal.entries() == [] and worker.started == 0


def test_after_stop_actions_are_still_kept_but_no_replay_starts(sync, journal, worker, heard):
    sync.stop()
    sync.record(ACTOR, "note", {"n": 1})
    assert sync.pending == 1 and worker.started == 0 and sync.request() is False
    journal.close()
    assert sync.pending == 0  # a closed journal: nothing this station can still send


def test_a_listener_that_forgets_hears_nothing_more(sync, worker, heard):
    later = []
    forget = sync.listen(later.append)
    sync.record(ACTOR, "note", {"n": 1})
    worker.deliver()
    forget()
    forget()  # twice is harmless
    sync.record(ACTOR, "note", {"n": 2})
    worker.deliver()
    assert len(heard) == 2 and len(later) == 1


@pytest.mark.postgres
def test_an_outage_keeps_actions_in_order_and_they_arrive_once_it_is_over(pg_empty_url, journal, worker, heard):
    owner = Database.open(pg_empty_url)
    url = make_url(pg_empty_url)
    proxy = TcpProxy(url.host, url.port or 5432)
    station = Database.open(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False),
                            migrate_schema=False, key_store=owner.key_store)
    try:
        sync = StationSync(journal, station, HANDLERS, worker)
        sync.listen(heard.append)
        proxy.cut()
        ids = [sync.record(ACTOR, "note", {"n": n}) for n in range(3)]
        while sync.replaying or not heard:
            worker.deliver()
        offline = heard[-1]
        assert offline.offline and offline.retry and not offline.complete
        assert offline.applied == () and offline.pending == 3
        assert noted(owner) == []
        proxy.restore()
        assert sync.request() is True  # what the owner's retry timer does
        worker.deliver()
        back = heard[-1]
        assert back.complete and back.applied == tuple(ids) and back.pending == 0
        assert noted(owner) == ids  # once each, in the order they were confirmed
    finally:
        proxy.close()
        station.dispose()
        owner.dispose()
