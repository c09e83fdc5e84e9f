"""The console's Waves tab: a supervisor releases a wave of N orders; it is listed with its carts."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QComboBox, QPushButton, QSpinBox, QTableView


def test_a_supervisor_releases_a_wave_from_the_console(qtbot, window, sign_in, tmp_path) -> None:
    sign_in("super1")
    ws = window.workspace
    assert ws.objectName() == "workspace_supervisor"
    ws.tabs.setCurrentWidget(ws.waves)
    combo = ws.findChild(QComboBox, "supervisor_wave_warehouse")
    qtbot.waitUntil(lambda: combo.count() > 0, timeout=15_000)
    combo.setCurrentText("GZ2")  # no ready order there: refused in words, nothing released
    ws.findChild(QPushButton, "supervisor_wave_release").click()
    qtbot.waitUntil(lambda: "GZ2" in ws.message.text(), timeout=60_000)
    combo.setCurrentText("SZ1")
    ws.findChild(QSpinBox, "supervisor_wave_max").setValue(3)
    kind = ws.findChild(QComboBox, "supervisor_wave_kind")
    assert kind.currentData() == "multi"
    done: list[str] = []
    ws.action_done.connect(done.append)
    ws.findChild(QPushButton, "supervisor_wave_release").click()
    qtbot.waitUntil(lambda: ws.message.text() not in ("", "Working…") and "GZ2" not in ws.message.text(),
                    timeout=60_000)
    assert done == ["wave_release"], ws.message.text()
    assert "3 orders" in ws.message.text()
    table = ws.findChild(QTableView, "supervisor_waves")
    qtbot.waitUntil(lambda: table.model().rowCount() >= 1, timeout=15_000)
    assert table.model().index(0, 6).data() == "3"
    window.grab().save(str(os.environ.get("CONSOLE_WAVES_SHOT", tmp_path / "console_waves.png")))
