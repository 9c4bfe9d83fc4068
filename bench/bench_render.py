"""Benchmark of `argmap render`: generated maps of 2,000 and 5,000 nodes, next to plain `dot`.

Run directly (``python bench/bench_render.py [--against FOLDER] [--rounds N]``) or through
``make bench``. It first prints the fixed cost every command pays (a bare Python start,
``argmap --version``, rendering a 10-node map), then for each size the medians of 5 runs (after
a warm-up round), the commands taking turns so that all see the same load on the machine, with
their CPU time (user + sys of the process and of the ``dot`` it waited for) and the load average:

* the whole ``argmap render MAP -o OUT`` process (start-up, check with every quote verified,
  evaluation, the verdict's 1,000 samples, DOT generation, Graphviz, atomic write);
* argmap's own DOT generation alone (statuses, view model and DOT text, in-process, best run);
* plain ``dot -Tsvg`` on the very DOT text argmap produced (``argmap render --format dot``);
* the ratio whole-process / plain dot (targets, issue 26: at most 1.15x at 2,000 nodes, on the
  bushy map and on a ternary tree like bench_check's, where dot is quicker; 1.1x at 5,000), and
  the floor: a bare Python start plus plain dot, over plain dot (no Python program can do better),
  and the stack floor: a Python start that imports only what any render of a map needs (typer's
  CLI, the YAML reader and pydantic model, NumPy for the verdict the legend names) plus plain dot;
* with ``--against FOLDER`` (another checkout, e.g. a worktree of main), that checkout's render
  of the same map, run with this one's Python and packages, in the same turns.

Maps are generated in a temporary folder with its own copy of seeds/; every node cites a real
sentence of a seed document, so the check verifies every quote as it would on a real map.
Beyond LARGE_MAP_NODES nodes render switches to the large-map layout (argmap/render/layout.py),
named in the last column.

Figures, against the code before issue 26's render round (2-core machine, load average ~2):
bushy 2,000 nodes 1.62 s (CPU 1.66 s) against 1.72 s (1.69 s), plain dot 0.95 s: 1.71x (1.82x);
tree 2,000 nodes 1.31 s (1.25 s) against 1.41 s (1.39 s), dot 0.65 s: 2.01x (2.17x); bushy 5,000
nodes 5.41 s against 5.77 s, dot 5.07 s: 1.07x (1.14x); a 10-node render 0.355 s (0.424 s). The
floor is 1.03-1.05x; a 10-node render's 0.33 s of fixed cost alone makes ~1.5x on the tree. A
quieter run (load 0.8): bushy 1.61 s (1.66 s) against 1.54 s (1.69 s), tree 1.31 s (1.35 s)
against 1.33 s (1.48 s), 5,000 nodes 1.09x against 1.31x: at 2,000 nodes only CPU clearly gains.
"""

from __future__ import annotations

import argparse
import os
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

from common import Rounds, seed_sentences, user_environment, yaml_string  # noqa: E402

# (shape, nodes) -> the most argmap render may take, as a multiple of plain dot on the same DOT text
TARGET_RATIOS = {("bushy", 2_000): 1.15, ("tree", 2_000): 1.15, ("bushy", 5_000): 1.1}
START_UP_NODES = 10
# What any render of a map has to import before it can hand Graphviz a line: the CLI (typer), the
# map's reader (YAML, the pydantic model) and NumPy for the verdict's samples that the legend names.
# A Python start with these, plus plain dot, is the least this stack can take ("stack floor").
STACK_IMPORTS = "import argmap.cli, argmap.core.load, argmap.core.model, numpy"
ROUNDS = 5
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


