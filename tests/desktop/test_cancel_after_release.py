"""An order cancelled after release (issue 20 item 2), on SQLite and PostgreSQL: before its cart is
claimed, mid-pick with some of its stops picked, and at the packer — and the database's own refusal
of a parcel for it."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import DatabaseError

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from desktop.domain.events import BatchOrderCancelled
from desktop.domain.roles import Role
from desktop.services import cancellation, feed, packing, picking, waves
from desktop.services.stock import verify_ledger
from desktop.services.supervision import orders as supervision

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=timezone.utc)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    database = Database.open(url)
    build_demo(database, orders=80, seed=5, as_of=TODAY)
    with database.unit_of_work() as uow:  # the demo's carts on the floor are picker1's: picker2 is free
        p1 = uow.session.scalar(select(models.User.id).where(models.User.login == "picker1"))
        uow.session.execute(update(models.PickBatch).where(models.PickBatch.status.in_(("assigned", "picking")))
                            .values(picker_id=p1))
        uow.commit()
    yield database
    database.dispose()


def actor(db: Database, login: str) -> Actor:
    with db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == login))
        return Actor(u.id, u.login, u.display_name, Role(u.role), "TEST")


def call(db: Database, login: str, fn, *args, **kwargs):
    with db.unit_of_work(actor(db, login)) as uow:
        return fn(uow, *args, **kwargs)


def read(db: Database, query):
    with db.unit_of_work() as uow:
        return uow.session.execute(query).all()


def claimed_cart(db: Database) -> picking.BatchView:
    call(db, "super1", waves.release_wave, warehouse="SZ1", rule=waves.WaveRule(max_orders=8), now=NOW)
    view = call(db, "picker2", picking.next_batch, today=TODAY, now=NOW)
    assert len(view.orders) >= 2
    return view


def reserved(db: Database) -> int:
    return read(db, select(func.coalesce(func.sum(models.Stock.reserved), 0)))[0][0]


def latest_feed_id(db: Database) -> int:
    with db.unit_of_work() as uow:
        return feed.latest_id(uow) or 0


def test_cancelled_before_its_cart_is_claimed_it_never_reaches_a_picker(db: Database) -> None:
    wave = call(db, "super1", waves.release_wave, warehouse="SZ1", rule=waves.WaveRule(max_orders=4), now=NOW)
    O = models.Order
    victim = read(db, select(O.order_no).join(models.Wave, O.wave_id == models.Wave.id)
                  .where(models.Wave.code == wave.code).order_by(O.id).limit(1))[0][0]
    before = reserved(db)
    call(db, "super1", supervision.cancel_order, victim, "customer cancelled")
    assert reserved(db) < before  # its reservations went back at once
    view = call(db, "picker2", picking.next_batch, today=TODAY, now=NOW)
    assert victim not in view.orders
    assert read(db, select(func.count()).select_from(models.PutBack))[0][0] == 0  # nothing was picked


def test_cancelled_mid_pick_its_stops_leave_the_route_and_the_picked_units_go_back(db: Database) -> None:
    view = claimed_cart(db)
    victim = view.orders[0]
    mine = [s for s in view.stops if s.order_no == victim]
    first = mine[0]
    call(db, "picker2", picking.confirm_pick, first.task_id, first.qty, first.lot_code, "c-1")
    before, after_id = reserved(db), latest_feed_id(db)
    still_reserved = sum(s.qty for s in mine[1:])

    call(db, "super1", supervision.cancel_order, victim, "customer cancelled in the app")

    # The rest of its reservation went back; the other orders' stays.
    assert reserved(db) == before - still_reserved
    now = call(db, "picker2", picking.batch_view, view.code, today=TODAY)
    # skipped in the database; the picker's view says why
    assert {s.status for s in now.stops if s.order_no == victim and s.task_id != first.task_id} <= {"cancelled"}
    assert all(s.order_no != victim for s in now.open_stops) and now.open_stops
    # The picker's station hears it on the feed, with the tote that holds units of it.
    with db.unit_of_work() as uow:
        told = [e.change for e in feed.read_since(uow, after_id) if isinstance(e.change, BatchOrderCancelled)]
    assert len(told) == 1 and told[0].order_no == victim and told[0].batch_code == view.code
    assert told[0].picker == "picker2" and told[0].put_back == first.qty and told[0].totes == (first.tote_code,)
    assert told[0].stops_removed == len(mine) - 1 and not told[0].done
    # A scan of its item at the shelf is refused with the reason; nothing is recorded.
    if len(mine) > 1:
        with pytest.raises(picking.OrderCancelledAtShelf) as refused:
            call(db, "picker2", picking.confirm_pick, mine[1].task_id, mine[1].qty, mine[1].lot_code, "c-2")
        assert victim in refused.value.message and mine[1].location_code in refused.value.message
    # The units picked for it: one put-back to the bin they came from; at the bench the tote is refused.
    backs = call(db, "packer1", cancellation.open_put_backs, tote=first.tote_code)
    assert [(b.order_no, b.qty, b.location_code) for b in backs] == [(victim, first.qty, first.location_code)]
    with pytest.raises(cancellation.OrderCancelled) as at_bench:
        call(db, "packer1", packing.open_for_packing, first.tote_code, today=TODAY)
    assert "do not pack" in at_bench.value.message and first.location_code in at_bench.value.message
    with pytest.raises(cancellation.PutBackRefused):
        call(db, "packer1", cancellation.put_back, backs[0].id, "Z-99-99-9")
    on_hand = read(db, select(models.Stock.on_hand).join(models.Location)
                   .where(models.Location.code == first.location_code,
                          models.Stock.sku_id == select(models.Sku.id).where(models.Sku.sku_code == first.sku)
                          .scalar_subquery()))
    call(db, "packer1", cancellation.put_back, backs[0].id, first.location_code)
    assert read(db, select(models.Stock.on_hand).join(models.Location)
                .where(models.Location.code == first.location_code,
                       models.Stock.sku_id == select(models.Sku.id).where(models.Sku.sku_code == first.sku)
                       .scalar_subquery())) != on_hand
    assert read(db, select(models.Tote.status).where(models.Tote.code == first.tote_code)) == [("free",)]
    with db.unit_of_work() as uow:
        assert verify_ledger(uow) == []
    # The rest of the cart picks to the end as before.
    for s in call(db, "picker2", picking.batch_view, view.code, today=TODAY).open_stops:
        call(db, "picker2", picking.confirm_pick, s.task_id, s.qty, s.lot_code, f"r-{s.task_id}")
    assert read(db, select(models.PickBatch.status).where(models.PickBatch.code == view.code)) == [("done",)]


def test_the_last_open_order_of_a_cart_cancelled_finishes_the_cart(db: Database) -> None:
    view = claimed_cart(db)
    victim = view.orders[-1]
    for s in view.stops:
        if s.order_no != victim:
            call(db, "picker2", picking.confirm_pick, s.task_id, s.qty, s.lot_code, f"o-{s.task_id}")
    after_id = latest_feed_id(db)
    call(db, "super1", supervision.cancel_order, victim, "customer cancelled")
    with db.unit_of_work() as uow:
        told = [e.change for e in feed.read_since(uow, after_id) if isinstance(e.change, BatchOrderCancelled)]
    assert told and told[0].done and told[0].put_back == 0 and told[0].totes == ()
    assert read(db, select(models.PickBatch.status).where(models.PickBatch.code == view.code)) == [("done",)]


def test_cancelled_at_the_packer_it_cannot_be_packed_nor_get_a_parcel(db: Database) -> None:
    view = claimed_cart(db)
    victim = view.orders[0]
    for s in view.stops:
        call(db, "picker2", picking.confirm_pick, s.task_id, s.qty, s.lot_code, f"p-{s.task_id}")
    opened = call(db, "packer1", packing.open_for_packing, victim, today=TODAY)
    contents = [(ln.line_no, None, ln.qty) for ln in opened.lines]
    call(db, "super1", supervision.cancel_order, victim, "customer cancelled")
    with pytest.raises(cancellation.OrderCancelled) as refused:
        call(db, "packer1", packing.open_for_packing, victim, today=TODAY)
    units = sum(s.qty for s in view.stops if s.order_no == victim)
    assert sum(b.qty for b in refused.value.put_backs) == units
    with pytest.raises(cancellation.OrderCancelled):
        call(db, "packer1", packing.pack_parcel, victim, contents, "S", 500, "SF", "standard", action_id="k-1",
             today=TODAY)
    # Whatever a station's code does, the database makes no parcel for a cancelled order.
    order_id = read(db, select(models.Order.id).where(models.Order.order_no == victim))[0][0]
    with pytest.raises(DatabaseError), db.unit_of_work() as uow:
        uow.session.execute(text("INSERT INTO parcels (code, order_id, seq, of, carton, status, reprints) "
                                 "VALUES ('PCL-T20C', :o, 1, 1, 'S', 'sealed', 0)"), {"o": order_id})
        uow.session.flush()
    assert read(db, select(func.count()).select_from(models.Parcel).where(models.Parcel.order_id == order_id)) \
        == [(0,)]


def test_put_backs_from_the_command_line(db: Database, capsys, sign_in_as) -> None:
    from desktop.cli import main

    view = claimed_cart(db)
    first = view.stops[0]
    call(db, "picker2", picking.confirm_pick, first.task_id, first.qty, first.lot_code, "cli-1")
    call(db, "super1", supervision.cancel_order, first.order_no, "customer cancelled")
    url = db.url
    assert main(["putback", "list", "--tote", first.tote_code, "--json", "--db", url,
                 *sign_in_as("packer1", "3333")]) == 0
    rows = __import__("json").loads(capsys.readouterr().out)
    assert [(r["order_no"], r["qty"], r["location_code"]) for r in rows] == [
        (first.order_no, first.qty, first.location_code)]
    assert main(["putback", "done", str(rows[0]["id"]), "--bin", "NOPE-1", "--db", url,
                 *sign_in_as("packer1", "3333")]) == 2
    err = capsys.readouterr().err
    assert first.location_code in err and "Traceback" not in err
    assert main(["putback", "done", str(rows[0]["id"]), "--bin", first.location_code, "--db", url,
                 *sign_in_as("packer1", "3333")]) == 0
    assert "put back" in capsys.readouterr().out
    assert call(db, "packer1", cancellation.open_put_backs) == []
