"""Asked for a window where there is no screen, sidebyside says so in one line (Qt would
abort with a paragraph about X11 libraries and status 134)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_window_without_a_screen_is_one_line_and_status_2(tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text("# A title\n\nThe ministry said 40 schools reopened.\n", encoding="utf-8")
    environ = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    environ["SIDEBYSIDE_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-m", "sidebyside", str(article)],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no screen to open a window on" in lines[0]
