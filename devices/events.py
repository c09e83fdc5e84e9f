"""What device readers report: plain frozen dataclasses handed to an `on_event` callback.

Readers call the callback from their own thread; whoever receives them (the Qt adapter in
`ui.devices`) moves them to the thread that needs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from devices.scale import ScaleAck, ScaleError, ScaleReading


class DeviceState(StrEnum):
    """A device as the station sees it. `lost` means it was connected and went away."""

    WAITING = "waiting"
    CONNECTED = "connected"
    LOST = "lost"


@dataclass(frozen=True)
class DeviceStateChanged:
    device: str
    state: DeviceState
    detail: str = ""


@dataclass(frozen=True)
class ScanReceived:
    device: str
    text: str


@dataclass(frozen=True)
class WeightReceived:
    """A stable weight. Unstable readings are never reported as weights."""

    device: str
    reading: ScaleReading


@dataclass(frozen=True)
class ScaleAcknowledged:
    """The scale confirmed a zero or tare command."""

    device: str
    ack: ScaleAck


@dataclass(frozen=True)
class ScaleFailed:
    device: str
    error: ScaleError


DeviceEvent = DeviceStateChanged | ScanReceived | WeightReceived | ScaleAcknowledged | ScaleFailed
