"""Counting a bin: what a counter found, and how far a count may differ from the record unchecked.

Plain Python: no database, no window. A `CountSheet` gathers what the counter scans at one count
(bins, items with their lot, quantities); `tolerance` says how many units a line may differ from the
record before a supervisor has to approve it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from desktop.domain.errors import PickdeskError

# A unit worth this much or more is counted exactly: any difference goes to a supervisor.
HIGH_VALUE = Decimal("500.00")
# Otherwise a line may differ by 2 % of the record, and by at least one unit, and be adjusted unchecked.
TOLERANCE_PERCENT = Decimal("2")
TOLERANCE_MIN_UNITS = 1


def tolerance(expected: int, unit_value: Decimal) -> int:
    """How many units a counted line may differ from `expected` without a supervisor's approval."""
    if unit_value >= HIGH_VALUE:
        return 0
    share = (Decimal(max(expected, 0)) * TOLERANCE_PERCENT / Decimal(100)).to_integral_value(rounding="ROUND_FLOOR")
    return max(TOLERANCE_MIN_UNITS, int(share))


def needs_approval(expected: int, counted: int, unit_value: Decimal) -> bool:
    return abs(counted - expected) > tolerance(expected, unit_value)


class CountRefused(PickdeskError):
    """A scan or an entry the count cannot take (no bin scanned yet, a bin outside the count, a bad quantity)."""

    code = "count_refused"


@dataclass(frozen=True)
class CountedKey:
    location: str  # location code
    gtin: str  # GTIN-14
    lot: str | None


@dataclass
class CountSheet:
    """What a counter found, bin by bin. Quantities add up; a bin scanned and left empty counts as empty."""

    bins: list[str] = field(default_factory=list)
    units: dict[CountedKey, int] = field(default_factory=dict)
    expiries: dict[tuple[str, str], date | None] = field(default_factory=dict)
    current: str | None = None

    def at_bin(self, location: str) -> None:
        self.current = location
        if location not in self.bins:
            self.bins.append(location)

    def add(self, gtin: str, lot: str | None, qty: int, expiry: date | None = None) -> CountedKey:
        if self.current is None:
            raise CountRefused("Scan the bin first, then what it holds.", "请先扫描库位，再扫描其中的商品。")
        if qty < 0 or qty > 1_000_000:
            raise CountRefused(f"A quantity between 0 and 1 000 000, not {qty}.", f"数量须在 0 到 1 000 000 之间，不是 {qty}。")
        key = CountedKey(self.current, gtin.zfill(14), lot or None)
        self.units[key] = self.units.get(key, 0) + qty
        if lot:
            self.expiries[(key.gtin, lot)] = expiry
        return key

    def set_qty(self, key: CountedKey, qty: int) -> None:
        if qty < 0 or qty > 1_000_000:
            raise CountRefused(f"A quantity between 0 and 1 000 000, not {qty}.", f"数量须在 0 到 1 000 000 之间，不是 {qty}。")
        self.units[key] = qty

    def entries(self) -> Iterator[tuple[CountedKey, int]]:
        yield from self.units.items()

    @property
    def total_units(self) -> int:
        return sum(self.units.values())
