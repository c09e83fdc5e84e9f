"""The demo warehouse: a realistic, deterministic data set for every screen, built the way a real one is.

`build_demo(db, orders=N, seed=S, as_of=DATE)` takes the path a warehouse moving onto Pickdesk
takes (docs/setup.md), in one transaction:

1. **The set-up document** (`demo_setup(seed, as_of)`, the format of warehouse-setup.md): a
   two-block warehouse of 20 aisles (SZ1) and a smaller one to transfer from (GZ2) with their
   locations, four merchants with their terms, 500 SKUs with valid GTIN-13 check digits, the
   promotions in force, the people for every role with their badges, and the opening stock, lots
   with expiries from long past to years ahead (some expired, some near expiry), some bins empty.
   It is imported by `desktop.formats.setup.import_setup`, the importer `pickdesk setup import`
   uses: checked, written and audited as any warehouse's file is.
2. **PINs** for the demo people through the people services (`set_pin`), as an admin sets them.
3. **Equipment** the set-up format does not carry: carriers, stations, totes; and each merchant's
   returns text for the packing slip.
4. **N orders** in every stage of the lifecycle, generated from what the database now holds (the
   merchants' terms and the promotions as imported, never the demo's own lists): received (some with
   bad addresses, wrong prices, failed payments), held, backordered, ready with stock reserved
   earliest-expiry-first, being picked in batches, picked, packed in one or two parcels, shipped
   with tracking numbers and events, delivered, completed, refused, returned and cancelled.

The same seed and as_of give the same data (sealed fields aside, whose nonces are random).
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from biip.checksums import gs1_standard_check_digit
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, contains_eager

from desktop.demo import data as D
from desktop.db import models
from desktop.db.database import Database, UnitOfWork
from desktop.domain import packing as rules
from desktop.domain.lifecycle import BatchStatus, HoldReason, OrderStatus, PaymentMethod, PaymentStatus, PriorityClass
from desktop.formats.setup import import_setup, parse_document
from desktop.routing.priority import priority_score
from desktop.services import people
from desktop.services.auth import hash_pin
from desktop.services.routes import plan_stops
from desktop.services.stock import InsufficientStock, release_line, reserve_line
from desktop.domain.events import DemoBuilt

CENT = Decimal("0.01")
# Orders written per flush; the session lets go of them after it (see `_let_go`).
ORDERS_PER_CHUNK = 1000

# The main warehouse is the rectangular layout of docs/routing.md (shared with the route planner).
SZ1_LAYOUT = {"aisles": 20, "blocks": 2, "block_length": 24.0, "aisle_spacing": 3.0, "slots": 12, "depot_x": 28.5}
GZ2_LAYOUT = {"aisles": 6, "blocks": 1, "block_length": 20.0, "aisle_spacing": 3.0, "slots": 10, "depot_x": 0.0}
LEVELS = {"SZ1": 3, "GZ2": 2}
# Quarantine, returns and dock: one each, above the racks of the aisle next to the depot (slots 0, 1, 2).
SPECIAL_LOCATIONS = (("quarantine", "Q"), ("returns", "R"), ("dock", "D"))

# Share of orders per lifecycle stage (the rest are ready).
STAGE_MIX = [
    (OrderStatus.RECEIVED, 0.14), (OrderStatus.HELD, 0.07), (OrderStatus.BACKORDERED, 0.03),
    (OrderStatus.PICKING, 0.08), (OrderStatus.PICKED, 0.05), (OrderStatus.PACKED, 0.07),
    (OrderStatus.SHIPPED, 0.10), (OrderStatus.DELIVERED, 0.06), (OrderStatus.COMPLETED, 0.06),
    (OrderStatus.REFUSED, 0.02), (OrderStatus.RETURNED, 0.02), (OrderStatus.LOST, 0.01), (OrderStatus.CANCELLED, 0.02),
]
PATH = {  # the statuses an order passed through to reach each stage
    OrderStatus.RECEIVED: [], OrderStatus.HELD: [OrderStatus.HELD],
    OrderStatus.BACKORDERED: [OrderStatus.BACKORDERED], OrderStatus.READY: [OrderStatus.READY],
    OrderStatus.PICKING: [OrderStatus.READY, OrderStatus.PICKING],
    OrderStatus.PICKED: [OrderStatus.READY, OrderStatus.PICKING, OrderStatus.PICKED],
    OrderStatus.PACKED: [OrderStatus.READY, OrderStatus.PICKING, OrderStatus.PICKED, OrderStatus.PACKED],
}
PATH[OrderStatus.SHIPPED] = PATH[OrderStatus.PACKED] + [OrderStatus.SHIPPED]
PATH[OrderStatus.DELIVERED] = PATH[OrderStatus.SHIPPED] + [OrderStatus.DELIVERED]
PATH[OrderStatus.COMPLETED] = PATH[OrderStatus.DELIVERED] + [OrderStatus.COMPLETED]
PATH[OrderStatus.REFUSED] = PATH[OrderStatus.SHIPPED] + [OrderStatus.REFUSED]
PATH[OrderStatus.RETURNED] = PATH[OrderStatus.REFUSED] + [OrderStatus.RETURNED]
PATH[OrderStatus.LOST] = PATH[OrderStatus.SHIPPED] + [OrderStatus.LOST]
PATH[OrderStatus.CANCELLED] = [OrderStatus.HELD, OrderStatus.CANCELLED]
STAGE_HOURS = {  # typical hours from the previous status, for the figures
    OrderStatus.READY: 0.3, OrderStatus.HELD: 0.2, OrderStatus.BACKORDERED: 0.2, OrderStatus.PICKING: 1.5,
    OrderStatus.PICKED: 0.4, OrderStatus.PACKED: 0.8, OrderStatus.SHIPPED: 3.0, OrderStatus.DELIVERED: 40.0,
    OrderStatus.COMPLETED: 24.0, OrderStatus.REFUSED: 36.0, OrderStatus.LOST: 72.0, OrderStatus.RETURNED: 48.0, OrderStatus.CANCELLED: 2.0,
}

ADDRESS_FIELDS_ZH = {"city": "城市", "district": "区县", "detail": "详细地址", "province": "省份",
                     "postal_code": "邮编", "phone": "电话"}


def gtin13(prefix12: str) -> str:
    return prefix12 + str(gs1_standard_check_digit(prefix12))


def money(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class _World:
    rng: random.Random
    as_of: datetime
    warehouses: dict[str, models.Warehouse] = field(default_factory=dict)
    merchants: dict[str, models.Merchant] = field(default_factory=dict)
    skus: list[models.Sku] = field(default_factory=list)
    lots: dict[int, list[models.Lot]] = field(default_factory=dict)  # sku id → its lots
    stock: dict[int, list[models.Stock]] = field(default_factory=dict)  # sku id → SZ1 stock rows
    users: dict[str, models.User] = field(default_factory=dict)
    carriers: dict[str, models.Carrier] = field(default_factory=dict)
    totes: list[models.Tote] = field(default_factory=list)
    tracking_seq: int = 0
    parcel_seq: int = 0
    history_seq: int = 1
    history_rng: random.Random = field(default_factory=lambda: random.Random(7919))
    manifests: dict = field(default_factory=dict)


def _world(seed: int, as_of: date | None) -> _World:
    as_of_day = as_of or datetime.now(UTC).date()
    return _World(rng=random.Random(seed), as_of=datetime.combine(as_of_day, time(9, 0), tzinfo=UTC))


def demo_setup(seed: int = 1, as_of: date | None = None) -> dict[str, list[dict]]:
    """The demo warehouse as a set-up document (warehouse-setup.md), what `build_demo` imports."""
    return _setup_document(_world(seed, as_of))


@functools.cache
def _demo_pin_hash(pin: str) -> str:
    """The demo's PINs are printed in the README; each is hashed (argon2id, the real parameters) once per
    process, not once per build: a test run builds the demo scores of times, and eight hashes are most of
    a small demo's build time. A real person's PIN always gets a salt of its own (`people.set_pin`)."""
    return hash_pin(pin)


def build_demo(db: Database, orders: int = 200, seed: int = 1, as_of: date | None = None,
               chunk: int = ORDERS_PER_CHUNK) -> dict[str, int]:
    """Write the demo warehouse into an empty database; return counts of what was made.

    One transaction, written `chunk` orders at a time: each chunk is flushed and let go of, so
    memory holds one chunk (and the orders being picked, batched at the end), whatever `orders` is.
    The chunk size changes nothing in what is written."""
    w = _world(seed, as_of)
    with db.unit_of_work() as uow:
        s = uow.session
        document = _setup_document(w)
        parsed = parse_document(document)
        if parsed.problems:  # the demo's own document breaks the format: a bug here, said plainly
            raise AssertionError(f"the demo set-up document is refused: {parsed.problems[:5]}")
        import_setup(uow, parsed, commit=False)
        for login, _name, _role, pin, _badge in D.USERS:
            people.set_pin(uow, login, pin, commit=False, hashed=_demo_pin_hash)
        _equipment(s, w)
        _load_world(s, w)
        made = _orders(uow, w, orders, max(1, chunk))
        made["notices"] = _notices(s, w)
        made.update(_stock_work(uow, w))
        # Reserving flushed orders part-way, so later changes stamped them with the wall clock: the
        # demo's story has every order last touched at as_of.
        s.flush()
        s.execute(update(models.Order).values(updated_at=w.as_of).execution_options(synchronize_session=False))
        uow.audit("demo_built", "database", None, seed=seed, orders=orders, as_of=w.as_of.date().isoformat())
        uow.announce(DemoBuilt())
        uow.commit()
    made.update(skus=len(w.skus), merchants=len(w.merchants), warehouses=len(w.warehouses))
    return made


# ─── the set-up document: warehouses, merchants and catalogue, promotions, people, stock ─────────


def _setup_document(w: _World) -> dict[str, list[dict]]:
    warehouses, pick_bins = _warehouses(w)
    merchants, skus, lots = _merchants_and_catalogue(w)
    return {"warehouses": warehouses, "merchants": merchants, "skus": skus, "promotions": _promotions(w),
            "users": [{"login": login, "name": name, "role": role, "badge": badge}
                      for login, name, role, _pin, badge in D.USERS],
            "stock": _opening_stock(w, skus, lots, pick_bins)}


def _warehouses(w: _World) -> tuple[list[dict], dict[str, list[str]]]:
    documents, pick_bins = [], {}
    for code, name, city, layout in (("SZ1", "Shenzhen Main DC 深圳主仓", "深圳市", SZ1_LAYOUT),
                                     ("GZ2", "Guangzhou Satellite 广州分仓", "广州市", GZ2_LAYOUT)):
        locations = []
        for aisle in range(layout["aisles"]):
            zone = "A" if aisle < max(1, layout["aisles"] // 2) else "B"
            for block in range(layout["blocks"]):
                for slot in range(layout["slots"]):
                    for level in range(1, LEVELS[code] + 1):
                        locations.append({"code": f"{code}-{zone}{aisle + 1:02d}-{block + 1}-{slot + 1:02d}-{level}",
                                          "aisle": aisle, "block": block, "slot": slot, "level": level,
                                          "kind": "pick"})
        pick_bins[code] = [loc["code"] for loc in locations]
        # Reserve: the rack's top level above every third slot holds full cases for the pick faces below.
        for aisle in range(layout["aisles"]):
            zone = "A" if aisle < max(1, layout["aisles"] // 2) else "B"
            for block in range(layout["blocks"]):
                for slot in range(0, layout["slots"], 3):
                    locations.append({"code": f"{code}-{zone}{aisle + 1:02d}-{block + 1}-{slot + 1:02d}-{LEVELS[code] + 1}",
                                      "aisle": aisle, "block": block, "slot": slot, "level": LEVELS[code] + 1,
                                      "kind": "reserve"})
        pick_bins[f"{code}-reserve"] = [loc["code"] for loc in locations if loc["kind"] == "reserve"]
        by_depot = min(int(layout["depot_x"] // layout["aisle_spacing"]), layout["aisles"] - 1)
        for slot, (kind, zone) in enumerate(SPECIAL_LOCATIONS):
            locations.append({"code": f"{code}-{zone}00-0-00-0", "aisle": by_depot, "block": 0, "slot": slot,
                              "level": LEVELS[code] + 1, "kind": kind})
        documents.append({"code": code, "name": name, "city": city, "address": f"{city}物流园 {len(code)} 号库",
                          "layout": dict(layout), "locations": locations})
    return documents, pick_bins


def _merchants_and_catalogue(w: _World) -> tuple[list[dict], list[dict], dict[str, list[tuple[str, date]]]]:
    """Merchants with their terms, their SKUs, and each lot-tracked SKU's lots (gtin → [(lot, expiry)])."""
    rng = w.rng
    per_merchant = [125, 125, 125, 125]  # 500 SKUs
    merchants, skus, lots = [], [], {}
    for (code, name, name_zh, phone, address, shelf_days, return_days, kind), count in zip(
            D.MERCHANTS, per_merchant, strict=True):
        merchants.append({"code": code, "name": f"{name} {name_zh}", "phone": phone, "address": address,
                          "return_days": return_days, "min_remaining_shelf_days": shelf_days,
                          "shipping": {"free_threshold": "99.00", "standard_fee": f"{D.DEFAULT_SHIPPING_FEE:.2f}"}})
        products = D.PRODUCTS[kind]
        company = f"69{int(code[1:]) + 20:02d}{rng.randint(100, 999)}"  # 7-digit GS1 China company prefix
        for i in range(count):
            noun, noun_zh, weight, dims, (lo, hi), fragile, lot_tracked, shelf_life = products[i % len(products)]
            variant = i // len(products)
            gtin = "0" + gtin13(company + f"{i:05d}")
            value = money(rng.uniform(lo, hi)).quantize(Decimal("1")) - Decimal("0.10")
            skus.append({
                "merchant": code, "sku": f"{code}-{i + 1:04d}", "gtin": gtin,
                "name": f"{noun} {D.VARIANTS[variant % len(D.VARIANTS)]}",
                "name_zh": f"{noun_zh}（{D.VARIANTS_ZH[variant % len(D.VARIANTS_ZH)]}）",
                "weight_g": int(weight * rng.uniform(0.9, 1.1)), "dims_mm": list(dims), "fragile": fragile,
                "unit_value": f"{value:.2f}", "lot_tracked": lot_tracked,
                "min_remaining_shelf_days": shelf_life // 6 if lot_tracked else 0,
                "low_stock_threshold": rng.choice([5, 10, 10, 20]),
            })
            sku_lots = []
            if lot_tracked:
                for n in range(rng.randint(1, 4)):
                    # Expiries from 400 days ago to three years ahead: some expired, some close.
                    days = rng.choice([-400, -30, -3, 12, 25, 45, 90, 180, 365, 540, 800, 1100])
                    days += rng.randint(0, 9)
                    sku_lots.append((f"L{w.as_of:%y%m}{i:03d}{n}", (w.as_of + timedelta(days=days)).date()))
            lots[gtin] = sku_lots
    return merchants, skus, lots


