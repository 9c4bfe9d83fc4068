"""Where the formats mean a number or a boolean, only that is accepted; text stays text.

YAML reads `true`, `1.0` and `2024` as a boolean and numbers; Python compares true == 1 == 1.0,
so loose validation took `argmap: true` as the format version and `analytic: "yes"` as true.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CASES, SEEDS


def diagnostics(cli, *args) -> list[dict]:
    result = cli(["check", "--format", "json", *args])
    return json.loads(result.stdout)["diagnostics"]


def test_loose_types_are_refused_at_the_value_with_expected_and_found(cli) -> None:
    found = diagnostics(cli, "--seeds", SEEDS, CASES / "bad" / "loose-types.yaml")
    assert [(d["line"], d["column"], d["message"], d["hints"]) for d in found] == [
        (2, 9, "invalid value for 'argmap': expected 1 or 2; found true", []),
        (4, 8, "invalid value for 'title': expected text; found 2024", ['quote it to make it text: title: "2024"']),
        (11, 51, "invalid value for 'analytic': expected true or false; found 'yes'", []),
        (16, 15, "invalid value for 'analytic': expected true or false; found 1", []),
        (17, 11, "invalid value for 'note': expected text; found 1.10", ['quote it to make it text: note: "1.10"']),
    ]


@pytest.mark.parametrize("version", ["1.0", "true", '"1"'])
def test_the_format_version_is_the_whole_number_1(version: str, tmp_path: Path, cli) -> None:
    text = (CASES / "good" / "minimal.yaml").read_text(encoding="utf-8")
    assert "argmap: 1\n" in text
    path = tmp_path / "minimal.yaml"
    path.write_text(text.replace("argmap: 1\n", f"argmap: {version}\n"), encoding="utf-8")
    (problem,) = diagnostics(cli, "--seeds", SEEDS, path)
    assert problem["code"] == "AM203"
    assert problem["message"] == f"invalid value for 'argmap': expected 1 or 2; found {version.replace(chr(34), chr(39))}"


def test_a_number_in_a_list_of_ids_gets_the_quoted_form(tmp_path: Path, cli) -> None:
    path = tmp_path / "minimal.yaml"
    path.write_text((CASES / "good" / "minimal.yaml").read_text(encoding="utf-8") + "expect:\n  stands: [2024]\n",
                    encoding="utf-8")
    (problem,) = diagnostics(cli, "--seeds", SEEDS, path)
    assert problem["message"] == "invalid value for 'stands[0]': expected text; found 2024"
    assert problem["hints"] == ['quote it to make it text: "2024"']


def test_a_single_id_where_a_list_belongs_gets_the_list_form(tmp_path: Path, cli) -> None:
    path = tmp_path / "minimal.yaml"
    text = (CASES / "good" / "minimal.yaml").read_text(encoding="utf-8")
    assert "    supports: [committed]\n" in text
    path.write_text(text.replace("    supports: [committed]\n", "    supports: committed\n"), encoding="utf-8")
    (problem,) = diagnostics(cli, "--seeds", SEEDS, path)
    assert problem["message"] == "invalid value for 'supports': expected a list; found 'committed'"
    assert problem["hints"] == ["write a list, even of one: supports: [committed]"]


def registry_with(project: Path, entry: str) -> None:
    (project / "seeds" / "extra.txt").write_text("An extra source document.\n", encoding="utf-8")
    with (project / "seeds" / "sources.yaml").open("a", encoding="utf-8") as registry:
        registry.write(f"  extra:\n    file: extra.txt\n    title: Extra\n{entry}")


def test_csl_numbers_may_be_written_as_whole_numbers(project: Path, cli, monkeypatch) -> None:
    registry_with(project, "    volume: 11\n    issue: 3\n    page: 221\n    issued: 2024\n")
    monkeypatch.chdir(project)
    assert [d for d in diagnostics(cli, "maps") if d["severity"] == "error"] == []


@pytest.mark.parametrize(("entry", "column", "message", "hint"), [
    ("    issue: 2.10\n", 12, "invalid value for 'issue': expected text; found 2.10", 'quote it to make it text: issue: "2.10"'),
    ("    publisher: 1984\n", 16, "invalid value for 'publisher': expected text; found 1984", 'quote it to make it text: publisher: "1984"'),
])
def test_other_numbers_in_the_registry_must_be_quoted(entry, column, message, hint, project: Path, cli, monkeypatch) -> None:
    registry_with(project, entry)
    monkeypatch.chdir(project)
    (problem,) = [d for d in diagnostics(cli, "maps") if d["severity"] == "error"]
    assert (problem["path"], problem["column"], problem["message"], problem["hints"]) == (
        "seeds/sources.yaml", column, message, [hint])


def test_an_invalid_node_id_is_reported_with_its_pattern_as_written(tmp_path: Path, cli) -> None:
    path = tmp_path / "minimal.yaml"
    text = (CASES / "good" / "minimal.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("nodes:\n", "nodes:\n  -bad:\n    type: claim\n    text: A.\n    analytic: true\n", 1),
                    encoding="utf-8")
    problems = [p for p in diagnostics(cli, "--seeds", SEEDS, path) if p["code"] == "AM203"]
    assert [p["message"] for p in problems] == [
        "invalid id '-bad': string should match pattern '^[A-Za-z0-9][A-Za-z0-9_.-]*$'"]
