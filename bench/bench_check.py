"""Benchmark: whole-process `argmap check` on generated 1,000- and 10,000-node maps, every
node citing a real quote from the seeds, next to Argdown 1.7.5 exporting the same tree with
`argdown json` (which only parses; it checks no citations).

Targets (issue 2): at least 2x faster than that Argdown run, and at most 300 MB peak memory.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from common import ARGMAP, OUT, measure, make_project, tree_edges

ARGDOWN_VERSION = "1.7.5"


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


def main() -> None:
    print("argmap check — whole process, best of 3 (wall time, peak RSS)")
    argdown = install_argdown()
    for nodes in (1_000, 10_000):
        name = f"bench-{nodes}"
        project = make_project(name, nodes)
        size = (project / "maps" / f"{name}.yaml").stat().st_size
        run = measure([*ARGMAP, "check", f"maps/{name}.yaml"], cwd=project)
        line = f"  {nodes:>6,} nodes ({size / 1e6:.1f} MB YAML, {nodes - 3:,} quotes): argmap check {run.seconds:6.3f} s, {run.peak_mb:5.0f} MB"
        if run.returncode != 0:
            line += "  (map not clean!)"
        if argdown:
            source = write_argdown(project, name)
            other = measure([str(argdown), "json", str(source), str(project / "argdown-out")], cwd=project)
            line += f" | argdown json {other.seconds:6.3f} s, {other.peak_mb:5.0f} MB | speed-up {other.seconds / run.seconds:4.1f}x"
        print(line)
    if not argdown:
        print("  (Argdown not measured: npm is not available)")
    print("  targets: >= 2x faster than argdown json; <= 300 MB")


if __name__ == "__main__":
    sys.exit(main())
