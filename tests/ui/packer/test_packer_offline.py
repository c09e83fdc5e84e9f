"""A packer keeps closing parcels while the central database is out of reach; the labels wait for it.

The station talks to PostgreSQL through a TCP proxy the test cuts and restores (as the picker's
offline test does). The first parcel is closed online; the second, the order's last, is closed
with F9 while cut: the bench keeps it on the station (journal), says so and prints nothing, since
its tracking number comes from the central database. Restored, the journal is replayed, the parcel
is recorded once, and the labels print once each.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import select
from sqlalchemy.engine import make_url

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.pack_bench import Expect
from devices.scale import ScaleReading
from tcp_proxy import TcpProxy
from ui.feedback import Verdict
from ui.main_window import MainWindow
from ui.station import build_station, station_paths
from ui.settings import Settings
from ui.tasks import TaskRunner

pytestmark = pytest.mark.postgres


def test_a_parcel_closed_offline_is_kept_then_recorded_once_and_its_labels_print_once(
        qtbot, pg_empty_url, tmp_path, monkeypatch, pick_in):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    owner = Database.open(pg_empty_url)
    build_demo(owner, orders=40, seed=3)
    p = pick_in(owner, min_lines=2)
    url = make_url(pg_empty_url)
    proxy = TcpProxy(url.host, url.port or 5432)
    db = Database.open(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False),
                       key_store=owner.key_store)
    folder = tmp_path / "printer"
    folder.mkdir()
    settings = Settings.from_file(tmp_path / "station.ini")
    settings.station_name = "PACK-OFF-01"
    settings.printer_kind, settings.printer_target, settings.label_format = "folder", str(folder), "pdf"
    runner = TaskRunner(db)
    window = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    try:
        view = window.sign_in_view
        qtbot.waitUntil(lambda: view.users.count() > 0, timeout=10_000)
        assert view.select_user("packer1")
        qtbot.keyClicks(view.pin, "3333")
        with qtbot.waitSignal(window.signed_in, timeout=10_000):
            qtbot.keyClick(view.pin, Qt.Key.Key_Return)
        ws = window.workspace
        assert ws.objectName() == "workspace_packer"
        with qtbot.waitSignal(ws.order_opened, timeout=10_000):
            window.on_scan(p.tote)

        first_line = p.units[0].line_no
        all_lines = {u.line_no for u in p.units}
        for unit in [u for u in p.units if u.line_no == first_line]:
            window.on_scan(unit.barcode)
        ws.on_weighed(ScaleReading(Decimal(p.expected_g({first_line}, carton_for=all_lines)), True))
        with qtbot.waitSignal(ws.parcel_closed, timeout=10_000):  # online: recorded through the journal at once
            qtbot.mouseClick(ws.findChild(QPushButton, "packer_close_parcel"), Qt.MouseButton.LeftButton)

        proxy.cut()
        for unit in [u for u in p.units if u.line_no != first_line]:
            window.on_scan(unit.barcode)
            assert ws.feedback.verdict is Verdict.GOOD  # scans are judged on the bench, offline or not
        ws.on_weighed(ScaleReading(Decimal(p.expected_g(all_lines - {first_line})), True))
        closed, printed = [], []
        ws.parcel_closed.connect(closed.append)
        ws.printed.connect(printed.append)
        qtbot.mouseClick(ws.findChild(QPushButton, "packer_print"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(ws.bench.kept), timeout=30_000)
        assert ws.bench.expects() is Expect.DATABASE and "kept here" in ws.feedback.text.text()
        assert "kept here" in ws.findChild(QLabel, "packer_parcels").text()
        assert not ws.findChild(QPushButton, "packer_print").isEnabled() and ws.in_the_middle()
        assert closed == [] and ws.queue.list_jobs() == []  # no tracking number yet: nothing printed
        assert window.sync.pending == 1

        proxy.restore()
        qtbot.waitUntil(lambda: printed == [p.order_no], timeout=30_000)
        assert len(closed) == 1 and ws.bench.kept == [] and window.sync.pending == 0
        with owner.unit_of_work() as uow:
            order = uow.session.scalar(select(models.Order).where(models.Order.order_no == p.order_no))
            parcels = [(x.seq, x.of, x.action_id is not None, x.shipment.tracking_no) for x in order.parcels]
            assert order.status == "packed"
        assert [(s, o, a) for s, o, a, _t in parcels] == [(1, 2, True), (2, 2, True)]
        labels = [j for j in ws.queue.list_jobs() if j.parcel_ref != "slip"]
        assert sorted(j.title.split()[-1] for j in labels) == sorted(t for *_x, t in parcels)  # once each
        assert all(j.state == "printed" for j in ws.queue.list_jobs())
    finally:
        window.close()
        runner.wait_for_done(10_000)
        proxy.close()
        db.dispose()
        owner.dispose()
