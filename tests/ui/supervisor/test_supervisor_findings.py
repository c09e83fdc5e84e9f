"""An order intake held at two gates: the console's exception detail lists every finding, in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.domain.roles import Role
from desktop.services.intake import run_intake
from ui import i18n
from ui.main_window import MainWindow


@pytest.fixture
def held_twice(demo_db: Database) -> str:
    """A received demo order given a five-digit postal code and 1.00 too much charged, then intake."""
    with demo_db.unit_of_work() as uow:
        order = uow.session.scalars(select(models.Order).where(models.Order.status == "received",
                                                                models.Order.ship_country == "CN")
                                    .order_by(models.Order.id)).first()
        order.ship_postal_code = "51805"
        order.total_charged = order.total_charged + Decimal("1.00")
        order_id, order_no = order.id, order.order_no
        uow.commit()
    summary = run_intake(demo_db, [order_id], actor=Actor(None, "super1", "Zhou Jing", Role.SUPERVISOR, "SUP-01"))
    (result,) = summary.results
    assert "address" in result.held_gates and "price" in result.held_gates
    return order_no


@pytest.fixture
def english_afterwards(qapp) -> Iterator[None]:
    yield
    i18n.apply_language(qapp, "en")


@pytest.mark.parametrize(("language", "heading", "postal"), [
    ("en", "Everything intake found wrong with this order:", "is not a six-digit Chinese postal code"),
    ("zh_CN", "入库检查发现此订单的全部问题：", "不是六位数字的邮政编码"),
])
def test_the_exception_detail_lists_every_finding_of_the_order(qtbot, qapp, window: MainWindow, sign_in, held_twice,
                                                                language, heading, postal, english_afterwards) -> None:
    i18n.apply_language(qapp, language)
    sign_in("super1")
    ws = window.workspace
    qtbot.waitUntil(lambda: any(e.order_no == held_twice for e in ws.exceptions), timeout=10_000)
    cases = [e for e in ws.exceptions if e.order_no == held_twice]
    assert {"address_hold", "price_hold"} <= {e.kind for e in cases}
    for case in cases:
        assert ws.select_exception(case.id)
        text = ws.findChild(QLabel, "supervisor_exception_detail").text()
        assert heading in text
        assert f"• address.postal_code: '51805' {postal}" in text
        assert "• total_charged: " in text
