"""`pickdesk wave …` on SQLite and PostgreSQL: a supervisor releases, an admin sets pick-ups, listings ask nobody;
bad input ends with a message and status 2, never a traceback."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo


def run(argv: list[str]) -> int:
    """The exit status, whether the parser (SystemExit) or the command answered."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def central(request, tmp_path_factory):
    url = (f"sqlite:///{tmp_path_factory.mktemp('wave') / 'c.sqlite3'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_module_url"))
    db = Database.open(url)
    build_demo(db, orders=60, seed=4)
    yield db
    db.dispose()


def test_release_list_and_cutoffs(central, capsys, sign_in_as):
    url = central.url
    assert main(["wave", "cutoff", "--warehouse", "SZ1", "--carrier", "SF", "--service", "standard", "--at", "18:00",
                 "--db", url, *sign_in_as("admin", "9999")]) == 0
    assert "pick-up 18:00" in capsys.readouterr().out
    assert main(["wave", "cutoffs", "--json", "--db", url]) == 0
    assert json.loads(capsys.readouterr().out) == [{"warehouse": "SZ1", "carrier": "SF", "service": "standard",
                                                    "pickup_local": "18:00", "timezone": "Asia/Shanghai"}]
    assert main(["wave", "release", "--warehouse", "SZ1", "--max-orders", "5", "--json", "--db", url,
                 *sign_in_as("super1", "5555")]) == 0
    released = json.loads(capsys.readouterr().out)[0]
    assert released["orders"] <= 5 and released["carts"] >= 1 and released["released_by"] == "super1"
    assert main(["wave", "list", "--db", url]) == 0
    assert released["code"] in capsys.readouterr().out
    with central.unit_of_work() as uow:
        waved = uow.session.scalar(select(func.count()).select_from(models.Order).where(models.Order.wave_id.is_not(None)))
    assert waved == released["orders"]


@pytest.mark.parametrize("argv, says", [
    (["wave", "release", "--warehouse", "NOPE"], "No warehouse NOPE"),
    (["wave", "release", "--warehouse", "SZ1", "--zone", "QQ"], "No ready order in SZ1"),
    (["wave", "release", "--warehouse", "SZ1", "--class", "soon"], "Unknown priority class"),
    (["wave", "release", "--warehouse", "SZ1", "--ship-by-before", "tomorrow"], "not a date and time"),
    (["wave", "release", "--warehouse", "SZ1", "--ship-by-before", "2026-11-11T18:00"], "give the time zone"),
    (["wave", "release", "--warehouse", "SZ1", "--max-orders", "0"], "must be 1 to"),
])
def test_bad_release_input_is_refused_with_status_2(central, capsys, sign_in_as, argv, says):
    with central.unit_of_work() as uow:
        before = uow.session.scalar(select(func.count()).select_from(models.Wave))
    assert run([*argv, "--db", central.url, *sign_in_as("super1", "5555")]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    with central.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(models.Wave)) == before


@pytest.mark.parametrize("at, says", [("6pm", "HH:MM"), ("25:00", "HH:MM")])
def test_bad_cutoff_is_refused(central, capsys, sign_in_as, at, says):
    assert run(["wave", "cutoff", "--warehouse", "SZ1", "--carrier", "SF", "--service", "standard", "--at", at,
                 "--db", central.url, *sign_in_as("admin", "9999")]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
