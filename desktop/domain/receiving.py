"""The scan rules at the dock: receiving against a notice. Pure Python, no database.

A `ReceiveSession` holds one inbound notice's lines and what has been received against them, and
takes scans one at a time, as `PickSession` does at the shelf. An item scan (GS1 with GTIN, lot
and expiry — AI 01/10/17 — and a count in AI 30, or a plain GTIN, one unit each) returns:

* `Received` — it matches a line, within the expected quantity, of the declared lot (or none was
  declared), with shelf life enough: accepted, nothing to decide;
* `DecisionNeeded` — something differs: over the expected quantity (`over`), a product the notice
  does not name (`unexpected`), another lot than declared (`lot_differs`), already expired
  (`expired`), or under the SKU's / merchant's minimum remaining shelf life (`short_dated`). The
  receiver decides accept, quarantine or refuse (`decide`); the strictest suggestion is offered
  first. Nothing else is taken until it is decided;
* or raises `ReceiveRefused` with a reason: unreadable, not a product, a product Pickdesk does
  not know, a lot-tracked product scanned without its lot and expiry, a bad quantity.

A location scan chooses the dock the units are put down at (`DockChosen`). `QTY:n` after an item
scan (a batch scanner's quantity line) is handled by `read_scan_file`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from devices.decode import ItemScan, LocationScan, ScanRejected, decode_scan

MAX_UNITS = 100_000  # units in one scan's quantity


class Decision(enum.StrEnum):
    ACCEPT = "accept"
    QUARANTINE = "quarantine"
    REFUSE = "refuse"

    @property
    def label_zh(self) -> str:
        return {"accept": "接收", "quarantine": "隔离", "refuse": "拒收"}[self.value]


class Issue(enum.StrEnum):
    """What differs from the notice; several may apply to one scan."""

    OVER = "over"
    UNEXPECTED = "unexpected"
    LOT_DIFFERS = "lot_differs"
    EXPIRED = "expired"
    SHORT_DATED = "short_dated"
    EXPIRY_DIFFERS = "expiry_differs"  # a lot the warehouse knows, scanned with another expiry


# What each issue allows and suggests; the strictest suggestion of a scan's issues is offered first.
_CHOICES: dict[Issue, tuple[Decision, ...]] = {
    Issue.OVER: (Decision.ACCEPT, Decision.QUARANTINE, Decision.REFUSE),
    Issue.UNEXPECTED: (Decision.ACCEPT, Decision.QUARANTINE, Decision.REFUSE),
    Issue.LOT_DIFFERS: (Decision.ACCEPT, Decision.QUARANTINE, Decision.REFUSE),
    Issue.SHORT_DATED: (Decision.ACCEPT, Decision.QUARANTINE, Decision.REFUSE),
    Issue.EXPIRED: (Decision.QUARANTINE, Decision.REFUSE),  # an expired unit never goes on a shelf
    # one lot, one expiry: accepted, it would lie on a shelf under the lot's other date
    Issue.EXPIRY_DIFFERS: (Decision.QUARANTINE, Decision.REFUSE),
}
_SUGGESTED: dict[Issue, Decision] = {
    Issue.OVER: Decision.QUARANTINE,
    Issue.UNEXPECTED: Decision.QUARANTINE,
    Issue.LOT_DIFFERS: Decision.ACCEPT,  # what is scanned counts (the format says so)
    Issue.SHORT_DATED: Decision.QUARANTINE,
    Issue.EXPIRED: Decision.REFUSE,
    Issue.EXPIRY_DIFFERS: Decision.QUARANTINE,
}
_STRICTNESS = {Decision.ACCEPT: 0, Decision.QUARANTINE: 1, Decision.REFUSE: 2}


class RefusalReason(enum.StrEnum):
    UNREADABLE = "unreadable"
    NOT_AN_ITEM = "not_an_item"
    UNKNOWN_ITEM = "unknown_item"
    LOT_REQUIRED = "lot_required"
    BAD_QUANTITY = "bad_quantity"
    DECIDE_FIRST = "decide_first"
    NOTHING_TO_DECIDE = "nothing_to_decide"
    NOT_ALLOWED = "not_allowed"


class ReceiveRefused(Exception):
    """A scan the receiver must not act on: nothing was received; the reason is for the screen."""

    def __init__(self, reason: RefusalReason, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.reason, self.message, self.message_zh = reason, message, message_zh

    def __repr__(self) -> str:
        return f"ReceiveRefused({self.reason.value!r}, {self.message!r})"


@dataclass(frozen=True)
class Product:
    """A SKU as the dock needs it."""

    gtin14: str
    sku: str
    name: str
    lot_tracked: bool
    min_expiry: date | None  # a unit must expire after this day (shelf_life_cutoff); None: no rule
    name_zh: str = ""
    lots: tuple[tuple[str, date | None], ...] = ()  # the lots the warehouse knows, with their expiry


@dataclass(frozen=True)
class NoticeLine:
    line_no: int
    product: Product
    expected: int
    lot: str | None = None  # what the sender declared
    expiry: date | None = None


@dataclass(frozen=True)
class Receipt:
    """Units received, as they will be written (`inbound_receipts`)."""

    gtin14: str
    sku: str
    qty: int
    decision: Decision
    line_no: int | None = None  # None: not on the notice
    lot: str | None = None
    expiry: date | None = None
    issues: tuple[Issue, ...] = ()
    reason: str = ""  # the receiver's words, or the issues

    @property
    def counts(self) -> bool:
        """Units that stay (accepted or quarantined) count against the expected quantity."""
        return self.decision is not Decision.REFUSE


@dataclass(frozen=True)
class Received:
    receipt: Receipt
    line: NoticeLine


@dataclass(frozen=True)
class DecisionNeeded:
    """The scan differs from the notice: `decide` one of `choices` (`suggested` first)."""

    pending: Receipt  # decision = the suggestion, until decided
    issues: tuple[Issue, ...]
    choices: tuple[Decision, ...]
    suggested: Decision
    line: NoticeLine | None
    message: str
    message_zh: str


@dataclass(frozen=True)
class Decided:
    receipt: Receipt


@dataclass(frozen=True)
class DockChosen:
    code: str


Verdict = Received | DecisionNeeded | DockChosen


@dataclass(frozen=True)
class LineDifference:
    """One line of the differences report: expected against what stayed, and why units did not."""

    line_no: int | None
    gtin14: str
    sku: str
    expected: int
    accepted: int
    quarantined: int
    refused: int
    issues: tuple[str, ...]

    @property
    def received(self) -> int:
        return self.accepted + self.quarantined

    @property
    def short(self) -> int:
        return max(self.expected - self.received, 0)

    @property
    def over(self) -> int:
        return max(self.received - self.expected, 0)

    @property
    def differs(self) -> bool:
        return bool(self.short or self.over or self.refused or self.quarantined or self.issues)


def _issue_text(issues: Iterable[Issue], line: NoticeLine | None, scan: Receipt, expected_left: int,
                date_text: Callable[[date], str]) -> tuple[str, str]:
    en, zh = [], []
    for issue in issues:
        if issue is Issue.OVER:
            en.append(f"over the notice: {expected_left} still expected, {scan.qty} scanned")
            zh.append(f"超出通知数量：尚需 {expected_left} 件，扫描 {scan.qty} 件")
        elif issue is Issue.UNEXPECTED:
            en.append(f"{scan.sku} is not on this notice")
            zh.append(f"{scan.sku} 不在此到货通知中")
        elif issue is Issue.LOT_DIFFERS:
            en.append(f"lot {scan.lot}, the notice says {line.lot if line else '-'}")
            zh.append(f"批号 {scan.lot}，通知为 {line.lot if line else '-'}")
        elif issue is Issue.EXPIRED:
            en.append(f"expired on {date_text(scan.expiry)}" if scan.expiry else "expired")
            zh.append(f"已于 {date_text(scan.expiry)} 过期" if scan.expiry else "已过期")
        elif issue is Issue.EXPIRY_DIFFERS:
            en.append(f"lot {scan.lot} is known with another expiry than {date_text(scan.expiry)}"
                      if scan.expiry else f"lot {scan.lot} is known with another expiry")
            zh.append(f"批号 {scan.lot} 已登记的有效期不是 {date_text(scan.expiry)}" if scan.expiry
                      else f"批号 {scan.lot} 已登记其他有效期")
        elif issue is Issue.SHORT_DATED:
            en.append(f"expires {date_text(scan.expiry)}, under the minimum shelf life" if scan.expiry else "short-dated")
            zh.append(f"{date_text(scan.expiry)} 到期，剩余保质期不足" if scan.expiry else "临期")
    return "; ".join(en).capitalize() + ".", "；".join(zh) + "。"


@dataclass
class ReceiveSession:
    """One notice at the dock. `lookup(gtin14)` finds a product the notice does not name (or None)."""

    asn_no: str
    lines: list[NoticeLine]
    today: date
    lookup: Callable[[str], Product | None] = lambda _gtin: None
    date_text: Callable[[date], str] = date.isoformat
    receipts: list[Receipt] = field(default_factory=list)  # earlier ones (reopened) first, then this session's
    pending: DecisionNeeded | None = None
    dock: str | None = None
    new_from: int = 0  # receipts[new_from:] are not yet saved

    def __post_init__(self) -> None:
        self.new_from = len(self.receipts)
        self._kept: dict[int, int] = {}  # line no → units that stay, kept up to date: a scan is O(lines)
        for r in self.receipts:
            self._count(r)

    def _count(self, r: Receipt) -> None:
        if r.line_no is not None and r.counts:
            self._kept[r.line_no] = self._kept.get(r.line_no, 0) + r.qty

    def _add(self, r: Receipt) -> None:
        self.receipts.append(r)
        self._count(r)

    # --- state ------------------------------------------------------------------------------

    @property
    def unsaved(self) -> list[Receipt]:
        return self.receipts[self.new_from:]

    def mark_saved(self) -> None:
        self.new_from = len(self.receipts)

    def received_of(self, line_no: int) -> int:
        return self._kept.get(line_no, 0)

    def differences(self) -> list[LineDifference]:
        """Per notice line, then per product that was not on it: what the report says."""
        out: list[LineDifference] = []
        for line in self.lines:
            mine = [r for r in self.receipts if r.line_no == line.line_no]
            out.append(self._difference(line.line_no, line.product.gtin14, line.product.sku, line.expected, mine))
        extra: dict[str, list[Receipt]] = {}
        for r in self.receipts:
            if r.line_no is None:
                extra.setdefault(r.gtin14, []).append(r)
        for gtin, mine in extra.items():
            out.append(self._difference(None, gtin, mine[0].sku, 0, mine))
        return out

    @staticmethod
    def _difference(line_no: int | None, gtin: str, sku: str, expected: int, mine: list[Receipt]) -> LineDifference:
        def total(d: Decision) -> int:
            return sum(r.qty for r in mine if r.decision is d)

        issues = tuple(sorted({i.value for r in mine for i in r.issues}))
        return LineDifference(line_no, gtin, sku, expected, total(Decision.ACCEPT), total(Decision.QUARANTINE),
                              total(Decision.REFUSE), issues)

    # --- scans ------------------------------------------------------------------------------

    def scan_raw(self, raw: str, qty: int | None = None) -> Verdict:
        try:
            scan = decode_scan(raw)
        except ScanRejected as exc:
            raise ReceiveRefused(RefusalReason.UNREADABLE, exc.message, exc.message_zh) from exc
        if isinstance(scan, LocationScan):
            self.dock = scan.code
            return DockChosen(scan.code)
        if not isinstance(scan, ItemScan):
            raise ReceiveRefused(RefusalReason.NOT_AN_ITEM, "That is not a product barcode. Scan the item.",
                                 "这不是商品条码。请扫描商品。")
        return self.take(scan, qty)

    def take(self, scan: ItemScan, qty: int | None = None) -> Verdict:
        if self.pending is not None:
            raise ReceiveRefused(RefusalReason.DECIDE_FIRST, "Decide on the last scan first: accept, quarantine or refuse.",
                                 "请先处理上一次扫描：接收、隔离或拒收。")
        units = qty if qty is not None else (scan.count if scan.count is not None else 1)
        if not 1 <= units <= MAX_UNITS:
            raise ReceiveRefused(RefusalReason.BAD_QUANTITY, f"The quantity must be 1 to {MAX_UNITS}, not {units}.",
                                 f"数量必须在 1 到 {MAX_UNITS} 之间，不能是 {units}。")
        line = self._line_for(scan)
        product = line.product if line else self.lookup(scan.gtin)
        if product is None:
            raise ReceiveRefused(RefusalReason.UNKNOWN_ITEM,
                                 f"GTIN {scan.gtin} is no product of this warehouse. Set it up before receiving it.",
                                 f"GTIN {scan.gtin} 不是本仓库的商品。请先建档再收货。")
        expiry = scan.expiry or scan.best_before
        if product.lot_tracked and (not scan.lot or expiry is None):
            raise ReceiveRefused(RefusalReason.LOT_REQUIRED,
                                 f"{product.sku} is lot-tracked: scan the GS1 code that carries its lot and expiry.",
                                 f"{product.sku} 按批次管理：请扫描含批号和有效期的 GS1 条码。")
        receipt = Receipt(gtin14=product.gtin14, sku=product.sku, qty=units, decision=Decision.ACCEPT,
                          line_no=line.line_no if line else None, lot=scan.lot if product.lot_tracked or scan.lot else None,
                          expiry=expiry)
        issues: list[Issue] = []
        left = 0
        if line is None:
            issues.append(Issue.UNEXPECTED)
        else:
            left = max(line.expected - self.received_of(line.line_no), 0)
            if units > left:
                issues.append(Issue.OVER)
            if line.lot and receipt.lot and receipt.lot != line.lot:
                issues.append(Issue.LOT_DIFFERS)
        known = dict(product.lots)
        if receipt.lot and receipt.lot in known and known[receipt.lot] != expiry:
            issues.append(Issue.EXPIRY_DIFFERS)
        if expiry is not None and expiry <= self.today:
            issues.append(Issue.EXPIRED)
        elif expiry is not None and product.min_expiry is not None and expiry <= product.min_expiry:
            issues.append(Issue.SHORT_DATED)
        if not issues:
            self._add(receipt)
            assert line is not None
            return Received(receipt, line)
        choices = tuple(d for d in Decision if all(d in _CHOICES[i] for i in issues))
        suggested = max((_SUGGESTED[i] for i in issues), key=_STRICTNESS.__getitem__)
        message, message_zh = _issue_text(issues, line, receipt, left, self.date_text)
        self.pending = DecisionNeeded(replace(receipt, decision=suggested, issues=tuple(issues)), tuple(issues),
                                      choices, suggested, line, message, message_zh)
        return self.pending

    def decide(self, decision: Decision | str, reason: str = "") -> Decided:
        """The receiver's decision on the pending scan (one of its choices), with their words if any."""
        pending = self.pending
        if pending is None:
            raise ReceiveRefused(RefusalReason.NOTHING_TO_DECIDE, "There is nothing to decide.", "没有待处理的扫描。")
        decision = Decision(decision)
        if decision not in pending.choices:
            raise ReceiveRefused(RefusalReason.NOT_ALLOWED,
                                 f"{decision.value} is not allowed here: " + ", ".join(d.value for d in pending.choices),
                                 f"此处不能{decision.label_zh}：可选 " + "、".join(d.label_zh for d in pending.choices))
        reason = reason.strip() or ",".join(i.value for i in pending.issues)
        receipt = replace(pending.pending, decision=decision, reason=reason[:200])
        self._add(receipt)
        self.pending = None
        return Decided(receipt)

    def decide_suggested(self) -> Decided:
        assert self.pending is not None
        return self.decide(self.pending.suggested)

    def _line_for(self, scan: ItemScan) -> NoticeLine | None:
        """The notice line for a scan: its GTIN, the declared lot first when several lines share it."""
        mine = [ln for ln in self.lines if ln.product.gtin14 == scan.gtin]
        if not mine:
            return None
        for ln in mine:
            if ln.lot and ln.lot == scan.lot and self.received_of(ln.line_no) < ln.expected:
                return ln
        for ln in mine:
            if self.received_of(ln.line_no) < ln.expected:
                return ln
        return mine[0]


