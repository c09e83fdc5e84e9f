"""A private PulseAudio server with a null sink, for the tests that play (and record) real sounds.

The UI tests and the bundle tests each start one for their session through `pulse_server`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pytest

ATTEMPTS = 200  # 50 ms apart: ten seconds for the server to answer (two shared cores, sometimes busy)


class PulseServer(NamedTuple):
    address: str  # for PULSE_SERVER
    monitor: str  # the null sink's monitor source: what was played into it can be recorded


@contextmanager
def pulse_server(folder: Path, sink: str, missing: str) -> Iterator[PulseServer]:
    """Run pulseaudio with its socket and state in `folder` and a null sink named `sink`; stop it after.

    Fails the test session when there is no pulseaudio (`missing` says so) or it does not come up.
    """
    exe = shutil.which("pulseaudio")
    if exe is None:
        pytest.fail(missing)
    socket = folder / "native"
    env = {**os.environ, "XDG_RUNTIME_DIR": str(folder), "HOME": str(folder)}
    proc = subprocess.Popen(
        [exe, "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no", "--log-target=stderr",
         f"--load=module-null-sink sink_name={sink}",
         f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    address = f"unix:{socket}"
    for _ in range(ATTEMPTS):
        if socket.exists() and subprocess.run(["pactl", "--server", address, "info"], capture_output=True).returncode == 0:
            break
        if proc.poll() is not None:
            pytest.fail("pulseaudio did not start")
        time.sleep(0.05)  # waiting for a server process to come up, not for Qt
    else:
        proc.kill()
        pytest.fail("pulseaudio did not answer")
    try:
        yield PulseServer(address, f"{sink}.monitor")
    finally:
        proc.terminate()
        proc.wait(10)
