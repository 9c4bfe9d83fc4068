"""A map that went through `argmap import` comes back the same through export and import: the
import leaves no statement on both sides, so a second import has nothing to copy (no
`x-copy-copy`). Through AIF always; through the Argdown CLI where it is installed."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from interchange_support import generated_aif, load, relation_count

needs_argdown = pytest.mark.skipif(shutil.which("argdown") is None, reason="the Argdown CLI (npm @argdown/cli) is not on PATH")


def _aif(nodes: dict[str, tuple[str, str]], relations: list[tuple[str, str, str]]) -> str:
    """AIF JSON: I-nodes by key; relations (kind, from, to) where kind is RA or CA and ``to`` is
    an I-node's or another relation's key."""
    document: dict = {"nodes": [{"nodeID": key, "type": "I", "text": text} for key, (text, _) in nodes.items()],
                      "edges": []}
    for i, (kind, source, target) in enumerate(relations):
        scheme = f"s{i}"
        document["nodes"].append({"nodeID": scheme, "type": kind, "text": "Default Conflict"})
        document["edges"] += [{"fromID": source, "toID": scheme}, {"fromID": scheme, "toID": target}]
    return json.dumps(document)


def test_an_undercut_follows_the_side_of_the_copy_that_makes_its_relation(cli, tmp_path):
    """Boats (pro: it supports the thesis) also attacks Ferry, another pro reason: a copy of
    Boats on the con side makes that attack. Beside-the-point undercuts that attack and attacks
    the thesis: it is con, and an undercut of a con statement's relation is pro, so a copy of it
    makes the undercut."""
    source = tmp_path / "bridge.json"
    source.write_text(_aif(
        {"t": ("The town should build a bridge.", ""), "boats": ("The boats stop in floods.", ""),
         "ferry": ("The ferry is cheap.", ""), "point": ("Cheapness is beside the point.", "")},
        [("RA", "boats", "t"), ("RA", "ferry", "t"), ("CA", "boats", "ferry"), ("CA", "point", "s2"),
         ("CA", "point", "t")]))
    out = tmp_path / "bridge.yaml"
    result = cli(["import", source, "--from", "aif", "-o", out])
    assert result.exit_code == 0, result.output  # before: AM308, the undercutter on both sides
    model = load(out)
    assert model.nodes["the-boats-stop-in-floods-copy"].attacks == ["the-ferry-is-cheap"]
    point, copy = model.nodes["cheapness-is-beside-the-point"], model.nodes["cheapness-is-beside-the-point-copy"]
    assert point.attacks == ["the-town-should-build-a-bridge"] and not point.undercuts
    assert [(u.from_, u.to) for u in copy.undercuts] == [("the-boats-stop-in-floods-copy", "the-ferry-is-cheap")]
    assert "undercuts 'the-boats-stop-in-floods-copy -> the-ferry-is-cheap', which puts it on the pro side" in copy.note


def _first_import(cli, tmp_path):
    source = tmp_path / "generated.json"
    source.write_text(generated_aif(500, seed=20261206))
    first = tmp_path / "first.yaml"
    result = cli(["import", source, "--from", "aif", "-o", first])
    assert result.exit_code == 0, result.output  # no statement left on both sides
    assert "is a copy of" in result.stdout  # the file does put statements on both sides
    return first


def test_a_generated_map_comes_back_the_same_through_aif(cli, tmp_path):
    first = _first_import(cli, tmp_path)
    assert cli(["export", first, "--to", "aif", "-o", tmp_path / "first.json"]).exit_code == 0
    (tmp_path / "back").mkdir()
    second = tmp_path / "back" / "first.yaml"
    result = cli(["import", tmp_path / "first.json", "--from", "aif", "-o", second])
    assert result.exit_code == 0, result.output
    assert "is a copy of" not in result.stdout
    assert load(second) == load(first)
    assert not any(node_id.endswith("-copy-copy") for node_id in load(second).nodes)


@needs_argdown
def test_a_generated_map_comes_back_the_same_through_the_argdown_cli(cli, tmp_path):
    first = _first_import(cli, tmp_path)
    assert cli(["export", first, "--to", "argdown", "-o", tmp_path / "first.argdown"]).exit_code == 0
    done = subprocess.run(["argdown", "json", str(tmp_path / "first.argdown"), str(tmp_path / "json")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    second = tmp_path / "second.yaml"
    result = cli(["import", tmp_path / "json" / "first.json", "--from", "argdown", "-o", second])
    assert result.exit_code == 0, result.output
    assert "is a copy of" not in result.stdout
    before, after = load(first), load(second)
    assert len(after.nodes) == len(before.nodes) and relation_count(after) == relation_count(before)
    assert sorted(n.text for n in after.nodes.values()) == sorted(n.text for n in before.nodes.values())
