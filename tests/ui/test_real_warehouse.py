"""Issue 15, done when: a warehouse that is not the demo, from its set-up file to a pick in the app.

Day one as docs/setup.md tells it, through the command line a warehouse would use, on an empty
database (SQLite and PostgreSQL): the first admin (`pickdesk users add … --role admin`), the
set-up file imported by that admin (`pickdesk setup import`: its own layout and locations, two
merchants with their shipping terms and regional fees, their products, promotions, people,
opening stock); the admin adds a picker and sets her PIN (people services, signed in as the
admin); the mall's orders for these merchants are imported (`pickdesk import`, mall-orders.md) and
intake runs (`pickdesk intake`). The right orders are held with every reason (an order with a bad
address *and* a wrong price is held for both), the rest released; then the picker the admin made
signs in at the station window and picks a released order by scans (`window.on_scan`).

Prices in the orders are worked out by hand from the file's terms (written next to each order),
not by the code under test.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from biip.checksums import gs1_standard_check_digit
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.domain.errors import PickdeskError
from desktop.services import people
from desktop.services.auth import sign_in_with_pin
from gs1_scans import gs1_item
from ui.feedback import Verdict
from ui.main_window import MainWindow

ADMIN, ADMIN_PIN = "lin.wei", "2468"
PICKER, PICKER_PIN = "zhou.min", "8642"
EXPIRY = date(2030, 11, 1)  # far enough ahead for any day this test runs


def gtin(body12: str) -> str:
    return "0" + body12 + str(gs1_standard_check_digit(body12))


TEA_LONGJING, TEA_CUPS = gtin("697501234001"), gtin("697501234002")
KIT_PAN, KIT_KNIFE = gtin("697509870001"), gtin("697509870002")


def setup_document() -> dict:
    """Chengdu Riverside: one warehouse of 6 racks, Hillside Tea and Copper Kitchen, five people."""
    layout = {"aisles": 6, "blocks": 1, "block_length": 18.0, "aisle_spacing": 2.5, "slots": 6, "depot_x": 0.0}
    racks = [{"code": f"CD1-R{aisle + 1:02d}-{slot + 1:02d}-{level}", "aisle": aisle, "block": 0, "slot": slot,
              "level": level, "kind": "pick"}
             for aisle in range(6) for slot in range(6) for level in (1, 2)]
    racks += [{"code": "CD1-QUAR-1", "aisle": 5, "block": 0, "slot": 5, "level": 3, "kind": "quarantine"},
              {"code": "CD1-DOCK-1", "aisle": 0, "block": 0, "slot": 0, "level": 3, "kind": "dock"}]
    return {
        "warehouses": [{"code": "CD1", "name": "Chengdu Riverside 成都河畔仓", "city": "成都市",
                        "address": "四川省成都市双流区物流大道 18 号", "layout": layout, "locations": racks}],
        "merchants": [
            {"code": "TEA", "name": "Hillside Tea 山间茶舍", "phone": "+86 571 8800 1234",
             "address": "浙江省杭州市西湖区龙井路 1 号", "return_days": 7, "warranty_days": 0,
             "min_remaining_shelf_days": 30,
             "shipping": {"free_threshold": "99.00", "standard_fee": "8.00",
                          "regions": [{"provinces": ["新疆维吾尔自治区", "西藏自治区"], "fee": "20.00"}]}},
            {"code": "KIT", "name": "Copper Kitchen 铜厨", "phone": "+86 28 8555 0101",
             "address": "四川省成都市锦江区春熙路 9 号", "return_days": 15, "warranty_days": 730,
             "shipping": {"standard_fee": "12.00",  # never free
                          "regions": [{"provinces": ["新疆维吾尔自治区"], "fee": "30.00"}]}},
        ],
        "skus": [
            {"merchant": "TEA", "sku": "TEA-001", "gtin": TEA_LONGJING, "name": "Longjing Green Tea 250 g",
             "name_zh": "龙井绿茶 250 克", "weight_g": 280, "dims_mm": [180, 90, 60], "unit_value": "129.00",
             "lot_tracked": True, "min_remaining_shelf_days": 60, "low_stock_threshold": 2},
            {"merchant": "TEA", "sku": "TEA-002", "gtin": TEA_CUPS, "name": "Celadon Tea Cups (4)",
             "name_zh": "青瓷茶杯四只装", "weight_g": 520, "dims_mm": [200, 200, 90], "fragile": True,
             "unit_value": "68.00", "low_stock_threshold": 2},
            {"merchant": "KIT", "sku": "KIT-001", "gtin": KIT_PAN, "name": "Cast Iron Pan 28 cm",
             "name_zh": "铸铁锅 28 厘米", "weight_g": 2900, "dims_mm": [480, 300, 80], "unit_value": "189.00"},
            {"merchant": "KIT", "sku": "KIT-002", "gtin": KIT_KNIFE, "name": "Chef's Knife",
             "name_zh": "主厨刀", "weight_g": 240, "dims_mm": [340, 60, 30], "unit_value": "45.00"},
        ],
        "promotions": [
            {"code": "TEA15", "kind": "coupon", "merchant": "TEA", "amount_off": "15.00", "min_spend": "150.00",
             "valid_from": "2026-11-01T00:00:00+08:00", "valid_to": "2026-12-31T23:59:59+08:00"},
            {"code": "TEA-GOLD", "kind": "tier", "merchant": "TEA", "tier": "gold", "percent": "5"},
            {"code": "KIT-200-25", "kind": "threshold", "merchant": "KIT", "threshold": "200.00",
             "amount_off": "25.00"},
        ],
        "users": [
            {"login": ADMIN, "name": "Lin Wei", "name_zh": "林伟", "role": "admin"},
            {"login": "he.jun", "name": "He Jun", "name_zh": "何军", "role": "supervisor"},
            {"login": "ma.li", "name": "Ma Li", "name_zh": "马丽", "role": "packer", "badge": "CD-0031"},
        ],
        "stock": [
            {"location": "CD1-R01-02-1", "gtin": TEA_LONGJING, "lot": "LJ3011", "expiry": EXPIRY.isoformat(),
             "qty": 20},
            {"location": "CD1-R02-04-1", "gtin": TEA_CUPS, "qty": 30},
            {"location": "CD1-R04-03-2", "gtin": KIT_PAN, "qty": 10},
            {"location": "CD1-R05-06-1", "gtin": KIT_KNIFE, "qty": 15},
        ],
    }


CHENGDU = {"country": "CN", "province": "四川省", "city": "成都市", "district": "武侯区",
           "detail": "人民南路四段 12 号 3 栋 501", "postal_code": "610041"}
URUMQI = {"country": "CN", "province": "新疆维吾尔自治区", "city": "乌鲁木齐市", "district": "天山区",
          "detail": "解放南路 88 号 2 单元 302", "postal_code": "830002"}
LHASA = {"country": "CN", "province": "西藏自治区", "city": "拉萨市", "district": "城关区",
         "detail": "北京中路 20 号 1 单元 101", "postal_code": "850000"}
MISMATCHED = {"country": "CN", "province": "广东省", "city": "杭州市", "district": "西湖区",  # Hangzhou is not in Guangdong
              "detail": "文三路 199 号", "postal_code": "310013"}


def order(no: str, merchant: str, lines: list[tuple[str, int, str]], address: dict, *, shipping: str,
          discount: str, total: str, coupons: tuple[str, ...] = (), tier: str | None = None,
          payment: str = "paid") -> dict:
    return {"order_no": no, "merchant": merchant, "created_at": "2026-11-23T10:00:00+08:00",
            "customer": {"name": "张伟", "phone": "+86 138 0013 8000"}, "address": address,
            "lines": [{"gtin": g, "qty": q, "unit_price": p} for g, q, p in lines],
            "coupons": list(coupons), "member_tier": tier, "shipping_fee": shipping, "discount_total": discount,
            "total_charged": total, "currency": "CNY",
            "payment": {"method": "online", "status": payment, "transaction_id": f"T-{no}"},
            "priority": "normal", "promised_ship_by": "2026-11-24T18:00:00+08:00"}


MALL_ORDERS = {"orders": [
    # 129 + 68 = 197; gold 5 % = 9.85, coupon TEA15 (spend ≥ 150) 15 → 172.15 ≥ 99: free shipping.
    order("TEA-20261123-0001", "TEA", [(TEA_LONGJING, 1, "129.00"), (TEA_CUPS, 1, "68.00")], CHENGDU,
          coupons=("TEA15",), tier="gold", shipping="0.00", discount="24.85", total="172.15"),
    # 189 + 45 = 234 ≥ 200: 满减 25 → 209; never free, Xinjiang's regional fee 30 → 239.
    order("KIT-20261123-0002", "KIT", [(KIT_PAN, 1, "189.00"), (KIT_KNIFE, 1, "45.00")], URUMQI,
          shipping="30.00", discount="25.00", total="239.00"),
    # Bad address AND wrong price: 2 × 68 = 136 ≥ 99 free, the rules give 136.00; the mall charged 126.00.
    order("TEA-20261123-0003", "TEA", [(TEA_CUPS, 2, "68.00")], MISMATCHED,
          shipping="0.00", discount="0.00", total="126.00"),
    # Another merchant's coupon: TEA15 is Hillside Tea's, not Copper Kitchen's (189 + 12 − 15 = 186 as charged).
    order("KIT-20261123-0004", "KIT", [(KIT_PAN, 1, "189.00")], CHENGDU, coupons=("TEA15",),
          shipping="12.00", discount="15.00", total="186.00"),
    # The price is right (68 < 99: Tibet's regional fee 20 → 88), but the payment is still pending.
    order("TEA-20261123-0005", "TEA", [(TEA_CUPS, 1, "68.00")], LHASA,
          shipping="20.00", discount="0.00", total="88.00", payment="pending"),
]}
RELEASED = {"TEA-20261123-0001", "KIT-20261123-0002"}
HELD = {"TEA-20261123-0003": {"address", "price"}, "KIT-20261123-0004": {"price"},
        "TEA-20261123-0005": {"payment"}}


def cli(*argv: str, stdin: str = "") -> int:
    previous = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        return main(list(argv))
    finally:
        sys.stdin = previous


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def demo_db(request, tmp_path_factory: pytest.TempPathFactory):
    """Overrides the UI conftest's demo warehouse: this module's window opens on Chengdu Riverside."""
    folder = tmp_path_factory.mktemp("riverside")
    url = (f"sqlite:///{folder / 'central.sqlite3'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_module_url"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PICKDESK_DATA_DIR", str(folder))
        mp.delenv("PICKDESK_DB_URL", raising=False)
        setup_file, orders_file = folder / "riverside-setup.json", folder / "mall-orders.json"
        setup_file.write_text(json.dumps(setup_document(), ensure_ascii=False), encoding="utf-8")
        orders_file.write_text(json.dumps(MALL_ORDERS, ensure_ascii=False), encoding="utf-8")

        assert cli("users", "add", ADMIN, "--role", "admin", "--name", "Lin Wei", "--name-zh", "林伟",
                   "--new-pin-stdin", "--db", url, stdin=ADMIN_PIN + "\n") == 0
        assert cli("setup", "import", str(setup_file), "--user", ADMIN, "--pin-stdin", "--db", url,
                   stdin=ADMIN_PIN + "\n") == 0
        db = Database.open(url)
        with db.unit_of_work() as uow:
            admin = sign_in_with_pin(uow, ADMIN, ADMIN_PIN, "ADMIN-01")
        with db.unit_of_work(admin) as uow:
            people.add_person(uow, PICKER, "Zhou Min", "picker", name_zh="周敏")
        with pytest.raises(PickdeskError), db.unit_of_work() as uow:  # no PIN yet: no sign-in
            sign_in_with_pin(uow, PICKER, PICKER_PIN, "PICK-01")
        with db.unit_of_work(admin) as uow:
            people.set_pin(uow, PICKER, PICKER_PIN)

        assert cli("import", str(orders_file), "--user", ADMIN, "--pin-stdin", "--db", url,
                   stdin=ADMIN_PIN + "\n") == 0
        assert cli("intake", "--user", ADMIN, "--pin-stdin", "--db", url, stdin=ADMIN_PIN + "\n") == 0
        yield db
        db.dispose()


def test_the_set_up_file_made_the_warehouse(demo_db: Database) -> None:
    with demo_db.unit_of_work() as uow:
        s = uow.session
        assert s.scalars(select(models.Warehouse.code)).all() == ["CD1"]
        assert s.scalar(select(func.count()).select_from(models.Location)) == 74
        assert s.scalar(select(func.count()).select_from(models.Order)) == 5
        roles = dict(s.execute(select(models.User.login, models.User.role)).all())
        assert roles == {ADMIN: "admin", "he.jun": "supervisor", "ma.li": "packer", PICKER: "picker"}
        added = s.scalar(select(models.AuditEntry).where(models.AuditEntry.action == "user_added",
                                                         models.AuditEntry.entity_id == PICKER))
        assert added.user_id == s.scalar(select(models.User.id).where(models.User.login == ADMIN))


def test_intake_holds_the_right_orders_with_every_reason_and_releases_the_rest(demo_db: Database) -> None:
    with demo_db.unit_of_work() as uow:
        s = uow.session
        orders = {o.order_no: o for o in s.scalars(select(models.Order))}
        assert {no for no, o in orders.items() if o.status in ("ready", "picking", "picked")} == RELEASED
        for no, gates in HELD.items():
            o = orders[no]
            held = {g for g, outcome in o.intake_outcome.items() if outcome["status"] == "held"}
            assert (o.status, held) == ("held", gates), (no, o.intake_outcome)
            cases = set(s.scalars(select(models.ExceptionCase.kind).where(models.ExceptionCase.order_id == o.id)))
            assert cases == {f"{g}_hold" for g in gates}
        both = orders["TEA-20261123-0003"].intake_outcome
        # Every finding of every gate: Hangzhou is not in Guangdong, nor is its postal code; and the price.
        assert both["address"]["fields"] == ["address.city", "address.postal_code"]
        assert both["price"]["fields"] == ["total_charged"]
        assert "charged 126.00, rules give 136.00" in both["price"]["note"]
        assert "TEA15" in orders["KIT-20261123-0004"].intake_outcome["price"]["note"]
        for no in RELEASED:  # the regional fee and the promotions from the file were accepted as charged
            assert orders[no].intake_outcome["price"]["status"] == "passed"
            assert orders[no].warehouse.code == "CD1"
        reserved = {(r.stock.location.code, r.qty) for no in RELEASED for ln in orders[no].lines
                    for r in ln.reservations}
        assert reserved == {("CD1-R01-02-1", 1), ("CD1-R02-04-1", 1), ("CD1-R04-03-2", 1), ("CD1-R05-06-1", 1)}


def test_the_picker_the_admin_made_signs_in_and_picks_a_released_order(qtbot, window: MainWindow,
                                                                      demo_db: Database, sign_in) -> None:
    actor = sign_in(PICKER, PICKER_PIN)
    assert actor.login == PICKER
    ws = window.workspace
    qtbot.waitUntil(lambda: "orders" in ws.ready_count.text())
    with qtbot.waitSignal(ws.batch_shown, timeout=10_000):
        qtbot.mouseClick(ws.next_batch, Qt.MouseButton.LeftButton)
    batch = ws.batch.code
    assert ws.batch.warehouse == "CD1"
    lots = {}
    ws.take_suggested_totes()  # the suggested totes go on the cart (F6)
    while ws.batch is not None and ws.session is not None and ws.session.current is not None:
        stop = ws.session.current
        assert stop.location_code.startswith("CD1-R")
        window.on_scan("LOC-" + stop.location_code)
        assert ws.feedback.verdict is Verdict.GOOD, ws.feedback.text.text()
        lots[stop.gtin14] = stop.lot_code
        for _ in range(stop.remaining):
            window.on_scan(gs1_item(stop.gtin14, stop.lot_code, stop.lot_expiry) if stop.lot_code
                           else gs1_item(stop.gtin14))
            assert ws.feedback.verdict is Verdict.GOOD, ws.feedback.text.text()
        if stop.tote_code:  # into the stop's tote, scanned
            window.on_scan(stop.tote_code)
    for tote in ws.session.totes_to_drop if ws.session is not None else ():  # the drop-off at packing
        window.on_scan(tote)
    qtbot.waitUntil(lambda: ws.batch is None and ws.pending_writes == 0, timeout=10_000)
    assert lots.get(TEA_LONGJING, "LJ3011") == "LJ3011"  # the lot counted in at opening

    with demo_db.unit_of_work() as uow:
        s = uow.session
        done = s.scalar(select(models.PickBatch).where(models.PickBatch.code == batch))
        assert done.status == "done" and done.picker.login == PICKER
        picked = {t.line.order.order_no for t in done.tasks}
        assert picked and picked <= RELEASED
        for no in picked:
            o = s.scalar(select(models.Order).where(models.Order.order_no == no))
            assert o.status == "picked" and all(ln.picked_qty == ln.qty for ln in o.lines)
        for t in done.tasks:
            assert (t.status, t.stock.reserved) == ("picked", 0)
            assert s.scalar(select(func.count()).select_from(models.PickEvent).where(
                models.PickEvent.task_id == t.id, models.PickEvent.kind == "pick",
                models.PickEvent.user_id == actor.user_id)) == 1
        for held in HELD:  # nobody picks a held order
            assert s.scalar(select(models.Order.status).where(models.Order.order_no == held)) == "held"
