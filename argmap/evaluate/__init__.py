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

from .bipolar import DEFAULT_SUPPORT_RULE, SupportRule
from .framework import Framework
from .labels import Evaluation, Label, Reason, ReasonKind, Verdict
from .mapeval import MapEvaluation
from .registry import REGISTRY, evaluate, evaluate_map

__all__ = [
    "DEFAULT_SUPPORT_RULE",
    "REGISTRY",
    "Evaluation",
    "Framework",
    "Label",
    "MapEvaluation",
    "Reason",
    "ReasonKind",
    "SupportRule",
    "Verdict",
    "evaluate",
    "evaluate_map",
]
