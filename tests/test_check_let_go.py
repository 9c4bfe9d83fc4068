"""A large map's parsed data is let go once its node models are built (issue 26: memory), and a
diagnostic under a node then parses that node's lines alone. Maps checked that way must report
exactly what the usual way reports, at the same lines and columns. The tests lower the size
from which data is let go, so that small maps take that way too."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap.core.project as project_module
from argmap.core.project import load_map
from argmap.usecases.check import check
from conftest import CASES, MAPS, SEEDS

BAD = sorted((CASES / "bad").glob("*.yaml"))


def reported(paths: list[Path]) -> list[tuple]:
    return [(d.path, d.line, d.column, d.code, d.message, d.hints) for d in check(paths, SEEDS).diagnostics]


def both_ways(monkeypatch, paths: list[Path]) -> tuple[list[tuple], list[tuple]]:
    kept = reported(paths)
    monkeypatch.setattr(project_module, "LET_GO_FROM_NODES", 0)
    return kept, reported(paths)


@pytest.mark.parametrize("path", [*BAD, MAPS], ids=lambda p: p.stem)
def test_letting_go_reports_the_same(monkeypatch, path: Path):
    kept, let_go = both_ways(monkeypatch, [path])
    assert let_go == kept


# Nodes written in the ways a node's lines must be found: comments and blank lines between
# nodes, a flow mapping over two lines, a block scalar that keeps its final blank lines, a
# sequence at its key's indent, a quoted key; each node has something to report.
AWKWARD = """\
argmap: 2
id: awkward
title: Awkward layout
question: Is it found?
sides: {pro: P, con: C}
nodes:
  t:
    type: thesis
    side: pro
    title: T
    text: The thesis.
# a comment at the left edge, between two nodes

  a: {type: claim, title: A, text: "A, over", supports: [t, t],
      analytic: true}
  b:
    type: claim
    title: B
    text: |+
      Kept lines.

    supports:
    - nowhere
    analytic: true
  'c':
    type: objection
    side: pro
    title: C
    text: Attacks the thesis.
    attacks: [t]
    analytic: true
  d:
    type: claim
    title: D
    text: No evidence.
    supports: [t]
"""


def test_letting_go_finds_awkwardly_written_nodes(monkeypatch, tmp_path: Path):
    path = tmp_path / "awkward.yaml"
    path.write_text(AWKWARD, encoding="utf-8")
    kept, let_go = both_ways(monkeypatch, [path])
    assert {code for _, _, _, code, _, _ in kept} >= {"AM301", "AM308", "AM311", "AM316"}
    assert let_go == kept


def test_data_let_go_is_read_again_when_asked(monkeypatch, tmp_path: Path):
    path = tmp_path / "awkward.yaml"
    path.write_text(AWKWARD, encoding="utf-8")
    kept, _ = load_map(path)
    monkeypatch.setattr(project_module, "LET_GO_FROM_NODES", 0)
    let_go, _ = load_map(path)
    assert let_go.model == kept.model
    assert let_go.doc.data == kept.doc.data
