"""Reporters turn a check result into text for people, editors, CI or dashboards.

Each reporter is a class with a ``name`` and a ``render(result) -> str``; they are looked up
by name in :data:`REPORTERS`, so a new output format is a new class, not a new branch.
"""

from __future__ import annotations

from argmap.reporters.base import Reporter
from argmap.reporters.github import GithubReporter
from argmap.reporters.json import JsonReporter
from argmap.reporters.sarif import SarifReporter
from argmap.reporters.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {cls.name: cls for cls in (TextReporter, JsonReporter, GithubReporter, SarifReporter)}


def register(cls: type[Reporter]) -> type[Reporter]:
    REPORTERS[cls.name] = cls
    return cls


def get_reporter(name: str) -> Reporter:
    return REPORTERS[name]()
