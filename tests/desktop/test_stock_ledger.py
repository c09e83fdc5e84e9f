"""The stock ledger on SQLite and PostgreSQL: every change of on-hand is one movement, and replaying the
movements from zero gives today's on-hand for every location, SKU and lot — after the demo, picks,
returns and imports, and after any sequence of random changes and moves (hypothesis)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from aftersales_helpers import call
from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from desktop.domain.roles import Role
from desktop.domain.stock import MovementKind
from desktop.services import picking, returns
from desktop.services.stock import (
    StockChangeRefused,
    change_on_hand,
    move_stock,
    record_movements,
    movement_row,
    replay_ledger,
    stock_history,
    verify_ledger,
)

TODAY = date(2026, 11, 23)
GOOD = {"unused": True, "packaging_intact": True, "damaged": False, "matches_order": True}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    database = Database.open(url)
    build_demo(database, orders=40, seed=3, as_of=TODAY)
    yield database
    database.dispose()


def movements(db: Database, kind: str | None = None) -> int:
    with db.unit_of_work() as uow:
        q = select(func.count()).select_from(models.StockMovement)
        return uow.session.scalar(q if kind is None else q.where(models.StockMovement.kind == kind))


def assert_ledger_true(db: Database) -> None:
    with db.unit_of_work() as uow:
        assert verify_ledger(uow) == []
        replayed = replay_ledger(uow)
        S = models.Stock
        for loc, sku, lot, on_hand in uow.session.execute(select(S.location_id, S.sku_id, S.lot_id, S.on_hand)):
            assert replayed.get((loc, sku, lot), 0) == on_hand


def test_the_demo_picks_and_returns_replay_to_on_hand(db: Database) -> None:
    # the demo is built through the set-up import: its opening balance is the ledger's first rows
    assert movements(db, "opening_balance") > 0
    assert_ledger_true(db)
    with db.unit_of_work() as uow:
        total = uow.session.scalar(select(func.sum(models.Stock.on_hand)))
    # a picker picks every stop of a batch: one PICK movement per confirmed stop, on-hand down
    view = call(db, "picker2", picking.next_batch, today=TODAY)
    picked = 0
    for stop in view.open_stops:
        call(db, "picker2", picking.confirm_pick, stop.task_id, stop.qty, stop.lot_code, str(uuid.uuid4()))
        picked += stop.qty
    assert picked and movements(db, "pick") == len(view.open_stops)
    assert_ledger_true(db)
    # the same action again applies once: no second movement
    with db.unit_of_work() as uow:
        event = uow.session.scalar(select(models.PickEvent).where(models.PickEvent.kind == "pick")
                                   .order_by(models.PickEvent.id.desc()))
        action_id, task_id, qty = event.action_id, event.task_id, event.qty
    call(db, "picker2", picking.confirm_pick, task_id, qty, None, action_id)
    assert movements(db, "pick") == len(view.open_stops)
    # a returned unit restocked, another quarantined: RETURN_RESTOCK movements with the RMA number
    with db.unit_of_work() as uow:
        rma = uow.session.scalar(select(models.ReturnRequest).where(models.ReturnRequest.status == "approved",
                                                                    models.ReturnRequest.reason == "refused"))
        rma_no = rma.rma_no
    view = call(db, "packer1", returns.receive_return, rma_no)
    for n, line in enumerate(view.lines):
        call(db, "packer1", returns.inspect_unit, rma_no, line.line_no, GOOD)
        if n % 2:
            call(db, "packer1", returns.decide, rma_no, line.line_no, "quarantine")
        else:
            call(db, "packer1", returns.decide, rma_no, line.line_no, "restock", "SZ1-R00-0-00-0")
    assert movements(db, "return_restock") == len(view.lines)
    assert_ledger_true(db)
    with db.unit_of_work() as uow:
        after = uow.session.scalar(select(func.sum(models.Stock.on_hand)))
        history = stock_history(uow, limit=None)
    assert after == total - picked + sum(line.qty for line in view.lines)
    assert sum(r.delta for r in history) == after
    mine = [r for r in history if r.kind == "pick"]
    assert {r.user for r in mine} == {"picker2"} and all(r.ref and r.station == "TEST-AS" for r in mine)
    assert {r.ref for r in history if r.kind == "return_restock"} == {rma_no}


def test_a_change_below_reserved_is_refused_and_writes_nothing(db: Database) -> None:
    with db.unit_of_work() as uow:
        st_row = uow.session.scalar(select(models.Stock).where(models.Stock.reserved > 0).order_by(models.Stock.id))
        key = dict(location_id=st_row.location_id, sku_id=st_row.sku_id, lot_id=st_row.lot_id)
        free, held = st_row.on_hand - st_row.reserved, st_row.reserved
    before = movements(db)
    admin = Actor(None, "admin", "Admin", Role.ADMIN, "TEST")
    with db.unit_of_work(admin) as uow:
        with pytest.raises(StockChangeRefused) as info:
            change_on_hand(uow, **key, delta=-(free + 1), kind=MovementKind.ADJUSTMENT, ref="count 1")
        assert "reserved" in info.value.message and "预留" in info.value.message_zh
        uow.commit()
    assert movements(db) == before
    with db.unit_of_work(admin) as uow:
        with pytest.raises(ValueError):
            change_on_hand(uow, **key, delta=0, kind=MovementKind.ADJUSTMENT)
        with pytest.raises(ValueError):
            change_on_hand(uow, **key, delta=1, kind="stolen")  # not a MovementKind
    # moving the reserved units with them is allowed; without, only the free ones may leave
    with db.unit_of_work(admin) as uow:
        other = uow.session.scalar(select(models.Location.id).where(models.Location.kind == "returns",
                                                                     models.Location.code.like("SZ1-%")))
        with pytest.raises(StockChangeRefused):
            move_stock(uow, from_location_id=key["location_id"], to_location_id=other, sku_id=key["sku_id"],
                       lot_id=key["lot_id"], qty=free + 1, kind=MovementKind.MOVE)
    with db.unit_of_work(admin) as uow:  # move_reserved: the units that move are reserved ones
        source, target = move_stock(uow, from_location_id=key["location_id"], to_location_id=other,
                                    sku_id=key["sku_id"], lot_id=key["lot_id"], qty=held, kind=MovementKind.REPLENISH,
                                    ref="task 1", move_reserved=True)
        assert (target.on_hand, target.reserved) == (held, held)
        assert (source.on_hand, source.reserved) == (free, 0)
        uow.commit()
    assert movements(db) == before + 2
    assert_ledger_true(db)


def test_the_cli_shows_history_and_verify_finds_a_stock_row_changed_behind_the_ledger(db: Database, capsys) -> None:
    assert main(["--db", db.url, "stock", "verify"]) == 0
    assert "replays" in capsys.readouterr().out
    with db.unit_of_work() as uow:
        row = uow.session.scalar(select(models.Stock).where(models.Stock.on_hand > 0).order_by(models.Stock.id))
        code, sku = row.location.code, row.sku.sku_code
    assert main(["--db", db.url, "stock", "history", "--location", f"LOC-{code}", "--json"]) == 0
    import json
    shown = json.loads(capsys.readouterr().out)
    assert shown and {r["location"] for r in shown} == {code} and shown[0]["kind"] == "opening_balance"
    assert main(["--db", db.url, "stock", "history", "--sku", sku, "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert sku in out and "2 movements" in out or "1 movements" in out
    with db.engine.begin() as conn:  # someone edits on-hand without the ledger (what the grants forbid stations)
        conn.execute(models.Stock.__table__.update().where(models.Stock.__table__.c.id == row.id)
                     .values(on_hand=models.Stock.__table__.c.on_hand + 5))
    assert main(["--db", db.url, "stock", "verify"]) == 2
    err = capsys.readouterr().err
    assert code in err and "1 stock row(s) differ" in err


def test_record_movements_writes_set_based_rows_with_the_actor(db: Database) -> None:
    with db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == "receiver1")) \
            or uow.session.scalar(select(models.User).where(models.User.role == "supervisor"))
        who = Actor(u.id, u.login, u.display_name, Role(u.role), "BENCH-1")
    with db.unit_of_work(who) as uow:
        loc = uow.session.scalar(select(models.Location).where(models.Location.kind == "returns"))
        sku = uow.session.scalar(select(models.Sku).where(models.Sku.lot_tracked.is_(False)))
        rows = [movement_row(uow, location_id=loc.id, sku_id=sku.id, lot_id=None, delta=d, kind="adjustment", ref="r")
                for d in (3, 0, -1)]
        assert record_movements(uow, rows) == 2  # the zero is left out
        uow.commit()
    with db.unit_of_work() as uow:
        got = uow.session.execute(select(models.StockMovement.delta, models.StockMovement.user_id,
                                         models.StockMovement.station)
                                  .where(models.StockMovement.ref == "r").order_by(models.StockMovement.id)).all()
    assert got == [(3, who.user_id, "BENCH-1"), (-1, who.user_id, "BENCH-1")]


# ─── any sequence of changes keeps the ledger true (hypothesis, SQLite) ─────────────────────────


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("ledger") / "small.sqlite3"
    database = Database.open(f"sqlite:///{path}")
    with database.unit_of_work() as uow:
        s = uow.session
        wh = models.Warehouse(code="W1", name="W1", layout={})
        m = models.Merchant(code="M1", name="M1", min_remaining_shelf_days=0)
        sku = models.Sku(merchant=m, sku_code="S1", gtin="00000000000017", name="Tea", weight_g=100, length_mm=1,
                         width_mm=1, height_mm=1, unit_value=Decimal("9.90"), lot_tracked=True)
        s.add_all([wh, m, sku])
        lots = [models.Lot(sku=sku, lot_code=f"L{n}", expiry=TODAY + timedelta(days=30 * n)) for n in range(2)]
        locs = [models.Location(warehouse=wh, code=f"W1-A01-1-{n:02d}-1", zone="A", aisle=0, block=0, slot=n,
                                level=1, x=0, y=n, kind="pick") for n in range(3)]
        s.add_all(lots + locs)
        uow.commit()
        ids = (sku.id, [lot.id for lot in lots] + [None], [loc.id for loc in locs])
    yield database, ids
    database.dispose()


step = st.tuples(st.sampled_from(["change", "move", "reserve"]), st.integers(0, 2), st.integers(0, 2),
                 st.integers(0, 2), st.integers(-12, 12))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=25))
def test_random_movements_replay_to_on_hand(small, steps) -> None:
    database, (sku_id, lot_ids, loc_ids) = small
    expected: dict[tuple[int, int | None], list[int]] = {}  # (location, lot) → [on_hand, reserved]
    with database.unit_of_work(Actor.system("HYP")) as uow:
        for op, a, b, lot_n, n in steps:
            lot_id, src, dst = lot_ids[lot_n], loc_ids[a], loc_ids[b]
            held = expected.setdefault((src, lot_id), [0, 0])
            # no savepoint: a refused change raises before it writes anything (and a SAVEPOINT that
            # opens a pysqlite transaction would commit at its RELEASE, outliving the rollback below)
            try:
                if op == "change" and n:
                    change_on_hand(uow, location_id=src, sku_id=sku_id, lot_id=lot_id, delta=n,
                                   kind=MovementKind.ADJUSTMENT)
                    assert held[0] + n >= held[1], "a change below reserved went through"
                    held[0] += n
                elif op == "reserve" and n and 0 <= held[1] + n <= held[0]:
                    # reservations made elsewhere (what reserve_line does), straight on the row
                    row = uow.session.scalar(select(models.Stock).where(
                        models.Stock.location_id == src,
                        models.Stock.lot_id.is_(None) if lot_id is None else models.Stock.lot_id == lot_id))
                    row.reserved += n
                    uow.session.flush()
                    held[1] += n
                elif op == "move" and n > 0:
                    target = expected.setdefault((dst, lot_id), [0, 0])
                    move_stock(uow, from_location_id=src, to_location_id=dst, sku_id=sku_id, lot_id=lot_id,
                               qty=n, kind=MovementKind.MOVE)
                    assert src != dst and held[0] - n >= held[1], "a move took reserved units"
                    held[0] -= n
                    target[0] += n
            except StockChangeRefused:
                if op == "change":
                    assert held[0] + n < held[1]
                else:
                    assert src == dst or held[0] - n < held[1]
        assert verify_ledger(uow) == []
        replayed = replay_ledger(uow)
        for (loc, lot), (on_hand, _reserved) in expected.items():
            assert replayed.get((loc, sku_id, lot), 0) == on_hand
        # rolled back: the next example starts from an empty warehouse
