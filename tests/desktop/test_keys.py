"""The customer-data key (issue 17, item 2): only a station holding the key the database records seals
or opens; none is ever made for a database that has sealed data; export → import restores a station;
a rotation stopped halfway loses nothing and a rerun finishes it. On SQLite and a real PostgreSQL."""

from __future__ import annotations

import json
import os
import stat

import pytest
from sqlalchemy import delete, func, select

from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from desktop.domain.errors import ConfigurationError, NotAllowed
from desktop.domain.keys import KeyStatus
from desktop.domain.roles import Role
from desktop.security.crypto import Sealer, fingerprint, generate_key, key_id_of
from desktop.security.keys import (
    FileKeyStore, FixedKeyStore, KeyFileRefused, KeyMismatch, KeyMissing, KeyringKeyStore, default_key_store,
    export_keys, read_key_file,
)
from desktop.security.sealing import SEALED_COLUMNS
from desktop.services import keys as key_service
from desktop.services.auth import sign_in_with_pin

ENGINES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
ADMIN_PIN, PASSPHRASE = "9999", "correct horse battery"


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(scope="module", params=ENGINES)
def built(request, tmp_path_factory):
    """One demo warehouse per engine for the module, sealed by the station that built it (its own key
    folder). The tests that only read share it; the rotation test, which re-seals, comes last."""
    folder = tmp_path_factory.mktemp("keys")
    url = f"sqlite:///{folder / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_module_url")
    station = FileKeyStore(folder / "station-a" / "keys")
    db = Database.open(url, key_store=station)
    build_demo(db, orders=24, seed=5)
    yield db, station
    db.dispose()


@pytest.fixture
def warehouse(built) -> Database:
    return built[0]


@pytest.fixture
def station(built) -> FileKeyStore:
    return built[1]


@pytest.fixture
def url(built) -> str:
    return built[0].url


def opened(db: Database) -> dict[tuple[str, str], str]:
    """Every sealed field of every order, opened (raises when the station cannot)."""
    out = {}
    with db.unit_of_work() as uow:
        for order in uow.session.scalars(select(models.Order).order_by(models.Order.id)):
            for column, name in SEALED_COLUMNS.items():
                value = getattr(order, column)
                if value is not None:
                    out[(order.order_no, name)] = uow.sealer.open(value, name, order.order_no)
    return out


def recorded(db: Database) -> list[tuple[str, str]]:
    with db.unit_of_work() as uow:
        K = models.SealingKey
        return [(k.fingerprint, k.status) for k in uow.session.scalars(select(K).order_by(K.created_at))]


def first_order(db: Database) -> models.Order:
    with db.unit_of_work() as uow:
        return uow.session.scalars(select(models.Order).order_by(models.Order.id)).first()


# ─── the store ──────────────────────────────────────────────────────────────────


def test_a_file_store_keeps_each_key_0600_in_a_0700_folder(tmp_path):
    store = FileKeyStore(tmp_path / "config" / "keys")
    key = generate_key()
    fp = store.save(key)
    assert fp == fingerprint(key) and len(fp) == 16
    path = tmp_path / "config" / "keys" / f"{fp}.key"
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    assert store.fingerprints() == [fp] and store.load(fp) == key
    os.chmod(path, 0o644)  # loosened by someone: tightened before it is used
    assert store.load(fp) == key and mode(path) == 0o600
    assert not list(path.parent.glob("*.part"))
    path.write_text("bm90IGEga2V5\n")
    with pytest.raises(ConfigurationError):
        store.load(fp)


def test_the_key_id_of_a_sealed_value_is_the_start_of_the_fingerprint():
    key = generate_key()
    sealed = Sealer(key).seal("张伟", "customer_name", "M1-1")
    assert key_id_of(sealed).hex() == fingerprint(key)[:8]


def test_the_station_store_is_the_keys_folder_then_the_keyring_then_the_config_folder(tmp_path):
    assert isinstance(default_key_store({"PICKDESK_KEYS_DIR": str(tmp_path)}), FileKeyStore)
    fallback = default_key_store({}, config_dir=tmp_path / "cfg")
    assert isinstance(fallback, FileKeyStore) and fallback.folder == tmp_path / "cfg" / "keys"
    import base64

    fixed = default_key_store({"PICKDESK_PII_KEY": base64.b64encode(bytes(32)).decode()})
    assert isinstance(fixed, FixedKeyStore) and fixed.fingerprints() == [fingerprint(bytes(32))]


