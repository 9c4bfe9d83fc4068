"""Helpers shared by the benchmark scripts: generated maps with real, verifiable quotes, and
whole-process timing with peak memory."""

from __future__ import annotations

import os
import re
import shutil
import statistics
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


def measure(command: list[str], cwd: Path, repeat: int = 3, warm_up: bool = True) -> Run:
    """Best wall time of `repeat` runs (after one warm-up run), and the largest peak RSS, of a
    whole process."""
    if warm_up:
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


@dataclass
class Rounds:
    """Whole-process runs of one command: wall and CPU seconds, peak RSS of each."""

    runs: list[tuple[float, float, float]]  # (wall s, CPU s, peak MB)

    def median(self, what: int = 0) -> float:
        return statistics.median(run[what] for run in self.runs)

    @property
    def seconds(self) -> float:
        return self.median(0)

    @property
    def cpu_seconds(self) -> float:
        return self.median(1)

    @property
    def peak_mb(self) -> float:
        return max(run[2] for run in self.runs)

    @property
    def spread(self) -> str:
        """The fastest and slowest wall times: how much the machine's load moved the runs."""
        walls = sorted(run[0] for run in self.runs)
        return f"{walls[0]:.2f}-{walls[-1]:.2f}"


def take_turns(commands: dict[str, list[str]], cwd: Path, rounds: int, warm_up: bool = True) -> dict[str, Rounds]:
    """Each command run ``rounds`` times, the commands taking turns, so that they see the same load
    on the machine (medians of runs measured together compare; runs minutes apart do not)."""
    if warm_up:  # bytecode cached, files in the page cache
        for command in commands.values():
            subprocess.run(command, cwd=cwd, env=user_environment(), capture_output=True)
    found: dict[str, Rounds] = {name: Rounds([]) for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=cwd, env=user_environment(), stdout=subprocess.DEVNULL,
                                       stderr=subprocess.PIPE)
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - start
            stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
            if os.waitstatus_to_exitcode(status) not in (0, 1):
                raise SystemExit(f"{' '.join(command)} failed ({os.waitstatus_to_exitcode(status)}): {stderr[-2000:]}")
            found[name].runs.append((elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024))
    return found


def seed_sentences() -> list[tuple[str, str]]:
    """(source id, sentence) pairs: sentences of at least 8 words that occur once in their source."""
    from argmap.core.load import load_yaml
    from argmap.quotes.match import SourceText, canonical

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


def ambiguous_phrases(count: int) -> list[tuple[str, str]]:
    """(source id, phrase) pairs: phrases of six words that occur more than once in their source
    (each quote of them gets the AM502 warning)."""
    from argmap.core.load import load_yaml
    from argmap.quotes.match import SourceText, canonical

    registry, _ = load_yaml(REPO / "seeds" / "sources.yaml")
    found = []
    for source_id, entry in registry.data["sources"].items():
        text = SourceText((REPO / "seeds" / entry["file"]).read_text(encoding="utf-8"))
        words = canonical(text.text).split()
        seen: set[str] = set()
        for i in range(len(words) - 6):
            phrase = " ".join(words[i:i + 6])
            if phrase in seen and '"' not in phrase and "\\" not in phrase and len(text.find(phrase).matches) > 1:
                found.append((source_id, phrase))
                if len(found) == count:
                    return found
            seen.add(phrase)
    raise SystemExit(f"the seeds hold fewer than {count} repeated phrases")


# A map of 200,000 nodes written with the usual texts is 88 MB, above the 64 MiB that argmap
# reads; the compact form (short texts and quotes) keeps it under that cap.
COMPACT_QUOTE_CHARS = 120


def make_project(name: str, nodes: int, warnings: bool = False, compact: bool = False) -> Path:
    """bench/out/<name>: a copy of seeds/ and maps/<name>.yaml, a tree of `nodes` nodes, each citing
    a different-as-possible real sentence from the seeds (so every quote verifies).

    With ``warnings``, the con side has no thesis (AM315) and five quotes occur twice in their
    source (AM502): warnings only, so the map still passes without --strict."""
    project = OUT / name
    if project.exists():
        shutil.rmtree(project)
    (project / "maps").mkdir(parents=True)
    shutil.copytree(REPO / "seeds", project / "seeds")
    sentences = seed_sentences()
    if compact:
        sentences = [pair for pair in sentences if len(pair[1]) <= COMPACT_QUOTE_CHARS]
    ambiguous = dict(enumerate(ambiguous_phrases(5), start=2)) if warnings else {}
    con_root = ["  t1:", "    type: claim", "    supports: [t0]", "    analytic: true"] if warnings else [
        "  t1:", "    type: thesis", "    side: con"]
    lines = [
        "argmap: 1", f"id: {name}", f"title: Generated map of {nodes} nodes", "question: Does it scale?", "lang: en",
        "sides:", "  pro: It scales", "  con: It does not", "nodes:",
        "  t0:", "    type: thesis", "    side: pro", "    text: The pro thesis.",
        *con_root, "    text: The con thesis.",
    ]
    for i in range(2, nodes):
        parent = "t0" if i < 4 else f"n{(i - 2) // 3}" if (i - 2) // 3 >= 2 else "t0"
        source_id, sentence = ambiguous.get(i) or sentences[i % len(sentences)]
        relation = "supports" if i % 5 else "attacks"
        node_type = "claim" if relation == "supports" else "objection"
        text = f"Point {i}." if compact else \
            f"Generated point number {i}, which argues about alliances, balance of power and deterrence."
        translation = f"T{i % len(sentences)}." if compact else f"Translation of sentence {i % len(sentences)}."
        lines += [
            f"  n{i}:", f"    type: {node_type}",
            f"    text: {text}",
            f"    {relation}: [{parent}]", "    evidence:",
            f"      - source: {source_id}", f"        quote: {yaml_string(sentence)}",
            f"        translation: {translation}",
        ]
    lines += ["  n1:", "    type: claim", "    text: The con side's own claim.", "    supports: [t1]", "    analytic: true"]
    (project / "maps" / f"{name}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return project


def tree_edges(project: Path, name: str):
    """(id, text, relation, parent) rows of a generated map, for other tools' formats."""
    from argmap.core.load import load_yaml

    doc, _ = load_yaml(project / "maps" / f"{name}.yaml")
    for node_id, node in doc.data["nodes"].items():
        for relation in ("supports", "attacks"):
            for target in node.get(relation, []):
                yield node_id, node["text"], relation, target
        if node["type"] == "thesis":
            yield node_id, node["text"], None, None
