"""Telling customers: the notification outbox and the sender that empties it.

The `notifications` table is the outbox. The services queue a row in the same transaction as the
change it reports (`queue_notification`: shipped, delayed, delivered, refused, lost, survey), so a
customer is never told about something that was rolled back. `send_pending(db, smtp)` sends the
queued e-mails later, one row per transaction:

* the customer's e-mail address and name are opened from the sealed fields only here, at send time,
  and never written anywhere else;
* each message has a plain-text and an HTML part, Chinese first then English, UTF-8 throughout
  (a Chinese display name in To: is RFC 2047-encoded by the e-mail package);
* a refusal or an unreachable server counts an attempt and waits before the next one (1, 2, 4, 8 …
  minutes, in `payload.next_attempt_at`); after `max_attempts` the row is `failed` for good;
* rows on the `sms` channel (orders without an e-mail address, and the request to complete an
  address held at intake) go by `send_pending_sms(db, account)` through Alibaba Cloud SMS
  (`desktop.partners.aliyun_sms`): the phone is opened at send time only, the message is the
  account's approved template for the kind in the order's language (`order_language`) with the
  payload as its parameters, paced to `account.max_per_second`, and retried with the same backoff
  as e-mail when the service says later (flow control, busy, unreachable); a refusal that sending
  again cannot fix (a bad number, a missing template parameter, a wrong key) fails the row at once.
  `refresh_sms_reports(db, account)` reads the delivery reports (`QuerySendDetails`) of sent rows.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import make_msgid

from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database, UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.actor import Actor
from desktop.domain.roles import Role, require_role
from desktop.partners.aliyun_sms import AliyunSmsAccount, AliyunSmsClient, SmsNumberUnusable, SmsRefused
from desktop.partners.smtp import SmtpFailed, SmtpSettings, send_message
from desktop.domain.events import NotificationQueued, NotificationStatusChanged

MAX_ATTEMPTS = 5
FIRST_BACKOFF = timedelta(minutes=1)

# kind → (subject zh, subject en, body zh, body en); {order}, {tracking}, {eta}, {carrier}, {detail} filled in.
TEMPLATES: dict[str, tuple[str, str, str, str]] = {
    "shipped": ("您的订单 {order} 已发货", "Your order {order} has shipped",
                "您的包裹已交给{carrier}，运单号 {tracking}。", "Your parcel is on its way with {carrier}, tracking number {tracking}."),
    "delayed": ("您的订单 {order} 配送延误", "Your order {order} is delayed",
                "很抱歉，您的包裹（运单号 {tracking}）延误了：{detail}。预计送达：{eta}。",
                "We are sorry: your parcel ({tracking}) is delayed: {detail}. Expected: {eta}."),
    "delivered": ("您的订单 {order} 已签收", "Your order {order} was delivered",
                  "您的包裹（运单号 {tracking}）已送达。感谢您的购买！", "Your parcel ({tracking}) was delivered. Thank you!"),
    "refused": ("您的订单 {order} 已被拒收", "Your order {order} was refused",
                "您的包裹（运单号 {tracking}）被拒收，将退回仓库。我们会尽快为您退款或重新发货。",
                "Your parcel ({tracking}) was refused and is coming back to us. We will refund or reship it."),
    "lost": ("您的订单 {order} 包裹遗失", "Your order {order}: parcel lost",
             "很抱歉，承运商报告您的包裹（运单号 {tracking}）遗失。我们会为您重新发货或退款。",
             "We are sorry: the carrier reports your parcel ({tracking}) lost. We will reship or refund it."),
    "payment_failed": ("订单 {order}：支付失败", "Order {order}: the payment failed",
                       "您的订单（{detail}）支付未成功。请在商城订单页重新支付或选择其他支付方式。",
                       "The payment for your order ({detail}) did not go through. Please pay again or choose "
                       "another way to pay on the order page."),
    "payment_pending": ("订单 {order}：待支付", "Order {order}: waiting for your payment",
                        "您的订单（{detail}）尚未完成支付。完成支付后我们即刻安排发货。",
                        "Your order ({detail}) is not paid yet. We ship as soon as it is."),
    "address_incomplete": ("订单 {order}：请补充收货地址", "Order {order}: please complete your address",
                           "您的收货地址不完整或不明确（{detail}），我们暂缓发货。请在商城订单页补充后我们立即处理。",
                           "Your delivery address is incomplete or unclear ({detail}); we are holding the order. "
                           "Please complete it on the order page and we will ship at once."),
    "survey": ("订单 {order}：请为我们的服务打分", "Order {order}: how did we do?",
               "您的订单已完成。请花一分钟告诉我们您的满意度（1–5 分）和建议。",
               "Your order is complete. Please take a minute to rate us (1–5) and tell us what to improve."),
}


@dataclass(frozen=True)
class SendReport:
    sent: int
    retried: int  # failed this time, will be tried again
    failed: int  # gave up for good this time
    waiting_sms: int  # rows for an SMS gateway, left queued

    def to_dict(self) -> dict[str, int]:
        return {"sent": self.sent, "retried": self.retried, "failed": self.failed, "waiting_sms": self.waiting_sms}


CHINESE_SPEAKING = frozenset({"CN", "TW", "HK", "MO", "SG"})


def order_language(order: models.Order) -> str:
    """The language a customer is written to: Chinese for a Chinese-speaking destination, else English."""
    return "zh" if (order.ship_country or "").upper() in CHINESE_SPEAKING else "en"


def queue_notification(uow: UnitOfWork, order: models.Order, kind: str, *, channel: str | None = None,
                       **payload: object) -> models.Notification:
    """Queue a message about `order` in the caller's transaction (not a use case: no commit)."""
    if kind not in TEMPLATES:
        raise ValueError(f"unknown notification kind {kind!r}")
    channel = channel or ("email" if order.customer_email_sealed else "sms")
    row = models.Notification(order_id=order.id, kind=kind, channel=channel, status="queued",
                              payload={k: (str(v) if v is not None else "") for k, v in payload.items()})
    uow.session.add(row)
    uow.announce(NotificationQueued(order_no=order.order_no, kind=kind, channel=channel))
    return row


