"""The change-feed watcher: another station's commit reaches this station's GUI thread, in order."""

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from desktop.db.database import Database
from ui.live import ChangeFeedWatcher
from ui.tasks import TaskRunner


@pytest.fixture
def db(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    yield db
    db.dispose()


def commit_change(db, topic, entity):
    with db.unit_of_work() as uow:
        uow.announce(topic, entity, note="from another station")
        uow.commit()


def test_changes_after_start_arrive_in_order_on_the_gui_thread(qtbot, db):
    commit_change(db, "orders", "OLD-1")  # before this station looked: not replayed
    runner = TaskRunner(db)
    watcher = ChangeFeedWatcher(runner, interval_ms=50)
    seen = []
    threads = []
    watcher.changed.connect(lambda e: (seen.append((e.topic, e.entity_id)), threads.append(QThread.currentThread())))
    watcher.start()
    qtbot.waitUntil(lambda: watcher.last_id is not None)
    commit_change(db, "batches", "B-1")
    commit_change(db, "orders", "M1-2")
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    assert seen == [("batches", "B-1"), ("orders", "M1-2")]
    assert all(t is QApplication.instance().thread() for t in threads)
    watcher.stop()
    runner.wait_for_done(3000)


def test_a_lost_database_is_reported_and_polling_goes_on(qtbot, tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'gone.sqlite3'}")
    runner = TaskRunner(db)
    watcher = ChangeFeedWatcher(runner, interval_ms=50)
    watcher.start()
    qtbot.waitUntil(lambda: watcher.last_id is not None)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE change_feed")
    with qtbot.waitSignal(watcher.failed, timeout=3000):
        pass
    watcher.stop()
    runner.wait_for_done(3000)
    db.dispose()


@pytest.mark.postgres
def test_on_postgresql_a_commit_is_heard_without_waiting_for_the_poll(qtbot, pg_empty_url):
    db = Database.open(pg_empty_url)
    runner = TaskRunner(db)
    watcher = ChangeFeedWatcher(runner, interval_ms=60_000)  # the poll would take a minute
    seen = []
    watcher.changed.connect(lambda e: seen.append(e.entity_id))
    watcher.start()
    try:
        qtbot.waitUntil(lambda: watcher.last_id is not None and watcher.listening, timeout=10_000)
        commit_change(db, "batches", "B-7")
        qtbot.waitUntil(lambda: seen == ["B-7"], timeout=3000)
    finally:
        watcher.stop()
        runner.wait_for_done(3000)
        db.dispose()
