"""Errors a person can act on. Each carries a message for the screen in English and Chinese."""

from __future__ import annotations


class PickdeskError(Exception):
    """Base of every typed, user-facing error raised by the core."""

    code = "error"

    def __init__(self, message: str, message_zh: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_zh = message_zh or message

    def for_locale(self, language: str) -> str:
        return self.message_zh if language.startswith("zh") else self.message


class IllegalTransition(PickdeskError):
    code = "illegal_transition"

    def __init__(self, what: str, current: str, target: str) -> None:
        super().__init__(
            f"{what} cannot go from {current} to {target}.",
            f"{what} 不能从「{current}」变为「{target}」。",
        )
        self.current = current
        self.target = target


class NotAllowed(PickdeskError):
    """The signed-in user's role may not do this."""

    code = "not_allowed"


class SignInRefused(PickdeskError):
    code = "sign_in_refused"


class SignedInElsewhere(PickdeskError):
    """One person, one active session: the person acting here has signed in at another station since."""

    code = "signed_in_elsewhere"

    def __init__(self, name: str, station: str, user_id: int | None = None) -> None:
        super().__init__(f"{name} signed in at station {station}: signed out here.",
                         f"{name} 已在工作站 {station} 登录：本工作站已退出登录。")
        self.name, self.station, self.user_id = name, station, user_id


class NotFound(PickdeskError):
    code = "not_found"


class StaleData(PickdeskError):
    """Someone else changed the row since it was read (optimistic locking)."""

    code = "stale"


class ConfigurationError(PickdeskError):
    code = "configuration"


class InputRefused(PickdeskError):
    """One value of an imported file breaks a rule (`desktop.formats.checks`); `field` says which."""

    code = "input_refused"

    def __init__(self, field: str, message: str, message_zh: str) -> None:
        super().__init__(message, message_zh)
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class FileRefused(PickdeskError):
    """A whole file cannot be read as the format asks (too big, not UTF-8, nested too deep, malformed)."""

    code = "file_refused"
