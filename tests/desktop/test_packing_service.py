"""Packing services on SQLite (and the key ones on PostgreSQL): open, pack, override, print."""

from __future__ import annotations

import subprocess
import threading
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop.station.config import PRINT_QUEUE_FILE
from desktop.db import models
from desktop.db.database import Database
from desktop.db.types import utcnow
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from desktop.domain.errors import NotAllowed, NotFound
from desktop.domain.lifecycle import OrderStatus
from desktop.domain.packing import (
    CARTONS,
    PackItem,
    UnitRefused,
    carton_by_code,
    expected_weight,
    suggest_carton,
)
from desktop.domain.roles import Role
from desktop.services import packing
from desktop.services.auth import SignInRefused
from desktop.services.orders import change_status
from devices.decode import OrderScan, ToteScan
from printing.queue import PrintQueue, RetryPolicy
from printing.transports import PrinterSettings

TODAY = date(2026, 11, 23)


# ─── fixtures and helpers ───────────────────────────────────────────────────────


def _open(url: str) -> Database:
    database = Database.open(url)
    build_demo(database, orders=40, seed=3, as_of=TODAY)
    return database


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    database = _open(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    yield database
    database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db(request, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    database = _open(url)
    yield database
    database.dispose()


def actor(db: Database, login: str) -> Actor:
    with db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == login))
        return Actor(u.id, u.login, u.display_name, Role(u.role), "PACK-01")


def call(db: Database, login: str | None, fn, *args, **kwargs):
    with db.unit_of_work(actor(db, login) if login else None) as uow:
        return fn(uow, *args, **kwargs)


@dataclass
class Picked:
    order_no: str
    tote: str
    units: list[tuple[int, str | None, int]]  # (line_no, lot, qty) as picked
    weights: dict[int, int]  # line_no → unit weight
    skus: dict[int, tuple[int, int, int, bool]]


def make_picked(db: Database, *, min_lines: int = 1, exclude: tuple[str, ...] = ()) -> Picked:
    """Pick a ready order as a picker would have: tasks into a free tote, stock taken, order → picked."""
    with db.unit_of_work() as uow:
        s = uow.session
        candidates = s.scalars(select(models.Order).where(models.Order.status == "ready")
                               .order_by(models.Order.order_no)).all()
        order = next(o for o in candidates if len(o.lines) >= min_lines and o.order_no not in exclude
                     and all(ln.reservations for ln in o.lines))
        tote = s.scalars(select(models.Tote).where(models.Tote.status == "free").order_by(models.Tote.code)).first()
        batch = models.PickBatch(code=f"BT-{order.order_no[-8:]}", warehouse_id=order.warehouse_id, status="done",
                                 finished_at=utcnow())
        tote.status, tote.batch = "at_pack", batch
        change_status(uow, order, OrderStatus.PICKING)
        units = []
        for seq, ln in enumerate(order.lines, start=1):
            for res in list(ln.reservations):
                batch.tasks.append(models.PickTask(line=ln, stock=res.stock, location=res.stock.location,
                                                   lot=res.stock.lot, tote=tote, seq=seq, qty=res.qty,
                                                   picked_qty=res.qty, status="picked", picked_at=utcnow()))
                res.stock.on_hand -= res.qty
                res.stock.reserved -= res.qty
                ln.picked_qty += res.qty
                units.append((ln.line_no, res.stock.lot.lot_code if res.stock.lot else None, res.qty))
            ln.reservations.clear()
        s.add(batch)
        change_status(uow, order, OrderStatus.PICKED)
        picked = Picked(order.order_no, tote.code, units, {ln.line_no: ln.sku.weight_g for ln in order.lines},
                        {ln.line_no: (ln.sku.length_mm, ln.sku.width_mm, ln.sku.height_mm, ln.sku.fragile)
                         for ln in order.lines})
        uow.commit()
    return picked


def weight_for(p: Picked, units: list[tuple[int, str | None, int]], carton: str | None = None) -> tuple[str, int]:
    items = [PackItem(str(n), q, p.weights[n], *p.skus[n]) for n, _lot, q in units]
    box = carton_by_code(carton) if carton else suggest_carton(items).carton
    return box.code, expected_weight(items, box)


