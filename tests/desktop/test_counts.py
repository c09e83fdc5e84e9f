"""Cycle counts on SQLite and PostgreSQL: blind, adjusted within tolerance, approved or recounted by a
supervisor over it, reservations re-planned, a short pick opening a count, the scanner's upload, and
a count approved while a picker picks from that bin (two connections, PostgreSQL)."""

from __future__ import annotations

import dataclasses
import io
import threading
import uuid
from datetime import date
from decimal import Decimal
from unittest import mock

import pytest
from sqlalchemy import func, select

from aftersales_helpers import actor, call
from stock_helpers import bin_stock
from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.counting import CountRefused, CountSheet, needs_approval, tolerance
from desktop.domain.errors import NotAllowed
from desktop.services import counts, picking
from desktop.domain.stock import MovementKind
from desktop.services.stock import change_on_hand, verify_ledger
from desktop.services.supervision import decide_exception, list_exceptions

TODAY = date(2026, 11, 23)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    database = Database.open(url)
    build_demo(database, orders=20, seed=3, as_of=TODAY)
    yield database
    database.dispose()


def a_bin(db: Database, *, high_value: bool = False, reserved: bool = False) -> str:
    """A pick bin whose lines are all low value (or holding one high-value line), with or without reservations."""
    S, L, K = models.Stock, models.Location, models.Sku
    with db.unit_of_work() as uow:
        codes = uow.session.scalars(select(L.code).where(L.kind == "pick", L.code.like("SZ1-%")).order_by(L.code)).all()
    for code in codes:
        rows = bin_stock(db, code)
        if not rows or any(r[3] < 10 for r in rows):
            continue
        if any(r[4] for r in rows) != reserved:
            continue
        if high_value != any(r[5] >= Decimal("500") for r in rows):
            continue
        return code
    raise AssertionError("the demo has no such bin")


def sheet_of(db: Database, code: str, change: dict[int, int] | None = None) -> CountSheet:
    """What a counter finds: the record, with line i off by change[i]."""
    sheet = CountSheet()
    sheet.at_bin(code)
    for i, (gtin, lot, expiry, on_hand, _, _) in enumerate(bin_stock(db, code)):
        sheet.add(gtin, lot, on_hand + (change or {}).get(i, 0), expiry)
    return sheet


def open_count(db: Database, code: str, who: str = "receiver1") -> counts.CountRow:
    return call(db, who, counts.open_count, location=code)


def test_tolerance_rules() -> None:
    assert tolerance(100, Decimal("24.90")) == 2 and tolerance(10, Decimal("24.90")) == 1
    assert tolerance(1000, Decimal("500.00")) == 0
    assert not needs_approval(100, 98, Decimal("10")) and needs_approval(100, 97, Decimal("10"))
    assert needs_approval(5, 4, Decimal("1568.90"))
    with pytest.raises(CountRefused):
        CountSheet().add("06901234567892", None, 1)


def test_a_count_is_blind_and_a_small_difference_adjusts_at_once(db: Database) -> None:
    code = a_bin(db)
    row = open_count(db, code)
    assert row.bins == (code,) and row.status == "open"
    shown = dataclasses.asdict(row)
    assert not {"expected", "on_hand", "qty", "variance"} & set(shown), "the counter's row names no figure"
    before = bin_stock(db, code)
    result = call(db, "receiver1", counts.submit_count, row.id, sheet_of(db, code, {0: -1}))
    assert (result.status, result.adjusted, result.waiting) == ("closed", 1, 0)
    assert not {"expected", "variance"} & set(dataclasses.asdict(result))
    after = bin_stock(db, code)
    assert after[0][3] == before[0][3] - 1 and after[1:] == before[1:]
    with db.unit_of_work() as uow:
        M = models.StockMovement
        (kind, delta, ref, user) = uow.session.execute(select(M.kind, M.delta, M.ref, M.user_id)
                                                       .where(M.ref == row.code)).one()
        assert (kind, delta, ref, user) == ("adjustment", -1, row.code, actor(db, "receiver1").user_id)
        assert verify_ledger(uow) == []
    # a picker cannot count; a second count of a closed count is refused
    with pytest.raises(NotAllowed):
        call(db, "picker1", counts.submit_count, row.id, sheet_of(db, code))
    with pytest.raises(counts.CountClosed):
        call(db, "receiver1", counts.submit_count, row.id, sheet_of(db, code))


