"""Command-line values coerced in plain Python, so that a command need not import pydantic.

Why: typer 0.29 coerces every parameter's value (the defaults too) through a pydantic
TypeAdapter it builds for that parameter. Importing pydantic and building the adapters costs
55-70 ms, and a command that reads no map (`argmap eval FILE.apx`) needs nothing else of
pydantic; a command that does is spared building the adapters.

What: for the annotations argmap's commands use (str, Path, int, float, bool, Enum choices, and
lists of these), a value typer's coercion certainly accepts is coerced here to what typer
returns for it; any other value, and any other annotation (files, tuples, datetimes, custom
parsers...), goes to typer's own coercion, built when first needed. An error is therefore always
typer's own, word for word: this module never words one.

What it relies on (typer 0.29.2, pinned in requirements.lock): ``typer.core`` calls the name
``build_runtime_param`` in its own namespace to make a parameter's
:class:`typer._coercion.RuntimeParam`, whose ``_coerce_value`` coerces a value other than
None; the choice and path checks are typer's plain functions ``coerce_cli_choice`` and
``coerce_cli_path`` (typer._param_types), which its adapters call too. tests/test_cli_coercion.py
compares this coercion with typer's own for every parameter of every command, on good and bad
values, so an upgrade of typer that changes any of this fails there.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import Any, get_args, get_origin

import typer.core
from typer._coercion import RuntimeParam, TypeDescriptor
from typer._param_types import coerce_cli_choice, coerce_cli_path, routes_to_path

# typer's own, kept before install() replaces the name typer.core calls
typer_runtime_param = typer.core.build_runtime_param


class _Unsure(Exception):
    """The value is left to typer's coercion."""


# Numbers as typed on a command line that pydantic (typer's coercion) reads exactly as int() and
# float() do; anything else (signs, blanks, underscores, exponents, other digits) is left to it.
_INTEGER = re.compile(r"-?[0-9]{1,18}")
_DECIMAL = re.compile(r"-?[0-9]{1,18}(?:\.[0-9]{1,18})?")


def _leaf(annotation: Any, descriptor: TypeDescriptor):
    """A function coercing one value of ``annotation`` (it raises _Unsure when it cannot tell),
    or None for an annotation left to typer."""
    info = descriptor.parameter_info
    if info.parser is not None:
        return None
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        choices = list(annotation)

        def choice(value: Any, param: Any, ctx: Any) -> Any:
            return coerce_cli_choice(value, choices=choices, case_sensitive=info.case_sensitive, ctx=ctx)

        return choice
    if annotation is bool or annotation is str:
        return _exactly(annotation)
    if annotation is int or annotation is float:
        return _number(annotation, info)
    if routes_to_path(annotation, info) and (info.path_type or annotation) is Path:
        def path(value: Any, param: Any, ctx: Any) -> Any:
            if type(value) is str:
                value = Path(value)  # what pydantic makes of any str
            elif not isinstance(value, Path):
                raise _Unsure
            return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)

        return path
    return None


def _exactly(kind: type):
    """A value already of ``kind`` (a flag's bool, a word's str) is kept; any other is typer's."""
    def same(value: Any, param: Any, ctx: Any) -> Any:
        if type(value) is kind:
            return value
        raise _Unsure

    return same


def _number(kind: type, info: Any):
    pattern = _INTEGER if kind is int else _DECIMAL

    def number(value: Any, param: Any, ctx: Any) -> Any:
        if type(value) is str and pattern.fullmatch(value):
            value = kind(value)
        elif kind is float and type(value) is int and abs(value) < 2**53:  # a whole default: exactly a float
            value = float(value)
        elif type(value) is not kind or (kind is float and not math.isfinite(value)):
            raise _Unsure
        # within the bounds, clamped or not, the value is kept; outside, typer words the error
        if (info.min is not None and value < info.min) or (info.max is not None and value > info.max):
            raise _Unsure
        return value

    return number


@dataclass(frozen=True)
class PlainRuntimeParam(RuntimeParam):
    """A parameter's coercion: plain Python for the values it is sure of, else typer's own."""

    descriptor: TypeDescriptor
    coerce_one: Any  # one value's coercion, from _leaf()
    many: bool  # a list of such values

    @cached_property
    def typer_param(self) -> RuntimeParam:
        return typer_runtime_param(self.descriptor)

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            if not self.many:
                return self.coerce_one(value, param, ctx)
            if not isinstance(value, (list, tuple)):
                raise _Unsure
            return [self.coerce_one(item, param, ctx) for item in value]
        except Exception:  # noqa: BLE001 - unsure, or an error: typer's coercion says it, in its words
            return self.typer_param._coerce_value(value, param=param, ctx=ctx)


def build_runtime_param(descriptor: TypeDescriptor) -> RuntimeParam:
    """What typer.core calls to coerce a parameter: plain Python where this module can, else typer's own."""
    annotation, many = descriptor.annotation, False
    if descriptor.file_annotation is None and get_origin(annotation) is list and len(get_args(annotation)) == 1:
        annotation, many = get_args(annotation)[0], True
    coerce_one = _leaf(annotation, descriptor) if descriptor.file_annotation is None else None
    if coerce_one is None:
        return typer_runtime_param(descriptor)
    return PlainRuntimeParam(descriptor.parameter_info, descriptor.annotation, descriptor, coerce_one, many)


def install() -> None:
    """typer.core builds each parameter's coercion with :func:`build_runtime_param` from now on."""
    typer.core.build_runtime_param = build_runtime_param
