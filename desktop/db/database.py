"""The central database: engine set-up for SQLite (WAL) and PostgreSQL, migrations, units of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, Table, create_engine, event, func, select, text
from sqlalchemy import insert as sa_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from desktop.station import config
from desktop.db import migrate, models
from desktop.db.types import utcnow
from desktop.domain.actor import Actor
from desktop.domain.errors import ConfigurationError, PickdeskError

if TYPE_CHECKING:  # the events (55 dataclasses, ~40 ms) load on the first announcement, not for a listing
    from desktop.domain.events import Change
if TYPE_CHECKING:  # the keys and their cipher (cryptography) load when customer data is first sealed or opened
    from desktop.security.crypto import Sealer
    from desktop.security.keys import KeyStore
    from desktop.security.sealing import UnitOfWorkSealer


FEED_CHANNEL = "pickdesk_feed"


class DatabaseUnavailable(PickdeskError):
    code = "db_unavailable"


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigurationError(f"Not a database URL: {url!r}", f"不是有效的数据库地址：{url!r}") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "savepoint")
        def _savepoint_inside_a_transaction(conn: Any, _name: Any) -> None:
            # pysqlite opens a transaction only before a write, so a savepoint that is a transaction's
            # first statement starts one of SQLite's own — and its RELEASE commits it, whatever the
            # unit of work does next (a reservation rolled back with its order stayed reserved).
            dbapi_conn = conn.connection.dbapi_connection
            if not dbapi_conn.in_transaction:
                dbapi_conn.execute("BEGIN")

        return engine
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 5})
    raise ConfigurationError(
        f"Unsupported database {backend!r}: use sqlite:///FILE or postgresql+psycopg://…",
        f"不支持的数据库 {backend!r}：请使用 sqlite:///文件 或 postgresql+psycopg://…",
    )


class Database:
    """One central database as a station sees it."""

    def __init__(self, engine: Engine, key_store: KeyStore | None, url: str) -> None:
        self.engine = engine
        self._key_store = key_store  # None: the station's default store, looked up when first needed
        self.url = url

    @property
    def key_store(self) -> KeyStore:
        """This station's customer-data keys (desktop.security.keys). The default store is found on first
        use, not at open: finding it asks the desktop's keyring, which a listing never needs."""
        if self._key_store is None:
            from desktop.security.keys import default_key_store

            self._key_store = default_key_store()
        return self._key_store

    @key_store.setter
    def key_store(self, store: KeyStore) -> None:
        self._key_store = store

    @classmethod
    def open(cls, url: str | None = None, *, migrate_schema: bool = True,
             key_store: KeyStore | None = None, sealer: Sealer | None = None) -> Database:
        """Connect and bring the schema to head. Only that: an empty database stays empty (the demo is
        seeded by whoever wants it, `desktop.demo.first_start.seed_if_empty`).

        `url` is normally resolved by the caller (`desktop.station.config.StationPaths.database_url`).
        `key_store` holds the station's customer-data keys (default: `default_key_store()`); `sealer`
        is a shorthand for a store of exactly its keys (tests). No key is looked at here: a station
        without one opens the database and is refused only when it seals or opens customer data."""
        url = config.resolve_database_url(url)
        engine = make_engine(url)
        if key_store is None and sealer is not None:
            from desktop.security.keys import FixedKeyStore

            key_store = FixedKeyStore((sealer.key, *sealer.older_keys))
        db = cls(engine, key_store, url)
        try:
            if migrate_schema:
                try:
                    migrate.upgrade(engine)
                except ProgrammingError as exc:
                    engine.dispose()
                    raise ConfigurationError(
                        f"The central database's schema is older than this station and this station may not "
                        f"change it ({exc.orig}). Ask an administrator to run `pickdesk db upgrade`.",
                        "中央数据库的结构版本低于本工作站，且本工作站无权升级。请管理员运行 `pickdesk db upgrade`。",
                    ) from exc
        except OperationalError as exc:
            engine.dispose()
            raise DatabaseUnavailable(
                f"Cannot reach the central database ({db.describe()}): {exc.orig}",
                f"无法连接中央数据库（{db.describe()}）：{exc.orig}",
            ) from exc
        return db

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def describe(self) -> str:
        parsed = make_url(self.url)
        if parsed.get_backend_name() == "sqlite":
            return f"SQLite {parsed.database}"
        return f"PostgreSQL {parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database}"

    def is_empty(self) -> bool:
        with Session(self.engine) as s:
            return s.scalar(select(func.count()).select_from(models.Warehouse)) == 0

    def ping(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except OperationalError:
            return False

    def unit_of_work(self, actor: Actor | None = None) -> UnitOfWork:
        return UnitOfWork(self, actor or Actor.system())

    def dispose(self) -> None:
        self.engine.dispose()


class UnitOfWork:
    """A transaction that rolls back unless `commit()` is called: one use case, one commit.

    Besides the session it carries the acting user, the customer-data sealer, and the two records
    every change leaves: an audit entry and a change-feed entry.
    """

    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor
        self._sealer: UnitOfWorkSealer | None = None
        self.session: Session | None = None
        self._committed = False

    @property
    def sealer(self) -> UnitOfWorkSealer:
        """Seals and opens customer data; resolves the keys on first use, in this transaction."""
        if self._sealer is None:
            from desktop.security.sealing import UnitOfWorkSealer

            self._sealer = UnitOfWorkSealer(self, lambda: self.db.key_store)
        return self._sealer

    def __enter__(self) -> UnitOfWork:
        self.session = Session(self.db.engine, expire_on_commit=False, autoflush=True)
        self._wrote = False
        self._notified: set[str] = set()
        event.listen(self.session, "after_flush", self._note_write)
        return self

    def _note_write(self, *_: object) -> None:
        self._wrote = True

    def __exit__(self, exc_type: object, *exc: object) -> None:
        assert self.session is not None
        s = self.session
        if not self._committed and (exc_type is not None or self._wrote or s.new or s.dirty or s.deleted):
            s.rollback()  # expires what was read, so nothing uncommitted outlives the unit of work
        # A clean read-only unit of work just closes: what it loaded stays readable, detached.
        s.close()

    def commit(self) -> None:
        assert self.session is not None
        self.session.commit()
        self._committed = True
        self._notified = set()

    def audit(self, action: str, entity: str, entity_id: object = None, **detail: Any) -> None:
        assert self.session is not None
        self.session.add(models.AuditEntry(
            user_id=self.actor.user_id, station=self.actor.station, action=action, entity=entity,
            entity_id=None if entity_id is None else str(entity_id), detail=detail,
        ))

    def announce(self, change: Change | str, entity_id: object = None, **payload: Any) -> None:
        """Append a change-feed row for `change` (a `desktop.domain.events` dataclass), in this transaction.

        The keyword form `announce(topic, entity_id, **payload)` is what announcements looked like before
        the events were typed; it still writes a row (read back by the same rules as old rows), so a
        branch written in it keeps working until it is converted to an event class."""
        from desktop.domain.events import Change, encode

        assert self.session is not None
        if isinstance(change, Change):
            topic, key, payload = encode(change)
        else:
            topic, key = change, None if entity_id is None else str(entity_id)
        self.session.add(models.ChangeFeedEntry(topic=topic, entity_id=key, payload=payload))
        if self.db.backend == "postgresql" and topic not in self._notified:
            # Delivered to LISTENing stations when (and only if) this transaction commits; once per
            # topic and transaction is enough (listeners read the feed rows, not the notification).
            self._notified.add(topic)
            self.session.execute(text("SELECT pg_notify(:channel, :topic)"), {"channel": FEED_CHANNEL, "topic": topic})

    def insert_rows(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Rows into `table` (every row gives the same keys) in as few statements as the driver allows: an
        executemany with RETURNING, which SQLAlchemy sends as multi-row INSERT … VALUES ("insertmanyvalues",
        compiled once) — a plain executemany is one statement a row on PostgreSQL's side."""
        assert self.session is not None
        if rows:
            self.session.connection().execute(sa_insert(table).returning(table.c.id), rows).close()

    def audit_many(self, entries: list[tuple[str, str, object, dict[str, Any]]]) -> None:
        """`audit(action, entity, entity_id, **detail)` for many entries in one statement (no ids read back)."""
        assert self.session is not None
        if entries:  # on the table, not the mapped class: no ORM bulk-insert machinery for rows never read back
            self.session.flush()  # what was added before goes first, as the ORM's insert would autoflush it
            at = utcnow()
            self.insert_rows(models.AuditEntry.__table__, [
                {"at": at, "user_id": self.actor.user_id, "station": self.actor.station, "action": action,
                 "entity": entity, "entity_id": None if entity_id is None else str(entity_id), "detail": detail}
                for action, entity, entity_id, detail in entries])

    def announce_many(self, changes: list[Change]) -> None:
        """`announce(change)` for many changes in one statement, one notification per topic."""
        from desktop.domain.events import encode

        assert self.session is not None
        if not changes:
            return
        at = utcnow()
        rows = [{"at": at, **dict(zip(("topic", "entity_id", "payload"), encode(change), strict=True))}
                for change in changes]
        self.session.flush()  # feed rows keep the order they were announced in
        self.insert_rows(models.ChangeFeedEntry.__table__, rows)
        if self.db.backend == "postgresql":
            topics = [t for t in dict.fromkeys(r["topic"] for r in rows) if t not in self._notified]
            if topics:  # one statement for every topic not yet notified in this transaction
                self._notified.update(topics)
                self.session.execute(text("SELECT " + ", ".join(f"pg_notify(:channel, :t{k})" for k in range(len(topics)))),
                                     {"channel": FEED_CHANNEL, **{f"t{k}": t for k, t in enumerate(topics)}})


@contextmanager
def unit_of_work(db: Database, actor: Actor | None = None) -> Iterator[UnitOfWork]:
    with db.unit_of_work(actor) as uow:
        yield uow
