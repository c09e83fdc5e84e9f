"""A shipping label laid out once, as boxes in millimetres; the PDF and ZPL renderers draw the boxes.

Origin top-left, y downwards (as on the printer). Text is already fitted here — wrapped into lines,
given a size and a baseline for each line — measured with the bundled font that both renderers
use, so a 203 dpi thermal label and its PDF look the same. Barcode module widths are whole printer
dots at the layout's dpi, which is what makes the bars crisp and decodable.

Fitting rule for every text box: shrink (down to the box's minimum size) while the text fits on as
many lines as it has paragraphs; if it still does not fit, wrap at the largest size that fits the
box; if it does not fit wrapped at the minimum either, keep shrinking down to an absolute floor;
and if even that fails, raise `LabelOverflow` — text is never clipped.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from printing import fonts
from printing.barcodes import code128_modules
from printing.documents import ShippingLabel
from printing.sizes import LABEL_SIZES, MM_PER_INCH, LabelSize  # the layout's names too

PT_PER_MM = 72 / MM_PER_INCH
LEADING = 1.2  # line pitch as a multiple of the font size
FLOOR_PT = 5.0  # below this, text on a thermal label is not legible
QUIET_MODULES = 10  # Code 128 / GS1-128 quiet zone on each side


class LabelOverflow(ValueError):
    """A field does not fit its box even at the smallest legible size."""

    def __init__(self, field: str, text: str):
        super().__init__(f"{field} does not fit on the label: {text[:40]!r}…")
        self.field = field


def label_size(size: str | LabelSize) -> LabelSize:
    if isinstance(size, LabelSize):
        return size
    try:
        return LABEL_SIZES[size]
    except KeyError:
        raise ValueError(f"unknown label size {size!r}; known: {', '.join(LABEL_SIZES)}") from None


@dataclass(frozen=True)
class TextLine:
    text: str
    x: float  # mm, left edge of the line
    baseline: float  # mm from the top of the label


@dataclass(frozen=True)
class TextBox:
    """Fitted text. `reverse` prints white on a black box; `bold` thickens the strokes."""

    x: float
    y: float
    w: float
    h: float
    lines: tuple[TextLine, ...]
    size_pt: float
    reverse: bool = False
    bold: bool = False
    name: str = ""


@dataclass(frozen=True)
class BarcodeBox:
    """Bars for `data` (`symbology` 'code128' or 'gs1-128'); `modules` is '1' for bar, '0' for space."""

    x: float  # left edge of the first bar
    y: float
    h: float
    data: str
    symbology: str
    modules: str
    module_mm: float
    name: str = ""

    @property
    def w(self) -> float:
        return len(self.modules) * self.module_mm


@dataclass(frozen=True)
class Rule:
    """A filled rectangle: separators and frames."""

    x: float
    y: float
    w: float
    h: float


Box = TextBox | BarcodeBox | Rule


@dataclass(frozen=True)
class LabelLayout:
    size: LabelSize
    dpi: int
    boxes: tuple[Box, ...]

    def text(self) -> str:
        return "\n".join(line.text for box in self.boxes if isinstance(box, TextBox) for line in box.lines)


# --- text fitting ---------------------------------------------------------------------------

_OPENING = set("([{（【《「『“‘〈")
_CLOSING = set(")]}）】》」』”’〉，。、；：！？,.;:!?%")


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in {"W", "F"}


def _tokens(text: str) -> list[str]:
    """Break opportunities: after spaces, around each wide (CJK) character; punctuation stays attached."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch == " ":
            if word:
                tokens.append(word)
                word = ""
            tokens.append(" ")
        elif _is_wide(ch):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
    if word:
        tokens.append(word)
    merged: list[str] = []
    for tok in tokens:
        if merged and tok[0] in _CLOSING and merged[-1] != " ":
            merged[-1] += tok
        elif merged and merged[-1] and merged[-1][-1] in _OPENING and tok != " ":
            merged[-1] += tok
        else:
            merged.append(tok)
    return merged


