"""Small pieces the supervisor's console and the after-sales panels share: big buttons, scan fields, dates
of these days. The names of the codes they show (order statuses, return reasons…) are in `ui.labels`.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from ui.i18n import with_shortcut

TOUCH_PX = 48

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

