"""Order shaping at intake (issue 20 item 2): merged shipments (合单) and split orders (拆单).

**Merge.** Orders of one buyer to one address from one merchant, released by intake within the
mall's merge window (`mall_settings.merge_window_minutes`; absent or 0: off) of the first of them,
ship as one: an `order_groups` row names the shipment and each member's `orders.merge_group_id`
points at it. Each order keeps its own number, lines, prices and audit; the members share the
highest priority among them, so the planners take them next to each other. (Forcing them into one
cart and one parcel with one label is not done yet: docs/intake.md, Merges.) The buyer is
compared by `orders.buyer_digest`, a keyed digest (HMAC-SHA256, `Sealer.digest`) of the name,
phone and the whole address that intake computes while it has the order open anyway: no sealed
field is ever opened to compare (the mall's order format has no buyer id). A merchant opts out with
`merchants.merge_orders = false` (set-up import `merge_orders`). Only orders still waiting to be
picked (ready, in no wave) are merged; a member cancelled before picking leaves the group
(`leave_merge`), and a group left with one order is dissolved.

**Split.** An order the first warehouse cannot fill whole is split when another warehouse holds the
lines it lacks: the lines the first one can fill stay on the order; the others move to a shipment
of its own, an order row `<order no>-S2` in the other warehouse (`orders.split_of_id` → the order),
reserved, picked, packed and labelled there by the ordinary flow. Money stays on the order (the part
carries its lines' prices, charges nothing). The order is shipped when all its shipments are
(`desktop.services.shipping`): its own parcels leaving first keep it packed until the part's leave.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.domain.errors import InputRefused
from desktop.domain.events import MallSettingChanged, OrderLeftMerge, OrdersMerged, OrderSplit
from desktop.domain.lifecycle import OrderStatus
from desktop.domain.roles import Role, require_role
from desktop.security.crypto import Sealer

MERGE_WINDOW = "merge_window_minutes"
MAX_WINDOW_MINUTES = 24 * 60
SHIPPED_OR_AFTER = frozenset({OrderStatus.SHIPPED.value, OrderStatus.DELIVERED.value, OrderStatus.COMPLETED.value})
PART_SUFFIX = "-S2"


# ─── the mall's setting ─────────────────────────────────────────────────────────


def merge_window(uow: UnitOfWork) -> timedelta | None:
    """The mall's merge window; None when merging is off (no setting, or 0 minutes)."""
    row = uow.session.get(models.MallSetting, MERGE_WINDOW)
    minutes = int((row.value or {}).get("minutes", 0)) if row is not None else 0
    return timedelta(minutes=minutes) if minutes > 0 else None


def set_merge_window(uow: UnitOfWork, minutes: int) -> int:
    """An admin sets the mall's merge window in minutes (0: orders are never merged); returns the old one."""
    require_role(uow.actor.role, Role.ADMIN)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= MAX_WINDOW_MINUTES:
        raise InputRefused(MERGE_WINDOW, f"The merge window is a whole number of minutes from 0 to {MAX_WINDOW_MINUTES}.",
                            f"合单时间窗须为 0 至 {MAX_WINDOW_MINUTES} 的整数分钟。")
    row = uow.session.get(models.MallSetting, MERGE_WINDOW)
    before = int((row.value or {}).get("minutes", 0)) if row is not None else 0
    if row is None:
        row = models.MallSetting(key=MERGE_WINDOW, value={})
        uow.session.add(row)
    row.value = {"minutes": minutes}
    uow.audit("mall_setting", "mall_setting", MERGE_WINDOW, **{"from": before, "to": minutes})
    uow.announce(MallSettingChanged(key=MERGE_WINDOW, value=minutes))
    uow.commit()
    return before


# ─── the buyer ──────────────────────────────────────────────────────────────────


def buyer_digest(sealer: Sealer, order: models.Order, contact: dict[str, str]) -> str:
    """The keyed digest of who receives the order and where: name, phone (digits), the whole address.
    Spaces and letter case do not tell two buyers apart; anything else does."""
    def norm(text: str) -> str:
        return "".join(str(text or "").split()).casefold()

    phone = "".join(ch for ch in contact.get("phone", "") if ch.isdigit())
    return sealer.digest(norm(contact.get("name", "")), phone, norm(order.ship_country), norm(order.ship_province),
                         norm(order.ship_city), norm(order.ship_district), norm(contact.get("detail", "")),
                         norm(order.ship_postal_code))


# ─── merging ────────────────────────────────────────────────────────────────────


@dataclass
class _Member:
    order: models.Order
    first_at: datetime  # created_at of the group's first order: the window runs from it


