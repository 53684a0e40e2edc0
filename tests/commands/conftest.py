"""Fixtures for the command-line tests: the real program in a subprocess, and the window's
starts recorded instead of made."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

RunSidebyside = Callable[..., subprocess.CompletedProcess[str]]


def _run_sidebyside(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real program, offscreen: a window that opens never exits, so the timeout fails it."""
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SIDEBYSIDE_DATA_DIR": str(cwd / "data"),
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "sidebyside", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=60,
    )


@pytest.fixture
def run_sidebyside() -> RunSidebyside:
    """`run_sidebyside(*args, cwd=folder)`: the program run as a user runs it."""
    return _run_sidebyside


@pytest.fixture
def window_runs(monkeypatch: pytest.MonkeyPatch) -> list[argparse.Namespace]:
    """The arguments each start of the window got (the window itself is tested in tests/ui)."""
    from sidebyside.ui import app

    started: list[argparse.Namespace] = []

    def record(args: argparse.Namespace) -> int:
        started.append(args)
        return 0

    monkeypatch.setattr(app, "run_app", record)
    return started
