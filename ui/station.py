"""The station's composition root: its files and devices, built once, handed to every workspace.

`build_station(settings, paths, db, runner)` makes the one `Station` a window works with:

* `paths` — `desktop.station.config.StationPaths`, the data folder and its files (`station_paths`);
* `journal` + `sync` — the station journal and its replay (`ui.sync.QtStationSync`), for every workspace;
* `printing` — the print queue file and the one worker thread that drains it (`StationPrinting`);
* `printer` — how labels leave the station (`PrinterSettings`, None when the settings name none);
* `scale` — the serial scale's reader thread, None without a scale port;
* `scanner` — the serial scanner's reader thread, None without a scanner port; and `wedge`, the
  keyboard-wedge filter, installed on the application by `listen_to_keyboard(app)` (the real
  start-up does; tests that type on keys leave it off).

Lifetimes: everything lives as long as the station (the window's life) and `close()` ends it —
the sync first, then whatever the task runner still writes, the journal, the print worker and the
devices. Workspaces come and go (sign-in, sign-out, a new language) and only borrow these objects
through a `WorkspaceContext` whose fields are all required; they connect to the devices' signals
and disconnect when they stop, and never start, stop or build a device themselves.

The devices follow the settings when a workspace opens (`apply_settings`): the printer, scale or
scanner whose settings changed since is built again, the others are kept as they are.

Signals:
    scanned(str): a scan from the keyboard wedge or the serial scanner, as received.
    device_state_changed(str, str, str): a device's name, state ('connected' / 'waiting' / 'lost'), detail.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.station.actions import HANDLERS
from desktop.station.config import StationPaths
from desktop.station.journal import StationJournal
from devices.scale import ContinuousScale, MtSicsScale
from devices.serial_reader import SerialScanner, SerialSettings
from printing.queue import PrintQueue, PrintWorker
from printing.transports import PrinterSettings
from ui.devices.serial_thread import SerialDeviceThread
from ui.devices.wedge_filter import WedgeFilter
from ui.printing import qprinter_transport
from ui.settings import Settings
from ui.sync import QtStationSync
from ui.tasks import TaskRunner

PRINT_IDLE_WAIT_S = 1.0  # how often the print worker looks again when nothing woke it (back-offs due)
SCALE_NAME = "pack-scale"
SCANNER_NAME = "scanner"


@dataclass(frozen=True)
class WorkspaceContext:
    """What a workspace is given: who works, where the data is, and the station's parts. All required."""

    actor: Actor
    db: Database
    runner: TaskRunner
    settings: Settings
    refresh_ms: int  # 0: refresh only when asked (tests)
    sync: QtStationSync  # the station's journal and its replay
    printing: StationPrinting  # the station's print queue and its worker
    printer: PrinterSettings | None  # None: no printer set up
    scale: SerialDeviceThread | None  # None: no scale (weights typed in)


def station_paths(settings: Settings) -> StationPaths:
    """The station's files as its settings place them (`station/data_dir`, else PICKDESK_DATA_DIR, else the platform's)."""
    return StationPaths.resolve(settings.station_name, settings.data_dir or None)


def printer_from_settings(settings: Settings) -> PrinterSettings | None:
    try:
        return PrinterSettings(settings.printer_kind, settings.printer_target, format=settings.label_format,
                               label_size=settings.label_size, template_url=settings.printer_template_url)
    except ValueError:
        return None


def scale_from_settings(settings: Settings) -> SerialDeviceThread | None:
    """A reader thread for the station's scale, as the settings describe it, or None (not started)."""
    if not settings.scale_port:
        return None
    serial = SerialSettings(port=settings.scale_port, baudrate=settings.scale_baud, terminator=b"\r\n",
                            reconnect_interval=0.2, read_timeout=0.02)
    kind = MtSicsScale if settings.scale_protocol == "mt-sics" else ContinuousScale
    return SerialDeviceThread(lambda on_event: kind(SCALE_NAME, serial, on_event))


def serial_scanner_from_settings(settings: Settings) -> SerialDeviceThread | None:
    """A reader thread for the station's serial scanner, or None when it scans by keyboard wedge only."""
    if not settings.scanner_port:
        return None
    serial = SerialSettings(port=settings.scanner_port, baudrate=settings.scanner_baud, terminator=b"\r")
    return SerialDeviceThread(lambda on_event: SerialScanner(SCANNER_NAME, serial, on_event))


