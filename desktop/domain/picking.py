"""The scan rules at the shelf: totes onto the cart, then at each stop location, item, quantity and
the tote the units go into; at the end the totes are scanned at the packing drop-off. Pure Python.

A `PickSession` holds the loaded batch's open stops in walking order and takes scans one at a
time. Each scan either returns a typed verdict (`LocationConfirmed`, `UnitTaken`, `StopComplete`,
`AlreadyHere`) or raises `PickRefused` with a reason and a message in English and Chinese — and
then nothing changes. Validation is a few comparisons against data in memory (well under a
millisecond), so the screen answers a scan at once whatever the network does; the confirmed pick
is persisted afterwards, off the GUI thread.

The rules, in the order they are checked for an item scan: it must be an item (`not_an_item`),
the stop's GTIN (`wrong_item`), not expired (`expired`), with at least the shelf life the merchant
or SKU requires (`short_dated`), of the stop's lot (`wrong_lot`), and not more than the stop asks
for (`over_pick`). A unit scanned before its location is refused (`scan_location_first`), and a
scan that cannot be decoded is `unreadable`.

Totes are bound and checked, so three totes on one cart cannot be mixed up: the batch starts with
the cart (`Step.CART`): each of the batch's totes is scanned onto it (or all are taken as suggested,
`take_suggested_totes`); until then a stop's scans are refused (`totes_first`). A tote that is not
one of the suggested may take the place of one not yet on the cart (`ToteOffered`: the floor decides
whether it is free, `desktop.services.picking.bind_tote`); with every tote on the cart it is
`not_this_batch`. When a stop's units are all in hand they go into the stop's
tote and the tote is scanned (`Step.PUT`): another tote is `wrong_tote`, anything else `put_first`.
A stop without a tote completes with its last unit and no put scan: a one-unit order the warehouse's
cart layout puts in the cart's open bin (`single_units_loose`, docs/picking.md), or no free tote left. After the last stop the
totes are listed for the packing drop-off (`Step.DROP_OFF`), each scanned there. A badge is never
read as part of the walk (`badge`): it is a person, not a location.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from devices.decode import BadgeScan, ItemScan, LocationScan, Scan, ScanRejected, ToteScan, decode_scan


class RefusalReason(enum.StrEnum):
    WRONG_LOCATION = "wrong_location"
    WRONG_ITEM = "wrong_item"
    WRONG_LOT = "wrong_lot"
    EXPIRED = "expired"
    SHORT_DATED = "short_dated"
    OVER_PICK = "over_pick"
    SCAN_LOCATION_FIRST = "scan_location_first"
    NOT_AN_ITEM = "not_an_item"
    UNREADABLE = "unreadable"
    NO_STOP = "no_stop"
    TOTES_FIRST = "totes_first"
    NOT_THIS_BATCH = "not_this_batch"
    WRONG_TOTE = "wrong_tote"
    PUT_FIRST = "put_first"
    DROP_OFF_FIRST = "drop_off_first"
    BADGE = "badge"
    ORDER_CANCELLED = "order_cancelled"


class PickRefused(Exception):
    """A scan the picker must not act on. Nothing was taken; the reason is for the screen."""

    def __init__(self, reason: RefusalReason, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.message_zh = message_zh

    def __repr__(self) -> str:
        return f"PickRefused({self.reason.value!r}, {self.message!r})"


class Step(enum.StrEnum):
    CART = "cart"  # the batch's totes go onto the cart, each scanned (or all taken as suggested)
    LOCATION = "location"  # walk to the stop and scan its location label
    ITEM = "item"  # location confirmed: scan the first unit
    QUANTITY = "quantity"  # at least one unit taken: scan the rest or key in the count
    PUT = "put"  # the stop's units are in hand: put them into its tote and scan the tote
    DROP_OFF = "drop_off"  # every stop done: scan each tote at the packing drop-off
    DONE = "done"  # no stop left, every tote dropped off


@dataclass(frozen=True)
class PickStop:
    """One stop of the route as the scan rules need it (no customer data)."""

    task_id: int
    location_code: str
    sku: str
    gtin14: str
    product_name: str
    lot_code: str | None
    lot_expiry: date | None
    qty: int
    picked: int
    tote_code: str | None
    order_no: str
    min_expiry: date | None  # a unit must expire after this day (shelf-life rule)
    product_name_zh: str = ""  # the Chinese refusal names the product in Chinese where it has a name

    @property
    def remaining(self) -> int:
        return self.qty - self.picked


@dataclass(frozen=True)
class LocationConfirmed:
    stop: PickStop


@dataclass(frozen=True)
class AlreadyHere:
    stop: PickStop


@dataclass(frozen=True)
class UnitTaken:
    """Units taken at the current stop; `taken` of `stop.remaining` so far."""

    stop: PickStop
    taken: int
    lot_code: str | None


@dataclass(frozen=True)
class ToteOnCart:
    """A tote of the batch is on the cart: `on_cart` of `of` so far."""

    code: str
    on_cart: int
    of: int


@dataclass(frozen=True)
class ToteOffered:
    """At the cart, a tote the batch was not given: it may replace `replaces` (the first suggested tote
    not yet on the cart) if the floor finds it free. Nothing changed yet: the station asks the floor,
    then reloads the batch with `code` on the cart."""

    code: str
    replaces: str


@dataclass(frozen=True)
class PutExpected:
    """All of the stop's units are in hand: they go into `stop.tote_code`, confirmed by its scan."""

    stop: PickStop
    qty: int


