"""The supervisor's use cases: run the floor, settle exceptions, read the audit log.

Every action checks the role (supervisor or admin), refuses what the order state machine refuses,
records decision + reason + who, audits, announces on the change feed and commits once.
A reassignment is announced on topic "batches" with `event="reassigned"`, `picker` and
`from_picker`: the picker's station hears it within a polling interval and reacts (between stops
its batch disappears; mid-stop it is told, not overridden — the picker workspace's side).

The package follows the use cases' own sections: `common` (role, reason, moving an order, closing a
case), `orders` (release, hold, cancel, priority, reassign), `exceptions` (list, and `decide_exception`:
the `SETTLE` table, one handler per exception kind), `floor` (the floor board), `customer` (recipient
data and address corrections, supervisors only) and `audit` (reading the audit log). Import from the
package: `from desktop.services import supervision as sv`.
"""

from __future__ import annotations

from desktop.services.supervision.common import (
    ACTIVE_BATCH, ON_FLOOR, DECISIONS, DEFAULT_DECISIONS, DECISION_LABELS, ReasonRequired, DecisionRefused,
)
from desktop.services.supervision.orders import (
    release_order, hold_order, cancel_order, raise_priority, reassign_batch, reassign_order,
)
from desktop.services.supervision.exceptions import (
    ExceptionRow, list_exceptions, decide_exception, SETTLE, Settling,
)
from desktop.services.supervision.floor import (
    BoardOrder, PickerRow, StationRow, FloorBoard, FloorSummary, FLOOR_STATUSES, ONLINE_WINDOW, floor_board, floor_summary,
    floor_orders, board_orders, active_batches, picker_logins, search_orders, SEARCH_LIMIT,
    ShiftPerson, shift_people,
)
from desktop.services.supervision.customer import CustomerView, open_customer, correct_address
from desktop.services.supervision.audit import AuditRow, search_audit, audit_actions

__all__ = [
    "ACTIVE_BATCH",
    "ON_FLOOR",
    "DECISIONS",
    "DEFAULT_DECISIONS",
    "DECISION_LABELS",
    "ReasonRequired",
    "DecisionRefused",
    "release_order",
    "hold_order",
    "cancel_order",
    "raise_priority",
    "reassign_batch",
    "reassign_order",
    "ExceptionRow",
    "list_exceptions",
    "decide_exception",
    "SETTLE",
    "Settling",
    "BoardOrder",
    "PickerRow",
    "StationRow",
    "FloorBoard",
    "FloorSummary",
    "FLOOR_STATUSES",
    "floor_summary",
    "floor_orders",
    "board_orders",
    "ONLINE_WINDOW",
    "floor_board",
    "active_batches",
    "picker_logins",
    "search_orders",
    "ShiftPerson",
    "shift_people",
    "SEARCH_LIMIT",
    "CustomerView",
    "open_customer",
    "correct_address",
    "AuditRow",
    "search_audit",
    "audit_actions",
]
