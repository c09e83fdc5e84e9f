"""Hostile files through the real command line: every import answers 0 or 2, never a traceback, and
writes nothing when it answers 2 (issue 17, item 5).

Hypothesis starts from a good file of each format and breaks one thing in it: a value (10³⁰, a
23-digit price, year 9999 at −14:00, fullwidth digits, NUL, control characters, a lone surrogate,
text longer than its column, the wrong type) or the file itself (Latin-1, 100 000-deep nesting,
random bytes, a cut-off end). The concrete cases of the issue are examples every run. SQLite gets
the full set; PostgreSQL a smaller one, through the same entry.
"""

from __future__ import annotations

import base64
import copy
import csv
import io
import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from test_intake_world import AS_OF, KEY, add_world, mall_order

from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo

FUZZ = settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
FEW = settings(FUZZ, max_examples=12)

# The hostile values, and the usual suspects.
HOSTILE_VALUES = [
    10 ** 30, -(10 ** 30), "1" * 23, "12345678901234567890123.45", "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00:00+14:00", "１２", "２", "５９.９０", "٣", "M1\x00", "a\x00b", "\x1b[31mred", "a\u202eb",
    "\ud800", "x" * 500, "张" * 301, "", " ", None, True, 0, -1, 1.5, float("1e308"), [], {}, [[[]]],
    {"a": {"b": 1}}, "NaN", "=HYPERLINK(\"http://x\")", "line\r\nbreak", "PD-订单", "\t", "0x1F",
]
hostile_value = st.one_of(st.sampled_from(HOSTILE_VALUES), st.text(max_size=50), st.integers(),
                          st.floats(allow_nan=False, allow_infinity=False), st.none(), st.booleans(),
                          st.lists(st.integers(), max_size=3))

ORDER_PATHS = [("order_no",), ("merchant",), ("created_at",), ("promised_ship_by",), ("customer", "name"),
               ("customer", "phone"), ("customer", "email"), ("address", "country"), ("address", "province"),
               ("address", "city"), ("address", "district"), ("address", "detail"), ("address", "postal_code"),
               ("lines", 0, "gtin"), ("lines", 0, "sku"), ("lines", 0, "qty"), ("lines", 0, "unit_price"),
               ("lines",), ("coupons",), ("member_tier",), ("shipping_fee",), ("discount_total",),
               ("total_charged",), ("currency",), ("payment", "method"), ("payment", "status"),
               ("payment", "transaction_id"), ("priority",), ("gift",), ("customer",), ("address",)]

_numbers = itertools.count(1)


def fresh_order_no() -> str:
    return f"M1-20261123-H{next(_numbers):05d}"


def put(obj, path, value):
    for key in path[:-1]:
        obj = obj[key]
    obj[path[-1]] = value


def to_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes bytes that are not UTF-8


SUPERVISOR_PIN = "5555"  # super1 of the demo: imports are a signed-in supervisor's
SIGNED_IN = ["--user", "super1", "--pin-stdin"]


def counts(db: Database) -> dict[str, int]:
    """What an import may write. The person's sign-in and sign-out around a refused import are
    recorded (audit, and the stations topic of the feed) — that is who tried, not what the file wrote."""
    tables = (models.Order, models.OrderLine, models.OrderStatusChange, models.TrackingEvent, models.Notification,
              models.ExceptionCase, models.ReturnRequest)
    A, F = models.AuditEntry, models.ChangeFeedEntry
    with db.unit_of_work() as uow:
        found = {t.__tablename__: uow.session.scalar(select(func.count()).select_from(t)) for t in tables}
        found["audit_log"] = uow.session.scalar(select(func.count()).select_from(A).where(
            A.action.not_in(("sign_in", "sign_out"))))
        found["change_feed"] = uow.session.scalar(select(func.count()).select_from(F).where(F.topic != "stations"))
        return found


