"""The whole floor in one station window, by simulated scans only: a picker walks a batch, signs
out, a packer signs in, scans one of the batch's totes, verifies every unit, weighs, and prints;
the label reaches the printer and decodes to the shipment's tracking number."""

from __future__ import annotations

import subprocess
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from desktop.db import models
from devices.scale import ScaleReading
from gs1_scans import gs1_item
from ui.feedback import Verdict


def item_scan(stop) -> str:  # noqa: ANN001 - a picking StopView / PickStop
    """The GS1-128 barcode on the unit: GTIN, expiry and lot as the warehouse received it."""
    return gs1_item(stop.gtin14, stop.lot_code, stop.lot_expiry) if stop.lot_code else gs1_item(stop.gtin14)


def test_a_batch_picked_then_packed_to_a_printed_label(qtbot, window, sign_in, settings, demo_db, tmp_path):
    folder = tmp_path / "printer"
    folder.mkdir()
    settings.printer_kind, settings.printer_target, settings.label_format = "folder", str(folder), "pdf"

    # ── the picker ──
    sign_in("picker1")
    picker = window.workspace
    with qtbot.waitSignal(picker.batch_shown, timeout=15_000):
        qtbot.mouseClick(picker.next_batch, Qt.MouseButton.LeftButton)
    batch = picker.batch
    stops = list(batch.open_stops)
    picker.take_suggested_totes()  # the suggested totes go on the cart (F6)
    while picker.session is not None and picker.session.current is not None:
        stop = picker.session.current
        window.on_scan("LOC-" + stop.location_code)
        assert picker.feedback.verdict is Verdict.GOOD, picker.feedback.text.text()
        for _ in range(stop.remaining):
            window.on_scan(item_scan(stop))
            assert picker.feedback.verdict is Verdict.GOOD, picker.feedback.text.text()
        if stop.tote_code:  # into the stop's tote, scanned
            window.on_scan(stop.tote_code)
            assert picker.feedback.verdict is Verdict.GOOD, picker.feedback.text.text()
    for tote in picker.session.totes_to_drop if picker.session is not None else ():  # the drop-off at packing
        window.on_scan(tote)
    qtbot.waitUntil(lambda: picker.batch is None and picker.pending_writes == 0, timeout=15_000)
    with demo_db.unit_of_work() as uow:
        done = uow.session.scalar(select(models.PickBatch).where(models.PickBatch.code == batch.code))
        assert done.status == "done"
        assert all(o.status == "picked" for o in uow.session.scalars(
            select(models.Order).where(models.Order.order_no.in_(batch.orders))))

    # ── the packer, at the same station ──
    with qtbot.waitSignal(window.signed_out, timeout=10_000):
        window.action_sign_out.trigger()
    sign_in("packer1")
    packer = window.workspace
    assert packer.objectName() == "workspace_packer"
    order_no = batch.orders[0]
    tote = next(s.tote_code for s in stops if s.order_no == order_no)
    with qtbot.waitSignal(packer.order_opened, timeout=10_000):
        window.on_scan(tote)
    for stop in (s for s in stops if s.order_no == order_no):
        for _ in range(stop.qty):
            window.on_scan(item_scan(stop))
            assert packer.feedback.verdict is Verdict.GOOD, packer.feedback.text.text()
    print_button = packer.findChild(QPushButton, "packer_print")
    with qtbot.waitSignal(packer.printed, timeout=30_000):
        packer.on_weighed(ScaleReading(Decimal(packer.bench.expected_weight()), True))
        if sum(s.qty for s in stops if s.order_no == order_no) > 1:
            assert print_button.isEnabled()
            qtbot.mouseClick(print_button, Qt.MouseButton.LeftButton)
        # else 一单一件: a one-unit order prints by itself once weighed

    with demo_db.unit_of_work() as uow:
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no))
        assert order.status == "packed"
        numbers = {p.shipment.tracking_no for p in order.parcels}
    labels = [f for f in folder.glob("*.pdf") if "slip" not in f.name]
    assert labels
    subprocess.run(["pdftoppm", "-r", "203", "-png", "-singlefile", str(labels[0]), str(tmp_path / "label")],
                   check=True)
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "label.png")], capture_output=True,
                             text=True).stdout.split()
    assert set(decoded) & numbers
