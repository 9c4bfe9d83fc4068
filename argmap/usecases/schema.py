"""`argmap schema`: the JSON Schema of maps, or of the sources registry, for editors."""

from __future__ import annotations

from argmap.core.schema import MAP_SCHEMA, SOURCES_SCHEMA, schema_text


def schema(sources: bool = False) -> str:
    return schema_text(SOURCES_SCHEMA if sources else MAP_SCHEMA)
