"""`pickdesk setup import` / `export`: the warehouse set-up format (/work/shared/formats/warehouse-setup.md).

A set-up document carries warehouses (layout and locations), merchants (terms, shipping with regional
fees), SKUs, promotions, users and opening stock. Every section is optional.

Import is all or nothing: the file is read item by item (ijson: a 50 000-SKU file is never one tree
in memory), every item checked on its own (`RowChecks`, the one place that says what a field may
hold), then against the rest of the file and the database; any problem refuses the file whole —
each listed by section, position and field — and nothing is written. A good file is written in one
transaction: codes are the keys (a known code updates its row, a new code adds one, nothing is
deleted by omission, `"active": false` retires), only rows that change are written and audited, so
the same file imported twice changes nothing the second time. A field left out of a row keeps
the row's current value (a new row takes the model's default).

Opening stock goes only into an empty location–SKU–lot and is audited as a stock adjustment; a
line whose location–SKU–lot already holds exactly that quantity is taken as already counted (the
same file again), any other quantity there refuses the file.

CSV: `skus`, `locations` and `stock` may come as CSV files, one section per file (the section from
`--section` or from the file name: `skus.csv`, `hz1-locations.csv` …); see `CSV_COLUMNS`. A cell
left empty is a field left out.

Export writes the same format back, every row (retired ones with `"active": false`), ordered by
code, so export → import into an empty database → export gives the same document.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import ijson
import phonenumbers
from biip.gtin import Gtin
from sqlalchemy import JSON, func, insert, select, update
from sqlalchemy.orm import Session

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import PickdeskError
from desktop.domain.roles import Role, require_role
from desktop.domain.stock import MovementKind
from desktop.services.auth import badge_digest
from desktop.services.stock import movement_row
from devices.decode import LOCATION_CODE

SECTIONS = ("warehouses", "merchants", "skus", "promotions", "users", "stock")
CSV_SECTIONS = ("skus", "locations", "stock")
LOCATION_KINDS = ("pick", "reserve", "quarantine", "returns", "dock")
ROLES = ("picker", "packer", "receiver", "supervisor", "admin")
PROMOTION_KINDS = {"coupon": {"amount_off": "money", "min_spend": "money"},
                   "tier": {"tier": "text", "percent": "percent"},
                   "threshold": {"threshold": "money", "amount_off": "money"}}
PROMOTION_REQUIRED = {"coupon": ("amount_off",), "tier": ("tier", "percent"), "threshold": ("threshold", "amount_off")}
LAYOUT_KEYS = ("aisles", "blocks", "block_length", "aisle_spacing", "slots", "depot_x")
# A warehouse's carts (layout.cart): single_units_loose — one-unit orders ride in the cart's open bin, no tote.
CART_KEYS = ("single_units_loose",)
CSV_COLUMNS = {
    "skus": ("merchant", "sku", "gtin", "name", "name_zh", "weight_g", "length_mm", "width_mm", "height_mm",
             "fragile", "unit_value", "lot_tracked", "min_remaining_shelf_days", "low_stock_threshold", "active"),
    "locations": ("warehouse", "code", "aisle", "block", "slot", "level", "kind", "active"),
    "stock": ("location", "gtin", "lot", "expiry", "qty"),
}
MONEY = re.compile(r"\d{1,9}(?:\.\d{1,2})?")
PERCENT = re.compile(r"\d{1,3}(?:\.\d{1,2})?")
CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
LOGIN = re.compile(r"[a-z0-9][a-z0-9._-]*")
MAX_INT = 10**9
CENT = Decimal("0.01")


# ─── problems ───────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class SetupProblem:
    where: str  # section and position: "skus[3]", "warehouses[0].locations[12]", "stock.csv row 7", "file"
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.field}: {self.message}"


class SetupRefused(PickdeskError):
    """The document breaks the format; nothing was written. `problems` lists each by section, position, field."""

    code = "setup_refused"

    def __init__(self, problems: list[SetupProblem]) -> None:
        super().__init__(f"The set-up file was refused ({len(problems)} problems); nothing was written.",
                         f"设置文件被拒绝（{len(problems)} 个问题），未写入任何数据。")
        self.problems = problems

    def __str__(self) -> str:
        return self.message + " " + "; ".join(str(p) for p in self.problems[:20])


@dataclass
class SectionCounts:
    added: int = 0
    updated: int = 0
    retired: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.added + self.updated + self.retired


@dataclass
class SetupReport:
    sections: dict[str, SectionCounts] = field(default_factory=dict)

    def counts(self, section: str) -> SectionCounts:
        return self.sections.setdefault(section, SectionCounts())

    @property
    def changed(self) -> int:
        return sum(c.changed for c in self.sections.values())

    def describe(self) -> str:
        if not self.sections:
            return "nothing in the file"
        parts = []
        for name, c in self.sections.items():
            bits = [f"{n} {what}" for what, n in (("added", c.added), ("updated", c.updated), ("retired", c.retired),
                                                   ("unchanged", c.unchanged)) if n]
            parts.append(f"{name}: " + (", ".join(bits) or "none"))
        return "; ".join(parts)


# ─── checking one item (the one place that says what a field may hold) ───────────


class RowChecks:
    """Checks of single values; each failure is recorded and the value comes back as None."""

    def __init__(self) -> None:
        self.problems: list[SetupProblem] = []

    def problem(self, where: str, name: str, message: str) -> None:
        self.problems.append(SetupProblem(where, name, message))

    def obj(self, row: Any, where: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict | None:
        if not isinstance(row, dict):
            self.problem(where, "-", f"expected an object, found {_kind(row)}")
            return None
        for key in row:
            if key not in allowed:
                self.problem(where, str(key), "unknown field")
        for key in required:
            if row.get(key) is None:
                self.problem(where, key, "required")
        return row

    def text(self, row: dict, where: str, name: str, max_len: int, *, pattern: re.Pattern | None = None,
             required: bool = False) -> str | None:
        value = row.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(where, name, f"expected text, found {_kind(value)}")
            return None
        value = value.strip()
        if required and not value:
            self.problem(where, name, "must not be empty")
            return None
        if len(value) > max_len:
            self.problem(where, name, f"longer than {max_len} characters")
            return None
        if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in value):
            self.problem(where, name, "holds a control character")
            return None
        if pattern is not None and value and not pattern.fullmatch(value):
            self.problem(where, name, f"{value!r} is not a valid code (letters, digits, '.', '_', '-')")
            return None
        return value

    def integer(self, row: dict, where: str, name: str, *, low: int = 0, high: int = MAX_INT) -> int | None:
        value = row.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(where, name, f"expected a whole number, found {_kind(value)}")
            return None
        if not low <= value <= high:
            self.problem(where, name, f"{value} is outside {low}..{high}")
            return None
        return value

    def number(self, row: dict, where: str, name: str, *, positive: bool = False) -> float | None:
        value = row.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            self.problem(where, name, f"expected a number, found {_kind(value)}")
            return None
        if not -1e6 <= value <= 1e6 or (positive and value <= 0):
            self.problem(where, name, f"{value} is out of range" + (" (must be > 0)" if positive else ""))
            return None
        return float(value)

    def boolean(self, row: dict, where: str, name: str) -> bool | None:
        value = row.get(name)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.problem(where, name, f"expected true or false, found {_kind(value)}")
            return None
        return value

    def money(self, row: dict, where: str, name: str, *, pattern: re.Pattern = MONEY) -> Decimal | None:
        value = row.get(name)
        if value is None:
            return None
        if not isinstance(value, str) or not pattern.fullmatch(value.strip()):
            self.problem(where, name, f"expected a decimal string such as \"8.00\", found {value!r}")
            return None
        return Decimal(value.strip())

    def moment(self, row: dict, where: str, name: str) -> datetime | None:
        value = row.get(name)
        if value is None:
            return None
        try:
            if not isinstance(value, str):
                raise ValueError
            parsed = datetime.fromisoformat(value)
        except ValueError:
            self.problem(where, name, f"expected an ISO 8601 date and time with offset, found {value!r}")
            return None
        if parsed.tzinfo is None:
            self.problem(where, name, f"{value!r} has no UTC offset")
            return None
        return parsed.astimezone(UTC)

    def day(self, row: dict, where: str, name: str) -> date | None:
        value = row.get(name)
        if value is None:
            return None
        try:
            if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            self.problem(where, name, f"expected a date YYYY-MM-DD, found {value!r}")
            return None

    def gtin(self, row: dict, where: str, name: str) -> str | None:
        value = self.text(row, where, name, 14)
        if value is None:
            return None
        if not value.isascii() or not value.isdigit() or len(value) not in (8, 12, 13, 14):
            self.problem(where, name, f"{value!r} is not a GTIN-8, -12, -13 or -14")
            return None
        try:
            Gtin.parse(value)
        except Exception:  # noqa: BLE001 - biip's ParseError: the check digit is wrong
            self.problem(where, name, f"{value!r} has a wrong check digit")
            return None
        return value.zfill(14)

    def phone(self, row: dict, where: str, name: str) -> str | None:
        value = self.text(row, where, name, 40)
        if not value:
            return value
        try:
            ok = phonenumbers.is_possible_number(phonenumbers.parse(value, "CN"))
        except phonenumbers.NumberParseException:
            ok = False
        if not ok:
            self.problem(where, name, f"{value!r} is not a telephone number")
            return None
        return value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", Decimal: "a number", str: "text",
            list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def _given(row: dict, values: dict[str, Any]) -> dict[str, Any]:
    """The fields the row carried (checked values; a failed check leaves a problem, not a value)."""
    return {k: v for k, v in values.items() if v is not None}


# ─── the parsed document ────────────────────────────────────────────────────────


@dataclass
class Parsed:
    """Checked rows, ready to be compared with the database: plain column values per row."""

    warehouses: list[tuple[str, dict]] = field(default_factory=list)
    locations: list[tuple[str, dict]] = field(default_factory=list)  # each carries "warehouse"
    merchants: list[tuple[str, dict]] = field(default_factory=list)
    skus: list[tuple[str, dict]] = field(default_factory=list)
    promotions: list[tuple[str, dict]] = field(default_factory=list)
    users: list[tuple[str, dict]] = field(default_factory=list)
    stock: list[tuple[str, dict]] = field(default_factory=list)
    checks: RowChecks = field(default_factory=RowChecks)

    @property
    def problems(self) -> list[SetupProblem]:
        return self.checks.problems


def _warehouse(c: RowChecks, raw: Any, where: str, out: Parsed) -> None:
    row = c.obj(raw, where, ("code", "name", "city", "address", "layout", "locations", "active"), ("code",))
    if row is None:
        return
    values = {"code": c.text(row, where, "code", 8, pattern=CODE, required=True),
              "name": c.text(row, where, "name", 120, required=True), "city": c.text(row, where, "city", 60),
              "address": c.text(row, where, "address", 300), "active": c.boolean(row, where, "active")}
    if row.get("layout") is not None:
        layout = c.obj(row["layout"], f"{where}.layout", (*LAYOUT_KEYS, "cart"), LAYOUT_KEYS)
        if layout is not None:
            lw = f"{where}.layout"
            checked = {"aisles": c.integer(layout, lw, "aisles", low=1, high=10_000),
                       "blocks": c.integer(layout, lw, "blocks", low=1, high=1_000),
                       "block_length": c.number(layout, lw, "block_length", positive=True),
                       "aisle_spacing": c.number(layout, lw, "aisle_spacing", positive=True),
                       "slots": c.integer(layout, lw, "slots", low=1, high=10_000),
                       "depot_x": c.number(layout, lw, "depot_x")}
            if all(v is not None for v in checked.values()):
                values["layout"] = checked
                if layout.get("cart") is not None:  # the carts' layout (docs/picking.md): optional
                    cart = c.obj(layout["cart"], f"{lw}.cart", CART_KEYS)
                    if cart is not None:
                        checked["cart"] = {k: c.boolean(cart, f"{lw}.cart", k) for k in CART_KEYS if k in cart}
    code = values["code"]
    locations = row.get("locations")
    if locations is not None and not isinstance(locations, list):
        c.problem(where, "locations", f"expected a list, found {_kind(locations)}")
    elif locations:
        for n, loc in enumerate(locations):
            _location(c, loc, f"{where}.locations[{n}]", out, code)
    if code is not None:
        out.warehouses.append((where, _given(row, values)))


def _location(c: RowChecks, raw: Any, where: str, out: Parsed, warehouse: str | None) -> None:
    allowed = ("code", "aisle", "block", "slot", "level", "kind", "active")
    row = c.obj(raw, where, allowed + (("warehouse",) if warehouse is None else ()),
                ("code", "aisle", "block", "slot", "level", "kind") + (("warehouse",) if warehouse is None else ()))
    if row is None:
        return
    if warehouse is None:
        warehouse = c.text(row, where, "warehouse", 8, pattern=CODE)
    values = {"code": c.text(row, where, "code", 32, pattern=LOCATION_CODE, required=True),
              "aisle": c.integer(row, where, "aisle"), "block": c.integer(row, where, "block"),
              "slot": c.integer(row, where, "slot"), "level": c.integer(row, where, "level", low=1, high=1000),
              "active": c.boolean(row, where, "active")}
    kind = c.text(row, where, "kind", 12)
    if kind is not None and kind not in LOCATION_KINDS:
        c.problem(where, "kind", f"{kind!r} is not one of {', '.join(LOCATION_KINDS)}")
    elif kind is not None:
        values["kind"] = kind
    if values["code"] is not None and warehouse is not None:
        out.locations.append((where, {**_given(row, values), "warehouse": warehouse}))


def _merchant(c: RowChecks, raw: Any, where: str, out: Parsed) -> None:
    row = c.obj(raw, where, ("code", "name", "phone", "address", "return_days", "warranty_days",
                             "min_remaining_shelf_days", "shipping", "merge_orders", "active"), ("code",))
    if row is None:
        return
    values: dict[str, Any] = {
        "code": c.text(row, where, "code", 16, pattern=CODE, required=True),
        "name": c.text(row, where, "name", 120, required=True), "phone": c.phone(row, where, "phone"),
        "address": c.text(row, where, "address", 300),
        "return_days": c.integer(row, where, "return_days", high=3650),
        "warranty_days": c.integer(row, where, "warranty_days", high=36500),
        "min_remaining_shelf_days": c.integer(row, where, "min_remaining_shelf_days", high=36500),
        "merge_orders": c.boolean(row, where, "merge_orders"),  # false: the merchant opts out of 合单
        "active": c.boolean(row, where, "active"),
    }
    if row.get("shipping") is not None:
        sw = f"{where}.shipping"
        ship = c.obj(row["shipping"], sw, ("free_threshold", "standard_fee", "regions"), ("standard_fee",))
        if ship is not None:
            fee = c.money(ship, sw, "standard_fee")
            threshold = c.money(ship, sw, "free_threshold")
            regions: list[dict] | None = []
            raw_regions = ship.get("regions") or []
            if not isinstance(raw_regions, list):
                c.problem(sw, "regions", f"expected a list, found {_kind(raw_regions)}")
                regions = None
            seen: set[str] = set()
            for n, raw_region in enumerate(raw_regions if regions is not None else []):
                rw = f"{sw}.regions[{n}]"
                region = c.obj(raw_region, rw, ("provinces", "fee"), ("provinces", "fee"))
                if region is None:
                    regions = None
                    continue
                region_fee = c.money(region, rw, "fee")
                provinces = region.get("provinces")
                if not isinstance(provinces, list) or not provinces or not all(
                        isinstance(p, str) and p.strip() and len(p) <= 40 for p in provinces or []):
                    c.problem(rw, "provinces", "expected a non-empty list of province names")
                    regions = None
                    continue
                twice = [p for p in provinces if p.strip() in seen]
                if twice:
                    c.problem(rw, "provinces", f"{twice[0]} is already in an earlier region")
                seen.update(p.strip() for p in provinces)
                if region_fee is None or regions is None:
                    regions = None
                    continue
                regions.append({"provinces": [p.strip() for p in provinces], "fee": f"{region_fee:.2f}"})
            if fee is not None and regions is not None and (threshold is not None or "free_threshold" not in ship):
                values["standard_shipping_fee"] = fee
                values["free_shipping_threshold"] = threshold
                values["shipping_regions"] = regions
    merchant = _given(row, values)
    if "standard_shipping_fee" in values:
        merchant["free_shipping_threshold"] = values["free_shipping_threshold"]  # absent: never free
    if values["code"] is not None:
        out.merchants.append((where, merchant))


def _sku(c: RowChecks, raw: Any, where: str, out: Parsed) -> None:
    row = c.obj(raw, where, ("merchant", "sku", "gtin", "name", "name_zh", "weight_g", "dims_mm", "fragile",
                             "unit_value", "lot_tracked", "min_remaining_shelf_days", "low_stock_threshold", "active"),
                ("merchant", "sku", "gtin"))
    if row is None:
        return
    values: dict[str, Any] = {
        "merchant": c.text(row, where, "merchant", 16, pattern=CODE, required=True),
        "sku_code": c.text(row, where, "sku", 40, pattern=CODE, required=True),
        "gtin": c.gtin(row, where, "gtin"), "name": c.text(row, where, "name", 200, required=True),
        "name_zh": c.text(row, where, "name_zh", 200),
        "weight_g": c.integer(row, where, "weight_g", high=1_000_000),
        "fragile": c.boolean(row, where, "fragile"), "unit_value": c.money(row, where, "unit_value"),
        "lot_tracked": c.boolean(row, where, "lot_tracked"),
        "min_remaining_shelf_days": c.integer(row, where, "min_remaining_shelf_days", high=36500),
        "low_stock_threshold": c.integer(row, where, "low_stock_threshold", high=MAX_INT),
        "active": c.boolean(row, where, "active"),
    }
    dims = row.get("dims_mm")
    if dims is not None:
        if (not isinstance(dims, list) or len(dims) != 3
                or any(isinstance(d, bool) or not isinstance(d, int) or not 0 < d <= 100_000 for d in dims)):
            c.problem(where, "dims_mm", "expected [length, width, height], whole millimetres > 0")
        else:
            values["length_mm"], values["width_mm"], values["height_mm"] = dims
    if all(values[k] is not None for k in ("merchant", "sku_code", "gtin")):
        out.skus.append((where, _given(row, values)))


def _promotion(c: RowChecks, raw: Any, where: str, out: Parsed) -> None:
    kinds_fields = tuple({k for fields in PROMOTION_KINDS.values() for k in fields})
    row = c.obj(raw, where, ("code", "kind", "merchant", "valid_from", "valid_to", "active") + kinds_fields,
                ("code", "kind"))
    if row is None:
        return
    values: dict[str, Any] = {"code": c.text(row, where, "code", 32, pattern=CODE, required=True),
                              "merchant": c.text(row, where, "merchant", 16, pattern=CODE),
                              "valid_from": c.moment(row, where, "valid_from"),
                              "valid_to": c.moment(row, where, "valid_to"), "active": c.boolean(row, where, "active")}
    kind = c.text(row, where, "kind", 12)
    if kind is not None and kind not in PROMOTION_KINDS:
        c.problem(where, "kind", f"{kind!r} is not one of {', '.join(PROMOTION_KINDS)}")
        return
    if kind is None:
        return
    params: dict[str, str] = {}
    for key in kinds_fields:
        if key in row and key not in PROMOTION_KINDS[kind]:
            c.problem(where, key, f"not a field of a {kind} promotion")
    for key in PROMOTION_REQUIRED[kind]:
        if row.get(key) is None:
            c.problem(where, key, f"required for a {kind} promotion")
    for key, sort in PROMOTION_KINDS[kind].items():
        if sort == "money":
            amount = c.money(row, where, key)
            if amount is not None:
                params[key] = f"{amount:.2f}"
        elif sort == "percent":
            pct = c.money(row, where, key, pattern=PERCENT)
            if pct is not None and not 0 < pct <= 100:
                c.problem(where, key, f"{pct} is not a percentage between 0 and 100")
            elif pct is not None:
                params[key] = _plain(pct)
        else:
            text = c.text(row, where, key, 20, required=True)
            if text is not None:
                params[key] = text
    if values["valid_from"] and values["valid_to"] and values["valid_from"] > values["valid_to"]:
        c.problem(where, "valid_to", "is before valid_from")
    if values["code"] is not None:
        promotion = _given(row, values)
        promotion.update(kind=kind, params=params, merchant=values["merchant"], valid_from=values["valid_from"],
                         valid_to=values["valid_to"])
        out.promotions.append((where, promotion))


def _user(c: RowChecks, raw: Any, where: str, out: Parsed) -> None:
    row = c.obj(raw, where, ("login", "name", "name_zh", "role", "badge", "active", "pin"), ("login",))
    if row is None:
        return
    if "pin" in row:
        c.problem(where, "pin", "no PIN travels in a set-up file: an admin sets it (pickdesk users set-pin)")
    values = {"login": c.text(row, where, "login", 32, pattern=LOGIN, required=True),
              "display_name": c.text(row, where, "name", 80, required=True),
              "name_zh": c.text(row, where, "name_zh", 80),
              "badge_code": c.text(row, where, "badge", 20, pattern=CODE), "active": c.boolean(row, where, "active")}
    role = c.text(row, where, "role", 12)
    if role is not None and role not in ROLES:
        c.problem(where, "role", f"{role!r} is not one of {', '.join(ROLES)}")
    elif role is not None:
        values["role"] = role
    if values["login"] is not None:
        out.users.append((where, _given(row, values)))


def _stock(c: RowChecks, raw: Any, where: str, out: Parsed) -> None:
    row = c.obj(raw, where, ("location", "gtin", "lot", "expiry", "qty"), ("location", "gtin", "qty"))
    if row is None:
        return
    values = {"location": c.text(row, where, "location", 32, pattern=LOCATION_CODE, required=True),
              "gtin": c.gtin(row, where, "gtin"), "lot": c.text(row, where, "lot", 20, pattern=CODE),
              "expiry": c.day(row, where, "expiry"), "qty": c.integer(row, where, "qty", low=1, high=MAX_INT)}
    if all(values[k] is not None for k in ("location", "gtin", "qty")):
        out.stock.append((where, _given(row, values)))


ITEM_CHECKS = {"warehouses": _warehouse, "merchants": _merchant, "skus": _sku, "promotions": _promotion,
               "users": _user, "stock": _stock}


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


# ─── reading files ──────────────────────────────────────────────────────────────


def section_of(path: Path, section: str | None = None) -> str | None:
    """The section a CSV file carries: `--section`, else the section its name ends with."""
    if section is not None:
        return section
    stem = path.stem.lower()
    for name in CSV_SECTIONS:
        if stem == name or stem.endswith(("-" + name, "_" + name, "." + name)):
            return name
    return None


def read_setup(path: Path, section: str | None = None) -> Parsed:
    """Read and check a set-up file (JSON, or CSV of one section); problems are in `Parsed.problems`."""
    out = Parsed()
    suffix = path.suffix.lower()
    if suffix == ".csv":
        name = section_of(path, section)
        if name not in CSV_SECTIONS:
            out.checks.problem("file", "section", f"{path.name}: say which section the CSV file holds "
                               f"(--section {'|'.join(CSV_SECTIONS)}, or a file name ending in one)")
            return out
        with path.open(encoding="utf-8-sig", newline="") as stream:
            _read_csv(stream, name, path.name, out)
        return out
    if section is not None:
        out.checks.problem("file", "section", "--section is for CSV files; a JSON document names its sections")
        return out
    if suffix != ".json":
        out.checks.problem("file", "name", f"{path.name}: expected a .json or .csv file")
        return out
    with path.open("rb") as stream:
        read_json(stream, out)
    return out


def read_json(stream: IO[bytes], out: Parsed | None = None) -> Parsed:
    out = out or Parsed()
    c = out.checks
    head = stream.read(3)
    if head != b"\xef\xbb\xbf":
        stream = _Rewound(head, stream)
    seen: set[str] = set()
    try:
        events = ijson.parse(stream, use_float=False)
        prefix, event, value = next(events, ("", "end", None))
        if event != "start_map":
            c.problem("file", "-", "expected a JSON object with the sections " + ", ".join(SECTIONS))
            return out
        for prefix, event, value in events:
            if event == "end_map" and prefix == "":
                break
            name = value
            if name in seen:
                c.problem(name, "-", "the section appears twice")
            seen.add(name)
            prefix, event, value = next(events)
            if name not in SECTIONS:
                c.problem(str(name), "-", "unknown section (expected " + ", ".join(SECTIONS) + ")")
                _skip(events, event)
                continue
            if event != "start_array":
                c.problem(name, "-", "expected a list")
                _skip(events, event)
                continue
            check = ITEM_CHECKS[name]
            for n, item in enumerate(_items(events)):
                check(c, item, f"{name}[{n}]", out)
        for _rest in events:
            c.problem("file", "-", "text after the end of the JSON document")
            break
    except ijson.JSONError as exc:
        c.problem("file", "-", f"not valid JSON: {exc}")
    except UnicodeDecodeError as exc:
        c.problem("file", "-", f"not UTF-8 text: {exc}")
    return out


class _Rewound:
    """A stream with the bytes already read put back in front (the BOM check)."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head, self._rest = head, rest

    def read(self, n: int = -1) -> bytes:
        if self._head and n != 0:  # ijson reads 0 bytes first to tell bytes from text
            chunk, self._head = self._head, b""
            return chunk
        return self._rest.read(n)


