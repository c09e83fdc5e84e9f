"""SerialDeviceThread over socat ptys: signals arrive on the GUI thread; the status widget follows."""

from __future__ import annotations

from decimal import Decimal

import pytest

from devices.scale import MtSicsScale, ScaleReading
from devices.serial_reader import SerialScanner, SerialSettings
from ui.devices.serial_thread import SerialDeviceThread
from ui.devices.status_widget import DeviceStatusWidget

def settings(port, **kw) -> SerialSettings:
    return SerialSettings(port=str(port), reconnect_interval=0.05, read_timeout=0.02, **kw)


def state_is(state):
    return lambda name, value, detail: value == state


@pytest.fixture
def pty_pair(tmp_path, ptys):
    pair = ptys.PtyPair(tmp_path, "scanner", "scanner-peer").plug()
    yield pair
    pair.unplug(hard=True)


@pytest.fixture
def status(qtbot):
    widget = DeviceStatusWidget()
    qtbot.addWidget(widget)
    return widget


def test_scanner_thread_reports_scans_and_state(qtbot, pty_pair, status):
    thread = SerialDeviceThread(lambda on_event: SerialScanner("pack-scanner", settings(pty_pair.device), on_event))
    thread.status_changed.connect(lambda name, state, detail: status.set_device_state(name, state, detail))
    thread.scanned.connect(status.set_last_scan)
    try:
        with qtbot.waitSignal(thread.status_changed, timeout=10000, check_params_cb=state_is("connected")):
            thread.start()
        with pty_pair.open_peer() as peer, qtbot.waitSignal(thread.scanned, timeout=10000) as blocker:
            peer.write(b"TOTE-00042\r")
            peer.flush()
        assert blocker.args == ["TOTE-00042"]
        assert status.findChild(type(status._last_scan), "last_scan_label").text() == "Last scan: TOTE-00042"
        label = status.findChild(type(status._last_scan), "device_state_pack-scanner")
        assert label.text() == "Scanner: ● connected"

        with qtbot.waitSignal(thread.status_changed, timeout=10000, check_params_cb=state_is("lost")):
            pty_pair.unplug()
        assert label.text() == "Scanner: ✕ lost"
        with qtbot.waitSignal(thread.status_changed, timeout=10000, check_params_cb=state_is("connected")):
            pty_pair.plug()
    finally:
        assert thread.stop()
    assert not thread.running


def test_scale_thread_reports_stable_weights(qtbot, tmp_path, ptys):
    pair = ptys.PtyPair(tmp_path, "scale", "scale-peer").plug()
    fake = ptys.FakeMtSicsScale(pair.peer)
    thread = SerialDeviceThread(
        lambda on_event: MtSicsScale("pack-scale", settings(pair.device, terminator=b"\r\n"), on_event)
    )
    try:
        with qtbot.waitSignal(thread.status_changed, timeout=10000, check_params_cb=state_is("connected")):
            thread.start()
        fake.control("weight 0.350 kg")
        with qtbot.waitSignal(thread.weighed, timeout=10000) as blocker:
            thread.device.request_weight()
        assert blocker.args == [ScaleReading(Decimal("350.000"), True)]
        fake.control("overload on")
        with qtbot.waitSignal(thread.scale_failed, timeout=10000) as failed:
            thread.device.request_weight()
        assert failed.args[0].code.value == "overload"
    finally:
        assert thread.stop()
        fake.close()
        pair.unplug(hard=True)
