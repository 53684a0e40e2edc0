"""Fixtures for window tests: a real workspace file and a real window, offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from sidebyside.operations import ArticleSession
from sidebyside.ui.app import open_window
from sidebyside.ui.main_window import MainWindow
from sidebyside.ui.settings import Settings

ARTICLE_TEXT = """# Borrowed army

The Observatory said an estimated 240 civilians were killed in the raid.

Meridian Press reported that the contractor is paid $9.6 million a month.

This sentence is ordinary prose about the weather in the capital.
"""

SOURCE_TEXT = """Observatory report

Researchers found that an estimated 240 civilians were killed during the raid on the market town.

The group interviewed 58 people, 37 of them witnesses.
"""


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def article_files(tmp_path: Path) -> tuple[Path, Path]:
    article = tmp_path / "article.md"
    article.write_text(ARTICLE_TEXT, encoding="utf-8")
    source = tmp_path / "report.txt"
    source.write_text(SOURCE_TEXT, encoding="utf-8")
    return article, source


@pytest.fixture
def open_main_window(
    qtbot, workspace_path: Path, settings: Settings
) -> Iterator[Callable[..., MainWindow]]:  # type: ignore[no-untyped-def]
    """Opens a window the way the app does; closes it and its workspace afterwards."""
    opened: list[tuple[MainWindow, ArticleSession]] = []

    def factory(files: list[Path] | None = None) -> MainWindow:
        session = ArticleSession.open(workspace_path)
        window = open_window(session, files or [], settings=settings)
        qtbot.addWidget(window)
        window.show()
        opened.append((window, session))
        return window

    yield factory
    for window, session in opened:
        if window.isVisible():
            window.close()
        session.close()
