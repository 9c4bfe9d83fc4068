"""Codes that no map case reaches: a map file that cannot be read (AM100), two maps with one id
(AM314), a relation stated twice (AM316); each at its line and column."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from argmap.usecases.check import check
from conftest import CASES

GOOD_MAP = CASES / "good" / "minimal.yaml"


def found(project: Path, *paths: Path) -> list[tuple[str, str, int, int]]:
    result = check(list(paths) or [project / "maps"], project / "seeds")
    return [(d.path.rsplit("/", 1)[-1], d.code, d.line, d.column) for d in result.diagnostics if d.code != "AM313"]


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="no /dev/null here")
def test_a_map_that_is_a_device_is_unreadable(project: Path):
    (project / "maps" / "device.yaml").symlink_to("/dev/null")
    assert found(project, project / "maps" / "device.yaml") == [("device.yaml", "AM100", 1, 1)]


def test_two_maps_with_one_id_are_reported_at_the_later_id(project: Path):
    shutil.copy(GOOD_MAP, project / "maps" / "minimal.yaml")
    (project / "maps" / "sub").mkdir()
    shutil.copy(GOOD_MAP, project / "maps" / "sub" / "minimal.yaml")
    result = check([project / "maps"], project / "seeds")
    (problem,) = [d for d in result.diagnostics if d.code == "AM314"]
    assert (problem.path.endswith("sub/minimal.yaml"), problem.line, problem.column) == (True, 2, 5)
    assert "also used by" in problem.message and problem.message.endswith("minimal.yaml")
    assert result.exit_code() == 1


REPEATED = textwrap.dedent("""\
    argmap: 1
    id: repeated
    title: Repeated relations
    question: Is each relation stated once?
    lang: en
    sides: {pro: "Yes", con: "No"}
    nodes:
      t: {type: thesis, side: pro, text: T}
      u: {type: thesis, side: con, text: U}
      twice:
        type: claim
        text: Names its target twice.
        supports: [t, t]
        analytic: true
      both:
        type: claim
        text: Supports and attacks one node.
        supports: [u]
        attacks: [u]
        analytic: true
    """)


def test_a_repeated_relation_is_reported_at_the_repetition(project: Path):
    (project / "maps" / "repeated.yaml").write_text(REPEATED, encoding="utf-8")
    # supporting and attacking one node also puts 'both' on both sides (AM308)
    assert sorted(found(project)) == [("repeated.yaml", "AM308", 15, 3), ("repeated.yaml", "AM316", 13, 19),
                                      ("repeated.yaml", "AM316", 19, 15)]
    result = check([project / "maps"], project / "seeds")
    assert {d.severity.value for d in result.diagnostics if d.code == "AM316"} == {"warning"}


def test_a_repeated_relation_alone_is_a_warning(project: Path, cli, monkeypatch):
    only_twice = REPEATED[:REPEATED.index("  both:")]
    (project / "maps" / "repeated.yaml").write_text(only_twice, encoding="utf-8")
    monkeypatch.chdir(project)
    relaxed = cli(["check", "maps/repeated.yaml"])
    assert relaxed.exit_code == 0
    assert "maps/repeated.yaml:13:19: warning AM316: node 'twice' names 't' more than once" in relaxed.stdout
    assert cli(["check", "--strict", "maps/repeated.yaml"]).exit_code == 1
