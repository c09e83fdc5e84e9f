"""Cells for CSV and XLSX exports that a spreadsheet will never run as a formula.

Excel, LibreOffice and Google Sheets read a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula, and some treat a leading tab or carriage return the same way (CSV injection: a product
name ``=HYPERLINK(…)`` or ``@SUM(…)`` in a manifest runs on the supervisor's machine). Every export
writes its cells through `safe_cell` / `safe_row`: such a text gets a leading apostrophe, which the
spreadsheet shows as text and does not display. Numbers stay numbers, a negative amount included;
only text is touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """`value` as it may go into a spreadsheet cell: text that a spreadsheet would read as a formula
    is prefixed with an apostrophe; None becomes an empty cell; everything else is unchanged."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]
