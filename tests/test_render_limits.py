"""What `check` accepts, drawing draws: node texts far over Graphviz's 16 KB string limit, and a
`dot` that fails, or hangs past the time limit, is always reported (exit 2, nothing written),
through render, brief and build as real processes with the real `dot`."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from argmap.render.theme import TITLE_CHARS, TOOLTIP_CHARS
from conftest import requires_dot
from render_support import drawn_nodes

# 40 KB of text, with what escapes to the longest DOT (backslashes, quotes) and a last word that
# must survive in the brief; the title, too, is over the limit.
LONG_TEXT = " ".join(f'point {i} \\ "quoted" & <b>' for i in range(1_600)) + " the-very-end"
LONG_TITLE = "A title " * 5_000


def long_map(project: Path) -> Path:
    node_text = LONG_TEXT.replace("\\", "\\\\").replace('"', '\\"')
    path = project / "maps" / "long-text.yaml"
    path.write_text(
        f'argmap: 1\nid: long-text\ntitle: "{LONG_TITLE.strip()}"\nquestion: Is a long text drawn?\nlang: en\n'
        "sides:\n  pro: It is drawn\n  con: It is not\nnodes:\n"
        f'  long:\n    type: thesis\n    side: pro\n    text: "{node_text}"\n    analytic: true\n'
        "  short:\n    type: thesis\n    side: con\n    text: A short thesis.\n    analytic: true\n"
        "  answer:\n    type: objection\n    text: An objection.\n    attacks: [long]\n    analytic: true\n",
        encoding="utf-8",
    )
    assert len(LONG_TEXT.encode()) > 40_000
    return path


@requires_dot
def test_check_accepts_the_long_map_and_render_draws_it_shortened(run_argmap, project):
    map_file = long_map(project)
    assert run_argmap(["check", map_file], cwd=project).returncode == 0
    done = run_argmap(["render", map_file, "-o", "out"], cwd=project)
    assert done.returncode == 0, done.stderr
    svg = (project / "out" / "long-text.svg").read_text(encoding="utf-8")
    long_node = drawn_nodes(svg)["long"]
    assert long_node.tooltip.endswith("…") and len(long_node.tooltip) <= TOOLTIP_CHARS
    assert LONG_TEXT.startswith(long_node.tooltip[:-1].rstrip())
    assert long_node.lines[1].startswith('point 0 \\ "quoted" & <b>')  # the label's first line of text
    drawn_title = re.search(r">(A title [^<]*)</text>", svg).group(1)
    assert drawn_title.endswith("…") and len(drawn_title) <= TITLE_CHARS


@requires_dot
@pytest.mark.parametrize("command", ["brief", "build"])
def test_brief_and_build_draw_the_long_map_and_keep_the_full_text(run_argmap, project, command):
    long_map(project)
    done = run_argmap([command, "maps", "-o", "out"], cwd=project)
    assert done.returncode == 0, done.stderr
    page = (project / "out" / "long-text.html").read_text(encoding="utf-8")
    assert page.count('class="node argnode') == 3  # the diagram, inline
    assert "the-very-end" in page  # the full text, in the node's card
    if command == "build":
        assert (project / "out" / "long-text.svg").exists()


def failing_dot(folder: Path, script: str) -> dict[str, str]:
    """An environment whose `dot` runs ``script`` (without reading its input) instead of Graphviz."""
    folder.mkdir()
    dot = folder / "dot"
    dot.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    dot.chmod(dot.stat().st_mode | stat.S_IXUSR)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


@pytest.mark.parametrize(("script", "said"), [
    ("echo 'Error: syntax error in line 7' >&2; exit 1", "failed (exit 1)\n    Error: syntax error in line 7"),
    ("kill -KILL $$", "was killed by SIGKILL\n    dot printed no message"),
], ids=["exit-1", "killed"])
@pytest.mark.parametrize("command", ["render", "brief", "build"])
def test_a_failing_dot_is_reported_with_what_it_said_and_nothing_is_written(run_argmap, project, command,
                                                                            script, said):
    long_map(project)  # a big input that `dot` leaves unread: a broken pipe, once a silent exit 1
    done = run_argmap([command, "maps", "-o", "out"], cwd=project, env=failing_dot(project / "bin", script))
    assert done.returncode == 2, done.stderr
    assert f"argmap: error: {'maps/long-text.yaml' if command == 'render' else 'map ' + repr('long-text')}: " \
           f"Graphviz's `dot` {said}" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (project / "out").exists()


def test_control_characters_in_what_dot_says_are_shown_escaped(run_argmap, project):
    long_map(project)
    env = failing_dot(project / "bin", r"printf 'Error: \033[31mred\007\n' >&2; exit 3")
    done = run_argmap(["render", "maps", "-o", "out"], cwd=project, env=env)
    assert done.returncode == 2
    assert "Error: \\x1b[31mred\\x07" in done.stderr and "\x1b" not in done.stderr


@pytest.mark.parametrize("command", ["render", "brief", "build"])
def test_a_dot_that_hangs_is_stopped_at_the_time_limit(run_argmap, project, command):
    long_map(project)  # more DOT than a pipe holds: the write to a `dot` that never reads is stopped too
    env = failing_dot(project / "bin", "exec sleep 60") | {"ARGMAP_DOT_TIMEOUT": "0.5"}
    done = run_argmap([command, "maps", "-o", "out"], cwd=project, env=env)
    assert done.returncode == 2, done.stderr
    assert f"argmap: error: {'maps/long-text.yaml' if command == 'render' else 'map ' + repr('long-text')}: " \
           "Graphviz's `dot` took longer than the time limit of 0.5 s and was stopped" in done.stderr
    assert "ARGMAP_DOT_TIMEOUT=SECONDS" in done.stderr and "Traceback" not in done.stderr
    assert not (project / "out").exists()


@requires_dot
@pytest.mark.parametrize("value", ["soon", "0", "-3", "inf", "nan"])
def test_a_time_limit_that_is_not_a_number_of_seconds_is_a_usage_error(run_argmap, project, value):
    long_map(project)
    done = run_argmap(["render", "maps", "-o", "out"], cwd=project, env={**os.environ, "ARGMAP_DOT_TIMEOUT": value})
    assert done.returncode == 2
    assert f"argmap: error: ARGMAP_DOT_TIMEOUT='{value}' is not a number of seconds" in done.stderr
    assert "Traceback" not in done.stderr and not (project / "out").exists()
