"""The customer-data key as an administrator handles it: show, export, import, rotate.

- `key_report`: what the database records (fingerprints and their status, a rotation's progress) and
  which of those keys this station holds, and where. Fingerprints are not secret: anyone may look.
- `export_keys_file`: the keys the database still needs that this station holds, wrapped with a
  passphrase (`desktop.security.keys.export_keys`). Admin only; audited.
- `import_keys_file`: the restore path of a re-imaged (or new packer/supervisor) station: keeps the
  keys of an export that the database records. A database sealed before keys were recorded adopts the
  imported key once it is shown to open its rows. Admin only; audited.
- `reindex_phones`: the phone search digest (migration 0018) for the orders sealed before it. Admin only.
- `rotate`: a new current key; every sealed value re-sealed under it in batches, each batch committed
  with its progress (`key_rotations.resealed_through`), so a stop loses nothing and a rerun resumes.
  While it runs the old key is `previous` and still opens; at the end a last pass re-seals what other
  stations wrote under the old key meanwhile, and the old key is retired. A re-sealed phone gets its
  search digest made again under the new key. Admin only; audited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import undefer

from desktop.db import models
from desktop.services.carrier_accounts import SECRET_FIELD as CARRIER_SECRET
from desktop.db.database import Database, UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.actor import Actor
from desktop.domain.errors import ConfigurationError
from desktop.domain.keys import KeyStatus
from desktop.domain.roles import Role, require_role
from desktop.security.crypto import Sealer, fingerprint
from desktop.security.keys import KeyMismatch, KeyStore, export_keys, read_key_file
from desktop.security.sealing import SEALED_COLUMNS, adopt_key, recorded_keys, resolve_sealer


@dataclass(frozen=True)
class RecordedKey:
    fingerprint: str
    status: KeyStatus
    created_at: datetime
    retired_at: datetime | None
    held: bool


@dataclass(frozen=True)
class RotationProgress:
    from_fingerprint: str
    to_fingerprint: str
    resealed_through: int
    values_resealed: int
    batches: int
    started_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True)
class KeyReport:
    store: str
    held: tuple[str, ...]
    recorded: tuple[RecordedKey, ...]
    rotation: RotationProgress | None  # the one under way, else the last one

    @property
    def ready(self) -> bool:
        """This station can seal and open (or will make the first key of an empty database)."""
        current = [k for k in self.recorded if k.status is KeyStatus.CURRENT]
        return all(k.held for k in current)

    def to_dict(self) -> dict[str, object]:
        return {"store": self.store, "held": list(self.held), "ready": self.ready,
                "recorded": [{"fingerprint": k.fingerprint, "status": k.status.value,
                              "created_at": k.created_at.isoformat(),
                              "retired_at": k.retired_at.isoformat() if k.retired_at else None, "held": k.held}
                             for k in self.recorded],
                "rotation": None if self.rotation is None else {
                    **{k: v for k, v in self.rotation.__dict__.items() if not k.endswith("_at")},
                    "started_at": self.rotation.started_at.isoformat(),
                    "finished_at": self.rotation.finished_at.isoformat() if self.rotation.finished_at else None}}


def _progress(r: models.KeyRotation) -> RotationProgress:
    return RotationProgress(r.from_fingerprint, r.to_fingerprint, r.resealed_through, r.values_resealed, r.batches,
                            r.started_at, r.finished_at)


def _last_rotation(uow: UnitOfWork) -> models.KeyRotation | None:
    R = models.KeyRotation
    return uow.session.scalars(select(R).order_by(R.id.desc()).limit(1)).first()


def key_report(uow: UnitOfWork, store: KeyStore) -> KeyReport:
    held = tuple(store.fingerprints())
    recorded = tuple(RecordedKey(r.fingerprint, KeyStatus(r.status), r.created_at, r.retired_at, r.fingerprint in held)
                     for r in recorded_keys(uow.session))
    last = _last_rotation(uow)
    return KeyReport(store.where, held, recorded, None if last is None else _progress(last))


def _needed_keys(uow: UnitOfWork) -> list[models.SealingKey]:
    return [r for r in recorded_keys(uow.session) if r.status != KeyStatus.RETIRED.value]


def export_keys_file(uow: UnitOfWork, store: KeyStore, passphrase: str) -> tuple[bytes, list[str]]:
    """The export file's bytes and the fingerprints in it; the caller writes the file (0600)."""
    require_role(uow.actor.role, Role.ADMIN)
    resolve_sealer(uow.session, store, may_create=False)  # refuses a station without the current key
    keys = [k for k in (store.load(r.fingerprint) for r in _needed_keys(uow)) if k is not None]
    data = export_keys(keys, passphrase)
    fps = [fingerprint(k) for k in keys]
    uow.audit("keys_exported", "sealing_key", fps[0], fingerprints=fps)
    uow.commit()
    return data, fps


