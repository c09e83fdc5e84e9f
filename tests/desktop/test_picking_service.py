"""Picking services on SQLite and PostgreSQL: claiming, confirming, refusals, short picks, reassignment."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import func, select, update

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from desktop.domain.errors import NotAllowed
from desktop.domain.roles import Role
from desktop.services import picking

TODAY = date(2026, 11, 23)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    database = Database.open(url)
    build_demo(database, orders=40, seed=3, as_of=TODAY)
    yield database
    database.dispose()


def actor(db: Database, login: str) -> Actor:
    with db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == login))
        return Actor(u.id, u.login, u.display_name, Role(u.role), "TEST")


def call(db: Database, login: str, fn, *args, **kwargs):
    with db.unit_of_work(actor(db, login)) as uow:
        return fn(uow, *args, **kwargs)


def scalar(db: Database, query):
    with db.unit_of_work() as uow:
        return uow.session.scalar(query)


def planned(db: Database, login: str = "picker2") -> picking.BatchView:
    view = call(db, login, picking.next_batch, today=TODAY)
    assert view.picker == login and view.status == "picking"
    return view


def test_next_batch_gives_the_assigned_batch_first_without_customer_data(db: Database) -> None:
    assigned = scalar(db, select(models.PickBatch.code).join(models.User, models.PickBatch.picker_id == models.User.id)
                      .where(models.User.login == "picker1", models.PickBatch.status.in_(("assigned", "picking")))
                      .order_by(models.PickBatch.id))
    view = call(db, "picker1", picking.next_batch, today=TODAY)
    assert view.code == assigned and view.stops
    with db.unit_of_work() as uow:
        names = [uow.sealer.open(o.customer_name_sealed, "customer_name", o.order_no)
                 for o in uow.session.scalars(select(models.Order).where(models.Order.order_no.in_(view.orders)))]
        phones = [uow.sealer.open(o.customer_phone_sealed, "customer_phone", o.order_no)
                  for o in uow.session.scalars(select(models.Order).where(models.Order.order_no.in_(view.orders)))]
    text = repr(view)
    assert all(name not in text for name in names) and all(phone not in text for phone in phones)
    assert "customer" not in text
    # Asked again, the same batch comes back (nothing new is planned).
    assert call(db, "picker1", picking.next_batch, today=TODAY).code == assigned


def test_planned_batch_claims_ready_orders_with_a_tote_each(db: Database) -> None:
    ready_before = scalar(db, select(func.count()).select_from(models.Order).where(models.Order.status == "ready"))
    view = planned(db)
    assert view.distance_m > 0 and [s.seq for s in view.stops] == list(range(1, len(view.stops) + 1))
    with db.unit_of_work() as uow:
        orders = uow.session.scalars(select(models.Order).where(models.Order.order_no.in_(view.orders))).all()
        assert {o.status for o in orders} == {"picking"}
        assert {o.assigned_picker.login for o in orders} == {"picker2"}
        reserved = sum(r.qty for o in orders for ln in o.lines for r in ln.reservations)
        assert reserved == sum(s.qty for s in view.stops)
        totes = {}
        for s in view.stops:
            totes.setdefault(s.order_no, set()).add(s.tote_code)
        assert all(len(t) == 1 for t in totes.values()) and len({next(iter(t)) for t in totes.values()}) == len(totes)
        feed = uow.session.scalars(select(models.ChangeFeedEntry).where(models.ChangeFeedEntry.topic == "batches",
                                                                        models.ChangeFeedEntry.entity_id == view.code)).all()
        assert any(f.payload == {"event": "assigned", "picker": "picker2"} for f in feed)
    ready_after = scalar(db, select(func.count()).select_from(models.Order).where(models.Order.status == "ready"))
    assert ready_after == ready_before - len(view.orders)


def test_a_packer_may_not_take_a_batch(db: Database) -> None:
    with pytest.raises(NotAllowed):
        call(db, "packer1", picking.next_batch, today=TODAY)


def stock_of(db: Database, task_id: int) -> tuple[int, int]:
    with db.unit_of_work() as uow:
        st = uow.session.get(models.PickTask, task_id).stock
        return st.on_hand, st.reserved


def test_confirming_every_stop_is_idempotent_and_finishes_orders_and_the_batch(db: Database) -> None:
    view = planned(db)
    first = view.stops[0]
    before = stock_of(db, first.task_id)
    out = call(db, "picker2", picking.confirm_pick, first.task_id, first.qty, first.lot_code, "act-1")
    again = call(db, "picker2", picking.confirm_pick, first.task_id, first.qty, first.lot_code, "act-1")
    assert out.task_done and not out.replayed and again.replayed
    assert stock_of(db, first.task_id) == (before[0] - first.qty, before[1] - first.qty)
    with pytest.raises(picking.PickNotAllowed):
        call(db, "picker2", picking.confirm_pick, first.task_id, 1, first.lot_code, "act-1b")
    outcomes = [call(db, "picker2", picking.confirm_pick, s.task_id, s.qty, s.lot_code, f"act-{s.task_id}")
                for s in view.stops[1:]]
    assert outcomes[-1].batch_done and not any(o.batch_done for o in outcomes[:-1])
    with db.unit_of_work() as uow:
        batch = uow.session.scalar(select(models.PickBatch).where(models.PickBatch.code == view.code))
        assert batch.status == "done" and batch.finished_at is not None
        assert {t.status for t in batch.tasks} == {"picked"}
        for order in uow.session.scalars(select(models.Order).where(models.Order.order_no.in_(view.orders))):
            assert order.status == "picked"
            assert all(ln.picked_qty == ln.qty and not ln.reservations for ln in order.lines)
        events = uow.session.scalars(select(models.PickEvent).where(
            models.PickEvent.kind == "pick", models.PickEvent.task_id.in_([s.task_id for s in view.stops]))).all()
        assert len(events) == len(view.stops)  # the replayed action added nothing
        assert {t.status for t in uow.session.scalars(select(models.Tote).where(models.Tote.batch_id == batch.id))} == {"at_pack"}


def test_refusals_are_kept_as_error_events(db: Database) -> None:
    view = planned(db)
    call(db, "picker2", picking.record_refusal, view.code, "wrong_item", "]C10106924876000732",
         task_id=view.stops[0].task_id, action_id="r1")
    call(db, "picker2", picking.record_refusal, view.code, "wrong_item", "]C10106924876000732",
         task_id=view.stops[0].task_id, action_id="r1")
    with db.unit_of_work() as uow:
        errors = uow.session.scalars(select(models.PickEvent).where(
            models.PickEvent.kind == "error", models.PickEvent.task_id.in_([s.task_id for s in view.stops]))).all()
        assert [(e.qty, e.detail["reason"]) for e in errors] == [(0, "wrong_item")]
    assert stock_of(db, view.stops[0].task_id)[1] >= view.stops[0].qty  # nothing taken


def test_short_pick_with_another_bin_inserts_a_stop_and_replans(db: Database) -> None:
    view = planned(db)
    target = max(view.stops[1:], key=lambda s: s.qty)
    found = target.qty - 1
    with db.unit_of_work() as uow:  # a second bin of the same product and lot, far away
        task = uow.session.get(models.PickTask, target.task_id)
        spare = uow.session.scalar(select(models.Location).where(models.Location.code == "SZ1-A01-1-01-1"))
        uow.session.execute(update(models.Stock).where(models.Stock.sku_id == task.line.sku_id,
                                                       models.Stock.id != task.stock_id)
                            .values(on_hand=models.Stock.reserved))
        uow.session.add(models.Stock(location=spare, sku=task.line.sku, lot=task.lot, on_hand=5, reserved=0))
        uow.commit()
    on_hand, reserved = stock_of(db, target.task_id)
    out = call(db, "picker2", picking.report_short, target.task_id, found, "short-1", today=TODAY)
    assert out.alternative == ("SZ1-A01-1-01-1",) and out.exception_id is None and not out.order_held
    assert out.missing_qty == 1 and out.found_qty == found
    assert stock_of(db, target.task_id) == (on_hand - found, reserved - target.qty)
    stops = out.batch.stops
    new = [s for s in stops if s.location_code == "SZ1-A01-1-01-1"]
    assert len(new) == 1 and new[0].open and new[0].qty == 1 and new[0].tote_code == target.tote_code
    short = next(s for s in stops if s.task_id == target.task_id)
    assert short.status == "short" and short.picked_qty == found
    assert sorted(s.seq for s in stops) == list(range(1, len(stops) + 1))
    with db.unit_of_work() as uow:
        spare_stock = uow.session.scalar(select(models.Stock).join(models.Location)
                                         .where(models.Location.code == "SZ1-A01-1-01-1"))
        assert spare_stock.reserved == 1
    # Replayed, the report changes nothing more.
    assert call(db, "picker2", picking.report_short, target.task_id, found, "short-1", today=TODAY).alternative == (
        "SZ1-A01-1-01-1",)
    # The inserted stop is picked like any other.
    assert call(db, "picker2", picking.confirm_pick, new[0].task_id, 1, new[0].lot_code, "alt-1").task_done


def test_short_pick_without_stock_opens_an_exception_holds_the_order_and_drops_its_stops(db: Database) -> None:
    view = planned(db)
    target = view.stops[0]
    with db.unit_of_work() as uow:
        task = uow.session.get(models.PickTask, target.task_id)
        uow.session.execute(update(models.Stock).where(models.Stock.sku_id == task.line.sku_id,
                                                       models.Stock.id != task.stock_id)
                            .values(on_hand=models.Stock.reserved))
        uow.commit()
    out = call(db, "picker2", picking.report_short, target.task_id, 0, "short-2", today=TODAY)
    assert out.exception_id is not None and out.order_held and out.alternative == ()
    with db.unit_of_work() as uow:
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == target.order_no))
        assert order.status == "held" and order.hold_reason == "shortage"
        assert all(not ln.reservations for ln in order.lines)
        case = uow.session.get(models.ExceptionCase, out.exception_id)
        assert case.kind == "short_pick" and case.status == "open"
        assert case.detail["order_no"] == target.order_no and case.detail["missing_qty"] == target.qty
        assert case.detail["location"] == target.location_code and case.detail["sku"] == target.sku
    for s in out.batch.stops:
        if s.order_no == target.order_no:
            assert s.status in ("short", "skipped")
        else:
            assert s.status == "open"
    open_seqs = [s.seq for s in out.batch.stops if s.open]
    assert open_seqs == sorted(open_seqs) and out.batch.open_stops


def test_a_reassigned_batch_refuses_the_old_pickers_confirmation(db: Database) -> None:
    view = planned(db)
    with db.unit_of_work(actor(db, "super1")) as uow:  # the supervisor's station
        batch = uow.session.scalar(select(models.PickBatch).where(models.PickBatch.code == view.code))
        batch.picker = uow.session.scalar(select(models.User).where(models.User.login == "picker3"))
        uow.announce("batches", batch.code, event="reassigned", picker="picker3", from_picker="picker2")
        uow.commit()
    stop = view.stops[0]
    before = stock_of(db, stop.task_id)
    with pytest.raises(picking.BatchNotYours):
        call(db, "picker2", picking.confirm_pick, stop.task_id, stop.qty, stop.lot_code, "late-1")
    with pytest.raises(picking.BatchNotYours):
        call(db, "picker2", picking.report_short, stop.task_id, 0, "late-2", today=TODAY)
    assert stock_of(db, stop.task_id) == before
    assert call(db, "picker3", picking.next_batch, today=TODAY).code == view.code


@pytest.mark.postgres
def test_two_pickers_at_once_never_share_an_order(pg_empty_url, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    db = Database.open(pg_empty_url)
    try:
        build_demo(db, orders=60, seed=5, as_of=TODAY)
        pickers = [actor(db, login) for login in ("picker2", "picker3")]
        barrier = threading.Barrier(len(pickers))
        results: dict[str, object] = {}

        def take(who: Actor) -> None:
            barrier.wait()
            try:
                with db.unit_of_work(who) as uow:
                    results[who.login] = picking.next_batch(uow, today=TODAY)
            except Exception as exc:  # noqa: BLE001 - reported below
                results[who.login] = exc

        threads = [threading.Thread(target=take, args=(p,)) for p in pickers]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        views = [results[p.login] for p in pickers]
        got = [v for v in views if isinstance(v, picking.BatchView)]
        assert got, views
        assert all(isinstance(v, (picking.BatchView, picking.NothingToPick)) for v in views), views
        orders = [set(v.orders) for v in got]
        if len(orders) == 2:
            assert not orders[0] & orders[1]
        with db.unit_of_work() as uow:
            for v in got:
                rows = uow.session.scalars(select(models.Order).where(models.Order.order_no.in_(v.orders))).all()
                assert {o.assigned_picker.login for o in rows} == {v.picker}
            tasks = uow.session.scalars(select(models.PickTask)).all()
            per_line: dict[int, int] = {}
            for t in tasks:
                per_line[t.order_line_id] = per_line.get(t.order_line_id, 0) + t.qty
            lines = {ln.id: ln.qty for ln in uow.session.scalars(select(models.OrderLine))}
            assert all(q <= lines[lid] for lid, q in per_line.items())  # no line is picked twice
    finally:
        db.dispose()


# ─── the cart: a tote of the picker's choosing ──────────────────────────────────


def tote_row(db: Database, code: str) -> tuple[str, str | None] | None:
    with db.unit_of_work() as uow:
        tote = uow.session.scalar(select(models.Tote).where(models.Tote.code == code))
        return None if tote is None else (tote.status, tote.batch.code if tote.batch else None)


def test_a_free_tote_or_a_new_one_replaces_a_suggested_one_and_one_in_use_is_refused_saying_where(db) -> None:
    view = planned(db)
    suggested = sorted({s.tote_code for s in view.stops if s.tote_code})
    replaced = suggested[0]
    mine = {s.task_id for s in view.stops if s.tote_code == replaced}
    with db.unit_of_work() as uow:  # a free tote the planner did not suggest
        free = uow.session.scalars(select(models.Tote.code).where(models.Tote.status == "free")
                                   .order_by(models.Tote.code.desc())).first()
    after = call(db, "picker2", picking.bind_tote, view.code, free, replaced, today=TODAY)
    assert {s.tote_code for s in after.stops if s.task_id in mine} == {free}
    assert tote_row(db, free) == ("in_use", view.code) and tote_row(db, replaced) == ("free", None)
    assert call(db, "picker2", picking.bind_tote, view.code, free, free, today=TODAY) == after  # scanned twice

    # A code of the tote pattern the warehouse has never seen: a new tote, registered on this cart.
    after = call(db, "picker2", picking.bind_tote, view.code, "TOTE-97001", free, today=TODAY)
    assert {s.tote_code for s in after.stops if s.task_id in mine} == {"TOTE-97001"}
    assert tote_row(db, "TOTE-97001") == ("in_use", view.code) and tote_row(db, free) == ("free", None)

    # A tote on another picker's cart: refused, with the batch and the person; nothing changes.
    other = scalar(db, select(models.Tote.code).join(models.PickBatch, models.Tote.batch_id == models.PickBatch.id)
                   .where(models.PickBatch.code != view.code, models.Tote.status == "in_use"))
    holder = scalar(db, select(models.PickBatch.code).join(models.Tote, models.Tote.batch_id == models.PickBatch.id)
                    .where(models.Tote.code == other))
    with pytest.raises(picking.ToteNotFree) as refused:
        call(db, "picker2", picking.bind_tote, view.code, other, "TOTE-97001", today=TODAY)
    assert other in refused.value.message and holder in refused.value.message and holder in refused.value.message_zh
    assert tote_row(db, "TOTE-97001") == ("in_use", view.code) and tote_row(db, other) == ("in_use", holder)
    with pytest.raises(picking.ToteNotFree):  # not a tote code at all
        call(db, "picker2", picking.bind_tote, view.code, "BOX-1", "TOTE-97001", today=TODAY)
    with pytest.raises(picking.BatchNotYours):  # another picker's batch
        call(db, "picker1", picking.bind_tote, view.code, free, "TOTE-97001", today=TODAY)
    with db.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(models.AuditEntry)
                                  .where(models.AuditEntry.action == "tote_swapped")) == 2


# ─── the cart layout: one-unit orders in the open bin ───────────────────────────


def loose_single_units(db: Database, on: bool = True) -> None:
    """What the set-up import writes for `layout.cart.single_units_loose` (docs/picking.md)."""
    with db.unit_of_work() as uow:
        for w in uow.session.scalars(select(models.Warehouse)):
            w.layout = {**w.layout, "cart": {"single_units_loose": on}}
        uow.commit()


def one_unit_orders(db: Database, count: int = 2) -> list[str]:
    """The demo's ready orders are several units each: `count` of them cut to one unit (reserved again)."""
    from desktop.services.stock import release_line, reserve_line

    with db.unit_of_work() as uow:
        orders = uow.session.scalars(select(models.Order).where(models.Order.status == "ready")
                                     .order_by(models.Order.id)).all()[:count]
        for order in orders:
            first, *rest = sorted(order.lines, key=lambda ln: ln.line_no)
            for line in order.lines:
                release_line(uow, line)
            for line in rest:
                uow.session.delete(line)
            first.qty = 1
            uow.session.flush()
            reserve_line(uow, first, order.warehouse_id, TODAY)
        numbers = [o.order_no for o in orders]
        uow.commit()
    return numbers


