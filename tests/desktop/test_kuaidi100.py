"""Kuaidi100: subscribe the shipments in transit, receive the pushes at the real HTTP endpoint
(`PushServer`, as `pickdesk tracking serve` runs it) and follow a parcel to delivered; each documented
refusal; the real-time query as a `tracking poll` adapter. Against a local Kuaidi100 that checks
every request. Both engines."""

from __future__ import annotations

import json
import urllib.request
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from aftersales_helpers import actor, call, packed_and_labelled, parcel_of
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.partners.kuaidi100 import (Kuaidi100Account, Kuaidi100Client, Kuaidi100Refused, Kuaidi100Tracker,
                                        PushRefused, events_of, md5_upper, parse_push)
from desktop.services import shipping, tracking
from desktop.services.tracking_push import PushServer, receive_push, subscribe_in_transit
from tests.simulators.kuaidi100 import Kuaidi100Simulator

TODAY = date(2026, 11, 23)
SALT = "pickdesk-salt-7"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def template(request, tmp_path_factory):
    """The demo's picked orders packed, handed over and shipped (built once per engine)."""
    folder = tmp_path_factory.mktemp("kd100")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 't.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_module_url")
    import os
    os.environ["PICKDESK_DATA_DIR"] = str(folder)
    db = Database.open(url)
    build_demo(db, orders=40, seed=3, as_of=TODAY)
    out = []
    for no in packed_and_labelled(db, TODAY):
        code, number, carrier = parcel_of(db, no)
        call(db, "packer1", shipping.handover_scan, code, carrier, day=TODAY)
        out.append((no, number, carrier))
    for carrier in {c for *_x, c in out}:
        call(db, "packer1", shipping.close_manifest, carrier, TODAY)
    yield db, out
    db.dispose()


@pytest.fixture
def shipped(template):
    db, out = template
    with db.unit_of_work() as uow:  # each test starts with no subscriptions
        for s in uow.session.scalars(select(models.TrackingSubscription)):
            uow.session.delete(s)
        uow.commit()
    return db, out


@pytest.fixture
def kd100():
    sim = Kuaidi100Simulator().start()
    yield sim
    sim.stop()


@pytest.fixture
def receiver(shipped):
    db, _ = shipped
    server = PushServer(db, actor(db, "super1"), salt=SALT).start()
    yield server
    server.stop()


def client(sim, receiver=None, **changes):
    base = dict(key=sim.key, customer=sim.customer, salt=SALT, callback_url=receiver.url if receiver else "http://x/",
                poll_url=sim.url + "/poll", query_url=sim.url + "/poll/query.do", timeout_s=5)
    return Kuaidi100Client(Kuaidi100Account(**{**base, **changes}))


def status(db, no):
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(models.Order.status).where(models.Order.order_no == no))


def subs(db):
    with db.unit_of_work() as uow:
        return {s.shipment.tracking_no: s for s in uow.session.scalars(select(models.TrackingSubscription))
                for _ in [s.shipment]}


def test_subscribe_push_and_follow_a_parcel_to_delivered(shipped, kd100, receiver):
    db, out = shipped
    report = call(db, "super1", subscribe_in_transit, client(kd100, receiver))
    assert {n for _o, n, _c in out} <= set(report.subscribed) and not report.refused  # and the demo's own
    order_no, number, _carrier = out[0]
    sub = kd100.subscriptions[number]
    assert sub.callback == receiver.url and sub.salt == SALT
    sf = next(json.loads(r["param"]) for r in kd100.requests if json.loads(r["param"])["company"] == "shunfeng")
    assert len(sf["parameters"]["phone"]) == 4 and sf["parameters"]["phone"].isdigit()  # SF needs the phone's tail
    # every subscription was a schema=json form with the key inside param, no sign
    form = kd100.requests[0]
    assert form["schema"] == "json" and "sign" not in form and json.loads(form["param"])["key"] == kd100.key
    # subscribing again changes nothing (already subscribed here; Kuaidi100 would say 501)
    assert call(db, "super1", subscribe_in_transit, client(kd100, receiver)).subscribed == []

    kd100.add(number, "2026-11-24 09:12:00", "揽收", "【深圳市】顺丰速运 已收取快件", "广东,深圳市")
    assert kd100.push(number) == (200, {"result": True, "returnCode": "200", "message": "成功"})
    kd100.add(number, "2026-11-24 21:40:00", "在途", "快件已发车", "广东,深圳市")
    kd100.add(number, "2026-11-25 08:05:00", "派件", "快件交给李师傅，正在派送途中", "浙江,杭州市")
    kd100.push(number)
    assert status(db, order_no) == "shipped"
    kd100.add(number, "2026-11-25 11:30:00", "签收", "已签收，签收人：本人", "浙江,杭州市")
    kd100.push(number, "shutdown", "")
    kd100.push(number, "updateall", "")  # a full re-push adds nothing twice
    assert status(db, order_no) == "delivered"
    with db.unit_of_work() as uow:
        events = uow.session.execute(select(models.TrackingEvent.kind, models.TrackingEvent.source, models.TrackingEvent.at)
                                     .join(models.Shipment).where(models.Shipment.tracking_no == number)
                                     .order_by(models.TrackingEvent.at)).all()
    assert [(k, s) for k, s, _ in events] == [("picked_up", "kuaidi100"), ("in_transit", "kuaidi100"),
                                             ("out_for_delivery", "kuaidi100"), ("delivered", "kuaidi100")]
    assert events[0][2].astimezone(UTC) == datetime(2026, 11, 24, 1, 12, tzinfo=UTC)  # CST on the wire
    assert subs(db)[number].status == "polling"  # the last push was updateall
    assert subs(db)[number].pushes == 4


