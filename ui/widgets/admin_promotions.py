"""The admin's promotions tab: each promotion, when it is in force, and the orders it touched.

Object names: `admin_promotion_search`, `admin_promotion_find` (F5), `admin_promotions` (table),
`admin_promotion_from_on` + `admin_promotion_from`, `admin_promotion_to_on` + `admin_promotion_to`
(no date: open-ended), `admin_promotion_active`, `admin_promotion_save` (F6), `admin_promotion_orders`
(the orders it touched), `admin_promotions_message`.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget,
)

from desktop.db.types import utcnow
from desktop.services import admin
from ui.i18n import date_time, money, translate
from ui.i18n import date as date_text
from ui.widgets.admin_common import AdminPanel, IdTableModel, admin_button, admin_table, select_id, selected_row
from ui.labels import order_status_name
from ui.widgets.aftersales_common import date_edit_format
from ui.workspaces.base import WorkspaceContext

PROMOTION_KINDS = {
    "coupon": QT_TRANSLATE_NOOP("PromotionKindName", "Coupon"),
    "tier": QT_TRANSLATE_NOOP("PromotionKindName", "Member tier"),
    "threshold": QT_TRANSLATE_NOOP("PromotionKindName", "Spend threshold"),
    "percent": QT_TRANSLATE_NOOP("PromotionKindName", "Percent off"),
}


def _day(when: datetime | None) -> str:
    """A validity bound as the day it falls on at this station (the admin sets whole days)."""
    return date_text(when.astimezone().date()) if when is not None else "—"


def promotion_kind_name(kind: str) -> str:
    return translate("PromotionKindName", PROMOTION_KINDS[kind]) if kind in PROMOTION_KINDS else kind


class PromotionsPanel(AdminPanel):
    """Signals (besides the panel's): orders_loaded(): the selected promotion's orders are on screen."""

    orders_loaded = Signal()
    name = "promotions"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("admin_promotion_search")
        self.search.setPlaceholderText(self.tr("Search: promotion code…"))
        self.search.setMinimumHeight(48)
        self.search.returnPressed.connect(self.refresh)
        find = admin_button(self.tr("Find"), "admin_promotion_find", self, self.refresh, "F5")
        self.model = IdTableModel([
            (self.tr("Code"), lambda r: r.code),
            (self.tr("Merchant"), lambda r: r.merchant or self.tr("every merchant")),
            (self.tr("Kind"), lambda r: promotion_kind_name(r.kind)),
            (self.tr("Terms"), self.terms),
            (self.tr("From"), lambda r: _day(r.valid_from)),
            (self.tr("To"), lambda r: _day(r.valid_to)),
            (self.tr("Now"), lambda r: self.tr("In force") if r.in_force(utcnow()) else self.tr("Not in force")),
        ], parent=self)
        self.table = admin_table("admin_promotions", self.model, self)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.from_on = QCheckBox(self.tr("From"), self)
        self.from_on.setObjectName("admin_promotion_from_on")
        self.valid_from = self._date("admin_promotion_from")
        self.to_on = QCheckBox(self.tr("Until"), self)
        self.to_on.setObjectName("admin_promotion_to_on")
        self.valid_to = self._date("admin_promotion_to")
        self.from_on.toggled.connect(self.valid_from.setEnabled)
        self.to_on.toggled.connect(self.valid_to.setEnabled)
        self.active = QCheckBox(self.tr("Active"), self)
        self.active.setObjectName("admin_promotion_active")
        self.save = admin_button(self.tr("Save validity"), "admin_promotion_save", self, self.save_promotion, "F6")
        self.orders_model = IdTableModel([
            (self.tr("Order"), lambda r: r.order_no),
            (self.tr("Status"), lambda r: order_status_name(r.status)),
            (self.tr("Placed"), lambda r: date_time(r.created_at)),
            (self.tr("Intake"), lambda r: self.tr("Applied") if r.applied else self.tr("Named only")),
        ], parent=self)
        self.orders = admin_table("admin_promotion_orders", self.orders_model, self)
        self.orders_title = QLabel(self.tr("Orders it touched"), self)
        self.orders_title.setObjectName("section_title")

        form = QFormLayout()
        form.addRow(self.from_on, self.valid_from)
        form.addRow(self.to_on, self.valid_to)
        form.addRow("", self.active)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.save)
        side.addWidget(self.message)
        side.addWidget(self.orders_title)
        side.addWidget(self.orders, 1)
        side_box = QWidget(self)
        side_box.setLayout(side)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(find)
        left = QVBoxLayout()
        left.addLayout(bar)
        left.addWidget(self.table, 1)
        left_box = QWidget(self)
        left_box.setLayout(left)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("admin_promotions_split")
        split.addWidget(left_box)
        split.addWidget(side_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([860, 360])  # the promotions' columns first; the person can drag it
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        self._selected()

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit(QDate.currentDate(), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_edit_format())
        edit.setMinimumHeight(40)
        return edit

    def terms(self, row: admin.PromotionRow) -> str:
        p = row.params
        if row.kind == "coupon":
            return self.tr("{off} off from {spend}").format(off=money(p.get("amount_off", 0)),
                                                           spend=money(p.get("min_spend", 0)))
        if row.kind == "threshold":
            return self.tr("{off} off from {spend}").format(off=money(p.get("amount_off", 0)),
                                                           spend=money(p.get("threshold", 0)))
        if row.kind == "tier":
            return self.tr("{percent} % for {tier}").format(percent=p.get("percent", ""), tier=p.get("tier", ""))
        if row.kind == "percent":
            return self.tr("{percent} % off").format(percent=p.get("percent", ""))
        return ""

    def load_op(self):  # noqa: ANN201
        text = self.search.text()
        return lambda uow: admin.list_promotions(uow, text=text)

    def show_data(self, data: object) -> None:
        chosen = selected_row(self.table)
        self.model.set_rows(data)  # type: ignore[arg-type]
        if not select_id(self.table, chosen.id if chosen else -1) and self.model.rowCount():
            self.table.selectRow(0)
        self._selected(force=True)

    def select_promotion(self, code: str) -> bool:
        for n in range(self.model.rowCount()):
            if self.model.row(n).code == code:
                return select_id(self.table, self.model.ids[n])
        return False

    def promotion(self) -> admin.PromotionRow | None:
        return selected_row(self.table)

    def _selected(self, *_args: object, force: bool = False) -> None:
        p = self.promotion()
        for widget in (self.from_on, self.to_on, self.active, self.save):
            widget.setEnabled(p is not None)
        if p is None:
            self.valid_from.setEnabled(False)
            self.valid_to.setEnabled(False)
            self.orders_model.set_rows([])
            return
        if not force and getattr(self, "_shown", None) == p.id:
            return
        self._shown = p.id
        for check, edit, when in ((self.from_on, self.valid_from, p.valid_from), (self.to_on, self.valid_to, p.valid_to)):
            check.setChecked(when is not None)
            edit.setEnabled(when is not None)
            if when is not None:
                local = when.astimezone()
                edit.setDate(QDate(local.year, local.month, local.day))
        self.active.setChecked(p.active)
        promotion_id = p.id
        self.runner.run(lambda uow: admin.orders_touched(uow, promotion_id),
                        lambda rows: self._show_orders(promotion_id, rows), self._action_refused,
                        actor=self.actor, owner=self)

    def _show_orders(self, promotion_id: int, rows: list[admin.TouchedOrder]) -> None:
        if getattr(self, "_shown", None) != promotion_id:
            return  # another promotion was chosen meanwhile
        self.orders_model.set_rows([_Touched(n, r) for n, r in enumerate(rows)])
        self.orders_title.setText(self.tr("Orders it touched: %n", "", len(rows)))
        self.orders_loaded.emit()

    def _moment(self, edit: QDateEdit, end: bool) -> datetime:
        """The day chosen, from its first moment (or to its last), in the station's time zone."""
        d = edit.date().toPython()
        local = datetime.combine(d, time.max if end else time.min).astimezone()
        return local.astimezone(UTC).replace(microsecond=0 if not end else 999999)

    def save_promotion(self) -> None:
        p = self.promotion()
        if p is None:
            self.refuse(self.tr("Choose a promotion first."))
            return
        valid_from = self._moment(self.valid_from, False) if self.from_on.isChecked() else None
        valid_to = self._moment(self.valid_to, True) if self.to_on.isChecked() else None
        active = self.active.isChecked()
        self.run_action("promotion_saved", lambda uow: admin.edit_promotion(uow, p.id, valid_from=valid_from,
                                                                            valid_to=valid_to, active=active),
                        self.tr("Validity saved."))


class _Touched:
    """A touched order as a table row (the model keys rows by `id`)."""

    def __init__(self, n: int, row: admin.TouchedOrder) -> None:
        self.id = n
        self.order_no, self.status, self.created_at, self.applied = row.order_no, row.status, row.created_at, row.applied
