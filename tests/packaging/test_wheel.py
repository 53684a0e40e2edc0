"""The wheel installs into a fresh virtual environment with its declared requirements
only (`--no-deps`, then exactly its Requires-Dist) and works there: every subcommand, a
saved web page read, the demo's screenshot, the desktop entry.

Built once and installed once for the module (about a minute, most of it pip); each test
then runs the installed `sidebyside` from a folder outside the checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from email.parser import Parser
from pathlib import Path

import pytest

from sidebyside import __version__
from sidebyside.cli import SUBCOMMANDS

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(900)  # the first test waits for the build and the install


@dataclass(frozen=True)
class Installed:
    wheel: Path
    bin: Path
    home: Path
    how: str  # "index", or why the project's packages were used instead


def _run(
    *command: str | Path, timeout: int = 600, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        timeout=timeout,
        **kwargs,  # type: ignore[call-overload]
    )


def _requirements(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(name).decode("utf-8"))
    return [req for req in metadata.get_all("Requires-Dist") or [] if "extra ==" not in req]


def _index_reachable(pip: Path, folder: Path) -> bool:
    probe = _run(pip, "download", "--no-deps", "--dest", folder, "peewee", timeout=120)
    return probe.returncode == 0


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    work = tmp_path_factory.mktemp("wheel")
    built = _run(sys.executable, "-m", "build", "--wheel", "--outdir", work / "dist", ROOT)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (wheel,) = (work / "dist").glob("*.whl")
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / "bin"
    pip = bin_dir / "pip"
    how = "index"
    if _index_reachable(pip, work / "probe"):
        step = _run(pip, "install", "--quiet", *_requirements(wheel))
        assert step.returncode == 0, step.stderr[-3000:]
    else:
        # No package index here: the project's own venv lends its installed packages through
        # a .pth file (a venv made with --system-site-packages from a venv's python sees the
        # base interpreter's packages, not the project's). Only the wheel is installed.
        how = "package index unreachable: requirements taken from the project's venv"
        site = next((env_dir / "lib").glob("python*/site-packages"))
        (site / "project-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    step = _run(pip, "install", "--quiet", "--no-deps", wheel)
    assert step.returncode == 0, step.stderr[-3000:]
    home = work / "home"
    home.mkdir()
    yield Installed(wheel, bin_dir, home, how)


def run_installed(
    installed: Installed, *args: str, timeout: int = 180, on_path: bool = True
) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("VIRTUAL_ENV", "PYTHONPATH", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env.update(
        PATH=f"{installed.bin}:/usr/bin:/bin" if on_path else "/usr/bin:/bin",
        QT_QPA_PLATFORM="offscreen",
        SIDEBYSIDE_DATA_DIR=str(installed.home / "data"),
        XDG_CONFIG_HOME=str(installed.home / "config"),
        XDG_DATA_HOME=str(installed.home / "share"),
    )
    return _run(installed.bin / "sidebyside", *args, timeout=timeout, env=env, cwd=installed.home)


def test_the_wheel_carries_its_version_and_data_files(installed: Installed) -> None:
    assert installed.wheel.name.startswith(f"sidebyside-{__version__}-")
    with zipfile.ZipFile(installed.wheel) as archive:
        names = set(archive.namelist())
    for needed in (
        "sidebyside/resources/demo/article.md",
        "sidebyside/resources/demo/demo.json",
        "sidebyside/resources/icons/sidebyside.svg",
        "sidebyside/resources/desktop/io.github.sidebyside.SideBySide.desktop",
        "sidebyside/resources/desktop/io.github.sidebyside.SideBySide.svg",
    ):
        assert needed in names


def test_the_installed_copy_is_the_wheel_not_the_checkout(installed: Installed) -> None:
    result = _run(
        installed.bin / "python",
        "-c",
        "import sidebyside; print(sidebyside.__file__)",
        cwd=installed.home,
    )
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).is_relative_to(installed.bin.parent), installed.how


def test_version(installed: Installed) -> None:
    result = run_installed(installed, "--version")
    assert result.stdout.strip() == f"sidebyside {__version__}", result.stderr


def test_every_subcommand_has_help(installed: Installed) -> None:
    for name in SUBCOMMANDS:
        result = run_installed(installed, name, "--help")
        assert result.returncode == 0 and "usage: sidebyside" in result.stdout, (
            name + ": " + result.stderr[-2000:]
        )


def test_text_of_a_saved_web_page(installed: Installed) -> None:
    """trafilatura reads the page, and its justext imports lxml.html.clean: the import a
    pip that skips the lxml[html_clean] extra leaves broken."""
    page = installed.home / "page.html"
    page.write_text(
        "<!doctype html><html><head><title>Harbour report</title></head><body><nav>Home | "
        "News</nav><article><h1>Harbour dredging finished</h1><p>The port authority said "
        "the dredging of the north basin ended on Tuesday, two weeks late, after crews "
        "removed 41,000 cubic metres of silt.</p><p>Ferries will use the new berth from "
        "next month, the authority added.</p></article></body></html>",
        encoding="utf-8",
    )
    result = run_installed(installed, "text", str(page))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "41,000 cubic metres of silt" in result.stdout


def test_screenshot_of_the_demo(installed: Installed) -> None:
    out = installed.home / "demo.png"
    result = run_installed(installed, "--screenshot", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000


def test_install_desktop_runs_the_installed_script(installed: Installed) -> None:
    entry = installed.home / "share" / "applications" / "io.github.sidebyside.SideBySide.desktop"

    def exec_line() -> str:
        return next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))

    # a virtual environment, on PATH in this shell or not: a file manager's session does
    # not have it on its PATH, so the entry names the script itself
    for on_path in (True, False):
        result = run_installed(installed, "--install-desktop", on_path=on_path)
        assert result.returncode == 0, result.stderr
        assert exec_line() == f"Exec={installed.bin / 'sidebyside'} %U"
