"""`argmap render` through the CLI: in-process with typer's runner, and as a real process."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from argmap.core.load import load_yaml
from argmap.render import INSTALL_COMMAND
from conftest import MAPS, REPO, SEEDS, requires_dot
from render_support import HOSTILE, SMALL, drawn_edges, drawn_nodes


def relations(map_file: Path) -> list[str]:
    doc, _ = load_yaml(map_file)
    return [f"edge-{node_id}-{relation}-{target}"
            for node_id, node in doc.data["nodes"].items()
            for relation in ("supports", "attacks") for target in node.get(relation, [])]


@requires_dot
@pytest.mark.parametrize("map_file", sorted(MAPS.glob("*.yaml")) + [SMALL, HOSTILE], ids=lambda p: p.stem)
def test_svg_draws_one_node_per_map_node_and_one_edge_per_relation(cli, tmp_path, map_file):
    result = cli(["render", map_file, "-o", tmp_path, "--seeds", SEEDS])
    assert result.exit_code == 0, result.output
    doc, _ = load_yaml(map_file)
    svg = (tmp_path / f"{doc.data['id']}.svg").read_bytes()
    nodes = drawn_nodes(svg)
    assert set(nodes) == set(doc.data["nodes"])
    assert sorted(drawn_edges(svg)) == sorted(relations(map_file))
    for node_id, node in nodes.items():
        assert node.tooltip is not None and node.tooltip.split() == doc.data["nodes"][node_id]["text"].split()
        assert f"type-{doc.data['nodes'][node_id]['type']}" in node.classes


@requires_dot
@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF"), ("svg", b"<?xml"), ("dot", b"digraph")])
def test_each_format_writes_map_id_dot_extension(cli, tmp_path, fmt, magic):
    result = cli(["render", SMALL, "-o", tmp_path / "new" / "folder", "--format", fmt, "--seeds", SEEDS])
    assert result.exit_code == 0, result.output
    written = tmp_path / "new" / "folder" / f"render-small.{fmt}"
    assert written.read_bytes().startswith(magic)
    assert f"wrote {written}" in result.stdout
    assert [p.name for p in written.parent.iterdir()] == [written.name]  # no temporary left behind


@requires_dot
def test_options_reach_the_drawing(cli, tmp_path):
    args = ["render", SMALL, "-o", tmp_path, "--seeds", SEEDS]
    assert cli([*args, "--side", "con"]).exit_code == 0
    assert set(drawn_nodes((tmp_path / "render-small.svg").read_bytes())) == {"t-con", "o1", "r2", "o2", "c2"}
    assert cli([*args, "--focus", "o1", "--depth", "1", "--rankdir", "LR"]).exit_code == 0
    assert set(drawn_nodes((tmp_path / "render-small.svg").read_bytes())) == {"o1", "c1", "r1"}
    assert cli([*args, "--no-status"]).exit_code == 0
    assert "status-none" in drawn_nodes((tmp_path / "render-small.svg").read_bytes())["o2"].classes


def test_bad_focus_and_depth_without_focus_exit_2(cli, tmp_path):
    result = cli(["render", SMALL, "-o", tmp_path, "--seeds", SEEDS, "--focus", "nope", "-f", "dot"])
    assert result.exit_code == 2 and "--focus: no node 'nope' in render-small" in result.stderr
    result = cli(["render", SMALL, "-o", tmp_path, "--seeds", SEEDS, "--depth", "1", "-f", "dot"])
    assert result.exit_code == 2 and "--depth: a depth needs a focus node" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_map_errors_are_reported_as_check_reports_them_and_nothing_is_rendered(cli, project):
    good = project / "maps" / "render-small.yaml"
    shutil.copy(SMALL, good)
    bad = project / "maps" / "broken.yaml"
    bad.write_text(SMALL.read_text(encoding="utf-8").replace("id: render-small", "id: broken")
                   .replace("sembilan hari setiap bulan", "sepuluh hari setiap bulan"), encoding="utf-8")
    out = project / "out"
    checked = cli(["check", good, bad, "--seeds", project / "seeds"])
    rendered = cli(["render", good, bad, "-o", out, "--seeds", project / "seeds", "-f", "dot"])
    assert checked.exit_code == rendered.exit_code == 1
    assert rendered.stdout == checked.stdout and "error" in rendered.stdout
    assert not out.exists()


def test_warnings_do_not_block_rendering(cli, tmp_path):
    result = cli(["render", SMALL.parent, "-o", tmp_path, "--seeds", SEEDS, "-f", "dot"])
    assert result.exit_code == 0
    assert "warning AM313" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile-labels.dot", "render-small.dot"]


def test_missing_dot_exits_2_with_the_install_command_but_dot_format_works(cli, tmp_path, monkeypatch):
    monkeypatch.setattr("argmap.render.formats.shutil.which", lambda name: None)
    result = cli(["render", SMALL, "-o", tmp_path, "--seeds", SEEDS])
    assert result.exit_code == 2
    assert INSTALL_COMMAND == "sudo apt-get install graphviz" and INSTALL_COMMAND in result.stderr
    assert list(tmp_path.iterdir()) == []
    assert cli(["render", SMALL, "-o", tmp_path, "--seeds", SEEDS, "--format", "dot"]).exit_code == 0
    assert (tmp_path / "render-small.dot").exists()


def test_dot_vanishing_after_the_check_is_still_exit_2(cli, tmp_path, monkeypatch):
    monkeypatch.setattr("argmap.render.formats.shutil.which", lambda name: "/usr/bin/dot")
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-folder"))
    result = cli(["render", SMALL, "-o", tmp_path, "--seeds", SEEDS])
    assert result.exit_code == 2 and INSTALL_COMMAND in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_failure_on_the_second_map_writes_nothing(cli, tmp_path, monkeypatch):
    from argmap.render import drawing as command

    real = command.document_dot_pieces

    def fail_on_hostile(document, sources, options):
        if document.model.id == "hostile-labels":
            raise RuntimeError("boom")
        return real(document, sources, options)

    monkeypatch.setattr(command, "document_dot_pieces", fail_on_hostile)
    with pytest.raises(RuntimeError):
        cli(["render", SMALL, HOSTILE, "-o", tmp_path, "--seeds", SEEDS, "-f", "dot"])
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    from argmap.core.diagnostics import UsageError
    from argmap.files.output import write_files

    target = tmp_path / "m.svg"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("argmap.files.output.os.replace", broken_replace)
    with pytest.raises(UsageError, match=f"cannot replace {target}: No space left on device"):
        write_files({target: b"new"})
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["m.svg"]


def test_inputs_are_never_overwritten(cli, project):
    # a map file whose name is exactly the output name
    clash = project / "maps" / "render-small.dot"
    shutil.copy(SMALL, clash)
    result = cli(["render", clash, "-o", project / "maps", "--seeds", project / "seeds", "-f", "dot"])
    assert result.exit_code == 2 and "it is a map named on the command line" in result.stderr
    assert clash.read_text(encoding="utf-8") == SMALL.read_text(encoding="utf-8")
    # an output path that is a link to an input
    out = project / "out"
    out.mkdir()
    (out / "render-small.dot").symlink_to(clash)
    result = cli(["render", clash, "-o", out, "--seeds", project / "seeds", "-f", "dot"])
    assert result.exit_code == 2 and "refusing to overwrite" in result.stderr
    assert clash.read_text(encoding="utf-8") == SMALL.read_text(encoding="utf-8")


def test_public_api_renders_without_the_cli(tmp_path):
    from argmap.render import RenderOptions
    from argmap.usecases.render import render_maps

    report = render_maps([SMALL], SEEDS, RenderOptions(out_dir=tmp_path, format="dot"))
    assert report.exit_code == 0 and report.written == [tmp_path / "render-small.dot"]


def path_without_dot(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH holds only a python, so Graphviz's dot cannot be found."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    return {**os.environ, "PATH": str(bin_dir), "PYTHONPATH": str(REPO)}


def test_real_process_without_dot_on_path(run_argmap, tmp_path):
    env = path_without_dot(tmp_path)
    done = run_argmap(["render", SMALL, "-o", tmp_path / "out", "--seeds", SEEDS], cwd=tmp_path, env=env)
    assert done.returncode == 2, done.stderr
    assert "sudo apt-get install graphviz" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()
    done = run_argmap(["render", SMALL, "-o", tmp_path / "out", "--seeds", SEEDS, "-f", "dot"], cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "render-small.dot").read_text(encoding="utf-8").startswith('digraph "render-small"')


@requires_dot
def test_real_process_renders_svg_from_a_project(run_argmap, project, tmp_path):
    shutil.copy(MAPS / "river-bridge.yaml", project / "maps")
    done = run_argmap(["render", "maps/river-bridge.yaml", "-o", tmp_path], cwd=project)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote {tmp_path / 'river-bridge.svg'}"
    assert drawn_nodes((tmp_path / "river-bridge.svg").read_bytes())