def run(db: Database, args: list[str], capsys) -> tuple[int, str]:
    before = counts(db)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.stdin", io.StringIO(SUPERVISOR_PIN + "\n"))
        code = main([*args, "--db", db.url, *(SIGNED_IN if args[0] in ("import", "tracking") else [])])
    err = capsys.readouterr().err
    assert code in (0, 2), err
    assert "Traceback" not in err
    if code == 2:
        assert counts(db) == before, "a refused file wrote something"
        assert err.strip(), "a refusal says why"
    return code, err


@pytest.fixture(autouse=True)
def _key(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PICKDESK_PII_KEY", base64.b64encode(KEY.key).decode())
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="session")
def hostile_template(tmp_path_factory) -> Path:
    """The intake world (known merchants and products) with shipped demo orders, whose tracking
    numbers a tracking file can name."""
    path = tmp_path_factory.mktemp("hostile") / "world.sqlite3"
    db = Database.open(f"sqlite:///{path}", sealer=KEY)
    build_demo(db, orders=40, seed=3, as_of=AS_OF)
    add_world(db)
    db.dispose()
    return path


@pytest.fixture
def central(hostile_template, tmp_path):
    path = tmp_path / "central.sqlite3"
    shutil.copy(hostile_template, path)
    db = Database.open(f"sqlite:///{path}", sealer=KEY)
    yield db
    db.dispose()


def tracking_numbers(db: Database) -> list[str]:
    with db.unit_of_work() as uow:
        return list(uow.session.scalars(select(models.Shipment.tracking_no).order_by(models.Shipment.id).limit(3)))


# ─── the mall's orders ──────────────────────────────────────────────────────────


def mall_file(path, value, encoding: str, shape: str, ensure_ascii: bool) -> bytes:
    order = mall_order(fresh_order_no())
    if path is not None:
        put(order, path, value)
    doc = {"orders": [order]}
    if shape == "deep":
        text = "[" * 100_000 + json.dumps(doc) + "]" * 100_000
    elif shape == "cut":
        text = json.dumps(doc)[:-7]
    else:
        text = json.dumps(doc, ensure_ascii=ensure_ascii)
    if encoding == "latin-1":
        return text.encode("latin-1", "replace")
    return to_bytes(text)


@FUZZ
@given(path=st.one_of(st.none(), st.sampled_from(ORDER_PATHS)), value=hostile_value,
       encoding=st.sampled_from(["utf-8", "utf-8", "utf-8", "latin-1"]),
       shape=st.sampled_from(["plain"] * 8 + ["deep", "cut"]), ensure_ascii=st.booleans())
@example(path=("lines", 0, "qty"), value=10 ** 30, encoding="utf-8", shape="plain", ensure_ascii=True)
@example(path=("lines", 0, "unit_price"), value="1" * 23, encoding="utf-8", shape="plain", ensure_ascii=True)
@example(path=("created_at",), value="9999-12-31T23:59:59-14:00", encoding="utf-8", shape="plain", ensure_ascii=True)
@example(path=None, value=None, encoding="utf-8", shape="deep", ensure_ascii=True)
@example(path=("customer", "name"), value="Müller", encoding="latin-1", shape="plain", ensure_ascii=False)
@example(path=("order_no",), value="M1-" + "9" * 40, encoding="utf-8", shape="plain", ensure_ascii=True)
@example(path=("merchant",), value="M1\x00", encoding="utf-8", shape="plain", ensure_ascii=True)
@example(path=("lines", 0, "qty"), value="１２", encoding="utf-8", shape="plain", ensure_ascii=False)
@example(path=("customer", "name"), value="\ud800", encoding="utf-8", shape="plain", ensure_ascii=True)
@example(path=("order_no",), value="PD-订单-1", encoding="utf-8", shape="plain", ensure_ascii=False)
def test_hostile_json_order_files(central, tmp_path, capsys, path, value, encoding, shape, ensure_ascii):
    file = tmp_path / "orders.json"
    file.write_bytes(mall_file(path, value, encoding, shape, ensure_ascii))
    run(central, ["import", str(file)], capsys)


