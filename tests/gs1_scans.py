"""Item barcodes as a scanner sends them, for the tests: one builder shared by every test folder."""

from __future__ import annotations

from datetime import date


def gs1_item(gtin: str, lot: str | None = None, expiry: date | None = None, count: int | None = None) -> str:
    """A GS1-128 item barcode: ]C1 01 GTIN [17 expiry] [10 lot <GS>] [30 count]."""
    raw = f"]C101{gtin}"
    if expiry is not None:
        raw += f"17{expiry:%y%m%d}"
    if lot is not None:
        raw += f"10{lot}"
        if count is not None:
            raw += "\x1d"
    if count is not None:
        raw += f"30{count}"
    return raw
