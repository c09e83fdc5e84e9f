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
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.domain.errors import ConfigurationError, PickdeskError

FORMAT_VERSION = 1


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
