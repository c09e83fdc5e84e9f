"""The intake tests' world: the demo warehouse (no orders) plus a few SKUs whose stock the tests know.

No tests here; the intake, import and supervision test modules import these helpers and fixtures.
The demo's promotions are in force on 2026-11-23: SAVE10 (10 off from 100), NEW20 (20 off from
199), OLD5 (expired), TIER-GOLD 5 %, TIER-PLATINUM 8 %, FULL200-20 (满200减20); free shipping from
99.00, else 8.00.
"""

from __future__ import annotations

import copy
import shutil
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.security.crypto import Sealer
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo, gtin13
from desktop.domain.actor import Actor
from desktop.domain.roles import Role

AS_OF = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
KEY = Sealer(bytes(range(32)))
PLAIN_GTIN = "06901234567892"  # the format page's example product, 59.90, 50 in stock
SCARCE_GTIN = "0" + gtin13("690123456790")  # 2 in stock
LOW_GTIN = "0" + gtin13("690123456791")  # 12 in stock, low under 10
TEA_GTIN = "0" + gtin13("690123456792")  # lot-tracked, needs 30 days: 5 units expire in 10 days, 5 in 200

FORMAT_EXAMPLE = {"orders": [{
    "order_no": "M1-20261123-000123",
    "merchant": "M1",
    "created_at": "2026-11-23T09:15:00+08:00",
    "customer": {"name": "张伟", "phone": "+86 138 0013 8000", "email": "zw@example.com"},
    "address": {"country": "CN", "province": "广东省", "city": "深圳市", "district": "南山区",
                "detail": "科技园南区科苑路15号", "postal_code": "518057"},
    "lines": [{"gtin": "06901234567892", "qty": 2, "unit_price": "59.90"}],
    "coupons": ["SAVE10"],
    "member_tier": "gold",
    "shipping_fee": "0.00",
    "discount_total": "10.00",
    "total_charged": "109.80",
    "currency": "CNY",
    "payment": {"method": "online", "status": "paid", "transaction_id": "T123"},
    "priority": "normal",
    "gift": False,
    "promised_ship_by": "2026-11-24T18:00:00+08:00",
}]}

SUPERVISOR = Actor(None, "super1", "Zhou Jing", Role.SUPERVISOR, "SUP-01")


def _free_locations(s, n: int) -> list[models.Location]:
    used = select(models.Stock.location_id)
    return list(s.scalars(select(models.Location).join(models.Warehouse)
                          .where(models.Warehouse.code == "SZ1", models.Location.kind == "pick",
                                 models.Location.id.not_in(used)).order_by(models.Location.id).limit(n)))


def add_world(db: Database) -> None:
    with db.unit_of_work() as uow:
        s = uow.session
        m1 = s.scalar(select(models.Merchant).where(models.Merchant.code == "M1"))
        m2 = s.scalar(select(models.Merchant).where(models.Merchant.code == "M2"))
        locs = iter(_free_locations(s, 6))
        gz2_loc = s.scalar(select(models.Location).join(models.Warehouse).where(models.Warehouse.code == "GZ2",
                                                                               models.Location.kind == "pick")
                           .order_by(models.Location.id.desc()).limit(1))

        def sku(merchant, code, gtin, price, threshold=0, **kw):
            k = models.Sku(merchant=merchant, sku_code=code, gtin=gtin, name=f"Test {code}", name_zh=f"测试 {code}",
                           weight_g=300, length_mm=100, width_mm=80, height_mm=60, unit_value=Decimal(price),
                           low_stock_threshold=threshold, **kw)
            s.add(k)
            return k

        plain = sku(m1, "T-PLAIN", PLAIN_GTIN, "59.90")
        s.add(models.Stock(location=next(locs), sku=plain, on_hand=50))
        s.add(models.Stock(location=gz2_loc, sku=plain, on_hand=20))
        scarce = sku(m1, "T-SCARCE", SCARCE_GTIN, "99.90")
        s.add(models.Stock(location=next(locs), sku=scarce, on_hand=2))
        low = sku(m1, "T-LOW", LOW_GTIN, "25.00", threshold=10)
        s.add(models.Stock(location=next(locs), sku=low, on_hand=12))
        tea = sku(m2, "T-TEA", TEA_GTIN, "48.00", lot_tracked=True, min_remaining_shelf_days=30)
        for code, days in (("SHORT", 10), ("LONG", 200)):
            lot = models.Lot(sku=tea, lot_code=code, expiry=AS_OF + timedelta(days=days))
            s.add(models.Stock(location=next(locs), sku=tea, lot=lot, on_hand=5))
        uow.commit()


@pytest.fixture(scope="session")
def world_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("intake-world")
    path = folder / "world.sqlite3"
    db = Database.open(f"sqlite:///{path}", sealer=KEY)
    build_demo(db, orders=0, seed=7, as_of=AS_OF)
    add_world(db)
    db.dispose()
    return path


@pytest.fixture
def world(world_template: Path, tmp_path: Path):
    """A fresh copy of the world for one test (SQLite)."""
    path = tmp_path / "central.sqlite3"
    shutil.copy(world_template, path)
    db = Database.open(f"sqlite:///{path}", sealer=KEY)
    yield db
    db.dispose()


def mall_order(order_no: str = "M1-20261123-000001", **changes) -> dict:
    """A good order in the mall's format: 1 × T-PLAIN (59.90) + 8.00 shipping = 67.90, paid online."""
    order = copy.deepcopy(FORMAT_EXAMPLE["orders"][0])
    order.update(order_no=order_no, coupons=[], member_tier=None, shipping_fee="8.00", discount_total="0.00",
                 total_charged="67.90", lines=[{"gtin": PLAIN_GTIN, "qty": 1, "unit_price": "59.90"}])
    for key, value in changes.items():
        if key in ("customer", "address", "payment"):
            order[key] = {**order[key], **value}
        else:
            order[key] = value
    return order


def load(db: Database, *orders: dict) -> list[int]:
    from desktop.formats.mall_orders import import_orders

    with db.unit_of_work(SUPERVISOR) as uow:
        result = import_orders(uow, list(orders))
    with db.unit_of_work() as uow:
        return [uow.session.scalar(select(models.Order.id).where(models.Order.order_no == no))
                for no in result.order_nos]


def order(db: Database, order_no: str) -> models.Order:
    with db.unit_of_work() as uow:
        o = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no))
        o.lines, o.merchant  # noqa: B018 - loaded before the unit of work closes
        for ln in o.lines:
            ln.reservations, ln.sku  # noqa: B018
        return o


@pytest.fixture(scope="session")
def floor_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo floor (40 orders: batches being picked, holds …) plus the test SKUs."""
    folder = tmp_path_factory.mktemp("intake-floor")
    path = folder / "floor.sqlite3"
    db = Database.open(f"sqlite:///{path}", sealer=KEY)
    build_demo(db, orders=40, seed=3, as_of=AS_OF)
    add_world(db)
    db.dispose()
    return path


@pytest.fixture
def floor(floor_template: Path, tmp_path: Path):
    path = tmp_path / "floor.sqlite3"
    shutil.copy(floor_template, path)
    db = Database.open(f"sqlite:///{path}", sealer=KEY)
    yield db
    db.dispose()


def actor(db: Database, login: str) -> Actor:
    with db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == login))
        return Actor(u.id, u.login, u.display_name, Role(u.role), "TEST-01")
