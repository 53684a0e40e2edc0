"""`sidebyside --screenshot`: the picture of the window a person would see, then exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage


def run_sidebyside(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SIDEBYSIDE_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "sidebyside", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )


def test_screenshot_of_the_demo_shows_highlighted_passages(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = run_sidebyside("--screenshot", str(out), "--claim", "2", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() >= 1200 and image.height() >= 750
    # the matched passage is painted in the passage colour somewhere in the picture
    passage_green = (0xB7, 0xEB, 0xC6)
    found = any(
        image.pixelColor(x, y).getRgb()[:3] == passage_green
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    )
    assert found, "no highlighted source passage in the screenshot"
    assert (tmp_path / "data" / "workspace.sqlite").exists()


def test_a_second_start_on_stored_passages_takes_its_screenshot(tmp_path: Path) -> None:
    """The first claim's stored passages are painted while the article loads, before the
    screenshot starts waiting for them: it must not wait for a signal already sent."""
    data = tmp_path / "data"
    assert run_sidebyside("--screenshot", str(tmp_path / "one.png"), data_dir=data).returncode == 0
    again = run_sidebyside("--screenshot", str(tmp_path / "two.png"), data_dir=data)
    assert again.returncode == 0, again.stderr
    assert QImage(str(tmp_path / "two.png")).width() >= 1200


def test_screenshot_of_given_files(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Rains\n\nThe agency reported that 40 villages were flooded last week.\n", encoding="utf-8"
    )
    source = tmp_path / "agency.txt"
    source.write_text(
        "Agency bulletin\n\nForty villages were flooded last week.\n", encoding="utf-8"
    )
    out = tmp_path / "shot.png"
    result = run_sidebyside("--screenshot", str(out), str(article), str(source), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() >= 1200


def test_a_file_that_cannot_be_read_exits_with_status_2(tmp_path: Path) -> None:
    result = run_sidebyside(
        "export", "--workspace", str(tmp_path / "missing.sqlite"), data_dir=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr.startswith("sidebyside: ") and "Traceback" not in result.stderr


def test_a_screenshot_with_no_display_draws_offscreen(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["SIDEBYSIDE_DATA_DIR"] = str(tmp_path / "data")
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "sidebyside", "--screenshot", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    assert result.returncode == 0, result.stderr  # it aborted with status 134 before
    assert QImage(str(out)).width() >= 1200
