"""SF Express open platform (丰桥, standard API): a client of the form POST the platform publishes.

Every call is one `application/x-www-form-urlencoded; charset=UTF-8` POST to the account's endpoint
(sandbox `https://sfapi-sbox.sf-express.com/std/service`, production `https://sfapi.sf-express.com/std/service`)
with the fields

    partnerID   the customer code (顾客编码) of the account
    requestID   unique per request (a UUID)
    serviceCode EXP_RECE_CREATE_ORDER, EXP_RECE_SEARCH_ROUTES, …
    timestamp   milliseconds since the epoch
    msgData     the business request as a JSON string
    msgDigest   Base64(MD5(URLEncoder.encode(msgData + timestamp + checkWord, "UTF-8")))

The digest is over Java's `URLEncoder.encode` of the concatenation (space → "+", `*` kept, `~`
encoded), as the platform's signature page says; `java_urlencode` reproduces it.

The answer is JSON: `apiResultCode` ("A1000" when the platform accepted the call; A1001 … A1099
otherwise: `SfPlatformError` and its subclasses), and `apiResultData`, itself a JSON *string* with
`success`, `errorCode`, `errorMsg` and `msgData` (the service's result). A business error raises
`SfBusinessError` (or a subclass for the codes the warehouse acts on: 8016 duplicate order, 8018 no
such order, 8037 order already cancelled, 8252 already picked up, 1010/1011/1012/1014 sender or
recipient incomplete, 20011 intercept refused).

Route events (`EXP_RECE_SEARCH_ROUTES`) come with an `opCode`; `OP_CODES` maps those the warehouse
acts on to Pickdesk's tracking kinds. A route with another code is kept out (it changes nothing here).
"""

from __future__ import annotations

import base64
import hashlib
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from desktop.domain.errors import PickdeskError

from . import TrackingUpdate

SANDBOX_URL = "https://sfapi-sbox.sf-express.com/std/service"
PRODUCTION_URL = "https://sfapi.sf-express.com/std/service"
CHINA = timezone(timedelta(hours=8))  # route times are Beijing time without an offset

# opCode → Pickdesk tracking kind (desktop.partners.carriers.EVENT_KINDS)
OP_CODES: dict[str, str] = {
    "50": "picked_up",  # 顺丰已收件
    "54": "picked_up",  # 上门收件
    "30": "in_transit",  # 装件入车 / 已经发出
    "31": "in_transit",  # 卸车 / 到达
    "36": "in_transit",  # 封车
    "310": "in_transit",
    "44": "out_for_delivery",  # 正在派送
    "204": "out_for_delivery",  # 派件
    "33": "delayed",  # 滞留
    "70": "delayed",  # 派送不成功
    "80": "delivered",  # 已签收
    "8000": "delivered",
    "99": "refused",  # 退回 (拒收)
    "648": "refused",
}


# ─── errors ─────────────────────────────────────────────────────────────────────


class SfError(PickdeskError):
    """SF answered with an error; `api_code` is the platform's, `error_code` the service's."""

    code = "sf_error"

    def __init__(self, message: str, message_zh: str, *, api_code: str = "", error_code: str = "") -> None:
        super().__init__(message, message_zh)
        self.api_code, self.error_code = api_code, error_code


class SfUnreachable(SfError):
    """No answer from the endpoint (network down, timeout, not HTTP 200): try again later."""

    code = "sf_unreachable"


class SfPlatformError(SfError):
    code = "sf_platform"


class SfMissingField(SfPlatformError):  # A1001
    code = "sf_missing_field"


class SfExpired(SfPlatformError):  # A1002
    code = "sf_expired"


class SfNoPermission(SfPlatformError):  # A1003 IP, A1004 partner/service
    code = "sf_no_permission"


class SfThrottled(SfPlatformError):  # A1005
    code = "sf_throttled"


