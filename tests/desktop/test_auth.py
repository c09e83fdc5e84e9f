"""Sign-in by PIN and badge; argon2 hashes; lock-out; roles checked in the services.

On both engines: SQLite keeps the books in Python, PostgreSQL through the server's functions
(migration 0007) — one API, so the same tests hold for both.
"""

from datetime import timedelta

import pytest
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.db.types import utcnow
from desktop.domain.actor import Actor
from desktop.domain.errors import NotAllowed, SignedInElsewhere, SignInRefused
from desktop.domain.roles import Role, require_role
from desktop.services import auth


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    db = Database.open(url)
    with db.unit_of_work() as uow:
        uow.session.add(models.User(login="picker1", display_name="Li Na 李娜", role="picker",
                                    pin_hash=auth.hash_pin("1111"),
                                    badge_hash=auth.badge_digest(uow.session, "BADGE-P00001")))
        uow.session.add(models.User(login="gone", display_name="Gone", role="packer",
                                    pin_hash=auth.hash_pin("2222"), active=False))
        uow.commit()
    yield db
    db.dispose()


def test_pin_sign_in_returns_the_actor_and_records_the_station(db):
    with db.unit_of_work() as uow:
        actor = auth.sign_in_with_pin(uow, "picker1", "1111", "PICK-01")
    assert (actor.login, actor.role, actor.station) == ("picker1", Role.PICKER, "PICK-01")
    with db.unit_of_work() as uow:
        station = uow.session.scalar(select(models.Station).where(models.Station.name == "PICK-01"))
        assert station.current_user_id == actor.user_id
        actions = uow.session.scalars(select(models.AuditEntry.action)).all()
        assert "sign_in" in actions
        pin_hash = uow.session.scalar(select(models.User.pin_hash).where(models.User.login == "picker1"))
    assert pin_hash.startswith("$argon2id$") and "1111" not in pin_hash


@pytest.mark.parametrize("login,pin", [("picker1", "0000"), ("nobody", "1111"), ("gone", "2222")])
def test_wrong_pin_unknown_or_inactive_user_get_one_message(db, login, pin):
    with db.unit_of_work() as uow, pytest.raises(SignInRefused) as info:
        auth.sign_in_with_pin(uow, login, pin, "PICK-01")
    assert info.value.message == "Unknown user or wrong PIN."


def test_five_wrong_pins_lock_the_account_even_for_the_right_pin(db):
    for _ in range(auth.MAX_FAILED_ATTEMPTS):
        with db.unit_of_work() as uow, pytest.raises(SignInRefused):
            auth.sign_in_with_pin(uow, "picker1", "9999", "PICK-01")
    with db.unit_of_work() as uow, pytest.raises(SignInRefused) as info:
        auth.sign_in_with_pin(uow, "picker1", "1111", "PICK-01")
    assert "Too many wrong PINs" in info.value.message
    with db.unit_of_work() as uow:  # the lock runs out
        user = uow.session.scalar(select(models.User).where(models.User.login == "picker1"))
        user.locked_until = utcnow() - timedelta(seconds=1)
        uow.commit()
    with db.unit_of_work() as uow:
        assert auth.sign_in_with_pin(uow, "picker1", "1111", "PICK-01").login == "picker1"


def test_badge_sign_in_and_sign_out(db):
    with db.unit_of_work() as uow:
        actor = auth.sign_in_with_badge(uow, "BADGE-P00001", "PICK-02")
    with db.unit_of_work() as uow:
        auth.sign_out(uow, actor)
    with db.unit_of_work() as uow:
        station = uow.session.scalar(select(models.Station).where(models.Station.name == "PICK-02"))
        assert station.current_user_id is None
    with db.unit_of_work() as uow, pytest.raises(SignInRefused):
        auth.sign_in_with_badge(uow, "BADGE-X99999", "PICK-02")


def test_a_person_changes_their_own_pin_by_proving_the_old_one(db):
    with db.unit_of_work() as uow:
        actor = auth.sign_in_with_pin(uow, "picker1", "1111", "PICK-03")
    with db.unit_of_work() as uow, pytest.raises(SignInRefused):
        auth.change_own_pin(uow, actor, "0000", "4321")
    with db.unit_of_work() as uow:
        auth.change_own_pin(uow, actor, "1111", "4321")
    with db.unit_of_work() as uow, pytest.raises(SignInRefused):
        auth.sign_in_with_pin(uow, "picker1", "1111", "PICK-03")
    with db.unit_of_work() as uow:
        assert auth.sign_in_with_pin(uow, "picker1", "4321", "PICK-03").login == "picker1"
        user = uow.session.scalar(select(models.User).where(models.User.login == "picker1"))
        assert user.failed_attempts == 0  # the right PIN clears the wrong ones before it
        assert "user_pin_changed" in uow.session.scalars(select(models.AuditEntry.action)).all()


def test_the_servers_lock_out_numbers_are_the_clients():
    from importlib import import_module

    server = import_module("desktop.db.migrations.versions.0007_server_sign_in")
    assert server.MAX_FAILED_ATTEMPTS == auth.MAX_FAILED_ATTEMPTS
    assert timedelta(minutes=server.LOCK_MINUTES) == auth.LOCK_DURATION


def test_pins_are_four_to_eight_digits():
    for bad in ["123", "abcd", "123456789", ""]:
        with pytest.raises(auth.WeakPin):
            auth.hash_pin(bad)


def test_roles_are_checked_with_a_message_in_both_languages():
    require_role(Role.SUPERVISOR, Role.PICKER)  # supervisors may step in
    require_role(Role.ADMIN, Role.SUPERVISOR)
    with pytest.raises(NotAllowed) as info:
        require_role(Role.PICKER, Role.SUPERVISOR)
    assert "supervisor" in info.value.message and "主管" in info.value.message_zh
    with pytest.raises(NotAllowed):
        require_role(Role.PACKER, Role.PICKER)


def test_after_a_take_over_the_first_stations_calls_are_refused_as_signed_in_elsewhere(db):
    with db.unit_of_work() as uow:
        first = auth.sign_in_with_pin(uow, "picker1", "1111", "PICK-01")
    with db.unit_of_work(first) as uow:
        auth.ensure_still_signed_in(uow)  # still the one signed in at PICK-01
    with db.unit_of_work() as uow:
        auth.sign_in_with_pin(uow, "picker1", "1111", "PICK-02")
    with db.unit_of_work(first) as uow, pytest.raises(SignedInElsewhere) as refused:
        auth.ensure_still_signed_in(uow)
    assert refused.value.station == "PICK-02" and refused.value.user_id == first.user_id
    assert "PICK-02" in refused.value.message and "PICK-02" in refused.value.message_zh
    script = Actor(first.user_id + 100, "script", "Script", Role.ADMIN, "PICK-09")
    with db.unit_of_work(script) as uow:  # signed in nowhere (a script, a test's actor): not a take-over
        auth.ensure_still_signed_in(uow)
