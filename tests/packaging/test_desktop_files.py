"""The freedesktop files install cleanly: icon by name, command that exists, matching ids."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from sidebyside.ui.app import APP_ID

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"


def test_desktop_entry_names_its_icon_and_runs_the_installed_command() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "sidebyside"
    assert section["Icon"] == APP_ID and "/" not in section["Icon"]
    assert (LINUX / f"{section['Icon']}.svg").is_file()


def test_metainfo_launches_the_desktop_entry() -> None:
    root = ElementTree.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