def import_keys_file(uow: UnitOfWork, store: KeyStore, data: bytes, passphrase: str | None) -> list[str]:
    """Keep the keys of `data` the database needs; the fingerprints kept."""
    require_role(uow.actor.role, Role.ADMIN)
    keys = read_key_file(data, passphrase)
    needed = {r.fingerprint for r in _needed_keys(uow)}
    useful = [k for k in keys if fingerprint(k) in needed]
    adopted = None
    if not useful and not any(r.status == KeyStatus.CURRENT.value for r in recorded_keys(uow.session)):
        if len(keys) != 1:
            raise KeyMismatch("This database records no key yet: import exactly one key for it.",
                              "该数据库尚未记录密钥：请只导入一个密钥。")
        adopted = adopt_key(uow.session, keys[0])  # checked against every sealed order first
        useful = keys
    if not useful:
        raise KeyMismatch(
            "None of the keys in this file is one the database records (" + ", ".join(sorted(needed)) + "); "
            "nothing was imported.",
            "文件中的密钥都不是数据库记录的密钥（" + "、".join(sorted(needed)) + "）；未导入任何密钥。")
    fps = [store.save(k) for k in useful]
    uow.audit("keys_imported", "sealing_key", fps[0], fingerprints=fps, adopted=adopted is not None)
    uow.commit()
    return fps


@dataclass
class RotationReport:
    from_fingerprint: str
    to_fingerprint: str
    resumed: bool
    values_resealed: int = 0
    batches: int = 0
    stragglers: int = 0
    finished: bool = False
    notes: list[str] = field(default_factory=list)


def _reseal(order: models.Order, sealer: Sealer) -> int:
    """Re-seal what is under an old key; the phone's search digest is made again with its new seal."""
    n = 0
    for column, name in SEALED_COLUMNS.items():
        value = getattr(order, column)
        if value is not None and not sealer.is_current(value):
            plain = sealer.open(value, name, order.order_no)
            setattr(order, column, sealer.seal(plain, name, order.order_no))
            if column == "customer_phone_sealed":
                order.customer_phone_tail = sealer.phone_digest(plain)
            n += 1
    return n


@dataclass
class ReindexReport:
    orders: int = 0  # digests written
    batches: int = 0


def reindex_phones(db: Database, actor: Actor, store: KeyStore | None = None, *, every: bool = False,
                   batch_size: int = 500, after_batch: Callable[[ReindexReport], None] | None = None) -> ReindexReport:
    """Fill the phone search digest (migration 0018) of the orders that lack one: the migration holds no
    key. `every`: make every order's again (a digest is always made with the key that seals the phone).
    Admin only, on a station holding the key; batches committed as they go (a stop loses nothing, a
    rerun goes on), one audit record at the end."""
    require_role(actor.role, Role.ADMIN)
    store = store or db.key_store
    report = ReindexReport()
    O = models.Order
    last = 0
    while True:
        with db.unit_of_work(actor) as uow:
            q = select(O).where(O.id > last).options(undefer(O.customer_phone_sealed)).order_by(O.id).limit(batch_size)
            if not every:
                q = q.where(O.customer_phone_tail.is_(None))
            orders = list(uow.session.scalars(q))
            if not orders:
                break
            sealer = resolve_sealer(uow.session, store, may_create=False)
            for order in orders:
                digest = sealer.phone_digest(sealer.open(order.customer_phone_sealed, "customer_phone", order.order_no))
                if digest is not None:
                    order.customer_phone_tail = digest
                    report.orders += 1
            last = orders[-1].id
            uow.commit()
            report.batches += 1
        if after_batch is not None:
            after_batch(report)
    with db.unit_of_work(actor) as uow:
        uow.audit("phones_reindexed", "orders", "customer_phone_tail", orders=report.orders, every=every)
        uow.commit()
    return report


