"""Scales: pure protocol parsers, and the devices that use them over a `SerialReader`.

Two protocols:

- **MT-SICS** (Mettler Toledo): the station asks (`S` stable weight, `SI` weight now, `Z` zero,
  `T` tare) and the scale answers `S S     1.250 kg`, `S D …` (still moving), `S +` / `S -`
  (over / under range), `S I` (cannot now), `Z A`, `T S …`, or `ES` / `ET` / `EL` (syntax,
  transmission, logical error).
- **Continuous output**: indicators that print a frame many times a second, ended by CR or CRLF,
  either `ST,GS,+0001.250kg` (ST stable, US unstable, OL overload; GS gross, NT net) or
  `  1.250 kg` with a trailing `?` while unstable.

`parse_mt_sics(frame)` and `parse_continuous(frame)` take one frame (bytes, terminator removed or
not) and return a `ScaleReading` in grams (or a `ScaleAck`), or raise `ScaleError`. Only stable
readings are reported as weights by the devices.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from serial.tools import list_ports

from devices.events import (
    DeviceEvent,
    DeviceState,
    DeviceStateChanged,
    ScaleAcknowledged,
    ScaleFailed,
    WeightReceived,
)
from devices.serial_reader import Comports, SerialReader, SerialSettings

GRAMS_PER_UNIT: dict[str, Decimal] = {
    "g": Decimal(1),
    "kg": Decimal(1000),
    "mg": Decimal("0.001"),
    "lb": Decimal("453.59237"),
    "oz": Decimal("28.349523125"),
}


@dataclass(frozen=True)
class ScaleReading:
    grams: Decimal
    stable: bool


@dataclass(frozen=True)
class ScaleAck:
    """A confirmed command: `Z` (zeroed) or `T` (tared, with the tare weight in grams)."""

    command: str
    tare_grams: Decimal | None = None


class ScaleErrorCode(StrEnum):
    OVERLOAD = "overload"
    UNDERLOAD = "underload"
    NOT_EXECUTABLE = "not_executable"
    SYNTAX_ERROR = "syntax_error"
    TRANSMISSION_ERROR = "transmission_error"
    LOGICAL_ERROR = "logical_error"
    UNKNOWN_UNIT = "unknown_unit"
    MALFORMED = "malformed"


_MESSAGES = {
    ScaleErrorCode.OVERLOAD: (
        "The scale is overloaded. Take the parcel off and weigh it on a larger scale.",
        "秤已超载。请取下包裹，改用量程更大的秤称重。",
    ),
    ScaleErrorCode.UNDERLOAD: (
        "The scale reads below zero. Clear the pan and press Zero.",
        "秤的读数低于零。请清空秤盘并按归零。",
    ),
    ScaleErrorCode.NOT_EXECUTABLE: (
        "The scale cannot do that right now (busy or still moving). Wait a moment and try again.",
        "秤暂时无法执行该操作（忙碌或仍在晃动）。请稍候再试。",
    ),
    ScaleErrorCode.SYNTAX_ERROR: (
        "The scale did not understand the command. Check that it is set to MT-SICS.",
        "秤无法识别该命令。请检查秤是否设置为 MT-SICS 协议。",
    ),
    ScaleErrorCode.TRANSMISSION_ERROR: (
        "The scale reports a transmission error. Check the cable and the baud rate.",
        "秤报告传输错误。请检查线缆和波特率。",
    ),
    ScaleErrorCode.LOGICAL_ERROR: (
        "The scale refused the command (logical error). Check the scale's settings.",
        "秤拒绝了该命令（逻辑错误）。请检查秤的设置。",
    ),
    ScaleErrorCode.UNKNOWN_UNIT: (
        "The scale is set to a unit Pickdesk does not use. Set it to g, kg, lb or oz.",
        "秤的单位不受支持。请设置为 g、kg、lb 或 oz。",
    ),
    ScaleErrorCode.MALFORMED: (
        "The scale sent data Pickdesk cannot read. Check the scale's protocol and baud rate.",
        "秤发送了无法识别的数据。请检查秤的通信协议和波特率。",
    ),
}


class ScaleError(Exception):
    """A scale reply that is not a weight. `code` is machine-readable; messages are for the screen."""

    def __init__(self, code: ScaleErrorCode, frame: bytes = b"") -> None:
        message, message_zh = _MESSAGES[code]
        super().__init__(message)
        self.code = code
        self.message = message
        self.message_zh = message_zh
        self.frame = frame

    def __repr__(self) -> str:
        return f"ScaleError({self.code.value!r}, frame={self.frame!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ScaleError) and (self.code, self.frame) == (other.code, other.frame)

    def __hash__(self) -> int:
        return hash((self.code, self.frame))


def to_grams(value: str, unit: str, frame: bytes = b"") -> Decimal:
    """`value` in `unit`, exactly, in grams."""
    factor = GRAMS_PER_UNIT.get(unit.lower())
    if factor is None:
        raise ScaleError(ScaleErrorCode.UNKNOWN_UNIT, frame)
    try:
        number = Decimal(value.replace(" ", ""))
    except InvalidOperation:
        raise ScaleError(ScaleErrorCode.MALFORMED, frame) from None
    if not number.is_finite():
        raise ScaleError(ScaleErrorCode.MALFORMED, frame)
    return number * factor


def _text(frame: bytes) -> str:
    try:
        text = frame.decode("ascii")
    except UnicodeDecodeError:
        raise ScaleError(ScaleErrorCode.MALFORMED, frame) from None
    text = text.strip("\r\n")
    if not text or not text.isprintable():
        raise ScaleError(ScaleErrorCode.MALFORMED, frame)
    return text


_NUMBER = r"[+-]?\s*\d{1,9}(?:\.\d{1,9})?"
_MT_SICS = re.compile(rf"(S|SI|SIR|T|TA|Z|ZI)\s+([SDAI+\-])(?:\s+({_NUMBER})\s+([A-Za-z]{{1,3}}))?\s*")
_MT_ERRORS = {
    "ES": ScaleErrorCode.SYNTAX_ERROR,
    "ET": ScaleErrorCode.TRANSMISSION_ERROR,
    "EL": ScaleErrorCode.LOGICAL_ERROR,
}
_MT_STATUS_ERRORS = {
    "+": ScaleErrorCode.OVERLOAD,
    "-": ScaleErrorCode.UNDERLOAD,
    "I": ScaleErrorCode.NOT_EXECUTABLE,
}


def parse_mt_sics(frame: bytes) -> ScaleReading | ScaleAck:
    """One MT-SICS reply → a reading, a zero/tare acknowledgement, or `ScaleError`."""
    text = _text(frame).strip()
    if text in _MT_ERRORS:
        raise ScaleError(_MT_ERRORS[text], frame)
    match = _MT_SICS.fullmatch(text)
    if match is None:
        raise ScaleError(ScaleErrorCode.MALFORMED, frame)
    command, status, value, unit = match.groups()
    if status in _MT_STATUS_ERRORS:
        if value is not None:
            raise ScaleError(ScaleErrorCode.MALFORMED, frame)
        raise ScaleError(_MT_STATUS_ERRORS[status], frame)
    if command in ("S", "SI", "SIR"):
        if status not in ("S", "D") or value is None:
            raise ScaleError(ScaleErrorCode.MALFORMED, frame)
        return ScaleReading(grams=to_grams(value, unit, frame), stable=status == "S")
    if command in ("Z", "ZI"):
        # `Z A` zeroed; `ZI S` / `ZI D` zeroed immediately with a stable / dynamic value.
        if value is not None or (command == "Z" and status != "A") or (command == "ZI" and status == "A"):
            raise ScaleError(ScaleErrorCode.MALFORMED, frame)
        return ScaleAck(command="Z")
    # T S <tare> / TA A <tare>
    if value is None or (command == "T" and status != "S") or (command == "TA" and status != "A"):
        raise ScaleError(ScaleErrorCode.MALFORMED, frame)
    return ScaleAck(command="T", tare_grams=to_grams(value, unit, frame))


_HEADED = re.compile(rf"(ST|US|OL)\s*,\s*(GS|NT|TR)\s*,\s*({_NUMBER})?\s*([A-Za-z]{{1,3}})?\s*")
_PLAIN = re.compile(rf"({_NUMBER})\s*([A-Za-z]{{1,3}})\s*([GN])?\s*(\?)?\s*")
_PLAIN_OVERLOAD = re.compile(r"(OL|OVER|OVERLOAD|-{3,}|\+{3,})\s*", re.IGNORECASE)


def parse_continuous(frame: bytes) -> ScaleReading:
    """One continuous-output frame → a reading, or `ScaleError`."""
    text = _text(frame).strip()
    match = _HEADED.fullmatch(text)
    if match is not None:
        stability, _kind, value, unit = match.groups()
        if stability == "OL":
            raise ScaleError(ScaleErrorCode.OVERLOAD, frame)
        if value is None or unit is None:
            raise ScaleError(ScaleErrorCode.MALFORMED, frame)
        return ScaleReading(grams=to_grams(value, unit, frame), stable=stability == "ST")
    if _PLAIN_OVERLOAD.fullmatch(text):
        raise ScaleError(ScaleErrorCode.OVERLOAD, frame)
    match = _PLAIN.fullmatch(text)
    if match is None:
        raise ScaleError(ScaleErrorCode.MALFORMED, frame)
    value, unit, _kind, moving = match.groups()
    return ScaleReading(grams=to_grams(value, unit, frame), stable=moving is None)


# --- devices -------------------------------------------------------------------------------


class _ScaleDevice:
    def __init__(
        self,
        name: str,
        settings: SerialSettings,
        on_event: Callable[[DeviceEvent], None],
        comports: Comports,
    ) -> None:
        self.name = name
        self._on_event = on_event
        self._last_stable: ScaleReading | None = None
        self.reader = SerialReader(name, settings, self._frame, self._state, comports=comports)

    def _frame(self, frame: bytes) -> None:
        raise NotImplementedError

    def _state(self, state: DeviceState, detail: str) -> None:
        self._last_stable = None
        self._on_event(DeviceStateChanged(self.name, state, detail))

    def _report_reading(self, reading: ScaleReading, *, always: bool) -> None:
        if not reading.stable:
            self._last_stable = None  # the next stable value counts, even if equal to the last
            return
        if always or reading != self._last_stable:
            self._last_stable = reading
            self._on_event(WeightReceived(self.name, reading))

    def start(self) -> None:
        self.reader.start()

    def run(self) -> None:
        self.reader.run()

    def stop(self, join_timeout: float | None = None) -> None:
        self.reader.stop(join_timeout)


class MtSicsScale(_ScaleDevice):
    """A Mettler Toledo scale speaking MT-SICS.

    `request_weight()` asks for the next stable weight (`S`); `zero()` and `tare()` send `Z` and
    `T`. With `settings.poll = b"SI\\r\\n"` the scale is polled and each new stable weight is
    reported once. Replies arrive as events: `WeightReceived` (stable only), `ScaleAcknowledged`,
    `ScaleFailed`.
    """

    def __init__(
        self,
        name: str,
        settings: SerialSettings,
        on_event: Callable[[DeviceEvent], None],
        *,
        comports: Comports = list_ports.comports,
    ) -> None:
        super().__init__(name, settings, on_event, comports)
        self._explicit_requests = 0

    def request_weight(self) -> None:
        self._explicit_requests += 1
        self.reader.write(b"S\r\n")

    def zero(self) -> None:
        self.reader.write(b"Z\r\n")

    def tare(self) -> None:
        self.reader.write(b"T\r\n")

    def _frame(self, frame: bytes) -> None:
        try:
            reply = parse_mt_sics(frame)
        except ScaleError as exc:
            self._last_stable = None
            self._on_event(ScaleFailed(self.name, exc))
            return
        if isinstance(reply, ScaleAck):
            self._last_stable = None
            self._on_event(ScaleAcknowledged(self.name, reply))
            return
        explicit = reply.stable and self._explicit_requests > 0
        if explicit:
            self._explicit_requests -= 1
        self._report_reading(reply, always=explicit)


class ContinuousScale(_ScaleDevice):
    """An indicator that streams frames; each new stable weight is reported once."""

    def __init__(
        self,
        name: str,
        settings: SerialSettings,
        on_event: Callable[[DeviceEvent], None],
        *,
        comports: Comports = list_ports.comports,
    ) -> None:
        super().__init__(name, settings, on_event, comports)
        self._last_error: ScaleErrorCode | None = None

    def _frame(self, frame: bytes) -> None:
        try:
            reading = parse_continuous(frame)
        except ScaleError as exc:
            self._last_stable = None
            if exc.code != self._last_error:  # a streaming overload is one failure, not ten a second
                self._last_error = exc.code
                self._on_event(ScaleFailed(self.name, exc))
            return
        self._last_error = None
        self._report_reading(reading, always=False)
