"""The freedesktop files install cleanly: icon by name, command that exists, matching ids."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

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


def test_desktop_entry_opens_sidebyside_addresses() -> None:
    """The desktop hands `sidebyside://` links to the app, files and addresses alike (%U)."""
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert "x-scheme-handler/sidebyside" in section["MimeType"].split(";")
    assert section["Exec"].split()[1:] == ["%U"]


def test_desktop_entry_validates() -> None:
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run(
        [validate, str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates() -> None:
    validate = shutil.which("appstreamcli")
    if validate is None:
        pytest.skip("appstreamcli is not installed (Debian: appstream)")
    result = subprocess.run(
        [validate, "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