def _items(events: Iterator) -> Iterator[Any]:
    """The values of a JSON array, one at a time (the array's start already consumed)."""
    for prefix, event, value in events:
        if event == "end_array":
            return
        yield _build(events, event, value)


def _build(events: Iterator, event: str, value: Any) -> Any:
    if event not in ("start_map", "start_array"):
        return value
    builder = ijson.ObjectBuilder()
    builder.event(event, value)
    depth = 1
    for _prefix, ev, val in events:
        builder.event(ev, val)
        if ev in ("start_map", "start_array"):
            depth += 1
            if depth > 8:
                raise ijson.JSONError("nested deeper than a set-up document ever is")
        elif ev in ("end_map", "end_array"):
            depth -= 1
            if depth == 0:
                return builder.value
    raise ijson.IncompleteJSONError("the document ends inside a value")


def _skip(events: Iterator, event: str) -> None:
    _build(events, event, None)


def _read_csv(stream: IO[str], name: str, label: str, out: Parsed) -> None:
    c = out.checks
    reader = csv.DictReader(stream)
    columns = CSV_COLUMNS[name]
    header = reader.fieldnames or []
    unknown = [h for h in header if h not in columns]
    for h in unknown:
        c.problem(f"{label} row 1", h, f"unknown column (expected {', '.join(columns)})")
    if unknown:
        return
    try:
        for row in reader:
            where = f"{label} row {reader.line_num}"
            if None in row:
                c.problem(where, "-", "more cells than columns")
                continue
            item = _csv_item(c, name, {k: v for k, v in row.items() if v is not None and v.strip() != ""}, where)
            if item is None:
                continue
            if name == "locations":
                _location(c, item, where, out, None)
            else:
                ITEM_CHECKS[name](c, item, where, out)
    except (csv.Error, UnicodeDecodeError) as exc:
        c.problem(label, "-", f"not a readable CSV file: {exc}")


