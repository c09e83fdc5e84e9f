"""`pickdesk import`: the mall's format exactly as written; any error refuses the whole file."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import func, select
from test_intake_world import (  # noqa: F401 - fixtures
    FORMAT_EXAMPLE,
    KEY,
    PLAIN_GTIN,
    SUPERVISOR,
    mall_order,
    world,
    world_template,
)

from desktop.cli import main
from desktop.db import models
from desktop.formats.mall_orders import ORDER_FIELDS_CSV, ImportRefused, import_file


def to_csv(orders: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*ORDER_FIELDS_CSV, "gtin", "sku", "qty", "unit_price"])
    writer.writeheader()
    for o in orders:
        flat = {}
        for key, value in o.items():
            if isinstance(value, dict):
                flat.update({f"{key}.{k}": v for k, v in value.items()})
            elif key == "coupons":
                flat[key] = ";".join(value)
            elif key == "gift":
                flat[key] = "true" if value else "false"
            elif key != "lines":
                flat[key] = "" if value is None else value
        for line in o["lines"]:
            writer.writerow({**flat, **line})
    return out.getvalue()


def count_orders(db) -> int:
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).select_from(models.Order))


def run_import(db, tmp_path, name: str, text: str, capsys) -> tuple[int, str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:  # an import is a signed-in supervisor's (the demo's super1)
        mp.setattr("sys.stdin", io.StringIO("5555\n"))
        code = main(["import", str(path), "--db", db.url, "--user", "super1", "--pin-stdin"])
    return code, capsys.readouterr().err


@pytest.fixture(autouse=True)
def _key(monkeypatch) -> None:
    import base64

    monkeypatch.setenv("PICKDESK_PII_KEY", base64.b64encode(KEY.key).decode())


def test_the_format_pages_json_example_imports_as_written(world, tmp_path, capsys) -> None:
    code, err = run_import(world, tmp_path, "orders.json", json.dumps(FORMAT_EXAMPLE, ensure_ascii=False), capsys)
    assert code == 0, err
    with world.unit_of_work() as uow:
        o = uow.session.scalar(select(models.Order))
        assert (o.order_no, o.status, o.ship_city, o.member_tier, o.coupons) == (
            "M1-20261123-000123", "received", "深圳市", "gold", ["SAVE10"])
        assert str(o.total_charged) == "109.80" and str(o.goods_total) == "119.80"
        assert o.promised_ship_by.utcoffset().total_seconds() == 0 and o.promised_ship_by.hour == 10
        assert o.lines[0].sku.gtin == PLAIN_GTIN and o.lines[0].qty == 2
        # Sealed: no plain customer data in the row; the key opens it.
        assert "张伟".encode() not in o.customer_name_sealed
        assert b"0013" not in o.customer_phone_sealed and "科苑路".encode() not in o.ship_detail_sealed
        assert uow.sealer.open(o.customer_name_sealed, "customer_name", o.order_no) == "张伟"
        assert uow.sealer.open(o.ship_detail_sealed, "ship_detail", o.order_no) == "科技园南区科苑路15号"
        # Sealed with its search digest (the phone's last four digits, keyed): a supervisor finds it by tel:1234.
        phone = uow.sealer.open(o.customer_phone_sealed, "customer_phone", o.order_no)
        assert o.customer_phone_tail is not None and o.customer_phone_tail == uow.sealer.phone_digest(phone)


def test_the_csv_equivalent_imports_the_same(world, tmp_path, capsys) -> None:
    two_lines = mall_order("M1-CSV-2", lines=[{"gtin": PLAIN_GTIN, "qty": 1, "unit_price": "59.90"},
                                              {"sku": "T-LOW", "qty": 2, "unit_price": "25.00"}],
                           coupons=["SAVE10", "NEW20"])
    code, err = run_import(world, tmp_path, "orders.csv", to_csv([FORMAT_EXAMPLE["orders"][0], two_lines]), capsys)
    assert code == 0, err
    with world.unit_of_work() as uow:
        orders = {o.order_no: o for o in uow.session.scalars(select(models.Order))}
        assert set(orders) == {"M1-20261123-000123", "M1-CSV-2"}
        o = orders["M1-CSV-2"]
        assert [(ln.sku.sku_code, ln.qty) for ln in o.lines] == [("T-PLAIN", 1), ("T-LOW", 2)]
        assert o.coupons == ["SAVE10", "NEW20"]
        assert orders["M1-20261123-000123"].gift is False


def broken(kind: str) -> tuple[str, str, str, str]:
    """(file name, text, order, field) of one kind of broken file."""
    good = mall_order("M1-OK-1")
    if kind == "missing field":
        bad = mall_order("M1-BAD-1")
        del bad["customer"]["phone"]
        return "f.json", json.dumps({"orders": [good, bad]}), "M1-BAD-1", "customer.phone"
    if kind == "wrong type":
        return "f.json", json.dumps({"orders": [good, mall_order("M1-BAD-1", total_charged=67.9)]}), "M1-BAD-1", "total_charged"
    if kind == "qty not a number":
        return "f.json", json.dumps({"orders": [mall_order("M1-BAD-1", lines=[
            {"gtin": PLAIN_GTIN, "qty": "2", "unit_price": "59.90"}])]}), "M1-BAD-1", "lines[1].qty"
    if kind == "unknown merchant":
        return "f.json", json.dumps({"orders": [good, mall_order("M9-1", merchant="M9")]}), "M9-1", "merchant"
    if kind == "unknown product":
        return "f.json", json.dumps({"orders": [mall_order("M1-BAD-1", lines=[
            {"sku": "NO-SUCH", "qty": 1, "unit_price": "1.00"}])]}), "M1-BAD-1", "lines[1]"
    if kind == "duplicate order_no":
        return "f.json", json.dumps({"orders": [good, mall_order("M1-OK-1")]}), "M1-OK-1", "order_no"
    if kind == "bad date":
        return "f.json", json.dumps({"orders": [good, mall_order("M1-BAD-1", created_at="23/11/2026 09:15")]}), "M1-BAD-1", "created_at"
    if kind == "date without offset":
        return "f.json", json.dumps({"orders": [mall_order("M1-BAD-1", created_at="2026-11-23T09:15:00")]}), "M1-BAD-1", "created_at"
    if kind == "malformed json":
        return "f.json", json.dumps({"orders": [good]})[:-3], "file", "json"
    if kind == "malformed csv":
        text = to_csv([good]).splitlines()
        return "f.csv", "\n".join([text[0], text[1] + ',"extra"']) + "\n", "row 2", "csv"
    if kind == "csv bad qty":
        return "f.csv", to_csv([mall_order("M1-BAD-1", lines=[{"gtin": PLAIN_GTIN, "qty": "two", "unit_price": "59.90"}])]), "M1-BAD-1", "lines[1].qty"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["missing field", "wrong type", "qty not a number", "unknown merchant",
                                  "unknown product", "duplicate order_no", "bad date", "date without offset",
                                  "malformed json", "malformed csv", "csv bad qty"])
def test_a_broken_file_is_refused_whole(world, tmp_path, capsys, kind) -> None:
    name, text, order_no, field = broken(kind)
    code, err = run_import(world, tmp_path, name, text, capsys)
    assert code == 2
    assert "nothing imported" in err
    assert f"{order_no}: {field}:" in err
    assert count_orders(world) == 0


def test_an_order_already_in_the_database_is_a_duplicate(world, tmp_path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"orders": [mall_order("M1-X")]}), encoding="utf-8")
    with world.unit_of_work(SUPERVISOR) as uow:
        import_file(uow, path)
    path.write_text(json.dumps({"orders": [mall_order("M1-Y"), mall_order("M1-X")]}), encoding="utf-8")
    with pytest.raises(ImportRefused) as info, world.unit_of_work(SUPERVISOR) as uow:
        import_file(uow, path)
    assert [(p.order, p.field) for p in info.value.problems] == [("M1-X", "order_no")]
    assert count_orders(world) == 1


def test_errors_are_listed_for_every_order(world) -> None:
    from desktop.formats.mall_orders import import_orders

    bad1 = mall_order("M1-B1", payment={"method": "cheque"})
    bad2 = mall_order("M1-B2", lines=[])
    with pytest.raises(ImportRefused) as info, world.unit_of_work(SUPERVISOR) as uow:
        import_orders(uow, [mall_order("M1-G"), bad1, bad2])
    assert {(p.order, p.field) for p in info.value.problems} == {("M1-B1", "payment.method"), ("M1-B2", "lines")}
