"""`argmap check`: load the project, run every rule, collect every diagnostic."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.checks.runner import CheckStats, MapCheckKey, MapChecked, run_checks
from argmap.core.diagnostics import Diagnostic, UsageError, count, exit_code_for
from argmap.core.collector import cyclic_gc_paused
from argmap.core.project import DEFAULT_SEEDS, MAP_SUFFIXES, Project, load_project
from argmap.evaluate.evaluations import Evaluations


@dataclass
class CheckResult:
    """What `argmap check` found: the project, its diagnostics, counts, and the evaluations made."""

    project: Project
    diagnostics: list[Diagnostic]
    stats: CheckStats
    evaluations: Evaluations = field(default_factory=Evaluations)  # the maps' evaluations, shared by the checks and every output of the run

    @property
    def errors(self) -> int:
        return count(self.diagnostics).errors

    @property
    def warnings(self) -> int:
        return count(self.diagnostics).warnings

    def exit_code(self, strict: bool = False) -> int:
        return exit_code_for(self.diagnostics, strict)

    @property
    def warnings_about_paths(self) -> list[str]:
        """What the paths given hold that is not a diagnostic of a file: a folder without maps."""
        return [_no_maps_in(folder) for folder in self.project.empty_folders]


def _no_maps_in(folder: Path) -> str:
    return f"no maps found in {folder}"


def check(
    paths: Sequence[Path] | None = None,
    seeds_dir: Path = DEFAULT_SEEDS,
    cache: MutableMapping[MapCheckKey, MapChecked] | None = None,
    unsaved: Mapping[Path, str] | None = None,
    *,
    strict: bool = False,
) -> CheckResult:
    """Check maps (files or folders; default ``maps/``) against the seeds folder. ``cache``
    keeps each map's rule results for the next check of the same project (`argmap serve`,
    `argmap lsp`); ``unsaved`` holds, by resolved path, the text of maps open in an editor,
    checked instead of what their files hold (`argmap lsp`).

    Raises :class:`argmap.core.diagnostics.UsageError` when the command cannot run (a missing
    path; with ``strict``, a folder without maps: a CI job pointed at the wrong folder would
    otherwise pass having checked nothing).
    """
    with cyclic_gc_paused():  # validation and the rules build as many objects as parsing
        project, problems = load_project(paths, seeds_dir, unsaved)
        if strict and project.empty_folders:
            raise UsageError(_no_maps_in(project.empty_folders[0]),
                             f"name the folder that holds the maps ({', '.join('*' + s for s in MAP_SUFFIXES)}), or map files")
        evaluations = Evaluations(project.registered)
        found, stats = run_checks(project, evaluations, cache)
    diagnostics = sorted(set(problems + found), key=lambda d: (d.path, d.line, d.column, d.code, d.message))
    return CheckResult(project, diagnostics, stats, evaluations)