INT_COLUMNS = {"weight_g", "length_mm", "width_mm", "height_mm", "min_remaining_shelf_days", "low_stock_threshold",
               "aisle", "block", "slot", "level", "qty"}
BOOL_COLUMNS = {"fragile", "lot_tracked", "active"}


def _csv_item(c: RowChecks, name: str, cells: dict[str, str], where: str) -> dict | None:
    """A CSV row in the JSON shape: whole numbers and true/false from their text, dims_mm from three columns."""
    item: dict[str, Any] = {}
    ok = True
    for key, text in cells.items():
        text = text.strip()
        if key in INT_COLUMNS:
            if not (text.isascii() and text.isdigit()):
                c.problem(where, key, f"expected a whole number, found {text!r}")
                ok = False
                continue
            item[key] = int(text)
        elif key in BOOL_COLUMNS:
            if text.lower() not in ("true", "false"):
                c.problem(where, key, f"expected true or false, found {text!r}")
                ok = False
                continue
            item[key] = text.lower() == "true"
        else:
            item[key] = text
    dims = [item.pop(k, None) for k in ("length_mm", "width_mm", "height_mm")]
    if any(d is not None for d in dims):
        if None in dims:
            c.problem(where, "length_mm/width_mm/height_mm", "give all three dimensions or none")
            ok = False
        else:
            item["dims_mm"] = dims
    return item if ok else None


