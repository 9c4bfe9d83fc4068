"""Benchmark of start-up: the whole `argmap --version` process and `argmap check` of the map
`argmap init` writes (8 nodes, 6 quotes), next to a bare Python start for reference.

Targets (issue 26): at most 0.15 s and 0.2 s, medians. The three commands take turns, so that
they see the same load on the machine; the median, not the best, is what a user waits.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ARGMAP, measure, user_environment

ROUNDS = 9
TARGET_VERSION_SECONDS = 0.15
TARGET_INIT_CHECK_SECONDS = 0.2


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="argmap-bench-startup-") as folder:
        project = Path(folder)
        done = subprocess.run([*ARGMAP, "init"], cwd=project, env=user_environment(), capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"argmap init failed ({done.returncode}): {done.stderr[-2000:]}")
        commands = {"python -c pass": [sys.executable, "-c", "pass"], "argmap --version": [*ARGMAP, "--version"],
                    "argmap check (init example)": [*ARGMAP, "check"]}
        for command in commands.values():  # warm-up: bytecode cached, files in the page cache
            measure(command, project, repeat=1, warm_up=False)
        runs: dict[str, list] = {name: [] for name in commands}
        for _ in range(ROUNDS):
            for name, command in commands.items():
                runs[name].append(measure(command, project, repeat=1, warm_up=False))
    targets = {"argmap --version": TARGET_VERSION_SECONDS, "argmap check (init example)": TARGET_INIT_CHECK_SECONDS}
    print(f"start-up — whole process, median of {ROUNDS} runs taking turns (wall time, peak RSS)")
    for name, measured in runs.items():
        median = statistics.median(run.seconds for run in measured)
        peak = max(run.peak_mb for run in measured)
        line = f"  {name:<28} {median:6.3f} s  {peak:4.0f} MB"
        if name in targets:
            met = median <= targets[name]
            line += f"  goal <= {targets[name]:.2f} s  [{'ok' if met else 'MISSED'}]"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
