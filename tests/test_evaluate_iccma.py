"""The ICCMA readers on the example files under tests/frameworks/.

``good/NAME`` has a sibling ``NAME.expected.json`` with the grounded, preferred and stable
extensions; ``bad/NAME`` has one with the first diagnostic's code, line and column.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.evaluate import evaluate
from argmap.evaluate.iccma import is_framework_file, parse_framework_file

FOLDER = Path(__file__).parent / "frameworks"


def examples(kind: str) -> list[Path]:
    return sorted(p for p in (FOLDER / kind).iterdir() if is_framework_file(p))


def expected(path: Path) -> dict:
    return json.loads(path.with_name(path.name + ".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", examples("good"), ids=lambda p: p.name)
def test_good_file_gives_the_expected_extensions(path: Path) -> None:
    result = parse_framework_file(path)
    assert result.diagnostics == []
    assert result.framework is not None
    for semantics, extensions in expected(path).items():
        computed = {frozenset(e) for e in evaluate(result.framework, semantics).extensions}
        assert computed == {frozenset(e) for e in extensions}, semantics


@pytest.mark.parametrize("path", examples("bad"), ids=lambda p: p.name)
def test_bad_file_is_reported_where_it_goes_wrong(path: Path) -> None:
    result = parse_framework_file(path)
    assert result.framework is None
    first = result.diagnostics[0]
    assert (first.code, first.line, first.column) == tuple(expected(path).values())
    assert first.path == str(path)
    assert first.is_error


def test_the_three_formats_read_the_same_framework() -> None:
    frameworks = [parse_framework_file(FOLDER / "good" / f"floating-reinstatement.{suffix}").framework for suffix in ("apx", "tgf")]
    assert frameworks[0].arguments == frameworks[1].arguments == ("a", "b", "c", "d")
    assert frameworks[0].attacks == frameworks[1].attacks
    numbered = parse_framework_file(FOLDER / "good" / "floating-reinstatement.af").framework
    assert numbered.pairs == frameworks[0].pairs


def test_every_problem_in_a_file_is_reported() -> None:
    from argmap.evaluate.iccma import parse_af

    result = parse_af("p af 2\n1 x\n3 1\n1\n", "many.af")
    assert [(d.code, d.line) for d in result.diagnostics] == [("AM701", 2), ("AM702", 3), ("AM701", 4)]


@pytest.mark.parametrize(("reader", "text", "first_line"), [
    ("parse_apx", "arg(a).\narg(b).\natt(a,c).\natt(a b).\n", 3),
    ("parse_tgf", "a\nb\n#\na c\na b c\n", 4),
])
def test_problems_are_reported_in_the_files_order(reader: str, text: str, first_line: int) -> None:
    """An undeclared name is found once every statement is read, yet reported at its line."""
    from argmap.evaluate import iccma

    result = getattr(iccma, reader)(text, "many")
    assert [(d.code, d.line) for d in result.diagnostics] == [("AM702", first_line), ("AM701", first_line + 1)]


def test_every_example_has_its_expectation() -> None:
    for kind in ("good", "bad"):
        for path in examples(kind):
            assert path.with_name(path.name + ".expected.json").is_file(), path


def test_the_argument_limit_is_enforced_in_every_format(monkeypatch, tmp_path: Path) -> None:
    from argmap.evaluate import iccma

    monkeypatch.setattr(iccma, "MAX_ARGUMENTS", 2)
    files = {"three.apx": "arg(a).\narg(b).\n  arg(c).\n", "three.tgf": "a\nb\n  c\n#\n", "three.af": "p af 3\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = parse_framework_file(tmp_path / name)
        assert result.framework is None, name
        (first,) = result.diagnostics
        assert (first.code, first.line, first.column) == ("AM701", (1 if name.endswith(".af") else 3), (6 if name.endswith(".af") else 3))
        assert "at most 2 arguments" in first.message


def test_a_declared_count_at_the_limit_is_accepted(tmp_path: Path) -> None:
    from argmap.evaluate.iccma import MAX_ARGUMENTS

    (tmp_path / "largest.af").write_text(f"p af {MAX_ARGUMENTS}\n1 2\n", encoding="utf-8")
    framework = parse_framework_file(tmp_path / "largest.af").framework
    assert framework is not None and len(framework) == MAX_ARGUMENTS
    assert framework.attacks == [("1", "2")]


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_line_numbers_hold_in_a_file_of_several_megabytes(tmp_path: Path, newline: str) -> None:
    # .af files are split into lines a megabyte at a time: numbering must run on across the cuts
    attacks = [f"{i} {i + 1}" for i in range(1, 400_000)]
    lines = ["p af 400000", *attacks, "7 x", *attacks[:10], "400001 1"]
    path = tmp_path / "big.af"
    path.write_text(newline.join(lines) + newline, encoding="utf-8")
    result = parse_framework_file(path)
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [
        ("AM701", 400_001, 1), ("AM702", len(lines), 1)]


def _apx_statements(seed: int) -> tuple[list[str], list[str]]:
    import random

    rng = random.Random(seed)
    names = [f"a{i}.x" if i % 7 == 0 else f"a{i}" for i in range(60)]  # a name may hold a full stop
    arguments = [f"arg({name})." for name in names + names[:3]]  # declared twice: kept once
    attacks = [f"att({rng.choice(names)},{rng.choice(names)})." for _ in range(150)]
    return arguments, attacks


@pytest.mark.parametrize("seed", range(5))
def test_an_apx_file_reads_the_same_in_any_layout(tmp_path: Path, seed: int) -> None:
    """ICCMA's layout (one statement a line) is read whole at once; blanks inside statements,
    several statements on a line and comments go through the statement reader: same framework."""
    arguments, attacks = _apx_statements(seed)
    tight = "% generated\n" + "\n".join(arguments + attacks) + "\n"
    loose = "  ".join(s.replace("(", " ( ").replace(",", " , ") for s in arguments) + " % declared\n" + \
        "\n".join(a.replace(").", " ) .") for a in attacks)
    frameworks = []
    for name, text in (("tight.apx", tight), ("loose.apx", loose)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = parse_framework_file(tmp_path / name)
        assert result.diagnostics == [], name
        frameworks.append(result.framework)
    assert frameworks[0].arguments == frameworks[1].arguments and len(frameworks[0].arguments) == 60
    assert frameworks[0].pairs == frameworks[1].pairs
    assert len(set(frameworks[0].pairs)) == len(frameworks[0].pairs)  # a repeated attack is kept once
    for adjacency in ("attackers", "targets"):
        assert [list(a) for a in getattr(frameworks[0], adjacency)] == [list(a) for a in getattr(frameworks[1], adjacency)]


def test_a_problem_in_a_large_apx_file_is_reported_at_its_line(tmp_path: Path) -> None:
    arguments = [f"arg(a{i})." for i in range(100_000)]
    attacks = [f"att(a{i % 100_000},a{(i * 7 + i // 100_000) % 100_000})." for i in range(200_000)]
    lines = [*arguments, *attacks[:1000], "att(a1 a2).", *attacks[1000:], "att(a1,nobody)."]
    path = tmp_path / "large.apx"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = parse_framework_file(path)
    assert result.framework is None
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [
        ("AM701", 101_001, 1), ("AM702", len(lines), 1)]
    lines[101_000] = "att(a1,a2)."
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    framework = parse_framework_file(path).framework
    assert framework is not None and len(framework.arguments) == 100_000 and len(framework.pairs) == 200_001
