"""A new semantics is one module plus one table line (and the line of the map format's list of
semantics, which a test of the engine keeps equal to the table): a copy of argmap gets a gradual
semantics and a labelling one that way, nothing else changed, and `argmap eval` (table and
JSON) and `argmap brief` show them as they show the shipped ones."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import argmap

# A gradual semantics of its own: the supporters' and attackers' sums each pulled into [0, 1)
# by x / (1 + x), the base score moved up by the one and down by the other.
RATIO_MODULE = '''\
"""Ratio: a test semantics."""

from .formula import GradualFormula


class Ratio(GradualFormula):
    def aggregate(self, sources, strengths, weights):
        if weights is None:
            return sum([strengths[source] for source in sources])
        return sum([weight * strengths[source] for source, weight in zip(sources, weights)])

    def join(self, first, second):
        return first + second

    def strength(self, base, attack, support, choose):
        return base + (1.0 - base) * support / (1.0 + support) - base * attack / (1.0 + attack)

    def undercut(self, weight, undercutter_strengths):
        return weight / (1.0 + sum(undercutter_strengths))


RATIO = Ratio()
'''
# A labelling semantics of its own: the grounded labelling, found its own way.
GROUNDED_AGAIN_MODULE = '''\
"""Grounded again: a test semantics."""

from .search import grounded_codes


def labellings(framework):
    return [grounded_codes(framework)]
'''
REGISTRY_LINES = '''\
    Strengths("ratio", "a test semantics: the base score moved by x / (1 + x) of each side's sum", RATIO),
    Labels("grounded-again", "a test semantics: grounded, found again", grounded_again_labellings),
'''

MAP = """\
argmap: 2
id: harbour
title: The harbour wall
question: Should the city extend the harbour wall?
lang: en
sides: {pro: Extend the wall, con: Keep the wall as it is}
nodes:
  extend: {type: thesis, side: pro, title: Extend the wall, text: The city should extend the harbour wall.}
  keep: {type: thesis, side: con, title: Keep the wall, text: The city should keep the wall as it is.}
  shelter: {type: claim, title: Shelter, text: A longer wall shelters the fleet., supports: [extend], analytic: true}
  fleet: {type: claim, title: Fleet, text: The fleet has grown., supports: [shelter], analytic: true}
  storms: {type: objection, title: Storms, text: Storms would top any wall., attacks: [shelter], weight: 0.8, analytic: true}
"""


def added(text: str, anchor: str, lines: str) -> str:
    """``text`` with ``lines`` after the line holding ``anchor`` (which must be there)."""
    assert anchor in text, anchor
    head, tail = text.split(anchor, 1)
    end = tail.index("\n") + 1
    return head + anchor + tail[:end] + lines + tail[end:]


@pytest.fixture(scope="module")
def extended(tmp_path_factory) -> Path:
    """A copy of the argmap package with the two semantics added: two modules, two table lines
    (and their imports), two lines of the vocabulary."""
    root = tmp_path_factory.mktemp("extended")
    package = root / "argmap"
    shutil.copytree(Path(argmap.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    (package / "evaluate" / "ratio.py").write_text(RATIO_MODULE, encoding="utf-8")
    (package / "evaluate" / "grounded_again.py").write_text(GROUNDED_AGAIN_MODULE, encoding="utf-8")
    registry = package / "evaluate" / "registry.py"
    text = registry.read_text(encoding="utf-8")
    text = added(text, "from .qe import QE", "from .ratio import RATIO\n"
                 "from .grounded_again import labellings as grounded_again_labellings\n")
    text = added(text, "for _line in (", REGISTRY_LINES)
    registry.write_text(text, encoding="utf-8")
    vocabulary = package / "core" / "vocabulary.py"
    vocabulary.write_text(added(vocabulary.read_text(encoding="utf-8"), '    "qe": "gradual",',
                                '    "ratio": "gradual",\n    "grounded-again": "labels",\n'), encoding="utf-8")
    maps = root / "maps"
    maps.mkdir()
    (maps / "harbour.yaml").write_text(MAP, encoding="utf-8")
    return root


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root), "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run([sys.executable, "-m", "argmap", *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=120)


def test_the_copy_runs_its_own_package(extended):
    found = run(extended, "eval", "--help")
    assert found.returncode == 0, found.stderr
    assert "ratio: a test semantics" in " ".join(found.stdout.split())


def test_eval_computes_a_new_gradual_semantics_by_its_formula(extended):
    found = run(extended, "eval", "maps/harbour.yaml", "--semantics", "ratio", "--format", "json", "--samples", "50")
    assert found.returncode == 0, found.stderr
    result = json.loads(found.stdout)
    assert result["semantics"] == "ratio"
    fleet = 0.5  # neutral base score, nothing into it
    storms = 0.8  # its weight
    support, attack = fleet, storms
    shelter = 0.5 + 0.5 * support / (1 + support) - 0.5 * attack / (1 + attack)
    assert result["strengths"]["fleet"] == pytest.approx(fleet)
    assert result["strengths"]["shelter"] == pytest.approx(shelter)  # 0.4444: neither DF-QuAD's nor QE's
    assert result["verdict"]["semantics"] == "ratio" and result["verdict"]["samples"] == 50
    assert result["labels"]["shelter"]["label"] in ("IN", "OUT", "UNDEC")  # the grounded labels come along


def test_eval_prints_a_new_gradual_semantics_as_a_strength_table(extended):
    found = run(extended, "eval", "maps/harbour.yaml", "-s", "ratio", "--samples", "50")
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("maps/harbour.yaml: ratio semantics (gradual strength, 0 to 1)")
    assert "VERDICT under ratio:" in found.stdout
    assert re.search(r"^shelter\s+Shelter\s+claim\s+pro\s+0\.44\s+0\.50\s+neutral$", found.stdout, re.M), found.stdout


def test_eval_computes_a_new_labelling_semantics(extended):
    found = run(extended, "eval", "maps/harbour.yaml", "-s", "grounded-again", "--format", "json")
    assert found.returncode == 0, found.stderr
    result = json.loads(found.stdout)
    grounded = json.loads(run(extended, "eval", "maps/harbour.yaml", "-s", "grounded", "--format", "json").stdout)
    assert result["semantics"] == "grounded-again" and "strengths" not in result
    assert result["labels"] == grounded["labels"]
    assert result["verdict"]["semantics"] == "grounded-again"
    table = run(extended, "eval", "maps/harbour.yaml", "-s", "grounded-again")
    assert table.stdout.startswith("maps/harbour.yaml: grounded-again semantics, supports: derive")


@pytest.mark.parametrize(("semantics", "shown"), [("ratio", "strength 0.44"), ("grounded-again", "stands")])
def test_the_brief_shows_a_new_semantics(extended, semantics, shown):
    out = extended / f"briefs-{semantics}"
    found = run(extended, "brief", "maps/harbour.yaml", "--semantics", semantics, "--date", "2026-01-01",
                "-o", str(out))
    assert found.returncode == 0, found.stderr
    page = (out / "harbour.html").read_text(encoding="utf-8")
    assert f"under {semantics}" in page
    assert shown in page
