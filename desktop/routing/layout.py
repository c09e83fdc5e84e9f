"""The rectangular warehouse of the order-picking literature, and the files that describe it.

A layout has parallel pick aisles cut into blocks by cross aisles, and one depot on the front
cross aisle. A pick names an aisle, a block and a slot; several picks may share a position.
The file formats are those of ``/work/shared/formats/rectangular-layout.md`` (see docs/routing.md);
everything that can be wrong with a file is reported as a :class:`LayoutError` or
:class:`PicksError` whose message says what and where.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class LayoutError(ValueError):
    """The layout file or object is not a valid rectangular layout."""


class PicksError(ValueError):
    """The picks file or object does not fit the format or the layout."""


@dataclass(frozen=True, slots=True)
class Layout:
    """A rectangular warehouse: ``aisles`` x ``blocks`` with ``slots`` pick positions per aisle and block."""

    aisles: int
    blocks: int
    block_length: float
    aisle_spacing: float
    slots: int
    depot_x: float

    def __post_init__(self) -> None:
        # Re-check here too, so a Layout built in code is as trustworthy as a parsed one.
        _check_layout_values(self.aisles, self.blocks, self.block_length, self.aisle_spacing, self.slots, self.depot_x)

    def aisle_x(self, aisle: int) -> float:
        return aisle * self.aisle_spacing

    def slot_y(self, block: int, slot: int) -> float:
        return block * self.block_length + (slot + 0.5) * self.block_length / self.slots

    def position(self, aisle: int, block: int, slot: int) -> Position:
        """The checked position of a slot; raises PicksError when it lies outside this layout."""
        position = Position(aisle, block, slot)
        self.check(position)
        return position

    def check(self, position: Position) -> None:
        if not 0 <= position.aisle < self.aisles:
            raise PicksError(f"unknown aisle {position.aisle} (the layout has aisles 0..{self.aisles - 1})")
        if not 0 <= position.block < self.blocks:
            raise PicksError(f"unknown block {position.block} (the layout has blocks 0..{self.blocks - 1})")
        if not 0 <= position.slot < self.slots:
            raise PicksError(f"slot {position.slot} out of range (the layout has slots 0..{self.slots - 1})")

    def to_json(self) -> dict[str, Any]:
        return {
            "aisles": self.aisles,
            "blocks": self.blocks,
            "block_length": self.block_length,
            "aisle_spacing": self.aisle_spacing,
            "slots": self.slots,
            "depot_x": self.depot_x,
        }


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A pick position: the slot ``slot`` of block ``block`` in aisle ``aisle`` (both rack sides)."""

    aisle: int
    block: int
    slot: int


@dataclass(frozen=True, slots=True)
class Pick:
    """One line to pick: its id (unique within a pick list) and where it is."""

    id: str
    position: Position
    side: str | None = None

    @property
    def aisle(self) -> int:
        return self.position.aisle

    @property
    def block(self) -> int:
        return self.position.block

    @property
    def slot(self) -> int:
        return self.position.slot


_LAYOUT_KEYS = ("aisles", "blocks", "block_length", "aisle_spacing", "slots", "depot_x")
_PICK_KEYS = frozenset({"id", "aisle", "block", "slot", "side"})


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer too large for a float (10**400)
        return False


# No warehouse comes near these; they keep a hostile file from making the planner build a huge graph.
MAX_COUNT = 10_000  # aisles, blocks, slots
MAX_METRES = 1_000_000.0


def _check_layout_values(aisles: Any, blocks: Any, block_length: Any, aisle_spacing: Any, slots: Any, depot_x: Any) -> None:
    for name, value in (("aisles", aisles), ("blocks", blocks), ("slots", slots)):
        if not _is_int(value):
            raise LayoutError(f"layout: {name!r} must be an integer, not {json.dumps(value)}")
        if value < 1:
            raise LayoutError(f"layout: {name!r} must be at least 1, not {value}")
        if value > MAX_COUNT:
            raise LayoutError(f"layout: {name!r} must be at most {MAX_COUNT}, not {value}")
    for name, value in (("block_length", block_length), ("aisle_spacing", aisle_spacing), ("depot_x", depot_x)):
        if not _is_number(value) or abs(value) > MAX_METRES:
            raise LayoutError(f"layout: {name!r} must be a finite number of at most {MAX_METRES:.0f} m, "
                              f"not {json.dumps(value)[:40]}")
    for name, value in (("block_length", block_length), ("aisle_spacing", aisle_spacing)):
        if value <= 0:
            raise LayoutError(f"layout: {name!r} must be greater than 0, not {value}")


# The demo warehouse: 20 aisles in two blocks, depot on the front cross aisle between aisles 9 and 10.
DEMO_LAYOUT = Layout(aisles=20, blocks=2, block_length=24.0, aisle_spacing=3.0, slots=12, depot_x=28.5)


