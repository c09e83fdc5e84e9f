"""The console's people tab: who is signed in on which station, who is locked out, and unlocking.

Object names: `supervisor_people` (everyone active, keyed by login: the locked out first, then those
signed in), `supervisor_people_title` (how many are signed in and locked out), `supervisor_unlock`.
Unlocking is an administrator's (`desktop.services.people.unlock_person`, checked again at the
server): a supervisor sees the lock-out and is told to ask one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.roles import Role, may_act_as
from desktop.services import people
from desktop.services import supervision as sv
from ui.i18n import date_time, number
from ui.labels import role_name
from ui.widgets.aftersales_common import big_button
from ui.widgets.console_common import Console
from ui.widgets.console_model import Column, KeyedModel, KeyedView


class ConsolePeoplePanel(QWidget):
    def __init__(self, console: Console, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("console_people")
        self.console = console
        self.model = KeyedModel([
            Column(self.tr("Person"), lambda p: f"{p.display_name} ({p.login})"),
            Column(self.tr("Role"), lambda p: role_name(Role(p.role))),
            Column(self.tr("Signed in at"), lambda p: (", ".join(p.stations) + (" ●" if p.online else ""))
                   if p.stations else "—",
                   tip=lambda p: self.tr("last seen {time}").format(time=date_time(p.last_seen)) if p.last_seen else ""),
            Column(self.tr("Locked out"), lambda p: self.tr("until {time} ({n} wrong PINs)").format(
                time=date_time(p.locked_until), n=number(p.failed_attempts)) if p.locked else ""),
        ], key=lambda p: p.login, parent=self)
        self.table = KeyedView("supervisor_people", self.model, self, stretch=3)
        self.title = QLabel(self)
        self.title.setObjectName("supervisor_people_title")
        self.unlock_button = big_button(self.tr("Unlock"), "supervisor_unlock", self)
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.admin = may_act_as(console.actor.role, Role.ADMIN)
        self.note = QLabel(self.tr("Unlocking is an administrator's: ask one.") if not self.admin else "", self)
        self.note.setObjectName("supervisor_unlock_note")
        self.note.setWordWrap(True)
        self.table.key_selected.connect(lambda _key: self._selected())
        row = QHBoxLayout()
        row.addWidget(self.unlock_button)
        row.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self._selected()

    def show_people(self, rows: list[sv.ShiftPerson]) -> None:
        self.model.replace(rows)
        signed_in = sum(1 for p in rows if p.stations)
        locked = sum(1 for p in rows if p.locked)
        self.title.setText(self.tr("Signed in: {signed_in} · locked out: {locked}").format(
            signed_in=number(signed_in), locked=number(locked)))
        self._selected()

    def selected(self) -> sv.ShiftPerson | None:
        return self.model.record(self.table.selected_key())

    def select_person(self, login: str) -> bool:
        return self.table.select_key(login)

    def _selected(self) -> None:
        person = self.selected()
        self.unlock_button.setEnabled(self.admin and person is not None and person.locked)

    def unlock_selected(self) -> None:
        person = self.selected()
        if person is None or not person.locked:
            self.console.refuse(self.tr("Choose someone who is locked out."))
            return
        login = person.login
        self.console.run("unlock", lambda uow: people.unlock_person(uow, login),
                         lambda _r: self.tr("{who} can sign in again").format(who=person.display_name))
