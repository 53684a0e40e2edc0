"""A missing X library Qt's xcb plugin needs is named in one line instead of an abort."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from sidebyside.ui.platform_check import missing_packages, uses_x11


def test_x11_is_checked_only_when_qt_would_use_it() -> None:
    assert uses_x11({"DISPLAY": ":0"})
    assert uses_x11({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "w"})
    assert not uses_x11({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"})
    assert not uses_x11({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"})
    assert not uses_x11({"QT_QPA_PLATFORM": "xcb"})


def test_missing_libraries_are_named_by_their_package() -> None:
    found = {"xcb-cursor": None, "xkbcommon-x11": None}
    assert missing_packages(lambda name: found.get(name, f"lib{name}.so")) == [
        "libxcb-cursor0",
        "libxkbcommon-x11-0",
    ]
    assert missing_packages(lambda name: f"lib{name}.so") == []


def test_a_plugin_that_cannot_load_ends_in_one_line_not_an_abort() -> None:
    """Qt is really tried on an X display that is not there, in a child process, with
    libxcb-cursor looked up as missing: the launch ends with status 2 and one line naming
    the package, where Qt alone aborts with a paragraph."""
    script = textwrap.dedent(
        """
        import sys
        from sidebyside.core.errors import SidebysideError
        from sidebyside.ui.platform_check import check_qt_platform
        try:
            check_qt_platform(find=lambda name: None if name == "xcb-cursor" else "found")
        except SidebysideError as error:
            print(f"sidebyside: {error}", file=sys.stderr)
            sys.exit(2)
        """
    )
    env = {key: value for key, value in os.environ.items() if key != "WAYLAND_DISPLAY"}
    env.update(DISPLAY=":93", QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1
    assert "libxcb-cursor0" in result.stderr and "apt install libxcb-cursor0" in result.stderr
