"""Serial scanners and scales over real pseudo-terminals (socat), with unplug and replug."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ptys import FakeMtSicsScale

from devices.events import (
    DeviceState,
    DeviceStateChanged,
    ScaleAcknowledged,
    ScaleFailed,
    ScanReceived,
    WeightReceived,
)
from devices.scale import ContinuousScale, MtSicsScale, ScaleAck, ScaleErrorCode, ScaleReading
from devices.serial_reader import FrameSplitter, SerialScanner, SerialSettings, locate_port


def is_state(state: DeviceState):
    return lambda e: isinstance(e, DeviceStateChanged) and e.state is state


def is_scan(e) -> bool:
    return isinstance(e, ScanReceived)


def fast(port: str, **kw) -> SerialSettings:
    return SerialSettings(port=port, reconnect_interval=0.05, read_timeout=0.02, **kw)


# --- pure parts -----------------------------------------------------------------------------


def test_frame_splitter_joins_chunks_and_splits_frames():
    splitter = FrameSplitter(b"\r\n")
    assert splitter.feed(b"S S  1") == []
    assert splitter.feed(b".0 g\r\nZ A\r") == [b"S S  1.0 g"]
    assert splitter.feed(b"\n") == [b"Z A"]


def test_frame_splitter_drops_an_overlong_frame_and_recovers():
    splitter = FrameSplitter(b"\r", max_frame=8)
    assert splitter.feed(b"x" * 20) == []
    assert splitter.feed(b"yy\rTOTE-00042\r") == [b"TOTE-00042"]


@given(st.lists(st.binary(max_size=20), max_size=20))
def test_frame_splitter_loses_nothing(chunks):
    splitter = FrameSplitter(b"\r")
    frames = [f for chunk in chunks for f in splitter.feed(chunk)]
    whole = b"".join(chunks)
    assert frames == whole.split(b"\r")[:-1]


@pytest.mark.parametrize(
    "kw",
    [{"port": ""}, {"baudrate": 0}, {"bytesize": 9}, {"parity": "X"}, {"stopbits": 3}, {"terminator": b""}],
)
def test_settings_are_validated(kw):
    with pytest.raises(ValueError):
        SerialSettings(**{"port": "/dev/ttyACM0", **kw})


def test_locate_port_by_usb_serial_number_then_path_then_glob(tmp_path):
    ports = [SimpleNamespace(device="/dev/ttyACM7", serial_number="SN-1")]
    assert locate_port(SerialSettings(port="/nope", usb_serial_number="SN-1"), lambda: ports) == "/dev/ttyACM7"
    assert locate_port(SerialSettings(port="/nope", usb_serial_number="SN-2"), lambda: ports) is None
    (tmp_path / "usb-scanner-2").touch()
    (tmp_path / "usb-scanner-1").touch()
    settings = SerialSettings(port=str(tmp_path / "usb-scanner-*"))
    assert locate_port(settings, list) == str(tmp_path / "usb-scanner-1")
    assert locate_port(SerialSettings(port=str(tmp_path / "usb-scanner-2")), list) == str(tmp_path / "usb-scanner-2")


# --- scanners over ptys ---------------------------------------------------------------------


def test_scanner_reports_each_frame_as_a_scan(make_pty, events):
    pair = make_pty().plug()
    scanner = SerialScanner("pack-scanner", fast(str(pair.device)), events)
    scanner.start()
    try:
        events.wait_for(is_state(DeviceState.CONNECTED))
        with pair.open_peer() as peer:
            peer.write(b"TOTE-0")
            peer.flush()
            peer.write(b"0042\r]C10109501101530003\x1d10AB\r\r")
            peer.flush()
            assert events.wait_for(is_scan) == ScanReceived("pack-scanner", "TOTE-00042")
            assert events.wait_for(is_scan) == ScanReceived("pack-scanner", "]C10109501101530003\x1d10AB")
    finally:
        scanner.stop(join_timeout=5)
    assert not scanner.reader._thread.is_alive()


def test_start_never_blocks_when_the_device_is_absent(tmp_path, events):
    scanner = SerialScanner("absent", fast(str(tmp_path / "nothing-here")), events)
    scanner.start()  # returns at once although nothing can be opened
    assert events.wait_for(lambda e: True) == DeviceStateChanged("absent", DeviceState.WAITING, "looking for the device")
    scanner.stop(join_timeout=5)
    assert not scanner.reader._thread.is_alive()


@pytest.mark.parametrize("hard", [False, True], ids=["links-removed", "links-dangling"])
def test_scanner_reconnects_after_unplug_and_replug(make_pty, events, hard):
    pair = make_pty().plug()
    scanner = SerialScanner("scanner", fast(str(pair.device)), events)
    scanner.start()
    try:
        events.wait_for(is_state(DeviceState.CONNECTED))
        pair.unplug(hard=hard)
        events.wait_for(is_state(DeviceState.LOST))
        pair.plug()
        events.wait_for(is_state(DeviceState.CONNECTED))
        with pair.open_peer() as peer:
            peer.write(b"LOC-SZ1-A03-1-07-2\r")
            peer.flush()
            assert events.wait_for(is_scan).text == "LOC-SZ1-A03-1-07-2"
    finally:
        scanner.stop(join_timeout=5)


def test_scanner_replugged_under_a_new_name_is_found_by_pattern(make_pty, events, tmp_path):
    first = make_pty("usb-scanner-A", "peer-A").plug()
    scanner = SerialScanner("scanner", fast(str(tmp_path / "usb-scanner-*")), events)
    scanner.start()
    try:
        events.wait_for(is_state(DeviceState.CONNECTED))
        assert scanner.reader.port_path == str(first.device)
        first.unplug()
        events.wait_for(is_state(DeviceState.LOST))
        second = make_pty("usb-scanner-B", "peer-B").plug()
        connected = events.wait_for(is_state(DeviceState.CONNECTED))
        assert connected.detail == str(second.device)
        with second.open_peer() as peer:
            peer.write(b"BADGE-P00001\r")
            peer.flush()
            assert events.wait_for(is_scan).text == "BADGE-P00001"
    finally:
        scanner.stop(join_timeout=5)


def test_scanner_replugged_under_a_new_name_is_found_by_usb_serial_number(make_pty, events):
    first = make_pty("ttyACM0", "peer0").plug()
    second = make_pty("ttyACM1", "peer1")
    # What serial.tools.list_ports would report: the scanner's serial number at whichever node it got.
    plugged = {"port": first}

    def comports():
        pair = plugged["port"]
        if pair is None or not pair.device.exists():
            return []
        return [SimpleNamespace(device=str(pair.device), serial_number="HW-19-0042")]

    settings = SerialSettings(port="", usb_serial_number="HW-19-0042", reconnect_interval=0.05, read_timeout=0.02)
    scanner = SerialScanner("scanner", settings, events, comports=comports)
    scanner.start()
    try:
        assert events.wait_for(is_state(DeviceState.CONNECTED)).detail == str(first.device)
        plugged["port"] = None
        first.unplug()
        events.wait_for(is_state(DeviceState.LOST))
        second.plug()
        plugged["port"] = second
        assert events.wait_for(is_state(DeviceState.CONNECTED)).detail == str(second.device)
    finally:
        scanner.stop(join_timeout=5)


# --- scales over ptys -----------------------------------------------------------------------


@pytest.fixture
def mtsics(make_pty):
    pair = make_pty("scale", "scale-peer").plug()
    fake = FakeMtSicsScale(pair.peer)
    yield pair, fake
    fake.close()


def test_mt_sics_scale_weighs_zeroes_and_tares(mtsics, events):
    pair, fake = mtsics
    scale = MtSicsScale("pack-scale", fast(str(pair.device), terminator=b"\r\n"), events)
    scale.start()
    try:
        events.wait_for(is_state(DeviceState.CONNECTED))
        fake.control("weight 1.250 kg")
        scale.request_weight()
        weighed = events.wait_for(lambda e: isinstance(e, WeightReceived))
        assert weighed.reading == ScaleReading(grams=Decimal("1250.000"), stable=True)
        scale.tare()
        acked = events.wait_for(lambda e: isinstance(e, ScaleAcknowledged))
        assert acked.ack == ScaleAck(command="T", tare_grams=Decimal("1250.000"))
        scale.zero()
        assert events.wait_for(lambda e: isinstance(e, ScaleAcknowledged)).ack == ScaleAck(command="Z")
        fake.control("overload on")
        scale.request_weight()
        failed = events.wait_for(lambda e: isinstance(e, ScaleFailed))
        assert failed.error.code is ScaleErrorCode.OVERLOAD
        assert failed.error.message_zh
    finally:
        scale.stop(join_timeout=5)


def test_mt_sics_polling_reports_only_stable_weights_once(mtsics, events):
    pair, fake = mtsics
    fake.control("weight 0.480 kg")
    fake.control("moving 3")
    settings = fast(str(pair.device), terminator=b"\r\n", poll=b"SI\r\n", poll_interval=0.02)
    scale = MtSicsScale("pack-scale", settings, events)
    scale.start()
    try:
        weighed = events.wait_for(lambda e: isinstance(e, WeightReceived))
        assert weighed.reading == ScaleReading(grams=Decimal("480.000"), stable=True)
        fake.control("weight 2.000 lb")
        weighed = events.wait_for(lambda e: isinstance(e, WeightReceived))
        assert weighed.reading.grams == Decimal("907.18474000")
    finally:
        scale.stop(join_timeout=5)
    weights = [e for e in events.seen + events.drain() if isinstance(e, WeightReceived)]
    assert all(w.reading.stable for w in weights)
    assert [w.reading.grams for w in weights] == [Decimal("480.000"), Decimal("907.18474000")]


def test_mt_sics_scale_reconnects_after_replug(mtsics, events):
    pair, fake = mtsics
    scale = MtSicsScale("pack-scale", fast(str(pair.device), terminator=b"\r\n"), events)
    scale.start()
    try:
        events.wait_for(is_state(DeviceState.CONNECTED))
        fake.close()
        pair.unplug()
        events.wait_for(is_state(DeviceState.LOST))
        pair.plug()
        replugged = FakeMtSicsScale(pair.peer)
        try:
            replugged.control("weight 0.750 kg")
            events.wait_for(is_state(DeviceState.CONNECTED))
            scale.request_weight()
            assert events.wait_for(lambda e: isinstance(e, WeightReceived)).reading.grams == Decimal("750.000")
        finally:
            replugged.close()
    finally:
        scale.stop(join_timeout=5)


def test_continuous_scale_reports_each_new_stable_weight_once(make_pty, events):
    pair = make_pty("indicator", "indicator-peer").plug()
    scale = ContinuousScale("floor-scale", fast(str(pair.device), terminator=b"\r\n"), events)
    scale.start()
    try:
        events.wait_for(is_state(DeviceState.CONNECTED))
        with pair.open_peer() as peer:
            stream = [b"US,GS,+0001.020kg"] * 2 + [b"ST,GS,+0001.250kg"] * 3 + [b"OL,GS,+9999.999kg"] * 3
            stream += [b"ST,GS,+0001.250kg", b"   2.5 lb ?", b"   2.5 lb"]
            peer.write(b"".join(frame + b"\r\n" for frame in stream))
            peer.flush()
            first = events.wait_for(lambda e: isinstance(e, WeightReceived))
            assert first.reading == ScaleReading(Decimal("1250.000"), True)
            failed = events.wait_for(lambda e: isinstance(e, ScaleFailed))
            assert failed.error.code is ScaleErrorCode.OVERLOAD
            again = events.wait_for(lambda e: isinstance(e, WeightReceived))
            assert again.reading == ScaleReading(Decimal("1250.000"), True)  # after an overload it counts again
            pounds = events.wait_for(lambda e: isinstance(e, WeightReceived))
            assert pounds.reading == ScaleReading(Decimal("1133.980925"), True)
    finally:
        scale.stop(join_timeout=5)
    assert sum(isinstance(e, ScaleFailed) for e in events.seen + events.drain()) == 1
