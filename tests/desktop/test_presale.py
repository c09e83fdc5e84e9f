"""Pre-sale (预售, issue 20 item 2): orders for a product not shipping yet wait, received, and pass
intake from its shipping day; set by a supervisor (service and `pickdesk presale`), both engines."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from test_intake_world import (  # noqa: F401 - fixtures
    AS_OF, KEY, NOW, PLAIN_GTIN, SUPERVISOR, add_world, load, mall_order, world, world_template)

from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from desktop.domain.errors import NotAllowed, NotFound
from desktop.domain.roles import Role
from desktop.services.catalogue import set_presale
from desktop.services.intake import run_intake


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def shop(request, world):
    if request.param == "sqlite":
        yield world
        return
    db = Database.open(request.getfixturevalue("pg_empty_url"), sealer=KEY)
    build_demo(db, orders=0, seed=7, as_of=AS_OF)
    add_world(db)
    yield db
    db.dispose()


def _status(db: Database, no: str) -> str:
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(models.Order.status).where(models.Order.order_no == no))


def test_presale_orders_wait_until_the_shipping_day_then_pass(shop) -> None:
    with shop.unit_of_work(SUPERVISOR) as uow:
        assert set_presale(uow, "M1", "T-PLAIN", date(2026, 11, 25)) is None
    load(shop, mall_order("M1-PRE-1"), mall_order("M1-PRE-2", lines=[{"sku": "T-SCARCE", "qty": 1, "unit_price": "99.90"}],
                                                  shipping_fee="0.00", total_charged="99.90"))
    today = run_intake(shop, now=NOW, actor=SUPERVISOR)
    assert [r.order_no for r in today.results] == ["M1-PRE-2"] and today.presale == ["M1-PRE-1"]
    assert "1 waiting for pre-sale" in today.describe()
    assert _status(shop, "M1-PRE-1") == "received"
    with shop.unit_of_work() as uow:  # nothing reserved for it while it waits
        line = uow.session.scalar(select(models.OrderLine).join(models.Order).where(models.Order.order_no == "M1-PRE-1"))
        assert not line.reservations
    # Asked by number it still waits: the claim itself leaves pre-sale orders alone.
    with shop.unit_of_work() as uow:
        pre_id = uow.session.scalar(select(models.Order.id).where(models.Order.order_no == "M1-PRE-1"))
    assert run_intake(shop, [pre_id], now=NOW, actor=SUPERVISOR).processed == 0
    day = run_intake(shop, now=datetime(2026, 11, 25, 0, 5, tzinfo=UTC), actor=SUPERVISOR)
    assert [(r.order_no, r.status) for r in day.results] == [("M1-PRE-1", "ready")] and not day.presale


def test_cleared_presale_passes_the_next_intake_and_only_a_supervisor_sets_it(shop) -> None:
    with shop.unit_of_work(SUPERVISOR) as uow:
        set_presale(uow, "M1", "T-PLAIN", date(2027, 1, 1))
    load(shop, mall_order("M1-PRE-3"))
    assert run_intake(shop, now=NOW, actor=SUPERVISOR).presale == ["M1-PRE-3"]
    with shop.unit_of_work(SUPERVISOR) as uow:
        assert set_presale(uow, "M1", "T-PLAIN", None) == date(2027, 1, 1)
    assert run_intake(shop, now=NOW, actor=SUPERVISOR).count("ready") == 1
    picker = Actor(None, "picker1", "P", Role.PICKER, "T")
    with shop.unit_of_work(picker) as uow, pytest.raises(NotAllowed):
        set_presale(uow, "M1", "T-PLAIN", date(2027, 1, 1))
    with shop.unit_of_work(SUPERVISOR) as uow, pytest.raises(NotFound) as info:
        set_presale(uow, "M1", "NO-SUCH", date(2027, 1, 1))
    assert "NO-SUCH" in info.value.message and "NO-SUCH" in info.value.message_zh
    with shop.unit_of_work() as uow:
        actions = list(uow.session.scalars(select(models.AuditEntry.action).where(models.AuditEntry.action == "presale")))
    assert len(actions) == 2


def test_the_command_sets_and_clears_and_refuses_a_bad_day(tmp_path, capsys, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    db = Database.open(url)
    build_demo(db, orders=0, seed=3, as_of=AS_OF)
    db.dispose()
    monkeypatch.setattr("sys.stdin", io.StringIO("5555\n"))
    assert main(["presale", "M1-0001", "--merchant", "M1", "--ships-on", "2026-12-12", "--db", url,
                 "--user", "super1", "--pin-stdin"]) == 0
    assert "ships from 2026-12-12" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("5555\n"))
    assert main(["presale", "M1-0001", "--merchant", "M1", "--clear", "--db", url, "--user", "super1",
                 "--pin-stdin"]) == 0
    assert "was 2026-12-12" in capsys.readouterr().out
    with pytest.raises(SystemExit) as info:
        main(["presale", "M1-0001", "--merchant", "M1", "--ships-on", "12/12", "--db", url])
    assert info.value.code == 2 and "not a day" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("5555\n"))
    assert main(["presale", "NOPE", "--merchant", "M1", "--clear", "--db", url, "--user", "super1",
                 "--pin-stdin"]) == 2
    err = capsys.readouterr().err
    assert "NOPE" in err and "Traceback" not in err
