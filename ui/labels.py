"""The names of the codes the domain keeps (statuses, kinds, reasons, decisions, audit actions and fields…), as a
person reads them in the station's language: the one place every workspace and panel takes them from.

Each table maps a code (an enum member where the domain has one, else the stored word) to its English
name marked with QT_TRANSLATE_NOOP in the table's own context; `term` translates a code through a table
when it is shown, so the tables can be read at import time, before a language is installed. An unknown
code is shown as it is, never hidden. Add a code here, not in the widget that shows it, then run
`scripts/translations.py update` (the tables are in the "common" area).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.domain.lifecycle import HoldReason, OrderStatus, PriorityClass
from desktop.domain.roles import Role
from ui.i18n import translate


def term(context: str, table: Mapping[str, str], code: str | None, missing: str = "—") -> str:
    """A code's name from `table` (marked in `context`) in the station's language; an unknown code as it is."""
    if not code:
        return missing
    text = table.get(code)
    return translate(context, text) if text else code


def order_status_name(status: str | None) -> str:
    return term("OrderStatusName", ORDER_STATUS, status)


def return_reason_name(reason: str | None) -> str:
    return term("ReturnReasonName", RETURN_REASON, reason)


# ─── people ─────────────────────────────────────────────────────────────

ROLE_NAMES = {
    Role.PICKER: QT_TRANSLATE_NOOP("Roles", "Picker"),
    Role.PACKER: QT_TRANSLATE_NOOP("Roles", "Packer"),
    Role.RECEIVER: QT_TRANSLATE_NOOP("Roles", "Receiver"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Roles", "Supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Administrator"),
}



# ─── orders ─────────────────────────────────────────────────────────────

ORDER_STATUS = {
    OrderStatus.RECEIVED: QT_TRANSLATE_NOOP("OrderStatusName", "Received"),
    OrderStatus.HELD: QT_TRANSLATE_NOOP("OrderStatusName", "Held"),
    OrderStatus.BACKORDERED: QT_TRANSLATE_NOOP("OrderStatusName", "Backordered"),
    OrderStatus.READY: QT_TRANSLATE_NOOP("OrderStatusName", "Ready"),
    OrderStatus.PICKING: QT_TRANSLATE_NOOP("OrderStatusName", "Picking"),
    OrderStatus.PICKED: QT_TRANSLATE_NOOP("OrderStatusName", "Picked"),
    OrderStatus.PACKED: QT_TRANSLATE_NOOP("OrderStatusName", "Packed"),
    OrderStatus.SHIPPED: QT_TRANSLATE_NOOP("OrderStatusName", "Shipped"),
    OrderStatus.DELIVERED: QT_TRANSLATE_NOOP("OrderStatusName", "Delivered"),
    OrderStatus.COMPLETED: QT_TRANSLATE_NOOP("OrderStatusName", "Completed"),
    OrderStatus.REFUSED: QT_TRANSLATE_NOOP("OrderStatusName", "Refused"),
    OrderStatus.LOST: QT_TRANSLATE_NOOP("OrderStatusName", "Lost"),
    OrderStatus.RETURNED: QT_TRANSLATE_NOOP("OrderStatusName", "Returned"),
    OrderStatus.CANCELLED: QT_TRANSLATE_NOOP("OrderStatusName", "Cancelled"),
}
RETURN_REASON = {
    "no_reason": QT_TRANSLATE_NOOP("ReturnReasonName", "No-reason return"),
    "quality": QT_TRANSLATE_NOOP("ReturnReasonName", "Quality problem"),
    "damaged": QT_TRANSLATE_NOOP("ReturnReasonName", "Damaged in transit"),
    "wrong_item": QT_TRANSLATE_NOOP("ReturnReasonName", "Wrong item sent"),
    "refused": QT_TRANSLATE_NOOP("ReturnReasonName", "Refused on delivery"),
}


HOLD_REASONS = {
    HoldReason.ADDRESS: QT_TRANSLATE_NOOP("HoldReasonName", "Address"),
    HoldReason.PRICE: QT_TRANSLATE_NOOP("HoldReasonName", "Price"),
    HoldReason.PAYMENT: QT_TRANSLATE_NOOP("HoldReasonName", "Payment"),
    HoldReason.SHORTAGE: QT_TRANSLATE_NOOP("HoldReasonName", "Shortage"),
    HoldReason.WEIGHT: QT_TRANSLATE_NOOP("HoldReasonName", "Weight"),
    HoldReason.CUSTOMER: QT_TRANSLATE_NOOP("HoldReasonName", "Customer"),
    HoldReason.OTHER: QT_TRANSLATE_NOOP("HoldReasonName", "Other"),
}
PRIORITIES = {  # in the order a supervisor chooses from, most pressing first
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
    "count_variance": QT_TRANSLATE_NOOP("ExceptionKindName", "Count variance"),
    "intercept": QT_TRANSLATE_NOOP("ExceptionKindName", "Intercept"),
}
DECISIONS = {  # sv.DECISIONS, and what older records hold
    "transfer": QT_TRANSLATE_NOOP("DecisionName", "Transfer from another warehouse"),
    "wait": QT_TRANSLATE_NOOP("DecisionName", "Wait for stock"),
    "substitute": QT_TRANSLATE_NOOP("DecisionName", "Substitute (customer consents)"),
    "partial_refund": QT_TRANSLATE_NOOP("DecisionName", "Partial refund"),
    "full_refund": QT_TRANSLATE_NOOP("DecisionName", "Full refund (cancel)"),
    "release": QT_TRANSLATE_NOOP("DecisionName", "Release after the fix"),
    "accept": QT_TRANSLATE_NOOP("DecisionName", "Accept as is (ship without a fix)"),
    "cancel": QT_TRANSLATE_NOOP("DecisionName", "Cancel the order"),
    "acknowledge": QT_TRANSLATE_NOOP("DecisionName", "Acknowledge"),
    "reprint": QT_TRANSLATE_NOOP("DecisionName", "Reprint"),
    "accepted": QT_TRANSLATE_NOOP("DecisionName", "Accepted"),
    "refund": QT_TRANSLATE_NOOP("DecisionName", "Refund"),
    "reship": QT_TRANSLATE_NOOP("DecisionName", "Reship"),
    "approve": QT_TRANSLATE_NOOP("DecisionName", "Approve the count (adjust stock)"),
    "recount": QT_TRANSLATE_NOOP("DecisionName", "Count again"),
    "keep_waiting": QT_TRANSLATE_NOOP("DecisionName", "Accept the delay, keep waiting"),
    "return_to_stock": QT_TRANSLATE_NOOP("DecisionName", "Return to stock when it comes back"),
}
TRACKING_EVENTS = {  # desktop.partners.carriers.EVENT_KINDS: a shipment exception's story
    "picked_up": QT_TRANSLATE_NOOP("TrackingEventName", "Picked up"),
    "in_transit": QT_TRANSLATE_NOOP("TrackingEventName", "In transit"),
    "delayed": QT_TRANSLATE_NOOP("TrackingEventName", "Delayed"),
    "lost": QT_TRANSLATE_NOOP("TrackingEventName", "Lost"),
    "out_for_delivery": QT_TRANSLATE_NOOP("TrackingEventName", "Out for delivery"),
    "delivered": QT_TRANSLATE_NOOP("TrackingEventName", "Delivered"),
    "refused": QT_TRANSLATE_NOOP("TrackingEventName", "Refused"),
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
    "carrier_account_set": QT_TRANSLATE_NOOP("AuditActionName", "Carrier account saved"),
    "carrier_changed": QT_TRANSLATE_NOOP("AuditActionName", "Carrier changed"),
    "intercept_raised": QT_TRANSLATE_NOOP("AuditActionName", "Intercept raised"),
    "label_reprinted": QT_TRANSLATE_NOOP("AuditActionName", "Label reprinted"),
    "label_voided": QT_TRANSLATE_NOOP("AuditActionName", "Label voided"),
    "waybill_issued": QT_TRANSLATE_NOOP("AuditActionName", "Waybill number issued"),
    "waybills_allocated": QT_TRANSLATE_NOOP("AuditActionName", "Waybill numbers allocated"),
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
    "cli_checked": QT_TRANSLATE_NOOP("AuditActionName", "Command-line sign-in checked"),
    "key_rotated": QT_TRANSLATE_NOOP("AuditActionName", "Customer-data key rotated"),
    "key_rotation_started": QT_TRANSLATE_NOOP("AuditActionName", "Key rotation started"),
    "keys_exported": QT_TRANSLATE_NOOP("AuditActionName", "Keys exported"),
    "keys_imported": QT_TRANSLATE_NOOP("AuditActionName", "Keys imported"),
    "location_added": QT_TRANSLATE_NOOP("AuditActionName", "Location added"),
    "location_kind": QT_TRANSLATE_NOOP("AuditActionName", "Location kind changed"),
    "location_restored": QT_TRANSLATE_NOOP("AuditActionName", "Location restored"),
    "location_retired": QT_TRANSLATE_NOOP("AuditActionName", "Location retired"),
    "merchant_added": QT_TRANSLATE_NOOP("AuditActionName", "Merchant added"),
    "merchant_terms": QT_TRANSLATE_NOOP("AuditActionName", "Merchant terms changed"),
    "promotion_added": QT_TRANSLATE_NOOP("AuditActionName", "Promotion added"),
    "promotion_edited": QT_TRANSLATE_NOOP("AuditActionName", "Promotion edited"),
    "setup_imported": QT_TRANSLATE_NOOP("AuditActionName", "Set-up imported"),
    "sku_added": QT_TRANSLATE_NOOP("AuditActionName", "SKU added"),
    "sku_edited": QT_TRANSLATE_NOOP("AuditActionName", "SKU edited"),
    "sku_picture": QT_TRANSLATE_NOOP("AuditActionName", "SKU picture changed"),
    "sku_restored": QT_TRANSLATE_NOOP("AuditActionName", "SKU restored"),
    "sku_retired": QT_TRANSLATE_NOOP("AuditActionName", "SKU retired"),
    "station_edited": QT_TRANSLATE_NOOP("AuditActionName", "Station edited"),
    "station_role_refused": QT_TRANSLATE_NOOP("AuditActionName", "Station role refused"),
    "stock_adjusted": QT_TRANSLATE_NOOP("AuditActionName", "Stock adjusted"),
    "warehouse_added": QT_TRANSLATE_NOOP("AuditActionName", "Warehouse added"),
    "warehouse_edited": QT_TRANSLATE_NOOP("AuditActionName", "Warehouse edited"),
    "user_added": QT_TRANSLATE_NOOP("AuditActionName", "Person added"),
    "user_first_admin": QT_TRANSLATE_NOOP("AuditActionName", "First administrator"),
    "user_updated": QT_TRANSLATE_NOOP("AuditActionName", "Person changed"),
    "user_retired": QT_TRANSLATE_NOOP("AuditActionName", "Person retired"),
    "user_reinstated": QT_TRANSLATE_NOOP("AuditActionName", "Person reinstated"),
    "user_role_changed": QT_TRANSLATE_NOOP("AuditActionName", "Role changed"),
    "user_renamed": QT_TRANSLATE_NOOP("AuditActionName", "Person renamed"),
    "user_badge_set": QT_TRANSLATE_NOOP("AuditActionName", "Badge set"),
    "user_badge_removed": QT_TRANSLATE_NOOP("AuditActionName", "Badge removed"),
    "user_pin_set": QT_TRANSLATE_NOOP("AuditActionName", "PIN set"),
    "user_pin_cleared": QT_TRANSLATE_NOOP("AuditActionName", "PIN cleared"),
    "user_unlocked": QT_TRANSLATE_NOOP("AuditActionName", "Account unlocked"),
    "user_pin_changed": QT_TRANSLATE_NOOP("AuditActionName", "PIN changed"),
    "count_opened": QT_TRANSLATE_NOOP("AuditActionName", "Count opened"),
    "count_submitted": QT_TRANSLATE_NOOP("AuditActionName", "Count submitted"),
    "count_approved": QT_TRANSLATE_NOOP("AuditActionName", "Count approved"),
    "count_recount": QT_TRANSLATE_NOOP("AuditActionName", "Count to be done again"),
    "replenishment_task": QT_TRANSLATE_NOOP("AuditActionName", "Refill planned"),
    "replenishment_done": QT_TRANSLATE_NOOP("AuditActionName", "Pick face refilled"),
    "reservation_replanned": QT_TRANSLATE_NOOP("AuditActionName", "Reservation re-planned"),
    "order_restocked": QT_TRANSLATE_NOOP("AuditActionName", "Order released: stock arrived"),
    "transfer_requested": QT_TRANSLATE_NOOP("AuditActionName", "Transfer requested"),
    "transfer_picked": QT_TRANSLATE_NOOP("AuditActionName", "Transfer picked and sent"),
    "notice_written": QT_TRANSLATE_NOOP("AuditActionName", "Inbound notice written"),
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
    "stock": QT_TRANSLATE_NOOP("AuditEntityName", "Stock"),
    "warehouse": QT_TRANSLATE_NOOP("AuditEntityName", "Warehouse"),
    "location": QT_TRANSLATE_NOOP("AuditEntityName", "Location"),
    "merchant": QT_TRANSLATE_NOOP("AuditEntityName", "Merchant"),
    "promotion": QT_TRANSLATE_NOOP("AuditEntityName", "Promotion"),
    "station": QT_TRANSLATE_NOOP("AuditEntityName", "Station"),
    "key": QT_TRANSLATE_NOOP("AuditEntityName", "Key"),
    "stock_count": QT_TRANSLATE_NOOP("AuditEntityName", "Count"),
    "replenishment_task": QT_TRANSLATE_NOOP("AuditEntityName", "Refill task"),
    "stock_transfer": QT_TRANSLATE_NOOP("AuditEntityName", "Transfer"),
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
    "had_pin": QT_TRANSLATE_NOOP("AuditFieldName", "had a PIN"),
    "had_badge": QT_TRANSLATE_NOOP("AuditFieldName", "had a badge"),
    "was_locked": QT_TRANSLATE_NOOP("AuditFieldName", "was locked"),
    "signed_out": QT_TRANSLATE_NOOP("AuditFieldName", "signed out"),
    # counts, refills, transfers (docs/counts.md)
    "sku": QT_TRANSLATE_NOOP("AuditFieldName", "product"),
    "round": QT_TRANSLATE_NOOP("AuditFieldName", "round"),
    "lines": QT_TRANSLATE_NOOP("AuditFieldName", "lines"),
    "adjusted": QT_TRANSLATE_NOOP("AuditFieldName", "adjusted"),
    "waiting": QT_TRANSLATE_NOOP("AuditFieldName", "waiting for a supervisor"),
    "counted_by": QT_TRANSLATE_NOOP("AuditFieldName", "counted by"),
    "approved_by": QT_TRANSLATE_NOOP("AuditFieldName", "approved by"),
    "from_location": QT_TRANSLATE_NOOP("AuditFieldName", "from bin"),
    "to_location": QT_TRANSLATE_NOOP("AuditFieldName", "to bin"),
    "backordered": QT_TRANSLATE_NOOP("AuditFieldName", "backordered"),
    "moved": QT_TRANSLATE_NOOP("AuditFieldName", "moved"),
    "from_warehouse": QT_TRANSLATE_NOOP("AuditFieldName", "from warehouse"),
    "asn": QT_TRANSLATE_NOOP("AuditFieldName", "notice"),
    "taken": QT_TRANSLATE_NOOP("AuditFieldName", "taken"),
    "transfer": QT_TRANSLATE_NOOP("AuditFieldName", "transfer"),
    # the set-up import and the people services (their rows show in a fresh warehouse's log)
    "gtin": QT_TRANSLATE_NOOP("AuditFieldName", "GTIN"),
    "before": QT_TRANSLATE_NOOP("AuditFieldName", "before"),
    "after": QT_TRANSLATE_NOOP("AuditFieldName", "after"),
    "warehouses": QT_TRANSLATE_NOOP("AuditFieldName", "warehouses"),
    "locations": QT_TRANSLATE_NOOP("AuditFieldName", "locations"),
    "merchants": QT_TRANSLATE_NOOP("AuditFieldName", "merchants"),
    "skus": QT_TRANSLATE_NOOP("AuditFieldName", "SKUs"),
    "promotions": QT_TRANSLATE_NOOP("AuditFieldName", "promotions"),
    "users": QT_TRANSLATE_NOOP("AuditFieldName", "people"),
    "stock": QT_TRANSLATE_NOOP("AuditFieldName", "stock"),
    "name": QT_TRANSLATE_NOOP("AuditFieldName", "name"),
    "name_zh": QT_TRANSLATE_NOOP("AuditFieldName", "Chinese name"),
    "pin": QT_TRANSLATE_NOOP("AuditFieldName", "PIN"),
    "image": QT_TRANSLATE_NOOP("AuditFieldName", "picture"),
    "merchant": QT_TRANSLATE_NOOP("AuditFieldName", "merchant"),
    "warehouse": QT_TRANSLATE_NOOP("AuditFieldName", "warehouse"),
    "merchant_id": QT_TRANSLATE_NOOP("AuditFieldName", "merchant"),
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
    "opening_balance": QT_TRANSLATE_NOOP("AuditValueName", "opening balance"),
    "cycle": QT_TRANSLATE_NOOP("AuditValueName", "cycle count"),
    "short_pick": QT_TRANSLATE_NOOP("AuditValueName", "short pick"),
    "recount": QT_TRANSLATE_NOOP("AuditValueName", "count again"),
    "location": QT_TRANSLATE_NOOP("AuditValueName", "bin"),
    "sku": QT_TRANSLATE_NOOP("AuditValueName", "product"),
    "lot": QT_TRANSLATE_NOOP("AuditValueName", "lot"),
    "qty": QT_TRANSLATE_NOOP("AuditValueName", "quantity"),
    "variance": QT_TRANSLATE_NOOP("AuditValueName", "difference"),
    "applied": QT_TRANSLATE_NOOP("AuditValueName", "applied"),
    "added": QT_TRANSLATE_NOOP("AuditValueName", "added"),
    "updated": QT_TRANSLATE_NOOP("AuditValueName", "updated"),
    "retired": QT_TRANSLATE_NOOP("AuditValueName", "retired"),
    "unchanged": QT_TRANSLATE_NOOP("AuditValueName", "unchanged"),
}



# ─── after the parcel left: returns, feedback, the figures ────────────────────────

RMA_STATUS = {
    "requested": QT_TRANSLATE_NOOP("ReturnStatusName", "Requested"),
    "approved": QT_TRANSLATE_NOOP("ReturnStatusName", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("ReturnStatusName", "Rejected"),
    "received": QT_TRANSLATE_NOOP("ReturnStatusName", "Received"),
    "closed": QT_TRANSLATE_NOOP("ReturnStatusName", "Closed"),
}
DECISION_TEXT = {
    "restock": QT_TRANSLATE_NOOP("ReturnDecisionName", "Restock"),
    "quarantine": QT_TRANSLATE_NOOP("ReturnDecisionName", "Quarantine"),
    "repair": QT_TRANSLATE_NOOP("ReturnDecisionName", "Repair"),
    "scrap": QT_TRANSLATE_NOOP("ReturnDecisionName", "Scrap"),
}
RESOLUTION_TEXT = {
    "refund": QT_TRANSLATE_NOOP("ReturnResolutionName", "Refunded"),
    "reship": QT_TRANSLATE_NOOP("ReturnResolutionName", "Reshipped"),
    "repair": QT_TRANSLATE_NOOP("ReturnResolutionName", "Repaired"),
    "replace": QT_TRANSLATE_NOOP("ReturnResolutionName", "Replaced"),
}
STAGE_NAMES = {
    "released": QT_TRANSLATE_NOOP("FiguresStage", "Release"),
    "picked": QT_TRANSLATE_NOOP("FiguresStage", "Picking"),
    "packed": QT_TRANSLATE_NOOP("FiguresStage", "Packing"),
    "shipped": QT_TRANSLATE_NOOP("FiguresStage", "Shipping"),
    "delivered": QT_TRANSLATE_NOOP("FiguresStage", "Delivery"),
}
CATEGORY_NAMES = {
    "delivery_speed": QT_TRANSLATE_NOOP("FeedbackCategory", "Delivery speed"),
    "packaging": QT_TRANSLATE_NOOP("FeedbackCategory", "Packaging"),
    "product_quality": QT_TRANSLATE_NOOP("FeedbackCategory", "Product quality"),
    "service": QT_TRANSLATE_NOOP("FeedbackCategory", "Service"),
    "other": QT_TRANSLATE_NOOP("FeedbackCategory", "Other"),
}



def role_name(role: Role) -> str:
    return translate("Roles", ROLE_NAMES[Role(role)])


def order_status_name(status: str | None) -> str:
    return term("OrderStatusName", ORDER_STATUS, status)


def return_reason_name(reason: str | None) -> str:
    return term("ReturnReasonName", RETURN_REASON, reason)


def priority_name(priority: str | None) -> str:
    return term("PriorityName", PRIORITIES, priority)


def hold_reason_name(reason: str | None) -> str:
    return term("HoldReasonName", HOLD_REASONS, reason)


def kind_name(kind: str | None) -> str:
    return term("ExceptionKindName", KINDS, kind)


def exception_decision_name(decision: str | None) -> str:
    return term("DecisionName", DECISIONS, decision)


def tracking_event_name(kind: str | None) -> str:
    return term("TrackingEventName", TRACKING_EVENTS, kind)


def replenishment_status_name(status: str | None) -> str:
    return term("ReplenishmentStatusName", REPLENISHMENT_STATUS, status)


def replenishment_reason_name(reason: str | None) -> str:
    return term("ReplenishmentReasonName", REPLENISHMENT_REASON, reason)


def audit_action_name(action: str | None) -> str:
    return term("AuditActionName", AUDIT_ACTIONS, action)


def audit_entity_name(entity: str | None) -> str:
    return term("AuditEntityName", AUDIT_ENTITIES, entity)


def audit_field_name(field: str | None) -> str:
    return term("AuditFieldName", AUDIT_FIELDS, field)


def audit_value_name(value: str | None) -> str:
    return term("AuditValueName", AUDIT_VALUES, value)


def rma_status_name(status: str | None) -> str:
    return term("ReturnStatusName", RMA_STATUS, status)


def decision_name(decision: str | None) -> str:
    return term("ReturnDecisionName", DECISION_TEXT, decision)


def resolution_name(resolution: str | None) -> str:
    return term("ReturnResolutionName", RESOLUTION_TEXT, resolution)


def stage_name(stage: str | None) -> str:
    return term("FiguresStage", STAGE_NAMES, stage)


def category_name(category: str | None) -> str:
    return term("FeedbackCategory", CATEGORY_NAMES, category)