class StationPrinting(QObject):
    """The station's print queue (a file in its data folder) and the one worker thread that drains it.

    Signals:
        job_failed(object): a `PrintJob` failed for good. Emitted on the print worker's thread; a
            receiver on the GUI thread gets it queued.
    """

    job_failed = Signal(object)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("station_printing")
        self.queue = PrintQueue(path, on_failed=self.job_failed.emit)
        self.worker = PrintWorker(self.queue, idle_wait=PRINT_IDLE_WAIT_S)

    def start(self) -> None:
        self.worker.start()

    def stop(self) -> None:
        """The job in hand finishes; what waits stays in the queue file for the next start."""
        self.worker.stop(10)
        self.queue.close()


def _scale_key(settings: Settings) -> tuple[object, ...]:
    return settings.scale_port, settings.scale_baud, settings.scale_protocol


def _scanner_key(settings: Settings) -> tuple[object, ...]:
    return settings.scanner_port, settings.scanner_baud


class Station(QObject):
    """One station's files and devices (object name `station`); see the module notes. Made by `build_station`."""

    scanned = Signal(str)
    device_state_changed = Signal(str, str, str)

    def __init__(self, settings: Settings, paths: StationPaths, db: Database, runner: TaskRunner,
                 journal: StationJournal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("station")
        self.settings = settings
        self.paths = paths
        self.db = db
        self.runner = runner
        self.journal = journal
        self.sync = QtStationSync(journal, db, HANDLERS, runner, parent=self)
        self.printing = StationPrinting(paths.print_queue, parent=self)
        self.wedge = WedgeFilter(parent=self)
        self.wedge.scanned.connect(self.scanned)
        self.printer: PrinterSettings | None = None
        self.scale: SerialDeviceThread | None = None
        self.scanner: SerialDeviceThread | None = None
        self._scale_key: tuple[object, ...] = ()
        self._scanner_key: tuple[object, ...] = ()
        self._keyboard: QCoreApplication | None = None
        self.closed = False

    def context(self, actor: Actor, refresh_ms: int) -> WorkspaceContext:
        """What a workspace for `actor` gets: the station's parts, as the settings are now."""
        self.apply_settings()
        return WorkspaceContext(actor=actor, db=self.db, runner=self.runner, settings=self.settings,
                                refresh_ms=refresh_ms, sync=self.sync, printing=self.printing,
                                printer=self.printer, scale=self.scale)

    # --- devices ----------------------------------------------------------------------------

    def apply_settings(self) -> None:
        """Bring the printer, the scale and the serial scanner in line with the settings: a device whose
        settings changed is stopped and built again (and started); the others stay as they are."""
        self.printer = printer_from_settings(self.settings)
        if _scale_key(self.settings) != self._scale_key:
            self._scale_key = _scale_key(self.settings)
            self.scale = self._replace(self.scale, scale_from_settings(self.settings))
        if _scanner_key(self.settings) != self._scanner_key:
            self._scanner_key = _scanner_key(self.settings)
            self.scanner = self._replace(self.scanner, serial_scanner_from_settings(self.settings))
            if self.scanner is not None:
                self.scanner.scanned.connect(self.scanned)

    def _replace(self, old: SerialDeviceThread | None, new: SerialDeviceThread | None) -> SerialDeviceThread | None:
        if old is not None:
            old.stop()
            old.deleteLater()
        if new is not None:
            new.setParent(self)
            new.status_changed.connect(self.device_state_changed)
            new.start()
        return new

    def listen_to_keyboard(self, app: QCoreApplication) -> None:
        """Install the keyboard-wedge filter on the application: scans typed by a wedge scanner arrive
        as `scanned` and never reach the text field in focus."""
        if self._keyboard is None:
            self.wedge.install(app)
            self._keyboard = app

    # --- the end ----------------------------------------------------------------------------

    def close(self, wait_ms: int = 3000) -> None:
        """Before the station goes: no more replays, what the task runner still writes finishes (what it
        could not write stays in the journal), then the journal, the print worker and the devices end."""
        if self.closed:
            return
        self.closed = True
        self.sync.stop()
        self.runner.wait_for_done(wait_ms)
        if not self.journal.closed:
            self.journal.close()
        self.printing.stop()
        if self._keyboard is not None:
            self.wedge.uninstall(self._keyboard)
            self._keyboard = None
        for device in (self.scale, self.scanner):
            if device is not None:
                device.stop()


def build_station(settings: Settings, paths: StationPaths, db: Database, runner: TaskRunner,
                  parent: QObject | None = None) -> Station:
    """The station's one composition: journal and sync, print queue and worker, printer, scale and
    scanner, as the settings describe them, each built once. The print worker and the serial
    devices are running when it returns; `Station.close()` ends them."""
    qprinter_transport.install()  # printer kind "system": the desktop's printers through Qt
    station = Station(settings, paths, db, runner, StationJournal(paths.journal), parent)
    station.printing.start()
    station.apply_settings()
    return station
