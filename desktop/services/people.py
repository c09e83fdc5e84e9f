"""The people who work in the warehouse: add, retire, change role, badge and PIN, unlock, list.

Every function is one use case for an admin (`Role.ADMIN`, checked here), audited and announced
on the change feed (topic ``users``). A PIN is never written to the audit log, the feed or a
listing — only that it was set. A person added without a PIN cannot sign in until one is set.

Each use case commits once by default; `commit=False` leaves the commit to the caller, so that a
set-up import can add or update many people in one unit of work (all or nothing).

The first admin of a database that has none is made by `add_first_admin`, without sign-in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select, text

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import NotFound, PickdeskError
from desktop.domain.roles import Role, require_role
from desktop.services.auth import badge_digest, has_credentials, hash_pin, on_server, user_by_badge

LOGIN_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,31}$")
MAX_NAME = 80
MAX_BADGE = 20


class PersonRefused(PickdeskError):
    """A change to a person that would break a rule (bad login, name or role)."""

    code = "person_refused"


class DuplicateLogin(PersonRefused):
    code = "duplicate_login"

    def __init__(self, login: str) -> None:
        super().__init__(f"The login {login!r} is taken: choose another.", f"用户名 {login!r} 已被使用：请换一个。")


class DuplicateBadge(PersonRefused):
    code = "duplicate_badge"

    def __init__(self, holder: str) -> None:
        super().__init__(f"This badge already belongs to {holder}.", f"此工牌已属于 {holder}。")


class LastAdmin(PersonRefused):
    code = "last_admin"

    def __init__(self) -> None:
        super().__init__("This is the last active administrator: make someone else an administrator first.",
                         "这是最后一位在职管理员：请先指定另一位管理员。")


class AdminExists(PersonRefused):
    code = "admin_exists"

    def __init__(self) -> None:
        super().__init__("This database already has an administrator: sign in as one to add people.",
                         "此数据库已有管理员：请以管理员身份登录后再添加人员。")


@dataclass(frozen=True)
class PersonRow:
    """A person as a listing shows them: no PIN hash, no badge code."""

    login: str
    name: str
    name_zh: str | None
    role: Role
    active: bool
    has_pin: bool
    has_badge: bool
    locked_until: datetime | None  # set only while locked out
    failed_attempts: int
    last_sign_in_at: datetime | None
    stations: tuple[str, ...]  # where they are signed in now

    @property
    def locked(self) -> bool:
        return self.locked_until is not None

    @property
    def signed_in(self) -> bool:
        return bool(self.stations)


# ─── checks ─────────────────────────────────────────────────────────────────────


def _admin(uow: UnitOfWork) -> None:
    require_role(uow.actor.role, Role.ADMIN)


def _login(login: str) -> str:
    text = (login or "").strip()
    if not LOGIN_PATTERN.match(text):
        raise PersonRefused(
            f"{text!r} is not a login: 1 to 32 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.",
            f"{text!r} 不是有效的用户名：1 到 32 位小写字母、数字、“.”、“_”或“-”，以字母或数字开头。")
    return text


def _name(name: str | None, *, required: bool = True) -> str | None:
    text = (name or "").strip()
    if not text:
        if required:
            raise PersonRefused("A person needs a name.", "请填写姓名。")
        return None
    if len(text) > MAX_NAME:
        raise PersonRefused(f"A name is at most {MAX_NAME} characters.", f"姓名最多 {MAX_NAME} 个字符。")
    return text


def _role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise PersonRefused(f"{role!r} is not a role: one of {names}.", f"{role!r} 不是有效的角色：可选 {names}。") from None


def _badge(uow: UnitOfWork, badge: str | None, user: models.User | None) -> str | None:
    """The stored (keyed hash) value of a badge that no one else holds (None: no badge)."""
    text = (badge or "").strip()
    if not text:
        return None
    if len(text) > MAX_BADGE or not text.isprintable() or " " in text:
        raise PersonRefused(f"A badge code is 1 to {MAX_BADGE} characters without spaces.",
                            f"工牌编码为 1 到 {MAX_BADGE} 个字符，不含空格。")
    holder = user_by_badge(uow.session, text)
    if holder is not None and holder is not user:
        raise DuplicateBadge(holder.display_name)
    return badge_digest(uow.session, text)


def badge_given(badge: str | None) -> bool:
    return bool((badge or "").strip())


def _badge_changes(uow: UnitOfWork, user: models.User, digest: str | None) -> bool:
    """Whether giving `user` this badge (None: none) changes anything, without reading their hash
    (no station may): `_badge` has already refused a badge someone else holds."""
    has_one = has_credentials(uow).get(user.id, (False, False))[1]
    if digest is None:
        return has_one
    if not on_server(uow):
        return user.badge_hash != digest
    return uow.session.scalar(text("SELECT user_id FROM pickdesk_badge(:d, 'lookup', NULL)"), {"d": digest}) != user.id


def _person(uow: UnitOfWork, login: str) -> models.User:
    user = uow.session.scalar(select(models.User).where(models.User.login == (login or "").strip()))
    if user is None:
        raise NotFound(f"No person with the login {login!r}.", f"没有用户名为 {login!r} 的人员。")
    return user


def _active_admins(uow: UnitOfWork) -> int:
    U = models.User
    return uow.session.scalar(select(func.count()).select_from(U).where(U.role == Role.ADMIN.value,
                                                                       U.active.is_(True))) or 0


def _keep_an_admin(uow: UnitOfWork, user: models.User) -> None:
    """Refuse to take away the last active admin (by retiring them or changing their role)."""
    if user.active and user.role == Role.ADMIN.value and _active_admins(uow) <= 1:
        raise LastAdmin()


def _done(uow: UnitOfWork, user: models.User, event: str, commit: bool, **detail: object) -> None:
    uow.audit(f"user_{event}", "user", user.login, **detail)
    uow.announce("users", user.login, event=event)
    if commit:
        uow.commit()


# ─── reading ────────────────────────────────────────────────────────────────────


def _signed_in_at(uow: UnitOfWork) -> dict[int, list[str]]:
    S = models.Station
    where: dict[int, list[str]] = {}
    for user_id, name in uow.session.execute(select(S.current_user_id, S.name)
                                             .where(S.current_user_id.is_not(None)).order_by(S.name)):
        where.setdefault(user_id, []).append(name)
    return where


def _row(user: models.User, stations: list[str], now: datetime, held: tuple[bool, bool]) -> PersonRow:
    locked = user.locked_until if user.locked_until is not None and user.locked_until > now else None
    return PersonRow(login=user.login, name=user.display_name, name_zh=user.name_zh, role=Role(user.role),
                     active=user.active, has_pin=held[0], has_badge=held[1],
                     locked_until=locked, failed_attempts=user.failed_attempts, last_sign_in_at=user.last_sign_in_at,
                     stations=tuple(stations) if user.active else ())


def list_people(uow: UnitOfWork, *, include_retired: bool = True, now: datetime | None = None) -> list[PersonRow]:
    """Everyone, by role then name: who has a PIN, who is locked out, who is signed in where."""
    _admin(uow)
    U = models.User
    q = select(U).order_by(U.active.desc(), U.role, U.display_name, U.login)
    if not include_retired:
        q = q.where(U.active.is_(True))
    where = _signed_in_at(uow)
    held = has_credentials(uow)
    now = now or utcnow()
    return [_row(u, where.get(u.id, []), now, held.get(u.id, (False, False))) for u in uow.session.scalars(q)]


def person(uow: UnitOfWork, login: str, now: datetime | None = None) -> PersonRow:
    _admin(uow)
    user = _person(uow, login)
    return _row(user, _signed_in_at(uow).get(user.id, []), now or utcnow(),
                has_credentials(uow).get(user.id, (False, False)))


# ─── changing ───────────────────────────────────────────────────────────────────


def _new_user(uow: UnitOfWork, login: str, name: str, role: Role | str, name_zh: str | None,
              badge: str | None, pin: str | None) -> models.User:
    login = _login(login)
    name = _name(name)
    role = _role(role)
    name_zh = _name(name_zh, required=False)
    if uow.session.scalar(select(models.User.id).where(models.User.login == login)) is not None:
        raise DuplicateLogin(login)
    badge_hash = _badge(uow, badge, None)
    pin_hash = hash_pin(pin) if pin else None
    values: dict[str, object] = dict(login=login, display_name=name, name_zh=name_zh, role=role.value, active=True,
                                     failed_attempts=0)
    # Only the columns given: on PostgreSQL no station may write pin_hash, not even as NULL (the ORM
    # would list every column), and an admin's station writes badge_hash without reading it.
    if badge_hash is not None:
        values["badge_hash"] = badge_hash
    if pin_hash is not None and not on_server(uow):
        values["pin_hash"] = pin_hash
    U = models.User
    user = uow.session.get(U, uow.session.execute(insert(U).values(**values).returning(U.id)).scalar_one())
    if pin_hash is not None and on_server(uow):
        _server_sets(uow, "pickdesk_set_pin(:login, :hash)", login=login, hash=pin_hash)
    return user


def _server_sets(uow: UnitOfWork, call: str, **params: object) -> object:
    """PostgreSQL: a PIN or lock-out changed by the server's function (which checks that an admin
    is signed in at this login), never by a table UPDATE; the ORM's copy of the row is refreshed."""
    result = uow.session.scalar(text(f"SELECT {call}"), params)
    for user in uow.session.identity_map.values():
        if isinstance(user, models.User) and user.login == params.get("login"):
            uow.session.expire(user, ["failed_attempts", "locked_until"])
    return result


