"""Today's code, to measure against in the same run: a commit of this repository unpacked into a temp folder.

    with baseline_tree("96373f8") as tree:
        out = run_in(tree, "benchmarks/intake.py", "--orders", "300")

The copy runs with this checkout's interpreter (the same venv), so only the project's code differs.
Runs of the two are interleaved by the callers, so both see the same load on a shared machine.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The last commit of main before issue 20 (part B) changed intake, listings, reports and the demo.
BEFORE_ISSUE_20 = "96373f8"


@contextlib.contextmanager
def baseline_tree(rev: str = BEFORE_ISSUE_20) -> Iterator[Path]:
    data = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev], check=True,
                          capture_output=True).stdout
    with tempfile.TemporaryDirectory(prefix="pickdesk-baseline-") as folder:
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(folder, filter="data")
        yield Path(folder)


def run_in(tree: Path, script: str, *args: str, timeout: float = 3600) -> str:
    """Run `script` (a path inside the tree) there with this interpreter; its stdout."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, str(tree / script), *args], cwd=tree, env=env, capture_output=True,
                          text=True, timeout=timeout)
    if done.returncode:
        raise RuntimeError(f"{script} in {tree} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def markdown_rows(text: str) -> list[list[str]]:
    """The body rows of the Markdown tables a benchmark printed, cells stripped."""
    rows = []
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("| ---") and "---:" not in line:
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows
