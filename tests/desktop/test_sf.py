"""The SF open platform client against the local simulator (a real HTTP server checking every request)."""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime

import pytest

from desktop.partners.carriers import sf
from tests.sf_simulator import SfSimulator

PARTNER, CHECKWORD = "PICKDESK", "sim-checkword-0123456789abcdef"
SENDER = sf.Contact("仓库发货组", "075512345678", "广东省深圳市南山区科技园仓库 1 号", "广东省", "深圳市", "南山区")
RECIPIENT = sf.Contact("张三", "13800138000", "上海市徐汇区漕溪北路 88 号", "上海市", "上海市", "徐汇区")


@pytest.fixture
def sim():
    s = SfSimulator(partners={PARTNER: CHECKWORD})
    s.start()
    yield s
    s.stop()


@pytest.fixture
def client(sim):
    return sf.SfClient(sim.url, PARTNER, CHECKWORD, monthly_card="7551234567")


def test_digest_follows_the_published_rule():
    # Java URLEncoder: space → "+", "*" kept, "~" → %7E; the MD5 is over the encoded text.
    assert sf.java_urlencode('{"a":"b c*~中"}') == "%7B%22a%22%3A%22b+c*%7E%E4%B8%AD%22%7D"
    import base64
    import hashlib
    expected = base64.b64encode(hashlib.md5(b"%7B%7D123abc").digest()).decode()
    assert sf.msg_digest("{}", "123", "abc") == expected


def test_create_order_gives_master_and_children_with_route_labels(client, sim):
    order = client.create_order("PD-1001", SENDER, RECIPIENT, [sf.Cargo("衣物", 2)], parcels=3)
    assert [w.kind for w in order.waybills] == ["master", "child", "child"]
    assert order.master.startswith("SF") and len(order.master) == 15
    assert order.origin_code == "755" and order.dest_code == "021"
    labels = {r.waybill_no: r for r in order.route_labels}
    assert set(labels) == {w.number for w in order.waybills}
    assert labels[order.master].dest_route_label == "021WE-211A"
    assert labels[order.master].three_segment == "1A-021WE-211A-S10"
    form = sim.requests[-1]
    assert form["serviceCode"] == "EXP_RECE_CREATE_ORDER" and form["partnerID"] == PARTNER
    sent = json.loads(form["msgData"])
    assert sent["parcelQty"] == 3 and sent["monthlyCard"] == "7551234567"
    assert [c["contactType"] for c in sent["contactInfoList"]] == [1, 2]


def test_a_duplicate_order_8016_gives_back_the_numbers_issued_then(client, sim):
    first = client.create_order("PD-1002", SENDER, RECIPIENT, [sf.Cargo("书")], parcels=2)
    again = client.create_order("PD-1002", SENDER, RECIPIENT, [sf.Cargo("书")], parcels=2)
    assert again.waybills == first.waybills
    assert ("8016", "重复下单") in sim.refusals
    assert sim.requests[-1]["serviceCode"] == "EXP_RECE_SEARCH_ORDER_RESP"


def test_filter_order_says_which_addresses_are_served(client):
    assert client.filter_order(RECIPIENT, SENDER) is True
    tibet = sf.Contact("扎西", "13900000000", "西藏自治区拉萨市城关区北京中路 1 号", "西藏自治区", "拉萨市")
    assert client.filter_order(tibet) is False


def test_an_unserved_address_refuses_the_order(client):
    tibet = sf.Contact("扎西", "13900000000", "西藏自治区拉萨市城关区北京中路 1 号", "西藏自治区", "拉萨市")
    with pytest.raises(sf.SfNotServed) as err:
        client.create_order("PD-1003", SENDER, tibet, [sf.Cargo("茶")])
    assert err.value.error_code == "8114"


def test_sub_mailno_adds_children(client, sim):
    order = client.create_order("PD-1004", SENDER, RECIPIENT, [sf.Cargo("鞋")])
    more = client.sub_waybills("PD-1004", 2)
    assert len(more) == 2 and order.master not in more
    assert sim.waybill_numbers("PD-1004") == [order.master, *more]
    with pytest.raises(sf.SfOrderNotFound):
        client.sub_waybills("NO-SUCH", 1)


def test_cancel_then_cancel_again_and_after_pick_up(client, sim):
    client.create_order("PD-1005", SENDER, RECIPIENT, [sf.Cargo("包")])
    client.cancel_order("PD-1005")
    assert sim.orders["PD-1005"].status == "cancelled"
    with pytest.raises(sf.SfOrderClosed) as err:
        client.cancel_order("PD-1005")
    assert err.value.error_code == "8037"
    picked = client.create_order("PD-1006", SENDER, RECIPIENT, [sf.Cargo("包")])
    sim.add_route(picked.master, "54", datetime.now(UTC), "深圳")
    with pytest.raises(sf.SfOrderClosed) as err:
        client.cancel_order("PD-1006")
    assert err.value.error_code == "8252"
    with pytest.raises(sf.SfOrderNotFound):
        client.cancel_order("NEVER-SENT")


