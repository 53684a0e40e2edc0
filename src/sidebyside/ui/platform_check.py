"""Before the first QApplication: name the system packages Qt's X11 plugin lacks.

Without, say, libxcb-cursor0, Qt prints a paragraph and aborts the process (SIGABRT) as
the application is created, and nothing after it can catch that. So when Qt is going to
use X11 (QT_QPA_PLATFORM unset or `xcb`, and DISPLAY set), the libraries the plugin loads
are looked up first. Only when one seems missing is the plugin tried in a child process
(a library lookup can miss one in an unusual place); if that child fails too, the reader
gets one line naming the packages, and the window is not attempted.
"""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys
from collections.abc import Callable, Mapping

from sidebyside.core.errors import SidebysideError

# The libraries Qt 6's xcb plugin needs that a minimal X system may lack, by their
# Debian/Ubuntu package (Fedora: xcb-util-cursor, xcb-util-wm, xcb-util-keysyms, ...).
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-randr": "libxcb-randr0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "X11-xcb": "libx11-xcb1",
}

PROBE = "from PySide6.QtGui import QGuiApplication; QGuiApplication(['sidebyside'])"


class QtPlatformMissing(SidebysideError):
    """Qt's X11 plugin cannot load: system libraries are missing."""


def uses_x11(environ: Mapping[str, str]) -> bool:
    platform = environ.get("QT_QPA_PLATFORM", "").strip()
    if platform not in ("", "xcb") or not environ.get("DISPLAY"):
        return False
    # Unset on a Wayland session, Qt picks Wayland, which needs none of these.
    return platform == "xcb" or not environ.get("WAYLAND_DISPLAY")


def missing_packages(find: Callable[[str], str | None] = ctypes.util.find_library) -> list[str]:
    return [package for library, package in XCB_LIBRARIES.items() if find(library) is None]


def plugin_loads(environ: Mapping[str, str]) -> bool:
    try:
        result = subprocess.run(
            [sys.executable, "-c", PROBE],
            env=dict(environ),
            capture_output=True,
            timeout=30,
        )
    except subprocess.TimeoutExpired:
        return True  # slow is not missing: let Qt itself try
    return result.returncode == 0


def check_qt_platform(
    environ: Mapping[str, str] | None = None,
    find: Callable[[str], str | None] = ctypes.util.find_library,
) -> None:
    """Raise QtPlatformMissing, with the packages to install, when the X11 plugin would
    abort the process; return quietly otherwise (at once when nothing seems missing)."""
    environ = os.environ if environ is None else environ
    if not uses_x11(environ):
        return
    missing = missing_packages(find)
    if not missing or plugin_loads(environ):
        return
    raise QtPlatformMissing(
        f"Qt cannot open a window on X11 without {', '.join(missing)}: install "
        f"{'it' if len(missing) == 1 else 'them'} (Debian/Ubuntu: sudo apt install "
        f"{' '.join(missing)}), or run with QT_QPA_PLATFORM=wayland or offscreen."
    )
