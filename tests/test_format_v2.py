"""Format 2 in `argmap check`: version-1 maps as before, format-2 fields refused in them (AM204),
titles (AM320, AM203's length message, AM317 on placeholder titles), translation highlights
(AM507) and anachronistic attacks (AM508), each at its line and column."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import yaml

from argmap.usecases.check import check
from conftest import MAPS, SEEDS

HEAD = """\
argmap: {version}
id: {map_id}
title: Format 2
question: Does the town of Lembah stay committed to its bridge?
lang: en
sides: {{pro: The town stays committed, con: The commitment is limited}}
nodes:
"""


def write_map(folder: Path, nodes: str, version: int = 2, map_id: str = "m", tail: str = "") -> Path:
    """A map with these nodes (indented under `nodes:` here) and ``tail`` after them."""
    path = folder / f"{map_id}.yaml"
    text = HEAD.format(version=version, map_id=map_id) + textwrap.indent(textwrap.dedent(nodes), "  ") + tail
    path.write_text(text, encoding="utf-8")
    return path


def found(path: Path) -> list[tuple[str, int, int, str]]:
    return [(d.code, d.line, d.column, d.message) for d in check([path], SEEDS).diagnostics]


def anachronisms(path: Path) -> list[tuple[str, int, int, str]]:
    return [d for d in found(path) if d[0] == "AM508"]


def codes(path: Path) -> list[tuple[str, int, int]]:
    return [(code, line, column) for code, line, column, _ in found(path)]


# --- version 1 ------------------------------------------------------------------------------


def test_version_1_fixture_maps_check_as_before(cli):
    """The fixture maps are version 1: still clean under --strict, with no new warning."""
    for path in MAPS.glob("*.yaml"):
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["argmap"] == 1
    result = cli(["check", "--strict", "--seeds", SEEDS, MAPS])
    assert result.exit_code == 0, result.stdout
    assert "0 errors, 0 warnings" in result.stdout


def test_version_1_map_without_titles_gets_no_title_warning(tmp_path):
    path = write_map(tmp_path, """\
        a: {type: thesis, side: pro, text: The town stays committed., analytic: true}
        b: {type: claim, text: A reason., supports: [a], analytic: true}
        c: {type: thesis, side: con, text: Limited., analytic: true}
        d: {type: claim, text: Another reason., supports: [c], analytic: true}
    """, version=1)
    assert codes(path) == []


def test_format_2_fields_in_a_version_1_map_are_errors_at_their_keys(tmp_path, cli):
    path = write_map(tmp_path, """\
        a:
          type: thesis
          side: pro
          title: Committed
          text: The town stays committed.
          weight: 0.5
          analytic: true
        c:
          type: thesis
          side: con
          text: Limited.
          undercuts: [{from: a, to: c}]
          evidence:
            - source: warta2024
              quote: Pemerintah kota tetap berkomitmen untuk membangun jembatan setelah anggaran tersedia.
              translation: The town government remains committed to building the bridge once the budget is available.
              as_of: 2024
              speaker: The mayor
              page: 3
              highlight_translation: [remains committed]
    """, version=1, tail="expect:\n  qe: {a: 0.5}\n")
    assert [c for c in codes(path) if c[0] == "AM204"] == [
        ("AM204", 11, 5), ("AM204", 13, 5), ("AM204", 19, 5), ("AM204", 24, 9), ("AM204", 25, 9),
        ("AM204", 26, 9), ("AM204", 27, 9), ("AM204", 29, 3)]
    result = cli(["check", "--seeds", SEEDS, path])
    assert result.exit_code == 1
    assert "m.yaml:11:5: error AM204: 'title' needs format 2, but this map says `argmap: 1`" in result.stdout
    assert "    set `argmap: 2` (or run `argmap migrate FILE`)" in result.stdout


def test_the_same_fields_at_version_2_are_no_error(tmp_path):
    path = write_map(tmp_path, """\
        a: {type: thesis, side: pro, title: Committed, text: The town stays committed., weight: 0.5, analytic: true}
        b: {type: claim, title: A reason, text: A reason., supports: [a], analytic: true}
        c: {type: thesis, side: con, title: Limited, text: Limited., analytic: true}
        d: {type: claim, title: Another, text: Another reason., supports: [c], analytic: true}
    """)
    assert codes(path) == []


# --- titles -----------------------------------------------------------------------------------


def test_a_node_without_title_in_version_2_is_a_warning_at_its_key(tmp_path, cli):
    path = write_map(tmp_path, """\
        a: {type: thesis, side: pro, title: Committed, text: The town stays committed., analytic: true}
        b: {type: claim, text: A reason., supports: [a], analytic: true}
        c: {type: thesis, side: con, title: Limited, text: Limited., analytic: true}
        d:
          type: claim
          text: Another reason.
          supports: [c]
          analytic: true
    """)
    assert codes(path) == [("AM320", 9, 3), ("AM320", 11, 3)]
    assert found(path)[0][3] == "node 'b' has no title"
    assert cli(["check", "--seeds", SEEDS, path]).exit_code == 0
    assert cli(["check", "--strict", "--seeds", SEEDS, path]).exit_code == 1


def test_a_title_longer_than_70_characters_says_how_long_it_is(tmp_path):
    title = "x" * 93
    path = write_map(tmp_path, f"""\
        a: {{type: thesis, side: pro, title: {title}, text: The town stays committed., analytic: true}}
    """)
    assert found(path) == [("AM203", 8, 39, "invalid value for 'title': at most 70 characters, found 93")]


def test_a_placeholder_title_is_reported_under_strict(tmp_path):
    path = write_map(tmp_path, """\
        a: {type: thesis, side: pro, title: "TODO, a short title", text: The town stays committed., analytic: true}
        b: {type: claim, title: A reason, text: A reason., supports: [a], analytic: true}
        c: {type: thesis, side: con, title: Limited, text: Limited., analytic: true}
        d: {type: claim, title: Another, text: Another reason., supports: [c], analytic: true}
    """)
    assert found(path) == [("AM317", 8, 39, "nodes.a.title still holds a TODO placeholder")]


# --- highlight_translation ------------------------------------------------------------------

EVIDENCE_MAP = """\
    a: {type: thesis, side: pro, title: Committed, text: The town stays committed., analytic: true}
    b:
      type: claim
      title: The town says it will build
      text: The town government says it will build the bridge once the budget allows.
      supports: [a]
      evidence:
        - source: warta2024
          quote: Pemerintah kota tetap berkomitmen untuk membangun jembatan setelah anggaran tersedia.
          translation: The town government remains committed to building the bridge once the budget is available.
          highlight_translation: [{highlight}]
        - source: ng2022
          quote: I believe the ferry deserves a fair trial before the town spends its road money on concrete.
          {untranslated}
    c: {{type: thesis, side: con, title: Limited, text: Limited., analytic: true}}
    d: {{type: claim, title: Another, text: Another reason., supports: [c], analytic: true}}
