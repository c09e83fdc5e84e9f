"""The carrier's end-of-day manifest as plain data → PDF (reportlab) and CSV.

One row per parcel handed over: parcel code, order, tracking number, service, weight, destination
(province and city only: the manifest leaves the building, customer names and streets do not), the
insured value and the cash to collect. Chinese text is drawn with the bundled CJK font in runs, as
on the labels (`printing.fonts`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas

from printing import fonts
from printing.spreadsheet import safe_row

CSV_HEADER = ["manifest", "carrier", "day", "n", "parcel", "order", "tracking_no", "service", "parcel_of",
              "weight_g", "province", "city", "insured_value", "cod_amount"]


@dataclass(frozen=True)
class ManifestRow:
    parcel: str
    order_no: str
    tracking_no: str
    service: str
    parcel_of: str  # "1/2"
    weight_g: int | None
    province: str
    city: str
    insured_value: Decimal | None = None
    cod_amount: Decimal | None = None


@dataclass(frozen=True)
class ManifestSheet:
    manifest_no: str
    carrier_code: str
    carrier_name: str
    warehouse: str
    day: date
    closed_at: datetime | None
    rows: tuple[ManifestRow, ...]

    @property
    def total_weight_g(self) -> int:
        return sum(r.weight_g or 0 for r in self.rows)


def manifest_csv(sheet: ManifestSheet) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for n, r in enumerate(sheet.rows, start=1):
        writer.writerow(safe_row([sheet.manifest_no, sheet.carrier_code, sheet.day.isoformat(), n, r.parcel, r.order_no,
                         r.tracking_no, r.service, r.parcel_of, r.weight_g if r.weight_g is not None else "",
                         r.province, r.city, r.insured_value if r.insured_value is not None else "",
                         r.cod_amount if r.cod_amount is not None else ""]))
    return out.getvalue()


def _text(c: rl_canvas.Canvas, x: float, y: float, text: str, size: float, bold: bool = False) -> None:
    cjk, _latin, _bold = fonts.pdf_fonts()
    t = c.beginText()
    t.setTextOrigin(x, y)
    for font, chunk in fonts.runs(text, bold):
        t.setFont(font, size)
        t.textOut(chunk)
    c.drawText(t)


def _clip(text: str, width_pt: float, size: float) -> str:
    if fonts.text_width_pt(text, size) <= width_pt:
        return text
    while text and fonts.text_width_pt(text + "…", size) > width_pt:
        text = text[:-1]
    return text + "…"


# column title (en / zh), width mm
COLUMNS = [("#", "", 9), ("Parcel", "包裹", 32), ("Order", "订单", 44), ("Tracking no.", "运单号", 36),
           ("Service", "服务", 24), ("n/m", "件", 12), ("Weight g", "克", 20), ("Province", "省份", 30),
           ("City", "城市", 24), ("Insured", "保价", 20), ("COD", "代收", 20)]  # 271 mm of A4 landscape's 273


def render_manifest_pdf(sheet: ManifestSheet) -> bytes:
    """A4 landscape pages: header, one line per parcel, totals and signature lines on the last page."""
    buf = io.BytesIO()
    page_w, page_h = landscape(A4)
    c = rl_canvas.Canvas(buf, pagesize=(page_w, page_h), pageCompression=1)
    c.setTitle(f"Manifest {sheet.manifest_no} {sheet.carrier_code} {sheet.day.isoformat()}")
    left, top, row_h, size = 12 * mm, page_h - 14 * mm, 6.2 * mm, 8.5
    rows_per_page = int((page_h - 60 * mm) // row_h)
    pages = max(1, -(-len(sheet.rows) // rows_per_page))

    def header(page: int) -> float:
        _text(c, left, top, f"交接清单 Carrier manifest · {sheet.carrier_name} ({sheet.carrier_code})", 15, bold=True)
        closed = (f"closed 已关闭 {sheet.closed_at:%Y-%m-%d %H:%M} UTC" if sheet.closed_at
                  else "open, not closed yet 未关闭")
        _text(c, left, top - 7 * mm, f"{sheet.manifest_no} · {sheet.warehouse} · {sheet.day.isoformat()} · "
              f"{closed} · page 页 {page}/{pages}", 9.5)
        y = top - 16 * mm
        x = left
        c.setFillColor(colors.HexColor("#e8ecf2"))
        c.rect(left, y - 2 * mm, sum(w for *_r, w in COLUMNS) * mm, row_h, stroke=0, fill=1)
        c.setFillColor(colors.black)
        for en, zh, w in COLUMNS:
            _text(c, x + 1 * mm, y, _clip(f"{en} {zh}".strip(), (w - 2) * mm, size), size, bold=True)
            x += w * mm
        return y - row_h

    for page in range(1, pages + 1):
        y = header(page)
        chunk = sheet.rows[(page - 1) * rows_per_page: page * rows_per_page]
        for i, r in enumerate(chunk, start=(page - 1) * rows_per_page + 1):
            values = [str(i), r.parcel, r.order_no, r.tracking_no, r.service, r.parcel_of,
                      "" if r.weight_g is None else f"{r.weight_g:,}", r.province, r.city,
                      "" if r.insured_value is None else f"{r.insured_value}",
                      "" if r.cod_amount is None else f"{r.cod_amount}"]
            x = left
            for (_en, _zh, w), value in zip(COLUMNS, values, strict=True):
                _text(c, x + 1 * mm, y, _clip(value, (w - 2) * mm, size), size)
                x += w * mm
            c.setStrokeColor(colors.HexColor("#c8ced8"))
            c.line(left, y - 2.2 * mm, left + sum(w for *_r, w in COLUMNS) * mm, y - 2.2 * mm)
            y -= row_h
        if page == pages:
            y -= 4 * mm
            _text(c, left, y, f"Parcels 包裹数: {len(sheet.rows)}    Total weight 总重: "
                  f"{sheet.total_weight_g / 1000:.3f} kg", 10.5, bold=True)
            y -= 14 * mm
            _text(c, left, y, "Handed over by 交件人: ____________________", 10)
            _text(c, left + 110 * mm, y, "Received by (carrier) 承运商签收: ____________________", 10)
        c.showPage()
    c.save()
    return buf.getvalue()
