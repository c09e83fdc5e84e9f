"""Three ways to sign in: tap a name and type at once, type the login, or scan the badge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow


def name_row(view, login: str) -> int:  # noqa: ANN001 - a SignInView
    return next(r for r in range(view.users.count()) if view.users.item(r).data(Qt.ItemDataRole.UserRole) == login)


def test_a_pin_typed_right_after_tapping_a_name_is_kept(qtbot, window: MainWindow) -> None:
    view = window.sign_in_view
    window.activateWindow()
    view.users.setFocus()
    qtbot.waitUntil(view.users.hasFocus)
    item = view.users.item(name_row(view, "packer1"))
    qtbot.mouseClick(view.users.viewport(), Qt.MouseButton.LeftButton, pos=view.users.visualItemRect(item).center())
    assert view.selected_login == "packer1"
    # Typed where the keys go now, with no pause to look where the focus went.
    qtbot.keyClicks(QApplication.focusWidget(), "3333")
    assert view.pin.text() == "3333"
    with qtbot.waitSignal(window.signed_in, timeout=10_000) as signed:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert signed.args[0].login == "packer1"


def test_the_login_typed_on_the_list_chooses_the_name_then_the_pin_follows(qtbot, window: MainWindow) -> None:
    view = window.sign_in_view
    window.activateWindow()
    view.users.setFocus()
    qtbot.waitUntil(view.users.hasFocus)
    qtbot.keyClicks(view.users, "picker3")
    assert view.selected_login == "picker3"  # not picker1: the digit belongs to the login
    qtbot.keyClicks(QApplication.focusWidget(), "2323")
    assert view.pin.hasFocus() and view.pin.text() == "2323"
    with qtbot.waitSignal(window.signed_in, timeout=10_000) as signed:
        qtbot.keyClick(view.pin, Qt.Key.Key_Return)
    assert signed.args[0].login == "picker3"


def test_the_names_show_the_login_the_readme_gives(qtbot, window: MainWindow) -> None:
    view = window.sign_in_view
    texts = [view.users.item(r).text() for r in range(view.users.count())]
    assert any(t.startswith("picker1 · ") and "李娜" in t for t in texts), texts
    assert all(t.split(" · ")[0] == view.users.item(r).data(Qt.ItemDataRole.UserRole) for r, t in enumerate(texts))


def test_a_badge_signs_in(qtbot, window: MainWindow) -> None:
    view = window.sign_in_view
    with qtbot.waitSignal(window.signed_in, timeout=10_000) as signed:
        window.on_scan("BADGE-P00001")
    assert signed.args[0].login == "picker1"