"""


def test_translation_highlights_must_occur_in_the_translation(tmp_path):
    path = write_map(tmp_path, EVIDENCE_MAP.replace("{{", "{").replace("}}", "}")
                     .replace("{highlight}", "remains  committed, budget is available")
                     .replace("{untranslated}", "highlight: [fair trial]"))
    assert codes(path) == []
    path = write_map(tmp_path, EVIDENCE_MAP.replace("{{", "{").replace("}}", "}")
                     .replace("{highlight}", "remains committed, stays committed")
                     .replace("{untranslated}", "highlight_translation: [fair trial]"))
    assert found(path) == [
        ("AM507", 18, 52, "highlight_translation 'stays committed' is not part of the translation"),
        ("AM507", 21, 9, "highlight_translation without a translation to highlight"),
    ]


# --- anachronistic attacks --------------------------------------------------------------------

QUOTE = ("Pemerintah kota memperkirakan biaya pembangunan sebesar 40 miliar rupiah, dan dana itu harus "
         "diambil dari anggaran jalan desa")
TRANSLATION = "The town estimates the cost at 40 billion rupiah, to come from the village road budget"


def dated(as_of: str | None) -> str:
    when = f", as_of: '{as_of}'" if as_of else ""
    return f"[{{source: sari2023, quote: {json.dumps(QUOTE)}, translation: {json.dumps(TRANSLATION)}{when}}}]"


def attack_map(folder: Path, attacker: list[str | None], target: list[str | None]) -> Path:
    return write_map(folder, f"""\
        a: {{type: thesis, side: pro, title: Committed, text: The town stays committed., analytic: true}}
        b: {{type: claim, title: Committed in June 2023, text: The town said so., supports: [a], evidence: {dated(target[0])}}}
        c: {{type: thesis, side: con, title: Limited, text: Limited., analytic: true}}
        d:
          type: objection
          title: Older money troubles
          attacks: [b]
          text: The money was short.
          evidence: {dated(attacker[0])}
    """ + "".join(f"""\
        e{i}: {{type: claim, title: More, text: More., supports: [b], evidence: {dated(when)}}}
    """ for i, when in enumerate(target[1:])) + "".join(f"""\
        f{i}: {{type: claim, title: More, text: More., supports: [d], evidence: {dated(when)}}}
    """ for i, when in enumerate(attacker[1:])))


def test_an_attack_from_an_earlier_period_is_warned_about_with_both_dates(tmp_path, cli):
    path = attack_map(tmp_path, ["2021"], ["2023-06"])
    assert anachronisms(path) == [("AM508", 14, 15, "'d' attacks with evidence as of 2021, but 'b' rests on evidence as of 2023-06")]
    result = cli(["check", "--format", "json", "--seeds", SEEDS, path])
    assert [d["severity"] for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "AM508"] == ["warning"]
    assert result.exit_code == 0


@pytest.mark.parametrize("attacker, target", [
    ([None], ["2023-06"]),  # undated attacker
    (["2021"], [None]),  # undated target
    (["2023"], ["2023-06"]),  # overlapping
    (["2021/.."], ["2023-06"]),  # open end
    (["2021"], ["../2023"]),  # open start
    (["2024"], ["2023-06"]),  # later
])
def test_no_warning_unless_the_dates_say_so_for_certain(tmp_path, attacker, target):
    assert anachronisms(attack_map(tmp_path, attacker, target)) == []


def test_the_attackers_evidence_all_ends_before_all_of_the_targets(tmp_path):
    # the evidence of a node's supporters is theirs: only the node's own evidence counts
    path = write_map(tmp_path, f"""\
        a: {{type: thesis, side: pro, title: Committed, text: The town stays committed., analytic: true}}
        b:
          type: claim
          title: Committed since 2023
          text: The town said so.
          supports: [a]
          evidence: [{dated('2023-06')[1:-1]}, {dated('2024')[1:-1]}]
        c: {{type: thesis, side: con, title: Limited, text: Limited., analytic: true}}
        d:
          type: objection
          title: Older money troubles
          attacks: [b]
          text: The money was short.
          evidence: [{dated('2020')[1:-1]}, {dated('2022-12-31')[1:-1]}]
    """)
    assert anachronisms(path) == [("AM508", 19, 15, "'d' attacks with evidence as of 2022-12-31, but 'b' rests on evidence as of 2023-06")]
    path.write_text(path.read_text(encoding="utf-8").replace("2022-12-31", "2023-06-01"), encoding="utf-8")
    assert anachronisms(path) == []


def test_undercuts_are_not_attacks_for_the_anachronism_check(tmp_path):
    path = write_map(tmp_path, f"""\
        a: {{type: thesis, side: pro, title: Committed, text: The town stays committed., analytic: true}}
        b: {{type: claim, title: Committed in 2023, text: The town said so., supports: [a], evidence: {dated('2023-06')}}}
        c: {{type: thesis, side: con, title: Limited, text: Limited., analytic: true}}
        d:
          type: claim
          title: Old news
          undercuts: [{{from: b, to: a}}]
          supports: [c]
          text: The money was short.
          evidence: {dated('2021')}
    """)
    assert anachronisms(path) == []


def test_new_writes_a_version_2_map_whose_titles_are_placeholders(cli, project, monkeypatch):
    monkeypatch.chdir(project)
    assert cli(["new", "ferry-fares"]).exit_code == 0
    path = project / "maps" / "ferry-fares.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["argmap"] == 2
    assert all(node["title"] == "TODO, a short title" for node in data["nodes"].values())
    result = check([path], project / "seeds")
    assert {d.code for d in result.diagnostics} == {"AM317"}
    assert {d.message for d in result.diagnostics} >= {f"nodes.{n}.title still holds a TODO placeholder" for n in data["nodes"]}
