"""The verdict of a map: which side is ahead, by how much, how surely, and on which clashes.

* **Margin**: the pro side's score minus the con side's, a side's score being that of its
  strongest thesis: its strength under a gradual semantics, its label under a Dung semantics
  (IN 1, UNDEC 0.5, OUT 0, :data:`.registry.LABEL_SCORE`). Each semantics' entry in
  :mod:`.registry` says which engine below computes its verdict (:func:`.registry.map_verdict`).
* **Leader**: ``pro`` or ``con`` by the margin's sign; ``contested`` when the margin lies within
  the semantics' contested band of 0 (:data:`CONTESTED_BAND` for strengths, 0 for labels).
* **Robustness**: the share of :data:`ROBUSTNESS_SAMPLES` seeded samples in which the leader is
  the same when every base score moves by up to ±:data:`BASE_SCORE_BAND` and every relation
  weight by up to ±:data:`RELATION_WEIGHT_BAND` of its value (so a relation of weight 0 stays
  none), within [0, 1]. Below :data:`FRAGILE_BELOW` the verdict is *fragile*. Labels do not read
  scores or weights, so a Dung verdict's robustness is 1 by construction.
* **Decisive clashes**: the nodes and relations whose removal moves the margin most, with the
  shift; those whose removal alone would change the leader are what the side behind must answer.

The theses' clash (:func:`argmap.core.graph.clashes`) makes a verdict possible at all: without
it, each side piles up support for its own thesis and both theses stand.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.core.vocabulary import VERDICT_SEMANTICS, Leader

# The map model, its graph and the map engines are imported by the functions that read a map:
# the registry and `argmap eval` read this module's constants for an ICCMA framework too, which
# is evaluated without the map model (pydantic) loaded.
if TYPE_CHECKING:
    from argmap.core.model import ArgMap, Source

    from .mapeval import MapEvaluation
    from .registry import SemanticsEntry  # the registry's entries call the engines below
    from .strength import MapFramework

CONTESTED_BAND = 0.05  # a gradual margin this close to 0 names no leader: less than a strength's rounding shows
ROBUSTNESS_SAMPLES = 1000
ROBUSTNESS_SEED = 20261206  # fixed: the same map gives the same robustness on every machine
BASE_SCORE_BAND = 0.1  # a base score is a judgment to about a tenth
RELATION_WEIGHT_BAND = 0.2  # a weight moves by a fifth of itself: 0 stays no relation
FRAGILE_BELOW = 0.7
DECISIVE_COUNT = 5
# Under a Dung semantics each candidate costs a whole evaluation: the nodes this close to a thesis
# (following relations backwards) are where a verdict is decided.
DUNG_DECISIVE_DEPTH = 3


@dataclass(frozen=True)
class Decisive:
    """A node or relation and what taking it out would do to the margin."""

    node: str  # the node, or the source of the relation
    target: str | None  # the relation's target; None for a node
    kind: str  # "node", "supports" or "attacks"
    side: str | None  # whose point it is: the node's side (the relation's source's)
    shift: float  # the margin without it, minus the margin
    turns_to: Leader | None  # the leader without it, when that differs

    @property
    def label(self) -> str:
        return self.node if self.target is None else f"{self.node} {self.kind} {self.target}"


@dataclass(frozen=True)
class MapVerdict:
    """Which side is ahead under a semantics, by what margin, how robustly, and the clashes that decide it."""

    semantics: str
    leader: Leader
    margin: float
    pro: float
    con: float
    robustness: float
    samples: int
    decisive: tuple[Decisive, ...]
    compatible: bool  # the map says its theses can both be true: no clash was derived

    @property
    def fragile(self) -> bool:
        return self.robustness < FRAGILE_BELOW

    @property
    def behind(self) -> str | None:
        return {"pro": "con", "con": "pro"}.get(self.leader)

    @property
    def turning(self) -> tuple[Decisive, ...]:
        """The decisive clashes whose removal alone would change the leader."""
        return tuple(d for d in self.decisive if d.turns_to is not None)

    @property
    def turn_lead(self) -> str:
        """What the turning clashes are, as the words before their list."""
        if self.behind is None:
            return "answering any of these would decide it"
        return f"to turn it, {self.behind} must answer"

    @property
    def summary(self) -> str:
        """The verdict in a few words: "con ahead by 0.45", "contested (margin +0.01)"."""
        if self.leader == "contested":
            return f"contested (margin {self.margin:+.2f})"
        return f"{self.leader} ahead by {abs(self.margin):.2f}"

    @property
    def robustness_phrase(self) -> str:
        """How surely, in words: a fragile verdict says so first."""
        if not self.samples:
            return "labels take no scores or weights: nothing to perturb"
        held = f"the leader holds in {self.robustness:.0%} of {self.samples:,} perturbed samples"
        return f"fragile: {held}" if self.fragile else f"robust: {held}"


def headline_semantics(argmap: ArgMap) -> str:
    """The semantics of the map's headline verdict: the one its `expect:` names, else
    :data:`argmap.core.vocabulary.VERDICT_SEMANTICS`."""
    expect = argmap.expect
    if expect is not None and "semantics" in expect.model_fields_set:
        return expect.semantics
    return VERDICT_SEMANTICS


def leader_of(margin: float, band: float) -> Leader:
    """Who the margin puts ahead: nobody within ``band`` of 0 (the semantics' contested band)."""
    if margin > band:
        return "pro"
    if margin < -band:
        return "con"
    return "contested"


# --- gradual semantics ----------------------------------------------------------------------


def strength_verdict(argmap: ArgMap, semantics: SemanticsEntry, sources: Mapping[str, Source], samples: int,
                     seed: int, what_ifs: bool) -> MapVerdict:
    """The verdict under a gradual semantics: the margin, its samples and its what-ifs, one
    column each of one run of the batch engine."""
    from argmap.core.graph import theses

    from .strength import map_quantitative_framework

    np = _numpy()  # only a verdict needs it: every other command starts without it

    from .batch import BatchEngine

    built = map_quantitative_framework(argmap, sources)
    framework = built.framework
    index = {node_id: i for i, node_id in enumerate(built.ids)}
    pro = [index[t] for t in theses(argmap, "pro")]
    con = [index[t] for t in theses(argmap, "con")]
    candidates = _candidates(argmap, built) if what_ifs else []
    columns = 1 + samples + len(candidates)

    # Column 0 is the map as it is, the sampled columns each a perturbed copy, the what-ifs copies
    # again; each value is written once (the arrays are rows x 1,000 columns: time goes in memory).
    sampled = slice(1, 1 + samples)
    unsampled = np.ones(columns, dtype=bool)
    unsampled[sampled] = False

    def spread(values: tuple[float, ...]):
        array = np.empty((len(values), columns))
        array[:, unsampled] = np.asarray(values, dtype=float)[:, None]
        return array

    bases, attack_weights, support_weights = (spread(framework.base_scores), spread(framework.attack_weights),
                                              spread(framework.support_weights))
    # which node each column keeps: only what-ifs take nodes out (x * 1.0 is x, so None is the same)
    kept = np.ones_like(bases) if candidates else None
    rng = np.random.default_rng(seed)
    moved = rng.uniform(-BASE_SCORE_BAND, BASE_SCORE_BAND, (len(built.ids), samples))
    moved += np.asarray(framework.base_scores, dtype=float)[:, None]
    bases[:, sampled] = np.clip(moved, 0.0, 1.0, out=moved)
    # each declared relation moves once per sample; the attacks derived from it move with it
    relation_keys = sorted({k for k in (*built.support_keys, *built.attack_keys) if k is not None})
    factors = 1.0 + rng.uniform(-RELATION_WEIGHT_BAND, RELATION_WEIGHT_BAND, (len(relation_keys), samples))
    row_of = {key: row for row, key in enumerate(relation_keys)}
    for weights, given, keys in ((support_weights, framework.support_weights, built.support_keys),
                                 (attack_weights, framework.attack_weights, built.attack_keys)):
        rows = [r for r, key in enumerate(keys) if key is not None]  # all rows in one operation
        still = [r for r, key in enumerate(keys) if key is None]  # the clash: no declared relation
        if still:
            weights[still, sampled] = np.asarray(given, dtype=float)[still][:, None]
        if rows:
            moved = factors[[row_of[keys[r]] for r in rows]]
            moved *= np.asarray(given, dtype=float)[rows][:, None]
            weights[rows, sampled] = np.clip(moved, 0.0, 1.0, out=moved)
    # the what-if columns: a node taken out, or a relation given weight 0
    first = 1 + samples
    for offset, candidate in enumerate(candidates):
        column = first + offset
        if candidate.target is None:
            kept[index[candidate.node], column] = 0.0  # type: ignore[index]
            continue
        key = (candidate.kind, candidate.node, candidate.target)
        for weights, keys in ((support_weights, built.support_keys), (attack_weights, built.attack_keys)):
            for r, relation in enumerate(keys):
                if relation == key:
                    weights[r, column] = 0.0

    strengths, _ = BatchEngine(framework, semantics.name).strengths(bases, attack_weights, support_weights, kept=kept)
    pro_scores = strengths[pro].max(axis=0)
    con_scores = strengths[con].max(axis=0)
    margins = pro_scores - con_scores
    margin = float(margins[0])
    band = semantics.contested_band
    leader = leader_of(margin, band)
    sample_leaders = [leader_of(float(m), band) for m in margins[sampled]]
    robustness = sum(1 for s in sample_leaders if s == leader) / samples if samples else 1.0
    shifts = [(candidate, float(margins[first + offset]) - margin) for offset, candidate in enumerate(candidates)]
    return MapVerdict(semantics.name, leader, margin, float(pro_scores[0]), float(con_scores[0]), robustness, samples,
                      _ranked(shifts, margin, band), not argmap.theses_clash)


# NumPy's OpenBLAS starts a thread per core when NumPy is imported, which then spins waiting for
# work: on 2 cores that was 40% of NumPy's import time, and the spinning competes with Graphviz.
# The verdict does no linear algebra, so unless the user chose a number, one thread is started.
BLAS_THREADS_VARIABLE = "OPENBLAS_NUM_THREADS"


def _numpy():
    if "numpy" not in sys.modules and BLAS_THREADS_VARIABLE not in os.environ:
        os.environ[BLAS_THREADS_VARIABLE] = "1"
        try:
            import numpy
        finally:  # read once, when OpenBLAS loads: programs argmap starts get the user's environment
            del os.environ[BLAS_THREADS_VARIABLE]
    import numpy

    return numpy


def _candidates(argmap: ArgMap, built: MapFramework) -> list[Decisive]:
    """Every node but the theses, and every declared support and attack, as what-if removals."""
    from argmap.core.graph import MapGraph

    sides = MapGraph(argmap).sides
    nodes = [Decisive(node_id, None, "node", sides.get(node_id), 0.0, None)
             for node_id, node in argmap.nodes.items() if node.type != "thesis"]
    seen = dict.fromkeys(k for k in (*built.support_keys, *built.attack_keys) if k is not None)
    relations = [Decisive(source, target, kind, sides.get(source), 0.0, None) for kind, source, target in seen]
    return nodes + relations


def _ranked(shifts: list[tuple[Decisive, float]], margin: float, band: float) -> tuple[Decisive, ...]:
    leader = leader_of(margin, band)
    node_shifts = {c.node: shift for c, shift in shifts if c.target is None}
    # a relation that moves the margin as much as its source node does is that node's only say: shown once
    moving = [(c, shift) for c, shift in shifts if abs(shift) > 1e-9
              and not (c.target is not None and abs(node_shifts.get(c.node, 0.0) - shift) < 1e-6)]
    moving.sort(key=lambda item: (-abs(item[1]), item[0].label))
    ranked = []
    for candidate, shift in moving[:DECISIVE_COUNT]:
        after = leader_of(margin + shift, band)
        ranked.append(Decisive(candidate.node, candidate.target, candidate.kind, candidate.side, shift,
                               after if after != leader else None))
    return tuple(ranked)


# --- Dung semantics -------------------------------------------------------------------------


def _label_scores(argmap: ArgMap, semantics: SemanticsEntry, evaluation: MapEvaluation) -> tuple[float, float]:
    from argmap.core.graph import theses

    score = semantics.thesis_score
    return tuple(max(score(evaluation, t) for t in theses(argmap, side)) for side in ("pro", "con"))  # type: ignore[return-value]


def label_verdict(argmap: ArgMap, semantics: SemanticsEntry, evaluation: MapEvaluation, what_ifs: bool) -> MapVerdict:
    """The verdict under a Dung semantics: the theses' labels, and what taking out each node
    near a thesis does to them (an evaluation each)."""
    from argmap.core.graph import MapGraph

    pro, con = _label_scores(argmap, semantics, evaluation)
    margin = pro - con
    shifts = []
    for node_id in _near_theses(argmap) if what_ifs else ():
        without = _without(argmap, node_id)
        removed_pro, removed_con = _label_scores(without, semantics,
                                                 semantics.evaluate(without, evaluation.support_rule, {}, None))
        shifts.append((Decisive(node_id, None, "node", None, 0.0, None), (removed_pro - removed_con) - margin))
    sides = MapGraph(argmap).sides
    ranked = tuple(Decisive(d.node, d.target, d.kind, sides.get(d.node), d.shift, d.turns_to)
                   for d in _ranked(shifts, margin, semantics.contested_band))
    return MapVerdict(semantics.name, leader_of(margin, semantics.contested_band), margin, pro, con, 1.0, 0, ranked,
                      not argmap.theses_clash)


def _near_theses(argmap: ArgMap) -> list[str]:
    """The nodes (not theses) from which a thesis is at most :data:`DUNG_DECISIVE_DEPTH` relations away."""
    incoming: dict[str, list[str]] = {}
    for node_id, node in argmap.nodes.items():
        for target in (*node.targets, *(ref.from_ for ref in node.undercuts)):
            incoming.setdefault(target, []).append(node_id)
    frontier = [n for n, node in argmap.nodes.items() if node.type == "thesis"]
    reached = set(frontier)
    for _ in range(DUNG_DECISIVE_DEPTH):
        frontier = [s for t in frontier for s in incoming.get(t, ()) if s not in reached]
        reached.update(frontier)
    return [n for n in argmap.nodes if n in reached and argmap.nodes[n].type != "thesis"]


def _without(argmap: ArgMap, node_id: str) -> ArgMap:
    """The map with one node and every relation naming it taken out."""
    from argmap.core.model import target_id

    nodes = {}
    for other_id, node in argmap.nodes.items():
        if other_id == node_id:
            continue
        nodes[other_id] = node.model_copy(update={
            "support_entries": [e for e in node.support_entries if target_id(e) != node_id],
            "attack_entries": [e for e in node.attack_entries if target_id(e) != node_id],
            "undercuts": [r for r in node.undercuts if node_id not in (r.from_, r.to)],
        })
    return argmap.model_copy(update={"nodes": nodes})