class SfDigestInvalid(SfPlatformError):  # A1006
    code = "sf_digest_invalid"


class SfDuplicateRequest(SfPlatformError):  # A1007
    code = "sf_duplicate_request"


class SfServiceDown(SfPlatformError):  # A1009, A1099
    code = "sf_service_down"


class SfBusinessError(SfError):
    code = "sf_business"


class SfDuplicateOrder(SfBusinessError):  # 8016
    code = "sf_duplicate_order"


class SfOrderNotFound(SfBusinessError):  # 8018
    code = "sf_order_not_found"


class SfOrderClosed(SfBusinessError):  # 8037 cancelled already, 8252 picked up: cannot cancel
    code = "sf_order_closed"


class SfAddressIncomplete(SfBusinessError):  # 1010, 1011, 1012, 1014
    code = "sf_address_incomplete"


class SfNotServed(SfBusinessError):  # filter result 3 / create refused for the address
    code = "sf_not_served"


class SfInterceptRefused(SfBusinessError):  # 20011 and the intercept's other refusals
    code = "sf_intercept_refused"


_PLATFORM: dict[str, tuple[type[SfPlatformError], str, str]] = {
    "A1001": (SfMissingField, "a required field is missing", "必传参数不可为空"),
    "A1002": (SfExpired, "the request's timestamp has expired (check the station's clock)", "请求时效已过期（请检查工作站时钟）"),
    "A1003": (SfNoPermission, "this IP address is not allowed for the account", "IP 无效"),
    "A1004": (SfNoPermission, "the account may not call this service (unknown partner or service not granted)",
              "无对应服务权限（顾客编码无效或未开通此服务）"),
    "A1005": (SfThrottled, "too many requests: SF throttles the account", "流量受控"),
    "A1006": (SfDigestInvalid, "the digital signature is invalid (check the account's check word)",
              "数字签名无效（请核对校验码）"),
    "A1007": (SfDuplicateRequest, "the same requestID was sent twice", "重复请求"),
    "A1008": (SfPlatformError, "SF could not decrypt the data", "数据解密失败"),
    "A1009": (SfServiceDown, "SF's service is down or unreachable", "目标服务异常或不可达"),
    "A1099": (SfServiceDown, "SF reported a system error", "系统异常"),
}

_BUSINESS: dict[str, type[SfBusinessError]] = {
    "8016": SfDuplicateOrder, "8018": SfOrderNotFound, "8037": SfOrderClosed, "8252": SfOrderClosed,
    "1010": SfAddressIncomplete, "1011": SfAddressIncomplete, "1012": SfAddressIncomplete,
    "1014": SfAddressIncomplete, "1015": SfAddressIncomplete, "1016": SfAddressIncomplete,
    "20011": SfInterceptRefused, "20012": SfInterceptRefused, "8114": SfNotServed, "6126": SfNoPermission,
}


# ─── the signature ──────────────────────────────────────────────────────────────


def java_urlencode(text: str) -> str:
    """`java.net.URLEncoder.encode(text, "UTF-8")`: letters, digits and `.-*_` stay, space → '+'."""
    return urllib.parse.quote_plus(text, safe="*").replace("~", "%7E")


def msg_digest(msg_data: str, timestamp: str, checkword: str) -> str:
    raw = java_urlencode(msg_data + timestamp + checkword).encode("utf-8")
    return base64.b64encode(hashlib.md5(raw).digest()).decode("ascii")  # noqa: S324 — SF's published rule


# ─── results ────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Waybill:
    number: str
    kind: str  # "master" (waybillType 1) or "child" (2)


