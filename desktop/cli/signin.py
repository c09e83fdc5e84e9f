"""Who is at the terminal: the sign-in every command that changes data asks for.

A command adds the arguments with `add_sign_in_arguments(parser)` and, before it changes anything,
signs the person in with `signed_in(args, db)`: `--user LOGIN`, the PIN read from the terminal
(`getpass`, not echoed) or, with `--pin-stdin`, the first line of standard input. The sign-in goes
through `desktop.services.auth` like at a station — wrong PINs count towards the lock-out — and is
recorded at the station `cli:HOST`; leaving the `with` block signs out again.

A missing or refused sign-in is a `UsageError`: a clear message and exit status 2. The role is
checked by the service the command calls (`require_role`, as in the app), and a refusal there is a
`NotAllowed`, exit status 2 as well; the audit rows name the person and the station `cli:HOST`.

`has_admin(db)`: while a database has no administrator nobody can sign in, so the commands that
start a warehouse (`users add` of the first admin, `setup import`, `demo --reset`, `db downgrade`)
run without one — and only then. `checked_person(args, db, role)` signs in, checks the role and
signs out again, for the commands that then rebuild the very tables the sign-in lives in.

Standard input is read line by line through `stdin_lines(args)`, so a command that needs more
than the PIN (the new PIN of `users set-pin`) reads the next line from the same stream.
"""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from desktop.cli import UsageError
from desktop.domain.actor import Actor
from desktop.domain.errors import PickdeskError, SignInRefused
from desktop.domain.roles import Role, require_role

if TYPE_CHECKING:  # every subcommand's parser imports this module: the database layer only when one runs
    from desktop.db.database import Database


def add_sign_in_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="LOGIN", default=None, help="who you are (your PIN is asked for)")
    parser.add_argument("--pin-stdin", action="store_true",
                        help="read your PIN from the first line of standard input instead of the terminal")


def cli_station() -> str:
    """The station name a command-line sign-in is recorded at (at most 40 characters)."""
    return f"cli:{socket.gethostname()}"[:40]


class StdinLines:
    """Standard input read one line at a time, on demand, shared by everything a command reads."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def next(self, what: str) -> str:
        line = self._stream.readline()
        if not line:
            raise UsageError(f"standard input ended before {what}")
        return line.rstrip("\r\n")


def stdin_lines(args: argparse.Namespace, stream: TextIO | None = None) -> StdinLines:
    """The one reader of standard input for this command (made on first use)."""
    reader = getattr(args, "_stdin_lines", None)
    if reader is None:
        reader = StdinLines(stream if stream is not None else sys.stdin)
        args._stdin_lines = reader
    return reader


def read_secret(args: argparse.Namespace, from_stdin: bool, what: str, prompt: str,
                ask: Callable[[str], str] | None = None) -> str:
    """A PIN from standard input's next line (`from_stdin`) or typed at the terminal, not echoed."""
    if from_stdin:
        return stdin_lines(args).next(what)
    try:
        return (ask or getpass.getpass)(prompt)
    except (EOFError, KeyboardInterrupt):
        raise UsageError(f"no {what} given") from None


def sign_in(args: argparse.Namespace, db: Database, *, ask: Callable[[str], str] | None = None) -> Actor:
    """Sign the person named by `--user` in; UsageError (exit 2) when they cannot be."""
    login = (getattr(args, "user", None) or "").strip()
    if not login:
        raise UsageError("this reads customer data or changes data: sign in with --user LOGIN "
                         "(your PIN from the terminal, or from standard input with --pin-stdin)")
    from desktop.services import auth

    pin = read_secret(args, getattr(args, "pin_stdin", False), "your PIN", f"PIN for {login}: ", ask)
    try:
        with db.unit_of_work() as uow:
            return auth.sign_in_with_pin(uow, login, pin, cli_station())
    except SignInRefused as exc:
        raise UsageError(f"sign-in refused: {exc.message}") from exc
    except PickdeskError as exc:
        raise UsageError(exc.message) from exc


def has_admin(db: Database) -> bool:
    """The database has an active administrator (so someone can, and must, sign in)."""
    from sqlalchemy import func, select

    from desktop.db import models

    with db.unit_of_work() as uow:
        U = models.User
        return bool(uow.session.scalar(select(func.count()).select_from(U)
                                       .where(U.role == Role.ADMIN.value, U.active.is_(True))))


def checked_person(args: argparse.Namespace, db: Database, *roles: Role) -> Actor:
    """Sign in, check the role, sign out: who may go on with a command that remakes the database."""
    with signed_in(args, db) as actor:
        require_role(actor.role, *roles)
        with db.unit_of_work(actor) as uow:
            uow.audit("cli_checked", "user", actor.login, command=getattr(args, "command", None),
                      roles=[r.value for r in roles])
            uow.commit()
    return actor


@contextmanager
def signed_in(args: argparse.Namespace, db: Database, *,
              ask: Callable[[str], str] | None = None) -> Iterator[Actor]:
    """Signed in for the length of the block, signed out after it."""
    actor = sign_in(args, db, ask=ask)
    try:
        yield actor
    finally:
        from desktop.services import auth

        with db.unit_of_work(actor) as uow:
            auth.sign_out(uow, actor)
