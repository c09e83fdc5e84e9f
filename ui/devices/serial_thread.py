"""Serial scanners and scales in Qt: a device's reader loop as a worker object in its own QThread.

    thread = SerialDeviceThread(lambda on_event: SerialScanner("pack-scanner", settings, on_event))
    thread.scanned.connect(...)
    thread.start()
    ...
    thread.stop()

The worker calls the device's blocking `run()` inside its QThread; the device reports events from
there, and the worker turns them into signals, which reach GUI-thread receivers queued. `stop()`
asks the device to stop (the loop notices within one read timeout) and waits for the thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from devices.events import (
    DeviceEvent,
    DeviceStateChanged,
    ScaleAcknowledged,
    ScaleFailed,
    ScanReceived,
    WeightReceived,
)


class SerialDevice(Protocol):
    name: str

    def run(self) -> None: ...

    def stop(self, join_timeout: float | None = None) -> None: ...


DeviceFactory = Callable[[Callable[[DeviceEvent], None]], SerialDevice]


class SerialDeviceWorker(QObject):
    """Runs one device's reader loop; lives in the QThread of a `SerialDeviceThread`.

    Signals:
        scanned(str): a scan from a serial scanner, as received (decode it with decode_scan).
        weighed(object): a stable `ScaleReading`.
        scale_acknowledged(object): a `ScaleAck` (zeroed or tared).
        scale_failed(object): a `ScaleError` (overload, syntax error …).
        status_changed(str, str, str): device name, state ('connected' / 'waiting' / 'lost'), detail.
        finished(): the reader loop has ended.
    """

    scanned = Signal(str)
    weighed = Signal(object)
    scale_acknowledged = Signal(object)
    scale_failed = Signal(object)
    status_changed = Signal(str, str, str)
    finished = Signal()

    def __init__(self, make_device: DeviceFactory) -> None:
        super().__init__()
        self.device = make_device(self._on_event)

    @Slot()
    def run(self) -> None:
        try:
            self.device.run()
        finally:
            self.finished.emit()

    def _on_event(self, event: DeviceEvent) -> None:
        # Called on the worker's thread; signals cross to the GUI thread queued.
        if isinstance(event, ScanReceived):
            self.scanned.emit(event.text)
        elif isinstance(event, WeightReceived):
            self.weighed.emit(event.reading)
        elif isinstance(event, ScaleAcknowledged):
            self.scale_acknowledged.emit(event.ack)
        elif isinstance(event, ScaleFailed):
            self.scale_failed.emit(event.error)
        elif isinstance(event, DeviceStateChanged):
            self.status_changed.emit(event.device, event.state.value, event.detail)


class SerialDeviceThread(QObject):
    """One serial device read in its own QThread, reported by signals on the GUI thread.

    Signals:
        scanned(str): a scan from a serial scanner.
        weighed(object): a stable `ScaleReading` (grams as Decimal).
        scale_acknowledged(object): a `ScaleAck`.
        scale_failed(object): a `ScaleError` with `code`, `message`, `message_zh`.
        status_changed(str, str, str): device name, state ('connected' / 'waiting' / 'lost'), detail.
    """

    scanned = Signal(str)
    weighed = Signal(object)
    scale_acknowledged = Signal(object)
    scale_failed = Signal(object)
    status_changed = Signal(str, str, str)

    def __init__(self, make_device: DeviceFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = SerialDeviceWorker(make_device)
        self.device = self._worker.device
        self.setObjectName(f"serial_device_{self.device.name}")
        self._thread = QThread()
        self._thread.setObjectName(f"serial-{self.device.name}")
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        # quit() is thread-safe; a direct call avoids needing the GUI loop while stop() waits.
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        for name in ("scanned", "weighed", "scale_acknowledged", "scale_failed", "status_changed"):
            getattr(self._worker, name).connect(getattr(self, name))

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_ms: int = 5000) -> bool:
        """Stop the reader and wait for its thread; True if it ended in time."""
        self.device.stop()
        self._thread.quit()
        return self._thread.wait(timeout_ms)
