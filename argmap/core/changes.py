"""What changed in the debate between two versions of a map: its nodes, relations, evidence and
the sources it cites, compared as data, so that a comment or a layout edit is no change at all.

The evaluation's side of a change (labels, strengths, the verdict) needs the engines and is the
use case's (:mod:`argmap.usecases.diff`); this module only compares the two models.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

from argmap.core.model import ArgMap, Evidence, Node, Source, target_id, target_weight

RELATION_KINDS = ("supports", "attacks")
UNDERCUTS = "undercuts"
# The fields of a map and of a node that say something of the debate (and are not compared on
# their own below: nodes, relations, evidence); a map's `expect:` is what it claims of its
# evaluation, so a new pin is a change too.
MAP_FIELDS = ("title", "question", "lang", "sides", "description", "theses", "because", "expect")
NODE_FIELDS = ("type", "side", "weight", "analytic", "note")
# Of a registered source, what changes a quote's meaning or a node's base score.
SOURCE_FIELDS = ("sha256", "reliability", "file")


@dataclass(frozen=True)
class FieldChange:
    """One field of the map (``node`` None), of a node, or of a source, before and after."""

    node: str | None
    field: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Relation:
    """``source`` supports, attacks or undercuts ``target`` (an undercut's target is the relation
    ``from -> to``); ``weight`` is None for an undercut, which has none."""

    source: str
    kind: str
    target: str
    weight: float | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return self.source, self.kind, self.target


@dataclass(frozen=True)
class Reweighted:
    relation: Relation  # with its weight before
    after: float


@dataclass(frozen=True)
class Quote:
    """A piece of evidence: the node it backs, the source and the words quoted."""

    node: str
    source: str
    quote: str


@dataclass(frozen=True)
class Requoted:
    node: str
    source: str
    before: str
    after: str


@dataclass(frozen=True)
class MapChanges:
    """Every difference between two versions of one map, each kind in the map's order."""

    fields: tuple[FieldChange, ...] = ()
    nodes_added: tuple[str, ...] = ()
    nodes_removed: tuple[str, ...] = ()
    retitled: tuple[FieldChange, ...] = ()
    reworded: tuple[FieldChange, ...] = ()
    node_fields: tuple[FieldChange, ...] = ()
    relations_added: tuple[Relation, ...] = ()
    relations_removed: tuple[Relation, ...] = ()
    reweighted: tuple[Reweighted, ...] = ()
    evidence_added: tuple[Quote, ...] = ()
    evidence_removed: tuple[Quote, ...] = ()
    requoted: tuple[Requoted, ...] = ()
    evidence_edited: tuple[FieldChange, ...] = ()  # the same quote's other fields: page, translation, ...
    sources: tuple[FieldChange, ...] = ()  # the registry's entries of the sources the map cites

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


def compare_maps(old: ArgMap, new: ArgMap, old_sources: Mapping[str, Source] | None = None,
                 new_sources: Mapping[str, Source] | None = None) -> MapChanges:
    """What changed from ``old`` to ``new``; the sources are each version's registry, compared
    for the sources either version cites."""
    kept = [n for n in new.nodes if n in old.nodes]

    def node_changes(names: Iterable[str]) -> tuple[FieldChange, ...]:
        return tuple(c for n in kept for c in _field_changes(n, old.nodes[n], new.nodes[n], names))

    old_relations, new_relations = _relations(old), _relations(new)
    added, removed, requoted, edited = _evidence_changes(old, new, kept)
    return MapChanges(
        fields=tuple(_field_changes(None, old, new, MAP_FIELDS)),
        nodes_added=tuple(n for n in new.nodes if n not in old.nodes),
        nodes_removed=tuple(n for n in old.nodes if n not in new.nodes),
        retitled=node_changes(("title",)),
        reworded=node_changes(("text",)),
        node_fields=node_changes(NODE_FIELDS),
        relations_added=tuple(r for key, r in new_relations.items() if key not in old_relations),
        relations_removed=tuple(r for key, r in old_relations.items() if key not in new_relations),
        reweighted=tuple(Reweighted(r, new_relations[key].weight) for key, r in old_relations.items()  # type: ignore[arg-type]
                         if key in new_relations and r.weight != new_relations[key].weight),
        evidence_added=added,
        evidence_removed=removed,
        requoted=requoted,
        evidence_edited=edited,
        sources=tuple(_source_changes(sorted(_cited(old) | _cited(new)), old_sources or {}, new_sources or {})),
    )


