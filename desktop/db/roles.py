"""Least privilege on PostgreSQL: what a station of each kind may do, as SQL an administrator runs.

A station connects as its own login role (`pickdesk db station-role NAME --kind KIND`), a member of
the group of its kind — `pickdesk_picker`, `pickdesk_packer`, `pickdesk_receiver`,
`pickdesk_supervisor`, `pickdesk_admin` — and all of them of `pickdesk_station`, by which the
server's functions and the audit trigger (migration 0007) tell a station from the schema owner.

`GRANTS` below is the whole grant: per table, what each kind may do. On top of it:
- `SEALED` columns (the customer's name, phone, e-mail and street, and the phone's search digest) are readable and writable only by
  the kinds in `SEALED_KINDS`; for every other kind SELECT, INSERT and UPDATE are granted column by
  column without them, so `SELECT customer_name_sealed` fails at the server.
- `SECRET` columns (`users.pin_hash`, `users.badge_hash`) no station may read or write; the server's
  SECURITY DEFINER functions (`FUNCTIONS`) compare and change them.
- A table or kind not named gets nothing. Stations never change the schema (migrations run as the
  schema owner: `pickdesk db upgrade` by an administrator) nor delete history.

Admin stations are a kind of their own (`admin`): a supervisor's grants plus people and set-up. A
PIN is never written by a table UPDATE, even there: `pickdesk_set_pin` checks, at the server, that
an administrator is signed in at that login.
"""

from __future__ import annotations

import re

from desktop.db.models import Base
from desktop.domain.errors import PickdeskError
from desktop.domain.roles import Role

STATION_GROUP = "pickdesk_station"  # the same name as migration 0007's STATION_GROUP


def group_role(kind: Role) -> str:
    return f"pickdesk_{kind.value}"


P, K, R, S, A = Role.PICKER, Role.PACKER, Role.RECEIVER, Role.SUPERVISOR, Role.ADMIN
EVERY = (P, K, R, S, A)

# table → kind → privileges. Reads first, then writes; "SELECT" alone is read-only.
_READ = "SELECT"
_APPEND = "SELECT, INSERT"
_WORK = "SELECT, INSERT, UPDATE"
_ALL = "SELECT, INSERT, UPDATE, DELETE"


def _each(privileges: str, *kinds: Role) -> dict[Role, str]:
    return {k: privileges for k in kinds}


