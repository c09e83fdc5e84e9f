"""The station's settings: declared once, typed, with defaults, stored in QSettings.

Each setting is an `Option` (key, type, default, allowed choices) declared on `Settings`; reading
one converts what QSettings holds to the declared type and falls back to the default when the
stored value is missing or not allowed. Tests load settings from an ini file:
`Settings.from_file(tmp_path / "station.ini")`.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QSettings

T = TypeVar("T")

PRINTER_KINDS = ("system", "cups", "tcp", "folder", "cainiao")
LABEL_FORMATS = ("pdf", "zpl", "cainiao")
LABEL_SIZES = ("100x150", "100x180")
SCALE_PROTOCOLS = ("mt-sics", "continuous")
LANGUAGES = ("system", "en", "zh_CN")
THEMES = ("light", "high_contrast")
BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
STATION_NAME_MAX = 40  # the stations table's column width


def default_station_name() -> str:
    host = socket.gethostname().split(".")[0].strip()
    return (host or "station-1")[:STATION_NAME_MAX]


class Option(Generic[T]):
    """One typed setting. As a class attribute of `Settings` it reads and writes itself."""

    def __init__(self, key: str, type_: type[T], default: T | Callable[[], T],
                 choices: tuple[T, ...] | None = None) -> None:
        self.key = key
        self.type = type_
        self._default = default
        self.choices = choices
        self.name = key

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @property
    def default(self) -> T:
        return self._default() if callable(self._default) else self._default

    def convert(self, raw: Any) -> T:
        """The stored value as the declared type, or the default when it is missing or not allowed."""
        if raw is None:
            return self.default
        try:
            if self.type is bool:
                value: Any = raw if isinstance(raw, bool) else str(raw).strip().lower() in ("1", "true", "yes", "on")
            elif self.type is int:
                value = int(str(raw).strip())
            else:
                value = self.type(raw)
        except (TypeError, ValueError):
            return self.default
        if self.choices is not None and value not in self.choices:
            return self.default
        return value

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> Option[T]: ...
    @overload
    def __get__(self, obj: Settings, objtype: type | None = None) -> T: ...

    def __get__(self, obj: Settings | None, objtype: type | None = None) -> Option[T] | T:
        if obj is None:
            return self
        return obj.value(self)

    def __set__(self, obj: Settings, value: T) -> None:
        obj.set_value(self, value)

    def __repr__(self) -> str:
        return f"Option({self.key!r}, {self.type.__name__}, default={self.default!r})"


class Settings:
    """Typed access to one QSettings store (the platform's default, or an ini file)."""

    station_name = Option("station/name", str, default_station_name)
    # The station's own files (journal, print queue, embedded database): empty for PICKDESK_DATA_DIR,
    # else the platform's data folder (desktop.station.config.StationPaths).
    data_dir = Option("station/data_dir", str, "")
    database_url = Option("database/url", str, "")  # empty: PICKDESK_DB_URL, else the embedded SQLite
    printer_kind = Option("printer/kind", str, "system", PRINTER_KINDS)
    printer_target = Option("printer/target", str, "")  # queue name, host:port or folder, by kind
    label_format = Option("printer/format", str, "pdf", LABEL_FORMATS)
    # kind "cainiao": the Cainiao cloud-print template the labels' data fill (printing.cainiao)
    printer_template_url = Option("printer/template_url", str, "")
    label_size = Option("printer/label_size", str, "100x150", LABEL_SIZES)
    scanner_port = Option("scanner/port", str, "")  # empty: keyboard wedge only
    scanner_baud = Option("scanner/baud", int, 9600, BAUD_RATES)
    scale_port = Option("scale/port", str, "")  # empty: no scale
    scale_baud = Option("scale/baud", int, 9600, BAUD_RATES)
    scale_protocol = Option("scale/protocol", str, "mt-sics", SCALE_PROTOCOLS)
    language = Option("ui/language", str, "system", LANGUAGES)
    theme = Option("ui/theme", str, "light", THEMES)
    large_type = Option("ui/large_type", bool, False)  # handhelds and tablets: everything larger
    muted = Option("ui/muted", bool, False)  # scan sounds off (the colour, icon and word stay)
    last_user = Option("session/last_user", str, "")
    # The window's size, position and maximised state (QWidget.saveGeometry, base64), and each
    # workspace's splitters and table columns (layout/<workspace>/<widget>) — kept per station.
    window_geometry = Option("window/geometry", str, "")

    def __init__(self, store: QSettings | None = None) -> None:
        # Without a store: the platform's place for this organisation and application name.
        self.store = store if store is not None else QSettings()

    @classmethod
    def from_file(cls, path: str | Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @classmethod
    def options(cls) -> list[Option[Any]]:
        return [v for v in vars(cls).values() if isinstance(v, Option)]

    def value(self, option: Option[T]) -> T:
        return option.convert(self.store.value(option.key))

    def set_value(self, option: Option[T], value: T) -> None:
        checked = option.convert(value)
        if checked != value and not (option.type is int and str(checked) == str(value)):
            raise ValueError(f"{option.name}: {value!r} is not one of {option.choices}")
        self.store.setValue(option.key, checked)

    def layout_state(self, key: str) -> str:
        """A saved splitter or table-header state (base64) for `key` ("workspace/widget"), or ""."""
        value = self.store.value(f"layout/{key}")
        return str(value) if value else ""

    def set_layout_state(self, key: str, state: str) -> None:
        self.store.setValue(f"layout/{key}", state)

    def reset(self, option: Option[Any]) -> None:
        self.store.remove(option.key)

    def sync(self) -> None:
        self.store.sync()

    def as_dict(self) -> dict[str, Any]:
        return {o.name: self.value(o) for o in self.options()}
