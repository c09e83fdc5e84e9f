"""The console's tables: models that hold keys and build rows on demand, and the view they are shown in.

A `KeyedModel` holds the keys of its rows (order numbers, exception ids, audit ids, logins…) and, per
key, the record a service returned (a frozen dataclass). A cell's text is built from the record when
the view asks for it (only rows on screen are asked) and kept until that record changes. So:

* paging: a model given a `page` op reads its first page (`reload`) and, when the view scrolls to the
  end, the next one (`canFetchMore` / `fetchMore`, through the task runner, never on the GUI thread);
* refreshing from the feed: `touch(keys)` names the rows a feed event changed; within `TOUCH_MS` they
  are read again in one query (`rows` op) and only those rows change on screen — a row whose record
  no longer `belongs` leaves, a new one that does is put in its place (`order_key`) if that place is
  among the rows already read;
* replacing: `replace(records)` for short lists read whole (exceptions, stock, pickers) changes only the
  rows whose record changed when the keys are the same, and resets the model otherwise.

`KeyedView` is the QTableView of the console: single row selection, the selection kept on its key
across resets, `select_key` / `selected_key` by key (never by cell text), columns measured once per
reset or page rather than on every change (a ResizeToContents column re-measures every row on each
change, which is what kept the old console busy).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.tasks import TaskRunner

K = TypeVar("K", bound=Hashable)
R = TypeVar("R")

PAGE = 200  # rows read at a time
TOUCH_MS = 100  # feed events within this time are read back in one query
OVERDUE = QColor(Qt.GlobalColor.red)  # as the board always showed it

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its (translated) title, the text of a record's cell, and optionally its tooltip, colour
    and alignment. `tip` defaults to the cell's text (a cut-off cell can be read in full on hover)."""

    title: str
    text: Callable[[R], str]
    tip: Callable[[R], str] | None = None
    colour: Callable[[R], QColor | None] | None = None
    right: bool = False


