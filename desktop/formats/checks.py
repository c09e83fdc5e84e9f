"""Checks every import applies to what it reads, before anything reaches the database.

A file from outside is hostile until it has passed these: each function takes one raw value (as
`json` or `csv` produced it) and returns it checked and normalised, or raises a typed, bilingual
error (`desktop.domain.errors`): `FileRefused` for the file as a whole, `InputRefused` (with its
`field`) for one value. An importer collects every `InputRefused` of a file (`Problems.check`),
lists them all and writes nothing while there is one.

    data = checks.read_bytes(path)                    # size bounded before reading
    text = checks.decode_text(data, name)             # UTF-8 (a BOM is fine), no NUL, else FileRefused
    doc = checks.load_json(text, name)                # nesting bounded, no NaN/Infinity, else FileRefused
    problems = checks.Problems()
    no = problems.check(checks.barcode_code, raw.get("order_no"), "order_no", column=models.Order.order_no)
    qty = problems.check(checks.whole_number, raw.get("qty"), "lines[1].qty", minimum=1, maximum=checks.MAX_QTY)
    if problems: ...                                  # each is an InputRefused: .field, .message, .message_zh

| function | accepts | refuses |
| --- | --- | --- |
| `text` | a string, stripped; at most the column's length (`column=models.X.y`, read from the model so it cannot drift) or `max_length` | not a string, NUL and control characters, surrogates, bidirectional overrides; CR/LF/tab only with `multiline=True` (an address) |
| `code` | like `text`, on one line | any format character as well (zero-width, BOM) |
| `barcode_code` | like `code` | anything Code 128 cannot carry (printable ASCII only), so a label never fails later |
| `whole_number` | an int, or a string of ASCII digits, within `minimum`..`maximum` | bools, floats, fullwidth digits (`１２`), 10³⁰ |
| `amount` | a decimal string of ASCII digits, at most `places` decimals and `max_digits` before the point | 23-digit prices, `1e5`, `NaN`, fullwidth digits |
| `moment` | ISO 8601 with a UTC offset, between `EARLIEST` and `LATEST` once in UTC | no offset, year 9999 with offset −14:00, non-ASCII digits |

Only ASCII digits are numbers here: `str.isdigit()`, `int()` and `Decimal()` all take fullwidth and
other scripts' digits, which no mall sends and no person can tell apart on a screen.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from desktop.domain.errors import FileRefused, InputRefused

T = TypeVar("T")

MAX_FILE_BYTES = 32 * 1024 * 1024  # a day of a big mall's orders is a few MB
MAX_JSON_DEPTH = 32  # the deepest format we read nests 4 levels
MAX_QTY = 100_000  # units of one product on one order line
INT32_MAX = 2_147_483_647  # an Integer column on both engines
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)

_ASCII_INT = re.compile(r"[+-]?[0-9]+")
_ISO_MOMENT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,6})?)?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?")
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_JOINERS = {"\u200c", "\u200d"}  # zero-width (non-)joiners belong inside some names (emoji, Indic scripts)
_LINE_BREAKS = {"\r", "\n", "\t", "\u2028", "\u2029"}


class Problems(list[InputRefused]):
    """The problems of one record or file. `check(fn, ...)` runs one check and returns its value, or
    records the refusal and returns None, so an importer can go on and list every problem at once."""

    def check(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        try:
            return fn(*args, **kwargs)
        except InputRefused as exc:
            self.append(exc)
            return None


# ─── the file as a whole ────────────────────────────────────────────────────────


def read_bytes(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refused before reading when it is larger than `max_bytes`."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise FileRefused(f"{path.name}: cannot read the file ({exc.strerror or exc}).",
                          f"{path.name}：无法读取文件（{exc.strerror or exc}）。") from None
    if len(data) > max_bytes:
        raise FileRefused(f"{path.name}: the file is larger than {max_bytes // (1024 * 1024)} MB.",
                          f"{path.name}：文件超过 {max_bytes // (1024 * 1024)} MB。")
    return data


def decode_text(data: bytes, name: str = "the file") -> str:
    """UTF-8 text (a leading BOM is dropped); a Latin-1 or GBK file, or one holding NUL, is refused."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise FileRefused(
            f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02X} on line {line}); save the file as UTF-8.",
            f"{name}：不是 UTF-8 文本（第 {line} 行的字节 0x{data[exc.start]:02X}）；请以 UTF-8 编码保存文件。") from None
    if "\x00" in text:
        line = text[:text.index("\x00")].count("\n") + 1
        raise FileRefused(f"{name}: line {line} holds a NUL character; this is not a text file.",
                          f"{name}：第 {line} 行含有 NUL 字符，不是文本文件。")
    return text


