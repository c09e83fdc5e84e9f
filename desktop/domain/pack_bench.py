"""The pack bench's state: one order, its checklist, the reading, the verdict, the carrier, the print jobs.

Plain Python, no Qt and no database, as `PickSession` is for the picker. The widget forwards what
the packer does (a scan, a reading, a supervisor's override, a carrier chosen, a parcel the
service closed, what the print queue reports) and draws what the bench answers; the bench decides
what blocks closing and printing, what F9 prints again, and what it expects next (`expects()`).

The rules:

* A parcel can be **closed** (F8, more parcels follow) when it is not empty, weighed, within the
  tolerance or overridden by a supervisor, a carrier can take it, and it does not hold the order's
  last units (the last parcel is closed by printing). Never while the bench waits for a service.
* **Print** (F9) closes the last parcel and prints, under the same conditions; once every parcel is
  closed it prints the labels and slip if nothing was sent yet, or sends again only what failed
  for good once nothing else is still printing (a label printed twice could end up on two parcels).
* A new order can be opened unless the current parcel holds units of an order not yet packed.
* A unit scanned or the parcel re-weighed drops the reading, the verdict and any override.
* A **supervisor override** is possible for a weight outside the tolerance, once, not while busy.
* A parcel closed while the central database is out of reach is **kept** on the station (its
  journal) and the next parcel starts; the kept parcels have no tracking number yet, so nothing
  prints and no other order opens until the database has recorded them (`parcel_packed`), and a
  print asked for meanwhile goes out then.
* The carrier is the rules' choice (`choose_carrier`) for the parcel's weight and value unless the
  packer chose another (with a reason, which the service checks again).
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.domain.packing import (
    CarrierChoice,
    CartonChoice,
    NoCarrier,
    PackChecklist,
    PackedUnit,
    PackItem,
    WeightVerdict,
    choose_carrier,
    expected_weight,
    suggest_carton,
    weight_check,
)

if TYPE_CHECKING:  # the read models the services hand over; the bench only reads them
    from desktop.services.packing import PackView, ParcelView, WeightOverride

SLIP = "slip"  # the packing slip's document code, beside the parcels' codes
PRINTED, FAILED = "printed", "failed"
SETTLED = (PRINTED, FAILED)  # a job in either state will not change by itself


class Blocker(enum.StrEnum):
    """Why the current parcel cannot be closed (nor the order printed)."""

    NO_ORDER = "no_order"
    EMPTY_PARCEL = "empty_parcel"
    NOT_WEIGHED = "not_weighed"
    WEIGHT_MISMATCH = "weight_mismatch"
    NO_CARRIER = "no_carrier"


class Expect(enum.StrEnum):
    """What the bench waits for next."""

    ORDER = "order"  # scan a tote or an order
    UNITS = "units"  # scan the units into the parcel
    WEIGHT = "weight"  # put the parcel on the scale
    OVERRIDE = "override"  # the weight is off: re-weigh, or a supervisor overrides
    CARRIER = "carrier"  # no carrier can take the parcel: change carrier or split it
    CLOSE = "close"  # close this parcel (F8) and start the next
    PRINT = "print"  # close the last parcel and print (F9), or print the packed order
    PRINTING = "printing"  # the jobs are on their way
    REPRINT = "reprint"  # something failed for good: F9 prints it again
    NEXT_ORDER = "next_order"  # every label printed: the next tote
    SERVICE = "service"  # a service call is under way
    DATABASE = "database"  # kept parcels wait for the central database (and their carrier's numbers)


class BenchRefused(Exception):
    """An input the bench does not take now; nothing changed. `units`: what is in the open parcel."""

    def __init__(self, reason: str, units: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.units = units


FINISH_PARCEL_FIRST = "finish_parcel_first"
NO_ORDER_OPEN = "no_order_open"
PARCELS_KEPT = "parcels_kept"  # closed on this station, not yet recorded centrally


@dataclass(frozen=True)
class UnitPacked:
    """A unit went into the parcel: its line's name and how many of the line are packed now."""

    unit: PackedUnit
    name: str
    name_zh: str
    packed: int
    qty: int


