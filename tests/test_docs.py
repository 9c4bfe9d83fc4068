"""The README documents every diagnostic code, generated from the registry, with examples."""

from __future__ import annotations

import re
import shlex

import pytest

from argmap.checks import RULES
from argmap.checks.docs import replace_section
from conftest import REPO


def test_readme_code_table_matches_the_registry():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert replace_section(readme) == readme, "run: .venv/bin/python -m argmap.checks.docs README.md"


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_shows_a_passing_and_a_failing_example(code: str):
    doc = RULES[code].doc
    assert "Passing" in doc and "Failing" in doc, f"{code} needs both examples in its docstring"


def test_readme_gives_the_two_setup_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (REPO / ".ci" / "run").read_text()


def readme_check_examples() -> list[tuple[list[str], list[str]]]:
    """Each `$ argmap check ...` line of the README's console blocks, with the lines it shows."""
    examples: list[tuple[list[str], list[str]]] = []
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for block in re.findall(r"```console\n(.*?)```", readme, re.DOTALL):
        for command in re.split(r"^(?=\$ )", block, flags=re.MULTILINE):
            first, *shown = command.strip().splitlines() or [""]
            if first.startswith("$ argmap check "):
                examples.append((shlex.split(first)[3:], shown))
    return examples


def test_readme_check_examples_name_real_files_and_show_real_output(run_argmap):
    examples = readme_check_examples()
    assert examples
    for args, shown in examples:
        paths = [a for a in args if not a.startswith("-")]
        assert all((REPO / p).exists() for p in paths), f"the README checks a missing file: {paths}"
        if paths and all(p.startswith("tests/") for p in paths):  # fixed files: the whole output is known
            assert run_argmap(["check", *args], cwd=REPO).stdout.splitlines() == shown
