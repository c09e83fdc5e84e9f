"""The supervisor's console: the floor live, orders and their actions, exceptions, stock, the audit log.

Tabs (object name `supervisor_tabs`):
* Floor — `supervisor_status_table` (status × priority class), `supervisor_board` (orders on the
  floor, overdue first, time to ship-by), `supervisor_pickers` (pickers, their station and batch),
  `supervisor_batch_picker` + `supervisor_reassign_batch` (give the selected picker's batch to another).
* Orders — `supervisor_orders` with `supervisor_reason` and the actions `supervisor_release`,
  `supervisor_hold`, `supervisor_cancel`, `supervisor_priority` (+ `supervisor_priority_class`),
  `supervisor_reassign` (+ `supervisor_order_picker`), `supervisor_customer` (the full recipient,
  for address holds only; opening it is audited); `supervisor_held_table` lists the held orders.
* Exceptions — `supervisor_exceptions` and the decision panel: `supervisor_exception_detail`,
  `supervisor_decision`, `supervisor_decision_reason`, `supervisor_substitute_sku`,
  `supervisor_consent`, `supervisor_decide`.
* Stock — `supervisor_low_stock`, `supervisor_replenishment`, `supervisor_export_csv`.
* Audit — `supervisor_audit_text`, `supervisor_audit_user`, `supervisor_audit_from`,
  `supervisor_audit_to`, `supervisor_audit_find`, `supervisor_audit`.
Always: `supervisor_run_intake`, `supervisor_message`, `supervisor_updated`.

The console refreshes by itself: a ChangeFeedWatcher reloads it when orders, batches, exceptions,
stock or stations change (and the workspace timer as a fallback). Every action goes through a
service on the task runner; a reason is asked for where the service records one.

Signals:
    action_done(str): an action succeeded (its name).
    action_failed(str): an action was refused (the message shown).
    audit_loaded(): the audit search results are on screen.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import datetime, time, timezone
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.events import (
    BatchChange, ExceptionOpened, ExceptionResolved, LowStock, OrderChange, OrderHeld, ParcelLabelled, ParcelManifested,
    ParcelPacked, PrintQueued, ReplenishmentRequested, ReplenishmentStatusChanged, ReprintRequested, StationSignedIn,
    StationSignedOut, StockPutBack,
)
from desktop.domain.lifecycle import OrderStatus, PriorityClass
from desktop.domain.roles import Role
from desktop.services import intake, replenishment
from desktop.services.feed import FeedEntry
from desktop.services import supervision as sv
from desktop.services.orders import OrderRow, count_by_status, list_orders
from ui.i18n import (
    bilingual, date_time, is_chinese, money, number, time_of_day, weight, with_shortcut,
)
from ui.i18n import date as date_text
from ui.errors import error_text
from ui.labels import role_name
from ui.live import ChangeFeedWatcher
from ui.widgets.aftersales_common import date_edit_format, month_day_time, order_status_name, return_reason_name, term
from ui.widgets.figures_panel import FiguresPanel, category_name
from ui.widgets.handover_panel import HandoverPanel
from ui.widgets.returns_panel import ReturnsPanel, decision_name, resolution_name, rma_status_name
from ui.workspaces.base import Workspace, WorkspaceContext

HELD_LIMIT = 200
FALLBACK_REFRESH_MS = 30_000
# What the console shows changes with these (not with tracking, returns, feedback or notifications: their tabs
# load themselves).
LIVE_EVENTS = (OrderChange, BatchChange, OrderHeld, ExceptionOpened, ExceptionResolved, ReplenishmentRequested,
               LowStock, ReplenishmentStatusChanged, StockPutBack, StationSignedIn, StationSignedOut, ParcelPacked,
               ParcelLabelled, ParcelManifested, PrintQueued, ReprintRequested)

# The codes the console shows, by name in the station's language (module tables: QT_TRANSLATE_NOOP).
HOLD_REASONS = {
    "address": QT_TRANSLATE_NOOP("HoldReasonName", "Address"),
    "price": QT_TRANSLATE_NOOP("HoldReasonName", "Price"),
    "payment": QT_TRANSLATE_NOOP("HoldReasonName", "Payment"),
    "shortage": QT_TRANSLATE_NOOP("HoldReasonName", "Shortage"),
    "weight": QT_TRANSLATE_NOOP("HoldReasonName", "Weight"),
    "customer": QT_TRANSLATE_NOOP("HoldReasonName", "Customer"),
    "other": QT_TRANSLATE_NOOP("HoldReasonName", "Other"),
}
PRIORITIES = {
    PriorityClass.URGENT: QT_TRANSLATE_NOOP("PriorityName", "Urgent"),
    PriorityClass.EXPEDITED: QT_TRANSLATE_NOOP("PriorityName", "Expedited"),
    PriorityClass.NORMAL: QT_TRANSLATE_NOOP("PriorityName", "Normal"),
}
KINDS = {
    "address_hold": QT_TRANSLATE_NOOP("ExceptionKindName", "Address hold"),
    "price_hold": QT_TRANSLATE_NOOP("ExceptionKindName", "Price hold"),
    "payment_hold": QT_TRANSLATE_NOOP("ExceptionKindName", "Payment hold"),
    "short_pick": QT_TRANSLATE_NOOP("ExceptionKindName", "Short pick"),
    "backorder": QT_TRANSLATE_NOOP("ExceptionKindName", "Backorder"),
    "weight_override": QT_TRANSLATE_NOOP("ExceptionKindName", "Weight override"),
    "print_failed": QT_TRANSLATE_NOOP("ExceptionKindName", "Print failed"),
    "not_manifested": QT_TRANSLATE_NOOP("ExceptionKindName", "Not handed over"),
    "refused": QT_TRANSLATE_NOOP("ExceptionKindName", "Refused on delivery"),
    "delayed": QT_TRANSLATE_NOOP("ExceptionKindName", "Delayed"),
    "lost": QT_TRANSLATE_NOOP("ExceptionKindName", "Lost"),
    "conflict": QT_TRANSLATE_NOOP("ExceptionKindName", "Conflict"),
}
DECISIONS = {  # sv.DECISIONS, and what older records hold
    "transfer": QT_TRANSLATE_NOOP("DecisionName", "Transfer from another warehouse"),
    "wait": QT_TRANSLATE_NOOP("DecisionName", "Wait for stock"),
    "substitute": QT_TRANSLATE_NOOP("DecisionName", "Substitute (customer consents)"),
    "partial_refund": QT_TRANSLATE_NOOP("DecisionName", "Partial refund"),
    "full_refund": QT_TRANSLATE_NOOP("DecisionName", "Full refund (cancel)"),
    "release": QT_TRANSLATE_NOOP("DecisionName", "Release after the fix"),
    "cancel": QT_TRANSLATE_NOOP("DecisionName", "Cancel the order"),
    "acknowledge": QT_TRANSLATE_NOOP("DecisionName", "Acknowledge"),
    "reprint": QT_TRANSLATE_NOOP("DecisionName", "Reprint"),
    "accepted": QT_TRANSLATE_NOOP("DecisionName", "Accepted"),
    "refund": QT_TRANSLATE_NOOP("DecisionName", "Refund"),
    "reship": QT_TRANSLATE_NOOP("DecisionName", "Reship"),
}
REPLENISHMENT_STATUS = {
    "open": QT_TRANSLATE_NOOP("ReplenishmentStatusName", "Open"),
    "sent": QT_TRANSLATE_NOOP("ReplenishmentStatusName", "Sent"),
    "received": QT_TRANSLATE_NOOP("ReplenishmentStatusName", "Received"),
    "cancelled": QT_TRANSLATE_NOOP("ReplenishmentStatusName", "Cancelled"),
}
REPLENISHMENT_REASON = {
    "low_stock": QT_TRANSLATE_NOOP("ReplenishmentReasonName", "Low stock"),
    "backorder": QT_TRANSLATE_NOOP("ReplenishmentReasonName", "Backorder"),
    "short_pick": QT_TRANSLATE_NOOP("ReplenishmentReasonName", "Short pick"),
}
AUDIT_ACTIONS = {
    "address_corrected": QT_TRANSLATE_NOOP("AuditActionName", "Address corrected"),
    "batch_assigned": QT_TRANSLATE_NOOP("AuditActionName", "Batch assigned"),
    "batch_done": QT_TRANSLATE_NOOP("AuditActionName", "Batch done"),
    "batch_reassigned": QT_TRANSLATE_NOOP("AuditActionName", "Batch reassigned"),
    "batch_started": QT_TRANSLATE_NOOP("AuditActionName", "Batch started"),
    "carrier_changed": QT_TRANSLATE_NOOP("AuditActionName", "Carrier changed"),
    "customer_data_opened": QT_TRANSLATE_NOOP("AuditActionName", "Customer data opened"),
    "customer_opened": QT_TRANSLATE_NOOP("AuditActionName", "Recipient viewed"),
    "demo_built": QT_TRANSLATE_NOOP("AuditActionName", "Demo data written"),
    "documents_queued": QT_TRANSLATE_NOOP("AuditActionName", "Documents queued"),
    "exception_decided": QT_TRANSLATE_NOOP("AuditActionName", "Exception decided"),
    "exception_opened": QT_TRANSLATE_NOOP("AuditActionName", "Exception opened"),
    "feedback_recorded": QT_TRANSLATE_NOOP("AuditActionName", "Feedback recorded"),
    "insurance_claim_filed": QT_TRANSLATE_NOOP("AuditActionName", "Insurance claim filed"),
    "intake": QT_TRANSLATE_NOOP("AuditActionName", "Intake"),
    "journal_conflict": QT_TRANSLATE_NOOP("AuditActionName", "Station action refused"),
    "label_printed": QT_TRANSLATE_NOOP("AuditActionName", "Label printed"),
    "low_stock": QT_TRANSLATE_NOOP("AuditActionName", "Low stock"),
    "manifest_closed": QT_TRANSLATE_NOOP("AuditActionName", "Manifest closed"),
    "manifest_opened": QT_TRANSLATE_NOOP("AuditActionName", "Manifest opened"),
    "notification_failed": QT_TRANSLATE_NOOP("AuditActionName", "Notification failed"),
    "notification_sent": QT_TRANSLATE_NOOP("AuditActionName", "Notification sent"),
    "order_priority": QT_TRANSLATE_NOOP("AuditActionName", "Priority changed"),
    "order_reassigned": QT_TRANSLATE_NOOP("AuditActionName", "Order reassigned"),
    "order_released": QT_TRANSLATE_NOOP("AuditActionName", "Order released"),
    "order_status": QT_TRANSLATE_NOOP("AuditActionName", "Order status changed"),
    "orders_completed": QT_TRANSLATE_NOOP("AuditActionName", "Orders completed"),
    "orders_imported": QT_TRANSLATE_NOOP("AuditActionName", "Orders imported"),
    "parcel_handed_over": QT_TRANSLATE_NOOP("AuditActionName", "Parcel handed over"),
    "parcel_packed": QT_TRANSLATE_NOOP("AuditActionName", "Parcel packed"),
    "pick_confirmed": QT_TRANSLATE_NOOP("AuditActionName", "Pick confirmed"),
    "pick_refused": QT_TRANSLATE_NOOP("AuditActionName", "Pick refused"),
    "pick_short": QT_TRANSLATE_NOOP("AuditActionName", "Short pick"),
    "print_failed": QT_TRANSLATE_NOOP("AuditActionName", "Print failed"),
    "refund": QT_TRANSLATE_NOOP("AuditActionName", "Refund"),
    "release_tried": QT_TRANSLATE_NOOP("AuditActionName", "Release tried"),
    "replenishment_requested": QT_TRANSLATE_NOOP("AuditActionName", "Replenishment requested"),
    "replenishment_status": QT_TRANSLATE_NOOP("AuditActionName", "Replenishment status changed"),
    "return_decided": QT_TRANSLATE_NOOP("AuditActionName", "Return line decided"),
    "return_inspected": QT_TRANSLATE_NOOP("AuditActionName", "Return inspected"),
    "return_received": QT_TRANSLATE_NOOP("AuditActionName", "Return received"),
    "return_requested": QT_TRANSLATE_NOOP("AuditActionName", "Return requested"),
    "return_settled": QT_TRANSLATE_NOOP("AuditActionName", "Return settled"),
    "sign_in": QT_TRANSLATE_NOOP("AuditActionName", "Signed in"),
    "sign_in_failed": QT_TRANSLATE_NOOP("AuditActionName", "Sign-in failed"),
    "sign_out": QT_TRANSLATE_NOOP("AuditActionName", "Signed out"),
    "supervisor_check_failed": QT_TRANSLATE_NOOP("AuditActionName", "Supervisor check failed"),
    "supervisor_check_refused": QT_TRANSLATE_NOOP("AuditActionName", "Supervisor check refused"),
    "supervisor_verified": QT_TRANSLATE_NOOP("AuditActionName", "Supervisor verified"),
    "tote_freed": QT_TRANSLATE_NOOP("AuditActionName", "Tote freed"),
    "tracking_imported": QT_TRANSLATE_NOOP("AuditActionName", "Tracking imported"),
    "weight_override": QT_TRANSLATE_NOOP("AuditActionName", "Weight override"),
}
AUDIT_ENTITIES = {
    "batch": QT_TRANSLATE_NOOP("AuditEntityName", "Batch"),
    "database": QT_TRANSLATE_NOOP("AuditEntityName", "Database"),
    "exception": QT_TRANSLATE_NOOP("AuditEntityName", "Exception"),
    "import": QT_TRANSLATE_NOOP("AuditEntityName", "Import"),
    "journal": QT_TRANSLATE_NOOP("AuditEntityName", "Station journal"),
    "manifest": QT_TRANSLATE_NOOP("AuditEntityName", "Manifest"),
    "notification": QT_TRANSLATE_NOOP("AuditEntityName", "Notification"),
    "order": QT_TRANSLATE_NOOP("AuditEntityName", "Order"),
    "parcel": QT_TRANSLATE_NOOP("AuditEntityName", "Parcel"),
    "pick_batch": QT_TRANSLATE_NOOP("AuditEntityName", "Batch"),
    "pick_task": QT_TRANSLATE_NOOP("AuditEntityName", "Pick task"),
    "replenishment": QT_TRANSLATE_NOOP("AuditEntityName", "Replenishment request"),
    "return": QT_TRANSLATE_NOOP("AuditEntityName", "Return"),
    "shipment": QT_TRANSLATE_NOOP("AuditEntityName", "Shipment"),
    "sku": QT_TRANSLATE_NOOP("AuditEntityName", "SKU"),
    "tote": QT_TRANSLATE_NOOP("AuditEntityName", "Tote"),
    "tracking": QT_TRANSLATE_NOOP("AuditEntityName", "Tracking"),
    "user": QT_TRANSLATE_NOOP("AuditEntityName", "User"),
}
AUDIT_FIELDS = {
    "added": QT_TRANSLATE_NOOP("AuditFieldName", "added"),
    "alternative": QT_TRANSLATE_NOOP("AuditFieldName", "other bins"),
    "amount": QT_TRANSLATE_NOOP("AuditFieldName", "amount"),
    "as_of": QT_TRANSLATE_NOOP("AuditFieldName", "as of"),
    "at_station": QT_TRANSLATE_NOOP("AuditFieldName", "station"),
    "attempts": QT_TRANSLATE_NOOP("AuditFieldName", "attempts"),
    "available": QT_TRANSLATE_NOOP("AuditFieldName", "available"),
    "batch": QT_TRANSLATE_NOOP("AuditFieldName", "batch"),
    "carrier": QT_TRANSLATE_NOOP("AuditFieldName", "carrier"),
    "carton": QT_TRANSLATE_NOOP("AuditFieldName", "carton"),
    "category": QT_TRANSLATE_NOOP("AuditFieldName", "category"),
    "chosen": QT_TRANSLATE_NOOP("AuditFieldName", "chosen"),
    "count": QT_TRANSLATE_NOOP("AuditFieldName", "count"),
    "damaged": QT_TRANSLATE_NOOP("AuditFieldName", "damaged"),
    "decision": QT_TRANSLATE_NOOP("AuditFieldName", "decision"),
    "duplicates": QT_TRANSLATE_NOOP("AuditFieldName", "duplicates"),
    "error": QT_TRANSLATE_NOOP("AuditFieldName", "error"),
    "exception_id": QT_TRANSLATE_NOOP("AuditFieldName", "exception"),
    "expected_g": QT_TRANSLATE_NOOP("AuditFieldName", "expected"),
    "fields": QT_TRANSLATE_NOOP("AuditFieldName", "fields"),
    "first": QT_TRANSLATE_NOOP("AuditFieldName", "first"),
    "for_user": QT_TRANSLATE_NOOP("AuditFieldName", "for"),
    "format": QT_TRANSLATE_NOOP("AuditFieldName", "format"),
    "found": QT_TRANSLATE_NOOP("AuditFieldName", "found"),
    "from": QT_TRANSLATE_NOOP("AuditFieldName", "from"),
    "from_batch": QT_TRANSLATE_NOOP("AuditFieldName", "from batch"),
    "from_picker": QT_TRANSLATE_NOOP("AuditFieldName", "from picker"),
    "gates": QT_TRANSLATE_NOOP("AuditFieldName", "checks"),
    "held": QT_TRANSLATE_NOOP("AuditFieldName", "held"),
    "how": QT_TRANSLATE_NOOP("AuditFieldName", "method"),
    "insured_value": QT_TRANSLATE_NOOP("AuditFieldName", "insured value"),
    "job": QT_TRANSLATE_NOOP("AuditFieldName", "print job"),
    "jobs": QT_TRANSLATE_NOOP("AuditFieldName", "print jobs"),
    "kind": QT_TRANSLATE_NOOP("AuditFieldName", "kind"),
    "last": QT_TRANSLATE_NOOP("AuditFieldName", "last"),
    "line": QT_TRANSLATE_NOOP("AuditFieldName", "line"),
    "location": QT_TRANSLATE_NOOP("AuditFieldName", "location"),
    "lot": QT_TRANSLATE_NOOP("AuditFieldName", "lot"),
    "manifest": QT_TRANSLATE_NOOP("AuditFieldName", "manifest"),
    "matches_order": QT_TRANSLATE_NOOP("AuditFieldName", "matches the order"),
    "measured_g": QT_TRANSLATE_NOOP("AuditFieldName", "weighed"),
    "missing": QT_TRANSLATE_NOOP("AuditFieldName", "missing"),
    "new_order": QT_TRANSLATE_NOOP("AuditFieldName", "new order"),
    "note": QT_TRANSLATE_NOOP("AuditFieldName", "note"),
    "order": QT_TRANSLATE_NOOP("AuditFieldName", "order"),
    "orders": QT_TRANSLATE_NOOP("AuditFieldName", "orders"),
    "orders_shipped": QT_TRANSLATE_NOOP("AuditFieldName", "orders shipped"),
    "packaging_intact": QT_TRANSLATE_NOOP("AuditFieldName", "packaging intact"),
    "parcel": QT_TRANSLATE_NOOP("AuditFieldName", "parcel"),
    "parcels": QT_TRANSLATE_NOOP("AuditFieldName", "parcels"),
    "picker": QT_TRANSLATE_NOOP("AuditFieldName", "picker"),
    "printer": QT_TRANSLATE_NOOP("AuditFieldName", "printer"),
    "purpose": QT_TRANSLATE_NOOP("AuditFieldName", "for"),
    "qty": QT_TRANSLATE_NOOP("AuditFieldName", "qty"),
    "reason": QT_TRANSLATE_NOOP("AuditFieldName", "reason"),
    "resolution": QT_TRANSLATE_NOOP("AuditFieldName", "resolution"),
    "result": QT_TRANSLATE_NOOP("AuditFieldName", "result"),
    "rma": QT_TRANSLATE_NOOP("AuditFieldName", "return"),
    "role": QT_TRANSLATE_NOOP("AuditFieldName", "role"),
    "rules_choice": QT_TRANSLATE_NOOP("AuditFieldName", "rules chose"),
    "scan": QT_TRANSLATE_NOOP("AuditFieldName", "scan"),
    "score": QT_TRANSLATE_NOOP("AuditFieldName", "score"),
    "seed": QT_TRANSLATE_NOOP("AuditFieldName", "seed"),
    "seq": QT_TRANSLATE_NOOP("AuditFieldName", "parcel no."),
    "service": QT_TRANSLATE_NOOP("AuditFieldName", "service"),
    "station": QT_TRANSLATE_NOOP("AuditFieldName", "station"),
    "status": QT_TRANSLATE_NOOP("AuditFieldName", "status"),
    "stops": QT_TRANSLATE_NOOP("AuditFieldName", "stops"),
    "supervisor": QT_TRANSLATE_NOOP("AuditFieldName", "supervisor"),
    "task": QT_TRANSLATE_NOOP("AuditFieldName", "task"),
    "threshold": QT_TRANSLATE_NOOP("AuditFieldName", "threshold"),
    "to": QT_TRANSLATE_NOOP("AuditFieldName", "to"),
    "tracking_no": QT_TRANSLATE_NOOP("AuditFieldName", "tracking no."),
    "units": QT_TRANSLATE_NOOP("AuditFieldName", "units"),
    "unknown": QT_TRANSLATE_NOOP("AuditFieldName", "unknown"),
    "unused": QT_TRANSLATE_NOOP("AuditFieldName", "unused"),
    "warehouse_id": QT_TRANSLATE_NOOP("AuditFieldName", "warehouse"),
    "why": QT_TRANSLATE_NOOP("AuditFieldName", "why"),
}
AUDIT_VALUES = {  # words the services record as values: how one signed in, intake checks and their results
    "pin": QT_TRANSLATE_NOOP("AuditValueName", "PIN"),
    "badge": QT_TRANSLATE_NOOP("AuditValueName", "badge"),
    "shipping_label": QT_TRANSLATE_NOOP("AuditValueName", "shipping label"),
    "packing_slip": QT_TRANSLATE_NOOP("AuditValueName", "packing slip"),
    "supervisor": QT_TRANSLATE_NOOP("AuditValueName", "supervisor"),
    "passed": QT_TRANSLATE_NOOP("AuditValueName", "passed"),
    "held": QT_TRANSLATE_NOOP("AuditValueName", "held"),
    "skipped": QT_TRANSLATE_NOOP("AuditValueName", "skipped"),
    "backordered": QT_TRANSLATE_NOOP("AuditValueName", "backordered"),
    "pii": QT_TRANSLATE_NOOP("AuditValueName", "customer data"),
    "address": QT_TRANSLATE_NOOP("AuditValueName", "address"),
    "price": QT_TRANSLATE_NOOP("AuditValueName", "price"),
    "payment": QT_TRANSLATE_NOOP("AuditValueName", "payment"),
    "stock": QT_TRANSLATE_NOOP("AuditValueName", "stock"),
    "standard": QT_TRANSLATE_NOOP("AuditValueName", "standard"),
    "express": QT_TRANSLATE_NOOP("AuditValueName", "express"),
}
HIDDEN_FIELDS = frozenset({"action_id"})  # a station's key against doing an action twice: nothing to read
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ORDER_STATUSES = frozenset(s.value for s in OrderStatus)


def priority_name(priority: str | None) -> str:
    return term("PriorityName", PRIORITIES, priority)


def hold_reason_name(reason: str | None) -> str:
    return term("HoldReasonName", HOLD_REASONS, reason)


def kind_name(kind: str | None) -> str:
    return term("ExceptionKindName", KINDS, kind)


def exception_decision_name(decision: str | None) -> str:
    return term("DecisionName", DECISIONS, decision)


def _ship_by(when: datetime | None) -> str:
    """The promised ship-by on the board: these days, so without the year (the cell's tooltip has it)."""
    return month_day_time(when)


def _tip(item: QTableWidgetItem | None, text: str) -> None:
    """Set a cell's tooltip only when it differs: a change re-measures a column that sizes to its contents."""
    if item is not None and item.toolTip() != text:
        item.setToolTip(text)


def _overdue(item: QTableWidgetItem | None, overdue: bool) -> None:
    if item is None:
        return
    now = item.data(Qt.ItemDataRole.ForegroundRole)
    if overdue and now is None:
        item.setForeground(Qt.GlobalColor.red)
    elif not overdue and now is not None:
        item.setData(Qt.ItemDataRole.ForegroundRole, None)


def _moment_tips(table: QTableWidget, column: int, moments: list[datetime | None]) -> None:
    """The full date and time of each row's moment (shown without its year) as its cell's tooltip."""
    for row, when in enumerate(moments):
        if when is not None:
            _tip(table.item(row, column), date_time(when))


def _table(name: str, headers: list[str], parent: QWidget, stretch: int | None = None) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(36)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], keys: list[Any] | None = None,
          decorate: Callable[[], None] | None = None) -> bool:
    """Show `rows` in a table, keeping the selection on the same key (column 0 data); False when nothing changed.

    `decorate` sets what the cells carry besides their text (tooltips, colours) with the guarded setters
    (`_tip`, `_overdue`). Only cells whose text changed are touched, and the columns that size to their
    contents are measured once afterwards rather than after every cell: a visible table in
    ResizeToContents mode re-measures every row of a column on each change, and refilling 300 rows that
    way held the GUI thread for tens of seconds, longer than the refresh interval (the console never
    went idle, and keys waited seconds to appear)."""
    keys = keys if keys is not None else [cells[0] if cells else None for cells in rows]
    if table.rowCount() == len(rows) and all(
            table.item(r, 0) is not None and table.item(r, 0).data(Qt.ItemDataRole.UserRole) == keys[r]
            and all(table.item(r, c) is not None and table.item(r, c).text() == text for c, text in enumerate(cells))
            for r, cells in enumerate(rows)):
        if decorate is not None:
            decorate()  # guarded: nothing is re-measured unless a tooltip or colour really changed
        return False
    header = table.horizontalHeader()
    measured = [c for c in range(header.count())
                if header.sectionResizeMode(c) == QHeaderView.ResizeMode.ResizeToContents]
    for c in measured:
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
    selected = _selected_key(table)
    table.setUpdatesEnabled(False)
    try:
        table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = table.item(r, c)
                if item is None:
                    item = QTableWidgetItem(text)
                    table.setItem(r, c, item)
                elif item.text() != text:
                    item.setText(text)
                _tip(item, text)
                if c == 0 and item.data(Qt.ItemDataRole.UserRole) != keys[r]:
                    item.setData(Qt.ItemDataRole.UserRole, keys[r])
        if decorate is not None:
            decorate()
        if selected is not None:
            for r in range(table.rowCount()):
                if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == selected:
                    table.selectRow(r)
                    break
    finally:
        for c in measured:  # one measurement of each such column, now
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        table.setUpdatesEnabled(True)
    return True