def test_abort_subscribes_again_later(shipped, kd100, receiver):
    db, out = shipped
    number = out[1][1]
    call(db, "super1", subscribe_in_transit, client(kd100, receiver))
    kd100.push(number, "abort", "3天查询无记录")
    sub = subs(db)[number]
    assert sub.status == "abort" and sub.resubscribe_at is not None
    del kd100.subscriptions[number]  # Kuaidi100 forgot it
    now = datetime.now(UTC)
    assert call(db, "super1", subscribe_in_transit, client(kd100, receiver), now=now).subscribed == []  # not yet
    again = call(db, "super1", subscribe_in_transit, client(kd100, receiver), now=now + timedelta(hours=7))
    assert again.subscribed == [number] and subs(db)[number].status == "subscribed"
    kd100.push(number, "abort", "60天无变化")
    assert subs(db)[number].resubscribe_at is None  # quiet for good: a person looks


@pytest.mark.parametrize(("changes", "code"), [({"key": "wrong"}, "600")])
def test_a_wrong_key_is_refused(shipped, kd100, changes, code):
    with pytest.raises(Kuaidi100Refused) as err:
        client(kd100, **changes).subscribe("zhongtong", "ZT123")
    assert err.value.return_code == code and not err.value.retryable and "600" in err.value.message_zh


def test_each_documented_subscribe_refusal(kd100):
    c = client(kd100)
    for company, number, code in [("ZHONGTONG", "ZT1", "700"), ("zhongtong", "9" * 33, "700"),
                                  ("ems", "E1", "701"), ("", "X1", "702")]:
        with pytest.raises(Kuaidi100Refused) as err:
            c.subscribe(company, number)
        assert err.value.return_code == code
    with pytest.raises(Kuaidi100Refused) as err:
        client(kd100, callback_url="ftp://x/").subscribe("zhongtong", "ZT2")
    assert err.value.return_code == "700"
    assert c.subscribe("zhongtong", "ZT3") == "subscribed"
    assert c.subscribe("zhongtong", "ZT3") == "duplicate"  # 501
    kd100.expired = True
    with pytest.raises(Kuaidi100Refused) as err:
        c.subscribe("zhongtong", "ZT4")
    assert err.value.return_code == "601"
    kd100.stop()
    with pytest.raises(Kuaidi100Refused) as err:
        client(kd100, timeout_s=2).subscribe("zhongtong", "ZT5")
    assert err.value.return_code == "network" and err.value.retryable


def test_refused_subscriptions_are_recorded_and_untracked_carriers_listed(shipped, kd100, receiver):
    db, out = shipped
    report = call(db, "super1", subscribe_in_transit, client(kd100, receiver, key="nope"))
    assert report.subscribed == [] and out[1][1] in {n for n, _why in report.refused}  # (out[0] is delivered)
    assert {s.status for s in subs(db).values()} == {"refused"}


