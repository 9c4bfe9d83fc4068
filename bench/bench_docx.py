"""Benchmark of `argmap docx`: the Word brief of the largest map in maps/ (the one with the most
nodes, whichever it is when the benchmark runs), into bench/out/docx/.

Run directly (``python bench/bench_docx.py``) or through ``make bench``. It prints the time of
the command's work in this process (check, view model, Word file, write; best of 3 after a
warm-up) and of the whole `argmap docx` process (start-up included; best of 3), with its peak
memory. Target: under 1 s in process.

Figures measured on the development machine (CPython 3.11, 2 cores shared with other work):
nato-expansion (44 nodes, 63 quotes, a 54 KB file) 0.42 s in process, of which the check (every
quote verified) is most; 1.00 s as a whole process, start-up and imports included.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml
from common import ARGMAP, OUT, REPO, measure

from argmap.usecases.brief import write_word_briefs

BUDGET_SECONDS = 1.0
REPEAT = 3


def largest_map() -> tuple[Path, int]:
    sizes = []
    for path in sorted((REPO / "maps").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        sizes.append((len((data or {}).get("nodes") or {}), path))
    nodes, path = max(sizes)
    return path, nodes


def main() -> int:
    path, nodes = largest_map()
    out = OUT / "docx"
    write = lambda: write_word_briefs([path], out, seeds_dir=REPO / "seeds", built="2025-06-01")  # noqa: E731
    outcome = write()  # warm-up: imports, the seeds' text
    if not outcome.written:
        print(f"{path.name}: the check found errors; nothing to time")
        return 1
    best = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        write()
        best = min(best, time.perf_counter() - start)
    run = measure([*ARGMAP, "docx", str(path), "-o", str(out), "--date", "2025-06-01"], cwd=REPO)
    size = (out / f"{path.stem}.docx").stat().st_size // 1024
    print(f"{path.name}: {nodes} nodes -> {size} KB .docx")
    print(f"  in process: {best:.2f} s (target < {BUDGET_SECONDS:.0f} s: {'met' if best < BUDGET_SECONDS else 'MISSED'})")
    print(f"  whole process: {run.seconds:.2f} s, peak {run.peak_mb:.0f} MB")
    return 0 if best < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
