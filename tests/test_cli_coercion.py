"""argmap.cli.coercion coerces command-line values in plain Python where typer's own coercion (a
pydantic adapter per parameter) would certainly accept them. Checked against typer's own for
every parameter of every command: the value accepted (its type too) and the error raised must be
the same, so that a typer upgrade that changes either fails here."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import get_args, get_origin

import pytest
import typer.main
from typer._click import Context

from argmap.cli import coercion
from argmap.cli.application import COMMANDS, app


def every_parameter() -> list[tuple[str, object, object]]:
    """(where, command, parameter) for the app's own options and every command's, sub-commands too."""
    found = []

    def walk(name: str, command) -> None:
        found.extend((f"{name} {parameter.name}", command, parameter) for parameter in command.params)
        for sub in getattr(command, "commands", {}):
            walk(f"{name} {sub}", command.commands[sub])

    walk("argmap", typer.main.get_command(app))  # its commands are built as they are listed
    assert {where.split()[1] for where, _, _ in found if where.count(" ") > 1} == set(COMMANDS)
    return found


PARAMETERS = every_parameter()


def outcome(runtime, value, parameter, ctx) -> tuple:
    """What coercing ``value`` gives: the value (by type and repr, so that NaN equals itself) or the error."""
    try:
        result = runtime.coerce(value, param=parameter, ctx=ctx)
    except Exception as error:  # noqa: BLE001 - the error is what is compared
        message = error.format_message() if hasattr(error, "format_message") else str(error)
        return "error", type(error), message
    items = result if isinstance(result, list) else [result]
    return "value", type(result), repr(result), [type(item) for item in items]


def typical_values(descriptor, parameter, tmp_path: Path) -> list:
    """Values a user types (or a default), all of which the plain coercion takes itself."""
    annotation = descriptor.annotation
    many = get_origin(annotation) is list
    leaf = get_args(annotation)[0] if many else annotation
    info = descriptor.parameter_info
    if isinstance(leaf, type) and issubclass(leaf, Enum):
        values = [member.value for member in leaf] + list(leaf)
    elif leaf is bool:
        values = [True, False]
    elif leaf is str:
        values = ["x", "", "ünï code", "-"]
    elif leaf is int or leaf is float:
        low = info.min if info.min is not None else -5
        high = info.max if info.max is not None else 10**6
        values = [low, high, str(low), str(high), str((low + high) // 2)]
        if leaf is float:
            values = [float(v) if not isinstance(v, str) else v for v in values] + ["0.25"]
    else:
        (tmp_path / "a file.yaml").write_text("x", encoding="utf-8")
        values = ["maps", str(tmp_path / "a file.yaml"), str(tmp_path), str(tmp_path / "missing"), "", "-",
                  Path("seeds")]
    if parameter.default is not None and not many:
        values.append(parameter.default)
    return [values, tuple(values[:2]), []] if many else values


ODD_VALUES = ["", " ", " 5", "+5", "007", "-1", "0", "1.5", "1e3", "1_000", "nan", "inf", "True", "no", "maybe",
              "GRAPHVIZ", "Text", "١٢", "a\x00b", "\x1b[31m", b"bytes", b"\xff", 0, 1, -1, 10**30, 1.5, float("nan"),
              float("inf"), True, False, Path("p"), ["x"], ("x", "1"), (), [1, "y"], [None], object()]


def bound_values(descriptor) -> list:
    info = descriptor.parameter_info
    bounds = [b for b in (info.min, info.max) if b is not None]
    return [v for b in bounds for v in (b - 1, b + 1, str(b - 1), str(b + 1), float(b))]


@pytest.mark.parametrize("where, command, parameter", PARAMETERS, ids=[where for where, _, _ in PARAMETERS])
def test_each_parameter_is_coerced_as_typer_coerces_it(where, command, parameter, tmp_path):
    descriptor = parameter.type_descriptor
    ctx = Context(command)
    ours = coercion.build_runtime_param(descriptor)
    theirs = coercion.typer_runtime_param(descriptor)
    typical = typical_values(descriptor, parameter, tmp_path)
    for value in typical:
        assert outcome(ours, value, parameter, ctx) == outcome(theirs, value, parameter, ctx), (where, value)
    if isinstance(ours, coercion.PlainRuntimeParam):  # every typical value was coerced without typer's
        assert "typer_param" not in ours.__dict__, where
    for value in [*ODD_VALUES, *bound_values(descriptor)]:
        assert outcome(ours, value, parameter, ctx) == outcome(theirs, value, parameter, ctx), (where, value)


def test_every_annotation_argmap_uses_is_coerced_in_plain_python():
    # a command given a new kind of option would load pydantic again: this says which
    left = {where: parameter.type_descriptor.annotation for where, _, parameter in PARAMETERS
            if not isinstance(coercion.build_runtime_param(parameter.type_descriptor), coercion.PlainRuntimeParam)}
    assert left == {}


def test_an_error_is_typers_own(cli, tmp_path):
    # out of range, not a number, not a choice: typer's words (and argmap's for a choice)
    (tmp_path / "pair.apx").write_text("arg(a).\narg(b).\natt(a,b).\n", encoding="utf-8")
    framework = str(tmp_path / "pair.apx")
    assert "Input should be less than or equal to 100000" in cli(["eval", framework, "--samples", "100001"]).stderr
    assert "unable to parse string as an integer" in cli(["eval", framework, "--samples", "many"]).stderr
    wrong = cli(["eval", framework, "--format", "jsn"])
    assert wrong.exit_code == 2 and "expected one of 'text', 'json'; found 'jsn' (did you mean 'json'?)" in wrong.stderr
