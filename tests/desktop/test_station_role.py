"""The station roles on PostgreSQL: each kind does its day's work, and the server refuses the rest.

One database for the module (the demo, 30 orders) and one login role per kind, made by the shipped
command (`pickdesk db station-role NAME --kind KIND --apply`). Every forbidden statement is sent as
that login and must fail *at the server* with insufficient privilege — not be skipped by the client.
"""

import secrets
import uuid
from datetime import date, timedelta

import psycopg
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.db.roles import GRANTS, SEALED, station_role_sql
from desktop.db.types import utcnow
from desktop.demo.builder import build_demo
from desktop.domain.errors import NotAllowed, SignInRefused
from desktop.domain.roles import Role
from desktop.security.crypto import Sealer
from desktop.services import auth, packing, people, picking
from desktop.services.stock import list_stock
from desktop.services.supervision.customer import open_customer
from desktop.services.supervision.floor import floor_board
from devices.decode import OrderScan

TODAY = date(2026, 11, 23)
SIGN_IN = {Role.PICKER: ("picker1", "1111"), Role.PACKER: ("packer1", "3333"), Role.RECEIVER: ("receiver1", "6666"),
           Role.SUPERVISOR: ("super1", "5555"), Role.ADMIN: ("admin", "9999")}
pytestmark = pytest.mark.postgres


def as_admin(argv: list[str]) -> int:
    """The command signed in as the demo's admin (once a database has an admin, granting is an admin's)."""
    import io
    from unittest import mock

    with mock.patch("sys.stdin", io.StringIO("9999\n")):
        return main([*argv, "--user", "admin", "--pin-stdin"])


