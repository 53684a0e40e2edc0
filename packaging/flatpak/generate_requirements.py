"""Write python3-requirements.yml: sidebyside's Python dependencies as Flatpak modules, the
way flatpak-pip-generator writes them (pip3 install --no-index from files listed with their
sha256), one module per distribution, dependencies first.

    .venv/bin/python packaging/flatpak/generate_requirements.py

The versions are the ones installed in the running environment (so they satisfy
pyproject.toml); the files and their sha256 come from PyPI's JSON API. PySide6, shiboken6
and numpy are left out: io.qt.PySide.BaseApp provides them. Compiled distributions get
CPython 3.12 wheels for x86_64 and aarch64 (the Python of the KDE runtime the BaseApp is
built on); pure ones a py3-none-any wheel, or the sdist when there is no wheel.
"""

from __future__ import annotations

import functools
import json
import sys
import tomllib
import urllib.request
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUTPUT = HERE / "python3-requirements.yml"
PROVIDED_BY_BASEAPP = {"pyside6-essentials", "shiboken6", "numpy"}
BUILD_ONLY = ["hatchling"]  # sidebyside's build backend, removed after the build
PYTHON = (3, 12)
ARCHES = {"x86_64": "manylinux", "aarch64": "manylinux"}

ENVIRONMENT = default_environment() | {
    "python_version": f"{PYTHON[0]}.{PYTHON[1]}",
    "python_full_version": f"{PYTHON[0]}.{PYTHON[1]}.0",
    "sys_platform": "linux",
    "platform_system": "Linux",
    "platform_machine": "x86_64",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
}


@functools.cache
def pypi(name: str) -> dict:  # type: ignore[type-arg]
    """The project's JSON: every release's files with their sha256, the newest's metadata."""
    with urllib.request.urlopen(f"https://pypi.org/pypi/{name}/json", timeout=30) as response:
        return json.load(response)  # type: ignore[no-any-return]


def requires(name: str, version: str) -> list[str]:
    """What this version needs: from the installed copy's metadata, else PyPI's newest."""
    try:
        if metadata.version(name) == version:
            return metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        pass
    info = pypi(name)["info"]
    if info["version"] != version:
        sys.exit(f"install {name} {version} to read what it needs")
    return info.get("requires_dist") or []