def order_csv(order: dict) -> str:
    flat: dict[str, object] = {}
    for key, value in order.items():
        if isinstance(value, dict):
            flat.update({f"{key}.{k}": v for k, v in value.items()})
        elif key == "coupons":
            flat[key] = ";".join(map(str, value)) if isinstance(value, list) else value
        elif key == "gift":
            flat[key] = "true" if value is True else "false" if value is False else value
        elif key != "lines":
            flat[key] = "" if value is None else value
    out = io.StringIO()
    lines = order["lines"] if isinstance(order["lines"], list) and order["lines"] else [{}]
    columns = [*flat, "gtin", "sku", "qty", "unit_price"]
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for line in lines:
        writer.writerow({**flat, **(line if isinstance(line, dict) else {})})
    return out.getvalue()


CSV_PATHS = [p for p in ORDER_PATHS if p not in (("lines",), ("customer",), ("address",))]


@FUZZ
@given(path=st.one_of(st.none(), st.sampled_from(CSV_PATHS)),
       value=st.one_of(st.sampled_from([v for v in HOSTILE_VALUES if isinstance(v, str)]), st.text(max_size=50)),
       encoding=st.sampled_from(["utf-8", "utf-8", "utf-8", "latin-1"]),
       damage=st.sampled_from(["none"] * 6 + ["nul", "quote", "columns", "junk"]))
@example(path=("lines", 0, "qty"), value="１２", encoding="utf-8", damage="none")
@example(path=("lines", 0, "qty"), value="1" + "0" * 30, encoding="utf-8", damage="none")
@example(path=("address", "city"), value="Zürich", encoding="latin-1", damage="none")
@example(path=("lines", 0, "unit_price"), value="12345678901234567890123", encoding="utf-8", damage="none")
def test_hostile_csv_order_files(central, tmp_path, capsys, path, value, encoding, damage):
    order = mall_order(fresh_order_no())
    if path is not None:
        put(order, path, value)
    text = order_csv(order)
    if damage == "nul":
        text = text.replace(",", ",\x00", 1)
    elif damage == "quote":
        text = text.rstrip("\n") + ',"unterminated\n'
    elif damage == "columns":
        text += "only,two\n"
    elif damage == "junk":
        text = value + "\n" + text
    file = tmp_path / "orders.csv"
    file.write_bytes(text.encode("latin-1", "replace") if encoding == "latin-1" else to_bytes(text))
    run(central, ["import", str(file)], capsys)


@FUZZ
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".json", ".csv"]))
@example(data="Müller;Straße".encode("latin-1"), suffix=".csv")
@example(data=b"\xef\xbb\xbf" + b"[" * 5000, suffix=".json")
def test_random_bytes_are_refused_not_crashed_on(central, tmp_path, capsys, data, suffix):
    file = tmp_path / f"orders{suffix}"
    file.write_bytes(data)
    code, _ = run(central, ["import", str(file)], capsys)
    assert code == 2


def test_a_good_order_still_imports_and_its_street_keeps_its_line_break(central, tmp_path, capsys):
    order = mall_order("M1-20261123-CRLF1", address={"detail": "科苑路15号\r\n3栋1201"})
    file = tmp_path / "orders.json"
    file.write_text(json.dumps({"orders": [order]}, ensure_ascii=False), encoding="utf-8")
    code, err = run(central, ["import", str(file)], capsys)
    assert code == 0, err
    with central.unit_of_work() as uow:
        o = uow.session.scalar(select(models.Order).where(models.Order.order_no == "M1-20261123-CRLF1"))
        assert uow.sealer.open(o.ship_detail_sealed, "ship_detail", o.order_no) == "科苑路15号\r\n3栋1201"


