"""`argmap import --from aif` and `argmap export --to aif`: real files, through the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.interchange.aif import read_aif, write_aif
from argmap.interchange.builder import build_map
from argmap.core.model import ArgMap
from conftest import MAPS, SEEDS
from interchange_support import INTERCHANGE, load


def _import(cli, tmp_path: Path, sample: str, name: str, *extra) -> tuple:
    out = tmp_path / f"{name}.yaml"
    result = cli(["import", INTERCHANGE / sample, "--from", "aif", "-o", out, "--seeds", SEEDS, *extra])
    return result, out


def test_aifdb_file_becomes_a_map_with_every_relation(cli, tmp_path):
    result, out = _import(cli, tmp_path, "aifdb-bridge.json", "bridge")
    model = load(out)
    by_text = {node.text: node_id for node_id, node in model.nodes.items()}
    thesis = by_text["The town should build a bridge over the river."]
    rain = by_text["In the rainy season the boats stop for days at a time."]
    flood = by_text["Boats cannot cross safely when the river is in flood."]
    cost = by_text["A bridge costs more than the town spends on roads in ten years."]
    log = by_text["The harbour log shows nine days without crossings last March."]
    wet = by_text["Last March was the wettest in forty years, so it says little about a normal season."]
    crossing = by_text["Crossing by boat costs the west bank two hours a day."]
    assert model.argmap == 2 and model.id == "bridge"
    assert model.nodes[thesis].type == "thesis" and model.nodes[thesis].side == "pro"
    # both premises of the linked RA node support the conclusion ("7" and 7 are one id)
    assert model.nodes[rain].supports == [thesis] and model.nodes[flood].supports == [thesis]
    assert model.nodes[cost].attacks == [thesis] and model.nodes[cost].type == "objection"
    province = by_text["The province pays two thirds of a bridge over a river of this size."]
    assert model.nodes[province].attacks == [cost] and model.nodes[province].type == "rebuttal"
    assert model.nodes[log].supports == [rain]
    # a CA node whose target is an RA node: an undercut of that inference
    assert [(u.from_, u.to) for u in model.nodes[wet].undercuts] == [(log, rain)]
    # two RA nodes for the same pair, and a repeated edge: one support
    assert model.nodes[crossing].supports == [thesis]
    assert all(node.analytic and node.title and len(node.title) <= 70 for node in model.nodes.values())
    # what argmap cannot express is in notes, and on the terminal
    assert "support this together (one argument, RA node 3)" in model.nodes[thesis].note
    assert "Asserting: Ana : the town should build a bridge" in model.nodes[thesis].note
    assert "Rephrases 'Boats cannot cross safely" in model.nodes[rain].note
    assert "Argument From Expert Opinion" in model.nodes[log].note
    assert "dialogue" in model.description
    for said in ("merged 1 repeated edge", "merged 1 repeated relation", "skipped 1 edge naming a node",
                 "AIF MA node 13 (rephrase) kept as notes", "1 statement with no relation (the-ferry-timetable"):
        assert said in result.stdout
    assert f"wrote {out}: map 'bridge', 9 nodes" in result.stdout
    assert result.exit_code == 0, result.output


def test_ova_wrapper_with_circles_and_both_sides_checks_clean(cli, tmp_path):
    result, out = _import(cli, tmp_path, "ova-ferry.json", "ferry")
    assert result.exit_code == 0, result.output
    model = load(out)
    by_text = {node.text: node_id for node_id, node in model.nodes.items() if not node_id.endswith("-copy")}
    trial = by_text["The ferry should get a fair trial before any bridge is planned."]
    cheap, sail = by_text["The ferry is cheaper than a bridge."], by_text["The ferry can sail this year."]
    plan, waited = by_text["A bridge should be planned now."], by_text["Residents have waited ten years for the bridge."]
    # the circle of supports 2 <-> 3: the support that closes it is made by a copy of 3
    assert model.nodes[sail].supports == [] and model.nodes[f"{sail}-copy"].supports == [cheap]
    # the contradiction 1 <-> 7: 1 is a thesis, its attack on 7 made by a copy
    assert model.nodes[trial].type == "thesis" and model.nodes[f"{trial}-copy"].attacks == [plan]
    assert model.nodes[plan].attacks == [trial]
    # 10 supports 7 (con) and supports 2 (pro): one of the relations is made by a copy
    assert sorted([*model.nodes[waited].supports, *model.nodes[f"{waited}-copy"].supports]) == sorted([plan, cheap])
    assert len(model.nodes[waited].supports) == 1
    assert "A copy of" in model.nodes[f"{waited}-copy"].note
    assert f"'{waited}-copy' is a copy of '{waited}'" in result.stdout
    # every relation of the file is kept: 4 supports (one linked twice), 2 attacks and 1 support of 10
    relations = {(s, t, kind) for s, node in model.nodes.items() for kind in ("supports", "attacks")
                 for t in getattr(node, kind)}
    assert len(relations) == 7


def test_round_trip_keeps_nodes_relations_and_quotes(cli, tmp_path):
    for name in ("river-bridge", "ferry-trial"):
        original = load(MAPS / f"{name}.yaml")
        aif = tmp_path / f"{name}.json"
        exported = cli(["export", MAPS / f"{name}.yaml", "--to", "aif", "-o", aif, "--seeds", SEEDS])
        assert exported.exit_code == 0, exported.output
        document = json.loads(aif.read_text())
        assert [n["type"] for n in document["nodes"]].count("I") == len(original.nodes)
        assert sorted(document["argmap"]["sources"]) == sorted({e.source for n in original.nodes.values() for e in n.evidence})
        out = tmp_path / "back" / f"{name}.yaml"
        out.parent.mkdir(exist_ok=True)
        result = cli(["import", aif, "--from", "aif", "-o", out, "--seeds", SEEDS])
        assert result.exit_code == 0, result.output
        assert "0 errors, 0 warnings" in result.stdout  # the quotes verify against the seeds again
        back = load(out)
        assert (back.title, back.question, back.sides, back.lang) == (original.title, original.question, original.sides, original.lang)
        assert list(back.nodes) == list(original.nodes)
        for node_id, node in original.nodes.items():
            # the titles are new (the map is format 2 now); all else is as it was
            assert back.nodes[node_id].model_copy(update={"title": None}) == node, node_id


def test_export_writes_one_scheme_node_per_relation_and_undercut(cli, tmp_path):
    source = INTERCHANGE / "ferry-undercuts.yaml"
    result = cli(["export", source, "--to", "aif", "--seeds", SEEDS])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    kinds = [n["type"] for n in document["nodes"]]
    assert (kinds.count("I"), kinds.count("RA"), kinds.count("CA")) == (6, 2, 4)
    nodes = {n["nodeID"]: n for n in document["nodes"]}
    # each undercut is a CA node whose edge ends on the RA or CA node of the relation it denies
    into: dict[str, list[str]] = {}
    for edge in document["edges"]:
        into.setdefault(edge["toID"], []).append(edge["fromID"])
    undercut_targets = [edge["toID"] for edge in document["edges"]
                        if nodes[edge["fromID"]]["type"] == "CA" and nodes[edge["toID"]]["type"] in ("RA", "CA")]
    assert sorted(nodes[t]["type"] for t in undercut_targets) == ["CA", "RA"]
    denied_by_ids = {nodes[into[t][0]]["argmap"]["id"] for t in undercut_targets}
    assert denied_by_ids == {"cheap", "waited"}
    # and back: the same map
    aif = tmp_path / "ferry-undercuts.json"
    aif.write_text(result.stdout)
    out = tmp_path / "ferry-undercuts.yaml"
    cli(["import", aif, "--from", "aif", "-o", out, "--seeds", SEEDS])
    assert load(out).model_dump() == load(source).model_dump()


# --- property: map -> AIF -> map

_words = st.text(alphabet="abcdefghij klmnop,.-'\"#:", min_size=1, max_size=90).filter(lambda s: s.strip())


@st.composite
def maps(draw) -> ArgMap:
    """Valid maps: two theses, then nodes each relating to earlier ones, undercuts of earlier
    relations; sides follow from the relations, so the types are chosen to fit."""
    nodes: dict[str, dict] = {
        "t-pro": {"type": "thesis", "side": "pro", "title": "Pro", "text": draw(_words), "analytic": True},
        "t-con": {"type": "thesis", "side": "con", "title": "Con", "text": draw(_words), "analytic": True},
    }
    side = {"t-pro": "pro", "t-con": "con"}
    relations: list[tuple[str, str]] = []
    for i in range(draw(st.integers(0, 12))):
        node_id = f"n{i}"
        target = draw(st.sampled_from(sorted(side)))
        kind = draw(st.sampled_from(["supports", "attacks"]))
        node = {"type": "claim" if kind == "supports" else "objection", "title": draw(_words)[:70].strip() or "x",
                "text": draw(_words), kind: [target], "analytic": True}
        if draw(st.booleans()):
            node["weight"] = draw(st.sampled_from([0.0, 0.25, 1.0]))
        side[node_id] = side[target] if kind == "supports" else ("con" if side[target] == "pro" else "pro")
        if relations and draw(st.booleans()):
            denied = draw(st.sampled_from(relations))
            if side[denied[0]] != side[node_id]:  # the undercutter's side is the opposite of `from`'s
                node["undercuts"] = [{"from": denied[0], "to": denied[1]}]
        relations.append((node_id, target))
        nodes[node_id] = node
    return ArgMap.model_validate({"argmap": 2, "id": "prop", "title": draw(_words), "question": "Q?",
                                  "sides": {"pro": "P", "con": "C"}, "nodes": nodes})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_map_to_aif_to_map_is_the_same_map(original):
    text, notices = write_aif(original)
    assert notices == []
    built = build_map(read_aif(text), "prop", "prop")
    assert ArgMap.model_validate(built.data) == original


def test_errors_exit_2_and_write_nothing(cli, tmp_path):
    not_json = tmp_path / "x.json"
    not_json.write_text("{nodes: [")
    result = cli(["import", not_json, "--from", "aif", "-o", tmp_path / "x.yaml"])
    assert result.exit_code == 2 and f"argmap: error: {not_json}:1:2: not JSON" in result.stderr
    no_lists = tmp_path / "y.json"
    no_lists.write_text('{"AIF": {"nodes": {}}}')
    result = cli(["import", no_lists, "--from", "aif", "-o", tmp_path / "y.yaml"])
    assert result.exit_code == 2 and "no 'nodes' and 'edges' lists" in result.stderr
    only_schemes = tmp_path / "z.json"
    only_schemes.write_text('{"nodes": [{"nodeID": 1, "type": "RA", "text": "x"}], "edges": []}')
    result = cli(["import", only_schemes, "--from", "aif", "-o", tmp_path / "z.yaml"])
    assert result.exit_code == 2 and "no I-nodes" in result.stderr
    assert not list(tmp_path.glob("*.yaml"))


def test_output_rules(cli, tmp_path):
    sample = tmp_path / "ova-ferry.json"
    shutil.copy(INTERCHANGE / "ova-ferry.json", sample)
    out = tmp_path / "ferry.yaml"
    out.write_text("keep me")
    result = cli(["import", sample, "--from", "aif", "-o", out])
    assert result.exit_code == 2 and "already exists" in result.stderr and out.read_text() == "keep me"
    assert cli(["import", sample, "--from", "aif", "-o", out, "--force"]).exit_code == 0
    assert load(out).id == "ferry"
    result = cli(["import", sample, "--from", "aif", "-o", sample, "--force"])
    assert result.exit_code == 2 and "it is the file this command reads" in result.stderr
    result = cli(["import", sample, "--from", "aif", "-o", tmp_path / "My map.yaml"])
    assert result.exit_code == 2 and "is not a map id" in result.stderr
    # stdout: the id is the input's stem; the report goes to stderr
    result = cli(["import", sample, "--from", "aif"])
    assert result.exit_code == 0 and result.stdout.startswith("# Imported by `argmap import --from aif` from ova-ferry.json.\nargmap: 2\nid: ova-ferry\n")
    assert "wrote stdout: map 'ova-ferry'" in result.stderr


def test_a_map_that_would_not_check_is_written_and_exits_1(cli, tmp_path):
    out = tmp_path / "ferry.yaml"
    result = cli(["import", INTERCHANGE / "ova-ferry.json", "--from", "aif", "-o", out, "--id", "other-id"])
    assert result.exit_code == 1
    assert f"{out}:3:5: error AM309:" in result.stdout  # named at the written file, line and column
    assert "it does not pass `argmap check`" in result.stdout
    assert load(out).id == "other-id"


def test_a_damaged_extension_is_left_out_with_a_note(cli, tmp_path):
    exported = cli(["export", MAPS / "river-bridge.yaml", "--to", "aif", "--seeds", SEEDS]).stdout
    document = json.loads(exported)
    first, floods = document["nodes"][0], next(n for n in document["nodes"] if n.get("argmap", {}).get("evidence"))
    first["argmap"]["type"] = "verdict"
    floods["argmap"]["evidence"] = [{"quote": 3}]
    document["argmap"]["map"]["sides"] = "both"
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps(document))
    out = tmp_path / "river-bridge.yaml"
    result = cli(["import", damaged, "--from", "aif", "-o", out, "--seeds", SEEDS])
    assert result.exit_code == 0, result.output
    assert f"ignored the invalid 'type' in argmap's extension of node {first['nodeID']} of the file" in result.stdout
    assert "ignored the invalid 'evidence'" in result.stdout and "invalid 'sides' in argmap's extension of the map" in result.stdout
    model = load(out)
    node = model.nodes[floods["argmap"]["id"]]
    assert node.evidence == [] and node.analytic  # a reasoned point now, not an unsupported one
    assert model.nodes[first["argmap"]["id"]].type == "thesis"  # derived again: it points at nothing


def test_a_number_too_long_for_python_is_refused_at_its_place(cli, tmp_path):
    hostile = tmp_path / "hostile.json"
    hostile.write_text('{"nodes": [\n  {"nodeID": "1", "type": "I", "text": "A"},\n  {"nodeID": ' + "9" * 100_000
                       + ', "type": "I", "text": "B"}\n], "edges": []}\n')
    result = cli(["import", hostile, "--from", "aif", "-o", tmp_path / "h.yaml"])
    assert result.exit_code == 2, result.output
    assert f"argmap: error: {hostile}:3:14: a number of 100,000 digits, more than the 4,300 argmap reads" in result.stderr
    assert "internal error" not in result.output and not (tmp_path / "h.yaml").exists()
    # the same in an Argdown JSON file
    result = cli(["import", hostile, "--from", "argdown", "-o", tmp_path / "h.yaml"])
    assert result.exit_code == 2 and f"{hostile}:3:14: a number of 100,000 digits" in result.stderr


def test_a_map_larger_than_argmap_reads_is_not_written(cli, tmp_path, monkeypatch):
    """The limit is the one every command reads maps with (64 MiB; lowered here so that a small
    file is over it): a map over it could not be read back."""
    import argmap.core.load

    monkeypatch.chdir(tmp_path)  # no seeds folder: nothing else is read
    source = tmp_path / "many.json"
    source.write_text(json.dumps({"nodes": [{"nodeID": str(i), "type": "I", "text": f"Statement number {i}."}
                                            for i in range(60)], "edges": []}))
    out = tmp_path / "many.yaml"
    assert cli(["import", source, "--from", "aif", "-o", out]).exit_code == 0
    size = out.stat().st_size
    out.unlink()
    monkeypatch.setattr(argmap.core.load, "MAX_FILE_BYTES", size - 1)
    for target in (["-o", out], []):  # a file, or stdout (which may become a file)
        result = cli(["import", source, "--from", "aif", *target])
        assert result.exit_code == 2, result.output
        assert (f"argmap: error: {source}: the map would be {size:,} bytes, more than the {size - 1:,} bytes argmap "
                "reads (60 nodes): nothing written") in result.stderr
        assert result.stdout == "" and not out.exists()
    monkeypatch.setattr(argmap.core.load, "MAX_FILE_BYTES", size)  # at the limit: written, and it reads back
    result = cli(["import", source, "--from", "aif", "-o", out])
    assert result.exit_code == 0, result.output
    assert cli(["check", out]).exit_code == 0


@pytest.mark.parametrize("kind", ["fifo", "device", "over-cap"])
def test_an_import_reads_only_a_regular_file_within_the_cap(cli, tmp_path, monkeypatch, kind):
    import os

    import argmap.core.load

    if kind == "fifo":
        source = tmp_path / "map.json"
        os.mkfifo(source)
        said = "found a named pipe (FIFO)"
    elif kind == "device":
        source, said = Path("/dev/zero"), "found a character device"
    else:
        source = tmp_path / "map.json"
        source.write_text('{"nodes": [], "edges": []}' + " " * 64, encoding="utf-8")
        monkeypatch.setattr(argmap.core.load, "MAX_FILE_BYTES", 32)
        said = "32"
    result = cli(["import", source, "--from", "aif", "-o", tmp_path / "out.yaml"])
    assert result.exit_code == 2 and said in result.stderr, result.output
    assert not (tmp_path / "out.yaml").exists()