def pack(db: Database, p: Picked, units, *, login: str = "packer1", delta: int = 0, action: str = "a1", **kw):
    carton, expected = weight_for(p, units)
    view = call(db, login, packing.open_for_packing, OrderScan(p.order_no), today=TODAY)
    carrier = kw.pop("carrier", (view.carrier.carrier, view.carrier.service))
    return call(db, login, packing.pack_parcel, p.order_no, units, carton, expected + delta, *carrier,
                action_id=action, today=TODAY, **kw)


def order_row(db: Database, order_no: str) -> models.Order:
    with db.unit_of_work() as uow:
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no))
        _ = [(i.line, i.lot) for p in order.parcels for i in p.contents], order.lines
        _ = [p.shipment.carrier for p in order.parcels if p.shipment]
        return order


# ─── opening ────────────────────────────────────────────────────────────────────


def test_open_by_tote_and_by_order_shows_the_pick_and_masked_recipient(any_db):
    p = make_picked(any_db, min_lines=2)
    by_tote = call(any_db, "packer1", packing.open_for_packing, ToteScan(p.tote), today=TODAY)
    by_order = call(any_db, "packer1", packing.open_for_packing, OrderScan(p.order_no), today=TODAY)
    assert by_tote.order_no == by_order.order_no == p.order_no and by_tote.tote == p.tote
    assert [(ln.line_no, lot.lot, lot.qty) for ln in by_order.lines for lot in ln.lots] == \
        [(n, lot, q) for n, lot, q in p.units if lot is not None]
    assert sum(ln.qty for ln in by_order.lines) == sum(q for _n, _l, q in p.units)
    with any_db.unit_of_work() as uow:
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == p.order_no))
        name = uow.sealer.open(order.customer_name_sealed, "customer_name", p.order_no)
        phone = uow.sealer.open(order.customer_phone_sealed, "customer_phone", p.order_no)
    assert "*" in by_order.recipient and name not in repr(by_order)
    assert "****" in by_order.phone and phone not in repr(by_order)
    assert by_order.carton.carton.code in {c.code for c in CARTONS}
    assert by_order.expected_weight_g == weight_for(p, p.units, by_order.carton.carton.code)[1]
    assert by_order.carrier is not None and by_order.carrier.reason.en


def test_unknown_unpicked_and_packed_orders_are_refused(db):
    with pytest.raises(NotFound):
        call(db, "packer1", packing.open_for_packing, ToteScan("TOTE-99999"))
    with pytest.raises(NotFound):
        call(db, "packer1", packing.open_for_packing, OrderScan("NOPE-1"))
    free = call(db, None, lambda uow: uow.session.scalar(select(models.Tote.code).where(models.Tote.status == "free")))
    with pytest.raises(NotFound) as empty:
        call(db, "packer1", packing.open_for_packing, ToteScan(free))
    assert "empty" in empty.value.message and "空" in empty.value.message_zh
    ready = call(db, None, lambda uow: uow.session.scalar(select(models.Order.order_no).where(models.Order.status == "ready")))
    with pytest.raises(packing.NotPicked) as not_picked:
        call(db, "packer1", packing.open_for_packing, OrderScan(ready))
    assert "ready" in not_picked.value.message and "待拣货" in not_picked.value.message_zh
    packed = call(db, None, lambda uow: uow.session.scalar(select(models.Order.order_no).where(models.Order.status == "packed")))
    with pytest.raises(packing.AlreadyPacked):
        call(db, "packer1", packing.open_for_packing, OrderScan(packed))
    with pytest.raises(NotAllowed):
        call(db, "picker1", packing.open_for_packing, OrderScan(packed))


# ─── packing ────────────────────────────────────────────────────────────────────


