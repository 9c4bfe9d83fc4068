"""What each version of the map format may hold: a version-1 map that uses a field only format
2 knows is told to say `argmap: 2` (AM204), at that key.

The model reads both versions with one set of fields, so that a map needs no second model; the
version only decides which fields a map may use (here) and which warnings it gets (the rules).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from operator import attrgetter

from pydantic import BaseModel

from argmap.core.codes import Code
from argmap.core.diagnostics import Diagnostic
from argmap.core.load import LoadedYaml, YamlPath
from argmap.core.model import ArgMap
from argmap.core.vocabulary import GRADUAL_SEMANTICS

# Keys format 2 added, by where they appear.
FORMAT_2_MAP_KEYS = ("theses", "because")
FORMAT_2_NODE_KEYS = ("title", "weight", "undercuts")
FORMAT_2_EVIDENCE_KEYS = ("as_of", "speaker", "page", "highlight_translation", "disputed")
FORMAT_2_EXPECT_KEYS = (*GRADUAL_SEMANTICS, "verdict")
RELATION_KEYS = ("supports", "attacks")  # whose entries may be {to, weight} in format 2
MIGRATE_HINT = "set `argmap: 2` (or run `argmap migrate FILE`)"


def declared_version(data: dict) -> object:
    return data.get("argmap")


def format_2_fields(doc: LoadedYaml, model: ArgMap | None = None) -> list[Diagnostic]:
    """AM204 at every format-2 key of a map that declares `argmap: 1`; nothing for other maps
    (a missing or wrong version is the schema's to report). With the map's ``model``, a map
    that uses no format-2 field is told apart quickly, without walking its YAML data."""
    version = model.argmap if model is not None else declared_version(doc.data)  # a model's data may be let go
    if type(version) is not int or version != 1:
        return []
    if model is not None and not _uses_format_2(model):
        return []
    return [doc.diagnostic(path, Code.AM204, f"'{path[-1]}' needs format 2, but this map says `argmap: 1`",
                           (MIGRATE_HINT,), at_key=True)
            for path in _format_2_keys(doc.data)]


def _uses_format_2(model: ArgMap) -> bool:
    """Whether any node, evidence item or expectation sets a format-2 field: the fields each
    model was given, gathered in one pass at C speed (no Python call per node: on 200,000 nodes
    this is a few hundredths of a second, walking the YAML data or each node took tenths)."""
    if not model.model_fields_set.isdisjoint(FORMAT_2_MAP_KEYS):
        return True
    if model.expect is not None and not model.expect.model_fields_set.isdisjoint(FORMAT_2_EXPECT_KEYS):
        return True
    nodes = model.nodes.values()
    if not _fields_given(nodes).isdisjoint(FORMAT_2_NODE_KEYS):
        return True
    if not _fields_given(chain.from_iterable(map(_EVIDENCE, nodes))).isdisjoint(FORMAT_2_EVIDENCE_KEYS):
        return True
    # a relation entry other than a plain id is a {to, weight} mapping
    entries = chain(chain.from_iterable(map(_SUPPORT_ENTRIES, nodes)), chain.from_iterable(map(_ATTACK_ENTRIES, nodes)))
    return not set(map(type, entries)) <= {str}


_FIELDS_SET = attrgetter("__pydantic_fields_set__")  # what model_fields_set returns, without a call per model
_EVIDENCE, _SUPPORT_ENTRIES, _ATTACK_ENTRIES = attrgetter("evidence"), attrgetter("support_entries"), attrgetter("attack_entries")


def _fields_given(models: Iterable[BaseModel]) -> set[str]:
    return set().union(*map(_FIELDS_SET, models))


def _format_2_keys(data: dict) -> Iterator[YamlPath]:
    yield from ((key,) for key in FORMAT_2_MAP_KEYS if key in data)
    nodes = data.get("nodes")
    for node_id, node in (nodes.items() if isinstance(nodes, dict) else ()):
        if not isinstance(node, dict):
            continue
        yield from (("nodes", node_id, key) for key in FORMAT_2_NODE_KEYS if key in node)
        for relation in RELATION_KEYS:
            entries = node.get(relation)
            for i, entry in enumerate(entries if isinstance(entries, list) else ()):
                if isinstance(entry, dict) and "weight" in entry:
                    yield ("nodes", node_id, relation, i, "weight")
        evidence = node.get("evidence")
        for i, item in enumerate(evidence if isinstance(evidence, list) else ()):
            if isinstance(item, dict):
                yield from (("nodes", node_id, "evidence", i, key) for key in FORMAT_2_EVIDENCE_KEYS if key in item)
    expect = data.get("expect")
    if isinstance(expect, dict):
        yield from (("expect", key) for key in FORMAT_2_EXPECT_KEYS if key in expect)