def _selected_key(table: QTableWidget) -> Any:
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def _button(text: str, name: str, parent: QWidget, slot, key: str | None = None) -> QPushButton:  # noqa: ANN001
    """A console button; its key (function keys, per tab: only the tab on screen listens) is written on it."""
    button = QPushButton(with_shortcut(text, key) if key else text, parent)
    if key:
        button.setShortcut(QKeySequence(key))
    button.setObjectName(name)
    button.setMinimumHeight(48)
    button.clicked.connect(slot)
    return button


class SupervisorWorkspace(Workspace):
    """The console; object names and signals are listed in the module docstring."""

    action_done = Signal(str)
    action_failed = Signal(str)
    audit_loaded = Signal()

    role = Role.SUPERVISOR
    object_name = "workspace_supervisor"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.counts: dict[OrderStatus, int] = {}
        self.held: list[OrderRow] = []
        self.board: sv.FloorBoard | None = None
        self.exceptions: list[sv.ExceptionRow] = []
        self.replenishment_rows: list[replenishment.ReplenishmentRow] = []

        top = QHBoxLayout()
        self.run_intake_button = _button(self.tr("Run intake"), "supervisor_run_intake", self, self.run_intake, "Ctrl+I")
        self.message = QLabel(self)
        self.message.setObjectName("supervisor_message")
        self.message.setWordWrap(True)
        self.updated = QLabel(self)
        self.updated.setObjectName("supervisor_updated")
        top.addWidget(self.run_intake_button)
        top.addWidget(self.message, 1)
        top.addWidget(self.updated)
        self.body.addLayout(top)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("supervisor_tabs")
        self.tabs.addTab(self._build_floor(), self.tr("Floor"))
        self.tabs.addTab(self._build_orders(), self.tr("Orders"))
        self.tabs.addTab(self._build_exceptions(), self.tr("Exceptions"))
        self.tabs.addTab(self._build_stock(), self.tr("Stock"))
        self.tabs.addTab(self._build_audit(), self.tr("Audit"))
        # After the parcel leaves: hand-over to carriers, returns receiving, and the figures.
        self.handover = HandoverPanel(context, self)
        self.returns = ReturnsPanel(context, self)
        self._figures_asked = False
        self.figures = FiguresPanel(context, self, load=False)  # computed when its tab is first opened
        self.tabs.addTab(self.handover, self.tr("Hand-over"))
        self.tabs.addTab(self.returns, self.tr("Returns"))
        self.tabs.addTab(self.figures, self.tr("Figures"))
        self.body.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_shown)

        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(100)
        self._soon.timeout.connect(self.refresh)
        self.watcher = ChangeFeedWatcher(self.runner, parent=self)
        self.watcher.changed.connect(self._on_feed)
        self.watcher.start()
        # The feed brings every change within its polling interval; the workspace timer is only the safety
        # net (and moves the "left" column on), so the console reloads everything at most twice a minute.
        if self.timer.isActive():
            self.timer.setInterval(max(self.timer.interval(), FALLBACK_REFRESH_MS))
        QTimer.singleShot(0, self.search_audit)

    # --- building -----------------------------------------------------------------------------

    def _build_floor(self) -> QWidget:
        page = QWidget(self)
        headers = [self.tr("Status"), self.tr("Orders"), priority_name(PriorityClass.URGENT),
                   self.tr("Exped.", "short for the priority class Expedited"), priority_name(PriorityClass.NORMAL)]
        self.status_table = _table("supervisor_status_table", headers, page)
        self.status_table.setRowCount(len(OrderStatus))
        for row, status in enumerate(OrderStatus):
            self.status_table.setItem(row, 0, QTableWidgetItem(order_status_name(status.value)))
            for col in range(1, 5):
                cell = QTableWidgetItem("–")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.status_table.setItem(row, col, cell)
        self.status_table.verticalHeader().setDefaultSectionSize(30)
        header = self.status_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Widths from the words shown (either language), the header's bold font allowed for.
        cells, bold = self.status_table.fontMetrics(), header.fontMetrics()
        names = [order_status_name(s.value) for s in OrderStatus]
        widths = [max(max(cells.horizontalAdvance(n) for n in names), bold.horizontalAdvance(headers[0]) * 11 // 10) + 20]
        widths += [max(bold.horizontalAdvance(h) * 11 // 10, cells.horizontalAdvance("0000")) + 20 for h in headers[1:]]
        for col, width in enumerate(widths):
            self.status_table.setColumnWidth(col, width)
        self.status_table.setFixedWidth(sum(widths) + 4)
        self.status_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.board_table = _table("supervisor_board", [
            self.tr("Order"), self.tr("Status"), self.tr("Priority"), self.tr("Ship by"), self.tr("Left"),
            self.tr("Picker")], page, stretch=5)
        self.pickers_table = _table("supervisor_pickers", [
            self.tr("Picker"), self.tr("Station"), self.tr("Batch"), self.tr("Stops")], page, stretch=1)
        self.batch_picker = QComboBox(page)
        self.batch_picker.setObjectName("supervisor_batch_picker")
        self.batch_picker.setMinimumHeight(48)
        self.reassign_batch_button = _button(self.tr("Reassign batch"), "supervisor_reassign_batch", page,
                                             self.reassign_selected_batch, "F8")
        self.batch_reason = QLineEdit(page)
        self.batch_reason.setObjectName("supervisor_batch_reason")
        self.batch_reason.setPlaceholderText(self.tr("Reason"))
        self.batch_reason.setMinimumHeight(48)

        right = QVBoxLayout()
        right.addWidget(self.board_table, 3)
        pickers_title = QLabel(self.tr("Pickers and their batches"), page)
        pickers_title.setObjectName("section_title")
        right.addWidget(pickers_title)
        lower = QHBoxLayout()
        lower.addWidget(self.pickers_table, 3)
        reassign = QVBoxLayout()
        reassign.addWidget(self.batch_picker)
        reassign.addWidget(self.batch_reason)
        reassign.addWidget(self.reassign_batch_button)
        reassign.addStretch(1)
        lower.addLayout(reassign, 2)
        right.addLayout(lower, 2)

        layout = QHBoxLayout(page)
        layout.addWidget(self.status_table)
        layout.addLayout(right, 1)
        return page

    def _build_orders(self) -> QWidget:
        page = QWidget(self)
        self.orders_table = _table("supervisor_orders", [
            self.tr("Order"), self.tr("Merchant"), self.tr("Status"), self.tr("Priority"), self.tr("Ship by"),
            self.tr("Left"), self.tr("Picker"), self.tr("Hold note")], page, stretch=7)
        self.held_title = QLabel(self.tr("On hold"), page)
        self.held_title.setObjectName("supervisor_held_title")
        self.held_table = _table("supervisor_held_table", [
            self.tr("Order"), self.tr("Merchant"), self.tr("Priority"), self.tr("Reason"), self.tr("Ship by"),
            self.tr("Detail")], page, stretch=5)
        self.held_table.itemSelectionChanged.connect(self._held_selected)

        self.reason = QLineEdit(page)
        self.reason.setObjectName("supervisor_reason")
        self.reason.setPlaceholderText(self.tr("Reason (recorded)"))
        self.reason.setMinimumHeight(48)
        self.priority_class = QComboBox(page)
        self.priority_class.setObjectName("supervisor_priority_class")
        for key in PRIORITIES:
            self.priority_class.addItem(priority_name(key), key)
        self.priority_class.setMinimumHeight(48)
        self.order_picker = QComboBox(page)
        self.order_picker.setObjectName("supervisor_order_picker")
        self.order_picker.setMinimumHeight(48)
        actions = QGridLayout()
        buttons = [
            _button(self.tr("Release"), "supervisor_release", page, lambda: self.order_action("release"), "F5"),
            _button(self.tr("Hold"), "supervisor_hold", page, lambda: self.order_action("hold"), "F6"),
            _button(self.tr("Cancel order"), "supervisor_cancel", page, lambda: self.order_action("cancel"), "F9"),
            _button(self.tr("Set priority"), "supervisor_priority", page, lambda: self.order_action("priority"), "F7"),
            _button(self.tr("Reassign"), "supervisor_reassign", page, lambda: self.order_action("reassign"), "F8"),
            _button(self.tr("Recipient"), "supervisor_customer", page, lambda: self.order_action("customer"), "F10"),
        ]
        actions.addWidget(self.reason, 0, 0, 1, 2)
        actions.addWidget(self.priority_class, 0, 2)
        actions.addWidget(self.order_picker, 0, 3)
        for n, button in enumerate(buttons):
            actions.addWidget(button, 1, n % 6)
        self.customer = QLabel(page)
        self.customer.setObjectName("supervisor_customer_view")
        self.customer.setWordWrap(True)
        self.customer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(self.orders_table)
        lower = QWidget(split)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.held_title)
        lower_layout.addWidget(self.held_table)
        split.addWidget(lower)
        split.setSizes([300, 180])
        layout = QVBoxLayout(page)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        layout.addWidget(self.customer)
        return page

    def _build_exceptions(self) -> QWidget:
        page = QWidget(self)
        self.exceptions_table = _table("supervisor_exceptions", [
            "#", self.tr("Kind"), self.tr("Order"), self.tr("Order status"), self.tr("Raised"),
            self.tr("What happened")], page, stretch=5)
        self.exceptions_table.itemSelectionChanged.connect(self._exception_selected)
        panel = QVBoxLayout()
        title = QLabel(self.tr("Decision"), page)
        title.setObjectName("section_title")
        self.exception_detail = QLabel(self.tr("Choose an exception."), page)
        self.exception_detail.setObjectName("supervisor_exception_detail")
        self.exception_detail.setWordWrap(True)
        self.exception_detail.setMinimumWidth(300)
        self.decision = QComboBox(page)
        self.decision.setObjectName("supervisor_decision")
        self.decision.setMinimumHeight(48)
        self.decision.currentIndexChanged.connect(self._decision_changed)
        self.decision_reason = QLineEdit(page)
        self.decision_reason.setObjectName("supervisor_decision_reason")
        self.decision_reason.setPlaceholderText(self.tr("Reason (recorded)"))
        self.decision_reason.setMinimumHeight(48)
        self.substitute_sku = QLineEdit(page)
        self.substitute_sku.setObjectName("supervisor_substitute_sku")
        self.substitute_sku.setPlaceholderText(self.tr("Substitute SKU or GTIN"))
        self.substitute_sku.setMinimumHeight(48)
        self.consent = QLineEdit(page)
        self.consent.setObjectName("supervisor_consent")
        self.consent.setPlaceholderText(self.tr("Customer's consent: how, when"))
        self.consent.setMinimumHeight(48)
        self.decide_button = _button(self.tr("Decide"), "supervisor_decide", page, self.decide, "F5")
        self.decision.setMinimumWidth(380)
        for w in (title, self.exception_detail, self.decision, self.decision_reason, self.substitute_sku,
                  self.consent, self.decide_button):
            panel.addWidget(w)
        panel.addStretch(1)
        self._decision_changed()
        layout = QHBoxLayout(page)
        layout.addWidget(self.exceptions_table, 3)
        layout.addLayout(panel, 1)
        return page

    def _build_stock(self) -> QWidget:
        page = QWidget(self)
        self.low_stock_table = _table("supervisor_low_stock", [
            self.tr("Warehouse"), self.tr("Merchant"), self.tr("SKU"), self.tr("Available"), self.tr("Threshold"),
            self.tr("Request"), self.tr("Product")], page, stretch=6)
        self.replenishment_table = _table("supervisor_replenishment", [
            "#", self.tr("Raised"), self.tr("Reason"), self.tr("Status"), self.tr("Warehouse"), self.tr("SKU"),
            self.tr("Qty"), self.tr("Supplier"), self.tr("Product")], page, stretch=8)
        self.export_button = _button(self.tr("Export CSV"), "supervisor_export_csv", page, self.choose_export_file, "F7")
        # One above the other, each the tab's full width: every column readable in either language.
        upper = QWidget(page)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        low_title = QLabel(self.tr("Low stock"), upper)
        low_title.setObjectName("section_title")
        upper_layout.addWidget(low_title)
        upper_layout.addWidget(self.low_stock_table, 1)
        lower = QWidget(page)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        rep_row = QHBoxLayout()
        rep_title = QLabel(self.tr("Replenishment requests"), lower)
        rep_title.setObjectName("section_title")
        rep_row.addWidget(rep_title, 1)
        rep_row.addWidget(self.export_button)
        lower_layout.addLayout(rep_row)
        lower_layout.addWidget(self.replenishment_table, 1)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(upper)
        split.addWidget(lower)
        layout = QVBoxLayout(page)
        layout.addWidget(split, 1)
        return page

    def _build_audit(self) -> QWidget:
        page = QWidget(self)
        self.audit_text = QLineEdit(page)
        self.audit_text.setObjectName("supervisor_audit_text")
        self.audit_text.setPlaceholderText(self.tr("Search: order, batch, action, reason…"))
        self.audit_text.setMinimumHeight(48)
        self.audit_text.returnPressed.connect(self.search_audit)
        self.audit_user = QLineEdit(page)
        self.audit_user.setObjectName("supervisor_audit_user")
        self.audit_user.setPlaceholderText(self.tr("User"))
        self.audit_user.setMinimumHeight(48)
        self.audit_user.returnPressed.connect(self.search_audit)
        today = QDate.currentDate()
        self.audit_from = QDateEdit(today.addDays(-30), page)
        self.audit_from.setObjectName("supervisor_audit_from")
        self.audit_to = QDateEdit(today, page)
        self.audit_to.setObjectName("supervisor_audit_to")
        for edit in (self.audit_from, self.audit_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_edit_format())
            edit.setMinimumHeight(48)
        find = _button(self.tr("Find"), "supervisor_audit_find", page, self.search_audit, "F5")
        bar = QHBoxLayout()
        bar.addWidget(self.audit_text, 3)
        bar.addWidget(self.audit_user, 1)
        bar.addWidget(QLabel(self.tr("From"), page))
        bar.addWidget(self.audit_from)
        bar.addWidget(QLabel(self.tr("to"), page))
        bar.addWidget(self.audit_to)
        bar.addWidget(find)
        self.audit_table = _table("supervisor_audit", [
            self.tr("When"), self.tr("User"), self.tr("Station"), self.tr("Action"), self.tr("Entity"),
            self.tr("Detail")], page, stretch=5)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.audit_table, 1)
        return page

    # --- loading ------------------------------------------------------------------------------

    def load_op(self):  # noqa: ANN201
        def op(uow):
            board = sv.floor_board(uow)
            return {
                "counts": count_by_status(uow),
                "held": list_orders(uow, OrderStatus.HELD, limit=HELD_LIMIT),
                "board": board,
                "exceptions": sv.list_exceptions(uow),
                "low_stock": replenishment.low_stock_alerts(uow),
                "replenishment": replenishment.list_replenishment(uow),
                "pickers": sv.picker_logins(uow),
            }
        return op

    def show_data(self, data: object) -> None:
        if isinstance(data, tuple):  # (counts, held): the shell's shape, kept for its callers
            data = {"counts": data[0], "held": data[1]}
        assert isinstance(data, dict)
        counts = data.get("counts", {})
        self.counts, self.held = counts, data.get("held", [])
        board: sv.FloorBoard | None = data.get("board")
        self.board = board
        by_class = board.counts if board else {}
        for row, status in enumerate(OrderStatus):
            self.status_table.item(row, 1).setText(number(counts.get(status, 0)))
            for col, cls in enumerate((PriorityClass.URGENT, PriorityClass.EXPEDITED, PriorityClass.NORMAL), start=2):
                n = by_class.get((status.value, cls), 0)
                self.status_table.item(row, col).setText(number(n) if n else "")
        self._show_held()
        if board is not None:
            self._show_board(board)
        if "pickers" in data:
            self._set_pickers(data["pickers"])
        if "exceptions" in data:
            self.exceptions = data["exceptions"]
            self._show_exceptions()
        if "low_stock" in data:
            _fill(self.low_stock_table, [[r.warehouse, r.merchant, r.sku, number(r.available), number(r.threshold),
                                          f"#{r.open_request}" if r.open_request else "",
                                          bilingual(r.name, r.name_zh)]
                                         for r in data["low_stock"]])
        if "replenishment" in data:
            self.replenishment_rows = data["replenishment"]
            _fill(self.replenishment_table, [
                [str(r.id), date_time(r.created_at), term("ReplenishmentReasonName", REPLENISHMENT_REASON, r.reason),
                 term("ReplenishmentStatusName", REPLENISHMENT_STATUS, r.status), r.warehouse, r.sku, number(r.qty),
                 f"{r.merchant} {r.supplier_phone}", bilingual(r.name, r.name_zh)]
                for r in self.replenishment_rows], [r.id for r in self.replenishment_rows])
        self.tabs.setTabText(2, self.tr("Exceptions ({n})").format(n=number(len(self.exceptions))))
        self.updated.setText(self.tr("Updated {time}").format(
            time=time_of_day(datetime.now(timezone.utc), seconds=True)))

    def _show_held(self) -> None:
        held = self.held
        self.held_title.setText(self.tr("On hold: {n}").format(
            n=number(self.counts.get(OrderStatus.HELD, len(held)))))
        _fill(self.held_table, [[o.order_no, o.merchant, priority_name(o.priority_class),
                                 hold_reason_name(o.hold_reason), _ship_by(o.promised_ship_by), o.hold_detail or ""]
                                for o in held],
              decorate=lambda: _moment_tips(self.held_table, 4, [o.promised_ship_by for o in held]))

    def _left(self, minutes: int | None) -> str:
        """Time to the ship-by: 3 h 05 left, or overdue by 1 h 20 (a minus sign)."""
        if minutes is None:
            return "–"
        m = abs(minutes)
        text = self.tr("{h}h{m}").format(h=number(m // 60), m=f"{m % 60:02d}")
        return f"−{text}" if minutes < 0 else text

    def _show_board(self, board: sv.FloorBoard) -> None:
        rows = []
        for o in board.orders:
            rows.append([o.order_no, order_status_name(o.status), priority_name(o.priority_class),
                         _ship_by(o.promised_ship_by), self._left(o.minutes_left), o.picker or ""])

        def board_cells() -> None:
            for r, o in enumerate(board.orders):
                _tip(self.board_table.item(r, 0), " · ".join([
                    o.order_no, o.merchant, order_status_name(o.status), priority_name(o.priority_class),
                    self.tr("ship by {time}").format(time=date_time(o.promised_ship_by))]))
                _overdue(self.board_table.item(r, 4), o.minutes_left is not None and o.minutes_left < 0)
                if o.batch:  # the picker's batch: in the pickers' table below, and here on hover
                    _tip(self.board_table.item(r, 5), self.tr("{picker}, batch {batch}").format(
                        picker=o.picker or "—", batch=o.batch))
            _moment_tips(self.board_table, 3, [o.promised_ship_by for o in board.orders])

        _fill(self.board_table, rows, decorate=board_cells)
        _fill(self.orders_table, [[o.order_no, o.merchant, order_status_name(o.status), priority_name(o.priority_class),
                                   _ship_by(o.promised_ship_by), self._left(o.minutes_left), o.picker or "",
                                   o.hold_detail or ""] for o in board.orders],
              decorate=lambda: _moment_tips(self.orders_table, 4, [o.promised_ship_by for o in board.orders]))

        def picker_cells() -> None:
            for r, p in enumerate(board.pickers):
                seen = self.tr("last seen {time}").format(time=date_time(p.last_seen)) if p.last_seen else ""
                _tip(self.pickers_table.item(r, 0), " · ".join(t for t in (p.display_name, seen) if t))

        _fill(self.pickers_table, [[p.login, (p.station or "—") + (" ●" if p.online else ""),
                                    p.batch or "", f"{p.stops_done}/{p.stops}" if p.batch else ""]
                                   for p in board.pickers], [p.login for p in board.pickers], decorate=picker_cells)

    def _set_pickers(self, pickers: list[tuple[str, str]]) -> None:
        for combo in (self.batch_picker, self.order_picker):
            current = combo.currentData()
            if [combo.itemData(i) for i in range(combo.count())] == [login for login, _ in pickers]:
                continue
            combo.clear()
            for login, name in pickers:
                combo.addItem(login, login)
                combo.setItemData(combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
            if current is not None:
                combo.setCurrentIndex(max(0, combo.findData(current)))

    def _show_exceptions(self) -> None:
        _fill(self.exceptions_table, [[str(e.id), kind_name(e.kind), e.order_no or "",
                                       order_status_name(e.order_status) if e.order_status else "",
                                       month_day_time(e.created_at), self.exception_summary(e)]
                                      for e in self.exceptions], [e.id for e in self.exceptions],
              decorate=lambda: _moment_tips(self.exceptions_table, 4, [e.created_at for e in self.exceptions]))
        self._exception_selected()

    def exception_summary(self, case: sv.ExceptionRow) -> str:
        """What happened, from the exception's recorded detail, in the station's language.

        Notes the services recorded as text (an intake gate's finding, a carrier's remark, an error) are
        shown as recorded, in Chinese where the record has a Chinese note too."""
        d = case.detail or {}
        if case.kind == "short_pick" and d.get("sku"):
            return self.tr("{sku} short by {qty} at {location} (batch {batch}, {picker})").format(
                sku=d["sku"], qty=d.get("missing_qty", d.get("short_qty", "?")), location=d.get("location", "?"),
                batch=d.get("batch", "?"), picker=d.get("picker", "?"))
        if case.kind == "weight_override" and d.get("expected_g") is not None:
            return self.tr("Expected {expected}, weighed {measured} (±{tolerance})").format(
                expected=weight(d["expected_g"]), measured=weight(d.get("measured_g") or 0),
                tolerance=weight(d.get("tolerance_g") or 0))
        if case.kind == "not_manifested":
            day = d.get("day", "")
            return self.tr("Labelled for {carrier} on {day}, not handed over ({tracking})").format(
                carrier=d.get("carrier", "?"), day=date_text(Date.fromisoformat(day)) if ISO_DAY.match(day) else day,
                tracking=d.get("tracking_no") or "—")
        if case.kind == "print_failed" and "job" in d:
            return self.tr("Print job {job} failed: {error}").format(job=d["job"], error=d.get("error") or "—")
        if case.kind in ("delayed", "refused", "lost") and "tracking_no" in d:
            parts = [d["tracking_no"]]
            eta = d.get("eta") or ""
            if eta:
                parts.append(self.tr("expected {day}").format(
                    day=date_text(Date.fromisoformat(eta[:10])) if ISO_DAY.match(eta[:10]) else eta))
            parts += [str(d[k]) for k in ("place", "note") if d.get(k)]
            if d.get("rma"):
                parts.append(self.tr("return {rma}").format(rma=d["rma"]))
            if isinstance(d.get("claim"), dict) and d["claim"].get("insured_value"):
                parts.append(self.tr("insurance claim filed for {amount}").format(
                    amount=money(d["claim"]["insured_value"])))
            return " · ".join(parts)
        if case.kind == "conflict" and d.get("by"):
            return self.tr("{who} at {station}: {reason}").format(
                who=d["by"], station=d.get("station") or "—", reason=d.get("reason") or "—")
        note_zh = d.get("note_zh") or d.get("reason_zh")
        if is_chinese() and note_zh:
            return str(note_zh)
        return case.summary

    def _tab_shown(self, _index: int) -> None:
        """The figures are a report over days of work: computed when first looked at, not at sign-in, so the
        floor is on screen sooner."""
        if self.tabs.currentWidget() is self.figures and not self._figures_asked:
            self._figures_asked = True
            self.figures.refresh()

    def show_failure(self, exc: BaseException) -> None:
        self.updated.setText(self.tr("Not updated: the central database cannot be reached."))

    def _on_feed(self, entry: FeedEntry) -> None:
        if isinstance(entry.change, LIVE_EVENTS):
            self._soon.start()

    # --- actions ------------------------------------------------------------------------------

    def _run(self, name: str, op, done_text) -> None:  # noqa: ANN001
        self.message.setProperty("kind", "info")
        self.message.setText(self.tr("Working…"))
        self.runner.run(op, lambda result: self._action_ok(name, done_text(result)),
                        lambda exc: self._action_refused(exc), actor=self.actor, owner=self)

    def _action_ok(self, name: str, text: str) -> None:
        self.message.setProperty("kind", "ok")
        self.message.setText(text)
        self.action_done.emit(name)
        self.refresh()

    def _action_refused(self, exc: BaseException) -> None:
        text = error_text(exc)
        self.message.setProperty("kind", "error")
        self.message.setText(text)
        self.action_failed.emit(text)

    def _refuse_here(self, text: str) -> None:
        self.message.setProperty("kind", "error")
        self.message.setText(text)
        self.action_failed.emit(text)

    def run_intake(self) -> None:
        self.run_intake_button.setEnabled(False)

        def done(summary: intake.IntakeSummary) -> str:
            self.run_intake_button.setEnabled(True)
            return self.tr("Intake: %n order(s) processed — {ready} ready, {held} held, {backordered} backordered, "
                           "{skipped} skipped, {failed} failed", "", summary.processed).format(
                ready=number(summary.count("ready")), held=number(summary.count("held")),
                backordered=number(summary.count("backordered")), skipped=number(len(summary.skipped)),
                failed=number(len(summary.failed)))

        def op(uow):
            return intake.run_intake(uow.db, actor=self.actor)

        self.runner.run(op, lambda s: self._action_ok("intake", done(s)),
                        lambda exc: (self.run_intake_button.setEnabled(True), self._action_refused(exc)),
                        actor=self.actor, owner=self)

    def selected_order(self) -> str | None:
        return _selected_key(self.orders_table)

    def select_order(self, order_no: str) -> bool:
        for table in (self.orders_table, self.held_table):
            for r in range(table.rowCount()):
                if table.item(r, 0).text() == order_no:
                    table.selectRow(r)
                    if table is self.held_table:
                        self._held_selected()
                    return True
        return False

    def _held_selected(self) -> None:
        order_no = _selected_key(self.held_table)
        if order_no:
            for r in range(self.orders_table.rowCount()):
                if self.orders_table.item(r, 0).text() == order_no:
                    self.orders_table.selectRow(r)

    def order_action(self, action: str) -> None:
        order_no = self.selected_order()
        if not order_no:
            self._refuse_here(self.tr("Choose an order first."))
            return
        reason = self.reason.text().strip()
        if action != "customer" and not reason:
            self._refuse_here(self.tr("Give a reason: it is recorded."))
            self.reason.setFocus()
            return
        if action == "release":
            self._run(action, lambda uow: sv.release_order(uow, order_no, reason),
                      lambda status: self.tr("{no} released: now {status}").format(
                          no=order_no, status=order_status_name(status)))
        elif action == "hold":
            self._run(action, lambda uow: sv.hold_order(uow, order_no, reason),
                      lambda _r: self.tr("{no} is on hold").format(no=order_no))
        elif action == "cancel":
            self._run(action, lambda uow: sv.cancel_order(uow, order_no, reason),
                      lambda _r: self.tr("{no} cancelled").format(no=order_no))
        elif action == "priority":
            cls = self.priority_class.currentData()
            self._run(action, lambda uow: sv.raise_priority(uow, order_no, cls, reason),
                      lambda _r: self.tr("{no} is now {priority}").format(no=order_no, priority=priority_name(cls)))
        elif action == "reassign":
            login = self.order_picker.currentData()

            def reassigned(batch: str | None) -> str:
                if batch:
                    return self.tr("{no} reassigned to {who} (batch {batch})").format(no=order_no, who=login,
                                                                                     batch=batch)
                return self.tr("{no} reassigned to {who}").format(no=order_no, who=login)

            self._run(action, lambda uow: sv.reassign_order(uow, order_no, login, reason), reassigned)
        elif action == "customer":
            self._run(action, lambda uow: sv.open_customer(uow, order_no), self._show_customer)

    def _show_customer(self, view: sv.CustomerView) -> str:
        self.customer.setText(f"{view.order_no}: {view.name} · {view.phone} · {view.email}\n"
                              f"{view.country} {view.province}{view.city}{view.district} {view.detail} "
                              f"{view.postal_code}")
        return self.tr("Recipient of {no} opened (recorded in the audit log)").format(no=view.order_no)

    def reassign_selected_batch(self) -> None:
        login_from = _selected_key(self.pickers_table)
        picker = next((p for p in (self.board.pickers if self.board else []) if p.login == login_from), None)
        if picker is None or not picker.batch:
            self._refuse_here(self.tr("Choose a picker with a batch."))
            return
        to = self.batch_picker.currentData()
        reason = self.batch_reason.text().strip()
        if not reason:
            self._refuse_here(self.tr("Give a reason: it is recorded."))
            self.batch_reason.setFocus()
            return
        code, version = picker.batch, picker.batch_version
        self._run("reassign_batch", lambda uow: sv.reassign_batch(uow, code, to, reason, expected_version=version),
                  lambda _v: self.tr("Batch {code} reassigned to {who}").format(code=code, who=to))

    def select_picker(self, login: str) -> bool:
        for r in range(self.pickers_table.rowCount()):
            if self.pickers_table.item(r, 0).data(Qt.ItemDataRole.UserRole) == login:
                self.pickers_table.selectRow(r)
                return True
        return False

    # --- exceptions ---------------------------------------------------------------------------

    def _selected_exception(self) -> sv.ExceptionRow | None:
        key = _selected_key(self.exceptions_table)
        return next((e for e in self.exceptions if e.id == key), None)

    def _exception_selected(self) -> None:
        case = self._selected_exception()
        current = self.decision.currentData()
        self.decision.blockSignals(True)
        self.decision.clear()
        if case is None:
            self.exception_detail.setText(self.tr("Choose an exception."))
        else:
            if case.order_no:
                order = self.tr("Order {order} ({status})").format(
                    order=case.order_no, status=order_status_name(case.order_status))
            else:
                order = self.tr("No order")
            lines = [f"#{case.id} {kind_name(case.kind)}", order, self.exception_summary(case)]
            findings = (case.detail or {}).get("findings") or []
            if len(findings) > 1:  # an intake hold lists everything wrong with the order, from every gate
                lines.append(self.tr("Everything intake found wrong with this order:"))
                zh = is_chinese()
                lines += [f"• {f.get('field', '?')}: {(f.get('message_zh') if zh else None) or f.get('message', '')}"
                          for f in findings]
            self.exception_detail.setText("\n".join(lines))
            for d in case.decisions:
                self.decision.addItem(exception_decision_name(d), d)
            if current is not None and self.decision.findData(current) >= 0:
                self.decision.setCurrentIndex(self.decision.findData(current))
        self.decision.blockSignals(False)
        self._decision_changed()

    def _decision_changed(self) -> None:
        substitute = self.decision.currentData() == "substitute"
        self.substitute_sku.setVisible(substitute)
        self.consent.setVisible(substitute)
        self.decide_button.setEnabled(self.decision.count() > 0)

    def select_exception(self, exception_id: int) -> bool:
        for r in range(self.exceptions_table.rowCount()):
            if self.exceptions_table.item(r, 0).data(Qt.ItemDataRole.UserRole) == exception_id:
                self.exceptions_table.selectRow(r)
                return True
        return False

    def decide(self) -> None:
        case = self._selected_exception()
        if case is None:
            self._refuse_here(self.tr("Choose an exception first."))
            return
        decision = self.decision.currentData()
        reason = self.decision_reason.text().strip()
        if not reason:
            self._refuse_here(self.tr("Give a reason: it is recorded."))
            self.decision_reason.setFocus()
            return
        sku = self.substitute_sku.text().strip() or None
        consent = self.consent.text().strip() or None
        self._run("decide", lambda uow: sv.decide_exception(uow, case.id, decision, reason,
                                                            expected_version=case.version, substitute_sku=sku,
                                                            customer_consent=consent),
                  lambda _r: self.tr("#{id}: “{decision}” recorded").format(
                      id=case.id, decision=exception_decision_name(decision)))
        self.decision_reason.clear()

    # --- stock --------------------------------------------------------------------------------

    def choose_export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export replenishment requests"),
                                              "replenishment.csv", "CSV (*.csv)")
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        def op(uow):
            text = replenishment.replenishment_csv(replenishment.list_replenishment(uow, limit=100_000))
            path.write_text(text, encoding="utf-8")
            return text.count("\n") - 1

        self._run("export", op, lambda n: self.tr("%n request(s) written to {file}", "", n).format(file=path.name))

    # --- audit --------------------------------------------------------------------------------

    def search_audit(self) -> None:
        text = self.audit_text.text().strip() or None
        user = self.audit_user.text().strip() or None
        since = datetime.combine(self.audit_from.date().toPython(), time.min).astimezone(timezone.utc)
        until = datetime.combine(self.audit_to.date().toPython().fromordinal(
            self.audit_to.date().toPython().toordinal() + 1), time.min).astimezone(timezone.utc)
        self.runner.run(lambda uow: sv.search_audit(uow, text=text, user=user, since=since, until=until),
                        self._show_audit, self._action_refused, actor=self.actor, owner=self)

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
            return ", ".join(f"{term('AuditValueName', AUDIT_VALUES, str(k))} {self.audit_value(action, '', v)}"
                             for k, v in value.items())
        if isinstance(value, (list, tuple)):
            return ", ".join(self.audit_value(action, key, v) for v in value)
        text = str(value)
        if key in ("from", "to", "result"):
            if action == "order_priority":
                return priority_name(text)
            if action == "replenishment_status":
                return term("ReplenishmentStatusName", REPLENISHMENT_STATUS, text)
            if text in ORDER_STATUSES:
                return order_status_name(text)
            return term("AuditValueName", AUDIT_VALUES, text)
        if key == "decision":
            return decision_name(text) if action == "return_decided" else exception_decision_name(text)
        if key == "kind" and action.startswith("exception_"):
            return kind_name(text)
        if key == "reason" and action == "return_requested":
            return return_reason_name(text)
        if key == "reason" and action == "replenishment_requested":
            return term("ReplenishmentReasonName", REPLENISHMENT_REASON, text)
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
        if key in ("how", "purpose", "service", "") and text in AUDIT_VALUES:
            return term("AuditValueName", AUDIT_VALUES, text)
        if key in ("chosen", "rules_choice"):  # "SF standard": a carrier and its service
            carrier, _, service = text.partition(" ")
            return f"{carrier} {term('AuditValueName', AUDIT_VALUES, service)}".strip()
        if ISO_DAY.match(text):
            return date_text(Date.fromisoformat(text))
        return text

    def audit_detail(self, row: sv.AuditRow) -> str:
        parts = []
        for key, value in row.detail.items():
            if value in (None, "", [], {}) or key in HIDDEN_FIELDS:
                continue
            parts.append(self.tr("{field}: {value}").format(
                field=term("AuditFieldName", AUDIT_FIELDS, key), value=self.audit_value(row.action, key, value)))
        return self.tr("; ", "between the fields of an audit entry").join(parts)

    def _show_audit(self, rows: list[sv.AuditRow]) -> None:
        system = self.tr("system")  # what the services do by themselves (Actor.system), under no person
        _fill(self.audit_table, [[date_time(a.at), system if a.user == "system" else a.user or "",
                                  system if a.station == "system" else a.station or "",
                                  term("AuditActionName", AUDIT_ACTIONS, a.action),
                                  f"{term('AuditEntityName', AUDIT_ENTITIES, a.entity)} {a.entity_id or ''}".strip(),
                                  self.audit_detail(a)] for a in rows],
              [a.id for a in rows])
        self.audit_loaded.emit()

    def on_scan(self, raw: str) -> bool:
        """A scan goes to the tab that takes scans (hand-over, returns) when it is the one on screen."""
        current = self.tabs.currentWidget()
        if current in (self.handover, self.returns):
            return current.on_scan(raw)
        return super().on_scan(raw)

    def stop(self) -> None:
        super().stop()
        self.watcher.stop()
