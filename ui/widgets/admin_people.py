"""The admin's people tab: who works here, their role, badge and PIN, lock-outs, and where they are signed in.

Every change goes through `desktop.services.people` (admin role checked there, audited; a PIN is
never shown, logged or audited — only that it was set).

Object names: `admin_people` (table), `admin_people_retired` (show retired people too);
a new person: `admin_new_login`, `admin_new_name`, `admin_new_name_zh`, `admin_new_role`,
`admin_person_add` (Ctrl+N); the chosen person: `admin_person_name`, `admin_person_name_zh`,
`admin_person_role`, `admin_person_badge` (a new badge: scan or type), `admin_person_save` (F6),
`admin_person_pin`, `admin_person_set_pin` (F8), `admin_person_clear_pin`, `admin_person_unlock` (F9),
`admin_person_retire` (F7), `admin_person_reinstate`; `admin_people_message`.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget,
)

from desktop.domain.roles import Role
from desktop.services import people
from ui.i18n import bilingual, date_time, time_of_day
from ui.labels import role_name
from ui.widgets.admin_common import (
    AdminPanel, IdTableModel, admin_button, admin_table, select_id, selected_row, side_panel,
)
from ui.workspaces.base import WorkspaceContext


class _Person:
    """A person as a table row (the model keys rows by `id`)."""

    def __init__(self, n: int, row: people.PersonRow) -> None:
        self.id = n
        self.person = row


class PeoplePanel(AdminPanel):
    name = "people"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.rows: list[people.PersonRow] = []
        self.model = IdTableModel([
            (self.tr("Login"), lambda r: r.person.login),
            (self.tr("Name"), lambda r: bilingual(r.person.name, r.person.name_zh)),
            (self.tr("Role"), lambda r: role_name(r.person.role)),
            (self.tr("PIN"), lambda r: self.tr("Set") if r.person.has_pin else self.tr("None yet")),
            (self.tr("Badge"), lambda r: self.tr("Yes") if r.person.has_badge else "—"),
            (self.tr("State"), self.state),
            (self.tr("Signed in at"), lambda r: ", ".join(r.person.stations) or "—"),
            (self.tr("Last sign-in"), lambda r: date_time(r.person.last_sign_in_at)),
        ], parent=self)
        self.table = admin_table("admin_people", self.model, self, stretch=1)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.show_retired = QCheckBox(self.tr("Retired too"), self)
        self.show_retired.setObjectName("admin_people_retired")
        self.show_retired.setChecked(True)
        self.show_retired.toggled.connect(self.refresh)

        # A new person.
        self.new_login = self._line("admin_new_login")
        self.new_login.setPlaceholderText(self.tr("login, e.g. picker7"))
        self.new_name = self._line("admin_new_name")
        self.new_name_zh = self._line("admin_new_name_zh")
        self.new_role = self._roles("admin_new_role")
        add = admin_button(self.tr("Add person"), "admin_person_add", self, self.add_person, "Ctrl+N")
        new_box = QGroupBox(self.tr("New person"), self)
        new_form = QHBoxLayout(new_box)
        new_form.addWidget(self.new_login, 2)
        new_form.addWidget(self.new_name, 2)
        new_form.addWidget(self.new_name_zh, 2)
        new_form.addWidget(self.new_role, 1)
        new_form.addWidget(add)
        self.new_name.setPlaceholderText(self.tr("Name"))
        self.new_name_zh.setPlaceholderText(self.tr("Chinese name"))

        # The chosen person.
        self.p_name = self._line("admin_person_name")
        self.p_name_zh = self._line("admin_person_name_zh")
        self.role = self._roles("admin_person_role")
        self.badge = self._line("admin_person_badge")
        self.badge.setPlaceholderText(self.tr("new badge: scan or type"))
        self.save = admin_button(self.tr("Save person"), "admin_person_save", self, self.save_person, "F6")
        self.pin = self._line("admin_person_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), self.pin))
        self.pin.setPlaceholderText(self.tr("4 to 8 digits"))
        self.pin.returnPressed.connect(self.set_pin)
        self.set_pin_button = admin_button(self.tr("Set PIN"), "admin_person_set_pin", self, self.set_pin, "F8")
        self.clear_pin = admin_button(self.tr("Clear PIN"), "admin_person_clear_pin", self, self.clear_pin_now)
        self.unlock = admin_button(self.tr("Unlock"), "admin_person_unlock", self, self.unlock_now, "F9")
        self.retire = admin_button(self.tr("Retire"), "admin_person_retire", self, self.retire_now, "F7")
        self.reinstate = admin_button(self.tr("Reinstate"), "admin_person_reinstate", self, self.reinstate_now)
        person_box = QGroupBox(self.tr("Chosen person"), self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.p_name)
        form.addRow(self.tr("Chinese name"), self.p_name_zh)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Badge"), self.badge)
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.pin, 1)
        pin_row.addWidget(self.set_pin_button)
        pin_row.addWidget(self.clear_pin)
        state_row = QHBoxLayout()
        state_row.addWidget(self.unlock)
        state_row.addWidget(self.retire)
        state_row.addWidget(self.reinstate)
        buttons = QVBoxLayout()
        buttons.addWidget(self.save)
        buttons.addLayout(pin_row)
        buttons.addLayout(state_row)
        person_layout = QVBoxLayout(person_box)
        person_layout.addLayout(form)
        person_layout.addLayout(buttons)

        side = QVBoxLayout()
        side.addWidget(person_box)
        side.addWidget(self.message)
        side.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.show_retired)
        lower = QHBoxLayout()
        lower.addLayout(left, 3)
        lower.addWidget(side_panel(side, "admin_person_side", self), 2)
        layout = QVBoxLayout(self)
        layout.addWidget(new_box)
        layout.addLayout(lower, 1)
        self._selected()

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMinimumHeight(36)
        return edit

    def _roles(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.setMinimumHeight(36)
        for role in Role:
            box.addItem(role_name(role), role.value)
        return box

    def state(self, row: _Person) -> str:
        p = row.person
        if not p.active:
            return self.tr("Retired")
        if p.locked:
            return self.tr("Locked until {time}").format(time=time_of_day(p.locked_until))
        if not p.has_pin:
            return self.tr("Cannot sign in: no PIN")
        return self.tr("Active")

    # --- loading ------------------------------------------------------------------------------

    def load_op(self):  # noqa: ANN201
        retired = self.show_retired.isChecked()
        return lambda uow: people.list_people(uow, include_retired=retired)

    def show_data(self, data: object) -> None:
        chosen = self.person()
        self.rows = list(data)  # type: ignore[arg-type]
        self.model.set_rows([_Person(n, r) for n, r in enumerate(self.rows)])
        self._shown = None
        login = self._select_after or (chosen.login if chosen is not None else None)
        self._select_after = None
        if not (login and self.select_person(login)):
            self._selected()

    def person(self) -> people.PersonRow | None:
        row = selected_row(self.table)
        return row.person if row is not None else None

    def select_person(self, login: str) -> bool:
        n = next((n for n, r in enumerate(self.rows) if r.login == login), -1)
        return n >= 0 and select_id(self.table, n)

    def _selected(self, *_args: object) -> None:
        p = self.person()
        for widget in (self.p_name, self.p_name_zh, self.role, self.badge, self.save, self.pin, self.set_pin_button,
                       self.clear_pin, self.unlock, self.retire, self.reinstate):
            widget.setEnabled(p is not None)
        if p is None:
            return
        self.clear_pin.setEnabled(p.has_pin)
        self.unlock.setEnabled(p.locked)
        self.retire.setEnabled(p.active)
        self.reinstate.setEnabled(not p.active)
        if self._shown != p:
            self._shown = p
            self.p_name.setText(p.name)
            self.p_name_zh.setText(p.name_zh or "")
            self.role.setCurrentIndex(max(0, self.role.findData(p.role.value)))
            self.badge.clear()
            self.pin.clear()

    _shown: people.PersonRow | None = None
    _select_after: str | None = None  # the person to choose when the list is back (just added or changed)

    # --- actions ------------------------------------------------------------------------------

    def add_person(self) -> None:
        login, name, name_zh = self.new_login.text().strip(), self.new_name.text(), self.new_name_zh.text()
        role = self.new_role.currentData()

        def op(uow):  # noqa: ANN001, ANN202
            return people.add_person(uow, login, name, role, name_zh=name_zh or None)

        self._say("info", self.tr("Working…"))
        self.runner.run(op, lambda _row: self._added(login), self._action_refused, actor=self.actor, owner=self)

    def _added(self, login: str) -> None:
        for edit in (self.new_login, self.new_name, self.new_name_zh):
            edit.clear()
        self._select_after = login
        self._say("ok", self.tr("{login} added: set a PIN so they can sign in.").format(login=login))
        self.action_done.emit("person_added")
        self.refresh()

    def _person_action(self, name: str, op, done: str) -> None:  # noqa: ANN001
        p = self.person()
        if p is None:
            self.refuse(self.tr("Choose a person first."))
            return
        login = p.login
        self._select_after = login
        self.run_action(name, lambda uow: op(uow, login), done)

    def save_person(self) -> None:
        p = self.person()
        if p is None:
            self.refuse(self.tr("Choose a person first."))
            return
        name, name_zh, role, badge = self.p_name.text(), self.p_name_zh.text(), self.role.currentData(), self.badge.text()

        def op(uow, login):  # noqa: ANN001, ANN202 - one unit of work: all of it or none
            if name.strip() != p.name or (name_zh.strip() or None) != p.name_zh:
                people.rename_person(uow, login, name, name_zh or None, commit=False)
            if role != p.role.value:
                people.change_role(uow, login, role, commit=False)
            if badge.strip():
                people.set_badge(uow, login, badge, commit=False)
            uow.commit()

        self._person_action("person_saved", op, self.tr("Saved."))

    def set_pin(self) -> None:
        pin = self.pin.text()
        self.pin.clear()  # never left on screen
        self._person_action("pin_set", lambda uow, login: people.set_pin(uow, login, pin),
                            self.tr("PIN set: they can sign in with it now."))

    def clear_pin_now(self) -> None:
        self._person_action("pin_cleared", people.clear_pin, self.tr("PIN cleared: they cannot sign in until a new one is set."))

    def unlock_now(self) -> None:
        self._person_action("unlocked", people.unlock_person, self.tr("Unlocked: they can try their PIN again."))

    def retire_now(self) -> None:
        self._person_action("retired", people.retire_person, self.tr("Retired: signed out everywhere."))

    def reinstate_now(self) -> None:
        self._person_action("reinstated", people.reinstate_person, self.tr("Reinstated."))

    def on_scan(self, raw: str) -> bool:
        """A badge scanned while a person is chosen goes into their badge field."""
        if self.person() is None:
            return False
        self.badge.setText(raw.strip())
        self.badge.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
