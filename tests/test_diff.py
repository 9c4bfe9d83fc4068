"""`argmap diff`: what changed in the debate between two versions of a map, read from files or
from git, in each format, with its exit codes (0 no change, 1 a change, 2 cannot compare)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import shutil
import subprocess
from pathlib import Path

import pytest

from argmap.authoring.starter import init_project

GIT_IDENTITY = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}

# A map of analytic points with no expect: its headline semantics is qe, a gradual one.
DEBATE = """\
argmap: 2
id: ferry
title: Ferry or bridge
question: Should the island build a bridge?
sides: {pro: Build the bridge, con: Keep the ferry}
nodes:
  bridge:
    type: thesis
    side: pro
    title: Build the bridge
    text: The island should build a bridge.
    analytic: true
  ferry:
    type: thesis
    side: con
    title: Keep the ferry
    text: The island should keep the ferry.
    analytic: true
  storms:
    type: claim
    title: Storms stop the ferry
    text: Winter storms stop the ferry for days.
    supports: [bridge]
    weight: 0.5
    analytic: true
  cost:
    type: objection
    title: The bridge costs too much
    text: The bridge costs more than the island can pay.
    attacks: [bridge]
    weight: 0.5
    analytic: true
"""


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True,
                          env={**os.environ, **GIT_IDENTITY})
    return done.stdout


def committed(folder: Path) -> Path:
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "start")
    return folder


@pytest.fixture
def debate(tmp_path: Path) -> Path:
    """A git repository with maps/ferry.yaml (analytic, headline qe) committed on main."""
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "ferry.yaml").write_text(DEBATE, encoding="utf-8")
    return committed(tmp_path)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """`argmap init`'s project (a map quoting two sources) committed on main."""
    init_project(tmp_path)
    return committed(tmp_path)


