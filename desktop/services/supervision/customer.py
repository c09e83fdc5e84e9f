"""Customer data, for supervisors only: the full recipient (opening it is audited), address corrections."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.db.database import UnitOfWork
from desktop.domain.lifecycle import OrderStatus
from desktop.domain.events import AddressCorrected
from desktop.services.supervision.common import DecisionRefused, _supervisor, _reason, _order


@dataclass(frozen=True)
class CustomerView:
    order_no: str
    name: str
    phone: str
    email: str
    country: str
    province: str
    city: str
    district: str
    detail: str
    postal_code: str


def open_customer(uow: UnitOfWork, order_no: str) -> CustomerView:
    """The full recipient for fixing an address hold; opening it is audited."""
    _supervisor(uow)
    order = _order(uow, order_no)
    s, no = uow.sealer, order.order_no
    view = CustomerView(no, s.open(order.customer_name_sealed, "customer_name", no),
                        s.open(order.customer_phone_sealed, "customer_phone", no),
                        s.open(order.customer_email_sealed, "customer_email", no) if order.customer_email_sealed else "",
                        order.ship_country, order.ship_province, order.ship_city, order.ship_district,
                        s.open(order.ship_detail_sealed, "ship_detail", no), order.ship_postal_code)
    uow.audit("customer_opened", "order", no, purpose="supervisor")
    uow.commit()
    return view


def correct_address(uow: UnitOfWork, order_no: str, reason: str, *, province: str | None = None,
                    city: str | None = None, district: str | None = None, detail: str | None = None,
                    postal_code: str | None = None, phone: str | None = None) -> None:
    """Fix a held order's address or phone (as the customer confirmed); sealed again. Release follows."""
    _supervisor(uow)
    reason = _reason(reason)
    order = _order(uow, order_no)
    if OrderStatus(order.status) is not OrderStatus.HELD:
        raise DecisionRefused("Only a held order's address is corrected here.", "只能修改挂起订单的地址。")
    changed = []
    for attr, value in (("ship_province", province), ("ship_city", city), ("ship_district", district),
                        ("ship_postal_code", postal_code)):
        if value is not None:
            setattr(order, attr, value.strip())
            changed.append(attr)
    if detail is not None:
        order.ship_detail_sealed = uow.sealer.seal(detail.strip(), "ship_detail", order_no)
        changed.append("ship_detail")
    if phone is not None:
        order.customer_phone_sealed = uow.sealer.seal(phone.strip(), "customer_phone", order_no)
        order.customer_phone_tail = uow.sealer.phone_digest(phone.strip())
        changed.append("customer_phone")
    uow.audit("address_corrected", "order", order_no, fields=changed, reason=reason)
    uow.announce(AddressCorrected(order_no=order_no, status=order.status))
    uow.commit()
