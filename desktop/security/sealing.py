"""Which key a unit of work seals and opens with, decided against what the database records.

`UnitOfWorkSealer` is what services see as `uow.sealer`: `seal` and `open` like a `Sealer`. On first
use it reads `sealing_keys` in the unit of work's own transaction and takes the keys from the
station's `KeyStore`:

- the database records a current key and the station holds it → seal with it; open with it and with
  the `previous` key of a rotation under way (when held);
- the database records a key the station lacks → `KeyMissing` (the station holds no key at all) or
  `KeyMismatch` (it holds others): nothing is sealed, nothing opened;
- the database records no key and holds no order (an empty or fresh warehouse) → the first `seal`
  makes a key, keeps it in the store *before* recording its fingerprint in this transaction;
- the database records no key but holds sealed orders (sealed before migration 0008) → `KeyMissing`:
  a key is never made for a database that already has one; `pickdesk keys import` adopts it.

A station that has no business with customer data (a picker's) never touches the sealer, so it runs
without any key. The check happens per unit of work, so a rotation finished by another station is
seen by the next transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from desktop.db import models
from desktop.domain.keys import KeyStatus
from desktop.security.crypto import Sealer, fingerprint, key_id_of
from desktop.security.keys import KeyMismatch, KeyMissing, KeyStore

if TYPE_CHECKING:
    from desktop.db.database import UnitOfWork

# Every sealed column, and the field name its associated data binds it to (the owner is the order number).
SEALED_COLUMNS: dict[str, str] = {
    "customer_name_sealed": "customer_name",
    "customer_phone_sealed": "customer_phone",
    "customer_email_sealed": "customer_email",
    "ship_detail_sealed": "ship_detail",
}


def recorded_keys(session: Session) -> list[models.SealingKey]:
    K = models.SealingKey
    return list(session.scalars(select(K).order_by(K.created_at, K.fingerprint)))


def holds_sealed_data(session: Session) -> bool:
    return bool(session.scalar(select(exists().where(models.Order.id.is_not(None)))))


def _refusal(store: KeyStore, needed: str) -> KeyMissing | KeyMismatch:
    # Short enough for the packer's refusal banner; nothing is sealed or opened after either.
    held = store.fingerprints()
    if not held:
        return KeyMissing(
            f"No customer-data key on this station (the data needs key {needed}). "
            f"An admin imports it: pickdesk keys import.",
            f"本工作站没有客户数据密钥（数据需要密钥 {needed}）。请管理员导入：pickdesk keys import。")
    return KeyMismatch(
        f"This station holds another customer-data key, not {needed}. An admin imports it: pickdesk keys import.",
        f"本工作站的客户数据密钥不是 {needed}。请管理员导入：pickdesk keys import。")


def resolve_sealer(session: Session, store: KeyStore, *, may_create: bool) -> Sealer:
    """The sealer this station may use on this database now (see the module notes)."""
    rows = recorded_keys(session)
    current = next((r for r in rows if r.status == KeyStatus.CURRENT.value), None)
    if current is None:
        if holds_sealed_data(session):
            raise KeyMissing(
                "This database holds sealed customer data but records no key (it was sealed before keys were "
                "recorded): import the key it was sealed with, `pickdesk keys import FILE`. Nothing was sealed "
                "or opened.",
                "该数据库有加密的客户数据，但没有记录密钥（在记录密钥之前加密）：请用 `pickdesk keys import 文件` "
                "导入当时的密钥。未加密或打开任何数据。")
        if not may_create:
            raise _refusal(store, "(none yet)")
        key = store.make_key()  # kept before it is recorded: a recorded key is never one nobody holds
        fp = fingerprint(key)
        session.add(models.SealingKey(fingerprint=fp, status=KeyStatus.CURRENT.value))
        session.flush()
        return Sealer(key)
    key = store.load(current.fingerprint)
    if key is None:
        raise _refusal(store, current.fingerprint)
    older = [store.load(r.fingerprint) for r in rows if r.status == KeyStatus.PREVIOUS.value]
    return Sealer(key, tuple(k for k in older if k is not None))


class UnitOfWorkSealer:
    """`uow.sealer`: resolves the keys on first use, in the unit of work's transaction."""

    def __init__(self, uow: UnitOfWork, store: KeyStore | Callable[[], KeyStore]) -> None:
        self._uow = uow
        self._store = store  # or what gives it: the station's store is looked up only when keys are needed
        self._sealer: Sealer | None = None

    def _resolve(self, may_create: bool) -> Sealer:
        if self._sealer is None:
            session = self._uow.session
            if session is None:
                raise RuntimeError("the sealer is used outside its unit of work")
            store = self._store if isinstance(self._store, KeyStore) else self._store()
            self._sealer = resolve_sealer(session, store, may_create=may_create)
        return self._sealer

    def seal(self, plaintext: str, field: str, owner: str) -> bytes:
        return self._resolve(True).seal(plaintext, field, owner)

    def open(self, sealed: bytes, field: str, owner: str) -> str:
        return self._resolve(False).open(sealed, field, owner)

    def phone_digest(self, phone: str) -> bytes | None:
        """The searchable digest of a phone's last digits, under the key its seal uses (made with it)."""
        return self._resolve(True).phone_digest(phone)

    def tail_digests(self, tail: str) -> tuple[bytes, ...]:
        """What a search by a phone's last digits looks for: the digests under every key held."""
        return self._resolve(False).tail_digests(tail)

    def digest(self, *parts: str) -> str:
        return self._resolve(False).digest(*parts)


def adopt_key(session: Session, key: bytes) -> str | None:
    """Record `key` as current for a database that records none — only when no order is sealed under
    another key (an empty warehouse, or one sealed before migration 0008 with this very key).
    Returns its fingerprint, or None when the database already records a current key."""
    rows = recorded_keys(session)
    if any(r.status == KeyStatus.CURRENT.value for r in rows):
        return None
    kid = Sealer.key_id(key)
    O = models.Order
    for value in session.scalars(select(O.customer_name_sealed)):
        if key_id_of(value) != kid:
            raise KeyMismatch(
                f"The key {fingerprint(key)} is not the one this database's customer data is sealed with; "
                f"nothing was recorded.",
                f"密钥 {fingerprint(key)} 不是该数据库客户数据所用的密钥；未记录任何内容。")
    fp = fingerprint(key)
    existing = session.get(models.SealingKey, fp)
    if existing is not None:
        existing.status = KeyStatus.CURRENT.value
    else:
        session.add(models.SealingKey(fingerprint=fp, status=KeyStatus.CURRENT.value))
    session.flush()
    return fp
