from __future__ import annotations

import json

from argmap import __version__
from argmap.check import CheckResult


class JsonReporter:
    """One JSON object: ``{"version", "summary": {...}, "diagnostics": [...]}``.

    Each diagnostic has ``path``, ``line``, ``column`` (1-based), ``severity`` ("error" or
    "warning"), ``code``, ``message`` and ``hints`` (a list of strings).
    """

    name = "json"

    def render(self, result: CheckResult) -> str:
        s = result.stats
        payload = {
            "argmap": __version__,
            "summary": {
                "maps": s.maps,
                "nodes": s.nodes,
                "quotes": s.quotes,
                "quotes_verified": s.quotes_verified,
                "errors": result.errors,
                "warnings": result.warnings,
            },
            "diagnostics": [d.to_dict() for d in result.diagnostics],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2)
