"""The central database: one schema for the whole order lifecycle, on SQLite and PostgreSQL.

SQLAlchemy 2.0 typed declarative mapping. Money is `Decimal` stored as integer cents; times are
timezone-aware UTC. Customer names, phones, e-mails and street details are stored only sealed
(AES-GCM, see `desktop.security.crypto`); the coarse address (country, province, city, district, postal
code) stays readable because carrier rules and reports need it.

Rows that people edit carry `version` (optimistic locking through SQLAlchemy's version_id_col).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from desktop.db.types import Money, UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# A BIGINT primary key on PostgreSQL that SQLite still treats as its ROWID alias.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        datetime: UTCDateTime(),
        Decimal: Money(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


# ─── the warehouse ──────────────────────────────────────────────────────────────


class Warehouse(Base):
    __tablename__ = "warehouses"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    city: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    # The rectangular layout of docs/routing.md: aisles, blocks, block_length, aisle_spacing, slots, depot_x.
    layout: Mapped[dict[str, Any]] = mapped_column(default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    locations: Mapped[list[Location]] = relationship(back_populates="warehouse")


class Merchant(Base):
    __tablename__ = "merchants"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    return_instructions: Mapped[str] = mapped_column(Text, default="")
    # Days a no-reason return is accepted (unused, packaging intact); warranty days for quality problems.
    return_days: Mapped[int] = mapped_column(Integer, default=7)
    warranty_days: Mapped[int] = mapped_column(Integer, default=365)
    # Minimum remaining shelf life in days the merchant requires at shipping (0: SKU's own rule only).
    min_remaining_shelf_days: Mapped[int] = mapped_column(Integer, default=0)
    # The fee the mall charges (warehouse-setup.md): standard unless goods − discounts reach the
    # threshold (None: never free); a destination province listed in `shipping_regions`
    # ([{"provinces": [...], "fee": "20.00"}, ...], first match wins) pays that region's fee instead.
    free_shipping_threshold: Mapped[Decimal | None] = mapped_column(nullable=True)
    standard_shipping_fee: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    shipping_regions: Mapped[list[Any]] = mapped_column(default=list)
    # 合单 (docs/intake.md, Merges): False when the merchant opts out of merging its buyers' orders.
    merge_orders: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class MallSetting(Base):
    """A setting of the mall the warehouse serves, by name (`merge_window_minutes`: {"minutes": 30})."""

    __tablename__ = "mall_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Sku(Base):
    __tablename__ = "skus"
    __table_args__ = (
        UniqueConstraint("merchant_id", "sku_code"),
        CheckConstraint("weight_g >= 0", name="weight_nonneg"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"), index=True)
    sku_code: Mapped[str] = mapped_column(String(40))
    gtin: Mapped[str] = mapped_column(String(14), unique=True)  # normalised to GTIN-14
    name: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    weight_g: Mapped[int] = mapped_column(Integer)
    length_mm: Mapped[int] = mapped_column(Integer)
    width_mm: Mapped[int] = mapped_column(Integer)
    height_mm: Mapped[int] = mapped_column(Integer)
    fragile: Mapped[bool] = mapped_column(Boolean, default=False)
    unit_value: Mapped[Decimal]
    lot_tracked: Mapped[bool] = mapped_column(Boolean, default=False)
    min_remaining_shelf_days: Mapped[int] = mapped_column(Integer, default=0)
    low_stock_threshold: Mapped[int] = mapped_column(Integer, default=0)
    # Pre-sale (预售): orders for it wait, received, until this day (UTC) and then pass intake (0017).
    presale_ships_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    image: Mapped[str | None] = mapped_column(String(200), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    merchant: Mapped[Merchant] = relationship()


class Lot(Base):
    __tablename__ = "lots"
    __table_args__ = (UniqueConstraint("sku_id", "lot_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"), index=True)
    lot_code: Mapped[str] = mapped_column(String(20))
    expiry: Mapped[date | None] = mapped_column(Date, nullable=True)

    sku: Mapped[Sku] = relationship()


class Location(Base):
    __tablename__ = "locations"
    __table_args__ = (UniqueConstraint("warehouse_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"), index=True)
    # "SZ1-A03-1-07-2": warehouse, zone+aisle, block, slot, level. Its barcode is "LOC-" + code.
    code: Mapped[str] = mapped_column(String(32))
    zone: Mapped[str] = mapped_column(String(2))
    aisle: Mapped[int] = mapped_column(Integer)
    block: Mapped[int] = mapped_column(Integer)
    slot: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer)
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(12), default="pick")  # pick, reserve, quarantine, returns, dock
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    warehouse: Mapped[Warehouse] = relationship(back_populates="locations")


class Stock(Base):
    """Units of one lot of one SKU in one location. Never negative; never more reserved than held."""

    __tablename__ = "stock"
    __table_args__ = (
        UniqueConstraint("location_id", "sku_id", "lot_id"),
        CheckConstraint("on_hand >= 0", name="on_hand_nonneg"),
        CheckConstraint("reserved >= 0", name="reserved_nonneg"),
        CheckConstraint("reserved <= on_hand", name="reserved_le_on_hand"),
        Index("ix_stock_sku_lot", "sku_id", "lot_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"), index=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"), nullable=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    location: Mapped[Location] = relationship()
    sku: Mapped[Sku] = relationship()
    lot: Mapped[Lot | None] = relationship()

    __mapper_args__ = {"version_id_col": version}


class StockMovement(Base):
    """One change of on-hand in one location (the ledger: append-only; `desktop.services.stock`).

    Summing `delta` by (location, SKU, lot) from the first row gives `stock.on_hand` for every row."""

    __tablename__ = "stock_movements"
    __table_args__ = (
        CheckConstraint("delta <> 0", name="delta_nonzero"),
        Index("ix_stock_movements_sku_location", "sku_id", "location_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"), nullable=True)
    delta: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # desktop.domain.stock.MovementKind
    ref: Mapped[str | None] = mapped_column(String(64), nullable=True)  # order no., ASN no., count id …
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    station: Mapped[str | None] = mapped_column(String(40), nullable=True)


class StockTransfer(Base):
    """Stock moved between warehouses (a short pick may be filled from another warehouse)."""

    __tablename__ = "stock_transfers"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"), nullable=True)
    from_warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    to_warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    qty: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), default="requested")  # requested, in_transit, received, cancelled
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    received_at: Mapped[datetime | None] = mapped_column(nullable=True)
    # 0011: who asked, the sending warehouse's pick batch (kind "transfer") and when it left
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("pick_batches.id"), nullable=True)
    shipped_at: Mapped[datetime | None] = mapped_column(nullable=True)

    sku: Mapped[Sku] = relationship()
    lot: Mapped[Lot | None] = relationship()
    from_warehouse: Mapped[Warehouse] = relationship(foreign_keys=[from_warehouse_id])
    to_warehouse: Mapped[Warehouse] = relationship(foreign_keys=[to_warehouse_id])


class ReplenishmentRequest(Base):
    __tablename__ = "replenishment_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"), index=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    qty: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(20))  # low_stock, backorder, short_pick
    status: Mapped[str] = mapped_column(String(12), default="open")  # open, sent, received, cancelled
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    sku: Mapped[Sku] = relationship()
    warehouse: Mapped[Warehouse] = relationship()


class ReplenishmentTask(Base):
    """Refill a pick face from a reserve bin: a receiver scans the reserve bin, the item, the quantity, the face."""

    __tablename__ = "replenishment_tasks"
    __table_args__ = (
        CheckConstraint("qty > 0", name="qty_positive"),
        Index("ix_replenishment_tasks_status_warehouse", "status", "warehouse_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"), nullable=True)
    from_location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    to_location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    qty: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open, done, cancelled
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(nullable=True)
    done_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    sku: Mapped[Sku] = relationship()
    lot: Mapped[Lot | None] = relationship()
    from_location: Mapped[Location] = relationship(foreign_keys=[from_location_id])
    to_location: Mapped[Location] = relationship(foreign_keys=[to_location_id])

    __mapper_args__ = {"version_id_col": version}


class StockCount(Base):
    """A cycle count of one bin or one SKU. Blind: the counter never sees the expected figure."""

    __tablename__ = "stock_counts"

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"), nullable=True)
    sku_id: Mapped[int | None] = mapped_column(ForeignKey("skus.id"), nullable=True)
    reason: Mapped[str] = mapped_column(String(20), default="cycle")  # cycle, short_pick
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)  # open, review, closed
    round: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    counted_at: Mapped[datetime | None] = mapped_column(nullable=True)
    counted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(nullable=True)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    location: Mapped[Location | None] = relationship()
    sku: Mapped[Sku | None] = relationship()
    lines: Mapped[list[StockCountLine]] = relationship(back_populates="count", order_by="StockCountLine.id")

    __mapper_args__ = {"version_id_col": version}


class StockCountLine(Base):
    """What was counted of one SKU and lot in one bin, in one round.

    `expected_qty` and `variance` are deferred and, on PostgreSQL, not readable by a receiver's
    station (`desktop.db.roles.HIDDEN`): the counter's screen cannot show what it cannot read.
    """

    __tablename__ = "stock_count_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    count_id: Mapped[int] = mapped_column(ForeignKey("stock_counts.id"), index=True)
    round: Mapped[int] = mapped_column(Integer, default=1)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"), nullable=True)
    counted_qty: Mapped[int] = mapped_column(Integer)
    expected_qty: Mapped[int] = mapped_column(Integer, deferred=True)
    variance: Mapped[int] = mapped_column(Integer, deferred=True)
    # within, review (over the tolerance, waiting for a supervisor), adjusted, recounted
    outcome: Mapped[str] = mapped_column(String(10), default="within")

    count: Mapped[StockCount] = relationship(back_populates="lines")
    location: Mapped[Location] = relationship()
    sku: Mapped[Sku] = relationship()
    lot: Mapped[Lot | None] = relationship()


# ─── inbound: notices, what was received, put-away ──────────────────────────────


class InboundNotice(Base):
    """An advance shipping notice (../shared/formats/inbound.md): what a supplier or warehouse is sending."""

    __tablename__ = "inbound_notices"
    __table_args__ = (
        CheckConstraint("source_kind IN ('supplier', 'warehouse', 'return')", name="source_kind"),
        CheckConstraint("status IN ('expected', 'receiving', 'closed')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    asn_no: Mapped[str] = mapped_column(String(40), unique=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"), index=True)
    source_kind: Mapped[str] = mapped_column(String(10))
    source_code: Mapped[str] = mapped_column(String(32))
    source_name: Mapped[str] = mapped_column(String(120), default="")
    expected_at: Mapped[datetime | None] = mapped_column(nullable=True)
    replenishment_request_id: Mapped[int | None] = mapped_column(ForeignKey("replenishment_requests.id"),
                                                                  nullable=True)
    stock_transfer_id: Mapped[int | None] = mapped_column(ForeignKey("stock_transfers.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(10), default="expected", index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    warehouse: Mapped[Warehouse] = relationship()
    lines: Mapped[list[InboundLine]] = relationship(back_populates="notice", order_by="InboundLine.line_no",
                                                    cascade="all, delete-orphan")
    receipts: Mapped[list[InboundReceipt]] = relationship(back_populates="notice", order_by="InboundReceipt.id",
                                                          cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class InboundLine(Base):
    __tablename__ = "inbound_lines"
    __table_args__ = (UniqueConstraint("notice_id", "line_no"), CheckConstraint("expected_qty > 0", name="qty"))

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("inbound_notices.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    lot_code: Mapped[str | None] = mapped_column(String(20), nullable=True)  # declared; the scan counts
    expiry: Mapped[date | None] = mapped_column(Date, nullable=True)
    expected_qty: Mapped[int] = mapped_column(Integer)

    notice: Mapped[InboundNotice] = relationship(back_populates="lines")
    sku: Mapped[Sku] = relationship()


class InboundReceipt(Base):
    """Units scanned at the dock against a notice, and the receiver's decision on them."""

    __tablename__ = "inbound_receipts"
    __table_args__ = (
        CheckConstraint("qty > 0", name="qty"),
        CheckConstraint("decision IN ('accept', 'quarantine', 'refuse')", name="decision"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("inbound_notices.id"), index=True)
    line_id: Mapped[int | None] = mapped_column(ForeignKey("inbound_lines.id"), nullable=True)  # None: unexpected
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    lot_code: Mapped[str | None] = mapped_column(String(20), nullable=True)
    expiry: Mapped[date | None] = mapped_column(Date, nullable=True)
    qty: Mapped[int] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(String(10))
    issues: Mapped[str] = mapped_column(String(80), default="")  # over, unexpected, lot_differs, expired, short_dated
    reason: Mapped[str] = mapped_column(String(200), default="")
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"), nullable=True)  # the dock
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)

    notice: Mapped[InboundNotice] = relationship(back_populates="receipts")
    line: Mapped[InboundLine | None] = relationship()
    sku: Mapped[Sku] = relationship()


