"""JSON Schemas of the two file formats, generated from the pydantic models.

Editors (VS Code's YAML extension, JetBrains IDEs) read them to complete and validate maps
while typing; the maps' first line points at the committed copy in ``schema/``. The schemas
describe shapes only: relations between nodes and citations are `argmap check`'s job.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from argmap.core.model import FORMAT_VERSION, ArgMap, SourceRegistry

DIALECT = "https://json-schema.org/draft/2020-12/schema"  # the dialect pydantic v2 generates


@dataclass(frozen=True)
class SchemaSpec:
    """One published schema: the model it is made from, its file name, id and title.

    The ids are URNs: they name the format and its version, and promise no address to fetch
    (editors find the schema through the path on each map's first line).
    """

    model: type[BaseModel]
    file_name: str
    id: str
    title: str


MAP_SCHEMA = SchemaSpec(ArgMap, "argmap.schema.json", f"urn:argmap:schema:map:{FORMAT_VERSION}",
                        f"argmap argument map, format {FORMAT_VERSION}")
SOURCES_SCHEMA = SchemaSpec(SourceRegistry, "sources.schema.json", f"urn:argmap:schema:sources:{FORMAT_VERSION}",
                            "argmap source registry (seeds/sources.yaml)")
SCHEMAS = (MAP_SCHEMA, SOURCES_SCHEMA)


def json_schema(spec: SchemaSpec) -> dict[str, Any]:
    """The JSON Schema of ``spec.model``, with the keys a schema store expects first."""
    generated = spec.model.model_json_schema(by_alias=True)
    _constrain_key_names(generated)
    generated.pop("title", None)
    return {"$schema": DIALECT, "$id": spec.id, "title": spec.title, **generated}


def schema_text(spec: SchemaSpec) -> str:
    """The schema as written to ``schema/<file_name>``: stable key order, a final newline."""
    return json.dumps(json_schema(spec), ensure_ascii=False, indent=2) + "\n"


def _constrain_key_names(node: Any) -> None:
    """pydantic writes ``dict[Identifier, X]`` as patternProperties, which lets a key that misses
    the pattern through unchecked; repeat the pattern in propertyNames so such keys are errors."""
    if isinstance(node, dict):
        patterns = list(node.get("patternProperties", {}))
        if len(patterns) == 1:
            node.setdefault("propertyNames", {})["pattern"] = patterns[0]
        for value in node.values():
            _constrain_key_names(value)
    elif isinstance(node, list):
        for value in node:
            _constrain_key_names(value)
