"""`pickdesk smoke` from the source tree (fast enough for `make test`): what the bundle test relies on.

It runs as a separate process, as the bundle runs it: a real start-up, a real sign-in, a report
and a screenshot, status 0; a refusal or a timeout is status 1 with the step that failed; bad
arguments are status 2 before anything starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from ui.entry import main

ROOT = Path(__file__).resolve().parents[2]


def smoke(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], dict]:
    env = {k: v for k, v in os.environ.items() if k not in ("PICKDESK_DB_URL", "PICKDESK_DATA_DIR")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run([sys.executable, "-m", "ui.entry", "smoke", "--data-dir", str(tmp_path / "data"),
                             "--out", str(tmp_path / "out"), *args],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    report_file = tmp_path / "out" / "smoke.json"
    return result, json.loads(report_file.read_text(encoding="utf-8")) if report_file.exists() else {}


@pytest.mark.slow
def test_a_packer_signs_in_and_the_report_says_what_was_loaded(tmp_path: Path) -> None:
    result, report = smoke(tmp_path, "--user", "packer1", "--pin", "3333", "--min-rows", "0")
    assert result.returncode == 0, result.stderr
    assert report["ok"] and report["error"] is None and report["frozen"] is False
    assert report["workspace"] == "workspace_packer" and report["user"] == "packer1"
    assert "packer1" in report["signed_in"]
    assert report["data_dir"] == str(tmp_path / "data") and (tmp_path / "data" / "pickdesk.sqlite3").is_file()
    looked_up = [Path(entry["path"]) for entry in report["files"]["looked_up"] if entry["exists"]]
    assert {p.name for p in looked_up} >= {"DroidSansFallbackFull.ttf", "pickdesk_en.qm", "pickdesk.svg"}
    assert all(p.is_relative_to(ROOT / "resources") for p in looked_up)  # from the source tree, unfrozen
    assert report["files"]["guide"] == {"path": str(ROOT / "docs" / "guide" / "en" / "packer.md"), "exists": True}
    assert [step["step"] for step in report["steps"]][:3] == [
        "the window to open", "the sign-in view to list the names", "the PIN to be checked and the workspace to open"]
    with Image.open(report["screenshot"]["path"]) as image:
        assert image.size == tuple(report["screenshot"]["size"]) == (1280, 800)


@pytest.mark.slow
def test_a_wrong_pin_is_status_1_with_the_refusal(tmp_path: Path) -> None:
    result, report = smoke(tmp_path, "--user", "picker1", "--pin", "0000")
    assert result.returncode == 1
    assert "pickdesk smoke: the sign-in was refused: " in result.stderr
    assert report["ok"] is False and report["error"].startswith("the sign-in was refused")
    assert report["workspace"] is None


@pytest.mark.slow
def test_a_timeout_is_status_1_naming_the_step(tmp_path: Path) -> None:
    result, report = smoke(tmp_path, "--user", "picker1", "--pin", "1111", "--timeout", "0.1")
    assert result.returncode == 1
    assert "pickdesk smoke: timed out after 0.1 s waiting for the window to open" in result.stderr
    assert report["ok"] is False


@pytest.mark.parametrize("args, message", [
    (["--language", "fr"], "unknown language 'fr'"),
    (["--press", "Bogus"], "--press Bogus: not a key"),
    (["--db", "sqlite:///elsewhere.sqlite3"], "does not take --db"),
    (["--min-rows", "-1"], "--min-rows must be 0 or more"),
    (["--timeout", "0"], "--timeout must be more than 0"),
])
def test_bad_arguments_are_status_2_before_anything_starts(capsys, tmp_path: Path, args: list[str],
                                                           message: str) -> None:
    assert main(["smoke", "--user", "picker1", "--pin", "1111", "--out", str(tmp_path), *args]) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_smoke_refuses_a_central_database_from_the_environment(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PICKDESK_DB_URL", "postgresql+psycopg://nobody@nowhere/pickdesk")
    assert main(["smoke", "--user", "picker1", "--pin", "1111", "--out", str(tmp_path)]) == 2
    assert "PICKDESK_DB_URL is set" in capsys.readouterr().err


def test_a_data_folder_in_use_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "pickdesk.sqlite3").write_bytes(b"")
    result, _report = smoke(tmp_path, "--user", "picker1", "--pin", "1111")
    assert result.returncode == 1
    assert "is not empty: smoke seeds a new demo warehouse in a new folder" in result.stderr
