"""`pickdesk setup import` / `export`: the warehouse set-up format exactly as written (warehouse-setup.md)."""

from __future__ import annotations

import copy
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.domain.pricing import ShippingRegion, compute_price, shipping_fee_for
from desktop.formats.setup import SetupRefused, export_setup, import_setup, parse_document, read_setup
from desktop.services.auth import hash_pin

FORMAT_PAGE = Path("/work/shared/formats/warehouse-setup.md")
ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
TABLES = (models.Warehouse, models.Location, models.Merchant, models.Sku, models.Promotion, models.User,
          models.Stock, models.Lot, models.AuditEntry, models.ChangeFeedEntry)


def format_example() -> dict:
    """The format page's example document, as written there."""
    text = FORMAT_PAGE.read_text(encoding="utf-8")
    return json.loads(re.search(r"```json\n(.*?)```", text, re.S).group(1))


def good_example() -> dict:
    """The example with its GTIN's check digit made right (the page's 06975012340017 ends in 7; GS1 gives 4)."""
    doc = format_example()
    doc["skus"][0]["gtin"] = doc["stock"][0]["gtin"] = "06975012340014"
    return doc


@pytest.fixture(params=ENGINES)
def db(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    database = Database.open(url)
    yield database
    database.dispose()


def run_import(db: Database, doc: dict):
    with db.unit_of_work() as uow:
        return import_setup(uow, parse_document(doc))


def counts(db: Database) -> dict[str, int]:
    with db.unit_of_work() as uow:
        return {t.__tablename__: uow.session.scalar(select(func.count()).select_from(t)) for t in TABLES}


def export(db: Database) -> dict:
    with db.unit_of_work() as uow:
        return export_setup(uow)


def test_the_format_pages_example_is_refused_for_its_check_digit_and_nothing_is_written(db):
    before = counts(db)
    with pytest.raises(SetupRefused) as refused:
        run_import(db, format_example())
    assert {(p.where, p.field) for p in refused.value.problems} == {("skus[0]", "gtin"), ("stock[0]", "gtin")}
    assert "check digit" in refused.value.problems[0].message
    assert counts(db) == before


def test_import_twice_is_a_no_op_and_export_import_export_gives_the_same_document(db, tmp_path):
    report = run_import(db, good_example())
    assert report.counts("locations").added == 3 and report.counts("stock").added == 1
    after_first = counts(db)
    again = run_import(db, good_example())
    assert again.changed == 0
    assert counts(db) == after_first  # not one audit row, not one change-feed entry
    first = export(db)
    assert first["promotions"][2]["valid_from"] == "2026-10-31T16:00:00+00:00"  # the same instant, in UTC
    other = Database.open(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        run_import(other, first)
        assert export(other) == first
    finally:
        other.dispose()


def test_what_the_import_wrote(db):
    run_import(db, good_example())
    with db.unit_of_work() as uow:
        s = uow.session
        m = s.scalar(select(models.Merchant))
        assert m.free_shipping_threshold == Decimal("99.00") and m.standard_shipping_fee == Decimal("8.00")
        assert m.shipping_regions == [{"provinces": ["新疆维吾尔自治区", "西藏自治区"], "fee": "20.00"}]
        quarantine = s.scalar(select(models.Location).where(models.Location.code == "HZ1-QUAR-01"))
        assert (quarantine.kind, quarantine.x, quarantine.y) == ("quarantine", 33.0, 1.0)  # aisle 11 × 3 m, slot 0
        user = s.scalar(select(models.User))
        assert (user.login, user.role, user.pin_hash, user.name_zh) == ("wang.fang", "picker", None, "王芳")
        stock = s.scalar(select(models.Stock))
        assert (stock.on_hand, stock.lot.lot_code, stock.lot.expiry.isoformat()) == (40, "LJ2611", "2027-11-01")
        adjusted = s.scalars(select(models.AuditEntry).where(models.AuditEntry.action == "stock_adjusted")).all()
        assert len(adjusted) == 1 and adjusted[0].detail["after"] == 40
        assert adjusted[0].detail["reason"] == "opening_balance"
        tier = s.scalar(select(models.Promotion).where(models.Promotion.code == "HM1-GOLD"))
        assert tier.params == {"tier": "gold", "percent": "5"} and tier.merchant.code == "HM1"


def test_every_problem_is_listed_by_section_position_and_field_and_nothing_is_written(db):
    run_import(db, good_example())
    before = counts(db)
    doc = good_example()
    doc["warehouses"][0]["locations"].append({"code": "HZ1-Z99", "aisle": 12, "block": 0, "slot": 0, "level": 0,
                                              "kind": "attic"})
    doc["merchants"].append({"code": "HM2", "name": "Two", "return_days": "7",
                             "shipping": {"standard_fee": 8, "regions": [{"provinces": [], "fee": "1.00"}]}})
    doc["skus"].append(dict(doc["skus"][0], sku="HM1-0002"))  # the same GTIN twice
    doc["skus"].append({"merchant": "NOPE", "sku": "X-1", "gtin": "96385074", "name": "X", "weight_g": 1,
                        "dims_mm": [1, 1], "unit_value": "1.00"})
    doc["promotions"].append({"code": "TEA10", "kind": "coupon", "amount_off": "5.00", "percent": "5",
                              "valid_from": "2026-11-01T00:00:00"})
    doc["users"].append({"login": "li.lei", "name": "Li Lei", "role": "boss", "pin": "1234"})
    doc["stock"][0]["qty"] = 41  # that location–SKU–lot holds 40 already
    doc["stock"].append({"location": "HZ1-A00-0-00-3", "gtin": "06975012340014", "qty": 5})  # lot-tracked: no lot
    with pytest.raises(SetupRefused) as refused:
        run_import(db, doc)
    found = {(p.where, p.field) for p in refused.value.problems}
    assert {
        ("warehouses[0].locations[3]", "level"), ("warehouses[0].locations[3]", "kind"),
        ("merchants[1]", "return_days"), ("merchants[1].shipping", "standard_fee"),
        ("merchants[1].shipping.regions[0]", "provinces"),
        ("skus[1]", "gtin"), ("skus[2]", "dims_mm"),
        ("promotions[3]", "code"), ("promotions[3]", "percent"), ("promotions[3]", "valid_from"),
        ("users[1]", "role"), ("users[1]", "pin"),
        ("stock[1]", "lot"), ("stock[1]", "expiry"),
    } <= found, found
    assert counts(db) == before
    # The checks against the database come after the file's own: fix the file's, then they show.
    doc = good_example()
    doc["warehouses"][0]["locations"].append({"code": "HZ1-Z99", "aisle": 12, "block": 0, "slot": 0, "level": 1,
                                              "kind": "pick"})
    doc["skus"].append({"merchant": "NOPE", "sku": "X-1", "gtin": "96385074", "name": "X", "weight_g": 1,
                        "dims_mm": [1, 1, 1], "unit_value": "1.00"})
    doc["stock"][0]["qty"] = 41
    with pytest.raises(SetupRefused) as refused:
        run_import(db, doc)
    found = {(p.where, p.field) for p in refused.value.problems}
    assert {("warehouses[0].locations[3]", "aisle"), ("skus[1]", "merchant")} <= found, found
    doc["warehouses"][0]["locations"].pop()
    doc["skus"].pop()
    with pytest.raises(SetupRefused) as refused:
        run_import(db, doc)
    assert [(p.where, p.field) for p in refused.value.problems] == [("stock[0]", "location")]
    assert "already holds 40" in refused.value.problems[0].message
    assert counts(db) == before


def test_upsert_by_code_updates_retires_and_never_deletes(db):
    run_import(db, good_example())
    report = run_import(db, {"skus": [dict(good_example()["skus"][0], name="Longjing 250 g", active=False)],
                             "merchants": [{"code": "HM1", "name": "Hillside Tea 山间茶舍", "return_days": 15}]})
    assert (report.counts("skus").retired, report.counts("merchants").updated) == (1, 1)
    with db.unit_of_work() as uow:
        sku = uow.session.scalar(select(models.Sku))
        assert (sku.name, sku.active) == ("Longjing 250 g", False)
        m = uow.session.scalar(select(models.Merchant))
        assert (m.return_days, m.warranty_days, m.standard_shipping_fee) == (15, 365, Decimal("8.00"))  # rest kept
        entries = uow.session.scalars(select(models.AuditEntry).where(models.AuditEntry.action.in_(
            ["sku_retired", "merchant_updated"]))).all()
        assert {e.action: e.detail for e in entries} == {
            "sku_retired": {"merchant": "HM1", "name": "Longjing 250 g", "active": False},
            "merchant_updated": {"return_days": 15}}
    doc = export(db)
    assert doc["skus"][0]["active"] is False and len(doc["promotions"]) == 3  # nothing deleted by omission


def test_retiring_a_location_that_holds_stock_is_refused(db):
    run_import(db, good_example())
    doc = {"warehouses": [{"code": "HZ1", "locations": [
        {"code": "HZ1-A00-0-00-1", "aisle": 0, "block": 0, "slot": 0, "level": 1, "kind": "pick", "active": False}]}]}
    with pytest.raises(SetupRefused) as refused:
        run_import(db, doc)
    assert [(p.where, p.field) for p in refused.value.problems] == [("warehouses[0].locations[0]", "active")]


def test_csv_sections(db, tmp_path):
    run_import(db, good_example())
    (tmp_path / "hz1-locations.csv").write_text(
        "warehouse,code,aisle,block,slot,level,kind\nHZ1,HZ1-A01-0-00-1,1,0,0,1,pick\nHZ1,HZ1-A01-0-01-1,1,0,1,1,pick\n",
        encoding="utf-8")
    (tmp_path / "skus.csv").write_text(
        "merchant,sku,gtin,name,name_zh,weight_g,length_mm,width_mm,height_mm,fragile,unit_value,lot_tracked\n"
        "HM1,HM1-0002,96385074,Tea cup,茶杯,120,80,80,90,true,39.00,false\n", encoding="utf-8-sig")
    (tmp_path / "opening.csv").write_text("location,gtin,lot,expiry,qty\nHZ1-A01-0-00-1,96385074,,,12\n",
                                          encoding="utf-8")
    for name, section in (("hz1-locations.csv", None), ("skus.csv", None), ("opening.csv", "stock")):
        parsed = read_setup(tmp_path / name, section)
        assert parsed.problems == []
        with db.unit_of_work() as uow:
            import_setup(uow, parsed)
    doc = export(db)
    assert [loc["code"] for loc in doc["warehouses"][0]["locations"]][:2] == ["HZ1-A00-0-00-1", "HZ1-A00-0-00-3"]
    assert {"location": "HZ1-A01-0-00-1", "gtin": "00000096385074", "qty": 12} in doc["stock"]
    bad = tmp_path / "skus-bad.csv"
    bad.write_text("merchant,sku,gtin,colour\nHM1,X,1,red\n", encoding="utf-8")
    assert [(p.where, p.field) for p in read_setup(bad, "skus").problems] == [("skus-bad.csv row 1", "colour")]
    bad.write_text("merchant,sku,gtin,weight_g\nHM1,X,96385074,１２\n", encoding="utf-8")  # full-width digits
    assert [(p.where, p.field) for p in read_setup(bad, "skus").problems] == [("skus-bad.csv row 2", "weight_g")]
    assert read_setup(tmp_path / "opening.csv").problems[0].field == "section"


def test_the_command_line(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(good_example(), ensure_ascii=False), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(format_example(), ensure_ascii=False), encoding="utf-8")
    assert main(["setup", "import", str(bad), "--db", url]) == 2
    err = capsys.readouterr().err
    assert "refused, nothing written — 2 problems" in err and "skus[0]: gtin:" in err
    assert main(["setup", "import", str(good), "--db", url]) == 0  # no admin yet: no sign-in
    assert "warehouses: 1 added" in capsys.readouterr().out
    out = tmp_path / "out.json"
    assert main(["setup", "export", "-o", str(out), "--db", url]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    # Badges are kept only as keyed hashes, so an export cannot give them back.
    assert exported["users"] == [{"login": "wang.fang", "name": "Wang Fang", "name_zh": "王芳", "role": "picker"}]
    # Once there is an admin, an import asks who is there.
    db = Database.open(url)
    with db.unit_of_work() as uow:
        uow.session.add(models.User(login="boss", display_name="Boss", role="admin", pin_hash=hash_pin("4321")))
        uow.commit()
    db.dispose()
    assert main(["setup", "import", str(good), "--db", url]) == 2
    assert "sign in with --user" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("1111\n"))
    assert main(["setup", "import", str(good), "--db", url, "--user", "boss", "--pin-stdin"]) == 2
    assert "wrong PIN" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("4321\n"))
    assert main(["setup", "import", str(good), "--db", url, "--user", "boss", "--pin-stdin"]) == 0
    assert "Nothing to change" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("4321\n"))
    changed = copy.deepcopy(good_example())
    changed["users"][0]["role"] = "packer"
    good.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    assert main(["setup", "import", str(good), "--db", url, "--user", "boss", "--pin-stdin"]) == 0
    db = Database.open(url)
    with db.unit_of_work() as uow:
        entry = uow.session.scalar(select(models.AuditEntry).where(models.AuditEntry.action == "user_updated"))
        boss = uow.session.scalar(select(models.User).where(models.User.login == "boss"))
        assert entry.user_id == boss.id and entry.detail == {"role": "packer"}
    db.dispose()


