"""A pretend label printer on 127.0.0.1 (answers ~HS, records every byte) and a real CUPS queue onto it."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator

import pytest
from printer_sink import PrinterSink


@pytest.fixture
def sink() -> Iterator[PrinterSink]:
    printer = PrinterSink()
    printer.start()
    try:
        yield printer
    finally:
        printer.stop()


def _scheduler_running() -> bool:
    out = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, timeout=30)
    return "is running" in out.stdout


@pytest.fixture(scope="session")
def cups_scheduler() -> Iterator[None]:
    """The CUPS scheduler, started in the foreground for this session if it is not running already."""
    for tool in ("lp", "lpadmin", "lpstat"):
        assert shutil.which(tool), f"{tool} is missing: run scripts/system-deps.sh"
    if _scheduler_running():
        yield
        return
    cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
    proc = subprocess.Popen([cupsd, "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not _scheduler_running():
            assert proc.poll() is None, "cupsd exited: is this test run as root (cupsd needs it)?"
            assert time.monotonic() < deadline, "cupsd did not start within 30 s"
            time.sleep(0.1)
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture
def cups_queue(cups_scheduler, sink) -> Iterator[str]:
    """A raw CUPS queue whose device is the sink: `socket://127.0.0.1:PORT`, no PPD (CUPS 2.4 makes a
    raw queue without a model; `-m raw` works too but warns that raw queues are deprecated)."""
    name = f"pickdesk-test-{uuid.uuid4().hex[:8]}"
    subprocess.run(["lpadmin", "-p", name, "-E", "-v", f"socket://127.0.0.1:{sink.port}"], check=True,
                   capture_output=True, timeout=30)
    try:
        yield name
    finally:
        subprocess.run(["lpadmin", "-x", name], check=True, capture_output=True, timeout=30)
