"""Kuaidi100 (快递100) tracking for the carriers without an API of their own here: subscribe, receive
pushes, query.

* **Subscribe** (`poll`, 订阅): a form POST of `schema=json` and `param` = JSON {company, number, key,
  parameters: {callbackurl, salt, resultv2}} — no signature: the `key` inside identifies the account.
  The answer {"result", "returnCode", "message"}: 200 accepted, 501 already subscribed (fine), 600
  not a valid key, 601 key expired, 700 bad subscription data, 701 company refused, 702 company not
  recognised from the number, 500 server error (retry).
* **Push** (推送): Kuaidi100 POSTs a form with `param` (JSON: status polling/shutdown/abort/updateall,
  message, lastResult {state, ischeck, com, nu, data: [{time, ftime, context, status, areaCode,
  areaName …}]}) and, when the subscription gave a salt, `sign` = upper-case MD5(param + salt). The
  receiver answers {"result": true, "returnCode": "200", "message": "成功"}, else it pushes again.
* **Query** (`poll/query.do`, 实时查询): a form POST of `customer`, `param` = JSON {com, num, resultv2}
  and `sign` = upper-case MD5(param + key + customer).

Times are China Standard Time on the wire; the events come out as `TrackingUpdate`s in UTC, newest
last, their kind from the item's `status` word (揽收 picked up, 在途 in transit, 派件 out for
delivery, 签收 delivered, 拒签/退签/退回 refused, 疑难 delayed …) or, without one, the state code.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from desktop.domain.errors import PickdeskError
from desktop.partners.carriers import TrackingUpdate

POLL_URL = "https://poll.kuaidi100.com/poll"
QUERY_URL = "https://poll.kuaidi100.com/poll/query.do"
CST = timezone(timedelta(hours=8), "CST")

# Pickdesk carrier code → Kuaidi100 company code (a carrier's definition may name its own: "kuaidi100").
COMPANIES = {"SF": "shunfeng", "ZTO": "zhongtong", "YTO": "yuantong", "STO": "shentong", "YD": "yunda",
             "YUNDA": "yunda", "JD": "jd", "EMS": "ems", "JT": "jtexpress", "DBL": "debangkuaidi"}

SUBSCRIBE_CODES: dict[str, tuple[str, str]] = {
    "501": ("already subscribed", "重复订阅"),
    "600": ("not a valid Kuaidi100 key", "授权 key 无效"),
    "601": ("the Kuaidi100 key has expired", "授权 key 已过期"),
    "700": ("the subscription data is wrong (company, number or callback URL)", "订阅数据有误（公司、单号或回调地址）"),
    "701": ("Kuaidi100 refuses to track this company", "快递100 拒绝订阅该快递公司"),
    "702": ("Kuaidi100 cannot tell the company from the number", "无法识别单号所属的快递公司"),
    "500": ("Kuaidi100 server error", "快递100 服务器错误"),
}
RETRYABLE = frozenset({"500", "network"})

# the status word of a data item (resultv2) → Pickdesk event kind
STATUS_WORDS = {"揽收": "picked_up", "在途": "in_transit", "转投": "in_transit", "清关": "in_transit",
                "待清关": "in_transit", "清关中": "in_transit", "已清关": "in_transit", "派件": "out_for_delivery",
                "签收": "delivered", "拒签": "refused", "退签": "refused", "退回": "refused", "疑难": "delayed",
                "清关异常": "delayed"}
# lastResult.state (a sub-state like 301 is its hundred) → kind
STATES = {0: "in_transit", 1: "picked_up", 2: "delayed", 3: "delivered", 4: "refused", 5: "out_for_delivery",
          6: "refused", 7: "in_transit", 8: "in_transit", 14: "refused"}
PUSH_STATUSES = ("polling", "shutdown", "abort", "updateall")


class Kuaidi100Refused(PickdeskError):
    """Kuaidi100 answered with an error code (or could not be reached: code "network")."""

    code = "kuaidi100_refused"

    def __init__(self, return_code: str, detail: str = "") -> None:
        en, zh = SUBSCRIBE_CODES.get(return_code, (detail or "refused", detail or "被拒绝"))
        super().__init__(f"Kuaidi100 refused: {return_code} {en}{f' ({detail})' if detail and detail != en else ''}.",
                         f"快递100 拒绝：{return_code} {zh}{f'（{detail}）' if detail and detail != zh else ''}。")
        self.return_code, self.detail = return_code, detail
        self.retryable = return_code in RETRYABLE


class PushRefused(PickdeskError):
    """A push that is not Kuaidi100's (wrong sign) or not a push at all; `reason` says which."""

    code = "push_refused"

    def __init__(self, reason: str, en: str, zh: str) -> None:
        super().__init__(f"Tracking push refused: {en}.", f"跟踪推送被拒绝：{zh}。")
        self.reason = reason


