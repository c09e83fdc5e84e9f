"""The station's one window: the sign-in view, then the signed-in user's workspace.

The central widget is the sign-in view (`sign_in`) until someone signs in, then the workspace for
their role (`workspace_picker`, `workspace_packer`, `workspace_supervisor`); signing out goes back to
a fresh sign-in view. The status bar shows the station, the database, whether it can be reached
(pinged through the task runner) and who is signed in.
"""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import QByteArray, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QHeaderView, QLabel, QMainWindow, QMenu, QMessageBox, QSplitter, QTabWidget, QWidget

from desktop import __version__
from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.domain.roles import Role, may_act_as
from desktop.domain.errors import SignedInElsewhere
from desktop.domain.events import StationSignedOut
from desktop.services.auth import sign_out, signed_in_elsewhere
from ui import appearance
from ui.appearance import type_scale
from ui.devices.status_widget import DeviceStatusWidget
from ui.help import GuideDialog, ShortcutsDialog
from ui.errors import error_text
from ui.labels import role_name
from ui.live import ChangeFeedWatcher
from ui.login import SignInView
from ui.no_workspace import NoWorkspaceView
from ui.station import Station
from ui.widgets.icons import icon
from ui.workspaces import AdminWorkspace, PackerWorkspace, PickerWorkspace, ReceiverWorkspace, SupervisorWorkspace, Workspace

WORKSPACES: dict[Role, type[Workspace]] = {
    Role.PICKER: PickerWorkspace,
    Role.PACKER: PackerWorkspace,
    Role.RECEIVER: ReceiverWorkspace,
    Role.SUPERVISOR: SupervisorWorkspace,
    Role.ADMIN: AdminWorkspace,
}
MINIMUM_SIZE = (960, 640)
# A role whose home has no entry in WORKSPACES (none today; a role added later) signs in to the
# `no_workspace` view, which says so and offers to sign out.
HOME_WORKSPACE = {Role.PICKER: Role.PICKER, Role.PACKER: Role.PACKER, Role.RECEIVER: Role.RECEIVER,
                  Role.SUPERVISOR: Role.SUPERVISOR, Role.ADMIN: Role.ADMIN}


def short_description(description: str) -> str:
    """The database as the status bar shows it: an SQLite file by its name (the tooltip has the path)."""
    kind, _, rest = description.partition(" ")
    if kind == "SQLite" and rest:
        return f"{kind} {PurePath(rest).name}"
    return description


