"""The change feed's events: one frozen dataclass per kind of change a service announces.

A service writes `uow.announce(BatchReassigned(batch_code=..., picker=..., from_picker=...))`; the
row stored is unchanged in shape — `topic`, `entity_id` and a JSON `payload` — so stations on older
builds keep reading it. `desktop.services.feed` reads rows back as these classes (`decode`), and the
UI matches them by type (`match change: case BatchReassigned(picker=me): …`).

How a class maps to a row:
* `topic` (class variable): the row's topic, what `ui.live` filters on (orders, batches, …).
* `event` (class variable): written into the payload as `"event"`; with the topic it names the class
  when the row is read back. Older rows written before this module carry the same words (or none:
  see `_LEGACY`), so they decode to the same classes.
* `entity` (class variable): the name of the field stored in the row's `entity_id` column (text);
  every other field goes into the payload under its own name.

Adding an event: write a dataclass here with `topic`, `event` and `entity`, decorate it with
`@_register`, give optional fields defaults (rows written before a field existed still decode),
and announce it. A row no class claims, or one missing a required field, decodes to
`UnknownChange` — never an exception: a station must survive a newer station's events.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar

__all__ = [
    "Change", "UnknownChange", "decode", "encode", "EVENT_TYPES", "OrderChange", "BatchChange", "ReturnChange",
    # orders
    "OrderStatusChanged", "OrderReleased", "OrderHeld", "OrderPriorityRaised", "OrderReassigned",
    "AddressCorrected", "ReshipCreated", "OrdersImported", "DemoBuilt", "OrdersMerged", "OrderSplit",
    "OrderLeftMerge",
    # batches
    "BatchAssigned", "BatchStarted", "ItemPicked", "BatchDone", "BatchReplanned", "BatchReassigned", "BatchChanged",
    "BatchOrderCancelled", "ToteSwapped", "WaveReleased",
    # exceptions
    "ExceptionOpened", "ExceptionResolved",
    # parcels, print, manifests
    "ParcelPacked", "ParcelLabelled", "ParcelManifested", "ManifestClosed", "PrintQueued", "ReprintRequested",
    # stock
    "ReplenishmentRequested", "LowStock", "ReplenishmentStatusChanged", "StockPutBack",
    # inbound
    "NoticesImported", "NoticeReceiving", "NoticeClosed", "StockPutAway",
    # after the parcel left
    "ReturnRequested", "ReturnReceived", "ReturnInspected", "ReturnDecided", "ReturnSettled",
    "TrackingImported", "FeedbackRecorded", "NotificationQueued", "NotificationStatusChanged",
    # stations
    "StationSignedIn", "StationSignedOut",
    # the mall's settings
    "MallSettingChanged",
]


@dataclass(frozen=True)
class Change:
    """Base of every feed event."""

    topic: ClassVar[str] = ""
    event: ClassVar[str] = ""
    entity: ClassVar[str | None] = None  # the field stored as the row's entity_id

    @property
    def entity_id(self) -> str | None:
        if self.entity is None:
            return None
        value = getattr(self, self.entity)
        return None if value is None else str(value)


@dataclass(frozen=True)
class UnknownChange(Change):
    """A row no class claims (a newer station's event, or a damaged row): shown to nobody, kept for logs."""

    row_topic: str = ""
    row_entity_id: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)

    @property
    def entity_id(self) -> str | None:
        return self.row_entity_id


EVENT_TYPES: dict[tuple[str, str], type[Change]] = {}


def _register(cls: type[Change]) -> type[Change]:
    key = (cls.topic, cls.event)
    assert key not in EVENT_TYPES, f"two events for {key}"
    EVENT_TYPES[key] = cls
    for alias in getattr(cls, "aliases", ()):
        EVENT_TYPES[(cls.topic, alias)] = cls
    return cls


# ─── orders ─────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class OrderChange(Change):
    """Base of the events on topic "orders": whatever changed about orders (match it for "any order news")."""

    topic: ClassVar[str] = "orders"


