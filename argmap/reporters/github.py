"""GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request.

``::error file=maps/x.yaml,line=3,col=5,title=AM501::quote not found ...`` — GitHub shows it on
the file's line in the diff and in the run summary. Data and properties are escaped as the
Actions toolkit does (``escapeData``, ``escapeProperty``), so a message can never end the
command early or smuggle in another one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.core.diagnostics import Diagnostic, Severity
from argmap.reporters.base import Checked
from argmap.reporters.text import not_evaluated, summary

if TYPE_CHECKING:
    from argmap.usecases.eval import EvalOutcome

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def escape_data(text: str) -> str:
    """The message part: ``%``, CR and LF are percent-encoded (``%`` first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A ``key=value`` property: as data, and also ``:`` and ``,``, which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic) -> str:
    properties = {"file": d.path, "line": str(d.line), "col": str(d.column), "title": d.code}
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = "\n".join((d.message, *d.hints))  # hints show as further lines of the annotation
    return f"::{COMMANDS[d.severity]} {joined}::{escape_data(message)}"


class GithubReporter:
    """One annotation per diagnostic, then the summary line as plain log text."""

    name = "github"
    for_people = False

    def render(self, result: Checked) -> str:
        return "\n".join([*map(annotation, result.diagnostics), summary(result)])

    def unevaluated(self, outcome: EvalOutcome) -> str:
        return "\n".join([*map(annotation, outcome.diagnostics), not_evaluated(outcome)])