def parse_layout(data: object) -> Layout:
    """Check a decoded layout object and return the Layout; raises LayoutError naming the fault."""
    if not isinstance(data, Mapping):
        raise LayoutError(f"layout: expected a JSON object, got {type(data).__name__}")
    missing = [key for key in _LAYOUT_KEYS if key not in data]
    if missing:
        raise LayoutError(f"layout: missing key(s) {', '.join(missing)}")
    extra = sorted(str(key) for key in data if key not in _LAYOUT_KEYS)
    if extra:
        raise LayoutError(f"layout: unknown key(s) {', '.join(extra)}")
    values = [data[key] for key in _LAYOUT_KEYS]
    _check_layout_values(*values)
    aisles, blocks, block_length, aisle_spacing, slots, depot_x = values
    return Layout(aisles, blocks, float(block_length), float(aisle_spacing), slots, float(depot_x))


def parse_picks(data: object, layout: Layout, *, where: str = "picks") -> list[Pick]:
    """Check a decoded picks object against the layout; raises PicksError naming the faulty pick."""
    if not isinstance(data, Mapping):
        raise PicksError(f"{where}: expected a JSON object with a 'picks' list, got {type(data).__name__}")
    if "picks" not in data:
        raise PicksError(f"{where}: missing key 'picks'")
    extra = sorted(str(key) for key in data if key != "picks")
    if extra:
        raise PicksError(f"{where}: unknown key(s) {', '.join(extra)}")
    items = data["picks"]
    if not isinstance(items, list):
        raise PicksError(f"{where}: 'picks' must be a list, not {type(items).__name__}")
    picks: list[Pick] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        label = f"{where}: pick #{index}"
        if not isinstance(item, Mapping):
            raise PicksError(f"{label}: expected an object, got {type(item).__name__}")
        missing = [key for key in ("id", "aisle", "block", "slot") if key not in item]
        if missing:
            raise PicksError(f"{label}: missing key(s) {', '.join(missing)}")
        unknown = sorted(str(key) for key in item if key not in _PICK_KEYS)
        if unknown:
            raise PicksError(f"{label}: unknown key(s) {', '.join(unknown)}")
        pick_id = item["id"]
        if not isinstance(pick_id, str) or not pick_id:
            raise PicksError(f"{label}: 'id' must be a non-empty string, not {json.dumps(pick_id)}")
        label = f"{where}: pick {pick_id!r}"
        if pick_id in seen:
            raise PicksError(f"{label}: duplicate id")
        seen.add(pick_id)
        for key in ("aisle", "block", "slot"):
            if not _is_int(item[key]):
                raise PicksError(f"{label}: {key!r} must be an integer, not {json.dumps(item[key])}")
        side = item.get("side")
        if "side" in item and side not in ("L", "R"):
            raise PicksError(f"{label}: 'side' must be \"L\" or \"R\", not {json.dumps(side)}")
        try:
            position = layout.position(item["aisle"], item["block"], item["slot"])
        except PicksError as exc:
            raise PicksError(f"{label}: {exc}") from None
        picks.append(Pick(pick_id, position, side))
    return picks


def _read_json(path: str | Path, error: type[ValueError], what: str) -> object:
    from desktop.domain.errors import FileRefused
    from desktop.formats import checks

    if not Path(path).exists():
        raise error(f"{what} file not found: {path}")
    try:
        return checks.load_json(checks.decode_text(checks.read_bytes(path), f"{what} file {path}"),
                                f"{what} file {path}")
    except FileRefused as exc:
        raise error(exc.message) from None


def load_layout(path: str | Path) -> Layout:
    """Read and check a layout file."""
    try:
        return parse_layout(_read_json(path, LayoutError, "layout"))
    except LayoutError as exc:
        message = str(exc)
        raise LayoutError(message if str(path) in message else f"{path}: {message}") from None


def load_picks(path: str | Path, layout: Layout) -> list[Pick]:
    """Read and check a picks file against the layout."""
    return parse_picks(_read_json(path, PicksError, "picks"), layout, where=str(path))


def iter_batch(path: str | Path, layout: Layout) -> Iterator[list[Pick]]:
    """Read a JSON Lines batch file: one checked pick list per non-empty line."""
    from desktop.domain.errors import FileRefused
    from desktop.formats import checks

    if not Path(path).exists():
        raise PicksError(f"batch file not found: {path}")
    try:
        text = checks.decode_text(checks.read_bytes(path), f"batch file {path}")
    except FileRefused as exc:
        raise PicksError(exc.message) from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path} line {number}"
        try:
            data = checks.load_json(line, where)
        except FileRefused as exc:
            raise PicksError(exc.message) from None
        yield parse_picks(data, layout, where=where)


def load_batch(path: str | Path, layout: Layout) -> list[list[Pick]]:
    return list(iter_batch(path, layout))


def picks_from_positions(positions: Iterable[Position], prefix: str = "P") -> list[Pick]:
    """Pick lines with generated ids, for demos, tests and benchmarks."""
    return [Pick(f"{prefix}{index}", position) for index, position in enumerate(positions, start=1)]
