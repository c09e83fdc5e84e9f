"""Label sizes: a module of its own, so naming them (the command line's choices, a settings list)
does not load the layout engine, its fonts and barcodes."""

from __future__ import annotations

from dataclasses import dataclass

MM_PER_INCH = 25.4


@dataclass(frozen=True)
class LabelSize:
    name: str
    width_mm: float
    height_mm: float

    def dots(self, dpi: int) -> tuple[int, int]:
        return round(self.width_mm * dpi / MM_PER_INCH), round(self.height_mm * dpi / MM_PER_INCH)


LABEL_SIZES: dict[str, LabelSize] = {
    "76x130": LabelSize("76x130", 76.0, 130.0),  # SF's one-part 丰密 waybill
    "100x150": LabelSize("100x150", 100.0, 150.0),  # 4 x 6 in
    "100x180": LabelSize("100x180", 100.0, 180.0),  # the common Chinese e-waybill
}
