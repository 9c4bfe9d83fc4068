"""Argumentation semantics for maps and ICCMA frameworks: which arguments stand, fall, or stay
undecided, and why.

* :mod:`.framework` — abstract frameworks with integer-indexed adjacency;
* :mod:`.search` — linear-time grounded labelling and the exact complete-labelling search;
* :mod:`.registry` — the table of semantics: one entry each, what readers of an evaluation ask;
* :mod:`.semantics` — grounded, preferred and stable semantics, with a reason per argument;
* :mod:`.bipolar` — the rule turning a map's supports into attacks (supported attacks);
* :mod:`.gradual` — gradual strengths of quantitative bipolar frameworks, with relation weights
  and undercuts, by each gradual semantics' formula (:mod:`.formula`; :mod:`.dfquad`, :mod:`.qe`);
* :mod:`.strength` — a map as such a framework: base scores from weights or evidence;
* :mod:`.mapeval` — maps as frameworks; :mod:`.iccma` — the ICCMA file formats.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# Each name this package offers, and the module that defines it. They load on first use: a
# module of the package that needs none of them (a check of a map without `expect:` reads only
# :mod:`.evaluations`, :mod:`.labels` and :mod:`.semantics`) does not load the whole engine with it.
_EXPORTS = {
    "DEFAULT_SUPPORT_RULE": "bipolar", "SupportRule": "bipolar",
    "Framework": "framework",
    "Evaluation": "labels", "Label": "labels", "Reason": "labels", "ReasonKind": "labels", "Verdict": "labels",
    "MapEvaluation": "mapeval",
    "REGISTRY": "registry", "evaluate": "registry", "evaluate_map": "registry",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # asked once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


if TYPE_CHECKING:
    from .bipolar import DEFAULT_SUPPORT_RULE, SupportRule
    from .framework import Framework
    from .labels import Evaluation, Label, Reason, ReasonKind, Verdict
    from .mapeval import MapEvaluation
    from .registry import REGISTRY, evaluate, evaluate_map
