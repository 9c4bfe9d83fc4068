"""`argmap check`'s diagnostics as the protocol's: the code (AMnnn) with a link to its entry in the
diagnostic reference, the slug after the message as `pylint` writes its symbols, the hints on
the lines below, a range over the key or value the diagnostic points at."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lsprotocol import types

from argmap.core.codes import Code, Severity
from argmap.core.diagnostics import Diagnostic
from argmap.lsp.documents import CannotCheck
from argmap.lsp.positions import TextLines
from argmap.lsp.yamltext import token_end

SOURCE = "argmap"
REFERENCE_PAGE = "reference/diagnostics"  # the page of the documentation site, and the file under docs/
# The documentation beside the package, in a checkout of argmap (an editable install, `make`'s set-up).
CHECKOUT_DOCS = Path(__file__).resolve().parent.parent.parent / "docs"

_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning}


class ReferenceLinks:
    """Where each code is explained: ``docs_url`` is the address of the documentation site
    (`make docs` builds it); without one, the reference page of an argmap checkout, if there is one."""

    def __init__(self, docs_url: str | None):
        if docs_url:
            self._page: str | None = docs_url.rstrip("/") + f"/{REFERENCE_PAGE}/"
        elif (page := CHECKOUT_DOCS / f"{REFERENCE_PAGE}.md").is_file():
            self._page = page.as_uri()
        else:
            self._page = None

    def __call__(self, code: Code) -> types.CodeDescription | None:
        return types.CodeDescription(href=f"{self._page}#{code}") if self._page else None


def lsp_diagnostic(diagnostic: Diagnostic, lines: TextLines, links: ReferenceLinks) -> types.Diagnostic:
    start = lines.offset_of(diagnostic.line, diagnostic.column)
    end = token_end(lines.text, start)
    if end <= start:  # nothing to underline there (an empty value, the end of a line): the character before
        start = max(0, start - 1) if start >= lines.line_end(lines.position(start).line) else start
        end = start + 1
    message = "\n".join((f"{diagnostic.message} ({diagnostic.code.slug})", *diagnostic.hints))
    return types.Diagnostic(range=lines.range(start, min(end, lines.line_end(lines.position(start).line))),
                            message=message, severity=_SEVERITY[diagnostic.severity], code=str(diagnostic.code),
                            code_description=links(diagnostic.code), source=SOURCE)


def cannot_check(failure: CannotCheck) -> types.Diagnostic:
    """A map that could not be checked at all says why on its first line."""
    message = "\n".join(part for part in (f"argmap cannot check this map: {failure.message}", failure.hint) if part)
    return types.Diagnostic(range=types.Range(start=types.Position(line=0, character=0),
                                              end=types.Position(line=0, character=1)),
                            message=message, severity=types.DiagnosticSeverity.Error, source=SOURCE)


def by_file(diagnostics: Iterable[Diagnostic]) -> dict[Path, list[Diagnostic]]:
    """The diagnostics grouped by the file they are in (its resolved path)."""
    grouped: dict[Path, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        grouped.setdefault((Path.cwd() / diagnostic.path).resolve(), []).append(diagnostic)
    return grouped
