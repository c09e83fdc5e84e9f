"""Receiving against a notice: import the notices, take the dock's scans, close with the differences.

* `import_notices` — a supervisor's file of advance shipping notices (../shared/formats/inbound.md),
  all or nothing.
* `open_session` — a notice as a `ReceiveSession` (desktop.domain.receiving): the station judges each
  scan in memory and saves what was decided with `save_receipts`; `receive_file` does the same for
  a batch-scanner upload, all or nothing.
* `close_notice` — posts the stock (RECEIPT movements: accepted units into the dock location,
  quarantined ones into the quarantine location), closes the replenishment request or stock
  transfer it answers, and returns the differences (`differences_csv` writes them).

Units at the dock wait there until they are put away (`desktop.services.putaway`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.events import NoticeClosed, NoticeReceiving, NoticesImported
from desktop.domain.receiving import (
    Decision,
    DecisionNeeded,
    FileRefusal,
    Issue,
    LineDifference,
    NoticeLine,
    Product,
    Receipt,
    ReceiveRefused,
    ReceiveSession,
    read_scan_lines,
)
from desktop.domain.roles import Role, require_role
from desktop.domain.stock import MovementKind
from desktop.formats import checks
from desktop.formats.inbound import check_notices, read_notices
from desktop.services.stock import change_on_hand, shelf_life_cutoff
from devices.decode import LocationScan, ScanRejected, decode_scan
from printing.spreadsheet import safe_row

OPEN = ("expected", "receiving")


class NoticeRefused(PickdeskError):
    code = "notice_refused"


class ScansRefused(PickdeskError):
    """A batch-scanner upload with refused lines: nothing was received. `refusals` lists each line."""

    code = "scans_refused"

    def __init__(self, refusals: list[FileRefusal]) -> None:
        super().__init__(f"The scan file was refused ({len(refusals)} lines); nothing was received.",
                         f"扫描文件被拒绝（{len(refusals)} 行），未收货。")
        self.refusals = refusals

    def __str__(self) -> str:
        return self.message + " " + "; ".join(f"line {r.line_no}: {r.message}" for r in self.refusals[:20])


# ─── import ─────────────────────────────────────────────────────────────────────


def import_notices(uow: UnitOfWork, path: Path) -> list[str]:
    """Every notice of the file, or none (NoticesRefused lists every problem). Returns the ASN numbers."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    parsed = check_notices(uow, read_notices(path))
    for p in parsed:
        notice = models.InboundNotice(asn_no=p.asn_no, warehouse_id=p.warehouse_id, source_kind=p.source_kind,
                                      source_code=p.source_code, source_name=p.source_name,
                                      expected_at=p.expected_at, replenishment_request_id=p.replenishment_request_id,
                                      stock_transfer_id=p.stock_transfer_id)
        notice.lines = [models.InboundLine(line_no=ln.line_no, sku_id=ln.sku_id, lot_code=ln.lot, expiry=ln.expiry,
                                           expected_qty=ln.qty) for ln in p.lines]
        uow.session.add(notice)
        if p.replenishment_request_id:
            req = uow.session.get(models.ReplenishmentRequest, p.replenishment_request_id)
            if req is not None and req.status == "open":
                req.status = "sent"  # a notice answers it: the goods are on their way
        if p.stock_transfer_id:
            transfer = uow.session.get(models.StockTransfer, p.stock_transfer_id)
            if transfer is not None and transfer.status == "requested":
                transfer.status = "in_transit"
    numbers = [p.asn_no for p in parsed]
    uow.session.flush()
    uow.audit("notices_imported", "import", path.name[:40], notices=len(numbers), first=numbers[0], last=numbers[-1])
    uow.announce(NoticesImported(count=len(numbers)))
    uow.commit()
    return numbers


# ─── reading ────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class NoticeRow:
    asn_no: str
    warehouse: str
    source_kind: str
    source_code: str
    source_name: str
    expected_at: datetime | None
    status: str
    lines: int
    units: int
    replenishment_request: int | None


def list_notices(uow: UnitOfWork, *, status: str | None = None, warehouse: str | None = None,
                 open_only: bool = False) -> list[NoticeRow]:
    N, L, W = models.InboundNotice, models.InboundLine, models.Warehouse
    counts = (select(L.notice_id, func.count().label("n"), func.sum(L.expected_qty).label("units"))
              .group_by(L.notice_id).subquery())
    q = (select(N.asn_no, W.code, N.source_kind, N.source_code, N.source_name, N.expected_at, N.status,
                func.coalesce(counts.c.n, 0), func.coalesce(counts.c.units, 0), N.replenishment_request_id)
         .join(W, N.warehouse_id == W.id).outerjoin(counts, counts.c.notice_id == N.id)
         .order_by(N.expected_at.is_(None), N.expected_at, N.asn_no))
    if status:
        q = q.where(N.status == status)
    if open_only:
        q = q.where(N.status.in_(OPEN))
    if warehouse:
        q = q.where(W.code == warehouse)
    return [NoticeRow(*r[:7], int(r[7]), int(r[8]), r[9]) for r in uow.session.execute(q)]


