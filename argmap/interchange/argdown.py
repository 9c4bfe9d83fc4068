"""Argdown: import of the JSON the official CLI writes (`argdown json`), export as .argdown text.

The JSON lists ``statements`` (equivalence classes, by title; their ``members`` carry the text),
``arguments`` (by title; descriptions and premise-conclusion structures, ``pcs``) and
``relations`` (``from``, ``to``, ``relationType``). An argument's premise-conclusion structure
is not repeated as relations: its premises support it and it supports its main conclusion.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Mapping

from argmap.interchange.builder import one_line
from argmap.interchange.exchange import Exchange, Link, UnreadableFile, Undercut, parse_json
from argmap.core.model import ArgMap, Source
from argmap.text.words import plural

FORMAT_NAME = "Argdown"
SUPPORTS = {"support": "supports", "entails": "supports"}
ATTACKS = {"attack": "attacks", "contrary": "attacks", "contradictory": "attacks"}
STATEMENT, ARGUMENT = "equivalence-class", "argument"
_UNTITLED = re.compile(r"^Untitled \d+$")
_HINT = "give the .json that `argdown json FILE.argdown OUT_FOLDER` writes (or a .argdown file, with the Argdown CLI on PATH)"


def _key(kind: str, title: str) -> str:
    # statements and arguments are named apart in Argdown: [A] and <A> are two things
    return f"{'s' if kind == STATEMENT else 'a'}:{title}"


def _text(members: list) -> str:
    """The first real text among an element's members (references and mentions have none)."""
    for member in members or ():
        if isinstance(member, dict) and not member.get("isReference"):
            text = str(member.get("text") or "").strip()
            if text:
                return text
    for member in members or ():
        if isinstance(member, dict) and str(member.get("text") or "").strip():
            return str(member["text"]).strip()
    return ""


def read_argdown_json(text: str) -> Exchange:
    document = parse_json(text, _HINT)
    if not isinstance(document, dict) or not all(isinstance(document.get(k), (dict, list)) for k in ("statements", "relations")):
        raise UnreadableFile("not Argdown JSON: no 'statements' and 'relations' at the top", _HINT)
    exchange = Exchange(FORMAT_NAME)
    statements = document["statements"] if isinstance(document["statements"], dict) else {}
    arguments = document.get("arguments") if isinstance(document.get("arguments"), dict) else {}
    stand_ins = _relation_stand_ins(statements, arguments)
    for kind, elements in ((STATEMENT, statements), (ARGUMENT, arguments)):
        for title, element in elements.items():
            if not isinstance(element, dict) or (kind == ARGUMENT and title in stand_ins):
                continue
            body = _text(element.get("members"))
            label = f"<{title}>" if kind == ARGUMENT else f"[{title}]"
            # Argdown names a statement without a title "Untitled 3": then the text gives the title
            given = None if _UNTITLED.match(title) else title
            statement = exchange.add(_key(kind, title), body or title, title=given)
            if not body:
                statement.notes.append(f"{label} has no text in the Argdown file; its title stands in.")
            tags = element.get("tags")
            if isinstance(tags, list) and tags:
                statement.notes.append("Argdown tags: " + " ".join(f"#{t}" for t in tags))
    if not exchange.statements:
        raise UnreadableFile("the Argdown JSON has no statements or arguments", _HINT)
    _premise_conclusion_structures(exchange, arguments)
    _relations(exchange, document["relations"] if isinstance(document["relations"], list) else [], stand_ins)
    sections = document.get("sections")
    if isinstance(sections, list) and sections and isinstance(sections[0], dict) and sections[0].get("title"):
        exchange.title = str(sections[0]["title"])
    return exchange


def _premise_conclusion_structures(exchange: Exchange, arguments: dict) -> None:
    for title, argument in arguments.items():
        pcs = argument.get("pcs") if isinstance(argument, dict) else None
        if not isinstance(pcs, list) or not pcs:
            continue
        key = _key(ARGUMENT, title)
        for member in pcs:
            if not isinstance(member, dict) or _key(STATEMENT, str(member.get("title"))) not in exchange.statements:
                continue
            statement = _key(STATEMENT, str(member["title"]))
            if member.get("role") == "main-conclusion":
                exchange.links.append(Link(key, statement, "supports"))
            else:  # a premise or an intermediary conclusion: a reason inside the argument
                exchange.links.append(Link(statement, key, "supports"))
        exchange.note(key, "Premise-conclusion structure in the Argdown file: its premises support it, and it "
                           "supports its main conclusion.")


def _relation_stand_ins(statements: dict, arguments: dict) -> dict[str, Link]:
    """Arguments that `argmap export` wrote to stand for a relation (their data names it)."""
    found: dict[str, Link] = {}
    for title, argument in arguments.items():
        data = argument.get("data") if isinstance(argument, dict) else None
        named = data.get(RELATION_DATA) if isinstance(data, dict) else None
        if not isinstance(named, dict) or named.get("type") not in ("supports", "attacks"):
            continue
        source, target = str(named.get("from")), str(named.get("to"))
        if source in statements and target in statements:
            found[title] = Link(_key(STATEMENT, source), _key(STATEMENT, target), named["type"])
    return found