GRANTS: dict[str, dict[Role, str]] = {
    # the schema's version: every station checks it when it opens the database
    "alembic_version": _each(_READ, *EVERY),
    # reference data: the set-up is an admin's
    "warehouses": {**_each(_READ, P, K, R, S), A: _WORK},
    "merchants": {**_each(_READ, P, K, R, S), A: _WORK},
    "skus": {**_each(_READ, P, K, R, S), A: _WORK},
    "locations": {**_each(_READ, P, K, R, S), A: _WORK},
    "carriers": {**_each(_READ, P, K, R, S), A: _WORK},
    "promotions": {K: _READ, S: _READ, A: _WORK},
    "badge_key": _each(_READ, *EVERY),  # the station computes a scanned badge's HMAC (docs/security.md)
    # stock
    "lots": {P: _READ, K: _APPEND, R: _APPEND, S: _APPEND, A: _WORK},
    "stock": {P: "SELECT, UPDATE", K: _WORK, R: _WORK, S: _WORK, A: _WORK},
    # the ledger: every kind that changes stock appends; nobody updates or deletes (trigger of 0009 too)
    "stock_movements": _each(_APPEND, *EVERY),
    # a transfer is sent by the sending warehouse's receiver (a walk ended short asks anew for the rest)
    "stock_transfers": {P: "SELECT, UPDATE", R: _WORK, S: _WORK, A: _WORK},
    # a receiver's landing re-runs backorders' stock gate, which may raise a request (services/landing.py)
    "replenishment_requests": {P: _APPEND, K: _APPEND, R: _WORK, S: _WORK, A: _WORK},
    # pick-face refills: planned by whoever runs low (pick, intake, a receiver), carried out by a receiver
    "replenishment_tasks": {P: _APPEND, K: _READ, R: _WORK, S: _WORK, A: _WORK},
    # counts: a short pick opens one (picker); a receiver counts (blind: see HIDDEN); a supervisor approves
    "stock_counts": {P: _APPEND, R: _WORK, S: _WORK, A: _WORK},
    "stock_count_lines": {R: _APPEND, S: _WORK, A: _WORK},
    # inbound: a supervisor imports notices; the receiver receives and closes them; the sending
    # warehouse's receiver (or picker) writes the notice that goes with a transfer (services/transfers.py).
    # Importing arbitrary notices stays a supervisor's: the service refuses a receiver (inbound.import_notices).
    "inbound_notices": {P: _APPEND, R: _WORK, S: _WORK, A: _WORK},
    "inbound_lines": {P: _APPEND, R: _APPEND, S: _APPEND, A: _APPEND},
    "inbound_receipts": {R: _APPEND, S: _APPEND, A: _APPEND},
    # orders (their sealed columns: see SEALED)
    # a receiver's put-away onto a pick face releases the orders backordered for it (intake's stock gate)
    "orders": {P: "SELECT, UPDATE", K: "SELECT, UPDATE", R: "SELECT, UPDATE", S: _WORK, A: _WORK},
    "order_lines": {P: "SELECT, UPDATE", K: "SELECT, UPDATE", R: _READ, S: _WORK, A: _WORK},
    "reservations": {P: "SELECT, UPDATE, DELETE", K: _READ, R: "SELECT, INSERT, DELETE", S: _ALL, A: _ALL},
    "order_status_changes": _each(_APPEND, *EVERY),
    # order shaping (docs/intake.md): intake (a supervisor) merges and splits; a picker's cart closes
    # a merged shipment's group when picking begins; the mall's settings are an admin's
    "order_groups": {P: "SELECT, UPDATE", K: _READ, S: _WORK, A: _WORK},
    "mall_settings": {**_each(_READ, P, K, R, S), A: _WORK},
    # picking
    # a transfer's walk is a batch of kind "transfer" of the sending warehouse's receiver
    "pick_batches": {P: _WORK, K: _READ, R: _WORK, S: _WORK, A: _WORK},
    "pick_tasks": {P: _ALL, K: _READ, S: _ALL, A: _ALL},
    "pick_events": {P: _APPEND, K: _READ, S: _APPEND, A: _APPEND},
    # waves (docs/waves.md): released by a supervisor; a picker's next_batch plans urgent arrivals
    # into a small wave of its own and closes a wave when its last cart is picked
    "waves": {P: _WORK, K: _READ, S: _WORK, A: _WORK},
    "carrier_cutoffs": {**_each(_READ, P, K, S), A: _ALL},
    # the put wall (a packer's screen): slots are made with the wave, filled by the packer's scans
    "put_wall_slots": {K: "SELECT, UPDATE", S: _WORK, A: _WORK},
    "put_wall_puts": {K: _APPEND, S: _APPEND, A: _APPEND},
    # an order cancelled after release (docs/waves.md): the units picked for it go back to their bin;
    # made by the cancellation (a supervisor's), done at the drop-off or the bench (a packer's)
    "put_backs": {K: "SELECT, UPDATE", S: _WORK, A: _WORK},
    # a picker registers a new tote at the cart (services/picking.bind_tote); a packer only frees them
    "totes": {P: _WORK, K: "SELECT, UPDATE", S: "SELECT, UPDATE", A: _WORK},
    # packing and shipping
    "parcels": {P: _READ, K: _WORK, S: _WORK, A: _WORK},
    "parcel_items": {K: _ALL, S: _ALL, A: _ALL},
    "shipments": {K: _WORK, S: _WORK, A: _WORK},
    "manifests": {K: _WORK, S: _WORK, A: _WORK},
    "tracking_events": {K: _READ, S: _APPEND, A: _APPEND},
    # carrier accounts: read by the kinds that call a carrier (the packer requests waybills, the
    # supervisor polls routes and intercepts); entered by an admin. Picker and receiver: nothing.
    "carrier_accounts": {K: _READ, S: _READ, A: _WORK},
    "waybills": {K: _WORK, S: _WORK, A: _WORK},
    # the tracking service's subscriptions: the supervisor's tracking commands and push receiver keep them
    "tracking_subscriptions": {S: _WORK, A: _WORK},
    # after-sales
    "returns": {K: _WORK, S: _WORK, A: _WORK},
    "return_lines": {K: _WORK, S: _WORK, A: _WORK},
    "notifications": {K: _APPEND, S: _WORK, A: _WORK},
    "feedback": {S: _APPEND, A: _APPEND},
    # people, stations and the record
    # a receiver opens a count's variance case, but may not read the cases (a count is blind)
    "exceptions": {P: _APPEND, K: _APPEND, R: "INSERT", S: _WORK, A: _WORK},
    "users": {**_each(_READ, P, K, R, S), A: _WORK},  # without SECRET; sign-in counters only through FUNCTIONS
    "stations": {**_each(_WORK, P, K, R, S), A: _WORK},
    # INSERT only; the trigger writes the time, station and person. Reading the log is a supervisor's.
    "audit_log": {**_each("INSERT", P, K, R), S: _APPEND, A: _APPEND},
    "change_feed": _each(_APPEND, *EVERY),
    # station_sessions: nobody (the functions only)
    # the customer-data key's fingerprints (never the key): a station checks the key it holds
    "sealing_keys": {K: _READ, S: _APPEND, A: _WORK},
    "key_rotations": {K: _READ, S: _READ, A: _WORK},
}

