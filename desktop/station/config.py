"""Where the central database and the station's own files live: `StationPaths`, computed once.

A station's files (its journal, its print queue, the embedded database and its key) live in one data
folder. Which folder is decided once, at the edge — the station's settings or the command line name
one, else PICKDESK_DATA_DIR (tests, kiosks), else the platform's data folder — and the answer is a
`StationPaths` handed to whatever needs a file. Nothing below the composition root (`ui.station`)
or the command line looks at the environment for a path.

Order of precedence for the database: `--db URL` (or the settings' URL), then PICKDESK_DB_URL, then
the embedded SQLite file in the data folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Pickdesk"
DATA_DIR_ENV = "PICKDESK_DATA_DIR"
DB_URL_ENV = "PICKDESK_DB_URL"
EMBEDDED_DATABASE_FILE = "pickdesk.sqlite3"
PRINT_QUEUE_FILE = "print-queue.sqlite3"
PII_KEY_FILE = "pii.key"


def _safe_name(station: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", station) or "station"


@dataclass(frozen=True)
class StationPaths:
    """The station's data folder and the files in it. Make one with `StationPaths.resolve(...)`."""

    data_dir: Path
    station_name: str

    @classmethod
    def resolve(cls, station_name: str, data_dir: str | Path | None = None, *,
                environ: Mapping[str, str] | None = None) -> StationPaths:
        """The folder named by the settings or the command line, else PICKDESK_DATA_DIR, else the
        platform's data folder; made (owner-only) if it is not there yet."""
        env = os.environ if environ is None else environ
        chosen = str(data_dir or "") or env.get(DATA_DIR_ENV) or platformdirs.user_data_dir(APP_NAME, APP_NAME)
        path = Path(chosen).expanduser()
        # Owner-only when we make it: the embedded database, its key, the print queue and the journal live here.
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        return cls(path, station_name)

    @property
    def journal(self) -> Path:
        """The station journal: one file per station name (a renamed station starts a new one)."""
        return self.data_dir / f"journal-{_safe_name(self.station_name)}.sqlite3"

    @property
    def print_queue(self) -> Path:
        return self.data_dir / PRINT_QUEUE_FILE

    @property
    def embedded_database(self) -> Path:
        return self.data_dir / EMBEDDED_DATABASE_FILE

    @property
    def embedded_database_url(self) -> str:
        return f"sqlite:///{self.embedded_database}"

    @property
    def pii_key(self) -> Path:
        """The customer-data key of a central database that is not a file beside it (PostgreSQL)."""
        return self.data_dir / PII_KEY_FILE

    def database_url(self, named: str | None = None, *, environ: Mapping[str, str] | None = None) -> str:
        """The URL somebody named (command line, settings), else PICKDESK_DB_URL, else the embedded file."""
        env = os.environ if environ is None else environ
        return named or env.get(DB_URL_ENV) or self.embedded_database_url

    def is_embedded(self, url: str) -> bool:
        """True for this station's own embedded database: the only one the demo is ever seeded into."""
        return url == self.embedded_database_url


def data_dir() -> Path:
    """The data folder of a command that names none (the command line): PICKDESK_DATA_DIR or the platform's."""
    return StationPaths.resolve("").data_dir


def default_database_url() -> str:
    return StationPaths.resolve("").embedded_database_url


def resolve_database_url(cli_value: str | None = None) -> str:
    return StationPaths.resolve("").database_url(cli_value)