def _promotions(w: _World) -> list[dict]:
    out = []
    for code, kind, params, merchant, valid in D.PROMOTIONS:
        promotion = {"code": code, "kind": kind, **params}
        if merchant:
            promotion["merchant"] = merchant
        if valid:
            promotion["valid_from"] = (w.as_of + timedelta(days=valid[0])).isoformat()
            promotion["valid_to"] = (w.as_of + timedelta(days=valid[1])).isoformat()
        out.append(promotion)
    return out


def _opening_stock(w: _World, skus: list[dict], lots: dict[str, list[tuple[str, date]]],
                   pick_bins: dict[str, list[str]]) -> list[dict]:
    """Counted into the bins at opening: each lot in one or two SZ1 bins, a third of the range in GZ2 too.
    A bin drawn for a count of 0 stays empty (an opening balance is never 0)."""
    rng = w.rng
    sz1 = list(pick_bins["SZ1"])
    rng.shuffle(sz1)
    free = iter(sz1)
    gz2 = pick_bins["GZ2"]
    rows = []

    def line(location: str, gtin: str, lot: tuple[str, date] | None, qty: int) -> None:
        if qty:
            rows.append({"location": location, "gtin": gtin, "qty": qty}
                        | ({"lot": lot[0], "expiry": lot[1].isoformat()} if lot else {}))

    for sku in skus:
        sku_lots: list[Any] = lots[sku["gtin"]] or [None]
        for lot in sku_lots:
            for _ in range(rng.choice([1, 1, 2])):
                on_hand = rng.choice([0, 3, 8, 15, 24, 40, 60])
                location = next(free, None)
                if location is None:  # every pick bin is taken: the rest of the range is not stocked
                    break
                line(location, sku["gtin"], lot, on_hand)
        if rng.random() < 0.35:  # the satellite warehouse holds some of the range, to transfer from
            line(rng.choice(gz2), sku["gtin"], sku_lots[-1], rng.choice([10, 20, 50]))
    # Full cases in reserve for some SKUs with a pick face, one lot a bin (their own random stream,
    # so every other choice of the demo stays as it was).
    reserve_rng = random.Random(f"reserve-{w.as_of:%Y%m%d}")
    reserve = iter(pick_bins["SZ1-reserve"])
    faced = sorted({(r["gtin"], r.get("lot"), r.get("expiry")) for r in rows if r["location"].startswith("SZ1-")},
                   key=lambda k: (k[0], k[1] or ""))
    for gtin, lot, expiry in reserve_rng.sample(faced, min(len(faced), 60)):
        location = next(reserve, None)
        if location is None:
            break
        rows.append({"location": location, "gtin": gtin, "qty": reserve_rng.choice([24, 48, 72, 96])}
                    | ({"lot": lot, "expiry": expiry} if lot else {}))
    return rows


