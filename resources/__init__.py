"""Icons, sounds, fonts, translations and style sheets, loaded through importlib.resources."""

from importlib import resources as _resources
from pathlib import Path


def path(*parts: str) -> Path:
    """The file system path of a bundled resource (works installed, editable and bundled)."""
    ref = _resources.files(__name__).joinpath(*parts)
    return Path(str(ref))


def cjk_font_path() -> Path:
    """The bundled TrueType CJK font (Apache-2.0), embeddable in PDFs and usable by Qt."""
    return path("fonts", "DroidSansFallbackFull.ttf")