def _relations(exchange: Exchange, relations: list, stand_ins: dict[str, Link]) -> None:
    undercuts: list[tuple[str, str]] = []
    unknown = 0
    for relation in relations:
        if not isinstance(relation, dict):
            continue
        source = _key(str(relation.get("fromType")), str(relation.get("from")))
        target = _key(str(relation.get("toType")), str(relation.get("to")))
        kind = str(relation.get("relationType"))
        stand_in = stand_ins.get(str(relation.get("to"))) if relation.get("toType") == ARGUMENT else None
        if kind == "undercut" and stand_in is not None and source in exchange.statements:
            exchange.undercuts.append(Undercut(source, stand_in.source, stand_in.target))
            continue
        if source not in exchange.statements or target not in exchange.statements:
            unknown += 1
            continue
        if kind in SUPPORTS:
            exchange.links.append(Link(source, target, "supports"))
        elif kind in ATTACKS:
            exchange.links.append(Link(source, target, "attacks"))
            if kind == "contradictory":  # contradiction is mutual
                exchange.links.append(Link(target, source, "attacks"))
        elif kind == "undercut":
            undercuts.append((source, target))
        else:
            exchange.notices.append(f"Argdown relation '{kind}' from {source[2:]} to {target[2:]} has no counterpart: "
                                    "kept as a note")
            exchange.note(source, f"In the Argdown file: {kind} relation to '{target[2:]}'.")
    if unknown:
        exchange.notices.append(f"skipped {plural(unknown, 'relation')} naming an element the file does not define")
    for source, target in undercuts:
        # an undercut denies an argument's inference: its relations to what it concludes
        denied = [link for link in exchange.links if link.source == target]
        if target.startswith("a:") and denied:
            exchange.undercuts.extend(Undercut(source, link.source, link.target) for link in denied)
        else:
            exchange.links.append(Link(source, target, "attacks"))
            exchange.note(source, f"An undercut of '{target[2:]}' in the Argdown file, which concludes nothing here: "
                                  "imported as an attack.")
            exchange.notices.append(f"undercut of {target[2:]} (no conclusion to deny) imported as an attack")


# --- export

# Argdown reads a backslash before punctuation as the character itself; without one, `#` starts a
# tag, `//` a comment, `[` a statement, `<` an argument, `+`/`-`/`>` a relation, `{` data, `@` a
# mention, `*`/`_` emphasis.
_KEEP = set(".,'\"?!")
_ESCAPE = str.maketrans({c: f"\\{c}" for c in string.punctuation if c not in _KEEP})
_TITLE = str.maketrans({"[": "(", "]": ")", "<": "(", ">": ")", "{": "(", "}": ")", "\\": "/"})
# The data block of an argument that stands for an undercut relation: it names the relation, so
# that an import of the CLI's JSON undercuts the relation itself.
RELATION_DATA = "argmap-relation"


def _escaped(text: str) -> str:
    return one_line(text).translate(_ESCAPE)


def _comment(text: str) -> str:
    return one_line(text).replace("--", "- -")


def write_argdown(argmap: ArgMap, sources: Mapping[str, Source] | None = None) -> tuple[str, list[str]]:
    """Argdown text: a statement per node, its relations below it, evidence in comments, and
    an argument per undercut relation, undercut by its undercutters."""
    titles: dict[str, str] = {}
    taken: set[str] = set()
    for node_id, node in argmap.nodes.items():
        title = one_line(node.label.translate(_TITLE)) or node_id
        if title in taken:
            title = f"{title} ({node_id})"
        taken.add(title)
        titles[node_id] = title
    notices: list[str] = []
    lines = ["===", f"title: {json.dumps(one_line(argmap.title), ensure_ascii=False)}", "===", "",
             f"<!-- Written by argmap export from map '{argmap.id}'. {_comment(argmap.question)} "
             f"Pro: {_comment(argmap.sides.pro)} Con: {_comment(argmap.sides.con)} -->", ""]
    for node_id, node in argmap.nodes.items():
        facts = [node.type, *([f"side {node.side}"] if node.side else []),
                 *([f"weight {node.weight}"] if node.weight is not None else []), *(["analytic"] if node.analytic else [])]
        lines.append(f"[{titles[node_id]}]: {_escaped(node.text)}")
        lines.append(f"  <!-- argmap node '{node_id}': {', '.join(facts)} -->")
        for evidence in node.evidence:
            cite = f"{evidence.source}" + (f", p. {evidence.page}" if evidence.page else "")
            said = f" Translation: {_comment(evidence.translation)}" if evidence.translation else ""
            lines.append(f"  <!-- evidence ({_comment(cite)}): {_comment(evidence.quote)}{said} -->")
        if node.note:
            lines.append(f"  <!-- note: {_comment(node.note)} -->")
        for target in node.supports:
            if target in titles:
                lines.append(f"  +> [{titles[target]}]")
        for target in node.attacks:
            if target in titles:
                lines.append(f"  -> [{titles[target]}]")
        lines.append("")
    undercut: dict[tuple[str, str, str], list[str]] = {}  # (from, relation, to) -> undercutters
    for node_id, node in argmap.nodes.items():
        for denied in node.undercuts:
            source = argmap.nodes.get(denied.from_)
            relation = next((r for r in ("supports", "attacks") if source and denied.to in getattr(source, r)), None)
            if relation is None or denied.to not in titles:
                notices.append(f"node '{node_id}' undercuts '{denied.from_} -> {denied.to}', which is no relation "
                               "of the map: not written")
                continue
            undercut.setdefault((denied.from_, relation, denied.to), []).append(node_id)
    for (source, relation, target), undercutters in undercut.items():
        data = json.dumps({"from": titles[source], "to": titles[target], "type": relation}, ensure_ascii=False)
        lines.append(f"<{titles[source]} {relation} {titles[target]}>: The inference from @[{titles[source]}] "
                     f"to @[{titles[target]}]. {{{RELATION_DATA}: {data}}}")
        lines.extend(f"  <_ [{titles[u]}]" for u in undercutters)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n", notices

