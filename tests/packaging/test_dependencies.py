"""Every module the package imports comes from a distribution pyproject.toml names itself.

A dependency that only arrives through another package's extra (justext's
`lxml[html_clean]`) is missing after an install by an older pip; naming every imported
distribution directly makes the wheel install right with any pip >= 21.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "sidebyside"

# Imported by a library we call, never by us, yet needed at run time: declared on purpose.
NEEDED_BY_WHAT_WE_CALL = {
    "lxml-html-clean": "trafilatura's justext imports lxml.html.clean (an extra older pips skip)",
}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_requirements() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_normal(re.match(r"[A-Za-z0-9._-]+", line)[0]) for line in project["dependencies"]}  # type: ignore[index]


def imported_top_level_modules() -> dict[str, Path]:
    """Each top-level module named by an absolute import anywhere in the package (also the
    imports inside functions), with a file that imports it."""
    found: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], path)
    return found


def test_every_imported_distribution_is_declared() -> None:
    declared = declared_requirements()
    distributions = importlib.metadata.packages_distributions()
    undeclared = []
    for module, path in imported_top_level_modules().items():
        if module in sys.stdlib_module_names or module in ("sidebyside", "__future__"):
            continue
        names = {_normal(name) for name in distributions.get(module, [])}
        assert names, f"{module} (imported in {path.relative_to(ROOT)}) is not installed"
        if not names & declared:
            undeclared.append(f"{module} from {sorted(names)} in {path.relative_to(ROOT)}")
    assert not undeclared, "imported but not in pyproject dependencies: " + "; ".join(undeclared)


def test_lxml_html_clean_is_named_directly() -> None:
    declared = declared_requirements()
    for name in NEEDED_BY_WHAT_WE_CALL:
        assert name in declared, NEEDED_BY_WHAT_WE_CALL[name]


def test_every_declared_distribution_is_used() -> None:
    """No stale requirement: each declared distribution is imported by us, or named above."""
    distributions = importlib.metadata.packages_distributions()
    provided = {
        _normal(name)
        for module in imported_top_level_modules()
        for name in distributions.get(module, [])
    }
    unused = declared_requirements() - provided - set(NEEDED_BY_WHAT_WE_CALL)
    assert not unused, f"declared but never imported: {sorted(unused)}"