class Site:
    """The module's database: the owner's connection and a station (its own login) per kind."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sealer = Sealer(secrets.token_bytes(32))
        self.owner = Database.open(url, sealer=self.sealer)
        build_demo(self.owner, orders=30, seed=3, as_of=TODAY)
        tag = uuid.uuid4().hex[:6]
        self.logins = {kind: f"st_{kind.value}_{tag}" for kind in Role}
        self.stations: dict[Role, Database] = {}
        for kind, login in self.logins.items():
            assert as_admin(["db", "station-role", login, "--kind", kind.value, "--apply", "--db", url]) == 0

    def station(self, kind: Role) -> Database:
        if kind not in self.stations:
            url = make_url(self.url).set(username=self.logins[kind]).render_as_string(hide_password=False)
            self.stations[kind] = Database.open(url, sealer=self.sealer)  # at head: opening needs no DDL
        return self.stations[kind]

    def sign_in(self, kind: Role, login: str | None = None, pin: str | None = None):
        login, pin = (login, pin) if login else SIGN_IN[kind]
        with self.station(kind).unit_of_work() as uow:
            return auth.sign_in_with_pin(uow, login, pin, f"{kind.value.upper()}-01")

    def owner_scalar(self, query, params=None):
        with self.owner.engine.connect() as conn:
            return conn.execute(text(query) if isinstance(query, str) else query, params or {}).scalar()

    def close(self) -> None:
        for db in self.stations.values():
            db.dispose()
        with self.owner.engine.begin() as conn:
            for login in self.logins.values():
                conn.execute(text(f"DROP OWNED BY {login}"))
                conn.execute(text(f"DROP ROLE {login}"))
        self.owner.dispose()


@pytest.fixture(scope="module")
def site(pg_module_url):
    s = Site(pg_module_url)
    yield s
    s.close()


def refused(db: Database, sql: str, **params) -> None:
    """`sql` fails at the server with insufficient privilege (SQLSTATE 42501)."""
    with pytest.raises(DBAPIError) as info, db.engine.begin() as conn:
        conn.execute(text(sql), params)
    assert isinstance(info.value.orig, psycopg.errors.InsufficientPrivilege), (sql, info.value.orig)


def allowed(db: Database, sql: str, **params):
    with db.engine.begin() as conn:
        return conn.execute(text(sql), params).all()


EVERY_STATION_REFUSES = [
    "UPDATE users SET role = 'admin' WHERE login = 'picker1'",
    "UPDATE users SET failed_attempts = 0, locked_until = NULL",
    "UPDATE users SET pin_hash = (SELECT pin_hash FROM users WHERE login = 'admin') WHERE login = 'picker1'",
    "SELECT pin_hash FROM users",
    "SELECT badge_hash FROM users",
    "SELECT * FROM users",
    "SELECT * FROM station_sessions",
    "UPDATE station_sessions SET user_id = 1",
    "UPDATE audit_log SET action = 'nothing'",
    "DELETE FROM audit_log",
    "DELETE FROM change_feed",
    "UPDATE change_feed SET topic = 'x'",
    "DELETE FROM order_status_changes",
    "DELETE FROM pick_events",
    "UPDATE stock_movements SET delta = delta + 1",
    "DELETE FROM stock_movements",
    "CREATE TABLE sneaky (id int)",
    "DROP TABLE orders",
    "TRUNCATE audit_log",
    "ALTER TABLE users DISABLE TRIGGER ALL",
    "SELECT pickdesk_set_pin('admin', '$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA')",
]


# ─── what no station may do ─────────────────────────────────────────────────────


@pytest.mark.parametrize("kind", list(Role))
def test_no_station_reads_or_sets_credentials_or_edits_history(site, kind):
    db = site.station(kind)
    for sql in EVERY_STATION_REFUSES:
        if kind is Role.ADMIN and sql.startswith(("SELECT pickdesk_set_pin", "UPDATE users SET role")):
            continue  # an admin's work: the function checks who is signed in (below); roles are theirs to give
        refused(db, sql)
    if kind is not Role.ADMIN:
        refused(db, "INSERT INTO users (login, display_name, role) VALUES ('x', 'x', 'admin')")
        refused(db, "UPDATE merchants SET name = 'x'")
        # the mall's merge window (合单) is an admin's
        refused(db, "UPDATE mall_settings SET value = '{\"minutes\": 600}'")
        refused(db, "INSERT INTO mall_settings (key, value, updated_at) VALUES ('merge_window_minutes', "
                    "'{\"minutes\": 600}', now())")
        if kind in (Role.PACKER, Role.RECEIVER):  # intake (a supervisor) merges; a packer only reads
            refused(db, "UPDATE order_groups SET status = 'closed'")
            refused(db, "INSERT INTO order_groups (code, merchant_id, warehouse_id, buyer_digest, status, "
                        "created_at) VALUES ('MG-X', 1, 1, 'x', 'open', now())")
        for function in ("pickdesk_unlock('picker1')", "pickdesk_clear_pin('admin')", "pickdesk_credentials()"):
            refused(db, f"SELECT {function}")
    refused(db, "UPDATE users SET last_sign_in_at = now()")
    # what it may read of people: who they are, never their secrets
    assert allowed(db, "SELECT login FROM users WHERE login = 'picker1'") == [("picker1",)]


@pytest.mark.parametrize("kind", [Role.PICKER, Role.RECEIVER])
def test_pickers_and_receivers_cannot_read_or_write_a_customer(site, kind):
    db = site.station(kind)
    for column in SEALED["orders"]:
        refused(db, f"SELECT {column} FROM orders LIMIT 1")
    refused(db, "SELECT * FROM orders LIMIT 1")
    refused(db, "SELECT order_no FROM orders WHERE customer_phone_sealed IS NOT NULL")  # not even in a WHERE
    if GRANTS["orders"][kind] != "SELECT":
        refused(db, "UPDATE orders SET ship_detail_sealed = customer_name_sealed")
    assert allowed(db, "SELECT count(*) FROM orders")[0][0] == 30
    assert allowed(db, "SELECT order_no, status, ship_city FROM orders LIMIT 1")


@pytest.mark.parametrize("kind", [Role.PACKER, Role.SUPERVISOR])
def test_packers_and_supervisors_read_the_sealed_columns(site, kind):
    (sealed,) = allowed(site.station(kind), "SELECT customer_name_sealed FROM orders LIMIT 1")[0]
    assert isinstance(sealed, bytes) and len(sealed) > 12


@pytest.mark.parametrize("kind", list(Role))
def test_only_supervisors_and_admins_read_the_phone_search_digest(site, kind):
    """Finding orders by a phone's last digits is a supervisor's: the digest is refused by the server to the
    others (a packer writes it for a reship, never reads it)."""
    db = site.station(kind)
    if kind in (Role.SUPERVISOR, Role.ADMIN):
        (digest,) = allowed(db, "SELECT customer_phone_tail FROM orders WHERE customer_phone_tail IS NOT NULL LIMIT 1")[0]
        assert isinstance(digest, bytes) and len(digest) == 16
        return
    refused(db, "SELECT customer_phone_tail FROM orders LIMIT 1")
    refused(db, "SELECT order_no FROM orders WHERE customer_phone_tail = '\\x00'::bytea")  # not even in a WHERE
    if kind is Role.PACKER:
        with site.station(kind).unit_of_work() as uow:  # a packer loads orders without asking for it
            assert uow.session.scalars(select(models.Order).limit(1)).first().order_no


@pytest.mark.parametrize("kind", list(Role))
def test_only_the_tracking_kinds_keep_kuaidi100_subscriptions(site, kind):
    db = site.station(kind)
    if kind in (Role.SUPERVISOR, Role.ADMIN):  # `tracking subscribe` / `tracking serve` sign in as these
        assert allowed(db, "SELECT count(*) FROM tracking_subscriptions")[0][0] >= 0
        refused(db, "DELETE FROM tracking_subscriptions")
    else:
        refused(db, "SELECT count(*) FROM tracking_subscriptions")
        refused(db, "UPDATE tracking_subscriptions SET status = 'shutdown'")


def test_an_audit_row_gets_its_time_station_and_person_from_the_server(site):
    actor = site.sign_in(Role.PICKER)
    admin_id = site.owner_scalar("SELECT id FROM users WHERE login = 'admin'")
    before = site.owner_scalar("SELECT now()")
    (row_id,) = allowed(site.station(Role.PICKER),
                        "INSERT INTO audit_log (at, user_id, station, action, entity, detail) "
                        "VALUES ('2001-01-01T00:00:00Z', :admin, 'SUPER-99', 'forged', 'user', '{}') RETURNING id",
                        admin=admin_id)[0]
    with site.owner.engine.connect() as conn:
        at, station, user_id = conn.execute(text("SELECT at, station, user_id FROM audit_log WHERE id = :id"),
                                            {"id": row_id}).one()
    assert at >= before and at.year != 2001  # not back-dated
    assert station == site.logins[Role.PICKER]  # the login it connected as, not what it claimed
    assert user_id == actor.user_id != admin_id  # the person signed in there
    refused(site.station(Role.PICKER), "SELECT action FROM audit_log")  # inserting is not reading
    refused(site.station(Role.PICKER), "UPDATE audit_log SET at = '2001-01-01' WHERE id = :id", id=row_id)
    refused(site.station(Role.SUPERVISOR), "DELETE FROM audit_log WHERE id = :id", id=row_id)


# ─── signing in through the server ──────────────────────────────────────────────


def test_five_wrong_pins_lock_at_the_server_and_a_rollback_does_not_undo_a_guess(site):
    db = site.station(Role.PACKER)
    with site.owner.engine.begin() as conn:
        people_id = conn.execute(text("SELECT id FROM users WHERE login = 'packer2'")).scalar()
        conn.execute(text("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = :id"), {"id": people_id})
    # A hostile station hands in a guess and rolls back before the comparison: the guess is gone
    # and step two has nothing to compare; it never learns whether it was right.
    with db.engine.connect() as conn:
        conn.execute(text("SELECT * FROM pickdesk_pin_attempt('packer2', 'guess', 'X')"))
        conn.rollback()
        assert conn.execute(text("SELECT outcome FROM pickdesk_pin_finish('sign_in', 'X', NULL)")).scalar() == "refused"
        conn.rollback()
    assert site.owner_scalar("SELECT failed_attempts FROM users WHERE id = :id", {"id": people_id}) == 0
    # Committed, a guess counts before anything is compared, and a rolled-back step two keeps it counted.
    with db.engine.connect() as conn:
        conn.execute(text("SELECT * FROM pickdesk_pin_attempt('packer2', 'guess', 'X')"))
        conn.commit()
        conn.execute(text("SELECT * FROM pickdesk_pin_finish('sign_in', 'X', NULL)"))
        conn.rollback()
    assert site.owner_scalar("SELECT failed_attempts FROM users WHERE id = :id", {"id": people_id}) == 1
    for _ in range(auth.MAX_FAILED_ATTEMPTS - 1):
        with db.unit_of_work() as uow, pytest.raises(SignInRefused) as info:
            auth.sign_in_with_pin(uow, "packer2", "0000", "PACK-02")
        assert info.value.message == "Unknown user or wrong PIN."
    with db.unit_of_work() as uow, pytest.raises(SignInRefused) as info:
        auth.sign_in_with_pin(uow, "packer2", "4444", "PACK-02")  # the right PIN, too late
    assert "Too many wrong PINs" in info.value.message
    locked = site.owner_scalar("SELECT locked_until FROM users WHERE id = :id", {"id": people_id})
    assert locked > utcnow() + timedelta(minutes=4)
    assert site.owner_scalar("SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed' AND entity_id = :id",
                             {"id": str(people_id)}) >= auth.MAX_FAILED_ATTEMPTS - 1
    # Only an administrator, signed in at an admin station, unlocks: the server checks who that is.
    admin_station = site.station(Role.ADMIN)
    site.sign_in(Role.ADMIN, "super1", "5555")  # a supervisor at the admin station's login
    refused(admin_station, "SELECT pickdesk_unlock('packer2')")
    refused(admin_station, "SELECT pickdesk_set_pin('super1', '$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA')")
    admin = site.sign_in(Role.ADMIN)
    with admin_station.unit_of_work(admin) as uow:
        people.unlock_person(uow, "packer2")
    with db.unit_of_work() as uow:
        assert auth.sign_in_with_pin(uow, "packer2", "4444", "PACK-02").login == "packer2"


def test_a_badge_signs_in_through_the_server_and_an_unknown_one_is_recorded(site):
    db = site.station(Role.RECEIVER)
    with db.unit_of_work() as uow:
        actor = auth.sign_in_with_badge(uow, "BADGE-R00001", "RECV-01")
    assert actor.login == "receiver1"
    with db.unit_of_work() as uow, pytest.raises(SignInRefused):
        auth.sign_in_with_badge(uow, "BADGE-NOPE-1", "RECV-01")
    assert site.owner_scalar("SELECT count(*) FROM audit_log WHERE action = 'badge_refused' AND station = :s",
                             {"s": site.logins[Role.RECEIVER]}) == 1
    with db.unit_of_work() as uow:
        auth.sign_out(uow, actor)
    assert site.owner_scalar("SELECT user_id FROM station_sessions WHERE db_role = :r",
                             {"r": site.logins[Role.RECEIVER]}) is None


# ─── each kind's day ────────────────────────────────────────────────────────────


def test_a_picker_picks_and_a_packer_packs_with_a_supervisor_override(site):
    picker_db, packer_db = site.station(Role.PICKER), site.station(Role.PACKER)
    picker = site.sign_in(Role.PICKER)
    with picker_db.unit_of_work(picker) as uow:
        batch = picking.next_batch(uow, today=TODAY)
    for n, stop in enumerate(batch.open_stops):
        with picker_db.unit_of_work(picker) as uow:
            picking.confirm_pick(uow, stop.task_id, stop.qty, stop.lot_code, f"pick-{batch.code}-{n}")
    order_no = batch.orders[0]
    assert site.owner_scalar(select(models.Order.status).where(models.Order.order_no == order_no)) == "picked"

    packer = site.sign_in(Role.PACKER)
    with packer_db.unit_of_work(packer) as uow:
        view = packing.open_for_packing(uow, OrderScan(order_no), today=TODAY)
    assert "*" in view.recipient  # opened from the sealed columns, shown masked
    contents = [(ln.line_no, lot.lot, lot.qty) for ln in view.lines for lot in ln.lots] + \
               [(ln.line_no, None, ln.qty) for ln in view.lines if not ln.lots]
    with packer_db.unit_of_work(packer) as uow, pytest.raises(SignInRefused):
        packing.verify_supervisor(uow, "super1", "0000")  # checked and counted at the server
    with packer_db.unit_of_work(packer) as uow:
        supervisor = packing.verify_supervisor(uow, "super1", "5555")
    with packer_db.unit_of_work(packer) as uow, pytest.raises(NotAllowed):
        packing.verify_supervisor(uow, "BADGE-P00002")  # a picker's badge overrides nothing
    override = packing.WeightOverride(supervisor, "scale checked by hand")
    with packer_db.unit_of_work(packer) as uow:
        parcel = packing.pack_parcel(uow, order_no, contents, view.carton.carton.code, view.expected_weight_g + 400,
                                     view.carrier.carrier, view.carrier.service, action_id=f"pack-{order_no}",
                                     today=TODAY, override=override)
    assert parcel.order_packed and parcel.tracking_no
    assert site.owner_scalar(select(models.Order.status).where(models.Order.order_no == order_no)) == "packed"
    stations = site.owner_scalar("SELECT count(DISTINCT station) FROM audit_log WHERE station IN (:a, :b)",
                                 {"a": site.logins[Role.PICKER], "b": site.logins[Role.PACKER]})
    assert stations == 2


def test_a_receiver_reads_stock_and_a_supervisor_opens_a_customer(site):
    receiver = site.sign_in(Role.RECEIVER)
    with site.station(Role.RECEIVER).unit_of_work(receiver) as uow:
        assert list_stock(uow)
    supervisor = site.sign_in(Role.SUPERVISOR)
    with site.station(Role.SUPERVISOR).unit_of_work(supervisor) as uow:
        board = floor_board(uow)
        order_no = site.owner_scalar(select(models.Order.order_no).order_by(models.Order.order_no).limit(1))
        customer = open_customer(uow, order_no)
    assert board is not None and customer.name and "*" not in customer.name


def test_a_receiver_station_receives_puts_away_and_releases_a_backorder(site, tmp_path):
    """The receiver's login does the whole inbound flow with its own grants (inbound tables, the
    append-only ledger, the stock gate's reservations and status change), never more."""
    import json

    from desktop.services import inbound, putaway
    from desktop.services.replenishment import available_in_pick
    from desktop.services.stock import verify_ledger

    O = models.Order
    with site.owner.unit_of_work() as uow:  # a backordered order of one line, and what it lacks
        order = min(uow.session.scalars(select(O).where(O.status == "backordered")).all(),
                    key=lambda o: (len(o.lines), o.id))
        order_no, line = order.order_no, order.lines[0]
        gtin, code, tracked = line.sku.gtin, line.sku.sku_code, line.sku.lot_tracked
        gap = line.qty - available_in_pick(uow, line.sku_id, order.warehouse_id)
        others = [ln for ln in order.lines[1:] if ln.qty > available_in_pick(uow, ln.sku_id, order.warehouse_id)]
    assert gap > 0 and not others
    doc = {"notices": [{"asn_no": "ASN-ROLE-1", "warehouse": "SZ1", "source": {"kind": "supplier", "code": "S"},
                        "lines": [{"gtin": gtin, "qty": gap}]}]}
    path = tmp_path / "asn.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    supervisor = site.sign_in(Role.SUPERVISOR)
    with site.station(Role.SUPERVISOR).unit_of_work(supervisor) as uow:
        inbound.import_notices(uow, path)
    receiver, db = site.sign_in(Role.RECEIVER), site.station(Role.RECEIVER)
    with db.unit_of_work(receiver) as uow:
        session = inbound.open_session(uow, "ASN-ROLE-1", today=TODAY)
    expiry = TODAY + timedelta(days=900)
    raw = f"]C101{gtin}17{expiry:%y%m%d}10ROLE1\x1d30{gap}" if tracked else f"]C101{gtin}30{gap}"
    session.scan_raw(raw)
    with db.unit_of_work(receiver) as uow:
        inbound.save_receipts(uow, "ASN-ROLE-1", session.unsaved)
    with db.unit_of_work(receiver) as uow:
        inbound.close_notice(uow, "ASN-ROLE-1", today=TODAY)
    with db.unit_of_work(receiver) as uow:
        done = putaway.put_away(uow, sku=code, lot="ROLE1" if tracked else None)
    assert done.released == (order_no,)
    assert site.owner_scalar(select(O.status).where(O.order_no == order_no)) == "ready"
    refused(db, "UPDATE stock_movements SET delta = 1")
    # a receiver writes a notice only as the one that goes with a transfer it sends (see the transfer test
    # below): importing notices stays a supervisor's, refused by the service; the server refuses the rest
    with db.unit_of_work(receiver) as uow, pytest.raises(NotAllowed):
        inbound.import_notices(uow, path)
    refused(db, "UPDATE inbound_lines SET expected_qty = 0")
    refused(db, "DELETE FROM inbound_notices")
    refused(db, "DELETE FROM inbound_lines")
    refused(db, "DELETE FROM inbound_receipts")
    with site.owner.unit_of_work() as uow:
        assert verify_ledger(uow) == []


