"""The put wall's screen (播种墙): scan a picked put-wall cart, then a unit — its slot lights — then the slot.

A packer's screen (the packer role sorts at the wall; a station at the wall signs in as a packer).
Every database call goes through the task runner; the lit slot is drawn at once and, when the
station has a pick-to-light controller (`devices.put_light`), also sent there off the GUI thread —
a controller that fails is said on screen and sorting goes on by the screen.

Object names: `put_wall`, `put_wall_prompt`, `put_wall_scan`, `put_wall_batch`, `put_wall_message`,
`put_wall_grid`, `put_wall_slot_<n>` (one per slot).

Signals:
    wall_opened(str): the cart's wall is on screen (the batch code).
    slot_lit(int): a scanned unit's slot is lit.
    put_confirmed(int): a unit went into its slot.
    slot_filled(int, str): a slot is full — its order (the number) is ready to pack.
    put_refused(str): a scan the wall does not take (the message shown).
"""

from __future__ import annotations

import re
import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.actor import Actor
from desktop.services import put_wall
from devices.put_light import PutLight, ScreenOnly
from ui.errors import error_text
from ui.i18n import is_chinese
from ui.tasks import TaskRunner

COLUMNS = 6
BATCH_CODE = re.compile(r"^B\d{6}-\d+$")  # a cart's code, as picking.next_batch names it


