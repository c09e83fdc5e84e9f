"""Serial devices (pyserial): one reader thread per device, reconnecting after unplug and replug.

`SerialReader` owns the port. Its loop (`run`) finds the port, opens it, splits incoming bytes
into frames at the configured terminator, and reports frames and state changes through callbacks.
When the device goes away it reports `lost` and keeps looking — at the configured path, at any
path matching a glob pattern (`/dev/serial/by-id/usb-Honeywell*`), or by USB serial number
through `serial.tools.list_ports` — so a scanner replugged into another socket, which the system
names `/dev/ttyACM1` instead of `/dev/ttyACM0`, is picked up again.

Callers never block: `start()` runs the loop in a daemon `threading.Thread`, `write()` only
queues, `stop()` only sets a flag (and joins if asked). A Qt worker may instead call `run()` in
its own QThread.

`SerialScanner` turns frames into `ScanReceived` events.
"""

from __future__ import annotations

import glob
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import serial
from serial.tools import list_ports

from devices.events import DeviceEvent, DeviceState, DeviceStateChanged, ScanReceived

_BYTESIZES = {5: serial.FIVEBITS, 6: serial.SIXBITS, 7: serial.SEVENBITS, 8: serial.EIGHTBITS}
_PARITIES = {"N", "E", "O", "M", "S"}
_STOPBITS = {1: serial.STOPBITS_ONE, 1.5: serial.STOPBITS_ONE_POINT_FIVE, 2: serial.STOPBITS_TWO}


@dataclass(frozen=True)
class SerialSettings:
    """Where a device is and how it talks.

    `port` is a device path or a glob pattern; `usb_serial_number`, when known, is tried first.
    `terminator` ends each frame (scanners: CR; MT-SICS: CRLF). `poll` is an optional command
    written every `poll_interval` seconds while connected (e.g. `SI` for a scale).
    """

    port: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    terminator: bytes = b"\r"
    usb_serial_number: str | None = None
    reconnect_interval: float = 0.5
    read_timeout: float = 0.05
    max_frame: int = 4096
    poll: bytes | None = None
    poll_interval: float = 0.5

    def __post_init__(self) -> None:
        if not self.port and not self.usb_serial_number:
            raise ValueError("a serial device needs a port (path or pattern) or a USB serial number")
        if self.baudrate <= 0:
            raise ValueError(f"baud rate must be positive, got {self.baudrate}")
        if self.bytesize not in _BYTESIZES:
            raise ValueError(f"byte size must be 5, 6, 7 or 8, got {self.bytesize}")
        if self.parity not in _PARITIES:
            raise ValueError(f"parity must be one of N E O M S, got {self.parity!r}")
        if self.stopbits not in _STOPBITS:
            raise ValueError(f"stop bits must be 1, 1.5 or 2, got {self.stopbits}")
        if not self.terminator:
            raise ValueError("the frame terminator must not be empty")
        if self.reconnect_interval <= 0 or self.read_timeout <= 0 or self.poll_interval <= 0:
            raise ValueError("intervals and timeouts must be positive")


Comports = Callable[[], Iterable[Any]]


def locate_port(settings: SerialSettings, comports: Comports = list_ports.comports) -> str | None:
    """The device path to open now, or None when the device is not plugged in."""
    if settings.usb_serial_number:
        for port in comports():
            if port.serial_number == settings.usb_serial_number:
                return str(port.device)
    if not settings.port:
        return None
    if glob.has_magic(settings.port):
        matches = sorted(path for path in glob.glob(settings.port) if os.path.exists(path))
        return matches[0] if matches else None
    # exists() follows symlinks: a /dev/serial/by-id link left dangling counts as unplugged.
    return settings.port if os.path.exists(settings.port) else None


class FrameSplitter:
    """Bytes in, complete frames out. An over-long frame without terminator is dropped."""

    def __init__(self, terminator: bytes, max_frame: int = 4096) -> None:
        self._terminator = terminator
        self._max_frame = max_frame
        self._buffer = bytearray()
        self._discarding = False

    def feed(self, data: bytes) -> list[bytes]:
        self._buffer += data
        frames = []
        while True:
            index = self._buffer.find(self._terminator)
            if index < 0:
                break
            frame = bytes(self._buffer[:index])
            del self._buffer[: index + len(self._terminator)]
            if self._discarding:
                self._discarding = False
                continue
            frames.append(frame)
        if len(self._buffer) > self._max_frame:
            self._buffer.clear()
            self._discarding = True
        return frames

    def reset(self) -> None:
        self._buffer.clear()
        self._discarding = False


