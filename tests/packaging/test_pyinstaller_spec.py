"""The PyInstaller spec bundles what the app imports and reads, and no Qt module it does not
use. Building takes minutes, so `make bundle-check` builds and runs it; these checks read the
spec's lists without running PyInstaller."""

from __future__ import annotations

import ast
import importlib.util
import keyword
import re
import tomllib
from pathlib import Path

import PySide6

from sidebyside.cli import SUBCOMMANDS

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "pyinstaller" / "sidebyside.spec"
LISTS = ("QT_MODULES", "QT_EXCLUDES", "OTHER_EXCLUDES", "HIDDEN_IMPORTS", "DATA_PACKAGES")


def spec_lists() -> dict[str, list[str]]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    found: dict[str, list[str]] = {}
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else None
        if isinstance(target, ast.Name) and target.id in LISTS:
            found[target.id] = ast.literal_eval(node.value)  # type: ignore[union-attr]
    return found


def qt_modules_the_app_imports() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "src" / "sidebyside").rglob("*.py"):
        names.update(re.findall(r"\bPySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return {f"PySide6.{name}" for name in names}


def test_spec_is_python_and_names_its_lists() -> None:
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")
    assert set(spec_lists()) == set(LISTS)


def test_spec_bundles_exactly_the_qt_modules_the_app_imports() -> None:
    lists = spec_lists()
    used = qt_modules_the_app_imports()
    assert used == set(lists["QT_MODULES"])
    assert not used & set(lists["QT_EXCLUDES"])


def test_spec_excludes_the_heavy_qt_modules() -> None:
    excluded = set(spec_lists()["QT_EXCLUDES"])
    for name in ("QtWebEngineCore", "QtWebEngineWidgets", "QtQml", "QtQuick", "Qt3DCore"):
        assert f"PySide6.{name}" in excluded
    assert {"PySide6.QtMultimedia", "PySide6.QtPdf", "PySide6.QtCharts"} <= excluded


def test_every_other_qt_module_the_installed_pyside6_ships_is_excluded() -> None:
    """A newer PySide6 wheel with a new module fails here until the spec names it."""
    package = Path(PySide6.__file__).parent
    shipped = {
        f"PySide6.{path.name.split('.')[0]}"
        for path in package.iterdir()
        if path.name.startswith("Qt") and path.suffix in (".so", ".pyd")
    }
    lists = spec_lists()
    assert shipped - set(lists["QT_MODULES"]) <= set(lists["QT_EXCLUDES"])


def test_hidden_imports_and_data_packages_exist() -> None:
    lists = spec_lists()
    for name in lists["HIDDEN_IMPORTS"] + lists["QT_MODULES"] + lists["DATA_PACKAGES"]:
        assert importlib.util.find_spec(name) is not None, name


def test_every_subcommand_is_bundled() -> None:
    """cli.py imports the subcommands by name, which PyInstaller's analysis cannot follow:
    the spec takes every module of the package, and each subcommand has its module there."""
    assert 'collect_submodules("sidebyside")' in SPEC.read_text(encoding="utf-8")
    for name in SUBCOMMANDS:
        module = f"sidebyside.commands.{name.replace('-', '_')}"
        module += "_" if keyword.iskeyword(name) else ""
        assert importlib.util.find_spec(module) is not None, name


def test_make_bundle_installs_pyinstaller_through_the_bundle_extra() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extra = project["project"]["optional-dependencies"]["bundle"]
    assert any(requirement.lower().startswith("pyinstaller") for requirement in extra)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert ".[bundle]" in makefile and "packaging/pyinstaller/sidebyside.spec" in makefile
    assert re.search(r"^bundle-check: bundle$", makefile, re.MULTILINE)
    test_recipe = re.search(r"^test:.*\n((?:\t.*\n)*)", makefile, re.MULTILINE)
    assert test_recipe and "pyinstaller" not in test_recipe.group(1)
