"""A picker walks whole batches from sign-in by scans alone: every refusal, a short pick, the end.

Scans go in through `window.on_scan` (where the keyboard wedge and serial scanners deliver them);
the barcodes are built from the stops' own GTIN, lot and expiry. Afterwards the database must
hold exactly what was picked, the refusals as error events, and the short pick's consequences.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import Database
from picker_scans import drop_off, good_unit, into_the_tote, item, to_the_cart
from ui.feedback import Verdict
from ui.main_window import MainWindow


def stock_and_events(db: Database, task_id: int) -> tuple[int, int, int]:
    with db.unit_of_work() as uow:
        task = uow.session.get(models.PickTask, task_id)
        picks = uow.session.scalar(select(func.count()).select_from(models.PickEvent)
                                   .where(models.PickEvent.task_id == task_id, models.PickEvent.kind == "pick"))
        return task.stock.on_hand, task.stock.reserved, picks


def other_gtin(db: Database, gtin: str) -> str:
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(models.Sku.gtin).where(models.Sku.gtin != gtin).limit(1))


def test_a_whole_batch_by_scans_with_every_refusal_then_a_short_pick(qtbot, window: MainWindow, demo_db: Database,
                                                                     sign_in) -> None:
    sign_in("picker1")
    ws = window.workspace
    sounds: list[str] = []
    qtbot.waitUntil(lambda: "orders" in ws.ready_count.text())

    # ── batch 1: the one the demo assigned to picker1, with every refusal at a lot-tracked stop ──
    with qtbot.waitSignal(ws.batch_shown, timeout=10_000):
        qtbot.mouseClick(ws.next_batch, Qt.MouseButton.LeftButton)
    ws.feedback.sounds.played.connect(sounds.append)
    first_batch = ws.batch.code
    today = ws.batch.today
    to_the_cart(ws)
    refused_at: dict[str, int] = {}
    before: dict[int, tuple[int, int, int]] = {s.task_id: stock_and_events(demo_db, s.task_id) for s in ws.batch.stops}

    def expect_refused(raw: str, reason_word: str) -> None:
        task = ws.session.current.task_id
        step, taken = ws.session.step, ws.session.taken
        sounds.clear()
        window.on_scan(raw)
        assert ws.feedback.verdict is Verdict.REFUSED and ws.feedback.property("verdict") == "refused"
        assert reason_word in ws.feedback.text.text()
        assert sounds == ["bad"]
        assert (ws.session.current.task_id, ws.session.step, ws.session.taken) == (task, step, taken)
        refused_at[reason_word] = task

    def expect_good(raw: str) -> None:
        sounds.clear()
        window.on_scan(raw)
        assert ws.feedback.verdict is Verdict.GOOD, ws.feedback.text.text()
        assert sounds == ["good"]

    while ws.session is not None and ws.session.current is not None:
        stop = ws.session.current
        refusals_here = stop.lot_code is not None and stop.min_expiry is not None and stop.min_expiry > today \
            and "Wrong lot" not in refused_at
        if refusals_here:
            expect_refused(good_unit(stop), "location first")
            wrong = "LOC-SZ1-A01-1-01-1" if stop.location_code != "SZ1-A01-1-01-1" else "LOC-SZ1-A02-1-01-1"
            expect_refused(wrong, "Wrong location")
        expect_good("LOC-" + stop.location_code)
        if refusals_here:
            expect_refused(item(other_gtin(demo_db, stop.gtin14)), "Wrong item")
            expect_refused(item(stop.gtin14, "X1", today - timedelta(days=3)), "Expired")
            expect_refused(item(stop.gtin14, "X1", stop.min_expiry), "short-dated")
            expect_refused(item(stop.gtin14, "WRONG1", stop.lot_expiry), "Wrong lot")
            expect_refused(item(stop.gtin14, stop.lot_code, stop.lot_expiry, count=stop.remaining + 1), "Too many")
            for task_id in set(refused_at.values()):  # nothing recorded for a refusal
                assert stock_and_events(demo_db, task_id) == before[task_id]
        for _ in range(stop.remaining):
            expect_good(good_unit(stop))
        expect_good(stop.tote_code)  # into the stop's tote, scanned
    drop_off(window, ws)
    assert set(refused_at) == {"location first", "Wrong location", "Wrong item", "Expired", "short-dated",
                               "Wrong lot", "Too many"}, "the demo batch needs a lot-tracked, shelf-life stop"
    qtbot.waitUntil(lambda: ws.batch is None and ws.pending_writes == 0, timeout=10_000)
    assert ws.pages.currentIndex() == 0 and ws.next_batch.isEnabled()

    # ── batch 2: planned from ready orders; a short pick at the second stop, a keyed count ──
    with qtbot.waitSignal(ws.batch_shown, timeout=10_000):
        qtbot.keyClick(ws, Qt.Key.Key_F5)
    second_batch = ws.batch.code
    assert second_batch != first_batch and len(ws.batch.stops) >= 2
    to_the_cart(ws)
    for s in ws.batch.stops:
        before[s.task_id] = stock_and_events(demo_db, s.task_id)
    stop = ws.session.current
    window.on_scan("LOC-" + stop.location_code)
    for _ in range(stop.remaining):
        window.on_scan(good_unit(stop))
    into_the_tote(window, ws)
    short_stop = ws.session.current
    window.on_scan("LOC-" + short_stop.location_code)
    ws.open_short_dialog()
    dialog = ws.findChild(QDialog, "picker_short_dialog")
    qtbot.waitUntil(dialog.isVisible)
    dialog.found.setValue(0)
    with qtbot.waitSignal(ws.persisted, timeout=10_000):
        dialog.accept()
    qtbot.waitUntil(lambda: not ws._loading)
    assert "re-planned" in ws.status.text() or "held" in ws.status.text()
    while ws.batch is not None and ws.session.current is not None:
        stop = ws.session.current
        expect_good("LOC-" + stop.location_code)
        expect_good(good_unit(stop))
        if ws.session.current is stop and ws.session.taken < stop.remaining:
            qtbot.keyClicks(ws.qty, str(stop.remaining))
            qtbot.keyClick(ws.qty, Qt.Key.Key_Return)
            assert ws.feedback.verdict is Verdict.GOOD
        into_the_tote(window, ws)
        assert ws.feedback.verdict is Verdict.GOOD, ws.feedback.text.text()
    drop_off(window, ws)
    qtbot.waitUntil(lambda: ws.batch is None and ws.pending_writes == 0, timeout=10_000)
    assert ws.pages.currentIndex() == 0

    # ── the database afterwards ──
    with demo_db.unit_of_work() as uow:
        s = uow.session
        for code in (first_batch, second_batch):
            batch = s.scalar(select(models.PickBatch).where(models.PickBatch.code == code))
            assert batch.status == "done" and batch.finished_at is not None
        b1 = s.scalar(select(models.PickBatch).where(models.PickBatch.code == first_batch))
        assert {t.status for t in b1.tasks} == {"picked"}
        for t in b1.tasks:
            on_hand, reserved, _picks = before[t.id]
            assert (t.stock.on_hand, t.stock.reserved) == (on_hand - t.qty, reserved - t.qty)
            assert t.line.order.status == "picked"
        errors = s.scalars(select(models.PickEvent).where(models.PickEvent.kind == "error",
                                                          models.PickEvent.task_id.in_([t.id for t in b1.tasks]))).all()
        assert sorted(e.detail["reason"] for e in errors) == sorted(
            ["scan_location_first", "wrong_location", "wrong_item", "expired", "short_dated", "wrong_lot", "over_pick"])
        b2 = s.scalar(select(models.PickBatch).where(models.PickBatch.code == second_batch))
        short = s.get(models.PickTask, short_stop.task_id)
        assert short.status == "short" and short.picked_qty == 0
        order = short.line.order
        if order.status == "held":
            assert order.hold_reason == "shortage"
            case = s.scalar(select(models.ExceptionCase).where(models.ExceptionCase.order_id == order.id,
                                                               models.ExceptionCase.kind == "short_pick"))
            assert case is not None and case.detail["location"] == short_stop.location_code
            assert all(t.status in ("picked", "short", "skipped") for t in b2.tasks if t.line.order_id == order.id)
        else:  # another bin served the missing units
            assert order.status == "picked"
            assert any(t.status == "picked" and t.order_line_id == short.order_line_id and t.id != short.id
                       for t in b2.tasks)
        for t in b2.tasks:
            if t.status == "picked":
                assert t.picked_qty == t.qty
                assert s.scalar(select(func.count()).select_from(models.PickEvent)
                                .where(models.PickEvent.task_id == t.id, models.PickEvent.kind == "pick")) == 1
        picked_orders = {t.line.order.order_no for t in b2.tasks if t.line.order_id != order.id}
        for no in picked_orders:
            assert s.scalar(select(models.Order.status).where(models.Order.order_no == no)) == "picked"
        # The short stop's bin gave back the missing reservation.
        on_hand, reserved, _ = before[short_stop.task_id]
        assert (short.stock.on_hand, short.stock.reserved) == (on_hand, reserved - short_stop.remaining)