def test_an_admin_adds_a_person_with_a_pin_and_badge_who_then_signs_in(site):
    admin_db = site.station(Role.ADMIN)
    admin = site.sign_in(Role.ADMIN)
    login = f"temp{uuid.uuid4().hex[:6]}"
    with admin_db.unit_of_work(admin) as uow:
        people.add_person(uow, login, "Temp Worker", Role.PICKER, badge=f"B-{login}", pin="2468")
    with admin_db.unit_of_work(admin) as uow:
        row = people.person(uow, login)
        assert (row.has_pin, row.has_badge) == (True, True)
        people.set_pin(uow, login, "1357")
    with site.station(Role.PICKER).unit_of_work() as uow:
        assert auth.sign_in_with_pin(uow, login, "1357", "PICK-05").login == login
    with site.station(Role.PICKER).unit_of_work() as uow:
        assert auth.sign_in_with_badge(uow, f"B-{login}", "PICK-05").login == login
    with admin_db.unit_of_work(admin) as uow:
        people.clear_pin(uow, login)
        assert not people.person(uow, login).has_pin


# ─── the command ────────────────────────────────────────────────────────────────


def test_the_command_prints_sql_without_apply_and_is_idempotent(site, capsys):
    login = site.logins[Role.PICKER]
    assert main(["db", "station-role", login, "--kind", "picker", "--apply", "--db", site.url]) == 2  # nobody
    assert "--user" in capsys.readouterr().err
    assert main(["db", "station-role", login, "--kind", "picker", "--db", site.url]) == 0
    printed = capsys.readouterr().out
    assert f"GRANT pickdesk_picker TO {login};" in printed and f"REVOKE pickdesk_admin FROM {login};" in printed
    assert printed == station_role_sql(login, make_url(site.url).database, Role.PICKER)
    before = allowed(site.owner, "SELECT count(*) FROM information_schema.role_table_grants")
    assert as_admin(["db", "station-role", login, "--kind", "picker", "--apply", "--db", site.url]) == 0
    assert allowed(site.owner, "SELECT count(*) FROM information_schema.role_table_grants") == before
    assert site.owner_scalar(select(func.count()).select_from(models.Order)) == 30


