"""`pickdesk route`: output shapes and exit codes."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from routing_reference import route_length

LAYOUT = {"aisles": 20, "blocks": 2, "block_length": 24.0, "aisle_spacing": 3.0, "slots": 12, "depot_x": 28.5}
PICKS = [
    {"id": "L1", "aisle": 3, "block": 1, "slot": 7, "side": "L"},
    {"id": "L2", "aisle": 15, "block": 0, "slot": 2},
    {"id": "L3", "aisle": 3, "block": 1, "slot": 7},
    {"id": "L4", "aisle": 9, "block": 0, "slot": 11, "side": "R"},
]


@pytest.fixture
def files(tmp_path):
    (tmp_path / "layout.json").write_text(json.dumps(LAYOUT))
    (tmp_path / "picks.json").write_text(json.dumps({"picks": PICKS}))
    (tmp_path / "batch.jsonl").write_text(json.dumps({"picks": PICKS}) + "\n" + json.dumps({"picks": PICKS[:1]}) + "\n")
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["route", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("policy", ["optimal", "sshape", "largest-gap", "combined", "location"])
def test_json_output(files, capsys, policy: str) -> None:
    code, out, _ = run(capsys, "--layout", files / "layout.json", "--picks", files / "picks.json", "--policy", policy, "--json")
    assert code == 0
    result = json.loads(out)
    assert set(result) == {"distance", "sequence"}
    assert sorted(result["sequence"]) == ["L1", "L2", "L3", "L4"]
    assert result["distance"] == pytest.approx(route_length(LAYOUT, PICKS, result["sequence"]))


def test_table_output(files, capsys) -> None:
    code, out, _ = run(capsys, "--layout", files / "layout.json", "--picks", files / "picks.json")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].split() == ["stop", "id", "aisle", "block", "slot", "metres"]
    assert len(lines) == 1 + len(PICKS) + 1 and lines[-1].startswith("total ")


def test_batch_output(files, capsys) -> None:
    code, out, _ = run(capsys, "--layout", files / "layout.json", "--batch", files / "batch.jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.strip().splitlines()]
    assert [set(r) for r in rows] == [{"distance", "sequence", "ms"}] * 2
    assert rows[1]["sequence"] == ["L1"] and rows[1]["ms"] >= 0


@pytest.mark.parametrize(
    ("layout", "picks", "message"),
    [
        (LAYOUT, {"picks": [{"id": "X", "aisle": 20, "block": 0, "slot": 0}]}, "unknown aisle"),
        (LAYOUT, {"picks": [{"id": "X", "aisle": 1, "block": 0, "slot": 12}]}, "out of range"),
        (LAYOUT, {"picks": [PICKS[0], PICKS[0]]}, "duplicate id"),
        (LAYOUT, "{broken", "malformed JSON"),
        ("{broken", {"picks": PICKS}, "malformed JSON"),
        ({**LAYOUT, "slots": 0}, {"picks": PICKS}, "slots"),
    ],
)
def test_bad_input_exits_2(tmp_path, capsys, layout, picks, message: str) -> None:
    (tmp_path / "l.json").write_text(layout if isinstance(layout, str) else json.dumps(layout))
    (tmp_path / "p.json").write_text(picks if isinstance(picks, str) else json.dumps(picks))
    code, out, err = run(capsys, "--layout", tmp_path / "l.json", "--picks", tmp_path / "p.json")
    assert code == 2 and out == ""
    assert message in err and err.startswith("pickdesk route: ")


def test_missing_file_exits_2(files, capsys) -> None:
    code, _, err = run(capsys, "--layout", files / "layout.json", "--picks", files / "nope.json")
    assert code == 2 and "not found" in err


def test_picks_and_batch_are_exclusive(files, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["route", "--layout", str(files / "layout.json"), "--picks", "a", "--batch", "b"])
    assert exit_info.value.code == 2
    capsys.readouterr()