# ─── against the file and the database ──────────────────────────────────────────


def _position(layout: dict, aisle: int, block: int, slot: int) -> tuple[float, float]:
    """The rectangular layout's coordinates of a slot (rectangular-layout.md)."""
    length = layout["block_length"]
    return aisle * layout["aisle_spacing"], block * length + (slot + 0.5) * length / layout["slots"]


def _inside(layout: dict, aisle: int, block: int, slot: int) -> str | None:
    for name, value, limit in (("aisle", aisle, layout["aisles"]), ("block", block, layout["blocks"]),
                               ("slot", slot, layout["slots"])):
        if not 0 <= value < limit:
            return name
    return None


def _zone(code: str) -> str:
    """The zone letters of a location code: "SZ1-A03-1-07-2" → "A", "HZ1-QUAR-01" → "QU"."""
    parts = code.split("-")
    letters = "".join(ch for ch in (parts[1] if len(parts) > 1 else "") if ch.isalpha())
    return letters[:2].upper()


def _duplicates(c: RowChecks, rows: list[tuple[str, dict]], key, section: str, name: str) -> None:
    first: dict[Any, str] = {}
    for where, row in rows:
        k = key(row)
        if k in first:
            c.problem(where, name, f"{k if not isinstance(k, tuple) else ' '.join(map(str, k))} "
                      f"appears twice in {section} (first at {first[k]})")
        else:
            first[k] = where


