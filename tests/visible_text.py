"""What a person can read on a window, and which of it is left in the wrong language.

`visible_texts(widget)` walks the visible widgets under `widget` and returns (where, text) pairs:
labels, buttons, group titles, tab titles, placeholders, combo items, table headers and cells,
menus and the window title. `wrong_language(texts, language, data)` returns the texts that still
contain the other language once data (product and people's names, codes, what was typed or
recorded) is taken out: English words in Chinese, Chinese characters in English.

Used by tests/ui/test_translations.py and by each workspace's own language test (tests/ is on the path).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit, QMainWindow, QMenu,
    QPlainTextEdit, QTabWidget, QTextEdit, QWidget,
)
from sqlalchemy import text

TAG = re.compile(r"<[^>]+>")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")
# Words that are not English prose: codes with a digit or a dash (A-01-02, GS1, SZ1-B12), the acronyms
# a Chinese warehouse uses as they are, units, keys, the product's name. An all-capitals English word
# (OK, REFUSED, FRAGILE) is prose: it must be translated.
ACRONYMS = ("PDF", "ZPL", "GTIN", "SKU", "SLA", "RMA", "COD", "CNY", "TCP", "CUPS", "USB", "PIN", "QR", "CSV",
            "XLSX", "URL", "ID", "GB", "CN", "MT-SICS", "PNG", "A5", "CJK", "SSCC", "EMS")
# Codes: with a digit, dashed, or a code's prefix standing for it in a hint (BADGE-…, TOTE-…).
CODE = re.compile(r"\b(?:[A-Z0-9]*[0-9][A-Z0-9_\-/.:#]*|[A-Z]+(?:[-_/][A-Z0-9]+)+|[A-Z]+-…)")
ALLOWED = re.compile(
    r"\b(?:[A-Z]|" + "|".join(map(re.escape, ACRONYMS)) +
    r"|Pickdesk|kg|g|mm|cm|km|m|d|h|min|s|ms|dpi|"
    r"Ctrl|Shift|Alt|Enter|Return|Esc|Tab|Space|Del|Backspace|PgUp|PgDown|Home|End|"
    r"SQLite|PostgreSQL|socket|tcp|cups|lp)\b")
WORD = re.compile(r"[A-Za-z]{2,}")
PATH = re.compile(r"(?<![\w])/[\w.\-/]+")  # a file or device path (/dev/ttyS0): data, in any language


def _texts_of(widget: QWidget) -> Iterable[tuple[str, str]]:
    name = widget.objectName() or type(widget).__name__
    if isinstance(widget, QLabel):
        yield name, TAG.sub(" ", widget.text())
    elif isinstance(widget, QAbstractButton):
        yield name, widget.text()
    elif isinstance(widget, QGroupBox):
        yield name, widget.title()
    if isinstance(widget, QLineEdit):
        yield f"{name}.placeholder", widget.placeholderText()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        yield f"{name}.placeholder", widget.placeholderText()
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield f"{name}.tab{i}", widget.tabText(i)
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"{name}.item{i}", widget.itemText(i)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # a list model keeps columnCount private: one column
            columns = 1
        rows = model.rowCount(QModelIndex())
        for column in range(columns):
            yield f"{name}.header{column}", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        for row in range(min(rows, 30)):
            for column in range(columns):
                value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    yield f"{name}[{row},{column}]", value
    if widget.toolTip():
        yield f"{name}.tooltip", TAG.sub(" ", widget.toolTip())


def _menu_texts(menu: QMenu, where: str) -> Iterable[tuple[str, str]]:
    yield where, menu.title()
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), f"{where}>{action.menu().objectName()}")
        elif not action.isSeparator():
            yield f"{where}>{action.objectName()}", action.text()


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything readable under `root`, shown or one click away (other tabs,
    panels that appear with a state): every widget is read, so nothing waits to be found later."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        found += [(where, value) for where, value in _texts_of(widget) if value and value.strip()]
    if isinstance(root, QMainWindow):  # the window's own title and menus (not when reading one workspace)
        window = root
        found.append(("window_title", window.windowTitle()))
        for action in window.menuBar().actions():
            if action.menu() is not None:
                found += list(_menu_texts(action.menu(), action.menu().objectName()))
    return found


def data_strings(db, language: str) -> list[str]:  # noqa: ANN001 - desktop.db.database.Database
    """Names and free text the database holds: shown as they are, in whatever language they were written.

    Products and carriers have a name in each language: only the one for `language` counts as data
    (a Chinese screen shows 婴儿配方奶粉, not Infant Formula)."""
    names = ["skus.name_zh", "carriers.name_zh"] if language == "zh_CN" else ["skus.name", "carriers.name"]
    columns = [*names, "skus.sku_code", "merchants.name", "merchants.code", "users.display_name",
               "users.login", "carriers.code", "warehouses.name",
               "warehouses.city", "warehouses.code", "tracking_events.place", "tracking_events.detail",
               "exceptions.reason", "feedback.text", "stations.name", "lots.lot_code", "locations.code",
               "orders.order_no", "totes.code", "parcels.code",
               # what intake and people recorded, shown as recorded (a hold's findings, a status change's reason)
               "orders.hold_detail", "order_status_changes.reason", "orders.ship_province", "orders.ship_city"]
    values: set[str] = set()
    with db.engine.connect() as conn:
        for column in columns:
            table, col = column.split(".")
            try:
                values.update(str(v) for (v,) in conn.execute(text(f"SELECT DISTINCT {col} FROM {table}")) if v)
            except Exception:  # noqa: BLE001 - a column renamed since: the test names it below
                raise AssertionError(f"data_strings: no column {column}") from None
    return sorted(values, key=len, reverse=True)


def wrong_language(texts: list[tuple[str, str]], language: str, data: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The (where, text) pairs that still show the other language once data values are taken out."""
    data = sorted({d for d in data if d}, key=len, reverse=True)
    wrong = []
    for where, value in texts:
        rest = PATH.sub(" ", value) if language == "zh_CN" else value
        for d in data:
            if len(d) <= 3:  # a short code (SF, M1) only where it stands alone, not inside MF-SF-2026…
                rest = re.sub(rf"(?<![\w\-]){re.escape(d)}(?![\w\-])", " ", rest)
            elif d in rest:
                rest = rest.replace(d, " ")
        if language == "zh_CN":
            rest = ALLOWED.sub(" ", CODE.sub(" ", rest))
            if WORD.search(rest):
                wrong.append((where, value))
        elif CJK.search(rest):
            wrong.append((where, value))
    return wrong
