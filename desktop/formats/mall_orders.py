"""`pickdesk import`: the mall's order export (docs: /work/shared/formats/mall-orders.md), JSON or CSV.

The whole file is validated first. Every error is listed by order (its `order_no`, else its
position) and field; a file with any error is refused whole and nothing is written. A good file
is written in one transaction, each order as `received`, its customer fields sealed before they
reach the database. Whether an order is *acceptable* (address, price, payment, stock) is intake's
question, not the importer's.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.domain.errors import FileRefused, InputRefused, PickdeskError
from desktop.domain.lifecycle import OrderStatus, PaymentMethod, PaymentStatus, PriorityClass
from desktop.domain.roles import Role, require_role
from desktop.domain.events import OrdersImported
from desktop.formats import checks

PAYMENT_METHODS = tuple(PaymentMethod)
PAYMENT_STATUSES = tuple(PaymentStatus)
PRIORITIES = (PriorityClass.NORMAL, PriorityClass.EXPEDITED, PriorityClass.URGENT)
MAX_LINES = 1000  # lines of one order
MAX_COUPONS = 20
# Sealed customer fields have no column length to read; these bound what a label and a screen can show.
NAME_LENGTH, PHONE_LENGTH, EMAIL_LENGTH, DETAIL_LENGTH = 100, 40, 254, 300
ORDER_FIELDS_CSV = (
    "order_no", "merchant", "created_at", "customer.name", "customer.phone", "customer.email", "address.country",
    "address.province", "address.city", "address.district", "address.detail", "address.postal_code", "coupons",
    "member_tier", "shipping_fee", "discount_total", "total_charged", "currency", "payment.method",
    "payment.status", "payment.transaction_id", "priority", "gift", "promised_ship_by",
)
LINE_FIELDS_CSV = ("gtin", "sku", "qty", "unit_price")


@dataclass(frozen=True)
class ImportProblem:
    order: str  # the order_no, or "order 3" / "row 7" when it has none
    field: str
    message: str
    message_zh: str = ""

    def __str__(self) -> str:
        return f"{self.order}: {self.field}: {self.message}"


class ImportRefused(PickdeskError):
    """The file breaks the format; nothing was imported. `problems` lists each by order and field."""

    code = "import_refused"

    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__(f"The file was refused ({len(problems)} problems); nothing was imported.",
                         f"文件被拒绝（{len(problems)} 个问题），未导入任何订单。")
        self.problems = problems

    def __str__(self) -> str:
        return self.message + " " + "; ".join(str(p) for p in self.problems[:20])


@dataclass
class ParsedLine:
    gtin: str | None
    sku: str | None
    qty: int
    unit_price: Decimal


@dataclass
class ParsedOrder:
    order_no: str
    merchant: str
    created_at: datetime
    customer: dict[str, str]
    address: dict[str, str]
    lines: list[ParsedLine]
    coupons: list[str]
    member_tier: str | None
    shipping_fee: Decimal
    discount_total: Decimal
    total_charged: Decimal
    currency: str
    payment: dict[str, str | None]
    priority: str
    gift: bool
    promised_ship_by: datetime | None
    line_skus: list[int] = field(default_factory=list)
    merchant_id: int | None = None


@dataclass(frozen=True)
class ImportResult:
    order_nos: list[str]

    @property
    def count(self) -> int:
        return len(self.order_nos)


# ─── reading a file ─────────────────────────────────────────────────────────────


def read_file(path: Path) -> tuple[list[Any], list[str]]:
    """The raw orders of a file (dicts in the JSON shape) and a label per order for error messages."""
    if path.suffix.lower() not in (".csv", ".json"):
        raise ImportRefused([ImportProblem("file", "name", f"{path.name}: expected a .json or .csv file",
                                           f"{path.name}：应为 .json 或 .csv 文件")])
    try:
        text = checks.decode_text(checks.read_bytes(path), path.name)
    except FileRefused as exc:
        raise ImportRefused([ImportProblem("file", "file", exc.message, exc.message_zh)]) from None
    if path.suffix.lower() == ".csv":
        return orders_from_csv(text)
    return orders_from_json(text)


def orders_from_json(text: str) -> tuple[list[Any], list[str]]:
    try:
        data = checks.load_json(text, "the file")
    except FileRefused as exc:
        raise ImportRefused([ImportProblem("file", "json", exc.message, exc.message_zh)]) from None
    if not isinstance(data, dict) or not isinstance(data.get("orders"), list):
        raise ImportRefused([ImportProblem("file", "orders", 'expected an object {"orders": [...]}')])
    orders = data["orders"]
    return orders, [f"order {n}" for n in range(1, len(orders) + 1)]


def _unflatten(row: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if value is None or value == "":
            continue
        head, dot, tail = key.partition(".")
        if dot:
            out.setdefault(head, {})[tail] = value
        else:
            out[key] = value
    return out


def orders_from_csv(text: str) -> tuple[list[Any], list[str]]:
    """One row per order line; the order's fields repeat on each of its rows (dotted columns)."""
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        header = reader.fieldnames or []
        rows = list(reader)
    except csv.Error as exc:
        raise ImportRefused([ImportProblem("file", "csv", f"malformed CSV: {exc}")]) from None
    problems = []
    if not header:
        raise ImportRefused([ImportProblem("file", "csv", "the file has no header row")])
    unknown = [h for h in header if h not in ORDER_FIELDS_CSV and h not in LINE_FIELDS_CSV]
    if unknown:
        problems.append(ImportProblem("file", "header", "unknown columns: " + ", ".join(repr(h[:40]) for h in unknown)))
    for name in ("order_no", "qty", "unit_price"):
        if name not in header:
            problems.append(ImportProblem("file", "header", f"missing column {name}"))
    if "gtin" not in header and "sku" not in header:
        problems.append(ImportProblem("file", "header", "missing column gtin or sku"))
    for n, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            problems.append(ImportProblem(f"row {n}", "csv", "the row has a different number of columns than the header"))
    if problems:
        raise ImportRefused(problems)
    orders: list[dict[str, Any]] = []
    labels: list[str] = []
    seen_at: dict[str, int] = {}
    last_no: str | None = None
    for n, row in enumerate(rows, start=2):
        no = (row.get("order_no") or "").strip()
        order_part = {k: v for k, v in row.items() if k not in LINE_FIELDS_CSV}
        line = {k: row.get(k, "") for k in LINE_FIELDS_CSV if row.get(k, "") != ""}
        if "qty" in line:
            # ASCII digits only: int() would take fullwidth ones; anything else stays text, refused later.
            line["qty"] = int(line["qty"]) if re.fullmatch(r"[+-]?[0-9]{1,20}", line["qty"].strip()) else line["qty"]
        if no and no == last_no:
            index = seen_at[no]
            if _unflatten(order_part) != orders[index]["_order_part"]:
                problems.append(ImportProblem(no, "row", f"row {n} repeats the order with different order fields"))
            orders[index]["lines"].append(line)
            continue
        order = _unflatten(order_part)
        if "coupons" in order:
            order["coupons"] = [c.strip() for c in order["coupons"].split(";") if c.strip()]
        if "gift" in order:
            g = order["gift"].strip().lower()
            order["gift"] = True if g in ("true", "1", "yes") else False if g in ("false", "0", "no") else order["gift"]
        order["lines"] = [line]
        order["_order_part"] = _unflatten(order_part)
        if no and no in seen_at:
            problems.append(ImportProblem(no, "order_no", f"duplicate order_no (rows of the order are not together; row {n})"))
        seen_at[no] = len(orders)
        last_no = no or None
        orders.append(order)
        labels.append(f"row {n}")
    if problems:
        raise ImportRefused(problems)
    for order in orders:
        order.pop("_order_part")
    return orders, labels


