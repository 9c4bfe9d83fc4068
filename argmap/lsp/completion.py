"""Completion: node ids where a node is named, source ids in evidence, keys and allowed values from
the map format's schema (the pydantic models'), and the forms an `as_of` period takes.

Each item says what it is: a node's title, type and side; a source's short cite (the full one
below it); a key's description."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from lsprotocol import types

from argmap.brief.bibliography import card_cite, full_cite
from argmap.core.model import ArgMap, Source
from argmap.lsp.places import ANY, NODE_KEYS, NODE_REFERENCES, SOURCE_REFERENCES, fits_any, matches
from argmap.lsp.positions import TextLines
from argmap.lsp.yamltext import ITEM, Cursor

AS_OF: tuple = ("nodes", ANY, "evidence", ITEM, "as_of")


@cache
def map_schema() -> dict[str, Any]:
    from argmap.core.schema import MAP_SCHEMA, json_schema

    return json_schema(MAP_SCHEMA)


def completions(cursor: Cursor, lines: TextLines, model: ArgMap | None, sides: dict[str, str | None],
                sources: dict[str, Source], today: dt.date | None = None) -> list[types.CompletionItem]:
    """What may be typed at ``cursor``; ``model`` is the map as last loaded (the text being typed
    may not load), ``sides`` each node's side, ``sources`` the registry's sources."""
    replaced = lines.range(cursor.start, cursor.start + len(cursor.prefix))
    items: list[types.CompletionItem] = []
    if fits_any(NODE_REFERENCES, cursor.path) or (cursor.at_key and fits_any(NODE_KEYS, (*cursor.path, ANY))):
        items += _node_ids(model, sides, replaced, as_key=cursor.at_key and not cursor.path[-1] == ITEM)
    elif fits_any(SOURCE_REFERENCES, cursor.path):
        items += _source_ids(sources, replaced)
    elif matches(AS_OF, cursor.path):
        items += _periods(today or dt.date.today(), replaced)
    schemas = _walk(map_schema(), map_schema(), cursor.path)
    if cursor.at_key:
        items += _keys(schemas, replaced)
    else:
        items += _values(schemas, replaced)
    return items


def _node_ids(model: ArgMap | None, sides: dict[str, str | None], replaced: types.Range,
              as_key: bool) -> list[types.CompletionItem]:
    if model is None:
        return []
    items = []
    for node_id, node in model.nodes.items():
        side = sides.get(node_id)
        items.append(types.CompletionItem(
            label=node_id, kind=types.CompletionItemKind.Reference,
            detail=f"{node.label} ({node.type}{f', {side}' if side else ''})",
            documentation=node.text,
            text_edit=types.TextEdit(range=replaced, new_text=f"{node_id}: " if as_key else node_id)))
    return items


def _source_ids(sources: dict[str, Source], replaced: types.Range) -> list[types.CompletionItem]:
    return [types.CompletionItem(label=source_id, kind=types.CompletionItemKind.Reference, detail=card_cite(source),
                                 documentation=full_cite(source),
                                 text_edit=types.TextEdit(range=replaced, new_text=source_id))
            for source_id, source in sources.items()]


def _periods(today: dt.date, replaced: types.Range) -> list[types.CompletionItem]:
    """The forms of an EDTF period that `as_of` takes, each with an example from today's date."""
    year = today.year
    forms = [(f"{today:%Y-%m-%d}", "a day"), (f"{today:%Y-%m}", "a month"), (str(year), "a year"),
             (f"{year - 2}/{year}", "an interval: from one day, month or year to another"),
             (f"{year}/..", "an interval open at its end: since then"),
             (f"../{year}", "an interval open at its start: until then")]
    return [types.CompletionItem(label=form, kind=types.CompletionItemKind.Value, detail=what,
                                 text_edit=types.TextEdit(range=replaced, new_text=form))
            for form, what in forms]


def _keys(schemas: list[dict[str, Any]], replaced: types.Range) -> list[types.CompletionItem]:
    items = []
    for schema in schemas:
        for key, field in schema.get("properties", {}).items():
            field = _resolved(map_schema(), field)
            items.append(types.CompletionItem(
                label=key, kind=types.CompletionItemKind.Property, detail=_kind_of(field),
                documentation=field.get("description"), text_edit=types.TextEdit(range=replaced, new_text=f"{key}: ")))
    return items


def _values(schemas: list[dict[str, Any]], replaced: types.Range) -> list[types.CompletionItem]:
    values: dict[str, str] = {}
    for schema in schemas:
        for branch in _branches(map_schema(), schema):
            for value in branch.get("enum", [branch["const"]] if "const" in branch else []):
                values[str(value)] = branch.get("description") or ""
            if branch.get("type") == "boolean":
                values.update({"true": "", "false": ""})
    return [types.CompletionItem(label=value, kind=types.CompletionItemKind.EnumMember,
                                 documentation=description or None,
                                 text_edit=types.TextEdit(range=replaced, new_text=value))
            for value, description in values.items()]


def _kind_of(schema: dict[str, Any]) -> str | None:
    kinds = [b.get("type") for b in _branches(map_schema(), schema) if b.get("type") not in (None, "null")]
    enum = [str(v) for b in _branches(map_schema(), schema) for v in b.get("enum", [])]
    if enum:
        return " | ".join(enum)
    return " or ".join(dict.fromkeys(k if isinstance(k, str) else "/".join(k) for k in kinds)) or None


def _resolved(root: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _branches(root: dict[str, Any], schema: dict[str, Any]) -> list[dict[str, Any]]:
    schema = _resolved(root, schema)
    if "anyOf" in schema or "oneOf" in schema:
        return [b for branch in schema.get("anyOf", schema.get("oneOf", [])) for b in _branches(root, branch)]
    return [schema]


def _walk(root: dict[str, Any], schema: dict[str, Any], path: tuple) -> list[dict[str, Any]]:
    """Every schema a value at ``path`` below ``schema`` may have to follow (each branch of a union)."""
    found = []
    for branch in _branches(root, schema):
        if not path:
            found.append(branch)
            continue
        step, rest = path[0], path[1:]
        if isinstance(step, int):
            if branch.get("type") == "array" and "items" in branch:
                found += _walk(root, branch["items"], rest)
            continue
        properties = branch.get("properties", {})
        if step in properties:
            found += _walk(root, properties[step], rest)
        elif branch.get("patternProperties"):
            found += _walk(root, next(iter(branch["patternProperties"].values())), rest)
        elif isinstance(branch.get("additionalProperties"), dict):
            found += _walk(root, branch["additionalProperties"], rest)
    return found
