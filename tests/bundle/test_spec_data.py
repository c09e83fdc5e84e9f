"""build.spec bundles every file the code looks up (fast: runs the spec's data half, no PyInstaller).

The lookups are read from the code itself: every `resources.path(...)`, every importlib.resources
`files("package")` (with its `.joinpath(...)`), Alembic's "package:folder" script location. Each
becomes a pattern (an f-string's fields match anything); every file of the source tree it matches
must be in the spec's data at the same place, and it must match something in the bundle. A new
sound, theme, carrier or language is then covered, or this test names the file left behind; a
lookup outside the bundled folders, or by `__file__`, is named too.
"""

from __future__ import annotations

import ast
import fnmatch
import posixpath
import re
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("desktop", "devices", "printing", "ui", "resources")
# Lookups that may find nothing, because the code falls back when they do: the user guide is
# bundled from docs/guide once that folder exists (ui/help.py uses the source tree's otherwise).
OPTIONAL = {"resources/guide"}
# `__file__` used to find files, and why that is right in the bundle too.
FILE_LOOKUPS_ALLOWED = {
    "printing/fonts.py": "reportlab's own Vera fonts, next to reportlab (the spec collects reportlab's data)",
    "ui/help.py": "the source tree's docs/guide, only when the bundled guide is not there",
}


@pytest.fixture(scope="module")
def spec() -> dict:
    """The spec's names after running its data half (PyInstaller's `Analysis` is not defined here)."""
    return runpy.run_path(str(ROOT / "build.spec"), init_globals={"SPECPATH": str(ROOT)})


@pytest.fixture(scope="module")
def bundled(spec: dict) -> dict[str, str]:
    """Place in the bundle -> file in the repository, for every data file of the spec."""
    placed = {}
    for source, folder in spec["data_files"]():
        placed[f"{folder}/{Path(source).name}"] = source
    return placed


