"""The packing bench's rules, in plain Python: verify every unit, choose the carton, check the
weight, choose the carrier, insure.

Nothing here touches a database or a window; the packing service (`desktop.services.packing`) and
the packer's screen both call these functions, and the service checks again what the screen did.

The rules, with their figures:

* **Checklist** — every unit the picker put in the tote is scanned again. A unit is accepted when
  its GTIN is on the order, its lot is one the picker took (lot-tracked goods), it is not expired,
  and the line (and that lot) still has units to pack. Anything else is refused with a typed
  `UnitRefused(reason)` and nothing is recorded. Units not yet scanned block the last parcel.
* **Carton** — the smallest carton (by inner volume) whose volume holds the items' volume × 1.3
  (× 1.6 when something is fragile: room for bubble wrap and void fill), whose sides hold the
  largest item (sides compared sorted, so an item may lie any way), and whose maximum load holds
  the items' weight. If none fits, the largest carton is suggested with a note to split the order
  into more parcels.
* **Weight** — expected = items + carton. A reading passes when it is within
  max(20 g, 3 % of expected) of it: 20 g covers a scale's resolution and a sticker or two on small
  parcels; 3 % covers void fill and the tolerance on product weights of larger ones. A missing or
  extra unit of the lightest demo product (60 g) is caught in parcels up to 2 kg.
* **Carrier** — a service is eligible when the carrier serves the destination (international
  countries listed; provinces it does not serve listed as its `remote_provinces`), takes the
  weight (`max_weight_g`) and, for cash on delivery, collects it (`cod`). Cost = base + per_kg for
  each started kilogram after the first + the remote-region surcharge (regions in
  `REMOTE_REGIONS`) + insurance (`insurance_rate` × insured value). The urgency asks for a
  delivery time (urgent: 1 day, expedited: 2 days, normal: any); the cheapest eligible service
  meeting it wins (ties: faster, then carrier code); if none meets it, the fastest eligible one.
* **Insurance** — parcels worth `INSURANCE_THRESHOLD` (1000 CNY) or more are insured for their
  full goods value.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from desktop.domain.errors import PickdeskError
from desktop.domain.lifecycle import PriorityClass

# ─── cartons ────────────────────────────────────────────────────────────────────


class Carton(NamedTuple):
    """A carton on the bench: inner dimensions (mm), its own weight and the most it may carry (g)."""

    code: str
    length_mm: int
    width_mm: int
    height_mm: int
    own_weight_g: int
    max_load_g: int

    @property
    def volume_mm3(self) -> int:
        return self.length_mm * self.width_mm * self.height_mm

    @property
    def sides(self) -> tuple[int, int, int]:
        return tuple(sorted((self.length_mm, self.width_mm, self.height_mm), reverse=True))  # type: ignore[return-value]

    def describe(self) -> str:
        return f"{self.code} · {self.length_mm}×{self.width_mm}×{self.height_mm} mm"


# The source of truth for the cartons a bench stocks (the demo warehouse uses the same list).
CARTONS: list[Carton] = [
    Carton("S1", 200, 150, 100, 80, 3000),
    Carton("M2", 300, 220, 150, 150, 8000),
    Carton("L3", 400, 300, 250, 280, 15000),
    Carton("XL4", 550, 400, 350, 450, 25000),
]

VOLUME_ALLOWANCE = 1.3  # packing allowance: items never fill a box completely
FRAGILE_ALLOWANCE = 1.6  # fragile goods: bubble wrap around each unit and void fill


@dataclass(frozen=True)
class PackItem:
    """Units of one product as the carton and weight rules see them."""

    sku: str
    qty: int
    weight_g: int
    length_mm: int
    width_mm: int
    height_mm: int
    fragile: bool = False
    name: str = ""

    @property
    def volume_mm3(self) -> int:
        return self.length_mm * self.width_mm * self.height_mm * self.qty

    @property
    def sides(self) -> tuple[int, int, int]:
        return tuple(sorted((self.length_mm, self.width_mm, self.height_mm), reverse=True))  # type: ignore[return-value]


@dataclass(frozen=True)
class Note:
    """A line for the packer, in both languages."""

    en: str
    zh: str

    def __str__(self) -> str:
        return f"{self.en} · {self.zh}"


@dataclass(frozen=True)
class CartonChoice:
    carton: Carton
    fits: bool  # False: nothing fits, the largest is suggested
    fill: float  # items' volume (with allowance) / carton volume
    notes: tuple[Note, ...] = ()


FRAGILE_NOTES = (
    Note("Wrap each fragile unit in two layers of bubble wrap.", "每件易碎品用两层气泡膜包裹。"),
    Note("Fill every gap so nothing moves; heavy items at the bottom.", "填满空隙使物品不晃动；重物放底部。"),
    Note("Put a FRAGILE sticker on the top and two sides.", "在顶面和两个侧面贴「易碎」标签。"),
)


def _fits(item_sides: tuple[int, int, int], carton_sides: tuple[int, int, int]) -> bool:
    return all(i <= c for i, c in zip(item_sides, carton_sides, strict=True))


def suggest_carton(items: Iterable[PackItem], cartons: Sequence[Carton] = CARTONS) -> CartonChoice:
    """The smallest carton that holds `items` (see the module notes), or the largest with a note."""
    items = [i for i in items if i.qty > 0]
    if not cartons:
        raise ValueError("no cartons to choose from")
    by_size = sorted(cartons, key=lambda c: (c.volume_mm3, c.max_load_g))
    fragile = any(i.fragile for i in items)
    allowance = FRAGILE_ALLOWANCE if fragile else VOLUME_ALLOWANCE
    volume = sum(i.volume_mm3 for i in items) * allowance
    weight = sum(i.weight_g * i.qty for i in items)
    notes: list[Note] = []
    if fragile:
        names = ", ".join(sorted({i.name or i.sku for i in items if i.fragile}))
        notes.append(Note(f"Fragile: {names}", f"易碎品：{names}"))
        notes.extend(FRAGILE_NOTES)
    for carton in by_size:
        if (volume <= carton.volume_mm3 and weight <= carton.max_load_g
                and all(_fits(i.sides, carton.sides) for i in items)):
            return CartonChoice(carton, True, volume / carton.volume_mm3, tuple(notes))
    largest = by_size[-1]
    notes.insert(0, Note(f"Nothing fits one carton: use {largest.code} and split into more parcels.",
                         f"单个纸箱装不下：请用 {largest.code} 并分成多个包裹。"))
    return CartonChoice(largest, False, volume / largest.volume_mm3, tuple(notes))


def carton_by_code(code: str, cartons: Sequence[Carton] = CARTONS) -> Carton:
    for carton in cartons:
        if carton.code == code:
            return carton
    raise UnknownCarton(code)


class UnknownCarton(PickdeskError):
    code = "unknown_carton"

    def __init__(self, carton: str) -> None:
        super().__init__(f"There is no carton {carton!r} on this bench.", f"本工作台没有纸箱 {carton!r}。")
        self.carton = carton


# ─── weight ─────────────────────────────────────────────────────────────────────

TOLERANCE_MIN_G = 20
TOLERANCE_PERCENT = Decimal("3")


def expected_weight(items: Iterable[PackItem], carton: Carton) -> int:
    """Grams the scale should show: the units plus the carton."""
    return sum(i.weight_g * i.qty for i in items) + carton.own_weight_g


def weight_tolerance(expected_g: int) -> int:
    """max(20 g, 3 % of the expected weight), in whole grams (rounded half up)."""
    percent = (Decimal(expected_g) * TOLERANCE_PERCENT / 100).quantize(Decimal(1), ROUND_HALF_UP)
    return max(TOLERANCE_MIN_G, int(percent))


@dataclass(frozen=True)
class WeightVerdict:
    expected_g: int
    measured_g: int
    tolerance_g: int

    @property
    def difference_g(self) -> int:
        return self.measured_g - self.expected_g

    @property
    def ok(self) -> bool:
        return abs(self.difference_g) <= self.tolerance_g

    def describe(self) -> Note:
        diff = self.difference_g
        if self.ok:
            return Note(f"Weight OK ({diff:+d} g, tolerance ±{self.tolerance_g} g).",
                        f"重量正确（{diff:+d} 克，允差 ±{self.tolerance_g} 克）。")
        what, what_zh = ("heavier", "偏重") if diff > 0 else ("lighter", "偏轻")
        return Note(f"Weight mismatch: {abs(diff)} g {what} than expected (tolerance ±{self.tolerance_g} g). "
                    "Check the contents and weigh again.",
                    f"重量不符：比预期{what_zh} {abs(diff)} 克（允差 ±{self.tolerance_g} 克）。请核对内容后重新称重。")


def grams(value: Decimal | int | float | str) -> int:
    """A scale reading as whole grams (half up)."""
    return int(Decimal(str(value)).quantize(Decimal(1), ROUND_HALF_UP))


def weight_check(expected_g: int, measured_g: Decimal | int) -> WeightVerdict:
    return WeightVerdict(int(expected_g), grams(measured_g), weight_tolerance(int(expected_g)))


# ─── insurance ──────────────────────────────────────────────────────────────────

INSURANCE_THRESHOLD = Decimal("1000.00")  # CNY: parcels worth this much or more are insured


def insure(value: Decimal) -> Decimal | None:
    """The insured value of a parcel worth `value` (its full value), or None below the threshold."""
    value = Decimal(value)
    return value.quantize(Decimal("0.01")) if value >= INSURANCE_THRESHOLD else None


# ─── carriers ───────────────────────────────────────────────────────────────────

# Regions a carrier may charge a surcharge for (its `remote_surcharge`) or not serve at all
# (its own `remote_provinces`).
REMOTE_REGIONS = frozenset({"新疆维吾尔自治区", "西藏自治区", "青海省", "内蒙古自治区", "宁夏回族自治区", "甘肃省"})

DAYS_FOR_PRIORITY = {PriorityClass.URGENT: 1, PriorityClass.EXPEDITED: 2, PriorityClass.NORMAL: None}


@dataclass(frozen=True)
class CarrierDefinition:
    code: str
    name: str
    name_zh: str
    definition: Mapping[str, Any]


@dataclass(frozen=True)
class Destination:
    country: str
    province: str = ""

    @property
    def domestic(self) -> bool:
        return self.country == "CN"


@dataclass(frozen=True)
class CarrierOption:
    carrier: str
    service: str
    label: str
    days: int
    cost: Decimal | None  # None: not eligible
    refused: Note | None = None

    @property
    def eligible(self) -> bool:
        return self.refused is None


@dataclass(frozen=True)
class CarrierChoice:
    carrier: str
    service: str
    cost: Decimal
    days: int
    reason: Note
    options: tuple[CarrierOption, ...] = field(default=(), compare=False)


class NoCarrier(PickdeskError):
    code = "no_carrier"


def _money(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def _refusal(carrier: CarrierDefinition, destination: Destination, weight_g: int, cod: bool) -> Note | None:
    d = carrier.definition
    if destination.domestic:
        if destination.province in d.get("remote_provinces", []):
            return Note(f"does not deliver to {destination.province}", f"不配送至{destination.province}")
    elif destination.country not in d.get("international", []):
        return Note(f"does not ship to {destination.country}", f"不承运寄往 {destination.country} 的包裹")
    limit = int(d.get("max_weight_g", 0) or 0)
    if limit and weight_g > limit:
        return Note(f"takes at most {limit / 1000:g} kg", f"单件最重 {limit / 1000:g} 公斤")
    if cod and not d.get("cod", False):
        return Note("does not collect cash on delivery", "不支持货到付款")
    return None


def shipping_cost(definition: Mapping[str, Any], service: str, destination: Destination, weight_g: int,
                  insured_value: Decimal | None = None) -> Decimal:
    """base + per_kg × each started kilogram after the first + remote surcharge + insurance."""
    svc = definition["services"][service]
    extra_kg = max(0, math.ceil(max(weight_g, 1) / 1000) - 1)
    cost = _money(svc["base"]) + _money(svc["per_kg"]) * extra_kg
    if destination.domestic and destination.province in REMOTE_REGIONS:
        cost += _money(definition.get("remote_surcharge", "0"))
    if insured_value is not None:
        cost += _money(Decimal(str(definition.get("insurance_rate", "0"))) * insured_value)
    return cost.quantize(Decimal("0.01"))


def carrier_options(carriers: Iterable[CarrierDefinition], destination: Destination, weight_g: int, *,
                    cod: bool = False, value: Decimal = Decimal(0)) -> list[CarrierOption]:
    """Every service of every carrier, priced, or with why it cannot take this parcel."""
    insured = insure(value)
    out = []
    for carrier in carriers:
        refused = _refusal(carrier, destination, weight_g, cod)
        for service, svc in carrier.definition.get("services", {}).items():
            cost = None if refused else shipping_cost(carrier.definition, service, destination, weight_g, insured)
            out.append(CarrierOption(carrier.code, service, svc.get("label", service), int(svc["days"]), cost, refused))
    return out


def choose_carrier(carriers: Iterable[CarrierDefinition], destination: Destination, weight_g: int,
                   priority_class: str = PriorityClass.NORMAL, cod: bool = False, value: Decimal = Decimal(0)) -> CarrierChoice:
    """The cheapest eligible service that meets the urgency's days (see the module notes)."""
    options = carrier_options(carriers, destination, weight_g, cod=cod, value=value)
    eligible = [o for o in options if o.eligible]
    if not eligible:
        why = "; ".join(f"{o.carrier}: {o.refused.en}" for o in options if o.refused)
        why_zh = "；".join(f"{o.carrier}：{o.refused.zh}" for o in options if o.refused)
        raise NoCarrier(f"No carrier can take this parcel ({why}).", f"没有承运商能承运此包裹（{why_zh}）。")
    days = DAYS_FOR_PRIORITY.get(priority_class)
    fast_enough = [o for o in eligible if days is None or o.days <= days]
    excluded = sorted({o.carrier for o in options if not o.eligible})
    excluded_en = "".join(f"; {c} {next(o.refused.en for o in options if o.carrier == c)}" for c in excluded)
    excluded_zh = "".join(f"；{c}{next(o.refused.zh for o in options if o.carrier == c)}" for c in excluded)
    if fast_enough:
        best = min(fast_enough, key=lambda o: (o.cost, o.days, o.carrier))
        within = f" within {days} day{'s' if days > 1 else ''} ({priority_class})" if days else ""
        within_zh = f"（{priority_class}，{days} 天内）" if days else ""
        reason = Note(f"Cheapest{within}: ¥{best.cost}, {best.days} day(s){excluded_en}",
                      f"最便宜{within_zh}：¥{best.cost}，{best.days} 天{excluded_zh}")
    else:
        best = min(eligible, key=lambda o: (o.days, o.cost, o.carrier))
        reason = Note(f"No service arrives within {days} day(s): fastest is {best.days} day(s), ¥{best.cost}{excluded_en}",
                      f"没有 {days} 天内送达的服务：最快 {best.days} 天，¥{best.cost}{excluded_zh}")
    return CarrierChoice(best.carrier, best.service, best.cost, best.days, reason, tuple(options))