def test_a_big_difference_waits_for_a_supervisor_who_can_recount_then_approve(db: Database) -> None:
    code = a_bin(db)
    row = open_count(db, code)
    before = bin_stock(db, code)
    result = call(db, "receiver1", counts.submit_count, row.id, sheet_of(db, code, {0: -5}))
    assert (result.status, result.adjusted, result.waiting) == ("review", 0, 1)
    assert bin_stock(db, code) == before, "nothing moves before the supervisor decides"
    (case,) = [r for r in call(db, "super1", list_exceptions) if r.kind == "count_variance"]
    assert case.decisions == ("approve", "recount") and row.code in case.summary
    with pytest.raises(NotAllowed):  # the counter is not the approver
        call(db, "receiver1", counts.variance_lines, row.id)
    call(db, "super1", decide_exception, case.id, "recount", "count it again, please")
    assert call(db, "receiver1", counts.get_count, row.id).round == 2
    # the second count finds 4 missing: the supervisor approves it
    result = call(db, "receiver1", counts.submit_count, row.id, sheet_of(db, code, {0: -4}))
    assert result.status == "review"
    (case2,) = [r for r in call(db, "super1", list_exceptions) if r.kind == "count_variance"]
    lines = call(db, "super1", counts.variance_lines, row.id)
    assert [(ln.variance, ln.outcome) for ln in lines if ln.variance] == [(-5, "recounted"), (-4, "review")]
    done = call(db, "super1", decide_exception, case2.id, "approve", "shelf checked")
    assert done["adjusted"] == 1
    assert bin_stock(db, code)[0][3] == before[0][3] - 4
    with db.unit_of_work() as uow:
        c = uow.session.get(models.StockCount, row.id)
        assert (c.status, c.counted_by, c.approved_by) == ("closed", actor(db, "receiver1").user_id,
                                                           actor(db, "super1").user_id)
        (audit,) = uow.session.scalars(select(models.AuditEntry).where(models.AuditEntry.action == "count_approved"))
        assert (audit.detail["counted_by"], audit.detail["approved_by"]) == ("receiver1", "super1")
        assert verify_ledger(uow) == []


def test_an_approved_loss_replans_the_reservations_it_breaks(db: Database) -> None:
    code = a_bin(db, reserved=True)
    rows = bin_stock(db, code)
    i = next(n for n, r in enumerate(rows) if r[4])
    gtin, _, _, on_hand, reserved, _ = rows[i]
    row = open_count(db, code)
    # everything but the reserved units, and then some, is gone
    call(db, "receiver1", counts.submit_count, row.id, sheet_of(db, code, {i: -(on_hand - reserved) - 1}))
    (case,) = [r for r in call(db, "super1", list_exceptions) if r.kind == "count_variance"]
    done = call(db, "super1", decide_exception, case.id, "approve", "counted twice")
    assert done["orders"], "an order lost a unit it had reserved"
    after = bin_stock(db, code)[i]
    assert after[3] == reserved - 1 and after[4] <= after[3]
    with db.unit_of_work() as uow:
        for order in uow.session.scalars(select(models.Order).where(models.Order.order_no.in_(done["orders"]))):
            reserved_units = sum(r.qty for ln in order.lines for r in ln.reservations)
            if order.status == "ready":
                assert reserved_units == sum(ln.qty for ln in order.lines)
            else:
                assert order.status in ("backordered", "held") and reserved_units == 0
        assert verify_ledger(uow) == []


def test_a_short_pick_opens_a_count_of_its_bin(db: Database) -> None:
    view = call(db, "picker1", picking.next_batch, today=TODAY)
    stop = view.open_stops[0]
    out = call(db, "picker1", picking.report_short, stop.task_id, 0, str(uuid.uuid4()), today=TODAY)
    assert out.missing_qty == stop.qty
    with db.unit_of_work() as uow:
        task = uow.session.get(models.PickTask, stop.task_id)
        (c,) = uow.session.scalars(select(models.StockCount).where(models.StockCount.location_id == task.location_id))
        assert (c.reason, c.status) == ("short_pick", "open")
    assert any(r.reason == "short_pick" for r in call(db, "receiver1", counts.list_counts))


def upload_for(db: Database, count_code: str, code: str, missing: int = 0) -> str:
    lines = ["# scanner 7, aisle A", f"COUNT {count_code}", f"LOC-{code}"]
    for i, (gtin, lot, expiry, on_hand, _, _) in enumerate(bin_stock(db, code)):
        qty = on_hand - (missing if i == 0 else 0)
        if lot:
            lines.append(f"(01){gtin}(10){lot}" + (f"(17){expiry:%y%m%d}" if expiry else "") + f"(30){qty}")
        else:
            lines += [gtin, f"QTY {qty}"]
    return "\n".join(lines) + "\n"


