"""Alibaba Cloud SMS (短信服务, `dysmsapi` 2017-05-25) over its RPC protocol: `SendSms` and `QuerySendDetails`.

Every request is a form POST of the action's parameters plus the common ones (`AccessKeyId`,
`Action`, `Format=JSON`, `RegionId`, `SignatureMethod=HMAC-SHA1`, `SignatureNonce`,
`SignatureVersion=1.0`, `Timestamp` in UTC ISO 8601, `Version=2017-05-25`) and `Signature`:

    StringToSign = METHOD + "&" + pct("/") + "&" + pct(canonical query)
    canonical query = "&".join(pct(k) + "=" + pct(v) for k, v in sorted(params))   # Signature left out
    Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign))

where `pct` is RFC 3986 percent-encoding (space → %20, `*` → %2A, `~` kept). The answer is JSON with
`Code` ("OK" or an error code such as `isv.MOBILE_NUMBER_ILLEGAL`), `Message` and `RequestId`;
authentication errors (`SignatureDoesNotMatch`, `InvalidAccessKeyId.NotFound`) come with HTTP 4xx.
`SmsRefused.retryable` says whether sending later can help (flow control, the service busy, the
network) or not (a bad number, a template parameter missing, a wrong key).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import phonenumbers

from desktop.domain.errors import PickdeskError

API_VERSION = "2017-05-25"
DEFAULT_ENDPOINT = "https://dysmsapi.aliyuncs.com/"

# Documented codes whose cause goes away by itself: try again later.
RETRYABLE = frozenset({
    "isv.BUSINESS_LIMIT_CONTROL",  # the per-number flow control: 1 a minute, 5 an hour, 10 a day by default
    "isv.DAY_LIMIT_CONTROL", "Throttling", "Throttling.User", "ServiceUnavailable", "InternalError",
    "isp.SYSTEM_ERROR", "isp.RAM_PERMISSION_DENY",
})

# What each documented code means, for the screen (English, Chinese).
CODES: dict[str, tuple[str, str]] = {
    "isv.MOBILE_NUMBER_ILLEGAL": ("the mobile number is not valid", "手机号码格式错误"),
    "isv.BUSINESS_LIMIT_CONTROL": ("too many messages to this number (flow control)", "触发号码流控，发送过于频繁"),
    "isv.TEMPLATE_MISSING_PARAMETERS": ("the template's parameters are missing", "模板缺少变量"),
    "isv.INVALID_JSON_PARAM": ("TemplateParam is not valid JSON", "模板变量不是合法的 JSON"),
    "isv.SMS_SIGNATURE_ILLEGAL": ("the signature name is not approved", "短信签名不合法（未审核或不存在）"),
    "isv.SMS_TEMPLATE_ILLEGAL": ("the template is not approved", "短信模板不合法（未审核或不存在）"),
    "isv.AMOUNT_NOT_ENOUGH": ("the account balance is too low", "账户余额不足"),
    "isv.MOBILE_COUNT_OVER_LIMIT": ("too many numbers in one request", "手机号码数量超过限制"),
    "SignatureDoesNotMatch": ("the request signature does not match (wrong AccessKey secret?)",
                              "签名不匹配（AccessKey Secret 是否有误？）"),
    "InvalidAccessKeyId.NotFound": ("the AccessKey ID does not exist", "AccessKey ID 不存在"),
    "SignatureNonceUsed": ("the signature nonce was used already", "SignatureNonce 已被使用"),
    "InvalidTimeStamp.Expired": ("the request time is too far from the server's (check the clock)",
                                 "请求时间与服务器时间相差过大（请检查时钟）"),
}


class SmsRefused(PickdeskError):
    """Alibaba Cloud refused the message, or could not be reached; `code` is theirs ("network" for ours)."""

    code = "sms_refused"

    def __init__(self, sms_code: str, detail: str = "", *, request_id: str = "") -> None:
        en, zh = CODES.get(sms_code, (detail or sms_code, detail or sms_code))
        super().__init__(f"The SMS service refused the message: {sms_code} ({en}).",
                         f"短信服务拒绝了该短信：{sms_code}（{zh}）。")
        self.sms_code, self.detail, self.request_id = sms_code, detail, request_id
        self.retryable = sms_code in RETRYABLE or sms_code == "network"


class SmsNumberUnusable(PickdeskError):
    code = "sms_number_unusable"


@dataclass(frozen=True)
class AliyunSmsAccount:
    """What a warehouse gets from Alibaba Cloud: a RAM AccessKey, an approved sign name and templates.

    `templates` maps a notification kind to its approved template code per language, e.g.
    {"address_incomplete": {"zh": "SMS_4650001", "en": "SMS_4650002"}}.
    """

    access_key_id: str
    access_key_secret: str = field(repr=False)
    sign_name: str
    templates: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    endpoint: str = DEFAULT_ENDPOINT
    region: str = "cn-hangzhou"
    timeout_s: float = 10.0
    max_per_second: float = 10.0  # the outbox paces itself below the account's QPS

    def template_for(self, kind: str, language: str) -> str | None:
        codes = self.templates.get(kind) or {}
        return codes.get(language) or codes.get("zh") or codes.get("en")


@dataclass(frozen=True)
class SendDetail:
    phone: str
    status: str  # waiting, failed, delivered (SendStatus 1, 2, 3)
    err_code: str
    template_code: str
    content: str
    send_date: str
    receive_date: str
    out_id: str


SEND_STATUS = {1: "waiting", 2: "failed", 3: "delivered"}


def percent_encode(text: str) -> str:
    return urllib.parse.quote(text, safe="-_.~")


def string_to_sign(method: str, params: Mapping[str, str]) -> str:
    canonical = "&".join(f"{percent_encode(k)}={percent_encode(v)}" for k, v in sorted(params.items())
                         if k != "Signature")
    return f"{method}&{percent_encode('/')}&{percent_encode(canonical)}"


def signature(method: str, params: Mapping[str, str], secret: str) -> str:
    digest = hmac.new(f"{secret}&".encode(), string_to_sign(method, params).encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def sms_number(phone: str) -> str:
    """A number as SendSms takes it: a mainland mobile as its 11 digits, any other as 00 + country + number."""
    try:
        parsed = phonenumbers.parse(phone, "CN")
    except phonenumbers.NumberParseException:
        raise SmsNumberUnusable(f"{phone!r} is not a phone number an SMS can go to.",
                                f"{phone!r} 不是可以接收短信的号码。") from None
    kind = phonenumbers.number_type(parsed)
    if not phonenumbers.is_valid_number(parsed) or kind not in (phonenumbers.PhoneNumberType.MOBILE,
                                                                phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
        raise SmsNumberUnusable("The customer's number is not a mobile number: no SMS can reach it.",
                                "顾客号码不是手机号码，无法发送短信。")
    national = str(parsed.national_number)
    return national if parsed.country_code == 86 else f"00{parsed.country_code}{national}"


class AliyunSmsClient:
    def __init__(self, account: AliyunSmsAccount, *, clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 nonce: Callable[[], str] = lambda: uuid.uuid4().hex) -> None:
        self.account, self.clock, self.nonce = account, clock, nonce

    def signed(self, action: str, params: Mapping[str, str], method: str = "POST") -> dict[str, str]:
        a = self.account
        full = {"AccessKeyId": a.access_key_id, "Action": action, "Format": "JSON", "RegionId": a.region,
                "SignatureMethod": "HMAC-SHA1", "SignatureNonce": self.nonce(), "SignatureVersion": "1.0",
                "Timestamp": self.clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "Version": API_VERSION,
                **params}
        full["Signature"] = signature(method, full, a.access_key_secret)
        return full

    def call(self, action: str, params: Mapping[str, str]) -> dict[str, object]:
        body = urllib.parse.urlencode(self.signed(action, params), quote_via=urllib.parse.quote).encode()
        request = urllib.request.Request(self.account.endpoint, data=body, method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=self.account.timeout_s) as response:  # noqa: S310
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            if exc.code >= 500 and not raw:
                raise SmsRefused("ServiceUnavailable", f"HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError, socket.timeout) as exc:
            reason = getattr(exc, "reason", exc)
            raise SmsRefused("network", f"{self.account.endpoint}: {reason}") from None
        try:
            answer = json.loads(raw)
            if not isinstance(answer, dict):
                raise ValueError
        except ValueError:
            raise SmsRefused("network", f"not a JSON answer: {raw[:80]!r}") from None
        code = str(answer.get("Code", ""))
        if code != "OK":
            raise SmsRefused(code or "unknown", str(answer.get("Message", "")),
                             request_id=str(answer.get("RequestId", "")))
        return answer

    def send_sms(self, phone: str, template_code: str, template_param: Mapping[str, str], *,
                 out_id: str = "") -> str:
        """Send one message; returns its BizId (the key of its delivery report)."""
        params = {"PhoneNumbers": sms_number(phone), "SignName": self.account.sign_name,
                  "TemplateCode": template_code,
                  "TemplateParam": json.dumps(dict(template_param), ensure_ascii=False, separators=(",", ":"))}
        if out_id:
            params["OutId"] = out_id
        return str(self.call("SendSms", params).get("BizId", ""))

    def query_send_details(self, phone: str, send_date: date, biz_id: str = "", *, page_size: int = 10,
                           page: int = 1) -> list[SendDetail]:
        params = {"PhoneNumber": sms_number(phone), "SendDate": send_date.strftime("%Y%m%d"),
                  "PageSize": str(page_size), "CurrentPage": str(page)}
        if biz_id:
            params["BizId"] = biz_id
        answer = self.call("QuerySendDetails", params)
        dtos = (answer.get("SmsSendDetailDTOs") or {}).get("SmsSendDetailDTO") or []  # type: ignore[union-attr]
        return [SendDetail(str(d.get("PhoneNum", "")), SEND_STATUS.get(int(d.get("SendStatus", 1)), "waiting"),
                           str(d.get("ErrCode", "")), str(d.get("TemplateCode", "")), str(d.get("Content", "")),
                           str(d.get("SendDate", "")), str(d.get("ReceiveDate", "")), str(d.get("OutId", "")))
                for d in dtos]
