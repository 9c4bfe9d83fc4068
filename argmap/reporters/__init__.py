"""Reporters turn what a command found into text for people, editors, CI or dashboards.

Each reporter is a class with a ``name`` and a method per kind of outcome (:mod:`.base`); they
are looked up by name in :data:`REPORTERS`, so a new output format is a new class, not a new
branch. Those that can also show an evaluation are `argmap eval`'s ``--format`` choices.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module

from argmap.reporters.base import EvaluationReporter, Reporter


class _Reporters(Mapping[str, "type[Reporter]"]):
    """Reporter classes by name, each imported when first looked up: the names are the options'
    choices at start-up, and a command loads only the reporter it reports with."""

    def __init__(self, classes: dict[str, str]) -> None:
        self._classes = classes  # name -> "module.Class"

    def __getitem__(self, name: str) -> type[Reporter]:
        module, _, cls = self._classes[name].rpartition(".")
        return getattr(import_module(module), cls)

    def __iter__(self) -> Iterator[str]:
        return iter(self._classes)

    def __len__(self) -> int:
        return len(self._classes)


REPORTERS: Mapping[str, type[Reporter]] = _Reporters({
    "text": "argmap.reporters.text.TextReporter", "json": "argmap.reporters.json.JsonReporter",
    "github": "argmap.reporters.github.GithubReporter", "sarif": "argmap.reporters.sarif.SarifReporter"})
# The reporters whose class can also show an evaluation (a test keeps this true)
EVALUATION_FORMATS: tuple[str, ...] = ("text", "json")


def get_reporter(name: str) -> Reporter:
    return REPORTERS[name]()


def get_evaluation_reporter(name: str) -> EvaluationReporter:
    reporter = get_reporter(name)
    assert hasattr(reporter, "evaluation"), name
    return reporter  # type: ignore[return-value]
