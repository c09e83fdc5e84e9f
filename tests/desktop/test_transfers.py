"""Transfers between warehouses on SQLite and PostgreSQL, end to end: a backordered order → the
supervisor asks another warehouse (`pickdesk transfer request`) → the order waits, held → the sending
warehouse picks it as a batch of kind transfer (TRANSFER_OUT, earliest expiry first) with a label
whose barcode is the notice → the receiving warehouse receives that notice and puts it away → the
order is released, and the ledger still replays to on-hand."""

from __future__ import annotations

import io
import subprocess
from datetime import date, timedelta
from decimal import Decimal
from unittest import mock

import pytest
from sqlalchemy import select

from aftersales_helpers import actor, call
from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo, gtin13
from desktop.domain.errors import NotAllowed
from desktop.domain.receiving import Received
from desktop.domain.stock import MovementKind
from desktop.services import inbound, putaway, transfers
from desktop.services.intake import run_intake
from desktop.services.stock import change_on_hand, verify_ledger
from gs1_scans import gs1_item
from test_intake_world import NOW, SUPERVISOR, load, mall_order, order

TODAY = NOW.date()
TRF_GTIN = "0" + gtin13("690123456811")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    database = Database.open(url)
    build_demo(database, orders=0, seed=7, as_of=TODAY)
    setup_two_warehouses(database)
    yield database
    database.dispose()


def free_pick_bins(s, warehouse: str, n: int) -> list[models.Location]:  # noqa: ANN001
    used = select(models.Stock.location_id)
    return list(s.scalars(select(models.Location).join(models.Warehouse)
                          .where(models.Warehouse.code == warehouse, models.Location.kind == "pick",
                                 models.Location.id.not_in(used)).order_by(models.Location.id).limit(n)))


def setup_two_warehouses(db: Database) -> None:
    """T-TRF, lot-tracked: SZ1 holds 1 of lot L1; GZ2 holds 4 of L1 (earlier) and 20 of L2."""
    with db.unit_of_work(actor(db, "admin")) as uow:
        s = uow.session
        m1 = s.scalar(select(models.Merchant).where(models.Merchant.code == "M1"))
        k = models.Sku(merchant=m1, sku_code="T-TRF", gtin=TRF_GTIN, name="Test transfer", name_zh="测试调拨",
                       weight_g=300, length_mm=100, width_mm=80, height_mm=60, unit_value=Decimal("30.00"),
                       lot_tracked=True)
        l1 = models.Lot(sku=k, lot_code="L1", expiry=TODAY + timedelta(days=100))
        l2 = models.Lot(sku=k, lot_code="L2", expiry=TODAY + timedelta(days=300))
        s.add_all([k, l1, l2])
        s.flush()
        (sz1,) = free_pick_bins(s, "SZ1", 1)
        gz_a, gz_b = free_pick_bins(s, "GZ2", 2)
        for loc, lot, qty in ((sz1, l1, 1), (gz_a, l1, 4), (gz_b, l2, 20)):
            change_on_hand(uow, location_id=loc.id, sku_id=k.id, lot_id=lot.id, delta=qty,
                           kind=MovementKind.OPENING_BALANCE, ref="test")
        uow.commit()


def signed(login: str, pin: str) -> mock._patch:  # type: ignore[name-defined]
    return mock.patch("sys.stdin", io.StringIO(f"{pin}\n"))