@_register
@dataclass(frozen=True)
class OrderStatusChanged(OrderChange):
    """An order moved in its lifecycle (`desktop.services.orders.change_status`)."""

    event: ClassVar[str] = "status"
    entity: ClassVar[str] = "order_no"
    order_no: str
    status: str


@_register
@dataclass(frozen=True)
class OrdersMerged(OrderChange):
    """Intake merged orders of one buyer into one shipment (合单, `desktop.services.shaping`)."""

    event: ClassVar[str] = "merged"
    entity: ClassVar[str] = "group"
    group: str
    order_nos: tuple[str, ...] = ()


@_register
@dataclass(frozen=True)
class OrderSplit(OrderChange):
    """Intake split an order one warehouse could not fill: `part_no` ships from `warehouse` (拆单)."""

    event: ClassVar[str] = "split"
    entity: ClassVar[str] = "order_no"
    order_no: str
    part_no: str = ""
    warehouse: str = ""


@_register
@dataclass(frozen=True)
class OrderLeftMerge(OrderChange):
    """An order left its merged shipment (cancelled before picking): the group ships without it."""

    event: ClassVar[str] = "left_merge"
    entity: ClassVar[str] = "order_no"
    order_no: str
    group: str = ""


@_register
@dataclass(frozen=True)
class OrderReleased(OrderChange):
    """A supervisor released a held or backordered order; `result` is the status it reached."""

    event: ClassVar[str] = "released"
    entity: ClassVar[str] = "order_no"
    order_no: str
    result: str


@_register
@dataclass(frozen=True)
class OrderPriorityRaised(OrderChange):
    event: ClassVar[str] = "priority"
    entity: ClassVar[str] = "order_no"
    order_no: str
    priority: str
    status: str | None = None


@_register
@dataclass(frozen=True)
class OrderReassigned(OrderChange):
    """One order moved to another picker's batch (the batches get their own events)."""

    event: ClassVar[str] = "reassigned"
    entity: ClassVar[str] = "order_no"
    order_no: str
    picker: str
    status: str | None = None


@_register
@dataclass(frozen=True)
class AddressCorrected(OrderChange):
    event: ClassVar[str] = "address_corrected"
    entity: ClassVar[str] = "order_no"
    order_no: str
    status: str | None = None


@_register
@dataclass(frozen=True)
class ReshipCreated(OrderChange):
    """A return settled by reshipping made a new order (`order_no`) copying `reship_of`."""

    event: ClassVar[str] = "reship"
    entity: ClassVar[str] = "order_no"
    order_no: str
    reship_of: str
    status: str = "received"


@_register
@dataclass(frozen=True)
class OrdersImported(OrderChange):
    event: ClassVar[str] = "imported"
    count: int = 0


@_register
@dataclass(frozen=True)
class DemoBuilt(OrderChange):
    event: ClassVar[str] = "demo_built"


@_register
@dataclass(frozen=True)
class OrderHeld(Change):
    """Intake held an order at one or more gates (announced on "exceptions": it opens hold cases)."""

    topic: ClassVar[str] = "exceptions"
    event: ClassVar[str] = "held"
    entity: ClassVar[str] = "order_no"
    order_no: str
    gates: tuple[str, ...] = ()


# ─── batches ────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class BatchChange(Change):
    """Base of the events on topic "batches"."""

    topic: ClassVar[str] = "batches"
    entity: ClassVar[str] = "batch_code"
    batch_code: str
    picker: str | None = None


@_register
@dataclass(frozen=True)
class BatchAssigned(BatchChange):
    event: ClassVar[str] = "assigned"


@_register
@dataclass(frozen=True)
class BatchStarted(BatchChange):
    event: ClassVar[str] = "started"


@_register
@dataclass(frozen=True)
class ItemPicked(BatchChange):
    event: ClassVar[str] = "picked"
    task: int | None = None


@_register
@dataclass(frozen=True)
class BatchDone(BatchChange):
    event: ClassVar[str] = "done"


@_register
@dataclass(frozen=True)
class BatchReplanned(BatchChange):
    """A short pick re-planned the rest of the batch's walk."""

    event: ClassVar[str] = "replanned"
    task: int | None = None


