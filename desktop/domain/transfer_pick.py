"""The sending warehouse's walk of a transfer, stop by stop, by scans — plain Python, no Qt, no database.

`desktop.services.transfers.start_walk` plans the stops (earliest expiry first, the same choice as the
one-step `pick_transfer`, but nothing moves up front) and hands a `TransferPick`. At each stop the
walker scans the bin (`scan_bin`), the item (`scan_item`: GS1 with lot and expiry — another item,
another lot or an expired unit is refused), then keys the units (`check_qty`). The station saves the
take (`transfers.take_stop`, a TRANSFER_OUT movement) and then `record`s it here. Fewer units than
planned is a short bin: the rest is asked of the next bin of the plan; with no bin left the walker
ends the transfer short (`transfers.finish_transfer`), and a new request keeps the rest.

Each answer is a typed verdict; a refusal raises `TransferWalkRefused` (bilingual, with a reason).
A batch scanner's upload is judged by the same rules, line by line (`walk_scan_lines`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from desktop.domain.errors import PickdeskError
from devices.decode import ItemScan, LocationScan, ScanRejected, decode_scan


class WalkStep(enum.StrEnum):
    BIN = "bin"
    ITEM = "item"
    QTY = "qty"
    DONE = "done"


class WalkReason(enum.StrEnum):
    WRONG_BIN = "wrong_bin"
    WRONG_ITEM = "wrong_item"
    WRONG_LOT = "wrong_lot"
    NO_LOT = "no_lot"
    EXPIRED = "expired"
    BAD_QTY = "bad_qty"
    OUT_OF_ORDER = "out_of_order"
    UNREADABLE = "unreadable"


class TransferWalkRefused(PickdeskError):
    code = "transfer_walk_refused"

    def __init__(self, reason: WalkReason, message: str, message_zh: str) -> None:
        super().__init__(message, message_zh)
        self.reason = reason


@dataclass(frozen=True)
class WalkBin:
    """A bin of the plan: what it holds free of the transfer's SKU (one lot)."""

    location: str
    lot: str | None
    expiry: date | None
    free: int


@dataclass(frozen=True)
class Stop:
    location: str
    lot: str | None
    expiry: date | None
    qty: int  # units to take here


@dataclass(frozen=True)
class BinConfirmed:
    stop: Stop


@dataclass(frozen=True)
class ItemConfirmed:
    stop: Stop


@dataclass(frozen=True)
class Take:
    """Units to save (a TRANSFER_OUT) before `record`."""

    location: str
    lot: str | None
    qty: int


@dataclass(frozen=True)
class StopTaken:
    take: Take
    short: bool  # fewer than planned: the bin was short
    remaining: int  # units still to take
    next_stop: Stop | None  # None: done (remaining 0) or no bin left (remaining > 0: end short)


