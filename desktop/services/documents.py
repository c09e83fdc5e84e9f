"""Shipping labels and packing slips for an order, built from the central database.

The only place customer data is opened for printing: the sealed fields are decrypted here into
`printing.documents` objects that are rendered and sent, never stored. Each opening is audited.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.lifecycle import PaymentMethod
from desktop.domain.roles import Role, require_role
from desktop.security.crypto import mask_phone
from printing.documents import Address, PackingSlip, Party, ShippingLabel, SlipLine


class NotReadyToPrint(PickdeskError):
    code = "not_ready_to_print"


def _order(uow: UnitOfWork, order_no: str) -> models.Order:
    order = uow.session.scalar(
        select(models.Order).where(models.Order.order_no == order_no)
        .options(selectinload(models.Order.parcels).selectinload(models.Parcel.shipment),
                 selectinload(models.Order.lines).selectinload(models.OrderLine.sku),
                 selectinload(models.Order.merchant))
    )
    if order is None:
        raise NotFound(f"No order {order_no!r}.", f"没有订单 {order_no!r}。")
    return order


def _recipient(uow: UnitOfWork, order: models.Order) -> Party:
    opened = uow.sealer.open
    no = order.order_no
    return Party(
        name=opened(order.customer_name_sealed, "customer_name", no),
        phone=opened(order.customer_phone_sealed, "customer_phone", no),
        address=Address(detail=opened(order.ship_detail_sealed, "ship_detail", no), city=order.ship_city,
                        province=order.ship_province, district=order.ship_district,
                        postal_code=order.ship_postal_code, country=order.ship_country),
    )


def _sender(merchant: models.Merchant) -> Party:
    return Party(name=merchant.name, phone=merchant.phone, address=Address(detail=merchant.address))


def shipping_labels(uow: UnitOfWork, order_no: str, parcel: int | None = None) -> list[ShippingLabel]:
    """One label per parcel of the order (or just parcel `parcel`), each with its tracking number."""
    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    order = _order(uow, order_no)
    parcels = [p for p in order.parcels if parcel is None or p.seq == parcel]
    if parcel is not None and not parcels:
        raise NotFound(f"Order {order_no} has no parcel {parcel} (it has {len(order.parcels)}).",
                       f"订单 {order_no} 没有第 {parcel} 个包裹（共 {len(order.parcels)} 个）。")
    if not parcels or any(p.shipment is None for p in parcels):
        raise NotReadyToPrint(
            f"Order {order_no} has no packed parcel with a carrier yet (status: {order.status}).",
            f"订单 {order_no} 还没有已打包并分配承运商的包裹（状态：{order.status}）。")
    recipient = _recipient(uow, order)
    sender = _sender(order.merchant)
    labels = []
    numbers = [p.shipment.tracking_no for p in parcels]
    issued = {w.number: w for w in uow.session.scalars(select(models.Waybill).where(models.Waybill.number.in_(numbers)))}
    for p in parcels:
        carrier = p.shipment.carrier
        waybill = issued.get(p.shipment.tracking_no)
        route = waybill.route_label if waybill is not None else {}
        three = "-".join(x for x in (route.get("coding_mapping_out"), route.get("dest_route_label"),
                                     route.get("coding_mapping")) if x)
        account = uow.session.scalar(select(models.CarrierAccount).where(
            models.CarrierAccount.code == carrier.code, models.CarrierAccount.active.is_(True)))
        privacy = bool(account is not None and (account.options or {}).get("privacy_waybill"))
        # A number masked already (the mall's, accepted at intake for a privacy carrier) stays as it is.
        shown = (replace(recipient, phone=mask_phone(recipient.phone))
                 if privacy and recipient.phone and "*" not in recipient.phone else recipient)
        labels.append(ShippingLabel(
            sender=sender, recipient=shown, carrier=f"{carrier.name_zh} {carrier.name}".strip(),
            service=carrier.definition.get("services", {}).get(p.shipment.service, {}).get("label", p.shipment.service),
            tracking_number=p.shipment.tracking_no, order_number=order.order_no,
            parcel_index=p.seq, parcel_count=p.of, weight_grams=p.actual_weight_g or p.expected_weight_g or 0,
            fragile=any(item.line.sku.fragile for item in p.contents), insured=p.insured_value is not None,
            cod_amount=order.cod_amount if order.payment_method == PaymentMethod.COD else None, currency=order.currency,
            ship_date=(p.shipment.shipped_at or p.packed_at or order.updated_at).date(), sscc=p.sscc,
            sort_code=str(route.get("dest_route_label") or ""), three_segment=three, privacy=privacy,
        ))
    uow.audit("customer_data_opened", "order", order.order_no, purpose="shipping_label", parcels=len(labels))
    return labels


def packing_slip(uow: UnitOfWork, order_no: str) -> PackingSlip:
    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    order = _order(uow, order_no)
    lots: dict[int, models.Lot] = {}
    for p in order.parcels:
        for item in p.contents:
            if item.lot is not None:
                lots.setdefault(item.order_line_id, item.lot)
    lines = tuple(
        SlipLine(sku=ln.sku.sku_code, name=f"{ln.sku.name_zh} {ln.sku.name}".strip(), quantity=ln.qty,
                 gtin=ln.sku.gtin, lot=lots[ln.id].lot_code if ln.id in lots else "",
                 expiry=lots[ln.id].expiry if ln.id in lots else None, unit_price=ln.unit_price)
        for ln in order.lines)
    slip = PackingSlip(order_number=order.order_no, merchant=_sender(order.merchant), recipient=_recipient(uow, order),
                       lines=lines, parcel_count=max(1, len(order.parcels)), gift=order.gift,
                       return_instructions=order.merchant.return_instructions, currency=order.currency,
                       order_date=order.created_at.date())
    uow.audit("customer_data_opened", "order", order.order_no, purpose="packing_slip")
    return slip