@_register
@dataclass(frozen=True)
class BatchReassigned(BatchChange):
    """The batch is now `picker`'s; it was `from_picker`'s (the same login: it stays theirs, but changed)."""

    event: ClassVar[str] = "reassigned"
    from_picker: str | None = None
    reason: str | None = None


@_register
@dataclass(frozen=True)
class BatchChanged(BatchChange):
    """Orders were taken out of the batch; it stays its picker's."""

    event: ClassVar[str] = "changed"
    orders_removed: tuple[str, ...] = ()
    reason: str | None = None


@_register
@dataclass(frozen=True)
class BatchOrderCancelled(BatchChange):
    """An order of a claimed batch was cancelled: its open stops left the route (docs/waves.md).

    `totes` hold units already picked for it (`put_back` of them): at the drop-off they are marked
    "cancelled — do not pack"; `done` says the batch had nothing else left to pick."""

    event: ClassVar[str] = "order_cancelled"
    order_no: str = ""
    totes: tuple[str, ...] = ()
    put_back: int = 0
    stops_removed: int = 0
    done: bool = False


@_register
@dataclass(frozen=True)
class ToteSwapped(BatchChange):
    """At the cart the picker bound `tote` (a free one, or a new one) instead of the suggested `replaces`."""

    event: ClassVar[str] = "tote_swapped"
    tote: str = ""
    replaces: str = ""


@_register
@dataclass(frozen=True)
class WaveReleased(Change):
    """A wave was released (or urgent arrivals planned): new carts wait for pickers."""

    topic: ClassVar[str] = "batches"
    event: ClassVar[str] = "wave_released"
    entity: ClassVar[str] = "wave_code"
    wave_code: str
    kind: str = "multi"
    carts: int = 0
    orders: int = 0


# ─── exceptions ─────────────────────────────────────────────────────────────────


@_register
@dataclass(frozen=True)
class ExceptionOpened(Change):
    """An exception case was opened. `subject` is what the announcing service keyed it by: the case's id
    (short pick, print failure), the order (tracking: delayed, refused, lost), the parcel (not handed
    over) or the station action (journal conflict)."""

    topic: ClassVar[str] = "exceptions"
    event: ClassVar[str] = "opened"
    entity: ClassVar[str] = "subject"
    subject: str | None
    kind: str
    order_no: str | None = None


@_register
@dataclass(frozen=True)
class ExceptionResolved(Change):
    """An exception case was settled: by a supervisor's `decision`, or by the work itself (`decision` None)."""

    topic: ClassVar[str] = "exceptions"
    event: ClassVar[str] = "resolved"
    entity: ClassVar[str] = "subject"
    subject: str | None
    kind: str
    decision: str | None = None


# ─── parcels, print, manifests ──────────────────────────────────────────────────


@_register
@dataclass(frozen=True)
class ParcelPacked(Change):
    topic: ClassVar[str] = "parcels"
    event: ClassVar[str] = "packed"
    entity: ClassVar[str] = "parcel_code"
    parcel_code: str
    order_no: str | None = None
    seq: int | None = None


@_register
@dataclass(frozen=True)
class ParcelLabelled(Change):
    topic: ClassVar[str] = "parcels"
    event: ClassVar[str] = "labelled"
    entity: ClassVar[str] = "parcel_code"
    parcel_code: str


@_register
@dataclass(frozen=True)
class ParcelManifested(Change):
    topic: ClassVar[str] = "parcels"
    event: ClassVar[str] = "manifested"
    entity: ClassVar[str] = "parcel_code"
    parcel_code: str
    manifest: str | None = None
    carrier: str | None = None


@_register
@dataclass(frozen=True)
class ManifestClosed(Change):
    topic: ClassVar[str] = "manifests"
    event: ClassVar[str] = "closed"
    entity: ClassVar[str] = "manifest_no"
    manifest_no: str
    carrier: str | None = None


@_register
@dataclass(frozen=True)
class PrintQueued(Change):
    topic: ClassVar[str] = "print"
    event: ClassVar[str] = "queued"
    entity: ClassVar[str] = "order_no"
    order_no: str
    jobs: int = 0


