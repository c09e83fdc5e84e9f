"""The route as a list: one row per stop in walking order (object name `picker_stops`), and the
short-pick dialog (object name `picker_short_dialog`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLayout,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.picking import StopView
from ui.appearance import colour, points, type_scale
from ui.i18n import bilingual, long_date, translate

Index = QModelIndex | QPersistentModelIndex

STATUS_TEXT = {  # a stop's state on this station, shown translated (translate("StopsModel", …))
    "open": QT_TRANSLATE_NOOP("StopsModel", "To pick"),
    "picked": QT_TRANSLATE_NOOP("StopsModel", "Picked"),
    "short": QT_TRANSLATE_NOOP("StopsModel", "Short"),
    "skipped": QT_TRANSLATE_NOOP("StopsModel", "Held"),
    "cancelled": QT_TRANSLATE_NOOP("StopsModel", "Cancelled"),
    "current": QT_TRANSLATE_NOOP("StopsModel", "Now"),
}


class StopsModel(QAbstractTableModel):
    """Rows: the batch's stops in walking order, with the picker's progress on this station."""

    HEADERS = ("#", QT_TRANSLATE_NOOP("StopsModel", "Location"), QT_TRANSLATE_NOOP("StopsModel", "Product"),
               QT_TRANSLATE_NOOP("StopsModel", "Qty"), QT_TRANSLATE_NOOP("StopsModel", "Lot · Expiry"),
               QT_TRANSLATE_NOOP("StopsModel", "Tote"))
    MARKS = {"picked": "✔", "short": "✖", "skipped": "–", "cancelled": "✖", "current": "▶", "open": ""}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stops: list[StopView] = []
        self.picked: dict[int, int] = {}
        self.current_task: int | None = None

    def set_stops(self, stops: list[StopView] | tuple[StopView, ...]) -> None:
        self.beginResetModel()
        self.stops = list(stops)
        self.picked = {s.task_id: s.picked_qty for s in self.stops}
        self.endResetModel()

    def set_progress(self, task_id: int, picked: int | None = None, current: int | None = None) -> None:
        if picked is not None:
            self.picked[task_id] = picked
        self.current_task = current
        if self.stops:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.stops) - 1, len(self.HEADERS) - 1))

    def status_of(self, stop: StopView) -> str:
        if stop.status != "open":
            return stop.status
        if self.picked.get(stop.task_id, 0) >= stop.qty:
            return "picked"
        return "current" if stop.task_id == self.current_task else "open"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.stops)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("StopsModel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        stop = self.stops[index.row()]
        col = index.column()
        status = self.status_of(stop)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{self.MARKS[status]} {index.row() + 1}".strip()
            if col == 1:
                return stop.location_code
            if col == 2:
                return bilingual(stop.product_name, stop.product_name_zh)
            if col == 3:
                return f"{self.picked.get(stop.task_id, 0)} / {stop.qty}"
            if col == 4:
                if stop.lot_code is None:
                    return "—"
                return f"{stop.lot_code} · {long_date(stop.lot_expiry)}"
            return stop.tote_code or "—"
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole product name too: the column elides long names.
            product = bilingual(stop.product_name, stop.product_name_zh)
            return f"{translate('StopsModel', STATUS_TEXT[status])} · {product} · {stop.order_no} · {stop.sku}"
        if role == Qt.ItemDataRole.ForegroundRole and status in ("picked", "short", "skipped", "cancelled"):
            return QBrush(colour("done_text"))
        if role == Qt.ItemDataRole.ForegroundRole and status == "current":
            return QBrush(colour("marked_text"))  # readable on the highlight in every theme
        if role == Qt.ItemDataRole.BackgroundRole and status == "current":
            return QBrush(colour("current_back"))
        if role == Qt.ItemDataRole.FontRole and status == "current":
            font = QFont()
            font.setBold(True)
            return font
        return None


class StopsTable(QTableView):
    """The stop list (object name `picker_stops`); follows the current stop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("picker_stops")
        self.stops_model = StopsModel(self)
        self.setModel(self.stops_model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(34)
        header = self.horizontalHeader()
        header.setMinimumSectionSize(40)
        # Codes, counts and dates as wide as they are in this language and font (the current row is
        # bold); the product takes the rest.
        for col in (0, 1, 3, 4, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Normal type fits every column; large type may not: then the list scrolls sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if type_scale() > 1
                                          else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)
        small = self.font()
        small.setPointSize(points(11))
        self.setFont(small)

    def follow(self, task_id: int | None) -> None:
        for row, stop in enumerate(self.stops_model.stops):
            if stop.task_id == task_id:
                self.scrollTo(self.stops_model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
                return


class ShortPickDialog(QDialog):
    """How many units were found in the bin (0 for an empty bin). Object name `picker_short_dialog`;
    the count is `picker_short_found`."""

    def __init__(self, location: str, product: str, remaining: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("picker_short_dialog")
        self.setWindowTitle(self.tr("Short / empty bin"))
        text = QLabel(self.tr("{location}\n{product}\n\nHow many did you find? (0 = empty bin)").format(
            location=location, product=product), self)
        text.setWordWrap(True)
        font = text.font()
        font.setPointSize(points(15))
        text.setFont(font)
        self.found = QSpinBox(self)
        self.found.setObjectName("picker_short_found")
        self.found.setRange(0, max(remaining - 1, 0))
        self.found.setMinimumHeight(56)
        big = self.found.font()
        big.setPointSize(points(20))
        self.found.setFont(big)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Report short"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("picker_short_ok")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(text)
        box.addWidget(self.found)
        box.addWidget(buttons)
        for button in buttons.buttons():
            button.setMinimumWidth(200)
        # Fixed limits set here, not by the layout once shown (that warns on platforms without size hints).
        box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(560, 330)
        self.resize(560, 330)
        self.found.setFocus()
