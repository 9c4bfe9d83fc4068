"""Helpers shared by the benchmark scripts: generated maps with real, verifiable quotes, and
whole-process timing with peak memory."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
ARGMAP = [sys.executable, "-m", "argmap"]

sys.path.insert(0, str(REPO))


@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int


def user_environment() -> dict[str, str]:
    """The environment a user has: Python may cache bytecode (some sandboxes switch that off,
    which makes every run compile argmap from source)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(command: list[str], cwd: Path, repeat: int = 3) -> Run:
    """Best wall time of `repeat` runs (after one warm-up run), and the largest peak RSS, of a
    whole process."""
    subprocess.run(command, cwd=cwd, env=user_environment(), capture_output=True)
    best, peak, code = float("inf"), 0.0, 0
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=user_environment(), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
        if process.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {stderr[-2000:]}")
        best, peak, code = min(best, elapsed), max(peak, usage.ru_maxrss / 1024), process.returncode
    return Run(best, peak, code)


def seed_sentences() -> list[tuple[str, str]]:
    """(source id, sentence) pairs: sentences of at least 8 words that occur once in their source."""
    from argmap.citations import SourceText, canonical
    from argmap.load import load_yaml

    registry, _ = load_yaml(REPO / "seeds" / "sources.yaml")
    pairs = []
    for source_id, entry in registry.data["sources"].items():
        text = SourceText((REPO / "seeds" / entry["file"]).read_text(encoding="utf-8"))
        for sentence in re.split(r"(?<=[.!?])\s+", canonical(text.text)):
            sentence = sentence.strip()
            if len(sentence.split()) >= 8 and '"' not in sentence and "\\" not in sentence and text.find(sentence).unique:
                pairs.append((source_id, sentence))
    return pairs


def yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_project(name: str, nodes: int) -> Path:
    """bench/out/<name>: a copy of seeds/ and maps/<name>.yaml, a tree of `nodes` nodes, each citing
    a different-as-possible real sentence from the seeds (so every quote verifies)."""
    project = OUT / name
    if project.exists():
        shutil.rmtree(project)
    (project / "maps").mkdir(parents=True)
    shutil.copytree(REPO / "seeds", project / "seeds")
    sentences = seed_sentences()
    lines = [
        "argmap: 1", f"id: {name}", f"title: Generated map of {nodes} nodes", "question: Does it scale?", "lang: en",
        "sides:", "  pro: It scales", "  con: It does not", "nodes:",
        "  t0:", "    type: thesis", "    side: pro", "    text: The pro thesis.",
        "  t1:", "    type: thesis", "    side: con", "    text: The con thesis.",
    ]
    for i in range(2, nodes):
        parent = "t0" if i < 4 else f"n{(i - 2) // 3}" if (i - 2) // 3 >= 2 else "t0"
        source_id, sentence = sentences[i % len(sentences)]
        relation = "supports" if i % 5 else "attacks"
        node_type = "claim" if relation == "supports" else "objection"
        lines += [
            f"  n{i}:", f"    type: {node_type}",
            f"    text: Generated point number {i}, which argues about alliances, balance of power and deterrence.",
            f"    {relation}: [{parent}]", "    evidence:",
            f"      - source: {source_id}", f"        quote: {yaml_string(sentence)}",
            f"        translation: Translation of sentence {i % len(sentences)}.",
        ]
    lines += ["  n1:", "    type: claim", "    text: The con side's own claim.", "    supports: [t1]", "    analytic: true"]
    (project / "maps" / f"{name}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return project


def tree_edges(project: Path, name: str):
    """(id, text, relation, parent) rows of a generated map, for other tools' formats."""
    from argmap.load import load_yaml

    doc, _ = load_yaml(project / "maps" / f"{name}.yaml")
    for node_id, node in doc.data["nodes"].items():
        for relation in ("supports", "attacks"):
            for target in node.get(relation, []):
                yield node_id, node["text"], relation, target
        if node["type"] == "thesis":
            yield node_id, node["text"], None, None
