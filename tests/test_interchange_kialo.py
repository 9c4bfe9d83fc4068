"""`argmap import --from kialo`: both generations of Kialo's text export, and `argmap list`."""

from __future__ import annotations


from conftest import MAPS
from interchange_support import INTERCHANGE, load


def _by_text(model) -> dict[str, str]:
    return {" ".join(node.text.split()): node_id for node_id, node in model.nodes.items() if not node_id.endswith("-copy")}


def test_flat_export(cli, tmp_path):
    out = tmp_path / "bridge-debate.yaml"
    result = cli(["import", INTERCHANGE / "kialo-flat.txt", "--from", "kialo", "-o", out])
    assert result.exit_code == 0, result.output
    model = load(out)
    assert model.id == "bridge-debate"
    assert model.title == "Should Lembah build a bridge over its river?" == model.question
    ids = _by_text(model)
    thesis = ids["Should Lembah build a bridge over its river?"]
    rain = ids["In the rainy season the boats stop for days at a time."]
    ferry = ids["The new ferry sails in all but the worst floods."]
    six_years = ids["A bridge would take six years to build, and the boats work meanwhile."]
    cost = ids["A bridge costs more than the town spends on roads in ten years."]
    boatmen = ids["The boatmen would lose their trade."]
    assert model.nodes[thesis].type == "thesis" and model.nodes[thesis].side == "pro"
    assert model.nodes[rain].supports == [thesis]                       # 1.1. Pro
    assert model.nodes[ferry].attacks == [rain]                          # 1.1.1. Con
    assert model.nodes[cost].attacks == [thesis] and model.nodes[cost].type == "objection"
    # a claim over two lines is one text
    assert ids["The province pays two thirds of a bridge over a river of this size; the town pays the rest over twenty years."]
    # 1.3.2. Pro: -> See 1.2.1.: the entry 1.2.1 also supports 1.3
    assert model.nodes[six_years].attacks == [ids["Crossing by boat costs the west bank two hours a day."]]
    assert model.nodes[six_years].supports == [cost]
    # 1.4.2. Con: -> See 1.1.1.: 1.1.1 (con) attacking 1.4 (con) would be pro: a copy makes that relation
    copy = model.nodes[f"{ferry}-copy"]
    assert copy.attacks == [boatmen] and copy.text == model.nodes[ferry].text
    assert f"'{ferry}-copy' is a copy of '{ferry}'" in result.stdout
    assert "2 links ('-> See X') imported" in result.stdout
    assert model.nodes[thesis].note == "Kialo entry 1."


def test_indented_export_with_sources_and_crlf(cli, tmp_path):
    assert b"\r\n" in (INTERCHANGE / "kialo-indented.txt").read_bytes()
    out = tmp_path / "ferry-debate.yaml"
    result = cli(["import", INTERCHANGE / "kialo-indented.txt", "--from", "kialo", "-o", out])
    assert result.exit_code == 0, result.output
    model = load(out)
    assert model.title == "Should Lembah give the new ferry a fair trial first?"
    ids = _by_text(model)
    cheap = ids["The ferry costs a tenth of a bridge and can sail this year. [1]"]
    waited = ids["Residents of the west bank have waited ten years and do not want another trial. [2]"]
    assert model.nodes[cheap].title == "The ferry costs a tenth of a bridge and can sail this year."  # no footnote mark
    assert model.nodes[cheap].note == "Kialo entry 1.1.\nSources: [1] https://example.org/warta/2024/feri-lembah"
    assert model.nodes[waited].note.endswith("Sources: [2] https://example.org/diary/2022/ferry")
    assert model.nodes[waited].attacks == [cheap]
    # 1.3.1. Pro: -> See 1.1.1.
    assert model.nodes[waited].supports == [ids["Every year of delay makes the bridge dearer."]]
    assert len(model.nodes) == 7


def test_not_a_kialo_export_exits_2(cli, tmp_path):
    wrong = tmp_path / "notes.txt"
    wrong.write_text("Some notes\n1. a point\n")
    result = cli(["import", wrong, "--from", "kialo", "-o", tmp_path / "n.yaml"])
    assert result.exit_code == 2 and "does not start with 'Discussion Title:' or 'Discussion Name:'" in result.stderr
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Discussion Title: Caf\xe9?\n1. Caf\xe9\n".encode("latin-1"))
    result = cli(["import", latin1, "--from", "kialo", "-o", tmp_path / "l.yaml"])
    assert result.exit_code == 2 and "not UTF-8" in result.stderr
    assert not list(tmp_path.glob("*.yaml"))


def test_list_prints_ids_types_sides_and_titles(cli, tmp_path):
    result = cli(["list", MAPS / "ferry-trial.yaml"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "type", "side", "title"]
    rows = {line.split()[0]: line.split(None, 3) for line in lines[1:]}
    assert rows["try-the-ferry"][1:3] == ["thesis", "pro"]
    assert rows["residents-have-waited"][1:] == ["claim", "con",
                                                 "West-bank residents have waited ten years for the bridge and are not satisfied."]
    assert len(rows) == len(load(MAPS / "ferry-trial.yaml").nodes)


def test_list_of_a_map_that_does_not_load(cli, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("argmap: 2\nid: broken\nnodes: [\n")
    result = cli(["list", broken])
    assert result.exit_code == 1
    assert f"{broken}:" in result.stderr and "error AM103" in result.stderr
    assert "the map does not load" in result.stderr
    assert cli(["list", tmp_path / "missing.yaml"]).exit_code == 2


def test_report_json_gives_the_check_of_the_written_map_alone_on_stdout(cli, tmp_path):
    import json

    out = tmp_path / "bridge-debate.yaml"
    result = cli(["import", INTERCHANGE / "kialo-flat.txt", "--from", "kialo", "-o", out, "--report", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)  # nothing else on stdout
    assert report["summary"]["maps"] == 1 and report["summary"]["errors"] == 0
    assert {d["path"] for d in report["diagnostics"]} <= {str(out)}
    assert f"wrote {out}: map 'bridge-debate'" in result.stderr and "argmap: note:" in result.stderr
