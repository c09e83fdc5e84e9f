"""PDF rendering with reportlab: shipping labels from their layout, packing slips as flowing pages.

The bundled CJK TrueType font is embedded as a subset, so the PDF prints the same on any machine and
its text layer (copy, search, pdftotext) holds the real characters.
"""

from __future__ import annotations

import io
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable

from printing import fonts
from printing.barcodes import code128_modules
from printing.documents import PackingSlip, ShippingLabel
from printing.layout import BarcodeBox, LabelLayout, LabelSize, Rule, TextBox, layout_label

PAGE_SIZES = {"A5": A5, "A4": A4}


def _bar_runs(modules: str) -> list[tuple[int, int]]:
    """(start, width) of each bar, in modules: one rectangle per bar, not per module."""
    runs, start = [], None
    for i, m in enumerate(modules + "0"):
        if m == "1" and start is None:
            start = i
        elif m == "0" and start is not None:
            runs.append((start, i - start))
            start = None
    return runs


def draw_text_runs(c: rl_canvas.Canvas, x_pt: float, y_pt: float, text: str, size_pt: float, *,
                   bold: bool = False, ink=colors.black) -> None:
    """One line of text at a baseline, switching between the Latin and the CJK font by run."""
    cjk, _latin, _bold = fonts.pdf_fonts()
    t = c.beginText()
    t.setTextOrigin(x_pt, y_pt)
    t.setFillColor(ink)
    t.setStrokeColor(ink)
    for font, chunk in fonts.runs(text, bold):
        # The CJK font has a single weight: bold CJK is filled and stroked (render mode 2).
        fake_bold = bold and font == cjk
        t.setTextRenderMode(2 if fake_bold else 0)
        if fake_bold:
            c.setLineWidth(size_pt * 0.045)
        t.setFont(font, size_pt)
        t.textOut(chunk)
    c.drawText(t)


def _draw_layout(c: rl_canvas.Canvas, layout: LabelLayout) -> None:
    page_h = layout.size.height_mm
    for box in layout.boxes:
        c.saveState()
        c.setFillColor(colors.black)
        if isinstance(box, Rule):
            c.rect(box.x * mm, (page_h - box.y - box.h) * mm, box.w * mm, box.h * mm, stroke=0, fill=1)
        elif isinstance(box, BarcodeBox):
            bottom = (page_h - box.y - box.h) * mm
            for start, width in _bar_runs(box.modules):
                c.rect((box.x + start * box.module_mm) * mm, bottom, width * box.module_mm * mm, box.h * mm,
                       stroke=0, fill=1)
        elif isinstance(box, TextBox):
            ink = colors.black
            if box.reverse:
                c.roundRect(box.x * mm, (page_h - box.y - box.h) * mm, box.w * mm, box.h * mm, 0.8 * mm,
                            stroke=0, fill=1)
                ink = colors.white
            for line in box.lines:
                draw_text_runs(c, line.x * mm, (page_h - line.baseline) * mm, line.text, box.size_pt,
                               bold=box.bold, ink=ink)
        c.restoreState()


def render_layout_pdf(layout: LabelLayout, title: str = "") -> bytes:
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=(layout.size.width_mm * mm, layout.size.height_mm * mm), invariant=1,
                         pageCompression=1, initialFontName=fonts.pdf_fonts()[1])
    c.setTitle(title)
    c.setCreator("Pickdesk")
    _draw_layout(c, layout)
    c.showPage()
    c.save()
    return buf.getvalue()


def render_label_pdf(label: ShippingLabel, size: str | LabelSize = "100x150") -> bytes:
    """One label as a one-page PDF of exactly the label's size (bars snapped to a 203 dpi grid)."""
    return render_layout_pdf(layout_label(label, size, dpi=203), title=f"{label.order_number} {label.tracking_number}")


def render_labels_pdf(labels: list[ShippingLabel], size: str | LabelSize = "100x150") -> bytes:
    """Several labels, one per page (a multi-parcel order in one job)."""
    buf = io.BytesIO()
    layouts = [layout_label(label, size, dpi=203) for label in labels]
    first = layouts[0].size
    c = rl_canvas.Canvas(buf, pagesize=(first.width_mm * mm, first.height_mm * mm), invariant=1, pageCompression=1,
                         initialFontName=fonts.pdf_fonts()[1])
    c.setCreator("Pickdesk")
    for layout in layouts:
        _draw_layout(c, layout)
        c.showPage()
    c.save()
    return buf.getvalue()


# --- packing slip ---------------------------------------------------------------------------------

class _BarsFlowable(Flowable):
    """Code 128 bars with their quiet zones, drawn straight on the canvas (no graphics defaults)."""

    def __init__(self, modules: str, module: float, height: float):
        super().__init__()
        self.modules, self.module, self.height = modules, module, height
        self.width = (len(modules) + 20) * module

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        self.canv.setFillColor(colors.black)
        for start, run in _bar_runs(self.modules):
            self.canv.rect((10 + start) * self.module, 0, run * self.module, self.height, stroke=0, fill=1)