def wrap(text: str, width_pt: float, size_pt: float, bold: bool = False) -> list[str]:
    """Greedy line breaking at `size_pt` within `width_pt`; a token wider than a line is split by character."""
    lines: list[str] = []
    line = ""
    for tok in _tokens(text):
        candidate = line + tok
        if fonts.text_width_pt(candidate.rstrip(), size_pt, bold) <= width_pt:
            line = candidate
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = "" if tok == " " else tok
        while fonts.text_width_pt(line, size_pt, bold) > width_pt and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and fonts.text_width_pt(line[:cut], size_pt, bold) > width_pt:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _sizes(high: float, low: float) -> list[float]:
    out, size = [], high
    while size >= low - 1e-9:
        out.append(round(size, 2))
        size -= 0.5
    return out


@lru_cache(maxsize=2048)
def fit_text(paragraphs: tuple[str, ...], w_mm: float, h_mm: float, max_pt: float, min_pt: float,
             field: str = "text", bold: bool = False) -> tuple[tuple[str, ...], float]:
    """(lines, size) for `paragraphs` in a w x h box, by the module's fitting rule."""
    width_pt = w_mm * PT_PER_MM * 0.98  # a little slack for hinting in the rasterised (ZPL) version
    height_pt = h_mm * PT_PER_MM
    paragraphs = tuple(p for p in paragraphs if p.strip())
    if not paragraphs:
        return (), max_pt

    def fits_height(count: int, size: float) -> bool:
        return count * size * LEADING <= height_pt + 1e-6

    for size in _sizes(max_pt, min_pt):
        if fits_height(len(paragraphs), size) and all(fonts.text_width_pt(p, size, bold) <= width_pt for p in paragraphs):
            return paragraphs, size
    for size in _sizes(max_pt, FLOOR_PT):
        lines = [line for p in paragraphs for line in wrap(p, width_pt, size, bold)]
        if fits_height(len(lines), size):
            return tuple(lines), size
    raise LabelOverflow(field, " ".join(paragraphs))


def text_box(x: float, y: float, w: float, h: float, paragraphs: tuple[str, ...] | str, *, max_pt: float,
             min_pt: float, align: str = "left", valign: str = "top", reverse: bool = False, bold: bool = False,
             name: str = "", pad: float = 0.0) -> TextBox:
    if isinstance(paragraphs, str):
        paragraphs = (paragraphs,)
    lines, size = fit_text(tuple(paragraphs), w - 2 * pad, h - 2 * pad, max_pt, min_pt, name or "text", bold)
    pitch = size * LEADING / PT_PER_MM
    block = pitch * len(lines)
    top = y + pad + (0.0 if valign == "top" else (h - 2 * pad - block) / 2)
    # Centre the glyphs' ascent+descent within each line's pitch.
    first = top + (pitch - (fonts.ASCENT + fonts.DESCENT) * size / PT_PER_MM) / 2 + fonts.ASCENT * size / PT_PER_MM
    placed = []
    for i, text in enumerate(lines):
        width = fonts.text_width_pt(text, size, bold) / PT_PER_MM
        if align == "center":
            lx = x + (w - width) / 2
        elif align == "right":
            lx = x + w - pad - width
        else:
            lx = x + pad
        placed.append(TextLine(text, lx, first + i * pitch))
    return TextBox(x, y, w, h, tuple(placed), size, reverse=reverse, bold=bold, name=name)


# --- barcodes ---------------------------------------------------------------------------------

