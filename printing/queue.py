"""The station's print queue: every job is written to SQLite before it is sent, and none is dropped.

States::

    queued ──► sending ──► printed
       ▲          │
       │          ├──► retrying ──(back-off due)──► sending …   (printer offline / not ready)
       │          └──► failed ──► on_failed(job)                 (rejected, or retries used up)
       └── sending whose lease ran out (the station crashed mid-send) is queued again

Jobs for one printer go out in the order they were submitted: while the oldest job for a printer
waits out its back-off, later jobs for that printer wait behind it, so labels never come out of
order on a packing bench. Other printers are not held up.

A label holds a customer's name, phone and address, so the queue keeps a job's rendered bytes only
while they may still have to go out: once a job is printed its document is dropped (overwritten on
disk, `secure_delete`, and the write-ahead log truncated), and the file is readable by its owner
only (0600). A failed job keeps its bytes until someone retries it. A reprint of a printed job is
rendered again by the caller (`DocumentDropped`).

Delivery is exactly once while the process lives. A crash between the printer taking the bytes and
the queue writing "printed" re-sends that job after restart (at least once): a duplicate label is
recoverable, a lost one is not.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from printing.transports import PrinterSettings, PrintError, Transport, open_transport

log = logging.getLogger(__name__)

QUEUED, SENDING, PRINTED, RETRYING, FAILED = "queued", "sending", "printed", "retrying", "failed"
STATES = (QUEUED, SENDING, PRINTED, RETRYING, FAILED)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS print_job (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at      REAL    NOT NULL,
    format          TEXT    NOT NULL,
    document        BLOB    NOT NULL,
    settings        TEXT    NOT NULL,
    printer_key     TEXT    NOT NULL,
    order_ref       TEXT    NOT NULL,
    parcel_ref      TEXT    NOT NULL DEFAULT '',
    title           TEXT    NOT NULL DEFAULT '',
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL    NOT NULL,
    lease_until     REAL,
    last_error      TEXT,
    reprint_of      INTEGER REFERENCES print_job(id),
    updated_at      REAL    NOT NULL
);
CREATE INDEX IF NOT EXISTS print_job_open ON print_job(state, id);
CREATE TABLE IF NOT EXISTS print_attempt (
    job_id      INTEGER NOT NULL REFERENCES print_job(id),
    number      INTEGER NOT NULL,
    started_at  REAL    NOT NULL,
    finished_at REAL,
    outcome     TEXT,
    error       TEXT,
    receipt     TEXT,
    PRIMARY KEY (job_id, number)
);
"""


class DocumentDropped(LookupError):
    """The job was printed and its bytes (customer data) are gone: render the document again."""


def _private_file(path: Path) -> None:
    """Create `path` owner-only (0600) before SQLite opens it, and tighten an existing one and its
    WAL and shared-memory files (SQLite gives those the database file's mode when it creates them)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if p.exists():
            os.chmod(p, 0o600)


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential back-off: first_delay, then ×factor each time, at most max_delay; max_attempts in all."""

    first_delay: float = 2.0
    factor: float = 2.0
    max_delay: float = 300.0
    max_attempts: int = 12

    def delay(self, attempts_made: int) -> float:
        return min(self.max_delay, self.first_delay * self.factor ** max(0, attempts_made - 1))


@dataclass(frozen=True)
class Attempt:
    number: int
    started_at: float
    finished_at: float | None
    outcome: str | None  # printed | retrying | failed | interrupted; None while sending
    error: str | None
    receipt: str | None


@dataclass(frozen=True)
class PrintJob:
    id: int
    created_at: float
    format: str
    settings: PrinterSettings
    order_ref: str
    parcel_ref: str
    title: str
    state: str
    attempt_count: int
    next_attempt_at: float
    last_error: str | None
    reprint_of: int | None
    attempts: tuple[Attempt, ...] = ()
    document: bytes | None = None  # loaded only on request; None once printed (dropped)

    @property
    def created(self) -> _dt.datetime:
        return _dt.datetime.fromtimestamp(self.created_at, _dt.UTC)


