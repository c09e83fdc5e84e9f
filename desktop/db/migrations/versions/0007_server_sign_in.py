"""The server keeps the books: sign-in, lock-outs, PINs and the audit log's who, when and where.

PostgreSQL only (SQLite is one machine without roles; there the services do the same in Python):

* `station_sessions` (both engines, for one schema): who is signed in at each database login, and
  a PIN attempt waiting for its second step.
* SECURITY DEFINER functions, owned by the schema owner with `search_path` pinned, for what no
  station may do with a table UPDATE: a PIN attempt in two steps (`pickdesk_pin_attempt`, then
  `pickdesk_pin_finish`), a badge scan, signing out, setting, clearing and changing PINs,
  unlocking, and reading whether people hold a PIN or badge. No station role may read
  `users.pin_hash` or `users.badge_hash` (desktop/db/roles.py); these functions compare them.
* A trigger on `audit_log` that, for a station's login, writes the server's time, the login's name
  as the station and the person signed in there as the user, whatever the client sent.

Why two steps for a PIN: a counter raised in the caller's transaction would be undone by a hostile
station that rolls back after each wrong guess. Step one stores the candidate and raises the
counter pessimistically and must be committed; only step two, in a later transaction, compares.

The numbers (5 wrong PINs lock for 5 minutes) are the server's copy of
`desktop.services.auth.MAX_FAILED_ATTEMPTS` / `LOCK_DURATION`; a migration must not change later,
so changing them is a new migration (a test checks that both agree).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

MAX_FAILED_ATTEMPTS = 5
LOCK_MINUTES = 5
# The group every station login belongs to (desktop/db/roles.py makes it); the functions tell a
# station from the schema owner by it. Role names are cluster-wide; nothing here needs it to exist.
STATION_GROUP = 'pickdesk_station'

FUNCTIONS = (
    'pickdesk_is_station()',
    'pickdesk_session_user_id()',
    'pickdesk_may_admin()',
    'pickdesk_pin_attempt(text, text, text)',
    'pickdesk_pin_finish(text, text, text)',
    'pickdesk_badge(text, text, text)',
    'pickdesk_sign_out(text)',
    'pickdesk_set_pin(text, text)',
    'pickdesk_clear_pin(text)',
    'pickdesk_unlock(text)',
    'pickdesk_credentials()',
    'pickdesk_audit_stamp()',
)


def _sql(schema: str) -> list[str]:
    definer = f"SECURITY DEFINER SET search_path = {schema}, pg_temp"
    return [
        # Membership walked by hand: pg_has_role() counts a superuser as a member of every role.
        f"""CREATE FUNCTION pickdesk_is_station() RETURNS boolean LANGUAGE sql STABLE {definer} AS $$
            WITH RECURSIVE up(oid) AS (
                SELECT oid FROM pg_roles WHERE rolname = session_user
                UNION SELECT m.roleid FROM pg_auth_members m JOIN up ON m.member = up.oid)
            SELECT EXISTS (SELECT 1 FROM up JOIN pg_roles r ON r.oid = up.oid WHERE r.rolname = '{STATION_GROUP}')
        $$""",
        f"""CREATE FUNCTION pickdesk_session_user_id() RETURNS integer LANGUAGE sql STABLE {definer} AS $$
            SELECT s.user_id FROM station_sessions s JOIN users u ON u.id = s.user_id
             WHERE s.db_role = session_user AND u.active
        $$""",
        # The schema owner (an administrator's tools) may; a station only while an active admin is signed in there.
        f"""CREATE FUNCTION pickdesk_may_admin() RETURNS boolean LANGUAGE sql STABLE {definer} AS $$
            SELECT NOT pickdesk_is_station() OR EXISTS (
                SELECT 1 FROM users WHERE id = pickdesk_session_user_id() AND role = 'admin' AND active)
        $$""",
        # Step one: the candidate (the argon2id hash the station computed from the typed PIN with the
        # salt and parameters of `setting`) is stored and the counter raised, as if it were wrong.
        # The caller commits; `state` says whether step two may follow. Called with a NULL
        # candidate it only returns `setting` and counts nothing: the hash with its last field (the
        # digest) replaced by that field's length, so the station can compute a candidate but learns
        # nothing it could sign in with.
        f"""CREATE FUNCTION pickdesk_pin_attempt(p_login text, p_candidate text, p_station text)
            RETURNS TABLE(state text, setting text, wait_seconds integer) LANGUAGE plpgsql {definer} AS $$
            #variable_conflict use_column
            DECLARE u users%ROWTYPE;
            BEGIN
                SELECT * INTO u FROM users WHERE login = btrim(p_login) FOR UPDATE;
                IF NOT FOUND OR NOT u.active THEN
                    RETURN QUERY SELECT 'refused'::text, NULL::text, 0; RETURN;
                END IF;
                IF coalesce(u.pin_hash, '') = '' THEN
                    RETURN QUERY SELECT 'no_pin'::text, NULL::text, 0; RETURN;
                END IF;
                IF u.locked_until IS NOT NULL AND u.locked_until > now() THEN
                    RETURN QUERY SELECT 'locked'::text, NULL::text,
                        greatest(1, ceil(extract(epoch FROM u.locked_until - now())))::integer;
                    RETURN;
                END IF;
                IF p_candidate IS NULL THEN
                    RETURN QUERY SELECT 'ready'::text, regexp_replace(u.pin_hash, '[$][^$]*$', '')
                        || '$' || length(substring(u.pin_hash FROM '[$]([^$]*)$')), 0;
                    RETURN;
                END IF;
                IF u.failed_attempts + 1 >= {MAX_FAILED_ATTEMPTS} THEN
                    UPDATE users SET failed_attempts = 0, locked_until = now() + interval '{LOCK_MINUTES} minutes'
                     WHERE id = u.id;
                ELSE
                    UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = u.id;
                END IF;
                INSERT INTO station_sessions (db_role, pending_user_id, pending_candidate, pending_at)
                VALUES (session_user, u.id, left(p_candidate, 200), now())
                ON CONFLICT (db_role) DO UPDATE SET pending_user_id = EXCLUDED.pending_user_id,
                    pending_candidate = EXCLUDED.pending_candidate, pending_at = EXCLUDED.pending_at;
                RETURN QUERY SELECT 'pending'::text, NULL::text, 0;
            END
        $$""",
        # Step two, in a later transaction: compare the stored candidate. `purpose`: sign_in (the
        # person becomes the one signed in at this login), verify (a supervisor at a packer's
        # bench: nothing else changes) or change_pin (p_new_hash replaces their PIN). A wrong
        # candidate leaves the counter raised and writes sign_in_failed; a right one clears it.
        f"""CREATE FUNCTION pickdesk_pin_finish(p_purpose text, p_station text, p_new_hash text)
            RETURNS TABLE(outcome text, user_id integer) LANGUAGE plpgsql {definer} AS $$
            #variable_conflict use_column
            DECLARE s station_sessions%ROWTYPE; u users%ROWTYPE;
            BEGIN
                IF p_purpose NOT IN ('sign_in', 'verify', 'change_pin') THEN
                    RAISE EXCEPTION USING MESSAGE = 'unknown purpose: ' || p_purpose, ERRCODE = '22023';
                END IF;
                SELECT * INTO s FROM station_sessions WHERE db_role = session_user FOR UPDATE;
                IF NOT FOUND OR s.pending_user_id IS NULL OR s.pending_at < now() - interval '2 minutes' THEN
                    RETURN QUERY SELECT 'refused'::text, NULL::integer; RETURN;
                END IF;
                UPDATE station_sessions SET pending_user_id = NULL, pending_candidate = NULL, pending_at = NULL
                 WHERE db_role = session_user;
                SELECT * INTO u FROM users WHERE id = s.pending_user_id FOR UPDATE;
                IF NOT u.active OR coalesce(u.pin_hash, '') = '' OR s.pending_candidate IS DISTINCT FROM u.pin_hash THEN
                    INSERT INTO audit_log (at, station, action, entity, entity_id, detail)
                    VALUES (now(), left(p_station, 40),
                            CASE p_purpose WHEN 'verify' THEN 'supervisor_check_failed' ELSE 'sign_in_failed' END,
                            'user', u.id::text, jsonb_build_object('purpose', p_purpose));
                    RETURN QUERY SELECT 'refused'::text, u.id; RETURN;
                END IF;
                IF p_purpose = 'change_pin' THEN
                    IF u.id IS DISTINCT FROM pickdesk_session_user_id() AND pickdesk_is_station() THEN
                        RETURN QUERY SELECT 'refused'::text, u.id; RETURN;
                    END IF;
                    IF p_new_hash IS NULL OR p_new_hash NOT LIKE '$argon2id$_%' THEN
                        RAISE EXCEPTION 'not an argon2id hash' USING ERRCODE = '22023';
                    END IF;
                    UPDATE users SET pin_hash = p_new_hash, failed_attempts = 0, locked_until = NULL WHERE id = u.id;
                    RETURN QUERY SELECT 'ok'::text, u.id; RETURN;
                END IF;
                UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = u.id;
                IF p_purpose = 'sign_in' THEN
                    UPDATE users SET last_sign_in_at = now() WHERE id = u.id;
                    UPDATE station_sessions SET user_id = u.id, station = left(p_station, 40), signed_in_at = now()
                     WHERE db_role = session_user;
                END IF;
                RETURN QUERY SELECT 'ok'::text, u.id;
            END
        $$""",
        # A badge: the HMAC the station computed of what was scanned. purpose sign_in or verify (an
        # active holder with a PIN who is not locked), or lookup (who holds it: an admin enrolling).
        f"""CREATE FUNCTION pickdesk_badge(p_digest text, p_purpose text, p_station text)
            RETURNS TABLE(outcome text, user_id integer) LANGUAGE plpgsql {definer} AS $$
            #variable_conflict use_column
            DECLARE u users%ROWTYPE;
            BEGIN
                IF p_purpose = 'lookup' THEN
                    IF NOT pickdesk_may_admin() THEN
                        RAISE EXCEPTION 'only an administrator looks badges up' USING ERRCODE = '42501';
                    END IF;
                    RETURN QUERY SELECT 'ok'::text, id FROM users WHERE badge_hash = p_digest; RETURN;
                END IF;
                IF p_purpose NOT IN ('sign_in', 'verify') THEN
                    RAISE EXCEPTION USING MESSAGE = 'unknown purpose: ' || p_purpose, ERRCODE = '22023';
                END IF;
                SELECT * INTO u FROM users WHERE badge_hash = p_digest FOR UPDATE;
                IF NOT FOUND OR NOT u.active THEN
                    INSERT INTO audit_log (at, station, action, entity, detail)
                    VALUES (now(), left(p_station, 40), 'badge_refused', 'user', jsonb_build_object('purpose', p_purpose));
                    RETURN QUERY SELECT 'refused'::text, NULL::integer; RETURN;
                END IF;
                IF coalesce(u.pin_hash, '') = '' THEN
                    RETURN QUERY SELECT 'no_pin'::text, u.id; RETURN;
                END IF;
                IF u.locked_until IS NOT NULL AND u.locked_until > now() THEN
                    RETURN QUERY SELECT 'locked'::text, u.id; RETURN;
                END IF;
                IF p_purpose = 'sign_in' THEN
                    UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = now() WHERE id = u.id;
                    INSERT INTO station_sessions (db_role, user_id, station, signed_in_at)
                    VALUES (session_user, u.id, left(p_station, 40), now())
                    ON CONFLICT (db_role) DO UPDATE SET user_id = EXCLUDED.user_id, station = EXCLUDED.station,
                        signed_in_at = EXCLUDED.signed_in_at;
                END IF;
                RETURN QUERY SELECT 'ok'::text, u.id;
            END
        $$""",
        f"""CREATE FUNCTION pickdesk_sign_out(p_station text) RETURNS void LANGUAGE sql {definer} AS $$
            UPDATE station_sessions SET user_id = NULL, station = NULL, signed_in_at = NULL
             WHERE db_role = session_user
        $$""",
        f"""CREATE FUNCTION pickdesk_set_pin(p_login text, p_hash text) RETURNS boolean LANGUAGE plpgsql {definer} AS $$
            BEGIN
                IF NOT pickdesk_may_admin() THEN
                    RAISE EXCEPTION 'only an administrator sets PINs' USING ERRCODE = '42501';
                END IF;
                IF p_hash IS NULL OR p_hash NOT LIKE '$argon2id$_%' THEN
                    RAISE EXCEPTION 'not an argon2id hash' USING ERRCODE = '22023';
                END IF;
                UPDATE users SET pin_hash = p_hash, failed_attempts = 0, locked_until = NULL WHERE login = p_login;
                RETURN FOUND;
            END
        $$""",
        f"""CREATE FUNCTION pickdesk_clear_pin(p_login text) RETURNS boolean LANGUAGE plpgsql {definer} AS $$
            BEGIN
                IF NOT pickdesk_may_admin() THEN
                    RAISE EXCEPTION 'only an administrator clears PINs' USING ERRCODE = '42501';
                END IF;
                UPDATE users SET pin_hash = NULL WHERE login = p_login;
                IF NOT FOUND THEN RETURN false; END IF;
                UPDATE station_sessions SET user_id = NULL, station = NULL, signed_in_at = NULL
                 WHERE user_id = (SELECT id FROM users WHERE login = p_login);
                RETURN true;
            END
        $$""",
        f"""CREATE FUNCTION pickdesk_unlock(p_login text) RETURNS boolean LANGUAGE plpgsql {definer} AS $$
            #variable_conflict use_column
            DECLARE was_locked boolean;
            BEGIN
                IF NOT pickdesk_may_admin() THEN
                    RAISE EXCEPTION 'only an administrator unlocks people' USING ERRCODE = '42501';
                END IF;
                SELECT locked_until IS NOT NULL AND locked_until > now() INTO was_locked FROM users WHERE login = p_login;
                UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE login = p_login;
                RETURN coalesce(was_locked, false);
            END
        $$""",
        f"""CREATE FUNCTION pickdesk_credentials() RETURNS TABLE(user_id integer, has_pin boolean, has_badge boolean)
            LANGUAGE sql STABLE {definer} AS $$
            SELECT id, coalesce(pin_hash, '') <> '', badge_hash IS NOT NULL FROM users
        $$""",
        # The audit row's time, station and person, decided by the server for a station's login.
        f"""CREATE FUNCTION pickdesk_audit_stamp() RETURNS trigger LANGUAGE plpgsql {definer} AS $$
            BEGIN
                IF pickdesk_is_station() THEN
                    NEW.at := clock_timestamp();
                    NEW.station := left(session_user, 40);
                    NEW.user_id := pickdesk_session_user_id();
                END IF;
                RETURN NEW;
            END
        $$""",
        "CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION pickdesk_audit_stamp()",
        # A station may not even try to edit history: refused here too, not only by missing grants.
        f"""CREATE FUNCTION pickdesk_audit_frozen() RETURNS trigger LANGUAGE plpgsql {definer} AS $$
            BEGIN
                IF pickdesk_is_station() THEN
                    RAISE EXCEPTION 'the audit log cannot be changed' USING ERRCODE = '42501';
                END IF;
                RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
            END
        $$""",
        "CREATE TRIGGER audit_log_frozen BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW "
        "EXECUTE FUNCTION pickdesk_audit_frozen()",
    ] + [f"REVOKE ALL ON FUNCTION {f} FROM PUBLIC" for f in FUNCTIONS + ('pickdesk_audit_frozen()',)]


def upgrade() -> None:
    op.create_table('station_sessions',
    sa.Column('db_role', sa.String(length=63), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('station', sa.String(length=40), nullable=True),
    sa.Column('signed_in_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('pending_user_id', sa.Integer(), nullable=True),
    sa.Column('pending_candidate', sa.String(length=200), nullable=True),
    sa.Column('pending_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_station_sessions_user_id_users')),
    sa.ForeignKeyConstraint(['pending_user_id'], ['users.id'],
                            name=op.f('fk_station_sessions_pending_user_id_users')),
    sa.PrimaryKeyConstraint('db_role', name=op.f('pk_station_sessions')),
    )
    conn = op.get_bind()
    if conn.dialect.name != 'postgresql':
        return
    schema = conn.execute(sa.text("SELECT current_schema()")).scalar()
    for statement in _sql(f'"{schema}"'):
        conn.exec_driver_sql(statement.replace('%', '%%'))  # psycopg reads % as a placeholder


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == 'postgresql':
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_stamp ON audit_log")
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_frozen ON audit_log")
        for function in FUNCTIONS + ('pickdesk_audit_frozen()',):
            conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {function}")
    op.drop_table('station_sessions')
