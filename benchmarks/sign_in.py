"""Sign-in by PIN: the Python bookkeeping on SQLite against the server's functions on PostgreSQL.

    .venv/bin/python benchmarks/sign_in.py [--runs 20] [--pg postgresql+psycopg://postgres@127.0.0.1:5432]

One demo database per engine (20 orders). On PostgreSQL the sign-ins run as a picker station's own
login (`station_role_sql(..., Role.PICKER)`), through `pickdesk_pin_attempt` twice (setting, then the
candidate, committed) and `pickdesk_pin_finish`; on SQLite `auth` reads the hash and verifies it.
Both compute one argon2id hash per sign-in, which dominates. Prints a Markdown table (ms).
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import make_url

from desktop.db.database import Database
from desktop.db.roles import station_role_sql
from desktop.demo.builder import build_demo
from desktop.domain.roles import Role
from desktop.security.crypto import Sealer
from desktop.services import auth


def _time_sign_ins(db: Database, runs: int) -> list[float]:
    times = []
    for n in range(runs):
        start = time.perf_counter()
        with db.unit_of_work() as uow:
            auth.sign_in_with_pin(uow, "picker1", "1111", f"BENCH-{n % 3}")
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    args = ap.parse_args()
    sealer = Sealer(secrets.token_bytes(32))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(f"sqlite:///{Path(tmp) / 'b.sqlite3'}", sealer=sealer)
        build_demo(db, orders=20, seed=1)
        rows.append(("SQLite, Python bookkeeping", _time_sign_ins(db, args.runs)))
        db.dispose()
    name, login = f"pickdesk_bench_{uuid.uuid4().hex[:8]}", f"bench_{uuid.uuid4().hex[:8]}"
    admin = args.pg.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    owner = Database.open(f"{args.pg}/{name}", sealer=sealer)
    try:
        build_demo(owner, orders=20, seed=1)
        rows.append(("PostgreSQL as the schema owner, server functions", _time_sign_ins(owner, args.runs)))
        with owner.engine.begin() as conn:
            conn.execute(text(station_role_sql(login, name, Role.PICKER)))
        station = Database.open(make_url(f"{args.pg}/{name}").set(username=login).render_as_string(hide_password=False),
                                sealer=sealer)
        rows.append(("PostgreSQL as a picker station's login, server functions", _time_sign_ins(station, args.runs)))
        station.dispose()
        with owner.engine.begin() as conn:
            conn.execute(text(f"DROP OWNED BY {login}"))
            conn.execute(text(f"DROP ROLE {login}"))
    finally:
        owner.dispose()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"| sign-in by PIN ({args.runs} runs) | p50 ms | p95 ms | max ms |")
    print("| --- | ---: | ---: | ---: |")
    for label, times in rows:
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"| {label} | {statistics.median(times):.0f} | {p95:.0f} | {max(times):.0f} |")


if __name__ == "__main__":
    main()
