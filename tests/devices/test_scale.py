"""Scale protocol parsers: MT-SICS replies and continuous-output frames."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.scale import (
    ScaleAck,
    ScaleError,
    ScaleErrorCode,
    ScaleReading,
    parse_continuous,
    parse_mt_sics,
    to_grams,
)


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        (b"S S      100.00 g\r\n", ScaleReading(Decimal("100.00"), True)),
        (b"S D     1.250 kg\r\n", ScaleReading(Decimal("1250.000"), False)),
        (b"S S    -0.15 g", ScaleReading(Decimal("-0.15"), True)),
        (b"S S     2.5 lb", ScaleReading(Decimal("1133.980925"), True)),
        (b"S S     1 oz", ScaleReading(Decimal("28.349523125"), True)),
        (b"S S   500 mg", ScaleReading(Decimal("0.500"), True)),
        (b"Z A", ScaleAck("Z")),
        (b"T S      0.100 kg", ScaleAck("T", Decimal("100.000"))),
    ],
)
def test_mt_sics_replies(frame, expected):
    assert parse_mt_sics(frame) == expected


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        (b"S +", ScaleErrorCode.OVERLOAD),
        (b"S -", ScaleErrorCode.UNDERLOAD),
        (b"S I", ScaleErrorCode.NOT_EXECUTABLE),
        (b"Z I", ScaleErrorCode.NOT_EXECUTABLE),
        (b"T +", ScaleErrorCode.OVERLOAD),
        (b"ES\r\n", ScaleErrorCode.SYNTAX_ERROR),
        (b"ET", ScaleErrorCode.TRANSMISSION_ERROR),
        (b"EL", ScaleErrorCode.LOGICAL_ERROR),
        (b"S S 1.0 ct", ScaleErrorCode.UNKNOWN_UNIT),
        (b"S S", ScaleErrorCode.MALFORMED),
        (b"S A 1.0 g", ScaleErrorCode.MALFORMED),
        (b"Z A 1.0 g", ScaleErrorCode.MALFORMED),
        (b"\xffS S 1 g", ScaleErrorCode.MALFORMED),
        (b"", ScaleErrorCode.MALFORMED),
        (b"S S 1.0\x00 g", ScaleErrorCode.MALFORMED),
    ],
)
def test_mt_sics_errors_are_typed(frame, code):
    with pytest.raises(ScaleError) as info:
        parse_mt_sics(frame)
    assert info.value.code is code
    assert info.value.message and info.value.message_zh and info.value.frame == frame


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        (b"ST,GS,+0012.345kg\r\n", ScaleReading(Decimal("12345.000"), True)),
        (b"US,NT,-0000.120 kg\r", ScaleReading(Decimal("-120.000"), False)),
        (b"ST,NT,+001250 g", ScaleReading(Decimal("1250"), True)),
        (b"   12.345 kg", ScaleReading(Decimal("12345.000"), True)),
        (b"   12.345 kg ?", ScaleReading(Decimal("12345.000"), False)),
        (b"  1.5 lb G", ScaleReading(Decimal("680.388555"), True)),
        (b"  3.00 oz N ?", ScaleReading(Decimal("85.04856937500"), False)),
    ],
)
def test_continuous_frames(frame, expected):
    assert parse_continuous(frame) == expected


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        (b"OL,GS,+9999999 kg", ScaleErrorCode.OVERLOAD),
        (b"OL", ScaleErrorCode.OVERLOAD),
        (b"------", ScaleErrorCode.OVERLOAD),
        (b"ST,GS,", ScaleErrorCode.MALFORMED),
        (b"12 xx", ScaleErrorCode.UNKNOWN_UNIT),
        (b"hello", ScaleErrorCode.MALFORMED),
        (b"ST,GS,+1.0kg\x07", ScaleErrorCode.MALFORMED),
    ],
)
def test_continuous_errors_are_typed(frame, code):
    with pytest.raises(ScaleError) as info:
        parse_continuous(frame)
    assert info.value.code is code


def test_units_convert_exactly():
    assert to_grams("1", "lb") == Decimal("453.59237")
    assert to_grams("16", "oz") == to_grams("1", "lb")
    assert to_grams("1.000", "KG") == Decimal("1000.000")


_MT_TOKENS = st.sampled_from(["S", "SI", "T", "Z", " ", "  ", "S ", "D ", "A", "+", "-", "I", "1", "0.5", ".", "g", "kg", "lb", "oz", "ES", "\r\n", "\x00", "9" * 12, "E"])
_CONT_TOKENS = st.sampled_from(["ST", "US", "OL", ",", "GS", "NT", "+", "-", "0012.345", "1", ".", " ", "kg", "g", "lb", "?", "G", "N", "\r", "\xff", "nan", "inf", "1e9"])


def _reading_or_scale_error(parser, frame: bytes) -> None:
    try:
        result = parser(frame)
    except ScaleError as exc:
        assert isinstance(exc.code, ScaleErrorCode)
    else:
        assert isinstance(result, (ScaleReading, ScaleAck))
        if isinstance(result, ScaleReading):
            assert isinstance(result.grams, Decimal) and result.grams.is_finite()


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=40), st.lists(_MT_TOKENS, max_size=8).map(lambda t: "".join(t).encode("latin-1"))))
def test_fuzz_mt_sics(frame):
    _reading_or_scale_error(parse_mt_sics, frame)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=40), st.lists(_CONT_TOKENS, max_size=8).map(lambda t: "".join(t).encode("latin-1"))))
def test_fuzz_continuous(frame):
    _reading_or_scale_error(parse_continuous, frame)
