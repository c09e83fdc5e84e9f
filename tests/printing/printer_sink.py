"""A pretend ZPL label printer on 127.0.0.1: answers ~HS with a configurable status, records every byte."""

from __future__ import annotations

import socket
import threading
import time


def hs_reply(*, paper_out: bool = False, paused: bool = False, head_open: bool = False, ribbon_out: bool = False,
             thermal_transfer: bool = False) -> bytes:
    b = lambda flag: "1" if flag else "0"  # noqa: E731
    one = f"\x02030,{b(paper_out)},{b(paused)},1199,000,0,0,0,000,0,0,0\x03\r\n"
    two = f"\x02001,0,{b(head_open)},{b(ribbon_out)},{b(thermal_transfer)},2,6,0,00000000,1,000\x03\r\n"
    three = "\x021234,0\x03\r\n"
    return (one + two + three).encode("ascii")


class PrinterSink:
    """A threaded TCP server that behaves like a ZPL printer on port 9100.

    `status` is the ~HS reply (None: never answers ~HS). Every connection's payload after an optional
    ~HS is recorded in `jobs`, exactly as received. `stop()` closes the port (the printer is off);
    `start()` opens it again on the same port.
    """

    def __init__(self) -> None:
        self.status: bytes | None = hs_reply()
        self.jobs: list[bytes] = []
        self.status_queries = 0
        self.port = 0
        self._listener: socket.socket | None = None
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    def start(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        listener.settimeout(0.05)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._stopping.clear()
        thread = threading.Thread(target=self._accept_loop, args=(listener,), daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        self._stopping.set()
        for thread in self._threads:
            thread.join(timeout=10)
        self._threads.clear()
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def wait_for_jobs(self, count: int, timeout: float = 30.0) -> list[bytes]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.jobs) >= count:
                    return list(self.jobs)
            time.sleep(0.02)
        with self._lock:
            return list(self.jobs)

    def _accept_loop(self, listener: socket.socket) -> None:
        while not self._stopping.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                break
            # One connection at a time, as a printer's raw port takes them: a job is recorded before the
            # next connection is read, so the order of `jobs` is the order the jobs were sent.
            self._serve(conn)

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(0.05)
            data = b""
            answered = False
            while True:
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    if self._stopping.is_set():
                        return  # printer switched off mid-job: nothing is printed
                    continue
                except OSError:
                    return
                if not chunk:
                    break
                data += chunk
                if not answered and data.startswith(b"~HS"):
                    answered = True
                    data = data[3:]
                    with self._lock:
                        self.status_queries += 1
                    if self.status is not None:
                        conn.sendall(self.status)
            if data:
                with self._lock:
                    self.jobs.append(data)