@dataclass(frozen=True)
class ToteDroppedOff:
    """A tote was scanned at the packing drop-off: `dropped` of `of`; the batch ends with the last."""

    code: str
    dropped: int
    of: int


@dataclass(frozen=True)
class StopComplete:
    """The stop's units are all in hand: persist `qty` for `stop.task_id`; `next_stop` is where to go."""

    stop: PickStop
    qty: int
    lot_code: str | None
    next_stop: PickStop | None


@dataclass(frozen=True)
class OrderDropped:
    """An order of the batch was cancelled: `removed` stops left the route; `in_hand` units of it go back
    to `location` (the stop the picker was at, when it was the order's)."""

    order_no: str
    removed: int
    in_hand: int
    location: str | None


Verdict = (LocationConfirmed | AlreadyHere | UnitTaken | StopComplete | ToteOnCart | ToteOffered | PutExpected
           | ToteDroppedOff)


def _refuse(reason: RefusalReason, message: str, message_zh: str) -> PickRefused:
    return PickRefused(reason, message, message_zh)


class PickSession:
    """The picker's progress through a batch's open stops. Refusals never change it."""

    def __init__(self, stops: list[PickStop] | tuple[PickStop, ...], today: date,
                 date_text: Callable[[date], str] = date.isoformat, *, totes: Sequence[str] | None = None,
                 on_cart: Iterable[str] = ()) -> None:
        """`date_text` writes a date into a refusal (the station passes its locale's format).

        `totes`: the batch's totes, for the cart and the drop-off (default: those of `stops`; pass the
        whole batch's when some stops are already picked). `on_cart`: totes already scanned onto it."""
        self.stops = [s for s in stops if s.remaining > 0]
        self.today = today
        self.date_text = date_text
        self.totes = tuple(dict.fromkeys(totes if totes is not None else
                                         (s.tote_code for s in stops if s.tote_code)))
        self.on_cart = [t for t in dict.fromkeys(on_cart) if t in self.totes]
        self.dropped: list[str] = []
        self.index = 0
        self.taken = 0
        self.lot_code: str | None = None
        self.step = Step.CART
        # Stops of orders cancelled meanwhile (by item and by location): a scan of them is refused with why.
        self.cancelled_items: dict[str, PickStop] = {}
        self.cancelled_at: dict[str, PickStop] = {}
        self._cart_ready()

    # --- state ------------------------------------------------------------------------------

    @property
    def current(self) -> PickStop | None:
        return self.stops[self.index] if self.index < len(self.stops) else None

    @property
    def mid_stop(self) -> bool:
        """The picker is at a stop (location scanned) and has not finished it."""
        return self.step in (Step.ITEM, Step.QUANTITY, Step.PUT)

    @property
    def totes_to_bind(self) -> tuple[str, ...]:
        return tuple(t for t in self.totes if t not in self.on_cart)

    @property
    def totes_to_drop(self) -> tuple[str, ...]:
        return tuple(t for t in self.totes if t not in self.dropped)

    @property
    def done(self) -> bool:
        return self.step is Step.DONE

    # --- scans ------------------------------------------------------------------------------

    def scan_raw(self, raw: str) -> Verdict:
        """Decode and take one scan; raises PickRefused (reason `unreadable` when it cannot be read)."""
        try:
            scan = decode_scan(raw)
        except ScanRejected as exc:
            raise _refuse(RefusalReason.UNREADABLE, exc.message, exc.message_zh) from exc
        return self.take(scan)

    def take(self, scan: Scan) -> Verdict:
        if isinstance(scan, BadgeScan):
            raise _refuse(RefusalReason.BADGE, "That is a badge, not a location or item. To change picker, "
                          "sign out first.", "这是工牌，不是库位或商品。如需换人，请先退出登录。")
        if self.step is Step.CART:
            return self._take_cart(scan)
        if self.step is Step.PUT:
            return self._take_put(scan)
        if self.step is Step.DROP_OFF:
            return self._take_drop_off(scan)
        stop = self.current
        if stop is None:
            raise _refuse(RefusalReason.NO_STOP, "No stop left in this batch. Press Next batch.",
                          "本批次已无拣货点。请按“下一批”。")
        if isinstance(scan, LocationScan):
            if scan.code != stop.location_code and scan.code in self.cancelled_at:
                raise self._cancelled(self.cancelled_at[scan.code], stop)
            return self._take_location(stop, scan)
        if isinstance(scan, ItemScan) and scan.gtin != stop.gtin14 and scan.gtin in self.cancelled_items:
            raise self._cancelled(self.cancelled_items[scan.gtin], stop)
        if self.step is Step.LOCATION:
            raise _refuse(RefusalReason.SCAN_LOCATION_FIRST,
                          f"Scan the location first: {stop.location_code}.",
                          f"请先扫描库位：{stop.location_code}。")
        if not isinstance(scan, ItemScan):
            raise _refuse(RefusalReason.NOT_AN_ITEM, "That is not a product barcode. Scan the item.",
                          "这不是商品条码。请扫描商品。")
        return self._take_item(stop, scan)

    def take_suggested_totes(self) -> ToteOnCart | None:
        """The picker put the suggested totes on the cart without scanning each (None: not at the cart)."""
        if self.step is not Step.CART or not self.totes:
            return None
        self.on_cart = list(self.totes)
        self._cart_ready()
        return ToteOnCart(self.totes[-1], len(self.on_cart), len(self.totes))

    def key_count(self, count: int) -> Verdict:
        """The picker keyed in how many units of this stop are in hand (after the first scan)."""
        if self.step is Step.PUT:
            raise self._put_first()
        stop = self.current
        if stop is None or self.step is not Step.QUANTITY:
            raise _refuse(RefusalReason.SCAN_LOCATION_FIRST if self.step is Step.LOCATION else RefusalReason.NOT_AN_ITEM,
                          "Scan the first unit before keying the count.", "请先扫描第一件商品再输入数量。")
        if count < 1:
            raise _refuse(RefusalReason.UNREADABLE, "The count must be at least 1.", "数量至少为 1。")
        if count > stop.remaining:
            raise self._over_pick(stop, count)
        self.taken = count
        return self._after_units(stop)

    # --- rules ------------------------------------------------------------------------------

    def _take_location(self, stop: PickStop, scan: LocationScan) -> Verdict:
        if scan.code != stop.location_code:
            raise _refuse(RefusalReason.WRONG_LOCATION,
                          f"Wrong location {scan.code}. Go to {stop.location_code}.",
                          f"库位错误 {scan.code}。请前往 {stop.location_code}。")
        if self.step is Step.LOCATION:
            self.step = Step.ITEM
            return LocationConfirmed(stop)
        return AlreadyHere(stop)

    def _take_item(self, stop: PickStop, scan: ItemScan) -> Verdict:
        if scan.gtin != stop.gtin14 and scan.gtin in self.cancelled_items:
            raise self._cancelled(self.cancelled_items[scan.gtin], stop)
        if scan.gtin != stop.gtin14:
            raise _refuse(RefusalReason.WRONG_ITEM,
                          f"Wrong item {scan.gtin}. Take {stop.product_name} ({stop.gtin14}).",
                          f"商品错误 {scan.gtin}。请拣 {stop.product_name_zh or stop.product_name}（{stop.gtin14}）。")
        expiry = scan.expiry or scan.best_before
        if expiry is None and scan.lot is not None and scan.lot == stop.lot_code:
            expiry = stop.lot_expiry
        if expiry is not None and expiry <= self.today:
            when = self.date_text(expiry)
            raise _refuse(RefusalReason.EXPIRED,
                          f"Expired unit ({when}). Put it aside and take another.",
                          f"商品已过期（{when}）。请放到一边，另取一件。")
        if expiry is not None and stop.min_expiry is not None and expiry <= stop.min_expiry:
            when, limit = self.date_text(expiry), self.date_text(stop.min_expiry)
            raise _refuse(RefusalReason.SHORT_DATED,
                          f"Too short-dated ({when}): must expire after {limit}.",
                          f"保质期不足（{when}）：须晚于 {limit} 到期。")
        if stop.lot_code is not None and scan.lot != stop.lot_code:
            got = scan.lot or "—"
            raise _refuse(RefusalReason.WRONG_LOT,
                          f"Wrong lot {got}. Take lot {stop.lot_code}.",
                          f"批号错误 {got}。请拣批号 {stop.lot_code}。")
        units = scan.count or 1
        if self.taken + units > stop.remaining:
            raise self._over_pick(stop, self.taken + units)
        self.taken += units
        self.lot_code = scan.lot if scan.lot is not None else stop.lot_code
        return self._after_units(stop)

    def _over_pick(self, stop: PickStop, wanted: int) -> PickRefused:
        return _refuse(RefusalReason.OVER_PICK,
                       f"Too many: this stop needs {stop.remaining}, not {wanted}. Put the extra back.",
                       f"数量过多：此处只需 {stop.remaining} 件，不是 {wanted} 件。请放回多拿的。")

    def _after_units(self, stop: PickStop) -> Verdict:
        if self.taken < stop.remaining:
            self.step = Step.QUANTITY
            return UnitTaken(stop, self.taken, self.lot_code)
        if stop.tote_code:
            self.step = Step.PUT
            return PutExpected(stop, self.taken)
        return self._complete(stop)

    def _complete(self, stop: PickStop) -> StopComplete:
        qty, lot = self.taken, self.lot_code if self.lot_code is not None else stop.lot_code
        self._advance()
        return StopComplete(stop, qty, lot, self.current)

    def _advance(self) -> None:
        self.index += 1
        self.taken = 0
        self.lot_code = None
        if self.current is not None:
            self.step = Step.LOCATION
        else:
            self.step = Step.DROP_OFF if self.totes_to_drop else Step.DONE

    # --- totes ------------------------------------------------------------------------------

    def _cart_ready(self) -> None:
        if self.step is Step.CART and not self.totes_to_bind:
            self.step = Step.LOCATION if self.stops else (Step.DROP_OFF if self.totes else Step.DONE)

    def _not_this_batch(self, code: str) -> PickRefused:
        totes = ", ".join(self.totes)
        return _refuse(RefusalReason.NOT_THIS_BATCH, f"Tote {code} is not one of this batch's: {totes}.",
                       f"周转箱 {code} 不属于本批次：{totes}。")

    def _take_cart(self, scan: Scan) -> Verdict:
        waiting = ", ".join(self.totes_to_bind)
        if not isinstance(scan, ToteScan):
            raise _refuse(RefusalReason.TOTES_FIRST, f"Put the totes on the cart first: scan {waiting}.",
                          f"请先把周转箱放上拣货车：扫描 {waiting}。")
        if scan.code not in self.totes:
            if self.totes_to_bind:
                return ToteOffered(scan.code, self.totes_to_bind[0])
            raise self._not_this_batch(scan.code)
        if scan.code not in self.on_cart:
            self.on_cart.append(scan.code)
        self._cart_ready()
        return ToteOnCart(scan.code, len(self.on_cart), len(self.totes))

    def _put_first(self) -> PickRefused:
        stop = self.current
        assert stop is not None and stop.tote_code
        return _refuse(RefusalReason.PUT_FIRST,
                       f"Put the {self.taken} unit(s) into tote {stop.tote_code} and scan the tote.",
                       f"请把 {self.taken} 件放入周转箱 {stop.tote_code}，并扫描该周转箱。")

    def _take_put(self, scan: Scan) -> Verdict:
        stop = self.current
        assert stop is not None and stop.tote_code
        if not isinstance(scan, ToteScan):
            raise self._put_first()
        if scan.code != stop.tote_code:
            raise _refuse(RefusalReason.WRONG_TOTE,
                          f"Wrong tote {scan.code}. These go into tote {stop.tote_code}.",
                          f"周转箱错误 {scan.code}。这些商品应放入周转箱 {stop.tote_code}。")
        return self._complete(stop)

    def _take_drop_off(self, scan: Scan) -> Verdict:
        waiting = ", ".join(self.totes_to_drop)
        if not isinstance(scan, ToteScan):
            raise _refuse(RefusalReason.DROP_OFF_FIRST,
                          f"Take the totes to packing and scan each there: {waiting}.",
                          f"请把周转箱送到打包区，并在那里逐个扫描：{waiting}。")
        if scan.code not in self.totes:
            raise self._not_this_batch(scan.code)
        if scan.code not in self.dropped:
            self.dropped.append(scan.code)
        if not self.totes_to_drop:
            self.step = Step.DONE
        return ToteDroppedOff(scan.code, len(self.dropped), len(self.totes))

    # --- an order cancelled mid-batch ---------------------------------------------------------

    def drop_order(self, order_no: str, drop_totes: Iterable[str] = ()) -> OrderDropped:
        """The order was cancelled: its stops still ahead leave the route, units in hand for it go back.

        `drop_totes`: its totes that hold nothing picked (they leave the cart list and the drop-off)."""
        current = self.current
        at_it = current is not None and current.order_no == order_no
        in_hand = self.taken if at_it and self.step in (Step.QUANTITY, Step.PUT) else 0
        standing_at = current.location_code if at_it and current is not None and self.mid_stop else None
        ahead = self.stops[self.index:]
        removed = [s for s in ahead if s.order_no == order_no]
        for s in removed:
            self.cancelled_items.setdefault(s.gtin14, s)
            self.cancelled_at.setdefault(s.location_code, s)
        self.stops = self.stops[:self.index] + [s for s in ahead if s.order_no != order_no]
        gone = set(drop_totes)
        self.totes = tuple(t for t in self.totes if t not in gone)
        self.on_cart = [t for t in self.on_cart if t in self.totes]
        self.dropped = [t for t in self.dropped if t in self.totes]
        if at_it:
            self.taken, self.lot_code = 0, None
            if self.step is not Step.CART:
                self.step = Step.LOCATION
        if self.step is Step.CART:
            self._cart_ready()
        elif self.current is None and self.step not in (Step.DROP_OFF, Step.DONE):
            self.step = Step.DROP_OFF if self.totes_to_drop else Step.DONE
        elif self.step is Step.DROP_OFF and not self.totes_to_drop:
            self.step = Step.DONE
        return OrderDropped(order_no, len(removed), in_hand, standing_at)

    def _cancelled(self, gone: PickStop, stop: PickStop) -> PickRefused:
        return _refuse(RefusalReason.ORDER_CANCELLED,
                       f"Order {gone.order_no} was cancelled: do not pick {gone.product_name}; leave it at "
                       f"{gone.location_code}. Next: {stop.location_code}.",
                       f"订单 {gone.order_no} 已取消：请勿拣 {gone.product_name_zh or gone.product_name}，"
                       f"留在 {gone.location_code}。下一处：{stop.location_code}。")

    # --- after a short pick or a reload -----------------------------------------------------

    def reload(self, stops: list[PickStop] | tuple[PickStop, ...], totes: Sequence[str] | None = None) -> None:
        """Start again from a re-planned list of open stops (after a short pick); the cart stays as it is."""
        self.__init__(stops, self.today, self.date_text, totes=totes if totes is not None else self.totes,  # type: ignore[misc]
                      on_cart=self.on_cart)
