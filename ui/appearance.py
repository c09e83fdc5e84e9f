"""How the station looks: the theme (light or high contrast) and the type size (normal or large).

`apply_appearance(app, theme, large_type)` sets the application font and the style sheet. Style
sheets are in resources/styles/<theme>.qss; every `pt` and `px` size in them is multiplied by the
type scale, so large-type mode grows fonts, buttons and fields together (a handheld or a tablet
at arm's length). Widgets that set a font size in code use `points(n)` so they grow with it.

Qt 6 scales for high-DPI screens by itself (device pixel ratio); the type scale comes on top.
"""

from __future__ import annotations

import re
from importlib import resources as importlib_resources

from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 13
LARGE_TYPE_SCALE = 1.35
THEMES = ("light", "high_contrast")

_SIZE = re.compile(r"(\d+(?:\.\d+)?)(pt|px)\b")
_scale = 1.0
_theme = "light"

# The scan feedback panel's colours per theme: verdict → (background, text).
FEEDBACK_COLOURS = {
    "light": {"good": ("#1b7f3b", "#ffffff"), "refused": ("#b3261e", "#ffffff"), "info": ("#e8eef5", "#1a1a1a"),
              "check": ("#b45309", "#ffffff")},
    "high_contrast": {"good": ("#00e676", "#000000"), "refused": ("#ff1744", "#000000"),
                      "info": ("#000000", "#ffffff"), "check": ("#ffab00", "#000000")},
}


# Colours item views paint themselves (a style sheet cannot reach a model's rows), per theme.
ROW_COLOURS = {
    "light": {"done_text": "#6b7580", "current_back": "#fff3c4", "marked_text": "#1b1f24",
              "done_back": "#cdebd3", "partly_back": "#fff1c2", "alert_text": "#b3261e"},
    "high_contrast": {"done_text": "#bdbdbd", "current_back": "#ffff00", "marked_text": "#000000",
                      "done_back": "#00e676", "partly_back": "#ffff00", "alert_text": "#ff8a80"},
}


def colour(name: str) -> QColor:
    """A colour of the current theme for rows an item view paints (see ROW_COLOURS)."""
    return QColor(ROW_COLOURS[_theme][name])


def type_scale() -> float:
    return _scale


def current_theme() -> str:
    return _theme


def points(size: float) -> int:
    """A font size in points, grown with the type scale (large-type mode)."""
    return max(1, round(size * _scale))


def pixels(size: float) -> int:
    """A length in (device-independent) pixels grown with the type scale: icons, row heights."""
    return max(1, round(size * _scale))


def scaled_style_sheet(text: str, scale: float) -> str:
    """`text` with every pt/px size multiplied by `scale` (1 px borders stay 1 px)."""
    def grow(match: re.Match[str]) -> str:
        value, unit = float(match.group(1)), match.group(2)
        if unit == "px" and value <= 2:
            return match.group(0)
        new = value * scale
        return f"{round(new)}{unit}" if unit == "px" else f"{new:g}{unit}"
    return _SIZE.sub(grow, text) if scale != 1.0 else text


def style_sheet(theme: str = "light", scale: float = 1.0) -> str:
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}: one of {THEMES}")
    text = importlib_resources.files("resources.styles").joinpath(f"{theme}.qss").read_text(encoding="utf-8")
    return scaled_style_sheet(text, scale)


def apply_appearance(app: QGuiApplication, theme: str = "light", large_type: bool = False) -> None:
    """Set the application font size and the style sheet for `theme` and the type size."""
    global _scale, _theme
    _scale = LARGE_TYPE_SCALE if large_type else 1.0
    _theme = theme if theme in THEMES else "light"
    font = QFont(app.font())
    font.setPointSize(points(BASE_POINT_SIZE))
    app.setFont(font)
    if isinstance(app, QApplication):
        app.setStyleSheet(style_sheet(_theme, _scale))


def feedback_colours(verdict: str) -> tuple[str, str]:
    """(background, text) of the scan feedback panel for a verdict in the current theme."""
    return FEEDBACK_COLOURS[_theme][verdict]


def apply_station_look(app: QApplication, settings) -> str:  # noqa: ANN001 - ui.settings.Settings or None
    """Install the station's language, theme and type size (again after the settings change); the language."""
    from ui import i18n

    language = i18n.apply_language(app, settings.language if settings is not None else "system")
    if settings is None:
        apply_appearance(app)
    else:
        apply_appearance(app, settings.theme, settings.large_type)
    return language
