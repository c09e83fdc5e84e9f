"""The typed change feed: every event survives a round trip through the stored row on both engines, and
rows written before the events were typed (or by a newer station) read back safely."""

from __future__ import annotations

import dataclasses
import types
import typing

import pytest
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain import events as ev
from desktop.services import feed

EVENT_CLASSES = sorted(set(ev.EVENT_TYPES.values()), key=lambda c: c.__name__)


def sample_value(name: str, hint: object, n: int) -> object:
    """A value of the field's type that differs from field to field (so a swapped field shows)."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        hint = next(a for a in args if a is not type(None))
        args = typing.get_args(hint)
    origin = typing.get_origin(hint) or hint
    if origin is str:
        return f"{name}-{n}"
    if origin is bool:
        return True  # the default of every flag is False: True shows it was carried
    if origin is int:
        return 10 + n
    if origin is tuple:
        return (f"{name}-a", f"{name}-b")
    if origin is dict:
        return {"reason": f"{name}-{n}", "count": n, "nested": {"k": [1, 2]}}
    raise AssertionError(f"no sample for {name}: {hint}")


def sample(cls: type[ev.Change]) -> ev.Change:
    hints = typing.get_type_hints(cls)
    values = {f.name: sample_value(f.name, hints[f.name], i) for i, f in enumerate(dataclasses.fields(cls))}
    return cls(**values)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'feed.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_empty_url")
    database = Database.open(url)
    yield database
    database.dispose()


def announce_all(db: Database, changes) -> None:
    with db.unit_of_work() as uow:
        for change in changes:
            if isinstance(change, ev.Change):
                uow.announce(change)
            else:
                topic, entity, payload = change
                uow.announce(topic, entity, **payload)
        uow.commit()


def read_back(db: Database, after: int) -> list[feed.FeedEntry]:
    with db.unit_of_work() as uow:
        return feed.read_since(uow, after, limit=10_000)


def start(db: Database) -> int:
    with db.unit_of_work() as uow:
        return feed.latest_id(uow)


def test_every_event_class_is_registered_under_its_topic_and_event():
    named = [getattr(ev, n) for n in ev.__all__]
    concrete = {c for c in named if isinstance(c, type) and issubclass(c, ev.Change) and c.event}
    assert concrete == set(EVENT_CLASSES)  # every event the module exports can be read back
    for (topic, event), cls in ev.EVENT_TYPES.items():
        assert cls.topic == topic and (cls.event == event or event in getattr(cls, "aliases", ()))
        assert cls.entity is None or cls.entity in {f.name for f in dataclasses.fields(cls)}


def test_every_event_round_trips_through_the_stored_row(db):
    after = start(db)
    originals = [sample(cls) for cls in EVENT_CLASSES]
    announce_all(db, originals)
    entries = read_back(db, after)
    assert [e.change for e in entries] == originals
    for entry, original in zip(entries, originals):
        assert (entry.topic, entry.entity_id) == (original.topic, original.entity_id)


def test_the_row_keeps_its_shape_topic_entity_and_a_json_payload_with_the_event_word(db):
    after = start(db)
    announce_all(db, [ev.BatchReassigned(batch_code="B-7", picker="li", from_picker="wang", reason="sick")])
    with db.unit_of_work() as uow:
        row = uow.session.scalars(select(models.ChangeFeedEntry).where(models.ChangeFeedEntry.id > after)).one()
        assert (row.topic, row.entity_id) == ("batches", "B-7")
        assert row.payload == {"event": "reassigned", "picker": "li", "from_picker": "wang", "reason": "sick"}


# Rows exactly as the services wrote them before the events were typed (keyword announcements).
LEGACY_ROWS = [
    (("orders", "M1-1", {"status": "ready"}), ev.OrderStatusChanged(order_no="M1-1", status="ready")),
    (("orders", "M1-2", {"status": "received", "reship_of": "M1-1"}),
     ev.ReshipCreated(order_no="M1-2", reship_of="M1-1", status="received")),
    (("orders", "M1-3", {"status": "ready", "event": "priority", "priority": "urgent"}),
     ev.OrderPriorityRaised(order_no="M1-3", priority="urgent", status="ready")),
    (("orders", None, {"event": "imported", "count": 5}), ev.OrdersImported(count=5)),
    (("batches", "B-1", {"event": "reassigned", "picker": "li", "from_picker": "wang", "reason": "r"}),
     ev.BatchReassigned(batch_code="B-1", picker="li", from_picker="wang", reason="r")),
    (("batches", "B-2", {"event": "changed", "picker": "wang", "orders_removed": ["M1-1"], "reason": "r"}),
     ev.BatchChanged(batch_code="B-2", picker="wang", orders_removed=("M1-1",), reason="r")),
    (("exceptions", "12", {"kind": "short_pick", "order": "M1-4"}),
     ev.ExceptionOpened(subject="12", kind="short_pick", order_no="M1-4")),
    (("exceptions", "P-1", {"kind": "not_manifested", "status": "open"}),
     ev.ExceptionOpened(subject="P-1", kind="not_manifested")),
    (("exceptions", "M1-5", {"kind": "refused", "status": "resolved"}),
     ev.ExceptionResolved(subject="M1-5", kind="refused")),
    (("exceptions", "13", {"event": "resolved", "kind": "short_pick", "decision": "wait"}),
     ev.ExceptionResolved(subject="13", kind="short_pick", decision="wait")),
    (("exceptions", "M1-6", {"event": "held", "gates": ["address", "price"]}),
     ev.OrderHeld(order_no="M1-6", gates=("address", "price"))),
    (("parcels", "P-2", {"order": "M1-7", "seq": 1, "event": "packed"}),
     ev.ParcelPacked(parcel_code="P-2", order_no="M1-7", seq=1)),
    (("stock", "SKU-1", {"event": "restock", "location": "A-01", "qty": 2}),
     ev.StockPutBack(sku="SKU-1", decision="restock", location="A-01", qty=2)),
    (("stock", None, {"event": "replenishment_status", "id": 4, "status": "sent"}),
     ev.ReplenishmentStatusChanged(id=4, status="sent")),
    (("returns", "R-1", {"event": "settled", "resolution": "refund", "amount": "12.50"}),
     ev.ReturnSettled(rma_no="R-1", resolution="refund", amount="12.50")),
    (("notifications", "M1-8", {"kind": "shipped", "channel": "sms"}),
     ev.NotificationQueued(order_no="M1-8", kind="shipped", channel="sms")),
    (("notifications", "M1-8", {"kind": "shipped", "status": "sent"}),
     ev.NotificationStatusChanged(order_no="M1-8", kind="shipped", status="sent")),
    (("tracking", "file.csv", {"added": 3}), ev.TrackingImported(source="file.csv", added=3)),
    (("feedback", "M1-9", {"score": 5, "category": None}), ev.FeedbackRecorded(order_no="M1-9", score=5)),
    (("stations", "PACK-1", {"user": "zhao", "event": "sign_in"}), ev.StationSignedIn(station="PACK-1", user="zhao")),
]


def test_rows_written_before_the_events_were_typed_read_back_as_events(db):
    after = start(db)
    announce_all(db, [row for row, _ in LEGACY_ROWS])
    assert [e.change for e in read_back(db, after)] == [change for _, change in LEGACY_ROWS]


def test_unknown_and_damaged_rows_read_back_as_unknown_changes_not_errors(db):
    after = start(db)
    announce_all(db, [("holograms", "H-1", {"event": "beamed"}),  # a newer station's topic
                      ("batches", "B-3", {"event": "teleported", "picker": "li"}),  # a newer event
                      ("stock", "SKU-2", {"event": "low_stock"}),  # a required field missing
                      ("batches", "B-4", {"event": 7})])  # not even a word
    with db.unit_of_work() as uow:  # and a payload that is not an object at all
        uow.session.add(models.ChangeFeedEntry(topic="orders", entity_id="M1-1", payload=["odd"]))
        uow.commit()
    changes = [e.change for e in read_back(db, after)]
    assert all(isinstance(c, ev.UnknownChange) for c in changes)
    assert [(c.row_topic, c.entity_id) for c in changes] == [
        ("holograms", "H-1"), ("batches", "B-3"), ("stock", "SKU-2"), ("batches", "B-4"), ("orders", "M1-1")]
    assert changes[0].payload == {"event": "beamed"}
    assert read_back(db, after)[0].topic == "holograms"


def test_a_new_station_reads_an_old_unknown_row_and_encodes_it_back_unchanged():
    row = ("holograms", "H-1", {"event": "beamed", "n": 1})
    assert ev.encode(ev.decode(*row)) == row
