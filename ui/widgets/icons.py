"""The bundled SVG icons (resources/icons), as QIcon and QPixmap."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon, QPixmap

import resources


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(resources.path("icons", f"{name}.svg")))


def pixmap(name: str, size: int) -> QPixmap:
    return icon(name).pixmap(size, size)
