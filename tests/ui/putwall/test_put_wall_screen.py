"""The put wall's screen on SQLite and PostgreSQL: a picked put-wall cart scanned, a unit lights its slot
(on screen and on a real TCP pick-to-light stand-in), the slot scan confirms, a full slot says its order
is ready to pack; wrong scans are refused on screen."""

from __future__ import annotations

import os
import socket
import threading
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, update

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from desktop.domain.roles import Role
from desktop.services import picking, waves
from devices.put_light import TcpPutLight
from ui.tasks import TaskRunner
from ui.widgets.put_wall import PutWallPanel

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=timezone.utc)


class Controller:
    """A pick-to-light controller stand-in: records each line, answers OK to well-formed commands."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.lines: list[str] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        try:
            conn, _ = self.server.accept()
        except OSError:
            return
        with conn:
            buf = b""
            while data := conn.recv(256):
                buf += data
                while b"\r\n" in buf:
                    raw, buf = buf.split(b"\r\n", 1)
                    self.lines.append(raw.decode())
                    parts = raw.decode().split()
                    ok = parts[0] in ("LIGHT", "CLEAR") and parts[1].isdigit()
                    conn.sendall(b"OK\r\n" if ok else b"ERR\r\n")


def actor(db: Database, login: str) -> Actor:
    with db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == login))
        return Actor(u.id, u.login, u.display_name, Role(u.role), "TEST")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def picked_wall(request, tmp_path, monkeypatch):
    """A demo database with one put-wall cart picked; (db, the cart's view)."""
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'pw.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    db = Database.open(url)
    build_demo(db, orders=200, seed=5, as_of=TODAY)
    with db.unit_of_work() as uow:  # the demo's carts on the floor are picker1's
        p1 = uow.session.scalar(select(models.User.id).where(models.User.login == "picker1"))
        uow.session.execute(update(models.PickBatch).where(models.PickBatch.status.in_(("assigned", "picking")))
                            .values(picker_id=p1))
        # urgent orders would get a cart of their own first: not this test's subject
        uow.session.execute(update(models.Order).where(models.Order.status == "ready",
                                                       models.Order.priority_class == "urgent")
                            .values(priority_class="expedited"))
        uow.commit()
    with db.unit_of_work(actor(db, "super1")) as uow:
        waves.release_wave(uow, warehouse="SZ1", rule=waves.WaveRule(kind="put_wall", max_orders=4), now=NOW)
    with db.unit_of_work(actor(db, "picker2")) as uow:
        view = picking.next_batch(uow, today=TODAY, now=NOW)
    for s in view.stops:
        with db.unit_of_work(actor(db, "picker2")) as uow:
            picking.confirm_pick(uow, s.task_id, s.qty, s.lot_code, f"ui-{s.task_id}")
    yield db, view
    db.dispose()


def scan(qtbot, panel: PutWallPanel, text: str, signal) -> None:  # noqa: ANN001
    with qtbot.waitSignal(signal, timeout=10_000):
        panel.scan.setText(text)
        panel.scan.returnPressed.emit()


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    """The wall in either language (switched back after)."""
    from ui import i18n

    i18n.apply_language(qapp, request.param)
    yield request.param
    i18n.apply_language(qapp, "en")


def test_sorting_a_cart_at_the_wall(qtbot, picked_wall, language, tmp_path) -> None:
    db, view = picked_wall
    runner = TaskRunner(db)
    controller = Controller()
    light = TcpPutLight("127.0.0.1", controller.port)
    panel = PutWallPanel(runner, actor(db, "packer1"), light)
    qtbot.addWidget(panel)
    panel.resize(1100, 600)
    # Not shown: the offscreen platform warns on a top-level window whose size hints change; grab() still paints.
    scan(qtbot, panel, view.code, panel.wall_opened)
    assert len(panel.slots) == len(view.orders) and view.code in panel.batch_label.text()
    # A unit no slot needs is refused, on screen.
    scan(qtbot, panel, "]C10109999999999999", panel.put_refused)
    assert "09999999999999" in panel.message.text()
    filled: list[str] = []
    panel.slot_filled.connect(lambda _n, order: filled.append(order))
    first = True
    for stop in view.stops:
        for _ in range(stop.qty):
            scan(qtbot, panel, f"]C101{stop.gtin14}", panel.slot_lit)
            lit = panel.lit
            cell = panel.findChild(type(panel.slots[lit]), f"put_wall_slot_{lit}")
            assert cell is not None and cell.property("lit") is True
            if first:  # the wrong slot: refused, nothing counted, the right one named
                wrong = next(n for n in panel.slots if n != lit)
                scan(qtbot, panel, f"WALL-{wrong:02d}", panel.put_refused)
                assert f"WALL-{lit:02d}" in panel.message.text()
                if len(panel.slots) > 0:
                    shot = Path(os.environ.get("PUT_WALL_SHOT", tmp_path) ) / f"put_wall_{language}.png"
                    panel.grab().save(str(shot))
                first = False
            scan(qtbot, panel, f"WALL-{lit:02d}", panel.put_confirmed)
    assert sorted(filled) == sorted(view.orders)
    assert all(cell.property("full") for cell in panel.slots.values())
    assert ("ready to pack" if language == "en" else "可打包") in panel.message.text()
    qtbot.waitUntil(lambda: len(controller.lines) >= 2 * sum(s.qty for s in view.stops), timeout=5000)
    assert controller.lines[0].startswith("LIGHT ") and controller.lines[1].startswith("CLEAR ")
    light.close()
    controller.server.close()
    runner.wait_for_done(5000)
