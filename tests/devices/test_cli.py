"""The device subcommands, through the real top-level parser."""

from __future__ import annotations

import argparse
import json
from types import SimpleNamespace

import pytest

from desktop.cli import main
from devices.cli import list_devices


def test_scan_parse_json(capsys):
    assert main(["scan-parse", "--json", "(01)09501101530003(17)260200(10)AB-123"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "item" and data["gtin"] == "09501101530003" and data["expiry"] == "2026-02-28"


def test_scan_parse_text(capsys):
    assert main(["scan-parse", "LOC-SZ1-A03-1-07-2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("location") and "warehouse: SZ1" in out


def test_scan_parse_rejection_json_exit_1(capsys):
    assert main(["scan-parse", "--json", "]C10109501101530004"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["rejected"] == "bad_check_digit"
    assert data["message"] and data["message_zh"]


def test_scan_parse_rejection_text_goes_to_stderr(capsys):
    assert main(["scan-parse", "hello"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "unrecognised" in captured.err


def test_scan_parse_escapes_and_custom_gs(capsys):
    assert main(["scan-parse", "--json", "--escapes", r"]C1010950110153000310AB\x1d21X"]) == 0
    assert json.loads(capsys.readouterr().out)["serial"] == "X"
    assert main(["scan-parse", "--json", "--gs", "#", "]C1010950110153000310AB#21X"]) == 0
    assert json.loads(capsys.readouterr().out)["lot"] == "AB"


def test_bad_arguments_exit_2(capsys):
    assert main(["scan-parse", "--gs=", "x"]) == 2
    assert "GS substitute" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["scan-parse"])
    assert info.value.code == 2


def test_devices_lists_ports_with_serial_numbers(capsys):
    ports = [
        SimpleNamespace(device="/dev/ttyACM1", description="MT-SICS scale", serial_number="B123"),
        SimpleNamespace(device="/dev/ttyACM0", description="Honeywell 1900", serial_number=None),
    ]
    assert list_devices(argparse.Namespace(json=True), comports=lambda: ports) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [
        {"device": "/dev/ttyACM0", "description": "Honeywell 1900", "serial_number": None},
        {"device": "/dev/ttyACM1", "description": "MT-SICS scale", "serial_number": "B123"},
    ]
    assert list_devices(argparse.Namespace(json=False), comports=lambda: ports) == 0
    assert "serial=B123" in capsys.readouterr().out


def test_devices_command_runs_against_the_system(capsys):
    assert main(["devices", "--json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)