def wanted(requirement: Requirement, extras: set[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(
        requirement.marker.evaluate(ENVIRONMENT | {"extra": extra}) for extra in extras | {""}
    )


def version_of(name: str, requirement: Requirement) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        releases = pypi(name)["releases"]
        good = [v for v in releases if releases[v] and requirement.specifier.contains(v)]
        from packaging.version import Version

        return str(max(good, key=Version))


def closure(roots: list[Requirement]) -> dict[str, tuple[str, str, list[str]]]:
    """canonical name -> (project name, version, canonical names it needs)."""
    found: dict[str, tuple[str, str, list[str]]] = {}
    pending = [(root, set(root.extras)) for root in roots]
    extras_seen: dict[str, set[str]] = {}
    while pending:
        requirement, extras = pending.pop()
        key = canonicalize_name(requirement.name)
        if key in PROVIDED_BY_BASEAPP:
            continue
        if key in found and extras <= extras_seen[key]:
            continue
        extras_seen[key] = extras_seen.get(key, set()) | extras
        version = found[key][1] if key in found else version_of(requirement.name, requirement)
        if not requirement.specifier.contains(version, prereleases=True):
            sys.exit(f"{requirement.name} {version} does not satisfy {requirement}")
        info = pypi(requirement.name)["info"]
        needs = []
        for text in requires(requirement.name, version):
            child = Requirement(text)
            if wanted(child, extras_seen[key]):
                pending.append((child, set(child.extras)))
                needs.append(canonicalize_name(child.name))
        old = found.get(key, (info["name"], version, []))[2]
        found[key] = (info["name"], version, sorted(set(old) | set(needs)))
    return found


def tags_for(arch: str) -> set[Tag]:
    platforms = [f"manylinux_2_{minor}_{arch}" for minor in range(28, 4, -1)]
    platforms += [f"manylinux2014_{arch}", f"manylinux2010_{arch}", f"manylinux1_{arch}"]
    return set(cpython_tags(PYTHON, platforms=platforms)) | set(
        compatible_tags(PYTHON, "cp312", platforms=platforms)
    )


def source(file: dict, **more: object) -> dict:  # type: ignore[type-arg]
    """A file source at its address on PyPI's file host, which is named by the file's
    blake2b-256 (so it is the same whatever index or mirror answered the JSON)."""
    blake = file["digests"]["blake2b_256"]
    url = (
        f"https://files.pythonhosted.org/packages/{blake[:2]}/{blake[2:4]}/{blake[4:]}/"
        + file["filename"]
    )
    return {"type": "file", "url": url, "sha256": file["digests"]["sha256"], **more}


def files_for(name: str, version: str) -> list[dict]:  # type: ignore[type-arg]
    files = pypi(name)["releases"][version]
    wheels = [f for f in files if f["packagetype"] == "bdist_wheel"]
    pure = [f for f in wheels if f["filename"].endswith("-none-any.whl")]
    if pure:
        return [source(pure[0])]
    chosen = []
    for arch in ARCHES:
        tags = tags_for(arch)
        matching = [f for f in wheels if parse_wheel_filename(f["filename"])[3] & tags]
        if not matching:
            chosen = []
            break
        best = matching[0]
        chosen.append(source(best, **{"only-arches": [arch]}))
    if chosen:
        return chosen
    sdists = [f for f in files if f["packagetype"] == "sdist"]
    if not sdists:
        sys.exit(f"no wheel for CPython {PYTHON} and no sdist for {name} {version}")
    return [source(sdists[0])]


def ordered(found: dict[str, tuple[str, str, list[str]]]) -> list[str]:
    """Dependencies before what needs them (a cycle, as lxml[html_clean] and
    lxml_html_clean make, is broken where it is met)."""
    done: list[str] = []
    visiting: set[str] = set()

    def visit(key: str) -> None:
        if key in done or key in visiting or key not in found:
            return
        visiting.add(key)
        for need in found[key][2]:
            visit(need)
        visiting.discard(key)
        done.append(key)

    for key in sorted(found):
        visit(key)
    return done


def module(name: str, version: str, build_only: bool) -> dict:  # type: ignore[type-arg]
    command = (
        'pip3 install --verbose --exists-action=i --no-index --find-links="file://${PWD}" '
        f'--prefix=${{FLATPAK_DEST}} "{name}=={version}" --no-build-isolation'
    )
    entry: dict = {  # type: ignore[type-arg]
        "name": f"python3-{name}",
        "buildsystem": "simple",
        "build-commands": [command],
        "sources": files_for(name, version),
    }
    entry["cleanup"] = ["*"] if build_only else ["/bin", "/share/man/man1"]
    return entry


def main() -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = [r for r in map(Requirement, project["project"]["dependencies"]) if wanted(r, set())]
    found = closure(runtime)
    build = closure([Requirement(name) for name in BUILD_ONLY])
    runtime_keys = set(found)
    found |= {key: value for key, value in build.items() if key not in found}
    modules = [
        module(found[key][0], found[key][1], key not in runtime_keys) for key in ordered(found)
    ]
    import yaml

    header = (
        "# Generated by packaging/flatpak/generate_requirements.py from pyproject.toml and\n"
        "# PyPI's JSON API: do not edit by hand. PySide6, shiboken6 and numpy come from\n"
        "# io.qt.PySide.BaseApp.\n"
    )
    body = {
        "name": "python3-requirements",
        "buildsystem": "simple",
        "build-commands": [],
        "modules": modules,
    }
    OUTPUT.write_text(header + yaml.safe_dump(body, sort_keys=False, width=200), "utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(modules)} modules")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