def edit(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def diff_json(run_argmap, folder: Path, *args: str) -> tuple[int, dict]:
    done = run_argmap(["diff", *args, "--format", "json"], cwd=folder)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


def test_a_comment_or_layout_edit_is_no_change_and_exits_0(run_argmap, debate):
    edit(debate / "maps" / "ferry.yaml", ("argmap: 2\n", "# a new comment\nargmap: 2\n"),
         ("sides: {pro: Build the bridge, con: Keep the ferry}", "sides:\n  con: Keep the ferry\n  pro:   Build the bridge"))
    assert git(debate, "diff", "--stat")  # the file did change
    done = run_argmap(["diff", "main:maps/ferry.yaml", "maps/ferry.yaml"], cwd=debate)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == ["maps/ferry.yaml: nothing changed in the debate", "0 maps changed, 1 unchanged"]
    code, payload = diff_json(run_argmap, debate, "--base", "main")
    assert code == 0 and payload["changed"] is False and payload["maps"][0]["status"] == "unchanged"
    assert payload["maps"][0]["verdict"]["before"] == payload["maps"][0]["verdict"]["after"] is not None


def test_nodes_relations_labels_strengths_and_the_verdict_before_and_after(run_argmap, debate):
    edit(debate / "maps" / "ferry.yaml",
         ("title: Storms stop the ferry", "title: Storms stop the ferry for days"),
         ("text: The bridge costs more than the island can pay.", "text: The bridge costs twice the island's budget."),
         ("    attacks: [bridge]\n    weight: 0.5", "    attacks: [{to: bridge, weight: 0.3}]\n    weight: 0.5"),
         ("    supports: [bridge]\n    weight: 0.5", "    supports: [bridge]\n    weight: 0.9"))
    with (debate / "maps" / "ferry.yaml").open("a", encoding="utf-8") as out:
        out.write("  tolls:\n    type: claim\n    title: Tolls pay for it\n    text: Tolls would pay for the bridge.\n"
                  "    attacks: [{to: cost, weight: 0.6}]\n    analytic: true\n")
    code, payload = diff_json(run_argmap, debate, "main:maps/ferry.yaml", "maps/ferry.yaml")
    assert code == 1 and payload["changed"] is True
    (ferry,) = payload["maps"]
    assert (ferry["status"], ferry["semantics"], ferry["old"], ferry["new"]) == (
        "changed", "qe", "main:maps/ferry.yaml", "maps/ferry.yaml")
    changes = ferry["changes"]
    assert changes["nodes_added"] == ["tolls"] and changes["nodes_removed"] == []
    assert changes["retitled"] == [{"node": "storms", "field": "title", "before": "Storms stop the ferry",
                                    "after": "Storms stop the ferry for days"}]
    assert [c["node"] for c in changes["reworded"]] == ["cost"]
    assert changes["node_fields"] == [{"node": "storms", "field": "weight", "before": "0.5", "after": "0.9"}]
    assert changes["relations_added"] == [{"source": "tolls", "kind": "attacks", "target": "cost", "weight": 0.6}]
    assert changes["reweighted"] == [{"relation": {"source": "cost", "kind": "attacks", "target": "bridge", "weight": 1.0},
                                      "after": 0.3}]
    before, after = ferry["verdict"]["before"], ferry["verdict"]["after"]
    assert before["margin"] < after["margin"] and after["leader"] == "pro"
    assert 0 <= after["robustness"] <= 1 and after["semantics"] == "qe"
    strengths = {s["node"]: s for s in ferry["strengths"]}
    assert strengths["bridge"]["after"] - strengths["bridge"]["before"] >= 0.05
    assert all(abs(s["after"] - s["before"]) >= 0.05 for s in strengths.values())
    text = run_argmap(["diff", "main:maps/ferry.yaml", "maps/ferry.yaml"], cwd=debate).stdout
    assert "  verdict (qe): " in text and " → pro ahead by" in text
    assert "    - tolls attacks cost (weight 0.60)" in text
    assert "    - cost attacks bridge: weight 1.00 → 0.40" not in text and "    - cost attacks bridge: weight 1.00 → 0.30" in text


def test_a_strength_that_moves_less_than_0_05_is_not_listed(run_argmap, debate):
    edit(debate / "maps" / "ferry.yaml", ("    supports: [bridge]\n    weight: 0.5", "    supports: [bridge]\n    weight: 0.51"))
    code, payload = diff_json(run_argmap, debate, "main:maps/ferry.yaml", "maps/ferry.yaml")
    (ferry,) = payload["maps"]
    assert code == 1 and ferry["changes"]["node_fields"][0]["field"] == "weight"
    assert ferry["strengths"] == []  # 0.01 on the node itself, less on the thesis


def test_labels_under_a_dung_headline_and_nodes_removed(run_argmap, debate):
    edit(debate / "maps" / "ferry.yaml", ("nodes:\n", "expect:\n  semantics: grounded\nnodes:\n"))
    git(debate, "commit", "-qam", "grounded headline")
    text = (debate / "maps" / "ferry.yaml").read_text(encoding="utf-8")
    (debate / "maps" / "ferry.yaml").write_text(text[:text.index("  cost:\n")], encoding="utf-8")
    code, payload = diff_json(run_argmap, debate, "main:maps/ferry.yaml", "maps/ferry.yaml")
    (ferry,) = payload["maps"]
    assert code == 1 and ferry["changes"]["nodes_removed"] == ["cost"]
    assert ferry["changes"]["relations_removed"] == [{"source": "cost", "kind": "attacks", "target": "bridge", "weight": 1.0}]
    assert ferry["semantics"] == ferry["label_semantics"] == "grounded" and ferry["strengths"] == []
    assert {"node": "cost", "before": "IN", "after": None} in ferry["labels"]
    assert ferry["verdict"]["before"]["robustness"] == 1 and ferry["verdict"]["before"]["samples"] == 0


def test_evidence_added_removed_requoted_and_a_source_repinned(run_argmap, example):
    example_map, registry = example / "maps" / "example.yaml", example / "seeds" / "sources.yaml"
    edit(example_map,
         ("        quote: Staff costs rose by 12 percent, because hours worked on a Sunday are paid at a higher rate.",
          "        quote: Staff costs rose by 12 percent,"),
         ("    evidence:\n      - source: riverside2025\n        quote: Visits on Sundays averaged 410 a day, more than on "
          "any weekday.\n        highlight: [410 a day]\n        as_of: 2025\n        page: 1\n", "    analytic: true\n"),
         ("    analytic: true\n\n  families-come:", "    evidence:\n      - source: riverside2025\n"
          "        quote: The library opened on Sundays for the first time in March 2025.\n        page: 1\n\n"
          "  families-come:"),
         ("        as_of: 2025-06\n", "        as_of: 2025-07\n"))
    source = example / "seeds" / "riverside2025-annual-report.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nAppendix.\n", encoding="utf-8")
    old_pin = hashlib.sha256(git(example, "show", "main:seeds/riverside2025-annual-report.txt").encode()).hexdigest()
    new_pin = hashlib.sha256(source.read_bytes()).hexdigest()
    edit(registry, (old_pin, new_pin))
    code, payload = diff_json(run_argmap, example, "--base", "main")
    assert code == 1
    (changed,) = payload["maps"]
    changes = changed["changes"]
    assert changes["requoted"] == [{"node": "costs-rose", "source": "riverside2025", "before":
                                    "Staff costs rose by 12 percent, because hours worked on a Sunday are paid at a higher rate.",
                                    "after": "Staff costs rose by 12 percent,"}]
    assert changes["evidence_removed"] == [{"node": "keep-sundays", "source": "riverside2025",
                                            "quote": "Visits on Sundays averaged 410 a day, more than on any weekday."}]
    assert changes["evidence_added"] == [{"node": "close-sundays", "source": "riverside2025",
                                          "quote": "The library opened on Sundays for the first time in March 2025."}]
    assert changes["evidence_edited"] == [{"node": "families-come", "field": "evidence (riverside2025) as_of",
                                           "before": "2025-06", "after": "2025-07"}]
    assert changes["sources"] == [{"node": "riverside2025", "field": "sha256", "before": old_pin, "after": new_pin}]
    text = run_argmap(["diff", "--base", "main"], cwd=example).stdout
    assert f"    - riverside2025: pin {old_pin[:12]} → {new_pin[:12]}" in text


