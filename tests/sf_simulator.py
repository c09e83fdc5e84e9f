"""A local SF Express open platform (丰桥 standard API) that checks every request as SF does.

A real HTTP server (http.server in a thread) on 127.0.0.1. For each POST it checks, in SF's order:

1. the form fields partnerID, requestID, serviceCode, timestamp, msgData, msgDigest are there
   (A1001), the partner is known and has the service (A1004), the timestamp is milliseconds and
   not older (or newer) than `max_skew` (A1002), the digest is
   Base64(MD5(URLEncoder.encode(msgData + timestamp + checkWord))) (A1006), and the requestID is new (A1007);
2. msgData is JSON with the service's required fields of the right types; a business error comes
   back inside `apiResultData` (a JSON string) with `success: false`, `errorCode`, `errorMsg`.

It keeps orders (a second EXP_RECE_CREATE_ORDER of the same orderId answers 8016), issues
numbers (SF + 13 digits; waybillType 1 master, 2 children), cancels (EXP_RECE_UPDATE_ORDER
dealType 2: 8037 when cancelled already, 8252 once picked up), serves routes that a test adds
(`add_route`, `story`), and intercepts (20011 once delivered or cancelled). Provinces in
`unserved` are not served (filter result 3; create answers 8114).

Run by hand for a demo: `python -m tests.sf_simulator --port 8911 --partner PICKDESK --checkword SECRET`.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SERVICES = ("EXP_RECE_CREATE_ORDER", "EXP_RECE_SEARCH_ORDER_RESP", "EXP_RECE_FILTER_ORDER_BSP",
            "EXP_RECE_GET_SUB_MAILNO", "EXP_RECE_UPDATE_ORDER", "EXP_RECE_SEARCH_ROUTES",
            "EXP_RECE_WANTED_INTERCEPT")
CHINA = timezone(timedelta(hours=8))
DEST_CODES = {"北京市": "010", "上海市": "021", "广东省": "755", "浙江省": "571", "江苏省": "025", "四川省": "028"}


def _digest(msg_data: str, timestamp: str, checkword: str) -> str:
    # Java's URLEncoder.encode: unreserved are letters, digits and ".-*_"; space becomes "+".
    encoded = urllib.parse.quote_plus(msg_data + timestamp + checkword, safe="*").replace("~", "%7E")
    return base64.b64encode(hashlib.md5(encoded.encode("utf-8")).digest()).decode()  # noqa: S324


class _Refusal(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


@dataclass
class SimOrder:
    order_id: str
    partner: str
    waybills: list[tuple[str, int]]  # (number, waybillType)
    origin_code: str
    dest_code: str
    province: str
    status: str = "open"  # open, cancelled


@dataclass
class SfSimulator:
    partners: dict[str, str] = field(default_factory=lambda: {"PICKDESK": "sim-checkword-0123456789abcdef"})
    granted: dict[str, set[str]] = field(default_factory=dict)  # partner → services (default: all)
    unserved: set[str] = field(default_factory=lambda: {"西藏自治区"})
    max_skew: timedelta = timedelta(minutes=30)
    orders: dict[str, SimOrder] = field(default_factory=dict)
    routes: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    intercepts: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[dict[str, str]] = field(default_factory=list)  # every accepted form, for the tests
    refusals: list[tuple[str, str]] = field(default_factory=list)  # (code, message)
    seen_request_ids: set[str] = field(default_factory=set)
    next_serial: int = 1023000000001
    down: bool = False  # answer HTTP 503 (a network outage as the station sees it)
    throttled: bool = False  # answer A1005 (流量受控) to every call

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # ── running ──

    def start(self, port: int = 0) -> str:
        sim = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 — http.server's name
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                if sim.down:
                    self.send_response(503)
                    self.end_headers()
                    return
                status, answer = sim.handle(self.headers.get("Content-Type", ""), body)
                data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json;charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self.url

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/std/service"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    # ── what a test sets up ──

    def add_route(self, waybill_no: str, op_code: str, at: datetime, address: str = "", remark: str = "") -> None:
        with self._lock:
            self.routes.setdefault(waybill_no, []).append({
                "acceptTime": at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S"), "acceptAddress": address,
                "remark": remark, "opCode": op_code, "mailNo": waybill_no})

    def story(self, waybill_no: str, start: datetime, *, delivered: bool = True) -> None:
        """Picked up, three hubs, out for delivery, and signed for: a parcel's ordinary route."""
        steps = [("54", "深圳市南山区", "顺丰速运 已收取快件"), ("30", "深圳华南集散中心", "快件已发车"),
                 ("31", "上海集散中心", "快件到达"), ("36", "上海集散中心", "已封车"),
                 ("44", "上海市徐汇区", "快件交给派送员，正在派送途中")]
        if delivered:
            steps.append(("80", "上海市徐汇区", "快件已签收，签收人：本人"))
        for n, (op, place, remark) in enumerate(steps):
            self.add_route(waybill_no, op, start + timedelta(hours=2 + 5 * n), place, remark)

    def waybill_numbers(self, order_id: str) -> list[str]:
        return [n for n, _t in self.orders[order_id].waybills]

    # ── the platform ──

    def _envelope(self, code: str, message: str = "", data: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"apiErrorMsg": message, "apiResponseID": uuid.uuid4().hex.upper(), "apiResultCode": code,
                "apiResultData": json.dumps(data, ensure_ascii=False) if data is not None else None}

    def handle(self, content_type: str, body: bytes) -> tuple[int, dict[str, Any]]:
        with self._lock:
            try:
                form = self._check_platform(content_type, body)
            except _Refusal as r:
                self.refusals.append((r.code, r.message))
                return 200, self._envelope(r.code, r.message)
            self.requests.append(form)
            try:
                data = self._service(form["serviceCode"], form["partnerID"], json.loads(form["msgData"]))
                result = {"success": True, "errorCode": "S0000", "errorMsg": None, "msgData": data}
            except _Refusal as r:
                self.refusals.append((r.code, r.message))
                result = {"success": False, "errorCode": r.code, "errorMsg": r.message, "msgData": None}
            return 200, self._envelope("A1000", "", result)

    def _check_platform(self, content_type: str, body: bytes) -> dict[str, str]:
        if not content_type.lower().startswith("application/x-www-form-urlencoded"):
            raise _Refusal("A1001", "请求须为表单 application/x-www-form-urlencoded")
        try:
            pairs = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
        except UnicodeDecodeError:
            raise _Refusal("A1001", "请求不是 UTF-8") from None
        form = {k: v[0] for k, v in pairs.items()}
        for name in ("partnerID", "requestID", "serviceCode", "timestamp", "msgData", "msgDigest"):
            if not form.get(name):
                raise _Refusal("A1001", f"必传参数不可为空: {name}")
        partner, service = form["partnerID"], form["serviceCode"]
        if partner not in self.partners:
            raise _Refusal("A1004", f"无对应服务权限: 顾客编码 {partner} 不存在")
        if service not in SERVICES or service not in self.granted.get(partner, set(SERVICES)):
            raise _Refusal("A1004", f"无对应服务权限: {service}")
        if not form["timestamp"].isdigit():
            raise _Refusal("A1002", "timestamp 须为毫秒数")
        skew = abs(time.time() * 1000 - int(form["timestamp"]))
        if skew > self.max_skew.total_seconds() * 1000:
            raise _Refusal("A1002", "请求时效已过期")
        if form["msgDigest"] != _digest(form["msgData"], form["timestamp"], self.partners[partner]):
            raise _Refusal("A1006", "数字签名无效")
        if self.throttled:
            raise _Refusal("A1005", "流量受控")
        if form["requestID"] in self.seen_request_ids:
            raise _Refusal("A1007", "重复请求")
        self.seen_request_ids.add(form["requestID"])
        try:
            if not isinstance(json.loads(form["msgData"]), dict):
                raise ValueError
        except ValueError:
            raise _Refusal("A1001", "msgData 不是 JSON 对象") from None
        return form

    def _service(self, service: str, partner: str, msg: dict[str, Any]) -> dict[str, Any]:
        return getattr(self, "_" + service.lower())(partner, msg)

    @staticmethod
    def _text(msg: dict[str, Any], name: str, code: str, what: str, max_len: int = 64) -> str:
        value = msg.get(name)
        if not isinstance(value, str) or not value.strip():
            raise _Refusal(code, f"{what}不能为空")
        if len(value) > max_len:
            raise _Refusal(code, f"{what}超长")
        return value

    def _own_order(self, partner: str, msg: dict[str, Any]) -> SimOrder:
        order_id = self._text(msg, "orderId", "8024", "客户订单号")
        order = self.orders.get(order_id)
        if order is None or order.partner != partner:
            raise _Refusal("8018", "未获取到订单信息")
        return order

    def _number(self) -> str:
        self.next_serial += 1
        return f"SF{self.next_serial:013d}"

    def _order_data(self, order: SimOrder) -> dict[str, Any]:
        labels = []
        for number, _kind in order.waybills:
            labels.append({"code": "1000", "message": "SF00", "routeLabelData": {
                "waybillNo": number, "sourceTransferCode": "755W", "sourceCityCode": order.origin_code,
                "sourceDeptCode": order.origin_code + "Y", "destRouteLabel": f"{order.dest_code}WE-{order.dest_code[-2:]}1A",
                "destTeamCode": "012", "destCityCode": order.dest_code, "destDeptCode": order.dest_code + "AF",
                "codingMapping": "S10", "codingMappingOut": "1A", "proCode": "T4",
                "twoDimensionCode": f"MMM={{'k1':'{order.dest_code}WE','k2':'{order.dest_code}AF','k5':'{number}'}}"}})
        return {"orderId": order.order_id, "originCode": order.origin_code, "destCode": order.dest_code,
                "filterResult": 2, "remark": "",
                "waybillNoInfoList": [{"waybillType": kind, "waybillNo": n} for n, kind in order.waybills],
                "routeLabelInfo": labels}

    def _contacts(self, msg: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        contacts = msg.get("contactInfoList")
        if not isinstance(contacts, list):
            raise _Refusal("1010", "寄件地址不能为空")
        by_type = {c.get("contactType"): c for c in contacts if isinstance(c, dict)}
        sender, recipient = by_type.get(1), by_type.get(2)
        checks = ((sender, "address", "1010", "寄件地址"), (sender, "contact", "1011", "寄件联系人"),
                  (sender, "tel", "1012", "寄件电话"), (recipient, "address", "1014", "到件地址"),
                  (recipient, "contact", "1015", "到件联系人"), (recipient, "tel", "1016", "到件电话"))
        for who, name, code, what in checks:
            value = None if who is None else (who.get(name) or (who.get("mobile") if name == "tel" else None))
            if not isinstance(value, str) or not value.strip():
                raise _Refusal(code, f"{what}不能为空")
        return sender, recipient  # type: ignore[return-value]

    def _exp_rece_create_order(self, partner: str, msg: dict[str, Any]) -> dict[str, Any]:
        order_id = self._text(msg, "orderId", "8024", "客户订单号")
        if msg.get("language") not in ("zh-CN", "zh-TW", "en"):
            raise _Refusal("8024", "language 须为 zh-CN、zh-TW 或 en")
        _sender, recipient = self._contacts(msg)
        cargo = msg.get("cargoDetails")
        if not isinstance(cargo, list) or not cargo or not all(isinstance(c, dict) and c.get("name") for c in cargo):
            raise _Refusal("8068", "托寄物信息不能为空")
        qty = msg.get("parcelQty", 1)
        if not isinstance(qty, int) or isinstance(qty, bool) or not 1 <= qty <= 300:
            raise _Refusal("8030", "包裹数须为 1 至 300 的整数")
        if order_id in self.orders:
            raise _Refusal("8016", "重复下单")
        province = str(recipient.get("province") or "")
        if province in self.unserved or any(p in str(recipient.get("address")) for p in self.unserved):
            raise _Refusal("8114", "目的地不可收派")
        waybills = [(self._number(), 1)] + [(self._number(), 2) for _ in range(qty - 1)]
        order = SimOrder(order_id, partner, waybills, "755", DEST_CODES.get(province, "020"), province)
        self.orders[order_id] = order
        return self._order_data(order)

    def _exp_rece_search_order_resp(self, partner: str, msg: dict[str, Any]) -> dict[str, Any]:
        order = self._own_order(partner, msg)
        if order.status == "cancelled":
            raise _Refusal("8037", "订单已消单")
        return self._order_data(order)

    def _exp_rece_filter_order_bsp(self, partner: str, msg: dict[str, Any]) -> dict[str, Any]:
        address = msg.get("destAddress")
        if not isinstance(address, str) or not address.strip():
            raise _Refusal("1014", "到件地址不能为空")
        if msg.get("filterType") not in (1, 2, "1", "2"):
            raise _Refusal("8024", "filterType 须为 1 或 2")
        province = str(msg.get("destProvince") or "")
        served = province not in self.unserved and not any(p in address for p in self.unserved)
        return {"filterResult": 2 if served else 3, "originCode": "755",
                "destCode": DEST_CODES.get(province, "020") if served else "", "remark": "" if served else "1"}

    def _exp_rece_get_sub_mailno(self, partner: str, msg: dict[str, Any]) -> dict[str, Any]:
        order = self._own_order(partner, msg)
        qty = msg.get("parcelQty")
        if not isinstance(qty, int) or isinstance(qty, bool) or not 1 <= qty <= 300:
            raise _Refusal("8030", "包裹数须为 1 至 300 的整数")
        if order.status == "cancelled":
            raise _Refusal("8037", "订单已消单")
        new = [(self._number(), 2) for _ in range(qty)]
        order.waybills.extend(new)
        return {"orderId": order.order_id,
                "waybillNoInfoList": [{"waybillType": kind, "waybillNo": n} for n, kind in new]}

    def _picked_up(self, order: SimOrder) -> bool:
        return any(r["opCode"] in ("50", "54") for n, _k in order.waybills for r in self.routes.get(n, []))

    def _exp_rece_update_order(self, partner: str, msg: dict[str, Any]) -> dict[str, Any]:
        order = self._own_order(partner, msg)
        if msg.get("dealType") not in (1, 2):
            raise _Refusal("8024", "dealType 须为 1（确认）或 2（取消）")
        if msg["dealType"] == 2:
            if order.status == "cancelled":
                raise _Refusal("8037", "订单已消单")
            if self._picked_up(order):
                raise _Refusal("8252", "订单已揽收，不能取消")
            order.status = "cancelled"
        return {"orderId": order.order_id, "resStatus": 2,
                "waybillNoInfoList": [{"waybillType": k, "waybillNo": n} for n, k in order.waybills]}

    def _exp_rece_search_routes(self, partner: str, msg: dict[str, Any]) -> dict[str, Any]:
        numbers = msg.get("trackingNumber")
        if msg.get("trackingType") not in (1, 2, "1", "2"):
            raise _Refusal("8024", "trackingType 须为 1（运单号）或 2（订单号）")
        if not isinstance(numbers, list) or not numbers or not all(isinstance(n, str) for n in numbers):
            raise _Refusal("8024", "trackingNumber 须为单号列表")
        if len(numbers) > 10:
            raise _Refusal("8024", "每次最多查询 10 个单号")
        own = {n for o in self.orders.values() if o.partner == partner for n, _k in o.waybills}
        return {"routeResps": [{"mailNo": n, "routes": [dict(r) for r in self.routes.get(n, [])] if n in own else []}
                               for n in numbers]}

    def _exp_rece_wanted_intercept(self, partner: str, msg: dict[str, Any]) -> dict[str, Any]:
        number = self._text(msg, "waybillNo", "20010", "运单号", 40)
        if msg.get("serviceCode") not in ("1", "2", "3", "4", "5", "6"):
            raise _Refusal("20010", "serviceCode 不合法")
        order = next((o for o in self.orders.values() if o.partner == partner
                      and number in {n for n, _k in o.waybills}), None)
        if order is None:
            raise _Refusal("20010", "运单号不存在")
        if order.status == "cancelled" or any(r["opCode"] in ("80", "8000") for r in self.routes.get(number, [])):
            raise _Refusal("20011", "运单已签收或已消单，不能拦截")
        self.intercepts[number] = dict(msg)
        return {"waybillNo": number, "result": "ok"}


def main() -> None:  # pragma: no cover — by hand
    parser = argparse.ArgumentParser(description="A local SF open platform for demos.")
    parser.add_argument("--port", type=int, default=8911)
    parser.add_argument("--partner", default="PICKDESK")
    parser.add_argument("--checkword", default="sim-checkword-0123456789abcdef")
    args = parser.parse_args()
    sim = SfSimulator(partners={args.partner: args.checkword})
    print(sim.start(args.port), flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        sim.stop()


if __name__ == "__main__":  # pragma: no cover
    main()
