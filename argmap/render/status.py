"""Evaluation statuses for drawing: each node's IN / OUT / UNDEC label under a semantics, or
its strength under a gradual one, from :mod:`argmap.evaluate`."""

from __future__ import annotations

from argmap.evaluate import MapEvaluation, evaluate_map
from argmap.model import ArgMap
from argmap.render.view import Status
from argmap.vocabulary import ALL_SEMANTICS, DEFAULT_SEMANTICS

SEMANTICS_NAMES = ALL_SEMANTICS


def status_labels(argmap: ArgMap, semantics: str = DEFAULT_SEMANTICS) -> dict[str, Status]:
    return labels_of(evaluate_map(argmap, semantics))


def labels_of(evaluation: MapEvaluation) -> dict[str, Status]:
    """Each node's label as the diagram draws it, from an evaluation already made."""
    return {node_id: verdict.label.value for node_id, verdict in evaluation.verdicts.items()}


def strengths_of(evaluation: MapEvaluation) -> dict[str, float] | None:
    """Each node's strength, under a gradual semantics; None under the others."""
    return dict(evaluation.gradual.strengths) if evaluation.gradual else None
