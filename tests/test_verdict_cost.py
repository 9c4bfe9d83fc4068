"""What a verdict costs where it is shown: a diagram's legend names the leader, margin and
robustness only, so drawing a map weighs no what-ifs (one evaluation per node and relation,
most of a verdict's work on a large map); the brief, which lists the decisive clashes, still
gets them from the same run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.evaluate import verdict as verdict_module
from argmap.evaluate.evaluations import Evaluations
from argmap.usecases.check import check

MAP = """\
argmap: 2
id: harbour
title: The harbour wall
question: Should the city extend the harbour wall?
lang: en
sides: {{pro: Extend the wall, con: Keep the wall as it is}}
{expect}nodes:
  extend: {{type: thesis, side: pro, title: Extend the wall, text: The city should extend the harbour wall.}}
  keep: {{type: thesis, side: con, title: Keep the wall, text: The city should keep the wall as it is.}}
  shelter: {{type: claim, title: Shelter, text: A longer wall shelters the fleet., supports: [extend], analytic: true}}
  storms: {{type: objection, title: Storms, text: Storms would top any wall., attacks: [shelter], analytic: true}}
  cost: {{type: claim, title: The cost, text: The work costs more than budgeted., supports: [keep], analytic: true}}
"""
SEMANTICS = {"gradual": "", "dung": "expect:\n  semantics: grounded\n"}


def write(project: Path, kind: str) -> Path:
    path = project / "maps" / "harbour.yaml"
    path.write_text(MAP.format(expect=SEMANTICS[kind]), encoding="utf-8")
    return path


def refuse_what_ifs(monkeypatch) -> None:
    def no_what_ifs(*args, **kwargs):
        raise AssertionError("the what-ifs were computed")

    monkeypatch.setattr(verdict_module, "_candidates", no_what_ifs)
    monkeypatch.setattr(verdict_module, "_near_theses", no_what_ifs)


@pytest.mark.parametrize("kind", sorted(SEMANTICS))
def test_a_diagram_names_the_verdict_without_computing_what_ifs(cli, project, monkeypatch, kind):
    path = write(project, kind)
    refuse_what_ifs(monkeypatch)
    result = cli(["render", path, "--seeds", project / "seeds", "-f", "dot", "-o", project / "out"])
    assert result.exit_code == 0, result.output
    assert "verdict under " in (project / "out" / "harbour.dot").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", sorted(SEMANTICS))
def test_the_verdict_without_what_ifs_is_the_same_verdict_and_a_later_full_one_has_them(project, kind):
    checked = check([write(project, kind)], project / "seeds")
    model = checked.project.maps[0].model
    evaluations = Evaluations(checked.project.registered)
    short = evaluations.verdict(model, what_ifs=False)
    full = evaluations.verdict(model)
    assert short.decisive == () and full.decisive
    assert (short.leader, short.margin, short.robustness, short.samples) == \
        (full.leader, full.margin, full.robustness, full.samples)
    assert evaluations.verdict(model, what_ifs=False) is full  # the full one serves both from then on


VERDICT_IN_A_FRESH_PROCESS = """
import os, sys
from argmap.core.model import ArgMap
from argmap.evaluate.registry import map_verdict
nodes = {"tp": {"type": "thesis", "side": "pro", "text": "Yes."}, "tc": {"type": "thesis", "side": "con", "text": "No."},
         "a": {"type": "claim", "text": "A point.", "supports": ["tp"], "analytic": True}}
argmap = ArgMap.model_validate({"argmap": 2, "id": "v", "title": "V", "question": "Q?",
                                "sides": {"pro": "Yes", "con": "No"}, "nodes": nodes})
assert "numpy" not in sys.modules
map_verdict(argmap, "qe", samples=10)
threads = open("/proc/self/status").read().split("Threads:")[1].split()[0]
print(threads, os.environ.get("OPENBLAS_NUM_THREADS", "unset"))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists() or (os.cpu_count() or 1) < 2,
                    reason="counts threads through Linux's /proc, on a machine where OpenBLAS would start several")
@pytest.mark.parametrize("chosen", [None, "2"])
def test_numpy_starts_no_blas_threads_for_a_verdict_unless_the_user_chose_a_number(chosen):
    # the verdict does no linear algebra: OpenBLAS's spinning threads cost start-up time and a core
    env = {key: value for key, value in os.environ.items() if key != "OPENBLAS_NUM_THREADS"}
    if chosen:
        env["OPENBLAS_NUM_THREADS"] = chosen
    done = subprocess.run([sys.executable, "-c", VERDICT_IN_A_FRESH_PROCESS], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    threads, variable = done.stdout.split()
    # the programs argmap starts afterwards (Graphviz) see the environment as the user left it
    assert (int(threads), variable) == ((1, "unset") if chosen is None else (2, chosen))
