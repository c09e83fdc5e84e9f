"""The receiver's Transfers out tab, driven by scans as at the shelf (pytest-qt, SQLite): a transfer opened by
its number, a wrong bin and a wrong lot refused, a short bin rolling on to the next, the transfer sent with
its label in the print queue and its notice number on screen."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from aftersales_helpers import actor
from desktop.db import models
from desktop.db.database import Database
from desktop.db.types import utcnow
from desktop.demo.builder import gtin13
from desktop.domain.stock import MovementKind
from desktop.services import transfers
from desktop.services.stock import change_on_hand, verify_ledger
from gs1_scans import gs1_item
from ui.station import build_station, station_paths
from ui.widgets.receiver_transfers import TransfersOutTab

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")


def a_requested_transfer(db: Database, n: int) -> tuple[int, str, str, str]:
    """T-OUT-n, lot-tracked: GZ2 holds 3 of L1 (earlier) and 10 of L2 in two pick bins; SZ1 asks for 5.
    Returns the transfer's id, the two bins and the GTIN."""
    gtin = "0" + gtin13(f"69012345682{n}")
    today = utcnow().date()
    with db.unit_of_work(actor(db, "admin")) as uow:
        s = uow.session
        m1 = s.scalar(select(models.Merchant).where(models.Merchant.code == "M1"))
        gz2, sz1 = (s.scalar(select(models.Warehouse).where(models.Warehouse.code == c)) for c in ("GZ2", "SZ1"))
        k = models.Sku(merchant=m1, sku_code=f"T-OUT-{n}", gtin=gtin, name="Test transfer out", name_zh="测试调出",
                       weight_g=300, length_mm=100, width_mm=80, height_mm=60, unit_value=Decimal("30.00"),
                       lot_tracked=True)
        l1 = models.Lot(sku=k, lot_code="L1", expiry=today + timedelta(days=100))
        l2 = models.Lot(sku=k, lot_code="L2", expiry=today + timedelta(days=300))
        s.add_all([k, l1, l2])
        s.flush()
        used = select(models.Stock.location_id)
        a, b = s.scalars(select(models.Location).where(models.Location.warehouse_id == gz2.id,
                                                       models.Location.kind == "pick", models.Location.id.not_in(used))
                         .order_by(models.Location.id).limit(2))
        for loc, lot, qty in ((a, l1, 3), (b, l2, 10)):
            change_on_hand(uow, location_id=loc.id, sku_id=k.id, lot_id=lot.id, delta=qty,
                           kind=MovementKind.OPENING_BALANCE, ref="test")
        t = models.StockTransfer(sku_id=k.id, from_warehouse_id=gz2.id, to_warehouse_id=sz1.id, qty=5)
        s.add(t)
        s.flush()
        ids = t.id, a.code, b.code, gtin
        uow.commit()
    return ids


def test_a_transfer_is_walked_by_scans_and_sent_with_its_label(qtbot, demo_db, runner, settings, tmp_path) -> None:
    transfer_id, l1_bin, l2_bin, OUT_GTIN = a_requested_transfer(demo_db, 1)
    code = transfers.transfer_code(transfer_id)
    settings.printer_kind, settings.printer_target = "folder", str(tmp_path / "labels")
    station = build_station(settings, station_paths(settings), demo_db, runner)
    tab = TransfersOutTab(station.context(actor(demo_db, "receiver1"), 0))
    qtbot.addWidget(tab)
    tab.resize(1280, 700)
    tab.show()
    tab.refresh()
    qtbot.waitUntil(lambda: any(r.code == code for r in tab.rows), timeout=10_000)
    tab.on_scan(f"LOC-{l1_bin}")  # no transfer open yet
    assert tab.feedback.verdict.value == "refused"
    with qtbot.waitSignal(tab.opened, timeout=10_000):
        tab.on_scan(code)
    assert [tab.stops.item(r, 0).text() for r in range(tab.stops.rowCount())] == [l1_bin, l2_bin]
    tab.on_scan(f"LOC-{l2_bin}")  # the plan starts at the earlier lot
    assert tab.feedback.verdict.value == "refused" and l1_bin in tab.feedback.text.text()
    tab.on_scan(f"LOC-{l1_bin}")
    assert tab.feedback.verdict.value == "good" and tab.empty_bin.isEnabled()
    today = utcnow().date()
    tab.on_scan(gs1_item(OUT_GTIN, "L2", today + timedelta(days=300)))  # another lot than this bin's
    assert tab.feedback.verdict.value == "refused" and "L1" in tab.feedback.text.text()
    tab.on_scan(gs1_item(OUT_GTIN, "L1", today + timedelta(days=100)))
    assert tab.qty.isEnabled()
    qtbot.keyClicks(tab.qty, "2")  # the bin holds one less than the record says
    with qtbot.waitSignal(tab.taken, timeout=10_000) as got:
        qtbot.keyClick(tab.qty, Qt.Key.Key_Return)
    assert got.args[0].short and got.args[0].remaining == 3 and got.args[0].next_stop.location == l2_bin
    assert tab.feedback.verdict.value == "check" and l2_bin in tab.prompt.text()
    assert tab.end_short.isEnabled() and not tab.send.isEnabled()
    tab.on_scan(f"LOC-{l2_bin}")
    tab.on_scan(gs1_item(OUT_GTIN, "L2", today + timedelta(days=300)))
    with qtbot.waitSignal(tab.taken, timeout=10_000):
        qtbot.keyClick(tab.qty, Qt.Key.Key_Return)  # Enter alone: the 3 planned
    assert tab.send.isEnabled() and "Send" in tab.prompt.text()
    with qtbot.waitSignal(tab.sent, timeout=10_000) as got:
        qtbot.mouseClick(tab.send, Qt.MouseButton.LeftButton)
    picked = got.args[0]
    assert (picked.qty, picked.asn_no) == (5, f"ASN-{code}")
    assert f"ASN-{code}" in tab.result.text() and "printer" in tab.result.text()
    jobs = station.printing.queue.list_jobs()
    assert [j.order_ref for j in jobs if j.order_ref == code] == [code]
    qtbot.waitUntil(lambda: all(r.code != code for r in tab.rows), timeout=10_000)
    with demo_db.unit_of_work() as uow:
        assert uow.session.get(models.StockTransfer, transfer_id).status == "in_transit"
        assert verify_ledger(uow) == []
    station.close()