def _open_serial(path: str, settings: SerialSettings) -> serial.Serial:
    return serial.Serial(
        path,
        baudrate=settings.baudrate,
        bytesize=_BYTESIZES[settings.bytesize],
        parity=settings.parity,
        stopbits=_STOPBITS[settings.stopbits],
        timeout=settings.read_timeout,
        write_timeout=settings.read_timeout,
    )


class SerialReader:
    """One serial device: finds, opens, reads, and reopens its port until stopped."""

    def __init__(
        self,
        name: str,
        settings: SerialSettings,
        on_frame: Callable[[bytes], None],
        on_state: Callable[[DeviceState, str], None],
        *,
        comports: Comports = list_ports.comports,
    ) -> None:
        self.name = name
        self.settings = settings
        self._on_frame = on_frame
        self._on_state = on_state
        self._comports = comports
        self._stop = threading.Event()
        self._writes: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._state: DeviceState | None = None
        self._ever_connected = False
        self.port_path: str | None = None

    @property
    def state(self) -> DeviceState:
        return self._state or DeviceState.WAITING

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError(f"serial reader {self.name} already started")
        self._thread = threading.Thread(target=self.run, name=f"serial-{self.name}", daemon=True)
        self._thread.start()

    def stop(self, join_timeout: float | None = None) -> None:
        """Ask the loop to end. With a timeout, also wait for the thread (never from its own callbacks)."""
        self._stop.set()
        if join_timeout is not None and self._thread is not None:
            self._thread.join(join_timeout)

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def write(self, data: bytes) -> None:
        """Queue bytes for the device. Dropped if the device is not connected when their turn comes."""
        self._writes.put(data)

    def _set_state(self, state: DeviceState, detail: str) -> None:
        if state != self._state:
            self._state = state
            self._on_state(state, detail)

    def run(self) -> None:
        """The reader loop; returns after `stop()`."""
        self._set_state(DeviceState.WAITING, "looking for the device")
        while not self._stop.is_set():
            path = locate_port(self.settings, self._comports)
            if path is None:
                self._stop.wait(self.settings.reconnect_interval)
                continue
            try:
                port = _open_serial(path, self.settings)
            except (serial.SerialException, OSError, ValueError) as exc:
                self._set_state(
                    DeviceState.LOST if self._ever_connected else DeviceState.WAITING, f"{path}: {exc}"
                )
                self._stop.wait(self.settings.reconnect_interval)
                continue
            self.port_path = path
            self._ever_connected = True
            self._drain_writes()  # commands queued while away are stale
            self._set_state(DeviceState.CONNECTED, path)
            try:
                self._read_until_lost(port)
            except (serial.SerialException, OSError) as exc:
                if not self._stop.is_set():
                    self._set_state(DeviceState.LOST, f"{path}: {exc}")
            finally:
                try:
                    port.close()
                except (serial.SerialException, OSError):
                    pass
        self._drain_writes()

    def _drain_writes(self) -> None:
        while True:
            try:
                self._writes.get_nowait()
            except queue.Empty:
                return

    def _read_until_lost(self, port: serial.Serial) -> None:
        splitter = FrameSplitter(self.settings.terminator, self.settings.max_frame)
        poll = self.settings.poll
        next_poll = 0.0
        clock = time.monotonic
        while not self._stop.is_set():
            while True:
                try:
                    data = self._writes.get_nowait()
                except queue.Empty:
                    break
                port.write(data)
            if poll is not None and clock() >= next_poll:
                port.write(poll)
                next_poll = clock() + self.settings.poll_interval
            chunk = port.read(port.in_waiting or 1)
            if chunk:
                for frame in splitter.feed(chunk):
                    self._on_frame(frame)


class SerialScanner:
    """A scanner in serial (or USB-CDC) mode: each frame is one scan, reported as `ScanReceived`."""

    def __init__(
        self,
        name: str,
        settings: SerialSettings,
        on_event: Callable[[DeviceEvent], None],
        *,
        comports: Comports = list_ports.comports,
    ) -> None:
        self.name = name
        self._on_event = on_event
        self.reader = SerialReader(name, settings, self._frame, self._state, comports=comports)

    def _frame(self, frame: bytes) -> None:
        # latin-1 never fails; decode_scan refuses anything that is not ASCII with a reason.
        text = frame.decode("latin-1").strip("\r\n")
        if text:
            self._on_event(ScanReceived(self.name, text))

    def _state(self, state: DeviceState, detail: str) -> None:
        self._on_event(DeviceStateChanged(self.name, state, detail))

    def start(self) -> None:
        self.reader.start()

    def run(self) -> None:
        self.reader.run()

    def stop(self, join_timeout: float | None = None) -> None:
        self.reader.stop(join_timeout)
