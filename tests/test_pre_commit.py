"""The hooks this repository offers (.pre-commit-hooks.yaml), run by pre-commit itself with
`pre-commit try-repo` on a project made by `argmap init`: pre-commit builds its own environment and
pip-installs argmap from the repository, as it does for a user (from PyPI's packages, at the
lock's versions; about 40 s the first time, then the environment is reused)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from action_support import copy_of_argmap
from argmap.authoring.starter import init_project
from conftest import REPO
from test_diff import GIT_IDENTITY, edit, git

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def committed(folder: Path) -> Path:
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "start")
    return folder


def test_try_repo_passes_a_new_project_and_fails_a_misquote_at_its_line(tmp_path):
    argmap_repo = committed(copy_of_argmap(tmp_path / "argmap"))  # one revision: its environment is made once
    project = tmp_path / "project"
    init_project(project)
    committed(project)
    env = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env |= GIT_IDENTITY | {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PIP_DISABLE_PIP_VERSION_CHECK": "1",
                           "PIP_CONSTRAINT": str(REPO / "requirements.lock"), "PRE_COMMIT_COLOR": "never"}

    def try_repo() -> subprocess.CompletedProcess:
        return subprocess.run([PRE_COMMIT, "try-repo", argmap_repo, "argmap-check", "--all-files"], cwd=project,
                              env=env, capture_output=True, text=True, timeout=600)

    passed = try_repo()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "argmap check....." in passed.stdout and passed.stdout.rstrip().endswith("Passed")
    edit(project / "maps" / "example.yaml", ("quote: Visits on Sundays averaged 410 a day", "quote: Visits on Sundays averaged 510 a day"))
    failed = try_repo()
    assert failed.returncode == 1
    assert "Failed" in failed.stdout and "maps/example.yaml:" in failed.stdout and "error AM501" in failed.stdout