# ─── inbound: what the suppliers and the other warehouse are sending ───────────────────────────


def _notices(s: Session, w: _World) -> int:
    """Three open notices for SZ1: a supplier answering a backorder's replenishment request, a supplier's
    delivery of three lines (one lot-tracked with its lot declared), and a transfer from GZ2."""
    rng = random.Random(f"notices-{w.as_of:%Y%m%d}")
    sz1, gz2 = w.warehouses["SZ1"], w.warehouses["GZ2"]
    day = f"{w.as_of:%Y%m%d}"
    s.flush()
    R = models.ReplenishmentRequest
    requests = list(s.scalars(select(R).where(R.warehouse_id == sz1.id, R.status == "open").order_by(R.id)))
    plain = [k for k in w.skus if not k.lot_tracked]
    tracked = [k for k in w.skus if k.lot_tracked]
    made = []
    if requests:
        req = requests[0]
        sku = s.get(models.Sku, req.sku_id)
        line = models.InboundLine(line_no=1, sku=sku, expected_qty=req.qty)
        if sku.lot_tracked:
            line.lot_code, line.expiry = f"N{day[2:]}01", (w.as_of + timedelta(days=540)).date()
        made.append(models.InboundNotice(asn_no=f"ASN-SZ1-{day}-01", warehouse=sz1, source_kind="supplier",
                                         source_code=f"SUP-{sku.merchant.code}", source_name=sku.merchant.name,
                                         expected_at=w.as_of + timedelta(hours=2), replenishment_request_id=req.id,
                                         lines=[line]))
        req.status = "sent"
    lot_sku, a, b = rng.choice(tracked), *rng.sample(plain, 2)
    made.append(models.InboundNotice(
        asn_no=f"ASN-SZ1-{day}-02", warehouse=sz1, source_kind="supplier", source_code="SUP-LJ", source_name="龙井茶厂",
        expected_at=w.as_of + timedelta(hours=4),
        lines=[models.InboundLine(line_no=1, sku=lot_sku, expected_qty=24, lot_code=f"LJ{day[2:6]}",
                                  expiry=(w.as_of + timedelta(days=365)).date()),
               models.InboundLine(line_no=2, sku=a, expected_qty=12),
               models.InboundLine(line_no=3, sku=b, expected_qty=6)]))
    moved = rng.choice(plain)
    transfer = models.StockTransfer(sku_id=moved.id, from_warehouse_id=gz2.id, to_warehouse_id=sz1.id, qty=10,
                                    status="in_transit", created_at=w.as_of - timedelta(hours=20))
    s.add(transfer)
    s.flush()
    made.append(models.InboundNotice(asn_no=f"ASN-GZ2-{day}-01", warehouse=sz1, source_kind="warehouse",
                                     source_code="GZ2", source_name=gz2.name, expected_at=w.as_of + timedelta(hours=6),
                                     stock_transfer_id=transfer.id,
                                     lines=[models.InboundLine(line_no=1, sku=moved, expected_qty=10)]))
    for notice in made:
        notice.created_at = w.as_of - timedelta(hours=1)
        s.add(notice)
    s.flush()
    return len(made)