def s10_tracking(prefix: str, serial: int, country: str = "CN") -> str:
    """A UPU S10 item number (EMS): two letters, eight digits, a check digit, the country."""
    digits = f"{serial % 10**8:08d}"
    total = sum(int(d) * w for d, w in zip(digits, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = {10: 0, 11: 5}.get(11 - total % 11, 11 - total % 11)
    return f"{prefix}{digits}{check}{country}"


def tracking_number(definition: Mapping[str, Any], serial: int) -> str:
    """A tracking number in the carrier's format (`tracking_format` S10, else prefix + digits)."""
    if definition.get("tracking_format") == "S10":
        prefix = definition.get("tracking_prefix", "E")
        return s10_tracking((prefix + "A")[:2] if len(prefix) < 2 else prefix[:2], serial)
    digits = int(definition.get("tracking_digits", 12))
    return f"{definition.get('tracking_prefix', '')}{serial % 10**digits:0{digits}d}"


# ─── the checklist ──────────────────────────────────────────────────────────────


class RefusedReason(enum.StrEnum):
    WRONG_ITEM = "wrong_item"
    WRONG_LOT = "wrong_lot"
    NO_LOT = "no_lot"
    EXPIRED = "expired"
    EXTRA_UNIT = "extra_unit"


class UnitRefused(PickdeskError):
    """A scanned unit that must not go in the parcel; nothing was recorded."""

    code = "unit_refused"

    def __init__(self, reason: RefusedReason, message: str, message_zh: str) -> None:
        super().__init__(message, message_zh)
        self.reason = reason


@dataclass(frozen=True)
class PickedLot:
    """Units of one lot the picker put in the tote for a line (lot None: not lot-tracked or unknown)."""

    lot: str | None
    expiry: date | None
    qty: int


@dataclass(frozen=True)
class ChecklistLine:
    line_no: int
    sku: str
    gtin: str
    name: str
    name_zh: str
    qty: int  # units to pack (picked, not yet in a closed parcel)
    lots: tuple[PickedLot, ...]  # empty: which lot was picked is not known — any unexpired lot passes
    lot_tracked: bool
    fragile: bool
    weight_g: int
    length_mm: int
    width_mm: int
    height_mm: int
    unit_value: Decimal = Decimal(0)


@dataclass(frozen=True)
class PackedUnit:
    line_no: int
    lot: str | None
    expiry: date | None


@dataclass(frozen=True)
class Blocker:
    """Why the parcel cannot be closed yet."""

    kind: str  # missing, weight, carrier
    note: Note


class PackChecklist:
    """The units an order still needs packed, and what has been scanned into the parcel so far.

    `scan(gtin, lot, expiry)` accepts one unit or raises `UnitRefused`. `contents()` is the current
    parcel as (line_no, lot, qty); `close_parcel()` moves it to the closed parcels and starts the
    next one.
    """

    def __init__(self, lines: Iterable[ChecklistLine], today: date) -> None:
        self.lines = {ln.line_no: ln for ln in lines}
        self.today = today
        self.current: list[PackedUnit] = []
        self.closed: list[list[PackedUnit]] = []

    # -- counting ---------------------------------------------------------------------------------

    def packed(self, line_no: int, lot: str | None = None, *, any_lot: bool = True) -> int:
        units = [u for parcel in (*self.closed, self.current) for u in parcel if u.line_no == line_no]
        return len(units) if any_lot else sum(1 for u in units if u.lot == lot)

    def in_parcel(self, line_no: int) -> int:
        return sum(1 for u in self.current if u.line_no == line_no)

    def remaining(self, line_no: int) -> int:
        return self.lines[line_no].qty - self.packed(line_no)

    @property
    def missing_units(self) -> int:
        return sum(self.remaining(n) for n in self.lines)

    @property
    def complete(self) -> bool:
        return self.missing_units == 0

    def contents(self) -> list[tuple[int, str | None, int]]:
        out: dict[tuple[int, str | None], int] = {}
        for unit in self.current:
            out[(unit.line_no, unit.lot)] = out.get((unit.line_no, unit.lot), 0) + 1
        return [(line_no, lot, qty) for (line_no, lot), qty in sorted(out.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))]

    def parcel_items(self) -> list[PackItem]:
        items = []
        for line_no, _lot, qty in self.contents():
            ln = self.lines[line_no]
            items.append(PackItem(ln.sku, qty, ln.weight_g, ln.length_mm, ln.width_mm, ln.height_mm, ln.fragile,
                                  ln.name_zh or ln.name))
        return items

    def parcel_value(self) -> Decimal:
        return sum((self.lines[n].unit_value * q for n, _lot, q in self.contents()), Decimal(0))

    def remaining_items(self) -> list[PackItem]:
        """Everything not yet in a closed parcel (what the next carton must hold)."""
        items = []
        for ln in self.lines.values():
            qty = ln.qty - sum(1 for parcel in self.closed for u in parcel if u.line_no == ln.line_no)
            if qty > 0:
                items.append(PackItem(ln.sku, qty, ln.weight_g, ln.length_mm, ln.width_mm, ln.height_mm, ln.fragile,
                                      ln.name_zh or ln.name))
        return items

    # -- scanning ---------------------------------------------------------------------------------

    def check(self, gtin: str, lot: str | None = None, expiry: date | None = None) -> PackedUnit:
        """The unit a scan would add, or UnitRefused; nothing changes."""
        candidates = [ln for ln in self.lines.values() if ln.gtin == gtin]
        if not candidates:
            raise UnitRefused(RefusedReason.WRONG_ITEM, f"This item ({gtin}) is not on this order. Put it aside.",
                              f"此商品（{gtin}）不在本订单中，请放到一旁。")
        open_lines = [ln for ln in candidates if self.remaining(ln.line_no) > 0]
        if not open_lines:
            ln = candidates[0]
            raise UnitRefused(RefusedReason.EXTRA_UNIT,
                              f"Extra unit: all {ln.qty} of {ln.name} are already packed. Put it aside.",
                              f"多出的商品：{ln.name_zh or ln.name} 的 {ln.qty} 件已全部装箱，请放到一旁。")
        ln = open_lines[0]
        if expiry is not None and expiry < self.today:
            raise UnitRefused(RefusedReason.EXPIRED, f"Expired on {expiry:%Y-%m-%d}: do not ship. Give it to a supervisor.",
                              f"已于 {expiry:%Y-%m-%d} 过期：不能发货，请交给主管。")
        if not ln.lots:
            if ln.lot_tracked and not lot:
                raise UnitRefused(RefusedReason.NO_LOT, "Scan the barcode with the lot (GS1, with (10) and (17)).",
                                  "请扫描带批号的条码（GS1，含 (10) 和 (17)）。")
            return PackedUnit(ln.line_no, lot, expiry)
        picked = {p.lot: p for p in ln.lots}
        if lot is None and None not in picked:
            raise UnitRefused(RefusedReason.NO_LOT, "Scan the barcode with the lot (GS1, with (10) and (17)).",
                              "请扫描带批号的条码（GS1，含 (10) 和 (17)）。")
        if lot not in picked:
            expected = ", ".join(p.lot or "—" for p in ln.lots)
            raise UnitRefused(RefusedReason.WRONG_LOT, f"Wrong lot {lot}: the picker took lot {expected}.",
                              f"批号 {lot} 不对：拣货批号为 {expected}。")
        p = picked[lot]
        if p.expiry is not None and p.expiry < self.today:
            raise UnitRefused(RefusedReason.EXPIRED, f"Lot {lot} expired on {p.expiry:%Y-%m-%d}: do not ship.",
                              f"批号 {lot} 已于 {p.expiry:%Y-%m-%d} 过期：不能发货。")
        if self.packed(ln.line_no, lot, any_lot=False) >= p.qty:
            raise UnitRefused(RefusedReason.EXTRA_UNIT,
                              f"Extra unit of lot {lot}: all {p.qty} picked are already packed.",
                              f"批号 {lot} 多出一件：拣出的 {p.qty} 件已全部装箱。")
        return PackedUnit(ln.line_no, lot, p.expiry or expiry)

    def scan(self, gtin: str, lot: str | None = None, expiry: date | None = None) -> PackedUnit:
        unit = self.check(gtin, lot, expiry)
        self.current.append(unit)
        return unit

    def undo_last(self) -> PackedUnit | None:
        return self.current.pop() if self.current else None

    def close_parcel(self) -> list[PackedUnit]:
        parcel, self.current = self.current, []
        if parcel:
            self.closed.append(parcel)
        return parcel

    def blockers(self) -> list[Blocker]:
        if self.complete:
            return []
        return [Blocker("missing", Note(f"{self.missing_units} unit(s) not scanned yet.",
                                        f"还有 {self.missing_units} 件未扫描。"))]


def validate_contents(lines: Mapping[int, ChecklistLine], already_packed: Mapping[tuple[int, str | None], int],
                      contents: Iterable[tuple[int, str | None, int]], today: date) -> None:
    """Server-side check of a parcel's contents against what was picked (raises UnitRefused)."""
    seen: dict[tuple[int, str | None], int] = {}
    per_line: dict[int, int] = {}
    for line_no, lot, qty in contents:
        if line_no not in lines:
            raise UnitRefused(RefusedReason.WRONG_ITEM, f"Line {line_no} is not on this order.",
                              f"本订单没有第 {line_no} 行。")
        if qty <= 0:
            raise UnitRefused(RefusedReason.EXTRA_UNIT, "A parcel line needs at least one unit.", "每行至少一件。")
        seen[(line_no, lot)] = seen.get((line_no, lot), 0) + qty
        per_line[line_no] = per_line.get(line_no, 0) + qty
    for line_no, qty in per_line.items():
        ln = lines[line_no]
        done = sum(q for (n, _lot), q in already_packed.items() if n == line_no)
        if done + qty > ln.qty:
            raise UnitRefused(RefusedReason.EXTRA_UNIT,
                              f"Line {line_no} ({ln.name}): {done + qty} units packed, only {ln.qty} picked.",
                              f"第 {line_no} 行（{ln.name_zh or ln.name}）：装箱 {done + qty} 件，只拣了 {ln.qty} 件。")
    for (line_no, lot), qty in seen.items():
        ln = lines[line_no]
        if not ln.lots:
            if ln.lot_tracked and not lot:
                raise UnitRefused(RefusedReason.NO_LOT, f"Line {line_no} needs its lot.", f"第 {line_no} 行需要批号。")
            continue
        picked = {p.lot: p for p in ln.lots}
        if lot not in picked:
            raise UnitRefused(RefusedReason.WRONG_LOT, f"Line {line_no}: lot {lot} was not picked.",
                              f"第 {line_no} 行：批号 {lot} 未被拣货。")
        p = picked[lot]
        if p.expiry is not None and p.expiry < today:
            raise UnitRefused(RefusedReason.EXPIRED, f"Lot {lot} expired on {p.expiry:%Y-%m-%d}.",
                              f"批号 {lot} 已于 {p.expiry:%Y-%m-%d} 过期。")
        if already_packed.get((line_no, lot), 0) + qty > p.qty:
            raise UnitRefused(RefusedReason.EXTRA_UNIT, f"Line {line_no}, lot {lot}: more units than picked ({p.qty}).",
                              f"第 {line_no} 行批号 {lot}：多于拣货数量（{p.qty}）。")
