"""`pickdesk users list|add|retire|set-pin` as the set-up format page says: the first admin, then sign-in."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.services import auth


@pytest.fixture
def url(tmp_path, monkeypatch) -> str:
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    return f"sqlite:///{tmp_path / 'central.sqlite3'}"


def run(url: str, *argv: str, stdin: str = "", monkeypatch: pytest.MonkeyPatch, capsys) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        code = main(["--db", url, *argv])
    except SystemExit as exc:  # argparse
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def users(url: str) -> dict[str, models.User]:
    db = Database.open(url)
    try:
        with db.unit_of_work() as uow:
            return {u.login: u for u in uow.session.scalars(select(models.User))}
    finally:
        db.dispose()


def can_sign_in(url: str, login: str, pin: str) -> bool:
    db = Database.open(url)
    try:
        with db.unit_of_work() as uow:
            auth.sign_in_with_pin(uow, login, pin, "TEST")
        return True
    except auth.SignInRefused:
        return False
    finally:
        db.dispose()


def test_first_admin_then_everything_asks_who_is_there(url, monkeypatch, capsys) -> None:
    def cli(*argv, stdin=""):
        return run(url, *argv, stdin=stdin, monkeypatch=monkeypatch, capsys=capsys)

    # An empty database: only an admin can be the first person, and without sign-in.
    code, _, err = cli("users", "add", "wang.fang", "--role", "picker", "--name", "Wang Fang")
    assert code == 2 and "no administrator yet" in err and users(url) == {}
    code, out, _ = cli("users", "add", "boss", "--role", "admin", "--name", "Boss Lin", "--new-pin-stdin", stdin="2468\n")
    assert code == 0 and "first administrator" in out
    assert can_sign_in(url, "boss", "2468")

    # From now on: no --user, a wrong PIN, an empty standard input are all refused with status 2.
    add = ("users", "add", "wang.fang", "--role", "receiver", "--name", "Wang Fang", "--name-zh", "王芳",
           "--badge", "HZ-0007")
    code, _, err = cli(*add)
    assert code == 2 and "--user LOGIN" in err
    code, _, err = cli(*add, "--user", "boss", "--pin-stdin", stdin="1111\n")
    assert code == 2 and "sign-in refused: Unknown user or wrong PIN." in err
    code, _, err = cli(*add, "--user", "boss", "--pin-stdin", stdin="")
    assert code == 2 and "standard input ended" in err
    assert set(users(url)) == {"boss"} and users(url)["boss"].failed_attempts == 1

    code, out, _ = cli(*add, "--user", "boss", "--pin-stdin", stdin="2468\n")
    assert code == 0 and "no PIN yet" in out
    assert not can_sign_in(url, "wang.fang", "1234")
    code, _, err = cli(*add, "--user", "boss", "--pin-stdin", stdin="2468\n")
    assert code == 2 and "is taken" in err

    # set-pin: the admin's PIN on the first line, the new one on the second.
    code, _, err = cli("users", "set-pin", "wang.fang", "--user", "boss", "--pin-stdin", "--new-pin-stdin",
                       stdin="2468\n12\n")
    assert code == 2 and "4 to 8 digits" in err
    code, out, _ = cli("users", "set-pin", "wang.fang", "--user", "boss", "--pin-stdin", "--new-pin-stdin",
                       stdin="2468\n8642\n")
    assert code == 0 and can_sign_in(url, "wang.fang", "8642")

    # list: no hashes, no badge codes; who has a PIN, who is signed in where (the admin is signed out again).
    code, out, _ = cli("users", "list", "--json")
    rows = {r["login"]: r for r in json.loads(out)}
    assert code == 0 and rows["wang.fang"]["role"] == "receiver" and rows["wang.fang"]["pin_set"]
    assert rows["wang.fang"]["badge_set"] and rows["wang.fang"]["signed_in_at"] == ["TEST"]
    assert rows["boss"]["signed_in_at"] == []
    assert "argon2" not in out and "HZ-0007" not in out and "8642" not in out
    code, out, _ = cli("users", "list")
    assert code == 0 and "wang.fang" in out and "Wang Fang 王芳" in out and "argon2" not in out

    # retire, by a signed-in admin; the last admin cannot be retired.
    code, _, err = cli("users", "retire", "boss", "--user", "boss", "--pin-stdin", stdin="2468\n")
    assert code == 2 and "last active administrator" in err
    code, out, _ = cli("users", "retire", "wang.fang", "--user", "boss", "--pin-stdin", stdin="2468\n")
    assert code == 0 and not users(url)["wang.fang"].active
    assert not can_sign_in(url, "wang.fang", "8642")


def test_pins_typed_at_the_terminal(url, monkeypatch, capsys) -> None:
    import getpass

    answers: list[str] = []
    prompts: list[str] = []

    def typed(prompt: str = "") -> str:
        prompts.append(prompt)
        return answers.pop(0)

    monkeypatch.setattr(getpass, "getpass", typed)
    answers[:] = ["2468", "2468"]
    code, _, _ = run(url, "users", "add", "boss", "--role", "admin", "--name", "Boss", monkeypatch=monkeypatch,
                     capsys=capsys)
    assert code == 0 and prompts == ["New PIN for boss: ", "The same PIN again: "]
    answers[:] = ["2468", "1357", "1375"]  # the admin's PIN, then a new PIN typed differently twice
    code, _, err = run(url, "users", "add", "li", "--role", "picker", "--name", "Li", "--with-pin", "--user", "boss",
                       monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and "differ" in err and "li" not in users(url)
    answers[:] = ["2468", "1357", "1357"]
    code, _, _ = run(url, "users", "add", "li", "--role", "picker", "--name", "Li", "--with-pin", "--user", "boss",
                     monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and can_sign_in(url, "li", "1357")
    assert prompts[-3:] == ["PIN for boss: ", "New PIN for li: ", "The same PIN again: "]


def test_the_installed_command_reads_pins_from_a_pipe(url, tmp_path) -> None:
    """The real `pickdesk` program, PINs piped into its standard input."""
    exe = Path(sys.executable).with_name("pickdesk")
    env = {**os.environ, "PICKDESK_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}

    def pickdesk(*argv: str, stdin: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(exe), "--db", url, *argv], input=stdin, capture_output=True, text=True,
                              env=env, timeout=120)

    first = pickdesk("users", "add", "boss", "--role", "admin", "--name", "Boss", "--new-pin-stdin", stdin="2468\n")
    assert first.returncode == 0, first.stderr
    added = pickdesk("users", "add", "zhou", "--role", "packer", "--name", "Zhou", "--user", "boss", "--pin-stdin",
                     "--new-pin-stdin", stdin="2468\n3579\n")
    assert added.returncode == 0, added.stderr
    assert can_sign_in(url, "zhou", "3579")
    refused = pickdesk("users", "set-pin", "zhou", "--user", "zhou", "--pin-stdin", "--new-pin-stdin",
                       stdin="3579\n1111\n")
    assert refused.returncode == 2 and "needs the role admin" in refused.stderr
