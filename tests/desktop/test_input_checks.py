"""desktop.formats.checks: each check refuses the hostile values of issue 17 with a bilingual message."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.db import models
from desktop.domain.errors import FileRefused, InputRefused
from desktop.formats import checks


def refused(fn, *args, **kwargs) -> InputRefused:
    with pytest.raises(InputRefused) as caught:
        fn(*args, **kwargs)
    exc = caught.value
    assert exc.message and exc.message_zh and exc.message != exc.message_zh  # both languages
    return exc


def test_lengths_come_from_the_models_columns():
    assert checks.column_length(models.Order.order_no) == 40
    assert checks.column_length(models.TrackingEvent.place) == 120
    assert checks.text("x" * 40, "order_no", column=models.Order.order_no) == "x" * 40
    exc = refused(checks.text, "x" * 41, "order_no", column=models.Order.order_no)
    assert exc.field == "order_no" and "longer than 40" in exc.message


@pytest.mark.parametrize("bad", ["M1\x00", "a\x07b", "a\x1bb", "a\u202eb", "line\nbreak", "tab\there", "a\ud800b",
                                 "a\u2028b"])
def test_names_refuse_nul_and_control_characters(bad):
    assert "control character" in refused(checks.text, bad, "customer.name").message


def test_codes_refuse_invisible_characters_names_keep_joiners():
    assert checks.text("👩\u200d💻 Li", "customer.name") == "👩\u200d💻 Li"
    refused(checks.code, "M\u200d1", "merchant")
    refused(checks.code, "\ufeffM1x", "merchant")


def test_an_address_may_hold_line_breaks():
    assert checks.text("科苑路15号\r\n3栋", "address.detail", multiline=True) == "科苑路15号\r\n3栋"
    refused(checks.text, "科苑路\x00", "address.detail", multiline=True)


@pytest.mark.parametrize("value", [10 ** 30, "1" + "0" * 30, -1, True, 2.0, "２", "１２", "٣", "1e3", "0x10", " "])
def test_whole_numbers_are_bounded_ascii_integers(value):
    exc = refused(checks.whole_number, value, "qty", minimum=1, maximum=checks.MAX_QTY)
    assert exc.field == "qty"


def test_whole_numbers_accept_ints_and_ascii_digit_strings():
    assert checks.whole_number(12, "qty") == 12 and checks.whole_number(" 12 ", "qty") == 12
    assert checks.whole_number("-3", "n", minimum=-5) == -3


@pytest.mark.parametrize("value", ["1" * 23, "12345678901234567890123.45", "59.901", "1e5", "NaN", "Infinity",
                                   "５９.９０", "59,90", "+5", "-5.00", 59.9, "", " ."])
def test_amounts_are_bounded_ascii_decimals(value):
    refused(checks.amount, value, "unit_price")


def test_amounts_are_quantized_decimals():
    assert checks.amount("59.9", "p") == Decimal("59.90") and checks.amount("9999999999.99", "p") == Decimal("9999999999.99")
    assert checks.amount("-5.00", "p", negative=True) == Decimal("-5.00")


@pytest.mark.parametrize("value", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "2026-11-23T09:15:00",
                                   "２０２６-11-23T09:15:00+08:00", "2026-02-30T00:00:00+08:00", "1999-12-31T23:00:00Z",
                                   "2026-11-23T09:15:00+08:00 extra", 20261123])
def test_moments_are_bounded_iso_8601_with_an_offset(value):
    refused(checks.moment, value, "created_at")


def test_a_good_moment_keeps_its_offset():
    moment = checks.moment("2026-11-23T09:15:00+08:00", "created_at")
    assert moment.utcoffset().total_seconds() == 8 * 3600
    assert moment.astimezone(UTC) == datetime(2026, 11, 23, 1, 15, tzinfo=UTC)


@pytest.mark.parametrize("bad", ["PD-1\u00e9", "订单1", "PD\x7f1", "PD\x1d1"])
def test_order_numbers_must_fit_code_128(bad):
    refused(checks.barcode_code, bad, "order_no", column=models.Order.order_no)


@settings(deadline=None, max_examples=60)
@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7e), min_size=1, max_size=40))
def test_every_accepted_order_number_encodes_as_code_128(number):
    from printing.barcodes import code128_modules

    accepted = checks.barcode_code(number, "order_no", column=models.Order.order_no)
    assert set(code128_modules(accepted)) <= {"0", "1"}


def test_files_must_be_utf8_text_without_nul():
    assert checks.decode_text("\ufeff张伟".encode()) == "张伟"
    with pytest.raises(FileRefused, match="not UTF-8"):
        checks.decode_text("Müller, Café".encode("latin-1"), "orders.csv")
    with pytest.raises(FileRefused, match="NUL"):
        checks.decode_text(b'{"orders": []}\x00', "orders.json")


def test_deep_nesting_is_refused_without_recursion():
    deep = "[" * 100_000 + "]" * 100_000
    assert checks.json_depth(deep) == 100_000
    with pytest.raises(FileRefused, match="nested deeper"):
        checks.load_json(deep)
    brackets = "[" * 60  # inside a string they are text, not nesting
    assert checks.load_json('{"a": "%s"}' % brackets) == {"a": brackets}


@pytest.mark.parametrize("text", ["[NaN]", "[Infinity]", "[1e999]", "[" + "9" * 5000 + "]", '{"a": 1', "\"\\ud800\" x"])
def test_json_numbers_that_are_not_numbers_are_refused(text):
    with pytest.raises(FileRefused):
        checks.load_json(text)


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2048)
    with pytest.raises(FileRefused, match="larger than"):
        checks.read_bytes(big, max_bytes=1024)
    assert checks.read_bytes(big, max_bytes=4096) == b" " * 2048


def test_problems_collects_every_refusal():
    problems = checks.Problems()
    assert problems.check(checks.whole_number, "x", "qty") is None
    assert problems.check(checks.text, "ok", "name") == "ok"
    assert problems.check(checks.moment, "soon", "at") is None
    assert [p.field for p in problems] == ["qty", "at"]