@dataclass(frozen=True)
class RouteLabel:
    """What SF's label needs from routeLabelData: the big sort code (大头笔) and the three-segment code."""

    waybill_no: str
    dest_route_label: str = ""  # 大头笔, e.g. "755WE-571A"
    coding_mapping: str = ""  # 进港映射码
    coding_mapping_out: str = ""  # 出港映射码
    dest_team_code: str = ""
    source_transfer_code: str = ""
    pro_code: str = ""  # product logo, e.g. "T4"
    two_dimension_code: str = ""

    @property
    def three_segment(self) -> str:
        """三段码: outbound mapping · destination route · inbound mapping (the hubs' sorting order)."""
        return "-".join(p for p in (self.coding_mapping_out, self.dest_route_label, self.coding_mapping) if p)

    def to_dict(self) -> dict[str, str]:
        return {"waybill_no": self.waybill_no, "dest_route_label": self.dest_route_label,
                "coding_mapping": self.coding_mapping, "coding_mapping_out": self.coding_mapping_out,
                "dest_team_code": self.dest_team_code, "source_transfer_code": self.source_transfer_code,
                "pro_code": self.pro_code, "two_dimension_code": self.two_dimension_code}


@dataclass(frozen=True)
class SfOrder:
    order_id: str
    waybills: tuple[Waybill, ...]
    origin_code: str = ""
    dest_code: str = ""
    route_labels: tuple[RouteLabel, ...] = ()
    filter_result: str = ""

    @property
    def master(self) -> str:
        return next(w.number for w in self.waybills if w.kind == "master")

    @property
    def children(self) -> tuple[str, ...]:
        return tuple(w.number for w in self.waybills if w.kind == "child")


@dataclass(frozen=True)
class Contact:
    """One side of the shipment (contactType 1 sender, 2 recipient)."""

    contact: str
    tel: str
    address: str
    province: str = ""
    city: str = ""
    county: str = ""
    company: str = ""
    country: str = "CN"

    def to_sf(self, contact_type: int) -> dict[str, Any]:
        out: dict[str, Any] = {"contactType": contact_type, "contact": self.contact, "mobile": self.tel,
                               "tel": self.tel, "address": self.address, "country": self.country}
        for key, value in (("province", self.province), ("city", self.city), ("county", self.county),
                           ("company", self.company)):
            if value:
                out[key] = value
        return out


@dataclass(frozen=True)
class Cargo:
    name: str
    count: int = 1
    weight_kg: float | None = None


def _route_label(item: Mapping[str, Any]) -> RouteLabel | None:
    data = item.get("routeLabelData") or {}
    if not data.get("waybillNo"):
        return None
    return RouteLabel(str(data["waybillNo"]), str(data.get("destRouteLabel") or ""),
                      str(data.get("codingMapping") or ""), str(data.get("codingMappingOut") or ""),
                      str(data.get("destTeamCode") or ""), str(data.get("sourceTransferCode") or ""),
                      str(data.get("proCode") or ""), str(data.get("twoDimensionCode") or ""))


def _order(data: Mapping[str, Any], order_id: str) -> SfOrder:
    waybills = tuple(Waybill(str(w["waybillNo"]), "master" if int(w.get("waybillType", 1)) == 1 else "child")
                     for w in data.get("waybillNoInfoList") or [])
    labels = tuple(r for r in (_route_label(i) for i in data.get("routeLabelInfo") or []) if r is not None)
    return SfOrder(str(data.get("orderId") or order_id), waybills, str(data.get("originCode") or ""),
                   str(data.get("destCode") or ""), labels, str(data.get("filterResult") or ""))


# ─── the client ─────────────────────────────────────────────────────────────────


Transport = Callable[[str, bytes, float], bytes]  # (url, form body, timeout) → response body