class _Existing:
    """What the database holds, by code, loaded once per import."""

    def __init__(self, uow: UnitOfWork) -> None:
        s = uow.session
        self.warehouses = {w.code: w for w in s.scalars(select(models.Warehouse))}
        self.merchants = {m.code: m for m in s.scalars(select(models.Merchant))}
        self.promotions = {p.code: p for p in s.scalars(select(models.Promotion))}
        self.users = {u.login: u for u in s.scalars(select(models.User))}
        L = models.Location
        self.locations: dict[str, tuple] = {}
        for row in s.execute(select(L.id, L.code, L.warehouse_id, L.aisle, L.block, L.slot, L.level, L.kind,
                                    L.active, L.x, L.y)):
            self.locations[row.code] = row
        K = models.Sku
        self.skus: dict[tuple[int, str], Any] = {}
        self.gtins: dict[str, tuple[int, str]] = {}
        for row in s.execute(select(K.id, K.merchant_id, K.sku_code, K.gtin, K.name, K.name_zh, K.weight_g,
                                    K.length_mm, K.width_mm, K.height_mm, K.fragile, K.unit_value, K.lot_tracked,
                                    K.min_remaining_shelf_days, K.low_stock_threshold, K.active)):
            self.skus[(row.merchant_id, row.sku_code)] = row
            self.gtins[row.gtin] = (row.merchant_id, row.sku_code)
        self.warehouse_codes = {w.id: code for code, w in self.warehouses.items()}
        self._uow = uow

    def warehouse_code(self, warehouse_id: int) -> str:
        return self.warehouse_codes.get(warehouse_id, "?")

    def held(self) -> dict[int, int]:
        """Units on hand per location id (retiring a location that holds stock is refused)."""
        S = models.Stock
        return dict(self._uow.session.execute(
            select(S.location_id, func.sum(S.on_hand)).where(S.on_hand > 0).group_by(S.location_id)).all())


SKU_FIELDS = ("name", "name_zh", "weight_g", "length_mm", "width_mm", "height_mm", "fragile", "unit_value",
              "lot_tracked", "min_remaining_shelf_days", "low_stock_threshold", "active")
SKU_DEFAULTS = {"name_zh": "", "fragile": False, "lot_tracked": False, "min_remaining_shelf_days": 0,
                "low_stock_threshold": 0, "active": True}
LOCATION_FIELDS = ("aisle", "block", "slot", "level", "kind", "active")


def _changes(current: Any, row: dict, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: row[f] for f in fields if f in row and getattr(current, f) != row[f]}


def import_setup(uow: UnitOfWork, parsed: Parsed, *, commit: bool = True) -> SetupReport:
    """The use case: check the document against itself and the database, then write it; commits once.

    Raises SetupRefused (nothing written) when any check fails. Needs the admin role. `commit=False`
    leaves the commit to the caller (the demo builds its warehouse and its orders in one transaction).
    """
    require_role(uow.actor.role, Role.ADMIN)
    c = parsed.checks
    s = uow.session
    db = _Existing(uow)

    # ── within the file ──
    _duplicates(c, parsed.warehouses, lambda r: r["code"], "warehouses", "code")
    _duplicates(c, parsed.locations, lambda r: r["code"], "locations", "code")
    _duplicates(c, parsed.merchants, lambda r: r["code"], "merchants", "code")
    _duplicates(c, parsed.skus, lambda r: (r["merchant"], r["sku_code"]), "skus", "sku")
    _duplicates(c, parsed.skus, lambda r: r["gtin"], "skus", "gtin")
    _duplicates(c, parsed.promotions, lambda r: r["code"], "promotions", "code")
    _duplicates(c, parsed.users, lambda r: r["login"], "users", "login")
    _duplicates(c, [(w, r) for w, r in parsed.users if r.get("badge_code")], lambda r: r["badge_code"], "users",
                "badge")
    _duplicates(c, parsed.stock, lambda r: (r["location"], r["gtin"], r.get("lot")), "stock", "location")
    # A badge is a password: from here on only its keyed hash is kept, compared and written.
    for _, row in parsed.users:
        if row.get("badge_code"):
            row["badge_hash"] = badge_digest(s, row["badge_code"])
        row.pop("badge_code", None)

    # ── warehouses and locations ──
    layouts: dict[str, dict] = {code: w.layout for code, w in db.warehouses.items()}
    file_warehouses = {}
    for where, row in parsed.warehouses:
        current = db.warehouses.get(row["code"])
        if current is None:
            for needed in ("name", "layout"):
                if needed not in row:
                    c.problem(where, needed, "required for a new warehouse")
        if "layout" in row:
            layouts[row["code"]] = row["layout"]
        file_warehouses[row["code"]] = row
    wh_of_location: dict[str, str] = {}
    for where, row in parsed.locations:
        layout = layouts.get(row["warehouse"])
        current = db.locations.get(row["code"])
        if layout is None:
            c.problem(where, "warehouse", f"unknown warehouse {row['warehouse']}")
            continue
        if current is not None and db.warehouse_code(current.warehouse_id) != row["warehouse"]:
            c.problem(where, "code", f"location {row['code']} belongs to warehouse "
                      f"{db.warehouse_code(current.warehouse_id)}")
            continue
        for needed in ("aisle", "block", "slot", "level", "kind"):
            if needed not in row and current is None:
                c.problem(where, needed, "required for a new location")
        position = {k: row.get(k, getattr(current, k, None)) for k in ("aisle", "block", "slot")}
        if None not in position.values():
            outside = _inside(layout, **position)
            if outside:
                c.problem(where, outside, f"{position[outside]} lies outside the layout of {row['warehouse']} "
                          f"({layout['aisles']} aisles, {layout['blocks']} blocks, {layout['slots']} slots)")
        wh_of_location[row["code"]] = row["warehouse"]
    # A new layout must still hold the locations the file does not mention.
    for code, row in file_warehouses.items():
        current = db.warehouses.get(code)
        if current is None or "layout" not in row or row["layout"] == current.layout:
            continue
        for loc in db.locations.values():
            if loc.warehouse_id == current.id and loc.code not in wh_of_location:
                outside = _inside(row["layout"], loc.aisle, loc.block, loc.slot)
                if outside:
                    where = next(w for w, r in parsed.warehouses if r["code"] == code)
                    c.problem(f"{where}.layout", outside, f"location {loc.code} would lie outside the new layout")
                    break
    held = db.held() if any(r.get("active") is False for _, r in parsed.locations) else {}
    for where, row in parsed.locations:
        current = db.locations.get(row["code"])
        if row.get("active") is False and current is not None and current.active and held.get(current.id):
            c.problem(where, "active", f"location {row['code']} holds {held[current.id]} units: move them first")

    # ── merchants, SKUs, promotions, users ──
    merchants = set(db.merchants) | {r["code"] for _, r in parsed.merchants}
    for where, row in parsed.merchants:
        if row["code"] not in db.merchants and "name" not in row:
            c.problem(where, "name", "required for a new merchant")
    merchant_ids = {code: m.id for code, m in db.merchants.items()}
    for where, row in parsed.skus:
        if row["merchant"] not in merchants:
            c.problem(where, "merchant", f"unknown merchant {row['merchant']}")
            continue
        mid = merchant_ids.get(row["merchant"])
        current = db.skus.get((mid, row["sku_code"])) if mid is not None else None
        owner = db.gtins.get(row["gtin"])
        if owner is not None and (mid is None or owner != (mid, row["sku_code"])):
            holder = next((code for code, i in merchant_ids.items() if i == owner[0]), "?")
            c.problem(where, "gtin", f"{row['gtin']} belongs to {holder} {owner[1]} already")
        if current is None:
            for needed in ("name", "weight_g", "length_mm", "unit_value"):
                if needed not in row:
                    c.problem(where, "dims_mm" if needed == "length_mm" else
                              {"weight_g": "weight_g", "unit_value": "unit_value"}.get(needed, needed),
                              "required for a new SKU")
    for where, row in parsed.promotions:
        if row["merchant"] is not None and row["merchant"] not in merchants:
            c.problem(where, "merchant", f"unknown merchant {row['merchant']}")
    badges = {u.badge_hash: login for login, u in db.users.items() if u.badge_hash}
    for where, row in parsed.users:
        current = db.users.get(row["login"])
        if current is None:
            for needed in ("display_name", "role"):
                if needed not in row:
                    c.problem(where, "name" if needed == "display_name" else needed, "required for a new user")
        badge = row.get("badge_hash")
        if badge and badges.get(badge, row["login"]) != row["login"]:
            c.problem(where, "badge", f"this badge is {badges[badge]}'s already")

    # ── stock ──
    sku_by_gtin: dict[str, tuple[str, bool | None]] = {}  # gtin → (merchant, lot_tracked)
    for (mid, code), row in db.skus.items():
        sku_by_gtin[row.gtin] = (str(mid), row.lot_tracked)
    for _, row in parsed.skus:
        previous = sku_by_gtin.get(row["gtin"])
        sku_by_gtin[row["gtin"]] = (row["merchant"], row.get("lot_tracked", previous[1] if previous else False))
    known_locations = set(db.locations) | set(wh_of_location)
    for where, row in parsed.stock:
        if row["location"] not in known_locations:
            c.problem(where, "location", f"unknown location {row['location']}")
        sku = sku_by_gtin.get(row["gtin"])
        if sku is None:
            c.problem(where, "gtin", f"no SKU has the GTIN {row['gtin']}")
            continue
        if sku[1]:
            for needed in ("lot", "expiry"):
                if needed not in row:
                    c.problem(where, needed, "required: the SKU is lot-tracked")
        elif "lot" in row or "expiry" in row:
            c.problem(where, "lot" if "lot" in row else "expiry", "the SKU is not lot-tracked")

    if c.problems:
        raise SetupRefused(list(c.problems))

    report = SetupReport()
    audit: list[dict] = []
    _write_warehouses(uow, parsed, db, report, audit)
    _write_merchants(uow, parsed, db, report, audit)
    _write_skus(uow, parsed, db, report, audit)
    _write_promotions(uow, parsed, db, report, audit)
    _write_users(uow, parsed, db, report, audit)
    _write_stock(uow, parsed, report, audit)  # may raise SetupRefused: a location–SKU–lot holds other stock
    if audit:
        for entry in audit:
            entry.setdefault("user_id", uow.actor.user_id)
            entry.setdefault("station", uow.actor.station)
            entry.setdefault("at", datetime.now(UTC))
        _insert_many(s, models.AuditEntry, audit)
        uow.audit("setup_imported", "database", None, **{k: vars(v) for k, v in report.sections.items()})
        for topic in sorted({e["entity"] for e in audit}):
            uow.announce({"warehouse": "warehouses", "location": "warehouses", "merchant": "merchants",
                          "sku": "skus", "promotion": "promotions", "user": "users", "stock": "stock"}[topic],
                         None, event="setup_imported")
        if commit:
            uow.commit()
    return report


