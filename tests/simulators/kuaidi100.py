"""A local Kuaidi100 (快递100): the subscription endpoint (`/poll`), the real-time query
(`/poll/query.do`), and the pushes it makes to a subscriber's callback URL.

Subscriptions are checked as Kuaidi100 does: `schema=json`, `param` JSON with a lower-case known
company code, a number of at most 32 characters, the account's `key`, and `parameters.callbackurl`
an http(s) URL; a second subscription of the same number answers 501. The query checks
`sign = MD5(param + key + customer)` upper-case. `push(number, status, items)` POSTs `param` (+ `sign`
= MD5(param + salt) upper-case when the subscription gave a salt) to the callback and returns the
subscriber's answer, checking it is the documented one.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

COMPANIES = {"shunfeng", "zhongtong", "yuantong", "shentong", "yunda", "jd", "ems", "jtexpress"}
REFUSED_COMPANIES = {"ems"}  # 701 in this simulator's account


def md5u(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest().upper()


@dataclass
class Subscription:
    company: str
    number: str
    callback: str
    salt: str
    data: list[dict[str, str]] = field(default_factory=list)  # newest first, as Kuaidi100 keeps it


@dataclass
class Kuaidi100Simulator:
    key: str = "KD100KEYpickdesk"
    customer: str = "CUSTOMER0123456789ABCDEF"
    expired: bool = False

    def __post_init__(self) -> None:
        self.subscriptions: dict[str, Subscription] = {}
        self.requests: list[dict[str, str]] = []
        self.answers: list[tuple[int, dict]] = []  # what the subscriber answered to each push
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    # ─── subscribe ───────────────────────────────────────────────────────────
    def subscribe(self, form: dict[str, str]) -> dict[str, object]:
        def no(code: str, message: str) -> dict[str, object]:
            return {"result": False, "returnCode": code, "message": message}

        if form.get("schema") != "json":
            return no("700", "schema 必须为 json")
        try:
            param = json.loads(form.get("param") or "")
            if not isinstance(param, dict):
                raise ValueError
        except ValueError:
            return no("700", "param 不是合法的 JSON")
        if param.get("key") != self.key:
            return no("600", "您不是合法的订阅者（即授权Key出错）")
        if self.expired:
            return no("601", "POLL:KEY已过期")
        company, number = param.get("company"), param.get("number")
        params = param.get("parameters") or {}
        if not number or not isinstance(number, str) or len(number) > 32:
            return no("700", "订阅方的订阅数据存在错误（如不支持的快递公司、单号为空、单号超长等）")
        if not company:
            return no("702", "POLL:识别不到该单号对应的快递公司")
        if company != company.lower() or company not in COMPANIES:
            return no("700", "订阅方的订阅数据存在错误（如不支持的快递公司、单号为空、单号超长等）")
        if company in REFUSED_COMPANIES:
            return no("701", "拒绝订阅的快递公司")
        callback = params.get("callbackurl") if isinstance(params, dict) else None
        if not callback or urllib.parse.urlsplit(callback).scheme not in ("http", "https"):
            return no("700", "错误的回调地址")
        phone = str(params.get("phone") or "")
        if company == "shunfeng" and not re.fullmatch(r"\d{4}|1\d{10}", phone):
            return no("700", "顺丰单号需提供收/寄件人手机号后四位（parameters.phone）")
        with self.lock:
            if number in self.subscriptions:
                return no("501", "重复订阅")
            self.subscriptions[number] = Subscription(company, number, callback, str(params.get("salt") or ""))
        return {"result": True, "returnCode": "200", "message": "提交成功"}

    # ─── query ───────────────────────────────────────────────────────────────
    def query(self, form: dict[str, str]) -> dict[str, object]:
        param = form.get("param") or ""
        if form.get("customer") != self.customer:
            return {"result": False, "returnCode": "600", "message": "您不是合法的订阅者"}
        if (form.get("sign") or "") != md5u(param + self.key + self.customer):
            return {"result": False, "returnCode": "400", "message": "找不到对应公司或签名错误"}
        try:
            p = json.loads(param)
        except ValueError:
            return {"result": False, "returnCode": "400", "message": "param 不是合法的 JSON"}
        sub = self.subscriptions.get(p.get("num", ""))
        if sub is None or sub.company != p.get("com"):
            return {"result": False, "returnCode": "500", "message": "查询无结果，请隔段时间再查"}
        return {"message": "ok", "nu": sub.number, "ischeck": "1" if self._state(sub) == "3" else "0",
                "com": sub.company, "status": "200", "state": self._state(sub), "data": sub.data}

    @staticmethod
    def _state(sub: Subscription) -> str:
        words = {"揽收": "1", "在途": "0", "派件": "5", "签收": "3", "拒签": "14", "疑难": "2"}
        return words.get(sub.data[0]["status"], "0") if sub.data else "0"

    # ─── pushing ─────────────────────────────────────────────────────────────
    def add(self, number: str, when: str, status: str, context: str, area: str = "") -> None:
        self.subscriptions[number].data.insert(0, {"time": when, "ftime": when, "context": context,
                                                   "status": status, "areaCode": "", "areaName": area})

    def push(self, number: str, status: str = "polling", message: str = "", *, sign: str | None = None,
             raw_param: str | None = None) -> tuple[int, dict]:
        sub = self.subscriptions[number]
        state = self._state(sub)
        param = raw_param if raw_param is not None else json.dumps({
            "status": status, "billstatus": "check" if state == "3" else "got", "message": message,
            "autoCheck": "0", "comOld": "", "comNew": "",
            "lastResult": {"message": "ok", "state": state, "status": "200", "condition": "F00",
                           "ischeck": "1" if state == "3" else "0", "com": sub.company, "nu": sub.number,
                           "data": sub.data}}, ensure_ascii=False)
        form = {"param": param}
        if sub.salt:
            form["sign"] = sign if sign is not None else md5u(param + sub.salt)
        request = urllib.request.Request(sub.callback, data=urllib.parse.urlencode(form).encode(), method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                got = response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            got = exc.code, json.loads(exc.read())
        self.answers.append(got)
        return got

    # ─── HTTP ────────────────────────────────────────────────────────────────
    def start(self) -> Kuaidi100Simulator:
        sim = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                form = {k: v[0] for k, v in urllib.parse.parse_qs(body).items()}
                sim.requests.append(form)
                path = urllib.parse.urlsplit(self.path).path.rstrip("/")
                if path == "/poll":
                    answer = sim.subscribe(form)
                elif path == "/poll/query.do":
                    answer = sim.query(form)
                else:
                    self.send_error(404)
                    return
                data = json.dumps(answer, ensure_ascii=False).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json;charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()