def _stock_work(uow: UnitOfWork, w: _World) -> dict[str, int]:
    """A count to do and a pick face to refill from reserve, so the receiver's tabs have work on first start."""
    from desktop.services.counts import open_bin_count
    from desktop.services.replenishment_tasks import plan_refills

    s = uow.session
    sz1 = w.warehouses["SZ1"]
    S, L = models.Stock, models.Location
    bin_ = s.scalars(select(L).join(S, S.location_id == L.id)
                     .where(L.warehouse_id == sz1.id, L.kind == "pick", S.on_hand > 0, S.reserved == 0)
                     .order_by(L.code).limit(1)).first()
    counts = 0
    if bin_ is not None:
        open_bin_count(uow, bin_, "cycle").created_at = w.as_of  # the demo's story happens at as_of
        counts = 1
    # the faced SKU with the fewest units on its pick faces that reserve holds: it is refilled first
    in_reserve = select(S.sku_id).join(L, S.location_id == L.id).where(L.warehouse_id == sz1.id, L.kind == "reserve",
                                                                      S.on_hand > 0)
    on_face = (select(S.sku_id, func.sum(S.on_hand - S.reserved).label("free")).join(L, S.location_id == L.id)
               .where(L.warehouse_id == sz1.id, L.kind == "pick", S.sku_id.in_(in_reserve))
               .group_by(S.sku_id).order_by("free", S.sku_id).limit(5))
    tasks = 0
    for sku_id, _free in s.execute(on_face).all():
        sku = s.get(models.Sku, sku_id)
        planned = plan_refills(uow, sku, sz1.id, today=w.as_of.date(), at_least=max(sku.low_stock_threshold, 12))
        for task in planned:
            task.created_at = w.as_of
        tasks = len(planned)
        if tasks:
            break
    return {"counts": counts, "refills": tasks, "transfers_to_send": _transfer_to_send(s, w)}


def _transfer_to_send(s: Session, w: _World) -> int:
    """GZ2 asks SZ1 for units of a lot-tracked SKU SZ1 holds free in two bins or more — the first bin's and
    two more — so the receiver's Transfers out tab has a walk of two stops on first start (bins in the order
    `transfers.start_walk` plans them: earliest expiry first, reserve before the pick face)."""
    sz1, gz2 = w.warehouses["SZ1"], w.warehouses["GZ2"]
    S, L, Lo, K = models.Stock, models.Location, models.Lot, models.Sku
    fresh = Lo.expiry > (w.as_of + timedelta(days=60)).date()
    candidates = (select(S.sku_id).join(L, S.location_id == L.id).join(K, S.sku_id == K.id)
                  .join(Lo, S.lot_id == Lo.id)
                  .where(L.warehouse_id == sz1.id, L.kind.in_(("pick", "reserve")), S.on_hand - S.reserved >= 2,
                         K.lot_tracked.is_(True), fresh)
                  .group_by(S.sku_id).having(func.count(S.id) >= 2).order_by(S.sku_id).limit(1))
    sku_id = s.scalar(candidates)
    if sku_id is None:
        return 0
    bins = list(s.scalars(select(S.on_hand - S.reserved).join(L, S.location_id == L.id).join(Lo, S.lot_id == Lo.id)
                          .where(S.sku_id == sku_id, L.warehouse_id == sz1.id, L.kind.in_(("pick", "reserve")),
                                 S.on_hand > S.reserved, fresh)
                          .order_by(Lo.expiry, (L.kind == "pick"), L.code)))
    s.add(models.StockTransfer(sku_id=sku_id, from_warehouse_id=sz1.id, to_warehouse_id=gz2.id,
                               qty=int(bins[0]) + min(2, int(bins[1])), status="requested",
                               requested_by=w.users["super1"].id, created_at=w.as_of - timedelta(hours=3)))
    s.flush()
    return 1


# ─── after the import: what the format does not carry, and the world the orders are made from ───


def _equipment(s: Session, w: _World) -> None:
    """Carriers, stations and totes; and the merchants' returns text printed on the packing slip."""
    for merchant in s.scalars(select(models.Merchant)):
        merchant.return_instructions = D.RETURN_INSTRUCTIONS.get(merchant.code, "")
    for name, kind in (("PICK-01", "pick"), ("PICK-02", "pick"), ("PACK-01", "pack"), ("SUP-01", "supervisor")):
        s.add(models.Station(name=name, kind=kind))
    for code, name, name_zh, definition in D.CARRIERS:
        carrier = models.Carrier(code=code, name=name, name_zh=name_zh, definition=definition)
        s.add(carrier)
        w.carriers[code] = carrier
    for n in range(1, 61):
        tote = models.Tote(code=f"TOTE-{n:05d}")
        s.add(tote)
        w.totes.append(tote)
    s.flush()