def _insert_many(s: Session, model: type, rows: list[dict[str, Any]]) -> None:
    """A section's new rows in bulk. SQLite: executemany (sqlite3 loops in C). PostgreSQL: COPY, in the
    session's transaction, each value through its column type as an INSERT would bind it (money as
    cents, times in UTC, JSON as text), a column a row leaves out taking its default; psycopg's
    executemany would send one statement per row (43 s of the 58 s for 50 000 SKUs and their audit)."""
    if not rows:
        return
    dialect = s.get_bind().dialect
    if dialect.name != "postgresql":
        s.execute(insert(model), rows)
        return
    s.flush()  # a COPY does not autoflush: rows the session holds must be in before it
    table = model.__table__
    given = {key for row in rows for key in row}
    columns = [c for c in table.columns if c.key in given or (c.default is not None and not c.primary_key)]
    makers = []
    for c in columns:
        if isinstance(c.type, JSON):  # psycopg's own JSON adapter is not there for COPY: text, as SQLAlchemy writes it
            process = json.dumps
        else:
            process = c.type.bind_processor(dialect) or _as_is
        default = c.default
        makers.append((c.key, process, default is not None and default.is_callable,
                       None if default is None else default.arg))
    raw = s.connection().connection.driver_connection
    names = ", ".join(f'"{c.name}"' for c in columns)
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            values = []
            for key, process, call, fill in makers:
                value = row[key] if key in row else (fill(None) if call else fill)
                values.append(None if value is None else process(value))
            copy.write_row(values)


def _as_is(value: Any) -> Any:
    return value


def _entry(action: str, entity: str, key: str, **detail: Any) -> dict:
    return {"action": action, "entity": entity, "entity_id": key[:40], "detail": _jsonable(detail)}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _verb(current: Any, changes: dict) -> tuple[str, str]:
    """How a change is counted and audited: setting `active` to false retires, anything else updates."""
    if changes.get("active") is False:
        return "retired", "retired"
    return "updated", "updated"


def _write_warehouses(uow: UnitOfWork, parsed: Parsed, db: _Existing, report: SetupReport, audit: list) -> None:
    s = uow.session
    counts = report.counts("warehouses") if parsed.warehouses else None
    for _, row in parsed.warehouses:
        current = db.warehouses.get(row["code"])
        if current is None:
            wh = models.Warehouse(code=row["code"], name=row["name"], city=row.get("city", ""),
                                  address=row.get("address", ""), layout=row["layout"], active=row.get("active", True))
            s.add(wh)
            s.flush()
            db.warehouses[wh.code] = wh
            counts.added += 1
            audit.append(_entry("warehouse_added", "warehouse", wh.code, **{k: v for k, v in row.items()}))
            continue
        changes = _changes(current, row, ("name", "city", "address", "layout", "active"))
        if changes:
            for k, v in changes.items():
                setattr(current, k, v)
            verb, _ = _verb(current, changes)
            setattr(counts, verb, getattr(counts, verb) + 1)
            audit.append(_entry(f"warehouse_{verb}", "warehouse", current.code, **changes))
            if "layout" in changes:  # every location moves with the layout
                for loc in s.scalars(select(models.Location).where(models.Location.warehouse_id == current.id)):
                    loc.x, loc.y = _position(current.layout, loc.aisle, loc.block, loc.slot)
        else:
            counts.unchanged += 1
    if not parsed.locations:
        return
    counts = report.counts("locations")
    new_rows = []
    for _, row in parsed.locations:
        wh = db.warehouses[row["warehouse"]]
        current = db.locations.get(row["code"])
        if current is None:
            x, y = _position(wh.layout, row["aisle"], row["block"], row["slot"])
            new_rows.append({"warehouse_id": wh.id, "code": row["code"], "zone": _zone(row["code"]),
                             "aisle": row["aisle"], "block": row["block"], "slot": row["slot"], "level": row["level"],
                             "kind": row["kind"], "active": row.get("active", True), "x": x, "y": y})
            audit.append(_entry("location_added", "location", row["code"], warehouse=wh.code, kind=row["kind"]))
            continue
        changes = _changes(current, row, LOCATION_FIELDS)
        if not changes:
            counts.unchanged += 1
            continue
        values = dict(changes)
        if {"aisle", "block", "slot"} & set(changes):
            values["x"], values["y"] = _position(wh.layout, row.get("aisle", current.aisle),
                                                 row.get("block", current.block), row.get("slot", current.slot))
        s.execute(update(models.Location).where(models.Location.id == current.id).values(**values))
        verb, _ = _verb(current, changes)
        setattr(counts, verb, getattr(counts, verb) + 1)
        audit.append(_entry(f"location_{verb}", "location", row["code"], **changes))
    if new_rows:
        _insert_many(s, models.Location, new_rows)
        counts.added += len(new_rows)


