"""`argmap eval` end to end, `expect:` blocks checked by `argmap check`, and `--prep`."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from argmap.usecases.check import check
from argmap.evaluate import evaluate_map
from argmap.evaluate.prep import Basis, prepare
from argmap.core.model import ArgMap, Source
from conftest import MAPS, SEEDS

FRAMEWORKS = Path(__file__).parent / "frameworks"

DEBATE = """\
argmap: 1
id: toy
title: Toy debate
question: Does it hold?
sides:
  pro: It holds
  con: It does not
nodes:
  thesis:
    type: thesis
    side: pro
    text: It holds.
  claim:
    type: claim
    text: A reason it holds.
    supports: [thesis]
    analytic: true
  objection:
    type: objection
    text: The reason is wrong.
    attacks: [claim]
    analytic: true
  second-claim:
    type: claim
    text: Another reason.
    supports: [thesis]
    analytic: true
"""


def write_map(project: Path, text: str, name: str = "toy") -> Path:
    path = project / "maps" / f"{name}.yaml"
    path.write_text(text.replace("id: toy", f"id: {name}"), encoding="utf-8")
    return path


def with_expect(block: str) -> str:
    return DEBATE + textwrap.dedent(block)


# --- argmap eval -----------------------------------------------------------------------------


def test_eval_map_prints_a_table_with_labels_and_reasons(project: Path, cli, monkeypatch) -> None:
    write_map(project, DEBATE)
    monkeypatch.chdir(project)
    result = cli(["eval", "maps/toy.yaml"])
    assert result.exit_code == 0, result.stdout
    lines = result.stdout.splitlines()
    assert lines[0] == "maps/toy.yaml: grounded semantics, supports: derive"
    row = next(line for line in lines if line.startswith("claim "))
    assert row.split()[:5] == ["claim", "claim", "pro", "OUT", "falls"]
    assert row.endswith("defeated by objection")
    assert "3 stand, 1 fall, 0 undecided" in result.stdout


def test_eval_map_json_has_semantics_extensions_and_labels(project: Path, cli, monkeypatch) -> None:
    write_map(project, DEBATE)
    monkeypatch.chdir(project)
    result = cli(["eval", "maps/toy.yaml", "--format", "json", "--semantics", "preferred"])
    payload = json.loads(result.stdout)
    assert payload["semantics"] == "preferred"
    assert payload["extensions"] == [["thesis", "objection", "second-claim"]]
    assert payload["labels"]["claim"] == {"label": "OUT", "status": "falls", "reason": "defeated by objection"}
    assert payload["labels"]["objection"] == {"label": "IN", "status": "stands", "reason": "unattacked"}
    assert "prep" not in payload


def test_eval_refuses_a_map_with_check_errors_as_check_reports_them(project: Path, cli, monkeypatch) -> None:
    write_map(project, DEBATE.replace("attacks: [claim]", "attacks: [claimm]"))
    monkeypatch.chdir(project)
    result = cli(["eval", "maps/toy.yaml"])
    assert result.exit_code == 1
    assert re.search(r"^maps/toy\.yaml:\d+:\d+: error AM301: ", result.stdout, re.MULTILINE)
    assert "not evaluated: 1 error" in result.stdout


def test_eval_reads_iccma_frameworks(cli) -> None:
    result = cli(["eval", FRAMEWORKS / "good" / "floating-reinstatement.tgf", "-s", "stable", "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"semantics": "stable", "extensions": [["a", "d"], ["b", "d"]]}


def test_eval_prints_a_framework_as_a_table_of_labels_and_reasons(cli, tmp_path: Path) -> None:
    # columns as wide as their widest cell (the header's included), the last one ragged
    result = cli(["eval", FRAMEWORKS / "good" / "floating-reinstatement.apx", "-s", "preferred"])
    assert result.exit_code == 0
    assert result.stdout == textwrap.dedent(f"""\
        {FRAMEWORKS / "good" / "floating-reinstatement.apx"}: preferred semantics

        ARGUMENT  LABEL  STATUS     REASON
        a         UNDEC  undecided  stands in some extensions but not in all
        b         UNDEC  undecided  stands in some extensions but not in all
        c         OUT    falls      falls in every extension, defeated by one of a, b
        d         IN     stands     all attackers fall

        1 stand, 1 fall, 2 undecided
        2 extensions: {{a, d}}  {{b, d}}
        """)
    path = tmp_path / "chain.apx"
    path.write_text("arg(a-longer-name).\narg(x).\narg(y).\natt(a-longer-name,x).\natt(x,y).\n", encoding="utf-8")
    result = cli(["eval", path])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[2:6] == [
        "ARGUMENT       LABEL  STATUS  REASON",  # no one undecided: STATUS is as wide as its header
        "a-longer-name  IN     stands  unattacked",
        "x              OUT    falls   defeated by a-longer-name",
        "y              IN     stands  all attackers fall",
    ]


def test_eval_reports_a_malformed_framework_and_exits_1(cli) -> None:
    result = cli(["eval", FRAMEWORKS / "bad" / "out-of-range.af", "--format", "json"])
    assert result.exit_code == 1
    (diagnostic,) = json.loads(result.stdout)["diagnostics"]
    assert (diagnostic["code"], diagnostic["line"], diagnostic["column"]) == ("AM702", 3, 1)


def test_eval_cannot_run_without_a_readable_input(cli, tmp_path: Path) -> None:
    assert cli(["eval", tmp_path / "missing.af"]).exit_code == 2
    (tmp_path / "notes.txt").write_text("hello")
    assert cli(["eval", tmp_path / "notes.txt"]).exit_code == 2
    assert cli(["eval", FRAMEWORKS / "good" / "empty.af", "--prep"]).exit_code == 2
    assert cli(["eval", FRAMEWORKS / "good" / "empty.af", "--semantics", "ideal"]).exit_code == 2


def test_eval_as_a_subprocess_never_prints_a_traceback(run_argmap) -> None:
    completed = run_argmap(["eval", FRAMEWORKS / "good" / "even-cycle-four.af", "-s", "preferred"])
    assert completed.returncode == 0, completed.stderr
    assert "2 extensions: {1, 3}  {2, 4}" in completed.stdout
    assert "Traceback" not in completed.stderr


def test_eval_prep_lists_what_each_side_still_has_to_answer(project: Path, cli, monkeypatch) -> None:
    write_map(project, DEBATE)
    monkeypatch.chdir(project)
    result = cli(["eval", "maps/toy.yaml", "--prep", "--format", "json"])
    prep = json.loads(result.stdout)["prep"]
    assert prep["pro"]["still_to_answer"] == [
        {"attacker": "objection", "target": "claim", "attacker_status": "stands", "via": []}
    ]
    assert prep["con"]["still_to_answer"] == []
    assert {c["node"] for c in prep["pro"]["thin_claims"]} == {"claim", "second-claim"}
    text = cli(["eval", "maps/toy.yaml", "--prep"]).stdout
    assert "Still to answer:\n  - objection attacks claim; the attacker stands" in text


# --- expect: in argmap check ---------------------------------------------------------------


def codes_and_lines(path: Path, seeds: Path) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in check([path], seeds).diagnostics if d.code.startswith("AM6")]


def test_matching_expectations_pass(project: Path) -> None:
    path = write_map(project, with_expect("""\
        expect:
          stands: [thesis, objection]
          falls: [claim]
        """))
    assert codes_and_lines(path, project / "seeds") == []


def test_a_wrong_expectation_is_reported_at_its_entry(project: Path) -> None:
    path = write_map(project, with_expect("""\
        expect:
          stands:
            - thesis
            - claim
          falls: [objection]
        """))
    diagnostics = [d for d in check([path], project / "seeds").diagnostics if d.code == "AM601"]
    assert [(d.line, d.column) for d in diagnostics] == [(31, 7), (32, 11)]
    assert "'claim' is expected to stand under grounded semantics, but it falls" in diagnostics[0].message
    assert diagnostics[0].hints[0] == "computed: OUT (falls), defeated by objection"


def test_an_unknown_node_in_expect_is_an_error(project: Path) -> None:
    path = write_map(project, with_expect("""\
        expect:
          undecided: [nobody]
        """))
    assert codes_and_lines(path, project / "seeds") == [("AM602", 29)]


def test_a_misspelt_node_in_expect_gets_a_did_you_mean(project: Path) -> None:
    path = write_map(project, with_expect("""\
        expect:
          falls: [claime]
        """))
    found = [d for d in check([path], project / "seeds").diagnostics if d.code == "AM602"]
    assert [d.hints for d in found] == [("did you mean 'claim'?",)]


def test_expectations_wait_for_the_relations_to_resolve(project: Path) -> None:
    path = write_map(project, with_expect("""\
        expect:
          falls: [thesis]
        """))
    assert codes_and_lines(path, project / "seeds") == [("AM601", 29)]
    path.write_text(path.read_text(encoding="utf-8").replace("supports: [thesis]", "supports: [thesys]"), encoding="utf-8")
    codes = [d.code for d in check([path], project / "seeds").diagnostics]
    assert "AM301" in codes and "AM601" not in codes  # the typo's error alone, not labels of another graph


def test_expectations_under_preferred_semantics(project: Path) -> None:
    # The objection and a rebuttal attack each other: grounded leaves both undecided; under
    # preferred semantics each wins in one extension, so both are still undecided sceptically,
    # while the thesis (attacked by nothing) stands.
    mutual = DEBATE.replace("    attacks: [claim]\n", "    attacks: [claim, rebuttal]\n") + textwrap.dedent("""\
          rebuttal:
            type: rebuttal
            text: The objection misreads the claim.
            attacks: [objection]
            analytic: true
        expect:
          semantics: preferred
          stands: [thesis, second-claim]
          undecided: [claim, objection, rebuttal]
        """)
    path = write_map(project, mutual)
    assert codes_and_lines(path, project / "seeds") == []
    wrong = write_map(project, mutual.replace("semantics: preferred", "semantics: stable")
                      .replace("undecided: [claim, objection, rebuttal]", "falls: [claim]"), name="wrong")
    assert codes_and_lines(wrong, project / "seeds") == [("AM601", 36)]


def test_eval_still_shows_labels_when_expectations_differ(project: Path, cli, monkeypatch) -> None:
    write_map(project, with_expect("expect:\n  stands: [claim]\n"))
    monkeypatch.chdir(project)
    assert cli(["check", "maps/toy.yaml"]).exit_code == 1
    result = cli(["eval", "maps/toy.yaml"])
    assert result.exit_code == 0 and "defeated by objection" in result.stdout


def test_fixture_maps_meet_their_own_expectations() -> None:
    with_expectations = [path for path in sorted(MAPS.glob("*.yaml")) if "\nexpect:" in path.read_text(encoding="utf-8")]
    assert with_expectations  # the fixture project states at least one evaluation
    for path in with_expectations:
        found = [d for d in check([path], SEEDS).diagnostics if d.code in ("AM601", "AM602")]
        assert found == [], path


# --- prep, directly ----------------------------------------------------------------------


def source(reliability: str) -> Source:
    return Source.model_validate({"file": "x.txt", "title": "X", "reliability": reliability})


def test_prep_finds_single_weak_sources_and_reused_quotes() -> None:
    quote = {"source": "blog", "quote": "the same words"}
    argmap = ArgMap.model_validate({
        "argmap": 1, "id": "p", "title": "P", "question": "Q?",
        "sides": {"pro": "Yes", "con": "No"},
        "nodes": {
            "t": {"type": "thesis", "side": "pro", "text": "T"},
            "a": {"type": "claim", "text": "A", "supports": ["t"], "evidence": [quote]},
            "b": {"type": "claim", "text": "B", "supports": ["t"], "evidence": [quote]},
            "c": {"type": "claim", "text": "C", "supports": ["t"],
                  "evidence": [{"source": "blog", "quote": "the  same\nwords"}]},
            "d": {"type": "claim", "text": "D", "supports": ["t"],
                  "evidence": [quote, {"source": "journal", "quote": "other words"}]},
            "e": {"type": "claim", "text": "E", "supports": ["d"], "analytic": True},
        },
    })
    preparation = prepare(argmap, {"blog": source("blog"), "journal": source("peer-reviewed")})
    pro = preparation.side("pro")
    assert [(c.node, c.basis, c.source) for c in pro.thin_claims] == [
        ("a", Basis.SINGLE_WEAK_SOURCE, "blog"),
        ("b", Basis.SINGLE_WEAK_SOURCE, "blog"),
        ("c", Basis.SINGLE_WEAK_SOURCE, "blog"),
        ("e", Basis.ANALYTIC_ONLY, None),
    ]
    (reused,) = pro.reused_evidence
    assert (reused.source, reused.quote, reused.nodes) == ("blog", "the same words", ("a", "b", "c", "d"))
    assert preparation.side("con").thin_claims == ()


def test_prep_counts_supported_attacks_as_still_to_answer() -> None:
    argmap = ArgMap.model_validate({
        "argmap": 1, "id": "p", "title": "P", "question": "Q?",
        "sides": {"pro": "Yes", "con": "No"},
        "nodes": {
            "t": {"type": "thesis", "side": "pro", "text": "T", "analytic": True},
            "c": {"type": "claim", "text": "C", "supports": ["t"], "analytic": True},
            "o": {"type": "objection", "text": "O", "attacks": ["c"], "analytic": True},
            "backing": {"type": "claim", "text": "B", "supports": ["o"], "analytic": True},
            "r": {"type": "rebuttal", "text": "R", "attacks": ["o"], "analytic": True},
        },
    })
    pro = prepare(argmap, {}, evaluate_map(argmap)).side("pro")
    assert [(a.attacker, a.target, a.via) for a in pro.still_to_answer] == [("backing", "c", ("o",))]


def test_eval_refuses_an_oversized_header_instead_of_running_out_of_memory(run_argmap) -> None:
    completed = run_argmap(["eval", FRAMEWORKS / "bad" / "23-digit-count.af"])
    assert completed.returncode == 1
    assert "23-digit-count.af:1:6: error AM701: expected at most 1,000,000 arguments" in completed.stdout
    assert "Traceback" not in completed.stderr


def test_eval_reports_a_framework_that_is_not_utf8_at_its_byte(cli) -> None:
    result = cli(["eval", FRAMEWORKS / "bad" / "latin1.af"])
    assert result.exit_code == 1
    assert "latin1.af:2:6: error AM101: file is not UTF-8: byte 0xe9" in result.stdout


def test_eval_shows_the_warnings_of_the_check_beside_the_labels(project: Path, cli, monkeypatch) -> None:
    # a TODO title is a warning (AM317), which eval reports on stderr and still evaluates
    write_map(project, DEBATE.replace("title: Toy debate", "title: TODO"))
    monkeypatch.chdir(project)
    result = cli(["eval", "maps/toy.yaml", "--format", "json"])
    assert result.exit_code == 0
    assert "maps/toy.yaml:3:8: warning AM317" in result.stderr
    assert json.loads(result.stdout)["semantics"] == "grounded"


def test_eval_json_of_a_map_with_errors_is_shaped_like_check_json(project: Path, cli, monkeypatch) -> None:
    write_map(project, DEBATE.replace("attacks: [claim]", "attacks: [claimm]"))
    monkeypatch.chdir(project)
    evaluated = json.loads(cli(["eval", "maps/toy.yaml", "--format", "json"]).stdout)
    checked = json.loads(cli(["check", "maps/toy.yaml", "--format", "json"]).stdout)
    assert set(evaluated) == set(checked) == {"argmap", "summary", "diagnostics"}
    assert evaluated["argmap"] == checked["argmap"] and evaluated["diagnostics"] == checked["diagnostics"]


@pytest.mark.parametrize(("args", "expected"), [
    (["eval", MAPS / "river-bridge.yaml", "--semantics", "dfqad"],
     "expected one of 'grounded', 'preferred', 'stable', 'dfquad', 'qe'; found 'dfqad' (did you mean 'dfquad'?)"),
    (["render", MAPS / "river-bridge.yaml", "--format", "zzz"], "expected one of 'svg', 'png', 'pdf', 'dot'; found 'zzz'"),
])
def test_a_value_outside_an_options_choices_is_expected_x_found_y(cli, args, expected) -> None:
    result = cli(args)
    assert result.exit_code == 2
    assert expected in result.stderr and "Value error" not in result.stderr


def test_a_one_shot_command_leaves_what_it_built_frozen_and_the_collector_as_it_was(tmp_path: Path) -> None:
    # Everything made with the collector off sits in its youngest generation: unfrozen, the first
    # collection after the command (or at exit) would walk all of it.
    import subprocess
    import sys

    framework = tmp_path / "chain.apx"
    framework.write_text("".join(f"arg(a{i}).att(a{i},a{i + 1})." for i in range(2000)) + "arg(a2000).\n", encoding="utf-8")
    program = f"""
import gc, sys
sys.argv = ["argmap", "eval", {str(framework)!r}]
from argmap.cli import main
frozen = gc.get_freeze_count()
try:
    main()
except SystemExit:
    pass
print(gc.isenabled(), gc.get_freeze_count() - frozen > 2000, file=sys.stderr)
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert done.stderr.strip().splitlines()[-1] == "True True", done.stderr[-2000:]


def test_a_one_shot_eval_holds_its_last_outcome_only(tmp_path: Path, cli) -> None:
    # what `argmap eval` built is held to the process's end rather than freed object by object;
    # run again in the same process, it holds the new outcome only, and none in a long-running one
    import argmap.cli.eval as eval_command
    from argmap.core.collector import long_running

    for name in ("first.apx", "second.apx"):
        (tmp_path / name).write_text("arg(a).\narg(b).\natt(a,b).\n", encoding="utf-8")
        assert cli(["eval", tmp_path / name]).exit_code == 0
    held = [item for item in eval_command._HELD if item is not eval_command._HELD]
    assert [outcome.path for outcome in held] == [str(tmp_path / "second.apx")]
    with long_running():
        assert cli(["eval", tmp_path / "first.apx"]).exit_code == 0
    assert eval_command._HELD == []
