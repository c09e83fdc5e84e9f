"""People at the station: a person without a PIN is told so at sign-in; a receiver gets the receiving workspace."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.domain.roles import Role
from desktop.services import people
from ui import i18n
from ui.main_window import MainWindow

STATION = "TEST-01"


@pytest.fixture(autouse=True)
def pinless(demo_db: Database) -> None:
    """Someone the admin added without a PIN (before the window loads the names)."""
    with demo_db.unit_of_work() as uow:
        if uow.session.scalar(select(models.User.id).where(models.User.login == "wang.fang")) is None:
            admin = Actor(None, "admin", "Administrator", Role.ADMIN, "ADMIN-01")
            uow.actor = admin
            people.add_person(uow, "wang.fang", "Wang Fang", Role.PICKER, name_zh="王芳")


@pytest.fixture
def chinese_afterwards(qapp) -> Iterator[None]:
    yield
    i18n.apply_language(qapp, "en")


def try_pin(qtbot, window: MainWindow, login: str, pin: str) -> str:
    view = window.sign_in_view
    assert view.select_user(login)
    qtbot.keyClicks(view.pin, pin)
    with qtbot.assertNotEmitted(window.signed_in, wait=100):
        with qtbot.waitSignal(view.sign_in_refused, timeout=10_000) as refused:
            qtbot.keyClick(view.pin, Qt.Key.Key_Return)
    return refused.args[0]


def test_a_person_without_a_pin_is_told_to_ask_for_one_not_wrong_pin(qtbot, window: MainWindow) -> None:
    message = try_pin(qtbot, window, "wang.fang", "1234")
    assert message == "No PIN has been set for you yet: ask an administrator to set one, then sign in."
    assert "wrong PIN" not in message
    assert window.sign_in_view.findChild(type(window.sign_in_view.status), "sign_in_error").isVisible()
    assert window.actor is None


def test_the_no_pin_message_is_chinese_on_a_chinese_station(qtbot, qapp, window: MainWindow,
                                                             chinese_afterwards) -> None:
    i18n.apply_language(qapp, "zh_CN")
    assert try_pin(qtbot, window, "wang.fang", "1234") == "您还没有 PIN 码：请管理员为您设置后再登录。"


@pytest.mark.parametrize(("language", "title", "role"), [
    ("en", "Receiving", "Receiver"),
    ("zh_CN", "收货", "收货员"),
])
def test_a_receiver_signs_in_to_the_receiving_workspace_and_signs_out_from_it(qtbot, qapp, window: MainWindow,
                                                                             demo_db, sign_in, language, title, role,
                                                                             chinese_afterwards) -> None:
    if language != "en":
        window.settings.language = language
        window.apply_look()
    with qtbot.waitSignal(window.workspace_opened) as opened:
        actor = sign_in("receiver1", "6666")
    assert actor.role is Role.RECEIVER and opened.args == ["workspace_receiver"]
    view = window.centralWidget()
    assert view.objectName() == "workspace_receiver" and window.workspace is view
    assert view.findChild(object, "workspace_title").text() == title
    assert role in view.findChild(object, "workspace_user").text()
    assert window.status_user.text().endswith(role)
    # Only their own workspace is open to them from the menu.
    assert [r for r, a in window.workspace_actions.items() if a.isEnabled()] == [Role.RECEIVER]
    with qtbot.waitSignal(window.signed_out):
        window.action_sign_out.trigger()
    assert window.sign_in_view is not None and window.actor is None
    window.runner.wait_for_done(10_000)
    with demo_db.unit_of_work() as uow:
        assert uow.session.scalar(select(models.Station.current_user_id).where(models.Station.name == STATION)) is None
    if language != "en":
        window.settings.language = "en"
        window.apply_look()
