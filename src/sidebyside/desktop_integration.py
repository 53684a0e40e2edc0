"""`sidebyside --install-desktop`: the launcher, the icon and "Open with sidebyside".

Everything goes into the user's XDG data folder ($XDG_DATA_HOME, else ~/.local/share), so
no root is needed and `--uninstall-desktop` takes exactly it away again:

- `applications/io.github.sidebyside.SideBySide.desktop`, the entry of `packaging/linux/`
  with the command that runs this very copy of sidebyside;
- `icons/hicolor/scalable/apps/io.github.sidebyside.SideBySide.svg`;
- `applications/mimeapps.list`: sidebyside added to the applications for HTML, PDF,
  Markdown and EPUB files (never made their default: the browser keeps opening web pages)
  and made the default for `sidebyside://` links, which nothing else opens.

The desktop's MIME cache is refreshed with `update-desktop-database` when it is installed;
desktops without it read the folder at their next scan.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from sidebyside.paths import desktop_files_dir

APP_ID = "io.github.sidebyside.SideBySide"
ENTRY_NAME = f"{APP_ID}.desktop"
FILE_TYPES = ("text/html", "application/pdf", "text/markdown", "application/epub+zip")
SCHEME = "x-scheme-handler/sidebyside"
ADDED = "Added Associations"
DEFAULTS = "Default Applications"


@dataclass
class DesktopFiles:
    """What an install wrote (or an uninstall removed) and the cache tools it ran."""

    entry: Path
    icon: Path
    associations: Path
    command: str = ""
    ran: list[str] = field(default_factory=list)
    missing_tools: list[str] = field(default_factory=list)


def data_home() -> Path:
    """$XDG_DATA_HOME when it is an absolute path (as the specification asks), else
    ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local/share"


def _places() -> DesktopFiles:
    home = data_home()
    return DesktopFiles(
        entry=home / "applications" / ENTRY_NAME,
        icon=home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        associations=home / "applications" / "mimeapps.list",
    )


def launch_command() -> list[str]:
    """The command that runs this copy: `sidebyside` when PATH finds this copy in a folder
    every desktop session has on its PATH (a system or pipx install), else the script's
    absolute path (a virtual environment, on the PATH of this shell only), else
    `python -m`."""
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "sidebyside" and script.is_file():
        on_path = shutil.which("sidebyside")
        if (
            on_path is not None
            and Path(on_path).resolve() == script.resolve()
            and Path(on_path).parent in session_path_folders()
        ):
            return ["sidebyside"]
        return [str(script.resolve())]
    return [sys.executable, "-m", "sidebyside"]


def session_path_folders() -> set[Path]:
    """Where a desktop session looks for commands whatever the shell that installed."""
    return {
        Path("/usr/bin"),
        Path("/usr/local/bin"),
        Path("/bin"),
        Path.home() / ".local" / "bin",
    }


def _exec_argument(argument: str) -> str:
    """One argument of an Exec key, quoted as the Desktop Entry specification asks, then
    escaped as a string value."""
    if re.fullmatch(r"[A-Za-z0-9_@%+=:,./-]+", argument):
        return argument
    quoted = '"' + re.sub(r'(["`$\\])', r"\\\1", argument) + '"'
    return quoted.replace("\\", "\\\\")


def entry_text(command: list[str]) -> str:
    """The packaged entry with its Exec running `command` (the field codes kept)."""
    text = (desktop_files_dir() / ENTRY_NAME).read_text(encoding="utf-8")
    exec_line = re.search(r"^Exec=(.*)$", text, re.MULTILINE)
    if exec_line is None:
        raise ValueError(f"{ENTRY_NAME} has no Exec line")
    codes = [word for word in exec_line.group(1).split() if word.startswith("%")]
    new = "Exec=" + " ".join([*map(_exec_argument, command), *codes])
    return text[: exec_line.start()] + new + text[exec_line.end() :]


def _read_associations(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",), strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    if path.exists():
        parser.read(path, encoding="utf-8")
    return parser


def _write_associations(parser: configparser.ConfigParser, path: Path) -> None:
    for section in list(parser.sections()):
        if not parser[section]:
            parser.remove_section(section)
    if not parser.sections():
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        parser.write(handle, space_around_delimiters=False)


def _ids(value: str) -> list[str]:
    return [name for name in value.split(";") if name.strip()]


def _associate(parser: configparser.ConfigParser, section: str, kind: str, first: bool) -> None:
    if not parser.has_section(section):
        parser.add_section(section)
    others = [name for name in _ids(parser[section].get(kind, "")) if name != ENTRY_NAME]
    names = [ENTRY_NAME, *others] if first else [*others, ENTRY_NAME]
    parser[section][kind] = ";".join(names) + ";"


def _dissociate(parser: configparser.ConfigParser) -> None:
    for section in (ADDED, DEFAULTS):
        if not parser.has_section(section):
            continue
        for kind in list(parser[section]):
            kept = [name for name in _ids(parser[section][kind]) if name != ENTRY_NAME]
            if kept:
                parser[section][kind] = ";".join(kept) + ";"
            else:
                del parser[section][kind]


def _refresh_caches(result: DesktopFiles) -> None:
    """The MIME cache of the applications folder, when its tool is there. (The user's
    hicolor folder needs no icon cache: without one the icon is looked up directly.)"""
    tool = shutil.which("update-desktop-database")
    if tool is None:
        result.missing_tools.append("update-desktop-database")
        return
    subprocess.run([tool, "-q", str(result.entry.parent)], capture_output=True, timeout=60)
    result.ran.append("update-desktop-database")


def install(command: list[str] | None = None) -> DesktopFiles:
    result = _places()
    command = command if command is not None else launch_command()
    result.command = " ".join(command)
    result.entry.parent.mkdir(parents=True, exist_ok=True)
    result.entry.write_text(entry_text(command), encoding="utf-8")
    result.icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(desktop_files_dir() / f"{APP_ID}.svg", result.icon)
    associations = _read_associations(result.associations)
    for kind in FILE_TYPES:
        _associate(associations, ADDED, kind, first=False)
    _associate(associations, ADDED, SCHEME, first=True)
    _associate(associations, DEFAULTS, SCHEME, first=True)
    _write_associations(associations, result.associations)
    _refresh_caches(result)
    return result


def uninstall() -> DesktopFiles:
    result = _places()
    result.entry.unlink(missing_ok=True)
    result.icon.unlink(missing_ok=True)
    if result.associations.exists():
        associations = _read_associations(result.associations)
        _dissociate(associations)
        _write_associations(associations, result.associations)
    _refresh_caches(result)
    return result


def report_install(result: DesktopFiles) -> str:
    lines = [
        f"Installed {result.entry} (runs: {result.command})",
        f"  icon {result.icon}",
        f"  Open with sidebyside for HTML, PDF, Markdown and EPUB files and the default for "
        f"sidebyside:// links, in {result.associations}",
    ]
    lines += _report_tools(result)
    return "\n".join(lines)


def report_uninstall(result: DesktopFiles) -> str:
    lines = [
        f"Removed {result.entry}, {result.icon} and sidebyside from {result.associations}",
        *_report_tools(result),
    ]
    return "\n".join(lines)


def _report_tools(result: DesktopFiles) -> list[str]:
    lines = [f"  ran {', '.join(result.ran)}"] if result.ran else []
    if result.missing_tools:
        lines.append(
            f"  ({', '.join(result.missing_tools)} not installed: the desktop sees the change "
            "at its next scan or log-in)"
        )
    return lines
