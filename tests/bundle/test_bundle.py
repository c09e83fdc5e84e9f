"""The PyInstaller bundle, built from build.spec, works on its own: it starts, signs in and renders.

`pickdesk smoke` (ui/smoke.py) runs inside the bundle from an empty folder, in an environment with
nothing of the source tree (no PYTHONPATH, no virtualenv, PATH=/usr/bin:/bin): a picker in English
who takes a batch and hears the scan sounds, a supervisor in Chinese. Their reports must show that
every file came from the bundle, and their screenshots must show a real window. The bundled command
line must write a label PDF with the CJK font embedded.

Slow (a build takes minutes): marked `bundle`, which runs only when asked for with `-m bundle`
(tests/bundle/conftest.py): `make test-bundle`, or `pytest -m bundle tests/bundle`.
"""

from __future__ import annotations

import array
import json
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

pytestmark = [pytest.mark.bundle, pytest.mark.timeout(1800)]

CJK = re.compile(r"[\u3400-\u9fff]")
RUN_TIMEOUT_S = 300
WINDOW = (1280, 800)


def run_bundled(bundle: Path, env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bundle / "pickdesk"), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=RUN_TIMEOUT_S)


def smoke(bundle: Path, env: dict[str, str], folder: Path, *args: str) -> dict[str, Any]:
    """Run `pickdesk smoke` in the bundle from `folder`; its report (the PNG is beside it)."""
    folder.mkdir(parents=True, exist_ok=True)
    result = run_bundled(bundle, env, folder, "smoke", "--data-dir", str(folder / "data"), "--out",
                         str(folder / "out"), "--timeout", "180", *args)
    report_file = folder / "out" / "smoke.json"
    report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.exists() else {}
    assert result.returncode == 0, (f"pickdesk smoke {' '.join(args)} failed ({result.returncode}):\n"
                                    f"{result.stderr[-4000:]}\nreport: {json.dumps(report, ensure_ascii=False)[:4000]}")
    assert report["ok"] is True
    report["_png"] = str(folder / "out" / "smoke.png")
    return report


