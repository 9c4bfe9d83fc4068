"""`argmap migrate`: version-1 maps rewritten as version 2 in place, atomically, keeping the text
as written, with placeholder titles that `--strict` reports; refusals leave every file alone."""

from __future__ import annotations

import re
import shutil
import stat
from pathlib import Path

import pytest
import yaml

from argmap.usecases.check import check
from conftest import MAPS, SEEDS

PLACEHOLDER = "TODO, a short title"


def without_lines(diagnostics) -> set[tuple[str, str]]:
    """Diagnostics compared across a migration, which moves lines: code and message only."""
    return {(d.code, d.message) for d in diagnostics}


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    folder = tmp_path / "maps"
    shutil.copytree(MAPS, folder)
    return folder


def test_fixture_maps_migrate_to_version_2_with_the_same_diagnostics_plus_placeholders(maps, cli):
    paths = sorted(maps.glob("*.yaml"))
    before_texts = {p: p.read_text(encoding="utf-8") for p in paths}
    before = check(paths, SEEDS).diagnostics
    result = cli(["migrate", *paths])
    assert result.exit_code == 0, result.output
    for path in paths:
        nodes = yaml.safe_load(before_texts[path])["nodes"]
        assert f"migrated {path} to version 2; {len(nodes)} placeholder titles to write" in result.stdout
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["argmap"] == 2
        assert {node["title"] for node in data["nodes"].values()} == {PLACEHOLDER}
        # only the version line changed and title lines were added
        old_lines = before_texts[path].splitlines()
        new_lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() != f"title: {PLACEHOLDER}"]
        assert [line for line in new_lines if line != "argmap: 2"] == [line for line in old_lines if line != "argmap: 1"]
    after = check(paths, SEEDS).diagnostics
    added = without_lines(after) - without_lines(before)
    assert without_lines(before) <= without_lines(after)
    assert {code for code, _ in added} == {"AM317"}
    assert all(message.endswith(".title still holds a TODO placeholder") for _, message in added)
    assert len([d for d in after if d.code == "AM317"]) == sum(len(yaml.safe_load(t)["nodes"]) for t in before_texts.values())
    strict = cli(["check", "--strict", "--seeds", SEEDS, maps])
    assert strict.exit_code == 1


MAP_WITH_COMMENTS = """\
# yaml-language-server: $schema=../schema/argmap.schema.json
argmap: 1   # the format version
id: flows
title: Flow and block nodes
question: Does the town stay committed?
sides: {pro: It does, con: It does not}

nodes:
  # the pro side
  a: {type: thesis, side: pro, text: "The town, it says, stays committed.", analytic: true}
  b: {
    type: thesis, side: con,
    text: Limited, analytic: true }
  c:
    # a comment inside the node
    type: claim
    supports: [a]   # why
    text: >-
      A reason written
      over two lines.
    analytic: true
  titled:
    type: claim
    title: Already titled
    supports: [b]
    text: Another reason.
    analytic: true
"""


def test_comments_flow_nodes_and_key_order_are_kept(tmp_path, cli):
    path = tmp_path / "flows.yaml"
    path.write_text(MAP_WITH_COMMENTS, encoding="utf-8")
    before = check([path], SEEDS).diagnostics
    assert {d.code for d in before} == {"AM204"}  # the title of `titled` needs format 2
    result = cli(["migrate", path])
    assert result.exit_code == 0, result.output
    assert "3 placeholder titles to write" in result.stdout
    assert path.read_text(encoding="utf-8") == MAP_WITH_COMMENTS.replace(
        "argmap: 1   # the format", "argmap: 2   # the format").replace(
        "side: pro, text:", f'side: pro, title: "{PLACEHOLDER}", text:').replace(
        "    text: Limited", f'    title: "{PLACEHOLDER}", text: Limited').replace(
        "    text: >-", f"    title: {PLACEHOLDER}\n    text: >-")
    after = check([path], SEEDS).diagnostics
    assert sorted((d.code, d.line, d.column) for d in after) == [("AM317", 10, 39), ("AM317", 13, 12), ("AM317", 18, 12)]


def test_windows_line_endings_stay(tmp_path, cli):
    path = tmp_path / "flows.yaml"
    path.write_bytes(MAP_WITH_COMMENTS.replace("\n", "\r\n").encode())
    assert cli(["migrate", path]).exit_code == 0
    raw = path.read_bytes()
    assert b"\r\n    title: TODO, a short title\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")