def _start_or_resume(db: Database, actor: Actor, store: KeyStore) -> tuple[int, RotationReport]:
    with db.unit_of_work(actor) as uow:
        require_role(actor.role, Role.ADMIN)
        s = uow.session
        R, K = models.KeyRotation, models.SealingKey
        running = s.scalars(select(R).where(R.finished_at.is_(None)).order_by(R.id)).first()
        if running is not None:
            resolve_sealer(s, store, may_create=False)  # the new key must be here to go on
            if not store.holds(running.from_fingerprint):
                raise KeyMismatch(
                    f"A rotation from key {running.from_fingerprint} is under way and this station does not hold "
                    f"that key, so it cannot re-seal what is left: resume it where it started, or import the key.",
                    f"正在从密钥 {running.from_fingerprint} 轮换，本工作站没有该密钥，无法继续重新加密："
                    f"请在开始轮换的工作站上继续，或导入该密钥。")
            return running.id, RotationReport(running.from_fingerprint, running.to_fingerprint, True)
        current = s.scalars(select(K).where(K.status == KeyStatus.CURRENT.value)).first()
        if current is None:
            raise ConfigurationError("Nothing is sealed in this database yet, so there is no key to rotate.",
                                     "该数据库尚未加密任何数据，没有可轮换的密钥。")
        resolve_sealer(s, store, may_create=False)  # the station holds the current key (or is refused)
        new_fp = fingerprint(store.make_key())  # kept before anything is sealed under it
        if new_fp == current.fingerprint:
            raise ConfigurationError(f"This station's key is fixed ({store.where}): rotate on a station with a key store.",
                                     f"本工作站的密钥是固定的（{store.where}）：请在有密钥库的工作站上轮换。")
        current.status = KeyStatus.PREVIOUS.value
        s.flush()  # the one-current index: the old one steps down first
        s.add(K(fingerprint=new_fp, status=KeyStatus.CURRENT.value))
        s.flush()
        rotation = R(from_fingerprint=current.fingerprint, to_fingerprint=new_fp, resealed_through=0,
                     values_resealed=0, batches=0)
        s.add(rotation)
        uow.audit("key_rotation_started", "sealing_key", new_fp, previous=current.fingerprint)
        uow.commit()
        return rotation.id, RotationReport(current.fingerprint, new_fp, False)


def rotate(db: Database, actor: Actor, store: KeyStore | None = None, *, batch_size: int = 500,
           after_batch: Callable[[RotationReport], None] | None = None) -> RotationReport:
    """Start a rotation (or resume the one under way) and run it to the end; see the module notes.

    `after_batch` is called after each committed batch (progress output; a test stops it there)."""
    store = store or db.key_store
    rotation_id, report = _start_or_resume(db, actor, store)
    O = models.Order
    while True:
        with db.unit_of_work(actor) as uow:
            rotation = uow.session.get(models.KeyRotation, rotation_id)
            assert rotation is not None
            orders = list(uow.session.scalars(select(O).where(O.id > rotation.resealed_through)
                                              .order_by(O.id).limit(batch_size)))
            if not orders:
                break
            sealer = resolve_sealer(uow.session, store, may_create=False)
            n = sum(_reseal(o, sealer) for o in orders)
            rotation.resealed_through = orders[-1].id
            rotation.values_resealed += n
            rotation.batches += 1
            uow.commit()
            report.values_resealed += n
            report.batches += 1
        if after_batch is not None:
            after_batch(report)
    # The last pass: values other stations wrote under the old key while the sweep went on.
    with db.unit_of_work(actor) as uow:
        s = uow.session
        sealer = resolve_sealer(s, store, may_create=False)
        cols = [getattr(O, c) for c in SEALED_COLUMNS]
        behind = [row[0] for row in s.execute(select(O.id, *cols))
                  if any(v is not None and not sealer.is_current(v) for v in row[1:])]
        # (a digest is written with its phone's seal, so a phone under the new key has its digest too)
        for start in range(0, len(behind), batch_size):
            for order in s.scalars(select(O).where(O.id.in_(behind[start:start + batch_size]))):
                report.stragglers += _reseal(order, sealer)
        # Carrier secrets (SF's check word …) are sealed with the same key: re-sealed here, few as they are.
        for account in s.scalars(select(models.CarrierAccount).where(models.CarrierAccount.secret_sealed.is_not(None))):
            if not sealer.is_current(account.secret_sealed):
                plain = sealer.open(account.secret_sealed, CARRIER_SECRET, account.code)
                account.secret_sealed = sealer.seal(plain, CARRIER_SECRET, account.code)
                report.stragglers += 1
        rotation = s.get(models.KeyRotation, rotation_id)
        assert rotation is not None
        rotation.values_resealed += report.stragglers
        rotation.finished_at = utcnow()
        old = s.get(models.SealingKey, rotation.from_fingerprint)
        assert old is not None
        old.status, old.retired_at = KeyStatus.RETIRED.value, utcnow()
        uow.audit("key_rotated", "sealing_key", rotation.to_fingerprint, previous=rotation.from_fingerprint,
                  values_resealed=rotation.values_resealed, batches=rotation.batches)
        uow.commit()
    report.finished = True
    return report