@pytest.fixture(scope="module")
def english_picker(bundle: Path, clean_env: dict[str, str], sound_server, tmp_path_factory, announce):
    """picker1 signs in in English, presses F5 for a batch, and the two scan sounds play (recorded)."""
    folder = tmp_path_factory.mktemp("picker-en")
    recording = folder / "sink.raw"
    with recording.open("wb") as sink:
        recorder = subprocess.Popen(["parec", "--server", sound_server.address, "-d", sound_server.monitor, "--raw",
                                     "--format=s16le", "--channels=1", "--rate=22050", "--latency-msec=20"],
                                    stdout=sink)
        time.sleep(0.3)  # let the recorder attach before the program starts
        try:
            report = smoke(bundle, {**clean_env, "PULSE_SERVER": sound_server.address}, folder,
                           "--user", "picker1", "--pin", "1111", "--press", "F5", "--play-sounds")
        finally:
            recorder.terminate()
            recorder.wait(10)
    data = recording.read_bytes()
    report["_loudest_sample"] = max((abs(s) for s in array.array("h", data[: len(data) // 2 * 2])), default=0)
    announce(f"screenshot: {report['_png']}")
    return report


@pytest.fixture(scope="module")
def chinese_supervisor(bundle: Path, clean_env: dict[str, str], tmp_path_factory, announce):
    """super1 signs in at a station set to Simplified Chinese (no sound server: a silent station)."""
    report = smoke(bundle, clean_env, tmp_path_factory.mktemp("super-zh"),
                   "--user", "super1", "--pin", "5555", "--language", "zh_CN")
    announce(f"screenshot: {report['_png']}")
    return report


def inside(path: str | None, folder: Path) -> bool:
    return path is not None and Path(path).resolve().is_relative_to(folder.resolve())


def assert_from_the_bundle(report: dict[str, Any], bundle: Path) -> None:
    """Frozen, and every file it found (resources, Qt's plugins and translations) lies in the bundle."""
    assert report["frozen"] is True
    assert inside(report["bundle_dir"], bundle) and inside(report["executable"], bundle)
    assert inside(report["qt"]["plugins"], bundle) and inside(report["qt"]["translations"], bundle)
    files = report["files"]
    looked_up = files["looked_up"]
    assert looked_up, "the report lists no resource files"
    for entry in looked_up:
        assert entry["exists"] and inside(entry["path"], bundle), entry
    for translator in files["translations"]:
        assert inside(translator["path"], bundle), translator
    assert inside(files["font"]["path"], bundle) and files["font"]["family_loaded"], files["font"]
    assert inside(files["styles"]["folder"], bundle) and files["styles"]["applied"], files["styles"]
    assert files["icons"] == {"svg_reader": True, "window_icon_renders": True}
    guide = files["guide"]  # what Help opens for this role, in this language
    assert guide["exists"] and inside(guide["path"], bundle), guide
    assert f"/{report['language']}/" in guide["path"], guide
    names = {Path(entry["path"]).name for entry in looked_up}
    assert {"DroidSansFallbackFull.ttf", "pickdesk.svg", f"pickdesk_{report['language']}.qm"} <= names, names


def assert_a_real_window(png: str) -> None:
    """About the window's size and not blank: many colours, none covering nearly everything."""
    with Image.open(png) as image:
        image.load()
        width, height = image.size
        assert abs(width - WINDOW[0]) <= 100 and abs(height - WINDOW[1]) <= 100, image.size
        colours = image.convert("RGB").getcolors(maxcolors=width * height)
    assert len(colours) > 100, f"{png}: only {len(colours)} colours"
    assert max(count for count, _ in colours) < 0.8 * width * height, f"{png}: one colour covers most of it"


def test_the_picker_signs_in_and_walks_a_batch_in_english(english_picker, bundle: Path) -> None:
    report = english_picker
    assert report["workspace"] == "workspace_picker" and report["language"] == "en"
    assert report["qt"]["platform"] == "offscreen"
    assert report["rows"].get("picker_stops", 0) > 0, report["rows"]
    assert_from_the_bundle(report, bundle)
    assert_a_real_window(report["_png"])


def test_the_bundled_scan_sounds_are_heard(english_picker, bundle: Path) -> None:
    report = english_picker
    sounds = report["sounds"]
    assert sounds["outputs"], "Qt Multimedia in the bundle found no audio output on the test's sound server"
    assert sounds["players"] and all(p["audible"] and not p["muted"] for p in sounds["players"]), sounds
    assert sounds["played"] == ["good", "bad"]
    wavs = {Path(e["path"]).name for e in report["files"]["looked_up"] if e["path"].endswith(".wav")}
    assert wavs == {"good.wav", "bad.wav"}
    assert report["_loudest_sample"] > 3000, "nothing audible reached the sound server's sink"


def test_the_supervisor_signs_in_in_chinese(chinese_supervisor: dict, english_picker: dict, bundle: Path) -> None:
    report = chinese_supervisor
    assert report["workspace"] == "workspace_supervisor" and report["language"] == "zh_CN"
    assert report["rows_total"] > 0, report["rows"]
    assert_from_the_bundle(report, bundle)
    translations = {Path(t["path"]).name: t for t in report["files"]["translations"]}
    assert {"qtbase_zh_CN.qm", "pickdesk_zh_CN.qm"} <= set(translations), translations
    assert not translations["pickdesk_zh_CN.qm"]["empty"]
    assert report["qt"]["cancel_button"] == "取消", "Qt's own Chinese (qtbase_zh_CN.qm) is not in the bundle"
    # The translation really applied: the menus read in Chinese, and not as they read in English.
    assert all(CJK.search(title) for title in report["menus"]), report["menus"]
    assert report["menus"] != english_picker["menus"], (report["menus"], english_picker["menus"])
    assert CJK.search(report["workspace_title"]), report["workspace_title"]
    assert_a_real_window(report["_png"])


def test_the_bundled_command_line_embeds_the_cjk_font_in_a_label(bundle: Path, clean_env: dict[str, str],
                                                                 tmp_path: Path) -> None:
    pdf = tmp_path / "label.pdf"
    result = run_bundled(bundle, clean_env, tmp_path, "label-sample", "-o", str(pdf))
    assert result.returncode == 0, result.stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    cjk_font = [line for line in fonts.splitlines() if "DroidSansFallback" in line]
    assert cjk_font and cjk_font[0].split()[-5] == "yes", fonts  # the "emb" column
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "欧阳娜娜" in text and "广东省深圳市南山区" in text, text


def test_the_bundled_command_line_finds_the_migrations(bundle: Path, clean_env: dict[str, str],
                                                       tmp_path: Path) -> None:
    env = {**clean_env, "PICKDESK_DATA_DIR": str(tmp_path / "data")}
    result = run_bundled(bundle, env, tmp_path, "db", "current")
    assert result.returncode == 0, result.stderr
    head = re.search(r"schema at (\w+) \(head (\w+)\)", result.stdout)
    assert head and head.group(1) == head.group(2), result.stdout
    listed = run_bundled(bundle, env, tmp_path, "--help")
    assert "smoke" in listed.stdout
