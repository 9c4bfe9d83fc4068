"""One map from an :class:`Exchange`: ids, types, sides, titles and notes that the checks accept.

Other tools allow what argmap's structural rules do not: a statement that argues for both sides,
support that runs in a circle. Every relation is kept; where one would break a rule, it moves to
a copy of the statement that makes it, with a note saying why (and a notice on the terminal):

- a support that closes a support cycle is made by a copy of its source;
- a relation that would put its source on the other side than the source already has (support
  keeps the target's side, attack and undercut switch it) is made by a copy on that other side;
  an undercut of a relation that moved answers the side of the copy that now makes it.

Sides spread along cross-references (a Kialo link) only after every statement's own relations.
Theses are the statements that point at nothing; the first is pro, each further one takes the
side that agrees with most of the statements it shares with the theses before it.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict, deque
from dataclasses import dataclass, field

from pydantic import TypeAdapter, ValidationError

from argmap.interchange.exchange import Exchange, Link, Statement
from argmap.core.model import (
    FORMAT_VERSION, IDENTIFIER_PATTERN, MAX_IDENTIFIER_LENGTH, MAX_TITLE_LENGTH, ArgMap, Evidence, Expect, Score, Sides,
)
from argmap.core.vocabulary import NodeType, Side
from argmap.text.words import plural

_IDENTIFIER = re.compile(IDENTIFIER_PATTERN)
_NOT_ID = re.compile(r"[^a-z0-9]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
ID_WORDS_LENGTH = 40  # ids made from titles: long enough to recognise, short enough to type
COPY_SUFFIX = "copy"


def clean_text(text: str) -> str:
    """Text without control characters (YAML refuses them), line ends as \\n, trimmed."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def one_line(text: str) -> str:
    return " ".join(text.split())


