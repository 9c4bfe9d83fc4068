"""Kialo's text export, in both of its generations (see docs/commands/interchange.md):

- flat: a ``Discussion Title: ...`` line, then one numbered entry per claim at the start of
  its line (``1.2.1. Con: text``), possibly running on over several lines;
- indented: a ``Discussion Name: ...`` line, the same entries indented by depth, footnote
  marks ``[1]`` in the texts and a ``Sources:`` block of ``[1] URL`` lines at the end.

``1.`` is the thesis; ``Pro:`` supports the parent entry (the number without its last part),
``Con:`` attacks it. ``1.3.2. Con: -> See 1.1.4.`` places the existing entry 1.1.4 under 1.3
as well: a relation of 1.1.4 to 1.3. Line ends may be CRLF or LF.
"""

from __future__ import annotations

import re

from argmap.interchange.exchange import Exchange, Link, UnreadableFile
from argmap.text.words import plural

FORMAT_NAME = "Kialo"
_HEADER = re.compile(r"^\s*Discussion (?:Title|Name):\s*(?P<title>.*?)\s*$")
_ENTRY = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)*)\.?\s+(?:(?P<stance>Pro|Con):\s*)?(?P<text>.*?)\s*$")
_SEE = re.compile(r"^->\s*See\s+(?P<target>\d+(?:\.\d+)*)\.?\s*$", re.IGNORECASE)
_SEE_ELSEWHERE = re.compile(r"^->\s*See\s+", re.IGNORECASE)
_SOURCES = re.compile(r"^\s*Sources:\s*$")
_SOURCE = re.compile(r"^\s*\[(?P<mark>\d+)\]\s*(?P<source>.+?)\s*$")
_MARK = re.compile(r"\[(\d+)\]")
_HINT = ("a Kialo text export starts with 'Discussion Title:' or 'Discussion Name:' and numbers "
         "each claim: '1.1. Pro: ...'")
RELATION = {"Pro": "supports", "Con": "attacks"}


def _parent(number: str) -> str | None:
    return number.rsplit(".", 1)[0] if "." in number else None


def read_kialo(text: str) -> Exchange:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    exchange = Exchange(FORMAT_NAME)
    first = next((line for line in lines if line.strip()), "")
    header = _HEADER.match(first)
    if header is None:
        raise UnreadableFile("not a Kialo export: it does not start with 'Discussion Title:' or 'Discussion Name:'", _HINT)
    exchange.title = header.group("title") or None
    exchange.question = exchange.title if exchange.title and exchange.title.endswith("?") else None
    entries: dict[str, dict] = {}  # number -> {stance, text lines}
    order: list[str] = []
    sources: dict[str, str] = {}
    current: dict | None = None
    in_sources = False
    for line in lines[lines.index(first) + 1:]:
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
        if entry:
            number = entry.group("number")
            if number in entries:
                raise UnreadableFile(f"Kialo entry {number}. appears twice", _HINT)
            current = entries[number] = {"stance": entry.group("stance"), "text": [entry.group("text")]}
            order.append(number)
        elif line.strip() and current is not None:
            current["text"].append(line.strip())
        elif line.strip():
            raise UnreadableFile(f"not a Kialo export: text before the first numbered entry: {line.strip()[:60]!r}", _HINT)
    if not entries:
        raise UnreadableFile("the Kialo export has no numbered entries", _HINT)
    see: list[tuple[str, str, str]] = []  # (number of the link entry, its target, stance)
    for number in order:
        entry = entries[number]
        body = "\n".join(entry["text"]).strip()
        link = _SEE.match(body)
        if link:
            see.append((number, link.group("target"), entry["stance"]))
            continue
        statement = exchange.add(number, body or f"(entry {number} has no text)",
                                 title=" ".join(_MARK.sub(" ", body).split()) or None)
        statement.notes.append(f"Kialo entry {number}.")
        marks = [m for m in dict.fromkeys(_MARK.findall(body)) if m in sources]
        if marks:
            statement.notes.append("Sources: " + "; ".join(f"[{m}] {sources[m]}" for m in marks))
        if _SEE_ELSEWHERE.match(body):
            exchange.notices.append(f"Kialo entry {number} points outside this discussion: kept as a statement")
    # a link entry stands for the entry it names, also as the parent of entries under it
    aliases = {number: target for number, target, _ in see if target in exchange.statements}
    for number in order:
        if number in exchange.statements:
            _relate(exchange, number, number, entries[number]["stance"], aliases)
    for number, target, stance in see:
        if target not in exchange.statements:
            exchange.notices.append(f"Kialo entry {number} links to {target}, which is not in the export: not imported")
            continue
        _relate(exchange, number, target, stance, aliases)
    if see:
        exchange.notices.append(f"{plural(len(see), 'link')} ('-> See X') imported as relations of the entries they name")
    used = {m for s in exchange.statements.values() for m in _MARK.findall(s.text)}
    unused = [m for m in sources if m not in used]
    if unused:
        exchange.description_notes.append("Sources of the Kialo export that no claim marks: "
                                          + "; ".join(f"[{m}] {sources[m]}" for m in unused))
    return exchange


def _relate(exchange: Exchange, number: str, statement: str, stance: str | None, aliases: dict[str, str]) -> None:
    """The relation the entry ``number`` (standing for ``statement``) has with its parent."""
    parent = _parent(number)
    parent = aliases.get(parent, parent) if parent else None
    if parent is None:
        return  # a thesis
    if parent not in exchange.statements:
        exchange.notices.append(f"Kialo entry {number} has no parent entry {parent}: imported without a relation")
        return
    if stance is None:
        exchange.notices.append(f"Kialo entry {number} says neither Pro nor Con: imported as a support of {parent}")
        exchange.note(statement, f"Kialo entry {number} says neither Pro nor Con; imported as a support.")
    exchange.links.append(Link(statement, parent, RELATION.get(stance or "Pro", "supports")))
