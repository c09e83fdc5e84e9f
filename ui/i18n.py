"""The language of the station: which translation is installed, and how numbers, money and dates read.

Sources are written in English; `resources/translations/pickdesk_<lang>.qm` holds the Simplified
Chinese translation (and the English plural forms). `apply_language(app, setting)` installs the
translation chosen in the settings ("system", "en" or "zh_CN"; "system" follows the desktop's
locale, any Chinese locale getting Simplified Chinese) together with Qt's own (standard buttons,
dialogs), and makes that locale the default one, so `QLocale()` formats for it.

Everything the station writes for a person goes through here (an exception's text: `ui.errors`):
- `bilingual(name, name_zh)` — a record's name in the station's language (products, carriers);
- `money`, `number`, `weight`, `date`, `date_time`, `time_of_day` — locale formats.
Strings defined outside a class (module tables) are marked with `QT_TRANSLATE_NOOP(context, text)`
and translated where shown with `translate(context, text)`.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTime, QTimeZone, QTranslator
from PySide6.QtGui import QKeySequence

import resources

SUPPORTED = ("en", "zh_CN")
DEFAULT = "en"

_installed: list[QTranslator] = []
_language = DEFAULT


def resolve(setting: str, system: QLocale | None = None) -> str:
    """The language to use for a settings value: itself if supported, else the system's, else English."""
    if setting in SUPPORTED:
        return setting
    locale = system if system is not None else QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else DEFAULT


def translation_file(language: str) -> str:
    """The compiled translation of the application for `language` (a .qm file path)."""
    return str(resources.path("translations", f"pickdesk_{language}.qm"))


def apply_language(app: QCoreApplication, setting: str, system: QLocale | None = None) -> str:
    """Install the translation for `setting` (replacing any installed before); returns the language.

    Widgets built afterwards come up in that language; the main window rebuilds what it shows.
    """
    global _language
    language = resolve(setting, system)
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()  # one language switch after another must not pile them up
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"pickdesk_{language}", None)):
        translator = QTranslator(app)
        loaded = (translator.load(name, folder) if folder is not None
                  else translator.load(translation_file(language)))
        if loaded:
            app.installTranslator(translator)
            _installed.append(translator)
        elif folder is None and language != DEFAULT:
            raise FileNotFoundError(f"translation missing: {translation_file(language)}")
    system_locale = system if system is not None else QLocale.system()
    wanted = QLocale(language)
    # The desktop's own locale where it speaks the chosen language (en_GB keeps its dates), else the language's.
    QLocale.setDefault(system_locale if system_locale.language() == wanted.language() else wanted)
    _language = language
    return language


def current_language() -> str:
    return _language


def is_chinese() -> bool:
    return _language == "zh_CN"


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`QCoreApplication.translate` for strings marked with QT_TRANSLATE_NOOP outside a class."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def bilingual(english: str, chinese: str | None) -> str:
    """One of a record's two names (products, carriers keep both): the station's language where present."""
    return chinese if is_chinese() and chinese else english


def key_name(shortcut: str | QKeySequence) -> str:
    """A shortcut as the platform writes it (Ctrl+L, F5)."""
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)


def with_shortcut(text: str, shortcut: str | QKeySequence) -> str:
    """A button's words with its key after them, so the keyboard way is always in sight: "Next batch  [F5]".

    Keep the key out of the translated text: translate `text`, then call this.
    """
    return f"{text}  [{key_name(shortcut)}]"


# --- locale formats ---------------------------------------------------------------------------

def number(value: int | float | Decimal, decimals: int | None = None) -> str:
    """A number with the locale's grouping and decimal mark (`decimals` fixed, else as needed)."""
    locale = QLocale()
    if isinstance(value, int) and decimals is None:
        return locale.toString(value)
    return locale.toString(float(value), "f", 2 if decimals is None else decimals)


def money(value: int | float | Decimal, *, cents: bool = False) -> str:
    """Yuan, e.g. ¥1,234.50 (`cents=True`: `value` is integer fen, as the database keeps money)."""
    amount = Decimal(value) / 100 if cents else Decimal(str(value))
    return QLocale().toCurrencyString(float(amount), "¥", 2)


def weight(grams: int | float) -> str:
    """A weight in kilograms with three decimals, e.g. 1.250 kg."""
    return f"{number(grams / 1000, 3)} kg"


def _date_format() -> str:
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:  # expiry dates need the full year: 11/24/26 is a riddle on a shelf label
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def date(value: dt.date | None) -> str:
    """A calendar date in the locale's short form with a four-digit year ("—" for none)."""
    if value is None:
        return "—"
    return QLocale().toString(QDate(value.year, value.month, value.day), _date_format())


def long_date(value: dt.date | None) -> str:
    """A calendar date no reader can take the wrong way round: the locale's long form without the
    weekday, the month as a word ("Mar 9, 2027", "9 Mar 2027", "2027年3月9日"; "—" for none).

    Pick screens use it: 3/9/2027 is the ninth of March to one picker and the third of September to
    the next, on the very label that decides whether a unit is expired."""
    if value is None:
        return "—"
    locale = QLocale()
    fmt = locale.dateFormat(QLocale.FormatType.LongFormat).replace("MMMM", "MMM")
    fmt = re.sub(r"\s*dddd[,，]?\s*", " ", fmt).strip()
    return locale.toString(QDate(value.year, value.month, value.day), fmt)


def _local(value: dt.datetime) -> QDateTime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    utc = value.astimezone(dt.timezone.utc)
    moment = QDateTime(QDate(utc.year, utc.month, utc.day), QTime(utc.hour, utc.minute, utc.second),
                       QTimeZone.utc())
    return moment.toLocalTime()


def date_time(value: dt.datetime | None) -> str:
    """A moment in the station's local time: short date and hours:minutes ("—" for none)."""
    if value is None:
        return "—"
    locale = QLocale()
    local = _local(value)
    return f"{locale.toString(local.date(), _date_format())} {locale.toString(local.time(), 'HH:mm')}"


def time_of_day(value: dt.datetime | None, seconds: bool = False) -> str:
    """Hours and minutes (and seconds) of a moment, in the station's local time."""
    if value is None:
        return "—"
    return QLocale().toString(_local(value).time(), "HH:mm:ss" if seconds else "HH:mm")
