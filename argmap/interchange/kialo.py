"""Kialo's text export, in the three layouts it has had (see docs/commands/interchange.md):

- flat: a ``Discussion Title: ...`` line, then one numbered entry per claim at the start of
  its line (``1.2.1. Con: text``), possibly running on over several lines;
- indented: a ``Discussion Name: ...`` line, the same entries indented by depth, footnote
  marks ``[1]`` in the texts and a ``Sources:`` block of ``[1] URL`` lines at the end;
- labelled (2025): ``Discussion Name:`` with the title on the next line, and each entry a
  label line (``1. Thesis:``, ``1.1. Pro:``, ``1. Question:``) with its text on the lines after
  it, indented like the label.

``1.`` is the thesis, or a question whose children are its answers (each a thesis);
``Pro:`` supports the parent entry (the number without its last part), ``Con:`` attacks it.
``1.3.2. Con: -> See 1.1.4.`` places the existing entry 1.1.4 under 1.3 as well: a relation
of 1.1.4 to 1.3, a cross-reference (1.1.4 keeps the side of its own place). Line ends may be
CRLF or LF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.interchange.exchange import Exchange, Link, UnreadableFile
from argmap.text.words import plural

FORMAT_NAME = "Kialo"
_HEADER = re.compile(r"^\s*Discussion (?:Title|Name):\s*(?P<title>.*?)\s*$")
_LABEL = r"(?:Pro|Con|Thesis|Question):"
# Every entry number starts at the root, 1; without the final dot only before a label.
_ENTRY = re.compile(rf"^\s*(?P<number>1(?:\.\d+)*)(?:\.(?:\s+|$)|\s+(?={_LABEL}))"
                    rf"(?:(?P<label>Pro|Con|Thesis|Question):)?\s*(?P<text>.*?)\s*$")
# What can only be meant as an entry number, yet is none: `1.x.`, `1..2.`, `2.1. Pro:`.
_NOT_A_NUMBER = re.compile(rf"^\s*(?P<token>\d+\.\S*\.|\d\S*(?=\s+{_LABEL}))(?:\s|$)")
_SEE = re.compile(r"^->\s*See\s+(?P<target>\d+(?:\.\d+)*)\.?\s*$", re.IGNORECASE)
_SEE_ELSEWHERE = re.compile(r"^->\s*See\s+", re.IGNORECASE)
_SOURCES = re.compile(r"^\s*Sources:\s*$")
_SOURCE = re.compile(r"^\s*\[(?P<mark>\d+)\]\s*(?P<source>.+?)\s*$")
_MARK = re.compile(r"\[(\d+)\]")
_HINT = ("a Kialo text export starts with 'Discussion Title:' or 'Discussion Name:' and numbers "
         "each claim: '1.1. Pro: ...', or '1.1. Pro:' with the text on the next line")
RELATION = {"Pro": "supports", "Con": "attacks"}
QUESTION, THESIS = "Question", "Thesis"
ROOT = "1"


@dataclass
class _Entry:
    number: str
    label: str | None
    line: int
    text: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        paragraphs = "\n".join(self.text).strip()
        return re.sub(r"\n{3,}", "\n\n", paragraphs)


def _parent(number: str) -> str | None:
    return number.rsplit(".", 1)[0] if "." in number else None


def _error(line: int, message: str) -> UnreadableFile:
    return UnreadableFile(message, _HINT, line=line)


def _read_entries(lines: list[str]) -> tuple[str | None, dict[str, _Entry], dict[str, str]]:
    """The discussion's title, its entries by number (in the file's order) and its sources."""
    start = next((i for i, line in enumerate(lines) if line.strip()), 0)
    header = _HEADER.match(lines[start])
    if header is None:
        raise _error(start + 1, "not a Kialo export: it does not start with 'Discussion Title:' or 'Discussion Name:'")
    title = header.group("title") or None
    position = start + 1
    if title is None:  # the labelled layout gives the title on the next line
        following = next((i for i in range(position, len(lines)) if lines[i].strip()), None)
        if following is not None and not _ENTRY.match(lines[following]):
            title, position = lines[following].strip(), following + 1
    entries: dict[str, _Entry] = {}
    sources: dict[str, str] = {}
    current: _Entry | None = None
    labelled: bool | None = None  # entries are label lines, the texts on the lines after them
    in_sources = False
    for index in range(position, len(lines)):
        line, number = lines[index], index + 1
        if _SOURCES.match(line):
            in_sources, current = True, None
            continue
        if in_sources:
            source = _SOURCE.match(line)
            if source:
                sources[source.group("mark")] = source.group("source")
            elif line.strip() and sources:
                last = list(sources)[-1]
                sources[last] += " " + line.strip()
            continue
        entry = _ENTRY.match(line)
        if entry and labelled is None:
            labelled = bool(entry.group("label")) and not entry.group("text")
        if entry and (entry.group("label") or not labelled):
            key = entry.group("number")
            if key in entries:
                raise _error(number, f"Kialo entry {key}. appears twice (first at line {entries[key].line})")
            current = entries[key] = _Entry(key, entry.group("label"), number)
            if entry.group("text"):
                current.text.append(entry.group("text"))
            continue
        malformed = None if entry else _NOT_A_NUMBER.match(line)  # in a labelled text, "1. " starts a list item
        if malformed:
            raise _error(number, f"'{malformed.group('token')}' is not a Kialo entry number "
                                 "(they run 1., 1.1., 1.1.2., ... with digits only)")
        if line.strip() and current is not None:
            current.text.append(line.strip())
        elif line.strip():
            raise _error(number, f"not a Kialo export: text before the first numbered entry: {line.strip()[:60]!r}")
        elif current is not None and current.text:
            current.text.append("")  # a paragraph break inside the entry's text
    if not entries:
        raise UnreadableFile("the Kialo export has no numbered entries", _HINT)
    return title, entries, sources


def read_kialo(text: str) -> Exchange:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title, entries, sources = _read_entries(lines)
    exchange = Exchange(FORMAT_NAME)
    root = entries.get(ROOT)
    question = root.body if root is not None and root.label == QUESTION else None
    exchange.title = title or question
    exchange.question = question or (title if title and title.endswith("?") else None)
    answers = [number for number in entries if _parent(number) == ROOT] if question is not None else []
    see: list[tuple[str, str, str | None]] = []  # (number of the link entry, its target, stance)
    for entry in entries.values():
        if entry.number == ROOT and question is not None:
            continue  # the question is the map's question, not a statement
        body = entry.body
        link = _SEE.match(body)
        if link:
            see.append((entry.number, link.group("target"), entry.label))
            continue
        statement = exchange.add(entry.number, body or f"(entry {entry.number} has no text)",
                                 title=" ".join(_MARK.sub(" ", body).split()) or None)
        statement.notes.append(f"Kialo entry {entry.number}.")
        marks = [m for m in dict.fromkeys(_MARK.findall(body)) if m in sources]
        if marks:
            statement.notes.append("Sources: " + "; ".join(f"[{m}] {sources[m]}" for m in marks))
        if _SEE_ELSEWHERE.match(body):
            exchange.notices.append(f"Kialo entry {entry.number} points outside this discussion: kept as a statement")
    _answers(exchange, entries, [a for a in answers if a in exchange.statements])
    # a link entry stands for the entry it names, also as the parent of entries under it
    aliases = {number: target for number, target, _ in see if target in exchange.statements}
    for number in entries:
        if number in exchange.statements and number not in answers:
            _relate(exchange, number, number, entries[number].label, aliases)
    for number, target, stance in see:
        if number in answers:
            exchange.notices.append(f"Kialo entry {number} answers the question with a link to {target}: not imported "
                                    "(that entry is imported at its own place)")
            continue
        if target not in exchange.statements:
            exchange.notices.append(f"Kialo entry {number} links to {target}, which is not in the export: not imported")
            continue
        _relate(exchange, number, target, stance, aliases, cross_reference=True)
    if see:
        exchange.notices.append(f"{plural(len(see), 'link')} ('-> See X') imported as relations of the entries they name")
    used = {m for s in exchange.statements.values() for m in _MARK.findall(s.text)}
    unused = [m for m in sources if m not in used]
    if unused:
        exchange.description_notes.append("Sources of the Kialo export that no claim marks: "
                                          + "; ".join(f"[{m}] {sources[m]}" for m in unused))
    return exchange


def _answers(exchange: Exchange, entries: dict[str, _Entry], answers: list[str]) -> None:
    """The answers to a question root are its theses: the first is the pro side's, every other
    one the con side's (a rival answer)."""
    for i, number in enumerate(answers):
        exchange.statements[number].preset["side"] = "pro" if i == 0 else "con"
        label = entries[number].label
        if label != THESIS:
            exchange.notices.append(f"Kialo entry {number} answers the question as '{label or 'no label'}' "
                                    "rather than 'Thesis': imported as a thesis")
    if len(answers) > 1:
        exchange.notices.append(f"the question has {plural(len(answers), 'answer')}: the first is the pro side's "
                                "thesis, the others the con side's")


def _relate(exchange: Exchange, number: str, statement: str, stance: str | None, aliases: dict[str, str],
            cross_reference: bool = False) -> None:
    """The relation the entry ``number`` (standing for ``statement``) has with its parent."""
    parent = _parent(number)
    parent = aliases.get(parent, parent) if parent else None
    if parent is None:
        return  # a thesis
    if parent not in exchange.statements:
        exchange.notices.append(f"Kialo entry {number} has no parent entry {parent}: imported without a relation")
        return
    if stance not in RELATION:
        exchange.notices.append(f"Kialo entry {number} says neither Pro nor Con: imported as a support of {parent}")
        exchange.note(statement, f"Kialo entry {number} says neither Pro nor Con; imported as a support.")
    exchange.links.append(Link(statement, parent, RELATION.get(stance or "Pro", "supports"), cross_reference))
