from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from devices.events import DeviceState
from ui.devices.status_widget import DeviceStatusWidget


@pytest.fixture
def status(qtbot):
    widget = DeviceStatusWidget()
    qtbot.addWidget(widget)
    return widget


def label(widget, name: str) -> QLabel:
    found = widget.findChild(QLabel, name)
    assert found is not None, name
    return found


def test_each_device_shows_its_state_in_words(status):
    status.set_device_state("scanner", "waiting")
    status.set_device_state("scale", DeviceState.CONNECTED, "/dev/ttyACM0")
    assert label(status, "device_state_scanner").text() == "Scanner: ○ waiting"
    assert label(status, "device_state_scale").text() == "Scale: ● connected"
    assert label(status, "device_state_scale").toolTip() == "/dev/ttyACM0"
    status.set_device_state("scale", "lost")
    assert label(status, "device_state_scale").text() == "Scale: ✕ lost"
    assert label(status, "device_state_scale").property("deviceState") == "lost"
    assert status.device_state("scale") is DeviceState.LOST
    assert len(status.findChildren(QLabel)) == 3


def test_unknown_state_is_refused(status):
    with pytest.raises(ValueError):
        status.set_device_state("scanner", "on fire")


def test_last_scan_shows_gs_and_is_shortened(status):
    status.set_last_scan("]C10109501101530003\x1d10AB")
    assert label(status, "last_scan_label").text() == "Last scan: ]C10109501101530003<GS>10AB"
    status.set_last_scan("X" * 100)
    assert len(label(status, "last_scan_label").text()) == len("Last scan: ") + 40


def test_a_language_switch_writes_the_states_again(status, qapp):
    from ui import i18n

    status.set_device_state("pack-scale", "connected")
    status.set_last_scan("LOC-SZ1-A01-1-01-1")
    assert label(status, "device_state_pack-scale").text() == "Scale: ● connected"
    try:
        i18n.apply_language(qapp, "zh_CN")
        status.retranslate()
        assert label(status, "device_state_pack-scale").text() == "电子秤: ● 已连接"
        assert label(status, "last_scan_label").text() == "上次扫描：LOC-SZ1-A01-1-01-1"
    finally:
        i18n.apply_language(qapp, "en")
        status.retranslate()
    assert label(status, "device_state_pack-scale").text() == "Scale: ● connected"
