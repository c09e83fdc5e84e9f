"""Where a station keeps the customer-data keys, and the passphrase-wrapped file that moves them.

A key is 32 random bytes, named by its fingerprint (`crypto.fingerprint`: 16 hex digits, not secret).
A station keeps its keys in one `KeyStore`:

- `KeyringKeyStore`: the desktop's secret store (`keyring`: GNOME Keyring / KWallet through the
  Secret Service, the macOS Keychain, the Windows Credential Locker), when one is available;
- `FileKeyStore`: one file per key, `<fingerprint>.key` (base64), in a folder outside the data folder
  (the platform's config folder, `~/.config/Pickdesk/keys` on Linux): files 0600, the folder 0700;
- `FixedKeyStore`: keys handed in by the program (tests, `PICKDESK_PII_KEY` in CI); it cannot take more.

`default_key_store()` picks one for a station; it is the only place that reads the environment.

An export (`export_keys`) is JSON: the keys sealed with AES-256-GCM under a key derived from a
passphrase with scrypt (n=2^15, r=8, p=1), each bound to its fingerprint. `read_key_file` takes an
export (with its passphrase) or a bare base64 key file (what stations kept before the key store).
"""

from __future__ import annotations

import abc
import base64
import binascii
import json
import os
import secrets
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.domain.errors import ConfigurationError, PickdeskError
from desktop.security.crypto import fingerprint, generate_key

KEYRING_SERVICE = "Pickdesk customer-data key"
EXPORT_FORMAT = "pickdesk-key-export"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MIN_PASSPHRASE = 10


class KeyRefused(PickdeskError):
    """The station cannot seal or open customer data with the keys it holds; nothing was sealed or opened."""

    code = "key_refused"


class KeyMissing(KeyRefused):
    """The station holds no key the database records (or none at all)."""

    code = "key_missing"


class KeyMismatch(KeyRefused):
    """The station holds keys, but not the one the database records."""

    code = "key_mismatch"


class KeyFileRefused(PickdeskError):
    """An export file that cannot be read: damaged, not an export, or the wrong passphrase."""

    code = "key_file_refused"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError, AttributeError):
        raise KeyFileRefused(f"{what} is not base64.", f"{what} 不是 base64。") from None


def _checked_key(key: bytes) -> bytes:
    if len(key) != 32:
        raise KeyFileRefused("A customer-data key must be 32 bytes (AES-256).", "客户数据密钥必须为 32 字节（AES-256）。")
    return key


class KeyStore(abc.ABC):
    """A station's customer-data keys, found by fingerprint."""

    @property
    @abc.abstractmethod
    def where(self) -> str:
        """Where the keys are, for people (`pickdesk keys show`)."""

    @abc.abstractmethod
    def fingerprints(self) -> list[str]: ...

    @abc.abstractmethod
    def load(self, fp: str) -> bytes | None: ...

    @abc.abstractmethod
    def save(self, key: bytes) -> str:
        """Keep `key` (idempotent); its fingerprint."""

    def holds(self, fp: str) -> bool:
        return fp in self.fingerprints()

    def make_key(self) -> bytes:
        """A new key, kept here before it is returned (so nothing is ever sealed under a key nobody keeps)."""
        key = generate_key()
        self.save(key)
        return key


class FixedKeyStore(KeyStore):
    """Keys the program hands in: tests, and PICKDESK_PII_KEY for CI. Takes no new keys."""

    def __init__(self, keys: Iterable[bytes], where: str = "given to the program") -> None:
        self._keys = {fingerprint(k): _checked_key(k) for k in keys}
        self._where = where

    @property
    def where(self) -> str:
        return self._where

    def fingerprints(self) -> list[str]:
        return list(self._keys)

    def load(self, fp: str) -> bytes | None:
        return self._keys.get(fp)

    def make_key(self) -> bytes:
        """The key given first: a database sealed from a fixed store is sealed under it."""
        return next(iter(self._keys.values()))

    def save(self, key: bytes) -> str:
        fp = fingerprint(_checked_key(key))
        if fp not in self._keys:
            raise ConfigurationError(
                f"This station's key is fixed ({self._where}); it cannot keep another one.",
                f"本工作站的密钥是固定的（{self._where}），不能再保存其他密钥。")
        return fp


