"""`label-sample` through a parser built like desktop/cli/__init__.py builds it (printing must not import desktop)."""

from __future__ import annotations

import argparse
import subprocess

import pytest

from printing import cli


def run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="pickdesk")
    cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return args.func(args)


def test_label_sample_pdf_decodes(tmp_path, capsys):
    out = tmp_path / "label.pdf"
    assert run_cli("label-sample", "--format", "pdf", "--size", "100x180", "-o", str(out)) == 0
    assert "100x180" in capsys.readouterr().out
    subprocess.run(["pdftoppm", "-r", "203", "-png", "-singlefile", str(out), str(tmp_path / "p")], check=True,
                   capture_output=True, timeout=60)
    found = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "p.png")], check=True, capture_output=True,
                           text=True, timeout=60).stdout.split()
    assert "SF1234567890123" in found


@pytest.mark.parametrize("dpi", ["203", "300"])
def test_label_sample_zpl(tmp_path, dpi):
    out = tmp_path / "label.zpl"
    assert run_cli("label-sample", "--format", "zpl", "--size", "100x150", "--dpi", dpi, "-o", str(out)) == 0
    zpl = out.read_text("utf-8")
    assert zpl.startswith("^XA") and "^CI28" in zpl and ("^PW799" if dpi == "203" else "^PW1181") in zpl


@pytest.mark.parametrize("argv", [
    ("--format", "png"), ("--size", "4x6"), ("--dpi", "600", "--format", "zpl"),
])
def test_bad_arguments_return_2_with_a_message(tmp_path, capsys, argv):
    out = tmp_path / "never"
    assert run_cli("label-sample", *argv, "-o", str(out)) == 2
    assert "pickdesk label-sample:" in capsys.readouterr().err
    assert not out.exists()
