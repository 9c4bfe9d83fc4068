"""`argmap check` end to end: exit codes, defaults, seeds safety, real subprocess."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from argmap.usecases.check import check
from conftest import CASES, MAPS, SEEDS

GOOD_MAP = CASES / "good" / "minimal.yaml"


def write_registry(seeds: Path, entries: str) -> None:
    (seeds / "sources.yaml").write_text("sources:\n" + entries, encoding="utf-8")


def test_fixture_project_passes_strict_with_the_default_folders(cli, monkeypatch):
    monkeypatch.chdir(MAPS.parent)
    result = cli(["check", "--strict"])  # defaults: maps/ and seeds/ of the current directory
    assert result.exit_code == 0, result.stdout
    summary = result.stdout.strip().splitlines()[-1]
    maps, nodes, verified, quotes = map(int, re.findall(r"([\d,]+) (?:maps?|nodes?|of|quotes?)", summary.replace(",", ""))[:4])
    documents = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in MAPS.glob("*.yaml")]
    assert maps == len(documents) and nodes == sum(len(d["nodes"]) for d in documents)
    assert verified == quotes == sum(len(n.get("evidence", [])) for d in documents for n in d["nodes"].values())


def test_warnings_pass_unless_strict(project: Path, cli, monkeypatch):
    text = GOOD_MAP.read_text().replace("    analytic: true\n  limited-support:", "  limited-support:")
    (project / "maps" / "minimal.yaml").write_text(text)
    monkeypatch.chdir(project)
    relaxed = cli(["check", "maps/minimal.yaml"])
    assert relaxed.exit_code == 0 and "warning AM311" in relaxed.stdout
    strict = cli(["check", "--strict", "maps/minimal.yaml"])
    assert strict.exit_code == 1


def test_every_error_of_every_map_is_collected(project: Path):
    for name in ("citations", "node-types"):
        text = (CASES / "bad" / f"{name}.yaml").read_text()
        (project / "maps" / f"{name}.yaml").write_text(text)
    result = check([project / "maps"], project / "seeds")
    files = {d.path.rsplit("/", 1)[-1] for d in result.diagnostics}
    assert {"citations.yaml", "node-types.yaml"} <= files
    assert result.errors >= 8 and result.exit_code() == 1


def test_a_map_with_too_many_labellings_is_one_diagnostic_and_the_other_maps_are_reported(project, cli, monkeypatch):
    """Ten pairs of claims attacking each other: 1,024 preferred labellings, over argmap's limit.
    Neither its labels nor its verdict under `expect: semantics` can be checked."""
    pairs = "".join(f"  p{i}: {{type: claim, title: P{i}, text: P{i}, supports: [t], attacks: [k{i}], analytic: true}}\n"
                    f"  k{i}: {{type: claim, title: K{i}, text: K{i}, supports: [u], attacks: [p{i}], analytic: true}}\n"
                    for i in range(10))
    (project / "maps" / "many.yaml").write_text(
        "argmap: 2\nid: many\ntitle: Many\nquestion: Q?\nlang: en\nsides: {pro: P, con: C}\nnodes:\n"
        "  t: {type: thesis, side: pro, title: T, text: T}\n  u: {type: thesis, side: con, title: U, text: U}\n"
        + pairs + "expect:\n  semantics: preferred\n  undecided: [p0, k0]\n  verdict: contested\n", encoding="utf-8")
    shutil.copy(CASES / "bad" / "citations.yaml", project / "maps" / "citations.yaml")
    monkeypatch.chdir(project)
    result = cli(["check", "maps"])
    assert result.exit_code == 1, result.stderr
    assert "maps/many.yaml:31:14: error AM604: the map has more than 1,000 labellings under preferred semantics" \
        in result.stdout
    assert "maps/many.yaml:33" not in result.stdout  # the verdict is not computed either
    assert "maps/citations.yaml:" in result.stdout and "error AM501" in result.stdout
    assert result.stderr == ""
    evaluated = cli(["eval", "maps/many.yaml"])  # under grounded semantics, as `expect:` differences are
    assert evaluated.exit_code == 0 and "AM604" in evaluated.stderr and "p0" in evaluated.stdout
    assert "note: no verdict: preferred semantics: more than 1,000 alternative labellings" in evaluated.stderr


def test_a_folder_without_maps_is_a_warning_and_under_strict_a_usage_error(project, cli, monkeypatch):
    (project / "drafts").mkdir()
    (project / "drafts" / "notes.txt").write_text("not a map\n", encoding="utf-8")
    monkeypatch.chdir(project)
    relaxed = cli(["check", "drafts"])
    assert relaxed.exit_code == 0
    assert "argmap: warning: no maps found in drafts" in relaxed.stderr
    strict = cli(["check", "--strict", "drafts"])
    assert strict.exit_code == 2
    assert "argmap: error: no maps found in drafts" in strict.stderr and strict.stdout == ""
    registry_only = cli(["check", "--strict", "seeds"])  # a registry is something to check
    assert registry_only.exit_code == 0 and registry_only.stderr == ""


@pytest.mark.parametrize(
    "file_entry, code",
    [
        ("../outside.txt", "AM401"),
        ("/etc/hostname", "AM401"),
        ("sub/../../outside.txt", "AM401"),
        ("link-out.txt", "AM401"),
        ("missing.txt", "AM402"),
    ],
)
def test_source_paths_must_stay_inside_seeds(tmp_path: Path, file_entry: str, code: str):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (tmp_path / "outside.txt").write_text("secret text outside the seeds folder")
    (seeds / "link-out.txt").symlink_to(tmp_path / "outside.txt")
    write_registry(seeds, f"  x:\n    file: {file_entry}\n    title: X\n")
    result = check([GOOD_MAP], seeds)
    problems = [d for d in result.diagnostics if d.path.endswith("sources.yaml")]
    assert [(d.code, d.line) for d in problems] == [(code, 3)]


def test_changed_source_and_missing_pin(project: Path):
    seeds = project / "seeds"
    target = seeds / "warta2024-feri-lembah.txt"
    original = target.read_bytes()
    target.write_bytes(original.replace(b"31 penumpang", b"32 penumpang"))
    registry = (seeds / "sources.yaml").read_text()
    real = hashlib.sha256((SEEDS / "sari2023-jembatan-lembah.txt").read_bytes()).hexdigest()
    (seeds / "sources.yaml").write_text(registry.replace(f"    sha256: {real}\n", ""))
    result = check([GOOD_MAP], seeds)
    codes = {d.code: d for d in result.diagnostics}
    assert "AM403" in codes and "has changed" in codes["AM403"].message
    assert "AM404" in codes and real in codes["AM404"].hints[0]


def test_unused_sources_are_reported_for_folders_only(project: Path):
    shutil.copy(GOOD_MAP, project / "maps" / "minimal.yaml")
    by_folder = check([project / "maps"], project / "seeds")
    unused = sorted(d.message.split("'")[1] for d in by_folder.diagnostics if d.code == "AM313")
    assert unused == ["ng2022"]
    by_file = check([project / "maps" / "minimal.yaml"], project / "seeds")
    assert not [d for d in by_file.diagnostics if d.code == "AM313"]


def test_real_subprocess_reports_and_exits(run_argmap, project: Path):
    shutil.copy(CASES / "bad" / "citations.yaml", project / "maps" / "citations.yaml")
    done = run_argmap(["check", "maps/citations.yaml"], cwd=project)
    assert done.returncode == 1
    assert done.stdout.startswith("maps/citations.yaml:")
    assert "error AM501: quote not found in source 'warta2024'" in done.stdout
    assert "Traceback" not in done.stderr
    clean = run_argmap(["check", "--strict", "--seeds", SEEDS, GOOD_MAP], cwd=project)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    missing = run_argmap(["check", "nothing-here.yaml"], cwd=project)
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr


def test_hostile_yaml_never_runs_code(project: Path, run_argmap):
    marker = project / "pwned"
    (project / "maps" / "evil.yaml").write_text(
        f'argmap: 1\nid: !!python/object/apply:os.system ["touch {marker}"]\n')
    done = run_argmap(["check", "maps/evil.yaml"], cwd=project)
    assert done.returncode == 1 and "AM105" in done.stdout
    assert not marker.exists()


def test_no_traceback_on_internal_error(monkeypatch, capsys):
    import argmap.cli as cli_module

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("argmap.usecases.check.check", explode)
    monkeypatch.setattr("sys.argv", ["argmap", "check", str(GOOD_MAP)])
    with pytest.raises(SystemExit) as stop:
        cli_module.main()
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err and "Traceback" not in err


@pytest.mark.parametrize("command", ["check", "build"])
def test_outside_a_project_the_hint_points_at_argmap_init(cli, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    result = cli([command])
    assert result.exit_code == 2
    assert "no maps given and no 'maps/' folder here" in result.stderr and "argmap init" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["list", "maps"], "maps: is a folder"),
    (["export", "maps", "--to", "aif"], "maps: is a folder"),
    (["import", "maps", "--from", "aif", "-o", "x.yaml"], "maps: is a folder"),
    (["check", "--seeds", "notes.txt", "maps"], "seeds folder 'notes.txt' is a file, not a folder"),
], ids=["list", "export", "import", "seeds"])
def test_a_folder_or_file_in_the_wrong_place_is_named_for_what_it_is(args, message, cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps").mkdir()
    (tmp_path / "notes.txt").write_text("notes\n", encoding="utf-8")
    result = cli(args)
    assert result.exit_code == 2
    assert message in result.stderr and "no such file" not in result.stderr
