"""A signed-in command line (issue 17, item 3): every command that reads customer data or changes state
needs a person (`--user LOGIN`, the PIN from the terminal or `--pin-stdin`), their role is checked by
the same service as in the app, and the audit names them. Without one: a clear message, exit status 2.
Listings without customer data stay open. On SQLite and a real PostgreSQL."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy import select

from desktop.cli import build_parser, main
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo

# (command, the person whose role it needs, their PIN). The picker (picker1) may do none of them.
SIGNED = {
    "label": ("packer1", "3333"), "slip": ("packer1", "3333"), "import": ("super1", "5555"),
    "intake": ("super1", "5555"), "exceptions": ("super1", "5555"), "tracking import": ("super1", "5555"),
    "tracking poll": ("super1", "5555"), "tracking subscribe": ("super1", "5555"),
    "tracking serve": ("super1", "5555"), "handover": ("packer1", "3333"), "manifest close": ("packer1", "3333"),
    "returns request": ("super1", "5555"), "returns receive": ("packer1", "3333"),
    "returns inspect": ("packer1", "3333"), "returns decide": ("packer1", "3333"),
    "returns settle": ("super1", "5555"), "feedback complete": ("super1", "5555"), "feedback add": ("super1", "5555"),
    "notify send": ("super1", "5555"), "report": ("super1", "5555"), "keys export": ("admin", "9999"),
    "keys import": ("admin", "9999"), "keys rotate": ("admin", "9999"), "demo": ("admin", "9999"),
    "db": ("admin", "9999"), "users add": ("admin", "9999"), "users retire": ("admin", "9999"),
    "users set-pin": ("admin", "9999"), "setup import": ("admin", "9999"),
    "wave release": ("super1", "5555"), "wave cutoff": ("admin", "9999"),
    "presale": ("super1", "5555"),
    "count open": ("receiver1", "6666"), "count import": ("receiver1", "6666"), "count show": ("super1", "5555"),
    "count approve": ("super1", "5555"), "count recount": ("super1", "5555"), "replenish plan": ("receiver1", "6666"),
    "replenish do": ("receiver1", "6666"), "transfer request": ("super1", "5555"), "transfer pick": ("picker1", "1111"),
    "inbound import": ("super1", "5555"), "inbound receive": ("receiver1", "6666"),
    "inbound close": ("receiver1", "6666"), "putaway": ("receiver1", "6666"), "stock move": ("receiver1", "6666"),
    "carriers account": ("admin", "9999"), "carriers accounts": ("packer1", "3333"),
    "waybills get": ("packer1", "3333"), "waybills show": ("packer1", "3333"), "waybills void": ("packer1", "3333"),
    "waybills intercept": ("super1", "5555"),
    "putback list": ("packer1", "3333"), "putback done": ("packer1", "3333"),
    "keys reindex-phones": ("admin", "9999"), "merge-window": ("admin", "9999"),
}
# Commands that ask nobody: no customer data, nothing changed (or no database at all).
OPEN = {"orders", "stock", "replenishment", "route", "scan-parse", "devices", "label-sample", "users list",
        "setup export", "keys show", "manifest export", "manifest unmanifested", "returns list", "feedback summary",
        "smoke", "wave list", "wave cutoffs", "count list", "replenish tasks", "transfer list", "inbound list", "stock history", "stock verify"}


def leaf_commands() -> dict[str, object]:
    """Every runnable command of `pickdesk`, by its full name ("returns settle")."""
    from ui.entry import UI_COMMAND_MODULES

    def walk(prefix: str, parser) -> dict[str, object]:  # noqa: ANN001
        subs = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
        if not subs:
            return {prefix: parser}
        found = {prefix: parser} if prefix and not subs[0].required else {}  # `pickdesk stock` runs on its own too
        for name, sub in subs[0].choices.items():
            found.update(walk(f"{prefix} {name}".strip(), sub))
        return found

    return walk("", build_parser(UI_COMMAND_MODULES))


def test_every_command_is_either_signed_in_or_knowingly_open():
    commands = leaf_commands()
    unknown = set(commands) - set(SIGNED) - OPEN - {"db"}
    assert not unknown, f"decide whether these need a person: {sorted(unknown)}"
    for name in SIGNED:
        assert "--user" in commands[name]._option_string_actions, f"{name} takes no --user"
        assert "--pin-stdin" in commands[name]._option_string_actions, name
    for name in OPEN - {"smoke"}:
        assert "--pin-stdin" not in commands[name]._option_string_actions, f"{name} is open, yet asks for a PIN"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def central(request, tmp_path_factory):
    url = (f"sqlite:///{tmp_path_factory.mktemp('signed') / 'c.sqlite3'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_module_url"))
    db = Database.open(url)
    build_demo(db, orders=30, seed=3)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("files")
    (folder / "orders.json").write_text('{"orders": []}', encoding="utf-8")
    (folder / "events.csv").write_text("tracking_no,at,kind\n", encoding="utf-8")
    (folder / "count.txt").write_text("COUNT CNT-000001\nLOC-SZ1-A01-1-01-1\n", encoding="utf-8")
    (folder / "key.txt").write_text("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", encoding="ascii")
    (folder / "notices.json").write_text('{"notices": [{}]}', encoding="utf-8")
    (folder / "scans.txt").write_text("06901234567892\n", encoding="utf-8")
    return folder


def argv_of(command: str, files, out) -> list[str]:  # noqa: ANN001
    return {
        "label": ["label", "M1-1", "-o", str(out / "l.pdf")], "slip": ["slip", "M1-1", "-o", str(out / "s.pdf")],
        "import": ["import", str(files / "orders.json")], "intake": ["intake"], "exceptions": ["exceptions"],
        "tracking import": ["tracking", "import", str(files / "events.csv")], "tracking poll": ["tracking", "poll"],
        "tracking subscribe": ["tracking", "subscribe", "--key", "K", "--customer", "C",
                               "--callback-url", "http://127.0.0.1:9/", "--poll-url", "http://127.0.0.1:9/poll"],
        "tracking serve": ["tracking", "serve", "--port", "0"],
        "handover": ["handover", "--carrier", "SF", "P-1"], "manifest close": ["manifest", "close", "--carrier", "SF"],
        "returns request": ["returns", "request", "M1-1", "--reason", "quality"],
        "returns receive": ["returns", "receive", "RMA-1"],
        "returns inspect": ["returns", "inspect", "RMA-1", "1", "--unused", "yes", "--packaging-intact", "yes",
                            "--damaged", "no", "--matches-order", "yes"],
        "returns decide": ["returns", "decide", "RMA-1", "1", "restock"],
        "returns settle": ["returns", "settle", "RMA-1", "refund"],
        "feedback complete": ["feedback", "complete"], "feedback add": ["feedback", "add", "M1-1", "--score", "5"],
        "notify send": ["notify", "send", "--smtp-host", "127.0.0.1", "--smtp-port", "9"],
        "report": ["report", "--from", "2026-01-01", "--to", "2026-01-02"],
        "keys export": ["keys", "export", "-o", str(out / "k.json"), "--passphrase-stdin"],
        "keys import": ["keys", "import", str(files / "key.txt")], "keys rotate": ["keys", "rotate"],
        "demo": ["demo", "--reset", "--orders", "1"], "db": ["db", "downgrade", "base"],
        "wave release": ["wave", "release", "--warehouse", "SZ1"],
        "wave cutoff": ["wave", "cutoff", "--warehouse", "SZ1", "--carrier", "SF", "--service", "standard",
                        "--at", "18:00"],
        "presale": ["presale", "M1-0001", "--merchant", "M1", "--ships-on", "2026-12-12"],
        "count open": ["count", "open", "--location", "SZ1-A01-1-01-1"],
        "count import": ["count", "import", str(files / "count.txt")], "count show": ["count", "show", "CNT-000001"],
        "count approve": ["count", "approve", "CNT-000001", "--reason", "checked"],
        "count recount": ["count", "recount", "CNT-000001", "--reason", "again"],
        "replenish plan": ["replenish", "plan"],
        "replenish do": ["replenish", "do", "RPL-000001", "--from", "SZ1-A01-1-01-1", "--item", "06901234567892",
                         "--qty", "1", "--to", "SZ1-A01-1-01-2"],
        "transfer request": ["transfer", "request", "M1-1", "--reason", "customer waits"],
        "inbound import": ["inbound", "import", str(files / "notices.json")],
        "inbound receive": ["inbound", "receive", "ASN-1", "--scans", str(files / "scans.txt")],
        "inbound close": ["inbound", "close", "ASN-1", "--report", str(out / "d.csv")],
        "putaway": ["putaway", "--sku", "M1-0001"],
        "stock move": ["stock", "move", "--sku", "M1-0001", "--from", "SZ1-A01-1-01-1", "--to", "SZ1-A01-1-02-1"],
        "carriers account": ["carriers", "account", "SF", "--url", "http://127.0.0.1:9/std/service",
                             "--partner-id", "P1", "--secret-stdin"],
        "carriers accounts": ["carriers", "accounts"], "waybills get": ["waybills", "get", "M1-1", "--carrier", "SF"],
        "waybills show": ["waybills", "show", "M1-1"], "waybills void": ["waybills", "void", "P-1", "--reason", "torn"],
        "waybills intercept": ["waybills", "intercept", "M1-1", "--reason", "cancelled"],
        "putback list": ["putback", "list"], "putback done": ["putback", "done", "1", "--bin", "SZ1-A01-1-01-1"],
        "keys reindex-phones": ["keys", "reindex-phones"], "merge-window": ["merge-window", "30"],
    }[command]


# users, setup: test_users_cli, test_setup_import; transfer pick is a picker's (tests/desktop/test_transfers.py)
ROLE_CHECKED = [c for c in SIGNED if not c.startswith(("users", "setup", "transfer pick"))]


@pytest.mark.parametrize("command", ROLE_CHECKED)
def test_without_a_person_or_with_the_wrong_role_nothing_happens(central, files, tmp_path, capsys, sign_in_as,
                                                                 command):
    base = [*argv_of(command, files, tmp_path), "--db", central.url]
    assert main(base) == 2
    err = capsys.readouterr().err
    assert "sign in with --user LOGIN" in err and "Traceback" not in err
    assert main([*base, *sign_in_as("picker1", "1111", "a passphrase for it")]) == 2
    err = capsys.readouterr().err
    assert "needs the role" in err and "picker" in err, err
    assert not list(tmp_path.iterdir()), "a refused command wrote a file"
    assert main([*base, *sign_in_as(SIGNED[command][0], "0000", "a passphrase for it")]) == 2
    assert "wrong PIN" in capsys.readouterr().err
    with central.unit_of_work() as uow:  # they did sign in (and out); that is all they did
        U = models.User
        locked = uow.session.scalar(select(U.failed_attempts).where(U.login == SIGNED[command][0]))
        uow.session.execute(models.User.__table__.update().values(failed_attempts=0, locked_until=None))
        uow.commit()
    assert locked == 1


def _audit_of(db: Database, action: str) -> tuple[str | None, str | None]:
    with db.unit_of_work() as uow:
        A, U = models.AuditEntry, models.User
        row = uow.session.execute(select(U.login, A.station).outerjoin(U, A.user_id == U.id)
                                  .where(A.action == action).order_by(A.id.desc()).limit(1)).first()
    return (row[0], row[1]) if row else (None, None)


def test_the_right_person_works_and_the_audit_names_them(central, tmp_path, capsys, sign_in_as):
    station = f"cli:{socket.gethostname()}"[:40]
    with central.unit_of_work() as uow:
        shipped = uow.session.scalars(select(models.Order.order_no).where(models.Order.status == "shipped")).first()
    assert main(["label", shipped, "-o", str(tmp_path / "l.pdf"), "--db", central.url, "--reason", "copy for the file",
                 *sign_in_as("packer1", "3333")]) == 0
    assert _audit_of(central, "customer_data_opened") == ("packer1", station)
    assert main(["slip", shipped, "-o", str(tmp_path / "s.pdf"), "--db", central.url,
                 *sign_in_as("super1", "5555")]) == 0
    assert _audit_of(central, "customer_data_opened") == ("super1", station)
    assert main(["intake", "--db", central.url, *sign_in_as("super1", "5555")]) in (0, 1)
    assert _audit_of(central, "intake") == ("super1", station)
    assert main(["report", "--from", "2026-01-01", "--to", "2026-12-31", "--db", central.url,
                 *sign_in_as("super1", "5555")]) == 0
    assert "Figures" in capsys.readouterr().out
    assert _audit_of(central, "sign_out") == ("super1", None) or _audit_of(central, "sign_out")[0] == "super1"


@pytest.mark.parametrize("argv", [["orders"], ["stock"], ["stock", "history"], ["stock", "verify"],
                                  ["inbound", "list"], ["replenishment"], ["returns", "list"],
                                  ["manifest", "unmanifested"], ["feedback", "summary", "--from", "2026-01-01",
                                                                 "--to", "2026-01-02"], ["users", "list"],
                                  ["keys", "show"]])
def test_listings_without_customer_data_ask_nobody(central, capsys, argv):
    assert main([*argv, "--db", central.url]) == 0, capsys.readouterr().err


def test_the_installed_command_asks_for_a_person(central, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    program = str(Path(sys.executable).with_name("pickdesk"))
    done = subprocess.run([program, "label", "M1-1", "-o", str(tmp_path / "l.pdf"), "--db", central.url],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "sign in with --user LOGIN" in done.stderr and "Traceback" not in done.stderr
    done = subprocess.run([program, "report", "--from", "2026-01-01", "--to", "2026-01-02", "--db", central.url,
                           "--user", "super1", "--pin-stdin"], input="5555\n", capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