def timed(command: list, cwd: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env or user_environment(), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed ({done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return elapsed


def turns(commands: dict[str, tuple[list, dict[str, str]]], cwd: Path, rounds: int = ROUNDS) -> dict[str, Rounds]:
    """Each command ``rounds`` times after one warm-up round, the commands taking turns so that
    they see the same load; wall and CPU seconds (user + sys, the process and what it waited
    for: ``dot`` too) of each run."""
    found = {name: Rounds([]) for name in commands}
    for round_number in range(rounds + 1):
        for name, (command, env) in commands.items():
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - start
            stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
            if os.waitstatus_to_exitcode(status) != 0:
                raise SystemExit(f"{' '.join(map(str, command))} failed: {stderr[-2000:]}")
            if round_number:
                found[name].runs.append((elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024))
    return found


def dot_generation_seconds(project: Path, name: str, repeat: int = ROUNDS) -> float:
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


def baseline_environment(folder: str | None) -> dict[str, str] | None:
    """The environment that runs another checkout's argmap (``--against FOLDER``: a worktree of
    main, say) with this one's Python and packages."""
    if not folder:
        return None
    source = Path(folder).resolve()
    if not (source / "argmap" / "__main__.py").is_file():
        raise SystemExit(f"--against {folder}: no argmap source there (expected {source / 'argmap'})")
    return {**user_environment(), "PYTHONPATH": str(source)}


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="FOLDER",
                        help="also time another checkout's argmap (a worktree of main), in turns with this one")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"runs of each command (default {ROUNDS})")
    options = parser.parse_args(arguments)
    if shutil.which("dot") is None:
        print("Graphviz's dot is not installed (sudo apt-get install graphviz); skipping the render benchmark")
        return 0
    baseline = baseline_environment(options.against)
    sentences = seed_sentences()
    argmap = [sys.executable, "-m", "argmap"]
    here = user_environment()
    with tempfile.TemporaryDirectory(prefix="argmap-bench-render-") as folder:
        project = Path(folder)
        shutil.copytree(ROOT / "seeds", project / "seeds")
        (project / "maps").mkdir()
        from argmap.render.layout import plan_layout

        tiny = project / "maps" / "render-tiny.yaml"
        tiny.write_text(generated_map("render-tiny", START_UP_NODES, sentences), encoding="utf-8")
        starts = {"bare": ([sys.executable, "-c", "pass"], here), "version": ([*argmap, "--version"], here),
                  "tiny": ([*argmap, "render", tiny, "-o", project / "out"], here)}
        if baseline:
            starts["against"] = ([*argmap, "render", tiny, "-o", project / "against"], baseline)
        fixed = turns(starts, project, options.rounds)
        print(f"start-up (medians of {options.rounds}): python {fixed['bare'].seconds:.3f}s, argmap --version "
              f"{fixed['version'].seconds:.3f}s, render of {START_UP_NODES} nodes {fixed['tiny'].seconds:.3f}s "
              f"(CPU {fixed['tiny'].cpu_seconds:.3f}s)" + (f"; against: {fixed['against'].seconds:.3f}s "
                                                          f"(CPU {fixed['against'].cpu_seconds:.3f}s)" if baseline else ""),
              flush=True)
        print(f"medians of {options.rounds} runs taking turns; CPU = user + sys of the process and its dot; "
              "floor = a bare python start + plain dot, over plain dot; stack = a python start importing what any render "
              "of a map needs (CLI, YAML reader, pydantic model, NumPy for the verdict) + plain dot, over plain dot")
        against = "  against: render (CPU)  ratio" if baseline else ""
        print(f"{'shape':>5} {'nodes':>6}  {'argmap render (CPU)':>20}  {'DOT gen':>7}  {'plain dot (CPU)':>16}  "
              f"{'ratio':>5}  {'floor':>5}  {'stack':>6}  {'goal':>6}{against}  {'load':>4}  layout")
        for (shape, nodes), target in TARGET_RATIOS.items():
            name = f"render-{shape}-{nodes}"
            map_file = project / "maps" / f"{name}.yaml"
            map_file.write_text(generated_map(name, nodes, sentences, shape), encoding="utf-8")
            timed([*argmap, "render", map_file, "-o", project / "out", "--format", "dot"], project)
            dot_file = project / "out" / f"{name}.dot"
            commands = {"render": ([*argmap, "render", map_file, "-o", project / "out"], here),
                        "dot": (["dot", "-Tsvg", dot_file, "-o", project / "plain.svg"], here),
                        "bare": ([sys.executable, "-c", "pass"], here),
                        "stack": ([sys.executable, "-c", STACK_IMPORTS], {**here, "OPENBLAS_NUM_THREADS": "1"})}
            if baseline:
                commands["against"] = ([*argmap, "render", map_file, "-o", project / "against"], baseline)
            load = os.getloadavg()[0]
            found = turns(commands, project, options.rounds)
            load = (load + os.getloadavg()[0]) / 2
            generation = dot_generation_seconds(project, name)
            whole, plain = found["render"], found["dot"]
            ratio = whole.seconds / plain.seconds
            floor = (found["bare"].seconds + plain.seconds) / plain.seconds
            stack = (found["stack"].seconds + plain.seconds) / plain.seconds
            other = ""
            if baseline:
                old = found["against"]
                other = f"  {old.seconds:>8.2f}s ({old.cpu_seconds:.2f}s)  {old.seconds / plain.seconds:>4.2f}x"
            print(f"{shape:>5} {nodes:>6,}  {whole.seconds:>11.2f}s ({whole.cpu_seconds:.2f}s)  {generation:>6.3f}s  "
                  f"{plain.seconds:>7.2f}s ({plain.cpu_seconds:.2f}s)  {ratio:>4.2f}x  {floor:>4.2f}x  {stack:>5.2f}x  <={target:>4.2f}x"
                  f"{other}  {load:>4.1f}  {plan_layout(nodes).name}{'' if ratio <= target else '  OVER TARGET'}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
