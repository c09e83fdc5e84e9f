"""Help from inside the station: the user guide for one's role, and the keyboard shortcuts on screen.

The guides are Markdown with screenshots, one per role and language, in `docs/guide/<language>/`
(`picker.md`, `packer.md`, `supervisor.md`, `admin.md`); the bundle carries the same folder as `resources/guide`.
`GuideDialog` shows the guide for a role in the station's language (English when there is no
translation), with its pictures, in a QTextBrowser. `ShortcutsDialog` lists every key that does
something in the window right now: menu actions, buttons, and the workspace's own shortcuts.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton, QDialog, QDialogButtonBox, QHeaderView, QLabel, QLayout, QTableWidget, QTableWidgetItem, QTextBrowser,
    QVBoxLayout, QWidget,
)

import resources
from desktop.domain.roles import Role
from ui.appearance import pixels
from ui.i18n import current_language, key_name
from ui.labels import role_name

GUIDE_FILES = {Role.PICKER: "picker.md", Role.PACKER: "packer.md", Role.RECEIVER: "receiver.md",
               Role.SUPERVISOR: "supervisor.md", Role.ADMIN: "admin.md"}


def guide_folder() -> Path:
    """Where the guides are: bundled with the resources, else the source tree's docs/guide."""
    bundled = resources.path("guide")
    if bundled.is_dir():
        return bundled
    return Path(resources.__file__).resolve().parent.parent / "docs" / "guide"


def guide_path(role: Role, language: str | None = None) -> Path:
    """The guide for `role` in `language` (the station's by default), falling back to English."""
    folder = guide_folder()
    name = GUIDE_FILES[Role(role)]
    for lang in (language or current_language(), "en"):
        candidate = folder / lang / name
        if candidate.is_file():
            return candidate
    return folder / "en" / name


class GuideDialog(QDialog):
    """The user guide for a role (object name `guide_dialog`; the text is `guide_text`)."""

    def __init__(self, role: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(self.tr("User guide: {role}").format(role=role_name(role)))
        self.path = guide_path(role)
        self.text = QTextBrowser(self)
        self.text.setObjectName("guide_text")
        self.text.setOpenExternalLinks(True)
        if self.path.is_file():
            self.text.setSearchPaths([str(self.path.parent)])
            self.text.setSource(QUrl.fromLocalFile(str(self.path)))
            fit_images(self.text, pixels(900) - 80)
        else:
            self.text.setPlainText(self.tr("The user guide is not installed at this station ({path}).")
                                   .format(path=self.path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        # Limits fixed once, before the window exists (platforms without size hints warn otherwise).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(self.minimumSizeHint())
        self.resize(pixels(900), pixels(700))


def fit_images(browser: QTextBrowser, width: int) -> None:
    """Shrink the pictures of a page wider than `width` to it, keeping their proportions (no sideways scrolling)."""
    document = browser.document()
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                image_format = fmt.toImageFormat()
                image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image_format.name()))
                size = image.size() if hasattr(image, "size") else None
                if size is not None and size.width() > width:
                    image_format.setWidth(width)
                    image_format.setHeight(size.height() * width / size.width())
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(image_format)
            it += 1
        block = block.next()


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what it does, key) for every shortcut that works in `window` now, without repeats."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(text: str, keys: QKeySequence) -> None:
        key = key_name(keys)
        what = text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
        if key and what and key not in seen:
            seen.add(key)
            rows.append((what, key))

    for action in window.findChildren(QAction):
        if not action.shortcut().isEmpty() and action.isEnabled():
            add(action.text(), action.shortcut())
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible():
            continue
        words, _, key = button.text().rpartition("  [")  # ui.i18n.with_shortcut: "Next batch  [F5]"
        if words and key.endswith("]"):
            add(words, QKeySequence(key[:-1]))
        elif not button.shortcut().isEmpty():
            add(button.text(), button.shortcut())
    for shortcut in window.findChildren(QShortcut):
        if shortcut.isEnabled() and shortcut.whatsThis():
            add(shortcut.whatsThis(), shortcut.key())
    return rows


class ShortcutsDialog(QDialog):
    """The keys that work on screen now (object name `shortcuts_dialog`, table `shortcuts_table`)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        intro = QLabel(self.tr("Everything on this screen works from the keyboard: Tab moves between fields, "
                               "Enter confirms, and these keys act at once:"), self)
        intro.setWordWrap(True)
        table = QTableWidget(len(rows), 2, self)
        table.setObjectName("shortcuts_table")
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Key")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (what, key) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(what))
            table.setItem(row, 1, QTableWidgetItem(key))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        # Limits fixed once, before the window exists (platforms without size hints warn otherwise).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(self.minimumSizeHint())
        self.resize(pixels(640), pixels(560))
