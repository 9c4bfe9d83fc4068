"""Turn positioned YAML data into pydantic models, and pydantic's errors into diagnostics."""

from __future__ import annotations

import difflib
import re
import types
import typing
from operator import attrgetter
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from argmap.core.codes import Code
from argmap.core.diagnostics import Diagnostic
from argmap.core.load import LoadedYaml, YamlPath, is_huge_integer, resolve_plain_scalar

M = TypeVar("M", bound=BaseModel)

_EXPECTED_TYPES = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}


def validate(doc: LoadedYaml, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = [_diagnostic(doc, model, error) for error in exc.errors(include_url=False)]
        return None, sorted(set(problems))


def validate_letting_go(doc: LoadedYaml, model: type[M], key: str, item: type[BaseModel],
                        nested: str | None = None) -> M | None:
    """``model`` built from the data as :func:`validate` builds it, with less memory: the entries
    under the top-level ``key`` are built one by one as ``item`` models (what ``model`` takes
    for them), each entry's data dropped once its model is built, so that the data and the
    models of a large map are never all held at once. The document places its diagnostics
    without the data (:meth:`LoadedYaml.place_lazily`). None when the data is not a valid
    ``model``, or its positions need it: the caller then validates as usual, on the data parsed
    again, for the same model or the same diagnostics.

    The item models, and those in their list field ``nested``, share one set of the fields each
    was given among all that were given the same (pydantic makes one per model, ~90 MB for
    200,000 nodes; the models are frozen, and a copy gets a set of its own)."""
    if doc.locator.marks is not None:  # the careful path's positions go with its data
        return None
    data = doc.data
    entries = data.get(key)
    if type(entries) is not dict:
        return None
    top = dict(data)
    doc.let_go()
    del data
    built: dict[Any, BaseModel] = {}
    check = item.__pydantic_validator__.validate_python  # what model_validate calls (built here if deferred)
    given: dict[frozenset[str], set[str]] = {}
    share, set_attribute = given.setdefault, object.__setattr__  # (local names: a call per model)
    children = attrgetter(nested) if nested else _NO_CHILDREN
    try:
        for name, value in entries.items():
            built[name] = entry = check(value)
            entries[name] = None  # replacing a value, not a key: the loop goes on
            fields = entry.__pydantic_fields_set__
            shared = share(frozenset(fields), fields)
            if shared is not fields:
                set_attribute(entry, "__pydantic_fields_set__", shared)
            for child in children(entry):
                fields = child.__pydantic_fields_set__
                shared = share(frozenset(fields), fields)
                if shared is not fields:
                    set_attribute(child, "__pydantic_fields_set__", shared)
        top[key] = built
        result = model.model_validate(top)
    except ValidationError:
        return None
    names = getattr(result, key)

    def same(name: str, value: Any) -> bool:
        try:
            return item.model_validate(value) == names[name]
        except ValidationError:
            return False

    doc.place_lazily(top, key, names, same)
    return result


def _NO_CHILDREN(entry: Any) -> tuple[()]:
    return ()


def _sentence_case(message: str) -> str:
    """pydantic's message, its first letter lowered to follow a colon; the rest (a pattern, a
    quoted value) stays as it is."""
    return message[:1].lower() + message[1:]


# The tags of the model's discriminated unions, which pydantic puts in an error's location after
# the entry they choose for: a relation entry is an id or a {to, weight} mapping.
_UNION_TAGS = {"supports": ("id", "weighted"), "attacks": ("id", "weighted")}


def _without_union_tags(loc: YamlPath) -> YamlPath:
    """The location in the file: ``nodes.c.supports.0.weighted.weight`` is ``nodes.c.supports.0.weight``."""
    kept: list = []
    for i, part in enumerate(loc):
        if (i >= 2 and isinstance(loc[i - 1], int) and part in _UNION_TAGS.get(str(loc[i - 2]), ())):
            continue
        kept.append(part)
    return tuple(kept)


def _diagnostic(doc: LoadedYaml, model: type[BaseModel], error: Any) -> Diagnostic:
    loc: YamlPath = _without_union_tags(tuple(error["loc"]))
    kind = error["type"]
    if loc and loc[-1] == "[key]":  # a dict key that fails its constraint
        key_path = loc[:-1]
        return doc.diagnostic(key_path, Code.AM203, f"invalid id '{key_path[-1]}': {_sentence_case(error['msg'])}",
                              hints=("ids start with a letter or digit and use only letters, digits, '-', '_' and '.'",),
                              at_key=True)
    key = str(loc[-1]) if loc else "file"
    if len(loc) > 1 and isinstance(loc[-1], int):  # a list item: "supports[0]", not "0"
        key = f"{loc[-2]}[{loc[-1]}]"
    where = _describe(loc)
    if kind == "extra_forbidden":
        allowed = sorted(_keys_at(model, loc[:-1]))
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hints = (f"did you mean '{close[0]}'?",) if close else ()
        hints += (f"expected one of: {', '.join(allowed)}",) if allowed else ()
        return doc.diagnostic(loc, Code.AM201, f"unknown key '{key}'{where}", hints=hints, at_key=True)
    if kind == "missing":
        return doc.diagnostic(loc[:-1], Code.AM202, f"missing required key '{key}'{where}", at_key=True)
    value = error.get("input")
    found = _show(value, _written_scalar(doc, loc) if isinstance(value, (bool, int, float)) else None)
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        close = difflib.get_close_matches(found if is_huge_integer(value) else str(value), _literal_words(expected),
                                          n=1, cutoff=0.6)
        hints = (f"did you mean '{close[0]}'?",) if close else ()
        return doc.diagnostic(loc, Code.AM203, f"invalid value for '{key}': expected {expected}; found {found}", hints=hints)
    if kind == "string_too_long" and isinstance(value, str):
        limit = error.get("ctx", {}).get("max_length")
        return doc.diagnostic(loc, Code.AM203, f"invalid value for '{key}': at most {limit} characters, found {len(value.strip())}",
                              hints=("shorten it; the full wording belongs in `text`",) if key == "title" else ())
    if kind in _EXPECTED_TYPES:
        hints = _quote_hint(loc, value, found) if kind == "string_type" else ()
        if kind in ("model_type", "dict_type") and isinstance(value, str) and len(loc) > 1 and loc[-2] in ("author", "editor"):
            hints = (f"a name is a mapping: {{literal: {value}}}, or {{family: ..., given: ...}}",)
        if kind == "list_type" and isinstance(value, str) and loc and loc[-1] in _LISTS_OF_WORDS:
            hints = (f"write a list, even of one: {loc[-1]}: [{value}]",)  # `supports: a` for `supports: [a]`
        return doc.diagnostic(loc, Code.AM203, f"invalid value for '{key}': expected {_EXPECTED_TYPES[kind]}; found {found}",
                              hints=hints)
    return doc.diagnostic(loc, Code.AM203, f"invalid value for '{key}': {error['msg']}; found {found}")


# Lists whose items are plain words or ids, where one item written alone is a common slip.
_LISTS_OF_WORDS = frozenset({"supports", "attacks", "stands", "falls", "undecided", "highlight", "highlight_translation"})


def _describe(loc: YamlPath) -> str:
    parent = [str(p) for p in loc[:-1]]
    return f" in {'.'.join(parent)}" if parent else ""


def _quote_hint(loc: YamlPath, value: Any, written: str) -> tuple[str, ...]:
    """`title: 2024` is read as a number; quoting makes it text."""
    if not isinstance(value, (bool, int, float)):
        return ()
    entry = f'"{written}"' if isinstance(loc[-1], int) else f'{loc[-1]}: "{written}"'
    return (f"quote it to make it text: {entry}",)


_PLAIN_TOKEN = re.compile(r"[^\s,\]}#]+")  # numbers and booleans hold none of these characters


def _written_scalar(doc: LoadedYaml, loc: YamlPath) -> str | None:
    """A number or boolean as the file writes it (``1.10``, ``0x1F``, ``True``)."""
    position = doc.locator.value(loc)
    lines = doc.text.split("\n")
    if not 1 <= position.line <= len(lines):
        return None
    token = _PLAIN_TOKEN.match(lines[position.line - 1], position.column - 1)
    return token.group() if token else None


def _yaml_spelling(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _show(value: Any, written: str | None = None) -> str:
    """The value for a message; a number or boolean as written, when the file's text agrees."""
    if is_huge_integer(value):
        return "a number of over 4,000 digits"
    if isinstance(value, (bool, int, float)) and written is not None and resolve_plain_scalar(written) == value:
        return written
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return _yaml_spelling(value)
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _literal_words(expected: str) -> list[str]:
    return [w.strip(" '") for w in expected.replace(" or ", ",").split(",") if w.strip(" '")]


def _keys_at(model: type[BaseModel], loc: YamlPath) -> set[str]:
    """The keys a mapping at ``loc`` may have, following the model's annotations."""
    current: Any = model
    for step in loc:
        current = _step(current, step)
        if current is None:
            return set()
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return {f.alias or name for name, f in current.model_fields.items()}
    return set()


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = members[0] if len(members) == 1 else annotation
            if len(members) != 1:
                return annotation
        else:
            return annotation


def _step(annotation: Any, step: str | int) -> Any:
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, f in annotation.model_fields.items():
            if step in (name, f.alias):
                return f.annotation
        return None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is dict and len(args) == 2:
        return args[1]
    if origin is list and args:
        return args[0]
    return None