def _pattern(node: ast.expr) -> str | None:
    """A path part as a glob: a string as is, an f-string with `*` for its fields, anything else `*`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "*" for v in node.values)
    return "*"


def code_lookups() -> list[tuple[str, str, bool]]:
    """(where in the code, bundle-relative glob, whether Python sources count) for every lookup."""
    found = []
    for package in PACKAGES:
        for file in sorted((ROOT / package).rglob("*.py")):
            where = file.relative_to(ROOT).as_posix()
            tree = ast.parse(file.read_text(encoding="utf-8"), where)
            parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
                owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else None
                line = f"{where}:{node.lineno}"
                # resources.path("sounds", f"{name}.wav"); inside resources/__init__.py plain path(...)
                if name == "path" and (owner == "resources" or (where == "resources/__init__.py" and owner is None)) \
                        and node.args:
                    found.append((line, "/".join(["resources", *map(_pattern, node.args)]), False))
                # importlib.resources.files("resources.styles")[.joinpath(f"{theme}.qss")]
                elif name == "files" and node.args and isinstance(node.args[0], ast.Constant) \
                        and isinstance(node.args[0].value, str):
                    glob = node.args[0].value.replace(".", "/")
                    outer = parents.get(node)
                    if isinstance(outer, ast.Attribute) and outer.attr == "joinpath":
                        call = parents.get(outer)
                        if isinstance(call, ast.Call) and call.args:
                            glob = "/".join([glob, *map(_pattern, call.args)])
                    found.append((line, glob, False))
                # Alembic: cfg.set_main_option("script_location", "desktop.db:migrations")
                elif name == "set_main_option" and len(node.args) == 2 \
                        and isinstance(node.args[0], ast.Constant) and node.args[0].value == "script_location":
                    package_name, _, folder = node.args[1].value.partition(":")
                    found.append((line, f"{package_name.replace('.', '/')}/{folder}", True))
    return found


def _matches(relative: str, glob: str) -> bool:
    """A file is found by a lookup of itself or of a folder above it."""
    return fnmatch.fnmatchcase(relative, glob) or fnmatch.fnmatchcase(relative, f"{glob}/*")


def _source_files(glob: str, with_python: bool) -> list[str]:
    top = ROOT / glob.split("*", 1)[0].rsplit("/", 1)[0]
    if not top.exists():
        return []
    files = []
    for path in (top.rglob("*") if top.is_dir() else [top]):
        relative = path.relative_to(ROOT).as_posix()
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        if path.suffix == ".py" and not with_python:
            continue  # modules are code (in the archive), not data
        if _matches(relative, glob):
            files.append(relative)
    return files


LOOKUPS = code_lookups()


def test_the_code_is_read_for_its_lookups() -> None:
    globs = {glob for _line, glob, _py in LOOKUPS}
    # The kinds of lookup the code has today, so a change in how it looks files up is noticed here.
    assert {"resources/sounds/*.wav", "resources/icons/*.svg", "resources/translations/pickdesk_*.qm",
            "resources/fonts/DroidSansFallbackFull.ttf", "resources/styles/*.qss",
            "desktop/partners/carriers/definitions", "desktop/db/migrations"} <= globs, sorted(globs)


@pytest.mark.parametrize("lookup", LOOKUPS, ids=[f"{line} {glob}" for line, glob, _ in LOOKUPS])
def test_every_file_the_code_looks_up_is_bundled(bundled: dict[str, str], lookup: tuple[str, str, bool]) -> None:
    line, glob, with_python = lookup
    wanted = _source_files(glob, with_python)
    missing = [f for f in wanted if f not in bundled]
    assert not missing, f"{line} looks up {glob}: build.spec leaves out {missing}"
    found = [place for place in bundled if _matches(place, glob)]
    assert found or glob in OPTIONAL, f"{line} looks up {glob}: nothing of it is in the bundle"
    for place in found:  # the same file at the same place, so the bundle reads what the source tree reads
        assert Path(bundled[place]).stat().st_size > 0 or place.endswith("__init__.py"), place


def test_the_user_guide_goes_where_the_help_looks(bundled: dict[str, str]) -> None:
    guide = ROOT / "docs" / "guide"
    wanted = sorted(p.relative_to(guide).as_posix() for p in guide.rglob("*") if p.is_file()) if guide.is_dir() else []
    placed = sorted(place.removeprefix("resources/guide/") for place in bundled if place.startswith("resources/guide/"))
    assert placed == wanted


def test_the_guide_keeps_its_pictures_in_the_bundle(bundled: dict[str, str]) -> None:
    """Every relative link of a bundled guide page, followed from its place in the bundle, is bundled."""
    broken = []
    for place in (p for p in bundled if p.startswith("resources/guide/") and p.endswith(".md")):
        for link in re.findall(r"\]\(([^)\s]+)\)", Path(bundled[place]).read_text(encoding="utf-8")):
            if "://" in link or link.startswith(("#", "mailto:")):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(place), link.split("#", 1)[0]))
            if target not in bundled:
                broken.append(f"{place}: {link}")
    assert not broken


def test_translation_sources_stay_out(bundled: dict[str, str]) -> None:
    assert not [place for place in bundled
                if place.endswith(".ts") or (place.endswith(".py") and not place.startswith("desktop/db/migrations/"))]


def test_no_file_is_found_next_to_a_module() -> None:
    """`Path(__file__)`-style lookups bypass importlib.resources; each one must be known to work bundled."""
    uses = set()
    for package in PACKAGES:
        for file in (ROOT / package).rglob("*.py"):
            tree = ast.parse(file.read_text(encoding="utf-8"))
            if any(isinstance(n, (ast.Name, ast.Attribute)) and getattr(n, "id", getattr(n, "attr", None)) == "__file__"
                   for n in ast.walk(tree)):
                uses.add(file.relative_to(ROOT).as_posix())
    unexplained = uses - set(FILE_LOOKUPS_ALLOWED)
    assert not unexplained, f"{sorted(unexplained)} find files by __file__: use importlib.resources and bundle them"


def test_qt_keeps_what_a_station_needs(spec: dict) -> None:
    from ui.i18n import SUPPORTED

    keep = spec["keep_qt_file"]
    assert tuple(spec["LANGUAGES"]) == tuple(SUPPORTED)
    qt = "PySide6/Qt"
    for language in SUPPORTED:
        assert keep(f"{qt}/translations/qtbase_{language}.qm"), language  # ui/i18n.py installs it
    assert not keep(f"{qt}/translations/qtbase_de.qm")
    for needed in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "imageformats/libqsvg.so",
                   "iconengines/libqsvgicon.so", "imageformats/libqjpeg.so", "printsupport/libcupsprintersupport.so",
                   "platforminputcontexts/libibusplatforminputcontextplugin.so"):
        assert keep(f"{qt}/plugins/{needed}"), needed
    for needless in ("platforms/libqeglfs.so", "platformthemes/libqgtk3.so", "multimedia/libffmpegmediaplugin.so"):
        assert not keep(f"{qt}/plugins/{needless}"), needless
    for library in ("libQt6Core.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6", "libQt6Multimedia.so.6",
                    "libQt6Svg.so.6", "libQt6Charts.so.6", "libQt6Pdf.so.6", "libQt6PrintSupport.so.6"):
        assert keep(f"{qt}/lib/{library}"), library