class Merger:
    """Merges the orders one intake transaction released (a group of 50, or one order).

    `offer(order)` notes a released order; `merge()` then finds, in one statement, the ready orders
    already waiting with the same digests, and merges each offered order into the shipment of its
    buyer whose window it falls in — or opens one with a waiting order of the same buyer."""

    def __init__(self, uow: UnitOfWork, window: timedelta | None) -> None:
        self.uow, self.window = uow, window
        self.offered: list[models.Order] = []

    @classmethod
    def for_intake(cls, uow: UnitOfWork) -> Merger:
        return cls(uow, merge_window(uow))

    @property
    def on(self) -> bool:
        return self.window is not None

    def offer(self, order: models.Order) -> None:
        split = (order.intake_outcome or {}).get("stock", {}).get("split")
        if self.on and order.buyer_digest and order.merchant.merge_orders and order.split_of_id is None and not split:
            self.offered.append(order)

    def merge(self) -> list[str]:
        """Merge what was offered; returns the codes of the shipments that gained an order."""
        if not self.offered or self.window is None:
            return []
        O = models.Order
        offered_ids = {o.id for o in self.offered}
        earliest = min(o.created_at for o in self.offered) - self.window
        part = aliased(O)
        waiting = self.uow.session.scalars(
            select(O).where(O.status == OrderStatus.READY.value, O.wave_id.is_(None), O.split_of_id.is_(None),
                            ~select(part.id).where(part.split_of_id == O.id).exists(),
                            O.buyer_digest.in_(sorted({o.buyer_digest for o in self.offered})),
                            O.merchant_id.in_(sorted({o.merchant_id for o in self.offered})),
                            O.created_at >= earliest)
            .order_by(O.created_at, O.id)).all()
        by_buyer: dict[tuple[int, int | None, str], list[models.Order]] = {}
        for o in waiting:
            if o.id not in offered_ids:
                by_buyer.setdefault((o.merchant_id, o.warehouse_id, o.buyer_digest), []).append(o)
        grown: dict[str, models.OrderGroup] = {}
        for order in sorted(self.offered, key=lambda o: (o.created_at, o.id)):
            key = (order.merchant_id, order.warehouse_id, order.buyer_digest)
            mates = by_buyer.setdefault(key, [])
            group = self._join(order, mates)
            if group is not None:
                grown[group.code] = group
            mates.append(order)
        for group in grown.values():
            members = [o for o in group.orders]
            top = max(o.priority_score for o in members)
            for o in members:
                o.priority_score = top  # one shipment: planned together, at its most urgent order's priority
            self.uow.announce(OrdersMerged(group=group.code, order_nos=tuple(o.order_no for o in members)))
        return sorted(grown)

    def _join(self, order: models.Order, mates: list[models.Order]) -> models.OrderGroup | None:
        window = self.window
        assert window is not None
        for mate in mates:
            group = mate.merge_group
            if group is not None and (group.status != "open" or any(
                    o.status != OrderStatus.READY.value or o.wave_id is not None for o in group.orders)):
                continue  # its picking began (or a wave planned it): it takes no more orders
            first = min((o.created_at for o in group.orders), default=mate.created_at) if group else mate.created_at
            if abs(order.created_at - first) > window:
                continue
            if group is None:
                group = models.OrderGroup(code=f"MG-{uuid.uuid4().hex[:12].upper()}", merchant_id=order.merchant_id,
                                          warehouse_id=order.warehouse_id, buyer_digest=order.buyer_digest,
                                          created_at=order.created_at if order.created_at < mate.created_at
                                          else mate.created_at)
                self.uow.session.add(group)
                mate.merge_group = group
                self._note(mate, group)
            order.merge_group = group
            self._note(order, group)
            return group
        return None

    def _note(self, order: models.Order, group: models.OrderGroup) -> None:
        others = [o.order_no for o in group.orders if o is not order]
        order.intake_outcome = {**(order.intake_outcome or {}),
                                "merge": {"status": "merged", "group": group.code,
                                          "note": f"ships with {', '.join(others)} in {group.code}"}}
        self.uow.audit("order_merged", "order", order.order_no, group=group.code, with_orders=others)