def short_title(text: str) -> str:
    """A title of at most MAX_TITLE_LENGTH characters: the text, its first sentence, or its
    first words followed by an ellipsis."""
    text = one_line(text)
    if len(text) <= MAX_TITLE_LENGTH:
        return text
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(first) <= MAX_TITLE_LENGTH:
        return first
    cut = text[:MAX_TITLE_LENGTH - 1]
    if " " in cut[MAX_TITLE_LENGTH // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"


def id_from_words(text: str) -> str:
    words = _NOT_ID.sub("-", one_line(text).lower()).strip("-")
    if len(words) > ID_WORDS_LENGTH:
        cut = words[:ID_WORDS_LENGTH]
        words = cut[:cut.rindex("-")] if "-" in cut[ID_WORDS_LENGTH // 2:] else cut
    return words.strip("-") or "node"


def other_side(side: str) -> str:
    return "con" if side == "pro" else "pro"


@dataclass
class Built:
    """The map as plain data in the format's key order, and what the terminal should say."""

    data: dict
    notices: list[str] = field(default_factory=list)
    node_ids: dict[str, str] = field(default_factory=dict)  # statement key -> node id


@dataclass
class _Copy:
    origin: str
    reason: str  # "cycle" or "side"


# What a preset field (argmap's own, carried by an export) must be to be used; anything else is
# left out, with a notice, so a hand-edited or damaged file still imports.
_NODE_FIELDS = {
    "id": TypeAdapter(str), "type": TypeAdapter(NodeType), "side": TypeAdapter(Side),
    "title": TypeAdapter(str), "weight": TypeAdapter(Score), "evidence": TypeAdapter(list[Evidence]),
    "analytic": TypeAdapter(bool), "note": TypeAdapter(str),
}
_MAP_FIELDS = {
    "title": TypeAdapter(str), "question": TypeAdapter(str), "description": TypeAdapter(str),
    "lang": TypeAdapter(ArgMap.model_fields["lang"].annotation), "sides": TypeAdapter(Sides), "expect": TypeAdapter(Expect),
}


def _valid_preset(preset: dict, fields: dict[str, TypeAdapter], where: str, notices: list[str]) -> dict:
    valid: dict = {}
    for name, value in preset.items():
        adapter = fields.get(name)
        if adapter is None or (name == "analytic" and name in valid):
            continue
        try:
            checked = adapter.validate_python(value, strict=name in ("analytic",))
        except ValidationError:
            notices.append(f"ignored the invalid '{name}' in argmap's extension of {where}")
            if name == "evidence":  # without its evidence, the node stands as a reasoned point
                valid["analytic"] = True
            continue
        if hasattr(checked, "model_dump") or isinstance(checked, list) and checked and hasattr(checked[0], "model_dump"):
            valid[name] = adapter.dump_python(checked, mode="json", by_alias=True, exclude_defaults=True)
        else:
            valid[name] = checked
    return valid


class _Builder:
    def __init__(self, exchange: Exchange):
        self.exchange = exchange
        self.notices: list[str] = list(exchange.notices)
        for statement in exchange.statements.values():
            if statement.preset:
                statement.preset = _valid_preset(statement.preset, _NODE_FIELDS, f"node {statement.key} of the file", self.notices)
                title = statement.preset.get("title")
                if title is not None and not (0 < len(title.strip()) <= MAX_TITLE_LENGTH):
                    statement.preset["title"] = short_title(title) or None
        exchange.preset = _valid_preset(exchange.preset, _MAP_FIELDS, "the map", self.notices)
        self.statements: dict[str, Statement] = dict(exchange.statements)
        self.copies: dict[str, _Copy] = {}
        self.side_copy: dict[str, str] = {}  # origin key -> its copy on the other side
        self.cycle_copy: dict[str, str] = {}
        self.moved: list[tuple[str, str, Link | tuple[str, str]]] = []  # (origin, copy, relation)
        # each key's relations, in the order the file gives them
        self.outgoing: dict[str, list[Link]] = defaultdict(list)
        self.undercuts: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.side: dict[str, str] = {}
        # who points at each statement; built once the support cycles are broken
        self.incoming: dict[str, list[Link]] | None = None
        self.undercut_by: dict[str, list[tuple[str, tuple[str, str]]]] | None = None
        self.follow_cross_references = True

    # --- relations

    def collect(self) -> None:
        seen: set[Link] = set()
        repeated = 0
        for link in self.exchange.links:
            if link in seen:
                repeated += 1
                continue
            seen.add(link)
            self.outgoing[link.source].append(link)
        seen_undercuts: set[tuple[str, str, str]] = set()
        for undercut in self.exchange.undercuts:
            key = (undercut.source, undercut.premise, undercut.conclusion)
            if key in seen_undercuts:
                repeated += 1
                continue
            seen_undercuts.add(key)
            self.undercuts[undercut.source].append((undercut.premise, undercut.conclusion))
        if repeated:
            self.notices.append(f"merged {plural(repeated, 'repeated relation')}")

    def _copy_of(self, origin: str, reason: str) -> str:
        base = self.copies[origin].origin if origin in self.copies else origin
        key = f"{origin}\x00{reason}"
        self.copies[key] = _Copy(base, reason)
        original = self.statements[base]
        self.statements[key] = Statement(key, original.text, original.title, preset={
            k: v for k, v in original.preset.items() if k in ("title", "weight", "evidence", "analytic")})
        return key

    def _move(self, origin: str, copy: str, relation: Link | tuple[str, str]) -> None:
        """Let ``copy`` make the relation ``origin`` made, keeping the indexes up to date."""
        if isinstance(relation, Link):
            self.outgoing[origin].remove(relation)
            moved = dataclasses.replace(relation, source=copy)
            self.outgoing[copy].append(moved)
            if self.incoming is not None:
                arrivals = self.incoming[relation.target]
                arrivals[arrivals.index(relation)] = moved
            # an undercut of the relation now names the copy as its premise
            for source, undercuts in self.undercuts.items():
                for i, (premise, conclusion) in enumerate(undercuts):
                    if premise == origin and conclusion == relation.target:
                        undercuts[i] = (copy, conclusion)
                        if self.undercut_by is not None:
                            self.undercut_by[origin].remove((source, (origin, conclusion)))
                            self.undercut_by[copy].append((source, (copy, conclusion)))
            # and so do the records of undercuts moved before, which the notes name
            denied = (origin, relation.target)
            self.moved = [(o, c, (copy, relation.target) if r == denied else r) for o, c, r in self.moved]
        else:
            self.undercuts[origin].remove(relation)
            self.undercuts[copy].append(relation)
            if self.undercut_by is not None:
                entries = self.undercut_by[relation[0]]
                entries[entries.index((origin, relation))] = (copy, relation)
        self.moved.append((origin, copy, relation))

    def break_support_cycles(self) -> None:
        state: dict[str, int] = {}  # 1: on the current path, 2: done
        for start in list(self.statements):
            if start in state:
                continue
            state[start] = 1
            path = [start]
            stack = [iter([link for link in self.outgoing.get(start, ()) if link.kind == "supports"])]
            while stack:
                link = next(stack[-1], None)
                if link is None:
                    state[path.pop()] = 2
                    stack.pop()
                    continue
                target = link.target
                if state.get(target) == 1:
                    source = link.source
                    if source not in self.cycle_copy:
                        self.cycle_copy[source] = self._copy_of(source, "cycle")
                    self._move(source, self.cycle_copy[source], link)
                elif target not in state:
                    state[target] = 1
                    path.append(target)
                    stack.append(iter([l for l in self.outgoing.get(target, ()) if l.kind == "supports"]))

    # --- sides

    def _index(self) -> None:
        self.incoming = defaultdict(list)
        for links in self.outgoing.values():
            for link in links:
                self.incoming[link.target].append(link)
        self.undercut_by = defaultdict(list)
        for source, relations in self.undercuts.items():
            for relation in relations:
                self.undercut_by[relation[0]].append((source, relation))

    def _points_at_nothing(self, key: str) -> bool:
        preset = self.statements[key].preset.get("type")
        if preset:
            return preset == "thesis"
        return not self.outgoing.get(key) and not self.undercuts.get(key)

    def _reasons(self, target: str, side: str):
        """(source, the side it gets, relation) for every relation that points at ``target``;
        cross-references only once the statements' own places are sided."""
        for link in list(self.incoming.get(target, ())):
            if (self.follow_cross_references or not link.cross_reference) and not self._points_at_nothing(link.source):
                yield link.source, side if link.kind == "supports" else other_side(side), link
        for source, relation in list(self.undercut_by.get(target, ())):
            if not self._points_at_nothing(source):
                yield source, other_side(side), relation

    def _agreement(self, root: str, side: str) -> int:
        """How many already sided statements the thesis ``root`` on ``side`` agrees with, less
        those it disagrees with."""
        score, seen, queue = 0, {root}, deque([(root, side)])
        while queue:
            target, target_side = queue.popleft()
            for source, derived, _ in self._reasons(target, target_side):
                if source in self.side:
                    score += 1 if self.side[source] == derived else -1
                elif source not in seen:
                    seen.add(source)
                    queue.append((source, derived))
        return score

    def _spread(self, root: str) -> None:
        preset = self.statements[root].preset.get("side")
        self.side[root] = preset or ("con" if self._agreement(root, "pro") < 0 else "pro")
        self._spread_from(deque([root]))

    def _spread_from(self, queue: deque[str]) -> None:
        """Sides spread from the sided statements in ``queue`` to what points at them."""
        while queue:
            target = queue.popleft()
            for source, derived, relation in list(self._reasons(target, self.side[target])):
                if source not in self.side:
                    self.side[source] = derived
                    queue.append(source)
                elif self.side[source] != derived:
                    queue.append(self._move_to_side_copy(source, derived, relation))

    def _move_to_side_copy(self, source: str, side: str, relation: Link | tuple[str, str]) -> str:
        """Let the copy of ``source`` on ``side`` make ``relation``; the copy, whose side the
        undercutters of that relation must now answer (so it is spread from too)."""
        copy = self.side_copy.get(source)
        if copy is None:
            copy = self.side_copy[source] = self._copy_of(source, "side")
            self.side[copy] = side
        self._move(source, copy, relation)
        return copy

    def assign_sides(self) -> None:
        """Sides spread from the theses, along each statement's own relations first, then along
        cross-references. Statements that lead to no thesis (their relations run in a circle, as
        a contradiction's two attacks do) get one: the one most pointed at becomes a thesis, and a
        copy of it makes the relations it made."""
        self._index()
        self.follow_cross_references = False
        for root in [key for key in self.statements if self._points_at_nothing(key)]:
            self._spread(root)
        self.follow_cross_references = True
        if any(link.cross_reference for links in self.outgoing.values() for link in links):
            self._spread_from(deque(self.side))
        while len(self.side) < len(self.statements):
            self._spread_from(deque(self._settle_leaves()))
            unreached = [key for key in self.statements if key not in self.side]
            if not unreached:
                break
            order = {key: i for i, key in enumerate(self.statements)}
            chosen = max(unreached, key=lambda k: (k not in self.copies, len(self.incoming.get(k, ())) +
                                                   len(self.undercut_by.get(k, ())), -order[k]))
            copy = self._copy_of(chosen, "thesis")
            for link in list(self.outgoing.get(chosen, ())):
                self._move(chosen, copy, link)
            for relation in list(self.undercuts.get(chosen, ())):
                self._move(chosen, copy, relation)
            self._spread(chosen)
        self._fold_back_emptied()

    def _fold_back_emptied(self) -> None:
        """A statement whose every relation moved to its copy on the other side, and that nothing
        points at, takes that side and its relations back: no empty node is left behind."""
        for origin, copy in list(self.side_copy.items()):
            if any(index.get(origin) for index in (self.outgoing, self.undercuts, self.incoming, self.undercut_by)):
                continue
            for link in list(self.outgoing.get(copy, ())):
                self._move(copy, origin, link)
            for relation in list(self.undercuts.get(copy, ())):
                self._move(copy, origin, relation)
            self.side[origin] = self.side.pop(copy)
            del self.statements[copy], self.copies[copy], self.side_copy[origin]
            self.moved = [moved for moved in self.moved if copy not in moved[:2]]

    def _settle_leaves(self) -> list[str]:
        """A statement no relation points at whose relations all end at sided statements takes the
        side of its first relation; a relation that disagrees moves to a copy. The statements
        sided here (copies included), to spread from."""
        settled: list[str] = []
        for key in [k for k in self.statements if k not in self.side and not self.incoming.get(k)]:
            relations: list = [*self.outgoing.get(key, ()), *self.undercuts.get(key, ())]
            ends = [r.target if isinstance(r, Link) else r[0] for r in relations]
            if not relations or any(end not in self.side for end in ends):
                continue
            for relation, end in zip(relations, ends):
                derived = self.side[end] if isinstance(relation, Link) and relation.kind == "supports" else other_side(self.side[end])
                if key not in self.side:
                    self.side[key] = derived
                    settled.append(key)
                elif derived != self.side[key]:
                    settled.append(self._move_to_side_copy(key, derived, relation))
        return settled

    # --- nodes

    def node_type(self, key: str) -> str:
        preset = self.statements[key].preset.get("type")
        if preset:
            return preset
        links = self.outgoing.get(key, ())
        if not links and not self.undercuts.get(key):
            return "thesis"
        if any(link.kind == "supports" for link in links):
            return "claim"
        if links and not self.undercuts.get(key) and all(self._answers_only(link.target) for link in links):
            return "rebuttal"
        return "objection"

    def _answers_only(self, key: str) -> bool:
        """Does the node only attack or undercut (so it is an objection or a rebuttal)?"""
        preset = self.statements[key].preset.get("type")
        if preset:
            return preset in ("objection", "rebuttal")
        links = self.outgoing.get(key, ())
        return bool(links or self.undercuts.get(key)) and all(link.kind == "attacks" for link in links)

    def assign_ids(self) -> dict[str, str]:
        ids: dict[str, str] = {}
        taken: set[str] = set()

        def unique(wanted: str) -> str:
            wanted = wanted[:MAX_IDENTIFIER_LENGTH - 8]
            candidate, n = wanted, 1
            while candidate.casefold() in taken:
                n += 1
                candidate = f"{wanted}-{n}"
            taken.add(candidate.casefold())
            return candidate

        for key, statement in self.statements.items():
            if key in self.copies:
                continue
            preset = statement.preset.get("id")
            if isinstance(preset, str) and _IDENTIFIER.match(preset) and preset.casefold() not in taken:
                ids[key] = unique(preset)
            else:
                ids[key] = unique(id_from_words(statement.title or statement.text))
        for key, copy in self.copies.items():
            ids[key] = unique(f"{ids[copy.origin]}-{COPY_SUFFIX}")
        return ids

    def copy_notes(self, ids: dict[str, str]) -> dict[str, list[str]]:
        notes: dict[str, list[str]] = defaultdict(list)
        for origin, copy, relation in self.moved:
            if isinstance(relation, Link):
                what = f"{relation.kind} '{ids[relation.target]}'"
            else:
                what = f"undercuts '{ids[relation[0]]} -> {ids[relation[1]]}'"
            base = ids[self.copies[copy].origin]
            why = {
                "cycle": "which would close a circle of supports",
                "thesis": f"while '{base}' is a thesis (its relations lead back to it), and a thesis points at nothing",
                "side": f"which puts it on the {self.side.get(copy)} side while '{base}' is {self.side.get(self.copies[copy].origin)}",
            }[self.copies[copy].reason]
            self.notices.append(f"'{ids[copy]}' is a copy of '{base}': it {what}, {why}")
            notes[copy].append(f"A copy of '{base}': in the {self.exchange.format_name} file that statement also "
                               f"{what}, {why}.")
        return notes

    def _report_isolated(self, ids: dict[str, str]) -> None:
        linked = {key for key in self.statements if self.outgoing.get(key) or self.undercuts.get(key)
                  or self.incoming.get(key) or self.undercut_by.get(key)}
        isolated = [ids[key] for key in self.statements if key not in linked]
        if isolated and len(self.statements) > 1:
            shown = ", ".join(isolated[:10]) + (", ..." if len(isolated) > 10 else "")
            self.notices.append(f"{plural(len(isolated), 'statement')} with no relation ({shown}): each is a thesis "
                                "nothing points at (argmap check warns, AM312)")

    def build(self, map_id: str, fallback_title: str) -> Built:
        self.collect()
        self.break_support_cycles()
        self.assign_sides()
        ids = self.assign_ids()
        copy_notes = self.copy_notes(ids)
        self._report_isolated(ids)
        nodes: dict[str, dict] = {}
        for key, statement in self.statements.items():
            preset = statement.preset
            node_type = self.node_type(key)
            text = clean_text(statement.text) or "(no text in the source)"
            title = preset.get("title") or short_title(clean_text(statement.title or "") or text)
            node: dict = {"type": node_type}
            if node_type == "thesis":
                node["side"] = self.side.get(key, "pro")
            elif preset.get("side"):
                node["side"] = preset["side"]
            node["title"] = title
            node["text"] = text
            links = self.outgoing.get(key, ())
            for relation in ("supports", "attacks"):
                targets = [ids[link.target] if link.weight == 1.0 else {"to": ids[link.target], "weight": link.weight}
                           for link in links if link.kind == relation]
                if targets:
                    node[relation] = targets
            if self.undercuts.get(key):
                node["undercuts"] = [{"from": ids[p], "to": ids[c]} for p, c in self.undercuts[key]]
            for name in ("weight", "evidence"):
                if preset.get(name) is not None:
                    node[name] = preset[name]
            if preset.get("analytic", True):
                node["analytic"] = True
            notes = [*([preset["note"]] if preset.get("note") else []),
                     *(clean_text(n) for n in statement.notes), *copy_notes.get(key, ())]
            if notes:
                node["note"] = "\n".join(notes)
            nodes[ids[key]] = node
        return Built(self._map(map_id, fallback_title, nodes), self.notices, ids)

    def _map(self, map_id: str, fallback_title: str, nodes: dict[str, dict]) -> dict:
        exchange, preset = self.exchange, self.exchange.preset
        pointed_at: dict[str, int] = defaultdict(int)
        for node in nodes.values():
            for target in (*node.get("supports", ()), *node.get("attacks", ())):
                pointed_at[target if isinstance(target, str) else target["to"]] += 1
        # each side's position is its most answered thesis
        theses = {side: sorted((n for n in nodes if nodes[n]["type"] == "thesis" and nodes[n].get("side") == side),
                               key=lambda n: -pointed_at[n]) for side in ("pro", "con")}
        theses = {side: [nodes[n] for n in ids] for side, ids in theses.items()}
        pro = theses["pro"][0]["title"] if theses["pro"] else None
        con = theses["con"][0]["title"] if theses["con"] else None
        title = one_line(clean_text(exchange.title or "")) or fallback_title
        data: dict = {
            "argmap": FORMAT_VERSION,
            "id": map_id,
            "title": preset.get("title") or title,
            "question": preset.get("question") or one_line(clean_text(exchange.question or ""))
            or f"Does this hold: {(pro or con or title).rstrip('.!?…')}?",
        }
        if preset.get("lang"):  # only a file that says its language: no format but argmap's own does
            data["lang"] = preset["lang"]
        data["sides"] = preset.get("sides") or {
            "pro": pro or (f"Against: {con}" if con else "For"),
            "con": con or (f"Against: {pro}" if pro else "Against"),
        }
        description = preset.get("description") or "\n".join(clean_text(n) for n in exchange.description_notes)
        if description:
            data["description"] = description
        data["nodes"] = nodes
        if preset.get("expect"):
            data["expect"] = preset["expect"]
        return data


def build_map(exchange: Exchange, map_id: str, fallback_title: str) -> Built:
    """The map for ``exchange`` with id ``map_id``; ``fallback_title`` when the file has none."""
    return _Builder(exchange).build(map_id, fallback_title)