def test_pack_a_one_parcel_order(any_db):
    p = make_picked(any_db)
    parcel = pack(any_db, p, p.units)
    assert parcel.order_packed and (parcel.seq, parcel.of) == (1, 1) and parcel.tracking_no
    order = order_row(any_db, p.order_no)
    assert order.status == "packed"
    assert all(ln.packed_qty == ln.picked_qty for ln in order.lines)
    (row,) = order.parcels
    assert row.code == parcel.code and row.code.startswith("PCL-") and row.status == "sealed"
    assert sorted((i.line.line_no, i.lot.lot_code if i.lot else None, i.qty) for i in row.contents) == sorted(p.units)
    assert row.shipment.tracking_no == parcel.tracking_no and row.shipment.cost == parcel.cost
    assert row.sscc and len(row.sscc) == 18
    with any_db.unit_of_work() as uow:
        tote = uow.session.scalar(select(models.Tote).where(models.Tote.code == p.tote))
        assert tote.status == "free"
        audit = uow.session.scalars(select(models.AuditEntry).where(models.AuditEntry.action == "parcel_packed",
                                                                    models.AuditEntry.entity_id == p.order_no)).all()
        assert [a.detail["parcel"] for a in audit] == [parcel.code]
        feed = uow.session.scalars(select(models.ChangeFeedEntry.topic).where(
            models.ChangeFeedEntry.entity_id.in_([parcel.code, p.order_no]))).all()
        assert "parcels" in feed and "orders" in feed
    # The same action replayed (a station retrying after a lost reply) makes no second parcel.
    again = call(any_db, "packer1", packing.pack_parcel, p.order_no, p.units, row.carton, row.actual_weight_g,
                 row.shipment.carrier.code, row.shipment.service, action_id="a1", today=TODAY)
    assert again.code == parcel.code
    with pytest.raises(packing.AlreadyPacked):
        call(any_db, "packer1", packing.open_for_packing, OrderScan(p.order_no))


def test_pack_a_two_parcel_order(any_db):
    p = make_picked(any_db, min_lines=2)
    first_units = [u for u in p.units if u[0] == p.units[0][0]]
    rest = [u for u in p.units if u[0] != p.units[0][0]]
    first = pack(any_db, p, first_units, action="a1")
    assert (first.seq, first.of, first.order_packed) == (1, 1, False)
    assert order_row(any_db, p.order_no).status == "picked"
    view = call(any_db, "packer1", packing.open_for_packing, OrderScan(p.order_no), today=TODAY)
    assert {ln.line_no for ln in view.lines} == {n for n, _l, _q in rest} and len(view.parcels) == 1
    second = pack(any_db, p, rest, action="a2")
    assert (second.seq, second.of, second.order_packed) == (2, 2, True)
    order = order_row(any_db, p.order_no)
    assert order.status == "packed" and [(x.seq, x.of) for x in order.parcels] == [(1, 2), (2, 2)]
    assert len({x.shipment.tracking_no for x in order.parcels}) == 2


def test_contents_that_do_not_match_the_pick_are_refused(db):
    p = make_picked(db)
    line_no, lot, qty = p.units[0]
    with pytest.raises(UnitRefused):
        pack(db, p, [(line_no, lot, qty + 1)])
    if lot is not None:
        with pytest.raises(UnitRefused):
            pack(db, p, [(line_no, "NOTALOT", qty)])
    with pytest.raises(packing.EmptyParcel):
        pack(db, p, [])
    assert order_row(db, p.order_no).parcels == []


def test_weight_mismatch_needs_a_supervisor_override(any_db):
    p = make_picked(any_db)
    with pytest.raises(packing.WeightMismatch) as mismatch:
        pack(any_db, p, p.units, delta=400)
    assert mismatch.value.verdict.difference_g == 400 and "重量不符" in mismatch.value.message_zh
    assert order_row(any_db, p.order_no).parcels == []

    supervisor = call(any_db, "packer1", packing.verify_supervisor, "super1", "5555")
    assert supervisor.login == "super1" and supervisor.role is Role.SUPERVISOR
    override = packing.WeightOverride(supervisor, "Customer's gift wrapping adds weight")
    parcel = pack(any_db, p, p.units, delta=400, override=override)
    assert parcel.weight_override_reason == "Customer's gift wrapping adds weight" and parcel.order_packed
    with any_db.unit_of_work() as uow:
        case = uow.session.scalar(select(models.ExceptionCase).where(models.ExceptionCase.kind == "weight_override")
                                  .order_by(models.ExceptionCase.id.desc()))
        assert (case.status, case.resolved_by, case.reason) == ("resolved", supervisor.user_id, override.reason)
        assert case.detail["measured_g"] - case.detail["expected_g"] == 400 and case.detail["packer"] == "packer1"
        station = uow.session.scalar(select(models.Station).where(models.Station.name == "PACK-01"))
        assert station is None or station.current_user_id != supervisor.user_id  # the packer stays signed in


