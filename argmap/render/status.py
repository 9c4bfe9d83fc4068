"""Evaluation statuses for drawing: each node's IN / OUT / UNDEC label under a semantics, or
its strength under a gradual one, from :mod:`argmap.evaluate`."""

from __future__ import annotations

from argmap.evaluate import MapEvaluation
from argmap.evaluate.verdict import MapVerdict
from argmap.render.view import DrawnStatus, Status


def labels_of(evaluation: MapEvaluation) -> dict[str, Status]:
    """Each node's label as the diagram draws it, from an evaluation already made."""
    return {node_id: verdict.label.value for node_id, verdict in evaluation.verdicts.items()}


def verdict_words(verdict: MapVerdict) -> str:
    """The verdict as the legend names it: "verdict under qe: con ahead by 0.45 (fragile)"."""
    return f"verdict under {verdict.semantics}: {verdict.summary}" + (" (fragile)" if verdict.fragile else "")


def drawn_status(evaluation: MapEvaluation, verdict: MapVerdict | None = None) -> DrawnStatus:
    gradual = evaluation.gradual
    return DrawnStatus(
        semantics=evaluation.semantics,
        labels={} if gradual else labels_of(evaluation),
        strengths=dict(gradual.strengths) if gradual else {},
        # an undercut relation's label is a Dung status: under a gradual semantics it has a weight
        relation_labels={} if gradual else {(r.source, r.target): r.verdict.label.value
                                            for r in evaluation.undercut_relations},
        verdict=verdict_words(verdict) if verdict is not None else None,
    )
