"""SMS through Alibaba Cloud's SendSms / QuerySendDetails, against a local simulator that checks every
request as the service does (signature recomputed from the received parameters, timestamp, nonce,
sign name, template variables, number, per-number flow control). Both engines."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.partners.aliyun_sms import (AliyunSmsAccount, AliyunSmsClient, SmsNumberUnusable, SmsRefused,
                                         signature, sms_number)
from desktop.services.notifications import queue_notification, refresh_sms_reports, send_pending_sms
from tests.simulators.aliyun_sms import AliyunSmsSimulator

TEMPLATES = {"SMS_100001": "您的订单${order}已发货，${carrier}运单号${tracking}。",
             "SMS_100002": "Order ${order} has shipped with ${carrier}: ${tracking}.",
             "SMS_100003": "您的订单${order}收货地址需补充：${detail}。请在订单页补充。",
             "SMS_100004": "Order ${order}: please complete your address (${detail})."}
ACCOUNT_TEMPLATES = {"shipped": {"zh": "SMS_100001", "en": "SMS_100002"},
                     "address_incomplete": {"zh": "SMS_100003", "en": "SMS_100004"}}


@pytest.fixture
def sim():
    s = AliyunSmsSimulator(templates=dict(TEMPLATES)).start()
    yield s
    s.stop()


def account(sim: AliyunSmsSimulator, **changes) -> AliyunSmsAccount:
    base = dict(access_key_id="LTAI5tPickdeskTest", access_key_secret="pickdesk-test-secret", sign_name="拣货台商城",
                templates=ACCOUNT_TEMPLATES, endpoint=sim.url, timeout_s=5, max_per_second=0)
    return AliyunSmsAccount(**{**base, **changes})


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'sms.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    database = Database.open(url)
    yield database
    database.dispose()


def make_order(db: Database, no: str, phone: str = "13800138000", country: str = "CN") -> None:
    with db.unit_of_work() as uow:
        seal = uow.sealer.seal
        m = uow.session.scalar(select(models.Merchant)) or models.Merchant(code="M", name="M")
        o = models.Order(order_no=no, merchant=m, created_at=datetime.now(UTC),
                         customer_name_sealed=seal("王小明", "customer_name", no),
                         customer_phone_sealed=seal(phone, "customer_phone", no), customer_email_sealed=None,
                         ship_country=country, ship_detail_sealed=seal("科苑路 15 号", "ship_detail", no),
                         goods_total=Decimal(10), shipping_fee=Decimal(0), discount_total=Decimal(0),
                         total_charged=Decimal(10), payment_method="online", payment_status="paid")
        uow.session.add(o)
        uow.session.flush()
        queue_notification(uow, o, "shipped", tracking_no="SF123456789012", carrier="顺丰速运")
        uow.commit()


def rows(db: Database) -> list[models.Notification]:
    with db.unit_of_work() as uow:
        return list(uow.session.scalars(select(models.Notification).order_by(models.Notification.id)))


# ─── the signature, by the documented example ─────────────────────────────────────────────────────


def test_the_signature_is_the_documented_rpc_one():
    # Alibaba Cloud's RPC signature example (DescribeRegions, secret "testsecret", GET).
    params = {"AccessKeyId": "testid", "Action": "DescribeRegions", "Format": "XML",
              "SignatureMethod": "HMAC-SHA1", "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
              "SignatureVersion": "1.0", "Timestamp": "2016-02-23T12:46:24Z", "Version": "2014-05-26"}
    assert signature("GET", params, "testsecret") == "OLeaidS1JvxuMvnyHOwuJ+uX5qY="


def test_numbers_are_written_as_sendsms_takes_them():
    assert sms_number("+86 138 0013 8000") == "13800138000"
    assert sms_number("+852 5123 4567") == "0085251234567"
    with pytest.raises(SmsNumberUnusable):
        sms_number("+86 10 6552 9988")  # a Beijing landline
    with pytest.raises(SmsNumberUnusable):
        sms_number("138****8000")


# ─── each documented error ────────────────────────────────────────────────────────────────────────


def test_a_message_reaches_the_simulator_and_its_report_is_read(sim):
    client = AliyunSmsClient(account(sim))
    biz = client.send_sms("+8613800138000", "SMS_100001", {"order": "M-1", "carrier": "顺丰", "tracking": "SF1"})
    (got,) = sim.sent
    assert got.biz_id == biz and got.phone == "13800138000"
    assert got.content == "【拣货台商城】您的订单M-1已发货，顺丰运单号SF1。"
    (detail,) = client.query_send_details("13800138000", got.at.date(), biz)
    assert (detail.status, detail.content) == ("delivered", got.content)


@pytest.mark.parametrize(("change", "code", "retryable"), [
    ({"access_key_secret": "wrong"}, "SignatureDoesNotMatch", False),
    ({"access_key_id": "LTAI-nobody"}, "InvalidAccessKeyId.NotFound", False),
    ({"sign_name": "别人的签名"}, "isv.SMS_SIGNATURE_ILLEGAL", False),
])
def test_account_errors_are_typed(sim, change, code, retryable):
    with pytest.raises(SmsRefused) as err:
        AliyunSmsClient(account(sim, **change)).send_sms("13800138000", "SMS_100001",
                                                         {"order": "1", "carrier": "c", "tracking": "t"})
    assert (err.value.sms_code, err.value.retryable) == (code, retryable)
    assert code in err.value.message and err.value.message_zh != err.value.message
    assert not sim.sent


def test_message_errors_are_typed(sim):
    client = AliyunSmsClient(account(sim))
    with pytest.raises(SmsRefused) as err:
        client.send_sms("13800138000", "SMS_100001", {"order": "1"})
    assert err.value.sms_code == "isv.TEMPLATE_MISSING_PARAMETERS" and not err.value.retryable
    with pytest.raises(SmsRefused) as err:
        client.send_sms("13800138000", "SMS_999999", {"order": "1"})
    assert err.value.sms_code == "isv.SMS_TEMPLATE_ILLEGAL"
    # a number phonenumbers accepts but the service does not (a valid mobile of no real range is
    # refused by us first; the simulator's own check is reached by sending its raw form)
    params = {"PhoneNumbers": "1380013800", "SignName": "拣货台商城", "TemplateCode": "SMS_100001",
              "TemplateParam": json.dumps({"order": "1", "carrier": "c", "tracking": "t"})}
    with pytest.raises(SmsRefused) as err:
        client.call("SendSms", params)
    assert err.value.sms_code == "isv.MOBILE_NUMBER_ILLEGAL" and not err.value.retryable
    # the per-number flow control: one a minute
    ok = {"order": "1", "carrier": "c", "tracking": "t"}
    client.send_sms("13900139000", "SMS_100001", ok)
    with pytest.raises(SmsRefused) as err:
        client.send_sms("13900139000", "SMS_100001", ok)
    assert err.value.sms_code == "isv.BUSINESS_LIMIT_CONTROL" and err.value.retryable


def test_replayed_nonce_and_old_timestamp_are_refused(sim):
    client = AliyunSmsClient(account(sim), nonce=lambda: "same-nonce")
    ok = {"order": "1", "carrier": "c", "tracking": "t"}
    client.send_sms("13800138000", "SMS_100001", ok)
    with pytest.raises(SmsRefused) as err:
        client.send_sms("13700137000", "SMS_100001", ok)
    assert err.value.sms_code == "SignatureNonceUsed"
    late = AliyunSmsClient(account(sim), clock=lambda: datetime.now(UTC) - timedelta(hours=1))
    with pytest.raises(SmsRefused) as err:
        late.send_sms("13700137000", "SMS_100001", ok)
    assert err.value.sms_code == "InvalidTimeStamp.Expired"


def test_an_unreachable_service_is_retryable(sim):
    sim.stop()
    with pytest.raises(SmsRefused) as err:
        AliyunSmsClient(account(sim, timeout_s=2)).send_sms("13800138000", "SMS_100001", {"order": "1"})
    assert err.value.sms_code == "network" and err.value.retryable


# ─── the outbox ───────────────────────────────────────────────────────────────────────────────────


def test_the_outbox_sends_sms_in_the_orders_language_and_reads_reports(db, sim):
    make_order(db, "M-1")
    make_order(db, "M-2", phone="+852 5123 4567", country="HK")
    make_order(db, "M-3", phone="+1 415 555 2671", country="US")
    sim.undeliverable.add("0014155552671")
    report = send_pending_sms(db, account(sim))
    assert report.to_dict() == {"sent": 3, "retried": 0, "failed": 0, "no_template": 0}
    assert [s.template_code for s in sim.sent] == ["SMS_100001", "SMS_100001", "SMS_100002"]
    assert sim.sent[2].content == "【拣货台商城】Order M-3 has shipped with 顺丰速运: SF123456789012."
    assert all(r.status == "sent" and r.payload["report"] == "waiting" for r in rows(db))
    assert send_pending_sms(db, account(sim)).sent == 0  # nothing twice
    assert refresh_sms_reports(db, account(sim)) == {"delivered": 2, "failed": 1, "waiting": 0}
    got = {r.payload["biz_id"]: (r.status, r.payload["report"]) for r in rows(db)}
    assert sorted(got.values()) == [("failed", "failed"), ("sent", "delivered"), ("sent", "delivered")]


def test_flow_control_backs_off_like_email_and_a_bad_number_fails_at_once(db, sim):
    make_order(db, "M-4")
    make_order(db, "M-5")  # the same phone: flow control on the second
    make_order(db, "M-6", phone="+86 10 6552 9988")  # a landline
    t = datetime.now(UTC)
    report = send_pending_sms(db, account(sim), now=lambda: t, max_attempts=3)
    assert report.to_dict() == {"sent": 1, "retried": 1, "failed": 1, "no_template": 0}
    first, second, landline = rows(db)
    assert second.status == "queued" and second.payload["error_code"] == "isv.BUSINESS_LIMIT_CONTROL"
    assert datetime.fromisoformat(second.payload["next_attempt_at"]) == t + timedelta(minutes=1)
    assert landline.status == "failed" and landline.attempts == 1
    assert send_pending_sms(db, account(sim), now=lambda: t + timedelta(seconds=30)).sent == 0  # not due
    sim.sent[0].at -= timedelta(minutes=2)  # a minute has passed at the service
    assert send_pending_sms(db, account(sim), now=lambda: t + timedelta(minutes=1)).sent == 1
    assert [r.status for r in rows(db)] == ["sent", "sent", "failed"]


def test_pacing_waits_between_messages(db, sim):
    for i in range(3):
        make_order(db, f"M-P{i}", phone=f"1390013900{i}")
    slept: list[float] = []
    ticks = iter([0.0, 0.01, 0.02, 0.03, 0.04, 0.05])
    send_pending_sms(db, account(sim, max_per_second=5), sleep=slept.append, monotonic=lambda: next(ticks))
    assert len(sim.sent) == 3 and len(slept) == 2 and all(abs(s - 0.19) < 0.02 for s in slept)
