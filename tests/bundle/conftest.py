"""Fixtures of the bundle tests: the built bundle, a clean environment to run it in, a sound server.

The bundle is built once per session from build.spec into a temporary folder (pytest keeps the
last three, so the screenshots of a run can be looked at afterwards: the folder is printed).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pulse_server import PulseServer, pulse_server

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 1500  # two shared cores: a build takes one minute on a quiet machine, several on a busy one
NULL_SINK = "pickdesk_bundle_null"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `bundle` run only when a `-m` expression names them (`make test-bundle`: -m bundle).

    A build takes minutes, so `make test` leaves them out, also when it is given a `-m` of its own
    (`make test PYTEST_ARGS="-m 'not postgres'"`), which would replace a `-m` in addopts.
    """
    if "bundle" in (config.option.markexpr or ""):
        return
    left_out = [item for item in items if item.get_closest_marker("bundle")]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if not item.get_closest_marker("bundle")]


def say(config: pytest.Config, line: str) -> None:
    """A line on the terminal even while output is captured (the bundle's size, where the screenshots are)."""
    capture = config.pluginmanager.get_plugin("capturemanager")
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if capture is not None and reporter is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(line)


def _folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_symlink() and p.is_file())


@pytest.fixture(scope="session")
def announce(pytestconfig: pytest.Config):
    """`announce(line)`: print a line on the terminal during the run."""
    return lambda line: say(pytestconfig, line)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> Path:
    """The one-folder bundle built from build.spec: its folder (`<folder>/pickdesk` is the program)."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is not installed: `.venv/bin/pip install -e '.[bundle]'` (make test-bundle does)")
    work = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(ROOT / "build.spec")],
        cwd=work, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    assert result.returncode == 0, f"pyinstaller failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    folder = work / "dist" / "pickdesk"
    assert (folder / "pickdesk").is_file(), f"no program in {folder}"
    say(pytestconfig, f"\nbundle: {folder}  {_folder_size(folder) / 1e6:.0f} MB, "
                       f"built in {time.monotonic() - started:.0f} s")
    return folder


@pytest.fixture(scope="session")
def clean_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An environment with nothing of the source tree or the virtualenv in it, and no display."""
    home = tmp_path_factory.mktemp("home")
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime), "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture(scope="session")
def sound_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PulseServer]:
    """A private PulseAudio server with a null sink, for the bundle's scan sounds: its `address` (for
    PULSE_SERVER) and its `monitor` source (what was played into it can be recorded)."""
    missing = "pulseaudio is missing: run scripts/system-deps.sh (the bundle test listens to the scan sounds)"
    with pulse_server(tmp_path_factory.mktemp("pulse"), NULL_SINK, missing) as server:
        yield server
