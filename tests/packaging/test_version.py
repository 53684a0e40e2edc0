"""One version everywhere: the package, the wheel's metadata, `sidebyside --version`, the
AppStream release and CHANGELOG.md (and their release notes, word for word)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from sidebyside import __version__

ROOT = Path(__file__).resolve().parents[2]
METAINFO = ROOT / "packaging" / "linux" / "io.github.sidebyside.SideBySide.metainfo.xml"
RELEASE_HEADING = re.compile(r"^## \[(\d+\.\d+\.\d+[^\]]*)\] - (\d{4}-\d{2}-\d{2})$", re.MULTILINE)


def changelog_releases() -> list[tuple[str, str, list[str]]]:
    """(version, date, bullets) of each release in CHANGELOG.md, newest first."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = list(RELEASE_HEADING.finditer(text))
    releases = []
    for number, heading in enumerate(headings):
        end = headings[number + 1].start() if number + 1 < len(headings) else len(text)
        body = text[heading.end() : end]
        bullets = [line[2:].strip() for line in body.splitlines() if line.startswith("- ")]
        releases.append((heading.group(1), heading.group(2), bullets))
    return releases


def test_the_wheel_takes_its_version_from_the_package() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"]
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/sidebyside/__init__.py"


def test_the_command_says_the_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sidebyside", "--version"], capture_output=True, text=True
    )
    assert result.stdout.strip() == f"sidebyside {__version__}"


def test_changelog_and_metainfo_release_the_same_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n") and "\n## [Unreleased]\n" in text
    version, date, bullets = changelog_releases()[0]
    assert version == __version__
    assert f"[{version}]: " in text  # the release's link at the foot
    newest = ElementTree.parse(METAINFO).getroot().find("releases/release")
    assert newest is not None
    assert newest.get("version") == __version__
    assert newest.get("date") == date
    notes = [" ".join((item.text or "").split()) for item in newest.iterfind("description/ul/li")]
    assert notes == bullets


def test_every_changelog_release_is_in_the_metainfo() -> None:
    releases = ElementTree.parse(METAINFO).getroot().iterfind("releases/release")
    listed = [(release.get("version"), release.get("date")) for release in releases]
    assert listed == [(version, date) for version, date, _ in changelog_releases()]