def test_shipping_terms_with_regional_fees():
    regions = ShippingRegion.from_terms([{"provinces": ["新疆维吾尔自治区", "西藏自治区"], "fee": "20.00"}])
    assert shipping_fee_for("西藏自治区", Decimal("8.00"), regions) == Decimal("20.00")
    assert shipping_fee_for("广东省", Decimal("8.00"), regions) == Decimal("8.00")
    from datetime import UTC, datetime

    def price(province: str, qty: int):
        return compute_price([(qty, Decimal("45.00"))], rules=[], coupons=[], member_tier=None,
                             at=datetime(2026, 11, 23, tzinfo=UTC), free_shipping_threshold=Decimal("99.00"),
                             standard_shipping_fee=Decimal("8.00"), shipping_regions=regions, province=province)

    assert price("新疆维吾尔自治区", 1).shipping_fee == Decimal("20.00")
    assert price("浙江省", 1).shipping_fee == Decimal("8.00")
    assert price("新疆维吾尔自治区", 3).shipping_fee == Decimal("0.00")  # 135.00 reaches the threshold: free


def test_a_file_that_makes_the_first_admin_is_refused_until_there_is_one(tmp_path, capsys, monkeypatch):
    """No PIN travels in a set-up file: an admin imported into a database without one could never sign
    in, and nobody could set their PIN. The import says to make the first admin first; then it goes."""
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    doc = good_example()
    doc["users"].append({"login": "boss", "name": "Boss Lin", "role": "admin"})
    good = tmp_path / "good.json"
    good.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = None
    db = Database.open(url)
    before = counts(db)
    db.dispose()
    assert main(["setup", "import", str(good), "--db", url]) == 2
    err = capsys.readouterr().err
    assert "no administrator yet" in err and "pickdesk users add boss --role admin" in err
    db = Database.open(url)
    assert counts(db) == before
    db.dispose()
    monkeypatch.setattr("sys.stdin", io.StringIO("4321\n"))
    assert main(["users", "add", "boss", "--role", "admin", "--name", "Boss Lin", "--new-pin-stdin", "--db", url]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("4321\n"))
    assert main(["setup", "import", str(good), "--db", url, "--user", "boss", "--pin-stdin"]) == 0
    assert "users: 1 added, 1 unchanged" in capsys.readouterr().out


def test_a_warehouses_cart_layout_is_imported_checked_and_exported(db):
    doc = good_example()
    doc["warehouses"][0]["layout"]["cart"] = {"single_units_loose": True}
    run_import(db, doc)
    with db.unit_of_work() as uow:
        layout = uow.session.scalar(select(models.Warehouse.layout).where(
            models.Warehouse.code == doc["warehouses"][0]["code"]))
    assert layout["cart"] == {"single_units_loose": True}
    assert export(db)["warehouses"][0]["layout"]["cart"] == {"single_units_loose": True}
    bad = good_example()
    bad["warehouses"][0]["layout"]["cart"] = {"single_units_loose": "yes", "wheels": 4}
    with pytest.raises(SetupRefused) as refused:
        run_import(db, bad)
    found = {(p.where, p.field) for p in refused.value.problems}
    assert {("warehouses[0].layout.cart", "single_units_loose"), ("warehouses[0].layout.cart", "wheels")} <= found
