"""A picker keeps working while the central database is out of reach; nothing confirmed is lost.

The station's window talks to PostgreSQL through a TCP proxy the test cuts and restores. Picks
confirmed while cut are answered at once (kept in the station's journal), the screen says how many
wait, and they all reach the database, exactly once, when the link is back.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from picker_scans import good_unit, into_the_tote, to_the_cart
from PySide6.QtCore import Qt
from tcp_proxy import TcpProxy
from ui.feedback import Verdict
from ui.main_window import MainWindow
from ui.station import build_station, station_paths
from ui.settings import Settings
from ui.tasks import TaskRunner

pytestmark = pytest.mark.postgres


def test_picks_made_offline_are_answered_kept_and_delivered_once(qtbot, pg_empty_url, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    owner = Database.open(pg_empty_url)
    build_demo(owner, orders=60, seed=3)
    url = make_url(pg_empty_url)
    proxy = TcpProxy(url.host, url.port or 5432)
    db = Database.open(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False),
                       key_store=owner.key_store)
    settings = Settings.from_file(tmp_path / "station.ini")
    settings.station_name = "OFFLINE-01"
    runner = TaskRunner(db)
    window = MainWindow(build_station(settings, station_paths(settings), db, runner), ping_ms=0, refresh_ms=0)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    try:
        view = window.sign_in_view
        qtbot.waitUntil(lambda: view.users.count() > 0, timeout=10_000)
        assert view.select_user("picker1")
        qtbot.keyClicks(view.pin, "1111")
        with qtbot.waitSignal(window.signed_in, timeout=10_000):
            qtbot.keyClick(view.pin, Qt.Key.Key_Return)
        ws = window.workspace
        with qtbot.waitSignal(ws.batch_shown, timeout=15_000):
            ws.request_next_batch()
        stops = list(ws.batch.open_stops)
        assert len(stops) >= 2
        to_the_cart(ws)

        proxy.cut()
        kept = []
        ws.persisted.connect(kept.append)
        for _ in range(2):  # two stops, confirmed while the database is unreachable
            stop = ws.session.current
            window.on_scan("LOC-" + stop.location_code)
            for _unit in range(stop.remaining):
                window.on_scan(good_unit(stop))
            into_the_tote(window, ws)
            assert ws.feedback.verdict is Verdict.GOOD  # answered at once, offline or not
        qtbot.waitUntil(lambda: "Offline" in ws.status.text(), timeout=20_000)
        assert ws.pending_writes == 2 and kept == []
        assert "2" in ws.status.text()
        assert window.status_journal.isVisible() and window.status_journal.property("pending") == 2

        proxy.restore()
        qtbot.waitUntil(lambda: ws.pending_writes == 0 and len(kept) == 2, timeout=20_000)
        task_ids = [s.task_id for s in stops[:2]]
        with owner.unit_of_work() as uow:
            events = uow.session.scalar(select(func.count()).select_from(models.PickEvent)
                                        .where(models.PickEvent.task_id.in_(task_ids), models.PickEvent.kind == "pick"))
            picked = uow.session.scalars(select(models.PickTask.status).where(models.PickTask.id.in_(task_ids))).all()
        assert events == 2 and picked == ["picked", "picked"]
        qtbot.waitUntil(lambda: not window.status_journal.isVisible())
    finally:
        window.close()
        runner.wait_for_done(10_000)
        proxy.close()
        db.dispose()
        owner.dispose()
