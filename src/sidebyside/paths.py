"""Where sidebyside keeps its data and finds its bundled resources."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "sidebyside"
DATA_DIR_VARIABLE = "SIDEBYSIDE_DATA_DIR"
WORKSPACE_FILENAME = "workspace.sqlite"


def data_dir() -> Path:
    """The folder for the default workspace: $SIDEBYSIDE_DATA_DIR or the platform's."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_workspace_path() -> Path:
    return data_dir() / WORKSPACE_FILENAME


def resources_dir() -> Path:
    """Bundled resources: inside the installed package, or the checkout's `resources/`."""
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "resources"
    if installed.is_dir():
        return installed
    return package_dir.parent.parent / "resources"


def demo_dir() -> Path:
    return resources_dir() / "demo"


def desktop_files_dir() -> Path:
    """The freedesktop entry, metainfo and icon: in the installed package, or the checkout's
    `packaging/linux/`."""
    installed = resources_dir() / "desktop"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent.parent / "packaging" / "linux"
