"""The receiver's Replenishment tab: the open pick-face refills (reserve bin → pick face), and carrying
one out by scanning — the reserve bin, the item (with its lot), the quantity (keyed, or the task's),
then the pick face. Each scan is checked at once against the task (colour, sound, words); the move
itself is the service's (`desktop.services.replenishment_tasks.carry_out`), which checks again.

Mounted with one line: `TasksTab(context, feedback)`; `on_scan(raw)` takes the station's scans.

Signals:
    done(object): a task was carried out (`RefillDone`).
    refused(object): a scan or the move was refused (the exception or a message).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.services import replenishment_tasks as rt
from devices.decode import ItemScan, LocationScan, ScanRejected, decode_scan
from ui.errors import error_text
from ui.feedback import ScanFeedback
from ui.i18n import bilingual
from ui.widgets.aftersales_common import TOUCH_PX, big_button
from ui.widgets.receiver_counts import _table

STEPS = ("from", "item", "qty", "to")


class TasksTab(QWidget):
    done = Signal(object)
    refused = Signal(object)

    def __init__(self, context, feedback: ScanFeedback | None = None, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("receiver_tasks")
        self.context = context
        self.runner = context.runner
        self.feedback = feedback or ScanFeedback(parent=self)
        self.rows: list[rt.TaskRow] = []
        self.task: rt.TaskRow | None = None
        self.step = "from"
        self.scanned_lot: str | None = None
        self.qty_taken = 0

        self.list = _table("task_list", [self.tr("Task"), self.tr("Product"), self.tr("Lot"), self.tr("From"),
                                         self.tr("To"), self.tr("Qty")], self)
        self.list.itemSelectionChanged.connect(self._picked)
        self.title = QLabel(self.tr("Choose a task or scan its label"), self)
        self.title.setObjectName("task_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.title.setFont(font)
        self.prompt = QLabel(self)
        self.prompt.setObjectName("task_step")
        self.prompt.setWordWrap(True)
        self.qty = QLineEdit(self)
        self.qty.setObjectName("task_qty")
        self.qty.setPlaceholderText(self.tr("Units moved (Enter: all)"))
        self.qty.setMinimumHeight(TOUCH_PX)
        self.qty.returnPressed.connect(self._keyed)
        self.plan = big_button(self.tr("Look for low pick faces"), "task_plan", self)
        self.plan.clicked.connect(self.plan_refills)

        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.prompt)
        right.addWidget(self.qty)
        right.addStretch(1)
        if feedback is None:
            right.addWidget(self.feedback)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.plan)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self._show_step()

    # --- the list -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.runner.run(lambda uow: rt.list_tasks(uow), self._listed, self._failed, actor=self.context.actor,
                        owner=self)

    def plan_refills(self) -> None:
        self.runner.run(lambda uow: rt.plan_warehouse(uow), self._planned, self._failed, actor=self.context.actor,
                        owner=self)

    def _planned(self, made: list[rt.TaskRow]) -> None:
        self.feedback.info(self.tr("{n} new tasks").format(n=len(made)))
        self.refresh()

    def _listed(self, rows: list[rt.TaskRow]) -> None:
        self.rows = rows
        self.list.blockSignals(True)
        self.list.setRowCount(len(rows))
        for r, row in enumerate(rows):
            lot = f"{row.lot} ({row.expiry.isoformat()})" if row.lot and row.expiry else (row.lot or "—")
            for c, text in enumerate((row.code, f"{row.sku} {bilingual(row.name, row.name_zh)}", lot,
                                      row.from_location, row.to_location, str(row.qty))):
                self.list.setItem(r, c, QTableWidgetItem(text))
        self.list.blockSignals(False)
        if self.task is not None and all(r.id != self.task.id for r in rows):
            self._choose(None)

    def _picked(self) -> None:
        selected = self.list.selectionModel().selectedRows()
        if selected:
            self._choose(self.rows[selected[0].row()])

    def _choose(self, row: rt.TaskRow | None) -> None:
        self.task, self.step, self.scanned_lot, self.qty_taken = row, "from", None, 0
        if row is None:
            self.title.setText(self.tr("Choose a task or scan its label"))
        else:
            self.title.setText(self.tr("{code}: {qty} × {sku} from {src} to {dst}").format(
                code=row.code, qty=row.qty, sku=row.sku, src=row.from_location, dst=row.to_location))
        self._show_step()

    def _show_step(self) -> None:
        task = self.task
        if task is None:
            self.prompt.setText("")
        else:
            self.prompt.setText({
                "from": self.tr("Scan the reserve bin {code}").format(code=task.from_location),
                "item": self.tr("Scan the item {sku}").format(sku=task.sku) + (
                    self.tr(" (lot {lot})").format(lot=task.lot) if task.lot else ""),
                "qty": self.tr("Key the units you take (up to {n}), Enter for all").format(n=task.qty),
                "to": self.tr("Scan the pick face {code}").format(code=task.to_location),
            }[self.step])
        self.qty.setEnabled(task is not None and self.step == "qty")

    # --- scans --------------------------------------------------------------------------------

    def on_scan(self, raw: str) -> bool:
        text = raw.strip()
        if text.upper().startswith(rt.TASK_PREFIX):
            try:
                wanted = rt.parse_task_code(text)
            except rt.RefillRefused as exc:
                return self._refuse(error_text(exc), exc)
            row = next((r for r in self.rows if r.id == wanted), None)
            if row is None:
                return self._refuse(self.tr("{code} is not an open task").format(code=text))
            self.list.selectRow(self.rows.index(row))
            self._choose(row)
            return True
        task = self.task
        if task is None:
            return self._refuse(self.tr("Choose a task first"))
        try:
            scan = decode_scan(text)
        except ScanRejected as exc:
            return self._refuse(error_text(exc), exc)
        if self.step == "from":
            if not isinstance(scan, LocationScan) or scan.code != task.from_location:
                return self._refuse(self.tr("Wrong bin: take the units from {code}").format(code=task.from_location))
            self.step = "item"
            self.feedback.good(self.tr("Bin OK — scan the item"))
        elif self.step == "item":
            if not isinstance(scan, ItemScan) or scan.gtin != task.gtin:
                return self._refuse(self.tr("Wrong item: this task moves {sku}").format(sku=task.sku))
            if task.lot and scan.lot != task.lot:
                return self._refuse(self.tr("Wrong lot {got}: this task moves lot {lot}").format(
                    got=scan.lot or "—", lot=task.lot))
            self.scanned_lot = scan.lot
            self.step = "qty"
            self.feedback.good(self.tr("Item OK — key the units, or Enter for {n}").format(n=task.qty))
            self.qty.setEnabled(True)
            self.qty.setFocus()
        elif self.step == "to":
            if not isinstance(scan, LocationScan) or scan.code != task.to_location:
                return self._refuse(self.tr("Wrong pick face: put the units into {code}").format(
                    code=task.to_location))
            self._carry_out(task, scan.code)
        else:
            return self._refuse(self.tr("Key the units first"))
        self._show_step()
        return True

    def _keyed(self) -> None:
        task = self.task
        if task is None or self.step != "qty":
            return
        text = self.qty.text().strip()
        self.qty.clear()
        qty = task.qty if not text else int(text) if text.isdigit() else -1
        if not 1 <= qty <= task.qty:
            self._refuse(self.tr("Between 1 and {n} units").format(n=task.qty))
            return
        self.qty_taken = qty
        self.step = "to"
        self.feedback.good(self.tr("{n} units — scan the pick face {code}").format(n=qty, code=task.to_location))
        self._show_step()

    def _carry_out(self, task: rt.TaskRow, to_bin: str) -> None:
        qty, lot, gtin = self.qty_taken, self.scanned_lot, task.gtin
        self.runner.run(lambda uow: rt.carry_out(uow, task.id, from_bin=task.from_location, gtin=gtin, lot=lot,
                                                 qty=qty, to_bin=to_bin, expected_version=task.version),
                        self._moved, self._failed, actor=self.context.actor, owner=self)

    def _moved(self, done: rt.RefillDone) -> None:
        text = self.tr("{qty} × {sku} now at {code}").format(qty=done.qty, sku=done.sku, code=done.to_location)
        if done.released_orders:
            text += " — " + self.tr("orders released: {orders}").format(orders=", ".join(done.released_orders))
        self.feedback.good(text)
        self.done.emit(done)
        self._choose(None)
        self.refresh()

    def _refuse(self, text: str, exc: object = None) -> bool:
        self.feedback.refused(text)
        self.refused.emit(exc if exc is not None else text)
        return True

    def _failed(self, exc: BaseException) -> None:
        self._refuse(error_text(exc), exc)
        if self.task is not None:
            self.step = "from"
            self._show_step()
