"""The loader: both parsing paths agree, positions are right, hostile input fails fast."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.load import _EventBuilder, parse_yaml, resolve_plain_scalar
from conftest import MAPS, SEEDS

REAL_FILES = sorted(MAPS.glob("*.yaml")) + [SEEDS / "sources.yaml"]


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_fast_and_careful_paths_read_the_same_data(path: Path):
    text = path.read_text(encoding="utf-8")
    loaded, problems = parse_yaml(text, path, path.name)
    assert not problems
    assert _EventBuilder(text).build() == loaded.data


def test_positions_of_keys_and_values():
    text = "a: 1\nnodes:\n  x:\n    text: hello\n    supports: [p, q]\n"
    loaded, _ = parse_yaml(text, Path("m.yaml"), "m.yaml")
    locate = loaded.locator
    assert (locate.key(("nodes", "x")).line, locate.key(("nodes", "x")).column) == (3, 3)
    assert (locate.value(("nodes", "x", "text")).line, locate.value(("nodes", "x", "text")).column) == (4, 11)
    assert locate.value(("nodes", "x", "supports", 1)).column == 19
    assert locate.value(("nodes", "x", "missing", 3)).line == 4  # the nearest ancestor: the mapping under x


@pytest.mark.parametrize(
    "plain, value",
    [("yes", "yes"), ("no", "no"), ("true", True), ("null", None), ("11", 11), ("1.5", 1.5),
     ("2025-10-28", "2025-10-28"), ("0x1f", 31)],
)
def test_plain_scalars_follow_yaml_1_2(plain, value):
    assert resolve_plain_scalar(plain) == value
    loaded, _ = parse_yaml(f"k: {plain}\n", Path("m.yaml"), "m.yaml")
    assert loaded.data["k"] == value


def test_aliases_within_bounds_are_allowed():
    loaded, problems = parse_yaml("a: &x {k: [1, 2]}\nb: *x\n", Path("m.yaml"), "m.yaml")
    assert not problems and loaded.data["b"] == {"k": [1, 2]}


def test_unknown_alias_and_non_text_keys():
    _, problems = parse_yaml("a: *nowhere\n", Path("m.yaml"), "m.yaml")
    assert [(p.code, p.line) for p in problems] == [("AM106", 1)]
    loaded, problems = parse_yaml("1: one\ntrue: yes\n", Path("m.yaml"), "m.yaml")
    assert not problems and loaded.data == {"1": "one", "true": "yes"}


def test_a_tab_in_the_indentation_gets_a_hint():
    loaded, problems = parse_yaml("nodes:\n\tt: {type: thesis}\n", Path("m.yaml"), "m.yaml")
    assert loaded is None
    assert [(p.code, p.line, p.column) for p in problems] == [("AM103", 2, 1)]
    assert "replace the tab" in problems[0].hints[0]


@pytest.mark.parametrize("opening", ["[", "{a: "], ids=["sequences", "mappings"])
def test_deep_flow_nesting_is_refused_at_our_limit_whatever_libyaml_allows(opening):
    # libyaml 0.2.6 stops at 1,000 levels with its own error; ours (64) must win, at its place:
    # the top mapping is level 1, so the 64th opening starts level 65
    text = "k: " + opening * 5_000 + "\n"
    loaded, problems = parse_yaml(text, Path("m.yaml"), "m.yaml")
    assert loaded is None
    assert [(p.code, p.line, p.column) for p in problems] == [("AM107", 1, 4 + 63 * len(opening))]
    assert "64" in problems[0].message
