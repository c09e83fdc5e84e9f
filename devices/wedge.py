"""Keyboard-wedge scanners: tell a scanner's keystroke burst from a person typing.

A USB scanner in keyboard mode types the barcode as key presses a few milliseconds apart and ends
with a suffix key (Enter or Tab). A person types 100–300 ms apart. `WedgeDetector` is fed plain key
presses with timestamps and decides, key by key:

- `HOLD`: the key may start or continue a burst; keep it from the field for now;
- `PASS`: deliver the key to the field as usual;
- `SWALLOW`: the key ends a scan (the suffix); drop it, `scan` carries the scanned text.

Any decision may also `release` held keys: they turned out to be typing and must be delivered to
the field, in order, before the current key. `expire(now)` releases held keys once the gap since the
last one exceeds `max_gap`, so a caller arms a timer for `deadline` after each `HOLD`.

GS (FNC1) arrives either as the control character `\\x1d` or as the key name `GS` (Ctrl+]).
Text from an input method (Chinese pinyin, for instance) is never held or mixed into a scan: a
composed or non-ASCII key, or `input_method_used()`, releases whatever is held.

This module knows nothing of Qt; `ui.devices.wedge_filter` adapts Qt key events to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

GS = "\x1d"

# Timestamps are floats; a gap of exactly max_gap must not fail on rounding.
_EPSILON = 1e-9

MODIFIER_KEYS = frozenset(
    {"Shift", "Control", "Alt", "Meta", "AltGr", "CapsLock", "NumLock", "ScrollLock", "Super"}
)


@dataclass(frozen=True)
class WedgeConfig:
    """How this station's wedge scanners are programmed.

    `max_gap`: the longest pause (seconds) between keys of one burst. `min_length`: the fewest
    characters (without prefix) a scan has. `suffixes`: key names that end a scan. `prefix`:
    characters the scanner sends first (empty: none configured).
    """

    max_gap: float = 0.030
    min_length: int = 6
    suffixes: frozenset[str] = frozenset({"Enter"})
    prefix: str = ""

    def __post_init__(self) -> None:
        if self.max_gap <= 0:
            raise ValueError(f"max_gap must be positive, got {self.max_gap}")
        if self.min_length < 1:
            raise ValueError(f"min_length must be at least 1, got {self.min_length}")
        if not self.suffixes:
            raise ValueError("at least one suffix key is needed (Enter or Tab)")
        if not all(_burst_text(ch) == ch for ch in self.prefix):
            raise ValueError(f"prefix must be printable ASCII or GS, got {self.prefix!r}")


@dataclass(frozen=True)
class KeyPress:
    """One key press. `key` is a key name ("A", "Enter", "Tab", "Shift", "GS", "Backspace" …).

    `payload` is carried through untouched so the caller can replay the key later.
    """

    text: str
    key: str
    timestamp: float
    auto_repeat: bool = False
    payload: object = field(default=None, compare=False)


class Verdict(Enum):
    HOLD = "hold"
    PASS = "pass"
    SWALLOW = "swallow"


@dataclass(frozen=True)
class WedgeDecision:
    verdict: Verdict
    release: tuple[KeyPress, ...] = ()
    scan: str | None = None


def _burst_text(text: str, key: str = "") -> str | None:
    """The character a key adds to a burst, or None if it cannot be part of a scan."""
    if key == "GS":
        return GS
    if len(text) != 1:
        return None  # nothing typed, or composed text from an input method
    if text == GS or " " <= text <= "~":
        return text
    return None


class WedgeDetector:
    """Decides, key by key, whether keys are a scanner burst or a person typing."""

    def __init__(self, config: WedgeConfig | None = None) -> None:
        self.config = config or WedgeConfig()
        self._held: list[KeyPress] = []
        self._chars: list[str] = []
        self._last = 0.0

    @property
    def holding(self) -> bool:
        return bool(self._held)

    @property
    def deadline(self) -> float | None:
        """When `expire` will release the held keys, if no further key arrives."""
        return self._last + self.config.max_gap if self._held else None

    def _flush(self) -> tuple[KeyPress, ...]:
        held = tuple(self._held)
        self._held.clear()
        self._chars.clear()
        return held

    def _prefix_still_possible(self) -> bool:
        prefix = self.config.prefix
        typed = "".join(self._chars)
        return typed.startswith(prefix) or prefix.startswith(typed)

    def _scan_text(self) -> str | None:
        typed = "".join(self._chars)
        prefix = self.config.prefix
        if not typed.startswith(prefix):
            return None
        body = typed[len(prefix) :]
        return body if len(body) >= self.config.min_length else None

    def key_pressed(self, key: KeyPress) -> WedgeDecision:
        if key.key in MODIFIER_KEYS:
            # Scanners press Shift for capitals; modifiers neither break a burst nor edit a field.
            return WedgeDecision(Verdict.PASS)
        release: tuple[KeyPress, ...] = ()
        if self._held and key.timestamp - self._last > self.config.max_gap + _EPSILON:
            release = self._flush()
        char = None if key.auto_repeat else _burst_text(key.text, key.key)

        if self._held and key.key in self.config.suffixes:
            scan = self._scan_text()
            if scan is not None:
                self._flush()
                return WedgeDecision(Verdict.SWALLOW, release, scan)
            return WedgeDecision(Verdict.PASS, release + self._flush())
        if char is None:
            return WedgeDecision(Verdict.PASS, release + self._flush())
        self._held.append(key)
        self._chars.append(char)
        self._last = key.timestamp
        if not self._prefix_still_possible():
            return WedgeDecision(Verdict.PASS, release + self._flush()[:-1])
        return WedgeDecision(Verdict.HOLD, release)

    def expire(self, now: float) -> tuple[KeyPress, ...]:
        """Release held keys if the burst has paused longer than `max_gap`."""
        if self._held and now - self._last > self.config.max_gap + _EPSILON:
            return self._flush()
        return ()

    def input_method_used(self) -> tuple[KeyPress, ...]:
        """An input method is composing or committing text: what is held was typing."""
        return self._flush()
