from __future__ import annotations

from typing import ClassVar, Protocol

from argmap.check import CheckResult


class Reporter(Protocol):
    name: ClassVar[str]

    def render(self, result: CheckResult) -> str: ...
