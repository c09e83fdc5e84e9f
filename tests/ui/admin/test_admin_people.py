"""The admin's people tab driven as an admin would: a new person, their PIN, and that person signing in at
the station; a locked-out person unlocked; the last administrator kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.errors import SignInRefused
from desktop.services.auth import badge_digest, sign_in_with_pin
from ui.main_window import MainWindow


def people_tab(qtbot, window: MainWindow, sign_in):  # noqa: ANN001, ANN201
    sign_in("admin")
    ws = window.workspace
    panel = ws.panel("people")
    qtbot.waitUntil(lambda: len(panel.rows) > 0, timeout=10_000)
    return ws, panel


def click(qtbot, panel, name: str) -> None:  # noqa: ANN001
    button = panel.findChild(QPushButton, name)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_person_added_here_signs_in_once_a_pin_is_set(qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    ws, panel = people_tab(qtbot, window, sign_in)
    qtbot.keyClicks(panel.findChild(QLineEdit, "admin_new_login"), "picker7")
    qtbot.keyClicks(panel.findChild(QLineEdit, "admin_new_name"), "Sun Li")
    panel.findChild(QLineEdit, "admin_new_name_zh").setText("孙丽")  # typed through an input method
    roles = panel.findChild(QComboBox, "admin_new_role")
    roles.setCurrentIndex(roles.findData("picker"))
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, panel, "admin_person_add")
    qtbot.waitUntil(lambda: panel.person() is not None and panel.person().login == "picker7", timeout=10_000)
    assert not panel.person().has_pin
    row = next(n for n, r in enumerate(panel.rows) if r.login == "picker7")
    assert "no PIN" in panel.model.index(row, 5).data()
    with demo_db.unit_of_work() as uow, pytest.raises(SignInRefused):
        sign_in_with_pin(uow, "picker7", "7777", "ELSEWHERE")  # no PIN yet: nobody signs in as them

    qtbot.keyClicks(panel.findChild(QLineEdit, "admin_person_pin"), "7777")
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        qtbot.keyClick(panel, Qt.Key.Key_F8)
    assert panel.findChild(QLineEdit, "admin_person_pin").text() == ""  # the PIN does not stay on screen
    qtbot.waitUntil(lambda: panel.person() is not None and panel.person().has_pin, timeout=10_000)
    with demo_db.unit_of_work() as uow:
        detail = uow.session.scalars(select(models.AuditEntry.detail).where(
            models.AuditEntry.action == "user_pin_set", models.AuditEntry.entity_id == "picker7")).all()
    assert detail == [{"had_pin": False}]  # audited, the PIN itself nowhere

    window.sign_out()
    view = window.sign_in_view
    qtbot.waitUntil(lambda: view.select_user("picker7"), timeout=10_000)
    qtbot.keyClicks(view.pin, "7777")
    with qtbot.waitSignal(window.signed_in, timeout=10_000) as signed:
        qtbot.keyClick(view.pin, Qt.Key.Key_Return)
    assert signed.args[0].login == "picker7"
    assert window.workspace.objectName() == "workspace_picker"


def test_a_locked_out_person_is_unlocked(qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    for _ in range(5):
        with demo_db.unit_of_work() as uow, pytest.raises(SignInRefused):
            sign_in_with_pin(uow, "packer2", "0000", "PACK-02")
    with demo_db.unit_of_work() as uow, pytest.raises(SignInRefused, match="Too many"):
        sign_in_with_pin(uow, "packer2", "4444", "PACK-02")
    ws, panel = people_tab(qtbot, window, sign_in)
    assert panel.select_person("packer2")
    assert panel.person().locked
    row = next(n for n, r in enumerate(panel.rows) if r.login == "packer2")
    assert panel.model.index(row, 5).data().startswith("Locked until")
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, panel, "admin_person_unlock")
    qtbot.waitUntil(lambda: panel.person() is not None and panel.person().login == "packer2"
                    and not panel.person().locked, timeout=10_000)
    assert not panel.findChild(QPushButton, "admin_person_unlock").isEnabled()
    with demo_db.unit_of_work() as uow:
        assert sign_in_with_pin(uow, "packer2", "4444", "PACK-02").login == "packer2"


def test_role_badge_and_retirement_and_the_last_admin_kept(qtbot, window: MainWindow, demo_db: Database,
                                                            sign_in) -> None:
    ws, panel = people_tab(qtbot, window, sign_in)
    assert panel.select_person("picker3")
    role = panel.findChild(QComboBox, "admin_person_role")
    role.setCurrentIndex(role.findData("packer"))
    window.on_scan("BADGE-P00777")  # a new badge scanned while the person is chosen
    assert panel.findChild(QLineEdit, "admin_person_badge").text() == "BADGE-P00777"
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, panel, "admin_person_save")
    with demo_db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == "picker3"))
        assert (u.role, u.badge_hash) == ("packer", badge_digest(uow.session, "BADGE-P00777"))
    qtbot.waitUntil(lambda: panel.person() is not None and panel.person().login == "picker3", timeout=10_000)
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, panel, "admin_person_retire")
    qtbot.waitUntil(lambda: panel.person() is not None and not panel.person().active, timeout=10_000)
    with qtbot.waitSignal(ws.action_done, timeout=10_000):
        click(qtbot, panel, "admin_person_reinstate")

    assert panel.select_person("admin")  # the only administrator: cannot stop being one
    role.setCurrentIndex(role.findData("supervisor"))
    with qtbot.waitSignal(ws.action_failed, timeout=10_000) as refused:
        click(qtbot, panel, "admin_person_save")
    assert "last active administrator" in refused.args[0]
    with demo_db.unit_of_work() as uow:
        assert uow.session.scalar(select(models.User.role).where(models.User.login == "admin")) == "admin"
