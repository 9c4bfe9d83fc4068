"""Source documents that are not regular files are refused for what they are."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import CASES

GOOD_MAP = CASES / "good" / "minimal.yaml"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("kind, described", [("fifo", "named pipe"), ("folder", "directory")])
def test_a_source_that_is_no_regular_file_is_named_for_what_it_is(tmp_path: Path, run_argmap, kind, described):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    special = seeds / "special.txt"
    if kind == "fifo":
        os.mkfifo(special)  # reading it would wait forever for a writer
    else:
        special.mkdir()
    (seeds / "sources.yaml").write_text("sources:\n  x:\n    file: special.txt\n    title: X\n", encoding="utf-8")
    done = run_argmap(["check", "--seeds", seeds, GOOD_MAP], cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    line = next(line for line in done.stdout.splitlines() if "special.txt" in line)
    assert line.startswith("seeds/special.txt:1:1: error AM100:") and described in line
    assert "AM402" not in done.stdout  # it exists: "not found" would send the user looking for it
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("broken", ["sources:\n  x: [\n", "sources:\n  x:\n    file: x.txt\n    volume: [1]\n"],
                         ids=["syntax", "schema"])
def test_a_registry_that_does_not_read_is_reported_once_not_per_quote(tmp_path: Path, cli, broken: str):
    from conftest import SEEDS

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "sources.yaml").write_text(broken, encoding="utf-8")
    (seeds / "x.txt").write_text("X.\n", encoding="utf-8")
    map_text = next(SEEDS.parent.glob("maps/*.yaml")).read_text(encoding="utf-8")
    assert "source:" in map_text  # a map that quotes sources: each would be "unknown" otherwise
    (tmp_path / "m.yaml").write_text(map_text, encoding="utf-8")
    checked = cli(["check", "--seeds", seeds, tmp_path / "m.yaml", "--format", "json"])
    codes = [d["code"] for d in json.loads(checked.stdout)["diagnostics"]]
    assert checked.exit_code == 1 and "AM405" not in codes and any(c in codes for c in ("AM103", "AM203"))
    quoted = cli(["quote", "x", "some words", "--seeds", seeds])
    assert quoted.exit_code == 2
    assert "sources.yaml cannot be read as a sources registry" in quoted.stderr
