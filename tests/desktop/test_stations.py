"""Many stations, one PostgreSQL: headless station processes at full speed, killed, cut off.

Afterwards every invariant holds: stock never negative and equal to what was there less what was
picked, each unit picked once, every confirmed action applied exactly once (or listed as a conflict).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.station.headless import last_event_id, stock_snapshot, verify_run
from desktop.services.auth import hash_pin

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
PICKERS = [("picker1", "1111"), ("picker2", "2222"), ("picker3", "2323"), ("picker4", "4545")]


class Station:
    """One headless station process, its stdout collected line by line."""

    def __init__(self, url: str, login: str, pin: str, name: str, journal: Path, batches: int | None = None,
                 stats: Path | None = None):
        args = [sys.executable, "-m", "desktop.station.headless", "--db", url, "--login", login, "--pin", pin,
                "--station", name, "--journal", str(journal)]
        if batches is not None:
            args += ["--batches", str(batches)]
        if stats is not None:
            args += ["--stats", str(stats)]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env=env)
        self.lines: list[str] = []
        self.err = ""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.strip())

    def confirmed(self) -> list[str]:
        return [ln.split()[1] for ln in self.lines if ln.startswith("CONFIRMED ")]

    def wait(self, timeout: float = 240) -> int:
        code = self.proc.wait(timeout)
        self._reader.join(5)
        self.err = self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        return code

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.wait()


def _as_admin(argv: list[str]) -> int:
    import io
    from unittest import mock

    from desktop.cli import main

    with mock.patch("sys.stdin", io.StringIO("9999\n")):
        return main([*argv, "--user", "admin", "--pin-stdin"])


@pytest.fixture
def floor(pg_empty_url):
    """A demo warehouse with plenty of ready orders and a fourth picker; each headless station
    connects with a picker station login of its own, as `pickdesk db station-role` makes them (the
    server keeps who is signed in per database login, so stations never share one)."""
    db = Database.open(pg_empty_url)
    build_demo(db, orders=160, seed=21)
    with db.unit_of_work() as uow:
        uow.session.add(models.User(login="picker4", display_name="Picker Four", role="picker",
                                    pin_hash=hash_pin("4545")))
        uow.commit()
    tag = uuid.uuid4().hex[:6]
    logins = [f"st_hl{n}_{tag}" for n in range(len(PICKERS))]
    for login in logins:
        assert _as_admin(["db", "station-role", login, "--kind", "picker", "--apply", "--db", pg_empty_url]) == 0
    urls = [make_url(pg_empty_url).set(username=login).render_as_string(hide_password=False) for login in logins]
    yield db, (stock_snapshot(db), last_event_id(db)), urls
    with db.engine.begin() as conn:
        for login in logins:
            conn.execute(text(f"DROP OWNED BY {login}"))
            conn.execute(text(f"DROP ROLE {login}"))
    db.dispose()


FAULTS = ("lost", "duplicated", "orphan_events", "double_picked", "stock_mismatch", "bad_reservations", "split_orders")


def check_invariants(db: Database, start: tuple[dict[int, int], int], journals: list[Path],
                     confirmed: list[str]) -> dict[str, int]:
    stock, after_event = start
    report = verify_run(db, stock, journals, confirmed, after_event_id=after_event)
    assert {k: report[k] for k in FAULTS} == dict.fromkeys(FAULTS, 0), report
    return report


def test_stations_picking_overlapping_orders_at_full_speed(floor, tmp_path):
    db, start, urls = floor
    stations = [Station(urls[n], login, pin, f"S{n}", tmp_path / f"j{n}.sqlite3", stats=tmp_path / f"s{n}.json")
                for n, (login, pin) in enumerate(PICKERS)]
    for st in stations:
        assert st.wait() == 0, st.err
    confirmed = [aid for st in stations for aid in st.confirmed()]
    assert len(confirmed) > 50 and all("NOTHING_TO_PICK" in st.lines for st in stations)
    report = check_invariants(db, start, [tmp_path / f"j{n}.sqlite3" for n in range(len(PICKERS))], confirmed)
    assert report["applied"] == len(confirmed) and report["conflicts"] == 0
    for n, st in enumerate(stations):  # what each station asked of the server, as it counted it (--stats)
        stats = json.loads((tmp_path / f"s{n}.json").read_text())
        assert stats["scans"] == len(st.confirmed())
        assert stats["batches"] == sum(1 for ln in st.lines if ln.startswith("BATCH "))
        assert stats["statements"] > stats["scans"] and stats["db_seconds"] > 0 and stats["lost_claims"] >= 0


def test_stations_killed_at_random_points_lose_and_double_nothing(floor, tmp_path):
    db, start, urls = floor
    rng = random.Random(7)
    confirmed: list[str] = []
    journals = [tmp_path / f"k{n}.sqlite3" for n in range(2)]
    for _round in range(6):
        stations = [Station(urls[n], login, pin, f"K{n}", journals[n])
                    for n, (login, pin) in enumerate(PICKERS[:2])]
        threading.Event().wait(rng.uniform(0.8, 2.0))  # let them work, then pull the plug
        for st in stations:
            st.kill()
            confirmed += st.confirmed()
    finishers = [Station(urls[n], login, pin, f"K{n}", journals[n]) for n, (login, pin) in enumerate(PICKERS[:2])]
    for st in finishers:
        assert st.wait() == 0, st.err
        confirmed += st.confirmed()
    assert len(confirmed) > 20
    report = check_invariants(db, start, journals, confirmed)
    assert report["conflicts"] == 0 and report["applied"] >= len(set(confirmed))


def test_a_cut_link_delays_but_loses_nothing_and_conflicts_are_listed(floor, tmp_path):
    from tcp_proxy import TcpProxy

    db, start, urls = floor
    url = make_url(urls[0])
    proxy = TcpProxy(url.host, url.port or 5432)
    via_proxy = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    try:
        station = Station(via_proxy, "picker1", "1111", "C1", tmp_path / "c.sqlite3", batches=8)

        def under_way_with_stops_left() -> bool:
            """A batch of at least four stops has begun: its first pick is confirmed, the rest are not."""
            lines = list(station.lines)
            for i, line in enumerate(lines):
                if line.startswith("BATCH ") and int(line.split()[2]) >= 4:
                    return any(later.startswith("CONFIRMED ") for later in lines[i + 1:])
            return False

        for _ in range(600):
            if under_way_with_stops_left():
                break
            threading.Event().wait(0.02)
        else:
            pytest.fail(f"no batch of four stops or more began: {station.lines[-5:]}")
        proxy.cut()
        threading.Event().wait(1.5)
        # Meanwhile a supervisor gives picker1's batch to picker2: picks made offline no longer fit.
        with db.unit_of_work() as uow:
            batch = uow.session.scalar(select(models.PickBatch).join(models.User, models.PickBatch.picker_id == models.User.id)
                                       .where(models.User.login == "picker1", models.PickBatch.status == "picking"))
            other = uow.session.scalar(select(models.User).where(models.User.login == "picker2"))
            if batch is not None:
                batch.picker_id = other.id
                uow.announce("batches", batch.code, event="reassigned", from_picker="picker1", picker="picker2")
                uow.commit()
        proxy.restore()
        assert station.wait() == 0, station.err
        confirmed = station.confirmed()
        assert any(ln.startswith("OFFLINE") for ln in station.lines), "the station noticed it was cut off"
        report = check_invariants(db, start, [tmp_path / "c.sqlite3"], confirmed)
        with db.unit_of_work() as uow:
            listed = uow.session.scalar(select(func.count()).select_from(models.ExceptionCase)
                                        .where(models.ExceptionCase.kind == "conflict"))
        assert listed == report["conflicts"] > 0, "the offline picks of the reassigned batch are listed as conflicts"
    finally:
        proxy.close()