def test_every_problem_of_a_refused_file_is_listed(central, tmp_path, capsys):
    bad = mall_order(fresh_order_no())
    put(bad, ("lines", 0, "qty"), 10 ** 30)
    put(bad, ("lines", 0, "unit_price"), "1" * 23)
    put(bad, ("created_at",), "9999-12-31T23:59:59-14:00")
    put(bad, ("merchant",), "M1\x00")
    put(bad, ("customer", "name"), "x" * 101)
    file = tmp_path / "orders.json"
    file.write_text(json.dumps({"orders": [bad]}), encoding="utf-8")
    code, err = run(central, ["import", str(file)], capsys)
    assert code == 2
    for field in ("lines[1].qty", "lines[1].unit_price", "created_at", "merchant", "customer.name"):
        assert f": {field}: " in err, (field, err)


# ─── tracking files ─────────────────────────────────────────────────────────────

EVENT_KEYS = ("tracking_no", "at", "kind", "place", "detail", "eta")


@FUZZ
@given(key=st.one_of(st.none(), st.sampled_from(EVENT_KEYS)), value=hostile_value,
       form=st.sampled_from(["csv", "jsonl"]), encoding=st.sampled_from(["utf-8", "utf-8", "latin-1"]),
       deep=st.booleans())
@example(key="at", value="9999-12-31T23:59:59-14:00", form="csv", encoding="utf-8", deep=False)
@example(key="place", value="深圳" * 61, form="jsonl", encoding="utf-8", deep=False)
@example(key="tracking_no", value="SF\x00", form="jsonl", encoding="utf-8", deep=False)
@example(key="detail", value="Zürich Paketzentrum", form="csv", encoding="latin-1", deep=False)
@example(key=None, value=None, form="jsonl", encoding="utf-8", deep=True)
@example(key="eta", value=10 ** 30, form="jsonl", encoding="utf-8", deep=False)
def test_hostile_tracking_files(central, tmp_path, capsys, key, value, form, encoding, deep):
    event = {"tracking_no": tracking_numbers(central)[0], "at": "2026-11-24T09:00:00+08:00", "kind": "in_transit",
             "place": "深圳", "detail": "", "eta": ""}
    if key is not None:
        event[key] = value
    if form == "jsonl":
        line = json.dumps(event, ensure_ascii=False)
        text = ("[" * 100_000 + line + "]" * 100_000 if deep else line) + "\n"
        file = tmp_path / "events.jsonl"
    else:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(EVENT_KEYS))
        writer.writeheader()
        writer.writerow({k: "" if v is None else v for k, v in event.items()})
        text = out.getvalue()
        file = tmp_path / "events.csv"
    file.write_bytes(text.encode("latin-1", "replace") if encoding == "latin-1" else to_bytes(text))
    run(central, ["tracking", "import", str(file)], capsys)


# ─── route files (no database, but the same promise) ────────────────────────────

LAYOUT = {"aisles": 6, "blocks": 2, "block_length": 20.0, "aisle_spacing": 3.0, "slots": 10, "depot_x": 0.0}
PICKS = {"picks": [{"id": "L1", "aisle": 3, "block": 1, "slot": 7}, {"id": "L2", "aisle": 0, "block": 0, "slot": 2}]}


@settings(FUZZ, max_examples=40)
@given(which=st.sampled_from(["layout", "picks"]), key=st.sampled_from([*LAYOUT, "id", "aisle", "block", "slot"]),
       value=hostile_value, shape=st.sampled_from(["plain"] * 6 + ["deep", "latin-1"]))
