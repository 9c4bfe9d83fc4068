"""Readers for the ICCMA competition formats, so the engine can be checked on its instances.

* ``.apx`` (ASPARTIX): ``arg(a).`` and ``att(a,b).`` statements; ``%`` starts a comment.
* ``.tgf`` (Trivial Graph Format): one argument per line, a line ``#``, then one
  ``attacker target`` pair per line.
* ``.af`` (ICCMA 2023): a header ``p af N`` declaring arguments ``1..N``, then one
  ``attacker target`` pair of numbers per line; lines starting with ``#`` are comments.

Problems are collected as :class:`~argmap.core.diagnostics.Diagnostic` objects with the file, line
and column, rather than raised one at a time:

* ``AM701`` a line that does not follow the format (including a missing or repeated header,
  and more than :data:`MAX_ARGUMENTS` arguments);
* ``AM702`` an attack naming an argument the file does not declare.

The files are read like maps (:func:`argmap.core.load.read_text`): the same size cap, and a file
that is not UTF-8 is reported at the first bad byte (AM101).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from argmap.core.codes import Code
from argmap.core.diagnostics import Diagnostic
from argmap.core.load import read_text

from .framework import Framework, columns, gather
from .limits import MAX_ARGUMENTS  # the most arguments a framework may have


@dataclass
class ParseResult:
    """A framework, or None when the file has errors (then ``diagnostics`` says where)."""

    framework: Framework | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Problems:
    """Collects diagnostics for one file."""

    def __init__(self, path: str):
        self.path = path
        self.found: list[Diagnostic] = []

    def add(self, code: Code, line: int, column: int, message: str, *hints: str) -> None:
        self.found.append(Diagnostic.of(code, self.path, line, column, message, hints))

    def too_many_arguments(self, line: int, column: int, found: str) -> ParseResult:
        """Reports the limit and ends reading: nothing more is kept in memory."""
        self.add(Code.AM701, line, column, f"expected at most {MAX_ARGUMENTS:,} arguments, found {found}",
                 "argmap evaluates frameworks up to this size; split the framework or use an ICCMA solver")
        return ParseResult(None, self.found)

    def result(self, build: Callable[[], Framework]) -> ParseResult:
        # undeclared names are found after the statements are read: reported in the file's order
        found = sorted(self.found, key=lambda diagnostic: (diagnostic.line, diagnostic.column))
        return ParseResult(None if found else build(), found)


def _column_of_first_text(line: str) -> int:
    return len(line) - len(line.lstrip()) + 1


# --- .apx ----------------------------------------------------------------------------------

_APX_STATEMENT = re.compile(
    r"\s*(?P<kind>arg|att)\s*\(\s*(?P<first>[^\s(),]+)\s*(?:,\s*(?P<second>[^\s(),]+)\s*)?\)\s*\.\s*"
)
_APX_HINT = "expected arg(NAME). or att(ATTACKER,TARGET)."
# The layout ICCMA's files have: statements with no blank inside them, and comments, which end
# where str.splitlines() ends a line. A file in this layout is read by two patterns at C speed;
# it is in it when every character but blanks lies in a statement the patterns found (they
# cannot overlap: a name holds no parenthesis). Any other file goes through the statement reader.
_APX_COMMENT = re.compile("%[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]*")
_APX_TIGHT_ARG = re.compile(r"arg\(([^\s(),]+)\)\.")
_APX_TIGHT_ATT = re.compile(r"att\(([^\s(),]+),([^\s(),]+)\)\.")
_TIGHT_ARG_MARKS, _TIGHT_ATT_MARKS = len("arg()."), len("att(,).")
_BLANKS = " \t\r\n"  # another blank counts as text: such a file goes through the statement reader


def parse_apx(text: str, path: str) -> ParseResult:
    """The framework of an ``.apx`` text. A well-formed file in ICCMA's layout is read whole by
    regular expressions; any other (one with a problem among them) statement by statement,
    which says where each problem is."""
    return _parse_tight_apx(text) or _parse_apx_statements(text, path)


def _parse_tight_apx(text: str) -> ParseResult | None:
    """The framework, or None when the file is not in the tight layout, has more than
    MAX_ARGUMENTS arguments or names an undeclared one: the statement reader then reports it."""
    if "%" in text:
        text = _APX_COMMENT.sub("", text)
    arguments = _APX_TIGHT_ARG.findall(text)
    attacks = _APX_TIGHT_ATT.findall(text)
    attackers, targets = columns(attacks)
    in_statements = (sum(map(len, arguments)) + _TIGHT_ARG_MARKS * len(arguments)
                     + sum(map(len, attackers)) + sum(map(len, targets)) + _TIGHT_ATT_MARKS * len(attacks))
    if in_statements != len(text) - sum(map(text.count, _BLANKS)):
        return None
    index = dict(zip(arguments, range(len(arguments))))  # at C speed; an argument declared twice:
    if len(index) < len(arguments):  # numbered by its first declaration, as Framework.build does
        index = {name: i for i, name in enumerate(dict.fromkeys(arguments))}
    if len(index) > MAX_ARGUMENTS:
        return None
    names = tuple(index)
    # A repeated attack dropped as the names are read, before they are numbered: hashing the
    # (attacker, target) names here caches each name's hash, which the look-ups below then use.
    # A name has one number, so pairs of names repeat exactly where pairs of numbers would.
    unique = dict.fromkeys(attacks)
    if len(unique) < len(attacks):
        attackers, targets = columns(unique)
    try:  # at C speed: the 300,000 attacks of an ICCMA instance are not a Python loop
        attacking, attacked = gather(index, attackers), gather(index, targets)
    except KeyError:
        return None
    return ParseResult(Framework.from_columns(names, attacking, attacked, index))


def _parse_apx_statements(text: str, path: str) -> ParseResult:
    problems = _Problems(path)
    arguments: list[str] = []
    attacks: list[tuple[str, str, int, int]] = []  # with the line and column, for AM702
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("%", 1)[0]
        position = 0
        while line[position:].strip():
            match = _APX_STATEMENT.match(line, position)
            column = position + _column_of_first_text(line[position:])
            if match is None:
                problems.add(Code.AM701, number, column, f"cannot read {line[position:].strip()!r}", _APX_HINT)
                break
            kind, first, second = match["kind"], match["first"], match["second"]
            if kind == "arg" and second is None:
                if len(arguments) == MAX_ARGUMENTS:
                    return problems.too_many_arguments(number, column, f"a further one, arg({first})")
                arguments.append(first)
            elif kind == "att" and second is not None:
                attacks.append((first, second, number, column))
            else:
                arity = "one name" if kind == "arg" else "two names"
                problems.add(Code.AM701, number, column, f"{kind}(...) takes {arity}", _APX_HINT)
            position = match.end()
    _check_declared(problems, set(arguments), attacks)
    return problems.result(lambda: Framework.build(arguments, ((a, t) for a, t, _, _ in attacks)))


def _check_declared(problems: _Problems, declared: set[str], attacks: list[tuple[str, str, int, int]]) -> None:
    for attacker, target, line, column in attacks:
        for name in dict.fromkeys((attacker, target)):
            if name not in declared:
                problems.add(Code.AM702, line, column, f"attack ({attacker}, {target}) names undeclared argument {name!r}")


# --- .tgf ----------------------------------------------------------------------------------


def parse_tgf(text: str, path: str) -> ParseResult:
    problems = _Problems(path)
    arguments: list[str] = []
    attacks: list[tuple[str, str, int, int]] = []
    in_attacks = False
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        tokens = line.split()
        if not tokens:
            continue
        column = _column_of_first_text(line)
        if not in_attacks:
            if tokens == ["#"]:
                in_attacks = True
            elif len(tokens) == 1:
                if len(arguments) == MAX_ARGUMENTS:
                    return problems.too_many_arguments(number, column, f"a further one, {tokens[0]}")
                arguments.append(tokens[0])
            else:
                problems.add(
                    Code.AM701, number, column, f"expected one argument name, found {len(tokens)} words",
                    "arguments come first, one per line; a line '#' separates them from the attacks",
                )
        elif len(tokens) == 2:
            attacks.append((tokens[0], tokens[1], number, column))
        else:
            problems.add(Code.AM701, number, column, f"expected an attack 'ATTACKER TARGET', found {line.strip()!r}")
    if not in_attacks and lines:
        problems.add(Code.AM701, len(lines), 1, "no '#' line separating the arguments from the attacks")
    _check_declared(problems, set(arguments), attacks)
    return problems.result(lambda: Framework.build(arguments, ((a, t) for a, t, _, _ in attacks)))


# --- .af (ICCMA 2023) ------------------------------------------------------------------------

_AF_HEADER_HINT = "the first line that is not a comment must be 'p af N', N the number of arguments"
_DECIMAL = re.compile(r"[0-9]+")
# More digits than MAX_ARGUMENTS has cannot name an argument; checked before int() converts
# them, which would otherwise spend time (or refuse, past 4,300 digits) on a hostile number.
_MAX_DIGITS = len(str(MAX_ARGUMENTS))


def _number(token: str) -> int | None:
    """A token of ASCII digits as an int; a number too long to be in range is MAX_ARGUMENTS + 1."""
    if not _DECIMAL.fullmatch(token):
        return None
    return int(token) if len(token.lstrip("0")) <= _MAX_DIGITS else MAX_ARGUMENTS + 1


_LINES_PER_READ = 1 << 20  # characters split into lines at a time


def _numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """The lines, split about a megabyte at a time: a list of every line of a large file at once
    would take many times its memory. Only \\n ends a line, as for maps."""
    start, number = 0, 1
    while start < len(text):
        end = text.find("\n", start + _LINES_PER_READ)
        end = len(text) if end < 0 else end + 1
        lines = text[start:end].split("\n")
        if text[end - 1] == "\n":
            lines.pop()  # the empty text after the last line break
        yield from enumerate(lines, number)
        start, number = end, number + len(lines)


def parse_af(text: str, path: str) -> ParseResult:
    problems = _Problems(path)
    size: int | None = None
    pairs: dict[tuple[int, int], None] = {}  # a repeated attack is kept once, as it is read
    for number, line in _numbered_lines(text):
        tokens = line.split()
        if not tokens or tokens[0].startswith("#"):
            continue
        if size and len(tokens) == 2:  # the common line, a well-formed attack, read inline (hot loop)
            first, second = tokens
            if (len(first) <= _MAX_DIGITS and len(second) <= _MAX_DIGITS and first.isdigit() and second.isdigit()
                    and first.isascii() and second.isascii()):
                attacker, target = int(first), int(second)
                if 0 < attacker <= size and 0 < target <= size:
                    pairs[attacker - 1, target - 1] = None
                    continue
        column = _column_of_first_text(line)
        if tokens[0] == "p":
            declared = _number(tokens[2]) if len(tokens) == 3 and tokens[1] == "af" else None
            if size is not None:
                problems.add(Code.AM701, number, column, "a second 'p af' header")
            elif declared is None:
                problems.add(Code.AM701, number, column, f"malformed header {line.strip()!r}", _AF_HEADER_HINT)
                size = 0  # keep reading so every later problem is reported too
            elif declared > MAX_ARGUMENTS:
                shown = tokens[2] if len(tokens[2]) <= 20 else tokens[2][:17] + "..."
                return problems.too_many_arguments(number, line.index(tokens[2], column) + 1, f"'p af {shown}'")
            else:
                size = declared
            continue
        if size is None:
            problems.add(Code.AM701, number, column, "attack before the 'p af N' header", _AF_HEADER_HINT)
            size = 0
        attacker, target = (_number(t) for t in tokens) if len(tokens) == 2 else (None, None)
        if attacker is None or target is None:
            problems.add(Code.AM701, number, column, f"expected an attack 'I J' of two numbers, found {line.strip()!r}")
            continue
        if size and not (1 <= attacker <= size and 1 <= target <= size):
            problems.add(Code.AM702, number, column, f"attack {tokens[0]} {tokens[1]} is outside the arguments 1..{size}")
            continue
        pairs[attacker - 1, target - 1] = None
    if size is None:
        problems.add(Code.AM701, 1, 1, "missing 'p af N' header", _AF_HEADER_HINT)
    return problems.result(lambda: Framework.from_columns([str(i) for i in range(1, (size or 0) + 1)], *columns(pairs)))


PARSERS: dict[str, Callable[[str, str], ParseResult]] = {".apx": parse_apx, ".tgf": parse_tgf, ".af": parse_af}


def is_framework_file(path: Path) -> bool:
    return path.suffix.lower() in PARSERS


def parse_framework_file(path: Path) -> ParseResult:
    """Read an ICCMA file, chosen by its suffix. A file that cannot be read or decoded gives
    diagnostics (AM100, AM101) as a map would."""
    text, problems = read_text(path, str(path))
    if text is None:
        return ParseResult(None, problems)
    return PARSERS[path.suffix.lower()](text, str(path))
