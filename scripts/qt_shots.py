"""What the offscreen screenshot scripts (and the scan-feedback benchmark) share: a data folder of
their own, waiting on Qt's event loop for the screen to get ready, signing in at the station window,
and writing a widget's picture.

Imported as `scripts.qt_shots` by scripts that have put the project's folder on sys.path.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

ROOT = Path(__file__).resolve().parents[1]


def data_dir(prefix: str) -> Path:
    """A new temporary folder as the station's data folder (PICKDESK_DATA_DIR), and no database URL
    from the environment: the script's demo database goes there."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["PICKDESK_DATA_DIR"] = str(work)
    os.environ.pop("PICKDESK_DB_URL", None)
    return work


def wait_until(condition: Callable[[], object], timeout_ms: int = 15000, tick_ms: int = 20) -> None:
    """Run the event loop until `condition()` is true; TimeoutError after `timeout_ms`."""
    # An event loop instance, not QApplication.processEvents(): in PySide6 6.12 on CPython 3.11
    # that static call drops a reference to None each time, and a busy loop soon frees None.
    deadline = QDeadlineTimer(timeout_ms)
    loop = QEventLoop()
    tick = QTimer()
    tick.start(tick_ms)  # wakes the blocking wait below
    while not condition():
        if deadline.hasExpired():
            raise TimeoutError("the screen did not get ready in time")
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    tick.stop()


def save(widget: QWidget, path: Path) -> None:
    """Write the widget's picture to `path` (pending events first) and print where, from the project's folder."""
    QEventLoop().processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path.relative_to(ROOT))


def sign_in(window, login: str, pin: str) -> None:  # noqa: ANN001 - ui.main_window.MainWindow
    """Choose `login` on the sign-in view, type the PIN, sign in, and wait for the workspace."""
    view = window.sign_in_view
    wait_until(lambda: view.users.count() > 0)
    view.select_user(login)
    view.pin.setText(pin)
    view.sign_in()
    wait_until(lambda: window.workspace is not None)
