"""Input the engines cannot take reaches the user as a diagnostic or a domain message, never as
"internal error": a chain of supports deeper than Python's stack, numbers longer than Python
turns into text, dates that do not exist."""

from __future__ import annotations

from pathlib import Path

import pytest

HEAD = """\
argmap: 2
id: {map_id}
title: T
question: Q?
sides: {{pro: P, con: C}}
nodes:
  t: {{type: thesis, side: pro, title: T, text: T, analytic: true}}
  u: {{type: thesis, side: con, title: U, text: U, analytic: true}}
"""
HUGE = "1" * 5000  # more digits than Python's int() and str() take (4,300)


def write_map(project: Path, map_id: str, body: str) -> Path:
    path = project / "maps" / f"{map_id}.yaml"
    path.write_text(HEAD.format(map_id=map_id) + body, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["brief", "docx"])
def test_a_chain_of_supports_deeper_than_the_stack_is_outlined_in_lists_of_bounded_depth(project, cli, command):
    chain = "".join(f"  c{i}: {{type: claim, title: C{i}, text: C{i}, supports: [{f'c{i - 1}' if i else 't'}], analytic: true}}\n"
                    for i in range(600))
    path = write_map(project, "chain", chain + "  d: {type: claim, title: D, text: D, supports: [u], analytic: true}\n")
    out = project / "out"
    result = cli([command, path, "--seeds", project / "seeds", "-o", out])
    assert result.exit_code == 0, result.output
    if command == "brief":
        html = (out / "chain.html").read_text(encoding="utf-8")
        assert html.count("(continued below)") == 15  # 600 nodes under the thesis: 38, then 39 a list
        assert all(f'href="#card-c{i}"' in html for i in range(600))


def test_a_page_of_thousands_of_digits_is_past_the_last_page(project, cli):
    (project / "seeds" / "paged.txt").write_text("First page.\fThe second page says the river rose.\n", encoding="utf-8")
    with (project / "seeds" / "sources.yaml").open("a", encoding="utf-8") as registry:
        registry.write("  paged:\n    file: paged.txt\n    title: Paged\n    language: en\n")
    path = write_map(project, "pages", f"""\
  c:
    type: claim
    title: C
    text: C
    supports: [t]
    evidence: [{{source: paged, quote: The second page says the river rose., page: "{HUGE}"}}]
  d: {{type: claim, title: D, text: D, supports: [u], analytic: true}}
""")
    result = cli(["check", path, "--seeds", project / "seeds"])
    assert result.exit_code == 1, result.output
    assert "error AM509: the quote stands on page 2 of source 'paged'" in result.stdout


def test_a_number_of_thousands_of_digits_is_an_invalid_value(project, cli):
    with (project / "seeds" / "sources.yaml").open("a", encoding="utf-8") as registry:
        registry.write(f"  numbered:\n    file: warta2024-feri-lembah.txt\n    title: Numbered\n    volume: {HUGE}\n")
    path = write_map(project, "numbers", f"""\
  c: {{type: claim, title: C, text: C, supports: [t], analytic: true, weight: {HUGE}}}
  d: {{type: claim, title: D, text: D, supports: [u], analytic: true}}
""")
    result = cli(["check", path, "--seeds", project / "seeds"])
    assert result.exit_code == 1, result.output
    assert ("maps/numbers.yaml:9:78: error AM203: invalid value for 'weight': Input should be a valid number; "
            "found a number of over 4,000 digits") in result.stdout
    assert "error AM203: invalid value for 'volume': too long a number; found a number of over 4,000 digits" in result.stdout


@pytest.mark.parametrize(("issued", "problem"), [("2023-13", "'2023-13' has no month 13"),
                                                 ("2023-02-30", "'2023-02-30' is not a day of the calendar")])
def test_a_date_that_does_not_exist_is_an_invalid_value(project, cli, issued, problem):
    with (project / "seeds" / "sources.yaml").open("a", encoding="utf-8") as registry:
        registry.write(f"  dated:\n    file: warta2024-feri-lembah.txt\n    title: Dated\n    type: article-newspaper\n"
                       f"    issued: \"{issued}\"\n")
    path = write_map(project, "dated", "  c: {type: claim, title: C, text: C, supports: [t], analytic: true}\n"
                                       "  d: {type: claim, title: D, text: D, supports: [u], analytic: true}\n")
    result = cli(["brief", path, "--seeds", project / "seeds", "-o", project / "out", "--allow-errors"])
    assert result.exit_code == 1, result.output
    assert f"error AM203: invalid value for 'issued': {problem}" in result.stdout + result.stderr
