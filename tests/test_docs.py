"""The README documents every diagnostic code, generated from the registry, with examples."""

from __future__ import annotations

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