def test_a_backorder_is_filled_from_another_warehouse(db: Database, tmp_path, capsys) -> None:
    load(db, mall_order("M1-TRF-1", lines=[{"gtin": TRF_GTIN, "qty": 6, "unit_price": "10.00"}],
                        shipping_fee="8.00", total_charged="68.00"))
    run_intake(db, now=NOW, actor=SUPERVISOR)
    o = order(db, "M1-TRF-1")
    assert o.status == "backordered", o.hold_detail
    # the supervisor asks; a picker may not
    argv = ["transfer", "request", "M1-TRF-1", "--reason", "customer waits", "--db", db.url]
    with signed("picker1", "1111"):
        assert main([*argv, "--user", "picker1", "--pin-stdin"]) == 2
    with signed("super1", "5555"):
        assert main([*argv, "--user", "super1", "--pin-stdin"]) == 0
    out = capsys.readouterr().out
    assert "T-TRF ×6 from GZ2 to SZ1; order M1-TRF-1 waits for it" in out
    o = order(db, "M1-TRF-1")
    assert (o.status, o.hold_reason) == ("held", "shortage") and o.hold_detail.startswith("awaiting transfer TRF-")
    (row,) = [t for t in call(db, None, transfers.list_transfers) if t.order_no == "M1-TRF-1"]
    assert (row.status, row.from_warehouse, row.to_warehouse, row.qty) == ("requested", "GZ2", "SZ1", 6)
    # the sending warehouse's picker picks it, with its label
    with pytest.raises(NotAllowed):
        call(db, "packer1", transfers.pick_transfer, row.id)
    label = tmp_path / "transfer.pdf"
    with signed("picker1", "1111"):
        assert main(["transfer", "pick", row.code, "--label", str(label), "--db", db.url, "--user", "picker1",
                     "--pin-stdin"]) == 0
    assert f"notice ASN-{row.code} for SZ1" in capsys.readouterr().out
    subprocess.run(["pdftoppm", "-r", "203", "-png", "-singlefile", str(label), str(tmp_path / "page")], check=True)
    found = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "page.png")], check=True, capture_output=True,
                           text=True).stdout.split()
    assert found == [f"ASN-{row.code}"]
    with db.unit_of_work() as uow:
        M = models.StockMovement
        outs = sorted(uow.session.execute(select(M.delta).where(M.ref == row.code, M.kind == "transfer_out")).scalars())
        assert outs == [-4, -2]  # lot L1 (earliest) first, then L2
        batch = uow.session.scalar(select(models.PickBatch).where(models.PickBatch.code == row.code))
        assert (batch.kind, batch.status, batch.warehouse.code) == ("transfer", "done", "GZ2")
        notice = uow.session.scalar(select(models.InboundNotice).where(models.InboundNotice.asn_no == f"ASN-{row.code}"))
        assert (notice.source_kind, notice.source_code, notice.warehouse.code, notice.stock_transfer_id) == (
            "warehouse", "GZ2", "SZ1", row.id)
        lines = [(ln.lot_code, ln.expiry, ln.expected_qty) for ln in notice.lines]
    assert lines == [("L1", TODAY + timedelta(days=100), 4), ("L2", TODAY + timedelta(days=300), 2)]
    with pytest.raises(transfers.TransferRefused):  # picked once only
        call(db, "picker1", transfers.pick_transfer, row.id)
    # the receiving warehouse receives the notice as any other, and puts it away
    asn = f"ASN-{row.code}"
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        session = inbound.open_session(uow, asn, today=TODAY)
    for lot, expiry, qty in lines:
        assert isinstance(session.scan_raw(gs1_item(TRF_GTIN, lot, expiry, qty)), Received)
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        inbound.save_receipts(uow, asn, session.unsaved)
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        assert not inbound.close_notice(uow, asn, today=TODAY).differences
    assert call(db, None, transfers.list_transfers)[0].status == "received"
    with db.unit_of_work() as uow:
        face = uow.session.scalar(select(models.Location.code).join(models.Stock).join(models.Warehouse)
                                  .where(models.Stock.sku_id == select(models.Sku.id).where(
                                      models.Sku.gtin == TRF_GTIN).scalar_subquery(), models.Warehouse.code == "SZ1",
                                      models.Location.kind == "pick"))
        (empty,) = free_pick_bins(uow.session, "SZ1", 1)
        empty_code = empty.code
    first = call(db, "receiver1", putaway.put_away, sku="T-TRF", lot="L1", target=face)
    assert first.released == () and order(db, "M1-TRF-1").status == "held"  # 5 of 6 on the faces
    second = call(db, "receiver1", putaway.put_away, sku="T-TRF", lot="L2", target=empty_code)
    assert second.released == ("M1-TRF-1",)
    o = order(db, "M1-TRF-1")
    assert o.status == "ready" and sum(r.qty for ln in o.lines for r in ln.reservations) == 6
    with db.unit_of_work() as uow:
        assert verify_ledger(uow) == []


def test_a_transfer_nobody_can_send_is_refused(db: Database, capsys) -> None:
    load(db, mall_order("M1-TRF-2", lines=[{"gtin": TRF_GTIN, "qty": 30, "unit_price": "10.00"}],
                        shipping_fee="0.00", total_charged="300.00"))
    run_intake(db, now=NOW, actor=SUPERVISOR)
    before = order(db, "M1-TRF-2").status
    with signed("super1", "5555"):
        assert main(["transfer", "request", "M1-TRF-2", "--reason", "try", "--db", db.url, "--user", "super1",
                     "--pin-stdin"]) == 2
    assert "does not hold 30 of T-TRF" in capsys.readouterr().err
    assert order(db, "M1-TRF-2").status == before
    assert not [t for t in call(db, None, transfers.list_transfers) if t.order_no == "M1-TRF-2"]