class KeyedModel(QAbstractTableModel):
    """Rows held by key, records cached, cell texts built on demand (see the module docstring).

    Signals:
        page_loaded(): a page (or a reload) is in the model.
        rows_refreshed(object): rows read back after `touch` are shown (the keys, a list).
        failed(object): a read failed (the exception); what is shown stays.
    """

    page_loaded = Signal()
    rows_refreshed = Signal(object)
    failed = Signal(object)

    def __init__(self, columns: list[Column[R]], key: Callable[[R], K], *, runner: TaskRunner | None = None,
                 actor: Any = None, page: Callable[[R | None, int, int], Callable] | None = None,
                 rows: Callable[[list[K]], Callable] | None = None, belongs: Callable[[R], bool] | None = None,
                 order_key: Callable[[R], Any] | None = None, page_size: int = PAGE,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._key = key
        self._runner, self._actor = runner, actor
        self._page, self._rows, self._belongs, self._order_key = page, rows, belongs, order_key
        self.page_size = page_size
        self._keys: list[K] = []
        self._row_of: dict[K, int] = {}
        self._records: dict[K, R] = {}
        self._cells: dict[K, list[str]] = {}
        self._more = False
        self._fetching = False
        self._generation = 0  # a reload makes pages asked for before it stale
        self._touched: set[K] = set()
        self._reading: set[K] | None = None
        self._touch_timer = QTimer(self)
        self._touch_timer.setSingleShot(True)
        self._touch_timer.setInterval(TOUCH_MS)
        self._touch_timer.timeout.connect(self._read_touched)

    # --- Qt's model API -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < len(self.columns):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._keys):
            return None
        key = self._keys[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(key)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip(self._records[key]) if column.tip else self.cells(key)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(self._records[key])
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return key
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more and not self._fetching and self._page is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        last = self._records[self._keys[-1]] if self._keys else None
        generation = self._generation
        self._run(self._page(last, len(self._keys), self.page_size),
                  lambda records: self._page_arrived(records, generation))

    # --- reading ------------------------------------------------------------------------------

    def cells(self, key: K) -> list[str]:
        """The texts of a row, built from its record the first time they are asked for."""
        cells = self._cells.get(key)
        if cells is None:
            record = self._records[key]
            cells = self._cells[key] = [c.text(record) for c in self.columns]
        return cells

    def keys(self) -> list[K]:
        return list(self._keys)

    def records(self) -> list[R]:
        return [self._records[k] for k in self._keys]

    def key(self, row: int) -> K | None:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def record(self, key: K) -> R | None:
        return self._records.get(key)

    def row_of(self, key: K) -> int:
        """The row of `key`, or -1."""
        return self._row_of.get(key, -1)

    @property
    def has_more(self) -> bool:
        return self._more

    # --- loading ------------------------------------------------------------------------------

    def reload(self, fresh: bool = False) -> None:
        """Read the rows again from the first: as many as are loaded now (at least a page), or with `fresh`
        (a new search) one page. What is shown stays until the rows come."""
        if self._page is None:
            return
        self._generation += 1
        self._fetching = True
        generation = self._generation
        n = self.page_size if fresh else max(self.page_size, len(self._keys))
        self._run(self._page(None, 0, n), lambda records: self._reloaded(records, generation, n))

    def _reloaded(self, records: list[R], generation: int, asked: int) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self.replace(records, more=len(records) >= asked)
        self.page_loaded.emit()

    def _page_arrived(self, records: list[R], generation: int) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        fresh = [r for r in records if self._key(r) not in self._row_of]
        self._more = len(records) >= self.page_size
        if fresh:
            first = len(self._keys)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for r in fresh:
                k = self._key(r)
                self._row_of[k] = len(self._keys)
                self._keys.append(k)
                self._records[k] = r
            self.endInsertRows()
        self.page_loaded.emit()

    def replace(self, records: Iterable[R], more: bool = False) -> None:
        """Show `records` in this order; only changed rows change when the keys are the same."""
        records = list(records)
        keys = [self._key(r) for r in records]
        self._more = more
        if keys == self._keys:
            self.update(records)
            return
        self.beginResetModel()
        self._keys = keys
        self._row_of = {k: i for i, k in enumerate(keys)}
        self._records = dict(zip(keys, records))
        self._cells = {}
        self.endResetModel()

    def update(self, records: Iterable[R]) -> None:
        """New records for rows already shown: those that differ change (one dataChanged per row)."""
        for r in records:
            k = self._key(r)
            row = self._row_of.get(k)
            if row is None or self._records.get(k) == r:
                continue
            self._records[k] = r
            self._cells.pop(k, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def remove(self, keys: Iterable[K]) -> None:
        for k in keys:
            row = self._row_of.get(k)
            if row is None:
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._keys[row]
            self._records.pop(k, None)
            self._cells.pop(k, None)
            self._row_of = {key: i for i, key in enumerate(self._keys)}
            self.endRemoveRows()

    def insert(self, record: R) -> bool:
        """Put a new record in its place by `order_key`; False when its place is beyond the rows read."""
        k = self._key(record)
        if k in self._row_of or self._order_key is None:
            return False
        places = [self._order_key(self._records[key]) for key in self._keys]
        mine = self._order_key(record)
        row = bisect.bisect_left(places, mine)
        if row == len(self._keys) and self._more:
            return False  # it comes with a later page
        self.beginInsertRows(QModelIndex(), row, row)
        self._keys.insert(row, k)
        self._records[k] = record
        self._row_of = {key: i for i, key in enumerate(self._keys)}
        self.endInsertRows()
        return True

    def retext(self, columns: Iterable[int] | None = None) -> None:
        """Cell texts that depend on the time (minutes left) or the language: built again when next shown."""
        self._cells = {}
        if self._keys:
            cols = sorted(columns) if columns is not None else range(len(self.columns))
            for c in cols:
                self.dataChanged.emit(self.index(0, c), self.index(len(self._keys) - 1, c))

    # --- refreshing from the feed -------------------------------------------------------------

    def touch(self, keys: Iterable[K]) -> None:
        """These rows (shown or not) changed: read them back soon, together with others touched meanwhile."""
        if self._rows is None:
            return
        self._touched.update(k for k in keys if k is not None)
        if self._touched and not self._touch_timer.isActive():
            self._touch_timer.start()

    def _read_touched(self) -> None:
        if self._reading is not None or not self._touched:
            if self._touched:
                self._touch_timer.start()  # one read at a time: these go next
            return
        asked, self._touched = self._touched, set()
        self._reading = asked
        generation = self._generation

        def done(records: list[R]) -> None:
            self._reading = None
            if generation == self._generation:
                self.apply_rows(asked, records)
            if self._touched:
                self._touch_timer.start()

        def failed(exc: BaseException) -> None:
            self._reading = None
            self.failed.emit(exc)

        self._run(self._rows(sorted(asked, key=str)), done, failed)

    def apply_rows(self, asked: Iterable[K], records: list[R]) -> None:
        """Records read back for `asked`: shown rows change or leave, new ones that belong come in."""
        found = {self._key(r): r for r in records}
        gone = [k for k in asked if k in self._row_of and (k not in found or
                                                            (self._belongs is not None and not self._belongs(found[k])))]
        self.remove(gone)
        shown = [r for k, r in found.items() if k in self._row_of]
        moved = [r for r in shown if self._order_key is not None
                 and self._order_key(r) != self._order_key(self._records[self._key(r)])]
        self.remove([self._key(r) for r in moved])  # its place changed: taken out and put back in order
        self.update(r for r in shown if r not in moved)
        for r in [r for k, r in found.items() if k not in self._row_of]:
            if self._belongs is None or self._belongs(r):
                self.insert(r)
        self.rows_refreshed.emit(sorted(found, key=str))

    # --- the task runner ----------------------------------------------------------------------

    def _run(self, op: Callable, done: Callable[[Any], None], failed: Callable[[BaseException], None] | None = None) -> None:
        if self._runner is None:
            raise RuntimeError("this model reads nothing itself: give it a runner")

        def fail(exc: BaseException) -> None:
            self._fetching = False
            self.failed.emit(exc)

        self._runner.run(op, done, failed or fail, actor=self._actor, owner=self)


class KeyedView(QTableView):
    """A console table over a `KeyedModel`: rows chosen and kept by key.

    Signals:
        key_selected(object): the selected row's key (None when nothing is selected).
    """

    key_selected = Signal(object)

    def __init__(self, name: str, model: KeyedModel, parent: QWidget | None = None, *, stretch: int | None = None,
                 hidden: Iterable[int] = ()) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setModel(model)
        self.keyed = model
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(36)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(PAGE)  # measure the first page's rows, not every row read
        self._stretch = stretch
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for c in hidden:
            self.setColumnHidden(c, True)
        self._kept: Any = None
        self._measured = False
        model.modelAboutToBeReset.connect(self._keep)
        model.modelReset.connect(self._restore)
        model.page_loaded.connect(self._measure)
        self.selectionModel().selectionChanged.connect(lambda *_: self.key_selected.emit(self.selected_key()))

    def selected_key(self) -> Any:
        rows = self.selectionModel().selectedRows()
        return self.keyed.key(rows[0].row()) if rows else None

    def select_key(self, key: Any) -> bool:
        row = self.keyed.row_of(key)
        if row < 0:
            return False
        self.selectRow(row)
        self.scrollTo(self.keyed.index(row, 0))
        return True

    def _keep(self) -> None:
        self._kept = self.selected_key()

    def _restore(self) -> None:
        if self._kept is not None and not self.select_key(self._kept):
            self.key_selected.emit(None)
        self._kept = None
        self._measured = False
        self._measure()

    def _measure(self) -> None:
        """Columns fitted to their words once, when the rows first come (not on every change)."""
        if self._measured or self.keyed.rowCount() == 0:
            return
        self._measured = True
        for c in range(self.keyed.columnCount()):
            if c != self._stretch and not self.isColumnHidden(c):
                self.resizeColumnToContents(c)
