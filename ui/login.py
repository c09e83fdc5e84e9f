"""The sign-in view: pick your name and type your PIN, or scan your badge.

Three ways in: tap a name (the focus moves to the PIN at once, so a PIN typed right after the tap is
kept), type your login on the list (the name is chosen as you type; the first digit that no login
continues with starts the PIN), or scan your badge. Each name shows its login first, as the README
and the people's cards give it ("picker1 · 李娜").

Everything that touches the database (the list of names, checking a PIN, a badge) goes through
the task runner, so the window stays responsive while argon2 checks a PIN.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.actor import Actor
from desktop.domain.roles import Role
from desktop.services.auth import sign_in_names, sign_in_with_badge, sign_in_with_pin
from devices.decode import BadgeScan, ScanRejected, decode_scan
from ui.tasks import TaskRunner
from ui.widgets.icons import pixmap
from ui.errors import error_text
from ui.labels import role_name
from ui.widgets.message import MessageBanner

LOGIN_ROLE = Qt.ItemDataRole.UserRole
TYPED_LOGIN_PAUSE = 1.0  # seconds: after a longer pause, letters typed on the list start a new login


class SignInView(QWidget):
    """The station's sign-in screen (object name `sign_in`).

    Signals:
        signed_in(Actor): a PIN or badge was accepted; the station now has this user.
        sign_in_refused(str): a PIN or badge was refused; the message shown.

    Object names: `sign_in_users` (list of names), `sign_in_pin`, `sign_in_button`,
    `sign_in_badge` (badge field for typed or wedge-scanned badges), `sign_in_error`
    (the refusal message; `sign_in_error_icon` beside it), `sign_in_status`.

    A scanner connects to `on_scan(raw)`: a badge scan signs in directly.
    """

    signed_in = Signal(object)
    sign_in_refused = Signal(str)

    def __init__(self, runner: TaskRunner, station: str, last_user: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign_in")
        self._runner = runner
        self._station = station
        self._last_user = last_user
        self._busy = False
        self._typed_login = ""
        self._typed_at = 0.0
        self._notice = ""
        self._build()
        self.load_users()

    # --- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Sign in"), self)
        title.setObjectName("sign_in_title")
        station = QLabel(self.tr("Station {station}").format(station=self._station), self)
        station.setObjectName("sign_in_station")

        users_label = QLabel(self.tr("Who are you?"), self)
        users_label.setObjectName("field_label")
        self.users = QListWidget(self)
        self.users.setObjectName("sign_in_users")
        self.users.setUniformItemSizes(True)
        self.users.setMinimumWidth(360)
        self.users.itemActivated.connect(lambda _item: self.pin.setFocus())
        self.users.itemClicked.connect(lambda _item: self.pin.setFocus())  # a tap chooses: the PIN comes next
        self.users.installEventFilter(self)
        self.users.currentItemChanged.connect(lambda *_: self.error.clear())
        users_label.setBuddy(self.users)

        pin_label = QLabel(self.tr("&PIN"), self)
        pin_label.setObjectName("field_label")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("sign_in_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), self.pin))
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
        self.pin.setPlaceholderText(self.tr("4 to 8 digits"))
        self.pin.returnPressed.connect(self.sign_in)
        self.pin.installEventFilter(self)
        pin_label.setBuddy(self.pin)

        self.button = QPushButton(self.tr("Sign in"), self)
        self.button.setObjectName("sign_in_button")
        self.button.setDefault(True)
        self.button.clicked.connect(self.sign_in)

        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setObjectName("sign_in_rule")

        badge_icon = QLabel(self)
        badge_icon.setPixmap(pixmap("badge", 48))
        badge_icon.setFixedSize(48, 48)
        badge_label = QLabel(self.tr("or scan your &badge"), self)
        badge_label.setObjectName("field_label")
        self.badge = QLineEdit(self)
        self.badge.setObjectName("sign_in_badge")
        self.badge.setPlaceholderText("BADGE-…")
        self.badge.returnPressed.connect(lambda: self.on_scan(self.badge.text()))
        badge_label.setBuddy(self.badge)

        self.error = MessageBanner("sign_in_error", self)
        self.status = QLabel(self)
        self.status.setObjectName("sign_in_status")

        form = QVBoxLayout()
        form.setSpacing(10)
        form.addWidget(pin_label)
        form.addWidget(self.pin)
        form.addWidget(self.button)
        form.addSpacing(12)
        form.addWidget(rule)
        form.addSpacing(12)
        badge_row = QHBoxLayout()
        badge_row.addWidget(badge_icon)
        badge_row.addWidget(badge_label, 1)
        form.addLayout(badge_row)
        form.addWidget(self.badge)
        form.addStretch(1)

        card = QFrame(self)
        card.setObjectName("sign_in_card")
        grid = QGridLayout(card)
        grid.setContentsMargins(32, 24, 32, 24)
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(12)
        grid.addWidget(title, 0, 0, 1, 2)
        grid.addWidget(station, 1, 0, 1, 2)
        grid.addWidget(users_label, 2, 0)
        grid.addWidget(self.users, 3, 0)
        grid.addLayout(form, 3, 1)
        grid.addWidget(self.error, 4, 0, 1, 2)
        grid.addWidget(self.status, 5, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        card.setMaximumWidth(1000)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addWidget(card, 10)
        outer.addStretch(1)
        self.setTabOrder(self.users, self.pin)
        self.setTabOrder(self.pin, self.button)
        self.setTabOrder(self.button, self.badge)

    # --- users --------------------------------------------------------------------------------

    def load_users(self) -> None:
        self.status.setText(self.tr("Loading names…"))
        self._runner.run(sign_in_names, self._show_users, self._users_failed, owner=self)

    def _show_users(self, names: list[tuple[str, str, Role]]) -> None:
        self.status.clear()
        self.users.clear()
        for login, display_name, role in names:
            item = QListWidgetItem(f"{login} · {display_name}  ·  {role_name(role)}")
            item.setData(LOGIN_ROLE, login)
            item.setToolTip(f"{login} ({role_name(role)})")
            self.users.addItem(item)
            if login == self._last_user:
                self.users.setCurrentItem(item)
        if self.users.currentItem() is not None:
            self.users.scrollToItem(self.users.currentItem())
            self.pin.setFocus()
        else:
            self.users.setFocus()
        if self._notice:
            self.error.show_message(self._notice, "info")  # choosing the name above cleared it

    def tell(self, text: str) -> None:
        """Why the station is back at the sign-in (signed in at another station, say): shown until a
        name is chosen."""
        self._notice = text
        self.error.show_message(text, "info")

    def _users_failed(self, exc: BaseException) -> None:
        self.status.clear()
        self._show_error(exc)

    def select_user(self, login: str) -> bool:
        for row in range(self.users.count()):
            if self.users.item(row).data(LOGIN_ROLE) == login:
                self.users.setCurrentRow(row)
                return True
        return False

    @property
    def selected_login(self) -> str | None:
        item = self.users.currentItem()
        return None if item is None else item.data(LOGIN_ROLE)

    # --- signing in ---------------------------------------------------------------------------

    @Slot()
    def sign_in(self) -> None:
        """Check the selected user's PIN (Enter in the PIN field, or the button)."""
        if self._busy:
            return
        login = self.selected_login
        pin = self.pin.text()
        if login is None:
            self._show_message(self.tr("Choose your name first."))
            self.users.setFocus()
            return
        if not pin:
            self._show_message(self.tr("Type your PIN."))
            self.pin.setFocus()
            return
        station = self._station
        self._start(lambda uow: sign_in_with_pin(uow, login, pin, station))

    @Slot(str)
    def on_scan(self, raw: str) -> None:
        """A scan arrived (badge field, keyboard wedge or serial scanner): a badge signs in."""
        self.badge.clear()
        if self._busy or not raw.strip():
            return
        try:
            scan = decode_scan(raw)
        except ScanRejected as exc:
            self._show_message(error_text(exc))
            return
        if not isinstance(scan, BadgeScan):
            self._show_message(self.tr("That is not a badge: scan your employee badge or use your PIN."))
            return
        station = self._station
        self._start(lambda uow: sign_in_with_badge(uow, scan.code, station))

    def _start(self, op) -> None:  # noqa: ANN001 - an op for the task runner
        self._set_busy(True)
        self.error.clear()
        self._runner.run(op, self._accepted, self._refused, owner=self)

    def _accepted(self, actor: Actor) -> None:
        self._set_busy(False)
        self.pin.clear()
        self.error.clear()
        self.signed_in.emit(actor)

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.pin.clear()
        self._show_error(exc)
        self.pin.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.button.setEnabled(not busy)
        self.status.setText(self.tr("Checking…") if busy else "")

    def _show_error(self, exc: BaseException) -> None:
        self._show_message(error_text(exc))

    def _show_message(self, text: str) -> None:
        self.error.show_message(text, "error")
        self.sign_in_refused.emit(text)

    # --- a scanner typing into the PIN field --------------------------------------------------

    def _logins(self) -> list[str]:
        return [self.users.item(row).data(LOGIN_ROLE) for row in range(self.users.count())]

    def _typed_on_list(self, text: str) -> bool:
        """A key typed while the list has the focus: part of a login, or the PIN's first digit."""
        now = time.monotonic()
        prefix = ("" if now - self._typed_at > TYPED_LOGIN_PAUSE else self._typed_login) + text.lower()
        logins = self._logins()
        match = next((login for login in logins if login.lower().startswith(prefix)), None)
        if text.isdigit() and (match is None or not self._typed_login) and self.selected_login:
            # No login goes on with this digit (or no login is being typed): the PIN has begun.
            self._typed_login = ""
            self.pin.setFocus()
            self.pin.insert(text)
            return True
        if match is None:
            return text.isdigit()  # a digit with no name chosen is no use to the list's own search
        self._typed_login, self._typed_at = prefix, now
        self.select_user(match)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.users and event.type() == QEvent.Type.KeyPress:
            text = event.text()  # type: ignore[attr-defined]
            if text and text.isprintable() and not text.isspace() and self._typed_on_list(text):
                return True
        # A keyboard-wedge scanner types wherever the focus is. A badge ("BADGE-…") starts with a
        # letter, which the PIN field refuses anyway: move to the badge field and keep the key.
        if watched is self.pin and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            text = key_event.text()
            if text and text.isprintable() and not text.isdigit():
                self.pin.clear()
                self.badge.setFocus()
                self.badge.insert(text)
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        (self.pin if self.selected_login else self.users).setFocus()