def test_the_endpoint_refuses_bad_signs_and_garbage_without_a_traceback(shipped, kd100, receiver):
    db, out = shipped
    number = call(db, "super1", subscribe_in_transit, client(kd100, receiver)).subscribed[-1]
    kd100.add(number, "2026-11-24 09:12:00", "揽收", "已揽收")
    got = kd100.push(number, sign="0" * 32)
    assert got[0] == 400 and got[1]["result"] is False and got[1]["returnCode"] == "400"
    got = kd100.push(number, raw_param="{not json")
    assert got[0] == 400 and got[1]["result"] is False

    def post(body: bytes, ctype="application/x-www-form-urlencoded", method="POST"):
        req = urllib.request.Request(receiver.url, data=body if method == "POST" else None, method=method,
                                     headers={"Content-Type": ctype})
        try:
            with urllib.request.urlopen(req, timeout=5) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read())

    assert post(b"\xff\xfe")[0] == 400
    assert post(b'{"param": 1}', "application/json")[0] == 400
    assert post(b"")[1]["result"] is False
    assert post(b"", method="GET")[0] == 405
    with db.unit_of_work() as uow:
        assert uow.session.scalar(select(models.TrackingEvent.id).join(models.Shipment)
                                  .where(models.Shipment.tracking_no == number,
                                         models.TrackingEvent.source == "kuaidi100")) is None


def test_parse_push_checks_the_sign_and_the_fields():
    param = json.dumps({"status": "polling", "message": "", "lastResult": {"nu": "zt1", "state": "3", "data": [
        {"time": "2026-11-25 11:30:00", "context": "签收", "status": ""},
        {"time": "2026-11-24 09:00:00", "context": "收件", "status": ""}]}})
    notice = parse_push({"param": param, "sign": md5_upper(param + "s")}, "s")
    assert notice.number == "ZT1" and [e.kind for e in notice.events] == ["in_transit", "delivered"]
    with pytest.raises(PushRefused) as err:
        parse_push({"param": param, "sign": "x"}, "s")
    assert err.value.reason == "bad_sign"
    with pytest.raises(PushRefused) as err:
        parse_push({"param": json.dumps({"status": "weird", "lastResult": {"nu": "1"}})})
    assert err.value.reason == "bad_status"
    with pytest.raises(PushRefused) as err:
        parse_push({})
    assert err.value.reason == "no_param"
    assert events_of("A1", [{"time": "2026-11-24 10:00", "status": "拒签"}])[0].kind == "refused"


def test_the_query_is_signed_and_polls_like_the_demo_carrier(shipped, kd100, receiver):
    db, out = shipped
    call(db, "super1", subscribe_in_transit, client(kd100, receiver))
    order_no, number, carrier = out[1]
    kd100.add(number, "2026-11-24 09:00:00", "揽收", "已揽收")
    kd100.add(number, "2026-11-25 10:00:00", "签收", "已签收")
    c = client(kd100, receiver)
    company = kd100.subscriptions[number].company
    assert [e.kind for e in c.query(company, number)] == ["picked_up", "delivered"]
    assert kd100.requests[-1]["sign"] == md5_upper(kd100.requests[-1]["param"] + kd100.key + kd100.customer)
    with pytest.raises(Kuaidi100Refused):
        client(kd100, receiver, key="wrong").query(company, number)  # the sign is wrong
    adapters = {carrier: Kuaidi100Tracker(c, company)}
    only = {carrier: _Only(adapters[carrier], number)}
    result = call(db, "super1", tracking.poll, only, clock=lambda: datetime(2026, 11, 26, tzinfo=UTC))
    assert result.added == 2 and status(db, order_no) == "delivered"


class _Only:
    def __init__(self, inner, number):
        self.inner, self.number = inner, number

    def fetch_events(self, numbers, since):
        return self.inner.fetch_events([n for n in numbers if n == self.number], since)


def test_pushes_at_once_are_each_imported_once(shipped, kd100, receiver):
    from concurrent.futures import ThreadPoolExecutor

    db, _out = shipped
    numbers = call(db, "super1", subscribe_in_transit, client(kd100, receiver)).subscribed[:4]
    for i, number in enumerate(numbers):
        kd100.add(number, f"2026-11-26 0{i}:00:00", "在途", "到达转运中心")
    with ThreadPoolExecutor(8) as pool:  # each number pushed twice, all at once
        answers = list(pool.map(lambda n: kd100.push(n, "updateall"), numbers * 2))
    assert all(a == (200, {"result": True, "returnCode": "200", "message": "成功"}) for a in answers), answers
    with db.unit_of_work() as uow:
        T, S = models.TrackingEvent, models.Shipment
        got = uow.session.execute(select(S.tracking_no, T.kind).join(S).where(S.tracking_no.in_(numbers),
                                                                              T.source == "kuaidi100",
                                                                              T.detail == "到达转运中心")).all()
    assert sorted(n for n, _k in got) == sorted(numbers)  # once each
