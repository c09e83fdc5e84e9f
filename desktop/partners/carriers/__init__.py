"""Carriers: one adapter interface, carriers defined as data, and a demo carrier that runs offline.

* `CarrierAdapter` — what the warehouse asks a carrier: its services, whether it covers a
  destination (and the remote-region surcharge), the weight limit, a price quote, a new tracking
  number, and the tracking events since a time.
* `DataCarrier` — a carrier built from a JSON definition (the same keys as the `carriers.definition`
  column). Two definitions are bundled in `definitions/` (SF Express, ZTO Express); `bundled()`
  loads them with importlib.resources.
* `DemoCarrier` — wraps a `DataCarrier` and, given the shipments it carries and a clock, emits a
  deterministic, realistic sequence of events per tracking number (picked up → in transit with an
  ETA → sometimes delayed or lost → out for delivery → delivered or refused). The fate of a parcel
  is a function of its tracking number, so the same shipments give the same story every time.

* `sf` (desktop/partners/carriers/sf.py) — the client of SF Express's open platform (丰桥): waybill
  numbers, sort codes, cancel, routes, intercepts, for a carrier with an "sf" account (docs/carriers.md).

Prices reuse `desktop.domain.packing.shipping_cost`, so the hand-over, the packer's carrier choice
and the quotes here agree to the cent.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from importlib import resources
from typing import Any, Protocol

from desktop.domain.errors import PickdeskError
from desktop.domain.packing import REMOTE_REGIONS, Destination, shipping_cost, tracking_number

EVENT_KINDS = ("picked_up", "in_transit", "delayed", "lost", "out_for_delivery", "delivered", "refused")
BUNDLED = ("sf.json", "zto.json")


class CarrierCannotTake(PickdeskError):
    code = "carrier_cannot_take"


@dataclass(frozen=True)
class Service:
    code: str
    label: str
    days: int
    base: Decimal
    per_kg: Decimal


@dataclass(frozen=True)
class Coverage:
    covered: bool
    surcharge: Decimal = Decimal("0.00")  # added for remote regions
    reason: str = ""
    reason_zh: str = ""


@dataclass(frozen=True)
class TrackingUpdate:
    """One tracking event as a carrier (or a file) reports it."""

    tracking_no: str
    at: datetime  # timezone-aware
    kind: str  # one of EVENT_KINDS
    place: str = ""
    detail: str = ""
    eta: datetime | None = None


class CarrierAdapter(Protocol):
    code: str
    name: str
    name_zh: str

    def services(self) -> list[Service]: ...

    def covers(self, country: str, province: str = "") -> Coverage: ...

    @property
    def max_weight_g(self) -> int: ...

    def quote(self, weight_g: int, destination: Destination, service: str,
              insured_value: Decimal | None = None) -> Decimal: ...

    def new_tracking_number(self) -> str: ...

    def fetch_events(self, tracking_numbers: Iterable[str], since: datetime | None) -> list[TrackingUpdate]: ...


class DataCarrier:
    """A carrier whose rules are data. It has no online tracking: `fetch_events` returns nothing."""

    def __init__(self, code: str, name: str, name_zh: str, definition: Mapping[str, Any]) -> None:
        self.code, self.name, self.name_zh = code, name, name_zh
        self.definition = dict(definition)

    @classmethod
    def from_json(cls, text: str) -> DataCarrier:
        data = json.loads(text)
        return cls(data["code"], data["name"], data.get("name_zh", ""), data["definition"])

    def services(self) -> list[Service]:
        return [Service(code, svc.get("label", code), int(svc["days"]), Decimal(str(svc["base"])),
                        Decimal(str(svc["per_kg"])))
                for code, svc in self.definition.get("services", {}).items()]

    def covers(self, country: str, province: str = "") -> Coverage:
        d = self.definition
        if country == "CN":
            if province in d.get("remote_provinces", []):
                return Coverage(False, reason=f"{self.code} does not deliver to {province}",
                                reason_zh=f"{self.name_zh}不配送至{province}")
            surcharge = Decimal(str(d.get("remote_surcharge", "0"))) if province in REMOTE_REGIONS else Decimal(0)
            return Coverage(True, surcharge.quantize(Decimal("0.01")))
        if country not in d.get("international", []):
            return Coverage(False, reason=f"{self.code} does not ship to {country}",
                            reason_zh=f"{self.name_zh}不承运寄往 {country} 的包裹")
        return Coverage(True)

    @property
    def max_weight_g(self) -> int:
        return int(self.definition.get("max_weight_g", 0) or 0)

    def quote(self, weight_g: int, destination: Destination, service: str,
              insured_value: Decimal | None = None) -> Decimal:
        if service not in self.definition.get("services", {}):
            raise CarrierCannotTake(f"{self.code} has no service {service!r}.", f"{self.name_zh}没有「{service}」服务。")
        coverage = self.covers(destination.country, destination.province)
        if not coverage.covered:
            raise CarrierCannotTake(coverage.reason + ".", coverage.reason_zh + "。")
        if self.max_weight_g and weight_g > self.max_weight_g:
            raise CarrierCannotTake(f"{self.code} takes at most {self.max_weight_g / 1000:g} kg.",
                                    f"{self.name_zh}单件最重 {self.max_weight_g / 1000:g} 公斤。")
        return shipping_cost(self.definition, service, destination, weight_g, insured_value)

    def new_tracking_number(self) -> str:
        return tracking_number(self.definition, secrets.randbelow(10**12))

    def fetch_events(self, tracking_numbers: Iterable[str], since: datetime | None) -> list[TrackingUpdate]:
        return []


def bundled() -> dict[str, DataCarrier]:
    """The carrier definitions shipped with Pickdesk, by code."""
    folder = resources.files("desktop.partners.carriers.definitions")
    out = {}
    for name in BUNDLED:
        carrier = DataCarrier.from_json((folder / name).read_text(encoding="utf-8"))
        out[carrier.code] = carrier
    return out


# ─── the demo carrier ───────────────────────────────────────────────────────────


@dataclass(frozen=True)
class DemoShipment:
    tracking_no: str
    shipped_at: datetime
    days: int  # the service's promised days
    city: str = ""


def _fate(tracking_no: str) -> tuple[str, int]:
    """(outcome, variation) drawn from the tracking number: the same parcel has the same story."""
    digest = hashlib.sha256(tracking_no.encode()).digest()
    roll = digest[0] % 100
    outcome = ("delivered" if roll < 78 else "delayed" if roll < 88 else "refused" if roll < 96 else "lost")
    return outcome, digest[1] % 12


def demo_story(shipment: DemoShipment) -> list[TrackingUpdate]:
    """Every event the demo carrier will ever report for one shipment, in time order."""
    outcome, vary = _fate(shipment.tracking_no)
    t0 = shipment.shipped_at
    eta = t0 + timedelta(days=shipment.days)
    no = shipment.tracking_no
    city = shipment.city or "目的地 destination"
    events = [TrackingUpdate(no, t0 + timedelta(hours=1), "picked_up", "深圳南山揽收点 Shenzhen pick-up"),
              TrackingUpdate(no, t0 + timedelta(hours=6), "in_transit", "深圳转运中心 Shenzhen hub", eta=eta)]
    arrive = eta - timedelta(hours=6) + timedelta(hours=vary)
    if outcome == "delayed":
        eta = eta + timedelta(days=1)
        events.append(TrackingUpdate(no, t0 + timedelta(hours=20), "delayed", "中转站 hub",
                                     "天气原因延误 weather delay", eta=eta))
        arrive = arrive + timedelta(days=1)
    if outcome == "lost":
        events.append(TrackingUpdate(no, t0 + timedelta(days=shipment.days + 2), "lost", "中转站 hub",
                                     "包裹遗失 parcel lost in transit"))
        return events
    events.append(TrackingUpdate(no, arrive - timedelta(hours=3), "out_for_delivery", f"{city}派送中 out for delivery"))
    final = "refused" if outcome == "refused" else "delivered"
    detail = "收件人拒收 refused by the customer" if final == "refused" else "本人签收 signed by the customer"
    events.append(TrackingUpdate(no, arrive, final, city, detail))
    return events


class DemoCarrier:
    """A carrier that emits tracking events offline, deterministically, as its clock moves on."""

    def __init__(self, base: DataCarrier, shipments: Iterable[DemoShipment],
                 clock: Callable[[], datetime]) -> None:
        self.base = base
        self.code, self.name, self.name_zh = base.code, base.name, base.name_zh
        self.shipments = {s.tracking_no: s for s in shipments}
        self.clock = clock

    def services(self) -> list[Service]:
        return self.base.services()

    def covers(self, country: str, province: str = "") -> Coverage:
        return self.base.covers(country, province)

    @property
    def max_weight_g(self) -> int:
        return self.base.max_weight_g

    def quote(self, weight_g: int, destination: Destination, service: str,
              insured_value: Decimal | None = None) -> Decimal:
        return self.base.quote(weight_g, destination, service, insured_value)

    def new_tracking_number(self) -> str:
        return self.base.new_tracking_number()

    def fetch_events(self, tracking_numbers: Iterable[str], since: datetime | None) -> list[TrackingUpdate]:
        now = self.clock()
        out = []
        for number in tracking_numbers:
            shipment = self.shipments.get(number)
            if shipment is None:
                continue
            out.extend(e for e in demo_story(shipment) if e.at <= now and (since is None or e.at > since))
        return sorted(out, key=lambda e: (e.at, e.tracking_no))