@_register
@dataclass(frozen=True)
class ReprintRequested(Change):
    topic: ClassVar[str] = "print"
    event: ClassVar[str] = "reprint"
    entity: ClassVar[str] = "parcel_id"
    parcel_id: str | None
    exception: int | None = None
    detail: dict[str, Any] = field(default_factory=dict)


# ─── stock ──────────────────────────────────────────────────────────────────────


@_register
@dataclass(frozen=True)
class ReplenishmentRequested(Change):
    topic: ClassVar[str] = "stock"
    event: ClassVar[str] = "replenishment"
    entity: ClassVar[str] = "sku"
    sku: str
    reason: str
    qty: int


@_register
@dataclass(frozen=True)
class LowStock(Change):
    topic: ClassVar[str] = "stock"
    event: ClassVar[str] = "low_stock"
    entity: ClassVar[str] = "sku"
    sku: str
    available: int
    threshold: int | None = None


@_register
@dataclass(frozen=True)
class ReplenishmentStatusChanged(Change):
    topic: ClassVar[str] = "stock"
    event: ClassVar[str] = "replenishment_status"
    id: int
    status: str


@_register
@dataclass(frozen=True)
class NoticesImported(Change):
    topic: ClassVar[str] = "inbound"
    event: ClassVar[str] = "notices_imported"
    count: int


@_register
@dataclass(frozen=True)
class NoticeReceiving(Change):
    """Scans were recorded against a notice (`units` that stay, this time)."""

    topic: ClassVar[str] = "inbound"
    event: ClassVar[str] = "receiving"
    entity: ClassVar[str] = "asn_no"
    asn_no: str
    units: int = 0


@_register
@dataclass(frozen=True)
class NoticeClosed(Change):
    topic: ClassVar[str] = "inbound"
    event: ClassVar[str] = "closed"
    entity: ClassVar[str] = "asn_no"
    asn_no: str
    accepted: int = 0
    quarantined: int = 0
    refused: int = 0


@_register
@dataclass(frozen=True)
class StockPutAway(Change):
    """Units moved from the dock (or another bin) into a bin."""

    topic: ClassVar[str] = "stock"
    event: ClassVar[str] = "put_away"
    entity: ClassVar[str] = "sku"
    sku: str
    location: str
    qty: int
    from_location: str | None = None


@_register
@dataclass(frozen=True)
class StockPutBack(Change):
    """A returned line went back to a shelf or to quarantine (`decision`)."""

    topic: ClassVar[str] = "stock"
    event: ClassVar[str] = "put_back"
    aliases: ClassVar[tuple[str, ...]] = ("restock", "quarantine")  # older rows: the decision as the event
    entity: ClassVar[str] = "sku"
    sku: str
    decision: str
    location: str | None = None
    qty: int = 0


# ─── returns, tracking, feedback, notifications ─────────────────────────────────


@dataclass(frozen=True)
class ReturnChange(Change):
    """Base of the events on topic "returns"."""

    topic: ClassVar[str] = "returns"
    entity: ClassVar[str] = "rma_no"
    rma_no: str


@_register
@dataclass(frozen=True)
class ReturnRequested(ReturnChange):
    event: ClassVar[str] = "requested"
    order: str | None = None
    status: str | None = None


@_register
@dataclass(frozen=True)
class ReturnReceived(ReturnChange):
    event: ClassVar[str] = "received"


@_register
@dataclass(frozen=True)
class ReturnInspected(ReturnChange):
    event: ClassVar[str] = "inspected"
    line: int | None = None


@_register
@dataclass(frozen=True)
class ReturnDecided(ReturnChange):
    event: ClassVar[str] = "decided"
    line: int | None = None
    decision: str | None = None


@_register
@dataclass(frozen=True)
class ReturnSettled(ReturnChange):
    event: ClassVar[str] = "settled"
    resolution: str | None = None
    amount: str | None = None  # a refund's amount, as text (Decimal)
    new_order: str | None = None  # a reship's new order