def test_a_login_moved_to_another_kind_leaves_the_old_one(site):
    login = f"st_moved_{uuid.uuid4().hex[:6]}"
    url = make_url(site.url).set(username=login).render_as_string(hide_password=False)
    try:
        assert as_admin(["db", "station-role", login, "--kind", "packer", "--apply", "--db", site.url]) == 0
        db = Database.open(url, sealer=site.sealer)
        try:
            assert allowed(db, "SELECT customer_name_sealed FROM orders LIMIT 1")
            assert as_admin(["db", "station-role", login, "--kind", "picker", "--apply", "--db", site.url]) == 0
            refused(db, "SELECT customer_name_sealed FROM orders LIMIT 1")
        finally:
            db.dispose()
    finally:
        with site.owner.engine.begin() as conn:
            conn.execute(text(f"DROP OWNED BY {login}"))
            conn.execute(text(f"DROP ROLE {login}"))


def test_station_role_refuses_odd_names_and_sqlite(capsys, tmp_path):
    from desktop.db.roles import StationRoleRefused

    with pytest.raises(StationRoleRefused):
        station_role_sql("robert'); DROP TABLE orders;--", "pickdesk", Role.PICKER)
    with pytest.raises(StationRoleRefused):
        station_role_sql("pickdesk_station", "pickdesk", Role.PICKER)  # a group's name
    with pytest.raises(StationRoleRefused):
        station_role_sql("pick07", "pickdesk", "janitor")
    sqlite = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    assert main(["db", "station-role", "pick07", "--kind", "picker", "--db", sqlite]) == 2
    assert "SQLite has no roles" in capsys.readouterr().err
    assert main(["db", "station-role", "pick07", "--db", sqlite]) == 2
    assert "--kind" in capsys.readouterr().err


