"""Benchmark: whole-process `argmap check` on generated maps, every node citing a real quote
from the seeds, next to Argdown 1.7.5 exporting the same tree with `argdown json` (which only
parses; it checks no citations).

Targets (issue 26): on 10,000 nodes with some warnings (a side without thesis, five ambiguous
quotes), at least 3x faster than that Argdown run and at most 150 MB peak memory; on 200,000
nodes, at most 6 s and 700 MB.

Measured side by side with the code before issue 26's second round (alternating runs, 2 cores,
load average 0.4-2, medians): 10,000 nodes with warnings 0.47 s, CPU 0.47 s, 99 MB (was 0.56 s,
CPU 0.55 s, 102 MB), Argdown 1.36 s: 2.9x (was 2.4x); 200,000 nodes 6.2-6.8 s in three series,
CPU alike, 640 MB (was 7.4-8.7 s, 639 MB). Both goals are still missed on this machine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from common import ARGMAP, OUT, make_project, take_turns, tree_edges

ARGDOWN_VERSION = "1.7.5"
MIN_SPEED_UP = 3.0
MAX_MB_10K = 150
MAX_SECONDS_200K = 6.0
MAX_MB_200K = 700
ROUNDS = 5
HUGE_ROUNDS = 3


def install_argdown() -> Path | None:
    """npm install @argdown/cli into bench/out/argdown once; None when npm is unavailable."""
    home = OUT / "argdown"
    binary = home / "node_modules" / ".bin" / "argdown"
    if binary.exists():
        return binary
    if shutil.which("npm") is None:
        return None
    home.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(home),
                           f"@argdown/cli@{ARGDOWN_VERSION}"], capture_output=True, text=True)
    if done.returncode != 0 or not binary.exists():
        print(f"  (argdown install failed: {done.stderr.strip()[-300:]})")
        return None
    return binary


def write_argdown(project: Path, name: str) -> Path:
    """The same tree in Argdown: each statement with its outgoing support (+>) or attack (->)."""
    lines = []
    arrow = {"supports": "+>", "attacks": "->"}
    for node_id, text, relation, target in tree_edges(project, name):
        lines.append(f"[{node_id}]: {text}")
        if relation:
            lines.append(f"  {arrow[relation]} [{target}]")
        lines.append("")
    path = project / f"{name}.argdown"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def reported_codes(project: Path, name: str) -> str:
    """What the check reports on the map, e.g. "AM315 x1, AM502 x5" ("clean" when nothing)."""
    done = subprocess.run([*ARGMAP, "check", "--format", "json", f"maps/{name}.yaml"], cwd=project,
                          capture_output=True, text=True)
    codes = Counter(d["code"] for d in json.loads(done.stdout)["diagnostics"])
    return ", ".join(f"{code} x{n}" for code, n in sorted(codes.items())) or "clean"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> None:
    print(f"argmap check — whole process, argmap and argdown taking turns, median wall time of {ROUNDS} runs "
          f"({HUGE_ROUNDS} at 200,000 nodes) with the fastest-slowest spread, median CPU time, peak RSS; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    argdown = install_argdown()
    cases = [(1_000, False, False), (10_000, False, False), (10_000, True, False), (200_000, True, True)]
    for nodes, warnings, compact in cases:
        name = f"bench-{nodes}" + ("-warnings" if warnings else "")
        project = make_project(name, nodes, warnings=warnings, compact=compact)
        size = (project / "maps" / f"{name}.yaml").stat().st_size
        huge = nodes > 10_000  # Argdown is not run there: the goal is in seconds
        commands = {"argmap": [*ARGMAP, "check", f"maps/{name}.yaml"]}
        if argdown and not huge:
            source = write_argdown(project, name)
            commands["argdown"] = [str(argdown), "json", str(source), str(project / "argdown-out")]
        runs = take_turns(commands, project, HUGE_ROUNDS if huge else ROUNDS)
        run = runs["argmap"]
        line = (f"  {nodes:>7,} nodes ({size / 1e6:4.1f} MB YAML, {reported_codes(project, name)}): "
                f"argmap check {run.seconds:6.3f} s ({run.spread}), CPU {run.cpu_seconds:5.2f} s, {run.peak_mb:5.0f} MB")
        if "argdown" in runs:
            other = runs["argdown"]
            speed_up = other.seconds / run.seconds
            line += (f" | argdown json {other.seconds:6.3f} s ({other.spread}), CPU {other.cpu_seconds:5.2f} s, "
                     f"{other.peak_mb:4.0f} MB | speed-up {speed_up:4.2f}x (CPU {other.cpu_seconds / run.cpu_seconds:4.2f}x)")
            if nodes == 10_000 and warnings:
                line += (f"  goal >= {MIN_SPEED_UP:.0f}x, <= {MAX_MB_10K} MB "
                         f"[{verdict(speed_up >= MIN_SPEED_UP and run.peak_mb <= MAX_MB_10K)}]")
        if huge:
            line += (f"  goal <= {MAX_SECONDS_200K:.0f} s, <= {MAX_MB_200K} MB "
                     f"[{verdict(run.seconds <= MAX_SECONDS_200K and run.peak_mb <= MAX_MB_200K)}]")
        print(line, flush=True)
    if not argdown:
        print(f"  (Argdown {ARGDOWN_VERSION} not measured: npm is not available or could not install it; no ratio)")
    print(f"  targets: 10,000 nodes with warnings >= {MIN_SPEED_UP:.0f}x faster than argdown json and <= {MAX_MB_10K} MB; "
          f"200,000 nodes <= {MAX_SECONDS_200K:.0f} s and <= {MAX_MB_200K:,} MB")


if __name__ == "__main__":
    sys.exit(main())
