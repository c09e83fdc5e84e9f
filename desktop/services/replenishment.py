"""Low stock and replenishment: what to ask the merchant (or supplier) to send, as records and CSV.

A SKU is low when its available units (on hand − reserved, in the warehouse's pick locations) fall
under its `low_stock_threshold`. It then gets one open replenishment request (reason `low_stock`)
— never a second while one is open — and an announcement on the change-feed topic "stock".
Backorders raise their own request (reason `backorder`) for the units the order could not get.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.roles import Role, require_role
from desktop.domain.events import LowStock, ReplenishmentRequested, ReplenishmentStatusChanged
from desktop.services.replenishment_tasks import open_refills, plan_refills
from printing.spreadsheet import safe_row

STATUSES = ("open", "sent", "received", "cancelled")


def available_in_pick(uow: UnitOfWork, sku_id: int, warehouse_id: int) -> int:
    S, L = models.Stock, models.Location
    q = (select(func.coalesce(func.sum(S.on_hand - S.reserved), 0)).select_from(S)
         .join(L, S.location_id == L.id)
         .where(S.sku_id == sku_id, L.warehouse_id == warehouse_id, L.kind == "pick"))
    return int(uow.session.scalar(q) or 0)


def _open_request(uow: UnitOfWork, sku_id: int, warehouse_id: int, reason: str) -> models.ReplenishmentRequest | None:
    R = models.ReplenishmentRequest
    return uow.session.scalar(select(R).where(R.sku_id == sku_id, R.warehouse_id == warehouse_id, R.reason == reason,
                                              R.status == "open").limit(1))


def request_replenishment(uow: UnitOfWork, sku: models.Sku, warehouse_id: int, qty: int,
                          reason: str) -> models.ReplenishmentRequest:
    """One open request per SKU, warehouse and reason: a second need raises its quantity instead."""
    existing = _open_request(uow, sku.id, warehouse_id, reason)
    if existing is not None:
        existing.qty = max(existing.qty, qty)
        return existing
    req = models.ReplenishmentRequest(sku_id=sku.id, warehouse_id=warehouse_id, qty=qty, reason=reason)
    uow.session.add(req)
    uow.session.flush()
    uow.audit("replenishment_requested", "sku", sku.sku_code, reason=reason, qty=qty, warehouse_id=warehouse_id)
    uow.announce(ReplenishmentRequested(sku=sku.sku_code, reason=reason, qty=qty))
    return req


def check_low_stock(uow: UnitOfWork, sku_ids: Iterable[int], warehouse_id: int) -> list[models.ReplenishmentRequest]:
    """Raise a low-stock request for each SKU now under its threshold that has none open.

    Three statements whatever the number of SKUs — lock them, sum what is free, find open requests —
    then, only for those under their threshold, the refills reserve bins can make first."""
    ids = sorted(set(sku_ids))
    if not ids:
        return []
    K, S, L, R = models.Sku, models.Stock, models.Location, models.ReplenishmentRequest
    # Lock the SKU rows (PostgreSQL), in id order, so two intakes cannot both raise the same request.
    skus = [k for k in uow.session.scalars(select(K).where(K.id.in_(ids)).order_by(K.id).with_for_update())
            if k.low_stock_threshold]
    if not skus:
        return []
    free = dict(uow.session.execute(
        select(S.sku_id, func.coalesce(func.sum(S.on_hand - S.reserved), 0)).join(L, S.location_id == L.id)
        .where(S.sku_id.in_([k.id for k in skus]), L.warehouse_id == warehouse_id, L.kind == "pick")
        .group_by(S.sku_id)).all())
    low = [k for k in skus if int(free.get(k.id, 0)) < k.low_stock_threshold]
    if not low:
        return []
    asked = set(uow.session.scalars(select(R.sku_id).where(
        R.sku_id.in_([k.id for k in low]), R.warehouse_id == warehouse_id, R.reason == "low_stock",
        R.status == "open")))
    made = []
    for sku in low:
        available = int(free.get(sku.id, 0))
        # Reserve bins refill the pick faces first (replenishment_tasks); the merchant is asked only
        # for what reserve cannot cover.
        refills = plan_refills(uow, sku, warehouse_id)
        available += sum(t.qty for t in refills) + sum(t.qty for t in open_refills(uow, sku.id, warehouse_id)
                                                       if t not in refills)
        if available >= sku.low_stock_threshold:
            continue
        if sku.id in asked:
            continue
        qty = max(sku.low_stock_threshold * 3 - available, sku.low_stock_threshold)
        req = models.ReplenishmentRequest(sku_id=sku.id, warehouse_id=warehouse_id, qty=qty, reason="low_stock")
        uow.session.add(req)
        uow.audit("low_stock", "sku", sku.sku_code, available=available, threshold=sku.low_stock_threshold, qty=qty)
        uow.announce(LowStock(sku=sku.sku_code, available=available, threshold=sku.low_stock_threshold))
        made.append(req)
    if made:
        uow.session.flush()
    return made


# ─── read models ────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class ReplenishmentRow:
    id: int
    created_at: datetime
    status: str
    reason: str
    warehouse: str
    merchant: str
    supplier_phone: str
    sku: str
    gtin: str
    name: str
    qty: int
    available: int
    threshold: int
    name_zh: str = ""  # the product's Chinese name, for a Chinese screen


CSV_COLUMNS = ("id", "created_at", "status", "reason", "warehouse", "merchant", "supplier_phone", "sku", "gtin",
               "name", "qty", "available", "threshold")


def list_replenishment(uow: UnitOfWork, status: str | None = None, limit: int = 500) -> list[ReplenishmentRow]:
    R, K, M, W = models.ReplenishmentRequest, models.Sku, models.Merchant, models.Warehouse
    q = (select(R, K, M, W).join(K, R.sku_id == K.id).join(M, K.merchant_id == M.id).join(W, R.warehouse_id == W.id)
         .order_by(R.created_at.desc(), R.id.desc()).limit(limit))
    if status:
        q = q.where(R.status == status)
    rows = []
    for req, sku, merchant, wh in uow.session.execute(q):
        rows.append(ReplenishmentRow(req.id, req.created_at, req.status, req.reason, wh.code, merchant.code,
                                     merchant.phone, sku.sku_code, sku.gtin, sku.name, req.qty,
                                     available_in_pick(uow, sku.id, wh.id), sku.low_stock_threshold, sku.name_zh or ""))
    return rows


@dataclass(frozen=True)
class LowStockRow:
    warehouse: str
    merchant: str
    sku: str
    name: str
    available: int
    threshold: int
    open_request: int | None
    name_zh: str = ""  # the product's Chinese name, for a Chinese screen


def low_stock_alerts(uow: UnitOfWork, warehouse: str | None = None, limit: int = 500) -> list[LowStockRow]:
    """SKUs under their threshold in a warehouse's pick locations (only SKUs that are stocked there)."""
    S, L, K, M, W = models.Stock, models.Location, models.Sku, models.Merchant, models.Warehouse
    avail = func.sum(S.on_hand - S.reserved)
    q = (select(W.code, W.id, M.code, K.id, K.sku_code, K.name, avail, K.low_stock_threshold, K.name_zh)
         .select_from(S).join(L, S.location_id == L.id).join(W, L.warehouse_id == W.id)
         .join(K, S.sku_id == K.id).join(M, K.merchant_id == M.id)
         .where(L.kind == "pick", K.low_stock_threshold > 0)
         .group_by(W.code, W.id, M.code, K.id, K.sku_code, K.name, K.low_stock_threshold, K.name_zh)
         .having(avail < K.low_stock_threshold)
         .order_by(W.code, (avail - K.low_stock_threshold), K.sku_code).limit(limit))
    if warehouse:
        q = q.where(W.code == warehouse)
    R = models.ReplenishmentRequest
    open_ids = {(sku_id, wh_id): rid for rid, sku_id, wh_id in uow.session.execute(
        select(R.id, R.sku_id, R.warehouse_id).where(R.status == "open"))}
    return [LowStockRow(wh, m, code, name, int(a), t, open_ids.get((sku_id, wh_id)), name_zh or "")
            for wh, wh_id, m, sku_id, code, name, a, t, name_zh in uow.session.execute(q)]


def replenishment_csv(rows: list[ReplenishmentRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow(safe_row([r.id, r.created_at.isoformat(), r.status, r.reason, r.warehouse, r.merchant,
                                  r.supplier_phone, r.sku, r.gtin, r.name, r.qty, r.available, r.threshold]))
    return out.getvalue()


class UnknownStatus(PickdeskError):
    code = "unknown_status"


def set_replenishment_status(uow: UnitOfWork, request_id: int, status: str) -> None:
    """Mark a request sent to the merchant, received, or cancelled (supervisor)."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    if status not in STATUSES:
        raise UnknownStatus(f"Unknown replenishment status {status!r}.", f"未知的补货状态 {status!r}。")
    req = uow.session.get(models.ReplenishmentRequest, request_id)
    if req is None:
        raise NotFound(f"No replenishment request {request_id}.", f"没有补货申请 {request_id}。")
    before, req.status = req.status, status
    uow.audit("replenishment_status", "replenishment", req.id, **{"from": before, "to": status})
    uow.announce(ReplenishmentStatusChanged(id=req.id, status=status))
    uow.commit()
