"""What the admin workspace's panels share: a table model that holds ids and builds rows on demand,
tables and buttons as the other workspaces have them, and the panel base (message line, actions).

`IdTableModel` is given the ids a search found (in SQL, by a service) and a `fetch(uow, ids)` that
builds the rows for some of them; it asks for a page of rows through the task runner the first time
a view shows one of its rows, so a search over 50 000 SKUs loads only what is on screen. Small lists
(stations, warehouses) hand their rows in at once with `set_rows`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QLayout, QPushButton, QScrollArea, QTableView, QWidget,
)

from ui.errors import error_text
from ui.i18n import with_shortcut
from ui.widgets.scroll import vertical_scroll
from ui.workspaces.base import WorkspaceContext

Column = tuple[str, Callable[[Any], str]]  # header, cell text of a row


class IdTableModel(QAbstractTableModel):
    """Rows by id, built on demand a page at a time (object `admin_*_model`).

    Signals:
        rows_arrived(): a page of rows came in (and is on screen).
    """

    rows_arrived = Signal()
    PAGE = 100

    def __init__(self, columns: Sequence[Column], runner=None, fetch=None, actor=None,  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.runner, self.fetch, self.actor = runner, fetch, actor
        self.ids: list[int] = []
        self.cache: dict[int, Any] = {}
        self._asked: set[int] = set()
        self._generation = 0

    # --- filling ------------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int]) -> None:
        """A new search result: the rows come when a view shows them."""
        self.beginResetModel()
        self._generation += 1
        self.ids, self.cache, self._asked = list(ids), {}, set()
        self.endResetModel()

    def set_rows(self, rows: Sequence[Any]) -> None:
        """A small list in full (each row has an `id`)."""
        self.beginResetModel()
        self._generation += 1
        self.ids = [r.id for r in rows]
        self.cache = {r.id: r for r in rows}
        self._asked = set()
        self.endResetModel()

    def reload(self) -> None:
        """Rows changed in the database: build the ones on screen again (the ids stay)."""
        if self.fetch is None or not self.ids:
            return
        at = {row_id: n for n, row_id in enumerate(self.ids)}
        pages = {at[i] // self.PAGE for i in self.cache if i in at} or {0}
        self._generation += 1
        self._asked = set()
        for page in sorted(pages):  # what was built is built again at once, with the cache kept till then
            self._ask(page * self.PAGE)

    def row(self, n: int) -> Any | None:
        """The row at position `n`, if it is built."""
        return self.cache.get(self.ids[n]) if 0 <= n < len(self.ids) else None

    def position(self, row_id: int) -> int:
        return self.ids.index(row_id) if row_id in self.ids else -1

    def _ask(self, n: int) -> None:
        page = n // self.PAGE
        if self.fetch is None or self.runner is None or page in self._asked:
            return
        self._asked.add(page)
        ids = self.ids[page * self.PAGE:(page + 1) * self.PAGE]
        generation = self._generation
        fetch = self.fetch
        self.runner.run(lambda uow: fetch(uow, ids), lambda rows: self._arrived(generation, page, rows),
                        lambda _exc: self._asked.discard(page), actor=self.actor, owner=self)

    def _arrived(self, generation: int, page: int, rows: Sequence[Any]) -> None:
        if generation != self._generation:
            return
        self.cache.update({r.id: r for r in rows})
        first, last = page * self.PAGE, min((page + 1) * self.PAGE, len(self.ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
        self.rows_arrived.emit()

    # --- Qt's side ----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][0]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row(index.row())
        if row is None:
            self._ask(index.row())
            return "…" if index.column() == 0 and role == Qt.ItemDataRole.DisplayRole else None
        return self.columns[index.column()][1](row)


def admin_table(name: str, model: IdTableModel, parent: QWidget, stretch: int | None = None) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(36)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch is None)
    header.setMinimumSectionSize(60)
    header.setResizeContentsPrecision(40)  # fit the columns to the rows in sight, not to all of them
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    # Columns fit their contents once a new list is in: at once for a full list, when the first
    # page is built for a search (the person can widen or narrow them afterwards).
    pending = [False]

    def reset() -> None:
        if model.cache:
            view.resizeColumnsToContents()
        else:
            pending[0] = True

    def arrived() -> None:
        if pending[0]:
            pending[0] = False
            view.resizeColumnsToContents()

    model.modelReset.connect(reset)
    model.rows_arrived.connect(arrived)
    return view


def side_panel(layout: QLayout, name: str, parent: QWidget) -> QScrollArea:
    """A tab's form beside its table, scrolling up and down when the window is too low for all of it."""
    page = QWidget(parent)
    page.setObjectName(f"{name}_page")
    page.setLayout(layout)
    layout.setContentsMargins(0, 0, 4, 0)
    scroll = vertical_scroll(page, name, parent)
    scroll.viewport().setAutoFillBackground(False)  # the tab's own background, not a grey box
    page.setAutoFillBackground(False)
    return scroll


