"""The Flatpak manifest cannot be built here (its runtimes come from Flathub), so these
checks read it: its shape, its sandbox (no network, no broad file access) and its Python
modules against pyproject.toml's dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from sidebyside.ui.app import APP_ID

ROOT = Path(__file__).resolve().parents[2]
FLATPAK = ROOT / "packaging" / "flatpak"
MANIFEST = FLATPAK / f"{APP_ID}.yml"
PIP_INSTALL = re.compile(
    r'pip3 install .*--no-index --find-links="file://\$\{PWD\}" .*"([^"=]+)==([^"]+)"'
)


def manifest() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return data


def requirement_modules() -> list[dict[str, Any]]:
    included = manifest()["modules"][0]
    assert included == "python3-requirements.yml"
    data = yaml.safe_load((FLATPAK / included).read_text(encoding="utf-8"))
    modules: list[dict[str, Any]] = data["modules"]
    return modules


def pinned() -> dict[str, str]:
    """canonical name -> version, as the modules install them."""
    found = {}
    for module in requirement_modules():
        match = PIP_INSTALL.search(" ".join(module["build-commands"]))
        assert match, module["name"]
        found[canonicalize_name(match.group(1))] = match.group(2)
    return found


def runtime_requirements() -> list[Requirement]:
    """pyproject's dependencies as the runtime's Python (3.12, Linux) sees them."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    environment = {"python_version": "3.12", "sys_platform": "linux"}
    requirements = [Requirement(text) for text in project["project"]["dependencies"]]
    return [r for r in requirements if r.marker is None or r.marker.evaluate(environment)]


def test_manifest_has_the_keys_flatpak_builder_needs() -> None:
    data = manifest()
    assert data["id"] == APP_ID
    assert data["command"] == "sidebyside"
    assert data["runtime"] == "org.kde.Platform" and data["sdk"] == "org.kde.Sdk"
    assert data["base"] == "io.qt.PySide.BaseApp"
    assert data["base-version"] == data["runtime-version"]
    assert "BASEAPP_REMOVE_WEBENGINE=1" in data["build-options"]["env"]
    assert "/app/cleanup-BaseApp.sh" in data["cleanup-commands"]


def test_base_app_pyside_is_within_the_pyproject_bounds() -> None:
    provided = manifest()["x-provided-by-base"]
    for requirement in runtime_requirements():
        name = canonicalize_name(requirement.name)
        if name in ("pyside6-essentials", "shiboken6"):
            version = str(manifest()["base-version"]) + ".0"
            assert requirement.specifier.contains(version), requirement
        elif name == "numpy":
            assert requirement.specifier.contains(provided["numpy"])


def test_sandbox_has_no_network_and_no_broad_file_access() -> None:
    arguments = manifest()["finish-args"]
    assert not [a for a in arguments if a.startswith("--share=network")]
    assert not [a for a in arguments if a.startswith("--filesystem")]
    for needed in ("--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"):
        assert needed in arguments
    assert "--socket=x11" not in arguments


def test_desktop_file_metainfo_and_icon_install_under_the_app_id() -> None:
    app = manifest()["modules"][-1]
    commands = " ".join(app["build-commands"])
    for source, target in (
        (f"packaging/linux/{APP_ID}.desktop", "share/applications/${FLATPAK_ID}.desktop"),
        (f"packaging/linux/{APP_ID}.metainfo.xml", "share/metainfo/${FLATPAK_ID}.metainfo.xml"),
        (
            f"packaging/linux/{APP_ID}.svg",
            "share/icons/hicolor/scalable/apps/${FLATPAK_ID}.svg",
        ),
    ):
        assert f"{source} ${{FLATPAK_DEST}}/{target}" in commands
        assert (ROOT / source).is_file()


def test_every_python_dependency_is_a_module_within_its_bounds() -> None:
    versions = pinned()
    provided = {canonicalize_name(name) for name in manifest()["x-provided-by-base"]}
    for requirement in runtime_requirements():
        name = canonicalize_name(requirement.name)
        if name in provided:
            assert name not in versions, f"{name} comes from the base app"
            continue
        assert name in versions, f"{requirement.name} has no module"
        assert requirement.specifier.contains(versions[name], prereleases=True), requirement


def test_every_module_downloads_files_with_their_sha256() -> None:
    for module in requirement_modules():
        assert module["sources"], module["name"]
        arches: list[str] = []
        for source in module["sources"]:
            assert source["type"] == "file"
            assert source["url"].startswith("https://files.pythonhosted.org/packages/")
            assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])
            arches += source.get("only-arches", [])
        # a compiled wheel comes for both architectures Flathub builds
        assert arches in ([], ["x86_64", "aarch64"]), module["name"]