def add_person(uow: UnitOfWork, login: str, name: str, role: Role | str, *, name_zh: str | None = None,
               badge: str | None = None, pin: str | None = None, commit: bool = True) -> PersonRow:
    """Add someone. Without `pin` they have none and cannot sign in until `set_pin`."""
    _admin(uow)
    user = _new_user(uow, login, name, role, name_zh, badge, pin)
    _done(uow, user, "added", commit, role=user.role, name=user.display_name, name_zh=user.name_zh,
          badge=badge_given(badge), pin=bool(pin))
    return _row(user, [], utcnow(), (bool(pin), badge_given(badge)))


def add_first_admin(uow: UnitOfWork, login: str, name: str, *, name_zh: str | None = None,
                    pin: str | None = None) -> PersonRow:
    """The first admin of a database without an active one: no sign-in is asked (there is no one to ask)."""
    U = models.User
    # Counted under a lock on PostgreSQL, so two first admins cannot be made at the same moment.
    admins = uow.session.scalars(select(U.id).where(U.role == Role.ADMIN.value, U.active.is_(True))
                                 .with_for_update()).all()
    if admins:
        raise AdminExists()
    user = _new_user(uow, login, name, Role.ADMIN, name_zh, None, pin)
    _done(uow, user, "first_admin", True, name=user.display_name, pin=bool(pin))
    return _row(user, [], utcnow(), (bool(pin), False))