@dataclass
class TransferPick:
    transfer_id: int
    code: str
    sku: str
    gtin: str
    lot_tracked: bool
    qty: int
    from_warehouse: str
    to_warehouse: str
    bins: list[WalkBin]
    today: date
    taken: list[Take] = field(default_factory=list)
    index: int = 0
    step: WalkStep = WalkStep.BIN

    def __post_init__(self) -> None:
        if self.current is None:
            self.step = WalkStep.DONE

    @property
    def taken_qty(self) -> int:
        return sum(t.qty for t in self.taken)

    @property
    def remaining(self) -> int:
        return self.qty - self.taken_qty

    @property
    def current(self) -> Stop | None:
        if self.remaining <= 0 or self.index >= len(self.bins):
            return None
        b = self.bins[self.index]
        return Stop(b.location, b.lot, b.expiry, min(self.remaining, b.free))

    @property
    def stops(self) -> list[Stop]:
        """The plan from here on: the bins that would fill what remains, if none is short."""
        out, need = [], self.remaining
        for b in self.bins[self.index:]:
            if need <= 0:
                break
            n = min(need, b.free)
            out.append(Stop(b.location, b.lot, b.expiry, n))
            need -= n
        return out

    @property
    def complete(self) -> bool:
        return self.remaining == 0

    @property
    def stuck(self) -> bool:
        """No bin left in the plan and units still missing: only ending short remains."""
        return self.remaining > 0 and self.index >= len(self.bins)

    def _stop(self) -> Stop:
        stop = self.current
        if stop is None:
            raise TransferWalkRefused(WalkReason.OUT_OF_ORDER, f"{self.code}: nothing left to take here.",
                                      f"{self.code}：没有可拣的库位了。")
        return stop

    def scan_raw(self, raw: str) -> BinConfirmed | ItemConfirmed:
        try:
            scan = decode_scan(raw)
        except ScanRejected as exc:
            raise TransferWalkRefused(WalkReason.UNREADABLE, exc.message, exc.message_zh) from exc
        if isinstance(scan, LocationScan):
            return self.scan_bin(scan.code)
        if isinstance(scan, ItemScan):
            return self.scan_item(scan)
        raise TransferWalkRefused(WalkReason.UNREADABLE, "Scan the bin, then the item.", "请先扫库位，再扫商品。")

    def scan_bin(self, code: str) -> BinConfirmed:
        stop = self._stop()
        if self.step is not WalkStep.BIN and self.step is not WalkStep.ITEM:
            raise TransferWalkRefused(WalkReason.OUT_OF_ORDER, "Key the units first.", "请先输入数量。")
        if code.strip().upper() != stop.location.upper():
            raise TransferWalkRefused(WalkReason.WRONG_BIN, f"Wrong bin {code}: take the units from {stop.location}.",
                                      f"库位 {code} 不对：请从 {stop.location} 拣货。")
        self.step = WalkStep.ITEM
        return BinConfirmed(stop)

    def scan_item(self, scan: ItemScan) -> ItemConfirmed:
        stop = self._stop()
        if self.step is WalkStep.BIN:
            raise TransferWalkRefused(WalkReason.OUT_OF_ORDER, f"Scan the bin {stop.location} first.",
                                      f"请先扫库位 {stop.location}。")
        if self.step is not WalkStep.ITEM:
            raise TransferWalkRefused(WalkReason.OUT_OF_ORDER, "Key the units first.", "请先输入数量。")
        if scan.gtin != self.gtin:
            raise TransferWalkRefused(WalkReason.WRONG_ITEM, f"Wrong item {scan.gtin}: this transfer sends {self.sku}.",
                                      f"商品 {scan.gtin} 不对：本调拨单发送 {self.sku}。")
        expiry = scan.expiry or scan.best_before
        if expiry is not None and expiry <= self.today:
            raise TransferWalkRefused(WalkReason.EXPIRED, f"This unit expired on {expiry.isoformat()}: never sent.",
                                      f"此件已于 {expiry.isoformat()} 过期：不得发出。")
        if self.lot_tracked and scan.lot is None:
            raise TransferWalkRefused(WalkReason.NO_LOT, f"Scan the GS1 code with the lot ({stop.lot}).",
                                      f"请扫带批号的 GS1 条码（{stop.lot}）。")
        if stop.lot is not None and scan.lot is not None and scan.lot != stop.lot:
            raise TransferWalkRefused(WalkReason.WRONG_LOT, f"Wrong lot {scan.lot}: take lot {stop.lot} here.",
                                      f"批号 {scan.lot} 不对：此处应拣批号 {stop.lot}。")
        self.step = WalkStep.QTY
        return ItemConfirmed(stop)

    def check_qty(self, qty: int | None) -> Take:
        """The units keyed (None: the planned ones), checked; the station saves them, then `record`s."""
        stop = self._stop()
        if self.step is not WalkStep.QTY:
            raise TransferWalkRefused(WalkReason.OUT_OF_ORDER, "Scan the bin and the item first.",
                                      "请先扫库位和商品。")
        n = stop.qty if qty is None else qty
        if not 0 <= n <= stop.qty:
            raise TransferWalkRefused(WalkReason.BAD_QTY, f"Between 0 and {stop.qty} units here.",
                                      f"此处数量应在 0 到 {stop.qty} 之间。")
        return Take(stop.location, stop.lot, n)

    def empty_bin(self) -> Take:
        """The bin scanned holds none of it (no item to scan): a take of none, saved then `record`ed."""
        stop = self._stop()
        if self.step is not WalkStep.ITEM:
            raise TransferWalkRefused(WalkReason.OUT_OF_ORDER, f"Scan the bin {stop.location} first.",
                                      f"请先扫库位 {stop.location}。")
        return Take(stop.location, stop.lot, 0)

    def record(self, take: Take) -> StopTaken:
        """A take the database accepted (qty 0: the bin was empty): on to the next stop."""
        stop = self._stop()
        short = take.qty < stop.qty
        if take.qty:
            self.taken.append(take)
        self.index += 1
        nxt = self.current
        self.step = WalkStep.BIN if nxt is not None else WalkStep.DONE
        return StopTaken(take, short, self.remaining, nxt)

    def by_lot(self) -> dict[str | None, int]:
        out: dict[str | None, int] = {}
        for t in self.taken:
            out[t.lot] = out.get(t.lot, 0) + t.qty
        return out


