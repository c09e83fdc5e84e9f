"""Customer data sealing and the price recomputation rules."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.security.crypto import SealBroken, Sealer, generate_key, mask_name, mask_phone
from desktop.domain.pricing import PriceRule, compute_price


def test_sealed_values_open_only_for_their_field_and_order():
    sealer = Sealer(generate_key())
    sealed = sealer.seal("广东省深圳市南山区科苑路15号", "ship_detail", "M1-1")
    assert "科苑路".encode() not in sealed
    assert sealer.open(sealed, "ship_detail", "M1-1") == "广东省深圳市南山区科苑路15号"
    with pytest.raises(SealBroken):
        sealer.open(sealed, "ship_detail", "M1-2")  # copied onto another order
    with pytest.raises(SealBroken):
        sealer.open(sealed, "customer_name", "M1-1")  # moved to another field
    with pytest.raises(SealBroken):
        Sealer(generate_key()).open(sealed, "ship_detail", "M1-1")  # another key
    tampered = bytearray(sealed)
    tampered[-1] ^= 1
    with pytest.raises(SealBroken):
        sealer.open(bytes(tampered), "ship_detail", "M1-1")


def test_rotated_keys_still_open_old_rows():
    old, new = generate_key(), generate_key()
    sealed = Sealer(old).seal("张伟", "customer_name", "X")
    assert Sealer(new, older_keys=(old,)).open(sealed, "customer_name", "X") == "张伟"


@given(st.text(max_size=200))
def test_any_text_round_trips(text):
    sealer = Sealer(b"k" * 32)
    assert sealer.open(sealer.seal(text, "f", "o"), "f", "o") == text


def test_masks_keep_enough_to_match_a_parcel_and_no_more():
    assert mask_name("张伟") == "张*"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name("Emily Carter") == "E**** C*****"
    assert mask_phone("+86 138 0013 8000") == "+86 138****8000"
    assert "0013" not in mask_phone("+86 138 0013 8000")


NOW = datetime(2026, 11, 23, 9, tzinfo=UTC)
RULES = [
    PriceRule("SAVE10", "coupon", {"amount_off": "10.00", "min_spend": "100.00"}, NOW - timedelta(days=1), NOW + timedelta(days=1)),
    PriceRule("OLD5", "coupon", {"amount_off": "5.00", "min_spend": "0"}, NOW - timedelta(days=30), NOW - timedelta(days=1)),
    PriceRule("TIER-GOLD", "tier", {"tier": "gold", "percent": "5"}),
    PriceRule("FULL200-20", "threshold", {"threshold": "200.00", "amount_off": "20.00"}),
    PriceRule("FULL300-40", "threshold", {"threshold": "300.00", "amount_off": "40.00"}),
]


def price(lines, **kw):
    args = dict(rules=RULES, coupons=[], member_tier=None, at=NOW, free_shipping_threshold=Decimal("99.00"),
                standard_shipping_fee=Decimal("8.00"))
    args.update(kw)
    return compute_price([(q, Decimal(p)) for q, p in lines], **args)


def test_the_format_page_example_adds_up():
    # 2 × 59.90 with SAVE10 and free shipping: 109.80 charged.
    check = price([(2, "59.90")], coupons=["SAVE10"], member_tier="gold")
    assert check.goods_total == Decimal("119.80")
    assert check.discount_total == Decimal("15.99")  # 5 % of 119.80 = 5.99, plus 10
    assert check.payable == Decimal("103.81")
    check = price([(2, "59.90")], coupons=["SAVE10"])
    assert (check.discount_total, check.shipping_fee, check.payable) == (Decimal("10.00"), Decimal("0.00"), Decimal("109.80"))


def test_threshold_just_missed_and_best_threshold_only():
    assert price([(1, "199.99")]).discount_total == Decimal("0.00")
    assert price([(1, "200.00")]).discount_total == Decimal("20.00")
    assert price([(1, "300.00")]).applied == ("FULL300-40",)


def test_coupon_problems_are_named():
    check = price([(1, "50.00")], coupons=["SAVE10", "OLD5", "NOPE"])
    assert check.discount_total == Decimal("0.00")
    assert check.problems == ("coupon SAVE10 needs a spend of 100.00", "coupon OLD5 expired", "coupon NOPE unknown")
    assert check.shipping_fee == Decimal("8.00") and check.payable == Decimal("58.00")


@given(st.lists(st.tuples(st.integers(1, 20), st.decimals("0.01", "9999.99", places=2)), min_size=1, max_size=6),
       st.sampled_from([None, "gold"]), st.lists(st.sampled_from(["SAVE10", "OLD5"]), max_size=2, unique=True))
def test_payable_is_exact_cents_and_never_negative(lines, tier, coupons):
    check = compute_price(lines, rules=RULES, coupons=coupons, member_tier=tier, at=NOW,
                          free_shipping_threshold=Decimal("99"), standard_shipping_fee=Decimal("8.00"))
    assert check.payable >= 0
    assert check.payable == check.payable.quantize(Decimal("0.01"))
    assert check.payable == check.goods_total - check.discount_total + check.shipping_fee
