"""The wedge burst detector, fed plain key presses with timestamps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.wedge import KeyPress, Verdict, WedgeConfig, WedgeDetector


class Field:
    """Plays the role of the focused text field: applies the detector's decisions."""

    def __init__(self, config: WedgeConfig | None = None) -> None:
        self.detector = WedgeDetector(config)
        self.text = ""
        self.scans: list[str] = []
        self.enters = 0

    def _deliver(self, key: KeyPress) -> None:
        if key.key == "Enter":
            self.enters += 1
        elif len(key.text) == 1 or key.text:
            self.text += key.text

    def press(self, text: str, key: str, t: float, auto_repeat: bool = False) -> Verdict:
        press = KeyPress(text, key, t, auto_repeat)
        decision = self.detector.key_pressed(press)
        for held in decision.release:
            self._deliver(held)
        if decision.verdict is Verdict.PASS:
            self._deliver(press)
        if decision.scan is not None:
            self.scans.append(decision.scan)
        return decision.verdict

    def type(self, chars: str, start: float, gap: float, suffix: str | None = "Enter") -> float:
        t = start
        for ch in chars:
            if ch == "\x1d":
                self.press("\x1d", "GS", t)
            else:
                if ch.isupper():
                    self.press("", "Shift", t)
                self.press(ch, ch.upper(), t)
            t += gap
        if suffix:
            self.press({"Enter": "\r", "Tab": "\t"}[suffix], suffix, t)
        return t

    def wait(self, now: float) -> None:
        for held in self.detector.expire(now):
            self._deliver(held)


def test_a_fast_burst_ending_in_enter_is_a_scan_and_never_reaches_the_field():
    field = Field()
    end = field.type("TOTE-00042", start=10.0, gap=0.004)
    field.wait(end + 1)
    assert field.scans == ["TOTE-00042"]
    assert field.text == "" and field.enters == 0


def test_human_typing_passes_through_in_order():
    field = Field()
    end = field.type("tote 42", start=10.0, gap=0.15)
    field.wait(end + 1)
    assert field.scans == []
    assert field.text == "tote 42" and field.enters == 1


def test_held_keys_are_released_when_the_burst_pauses():
    field = Field()
    assert field.press("a", "A", 1.0) is Verdict.HOLD
    assert field.detector.deadline == pytest.approx(1.03)
    field.wait(1.02)
    assert field.text == ""
    field.wait(1.05)
    assert field.text == "a"


def test_short_fast_bursts_are_typing():
    field = Field()
    field.type("ok", start=1.0, gap=0.01)
    assert field.scans == [] and field.text == "ok" and field.enters == 1


def test_non_character_key_releases_the_held_keys_first():
    field = Field()
    field.press("a", "A", 1.0)
    field.press("b", "B", 1.01)
    assert field.press("", "Backspace", 1.02) is Verdict.PASS
    assert field.text == "ab"


def test_gs_as_control_character_or_ctrl_bracket_is_part_of_the_scan():
    field = Field()
    field.type("]C10109501101530003\x1d10AB", start=1.0, gap=0.003)
    field.press("\x1d", "]", 2.0)  # a lone GS is not a scan
    field.wait(3.0)
    assert field.scans == ["]C10109501101530003\x1d10AB"]


def test_tab_suffix_and_prefix():
    config = WedgeConfig(suffixes=frozenset({"Tab"}), prefix="#")
    field = Field(config)
    field.type("#LOC-SZ1-A03-1-07-2", start=1.0, gap=0.005, suffix="Tab")
    assert field.scans == ["LOC-SZ1-A03-1-07-2"]
    # Without the prefix a fast burst is not a scan; keys not matching the prefix are not delayed.
    assert field.press("x", "X", 5.0) is Verdict.PASS
    field.type("LOC-SZ1-A03-1-07-2", start=6.0, gap=0.005, suffix="Tab")
    assert field.scans == ["LOC-SZ1-A03-1-07-2"]
    assert field.text == "xLOC-SZ1-A03-1-07-2\t"  # the Tab reaches the field as typed


def test_auto_repeat_is_typing():
    field = Field()
    for i in range(10):
        field.press("a", "A", 1.0 + i * 0.02, auto_repeat=i > 0)
    field.press("\r", "Enter", 1.2)
    field.wait(2.0)
    assert field.scans == [] and field.text == "a" * 10


def test_composed_input_method_text_is_never_swallowed_or_mixed_in():
    field = Field()
    field.press("a", "A", 1.0)
    assert field.press("你好", "unknown", 1.001) is Verdict.PASS
    assert field.text == "a你好"
    field.press("b", "B", 2.0)
    for held in field.detector.input_method_used():
        field._deliver(held)
    assert field.text == "a你好b"


def test_a_burst_after_typing_is_still_a_scan():
    field = Field()
    field.press("q", "Q", 1.0)
    field.type("PCL-0123456789", start=1.5, gap=0.006)
    assert field.text == "q" and field.scans == ["PCL-0123456789"]


@pytest.mark.parametrize("kw", [{"max_gap": 0}, {"min_length": 0}, {"suffixes": frozenset()}, {"prefix": "\n"}])
def test_config_is_validated(kw):
    with pytest.raises(ValueError):
        WedgeConfig(**kw)


_PRINTABLE = st.characters(min_codepoint=0x20, max_codepoint=0x7E)


@given(st.text(_PRINTABLE, min_size=6, max_size=40), st.lists(st.floats(0.0005, 0.03), min_size=41, max_size=41))
def test_any_burst_within_the_gap_is_one_scan(payload, gaps):
    field = Field()
    t = 1.0
    for ch, gap in zip(payload, gaps, strict=False):
        field.press(ch, ch, t)
        t += gap
    field.press("\r", "Enter", t)
    field.wait(t + 1)
    assert field.scans == [payload] and field.text == ""


@given(st.text(_PRINTABLE, max_size=30), st.lists(st.floats(0.031, 1.0), min_size=31, max_size=31))
def test_typing_slower_than_the_gap_always_reaches_the_field(payload, gaps):
    field = Field()
    t = 1.0
    for ch, gap in zip(payload, gaps, strict=False):
        field.press(ch, ch, t)
        t += gap
    field.press("\r", "Enter", t)
    field.wait(t + 1)
    assert field.scans == [] and field.text == payload and field.enters == 1
