"""A packer station that lacks the customer-data key (issue 17, item 2): it signs in and works the
screen, but opening a tote is refused with the reason and the way out — no name, no traceback."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.db.database import Database
from desktop.security.keys import FileKeyStore
from ui import i18n
from ui.feedback import Verdict
from ui.main_window import MainWindow
from ui.station import build_station, station_paths
from ui.tasks import TaskRunner


def test_a_packer_without_the_key_is_told_and_sees_no_customer(qtbot, demo_db, settings, picked, tmp_path, qapp):
    keyless = Database.open(demo_db.url, key_store=FileKeyStore(tmp_path / "no-keys"))
    runner = TaskRunner(keyless)
    window = MainWindow(build_station(settings, station_paths(settings), keyless, runner), ping_ms=0, refresh_ms=0)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.sign_in_view is not None and window.sign_in_view.users.count() > 0)
        view = window.sign_in_view  # signing in needs no key
        assert view.select_user("packer1")
        qtbot.keyClicks(view.pin, "3333")
        with qtbot.waitSignal(window.signed_in, timeout=10_000):
            qtbot.keyClick(view.pin, Qt.Key.Key_Return)
        ws = window.workspace
        p = picked()
        window.on_scan(p.tote)
        qtbot.waitUntil(lambda: ws.feedback.verdict is Verdict.REFUSED, timeout=10_000)
        text = ws.feedback.text.text()
        assert "No customer-data key on this station" in text and "pickdesk keys import" in text
        assert "Traceback" not in text and "went wrong" not in text
        assert "*" not in ws.findChild(QLabel, "packer_order").text()  # not even the masked name
        i18n.apply_language(qapp, "zh_CN")
        try:
            window.on_scan(p.tote)
            qtbot.waitUntil(lambda: "本工作站没有客户数据密钥" in ws.feedback.text.text(), timeout=10_000)
        finally:
            i18n.apply_language(qapp, "en")
        assert not (tmp_path / "no-keys").exists()  # and it made no key
    finally:
        window.close()
        runner.wait_for_done(10_000)
        keyless.dispose()
