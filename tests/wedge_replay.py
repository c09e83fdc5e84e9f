"""Replay a recorded keyboard-wedge burst into a window whose GUI thread is stalled.

A wedge scanner types a barcode as key presses a few milliseconds apart, each stamped by the window
system with the time it was typed. `replay_during_stall` posts the first keys of such a burst, lets
the GUI thread handle them, then sleeps the GUI thread (a slow query, a garbage collection, a big
redraw) while another thread posts the rest of the burst at the scanner's own pace, with their typed
timestamps, as the window system would queue them. When the GUI thread wakes up it finds the rest of
the burst waiting in its queue, processed long after it was typed.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

#: Milliseconds between two keys of a wedge scanner's burst (a common factory setting is 2–8 ms).
KEY_GAP_MS = 5


def key_event(ch: str, timestamp_ms: int) -> QKeyEvent:
    """One key press as the window system delivers it: key code, text, and when it was typed."""
    if ch == "\r":
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return.value, Qt.KeyboardModifier.NoModifier, "\r")
    elif ch == "\x1d":  # GS (FNC1) as a scanner types it: Ctrl+]
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_BracketRight.value, Qt.KeyboardModifier.ControlModifier,
                          "\x1d")
    else:
        modifiers = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier.NoModifier
        event = QKeyEvent(QEvent.Type.KeyPress, ord(ch.upper()), modifiers, ch)
    event.setTimestamp(timestamp_ms)
    return event


def replay_during_stall(text: str, *, stall_ms: int = 300, before_stall: int = 5, start_ms: int = 5_000_000) -> None:
    """Type `text` + Enter into the focus widget; the GUI thread sleeps `stall_ms` after `before_stall` keys.

    Runs on the GUI thread and returns once the GUI thread has slept; the keys typed meanwhile are
    in the event queue (deliver them with the event loop: `qtbot.waitSignal`, `qtbot.waitUntil`).
    """
    keys = [*text, "\r"]
    target = QApplication.focusWidget()
    assert target is not None, "a widget must have the focus: the wedge types where the focus is"
    stamps = [start_ms + i * KEY_GAP_MS for i in range(len(keys))]
    for ch, stamp in zip(keys[:before_stall], stamps, strict=False):
        QCoreApplication.postEvent(target, key_event(ch, stamp))
    QCoreApplication.sendPostedEvents()  # the first keys reach the GUI thread in time
    rest = list(zip(keys[before_stall:], stamps[before_stall:], strict=True))

    def scanner() -> None:
        for ch, stamp in rest:
            time.sleep(KEY_GAP_MS / 1000)
            QCoreApplication.postEvent(target, key_event(ch, stamp))

    typing = threading.Thread(target=scanner, name="wedge-scanner")
    typing.start()
    time.sleep(stall_ms / 1000)  # the GUI thread is busy elsewhere while the scanner types on
    typing.join()