def _write_merchants(uow: UnitOfWork, parsed: Parsed, db: _Existing, report: SetupReport, audit: list) -> None:
    if not parsed.merchants:
        return
    s = uow.session
    counts = report.counts("merchants")
    fields = ("name", "phone", "address", "return_days", "warranty_days", "min_remaining_shelf_days",
              "standard_shipping_fee", "free_shipping_threshold", "shipping_regions", "merge_orders", "active")
    for _, row in parsed.merchants:
        current = db.merchants.get(row["code"])
        if current is None:
            m = models.Merchant(code=row["code"], **{k: v for k, v in row.items() if k != "code"})
            s.add(m)
            s.flush()
            db.merchants[m.code] = m
            counts.added += 1
            audit.append(_entry("merchant_added", "merchant", m.code, **{k: v for k, v in row.items()}))
            continue
        changes = _changes(current, row, fields)
        if changes:
            for k, v in changes.items():
                setattr(current, k, v)
            verb, _ = _verb(current, changes)
            setattr(counts, verb, getattr(counts, verb) + 1)
            audit.append(_entry(f"merchant_{verb}", "merchant", current.code, **changes))
        else:
            counts.unchanged += 1


def _write_skus(uow: UnitOfWork, parsed: Parsed, db: _Existing, report: SetupReport, audit: list) -> None:
    if not parsed.skus:
        return
    s = uow.session
    counts = report.counts("skus")
    new_rows, updates = [], []
    for _, row in parsed.skus:
        merchant = db.merchants[row["merchant"]]
        current = db.skus.get((merchant.id, row["sku_code"]))
        if current is None:
            values = {**SKU_DEFAULTS, **{k: v for k, v in row.items() if k != "merchant"}, "merchant_id": merchant.id}
            new_rows.append(values)
            audit.append(_entry("sku_added", "sku", row["sku_code"], merchant=merchant.code, gtin=row["gtin"]))
            continue
        changes = _changes(current, row, SKU_FIELDS + ("gtin",))
        if not changes:
            counts.unchanged += 1
            continue
        updates.append({"id": current.id, **changes})
        verb, _ = _verb(current, changes)
        setattr(counts, verb, getattr(counts, verb) + 1)
        audit.append(_entry(f"sku_{verb}", "sku", row["sku_code"], merchant=merchant.code, **changes))
    if new_rows:
        _insert_many(s, models.Sku, new_rows)
        counts.added += len(new_rows)
    for values in updates:
        sku_id = values.pop("id")
        s.execute(update(models.Sku).where(models.Sku.id == sku_id).values(**values))


def _write_promotions(uow: UnitOfWork, parsed: Parsed, db: _Existing, report: SetupReport, audit: list) -> None:
    if not parsed.promotions:
        return
    s = uow.session
    counts = report.counts("promotions")
    for _, row in parsed.promotions:
        merchant_id = db.merchants[row["merchant"]].id if row["merchant"] else None
        values = {"merchant_id": merchant_id, "kind": row["kind"], "params": row["params"],
                  "valid_from": row["valid_from"], "valid_to": row["valid_to"]}
        if "active" in row:
            values["active"] = row["active"]
        current = db.promotions.get(row["code"])
        if current is None:
            s.add(models.Promotion(code=row["code"], **values))
            counts.added += 1
            audit.append(_entry("promotion_added", "promotion", row["code"], **values))
            continue
        changes = {k: v for k, v in values.items() if getattr(current, k) != v}
        if changes:
            for k, v in changes.items():
                setattr(current, k, v)
            verb, _ = _verb(current, changes)
            setattr(counts, verb, getattr(counts, verb) + 1)
            audit.append(_entry(f"promotion_{verb}", "promotion", row["code"], **changes))
        else:
            counts.unchanged += 1


def _write_users(uow: UnitOfWork, parsed: Parsed, db: _Existing, report: SetupReport, audit: list) -> None:
    if not parsed.users:
        return
    s = uow.session
    counts = report.counts("users")
    for _, row in parsed.users:
        current = db.users.get(row["login"])
        if current is None:  # no PIN: nobody signs in as this person before an admin sets one
            user = models.User(login=row["login"], display_name=row["display_name"], role=row["role"],
                               name_zh=row.get("name_zh", ""), badge_hash=row.get("badge_hash"), pin_hash=None,
                               active=row.get("active", True))
            s.add(user)
            counts.added += 1
            audit.append(_entry("user_added", "user", row["login"], role=row["role"],
                                badge=bool(row.get("badge_hash"))))
            continue
        changes = _changes(current, row, ("display_name", "name_zh", "role", "badge_hash", "active"))
        if changes:
            for k, v in changes.items():
                setattr(current, k, v)
            verb, _ = _verb(current, changes)
            setattr(counts, verb, getattr(counts, verb) + 1)
            if "badge_hash" in changes:  # the audit says the badge changed, never what it hashes to
                changes["badge_hash"] = True
            audit.append(_entry(f"user_{verb}", "user", row["login"], **changes))
        else:
            counts.unchanged += 1
    s.flush()


def _write_stock(uow: UnitOfWork, parsed: Parsed, report: SetupReport, audit: list) -> None:
    if not parsed.stock:
        return
    s = uow.session
    s.flush()
    counts = report.counts("stock")
    L, K, Lo, S = models.Location, models.Sku, models.Lot, models.Stock
    location_ids = dict(s.execute(select(L.code, L.id).where(L.code.in_({r["location"] for _, r in parsed.stock}))
                                  ).all()) if len(parsed.stock) < 900 else dict(s.execute(select(L.code, L.id)).all())
    skus = {g: (i, t) for g, i, t in s.execute(select(K.gtin, K.id, K.lot_tracked))}
    lots = {(sku_id, code): (i, exp) for i, sku_id, code, exp in s.execute(select(Lo.id, Lo.sku_id, Lo.lot_code,
                                                                                 Lo.expiry))}
    held = {(loc, sku, lot): (i, on_hand, reserved) for i, loc, sku, lot, on_hand, reserved in s.execute(
        select(S.id, S.location_id, S.sku_id, S.lot_id, S.on_hand, S.reserved))}
    problems: list[SetupProblem] = []
    new_lots: dict[tuple[int, str], date | None] = {}
    for where, row in parsed.stock:
        sku_id, _ = skus[row["gtin"]]
        lot = row.get("lot")
        if lot is None:
            continue
        known = lots.get((sku_id, lot))
        expiry = row.get("expiry")
        if known is not None and known[1] != expiry:
            problems.append(SetupProblem(where, "expiry", f"lot {lot} is known with expiry {known[1]}"))
        elif known is None:
            if (sku_id, lot) in new_lots and new_lots[(sku_id, lot)] != expiry:
                problems.append(SetupProblem(where, "expiry", f"lot {lot} is given two expiries in the file"))
            new_lots[(sku_id, lot)] = expiry
    if new_lots and not problems:
        _insert_many(s, Lo, [{"sku_id": k, "lot_code": code, "expiry": exp} for (k, code), exp in new_lots.items()])
        lots = {(sku_id, code): (i, exp) for i, sku_id, code, exp in s.execute(
            select(Lo.id, Lo.sku_id, Lo.lot_code, Lo.expiry))}
    inserts, fills = [], []
    for where, row in parsed.stock:
        sku_id, _ = skus[row["gtin"]]
        lot_id = lots[(sku_id, row["lot"])][0] if row.get("lot") and (sku_id, row["lot"]) in lots else None
        key = (location_ids[row["location"]], sku_id, lot_id)
        current = held.get(key)
        if current is not None and current[1] == row["qty"]:
            counts.unchanged += 1  # this opening balance was counted already (the same file again)
            continue
        if current is not None and (current[1] or current[2]):
            problems.append(SetupProblem(where, "location", f"{row['location']} already holds {current[1]} of "
                                         f"{row['gtin']}" + (f" lot {row['lot']}" if row.get("lot") else "")))
            continue
        if current is not None:
            fills.append((current[0], row["qty"]))
        else:
            inserts.append({"location_id": key[0], "sku_id": sku_id, "lot_id": lot_id, "on_hand": row["qty"],
                            "reserved": 0, "version": 1})
        audit.append(_entry("stock_adjusted", "stock", row["location"], reason="opening_balance", gtin=row["gtin"],
                            lot=row.get("lot"), before=0, after=row["qty"]))
    if problems:
        raise SetupRefused(problems)
    if inserts:
        _insert_many(s, S, inserts)
    for stock_id, qty in fills:
        s.execute(update(S).where(S.id == stock_id).values(on_hand=qty, version=S.version + 1))
    counts.added += len(inserts) + len(fills)
    # The ledger's first rows, set-based as the stock itself (COPY on PostgreSQL): replaying them gives
    # the opening balance. A fill started from an empty row, so its movement is the whole quantity.
    filled = {stock_id: qty for stock_id, qty in fills}
    keys = {i: key for key, (i, _, _) in held.items() if i in filled}
    movements = [movement_row(uow, location_id=r["location_id"], sku_id=r["sku_id"], lot_id=r["lot_id"],
                              delta=r["on_hand"], kind=MovementKind.OPENING_BALANCE, ref="setup")
                 for r in inserts if r["on_hand"]]
    movements += [movement_row(uow, location_id=keys[i][0], sku_id=keys[i][1], lot_id=keys[i][2], delta=qty,
                               kind=MovementKind.OPENING_BALANCE, ref="setup") for i, qty in filled.items() if qty]
    if movements:
        now = utcnow()
        for m in movements:
            m["at"] = now
        _insert_many(s, models.StockMovement, movements)


