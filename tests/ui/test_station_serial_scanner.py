"""A station set up with a serial scanner: its scans drive the window, and the status bar shows it.

Real pseudo-terminals (socat): the test writes a badge scan into one end, as a scanner in serial
mode would, and the station signs the picker in.
"""

import os
import shutil
import subprocess
import time

import pytest


@pytest.fixture
def pty_pair(tmp_path):
    socat = shutil.which("socat")
    if socat is None:
        pytest.fail("socat is missing: run scripts/system-deps.sh")
    a, b = tmp_path / "scanner", tmp_path / "host"
    proc = subprocess.Popen([socat, f"pty,raw,echo=0,link={a}", f"pty,raw,echo=0,link={b}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if a.exists() and b.exists():
            break
        time.sleep(0.02)  # waiting for socat to create the devices, not for Qt
    yield str(a), str(b)
    proc.terminate()
    proc.wait(5)


def test_a_badge_scanned_on_a_serial_scanner_signs_in(qtbot, window, settings, pty_pair):
    scanner_end, station_end = pty_pair
    settings.scanner_port = station_end
    window.station.apply_settings()  # as after the settings dialog, with no workspace open
    scanner = window.station.scanner
    assert scanner is not None and scanner.running
    status = window.device_status
    qtbot.waitUntil(lambda: status.device_state("scanner") == "connected", timeout=10_000)
    with qtbot.waitSignal(window.signed_in, timeout=10_000) as blocker:
        fd = os.open(scanner_end, os.O_WRONLY | os.O_NOCTTY)
        os.write(fd, b"BADGE-P00001\r")
        os.close(fd)
    assert blocker.args[0].login == "picker1"
    assert window.workspace.objectName() == "workspace_picker"
    assert window.station.scanner is scanner  # opening the workspace kept the scanner: its settings did not change
    window.station.close()  # as when the window closes
    assert not scanner.running  # the station's devices end with it