def test_tls_settings_in_the_url_reach_libpq(pg_empty_url):
    """sslmode (and sslrootcert, sslcert …) pass through the URL to libpq unchanged.

    The test server may or may not offer TLS: with `require`, either the session is encrypted or the
    station refuses to connect with a message naming SSL — never a silent plain-text session.
    """
    from desktop.db.database import DatabaseUnavailable

    url = make_url(pg_empty_url).update_query_dict({"sslmode": "require"}).render_as_string(hide_password=False)
    try:
        db = Database.open(url)
    except DatabaseUnavailable as exc:
        assert "SSL" in exc.message
    else:
        try:
            with db.engine.connect() as conn:
                assert conn.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar() is True
        finally:
            db.dispose()
    plain = make_url(pg_empty_url).update_query_dict({"sslmode": "disable"}).render_as_string(hide_password=False)
    db = Database.open(plain)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar() is False
    finally:
        db.dispose()


def test_a_station_role_facing_an_old_schema_is_told_to_ask_an_administrator(pg_empty_url):
    from desktop.db import migrate
    from desktop.domain.errors import ConfigurationError

    owner = Database.open(pg_empty_url)
    role = f"st_old_{uuid.uuid4().hex[:8]}"
    assert main(["db", "station-role", role, "--kind", "picker", "--apply", "--db", pg_empty_url]) == 0
    migrate.downgrade(owner.engine, "base")
    station_url = make_url(pg_empty_url).set(username=role).render_as_string(hide_password=False)
    try:
        with pytest.raises(ConfigurationError) as info:
            Database.open(station_url, key_store=owner.key_store)
        assert "pickdesk db upgrade" in info.value.message
    finally:
        with owner.engine.begin() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
        owner.dispose()


# ─── counts, refills and transfers at the stations (issue 16, part B) ───────────


