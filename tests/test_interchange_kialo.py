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


# --- the labelled layout (Kialo's export since 2025)

LABELS = ("Thesis:", "Question:", "Pro:", "Con:")


def test_labelled_export_reads_its_texts_without_the_labels(cli, tmp_path):
    out = tmp_path / "harbour-road.yaml"
    result = cli(["import", INTERCHANGE / "kialo-labelled.txt", "--from", "kialo", "-o", out])
    assert result.exit_code == 0, result.output
    model = load(out)
    assert model.title == "Should Lembah close the old harbour road to lorries?" == model.question
    assert not any(label in node.text or label in node.title for node in model.nodes.values() for label in LABELS)
    ids = {node.note.splitlines()[0]: node_id for node_id, node in model.nodes.items()}  # "Kialo entry 1.1."
    thesis = model.nodes[ids["Kialo entry 1."]]
    assert thesis.type == "thesis" and thesis.text == "Lembah should close the old harbour road to lorries."
    cracks = model.nodes[ids["Kialo entry 1.1.1."]]  # a text over two lines, with a footnote mark
    assert cracks.text == "The cracks came from the 2021 flood, not from the lorries;\nthe survey says so on its first page. [2]"
    assert cracks.attacks == [ids["Kialo entry 1.1."]] and "[2]" not in cracks.title
    assert cracks.note.endswith("Sources: [2] https://example.org/survey/2021")
    quay = model.nodes[ids["Kialo entry 1.2.1."]]  # two paragraphs; "1.5 kilometres" is no entry
    assert quay.text == ("The market can move its loading to the new quay,\n1.5 kilometres upstream.\n\n"
                         "Its owners said so at the March meeting.")
    # 1.1.2. Pro: -> See 1.2.1. on the line after its label
    assert quay.attacks == [ids["Kialo entry 1.2."]] and quay.supports == [ids["Kialo entry 1.1."]]
    # a list inside a text: its "1." lines are text, not entries
    assert model.nodes[ids["Kialo entry 1.3."]].text.endswith("\n1. they walk along it to school;\n2. it has no pavement.")
    assert len(model.nodes) == 6
    assert "[3] https://example.org/market/minutes" in model.description


def test_a_question_root_makes_its_answers_the_theses(cli, tmp_path):
    out = tmp_path / "crossing.yaml"
    result = cli(["import", INTERCHANGE / "kialo-question.txt", "--from", "kialo", "-o", out])
    assert result.exit_code == 0, result.output
    model = load(out)
    assert model.question == "How should Lembah cross its river?" == model.title
    assert not any(node.text == model.question for node in model.nodes.values())  # the question is no node
    theses = {node.text: node for node in model.nodes.values() if node.type == "thesis"}
    assert {text: node.side for text, node in theses.items()} == {
        "Lembah should build a bridge.": "pro",                          # the first answer
        "Lembah should run a new ferry.": "con",                         # every other answer
        "Lembah should keep the boats and dredge the landings.": "con",
    }
    assert model.sides.pro == "Lembah should build a bridge."
    assert "the question has 3 answers: the first is the pro side's thesis, the others the con side's" in result.stdout
    season = next(node for node in model.nodes.values() if node.text == "A bridge works in every season.")
    assert len(season.supports) == len(season.attacks) == 1  # 1.1.1, and 1.3.1. Con: -> See 1.1.1.


def _kialo(tmp_path, text: str):
    path = tmp_path / "discussion.txt"
    path.write_text(text)
    return path


def test_a_duplicated_entry_number_names_both_lines(cli, tmp_path):
    path = _kialo(tmp_path, "Discussion Title: Bridge?\n\n1. Build the bridge.\n1.1. Pro: Floods stop the boats.\n"
                            "1.2. Con: It costs too much.\n1.1. Pro: The ferry is slow.\n")
    result = cli(["import", path, "--from", "kialo", "-o", tmp_path / "d.yaml"])
    assert result.exit_code == 2
    assert f"argmap: error: {path}:6: Kialo entry 1.1. appears twice (first at line 4)" in result.stderr
    assert not (tmp_path / "d.yaml").exists()