def test_a_fresh_shortage_is_walked_at_the_other_warehouse_received_and_the_order_picked(
        db: Database, tmp_path, capsys) -> None:
    """Low stock → backorder → the supervisor's request → GZ2's receiver walks it by a batch scanner's upload
    (`transfer pick --scans`: an empty bin rolls on, nothing moves while a line is refused) → SZ1 receives the
    notice and puts it away → the order is released, and a picker picks it whole."""
    from desktop.services import picking

    load(db, mall_order("M1-TRF-E2E", lines=[{"gtin": TRF_GTIN, "qty": 5, "unit_price": "10.00"}],
                        shipping_fee="8.00", total_charged="58.00"))
    run_intake(db, now=NOW, actor=SUPERVISOR)
    assert order(db, "M1-TRF-E2E").status == "backordered"  # SZ1 holds 1 of 5
    (row,) = call(db, "super1", transfers.request_transfer, "M1-TRF-E2E", "customer waits")
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        bins = transfers.start_walk(uow, row.code, today=TODAY).stops
    assert [(s.lot, s.qty) for s in bins] == [("L1", 4), ("L2", 1)]
    l1_bin, l2_bin = bins[0].location, bins[1].location
    argv = ["transfer", "pick", row.code, "--db", db.url, "--user", "receiver1", "--pin-stdin"]
    scans = tmp_path / "walk.txt"
    # a wrong lot at the first bin: the whole file is refused, nothing taken
    scans.write_text(f"# GZ2 batch scanner\nLOC-{l1_bin}\n{gs1_item(TRF_GTIN, 'L2', TODAY + timedelta(days=300), 4)}\n",
                     encoding="utf-8")
    with signed("receiver1", "6666"):
        assert main([*argv, "--scans", str(scans)]) == 2
    err = capsys.readouterr().err
    assert "line 3: wrong_lot" in err and "nothing taken" in err
    with db.unit_of_work() as uow:
        assert not uow.session.scalars(select(models.StockMovement).where(models.StockMovement.ref == row.code)).all()
    # a picker may not walk a transfer (only send it whole in one go)
    with signed("picker1", "1111"):
        assert main(["transfer", "pick", row.code, "--scans", str(scans), "--db", db.url, "--user", "picker1",
                     "--pin-stdin"]) == 2
    capsys.readouterr()
    # the walk as the scanner saw it: the L1 bin turns out empty (someone took it), so the rest rolls on to L2
    with db.unit_of_work(actor(db, "admin")) as uow:
        loc = uow.session.scalar(select(models.Location).where(models.Location.code == l1_bin))
        lot = uow.session.scalar(select(models.Lot).where(models.Lot.lot_code == "L1", models.Lot.sku.has(gtin=TRF_GTIN)))
        change_on_hand(uow, location_id=loc.id, sku_id=lot.sku_id, lot_id=lot.id, delta=-4,
                       kind=MovementKind.ADJUSTMENT, ref="test: the bin is empty")
        uow.commit()
    l2 = gs1_item(TRF_GTIN, "L2", TODAY + timedelta(days=300), 1)
    scans.write_text(f"LOC-{l1_bin}\nLOC-{l2_bin}\n{l2}\nQTY:3\n{l2}\n{l2}\n", encoding="utf-8")
    with signed("receiver1", "6666"):
        assert main([*argv, "--scans", str(scans)]) == 2  # the plan changed: L1's bin is no longer on it
    assert "wrong_bin" in capsys.readouterr().err
    scans.write_text(f"LOC-{l2_bin}\n{l2}\nQTY:3\n{l2}\n{l2}\n", encoding="utf-8")
    with signed("receiver1", "6666"):
        assert main([*argv, "--scans", str(scans)]) == 0
    out = capsys.readouterr().out
    assert f"notice ASN-{row.code} for SZ1" in out and f"{l2_bin} L2 ×5" in out
    # SZ1 receives the notice by a batch scanner too, and puts it away
    asn = f"ASN-{row.code}"
    received = tmp_path / "received.txt"
    received.write_text(f"{gs1_item(TRF_GTIN, 'L2', TODAY + timedelta(days=300), 5)}\n", encoding="utf-8")
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        inbound.receive_file(uow, asn, received, today=TODAY)
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        assert not inbound.close_notice(uow, asn, today=TODAY).differences
    with db.unit_of_work() as uow:
        (empty,) = free_pick_bins(uow.session, "SZ1", 1)
        empty_code = empty.code
    done = call(db, "receiver1", putaway.put_away, sku="T-TRF", lot="L2", target=empty_code)
    assert done.released == ("M1-TRF-E2E",)
    assert order(db, "M1-TRF-E2E").status == "ready"
    # and the order is picked whole at SZ1
    with db.unit_of_work(actor(db, "picker1")) as uow:
        batch = picking.next_batch(uow, today=TODAY)
    assert batch.orders == ("M1-TRF-E2E",) or list(batch.orders) == ["M1-TRF-E2E"]
    for n, stop in enumerate(batch.open_stops):
        with db.unit_of_work(actor(db, "picker1")) as uow:
            picking.confirm_pick(uow, stop.task_id, stop.qty, stop.lot_code, f"pick-e2e-{n}")
    assert order(db, "M1-TRF-E2E").status == "picked"
    assert [t.status for t in call(db, None, transfers.list_transfers) if t.code == row.code] == ["received"]
    with db.unit_of_work() as uow:
        assert verify_ledger(uow) == []
