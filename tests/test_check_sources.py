"""Source documents that are not regular files are refused for what they are."""

from __future__ import annotations

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
