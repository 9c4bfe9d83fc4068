"""`argmap export --to argdown` and `argmap import --from argdown`, with the official CLI's own
JSON (committed, so these run everywhere) and, where `argdown` is on PATH, the CLI itself."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import MAPS
from interchange_support import INTERCHANGE, load, relation_count

ARGDOWN = INTERCHANGE / "argdown"
EXPORTED = INTERCHANGE / "exported"
EXPORTED_MAPS = {"ferry-undercuts": INTERCHANGE / "ferry-undercuts.yaml", "river-bridge": MAPS / "river-bridge.yaml"}
needs_argdown = pytest.mark.skipif(shutil.which("argdown") is None, reason="the Argdown CLI (npm @argdown/cli) is not on PATH; "
                                   "the committed JSON of tests/data/interchange covers the same files")


@pytest.mark.parametrize("name", sorted(EXPORTED_MAPS))
def test_export_is_the_file_the_cli_was_run_on(cli, name):
    """The committed CLI JSON is the CLI's reading of exactly what the export writes today."""
    result = cli(["export", EXPORTED_MAPS[name], "--to", "argdown"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (EXPORTED / f"{name}.argdown").read_text(), (
        "the Argdown export changed: regenerate tests/data/interchange/exported (see its README)")


@pytest.mark.parametrize("name", sorted(EXPORTED_MAPS))
def test_the_cli_sees_every_node_text_and_relation(name):
    model = load(EXPORTED_MAPS[name])
    parsed = json.loads((EXPORTED / f"{name}.json").read_text())
    assert len(parsed["relations"]) == relation_count(model)
    kinds = [r["relationType"] for r in parsed["relations"]]
    assert kinds.count("undercut") == sum(len(n.undercuts) for n in model.nodes.values())
    assert kinds.count("support") == sum(len(n.supports) for n in model.nodes.values())
    texts = sorted(next(m["text"] for m in cls["members"] if m.get("text")) for cls in parsed["statements"].values())
    assert texts == sorted(" ".join(n.text.split()) for n in model.nodes.values())  # escapes read back as written


@needs_argdown
def test_the_real_cli_parses_the_export_without_errors(cli, tmp_path):
    for name, source in EXPORTED_MAPS.items():
        target = tmp_path / f"{name}.argdown"
        assert cli(["export", source, "--to", "argdown", "-o", target]).exit_code == 0
        done = subprocess.run(["argdown", "json", str(target), str(tmp_path / "json")], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0 and "error" not in (done.stdout + done.stderr).lower(), done.stdout + done.stderr
        parsed = json.loads((tmp_path / "json" / f"{name}.json").read_text())
        assert len(parsed["relations"]) == relation_count(load(source))


def test_export_round_trip_through_the_cli_json_keeps_relations_and_undercuts(cli, tmp_path):
    out = tmp_path / "ferry-undercuts.yaml"
    result = cli(["import", EXPORTED / "ferry-undercuts.json", "--from", "argdown", "-o", out])
    back, original = load(out), load(EXPORTED_MAPS["ferry-undercuts"])
    title_to_id = {node.title: node_id for node_id, node in original.nodes.items()}
    rename = {node_id: title_to_id[node.title.replace("(budget)", "[budget]")] for node_id, node in back.nodes.items()}

    def relations(model, ids):
        return sorted((ids(s), kind, ids(t)) for s, n in model.nodes.items() for kind in ("supports", "attacks")
                      for t in getattr(n, kind)) + sorted((ids(s), "undercuts", ids(u.from_), ids(u.to))
                                                          for s, n in model.nodes.items() for u in n.undercuts)

    assert relations(back, rename.get) == relations(original, lambda x: x)
    assert {back.nodes[k].text for k in back.nodes} == {n.text for n in original.nodes.values()}
    assert result.exit_code == 0, result.output


def test_real_example_semmelweis(cli, tmp_path):
    out = tmp_path / "semmelweis.yaml"
    result = cli(["import", ARGDOWN / "semmelweis_betz.json", "--from", "argdown", "-o", out])
    assert result.exit_code == 0, result.output
    model = load(out)
    parsed = json.loads((ARGDOWN / "semmelweis_betz.json").read_text())
    # every statement and argument is a node, some also a copy on the other side
    originals = [n for n in model.nodes if not n.endswith("-copy")]
    assert len(originals) == len(parsed["statements"]) + len(parsed["arguments"])
    copies = [n for n in model.nodes if n.endswith("-copy")]
    assert copies and all("A copy of" in model.nodes[c].note for c in copies)
    assert all(f"'{c}' is a copy of" in result.stdout for c in copies)
    # every relation of the file is there, on the node or on its copy
    kept = {(s.removesuffix("-copy"), kind, t) for s, n in model.nodes.items() for kind in ("supports", "attacks")
            for t in getattr(n, kind)}
    assert len([r for r in parsed["relations"] if r["relationType"] in ("support", "attack")]) <= len(kept)
    assert all(n.analytic for n in model.nodes.values())


def test_real_example_primer_keeps_titles_texts_and_tags(cli, tmp_path):
    out = tmp_path / "primer.yaml"
    result = cli(["import", ARGDOWN / "argdown-primer.json", "--from", "argdown", "-o", out])
    assert result.exit_code == 0, result.output
    model = load(out)
    assert all(node.title and len(node.title) <= 70 for node in model.nodes.values())
    assert not any(node.title.startswith("Untitled ") for node in model.nodes.values())  # Argdown's stand-in names
    assert any(node.note and node.note.startswith("Argdown tags: #") for node in model.nodes.values())
    assert "statements with no relation" in result.stdout


def test_real_example_with_undercuts(cli, tmp_path):
    out = tmp_path / "softdrugs.yaml"
    result = cli(["import", ARGDOWN / "legalisation-softdrugs.json", "--from", "argdown", "-o", out])
    model = load(out)
    undercutters = {node_id: node for node_id, node in model.nodes.items() if node.undercuts}
    assert len(undercutters) == 2
    for node in undercutters.values():
        for denied in node.undercuts:
            assert denied.to in model.nodes[denied.from_].targets  # each names a relation of the map
    assert result.exit_code == 0, result.output


@needs_argdown
def test_argdown_file_is_read_through_the_cli(cli, tmp_path):
    via_cli = cli(["import", ARGDOWN / "semmelweis_betz.argdown", "--from", "argdown", "--id", "s"])
    via_json = cli(["import", ARGDOWN / "semmelweis_betz.json", "--from", "argdown", "--id", "s"])
    assert via_cli.exit_code == 0, via_cli.output
    assert via_cli.stdout.split("\n", 1)[1] == via_json.stdout.split("\n", 1)[1]  # all but the header comment


@needs_argdown
def test_argdown_file_the_cli_refuses_exits_2(cli, tmp_path):
    broken = tmp_path / "broken.argdown"
    broken.write_text("<A>\n\n(1) a premise\n----\n")  # a conclusion is missing
    result = cli(["import", broken, "--from", "argdown", "-o", tmp_path / "b.yaml"])
    assert result.exit_code == 2 and "the Argdown CLI could not read it" in result.stderr
    assert not (tmp_path / "b.yaml").exists()


def test_argdown_file_without_the_cli_says_how_to_get_json(run_argmap, tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty), "PYTHONPATH": os.pathsep.join(sys.path)}
    done = run_argmap(["import", ARGDOWN / "argdown-primer.argdown", "--from", "argdown", "-o", tmp_path / "p.yaml"], env=env)
    assert done.returncode == 2, done.stderr
    assert "needs the `argdown` command, which is not on PATH" in done.stderr
    assert "argdown json FILE.argdown OUT_FOLDER" in done.stderr
    assert not (tmp_path / "p.yaml").exists()


def test_not_argdown_json_exits_2(cli, tmp_path):
    wrong = tmp_path / "w.json"
    wrong.write_text(json.dumps({"nodes": [], "edges": []}))
    result = cli(["import", wrong, "--from", "argdown", "-o", tmp_path / "w.yaml"])
    assert result.exit_code == 2 and "not Argdown JSON" in result.stderr


# --- premise-conclusion structures with several inferences, untitled ones

STEPS = INTERCHANGE / "crossing-steps"


def _by_title(model) -> dict[str, str]:
    return {node.title: node_id for node_id, node in model.nodes.items()}


def test_an_intermediate_conclusion_has_its_own_inference(cli, tmp_path):
    out = tmp_path / "crossing.yaml"
    result = cli(["import", STEPS.with_suffix(".json"), "--from", "argdown", "-o", out])
    assert result.exit_code == 0, result.output
    model = load(out)
    ids = _by_title(model)
    floods, no_crossing = ids["Floods"], ids["When the boats stop, the west bank has no crossing."]
    cut_off, argument, bridge = ids["Cut off"], ids["Reliable crossing"], ids["Bridge"]
    # (1), (2) ---- (3): the intermediate conclusion is concluded from its own premises
    assert model.nodes[floods].supports == [cut_off] and model.nodes[no_crossing].supports == [cut_off]
    # (3), (4) ---- (5): the last inference is the argument's, which supports the main conclusion
    assert model.nodes[cut_off].supports == [argument]
    assert model.nodes[ids["A town should not leave a district cut off."]].supports == [argument]
    assert model.nodes[argument].supports == [bridge]
    # the undercut of the first inference (conclusionIndex 2) denies exactly that inference
    assert {(u.from_, u.to) for u in model.nodes[ids["Upstream ford"]].undercuts} == {(floods, cut_off), (no_crossing, cut_off)}


def test_an_untitled_argument_gets_no_placeholder(cli, tmp_path):
    out = tmp_path / "crossing.yaml"
    result = cli(["import", STEPS.with_suffix(".json"), "--from", "argdown", "-o", out])
    assert result.exit_code == 0, result.output
    model = load(out)
    assert "Untitled 3" in json.loads(STEPS.with_suffix(".json").read_text())["arguments"]  # the CLI's name for it
    assert not any("Untitled" in node.title or "Untitled" in node.text for node in model.nodes.values())
    ids = _by_title(model)
    # its premises conclude straight; {uses: [1, 2]} leaves (3) out of the inference
    ferry = ids["Ferry first"]
    assert model.nodes[ids["The ferry costs a tenth of a bridge."]].supports == [ferry]
    assert model.nodes[ids["A town should choose the cheaper crossing that works."]].supports == [ferry]
    assert model.nodes[ids["The harbour master likes ferries."]].supports == []


@needs_argdown
def test_the_committed_json_is_the_cli_reading_of_the_source(tmp_path):
    done = subprocess.run(["argdown", "json", str(STEPS.with_suffix(".argdown")), str(tmp_path)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads((tmp_path / "crossing-steps.json").read_text()) == json.loads(STEPS.with_suffix(".json").read_text())


# --- an import states no language it does not know

def test_an_import_writes_no_lang_it_was_not_given(cli, tmp_path):
    source = tmp_path / "jembatan.txt"
    source.write_text("Discussion Title: Haruskah Lembah membangun jembatan?\n\n1. Lembah harus membangun jembatan.\n"
                      "1.1. Pro: Perahu berhenti berhari-hari saat musim hujan.\n")
    out = tmp_path / "jembatan.yaml"
    result = cli(["import", source, "--from", "kialo", "-o", out])
    assert result.exit_code == 0, result.output
    assert "lang:" not in out.read_text()
    # a file that says its language (argmap's own AIF extension) keeps it
    original = tmp_path / "bridge-id.yaml"
    original.write_text(out.read_text().replace("id: jembatan", "id: bridge-id").replace("sides:", "lang: id\nsides:"))
    assert cli(["export", original, "--to", "aif", "-o", tmp_path / "bridge-id.json"]).exit_code == 0
    back = tmp_path / "back.yaml"
    assert cli(["import", tmp_path / "bridge-id.json", "--from", "aif", "-o", back]).exit_code == 0
    assert load(back).lang == "id"


# --- export: titles the Argdown CLI would misread

SIGNS = """argmap: 2
id: signs
title: Signs
question: Does it hold?
sides: {pro: Yes, con: No}
nodes:
  t: {type: thesis, side: pro, title: The thesis, text: The thesis., analytic: true}
  minus: {type: claim, title: "-5% traffic", text: Traffic falls by five per cent., supports: [t], analytic: true}
  under: {type: objection, title: _underscored_, text: A point., undercuts: [{from: minus, to: t}], analytic: true}
"""

def test_titles_starting_with_a_relation_sign_are_escaped(cli, tmp_path):
    source = tmp_path / "signs.yaml"
    source.write_text(SIGNS)
    result = cli(["export", source, "--to", "argdown"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "[\\-5% traffic]: Traffic falls by five per cent." in lines
    assert "  +> [The thesis]" in lines
    arguments = [line for line in lines if line.startswith("<") and not line.startswith("<!--")]
    assert len(arguments) == 1 and arguments[0].startswith("<\\-5% traffic supports The thesis>: ")
    assert not any(line.startswith(("<-", "<+", "<_", "[-", "[+", "[_")) for line in lines)


@needs_argdown
def test_titles_starting_with_a_relation_sign_come_back_through_the_cli(cli, tmp_path):
    source = tmp_path / "signs.yaml"
    source.write_text(SIGNS)
    assert cli(["export", source, "--to", "argdown", "-o", tmp_path / "signs.argdown"]).exit_code == 0
    done = subprocess.run(["argdown", "json", str(tmp_path / "signs.argdown"), str(tmp_path)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and "error" not in (done.stdout + done.stderr).lower(), done.stdout + done.stderr
    back = tmp_path / "back.yaml"
    result = cli(["import", tmp_path / "signs.json", "--from", "argdown", "-o", back])
    assert result.exit_code == 0, result.output
    model = load(back)
    assert sorted(node.title for node in model.nodes.values()) == ["-5% traffic", "The thesis", "_underscored_"]
    assert relation_count(model) == 2
