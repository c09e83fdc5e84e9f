"""The station journal: kept before the answer, replayed exactly once, conflicts shown, nothing dropped."""

import pytest
from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.domain.errors import PickdeskError
from desktop.domain.roles import Role
from desktop.station.journal import APPLIED, CONFLICT, PENDING, StationJournal, replay

ACTOR = Actor(user_id=None, login="picker1", display_name="Li Na", role=Role.PICKER, station="PICK-01")


class Reassigned(PickdeskError):
    pass


def note(uow, payload, action_id):
    """An idempotent handler: one audit row per action id, however often it runs."""
    if payload.get("conflict"):
        raise Reassigned("The batch was reassigned to picker2.", "该批次已改派给 picker2。")
    exists = uow.session.scalar(select(func.count()).select_from(models.AuditEntry)
                                .where(models.AuditEntry.entity_id == action_id))
    if not exists:
        uow.audit("picked", "journal", action_id, n=payload["n"])
        uow.commit()
    return "ok"


def applied_rows(db):
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).select_from(models.AuditEntry)
                                  .where(models.AuditEntry.action == "picked"))


@pytest.fixture
def journal(tmp_path):
    j = StationJournal(tmp_path / "journal.sqlite3")
    yield j
    j.close()


def test_recorded_actions_survive_reopening_in_order(tmp_path):
    j = StationJournal(tmp_path / "j.sqlite3")
    ids = [j.record(ACTOR, "pick", {"n": n}) for n in range(5)]
    j.record(ACTOR, "pick", {"n": 99}, action_id=ids[0])  # the same action twice is kept once
    j.close()
    again = StationJournal(tmp_path / "j.sqlite3")
    assert [e.action_id for e in again.pending()] == ids
    assert [e.payload["n"] for e in again.pending()] == [0, 1, 2, 3, 4]
    assert again.pending()[0].actor["login"] == "picker1"
    again.close()


def test_replay_applies_each_action_once_and_reports_conflicts(journal, tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    try:
        ids = [journal.record(ACTOR, "pick", {"n": n}) for n in range(3)]
        bad = journal.record(ACTOR, "pick", {"n": 3, "conflict": True})
        report = replay(journal, db, {"pick": note})
        assert report.complete and report.applied == ids and [c for c, _ in report.conflicts] == [bad]
        assert journal.counts() == {PENDING: 0, APPLIED: 3, CONFLICT: 1}
        assert applied_rows(db) == 3
        with db.unit_of_work() as uow:
            case = uow.session.scalar(select(models.ExceptionCase).where(models.ExceptionCase.kind == "conflict"))
            assert case.detail["action_id"] == bad and "reassigned" in case.detail["reason"]
        # A crash after the central commit but before the local mark: the action replays, applies once.
        journal._finish(ids[0], PENDING, None)
        assert replay(journal, db, {"pick": note}).applied == [ids[0]]
        assert applied_rows(db) == 3
    finally:
        db.dispose()


def test_two_replays_at_once_apply_each_action_once_and_report_no_false_conflict(journal, tmp_path):
    """A rebuilt workspace (or a quick sign-out and in) starts a replay while the last one still runs.

    The handler refuses an action it has already applied, as the real pick handler refuses a stop that
    is picked: run side by side, the second replay would report the first's actions as conflicts."""
    import threading
    import time

    db = Database.open(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    done: set[str] = set()

    def strict(uow, payload, action_id):
        if action_id in done:
            raise Reassigned("Already picked.", "已拣过。")
        time.sleep(0.05)  # the central database takes a moment: long enough for the other replay to look
        done.add(action_id)
        return "ok"

    try:
        ids = [journal.record(ACTOR, "pick", {"n": n}) for n in range(4)]
        reports = []
        threads = [threading.Thread(target=lambda: reports.append(replay(journal, db, {"pick": strict})))
                   for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert sorted(a for r in reports for a in r.applied) == sorted(ids)  # each once, by one of them
        assert [c for r in reports for c in r.conflicts] == []
        assert journal.counts() == {PENDING: 0, APPLIED: 4, CONFLICT: 0}
    finally:
        db.dispose()


def test_an_unknown_kind_is_a_conflict_not_a_drop(journal, tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    try:
        journal.record(ACTOR, "teleport", {})
        report = replay(journal, db, {})
        assert len(report.conflicts) == 1 and journal.counts()[CONFLICT] == 1
    finally:
        db.dispose()


@pytest.mark.postgres
def test_database_cut_mid_replay_keeps_the_rest_pending_then_everything_arrives(journal, pg_empty_url):
    from tcp_proxy import TcpProxy
    from sqlalchemy.engine import make_url

    url = make_url(pg_empty_url)
    Database.open(pg_empty_url).dispose()  # schema in place
    proxy = TcpProxy(url.host, url.port or 5432)
    db = Database.open(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
    try:
        ids = [journal.record(ACTOR, "pick", {"n": n}) for n in range(10)]
        calls = []

        def cut_after_four(uow, payload, action_id):
            calls.append(action_id)
            if len(calls) == 5:
                proxy.cut()
            return note(uow, payload, action_id)

        first = replay(journal, db, {"pick": cut_after_four})
        assert not first.complete and len(first.applied) == 4
        assert [e.action_id for e in journal.pending()] == ids[4:]
        proxy.restore()
        second = replay(journal, db, {"pick": note})
        assert second.complete and second.applied == ids[4:]
        assert applied_rows(db) == 10 and journal.counts()[APPLIED] == 10
    finally:
        db.dispose()
        proxy.close()


def test_work_handed_over_is_kept_across_a_restart_and_taken_once(tmp_path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = StationJournal(path)
    journal.hand_over(ACTOR, "pack", "SO-1", {"units": [[1, "L1", "2027-03-09"]], "grams": 512})
    journal.hand_over(ACTOR, "pack", "SO-1", {"units": [[1, "L1", "2027-03-09"], [2, None, None]], "grams": 530})
    journal.close()
    journal = StationJournal(path)  # the station restarted
    kept = journal.handovers("pack")
    assert [(key, who["login"], work["grams"]) for key, who, work in kept] == [("SO-1", "picker1", 530)]
    assert journal.handovers("pick") == [] and journal.pending() == []  # not an action: nothing to replay
    assert journal.take_handover("pack", "SO-1")["units"][1] == [2, None, None]
    assert journal.take_handover("pack", "SO-1") is None and journal.handovers("pack") == []
    journal.close()