def _load_world(s: Session, w: _World) -> None:
    """What the import wrote, read back: orders are generated from the database, as intake sees it."""
    w.warehouses = {wh.code: wh for wh in s.scalars(select(models.Warehouse).order_by(models.Warehouse.id))}
    w.merchants = {m.code: m for m in s.scalars(select(models.Merchant).order_by(models.Merchant.id))}
    w.skus = list(s.scalars(select(models.Sku).order_by(models.Sku.id)))
    w.users = {u.login: u for u in s.scalars(select(models.User).order_by(models.User.id))}
    for lot in s.scalars(select(models.Lot).order_by(models.Lot.id)):
        w.lots.setdefault(lot.sku_id, []).append(lot)
    sz1 = w.warehouses["SZ1"].id
    # with their bins: the history's pick tasks name a stock row's location (a query per row otherwise)
    for st in s.scalars(select(models.Stock).join(models.Location).where(models.Location.warehouse_id == sz1)
                        .options(contains_eager(models.Stock.location)).order_by(models.Stock.id)):
        w.stock.setdefault(st.sku_id, []).append(st)


# ─── orders ─────────────────────────────────────────────────────────────────────


def _stage_for(rng: random.Random) -> OrderStatus:
    r = rng.random()
    for status, share in STAGE_MIX:
        if r < share:
            return status
        r -= share
    return OrderStatus.READY


def _customer(rng: random.Random, international: bool) -> tuple[str, str, str | None]:
    if international:
        name = rng.choice(D.INTL_NAMES)
        return name, "", f"{name.split()[0].lower()}{rng.randint(1, 99)}@example.com"
    name = rng.choice(D.SURNAMES) + rng.choice(D.GIVEN)
    if rng.random() < 0.12:  # a fixed line in Beijing or Shanghai
        phone = rng.choice(["+86 10 ", "+86 21 "]) + f"{rng.randint(5000, 8999)} {rng.randint(1000, 9999)}"
    else:
        phone = f"+86 {rng.choice(D.MOBILE_PREFIXES)} {rng.randint(1000, 9999):04d} {rng.randint(0, 9999):04d}"
    email = f"user{rng.randint(1000, 99999)}@example.cn" if rng.random() < 0.6 else None
    return name, phone, email


def _reserve(uow, w: _World, order: models.Order) -> bool:
    """Reserve every line of `order` in SZ1 the way intake does (`reserve_line`: earliest expiry
    first, lots too short-dated left out); all lines or none."""
    uow.session.flush()  # the order and its lines exist before the reservation's savepoint
    warehouse_id, today = w.warehouses["SZ1"].id, w.as_of.date()
    try:
        for line in order.lines:
            reserve_line(uow, line, warehouse_id, today)
    except InsufficientStock:
        for line in order.lines:
            if line.reservations:
                release_line(uow, line)
        return False
    return True


# What one order brings with it: let go of after its chunk is written (the world the orders are
# made from — warehouses, SKUs, stock, people, carriers, totes, manifests — stays).
PER_ORDER = (models.Order, models.OrderLine, models.OrderStatusChange, models.Reservation, models.Parcel,
             models.ParcelItem, models.Shipment, models.TrackingEvent, models.PickBatch, models.PickTask,
             models.PickEvent, models.ExceptionCase, models.ReplenishmentRequest, models.Feedback,
             models.ReturnRequest, models.ReturnLine)


def _let_go(s: Session, keep: set[int]) -> None:
    """Write what is pending and drop the chunk's orders from the session, but those in `keep` (by id())."""
    s.flush()
    for obj in list(s.identity_map.values()):
        if isinstance(obj, PER_ORDER) and id(obj) not in keep and obj in s:  # (a cascade may have taken it)
            s.expunge(obj)


def _orders(uow, w: _World, count: int, chunk: int = ORDERS_PER_CHUNK) -> dict[str, int]:
    """The orders, written `chunk` at a time. Autoflush is off: a lazy load of a world object (a bin's
    location, a lot) would otherwise flush every pending order first, a flush per query; the
    reservations flush themselves, as intake's do (`_reserve`)."""
    s: Session = uow.session
    with s.no_autoflush:
        return _orders_unflushed(uow, w, count, chunk)


