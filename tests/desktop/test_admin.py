"""The admin's edits on SQLite and PostgreSQL: role checked in the service, audited, and refused with a
typed, bilingual message where they would break data in use — leaving nothing written."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from desktop.domain.errors import NotAllowed, NotFound
from desktop.domain.roles import Role
from desktop.security.crypto import Sealer
from desktop.services import admin
from desktop.services.admin import InUse, InvalidValue

KEY = Sealer(bytes(range(32)))
ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="module", params=ENGINES)
def db(request, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The demo warehouse with a dozen orders in every stage, once per engine for the module."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('admin') / 'central.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_module_url")
    db = Database.open(url, sealer=KEY)
    build_demo(db, orders=12, seed=5, as_of=date(2026, 11, 23))
    yield db
    db.dispose()


def person(db: Database, login: str) -> Actor:
    with db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == login))
        return Actor(u.id, u.login, u.display_name, Role(u.role), "ADMIN-01")


@pytest.fixture
def boss(db: Database) -> Actor:
    return person(db, "admin")


def audited(db: Database, action: str, entity_id: str) -> list[dict]:
    with db.unit_of_work() as uow:
        A = models.AuditEntry
        return list(uow.session.scalars(select(A.detail).where(A.action == action, A.entity_id == entity_id)))


def refused(db: Database, actor: Actor, op, error: type = InUse) -> str:  # noqa: ANN001
    """Run `op(uow)`, expect a typed refusal with both languages, and return its English text."""
    with db.unit_of_work(actor) as uow, pytest.raises(error) as caught:
        op(uow)
    exc = caught.value
    assert exc.message and exc.message_zh and exc.message != exc.message_zh
    assert any("\u4e00" <= ch <= "\u9fff" for ch in exc.message_zh)
    return exc.message


# ─── role ───────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("login", ["super1", "picker1", "packer1"])
def test_only_an_admin_reads_or_edits_master_data(db: Database, login: str) -> None:
    someone = person(db, login)
    for op in (admin.list_stations, admin.list_warehouses, admin.list_merchants, admin.list_promotions,
               admin.sku_ids, admin.location_ids, lambda uow: admin.retire_sku(uow, 1),
               lambda uow: admin.retire_location(uow, 1), lambda uow: admin.set_sku_picture(uow, 1, None)):
        refused(db, someone, op, NotAllowed)


def test_an_unknown_row_is_not_found(db: Database, boss: Actor) -> None:
    assert "SKU" in refused(db, boss, lambda uow: admin.retire_sku(uow, 999_999), NotFound)
    refused(db, boss, lambda uow: admin.retire_location(uow, 999_999), NotFound)


# ─── stations ───────────────────────────────────────────────────────────────────


def test_stations_are_listed_with_who_is_signed_in_and_can_be_renamed(db: Database, boss: Actor) -> None:
    from desktop.services.auth import sign_in_with_pin

    with db.unit_of_work() as uow:
        sign_in_with_pin(uow, "picker1", "1111", "PICK-01")
    with db.unit_of_work(boss) as uow:
        rows = {r.name: r for r in admin.list_stations(uow)}
    assert rows["PICK-01"].user_login == "picker1" and rows["PICK-01"].last_seen_at is not None
    assert rows["PICK-01"].kind == "pick"
    busy, idle = rows["PICK-01"], rows["PACK-01"]
    assert "signed in" in refused(db, boss, lambda uow: admin.edit_station(uow, busy.id, name="PICK-99", kind="pick"))
    assert "already" in refused(db, boss, lambda uow: admin.edit_station(uow, idle.id, name="PICK-01", kind="pack"))
    refused(db, boss, lambda uow: admin.edit_station(uow, idle.id, name="PACK-01", kind="kitchen"), InvalidValue)
    with db.unit_of_work(boss) as uow:
        row = admin.edit_station(uow, idle.id, name="PACK-07", kind="any")
    assert (row.name, row.kind) == ("PACK-07", "any")
    assert audited(db, "station_edited", str(idle.id)) == [{"name": ["PACK-01", "PACK-07"], "kind": ["pack", "any"]}]
    with db.unit_of_work(boss) as uow:  # the station keeps its kind when only that changes back
        admin.edit_station(uow, idle.id, name="PACK-01", kind="pack")


# ─── warehouses and locations ───────────────────────────────────────────────────


def _location(db: Database, *, holding: bool) -> models.Location:
    S, L = models.Stock, models.Location
    with db.unit_of_work() as uow:
        held = select(S.location_id).where(S.on_hand > 0)
        q = select(L).where(L.kind == "pick", L.active.is_(True))
        q = q.where(L.id.in_(held)) if holding else q.where(L.id.not_in(select(S.location_id)))
        return uow.session.scalar(q.order_by(L.id.desc()).limit(1))


def test_a_location_that_holds_stock_cannot_be_retired(db: Database, boss: Actor) -> None:
    loc = _location(db, holding=True)
    text = refused(db, boss, lambda uow: admin.retire_location(uow, loc.id))
    assert loc.code in text and "unit" in text
    with db.unit_of_work(boss) as uow:
        (row,) = admin.location_rows(uow, [loc.id])
    assert row.active and row.on_hand > 0
    assert audited(db, "location_retired", loc.code) == []


def test_an_empty_location_is_retired_and_restored(db: Database, boss: Actor) -> None:
    loc = _location(db, holding=False)
    with db.unit_of_work(boss) as uow:
        admin.retire_location(uow, loc.id)
    with db.unit_of_work(boss) as uow:
        (row,) = admin.location_rows(uow, [loc.id])
        assert not row.active
        admin.restore_location(uow, loc.id)
    assert audited(db, "location_retired", loc.code) == [{}] and audited(db, "location_restored", loc.code) == [{}]
    with db.unit_of_work() as uow:
        topics = list(uow.session.scalars(select(models.ChangeFeedEntry.payload)
                                          .where(models.ChangeFeedEntry.entity_id == loc.code)))
    assert {"event": "location_retired"} in topics


def test_a_location_with_units_reserved_stays_a_pick_location(db: Database, boss: Actor) -> None:
    S = models.Stock
    with db.unit_of_work() as uow:  # one unit set aside for an order, as intake's reservation leaves it
        stock = uow.session.scalar(select(S).join(models.Location).where(S.on_hand > 0, models.Location.kind == "pick")
                                   .order_by(S.id).limit(1))
        stock.reserved += 1
        loc_id = stock.location_id
        uow.commit()
    assert "reserved" in refused(db, boss, lambda uow: admin.set_location_kind(uow, loc_id, "reserve"))
    refused(db, boss, lambda uow: admin.set_location_kind(uow, loc_id, "attic"), InvalidValue)
    empty = _location(db, holding=False)
    with db.unit_of_work(boss) as uow:
        admin.set_location_kind(uow, empty.id, "returns")
    assert audited(db, "location_kind", empty.code) == [{"kind": ["pick", "returns"]}]


def test_locations_are_searched_in_sql_and_rows_built_for_the_ids(db: Database, boss: Actor) -> None:
    with db.unit_of_work(boss) as uow:
        sz1 = next(w for w in admin.list_warehouses(uow) if w.code == "SZ1")
        ids = admin.location_ids(uow, sz1.id, "A03-1-0")
        rows = admin.location_rows(uow, ids[:5])
        assert ids and all(r.code.startswith("SZ1-A03-1-0") for r in rows)
        assert [r.id for r in rows] == ids[:5]
        assert admin.location_ids(uow, sz1.id, "%") == []  # a wildcard typed is a character searched for
        assert sz1.layout["aisles"] == 20 and sz1.locations > 100


def test_a_warehouse_is_renamed_and_a_blank_name_refused(db: Database, boss: Actor) -> None:
    with db.unit_of_work(boss) as uow:
        gz2 = next(w for w in admin.list_warehouses(uow) if w.code == "GZ2")
    refused(db, boss, lambda uow: admin.edit_warehouse(uow, gz2.id, name=" ", city="", address=""), InvalidValue)
    with db.unit_of_work(boss) as uow:
        admin.edit_warehouse(uow, gz2.id, name="Guangzhou 2", city=gz2.city, address=gz2.address)
    assert audited(db, "warehouse_edited", "GZ2") == [{"name": [gz2.name, "Guangzhou 2"]}]


# ─── merchants ──────────────────────────────────────────────────────────────────


def test_merchant_terms_are_edited_and_bad_terms_refused(db: Database, boss: Actor) -> None:
    with db.unit_of_work(boss) as uow:
        m3 = next(m for m in admin.list_merchants(uow) if m.code == "M3")
    terms = {"name": m3.name, "phone": m3.phone, "free_shipping_threshold": "149.00", "standard_shipping_fee": "12.50",
             "return_days": "15", "warranty_days": "730", "min_remaining_shelf_days": "0"}
    for field, bad in (("standard_shipping_fee", "-1"), ("standard_shipping_fee", "1.234"), ("return_days", "7.5"),
                       ("warranty_days", "-3"), ("name", "")):
        refused(db, boss, lambda uow, f=field, b=bad: admin.edit_merchant_terms(uow, m3.id, **{**terms, f: b}),
                InvalidValue)
    with db.unit_of_work(boss) as uow:
        admin.edit_merchant_terms(uow, m3.id, **terms)
    with db.unit_of_work() as uow:
        m = uow.session.get(models.Merchant, m3.id)
        assert (m.free_shipping_threshold, m.standard_shipping_fee, m.warranty_days) == (
            Decimal("149.00"), Decimal("12.50"), 730)
    (detail,) = audited(db, "merchant_terms", "M3")
    assert detail == {"free_shipping_threshold": ["99.00", "149.00"], "standard_shipping_fee": ["8.00", "12.50"],
                      "warranty_days": ["365", "730"]}
    refused(db, boss, lambda uow: admin.edit_merchant_terms(uow, m3.id, **terms, shipping_regions=[
        {"provinces": ["新疆维吾尔自治区"], "fee": "20.00"}, {"provinces": ["新疆维吾尔自治区"], "fee": "25.00"}]),
        InvalidValue)
    refused(db, boss, lambda uow: admin.edit_merchant_terms(uow, m3.id, **terms, shipping_regions=[
        {"provinces": [], "fee": "20.00"}]), InvalidValue)
    with db.unit_of_work(boss) as uow:
        admin.edit_merchant_terms(uow, m3.id, **terms, shipping_regions=[
            {"provinces": [" 新疆维吾尔自治区", "西藏自治区"], "fee": "20"}])
        assert next(m for m in admin.list_merchants(uow, "M3")).shipping_regions == [
            {"provinces": ["新疆维吾尔自治区", "西藏自治区"], "fee": "20.00"}]
    with db.unit_of_work(boss) as uow:  # no free shipping at all: an empty threshold
        admin.edit_merchant_terms(uow, m3.id, **{**terms, "free_shipping_threshold": ""})
        assert next(m for m in admin.list_merchants(uow, "M3")).free_shipping_threshold is None


# ─── SKUs ───────────────────────────────────────────────────────────────────────


def _sku_on_open_order(db: Database) -> models.Sku:
    O, OL = models.Order, models.OrderLine
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(models.Sku).join(OL, OL.sku_id == models.Sku.id).join(O, OL.order_id == O.id)
                                  .where(O.status.in_([s.value for s in admin.OPEN_ORDER_STATUSES])).limit(1))


def _sku_on_no_order(db: Database, merchant: str = "M4") -> models.Sku:
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(models.Sku).join(models.Merchant)
                                  .where(models.Merchant.code == merchant, models.Sku.active.is_(True),
                                         models.Sku.id.not_in(select(models.OrderLine.sku_id)))
                                  .order_by(models.Sku.id.desc()).limit(1))


def test_a_sku_on_an_open_order_cannot_be_retired(db: Database, boss: Actor) -> None:
    sku = _sku_on_open_order(db)
    text = refused(db, boss, lambda uow: admin.retire_sku(uow, sku.id))
    assert sku.sku_code in text and "open order" in text
    with db.unit_of_work() as uow:
        assert uow.session.get(models.Sku, sku.id).active
    assert audited(db, "sku_retired", sku.sku_code) == []


def test_a_sku_on_no_open_order_is_retired_and_restored(db: Database, boss: Actor) -> None:
    from desktop.formats.mall_orders import ImportRefused, import_orders

    sku = _sku_on_no_order(db)
    with db.unit_of_work(boss) as uow:
        admin.retire_sku(uow, sku.id)
    with db.unit_of_work(boss) as uow:
        assert sku.id not in admin.sku_ids(uow, sku.sku_code, retired=False)
        assert sku.id in admin.sku_ids(uow, sku.sku_code)
    order = {"order_no": "M4-RETIRED-000001", "merchant": "M4", "created_at": "2026-11-23T09:15:00+08:00",
             "customer": {"name": "张伟", "phone": "+86 138 0013 8000"},
             "address": {"country": "CN", "province": "广东省", "city": "深圳市", "district": "南山区",
                         "detail": "科技园南区科苑路15号", "postal_code": "518057"},
             "lines": [{"gtin": sku.gtin, "qty": 1, "unit_price": str(sku.unit_value)}],
             "shipping_fee": "0.00", "discount_total": "0.00", "total_charged": str(sku.unit_value),
             "currency": "CNY", "payment": {"method": "online", "status": "paid", "transaction_id": "T-R1"}}
    with db.unit_of_work(boss) as uow, pytest.raises(ImportRefused) as caught:
        import_orders(uow, [order])  # the mall still lists it: the order is refused, not taken
    assert "retired" in str(caught.value.problems)
    with db.unit_of_work(boss) as uow:
        admin.restore_sku(uow, sku.id)
    assert audited(db, "sku_retired", sku.sku_code) == [{}]


def test_a_sku_is_edited_and_impossible_values_refused(db: Database, boss: Actor) -> None:
    sku = _sku_on_no_order(db, "M2")
    fields = {"name": "Jasmine Tea 250 g", "name_zh": "茉莉花茶 250 克", "unit_value": "39.90", "weight_g": "280",
              "length_mm": "120", "width_mm": "80", "height_mm": "80", "fragile": False, "low_stock_threshold": "6"}
    for field, bad in (("weight_g", "0"), ("weight_g", "-5"), ("unit_value", "abc"), ("length_mm", "1e3"),
                       ("name", "   "), ("name", "x" * 201)):
        refused(db, boss, lambda uow, f=field, b=bad: admin.edit_sku(uow, sku.id, **{**fields, f: b}), InvalidValue)
    with db.unit_of_work(boss) as uow:
        admin.edit_sku(uow, sku.id, **fields)
    with db.unit_of_work(boss) as uow:
        (row,) = admin.sku_rows(uow, [sku.id])
        assert (row.name, row.name_zh, row.unit_value, row.weight_g) == (
            "Jasmine Tea 250 g", "茉莉花茶 250 克", Decimal("39.90"), 280)
        assert admin.sku_ids(uow, "茉莉花茶") == [sku.id]  # found by its Chinese name
        assert admin.sku_ids(uow, sku.gtin[-6:]) == [sku.id]  # and by its GTIN
    (detail,) = audited(db, "sku_edited", sku.sku_code)
    assert detail["name"] == [sku.name, "Jasmine Tea 250 g"] and detail["weight_g"][1] == "280"


def test_a_product_picture_must_be_a_picture_file(db: Database, boss: Actor, tmp_path: Path) -> None:
    sku = _sku_on_no_order(db, "M1")
    refused(db, boss, lambda uow: admin.set_sku_picture(uow, sku.id, str(tmp_path / "missing.png")), InvalidValue)
    (tmp_path / "notes.txt").write_text("not a picture")
    refused(db, boss, lambda uow: admin.set_sku_picture(uow, sku.id, str(tmp_path / "notes.txt")), InvalidValue)
    picture = tmp_path / "teapot.png"
    shutil.copy(Path(__file__).resolve().parents[2] / "docs" / "images" / "signin.png", picture)
    with db.unit_of_work(boss) as uow:
        admin.set_sku_picture(uow, sku.id, str(picture))
    with db.unit_of_work(boss) as uow:
        assert admin.sku_rows(uow, [sku.id])[0].image == str(picture.resolve())
        admin.set_sku_picture(uow, sku.id, None)
    assert len(audited(db, "sku_picture", sku.sku_code)) == 2


# ─── promotions ─────────────────────────────────────────────────────────────────


def test_promotion_validity_is_edited_and_an_end_before_the_start_refused(db: Database, boss: Actor) -> None:
    with db.unit_of_work(boss) as uow:
        (promo,) = admin.list_promotions(uow, text="NEW20")
    start = datetime(2026, 12, 1, tzinfo=UTC)
    refused(db, boss, lambda uow: admin.edit_promotion(uow, promo.id, valid_from=start,
                                                       valid_to=start - timedelta(days=1), active=True), InvalidValue)
    refused(db, boss, lambda uow: admin.edit_promotion(uow, promo.id, valid_from=datetime(2026, 12, 1),
                                                       valid_to=None, active=True), InvalidValue)
    with db.unit_of_work(boss) as uow:
        admin.edit_promotion(uow, promo.id, valid_from=start, valid_to=start + timedelta(days=30), active=False)
    with db.unit_of_work(boss) as uow:
        row = next(p for p in admin.list_promotions(uow) if p.id == promo.id)
    assert (row.valid_from, row.valid_to, row.active) == (start, start + timedelta(days=30), False)
    assert not row.in_force(start + timedelta(days=1))
    (detail,) = audited(db, "promotion_edited", "NEW20")
    assert detail["active"] == ["True", "False"]


def test_the_orders_a_promotion_touched(db: Database, boss: Actor) -> None:
    """A coupon the mall applied and intake checked: the order is listed under it, as applied."""
    from desktop.formats.mall_orders import import_orders
    from desktop.services.intake import run_intake

    with db.unit_of_work() as uow:
        sku = uow.session.scalar(select(models.Sku).join(models.Merchant).join(models.Stock)
                                 .where(models.Merchant.code == "M1", models.Stock.on_hand - models.Stock.reserved > 5,
                                        models.Sku.lot_tracked.is_(False), models.Sku.unit_value > 100).limit(1))
    price = sku.unit_value
    order = {"order_no": "M1-ADMIN-000001", "merchant": "M1", "created_at": "2026-11-23T09:15:00+08:00",
             "customer": {"name": "张伟", "phone": "+86 138 0013 8000", "email": "zw@example.com"},
             "address": {"country": "CN", "province": "广东省", "city": "深圳市", "district": "南山区",
                         "detail": "科技园南区科苑路15号", "postal_code": "518057"},
             "lines": [{"gtin": sku.gtin, "qty": 1, "unit_price": str(price)}], "coupons": ["SAVE10"],
             "shipping_fee": "0.00", "discount_total": "10.00", "total_charged": str(price - 10), "currency": "CNY",
             "payment": {"method": "online", "status": "paid", "transaction_id": "T-ADMIN-1"}, "priority": "normal"}
    with db.unit_of_work(boss) as uow:
        import_orders(uow, [order])
    run_intake(db, now=datetime(2026, 11, 23, 10, tzinfo=UTC), actor=boss)
    with db.unit_of_work(boss) as uow:
        (save10,) = admin.list_promotions(uow, text="SAVE10")
        touched = {t.order_no: t for t in admin.orders_touched(uow, save10.id)}
        (new20,) = admin.list_promotions(uow, text="NEW20")
        assert "M1-ADMIN-000001" not in {t.order_no for t in admin.orders_touched(uow, new20.id)}
    assert save10.merchant is None and touched["M1-ADMIN-000001"].applied
    # Retiring its SKU now is refused: the order is open.
    assert "M1-ADMIN-000001" in refused(db, boss, lambda uow: admin.retire_sku(uow, sku.id))
    with db.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(models.AuditEntry)
                                  .where(models.AuditEntry.action == "sku_retired",
                                         models.AuditEntry.entity_id == sku.sku_code)) == 0
