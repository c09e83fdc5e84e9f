"""Packer bench fixtures: picked orders made on the demo database, a printer sink, a serial scale.

Helpers are copied here rather than imported from other test folders (tests have no packages).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.db.types import utcnow
from desktop.domain.lifecycle import OrderStatus
from desktop.domain.packing import PackItem, expected_weight, suggest_carton
from desktop.services.orders import change_status

FAKE_MTSICS = Path(__file__).resolve().parents[2] / "fake_mtsics.py"  # shared with tests/devices
SHOTS = Path(__file__).resolve().parents[3] / "docs" / "images"


@dataclass
class Unit:
    line_no: int
    gtin: str
    lot: str | None
    expiry: date | None

    @property
    def barcode(self) -> str:
        """The GS1 barcode on the unit: GTIN, and expiry + lot for goods with lots."""
        if self.lot:
            return f"]C101{self.gtin}17{self.expiry:%y%m%d}10{self.lot}"
        return f"]C101{self.gtin}"


@dataclass
class Picked:
    order_no: str
    tote: str
    units: list[Unit]  # one per physical unit

    def expected_g(self, line_nos: set[int] | None = None, *, carton_for: set[int] | None = None) -> int:
        """What the bench expects on the scale for the units of `line_nos` (all by default)."""
        return _expected(self, line_nos, carton_for)


_DB: dict[str, Database] = {}


def _expected(p: Picked, line_nos, carton_for) -> int:  # noqa: ANN001
    db = _DB["db"]
    with db.unit_of_work() as uow:
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == p.order_no))

        def items(nos):  # noqa: ANN001, ANN202
            return [PackItem(ln.sku.sku_code, sum(1 for u in p.units if u.line_no == ln.line_no), ln.sku.weight_g,
                             ln.sku.length_mm, ln.sku.width_mm, ln.sku.height_mm, ln.sku.fragile)
                    for ln in order.lines if nos is None or ln.line_no in nos]

        carton = suggest_carton(items(carton_for if carton_for is not None else line_nos)).carton
        return expected_weight(items(line_nos), carton)


def make_picked(db: Database, *, min_lines: int = 1, lot_tracked: bool | None = None,
                fragile: bool | None = None, units: int | None = None, gift: bool | None = None) -> Picked:
    """Pick a ready order as a picker would have: tasks into a free tote, stock taken, order → picked.

    `fragile`: an order with (True) or without (False) a fragile product; None: either. `units`: an
    order of exactly that many units; by default two or more (a one-unit order prints by itself once
    weighed, 一单一件, and most tests press F9). `gift`: a gift order or not; None: either."""
    _DB["db"] = db
    with db.unit_of_work() as uow:
        s = uow.session
        candidates = s.scalars(select(models.Order).where(models.Order.status == "ready")
                               .order_by(models.Order.order_no)).all()
        order = next(o for o in candidates if len(o.lines) >= min_lines and all(ln.reservations for ln in o.lines)
                     and sum(ln.qty for ln in o.lines) <= 8
                     and (sum(ln.qty for ln in o.lines) == units if units is not None
                          else sum(ln.qty for ln in o.lines) >= 2)
                     and (gift is None or o.gift == gift)
                     and (lot_tracked is None or any(ln.sku.lot_tracked for ln in o.lines) == lot_tracked)
                     and (fragile is None or any(ln.sku.fragile for ln in o.lines) == fragile))
        tote = s.scalars(select(models.Tote).where(models.Tote.status == "free").order_by(models.Tote.code)).first()
        batch = models.PickBatch(code=f"BT-{order.order_no[-10:]}", warehouse_id=order.warehouse_id, status="done",
                                 finished_at=utcnow())
        tote.status, tote.batch = "at_pack", batch
        change_status(uow, order, OrderStatus.PICKING)
        units = []
        for seq, ln in enumerate(order.lines, start=1):
            for res in list(ln.reservations):
                lot = res.stock.lot
                batch.tasks.append(models.PickTask(line=ln, stock=res.stock, location=res.stock.location, lot=lot,
                                                   tote=tote, seq=seq, qty=res.qty, picked_qty=res.qty,
                                                   status="picked", picked_at=utcnow()))
                res.stock.on_hand -= res.qty
                res.stock.reserved -= res.qty
                ln.picked_qty += res.qty
                units += [Unit(ln.line_no, ln.sku.gtin, lot.lot_code if lot and ln.sku.lot_tracked else None,
                               lot.expiry if lot else None)] * res.qty
            ln.reservations.clear()
        s.add(batch)
        change_status(uow, order, OrderStatus.PICKED)
        picked = Picked(order.order_no, tote.code, units)
        uow.commit()
    return picked


@pytest.fixture
def picked(demo_db):
    return lambda **kw: make_picked(demo_db, **kw)


@pytest.fixture
def shot(qtbot):
    """`shot(widget, name)`: with PICKDESK_SHOTS=1 the screen is saved as docs/images/<name>.png, or
    docs/images/<language>/<name>.png when the station speaks another language than English."""
    def save(widget, name: str, *over) -> None:  # noqa: ANN001 - `over`: dialogs shown above the widget
        if os.environ.get("PICKDESK_SHOTS") == "1":
            from PySide6.QtCore import QPoint
            from PySide6.QtGui import QPainter

            from ui.i18n import current_language

            qtbot.wait(50)  # let the layout settle: nested layouts catch up one level per pass of the event loop
            folder = SHOTS if current_language() == "en" else SHOTS / current_language()
            folder.mkdir(parents=True, exist_ok=True)
            picture = widget.grab()
            if over:  # a dialog is a window of its own: drawn where it stands over the window
                painter = QPainter(picture)
                for dialog in over:
                    painter.drawPixmap(dialog.mapToGlobal(QPoint(0, 0)) - widget.mapToGlobal(QPoint(0, 0)), dialog.grab())
                painter.end()
            assert picture.save(str(folder / f"{name}.png")), folder / f"{name}.png"
    return save


class PrinterSink:
    """A raw TCP 9100 label printer on 127.0.0.1: answers ~HS as ready, records each job's bytes."""

    HS = (b"\x02030,0,0,1199,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,0,2,6,0,00000000,1,000\x03\r\n"
          b"\x021234,0\x03\r\n")

    def __init__(self) -> None:
        self.jobs: list[bytes] = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                data = b""
                while True:
                    try:
                        chunk = conn.recv(65536)
                    except OSError:
                        break
                    if not chunk:
                        break
                    data += chunk
                    if data.strip() == b"~HS":
                        conn.sendall(self.HS)
                        data = b""
                if data:
                    self.jobs.append(data)

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def printer_sink():
    sink = PrinterSink()
    yield sink
    sink.close()


