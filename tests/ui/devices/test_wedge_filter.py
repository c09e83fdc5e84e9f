"""The wedge filter on a real window: scans never reach the field, typing always does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from devices.wedge import WedgeConfig
from ui.devices.wedge_filter import WedgeFilter

# The offscreen platform plugin warns whenever a laid-out top-level window is shown; it says
# nothing about the code under test.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot):
    widget = QWidget()
    widget.setObjectName("pick_window")
    layout = QVBoxLayout(widget)
    field = QLineEdit(widget)
    field.setObjectName("scan_field")
    other = QLineEdit(widget)
    other.setObjectName("quantity_field")
    layout.addWidget(field)
    layout.addWidget(other)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return widget


@pytest.fixture
def field(window) -> QLineEdit:
    return window.findChild(QLineEdit, "scan_field")


@pytest.fixture
def wedge(clock, qapp):
    wedge = WedgeFilter(WedgeConfig(max_gap=0.030, min_length=6), clock=clock)
    wedge.install(qapp)
    yield wedge
    wedge.uninstall(qapp)


def scan_burst(field, clock, text: str, gap: float = 0.004, suffix=Qt.Key.Key_Return) -> None:
    for ch in text:
        clock.advance(gap)
        if ch == "\x1d":
            QTest.keyClick(field, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
        else:
            QTest.keyClick(field, ch)
    clock.advance(gap)
    QTest.keyClick(field, suffix)


def human_types(field, clock, text: str, gap: float = 0.18) -> None:
    for ch in text:
        clock.advance(gap)
        QTest.keyClick(field, ch)


def test_scan_burst_is_emitted_and_never_reaches_the_field(qtbot, wedge, field, clock):
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker, qtbot.assertNotEmitted(field.returnPressed):
        scan_burst(field, clock, "TOTE-00042")
    assert blocker.args == ["TOTE-00042"]
    assert field.text() == ""


def test_human_typing_reaches_the_field_in_order(qtbot, wedge, field, clock):
    with qtbot.assertNotEmitted(wedge.scanned):
        human_types(field, clock, "Hello 42")
        clock.advance(1.0)  # the person stops typing: the last held key is released by the timer
        qtbot.waitUntil(lambda: field.text() == "Hello 42")
        with qtbot.waitSignal(field.returnPressed, timeout=2000):
            clock.advance(0.3)
            QTest.keyClick(field, Qt.Key.Key_Return)
    assert not wedge.holding


def test_typing_then_a_scan_then_typing(qtbot, wedge, field, clock):
    human_types(field, clock, "ab")
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        clock.advance(0.5)
        scan_burst(field, clock, "LOC-SZ1-A03-1-07-2")
    assert blocker.args == ["LOC-SZ1-A03-1-07-2"]
    human_types(field, clock, "c")
    clock.advance(1.0)
    qtbot.waitUntil(lambda: field.text() == "abc")


def test_gs_typed_as_ctrl_bracket_is_kept_in_the_scan(qtbot, wedge, field, clock):
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        scan_burst(field, clock, "]C10109501101530003\x1d10AB")
    assert blocker.args == ["]C10109501101530003\x1d10AB"]
    assert field.text() == ""


def test_short_fast_burst_is_typing(qtbot, wedge, field, clock):
    with qtbot.assertNotEmitted(wedge.scanned), qtbot.waitSignal(field.returnPressed, timeout=2000):
        scan_burst(field, clock, "ok")
    assert field.text() == "ok"


def test_tab_suffix_moves_no_focus_when_it_ends_a_scan(qtbot, clock, qapp, field, window):
    wedge = WedgeFilter(WedgeConfig(suffixes=frozenset({"Tab"})), clock=clock)
    wedge.install(qapp)
    try:
        with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
            scan_burst(field, clock, "PCL-0123456789", suffix=Qt.Key.Key_Tab)
        assert blocker.args == ["PCL-0123456789"]
        assert QApplication.focusWidget() is field
    finally:
        wedge.uninstall(qapp)


def test_input_method_text_is_never_swallowed_or_mixed_into_a_scan(qtbot, wedge, field, clock):
    with qtbot.assertNotEmitted(wedge.scanned):
        clock.advance(0.2)
        QTest.keyClick(field, "a")  # held: could be the start of a scan
        assert wedge.holding
        clock.advance(0.002)
        commit = QInputMethodEvent()
        commit.setCommitString("拣货")
        QCoreApplication.sendEvent(field, commit)
        assert field.text() == "a拣货"  # the held key first, then the composed text
        for ch in "TOTE-0":
            clock.advance(0.004)
            QTest.keyClick(field, ch)
        clock.advance(0.004)
        preedit = QInputMethodEvent("tuo", [])
        QCoreApplication.sendEvent(field, preedit)
        QCoreApplication.sendEvent(field, QInputMethodEvent())  # composition cancelled
        clock.advance(0.004)
        QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "a拣货TOTE-0"
    assert not wedge.holding


def test_keys_are_replayed_to_the_widget_they_were_meant_for(qtbot, wedge, window, field, clock):
    other = window.findChild(QLineEdit, "quantity_field")
    clock.advance(0.2)
    QTest.keyClick(field, "7")
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    clock.advance(1.0)
    qtbot.waitUntil(lambda: field.text() == "7")
    assert other.text() == ""
