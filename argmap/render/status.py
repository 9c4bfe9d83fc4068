"""Evaluation statuses for drawing: each node's IN / OUT / UNDEC label under a semantics, or
its strength under a gradual one, from :mod:`argmap.evaluate`."""

from __future__ import annotations

from argmap.evaluate import MapEvaluation
from argmap.evaluate.verdict import MapVerdict
from argmap.render.view import DrawnStatus, Status


def verdict_words(verdict: MapVerdict) -> str:
    """The verdict as the legend names it: "verdict under qe: con ahead by 0.45 (fragile)"."""
    return f"verdict under {verdict.semantics}: {verdict.summary}" + (" (fragile)" if verdict.fragile else "")


def drawn_status(evaluation: MapEvaluation, verdict: MapVerdict | None = None) -> DrawnStatus:
    """What the diagram draws: each node's status, or its score where the semantics gives one."""
    return DrawnStatus(
        semantics=evaluation.semantics,
        labels={node_id: verdict.label.value for node_id, verdict in evaluation.shown_verdicts.items()},
        strengths=dict(evaluation.scores),
        relation_labels={(r.source, r.target): r.verdict.label.value for r in evaluation.shown_relations},
        verdict=verdict_words(verdict) if verdict is not None else None,
    )
