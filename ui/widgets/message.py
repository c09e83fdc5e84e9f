"""A large message line with an icon: the floor reads it from a step away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.widgets.icons import pixmap


class MessageBanner(QWidget):
    """An icon and a large word-wrapped text; hidden while empty.

    `kind` ("error" or "info") is a dynamic property the style sheet colours by.
    Object names: the text label is `name` (tests read it), the icon `<name>_icon`, the box `<name>_box`.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_box")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.icon = QLabel(self)
        self.icon.setObjectName(f"{name}_icon")
        self.icon.setFixedSize(48, 48)
        self.text = QLabel(self)
        self.text.setObjectName(name)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.setSpacing(12)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        self.setProperty("kind", "error")
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        self.setProperty("kind", kind)
        self.text.setProperty("kind", kind)
        self.icon.setPixmap(pixmap("error" if kind == "error" else "badge", 48))
        self.text.setText(text)
        for w in (self, self.text):
            w.style().unpolish(w)
            w.style().polish(w)
        self.show()

    def clear(self) -> None:
        self.text.clear()
        self.hide()

    @property
    def message(self) -> str:
        return "" if self.isHidden() else self.text.text()
