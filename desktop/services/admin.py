"""The admin's use cases: the warehouse's master data, listed, searched and edited.

Stations (name, kind, who is signed in, last seen), warehouses and their locations, merchants and
their terms, SKUs (search, edit, retire, product picture) and promotions (validity, the orders they
touched). Every edit checks the admin role here, is audited, announced on the change feed and
committed once; one that would break data in use is refused with a typed, bilingual `InUse`
(a location that holds stock, a SKU on an open order) and leaves nothing written.

Searches run in SQL and give ids (`location_ids`, `sku_ids`); the rows for the ids a screen shows are
built on demand (`location_rows`, `sku_rows`), so a table of 50 000 SKUs loads only what is seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import String, cast, func, or_, select

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.lifecycle import OrderStatus
from desktop.domain.roles import Role, require_role

STATION_KINDS = ("any", "pick", "pack", "supervisor")
LOCATION_KINDS = ("pick", "reserve", "quarantine", "returns", "dock")
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif")
# An order is open until it leaves the building (or is cancelled): its SKUs are still to be picked or packed.
OPEN_ORDER_STATUSES = (OrderStatus.RECEIVED, OrderStatus.HELD, OrderStatus.BACKORDERED, OrderStatus.READY,
                       OrderStatus.PICKING, OrderStatus.PICKED, OrderStatus.PACKED)
SEARCH_LIMIT = 5000


class InUse(PickdeskError):
    """The edit would break data in use (stock in a location, a SKU on an open order)."""

    code = "in_use"


class InvalidValue(PickdeskError):
    """A value the admin typed that the warehouse cannot use (a negative weight, an unknown kind)."""

    code = "invalid_value"


def _admin(uow: UnitOfWork) -> None:
    require_role(uow.actor.role, Role.ADMIN)


def _get(uow: UnitOfWork, model: type, row_id: int, what: str, what_zh: str) -> Any:
    row = uow.session.get(model, row_id)
    if row is None:
        raise NotFound(f"No such {what} (id {row_id}).", f"找不到该{what_zh}（编号 {row_id}）。")
    return row


def _like(text: str) -> str:
    return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _changed(row: object, values: dict[str, Any]) -> dict[str, list[str]]:
    """Set the attributes that differ; return {field: [before, after]} for the audit record."""
    changes: dict[str, list[str]] = {}
    for field, value in values.items():
        before = getattr(row, field)
        if value != before:
            setattr(row, field, value)
            changes[field] = [str(before), str(value)]
    return changes


def _non_negative_int(value: Any, field: str, field_zh: str) -> int:
    text = str(value).strip()
    if isinstance(value, bool) or not (text.isascii() and text.isdigit()):
        raise InvalidValue(f"{field} must be a whole number, 0 or more (not {value!r}).",
                           f"{field_zh}必须是 0 或更大的整数（不是 {value!r}）。")
    return int(text)


def _money(value: Any, field: str, field_zh: str, *, optional: bool = False) -> Decimal | None:
    if optional and (value is None or str(value).strip() == ""):
        return None
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        amount = Decimal(-1)
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise InvalidValue(f"{field} must be an amount of 0 or more with at most two decimals (not {value!r}).",
                           f"{field_zh}必须是不小于 0、最多两位小数的金额（不是 {value!r}）。")
    return amount.quantize(Decimal("0.01"))


def _text(value: Any, limit: int, field: str, field_zh: str, *, required: bool = True) -> str:
    text = str(value or "").strip()
    if required and not text:
        raise InvalidValue(f"{field} cannot be empty.", f"{field_zh}不能为空。")
    if len(text) > limit:
        raise InvalidValue(f"{field} is at most {limit} characters.", f"{field_zh}最多 {limit} 个字符。")
    return text


# ─── stations ───────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class StationRow:
    id: int
    name: str
    kind: str
    user_login: str | None
    user_name: str | None
    last_seen_at: datetime | None


def list_stations(uow: UnitOfWork, text: str = "") -> list[StationRow]:
    """Every station that ever signed someone in (sign-in records them), last seen first."""
    _admin(uow)
    St, U = models.Station, models.User
    q = (select(St.id, St.name, St.kind, U.login, U.display_name, St.last_seen_at)
         .outerjoin(U, St.current_user_id == U.id))
    if text.strip():
        q = q.where(or_(St.name.ilike(_like(text), escape="\\"), U.login.ilike(_like(text), escape="\\")))
    rows = [StationRow(*r) for r in uow.session.execute(q.order_by(St.name))]
    return sorted(rows, key=lambda r: (r.last_seen_at is None, -(r.last_seen_at.timestamp() if r.last_seen_at else 0)))


def edit_station(uow: UnitOfWork, station_id: int, *, name: str, kind: str) -> StationRow:
    """Rename a station or say what it is for. A name in use by another station is refused."""
    _admin(uow)
    st = _get(uow, models.Station, station_id, "station", "工作站")
    name = _text(name, 40, "The station name", "工作站名称")
    if kind not in STATION_KINDS:
        raise InvalidValue(f"A station is one of {', '.join(STATION_KINDS)} (not {kind!r}).",
                           f"工作站类型必须是 {'、'.join(STATION_KINDS)} 之一（不是 {kind!r}）。")
    other = uow.session.scalar(select(models.Station.id).where(models.Station.name == name, models.Station.id != st.id))
    if other is not None:
        raise InUse(f"Another station is already called {name}.", f"已有其他工作站名为 {name}。")
    if name != st.name and st.current_user_id is not None:
        # Its journal and sign-out are keyed by the name it signed in with.
        raise InUse(f"Station {st.name} has someone signed in: rename it when they have signed out.",
                    f"工作站 {st.name} 有人登录中：请在其退出后再改名。")
    changes = _changed(st, {"name": name, "kind": kind})
    if changes:
        uow.audit("station_edited", "station", st.id, **changes)
        uow.announce("stations", st.name, event="edited")
    uow.commit()
    return next(r for r in list_stations(uow) if r.id == st.id)


# ─── warehouses and locations ───────────────────────────────────────────────────


@dataclass(frozen=True)
class WarehouseRow:
    id: int
    code: str
    name: str
    city: str
    address: str
    active: bool
    locations: int
    layout: dict[str, Any]


def list_warehouses(uow: UnitOfWork) -> list[WarehouseRow]:
    _admin(uow)
    W, L = models.Warehouse, models.Location
    counts = dict(uow.session.execute(select(L.warehouse_id, func.count()).where(L.active.is_(True))
                                      .group_by(L.warehouse_id)).all())
    return [WarehouseRow(w.id, w.code, w.name, w.city, w.address, w.active, int(counts.get(w.id, 0)), dict(w.layout or {}))
            for w in uow.session.scalars(select(W).order_by(W.code))]


def edit_warehouse(uow: UnitOfWork, warehouse_id: int, *, name: str, city: str, address: str) -> None:
    _admin(uow)
    w = _get(uow, models.Warehouse, warehouse_id, "warehouse", "仓库")
    changes = _changed(w, {"name": _text(name, 120, "The warehouse name", "仓库名称"),
                           "city": _text(city, 60, "The city", "城市", required=False),
                           "address": _text(address, 300, "The address", "地址", required=False)})
    if changes:
        uow.audit("warehouse_edited", "warehouse", w.code, **changes)
        uow.announce("warehouses", w.code, event="edited")
    uow.commit()


@dataclass(frozen=True)
class LocationRow:
    id: int
    code: str
    warehouse: str
    kind: str
    aisle: int
    block: int
    slot: int
    level: int
    active: bool
    on_hand: int
    reserved: int


def location_ids(uow: UnitOfWork, warehouse_id: int | None = None, text: str = "", *,
                 limit: int = SEARCH_LIMIT) -> list[int]:
    """The ids of the locations matching `text` (code or kind), in code order."""
    _admin(uow)
    L = models.Location
    q = select(L.id)
    if warehouse_id is not None:
        q = q.where(L.warehouse_id == warehouse_id)
    if text.strip():
        q = q.where(or_(L.code.ilike(_like(text), escape="\\"), L.kind == text.strip().lower()))
    return list(uow.session.scalars(q.order_by(L.code).limit(limit)))


def location_rows(uow: UnitOfWork, ids: Sequence[int]) -> list[LocationRow]:
    """The rows for these ids, in the same order (what a table shows of a search)."""
    _admin(uow)
    if not ids:
        return []
    L, W, S = models.Location, models.Warehouse, models.Stock
    held = (select(S.location_id, func.sum(S.on_hand).label("on_hand"), func.sum(S.reserved).label("reserved"))
            .where(S.location_id.in_(ids)).group_by(S.location_id).subquery())
    q = (select(L.id, L.code, W.code, L.kind, L.aisle, L.block, L.slot, L.level, L.active,
                func.coalesce(held.c.on_hand, 0), func.coalesce(held.c.reserved, 0))
         .join(W, L.warehouse_id == W.id).outerjoin(held, held.c.location_id == L.id).where(L.id.in_(ids)))
    by_id = {r[0]: LocationRow(*r[:9], int(r[9]), int(r[10])) for r in uow.session.execute(q)}
    return [by_id[i] for i in ids if i in by_id]


def _location_in_use(uow: UnitOfWork, loc: models.Location) -> None:
    S, T = models.Stock, models.PickTask
    on_hand = int(uow.session.scalar(select(func.coalesce(func.sum(S.on_hand), 0)).where(S.location_id == loc.id)) or 0)
    if on_hand:
        raise InUse(f"Location {loc.code} holds {on_hand} unit(s): move them out before retiring it.",
                    f"库位 {loc.code} 仍存有 {on_hand} 件货品：请先移走再停用。")
    open_tasks = uow.session.scalar(select(func.count()).select_from(T)
                                    .where(T.location_id == loc.id, T.status == "open"))
    if open_tasks:
        raise InUse(f"Location {loc.code} is on {open_tasks} pick stop(s) still to walk.",
                    f"库位 {loc.code} 仍在 {open_tasks} 个待拣站点上。")


def retire_location(uow: UnitOfWork, location_id: int) -> None:
    """Stop using a location. Refused while it holds stock or a pick route still goes there."""
    _admin(uow)
    loc = _get(uow, models.Location, location_id, "location", "库位")
    if not loc.active:
        return
    _location_in_use(uow, loc)
    loc.active = False
    uow.audit("location_retired", "location", loc.code)
    uow.announce("warehouses", loc.code, event="location_retired")
    uow.commit()


def restore_location(uow: UnitOfWork, location_id: int) -> None:
    _admin(uow)
    loc = _get(uow, models.Location, location_id, "location", "库位")
    if loc.active:
        return
    loc.active = True
    uow.audit("location_restored", "location", loc.code)
    uow.announce("warehouses", loc.code, event="location_restored")
    uow.commit()


def set_location_kind(uow: UnitOfWork, location_id: int, kind: str) -> None:
    """Say what a location is for. A location whose units are reserved for orders stays a pick location."""
    _admin(uow)
    loc = _get(uow, models.Location, location_id, "location", "库位")
    if kind not in LOCATION_KINDS:
        raise InvalidValue(f"A location is one of {', '.join(LOCATION_KINDS)} (not {kind!r}).",
                           f"库位类型必须是 {'、'.join(LOCATION_KINDS)} 之一（不是 {kind!r}）。")
    if kind == loc.kind:
        return
    S = models.Stock
    reserved = int(uow.session.scalar(select(func.coalesce(func.sum(S.reserved), 0)).where(S.location_id == loc.id)) or 0)
    if loc.kind == "pick" and reserved:
        raise InUse(f"Location {loc.code} holds {reserved} unit(s) reserved for orders: it stays a pick location "
                    f"until they are picked.",
                    f"库位 {loc.code} 有 {reserved} 件已为订单预留：拣完之前须保持为拣货库位。")
    before, loc.kind = loc.kind, kind
    uow.audit("location_kind", "location", loc.code, kind=[before, kind])
    uow.announce("warehouses", loc.code, event="location_kind")
    uow.commit()


# ─── merchants and their terms ──────────────────────────────────────────────────


@dataclass(frozen=True)
class MerchantRow:
    id: int
    code: str
    name: str
    phone: str
    free_shipping_threshold: Decimal | None
    standard_shipping_fee: Decimal
    return_days: int
    warranty_days: int
    min_remaining_shelf_days: int
    shipping_regions: list[dict[str, Any]]  # [{"provinces": [...], "fee": "20.00"}], first match wins
    active: bool
    skus: int
    promotions: int


def list_merchants(uow: UnitOfWork, text: str = "") -> list[MerchantRow]:
    _admin(uow)
    M, K, P = models.Merchant, models.Sku, models.Promotion
    skus = dict(uow.session.execute(select(K.merchant_id, func.count()).where(K.active.is_(True)).group_by(K.merchant_id)).all())
    promos = dict(uow.session.execute(select(P.merchant_id, func.count()).group_by(P.merchant_id)).all())
    q = select(M).order_by(M.code)
    if text.strip():
        q = q.where(or_(M.code.ilike(_like(text), escape="\\"), M.name.ilike(_like(text), escape="\\")))
    return [MerchantRow(m.id, m.code, m.name, m.phone, m.free_shipping_threshold, m.standard_shipping_fee,
                        m.return_days, m.warranty_days, m.min_remaining_shelf_days,
                        [dict(r) for r in (m.shipping_regions or [])], m.active, int(skus.get(m.id, 0)),
                        int(promos.get(m.id, 0)))
            for m in uow.session.scalars(q)]


def edit_merchant_terms(uow: UnitOfWork, merchant_id: int, *, name: str, phone: str,
                        free_shipping_threshold: Any, standard_shipping_fee: Any, return_days: Any,
                        warranty_days: Any, min_remaining_shelf_days: Any,
                        shipping_regions: Sequence[dict[str, Any]] | None = None) -> None:
    """A merchant's name and the terms intake and after-sales apply (shipping, returns, shelf life).

    `shipping_regions` (None: unchanged) replaces the regional fees: provinces listed there pay
    that region's fee instead of the standard one, the first region naming a province wins.
    """
    _admin(uow)
    m = _get(uow, models.Merchant, merchant_id, "merchant", "商家")
    values: dict[str, Any] = {}
    if shipping_regions is not None:
        values["shipping_regions"] = _regions(shipping_regions)
    changes = _changed(m, {**values, 
        "name": _text(name, 120, "The merchant name", "商家名称"),
        "phone": _text(phone, 40, "The phone", "电话", required=False),
        "free_shipping_threshold": _money(free_shipping_threshold, "Free shipping from", "包邮门槛", optional=True),
        "standard_shipping_fee": _money(standard_shipping_fee, "The shipping fee", "运费"),
        "return_days": _non_negative_int(return_days, "Return days", "退货天数"),
        "warranty_days": _non_negative_int(warranty_days, "Warranty days", "保修天数"),
        "min_remaining_shelf_days": _non_negative_int(min_remaining_shelf_days, "Minimum shelf life", "最短剩余保质期"),
    })
    if changes:
        uow.audit("merchant_terms", "merchant", m.code, **changes)
        uow.announce("merchants", m.code, event="terms")
    uow.commit()


def _regions(regions: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    clean: list[dict[str, Any]] = []
    seen: set[str] = set()
    for region in regions:
        provinces = [str(p).strip() for p in region.get("provinces", []) if str(p).strip()]
        if not provinces:
            raise InvalidValue("A shipping region names at least one province.", "运费地区至少要列出一个省份。")
        twice = [p for p in provinces if p in seen]
        if twice:
            raise InvalidValue(f"{twice[0]} is in two shipping regions.", f"{twice[0]} 出现在两个运费地区中。")
        seen.update(provinces)
        fee = _money(region.get("fee"), f"The fee for {provinces[0]}", f"{provinces[0]} 的运费")
        clean.append({"provinces": provinces, "fee": str(fee)})
    return clean


# ─── SKUs ───────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class SkuRow:
    id: int
    merchant: str
    sku_code: str
    gtin: str
    name: str
    name_zh: str
    unit_value: Decimal
    weight_g: int
    length_mm: int
    width_mm: int
    height_mm: int
    fragile: bool
    lot_tracked: bool
    low_stock_threshold: int
    image: str | None
    active: bool
    on_hand: int


def sku_ids(uow: UnitOfWork, text: str = "", *, merchant_id: int | None = None, retired: bool = True,
            limit: int = SEARCH_LIMIT) -> list[int]:
    """The ids of the SKUs whose code, GTIN or name (either language) contains `text`, by merchant and code."""
    _admin(uow)
    K, M = models.Sku, models.Merchant
    q = select(K.id).join(M, K.merchant_id == M.id)
    if merchant_id is not None:
        q = q.where(K.merchant_id == merchant_id)
    if not retired:
        q = q.where(K.active.is_(True))
    if text.strip():
        like = _like(text)
        q = q.where(or_(K.sku_code.ilike(like, escape="\\"), K.gtin.like(like, escape="\\"),
                        K.name.ilike(like, escape="\\"), K.name_zh.like(like, escape="\\")))
    return list(uow.session.scalars(q.order_by(M.code, K.sku_code).limit(limit)))


def sku_rows(uow: UnitOfWork, ids: Sequence[int]) -> list[SkuRow]:
    _admin(uow)
    if not ids:
        return []
    K, M, S = models.Sku, models.Merchant, models.Stock
    held = (select(S.sku_id, func.sum(S.on_hand).label("on_hand")).where(S.sku_id.in_(ids))
            .group_by(S.sku_id).subquery())
    q = (select(K.id, M.code, K.sku_code, K.gtin, K.name, K.name_zh, K.unit_value, K.weight_g, K.length_mm,
                K.width_mm, K.height_mm, K.fragile, K.lot_tracked, K.low_stock_threshold, K.image, K.active,
                func.coalesce(held.c.on_hand, 0))
         .join(M, K.merchant_id == M.id).outerjoin(held, held.c.sku_id == K.id).where(K.id.in_(ids)))
    by_id = {r[0]: SkuRow(*r[:16], int(r[16])) for r in uow.session.execute(q)}
    return [by_id[i] for i in ids if i in by_id]


def edit_sku(uow: UnitOfWork, sku_id: int, *, name: str, name_zh: str, unit_value: Any, weight_g: Any,
             length_mm: Any, width_mm: Any, height_mm: Any, fragile: bool, low_stock_threshold: Any) -> None:
    """A SKU's names, price, weight, size and handling. Its code and GTIN are its identity and stay."""
    _admin(uow)
    k = _get(uow, models.Sku, sku_id, "SKU", "商品")
    values = {
        "name": _text(name, 200, "The product name", "商品名称"),
        "name_zh": _text(name_zh, 200, "The Chinese name", "中文名称", required=False),
        "unit_value": _money(unit_value, "The unit value", "单价"),
        "weight_g": _non_negative_int(weight_g, "The weight (g)", "重量（克）"),
        "length_mm": _non_negative_int(length_mm, "The length (mm)", "长度（毫米）"),
        "width_mm": _non_negative_int(width_mm, "The width (mm)", "宽度（毫米）"),
        "height_mm": _non_negative_int(height_mm, "The height (mm)", "高度（毫米）"),
        "fragile": bool(fragile),
        "low_stock_threshold": _non_negative_int(low_stock_threshold, "The low-stock threshold", "低库存阈值"),
    }
    if values["weight_g"] == 0:
        raise InvalidValue("A product weighs something: the packer's scale checks it.",
                           "商品重量不能为 0：打包时要用秤核对。")
    changes = _changed(k, values)
    if changes:
        uow.audit("sku_edited", "sku", k.sku_code, **changes)
        uow.announce("skus", k.sku_code, event="edited")
    uow.commit()


