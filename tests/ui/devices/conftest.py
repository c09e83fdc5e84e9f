from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PTYS = Path(__file__).resolve().parents[2] / "devices" / "ptys.py"


@pytest.fixture(scope="session")
def ptys():
    """The socat pty helpers shared with tests/devices (loaded by path: tests have no packages)."""
    spec = importlib.util.spec_from_file_location("pickdesk_test_ptys", _PTYS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