def leave_merge(uow: UnitOfWork, order: models.Order, reason: str) -> str | None:
    """Take `order` out of its merged shipment (it was cancelled before picking); a group left with
    one order is dissolved. Returns the group's code, None when the order was in none."""
    group = order.merge_group
    if group is None:
        return None
    order.merge_group = None
    rest = [o for o in group.orders if o is not order]
    if len(rest) < 2:
        group.status = "closed"
        for o in rest:
            o.merge_group = None
    uow.audit("merge_left", "order", order.order_no, group=group.code, reason=reason,
              remaining=[o.order_no for o in rest] if len(rest) >= 2 else [])
    uow.announce(OrderLeftMerge(order_no=order.order_no, group=group.code))
    return group.code


# ─── splitting ──────────────────────────────────────────────────────────────────


def split_off(uow: UnitOfWork, order: models.Order, lines: list[models.OrderLine], warehouse: models.Warehouse,
              contact: dict[str, str], now: datetime) -> models.Order:
    """Move `lines` (already reserved in `warehouse`) to a shipment of their own, ready in `warehouse`.

    The part is an order row the ordinary pick, pack and label flow serves: the buyer's contact is
    sealed again under the part's number (the seal binds a field to its order), the money stays on
    the order (the part charges nothing; cash on delivery is collected with the order's parcel)."""
    from desktop.routing.priority import priority_score
    from desktop.services.orders import change_status

    no = f"{order.order_no}{PART_SUFFIX}"
    s = uow.sealer
    part = models.Order(
        order_no=no, merchant_id=order.merchant_id, created_at=order.created_at, received_at=order.received_at,
        customer_name_sealed=s.seal(contact["name"], "customer_name", no),
        customer_phone_sealed=s.seal(contact["phone"], "customer_phone", no),
        customer_email_sealed=s.seal(contact["email"], "customer_email", no) if contact.get("email") else None,
        ship_country=order.ship_country, ship_province=order.ship_province, ship_city=order.ship_city,
        ship_district=order.ship_district, ship_postal_code=order.ship_postal_code,
        ship_detail_sealed=s.seal(contact["detail"], "ship_detail", no),
        coupons=[], member_tier=None,
        goods_total=sum((ln.qty * ln.unit_price for ln in lines), Decimal("0.00")),
        shipping_fee=Decimal("0.00"), discount_total=Decimal("0.00"), total_charged=Decimal("0.00"),
        currency=order.currency, payment_method="online", payment_status="paid", payment_txn=order.payment_txn,
        priority_class=order.priority_class, promised_ship_by=order.promised_ship_by, gift=order.gift,
        status=OrderStatus.RECEIVED.value, warehouse_id=warehouse.id, buyer_digest=order.buyer_digest,
    )
    part.split_of = order
    part.merchant = order.merchant
    part.warehouse = warehouse
    moved = [ln.line_no for ln in lines]
    for line in lines:
        order.lines.remove(line)
        part.lines.append(line)
    part.status_history.append(models.OrderStatusChange(from_status=None, to_status=OrderStatus.RECEIVED.value, at=now,
                                                        user_id=uow.actor.user_id, reason=f"split off {order.order_no}"))
    uow.session.add(part)
    units = sum(ln.qty for ln in lines)
    part.intake_outcome = {"split": {"status": "part", "of": order.order_no, "warehouse": warehouse.code,
                                     "note": f"shipment of {order.order_no}: lines {moved} from {warehouse.code}"},
                           "stock": {"status": "passed", "note": f"{units} units reserved in {warehouse.code}",
                                     "warehouse": warehouse.code}}
    part.priority_score = priority_score(part.priority_class, part.promised_ship_by, part.gift, part.created_at, now)
    change_status(uow, part, OrderStatus.READY, reason=f"split off {order.order_no}", at=now)
    uow.audit("order_split", "order", order.order_no, part=no, warehouse=warehouse.code, lines=moved)
    uow.announce(OrderSplit(order_no=order.order_no, part_no=no, warehouse=warehouse.code))
    return part


def family_shipped(order: models.Order) -> bool:
    """Whether every shipment of the order `order` is (or belongs to) has left: the order's own
    parcels and each split-off part."""
    head = order.split_of or order
    parts = list(head.split_parts)
    own = [p.status == "shipped" for p in head.parcels]
    return (bool(own) and all(own)) and all(p.status in SHIPPED_OR_AFTER for p in parts)


def shape_of(order: models.Order) -> dict[str, Any]:
    """What a supervisor is shown: the merged shipment and its orders, or the split's shipments."""
    if order.merge_group is not None:
        return {"kind": "merged", "group": order.merge_group.code,
                "orders": [o.order_no for o in order.merge_group.orders]}
    if order.split_of is not None:
        return {"kind": "part", "of": order.split_of.order_no}
    if order.split_parts:
        return {"kind": "split", "parts": [p.order_no for p in order.split_parts]}
    return {}
