"""Benchmark of `argmap eval`: grounded labelling at scale, and how far the exact search goes.

Run directly (``python bench/bench_eval.py``) or through ``make bench``. It prints:

1. grounded labelling of a random framework of 100,000 arguments and 300,000 attacks (fixed
   seed): the engine alone (labelling, and labelling plus the per-argument reasons), and the
   whole ``argmap eval FILE.af`` process (start-up, reading the file, evaluation, JSON output);
2. the same framework as an ``.apx`` file (ASPARTIX, one statement a line as ICCMA writes it):
   the whole ``argmap eval FILE.apx`` process, its table of every argument's label and reason
   printed, median of three runs against the goal of :data:`APX_GOAL_SECONDS`;
3. for preferred and stable semantics, the largest random framework (attacks = 3 × arguments,
   fixed seeds) whose evaluation finishes within one second, found by doubling then bisection.

Figures measured on the development machine (CPython 3.11, fixed seeds as below):

* grounded, 100,000 arguments / 300,000 attacks: labelling 0.06–0.07 s; with every
  argument's reason 0.4–0.5 s (reasons are worked out only when shown, and ICCMA output
  shows only the extensions); the whole ``argmap eval random.af --format json`` process 0.9 s, 1.4 s on a loaded machine (of which
  interpreter start-up and imports ≈ 0.3 s, reading the file ≈ 0.4 s);
* the same framework as ``.apx``, whole ``argmap eval random.apx`` process on the shared
  development machine (load 1.6-1.8 on 2 cores), medians of three runs, three times: with the
  table of every argument 1.81, 1.47, 1.43 s (main before the tight reader: 2.31, 2.41, 2.32 s);
  ``--format json`` 1.20, 1.18, 0.97 s (main: 1.62, 1.67, 1.54 s). Issue 26's second round
  (adjacency filled by map() at C speed, the table's cells looked up once per label and escaped
  in one search, no checker imported, what the command built frozen rather than walked by a last
  collection): table 1.19 s, json 0.78 s (medians of 3); side by side with main, medians of 7,
  table 1.27 s against 1.50 s, json 0.87 s against 0.97 s. Issue 20's last round (the reasons
  worked out as lists and their words made by one map() of str.format, no Verdict object per
  argument; the table joined column by column; repeated attacks dropped by their names before
  the look-ups, which then find each name's hash cached; no 300,000 pairs unless asked; the
  adjacency lists made at C speed): side by side with main, whole process, medians of 7 to 9
  runs alternating, wall / CPU (user + sys): table 1.01 / 1.00 s against 1.37 / 1.34 s at load
  2.0; 1.91 / 1.33 s against 2.56 / 1.81 s at load 2.9 (a quarter less CPU either way); json
  0.93 / 0.92 s against 1.04 / 1.03 s at load 2.4. What remains of the table's
  (CPU, loaded machine): start-up and imports ≈ 0.18 s, reading and building the framework
  ≈ 0.35-0.45 s (the regular expressions 0.1 s, the name look-ups 0.12 s, filling the adjacency
  0.1 s), every argument's reason ≈ 0.1 s (a list of the attackers it names, per argument), the
  table ≈ 0.05 s. Issue 20's third round (no pydantic and no map model loaded for a framework:
  the options coerced in plain Python, argmap.cli.coercion; look-ups and adjacency gathered by
  operator.itemgetter in one pass; the attack columns split by map(itemgetter) rather than
  zip(*); the table checked for controls by one bytes.translate; what the command built held to
  the process's end rather than freed object by object): side by side with main, whole process,
  medians of 9 runs alternating, wall / CPU, three rounds as the machine's speed drifted: table
  0.89 / 0.88 s against 1.16 / 1.14 s (load 1.9), 1.06 / 1.06 against 1.34 / 1.34 (load 1.7),
  1.14 / 1.14 against 1.52 / 1.51 (load 1.4); json 0.72 / 0.71 against 0.93 / 0.93 (load 1.9),
  0.96 / 0.95 against 1.29 / 1.29 (load 1.6), 0.71 / 0.71 against 0.93 / 0.93 (load 1.3): a
  quarter less either way, peak memory 145 MB (was 161 MB); this script's median of three 0.87 s,
  json 0.66 s (load 1.1). Most of what remains is memory-bound (300,000 look-ups and appends
  into 100,000 lists spread over memory): reading ≈ 0.3 s, the adjacency ≈ 0.1 s, the reasons
  ≈ 0.1 s, grounded labelling 0.05 s, start-up 0.08 s;
* preferred: random frameworks of up to ≈ 450 arguments (≈ 1,350 attacks) within 1 s;
* stable: random frameworks of up to ≈ 2,200 arguments (≈ 6,500 attacks) within 1 s.

Random frameworks at this density are the hard case for an exact search (about half of the
arguments stay grounded-undecided, in one large strongly connected tangle). Argument maps are
nearly acyclic and decided by the grounded labelling, so their search core is tiny.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.evaluate import Framework, evaluate  # noqa: E402
from argmap.evaluate.search import grounded_codes  # noqa: E402

SEED = 20240601
ARGUMENTS = 100_000
ATTACKS = 300_000
BUDGET_SECONDS = 1.0
APX_GOAL_SECONDS = 1.0  # `argmap eval` of the .apx file, whole process (0.1.0's figure)
APX_RUNS = 3


def random_pairs(arguments: int, attacks: int, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    return [(rng.randrange(arguments), rng.randrange(arguments)) for _ in range(attacks)]


def random_framework(arguments: int, attacks: int, seed: int = SEED) -> Framework:
    names = [str(i) for i in range(1, arguments + 1)]
    return Framework.from_index_pairs(names, random_pairs(arguments, attacks, seed))


def write_af(path: Path, arguments: int, pairs: list[tuple[int, int]]) -> None:
    lines = [f"p af {arguments}", *(f"{a + 1} {t + 1}" for a, t in pairs)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def best_of(repeats: int, action) -> float:
    return min(timed(action)[0] for _ in range(repeats))


def bench_grounded() -> None:
    framework = random_framework(ARGUMENTS, ATTACKS)
    labelling_only = best_of(3, lambda: grounded_codes(framework))
    with_reasons = best_of(3, lambda: evaluate(framework, "grounded").verdicts)
    codes = grounded_codes(framework)
    decided = sum(code != 4 for code in codes)
    print(f"grounded, {ARGUMENTS:,} arguments, {len(framework.pairs):,} attacks "
          f"({decided:,} decided, {ARGUMENTS - decided:,} undecided):")
    print(f"  engine: labelling {labelling_only:.3f} s; with reasons per argument {with_reasons:.3f} s")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.af"
        write_af(path, ARGUMENTS, random_pairs(ARGUMENTS, ATTACKS, SEED))
        command = [sys.executable, "-m", "argmap", "eval", str(path), "--format", "json"]
        elapsed, completed = timed(lambda: subprocess.run(command, cwd=ROOT, capture_output=True))
        if completed.returncode == 0:
            print(f"  whole process `argmap eval random.af --format json`: {elapsed:.3f} s")
        else:
            print(f"  whole process: `argmap eval` failed (exit {completed.returncode}): "
                  f"{completed.stderr.decode(errors='replace').strip()[:200]}")


def write_apx(path: Path, arguments: int, pairs: list[tuple[int, int]]) -> None:
    lines = [*(f"arg(a{i + 1})." for i in range(arguments)), *(f"att(a{a + 1},a{t + 1})." for a, t in pairs)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_process(command: list[str]) -> tuple[float, float, int, str]:
    """Wall and CPU (user + system) seconds of a whole process, its exit code and its stderr. The
    CPU time says less about a machine shared with other work than the wall time does."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status), stderr