class PrintQueue:
    """A persistent print queue in a SQLite file (WAL). Thread-safe; one per station.

    `clock` returns seconds (epoch); tests hand in a fake. `on_failed(job)` is called once when a
    job becomes failed; the desktop layer turns that into an exception a supervisor sees.
    `transport_factory(settings)` opens the printer (default `open_transport`).
    """

    def __init__(self, path: str | Path, *, policy: RetryPolicy = RetryPolicy(),
                 clock: Callable[[], float] = time.time, lease_seconds: float = 120.0,
                 on_failed: Callable[[PrintJob], None] | None = None,
                 transport_factory: Callable[[PrinterSettings], Transport] = open_transport):
        self.path = Path(path)
        self.policy, self.clock, self.lease_seconds = policy, clock, lease_seconds
        self.on_failed, self.transport_factory = on_failed, transport_factory
        self._lock = threading.RLock()
        self._listeners: list[Callable[[], None]] = []
        _private_file(self.path)
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10.0)
        self._db.execute("PRAGMA secure_delete=ON")  # freed pages (a dropped label) are overwritten with zeros
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")  # a job the packer saw as queued survives a power cut
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(_SCHEMA)
        # A queue file from before documents were dropped: drop what it still holds of printed jobs.
        if self._db.execute("UPDATE print_job SET document=X'' WHERE state=? AND length(document) > 0",
                            (PRINTED,)).rowcount:
            self._truncate_log()

    def _truncate_log(self) -> None:
        """Move the WAL into the database (where secure_delete zeroed the freed pages) and empty it, so
        no copy of a dropped document stays in the log file."""
        try:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError:  # a reader holds the log; the next drop truncates it
            log.debug("print queue: log not truncated (busy)")

    # -- lifecycle --------------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> PrintQueue:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def add_listener(self, callback: Callable[[], None]) -> None:
        """Called (from the submitting thread) whenever a job becomes sendable: the worker wakes up."""
        self._listeners.append(callback)

    def _notify(self) -> None:
        for callback in list(self._listeners):
            callback()

    # -- writing jobs ---------------------------------------------------------------------------------

    def submit(self, document: bytes, fmt: str, settings: PrinterSettings, *, order_ref: str,
               parcel_ref: str = "", title: str = "", reprint_of: int | None = None) -> int:
        """Store the job (durably) and return its id; a worker sends it."""
        if fmt not in ("pdf", "zpl", "cainiao"):
            raise ValueError(f"format must be pdf, zpl or cainiao, not {fmt!r}")
        if not document:
            raise ValueError("an empty document cannot be printed")
        now = self.clock()
        with self._lock:
            cur = self._db.execute(
                "INSERT INTO print_job (created_at, format, document, settings, printer_key, order_ref, parcel_ref,"
                " title, state, next_attempt_at, reprint_of, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (now, fmt, sqlite3.Binary(document), settings.to_json(), settings.printer_key, order_ref, parcel_ref,
                 title, QUEUED, now, reprint_of, now))
            job_id = cur.lastrowid
        self._notify()
        return job_id

    def reprint(self, job_id: int) -> int:
        """A new job with the old job's bytes and printer, while it still has them (not yet printed);
        a printed job's bytes are dropped: DocumentDropped, and the caller renders the label again."""
        old = self.get(job_id, with_document=True)
        if old.document is None:
            raise DocumentDropped(f"print job {job_id} was printed; its document is no longer kept")
        return self.submit(old.document, old.format, old.settings, order_ref=old.order_ref,
                           parcel_ref=old.parcel_ref, title=old.title, reprint_of=old.id)

    def retry(self, job_id: int) -> None:
        """Put a failed job back in the queue (after someone fixed the printer), with fresh retries."""
        now = self.clock()
        with self._lock:
            cur = self._db.execute(
                "UPDATE print_job SET state=?, next_attempt_at=?, updated_at=?, attempts=0 WHERE id=? AND state=?",
                (QUEUED, now, now, job_id, FAILED))
            if cur.rowcount != 1:
                raise ValueError(f"job {job_id} is not failed")
        self._notify()

    def recover(self) -> int:
        """At start-up: jobs left `sending` by a crash whose lease has run out go back to the queue."""
        now = self.clock()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                rows = self._db.execute("SELECT id FROM print_job WHERE state=? AND lease_until <= ?",
                                        (SENDING, now)).fetchall()
                for (job_id,) in rows:
                    self._interrupt(job_id, now)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        if rows:
            log.warning("print queue: %d interrupted job(s) queued again", len(rows))
            self._notify()
        return len(rows)

    def _interrupt(self, job_id: int, now: float) -> None:
        self._db.execute("UPDATE print_attempt SET finished_at=?, outcome='interrupted' WHERE job_id=? AND outcome IS NULL",
                         (now, job_id))
        self._db.execute("UPDATE print_job SET state=?, next_attempt_at=?, lease_until=NULL, updated_at=? WHERE id=?",
                         (QUEUED, now, now, job_id))

    # -- sending ----------------------------------------------------------------------------------------

    def claim_next(self) -> PrintJob | None:
        """The next job to send, marked `sending` with a lease; None if nothing is due."""
        now = self.clock()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                job_id = self._pick(now)
                if job_id is None:
                    self._db.execute("COMMIT")
                    return None
                state, attempts = self._db.execute("SELECT state, attempts FROM print_job WHERE id=?",
                                                   (job_id,)).fetchone()
                if state == SENDING:  # its sender died without recover(): close that attempt
                    self._interrupt(job_id, now)
                self._db.execute("UPDATE print_job SET state=?, attempts=?, lease_until=?, updated_at=? WHERE id=?",
                                 (SENDING, attempts + 1, now + self.lease_seconds, now, job_id))
                # Numbered over the job's whole history; `attempts` counts this round (retry() resets it).
                self._db.execute("INSERT INTO print_attempt (job_id, number, started_at) SELECT ?, COALESCE(MAX(number), 0) + 1, ?"
                                 " FROM print_attempt WHERE job_id=?", (job_id, now, job_id))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            return self.get(job_id, with_document=True)

    def _pick(self, now: float) -> int | None:
        held: set[str] = set()
        rows = self._db.execute(
            "SELECT id, printer_key, state, next_attempt_at, lease_until FROM print_job"
            " WHERE state IN (?,?,?) ORDER BY id", (QUEUED, RETRYING, SENDING))
        for job_id, key, state, due, lease in rows:
            if key in held:
                continue
            if state == SENDING:
                if lease is not None and lease > now:
                    held.add(key)  # being sent right now: the printer's next job waits for it
                    continue
                return job_id
            if due <= now:
                return job_id
            held.add(key)  # the oldest job for this printer is backing off: keep the order
        return None

    def complete(self, job_id: int, receipt: str | None = None) -> None:
        now = self.clock()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            # Printed: the customer's label is not needed any more, and is not kept.
            self._db.execute("UPDATE print_job SET state=?, lease_until=NULL, last_error=NULL, document=X'',"
                             " updated_at=? WHERE id=?", (PRINTED, now, job_id))
            self._db.execute("UPDATE print_attempt SET finished_at=?, outcome=?, receipt=? WHERE job_id=? AND outcome IS NULL",
                             (now, PRINTED, receipt, job_id))
            self._db.execute("COMMIT")
            self._truncate_log()

    def fail_attempt(self, job_id: int, error: BaseException) -> PrintJob:
        """Record a failed send: `retrying` with back-off if the error is retryable and tries are left, else `failed`."""
        now = self.clock()
        message = error.for_screen() if isinstance(error, PrintError) else f"{type(error).__name__}: {error}"
        retryable = isinstance(error, PrintError) and error.retryable
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            (attempts,) = self._db.execute("SELECT attempts FROM print_job WHERE id=?", (job_id,)).fetchone()
            state = RETRYING if retryable and attempts < self.policy.max_attempts else FAILED
            due = now + self.policy.delay(attempts) if state == RETRYING else now
            self._db.execute("UPDATE print_job SET state=?, next_attempt_at=?, lease_until=NULL, last_error=?,"
                             " updated_at=? WHERE id=?", (state, due, message, now, job_id))
            self._db.execute("UPDATE print_attempt SET finished_at=?, outcome=?, error=? WHERE job_id=? AND outcome IS NULL",
                             (now, state, message, job_id))
            self._db.execute("COMMIT")
            job = self.get(job_id)
        if state == FAILED:
            log.error("print job %d for %s failed: %s", job_id, job.order_ref, message)
            if self.on_failed is not None:
                try:
                    self.on_failed(job)
                except Exception:  # the callback's bug must not stop the queue
                    log.exception("on_failed callback raised for print job %d", job_id)
        return job

    def process_next(self) -> PrintJob | None:
        """Send the next due job; return it in its new state, or None when nothing was due."""
        job = self.claim_next()
        if job is None:
            return None
        try:
            transport = self.transport_factory(job.settings)
            receipt = transport.send(job.document, title=job.title or f"{job.order_ref} {job.parcel_ref}".strip())
        except Exception as exc:  # anything else is a bug, but the job must still end up visible, not lost
            return self.fail_attempt(job.id, exc)
        self.complete(job.id, receipt)
        return self.get(job.id)

    def next_due_in(self) -> float | None:
        """Seconds until some job is due (0 if one is due now), None if nothing is waiting."""
        with self._lock:
            row = self._db.execute(
                "SELECT MIN(CASE WHEN state=? THEN lease_until ELSE next_attempt_at END) FROM print_job"
                " WHERE state IN (?,?,?)", (SENDING, QUEUED, RETRYING, SENDING)).fetchone()
        if row[0] is None:
            return None
        return max(0.0, row[0] - self.clock())

    # -- reading -----------------------------------------------------------------------------------------

    def get(self, job_id: int, *, with_document: bool = False) -> PrintJob:
        with self._lock:
            row = self._db.execute(f"SELECT {self._columns(with_document)} FROM print_job WHERE id=?",
                                   (job_id,)).fetchone()
            if row is None:
                raise KeyError(f"no print job {job_id}")
            return self._job(row, self._attempts([job_id]).get(job_id, ()), with_document)

    def list_jobs(self, states: tuple[str, ...] | None = None, limit: int = 500) -> list[PrintJob]:
        """Newest first, with each job's attempt history (documents not loaded)."""
        with self._lock:
            sql = f"SELECT {self._columns(False)} FROM print_job"
            params: list = []
            if states:
                sql += f" WHERE state IN ({','.join('?' * len(states))})"
                params += list(states)
            sql += " ORDER BY id DESC LIMIT ?"
            rows = self._db.execute(sql, (*params, limit)).fetchall()
            attempts = self._attempts([row[0] for row in rows])
            return [self._job(row, attempts.get(row[0], ()), False) for row in rows]

    def counts(self) -> dict[str, int]:
        with self._lock:
            found = dict(self._db.execute("SELECT state, COUNT(*) FROM print_job GROUP BY state").fetchall())
        return {state: found.get(state, 0) for state in STATES}

    @staticmethod
    def _columns(with_document: bool) -> str:
        cols = ("id, created_at, format, settings, order_ref, parcel_ref, title, state, attempts, next_attempt_at,"
                " last_error, reprint_of")
        return cols + (", document" if with_document else "")

    def _attempts(self, job_ids: list[int]) -> dict[int, tuple[Attempt, ...]]:
        if not job_ids:
            return {}
        out: dict[int, list[Attempt]] = {}
        marks = ",".join("?" * len(job_ids))
        for job_id, *fields in self._db.execute(
                f"SELECT job_id, number, started_at, finished_at, outcome, error, receipt FROM print_attempt"
                f" WHERE job_id IN ({marks}) ORDER BY job_id, number", job_ids):
            out.setdefault(job_id, []).append(Attempt(*fields))
        return {job_id: tuple(items) for job_id, items in out.items()}

    @staticmethod
    def _job(row, attempts: tuple[Attempt, ...], with_document: bool) -> PrintJob:
        document = (bytes(row[12]) or None) if with_document else None  # None: printed, dropped
        return PrintJob(id=row[0], created_at=row[1], format=row[2], settings=PrinterSettings.from_json(row[3]),
                        order_ref=row[4], parcel_ref=row[5], title=row[6], state=row[7], attempt_count=row[8],
                        next_attempt_at=row[9], last_error=row[10], reprint_of=row[11], attempts=attempts,
                        document=document)


