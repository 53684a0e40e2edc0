"""Fixtures that write small documents of each format into tmp_path."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pdf_files import PdfLine, page_of_paragraphs, pdf_bytes


@pytest.fixture
def make_pdf() -> Callable[..., bytes]:
    return pdf_bytes


@pytest.fixture
def page_layout() -> Callable[..., list[PdfLine]]:
    return page_of_paragraphs
