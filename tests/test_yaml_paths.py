"""One YAML semantics: the fast path (yaml_rs, positions from the block scanner) and the careful
path (PyYAML events) give the same data, the same diagnostics and the same positions.

Hypothesis writes map-shaped YAML in every style a person might use (block and flow
collections, plain, quoted and literal scalars, comments, numbers yaml_rs reads its own way)
and compares what each path makes of it.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmap.core.load import parse_yaml
from argmap.core.model import ArgMap
from argmap.core.validate import validate

TRICKY_SCALARS = [
    "yes", "no", "on", "true", "True", "null", "~", "", "2024", "2024-01-01", "12:30", "1.0", "1e3", ".5",
    "-.inf", "0x1f", "0o17", "1_000", "0b11", "+0x1f", "-0x1F", "007", "thesis", "claim", "pro", "con",
    "a b", "it's", 'say "hi"', "a: b", "a #b", "# c", "- x", "[x]", "{x: 1}", "x, y", "é ü 北", "tab\there",
    "line\nbreak", "trailing ", " leading", "u\u2028v", "nel\x85x", "@at", "`tick", "%pc", "a:b", "http://x.y/z",
    "_0", "1e_3", "0X1F", "0B11", "-0b1", "+0o7", ".iNf", "+.Inf", "-.nan", "claim_1", "|", "> x", "?", ":a",
]
KEYS = ["argmap", "id", "title", "question", "lang", "sides", "nodes", "expect", "type", "side", "text",
        "supports", "attacks", "evidence", "analytic", "source", "quote", "2024", "true", "null", "1.5",
        "a b", "x-y", "n_1", "0x1f", "key:x"]

scalars = st.one_of(st.sampled_from(TRICKY_SCALARS), st.text(max_size=12), st.integers(-5, 3000),
                    st.booleans(), st.none())
values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(KEYS), children, max_size=4)),
    max_leaves=25,
)
maps = st.fixed_dictionaries(
    {"argmap": scalars, "id": scalars, "title": scalars},
    optional={"sides": st.dictionaries(st.sampled_from(["pro", "con", "x"]), scalars, max_size=3),
              "nodes": st.dictionaries(st.sampled_from(["t", "c", "2024", "o-1", "bad id"]),
                                       st.dictionaries(st.sampled_from(KEYS), values, max_size=5), max_size=4),
              "expect": values},
)


class Writer:
    """Writes data as YAML, each choice of style drawn by hypothesis."""

    def __init__(self, draw: Any):
        self.draw = draw

    def scalar(self, value: Any) -> str:
        if not isinstance(value, str):
            return self.draw(st.sampled_from([json.dumps(value), str(value).lower(), str(value)]))
        style = self.draw(st.sampled_from(["plain", "plain", "double", "single"]))
        if style == "double":
            return json.dumps(value, ensure_ascii=False)
        if style == "single":
            return "'" + value.replace("'", "''") + "'"
        return value  # plain, even where that is not valid YAML: both paths must then agree on the error

    def key(self, key: str) -> str:
        return key if self.draw(st.integers(0, 5)) else json.dumps(key)

    def flow(self, value: Any) -> str:
        if isinstance(value, dict):
            return "{" + ", ".join(f"{self.key(k)}: {self.flow(v)}" for k, v in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.flow(v) for v in value) + "]"
        return self.scalar(value)

    def block(self, value: dict | list, indent: int) -> list[str]:
        pad = " " * indent
        lines: list[str] = []
        for key, item in (value.items() if isinstance(value, dict) else enumerate(value)):
            if self.draw(st.integers(0, 9)) == 0:
                lines.append(self.draw(st.sampled_from(["", f"{pad}# a comment", "#: not a key"])))
            head = f"{pad}{self.key(key)}:" if isinstance(value, dict) else f"{pad}-"
            lines += self.entry(head, item, indent, in_mapping=isinstance(value, dict))
        return lines

    def entry(self, head: str, item: Any, indent: int, in_mapping: bool) -> list[str]:
        comment = self.draw(st.sampled_from(["", "", "", "  # note"]))
        if isinstance(item, (dict, list)) and item and self.draw(st.booleans()):
            step = self.draw(st.sampled_from([2, 4] + ([0] if in_mapping and isinstance(item, list) else [])))
            nested = self.block(item, indent + step)
            if not in_mapping and step == 2 and self.draw(st.booleans()):  # compact: "- key: v"
                return [head + " " + nested[0].lstrip(" "), *nested[1:]] if nested[0].strip() else [head + comment, *nested]
            return [head + comment, *nested]
        if isinstance(item, str) and "\n" not in item and item.strip() == item and self.draw(st.integers(0, 6)) == 0:
            header = self.draw(st.sampled_from(["|", "|-", "|+", ">", ">-", ">+"]))
            return [f"{head} {header}", *([" " * (indent + 2) + item] if item else [])]
        text = self.flow(item) if isinstance(item, (dict, list)) else self.scalar(item)
        return [f"{head} {text}{comment}" if text else head + comment]

    def document(self, data: dict) -> str:
        newline = self.draw(st.sampled_from(["\n", "\n", "\r\n"]))
        return newline.join(self.block(data, 0)) + self.draw(st.sampled_from([newline, newline, ""]))


def paths(value: Any, at: tuple = ()):
    yield at
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for step, child in children:
        yield from paths(child, (*at, step))


def same(a: Any, b: Any) -> bool:
    """Equality that also holds for NaN read from `.nan`."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def assert_one_semantics(text: str) -> None:
    fast, fast_problems = parse_yaml(text, Path("m.yaml"), "m.yaml")
    careful, careful_problems = parse_yaml(text, Path("m.yaml"), "m.yaml", fast_path=False)
    assert fast_problems == careful_problems
    assert (fast is None) == (careful is None)
    if fast is None or careful is None:
        return
    assert same(fast.data, careful.data)
    for at in paths(careful.data):
        assert fast.locator.value(at) == careful.locator.value(at), at
        assert fast.locator.key(at) == careful.locator.key(at), at
    assert validate(fast, ArgMap)[1] == validate(careful, ArgMap)[1]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_both_paths_read_generated_maps_alike(data):
    document = data.draw(maps)
    assert_one_semantics(Writer(data.draw).document(document))


@settings(max_examples=300, deadline=None)
@example("# c\n\ta: 1\n")  # yaml_rs accepted a tab before a key
@example("{a:}")  # and a ':' right before a flow indicator
@example(":: _0")  # and _0 as a number
@example("a: |\n")  # and ended an empty block scalar with a line break
@example("a: >\n  x")  # and a block scalar with no final newline
@example("a:\n-\tb\n")  # and a tab after a dash
@given(st.text(alphabet=st.sampled_from(list("ab1_0x:- \n[]{},#'\"|>&*!?~.\t\u2028\x85\x00")), max_size=40))
def test_both_paths_agree_on_arbitrary_text(text):
    assert_one_semantics(text)