@dataclass(frozen=True)
class Kuaidi100Account:
    key: str = field(repr=False)
    customer: str
    salt: str = field(default="", repr=False)
    callback_url: str = ""
    poll_url: str = POLL_URL
    query_url: str = QUERY_URL
    timeout_s: float = 10.0


@dataclass(frozen=True)
class PushNotice:
    status: str  # polling, shutdown, abort, updateall
    message: str
    company: str
    number: str
    delivered: bool  # ischeck
    events: tuple[TrackingUpdate, ...]


def md5_upper(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest().upper()  # noqa: S324 - Kuaidi100's signature


def company_for(carrier_code: str, definition: Mapping[str, object] | None = None) -> str | None:
    named = (definition or {}).get("kuaidi100")
    return str(named) if named else COMPANIES.get(carrier_code.upper())


def _kind(item: Mapping[str, object], state: object) -> str | None:
    word = str(item.get("status") or "").strip()
    if word in STATUS_WORDS:
        return STATUS_WORDS[word]
    try:
        code = int(str(item.get("statusCode") or state))
    except ValueError:
        return None
    return STATES.get(code if code < 100 else code // 100)


def _moment(text: str) -> datetime:
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(text.strip(), fmt).replace(tzinfo=CST).astimezone(timezone.utc)
        except ValueError:
            continue
    raise ValueError(f"not a Kuaidi100 time: {text!r}")


def events_of(number: str, data: Iterable[object], state: object = "0") -> list[TrackingUpdate]:
    """The items of `data` (newest first on the wire) as tracking updates, oldest first.

    The state code applies to the newest item only; older items without a status word are in transit."""
    items = [d for d in data if isinstance(d, dict)]
    out: list[TrackingUpdate] = []
    for i, item in enumerate(items):
        kind = _kind(item, state if i == 0 else "0") or "in_transit"
        when = str(item.get("ftime") or item.get("time") or "")
        place = str(item.get("areaName") or item.get("location") or "")[:120]
        out.append(TrackingUpdate(number.upper(), _moment(when), kind, place, str(item.get("context") or "")[:300]))
    return sorted(out, key=lambda e: e.at)


def parse_push(form: Mapping[str, str], salt: str = "") -> PushNotice:
    """Check and read one push; raises PushRefused (bad sign, not JSON, missing fields)."""
    param = form.get("param")
    if not param:
        raise PushRefused("no_param", "the form has no param", "表单缺少 param")
    if salt:
        sign = form.get("sign") or ""
        if not hmac.compare_digest(sign.upper(), md5_upper(param + salt)):
            raise PushRefused("bad_sign", "the sign does not match MD5(param + salt)", "sign 与 MD5(param + salt) 不符")
    try:
        body = json.loads(param)
        if not isinstance(body, dict):
            raise ValueError
        status = str(body.get("status", ""))
        last = body.get("lastResult") or {}
        if not isinstance(last, dict):
            raise ValueError
        number = str(last.get("nu") or "").strip()
        data = last.get("data") or []
        if not isinstance(data, list):
            raise ValueError
    except ValueError:
        raise PushRefused("not_json", "param is not Kuaidi100's JSON", "param 不是快递100 的 JSON") from None
    if status not in PUSH_STATUSES:
        raise PushRefused("bad_status", f"unknown status {status!r}", f"未知状态 {status!r}")
    if not number:
        raise PushRefused("no_number", "lastResult.nu is missing", "缺少 lastResult.nu")
    try:
        events = events_of(number, data, last.get("state", "0"))
    except ValueError as exc:
        raise PushRefused("bad_time", str(exc), str(exc)) from None
    return PushNotice(status, str(body.get("message") or ""), str(last.get("com") or ""), number.upper(),
                      str(last.get("ischeck")) == "1", tuple(events))


PUSH_OK = {"result": True, "returnCode": "200", "message": "成功"}


class Kuaidi100Client:
    def __init__(self, account: Kuaidi100Account) -> None:
        self.account = account

    def _post(self, url: str, form: Mapping[str, str]) -> dict[str, object]:
        data = urllib.parse.urlencode(form).encode()
        request = urllib.request.Request(url, data=data, method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=self.account.timeout_s) as response:  # noqa: S310
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raise Kuaidi100Refused("500" if exc.code >= 500 else str(exc.code), f"HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError, socket.timeout) as exc:
            raise Kuaidi100Refused("network", f"{url}: {getattr(exc, 'reason', exc)}") from None
        try:
            answer = json.loads(raw)
            if not isinstance(answer, dict):
                raise ValueError
        except ValueError:
            raise Kuaidi100Refused("network", f"not a JSON answer: {raw[:80]!r}") from None
        return answer

    def subscribe(self, company: str, number: str, *, phone_tail: str = "", destination: str = "") -> str:
        """Ask Kuaidi100 to push this number's events to the callback; "subscribed" or "duplicate"."""
        a = self.account
        parameters = {"callbackurl": a.callback_url, "resultv2": "1"}
        if a.salt:
            parameters["salt"] = a.salt
        if phone_tail:  # SF and some others need the last four digits of a phone on the waybill
            parameters["phone"] = phone_tail
        param: dict[str, object] = {"company": company, "number": number, "key": a.key, "parameters": parameters}
        if destination:
            param["to"] = destination
        answer = self._post(a.poll_url, {"schema": "json",
                                         "param": json.dumps(param, ensure_ascii=False, separators=(",", ":"))})
        code = str(answer.get("returnCode", ""))
        if code == "200" and answer.get("result") is True:
            return "subscribed"
        if code == "501":
            return "duplicate"
        raise Kuaidi100Refused(code or "500", str(answer.get("message", "")))

    def query(self, company: str, number: str) -> list[TrackingUpdate]:
        """The events Kuaidi100 has for a number now (the real-time query)."""
        a = self.account
        param = json.dumps({"com": company, "num": number, "resultv2": "1"}, separators=(",", ":"))
        answer = self._post(a.query_url, {"customer": a.customer, "param": param,
                                          "sign": md5_upper(param + a.key + a.customer)})
        if answer.get("message") != "ok" or str(answer.get("status", "")) != "200":
            raise Kuaidi100Refused(str(answer.get("returnCode") or answer.get("status") or "500"),
                                   str(answer.get("message", "")))
        return events_of(number, answer.get("data") or [], answer.get("state", "0"))  # type: ignore[arg-type]


class Kuaidi100Tracker:
    """A tracking adapter for `desktop.services.tracking.poll`: `fetch_events(numbers, since)` by query."""

    def __init__(self, client: Kuaidi100Client, company: str) -> None:
        self.client, self.company = client, company

    def fetch_events(self, numbers: Iterable[str], since: datetime) -> list[TrackingUpdate]:
        out: list[TrackingUpdate] = []
        for number in numbers:
            out.extend(e for e in self.client.query(self.company, number) if e.at >= since)
        return out