def _orders_unflushed(uow, w: _World, count: int, chunk: int) -> dict[str, int]:
    s: Session = uow.session
    rng = w.rng
    sealer = uow.sealer
    skus_by_merchant: dict[str, list[models.Sku]] = {}
    for sku in w.skus:
        skus_by_merchant.setdefault(sku.merchant.code, []).append(sku)
    # The promotions were flushed already (s.new is empty by now): read them back from the session.
    promos = {(p.merchant.code if p.merchant else None, p.code): p for p in s.scalars(select(models.Promotion))}
    pickers = [w.users["picker1"], w.users["picker2"], w.users["picker3"]]
    made = {status.value: 0 for status in OrderStatus}
    picking_orders: list[models.Order] = []

    # The first orders walk through every stage once, so even a small demo has each screen's data.
    every_stage = [status for status, _ in STAGE_MIX] + [OrderStatus.READY, OrderStatus.READY]
    kept: set[int] = set()  # the orders being picked, with what _batches reads of them
    for i in range(1, count + 1):
        if i > 1 and (i - 1) % chunk == 0:
            _let_go(s, kept)
        stage = every_stage[i - 1] if i <= len(every_stage) else _stage_for(rng)
        merchant = w.merchants[rng.choice(list(w.merchants))]
        age_hours = {OrderStatus.RECEIVED: 0.5, OrderStatus.HELD: 3, OrderStatus.BACKORDERED: 12,
                     OrderStatus.READY: 1, OrderStatus.PICKING: 2}.get(stage, 30)
        if stage in (OrderStatus.DELIVERED, OrderStatus.COMPLETED, OrderStatus.REFUSED, OrderStatus.RETURNED,
                     OrderStatus.LOST):
            age_hours = 24 * rng.randint(3, 12)
        created = w.as_of - timedelta(hours=age_hours * rng.uniform(0.5, 1.5), minutes=rng.randint(0, 59))

        hold: tuple[str, str] | None = None
        hold_zh = ""  # the same finding in Chinese, for a supervisor's Chinese screen
        international = rng.random() < 0.08 and stage is not OrderStatus.HELD
        if stage is OrderStatus.HELD:  # the kinds of hold take turns, so every kind is there
            hold = [(HoldReason.ADDRESS, ""), (HoldReason.PRICE, ""), (HoldReason.PAYMENT, "")][made[OrderStatus.HELD.value] % 3]
        bad_address = hold is not None and hold[0] is HoldReason.ADDRESS or (stage is OrderStatus.RECEIVED and rng.random() < 0.15)

        name, phone, email = _customer(rng, international)
        n, b, r = rng.randint(1, 999), rng.randint(1, 30), rng.randint(101, 2808)
        if international:
            country, region, city, postcode, street, phone_tpl = rng.choice(D.INTL_ADDRESSES)
            phone = phone_tpl.format(p4=f"{rng.randint(0, 9999):04d}")
            province, district, detail = region, "", street.format(n=n, b=b, r=r)
        elif bad_address:
            province, city, district, postcode, street, bad_field = rng.choice(D.CN_BAD_ADDRESSES)
            country, detail = "CN", street.format(n=n, b=b, r=r)
            if hold:
                hold = (HoldReason.ADDRESS, f"missing or inconsistent: {bad_field}")
                hold_zh = f"地址信息缺失或不一致：{ADDRESS_FIELDS_ZH.get(bad_field, bad_field)}"
        else:
            province, city, district, postcode, street = rng.choice(D.CN_ADDRESSES)
            country, detail = "CN", street.format(n=n, b=b, r=r)

        order_no = f"{merchant.code}-{created:%Y%m%d}-{i:06d}"
        order = models.Order(
            order_no=order_no, merchant=merchant, warehouse_id=None, created_at=created,
            received_at=created + timedelta(minutes=1),
            customer_name_sealed=sealer.seal(name, "customer_name", order_no),
            customer_phone_sealed=sealer.seal(phone, "customer_phone", order_no),
            customer_phone_tail=sealer.phone_digest(phone),
            customer_email_sealed=sealer.seal(email, "customer_email", order_no) if email else None,
            ship_country=country, ship_province=province, ship_city=city, ship_district=district,
            ship_detail_sealed=sealer.seal(detail, "ship_detail", order_no), ship_postal_code=postcode,
            updated_at=w.as_of, status=OrderStatus.RECEIVED.value,
            status_history=[],  # known empty: no lazy load once a reservation has flushed the order
        )
        s.add(order)

        # Lines, from one merchant's range.
        k = rng.choices([1, 2, 3, 4], weights=[45, 30, 15, 10])[0]
        for line_no, sku in enumerate(rng.sample(skus_by_merchant[merchant.code], k), start=1):
            order.lines.append(models.OrderLine(line_no=line_no, sku=sku, qty=rng.choices([1, 2, 3], [70, 22, 8])[0],
                                                unit_price=sku.unit_value, reservations=[]))

        # Price: tier, threshold, coupons, as the mall applied them.
        order.member_tier = rng.choices([None, "silver", "gold", "platinum"], [55, 20, 18, 7])[0]
        goods = sum((ln.qty * ln.unit_price for ln in order.lines), Decimal("0"))
        coupons = []
        if goods >= Decimal("100") and rng.random() < 0.3:
            coupons.append("SAVE10")
        if stage is OrderStatus.RECEIVED and rng.random() < 0.1:
            coupons.append("OLD5")  # expired: intake will hold it
        order.coupons = coupons
        from desktop.domain.pricing import PriceRule, ShippingRegion, compute_price

        rules = [PriceRule(p.code, p.kind, p.params, p.valid_from, p.valid_to)
                 for (mc, _), p in promos.items() if mc in (None, merchant.code)]
        price = compute_price([(ln.qty, ln.unit_price) for ln in order.lines], rules=rules,
                              coupons=[c for c in coupons if c != "OLD5"], member_tier=order.member_tier, at=created,
                              free_shipping_threshold=merchant.free_shipping_threshold,
                              standard_shipping_fee=merchant.standard_shipping_fee,
                              shipping_regions=ShippingRegion.from_terms(merchant.shipping_regions), province=province)
        order.goods_total, order.discount_total, order.shipping_fee = price.goods_total, price.discount_total, price.shipping_fee
        order.total_charged = price.payable
        if hold and hold[0] is HoldReason.PRICE:
            order.total_charged = price.payable - Decimal("5.00") if price.payable > 5 else price.payable + 5
            hold = (HoldReason.PRICE, f"charged {order.total_charged}, rules give {price.payable}")
            hold_zh = f"实收 {order.total_charged}，按规则应为 {price.payable}"
        order.currency = "CNY"

        # Payment.
        method = PaymentMethod.COD if (country == "CN" and rng.random() < 0.12) else PaymentMethod.ONLINE
        status_pay = PaymentStatus.PENDING if method is PaymentMethod.COD else PaymentStatus.PAID
        if hold and hold[0] is HoldReason.PAYMENT:
            method, status_pay = PaymentMethod.ONLINE, rng.choice([PaymentStatus.PENDING, PaymentStatus.FAILED])
            hold = (HoldReason.PAYMENT, f"payment {status_pay}")
            hold_zh = "支付未完成" if status_pay is PaymentStatus.PENDING else "支付失败"
        elif stage is OrderStatus.RECEIVED and (i == 1 or rng.random() < 0.08):
            method, status_pay = PaymentMethod.ONLINE, PaymentStatus.FAILED
        order.payment_method, order.payment_status = method, status_pay
        order.payment_txn = f"T{rng.randint(10**9, 10**10 - 1)}" if status_pay is PaymentStatus.PAID else None
        order.cod_amount = order.total_charged if method is PaymentMethod.COD else None

        # Priority.
        order.priority_class = rng.choices([PriorityClass.NORMAL, PriorityClass.EXPEDITED, PriorityClass.URGENT], [77, 15, 8])[0]
        order.gift = rng.random() < 0.06
        hours = {PriorityClass.URGENT: 4, PriorityClass.EXPEDITED: 12, PriorityClass.NORMAL: 48}[order.priority_class]
        order.promised_ship_by = created + timedelta(hours=hours)

        # Reserve stock for orders that reached ready; fall back to backorder when the shelves are bare.
        path = list(PATH[stage])
        if OrderStatus.READY in path and stage in (OrderStatus.READY, OrderStatus.PICKING):
            if not _reserve(uow, w, order):
                path, stage = [OrderStatus.BACKORDERED], OrderStatus.BACKORDERED
        if stage is not OrderStatus.RECEIVED:
            order.warehouse = w.warehouses["SZ1"]
        if stage in (OrderStatus.HELD, OrderStatus.BACKORDERED, OrderStatus.READY, OrderStatus.PICKING,
                     OrderStatus.PICKED, OrderStatus.PACKED):  # the work still to do is what priority orders
            order.priority_score = priority_score(order.priority_class, order.promised_ship_by, order.gift, created, w.as_of)

        # Walk the path, recording when each stage was reached.
        when = order.received_at
        prev = OrderStatus.RECEIVED
        reached: dict[OrderStatus, datetime] = {OrderStatus.RECEIVED: when}
        order.status_history.append(models.OrderStatusChange(from_status=None, to_status=OrderStatus.RECEIVED, at=when))
        for target in path:
            when = when + timedelta(hours=STAGE_HOURS[target] * rng.uniform(0.4, 1.8))
            when = min(when, w.as_of - timedelta(minutes=1))
            reason = None
            if target is OrderStatus.HELD:
                reason = hold[1] if hold else "customer asked to cancel"
                order.hold_reason, order.hold_detail = (hold[0] if hold else HoldReason.CUSTOMER), reason
            order.status_history.append(models.OrderStatusChange(from_status=prev.value, to_status=target.value,
                                                                 at=when, reason=reason))
            reached[target] = when
            prev = target
        order.status = stage.value
        if stage not in (OrderStatus.HELD, OrderStatus.CANCELLED):
            order.hold_reason = order.hold_detail = None
        made[stage.value] += 1

        if stage is OrderStatus.HELD:
            s.add(models.ExceptionCase(kind=f"{hold[0]}_hold", order=order, detail={"reason": hold[1], "reason_zh": hold_zh},
                                       created_at=when))
        if stage is OrderStatus.BACKORDERED:
            for ln in order.lines:
                s.add(models.ReplenishmentRequest(sku=ln.sku, warehouse=w.warehouses["SZ1"], reason="backorder",
                                                  qty=max(ln.qty * 10, ln.sku.low_stock_threshold * 2),
                                                  created_at=when))
        if stage is OrderStatus.PICKING:
            picking_orders.append(order)
            kept.update(id(x) for x in (order, *order.lines, *order.status_history,
                                        *(res for ln in order.lines for res in ln.reservations)))
        if OrderStatus.PICKED in path:
            for ln in order.lines:
                ln.picked_qty = ln.qty
            _picked_history(s, w, order, reached[OrderStatus.PICKING], reached[OrderStatus.PICKED], pickers)
        if OrderStatus.PACKED in path:
            _pack(s, w, order, reached[OrderStatus.PACKED])
        if OrderStatus.SHIPPED in path:
            _ship(s, w, order, stage, reached[OrderStatus.SHIPPED])
        if stage is OrderStatus.COMPLETED and rng.random() < 0.6:
            score = rng.choices([5, 4, 3, 2, 1], [50, 25, 12, 8, 5])[0]
            category = rng.choice(["delivery_speed", "packaging", "product_quality", "service"])
            s.add(models.Feedback(order=order, score=score, category=category, at=when))
    _batches(s, w, picking_orders, pickers)
    return made


