"""Validating YAML files against argmap's JSON Schemas, as an editor does (shared by the schema
tests and the content checks)."""

from __future__ import annotations

from pathlib import Path

import jsonschema

from argmap.core.load import load_yaml
from argmap.core.schema import json_schema


def validator(spec) -> jsonschema.Validator:
    schema = json_schema(spec)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def data_of(path: Path):
    """The file as an editor sees it: the project's own YAML reader (YAML 1.2 core schema)."""
    doc, problems = load_yaml(path)
    assert doc is not None, problems
    return doc.data
