"""Benchmark of `argmap render`: generated maps of 2,000 and 5,000 nodes, next to plain `dot`.

Run directly (``python bench/bench_render.py``) or through ``make bench``. It first prints the
fixed cost every command pays (a bare Python start, ``argmap --version``, rendering a 10-node
map), then for each size, best of a few runs, argmap and dot taking turns so that both see the
same load on the machine:

* the whole ``argmap render MAP -o OUT`` process (start-up, check with every quote verified,
  evaluation, DOT generation, Graphviz, atomic write);
* argmap's own DOT generation alone (statuses, view model and DOT text, in-process);
* plain ``dot -Tsvg`` on the very DOT text argmap produced (``argmap render --format dot``);
* the ratio whole-process / plain dot (targets, issue 26: at most 1.15x at 2,000 nodes, on the
  bushy map and on a ternary tree like bench_check's, where dot is quicker; 1.1x at 5,000).

Maps are generated in a temporary folder with its own copy of seeds/; every node cites a real
sentence of a seed document, so the check verifies every quote as it would on a real map.
Beyond LARGE_MAP_NODES nodes render switches to the large-map layout (argmap/render/layout.py),
named in the last column.
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

from common import seed_sentences, user_environment, yaml_string  # noqa: E402

# (shape, nodes) -> the most argmap render may take, as a multiple of plain dot on the same DOT text
TARGET_RATIOS = {("bushy", 2_000): 1.15, ("tree", 2_000): 1.15, ("bushy", 5_000): 1.1}
START_UP_NODES = 10
REPEAT = 5
SEED = 4


def generated_map(name: str, nodes: int, sentences: list[tuple[str, str]], shape: str = "bushy") -> str:
    """A map of ``nodes`` nodes with every type and both relations: each node hangs under a node
    from the later part of those before it, so the tree is bushy and about 20 ranks deep; or,
    as ``shape="tree"``, under node (i - 2) // 3, a ternary tree about 7 ranks deep."""
    rng = random.Random(SEED)
    lines = [
        "argmap: 1", f"id: {name}", f"title: Generated map of {nodes:,} nodes", "question: Does rendering scale?",
        "lang: en", "sides:", "  pro: It scales", "  con: It does not", "nodes:",
        "  t0:", "    type: thesis", "    side: pro", "    text: The pro thesis.", "    analytic: true",
        "  t1:", "    type: thesis", "    side: con", "    text: The con thesis.", "    analytic: true",
    ]
    types = {"t0": "thesis", "t1": "thesis"}
    for i in range(2, nodes):
        if i <= 4:
            parent = rng.choice(("t0", "t1"))
        elif shape == "tree":
            parent = f"n{max(2, (i - 2) // 3)}"
        else:
            parent = f"n{rng.randrange(max(2, i // 3), i)}"
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


def timed(command: list, cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=user_environment(), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed ({done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return elapsed


def best_of(commands: list[list], cwd: Path, repeat: int = REPEAT) -> list[float]:
    """Best wall time of each command; the commands take turns, after one warm-up round."""
    best = [float("inf")] * len(commands)
    for round_number in range(repeat + 1):
        for index, command in enumerate(commands):
            elapsed = timed(command, cwd)
            if round_number:
                best[index] = min(best[index], elapsed)
    return best


def dot_generation_seconds(project: Path, name: str, repeat: int = REPEAT) -> float:
    """In-process: from the checked map to DOT text (statuses, view, DOT), as render does it."""
    from argmap.usecases.check import check
    from argmap.render.drawing import RenderOptions, document_dot

    result = check([project / "maps" / f"{name}.yaml"], project / "seeds")
    assert not result.errors, "generated map has errors"
    document = result.project.maps[0]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        document_dot(document, result.evaluations, RenderOptions())
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    if shutil.which("dot") is None:
        print("Graphviz's dot is not installed (sudo apt-get install graphviz); skipping the render benchmark")
        return 0
    sentences = seed_sentences()
    argmap = [sys.executable, "-m", "argmap"]
    with tempfile.TemporaryDirectory(prefix="argmap-bench-render-") as folder:
        project = Path(folder)
        shutil.copytree(ROOT / "seeds", project / "seeds")
        (project / "maps").mkdir()
        from argmap.render.layout import plan_layout

        tiny = project / "maps" / "render-tiny.yaml"
        tiny.write_text(generated_map("render-tiny", START_UP_NODES, sentences), encoding="utf-8")
        bare, version, tiny_render = best_of(
            [[sys.executable, "-c", "pass"], [*argmap, "--version"], [*argmap, "render", tiny, "-o", project / "out"]],
            project)
        print(f"start-up: python {bare:.3f}s, argmap --version {version:.3f}s, "
              f"render of {START_UP_NODES} nodes {tiny_render:.3f}s", flush=True)

        print(f"{'shape':>5} {'nodes':>6}  {'argmap render':>13}  {'DOT gen':>8}  {'plain dot':>9}  {'ratio':>5}  {'goal':>6}  layout")
        for (shape, nodes), target in TARGET_RATIOS.items():
            name = f"render-{shape}-{nodes}"
            map_file = project / "maps" / f"{name}.yaml"
            map_file.write_text(generated_map(name, nodes, sentences, shape), encoding="utf-8")
            timed([*argmap, "render", map_file, "-o", project / "out", "--format", "dot"], project)
            dot_file = project / "out" / f"{name}.dot"
            whole, plain = best_of([[*argmap, "render", map_file, "-o", project / "out"],
                                    ["dot", "-Tsvg", dot_file, "-o", project / "plain.svg"]], project)
            generation = dot_generation_seconds(project, name)
            ratio = whole / plain
            print(f"{shape:>5} {nodes:>6,}  {whole:>12.2f}s  {generation:>7.3f}s  {plain:>8.2f}s  {ratio:>4.2f}x  "
                  f"<={target:>4.2f}x  {plan_layout(nodes).name}{'' if ratio <= target else '  OVER TARGET'}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