class PrintWorker(threading.Thread):
    """Drains a PrintQueue in the background: sends what is due, sleeps until the next back-off is due
    or a new job arrives. `stop()` finishes the job in hand and returns.

    `wait(timeout)` is how it sleeps (default: an event wait that `wake()` interrupts); tests can
    hand in their own.
    """

    def __init__(self, queue: PrintQueue, *, idle_wait: float = 5.0,
                 wait: Callable[[float], None] | None = None, name: str = "pickdesk-print-worker"):
        super().__init__(name=name, daemon=True)
        self.queue = queue
        self.idle_wait = idle_wait
        self._stop_event = threading.Event()
        self._wake_event = threading.Event()
        self._wait = wait or self._event_wait
        queue.add_listener(self.wake)

    def _event_wait(self, timeout: float) -> None:
        self._wake_event.wait(timeout)
        self._wake_event.clear()

    def wake(self) -> None:
        self._wake_event.set()

    def stop(self, timeout: float | None = 30.0) -> None:
        self._stop_event.set()
        self._wake_event.set()
        if self.is_alive():
            self.join(timeout)

    def run(self) -> None:
        try:
            self.queue.recover()
        except sqlite3.Error:
            log.exception("print queue recovery failed")
        while not self._stop_event.is_set():
            try:
                if self.queue.process_next() is not None:
                    continue
                due = self.queue.next_due_in()
            except sqlite3.Error:
                log.exception("print queue error; trying again shortly")
                due = self.idle_wait
            if self._stop_event.is_set():
                break
            self._wait(self.idle_wait if due is None else min(due, self.idle_wait))
