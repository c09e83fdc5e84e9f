"""LISTEN/NOTIFY: a committed change reaches a listening station; a rolled-back one never does."""

import queue

import pytest

from desktop.db.database import Database
from desktop.db.notify import FeedListener


@pytest.mark.postgres
def test_commits_are_heard_and_rollbacks_are_not(pg_empty_url):
    db = Database.open(pg_empty_url)
    heard: queue.Queue[str] = queue.Queue()
    listener = FeedListener(pg_empty_url, heard.put)
    listener.start()
    try:
        assert listener.listening.wait(10)
        with db.unit_of_work() as uow:
            uow.announce("orders", "DISCARDED")  # never committed
        with db.unit_of_work() as uow:
            uow.announce("batches", "B-1", event="reassigned")
            uow.commit()
        assert heard.get(timeout=5) == "batches"
        with pytest.raises(queue.Empty):
            heard.get(timeout=0.5)
    finally:
        listener.stop()
        db.dispose()
