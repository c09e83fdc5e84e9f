"""Small pieces the supervisor's console and the after-sales panels share: big buttons, scan fields, the
error text of a failure, and the names of the codes they show (order statuses, return reasons).

Code tables are marked with QT_TRANSLATE_NOOP (context named in each table) and shown through `term`,
so a status is read in the station's language and never as its raw code.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from ui.i18n import translate, with_shortcut

TOUCH_PX = 48

ORDER_STATUS = {
    "received": QT_TRANSLATE_NOOP("OrderStatusName", "Received"),
    "held": QT_TRANSLATE_NOOP("OrderStatusName", "Held"),
    "backordered": QT_TRANSLATE_NOOP("OrderStatusName", "Backordered"),
    "ready": QT_TRANSLATE_NOOP("OrderStatusName", "Ready"),
    "picking": QT_TRANSLATE_NOOP("OrderStatusName", "Picking"),
    "picked": QT_TRANSLATE_NOOP("OrderStatusName", "Picked"),
    "packed": QT_TRANSLATE_NOOP("OrderStatusName", "Packed"),
    "shipped": QT_TRANSLATE_NOOP("OrderStatusName", "Shipped"),
    "delivered": QT_TRANSLATE_NOOP("OrderStatusName", "Delivered"),
    "completed": QT_TRANSLATE_NOOP("OrderStatusName", "Completed"),
    "refused": QT_TRANSLATE_NOOP("OrderStatusName", "Refused"),
    "lost": QT_TRANSLATE_NOOP("OrderStatusName", "Lost"),
    "returned": QT_TRANSLATE_NOOP("OrderStatusName", "Returned"),
    "cancelled": QT_TRANSLATE_NOOP("OrderStatusName", "Cancelled"),
}
RETURN_REASON = {
    "no_reason": QT_TRANSLATE_NOOP("ReturnReasonName", "No-reason return"),
    "quality": QT_TRANSLATE_NOOP("ReturnReasonName", "Quality problem"),
    "damaged": QT_TRANSLATE_NOOP("ReturnReasonName", "Damaged in transit"),
    "wrong_item": QT_TRANSLATE_NOOP("ReturnReasonName", "Wrong item sent"),
    "refused": QT_TRANSLATE_NOOP("ReturnReasonName", "Refused on delivery"),
}


def term(context: str, table: Mapping[str, str], code: str | None, missing: str = "—") -> str:
    """A code's name from `table` (marked in `context`) in the station's language; an unknown code as it is."""
    if not code:
        return missing
    text = table.get(code)
    return translate(context, text) if text else code


def order_status_name(status: str | None) -> str:
    return term("OrderStatusName", ORDER_STATUS, status)


def return_reason_name(reason: str | None) -> str:
    return term("ReturnReasonName", RETURN_REASON, reason)


def date_edit_format() -> str:
    """The locale's short date with a four-digit year, for QDateEdit (2026/11/24, 11/24/2026)."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return fmt.replace("yy", "yyyy") if "yyyy" not in fmt else fmt


def month_day_format() -> str:
    """The locale's short date without its year (11/24, 11-24): for a board of this week, a chart's ticks."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    for year in ("yyyy", "yy"):
        for pattern in (f"{year}/", f"/{year}", f"{year}-", f"-{year}", f"{year}.", f".{year}", year):
            fmt = fmt.replace(pattern, "")
    return fmt.strip(" ./-") or "MM-dd"


def month_day_time(value: datetime | None) -> str:
    """A moment of these days in local time, short: 11/24 18:35 (`ui.i18n.date_time` has the year)."""
    if value is None:
        return ""
    local = (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone()
    day = QLocale().toString(QDate(local.year, local.month, local.day), month_day_format())
    return f"{day} {local:%H:%M}"


def big_button(text: str, name: str, parent: QWidget, key: str | None = None) -> QPushButton:
    """A touch-sized button; with `key`, the key works while the button is on screen and is written on it."""
    button = QPushButton(with_shortcut(text, key) if key else text, parent)
    if key:
        button.setShortcut(QKeySequence(key))
    button.setObjectName(name)
    button.setMinimumHeight(TOUCH_PX)
    button.setAutoDefault(False)
    return button


def scan_field(name: str, placeholder: str, parent: QWidget) -> QLineEdit:
    """A field a scanner types into: no input method (docs/scanners.md), touch height."""
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setPlaceholderText(placeholder)
    field.setMinimumHeight(TOUCH_PX)
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    return field