# ─── validating ─────────────────────────────────────────────────────────────────


class _Checker:
    """One order's problems; each method is a check of `desktop.formats.checks`, its refusal recorded."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.problems: list[ImportProblem] = []

    def bad(self, field_name: str, message: str, message_zh: str | None = None) -> None:
        self.problems.append(ImportProblem(self.label, field_name, message, message_zh or message))

    def _check(self, fn, *args, **kwargs):  # noqa: ANN001, ANN202
        try:
            return fn(*args, **kwargs)
        except InputRefused as exc:
            self.bad(exc.field, exc.message, exc.message_zh)
            return None

    def text(self, obj: dict, key: str, name: str, required: bool = True, *, column=None,  # noqa: ANN001
             max_length: int | None = None, multiline: bool = False) -> str | None:
        return self._check(checks.text, obj.get(key), name, required=required, column=column,
                           max_length=max_length, multiline=multiline)

    def code(self, obj: dict, key: str, name: str, required: bool = True, *, column=None,  # noqa: ANN001
             max_length: int | None = None) -> str | None:
        return self._check(checks.code, obj.get(key), name, required=required, column=column, max_length=max_length)

    def money(self, obj: dict, key: str, name: str) -> Decimal | None:
        return self._check(checks.amount, obj.get(key), name)

    def moment(self, obj: dict, key: str, name: str, required: bool = True) -> datetime | None:
        return self._check(checks.moment, obj.get(key), name, required=required)

    def choice(self, obj: dict, key: str, name: str, choices: tuple[str, ...], default: str | None = None) -> str | None:
        value = self.code(obj, key, name, required=default is None, max_length=20)
        if value is None:
            return default
        if value not in choices:
            self.bad(name, f"{value!r} is not one of {', '.join(choices)}", f"{value!r} 不是 {'、'.join(choices)} 之一")
            return None
        return value


def _gtin14(value: str) -> str | None:
    digits = value.strip()
    if not re.fullmatch(r"[0-9]{8}|[0-9]{12,14}", digits):
        return None
    from biip.checksums import gs1_standard_check_digit

    if str(gs1_standard_check_digit(digits[:-1])) != digits[-1]:
        return None
    return digits.zfill(14)


def parse_order(raw: Any, label: str) -> tuple[ParsedOrder | None, list[ImportProblem]]:
    """Check one order against the format; return it parsed, or None and its problems."""
    if not isinstance(raw, dict):
        c = _Checker(label)
        c.bad("order", f"expected an object, got {type(raw).__name__}", f"应为对象，实为 {type(raw).__name__}")
        return None, c.problems
    c = _Checker(label)
    # The order number becomes a Code 128 barcode: checked for it here, so a label never fails later.
    order_no = c._check(checks.barcode_code, raw.get("order_no"), "order_no", column=models.Order.order_no)
    if order_no is not None:
        c.label = order_no
    merchant = c.code(raw, "merchant", "merchant", column=models.Merchant.code)
    created_at = c.moment(raw, "created_at", "created_at")
    promised = c.moment(raw, "promised_ship_by", "promised_ship_by", required=False)

    customer: dict[str, str] = {}
    cust = raw.get("customer")
    if not isinstance(cust, dict):
        c.bad("customer", "missing" if cust is None else f"expected an object, got {type(cust).__name__}")
    else:
        for key, required, length in (("name", True, NAME_LENGTH), ("phone", True, PHONE_LENGTH),
                                      ("email", False, EMAIL_LENGTH)):
            value = c.text(cust, key, f"customer.{key}", required, max_length=length)
            if value is not None:
                customer[key] = value

    address: dict[str, str] = {}
    addr = raw.get("address")
    if not isinstance(addr, dict):
        c.bad("address", "missing" if addr is None else f"expected an object, got {type(addr).__name__}")
    else:
        country = c.code(addr, "country", "address.country", column=models.Order.ship_country)
        if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
            c.bad("address.country", f"{country!r} is not an ISO 3166-1 alpha-2 code")
        address["country"] = country or ""
        for key in ("province", "city", "district", "postal_code"):
            address[key] = c.text(addr, key, f"address.{key}", required=False,
                                  column=getattr(models.Order, f"ship_{key}")) or ""
        # The street may come on several lines (CR/LF): kept as sent, the label prints it.
        address["detail"] = c.text(addr, "detail", "address.detail", required=False, max_length=DETAIL_LENGTH,
                                   multiline=True) or ""

    lines: list[ParsedLine] = []
    raw_lines = raw.get("lines")
    if not isinstance(raw_lines, list) or not raw_lines:
        c.bad("lines", "at least one line is needed" if not raw_lines else "expected a list")
    elif len(raw_lines) > MAX_LINES:
        c.bad("lines", f"more than {MAX_LINES} lines", f"超过 {MAX_LINES} 行")
    else:
        for n, ln in enumerate(raw_lines, start=1):
            where = f"lines[{n}]"
            if not isinstance(ln, dict):
                c.bad(where, "expected an object")
                continue
            gtin = c.code(ln, "gtin", f"{where}.gtin", required=False, max_length=14)
            sku = c.code(ln, "sku", f"{where}.sku", required=False, column=models.Sku.sku_code)
            if gtin is None and sku is None:
                c.bad(where, "names no product: give gtin or sku")
            if gtin is not None and _gtin14(gtin) is None:
                c.bad(f"{where}.gtin", f"{gtin!r} is not a GTIN-8/12/13/14 with a valid check digit")
                gtin = None
            qty = ln.get("qty")
            if qty is None:
                c.bad(f"{where}.qty", "missing", "缺失")
                qty = None
            elif isinstance(qty, bool) or not isinstance(qty, int):
                c.bad(f"{where}.qty", f"expected a positive whole number, got {str(qty)[:40]!r}",
                      f"应为正整数，实为 {str(qty)[:40]!r}")
                qty = None
            elif qty <= 0:
                c.bad(f"{where}.qty", f"must be positive, got {qty}", f"必须为正数，实为 {qty}")
                qty = None
            else:
                qty = c._check(checks.whole_number, qty, f"{where}.qty", minimum=1, maximum=checks.MAX_QTY)
            price = c.money(ln, "unit_price", f"{where}.unit_price")
            if price is not None and price < 0:
                c.bad(f"{where}.unit_price", "must not be negative")
            if qty is not None and price is not None and (gtin or sku):
                lines.append(ParsedLine(_gtin14(gtin) if gtin else None, sku, qty, price))

    coupons = raw.get("coupons", [])
    if coupons is None:
        coupons = []
    if not isinstance(coupons, list) or not all(isinstance(x, str) for x in coupons):
        c.bad("coupons", "expected a list of coupon codes", "应为优惠券代码的列表")
        coupons = []
    elif len(coupons) > MAX_COUPONS:
        c.bad("coupons", f"more than {MAX_COUPONS} coupons", f"超过 {MAX_COUPONS} 张优惠券")
        coupons = []
    else:
        coupons = [c._check(checks.code, x, f"coupons[{n}]", max_length=40) for n, x in enumerate(coupons, start=1)]
        coupons = [x for x in coupons if x]
    tier = c.code(raw, "member_tier", "member_tier", required=False, column=models.Order.member_tier)
    amounts = {key: c.money(raw, key, key) for key in ("shipping_fee", "discount_total", "total_charged")}
    for key, value in amounts.items():
        if value is not None and value < 0:
            c.bad(key, "must not be negative")
    currency = c.code(raw, "currency", "currency", required=False, column=models.Order.currency) or "CNY"
    if not re.fullmatch(r"[A-Z]{3}", currency):
        c.bad("currency", f"{currency!r} is not an ISO 4217 code")
    payment: dict[str, str | None] = {}
    pay = raw.get("payment")
    if not isinstance(pay, dict):
        c.bad("payment", "missing" if pay is None else f"expected an object, got {type(pay).__name__}")
    else:
        payment["method"] = c.choice(pay, "method", "payment.method", PAYMENT_METHODS)
        payment["status"] = c.choice(pay, "status", "payment.status", PAYMENT_STATUSES)
        payment["transaction_id"] = c.code(pay, "transaction_id", "payment.transaction_id", required=False,
                                           column=models.Order.payment_txn)
    priority = c.choice(raw, "priority", "priority", PRIORITIES, default=PriorityClass.NORMAL)
    gift = raw.get("gift", False)
    if not isinstance(gift, bool):
        c.bad("gift", f"expected true or false, got {str(gift)[:40]!r}", f"应为 true 或 false，实为 {str(gift)[:40]!r}")
    if c.problems:
        return None, c.problems
    return ParsedOrder(order_no, merchant, created_at, customer, address, lines, list(coupons), tier or None,  # type: ignore[arg-type]
                       amounts["shipping_fee"], amounts["discount_total"], amounts["total_charged"], currency,  # type: ignore[arg-type]
                       payment, priority, gift, promised), []  # type: ignore[arg-type]


def _chunks(values: list[str], size: int = 500) -> list[list[str]]:
    return [values[i:i + size] for i in range(0, len(values), size)]


def validate(uow: UnitOfWork, raw_orders: list[Any], labels: list[str]) -> tuple[list[ParsedOrder], list[ImportProblem]]:
    """Parse every order and check it against the database (merchants, products, order numbers)."""
    parsed: list[ParsedOrder] = []
    problems: list[ImportProblem] = []
    for raw, label in zip(raw_orders, labels, strict=True):
        order, found = parse_order(raw, label)
        problems.extend(found)
        if order is not None:
            parsed.append(order)
    if not raw_orders:
        problems.append(ImportProblem("file", "orders", "the file holds no orders"))
    seen: set[str] = set()
    for order in parsed:
        if order.order_no in seen:
            problems.append(ImportProblem(order.order_no, "order_no", "duplicate order_no in the file"))
        seen.add(order.order_no)
    s = uow.session
    existing: set[str] = set()
    for chunk in _chunks(sorted(seen)):  # SQLite allows some thousands of bound values per statement
        existing.update(s.scalars(select(models.Order.order_no).where(models.Order.order_no.in_(chunk))))
        for no in sorted(existing):
            problems.append(ImportProblem(no, "order_no", "already in the database"))
    merchants = {m.code: m for m in s.scalars(select(models.Merchant))}
    gtins = {o_line.gtin for o in parsed for o_line in o.lines if o_line.gtin}
    by_gtin = {k.gtin: k for chunk in _chunks(sorted(gtins))
               for k in s.scalars(select(models.Sku).where(models.Sku.gtin.in_(chunk)))}
    for order in parsed:
        merchant = merchants.get(order.merchant)
        if merchant is None:
            problems.append(ImportProblem(order.order_no, "merchant", f"unknown merchant {order.merchant!r}"))
            continue
        order.merchant_id = merchant.id
        codes = {ln.sku for ln in order.lines if ln.sku and not ln.gtin}
        by_code = {k.sku_code: k for chunk in _chunks(sorted(codes)) for k in s.scalars(select(models.Sku).where(
            models.Sku.merchant_id == merchant.id, models.Sku.sku_code.in_(chunk)))}
        for n, ln in enumerate(order.lines, start=1):
            sku = by_gtin.get(ln.gtin) if ln.gtin else by_code.get(ln.sku or "")
            if sku is None:
                what = f"gtin {ln.gtin}" if ln.gtin else f"sku {ln.sku}"
                problems.append(ImportProblem(order.order_no, f"lines[{n}]", f"unknown product {what}"))
            elif sku.merchant_id != merchant.id:
                problems.append(ImportProblem(order.order_no, f"lines[{n}].gtin",
                                              f"{ln.gtin} is a product of another merchant"))
            elif not sku.active:  # retired by an admin: no longer sold
                problems.append(ImportProblem(order.order_no, f"lines[{n}]", f"{sku.sku_code} is retired"))
            elif ln.sku and ln.gtin and ln.sku != sku.sku_code:
                problems.append(ImportProblem(order.order_no, f"lines[{n}].sku", f"{ln.sku} does not match gtin {ln.gtin}"))
            else:
                order.line_skus.append(sku.id)
    return parsed, problems


def write_orders(uow: UnitOfWork, orders: list[ParsedOrder]) -> list[str]:
    sealer, s = uow.sealer, uow.session
    for o in orders:
        no = o.order_no
        order = models.Order(
            order_no=no, merchant_id=o.merchant_id, created_at=o.created_at,
            customer_name_sealed=sealer.seal(o.customer["name"], "customer_name", no),
            customer_phone_sealed=sealer.seal(o.customer["phone"], "customer_phone", no),
            customer_phone_tail=sealer.phone_digest(o.customer["phone"]),
            customer_email_sealed=sealer.seal(o.customer["email"], "customer_email", no) if o.customer.get("email") else None,
            ship_country=o.address["country"], ship_province=o.address["province"], ship_city=o.address["city"],
            ship_district=o.address["district"], ship_postal_code=o.address["postal_code"],
            ship_detail_sealed=sealer.seal(o.address["detail"], "ship_detail", no),
            coupons=o.coupons, member_tier=o.member_tier,
            goods_total=sum((ln.qty * ln.unit_price for ln in o.lines), Decimal("0.00")),
            shipping_fee=o.shipping_fee, discount_total=o.discount_total, total_charged=o.total_charged,
            currency=o.currency, payment_method=o.payment["method"], payment_status=o.payment["status"],
            payment_txn=o.payment.get("transaction_id"), priority_class=o.priority, gift=o.gift,
            promised_ship_by=o.promised_ship_by, status=OrderStatus.RECEIVED,
        )
        for n, (ln, sku_id) in enumerate(zip(o.lines, o.line_skus, strict=True), start=1):
            order.lines.append(models.OrderLine(line_no=n, sku_id=sku_id, qty=ln.qty, unit_price=ln.unit_price))
        order.status_history.append(models.OrderStatusChange(from_status=None, to_status=OrderStatus.RECEIVED,
                                                             user_id=uow.actor.user_id, reason="imported"))
        s.add(order)
    return [o.order_no for o in orders]


def import_orders(uow: UnitOfWork, raw_orders: list[Any], labels: list[str] | None = None,
                  source: str = "") -> ImportResult:
    """The use case: validate every order, then write them all in one transaction — or none."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    labels = labels or [f"order {n}" for n in range(1, len(raw_orders) + 1)]
    parsed, problems = validate(uow, raw_orders, labels)
    if problems:
        raise ImportRefused(problems)
    order_nos = write_orders(uow, parsed)
    uow.audit("orders_imported", "import", source or None, orders=len(order_nos), first=order_nos[0],
              last=order_nos[-1])
    uow.announce(OrdersImported(count=len(order_nos)))
    uow.commit()
    return ImportResult(order_nos)


def import_file(uow: UnitOfWork, path: Path) -> ImportResult:
    raw, labels = read_file(path)
    return import_orders(uow, raw, labels, source=path.name)
