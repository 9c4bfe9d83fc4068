"""The release as a user gets it: the wheel and sdist of `python -m build`, the wheel installed
without dev extras in a clean virtual environment, and argmap run from there.

    .venv/bin/python scripts/install_check.py     # `make install-check`, part of `make test`

Builds the sdist, then the wheel from the sdist (as `python -m build` does), from a copy of the
checkout (so nothing is left in it, and nothing stale is packaged); checks that both hold every
file of the package and that their version is argmap's; installs the wheel with the versions of
requirements.lock; then runs the installed argmap: --version, schema, the demo (`build` over
maps/), check --strict maps/, and on a new `argmap init` project check, build, docx and source
add (a web page, a PDF). Every module must import there too. Prints one line, or on a failure
the step, its command and its output. The build's own environment takes setuptools and wheel at
the lock's versions, from pip's cache once `make` has installed the development environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import re
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
NOT_PACKAGED = ("__pycache__",)  # what the wheel need not hold of the package folder
PAGE = """<!doctype html><html lang="en"><head><title>Ferry timetable</title></head><body>
<article><h1>Ferry timetable</h1><p>The ferry crosses the strait every forty minutes from six in the
morning until ten at night, and the crossing takes twenty-five minutes in calm weather.</p>
<p>In winter storms the service stops, sometimes for two days, and the island waits for it.</p>
</article></body></html>
"""
IMPORT_EVERY_MODULE = """
import importlib, pkgutil, argmap
for module in pkgutil.walk_packages(argmap.__path__, "argmap."):
    if not module.name.endswith(".__main__"):  # running it would run the CLI
        importlib.import_module(module.name)
"""


class StepFailed(Exception):
    pass


def run(step: str, command: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise StepFailed(f"{step}: exit {done.returncode}\n$ {' '.join(map(str, command))}\n{done.stdout}{done.stderr}")
    return done.stdout


def copy_checkout(target: Path) -> None:
    """The files a clone would have (untracked ones not ignored included), or, outside git, the folder."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True)
    if listed.returncode != 0:
        shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".git", ".venv*", "build", "site", "*.egg-info"))
        return
    for name in filter(None, listed.stdout.decode().split("\0")):
        if (ROOT / name).is_file():  # a file deleted but not yet staged is still listed
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)


def package_files(source: Path) -> set[str]:
    """Every file of the package folder, as a path from the checkout's top."""
    package = source / "argmap"
    return {p.relative_to(source).as_posix() for p in package.rglob("*")
            if p.is_file() and not set(NOT_PACKAGED) & set(p.relative_to(package).parts)}


def missing_from_wheel(wheel: Path, source: Path) -> list[str]:
    return sorted(package_files(source) - set(zipfile.ZipFile(wheel).namelist()))


def missing_from_sdist(sdist: Path, source: Path) -> list[str]:
    """The package's files, the metadata and the schemas, none left out of the sdist (whose
    members sit under one folder, argmap-VERSION/)."""
    with tarfile.open(sdist) as archive:
        held = {name.partition("/")[2] for name in archive.getnames()}
    wanted = package_files(source) | {"pyproject.toml", "README.md", "CHANGELOG.md"}
    wanted |= {p.relative_to(source).as_posix() for p in (source / "schema").glob("*.json")}
    return sorted(wanted - held)


def declared_version(source: Path) -> str:
    """argmap.__version__, the one place the version is written (pyproject.toml reads it)."""
    found = re.search(r'^__version__ = "([^"]+)"$', (source / "argmap" / "__init__.py").read_text(encoding="utf-8"), re.M)
    if found is None:
        raise StepFailed("argmap/__init__.py sets no __version__")
    return found[1]


def example_pdf(path: Path, tests: Path) -> Path:
    """A two-page PDF, written by the tests' own PDF writer (standard library only)."""
    sys.path.insert(0, str(tests))
    from pdf_support import write_pdf

    return write_pdf(path, [["The ferry crosses every forty minutes."], ["Storms stop it."]])