def test_the_keyring_store_keeps_keys_and_their_index_in_a_real_backend():
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):  # a real backend class, as a desktop's secret store would be
        priority = 1

        def __init__(self) -> None:
            super().__init__()
            self.entries: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):  # noqa: ANN001, ANN201
            return self.entries.get((service, username))

        def set_password(self, service, username, password):  # noqa: ANN001, ANN201
            self.entries[(service, username)] = password

        def delete_password(self, service, username):  # noqa: ANN001, ANN201
            self.entries.pop((service, username))

    backend = MemoryKeyring()
    store = KeyringKeyStore(backend)
    k1, k2 = generate_key(), generate_key()
    assert store.save(k1) == fingerprint(k1) and store.save(k2) == fingerprint(k2) and store.save(k1)
    assert store.fingerprints() == [fingerprint(k1), fingerprint(k2)]
    assert store.load(fingerprint(k2)) == k2 and store.load("0" * 16) is None
    assert "MemoryKeyring" in store.where


# ─── the database records the key; a station without it is refused ─────────────


def test_the_first_seal_into_an_empty_database_makes_and_records_the_key(warehouse, station):
    [(fp, status)] = recorded(warehouse)
    assert status == KeyStatus.CURRENT and station.fingerprints() == [fp]
    assert opened(warehouse)  # this station opens everything it sealed


def test_a_station_without_the_key_is_refused_and_makes_none(warehouse, url, tmp_path):
    blank = FileKeyStore(tmp_path / "station-b" / "keys")
    other = Database.open(url, key_store=blank)
    try:
        before = recorded(other)
        with pytest.raises(KeyMissing) as info:
            opened(other)
        assert before[0][0] in info.value.message and "pickdesk keys import" in info.value.message
        assert "密钥" in info.value.message_zh
        order = first_order(other)
        with other.unit_of_work() as uow, pytest.raises(KeyMissing):
            uow.sealer.seal("李四", "customer_name", order.order_no)
        assert recorded(other) == before and blank.fingerprints() == []  # no key made, none recorded
        assert not (tmp_path / "station-b" / "keys").exists()
        # The picker's work needs no key: the database opens and lists orders.
        from desktop.services.orders import list_orders

        with other.unit_of_work() as uow:
            assert len(list_orders(uow, None, None)) == 24
    finally:
        other.dispose()


def test_a_station_with_another_key_is_refused(warehouse, url, tmp_path):
    wrong = FileKeyStore(tmp_path / "station-c" / "keys")
    wrong.save(generate_key())
    other = Database.open(url, key_store=wrong)
    try:
        with pytest.raises(KeyMismatch) as info:
            opened(other)
        assert recorded(other)[0][0] in info.value.message
        with other.unit_of_work() as uow, pytest.raises(KeyMismatch):
            uow.sealer.seal("李四", "customer_name", "X")
        assert len(wrong.fingerprints()) == 1
    finally:
        other.dispose()


def test_a_database_sealed_before_keys_were_recorded_gets_no_new_key(warehouse, station, url, tmp_path):
    """Migration 0008 on a database with sealed rows: no fingerprint; the key must be brought, never made."""
    [(fp, _)] = recorded(warehouse)
    with warehouse.unit_of_work() as uow:
        uow.session.execute(delete(models.SealingKey))
        uow.commit()
    key = station.load(fp)
    fresh = FileKeyStore(tmp_path / "station-d" / "keys")
    db = Database.open(url, key_store=fresh)
    try:
        with db.unit_of_work() as uow, pytest.raises(KeyMissing) as info:
            uow.sealer.seal("李四", "customer_name", "X")
        assert "records no key" in info.value.message
        assert recorded(db) == [] and fresh.fingerprints() == []
        admin = _admin(db)
        with db.unit_of_work(admin) as uow, pytest.raises(KeyMismatch):  # another key: refused, not adopted
            key_service.import_keys_file(uow, fresh, _b64(generate_key()), None)
        assert recorded(db) == [] and fresh.fingerprints() == []
        with db.unit_of_work(admin) as uow:  # the key it was sealed with (a bare base64 key file): adopted
            assert key_service.import_keys_file(uow, fresh, _b64(key), None) == [fingerprint(key)]
        assert recorded(db) == [(fingerprint(key), "current")]
        assert len(opened(db)) >= 24 * 3
    finally:
        db.dispose()


