"""Shared fixtures: every test gets its own data folder, workspace file and settings file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Before anything imports Qt: headless, and no test reads or writes the user's settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="sidebyside-test-config-")

import pytest

from sidebyside.store import Workspace


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("SIDEBYSIDE_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    return tmp_path / "workspace.sqlite"


@pytest.fixture
def workspace(workspace_path: Path):  # type: ignore[no-untyped-def]
    opened = Workspace.open(workspace_path)
    yield opened
    opened.close()