# Columns of the customer that only these kinds may read or write. The phone's searchable digest
# (`customer_phone_tail`, migration 0018) is one of them, and a packer writes it but never reads it (HIDDEN):
# finding orders by a phone's last digits is a supervisor's.
SEALED: dict[str, tuple[str, ...]] = {
    "orders": (*(c.name for c in Base.metadata.tables["orders"].columns if c.name.endswith("_sealed")),
               "customer_phone_tail"),
}
SEALED_KINDS = frozenset({K, S, A})

# Columns a kind may write but never read: a count is blind, so the counter's station cannot read
# back the expected figure (nor the variance, which gives it away) it stored beside what was counted.
# A packer's reship writes the new order's phone digest, and may not search by it.
HIDDEN: dict[Role, dict[str, tuple[str, ...]]] = {R: {"stock_count_lines": ("expected_qty", "variance")},
                                                  K: {"orders": ("customer_phone_tail",)}}

# Columns no station reads: the server's functions compare them. Nor writes, but for WRITE_ONLY.
SECRET: dict[str, tuple[str, ...]] = {"users": ("pin_hash", "badge_hash")}
# What a kind may write without reading: an admin enrols badges (the HMAC its station computed).
WRITE_ONLY: dict[Role, dict[str, tuple[str, ...]]] = {A: {"users": ("badge_hash",)}}
# Columns every station reads but only the server's functions update: the sign-in bookkeeping.
SERVER_KEPT: dict[str, tuple[str, ...]] = {"users": ("failed_attempts", "locked_until", "last_sign_in_at")}

# Columns a station must be able to read back after an INSERT (RETURNING the new id) though it
# may not otherwise read the table.
RETURNED: dict[str, tuple[str, ...]] = {"audit_log": ("id",), "exceptions": ("id",)}

# function → the kinds that may call it (the functions check the signed-in person where it matters)
_SIGN_IN = ("pickdesk_pin_attempt(text, text, text)", "pickdesk_pin_finish(text, text, text)",
            "pickdesk_badge(text, text, text)", "pickdesk_sign_out(text)",
            "pickdesk_take_over(text)")  # migration 0014: one person, one active session
FUNCTIONS: dict[str, tuple[Role, ...]] = {
    **{f: EVERY for f in _SIGN_IN},
    "pickdesk_set_pin(text, text)": (A,),
    "pickdesk_clear_pin(text)": (A,),
    "pickdesk_unlock(text)": (A,),
    "pickdesk_credentials()": (A,),
}

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class StationRoleRefused(PickdeskError):
    code = "station_role_refused"


def _columns(table: str) -> list[str]:
    if table == "alembic_version":
        return ["version_num"]
    return [c.name for c in Base.metadata.tables[table].columns]


def hidden_columns(table: str, kind: Role, privilege: str = "SELECT") -> set[str]:
    """The columns of `table` this kind may not read (or, for INSERT or UPDATE, write)."""
    hidden = set(SECRET.get(table, ()))
    if privilege != "SELECT":
        hidden -= set(WRITE_ONLY.get(kind, {}).get(table, ()))
    if privilege == "UPDATE":
        hidden |= set(SERVER_KEPT.get(table, ()))
    if kind not in SEALED_KINDS:
        hidden |= set(SEALED.get(table, ()))
    if privilege == "SELECT":
        hidden |= set(HIDDEN.get(kind, {}).get(table, ()))
    return hidden


def privileges(table: str, kind: Role) -> set[str]:
    return {p.strip() for p in GRANTS.get(table, {}).get(kind, "").split(",") if p.strip()}


