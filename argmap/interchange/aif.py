"""AIF JSON, the Argument Interchange Format as AIFdb and OVA write it.

A file lists ``nodes`` (I: a statement; RA: an inference; CA: a conflict; MA: a rephrase; PA: a
preference; L, YA, TA: the dialogue: locutions, their illocutionary anchors and transitions) and
``edges`` (``fromID`` -> ``toID``). OVA wraps the same lists as ``{"AIF": {...}}``. Ids may be
numbers or text in the same file; they are compared as text.

argmap's extension (see docs/commands/interchange.md): each I-node written by `argmap export`
carries ``"argmap": {id, title, type, side, weight, evidence, analytic, note}`` and the file
``"argmap": {"version": 1, "map": {...}, "sources": {...}}``; other AIF tools ignore both, and
`argmap import` restores the nodes from them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping

from argmap.interchange.builder import one_line, short_title
from argmap.interchange.exchange import Exchange, Link, UnreadableFile, Undercut, parse_json
from argmap.core.model import ArgMap, Source
from argmap.text.words import plural

EXTENSION = "argmap"
EXTENSION_VERSION = 1
INFERENCE, CONFLICT, REPHRASE, PREFERENCE = "RA", "CA", "MA", "PA"
DIALOGUE = ("L", "YA", "TA")
# The names AIFdb gives scheme nodes that follow no named scheme.
DEFAULT_INFERENCE, DEFAULT_CONFLICT = "Default Inference", "Default Conflict"
FORMAT_NAME = "AIF"


def _hint() -> str:
    return "an AIF JSON file has lists 'nodes' and 'edges' (AIFdb), possibly inside {\"AIF\": ...} (OVA)"


def _as_key(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return str(value).strip() or None


def read_aif(text: str) -> Exchange:
    """The statements and relations of an AIF JSON document; raises UnreadableFile (exit 2)."""
    document = parse_json(text, _hint())
    if isinstance(document, dict) and isinstance(document.get("AIF"), dict):
        document = {**document["AIF"], EXTENSION: document.get(EXTENSION, document["AIF"].get(EXTENSION))}
    if not isinstance(document, dict) or not isinstance(document.get("nodes"), list) or not isinstance(document.get("edges"), list):
        raise UnreadableFile("not AIF: no 'nodes' and 'edges' lists at the top", _hint())
    return _AifReader(document).read()


class _AifReader:
    def __init__(self, document: dict):
        self.document = document
        self.exchange = Exchange(FORMAT_NAME)
        self.kinds: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.weights: dict[str, float] = {}  # RA and CA nodes argmap wrote with a relation weight
        self.into: dict[str, list[str]] = defaultdict(list)  # node -> the nodes with an edge into it
        self.out: dict[str, list[str]] = defaultdict(list)

    def read(self) -> Exchange:
        exchange = self.exchange
        skipped = 0
        for node in self.document["nodes"]:
            key = _as_key(node.get("nodeID")) if isinstance(node, dict) else None
            if key is None or key in self.kinds:
                skipped += 1
                continue
            self.kinds[key] = str(node.get("type", "")).strip()
            self.texts[key] = str(node.get("text") or "")
            if self.kinds[key] == "I":
                statement = exchange.add(key, self.texts[key])
                extension = node.get(EXTENSION)
                if isinstance(extension, dict):
                    statement.preset = dict(extension)
                    statement.title = extension.get("title")
            elif isinstance(weight := (node.get(EXTENSION) or {}).get("weight") if isinstance(node.get(EXTENSION), dict)
                            else None, (int, float)) and not isinstance(weight, bool) and 0 <= weight <= 1:
                self.weights[key] = float(weight)
        if not exchange.statements:
            raise UnreadableFile("the AIF file has no I-nodes (statements)", _hint())
        if skipped:
            exchange.notices.append(f"skipped {plural(skipped, 'node')} without a usable or unique nodeID")
        self._edges()
        self._schemes()
        self._dialogue()
        extension = self.document.get(EXTENSION)
        if isinstance(extension, dict) and isinstance(extension.get("map"), dict):
            exchange.preset = dict(extension["map"])
            if extension.get("sources"):
                exchange.notices.append(
                    f"the file carries {plural(len(extension['sources']), 'source')} "
                    f"({', '.join(sorted(extension['sources']))}): they must be in the seeds folder's sources.yaml")
        return exchange

    def _edges(self) -> None:
        seen: set[tuple[str, str]] = set()
        unknown = repeated = 0
        for edge in self.document["edges"]:
            if not isinstance(edge, dict):
                unknown += 1
                continue
            source, target = _as_key(edge.get("fromID")), _as_key(edge.get("toID"))
            if source not in self.kinds or target not in self.kinds:
                unknown += 1
                continue
            if (source, target) in seen:
                repeated += 1
                continue
            seen.add((source, target))
            self.out[source].append(target)
            self.into[target].append(source)
        if unknown:
            self.exchange.notices.append(f"skipped {plural(unknown, 'edge')} naming a node the file does not have")
        if repeated:
            self.exchange.notices.append(f"merged {plural(repeated, 'repeated edge')}")
        for source, targets in self.out.items():
            if self.kinds[source] != "I":
                continue
            for target in targets:
                if self.kinds[target] == "I":
                    self.exchange.note(source, f"In the AIF file this statement has an edge straight to "
                                               f"'{self._label(target)}' (no RA or CA node between them).")
                    self.exchange.notices.append(f"AIF edge {source} -> {target} links two I-nodes directly: kept as a note")

    def _label(self, key: str) -> str:
        return short_title(self.texts.get(key, "")) or key

    def _i_premises(self, scheme: str) -> list[str]:
        return [k for k in self.into[scheme] if self.kinds[k] == "I"]

    def _i_conclusions(self, scheme: str) -> list[str]:
        return [k for k in self.out[scheme] if self.kinds[k] == "I"]

    def _relations(self, scheme: str) -> list[tuple[str, str]]:
        """The premise -> conclusion pairs an RA or CA node stands for."""
        return [(p, c) for p in self._i_premises(scheme) for c in self._i_conclusions(scheme)]

    def _schemes(self) -> None:
        exchange = self.exchange
        for scheme, kind in self.kinds.items():
            if kind not in (INFERENCE, CONFLICT, REPHRASE, PREFERENCE):
                continue
            premises, conclusions = self._i_premises(scheme), self._i_conclusions(scheme)
            name = self.texts[scheme].strip()
            named = name and name not in (DEFAULT_INFERENCE, DEFAULT_CONFLICT)
            if kind in (INFERENCE, CONFLICT):
                relation = "supports" if kind == INFERENCE else "attacks"
                for conclusion in conclusions:
                    for premise in premises:
                        exchange.links.append(Link(premise, conclusion, relation, weight=self.weights.get(scheme, 1.0)))
                    if kind == INFERENCE and len(premises) > 1:
                        together = "; ".join(f"'{self._label(p)}'" for p in premises)
                        exchange.note(conclusion, f"In the AIF file, {together} support this together "
                                                  f"(one argument, RA node {scheme}); here each supports it on its own.")
                    if named:
                        for premise in premises:
                            exchange.note(premise, f"Scheme of the {relation[:-1]} of '{self._label(conclusion)}': {name}.")
                for target in self.out[scheme]:
                    if self.kinds[target] in (INFERENCE, CONFLICT):
                        self._scheme_target(scheme, kind, premises, target)
                if not premises or not conclusions and not any(self.kinds[t] in (INFERENCE, CONFLICT) for t in self.out[scheme]):
                    exchange.notices.append(f"AIF {kind} node {scheme} lacks a premise or a conclusion: it makes no relation")
            else:
                for premise in premises:
                    for conclusion in conclusions:
                        if kind == REPHRASE:
                            exchange.note(premise, f"Rephrased as '{self._label(conclusion)}' (AIF MA node {scheme}).")
                            exchange.note(conclusion, f"Rephrases '{self._label(premise)}' (AIF MA node {scheme}).")
                        else:
                            exchange.note(premise, f"Preferred to '{self._label(conclusion)}' (AIF PA node {scheme}).")
                exchange.notices.append(f"AIF {kind} node {scheme} ({'rephrase' if kind == REPHRASE else 'preference'}) "
                                        "kept as notes")

    def _scheme_target(self, scheme: str, kind: str, premises: list[str], target: str) -> None:
        """A scheme node pointing at another: a CA node undercuts the relations the target stands
        for; an RA node (support for an inference) has no counterpart in argmap."""
        pairs = self._relations(target)
        if kind == CONFLICT:
            for premise in premises:
                for p, c in pairs:
                    self.exchange.undercuts.append(Undercut(premise, p, c))
            if not pairs:
                self.exchange.notices.append(f"AIF CA node {scheme} attacks {self.kinds[target]} node {target}, "
                                             "which links no statements: nothing to undercut")
            return
        for premise in premises:
            for p, c in pairs:
                self.exchange.note(premise, f"In the AIF file this supports the inference from '{self._label(p)}' "
                                            f"to '{self._label(c)}' (RA node {scheme}); argmap has no support of a relation.")
        self.exchange.notices.append(f"AIF RA node {scheme} supports a relation ({self.kinds[target]} node {target}): "
                                     "kept as a note")

    def _dialogue(self) -> None:
        """Locutions anchored to a statement become its notes; the rest of the dialogue is counted
        in the map's description."""
        counts: dict[str, int] = defaultdict(int)
        anchored = 0
        for key, kind in self.kinds.items():
            if kind not in DIALOGUE:
                continue
            counts[kind] += 1
            if kind != "YA":
                continue
            force = self.texts[key].strip() or "Anchored"
            for locution in self.into[key]:
                if self.kinds[locution] != "L":
                    continue
                for statement in self._i_conclusions(key):
                    self.exchange.note(statement, f"{force}: {one_line(self.texts[locution])}")
                    anchored += 1
        if counts:
            summary = ", ".join(f"{plural(n, kind + '-node')}" for kind, n in sorted(counts.items()))
            self.exchange.description_notes.append(
                f"Imported from AIF. The file's dialogue ({summary}) is kept as notes: each statement lists "
                "the locutions anchored to it.")
            self.exchange.notices.append(f"dialogue kept as notes: {summary}; {plural(anchored, 'locution')} anchored "
                                         "to statements")

