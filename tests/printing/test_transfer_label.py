"""The transfer label: rasterised at 203 dpi its notice number decodes back; its text says what goes where."""

from __future__ import annotations

from datetime import date

import pytest

from printing.transfer_label import TransferLabel, TransferLine, layout_transfer_label, render_transfer_label_pdf
from tests.printing.test_label_pdf import decode_barcodes, pdf_text


def _label(**changes: object) -> TransferLabel:
    values: dict[str, object] = dict(
        transfer_no="TRF-000012", asn_no="ASN-TRF-000012", from_warehouse="SZ1", to_warehouse="GZ1",
        sku="TEA-250", gtin="06901234567892", name="Green tea 绿茶 250 g",
        lines=(TransferLine("L2401", date(2027, 1, 31), 5), TransferLine("L2402", date(2027, 3, 31), 7)),
        ship_date=date(2026, 12, 4), order_no="MO-20261204-0001")
    values.update(changes)
    return TransferLabel(**values)  # type: ignore[arg-type]


def test_the_notice_number_decodes_and_the_lines_read(tmp_path) -> None:
    pdf = render_transfer_label_pdf(_label())
    assert decode_barcodes(pdf, tmp_path) == {"ASN-TRF-000012"}
    text = pdf_text(pdf, tmp_path)
    for part in ("SZ1", "GZ1", "TEA-250", "L2401", "2027-01-31", "× 5", "L2402", "TOTAL × 12", "MO-20261204-0001"):
        assert part in text


def test_every_size_fits() -> None:
    for size in ("100x150", "100x180"):
        layout = layout_transfer_label(_label(), size)
        assert all(box.y + box.h <= layout.size.height_mm for box in layout.boxes)


@pytest.mark.parametrize("changes", [{"asn_no": ""}, {"asn_no": "ASN\u00e9"}, {"lines": ()},
                                     {"lines": (TransferLine(None, None, 0),)}])
def test_bad_labels_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        _label(**changes)
