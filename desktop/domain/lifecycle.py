"""The order status machine, and the smaller ones of batches, parcels and shipments.

Every status change goes through `transition`, which refuses what the warehouse does not allow
with a typed `IllegalTransition`. The table below is the whole lifecycle:

    received ─► ready ─► picking ─► picked ─► packed ─► shipped ─► delivered ─► completed
       │  ▲       │  ▲       │                                │          │           │
       ▼  │       ▼  │       ▼                                ▼          ▼           ▼
      held ◄──────┴──┴── (holds from any pre-ship stage)   refused/lost  returned ◄──┘
       │
    backordered (waiting for stock) ─► ready
    cancelled: from any stage before shipping (a picked unit is put back first)
"""

from __future__ import annotations

import enum

from desktop.domain.errors import IllegalTransition


class OrderStatus(enum.StrEnum):
    RECEIVED = "received"
    HELD = "held"
    BACKORDERED = "backordered"
    READY = "ready"
    PICKING = "picking"
    PICKED = "picked"
    PACKED = "packed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    REFUSED = "refused"
    LOST = "lost"
    RETURNED = "returned"
    CANCELLED = "cancelled"

    @property
    def label_zh(self) -> str:
        return _ORDER_ZH[self]


_ORDER_ZH = {
    OrderStatus.RECEIVED: "已接收",
    OrderStatus.HELD: "已挂起",
    OrderStatus.BACKORDERED: "缺货待补",
    OrderStatus.READY: "待拣货",
    OrderStatus.PICKING: "拣货中",
    OrderStatus.PICKED: "已拣货",
    OrderStatus.PACKED: "已打包",
    OrderStatus.SHIPPED: "已发货",
    OrderStatus.DELIVERED: "已签收",
    OrderStatus.COMPLETED: "已完成",
    OrderStatus.REFUSED: "拒收",
    OrderStatus.LOST: "丢件",
    OrderStatus.RETURNED: "已退回",
    OrderStatus.CANCELLED: "已取消",
}

S = OrderStatus
ORDER_TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.RECEIVED: frozenset({S.READY, S.HELD, S.BACKORDERED, S.CANCELLED}),
    S.HELD: frozenset({S.RECEIVED, S.READY, S.BACKORDERED, S.CANCELLED}),
    S.BACKORDERED: frozenset({S.READY, S.HELD, S.CANCELLED}),
    S.READY: frozenset({S.PICKING, S.HELD, S.CANCELLED}),
    S.PICKING: frozenset({S.PICKED, S.READY, S.HELD}),
    S.PICKED: frozenset({S.PACKED, S.HELD}),
    S.PACKED: frozenset({S.SHIPPED, S.HELD}),
    S.SHIPPED: frozenset({S.DELIVERED, S.REFUSED, S.LOST}),
    S.DELIVERED: frozenset({S.COMPLETED, S.RETURNED}),
    S.COMPLETED: frozenset({S.RETURNED}),
    S.REFUSED: frozenset({S.RETURNED}),
    S.LOST: frozenset({S.READY, S.CANCELLED}),  # reship, or refund and close
    S.RETURNED: frozenset(),
    S.CANCELLED: frozenset(),
}
del S

# Stages before the parcel leaves: a hold or a cancellation is still possible there.
PRE_SHIPMENT = frozenset(
    {
        OrderStatus.RECEIVED,
        OrderStatus.HELD,
        OrderStatus.BACKORDERED,
        OrderStatus.READY,
        OrderStatus.PICKING,
        OrderStatus.PICKED,
        OrderStatus.PACKED,
    }
)
TERMINAL = frozenset(s for s, targets in ORDER_TRANSITIONS.items() if not targets)


class HoldReason(enum.StrEnum):
    ADDRESS = "address"
    PRICE = "price"
    PAYMENT = "payment"
    SHORTAGE = "shortage"
    WEIGHT = "weight"
    CUSTOMER = "customer"
    OTHER = "other"


def can_transition(current: OrderStatus, target: OrderStatus) -> bool:
    return target in ORDER_TRANSITIONS[current]


def check_order_transition(current: OrderStatus | str, target: OrderStatus | str) -> OrderStatus:
    """Return the target status if the move is allowed, else raise IllegalTransition."""
    cur, tgt = OrderStatus(current), OrderStatus(target)
    if tgt not in ORDER_TRANSITIONS[cur]:
        raise IllegalTransition("The order", cur.value, tgt.value)
    return tgt


class BatchStatus(enum.StrEnum):
    OPEN = "open"  # planned, nobody has it
    ASSIGNED = "assigned"  # given to a picker, not started
    PICKING = "picking"
    DONE = "done"
    CANCELLED = "cancelled"


BATCH_TRANSITIONS: dict[BatchStatus, frozenset[BatchStatus]] = {
    BatchStatus.OPEN: frozenset({BatchStatus.ASSIGNED, BatchStatus.PICKING, BatchStatus.CANCELLED}),
    BatchStatus.ASSIGNED: frozenset({BatchStatus.OPEN, BatchStatus.ASSIGNED, BatchStatus.PICKING, BatchStatus.CANCELLED}),
    BatchStatus.PICKING: frozenset({BatchStatus.ASSIGNED, BatchStatus.DONE, BatchStatus.CANCELLED}),
    BatchStatus.DONE: frozenset(),
    BatchStatus.CANCELLED: frozenset(),
}


def check_batch_transition(current: BatchStatus | str, target: BatchStatus | str) -> BatchStatus:
    cur, tgt = BatchStatus(current), BatchStatus(target)
    if tgt not in BATCH_TRANSITIONS[cur]:
        raise IllegalTransition("The pick batch", cur.value, tgt.value)
    return tgt


class PaymentMethod(enum.StrEnum):
    ONLINE = "online"
    COD = "cod"


class PaymentStatus(enum.StrEnum):
    PAID = "paid"
    PENDING = "pending"
    FAILED = "failed"


class PriorityClass(enum.StrEnum):
    NORMAL = "normal"
    EXPEDITED = "expedited"
    URGENT = "urgent"
