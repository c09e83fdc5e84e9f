"""Signing in and out: PIN (argon2id-hashed) or a scanned badge. Five wrong PINs lock for five minutes.

One API, two backends. On SQLite (one machine, no roles) this module reads the hash and keeps the
counters itself. On PostgreSQL no station may read `users.pin_hash` or `badge_hash` nor update
`users`: the server's SECURITY DEFINER functions (migration 0007) do the bookkeeping. A PIN goes
in two steps — `pickdesk_pin_attempt` gives the hash's salt and parameters, the station computes
the argon2id hash of the typed PIN with them and hands it in (counted as a wrong attempt, and
committed), then `pickdesk_pin_finish` compares in a new transaction — so a station that rolls
back cannot undo its wrong guesses. See docs/security.md for what a hostile station can still do.

A badge code works as a password, so the database holds only `badge_digest(code)`: HMAC-SHA256 under
a random key of the database's own (`badge_key`, made by migration 0003). A keyed hash, not argon2,
because signing in by badge must stay one indexed look-up (a salted hash would mean trying every
user's); the key keeps a leaked list of hashes from being matched against guessed codes elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from datetime import timedelta

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.low_level import hash_secret
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.actor import Actor
from desktop.domain.errors import PickdeskError, SignedInElsewhere, SignInRefused
from desktop.domain.roles import Role
from desktop.domain.events import StationSignedIn, StationSignedOut

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=5)
PIN_PATTERN = re.compile(r"^\d{4,8}$")

_hasher = PasswordHasher()


class WeakPin(PickdeskError):
    code = "weak_pin"


class NoPinYet(SignInRefused):
    """The person exists but no PIN has been set for them: an admin must set one first."""

    code = "no_pin_yet"

    def __init__(self) -> None:
        super().__init__("No PIN has been set for you yet: ask an administrator to set one, then sign in.",
                         "您还没有 PIN 码：请管理员为您设置后再登录。")


def hash_pin(pin: str) -> str:
    if not PIN_PATTERN.match(pin):
        raise WeakPin("A PIN is 4 to 8 digits.", "PIN 码为 4 到 8 位数字。")
    return _hasher.hash(pin)


def badge_digest(session: Session, badge_code: str) -> str:
    """What `users.badge_hash` holds for a badge: store it when enrolling, look it up when scanned."""
    key = session.scalar(select(models.BadgeKey.key).where(models.BadgeKey.id == 1))
    if key is None:
        raise PickdeskError("The database has no badge key; run `pickdesk db upgrade`.",
                            "数据库缺少工牌密钥；请运行 `pickdesk db upgrade`。")
    return hmac.new(key, badge_code.strip().encode("utf-8"), hashlib.sha256).hexdigest()


def on_server(uow: UnitOfWork) -> bool:
    """Whether the server keeps the sign-in books (PostgreSQL) or this module does (SQLite)."""
    return uow.db.backend == "postgresql"


def user_by_badge(session: Session, badge_code: str) -> models.User | None:
    """Who holds this badge, whatever their state (an admin enrolling badges; on PostgreSQL only an admin may ask)."""
    digest = badge_digest(session, badge_code)
    if session.get_bind().dialect.name == "postgresql":
        user_id = session.scalar(text("SELECT user_id FROM pickdesk_badge(:d, 'lookup', NULL)"), {"d": digest})
        return None if user_id is None else session.get(models.User, user_id)
    return session.scalar(select(models.User).where(models.User.badge_hash == digest))


def has_credentials(uow: UnitOfWork) -> dict[int, tuple[bool, bool]]:
    """user id → (has a PIN, has a badge), without reading either hash (an admin's listing)."""
    if on_server(uow):
        rows = uow.session.execute(text("SELECT user_id, has_pin, has_badge FROM pickdesk_credentials()"))
        return {user_id: (has_pin, has_badge) for user_id, has_pin, has_badge in rows}
    U = models.User
    return {user_id: (bool(pin), badge is not None)
            for user_id, pin, badge in uow.session.execute(select(U.id, U.pin_hash, U.badge_hash))}


def _locked(minutes: int) -> SignInRefused:
    return SignInRefused(f"Too many wrong PINs: try again in {minutes} min or ask a supervisor.",
                         f"PIN 码错误次数过多：请 {minutes} 分钟后再试，或联系主管。")


def _candidate(setting: str, pin: str) -> str:
    """The argon2id hash of `pin` with the salt and parameters of `setting` (the stored hash with its
    digest replaced by the digest's length), as the stored hash would read if the PIN is right."""
    try:
        _, variant, version, params, salt, digest_chars = setting.split("$")
        cost = dict(item.split("=") for item in params.split(","))
        raw_salt = base64.b64decode(salt + "=" * (-len(salt) % 4))
        hash_len = int(digest_chars) * 3 // 4
    except ValueError:
        raise PickdeskError("The server sent a PIN setting this station cannot read.",
                            "服务器返回的 PIN 参数无法识别。") from None
    if variant != "argon2id" or version != "v=19":
        raise PickdeskError("The server's PIN hash is not argon2id.", "服务器的 PIN 哈希不是 argon2id。")
    return hash_secret(pin.encode("utf-8"), raw_salt, time_cost=int(cost["t"]), memory_cost=int(cost["m"]),
                       parallelism=int(cost["p"]), hash_len=hash_len, type=Type.ID).decode("ascii")


def check_pin_on_server(uow: UnitOfWork, login: str, pin: str, station: str, purpose: str,
                        new_hash: str | None = None) -> int:
    """The user id whose PIN this is, as the server decides; raises SignInRefused. Commits twice.

    `purpose`: "sign_in" (the server records them signed in at this login), "verify" (nothing
    else changes) or "change_pin" (their PIN becomes `new_hash`; only their own, signed in here)."""
    s = uow.session
    attempt = text("SELECT state, setting, wait_seconds FROM pickdesk_pin_attempt(:login, :candidate, :station)")
    state, setting, wait = s.execute(attempt, {"login": login.strip(), "candidate": None, "station": station}).one()
    if state == "ready":
        candidate = _candidate(setting, pin) if PIN_PATTERN.match(pin or "") else "!"  # "!": matches no hash
        state, _, wait = s.execute(attempt, {"login": login.strip(), "candidate": candidate, "station": station}).one()
    uow.commit()  # the attempt counts (as wrong) before anything is compared
    if state == "no_pin":
        raise NoPinYet()
    if state == "locked":
        raise _locked(max(1, (wait + 59) // 60))
    if state != "pending":
        raise _refused()
    outcome, user_id = s.execute(text("SELECT outcome, user_id FROM pickdesk_pin_finish(:purpose, :station, :new)"),
                                 {"purpose": purpose, "station": station, "new": new_hash}).one()
    uow.commit()
    if outcome != "ok":
        raise _refused()
    return user_id


def check_badge_on_server(uow: UnitOfWork, badge_code: str, station: str, purpose: str) -> int | None:
    """The holder's user id if the badge may sign in (`purpose` "sign_in" or "verify"); None if unknown. Commits."""
    digest = badge_digest(uow.session, badge_code)
    outcome, user_id = uow.session.execute(text("SELECT outcome, user_id FROM pickdesk_badge(:d, :purpose, :station)"),
                                           {"d": digest, "purpose": purpose, "station": station}).one()
    uow.commit()
    if outcome == "no_pin":
        raise NoPinYet()
    if outcome == "locked":
        raise SignInRefused("This account is locked for a few minutes.", "该账户已被暂时锁定。")
    return user_id if outcome == "ok" else None


def _actor(user: models.User, station: str) -> Actor:
    return Actor(user_id=user.id, login=user.login, display_name=user.display_name, role=Role(user.role),
                 station=station)


def _refused() -> SignInRefused:
    # One message for unknown user and wrong PIN: do not tell a stranger which logins exist.
    return SignInRefused("Unknown user or wrong PIN.", "用户名或 PIN 码错误。")


def _mark_signed_in(uow: UnitOfWork, user: models.User, station: str, how: str) -> Actor:
    now = utcnow()
    if not on_server(uow):  # on PostgreSQL the sign-in function did this
        user.failed_attempts = 0
        user.locked_until = None
        user.last_sign_in_at = now
    st = uow.session.scalar(select(models.Station).where(models.Station.name == station))
    if st is None:
        st = models.Station(name=station)
        uow.session.add(st)
    st.current_user_id = user.id
    st.last_seen_at = now
    actor = _actor(user, station)
    uow.actor = actor
    uow.audit("sign_in", "user", user.id, how=how)
    uow.announce(StationSignedIn(station=station, user=user.login))
    _take_over(uow, user, station)
    return actor


def _take_over(uow: UnitOfWork, user: models.User, station: str) -> list[str]:
    """One person, one active session: a sign-in here ends theirs at every other station.

    The stations' rows (both engines) name nobody there any more; on PostgreSQL the server also
    clears the other logins' sessions (migration 0014), so their audit rows no longer name this
    person. Each station left is told on the change feed and sees it (`signed_in_elsewhere`)."""
    S = models.Station
    left = []
    for other in uow.session.scalars(select(S).where(S.current_user_id == user.id, S.name != station)):
        other.current_user_id = None
        left.append(other.name)
    if on_server(uow):
        left += [name for name in uow.session.scalars(text("SELECT station FROM pickdesk_take_over(:station)"),
                                                      {"station": station}) if name]
    left = sorted(set(left) - {station})
    for name in left:
        uow.announce(StationSignedOut(station=name, user=user.login))
    if left:
        uow.audit("session_taken_over", "user", user.id, stations=left)
    return left


def signed_in_elsewhere(uow: UnitOfWork, actor: Actor) -> str | None:
    """None while `actor` is still the one signed in at their station; else the station where they
    signed in since ("" when they are signed in nowhere: signed out by someone else)."""
    S = models.Station
    if uow.session.scalar(select(S.current_user_id).where(S.name == actor.station)) == actor.user_id:
        return None
    return uow.session.scalar(select(S.name).where(S.current_user_id == actor.user_id)
                              .order_by(S.last_seen_at.desc()).limit(1)) or ""


def ensure_still_signed_in(uow: UnitOfWork) -> None:
    """Raise `SignedInElsewhere` when the acting person has signed in at another station since they
    signed in at theirs (a take-over): the first station's next call goes no further. One small read;
    a person signed in nowhere (a script, a test's actor) passes."""
    actor = uow.actor
    if actor.user_id is None or not actor.station:
        return
    S = models.Station
    where = uow.session.scalars(select(S.name).where(S.current_user_id == actor.user_id)
                                .order_by(S.last_seen_at.desc())).all()
    if where and actor.station not in where:
        raise SignedInElsewhere(actor.display_name, where[0], actor.user_id)


def sign_in_with_pin(uow: UnitOfWork, login: str, pin: str, station: str) -> Actor:
    """Return the signed-in actor, or raise SignInRefused. Commits (failed attempts count too)."""
    if on_server(uow):
        user = uow.session.get(models.User, check_pin_on_server(uow, login, pin, station, "sign_in"))
        actor = _mark_signed_in(uow, user, station, "pin")
        uow.commit()
        return actor
    user = uow.session.scalar(select(models.User).where(models.User.login == login.strip()))
    if user is None or not user.active:
        raise _refused()
    if not user.pin_hash:
        raise NoPinYet()
    now = utcnow()
    if user.locked_until is not None and user.locked_until > now:
        raise _locked(max(1, int((user.locked_until - now).total_seconds() // 60) + 1))
    if user.pin_hash is None:  # set up without a PIN: nobody signs in as them before an admin sets one
        raise _refused()
    try:
        _hasher.verify(user.pin_hash, pin)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        _count_failure(uow, user, station)
        raise _refused() from None
    if _hasher.check_needs_rehash(user.pin_hash):
        user.pin_hash = _hasher.hash(pin)
    actor = _mark_signed_in(uow, user, station, "pin")
    uow.commit()
    return actor


def sign_in_with_badge(uow: UnitOfWork, badge_code: str, station: str) -> Actor:
    if on_server(uow):
        user_id = check_badge_on_server(uow, badge_code, station, "sign_in")
        if user_id is None:
            raise SignInRefused("This badge is not known. Sign in with your PIN or ask a supervisor.",
                                "无法识别此工牌。请用 PIN 码登录或联系主管。")
        actor = _mark_signed_in(uow, uow.session.get(models.User, user_id), station, "badge")
        uow.commit()
        return actor
    user = user_by_badge(uow.session, badge_code)
    if user is None or not user.active:
        raise SignInRefused("This badge is not known. Sign in with your PIN or ask a supervisor.",
                            "无法识别此工牌。请用 PIN 码登录或联系主管。")
    if not user.pin_hash:
        raise NoPinYet()
    if user.locked_until is not None and user.locked_until > utcnow():
        raise SignInRefused("This account is locked for a few minutes.", "该账户已被暂时锁定。")
    actor = _mark_signed_in(uow, user, station, "badge")
    uow.commit()
    return actor


def sign_out(uow: UnitOfWork, actor: Actor) -> None:
    st = uow.session.scalar(select(models.Station).where(models.Station.name == actor.station))
    if st is not None and st.current_user_id == actor.user_id:
        st.current_user_id = None
        st.last_seen_at = utcnow()
    uow.audit("sign_out", "user", actor.user_id)
    uow.announce(StationSignedOut(station=actor.station, user=actor.login))
    if on_server(uow):  # after the audit row, which the server still attributes to them
        uow.session.execute(text("SELECT pickdesk_sign_out(:station)"), {"station": actor.station})
    uow.commit()


def change_own_pin(uow: UnitOfWork, actor: Actor, old_pin: str, new_pin: str) -> None:
    """A signed-in person changes their own PIN, proving the old one (a wrong one counts towards the lock)."""
    new_hash = hash_pin(new_pin)
    if on_server(uow):
        check_pin_on_server(uow, actor.login, old_pin, actor.station, "change_pin", new_hash)
    else:
        user = uow.session.get(models.User, actor.user_id)
        if user is None or not user.active or not user.pin_hash:
            raise _refused()
        try:
            _hasher.verify(user.pin_hash, old_pin)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            _count_failure(uow, user, actor.station)
            raise _refused() from None
        user.pin_hash, user.failed_attempts, user.locked_until = new_hash, 0, None
    uow.audit("user_pin_changed", "user", actor.login, by="self")
    uow.announce("users", actor.login, event="pin_changed")
    uow.commit()


def _count_failure(uow: UnitOfWork, user: models.User, station: str, action: str = "sign_in_failed") -> None:
    """A wrong PIN on SQLite: counted, locking at the fifth, audited and committed."""
    user.failed_attempts += 1
    if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
        user.locked_until = utcnow() + LOCK_DURATION
        user.failed_attempts = 0
    uow.audit(action, "user", user.id, station=station)
    uow.commit()


def sign_in_names(uow: UnitOfWork) -> list[tuple[str, str, Role]]:
    """Active users for the sign-in list: (login, display name, role), by role then name."""
    rows = uow.session.execute(
        select(models.User.login, models.User.display_name, models.User.role)
        .where(models.User.active.is_(True)).order_by(models.User.role, models.User.display_name)
    )
    return [(login, name, Role(role)) for login, name, role in rows]
