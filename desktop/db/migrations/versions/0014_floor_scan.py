"""One person, one active session: a sign-in takes the person's server session over from any other
station login (PostgreSQL).

`pickdesk_take_over(p_station)`, SECURITY DEFINER like migration 0007's sign-in functions, is called
by the station that has just signed a person in: every other login's `station_sessions` row that
still names this person is cleared (from then on that login's audit rows name nobody), and the
stations they were signed in at are returned, for the audit. The `stations` rows (both engines) are
cleared by the sign-in service itself; the first station sees it and says so.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

FUNCTION = 'pickdesk_take_over(text)'


def _sql(schema: str) -> list[str]:
    definer = f"SECURITY DEFINER SET search_path = {schema}, pg_temp"
    return [
        f"""CREATE FUNCTION pickdesk_take_over(p_station text) RETURNS TABLE(station text)
            LANGUAGE plpgsql {definer} AS $$
            #variable_conflict use_column
            DECLARE me integer := pickdesk_session_user_id();
            BEGIN
                IF me IS NULL THEN
                    RETURN;  -- nobody is signed in at this login: nothing to take over
                END IF;
                RETURN QUERY
                    WITH taken AS (
                        SELECT db_role, station FROM station_sessions
                         WHERE user_id = me AND db_role <> session_user FOR UPDATE
                    ), cleared AS (
                        UPDATE station_sessions s SET user_id = NULL, station = NULL, signed_in_at = NULL
                          FROM taken WHERE s.db_role = taken.db_role
                    )
                    SELECT coalesce(taken.station, taken.db_role)::text FROM taken;
            END
        $$""",
        f"REVOKE ALL ON FUNCTION {FUNCTION} FROM PUBLIC",
    ]


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != 'postgresql':
        return
    schema = conn.execute(sa.text("SELECT current_schema()")).scalar()
    for statement in _sql(f'"{schema}"'):
        conn.exec_driver_sql(statement.replace('%', '%%'))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == 'postgresql':
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {FUNCTION}")