def test_routes_map_op_codes_to_tracking_kinds(client, sim):
    order = client.create_order("PD-1007", SENDER, RECIPIENT, [sf.Cargo("杯")])
    start = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    sim.story(order.master, start)
    sim.add_route(order.master, "9999", start, "?", "a code Pickdesk does not act on")
    events = client.routes([order.master, "SF0000000000000"])
    assert [e.kind for e in events] == ["picked_up", "in_transit", "in_transit", "in_transit",
                                        "out_for_delivery", "delivered"]
    assert events[0].at == datetime(2026, 12, 1, 4, 0, tzinfo=UTC)  # Beijing time read back as UTC
    assert all(e.tracking_no == order.master for e in events)
    with pytest.raises(sf.SfBusinessError):
        client.routes([f"SF{i:013d}" for i in range(11)])  # SF takes at most 10 per call


def test_intercept_and_its_refusal_once_delivered(client, sim):
    order = client.create_order("PD-1008", SENDER, RECIPIENT, [sf.Cargo("灯")])
    client.intercept(order.master, reason="订单已取消")
    assert sim.intercepts[order.master]["serviceCode"] == "2"
    done = client.create_order("PD-1009", SENDER, RECIPIENT, [sf.Cargo("灯")])
    sim.story(done.master, datetime(2026, 12, 1, tzinfo=UTC))
    with pytest.raises(sf.SfInterceptRefused) as err:
        client.intercept(done.master)
    assert err.value.error_code == "20011"


@pytest.mark.parametrize("recipient, code", [
    (sf.Contact("张三", "13800138000", ""), "1014"),
    (sf.Contact("", "13800138000", "上海市徐汇区漕溪北路 88 号"), "1015"),
    (sf.Contact("张三", "", "上海市徐汇区漕溪北路 88 号"), "1016"),
])
def test_an_incomplete_recipient_is_refused_by_code(client, recipient, code):
    with pytest.raises(sf.SfAddressIncomplete) as err:
        client.create_order("PD-2000", SENDER, recipient, [sf.Cargo("书")])
    assert err.value.error_code == code


def test_platform_errors(sim):
    good = sf.SfClient(sim.url, PARTNER, CHECKWORD)
    with pytest.raises(sf.SfDigestInvalid) as err:
        sf.SfClient(sim.url, PARTNER, "wrong-checkword").filter_order(RECIPIENT)
    assert err.value.api_code == "A1006" and "校验码" in err.value.message_zh
    with pytest.raises(sf.SfNoPermission) as err:
        sf.SfClient(sim.url, "NOBODY", CHECKWORD).filter_order(RECIPIENT)
    assert err.value.api_code == "A1004"
    with pytest.raises(sf.SfExpired):
        sf.SfClient(sim.url, PARTNER, CHECKWORD, clock=lambda: time.time() - 3600).filter_order(RECIPIENT)
    fixed = sf.SfClient(sim.url, PARTNER, CHECKWORD, new_request_id=lambda: "SAME-ID")
    fixed.filter_order(RECIPIENT)
    with pytest.raises(sf.SfDuplicateRequest):
        fixed.filter_order(RECIPIENT)
    sim.granted[PARTNER] = {"EXP_RECE_FILTER_ORDER_BSP"}
    with pytest.raises(sf.SfNoPermission):
        good.routes(["SF1"])


def test_a_missing_form_field_is_a1001(sim):
    body = urllib.parse.urlencode({"partnerID": PARTNER, "serviceCode": "EXP_RECE_SEARCH_ROUTES"}).encode()
    request = urllib.request.Request(sim.url, data=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request) as response:
        answer = json.loads(response.read())
    assert answer["apiResultCode"] == "A1001" and "requestID" in answer["apiErrorMsg"]


def test_an_endpoint_that_is_down_is_unreachable_not_a_traceback(sim):
    sim.down = True
    with pytest.raises(sf.SfUnreachable) as err:
        sf.SfClient(sim.url, PARTNER, CHECKWORD).filter_order(RECIPIENT)
    assert "503" in err.value.message
    with pytest.raises(sf.SfUnreachable):
        sf.SfClient("http://127.0.0.1:9/std/service", PARTNER, CHECKWORD, timeout=2).filter_order(RECIPIENT)


def test_throttling_is_a1005_and_a_wrongly_typed_field_is_refused(client, sim):
    sim.throttled = True
    with pytest.raises(sf.SfThrottled) as err:
        client.filter_order(RECIPIENT)
    assert err.value.api_code == "A1005"
    sim.throttled = False
    with pytest.raises(sf.SfBusinessError) as err:  # parcelQty must be a whole number 1–300, as SF types it
        client.create_order("PD-3000", SENDER, RECIPIENT, [sf.Cargo("书")], parcels=0)
    assert err.value.error_code == "8030"
    client.create_order("PD-3001", SENDER, RECIPIENT, [sf.Cargo("书")])
    with pytest.raises(sf.SfBusinessError) as err:
        client.call("EXP_RECE_UPDATE_ORDER", {"orderId": "PD-3001", "dealType": "2"})  # a string, not 2
    assert err.value.error_code == "8024" and sim.orders["PD-3001"].status == "open"