# ─── a batch scanner's upload (`pickdesk transfer pick TRF --scans FILE`) ───────────────────────


@dataclass(frozen=True)
class FileWalk:
    """What an upload walked: the takes to save, in order (qty 0: an empty bin), and what it left."""

    takes: list[Take]
    remaining: int


def walk_scan_lines(walk: TransferPick, scans: list) -> tuple[FileWalk, list]:  # noqa: ANN001
    """Each line of a batch scanner's upload judged as at the shelf, in order, on `walk`.

    A bin scan opens a stop (it must be the plan's next bin); item scans after it add their units (a
    `QTY:n` line, else the GS1 count AI 30, else one unit per scan); the next bin scan, or the end of the
    file, closes the stop — a bin with fewer units than planned (none at all: an empty bin) rolls the rest
    on to the next bin of the plan, as at the station. `scans` are `desktop.domain.receiving.FileScan`s;
    returns the walk and the refusals (`FileRefusal`), one per refused line."""
    from desktop.domain.receiving import FileRefusal

    takes: list[Take] = []
    refused: list[FileRefusal] = []
    units = 0

    def close_stop(line_no: int) -> None:
        nonlocal units
        if walk.step is WalkStep.BIN or walk.step is WalkStep.DONE:
            return
        walk.step = WalkStep.QTY
        try:
            take = walk.check_qty(units)
        except TransferWalkRefused as exc:
            refused.append(FileRefusal(line_no, exc.reason.value, exc.message, exc.message_zh))
            take = walk.check_qty(walk._stop().qty)  # judged as if right, so the lines after it are judged too
        takes.append(take)
        walk.record(take)
        units = 0

    for scan in scans:
        try:
            decoded = decode_scan(scan.raw)
        except ScanRejected as exc:
            refused.append(FileRefusal(scan.line_no, exc.reason.value, exc.message, exc.message_zh))
            continue
        try:
            if isinstance(decoded, LocationScan):
                if scan.qty is not None:
                    refused.append(FileRefusal(scan.qty_line_no or scan.line_no, "quantity_without_item",
                                               "A quantity line must follow an item scan, not a bin.",
                                               "数量行必须紧跟在商品扫描之后，不能跟在库位之后。"))
                close_stop(scan.line_no)
                walk.scan_bin(decoded.code)
            elif isinstance(decoded, ItemScan):
                walk.scan_item(decoded)
                walk.step = WalkStep.ITEM  # a batch scanner may scan the item again for each unit
                units += scan.qty if scan.qty is not None else (decoded.count or 1)
            else:
                raise TransferWalkRefused(WalkReason.UNREADABLE, "Scan the bin, then the item.", "请先扫库位，再扫商品。")
        except TransferWalkRefused as exc:
            refused.append(FileRefusal(scan.line_no, exc.reason.value, exc.message, exc.message_zh))
    close_stop(scans[-1].line_no if scans else 0)
    return FileWalk(takes, walk.remaining), refused
