"""Labels as ZPL: structure, sizes per dpi, graphic fields that add up, and the same layout as the PDF."""

from __future__ import annotations

import re
import subprocess

import pytest
from PIL import Image, ImageChops

from printing import LABEL_SIZES, render_label_pdf, render_label_zpl
from printing.barcodes import code128_modules
from printing.documents import sample_label

GFA = re.compile(r"\^FO(\d+),(\d+)\^GFA,(\d+),(\d+),(\d+),([0-9A-F]*)\^FS")
GB = re.compile(r"\^FO(\d+),(\d+)\^GB(\d+),(\d+),(\d+)")
BC = re.compile(r"\^FO(\d+),(\d+)\^BY(\d+),3,(\d+)\^BCN,(\d+),N,N,N,([NA])(?:\^FH)?\^FD([^^]*)\^FS")

EXPECTED_DOTS = {  # (^PW, ^LL) for each size at each dpi
    ("100x150", 203): (799, 1199), ("100x150", 300): (1181, 1772),
    ("100x180", 203): (799, 1439), ("100x180", 300): (1181, 2126),
    ("76x130", 203): (607, 1039), ("76x130", 300): (898, 1535),  # 76 mm x 203 / 25.4 = 607.4 dots …
}


def emulate(zpl: str, width: int, height: int) -> Image.Image:
    """A minimal ZPL rasteriser for the commands our renderer emits: ^GB boxes, ^GFA fields, ^BC bars."""
    page = Image.new("1", (width, height), 0)
    for x, y, w, h, _t in (map(int, m.groups()) for m in GB.finditer(zpl)):
        page.paste(1, (x, y, x + w, y + h))
    for m in GFA.finditer(zpl):
        x, y, total, _, bpr = map(int, m.groups()[:5])
        rows = total // bpr
        field = Image.frombytes("1", (bpr * 8, rows), bytes.fromhex(m.group(6)))
        page.paste(1, (x, y), field)  # set bits are ink
    for m in BC.finditer(zpl):
        x, y, module, _, h = map(int, m.groups()[:5])
        data = m.group(7)
        modules = code128_modules(data[4:], gs1=True) if data.startswith(">;>8") else code128_modules(data)
        for i, bit in enumerate(modules):
            if bit == "1":
                page.paste(1, (x + i * module, y, x + (i + 1) * module, y + h))
    return page


@pytest.mark.parametrize("size", sorted(LABEL_SIZES))
@pytest.mark.parametrize("dpi", [203, 300])
def test_zpl_structure(size, dpi):
    label = sample_label()
    zpl = render_label_zpl(label, size, dpi).decode("utf-8")
    assert zpl.startswith("^XA\n^CI28\n") and zpl.rstrip().endswith("^XZ")
    assert zpl.count("^XA") == 1 and zpl.count("^XZ") == 1
    width, height = EXPECTED_DOTS[(size, dpi)]
    assert f"^PW{width}\n" in zpl and f"^LL{height}\n" in zpl
    codes = {m.group(7): m for m in BC.finditer(zpl)}
    assert set(codes) == {label.tracking_number, ">;>800" + label.sscc}
    assert codes[label.tracking_number].group(6) == "A"  # automatic subsets, like the PDF's encoder
    fields = list(GFA.finditer(zpl))
    assert len(fields) >= 10
    for m in fields:
        x, y, total, total2, bpr = map(int, m.groups()[:5])
        data = m.group(6)
        assert total == total2 == len(data) // 2 and len(data) % 2 == 0
        assert total % bpr == 0
        rows = total // bpr
        assert 0 <= x and x + bpr * 8 <= width + 8 and 0 <= y and y + rows <= height
    # Chinese text travels as bitmaps; the ^FX comments name each box, never the customer's data.
    assert "^FX recipient-address\n" in zpl and "^FX recipient-name\n" in zpl
    for personal in ("广东省", "科技园", label.recipient.name, label.recipient.phone, "13800138000"):
        assert personal not in zpl


@pytest.mark.parametrize("size", sorted(LABEL_SIZES))
def test_zpl_and_pdf_are_laid_out_alike(size, tmp_path):
    """The ZPL, rasterised by the emulator, covers the same pixels as the PDF rasterised at 203 dpi."""
    label = sample_label()
    width, height = EXPECTED_DOTS[(size, 203)]
    zpl_image = emulate(render_label_zpl(label, size, 203).decode(), width, height)
    pdf = tmp_path / "label.pdf"
    pdf.write_bytes(render_label_pdf(label, size))
    subprocess.run(["pdftoppm", "-r", "203", "-gray", "-singlefile", str(pdf), str(tmp_path / "pdf")], check=True,
                   capture_output=True, timeout=60)
    with Image.open(tmp_path / "pdf.pgm") as raster:
        pdf_image = raster.point(lambda v: 255 if v < 128 else 0).convert("1").crop((0, 0, width, height))
    both = ImageChops.logical_and(zpl_image, pdf_image).histogram()[-1]
    either = ImageChops.logical_or(zpl_image, pdf_image).histogram()[-1]
    assert either > 0.1 * width * height  # a real label, not two blank pages
    assert both / either > 0.8
    # And the emulated ZPL's barcodes decode (positions, module widths and quiet zones are right).
    zpl_image.convert("L").point(lambda v: 0 if v else 255).save(tmp_path / "zpl.png")
    out = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "zpl.png")], check=True, capture_output=True,
                         text=True, timeout=60).stdout.split()
    assert set(out) == {label.tracking_number, "00" + label.sscc}


def test_printer_font_mode_sends_utf8_text_with_the_configured_font():
    label = sample_label()
    zpl = render_label_zpl(label, "100x150", 300, text_mode="printer-font", printer_font="E:ANMDJ.TTF").decode()
    assert "^GFA" not in zpl
    assert "^A@N," in zpl and ",E:ANMDJ.TTF" in zpl
    assert "^FH^FD广东省深圳市南山区粤海街道科技园南区^FS" in zpl
    assert "^FR^FH^FD易碎 FRAGILE^FS" in zpl


def test_zpl_command_characters_in_data_are_escaped():
    import dataclasses

    label = dataclasses.replace(sample_label(), order_number="PD^XZ~JR_1")
    zpl = render_label_zpl(label, "100x150", 203, text_mode="printer-font").decode()
    assert "PD_5EXZ_7EJR_5F1" in zpl and zpl.count("^XZ") == 1 and "~JR" not in zpl


def test_bad_dpi_and_text_mode_are_refused():
    with pytest.raises(ValueError):
        render_label_zpl(sample_label(), "100x150", 600)
    with pytest.raises(ValueError):
        render_label_zpl(sample_label(), "100x150", 203, text_mode="vector")