def check(work: Path) -> str:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"PIP_CONSTRAINT": str(LOCK), "PIP_DISABLE_PIP_VERSION_CHECK": "1", "GITHUB_ACTIONS": ""}
    source, dist, venv, project = work / "source", work / "dist", work / "venv", work / "project"
    copy_checkout(source)
    # no pip inside: this interpreter's pip installs into it (quicker, and the environment holds
    # only argmap and what it needs)
    run("create the environment", [sys.executable, "-m", "venv", "--without-pip", venv], work, env)
    pip, argmap = [sys.executable, "-m", "pip"], venv / "bin" / "argmap"
    run("build the sdist and the wheel (python -m build)", [sys.executable, "-m", "build", "--outdir", dist, source],
        work, env)
    version = declared_version(source)
    wheel, sdist = dist / f"argmap-{version}-py3-none-any.whl", dist / f"argmap-{version}.tar.gz"
    if not wheel.is_file() or not sdist.is_file():
        raise StepFailed(f"python -m build wrote {sorted(p.name for p in dist.iterdir())}, "
                         f"not {wheel.name} and {sdist.name}: is the version read from argmap.__version__?")
    for archive, missing in ((wheel, missing_from_wheel(wheel, source)), (sdist, missing_from_sdist(sdist, source))):
        if missing:
            raise StepFailed(f"{archive.name} lacks files (add them to [tool.setuptools.package-data] or MANIFEST.in): "
                             f"{', '.join(missing)}")
    run("install the wheel", [*pip, "--python", venv / "bin" / "python", "install", wheel], work, env)
    if f"argmap {version}" not in run("argmap --version", [argmap, "--version"], work, env):
        raise StepFailed(f"argmap --version does not say {version}")
    run("import every module", [venv / "bin" / "python", "-c", IMPORT_EVERY_MODULE], work, env)
    for option, schema in (([], "argmap.schema.json"), (["--sources"], "sources.schema.json")):
        printed = run("argmap schema", [argmap, "schema", *option], work, env)
        if printed != (source / "schema" / schema).read_text(encoding="utf-8"):
            raise StepFailed(f"argmap schema {' '.join(option)} differs from schema/{schema}")
    run("the demo: argmap build over maps/", [argmap, "build", "-o", work / "demo"], source, env)
    if not (work / "demo" / "index.html").is_file():
        raise StepFailed("the demo wrote no site")
    run("argmap check --strict maps/", [argmap, "check", "--strict", "maps/"], source, env)
    run("argmap init", [argmap, "init", project], work, env)
    run("argmap check --strict (init's project)", [argmap, "check", "--strict"], project, env)
    run("argmap build (init's project)", [argmap, "build", "-o", "site"], project, env)
    run("argmap docx (init's project)", [argmap, "docx", "maps", "-o", "word"], project, env)
    if not (project / "site" / "index.html").is_file() or not list((project / "word").glob("*.docx")):
        raise StepFailed("argmap build or docx wrote no site or Word file")
    (work / "page.html").write_text(PAGE, encoding="utf-8")
    run("argmap source add (a web page)", [argmap, "source", "add", work / "page.html", "--id", "timetable"], project, env)
    pdf = example_pdf(work / "report.pdf", source / "tests")
    run("argmap source add (a PDF)", [argmap, "source", "add", pdf, "--id", "report"], project, env)
    return version


def main() -> int:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="argmap-install-check-") as work:
        try:
            version = check(Path(work))
        except StepFailed as failure:
            print(f"install-check failed: {failure}", file=sys.stderr)
            return 1
    print(f"install-check: the argmap {version} sdist and wheel (python -m build) hold every file; the wheel, "
          f"installed without dev extras in a clean environment, runs --version, schema, the demo, check, init, build, "
          f"docx and source add ({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
