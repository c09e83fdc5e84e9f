"""PostgreSQL LISTEN/NOTIFY for the change feed: stations hear a commit instead of waiting for a poll.

`FeedListener` holds one dedicated connection LISTENing on the feed channel in its own thread and
calls `on_notify(topic)` for every notification; it reconnects after a drop. The change feed table
stays the source of truth (a station reads it after each notification), so a notification lost
during a reconnect costs at most one polling interval.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import psycopg
from sqlalchemy.engine import make_url

from desktop.db.database import FEED_CHANNEL


def libpq_conninfo(url: str) -> str:
    """A SQLAlchemy PostgreSQL URL as libpq connection info (psycopg, without the driver suffix)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class FeedListener(threading.Thread):
    def __init__(self, url: str, on_notify: Callable[[str], None], *, reconnect_delay: float = 1.0,
                 on_state: Callable[[bool], None] | None = None) -> None:
        super().__init__(name="feed-listener", daemon=True)
        self._conninfo = libpq_conninfo(url)
        self._on_notify = on_notify
        self._on_state = on_state or (lambda connected: None)
        self._reconnect_delay = reconnect_delay
        self._stopping = threading.Event()
        self.listening = threading.Event()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self.join(timeout)

    def run(self) -> None:
        while not self._stopping.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {FEED_CHANNEL}")
                    self.listening.set()
                    self._on_state(True)
                    while not self._stopping.is_set():
                        for note in conn.notifies(timeout=0.5):
                            self._on_notify(note.payload)
            except psycopg.Error:
                self.listening.clear()
                self._on_state(False)
                self._stopping.wait(self._reconnect_delay)
        self.listening.clear()
