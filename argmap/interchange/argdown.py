"""Argdown: import of the JSON the official CLI writes (`argdown json`), export as .argdown text.

The JSON lists ``statements`` (equivalence classes, by title; their ``members`` carry the text),
``arguments`` (by title; descriptions and premise-conclusion structures, ``pcs``) and
``relations`` (``from``, ``to``, ``relationType``). An argument's premise-conclusion structure
is not repeated as relations: each inference's premises support its conclusion (an intermediate
one directly; the last through the argument, which supports the main conclusion).
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field

from argmap.interchange.builder import one_line
from argmap.interchange.exchange import Exchange, Link, UnreadableFile, Undercut, parse_json
from argmap.core.model import ArgMap, Source
from argmap.text.words import plural

FORMAT_NAME = "Argdown"
SUPPORTS = {"support": "supports", "entails": "supports"}
ATTACKS = {"attack": "attacks", "contrary": "attacks", "contradictory": "attacks"}
STATEMENT, ARGUMENT, INFERENCE = "equivalence-class", "argument", "inference"
CONCLUSIONS = ("intermediary-conclusion", "main-conclusion")
_UNTITLED = re.compile(r"^Untitled \d+$")
# The CLI keeps a backslash that escapes punctuation in a title (it drops it in a text).
_TITLE_ESCAPE = re.compile(r"\\([%s])" % re.escape(string.punctuation))
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
            untitled = bool(_UNTITLED.match(title))
            if kind == ARGUMENT and untitled and not body:
                continue  # the CLI's name for a bare premise-conclusion structure: its inferences say it all
            label = f"<{title}>" if kind == ARGUMENT else f"[{title}]"
            # Argdown names a statement without a title "Untitled 3": then the text gives the title
            given = None if untitled else _TITLE_ESCAPE.sub(r"\1", title)
            statement = exchange.add(_key(kind, title), body or title, title=given)
            if not body:
                statement.notes.append(f"{label} has no text in the Argdown file; its title stands in.")
            tags = element.get("tags")
            if isinstance(tags, list) and tags:
                statement.notes.append("Argdown tags: " + " ".join(f"#{t}" for t in tags))
    if not exchange.statements:
        raise UnreadableFile("the Argdown JSON has no statements or arguments", _HINT)
    inferences = _premise_conclusion_structures(exchange, arguments)
    _relations(exchange, document["relations"] if isinstance(document["relations"], list) else [], stand_ins, inferences)
    sections = document.get("sections")
    if isinstance(sections, list) and sections and isinstance(sections[0], dict) and sections[0].get("title"):
        exchange.title = str(sections[0]["title"])
    return exchange


@dataclass
class _Inferences:
    """What an argument's premise-conclusion structure became: for each conclusion (by its index
    in the structure) the relations that conclude it, which an undercut of that inference denies."""

    concluding: dict[int, list[Link]] = field(default_factory=dict)
    main: int | None = None  # the index of the main conclusion
    conclusion: str | None = None  # the main conclusion's key

    @property
    def final(self) -> list[Link]:
        return self.concluding.get(self.main, []) if self.main is not None else []


def _premise_conclusion_structures(exchange: Exchange, arguments: dict) -> dict[str, _Inferences]:
    """Each inference of a structure gives its conclusion the support of its premises: those its
    ``uses`` names, or else the statements since the previous conclusion and that conclusion. An
    intermediate conclusion is so supported by its own premises; the main one by the argument
    (the premises of the last inference support the argument), or straight by those premises
    when the argument is only the CLI's "Untitled N"."""
    found: dict[str, _Inferences] = {}
    for title, argument in arguments.items():
        pcs = argument.get("pcs") if isinstance(argument, dict) else None
        if not isinstance(pcs, list) or not pcs:
            continue
        key = _key(ARGUMENT, title)
        members = [_member_key(exchange, member) for member in pcs]
        conclusions = [i for i, member in enumerate(pcs) if _is_conclusion(member)]
        if not conclusions:
            continue
        main = next((i for i in conclusions if pcs[i].get("role") == "main-conclusion"), conclusions[-1])
        inferences = found[title] = _Inferences(main=main, conclusion=members[main])
        previous: int | None = None
        for index in conclusions:
            conclusion = members[index]
            since = range(previous if previous is not None else 0, index)
            used = _uses(pcs[index], len(pcs)) or list(since)
            premises = [members[i] for i in used if i != index and members[i] is not None]
            previous = index
            if conclusion is None:
                continue
            if index == main and key in exchange.statements:
                exchange.links.extend(Link(premise, key, "supports") for premise in premises)
                inferences.concluding[index] = [Link(key, conclusion, "supports")]
            else:
                inferences.concluding[index] = [Link(premise, conclusion, "supports") for premise in premises
                                                if premise != conclusion]
            exchange.links.extend(inferences.concluding[index])
        if key in exchange.statements:
            exchange.note(key, "Premise-conclusion structure in the Argdown file: the premises of its last inference "
                               "support it, and it supports its main conclusion"
                               + ("; each intermediate conclusion is supported by the premises of its own inference."
                                  if len(conclusions) > 1 else "."))
    return found


