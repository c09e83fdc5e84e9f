"""A frameless scroll area that scrolls only up and down: for content taller than the screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def vertical_scroll(widget: QWidget, name: str, parent: QWidget | None = None, *,
                    sideways: bool = False) -> QScrollArea:
    """`widget` in a scroll area named `name`, no frame: as wide as the area, or, with `sideways`,
    scrolling sideways too when it cannot be made that narrow (large type on a small screen)."""
    scroll = QScrollArea(parent)
    scroll.setObjectName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if sideways
                                        else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(widget)
    return scroll