def test_base_lists_maps_changed_added_removed_and_those_citing_a_repinned_source(run_argmap, example):
    (example / "maps" / "ferry.yaml").write_text(DEBATE, encoding="utf-8")
    git(example, "add", "-A")
    git(example, "commit", "-qm", "ferry")
    (example / "maps" / "ferry.yaml").unlink()
    (example / "maps" / "bridge.yaml").write_text(DEBATE.replace("id: ferry", "id: bridge"), encoding="utf-8")
    git(example, "add", "-A")  # --base reads the working tree against the revision: new files must be known to git
    code, payload = diff_json(run_argmap, example, "--base", "main")
    assert code == 1
    assert [(m["path"], m["status"]) for m in payload["maps"]] == [("maps/bridge.yaml", "added"), ("maps/ferry.yaml", "removed")]
    added, removed = payload["maps"]
    assert added["verdict"]["before"] is None and added["verdict"]["after"]["leader"] in ("pro", "con", "contested")
    assert removed["verdict"]["after"] is None and removed["verdict"]["before"] is not None
    git(example, "commit", "-qm", "bridge")
    registry = example / "seeds" / "sources.yaml"
    edit(registry, ("    reliability: news\n    note: An invented report", "    reliability: blog\n    note: An invented report"))
    code, payload = diff_json(run_argmap, example, "--base", "main")  # example.yaml itself is unchanged
    assert code == 1 and [m["path"] for m in payload["maps"]] == ["maps/example.yaml"]
    assert payload["maps"][0]["changes"]["sources"] == [
        {"node": "riverside2025", "field": "reliability", "before": "news", "after": "blog"}]
    assert run_argmap(["diff", "--base", "HEAD", "seeds"], cwd=example).stdout.startswith("0 maps changed")


def test_markdown_shows_the_verdict_table_and_escapes_what_a_map_says(run_argmap, debate):
    edit(debate / "maps" / "ferry.yaml", ("title: Storms stop the ferry", "title: <img src=x onerror=alert(1)> | [x](javascript:y) @team"),
         ("text: The island should keep the ferry.", "text: \"- keep it\"\n"))
    done = run_argmap(["diff", "main:maps/ferry.yaml", "maps/ferry.yaml", "-f", "markdown"], cwd=debate)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:3] == ["## argmap diff", "", "1 map changed, 0 unchanged"]
    assert "### maps/ferry\\.yaml: changed".replace("\\.", ".") in lines
    assert "| verdict (qe) | before | after |" in lines and "|---|---|---|" in lines
    assert any(line.startswith("| leader | ") for line in lines) and any(line.startswith("| robustness | ") for line in lines)
    retitled = next(line for line in lines if line.startswith("- storms:"))
    assert retitled == ('- storms: "Storms stop the ferry" → "\\<img src=x onerror=alert(1)\\> \\| \\[x\\](javascript:y) '
                        '\\@team"')
    assert "<img" not in done.stdout.replace("\\<img", "")


