"""People: an admin adds, retires, re-roles, badges, sets PINs and unlocks; the rules hold on both engines."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.domain.errors import NotAllowed, NotFound, SignInRefused
from desktop.domain.roles import Role, may_act_as
from desktop.services import auth, people

ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=ENGINES)
def db(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    db = Database.open(url)
    yield db
    db.dispose()


@pytest.fixture
def boss(db) -> Actor:
    with db.unit_of_work() as uow:
        people.add_first_admin(uow, "boss", "Boss Lin", name_zh="林总", pin="2468")
    with db.unit_of_work() as uow:
        return auth.sign_in_with_pin(uow, "boss", "2468", "ADMIN-01")


def count_users(db) -> int:
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).select_from(models.User))


def audit(db, action: str) -> list[models.AuditEntry]:
    with db.unit_of_work() as uow:
        return list(uow.session.scalars(select(models.AuditEntry).where(models.AuditEntry.action == action)
                                        .order_by(models.AuditEntry.id)))


def test_the_receiver_is_a_role_a_supervisor_may_step_in_for() -> None:
    assert Role("receiver") is Role.RECEIVER and Role.RECEIVER.label_zh == "收货员"
    assert may_act_as(Role.SUPERVISOR, Role.RECEIVER) and may_act_as(Role.ADMIN, Role.RECEIVER)
    assert not may_act_as(Role.RECEIVER, Role.PICKER) and not may_act_as(Role.PICKER, Role.RECEIVER)


def test_the_first_admin_is_made_once(db, boss) -> None:
    with db.unit_of_work() as uow, pytest.raises(people.AdminExists):
        people.add_first_admin(uow, "second", "Second")
    assert count_users(db) == 1
    (entry,) = audit(db, "user_first_admin")
    assert entry.entity_id == "boss" and entry.detail == {"name": "Boss Lin", "pin": True}


def test_a_new_person_has_no_pin_and_cannot_sign_in_until_one_is_set(db, boss) -> None:
    with db.unit_of_work(boss) as uow:
        row = people.add_person(uow, "wang.fang", "Wang Fang", "receiver", name_zh="王芳", badge="HZ-0007")
    assert (row.role, row.has_pin, row.has_badge, row.active) == (Role.RECEIVER, False, True, True)
    with db.unit_of_work() as uow, pytest.raises(auth.NoPinYet) as info:
        auth.sign_in_with_pin(uow, "wang.fang", "1234", "RCV-01")
    assert "No PIN has been set for you yet" in info.value.message and "wrong PIN" not in info.value.message
    assert "还没有 PIN 码" in info.value.message_zh
    with db.unit_of_work() as uow, pytest.raises(auth.NoPinYet):
        auth.sign_in_with_badge(uow, "HZ-0007", "RCV-01")  # the badge alone does not let them in either
    with db.unit_of_work(boss) as uow:
        people.set_pin(uow, "wang.fang", "8642")
    with db.unit_of_work() as uow:
        actor = auth.sign_in_with_pin(uow, "wang.fang", "8642", "RCV-01")
    assert actor.role is Role.RECEIVER
    (entry,) = audit(db, "user_pin_set")
    assert entry.user_id == boss.user_id and entry.detail == {"had_pin": False}
    with db.unit_of_work() as uow:  # the PIN is nowhere in the audit log or the change feed
        texts = [str(d) for d in uow.session.scalars(select(models.AuditEntry.detail))]
        texts += [str(p) for p in uow.session.scalars(select(models.ChangeFeedEntry.payload))]
        assert not any("8642" in t or "2468" in t for t in texts)
        feed = uow.session.scalars(select(models.ChangeFeedEntry.payload)
                                   .where(models.ChangeFeedEntry.topic == "users")).all()
    assert {"event": "pin_set"} in feed and {"event": "added"} in feed


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.PICKER, Role.RECEIVER])
def test_only_an_admin_changes_people(db, boss, role) -> None:
    someone = Actor(None, "someone", "Someone", role, "SUP-01")
    for change in (lambda uow: people.add_person(uow, "x1", "X", "picker"),
                   lambda uow: people.set_pin(uow, "boss", "1357"),
                   lambda uow: people.retire_person(uow, "boss"),
                   lambda uow: people.list_people(uow)):
        with db.unit_of_work(someone) as uow, pytest.raises(NotAllowed):
            change(uow)
    assert count_users(db) == 1


def test_duplicates_and_bad_fields_are_refused_and_write_nothing(db, boss) -> None:
    with db.unit_of_work(boss) as uow:
        people.add_person(uow, "li.na", "Li Na", "picker", badge="HZ-0001")
    cases = [
        (lambda uow: people.add_person(uow, "li.na", "Another Li Na", "packer"), people.DuplicateLogin, "is taken"),
        (lambda uow: people.add_person(uow, "li.na2", "Li Na 2", "packer", badge=" HZ-0001 "), people.DuplicateBadge,
         "already belongs to Li Na"),
        (lambda uow: people.add_person(uow, "Li Na", "Li Na", "packer"), people.PersonRefused, "is not a login"),
        (lambda uow: people.add_person(uow, "zhao", "", "packer"), people.PersonRefused, "needs a name"),
        (lambda uow: people.add_person(uow, "zhao", "Zhao", "driver"), people.PersonRefused, "is not a role"),
        (lambda uow: people.add_person(uow, "zhao", "Zhao", "packer", pin="12"), auth.WeakPin, "4 to 8 digits"),
        (lambda uow: people.set_pin(uow, "li.na", "12ab"), auth.WeakPin, "4 to 8 digits"),
        (lambda uow: people.set_pin(uow, "nobody", "1234"), NotFound, "No person"),
    ]
    for change, error, words in cases:
        with db.unit_of_work(boss) as uow, pytest.raises(error) as info:
            change(uow)
        assert words in info.value.message and info.value.message_zh != info.value.message
    assert count_users(db) == 2
    with db.unit_of_work(boss) as uow:
        people.add_person(uow, "zhao", "Zhao Min", "packer", badge="HZ-0002")
        with pytest.raises(people.DuplicateBadge):
            people.set_badge(uow, "zhao", "HZ-0001")
        people.set_badge(uow, "zhao", "HZ-0002")  # their own badge again is fine


def test_the_last_active_admin_stays(db, boss) -> None:
    with db.unit_of_work(boss) as uow, pytest.raises(people.LastAdmin) as info:
        people.retire_person(uow, "boss")
    assert "last active administrator" in info.value.message
    with db.unit_of_work(boss) as uow, pytest.raises(people.LastAdmin):
        people.change_role(uow, "boss", "supervisor")
    with db.unit_of_work(boss) as uow, pytest.raises(people.LastAdmin):
        people.upsert_person(uow, "boss", "Boss Lin", "admin", name_zh="林总", active=False)
    with db.unit_of_work(boss) as uow:
        people.add_person(uow, "deputy", "Deputy", "admin", pin="1357")
    with db.unit_of_work(boss) as uow:
        people.change_role(uow, "boss", "supervisor")
    with db.unit_of_work(boss) as uow:
        rows = {r.login: r for r in people.list_people(uow)}
    assert rows["boss"].role is Role.SUPERVISOR and rows["deputy"].role is Role.ADMIN
    (entry,) = audit(db, "user_role_changed")
    assert entry.detail == {"from": "admin", "to": "supervisor"}


def test_unlock_ends_a_lock_out_and_the_list_shows_who_is_locked_and_where_people_are(db, boss) -> None:
    with db.unit_of_work(boss) as uow:
        people.add_person(uow, "picker7", "Picker Seven", "picker", pin="1111")
        people.add_person(uow, "packer7", "Packer Seven", "packer", pin="3333")
    with db.unit_of_work() as uow:
        auth.sign_in_with_pin(uow, "packer7", "3333", "PACK-07")
    for _ in range(auth.MAX_FAILED_ATTEMPTS):
        with db.unit_of_work() as uow, pytest.raises(SignInRefused):
            auth.sign_in_with_pin(uow, "picker7", "0000", "PICK-07")
    with db.unit_of_work(boss) as uow:
        rows = {r.login: r for r in people.list_people(uow)}
    assert rows["picker7"].locked and not rows["packer7"].locked
    assert rows["packer7"].stations == ("PACK-07",) and rows["boss"].stations == ("ADMIN-01",)
    assert rows["picker7"].stations == ()
    with db.unit_of_work(boss) as uow:
        people.unlock_person(uow, "picker7")
    with db.unit_of_work() as uow:
        auth.sign_in_with_pin(uow, "picker7", "1111", "PICK-07")
    (entry,) = audit(db, "user_unlocked")
    assert entry.detail == {"was_locked": True}


def test_retiring_signs_out_everywhere_and_keeps_them_out(db, boss) -> None:
    with db.unit_of_work(boss) as uow:
        people.add_person(uow, "temp", "Temp Worker", "packer", pin="3333", badge="T-1")
    with db.unit_of_work() as uow:
        auth.sign_in_with_pin(uow, "temp", "3333", "PACK-09")
    with db.unit_of_work(boss) as uow:
        people.retire_person(uow, "temp")
    with db.unit_of_work(boss) as uow:
        row = people.person(uow, "temp")
        active = people.list_people(uow, include_retired=False)
    assert not row.active and row.stations == () and "temp" not in {r.login for r in active}
    with db.unit_of_work() as uow, pytest.raises(SignInRefused):
        auth.sign_in_with_badge(uow, "T-1", "PACK-09")
    (entry,) = audit(db, "user_retired")
    assert entry.detail == {"signed_out": ["PACK-09"]}


def test_upsert_in_bulk_is_all_or_nothing_and_a_second_run_changes_nothing(db, boss) -> None:
    staff = [("wang.fang", "Wang Fang", "王芳", "picker", "HZ-0007"), ("zhou.li", "Zhou Li", "周丽", "receiver", None)]
    with db.unit_of_work(boss) as uow:  # a failure at the end leaves nothing of the rows before it
        for login, name, zh, role, badge in staff:
            people.upsert_person(uow, login, name, role, name_zh=zh, badge=badge, commit=False)
        with pytest.raises(people.DuplicateBadge):
            people.upsert_person(uow, "third", "Third", "packer", badge="HZ-0007", commit=False)
    assert count_users(db) == 1
    with db.unit_of_work(boss) as uow:
        done = [people.upsert_person(uow, login, name, role, name_zh=zh, badge=badge, commit=False)
                for login, name, zh, role, badge in staff]
        uow.commit()
    assert done == ["added", "added"]
    entries = len(audit(db, "user_added")) + len(audit(db, "user_updated"))
    with db.unit_of_work(boss) as uow:
        again = [people.upsert_person(uow, login, name, role, name_zh=zh, badge=badge)
                 for login, name, zh, role, badge in staff]
    assert again == ["unchanged", "unchanged"]
    assert len(audit(db, "user_added")) + len(audit(db, "user_updated")) == entries
    with db.unit_of_work(boss) as uow:
        assert people.upsert_person(uow, "zhou.li", "Zhou Li", "packer", name_zh="周丽", active=False) == "updated"
    with db.unit_of_work(boss) as uow:
        row = people.person(uow, "zhou.li")
    assert (row.role, row.active, row.has_pin) == (Role.PACKER, False, False)
    assert audit(db, "user_updated")[-1].detail == {"role": "packer", "active": False}


def test_the_database_refuses_an_unknown_role(db) -> None:
    from sqlalchemy.exc import IntegrityError

    with db.unit_of_work() as uow:
        uow.session.add(models.User(login="odd", display_name="Odd", role="driver"))
        with pytest.raises(IntegrityError):
            uow.session.flush()
