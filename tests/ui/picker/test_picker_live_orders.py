"""A newly released order shows on an idle picker's screen within a second (the change feed)."""

from sqlalchemy import select

from desktop.db import models
from desktop.domain.lifecycle import OrderStatus
from desktop.services.orders import change_status


def test_a_released_order_reaches_the_idle_pickers_count_within_a_second(qtbot, window, demo_db, sign_in):
    sign_in("picker1")
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.watcher.last_id is not None and ws.ready_orders > 0)  # loaded and listening
    before = ws.ready_orders
    with demo_db.unit_of_work() as uow:  # another station releases a held order
        order = uow.session.scalar(select(models.Order).where(models.Order.status == "backordered")
                                   .order_by(models.Order.id))
        change_status(uow, order, OrderStatus.READY, reason="stock arrived")
        uow.commit()
    qtbot.waitUntil(lambda: ws.ready_orders == before + 1, timeout=1500)