def test_a_receiver_counts_blind_at_the_server_and_a_supervisor_approves(site):
    from desktop.domain.counting import CountSheet
    from desktop.services import counts
    from desktop.services.supervision import decide_exception

    receiver = site.sign_in(Role.RECEIVER)
    station = site.station(Role.RECEIVER)
    code = site.owner_scalar(select(models.Location.code).join(models.Stock)
                             .where(models.Location.kind == "pick", models.Location.code.like("SZ1-%"),
                                    models.Stock.reserved == 0, models.Stock.on_hand >= 20)
                             .order_by(models.Location.code).limit(1))
    with site.owner.engine.connect() as conn:
        rows = conn.execute(select(models.Sku.gtin, models.Lot.lot_code, models.Lot.expiry, models.Stock.on_hand)
                            .select_from(models.Stock).join(models.Location).join(models.Sku)
                            .outerjoin(models.Lot, models.Stock.lot_id == models.Lot.id)
                            .where(models.Location.code == code)).all()
    with station.unit_of_work(receiver) as uow:
        row = counts.open_count(uow, location=code)
    sheet = CountSheet()
    sheet.at_bin(code)
    for i, (gtin, lot, expiry, on_hand) in enumerate(rows):
        sheet.add(gtin, lot, on_hand - (6 if i == 0 else 0), expiry)
    with station.unit_of_work(receiver) as uow:
        result = counts.submit_count(uow, row.id, sheet)
    assert result.waiting == 1
    # what was counted, the receiver reads; what the record said, and the difference, it cannot
    assert allowed(station, "SELECT counted_qty, outcome FROM stock_count_lines WHERE count_id = :c", c=row.id)
    refused(station, "SELECT expected_qty FROM stock_count_lines")
    refused(station, "SELECT variance FROM stock_count_lines")
    refused(station, "SELECT * FROM stock_count_lines")
    refused(station, "SELECT detail FROM exceptions")
    refused(station, "UPDATE stock_count_lines SET counted_qty = 0")
    refused(site.station(Role.PICKER), "SELECT * FROM stock_count_lines")
    supervisor = site.sign_in(Role.SUPERVISOR)
    with site.station(Role.SUPERVISOR).unit_of_work(supervisor) as uow:
        case_id = uow.session.scalar(select(models.ExceptionCase.id).where(
            models.ExceptionCase.kind == "count_variance", models.ExceptionCase.status == "open"))
        done = decide_exception(uow, case_id, "approve", "shelf checked")
    assert done["adjusted"] == 1
    assert site.owner_scalar(select(models.Stock.on_hand).join(models.Location).join(models.Sku)
                             .where(models.Location.code == code, models.Sku.gtin == rows[0][0])) == rows[0][3] - 6


def test_a_receiver_refills_a_face_and_a_picker_sends_a_transfer_at_their_stations(site):
    from desktop.services import replenishment_tasks as rt
    from desktop.services import transfers

    receiver = site.sign_in(Role.RECEIVER)
    with site.station(Role.RECEIVER).unit_of_work(receiver) as uow:
        task = rt.list_tasks(uow)[0]  # the demo's
    lot = site.owner_scalar(select(models.Lot.lot_code).join(models.ReplenishmentTask,
                                                             models.ReplenishmentTask.lot_id == models.Lot.id)
                            .where(models.ReplenishmentTask.id == task.id))
    with site.station(Role.RECEIVER).unit_of_work(receiver) as uow:
        done = rt.carry_out(uow, task.id, from_bin=task.from_location, gtin=task.gtin, lot=lot, qty=task.qty,
                            to_bin=task.to_location)
    assert done.qty == task.qty
    # a transfer the other warehouse asked for: GZ2's picker picks it and writes its notice
    sku_id, qty = site.owner.engine.connect().execute(text(
        "SELECT s.sku_id, s.on_hand - s.reserved FROM stock s JOIN locations l ON l.id = s.location_id "
        "JOIN warehouses w ON w.id = l.warehouse_id WHERE w.code = 'GZ2' AND l.kind = 'pick' AND s.lot_id IS NULL "
        "AND s.on_hand - s.reserved >= 3 ORDER BY s.id LIMIT 1")).one()
    with site.owner.engine.begin() as conn:
        transfer_id = conn.execute(text(
            "INSERT INTO stock_transfers (sku_id, from_warehouse_id, to_warehouse_id, qty, status, created_at) "
            "SELECT :s, g.id, z.id, 3, 'requested', now() FROM warehouses g, warehouses z "
            "WHERE g.code = 'GZ2' AND z.code = 'SZ1' RETURNING id"), {"s": sku_id}).scalar()
    picker = site.sign_in(Role.PICKER)
    with site.station(Role.PICKER).unit_of_work(picker) as uow:
        picked = transfers.pick_transfer(uow, transfer_id)
    assert site.owner_scalar("SELECT status FROM stock_transfers WHERE id = :i", {"i": transfer_id}) == "in_transit"
    assert site.owner_scalar("SELECT count(*) FROM inbound_notices WHERE asn_no = :a", {"a": picked.asn_no}) == 1
    refused(site.station(Role.PICKER), "UPDATE inbound_notices SET status = 'closed'")


