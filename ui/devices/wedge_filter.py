"""Keyboard-wedge scanners in Qt: an application-wide event filter around `WedgeDetector`.

Install one `WedgeFilter` on the QApplication. It feeds every key press aimed at the focused
widget to the detector, timed by `QKeyEvent.timestamp()`: when the window system says the key was
typed, not when the GUI thread got round to it. A GUI thread stalled for 300 ms in the middle of a
burst then still sees one burst (the keys typed meanwhile queue up with their own times), never a
scan cut in two whose second half lands in a count field as a number. Synthetic events carry the
timestamp 0; those are timed by the clock the filter was given.

A held burst is only given up after the input still queued has been looked at: the release timer
may fire late, behind keys of the same burst that wait in the queue. Keys that may start a scan
are held back; if they turn out to be typing they are replayed to the widget they were meant for,
in order. Scan keys and the suffix never reach the text field; the scan is emitted instead.
Input-method events (Chinese pinyin and the like) always pass and release anything held first.

Fields that only ever take scans should also switch the input method off
(`setAttribute(Qt.WA_InputMethodEnabled, False)`): a pinyin IME otherwise swallows the scanner's
letters before any filter sees them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from devices.wedge import KeyPress, Verdict, WedgeConfig, WedgeDetector

_KEY_NAMES = {
    key.value: name
    for key, name in (
        (Qt.Key.Key_Return, "Enter"),
        (Qt.Key.Key_Enter, "Enter"),
        (Qt.Key.Key_Tab, "Tab"),
        (Qt.Key.Key_Backtab, "Backtab"),
        (Qt.Key.Key_Shift, "Shift"),
        (Qt.Key.Key_Control, "Control"),
        (Qt.Key.Key_Alt, "Alt"),
        (Qt.Key.Key_AltGr, "AltGr"),
        (Qt.Key.Key_Meta, "Meta"),
        (Qt.Key.Key_CapsLock, "CapsLock"),
        (Qt.Key.Key_NumLock, "NumLock"),
        (Qt.Key.Key_ScrollLock, "ScrollLock"),
        (Qt.Key.Key_Super_L, "Super"),
        (Qt.Key.Key_Super_R, "Super"),
    )
}


def key_name(event: QKeyEvent) -> str:
    """The detector's name for a Qt key: 'Enter', 'Tab', 'Shift', 'GS' (Ctrl+]), or the key code."""
    code = int(event.key())
    if code == Qt.Key.Key_BracketRight.value and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return "GS"
    name = _KEY_NAMES.get(code)
    return name if name is not None else f"0x{code:x}"


class _HeldKey:
    """What is needed to replay one held key press to its widget."""

    __slots__ = ("count", "key", "modifiers", "native", "receiver", "text")

    def __init__(self, receiver: QObject, event: QKeyEvent) -> None:
        self.receiver = receiver
        self.key = event.key()
        self.modifiers = event.modifiers()
        self.text = event.text()
        self.count = event.count()

    def replay(self) -> None:
        if not shiboken6.isValid(self.receiver):
            return  # the widget went away while the key was held
        event = QKeyEvent(QEvent.Type.KeyPress, self.key, self.modifiers, self.text, False, self.count)
        QCoreApplication.sendEvent(self.receiver, event)


class WedgeFilter(QObject):
    """Application event filter that turns wedge-scanner bursts into scans.

    Signals:
        scanned(str): a complete scan, without the configured prefix and suffix.
    """

    scanned = Signal(str)

    def __init__(
        self,
        config: WedgeConfig | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wedge_filter")
        self._detector = WedgeDetector(config)
        self._clock = clock
        self._replaying = False
        self._draining = False
        # The last key fed to the detector: its typed time (detector seconds) and the clock then.
        self._last_typed = 0.0
        self._last_seen = 0.0
        self._timer = QTimer(self)
        self._timer.setObjectName("wedge_release_timer")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expire)

    @property
    def config(self) -> WedgeConfig:
        return self._detector.config

    def install(self, app: QCoreApplication | None = None) -> None:
        (app or QCoreApplication.instance()).installEventFilter(self)

    def uninstall(self, app: QCoreApplication | None = None) -> None:
        self.release_held()
        (app or QCoreApplication.instance()).removeEventFilter(self)

    @property
    def holding(self) -> bool:
        return self._detector.holding

    def release_held(self) -> None:
        """Deliver every held key now (e.g. before the window changes)."""
        self._timer.stop()
        self._release(self._detector.input_method_used())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if self._replaying:
            return False
        kind = event.type()
        if kind == QEvent.Type.InputMethod:
            self._timer.stop()
            self._release(self._detector.input_method_used())
            return False
        if kind != QEvent.Type.KeyPress or not self._is_key_target(watched):
            return False
        assert isinstance(event, QKeyEvent)
        name = key_name(event)
        text = "\x1d" if name == "GS" else event.text()
        held = _HeldKey(watched, event)
        decision = self._detector.key_pressed(
            KeyPress(text, name, self._typed_at(event), event.isAutoRepeat(), payload=held)
        )
        self._release(decision.release)
        if decision.scan is not None:
            self.scanned.emit(decision.scan)
        self._arm_timer()
        return decision.verdict is not Verdict.PASS

    def _typed_at(self, event: QKeyEvent) -> float:
        """When the key was typed, in seconds: the window system's time, else (synthetic keys) the clock."""
        seen = self._clock()
        stamp = event.timestamp()
        self._last_typed = stamp / 1000.0 if stamp else seen
        self._last_seen = seen
        return self._last_typed

    def _typed_now(self) -> float:
        """Now, on the clock of the last key's timestamp: its typed time plus the time since it was seen."""
        return self._last_typed + max(self._clock() - self._last_seen, 0.0)

    @staticmethod
    def _is_key_target(watched: QObject) -> bool:
        # An application filter sees a key once per receiver as it propagates (window, focus
        # widget, its parents); only the step aimed at the focus widget counts.
        if not watched.isWidgetType():
            return False
        focus = QApplication.focusWidget()
        if focus is not None:
            return watched is focus
        return isinstance(watched, QWidget) and watched.isWindow()

    def _release(self, keys: tuple[KeyPress, ...]) -> None:
        if not keys:
            return
        self._replaying = True
        try:
            for key in keys:
                if isinstance(key.payload, _HeldKey):
                    key.payload.replay()
        finally:
            self._replaying = False

    def _arm_timer(self) -> None:
        deadline = self._detector.deadline
        if deadline is None:
            self._timer.stop()
            return
        remaining = max(deadline - self._typed_now(), 0.0)
        self._timer.start(max(1, math.ceil(remaining * 1000) + 1))

    def _expire(self) -> None:
        if self._draining:
            return
        # Keys typed while the GUI thread was busy may still wait in the queue, behind this late
        # timer: let them reach the detector first; they may continue (or end) the held burst.
        self._draining = True
        try:
            QCoreApplication.sendPostedEvents()
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeSocketNotifiers)
        finally:
            self._draining = False
        if not self._detector.holding:
            return
        self._release(self._detector.expire(self._typed_now()))
        if self._detector.holding:
            # The clock has not moved past the gap yet (a test's clock, or a late timer): look again.
            self._timer.start(max(1, math.ceil(self.config.max_gap * 1000)))
