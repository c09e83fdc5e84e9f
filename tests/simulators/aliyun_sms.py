"""A local Alibaba Cloud SMS endpoint (dysmsapi 2017-05-25) that checks every request as the service does.

It recomputes the HMAC-SHA1 signature over the received parameters with the AccessKey secret it
knows (its own code, not the client's), checks the common parameters, the timestamp window (15 min)
and nonce reuse, the sign name, the template and its variables, the number, and the per-number flow
control (1 a minute); answers with the documented codes and HTTP statuses; keeps what it sent
(`sent`) and answers QuerySendDetails from it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import threading
import urllib.parse
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

COMMON = ("AccessKeyId", "Action", "Format", "RegionId", "SignatureMethod", "SignatureNonce", "SignatureVersion",
          "Timestamp", "Version", "Signature")


def _pct(text: str) -> str:
    # RFC 3986 as Alibaba Cloud documents it: quote_plus then + → %20, * → %2A, %7E → ~
    return urllib.parse.quote_plus(text).replace("+", "%20").replace("*", "%2A").replace("%7E", "~")


def expected_signature(method: str, params: dict[str, str], secret: str) -> str:
    canonical = "&".join(f"{_pct(k)}={_pct(params[k])}" for k in sorted(params) if k != "Signature")
    to_sign = f"{method}&{_pct('/')}&{_pct(canonical)}"
    return base64.b64encode(hmac.new((secret + "&").encode(), to_sign.encode(), hashlib.sha1).digest()).decode()


@dataclass
class SentSms:
    biz_id: str
    phone: str
    sign_name: str
    template_code: str
    params: dict[str, str]
    content: str
    out_id: str
    at: datetime
    status: int = 3  # 1 waiting, 2 failed, 3 delivered
    err_code: str = "DELIVERED"


@dataclass
class AliyunSmsSimulator:
    keys: dict[str, str] = field(default_factory=lambda: {"LTAI5tPickdeskTest": "pickdesk-test-secret"})
    sign_names: set[str] = field(default_factory=lambda: {"拣货台商城"})
    templates: dict[str, str] = field(default_factory=dict)  # code → content with ${var}
    clock: object = None
    undeliverable: set[str] = field(default_factory=set)  # numbers whose report says failed
    balance_empty: bool = False

    def __post_init__(self) -> None:
        self.sent: list[SentSms] = []
        self.requests: list[dict[str, str]] = []
        self.nonces: set[str] = set()
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    def now(self) -> datetime:
        return self.clock() if self.clock else datetime.now(UTC)  # type: ignore[operator]

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    # ─── the service ─────────────────────────────────────────────────────────
    def answer(self, method: str, params: dict[str, str]) -> tuple[int, dict[str, object]]:
        request_id = str(uuid.uuid4()).upper()

        def err(status: int, code: str, message: str) -> tuple[int, dict[str, object]]:
            return status, {"RequestId": request_id, "Code": code, "Message": message}

        with self.lock:
            self.requests.append(dict(params))
            for name in COMMON:
                if not params.get(name):
                    return err(400, f"Missing{name}", f"{name} is mandatory for this action.")
            if params["SignatureMethod"] != "HMAC-SHA1" or params["SignatureVersion"] != "1.0":
                return err(400, "InvalidSignatureMethod.Malformed", "Specified signature method is not valid.")
            if params["Version"] != "2017-05-25":
                return err(400, "InvalidVersion", "Specified parameter Version is not valid.")
            if params["Format"] not in ("JSON", "XML"):
                return err(400, "InvalidParameter", "Format is not valid.")
            secret = self.keys.get(params["AccessKeyId"])
            if secret is None:
                return err(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
            if not hmac.compare_digest(expected_signature(method, params, secret), params["Signature"]):
                return err(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.")
            try:
                stamp = datetime.strptime(params["Timestamp"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            except ValueError:
                return err(400, "InvalidTimeStamp.Format", "Specified time stamp is not valid.")
            if abs(self.now() - stamp) > timedelta(minutes=15):
                return err(400, "InvalidTimeStamp.Expired", "Specified time stamp or date header is expired.")
            if params["SignatureNonce"] in self.nonces:
                return err(400, "SignatureNonceUsed", "Specified signature nonce was used already.")
            self.nonces.add(params["SignatureNonce"])
            if params["Action"] == "SendSms":
                return self._send(params, request_id, err)
            if params["Action"] == "QuerySendDetails":
                return self._query(params, request_id, err)
            return err(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.")

    def _send(self, p: dict[str, str], request_id: str, err):  # noqa: ANN001, ANN202
        for name in ("PhoneNumbers", "SignName", "TemplateCode"):
            if not p.get(name):
                return err(400, f"Missing{name}", f"{name} is mandatory for this action.")
        phone = p["PhoneNumbers"]
        if "," in phone:
            return err(200, "isv.MOBILE_COUNT_OVER_LIMIT", "手机号码数量超过限制")  # one number per message here
        if not (re.fullmatch(r"1[3-9]\d{9}", phone) or re.fullmatch(r"00[1-9]\d{6,14}", phone)):
            return err(200, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号")
        if p["SignName"] not in self.sign_names:
            return err(200, "isv.SMS_SIGNATURE_ILLEGAL", "该账号下找不到对应签名")
        content = self.templates.get(p["TemplateCode"])
        if content is None:
            return err(200, "isv.SMS_TEMPLATE_ILLEGAL", "该账号下找不到对应模板")
        wanted = re.findall(r"\$\{(\w+)\}", content)
        values: dict[str, str] = {}
        if wanted or p.get("TemplateParam"):
            try:
                values = json.loads(p.get("TemplateParam") or "")
                if not isinstance(values, dict):
                    raise ValueError
            except ValueError:
                return err(200, "isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值")
            if any(not isinstance(v, str) for v in values.values()):
                return err(200, "isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值")
        missing = [w for w in wanted if not values.get(w)]
        if missing:
            return err(200, "isv.TEMPLATE_MISSING_PARAMETERS", f"模板缺少变量: {','.join(missing)}")
        if self.balance_empty:
            return err(200, "isv.AMOUNT_NOT_ENOUGH", "账户余额不足")
        now = self.now()
        if any(s.phone == phone and now - s.at < timedelta(minutes=1) for s in self.sent):
            return err(200, "isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控Permits:1")
        text = f"【{p['SignName']}】" + re.sub(r"\$\{(\w+)\}", lambda m: values[m.group(1)], content)
        biz = f"{int(now.timestamp()) % 10 ** 9:09d}^{len(self.sent) + 1:010d}"
        sms = SentSms(biz, phone, p["SignName"], p["TemplateCode"], values, text, p.get("OutId", ""), now)
        if phone in self.undeliverable:
            sms.status, sms.err_code = 2, "MK:0001"
        self.sent.append(sms)
        return 200, {"RequestId": request_id, "Code": "OK", "Message": "OK", "BizId": biz}

    def _query(self, p: dict[str, str], request_id: str, err):  # noqa: ANN001, ANN202
        for name in ("PhoneNumber", "SendDate", "PageSize", "CurrentPage"):
            if not p.get(name):
                return err(400, f"Missing{name}", f"{name} is mandatory for this action.")
        if not re.fullmatch(r"\d{8}", p["SendDate"]):
            return err(200, "isv.INVALID_PARAMETERS", "SendDate 格式错误")
        try:
            size, page = int(p["PageSize"]), int(p["CurrentPage"])
        except ValueError:
            return err(200, "isv.INVALID_PARAMETERS", "PageSize/CurrentPage 不是数字")
        if not 1 <= size <= 50 or page < 1:
            return err(200, "isv.INVALID_PARAMETERS", "PageSize 取值 1–50")
        rows = [s for s in self.sent if s.phone == p["PhoneNumber"] and s.at.strftime("%Y%m%d") == p["SendDate"]
                and (not p.get("BizId") or s.biz_id == p["BizId"])]
        chunk = rows[(page - 1) * size: page * size]
        dtos = [{"PhoneNum": s.phone, "SendStatus": s.status, "ErrCode": s.err_code, "TemplateCode": s.template_code,
                 "Content": s.content, "SendDate": s.at.strftime("%Y-%m-%d %H:%M:%S"),
                 "ReceiveDate": s.at.strftime("%Y-%m-%d %H:%M:%S"), "OutId": s.out_id} for s in chunk]
        return 200, {"RequestId": request_id, "Code": "OK", "Message": "OK", "TotalCount": len(rows),
                     "SmsSendDetailDTOs": {"SmsSendDetailDTO": dtos}}

    # ─── HTTP ────────────────────────────────────────────────────────────────
    def start(self) -> AliyunSmsSimulator:
        sim = self

        class Handler(BaseHTTPRequestHandler):
            def _reply(self, method: str, query: str) -> None:
                params = {k: v[0] for k, v in urllib.parse.parse_qs(query, keep_blank_values=True).items()}
                status, body = sim.answer(method, params)
                data = json.dumps(body, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json;charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                self._reply("POST", self.rfile.read(length).decode())

            def do_GET(self) -> None:  # noqa: N802
                self._reply("GET", urllib.parse.urlsplit(self.path).query)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()