def units_and_totes(view: picking.BatchView) -> dict[str, tuple[int, set]]:
    out: dict[str, tuple[int, set]] = {}
    for s in view.stops:
        units, totes = out.get(s.order_no, (0, set()))
        out[s.order_no] = (units + s.qty, totes | {s.tote_code})
    return out


def test_with_single_units_loose_a_one_unit_order_rides_without_a_tote(db: Database) -> None:
    loose_single_units(db)
    cut = one_unit_orders(db)
    seen: dict[str, tuple[int, set]] = {}
    for _ in range(8):  # batches until a one-unit and a several-unit order have been planned
        if any(u == 1 for u, _ in seen.values()) and any(u > 1 for u, _ in seen.values()):
            break
        try:
            view = call(db, "picker2", picking.next_batch, today=TODAY)
        except picking.NothingToPick:
            break
        seen.update(units_and_totes(view))
        for n, stop in enumerate(view.open_stops):
            call(db, "picker2", picking.confirm_pick, stop.task_id, stop.qty, stop.lot_code, f"{view.code}-{n}")
    planned = {o: ut for o, ut in seen.items()}
    singles = [o for o, (u, t) in planned.items() if u == 1 and t == {None}]
    multis = [o for o, (u, t) in planned.items() if u > 1]
    assert set(cut) <= set(singles) and multis
    assert all(None not in t for o, (u, t) in planned.items() if u > 1)
    with db.unit_of_work() as uow:  # the one-unit order was picked and waits for packing, by its number
        assert {o.status for o in uow.session.scalars(select(models.Order).where(models.Order.order_no.in_(singles)))
                } <= {"picked", "picking"}