def selected_row(view: QTableView) -> Any | None:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    model = view.model()
    return model.row(rows[0].row()) if rows and isinstance(model, IdTableModel) else None


def select_id(view: QTableView, row_id: int) -> bool:
    model = view.model()
    n = model.position(row_id) if isinstance(model, IdTableModel) else -1
    if n < 0:
        return False
    view.selectRow(n)
    view.scrollTo(model.index(n, 0))
    return True


def admin_button(text: str, name: str, parent: QWidget, slot, key: str | None = None) -> QPushButton:  # noqa: ANN001
    """A button with its key written on it ("Save  [F6]"); only the tab on screen listens to it."""
    button = QPushButton(with_shortcut(text, key) if key else text, parent)
    if key:
        button.setShortcut(QKeySequence(key))
    button.setObjectName(name)
    button.setMinimumHeight(48)
    button.clicked.connect(slot)
    return button


class AdminPanel(QWidget):
    """One tab of the admin workspace: loads what it shows, runs edits through services.

    Signals:
        loaded(): what the tab shows is fresh from the database.
        action_done(str): an edit was saved (its name).
        action_failed(str): an edit was refused (the message shown).
    """

    loaded = Signal()
    action_done = Signal(str)
    action_failed = Signal(str)

    name = "panel"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"admin_{self.name}_tab")
        self.context = context
        self.runner = context.runner
        self.actor = context.actor
        self.message = QLabel(self)
        self.message.setObjectName(f"admin_{self.name}_message")
        self.message.setWordWrap(True)
        self._loading = False
        self._again = False

    def refresh(self) -> None:
        """Load the tab again (one load at a time: asked while one runs, another follows it)."""
        if self._loading:
            self._again = True
            return
        op = self.load_op()
        if op is None:
            return
        self._loading = True
        self.runner.run(op, self._loaded, self._load_failed, actor=self.actor, owner=self)

    def load_op(self):  # noqa: ANN201
        return None

    def _loaded(self, data: object) -> None:
        self._loading = False
        if self._again:  # the search changed meanwhile: what came is already old
            self._again = False
            self.refresh()
            return
        self.show_data(data)
        self.loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = self._again = False
        self._say("error", error_text(exc))

    def show_data(self, data: object) -> None:
        raise NotImplementedError

    def _say(self, kind: str, text: str) -> None:
        self.message.setProperty("kind", kind)
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def run_action(self, name: str, op, done_text: str) -> None:  # noqa: ANN001
        """Run an edit through its service; say what happened; load the tab again when it was saved."""
        self._say("info", self.tr("Working…"))
        self.runner.run(op, lambda _result: self._action_ok(name, done_text), self._action_refused,
                        actor=self.actor, owner=self)

    def refuse(self, text: str) -> None:
        self._say("error", text)
        self.action_failed.emit(text)

    def _action_ok(self, name: str, text: str) -> None:
        self._say("ok", text)
        self.action_done.emit(name)
        self.refresh()

    def _action_refused(self, exc: BaseException) -> None:
        self.refuse(error_text(exc))
