"""The console's audit tab: the audit log searched by words, user and days, newest first, a page at a time.

Object names: `supervisor_audit_text`, `supervisor_audit_user`, `supervisor_audit_from`,
`supervisor_audit_to`, `supervisor_audit_find`, `supervisor_audit` (entries keyed by their id). A search
reads the first page (`search`); scrolling to the end reads the next (`fetchMore`: the entries older
than the last one shown). Recorded values are shown as a person reads them (`audit_value`).

Signals:
    loaded(): the first page of a search is on screen.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import datetime, time, timezone
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.lifecycle import OrderStatus
from desktop.domain.roles import Role
from desktop.services import supervision as sv
from ui.i18n import date as date_text
from ui.i18n import date_time, money, number, weight
from ui.labels import (
    audit_action_name, audit_entity_name, audit_field_name, audit_value_name, category_name, decision_name,
    exception_decision_name, kind_name, order_status_name, priority_name, replenishment_reason_name,
    replenishment_status_name, resolution_name, return_reason_name, rma_status_name, role_name, AUDIT_VALUES,
)
from ui.widgets.aftersales_common import TOUCH_PX, big_button, date_edit_format
from ui.widgets.console_common import Console
from ui.widgets.console_model import Column, KeyedModel, KeyedView

HIDDEN_FIELDS = frozenset({"action_id"})  # a station's key against doing an action twice: nothing to read
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ORDER_STATUSES = frozenset(s.value for s in OrderStatus)


class AuditPanel(QWidget):
    loaded = Signal()

    def __init__(self, console: Console, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("console_audit")
        self.console = console
        self.searched = False
        self.text = self._field("supervisor_audit_text", self.tr("Search: order, batch, action, reason…"))
        self.user = self._field("supervisor_audit_user", self.tr("User"))
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30), self)
        self.since.setObjectName("supervisor_audit_from")
        self.until = QDateEdit(today, self)
        self.until.setObjectName("supervisor_audit_to")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_edit_format())
            edit.setMinimumHeight(TOUCH_PX)
        find = big_button(self.tr("Find"), "supervisor_audit_find", self, "F5")
        find.clicked.connect(self.search)
        bar = QHBoxLayout()
        bar.addWidget(self.text, 3)
        bar.addWidget(self.user, 1)
        bar.addWidget(QLabel(self.tr("From"), self))
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("to"), self))
        bar.addWidget(self.until)
        bar.addWidget(find)
        self._filters: dict[str, Any] = {}
        self.model = KeyedModel([
            Column(self.tr("When"), lambda a: date_time(a.at)),
            Column(self.tr("User"), lambda a: self.tr("system") if a.user == "system" else a.user or ""),
            Column(self.tr("Station"), lambda a: self.tr("system") if a.station == "system" else a.station or ""),
            Column(self.tr("Action"), lambda a: audit_action_name(a.action)),
            Column(self.tr("Entity"), lambda a: f"{audit_entity_name(a.entity)} {a.entity_id or ''}".strip()),
            Column(self.tr("Detail"), self.audit_detail),
        ], key=lambda a: a.id, runner=console.runner, actor=console.actor,
            page=lambda last, _n, size: lambda uow: sv.search_audit(uow, limit=size, before=last, **self._filters),
            parent=self)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.failed.connect(lambda exc: self.console.refuse_error(exc))
        self.table = KeyedView("supervisor_audit", self.model, self, stretch=5)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._first = False

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        field.setMinimumHeight(TOUCH_PX)
        field.returnPressed.connect(self.search)
        return field

    def search(self) -> None:
        """Read the first page of entries for the words, user and days given."""
        day_from, day_to = self.since.date().toPython(), self.until.date().toPython()
        self._filters = {
            "text": self.text.text().strip() or None, "user": self.user.text().strip() or None,
            "since": datetime.combine(day_from, time.min).astimezone(timezone.utc),
            "until": datetime.combine(day_to.fromordinal(day_to.toordinal() + 1), time.min).astimezone(timezone.utc),
        }
        self.searched = True
        self._first = True
        self.model.reload(fresh=True)

    def _page_loaded(self) -> None:
        if self._first:
            self._first = False
            self.loaded.emit()

    def audit_value(self, action: str, key: str, value: Any) -> str:
        """One recorded value of an audit entry as a person reads it: codes by name, days and amounts by locale."""
        if isinstance(value, bool):
            return "✔" if value else "✘"
        if key in ("amount", "insured_value"):
            try:
                return money(float(value))
            except (TypeError, ValueError):
                return str(value)
        if key in ("expected_g", "measured_g"):
            try:
                return weight(float(value))
            except (TypeError, ValueError):
                return str(value)
        if isinstance(value, int):
            return number(value)
        if isinstance(value, dict):
            return ", ".join(f"{audit_value_name(str(k))} {self.audit_value(action, '', v)}"
                             for k, v in value.items())
        if isinstance(value, (list, tuple)):
            return ", ".join(self.audit_value(action, key, v) for v in value)
        text = str(value)
        if key in ("from", "to", "result"):
            if action == "order_priority":
                return priority_name(text)
            if action == "replenishment_status":
                return replenishment_status_name(text)
            if text in ORDER_STATUSES:
                return order_status_name(text)
            return audit_value_name(text)
        if key == "decision":
            return decision_name(text) if action == "return_decided" else exception_decision_name(text)
        if key == "kind" and action.startswith("exception_"):
            return kind_name(text)
        if key == "reason" and action == "return_requested":
            return return_reason_name(text)
        if key == "reason" and action in ("count_opened", "count_recount", "stock_adjusted"):
            return audit_value_name(text)
        if key == "reason" and action == "replenishment_requested":
            return replenishment_reason_name(text)
        if key == "status" and action == "return_requested":
            return rma_status_name(text)
        if key == "resolution":
            return resolution_name(text)
        if key == "category":
            return category_name(text)
        if key == "role":
            try:
                return role_name(Role(text))
            except ValueError:
                return text
        if key in ("how", "purpose", "service", "reason", "") and text in AUDIT_VALUES:
            return audit_value_name(text)
        if key in ("chosen", "rules_choice"):  # "SF standard": a carrier and its service
            carrier, _, service = text.partition(" ")
            return f"{carrier} {audit_value_name(service)}".strip()
        if ISO_DAY.match(text):
            return date_text(Date.fromisoformat(text))
        return text

    def audit_detail(self, row: sv.AuditRow) -> str:
        parts = []
        for key, value in row.detail.items():
            if value in (None, "", [], {}) or key in HIDDEN_FIELDS:
                continue
            parts.append(self.tr("{field}: {value}").format(
                field=audit_field_name(key), value=self.audit_value(row.action, key, value)))
        return self.tr("; ", "between the fields of an audit entry").join(parts)

