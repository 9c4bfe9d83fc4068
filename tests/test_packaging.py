"""What `pip install /path/to/argmap` installs: every distribution argmap's code imports is one of
its declared dependencies (a plain install, without the dev extras, has nothing else), each
declared one is used, and the lock pins all of them and theirs.

`make install-check` (part of `make test`) then proves it on a real wheel in a clean environment."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution, packages_distributions

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
LOCK = REPO / "requirements.lock"

# Declared although argmap never imports them, and why.
NOT_IMPORTED = {
    "lxml-html-clean": "trafilatura imports it, and with lxml 5.2 and later no longer pulls it in itself",
}


def declared(requirements: list[str]) -> set[str]:
    return {canonicalize_name(Requirement(text).name) for text in requirements}


def imported_top_level_modules() -> dict[str, set[str]]:
    """Each top-level module that argmap's code imports, anywhere (lazy imports in functions too),
    with the files importing it; the standard library and argmap itself left out."""
    found: dict[str, set[str]] = {}
    for path in sorted((REPO / "argmap").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.partition(".")[0]
                if top not in sys.stdlib_module_names and top != "argmap":
                    found.setdefault(top, set()).add(str(path.relative_to(REPO)))
    return found


def imported_distributions() -> dict[str, set[str]]:
    """The distributions providing argmap's imports, each with the modules it provides."""
    providers = packages_distributions()
    found: dict[str, set[str]] = {}
    for module in imported_top_level_modules():
        for name in providers.get(module, [f"(no installed distribution provides {module!r})"]):
            found.setdefault(canonicalize_name(name), set()).add(module)
    return found


def test_the_walk_finds_imports_at_the_top_and_inside_functions():
    modules = imported_top_level_modules()
    assert "argmap/core/load.py" in modules["yaml_rs"]  # at the top of a module
    assert modules["trafilatura"] == {"argmap/sources/capture.py"}  # only inside a function
    assert not {"os", "argmap", "__future__"} & modules.keys()


def test_every_distribution_argmap_imports_is_a_declared_dependency():
    modules = imported_top_level_modules()
    undeclared = {name: sorted(f for m in provided for f in modules[m])
                  for name, provided in imported_distributions().items()
                  if name not in declared(PYPROJECT["dependencies"])}
    assert undeclared == {}, "imported by argmap but not in [project].dependencies of pyproject.toml"


def test_every_declared_dependency_is_imported_or_says_why_not():
    unused = declared(PYPROJECT["dependencies"]) - imported_distributions().keys()
    assert unused == set(NOT_IMPORTED), "declared in [project].dependencies but never imported by argmap"


def test_the_lock_pins_every_distribution_argmap_and_its_dev_tools_install():
    pinned = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pinned[canonicalize_name(name)] = version
    wanted = [Requirement(text) for text in PYPROJECT["dependencies"] + PYPROJECT["optional-dependencies"]["dev"]]
    seen: dict[str, str] = {}
    while wanted:
        requirement = wanted.pop()
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        try:
            seen[name] = distribution(name).version
        except PackageNotFoundError:
            seen[name] = "(not installed)"
            continue
        for text in distribution(name).requires or []:
            needed = Requirement(text)
            extras = [""] + sorted(requirement.extras)
            if needed.marker is None or any(needed.marker.evaluate({"extra": extra}) for extra in extras):
                wanted.append(needed)
    assert {name: version for name, version in seen.items() if pinned.get(name) != version} == {}, \
        "installed at a version requirements.lock does not pin: run make lock (or make again after editing it)"


def test_the_version_is_written_once_and_the_changelog_describes_it():
    import re

    import argmap

    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"] and pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "argmap.__version__"}
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\](?: - (\d{4}-\d{2}-\d{2}))?$", changelog, re.MULTILINE)
    assert released and released[0][0] == argmap.__version__, "CHANGELOG.md's newest release is not argmap.__version__"
    assert "## [Unreleased]" in changelog  # Keep a Changelog: where the next changes go
