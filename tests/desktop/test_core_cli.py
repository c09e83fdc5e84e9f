"""The command line: help, version, orders and stock on both engines, clear errors with status 2."""

import json
import subprocess
import sys

import pytest

from desktop import __version__
from desktop.cli import main

ENV_KEYS = ("PICKDESK_DB_URL",)


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path / "data"))
    for key in ENV_KEYS:
        monkeypatch.delenv(key, raising=False)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_the_subcommands(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    out = capsys.readouterr().out
    assert info.value.code == 0
    for cmd in ("demo", "orders", "stock", "route", "scan-parse", "devices"):
        assert cmd in out


def test_version(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"pickdesk {__version__}"


def test_the_console_script_runs_without_qt():
    code = ("import sys; from ui.entry import main; rc = main(['orders', '--limit', '1']); "
            "assert 'PySide6' not in sys.modules, 'a subcommand imported Qt'; sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_listing_orders_loads_only_what_it_needs(tmp_path):
    """`pickdesk orders` starts fast (issue 20): no Qt, no migrations engine, no barcodes, labels,
    keyring, cipher or demo builder — a database at head is opened with one version read — and the
    listing reads through the tables, so the ORM's mappers are never configured (0.1-0.2 s)."""
    from desktop.db.database import Database

    url = f"sqlite:///{tmp_path / 'head.sqlite3'}"
    Database.open(url).dispose()  # migrated to head, empty: nothing to seed
    heavy = ("PySide6", "alembic", "biip", "phonenumbers", "reportlab", "keyring", "cryptography", "argon2",
             "desktop.demo.builder", "printing.layout", "desktop.routing.planner", "desktop.domain.events")
    code = ("import sys; from ui.entry import main; rc = main(['orders', '--json', '--limit', '100', '--db', sys.argv[1]]); "
            f"loaded = [m for m in {heavy!r} if m in sys.modules]; "
            "assert not loaded, f'the listing imported {loaded}'; "
            "from desktop.db.models import Order; assert not Order.__mapper__.configured, 'mappers configured'; "
            "sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code, url], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("argv", [
    ["orders", "--status", "teleported"],
    ["orders", "--limit", "-3"],
    ["demo", "--orders", "many"],
    ["demo", "--as-of", "yesterday"],
    ["nonsense"],
    ["stock", "--db", "mysql://nobody@nowhere/x"],
    ["orders", "--db", "not a url"],
])
def test_bad_arguments_exit_2_with_a_message(capsys, argv):
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip(), "a bad argument must say what is wrong"


def test_demo_orders_and_stock_on_a_named_sqlite_file(capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'named.sqlite3'}"
    code, out, _ = run(capsys, "demo", "--orders", "30", "--seed", "4", "--as-of", "2026-11-23", "--db", url)
    assert code == 0 and out.startswith("Demo warehouse written to") and "orders" in out
    code, out, _ = run(capsys, "orders", "--json", "--db", url)
    rows = json.loads(out)
    assert code == 0 and len(rows) == 30
    assert {"order_no", "merchant", "status", "priority_class", "hold_reason", "tracking_numbers"} <= set(rows[0])
    assert any(r["tracking_numbers"] for r in rows)
    scores = [r["priority_score"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    code, out, _ = run(capsys, "orders", "--status", "held", "--db", url)
    assert code == 0 and "held" in out and "shipped" not in out
    code, out, _ = run(capsys, "stock", "--json", "--db", url)
    stock = json.loads(out)
    assert code == 0 and stock and {"merchant", "sku", "gtin", "location", "lot", "expiry", "on_hand", "reserved"} <= set(stock[0])
    code, _, err = run(capsys, "demo", "--db", url)
    assert code == 2 and "--reset" in err  # never overwrite data by accident


def test_no_configuration_opens_the_embedded_file_and_seeds_it(capsys, tmp_path):
    code, out, _ = run(capsys, "orders", "--limit", "5")
    assert code == 0 and "5 orders" in out
    assert (tmp_path / "data" / "pickdesk.sqlite3").exists()


def _pages_reassemble_the_whole_list(capsys, url: str, total: int) -> None:
    code, out, _ = run(capsys, "orders", "--json", "--db", url)
    whole = json.loads(out)
    assert code == 0 and len(whole) == total
    got, after = [], None
    while True:
        args = ["orders", "--json", "--limit", "7", "--db", url] + (["--after", after] if after else [])
        code, out, _ = run(capsys, *args)
        page = json.loads(out)
        assert code == 0 and len(page) <= 7
        if not page:
            break
        got.extend(page)
        after = page[-1]["order_no"]
    assert got == whole  # every order once, in the same order (priority, then number)
    scores = [r["priority_score"] for r in whole]
    assert scores == sorted(scores, reverse=True)
    code, out, _ = run(capsys, "orders", "--status", "ready", "--limit", "3", "--json", "--db", url)
    assert code == 0 and [r["status"] for r in json.loads(out)] == ["ready"] * len(json.loads(out))
    code, out, err = run(capsys, "orders", "--json", "--after", "NO-SUCH-ORDER", "--db", url)
    assert code == 2 and "NO-SUCH-ORDER" in err and out == ""  # refused before anything is printed


def test_orders_page_by_limit_and_after_on_sqlite(capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'pages.sqlite3'}"
    assert run(capsys, "demo", "--orders", "30", "--seed", "4", "--as-of", "2026-11-23", "--db", url)[0] == 0
    _pages_reassemble_the_whole_list(capsys, url, 30)


@pytest.mark.postgres
def test_orders_page_by_limit_and_after_on_postgresql(capsys, pg_empty_url):
    assert run(capsys, "demo", "--orders", "25", "--seed", "9", "--db", pg_empty_url)[0] == 0
    _pages_reassemble_the_whole_list(capsys, pg_empty_url, 25)


@pytest.mark.postgres
def test_orders_and_stock_on_postgresql(capsys, pg_empty_url):
    code, _, _ = run(capsys, "demo", "--orders", "25", "--seed", "9", "--db", pg_empty_url)
    assert code == 0
    code, out, _ = run(capsys, "orders", "--json", "--db", pg_empty_url)
    assert code == 0 and len(json.loads(out)) == 25
    code, out, _ = run(capsys, "stock", "--db", pg_empty_url)
    assert code == 0 and "stock rows" in out


@pytest.mark.postgres
def test_an_explicit_empty_postgresql_is_never_seeded_with_the_demo(capsys, pg_empty_url):
    code, out, _ = run(capsys, "orders", "--db", pg_empty_url)
    assert code == 0 and "0 orders" in out


def test_every_subcommand_takes_db():
    from desktop.cli import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert len(subparsers.choices) >= 10
    for name, sub in subparsers.choices.items():
        assert "--db" in sub._option_string_actions, f"{name} does not take --db"
