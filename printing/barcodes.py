"""Code 128 and GS1-128 bar patterns, from python-barcode's encoder (it picks subsets A/B/C optimally)."""

from __future__ import annotations

from functools import lru_cache

from barcode.codex import Code128, Gs1_128


@lru_cache(maxsize=1024)
def code128_modules(data: str, gs1: bool = False) -> str:
    """The symbol as modules, '1' bar and '0' space, without quiet zones.

    With `gs1`, `data` is the element string without parentheses (e.g. '00' + SSCC) and the symbol
    starts with FNC1, which is what makes it GS1-128.
    """
    symbol = Gs1_128(data) if gs1 else Code128(data)
    (modules,) = symbol.build()
    return modules
