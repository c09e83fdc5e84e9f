"""What a scanner may send for FNC1/GS: a module of its own, so the command line can name the
defaults in its help without importing the decoder (and biip with it)."""

from __future__ import annotations

GS = "\x1d"

# Substitutes for FNC1/GS that scanners are commonly programmed to send instead of the control
# character (which a keyboard wedge cannot always type). None of them is in the GS1 character set
# 82 except the angle brackets of "<GS>", which no real lot number contains.
DEFAULT_GS_SUBSTITUTES: tuple[str, ...] = ("<GS>", "{GS}", "^", "~", "|")
