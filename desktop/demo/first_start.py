"""The demo warehouse on a station's first start: seeded by the caller that wants it, never by opening.

`Database.open` only connects and migrates. The window's start-up (`ui.app`) and the command line
(`desktop.cli.core.open_database`) call `seed_if_empty(db)` for the embedded database of a station
whose owner named no other one; a database somebody named is never seeded behind their back.
"""

from __future__ import annotations

from desktop.db.database import Database
from desktop.demo.builder import build_demo


def seed_if_empty(db: Database) -> bool:
    """Write the demo warehouse into `db` if it holds no warehouse yet; True if it did."""
    if not db.is_empty():
        return False
    build_demo(db)
    return True
