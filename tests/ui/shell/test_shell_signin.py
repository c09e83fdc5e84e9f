"""Signing in at the station: by PIN for every role, refusals, badges, signing out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.roles import Role
from ui.main_window import MainWindow
from ui.settings import Settings

STATION = "TEST-01"  # the station name the `settings` fixture gives the window


def station_user(db: Database) -> int | None:
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(models.Station.current_user_id).where(models.Station.name == STATION))


@pytest.mark.parametrize(("login", "role", "workspace"), [
    ("picker1", Role.PICKER, "workspace_picker"),
    ("packer1", Role.PACKER, "workspace_packer"),
    ("super1", Role.SUPERVISOR, "workspace_supervisor"),
    ("admin", Role.ADMIN, "workspace_admin"),
])
def test_pin_sign_in_opens_the_workspace_for_the_role(qtbot, window: MainWindow, settings: Settings,
                                                       login: str, role: Role, workspace: str, sign_in) -> None:
    actor = sign_in(login)
    assert (actor.login, actor.role, actor.station) == (login, role, STATION)
    assert window.centralWidget().objectName() == workspace
    assert window.actor == actor
    assert settings.last_user == login


def test_wrong_pin_is_refused_with_a_message_and_the_pin_cleared(qtbot, window: MainWindow, sign_in) -> None:
    view = window.sign_in_view
    view.select_user("picker2")
    qtbot.keyClicks(view.pin, "0000")
    with qtbot.assertNotEmitted(window.signed_in, wait=100):
        with qtbot.waitSignal(view.sign_in_refused, timeout=10_000) as refused:
            qtbot.keyClick(view.pin, Qt.Key.Key_Return)
    error = view.findChild(type(view.status), "sign_in_error")
    assert "wrong PIN" in refused.args[0] and "PIN 码错误" not in refused.args[0]  # the station speaks English
    assert error.text() == refused.args[0] and error.isVisible()
    assert view.findChild(type(view.status), "sign_in_error_icon").pixmap() is not None
    assert view.pin.text() == ""
    assert view.pin.hasFocus()
    assert window.sign_in_view is view and window.actor is None
    # The right PIN still works afterwards (and clears the message).
    sign_in("picker2")
    assert window.centralWidget().objectName() == "workspace_picker"


def test_the_pin_field_takes_digits_only(qtbot, window: MainWindow) -> None:
    view = window.sign_in_view
    qtbot.keyClicks(view.pin, "12")
    assert view.pin.text() == "12"
    assert view.pin.echoMode() == view.pin.EchoMode.Password
    # A letter is not a PIN: it is the start of a badge scan, which moves to the badge field.
    qtbot.keyClicks(view.pin, "B")
    assert (view.pin.text(), view.badge.text()) == ("", "B")


def test_badge_scan_signs_in_directly(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.signed_in, timeout=10_000) as blocker:
        window.on_scan("BADGE-K00001\r")
    assert blocker.args[0].login == "packer1"
    assert window.centralWidget().objectName() == "workspace_packer"


def test_badge_typed_by_a_wedge_scanner_into_the_pin_field(qtbot, window: MainWindow) -> None:
    view = window.sign_in_view
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.pin.setFocus()
    qtbot.waitUntil(view.pin.hasFocus)
    with qtbot.waitSignal(window.signed_in, timeout=10_000) as blocker:
        for char in "BADGE-S00001":  # a wedge types wherever the focus is
            qtbot.keyClicks(QApplication.focusWidget(), char)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert blocker.args[0].login == "super1"


def test_unknown_badge_and_non_badge_scans_are_refused(qtbot, window: MainWindow) -> None:
    view = window.sign_in_view
    with qtbot.waitSignal(view.sign_in_refused, timeout=10_000) as refused:
        view.on_scan("BADGE-X99999")
    assert "badge is not known" in refused.args[0]
    with qtbot.waitSignal(view.sign_in_refused) as refused:
        view.on_scan("TOTE-00042")
    assert "not a badge" in refused.args[0]
    assert window.actor is None


def test_sign_out_returns_to_sign_in_and_clears_the_station_user(qtbot, window: MainWindow,
                                                                 demo_db: Database, sign_in) -> None:
    actor = sign_in("picker1")
    qtbot.waitUntil(lambda: station_user(demo_db) == actor.user_id)
    with qtbot.waitSignal(window.signed_out):
        window.action_sign_out.trigger()
    assert window.centralWidget().objectName() == "sign_in"
    assert window.actor is None
    qtbot.waitUntil(lambda: station_user(demo_db) is None)
    # The last user is offered first on the fresh sign-in view.
    view = window.sign_in_view
    qtbot.waitUntil(lambda: view.users.count() > 0)
    assert view.selected_login == "picker1"