def _notice(uow: UnitOfWork, asn_no: str, *, lock: bool = False) -> models.InboundNotice:
    q = select(models.InboundNotice).where(models.InboundNotice.asn_no == asn_no.strip())
    if lock and uow.db.backend == "postgresql":
        q = q.with_for_update()
    notice = uow.session.scalar(q)
    if notice is None:
        raise NotFound(f"There is no notice {asn_no!r}.", f"没有到货通知 {asn_no!r}。")
    return notice


def is_notice_number(uow: UnitOfWork, raw: str) -> bool:
    """A scan that names a notice (its number as printed on the delivery note)."""
    text = raw.strip(" \r\n\t")
    return bool(text) and len(text) <= 40 and uow.session.scalar(
        select(func.count()).select_from(models.InboundNotice).where(models.InboundNotice.asn_no == text)) > 0


def _product(sku: models.Sku, today: date) -> Product:
    cutoff = shelf_life_cutoff(sku, sku.merchant, today)
    return Product(gtin14=sku.gtin, sku=sku.sku_code, name=sku.name, name_zh=sku.name_zh or "",
                   lot_tracked=sku.lot_tracked, min_expiry=cutoff if cutoff > today else None)


def _catalogue(uow: UnitOfWork, today: date) -> dict[str, Product]:
    """Every active product by GTIN, for a scan of one the notice does not name (judged in memory)."""
    K, M = models.Sku, models.Merchant
    out: dict[str, Product] = {}
    q = (select(K.gtin, K.sku_code, K.name, K.name_zh, K.lot_tracked, K.min_remaining_shelf_days,
                M.min_remaining_shelf_days).join(M, K.merchant_id == M.id).where(K.active.is_(True)))
    for gtin, code, name, name_zh, tracked, sku_days, merchant_days in uow.session.execute(q):
        days = max(sku_days or 0, merchant_days or 0)
        out[gtin] = Product(gtin14=gtin, sku=code, name=name, name_zh=name_zh or "", lot_tracked=tracked,
                            min_expiry=today + timedelta(days=days) if days else None)
    return out


def open_session(uow: UnitOfWork, asn_no: str, *, today: date | None = None) -> ReceiveSession:
    """The notice as the dock sees it, with what was received before (a notice may be received in parts).

    The session carries the catalogue too, so that a product the notice does not name is judged in
    memory like the rest (no database on the station's GUI thread)."""
    require_role(uow.actor.role, Role.RECEIVER)
    today = today or date.today()
    notice = _notice(uow, asn_no)
    if notice.status == "closed":
        raise NoticeRefused(f"Notice {notice.asn_no} is closed.", f"到货通知 {notice.asn_no} 已关闭。")
    Lo = models.Lot
    known: dict[int, list[tuple[str, date | None]]] = {}
    for sku_id, code, expiry in uow.session.execute(select(Lo.sku_id, Lo.lot_code, Lo.expiry).where(
            Lo.sku_id.in_({ln.sku_id for ln in notice.lines}))):
        known.setdefault(sku_id, []).append((code, expiry))
    lines = [NoticeLine(ln.line_no, replace(_product(ln.sku, today), lots=tuple(known.get(ln.sku_id, ()))),
                        ln.expected_qty, ln.lot_code, ln.expiry) for ln in notice.lines]
    by_line_id = {ln.id: ln.line_no for ln in notice.lines}
    earlier = [Receipt(gtin14=r.sku.gtin, sku=r.sku.sku_code, qty=r.qty, decision=Decision(r.decision),
                       line_no=by_line_id.get(r.line_id), lot=r.lot_code, expiry=r.expiry,
                       issues=tuple(Issue(i) for i in r.issues.split(",") if i), reason=r.reason)
               for r in notice.receipts]
    catalogue = _catalogue(uow, today)
    session = ReceiveSession(notice.asn_no, lines, today, catalogue.get, receipts=earlier)
    session.dock = _dock(uow, notice.warehouse_id).code
    return session


def _dock(uow: UnitOfWork, warehouse_id: int, code: str | None = None) -> models.Location:
    L = models.Location
    q = select(L).where(L.warehouse_id == warehouse_id, L.kind == "dock", L.active.is_(True))
    if code:
        q = q.where(L.code == code)
    loc = uow.session.scalar(q.order_by(L.code))
    if loc is None:
        if code:
            raise NoticeRefused(f"{code} is not a dock of this warehouse.", f"{code} 不是本仓库的收货区。")
        raise NotFound("The warehouse has no dock location.", "仓库没有收货区库位。")
    return loc