def bench_apx() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.apx"
        write_apx(path, ARGUMENTS, random_pairs(ARGUMENTS, ATTACKS, SEED))
        for shown, options in (("table", []), ("--format json", ["--format", "json"])):
            command = [sys.executable, "-m", "argmap", "eval", str(path), *options]
            runs = []
            for _ in range(APX_RUNS):
                wall, cpu, code, stderr = run_process(command)
                if code != 0:
                    print(f"  `argmap eval random.apx` failed (exit {code}): {stderr.strip()[:200]}")
                    return
                runs.append((wall, cpu))
            wall, cpu = (statistics.median(run[i] for run in runs) for i in (0, 1))
            print(f"apx, {ARGUMENTS:,} arguments, {ATTACKS:,} attacks: whole process `argmap eval random.apx` "
                  f"({shown}): median {wall:.2f} s (goal <= {APX_GOAL_SECONDS:.1f} s), CPU {cpu:.2f} s; "
                  f"runs {', '.join(f'{w:.2f}' for w, _ in runs)} s")


def fits(semantics: str, arguments: int, seeds: range) -> bool:
    """Every framework of this size (one per seed) is evaluated within the budget."""
    for seed in seeds:
        framework = random_framework(arguments, 3 * arguments, seed)
        if timed(lambda: evaluate(framework, semantics))[0] > BUDGET_SECONDS:
            return False
    return True


def largest_within_budget(semantics: str, seeds: range = range(3)) -> int:
    low, high = 0, 8
    while fits(semantics, high, seeds):
        low, high = high, high * 2
        if high > 200_000:
            return low
    while high - low > max(1, low // 20):  # to within 5%
        middle = (low + high) // 2
        if fits(semantics, middle, seeds):
            low = middle
        else:
            high = middle
    return low


def bench_exact_search() -> None:
    for semantics in ("preferred", "stable"):
        size = largest_within_budget(semantics)
        print(f"{semantics}: random frameworks of up to ~{size:,} arguments "
              f"({3 * size:,} attacks) within {BUDGET_SECONDS:.0f} s (3 seeds each)")


def main() -> None:
    bench_grounded()
    bench_apx()
    bench_exact_search()


if __name__ == "__main__":
    main()
