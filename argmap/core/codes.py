"""Every diagnostic code argmap can report, as objects: ``Code.AM301``, never the string "AM301".

A mistyped code is an AttributeError when the module loads, not a SARIF result without a rule.
A code is its identity (id, name, severity); what it means and its examples live with the rule
that reports it (:mod:`argmap.checks`). This module imports nothing from argmap: every stage,
the loader included, can name codes.
"""

from __future__ import annotations

from enum import Enum, StrEnum, auto


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


ERROR, WARNING = Severity.ERROR, Severity.WARNING


class Code(StrEnum):
    """A code compares, hashes and prints as its id ("AM301"), so diagnostics and JSON carry it
    as text; ``slug`` is its stable name and ``severity`` the severity every report of it has."""

    slug: str
    severity: Severity

    @staticmethod
    def _generate_next_value_(name: str, start: int, count: int, last_values: list) -> str:
        return name  # auto() gives the member's own name: the id is written once

    def __new__(cls, value: str, slug: str, severity: Severity) -> Code:
        code = str.__new__(cls, value)
        code._value_ = value
        code.slug = slug
        code.severity = severity
        return code

    # Reading files (AM1xx) and their schema (AM2xx).
    AM100 = auto(), "unreadable-file", ERROR
    AM101 = auto(), "not-utf8", ERROR
    AM102 = auto(), "empty-file", ERROR
    AM103 = auto(), "yaml-syntax", ERROR
    AM104 = auto(), "duplicate-key", ERROR
    AM105 = auto(), "yaml-tag", ERROR
    AM106 = auto(), "alias-limit", ERROR
    AM107 = auto(), "nesting-depth", ERROR
    AM201 = auto(), "unknown-key", ERROR
    AM202 = auto(), "missing-key", ERROR
    AM203 = auto(), "invalid-value", ERROR
    AM204 = auto(), "format-2-field", ERROR
    # The structure of a map (AM3xx).
    AM301 = auto(), "dangling-reference", ERROR
    AM302 = auto(), "thesis-side", ERROR
    AM303 = auto(), "thesis-relation", ERROR
    AM304 = auto(), "objection-attacks", ERROR
    AM305 = auto(), "rebuttal-target", ERROR
    AM306 = auto(), "claim-relation", ERROR
    AM307 = auto(), "support-cycle", ERROR
    AM308 = auto(), "side-mismatch", ERROR
    AM309 = auto(), "map-id-filename", ERROR
    AM311 = auto(), "no-evidence", WARNING
    AM312 = auto(), "orphan-node", WARNING
    AM313 = auto(), "unused-source", WARNING
    AM314 = auto(), "duplicate-map-id", ERROR
    AM315 = auto(), "side-without-thesis", WARNING
    AM316 = auto(), "repeated-relation", WARNING
    AM317 = auto(), "placeholder-text", WARNING
    AM318 = auto(), "reserved-map-id", ERROR
    AM319 = auto(), "unknown-undercut", ERROR
    AM322 = auto(), "self-undercut", ERROR
    AM320 = auto(), "missing-title", WARNING
    AM323 = auto(), "theses-reason", ERROR
    AM324 = auto(), "missing-question", WARNING
    # The seeds folder (AM40x) and the quotes taken from it (AM50x).
    AM401 = auto(), "source-path-outside", ERROR
    AM402 = auto(), "source-file-missing", ERROR
    AM403 = auto(), "source-changed", ERROR
    AM404 = auto(), "source-unpinned", WARNING
    AM405 = auto(), "unknown-source", ERROR
    AM406 = auto(), "incomplete-cite", WARNING
    AM501 = auto(), "quote-not-found", ERROR
    AM502 = auto(), "quote-ambiguous", WARNING
    AM503 = auto(), "translation-missing", ERROR
    AM504 = auto(), "quote-context", ERROR
    AM505 = auto(), "highlight-not-in-quote", ERROR
    AM506 = auto(), "short-quote", WARNING
    AM507 = auto(), "highlight-not-in-translation", ERROR
    AM508 = auto(), "anachronistic-attack", WARNING
    AM509 = auto(), "quote-page-mismatch", ERROR
    # A map's own expectations (AM6xx) and ICCMA framework files (AM7xx).
    AM601 = auto(), "expectation-differs", ERROR
    AM602 = auto(), "expectation-unknown-node", ERROR
    AM603 = auto(), "strength-differs", ERROR
    AM604 = auto(), "expectation-too-many-labellings", ERROR
    AM605 = auto(), "verdict-differs", ERROR
    AM701 = auto(), "framework-syntax", ERROR
    AM702 = auto(), "framework-undeclared-argument", ERROR