def test_a_receiver_walks_and_sends_a_transfer_ending_short_at_its_station(site):
    """GZ2's receiver walks a transfer by scans (bin, GS1 item, units), ends it short, and it leaves with its
    notice; the rest becomes a new request — all with the receiver's own grants."""
    from desktop.services import transfers

    with site.owner.engine.connect() as conn:
        sku_id, gtin, code, lot, expiry, free = conn.execute(text(
            "SELECT s.sku_id, k.gtin, l.code, lo.lot_code, lo.expiry, s.on_hand - s.reserved FROM stock s "
            "JOIN locations l ON l.id = s.location_id JOIN warehouses w ON w.id = l.warehouse_id "
            "JOIN skus k ON k.id = s.sku_id LEFT JOIN lots lo ON lo.id = s.lot_id "
            "WHERE w.code = 'GZ2' AND l.kind IN ('pick', 'reserve') AND s.on_hand - s.reserved >= 4 "
            "AND (lo.expiry IS NULL OR lo.expiry > :t) ORDER BY s.id LIMIT 1"), {"t": TODAY + timedelta(days=30)}).one()
    with site.owner.engine.begin() as conn:
        transfer_id = conn.execute(text(
            "INSERT INTO stock_transfers (sku_id, from_warehouse_id, to_warehouse_id, qty, status, created_at) "
            "SELECT :s, g.id, z.id, 3, 'requested', now() FROM warehouses g, warehouses z "
            "WHERE g.code = 'GZ2' AND z.code = 'SZ1' RETURNING id"), {"s": sku_id}).scalar()
    trf = transfers.transfer_code(transfer_id)
    receiver, db = site.sign_in(Role.RECEIVER), site.station(Role.RECEIVER)
    with db.unit_of_work(receiver) as uow:
        walk = transfers.start_walk(uow, trf, today=TODAY)
    stop = walk.current
    walk.scan_bin(stop.location)
    item = f"]C101{gtin}" + (f"17{stop.expiry:%y%m%d}10{stop.lot}" if stop.lot else "")
    walk.scan_raw(item)
    take = walk.check_qty(2)  # one short of the 3 asked
    with db.unit_of_work(receiver) as uow:
        assert transfers.take_stop(uow, transfer_id, location=take.location, lot=take.lot, qty=2, today=TODAY) == 1
    with db.unit_of_work(receiver) as uow:
        sent = transfers.finish_transfer(uow, transfer_id)
    assert (sent.qty, sent.rest_qty) == (2, 1)
    assert site.owner_scalar("SELECT status FROM stock_transfers WHERE id = :i", {"i": transfer_id}) == "in_transit"
    assert site.owner_scalar("SELECT sum(expected_qty) FROM inbound_lines JOIN inbound_notices n ON n.id = notice_id "
                             "WHERE n.asn_no = :a", {"a": sent.asn_no}) == 2
    assert site.owner_scalar("SELECT kind FROM pick_batches WHERE code = :c", {"c": trf}) == "transfer"
    picker = site.sign_in(Role.PICKER)
    with site.station(Role.PICKER).unit_of_work(picker) as uow, pytest.raises(NotAllowed):
        transfers.start_walk(uow, sent.rest, today=TODAY)  # walking (and ending short) is the receiver's
    refused(db, "DELETE FROM stock_transfers")
    refused(db, "DELETE FROM pick_batches")


# ─── carrier accounts (issue 18, item 4) ────────────────────────────────────────


def test_carrier_secrets_are_read_only_by_the_kinds_that_call_a_carrier(site):
    from desktop.services import carrier_accounts

    admin = site.sign_in(Role.ADMIN)
    with site.station(Role.ADMIN).unit_of_work(admin) as uow:  # an admin station enters it
        carrier_accounts.set_account(uow, "SF", "sf", "https://sfapi-sbox.sf-express.com/std/service", "WH1",
                                     "station-role-check-word")
    for kind in (Role.PICKER, Role.RECEIVER):
        db = site.station(kind)
        refused(db, "SELECT secret_sealed FROM carrier_accounts")
        refused(db, "SELECT code FROM carrier_accounts")
        refused(db, "UPDATE carrier_accounts SET endpoint = 'http://evil.example/'")
        refused(db, "SELECT number FROM waybills")
    for kind in (Role.PACKER, Role.SUPERVISOR):
        db = site.station(kind)
        (sealed,) = allowed(db, "SELECT secret_sealed FROM carrier_accounts WHERE code = 'SF'")[0]
        assert b"station-role-check-word" not in sealed
        refused(db, "UPDATE carrier_accounts SET endpoint = 'http://evil.example/'")
        refused(db, "INSERT INTO carrier_accounts (code, protocol, endpoint, partner_id, options, active, updated_at) "
                    "VALUES ('X', 'sf', 'http://x', 'x', '{}', true, now())")
        refused(db, "DELETE FROM waybills")
        actor = site.sign_in(kind)
        with db.unit_of_work(actor) as uow:  # the service opens the check word where the station may
            client = carrier_accounts.sf_client(uow, "SF")
            assert client is not None and client.checkword == "station-role-check-word"
    picker = site.sign_in(Role.PICKER)
    with site.station(Role.PICKER).unit_of_work(picker) as uow, pytest.raises(NotAllowed):
        carrier_accounts.sf_client(uow, "SF")


