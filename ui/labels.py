"""Names of things the domain keeps as codes, as a person reads them in the station's language.

Module-level tables are marked with QT_TRANSLATE_NOOP and translated when shown (`role_name`).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.domain.roles import Role
from ui.i18n import translate

ROLE_NAMES = {
    Role.PICKER: QT_TRANSLATE_NOOP("Roles", "Picker"),
    Role.PACKER: QT_TRANSLATE_NOOP("Roles", "Packer"),
    Role.RECEIVER: QT_TRANSLATE_NOOP("Roles", "Receiver"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Roles", "Supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Administrator"),
}


def role_name(role: Role) -> str:
    return translate("Roles", ROLE_NAMES[Role(role)])
