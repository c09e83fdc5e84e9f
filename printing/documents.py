"""What goes on a shipping label and a packing slip, as plain frozen data.

These are the only inputs the renderers take. They hold decrypted customer data, so the desktop
layer builds them at print time and never stores them.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from decimal import Decimal


_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\u2028\u2029\x85]")


@dataclass(frozen=True)
class Address:
    """A postal address. Chinese addresses keep every level: province, city, district, detail."""

    detail: str
    city: str = ""
    province: str = ""
    district: str = ""
    postal_code: str = ""
    country: str = "CN"

    def is_chinese(self) -> bool:
        return self.country.upper() in {"CN", "CHN", "CHINA", "中国"}

    def detail_parts(self) -> list[str]:
        """The street as the customer typed it, one part per line they wrote (CR, LF, CRLF, tabs)."""
        return [part for part in (" ".join(p.split()) for p in _LINE_BREAK.split(self.detail)) if part]

    def lines(self) -> tuple[str, ...]:
        """The address as printed: big-to-small for China, small-to-big elsewhere."""
        parts = self.detail_parts()
        if self.is_chinese():
            region = "".join(part for part in (self.province, self.city, self.district) if part)
            detail = " ".join(parts)
            first = f"{region}{detail}" if region else detail
            tail = " ".join(part for part in (self.postal_code, _country_name(self.country)) if part)
            return tuple(line for line in (first, tail) if line)
        locality = ", ".join(part for part in (self.district, self.city, self.province) if part)
        tail = " ".join(part for part in (self.postal_code, _country_name(self.country)) if part)
        return tuple(line for line in (*parts, locality, tail) if line)


def _country_name(code: str) -> str:
    names = {"CN": "中国 CHINA", "CHN": "中国 CHINA", "HK": "中国香港 HONG KONG", "MO": "中国澳门 MACAO",
             "TW": "TAIWAN", "SG": "SINGAPORE", "US": "USA", "JP": "日本 JAPAN", "KR": "KOREA", "DE": "GERMANY"}
    return names.get(code.upper(), code)


@dataclass(frozen=True)
class Party:
    """A sender or a recipient: a name, a phone number and an address."""

    name: str
    address: Address
    phone: str = ""


@dataclass(frozen=True)
class ShippingLabel:
    """One parcel's shipping label.

    `weight_grams` is printed in kg. `cod_amount` is set only for cash on delivery (a Decimal in
    `currency`). `sscc` is the 18-digit Serial Shipping Container Code, printed as GS1-128 with AI (00).
    """

    sender: Party
    recipient: Party
    carrier: str
    service: str
    tracking_number: str
    order_number: str
    parcel_index: int = 1
    parcel_count: int = 1
    weight_grams: int = 0
    fragile: bool = False
    insured: bool = False
    cod_amount: Decimal | None = None
    currency: str = "CNY"
    ship_date: _dt.date = field(default_factory=_dt.date.today)
    sscc: str | None = None
    # The carrier's routing marks (SF: 大头笔 = destRouteLabel, 三段码), printed large under the header.
    sort_code: str = ""
    three_segment: str = ""
    # A privacy waybill (隐私面单): the recipient's phone comes already masked.
    privacy: bool = False

    def __post_init__(self) -> None:
        if not self.tracking_number or not all(32 <= ord(ch) < 127 for ch in self.tracking_number):
            raise ValueError(f"tracking number must be printable ASCII for Code 128: {self.tracking_number!r}")
        if not 1 <= self.parcel_index <= self.parcel_count:
            raise ValueError(f"parcel {self.parcel_index} of {self.parcel_count} is not a parcel of the order")
        if self.weight_grams < 0:
            raise ValueError("weight cannot be negative")
        if self.cod_amount is not None and not isinstance(self.cod_amount, Decimal):
            raise TypeError("cod_amount is money: give a Decimal")
        if self.sscc is not None and not is_valid_sscc(self.sscc):
            raise ValueError(f"not a valid SSCC (18 digits with a GS1 check digit): {self.sscc!r}")

    @property
    def weight_text(self) -> str:
        kg = (Decimal(self.weight_grams) / 1000).quantize(Decimal("0.001"))
        return f"{kg} kg"

    @property
    def parcel_text(self) -> str:
        return f"{self.parcel_index}/{self.parcel_count}"


@dataclass(frozen=True)
class SlipLine:
    """One line of a packing slip. `unit_price` is hidden on a gift slip."""

    sku: str
    name: str
    quantity: int
    gtin: str = ""
    lot: str = ""
    expiry: _dt.date | None = None
    unit_price: Decimal | None = None


@dataclass(frozen=True)
class PackingSlip:
    """The paper in the box: what was packed, for whom, and how to send it back."""

    order_number: str
    merchant: Party
    recipient: Party
    lines: tuple[SlipLine, ...]
    parcel_count: int = 1
    gift: bool = False
    gift_note: str = ""
    return_instructions: str = ""
    currency: str = "CNY"
    order_date: _dt.date = field(default_factory=_dt.date.today)

    def __post_init__(self) -> None:
        if not self.lines:
            raise ValueError("a packing slip lists at least one line")
        if self.parcel_count < 1:
            raise ValueError("an order ships in at least one parcel")

    @property
    def shows_prices(self) -> bool:
        return not self.gift and any(line.unit_price is not None for line in self.lines)


def gs1_check_digit(digits: str) -> int:
    """The GS1 mod-10 check digit for the digits before it."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def is_valid_sscc(sscc: str) -> bool:
    return len(sscc) == 18 and sscc.isdigit() and gs1_check_digit(sscc[:17]) == int(sscc[17])


