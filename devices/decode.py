"""Turn one raw scan into a typed result, or a typed rejection a person can act on.

`decode_scan(raw)` is the only entry point. It reads:

- GS1 element strings (GS1-128, GS1 DataMatrix, GS1 QR, GS1 DataBar) through biip, with or
  without an AIM symbology identifier (`]C1`, `]d2`, `]Q3`, `]e0` …), with FNC1 transmitted as
  GS (`\\x1d`) or as one of the substitutes scanners are often programmed with (`<GS>`, `{GS}`,
  `^`, `~`, `|`), and in the parenthesised human-readable form `(01)…(17)…(10)…`;
- bare GTIN-8/12/13/14 (EAN/UPC, ITF-14), normalised to 14 digits;
- Pickdesk's own labels: locations, totes, orders, parcels and employee badges.

Nothing is guessed: a bad check digit, an unknown AI, a truncated field, an impossible date, a
control character or anything unrecognised raises `ScanRejected` with a machine reason code and a
message in English and Simplified Chinese.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from biip import ParseConfig, ParseError
from biip.gs1_application_identifiers import GS1ApplicationIdentifier
from biip.gs1_element_strings import GS1ElementString
from biip.gtin import Gtin
from biip.symbology import GS1Symbology, SymbologyIdentifier

from devices.substitutes import DEFAULT_GS_SUBSTITUTES, GS  # decode's names too


MAX_SCAN_LENGTH = 512


@dataclass(frozen=True)
class ScanConfig:
    """How this station's scanners are programmed.

    `gs_substitutes` are strings the scanner sends in place of FNC1 (the GS control character is
    always accepted). `accept_gs1_without_aim` allows GS1 element strings from scanners with AIM
    identifiers switched off (a digits-only payload is then read as GS1 when it is not a GTIN).
    """

    gs_substitutes: tuple[str, ...] = DEFAULT_GS_SUBSTITUTES
    accept_gs1_without_aim: bool = True

    def __post_init__(self) -> None:
        for sub in self.gs_substitutes:
            if not sub or not sub.isascii() or not sub.isprintable():
                raise ValueError(f"GS substitute must be printable ASCII, got {sub!r}")


DEFAULT_CONFIG = ScanConfig()


class RejectReason(StrEnum):
    """Why a scan was refused; the value is the machine code shown in logs and JSON."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    CONTROL_CHARACTER = "control_character"
    NON_ASCII = "non_ascii"
    UNKNOWN_SYMBOLOGY = "unknown_symbology"
    SYMBOLOGY_MISMATCH = "symbology_mismatch"
    BAD_CHECK_DIGIT = "bad_check_digit"
    UNKNOWN_AI = "unknown_ai"
    TRUNCATED_FIELD = "truncated_field"
    MALFORMED_FIELD = "malformed_field"
    IMPOSSIBLE_DATE = "impossible_date"
    DUPLICATE_AI = "duplicate_ai"
    CONFLICTING_AI = "conflicting_ai"
    NO_ITEM_IDENTIFIER = "no_item_identifier"
    MALFORMED_HRI = "malformed_hri"
    MALFORMED_LABEL = "malformed_label"
    WRONG_CASE = "wrong_case"
    UNRECOGNISED = "unrecognised"


