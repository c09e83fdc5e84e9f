"""A status-bar widget: each scanner and scale as connected / waiting / lost, and the last scan.

Self-contained: the main window adds it to its status bar and calls `set_device_state(name,
state)` (e.g. from `SerialDeviceThread.status_changed`) and `set_last_scan(text)`. States are
shown with a symbol and a word, never by colour alone.

Object names: `device_status`, `device_state_<name>` for each device's label, `last_scan_label`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from devices.events import DeviceState

_SYMBOL = {DeviceState.CONNECTED: "●", DeviceState.WAITING: "○", DeviceState.LOST: "✕"}
_MAX_SCAN_SHOWN = 40


def _printable(text: str) -> str:
    shown = text.replace("\x1d", "<GS>")
    shown = "".join(ch if ch.isprintable() else "?" for ch in shown)
    return shown if len(shown) <= _MAX_SCAN_SHOWN else shown[: _MAX_SCAN_SHOWN - 1] + "…"


class DeviceStatusWidget(QFrame):
    """Devices and the last scan, for the status bar. Has no signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("device_status")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._labels: dict[str, QLabel] = {}
        self._states: dict[str, DeviceState] = {}
        self._last_text: str | None = None
        self._last_scan = QLabel(self.tr("Last scan: —"), self)
        self._last_scan.setObjectName("last_scan_label")
        self._last_scan.setTextFormat(Qt.TextFormat.PlainText)
        self._layout.addWidget(self._last_scan)

    def _state_word(self, state: DeviceState) -> str:
        return {
            DeviceState.CONNECTED: self.tr("connected"),
            DeviceState.WAITING: self.tr("waiting"),
            DeviceState.LOST: self.tr("lost"),
        }[state]

    def _device_word(self, name: str) -> str:
        """The kind of device a person reads ("pack-scale" is the Scale), else the name as configured."""
        for kind, word in (("scanner", self.tr("Scanner")), ("scale", self.tr("Scale")), ("printer", self.tr("Printer"))):
            if name == kind or name.endswith(f"-{kind}"):
                return word
        return name

    def retranslate(self) -> None:
        """Write every device's state and the last scan again in the language now installed."""
        for name, state in self._states.items():
            self._labels[name].setText(f"{self._device_word(name)}: {_SYMBOL[state]} {self._state_word(state)}")
        self.set_last_scan(self._last_text) if self._last_text is not None else self._last_scan.setText(
            self.tr("Last scan: —"))

    def set_device_state(self, name: str, state: DeviceState | str, detail: str = "") -> None:
        """Show `name` as connected / waiting / lost. Raises ValueError for an unknown state."""
        state = DeviceState(state)
        label = self._labels.get(name)
        if label is None:
            label = QLabel(self)
            label.setObjectName(f"device_state_{name}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            self._labels[name] = label
            self._layout.insertWidget(self._layout.count() - 1, label)
        self._states[name] = state
        label.setText(f"{self._device_word(name)}: {_SYMBOL[state]} {self._state_word(state)}")
        label.setProperty("deviceState", state.value)  # for the style sheet's colours
        label.setToolTip(detail)
        label.style().unpolish(label)
        label.style().polish(label)

    def device_state(self, name: str) -> DeviceState | None:
        return self._states.get(name)

    def set_last_scan(self, text: str) -> None:
        self._last_text = text
        self._last_scan.setText(self.tr("Last scan: {scan}").format(scan=_printable(text)))
        self._last_scan.setToolTip(text.replace("\x1d", "<GS>"))