# ─── export ─────────────────────────────────────────────────────────────────────


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{Decimal(value).quantize(CENT):.2f}"


def _moment(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def _drop_none(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}


def export_sections(uow: UnitOfWork) -> Iterator[tuple[str, Iterator[dict]]]:
    """Each section's rows in the format, ordered by code (what `write_setup` streams out)."""
    s = uow.session
    merchant_codes = dict(s.execute(select(models.Merchant.id, models.Merchant.code)).all())

    def warehouses() -> Iterator[dict]:
        for wh in s.scalars(select(models.Warehouse).order_by(models.Warehouse.code)):
            L = models.Location
            locations = [_drop_none({"code": loc.code, "aisle": loc.aisle, "block": loc.block, "slot": loc.slot,
                                     "level": loc.level, "kind": loc.kind, "active": None if loc.active else False})
                         for loc in s.execute(select(L.code, L.aisle, L.block, L.slot, L.level, L.kind, L.active)
                                              .where(L.warehouse_id == wh.id).order_by(L.code))]
            layout = {k: wh.layout[k] for k in LAYOUT_KEYS if k in wh.layout}
            for k in ("block_length", "aisle_spacing", "depot_x"):
                if k in layout:
                    layout[k] = float(layout[k])
            cart = {k: v for k, v in (wh.layout.get("cart") or {}).items() if k in CART_KEYS and v is not None}
            if cart:
                layout["cart"] = cart
            yield _drop_none({"code": wh.code, "name": wh.name, "city": wh.city, "address": wh.address,
                              "layout": layout, "locations": locations, "active": None if wh.active else False})

    def merchants() -> Iterator[dict]:
        for m in s.scalars(select(models.Merchant).order_by(models.Merchant.code)):
            shipping = _drop_none({"free_threshold": _money(m.free_shipping_threshold),
                                   "standard_fee": _money(m.standard_shipping_fee),
                                   "regions": list(m.shipping_regions) or None})
            yield _drop_none({"code": m.code, "name": m.name, "phone": m.phone, "address": m.address,
                              "return_days": m.return_days, "warranty_days": m.warranty_days,
                              "min_remaining_shelf_days": m.min_remaining_shelf_days, "shipping": shipping,
                              "merge_orders": None if m.merge_orders else False,
                              "active": None if m.active else False})

    def skus() -> Iterator[dict]:
        K = models.Sku
        q = (select(K).join(models.Merchant, K.merchant_id == models.Merchant.id)
             .order_by(models.Merchant.code, K.sku_code).execution_options(yield_per=2000))
        for k in s.scalars(q):
            yield _drop_none({"merchant": merchant_codes[k.merchant_id], "sku": k.sku_code, "gtin": k.gtin,
                              "name": k.name, "name_zh": k.name_zh, "weight_g": k.weight_g,
                              "dims_mm": [k.length_mm, k.width_mm, k.height_mm], "fragile": k.fragile,
                              "unit_value": _money(k.unit_value), "lot_tracked": k.lot_tracked,
                              "min_remaining_shelf_days": k.min_remaining_shelf_days,
                              "low_stock_threshold": k.low_stock_threshold, "active": None if k.active else False})

    def promotions() -> Iterator[dict]:
        for p in s.scalars(select(models.Promotion).order_by(models.Promotion.code)):
            yield _drop_none({"code": p.code, "kind": p.kind,
                              "merchant": merchant_codes.get(p.merchant_id) if p.merchant_id else None,
                              **{k: p.params[k] for k in PROMOTION_KINDS.get(p.kind, {}) if k in p.params},
                              "valid_from": _moment(p.valid_from), "valid_to": _moment(p.valid_to),
                              "active": None if p.active else False})

    def users() -> Iterator[dict]:
        for u in s.scalars(select(models.User).order_by(models.User.login)):
            yield _drop_none({"login": u.login, "name": u.display_name, "name_zh": u.name_zh or None, "role": u.role,
                              "active": None if u.active else False})  # badges are kept hashed: not exported

    def stock() -> Iterator[dict]:
        S, L, K, Lo = models.Stock, models.Location, models.Sku, models.Lot
        q = (select(L.code, K.gtin, Lo.lot_code, Lo.expiry, S.on_hand).select_from(S)
             .join(L, S.location_id == L.id).join(K, S.sku_id == K.id).outerjoin(Lo, S.lot_id == Lo.id)
             .where(S.on_hand > 0).order_by(L.code, K.gtin, Lo.lot_code).execution_options(yield_per=5000))
        for code, gtin, lot, expiry, qty in s.execute(q):
            yield _drop_none({"location": code, "gtin": gtin, "lot": lot,
                              "expiry": expiry.isoformat() if expiry else None, "qty": qty})

    return iter([("warehouses", warehouses()), ("merchants", merchants()), ("skus", skus()),
                 ("promotions", promotions()), ("users", users()), ("stock", stock())])


def write_setup(uow: UnitOfWork, out: IO[str]) -> dict[str, int]:
    """Write the whole set-up document to `out`, one item per line; return the count per section."""
    counts: dict[str, int] = {}
    out.write("{")
    for n, (name, rows) in enumerate(export_sections(uow)):
        out.write(("," if n else "") + f"\n  {json.dumps(name)}: [")
        count = 0
        for row in rows:
            out.write(("," if count else "") + "\n    " + json.dumps(row, ensure_ascii=False))
            count += 1
        out.write("\n  ]" if count else "]")
        counts[name] = count
    out.write("\n}\n")
    return counts


def export_setup(uow: UnitOfWork) -> dict[str, list[dict]]:
    """The whole document as one object (tests, the demo); `write_setup` streams the same."""
    return {name: list(rows) for name, rows in export_sections(uow)}


def parse_document(document: dict) -> Parsed:
    """Check a document already in memory (the demo builds its own)."""
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return read_json(io.BytesIO(data))