def _earliest_good_lot(w: _World, sku: models.Sku) -> models.Lot | None:
    good = [lot for lot in w.lots.get(sku.id, []) if lot.expiry and lot.expiry > w.as_of.date()]
    return min(good, key=lambda lot: lot.expiry) if good else None


def _pack_items(lines: list[models.OrderLine]) -> list[rules.PackItem]:
    return [rules.PackItem(ln.sku.sku_code, ln.qty, ln.sku.weight_g, ln.sku.length_mm, ln.sku.width_mm,
                           ln.sku.height_mm, ln.sku.fragile, ln.sku.name) for ln in lines]


def _pack(s: Session, w: _World, order: models.Order, when: datetime) -> None:
    """The order's parcels as a packer closed them: the bench's carton, weight, carrier and insurance
    rules (`desktop.domain.packing`), with a scale reading a few grams off the expected weight."""
    rng = w.rng
    lines = list(order.lines)
    weight = sum(ln.sku.weight_g * ln.qty for ln in lines)
    groups = [lines] if len(lines) < 3 and weight <= 6000 else [lines[: (len(lines) + 1) // 2], lines[(len(lines) + 1) // 2:]]
    groups = [g for g in groups if g]
    carriers = _carrier_definitions(w)
    destination = rules.Destination(order.ship_country, order.ship_province)
    for seq, group in enumerate(groups, start=1):
        w.parcel_seq += 1
        items = _pack_items(group)
        carton = rules.suggest_carton(items).carton
        expected = rules.expected_weight(items, carton)
        value = sum((ln.unit_price * ln.qty for ln in group), Decimal("0"))
        parcel = models.Parcel(
            code=f"PCL-{w.parcel_seq:010d}", order=order, seq=seq, of=len(groups), carton=carton.code,
            expected_weight_g=expected, actual_weight_g=expected + rng.randint(-12, 12),
            insured_value=rules.insure(value), status="labelled",
            packed_at=when, label_printed_at=when,
        )
        parcel.packer = w.users[rng.choice(["packer1", "packer2"])]
        for ln in group:
            ln.packed_qty = ln.qty
            parcel.contents.append(models.ParcelItem(line=ln, lot=_earliest_good_lot(w, ln.sku), qty=ln.qty))
        # The carrier is chosen and the tracking number issued at packing: the label carries it.
        choice = rules.choose_carrier(carriers, destination, parcel.actual_weight_g, order.priority_class,
                                      order.payment_method == PaymentMethod.COD, value)
        carrier = w.carriers[choice.carrier]
        parcel.shipment = models.Shipment(
            order=order, carrier=carrier, service=choice.service, tracking_no=_tracking_number(w, carrier),
            status="created", insured_value=parcel.insured_value, cost=choice.cost)
        s.add(parcel)


def _carrier_definitions(w: _World) -> list[rules.CarrierDefinition]:
    return [rules.CarrierDefinition(c.code, c.name, c.name_zh, c.definition)
            for _, c in sorted(w.carriers.items())]


def _tracking_number(w: _World, carrier: models.Carrier) -> str:
    """The carrier's own format (`rules.tracking_number`) over a deterministic serial."""
    w.tracking_seq += 1
    if carrier.definition.get("tracking_format") == "S10":
        serial = 10_000_000 + w.tracking_seq * 7919
    else:
        serial = w.tracking_seq * 104729 + 3_000_000_000
    return rules.tracking_number(carrier.definition, serial)


def _manifest(s: Session, w: _World, carrier: models.Carrier, shipped_at: datetime) -> models.Manifest:
    """The carrier's hand-over of that day, closed when the truck left."""
    key = (carrier.code, shipped_at.date())
    manifest = w.manifests.get(key)
    if manifest is None:
        manifest = models.Manifest(carrier=carrier, warehouse=w.warehouses["SZ1"], day=shipped_at.date(),
                                   status="closed", closed_at=shipped_at)
        s.add(manifest)
        w.manifests[key] = manifest
    manifest.closed_at = max(manifest.closed_at, shipped_at)
    return manifest


def _picked_history(s: Session, w: _World, order: models.Order, started: datetime, picked: datetime,
                    pickers: list[models.User]) -> None:
    """A finished batch for an order that was picked: its stops and the scans that confirmed them."""
    rng = w.history_rng  # its own stream: adding history leaves every other demo choice as it was
    picker = pickers[order.id % len(pickers) if order.id else rng.randrange(len(pickers))]
    batch = models.PickBatch(code=f"H{w.as_of:%y%m%d}-{w.history_seq:04d}", warehouse=w.warehouses["SZ1"],
                             status=BatchStatus.DONE, created_at=started, started_at=started, finished_at=picked,
                             priority_score=order.priority_score)
    w.history_seq += 1
    batch.picker = picker
    span = max((picked - started).total_seconds(), 60.0)
    lines = [ln for ln in order.lines if w.stock.get(ln.sku.id, [])]
    for n, ln in enumerate(lines, start=1):
        st = w.stock.get(ln.sku.id, [])[0]
        task = models.PickTask(line=ln, stock=st, location=st.location, lot=st.lot, qty=ln.qty, picked_qty=ln.qty,
                               seq=n, status="picked", picked_at=started + timedelta(seconds=span * n / (len(lines) + 1)))
        batch.tasks.append(task)
        if rng.random() < 0.06:  # a wrong scan first, refused at the shelf
            s.add(models.PickEvent(action_id=f"demo-{order.order_no}-{n}-e", task=task, user=picker, qty=0,
                                   kind="error", at=task.picked_at - timedelta(seconds=20),
                                   detail={"reason": rng.choice(["wrong_item", "wrong_location", "wrong_lot"])}))
        s.add(models.PickEvent(action_id=f"demo-{order.order_no}-{n}", task=task, user=picker, qty=ln.qty,
                               kind="pick", at=task.picked_at, detail={"batch": batch.code}))
    if lines:
        batch.route_distance_m = plan_stops(w.warehouses["SZ1"].layout, batch.tasks)
        s.add(batch)


def _ship(s: Session, w: _World, order: models.Order, stage: OrderStatus, packed_at: datetime) -> None:
    rng = w.rng
    shipped_at = min(packed_at, w.as_of - timedelta(minutes=5))
    days = 0
    for parcel in order.parcels:
        shipment = parcel.shipment
        carrier = shipment.carrier  # each parcel goes with the carrier packing chose for it
        service_days = carrier.definition["services"][shipment.service]["days"]
        days = max(days, service_days)
        manifest = _manifest(s, w, carrier, shipped_at)
        shipment.status, shipment.shipped_at = "in_transit", shipped_at
        shipment.eta = shipped_at + timedelta(days=service_days)
        shipment.manifest = manifest
        parcel.status = "shipped"
        events = [("picked_up", shipped_at, "深圳南山揽收点"), ("in_transit", shipped_at + timedelta(hours=6), "深圳转运中心")]
        if rng.random() < 0.1:
            events.append(("delayed", shipped_at + timedelta(hours=20), "天气原因延误 weather delay"))
        final = {OrderStatus.DELIVERED: "delivered", OrderStatus.COMPLETED: "delivered",
                 OrderStatus.REFUSED: "refused", OrderStatus.RETURNED: "refused", OrderStatus.LOST: "lost"}.get(stage)
        if final:
            arrive = shipped_at + timedelta(days=service_days, hours=rng.randint(-6, 18))
            arrive = min(arrive, w.as_of - timedelta(minutes=3))
            if final != "lost":
                events.append(("out_for_delivery", arrive - timedelta(hours=3), f"{order.ship_city}派送中"))
            events.append((final, arrive, order.ship_city or order.ship_country))
            shipment.status = final
            if final == "delivered":
                shipment.delivered_at = arrive
        for kind, at, place in events:
            at = min(at, w.as_of - timedelta(minutes=2))
            shipment.events.append(models.TrackingEvent(at=at, kind=kind, place=place, source="demo",
                                                        eta=shipment.eta if kind == "in_transit" else None))
        s.add(shipment)
    if stage in (OrderStatus.REFUSED, OrderStatus.RETURNED):
        w.tracking_seq += 1
        rma = models.ReturnRequest(rma_no=f"RMA-{w.as_of:%y%m%d}-{w.tracking_seq:05d}", order=order, reason="refused",
                                   status="received" if stage is OrderStatus.RETURNED else "approved",
                                   created_at=shipped_at + timedelta(days=days))
        if stage is OrderStatus.RETURNED:
            rma.received_at = w.as_of - timedelta(hours=2)
            for ln in order.lines:
                rma.lines.append(models.ReturnLine(line=ln, qty=ln.qty, decision="restock",
                                                   checklist={"unused": True, "packaging_intact": True}))
        s.add(rma)



def _batches(s: Session, w: _World, orders: list[models.Order], pickers: list[models.User]) -> None:
    """Orders being picked, in batches of up to three, one tote each, stops in walking order."""
    from desktop.services.routes import plan_stops

    totes = iter(w.totes)
    for n, start in enumerate(range(0, len(orders), 3), start=1):
        group = orders[start:start + 3]
        picker = pickers[(n - 1) % len(pickers)]
        batch = models.PickBatch(code=f"B{w.as_of:%y%m%d}-{n:03d}", warehouse=w.warehouses["SZ1"],
                                 status=BatchStatus.ASSIGNED, priority_score=max(o.priority_score for o in group),
                                 created_at=w.as_of - timedelta(minutes=30))
        batch.picker = picker
        stops = []
        for order in group:
            order.assigned_picker = picker
            tote = next(totes, None)
            if tote is None:  # a large demo needs more totes than the standard sixty
                tote = models.Tote(code=f"TOTE-{len(w.totes) + 1:05d}")
                w.totes.append(tote)
                s.add(tote)
            tote.status, tote.batch = "in_use", batch
            for ln in order.lines:
                for res in ln.reservations:
                    stops.append(models.PickTask(line=ln, stock=res.stock, location=res.stock.location,
                                                 lot=res.stock.lot, tote=tote, qty=res.qty, seq=0))
        batch.route_distance_m = plan_stops(w.warehouses["SZ1"].layout, stops)
        batch.tasks.extend(stops)
        s.add(batch)