def _b64(key: bytes) -> bytes:
    import base64

    return base64.b64encode(key) + b"\n"


def _admin(db: Database):
    with db.unit_of_work() as uow:
        return sign_in_with_pin(uow, "admin", ADMIN_PIN, "test")


# ─── export and import ──────────────────────────────────────────────────────────


def test_an_export_opens_only_with_its_passphrase():
    k1, k2 = generate_key(), generate_key()
    data = export_keys([k1, k2], PASSPHRASE)
    doc = json.loads(data)
    assert doc["kdf"]["name"] == "scrypt" and doc["cipher"] == "AES-256-GCM"
    assert k1.hex() not in data.decode() and _b64(k1).decode().strip() not in data.decode()
    assert read_key_file(data, PASSPHRASE) == [k1, k2]
    with pytest.raises(KeyFileRefused):
        read_key_file(data, "not the passphrase")
    with pytest.raises(KeyFileRefused):
        read_key_file(data, None)
    tampered = json.loads(data)
    tampered["keys"][0]["fingerprint"] = fingerprint(k2)
    with pytest.raises(KeyFileRefused):
        read_key_file(json.dumps(tampered).encode(), PASSPHRASE)
    with pytest.raises(KeyFileRefused):
        export_keys([k1], "short")
    costly = json.loads(data)
    costly["kdf"]["n"] = 2**30  # a file may not choose a cost that hangs the station
    with pytest.raises(KeyFileRefused):
        read_key_file(json.dumps(costly).encode(), PASSPHRASE)


def test_export_then_import_on_a_new_station_opens_the_data(warehouse, station, url, tmp_path, capsys,
                                                            monkeypatch, sign_in_as):
    monkeypatch.setenv("PICKDESK_KEYS_DIR", str(station.folder))
    with warehouse.unit_of_work() as uow:  # an order with a label to print
        order_no = uow.session.scalars(select(models.Order.order_no).where(models.Order.status == "shipped")).first()
    out = tmp_path / "pickdesk-key.json"
    # Export is an admin's: nobody, then a packer, are refused.
    assert main(["keys", "export", "-o", str(out), "--db", url]) == 2
    assert "--user" in capsys.readouterr().err
    assert main(["keys", "export", "-o", str(out), "--db", url, "--passphrase-stdin",
                 *sign_in_as("packer1", "3333", PASSPHRASE)]) == 2
    assert "admin" in capsys.readouterr().err and not out.exists()
    assert main(["keys", "export", "-o", str(out), "--db", url, "--passphrase-stdin",
                 *sign_in_as("admin", ADMIN_PIN, PASSPHRASE)]) == 0
    assert mode(out) == 0o600 and recorded(warehouse)[0][0] in capsys.readouterr().out

    new_station = tmp_path / "re-imaged" / "keys"
    monkeypatch.setenv("PICKDESK_KEYS_DIR", str(new_station))
    label = tmp_path / "label.pdf"
    assert main(["label", order_no, "-o", str(label), "--db", url, *sign_in_as("packer1", "3333")]) == 2
    err = capsys.readouterr().err
    assert "No customer-data key on this station" in err and "Traceback" not in err and not label.exists()
    assert main(["keys", "show", "--db", url]) == 0
    assert "NOT held here" in capsys.readouterr().out
    assert main(["keys", "import", str(out), "--db", url, "--passphrase-stdin",
                 *sign_in_as("admin", ADMIN_PIN, "a wrong passphrase")]) == 2
    assert "passphrase" in capsys.readouterr().err and not new_station.exists()
    assert main(["keys", "import", str(out), "--db", url, "--passphrase-stdin",
                 *sign_in_as("admin", ADMIN_PIN, PASSPHRASE)]) == 0
    capsys.readouterr()
    assert mode(next(new_station.glob("*.key"))) == 0o600 and mode(new_station) == 0o700
    assert main(["label", order_no, "-o", str(label), "--db", url, "--reason", "station re-imaged",
                 *sign_in_as("packer1", "3333")]) == 0
    assert label.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["keys", "show", "--json", "--db", url]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["ready"] and shown["recorded"][0]["held"] and shown["store"] == f"file {new_station}"
    with warehouse.unit_of_work() as uow:
        A, U = models.AuditEntry, models.User
        actions = dict(uow.session.execute(select(A.action, U.login).join(U, A.user_id == U.id)
                                           .where(A.action.in_(("keys_exported", "keys_imported")))).all())
    assert actions == {"keys_exported": "admin", "keys_imported": "admin"}