def _grants_for(kind: Role, schema: str) -> list[str]:
    group = group_role(kind)
    lines = [f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {group};",
             f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {schema} FROM {group};"]
    for table in sorted(GRANTS):
        allowed = privileges(table, kind)
        if "SELECT" not in allowed and table in RETURNED and "INSERT" in allowed:
            cols = ", ".join(RETURNED[table])
            lines.append(f"GRANT SELECT ({cols}) ON {schema}.{table} TO {group};")
        whole, by_column = [], []
        for p in sorted(allowed):
            hidden = set() if p == "DELETE" else hidden_columns(table, kind, p)
            (by_column if hidden else whole).append((p, hidden))
        if whole:
            lines.append(f"GRANT {', '.join(p for p, _ in whole)} ON {schema}.{table} TO {group};")
        for p, hidden in by_column:
            cols = ", ".join(c for c in _columns(table) if c not in hidden)
            lines.append(f"GRANT {p} ({cols}) ON {schema}.{table} TO {group};")
    for function, kinds in FUNCTIONS.items():
        if kind in kinds:
            lines.append(f"GRANT EXECUTE ON FUNCTION {schema}.{function} TO {group};")
    return lines


def _create_role(name: str, options: str) -> list[str]:
    # Roles are cluster-wide: two databases (or two administrators) may create the same group at once.
    return ["DO $$ BEGIN",
            f"  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN",
            f"    CREATE ROLE {name} {options};",
            "  END IF;",
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;",
            "END $$;"]


def _membership(group: str, member: str, *, wanted: bool) -> list[str]:
    """GRANT (or REVOKE) a membership only when it is not already so: no catalog churn, no warnings."""
    test, act = ("NOT ", f"GRANT {group} TO {member}") if wanted else ("", f"REVOKE {group} FROM {member}")
    return ["DO $$ BEGIN",
            f"  IF {test}EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            f"JOIN pg_roles r ON r.oid = m.member WHERE g.rolname = '{group}' AND r.rolname = '{member}') THEN",
            f"    {act};",
            "  END IF;",
            "END $$;"]


def _check(role: str, database: str, schema: str) -> None:
    if not ROLE_NAME.match(role) or not ROLE_NAME.match(schema):
        raise StationRoleRefused(f"Not a plain PostgreSQL name: {role!r} / {schema!r}.",
                                 f"不是有效的 PostgreSQL 名称：{role!r} / {schema!r}。")
    if role == STATION_GROUP or role in {group_role(k) for k in Role}:
        raise StationRoleRefused(f"{role!r} is the name of a group role: give the station its own name.",
                                 f"{role!r} 是角色组的名称：请为工作站另起名称。")
    if not re.match(r"^[A-Za-z0-9_\-]{1,63}$", database):
        raise StationRoleRefused(f"Not a plain database name: {database!r}.", f"不是有效的数据库名称：{database!r}。")
    tables = set(Base.metadata.tables) | {"alembic_version"}
    unknown = set(GRANTS) - tables
    if unknown:
        raise ValueError(f"grants name tables that do not exist: {sorted(unknown)}")


def station_role_sql(role: str, database: str, kind: Role | str, schema: str = "public") -> str:
    """The SQL that makes (if missing) the groups and the login `role` of `kind`, and grants them. Idempotent.

    Every run sets each kind's grants afresh from `GRANTS` (revoke all, then grant), and makes the
    login a member of its kind's group only, so a station moved to another kind loses the old one.
    """
    try:
        kind = Role(kind)
    except ValueError:
        names = ", ".join(k.value for k in Role)
        raise StationRoleRefused(f"{kind!r} is not a station kind: one of {names}.",
                                 f"{kind!r} 不是有效的工作站类型：可选 {names}。") from None
    _check(role, database, schema)
    lines = [f"-- Pickdesk station {role}, kind {kind.value}: read what its people see, write what they do.",
             *_create_role(STATION_GROUP, "NOLOGIN")]
    for k in Role:
        lines += _create_role(group_role(k), "NOLOGIN")
        lines += _membership(STATION_GROUP, group_role(k), wanted=True)
    lines += _create_role(role, "LOGIN")
    for k in Role:
        lines += _membership(group_role(k), role, wanted=k is kind)
    lines += [f"REVOKE ALL ON DATABASE \"{database}\" FROM PUBLIC;",
              f"GRANT CONNECT ON DATABASE \"{database}\" TO {role};",
              f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC;",
              f"GRANT USAGE ON SCHEMA {schema} TO {STATION_GROUP};",
              f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {STATION_GROUP};"]
    for k in Role:
        lines += _grants_for(k, schema)
    return "\n".join(lines) + "\n"
