"""What every workspace has: the signed-in actor, the database, the task runner, the settings, and the
station's parts (its sync, print queue, printer and scale).

A workspace gets them all through one `ui.station.WorkspaceContext` passed to its constructor (no
global main window, no defaults of its own); it borrows the station's parts and never builds them.
It reloads what it shows with `refresh()`: once when built and then every `context.refresh_ms`
milliseconds while it lives; `stop()` ends that before it is thrown away.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.domain.roles import Role
from ui.appearance import type_scale
from ui.feedback import ScanFeedback
from ui.i18n import translate
from ui.labels import role_name
from ui.station import WorkspaceContext  # noqa: F401 - workspaces and panels import it from here
from ui.widgets.scroll import vertical_scroll

ROLE_TITLES = {
    Role.PICKER: QT_TRANSLATE_NOOP("Workspace", "Picking"),
    Role.PACKER: QT_TRANSLATE_NOOP("Workspace", "Packing"),
    Role.RECEIVER: QT_TRANSLATE_NOOP("Workspace", "Receiving"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Workspace", "Supervision"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Workspace", "Administration"),
}


class Workspace(QWidget):
    """Base of the role workspaces. Subclasses set `role` and fill `self.body` (a QVBoxLayout).

    Signals:
        refreshed(): fresh figures from the database are on screen.
        refresh_failed(object): loading failed (the exception); the last figures stay.
    """

    refreshed = Signal()
    refresh_failed = Signal(object)

    role: Role = Role.PICKER
    object_name = "workspace"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(self.object_name)
        self.context = context
        self.actor = context.actor
        self.runner = context.runner
        self._refreshing = False
        self._scroll: QScrollArea | None = None  # large type: the work scrolls
        self.feedback: ScanFeedback | None = None  # the scanning workspaces' colour, sound and word

        title = QLabel(translate("Workspace", ROLE_TITLES[self.role]), self)
        title.setObjectName("workspace_title")
        who = QLabel(f"{self.actor.display_name} · {role_name(self.actor.role)}", self)
        who.setObjectName("workspace_user")
        who.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(who)

        self.body = QVBoxLayout()
        outer = QVBoxLayout(self)
        if type_scale() > 1:
            # Large type (handhelds, tablets): thin margins, and the work scrolls rather than
            # squeezing text into itself when it is taller than the screen.
            self.body.setSpacing(8)
            outer.setContentsMargins(10, 6, 10, 6)
            outer.setSpacing(6)
            page = QWidget(self)
            page.setObjectName("workspace_page")
            page.setLayout(self.body)
            self.body.setContentsMargins(0, 0, 0, 0)
            scroll = vertical_scroll(page, "workspace_scroll", self, sideways=True)  # nothing out of reach
            self._scroll = scroll
            QApplication.instance().focusChanged.connect(self._keep_focus_in_sight)
            outer.addLayout(header)
            outer.addWidget(scroll, 1)
        else:
            self.body.setSpacing(16)
            outer.setContentsMargins(32, 24, 32, 24)
            outer.setSpacing(16)
            outer.addLayout(header)
            outer.addLayout(self.body, 1)

        self.timer = QTimer(self)
        self.timer.setObjectName("workspace_refresh_timer")
        self.timer.timeout.connect(self.refresh)
        if context.refresh_ms > 0:
            self.timer.start(context.refresh_ms)
        QTimer.singleShot(0, self.refresh)

    def _keep_focus_in_sight(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Large type: the field or button the keyboard is on scrolls into sight."""
        scroll = self._scroll
        if scroll is not None and new is not None and scroll.widget().isAncestorOf(new):
            scroll.ensureWidgetVisible(new, 16, 16)

    @Slot()
    def refresh(self) -> None:
        """Reload what the workspace shows through the task runner (one load at a time)."""
        if self._refreshing:
            return
        op = self.load_op()
        if op is None:
            return
        self._refreshing = True
        self.runner.run(op, self._loaded, self._load_failed, actor=self.actor, owner=self)

    def load_op(self):  # noqa: ANN201 - returns an op for the task runner, or None
        return None

    def _loaded(self, data: object) -> None:
        self._refreshing = False
        self.show_data(data)
        self.refreshed.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._refreshing = False
        self.show_failure(exc)
        self.refresh_failed.emit(exc)

    def show_data(self, data: object) -> None:
        raise NotImplementedError

    def show_failure(self, exc: BaseException) -> None:
        """Keep the last figures on screen; the status bar tells the connection state."""

    def in_the_middle(self) -> bool:
        """True while work is in hand that rebuilding the workspace would drop (a batch, an order)."""
        return False

    def on_scan(self, raw: str) -> bool:
        """A scan arrived while this workspace is shown; return True when it was used."""
        return False

    def may_sign_out(self) -> bool:
        """Asked before the person signs out: False keeps them signed in (they chose to stay).
        A workspace with work in hand asks and keeps that work for the next person."""
        return True

    def use_devices(self, printer, scale) -> None:  # noqa: ANN001 - PrinterSettings | None, SerialDeviceThread | None
        """The settings were saved: the station's printer (from the next print on) and scale, now."""

    def stop(self) -> None:
        self.timer.stop()
        if self._scroll is not None:
            QApplication.instance().focusChanged.disconnect(self._keep_focus_in_sight)
            self._scroll = None
