"""The documentation: a short README pointing to the docs site, the generated reference of
diagnostic codes, and every code's passing and failing example run as a real check."""

from __future__ import annotations

import re
import shlex
import pytest

from argmap.checks import RULES
from argmap.checks.docs import PAGE, WITHOUT_EXAMPLES, diagnostics_page, examples
from conftest import REPO

DOCS = REPO / "docs"
README = REPO / "README.md"
README_MAX_BYTES = 20_000
DIAGNOSTIC = re.compile(r"^(.+?):(\d+):\d+: (?:error|warning) (AM\d{3}):", re.MULTILINE)


def test_diagnostics_page_matches_the_registry_and_the_examples():
    written = (DOCS / PAGE).read_text(encoding="utf-8")
    assert written == diagnostics_page(DOCS), "run: .venv/bin/python -m argmap.checks.docs"


def test_every_code_has_a_passing_and_a_failing_example_or_a_stated_reason():
    assert set(WITHOUT_EXAMPLES) <= set(RULES)
    for code in RULES:
        kinds = [example.kind for example in examples(code, DOCS)]
        if code in WITHOUT_EXAMPLES:
            assert kinds == [], f"{code} has examples: take it off WITHOUT_EXAMPLES"
        else:
            assert kinds == ["good", "bad"], f"{code} needs docs/examples/{code}/good.* and bad.*"


def test_every_example_folder_belongs_to_a_code():
    folders = {p.name for p in (DOCS / "examples").iterdir() if p.is_dir()} - {"seeds"}
    assert folders <= set(RULES)


def reported(cli, args: list[str]) -> tuple[int, set[tuple[str, int, str]]]:
    result = cli(args)
    return result.exit_code, {(path, int(line), code) for path, line, code in DIAGNOSTIC.findall(result.output)}


EXAMPLES = [example for code in sorted(RULES) for example in examples(code, DOCS)]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"{e.code}-{e.kind}")
def test_example_reports_what_it_shows(example, cli, monkeypatch):
    monkeypatch.chdir(REPO)  # the page shows commands run from the repository's root
    exit_code, found = reported(cli, example.command())
    if example.kind == "good":
        assert example.marked(DOCS) == set(), "a passing example names no code"
        assert (exit_code, found) == (0, set())
    else:
        expected = example.marked(DOCS)
        assert example.code in {code for _, _, code in expected}, "a comment must name the code at its line"
        assert (exit_code, found) == (1, expected)


def test_readme_is_short_and_its_links_to_the_docs_resolve():
    readme = README.read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) < README_MAX_BYTES, "the README is a guide: move details to docs/"
    links = re.findall(r"\]\((docs/[^)#\s]*)(?:#[^)]*)?\)", readme)
    assert any(link.endswith(".md") for link in links), "the README points to the docs site"
    for link in links:
        assert (REPO / link).is_file(), f"README links to a missing {link}"


def test_readme_gives_the_two_setup_commands():
    readme = README.read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (REPO / ".ci" / "run").read_text()


def documented_check_examples() -> list[tuple[str, list[str], list[str]]]:
    """Each `$ argmap check ...` line of a console block in the README or a docs page, with the
    lines it shows."""
    examples_found = []
    for page in [README, *sorted(DOCS.rglob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
            for command in re.split(r"^(?=\$ )", block, flags=re.MULTILINE):
                first, *shown = command.strip().splitlines() or [""]
                if first.startswith("$ argmap check "):
                    examples_found.append((page.relative_to(REPO).as_posix(), shlex.split(first)[3:], shown))
    return examples_found


def test_documented_check_examples_name_real_files_and_show_real_output(run_argmap):
    found = documented_check_examples()
    assert {page for page, _, _ in found} >= {"README.md", "docs/commands/check.md"}
    for page, args, shown in found:
        paths = [a for a in args if not a.startswith("-")]
        assert all((REPO / p).exists() for p in paths), f"{page} checks a missing file: {paths}"
        if paths and all(p.startswith(("tests/", "docs/examples/")) for p in paths):  # fixed files: the output is known
            assert run_argmap(["check", *args], cwd=REPO).stdout.splitlines() == shown, page