def test_a_map_already_at_version_2_is_left_untouched(tmp_path, cli):
    path = tmp_path / "flows.yaml"
    path.write_text(MAP_WITH_COMMENTS.replace("argmap: 1", "argmap: 2"), encoding="utf-8")
    stamp = path.stat().st_mtime_ns
    result = cli(["migrate", path])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"{path}: already at version 2, left unchanged"
    assert path.stat().st_mtime_ns == stamp


def test_dry_run_prints_a_diff_and_writes_nothing(tmp_path, cli):
    path = tmp_path / "flows.yaml"
    path.write_text(MAP_WITH_COMMENTS, encoding="utf-8")
    result = cli(["migrate", "--dry-run", path])
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == MAP_WITH_COMMENTS
    assert "-argmap: 1   # the format version" in result.stdout
    assert "+argmap: 2   # the format version" in result.stdout
    assert f"+    title: {PLACEHOLDER}" in result.stdout
    assert result.stdout.rstrip().endswith("dry run: no file was changed")


def test_a_map_that_does_not_load_is_refused_and_nothing_is_written(tmp_path, cli):
    good = tmp_path / "good.yaml"
    good.write_text(MAP_WITH_COMMENTS, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(MAP_WITH_COMMENTS.replace("type: claim", "type: clam", 1), encoding="utf-8")
    result = cli(["migrate", good, bad])
    assert result.exit_code == 1
    assert re.search(r"bad\.yaml:16:11: error AM203: invalid value for 'type'", result.stdout)
    assert "migrated nothing: 1 error to fix first" in result.stdout
    assert good.read_text(encoding="utf-8") == MAP_WITH_COMMENTS  # all or nothing
    assert "Traceback" not in result.output


def test_a_read_only_map_is_refused_with_exit_2(tmp_path, cli):
    path = tmp_path / "flows.yaml"
    path.write_text(MAP_WITH_COMMENTS, encoding="utf-8")
    path.chmod(0o444)
    result = cli(["migrate", path])
    assert result.exit_code == 2
    assert f"argmap: error: cannot rewrite {path}: the file is read-only" in result.stderr
    assert path.read_text(encoding="utf-8") == MAP_WITH_COMMENTS
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left


def test_a_map_in_a_read_only_folder_is_refused_with_exit_2(tmp_path, run_argmap_unprivileged):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "flows.yaml"
    path.write_text(MAP_WITH_COMMENTS, encoding="utf-8")
    folder.chmod(0o555)
    try:
        done = run_argmap_unprivileged(["migrate", path])
    finally:
        folder.chmod(0o755)
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"argmap: error: cannot write {path}: Permission denied" in done.stderr
    assert "its folder must be writable; nothing was changed" in done.stderr
    assert " -o" not in done.stderr and "Traceback" not in done.stderr  # migrate has no output folder to choose
    assert path.read_text(encoding="utf-8") == MAP_WITH_COMMENTS
    assert list(folder.iterdir()) == [path]


def test_migrating_keeps_the_files_permissions(tmp_path, cli):
    path = tmp_path / "flows.yaml"
    path.write_text(MAP_WITH_COMMENTS, encoding="utf-8")
    path.chmod(0o640)
    assert cli(["migrate", path]).exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_missing_file_or_a_folder_is_a_usage_error(tmp_path, cli):
    assert cli(["migrate", tmp_path / "nothing.yaml"]).exit_code == 2
    result = cli(["migrate", tmp_path])
    assert result.exit_code == 2
    assert "is a folder" in result.stderr


def test_a_node_written_as_an_alias_is_refused_unchanged(tmp_path, cli):
    path = tmp_path / "flows.yaml"
    text = MAP_WITH_COMMENTS.replace("  a: {type: thesis", "  a: &thesis {type: thesis").replace(
        "  titled:\n", "  again: *thesis\n  titled:\n")
    path.write_text(text, encoding="utf-8")
    assert check([path], SEEDS).project.maps  # it loads
    result = cli(["migrate", path])
    assert result.exit_code == 2
    assert "node 'again' is a YAML alias of another node" in result.stderr
    assert path.read_text(encoding="utf-8") == text


def test_an_anchored_flow_node_gets_its_title_inside_the_braces(tmp_path, cli):
    path = tmp_path / "flows.yaml"
    path.write_text(MAP_WITH_COMMENTS.replace("  a: {type: thesis", "  a: &thesis {type: thesis"), encoding="utf-8")
    assert cli(["migrate", path]).exit_code == 0
    assert f'  a: &thesis {{type: thesis, side: pro, title: "{PLACEHOLDER}", text:' in path.read_text(encoding="utf-8")