def _open_orders_with(uow: UnitOfWork, sku_id: int) -> list[str]:
    O, OL = models.Order, models.OrderLine
    return list(uow.session.scalars(select(O.order_no).join(OL, OL.order_id == O.id)
                                    .where(OL.sku_id == sku_id, O.status.in_([s.value for s in OPEN_ORDER_STATUSES]))
                                    .distinct().order_by(O.order_no).limit(6)))


def retire_sku(uow: UnitOfWork, sku_id: int) -> None:
    """Stop selling a SKU: intake no longer finds it. Refused while an open order has it on a line."""
    _admin(uow)
    k = _get(uow, models.Sku, sku_id, "SKU", "商品")
    if not k.active:
        return
    orders = _open_orders_with(uow, k.id)
    if orders:
        shown = ", ".join(orders[:5]) + (" …" if len(orders) > 5 else "")
        raise InUse(f"SKU {k.sku_code} is on open orders ({shown}): retire it when they have shipped or been cancelled.",
                    f"商品 {k.sku_code} 仍在未完成的订单中（{shown}）：请在这些订单发货或取消后再停用。")
    k.active = False
    uow.audit("sku_retired", "sku", k.sku_code)
    uow.announce("skus", k.sku_code, event="retired")
    uow.commit()


def restore_sku(uow: UnitOfWork, sku_id: int) -> None:
    _admin(uow)
    k = _get(uow, models.Sku, sku_id, "SKU", "商品")
    if k.active:
        return
    k.active = True
    uow.audit("sku_restored", "sku", k.sku_code)
    uow.announce("skus", k.sku_code, event="restored")
    uow.commit()


