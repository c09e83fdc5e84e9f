"""Customer data sealed at rest: AES-256-GCM through `cryptography`.

A sealed value is `b"\\x01" + key_id (4 bytes) + nonce (12 bytes) + ciphertext+tag`. The key id lets a
station holding several keys (after a rotation) open old rows. The associated data binds a
ciphertext to its field and order number, so a sealed phone cannot be copied onto another order or
into the name field unnoticed.

Keys come from PICKDESK_PII_KEY (base64 of 32 bytes) or a key file; the embedded demo database keeps
its own key file beside it, created on first start with owner-only permissions.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

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
        return hashlib.sha256(b"pickdesk-key-id" + key).digest()[:4]

    def seal(self, plaintext: str, field: str, owner: str) -> bytes:
        nonce = secrets.token_bytes(12)
        aad = f"{field}|{owner}".encode()
        ct = AESGCM(self.key).encrypt(nonce, plaintext.encode("utf-8"), aad)
        return bytes([FORMAT_VERSION]) + self.key_id(self.key) + nonce + ct

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


def load_key_file(path: Path, create: bool = False) -> bytes:
    if not path.exists():
        if not create:
            raise ConfigurationError(f"Customer-data key file {path} is missing.", f"缺少客户数据密钥文件 {path}。")
        path.parent.mkdir(parents=True, exist_ok=True)
        key = generate_key()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(base64.b64encode(key) + b"\n")
        return key
    try:
        return base64.b64decode(path.read_bytes().strip(), validate=True)
    except ValueError as exc:
        raise ConfigurationError(f"Customer-data key file {path} is not base64.", f"密钥文件 {path} 格式错误。") from exc


def sealer_from_environment(default_key_file: Path | None) -> Sealer:
    """PICKDESK_PII_KEY wins; else PICKDESK_PII_KEY_FILE; else the default file (created if absent)."""
    env_key = os.environ.get("PICKDESK_PII_KEY")
    if env_key:
        try:
            return Sealer(base64.b64decode(env_key, validate=True))
        except ValueError as exc:
            raise ConfigurationError("PICKDESK_PII_KEY is not base64.", "PICKDESK_PII_KEY 不是 base64。") from exc
    key_file = os.environ.get("PICKDESK_PII_KEY_FILE")
    if key_file:
        return Sealer(load_key_file(Path(key_file)))
    if default_key_file is None:
        raise ConfigurationError("No customer-data key: set PICKDESK_PII_KEY or PICKDESK_PII_KEY_FILE.",
                                 "未配置客户数据密钥：请设置 PICKDESK_PII_KEY 或 PICKDESK_PII_KEY_FILE。")
    return Sealer(load_key_file(default_key_file, create=True))


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