def _quarantine(uow: UnitOfWork, warehouse_id: int) -> models.Location:
    L = models.Location
    loc = uow.session.scalar(select(L).where(L.warehouse_id == warehouse_id, L.kind == "quarantine",
                                             L.active.is_(True)).order_by(L.code))
    if loc is None:
        raise NotFound("The warehouse has no quarantine location.", "仓库没有隔离区库位。")
    return loc


# ─── receiving ──────────────────────────────────────────────────────────────────


def save_receipts(uow: UnitOfWork, asn_no: str, receipts: list[Receipt], *, dock_code: str | None = None) -> int:
    """Write what the dock decided (a session's `unsaved`); the notice goes to `receiving`. Returns units kept."""
    require_role(uow.actor.role, Role.RECEIVER)
    notice = _notice(uow, asn_no, lock=True)
    if notice.status == "closed":
        raise NoticeRefused(f"Notice {notice.asn_no} is closed.", f"到货通知 {notice.asn_no} 已关闭。")
    dock = _dock(uow, notice.warehouse_id, dock_code)
    line_ids = {ln.line_no: ln.id for ln in notice.lines}
    skus = dict(uow.session.execute(select(models.Sku.gtin, models.Sku.id)
                                    .where(models.Sku.gtin.in_({r.gtin14 for r in receipts}))).all())
    for r in receipts:
        notice.receipts.append(models.InboundReceipt(
            line_id=line_ids.get(r.line_no) if r.line_no else None, sku_id=skus[r.gtin14], lot_code=r.lot,
            expiry=r.expiry, qty=r.qty, decision=r.decision.value, issues=",".join(i.value for i in r.issues),
            reason=r.reason[:200], location_id=dock.id, user_id=uow.actor.user_id))
    if notice.status == "expected":
        notice.status = "receiving"
    kept = sum(r.qty for r in receipts if r.counts)
    uow.session.flush()
    uow.audit("notice_received", "inbound", notice.asn_no, scans=len(receipts), units=kept,
              refused=sum(r.qty for r in receipts if not r.counts))
    uow.announce(NoticeReceiving(asn_no=notice.asn_no, units=kept))
    uow.commit()
    return kept


def receive_file(uow: UnitOfWork, asn_no: str, path: Path, *, today: date | None = None) -> list[Receipt]:
    """A batch-scanner upload: each line judged as the station would judge the scan; a difference gets the
    suggested decision (the report shows it). Any refused line: ScansRefused, nothing received."""
    require_role(uow.actor.role, Role.RECEIVER)
    try:
        text = checks.decode_text(checks.read_bytes(path, max_bytes=4 * 1024 * 1024), path.name)
    except PickdeskError as exc:
        raise ScansRefused([FileRefusal(0, "file", exc.message, exc.message_zh)]) from None
    session = open_session(uow, asn_no, today=today)
    notice = _notice(uow, asn_no)
    scans, refused = read_scan_lines(text)
    dock_code: str | None = None
    for scan in scans:
        try:
            decoded = decode_scan(scan.raw)
        except ScanRejected as exc:
            refused.append(FileRefusal(scan.line_no, exc.reason.value, exc.message, exc.message_zh))
            continue
        if isinstance(decoded, LocationScan):
            if scan.qty is not None:
                refused.append(FileRefusal(scan.qty_line_no or scan.line_no, "quantity_without_item",
                                           "A quantity line must follow an item scan, not a location.",
                                           "数量行必须紧跟在商品扫描之后，不能跟在库位之后。"))
                continue
            try:
                dock_code = _dock(uow, notice.warehouse_id, decoded.code).code
            except PickdeskError as exc:
                refused.append(FileRefusal(scan.line_no, "not_a_dock", exc.message, exc.message_zh))
            continue
        try:
            verdict = session.scan_raw(scan.raw, scan.qty)
        except ReceiveRefused as exc:
            refused.append(FileRefusal(scan.line_no, exc.reason.value, exc.message, exc.message_zh))
            continue
        if isinstance(verdict, DecisionNeeded):
            session.decide_suggested()
    if not scans and not refused:
        refused.append(FileRefusal(0, "empty", "The file holds no scan.", "文件中没有扫描记录。"))
    if refused:
        raise ScansRefused(sorted(refused, key=lambda r: r.line_no))
    made = session.unsaved
    save_receipts(uow, asn_no, made, dock_code=dock_code)
    return made