def test_a_wave_cart_leaves_its_one_unit_orders_out_of_the_totes_when_the_layout_says_so(db: Database) -> None:
    from desktop.services import waves

    loose_single_units(db)
    cut = one_unit_orders(db)
    call(db, "super1", waves.release_wave, warehouse="SZ1", rule=waves.WaveRule(max_orders=8))
    with db.unit_of_work(actor(db, "picker2")) as uow:
        cart = waves.claim_planned_cart(uow, utcnow_())
        assert cart is not None and picking._hand_out_planned(uow, cart, utcnow_(), TODAY)
        code = cart.code
        uow.commit()
    view = call(db, "picker2", picking.batch_view, code, today=TODAY)
    orders = units_and_totes(view)
    assert set(cut) & set(orders) and any(u > 1 for u, _ in orders.values())
    assert all(t == {None} for u, t in orders.values() if u == 1)
    assert all(None not in t and len(t) == 1 for u, t in orders.values() if u > 1)
    totes = {t for _, ts in orders.values() for t in ts if t}
    assert scalar(db, select(func.count()).select_from(models.Tote).where(models.Tote.code.in_(totes),
                                                                        models.Tote.status == "in_use")) == len(totes)


def utcnow_():
    from desktop.db.types import utcnow

    return utcnow()
