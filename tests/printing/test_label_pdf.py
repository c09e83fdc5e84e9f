"""Labels and slips as PDF: rasterised at a thermal printer's 203 dpi, the barcodes must decode back."""

from __future__ import annotations

import dataclasses
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from printing import LABEL_SIZES, render_label_pdf, render_slip_pdf
from printing.documents import Address, Party, ShippingLabel, is_valid_sscc, sample_label, sample_slip
from printing.layout import LabelOverflow, TextBox, layout_label


def run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=60).stdout


def decode_barcodes(pdf: bytes, tmp_path: Path, dpi: int = 203) -> set[str]:
    src = tmp_path / "doc.pdf"
    src.write_bytes(pdf)
    run("pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(src), str(tmp_path / "page"))
    # zbarimg exits 4 when it finds nothing: that must fail the test, so check=True stays.
    out = run("zbarimg", "--raw", "-q", str(tmp_path / "page.png"))
    return {line for line in out.splitlines() if line}


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    src = tmp_path / "fonts.pdf"
    src.write_bytes(pdf)
    rows = run("pdffonts", str(src)).splitlines()[2:]
    return [row.split() for row in rows]


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    src = tmp_path / "text.pdf"
    src.write_bytes(pdf)
    return run("pdftotext", "-layout", str(src), "-")


@pytest.mark.parametrize("size", sorted(LABEL_SIZES))
def test_tracking_number_and_sscc_decode_at_203_dpi(size, tmp_path):
    label = sample_label()
    found = decode_barcodes(render_label_pdf(label, size), tmp_path)
    # zbar reports GS1-128 as its element string, FNC1 dropped: AI 00 followed by the SSCC.
    assert found == {label.tracking_number, "00" + label.sscc}


def test_a_label_without_sscc_has_only_the_tracking_barcode(tmp_path):
    label = dataclasses.replace(sample_label(), sscc=None, tracking_number="YT7543219876502")
    assert decode_barcodes(render_label_pdf(label, "100x150"), tmp_path) == {"YT7543219876502"}


@pytest.mark.parametrize("size", sorted(LABEL_SIZES))
def test_fonts_are_embedded_and_the_chinese_address_is_in_the_text_layer(size, tmp_path):
    label = sample_label()
    pdf = render_label_pdf(label, size)
    fonts = pdf_fonts(pdf, tmp_path)
    assert any("DroidSansFallback" in row[0] for row in fonts)
    for row in fonts:  # columns: name type encoding emb sub uni id gen — every font embedded
        assert row[-5] == "yes", row
    text = pdf_text(pdf, tmp_path).replace(" ", "")
    assert "广东省深圳市南山区粤海街道科技园南区" in "".join(text.split())  # wraps on the 76 mm waybill
    # The detail wraps over lines; every character of it must still be there, in order.
    flat = "".join(text.split())
    assert label.recipient.address.detail.replace(" ", "") in flat
    for needle in (label.recipient.name, "518057", label.tracking_number, "易碎", "保价", "¥299.00", "1.250kg",
                   label.order_number, "(00)" + label.sscc, "浙江省杭州市余杭区"):
        assert needle in flat, needle


def test_a_very_long_address_wraps_at_a_smaller_size_and_nothing_is_lost(tmp_path):
    label = sample_label()
    detail = "科技园南区深南大道9988号华润置地大厦E座" * 6
    long_label = dataclasses.replace(label, recipient=dataclasses.replace(
        label.recipient, address=dataclasses.replace(label.recipient.address, detail=detail)))
    layout = layout_label(long_label, "100x150")
    normal = {box.name: box for box in layout_label(label, "100x150").boxes if isinstance(box, TextBox)}
    box = next(b for b in layout.boxes if isinstance(b, TextBox) and b.name == "recipient-address")
    assert box.size_pt < normal["recipient-address"].size_pt
    assert "".join(line.text for line in box.lines).replace(" ", "").count("华润置地大厦E座") == 6
    # Every line sits inside its box: nothing clipped at the bottom or the right edge.
    last = box.lines[-1]
    assert last.baseline <= box.y + box.h
    flat = "".join(pdf_text(render_label_pdf(long_label, "100x150"), tmp_path).split())
    assert flat.count("华润置地大厦E座") == 6


def test_text_that_cannot_fit_at_all_is_refused_not_clipped():
    label = sample_label()
    huge = dataclasses.replace(label, recipient=dataclasses.replace(
        label.recipient, address=dataclasses.replace(label.recipient.address, detail="很长的地址" * 200)))
    with pytest.raises(LabelOverflow) as info:
        layout_label(huge, "100x150")
    assert info.value.field == "recipient-address"


def test_a_long_name_shrinks_before_it_wraps():
    label = sample_label()
    named = dataclasses.replace(label, recipient=dataclasses.replace(label.recipient, name="欧阳娜娜娜娜娜"))
    box = next(b for b in layout_label(named, "100x150").boxes if isinstance(b, TextBox) and b.name == "recipient-name")
    assert len(box.lines) == 1 and box.size_pt < 16


def test_both_sizes_lay_out_every_box_inside_the_label():
    for size in LABEL_SIZES.values():
        layout = layout_label(sample_label(), size)
        for box in layout.boxes:
            assert 0 <= box.x and box.x + box.w <= size.width_mm + 1e-6, box
            assert 0 <= box.y and box.y + box.h <= size.height_mm + 1e-6, box


def test_label_data_checks_itself():
    label = sample_label()
    assert is_valid_sscc(label.sscc)
    with pytest.raises(ValueError):
        dataclasses.replace(label, sscc="106141411234567890")  # wrong check digit
    with pytest.raises(ValueError):
        dataclasses.replace(label, parcel_index=3, parcel_count=2)
    with pytest.raises(TypeError):
        dataclasses.replace(label, cod_amount=299.0)
    assert label.weight_text == "1.250 kg"
    overseas = Address(detail="1 Infinite Loop", city="Cupertino", province="CA", postal_code="95014", country="US")
    assert overseas.lines() == ("1 Infinite Loop", "Cupertino, CA", "95014 USA")


def test_a_label_without_cod_shows_no_cod_mark(tmp_path):
    label = dataclasses.replace(sample_label(), cod_amount=None, fragile=False, insured=False)
    flat = "".join(pdf_text(render_label_pdf(label, "100x180"), tmp_path).split())
    assert "COD" not in flat and "FRAGILE" not in flat and "INSURED" not in flat
    assert "1.250kg" in flat


@pytest.mark.parametrize("page", ["A5", "A4"])
def test_packing_slip_lists_lines_and_prices(page, tmp_path):
    slip = sample_slip()
    pdf = render_slip_pdf(slip, page)
    flat = "".join(pdf_text(pdf, tmp_path).split())
    for needle in ("装箱单", slip.order_number, "QH-TEA-001", "06901234567892", "西湖龙井", "L2409A", "2026-03-31",
                   "¥128.00", "¥299.00", "七天无理由退货", "Parcels2", "粤海街道科技园南区"):
        assert needle in flat, needle
    assert all(row[-5] == "yes" for row in pdf_fonts(pdf, tmp_path))
    assert decode_barcodes(pdf, tmp_path) == {slip.order_number}


def test_a_gift_slip_hides_prices_and_shows_the_note(tmp_path):
    slip = sample_slip(gift=True)
    flat = "".join(pdf_text(render_slip_pdf(slip, "A5"), tmp_path).split())
    assert "礼品单" in flat and "生日快乐" in flat
    assert "¥" not in flat and "128.00" not in flat


def test_unknown_sizes_are_refused():
    with pytest.raises(ValueError):
        render_label_pdf(sample_label(), "4x6")
    with pytest.raises(ValueError):
        render_slip_pdf(sample_slip(), "Letter")


def test_cod_is_printed_as_money():
    label = dataclasses.replace(sample_label(), cod_amount=Decimal("1234.5"))
    layout = layout_label(label, "100x150")
    assert "代收 COD ¥1,234.50" in layout.text()


def test_sender_and_recipient_without_phone_still_render(tmp_path):
    label = dataclasses.replace(sample_label(), sender=Party("小店", Address(detail="某路1号", city="北京市")))
    assert decode_barcodes(render_label_pdf(label, "100x150"), tmp_path) >= {label.tracking_number}