def test_the_scanner_upload_records_counts_and_a_bad_one_records_nothing(db: Database, tmp_path, capsys) -> None:
    code = a_bin(db)
    row = open_count(db, code)
    bad = tmp_path / "bad.txt"
    bad.write_text(upload_for(db, row.code, code) + "(01)06901234567890\nQTY x\nQTY 5\n", encoding="utf-8")
    pin = mock.patch("sys.stdin", io.StringIO("6666\n"))
    with pin:
        assert main(["count", "import", str(bad), "--db", db.url, "--user", "receiver1", "--pin-stdin"]) == 2
    err = capsys.readouterr().err
    assert "nothing was recorded" in err and "line 4" not in err and "Traceback" not in err
    assert f"line {len(upload_for(db, row.code, code).splitlines()) + 1}" in err
    with db.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(models.StockCountLine)) == 0
    good = tmp_path / "good.txt"
    good.write_text(upload_for(db, row.code, code, missing=1), encoding="utf-8")
    with mock.patch("sys.stdin", io.StringIO("6666\n")):
        assert main(["count", "import", str(good), "--db", db.url, "--user", "receiver1", "--pin-stdin"]) == 0
    out = capsys.readouterr().out
    assert f"{row.code}: " in out and "1 adjusted" in out
    # the listing of counts asks nobody and shows no figure
    assert main(["count", "list", "--all", "--json", "--db", db.url]) == 0
    listed = capsys.readouterr().out
    assert row.code in listed and "expected" not in listed


@pytest.mark.postgres
def test_a_count_approved_while_a_picker_picks_from_that_bin(pg_empty_url) -> None:
    """Two connections on PostgreSQL: the approval and the pick meet on one stock row; neither is lost."""
    db = Database.open(pg_empty_url)
    other = Database.open(pg_empty_url)
    try:
        build_demo(db, orders=20, seed=3, as_of=TODAY)
        view = call(db, "picker1", picking.next_batch, today=TODAY)
        with db.unit_of_work() as uow:  # the stop whose bin holds the most units beyond what is reserved
            def spare(s):  # noqa: ANN001, ANN202
                st = uow.session.get(models.PickTask, s.task_id).stock
                return st.on_hand - st.reserved
            stop = max(view.open_stops, key=spare)
        with db.unit_of_work(actor(db, "admin")) as uow:  # and some more units arrived there
            st = uow.session.get(models.PickTask, stop.task_id).stock
            change_on_hand(uow, location_id=st.location_id, sku_id=st.sku_id, lot_id=st.lot_id, delta=20,
                           kind=MovementKind.RECEIPT, ref="test")
            uow.commit()
        with db.unit_of_work() as uow:
            task = uow.session.get(models.PickTask, stop.task_id)
            code, st_id = task.location.code, task.stock_id
            st = uow.session.get(models.Stock, st_id)
            on_hand, reserved = st.on_hand, st.reserved
            gtin = st.sku.gtin
        rows = bin_stock(db, code)
        i = next(n for n, r in enumerate(rows) if r[0] == gtin and r[3] == on_hand)
        loss = max(3, tolerance(on_hand, rows[i][5]) + 1)
        assert on_hand - loss >= reserved, "the loss leaves the picker's units in the bin"
        row = open_count(db, code)
        call(db, "receiver1", counts.submit_count, row.id, sheet_of(db, code, {i: -loss}))
        (case,) = [r for r in call(db, "super1", list_exceptions) if r.kind == "count_variance"]
        barrier = threading.Barrier(2)
        errors: list[BaseException] = []

        # Both run as the stations run them: through the retry policy, so a deadlock PostgreSQL breaks
        # (one of the two is rolled back, 40P01) is tried again rather than lost.
        from desktop.db.retry import run_with_retry

        waiting = {"approve", "pick"}
        action_id = str(uuid.uuid4())  # the same action on every try, as a journal replays it

        def together(who: str) -> None:
            if who in waiting:
                waiting.discard(who)
                barrier.wait()

        def approve() -> None:
            def op(uow) -> None:  # noqa: ANN001
                together("approve")
                decide_exception(uow, case.id, "approve", "counted twice")
            try:
                run_with_retry(other, op, actor=actor(other, "super1"))
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        def pick() -> None:
            def op(uow) -> None:  # noqa: ANN001
                together("pick")
                picking.confirm_pick(uow, stop.task_id, stop.qty, stop.lot_code, action_id)
            try:
                run_with_retry(db, op, actor=actor(db, "picker1"))
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=approve), threading.Thread(target=pick)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert not errors, errors
        with db.unit_of_work() as uow:
            st = uow.session.get(models.Stock, st_id)
            # both happened, once each: the loss and the picked units are off the shelf
            assert (st.on_hand, st.reserved) == (on_hand - stop.qty - loss, reserved - stop.qty)
            assert uow.session.get(models.PickTask, stop.task_id).status == "picked"
            assert uow.session.get(models.StockCount, row.id).status == "closed"
            assert verify_ledger(uow) == []
    finally:
        other.dispose()
        db.dispose()
