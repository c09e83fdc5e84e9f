"""The one way an exception becomes words on a screen, in the station's language.

* A typed error speaks for itself: a `PickdeskError` (the core gives every one an English and a
  Chinese message) or a refusal from the devices and the pick rules that carries `message` and
  `message_zh` too (a scan, the scale, a pick) — shown in the station's language (`ui.i18n`).
* The central database out of reach (a lost connection, a refused login to the server) says so:
  the person can wait or call someone, and the station journal keeps what they did.
* Anything else is a fault, not a person's mistake: "Something went wrong", with its type and text
  for whoever reads the screen to a developer.

Workspaces, widgets, the sign-in and the main window call `error_text`; none keeps its own table.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from desktop.domain.errors import PickdeskError
from ui.i18n import bilingual, translate

CONTEXT = "errors"
UNREACHABLE = QT_TRANSLATE_NOOP("errors", "Cannot reach the central database: {error}")
UNEXPECTED = QT_TRANSLATE_NOOP("errors", "Something went wrong: {error}")


def typed_text(exc: BaseException) -> str | None:
    """A typed error's own words in the station's language, or None for an untyped exception."""
    message = getattr(exc, "message", None)
    if isinstance(exc, PickdeskError) or (isinstance(message, str) and hasattr(exc, "message_zh")):
        return bilingual(str(message), getattr(exc, "message_zh", None))
    return None


def unreachable(exc: BaseException) -> bool:
    """The central database did not answer (as opposed to answering no)."""
    if isinstance(exc, (OperationalError, InterfaceError, ConnectionError, TimeoutError)):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def raw_text(exc: BaseException) -> str:
    """An untyped exception as its type and text."""
    return f"{type(exc).__name__}: {exc}"


def error_text(exc: BaseException) -> str:
    """What went wrong, for the person at the station (see the module notes)."""
    typed = typed_text(exc)
    if typed is not None:
        return typed
    if unreachable(exc):
        detail = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
        return translate(CONTEXT, UNREACHABLE).format(error=detail)
    return translate(CONTEXT, UNEXPECTED).format(error=raw_text(exc))
