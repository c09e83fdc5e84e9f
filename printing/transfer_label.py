"""The label that goes with a transfer between warehouses: where from, where to, what, and its notice.

A carton (or pallet) of a `TransferLabel` carries the notice number (ASN) as Code 128 — the
receiving warehouse scans it to open the notice — and the transfer number, the product and each lot
with its expiry and quantity. Drawn as boxes in millimetres like the shipping label
(`printing.layout`), rendered by the same PDF renderer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from printing.layout import (
    BarcodeBox, LabelLayout, Rule, TextBox, barcode_box, label_size, text_box,
)

MARGIN = 3.0


@dataclass(frozen=True)
class TransferLine:
    lot: str | None
    expiry: date | None
    qty: int


@dataclass(frozen=True)
class TransferLabel:
    transfer_no: str  # "TRF-000012"
    asn_no: str  # the notice the receiving warehouse scans
    from_warehouse: str
    to_warehouse: str
    sku: str
    gtin: str
    name: str
    lines: tuple[TransferLine, ...]
    ship_date: date
    order_no: str | None = None

    def __post_init__(self) -> None:
        if not self.asn_no or not self.asn_no.isascii() or not self.asn_no.isprintable():
            raise ValueError(f"the notice number must be printable ASCII: {self.asn_no!r}")
        if not self.lines or any(ln.qty <= 0 for ln in self.lines):
            raise ValueError("a transfer label lists at least one line, each of at least one unit")

    @property
    def total(self) -> int:
        return sum(ln.qty for ln in self.lines)


def layout_transfer_label(label: TransferLabel, size: str = "100x150", dpi: int = 203) -> LabelLayout:
    s = label_size(size)
    w = s.width_mm - 2 * MARGIN
    boxes: list[TextBox | BarcodeBox | Rule] = []
    y = MARGIN
    boxes.append(text_box(MARGIN, y, w, 9, "调拨 TRANSFER", max_pt=20, min_pt=10, reverse=True, bold=True,
                          align="center", valign="center", name="title"))
    y += 11
    boxes.append(text_box(MARGIN, y, w, 12, (f"从 FROM  {label.from_warehouse}", f"到 TO  {label.to_warehouse}"),
                          max_pt=16, min_pt=8, bold=True, name="route"))
    y += 13
    boxes.append(Rule(MARGIN, y, w, 0.4))
    y += 2
    boxes.append(text_box(MARGIN, y, w, 16, (f"{label.sku}  {label.gtin}", label.name), max_pt=12, min_pt=6,
                          name="product"))
    y += 17
    rows = tuple(f"{ln.lot or '—'}   {ln.expiry.isoformat() if ln.expiry else '—'}   × {ln.qty}" for ln in label.lines)
    boxes.append(text_box(MARGIN, y, w, 30, ("批号 LOT   效期 EXP   数量 QTY", *rows, f"合计 TOTAL × {label.total}"),
                          max_pt=11, min_pt=5, name="lines"))
    y += 31
    boxes.append(Rule(MARGIN, y, w, 0.4))
    y += 3
    info = [f"{label.transfer_no}   {label.ship_date.isoformat()}"]
    if label.order_no:
        info.append(f"订单 ORDER {label.order_no}")
    boxes.append(text_box(MARGIN, y, w, 10, tuple(info), max_pt=10, min_pt=6, name="info"))
    y += 12
    boxes.append(text_box(MARGIN, y, w, 5, "到货通知 ASN", max_pt=9, min_pt=6, align="center", name="asn_caption"))
    y += 6
    boxes.append(barcode_box(MARGIN, y, w, 25, label.asn_no, "code128", dpi, name="asn"))
    y += 26
    boxes.append(text_box(MARGIN, y, w, 7, label.asn_no, max_pt=14, min_pt=8, align="center", bold=True,
                          name="asn_text"))
    return LabelLayout(s, dpi, tuple(boxes))


def render_transfer_label_pdf(label: TransferLabel, size: str = "100x150") -> bytes:
    from printing.pdf import render_layout_pdf

    return render_layout_pdf(layout_transfer_label(label, size), title=f"{label.transfer_no} {label.asn_no}")
