"""Benchmark of `argmap render`: generated maps of 1,000 and 5,000 nodes, next to plain `dot`.

Run directly (``python bench/bench_render.py``) or through ``make bench``. For each size it
prints, best of a few runs:

* the whole ``argmap render MAP -o OUT`` process (start-up, check with every quote verified,
  evaluation, DOT generation, Graphviz, atomic write);
* argmap's own DOT generation alone (statuses, view model and DOT text, in-process);
* plain ``dot -Tsvg`` on the very DOT text argmap produced (``argmap render --format dot``);
* the ratio whole-process / plain dot (target: within 1.3x).

Maps are generated in a temporary folder with its own copy of seeds/; every node cites a real
sentence of a seed document, so the check verifies every quote as it would on a real map.
Beyond LARGE_MAP_NODES nodes render switches to the large-map layout (argmap/render/layout.py);
the figures for the full-quality layout on the same maps are printed for comparison when
``--full-quality`` is given (they take minutes at 5,000 nodes).
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import seed_sentences, yaml_string  # noqa: E402

SIZES = (1_000, 5_000)
REPEAT = 3
SEED = 4


def generated_map(name: str, nodes: int, sentences: list[tuple[str, str]]) -> str:
    """A map of ``nodes`` nodes with every type and both relations: each node hangs under a node
    from the later part of those before it, so the tree is bushy and about 20 ranks deep."""
    rng = random.Random(SEED)
    lines = [
        "argmap: 1", f"id: {name}", f"title: Generated map of {nodes:,} nodes", "question: Does rendering scale?",
        "lang: en", "sides:", "  pro: It scales", "  con: It does not", "nodes:",
        "  t0:", "    type: thesis", "    side: pro", "    text: The pro thesis.", "    analytic: true",
        "  t1:", "    type: thesis", "    side: con", "    text: The con thesis.", "    analytic: true",
    ]
    types = {"t0": "thesis", "t1": "thesis"}
    for i in range(2, nodes):
        parent = f"n{rng.randrange(max(2, i // 3), i)}" if i > 4 else rng.choice(("t0", "t1"))
        parent_type = types[parent]
        if parent_type in ("objection", "rebuttal"):
            node_type, relation = rng.choice((("rebuttal", "attacks"), ("claim", "supports")))
        else:
            node_type, relation = rng.choice((("claim", "supports"), ("claim", "supports"), ("objection", "attacks")))
        types[f"n{i}"] = node_type
        source_id, sentence = sentences[i % len(sentences)]
        lines += [
            f"  n{i}:", f"    type: {node_type}",
            f"    text: Generated point {i}, on alliances, the balance of power and deterrence in Europe.",
            f"    {relation}: [{parent}]", "    evidence:",
            f"      - source: {source_id}", f"        quote: {yaml_string(sentence)}",
            f"        translation: Translation of sentence {i % len(sentences)}.",
        ]
    return "\n".join(lines) + "\n"


def best_of(command: list[str], cwd: Path, repeat: int = REPEAT) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(map(str, command))} failed ({done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
        best = min(best, elapsed)
    return best


def dot_generation_seconds(project: Path, name: str, repeat: int = REPEAT) -> float:
    """In-process: from the checked map to DOT text (statuses, view, DOT), as render does it."""
    from argmap.check import check
    from argmap.render.command import RenderOptions, document_dot

    result = check([project / "maps" / f"{name}.yaml"], project / "seeds")
    assert not result.errors, "generated map has errors"
    document = result.project.maps[0]
    sources = {source_id: doc.source for source_id, doc in result.project.sources.items()}
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        document_dot(document, sources, RenderOptions())
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    if shutil.which("dot") is None:
        print("Graphviz's dot is not installed (sudo apt-get install graphviz); skipping the render benchmark")
        return 0
    sentences = seed_sentences()
    argmap = [sys.executable, "-m", "argmap", "render"]
    print(f"{'nodes':>6}  {'argmap render':>13}  {'DOT gen':>8}  {'plain dot':>9}  {'ratio':>5}  layout")
    with tempfile.TemporaryDirectory(prefix="argmap-bench-render-") as folder:
        project = Path(folder)
        shutil.copytree(ROOT / "seeds", project / "seeds")
        (project / "maps").mkdir()
        from argmap.render.layout import plan_layout

        for nodes in SIZES:
            name = f"render-{nodes}"
            map_file = project / "maps" / f"{name}.yaml"
            map_file.write_text(generated_map(name, nodes, sentences), encoding="utf-8")
            best_of([*argmap, map_file, "-o", project / "out", "--format", "dot"], project, repeat=1)
            dot_file = project / "out" / f"{name}.dot"
            whole = best_of([*argmap, map_file, "-o", project / "out"], project)
            plain = best_of(["dot", "-Tsvg", dot_file, "-o", project / "plain.svg"], project)
            generation = dot_generation_seconds(project, name)
            print(f"{nodes:>6,}  {whole:>12.2f}s  {generation:>7.3f}s  {plain:>8.2f}s  {whole / plain:>4.2f}x  "
                  f"{plan_layout(nodes).name}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
