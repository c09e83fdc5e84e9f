"""Waves on SQLite and PostgreSQL: released once into routed carts, handed out without planning,
urgent arrivals mid-wave, carrier pick-up cut-offs, single-SKU waves."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import event, func, select, update

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from desktop.domain.errors import NotAllowed
from desktop.domain.roles import Role
from desktop.services import picking, waves
from desktop.services.supervision import orders as supervision

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=timezone.utc)  # 10:00 in Shenzhen


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'w.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    database = Database.open(url)
    build_demo(database, orders=200, seed=5, as_of=TODAY)
    with database.unit_of_work() as uow:  # the demo's carts on the floor are picker1's: picker2 and 3 are free
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


def ready_unwaved(db: Database) -> int:
    O = models.Order
    return read(db, select(func.count()).select_from(O).where(O.status == "ready", O.wave_id.is_(None)))[0][0]


def release(db: Database, **rule) -> waves.Wave:
    return call(db, "super1", waves.release_wave, warehouse="SZ1", rule=waves.WaveRule(**rule), now=NOW)


def test_a_wave_is_planned_once_into_routed_carts_and_handed_out_in_plan_order(db: Database, monkeypatch) -> None:
    before = ready_unwaved(db)
    wave = release(db)
    assert wave.status == "released" and wave.orders > 0 and wave.carts == wave.carts_open >= 1
    B, O, T = models.PickBatch, models.Order, models.PickTask
    carts = read(db, select(B.id, B.code, B.plan_seq, B.status, B.picker_id, B.route_distance_m)
                 .join(models.Wave).where(models.Wave.code == wave.code).order_by(B.plan_seq))
    assert len(carts) == wave.carts and all(c.status == "open" and c.picker_id is None for c in carts)
    assert [c.plan_seq for c in carts] == sorted({c.plan_seq for c in carts}) and all(c.route_distance_m > 0 for c in carts)
    # Every waved order is still ready, marked with the wave, and in exactly one cart.
    waved = read(db, select(O.id, O.status).join(models.Wave, O.wave_id == models.Wave.id)
                 .where(models.Wave.code == wave.code))
    assert len(waved) == wave.orders == before - ready_unwaved(db) and {w.status for w in waved} == {"ready"}
    per_order = read(db, select(models.OrderLine.order_id, func.count(func.distinct(T.batch_id)))
                     .join(T, T.order_line_id == models.OrderLine.id).join(B, T.batch_id == B.id)
                     .where(B.wave_id.is_not(None)).group_by(models.OrderLine.order_id))
    assert len(per_order) == wave.orders and {n for _o, n in per_order} == {1}
    # Stops are numbered in walking order 1..n in each cart.
    for c in carts:
        seqs = sorted({s for (s,) in read(db, select(T.seq).where(T.batch_id == c.id))})
        assert seqs[0] == 1 and seqs == list(range(1, len(seqs) + 1))

    # Handing out plans nothing: the planner may not even be called.
    def no_planning(*_a, **_k):
        raise AssertionError("next_batch planned on the call")
    monkeypatch.setattr(picking, "plan_batches", no_planning)
    monkeypatch.setattr(waves, "plan_batches", no_planning)
    first = call(db, "picker2", picking.next_batch, today=TODAY, now=NOW)
    second = call(db, "picker3", picking.next_batch, today=TODAY, now=NOW)
    assert (first.code, second.code) == (carts[0].code, carts[1].code)
    assert first.status == "picking" and first.picker == "picker2" and first.distance_m == carts[0].route_distance_m
    assert [s.seq for s in first.stops] == sorted(s.seq for s in first.stops)
    statuses = read(db, select(O.status, O.assigned_picker_id).where(O.order_no.in_(first.orders)))
    assert {s for s, _p in statuses} == {"picking"} and len({p for _s, p in statuses}) == 1
    history = read(db, select(func.count()).select_from(models.OrderStatusChange).join(O)
                   .where(O.order_no.in_(first.orders), models.OrderStatusChange.to_status == "picking"))
    assert history[0][0] == len(first.orders)
    # Each order of a multi-order cart has its own tote.
    totes = {}
    for s in first.stops:
        totes.setdefault(s.order_no, set()).add(s.tote_code)
    assert all(len(t) == 1 and None not in t for t in totes.values())
    assert len({next(iter(t)) for t in totes.values()}) == len(totes)
    # Asked again, the picker keeps the same cart.
    assert call(db, "picker2", picking.next_batch, today=TODAY, now=NOW).code == first.code


def test_picking_the_last_cart_finishes_the_wave(db: Database) -> None:
    wave = release(db, max_orders=3)
    assert wave.carts == 1
    view = call(db, "picker2", picking.next_batch, today=TODAY, now=NOW)
    for s in view.stops:
        call(db, "picker2", picking.confirm_pick, s.task_id, s.qty, s.lot_code, f"w-{s.task_id}")
    done = call(db, "super1", waves.wave_view, wave.code)
    assert done.status == "done" and done.carts_open == 0


def test_an_order_cancelled_after_release_leaves_its_cart(db: Database) -> None:
    wave = release(db, max_orders=3)
    B, O, T = models.PickBatch, models.Order, models.PickTask
    victim = read(db, select(O.order_no).join(models.Wave, O.wave_id == models.Wave.id)
                  .where(models.Wave.code == wave.code).order_by(O.id).limit(1))[0][0]
    call(db, "super1", supervision.cancel_order, victim, "customer cancelled")
    view = call(db, "picker2", picking.next_batch, today=TODAY, now=NOW)
    assert victim not in view.orders and len(view.orders) == 2
    assert {s.order_no for s in view.stops if s.status == "open"} == set(view.orders)
    # Out of the wave too: were it released again, it would be planned afresh.
    assert read(db, select(O.wave_id).where(O.order_no == victim)) == [(None,)]


def test_an_order_is_in_one_wave_only(db: Database, monkeypatch) -> None:
    """Two releases planning the same orders: the second finds them taken and releases nothing."""
    with db.unit_of_work(actor(db, "super1")) as first, db.unit_of_work(actor(db, "super1")) as second:
        # The second has read the ready orders before the first commits its wave.
        orders = waves._ready_orders(second, read(db, select(models.Warehouse.id).where(
            models.Warehouse.code == "SZ1"))[0][0])
        assert orders
        waves.release_wave(first, warehouse="SZ1", rule=waves.WaveRule(max_orders=3), now=NOW)
    monkeypatch.setattr(waves, "_ready_orders", lambda *_a, **_k: orders)  # the second release's stale read
    with pytest.raises(waves.WaveConflict), db.unit_of_work(actor(db, "super1")) as uow:
        waves.release_wave(uow, warehouse="SZ1", rule=waves.WaveRule(max_orders=3), now=NOW)
    O = models.Order
    assert read(db, select(func.count(func.distinct(O.wave_id))).where(O.wave_id.is_not(None)))[0][0] == 1


def test_an_urgent_order_released_mid_wave_goes_into_the_next_cart(db: Database) -> None:
    ready = ready_unwaved(db)
    assert ready >= 5
    wave = release(db, max_orders=ready - 2)
    O = models.Order
    left = read(db, select(O.order_no).where(O.status == "ready", O.wave_id.is_(None)).order_by(O.priority_score)
                .limit(1))
    assert left, "two ready orders stay outside the wave"
    late = left[0][0]
    call(db, "picker2", picking.next_batch, today=TODAY, now=NOW)  # the wave is being picked
    call(db, "super1", supervision.raise_priority, late, "urgent", "VIP asked", now=NOW)
    view = call(db, "picker3", picking.next_batch, today=TODAY, now=NOW + timedelta(seconds=1))
    assert late in view.orders
    urgent_wave = read(db, select(models.Wave.code, models.Wave.rule).join(O, O.wave_id == models.Wave.id)
                       .where(O.order_no == late))[0]
    assert urgent_wave.code != wave.code and urgent_wave.rule == {"urgent_arrivals": True}
    # The wave's own carts are next in line, untouched.
    nxt = call(db, "super1", picking.next_batch, today=TODAY, now=NOW)  # a supervisor may pick
    assert late not in nxt.orders


def test_two_pickers_at_once_take_different_carts(db: Database) -> None:
    wave = release(db)
    assert wave.carts >= 2
    got: dict[str, str] = {}
    errors: list[BaseException] = []

    def take(login: str) -> None:
        try:
            got[login] = call(db, login, picking.next_batch, today=TODAY, now=NOW).code
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=take, args=(login,)) for login in ("picker2", "picker3")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(set(got.values())) == 2


def test_a_planned_cart_is_handed_out_in_a_few_statements_whatever_it_holds(db: Database) -> None:
    """next_batch on a wave: the claim, the cart's orders and totes set-based, the view in one query —
    no statement per order or per stop (28 before, for these carts), and the same view as batch_view."""
    wave = release(db)
    assert wave.carts >= 2
    sent: list[str] = []

    def count(_conn, _cursor, statement, *_rest) -> None:
        sent.append(statement)

    views, counts = [], []
    for login in ("picker2", "picker3"):
        who = actor(db, login)
        event.listen(db.engine, "before_cursor_execute", count)
        try:
            sent.clear()
            with db.unit_of_work(who) as uow:
                views.append(picking.next_batch(uow, today=TODAY, now=NOW))
            counts.append(len(sent))
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
    assert all(n <= 10 for n in counts), counts  # 9 on SQLite; PostgreSQL adds one pg_notify for both topics
    assert counts[0] == counts[1], (counts, [len(v.stops) for v in views])  # whatever each cart holds
    for view, login in zip(views, ("picker2", "picker3"), strict=True):
        assert call(db, login, picking.batch_view, view.code, today=TODAY) == view
        assert view.picker == login and view.status == "picking" and view.stops


def test_only_a_supervisor_releases_and_a_rule_takes_only_what_it_names(db: Database) -> None:
    with pytest.raises(NotAllowed):
        call(db, "picker1", waves.release_wave, warehouse="SZ1", rule=waves.WaveRule(), now=NOW)
    with pytest.raises(waves.WaveInputRefused):
        waves.WaveRule(priority_classes=("soon",))
    with pytest.raises(waves.WaveRefused):
        release(db, zones=("ZZ",))
    wave = release(db, priority_classes=("expedited",))
    O = models.Order
    classes = read(db, select(O.priority_class).join(models.Wave, O.wave_id == models.Wave.id)
                   .where(models.Wave.code == wave.code))
    assert {c for (c,) in classes} == {"expedited"}


def test_single_sku_wave_takes_one_unit_orders_of_the_bestsellers_in_bulk(db: Database) -> None:
    wave = release(db, kind="single_sku", bestsellers=2)
    assert wave.kind == "single_sku"
    O, L, B, T = models.Order, models.OrderLine, models.PickBatch, models.PickTask
    lines = read(db, select(O.id, L.sku_id, L.qty).join(L, L.order_id == O.id).join(models.Wave, O.wave_id == models.Wave.id)
                 .where(models.Wave.code == wave.code))
    assert lines and {q for _o, _s, q in lines} == {1} and len({o for o, _s, _q in lines}) == len(lines)
    assert len({s for _o, s, _q in lines}) <= 2
    # One SKU per cart; the picker gets the cart with one tote for all of it (the urgent orders
    # ready outside the wave go first, in a cart of their own).
    urgent = call(db, "picker2", picking.next_batch, today=TODAY, now=NOW)
    assert urgent.code not in [c for (c,) in read(db, select(B.code).where(B.wave_id == models.Wave.id,
                                                                         models.Wave.code == wave.code))]
    view = call(db, "picker3", picking.next_batch, today=TODAY, now=NOW)
    assert len({s.sku for s in view.stops}) == 1 and len({s.tote_code for s in view.stops}) == 1


def test_carrier_cutoffs_are_an_admins_and_checked(db: Database) -> None:
    with pytest.raises(NotAllowed):
        call(db, "super1", waves.set_cutoff, warehouse="SZ1", carrier="SF", service="standard", pickup_local="18:00")
    with pytest.raises(waves.WaveInputRefused):
        call(db, "admin", waves.set_cutoff, warehouse="SZ1", carrier="SF", service="standard", pickup_local="6pm")
    with pytest.raises(waves.WaveInputRefused):
        call(db, "admin", waves.set_cutoff, warehouse="SZ1", carrier="SF", service="rocket", pickup_local="18:00")
    with pytest.raises(waves.WaveInputRefused):
        call(db, "admin", waves.set_cutoff, warehouse="SZ1", carrier="SF", service="standard", pickup_local="18:00",
             timezone="Mars/Olympus")
    made = call(db, "admin", waves.set_cutoff, warehouse="SZ1", carrier="SF", service="standard", pickup_local="18:00")
    again = call(db, "admin", waves.set_cutoff, warehouse="SZ1", carrier="SF", service="standard", pickup_local="17:30")
    assert made.pickup_local == "18:00" and again.pickup_local == "17:30"
    assert [c.pickup_local for c in call(db, "super1", waves.cutoffs, "SZ1")] == ["17:30"]


def test_orders_that_can_still_make_their_pickup_go_before_those_that_missed_it(db: Database) -> None:
    """Two carriers' pick-ups, one already missed: the wave plans the orders that can still make theirs first."""
    def services(uow, wh_id):
        pickups = waves._Pickups(uow, wh_id, NOW, waves.DEFAULT_LEAD)
        return {o.id: pickups.service_of(o) for o in waves._ready_orders(uow, wh_id)
                if o.priority_class == "normal" and (o.promised_ship_by is None
                                                     or o.promised_ship_by > NOW + timedelta(hours=6))}
    with db.unit_of_work() as uow:
        wh_id = uow.session.scalar(select(models.Warehouse.id).where(models.Warehouse.code == "SZ1"))
        chosen = services(uow, wh_id)
    counts = sorted(((list(chosen.values()).count(svc), svc) for svc in set(chosen.values()) if svc[0]), reverse=True)
    assert len(counts) >= 2, counts
    (_n1, makes), (_n2, missed) = counts[0], counts[1]
    # 10:00 in Shenzhen, 60 minutes to pick and pack: a 10:30 pick-up is missed, a 12:00 one is not.
    call(db, "admin", waves.set_cutoff, warehouse="SZ1", carrier=missed[0], service=missed[1], pickup_local="10:30")
    call(db, "admin", waves.set_cutoff, warehouse="SZ1", carrier=makes[0], service=makes[1], pickup_local="12:00")
    wave = release(db)
    B, T, L = models.PickBatch, models.PickTask, models.OrderLine
    place = dict(read(db, select(L.order_id, func.min(B.plan_seq)).join(T, T.order_line_id == L.id)
                      .join(B, T.batch_id == B.id).join(models.Wave).where(models.Wave.code == wave.code)
                      .group_by(L.order_id)))
    def mean(svc):
        seqs = [place[o] for o, s in chosen.items() if s == svc and o in place]
        assert seqs
        return sum(seqs) / len(seqs)
    assert mean(makes) < mean(missed)