def _member_key(exchange: Exchange, member: object) -> str | None:
    if not isinstance(member, dict):
        return None
    key = _key(STATEMENT, str(member.get("title")))
    return key if key in exchange.statements else None


def _is_conclusion(member: object) -> bool:
    return isinstance(member, dict) and (member.get("role") in CONCLUSIONS or isinstance(member.get("inference"), dict))


def _uses(member: dict, size: int) -> list[int]:
    """The indexes of the premises an inference names with ``{uses: [1, 2]}`` (numbered from 1)."""
    inference = member.get("inference")
    data = inference.get("data") if isinstance(inference, dict) else None
    uses = data.get("uses") if isinstance(data, dict) else None
    if not isinstance(uses, list):
        return []
    return [n - 1 for n in uses if isinstance(n, int) and not isinstance(n, bool) and 0 < n <= size]


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


def _relations(exchange: Exchange, relations: list, stand_ins: dict[str, Link], inferences: dict[str, _Inferences]) -> None:
    undercuts: list[tuple[str, str]] = []
    unknown = 0
    for relation in relations:
        if not isinstance(relation, dict):
            continue
        source = _key(str(relation.get("fromType")), str(relation.get("from")))
        target = _key(str(relation.get("toType")), str(relation.get("to")))
        kind = str(relation.get("relationType"))
        if source not in exchange.statements and relation.get("fromType") == ARGUMENT:
            # an argument without a node of its own speaks through its main conclusion
            source = getattr(inferences.get(str(relation.get("from"))), "conclusion", None) or source
        stand_in = stand_ins.get(str(relation.get("to"))) if relation.get("toType") == ARGUMENT else None
        if kind == "undercut" and stand_in is not None and source in exchange.statements:
            exchange.undercuts.append(Undercut(source, stand_in.source, stand_in.target))
            continue
        denied = _denied_inference(exchange, relation, target, inferences)
        if denied is not None and source in exchange.statements:
            if kind == "support":
                exchange.links.extend(Link(source, link.target, "supports") for link in denied)
            elif kind in ATTACKS or kind == "undercut":
                exchange.undercuts.extend(Undercut(source, link.source, link.target) for link in denied)
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


def _denied_inference(exchange: Exchange, relation: dict, target: str,
                      inferences: dict[str, _Inferences]) -> list[Link] | None:
    """The relations that conclude the inference a relation points at: one inference of a
    structure (``toType: inference``), or the last inference of an argument without a node (to
    support it supports its conclusion, to attack it denies that inference). None for anything
    else."""
    found = inferences.get(str(relation.get("to")))
    if found is None:
        return None
    if relation.get("toType") == INFERENCE:
        index = relation.get("conclusionIndex")
        return found.concluding.get(index, found.final) if isinstance(index, int) else found.final
    if relation.get("toType") == ARGUMENT and target not in exchange.statements:
        return found.final or None
    return None


# --- export

# Argdown reads a backslash before punctuation as the character itself; without one, `#` starts a
# tag, `//` a comment, `[` a statement, `<` an argument, `+`/`-`/`>` a relation, `{` data, `@` a
# mention, `*`/`_` emphasis.
_KEEP = set(".,'\"?!")
_ESCAPE = str.maketrans({c: f"\\{c}" for c in string.punctuation if c not in _KEEP})
# `<-`, `<+` and `<_` start a relation, and the CLI does not take `[-x]` in a relation for a
# reference: a title starting with one of these is escaped (the CLI keeps the backslash in the
# title; the import drops it).
_RELATION_START = "+-_"
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
        if title[0] in _RELATION_START:
            title = "\\" + title
        if title in taken:
            title = f"{title} ({node_id})"
        taken.add(title)
        titles[node_id] = title
    notices: list[str] = []
    lines = ["===", f"title: {json.dumps(one_line(argmap.title), ensure_ascii=False)}", "===", "",
             f"<!-- Written by argmap export from map '{argmap.id}'. {_comment(argmap.question or '')} "
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
        for relation, sign in (("supports", "+>"), ("attacks", "->")):
            for target in getattr(node, relation):
                if target in titles:
                    weight = node.relation_weight(relation, target)
                    lines.append(f"  {sign} [{titles[target]}]" + (f" <!-- argmap weight {weight:g} -->" if weight != 1.0 else ""))
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

