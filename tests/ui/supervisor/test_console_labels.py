"""The console's label controls on the demo (SQLite): reprint, void and intercept the selected order, each
through the service the command line uses, and each refused with the service's typed message."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.services import shipping
from tests.desktop.test_packing_service import call
from tests.ui.supervisor.test_supervisor_console import console
from ui.settings import Settings


@pytest.fixture
def label_folder(tmp_path: Path, settings: Settings) -> Path:
    """The station prints its labels as PDF files into a folder (a real printer transport)."""
    folder = tmp_path / "labels"
    folder.mkdir()
    settings.printer_kind, settings.printer_target, settings.label_format = "folder", str(folder), "pdf"
    return folder


def orders_in(db: Database, status: str) -> list[models.Order]:
    with db.unit_of_work() as uow:
        orders = list(uow.session.scalars(select(models.Order).where(models.Order.status == status)
                                          .order_by(models.Order.order_no)))
        for o in orders:
            _ = [(p.code, p.shipment and (p.shipment.tracking_no, p.shipment.carrier.code)) for p in o.parcels]
        return orders


def parcel(db: Database, code: str) -> models.Parcel:
    with db.unit_of_work() as uow:
        p = uow.session.scalar(select(models.Parcel).where(models.Parcel.code == code))
        _ = p.shipment
        return p


def do(qtbot, ws, order_no: str, button: str, reason: str, *, ok: bool) -> str:
    """Choose the order, type the reason, press the button: the message line's text when it is done."""
    ws.tabs.setCurrentWidget(ws.orders)
    if not ws.select_order(order_no):  # a shipped order has left the floor: found by its number
        search = ws.findChild(QLineEdit, "supervisor_order_search")
        search.clear()
        qtbot.keyClicks(search, order_no)
        qtbot.keyClick(search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: ws.selected_order() == order_no, timeout=10_000)
    field = ws.findChild(QLineEdit, "supervisor_reason")
    field.clear()
    if reason:
        qtbot.keyClicks(field, reason)
    with qtbot.waitSignal(ws.action_done if ok else ws.action_failed, timeout=10_000):
        qtbot.mouseClick(ws.findChild(QPushButton, button), Qt.MouseButton.LeftButton)
    return ws.message.text()


def test_the_label_buttons_show_their_keys(qtbot, window, sign_in) -> None:
    ws = console(qtbot, window, sign_in)
    ws.tabs.setCurrentWidget(ws.orders)
    texts = {name: " ".join(ws.findChild(QPushButton, name).text().split()) for name in
             ("supervisor_reprint", "supervisor_void", "supervisor_intercept")}
    assert texts == {"supervisor_reprint": "Reprint label [F11]", "supervisor_void": "Void label [F12]",
                     "supervisor_intercept": "Intercept [Ctrl+F12]"}


def test_reprint_needs_a_reason_counts_audits_and_prints_to_the_station_printer(
        qtbot, window, demo_db: Database, sign_in, label_folder: Path, tmp_path: Path) -> None:
    ws = console(qtbot, window, sign_in)
    order = orders_in(demo_db, "packed")[0]
    codes = [p.code for p in order.parcels]
    before = {c: parcel(demo_db, c).reprints or 0 for c in codes}
    assert "reason" in do(qtbot, ws, order.order_no, "supervisor_reprint", "", ok=False)
    text = do(qtbot, ws, order.order_no, "supervisor_reprint", "label smudged at the belt", ok=True)
    assert order.order_no in text and "sent to the printer again" in text
    assert {c: parcel(demo_db, c).reprints for c in codes} == {c: n + 1 for c, n in before.items()}
    with demo_db.unit_of_work() as uow:
        audits = uow.session.scalars(select(models.AuditEntry).where(models.AuditEntry.action == "label_reprinted",
                                                                     models.AuditEntry.entity_id.in_(codes))).all()
        assert {a.detail["reason"] for a in audits} == {"label smudged at the belt"}
    # the print worker takes the jobs to the folder: real PDFs whose barcodes decode to the numbers
    qtbot.waitUntil(lambda: len(list(label_folder.glob("*.pdf"))) == len(codes), timeout=15_000)
    decoded: set[str] = set()
    for n, pdf in enumerate(sorted(label_folder.glob("*.pdf"))):
        subprocess.run(["pdftoppm", "-r", "203", "-png", "-singlefile", str(pdf), str(tmp_path / f"l{n}")], check=True)
        decoded |= set(subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / f"l{n}.png")], check=True,
                                      capture_output=True, text=True).stdout.split())
    assert {p.shipment.tracking_no for p in order.parcels} <= decoded
    # a shipped order's label is not printed again: the service's typed refusal on the message line
    shipped = orders_in(demo_db, "shipped")[0]
    assert "not packed" in do(qtbot, ws, shipped.order_no, "supervisor_reprint", "lost", ok=False)


def test_void_gives_the_numbers_back_and_the_hand_over_refuses_the_old_label(
        qtbot, window, demo_db: Database, sign_in) -> None:
    ws = console(qtbot, window, sign_in)
    order = next(o for o in orders_in(demo_db, "packed") if all(p.shipment for p in o.parcels)
                 and o.parcels[0].shipment.carrier.code == "ZTO")
    old = [p.shipment.tracking_no for p in order.parcels]
    assert "reason" in do(qtbot, ws, order.order_no, "supervisor_void", "", ok=False)
    text = do(qtbot, ws, order.order_no, "supervisor_void", "label on the wrong parcel", ok=True)
    assert all(n in text for n in old)
    for p in order.parcels:
        row = parcel(demo_db, p.code)
        assert row.shipment is None and row.voided_at is not None and row.waybill_wanted["carrier"] == "ZTO"
    with pytest.raises(shipping.HandoverRefused) as refused:
        call(demo_db, "packer1", shipping.handover_scan, old[0], "ZTO", day=datetime.now(UTC).date())
    # the demo's ZTO numbers were never drawn from a waybill pool: the old label is simply no parcel's now
    # (the SF test sees "voided", from SF's own numbers)
    assert refused.value.reason == "unknown"
    # voided already, and an order with no parcel at all: nothing to void
    assert "nothing to void" in do(qtbot, ws, order.order_no, "supervisor_void", "again", ok=False)
    ready = orders_in(demo_db, "ready")[0]
    assert "nothing to void" in do(qtbot, ws, ready.order_no, "supervisor_void", "no parcel", ok=False)


def test_intercept_opens_an_exception_for_a_shipped_order_only(qtbot, window, demo_db: Database, sign_in) -> None:
    ws = console(qtbot, window, sign_in)
    packed = orders_in(demo_db, "packed")[-1]
    assert "only a shipped order" in do(qtbot, ws, packed.order_no, "supervisor_intercept", "cancelled", ok=False)
    shipped = next(o for o in orders_in(demo_db, "shipped") if o.parcels[0].shipment.carrier.code == "ZTO")
    text = do(qtbot, ws, shipped.order_no, "supervisor_intercept", "customer cancelled", ok=True)
    assert "phone" in text  # the demo has no carrier account: a person calls the carrier
    with demo_db.unit_of_work() as uow:
        case = uow.session.scalar(select(models.ExceptionCase).join(models.Order).where(
            models.ExceptionCase.kind == "intercept", models.Order.order_no == shipped.order_no))
        assert case.status == "open" and case.detail["stage"] == "carrier" and case.detail["asked"] == []
    qtbot.waitUntil(lambda: any(e.order_no == shipped.order_no and e.kind == "intercept" for e in ws.exceptions),
                    timeout=10_000)