@_register
@dataclass(frozen=True)
class TrackingImported(Change):
    topic: ClassVar[str] = "tracking"
    event: ClassVar[str] = "imported"
    entity: ClassVar[str] = "source"
    source: str
    added: int = 0


@_register
@dataclass(frozen=True)
class FeedbackRecorded(Change):
    topic: ClassVar[str] = "feedback"
    event: ClassVar[str] = "recorded"
    entity: ClassVar[str] = "order_no"
    order_no: str
    score: int | None = None
    category: str | None = None


@_register
@dataclass(frozen=True)
class NotificationQueued(Change):
    topic: ClassVar[str] = "notifications"
    event: ClassVar[str] = "queued"
    entity: ClassVar[str] = "order_no"
    order_no: str
    kind: str
    channel: str | None = None


@_register
@dataclass(frozen=True)
class NotificationStatusChanged(Change):
    topic: ClassVar[str] = "notifications"
    event: ClassVar[str] = "status"
    entity: ClassVar[str] = "order_no"
    order_no: str
    kind: str
    status: str


# ─── stations ───────────────────────────────────────────────────────────────────


@_register
@dataclass(frozen=True)
class StationSignedIn(Change):
    topic: ClassVar[str] = "stations"
    event: ClassVar[str] = "sign_in"
    entity: ClassVar[str] = "station"
    station: str | None
    user: str


@_register
@dataclass(frozen=True)
class StationSignedOut(Change):
    topic: ClassVar[str] = "stations"
    event: ClassVar[str] = "sign_out"
    entity: ClassVar[str] = "station"
    station: str | None
    user: str


@_register
@dataclass(frozen=True)
class MallSettingChanged(Change):
    """An admin changed a setting of the mall (`merge_window_minutes`: `desktop.services.shaping`)."""

    topic: ClassVar[str] = "settings"
    event: ClassVar[str] = "mall"
    entity: ClassVar[str] = "key"
    key: str
    value: int = 0


# ─── rows ───────────────────────────────────────────────────────────────────────


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def encode(change: Change) -> tuple[str, str | None, dict[str, Any]]:
    """The row a change is stored as: (topic, entity_id, payload)."""
    if isinstance(change, UnknownChange):
        return change.row_topic, change.row_entity_id, dict(change.payload)
    payload: dict[str, Any] = {"event": change.event}
    for f in dataclasses.fields(change):
        if f.name != change.entity:
            payload[f.name] = _jsonable(getattr(change, f.name))
    return change.topic, change.entity_id, payload


def _legacy_event(topic: str, payload: dict[str, Any]) -> str | None:
    """The event word of a row written before events were typed, when it had none."""
    if topic == "orders":
        return "reship" if "reship_of" in payload else "status"
    if topic == "exceptions":
        return "resolved" if payload.get("status") == "resolved" else "opened"
    if topic == "notifications":
        return "status" if "status" in payload else "queued"
    if topic == "tracking":
        return "imported"
    if topic == "feedback":
        return "recorded"
    return None


# Fields older rows stored under another name.
_RENAMED = {"order": "order_no"}


def decode(topic: str, entity_id: str | None, payload: dict[str, Any] | None) -> Change:
    """The change a stored row records; `UnknownChange` when no class claims it or it lacks a field."""
    data = dict(payload or {})
    event = data.get("event")
    if not isinstance(event, str):
        event = _legacy_event(topic, data)
    cls = EVENT_TYPES.get((topic, event)) if event is not None else None
    if cls is None:
        return UnknownChange(row_topic=topic, row_entity_id=entity_id, payload=data)
    names = {f.name: f for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        name = key if key in names else _RENAMED.get(key)
        if name in names and name != cls.entity and name not in values:
            values[name] = value
    if cls.entity is not None:
        values[cls.entity] = entity_id
    if cls is StockPutBack and "decision" not in values:
        values["decision"] = event
    for name, f in names.items():
        if name in values and isinstance(values[name], list) and "tuple" in str(f.type):
            values[name] = tuple(values[name])
    try:
        return cls(**values)
    except TypeError:  # a required field is missing
        return UnknownChange(row_topic=topic, row_entity_id=entity_id, payload=data)
