"""decode_scan: GS1 examples from the GS1 General Specifications, Pickdesk labels, and refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.decode import (
    BadgeScan,
    ItemScan,
    LocationScan,
    OrderScan,
    ParcelScan,
    RejectReason,
    ScanConfig,
    ScanRejected,
    SsccScan,
    ToteScan,
    decode_scan,
    scan_as_dict,
)

GS = "\x1d"


def rejected(raw: str, config: ScanConfig | None = None) -> ScanRejected:
    with pytest.raises(ScanRejected) as info:
        decode_scan(raw, config)
    return info.value


# --- GS1 General Specifications examples --------------------------------------------------


def test_gs1_gtin_with_expiry_and_lot_from_datamatrix_guideline():
    scan = decode_scan("]d2010950110153000317140704101234" + GS + "21ABC")
    assert scan == ItemScan(
        gtin="09501101530003",
        lot="1234",
        expiry=dt.date(2014, 7, 4),
        serial="ABC",
        raw="]d2010950110153000317140704101234" + GS + "21ABC",
        symbology="]d2",
    )


def test_hri_form_with_expiry_day_00_means_last_day_of_month():
    scan = decode_scan("(01)09501101530003(17)260200(10)AB-123")
    assert isinstance(scan, ItemScan)
    assert scan.expiry == dt.date(2026, 2, 28)
    assert scan.lot == "AB-123"
    assert scan.symbology is None


def test_hri_form_tolerates_spaces_people_type():
    scan = decode_scan("(01) 09501101530003 (10) AB-123")
    assert isinstance(scan, ItemScan) and scan.lot == "AB-123"


def test_leap_year_day_00():
    scan = decode_scan("]C1010950110153000317280200")
    assert isinstance(scan, ItemScan) and scan.expiry == dt.date(2028, 2, 29)


def test_best_before_serial_and_count():
    scan = decode_scan("]C10110614141000415152601153012" + GS + "21XYZ-9")
    assert scan == ItemScan(
        gtin="10614141000415",
        best_before=dt.date(2026, 1, 15),
        count=12,
        serial="XYZ-9",
        raw="]C10110614141000415152601153012" + GS + "21XYZ-9",
        symbology="]C1",
    )


def test_sscc_example():
    scan = decode_scan("]C100106141411234567897")
    assert scan == SsccScan(sscc="106141411234567897", raw="]C100106141411234567897", symbology="]C1")


def test_sscc_with_contained_gtin_and_count_37():
    scan = decode_scan("(00)106141411234567897(02)10614141000415(37)20")
    assert isinstance(scan, SsccScan)
    assert scan.content_gtin == "10614141000415" and scan.count == 20


def test_gtin_02_with_count_37_without_sscc_is_an_item():
    scan = decode_scan("]C1021061414100041537" + "20")
    assert isinstance(scan, ItemScan) and scan.gtin == "10614141000415" and scan.count == 20


def test_other_known_ais_are_kept():
    scan = decode_scan("(01)09501101530003(3103)001250")
    assert isinstance(scan, ItemScan) and scan.other == (("3103", "001250"),)


@pytest.mark.parametrize(
    "raw",
    [
        "]C1010950110153000310AB" + GS + "21X",
        "]C1010950110153000310AB<GS>21X",
        "]C1010950110153000310AB{GS}21X",
        "]C1010950110153000310AB^21X",
        "]Q3010950110153000310AB~21X",
        "]e0010950110153000310AB|21X",
        "010950110153000310AB^21X",  # AIM identifiers switched off
        "]C1" + GS + "010950110153000310AB" + GS + "21X" + GS,  # leading and trailing FNC1
    ],
)
def test_fnc1_separators_and_substitutes(raw):
    scan = decode_scan(raw)
    assert isinstance(scan, ItemScan)
    assert (scan.gtin, scan.lot, scan.serial) == ("09501101530003", "AB", "X")


def test_substitutes_are_configurable():
    config = ScanConfig(gs_substitutes=("#",))
    scan = decode_scan("]C1010950110153000310AB#21X", config)
    assert isinstance(scan, ItemScan) and scan.lot == "AB" and scan.serial == "X"
    # With "#" configured, "^" is data again — and not valid in a GS1 lot.
    assert rejected("]C1010950110153000310AB^21X", config).reason is RejectReason.MALFORMED_FIELD


def test_bad_substitute_config_is_refused():
    with pytest.raises(ValueError):
        ScanConfig(gs_substitutes=("",))


# --- bare GTINs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "gtin", "symbology"),
    [
        ("]E05901234123457", "05901234123457", "]E0"),  # EAN-13
        ("]E496385074", "00000096385074", "]E4"),  # EAN-8
        ("036000291452", "00036000291452", None),  # UPC-A (GTIN-12)
        ("]I110614141000415", "10614141000415", "]I1"),  # ITF-14
        ("4006381333931", "04006381333931", None),
    ],
)
def test_bare_gtins_are_normalised_to_14_digits(raw, gtin, symbology):
    scan = decode_scan(raw)
    assert scan == ItemScan(gtin=gtin, raw=raw, symbology=symbology)


def test_surrounding_line_endings_are_transport_not_data():
    assert decode_scan("4006381333931\r\n") == ItemScan(gtin="04006381333931", raw="4006381333931\r\n")


# --- Pickdesk labels ----------------------------------------------------------------------


def test_location():
    assert decode_scan("LOC-SZ1-A03-1-07-2") == LocationScan(
        code="SZ1-A03-1-07-2", warehouse="SZ1", zone="A", aisle=3, block=1, slot=7, level=2
    )


def test_a_warehouses_own_location_codes():
    """Any code the set-up file gives a location scans as LOC- + code (warehouse-setup.md)."""
    assert decode_scan("LOC-HZ1-QUAR-01") == LocationScan(code="HZ1-QUAR-01")
    assert decode_scan("LOC-CD1-R01-02-1") == LocationScan(code="CD1-R01-02-1")
    assert decode_scan("LOC-sz1.a3_x") == LocationScan(code="sz1.a3_x")
    assert decode_scan("LOC-" + "A" * 32) == LocationScan(code="A" * 32)


def test_own_labels():
    assert decode_scan("TOTE-00042") == ToteScan(code="TOTE-00042")
    assert decode_scan("ORD-M1-20261123-000123") == OrderScan(order_no="M1-20261123-000123")
    assert decode_scan("PCL-0123456789") == ParcelScan(code="PCL-0123456789")
    assert decode_scan("BADGE-P00001") == BadgeScan(code="BADGE-P00001")
    assert decode_scan("]C0TOTE-00042") == ToteScan(code="TOTE-00042")  # plain Code 128 with AIM


@pytest.mark.parametrize(
    "raw",
    [
        "LOC-",
        "LOC--A03-1-07-2",
        "LOC-SZ1 A03-1-07-2",
        "LOC-SZ1/A03",
        "LOC-" + "A" * 33,
        "TOTE-0042",
        "TOTE-000421",
        "ORD-",
        "ORD-M1--1",
        "ORD-M1_2",
        "PCL-123456789",
        "BADGE-P01",
        "BADGE-p00001",
        "BADGE-P000000000001",
    ],
)
def test_malformed_own_labels(raw):
    assert rejected(raw).reason is RejectReason.MALFORMED_LABEL


def test_own_labels_are_case_sensitive_and_caps_lock_is_named():
    error = rejected("tote-00042")
    assert error.reason is RejectReason.WRONG_CASE
    assert "Caps Lock" in error.message and "大写" in error.message_zh


# --- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", RejectReason.EMPTY),
        ("   ", RejectReason.EMPTY),
        ("]C1", RejectReason.EMPTY),
        ("4006381333932", RejectReason.BAD_CHECK_DIGIT),
        ("]C10109501101530004", RejectReason.BAD_CHECK_DIGIT),
        ("]C100106141411234567898", RejectReason.BAD_CHECK_DIGIT),
        ("]C10109501101530003" + "2312", RejectReason.UNKNOWN_AI),
        ("]C1010950110153", RejectReason.TRUNCATED_FIELD),
        ("]C1010950110153000317251", RejectReason.TRUNCATED_FIELD),
        ("(01)0950110153000(10)A", RejectReason.TRUNCATED_FIELD),
        ("]C1010950110153000317250230", RejectReason.IMPOSSIBLE_DATE),
        ("]C1010950110153000317251301", RejectReason.IMPOSSIBLE_DATE),
        ("]C1010950110153000315250000", RejectReason.IMPOSSIBLE_DATE),
        ("]C1010950110153000310", RejectReason.MALFORMED_FIELD),
        ("]C10109501101530003" + "30ABC", RejectReason.MALFORMED_FIELD),
        ("]C10109501101530003\x0710A", RejectReason.CONTROL_CHARACTER),
        ("TOTE-00042\x00", RejectReason.CONTROL_CHARACTER),
        ("ＴＯＴＥ-00042", RejectReason.NON_ASCII),
        ("条码", RejectReason.NON_ASCII),
        ("]C10109501101530003" + "10A" + GS + "10B", RejectReason.DUPLICATE_AI),
        ("(01)09501101530003(30)1(37)2", RejectReason.CONFLICTING_AI),
        ("(01)09501101530003(02)10614141000415", RejectReason.CONFLICTING_AI),
        ("]C11724010110ABC", RejectReason.NO_ITEM_IDENTIFIER),
        ("(01)09501101530003(10)", RejectReason.MALFORMED_HRI),
        ("(01)09501101530003(10)A(B)", RejectReason.MALFORMED_HRI),
        ("]E0ABC", RejectReason.SYMBOLOGY_MISMATCH),
        ("]E059012341234571234", RejectReason.SYMBOLOGY_MISMATCH),
        ("]!0123", RejectReason.UNKNOWN_SYMBOLOGY),
        ("hello", RejectReason.UNRECOGNISED),
        ("]C0hello", RejectReason.UNRECOGNISED),
        ("]Q1https://example.com", RejectReason.UNRECOGNISED),
        ("x" * 600, RejectReason.TOO_LONG),
    ],
)
def test_rejections(raw, reason):
    error = rejected(raw)
    assert error.reason is reason
    assert error.message and error.message_zh and error.raw == raw
    assert str(error) == error.message


def test_rejection_messages_are_bilingual_for_every_reason_seen():
    error = rejected("]C1010950110153000317250230")
    assert "does not exist" in error.message
    assert "不存在" in error.message_zh


def test_without_aim_gs1_can_be_switched_off():
    config = ScanConfig(accept_gs1_without_aim=False)
    assert rejected("010950110153000310AB", config).reason is RejectReason.UNRECOGNISED
    assert isinstance(decode_scan("]C1010950110153000310AB", config), ItemScan)


def test_scan_as_dict_is_json_ready():
    data = scan_as_dict(decode_scan("(01)09501101530003(17)260200(10)AB"))
    assert data["kind"] == "item" and data["expiry"] == "2026-02-28" and data["other"] == []


# --- fuzzing: every input is a result or a typed rejection --------------------------------

_ALPHABET = st.sampled_from(list("0123456789()^~|{}<>GS-]CdQEe12AZ\x1d\x00\r\n é条") + ["<GS>", "{GS}"])

_RESULTS = (ItemScan, SsccScan, LocationScan, ToteScan, OrderScan, ParcelScan, BadgeScan)


def _decodes_or_rejects(raw: str) -> None:
    try:
        scan = decode_scan(raw)
    except ScanRejected as exc:
        assert isinstance(exc.reason, RejectReason) and exc.message and exc.message_zh
    else:
        assert isinstance(scan, _RESULTS)
        scan_as_dict(scan)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80))
def test_fuzz_any_text(raw):
    _decodes_or_rejects(raw)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_fuzz_barcode_like_alphabet(raw):
    _decodes_or_rejects(raw)


_PREFIXES = st.sampled_from(["", "]C1", "]d2", "]Q3", "]E0", "]C0", "(01)", "01", "00", "LOC-", "ORD-"])
_AIS = st.sampled_from(["01", "00", "02", "10", "11", "15", "17", "21", "30", "37", "3103", "99", "(17)", "(10)"])


@settings(max_examples=400, deadline=None)
@given(_PREFIXES, st.lists(st.tuples(_AIS, st.text("0123456789AB-", max_size=16)), max_size=5), st.sampled_from(["", GS, "^"]))
def test_fuzz_gs1_shaped(prefix, parts, sep):
    _decodes_or_rejects(prefix + sep.join(ai + data for ai, data in parts))


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"\A(LOC-[A-Z0-9]{1,7}-[A-Za-z][0-9]{1,3}-[0-9]-[0-9]{2}-[0-9]|TOTE-[0-9]{4,6}|BADGE-[A-Z0-9]{3,13})\Z"))
def test_fuzz_own_label_shapes(raw):
    _decodes_or_rejects(raw)


@given(st.from_regex(r"\ALOC-[A-Z0-9]{2,6}-[A-Z][0-9]{2}-[0-9]-[0-9]{2}-[0-9]\Z"))
def test_every_well_formed_location_decodes_back_to_its_code(raw):
    scan = decode_scan(raw)
    assert isinstance(scan, LocationScan)
    assert f"LOC-{scan.warehouse}-{scan.zone}{scan.aisle:02d}-{scan.block}-{scan.slot:02d}-{scan.level}" == raw
