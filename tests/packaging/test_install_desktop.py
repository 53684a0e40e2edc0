"""`sidebyside --install-desktop` puts the launcher, icon and Open With into $XDG_DATA_HOME,
and `--uninstall-desktop` takes exactly that away again."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sidebyside.desktop_integration import APP_ID, FILE_TYPES, SCHEME, entry_text

ENTRY = f"{APP_ID}.desktop"


def run_sidebyside(*args: str, data_home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(
        [sys.executable, "-m", "sidebyside", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def read_ini(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser


def test_install_writes_entry_icon_and_open_with(tmp_path: Path) -> None:
    home = tmp_path / "share"
    result = run_sidebyside("--install-desktop", data_home=home)
    assert result.returncode == 0, result.stderr
    entry = home / "applications" / ENTRY
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert entry.is_file() and icon.read_text(encoding="utf-8").startswith("<svg")
    assert str(entry) in result.stdout
    section = read_ini(entry)["Desktop Entry"]
    # the installed entry runs this very copy, with the field code the packaged one has
    assert section["Exec"].split() == [sys.executable, "-m", "sidebyside", "%U"]
    assert section["Icon"] == APP_ID
    kinds = section["MimeType"].split(";")
    assert all(kind in kinds for kind in (*FILE_TYPES, SCHEME))
    associations = read_ini(home / "applications" / "mimeapps.list")
    for kind in FILE_TYPES:
        assert ENTRY in associations["Added Associations"][kind].split(";")
        assert kind not in associations["Default Applications"]  # the browser stays default
    assert associations["Default Applications"][SCHEME] == f"{ENTRY};"


def test_installed_entry_validates(tmp_path: Path) -> None:
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    home = tmp_path / "share"
    assert run_sidebyside("--install-desktop", data_home=home).returncode == 0
    result = subprocess.run(
        [validate, str(home / "applications" / ENTRY)], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_uninstall_takes_away_only_what_install_added(tmp_path: Path) -> None:
    home = tmp_path / "share"
    (home / "applications").mkdir(parents=True)
    mimeapps = home / "applications" / "mimeapps.list"
    mimeapps.write_text(
        "[Default Applications]\ntext/html=firefox.desktop;\n\n"
        "[Added Associations]\napplication/pdf=evince.desktop;\n",
        encoding="utf-8",
    )
    assert run_sidebyside("--install-desktop", data_home=home).returncode == 0
    installed = read_ini(mimeapps)
    assert installed["Default Applications"]["text/html"] == "firefox.desktop;"
    assert installed["Added Associations"]["application/pdf"] == f"evince.desktop;{ENTRY};"
    # installing twice lists sidebyside once
    assert run_sidebyside("--install-desktop", data_home=home).returncode == 0
    assert read_ini(mimeapps)["Added Associations"]["text/html"] == f"{ENTRY};"

    result = run_sidebyside("--uninstall-desktop", data_home=home)
    assert result.returncode == 0, result.stderr
    assert not (home / "applications" / ENTRY).exists()
    assert not list((home / "icons").rglob("*.svg"))
    after = read_ini(mimeapps)
    assert dict(after["Default Applications"]) == {"text/html": "firefox.desktop;"}
    assert dict(after["Added Associations"]) == {"application/pdf": "evince.desktop;"}


def test_uninstall_of_nothing_installed_succeeds(tmp_path: Path) -> None:
    result = run_sidebyside("--uninstall-desktop", data_home=tmp_path / "empty")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "empty" / "applications" / "mimeapps.list").exists()


def test_install_with_a_file_is_refused_in_one_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nText.\n", encoding="utf-8")
    result = run_sidebyside("--install-desktop", str(article), data_home=tmp_path / "share")
    assert result.returncode == 2 and result.stderr.count("\n") == 1


def test_a_command_path_with_spaces_is_quoted_in_exec() -> None:
    exec_line = next(
        line
        for line in entry_text(["/opt/my apps/bin/sidebyside"]).splitlines()
        if line.startswith("Exec=")
    )
    assert exec_line == 'Exec="/opt/my apps/bin/sidebyside" %U'