def set_sku_picture(uow: UnitOfWork, sku_id: int, path: str | None) -> None:
    """The product picture pickers see at the shelf: an image file, or None to remove it."""
    _admin(uow)
    k = _get(uow, models.Sku, sku_id, "SKU", "商品")
    picture: str | None = None
    if path:
        file = Path(path).expanduser()
        if file.suffix.lower() not in PICTURE_SUFFIXES or not file.is_file():
            raise InvalidValue(f"Not a picture file: {path} (PNG, JPEG, WebP, BMP or GIF).",
                               f"不是图片文件：{path}（请用 PNG、JPEG、WebP、BMP 或 GIF）。")
        picture = str(file.resolve())
        if len(picture) > 200:
            raise InvalidValue("The picture's path is longer than 200 characters: move it to a shorter folder.",
                               "图片路径超过 200 个字符：请移到较短的文件夹。")
    if picture == k.image:
        return
    before, k.image = k.image, picture
    uow.audit("sku_picture", "sku", k.sku_code, image=[str(before), str(picture)])
    uow.announce("skus", k.sku_code, event="picture")
    uow.commit()


# ─── promotions ─────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class PromotionRow:
    id: int
    merchant: str | None  # None: every merchant
    code: str
    kind: str
    params: dict[str, Any]
    valid_from: datetime | None
    valid_to: datetime | None
    active: bool

    def in_force(self, at: datetime) -> bool:
        return (self.active and (self.valid_from is None or self.valid_from <= at)
                and (self.valid_to is None or at <= self.valid_to))