# --- export


def write_aif(argmap: ArgMap, sources: Mapping[str, Source] | None = None) -> tuple[str, list[str]]:
    """AIF JSON for the map (one I-node per node, an RA node per support, a CA node per attack
    and per undercut) with argmap's extension; and what could not be written."""
    nodes: list[dict] = []
    edges: list[dict] = []
    notices: list[str] = []
    number = iter(range(1, 1 << 62))
    i_node: dict[str, str] = {}
    for node_id, node in argmap.nodes.items():
        key = i_node[node_id] = str(next(number))
        extension = {"id": node_id, **node.model_dump(mode="json", by_alias=True, exclude_defaults=True,
                                                      exclude={"text", "supports", "attacks", "undercuts"})}
        extension["analytic"] = node.analytic
        nodes.append({"nodeID": key, "text": node.text, "type": "I", "timestamp": "", EXTENSION: extension})

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target, "formEdgeID": None})

    relation_node: dict[tuple[str, str], str] = {}
    for node_id, node in argmap.nodes.items():
        for relation, kind, text in (("supports", INFERENCE, DEFAULT_INFERENCE), ("attacks", CONFLICT, DEFAULT_CONFLICT)):
            for target in getattr(node, relation):
                if target not in i_node or (node_id, target) in relation_node:
                    notices.append(f"node '{node_id}' {relation} '{target}' twice or a node the map lacks: written once or not at all")
                    continue
                scheme = relation_node[(node_id, target)] = str(next(number))
                weight = node.relation_weight(relation, target)
                nodes.append({"nodeID": scheme, "text": text, "type": kind, "timestamp": "",
                              **({EXTENSION: {"weight": weight}} if weight != 1.0 else {})})
                edge(i_node[node_id], scheme)
                edge(scheme, i_node[target])
    for node_id, node in argmap.nodes.items():
        for denied in node.undercuts:
            target = relation_node.get((denied.from_, denied.to))
            if target is None:
                notices.append(f"node '{node_id}' undercuts '{denied.from_} -> {denied.to}', which is no relation "
                               "of the map: not written")
                continue
            scheme = str(next(number))
            nodes.append({"nodeID": scheme, "text": DEFAULT_CONFLICT, "type": CONFLICT, "timestamp": ""})
            edge(i_node[node_id], scheme)
            edge(scheme, target)
    map_fields = argmap.model_dump(mode="json", by_alias=True, exclude_defaults=True, exclude={"nodes", "argmap"})
    map_fields["lang"] = argmap.lang
    cited = {e.source for node in argmap.nodes.values() for e in node.evidence}
    extension = {"version": EXTENSION_VERSION, "map": map_fields}
    if sources:
        extension["sources"] = {sid: sources[sid].model_dump(mode="json", by_alias=True, exclude_defaults=True)
                                for sid in sorted(cited) if sid in sources}
    document = {"nodes": nodes, "edges": edges, "locutions": [], "participants": [], EXTENSION: extension}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n", notices
