"""What an order should cost, recomputed from its lines and the price rules in force.

Order of application (the mall's published rule):
1. goods total = Σ qty × unit price (unit prices are taken as the mall charged them);
2. member-tier discount: a percentage of the goods total;
3. spend-threshold reduction (满减): the best single threshold the goods total reaches (before tier);
4. coupons: each applicable coupon (valid now, minimum spend reached on the goods total) takes its amount,
   once (a code listed twice is a problem, not a second discount);
5. shipping fee: free when goods total − discounts reaches the merchant's threshold, else the fee of the
   first of the merchant's regions that lists the destination province, else its standard fee;
payable = goods total − discounts + shipping fee, never below zero.
Every step is in Decimal; percentages round half-up to the cent once, at the step that makes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


@dataclass(frozen=True)
class PriceRule:
    code: str
    kind: str  # coupon, tier, threshold
    params: dict
    valid_from: datetime | None = None
    valid_to: datetime | None = None

    def in_force(self, at: datetime) -> bool:
        return (self.valid_from is None or self.valid_from <= at) and (self.valid_to is None or at <= self.valid_to)


@dataclass(frozen=True)
class PriceCheck:
    goods_total: Decimal
    discount_total: Decimal
    shipping_fee: Decimal
    payable: Decimal
    applied: tuple[str, ...]
    problems: tuple[str, ...] = field(default=())  # e.g. "coupon OLD5 expired"


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ShippingRegion:
    """A regional fee of a merchant's shipping terms: destinations in these provinces pay `fee`."""

    provinces: tuple[str, ...]
    fee: Decimal

    @classmethod
    def from_terms(cls, regions: list[dict]) -> tuple[ShippingRegion, ...]:
        """The stored form (warehouse-setup.md: [{"provinces": [...], "fee": "20.00"}, ...])."""
        return tuple(cls(tuple(r["provinces"]), Decimal(str(r["fee"]))) for r in regions or ())


def shipping_fee_for(province: str, standard_shipping_fee: Decimal,
                     regions: tuple[ShippingRegion, ...] | list[ShippingRegion] = ()) -> Decimal:
    """The fee for a destination province when the order is not shipped free."""
    for region in regions:
        if province and province in region.provinces:
            return region.fee
    return standard_shipping_fee


def compute_price(lines: list[tuple[int, Decimal]], *, rules: list[PriceRule], coupons: list[str],
                  member_tier: str | None, at: datetime, free_shipping_threshold: Decimal | None,
                  standard_shipping_fee: Decimal, shipping_regions: tuple[ShippingRegion, ...] = (),
                  province: str = "") -> PriceCheck:
    goods = _round(sum((Decimal(q) * p for q, p in lines), Decimal("0")))
    discount = Decimal("0.00")
    applied: list[str] = []
    problems: list[str] = []
    by_kind: dict[str, list[PriceRule]] = {}
    for rule in rules:
        by_kind.setdefault(rule.kind, []).append(rule)
    if member_tier:
        for rule in by_kind.get("tier", []):
            if rule.params.get("tier") == member_tier and rule.in_force(at):
                discount += _round(goods * Decimal(rule.params["percent"]) / 100)
                applied.append(rule.code)
                break
    best_threshold: PriceRule | None = None
    for rule in by_kind.get("threshold", []):
        if rule.in_force(at) and goods >= Decimal(rule.params["threshold"]):
            if best_threshold is None or Decimal(rule.params["amount_off"]) > Decimal(best_threshold.params["amount_off"]):
                best_threshold = rule
    if best_threshold is not None:
        discount += Decimal(best_threshold.params["amount_off"])
        applied.append(best_threshold.code)
    coupon_rules = {r.code: r for r in by_kind.get("coupon", [])}
    used: set[str] = set()
    for code in coupons:
        rule = coupon_rules.get(code)
        if code in used:  # one coupon takes its amount once, however often the mall lists it
            problems.append(f"coupon {code} used twice")
        elif rule is None:
            problems.append(f"coupon {code} unknown")
        elif rule.valid_from is not None and at < rule.valid_from:
            problems.append(f"coupon {code} not yet valid")
        elif not rule.in_force(at):
            problems.append(f"coupon {code} expired")
        elif goods < Decimal(rule.params.get("min_spend", "0")):
            problems.append(f"coupon {code} needs a spend of {rule.params['min_spend']}")
        else:
            discount += Decimal(rule.params["amount_off"])
            applied.append(code)
        used.add(code)
    discount = min(discount, goods)
    after = goods - discount
    shipping = (Decimal("0.00") if free_shipping_threshold is not None and after >= free_shipping_threshold
                else shipping_fee_for(province, standard_shipping_fee, shipping_regions))
    return PriceCheck(goods, _round(discount), _round(shipping), _round(max(after + shipping, Decimal("0"))),
                      tuple(applied), tuple(problems))
