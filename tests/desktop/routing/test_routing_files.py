"""The layout and picks parsers reject each kind of bad input with a typed, clear error."""

from __future__ import annotations

import json

import pytest

from desktop.routing.layout import DEMO_LAYOUT, LayoutError, PicksError, load_batch, load_layout, load_picks, parse_layout, parse_picks

GOOD = {"aisles": 20, "blocks": 2, "block_length": 24.0, "aisle_spacing": 3.0, "slots": 12, "depot_x": 28.5}


def test_demo_layout_is_the_documented_one() -> None:
    assert parse_layout(GOOD) == DEMO_LAYOUT
    assert DEMO_LAYOUT.to_json() == GOOD


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"aisles": 0}, "at least 1"),
        ({"aisles": 2.5}, "must be an integer"),
        ({"blocks": True}, "must be an integer"),
        ({"slots": "12"}, "must be an integer"),
        ({"block_length": 0}, "greater than 0"),
        ({"aisle_spacing": -3.0}, "greater than 0"),
        ({"depot_x": None}, "finite number"),
        ({"colour": "red"}, "unknown key"),
    ],
)
def test_bad_layouts(change: dict, message: str) -> None:
    with pytest.raises(LayoutError, match=message):
        parse_layout({**GOOD, **change})


def test_layout_missing_key_and_not_an_object() -> None:
    data = dict(GOOD)
    del data["slots"]
    with pytest.raises(LayoutError, match="missing key.*slots"):
        parse_layout(data)
    with pytest.raises(LayoutError, match="JSON object"):
        parse_layout([1, 2])


def pick(**change) -> dict:
    return {"id": "L1", "aisle": 3, "block": 1, "slot": 7, "side": "L", **change}


@pytest.mark.parametrize(
    ("picks", "message"),
    [
        ([pick(aisle=20)], "unknown aisle 20"),
        ([pick(aisle=-1)], "unknown aisle"),
        ([pick(block=2)], "unknown block 2"),
        ([pick(slot=12)], "slot 12 out of range"),
        ([pick(), pick()], "duplicate id"),
        ([pick(id=7)], "'id' must be a non-empty string"),
        ([pick(slot="7")], "'slot' must be an integer"),
        ([pick(side="M")], "'side'"),
        ([pick(shelf=3)], "unknown key"),
        ([{"id": "L1", "aisle": 1, "block": 0}], "missing key.*slot"),
        (["L1"], "expected an object"),
    ],
)
def test_bad_picks(picks: list, message: str) -> None:
    with pytest.raises(PicksError, match=message):
        parse_picks({"picks": picks}, DEMO_LAYOUT)


def test_picks_object_shape() -> None:
    with pytest.raises(PicksError, match="missing key 'picks'"):
        parse_picks({}, DEMO_LAYOUT)
    with pytest.raises(PicksError, match="must be a list"):
        parse_picks({"picks": {}}, DEMO_LAYOUT)
    with pytest.raises(PicksError, match="unknown key"):
        parse_picks({"picks": [], "more": 1}, DEMO_LAYOUT)


def test_side_is_optional_and_positions_may_repeat() -> None:
    picks = parse_picks({"picks": [pick(), {"id": "L2", "aisle": 3, "block": 1, "slot": 7}]}, DEMO_LAYOUT)
    assert picks[0].position == picks[1].position and picks[1].side is None


def test_files(tmp_path) -> None:
    (tmp_path / "layout.json").write_text(json.dumps(GOOD))
    (tmp_path / "bad.json").write_text("{not json")
    (tmp_path / "picks.json").write_text(json.dumps({"picks": [pick()]}))
    (tmp_path / "batch.jsonl").write_text(json.dumps({"picks": [pick()]}) + "\n\n" + "{oops\n")
    layout = load_layout(tmp_path / "layout.json")
    assert load_picks(tmp_path / "picks.json", layout)[0].id == "L1"
    with pytest.raises(LayoutError, match="malformed JSON"):
        load_layout(tmp_path / "bad.json")
    with pytest.raises(LayoutError, match="not found"):
        load_layout(tmp_path / "missing.json")
    with pytest.raises(PicksError, match="malformed JSON"):
        load_picks(tmp_path / "bad.json", layout)
    with pytest.raises(PicksError, match="line 3: malformed JSON"):
        load_batch(tmp_path / "batch.jsonl", layout)