def _money(amount: Decimal, currency: str) -> str:
    symbol = {"CNY": "¥", "RMB": "¥", "USD": "$", "EUR": "€"}.get(currency.upper(), currency + " ")
    return f"{symbol}{amount:,.2f}"


def render_slip_pdf(slip: PackingSlip, page: str = "A5") -> bytes:
    """The packing slip on A5 or A4. A gift slip shows the gift note and no prices."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from xml.sax.saxutils import escape

    try:
        pagesize = PAGE_SIZES[page.upper()]
    except KeyError:
        raise ValueError(f"unknown page size {page!r}; use A5 or A4") from None
    cjk, latin, _bold = fonts.pdf_fonts()
    font = latin
    scale = 1.0 if page.upper() == "A5" else 1.2
    base = ParagraphStyle("slip", fontName=font, bulletFontName=font, fontSize=8.5 * scale, leading=11 * scale,
                          wordWrap="CJK")
    small = ParagraphStyle("small", parent=base, fontSize=7.5 * scale, leading=9.5 * scale)
    title = ParagraphStyle("title", parent=base, fontSize=15 * scale, leading=19 * scale)
    right = ParagraphStyle("right", parent=base, alignment=TA_RIGHT)
    cell = ParagraphStyle("cell", parent=base, fontSize=8 * scale, leading=10 * scale)

    def p(text: str, style=base) -> Paragraph:
        # Paragraph markup picks the font per run: Vera for what it covers, the CJK font for the rest.
        marked = "<br/>".join("".join(f'<font name="{font}">{escape(chunk)}</font>' for font, chunk in fonts.runs(line))
                              for line in text.split("\n"))
        return Paragraph(marked, style)

    def party(label: str, who) -> Paragraph:
        lines = [who.name, who.phone, *who.address.lines()]
        return p(label + "\n" + "\n".join(line for line in lines if line))

    buf = io.BytesIO()
    margin = 12 * mm
    doc = SimpleDocTemplate(buf, pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, title=f"Packing slip {slip.order_number}", creator="Pickdesk",
                            invariant=1, initialFontName=latin)
    width = pagesize[0] - 2 * margin

    bars = _BarsFlowable(code128_modules(slip.order_number), 0.33 * mm, 11 * mm)
    heading = "礼品单 Gift slip" if slip.gift else "装箱单 Packing slip"
    head = Table([[p(heading, title), bars],
                  [p(f"订单 Order {slip.order_number}    {slip.order_date.isoformat()}    "
                     f"包裹数 Parcels {slip.parcel_count}"), p(slip.order_number, right)]],
                 colWidths=[width - bars.width, bars.width])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONTNAME", (0, 0), (-1, -1), latin), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    parties = Table([[party("发货 From", slip.merchant), party("收货 To", slip.recipient)]],
                    colWidths=[width / 2, width / 2])
    parties.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), latin), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
                                 ("LINEAFTER", (0, 0), (0, 0), 0.5, colors.grey),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 4)]))

    prices = slip.shows_prices
    header = ["SKU\nGTIN", "品名\nItem", "数量\nQty", "批号 Lot\n效期 Expiry"]
    # A GTIN-14 and a price up to ¥99,999.99 each fit on one line at A5 (measured, not guessed).
    fractions = [0.28, 0.46, 0.08, 0.18]
    if prices:
        header += ["单价\nPrice"]
        fractions = [0.28, 0.30, 0.07, 0.18, 0.17]
    rows = [[p(h, cell) for h in header]]
    for line in slip.lines:
        row = [f"{line.sku}\n{line.gtin}".strip(), line.name, str(line.quantity),
               f"{line.lot}\n{line.expiry.isoformat() if line.expiry else ''}".strip()]
        if prices:
            row.append(_money(line.unit_price, slip.currency) if line.unit_price is not None else "")
        rows.append([p(value, cell) for value in row])
    table = Table(rows, colWidths=[f * width for f in fractions], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("FONTNAME", (0, 0), (-1, -1), latin),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [head, Spacer(0, 4 * mm), parties, Spacer(0, 5 * mm), table]
    total_units = sum(line.quantity for line in slip.lines)
    summary = f"共 {total_units} 件 Units: {total_units}"
    if prices:
        total = sum((line.unit_price * line.quantity for line in slip.lines if line.unit_price is not None),
                    Decimal("0"))
        summary += f"    合计 Total: {_money(total, slip.currency)}"
    story += [Spacer(0, 2 * mm), p(summary, right)]
    if slip.gift and slip.gift_note:
        note = Table([[p("赠言 Gift note\n" + slip.gift_note)]], colWidths=[width])
        note.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("FONTNAME", (0, 0), (-1, -1), latin)]))
        story += [Spacer(0, 5 * mm), note]
    if slip.return_instructions:
        story += [Spacer(0, 5 * mm), p("退货说明 Returns", base), p(slip.return_instructions, small)]
    doc.build(story)
    return buf.getvalue()
