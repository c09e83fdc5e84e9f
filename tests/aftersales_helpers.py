"""Shared by the after-sales tests: the demo warehouse taken from picked to packed by the real services."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.domain.packing import PackItem, carton_by_code, expected_weight, suggest_carton
from desktop.domain.roles import Role
from desktop.services import packing
from devices.decode import OrderScan


def actor(db: Database, login: str, station: str = "TEST-AS") -> Actor:
    with db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == login))
        return Actor(u.id, u.login, u.display_name, Role(u.role), station)


def call(db: Database, login: str | None, fn, *args, **kwargs):
    with db.unit_of_work(actor(db, login) if login else None) as uow:
        return fn(uow, *args, **kwargs)


def pack_whole_order(db: Database, order_no: str, today: date, login: str = "packer1") -> list[str]:
    """Pack every picked unit of `order_no` in one parcel (lots as picked, else the earliest good lot),
    on the rules' carrier, at the expected weight; the label counts as printed. Returns parcel codes."""
    view = call(db, login, packing.open_for_packing, OrderScan(order_no), today=today)
    units = []
    with db.unit_of_work() as uow:
        for line in view.lines:
            if line.qty == 0:
                continue
            if line.lots:
                units += [(line.line_no, lot.lot, lot.qty) for lot in line.lots]
                continue
            lot_code = None
            if line.lot_tracked:
                sku = uow.session.scalar(select(models.Sku).where(models.Sku.gtin == line.gtin))
                lots = uow.session.scalars(select(models.Lot).where(models.Lot.sku_id == sku.id)
                                           .order_by(models.Lot.expiry)).all()
                lot_code = next(lot.lot_code for lot in lots if lot.expiry and lot.expiry > today)
            units.append((line.line_no, lot_code, line.qty))
    by_no = {ln.line_no: ln for ln in view.lines}
    items = [PackItem(str(n), q, by_no[n].weight_g, by_no[n].length_mm, by_no[n].width_mm, by_no[n].height_mm,
                      by_no[n].fragile) for n, _lot, q in units]
    box = suggest_carton(items).carton
    weight = expected_weight(items, carton_by_code(box.code))
    parcel = call(db, login, packing.pack_parcel, order_no, units, box.code, weight, view.carrier.carrier,
                  view.carrier.service, action_id=f"pack-{order_no}", today=today)
    call(db, login, packing.record_labels_printed, [parcel.code])
    return [parcel.code]


def packed_and_labelled(db: Database, today: date) -> list[str]:
    """The demo's picked orders, packed by the packing service with printed labels: their order numbers."""
    with db.unit_of_work() as uow:
        picked = sorted(uow.session.scalars(select(models.Order.order_no).where(models.Order.status == "picked")))
    for no in picked:
        pack_whole_order(db, no, today)
    return picked


def parcel_of(db: Database, order_no: str) -> tuple[str, str, str]:
    """(parcel code, tracking number, carrier code) of an order's first parcel."""
    with db.unit_of_work() as uow:
        o = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no))
        p = o.parcels[0]
        return p.code, p.shipment.tracking_no, p.shipment.carrier.code