def upsert_person(uow: UnitOfWork, login: str, name: str, role: Role | str, *, name_zh: str | None = None,
                  badge: str | None = None, active: bool = True, commit: bool = True) -> str:
    """Add the person, or bring an existing one to these fields (never their PIN).

    Returns "added", "updated" or "unchanged" — a second import of the same people changes
    nothing and leaves no audit entry. For the set-up import (`commit=False`).
    """
    _admin(uow)
    user = uow.session.scalar(select(models.User).where(models.User.login == (login or "").strip()))
    if user is None:
        add_person(uow, login, name, role, name_zh=name_zh, badge=badge, commit=False)
        if not active:
            retire_person(uow, login, commit=False)
        if commit:
            uow.commit()
        return "added"
    name, name_zh, role = _name(name), _name(name_zh, required=False), _role(role)
    badge_hash = _badge(uow, badge, user)
    changes: dict[str, object] = {}
    if user.display_name != name:
        changes["name"] = name
    if user.name_zh != name_zh:
        changes["name_zh"] = name_zh
    if user.role != role.value:
        changes["role"] = role.value
    if _badge_changes(uow, user, badge_hash):
        changes["badge"] = badge_hash is not None
    if user.active != active:
        changes["active"] = active
    if not changes:
        return "unchanged"
    if ("role" in changes or changes.get("active") is False):
        _keep_an_admin(uow, user)
    if "badge" in changes:
        user.badge_hash = badge_hash
    user.display_name, user.name_zh, user.role = name, name_zh, role.value
    if user.active and not active:
        _sign_out_everywhere(uow, user)
    user.active = active
    _done(uow, user, "updated", commit, **changes)
    return "updated"


