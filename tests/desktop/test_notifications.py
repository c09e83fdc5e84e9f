"""The customer outbox against a REAL SMTP server (aiosmtpd on 127.0.0.1, an ephemeral port).

Messages are read back as the server received them: subject, To (a Chinese name, RFC 2047),
the decoded Chinese body, both parts. A server that refuses, or is down, counts attempts, waits
and finally marks the row failed. SMS rows wait for a gateway.
"""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.services.notifications import queue_notification, send_pending
from desktop.partners.smtp import SmtpSettings


class Inbox:
    def __init__(self, refuse: bool = False) -> None:
        self.messages: list = []
        self.refuse = refuse

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, ANN201, N802 - aiosmtpd's hook name
        if self.refuse:
            return "550 5.7.1 mailbox unavailable"
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, SmtpSettings("127.0.0.1", controller.port, "Pickdesk 仓库 <noreply@pickdesk.test>", timeout_s=5)
    controller.stop()


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    database = Database.open(f"sqlite:///{tmp_path / 'n.sqlite3'}")
    yield database
    database.dispose()


def make_order(db: Database, no: str, email: str | None) -> None:
    with db.unit_of_work() as uow:
        seal = uow.sealer.seal
        m = uow.session.scalar(select(models.Merchant)) or models.Merchant(code="M", name="M")
        o = models.Order(order_no=no, merchant=m, created_at=datetime.now(UTC),
                         customer_name_sealed=seal("王小明", "customer_name", no),
                         customer_phone_sealed=seal("13800138000", "customer_phone", no),
                         customer_email_sealed=seal(email, "customer_email", no) if email else None,
                         ship_country="CN", ship_detail_sealed=seal("科苑路 15 号", "ship_detail", no),
                         goods_total=Decimal(10), shipping_fee=Decimal(0), discount_total=Decimal(0),
                         total_charged=Decimal(10), payment_method="online", payment_status="paid")
        uow.session.add(o)
        uow.session.flush()
        queue_notification(uow, o, "shipped", tracking_no="SF123456789012", carrier="顺丰速运 SF Express")
        uow.commit()


def rows(db: Database) -> list[models.Notification]:
    with db.unit_of_work() as uow:
        return list(uow.session.scalars(select(models.Notification).order_by(models.Notification.id)))


def test_a_queued_email_reaches_a_real_smtp_server_in_both_languages(db, smtp_server):
    inbox, smtp = smtp_server
    make_order(db, "M-1", "xiaoming@example.cn")
    make_order(db, "M-2", None)  # no e-mail: the SMS channel
    report = send_pending(db, smtp)
    assert report.to_dict() == {"sent": 1, "retried": 0, "failed": 0, "waiting_sms": 1}
    assert len(inbox.messages) == 1
    rcpt, msg = inbox.messages[0]
    assert rcpt == ["xiaoming@example.cn"]
    assert msg["Subject"] == "您的订单 M-1 已发货 · Your order M-1 has shipped"
    assert msg["To"].addresses[0].display_name == "王小明"
    assert msg["To"].addresses[0].addr_spec == "xiaoming@example.cn"
    assert "=?utf-8?" in msg.as_string().split("\n\n")[0].lower()  # encoded headers on the wire
    plain = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert "王小明，您好" in plain and "顺丰速运" in plain and "SF123456789012" in plain
    assert "Your parcel is on its way" in plain
    assert "您的包裹已交给" in html
    sent, sms = rows(db)
    assert (sent.status, sent.attempts, sent.sent_at is not None) == ("sent", 1, True)
    assert (sms.channel, sms.status) == ("sms", "queued")
    assert send_pending(db, smtp).sent == 0  # nothing twice


def test_a_refusing_server_counts_attempts_backs_off_and_fails_after_n(db, smtp_server):
    inbox, smtp = smtp_server
    inbox.refuse = True
    make_order(db, "M-3", "a@example.cn")
    t = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert send_pending(db, smtp, now=lambda: t, max_attempts=3).retried == 1
    row = rows(db)[0]
    assert (row.status, row.attempts) == ("queued", 1)
    assert datetime.fromisoformat(row.payload["next_attempt_at"]) == t + timedelta(minutes=1)
    assert "550" in row.payload["last_error"]
    # Not due yet: left alone.
    assert send_pending(db, smtp, now=lambda: t + timedelta(seconds=30), max_attempts=3).retried == 0
    assert rows(db)[0].attempts == 1
    assert send_pending(db, smtp, now=lambda: t + timedelta(minutes=1), max_attempts=3).retried == 1
    assert datetime.fromisoformat(rows(db)[0].payload["next_attempt_at"]) == t + timedelta(minutes=3)
    assert send_pending(db, smtp, now=lambda: t + timedelta(minutes=3), max_attempts=3).failed == 1
    assert (rows(db)[0].status, rows(db)[0].attempts) == ("failed", 3)
    assert not inbox.messages


def test_a_server_that_is_down_is_retried_later_and_then_delivers(db, smtp_server):
    inbox, smtp = smtp_server
    make_order(db, "M-4", "b@example.cn")
    down = SmtpSettings("127.0.0.1", free_port(), timeout_s=2)  # nobody listens there
    t = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert send_pending(db, down, now=lambda: t).retried == 1
    assert rows(db)[0].attempts == 1
    assert send_pending(db, smtp, now=lambda: t + timedelta(minutes=2)).sent == 1
    assert (rows(db)[0].status, rows(db)[0].attempts) == ("sent", 2)
    assert len(inbox.messages) == 1


def test_the_intake_payment_notices_render_and_send(db, smtp_server):
    """payment_failed / payment_pending (queued by intake's payment gate) have their text: sent, not a crash."""
    inbox, smtp = smtp_server
    make_order(db, "M-9", "pay@example.cn")
    with db.unit_of_work() as uow:
        o = uow.session.scalar(select(models.Order).where(models.Order.order_no == "M-9"))
        for row in uow.session.scalars(select(models.Notification)):
            uow.session.delete(row)
        queue_notification(uow, o, "payment_failed", detail="67.90 CNY")
        uow.commit()
    assert send_pending(db, smtp).sent == 1
    (_rcpt, msg), = inbox.messages
    assert msg["Subject"] == "订单 M-9：支付失败 · Order M-9: the payment failed"
    assert "67.90 CNY" in msg.get_body(("plain",)).get_content()