def test_a_malformed_entry_number_is_an_error_at_its_line(cli, tmp_path):
    for line, number in (("1.x. Con: It costs too much.", "1.x."), ("1..2. Pro: Floods.", "1..2."),
                         ("2.1. Pro: Floods.", "2.1."), ("1.2a Con: It costs too much.", "1.2a")):
        path = _kialo(tmp_path, f"Discussion Title: Bridge?\n\n1. Build the bridge.\n1.1. Pro: Floods stop the boats.\n{line}\n")
        result = cli(["import", path, "--from", "kialo", "-o", tmp_path / "m.yaml"])
        assert result.exit_code == 2, (line, result.output)
        assert f"{path}:5: '{number}' is not a Kialo entry number" in result.stderr
        assert not (tmp_path / "m.yaml").exists()
    # in the labelled layout too, and not merged into the thesis's text
    path = _kialo(tmp_path, "Discussion Name:\nBridge?\n\n1. Thesis:\nBuild the bridge.\n1.x. Con:\nIt costs too much.\n")
    result = cli(["import", path, "--from", "kialo", "-o", tmp_path / "m.yaml"])
    assert result.exit_code == 2 and f"{path}:6: '1.x.' is not a Kialo entry number" in result.stderr


def test_numbers_inside_a_text_are_text(cli, tmp_path):
    path = _kialo(tmp_path, "Discussion Title: Bridge?\n\n1. Build the bridge.\n1.1. Pro: Floods stop the boats for\n"
                            "2020. That year the harbour log has nine closed days and\n1.5 days of delay on average.\n")
    out = tmp_path / "n.yaml"
    result = cli(["import", path, "--from", "kialo", "-o", out])
    assert result.exit_code == 0, result.output
    assert [node.text for node in load(out).nodes.values()] == [
        "Build the bridge.",
        "Floods stop the boats for\n2020. That year the harbour log has nine closed days and\n1.5 days of delay on average."]


def test_an_entry_also_reached_through_a_link_keeps_the_side_of_its_own_place(cli, tmp_path):
    """The link (1.2.1) reaches 1.1.1.1 in fewer steps from the thesis than its own place does:
    the entry stays where Kialo's tree puts it (con), and a copy makes the link's relation."""
    path = _kialo(tmp_path, "Discussion Title: Should Lembah build a bridge?\n\n1. Lembah should build a bridge.\n"
                            "1.1. Con: The town cannot pay for a bridge.\n"
                            "1.1.1. Con: The province pays two thirds of a bridge.\n"
                            "1.1.1.1. Con: The province has not paid for the last three bridges it promised.\n"
                            "1.2. Pro: A bridge would end the flood closures.\n"
                            "1.2.1. Pro: -> See 1.1.1.1.\n")
    out = tmp_path / "bridge.yaml"
    result = cli(["import", path, "--from", "kialo", "-o", out])
    assert result.exit_code == 0, result.output
    model = load(out)
    ids = {node.note.splitlines()[0]: node_id for node_id, node in model.nodes.items()}
    unpaid = ids["Kialo entry 1.1.1.1."]
    assert model.nodes[unpaid].attacks == [ids["Kialo entry 1.1.1."]] and not model.nodes[unpaid].supports
    copy = model.nodes[f"{unpaid}-copy"]
    assert copy.supports == [ids["Kialo entry 1.2."]] and copy.text == model.nodes[unpaid].text
    assert f"'{unpaid}-copy' is a copy of '{unpaid}': it supports '{ids['Kialo entry 1.2.']}', which puts it on the pro side" \
        in result.stdout


def test_an_imported_map_checks_and_evaluates_where_there_is_no_seeds_folder(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli(["import", INTERCHANGE / "kialo-flat.txt", "--from", "kialo", "-o", "bridge-debate.yaml"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "seeds").exists()
    result = cli(["check", "bridge-debate.yaml"])
    assert result.exit_code == 0, result.output
    assert "checked 1 map, 12 nodes; 0 of 0 quotes verified; 0 errors, 1 warning" in result.stdout
    result = cli(["eval", "bridge-debate.yaml"])
    assert result.exit_code == 0, result.output
    assert "bridge-debate.yaml: grounded semantics" in result.stdout
