"""The loader: both parsing paths agree, positions are right, hostile input fails fast."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import argmap.core.load
from argmap.usecases.check import check
from argmap.core.load import _EventBuilder, load_yaml, parse_yaml, resolve_plain_scalar
from argmap.core.project import MapDocument, parse_map
from conftest import CASES, MAPS, SEEDS

FIXTURE_FILES = sorted(MAPS.glob("*.yaml")) + sorted(CASES.glob("good/*.yaml")) + [SEEDS / "sources.yaml"]


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_fast_and_careful_paths_read_the_same_data(path: Path):
    text = path.read_text(encoding="utf-8")
    loaded, problems = parse_yaml(text, path, path.name)
    assert not problems
    assert _EventBuilder(text).build() == loaded.data


def test_positions_of_keys_and_values():
    text = "a: 1\nnodes:\n  x:\n    text: hello\n    supports: [p, q]\n"
    loaded, _ = parse_yaml(text, Path("m.yaml"), "m.yaml")
    locate = loaded.locator
    assert (locate.key(("nodes", "x")).line, locate.key(("nodes", "x")).column) == (3, 3)
    assert (locate.value(("nodes", "x", "text")).line, locate.value(("nodes", "x", "text")).column) == (4, 11)
    assert locate.value(("nodes", "x", "supports", 1)).column == 19
    assert locate.value(("nodes", "x", "missing", 3)).line == 4  # the nearest ancestor: the mapping under x


@pytest.mark.parametrize(
    "plain, value",
    [("yes", "yes"), ("no", "no"), ("true", True), ("null", None), ("11", 11), ("1.5", 1.5),
     ("2025-10-28", "2025-10-28"), ("0x1f", 31), ("+.Inf", float("inf")), (".iNf", ".iNf")],
)
def test_plain_scalars_follow_yaml_1_2(plain, value):
    assert resolve_plain_scalar(plain) == value
    loaded, _ = parse_yaml(f"k: {plain}\n", Path("m.yaml"), "m.yaml")
    assert loaded.data["k"] == value


def test_aliases_within_bounds_are_allowed():
    loaded, problems = parse_yaml("a: &x {k: [1, 2]}\nb: *x\n", Path("m.yaml"), "m.yaml")
    assert not problems and loaded.data["b"] == {"k": [1, 2]}


def test_unknown_alias_and_non_text_keys():
    _, problems = parse_yaml("a: *nowhere\n", Path("m.yaml"), "m.yaml")
    assert [(p.code, p.line) for p in problems] == [("AM106", 1)]
    loaded, problems = parse_yaml("1: one\ntrue: yes\n", Path("m.yaml"), "m.yaml")
    assert not problems and loaded.data == {"1": "one", "true": "yes"}


def test_a_tab_in_the_indentation_gets_a_hint():
    loaded, problems = parse_yaml("nodes:\n\tt: {type: thesis}\n", Path("m.yaml"), "m.yaml")
    assert loaded is None
    assert [(p.code, p.line, p.column) for p in problems] == [("AM103", 2, 1)]
    assert "replace the tab" in problems[0].hints[0]


def test_an_unquoted_colon_in_a_value_gets_a_hint():
    loaded, problems = parse_yaml("nodes:\n  t:\n    title: Tolls: who pays\n", Path("m.yaml"), "m.yaml")
    assert loaded is None
    assert [(p.code, p.line) for p in problems] == [("AM103", 3)]
    assert "must be quoted" in problems[0].hints[0]


@pytest.mark.parametrize("opening", ["[", "{a: "], ids=["sequences", "mappings"])
def test_deep_flow_nesting_is_refused_at_our_limit_whatever_libyaml_allows(opening):
    # libyaml 0.2.6 stops at 1,000 levels with its own error; ours (64) must win, at its place
    text = "k: " + opening * 5_000 + "\n"
    loaded, problems = parse_yaml(text, Path("m.yaml"), "m.yaml")
    assert loaded is None
    assert [(p.code, p.line, p.column) for p in problems] == [("AM107", 1, 4 + 63 * len(opening))]
    assert "64" in problems[0].message


# --- one semantics, whichever path reads the file (issue 10) -------------------------------

MINIMAL = CASES / "good" / "minimal.yaml"
ANCHOR = "description: &intro An anchor sends this file down the careful path.\n"


def check_map(tmp_path: Path, text: str, name: str = "minimal") -> list[tuple[str, int, int]]:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return [(d.code, d.line, d.column) for d in check([path], SEEDS).diagnostics]


def test_a_numeric_node_id_is_text_on_both_paths(tmp_path):
    node = "  2024:\n    type: claim\n    text: A year as id.\n    supports: [committed]\n    analytic: true\n"
    text = MINIMAL.read_text().replace("nodes:\n", "nodes:\n" + node)
    assert check_map(tmp_path, text) == []
    assert check_map(tmp_path, text.replace("lang: en\n", "lang: en\n" + ANCHOR)) == []


def test_the_nesting_bound_holds_on_the_fast_path():
    text = "a:\n" + "".join("  " * depth + f"k{depth}:\n" for depth in range(1, 70)) + "  " * 70 + "x: 1\n"
    loaded, problems = parse_yaml(text, Path("m.yaml"), "m.yaml")
    assert loaded is None
    assert [(p.code, p.line, p.column) for p in problems] == [("AM107", 65, 129)]


def test_a_map_the_schema_accepts_is_not_walked_again_for_its_keys(monkeypatch):
    # the map model takes text keys and shallow nesting only: accepting the map proves both
    def no_walk(data):
        raise AssertionError("the data of a valid map was walked to check its keys")

    monkeypatch.setattr(argmap.core.load, "_within_careful_rules", no_walk)
    document, problems = parse_map(MINIMAL.read_bytes(), MINIMAL, "minimal.yaml")
    assert problems == [] and isinstance(document, MapDocument)
    assert "committed" in document.model.nodes


def test_the_nesting_bound_holds_in_a_map_the_schema_refuses(tmp_path):
    deep = "[" * 70 + "x" + "]" * 70
    text = MINIMAL.read_text().replace("    analytic: true\n", f"    analytic: true\n    note: {deep}\n", 1)
    _, careful = parse_yaml(text, Path("minimal.yaml"), "minimal.yaml")  # what the map's check must report
    assert [p.code for p in careful] == ["AM107"]
    assert check_map(tmp_path, text) == [(p.code, p.line, p.column) for p in careful]


@pytest.mark.parametrize("number", ["1_000", "0b11", "+0x1f"])
def test_number_forms_beyond_yaml_1_2_stay_text(number):
    loaded, _ = parse_yaml(f"k: {number}\n", Path("m.yaml"), "m.yaml")
    assert loaded.data["k"] == number


@pytest.mark.parametrize("careful", [False, True], ids=["fast", "careful"])
@pytest.mark.parametrize("separator", ["\u2028", "\x85", "\u2029"], ids=["LS", "NEL", "PS"])
def test_unicode_line_separators_do_not_shift_line_numbers(tmp_path, careful, separator):
    text = MINIMAL.read_text().replace("title: Minimal debate", f"title: Minimal{separator}debate{separator}map")
    text = text.replace("    supports: [committed]\n    evidence:", "    supports: [committed]\n    txt: typo\n    evidence:")
    if careful:
        text = text.replace("lang: en\n", "lang: en\n" + ANCHOR)
    typo_line = text.split("\n").index("    txt: typo") + 1
    assert check_map(tmp_path, text) == [("AM201", typo_line, 5)]
    # the map does not validate (the typo), so its YAML is read on its own
    assert load_yaml(tmp_path / "minimal.yaml")[0].data["title"] == f"Minimal{separator}debate{separator}map"


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x07", "\x9b"], ids=["NUL", "ESC", "BEL", "CSI"])
def test_a_control_character_is_refused_where_it_is(character):
    text = f"a: 1\nnodes:\n  x:\n    text: ab{character}cd\n"
    loaded, problems = parse_yaml(text, Path("m.yaml"), "m.yaml")
    assert loaded is None
    assert [(p.code, p.line, p.column) for p in problems] == [("AM103", 4, 13)]
    assert f"U+{ord(character):04X}" in problems[0].message and character not in problems[0].message


def test_a_complex_key_is_refused_where_it_is():
    loaded, problems = parse_yaml("a: 1\nnodes:\n  ? [x, y]\n  : 1\n", Path("m.yaml"), "m.yaml")
    assert loaded is None
    assert [(p.code, p.line, p.column) for p in problems] == [("AM103", 3, 5)]


def test_positions_on_the_fast_path_do_not_parse_the_file_again(tmp_path, monkeypatch):
    def no_second_parse(self):
        raise AssertionError("the file was parsed a second time to find positions")

    monkeypatch.setattr(_EventBuilder, "build", no_second_parse)
    text = MINIMAL.read_text().replace("    analytic: true\n  limited-support:", "  limited-support:")
    text = text.replace("    supports: [committed]\n    evidence:", "    supports: [committed, nowhere]\n    evidence:")
    lines = text.split("\n")
    assert sorted(check_map(tmp_path, text)) == sorted([
        ("AM311", lines.index("  analytic-answer:") + 1, 3),
        ("AM301", lines.index("    supports: [committed, nowhere]") + 1, 27),
    ])


# --- only regular files, never more than the cap (issue 10) ----------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path, run_argmap):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    os.mkfifo(tmp_path / "pipe.yaml")
    done = run_argmap(["check", "pipe.yaml"], cwd=tmp_path)  # the fixture's timeout catches a hang
    assert done.returncode == 1
    assert done.stdout.startswith("pipe.yaml:1:1: error AM100: expected a regular file, found a named pipe (FIFO)")


def test_a_folder_named_as_a_map_is_refused_for_what_it_is(tmp_path):
    folder = tmp_path / "debate.yaml"
    folder.mkdir()
    loaded, problems = load_yaml(folder, "debate.yaml")
    assert loaded is None
    assert [(p.code, p.message) for p in problems] == [("AM100", "expected a file, found a directory")]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_not_read_forever():
    loaded, problems = load_yaml(Path("/dev/zero"), "zero.yaml")
    assert loaded is None
    assert [(p.code, p.message) for p in problems] == [("AM100", "expected a regular file, found a character device")]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_the_size_cap_holds_while_reading_not_only_by_the_size_stat_reports(monkeypatch):
    monkeypatch.setattr(argmap.core.load, "MAX_FILE_BYTES", 16)  # /proc files report size 0, then give more
    loaded, problems = load_yaml(Path("/proc/self/status"), "status.yaml")
    assert loaded is None
    assert [p.code for p in problems] == ["AM100"] and "larger than 16 bytes" in problems[0].message


def test_a_map_of_64_mib_is_read(tmp_path):
    """A 200,000-node map with quotes is 61 MiB: the cap must not fall below 64 MiB."""
    path = tmp_path / "large.yaml"
    with path.open("wb") as file:
        file.truncate(64 * 1024 * 1024)  # sparse: 64 MiB of NUL bytes, written in no time
    raw, problems = argmap.core.load.read_bytes(path, "large.yaml")
    assert problems == [] and raw is not None and len(raw) == 64 * 1024 * 1024


# Text around a ':' or a tab that yaml_rs reads otherwise than the careful path, each in a node
# of a map otherwise read by the fast path: the guards must send it to the careful path (a ':'
# after a flow character or a colon, with 0 to 3 blanks between; a flow value that starts with
# ':' or is empty; a tab after a sequence's dash, in a file with no other tab), and a ':' in the
# usual places (`key: value`, in a quoted text, after a word) must not change what is read.
GUARDED_NODES = [
    "    supports: [t, :x]\n",
    "    supports: [t,:x]\n",
    "    supports: [t,  :x]\n",
    "    supports: [t,\t:x]\n",
    "    note: {a:}\n",
    "    note: {a: :b}\n",
    "    note: [a:, b]\n",
    "    note: x ::   :y\n",
    "    supports:\n    -\tt\n",
    "    supports:\n    - \tt\n",
    '    note: "a: b, c:d [e: f]"\n',
    "    note: time 12:30, ratio 1:2\n",
]


@pytest.mark.parametrize("node", GUARDED_NODES)
def test_check_reads_text_the_guards_look_at_as_the_careful_path(tmp_path: Path, monkeypatch, cli, node: str):
    path = tmp_path / "guarded.yaml"
    path.write_text("argmap: 1\nid: guarded\ntitle: G\nquestion: Q?\nsides: {pro: P, con: C}\nnodes:\n"
                    "  t: {type: thesis, side: pro, text: T.}\n  u: {type: thesis, side: con, text: U.}\n"
                    "  c:\n    type: claim\n    text: C.\n    analytic: true\n" + node, encoding="utf-8")
    fast = cli(["check", "--format", "json", "--seeds", SEEDS, path])
    monkeypatch.setattr(argmap.core.load, "_fast_load", lambda text, check_keys=True, parsed=None: None)
    careful = cli(["check", "--format", "json", "--seeds", SEEDS, path])
    assert (fast.exit_code, fast.stdout) == (careful.exit_code, careful.stdout)