# ─── the put wall and scan-to-print ─────────────────────────────────────────────

from desktop.services import put_wall  # noqa: E402


def pick_whole_cart(db: Database, login: str) -> picking.BatchView:
    view = call(db, login, picking.next_batch, today=TODAY, now=NOW)
    for s in view.stops:
        call(db, login, picking.confirm_pick, s.task_id, s.qty, s.lot_code, f"pw-{s.task_id}")
    return view


def gtin_barcode(gtin: str) -> str:
    return f"]C101{gtin}"


def test_a_put_wall_cart_is_sorted_slot_by_slot_until_each_order_is_ready(db: Database) -> None:
    call(db, "super1", waves.release_wave, warehouse="SZ1", rule=waves.WaveRule(priority_classes=("urgent",)), now=NOW)
    pick_whole_cart(db, "picker3")  # the urgent orders out of the way
    wave = release(db, kind="put_wall", max_orders=6)
    view = pick_whole_cart(db, "picker2")
    assert len({s.tote_code for s in view.stops}) == 1  # picked in bulk into one container
    with pytest.raises(NotAllowed):
        call(db, "picker2", put_wall.open_wall, view.code)
    wall = call(db, "packer1", put_wall.open_wall, view.code)
    assert [s.slot_no for s in wall.slots] == list(range(1, len(view.orders) + 1))
    assert {s.order_no for s in wall.slots} == set(view.orders) and wall.units_left == sum(s.qty for s in view.stops)
    slot_of = {s.order_no: s.slot_no for s in wall.slots}
    with pytest.raises(put_wall.PutRefused):
        call(db, "packer1", put_wall.light_for_unit, view.code, gtin_barcode("09999999999999"))
    with pytest.raises(put_wall.PutRefused):
        call(db, "packer1", put_wall.light_for_unit, view.code, "not a barcode")
    n = 0
    for stop in view.stops:
        for _unit in range(stop.qty):
            lit = call(db, "packer1", put_wall.light_for_unit, view.code, gtin_barcode(stop.gtin14))
            if n == 0:  # the wrong slot is refused and counts nothing
                wrong = next(k for k in slot_of.values() if k != lit.slot_no)
                with pytest.raises(put_wall.PutRefused, match=put_wall.slot_label(lit.slot_no)):
                    call(db, "packer1", put_wall.confirm_put, view.code, gtin_barcode(stop.gtin14),
                         put_wall.slot_label(wrong), "put-wrong")
            out = call(db, "packer1", put_wall.confirm_put, view.code, gtin_barcode(stop.gtin14),
                       put_wall.slot_label(lit.slot_no), f"put-{n}")
            again = call(db, "packer1", put_wall.confirm_put, view.code, gtin_barcode(stop.gtin14),
                         put_wall.slot_label(lit.slot_no), f"put-{n}")
            assert again.replayed and again.units_put == out.units_put
            n += 1
    wall = call(db, "packer1", put_wall.open_wall, view.code)
    assert wall.units_left == 0 and all(s.full for s in wall.slots)
    # The same units per slot as the orders asked for, and every put recorded once.
    with db.unit_of_work() as uow:
        puts = uow.session.scalar(select(func.count()).select_from(models.PutWallPut))
        full = uow.session.scalars(select(models.AuditEntry.entity_id).where(
            models.AuditEntry.action == "put_wall_slot_full")).all()
    assert puts == n and set(full) == set(view.orders)
    # One more unit has nowhere to go.
    with pytest.raises(put_wall.PutRefused):
        call(db, "packer1", put_wall.light_for_unit, view.code, gtin_barcode(view.stops[0].gtin14))
    assert wave.kind == "put_wall"


def test_a_picked_single_sku_cart_packs_by_scanning_any_unit(db: Database) -> None:
    call(db, "super1", waves.release_wave, warehouse="SZ1", rule=waves.WaveRule(priority_classes=("urgent",)), now=NOW)
    pick_whole_cart(db, "picker3")
    release(db, kind="single_sku", bestsellers=1)
    view = pick_whole_cart(db, "picker2")
    gtin = view.stops[0].gtin14
    first = call(db, "packer1", put_wall.next_single_sku_order, view.code, gtin_barcode(gtin))
    assert first in view.orders
    with pytest.raises(put_wall.PutRefused):
        call(db, "packer1", put_wall.next_single_sku_order, view.code, gtin_barcode("09999999999999"))
    with pytest.raises(put_wall.PutRefused):
        call(db, "packer1", put_wall.open_wall, view.code)  # not a put-wall cart