class FileKeyStore(KeyStore):
    """One 0600 file per key in a 0700 folder (made if missing, tightened if looser)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    @property
    def where(self) -> str:
        return f"file {self.folder}"

    def _path(self, fp: str) -> Path:
        if len(fp) != 16 or any(c not in "0123456789abcdef" for c in fp):
            raise ConfigurationError(f"Not a key fingerprint: {fp!r}", f"不是密钥指纹：{fp!r}")
        return self.folder / f"{fp}.key"

    def fingerprints(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("*.key") if len(p.stem) == 16)

    def load(self, fp: str) -> bytes | None:
        path = self._path(fp)
        if not path.is_file():
            return None
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)  # someone loosened it: owner-only again before it is used
        try:
            key = _checked_key(_unb64(path.read_text("ascii"), f"Key file {path}"))
        except (KeyFileRefused, UnicodeDecodeError) as exc:
            raise ConfigurationError(f"Key file {path} is damaged.", f"密钥文件 {path} 已损坏。") from exc
        if fingerprint(key) != fp:
            raise ConfigurationError(f"Key file {path} holds another key than its name says.",
                                     f"密钥文件 {path} 中的密钥与文件名不符。")
        return key

    def save(self, key: bytes) -> str:
        fp = fingerprint(_checked_key(key))
        path = self._path(fp)
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)
        if not path.is_file():
            write_private_file(path, (_b64(key) + "\n").encode("ascii"))
        return fp


class KeyringKeyStore(KeyStore):
    """The desktop's secret store; `keyring` has no listing, so an index entry names the keys."""

    INDEX = "index"

    def __init__(self, backend: object | None = None) -> None:
        import keyring

        self._kr = backend or keyring.get_keyring()

    @property
    def where(self) -> str:
        return f"keyring {type(self._kr).__module__}.{type(self._kr).__name__} ({KEYRING_SERVICE!r})"

    def fingerprints(self) -> list[str]:
        index = self._kr.get_password(KEYRING_SERVICE, self.INDEX) or ""
        return [fp for fp in index.split(",") if fp]

    def load(self, fp: str) -> bytes | None:
        text = self._kr.get_password(KEYRING_SERVICE, fp)
        if text is None:
            return None
        key = _checked_key(_unb64(text, f"The keyring entry {fp}"))
        return key if fingerprint(key) == fp else None

    def save(self, key: bytes) -> str:
        fp = fingerprint(_checked_key(key))
        self._kr.set_password(KEYRING_SERVICE, fp, _b64(key))  # the key first, then the index naming it
        held = self.fingerprints()
        if fp not in held:
            self._kr.set_password(KEYRING_SERVICE, self.INDEX, ",".join([*held, fp]))
        return fp