def test_a_walk_ended_short_asks_first_and_keeps_the_rest(qtbot, demo_db, runner, settings, tmp_path) -> None:
    transfer_id, l1_bin, l2_bin, OUT_GTIN = a_requested_transfer(demo_db, 2)
    with demo_db.unit_of_work(actor(demo_db, "admin")) as uow:  # L2's bin is emptied behind the record's back
        st = uow.session.scalar(select(models.Stock).join(models.Location).where(models.Location.code == l2_bin))
        change_on_hand(uow, location_id=st.location_id, sku_id=st.sku_id, lot_id=st.lot_id, delta=-10,
                       kind=MovementKind.ADJUSTMENT, ref="test")
        uow.commit()
    settings.printer_kind, settings.printer_target = "folder", str(tmp_path / "labels")
    station = build_station(settings, station_paths(settings), demo_db, runner)
    tab = TransfersOutTab(station.context(actor(demo_db, "receiver1"), 0))
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.opened, timeout=10_000):
        tab.on_scan(transfers.transfer_code(transfer_id))
    tab.on_scan(f"LOC-{l1_bin}")
    with qtbot.waitSignal(tab.taken, timeout=10_000):
        qtbot.mouseClick(tab.empty_bin, Qt.MouseButton.LeftButton)  # nothing here either: and no bin left
    assert not tab.end_short.isEnabled()  # nothing taken: nothing to send
    assert tab.walk.stuck
    # a walk with one unit taken, then stuck, asks before sending short
    with demo_db.unit_of_work(actor(demo_db, "admin")) as uow:
        st = uow.session.scalar(select(models.Stock).join(models.Location).where(models.Location.code == l1_bin))
        change_on_hand(uow, location_id=st.location_id, sku_id=st.sku_id, lot_id=st.lot_id, delta=1,
                       kind=MovementKind.ADJUSTMENT, ref="test")
        uow.commit()
    tab.close_walk()
    with qtbot.waitSignal(tab.opened, timeout=10_000):
        tab.on_scan(transfers.transfer_code(transfer_id))
    today = utcnow().date()
    tab.on_scan(f"LOC-{l1_bin}")
    tab.on_scan(gs1_item(OUT_GTIN, "L1", today + timedelta(days=100)))
    with qtbot.waitSignal(tab.taken, timeout=10_000):
        qtbot.keyClick(tab.qty, Qt.Key.Key_Return)
    assert tab.walk.stuck and tab.end_short.isEnabled()
    qtbot.mouseClick(tab.end_short, Qt.MouseButton.LeftButton)
    assert tab.confirm.isVisible() and "4" in tab.confirm_text.text()
    qtbot.mouseClick(tab.confirm_keep, Qt.MouseButton.LeftButton)
    assert not tab.confirm.isVisible()
    qtbot.mouseClick(tab.end_short, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(tab.sent, timeout=10_000) as got:
        qtbot.mouseClick(tab.confirm_send, Qt.MouseButton.LeftButton)
    assert (got.args[0].qty, got.args[0].rest_qty) == (4, 1)  # the 3 "empty" L1 bin's units, found, and one more
    assert f"The other 1 stay requested as {got.args[0].rest}" in tab.result.text()
    assert "Label sent to the printer" in tab.result.text()
    station.close()
