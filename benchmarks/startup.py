"""Start-up time: from process start to the sign-in view on screen, on an already-seeded demo database.

    .venv/bin/python benchmarks/startup.py [--runs 15]

Three station set-ups are started in turn within each round, so they share the machine's state:
English in the light theme (the baseline), Simplified Chinese (the translation and Qt's own are
loaded), and Chinese in high contrast with large type (a second style sheet, scaled). The ratio
column compares each with the baseline measured in the same run.

Each run is a fresh `python` process (offscreen Qt) that calls `ui.app.run` as `pickdesk` does and
reports the wall-clock time once the station window with its sign-in view is shown; the parent
takes the time just before starting the process, so interpreter start, imports, Qt, the CJK
font, opening (and migrating) the SQLite database and building the window are all included.
The first start, which also seeds the demo warehouse (200 orders), is measured and shown apart.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import argparse, sys, time
from ui.app import run
from ui.settings import Settings

def shown(window):
    print(f"SHOWN {time.time():.6f} {window.centralWidget().objectName()}", flush=True)
    window.close()

sys.exit(run(argparse.Namespace(db=None), settings=Settings.from_file(sys.argv[1]), on_shown=shown))
"""


CASES = (  # (name, language, theme, large type)
    ("English, light (baseline)", "en", "light", False),
    ("简体中文, light", "zh_CN", "light", False),
    ("简体中文, high contrast, large type", "zh_CN", "high_contrast", True),
)


def station(data_dir: Path, language: str, theme: str, large: bool) -> Path:
    """The station's settings file for one case (an ini file, as Settings.from_file reads it)."""
    path = data_dir / f"station-{language}-{theme}-{int(large)}.ini"
    path.write_text(f"[ui]\nlanguage={language}\ntheme={theme}\nlarge_type={str(large).lower()}\n", encoding="utf-8")
    return path


def one_start(data_dir: Path, settings: Path | None = None) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PICKDESK_DATA_DIR=str(data_dir),
               PYTHONPATH=str(ROOT))
    env.pop("PICKDESK_DB_URL", None)
    started = time.time()
    done = subprocess.run([sys.executable, "-c", CHILD, str(settings or data_dir / "station.ini")], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("SHOWN ")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"start-up failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    _, at, central = line.split()
    if central != "sign_in":
        raise RuntimeError(f"the window showed {central!r}, not the sign-in view")
    return float(at) - started


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="starts on the seeded database (default 15)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pickdesk-startup-") as tmp:
        data = Path(tmp)
        first = one_start(data)
        one_start(data)  # warm the file cache once more; not counted
        files = [station(data, language, theme, large) for _name, language, theme, large in CASES]
        times: list[list[float]] = [[] for _ in CASES]
        for _ in range(args.runs):
            for i, path in enumerate(files):
                times[i].append(one_start(data, path) * 1000)
    print(f"Start-up to the sign-in view (offscreen, {args.runs} rounds, seeded SQLite demo database, "
          f"Python {sys.version_info.major}.{sys.version_info.minor}):\n")
    print("| case | runs | p50 ms | p95 ms | min ms | max ms | p50 / baseline |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    base = statistics.median(times[0])
    for (name, *_rest), ms in zip(CASES, times, strict=True):
        print(f"| {name} | {len(ms)} | {statistics.median(ms):.0f} | {percentile(ms, 0.95):.0f} | "
              f"{min(ms):.0f} | {max(ms):.0f} | {statistics.median(ms) / base:.2f} |")
    print(f"| first start (seeds 200 orders) | 1 | {first * 1000:.0f} | – | – | – | – |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