def _urllib_post(url: str, body: bytes, timeout: float) -> bytes:
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 — the account's URL
            return response.read()
    except urllib.error.HTTPError as exc:
        exc.close()
        raise SfUnreachable(f"SF answered HTTP {exc.code} at {url}.", f"顺丰接口返回 HTTP {exc.code}（{url}）。") from None
    except (urllib.error.URLError, socket.timeout, ConnectionError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise SfUnreachable(f"SF is not reachable at {url}: {reason}.", f"无法连接顺丰接口 {url}：{reason}。") from None


@dataclass
class SfClient:
    """One SF account: its endpoint, partner id (顾客编码) and check word (校验码)."""

    url: str
    partner_id: str
    checkword: str
    monthly_card: str = ""  # 月结卡号
    language: str = "zh-CN"
    timeout: float = 10.0
    transport: Transport = _urllib_post
    clock: Callable[[], float] = time.time
    new_request_id: Callable[[], str] = field(default=lambda: uuid.uuid4().hex)

    def call(self, service_code: str, payload: Mapping[str, Any]) -> Any:
        """One signed POST; the service's msgData, or a typed error."""
        msg_data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        timestamp = str(int(self.clock() * 1000))
        form = {"partnerID": self.partner_id, "requestID": self.new_request_id(), "serviceCode": service_code,
                "timestamp": timestamp, "msgData": msg_data,
                "msgDigest": msg_digest(msg_data, timestamp, self.checkword)}
        raw = self.transport(self.url, urllib.parse.urlencode(form).encode("utf-8"), self.timeout)
        try:
            answer = json.loads(raw.decode("utf-8"))
            api_code = str(answer.get("apiResultCode", ""))
        except (ValueError, UnicodeDecodeError, AttributeError):
            raise SfServiceDown("SF's answer is not the platform's JSON.", "顺丰接口返回的不是平台 JSON。",
                                api_code="?") from None
        if api_code != "A1000":
            cls, en, zh = _PLATFORM.get(api_code, (SfPlatformError, "the platform refused the call", "平台拒绝了请求"))
            detail = str(answer.get("apiErrorMsg") or "")
            raise cls(f"SF {api_code}: {en}" + (f" ({detail})." if detail else "."),
                      f"顺丰 {api_code}：{zh}" + (f"（{detail}）。" if detail else "。"), api_code=api_code)
        try:
            result = json.loads(answer.get("apiResultData") or "{}")
        except ValueError:
            raise SfServiceDown("SF's apiResultData is not JSON.", "顺丰 apiResultData 不是 JSON。",
                                api_code=api_code) from None
        if not result.get("success", False):
            error_code = str(result.get("errorCode") or "")
            message = str(result.get("errorMsg") or "")
            cls = _BUSINESS.get(error_code, SfBusinessError)
            raise cls(f"SF refused {service_code}: {error_code} {message}".rstrip() + ".",
                      f"顺丰拒绝 {service_code}：{error_code} {message}".rstrip() + "。",
                      api_code=api_code, error_code=error_code)
        return result.get("msgData")

    # ── the services ──

    def create_order(self, order_id: str, sender: Contact, recipient: Contact, cargo: Iterable[Cargo], *,
                     parcels: int = 1, express_type: int = 1, pay_method: int = 1) -> SfOrder:
        """EXP_RECE_CREATE_ORDER: the numbers (master + children for `parcels` > 1) and the route labels.

        An order SF already holds (8016, say after a commit that failed here) gives back the numbers
        it issued then (EXP_RECE_SEARCH_ORDER_RESP): the same order never gets two sets of numbers.
        """
        payload: dict[str, Any] = {
            "language": self.language, "orderId": order_id,
            "contactInfoList": [sender.to_sf(1), recipient.to_sf(2)],
            "cargoDetails": [{"name": c.name, "count": c.count, **({"weight": c.weight_kg} if c.weight_kg else {})}
                             for c in cargo],
            "expressTypeId": express_type, "payMethod": pay_method, "parcelQty": parcels,
            "isReturnRoutelabel": 1}
        if self.monthly_card:
            payload["monthlyCard"] = self.monthly_card
        try:
            return _order(self.call("EXP_RECE_CREATE_ORDER", payload), order_id)
        except SfDuplicateOrder:
            return self.search_order(order_id)

    def search_order(self, order_id: str) -> SfOrder:
        """EXP_RECE_SEARCH_ORDER_RESP: what SF holds for an order it already took."""
        data = self.call("EXP_RECE_SEARCH_ORDER_RESP", {"orderId": order_id, "searchType": "1",
                                                        "language": self.language})
        return _order(data, order_id)

    def filter_order(self, recipient: Contact, sender: Contact | None = None) -> bool:
        """EXP_RECE_FILTER_ORDER_BSP: can SF serve this address? (filterResult 2 yes, 3 no; 1 needs a person)."""
        payload: dict[str, Any] = {"filterType": 1, "destAddress": recipient.address, "destProvince": recipient.province,
                                   "destCity": recipient.city, "destCounty": recipient.county,
                                   "destCountry": recipient.country}
        if sender is not None:
            payload.update(srcAddress=sender.address, srcProvince=sender.province, srcCity=sender.city)
        data = self.call("EXP_RECE_FILTER_ORDER_BSP", payload)
        result = str((data or {}).get("filterResult", ""))
        return result == "2"

    def sub_waybills(self, order_id: str, count: int) -> tuple[str, ...]:
        """EXP_RECE_GET_SUB_MAILNO: `count` more child numbers for an order SF holds."""
        data = self.call("EXP_RECE_GET_SUB_MAILNO", {"orderId": order_id, "parcelQty": count})
        return tuple(str(w["waybillNo"]) for w in (data or {}).get("waybillNoInfoList") or []
                     if int(w.get("waybillType", 2)) == 2)

    def cancel_order(self, order_id: str) -> None:
        """EXP_RECE_UPDATE_ORDER with dealType 2: the order and every number of it are cancelled."""
        self.call("EXP_RECE_UPDATE_ORDER", {"orderId": order_id, "dealType": 2, "language": self.language})

    def routes(self, waybill_numbers: Iterable[str]) -> list[TrackingUpdate]:
        """EXP_RECE_SEARCH_ROUTES by waybill number (trackingType 1), as Pickdesk tracking events."""
        numbers = list(waybill_numbers)
        if not numbers:
            return []
        data = self.call("EXP_RECE_SEARCH_ROUTES", {"language": "0", "trackingType": 1, "methodType": 1,
                                                    "trackingNumber": numbers})
        out = []
        for resp in (data or {}).get("routeResps") or []:
            mail_no = str(resp.get("mailNo") or "")
            for route in resp.get("routes") or []:
                kind = OP_CODES.get(str(route.get("opCode", "")))
                if kind is None:
                    continue
                at = datetime.strptime(str(route["acceptTime"]), "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)
                out.append(TrackingUpdate(mail_no, at.astimezone(timezone.utc), kind,
                                          str(route.get("acceptAddress") or ""), str(route.get("remark") or "")))
        return sorted(out, key=lambda e: (e.at, e.tracking_no))

    def intercept(self, waybill_no: str, *, service: str = "2", reason: str = "") -> None:
        """EXP_RECE_WANTED_INTERCEPT: stop a parcel on its way; `service` "2" sends it back to the sender."""
        self.call("EXP_RECE_WANTED_INTERCEPT", {"waybillNo": waybill_no, "serviceCode": service, "role": "1",
                                                "payMode": "4", "remark": reason[:100]})


class SfTracking:
    """The SF client as the tracking poll's adapter (`fetch_events` like a CarrierAdapter's)."""

    def __init__(self, client: SfClient) -> None:
        self.client = client

    def fetch_events(self, tracking_numbers: Iterable[str], since: datetime | None) -> list[TrackingUpdate]:
        numbers = list(tracking_numbers)
        events: list[TrackingUpdate] = []
        for start in range(0, len(numbers), 10):  # SF answers at most 10 numbers per call
            events.extend(self.client.routes(numbers[start:start + 10]))
        return [e for e in events if since is None or e.at > since]