def json_depth(text: str) -> int:
    """How deep arrays and objects nest in `text`, counted without recursion (strings skipped)."""
    depth = deepest = 0
    for match in _JSON_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large a number")
    return value


def load_json(text: str, name: str = "the file", *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse JSON whose nesting is at most `max_depth` (100 000 levels never reach the parser's
    recursion), without NaN, Infinity or numbers too long to convert."""
    if json_depth(text) > max_depth:
        raise FileRefused(f"{name}: JSON nested deeper than {max_depth} levels.",
                          f"{name}：JSON 嵌套超过 {max_depth} 层。")
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        raise FileRefused(f"{name}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}.",
                          f"{name}：JSON 格式错误，第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}。") from None
    except (ValueError, RecursionError) as exc:  # NaN, 1e999, a 5000-digit integer
        raise FileRefused(f"{name}: malformed JSON: {exc}.", f"{name}：JSON 格式错误：{exc}。") from None


# ─── one value ──────────────────────────────────────────────────────────────────


def column_length(column: Any) -> int | None:
    """The length of a String column, given as the model attribute (`models.Order.order_no`)."""
    expression = getattr(column, "expression", column)
    return getattr(getattr(expression, "type", None), "length", None)


def _missing(field: str) -> InputRefused:
    return InputRefused(field, "missing", "缺失")


def _bad_character(field: str, ch: str, position: int) -> InputRefused:
    name = unicodedata.name(ch, "")
    shown = f"{name}, U+{ord(ch):04X}" if name else f"U+{ord(ch):04X}"
    return InputRefused(field, f"holds a control character ({shown}) at position {position + 1}",
                        f"第 {position + 1} 个字符是控制字符（U+{ord(ch):04X}）")


def text(value: Any, field: str, *, column: Any = None, max_length: int | None = None, required: bool = True,
         multiline: bool = False, _code: bool = False) -> str | None:
    """A string, stripped; None when missing and not required. See the module's table."""
    if value is None or value == "":
        if required:
            raise _missing(field)
        return None
    if not isinstance(value, str):
        raise InputRefused(field, f"expected text, got {type(value).__name__}",
                           f"应为文本，实为 {type(value).__name__}")
    value = value.strip()
    if value == "":
        if required:
            raise _missing(field)
        return None
    for i, ch in enumerate(value):
        if ch in _LINE_BREAKS and multiline:
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs", "Zl", "Zp") or ch in _BIDI:
            raise _bad_character(field, ch, i)
        if category == "Cf" and (_code or ch not in _JOINERS):
            raise _bad_character(field, ch, i)
    limit = max_length if max_length is not None else column_length(column)
    if limit is not None and len(value) > limit:
        raise InputRefused(field, f"longer than {limit} characters ({len(value)})",
                           f"超过 {limit} 个字符（{len(value)} 个）")
    return value


def code(value: Any, field: str, *, column: Any = None, max_length: int | None = None,
         required: bool = True) -> str | None:
    """A code (merchant, SKU, coupon, tracking number): text on one line, no invisible characters."""
    return text(value, field, column=column, max_length=max_length, required=required, _code=True)


def barcode_code(value: Any, field: str, *, column: Any = None, max_length: int | None = None,
                 required: bool = True) -> str | None:
    """A code that will be printed as a Code 128 barcode (order numbers): printable ASCII only."""
    checked = code(value, field, column=column, max_length=max_length, required=required)
    if checked is None:
        return None
    for i, ch in enumerate(checked):
        if not " " <= ch <= "~":
            raise InputRefused(field, f"{ch!r} at position {i + 1} cannot be printed in a Code 128 barcode "
                                      "(letters, digits and ASCII punctuation only)",
                               f"第 {i + 1} 个字符 {ch!r} 无法印入 Code 128 条码（仅限字母、数字和 ASCII 标点）")
    from printing.barcodes import code128_modules

    try:
        code128_modules(checked)
    except Exception as exc:  # noqa: BLE001 - python-barcode raises several kinds; any means "cannot print"
        raise InputRefused(field, f"cannot be printed as a Code 128 barcode: {exc}",
                           f"无法印为 Code 128 条码：{exc}") from None
    return checked


def whole_number(value: Any, field: str, *, minimum: int = 0, maximum: int = INT32_MAX,
                 required: bool = True) -> int | None:
    """An int from JSON, or a string of ASCII digits from CSV, within minimum..maximum."""
    if value is None or value == "":
        if required:
            raise _missing(field)
        return None
    if isinstance(value, str):
        stripped = value.strip()
        if not _ASCII_INT.fullmatch(stripped) or len(stripped) > 20:
            raise InputRefused(field, f"{value[:40]!r} is not a whole number (ASCII digits 0-9)",
                               f"{value[:40]!r} 不是整数（仅限 ASCII 数字 0-9）")
        value = int(stripped)
    elif isinstance(value, bool) or not isinstance(value, int):
        raise InputRefused(field, f"expected a whole number, got {str(value)[:40]!r}",
                           f"应为整数，实为 {str(value)[:40]!r}")
    if not minimum <= value <= maximum:
        shown = str(value) if len(str(value)) <= 20 else f"a {len(str(value))}-digit number"
        raise InputRefused(field, f"{shown} is outside {minimum}..{maximum}",
                           f"{shown} 超出范围 {minimum}..{maximum}")
    return value


def amount(value: Any, field: str, *, places: int = 2, max_digits: int = 10, negative: bool = False,
           required: bool = True) -> Decimal | None:
    """A decimal string like "59.90": ASCII digits, at most `places` decimals and `max_digits` before
    the point (money is stored as integer cents); quantized to `places`."""
    checked = text(value, field, required=required, max_length=64)
    if checked is None:
        return None
    sign = "-?" if negative else ""
    if not re.fullmatch(rf"{sign}[0-9]{{1,{max_digits}}}(?:\.[0-9]{{1,{places}}})?", checked):
        raise InputRefused(field, f"{checked!r} is not an amount like \"59.90\" "
                                  f"(at most {max_digits} digits before the point and {places} after)",
                           f"{checked!r} 不是形如 \"59.90\" 的金额（整数部分最多 {max_digits} 位，小数最多 {places} 位）")
    try:
        return Decimal(checked).quantize(Decimal(1).scaleb(-places))
    except InvalidOperation:  # cannot happen after the pattern; kept so a change to it cannot crash
        raise InputRefused(field, f"{checked!r} is not an amount", f"{checked!r} 不是金额") from None


def moment(value: Any, field: str, *, required: bool = True, earliest: datetime = EARLIEST,
           latest: datetime = LATEST) -> datetime | None:
    """An ISO 8601 date and time with a UTC offset, between earliest and latest; returned as given
    (its offset kept)."""
    checked = text(value, field, required=required, max_length=40)
    if checked is None:
        return None
    if not _ISO_MOMENT.fullmatch(checked):
        raise InputRefused(field, f"{checked!r} is not an ISO 8601 date and time like 2026-11-23T09:15:00+08:00",
                           f"{checked!r} 不是形如 2026-11-23T09:15:00+08:00 的 ISO 8601 日期时间")
    try:
        parsed = datetime.fromisoformat(checked)
    except ValueError:
        raise InputRefused(field, f"{checked!r} is not a real date and time",
                           f"{checked!r} 不是有效的日期时间") from None
    if parsed.tzinfo is None:
        raise InputRefused(field, f"{checked!r} has no UTC offset (e.g. +08:00)",
                           f"{checked!r} 缺少时区偏移（如 +08:00）")
    try:
        in_utc = parsed.astimezone(UTC)
    except OverflowError:
        in_utc = None
    if in_utc is None or not earliest <= in_utc < latest:
        raise InputRefused(field, f"{checked!r} is outside {earliest:%Y}..{latest.year - 1}",
                           f"{checked!r} 超出 {earliest:%Y}..{latest.year - 1} 年的范围")
    return parsed
