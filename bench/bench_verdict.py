"""Benchmark of the verdict (argmap/evaluate/verdict.py): the margin, 1,000 robustness samples and
the what-if removals behind the decisive clashes, computed together (argmap/evaluate/batch.py).

Run directly (``python bench/bench_verdict.py``) or through ``make bench``. In process, after the
map is validated, best of three (the first run, which also imports NumPy, is shown too):

1. a generated map of 1,000 nodes (two theses; claims under the theses and under each other,
   objections to claims, a tenth of the relations weighted), under qe and dfquad; goal: under 1 s;
2. the largest shipped map in maps/ under its headline semantics; goal: under 0.3 s.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.core.model import ArgMap  # noqa: E402
from argmap.evaluate.registry import map_verdict  # noqa: E402
from argmap.evaluate.verdict import ROBUSTNESS_SAMPLES, headline_semantics  # noqa: E402

SEED = 20261206
NODES = 1_000
GENERATED_GOAL = 1.0
SHIPPED_GOAL = 0.3
REPEAT = 3


def generated_map(nodes: int, seed: int = SEED) -> ArgMap:
    rng = random.Random(seed)
    body = {"tp": {"type": "thesis", "side": "pro", "text": "Yes."},
            "tc": {"type": "thesis", "side": "con", "text": "No."}}
    claims = ["tp", "tc"]
    for i in range(nodes - 2):
        target = rng.choice(claims[:2] if i < 20 else claims)
        entry = {"to": target, "weight": round(rng.random(), 2)} if rng.random() < 0.1 else target
        if target in ("tp", "tc") or rng.random() < 0.7:
            body[f"n{i}"] = {"type": "claim", "text": f"Point {i}.", "supports": [entry], "analytic": True}
            claims.append(f"n{i}")
        else:
            body[f"n{i}"] = {"type": "objection", "text": f"Objection {i}.", "attacks": [entry], "analytic": True}
    return ArgMap.model_validate({"argmap": 2, "id": "bench", "title": "Bench", "question": "Q?",
                                  "sides": {"pro": "Yes", "con": "No"}, "nodes": body})


def timings(model: ArgMap, semantics: str, sources=None) -> tuple[float, float, object]:
    seconds = []
    verdict = None
    for _ in range(REPEAT + 1):
        start = time.perf_counter()
        verdict = map_verdict(model, semantics, sources, samples=ROBUSTNESS_SAMPLES)
        seconds.append(time.perf_counter() - start)
    return seconds[0], min(seconds[1:]), verdict


def shipped() -> tuple[ArgMap, dict] | None:
    from argmap.usecases.check import check

    if not (ROOT / "maps").is_dir():
        return None
    result = check([ROOT / "maps"], ROOT / "seeds")
    if not result.project.maps:
        return None
    largest = max(result.project.maps, key=lambda d: len(d.model.nodes))
    return largest.model, result.project.registered


def main() -> int:
    met = True
    model = generated_map(NODES)
    for semantics in ("qe", "dfquad"):
        first, best, verdict = timings(model, semantics)
        ok = best < GENERATED_GOAL
        met &= ok
        print(f"{NODES:,}-node map, {semantics}, {ROBUSTNESS_SAMPLES:,} samples: best {best:.3f} s "
              f"(first run {first:.3f} s); goal < {GENERATED_GOAL} s: {'met' if ok else 'NOT met'}; "
              f"{verdict.summary}, robustness {verdict.robustness:.0%}")
    found = shipped()
    if found is not None:
        largest, sources = found
        semantics = headline_semantics(largest)
        first, best, verdict = timings(largest, semantics, sources)
        ok = best < SHIPPED_GOAL
        met &= ok
        print(f"largest shipped map ({largest.id}, {len(largest.nodes)} nodes), {semantics}: best {best:.3f} s "
              f"(first run {first:.3f} s); goal < {SHIPPED_GOAL} s: {'met' if ok else 'NOT met'}; {verdict.summary}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
