"""What the console's panels share: the console they act through, the orders model two of them show,
and the texts of a board order's cells.

A panel is given a `Console` (the supervisor workspace): its actor and task runner, `run(action, op,
done_text)` for an action through a service (the message line says how it went, and the console
reloads), and `refuse(text)` for what is refused before anything is asked of the database, `refuse_error(exc)` for a
failure the services raised.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from desktop.services import supervision as sv
from ui.i18n import date_time, number
from ui.labels import order_status_name, priority_name
from ui.tasks import TaskRunner
from ui.widgets.aftersales_common import month_day_time
from ui.widgets.console_model import OVERDUE, Column, KeyedModel


class Console(Protocol):
    actor: Any
    runner: TaskRunner

    def run(self, action: str, op: Callable, done_text: Callable[[Any], str]) -> None: ...

    def refuse(self, text: str) -> None: ...

    def refuse_error(self, exc: BaseException) -> None: ...


def fill_pickers(combo: QComboBox, pickers: list[tuple[str, str]]) -> None:
    """The pickers (login, name) to choose from, the current one kept; untouched when they are the same."""
    current = combo.currentData()
    if [combo.itemData(i) for i in range(combo.count())] == [login for login, _ in pickers]:
        return
    combo.clear()
    for login, name in pickers:
        combo.addItem(login, login)
        combo.setItemData(combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))


def minutes_left(when: datetime | None, now: datetime) -> int | None:
    return None if when is None else int((when - now).total_seconds() // 60)


class OrdersModel(KeyedModel):
    """The orders on the floor, soonest ship-by first, keyed by order number, a page at a time.

    The board (floor tab) and the orders tab show this one model (the board hides two columns). "Left"
    is counted from `now`, which the console moves on at each reload (`tick`)."""

    ORDER, MERCHANT, STATUS, PRIORITY, SHIP_BY, LEFT, PICKER, SHIPMENT, NOTE = range(9)

    def __init__(self, runner: TaskRunner, actor: Any, parent=None) -> None:  # noqa: ANN001
        from desktop.db.types import utcnow

        super().__init__([], lambda o: o.order_no, runner=runner, actor=actor,
                         page=lambda last, _n, size: lambda uow: sv.floor_orders(uow, last, size),
                         rows=lambda nos: lambda uow: sv.board_orders(uow, nos),
                         belongs=lambda o: o.on_floor, order_key=lambda o: o.board_key, parent=parent)
        self.now = utcnow()
        self.columns = [
            Column(self.tr("Order"), lambda o: o.order_no, tip=lambda o: " · ".join([
                o.order_no, o.merchant, order_status_name(o.status), priority_name(o.priority_class),
                self.tr("ship by {time}").format(time=date_time(o.promised_ship_by))])),
            Column(self.tr("Merchant"), lambda o: o.merchant),
            Column(self.tr("Status"), lambda o: order_status_name(o.status)),
            Column(self.tr("Priority"), lambda o: priority_name(o.priority_class)),
            Column(self.tr("Ship by"), lambda o: month_day_time(o.promised_ship_by),
                   tip=lambda o: date_time(o.promised_ship_by) if o.promised_ship_by else ""),
            Column(self.tr("Left"), lambda o: self.left_text(minutes_left(o.promised_ship_by, self.now)),
                   colour=lambda o: OVERDUE if (m := minutes_left(o.promised_ship_by, self.now)) is not None and m < 0
                   else None),
            Column(self.tr("Picker"), lambda o: o.picker or "",
                   tip=lambda o: self.tr("{picker}, batch {batch}").format(picker=o.picker or "—", batch=o.batch)
                   if o.batch else (o.picker or "")),
            Column(self.tr("Shipment"), self.shipment_text, tip=self.shipment_tip),
            Column(self.tr("Hold note"), lambda o: o.hold_detail or ""),
        ]

    def shipment_text(self, o: Any) -> str:
        """How intake shaped the order: merged with the buyer's others (合单), or split (拆单)."""
        kind, group, others = o.shape
        if kind == "merged":
            return self.tr("Merged ({count} orders)").format(count=number(len(others) + 1))
        if kind == "split":
            return self.tr("Split ({count} shipments)").format(count=number(len(others) + 1))
        if kind == "part":
            return self.tr("Split part")  # the order it belongs to is on hover: numbers are long
        return ""

    def shipment_tip(self, o: Any) -> str:
        kind, group, others = o.shape
        if kind == "merged":
            return self.tr("Ships as one with {orders} ({group})").format(orders=", ".join(others), group=group)
        if kind == "split":
            return self.tr("Also ships from another warehouse as {orders}").format(orders=", ".join(others))
        if kind == "part":
            return self.tr("Split off {order}: shipped when all its shipments are").format(
                order=others[0] if others else "")
        return ""

    def left_text(self, minutes: int | None) -> str:
        """Time to the ship-by: 3h05 left, or −1h20 overdue (a minus sign)."""
        if minutes is None:
            return "–"
        m = abs(minutes)
        text = self.tr("{h}h{m}").format(h=number(m // 60), m=f"{m % 60:02d}")
        return f"−{text}" if minutes < 0 else text

    def tick(self, now: datetime) -> None:
        """The time moved on: the "Left" column is counted again (only rows on screen are drawn)."""
        self.now = now
        self.retext([self.LEFT])

    def in_batch(self, batch_code: str) -> list[str]:
        return [o.order_no for o in self.records() if o.batch == batch_code]