def barcode_box(x: float, y: float, w: float, h: float, data: str, symbology: str, dpi: int, *,
                max_module_mm: float = 0.51, min_module_mm: float = 0.25, name: str = "") -> BarcodeBox:
    """Bars centred in the w-wide row, with the widest whole-dot module that leaves the quiet zones."""
    modules = code128_modules(data, gs1=symbology == "gs1-128")
    dot = MM_PER_INCH / dpi
    dots = int(max_module_mm / dot + 1e-9)
    while dots >= 1:
        module = dots * dot
        if (len(modules) + 2 * QUIET_MODULES) * module <= w + 1e-9:
            break
        dots -= 1
    module = dots * dot
    if dots < 1 or module < min_module_mm - dot / 2:
        raise LabelOverflow(name or "barcode", data)
    width = len(modules) * module
    return BarcodeBox(x + (w - width) / 2, y, h, data, symbology, modules, module, name=name)


# --- the shipping label -------------------------------------------------------------------------

MARGIN = 2.5
RULE = 0.4


def _money(amount, currency: str) -> str:
    symbol = {"CNY": "¥", "RMB": "¥", "USD": "$", "EUR": "€", "HKD": "HK$"}.get(currency.upper(), currency + " ")
    return f"{symbol}{amount:,.2f}"


