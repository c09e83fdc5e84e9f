"""An address hold's SMS to the customer (seed §1.1): the console's hold detail says it was queued, then
sent and delivered — the message went through the Alibaba Cloud SMS simulator."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.domain.roles import Role
from desktop.partners.aliyun_sms import AliyunSmsAccount
from desktop.services.intake import run_intake
from desktop.services.notifications import refresh_sms_reports, send_pending_sms
from tests.simulators.aliyun_sms import AliyunSmsSimulator
from ui import i18n
from ui.main_window import MainWindow

SUPER = Actor(None, "super1", "Zhou Jing", Role.SUPERVISOR, "SUP-01")


@pytest.fixture
def held(demo_db: Database) -> str:
    with demo_db.unit_of_work() as uow:
        order = uow.session.scalars(select(models.Order).where(models.Order.status == "received",
                                                                models.Order.ship_country == "CN")
                                    .order_by(models.Order.id)).first()
        order.ship_district = ""
        order.customer_phone_sealed = uow.sealer.seal("+86 139 0013 9000", "customer_phone", order.order_no)
        order_id, order_no = order.id, order.order_no
        uow.commit()
    (result,) = run_intake(demo_db, [order_id], actor=SUPER).results
    assert "address" in result.held_gates
    return order_no


@pytest.fixture
def english_afterwards(qapp) -> Iterator[None]:
    yield
    i18n.apply_language(qapp, "en")


@pytest.mark.parametrize(("language", "queued", "sent"), [
    ("en", "Customer to be asked by SMS: queued.", "Customer asked to complete the address by SMS: sent"),
    ("zh_CN", "将通过短信请顾客补充地址：排队中。", "通过短信请顾客补充地址。"),
])
def test_the_hold_shows_the_customer_was_texted(qtbot, qapp, window: MainWindow, sign_in, demo_db, held, language,
                                                queued, sent, english_afterwards) -> None:
    i18n.apply_language(qapp, language)
    sign_in("super1")
    ws = window.workspace
    qtbot.waitUntil(lambda: any(e.order_no == held and e.kind == "address_hold" for e in ws.exceptions),
                    timeout=10_000)
    case = next(e for e in ws.exceptions if e.order_no == held and e.kind == "address_hold")
    assert ws.select_exception(case.id)
    detail = ws.findChild(QLabel, "supervisor_exception_detail")
    assert queued in detail.text()
    sim = AliyunSmsSimulator(templates={"SMS_9": "订单${order}的收货地址需补充：${detail}"}).start()
    try:
        account = AliyunSmsAccount("LTAI5tPickdeskTest", "pickdesk-test-secret", "拣货台商城",
                                   {"address_incomplete": {"zh": "SMS_9"}}, endpoint=sim.url, max_per_second=0)
        assert send_pending_sms(demo_db, account, actor=SUPER).sent >= 1
        refresh_sms_reports(demo_db, account, actor=SUPER)
    finally:
        sim.stop()
    assert any(held in s.content for s in sim.sent)
    ws.refresh()
    qtbot.waitUntil(lambda: sent in detail.text(), timeout=10_000)
    assert ("Delivered." if language == "en" else "已送达。") in detail.text()
    if os.environ.get("PICKDESK_SHOT_DIR"):  # a look at it, outside the repository
        ws.tabs.setCurrentWidget(ws.exceptions_panel)
        window.grab().save(os.path.join(os.environ["PICKDESK_SHOT_DIR"], f"hold-sms-{language}.png"))
