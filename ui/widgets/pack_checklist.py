"""The packer's checklist: one row per order line — expected units, scanned units, green when done."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRect, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop.domain.packing import PackChecklist
from ui.appearance import colour
from ui.i18n import bilingual, date, translate

COLUMNS = (
    QT_TRANSLATE_NOOP("PackChecklistTable", "Line"),
    QT_TRANSLATE_NOOP("PackChecklistTable", "Product"),
    QT_TRANSLATE_NOOP("PackChecklistTable", "Lot / expiry"),
    QT_TRANSLATE_NOOP("PackChecklistTable", "Expected"),
    QT_TRANSLATE_NOOP("PackChecklistTable", "Scanned"),
)


class PackChecklistTable(QTableWidget):
    """Object name `packer_checklist`. Row state (done / partly / open) is in each row's first item's
    `Qt.UserRole` for tests; the colour is never the only signal (the Scanned column says `2/2 ✔`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("packer_checklist")
        self.setHorizontalHeaderLabels([translate("PackChecklistTable", c) for c in COLUMNS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # scans go to the scan field, never here
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(52)  # a finger's height
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.setWordWrap(True)

    def show_checklist(self, checklist: PackChecklist | None) -> None:
        if checklist is None:
            self.setRowCount(0)
            return
        lines = list(checklist.lines.values())
        self.setRowCount(len(lines))
        for row, ln in enumerate(lines):
            scanned = checklist.packed(ln.line_no)
            state = "done" if scanned >= ln.qty else ("partly" if scanned else "open")
            lots = "\n".join(f"{p.lot or '—'} · {date(p.expiry)}" if p.expiry else (p.lot or "—")
                             for p in ln.lots) or (self.tr("any lot") if ln.lot_tracked else "—")
            fragile = "  ⚠ " + self.tr("fragile") if ln.fragile else ""
            name = bilingual(ln.name, ln.name_zh)
            cells = (str(ln.line_no), f"{name}{fragile}\n{ln.sku} · {ln.gtin}", lots, str(ln.qty),
                     f"{scanned}/{ln.qty}" + (" ✔" if state == "done" else ""))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (0, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if state != "open":
                    item.setBackground(QBrush(colour("done_back" if state == "done" else "partly_back")))
                    item.setForeground(QBrush(colour("marked_text")))
                if col == 0:
                    item.setData(Qt.ItemDataRole.UserRole, state)
                self.setItem(row, col, item)
        self.resizeRowsToContents()
        # The item sizes are measured in the table's font; a Chinese name is drawn in a taller fallback
        # font and lost its second line (SKU · GTIN) to an ellipsis. Never less than two such lines.
        sample = self.fontMetrics().boundingRect(QRect(0, 0, 10_000, 10_000), Qt.AlignmentFlag.AlignLeft, "Ag 国\nAg 国")
        for row in range(self.rowCount()):
            self.setRowHeight(row, max(self.rowHeight(row), sample.height() + 8))

    def row_state(self, row: int) -> str:
        return self.item(row, 0).data(Qt.ItemDataRole.UserRole)