def list_promotions(uow: UnitOfWork, merchant_id: int | None = None, text: str = "") -> list[PromotionRow]:
    _admin(uow)
    P, M = models.Promotion, models.Merchant
    q = (select(P.id, M.code, P.code, P.kind, P.params, P.valid_from, P.valid_to, P.active)
         .outerjoin(M, P.merchant_id == M.id))
    if merchant_id is not None:  # the merchant's own, and those for every merchant
        q = q.where(or_(P.merchant_id == merchant_id, P.merchant_id.is_(None)))
    if text.strip():
        q = q.where(P.code.ilike(_like(text), escape="\\"))
    return [PromotionRow(r[0], r[1], r[2], r[3], dict(r[4] or {}), r[5], r[6], r[7])
            for r in uow.session.execute(q.order_by(P.code))]


@dataclass(frozen=True)
class TouchedOrder:
    order_no: str
    status: str
    created_at: datetime
    applied: bool  # the price check applied it (else the order only named it as a coupon)


def orders_touched(uow: UnitOfWork, promotion_id: int, *, limit: int = 500) -> list[TouchedOrder]:
    """The orders (of the promotion's merchant, if it has one) that named it as a coupon or had it applied at intake."""
    _admin(uow)
    promo = _get(uow, models.Promotion, promotion_id, "promotion", "促销")
    O = models.Order
    quoted = f'%"{promo.code}"%'  # a JSON string anywhere in the coupons or the outcome; confirmed below
    q = (select(O.order_no, O.status, O.created_at, O.coupons, O.intake_outcome)
         .where(or_(cast(O.coupons, String).like(quoted), cast(O.intake_outcome, String).like(quoted)))
         .order_by(O.created_at.desc()))
    if promo.merchant_id is not None:
        q = q.where(O.merchant_id == promo.merchant_id)
    touched: list[TouchedOrder] = []
    for no, status, created, coupons, outcome in uow.session.execute(q):
        applied = promo.code in ((outcome or {}).get("price") or {}).get("applied", [])
        if applied or promo.code in (coupons or []):
            touched.append(TouchedOrder(no, status, created, applied))
            if len(touched) >= limit:
                break
    return touched


def edit_promotion(uow: UnitOfWork, promotion_id: int, *, valid_from: datetime | None, valid_to: datetime | None,
                   active: bool) -> None:
    """When a promotion is in force, and whether at all. Orders already checked keep their outcome."""
    _admin(uow)
    p = _get(uow, models.Promotion, promotion_id, "promotion", "促销")
    for when in (valid_from, valid_to):
        if when is not None and when.tzinfo is None:
            raise InvalidValue("A validity date needs its time zone.", "有效期需要带时区。")
    if valid_from is not None and valid_to is not None and valid_to < valid_from:
        raise InvalidValue(f"Promotion {p.code} would end before it starts.", f"促销 {p.code} 的结束时间早于开始时间。")
    changes = _changed(p, {"valid_from": valid_from, "valid_to": valid_to, "active": bool(active)})
    if changes:
        uow.audit("promotion_edited", "promotion", p.code, merchant_id=p.merchant_id, **changes)
        uow.announce("promotions", p.code, event="edited")
    uow.commit()
