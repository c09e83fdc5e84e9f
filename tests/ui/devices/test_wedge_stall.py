"""A burst is judged by when its keys were typed, not by when a stalled GUI thread gets to them."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from devices.wedge import WedgeConfig
from ui.devices.wedge_filter import WedgeFilter
from wedge_replay import key_event, replay_during_stall

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")

GS1_UNIT = "]C10109501101530003\x1d10LOT42"  # GTIN, then a lot: what a picker scans at the shelf
EAN_13 = "6923450657713"  # a plain retail barcode: all digits, what a count field would take as a number


@pytest.fixture
def count_field(qtbot):
    """A pick window whose count field has the focus (the picker is mid-stop), as on the floor."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    count = QLineEdit(widget)
    count.setObjectName("picker_qty")
    count.setValidator(QIntValidator(1, 9999, count))
    layout.addWidget(count)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    count.setFocus()
    qtbot.waitUntil(count.hasFocus)
    yield count  # the window stays referenced while the test runs
    widget.close()


@pytest.fixture
def wedge(qapp):
    wedge = WedgeFilter(WedgeConfig(max_gap=0.030, min_length=6))  # the real clock: time.monotonic
    wedge.install(qapp)
    yield wedge
    wedge.uninstall(qapp)


@pytest.mark.parametrize(("barcode", "stall_ms"), [(EAN_13, 300), (GS1_UNIT, 300), (EAN_13, 80)])
def test_a_burst_across_a_stalled_gui_thread_is_one_scan_never_a_number(qtbot, wedge, count_field, barcode,
                                                                       stall_ms):
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    with qtbot.assertNotEmitted(count_field.returnPressed):
        replay_during_stall(barcode, stall_ms=stall_ms)
        qtbot.waitUntil(lambda: bool(scans), timeout=2000)
        qtbot.wait(100)  # anything still to come (a second, broken-off scan; keys released late)
    assert scans == [barcode]
    assert count_field.text() == ""
    assert not wedge.holding


def test_keys_typed_by_a_person_pass_by_their_own_timestamps(qtbot, wedge, count_field):
    """Three digits typed 150 ms apart, delivered in one go after a stall: typing, not a burst."""
    for i, ch in enumerate("123"):
        QCoreApplication.postEvent(count_field, key_event(ch, 7_000_000 + i * 150))
    time.sleep(0.05)
    with qtbot.assertNotEmitted(wedge.scanned):
        qtbot.waitUntil(lambda: count_field.text() == "123", timeout=2000)


def test_synthetic_keys_without_a_timestamp_are_timed_by_the_clock(qtbot, qapp, count_field):
    now = [100.0]
    wedge = WedgeFilter(WedgeConfig(max_gap=0.030, min_length=6), clock=lambda: now[0])
    wedge.install(qapp)
    try:
        scans: list[str] = []
        wedge.scanned.connect(scans.append)
        for ch in "0950110153\r":
            now[0] += 0.004
            key = Qt.Key.Key_Return.value if ch == "\r" else ord(ch)
            event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, ch)
            assert event.timestamp() == 0
            QCoreApplication.sendEvent(count_field, event)
        assert scans == ["0950110153"]
        assert count_field.text() == ""
    finally:
        wedge.uninstall(qapp)