def layout_label(label: ShippingLabel, size: str | LabelSize = "100x150", dpi: int = 203) -> LabelLayout:
    """The label's boxes. `dpi` fixes the dot grid the barcodes snap to (203 for PDF and 203 dpi printers)."""
    size = label_size(size)
    W, H = size.width_mm, size.height_mm
    x0, inner = MARGIN, W - 2 * MARGIN
    boxes: list[Box] = []

    compact = H < 140  # the 76 x 130 waybill: every band a little tighter
    header_h, sender_h, marks_h, order_h = (10.0, 11.0, 7.0, 5.0) if compact else (13.0, 17.0, 9.0, 6.0)
    sscc_bar_h, hr_h = (15.0, 4.0) if compact else (15.0, 4.5)
    tracking_bar_h = 20.0
    sort_h = (9.0 if compact else 12.0) if (label.sort_code or label.three_segment) else 0.0
    fixed = 2 * MARGIN + header_h + sender_h + marks_h + order_h + tracking_bar_h + hr_h + 6 * 1.2
    if sort_h:
        fixed += sort_h + 1.2
    if label.sscc:
        fixed += sscc_bar_h + hr_h + 1.2
    spare = H - fixed
    recipient_h = min(spare, 60.0)
    if recipient_h < 30.0:
        raise LabelOverflow("recipient", label.recipient.name)
    spare -= recipient_h
    grow = min(spare, 8.0)  # tall labels get taller bars (easier to scan on the belt), then a roomier sender
    tracking_bar_h += grow
    sender_h += spare - grow

    y = MARGIN
    # Header: carrier and service | date and parcel n of m.
    boxes.append(text_box(x0, y, inner * 0.62, header_h, (label.carrier, label.service), max_pt=15, min_pt=8,
                          valign="middle", bold=True, name="carrier"))
    boxes.append(text_box(x0 + inner * 0.62, y, inner * 0.38, header_h,
                          (label.ship_date.isoformat(), f"件数 Parcel {label.parcel_text}"), max_pt=10, min_pt=7,
                          align="right", valign="middle", name="date"))
    y += header_h
    boxes.append(Rule(x0, y, inner, RULE))
    y += 1.2

    # The carrier's sort codes: the destination route (大头笔) large and reversed, the three-segment code beside it.
    if sort_h:
        left = inner * 0.58
        boxes.append(text_box(x0, y, left, sort_h, label.sort_code or "-", max_pt=26, min_pt=10, align="center",
                              valign="middle", reverse=True, bold=True, pad=0.8, name="sort-code"))
        boxes.append(text_box(x0 + left + 1.2, y, inner - left - 1.2, sort_h,
                              ("三段码", label.three_segment or "-"), max_pt=13, min_pt=6, align="center",
                              valign="middle", bold=True, name="three-segment"))
        y += sort_h + 1.2

    # Recipient: the biggest block, name and phone large, the full address wrapped.
    tag_w = 9.0
    r = label.recipient
    boxes.append(text_box(x0, y, tag_w, min(recipient_h, 16.0), ("收", "TO"), max_pt=13, min_pt=7, align="center",
                          valign="middle", reverse=True, name="recipient-tag"))
    name_h = 9.0
    boxes.append(text_box(x0 + tag_w + 1.5, y, inner - tag_w - 1.5, name_h,
                          f"{r.name}  {r.phone}".strip(), max_pt=16, min_pt=9, bold=True, valign="middle",
                          name="recipient-name"))
    boxes.append(text_box(x0 + tag_w + 1.5, y + name_h, inner - tag_w - 1.5, recipient_h - name_h,
                          r.address.lines(), max_pt=13, min_pt=8, name="recipient-address"))
    y += recipient_h
    boxes.append(Rule(x0, y, inner, RULE))
    y += 1.2

    # Sender: small print.
    s = label.sender
    boxes.append(text_box(x0, y, tag_w, min(sender_h, 12.0), ("寄", "FROM"), max_pt=10, min_pt=6, align="center",
                          valign="middle", reverse=True, name="sender-tag"))
    boxes.append(text_box(x0 + tag_w + 1.5, y, inner - tag_w - 1.5, sender_h,
                          (f"{s.name}  {s.phone}".strip(), *s.address.lines()), max_pt=9, min_pt=6,
                          name="sender"))
    y += sender_h
    boxes.append(Rule(x0, y, inner, RULE))
    y += 1.2

    # Marks: the handling flags reversed (they must jump out), then weight.
    marks: list[tuple[str, bool]] = []
    if label.fragile:
        marks.append(("易碎 FRAGILE", True))
    if label.insured:
        marks.append(("保价 INSURED", True))
    if label.cod_amount is not None:
        marks.append((f"代收 COD {_money(label.cod_amount, label.currency)}", True))
    marks.append((f"重量 {label.weight_text}", False))
    gap = 1.2
    weights = [1.6 if text.startswith("代收") else 1.15 if not reverse else 1.0 for text, reverse in marks]
    unit = (inner - gap * (len(marks) - 1)) / sum(weights)
    mx = x0
    for (text, reverse), weight in zip(marks, weights, strict=True):
        mw = unit * weight
        boxes.append(text_box(mx, y, mw, marks_h, text, max_pt=10, min_pt=6, align="center", valign="middle",
                              reverse=reverse, bold=reverse, pad=0.6, name="mark"))
        mx += mw + gap
    y += marks_h
    boxes.append(Rule(x0, y + 0.4, inner, RULE))
    y += 1.2

    # Tracking number: Code 128 with its human-readable text.
    y += 0.8
    boxes.append(barcode_box(0.0, y, W, tracking_bar_h, label.tracking_number, "code128", dpi, name="tracking"))
    y += tracking_bar_h
    boxes.append(text_box(x0, y, inner, hr_h, label.tracking_number, max_pt=11, min_pt=7, align="center",
                          valign="middle", name="tracking-text"))
    y += hr_h + 0.4

    boxes.append(text_box(x0, y, inner, order_h, f"订单 Order {label.order_number}    包裹 {label.parcel_text}",
                          max_pt=10, min_pt=7, valign="middle", name="order"))
    y += order_h
    if label.sscc:
        boxes.append(Rule(x0, y, inner, RULE))
        y += 1.2
        boxes.append(barcode_box(0.0, y, W, sscc_bar_h, "00" + label.sscc, "gs1-128", dpi, name="sscc"))
        y += sscc_bar_h
        boxes.append(text_box(x0, y, inner, hr_h, f"(00) {label.sscc}", max_pt=10, min_pt=7, align="center",
                              valign="middle", name="sscc-text"))
        y += hr_h
    if y > H - MARGIN + 1e-6:  # a layout bug, not a data problem: fail loudly rather than print off the edge
        raise LabelOverflow("layout", f"{y:.1f} mm > {H - MARGIN} mm")
    return LabelLayout(size, dpi, tuple(boxes))
