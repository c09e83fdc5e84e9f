"""ZPL II for thermal label printers (Zebra and compatibles) at 203 or 300 dpi, from the label's layout.

Text modes:

* ``graphic`` (default): every text box is rasterised with Pillow from the same fonts the PDF embeds
  and sent as a ``^GFA`` graphic field. Thermal printers rarely carry a CJK font (Zebra sells them
  as an option), and printer fonts have other metrics than ours, so this is the only way a Chinese
  address prints at all on a stock printer, and the only way the label looks like its PDF. The cost
  is size: a label is some tens of kilobytes, which a 9100 socket moves in milliseconds. Each
  graphic is cropped to its ink and preceded by a ``^FX`` comment naming its box. Boxes of the
  parcel (carrier, date, marks, tracking and order numbers) carry their text after the name, so a
  ZPL file can still be searched; every other box (the recipient's name, phone and address, the
  sender) only its name: a ZPL file sits in spools and print-server logs, and customer data must
  not be readable there.
* ``printer-font``: text goes as UTF-8 (``^CI28``) in ``^FD`` with ``^A@`` and a font file already on
  the printer (``printer_font``, e.g. ``E:SIMSUN.TTF`` or ``E:ANMDJ.TTF``), placed at the same
  baselines. Much smaller; only correct when that font is installed and has the glyphs.

Barcodes are always the printer's own: Code 128 as ``^BC`` in automatic subset mode, GS1-128 as
``^BC`` with ``>;>8`` (start subset C, FNC1) before the element string. Module widths are the
layout's, in whole dots.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from printing import fonts
from printing.documents import ShippingLabel
from printing.layout import MM_PER_INCH, BarcodeBox, LabelLayout, LabelSize, Rule, TextBox, layout_label

DPIS = (203, 300)
TEXT_MODES = ("graphic", "printer-font")


def _escape_fd(text: str) -> str:
    """For a ^FH field: the characters ZPL would read as commands become hex escapes."""
    return text.replace("_", "_5F").replace("^", "_5E").replace("~", "_7E")


# Boxes whose text is no one's personal data and may be repeated in a comment; any other box, and
# any box added later, is named only.
PUBLIC_BOXES = frozenset({"carrier", "date", "recipient-tag", "sender-tag", "mark", "tracking-text", "order",
                          "sscc-text"})


def _box_comment(box: TextBox) -> str:
    if box.name in PUBLIC_BOXES:
        return _comment(f"{box.name}: " + " / ".join(line.text for line in box.lines))
    return _comment(box.name or "text")


def _comment(text: str) -> str:
    return "^FX " + text.replace("^", " ").replace("~", " ") + "\n"


def graphic_field(image: Image.Image) -> tuple[int, str]:
    """(bytes per row, hex data) of a mode '1' image where set bits are black."""
    bpr = (image.width + 7) // 8
    return bpr, image.tobytes().hex().upper()


class _Dots:
    def __init__(self, dpi: int):
        self.dpi = dpi

    def __call__(self, mm: float) -> int:
        return round(mm * self.dpi / MM_PER_INCH)


def _text_bitmap(box: TextBox, dpi: int) -> tuple[int, int, Image.Image] | None:
    """The box rasterised: (x, y) in dots and a mode '1' image with black set, cropped to the ink."""
    dots = _Dots(dpi)
    px_per_mm = dpi / MM_PER_INCH
    width, height = max(1, dots(box.w)), max(1, dots(box.h))
    img = Image.new("L", (width, height), 0)  # 0 = no ink; we draw ink as 255 and invert nothing
    draw = ImageDraw.Draw(img)
    ink = 255
    if box.reverse:
        draw.rounded_rectangle((0, 0, width - 1, height - 1), radius=max(1, round(0.8 * px_per_mm)), fill=255)
        ink = 0
    size_px = max(1, round(box.size_pt * dpi / 72))
    for line in box.lines:
        x = (line.x - box.x) * px_per_mm
        baseline = (line.baseline - box.y) * px_per_mm
        for font_name, chunk in fonts.runs(line.text, box.bold):
            font = fonts.pillow_font(font_name, size_px)
            stroke = max(1, round(size_px * 0.045)) if box.bold and font_name == fonts.CJK else 0
            draw.text((x, baseline), chunk, font=font, anchor="ls", fill=ink, stroke_width=stroke, stroke_fill=ink)
            # Advance by the layout's metrics, not Pillow's hinted ones: the PDF places glyphs the same way.
            x += fonts.text_width_pt(chunk, box.size_pt, box.bold) * dpi / 72
    bitmap = img.point(lambda v: 255 if v >= 128 else 0).convert("1")
    bbox = bitmap.getbbox()
    if bbox is None:
        return None
    return dots(box.x) + bbox[0], dots(box.y) + bbox[1], bitmap.crop(bbox)


def render_layout_zpl(layout: LabelLayout, *, text_mode: str = "graphic", printer_font: str = "E:SIMSUN.TTF",
                      copies: int = 1) -> bytes:
    if text_mode not in TEXT_MODES:
        raise ValueError(f"text mode must be one of {', '.join(TEXT_MODES)}, not {text_mode!r}")
    dpi = layout.dpi
    dots = _Dots(dpi)
    width, height = layout.size.dots(dpi)
    out = [f"^XA\n^CI28\n^PW{width}\n^LL{height}\n^LH0,0\n^PON\n^MMT\n"]
    for box in layout.boxes:
        if isinstance(box, Rule):
            w, h = max(1, dots(box.w)), max(1, dots(box.h))
            out.append(f"^FO{dots(box.x)},{dots(box.y)}^GB{w},{h},{min(w, h)}^FS\n")
        elif isinstance(box, BarcodeBox):
            module = round(box.module_mm * dpi / MM_PER_INCH)
            h = dots(box.h)
            if box.symbology == "gs1-128":
                field = f"^BCN,{h},N,N,N,N^FD>;>8{box.data}^FS"
            else:
                field = f"^BCN,{h},N,N,N,A^FH^FD{_escape_fd(box.data)}^FS"
            out.append(f"^FO{dots(box.x)},{dots(box.y)}^BY{module},3,{h}{field}\n")
        elif isinstance(box, TextBox):
            if text_mode == "graphic":
                placed = _text_bitmap(box, dpi)
                if placed is None:
                    continue
                x, y, bitmap = placed
                bpr, data = graphic_field(bitmap)
                total = bpr * bitmap.height
                out.append(_box_comment(box))
                out.append(f"^FO{x},{y}^GFA,{total},{total},{bpr},{data}^FS\n")
            else:
                if box.reverse:
                    w, h = dots(box.w), dots(box.h)
                    out.append(f"^FO{dots(box.x)},{dots(box.y)}^GB{w},{h},{min(w, h)},B,1^FS\n")
                size = max(10, round(box.size_pt * dpi / 72))
                for line in box.lines:
                    reverse = "^FR" if box.reverse else ""
                    out.append(f"^FT{dots(line.x)},{dots(line.baseline)}^A@N,{size},{size},{printer_font}"
                               f"{reverse}^FH^FD{_escape_fd(line.text)}^FS\n")
    out.append(f"^PQ{copies}\n^XZ\n")
    return "".join(out).encode("utf-8")


def render_label_zpl(label: ShippingLabel, size: str | LabelSize = "100x150", dpi: int = 203, *,
                     text_mode: str = "graphic", printer_font: str = "E:SIMSUN.TTF") -> bytes:
    """One label as a ZPL II format (^XA…^XZ), UTF-8 encoded."""
    if dpi not in DPIS:
        raise ValueError(f"ZPL is rendered for 203 or 300 dpi printers, not {dpi}")
    return render_layout_zpl(layout_label(label, size, dpi), text_mode=text_mode, printer_font=printer_font)