# ─── batch-scanner uploads ───────────────────────────────────────────────────────


@dataclass(frozen=True)
class FileScan:
    line_no: int
    raw: str
    qty: int | None = None  # from a `QTY:n` line after it
    qty_line_no: int | None = None  # that line's number


@dataclass(frozen=True)
class FileRefusal:
    line_no: int
    reason: str
    message: str
    message_zh: str


def read_scan_lines(text: str) -> tuple[list[FileScan], list[FileRefusal]]:
    """One raw scan per line; blank lines and `#` comments skipped; `QTY:n` gives the scan before it n units."""
    scans: list[FileScan] = []
    refused: list[FileRefusal] = []
    # not str.splitlines: it also splits at <GS> (\x1d), the GS1 separator inside a scan
    for n, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = raw.strip(" \r\n\t")
        if not line or line.startswith("#"):
            continue
        if line.upper().startswith("QTY:"):
            digits = line[4:].strip()
            if not (digits.isascii() and digits.isdigit()) or not 1 <= int(digits) <= MAX_UNITS:
                refused.append(FileRefusal(n, "bad_quantity", f"{line!r} is not a quantity QTY:1 to QTY:{MAX_UNITS}.",
                                           f"{line!r} 不是有效数量（QTY:1 至 QTY:{MAX_UNITS}）。"))
            elif not scans or scans[-1].qty is not None or scans[-1].line_no in {r.line_no for r in refused}:
                refused.append(FileRefusal(n, "quantity_without_item", "A quantity line must follow an item scan.",
                                           "数量行必须紧跟在商品扫描之后。"))
            else:
                scans[-1] = replace(scans[-1], qty=int(digits), qty_line_no=n)
            continue
        scans.append(FileScan(n, raw.rstrip("\r\n")))
    return scans, refused
