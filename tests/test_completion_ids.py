"""Shell completion of ids: source ids for `argmap quote`, node ids for `render --focus`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES


def complete(words: str, cwd: Path) -> list[str]:
    script = Path(sys.executable).parent / "argmap"
    if not script.exists():
        pytest.skip("the argmap console script is not installed next to this Python")
    env = {**os.environ, "_ARGMAP_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    done = subprocess.run([str(script)], capture_output=True, text=True, env=env, cwd=cwd, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_quote_completes_the_registered_source_ids():
    assert complete("argmap quote ", FIXTURES) == ["sari2023", "warta2024", "ng2022"]
    assert complete("argmap quote --seeds seeds w", FIXTURES) == ["warta2024"]


def test_focus_completes_the_node_ids_of_the_maps_named_or_of_maps():
    assert complete("argmap render maps/ferry-trial.yaml --focus cr", FIXTURES) == ["crossing-is-quick"]
    assert complete("argmap render --focus go", FIXTURES) == ["go-to-the-bridge"]


def test_a_registry_that_does_not_read_completes_nothing(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "sources.yaml").write_text("sources: [unclosed\n")
    assert complete("argmap quote ", tmp_path) == []


def test_a_named_pipe_named_as_a_map_completes_nothing_at_once(tmp_path):
    """Completion reads files as argmap does: a FIFO is refused, not waited on."""
    os.mkfifo(tmp_path / "pipe.yaml")
    script = Path(sys.executable).parent / "argmap"
    if not script.exists():
        pytest.skip("the argmap console script is not installed next to this Python")
    words = "argmap render pipe.yaml --focus "
    env = {**os.environ, "_ARGMAP_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "4"}
    done = subprocess.run([str(script)], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=20)
    assert (done.returncode, done.stdout.split()) == (0, [])


def test_a_map_over_the_size_cap_completes_nothing(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from argmap.cli.completion import node_ids

    big = tmp_path / "big.yaml"
    big.write_text("nodes:\n" + "".join(f"  n{i}: {{}}\n" for i in range(100)), encoding="utf-8")
    context = SimpleNamespace(params={"maps": [big]}, args=[])
    assert len(node_ids(context, "n")) == 100
    monkeypatch.setattr("argmap.core.load.MAX_FILE_BYTES", big.stat().st_size - 1)
    assert node_ids(context, "n") == []