# ─── rotation ───────────────────────────────────────────────────────────────────


class Stop(Exception):
    pass


def test_a_rotation_stopped_halfway_loses_nothing_and_a_rerun_finishes_it(warehouse, station, url, tmp_path):
    before = opened(warehouse)
    old_fp = recorded(warehouse)[0][0]
    admin = _admin(warehouse)
    with pytest.raises(NotAllowed):
        key_service.rotate(warehouse, Actor(admin.user_id, "p", "P", Role.PICKER, "t"), station)

    def stop_after_two(report) -> None:  # noqa: ANN001
        if report.batches == 2:
            raise Stop  # the power goes out after the second committed batch

    with pytest.raises(Stop):
        key_service.rotate(warehouse, admin, station, batch_size=5, after_batch=stop_after_two)
    new_fp = next(fp for fp, status in recorded(warehouse) if status == "current")
    assert dict(recorded(warehouse)) == {old_fp: "previous", new_fp: "current"}
    with warehouse.unit_of_work() as uow:
        rotation = uow.session.scalars(select(models.KeyRotation)).one()  # the module's first rotation
        assert rotation.finished_at is None and rotation.batches == 2
        ids = list(uow.session.scalars(select(models.Order.id).order_by(models.Order.id)))
        assert rotation.resealed_through == ids[9]
        names = dict(uow.session.execute(select(models.Order.id, models.Order.customer_name_sealed)).all())
    new_id = bytes.fromhex(new_fp[:8])
    assert all(key_id_of(names[i]) == new_id for i in ids[:10])
    assert all(key_id_of(names[i]) != new_id for i in ids[10:])
    assert opened(warehouse) == before  # halfway, both keys open: nothing lost

    # Another station that has only the old key is refused (it must import the new one), not half-served.
    old_only = FileKeyStore(tmp_path / "old-only")
    old_only.save(station.load(old_fp))
    lagging = Database.open(url, key_store=old_only)
    try:
        with pytest.raises(KeyMismatch):
            opened(lagging)
    finally:
        lagging.dispose()

    report = key_service.rotate(warehouse, admin, station, batch_size=5)
    assert report.resumed and report.finished and (report.from_fingerprint, report.to_fingerprint) == (old_fp, new_fp)
    assert dict(recorded(warehouse)) == {old_fp: "retired", new_fp: "current"}
    with warehouse.unit_of_work() as uow:
        for row in uow.session.execute(select(*(getattr(models.Order, c) for c in SEALED_COLUMNS))):
            assert all(v is None or key_id_of(v) == new_id for v in row)
        assert uow.session.scalar(select(func.count()).select_from(models.Order)) == 24
        rotation = uow.session.scalars(select(models.KeyRotation)).one()
        assert rotation.finished_at is not None and rotation.values_resealed == len(before)
    assert opened(warehouse) == before
    # The retired key opens nothing any more: only the new one is needed.
    new_only = FileKeyStore(tmp_path / "new-only")
    new_only.save(station.load(new_fp))
    fresh = Database.open(url, key_store=new_only)
    try:
        assert opened(fresh) == before
    finally:
        fresh.dispose()


