"""Small pieces the after-sales panels share: big buttons, scan fields, the error text of a failure."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from desktop.domain.errors import PickdeskError

TOUCH_PX = 48


def big_button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
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


def failure_text(exc: BaseException) -> str:
    """Both languages for a typed error; the class and text for anything else."""
    if isinstance(exc, PickdeskError):
        if exc.message_zh and exc.message_zh != exc.message:
            return f"{exc.message}\n{exc.message_zh}"
        return exc.message
    return f"{type(exc).__name__}: {exc}"