def keyring_available() -> bool:
    """A real secret store is there (not keyring's `fail` or the plain-text fallbacks)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    chained = getattr(backend, "backends", None)
    if chained is not None and not chained:
        return False
    return getattr(backend, "priority", 0) > 0


def default_key_store(environ: Mapping[str, str] | None = None, config_dir: Path | None = None) -> KeyStore:
    """The station's key store: PICKDESK_PII_KEY (CI only: one fixed key, base64), else the folder
    PICKDESK_KEYS_DIR (tests, kiosks), else the desktop's keyring when there is one, else
    `config_dir`/keys (the platform's config folder by default)."""
    env = os.environ if environ is None else environ
    if env.get("PICKDESK_PII_KEY"):
        try:
            key = _checked_key(_unb64(env["PICKDESK_PII_KEY"], "PICKDESK_PII_KEY"))
        except KeyFileRefused as exc:
            raise ConfigurationError(exc.message, exc.message_zh) from exc
        return FixedKeyStore([key], "PICKDESK_PII_KEY")
    if env.get("PICKDESK_KEYS_DIR"):
        return FileKeyStore(Path(env["PICKDESK_KEYS_DIR"]))
    if config_dir is None and keyring_available():
        return KeyringKeyStore()
    if config_dir is None:
        import platformdirs

        config_dir = Path(platformdirs.user_config_dir("Pickdesk", "Pickdesk"))
    return FileKeyStore(config_dir / "keys")


# ─── export and import ──────────────────────────────────────────────────────────


def _wrapping_key(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(passphrase.encode("utf-8"))


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyFileRefused(f"The passphrase must have at least {MIN_PASSPHRASE} characters.",
                             f"口令至少需要 {MIN_PASSPHRASE} 个字符。")


def export_keys(keys: Iterable[bytes], passphrase: str) -> bytes:
    """The keys wrapped with a passphrase, as the bytes of an export file."""
    check_passphrase(passphrase)
    salt = secrets.token_bytes(16)
    wrap = AESGCM(_wrapping_key(passphrase, salt))
    entries = []
    for key in keys:
        fp, nonce = fingerprint(_checked_key(key)), secrets.token_bytes(12)
        entries.append({"fingerprint": fp, "nonce": _b64(nonce),
                        "sealed": _b64(wrap.encrypt(nonce, key, f"{EXPORT_FORMAT}|{fp}".encode()))})
    doc = {"format": EXPORT_FORMAT, "version": 1, "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R,
                                                          "p": SCRYPT_P, "salt": _b64(salt)},
           "cipher": "AES-256-GCM", "keys": entries}
    return (json.dumps(doc, indent=1) + "\n").encode("ascii")


def is_export(data: bytes) -> bool:
    return data.lstrip().startswith(b"{")


def read_key_file(data: bytes, passphrase: str | None) -> list[bytes]:
    """The keys in an export (opened with `passphrase`) or in a bare base64 key file."""
    if not is_export(data):
        try:
            text = data.decode("ascii")
        except UnicodeDecodeError:
            raise KeyFileRefused("This is neither a key export nor a base64 key file.",
                                 "这既不是密钥导出文件，也不是 base64 密钥文件。") from None
        return [_checked_key(_unb64(text, "The key file"))]
    damaged = KeyFileRefused("The key export is damaged or not a Pickdesk key export.", "密钥导出文件已损坏或不是 Pickdesk 的导出文件。")
    try:
        doc = json.loads(data.decode("utf-8"))
        kdf, entries = doc["kdf"], doc["keys"]
        if doc.get("format") != EXPORT_FORMAT or doc.get("version") != 1 or kdf.get("name") != "scrypt":
            raise damaged
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        salt = _unb64(kdf["salt"], "The export's salt")
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise damaged from None
    if (n, r, p) != (SCRYPT_N, SCRYPT_R, SCRYPT_P):  # never let a file choose a cost that hangs the station
        raise damaged
    if passphrase is None:
        raise KeyFileRefused("This key export needs its passphrase.", "该密钥导出文件需要口令。")
    wrap = AESGCM(_wrapping_key(passphrase, salt))
    keys = []
    try:
        for entry in entries:
            fp = str(entry["fingerprint"])
            key = wrap.decrypt(_unb64(entry["nonce"], "A nonce"), _unb64(entry["sealed"], "A key"),
                               f"{EXPORT_FORMAT}|{fp}".encode())
            if fingerprint(_checked_key(key)) != fp:
                raise damaged
            keys.append(key)
    except InvalidTag:
        raise KeyFileRefused("Wrong passphrase, or the export was changed.", "口令错误，或导出文件已被改动。") from None
    except (KeyError, TypeError):
        raise damaged from None
    if not keys:
        raise damaged
    return keys


def write_private_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` as 0600 from its first byte: a temporary file in the same folder (mkstemp
    makes it 0600), flushed to disk, then renamed over `path` — never a half-written file."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ConfigurationError(f"Folder {path.parent} does not exist.", f"文件夹 {path.parent} 不存在。")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
