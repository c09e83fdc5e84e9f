"""An order cancelled on another station reaches the open picker window through the live path (the
change feed; SQLite polls it): told with words and the check sound, its stops off the route, its tote
marked "cancelled — do not pack" at the drop-off."""

from __future__ import annotations

from picker_scans import actor, good_unit, into_the_tote, reassign, to_the_cart
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.picking import Step
from desktop.services.supervision import orders as supervision
from ui.feedback import Verdict
from ui.main_window import MainWindow


def cancel(db: Database, order_no: str) -> None:
    """What the supervisor's console does on its own station."""
    with db.unit_of_work(actor(db, "super1")) as uow:
        supervision.cancel_order(uow, order_no, "customer cancelled in the app")


def test_the_open_picker_window_is_told_at_once_and_the_tote_is_marked(qtbot, window: MainWindow,
                                                                        demo_db: Database, sign_in) -> None:
    with demo_db.unit_of_work() as uow:  # the demo's batch on the floor: two orders, a stop each
        code = uow.session.scalar(select(models.PickBatch.code)
                                  .where(models.PickBatch.status.in_(("assigned", "picking")))
                                  .order_by(models.PickBatch.id))
    reassign(demo_db, code, "picker1")
    sign_in("picker1")
    ws = window.workspace
    with qtbot.waitSignal(ws.batch_shown, timeout=10_000):
        qtbot.mouseClick(ws.next_batch, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ws.watcher.last_id is not None)
    sounds: list[str] = []
    ws.feedback.sounds.played.connect(sounds.append)
    to_the_cart(ws)
    first = ws.session.current
    window.on_scan("LOC-" + first.location_code)
    with qtbot.waitSignal(ws.persisted, timeout=10_000):
        for _ in range(first.remaining):
            window.on_scan(good_unit(first))
        into_the_tote(window, ws)
    second = ws.session.current
    assert second is not None and second.order_no != first.order_no
    window.on_scan("LOC-" + second.location_code)
    window.on_scan(good_unit(second))
    assert ws.session.taken == 1

    # The first order (its units already in the tote) is cancelled: told at once, the stop in hand stays.
    sounds.clear()
    with qtbot.waitSignal(ws.cancellation_told, timeout=3000, check_params_cb=lambda o: o == first.order_no):
        cancel(demo_db, first.order_no)
    assert ws.feedback.verdict is Verdict.CHECK and sounds == ["bad"]
    text = ws.feedback.text.text()
    assert first.order_no in text and "cancelled — do not pack" in text and first.tote_code in text
    assert ws.session.current is second and ws.session.taken == 1

    # The second one too, with a unit of it in the picker's hand: back to the shelf, the stop gone.
    with qtbot.waitSignal(ws.cancellation_told, timeout=3000, check_params_cb=lambda o: o == second.order_no):
        cancel(demo_db, second.order_no)
    text = ws.feedback.text.text()
    assert "back at " + second.location_code in text
    assert ws.session.current is None and ws.session.step is Step.DROP_OFF
    assert ws.session.totes == (first.tote_code,)
    rows = [ws.totes.item(i) for i in range(ws.totes.count())]
    assert len(rows) == 1 and "cancelled — do not pack" in rows[0].text()
    assert rows[0].data(Qt.ItemDataRole.UserRole + 1) == "cancelled"
    model = ws.stops.stops_model
    assert model.status_of(next(s for s in model.stops if s.task_id == second.task_id)) == "cancelled"
    # The tote left at the drop-off ends the batch on this station.
    with qtbot.waitSignal(ws.batch_closed, timeout=3000):
        window.on_scan(first.tote_code)