def test_only_a_supervisor_can_override(db):
    p = make_picked(db)
    with pytest.raises(NotAllowed):
        call(db, "packer1", packing.verify_supervisor, "packer2", "4444")
    with pytest.raises(SignInRefused):
        call(db, "packer1", packing.verify_supervisor, "super1", "0000")
    assert call(db, "packer1", packing.verify_supervisor, "BADGE-S00001").login == "super1"
    with pytest.raises(NotAllowed):
        pack(db, p, p.units, delta=400, override=packing.WeightOverride(actor(db, "packer2"), "trust me"))
    with pytest.raises(packing.WeightMismatch):
        pack(db, p, p.units, delta=-400)
    assert order_row(db, p.order_no).status == "picked"


def test_changing_the_carrier_needs_a_reason(db):
    p = make_picked(db)
    view = call(db, "packer1", packing.open_for_packing, OrderScan(p.order_no), today=TODAY)
    other = next((o.carrier, o.service) for o in view.carrier.options
                 if o.eligible and (o.carrier, o.service) != (view.carrier.carrier, view.carrier.service))
    with pytest.raises(packing.CarrierRefused) as refused:
        pack(db, p, p.units, carrier=other)
    assert "reason" in refused.value.message
    parcel = pack(db, p, p.units, carrier=other, carrier_reason="Customer asked for it by phone")
    assert (parcel.carrier, parcel.service) == other
    with db.unit_of_work() as uow:
        entry = uow.session.scalar(select(models.AuditEntry).where(models.AuditEntry.action == "carrier_changed"))
        assert entry.detail["reason"] == "Customer asked for it by phone"


def test_two_packers_cannot_pack_the_same_units(db):
    p = make_picked(db)
    results: list[object] = []

    def run(login: str, action: str) -> None:
        try:
            results.append(pack(db, p, p.units, login=login, action=action))
        except Exception as exc:  # noqa: BLE001 - the loser's error is the point
            results.append(exc)

    threads = [threading.Thread(target=run, args=(login, f"x-{login}")) for login in ("packer1", "packer2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sum(isinstance(r, packing.ParcelView) for r in results) == 1
    order = order_row(db, p.order_no)
    assert len(order.parcels) == 1 and all(ln.packed_qty == ln.picked_qty for ln in order.lines)


# ─── printing ───────────────────────────────────────────────────────────────────


class Sink:
    """A raw TCP 9100 'printer' on 127.0.0.1 that records every job (answers ~HS as ready)."""

    def __init__(self) -> None:
        import socket

        self.jobs: list[bytes] = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                data = b""
                conn.settimeout(5)
                while True:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                    if data.startswith(b"~HS") and b"~HS" == data.strip():
                        conn.sendall(b"\x02030,0,0,1199,000,0,0,0,000,0,0,0\x03\r\n"
                                     b"\x02001,0,0,0,0,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n")
                        data = b""
                if data:
                    self.jobs.append(data)

    def close(self) -> None:
        self.server.close()


def packed_order(db: Database, *, two: bool = False) -> Picked:
    p = make_picked(db, min_lines=2 if two else 1)
    if two:
        first = [u for u in p.units if u[0] == p.units[0][0]]
        pack(db, p, first, action="p1")
        pack(db, p, [u for u in p.units if u[0] != p.units[0][0]], action="p2")
    else:
        pack(db, p, p.units)
    return p


def drain(queue: PrintQueue, limit: int = 20) -> None:
    for _ in range(limit):
        if queue.process_next() is None:
            return


def test_labels_go_through_the_queue_to_a_tcp_printer_as_zpl(db, tmp_path):
    p = packed_order(db, two=True)
    sink = Sink()
    try:
        printer = PrinterSettings("tcp", f"127.0.0.1:{sink.port}", format="zpl", timeout=5, status_timeout=2)
        with PrintQueue(tmp_path / PRINT_QUEUE_FILE) as queue:
            submitted = call(db, "packer1", packing.print_documents, p.order_no, queue, printer)
            assert [code for _j, code, _t in submitted.jobs][:2] == [x.code for x in order_row(db, p.order_no).parcels]
            assert submitted.note is not None and "slip" in submitted.note.en  # raw ZPL printer: no slip
            drain(queue)
            assert {j.state for j in queue.list_jobs()} == {"printed"}
    finally:
        sink.close()
    order = order_row(db, p.order_no)
    assert len(sink.jobs) == 2
    for job, parcel in zip(sink.jobs, order.parcels, strict=True):
        assert job.startswith(b"^XA") and parcel.shipment.tracking_no.encode() in job
        assert f"{parcel.seq}/2".encode() in job
    assert call(db, "packer1", packing.record_labels_printed, [x.code for x in order.parcels]) == 2
    assert all(x.label_printed_at is not None and x.status == "labelled" for x in order_row(db, p.order_no).parcels)


def test_pdf_label_and_slip_reach_a_folder_printer_and_the_barcode_scans(db, tmp_path):
    p = packed_order(db)
    folder = tmp_path / "printer"
    folder.mkdir()
    printer = PrinterSettings("folder", str(folder), format="pdf")
    with PrintQueue(tmp_path / "q.sqlite3") as queue:
        submitted = call(db, "packer1", packing.print_documents, p.order_no, queue, printer)
        assert [code for _j, code, _t in submitted.jobs][-1] == "slip"
        drain(queue)
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == 2
    tracking = order_row(db, p.order_no).parcels[0].shipment.tracking_no
    label = next(f for f in files if "slip" not in f.name)
    subprocess.run(["pdftoppm", "-r", "203", "-png", "-singlefile", str(label), str(tmp_path / "label")], check=True)
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "label.png")], check=True,
                             capture_output=True, text=True).stdout.split()
    assert tracking in decoded


