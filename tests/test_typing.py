"""Every module of sidebyside passes `mypy --strict` (the settings are in pyproject.toml):
the window's parts call each other through typed interfaces, not shared private fields."""

from __future__ import annotations

from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api", reason="mypy is part of the test extra")

ROOT = Path(__file__).resolve().parents[1]


def test_the_whole_package_is_strictly_typed(tmp_path: Path) -> None:
    out, err, status = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            "--strict",
            str(ROOT / "src" / "sidebyside"),
        ]
    )
    assert status == 0, out + err
