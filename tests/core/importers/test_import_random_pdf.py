"""Random bytes named .pdf are called binary, not text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from sidebyside.core.errors import UnsupportedFormat
from sidebyside.core.importers import import_file


def test_random_bytes_named_pdf_are_reported_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(random.Random(4).randbytes(3000))
    with pytest.raises(UnsupportedFormat, match="binary data"):
        import_file(path)
