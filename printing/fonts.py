"""The fonts every label and slip uses, for reportlab (PDF) and Pillow (ZPL graphic fields).

The bundled CJK font (Droid Sans Fallback, Apache-2.0) has no Latin glyphs at all — it is a fallback
font — so text is drawn in runs: characters Bitstream Vera has (reportlab ships Vera and Vera Bold in
its own package) are set in Vera, everything else in the CJK font. Both are TrueType outlines, so
reportlab embeds subsets of both.

Measuring text with the same outlines that both renderers draw keeps a PDF and a ZPL label laid out
alike. Registration is lazy so importing `printing` stays cheap.
"""

from __future__ import annotations

import functools
import os
import threading

import resources

CJK = "PickdeskCJK"
LATIN = "PickdeskLatin"
LATIN_BOLD = "PickdeskLatinBold"

# Vertical metrics in units of the font size, used to place baselines: the larger of the two fonts.
ASCENT = 0.93
DESCENT = 0.24

_lock = threading.Lock()


def _reportlab_font_dir() -> str:
    import reportlab

    return os.path.join(os.path.dirname(reportlab.__file__), "fonts")


def font_files() -> dict[str, str]:
    return {
        CJK: str(resources.cjk_font_path()),
        LATIN: os.path.join(_reportlab_font_dir(), "Vera.ttf"),
        LATIN_BOLD: os.path.join(_reportlab_font_dir(), "VeraBd.ttf"),
    }


@functools.cache
def _registered() -> frozenset[int]:
    """Register the fonts with reportlab; return the code points the Latin font covers."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        latin = None
        for name, path in font_files().items():
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, path))
            if name == LATIN:
                latin = pdfmetrics.getFont(name)
        # Vera maps a few code points to empty glyphs; keep printable ones only.
        return frozenset(cp for cp in latin.face.charToGlyph if cp >= 32)


def pdf_fonts() -> tuple[str, str, str]:
    _registered()
    return CJK, LATIN, LATIN_BOLD


@functools.lru_cache(maxsize=8192)
def runs(text: str, bold: bool = False) -> tuple[tuple[str, str], ...]:
    """(font name, substring) runs: Latin font where it has the glyph, CJK font for the rest."""
    latin_cps = _registered()
    latin = LATIN_BOLD if bold else LATIN
    out: list[tuple[str, str]] = []
    for ch in text:
        font = latin if ord(ch) in latin_cps else CJK
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return tuple(out)


@functools.lru_cache(maxsize=16384)
def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    """Advance width of `text` at `size_pt`, in points."""
    from reportlab.pdfbase import pdfmetrics

    return sum(pdfmetrics.stringWidth(chunk, font, size_pt) for font, chunk in runs(text, bold))


@functools.lru_cache(maxsize=256)
def pillow_font(name: str, size_px: int):
    """A font for Pillow at an em size in pixels (for ZPL graphic fields)."""
    from PIL import ImageFont

    return ImageFont.truetype(font_files()[name], size_px)
