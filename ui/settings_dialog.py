"""The station's settings dialog: station, database, language, appearance, printer, scanner, scale.

Nothing is written until Save, and Save refuses what cannot work (a database URL that does not
parse, an empty station name) with a message in the dialog.

What decides where the station's data goes — the database, the label printer, the scanner and the
scale — is a supervisor's or an admin's to change (`SettingsGuard`): signed in as one, Save writes
at once; anyone else is asked for a supervisor at the station (badge, or login and PIN, checked by
the database as the packer's override is); with nobody signed in it cannot be changed, except the
database URL of a station that cannot reach its database (the only way back to one). Language,
look and sound are everyone's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ui.settings import (
    BAUD_RATES,
    LABEL_FORMATS,
    LABEL_SIZES,
    LANGUAGES,
    PRINTER_KINDS,
    SCALE_PROTOCOLS,
    STATION_NAME_MAX,
    THEMES,
    Settings,
)
from desktop.domain.actor import Actor
from desktop.domain.roles import Role, may_act_as
from desktop.services.packing import verify_supervisor
from ui.errors import error_text
from ui.i18n import is_chinese
from ui.tasks import TaskRunner
from ui.widgets.message import MessageBanner

# The settings that decide where data goes: a supervisor's or an admin's to change.
GUARDED = ("database_url", "printer_kind", "printer_target", "printer_template_url", "label_format", "label_size",
           "scanner_port", "scanner_baud", "scale_port", "scale_baud", "scale_protocol")


@dataclass(frozen=True)
class SettingsGuard:
    """Who is at the station: `actor` (None: nobody signed in), the runner that checks a supervisor,
    and whether the central database answered the last ping (`connected`)."""

    actor: Actor | None
    runner: TaskRunner
    connected: Callable[[], bool | None]

    @property
    def trusted(self) -> bool:
        return self.actor is not None and may_act_as(self.actor.role, Role.SUPERVISOR)

SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def database_url_problem(url: str) -> tuple[str, str] | None:
    """Why `url` cannot be the central database (English, Chinese), or None when it can be tried."""
    if not url:
        return None  # empty: PICKDESK_DB_URL, else the embedded SQLite file
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        return (f"Not a database URL: {url!r}. Use sqlite:///FILE or postgresql+psycopg://USER@HOST/DB.",
                f"不是有效的数据库地址：{url!r}。请使用 sqlite:///文件 或 postgresql+psycopg://用户@主机/数据库。")
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        return (f"Unsupported database {backend!r}: use sqlite:///FILE or postgresql+psycopg://…",
                f"不支持的数据库 {backend!r}：请使用 sqlite:///文件 或 postgresql+psycopg://…")
    if not parsed.database:
        return ("The URL names no database (sqlite:///FILE, or …/DBNAME for PostgreSQL).",
                "地址中缺少数据库名称（sqlite:///文件，或 PostgreSQL 的 …/数据库名）。")
    return None


def _combo(name: str, items: tuple[object, ...], labels: dict[object, str] | None = None,
           editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(editable)
    for item in items:
        combo.addItem((labels or {}).get(item, str(item)), item)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setEditText(str(value))


def _serial_ports() -> list[str]:
    try:
        from PySide6.QtSerialPort import QSerialPortInfo
    except ImportError:  # pragma: no cover - QtSerialPort ships with PySide6-Addons
        return []
    return sorted(info.systemLocation() for info in QSerialPortInfo.availablePorts())


class SettingsDialog(QDialog):
    """Edits a `Settings`; writes it on Save (object name `settings_dialog`).

    Field object names: `settings_station_name`, `settings_database_url`, `settings_printer_kind`,
    `settings_printer_target`, `settings_label_format`, `settings_label_size`, `settings_printer_template_url`,
    `settings_scanner_port`,
    `settings_scanner_baud`, `settings_scale_port`, `settings_scale_baud`, `settings_scale_protocol`,
    `settings_language`, `settings_theme`, `settings_large_type`, `settings_muted`; the refusal message is `settings_error`; buttons `settings_save`,
    `settings_cancel`; the supervisor's check `settings_supervisor` (fields `settings_supervisor_who`,
    `settings_supervisor_pin`), shown when a change needs one.

    `guard`: who may change what decides where data goes (the station window passes one; without
    one, as in a test of the fields, every field is written).
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None, *,
                 guard: SettingsGuard | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.guard = guard
        self.authorised_by: Actor | None = None  # the supervisor who confirmed a guarded change
        self._checking = False
        self._build()
        self._load()

    def _build(self) -> None:
        self.station_name = QLineEdit()
        self.station_name.setObjectName("settings_station_name")
        self.station_name.setMaxLength(STATION_NAME_MAX)
        self.database_url = QLineEdit()
        self.database_url.setObjectName("settings_database_url")
        self.database_url.setPlaceholderText(self.tr("empty: the built-in database"))
        self.database_url.setMinimumWidth(420)
        self.database_url.textEdited.connect(lambda _text: self.error.clear())

        kinds = {"system": self.tr("System printer"), "cups": "CUPS (lp)",
                 "tcp": self.tr("Network printer (raw TCP 9100)"), "folder": self.tr("Folder"),
                 "cainiao": self.tr("Cainiao print component")}
        self.printer_kind = _combo("settings_printer_kind", PRINTER_KINDS, kinds)
        self.printer_target = QLineEdit()
        self.printer_target.setObjectName("settings_printer_target")
        self.printer_target.setPlaceholderText(self.tr("queue, host:port, folder or printer@ws://localhost:13528"))
        self.label_format = _combo("settings_label_format", LABEL_FORMATS,
                                   {"pdf": "PDF", "zpl": "ZPL", "cainiao": self.tr("Cainiao template")})
        self.printer_template_url = QLineEdit()
        self.printer_template_url.setObjectName("settings_printer_template_url")
        self.printer_template_url.setPlaceholderText(self.tr("Cainiao only: https://cloudprint.cainiao.com/template/…"))
        self.label_size = _combo("settings_label_size", LABEL_SIZES,
                                 {s: s.replace("x", " × ") + " mm" for s in LABEL_SIZES})

        ports = tuple([""] + _serial_ports())
        self.scanner_port = _combo("settings_scanner_port", ports, {"": self.tr("keyboard only")}, True)
        self.scanner_baud = _combo("settings_scanner_baud", BAUD_RATES)
        self.scale_port = _combo("settings_scale_port", ports, {"": self.tr("no scale")}, True)
        self.scale_baud = _combo("settings_scale_baud", BAUD_RATES)
        self.scale_protocol = _combo("settings_scale_protocol", SCALE_PROTOCOLS,
                                     {"mt-sics": "MT-SICS", "continuous": self.tr("Continuous output")})
        self.language = _combo("settings_language", LANGUAGES, {
            "system": self.tr("As the system"), "en": "English", "zh_CN": "简体中文"})

        self.theme = _combo("settings_theme", THEMES, {
            "light": self.tr("Light"), "high_contrast": self.tr("High contrast")})
        self.large_type = QCheckBox(self.tr("Large type (handhelds and tablets)"))
        self.large_type.setObjectName("settings_large_type")
        self.muted = QCheckBox(self.tr("Mute scan sounds"))
        self.muted.setObjectName("settings_muted")

        def group(title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
            box = QGroupBox(title)
            form = QFormLayout(box)
            for label, widget in rows:
                form.addRow(label, widget)
            return box

        self.supervisor = QGroupBox(self.tr("A supervisor confirms"))
        self.supervisor.setObjectName("settings_supervisor")
        self.supervisor_who = QLineEdit()
        self.supervisor_who.setObjectName("settings_supervisor_who")
        self.supervisor_who.setPlaceholderText(self.tr("badge or login"))
        self.supervisor_pin = QLineEdit()
        self.supervisor_pin.setObjectName("settings_supervisor_pin")
        self.supervisor_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.supervisor_pin.setPlaceholderText(self.tr("PIN (not with a badge)"))
        self.supervisor_who.returnPressed.connect(self.supervisor_pin.setFocus)
        self.supervisor_pin.returnPressed.connect(self.save)
        who_form = QFormLayout(self.supervisor)
        who_form.addRow(self.tr("Supervisor"), self.supervisor_who)
        who_form.addRow(self.tr("PIN"), self.supervisor_pin)
        self.supervisor.hide()

        self.error = MessageBanner("settings_error", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("settings_save")
        self.save_button.setText(self.tr("&Save"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("settings_cancel")
        self.cancel_button.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        # Two columns: the whole dialog fits a 1280×800 screen (at normal type; 672 px tall).
        station = QVBoxLayout()
        station.addWidget(group(self.tr("Station"), [
            (self.tr("Station name"), self.station_name),
            (self.tr("Database URL"), self.database_url),
            (self.tr("Language"), self.language)]))
        station.addWidget(group(self.tr("Appearance and sound"), [
            (self.tr("Theme"), self.theme), ("", self.large_type), ("", self.muted)]))
        station.addWidget(self.supervisor)  # in the shorter column: the dialog keeps its height at 1280×800
        station.addStretch(1)
        devices = QVBoxLayout()
        devices.addWidget(group(self.tr("Label printer"), [
            (self.tr("Kind"), self.printer_kind), (self.tr("Target"), self.printer_target),
            (self.tr("Format"), self.label_format), (self.tr("Label size"), self.label_size),
            (self.tr("Template URL"), self.printer_template_url)]))
        devices.addWidget(group(self.tr("Scanner and scale"), [
            (self.tr("Scanner port"), self.scanner_port),
            (self.tr("Scanner baud rate"), self.scanner_baud),
            (self.tr("Scale port"), self.scale_port),
            (self.tr("Scale baud rate"), self.scale_baud),
            (self.tr("Scale protocol"), self.scale_protocol)]))
        devices.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(station, 1)
        columns.addLayout(devices, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # Fix the limits once, before the window exists; the layout would otherwise reset them on
        # every change (the message appearing), which platforms without size hints warn about.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(self.minimumSizeHint())
        self.resize(self.sizeHint())
        # Open on Save, not in a field: a stray key or scan must not rename the station.
        self.save_button.setFocus()

    def _load(self) -> None:
        s = self.settings
        self.station_name.setText(s.station_name)
        self.database_url.setText(s.database_url)
        _select(self.printer_kind, s.printer_kind)
        self.printer_target.setText(s.printer_target)
        self.printer_template_url.setText(s.printer_template_url)
        _select(self.label_format, s.label_format)
        _select(self.label_size, s.label_size)
        _select(self.scanner_port, s.scanner_port)
        _select(self.scanner_baud, s.scanner_baud)
        _select(self.scale_port, s.scale_port)
        _select(self.scale_baud, s.scale_baud)
        _select(self.scale_protocol, s.scale_protocol)
        _select(self.language, s.language)
        _select(self.theme, s.theme)
        self.large_type.setChecked(s.large_type)
        self.muted.setChecked(s.muted)

    @staticmethod
    def _port(combo: QComboBox) -> str:
        text = combo.currentText().strip()
        index = combo.findText(text)
        return combo.itemData(index) if index >= 0 else text

    def problem(self) -> str | None:
        """What keeps Save from writing (in the station's language), or None."""
        if not self.station_name.text().strip():
            self.station_name.setFocus()
            return self.tr("Give the station a name.")
        url_problem = database_url_problem(self.database_url.text().strip())
        if url_problem is not None:
            self.database_url.setFocus()
            return url_problem[1] if is_chinese() else url_problem[0]
        cainiao_kind = self.printer_kind.currentData() == "cainiao"
        if cainiao_kind != (self.label_format.currentData() == "cainiao"):
            self.label_format.setFocus()
            return self.tr("The Cainiao print component prints the Cainiao template format, and only it does.")
        if cainiao_kind and not self.printer_template_url.text().strip().startswith(("http://", "https://")):
            self.printer_template_url.setFocus()
            return self.tr("Give the Cainiao template URL (http(s)://…).")
        return None

    def _values(self) -> dict[str, object]:
        return {
            "station_name": self.station_name.text().strip(),
            "database_url": self.database_url.text().strip(),
            "printer_kind": self.printer_kind.currentData(),
            "printer_target": self.printer_target.text().strip(),
            "printer_template_url": self.printer_template_url.text().strip(),
            "label_format": self.label_format.currentData(),
            "label_size": self.label_size.currentData(),
            "scanner_port": self._port(self.scanner_port),
            "scanner_baud": self.scanner_baud.currentData(),
            "scale_port": self._port(self.scale_port),
            "scale_baud": self.scale_baud.currentData(),
            "scale_protocol": self.scale_protocol.currentData(),
            "language": self.language.currentData(),
            "theme": self.theme.currentData(),
            "large_type": self.large_type.isChecked(),
            "muted": self.muted.isChecked(),
        }

    def guarded_changes(self) -> list[str]:
        """The settings deciding where data goes that this Save would change."""
        values = self._values()
        return [name for name in GUARDED if values[name] != getattr(self.settings, name)]

    def _refuse(self, text: str) -> None:
        self.error.show_message(text, "error")
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    @Slot()
    def save(self) -> None:
        if self._checking:
            return
        problem = self.problem()
        if problem is not None:
            self._refuse(problem)
            return
        guard = self.guard
        changed = self.guarded_changes()
        if guard is None or not changed or guard.trusted or self.authorised_by is not None:
            self._write()
            return
        if guard.actor is None:
            if changed == ["database_url"] and guard.connected() is False:
                self._write()  # no database to protect: the only way back to one
                return
            self._refuse(self.tr("The database, printer and devices are a supervisor's or an admin's to change: "
                                 "sign in as one first."))
            return
        who = self.supervisor_who.text().strip()
        if not self.supervisor.isVisible() or not who:
            self.supervisor.show()
            self._refuse(self.tr("A supervisor or admin confirms changes to the database, printer or devices: "
                                 "their badge, or login and PIN."))
            self.supervisor_who.setFocus()
            return
        pin = self.supervisor_pin.text() or None
        self._checking = True
        self.save_button.setEnabled(False)
        self.error.show_message(self.tr("Checking the supervisor…"), "info")
        guard.runner.run(lambda uow: verify_supervisor(uow, who, pin), self._supervisor_confirmed,
                         self._supervisor_refused, actor=guard.actor, owner=self)

    def _supervisor_confirmed(self, supervisor: Actor) -> None:
        self._checking = False
        self.save_button.setEnabled(True)
        self.authorised_by = supervisor
        self.save()

    def _supervisor_refused(self, exc: BaseException) -> None:
        self._checking = False
        self.save_button.setEnabled(True)
        self.supervisor_pin.clear()
        self._refuse(error_text(exc))

    def _write(self) -> None:
        s = self.settings
        for name, value in self._values().items():
            setattr(s, name, value)
        s.sync()
        self.accept()
