"""Evaluation statuses for drawing: each node's IN / OUT / UNDEC label under a semantics, or
its strength under a gradual one, from :mod:`argmap.evaluate`."""

from __future__ import annotations

from argmap.evaluate import MapEvaluation
from argmap.render.view import DrawnStatus, Status


def labels_of(evaluation: MapEvaluation) -> dict[str, Status]:
    """Each node's label as the diagram draws it, from an evaluation already made."""
    return {node_id: verdict.label.value for node_id, verdict in evaluation.verdicts.items()}


def drawn_status(evaluation: MapEvaluation) -> DrawnStatus:
    gradual = evaluation.gradual
    return DrawnStatus(
        semantics=evaluation.semantics,
        labels={} if gradual else labels_of(evaluation),
        strengths=dict(gradual.strengths) if gradual else {},
        # an undercut relation's label is a Dung status: under a gradual semantics it has a weight
        relation_labels={} if gradual else {(r.source, r.target): r.verdict.label.value
                                            for r in evaluation.undercut_relations},
    )