def test_github_gives_a_notice_per_changed_map_that_no_text_can_break_out_of(run_argmap, debate):
    edit(debate / "maps" / "ferry.yaml", ("text: The island should keep the ferry.",
                                          "text: \"keep it\\n::error file=x::injected\""))
    done = run_argmap(["diff", "main:maps/ferry.yaml", "maps/ferry.yaml", "-f", "github"], cwd=debate)
    assert done.returncode == 1
    notice, summary = done.stdout.splitlines()
    assert notice.startswith("::notice file=maps/ferry.yaml,title=argmap diff%3A ferry::maps/ferry.yaml: changed")
    # a line break in the map's text is a space in the message; the message's own lines are %0A
    assert '"keep it ::error file=x::injected"' in notice and "%0Areworded: ferry" in notice
    assert summary == "1 map changed, 0 unchanged"


@pytest.mark.parametrize("args, message", [
    (["maps/ferry.yaml"], "argmap diff compares two maps, OLD and NEW; 1 given"),
    (["maps/ferry.yaml", "maps/nope.yaml"], "maps/nope.yaml: no such file"),
    (["maps/ferry.yaml", "maps"], "maps: not a file"),
    (["nope:maps/ferry.yaml", "maps/ferry.yaml"], "cannot find the revision 'nope': no commit 'nope' in this repository"),
    (["main:maps/nope.yaml", "maps/ferry.yaml"], "cannot read main:maps/nope.yaml: no such file at main"),
    (["main:maps", "maps/ferry.yaml"], "cannot read main:maps: a folder, not a file"),
    (["--base", "--output=written"], "'--output=written' is not a revision"),
    (["--base", "nope"], "cannot find the revision 'nope'"),
])
def test_usage_errors_exit_2_with_a_message(run_argmap, debate, args, message):
    done = run_argmap(["diff", *args], cwd=debate)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"argmap: error: {message}"), done.stderr
    assert "Traceback" not in done.stderr and not (debate / "written").exists()


def test_outside_a_git_repository_or_without_git_exits_2(run_argmap, tmp_path):
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "ferry.yaml").write_text(DEBATE, encoding="utf-8")
    done = run_argmap(["diff", "--base", "main"], cwd=tmp_path, env={**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert done.returncode == 2 and done.stderr.startswith("argmap: error: cannot find the git repository: not a git repository")
    no_git = tmp_path / "bin"
    no_git.mkdir()
    (no_git / "python").symlink_to(shutil.which("python3") or "/usr/bin/python3")
    done = subprocess.run([sys.executable, "-m", "argmap", "diff", "main:maps/ferry.yaml", "maps/ferry.yaml"], cwd=tmp_path,
                          capture_output=True, text=True, env={**os.environ, "PATH": str(no_git)})
    assert done.returncode == 2
    assert done.stderr.startswith("argmap: error: cannot find the git repository: git is not installed"), done.stderr


def test_a_version_that_is_not_a_valid_map_is_named_at_its_line_and_exits_2(run_argmap, debate):
    edit(debate / "maps" / "ferry.yaml", ("    weight: 0.5\n    analytic: true\n  cost:", "    weight: 2\n    analytic: true\n  cost:"))
    done = run_argmap(["diff", "main:maps/ferry.yaml", "maps/ferry.yaml"], cwd=debate)
    assert done.returncode == 2
    assert done.stderr.startswith("maps/ferry.yaml:24:13: error AM203: invalid value for 'weight'"), done.stderr
    assert done.stdout.splitlines()[-1] == "0 maps changed, 0 unchanged; 1 file could not be read as maps"
    payload = json.loads(run_argmap(["diff", "--base", "main", "-f", "json"], cwd=debate).stdout)
    assert payload["problems"][0]["path"] == "maps/ferry.yaml" and payload["maps"] == []


def test_the_documented_diffs_are_real_output(run_argmap):
    """Each `$ argmap diff` of docs/commands/diff.md, run from the repository's top, prints what the page shows."""
    from conftest import REPO

    page = (REPO / "docs" / "commands" / "diff.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n\$ argmap diff (.*?)\n(.*?)```", page, re.DOTALL)
    formats = set()
    for args, shown in blocks:
        done = run_argmap(["diff", *args.split()], cwd=REPO)
        assert done.returncode == 1, done.stderr
        assert done.stdout == shown, args
        formats.add(args.split("--format ")[-1] if "--format" in args else "text")
    assert formats == {"text", "json", "markdown", "github"}
