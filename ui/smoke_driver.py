"""What `pickdesk smoke` does (see `ui.smoke`): drive the real start-up like a person, then report.

The steps run from the event loop of `ui.app.run` (its `on_shown` hook starts them); each step waits
by polling a condition on a timer, never by blocking the GUI thread. One timer bounds the whole run;
a watchdog thread ends the process if even quitting hangs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QPoint, Qt, QTimer, QTranslator, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication, QImageReader, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLabel, QMessageBox, QWidget

import resources
from ui import i18n
from ui.errors import error_text
from ui.settings import Settings

STATION = "SMOKE-01"
POLL_MS = 50
SETTLE_MS = 500  # after the data is there: let late repaints (the route map, the charts) land before the grab
SOUND_GAP_MS = 900
WATCHDOG_GRACE_S = 60.0
PNG_NAME = "smoke.png"
REPORT_NAME = "smoke.json"


QT_CONTEXT = "QPlatformTheme"  # Qt's standard buttons


class SmokeFailed(Exception):
    """A step did not work; the message says which and why."""


def _key(text: str) -> tuple[Qt.Key, Qt.KeyboardModifier]:
    sequence = QKeySequence(text)
    if sequence.count() != 1 or sequence[0].key() in (Qt.Key.Key_unknown, 0):
        raise ValueError(text)
    return sequence[0].key(), sequence[0].keyboardModifiers()


def _fresh_data_dir(requested: str | None) -> Path:
    if requested is None:
        return Path(tempfile.mkdtemp(prefix="pickdesk-smoke-"))
    folder = Path(requested)
    if folder.exists() and any(folder.iterdir()):
        raise SmokeFailed(f"--data-dir {folder} is not empty: smoke seeds a new demo warehouse in a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def run_smoke(args: argparse.Namespace) -> int:
    from desktop.cli import UsageError

    try:
        keys = [_key(text) for text in args.press]
    except ValueError as exc:
        raise UsageError(f"--press {exc}: not a key (examples: F5, Return, Ctrl+L)") from None
    if os.environ.get("PICKDESK_DB_URL"):
        raise UsageError("PICKDESK_DB_URL is set: smoke runs on a fresh embedded demo warehouse only")
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        data_dir = _fresh_data_dir(args.data_dir)
    except (OSError, SmokeFailed) as exc:
        print(f"pickdesk smoke: {exc}", file=sys.stderr)
        return 1

    from ui.app import has_display, run  # noqa: PLC0415 - after the environment is settled

    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    lookups = _record_resource_lookups()
    app = QApplication.instance() or QApplication(["pickdesk"])
    settings = Settings.from_file(data_dir / "station.ini")
    settings.station_name = STATION
    settings.data_dir = str(data_dir)  # the station's files (and its embedded demo database) go there
    settings.language = args.language  # ui.app.run installs the station's language from its settings

    driver = SmokeDriver(app, args, keys, out, data_dir, lookups)
    code = 1
    try:
        driver.arm()
        code = run(argparse.Namespace(db=None), settings=settings, on_shown=driver.start)
    except Exception as exc:  # noqa: BLE001 - whatever broke the start-up is the answer
        driver.fail(f"the start-up raised {type(exc).__name__}: {exc}", traceback.format_exc())
    driver.disarm()
    if driver.error is None and not driver.finished:
        driver.fail(f"the application quit (status {code}) before the smoke run finished "
                    f"(it was waiting for {driver.stage})")
    driver.write_report(app_exit_code=code)
    if driver.error is not None:
        print(f"pickdesk smoke: {driver.error}", file=sys.stderr)
        return 1
    if code != 0:
        print(f"pickdesk smoke: the application exited with status {code}", file=sys.stderr)
        return 1
    print(f"pickdesk smoke: {args.user} signed in, {driver.report.get('workspace')} shows "
          f"{driver.report.get('rows_total')} rows; {out / PNG_NAME}, {out / REPORT_NAME}")
    return 0


def _record_resource_lookups() -> list[Path]:
    """Every path handed out by `resources.path` from now on (icons, sounds, fonts, translations)."""
    seen: list[Path] = []
    original = resources.path

    def path(*parts: str) -> Path:
        found = original(*parts)
        if found not in seen:
            seen.append(found)
        return found

    resources.path = path  # modules call `resources.path(...)` at use, so they all go through here
    return seen


class SmokeDriver:
    """Signs in at the window `ui.app.run` shows, waits for the workspace, grabs it, reports."""

    def __init__(self, app: QApplication, args: argparse.Namespace, keys: list[tuple[Qt.Key, Qt.KeyboardModifier]],
                 out: Path, data_dir: Path, lookups: list[Path]) -> None:
        self.app = app
        self.args = args
        self.keys = keys
        self.out = out
        self.data_dir = data_dir
        self.lookups = lookups
        self.window: Any = None
        self.stage = "the window to open"
        self.error: str | None = None
        self.details: str | None = None
        self.finished = False
        self.report: dict[str, Any] = {}
        self.started = time.monotonic()
        self.timings: list[dict[str, Any]] = []
        self._stage_started = self.started
        self._poll = QTimer()
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)
        self._until: Callable[[], bool] | None = None
        self._then: Callable[[], None] | None = None
        self._deadline = QTimer()
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._timed_out)
        self._workspace_loaded = False
        self._played: list[str] = []
        self._guide_found: dict[str, Any] | None = None

    # --- the clock ----------------------------------------------------------------------------

    def arm(self) -> None:
        self._deadline.start(int(self.args.timeout * 1000))
        watchdog = threading.Thread(target=self._watchdog, name="smoke-watchdog", daemon=True)
        watchdog.start()

    def disarm(self) -> None:
        self._deadline.stop()
        self._poll.stop()

    def _watchdog(self) -> None:
        time.sleep(self.args.timeout + WATCHDOG_GRACE_S)
        print(f"pickdesk smoke: still running {self.args.timeout + WATCHDOG_GRACE_S:.0f} s after the start "
              f"(waiting for {self.stage}); ending the process", file=sys.stderr, flush=True)
        os._exit(3)

    def _timed_out(self) -> None:
        dialog = QApplication.activeModalWidget()
        shown = ""
        if isinstance(dialog, QMessageBox):
            shown = f"; a dialog is open: {dialog.text()} {dialog.informativeText()}".rstrip()
        if self.window is not None and self.window.workspace is not None:
            rows, _total = self._rows()
            shown += f"; {self.window.workspace.objectName()} shows rows: {rows or 'no tables or lists'}"
        self.fail(f"timed out after {self.args.timeout:g} s waiting for {self.stage}{shown}")

    # --- steps --------------------------------------------------------------------------------

    def _wait(self, stage: str, until: Callable[[], bool], then: Callable[[], None]) -> None:
        now = time.monotonic()
        self.timings.append({"step": self.stage, "seconds": round(now - self._stage_started, 3)})
        self._stage_started = now
        self.stage = stage
        self._until, self._then = until, then
        self._poll.start()

    def _check(self) -> None:
        if self.error is not None or self._until is None:
            self._poll.stop()
            return
        try:
            if not self._until():
                return
            self._poll.stop()
            then, self._until, self._then = self._then, None, None
            if then is not None:
                then()
        except SmokeFailed as exc:
            self.fail(str(exc))
        except Exception as exc:  # noqa: BLE001 - a broken step ends the run with its reason
            self.fail(f"{type(exc).__name__} while waiting for {self.stage}: {exc}", traceback.format_exc())

    def start(self, window: QWidget) -> None:
        """`on_shown`: the station window is on screen (the sign-in view)."""
        self.window = window
        view = window.sign_in_view
        if view is None:
            self.fail(f"the window opened on {window.centralWidget().objectName()!r}, not on the sign-in view")
            return
        view.sign_in_refused.connect(lambda message: self.fail(f"the sign-in was refused: {message}"))
        window.workspace_opened.connect(self._workspace_opened)
        self._wait("the sign-in view to list the names", lambda: view.users.count() > 0, self._sign_in)

    def _sign_in(self) -> None:
        """Click the name, click into the PIN field, type the PIN, press Enter."""
        view = self.window.sign_in_view
        logins = [view.users.item(row).data(Qt.ItemDataRole.UserRole) for row in range(view.users.count())]
        if self.args.user not in logins:
            raise SmokeFailed(f"{self.args.user!r} is not on the sign-in list ({', '.join(map(str, logins))})")
        item = view.users.item(logins.index(self.args.user))
        view.users.scrollToItem(item)
        QTest.mouseClick(view.users.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         view.users.visualItemRect(item).center())
        if view.selected_login != self.args.user:
            raise SmokeFailed(f"clicking {self.args.user!r} selected {view.selected_login!r}")
        QTest.mouseClick(view.pin, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(view.pin.width() // 2, view.pin.height() // 2))
        QTest.keyClicks(view.pin, self.args.pin)
        QTest.keyClick(view.pin, Qt.Key.Key_Return)
        self._wait("the PIN to be checked and the workspace to open", lambda: self.window.workspace is not None,
                   lambda: self._wait("the workspace to load its data", lambda: self._workspace_loaded,
                                      self._press_keys))

    def _workspace_opened(self, _name: str) -> None:
        workspace = self.window.workspace
        workspace.refreshed.connect(self._mark_loaded)
        workspace.refresh_failed.connect(
            lambda exc: self.fail(f"the workspace could not load its data: {error_text(exc)}"))

    def _mark_loaded(self) -> None:
        self._workspace_loaded = True

    def _press_keys(self) -> None:
        workspace = self.window.workspace
        self.window.activateWindow()  # window shortcuts (F5…) need the window to be the active one
        for key, modifiers in self.keys:
            focus = QApplication.focusWidget()
            target = focus if focus is not None and self.window.isAncestorOf(focus) else workspace
            QTest.keyClick(target, key, modifiers)
        self._wait(f"the workspace to show at least {self.args.min_rows} row(s)",
                   lambda: self._rows()[1] >= self.args.min_rows, self._play_sounds)

    def _play_sounds(self) -> None:
        if not self.args.play_sounds:
            self._settle()
            return
        from ui.feedback import SoundPlayer

        players = self.window.findChildren(SoundPlayer)
        if not players:
            raise SmokeFailed(f"--play-sounds: {self.window.workspace.objectName()} has no scan sounds")
        player = players[0]
        player.played.connect(self._played.append)
        player.play("good")
        QTimer.singleShot(SOUND_GAP_MS, lambda: player.play("bad"))
        started = time.monotonic()
        self._wait("the scan sounds to play",
                   lambda: time.monotonic() - started > 2 * SOUND_GAP_MS / 1000, self._settle)

    def _settle(self) -> None:
        started = time.monotonic()
        self._wait("the window to settle", lambda: time.monotonic() - started > SETTLE_MS / 1000, self._grab)

    def _grab(self) -> None:
        png = self.out / PNG_NAME
        pixmap = self.window.grab()
        if pixmap.isNull() or not pixmap.save(str(png), "PNG"):
            raise SmokeFailed(f"the window could not be saved to {png}")
        self.report["screenshot"] = {"path": str(png), "size": [pixmap.width(), pixmap.height()]}
        self.timings.append({"step": self.stage, "seconds": round(time.monotonic() - self._stage_started, 3)})
        self.stage = "the window to close"
        self.finished = True
        self._describe()
        self.window.close()  # signs out, closes the journal; the last window closing ends the application
        QTimer.singleShot(0, lambda: self.app.exit(0))

    def fail(self, message: str, details: str | None = None) -> None:
        if self.error is not None:
            return
        self.error = message
        self.details = details
        self._poll.stop()
        if self.window is not None:
            try:
                self._describe()
                self.window.grab().save(str(self.out / PNG_NAME), "PNG")  # what was on screen, to look at
            except Exception:  # noqa: BLE001,S110 - the report of the failure matters more than the picture
                pass
            self.window.close()
        self.app.exit(1)

    # --- the report ---------------------------------------------------------------------------

    def _rows(self) -> tuple[dict[str, int], int]:
        """Rows of every table and list the workspace shows on screen, by object name."""
        workspace = self.window.workspace if self.window is not None else None
        if workspace is None:
            return {}, 0
        rows: dict[str, int] = {}
        for n, view in enumerate(workspace.findChildren(QAbstractItemView)):
            if view.isVisible() and view.model() is not None and not isinstance(view, QHeaderView):
                rows[view.objectName() or f"{type(view).__name__}#{n}"] = view.model().rowCount()
        return rows, sum(rows.values())

    def _describe(self) -> None:
        window = self.window
        workspace = window.workspace
        rows, total = self._rows()
        title = workspace.findChild(QLabel, "workspace_title") if workspace is not None else None
        status_user = window.findChild(QLabel, "status_user")
        self._guide_found = self._guide()  # while someone is signed in (closing the window signs out)
        self.report.update({
            "workspace": workspace.objectName() if workspace is not None else None,
            "workspace_title": title.text() if title is not None else None,
            "signed_in": status_user.text() if status_user is not None else None,
            "window_title": window.windowTitle(),
            "menus": [action.text() for action in window.menuBar().actions()],
            "rows": rows,
            "rows_total": total,
        })

    def _guide(self) -> dict[str, Any] | None:
        """The user guide that Help opens for the signed-in role (ui.help), and whether it is there."""
        actor = getattr(self.window, "actor", None) if self.window is not None else None
        try:
            from ui.help import guide_path
        except ImportError:
            return None
        if actor is None:
            return None
        path = guide_path(actor.role)
        return {"path": str(path), "exists": path.is_file()}

    def _translations(self) -> list[dict[str, Any]]:
        return [{"path": t.filePath(), "language": t.language(), "empty": t.isEmpty()}
                for t in self.app.findChildren(QTranslator)]

    def _sounds(self) -> dict[str, Any]:
        from PySide6.QtMultimedia import QMediaDevices

        import resources
        from ui.feedback import SoundPlayer

        players = []
        if self.window is not None:
            for player in self.window.findChildren(SoundPlayer):
                effects = [{"name": name, "path": str(resources.path("sounds", f"{name}.wav")),
                            "bytes": len(sound.pcm)} for name, sound in player._effects.items()]
                players.append({"audible": player.audible, "muted": player.muted, "effects": effects})
        return {"outputs": [device.description() for device in QMediaDevices.audioOutputs()],
                "players": players, "played": self._played}

    def write_report(self, app_exit_code: int) -> None:
        families = QFontDatabase.families()
        styles = importlib_resources.files("resources.styles")
        icon = self.window.windowIcon() if self.window is not None else None
        bundle = getattr(sys, "_MEIPASS", None)
        self.report.update({
            "ok": self.error is None and self.finished and app_exit_code == 0,
            "error": self.error,
            "error_details": self.details,
            "stage": self.stage,
            "steps": self.timings,
            "seconds": round(time.monotonic() - self.started, 3),
            "app_exit_code": app_exit_code,
            "user": self.args.user,
            "requested_language": self.args.language,
            "language": i18n.current_language(),
            "frozen": bool(getattr(sys, "frozen", False)),
            "bundle_dir": bundle,
            "executable": sys.executable,
            "data_dir": str(self.data_dir),
            "qt": {
                "version": qVersion(),
                "platform": QGuiApplication.platformName(),
                "plugins": QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath),
                "translations": QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
                # A string of Qt's own (standard dialog buttons): translated only if qtbase_<lang>.qm loaded.
                # Qt's own translation (qtbase_<lang>.qm), not ours: the context is held in a variable
                # so lupdate does not copy the message into our .ts files and mask a missing qtbase file.
                "cancel_button": QCoreApplication.translate(QT_CONTEXT, "Cancel"),
            },
            "files": {
                "looked_up": [{"path": str(p), "exists": p.exists()} for p in self.lookups],
                "guide": self._guide_found,
                "translations": self._translations(),
                "font": {"path": str(resources.cjk_font_path()),
                         "family_loaded": "Droid Sans Fallback" in families,
                         "application_font": QApplication.font().families()},
                "styles": {"folder": str(styles), "applied": bool(self.app.styleSheet()),
                           "themes": sorted(f.name for f in styles.iterdir() if f.name.endswith(".qss"))},
                "icons": {"svg_reader": b"svg" in [bytes(f.data()) for f in QImageReader.supportedImageFormats()],
                          "window_icon_renders": icon is not None and not icon.pixmap(32, 32).isNull()},
            },
            "sounds": self._sounds(),
        })
        path = self.out / REPORT_NAME
        path.write_text(json.dumps(self.report, ensure_ascii=False, indent=2), encoding="utf-8")
