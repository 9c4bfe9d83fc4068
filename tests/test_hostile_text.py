"""Text from maps, sources and framework files never reaches the terminal raw.

A map may hold escape sequences (YAML's "\\e", "\\x9b", "\\u202e"); printed as they are they
would recolour, clear or reorder the user's terminal. The text forms show them escaped; the
machine forms (json, sarif) keep the real characters, which JSON escapes by itself.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

HOSTILE_KEYS = {
    "ESC": ("\\e[2J", "\x1b[2J", "\\x1b[2J"),
    "BEL": ("\\a", "\x07", "\\x07"),
    "C1 CSI": ("\\x9b31m", "\x9b31m", "\\x9b31m"),
    "bidi override": ("\\u202e", "\u202e", "\\u202e"),
}

MAP = textwrap.dedent("""\
    argmap: 1
    id: hostile
    title: Hostile
    question: Does it hold?
    sides: {{pro: It holds, con: It does not}}
    "note{yaml_escape}": a key the format does not know
    nodes:
      a: {{type: thesis, side: pro, text: It holds., analytic: true}}
      b: {{type: thesis, side: con, text: It does not., analytic: true}}
      c: {{type: claim, text: Why., supports: [a], analytic: true}}
      d: {{type: claim, text: Why not., supports: [b], analytic: true}}
    """)


@pytest.mark.parametrize("kind", HOSTILE_KEYS)
def test_check_text_shows_control_characters_escaped(kind: str, project: Path, cli, monkeypatch) -> None:
    yaml_escape, raw, shown = HOSTILE_KEYS[kind]
    (project / "maps" / "hostile.yaml").write_text(MAP.format(yaml_escape=yaml_escape), encoding="utf-8")
    monkeypatch.chdir(project)
    result = cli(["check", "maps/hostile.yaml"])
    assert result.exit_code == 1
    assert f"maps/hostile.yaml:6:1: error AM201: unknown key 'note{shown}'" in result.stdout
    assert raw not in result.stdout


def test_check_json_keeps_the_real_characters(project: Path, cli, monkeypatch) -> None:
    (project / "maps" / "hostile.yaml").write_text(MAP.format(yaml_escape="\\e[2J"), encoding="utf-8")
    monkeypatch.chdir(project)
    result = cli(["check", "--format", "json", "maps/hostile.yaml"])
    (diagnostic,) = json.loads(result.stdout)["diagnostics"]
    assert diagnostic["message"] == "unknown key 'note\x1b[2J'"
    assert "\x1b" not in result.stdout  # JSON itself escapes it, as \u001b


def test_hints_from_a_source_are_escaped(project: Path, cli, monkeypatch) -> None:
    (project / "seeds" / "bell.txt").write_text("The alliance grew \x07\x1b[8mquickly after 1999.\n", encoding="utf-8")
    with (project / "seeds" / "sources.yaml").open("a", encoding="utf-8") as registry:
        registry.write("  bell:\n    file: bell.txt\n    title: Bell\n")
    text = MAP.format(yaml_escape="").replace('"note": a key the format does not know\n', "")
    text = text.replace("c: {type: claim, text: Why., supports: [a], analytic: true}",
                        "c: {type: claim, text: Why., supports: [a], evidence: [{source: bell, quote: The alliance grew slowly after 1999.}]}")
    (project / "maps" / "hostile.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(project)
    result = cli(["check", "maps/hostile.yaml"])
    assert "AM501" in result.stdout
    assert "\\x07\\x1b[8m" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_eval_text_shows_hostile_argument_names_escaped(tmp_path: Path, cli) -> None:
    framework = tmp_path / "names.tgf"
    framework.write_text("\x1b[31mred\n\u202eevil\n#\n\x1b[31mred \u202eevil\n", encoding="utf-8")
    result = cli(["eval", framework])
    assert result.exit_code == 0
    assert "\\x1b[31mred" in result.stdout and "\\u202eevil" in result.stdout
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    result = cli(["eval", framework, "--format", "json"])
    assert json.loads(result.stdout)["extensions"] == [["\x1b[31mred"]]


def test_quote_shows_control_characters_of_a_source_escaped(project: Path, cli, monkeypatch) -> None:
    (project / "seeds" / "bell.txt").write_text("The alliance grew \x1b[8mquickly\x07 after 1999.\n", encoding="utf-8")
    with (project / "seeds" / "sources.yaml").open("a", encoding="utf-8") as registry:
        registry.write("  bell:\n    file: bell.txt\n    title: Bell\n")
    monkeypatch.chdir(project)
    result = cli(["quote", "bell", "alliance grew quickly after 1999"])
    assert "\\x1b[8mquickly\\x07" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


FORMAT_2_MAP = textwrap.dedent("""\
    argmap: 2
    id: hostile
    title: Hostile
    question: Does it hold?
    sides: {pro: It holds, con: It does not}
    nodes:
      a: {type: thesis, side: pro, title: "Holds \\e[2J", text: It holds., analytic: true}
      b: {type: thesis, side: con, title: Not, text: It does not., analytic: true}
      c: {type: claim, title: Why, text: Why., supports: [a], analytic: true}
      d:
        type: claim
        title: "Why not \\u202e"
        text: Why not.
        supports: [b]
        evidence:
          - source: warta2024
            quote: Pemerintah kota tetap berkomitmen untuk membangun jembatan setelah anggaran tersedia.
            translation: The town remains committed.
            highlight_translation: ["\\e[8m hidden"]
            speaker: "Town hall \\a"
    """)


def test_format_2_fields_reach_the_terminal_escaped(project: Path, cli, monkeypatch) -> None:
    (project / "maps" / "hostile.yaml").write_text(FORMAT_2_MAP, encoding="utf-8")
    monkeypatch.chdir(project)
    result = cli(["check", "maps/hostile.yaml"])
    assert "error AM507: highlight_translation '\\x1b[8m hidden' is not part of the translation" in result.stdout
    assert "\x1b" not in result.stdout
    (project / "maps" / "hostile.yaml").write_text(FORMAT_2_MAP.replace('"\\e[8m hidden"', "remains committed"),
                                                   encoding="utf-8")
    table = cli(["eval", "maps/hostile.yaml"]).stdout
    assert "Holds \\x1b[2J" in table and "Why not \\u202e" in table
    assert "\x1b" not in table and "\u202e" not in table


def test_a_line_break_inside_a_table_cell_is_escaped_and_the_lines_kept() -> None:
    from argmap.text.terminal import printable_lines

    assert printable_lines(["NAME  REASON", "a  first\nsecond", "b  plain"]) == "NAME  REASON\na  first\\nsecond\nb  plain"
    assert printable_lines(["one", "two"]) == "one\ntwo"
    assert printable_lines(["bell \x07", "two"]) == "bell \\x07\ntwo"
