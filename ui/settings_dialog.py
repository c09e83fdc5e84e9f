"""The station's settings dialog: station, database, printer, scanner, scale, language.

Nothing is written until Save, and Save refuses what cannot work (a database URL that does not
parse, an empty station name) with a message in the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
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
    Settings,
)
from ui.widgets.message import MessageBanner

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
    `settings_printer_target`, `settings_label_format`, `settings_label_size`, `settings_scanner_port`,
    `settings_scanner_baud`, `settings_scale_port`, `settings_scale_baud`, `settings_scale_protocol`,
    `settings_language`; the refusal message is `settings_error`; buttons `settings_save`,
    `settings_cancel`.
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings · 设置"))
        self.settings = settings
        self._build()
        self._load()

    def _build(self) -> None:
        self.station_name = QLineEdit()
        self.station_name.setObjectName("settings_station_name")
        self.station_name.setMaxLength(STATION_NAME_MAX)
        self.database_url = QLineEdit()
        self.database_url.setObjectName("settings_database_url")
        self.database_url.setPlaceholderText(self.tr("empty: the built-in database · 留空：使用内置数据库"))
        self.database_url.setMinimumWidth(420)
        self.database_url.textEdited.connect(lambda _text: self.error.clear())

        kinds = {"system": self.tr("System printer · 系统打印机"), "cups": "CUPS (lp)",
                 "tcp": self.tr("Network, raw TCP 9100 · 网络打印机"), "folder": self.tr("Folder · 文件夹")}
        self.printer_kind = _combo("settings_printer_kind", PRINTER_KINDS, kinds)
        self.printer_target = QLineEdit()
        self.printer_target.setObjectName("settings_printer_target")
        self.printer_target.setPlaceholderText(self.tr("queue, host:port or folder · 队列、主机:端口或文件夹"))
        self.label_format = _combo("settings_label_format", LABEL_FORMATS, {"pdf": "PDF", "zpl": "ZPL"})
        self.label_size = _combo("settings_label_size", LABEL_SIZES,
                                 {s: s.replace("x", " × ") + " mm" for s in LABEL_SIZES})

        ports = tuple([""] + _serial_ports())
        self.scanner_port = _combo("settings_scanner_port", ports, {"": self.tr("keyboard only · 仅键盘")}, True)
        self.scanner_baud = _combo("settings_scanner_baud", BAUD_RATES)
        self.scale_port = _combo("settings_scale_port", ports, {"": self.tr("no scale · 无电子秤")}, True)
        self.scale_baud = _combo("settings_scale_baud", BAUD_RATES)
        self.scale_protocol = _combo("settings_scale_protocol", SCALE_PROTOCOLS,
                                     {"mt-sics": "MT-SICS", "continuous": self.tr("Continuous · 连续输出")})
        self.language = _combo("settings_language", LANGUAGES, {
            "system": self.tr("As the system · 跟随系统"), "en": "English", "zh_CN": "简体中文"})

        def group(title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
            box = QGroupBox(title)
            form = QFormLayout(box)
            for label, widget in rows:
                form.addRow(label, widget)
            return box

        self.error = MessageBanner("settings_error", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("settings_save")
        self.save_button.setText(self.tr("&Save · 保存"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("settings_cancel")
        self.cancel_button.setText(self.tr("Cancel · 取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(group(self.tr("Station · 工作站"), [
            (self.tr("Station name · 工作站名称"), self.station_name),
            (self.tr("Database URL · 数据库地址"), self.database_url),
            (self.tr("Language · 语言"), self.language)]))
        layout.addWidget(group(self.tr("Label printer · 标签打印机"), [
            (self.tr("Kind · 类型"), self.printer_kind), (self.tr("Target · 目标"), self.printer_target),
            (self.tr("Format · 格式"), self.label_format), (self.tr("Label size · 标签尺寸"), self.label_size)]))
        layout.addWidget(group(self.tr("Scanner and scale · 扫描枪与电子秤"), [
            (self.tr("Scanner port · 扫描枪串口"), self.scanner_port),
            (self.tr("Scanner baud · 扫描枪波特率"), self.scanner_baud),
            (self.tr("Scale port · 电子秤串口"), self.scale_port),
            (self.tr("Scale baud · 电子秤波特率"), self.scale_baud),
            (self.tr("Scale protocol · 电子秤协议"), self.scale_protocol)]))
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # Fix the limits once, before the window exists; the layout would otherwise reset them on
        # every change (the message appearing), which platforms without size hints warn about.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(self.minimumSizeHint())
        self.resize(self.sizeHint())

    def _load(self) -> None:
        s = self.settings
        self.station_name.setText(s.station_name)
        self.database_url.setText(s.database_url)
        _select(self.printer_kind, s.printer_kind)
        self.printer_target.setText(s.printer_target)
        _select(self.label_format, s.label_format)
        _select(self.label_size, s.label_size)
        _select(self.scanner_port, s.scanner_port)
        _select(self.scanner_baud, s.scanner_baud)
        _select(self.scale_port, s.scale_port)
        _select(self.scale_baud, s.scale_baud)
        _select(self.scale_protocol, s.scale_protocol)
        _select(self.language, s.language)

    @staticmethod
    def _port(combo: QComboBox) -> str:
        text = combo.currentText().strip()
        index = combo.findText(text)
        return combo.itemData(index) if index >= 0 else text

    def problem(self) -> str | None:
        """What keeps Save from writing (both languages), or None."""
        if not self.station_name.text().strip():
            self.station_name.setFocus()
            return self.tr("Give the station a name. · 请填写工作站名称。")
        url_problem = database_url_problem(self.database_url.text().strip())
        if url_problem is not None:
            self.database_url.setFocus()
            return "\n".join(url_problem)
        return None

    @Slot()
    def save(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.error.show_message(problem, "error")
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))
            return
        s = self.settings
        s.station_name = self.station_name.text().strip()
        s.database_url = self.database_url.text().strip()
        s.printer_kind = self.printer_kind.currentData()
        s.printer_target = self.printer_target.text().strip()
        s.label_format = self.label_format.currentData()
        s.label_size = self.label_size.currentData()
        s.scanner_port = self._port(self.scanner_port)
        s.scanner_baud = self.scanner_baud.currentData()
        s.scale_port = self._port(self.scale_port)
        s.scale_baud = self.scale_baud.currentData()
        s.scale_protocol = self.scale_protocol.currentData()
        s.language = self.language.currentData()
        s.sync()
        self.accept()
