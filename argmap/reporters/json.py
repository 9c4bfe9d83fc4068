from __future__ import annotations

import json
from typing import TYPE_CHECKING

from argmap import __version__
from argmap.core.diagnostics import count
from argmap.reporters.base import Checked

if TYPE_CHECKING:
    from argmap.usecases.eval import EvalOutcome


def dump(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2)


class JsonReporter:
    """One JSON object: ``{"argmap", "summary": {...}, "diagnostics": [...]}``.

    Each diagnostic has ``path``, ``line``, ``column`` (1-based), ``severity`` ("error" or
    "warning"), ``code``, ``message`` and ``hints`` (a list of strings). For an `argmap eval`
    input with errors: ``{"argmap", "summary": {"errors", "warnings"}, "diagnostics": [...]}``.
    """

    name = "json"
    for_people = False

    def render(self, result: Checked) -> str:
        s, counts = result.stats, count(result.diagnostics)
        return dump({
            "argmap": __version__,
            "summary": {
                "maps": s.maps,
                "nodes": s.nodes,
                "quotes": s.quotes,
                "quotes_verified": s.quotes_verified,
                "errors": counts.errors,
                "warnings": counts.warnings,
            },
            "diagnostics": [d.to_dict() for d in result.diagnostics],
        })

    def unevaluated(self, outcome: EvalOutcome) -> str:
        counts = count(outcome.diagnostics)
        return dump({
            "argmap": __version__,
            "summary": {"errors": counts.errors, "warnings": counts.warnings},
            "diagnostics": [d.to_dict() for d in outcome.diagnostics],
        })

    def evaluation(self, outcome: EvalOutcome) -> str:
        from argmap.reporters.evaluation import evaluation_payload  # the engine's types: `eval` alone

        return dump(evaluation_payload(outcome))
