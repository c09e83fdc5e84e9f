"""Keep the Qt Linguist translations in step with the sources.

    python scripts/translations.py update [area...]  # lupdate: new tr() strings into the .ts files
    python scripts/translations.py release   # lrelease: the .ts files into resources/translations/*.qm
    python scripts/translations.py check     # what `make test` checks: complete, current, compiled

The .ts files are split by area (`resources/translations/<language>/<area>.ts`) so that screens can
be translated side by side; every area of a language compiles into one `pickdesk_<language>.qm`,
which is committed (the app and the bundle load it; nothing is compiled at start-up).
Simplified Chinese must translate every message; English needs only the plural forms of `%n`
messages (everything else is the source text). Run `make translations` after changing strings,
translate what `check` lists (Qt Linguist: `.venv/bin/pyside6-linguist <file>.ts`), then release.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")
COMPLETE = "zh_CN"  # the language that must translate every message

# Which sources each .ts file covers (paths relative to the repository; folders mean their *.py).
AREAS: dict[str, tuple[str, ...]] = {
    "common": ("ui/__init__.py", "ui/app.py", "ui/entry.py", "ui/errors.py", "ui/feedback.py", "ui/i18n.py", "ui/live.py", "ui/login.py",
               "ui/main_window.py", "ui/no_workspace.py", "ui/settings.py", "ui/settings_dialog.py", "ui/station.py", "ui/sync.py",
               "ui/tasks.py", "ui/help.py", "ui/appearance.py", "ui/devices", "ui/printing", "ui/workspaces/__init__.py",
               "ui/workspaces/base.py", "ui/widgets/__init__.py", "ui/widgets/icons.py",
               "ui/widgets/message.py", "ui/widgets/scroll.py", "ui/labels.py", "ui/smoke.py", "ui/smoke_driver.py"),
    "picker": ("ui/workspaces/picker.py", "ui/widgets/pick_stops.py", "ui/widgets/route_map.py"),
    "packer": ("ui/workspaces/packer.py", "ui/widgets/pack_checklist.py", "ui/widgets/pack_panels.py",
               "ui/widgets/put_wall.py", "ui/workspaces/put_wall.py"),
    "supervisor": ("ui/workspaces/supervisor.py", "ui/widgets/console_model.py", "ui/widgets/console_common.py",
                   "ui/widgets/console_floor.py", "ui/widgets/console_orders.py", "ui/widgets/console_exceptions.py",
                   "ui/widgets/console_stock.py", "ui/widgets/console_audit.py", "ui/widgets/console_waves.py", "ui/widgets/console_people.py",
                   "ui/widgets/handover_panel.py", "ui/widgets/returns_panel.py",
                   "ui/widgets/figures_panel.py", "ui/widgets/aftersales_common.py"),
    "receiver": ("ui/workspaces/receiver.py", "ui/widgets/receiver_counts.py", "ui/widgets/receiver_tasks.py",
                 "ui/widgets/receiver_transfers.py"),
    "admin": ("ui/workspaces/admin.py", "ui/widgets/admin_common.py", "ui/widgets/admin_stations.py",
              "ui/widgets/admin_warehouses.py", "ui/widgets/admin_merchants.py", "ui/widgets/admin_skus.py",
              "ui/widgets/admin_promotions.py", "ui/widgets/admin_people.py", "ui/widgets/admin_carriers.py"),
}


def tool(name: str) -> str:
    """A Qt tool from the environment running this script (.venv/bin/pyside6-<name>)."""
    local = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(local) if local.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials in this environment")
    return found


def area_sources(area: str, root: Path = ROOT) -> list[str]:
    files: list[str] = []
    for entry in AREAS[area]:
        path = root / entry
        if path.is_dir():
            files += sorted(str(p.relative_to(root)) for p in path.glob("*.py"))
        elif path.exists():
            files.append(entry)
    return files


def unassigned_sources(root: Path = ROOT) -> list[str]:
    """UI sources no area covers (their strings would never be translated)."""
    covered = {f for area in AREAS for f in area_sources(area, root)}
    return sorted(str(p.relative_to(root)) for p in (root / "ui").rglob("*.py")
                  if str(p.relative_to(root)) not in covered)


def ts_path(language: str, area: str, folder: Path = FOLDER) -> Path:
    return folder / language / f"{area}.ts"


def qm_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"pickdesk_{language}.qm"


def update(folder: Path = FOLDER, areas: list[str] | None = None) -> None:
    for language in LANGUAGES:
        for area in areas or AREAS:
            target = ts_path(language, area, folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([tool("lupdate"), *area_sources(area), "-locations", "none", "-no-obsolete",
                            "-source-language", "en", "-target-language", language, "-ts", str(target)],
                           cwd=ROOT, check=True, capture_output=True)


def release(folder: Path = FOLDER, out: Path | None = None) -> None:
    for language in LANGUAGES:
        sources = [str(ts_path(language, area, folder)) for area in AREAS]
        subprocess.run([tool("lrelease"), "-silent", "-nounfinished", *sources,
                        "-qm", str(qm_path(language, out or folder))], check=True)


def messages(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """(context, source, comment) → the <message> element, for one .ts file."""
    found: dict[tuple[str, str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "", message.findtext("comment") or "")] = message
    return found


def unfinished(message: ET.Element, language: str) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return language == COMPLETE or message.get("numerus") == "yes"
    if message.get("numerus") == "yes":
        return any(not (form.text or "").strip() for form in translation.iter("numerusform"))
    return language == COMPLETE and not (translation.text or "").strip()


PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")


def placeholder_mismatch(message: ET.Element) -> str | None:
    """Why a translation would fail or mislead when shown: a `{name}` or `%n` it drops or invents."""
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return None
    wanted = set(PLACEHOLDER.findall(message.findtext("source") or ""))
    forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
    for form in forms:
        got = set(PLACEHOLDER.findall(form))
        if got - wanted:
            return f"placeholder {sorted(got - wanted)} not in the source"
        if wanted - got - {"%n"}:  # a plural form may spell the number out ("one order")
            return f"placeholder {sorted(wanted - got)} missing"
    return None


def check() -> list[str]:
    """Problems that would leave a visible string untranslated or a .qm stale (empty: all good)."""
    problems = [f"{path}: no translation area covers it (add it to AREAS in scripts/translations.py)"
                for path in unassigned_sources()]
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "translations"
        shutil.copytree(FOLDER, scratch, ignore=shutil.ignore_patterns("*.qm", "__pycache__"))
        update(scratch)  # what lupdate would find in today's sources
        for language in LANGUAGES:
            for area in AREAS:
                committed, current = ts_path(language, area), ts_path(language, area, scratch)
                if not committed.exists():
                    problems.append(f"{committed.relative_to(ROOT)}: missing (run make translations)")
                    continue
                have, want = messages(committed), messages(current)
                for key in sorted(set(want) - set(have)):
                    problems.append(f"{committed.relative_to(ROOT)}: new string not in the file: {key[0]}: {key[1]!r}")
                for key in sorted(set(have) - set(want)):
                    problems.append(f"{committed.relative_to(ROOT)}: string no longer in the sources: {key[0]}: {key[1]!r}")
                for key, message in sorted(have.items()):
                    if key in want and unfinished(message, language):
                        problems.append(f"{committed.relative_to(ROOT)}: untranslated: {key[0]}: {key[1]!r}")
                    elif key in want and (bad := placeholder_mismatch(message)):
                        problems.append(f"{committed.relative_to(ROOT)}: {bad}: {key[0]}: {key[1]!r}")
        built = Path(tmp) / "built"
        built.mkdir()
        release(FOLDER, built)
        for language in LANGUAGES:
            if not qm_path(language).exists() or qm_path(language).read_bytes() != qm_path(language, built).read_bytes():
                problems.append(f"{qm_path(language).relative_to(ROOT)}: not compiled from the .ts files "
                                "(run make translations)")
    return problems


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        unknown = [a for a in argv[2:] if a not in AREAS]
        if unknown:
            print(f"unknown area {unknown}; areas: {', '.join(AREAS)}")
            return 2
        update(areas=argv[2:] or None)
    elif command == "release":
        release()
    elif command == "check":
        problems = check()
        print("\n".join(problems) or "translations complete and compiled")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
