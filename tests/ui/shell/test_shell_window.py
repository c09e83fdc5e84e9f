"""The station window: status bar, menus, role-aware workspaces and what they show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QTableWidget

from desktop.db.database import Database
from desktop.domain.lifecycle import OrderStatus
from desktop.services.orders import count_by_status
from ui.main_window import MainWindow
from ui.labels import order_status_name

STATION = "TEST-01"  # the station name the `settings` fixture gives the window


def counts(db: Database) -> dict[OrderStatus, int]:
    with db.unit_of_work() as uow:
        return count_by_status(uow)


def test_status_bar_shows_station_database_connection_and_user(qtbot, window: MainWindow,
                                                              demo_db: Database, sign_in) -> None:
    bar = window.statusBar()
    assert STATION in bar.findChild(QLabel, "status_station").text()
    database = bar.findChild(QLabel, "status_database")
    assert database.toolTip() == demo_db.describe()
    assert database.text().startswith("SQLite") and database.text() == "SQLite central.sqlite3"
    connection = bar.findChild(QLabel, "status_connection")
    qtbot.waitUntil(lambda: connection.property("state") == "connected")
    assert "connected" in connection.text().lower()
    user = bar.findChild(QLabel, "status_user")
    assert "Not signed in" in user.text()
    sign_in("packer1")
    assert "packer1" in user.text() and "Packer One" in user.text() or "packer1" in user.text()


def test_a_lost_connection_shows_in_the_status_bar(qtbot, window: MainWindow, monkeypatch) -> None:
    monkeypatch.setattr(window.db, "ping", lambda: False)
    with qtbot.waitSignal(window.connection_changed, check_params_cb=lambda ok: ok is False):
        window.check_connection()
    assert window.findChild(QLabel, "status_connection").property("state") == "lost"


def test_device_widgets_join_the_status_bar_before_the_user(qtbot, window: MainWindow) -> None:
    widget = QLabel("Scanner: ready")
    widget.setObjectName("device_status")
    window.add_status_widget(widget)
    assert window.statusBar().findChild(QLabel, "device_status") is widget
    assert widget.isVisible() and window.findChild(QLabel, "status_user").isVisible()


def test_menus_show_their_shortcuts(window: MainWindow) -> None:
    assert window.action_settings.shortcut().toString() == "Ctrl+,"
    assert window.action_sign_out.shortcut().toString() == "Ctrl+L"
    assert window.action_quit.shortcut().toString() == "Ctrl+Q"
    assert window.action_guide.shortcut().toString() == "F1"
    assert window.action_shortcuts.shortcut().toString() == "Shift+F1"
    assert not window.action_sign_out.isEnabled()  # nobody signed in yet


def test_picker_shell_counts_ready_orders(qtbot, window: MainWindow, demo_db: Database, sign_in) -> None:
    sign_in("picker1")
    ws = window.workspace
    ready = counts(demo_db)[OrderStatus.READY]
    label = ws.findChild(QLabel, "picker_ready_count")
    qtbot.waitUntil(lambda: f"{ready} orders" in label.text())
    button = ws.findChild(QPushButton, "picker_next_batch")
    assert button.isEnabled()
    assert "Next batch" in ws.findChild(QLabel, "picker_note").text()
    # A picker may not open the supervisor's workspace.
    assert not window.workspace_actions[window.workspace.role.SUPERVISOR].isEnabled()
    window.open_workspace(window.workspace.role.SUPERVISOR)
    assert window.centralWidget().objectName() == "workspace_picker"


def test_packer_shell_prompts_for_a_scan_and_counts_picked_orders(qtbot, window: MainWindow,
                                                                  demo_db: Database, sign_in) -> None:
    sign_in("packer1")
    ws = window.workspace
    picked = counts(demo_db)[OrderStatus.PICKED]
    label = ws.findChild(QLabel, "packer_waiting_count")
    qtbot.waitUntil(lambda: f"{picked} orders" in label.text())
    assert "Scan a tote or order" in ws.findChild(QLabel, "packer_prompt").text()
    window.on_scan("TOTE-00042")
    assert "TOTE-00042" in ws.findChild(QLabel, "packer_scan_result").text()
    window.on_scan("LOC-nonsense")
    assert ws.findChild(QLabel, "packer_scan_result").property("kind") == "error"


def test_supervisor_shell_shows_counts_by_status_and_held_orders(qtbot, window: MainWindow,
                                                                 demo_db: Database, sign_in) -> None:
    sign_in("super1")
    ws = window.workspace
    expected = counts(demo_db)
    table = ws.findChild(QTableWidget, "supervisor_status_table")
    qtbot.waitUntil(lambda: table.item(0, 1).text() != "–")
    shown = {table.item(row, 0).text(): int(table.item(row, 1).text()) for row in range(table.rowCount())}
    assert shown == {order_status_name(status.value): n for status, n in expected.items()}
    held = ws.findChild(QAbstractItemView, "supervisor_held_table").model()
    qtbot.waitUntil(lambda: held.rowCount() > 0)
    assert held.rowCount() == expected[OrderStatus.HELD] > 0
    headers = [held.headerData(c, Qt.Orientation.Horizontal).lower() for c in range(held.columnCount())]
    assert not any(word in h for h in headers for word in ("customer", "name", "phone", "address"))


def test_supervisor_refreshes_on_its_timer(qtbot, window: MainWindow, sign_in) -> None:
    window.refresh_ms = 50
    sign_in("super1")
    updated = window.workspace.findChild(QLabel, "supervisor_updated")
    qtbot.waitUntil(lambda: updated.text() != "")
    # The feed brings changes; the workspace timer is only the safety net, so it runs at least every
    # FALLBACK_REFRESH_MS however short the station's setting, and a tick reloads what is shown.
    from ui.workspaces.supervisor import FALLBACK_REFRESH_MS
    assert window.workspace.timer.isActive() and window.workspace.timer.interval() == FALLBACK_REFRESH_MS
    window.workspace.show_data(({}, []))  # blank it; the timer must fill it again
    window.workspace.timer.timeout.emit()
    qtbot.waitUntil(lambda: window.workspace.findChild(QTableWidget, "supervisor_status_table").item(0, 1).text() != "0")


def test_admin_may_switch_to_any_workspace(qtbot, window: MainWindow, sign_in) -> None:
    actor = sign_in("admin")
    assert window.centralWidget().objectName() == "workspace_admin"  # the admin's own, first
    for role, name in ((actor.role.PICKER, "workspace_picker"), (actor.role.PACKER, "workspace_packer"),
                       (actor.role.SUPERVISOR, "workspace_supervisor"), (actor.role.ADMIN, "workspace_admin")):
        assert window.workspace_actions[role].isEnabled()
        with qtbot.waitSignal(window.workspace_opened, check_params_cb=lambda n, name=name: n == name):
            window.workspace_actions[role].trigger()
        assert window.centralWidget().objectName() == name


def test_devices_join_the_window_and_a_wedge_badge_scan_signs_in(qtbot, qapp, window: MainWindow) -> None:
    from PySide6.QtWidgets import QFrame

    window.station.listen_to_keyboard(qapp)
    try:
        status = window.statusBar().findChild(QFrame, "device_status")
        assert status is window.device_status and status.isVisible()
        with qtbot.waitSignal(window.signed_in, timeout=10_000) as blocker:
            window.station.wedge.scanned.emit("BADGE-P00002")
        assert blocker.args[0].login == "picker2"
        assert "BADGE-P00002" in status.findChild(QLabel, "last_scan_label").text()
    finally:
        window.station.close()  # takes the wedge off the application too
