"""`-o` names a folder on render, brief, docx and build: a new folder named like a file
(`-o map.svg`) gets a note saying where the files go; an ordinary or existing folder does not."""

from __future__ import annotations

import pytest

from conftest import MAPS, SEEDS

SMALL = MAPS / "ferry-trial.yaml"
NOTE = "-o names a folder"


@pytest.mark.parametrize("output", ["ferry.dot", "Ferry.SVG"])
def test_a_new_output_named_like_a_file_gets_a_note_and_becomes_a_folder(cli, tmp_path, output):
    out = tmp_path / output
    result = cli(["render", SMALL, "-o", out, "--seeds", SEEDS, "-f", "dot"])
    assert result.exit_code == 0
    assert NOTE in result.stderr and str(out) in result.stderr
    assert (out / "ferry-trial.dot").is_file()


def test_the_brief_command_says_it_too(cli, tmp_path):
    out = tmp_path / "brief.html"
    result = cli(["brief", SMALL, "-o", out, "--seeds", SEEDS])
    assert result.exit_code == 0, result.output
    assert NOTE in result.stderr
    assert (out / "ferry-trial.html").is_file()


@pytest.mark.parametrize("output", ["diagrams", "existing.svg"])
def test_an_ordinary_or_existing_folder_gets_no_note(cli, tmp_path, output):
    out = tmp_path / output
    if output.endswith(".svg"):
        out.mkdir()
    result = cli(["render", SMALL, "-o", out, "--seeds", SEEDS, "-f", "dot"])
    assert result.exit_code == 0
    assert NOTE not in result.stderr


def test_the_note_shows_a_control_character_in_the_name_escaped(cli, tmp_path):
    out = tmp_path / "map\x1b[31m.svg"
    result = cli(["render", SMALL, "-o", out, "--seeds", SEEDS, "-f", "dot"])
    assert result.exit_code == 0
    assert NOTE in result.stderr and "\x1b" not in result.stderr
