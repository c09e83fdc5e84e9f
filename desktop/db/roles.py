"""Least privilege on PostgreSQL: what a station may do, as SQL an administrator runs once.

Stations read everything they show and write only what their people do; they never change the
schema (migrations run as the schema owner: `pickdesk db upgrade` by an administrator), never
delete history (audit log, change feed, status history, pick events, tracking events), and never
read other databases. The table below is the whole grant.
"""

from __future__ import annotations

import re

from desktop.db.models import Base

# table → what a station may do besides SELECT
STATION_WRITES: dict[str, str] = {
    # append-only history
    "audit_log": "INSERT",
    "change_feed": "INSERT",
    "order_status_changes": "INSERT",
    "pick_events": "INSERT",
    "tracking_events": "INSERT",
    "feedback": "INSERT",
    # work people do every day
    "orders": "INSERT, UPDATE",
    "order_lines": "INSERT, UPDATE",
    "reservations": "INSERT, UPDATE, DELETE",
    "stock": "INSERT, UPDATE",
    "lots": "INSERT",
    "stock_transfers": "INSERT, UPDATE",
    "replenishment_requests": "INSERT, UPDATE",
    "pick_batches": "INSERT, UPDATE",
    "pick_tasks": "INSERT, UPDATE, DELETE",
    "totes": "UPDATE",
    "parcels": "INSERT, UPDATE",
    "parcel_items": "INSERT, UPDATE, DELETE",
    "shipments": "INSERT, UPDATE",
    "manifests": "INSERT, UPDATE",
    "returns": "INSERT, UPDATE",
    "return_lines": "INSERT, UPDATE",
    "notifications": "INSERT, UPDATE",
    "exceptions": "INSERT, UPDATE",
    "stations": "INSERT, UPDATE",
    "users": "UPDATE",  # failed sign-in counts and last sign-in; creating users is an admin's job
}
# Reference data: read-only for stations (merchants, SKUs, locations, warehouses, carriers, promotions).

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def station_role_sql(role: str, database: str, schema: str = "public") -> str:
    """The SQL that creates (if missing) and grants the station role. Idempotent."""
    if not ROLE_NAME.match(role) or not ROLE_NAME.match(schema):
        raise ValueError(f"not a plain PostgreSQL name: {role!r} / {schema!r}")
    if not re.match(r"^[A-Za-z0-9_\-]{1,63}$", database):
        raise ValueError(f"not a plain database name: {database!r}")
    tables = sorted(Base.metadata.tables)
    unknown = set(STATION_WRITES) - set(tables)
    if unknown:
        raise ValueError(f"grants name tables that do not exist: {sorted(unknown)}")
    lines = [
        "-- Pickdesk station role: read what stations show, write what their people do, nothing else.",
        "DO $$ BEGIN",
        f"  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN",
        f"    CREATE ROLE {role} LOGIN;",
        "  END IF;",
        "END $$;",
        f"REVOKE ALL ON DATABASE \"{database}\" FROM PUBLIC;",
        f"GRANT CONNECT ON DATABASE \"{database}\" TO {role};",
        f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC;",
        f"GRANT USAGE ON SCHEMA {schema} TO {role};",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role};",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role};",
    ]
    for table in tables:
        if table in STATION_WRITES:
            lines.append(f"GRANT {STATION_WRITES[table]} ON {schema}.{table} TO {role};")
    return "\n".join(lines) + "\n"