class ScanRejected(Exception):
    """A scan that cannot be used. `reason` is machine-readable; the messages are for the screen."""

    def __init__(self, reason: RejectReason, message: str, message_zh: str, raw: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.message_zh = message_zh
        self.raw = raw

    def __repr__(self) -> str:
        return f"ScanRejected({self.reason.value!r}, {self.message!r})"


# --- results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemScan:
    """A trade item: GTIN (always 14 digits) with whatever GS1 data came with it."""

    kind: ClassVar[str] = "item"
    gtin: str
    lot: str | None = None
    expiry: dt.date | None = None
    best_before: dt.date | None = None
    serial: str | None = None
    count: int | None = None
    raw: str = ""
    symbology: str | None = None
    # Further recognised AIs (e.g. net weight 310n) as (ai, value) pairs, in scan order.
    other: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SsccScan:
    """A logistic unit (pallet, carton) by its 18-digit SSCC, AI (00)."""

    kind: ClassVar[str] = "sscc"
    sscc: str
    raw: str = ""
    symbology: str | None = None
    content_gtin: str | None = None
    count: int | None = None
    other: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class LocationScan:
    """A shelf location label: `LOC-` + the location's code as the warehouse set it up (`code` is
    without the prefix). A code in the demo's shape `SZ1-A03-1-07-2` also says where the bin is
    (warehouse, zone, aisle, block, slot, level); a warehouse's own codes (`HZ1-QUAR-01`) leave them None."""

    kind: ClassVar[str] = "location"
    code: str
    warehouse: str | None = None
    zone: str | None = None
    aisle: int | None = None
    block: int | None = None
    slot: int | None = None
    level: int | None = None


@dataclass(frozen=True)
class ToteScan:
    kind: ClassVar[str] = "tote"
    code: str


@dataclass(frozen=True)
class OrderScan:
    kind: ClassVar[str] = "order"
    order_no: str


@dataclass(frozen=True)
class ParcelScan:
    kind: ClassVar[str] = "parcel"
    code: str


@dataclass(frozen=True)
class BadgeScan:
    kind: ClassVar[str] = "badge"
    code: str


Scan = ItemScan | SsccScan | LocationScan | ToteScan | OrderScan | ParcelScan | BadgeScan


def scan_as_dict(scan: Scan) -> dict[str, object]:
    """A JSON-ready dict: `kind` plus the fields, dates as ISO strings."""
    out: dict[str, object] = {"kind": scan.kind}
    for name in scan.__dataclass_fields__:
        value = getattr(scan, name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = [list(pair) for pair in value]
        out[name] = value
    return out


# --- own labels ----------------------------------------------------------------------------

# A location's code, the one rule (the set-up import checks codes by it too): letters, digits, '.', '_'
# and '-', starting with a letter or digit, at most 32 (warehouse-setup.md: "its scan code is LOC- + code").
LOCATION_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
_LOCATION_PARTS = re.compile(r"([A-Z0-9]{2,6})-([A-Z])([0-9]{2})-([0-9])-([0-9]{2})-([0-9])")
_TOTE = re.compile(r"TOTE-[0-9]{5}")
_ORDER = re.compile(r"ORD-([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)")
_PARCEL = re.compile(r"PCL-[0-9]{10}")
_BADGE = re.compile(r"BADGE-[A-Z0-9]{4,12}")
_MAX_ORDER_NO = 64

# prefix -> (English name, Chinese name, example)
_OWN_PREFIXES = {
    "LOC-": ("location", "库位", "LOC-SZ1-A03-1-07-2"),
    "TOTE-": ("tote", "周转箱", "TOTE-00042"),
    "ORD-": ("order", "订单", "ORD-M1-20261123-000123"),
    "PCL-": ("parcel", "包裹", "PCL-0123456789"),
    "BADGE-": ("badge", "工牌", "BADGE-P00001"),
}


def _decode_own(raw: str, text: str) -> Scan | None:
    prefix = next((p for p in _OWN_PREFIXES if text.startswith(p)), None)
    if prefix is None:
        upper = text.upper()
        if any(upper.startswith(p) for p in _OWN_PREFIXES):
            raise ScanRejected(
                RejectReason.WRONG_CASE,
                f"{text!r} looks like a Pickdesk label in the wrong letter case. "
                "Is Caps Lock on? Turn it off and scan again.",
                f"{text!r} 像是大小写错误的 Pickdesk 标签。是否开启了大写锁定？请关闭后重新扫描。",
                raw,
            )
        return None
    scan: Scan | None = None
    if prefix == "LOC-" and LOCATION_CODE.fullmatch(text[4:]):
        if m := _LOCATION_PARTS.fullmatch(text[4:]):
            warehouse, zone, aisle, block, slot, level = m.groups()
            scan = LocationScan(code=text[4:], warehouse=warehouse, zone=zone, aisle=int(aisle), block=int(block),
                                slot=int(slot), level=int(level))
        else:
            scan = LocationScan(code=text[4:])
    elif prefix == "TOTE-" and _TOTE.fullmatch(text):
        scan = ToteScan(code=text)
    elif prefix == "ORD-" and (m := _ORDER.fullmatch(text)) and len(m.group(1)) <= _MAX_ORDER_NO:
        scan = OrderScan(order_no=m.group(1))
    elif prefix == "PCL-" and _PARCEL.fullmatch(text):
        scan = ParcelScan(code=text)
    elif prefix == "BADGE-" and _BADGE.fullmatch(text):
        scan = BadgeScan(code=text)
    if scan is None:
        name, name_zh, example = _OWN_PREFIXES[prefix]
        raise ScanRejected(
            RejectReason.MALFORMED_LABEL,
            f"{text!r} is not a valid {name} label (expected e.g. {example}). "
            "The label may be damaged or misprinted; scan it again or report it.",
            f"{text!r} 不是有效的{name_zh}标签（应类似 {example}）。标签可能损坏或印错，请重新扫描或上报。",
            raw,
        )
    return scan


# --- GS1 -----------------------------------------------------------------------------------

_BIIP_CONFIG = ParseConfig(separator_chars=(GS,))
_BIIP_NO_DATE_CHECK = ParseConfig(separator_chars=(GS,), gs1_element_strings_verify_date=False)
_GS1_MESSAGE_SYMBOLOGIES = GS1Symbology.with_gs1_messages()
_GTIN_SYMBOLOGIES = GS1Symbology.with_gtin()
_DATE_AIS = frozenset({"11", "12", "13", "15", "16", "17"})
_FIXED_LENGTH = re.compile(r"N(\d+)")


def _fixed_data_length(ai: GS1ApplicationIdentifier) -> int | None:
    """Length of the data field for fixed-length AIs (format like 'N2+N14'), else None."""
    parts = ai.format.split("+")[1:]
    total = 0
    for part in parts:
        m = _FIXED_LENGTH.fullmatch(part)
        if m is None:
            return None
        total += int(m.group(1))
    return total


def _reject_check_digit(raw: str, what: str, value: str) -> ScanRejected:
    return ScanRejected(
        RejectReason.BAD_CHECK_DIGIT,
        f"The {what} {value} has a wrong check digit: the barcode is damaged or misread. "
        "Scan it again; if it keeps failing, type the number from the label.",
        f"{_what_zh(what)} {value} 校验位错误：条码损坏或误读。请重新扫描；若仍失败，请手动输入标签上的号码。",
        raw,
    )


def _what_zh(what: str) -> str:
    return {"GTIN": "商品条码 GTIN", "SSCC": "物流单元码 SSCC"}.get(what, what)


def _element(raw: str, rest: str, *, full_match: bool) -> GS1ElementString:
    """One element string from the start of `rest`, or a classified rejection."""
    try:
        ai = GS1ApplicationIdentifier.extract(rest)
    except ParseError:
        head = rest[:4]
        raise ScanRejected(
            RejectReason.UNKNOWN_AI,
            f"Unknown GS1 Application Identifier at {head!r}: this is not a GS1 barcode Pickdesk "
            "can read, or a separator (FNC1) is missing. Check the scanner's GS setting.",
            f"在 {head!r} 处有未知的 GS1 应用标识符：不是可识别的 GS1 条码，或缺少分隔符（FNC1）。请检查扫描枪的 GS 设置。",
            raw,
        ) from None
    parse = GS1ElementString.parse if full_match else GS1ElementString.extract
    try:
        return parse(rest, config=_BIIP_CONFIG)
    except ParseError:
        pass
    data = rest[len(ai.ai) :].split(GS, 1)[0]
    try:
        parse(rest, config=_BIIP_NO_DATE_CHECK)
        date_only = True
    except ParseError:
        # biip's patterns already refuse month 13; six digits in a date field are still a date.
        date_only = ai.ai in _DATE_AIS and len(data) >= 6 and data[:6].isdecimal()
    if date_only:
        data = data[:6]
        raise ScanRejected(
            RejectReason.IMPOSSIBLE_DATE,
            f"The date {data!r} in field {ai} ({ai.data_title}) does not exist. "
            "The label is misprinted; set the item aside and report it.",
            f"字段 {ai}（{ai.data_title}）中的日期 {data!r} 不存在。标签印错，请将商品放到一边并上报。",
            raw,
        )
    fixed = _fixed_data_length(ai)
    if fixed is not None and len(data) < fixed:
        raise ScanRejected(
            RejectReason.TRUNCATED_FIELD,
            f"Field {ai} ({ai.data_title}) is cut short: {len(data)} of {fixed} characters. "
            "The barcode was only partly read; scan it again.",
            f"字段 {ai}（{ai.data_title}）被截断：只有 {len(data)}/{fixed} 个字符。条码只读到一部分，请重新扫描。",
            raw,
        )
    raise ScanRejected(
        RejectReason.MALFORMED_FIELD,
        f"Field {ai} ({ai.data_title}) does not have the form {ai.format}. "
        "The barcode is damaged or misprinted; scan it again or report the label.",
        f"字段 {ai}（{ai.data_title}）的格式不符合 {ai.format}。条码损坏或印错，请重新扫描或上报标签。",
        raw,
    )


def _elements_from_string(raw: str, payload: str) -> list[GS1ElementString]:
    rest = payload.lstrip(GS)  # a leading FNC1 is transmitted as GS by some scanners
    elements: list[GS1ElementString] = []
    previous: GS1ElementString | None = None
    while rest:
        if previous is not None and not rest[0].isdecimal():
            raise ScanRejected(
                RejectReason.MALFORMED_FIELD,
                f"Unexpected {rest[0]!r} after field {previous.ai} ({previous.ai.data_title}). "
                "The scanner may send a different FNC1 substitute than this station expects; "
                "check the scanner's GS setting.",
                f"字段 {previous.ai}（{previous.ai.data_title}）后出现意外字符 {rest[0]!r}。"
                "扫描枪发送的 FNC1 替代符可能与本工位设置不一致，请检查扫描枪的 GS 设置。",
                raw,
            )
        element = _element(raw, rest, full_match=False)
        previous = element
        elements.append(element)
        rest = rest[len(element) :]
        while rest.startswith(GS):
            rest = rest[1:]
    return elements


_HRI_AI = re.compile(r"\(([0-9]{2,4})\)")


def _elements_from_hri(raw: str, payload: str) -> list[GS1ElementString]:
    pieces = _HRI_AI.split(payload)
    # split() gives ['', ai, data, ai, data, ...] when the text starts with "(nn)".
    if pieces[0] != "" or len(pieces) < 3 or any(not data for data in pieces[2::2]):
        raise ScanRejected(
            RejectReason.MALFORMED_HRI,
            f"{payload!r} is not a readable GS1 text of the form (01)…(17)…(10)…. "
            "Scan the barcode itself, not the text under it.",
            f"{payload!r} 不是格式为 (01)…(17)…(10)… 的有效 GS1 文本。请扫描条码本身，而不是其下方的文字。",
            raw,
        )
    elements = []
    for ai, data in zip(pieces[1::2], pieces[2::2], strict=True):
        if GS in data or "(" in data or ")" in data:
            raise ScanRejected(
                RejectReason.MALFORMED_HRI,
                f"Field ({ai}) in {payload!r} contains a bracket or separator and cannot be read "
                "unambiguously. Scan the barcode itself.",
                f"{payload!r} 中的字段 ({ai}) 含有括号或分隔符，无法无歧义地读取。请扫描条码本身。",
                raw,
            )
        element = _element(raw, ai + data, full_match=False)
        if len(element) != len(ai) + len(data):
            # The AI read is longer or shorter than the bracketed one, or data is left over.
            raise ScanRejected(
                RejectReason.MALFORMED_FIELD,
                f"Field ({ai}) in {payload!r} has the wrong length for its format "
                f"{element.ai.format}. Scan the barcode itself.",
                f"{payload!r} 中的字段 ({ai}) 长度与格式 {element.ai.format} 不符。请扫描条码本身。",
                raw,
            )
        elements.append(element)
    return elements


def _item_from_elements(raw: str, symbology: str | None, elements: list[GS1ElementString]) -> Scan:
    by_ai: dict[str, GS1ElementString] = {}
    for element in elements:
        code = element.ai.ai
        if code in by_ai:
            raise ScanRejected(
                RejectReason.DUPLICATE_AI,
                f"Field {element.ai} appears twice in one barcode; Pickdesk will not guess which "
                "is right. Report the label.",
                f"字段 {element.ai} 在同一条码中出现两次，系统不会猜测哪个正确。请上报该标签。",
                raw,
            )
        by_ai[code] = element
        if element.gtin_error is not None:
            raise _reject_check_digit(raw, "GTIN", element.value)
        if element.sscc_error is not None:
            raise _reject_check_digit(raw, "SSCC", element.value)

    def value(ai: str) -> str | None:
        element = by_ai.get(ai)
        return None if element is None else element.value

    def date(ai: str) -> dt.date | None:
        element = by_ai.get(ai)
        return None if element is None else element.date

    if "01" in by_ai and "02" in by_ai:
        raise ScanRejected(
            RejectReason.CONFLICTING_AI,
            "The barcode carries both a trade item (01) and a contained item (02) GTIN; "
            "it is not a valid GS1 label. Report it.",
            "条码同时包含商品 GTIN (01) 和内含商品 GTIN (02)，不是有效的 GS1 标签。请上报。",
            raw,
        )
    if "30" in by_ai and "37" in by_ai:
        raise ScanRejected(
            RejectReason.CONFLICTING_AI,
            "The barcode carries two counts, (30) and (37); Pickdesk will not guess which is right. "
            "Count the items by hand.",
            "条码同时包含两个数量 (30) 和 (37)，系统不会猜测哪个正确。请手动清点。",
            raw,
        )
    count_text = value("30") or value("37")
    count = int(count_text) if count_text is not None else None
    used = {"00", "01", "02", "10", "15", "17", "21", "30", "37"}
    other = tuple((e.ai.ai, e.value) for e in elements if e.ai.ai not in used)

    sscc = value("00")
    if sscc is not None:
        content = value("02") or value("01")
        return SsccScan(
            sscc=sscc,
            raw=raw,
            symbology=symbology,
            content_gtin=content.zfill(14) if content else None,
            count=count,
            other=other,
        )
    gtin = value("01") or value("02")
    if gtin is None:
        raise ScanRejected(
            RejectReason.NO_ITEM_IDENTIFIER,
            "This GS1 barcode has no GTIN (01) or SSCC (00), so it does not say which item or "
            "unit it is. Scan the product's main barcode.",
            "该 GS1 条码不含 GTIN (01) 或 SSCC (00)，无法识别商品或物流单元。请扫描商品的主条码。",
            raw,
        )
    return ItemScan(
        gtin=gtin,
        lot=value("10"),
        expiry=date("17"),
        best_before=date("15"),
        serial=value("21"),
        count=count,
        raw=raw,
        symbology=symbology,
        other=other,
    )


def _decode_gtin(raw: str, digits: str, symbology: str | None) -> ItemScan:
    try:
        gtin = Gtin.parse(digits, config=_BIIP_CONFIG)
    except ParseError:
        raise _reject_check_digit(raw, "GTIN", digits) from None
    return ItemScan(gtin=gtin.as_gtin_14(), raw=raw, symbology=symbology)


_GTIN_LENGTHS = (8, 12, 13, 14)


def _unrecognised(raw: str, text: str) -> ScanRejected:
    shown = text if len(text) <= 40 else text[:37] + "..."
    return ScanRejected(
        RejectReason.UNRECOGNISED,
        f"{shown!r} is not a barcode Pickdesk uses (GS1 product code, location, tote, order, "
        "parcel or badge). Scan the right label.",
        f"{shown!r} 不是 Pickdesk 使用的条码（GS1 商品码、库位、周转箱、订单、包裹或工牌）。请扫描正确的标签。",
        raw,
    )


def _substitute_gs(text: str, config: ScanConfig) -> str:
    for sub in sorted(config.gs_substitutes, key=len, reverse=True):
        text = text.replace(sub, GS)
    return text


def _decode_gs1(raw: str, payload: str, symbology: str | None, config: ScanConfig) -> Scan:
    payload = _substitute_gs(payload, config)
    if payload.startswith("("):
        # People type the bracketed form with spaces; GS1 data never contains a space.
        elements = _elements_from_hri(raw, "".join(payload.split(" ")))
    else:
        elements = _elements_from_string(raw, payload)
    if not elements:
        raise ScanRejected(
            RejectReason.EMPTY,
            "The GS1 barcode carried no data. Scan it again.",
            "GS1 条码没有数据。请重新扫描。",
            raw,
        )
    return _item_from_elements(raw, symbology, elements)


def _check_characters(raw: str, text: str) -> None:
    if not text:
        raise ScanRejected(
            RejectReason.EMPTY,
            "The scan was empty. Scan the barcode again.",
            "扫描内容为空。请重新扫描条码。",
            raw,
        )
    if len(text) > MAX_SCAN_LENGTH:
        raise ScanRejected(
            RejectReason.TOO_LONG,
            f"The scan is {len(text)} characters long; no Pickdesk barcode is that long. "
            "Check that the scanner is not sending several codes at once.",
            f"扫描内容长达 {len(text)} 个字符，Pickdesk 没有这么长的条码。请检查扫描枪是否一次发送了多个条码。",
            raw,
        )
    if not text.isascii():
        raise ScanRejected(
            RejectReason.NON_ASCII,
            "The scan contains non-ASCII characters. Switch the Chinese input method off "
            "(or set the keyboard to US English) and scan again.",
            "扫描内容包含非 ASCII 字符。请关闭中文输入法（或切换到美式英文键盘）后重新扫描。",
            raw,
        )
    for ch in text:
        if ch != GS and (ch < " " or ch == "\x7f"):
            raise ScanRejected(
                RejectReason.CONTROL_CHARACTER,
                f"The scan contains the control character {ch!r}. Check the scanner's prefix, "
                "suffix and GS settings (see the scanner set-up guide).",
                f"扫描内容包含控制字符 {ch!r}。请检查扫描枪的前缀、后缀和 GS 设置（见扫描枪设置指南）。",
                raw,
            )


def _split_symbology(raw: str, text: str) -> tuple[SymbologyIdentifier | None, str]:
    if not text.startswith("]"):
        return None, text
    try:
        ident = SymbologyIdentifier.extract(text)
    except (ParseError, IndexError):
        raise ScanRejected(
            RejectReason.UNKNOWN_SYMBOLOGY,
            f"The scan starts with an unknown symbology identifier {text[:3]!r}. "
            "Check the scanner's AIM identifier setting.",
            f"扫描内容以未知的符号标识符 {text[:3]!r} 开头。请检查扫描枪的 AIM 标识符设置。",
            raw,
        ) from None
    return ident, text[len(ident.value) :]


def decode_scan(raw: str, config: ScanConfig | None = None) -> Scan:
    """Decode one scan. Raises `ScanRejected` for anything that is not certainly one code."""
    config = config or DEFAULT_CONFIG
    # Line endings and surrounding spaces are transport, not data.
    text = raw.strip(" \r\n\t")
    _check_characters(raw, text)
    ident, payload = _split_symbology(raw, text)
    symbology = ident.value if ident is not None else None
    if not payload:
        raise ScanRejected(
            RejectReason.EMPTY,
            "The scan carried only a symbology identifier and no data. Scan again.",
            "扫描内容只有符号标识符而没有数据。请重新扫描。",
            raw,
        )
    gs1_symbology = ident.gs1_symbology if ident is not None else None

    if gs1_symbology in _GS1_MESSAGE_SYMBOLOGIES:
        return _decode_gs1(raw, payload, symbology, config)
    if gs1_symbology in _GTIN_SYMBOLOGIES:
        if payload.isdecimal() and len(payload) in _GTIN_LENGTHS:
            return _decode_gtin(raw, payload, symbology)
        raise ScanRejected(
            RejectReason.SYMBOLOGY_MISMATCH,
            f"The scanner reports a product barcode ({symbology}) but sent {payload!r}, "
            "which is not a GTIN. Scan again; add-on codes are not used.",
            f"扫描枪报告为商品条码（{symbology}），但内容 {payload!r} 不是 GTIN。请重新扫描；不使用附加码。",
            raw,
        )

    own = _decode_own(raw, payload)
    if own is not None:
        return own
    if payload.isdecimal() and len(payload) in _GTIN_LENGTHS:
        return _decode_gtin(raw, payload, symbology)
    if ident is None and config.accept_gs1_without_aim:
        candidate = _substitute_gs(payload, config)
        if candidate.startswith("(") or candidate.lstrip(GS)[:2].isdecimal():
            return _decode_gs1(raw, payload, symbology, config)
    raise _unrecognised(raw, payload)
