"""One vocabulary: node types, sides, semantics and status words are defined once, and every
page that shows a status shows the same word and symbol."""

from __future__ import annotations

from pathlib import Path

from argmap.brief.views.parts import RELIABILITY_LABELS
from argmap.evaluate import Label
from argmap.evaluate.registry import framework_semantics
from argmap.core.model import ArgMap, Source
from argmap.core.vocabulary import (DEFAULT_SEMANTICS, NODE_TYPES, RELIABILITIES, SEMANTICS_NAMES, SIDES, STATUS_SYMBOLS,
                               STATUS_WORDS, WEAK_RELIABILITIES)


def test_the_model_accepts_exactly_the_vocabulary():
    schema = ArgMap.model_json_schema()
    node = schema["$defs"]["Node"]["properties"]
    assert tuple(node["type"]["enum"]) == NODE_TYPES
    assert tuple(Source.model_json_schema()["properties"]["reliability"]["enum"]) == RELIABILITIES
    assert set(SIDES) == {"pro", "con"}
    assert WEAK_RELIABILITIES <= set(RELIABILITIES) and set(RELIABILITY_LABELS) == set(RELIABILITIES)


def test_the_engine_offers_every_semantics_and_defaults_to_the_vocabularys():
    assert framework_semantics() == SEMANTICS_NAMES and DEFAULT_SEMANTICS in SEMANTICS_NAMES


def test_every_label_has_one_word_and_one_symbol():
    assert [(label.status, label.symbol) for label in Label] == [
        (STATUS_WORDS[label], STATUS_SYMBOLS[label]) for label in ("IN", "OUT", "UNDEC")]


MUTUAL_ATTACK = """\
argmap: 1
id: mutual
title: Mutual
question: Q?
lang: en
sides: {pro: P, con: C}
nodes:
  t: {type: thesis, side: pro, text: T}
  u: {type: thesis, side: con, text: U}
  a: {type: claim, text: A, supports: [t], attacks: [b], analytic: true}
  b: {type: claim, text: B, supports: [u], attacks: [a], analytic: true}
"""


def test_a_brief_and_its_diagram_show_an_undecided_node_alike(tmp_path: Path, run_argmap):
    """a and b attack each other: both are undecided under grounded semantics."""
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "mutual.yaml").write_text(MUTUAL_ATTACK, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "sources.yaml").write_text("sources: {}\n", encoding="utf-8")
    for command in (["brief", "maps/mutual.yaml", "-o", "briefs"],
                    ["render", "maps/mutual.yaml", "--format", "dot", "-o", "diagrams"]):
        done = run_argmap(command, cwd=tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
    brief = (tmp_path / "briefs" / "mutual.html").read_text(encoding="utf-8")
    diagram = (tmp_path / "diagrams" / "mutual.dot").read_text(encoding="utf-8")
    badge = f"{STATUS_SYMBOLS['UNDEC']}</span> {STATUS_WORDS['UNDEC']}"
    assert badge in brief
    assert f"{STATUS_SYMBOLS['UNDEC']} {STATUS_WORDS['UNDEC']}" in diagram
