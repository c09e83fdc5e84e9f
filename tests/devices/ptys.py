"""Pseudo-terminal pairs made with socat: a "device" end for Pickdesk and a "peer" end for the test.

Killing socat is unplugging the cable; starting it again (under the same or a new link name) is
plugging it back in. Imported by the serial tests here and in tests/ui/devices.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import serial

FAKE_MTSICS = Path(__file__).resolve().parents[1] / "fake_mtsics.py"  # shared by the device and bench tests


def _wait_for(predicate, what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


class PtyPair:
    """`device` is what Pickdesk opens; `peer` is the other end, held by the test or a fake device."""

    def __init__(self, directory: Path, device_name: str = "device", peer_name: str = "peer") -> None:
        self.directory = directory
        self.device = directory / device_name
        self.peer = directory / peer_name
        self._log = directory / f"socat-{device_name}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def plug(self) -> PtyPair:
        assert self.process is None, "already plugged in"
        log = self._log.open("wb")
        self.process = subprocess.Popen(
            [
                "socat",
                "-d",
                "-d",
                f"pty,raw,echo=0,link={self.device}",
                f"pty,raw,echo=0,link={self.peer}",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        log.close()
        _wait_for(
            lambda: self.device.exists()
            and self.peer.exists()
            and b"starting data transfer loop" in self._log.read_bytes(),
            f"socat to create {self.device} and {self.peer}",
        )
        return self

    def unplug(self, *, hard: bool = False) -> None:
        """Kill socat. `hard` (SIGKILL) leaves the links dangling, as a stale by-id link would be."""
        if self.process is None:
            return
        self.process.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
        self.process.wait(10)
        self.process = None
        if not hard:
            _wait_for(lambda: not self.device.exists(), f"socat to remove {self.device}")

    def open_peer(self) -> serial.Serial:
        return serial.Serial(str(self.peer), timeout=1)


class FakeMtSicsScale:
    """A fake Mettler Toledo scale (tests/devices/fake_mtsics.py) answering on a pty's peer end."""

    def __init__(self, peer: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(FAKE_MTSICS), str(peer)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert self.process.stdout is not None
        ready = self.process.stdout.readline()
        assert ready == b"ready\n", ready + self.process.stderr.read()

    def control(self, line: str) -> None:
        """Change the fake scale's state: 'weight 1.250 kg', 'moving 2', 'overload on|off'."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(line.encode() + b"\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline() == b"ok\n"

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


def kill_quietly(process: subprocess.Popen[bytes] | None) -> None:
    if process is not None and process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
