"""The neutral graph every reader produces: what the source file says, before argmap's rules.

Keys are the source file's own ids, as text. A reader records what argmap cannot express as
notes (on a statement, or on the whole file) and as notices for the terminal; nothing is dropped
silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from argmap.core.diagnostics import UsageError

LinkKind = Literal["supports", "attacks"]


class UnreadableFile(UsageError):
    """The file cannot be read as the format asked for (exit 2)."""


@dataclass
class Statement:
    key: str
    text: str
    title: str | None = None
    notes: list[str] = field(default_factory=list)
    # A map written by `argmap export --to aif` carries each node's own fields (id, type, side,
    # evidence, ...): the import restores them instead of deriving them.
    preset: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Link:
    source: str
    target: str
    kind: LinkKind


@dataclass(frozen=True)
class Undercut:
    """``source`` denies the inference of the relation ``premise -> conclusion``."""

    source: str
    premise: str
    conclusion: str


@dataclass
class Exchange:
    format_name: str
    statements: dict[str, Statement] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    undercuts: list[Undercut] = field(default_factory=list)
    title: str | None = None
    question: str | None = None
    description_notes: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    # map-level fields carried by an argmap export (title, question, lang, sides, ...)
    preset: dict = field(default_factory=dict)

    def add(self, key: str, text: str, title: str | None = None) -> Statement:
        statement = Statement(key, text, title)
        self.statements[key] = statement
        return statement

    def note(self, key: str, note: str) -> None:
        self.statements[key].notes.append(note)