def test_a_second_sign_in_takes_the_server_session_over_from_the_first_login(site, pg_module_url):
    """One person, one active session (migration 0014): the first login's server session and station
    row are cleared, so its audit rows name nobody, and the first station learns where they went."""
    second = f"st_picker2_{uuid.uuid4().hex[:6]}"
    assert as_admin(["db", "station-role", second, "--kind", "picker", "--apply", "--db", pg_module_url]) == 0
    url = make_url(pg_module_url).set(username=second).render_as_string(hide_password=False)
    other = Database.open(url, sealer=site.sealer)
    try:
        first_actor = site.sign_in(Role.PICKER, "picker2", "2222")
        assert site.owner_scalar("SELECT u.login FROM station_sessions s JOIN users u ON u.id = s.user_id "
                                 "WHERE s.db_role = :r", {"r": site.logins[Role.PICKER]}) == "picker2"
        with other.unit_of_work() as uow:
            auth.sign_in_with_pin(uow, "picker2", "2222", "PICKER-02")
        assert site.owner_scalar("SELECT user_id FROM station_sessions WHERE db_role = :r",
                                 {"r": site.logins[Role.PICKER]}) is None
        assert site.owner_scalar("SELECT u.login FROM station_sessions s JOIN users u ON u.id = s.user_id "
                                 "WHERE s.db_role = :r", {"r": second}) == "picker2"
        with site.station(Role.PICKER).unit_of_work(first_actor) as uow:
            assert auth.signed_in_elsewhere(uow, first_actor) == "PICKER-02"
            uow.audit("probe", "user", first_actor.user_id)  # what the first login writes now names nobody
            uow.commit()
        assert site.owner_scalar("SELECT user_id IS NULL FROM audit_log WHERE action = 'probe' ORDER BY id DESC "
                                 "LIMIT 1") is True
        assert site.owner_scalar("SELECT detail->>'stations' FROM audit_log WHERE action = 'session_taken_over' "
                                 "ORDER BY id DESC LIMIT 1") == '["PICKER-01"]'
        with other.unit_of_work() as uow:  # the takeover itself is a station's to call, none other's
            assert uow.session.execute(text("SELECT count(*) FROM pickdesk_take_over('X')")).scalar() == 0
    finally:
        other.dispose()
        with site.owner.engine.begin() as conn:
            conn.execute(text(f"DROP OWNED BY {second}"))
            conn.execute(text(f"DROP ROLE {second}"))


def test_put_backs_are_the_supervisors_to_make_and_a_packers_to_do(site: Site) -> None:
    """An order cancelled after release (docs/waves.md): a picker or receiver station may not read or make
    put-backs, a packer may not make them; and no station makes a parcel for a cancelled order."""
    for kind in (Role.PICKER, Role.RECEIVER):
        refused(site.station(kind), "SELECT count(*) FROM put_backs")
    row = ("INSERT INTO put_backs (order_id, pick_task_id, sku_id, location_id, qty, status, created_at) "
           "SELECT l.order_id, t.id, l.sku_id, t.location_id, 1, 'open', now() FROM pick_tasks t "
           "JOIN order_lines l ON l.id = t.order_line_id LIMIT 1")
    refused(site.station(Role.PACKER), row)
    with site.station(Role.PACKER).engine.begin() as conn:  # the packer does them: UPDATE is granted
        conn.execute(text("UPDATE put_backs SET status = 'done' WHERE false"))
    order_id = site.owner_scalar("SELECT id FROM orders WHERE status = 'picked' ORDER BY id LIMIT 1")
    assert order_id is not None
    with site.owner.engine.begin() as conn:  # cancelled meanwhile (as the supervisor's station would)
        conn.execute(text("UPDATE orders SET status = 'cancelled' WHERE id = :o"), {"o": order_id})
    with pytest.raises(DBAPIError) as info, site.station(Role.PACKER).engine.begin() as conn:
        conn.execute(text("INSERT INTO parcels (code, order_id, seq, of, carton, status, reprints) "
                          "VALUES ('PCL-T20C-1', :o, 1, 1, 'S', 'sealed', 0)"), {"o": order_id})
    assert isinstance(info.value.orig, psycopg.errors.CheckViolation), info.value.orig


def test_a_picker_station_takes_a_planned_cart_of_a_released_wave(site):
    """The wave's hand-out reads and writes only what a picker station's login may (no SELECT * on orders)."""
    from desktop.services import waves

    supervisor = site.sign_in(Role.SUPERVISOR)
    with site.station(Role.SUPERVISOR).unit_of_work(supervisor) as uow:
        wave = waves.release_wave(uow, warehouse="SZ1", rule=waves.WaveRule(max_orders=3))
    with site.owner.engine.begin() as conn:  # the demo's carts on the floor go to picker1: picker2 is free
        conn.execute(text("UPDATE pick_batches SET picker_id = (SELECT id FROM users WHERE login = 'picker1') "
                          "WHERE status IN ('assigned', 'picking')"))
    picker = site.sign_in(Role.PICKER, "picker2", "2222")
    with site.station(Role.PICKER).unit_of_work(picker) as uow:
        view = picking.next_batch(uow, today=TODAY)
    cart = site.owner_scalar("SELECT b.code FROM pick_batches b JOIN waves w ON w.id = b.wave_id "
                             "WHERE w.code = :w ORDER BY b.plan_seq LIMIT 1", {"w": wave.code})
    assert view.code == cart and view.picker == "picker2" and view.stops and len(view.orders) == 3
    assert all(s.tote_code for s in view.stops)


def test_a_picker_registers_a_new_tote_at_the_cart_and_a_packer_may_not(site):
    picker_db = site.station(Role.PICKER)
    picker = site.sign_in(Role.PICKER, "picker2", "2222")
    with picker_db.unit_of_work(picker) as uow:
        batch = picking.next_batch(uow, today=TODAY)
    suggested = sorted({s.tote_code for s in batch.stops if s.tote_code})
    with picker_db.unit_of_work(picker) as uow:
        after = picking.bind_tote(uow, batch.code, "TOTE-96001", suggested[0], today=TODAY)
    assert "TOTE-96001" in {s.tote_code for s in after.stops}
    assert site.owner_scalar("SELECT status FROM totes WHERE code = 'TOTE-96001'") == "in_use"
    refused(site.station(Role.PACKER), "INSERT INTO totes (code, status) VALUES ('TOTE-96002', 'free')")
    refused(site.station(Role.RECEIVER), "INSERT INTO totes (code, status) VALUES ('TOTE-96003', 'free')")
