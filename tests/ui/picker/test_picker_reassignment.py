"""A supervisor's reassignment, written on another station, reaches the open picker window within a second."""

from __future__ import annotations

from picker_scans import good_unit, into_the_tote, reassign, to_the_cart
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import Database
from ui.feedback import Verdict
from ui.main_window import MainWindow


def a_batch_for(db: Database, login: str) -> str:
    """Any unfinished batch, handed to `login` by the supervisor (as their console would)."""
    with db.unit_of_work() as uow:
        code = uow.session.scalar(select(models.PickBatch.code)
                                  .where(models.PickBatch.status.in_(("assigned", "picking")))
                                  .order_by(models.PickBatch.id))
    assert code is not None
    reassign(db, code, login)
    return code


def pick_events(db: Database, code: str) -> int:
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).select_from(models.PickEvent).join(models.PickTask)
                                  .join(models.PickBatch).where(models.PickBatch.code == code,
                                                                models.PickEvent.kind == "pick"))


def test_between_stops_the_picker_goes_back_to_next_batch(qtbot, window: MainWindow, demo_db: Database,
                                                          sign_in) -> None:
    sign_in("picker1")
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.watcher.last_id is not None)
    # A batch the supervisor assigns to an idle picker shows up by itself.
    with qtbot.waitSignal(ws.batch_shown, timeout=1500) as shown:
        code = a_batch_for(demo_db, "picker1")
    assert shown.args == [code] and ws.pages.currentIndex() == 1
    with qtbot.waitSignal(ws.batch_closed, timeout=1500) as closed:
        reassign(demo_db, code, "picker2")
    assert closed.args == ["reassigned"]
    assert ws.pages.currentIndex() == 0 and "picker2" in ws.status.text()
    assert ws.batch is None


def test_mid_stop_the_picker_is_told_and_may_finish_the_stop(qtbot, window: MainWindow, demo_db: Database,
                                                             sign_in) -> None:
    code = a_batch_for(demo_db, "picker1")
    sign_in("picker1")
    ws = window.workspace
    with qtbot.waitSignal(ws.batch_shown, timeout=10_000):
        qtbot.mouseClick(ws.next_batch, Qt.MouseButton.LeftButton)
    assert ws.batch.code == code
    qtbot.waitUntil(lambda: ws.watcher.last_id is not None)
    to_the_cart(ws)
    stop = ws.session.current
    window.on_scan("LOC-" + stop.location_code)
    assert ws.session.mid_stop
    before = pick_events(demo_db, code)
    with qtbot.waitSignal(ws.notice, timeout=1500, check_params_cb=lambda text: "reassigned" in text):
        reassign(demo_db, code, "picker3")
    # Told, not overridden: the stop in hand stays on screen.
    assert ws.pages.currentIndex() == 1 and ws.session is not None and ws.session.current is stop
    assert "picker3" in ws.status.text()
    # Finishing the stop: the units are judged as usual, but the central database no longer takes
    # them from this picker — the screen says so and goes back to Next batch.
    with qtbot.waitSignal(ws.batch_closed, timeout=5000):
        for _ in range(stop.remaining):
            window.on_scan(good_unit(stop))
        into_the_tote(window, ws)
    assert ws.feedback.verdict is Verdict.REFUSED and "no longer yours" in ws.feedback.text.text()
    assert pick_events(demo_db, code) == before