def sample_label(parcel_index: int = 1) -> ShippingLabel:
    """A realistic label with a long Chinese address, for the sample command, screenshots and benchmarks."""
    return ShippingLabel(
        sender=Party(
            name="青禾生活旗舰店 Qinghe Living",
            phone="400-820-1234",
            address=Address(province="浙江省", city="杭州市", district="余杭区", detail="仓前街道文一西路1500号 菜鸟仓3号库",
                            postal_code="311121"),
        ),
        recipient=Party(
            name="欧阳娜娜",
            phone="138 0013 8000",
            address=Address(province="广东省", city="深圳市", district="南山区",
                            detail="粤海街道科技园南区深南大道9988号华润置地大厦E座18楼1803室（前台代收，工作日9:00-18:00）",
                            postal_code="518057"),
        ),
        carrier="顺丰速运 SF Express",
        service="标快 Standard",
        tracking_number="SF1234567890123",
        order_number="PD-2024-000815",
        parcel_index=parcel_index,
        parcel_count=2,
        weight_grams=1250,
        fragile=True,
        insured=True,
        cod_amount=Decimal("299.00"),
        ship_date=_dt.date(2024, 11, 23),
        sscc="106141411234567897",
    )


def sample_slip(gift: bool = False) -> PackingSlip:
    label = sample_label()
    return PackingSlip(
        order_number=label.order_number,
        merchant=label.sender,
        recipient=label.recipient,
        lines=(
            SlipLine(sku="QH-TEA-001", name="西湖龙井 明前特级 250g 礼盒装", quantity=2, gtin="06901234567892",
                     lot="L2409A", expiry=_dt.date(2026, 3, 31), unit_price=Decimal("128.00")),
            SlipLine(sku="QH-CUP-012", name="手工青瓷茶杯 Celadon cup (set of 4)", quantity=1, gtin="06901234567908",
                     unit_price=Decimal("43.00")),
        ),
        parcel_count=2,
        gift=gift,
        gift_note="生日快乐！Happy birthday — from Lin" if gift else "",
        return_instructions="七天无理由退货：请在签收后7天内联系客服 400-820-1234 申请退货，并将商品连同本单寄回 "
                            "浙江省杭州市余杭区文一西路1500号 菜鸟仓3号库 退货组。Returns within 7 days: call us first, "
                            "then send the items with this slip to the address above.",
        order_date=_dt.date(2024, 11, 22),
    )