def test_rotate_on_the_command_line_is_an_admins(warehouse, station, url, capsys, monkeypatch, sign_in_as):
    """Runs after the rotation above, on the same warehouse: a second rotation, by the command line."""
    monkeypatch.setenv("PICKDESK_KEYS_DIR", str(station.folder))
    before = opened(warehouse)
    statuses = [s for _, s in recorded(warehouse)]
    assert main(["keys", "rotate", "--db", url]) == 2
    assert main(["keys", "rotate", "--db", url, *sign_in_as("super1", "5555")]) == 2
    assert "admin" in capsys.readouterr().err
    assert [s for _, s in recorded(warehouse)] == statuses  # refused: nothing started
    assert main(["keys", "rotate", "--batch", "10", "--db", url, *sign_in_as("admin", ADMIN_PIN)]) == 0
    assert "retired" in capsys.readouterr().out
    assert sorted(s for _, s in recorded(warehouse)) == sorted([*statuses, "retired"])
    assert [s for _, s in recorded(warehouse)].count("current") == 1 and opened(warehouse) == before
    with warehouse.unit_of_work() as uow:
        A, U = models.AuditEntry, models.User
        who = uow.session.scalar(select(U.login).join(A, A.user_id == U.id).where(A.action == "key_rotated"))
    assert who == "admin"


def test_a_rotation_reseals_the_carrier_secrets_too(warehouse, station, url, tmp_path):
    from desktop.services import carrier_accounts

    admin = _admin(warehouse)
    with warehouse.unit_of_work(admin) as uow:
        carrier_accounts.set_account(uow, "SF", "sf", "https://sfapi-sbox.sf-express.com/std/service", "WH1",
                                     "rotation-check-word")
    old_fp = next(fp for fp, status in recorded(warehouse) if status == "current")
    key_service.rotate(warehouse, admin, station, batch_size=50)
    new_fp = next(fp for fp, status in recorded(warehouse) if status == "current")
    assert new_fp != old_fp and dict(recorded(warehouse))[old_fp] == "retired"
    new_only = FileKeyStore(tmp_path / "new-only-carriers")
    new_only.save(station.load(new_fp))
    fresh = Database.open(url, key_store=new_only)
    try:
        with fresh.unit_of_work(admin) as uow:
            row = uow.session.scalar(select(models.CarrierAccount).where(models.CarrierAccount.code == "SF"))
            assert key_id_of(row.secret_sealed) == bytes.fromhex(new_fp[:8])
            assert carrier_accounts.account_secret(uow, row) == "rotation-check-word"
    finally:
        fresh.dispose()


def _tails(db: Database) -> dict[str, bytes | None]:
    with db.unit_of_work() as uow:
        O = models.Order
        return dict(uow.session.execute(select(O.order_no, O.customer_phone_tail)).all())


def test_a_rotation_makes_the_phone_search_digests_again_and_reindex_fills_the_missing(
        warehouse, station, url, capsys, monkeypatch, sign_in_as):
    """Runs after the rotations above: the phone digest follows the phone's key, and the command fills
    the rows a migration left without one."""
    from desktop.security.crypto import phone_tail, phone_tail_digest

    phone = {no: p for (no, name), p in opened(warehouse).items() if name == "customer_phone"}

    def made_under(fp: str) -> dict[str, bytes | None]:
        key = station.load(fp)
        return {no: phone_tail_digest(key, phone_tail(p)) for no, p in phone.items()}

    current = next(fp for fp, status in recorded(warehouse) if status == "current")
    assert _tails(warehouse) == made_under(current)
    key_service.rotate(warehouse, _admin(warehouse), station, batch_size=50)
    new = next(fp for fp, status in recorded(warehouse) if status == "current")
    assert new != current and _tails(warehouse) == made_under(new)

    with warehouse.unit_of_work() as uow:  # as migration 0018 leaves the orders already there
        uow.session.execute(models.Order.__table__.update().values(customer_phone_tail=None))
        uow.commit()
    monkeypatch.setenv("PICKDESK_KEYS_DIR", str(station.folder))
    assert main(["keys", "reindex-phones", "--db", url, *sign_in_as("super1", "5555")]) == 2
    assert "admin" in capsys.readouterr().err and set(_tails(warehouse).values()) == {None}
    assert main(["keys", "reindex-phones", "--batch", "10", "--db", url, *sign_in_as("admin", ADMIN_PIN)]) == 0
    assert f"{len(phone)} order(s)" in capsys.readouterr().out
    assert _tails(warehouse) == made_under(new)
    with warehouse.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(models.AuditEntry)
                                  .where(models.AuditEntry.action == "phones_reindexed")) == 1
