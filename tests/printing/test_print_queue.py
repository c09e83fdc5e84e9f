"""The print queue: stored before sent, backed off while the printer is away, never dropped."""

from __future__ import annotations

import time

import pytest
from printer_sink import hs_reply

from printing.queue import (
    FAILED,
    PRINTED,
    QUEUED,
    RETRYING,
    SENDING,
    DocumentDropped,
    PrintQueue,
    PrintWorker,
    RetryPolicy,
)
from printing.transports import PrinterNotReady, PrinterOffline, PrinterSettings, PrintRejected

PRINTER_A = PrinterSettings(kind="tcp", target="10.9.9.1", format="zpl")
PRINTER_B = PrinterSettings(kind="tcp", target="10.9.9.2", format="zpl")


class FakeClock:
    def __init__(self, now: float = 1_700_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class ScriptedPrinter:
    """A transport whose next outcomes are scripted: an exception to raise, or None to accept."""

    def __init__(self, *outcomes: Exception | None):
        self.outcomes = list(outcomes)
        self.received: list[tuple[str, bytes]] = []

    def factory(self, settings: PrinterSettings):
        printer = self

        class Transport:
            def send(self, document: bytes, *, title: str = "") -> str | None:
                outcome = printer.outcomes.pop(0) if printer.outcomes else None
                if outcome is not None:
                    raise outcome
                printer.received.append((settings.target, document))
                return f"r{len(printer.received)}"

        return Transport()


def wait_until(predicate, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_queue(tmp_path, clock, printer, **kwargs) -> PrintQueue:
    return PrintQueue(tmp_path / "print-queue.sqlite3", clock=clock, transport_factory=printer.factory,
                      policy=kwargs.pop("policy", RetryPolicy(first_delay=2, factor=2, max_delay=30, max_attempts=5)),
                      **kwargs)


def test_a_job_is_stored_before_it_is_sent_and_survives_a_restart(tmp_path, clock):
    printer = ScriptedPrinter()
    with make_queue(tmp_path, clock, printer) as queue:
        job_id = queue.submit(b"^XA^XZ", "zpl", PRINTER_A, order_ref="PD-1", parcel_ref="1/1", title="PD-1")
    assert printer.received == []
    with make_queue(tmp_path, clock, printer) as queue:
        job = queue.get(job_id, with_document=True)
        assert (job.state, job.document, job.order_ref, job.settings) == (QUEUED, b"^XA^XZ", "PD-1", PRINTER_A)
        assert queue.process_next().state == PRINTED
    assert printer.received == [("10.9.9.1", b"^XA^XZ")]


def test_offline_printer_is_retried_with_exponential_back_off(tmp_path, clock):
    printer = ScriptedPrinter(PrinterOffline("refused"), PrinterNotReady("paper_out"), PrinterOffline("refused"))
    with make_queue(tmp_path, clock, printer) as queue:
        job_id = queue.submit(b"L1", "zpl", PRINTER_A, order_ref="PD-1")
        delays = []
        for _ in range(3):
            job = queue.process_next()
            assert job.state == RETRYING
            delays.append(job.next_attempt_at - clock.now)
            assert queue.process_next() is None  # not due yet
            clock.advance(job.next_attempt_at - clock.now)
        assert delays == [2, 4, 8]
        assert queue.process_next().state == PRINTED
        job = queue.get(job_id)
        assert [a.outcome for a in job.attempts] == [RETRYING, RETRYING, RETRYING, PRINTED]
        assert "缺纸" in job.attempts[1].error and "paper out" in job.attempts[1].error
        assert job.attempts[-1].receipt == "r1"
    assert printer.received == [("10.9.9.1", b"L1")]


def test_a_job_that_never_prints_fails_and_calls_on_failed_once(tmp_path, clock):
    failed = []
    printer = ScriptedPrinter(*[PrinterOffline("refused")] * 10)
    with make_queue(tmp_path, clock, printer, on_failed=failed.append) as queue:
        job_id = queue.submit(b"L1", "zpl", PRINTER_A, order_ref="PD-1")
        while (job := queue.get(job_id)).state != FAILED:
            queue.process_next()
            clock.advance(60)
        assert job.attempt_count == 5 and len(job.attempts) == 5
        assert [j.id for j in failed] == [job_id] and failed[0].state == FAILED
        assert queue.process_next() is None  # failed is final, visible, not sent again by itself
        queue.retry(job_id)
        printer.outcomes.clear()
        assert queue.process_next().state == PRINTED


def test_a_rejected_job_fails_at_once(tmp_path, clock):
    failed = []
    printer = ScriptedPrinter(PrintRejected("The printer or class does not exist."))
    with make_queue(tmp_path, clock, printer, on_failed=failed.append) as queue:
        queue.submit(b"L1", "zpl", PRINTER_A, order_ref="PD-1")
        job = queue.process_next()
        assert job.state == FAILED and job.attempt_count == 1 and "does not exist" in job.last_error
        assert failed == [job]


def test_an_unexpected_error_fails_the_job_visibly(tmp_path, clock):
    failed = []
    printer = ScriptedPrinter(RuntimeError("driver bug"))
    with make_queue(tmp_path, clock, printer, on_failed=failed.append) as queue:
        queue.submit(b"L1", "zpl", PRINTER_A, order_ref="PD-1")
        assert queue.process_next().state == FAILED
        assert queue.list_jobs()[0].last_error == "RuntimeError: driver bug" and len(failed) == 1


def test_a_crash_mid_send_leaves_the_job_resendable(tmp_path, clock):
    printer = ScriptedPrinter()
    queue = make_queue(tmp_path, clock, printer, lease_seconds=60)
    job_id = queue.submit(b"L1", "zpl", PRINTER_A, order_ref="PD-1")
    assert queue.claim_next().state == SENDING
    queue.close()  # the station dies here, before the bytes went out
    with make_queue(tmp_path, clock, printer, lease_seconds=60) as queue:
        assert queue.recover() == 0  # lease still running: maybe another process is sending
        assert queue.process_next() is None
        clock.advance(61)
        assert queue.recover() == 1
        assert queue.get(job_id).state == QUEUED
        assert queue.process_next().state == PRINTED
        assert [a.outcome for a in queue.get(job_id).attempts] == ["interrupted", PRINTED]
    assert printer.received == [("10.9.9.1", b"L1")]


def test_labels_for_one_printer_keep_their_order_while_others_go_on(tmp_path, clock):
    printer = ScriptedPrinter(PrinterOffline("refused"))
    with make_queue(tmp_path, clock, printer) as queue:
        first = queue.submit(b"A1", "zpl", PRINTER_A, order_ref="PD-1")
        queue.submit(b"A2", "zpl", PRINTER_A, order_ref="PD-2")
        queue.submit(b"B1", "zpl", PRINTER_B, order_ref="PD-3")
        assert queue.process_next().id == first  # offline: backing off
        assert queue.process_next().settings == PRINTER_B
        assert queue.process_next() is None  # A2 waits behind A1
        clock.advance(2)
        while queue.process_next() is not None:
            pass
        assert queue.counts()[PRINTED] == 3
    assert printer.received == [("10.9.9.2", b"B1"), ("10.9.9.1", b"A1"), ("10.9.9.1", b"A2")]


def test_reprint_makes_a_new_job_from_the_old_bytes_while_it_has_them(tmp_path, clock):
    printer = ScriptedPrinter(PrintRejected("head error"))
    with make_queue(tmp_path, clock, printer) as queue:
        old = queue.submit(b"L1", "zpl", PRINTER_A, order_ref="PD-1", parcel_ref="1/2")
        assert queue.process_next().state == FAILED  # a failed job keeps its bytes: it may be retried
        new = queue.reprint(old)
        job = queue.get(new, with_document=True)
        assert new != old and job.reprint_of == old and job.document == b"L1" and job.parcel_ref == "1/2"
        assert [j.id for j in queue.list_jobs()] == [new, old]
        queue.process_next()
        assert [j.state for j in queue.list_jobs(states=(PRINTED,))] == [PRINTED]
        # Printed, the label (a customer's name and address) is gone: a reprint renders it again.
        assert queue.get(new, with_document=True).document is None
        with pytest.raises(DocumentDropped):
            queue.reprint(new)
    assert printer.received == [("10.9.9.1", b"L1")]


def test_switch_the_printer_off_mid_run_and_every_label_arrives_exactly_once(tmp_path, sink):
    """A real worker thread, a real socket: jobs submitted while the printer is off or out of paper
    arrive once it is back, each exactly once and in order."""
    settings = PrinterSettings(kind="tcp", target=f"127.0.0.1:{sink.port}", format="zpl", timeout=2,
                               status_timeout=0.5)
    failed = []
    queue = PrintQueue(tmp_path / "q.sqlite3", policy=RetryPolicy(first_delay=0.02, factor=2, max_delay=0.2,
                                                                   max_attempts=1000), on_failed=failed.append)
    worker = PrintWorker(queue, idle_wait=0.2)
    worker.start()
    try:
        documents = [f"^XA^FDlabel {i}^FS^XZ".encode() for i in range(9)]
        for doc in documents[:3]:
            queue.submit(doc, "zpl", settings, order_ref="PD-1")
        assert wait_until(lambda: len(sink.jobs) == 3)

        sink.stop()  # printer switched off
        ids = [queue.submit(doc, "zpl", settings, order_ref="PD-2") for doc in documents[3:6]]
        assert wait_until(lambda: len(queue.get(ids[0]).attempts) >= 3)
        assert queue.get(ids[0]).state in (RETRYING, SENDING)
        sink.start()  # back on, same port
        assert wait_until(lambda: len(sink.jobs) == 6)

        sink.status = hs_reply(paper_out=True)
        ids = [queue.submit(doc, "zpl", settings, order_ref="PD-3") for doc in documents[6:]]
        assert wait_until(lambda: len(queue.get(ids[0]).attempts) >= 2)
        assert "paper out" in queue.get(ids[0]).last_error
        sink.status = hs_reply()  # paper loaded
        assert wait_until(lambda: queue.counts()[PRINTED] == 9)
    finally:
        worker.stop()
        queue.close()
    assert not worker.is_alive()
    assert sink.jobs == documents  # each exactly once, in order
    assert failed == []


def test_the_queue_prints_through_a_real_cups_queue(tmp_path, cups_queue, sink):
    settings = PrinterSettings(kind="cups", target=cups_queue, format="zpl")
    with PrintQueue(tmp_path / "q.sqlite3") as queue:
        job_id = queue.submit(b"^XA^FDvia cups^FS^XZ", "zpl", settings, order_ref="PD-9")
        job = queue.process_next()
        assert job.state == PRINTED and job.attempts[0].receipt.startswith(cups_queue)
    assert sink.wait_for_jobs(1) == [b"^XA^FDvia cups^FS^XZ"]
    assert job_id == job.id


def test_the_worker_picks_up_interrupted_jobs_on_start(tmp_path, clock):
    printer = ScriptedPrinter()
    queue = make_queue(tmp_path, clock, printer, lease_seconds=5)
    queue.submit(b"L1", "zpl", PRINTER_A, order_ref="PD-1")
    queue.claim_next()
    clock.advance(10)
    waits = []
    worker = PrintWorker(queue, wait=lambda seconds: waits.append(seconds) or time.sleep(0.01))
    worker.start()
    try:
        assert wait_until(lambda: queue.counts()[PRINTED] == 1)
    finally:
        worker.stop()
        queue.close()
    assert printer.received == [("10.9.9.1", b"L1")]