class PutWallPanel(QWidget):
    wall_opened = Signal(str)
    slot_lit = Signal(int)
    put_confirmed = Signal(int)
    slot_filled = Signal(int, str)
    put_refused = Signal(str)

    def __init__(self, runner: TaskRunner, actor: Actor, light: PutLight | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("put_wall")
        self.runner, self.actor = runner, actor
        self.light = light or ScreenOnly()
        self.batch: str | None = None
        self.unit: str | None = None  # the unit scanned, waiting for its slot
        self.lit: int | None = None
        self.slots: dict[int, QLabel] = {}
        self.prompt = QLabel(self.tr("Scan a picked put-wall cart"), self)
        self.prompt.setObjectName("put_wall_prompt")
        self.scan = QLineEdit(self)
        self.scan.setObjectName("put_wall_scan")
        self.scan.setPlaceholderText("B…  /  GS1  /  WALL-07")
        self.scan.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.scan.returnPressed.connect(lambda: self.on_scan(self.scan.text()))
        self.batch_label = QLabel(self)
        self.batch_label.setObjectName("put_wall_batch")
        self.message = QLabel(self)
        self.message.setObjectName("put_wall_message")
        self.message.setWordWrap(True)
        self.grid_box = QWidget(self)
        self.grid_box.setObjectName("put_wall_grid")
        self.grid = QGridLayout(self.grid_box)
        self.grid.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(self.prompt)
        top.addWidget(self.scan, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.batch_label)
        layout.addWidget(self.message)
        layout.addWidget(self.grid_box, 1)
        self.setFocusProxy(self.scan)

    # --- scans ----------------------------------------------------------------------------------

    def on_scan(self, raw: str) -> None:
        raw = raw.strip()
        self.scan.clear()
        if not raw:
            return
        if self.batch is None or BATCH_CODE.match(raw.upper()):
            self.open(raw.upper())
        elif put_wall.parse_slot(raw) is not None:
            self._confirm(raw)
        else:
            self._unit(raw)

    def open(self, batch_code: str) -> None:
        self.runner.run(lambda uow: put_wall.open_wall(uow, batch_code), self._show_wall, self._refused,
                        actor=self.actor, owner=self)

    def _unit(self, raw: str) -> None:
        batch = self.batch
        assert batch is not None
        self.runner.run(lambda uow: put_wall.light_for_unit(uow, batch, raw),
                        lambda lit: self._light(lit, raw), self._refused, actor=self.actor, owner=self)

    def _confirm(self, raw_slot: str) -> None:
        if self.unit is None:
            self._refused_text(self.tr("Scan a unit first, then its slot."))
            return
        batch, unit, action = self.batch, self.unit, f"put-{uuid.uuid4().hex}"
        assert batch is not None
        self.runner.run(lambda uow: put_wall.confirm_put(uow, batch, unit, raw_slot, action), self._put,
                        self._refused, actor=self.actor, owner=self)

    # --- drawing --------------------------------------------------------------------------------

    def _show_wall(self, wall: put_wall.WallView) -> None:
        self.batch, self.unit, self.lit = wall.batch_code, None, None
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.slots.clear()
        for k, slot in enumerate(wall.slots):
            cell = QLabel(self.grid_box)
            cell.setObjectName(f"put_wall_slot_{slot.slot_no}")
            cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cell.setMinimumSize(150, 80)
            cell.setFrameShape(QLabel.Shape.Box)
            self.slots[slot.slot_no] = cell
            self.grid.addWidget(cell, k // COLUMNS, k % COLUMNS)
            self._draw(slot.slot_no, slot.order_no, slot.units_put, slot.units_needed, slot.full)
        self.batch_label.setText(self.tr("Cart %1: %2 slots, %3 units to sort")
                                 .replace("%1", wall.batch_code).replace("%2", str(len(wall.slots)))
                                 .replace("%3", str(wall.units_left)))
        self.prompt.setText(self.tr("Scan a unit"))
        self.message.setText("")
        self.wall_opened.emit(wall.batch_code)

    def _draw(self, slot_no: int, order_no: str, put: int, needed: int, full: bool, lit: bool = False) -> None:
        cell = self.slots[slot_no]
        state = self.tr("ready to pack") if full else f"{put} / {needed}"
        cell.setText(f"{put_wall.slot_label(slot_no)}\n{order_no}\n{state}")
        colour = "#2e7d32" if full else ("#f9a825" if lit else "palette(base)")
        text = "white" if full else "black" if lit else "palette(text)"
        cell.setStyleSheet(f"QLabel {{ background: {colour}; color: {text}; font-weight: {'bold' if lit else 'normal'}; }}")
        cell.setProperty("lit", lit)
        cell.setProperty("full", full)

    def _light(self, lit: put_wall.LitSlot, raw: str) -> None:
        if self.lit is not None and self.lit in self.slots:
            self.slots[self.lit].setProperty("lit", False)
            self._redraw_unlit(self.lit)
        self.unit, self.lit = raw, lit.slot_no
        cell = self.slots[lit.slot_no]
        put_text = cell.text().split("\n")[2]
        put, _, needed = put_text.partition(" / ")
        self._draw(lit.slot_no, lit.order_no, int(put or 0), int(needed or 0), False, lit=True)
        name = lit.product_name_zh if is_chinese() and lit.product_name_zh else lit.product_name
        self.prompt.setText(self.tr("Put it into %1, then scan the slot").replace("%1", put_wall.slot_label(lit.slot_no)))
        self.message.setText(f"{name} → {put_wall.slot_label(lit.slot_no)}")
        self.slot_lit.emit(lit.slot_no)
        slot_no = lit.slot_no
        self.runner.call(lambda: self.light.light(slot_no), None, self._light_failed, owner=self)

    def _redraw_unlit(self, slot_no: int) -> None:
        lines = self.slots[slot_no].text().split("\n")
        put, _, needed = lines[2].partition(" / ")
        if needed:
            self._draw(slot_no, lines[1], int(put), int(needed), False)

    def _put(self, out: put_wall.PutOutcome) -> None:
        self.unit = None
        self.lit = None
        self._draw(out.slot_no, out.order_no, out.units_put, out.units_needed, out.full)
        self.prompt.setText(self.tr("Scan a unit"))
        slot_no = out.slot_no
        self.runner.call(lambda: self.light.clear(slot_no), None, self._light_failed, owner=self)
        self.put_confirmed.emit(out.slot_no)
        if out.full:
            self.message.setText(self.tr("Slot %1 is full: order %2 is ready to pack")
                                 .replace("%1", put_wall.slot_label(out.slot_no)).replace("%2", out.order_no))
            self.slot_filled.emit(out.slot_no, out.order_no)
        else:
            self.message.setText("")

    def _refused(self, exc: BaseException) -> None:
        self._refused_text(error_text(exc))

    def _refused_text(self, text: str) -> None:
        self.message.setText(text)
        self.put_refused.emit(text)

    def _light_failed(self, exc: BaseException) -> None:
        self.message.setText(self.tr("The wall's lights did not answer; follow the screen. (%1)")
                             .replace("%1", str(exc)))
