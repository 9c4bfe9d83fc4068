"""Reporters turn what a command found into text for people, editors, CI or dashboards.

Each reporter is a class with a ``name`` and a method per kind of outcome (:mod:`.base`); they
are looked up by name in :data:`REPORTERS`, so a new output format is a new class, not a new
branch. Those that can also show an evaluation are `argmap eval`'s ``--format`` choices.
"""

from __future__ import annotations

from argmap.reporters.base import EvaluationReporter, Reporter
from argmap.reporters.github import GithubReporter
from argmap.reporters.json import JsonReporter
from argmap.reporters.sarif import SarifReporter
from argmap.reporters.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {cls.name: cls for cls in (TextReporter, JsonReporter, GithubReporter, SarifReporter)}
EVALUATION_FORMATS: tuple[str, ...] = tuple(name for name, cls in REPORTERS.items() if hasattr(cls, "evaluation"))


def get_reporter(name: str) -> Reporter:
    return REPORTERS[name]()


def get_evaluation_reporter(name: str) -> EvaluationReporter:
    reporter = get_reporter(name)
    assert hasattr(reporter, "evaluation"), name
    return reporter  # type: ignore[return-value]
