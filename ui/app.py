"""Starting the window: the Qt application, fonts and style, the database, the station, the window.

`run(args)` is called by `ui.entry` when `pickdesk` is started without a subcommand. The station's
files are placed once (`ui.station.station_paths`); the database is opened on a worker thread while a
splash shows, so a slow network or the first start's seeding never freezes the screen; errors a
person can fix (an unreachable database, a bad URL) show a dialog that offers the settings. Then the
station is built (`ui.station.build_station`), the window shown, and the keyboard-wedge scanner
listened to; when the window closes the station closes with it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QSplashScreen, QWidget

import resources
from desktop.db.database import Database
from desktop.demo.first_start import seed_if_empty
from desktop.station.config import StationPaths
from ui import appearance
from ui.errors import error_text
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.station import Station, build_station, station_paths
from ui.tasks import TaskRunner

ORGANIZATION = "Pickdesk"
APPLICATION = "Pickdesk"
BASE_POINT_SIZE = appearance.BASE_POINT_SIZE
WINDOW_SIZE = (1280, 800)
SPLASH_DELAY_MS = 300

NO_DISPLAY_MESSAGE = (
    "pickdesk: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
    "Run it inside a desktop session, or headless with `xvfb-run make run`.\n"
    "(The subcommands work without a display: `pickdesk --help`.)"
)


def has_display(environ: os._Environ[str] | dict[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return True
    return any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def style_sheet(name: str = "light") -> str:
    return appearance.style_sheet(name)


def install_fonts(app: QGuiApplication, point_size: int = BASE_POINT_SIZE) -> str | None:
    """Load the bundled CJK font and put it behind the platform font, so Chinese always renders.

    Returns the CJK family name (None if the font could not be loaded).
    """
    font_id = QFontDatabase.addApplicationFont(str(resources.cjk_font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    cjk = families[0] if families else None
    font = QFont(app.font())
    base = font.family() or "Sans Serif"
    font.setFamilies([base, cjk] if cjk and cjk != base else [base])
    font.setPointSize(point_size)
    app.setFont(font)
    if cjk:
        for family in (base, "Sans Serif", "DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial"):
            QFont.insertSubstitution(family, cjk)
    return cjk


GIL_SWITCH_INTERVAL_S = float(os.environ.get("PICKDESK_SWITCH_INTERVAL", "0.001"))  # seconds; Python's default 0.005


def prepare_application(app: QApplication, settings: Settings | None = None) -> None:
    """Names (for QSettings), fonts, language and style: everything a window needs before it is built.

    With `settings`, the station's language, theme and type size; without, the system's language
    and the light theme at normal size.
    """
    # Database and device threads are Python too: hand the interpreter back to the GUI thread every
    # millisecond (default 5 ms), so a busy worker cannot hold a scan's feedback back for long.
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Pickdesk")
    install_fonts(app)
    appearance.apply_station_look(app, settings)


def database_choice(args: argparse.Namespace, settings: Settings, paths: StationPaths) -> tuple[str, bool]:
    """The URL to open and whether to seed the demo into it if it is empty.

    The demo warehouse is seeded only into the station's embedded database, never into a database
    somebody named (on the command line, in PICKDESK_DB_URL or in the settings).
    """
    url = paths.database_url(getattr(args, "db", None) or settings.database_url or None)
    return url, paths.is_embedded(url)


def open_database(url: str, paths: StationPaths, seed_demo: bool) -> Database:
    """Open (and migrate) the central database; seed the demo into it when asked and it is empty."""
    db = Database.open(url)
    if seed_demo:
        seed_if_empty(db)
    return db


def _splash() -> QSplashScreen:
    pixmap = QPixmap(520, 200)
    pixmap.fill(QColor("#1e5fa8"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#ffffff"))
    font = QFont(QApplication.font())
    font.setPointSize(28)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect().adjusted(0, -30, 0, 0), Qt.AlignmentFlag.AlignCenter, "Pickdesk")
    font.setPointSize(13)
    font.setBold(False)
    painter.setFont(font)
    painter.drawText(pixmap.rect().adjusted(0, 70, 0, 0), Qt.AlignmentFlag.AlignCenter,
                     QCoreApplication.translate("app", "Opening the database…"))
    painter.end()
    return QSplashScreen(pixmap)


class _Startup:
    """Opens the database off the GUI thread, then shows the station window (or a clear error)."""

    def __init__(self, app: QApplication, args: argparse.Namespace, settings: Settings,
                 on_shown: Callable[[QWidget], None] | None) -> None:
        self.app = app
        self.args = args
        self.settings = settings
        self.on_shown = on_shown
        self.opener = TaskRunner(None, max_threads=1)
        self.splash: QSplashScreen | None = None
        self.opening = False
        self.paths = station_paths(settings)  # the station's files, placed once
        self.window: MainWindow | None = None
        self.station: Station | None = None
        self.db: Database | None = None
        self.runner: TaskRunner | None = None
        self.exit_code = 0

    def open_database(self) -> None:
        paths = self.paths
        url, seed = database_choice(self.args, self.settings, paths)
        self.opening = True
        # The splash only appears if opening takes a while (the first start seeds the demo, a remote
        # database is slow to answer): a seeded local database opens in tens of milliseconds.
        QTimer.singleShot(SPLASH_DELAY_MS, self._show_splash)
        self.opener.call(lambda: open_database(url, paths, seed), self.opened, self.failed)

    def _show_splash(self) -> None:
        if self.opening and self.splash is None:
            self.splash = _splash()
            self.splash.show()

    def opened(self, db: Database) -> None:
        self.opening = False
        self.db = db
        self.runner = TaskRunner(db)
        self.station = build_station(self.settings, self.paths, db, self.runner)
        self.window = MainWindow(self.station)
        self.window.resize(*WINDOW_SIZE)
        self.window.restore_layout()  # where this station's window was last time, if anywhere
        self.window.show()
        self.app.setQuitOnLastWindowClosed(True)
        if self.splash is not None:
            self.splash.finish(self.window)
            self.splash = None
        self.station.listen_to_keyboard(self.app)
        if self.on_shown is not None:
            window = self.window
            QTimer.singleShot(0, lambda: self.on_shown(window))

    def failed(self, exc: BaseException) -> None:
        self.opening = False
        if self.splash is not None:
            self.splash.close()
            self.splash = None
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("app", "Pickdesk"),
                          QCoreApplication.translate("app", "The central database could not be opened."))
        box.setObjectName("database_error")
        box.setInformativeText(error_text(exc))
        settings_button = box.addButton(QCoreApplication.translate("app", "Settings…"),
                                        QMessageBox.ButtonRole.ActionRole)
        retry_button = box.addButton(QCoreApplication.translate("app", "Try again"),
                                     QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("app", "Quit"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is settings_button:
            from ui.settings_dialog import SettingsDialog

            SettingsDialog(self.settings).exec()
            self.open_database()
        elif clicked is retry_button:
            self.open_database()
        else:
            self.exit_code = 1
            self.app.quit()


def run(args: argparse.Namespace, *, settings: Settings | None = None,
        on_shown: Callable[[QWidget], None] | None = None) -> int:
    """Open the station window and run until it closes.

    `settings` defaults to the platform's store for this application; `on_shown(window)` is called
    once the window is on screen (benchmarks and tests).
    """
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)  # before the settings store is opened: it is named after them
    app.setApplicationName(APPLICATION)
    settings = settings or Settings()
    prepare_application(app, settings)
    app.setQuitOnLastWindowClosed(False)  # until the station window is up (the splash and dialogs come first)
    startup = _Startup(app, args, settings, on_shown)
    QTimer.singleShot(0, startup.open_database)
    code = app.exec()
    if startup.station is not None:
        startup.station.close()  # closed with the window already; a window that never closed ends here
    for runner in (startup.runner, startup.opener):
        if runner is not None:
            runner.wait_for_done(5000)
    if startup.db is not None:
        startup.db.dispose()
    return startup.exit_code or code
