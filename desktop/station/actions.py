"""What a station journals, and how each kind of action is applied to the central database.

Every handler is idempotent by the action id (the services key their records on it), so replaying
a journal after a crash or an outage applies each confirmed action exactly once.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from desktop.db.database import UnitOfWork
from desktop.domain.actor import Actor
from desktop.domain.roles import Role
from desktop.station.journal import Handler, ReplayReport
from desktop.services import packing, picking


def _pick(uow: UnitOfWork, payload: dict[str, Any], action_id: str) -> Any:
    return picking.confirm_pick(uow, payload["task_id"], payload["qty"], payload.get("lot"), action_id)


def _refusal(uow: UnitOfWork, payload: dict[str, Any], action_id: str) -> Any:
    return picking.record_refusal(uow, payload["batch"], payload["reason"], payload.get("raw", ""),
                                  task_id=payload["task_id"], action_id=action_id)


def _short(uow: UnitOfWork, payload: dict[str, Any], action_id: str) -> Any:
    return picking.report_short(uow, payload["task_id"], payload["found"], action_id)


def pack_payload(order_no: str, contents: list[tuple[int, str | None, int]], carton: str, measured_g: Decimal | int,
                 carrier: str, service: str, *, override: packing.WeightOverride | None = None,
                 carrier_reason: str | None = None, today: date) -> dict[str, Any]:
    """A closed parcel as the journal keeps it (JSON): everything `pack_parcel` is given."""
    supervisor = None
    if override is not None:
        s = override.supervisor
        supervisor = {"user_id": s.user_id, "login": s.login, "display_name": s.display_name, "role": s.role.value,
                      "station": s.station, "reason": override.reason}
    return {"order_no": order_no, "contents": [[n, lot, q] for n, lot, q in contents], "carton": carton,
            "measured_g": str(measured_g), "carrier": carrier, "service": service, "override": supervisor,
            "carrier_reason": carrier_reason, "today": today.isoformat()}


def _pack(uow: UnitOfWork, payload: dict[str, Any], action_id: str) -> Any:
    o = payload.get("override")
    override = None if o is None else packing.WeightOverride(
        Actor(o["user_id"], o["login"], o["display_name"], Role(o["role"]), o["station"]), o["reason"])
    return packing.pack_parcel(uow, payload["order_no"], [(n, lot, q) for n, lot, q in payload["contents"]],
                               payload["carton"], Decimal(payload["measured_g"]), payload["carrier"],
                               payload["service"], override=override, carrier_reason=payload.get("carrier_reason"),
                               action_id=action_id, today=date.fromisoformat(payload["today"]))


HANDLERS: dict[str, Handler] = {"pick": _pick, "refusal": _refusal, "short": _short, "pack": _pack}


def packed_orders(report: ReplayReport) -> list[str]:
    """Orders whose last parcel this replay closed: their labels can print now, with the carrier's
    numbers the central database gave. A parcel an earlier replay made already is not among them."""
    return [o.order_no for o in report.outcomes.values()
            if isinstance(o, packing.ParcelView) and o.order_packed and not o.replayed]