def _sign_out_everywhere(uow: UnitOfWork, user: models.User) -> list[str]:
    stations = list(uow.session.scalars(select(models.Station).where(models.Station.current_user_id == user.id)))
    for st in stations:
        st.current_user_id = None
    return [st.name for st in stations]


def retire_person(uow: UnitOfWork, login: str, *, commit: bool = True) -> None:
    """They leave: no more sign-ins, signed out of every station; their history stays theirs."""
    _admin(uow)
    user = _person(uow, login)
    if not user.active:
        return
    _keep_an_admin(uow, user)
    user.active = False
    signed_out = _sign_out_everywhere(uow, user)
    _done(uow, user, "retired", commit, signed_out=signed_out)


def reinstate_person(uow: UnitOfWork, login: str, *, commit: bool = True) -> None:
    _admin(uow)
    user = _person(uow, login)
    if user.active:
        return
    user.active = True
    _done(uow, user, "reinstated", commit)


def change_role(uow: UnitOfWork, login: str, role: Role | str, *, commit: bool = True) -> None:
    _admin(uow)
    user = _person(uow, login)
    role = _role(role)
    if user.role == role.value:
        return
    if role is not Role.ADMIN:
        _keep_an_admin(uow, user)
    before, user.role = user.role, role.value
    _done(uow, user, "role_changed", commit, **{"from": before, "to": role.value})


def rename_person(uow: UnitOfWork, login: str, name: str, name_zh: str | None = None, *, commit: bool = True) -> None:
    _admin(uow)
    user = _person(uow, login)
    user.display_name, user.name_zh = _name(name), _name(name_zh, required=False)
    _done(uow, user, "renamed", commit, name=user.display_name, name_zh=user.name_zh)


def set_badge(uow: UnitOfWork, login: str, badge: str | None, *, commit: bool = True) -> None:
    """Give a person a (new) badge, or take theirs away with None. The code is not audited."""
    _admin(uow)
    user = _person(uow, login)
    had = has_credentials(uow).get(user.id, (False, False))[1]
    digest = _badge(uow, badge, user)
    user.badge_hash = digest
    _done(uow, user, "badge_set" if digest else "badge_removed", commit, had_badge=had)


def set_pin(uow: UnitOfWork, login: str, pin: str, *, commit: bool = True,
            hashed: Callable[[str], str] = hash_pin) -> None:
    """Set or reset a person's PIN (4 to 8 digits); a lock-out ends with it. The PIN is not audited.

    `hashed` turns the PIN into its stored argon2id hash: `hash_pin` (a new salt each time) unless
    the caller has its own way to the same kind of hash (the demo reuses one per PIN, see its builder)."""
    _admin(uow)
    user = _person(uow, login)
    had = has_credentials(uow).get(user.id, (False, False))[0]
    if on_server(uow):
        _server_sets(uow, "pickdesk_set_pin(:login, :hash)", login=user.login, hash=hashed(pin))
    else:
        user.pin_hash = hashed(pin)
        user.failed_attempts, user.locked_until = 0, None
    _done(uow, user, "pin_set", commit, had_pin=had)


def clear_pin(uow: UnitOfWork, login: str, *, commit: bool = True) -> None:
    """Take a person's PIN away (a PIN others may know): they cannot sign in until a new one is set."""
    _admin(uow)
    user = _person(uow, login)
    if on_server(uow):
        _server_sets(uow, "pickdesk_clear_pin(:login)", login=user.login)
    else:
        user.pin_hash = None
    _sign_out_everywhere(uow, user)
    _done(uow, user, "pin_cleared", commit)


def unlock_person(uow: UnitOfWork, login: str, *, commit: bool = True) -> None:
    """End a lock-out after too many wrong PINs now, rather than when it runs out."""
    _admin(uow)
    user = _person(uow, login)
    if on_server(uow):
        was_locked = bool(_server_sets(uow, "pickdesk_unlock(:login)", login=user.login))
    else:
        was_locked = user.locked_until is not None and user.locked_until > utcnow()
        user.failed_attempts, user.locked_until = 0, None
    _done(uow, user, "unlocked", commit, was_locked=was_locked)
