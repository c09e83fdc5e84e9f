"""The cart on the picker's screen: a tote of the picker's choosing instead of a suggested one, and
single-unit orders in the cart's open bin when the warehouse's cart layout says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.picking import Step
from ui.feedback import Verdict
from picker_scans import drop_off, good_unit
from ui.main_window import MainWindow


def single_units_loose_with_one_unit_orders(db: Database, count: int = 2) -> list[str]:
    """The cart layout's open bin switched on (as the set-up import writes it), and `count` of the demo's
    ready orders (several units each) cut to one unit, reserved again."""
    from desktop.services.stock import release_line, reserve_line

    with db.unit_of_work() as uow:
        for w in uow.session.scalars(select(models.Warehouse)):
            w.layout = {**w.layout, "cart": {"single_units_loose": True}}
        orders = uow.session.scalars(select(models.Order).where(models.Order.status == "ready")
                                     .order_by(models.Order.priority_score.desc(), models.Order.id)).all()[:count]
        for order in orders:
            first, *rest = sorted(order.lines, key=lambda ln: ln.line_no)
            for line in order.lines:
                release_line(uow, line)
            for line in rest:
                uow.session.delete(line)
            first.qty = 1
            uow.session.flush()
            reserve_line(uow, first, order.warehouse_id, first.order.created_at.date())
        numbers = [o.order_no for o in orders]
        uow.commit()
    return numbers


def a_batch(qtbot, window: MainWindow, sign_in, login: str = "picker1"):  # noqa: ANN001, ANN201
    sign_in(login)
    ws = window.workspace
    with qtbot.waitSignal(ws.batch_shown, timeout=10_000):
        qtbot.mouseClick(ws.next_batch, Qt.MouseButton.LeftButton)
    return ws


def test_one_unit_orders_ride_in_the_open_bin_without_a_tote_scan_and_go_to_the_single_item_lane(
        qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    cut = single_units_loose_with_one_unit_orders(demo_db)
    ws = a_batch(qtbot, window, sign_in, "picker2")
    loose = [o for o in cut if o in ws.batch.orders]
    assert loose, "the planned batch takes the most urgent ready orders"
    assert all(s.tote_code is None for s in ws.batch.stops if s.order_no in loose)
    rows = [ws.totes.item(r) for r in range(ws.totes.count())]
    assert [r.text() for r in rows if r.data(Qt.ItemDataRole.UserRole) == "loose"] == [
        f"▫  {o} · open bin, 1 unit" for o in sorted(loose)]
    ws.take_suggested_totes()
    while ws.session.current is not None:
        stop = ws.session.current
        window.on_scan("LOC-" + stop.location_code)
        for _ in range(stop.remaining):
            window.on_scan(good_unit(stop))
        if stop.tote_code is None:  # the open bin: done with its unit, no tote to scan
            assert ws.session.current is not stop and ws.feedback.verdict is Verdict.GOOD
        else:
            assert ws.session.step is Step.PUT
            window.on_scan(stop.tote_code)
    if ws.session.step is Step.DROP_OFF:
        assert any(ws.totes.item(r).data(Qt.ItemDataRole.UserRole) == "loose" for r in range(ws.totes.count()))
        with qtbot.waitSignal(ws.batch_closed, timeout=10_000):
            drop_off(window, ws)
    assert "single-item packing lane" in ws.status.text() and loose[0] in ws.status.text()


def test_any_free_tote_or_a_new_one_may_go_on_the_cart_instead_of_a_suggested_one(
        qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    ws = a_batch(qtbot, window, sign_in, "picker1")
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
