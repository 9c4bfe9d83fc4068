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
    """The file cannot be read as the format asked for (exit 2); ``line`` and ``column`` say
    where, when one place is at fault."""

    def __init__(self, message: str, hint: str | None = None, *, line: int | None = None, column: int | None = None):
        super().__init__(message, hint)
        self.line = line
        self.column = column


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
    # A further place of a statement that has its own place in the file's tree (Kialo's
    # "-> See 1.2."): sides spread along every other relation first, so the statement keeps the
    # side of its own place and a copy makes this relation when it disagrees. Not part of what
    # the relation is: the same relation given twice is one.
    cross_reference: bool = field(default=False, compare=False)


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
