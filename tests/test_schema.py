"""`argmap schema`: the JSON Schemas editors use, checked with jsonschema against the fixture files."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator

import pytest

from argmap.core.model import ArgMap
from argmap.core.schema import MAP_SCHEMA, SCHEMAS, SOURCES_SCHEMA, json_schema
from conftest import MAPS, REPO, SEEDS
from schema_support import data_of, validator

SCHEMA_DIR = REPO / "schema"
MAP_FILES = sorted(MAPS.glob("*.yaml"))


def properties(node, where: str = "") -> Iterator[tuple[str, dict]]:
    """Every (path, property schema) of the models in a schema, wherever `properties` occurs
    (conditions such as if/then constrain properties already described, so they are skipped)."""
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            yield f"{where}.{name}", prop
        for key, value in node.items():
            if key not in ("if", "then", "else", "not"):
                yield from properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from properties(value, f"{where}[{i}]")


@pytest.mark.parametrize("spec", SCHEMAS, ids=lambda s: s.file_name)
def test_every_property_has_a_description(spec):
    found = list(properties(json_schema(spec)))
    assert len(found) > 10
    missing = [path for path, prop in found if not prop.get("description", "").strip()]
    assert missing == []


@pytest.mark.parametrize("spec", SCHEMAS, ids=lambda s: s.file_name)
def test_schema_names_its_dialect_id_and_title(spec):
    schema = json_schema(spec)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("urn:argmap:schema:")
    assert schema["title"] and schema["description"]
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize(("args", "spec"), [(["schema"], MAP_SCHEMA), (["schema", "--sources"], SOURCES_SCHEMA)])
def test_committed_schema_files_equal_the_command_output(cli, args, spec):
    """schema/*.json is what maps' first line points at; regenerate with `argmap schema > ...`."""
    result = cli(args)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema(spec)
    assert (SCHEMA_DIR / spec.file_name).read_text(encoding="utf-8") == result.stdout


@pytest.mark.parametrize("path", MAP_FILES, ids=lambda p: p.name)
def test_fixture_maps_validate(path):
    errors = [e.message for e in validator(MAP_SCHEMA).iter_errors(data_of(path))]
    assert errors == []


def test_sources_registry_validates():
    assert [e.message for e in validator(SOURCES_SCHEMA).iter_errors(data_of(SEEDS / "sources.yaml"))] == []


def test_sources_schema_accepts_what_the_model_coerces():
    """`volume: 11` and `issued: 2025` are read as text by the model; editors must not flag them."""
    entry = {"file": "a.txt", "title": "T", "volume": 11, "issue": 2, "issued": 2025}
    assert list(validator(SOURCES_SCHEMA).iter_errors({"sources": {"a": entry}})) == []
    bad = {"file": "a.txt", "title": "T", "issued": "28 Oct 2025", "reliability": "tabloid"}
    assert len(list(validator(SOURCES_SCHEMA).iter_errors({"sources": {"a": bad}}))) == 2


def _a_map() -> dict:
    return copy.deepcopy(data_of(MAPS / "river-bridge.yaml"))


def _set(path, value):
    def mutate(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return data
    return mutate


def _first_node(mutation):
    def mutate(data):
        node_id = next(iter(data["nodes"]))
        mutation(data["nodes"][node_id])
        return data
    return mutate


# name -> (mutation, whether the pydantic model rejects it too; a thesis without a side is a
# check, AM302, that the schema can also express for editors)
WRONG = {
    "type is a number": (_first_node(lambda node: node.__setitem__("type", 5)), True),
    "unknown node type": (_first_node(lambda node: node.__setitem__("type", "argument")), True),
    "unknown key in a node": (_first_node(lambda node: node.__setitem__("colour", "red")), True),
    "unknown top-level key": (_set(("colour",), "red"), True),
    "format version 3": (_set(("argmap",), 3), True),
    "weight above 1": (_first_node(lambda node: node.__setitem__("weight", 3)), True),
    "supports is a string": (_first_node(lambda node: node.__setitem__("supports", "other-node")), True),
    "evidence without quote": (_first_node(lambda node: node.__setitem__("evidence", [{"source": "sari2023"}])), True),
    "node id with a space": (lambda data: {**data, "nodes": {**data["nodes"], "bad id": {"type": "claim", "text": "x"}}}, True),
    "sides missing con": (_set(("sides",), {"pro": "P"}), True),
    "thesis without side": (_first_node(lambda node: node.pop("side")), False),
}


@pytest.mark.parametrize(("mutate", "model_rejects"), WRONG.values(), ids=WRONG.keys())
def test_wrong_maps_are_rejected(mutate, model_rejects):
    data = mutate(_a_map())
    assert list(validator(MAP_SCHEMA).iter_errors(data)), "the schema accepted a wrong map"
    if model_rejects:
        with pytest.raises(ValueError):  # pydantic's ValidationError is a ValueError
            ArgMap.model_validate(data)


def test_schema_errors_name_the_wrong_field():
    data = WRONG["type is a number"][0](_a_map())
    errors = list(validator(MAP_SCHEMA).iter_errors(data))
    assert any(list(e.absolute_path)[-1:] == ["type"] for e in errors)
