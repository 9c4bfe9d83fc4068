"""The neutral graph every reader produces: what the source file says, before argmap's rules.

Keys are the source file's own ids, as text. A reader records what argmap cannot express as
notes (on a statement, or on the whole file) and as notices for the terminal; nothing is dropped
silently.
"""

from __future__ import annotations

import json
import sys
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


class _NumberTooLong(Exception):
    def __init__(self, digits: str):
        self.digits = digits


def parse_json(text: str, hint: str) -> object:
    """The data of a JSON file; UnreadableFile, with the place, for text that is not JSON or
    nests too deep, and for a number with more digits than Python turns into an int (a file
    with a 100,000-digit id is refused, not a crash)."""
    limit = sys.get_int_max_str_digits()

    def parse_int(digits: str) -> int:
        if len(digits) > limit:
            raise _NumberTooLong(digits)
        return int(digits)

    try:
        return json.loads(text, parse_int=parse_int)
    except json.JSONDecodeError as error:
        raise UnreadableFile(f"not JSON: {error.msg}", hint, line=error.lineno, column=error.colno) from None
    except RecursionError:
        raise UnreadableFile("the JSON nests too deep to read", hint) from None
    except _NumberTooLong as error:
        # the first number token with these digits (a string holding them first would mislead, harmlessly)
        at = max(text.find(error.digits), 0)
        line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
        raise UnreadableFile(f"a number of {len(error.digits):,} digits, more than the {limit:,} argmap reads", hint,
                             line=line, column=column) from None


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
    weight: float = field(default=1.0, compare=False)  # the relation's relevance, as argmap's own AIF carries it


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
