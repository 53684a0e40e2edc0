"""Guard against the PySide6 6.12.0 + Python 3.11 crash ("Fatal Python error: none_dealloc").

That combination aborts after tens of thousands of calls to Qt methods that
return None, which sidebyside makes whenever it paints highlights. The
dependency bounds in pyproject.toml keep users off it; these tests fail if the
installed combination can still hit it.
"""

from __future__ import annotations

import subprocess
import sys

import PySide6

MANY_NONE_RETURNING_CALLS = """
from PySide6.QtGui import QGuiApplication, QTextCursor, QTextDocument
app = QGuiApplication([])
document = QTextDocument()
document.setPlainText("sidebyside " * 2000)
cursor = QTextCursor(document)
for index in range(150_000):
    cursor.setPosition(index % 20_000)
    cursor.clearSelection()
print("survived")
"""


def test_installed_pyside_is_not_the_known_crashing_combination() -> None:
    version = tuple(int(part) for part in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert version < (6, 12), (
            f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]} "
            "aborts with none_dealloc; pyproject must keep Python 3.11 on PySide6 < 6.12"
        )


def test_many_calls_to_none_returning_qt_methods_do_not_abort() -> None:
    result = subprocess.run(
        [sys.executable, "-c", MANY_NONE_RETURNING_CALLS],
        capture_output=True,
        text=True,
        timeout=240,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout
