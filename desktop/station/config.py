"""Where the central database and the station's own files live.

Order of precedence for the database: `--db URL`, then PICKDESK_DB_URL, then the embedded SQLite
file in the platform's data folder (PICKDESK_DATA_DIR overrides that folder, for tests and kiosks).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Pickdesk"


def data_dir() -> Path:
    override = os.environ.get("PICKDESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))
    # Owner-only when we make it: the embedded database, its key, the print queue and the journal live here.
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'pickdesk.sqlite3'}"


def resolve_database_url(cli_value: str | None = None) -> str:
    return cli_value or os.environ.get("PICKDESK_DB_URL") or default_database_url()