# ─── orders ─────────────────────────────────────────────────────────────────────


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_status_priority", "status", "priority_score"),
        Index("ix_orders_status_ship_by", "status", "promised_ship_by"),  # the console's floor board
        Index("ix_orders_status_class_wave", "status", "priority_class", "wave_id"),  # urgent arrivals mid-wave
        # 0017: the order list's keyset pages, intake's waiting list, a report's period, ship-by sorts
        Index("ix_orders_priority_no", "priority_score", "order_no"),
        Index("ix_orders_status_received", "status", "received_at", "id"),
        Index("ix_orders_received_at", "received_at"),
        Index("ix_orders_ship_by", "promised_ship_by"),
        Index("ix_orders_phone_tail", "customer_phone_tail"),  # 0018: a supervisor's search by the phone's last digits
        CheckConstraint("total_charged >= 0", name="total_nonneg"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_no: Mapped[str] = mapped_column(String(40), unique=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"), index=True)
    warehouse_id: Mapped[int | None] = mapped_column(ForeignKey("warehouses.id"), nullable=True)
    created_at: Mapped[datetime]
    received_at: Mapped[datetime] = mapped_column(default=utcnow)

    # Customer contact, sealed (AES-GCM). See desktop.security.crypto. Deferred (loaded when first
    # touched): a picker's or receiver's database role may not read them (desktop/db/roles.py), so
    # loading an order must not ask for them.
    customer_name_sealed: Mapped[bytes] = mapped_column(LargeBinary, deferred=True, deferred_group="sealed")
    customer_phone_sealed: Mapped[bytes] = mapped_column(LargeBinary, deferred=True, deferred_group="sealed")
    customer_email_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True,
                                                                deferred_group="sealed")
    # The keyed digest of the phone's last four digits (desktop.security.crypto.phone_tail_digest), made
    # under the key that seals the phone, written with it. Only supervisors and admins read it
    # (desktop/db/roles.py); a packer writes it (a reship) but never reads it, so it is a group of its own.
    # NULL: sealed before migration 0018 (`pickdesk keys reindex-phones` fills it) or fewer than four digits.
    customer_phone_tail: Mapped[bytes | None] = mapped_column(LargeBinary(16), nullable=True, deferred=True,
                                                              deferred_group="phone_tail")
    ship_country: Mapped[str] = mapped_column(String(2))
    ship_province: Mapped[str] = mapped_column(String(40), default="")
    ship_city: Mapped[str] = mapped_column(String(60), default="")
    ship_district: Mapped[str] = mapped_column(String(60), default="")
    ship_detail_sealed: Mapped[bytes] = mapped_column(LargeBinary, deferred=True, deferred_group="sealed")
    ship_postal_code: Mapped[str] = mapped_column(String(16), default="")

    coupons: Mapped[list[Any]] = mapped_column(default=list)
    member_tier: Mapped[str | None] = mapped_column(String(20), nullable=True)
    goods_total: Mapped[Decimal]
    shipping_fee: Mapped[Decimal]
    discount_total: Mapped[Decimal]
    total_charged: Mapped[Decimal]
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    payment_method: Mapped[str] = mapped_column(String(8))  # online, cod
    payment_status: Mapped[str] = mapped_column(String(8))  # paid, pending, failed
    payment_txn: Mapped[str | None] = mapped_column(String(64), nullable=True)
    cod_amount: Mapped[Decimal | None] = mapped_column(nullable=True)

    priority_class: Mapped[str] = mapped_column(String(10), default="normal")  # normal, expedited, urgent
    priority_score: Mapped[float] = mapped_column(Float, default=0.0)
    promised_ship_by: Mapped[datetime | None] = mapped_column(nullable=True)
    gift: Mapped[bool] = mapped_column(Boolean, default=False)

    status: Mapped[str] = mapped_column(String(12), default="received", index=True)
    hold_reason: Mapped[str | None] = mapped_column(String(12), nullable=True)
    hold_detail: Mapped[str | None] = mapped_column(String(300), nullable=True)
    intake_outcome: Mapped[dict[str, Any]] = mapped_column(default=dict)  # per gate: passed / held / note
    assigned_picker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    # The wave that planned this order into a cart (docs/waves.md); NULL: not in a wave.
    wave_id: Mapped[int | None] = mapped_column(ForeignKey("waves.id"), nullable=True, index=True)
    # Order shaping at intake (0019, docs/intake.md): a keyed digest of the buyer and the address
    # (never the data itself), the merged shipment (合单) the order ships in, and for a shipment split
    # off an order another warehouse fills (拆单), the order it belongs to.
    buyer_digest: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    merge_group_id: Mapped[int | None] = mapped_column(ForeignKey("order_groups.id"), nullable=True, index=True)
    split_of_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), nullable=True, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    merchant: Mapped[Merchant] = relationship()
    merge_group: Mapped[OrderGroup | None] = relationship(back_populates="orders")
    split_of: Mapped[Order | None] = relationship(remote_side="Order.id", back_populates="split_parts")
    split_parts: Mapped[list[Order]] = relationship(back_populates="split_of", order_by="Order.id")
    warehouse: Mapped[Warehouse | None] = relationship()
    assigned_picker: Mapped[User | None] = relationship()
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", order_by="OrderLine.line_no", cascade="all, delete-orphan"
    )
    parcels: Mapped[list[Parcel]] = relationship(back_populates="order", order_by="Parcel.seq")
    status_history: Mapped[list[OrderStatusChange]] = relationship(
        back_populates="order", order_by="OrderStatusChange.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class OrderGroup(Base):
    """A merged shipment (合单): orders of one buyer to one address from one merchant, arrived within
    the mall's merge window, picked, packed and labelled as one. Each order keeps its number, prices
    and audit; `orders.merge_group_id` names the group. Status: open (members may still join or
    leave), closed (picking began, or fewer than two members remain)."""

    __tablename__ = "order_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)  # "MG-000012"
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"))
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    buyer_digest: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(8), default="open")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    orders: Mapped[list[Order]] = relationship(back_populates="merge_group", order_by="Order.id")


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (
        UniqueConstraint("order_id", "line_no"),
        CheckConstraint("qty > 0", name="qty_positive"),
        CheckConstraint("picked_qty >= 0 AND picked_qty <= qty", name="picked_in_range"),
        CheckConstraint("packed_qty >= 0 AND packed_qty <= picked_qty", name="packed_in_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    qty: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal]
    picked_qty: Mapped[int] = mapped_column(Integer, default=0)
    packed_qty: Mapped[int] = mapped_column(Integer, default=0)
    short_qty: Mapped[int] = mapped_column(Integer, default=0)
    substitute_for_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"), nullable=True)

    order: Mapped[Order] = relationship(back_populates="lines")
    sku: Mapped[Sku] = relationship()
    reservations: Mapped[list[Reservation]] = relationship(back_populates="line", cascade="all, delete-orphan")


class Reservation(Base):
    """Units of a stock row held for an order line (earliest expiry first)."""

    __tablename__ = "reservations"
    __table_args__ = (CheckConstraint("qty > 0", name="qty_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), index=True)
    stock_id: Mapped[int] = mapped_column(ForeignKey("stock.id"), index=True)
    qty: Mapped[int] = mapped_column(Integer)

    line: Mapped[OrderLine] = relationship(back_populates="reservations")
    stock: Mapped[Stock] = relationship()


class OrderStatusChange(Base):
    """Each status an order passed through, with when and by whom: the figures' time per stage."""

    __tablename__ = "order_status_changes"
    __table_args__ = (Index("ix_status_changes_to_at", "to_status", "at"),)  # a period's figures (0017)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(12), nullable=True)
    to_status: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    reason: Mapped[str | None] = mapped_column(String(300), nullable=True)

    order: Mapped[Order] = relationship(back_populates="status_history")


class Promotion(Base):
    """A price rule in force: coupon, member-tier discount, spend-threshold reduction (满减), percent off.

    The code is the key (warehouse-setup.md); no merchant means every merchant.
    """

    __tablename__ = "promotions"

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int | None] = mapped_column(ForeignKey("merchants.id"), index=True, nullable=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(12))  # coupon, tier, threshold, percent
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    valid_from: Mapped[datetime | None] = mapped_column(nullable=True)
    valid_to: Mapped[datetime | None] = mapped_column(nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    merchant: Mapped[Merchant | None] = relationship()


# ─── picking ────────────────────────────────────────────────────────────────────


class Tote(Base):
    __tablename__ = "totes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)  # "TOTE-00042"
    status: Mapped[str] = mapped_column(String(12), default="free")  # free, in_use, at_pack
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("pick_batches.id"), nullable=True)

    batch: Mapped[PickBatch | None] = relationship()


class PickBatch(Base):
    __tablename__ = "pick_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    picker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    kind: Mapped[str] = mapped_column(String(10), default="order", server_default="order")  # order, transfer
    priority_score: Mapped[float] = mapped_column(Float, default=0.0)
    route_distance_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)
    # A cart planned by a wave: handed out in `plan_seq` order (lowest first) to the next picker.
    wave_id: Mapped[int | None] = mapped_column(ForeignKey("waves.id"), nullable=True)
    plan_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    picker: Mapped[User | None] = relationship()
    warehouse: Mapped[Warehouse] = relationship()
    wave: Mapped[Wave | None] = relationship()
    tasks: Mapped[list[PickTask]] = relationship(back_populates="batch", order_by="PickTask.seq")

    __table_args__ = (
        # next_batch's one question: the first planned cart of a released wave.
        Index("ix_pick_batches_open_plan", "status", "plan_seq"),
        Index("ix_pick_batches_wave", "wave_id"),
    )

    __mapper_args__ = {"version_id_col": version}


class Wave(Base):
    """Ready orders released together and planned once into carts (docs/waves.md).

    kind: ``multi`` (carts of several orders, a tote each), ``single_sku`` (one-unit orders of one
    bestseller, picked in bulk, packed by scan-to-print) or ``put_wall`` (a multi-order cart picked in
    bulk and sorted into the slots of a put wall).
    """

    __tablename__ = "waves"
    __table_args__ = (
        CheckConstraint("kind IN ('multi', 'single_sku', 'put_wall')", name="kind"),
        CheckConstraint("status IN ('released', 'done', 'cancelled')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    kind: Mapped[str] = mapped_column(String(12), default="multi")
    status: Mapped[str] = mapped_column(String(10), default="released", index=True)
    rule: Mapped[dict[str, Any]] = mapped_column(default=dict)  # what the wave took, as released
    released_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    released_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)
    order_count: Mapped[int] = mapped_column(Integer, default=0)
    cart_count: Mapped[int] = mapped_column(Integer, default=0)
    route_distance_m: Mapped[float] = mapped_column(Float, default=0.0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    warehouse: Mapped[Warehouse] = relationship()
    released_by: Mapped[User | None] = relationship()

    __mapper_args__ = {"version_id_col": version}


class CarrierCutoff(Base):
    """When a carrier's service collects from a warehouse each day (local time): 顺丰 18:00 …"""

    __tablename__ = "carrier_cutoffs"
    __table_args__ = (UniqueConstraint("warehouse_id", "carrier_id", "service"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    carrier_id: Mapped[int] = mapped_column(ForeignKey("carriers.id"))
    service: Mapped[str] = mapped_column(String(20))
    pickup_local: Mapped[str] = mapped_column(String(5))  # "HH:MM"
    timezone: Mapped[str] = mapped_column(String(40), default="Asia/Shanghai")

    warehouse: Mapped[Warehouse] = relationship()
    carrier: Mapped[Carrier] = relationship()


class PutWallSlot(Base):
    """One order of a put-wall cart and the wall slot it is sorted into; full: ready to pack."""

    __tablename__ = "put_wall_slots"
    __table_args__ = (
        UniqueConstraint("batch_id", "slot_no"),
        UniqueConstraint("batch_id", "order_id", name="uq_put_wall_slots_batch_order"),
        CheckConstraint("units_put >= 0 AND units_put <= units_needed", name="units_in_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("pick_batches.id"), index=True)
    slot_no: Mapped[int] = mapped_column(Integer)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    units_needed: Mapped[int] = mapped_column(Integer)
    units_put: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(8), default="open")  # open, full
    full_at: Mapped[datetime | None] = mapped_column(nullable=True)

    batch: Mapped[PickBatch] = relationship()
    order: Mapped[Order] = relationship()


class PutWallPut(Base):
    """One unit scanned and put into its slot, keyed by the station's action id (replay is harmless)."""

    __tablename__ = "put_wall_puts"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    action_id: Mapped[str] = mapped_column(String(40), unique=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("put_wall_slots.id"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)

    slot: Mapped[PutWallSlot] = relationship()


class PutBack(Base):
    """Units picked for an order that was cancelled before it was packed: they go back to their bin.

    One row per pick stop that had units in the tote (docs/waves.md, "Cancelled after release"). Made
    by the cancellation (open); done when someone at the drop-off or the bench puts the units back
    and scans the bin: a PUT_BACK movement (+qty) there, and the tote is free once its last row is done.
    """

    __tablename__ = "put_backs"
    __table_args__ = (
        CheckConstraint("qty > 0", name="qty_positive"),
        CheckConstraint("status IN ('open', 'done')", name="status"),
        Index("ix_put_backs_status_tote", "status", "tote_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    pick_task_id: Mapped[int] = mapped_column(ForeignKey("pick_tasks.id"), unique=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"), nullable=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))  # the bin the units came from
    tote_id: Mapped[int | None] = mapped_column(ForeignKey("totes.id"), nullable=True)
    qty: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(6), default="open")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(nullable=True)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    put_location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"), nullable=True)

    order: Mapped[Order] = relationship()
    sku: Mapped[Sku] = relationship()
    lot: Mapped[Lot | None] = relationship()
    location: Mapped[Location] = relationship(foreign_keys=[location_id])
    tote: Mapped[Tote | None] = relationship()


class PickTask(Base):
    """One stop of a pick route: take `qty` of a lot from a location into a tote for an order line."""

    __tablename__ = "pick_tasks"
    __table_args__ = (
        CheckConstraint("qty > 0", name="qty_positive"),
        CheckConstraint("picked_qty >= 0 AND picked_qty <= qty", name="picked_in_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("pick_batches.id"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), index=True)
    stock_id: Mapped[int] = mapped_column(ForeignKey("stock.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"), nullable=True)
    tote_id: Mapped[int | None] = mapped_column(ForeignKey("totes.id"), nullable=True)
    seq: Mapped[int] = mapped_column(Integer)
    qty: Mapped[int] = mapped_column(Integer)
    picked_qty: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open, picked, short, skipped
    picked_at: Mapped[datetime | None] = mapped_column(nullable=True)

    batch: Mapped[PickBatch] = relationship(back_populates="tasks")
    line: Mapped[OrderLine] = relationship()
    stock: Mapped[Stock] = relationship()
    location: Mapped[Location] = relationship()
    lot: Mapped[Lot | None] = relationship()
    tote: Mapped[Tote | None] = relationship()


class PickEvent(Base):
    """Every scan confirmed at a shelf, keyed by the station's action id (replay is idempotent)."""

    __tablename__ = "pick_events"
    __table_args__ = (Index("ix_pick_events_at", "at"),)  # a period's figures (0017)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    action_id: Mapped[str] = mapped_column(String(40), unique=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("pick_tasks.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    qty: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10), default="pick")  # pick, short, error
    at: Mapped[datetime] = mapped_column(default=utcnow)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)

    task: Mapped[PickTask] = relationship()
    user: Mapped[User] = relationship()


# ─── packing and shipping ───────────────────────────────────────────────────────


class Carrier(Base):
    __tablename__ = "carriers"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    name_zh: Mapped[str] = mapped_column(String(80), default="")
    # Services, coverage (remote regions), weight limits, prices: the carrier definition as data.
    definition: Mapped[dict[str, Any]] = mapped_column(default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CarrierAccount(Base):
    """An account with a carrier or a messaging provider: how to reach it, as data an admin enters.

    `code` is the carrier's code (SF) or the provider's (KUAIDI100, ALIYUN_SMS …); `protocol` says which
    client speaks to it ("sf", "kuaidi100", "demo" …). The secret (SF's check word, a key) is sealed
    like customer data (field "carrier_secret", bound to the code); `options` holds the rest
    (a monthly card, a sender address, template codes).
    """

    __tablename__ = "carrier_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    protocol: Mapped[str] = mapped_column(String(16))
    endpoint: Mapped[str] = mapped_column(String(300), default="")
    partner_id: Mapped[str] = mapped_column(String(80), default="")
    secret_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    options: Mapped[dict[str, Any]] = mapped_column(default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)


class Waybill(Base):
    """A number the carrier issued (电子面单号) for one order: the master (1) or a child (2 …)."""

    __tablename__ = "waybills"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    carrier_id: Mapped[int] = mapped_column(ForeignKey("carriers.id"))
    number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(6))  # master, child
    seq: Mapped[int] = mapped_column(Integer)  # 1 = the master, then the children in issue order
    # The parcel that carries (or carried, when voided) the number; a parcel relabelled has several.
    parcel_id: Mapped[int | None] = mapped_column(ForeignKey("parcels.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(10), default="issued")  # issued, used, voided
    carrier_order_id: Mapped[str] = mapped_column(String(64))  # the order id the carrier knows it by
    origin_code: Mapped[str] = mapped_column(String(16), default="")
    dest_code: Mapped[str] = mapped_column(String(16), default="")
    route_label: Mapped[dict[str, Any]] = mapped_column(default=dict)  # sort codes for the label
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    voided_at: Mapped[datetime | None] = mapped_column(nullable=True)


class Parcel(Base):
    __tablename__ = "parcels"
    __table_args__ = (UniqueConstraint("order_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)  # "PCL-0000012345"
    # The packing station's action id: replaying a journaled close finds the parcel it made.
    action_id: Mapped[str | None] = mapped_column(String(40), unique=True, nullable=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # parcel n …
    of: Mapped[int] = mapped_column(Integer)  # … of m
    carton: Mapped[str] = mapped_column(String(16), default="")
    expected_weight_g: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actual_weight_g: Mapped[int | None] = mapped_column(Integer, nullable=True)
    weight_override_reason: Mapped[str | None] = mapped_column(String(300), nullable=True)
    insured_value: Mapped[Decimal | None] = mapped_column(nullable=True)
    sscc: Mapped[str | None] = mapped_column(String(18), nullable=True)
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open, sealed, labelled, manifested, shipped
    packed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    packed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    label_printed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    # Label control (migration 0012): reprints counted (each with a reason in the audit log); a voided
    # label's waybill is cancelled at the carrier. A parcel closed while its carrier could not be
    # reached keeps what the waybill is wanted for here (carrier, service, cost) until it is issued.
    reprints: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    voided_at: Mapped[datetime | None] = mapped_column(nullable=True)
    waybill_wanted: Mapped[dict[str, Any] | None] = mapped_column(nullable=True)

    order: Mapped[Order] = relationship(back_populates="parcels")
    packer: Mapped[User | None] = relationship()
    shipment: Mapped[Shipment | None] = relationship(back_populates="parcels")
    contents: Mapped[list[ParcelItem]] = relationship(back_populates="parcel", cascade="all, delete-orphan")


class ParcelItem(Base):
    __tablename__ = "parcel_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    parcel_id: Mapped[int] = mapped_column(ForeignKey("parcels.id"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"), nullable=True)
    qty: Mapped[int] = mapped_column(Integer)

    parcel: Mapped[Parcel] = relationship(back_populates="contents")
    line: Mapped[OrderLine] = relationship()
    lot: Mapped[Lot | None] = relationship()


class Manifest(Base):
    """A carrier's hand-over for one day: every parcel scanned onto its cage or pallet."""

    __tablename__ = "manifests"

    id: Mapped[int] = mapped_column(primary_key=True)
    carrier_id: Mapped[int] = mapped_column(ForeignKey("carriers.id"))
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    day: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open, closed
    closed_at: Mapped[datetime | None] = mapped_column(nullable=True)

    carrier: Mapped[Carrier] = relationship()
    warehouse: Mapped[Warehouse] = relationship()


class Shipment(Base):
    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    carrier_id: Mapped[int] = mapped_column(ForeignKey("carriers.id"))
    service: Mapped[str] = mapped_column(String(20))
    tracking_no: Mapped[str] = mapped_column(String(40), unique=True)
    manifest_id: Mapped[int | None] = mapped_column(ForeignKey("manifests.id"), nullable=True)
    # created … "out_for_delivery" (16 characters: 14 was too short on PostgreSQL until 0012), voided
    status: Mapped[str] = mapped_column(String(20), default="created")
    cost: Mapped[Decimal | None] = mapped_column(nullable=True)
    insured_value: Mapped[Decimal | None] = mapped_column(nullable=True)
    shipped_at: Mapped[datetime | None] = mapped_column(nullable=True)
    eta: Mapped[datetime | None] = mapped_column(nullable=True)
    delivered_at: Mapped[datetime | None] = mapped_column(nullable=True)

    order: Mapped[Order] = relationship()
    carrier: Mapped[Carrier] = relationship()
    manifest: Mapped[Manifest | None] = relationship()
    parcels: Mapped[list[Parcel]] = relationship(back_populates="shipment")
    events: Mapped[list[TrackingEvent]] = relationship(back_populates="shipment", order_by="TrackingEvent.at")


class TrackingEvent(Base):
    __tablename__ = "tracking_events"
    __table_args__ = (UniqueConstraint("shipment_id", "at", "kind"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"), index=True)
    at: Mapped[datetime]
    # picked_up, in_transit, delayed, lost, out_for_delivery, delivered, refused
    kind: Mapped[str] = mapped_column(String(20))
    place: Mapped[str] = mapped_column(String(120), default="")
    detail: Mapped[str] = mapped_column(String(300), default="")
    eta: Mapped[datetime | None] = mapped_column(nullable=True)
    source: Mapped[str] = mapped_column(String(12), default="carrier")  # carrier, file, demo

    shipment: Mapped[Shipment] = relationship(back_populates="events")


class TrackingSubscription(Base):
    """A shipment followed by a tracking service's pushes (Kuaidi100): what it last said, and when to
    subscribe again after it gave up (`abort`)."""

    __tablename__ = "tracking_subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"), unique=True)
    provider: Mapped[str] = mapped_column(String(12), default="kuaidi100")
    company: Mapped[str] = mapped_column(String(20))
    # subscribed, polling, shutdown (finished), abort (to subscribe again), refused
    status: Mapped[str] = mapped_column(String(10), default="subscribed", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    resubscribe_at: Mapped[datetime | None] = mapped_column(nullable=True)
    last_message: Mapped[str] = mapped_column(String(300), default="")
    pushes: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    shipment: Mapped[Shipment] = relationship()


# ─── after-sales ────────────────────────────────────────────────────────────────


class ReturnRequest(Base):
    __tablename__ = "returns"
    __table_args__ = (Index("ix_returns_created_at", "created_at"),)  # a period's figures (0017)

    id: Mapped[int] = mapped_column(primary_key=True)
    rma_no: Mapped[str] = mapped_column(String(24), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    reason: Mapped[str] = mapped_column(String(20))  # no_reason, quality, damaged, wrong_item, refused
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(12), default="requested")  # requested, approved, received, closed, rejected
    resolution: Mapped[str | None] = mapped_column(String(12), nullable=True)  # refund, reship, repair, replace
    refund_amount: Mapped[Decimal | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    received_at: Mapped[datetime | None] = mapped_column(nullable=True)

    order: Mapped[Order] = relationship()
    lines: Mapped[list[ReturnLine]] = relationship(back_populates="request", cascade="all, delete-orphan")


class ReturnLine(Base):
    __tablename__ = "return_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    qty: Mapped[int] = mapped_column(Integer)
    checklist: Mapped[dict[str, Any]] = mapped_column(default=dict)  # unused, packaging_intact, …
    decision: Mapped[str | None] = mapped_column(String(12), nullable=True)  # restock, quarantine, repair, scrap
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"), nullable=True)
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"), nullable=True)

    request: Mapped[ReturnRequest] = relationship(back_populates="lines")
    line: Mapped[OrderLine] = relationship()


class Notification(Base):
    """The customer notification outbox: e-mail now, kept for SMS gateways."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # payment_failed, shipped, delayed, delivered, refused, survey
    channel: Mapped[str] = mapped_column(String(8), default="email")
    status: Mapped[str] = mapped_column(String(8), default="queued")  # queued, sent, failed
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Feedback(Base):
    __tablename__ = "feedback"
    __table_args__ = (Index("ix_feedback_at", "at"),)  # a period's figures (0017)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 1..5
    category: Mapped[str | None] = mapped_column(String(20), nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)

    order: Mapped[Order] = relationship()


class ExceptionCase(Base):
    """Something a supervisor must settle: holds, short picks, weight overrides, failed prints, refusals."""

    __tablename__ = "exceptions"
    __table_args__ = (Index("ix_exceptions_created_at", "created_at"),)  # a period's figures (0017)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), nullable=True, index=True)
    parcel_id: Mapped[int | None] = mapped_column(ForeignKey("parcels.id"), nullable=True)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)  # open, resolved
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(nullable=True)
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    decision: Mapped[str | None] = mapped_column(String(20), nullable=True)
    reason: Mapped[str | None] = mapped_column(String(300), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    order: Mapped[Order | None] = relationship()

    __mapper_args__ = {"version_id_col": version}


# ─── people, stations, audit, change feed ───────────────────────────────────────


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    name_zh: Mapped[str | None] = mapped_column(String(80), nullable=True)
    role: Mapped[str] = mapped_column(String(12))  # picker, packer, receiver, supervisor, admin
    # argon2id; None: a person an admin added who has no PIN yet and cannot sign in until one is set.
    # Deferred like badge_hash: no station's database role may read either (desktop/db/roles.py);
    # on PostgreSQL the server's sign-in functions compare them (migration 0007).
    pin_hash: Mapped[str | None] = mapped_column(String(200), nullable=True, deferred=True)
    # HMAC-SHA256 (hex) of the badge code under BadgeKey.key: a badge is a password, never stored plain.
    badge_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True, deferred=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(nullable=True)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(nullable=True)

    __table_args__ = (
        CheckConstraint("role IN ('picker', 'packer', 'receiver', 'supervisor', 'admin')", name="role_known"),
    )


class BadgeKey(Base):
    """The one random key badge codes are hashed under (HMAC), made by migration 0003."""

    __tablename__ = "badge_key"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SealingKey(Base):
    """A customer-data key the database knows by its fingerprint (never the key itself).

    One row is `current` once anything has been sealed; a rotation keeps the old one `previous` until
    every value is re-sealed, then `retired` (`desktop.security.sealing`)."""

    __tablename__ = "sealing_keys"
    __table_args__ = (
        CheckConstraint("status IN ('current', 'previous', 'retired')", name="status"),
        Index("uq_sealing_keys_one_current", "status", unique=True,
              sqlite_where=text("status = 'current'"), postgresql_where=text("status = 'current'")),
    )

    fingerprint: Mapped[str] = mapped_column(String(16), primary_key=True)
    status: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(nullable=True)


class KeyRotation(Base):
    """A rotation's progress: orders up to `resealed_through` (by id) are under the new key."""

    __tablename__ = "key_rotations"

    id: Mapped[int] = mapped_column(primary_key=True)
    from_fingerprint: Mapped[str] = mapped_column(ForeignKey("sealing_keys.fingerprint"))
    to_fingerprint: Mapped[str] = mapped_column(ForeignKey("sealing_keys.fingerprint"))
    resealed_through: Mapped[int] = mapped_column(BigInteger, default=0)
    values_resealed: Mapped[int] = mapped_column(Integer, default=0)
    batches: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)


class Station(Base):
    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(12), default="any")  # pick, pack, supervisor, any
    current_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    last_seen_at: Mapped[datetime | None] = mapped_column(nullable=True)


class StationSession(Base):
    """Who is signed in at a station's database login, as the server knows it (PostgreSQL only).

    Written only by the sign-in functions of migration 0007 (SECURITY DEFINER), read by them and by
    the audit trigger, which names this person on every audit row the login writes. A pending PIN
    attempt waits here between its two steps (see docs/security.md). Unused on SQLite.
    """

    __tablename__ = "station_sessions"

    db_role: Mapped[str] = mapped_column(String(63), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    station: Mapped[str | None] = mapped_column(String(40), nullable=True)
    signed_in_at: Mapped[datetime | None] = mapped_column(nullable=True)
    pending_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    pending_candidate: Mapped[str | None] = mapped_column(String(200), nullable=True)
    pending_at: Mapped[datetime | None] = mapped_column(nullable=True)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    station: Mapped[str | None] = mapped_column(String(40), nullable=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ChangeFeedEntry(Base):
    """Appended in the same transaction as every change; stations poll or LISTEN for it."""

    __tablename__ = "change_feed"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    topic: Mapped[str] = mapped_column(String(20))  # orders, batches, stock, exceptions, users …
    entity_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