@dataclass(frozen=True)
class Weighed:
    verdict: WeightVerdict


@dataclass(frozen=True)
class NothingToWeigh:
    """A stable reading with nothing in the parcel: shown, not kept."""

    grams: int


@dataclass(frozen=True)
class PackRequest:
    """What `desktop.services.packing.pack_parcel` is given to close the current parcel."""

    order_no: str
    contents: list[tuple[int, str | None, int]]
    carton: str
    measured_g: int
    carrier: str
    service: str
    override: Any  # WeightOverride | None
    carrier_reason: str | None
    action_id: str
    today: date


@dataclass(frozen=True)
class Reprint:
    """What F9 prints again: the labels of these parcel numbers, and the slip or not."""

    codes: tuple[str, ...]
    label_seqs: tuple[int, ...]
    slip: bool


@dataclass(frozen=True)
class JobsProgress:
    """What a poll of the print queue changed: labels newly out, and whether the order is done."""

    newly_printed: tuple[str, ...]  # parcel codes whose label came out since the last poll
    all_labels_printed: bool  # every label printed and nothing else still on its way
    settled: bool  # nothing still on its way (some may have failed)


class PackBench:
    """One packer's bench. See the module notes for its rules."""

    def __init__(self, today: date | None = None) -> None:
        self.today = today
        self.view: PackView | None = None
        self.checklist: PackChecklist | None = None
        self.reading: int | None = None
        self.verdict: WeightVerdict | None = None
        self.override: WeightOverride | None = None
        self.carrier: tuple[str, str] | None = None  # the packer's choice, when not the rules'
        self.carrier_reason: str | None = None
        self.busy = False  # a service call is under way
        self.order_packed = False
        self.closed_here: list[ParcelView] = []  # parcels closed at this bench since the order opened
        self.jobs: dict[int, str] = {}  # print job id → parcel code or SLIP
        self.job_states: dict[int, str] = {}
        self.job_errors: dict[int, str] = {}
        self.kept: list[str] = []  # action ids of parcels closed here and kept in the journal, not yet recorded
        self.print_when_recorded = False  # F9 closed the last parcel while the database was away

    # --- the order -------------------------------------------------------------------------------

    def check_can_open(self) -> None:
        """Raise BenchRefused while the open parcel holds units of an order not yet packed."""
        if self.kept:
            raise BenchRefused(PARCELS_KEPT, len(self.kept))
        if self.checklist is not None and self.checklist.current and not self.order_packed:
            raise BenchRefused(FINISH_PARCEL_FIRST, len(self.checklist.current))

    def open(self, view: PackView) -> int:
        """The order the service opened is on the bench now; the number of units to scan."""
        self.view = view
        self.checklist = PackChecklist(view.lines, view.today)
        self._weigh_again()
        self.carrier, self.carrier_reason = None, None
        self.order_packed = False
        self.closed_here = []
        self.jobs, self.job_states, self.job_errors = {}, {}, {}
        self.kept, self.print_when_recorded = [], False
        return sum(ln.qty for ln in view.lines)

    @property
    def parcels(self) -> list[ParcelView]:
        """Every closed parcel of the order: those closed before it came to the bench, then these."""
        return list(self.view.parcels if self.view is not None else ()) + self.closed_here

    # --- units -----------------------------------------------------------------------------------

    def scan_unit(self, gtin: str, lot: str | None = None, expiry: date | None = None) -> UnitPacked:
        """One unit into the parcel, or UnitRefused (the checklist's) / BenchRefused; the parcel must be weighed again."""
        if self.checklist is None or self.order_packed:
            raise BenchRefused(NO_ORDER_OPEN)
        unit = self.checklist.scan(gtin, lot, expiry)
        ln = self.checklist.lines[unit.line_no]
        self._weigh_again()
        return UnitPacked(unit, ln.name, ln.name_zh, self.checklist.packed(ln.line_no), ln.qty)

    # --- weight ----------------------------------------------------------------------------------

    def weigh(self, grams: Decimal | int) -> Weighed | NothingToWeigh:
        """A stable reading (from the scale or typed in)."""
        if self.checklist is None or not self.checklist.current:
            return NothingToWeigh(int(grams))
        self.verdict = weight_check(self.expected_weight(), grams)
        self.reading = self.verdict.measured_g
        self.override = None
        return Weighed(self.verdict)

    def reweigh(self) -> None:
        self._weigh_again()

    def _weigh_again(self) -> None:
        self.reading = self.verdict = self.override = None

    def carton_items(self) -> list[PackItem]:
        """What the carton is chosen for: everything not yet in a closed parcel."""
        assert self.checklist is not None
        return self.checklist.remaining_items() or self.checklist.parcel_items()

    def carton(self) -> CartonChoice:
        return suggest_carton(self.carton_items())

    def expected_weight(self) -> int:
        assert self.checklist is not None
        return expected_weight(self.checklist.parcel_items(), self.carton().carton)

    # --- override --------------------------------------------------------------------------------

    def can_override(self) -> bool:
        return self.verdict is not None and not self.verdict.ok and self.override is None and not self.busy

    def overridden(self, override: WeightOverride) -> None:
        """A verified supervisor accepted the weight."""
        self.override = override

    # --- carrier ---------------------------------------------------------------------------------

    def parcel_weight_and_value(self) -> tuple[int, Decimal]:
        """What the carrier is chosen for: the reading (or the expected weight) and the parcel's value."""
        assert self.checklist is not None
        return self.reading or self.expected_weight(), self.checklist.parcel_value()

    def rule_choice(self) -> CarrierChoice | None:
        """The rules' carrier for the open parcel (the service's for the order while it is empty)."""
        if self.view is None or self.checklist is None:
            return None
        if not self.checklist.current:
            return self.view.carrier
        weight, value = self.parcel_weight_and_value()
        try:
            return choose_carrier(self.view.carriers, self.view.destination, weight, self.view.priority_class,
                                  self.view.cod, value)
        except NoCarrier:
            return None

    def current_carrier(self) -> tuple[str, str] | None:
        if self.carrier is not None:
            return self.carrier
        rule = self.rule_choice()
        return (rule.carrier, rule.service) if rule else None

    def carrier_changed(self) -> CarrierChoice | None:
        """The rules' choice, when the packer chose another carrier."""
        rule = self.rule_choice()
        if self.carrier is not None and rule is not None and (rule.carrier, rule.service) != self.carrier:
            return rule
        return None

    def can_change_carrier(self) -> bool:
        return self.view is not None and self.checklist is not None and not self.order_packed and not self.busy \
            and not (self.checklist.complete and not self.checklist.current)  # nothing left to send

    def choose_carrier(self, carrier: str, service: str, reason: str) -> None:
        self.carrier, self.carrier_reason = (carrier, service), reason

    # --- closing ---------------------------------------------------------------------------------

    def blockers(self) -> list[Blocker]:
        """Why the current parcel cannot be closed (empty: it can)."""
        if self.checklist is None:
            return [Blocker.NO_ORDER]
        out = []
        if not self.checklist.current:
            out.append(Blocker.EMPTY_PARCEL)
        if self.verdict is None:
            out.append(Blocker.NOT_WEIGHED)
        elif not self.verdict.ok and self.override is None:
            out.append(Blocker.WEIGHT_MISMATCH)
        if self.current_carrier() is None:
            out.append(Blocker.NO_CARRIER)
        return out

    def closes_order(self) -> bool:
        """The open parcel holds the order's last units."""
        return self.checklist is not None and self.checklist.complete

    def can_close(self) -> bool:
        """F8: close this parcel and start the next (the last one is closed by printing)."""
        return not self.busy and self.checklist is not None and not self.blockers() and not self.closes_order()

    def can_reweigh(self) -> bool:
        return self.checklist is not None and bool(self.checklist.current) and not self.busy

    def pack_request(self) -> PackRequest:
        """The current parcel for `pack_parcel`, with a fresh action id. Only when it may close or print."""
        assert self.view is not None and self.checklist is not None and self.verdict is not None
        carrier = self.current_carrier()
        assert carrier is not None
        return PackRequest(self.view.order_no, self.checklist.contents(), self.carton().carton.code,
                           self.verdict.measured_g, carrier[0], carrier[1], self.override, self.carrier_reason,
                           uuid.uuid4().hex, self.view.today)

    def parcel_kept(self, action_id: str, *, then_print: bool = False) -> None:
        """The database is out of reach: the parcel is closed on this station (its journal holds it)
        and the next one starts; it is recorded, and gets its tracking number, when the database is back."""
        assert self.checklist is not None
        self.checklist.close_parcel()
        self._weigh_again()
        self.kept.append(action_id)
        self.print_when_recorded = self.print_when_recorded or then_print

    def parcel_packed(self, parcel: ParcelView, action_id: str | None = None) -> bool:
        """The central database recorded the parcel: the next one starts empty and unweighed.

        A parcel kept earlier (its `action_id` among `kept`) is closed already. Returns True when the
        order is packed and a print was asked for while its parcels were kept: print now."""
        assert self.checklist is not None
        if action_id is not None and action_id in self.kept:
            self.kept.remove(action_id)
        else:
            self.checklist.close_parcel()
            self._weigh_again()
        self.closed_here.append(parcel)
        self.order_packed = parcel.order_packed
        if parcel.order_packed and self.view is not None:  # every parcel is "n of m" now
            of = parcel.of
            self.closed_here = [p if p.of == of else replace(p, of=of) for p in self.closed_here]
            self.view = replace(self.view, parcels=tuple(replace(p, of=of) for p in self.view.parcels))
        if self.order_packed and not self.kept and self.print_when_recorded:
            self.print_when_recorded = False
            return True
        return False

    # --- printing --------------------------------------------------------------------------------

    def can_print(self) -> bool:
        """F9: close the last parcel and print; or print the packed order; or print again what failed."""
        if self.busy or self.checklist is None:
            return False
        if self.kept:  # no tracking numbers yet: the last parcel closes, the labels wait
            return self.closes_order() and not self.blockers()
        if self.order_packed:
            return not self.jobs or bool(self.failed_documents())
        return self.closes_order() and not self.blockers()

    def failed_documents(self) -> list[str]:
        """Labels (parcel codes) and the slip (SLIP) whose printing failed for good, once nothing else is
        still printing: what F9 prints again when the printer is back."""
        if any(self.job_states.get(j) not in SETTLED for j in self.jobs):
            return []
        return [code for j, code in self.jobs.items() if self.job_states.get(j) == FAILED]

    def reprint(self) -> Reprint | None:
        """What F9 sends again (None: print everything, nothing was sent or nothing failed)."""
        again = self.failed_documents()
        if not again:
            return None
        seqs = {p.code: p.seq for p in self.parcels}
        return Reprint(tuple(again), tuple(seqs[c] for c in again if c != SLIP and c in seqs), SLIP in again)

    def submitted(self, jobs: list[tuple[int, str]], replacing: tuple[str, ...] | None = None) -> None:
        """The queue took these (job id, document code). Printing again, the failed jobs make way for
        their new ones; what printed stays as it was, and a failed one not sent again stays failed."""
        if replacing:
            sent = {code for _job, code in jobs}
            for job in [j for j, code in self.jobs.items()
                        if code in replacing and code in sent and self.job_states.get(j) == FAILED]:
                self.jobs.pop(job)
                self.job_states.pop(job, None)
        else:
            self.jobs, self.job_states = {}, {}
        self.jobs.update(dict(jobs))
        self.job_states.update({job: "queued" for job, _code in jobs})

    def jobs_polled(self, states: dict[int, tuple[str, str | None]]) -> JobsProgress:
        """What the queue says of this order's jobs: (state, last error) per job id."""
        newly = tuple(self.jobs[j] for j, (state, _e) in states.items()
                      if j in self.jobs and state == PRINTED and self.job_states.get(j) != PRINTED
                      and self.jobs[j] != SLIP)
        self.job_states.update({j: s for j, (s, _e) in states.items() if j in self.jobs})
        self.job_errors = {j: e for j, (_s, e) in states.items() if e and j in self.jobs}
        settled = all(self.job_states.get(j) in SETTLED for j in self.jobs)
        labels = [j for j, code in self.jobs.items() if code != SLIP]
        done = bool(labels) and all(self.job_states.get(j) == PRINTED for j in labels) and settled
        return JobsProgress(newly, done, settled)

    def job_failed(self, job_id: int) -> None:
        """The queue gave up on this job."""
        self.job_states[job_id] = FAILED

    def in_the_middle(self) -> bool:
        """An order on the bench until its labels have printed: its checklist, parcels and print jobs live here."""
        if self.checklist is None:
            return False
        if not self.order_packed or self.kept:
            return True
        return not self.jobs or any(self.job_states.get(j) != PRINTED for j in self.jobs)

    # --- handing over ---------------------------------------------------------------------------

    def single_unit(self) -> bool:
        """An order of one unit (一单一件): it prints the moment its unit is scanned and weighed."""
        return self.checklist is not None and not self.view.parcels \
            and sum(ln.qty for ln in self.checklist.lines.values()) == 1  # type: ignore[union-attr]

    def handover(self) -> dict[str, Any] | None:
        """The open parcel's units and reading, for the next packer (None: nothing in hand worth keeping).
        Closed parcels are in the database already; only the open one lives on the bench."""
        if self.view is None or self.checklist is None or self.order_packed or self.kept or not self.checklist.current:
            return None
        return {"order_no": self.view.order_no, "tote": self.view.tote,
                "units": [[u.line_no, u.lot, u.expiry.isoformat() if u.expiry else None]
                          for u in self.checklist.current],
                "grams": self.reading}

    def resume(self, kept: dict[str, Any]) -> int:
        """Put the units and the reading a packer left back into the open parcel (the order is open);
        the number of units taken back. A unit the order no longer needs is left out."""
        assert self.checklist is not None
        taken = 0
        for line_no, lot, expiry in kept.get("units", []):
            ln = self.checklist.lines.get(int(line_no))
            if ln is None or self.checklist.remaining(ln.line_no) <= 0:
                continue
            self.checklist.current.append(PackedUnit(ln.line_no, lot, date.fromisoformat(expiry) if expiry else None))
            taken += 1
        if taken and kept.get("grams") is not None:
            self.weigh(int(kept["grams"]))
        return taken

    # --- what next -------------------------------------------------------------------------------

    def expects(self) -> Expect:
        if self.busy:
            return Expect.SERVICE
        if self.checklist is None:
            return Expect.ORDER
        if self.kept and self.checklist.complete and not self.checklist.current:
            return Expect.DATABASE
        if self.order_packed:
            if self.failed_documents():
                return Expect.REPRINT
            if not self.jobs:
                return Expect.PRINT
            return Expect.NEXT_ORDER if not self.in_the_middle() else Expect.PRINTING
        if not self.checklist.current:
            return Expect.UNITS
        if self.verdict is None:
            return Expect.WEIGHT
        if not self.verdict.ok and self.override is None:
            return Expect.OVERRIDE
        if self.current_carrier() is None:
            return Expect.CARRIER
        if self.closes_order():
            return Expect.PRINT
        return Expect.CLOSE
