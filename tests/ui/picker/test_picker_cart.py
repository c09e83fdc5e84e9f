"""The cart on the picker's screen: a tote of the picker's choosing instead of a suggested one, and
single-unit orders in the cart's open bin when the warehouse's cart layout says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.picking import Step
from ui.feedback import Verdict
from ui.main_window import MainWindow


def a_batch(qtbot, window: MainWindow, sign_in, login: str = "picker1"):  # noqa: ANN001, ANN201
    sign_in(login)
    ws = window.workspace
    with qtbot.waitSignal(ws.batch_shown, timeout=10_000):
        qtbot.mouseClick(ws.next_batch, Qt.MouseButton.LeftButton)
    return ws


def test_any_free_tote_or_a_new_one_may_go_on_the_cart_instead_of_a_suggested_one(
        qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    ws = a_batch(qtbot, window, sign_in, "picker2")
    suggested = list(ws.session.totes)
    first_orders = {s.order_no for s in ws.batch.stops if s.tote_code == suggested[0]}
    with demo_db.unit_of_work() as uow:
        free = uow.session.scalars(select(models.Tote.code).where(models.Tote.status == "free")
                                   .order_by(models.Tote.code.desc())).first()
    window.on_scan(free)  # not suggested, but free: it takes the first suggested tote's place
    qtbot.waitUntil(lambda: free in ws.session.totes, timeout=10_000)
    assert ws.feedback.verdict is Verdict.GOOD and f"instead of {suggested[0]}" in ws.feedback.text.text()
    assert ws.session.on_cart == [free] and suggested[0] not in ws.session.totes
    assert {s.order_no for s in ws.batch.stops if s.tote_code == free} == first_orders
    assert ws.totes.item(0).text().startswith("✔") and free in ws.totes.item(0).text()
    window.on_scan("TOTE-98765")  # a new tote, never seen on this floor: registered on this cart
    qtbot.waitUntil(lambda: "TOTE-98765" in ws.session.totes, timeout=10_000)
    assert ws.session.on_cart == [free, "TOTE-98765"]
    with demo_db.unit_of_work() as uow:
        rows = dict(uow.session.execute(select(models.Tote.code, models.Tote.status)
                                        .where(models.Tote.code.in_([free, "TOTE-98765", *suggested[:2]]))).all())
    assert rows == {free: "in_use", "TOTE-98765": "in_use", suggested[0]: "free", suggested[1]: "free"}
    for tote in ws.session.totes_to_bind:
        window.on_scan(tote)
    assert ws.session.step is Step.LOCATION