def _shown(value: object) -> str | None:
    """A field's value as one line of text: a nested model as its YAML-like fields."""
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if hasattr(value, "model_dump"):
        dumped = value.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        return ", ".join(f"{key}: {item}" for key, item in dumped.items())
    return str(value).lower() if isinstance(value, bool) else str(value)


def _field_changes(node: str | None, old: object, new: object, names: Iterable[str]) -> list[FieldChange]:
    return [FieldChange(node, name, _shown(getattr(old, name)), _shown(getattr(new, name)))
            for name in names if getattr(old, name) != getattr(new, name)]


def _relations(argmap: ArgMap) -> dict[tuple[str, str, str], Relation]:
    """Every declared relation, keyed by its ends and kind; a repeated entry counts once, with
    its first weight, as the engines read it."""
    found: dict[tuple[str, str, str], Relation] = {}
    for node_id, node in argmap.nodes.items():
        for kind, entries in (("supports", node.support_entries), ("attacks", node.attack_entries)):
            for entry in entries:
                relation = Relation(node_id, kind, target_id(entry), target_weight(entry))
                found.setdefault(relation.key, relation)
        for ref in node.undercuts:
            relation = Relation(node_id, UNDERCUTS, f"{ref.from_} -> {ref.to}")
            found.setdefault(relation.key, relation)
    return found


EVIDENCE_FIELDS = tuple(name for name in Evidence.model_fields if name not in ("source", "quote"))


def _evidence_changes(old: ArgMap, new: ArgMap, kept: list[str]):
    """Quotes added and removed; a node's quote from one source replaced by another from the
    same source is requoted; the same quote with other fields changed is edited."""
    added: list[Quote] = []
    removed: list[Quote] = []
    requoted: list[Requoted] = []
    edited: list[FieldChange] = []
    for node_id in kept:
        before = _quotes(old.nodes[node_id])
        after = _quotes(new.nodes[node_id])
        for key in before.keys() & after.keys():
            edited.extend(FieldChange(node_id, f"evidence ({key[0]}) {name}", *_pair(before[key], after[key], name))
                          for name in EVIDENCE_FIELDS if getattr(before[key], name) != getattr(after[key], name))
        gone = [key for key in before if key not in after]
        came = [key for key in after if key not in before]
        for source, quote in gone:
            replacement = next((key for key in came if key[0] == source), None)
            if replacement is None:
                removed.append(Quote(node_id, source, quote))
            else:
                came.remove(replacement)
                requoted.append(Requoted(node_id, source, quote, replacement[1]))
        added.extend(Quote(node_id, source, quote) for source, quote in came)
    for node_id in new.nodes:
        if node_id not in old.nodes:
            added.extend(Quote(node_id, e.source, e.quote) for e in new.nodes[node_id].evidence)
    for node_id in old.nodes:
        if node_id not in new.nodes:
            removed.extend(Quote(node_id, e.source, e.quote) for e in old.nodes[node_id].evidence)
    return tuple(added), tuple(removed), tuple(requoted), tuple(edited)


def _quotes(node: Node) -> dict[tuple[str, str], Evidence]:
    quotes: dict[tuple[str, str], Evidence] = {}
    for evidence in node.evidence:
        quotes.setdefault((evidence.source, evidence.quote), evidence)
    return quotes


def _pair(old: object, new: object, name: str) -> tuple[str | None, str | None]:
    return _shown(getattr(old, name)), _shown(getattr(new, name))


def _cited(argmap: ArgMap) -> set[str]:
    return {e.source for node in argmap.nodes.values() for e in node.evidence}


def _source_changes(cited: list[str], old: Mapping[str, Source], new: Mapping[str, Source]) -> list[FieldChange]:
    """The registry entries of the cited sources whose pin, reliability or file changed (a
    source registered on one side only is reported by the check, not here)."""
    return [FieldChange(source_id, name, _shown(getattr(old[source_id], name)), _shown(getattr(new[source_id], name)))
            for source_id in cited if source_id in old and source_id in new
            for name in SOURCE_FIELDS if getattr(old[source_id], name) != getattr(new[source_id], name)]
