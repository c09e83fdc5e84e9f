"""The route as a list: one row per stop in walking order (object name `picker_stops`), and the
short-pick dialog (object name `picker_short_dialog`)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QFont, QStandardItem, QStandardItemModel
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

STATUS_TEXT = {  # a stop's state on this station, shown translated (translate("StopsModel", …))
    "open": QT_TRANSLATE_NOOP("StopsModel", "To pick"),
    "picked": QT_TRANSLATE_NOOP("StopsModel", "Picked"),
    "short": QT_TRANSLATE_NOOP("StopsModel", "Short"),
    "skipped": QT_TRANSLATE_NOOP("StopsModel", "Held"),
    "cancelled": QT_TRANSLATE_NOOP("StopsModel", "Cancelled"),
    "current": QT_TRANSLATE_NOOP("StopsModel", "Now"),
}


class StopsModel(QStandardItemModel):
    """Rows: the batch's stops in walking order, with the picker's progress on this station.

    Why a QStandardItemModel filled here and not a Python `data()`: the table is painted (and its
    columns sized to their contents) by Qt asking the model for every cell and role, hundreds of
    calls per repaint. Each call into Python has to take the interpreter lock, and while the
    station's background work runs Python on another thread each take can wait a switch interval,
    so a scan's feedback waited behind the table's repaint (benchmarks/scan_feedback.py). Cells are
    worked out here when the stops or the progress change, only for the rows that changed, and Qt
    paints them without entering Python. The station's language is fixed per process, so the texts
    (headers, product names, dates) are translated once.
    """

    HEADERS = ("#", QT_TRANSLATE_NOOP("StopsModel", "Location"), QT_TRANSLATE_NOOP("StopsModel", "Product"),
               QT_TRANSLATE_NOOP("StopsModel", "Qty"), QT_TRANSLATE_NOOP("StopsModel", "Lot · Expiry"),
               QT_TRANSLATE_NOOP("StopsModel", "Tote"))
    MARKS = {"picked": "✔", "short": "✖", "skipped": "–", "cancelled": "✖", "current": "▶", "open": ""}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.HEADERS), parent)
        self.setHorizontalHeaderLabels([translate("StopsModel", h) for h in self.HEADERS])
        self.stops: list[StopView] = []
        self.picked: dict[int, int] = {}
        self.current_task: int | None = None
        self._shown: list[tuple[str, int]] = []  # per row: the (status, picked) its cells show

    def set_stops(self, stops: list[StopView] | tuple[StopView, ...]) -> None:
        self.stops = list(stops)
        self.picked = {s.task_id: s.picked_qty for s in self.stops}
        self._shown = []
        rows = [self._row(row, stop) for row, stop in enumerate(self.stops)]
        self.beginResetModel()
        self.blockSignals(True)  # one reset for the whole list, not a signal per cell
        try:
            self.setRowCount(0)
            for cells in rows:
                self.appendRow(cells)
        finally:
            self.blockSignals(False)
        self.endResetModel()

    def set_progress(self, task_id: int, picked: int | None = None, current: int | None = None) -> None:
        if picked is not None:
            self.picked[task_id] = picked
        self.current_task = current
        for row, stop in enumerate(self.stops):
            if self._key(stop) != self._shown[row]:
                self._fill(row, stop, [self.item(row, col) for col in range(len(self.HEADERS))])

    def status_of(self, stop: StopView) -> str:
        if stop.status != "open":
            return stop.status
        if self.picked.get(stop.task_id, 0) >= stop.qty:
            return "picked"
        return "current" if stop.task_id == self.current_task else "open"

    # --- the cells ------------------------------------------------------------------------------

    def _key(self, stop: StopView) -> tuple[str, int]:
        return self.status_of(stop), self.picked.get(stop.task_id, 0)

    def _row(self, row: int, stop: StopView) -> list[QStandardItem]:
        cells = [QStandardItem() for _ in self.HEADERS]
        product = bilingual(stop.product_name, stop.product_name_zh)
        lot = "—" if stop.lot_code is None else f"{stop.lot_code} · {long_date(stop.lot_expiry)}"
        for cell, text in zip(cells[1:], (stop.location_code, product, "", lot, stop.tote_code or "—"), strict=True):
            cell.setText(text)
        for cell in cells:
            cell.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
        self._shown.append(("", -1))
        self._fill(row, stop, cells)
        return cells

    def _fill(self, row: int, stop: StopView, cells: list[QStandardItem]) -> None:
        status, picked = self._shown[row] = self._key(stop)
        cells[0].setText(f"{self.MARKS[status]} {row + 1}".strip())
        cells[3].setText(f"{picked} / {stop.qty}")
        # The whole product name too: the column elides long names.
        product = bilingual(stop.product_name, stop.product_name_zh)
        tip = f"{translate('StopsModel', STATUS_TEXT[status])} · {product} · {stop.order_no} · {stop.sku}"
        if status in ("picked", "short", "skipped", "cancelled"):
            foreground: QBrush | None = QBrush(colour("done_text"))
        elif status == "current":
            foreground = QBrush(colour("marked_text"))  # readable on the highlight in every theme
        else:
            foreground = None
        background = QBrush(colour("current_back")) if status == "current" else None
        font: QFont | None = None
        if status == "current":
            font = QFont()
            font.setBold(True)
        for cell in cells:
            cell.setToolTip(tip)
            cell.setData(foreground, Qt.ItemDataRole.ForegroundRole)
            cell.setData(background, Qt.ItemDataRole.BackgroundRole)
            cell.setData(font, Qt.ItemDataRole.FontRole)


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
