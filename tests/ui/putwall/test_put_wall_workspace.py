"""Workspace ▸ Put wall: a packer (or a supervisor) opens the wall's screen from the station window; a
picker may not. The screen takes the station's scans."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QLabel


def test_a_packer_opens_the_put_wall_and_a_picker_cannot(qtbot, window, sign_in) -> None:
    sign_in("picker1")
    assert not window.action_put_wall.isEnabled()
    window.sign_out()
    sign_in("packer1")
    assert window.action_put_wall.isEnabled()
    with qtbot.waitSignal(window.workspace_opened, timeout=5000) as opened:
        window.action_put_wall.trigger()
    assert opened.args == ["workspace_put_wall"] and window.workspace.objectName() == "workspace_put_wall"
    ws = window.workspace
    # A code that is no batch: refused on the screen, in words.
    with qtbot.waitSignal(ws.panel.put_refused, timeout=10_000):
        assert ws.on_scan("B261123-99999")
    message = ws.findChild(QLabel, "put_wall_message")
    assert "B261123-99999" in message.text()
    shot = os.environ.get("PUT_WALL_WINDOW_SHOT")
    if shot:
        window.grab().save(str(Path(shot)))
