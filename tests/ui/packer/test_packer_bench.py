"""The packer's bench, driven by scans only: sign in, open a tote, verify, weigh, print — and the database after."""

from __future__ import annotations

import subprocess
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from sqlalchemy import select

from desktop.db import models
from devices.scale import ScaleReading
from printing.documents import gs1_check_digit
from ui import i18n
from ui.feedback import Verdict


def child(ws, cls, name):
    widget = ws.findChild(cls, name)
    assert widget is not None, name
    return widget


def order(demo_db, order_no):
    with demo_db.unit_of_work() as uow:
        o = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no))
        parcels = [(p.seq, p.of, p.label_printed_at is not None, p.weight_override_reason, p.shipment.tracking_no,
                    sorted((i.line.line_no, i.qty) for i in p.contents)) for p in o.parcels]
        return o.status, parcels


def open_bench(qtbot, window, sign_in, settings, **printer):
    for key, value in printer.items():
        setattr(settings, key, value)
    sign_in("packer1")
    ws = window.workspace
    assert ws.objectName() == "workspace_packer"
    window.activateWindow()
    ws.setFocus()
    qtbot.waitUntil(lambda: ws.scan.hasFocus())
    return ws


def keep_the_work_at_sign_out() -> None:
    """Answer the question the next sign-out mid-pack asks: sign out and keep the work."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def click() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != "packer_sign_out_question":
            QTimer.singleShot(20, click)
            return
        box.findChild(QPushButton, "packer_sign_out_keep").click()
    QTimer.singleShot(20, click)


def scan(qtbot, window, raw):
    """A scan as the keyboard-wedge filter delivers it to the window."""
    window.on_scan(raw)


def test_pack_one_order_from_tote_to_printed_label(qtbot, window, sign_in, settings, demo_db, picked, tmp_path):
    folder = tmp_path / "printer"
    folder.mkdir()
    ws = open_bench(qtbot, window, sign_in, settings, printer_kind="folder", printer_target=str(folder),
                    label_format="pdf")
    p = picked(lot_tracked=True)
    heard = []
    ws.feedback.sounds.played.connect(heard.append)
    with qtbot.waitSignal(ws.order_opened, timeout=10_000):
        scan(qtbot, window, p.tote)
    table = child(ws, type(ws.table), "packer_checklist")
    assert table.rowCount() == len({u.line_no for u in p.units})
    assert "*" in child(ws, QLabel, "packer_order").text()

    # A unit that is not on the order: refused, red, the buzz, nothing recorded.
    stranger = "0690123459999"
    scan(qtbot, window, f"]C101{stranger}{gs1_check_digit(stranger)}")
    assert ws.feedback.verdict is Verdict.REFUSED and "not on this order" in ws.feedback.text.text()
    assert heard[-1] == "bad" and ws.checklist.missing_units == len(p.units)
    # The right product with a lot the picker did not take.
    lotted = next(u for u in p.units if u.lot)
    scan(qtbot, window, f"]C101{lotted.gtin}17{lotted.expiry:%y%m%d}10WRONG1")
    assert ws.feedback.verdict is Verdict.REFUSED and "Wrong lot" in ws.feedback.text.text()

    for unit in p.units:
        scan(qtbot, window, unit.barcode)
        assert ws.feedback.verdict is Verdict.GOOD, ws.feedback.text.text()
    assert all(table.row_state(r) == "done" for r in range(table.rowCount()))
    scan(qtbot, window, p.units[0].barcode)  # one too many
    assert ws.feedback.verdict is Verdict.REFUSED and "Extra unit" in ws.feedback.text.text()
    assert heard.count("good") == len(p.units)

    print_button = child(ws, QPushButton, "packer_print")
    assert not print_button.isEnabled()  # not weighed yet
    expected = p.expected_g()
    ws.on_weighed(ScaleReading(Decimal(expected + 250), True))
    weight = child(ws, QLabel, "packer_weight")
    assert weight.property("verdict") == "bad" and "250 g heavier" in weight.text()
    assert "250 g heavier" in ws.feedback.text.text()
    assert not print_button.isEnabled() and child(ws, QPushButton, "packer_override").isEnabled()
    ws.on_weighed(ScaleReading(Decimal(expected + 4), True))  # re-weighed after taking the tape roll off
    assert weight.property("verdict") == "ok" and print_button.isEnabled()
    assert "Cheapest" in child(ws, QLabel, "packer_carrier").text()

    ws.setFocus()
    with qtbot.waitSignal(ws.printed, timeout=30_000):
        qtbot.keyClick(ws.scan, Qt.Key.Key_F9)
    assert "printed" in child(ws, QLabel, "packer_print_status").text()
    qtbot.waitUntil(lambda: order(demo_db, p.order_no)[1][0][2], timeout=10_000)  # label_printed_at recorded
    status, parcels = order(demo_db, p.order_no)
    assert status == "packed" and len(parcels) == 1 and parcels[0][:2] == (1, 1)
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == 2  # the label and the slip
    label = next(f for f in files if "slip" not in f.name)
    subprocess.run(["pdftoppm", "-r", "203", "-png", "-singlefile", str(label), str(tmp_path / "label")], check=True)
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "label.png")], check=True,
                             capture_output=True, text=True).stdout.split()
    assert parcels[0][4] in decoded


def test_two_parcels_with_a_supervisor_override_printed_as_zpl(qtbot, window, sign_in, settings, demo_db, picked,
                                                                printer_sink):
    ws = open_bench(qtbot, window, sign_in, settings, printer_kind="tcp",
                    printer_target=f"127.0.0.1:{printer_sink.port}", label_format="zpl")
    p = picked(min_lines=2)
    with qtbot.waitSignal(ws.order_opened, timeout=10_000):
        scan(qtbot, window, f"ORD-{p.order_no}")
    first_line = p.units[0].line_no
    first = [u for u in p.units if u.line_no == first_line]
    rest = [u for u in p.units if u.line_no != first_line]
    all_lines = {u.line_no for u in p.units}
    for unit in first:
        scan(qtbot, window, unit.barcode)
    # The carton is suggested for everything not yet in a closed parcel.
    ws.on_weighed(ScaleReading(Decimal(p.expected_g({first_line}, carton_for=all_lines)), True))
    close = child(ws, QPushButton, "packer_close_parcel")
    assert close.isEnabled() and not child(ws, QPushButton, "packer_print").isEnabled()
    with qtbot.waitSignal(ws.parcel_closed, timeout=10_000):
        qtbot.keyClick(ws.scan, Qt.Key.Key_F8)
    assert order(demo_db, p.order_no)[0] == "picked"
    for unit in rest:
        scan(qtbot, window, unit.barcode)
    rest_lines = all_lines - {first_line}
    ws.on_weighed(ScaleReading(Decimal(p.expected_g(rest_lines) - 300), True))  # 300 g light: blocked
    assert not child(ws, QPushButton, "packer_print").isEnabled()

    qtbot.mouseClick(child(ws, QPushButton, "packer_override"), Qt.MouseButton.LeftButton)
    panel = ws.override_panel
    assert panel.isVisible()
    qtbot.keyClicks(child(ws, QLineEdit, "packer_override_who"), "super1")
    qtbot.keyClicks(child(ws, QLineEdit, "packer_override_pin"), "5555")
    qtbot.keyClicks(child(ws, QLineEdit, "packer_override_reason"), "Void fill left out, contents verified")
    qtbot.mouseClick(child(ws, QPushButton, "packer_override_confirm"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ws.override is not None, timeout=10_000)
    assert child(ws, QPushButton, "packer_print").isEnabled(), (ws.blockers(), ws.feedback.text.text())
    assert not panel.isVisible() and "Zhou Jing" in child(ws, QLabel, "packer_weight").text()
    with qtbot.waitSignal(ws.printed, timeout=30_000):
        qtbot.mouseClick(child(ws, QPushButton, "packer_print"), Qt.MouseButton.LeftButton)
    status, parcels = order(demo_db, p.order_no)
    assert status == "packed" and [(s, of) for s, of, *_ in parcels] == [(1, 2), (2, 2)]
    assert parcels[1][3] == "Void fill left out, contents verified" and parcels[0][3] is None
    assert len(printer_sink.jobs) == 2
    for job, parcel in zip(printer_sink.jobs, parcels, strict=True):
        assert job.startswith(b"^XA") and parcel[4].encode() in job and f"{parcel[0]}/2".encode() in job
    with demo_db.unit_of_work() as uow:
        case = uow.session.scalar(select(models.ExceptionCase).where(models.ExceptionCase.kind == "weight_override")
                                  .order_by(models.ExceptionCase.id.desc()))
        assert case.order.order_no == p.order_no and case.status == "resolved"


def test_a_packer_badge_cannot_override(qtbot, window, sign_in, settings, picked, tmp_path):
    ws = open_bench(qtbot, window, sign_in, settings, printer_kind="folder", printer_target=str(tmp_path),
                    label_format="pdf")
    p = picked()
    with qtbot.waitSignal(ws.order_opened, timeout=10_000):
        scan(qtbot, window, p.tote)
    for unit in p.units:
        scan(qtbot, window, unit.barcode)
    ws.on_weighed(ScaleReading(Decimal(p.expected_g() + 500), True))
    assert child(ws, QPushButton, "packer_override").isEnabled(), (ws.verdict, ws.blockers(), ws.feedback.text.text())
    with qtbot.waitSignal(child(ws, QPushButton, "packer_override").clicked, timeout=2000):
        qtbot.keyClick(ws.scan, Qt.Key.Key_F6)
    assert ws.override_panel.isVisible()
    scan(qtbot, window, "BADGE-K00002")  # packer2's badge
    qtbot.keyClicks(child(ws, QLineEdit, "packer_override_reason"), "please")
    qtbot.keyClick(child(ws, QLineEdit, "packer_override_reason"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "only a supervisor" in child(ws, QLabel, "packer_override_error").text(), timeout=10_000)
    assert not child(ws, QPushButton, "packer_print").isEnabled()


@pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")  # the sign-out question
def test_weight_from_a_real_serial_scale(qtbot, window, sign_in, settings, picked, tmp_path, scale_port):
    ws = open_bench(qtbot, window, sign_in, settings, printer_kind="folder", printer_target=str(tmp_path),
                    label_format="pdf", scale_port=str(scale_port.device))
    assert ws.scale is not None
    with qtbot.waitSignal(ws.scale.status_changed, timeout=10_000,
                          check_params_cb=lambda name, state, detail: state == "connected"):
        pass
    p = picked()
    with qtbot.waitSignal(ws.order_opened, timeout=10_000):
        scan(qtbot, window, p.tote)
    for unit in p.units:
        scan(qtbot, window, unit.barcode)
    expected = p.expected_g()
    scale_port.weigh(expected + 400)
    with qtbot.waitSignal(ws.scale.weighed, timeout=10_000):
        qtbot.mouseClick(child(ws, QPushButton, "packer_reweigh"), Qt.MouseButton.LeftButton)
    weight = child(ws, QLabel, "packer_weight")
    assert weight.property("verdict") == "bad" and f"measured {i18n.weight(expected + 400)}" in weight.text()
    scale_port.weigh(expected - 3)
    with qtbot.waitSignal(ws.scale.weighed, timeout=10_000):
        qtbot.keyClick(ws.scan, Qt.Key.Key_F5)
    assert weight.property("verdict") == "ok" and child(ws, QPushButton, "packer_print").isEnabled()
    assert window.device_status.device_state("pack-scale") == "connected"  # the station's status bar shows it

    # The scale is the station's, not the bench's: a sign-out leaves it open for the next packer.
    scale = ws.scale
    keep_the_work_at_sign_out()  # mid-pack: the bench asks, and the parcel waits for the next packer
    window.sign_out()
    assert scale.running
    sign_in("packer1")
    assert window.workspace.scale is scale and scale.running
    scale_port.weigh(expected)
    with qtbot.waitSignal(scale.weighed, timeout=10_000):
        scale.device.request_weight()


def test_a_print_that_failed_prints_again_once_the_printer_is_back(qtbot, window, sign_in, settings, demo_db, picked,
                                                                   tmp_path):
    from printing.queue import RetryPolicy

    folder = tmp_path / "printer-off"  # not there yet: the printer is off
    ws = open_bench(qtbot, window, sign_in, settings, printer_kind="folder", printer_target=str(folder),
                    label_format="pdf")
    ws.queue.policy = RetryPolicy(max_attempts=1)  # fail for good at once rather than retry for half an hour
    p = picked(lot_tracked=False)
    with qtbot.waitSignal(ws.order_opened, timeout=10_000):
        scan(qtbot, window, p.tote)
    for unit in p.units:
        scan(qtbot, window, unit.barcode)
    ws.on_weighed(ScaleReading(Decimal(p.expected_g()), True))
    print_button = child(ws, QPushButton, "packer_print")
    assert print_button.isEnabled()
    with qtbot.waitSignal(ws.print_failed, timeout=30_000):
        qtbot.keyClick(ws.scan, Qt.Key.Key_F9)
    assert ws.feedback.verdict is Verdict.REFUSED and "F9" in ws.feedback.text.text()
    qtbot.waitUntil(lambda: len(ws.failed_documents()) == len(ws.jobs) == 2, timeout=10_000)  # label and slip
    qtbot.waitUntil(print_button.isEnabled, timeout=10_000)  # F9 is back, for what failed
    with demo_db.unit_of_work() as uow:
        kinds = [c.kind for c in uow.session.scalars(select(models.ExceptionCase)
                                                      .where(models.ExceptionCase.order_id == select(models.Order.id)
                                                             .where(models.Order.order_no == p.order_no)
                                                             .scalar_subquery()))]
    assert "print_failed" in kinds  # the supervisors were told

    folder.mkdir()  # the printer is back
    with qtbot.waitSignal(ws.printed, timeout=30_000):
        qtbot.keyClick(ws.scan, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: order(demo_db, p.order_no)[1][0][2], timeout=10_000)  # label_printed_at recorded
    assert len(sorted(folder.glob("*.pdf"))) == 2  # the label and the slip, once each
    assert not print_button.isEnabled()  # nothing failed any more: nothing to print again