class MainWindow(QMainWindow):
    """The station window (object name `main_window`).

    Signals:
        signed_in(Actor): a user signed in and their workspace is shown.
        signed_out(): the user signed out (the sign-in view is back).
        workspace_opened(str): a workspace was opened; its object name.
        connection_changed(bool): the central database became reachable (True) or was lost.
        session_taken_over(str): the person here signed in at another station (its name; "" when
            they were signed out elsewhere): this station went back to the sign-in and said so.
            Heard at once: the change feed (`session_watcher`: LISTEN/NOTIFY on PostgreSQL, the poll
            on SQLite) brings the take-over's sign-out of this station, and any call the station
            makes as the person fails with `SignedInElsewhere` (the runner's `session_lost`); the
            ping's check stays as the safety net.

    The window works with one `ui.station.Station` (its journal and sync, print queue, printer,
    scale and scanners: built once by `ui.station.build_station`, closed with the window) and gives
    each workspace the station's `WorkspaceContext`. The station's scans reach `on_scan`.

    Status bar labels: `status_station`, `status_database`, `status_connection` (property
    `state`: "connected" / "lost" / "checking"), `status_journal`, `device_status` (the station's
    devices and the last scan), `status_user`. Other widgets join them through `add_status_widget(widget)`. Menu actions: `action_settings`, `action_sign_out`, `action_quit`,
    `action_guide` (F1), `action_shortcuts` (Shift+F1), `action_about`, `action_workspace_<role>`.

    The window keeps its size and place, and each workspace its splitters, table columns and tab,
    per station (`save_layout` on close, `restore_layout` at start). Changing the language, theme
    or type size in the settings applies at once (`apply_look`).
    """

    signed_in = Signal(object)
    signed_out = Signal()
    workspace_opened = Signal(str)
    connection_changed = Signal(bool)
    session_taken_over = Signal(str)

    def __init__(self, station: Station, *, ping_ms: int = 5000, refresh_ms: int = 5000,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle("Pickdesk")
        self.setWindowIcon(icon("pickdesk"))
        # An explicit minimum keeps the layout from resizing the window's limits each time the
        # central widget changes (which also warns on platforms without size hints, e.g. offscreen).
        self.setMinimumSize(*MINIMUM_SIZE)
        self.station = station
        self.db: Database = station.db
        self.runner = station.runner
        self.settings = station.settings
        self.refresh_ms = refresh_ms
        # The station's journal: what its people confirmed, kept here before the central database has it.
        self.journal = station.journal
        self.sync = station.sync
        self.sync.journal_changed.connect(self.show_journal)
        self.actor: Actor | None = None
        self.connected: bool | None = None
        self._pinging = False

        # A new language or look waits for the work in hand (a batch, an order) before the workspace
        # is rebuilt in it: checked every second until the workspace says it is between jobs.
        self.look_timer = QTimer(self)
        self.look_timer.setObjectName("look_timer")
        self.look_timer.setInterval(1000)
        self.look_timer.timeout.connect(self._rebuild_when_free)
        self._build_menus()
        self._build_status_bar()
        self.device_status = DeviceStatusWidget(self)
        self.add_status_widget(self.device_status)
        station.scanned.connect(self.on_scan)
        station.scanned.connect(self.device_status.set_last_scan)
        station.device_state_changed.connect(self.device_status.set_device_state)
        # While someone is signed in: the change feed, for a take-over of this station's session.
        self.session_watcher = ChangeFeedWatcher(self.runner, interval_ms=500, parent=self)
        self.session_watcher.setObjectName("session_watcher")
        self.session_watcher.changed.connect(self._on_feed)
        self.runner.session_lost.connect(self._on_session_lost)
        self.show_sign_in()

        self.ping_timer = QTimer(self)
        self.ping_timer.setObjectName("ping_timer")
        self.ping_timer.timeout.connect(self.check_connection)
        if ping_ms > 0:
            self.ping_timer.start(ping_ms)
        QTimer.singleShot(0, self.check_connection)
        QTimer.singleShot(0, self.sync.request)  # what a previous session left in the journal goes first

    # --- menus --------------------------------------------------------------------------------

    def _action(self, name: str, text: str, shortcut: QKeySequence | str | None, slot) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.setObjectName("menu_bar")
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("menu_file")
        self.action_settings = self._action("action_settings", self.tr("&Settings…"), "Ctrl+,",
                                            self.open_settings)
        self.action_sign_out = self._action("action_sign_out", self.tr("Sign &out"), "Ctrl+L",
                                            self.sign_out)
        self.action_quit = self._action("action_quit", self.tr("&Quit"), "Ctrl+Q", self.close)
        file_menu.addAction(self.action_settings)
        file_menu.addSeparator()
        file_menu.addAction(self.action_sign_out)
        file_menu.addAction(self.action_quit)

        self.workspace_menu = bar.addMenu(self.tr("&Workspace"))
        self.workspace_menu.setObjectName("menu_workspace")
        group = QActionGroup(self.workspace_menu)  # goes with the menu when the menus are rebuilt
        self.workspace_actions: dict[Role, QAction] = {}
        names = {Role.PICKER: self.tr("&Picking"), Role.PACKER: self.tr("P&acking"),
                 Role.SUPERVISOR: self.tr("Super&vision"), Role.ADMIN: self.tr("A&dministration"),
                 Role.RECEIVER: self.tr("&Receiving")}
        for n, (role, text) in enumerate(names.items(), start=1):
            action = self._action(f"action_workspace_{role.value}", text, f"Ctrl+{n}",
                                  lambda _checked=False, r=role: self.open_workspace(r))
            action.setCheckable(True)
            group.addAction(action)
            self.workspace_menu.addAction(action)
            self.workspace_actions[role] = action
        # The put wall: a packer's second screen (docs/waves.md).
        self.action_put_wall = self._action("action_workspace_put_wall", self.tr("Put &wall"), "Ctrl+6",
                                            self.open_put_wall)
        self.action_put_wall.setCheckable(True)
        group.addAction(self.action_put_wall)
        self.workspace_menu.addAction(self.action_put_wall)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menu_help")
        self.action_guide = self._action("action_guide", self.tr("&User guide"), "F1", self.open_guide)
        self.action_shortcuts = self._action("action_shortcuts", self.tr("&Keyboard shortcuts"), "Shift+F1",
                                             self.show_shortcuts)
        self.action_about = self._action("action_about", self.tr("&About Pickdesk"), None, self.about)
        help_menu.addAction(self.action_guide)
        help_menu.addAction(self.action_shortcuts)
        help_menu.addSeparator()
        help_menu.addAction(self.action_about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("status_bar")
        self.status_station = QLabel(self)
        self.status_station.setObjectName("status_station")
        self.status_database = QLabel(short_description(self.db.describe()), self)
        self.status_database.setObjectName("status_database")
        self.status_database.setToolTip(self.db.describe())
        self.status_connection = QLabel(self)
        self.status_connection.setObjectName("status_connection")
        self.status_user = QLabel(self)
        self.status_user.setObjectName("status_user")
        self.status_journal = QLabel(self)
        self.status_journal.setObjectName("status_journal")
        for label in (self.status_station, self.status_database, self.status_connection, self.status_journal,
                      self.status_user):
            bar.addPermanentWidget(label)
        self.show_journal(len(self.journal.pending()))
        self._show_connection(None)
        self._update_station_and_user()
        self._fit_status_bar()

    def _fit_status_bar(self) -> None:
        """Large type leaves no room for the database's name (the connection's tooltip names it then)."""
        self.status_database.setVisible(type_scale() <= 1)

    def add_status_widget(self, widget: QWidget) -> None:
        """Put a widget (the device status, the print queue) in the status bar, before the user."""
        bar = self.statusBar()
        bar.removeWidget(self.status_user)
        bar.addPermanentWidget(widget)
        bar.addPermanentWidget(self.status_user)
        self.status_user.show()

    def _update_station_and_user(self) -> None:
        self.status_station.setText(self.tr("Station: {name}").format(name=self.settings.station_name))
        if self.actor is None:
            self.status_user.setText(self.tr("Not signed in"))
        else:
            self.status_user.setText(f"{self.actor.display_name} ({self.actor.login}) · {role_name(self.actor.role)}")
        for role, action in self.workspace_actions.items():
            action.setEnabled(self.actor is not None and may_act_as(self.actor.role, role))
        self.action_put_wall.setEnabled(self.actor is not None and may_act_as(self.actor.role, Role.PACKER))
        self.action_sign_out.setEnabled(self.actor is not None)

    # --- connection ---------------------------------------------------------------------------

    @Slot()
    def check_connection(self) -> None:
        if self._pinging:
            return
        self._pinging = True
        self.runner.call(self.db.ping, self._pinged, lambda _exc: self._pinged(False), owner=self)

    def _pinged(self, ok: bool) -> None:
        self._pinging = False
        self._show_connection(bool(ok))
        if not self.journal.closed:
            self.show_journal(len(self.journal.pending()))
        if ok:
            self.check_session()

    @Slot()
    def check_session(self) -> None:
        """Is the person here still signed in here? One person, one active session: a sign-in at
        another station takes it over, and this station says so and goes back to the sign-in."""
        actor = self.actor
        if actor is None or actor.user_id is None:
            return
        self.runner.run(lambda uow: signed_in_elsewhere(uow, actor),
                        lambda where: self._session_checked(actor, where), lambda _exc: None, actor=actor, owner=self)

    def _on_feed(self, entry) -> None:  # noqa: ANN001 - a desktop.services.feed.FeedEntry
        change = entry.change
        actor = self.actor
        if (isinstance(change, StationSignedOut) and actor is not None and change.user == actor.login
                and change.station == actor.station):
            self.check_session()  # signed out of here by someone else, or taken over: where are they?

    def _on_session_lost(self, exc: SignedInElsewhere) -> None:
        actor = self.actor
        if actor is not None and exc.user_id in (None, actor.user_id):
            self._session_checked(actor, exc.station)

    def _session_checked(self, actor: Actor, where: str | None) -> None:
        if where is None or self.actor != actor:
            return
        self.session_watcher.stop()
        self.actor = None
        self._update_station_and_user()
        self.show_sign_in()
        if where:
            text = self.tr("{name} signed in at station {station}: signed out here.").format(
                name=actor.display_name, station=where)
        else:
            text = self.tr("{name} was signed out of this station elsewhere.").format(name=actor.display_name)
        view = self.sign_in_view
        if view is not None:
            view.tell(text)
        self.statusBar().showMessage(text, 30000)
        self.session_taken_over.emit(where)
        self.signed_out.emit()

    @Slot(int)
    def show_journal(self, pending: int) -> None:
        """How many confirmed actions wait on this station for the central database (hidden when none)."""
        self.status_journal.setText("↻ " + self.tr("%n action(s) waiting to sync", "", pending))
        self.status_journal.setProperty("pending", pending)
        self.status_journal.setVisible(pending > 0)

    def _show_connection(self, ok: bool | None) -> None:
        previous, self.connected = self.connected, ok
        if ok is None:
            state, text = "checking", self.tr("Checking database…")
        elif ok:
            state, text = "connected", "● " + self.tr("Connected")
        else:
            state, text = "lost", "● " + self.tr("Connection lost")
        self.status_connection.setText(text)
        self.status_connection.setToolTip(self.tr("Central database")
                                          + (f": {self.db.describe()}" if type_scale() > 1 else ""))
        self.status_connection.setProperty("state", state)
        self.status_connection.style().unpolish(self.status_connection)
        self.status_connection.style().polish(self.status_connection)
        if ok is not None and ok != previous:
            if ok:
                self.sync.request()  # the database is back: what waits goes now, not at the next retry
            self.connection_changed.emit(ok)

    # --- signing in and out -------------------------------------------------------------------

    def show_sign_in(self) -> None:
        self.look_timer.stop()  # a fresh view is built in the current language anyway
        self._replace_central(SignInView(self.runner, self.settings.station_name, self.settings.last_user))
        self.sign_in_view.signed_in.connect(self._on_signed_in)
        for action in self.workspace_actions.values():
            action.setChecked(False)

    @property
    def sign_in_view(self) -> SignInView | None:
        widget = self.centralWidget()
        return widget if isinstance(widget, SignInView) else None

    @property
    def workspace(self) -> Workspace | None:
        widget = self.centralWidget()
        return widget if isinstance(widget, Workspace) else None

    def _on_signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.session_watcher.start()
        self.settings.last_user = actor.login
        self._update_station_and_user()
        self._open_home()
        self.signed_in.emit(actor)

    def _open_home(self) -> None:
        """The signed-in person's own workspace, or the `no_workspace` view when their role has none yet."""
        assert self.actor is not None
        home = HOME_WORKSPACE[self.actor.role]
        if home in WORKSPACES:
            self.open_workspace(home)
            return
        self.look_timer.stop()
        view = NoWorkspaceView(self.actor)
        view.sign_out_requested.connect(self.sign_out)
        self._replace_central(view)
        view.setFocus()
        self.workspace_opened.emit(view.objectName())

    def open_workspace(self, role: Role) -> None:
        """Show the workspace for `role`, if the signed-in user may act in it."""
        if self.actor is None or not may_act_as(self.actor.role, role):
            return
        self.look_timer.stop()
        workspace = WORKSPACES[role](self.station.context(self.actor, self.refresh_ms))
        self._replace_central(workspace)
        self._restore_workspace_layout(workspace)
        self._apply_sound_setting()
        self.workspace_actions[role].setChecked(True)
        workspace.setFocus()
        self.workspace_opened.emit(workspace.objectName())

    def open_put_wall(self) -> None:
        """Show the put wall's screen (a packer's), if the signed-in user may pack."""
        from ui.workspaces.put_wall import PutWallWorkspace

        if self.actor is None or not may_act_as(self.actor.role, Role.PACKER):
            return
        self.look_timer.stop()
        workspace = PutWallWorkspace(self.station.context(self.actor, self.refresh_ms))
        self._replace_central(workspace)
        self.action_put_wall.setChecked(True)
        workspace.setFocus()
        self.workspace_opened.emit(workspace.objectName())

    @Slot()
    def sign_out(self) -> None:
        actor = self.actor
        if actor is None:
            return
        if self.workspace is not None and not self.workspace.may_sign_out():
            return  # they chose to stay: the work in hand stays on screen
        self.actor = None
        self.session_watcher.stop()
        self._update_station_and_user()
        self.show_sign_in()
        self.runner.run(lambda uow: sign_out(uow, actor), None, self._sign_out_failed, actor=actor)
        self.signed_out.emit()

    def _sign_out_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(self.tr("Sign-out was not recorded: {error}").format(error=error_text(exc)), 10000)

    def _replace_central(self, widget: QWidget) -> None:
        old = self.takeCentralWidget()
        if isinstance(old, Workspace):
            self._save_workspace_layout(old)
            old.stop()
        if old is not None:
            old.hide()
            old.deleteLater()
        self.setCentralWidget(widget)

    # --- scans --------------------------------------------------------------------------------

    @Slot(str)
    def on_scan(self, raw: str) -> None:
        """Route a scan (keyboard wedge or serial scanner) to what is on screen."""
        if self.sign_in_view is not None:
            self.sign_in_view.on_scan(raw)
        elif self.workspace is not None:
            self.workspace.on_scan(raw)

    # --- dialogs ------------------------------------------------------------------------------

    @Slot()
    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog, SettingsGuard

        before = self._look()
        old_url = self.settings.database_url
        old_name = self.settings.station_name
        guard = SettingsGuard(self.actor, self.runner, lambda: self.connected)
        dialog = SettingsDialog(self.settings, self, guard=guard)
        accepted = dialog.exec()
        dialog.deleteLater()  # built in the language of its day: never shown again
        if accepted:
            waiting = 0 if self.journal.closed else len(self.journal.pending())
            if self.settings.station_name != old_name and waiting:
                # The journal is named after the station: renamed now, its waiting actions would be
                # left in the old name's file and never sent.
                self.settings.station_name = old_name
                QMessageBox.warning(self, self.tr("Station name kept"), self.tr(
                    "The station keeps its name until its %n waiting action(s) have reached the central "
                    "database. Try again when the status bar no longer shows them.", "", waiting))
            if self._look() != before:
                self.apply_look()
            self._update_station_and_user()
            self._apply_sound_setting()
            # The devices follow the settings at once: the printer from the next print on (a value, nothing
            # in hand is lost), a scale or scanner whose port changed is built again and reconnected.
            self.station.apply_settings()
            if self.workspace is not None:
                self.workspace.use_devices(self.station.printer, self.station.scale)
            if self.settings.database_url != old_url:
                self.statusBar().showMessage(
                    self.tr("The new database is used after a restart."), 15000)

    def _look(self) -> tuple[str, str, bool]:
        return self.settings.language, self.settings.theme, self.settings.large_type

    def apply_look(self) -> None:
        """Install the station's language, theme and type size now and rebuild what is shown in them.

        The menus and status bar are rebuilt; the sign-in view or the open workspace is built afresh
        (a workspace reloads what it shows from the database and the station journal).
        """
        app = QApplication.instance()
        appearance.apply_station_look(app, self.settings)
        for action in self.actions():
            self.removeAction(action)
            action.setParent(None)  # gone from the window's children now, not at the next loop pass
            action.deleteLater()
        for menu in self.menuBar().findChildren(QMenu):
            menu.setParent(None)
            menu.deleteLater()
        self.menuBar().clear()
        self._build_menus()
        self.show_journal(len(self.journal.pending()) if not self.journal.closed else 0)
        self._show_connection(self.connected)
        self._update_station_and_user()
        self._fit_status_bar()
        self.device_status.retranslate()
        workspace = self.workspace
        if workspace is not None and self.actor is not None:
            if workspace.in_the_middle():
                # Rebuilding now would drop the stop or parcel in hand: the menus change now, the work
                # screen when this batch or order is done.
                self.look_timer.start()
                self.statusBar().showMessage(self.tr(
                    "The new settings reach this screen when the batch or order in hand is done."), 15000)
            else:
                self.open_workspace(workspace.role)
        elif isinstance(self.centralWidget(), NoWorkspaceView) and self.actor is not None:
            self._open_home()
        elif self.sign_in_view is not None:
            self.show_sign_in()

    def _rebuild_when_free(self) -> None:
        workspace = self.workspace
        if workspace is None or self.actor is None:
            self.look_timer.stop()
        elif not workspace.in_the_middle():
            self.look_timer.stop()
            self.open_workspace(workspace.role)

    def _apply_sound_setting(self) -> None:
        feedback = self.workspace.feedback if self.workspace is not None else None
        if feedback is not None:
            feedback.sounds.muted = self.settings.muted

    # --- help ---------------------------------------------------------------------------------

    @Slot()
    def open_guide(self) -> None:
        """The user guide for the signed-in person's work (the picker's before anyone signs in)."""
        role = HOME_WORKSPACE[self.actor.role] if self.actor is not None else Role.PICKER
        if self.workspace is not None:
            role = self.workspace.role
        dialog = GuideDialog(role, self)
        dialog.exec()
        dialog.deleteLater()

    @Slot()
    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self)
        dialog.exec()
        dialog.deleteLater()

    # --- layout ---------------------------------------------------------------------------------

    def restore_layout(self) -> None:
        """Size, place and maximise the window as this station had it last time (nothing saved: as is)."""
        saved = self.settings.window_geometry
        if saved:
            self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))

    def save_layout(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        if self.workspace is not None:
            self._save_workspace_layout(self.workspace)
        self.settings.sync()

    def _layout_parts(self, workspace: QWidget) -> list[tuple[str, QWidget]]:
        """The named splitters, table headers and tab widgets of a workspace, by a stable key."""
        parts: list[tuple[str, QWidget]] = []
        for widget in workspace.findChildren(QWidget):
            name = widget.objectName()
            if isinstance(widget, (QSplitter, QTabWidget)) and name:
                parts.append((f"{workspace.objectName()}/{name}", widget))
            elif isinstance(widget, QHeaderView) and widget.orientation().name == "Horizontal":
                owner = widget.parentWidget()
                if owner is not None and owner.objectName():
                    parts.append((f"{workspace.objectName()}/{owner.objectName()}.header", widget))
        return parts

    def _save_workspace_layout(self, workspace: QWidget) -> None:
        for key, widget in self._layout_parts(workspace):
            if isinstance(widget, QTabWidget):
                state = str(widget.currentIndex())
            else:
                state = bytes(widget.saveState().toBase64().data()).decode("ascii")
            self.settings.set_layout_state(key, state)

    def _restore_workspace_layout(self, workspace: QWidget) -> None:
        for key, widget in self._layout_parts(workspace):
            state = self.settings.layout_state(key)
            if not state:
                continue
            if isinstance(widget, QTabWidget):
                if state.isdigit() and int(state) < widget.count():
                    widget.setCurrentIndex(int(state))
            else:
                widget.restoreState(QByteArray.fromBase64(state.encode("ascii")))

    @Slot()
    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Pickdesk"), self.tr(
            "<h3>Pickdesk {version}</h3><p>Warehouse desktop client: pick, pack, ship, supervise.</p>"
            "<p>Database: {db}</p>"
        ).format(version=__version__, db=self.db.describe()))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.ping_timer.stop()
        self.session_watcher.stop()
        self.save_layout()
        if self.workspace is not None:
            self.workspace.stop()
        if self.actor is not None:
            actor, self.actor = self.actor, None
            self.runner.run(lambda uow: sign_out(uow, actor), actor=actor,
                            on_failure=lambda _exc: None)
        # Whatever is still being written finishes first; what it could not write stays in the journal.
        self.station.close(wait_ms=3000)
        super().closeEvent(event)