@example(which="layout", key="aisles", value=10 ** 400, shape="plain")
@example(which="layout", key="block_length", value=10 ** 400, shape="plain")
@example(which="layout", key="aisles", value=10 ** 9, shape="plain")
@example(which="picks", key="aisle", value=10 ** 30, shape="plain")
def test_hostile_route_files(tmp_path, capsys, which, key, value, shape):
    layout, picks = copy.deepcopy(LAYOUT), copy.deepcopy(PICKS)
    if which == "layout":
        if key in layout:
            layout[key] = value
    elif key in ("id", "aisle", "block", "slot"):
        picks["picks"][0][key] = value
    files = {}
    for name, doc in (("layout", layout), ("picks", picks)):
        text = json.dumps(doc, ensure_ascii=False)
        if name == which and shape == "deep":
            text = "[" * 100_000 + text + "]" * 100_000
        data = text.encode("latin-1", "replace") if name == which and shape == "latin-1" else to_bytes(text)
        files[name] = tmp_path / f"{name}.json"
        files[name].write_bytes(data)
    code = main(["route", "--layout", str(files["layout"]), "--picks", str(files["picks"])])
    err = capsys.readouterr().err
    assert code in (0, 2) and "Traceback" not in err


# ─── the installed command, in its own process ──────────────────────────────────


def pickdesk(*args: str) -> subprocess.CompletedProcess:
    """The installed command, signed in as the demo's supervisor (the PIN on standard input)."""
    return subprocess.run([str(Path(sys.executable).with_name("pickdesk")), *args, *SIGNED_IN], capture_output=True,
                          text=True, input=SUPERVISOR_PIN + "\n", timeout=120)


def test_the_installed_command_refuses_hostile_files_without_a_traceback(central, tmp_path):
    central.dispose()
    before = counts(central)
    cases = {
        "latin1.csv": "order_no,merchant\nM1-1,Müller\n".encode("latin-1"),
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        "qty.json": json.dumps({"orders": [mall_order("M1-20261123-SUB01", lines=[
            {"gtin": "06901234567892", "qty": 10 ** 30, "unit_price": "1" * 23}])]}).encode(),
        "year.json": json.dumps({"orders": [mall_order("M1-20261123-SUB02",
                                                       created_at="9999-12-31T23:59:59-14:00")]}).encode(),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        done = pickdesk("import", str(tmp_path / name), "--db", central.url)
        assert done.returncode == 2 and "Traceback" not in done.stderr, (name, done.stderr)
        assert "refused, nothing imported" in done.stderr
    (tmp_path / "events.jsonl").write_bytes(b"[" * 100_000 + b"]" * 100_000 + b"\n")
    done = pickdesk("tracking", "import", str(tmp_path / "events.jsonl"), "--db", central.url)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "nested deeper" in done.stderr
    assert counts(central) == before


# ─── PostgreSQL: the same entry, a smaller set ──────────────────────────────────


@pytest.fixture
def pg_central(pg_empty_url):
    db = Database.open(pg_empty_url, sealer=KEY)
    build_demo(db, orders=0, seed=7, as_of=AS_OF)
    add_world(db)
    yield db
    db.dispose()


@pytest.mark.postgres
@FEW
@given(path=st.sampled_from(ORDER_PATHS), value=hostile_value)
@example(path=("lines", 0, "qty"), value=10 ** 30)
@example(path=("lines", 0, "unit_price"), value="1" * 23)
@example(path=("created_at",), value="9999-12-31T23:59:59-14:00")
@example(path=("customer", "name"), value="a\x00b")  # PostgreSQL itself refuses NUL in text
@example(path=("address", "city"), value="深" * 61)  # longer than its column: PostgreSQL would raise
@example(path=("order_no",), value="M1-" + "9" * 40)
def test_hostile_orders_on_postgresql(pg_central, tmp_path, capsys, path, value):
    file = tmp_path / "orders.json"
    file.write_bytes(mall_file(path, value, "utf-8", "plain", True))
    run(pg_central, ["import", str(file)], capsys)


@pytest.mark.postgres
def test_hostile_tracking_file_on_postgresql(pg_central, tmp_path, capsys):
    (tmp_path / "events.csv").write_text("tracking_no,at,kind,place\nSF1,9999-12-31T23:59:59-14:00,lost,"
                                         + "x" * 121 + "\n", encoding="utf-8")
    code, err = run(pg_central, ["tracking", "import", str(tmp_path / "events.csv")], capsys)
    assert code == 2 and "outside 2000..2099" in err and "longer than 120" in err
