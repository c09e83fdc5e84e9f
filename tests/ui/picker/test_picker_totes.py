"""Totes bound and checked on the picker's screen, the stop table in step with the card, a badge
mid-batch, and a scanner burst into the count field while the GUI thread is stalled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.picking import Step
from picker_scans import drop_off, good_unit, into_the_tote, to_the_cart
from ui.feedback import Verdict
from ui.main_window import MainWindow
from wedge_replay import replay_during_stall


def a_batch(qtbot, window: MainWindow, sign_in, login: str = "picker1"):  # noqa: ANN001, ANN201
    sign_in(login)
    ws = window.workspace
    with qtbot.waitSignal(ws.batch_shown, timeout=10_000):
        qtbot.mouseClick(ws.next_batch, Qt.MouseButton.LeftButton)
    return ws


def walk_to_a_stop(qtbot, window: MainWindow, ws, wanted) -> object:  # noqa: ANN001
    """Pick stops (whole batches if need be) until the current one satisfies `wanted(stop)`; returns it
    with the cart ready and its location not yet scanned."""
    for _ in range(5):
        if any(wanted(s.as_pick_stop()) for s in ws.batch.open_stops):
            break
        to_the_cart(ws)
        while ws.session.current is not None:
            stop = ws.session.current
            window.on_scan("LOC-" + stop.location_code)
            for _ in range(stop.remaining):
                window.on_scan(good_unit(stop))
            into_the_tote(window, ws)
        drop_off(window, ws)
        qtbot.waitUntil(lambda: ws.batch is None and ws.pending_writes == 0, timeout=10_000)
        with qtbot.waitSignal(ws.batch_shown, timeout=10_000):
            ws.request_next_batch()
    to_the_cart(ws)
    while not wanted(ws.session.current):
        stop = ws.session.current
        window.on_scan("LOC-" + stop.location_code)
        for _ in range(stop.remaining):
            window.on_scan(good_unit(stop))
        into_the_tote(window, ws)
        assert ws.session.current is not None, "the demo batch has no such stop"
    return ws.session.current


def refusal_reasons(db: Database, task_id: int) -> list[str]:
    with db.unit_of_work() as uow:
        return [e.detail["reason"] for e in uow.session.scalars(
            select(models.PickEvent).where(models.PickEvent.task_id == task_id, models.PickEvent.kind == "error"))]


def tote_on_another_cart(db: Database, mine: str) -> tuple[str, str]:
    """A tote on another cart (one left on an earlier batch's cart, if no other cart has one)."""
    B, T = models.PickBatch, models.Tote
    query = select(T.code, B.code).join(B, T.batch_id == B.id).where(B.code != mine, T.status == "in_use")
    with db.unit_of_work() as uow:
        found = uow.session.execute(query.order_by(T.code)).first()
        if found is None:
            other = uow.session.scalars(select(B).where(B.code != mine).order_by(B.id)).first()
            tote = uow.session.scalars(select(T).where(T.status == "free").order_by(T.code)).first()
            tote.status, tote.batch = "in_use", other
            uow.commit()
            found = (tote.code, other.code)
    return tuple(found)


def test_totes_are_scanned_onto_the_cart_and_every_put_is_checked(qtbot, window: MainWindow, demo_db: Database,
                                                                  sign_in) -> None:
    ws = a_batch(qtbot, window, sign_in)
    sounds: list[str] = []
    ws.feedback.sounds.played.connect(sounds.append)
    session = ws.session
    assert session.step is Step.CART and len(session.totes) >= 2, "the demo batch has two orders or more"
    assert ws.side.currentWidget() is ws.totes and ws.totes.count() == len(session.totes)
    assert "Totes onto the cart" in ws.cur_location.text() and ws.take_totes.isVisible()

    # Before the cart is ready the shelf waits: a location is refused, and says which totes.
    first = session.current
    window.on_scan("LOC-" + first.location_code)
    assert ws.feedback.verdict is Verdict.REFUSED and sounds[-1] == "bad"
    assert session.totes[0] in ws.feedback.text.text()
    elsewhere, holder = tote_on_another_cart(demo_db, ws.batch.code)
    window.on_scan(elsewhere)  # a tote on another picker's cart: refused by the floor, saying where it is
    qtbot.waitUntil(lambda: ws.feedback.verdict is Verdict.REFUSED and holder in ws.feedback.text.text(),
                    timeout=10_000)
    assert f"Tote {elsewhere} is on another cart" in ws.feedback.text.text() and ws.session is session
    for n, tote in enumerate(session.totes, start=1):
        window.on_scan(tote)
        assert ws.feedback.verdict is Verdict.GOOD and sounds[-1] == "good"
        if n < len(session.totes):  # the list ticks each; with the last one the route comes back
            assert ws.totes.item(n - 1).data(Qt.ItemDataRole.UserRole) == "done"
            assert ws.totes.item(n - 1).text().startswith("✔")
    assert session.step is Step.LOCATION and ws.side.currentIndex() == 0 and not ws.take_totes.isVisible()

    # At the stop: every unit in hand, then the tote. Another tote on the same cart is a mis-sort.
    stop = session.current
    window.on_scan("LOC-" + stop.location_code)
    for _ in range(stop.remaining):
        window.on_scan(good_unit(stop))
    assert session.step is Step.PUT and f"Into tote {stop.tote_code}" in ws.cur_tote.text()
    assert "scan the tote" in ws.feedback.text.text()
    other = next(t for t in session.totes if t != stop.tote_code)
    sounds.clear()
    window.on_scan(other)
    assert ws.feedback.verdict is Verdict.REFUSED and ws.feedback.property("verdict") == "refused"
    assert f"Wrong tote {other}" in ws.feedback.text.text() and stop.tote_code in ws.feedback.text.text()
    assert sounds == ["bad"] and session.step is Step.PUT and session.current is stop
    window.on_scan(good_unit(stop))  # another unit instead of the tote: put these first
    assert ws.feedback.verdict is Verdict.REFUSED and "scan the tote" in ws.feedback.text.text()
    with qtbot.waitSignal(ws.persisted, timeout=10_000):
        window.on_scan(stop.tote_code)
    assert ws.feedback.verdict is Verdict.GOOD and session.current is not stop
    qtbot.waitUntil(lambda: ws.pending_writes == 0, timeout=10_000)
    assert sorted(refusal_reasons(demo_db, stop.task_id)) == ["put_first", "tote_not_free", "totes_first", "wrong_tote"]
    with demo_db.unit_of_work() as uow:
        assert uow.session.get(models.PickTask, stop.task_id).status == "picked"


def test_the_batch_ends_on_the_drop_off_with_a_scan_per_tote(qtbot, window: MainWindow, sign_in) -> None:
    ws = a_batch(qtbot, window, sign_in)
    to_the_cart(ws)
    totes = ws.session.totes
    while ws.session.current is not None:
        stop = ws.session.current
        window.on_scan("LOC-" + stop.location_code)
        for _ in range(stop.remaining):
            window.on_scan(good_unit(stop))
        into_the_tote(window, ws)
    # Not a small grey line: the screen lists the totes to take to packing.
    assert ws.session.step is Step.DROP_OFF and ws.pages.currentIndex() == 1
    assert ws.cur_location.text() == "To packing" and ws.side.currentWidget() is ws.totes
    assert [ws.totes.item(r).text().split()[1] for r in range(ws.totes.count())] == list(totes)
    qtbot.waitUntil(lambda: ws.pending_writes == 0, timeout=10_000)
    assert ws.batch is not None  # recorded centrally, still on screen until dropped off
    window.on_scan("LOC-" + stop.location_code)
    assert ws.feedback.verdict is Verdict.REFUSED and "packing" in ws.feedback.text.text()
    window.on_scan(totes[-1])
    assert ws.feedback.verdict is Verdict.GOOD and ws.totes.item(len(totes) - 1).data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(ws.batch_closed, timeout=5000) as closed:
        for tote in totes[:-1]:
            window.on_scan(tote)
    assert closed.args == ["done"] and ws.pages.currentIndex() == 0
    assert "totes at packing" in ws.status.text()


def test_the_stop_table_counts_the_units_in_hand_as_the_card_does(qtbot, window: MainWindow, sign_in) -> None:
    ws = a_batch(qtbot, window, sign_in)
    stop = walk_to_a_stop(qtbot, window, ws, lambda s: s.remaining >= 2)
    window.on_scan("LOC-" + stop.location_code)
    window.on_scan(good_unit(stop))
    row = next(r for r, s in enumerate(ws.stops.stops_model.stops) if s.task_id == stop.task_id)
    assert "in hand 1" in ws.cur_qty.text()
    assert ws.stops.stops_model.index(row, 3).data() == f"{stop.picked + 1} / {stop.qty}"


def test_a_badge_scanned_mid_batch_is_a_badge(qtbot, window: MainWindow, sign_in) -> None:
    ws = a_batch(qtbot, window, sign_in)
    to_the_cart(ws)
    window.on_scan("BADGE-0007")
    assert ws.feedback.verdict is Verdict.REFUSED
    assert "badge" in ws.feedback.text.text() and "location first" not in ws.feedback.text.text()
    assert ws.session.step is Step.LOCATION


def test_a_burst_into_the_count_field_during_a_stall_is_the_next_unit_not_a_number(qtbot, qapp, window: MainWindow,
                                                                                    sign_in) -> None:
    """The floor's report: the second of two item scans went into the Count field and read as a number."""
    window.station.listen_to_keyboard(qapp)  # the real keyboard wedge on the application
    ws = a_batch(qtbot, window, sign_in)
    stop = walk_to_a_stop(qtbot, window, ws, lambda s: s.remaining >= 2 and s.lot_code is None)
    window.activateWindow()
    window.on_scan("LOC-" + stop.location_code)
    window.on_scan(good_unit(stop))
    qtbot.waitUntil(ws.qty.hasFocus)  # the count field has the focus, as on the floor
    assert ws.session.taken == 1
    replay_during_stall(stop.gtin14, stall_ms=300)  # the plain GTIN digits: a count field would take them
    qtbot.waitUntil(lambda: ws.session.taken == 2 or ws.session.current is not stop or
                    ws.feedback.verdict is Verdict.REFUSED, timeout=3000)
    qtbot.wait(100)
    assert ws.feedback.verdict is Verdict.GOOD, ws.feedback.text.text()
    assert ws.qty.text() == ""
    assert ws.session.current is stop and (ws.session.taken == 2 or ws.session.step is Step.PUT)