def render(kind: str, order_no: str, name: str, payload: dict[str, str]) -> tuple[str, str, str]:
    """(subject, plain text, HTML) in Chinese then English."""
    subj_zh, subj_en, body_zh, body_en = TEMPLATES[kind]
    fields = {"order": order_no, "tracking": payload.get("tracking_no", ""), "eta": payload.get("eta", "") or "—",
              "carrier": payload.get("carrier", ""), "detail": payload.get("detail", "") or "—"}
    subject = f"{subj_zh.format(**fields)} · {subj_en.format(**fields)}"
    zh, en = body_zh.format(**fields), body_en.format(**fields)
    greeting_zh, greeting_en = f"{name}，您好：", f"Dear {name},"
    text = f"{greeting_zh}\n\n{zh}\n\n— Pickdesk\n\n{greeting_en}\n\n{en}\n\n— Pickdesk\n"
    e = html.escape
    body = (f"<html><body><p>{e(greeting_zh)}</p><p>{e(zh)}</p><hr>"
            f"<p>{e(greeting_en)}</p><p>{e(en)}</p><p>— Pickdesk</p></body></html>")
    return subject, text, body


def _message(settings: SmtpSettings, to_name: str, to_email: str, subject: str, text: str, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = settings.sender
    user, _, domain = to_email.partition("@")
    msg["To"] = Address(display_name=to_name, username=user, domain=domain)
    msg["Message-ID"] = make_msgid(domain="pickdesk.invalid")
    msg.set_content(text, charset="utf-8")
    msg.add_alternative(body, subtype="html", charset="utf-8")
    return msg


def _due(row: models.Notification, now: datetime) -> bool:
    when = row.payload.get("next_attempt_at")
    return not when or datetime.fromisoformat(when) <= now


def send_pending(db: Database, smtp: SmtpSettings, *, now: Callable[[], datetime] = utcnow,
                 max_attempts: int = MAX_ATTEMPTS, limit: int = 200, actor: Actor | None = None) -> SendReport:
    """Send every queued e-mail that is due; one transaction per message (see the module notes)."""
    actor = actor or Actor.system("notifier")
    require_role(actor.role, Role.SUPERVISOR)  # each e-mail opens a customer's name and address
    with db.unit_of_work(actor) as uow:
        ids = list(uow.session.scalars(select(models.Notification.id)
                                       .where(models.Notification.status == "queued",
                                              models.Notification.channel == "email")
                                       .order_by(models.Notification.id).limit(limit)))
        waiting_sms = len(uow.session.scalars(select(models.Notification.id).where(
            models.Notification.status == "queued", models.Notification.channel == "sms")).all())
    sent = retried = failed = 0
    for row_id in ids:
        with db.unit_of_work(actor) as uow:
            row = uow.session.get(models.Notification, row_id)
            at = now()
            if row is None or row.status != "queued" or not _due(row, at):
                continue
            order = uow.session.get(models.Order, row.order_id)
            try:
                to_email = uow.sealer.open(order.customer_email_sealed, "customer_email", order.order_no)
                to_name = uow.sealer.open(order.customer_name_sealed, "customer_name", order.order_no)
                subject, text, body = render(row.kind, order.order_no, to_name, row.payload)
                send_message(smtp, _message(smtp, to_name, to_email, subject, text, body))
            except SmtpFailed as exc:
                row.attempts += 1
                payload = dict(row.payload)
                payload["last_error"] = exc.message[:300]
                if row.attempts >= max_attempts:
                    row.status = "failed"
                    failed += 1
                else:
                    payload["next_attempt_at"] = (at + FIRST_BACKOFF * 2 ** (row.attempts - 1)).isoformat()
                    retried += 1
                row.payload = payload
                uow.audit("notification_failed", "notification", row.id, order=order.order_no, kind=row.kind,
                          attempts=row.attempts, error=exc.message[:300])
            else:
                row.attempts += 1
                row.status, row.sent_at = "sent", at
                uow.audit("notification_sent", "notification", row.id, order=order.order_no, kind=row.kind)
                sent += 1
            uow.announce(NotificationStatusChanged(order_no=order.order_no, kind=row.kind, status=row.status))
            uow.commit()
    return SendReport(sent, retried, failed, waiting_sms)


def sms_parameters(kind: str, order_no: str, payload: dict[str, str]) -> dict[str, str]:
    """The template parameters of a message: every value a template of the kind may name, none empty."""
    return {"order": order_no, "tracking": payload.get("tracking_no", "") or "—",
            "carrier": payload.get("carrier", "") or "—", "eta": payload.get("eta", "") or "—",
            "detail": payload.get("detail", "") or "—"}


def send_pending_sms(db: Database, account: AliyunSmsAccount, *, client: AliyunSmsClient | None = None,
                     now: Callable[[], datetime] = utcnow, sleep: Callable[[float], None] = time.sleep,
                     monotonic: Callable[[], float] = time.monotonic, max_attempts: int = MAX_ATTEMPTS,
                     limit: int = 200, actor: Actor | None = None) -> SmsSendReport:
    """Send every queued SMS that is due, one transaction per message (see the module notes)."""
    actor = actor or Actor.system("notifier")
    require_role(actor.role, Role.SUPERVISOR)  # each message opens a customer's phone
    client = client or AliyunSmsClient(account)
    N = models.Notification
    with db.unit_of_work(actor) as uow:
        ids = list(uow.session.scalars(select(N.id).where(N.status == "queued", N.channel == "sms")
                                       .order_by(N.id).limit(limit)))
    sent = retried = failed = no_template = 0
    gap = 1.0 / account.max_per_second if account.max_per_second > 0 else 0.0
    last = None
    for row_id in ids:
        with db.unit_of_work(actor) as uow:
            row = uow.session.get(N, row_id)
            at = now()
            if row is None or row.status != "queued" or not _due(row, at):
                continue
            order = uow.session.get(models.Order, row.order_id)
            language = row.payload.get("language") or order_language(order)
            template = account.template_for(row.kind, language)
            if template is None:  # the account has no approved template for it: it waits, visibly
                no_template += 1
                continue
            if last is not None and gap:
                wait = gap - (monotonic() - last)
                if wait > 0:
                    sleep(wait)
            last = monotonic()
            payload = dict(row.payload)
            try:
                phone = uow.sealer.open(order.customer_phone_sealed, "customer_phone", order.order_no)
                biz_id = client.send_sms(phone, template, sms_parameters(row.kind, order.order_no, row.payload),
                                         out_id=str(row.id))
            except (SmsRefused, SmsNumberUnusable) as exc:
                row.attempts += 1
                payload["last_error"] = exc.message[:300]
                payload["error_code"] = getattr(exc, "sms_code", exc.code)
                if getattr(exc, "retryable", False) and row.attempts < max_attempts:
                    payload["next_attempt_at"] = (at + FIRST_BACKOFF * 2 ** (row.attempts - 1)).isoformat()
                    retried += 1
                else:
                    row.status = "failed"
                    failed += 1
                row.payload = payload
                uow.audit("notification_failed", "notification", row.id, order=order.order_no, kind=row.kind,
                          attempts=row.attempts, error=exc.message[:300], channel="sms")
            else:
                row.attempts += 1
                row.status, row.sent_at = "sent", at
                payload.update(biz_id=biz_id, template=template, language=language, report="waiting")
                payload.pop("next_attempt_at", None)
                row.payload = payload
                uow.audit("notification_sent", "notification", row.id, order=order.order_no, kind=row.kind,
                          channel="sms", biz_id=biz_id)
                sent += 1
            uow.announce(NotificationStatusChanged(order_no=order.order_no, kind=row.kind, status=row.status))
            uow.commit()
    return SmsSendReport(sent, retried, failed, no_template)


def refresh_sms_reports(db: Database, account: AliyunSmsAccount, *, client: AliyunSmsClient | None = None,
                        actor: Actor | None = None, limit: int = 200) -> dict[str, int]:
    """Ask for the delivery report of each sent SMS still `waiting`; a failed delivery fails the row."""
    actor = actor or Actor.system("notifier")
    require_role(actor.role, Role.SUPERVISOR)
    client = client or AliyunSmsClient(account)
    N = models.Notification
    counts = {"delivered": 0, "failed": 0, "waiting": 0}
    with db.unit_of_work(actor) as uow:
        rows = [(n.id, n.payload.get("report")) for n in uow.session.scalars(
            select(N).where(N.status == "sent", N.channel == "sms").order_by(N.id).limit(limit))]
    for row_id, report in rows:
        if report != "waiting":
            continue
        with db.unit_of_work(actor) as uow:
            row = uow.session.get(N, row_id)
            order = uow.session.get(models.Order, row.order_id)
            phone = uow.sealer.open(order.customer_phone_sealed, "customer_phone", order.order_no)
            try:
                details = client.query_send_details(phone, row.sent_at.date(), row.payload.get("biz_id", ""))
            except SmsRefused:
                counts["waiting"] += 1
                continue
            state = details[0].status if details else "waiting"
            counts[state] += 1
            if state != "waiting":
                payload = dict(row.payload)
                payload["report"] = state
                payload["report_code"] = details[0].err_code
                row.payload = payload
                if state == "failed":
                    row.status = "failed"
                uow.audit("notification_report", "notification", row.id, order=order.order_no, report=state,
                          code=details[0].err_code)
                uow.announce(NotificationStatusChanged(order_no=order.order_no, kind=row.kind, status=row.status))
                uow.commit()
    return counts


@dataclass(frozen=True)
class SmsSendReport:
    sent: int
    retried: int
    failed: int
    no_template: int  # left queued: the account has no approved template for the kind

    def to_dict(self) -> dict[str, int]:
        return {"sent": self.sent, "retried": self.retried, "failed": self.failed, "no_template": self.no_template}


@dataclass(frozen=True)
class OutboxRow:
    id: int
    order_no: str
    kind: str
    channel: str
    status: str
    attempts: int
    created_at: datetime


def list_outbox(uow: UnitOfWork, status: str | None = None, limit: int = 200) -> list[OutboxRow]:
    q = (select(models.Notification, models.Order.order_no)
         .join(models.Order, models.Order.id == models.Notification.order_id)
         .order_by(models.Notification.id.desc()).limit(limit))
    if status:
        q = q.where(models.Notification.status == status)
    return [OutboxRow(n.id, no, n.kind, n.channel, n.status, n.attempts, n.created_at)
            for n, no in uow.session.execute(q)]