def _wait_for(predicate, what: str, timeout: float = 10.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)  # waiting for socat (a process), not for Qt


class ScalePort:
    """A socat pty pair with a fake MT-SICS scale on the far end; `device` is what the station opens."""

    def __init__(self, folder: Path) -> None:
        self.device, peer, log = folder / "scale", folder / "scale-peer", folder / "socat.log"
        with log.open("wb") as err:
            self.socat = subprocess.Popen(["socat", "-d", "-d", f"pty,raw,echo=0,link={self.device}",
                                           f"pty,raw,echo=0,link={peer}"], stdin=subprocess.DEVNULL,
                                          stdout=subprocess.DEVNULL, stderr=err)
        _wait_for(lambda: peer.exists() and b"starting data transfer loop" in log.read_bytes(), "socat")
        self.fake = subprocess.Popen([sys.executable, str(FAKE_MTSICS), str(peer)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert self.fake.stdout.readline() == b"ready\n"

    def weigh(self, grams: int) -> None:
        self.fake.stdin.write(f"weight {grams / 1000:.3f} kg\n".encode())
        self.fake.stdin.flush()
        assert self.fake.stdout.readline() == b"ok\n"

    def close(self) -> None:
        for proc in (self.fake, self.socat):
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
        for stream in (self.fake.stdin, self.fake.stdout, self.fake.stderr):
            stream.close()


@pytest.fixture
def scale_port(tmp_path):
    port = ScalePort(tmp_path)
    yield port
    port.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """A larger demo warehouse than the shared one (enough ready orders with lots and several lines)."""
    from desktop.demo.builder import build_demo

    folder = tmp_path_factory.mktemp("packer-db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PICKDESK_DATA_DIR", str(folder))
        mp.delenv("PICKDESK_DB_URL", raising=False)
        db = Database.open(f"sqlite:///{folder / 'central.sqlite3'}")
        build_demo(db, orders=120, seed=3)
        yield db
        db.dispose()


@pytest.fixture
def pick_in():
    """`pick_in(db, **kw) -> Picked`: a picked order on a database of the test's own (not the shared demo)."""
    return make_picked
