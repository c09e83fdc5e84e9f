"""Advance shipping notices (../shared/formats/inbound.md), read and checked before anything is written.

`read_notices(path)` gives the raw notices; `check_notices(uow, raw)` checks every field against
the format and the database (the warehouse, each GTIN's SKU, the replenishment request, a unique
ASN number — in the file and in the database) and returns them parsed, or raises `NoticesRefused`
listing every problem. Nothing reaches the database from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.domain.errors import FileRefused, InputRefused, PickdeskError
from desktop.formats import checks

MAX_NOTICES = 5_000
MAX_LINES = 2_000
SOURCE_KINDS = ("supplier", "warehouse")  # the format's two; "return" notices are made by Pickdesk


@dataclass(frozen=True)
class NoticeProblem:
    notice: str  # the asn_no, or "notice 3" when it has none
    field: str
    message: str
    message_zh: str = ""

    def __str__(self) -> str:
        return f"{self.notice}: {self.field}: {self.message}"


class NoticesRefused(PickdeskError):
    """The file breaks the format; nothing was imported. `problems` lists each by notice and field."""

    code = "notices_refused"

    def __init__(self, problems: list[NoticeProblem]) -> None:
        super().__init__(f"The file was refused ({len(problems)} problems); nothing was imported.",
                         f"文件被拒绝（{len(problems)} 个问题），未导入任何到货通知。")
        self.problems = problems

    def __str__(self) -> str:
        return self.message + " " + "; ".join(str(p) for p in self.problems[:20])


@dataclass
class ParsedLine:
    line_no: int
    sku_id: int
    qty: int
    lot: str | None
    expiry: date | None


@dataclass
class ParsedNotice:
    asn_no: str
    warehouse_id: int
    source_kind: str
    source_code: str
    source_name: str
    expected_at: datetime | None
    replenishment_request_id: int | None
    stock_transfer_id: int | None
    lines: list[ParsedLine] = field(default_factory=list)


def read_notices(path: Path) -> list[Any]:
    try:
        text = checks.decode_text(checks.read_bytes(path), path.name)
        doc = checks.load_json(text, path.name)
    except FileRefused as exc:
        raise NoticesRefused([NoticeProblem("file", "file", exc.message, exc.message_zh)]) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("notices"), list) or set(doc) - {"notices"}:
        raise NoticesRefused([NoticeProblem("file", "notices", 'expected an object {"notices": [...]}',
                                            '应为对象 {"notices": [...]}')])
    if not doc["notices"] or len(doc["notices"]) > MAX_NOTICES:
        raise NoticesRefused([NoticeProblem("file", "notices", f"expected 1 to {MAX_NOTICES} notices",
                                            f"应有 1 至 {MAX_NOTICES} 个到货通知")])
    return doc["notices"]


class _Checker:
    def __init__(self, label: str) -> None:
        self.label = label
        self.problems: list[NoticeProblem] = []

    def bad(self, name: str, message: str, message_zh: str | None = None) -> None:
        self.problems.append(NoticeProblem(self.label, name, message, message_zh or message))

    def check(self, fn, *args, **kwargs):  # noqa: ANN001, ANN202
        try:
            return fn(*args, **kwargs)
        except InputRefused as exc:
            self.bad(exc.field, exc.message, exc.message_zh)
            return None

    def unknown_keys(self, obj: dict, allowed: set[str], where: str) -> None:
        for key in sorted(set(obj) - allowed, key=str):
            self.bad(f"{where}{key}", "not a field of the format", "不是格式中的字段")


def _gtin14(value: Any) -> str | None:
    if not isinstance(value, str) or not value.isascii() or not value.isdigit() or len(value) not in (8, 12, 13, 14):
        return None
    return value.zfill(14)


def _day(value: Any, name: str) -> date:
    if not isinstance(value, str) or len(value) != 10 or not value.isascii():
        raise InputRefused(name, f"{value!r} is not a date (YYYY-MM-DD)", f"{value!r} 不是日期（YYYY-MM-DD）")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise InputRefused(name, f"{value!r} is not a date (YYYY-MM-DD)", f"{value!r} 不是日期（YYYY-MM-DD）") from None
    if not 2000 <= day.year < 2100:
        raise InputRefused(name, f"{value} is out of range", f"{value} 超出范围")
    return day


def check_notices(uow: UnitOfWork, raw_notices: list[Any]) -> list[ParsedNotice]:
    """Every notice checked; all parsed, or NoticesRefused with every problem of the file."""
    s = uow.session
    warehouses = dict(s.execute(select(models.Warehouse.code, models.Warehouse.id)).all())
    problems: list[NoticeProblem] = []
    parsed: list[ParsedNotice] = []
    seen: set[str] = set()
    gtins: set[str] = set()
    for raw in raw_notices:  # first pass: what the database must be asked about
        for ln in (raw.get("lines") if isinstance(raw, dict) and isinstance(raw.get("lines"), list) else []):
            if isinstance(ln, dict) and (g := _gtin14(ln.get("gtin"))):
                gtins.add(g)
    sku_ids: dict[str, int] = {}
    for chunk in [sorted(gtins)[i:i + 500] for i in range(0, len(gtins), 500)]:
        sku_ids.update(s.execute(select(models.Sku.gtin, models.Sku.id).where(models.Sku.gtin.in_(chunk))).all())
    for n, raw in enumerate(raw_notices, start=1):
        c = _Checker(f"notice {n}")
        if not isinstance(raw, dict):
            c.bad("notice", "expected an object", "应为对象")
            problems += c.problems
            continue
        c.unknown_keys(raw, {"asn_no", "warehouse", "source", "expected_at", "replenishment_request", "lines"}, "")
        asn_no = c.check(checks.barcode_code, raw.get("asn_no"), "asn_no", column=models.InboundNotice.asn_no)
        if asn_no:
            c.label = asn_no
            if asn_no in seen:
                c.bad("asn_no", "appears twice in the file", "在文件中出现两次")
            seen.add(asn_no)
        wh_code = c.check(checks.code, raw.get("warehouse"), "warehouse", column=models.Warehouse.code)
        warehouse_id = warehouses.get(wh_code) if wh_code else None
        if wh_code and warehouse_id is None:
            c.bad("warehouse", f"no warehouse {wh_code!r}", f"没有仓库 {wh_code!r}")
        source = raw.get("source")
        kind = code = name = None
        if not isinstance(source, dict):
            c.bad("source", "expected an object {kind, code, name}", "应为对象 {kind, code, name}")
        else:
            c.unknown_keys(source, {"kind", "code", "name"}, "source.")
            kind = c.check(checks.code, source.get("kind"), "source.kind", max_length=10)
            if kind is not None and kind not in SOURCE_KINDS:
                c.bad("source.kind", f"{kind!r} is not supplier or warehouse", f"{kind!r} 不是 supplier 或 warehouse")
            code = c.check(checks.code, source.get("code"), "source.code", column=models.InboundNotice.source_code)
            name = c.check(checks.text, source.get("name"), "source.name", required=False,
                           column=models.InboundNotice.source_name)
            if kind == "warehouse" and code and code not in warehouses:
                c.bad("source.code", f"no warehouse {code!r} to send from", f"没有发货仓库 {code!r}")
            if kind == "warehouse" and code and code == wh_code:
                c.bad("source.code", "a warehouse does not send to itself", "仓库不能发货给自己")
        expected_at = c.check(checks.moment, raw.get("expected_at"), "expected_at", required=False)
        request_id = None
        if raw.get("replenishment_request") is not None:
            request_id = c.check(checks.whole_number, raw.get("replenishment_request"), "replenishment_request",
                                 minimum=1)
            req = s.get(models.ReplenishmentRequest, request_id) if request_id else None
            if request_id and req is None:
                c.bad("replenishment_request", f"no replenishment request {request_id}", f"没有补货申请 {request_id}")
            elif req is not None and req.status in ("received", "cancelled"):
                c.bad("replenishment_request", f"request {request_id} is {req.status} already",
                      f"补货申请 {request_id} 已是「{req.status}」")
            elif req is not None and warehouse_id is not None and req.warehouse_id != warehouse_id:
                c.bad("replenishment_request", f"request {request_id} is for another warehouse",
                      f"补货申请 {request_id} 属于其他仓库")
        lines = raw.get("lines")
        notice = ParsedNotice(asn_no or "", warehouse_id or 0, kind or "", code or "", name or "", expected_at,
                              request_id, None)
        if not isinstance(lines, list) or not lines or len(lines) > MAX_LINES:
            c.bad("lines", f"expected a list of 1 to {MAX_LINES} lines", f"应为 1 至 {MAX_LINES} 行的列表")
            lines = []
        for i, ln in enumerate(lines, start=1):
            where = f"lines[{i}]"
            if not isinstance(ln, dict):
                c.bad(where, "expected an object", "应为对象")
                continue
            c.unknown_keys(ln, {"gtin", "qty", "lot", "expiry"}, f"{where}.")
            gtin = _gtin14(ln.get("gtin"))
            sku_id = sku_ids.get(gtin) if gtin else None
            if gtin is None:
                c.bad(f"{where}.gtin", f"{ln.get('gtin')!r} is not a GTIN (8, 12, 13 or 14 digits)",
                      f"{ln.get('gtin')!r} 不是 GTIN（8、12、13 或 14 位数字）")
            elif sku_id is None:
                c.bad(f"{where}.gtin", f"no SKU has GTIN {gtin}", f"没有 GTIN 为 {gtin} 的商品")
            qty = c.check(checks.whole_number, ln.get("qty"), f"{where}.qty", minimum=1, maximum=checks.MAX_QTY)
            lot = c.check(checks.barcode_code, ln.get("lot"), f"{where}.lot", required=False,
                          column=models.InboundLine.lot_code)
            expiry = c.check(_day, ln.get("expiry"), f"{where}.expiry") if ln.get("expiry") is not None else None
            if sku_id and qty:
                notice.lines.append(ParsedLine(i, sku_id, qty, lot or None, expiry))
        if kind == "warehouse" and code in warehouses and warehouse_id is not None:
            T = models.StockTransfer
            open_transfers = s.scalars(select(T.id).where(T.from_warehouse_id == warehouses[code],
                                                          T.to_warehouse_id == warehouse_id,
                                                          T.status.in_(("requested", "in_transit")),
                                                          T.sku_id.in_({ln.sku_id for ln in notice.lines}))
                                       .order_by(T.id)).all()
            notice.stock_transfer_id = open_transfers[0] if open_transfers else None
        problems += c.problems
        parsed.append(notice)
    if seen:
        taken = set(s.scalars(select(models.InboundNotice.asn_no).where(models.InboundNotice.asn_no.in_(seen))))
        problems += [NoticeProblem(no, "asn_no", "a notice with this number exists already", "此编号的到货通知已存在")
                     for no in sorted(taken)]
    if problems:
        raise NoticesRefused(problems)
    return parsed
