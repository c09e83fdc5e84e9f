"""Packing keyed by the station's action id, journaled and replayed like picking; labels only after the commit.

An outage on SQLite is the central file's folder going away (a share unmounted); on PostgreSQL it is
the station's TCP link cut by a proxy (`tests/tcp_proxy.py`). Both are real: the engine fails to
connect, the journal keeps the parcel, and replay applies it exactly once when the database is back.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.services import packing
from desktop.station.actions import HANDLERS, pack_payload, packed_orders
from desktop.station.journal import APPLIED, PENDING, StationJournal, replay
from devices.decode import OrderScan
from printing.queue import PrintQueue
from printing.transports import PrinterSettings
from test_packing_service import TODAY, actor, call, make_picked, order_row, weight_for


def _parcels(db: Database, order_no: str) -> int:
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).select_from(models.Parcel).join(models.Order)
                                  .where(models.Order.order_no == order_no))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine_name(request):
    return request.param


def _close_whole_order(db: Database, p) -> dict:
    carton, expected = weight_for(p, p.units)
    view = call(db, "packer1", packing.open_for_packing, OrderScan(p.order_no), today=TODAY)
    return pack_payload(p.order_no, p.units, carton, expected, view.carrier.carrier, view.carrier.service,
                        today=TODAY)


# ─── the action id is a column ──────────────────────────────────────────────────


def test_a_parcel_carries_its_action_id_and_a_replay_finds_it_by_that_alone(tmp_path, monkeypatch, engine_name,
                                                                            request):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}" if engine_name == "sqlite" else request.getfixturevalue("pg_empty_url")
    db = Database.open(url)
    try:
        build_demo(db, orders=40, seed=3, as_of=TODAY)
        p = make_picked(db)
        payload = _close_whole_order(db, p)
        with db.unit_of_work(actor(db, "packer1")) as uow:
            first = HANDLERS["pack"](uow, payload, "act-1")
        with db.unit_of_work() as uow:  # the audit log is no longer what makes it idempotent
            uow.session.execute(models.AuditEntry.__table__.delete().where(models.AuditEntry.action == "parcel_packed"))
            uow.commit()
        with db.unit_of_work(actor(db, "packer1")) as uow:
            again = HANDLERS["pack"](uow, payload, "act-1")
        assert again.code == first.code and again.replayed and not first.replayed and first.order_packed
        (row,) = order_row(db, p.order_no).parcels
        assert row.action_id == "act-1" and row.code == first.code
    finally:
        db.dispose()


# ─── print after commit ─────────────────────────────────────────────────────────


def _refuse_documents_queued_at_commit(db: Database) -> None:
    """The database refuses the print record when the transaction commits (SQLite: when it is written)."""
    with db.engine.begin() as conn:
        if db.backend == "postgresql":
            conn.execute(text("""
                CREATE FUNCTION refuse_print() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'print record refused'; END $$"""))
            conn.execute(text("""
                CREATE CONSTRAINT TRIGGER refuse_print AFTER INSERT ON audit_log
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                WHEN (NEW.action = 'documents_queued') EXECUTE FUNCTION refuse_print()"""))
        else:
            conn.execute(text("""
                CREATE TRIGGER refuse_print BEFORE INSERT ON audit_log
                WHEN NEW.action = 'documents_queued' BEGIN SELECT RAISE(ABORT, 'print record refused'); END"""))


def test_when_the_commit_fails_no_label_is_queued(tmp_path, monkeypatch, engine_name, request):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}" if engine_name == "sqlite" else request.getfixturevalue("pg_empty_url")
    db = Database.open(url)
    try:
        build_demo(db, orders=40, seed=3, as_of=TODAY)
        p = make_picked(db)
        with db.unit_of_work(actor(db, "packer1")) as uow:
            HANDLERS["pack"](uow, _close_whole_order(db, p), "act-1")
        _refuse_documents_queued_at_commit(db)
        printer = PrinterSettings("folder", str(tmp_path / "printer"), format="pdf")
        with PrintQueue(tmp_path / "q.sqlite3") as queue:
            with pytest.raises(Exception, match="print record refused"):
                call(db, "packer1", packing.print_documents, p.order_no, queue, printer)
            assert queue.list_jobs() == []
    finally:
        db.dispose()


# ─── the journal: an outage on both engines ─────────────────────────────────────


class SqliteOutage:
    """The folder holding the central SQLite file goes away (an unmounted share) and comes back."""

    def __init__(self, tmp_path, monkeypatch) -> None:
        self.home = tmp_path / "central"
        self.away = tmp_path / "central-away"
        self.home.mkdir()
        monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
        self.owner = Database.open(f"sqlite:///{self.home / 'c.sqlite3'}")
        self.db = self.owner

    def cut(self) -> None:
        self.db.engine.dispose()
        self.home.rename(self.away)

    def restore(self) -> None:
        self.away.rename(self.home)

    def close(self) -> None:
        self.db.dispose()


class PostgresOutage:
    """The station reaches PostgreSQL through a proxy the test cuts and restores."""

    def __init__(self, url: str, tmp_path, monkeypatch) -> None:
        from tcp_proxy import TcpProxy

        monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
        self.owner = Database.open(url)
        parsed = make_url(url)
        self.proxy = TcpProxy(parsed.host, parsed.port or 5432)
        self.db = Database.open(parsed.set(host="127.0.0.1", port=self.proxy.port)
                                .render_as_string(hide_password=False), key_store=self.owner.key_store)

    def cut(self) -> None:
        self.proxy.cut()

    def restore(self) -> None:
        self.proxy.restore()

    def close(self) -> None:
        self.db.dispose()
        self.owner.dispose()
        self.proxy.close()


@pytest.fixture
def outage(engine_name, tmp_path, monkeypatch, request):
    o = SqliteOutage(tmp_path, monkeypatch) if engine_name == "sqlite" else \
        PostgresOutage(request.getfixturevalue("pg_empty_url"), tmp_path, monkeypatch)
    yield o
    o.close()


def test_a_parcel_closed_in_an_outage_is_kept_replayed_once_and_its_labels_print_once(outage, tmp_path):
    build_demo(outage.owner, orders=40, seed=3, as_of=TODAY)
    db = outage.db
    p = make_picked(db)
    payload = _close_whole_order(db, p)
    packer = actor(db, "packer1")
    journal = StationJournal(tmp_path / "journal.sqlite3")
    printer = PrinterSettings("folder", str(tmp_path / "printer"), format="pdf")
    (tmp_path / "printer").mkdir()
    try:
        with PrintQueue(tmp_path / "q.sqlite3") as queue:
            outage.cut()
            action = journal.record(packer, "pack", payload)  # the packer's close, kept before the answer
            cut = replay(journal, db, HANDLERS)
            assert not cut.complete and cut.applied == [] and journal.counts()[PENDING] == 1
            assert packed_orders(cut) == [] and queue.list_jobs() == []  # no tracking number yet: nothing prints

            outage.restore()
            back = replay(journal, db, HANDLERS)
            assert back.complete and back.applied == [action] and journal.counts()[APPLIED] == 1
            assert packed_orders(back) == [p.order_no]
            for order_no in packed_orders(back):
                call(db, "packer1", packing.print_documents, order_no, queue, printer, slip=False)

            # A crash after the central commit, before the journal marked it: replayed, still one parcel.
            journal._finish(action, PENDING, None)
            again = replay(journal, db, HANDLERS)
            assert again.applied == [action] and packed_orders(again) == []
            assert _parcels(db, p.order_no) == 1
            (row,) = order_row(db, p.order_no).parcels
            assert row.action_id == action and row.shipment.tracking_no
            labels = [j for j in queue.list_jobs() if j.parcel_ref == row.code]
            assert len(labels) == 1 and row.shipment.tracking_no in labels[0].title
    finally:
        journal.close()


def test_a_parcel_closed_offline_gets_its_sf_number_at_the_replay_never_before(outage, tmp_path):
    """Issue 18 item 5: offline, the close is journaled and no number exists; the replay asks SF for it."""
    from desktop.services import carrier_accounts
    from tests.sf_simulator import SfSimulator

    build_demo(outage.owner, orders=40, seed=3, as_of=TODAY)
    sim = SfSimulator(partners={"JOURNAL": "journal-check-word"})
    sim.start()
    db = outage.db
    journal = StationJournal(tmp_path / "journal.sqlite3")
    try:
        call(db, "admin", carrier_accounts.set_account, "SF", "sf", sim.url, "JOURNAL", "journal-check-word")
        p = make_picked(db)
        carton, expected = weight_for(p, p.units)
        payload = pack_payload(p.order_no, p.units, carton, expected, "SF", "standard",
                               carrier_reason="SF account (test)", today=TODAY)
        packer = actor(db, "packer1")
        outage.cut()
        action = journal.record(packer, "pack", payload)
        assert not replay(journal, db, HANDLERS).complete
        assert sim.requests == []  # nothing asked, nothing made up while the station is cut off
        outage.restore()
        back = replay(journal, db, HANDLERS)
        assert back.complete and back.applied == [action]
        (number,) = sim.waybill_numbers(p.order_no)
        (row,) = order_row(db, p.order_no).parcels
        assert row.shipment.tracking_no == number and row.action_id == action
        journal._finish(action, PENDING, None)  # replayed again after a crash: SF is not asked twice
        replay(journal, db, HANDLERS)
        assert [f["serviceCode"] for f in sim.requests] == ["EXP_RECE_CREATE_ORDER"]
    finally:
        journal.close()
        sim.stop()
