"""Signing in and out: PIN (argon2id-hashed) or a scanned badge. Five wrong PINs lock for five minutes.

A badge code works as a password, so the database holds only `badge_digest(code)`: HMAC-SHA256 under
a random key of the database's own (`badge_key`, made by migration 0003). A keyed hash, not argon2,
because signing in by badge must stay one indexed look-up (a salted hash would mean trying every
user's); the key keeps a leaked list of hashes from being matched against guessed codes elsewhere.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.actor import Actor
from desktop.domain.errors import PickdeskError, SignInRefused
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


def user_by_badge(session: Session, badge_code: str) -> models.User | None:
    return session.scalar(select(models.User).where(models.User.badge_hash == badge_digest(session, badge_code)))


def _actor(user: models.User, station: str) -> Actor:
    return Actor(user_id=user.id, login=user.login, display_name=user.display_name, role=Role(user.role),
                 station=station)


def _refused() -> SignInRefused:
    # One message for unknown user and wrong PIN: do not tell a stranger which logins exist.
    return SignInRefused("Unknown user or wrong PIN.", "用户名或 PIN 码错误。")


def _mark_signed_in(uow: UnitOfWork, user: models.User, station: str, how: str) -> Actor:
    now = utcnow()
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
    return actor


def sign_in_with_pin(uow: UnitOfWork, login: str, pin: str, station: str) -> Actor:
    """Return the signed-in actor, or raise SignInRefused. Commits (failed attempts count too)."""
    user = uow.session.scalar(select(models.User).where(models.User.login == login.strip()))
    if user is None or not user.active:
        raise _refused()
    if not user.pin_hash:
        raise NoPinYet()
    now = utcnow()
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        raise SignInRefused(f"Too many wrong PINs: try again in {minutes} min or ask a supervisor.",
                            f"PIN 码错误次数过多：请 {minutes} 分钟后再试，或联系主管。")
    if user.pin_hash is None:  # set up without a PIN: nobody signs in as them before an admin sets one
        raise _refused()
    try:
        _hasher.verify(user.pin_hash, pin)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        user.failed_attempts += 1
        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
            user.locked_until = now + LOCK_DURATION
            user.failed_attempts = 0
        uow.audit("sign_in_failed", "user", user.id, station=station)
        uow.commit()
        raise _refused() from None
    if _hasher.check_needs_rehash(user.pin_hash):
        user.pin_hash = _hasher.hash(pin)
    actor = _mark_signed_in(uow, user, station, "pin")
    uow.commit()
    return actor


def sign_in_with_badge(uow: UnitOfWork, badge_code: str, station: str) -> Actor:
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
    uow.commit()


def sign_in_names(uow: UnitOfWork) -> list[tuple[str, str, Role]]:
    """Active users for the sign-in list: (login, display name, role), by role then name."""
    rows = uow.session.execute(
        select(models.User.login, models.User.display_name, models.User.role)
        .where(models.User.active.is_(True)).order_by(models.User.role, models.User.display_name)
    )
    return [(login, name, Role(role)) for login, name, role in rows]