def test_a_printer_that_stays_off_becomes_a_print_failed_exception(db, tmp_path):
    p = packed_order(db)
    failed = []
    now = [1000.0]
    queue = PrintQueue(tmp_path / "q.sqlite3", policy=RetryPolicy(first_delay=1, factor=1, max_attempts=3),
                       clock=lambda: now[0], on_failed=failed.append)
    printer = PrinterSettings("folder", str(tmp_path / "unplugged"), format="pdf")  # no such folder: offline
    with queue:
        call(db, "packer1", packing.print_documents, p.order_no, queue, printer, slip=False)
        for _ in range(5):
            drain(queue)
            now[0] += 2
    assert len(failed) == 1 and failed[0].attempt_count == 3 and failed[0].state == "failed"
    case_id = call(db, "packer1", packing.report_print_failure, failed[0])
    with db.unit_of_work() as uow:
        case = uow.session.get(models.ExceptionCase, case_id)
        assert (case.kind, case.status, case.order.order_no) == ("print_failed", "open", p.order_no)
        assert "offline" in case.detail["error"].lower() or "离线" in case.detail["error"]
        assert case.parcel_id is not None


def test_printing_waits_for_the_last_parcel(db, tmp_path):
    p = make_picked(db, min_lines=2)
    pack(db, p, [u for u in p.units if u[0] == p.units[0][0]])
    with PrintQueue(tmp_path / "q.sqlite3") as queue, pytest.raises(packing.NotReadyToPrint):
        call(db, "packer1", packing.print_documents, p.order_no, queue,
             PrinterSettings("folder", str(tmp_path), format="pdf"))


def test_insured_parcels_above_the_threshold(db):
    p = make_picked(db)
    with db.unit_of_work() as uow:  # make the goods worth more than 1000 CNY
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == p.order_no))
        for ln in order.lines:
            ln.unit_price = Decimal("1200.00")
        uow.commit()
    parcel = pack(db, p, p.units)
    units = sum(q for _n, _l, q in p.units)
    assert parcel.insured_value == Decimal("1200.00") * units


def test_a_tote_code_as_text_opens_and_packs_with_todays_date(db):
    p = make_picked(db)
    carton, expected = weight_for(p, p.units)
    view = call(db, "packer1", packing.open_for_packing, p.tote)
    parcel = call(db, "packer1", packing.pack_parcel, p.order_no, p.units, carton, expected, view.carrier.carrier,
                  view.carrier.service, action_id="t1")
    assert parcel.order_packed and view.tote == p.tote and view.today == date.today()


def test_counts_after_packing(db):
    before = call(db, None, lambda uow: uow.session.scalar(select(func.count()).select_from(models.Parcel)))
    packed_order(db, two=True)
    after = call(db, None, lambda uow: uow.session.scalar(select(func.count()).select_from(models.Parcel)))
    assert after == before + 2
