"""Render the after-sales screens at 1280×800 on the demo data into docs/images (run by hand, offscreen):

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/aftersales/screenshots.py [en|zh_CN]

English writes docs/images/ (with the manifest PDF's page), Simplified Chinese docs/images/zh_CN/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/: the shared test helpers
ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PICKDESK_DATA_DIR", tempfile.mkdtemp())

from PySide6.QtWidgets import QApplication  # noqa: E402

from aftersales_helpers import actor, call, pack_whole_order, parcel_of  # noqa: E402
from desktop.partners.carriers import TrackingUpdate  # noqa: E402
from desktop.db.database import Database  # noqa: E402
from desktop.db.types import utcnow  # noqa: E402
from desktop.demo.builder import build_demo  # noqa: E402
from desktop.services import picking, returns, shipping, tracking  # noqa: E402
from printing.manifest import render_manifest_pdf  # noqa: E402
from scripts.qt_shots import save, wait_until  # noqa: E402
from ui.settings import Settings  # noqa: E402
from ui.station import WorkspaceContext, build_station, station_paths  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402
from ui.widgets.figures_panel import FiguresPanel  # noqa: E402
from ui.widgets.handover_panel import HandoverPanel  # noqa: E402
from ui.widgets.returns_panel import ReturnsPanel  # noqa: E402

IMAGES = ROOT / "docs" / "images"


def main(language: str = "en") -> None:
    from ui.app import prepare_application
    from ui.i18n import apply_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    prepare_application(app)  # the station's fonts and style
    apply_language(app, language)
    images = IMAGES if language == "en" else IMAGES / language
    folder = Path(os.environ["PICKDESK_DATA_DIR"])
    db = Database.open(f"sqlite:///{folder / 'shots.sqlite3'}")
    build_demo(db, orders=160, seed=5)
    today = utcnow().date()
    for login in ("picker1", "picker2", "picker3"):  # real pick events for the pickers' chart
        batch = call(db, login, picking.my_batch)
        if batch is None:
            continue
        for stop in batch.open_stops:
            call(db, login, picking.confirm_pick, stop.task_id, stop.qty - stop.picked_qty, stop.lot_code,
                 f"shot-{uuid.uuid4().hex[:10]}")
    from sqlalchemy import select

    from desktop.db import models

    with db.unit_of_work() as uow:
        picked = sorted(uow.session.scalars(select(models.Order.order_no).where(models.Order.status == "picked")))
    orders = []
    for no in picked:
        try:
            pack_whole_order(db, no, today)
            orders.append(no)
        except (StopIteration, Exception) as exc:  # noqa: BLE001 - a demo order the rules refuse is left out
            print("not packed:", no, type(exc).__name__)
    carrier = parcel_of(db, orders[0])[2]
    for no in orders[:-1]:
        code, _n, c = parcel_of(db, no)
        if c == carrier:
            call(db, "packer1", shipping.handover_scan, code, c, day=today)
    settings = Settings.from_file(folder / "station.ini")
    runner = TaskRunner(db)
    images.mkdir(parents=True, exist_ok=True)

    station = build_station(settings, station_paths(settings), db, runner)

    def context(login: str) -> WorkspaceContext:
        return station.context(actor(db, login), refresh_ms=0)

    panel = HandoverPanel(context("packer1"))
    panel.resize(1280, 800)
    panel.show()
    wait_until(lambda: panel.carrier.count() > 0)
    panel.select_carrier(carrier)
    wait_until(lambda: panel.state is not None and panel.state.carrier == carrier)
    unlabelled = panel.state.unmanifested[0].parcel if panel.state.unmanifested else "PCL-0000000001"
    panel.on_scan(unlabelled)
    wait_until(lambda: panel.message.message != "")
    save(panel, images / "handover.png")
    if language == "en":  # the manifest is a printed document, the same in either language of the station
        with db.unit_of_work(actor(db, "packer1")) as uow:
            sheet = shipping.manifest_sheet(uow, panel.state.manifest_id)
        pdf = folder / "manifest.pdf"
        pdf.write_bytes(render_manifest_pdf(sheet))
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf), str(IMAGES / "manifest")], check=True)
        print((IMAGES / "manifest.png").relative_to(ROOT))
    panel.close()

    # A refused parcel comes back: the returns screen after receiving and one inspection.
    refused_no = orders[-1]
    code, number, c = parcel_of(db, refused_no)
    call(db, "packer1", shipping.handover_scan, code, c, day=today)
    call(db, "packer1", shipping.close_manifest, c, today)
    now = utcnow()
    call(db, "super1", tracking.import_events, [TrackingUpdate(number, now, "refused", "上海", "收件人拒收")], "file")
    panel = ReturnsPanel(context("packer1"))
    panel.resize(1280, 800)
    panel.show()
    panel.on_scan(code)
    wait_until(lambda: panel.view is not None)
    panel.inspect()
    wait_until(lambda: panel.view.lines[0].checklist)
    panel.location.setText("LOC-SZ1-A01-1-01-1")
    save(panel, images / "returns.png")
    panel.close()

    panel = FiguresPanel(context("super1"))
    panel.resize(1280, 800)
    panel.show()
    wait_until(lambda: panel.figures is not None)
    save(panel, images / "figures.png")
    station.close(wait_ms=10_000)
    db.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:2])
