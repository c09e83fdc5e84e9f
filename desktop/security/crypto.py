"""Customer data sealed at rest: AES-256-GCM through `cryptography`.

A sealed value is `b"\\x01" + key_id (4 bytes) + nonce (12 bytes) + ciphertext+tag`. The key id lets a
station holding several keys (after a rotation) open old rows. The associated data binds a
ciphertext to its field and order number, so a sealed phone cannot be copied onto another order or
into the name field unnoticed.

Where a station keeps its keys and how the database names them: `desktop.security.keys`; which key a
unit of work seals with (and the refusal when the station lacks it): `desktop.security.sealing`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.domain.errors import ConfigurationError, PickdeskError

FORMAT_VERSION = 1
PHONE_TAIL_DIGITS = 4  # what a customer reads out on the phone, what a supervisor searches by


class SealBroken(PickdeskError):
    code = "seal_broken"


@dataclass(frozen=True)
class Sealer:
    """Seals and opens customer fields with one current key (and older keys for opening)."""

    key: bytes
    older_keys: tuple[bytes, ...] = ()

    def __post_init__(self) -> None:
        for k in (self.key, *self.older_keys):
            if len(k) != 32:
                raise ConfigurationError("The customer-data key must be 32 bytes (AES-256).",
                                         "客户数据密钥必须为 32 字节（AES-256）。")

    @staticmethod
    def key_id(key: bytes) -> bytes:
        return bytes.fromhex(fingerprint(key)[:8])

    def is_current(self, sealed: bytes) -> bool:
        """Whether `sealed` is under the current key (a rotation re-seals what is not)."""
        return key_id_of(sealed) == self.key_id(self.key)

    def tail_digest(self, tail: str) -> bytes:
        """The keyed digest of a phone's last digits under the current key (`phone_tail_digest`)."""
        return phone_tail_digest(self.key, tail)

    def tail_digests(self, tail: str) -> tuple[bytes, ...]:
        """The digests of `tail` under every key held (a rotation under way leaves rows of both)."""
        return tuple(phone_tail_digest(k, tail) for k in (self.key, *self.older_keys))

    def phone_digest(self, phone: str) -> bytes | None:
        """The digest stored beside a sealed phone (None for a phone of fewer than four digits)."""
        tail = phone_tail(phone)
        return None if tail is None else self.tail_digest(tail)

    def seal(self, plaintext: str, field: str, owner: str) -> bytes:
        nonce = secrets.token_bytes(12)
        aad = f"{field}|{owner}".encode()
        ct = AESGCM(self.key).encrypt(nonce, plaintext.encode("utf-8"), aad)
        return bytes([FORMAT_VERSION]) + self.key_id(self.key) + nonce + ct

    def digest(self, *parts: str) -> str:
        """A keyed digest (HMAC-SHA256, hex) of `parts`, under a key derived from the current one: two
        orders' sealed fields compare equal by their digests without either being opened again, and
        the digest tells nothing to whoever lacks the key. After a key rotation new digests differ
        from old ones (a merge window is minutes: the few orders across it are not merged)."""
        key = hmac.new(self.key, b"pickdesk digest v1", hashlib.sha256).digest()
        return hmac.new(key, "\x1f".join(parts).encode("utf-8"), hashlib.sha256).hexdigest()

    def open(self, sealed: bytes, field: str, owner: str) -> str:
        if len(sealed) < 1 + 4 + 12 + 16 or sealed[0] != FORMAT_VERSION:
            raise SealBroken("A sealed customer field is damaged.", "加密的客户数据已损坏。")
        kid, nonce, ct = sealed[1:5], sealed[5:17], sealed[17:]
        for key in (self.key, *self.older_keys):
            if self.key_id(key) == kid:
                try:
                    return AESGCM(key).decrypt(nonce, ct, f"{field}|{owner}".encode()).decode("utf-8")
                except InvalidTag as exc:
                    raise SealBroken("A sealed customer field does not match its order.",
                                     "加密的客户数据与订单不符。") from exc
        raise SealBroken("This station does not hold the key for this customer data.",
                         "本工作站没有该客户数据的密钥。")


def phone_tail(phone: str) -> str | None:
    """The last four digits of a phone, normalised (full-width digits read as ASCII, every other sign
    dropped): "+86 138-0013-8000" → "8000". None when the phone has fewer digits."""
    digits = "".join(c for c in unicodedata.normalize("NFKC", phone or "") if "0" <= c <= "9")
    return digits[-PHONE_TAIL_DIGITS:] if len(digits) >= PHONE_TAIL_DIGITS else None


def _tail_key(key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"pickdesk phone tail v1").derive(key)


def phone_tail_digest(key: bytes, tail: str) -> bytes:
    """HMAC-SHA256 (16 bytes) of a phone's last digits, with a key derived (HKDF) from the data key.

    Searchable without opening a row: the same tail under the same key gives the same digest. Without
    the station's key the database cannot tell which tail a digest stands for (ten thousand guesses
    need the key); it does tell that two orders share a tail, which a tail of four digits gives away
    anyway. A rotation re-computes it with the phone's new seal."""
    return hmac.new(_tail_key(key), b"phone-tail|" + tail.encode("ascii"), hashlib.sha256).digest()[:16]


def generate_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def fingerprint(key: bytes) -> str:
    """The name a key goes by in the database, the key store and `pickdesk keys show`: 16 hex digits.

    The first 8 of them are the key id every sealed value carries (`Sealer.key_id`), so a sealed value
    says which recorded key opens it. Not secret: it is a hash of the key, never the key."""
    return hashlib.sha256(b"pickdesk-key-id" + key).hexdigest()[:16]


def key_id_of(sealed: bytes) -> bytes:
    """The key id a sealed value was sealed under (4 bytes)."""
    return sealed[1:5]


def mask_name(name: str) -> str:
    """张伟 → 张*, John Smith → J*** S****: enough for a packer to match a parcel, no more."""
    if not name:
        return ""
    if any("\u4e00" <= ch <= "\u9fff" for ch in name):
        return name[0] + "*" * max(1, len(name) - 1)
    return " ".join(part[0] + "*" * (len(part) - 1) for part in name.split())


def mask_phone(phone: str) -> str:
    """+86 138 0013 8000 → +86 138****8000: country code, three leading and four trailing digits."""
    import phonenumbers

    try:
        number = phonenumbers.parse(phone, "CN")
        national = str(number.national_number)
        cc = f"+{number.country_code} "
    except phonenumbers.NumberParseException:
        national, cc = "".join(c for c in phone if c.isdigit()), ""
    if len(national) < 8:
        return cc + "*" * len(national)
    return f"{cc}{national[:3]}****{national[-4:]}"
