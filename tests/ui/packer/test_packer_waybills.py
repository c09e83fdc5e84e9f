"""The packer's bench with carrier accounts (issue 18): SF down at the close keeps the parcel waiting for its
number and prints nothing; once SF answers, F9 prints the label under the number SF issued."""

from __future__ import annotations

import subprocess
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from desktop.db import models
from desktop.domain.actor import Actor
from desktop.domain.roles import Role
from desktop.services import carrier_accounts
from devices.scale import ScaleReading
from tests.sf_simulator import SfSimulator
from ui.feedback import Verdict

from test_packer_bench import open_bench, scan  # noqa: I001 — the bench tests' helpers


def test_sf_down_at_the_close_waits_for_the_number_then_prints_it(qtbot, window, sign_in, settings, demo_db, picked,
                                                                 tmp_path):
    sim = SfSimulator(partners={"BENCH": "bench-check-word"})
    sim.start()
    try:
        with demo_db.unit_of_work() as uow:
            admin = uow.session.scalar(select(models.User).where(models.User.login == "admin"))
            actor = Actor(admin.id, admin.login, admin.display_name, Role.ADMIN, "ADMIN-01")
            codes = list(uow.session.scalars(select(models.Carrier.code)))
        for code in codes:  # whichever carrier the rules choose speaks SF's protocol to the simulator
            with demo_db.unit_of_work(actor) as uow:
                carrier_accounts.set_account(uow, code, "sf", sim.url, "BENCH", "bench-check-word")
        folder = tmp_path / "printer"
        folder.mkdir()
        ws = open_bench(qtbot, window, sign_in, settings, printer_kind="folder", printer_target=str(folder),
                        label_format="pdf")
        p = picked(lot_tracked=False)
        with qtbot.waitSignal(ws.order_opened, timeout=10_000):
            scan(qtbot, window, p.tote)
        for unit in p.units:
            scan(qtbot, window, unit.barcode)
        ws.on_weighed(ScaleReading(Decimal(p.expected_g()), True))
        sim.down = True
        ws.setFocus()
        with qtbot.waitSignal(ws.parcel_closed, timeout=20_000):
            qtbot.keyClick(ws.scan, Qt.Key.Key_F9)
        banner = ws.findChild(QLabel, "packer_scan_result")
        qtbot.waitUntil(lambda: "waybill number" in banner.text(), timeout=20_000)  # the print's refusal says why
        assert not list(folder.glob("*.pdf"))  # nothing printed with a number of its own
        with demo_db.unit_of_work() as uow:
            order = uow.session.scalar(select(models.Order).where(models.Order.order_no == p.order_no))
            assert [pc.shipment_id for pc in order.parcels] == [None] and order.parcels[0].waybill_wanted

        sim.down = False
        with qtbot.waitSignal(ws.printed, timeout=30_000):
            qtbot.keyClick(ws.scan, Qt.Key.Key_F9)
        (number,) = sim.waybill_numbers(p.order_no)
        label = next(f for f in folder.glob("*.pdf") if "slip" not in f.name)
        subprocess.run(["pdftoppm", "-r", "203", "-png", "-singlefile", str(label), str(tmp_path / "l")], check=True)
        decoded = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "l.png")], check=True,
                                 capture_output=True, text=True).stdout.split()
        assert number in decoded
        assert ws.feedback.verdict is not Verdict.REFUSED
    finally:
        sim.stop()