# ─── closing ────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class CloseReport:
    asn_no: str
    warehouse: str
    source: str
    closed_at: datetime
    dock: str
    quarantine: str
    lines: tuple[LineDifference, ...]
    replenishment_request: int | None
    stock_transfer: int | None

    @property
    def differences(self) -> tuple[LineDifference, ...]:
        return tuple(d for d in self.lines if d.differs)

    def total(self, what: str) -> int:
        return sum(getattr(d, what) for d in self.lines)


def _lot_id(uow: UnitOfWork, sku_id: int, lot: str | None, expiry: date | None) -> int | None:
    if not lot:
        return None
    Lo = models.Lot
    found = uow.session.scalar(select(Lo).where(Lo.sku_id == sku_id, Lo.lot_code == lot))
    if found is None:
        found = Lo(sku_id=sku_id, lot_code=lot, expiry=expiry)
        uow.session.add(found)
        uow.session.flush()
    return found.id


def close_notice(uow: UnitOfWork, asn_no: str, *, today: date | None = None) -> CloseReport:
    """Post what stayed, close what the notice answers, and report the differences. Once."""
    require_role(uow.actor.role, Role.RECEIVER)
    notice = _notice(uow, asn_no, lock=True)
    if notice.status == "closed":
        raise NoticeRefused(f"Notice {notice.asn_no} is closed already.", f"到货通知 {notice.asn_no} 已关闭。")
    session = open_session(uow, asn_no, today=today)
    quarantine = _quarantine(uow, notice.warehouse_id)
    dock_default = _dock(uow, notice.warehouse_id)
    posted: dict[tuple[int, int, int | None], int] = {}
    for r in notice.receipts:
        if r.decision == Decision.REFUSE.value:
            continue
        where = quarantine.id if r.decision == Decision.QUARANTINE.value else (r.location_id or dock_default.id)
        key = (where, r.sku_id, _lot_id(uow, r.sku_id, r.lot_code, r.expiry))
        posted[key] = posted.get(key, 0) + r.qty
    for (location_id, sku_id, lot_id), qty in sorted(posted.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or 0)):
        change_on_hand(uow, location_id=location_id, sku_id=sku_id, lot_id=lot_id, delta=qty,
                       kind=MovementKind.RECEIPT, ref=notice.asn_no)
    notice.status = "closed"
    notice.closed_at = utcnow()
    notice.closed_by_id = uow.actor.user_id
    if notice.replenishment_request_id:
        req = uow.session.get(models.ReplenishmentRequest, notice.replenishment_request_id)
        if req is not None and req.status not in ("received", "cancelled"):
            req.status = "received"
    transfer_ids: list[int] = []
    if notice.source_kind == "warehouse":
        T = models.StockTransfer
        sender = uow.session.scalar(select(models.Warehouse.id).where(models.Warehouse.code == notice.source_code))
        q = select(T).where(T.from_warehouse_id == sender, T.to_warehouse_id == notice.warehouse_id,
                            T.status.in_(("requested", "in_transit")),
                            T.sku_id.in_({ln.sku_id for ln in notice.lines}))
        if notice.stock_transfer_id:
            q = select(T).where(T.id == notice.stock_transfer_id, T.status.in_(("requested", "in_transit")))
        for transfer in uow.session.scalars(q):
            transfer.status, transfer.received_at = "received", notice.closed_at
            transfer_ids.append(transfer.id)
    diffs = session.differences()
    report = CloseReport(notice.asn_no, notice.warehouse.code, f"{notice.source_kind} {notice.source_code}",
                         notice.closed_at, dock_default.code, quarantine.code, tuple(diffs),
                         notice.replenishment_request_id, transfer_ids[0] if transfer_ids else notice.stock_transfer_id)
    uow.session.flush()
    uow.audit("notice_closed", "inbound", notice.asn_no, accepted=report.total("accepted"),
              quarantined=report.total("quarantined"), refused=report.total("refused"), short=report.total("short"),
              over=report.total("over"), replenishment_request=notice.replenishment_request_id,
              stock_transfers=transfer_ids)
    uow.announce(NoticeClosed(asn_no=notice.asn_no, accepted=report.total("accepted"),
                              quarantined=report.total("quarantined"), refused=report.total("refused")))
    uow.commit()
    return report


CSV_COLUMNS = ("asn_no", "line", "gtin", "sku", "expected", "accepted", "quarantined", "refused", "short", "over",
               "issues")


def differences_csv(report: CloseReport) -> str:
    """The differences report: one row per notice line and per product not on it (text cells escaped)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for d in report.lines:
        writer.writerow(safe_row([report.asn_no, d.line_no if d.line_no is not None else "", d.gtin14, d.sku,
                                  d.expected, d.accepted, d.quarantined, d.refused, d.short, d.over,
                                  " ".join(d.issues)]))
    return out.getvalue()
