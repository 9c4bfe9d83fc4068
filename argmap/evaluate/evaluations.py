"""The evaluations of one run, each computed once: the `expect:` check, the diagram and the brief
of one build read the same evaluation of a map.

A use case makes one :class:`Evaluations` for the project it loaded and hands it to the checks and
outputs that need labels or strengths; the project itself stays plain data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine loads on the first evaluation asked for: most checks ask for none
    from argmap.core.model import ArgMap, Source

    from .bipolar import SupportRule
    from .mapeval import MapEvaluation
    from .semantics import TooManyExtensions
    from .verdict import MapVerdict


class Evaluations:
    """Maps evaluated on demand and kept for the life of this object. ``sources`` are the
    project's registered sources: gradual semantics derive base scores from their reliability."""

    def __init__(self, sources: Mapping[str, Source] | None = None) -> None:
        self.sources: Mapping[str, Source] = sources if sources is not None else {}
        # keyed by the model's identity; the model is kept with its evaluations, so the key is never reused
        self._kept: dict[int, tuple[ArgMap, dict[tuple[str, SupportRule], MapEvaluation | TooManyExtensions]]] = {}
        # each verdict with whether it weighed the what-ifs (its decisive clashes)
        self._verdicts: dict[tuple[int, str], tuple[ArgMap, MapVerdict | None, bool]] = {}

    def of(self, model: ArgMap, semantics: str, rule: SupportRule | None = None) -> MapEvaluation:
        """``model`` evaluated under ``semantics``, once, its supports read by ``rule`` (default:
        :data:`~argmap.evaluate.bipolar.DEFAULT_SUPPORT_RULE`). Gradual semantics ignore ``rule``.

        Raises :class:`TooManyExtensions` when the map has more outcomes than argmap lists; that
        too is found once: the search that found it is the costly part."""
        from .bipolar import DEFAULT_SUPPORT_RULE
        from .registry import entry, evaluate_map
        from .semantics import TooManyExtensions

        found = entry(semantics)
        rule = found.support_rule(DEFAULT_SUPPORT_RULE if rule is None else rule)
        evaluations = self._kept.setdefault(id(model), (model, {}))[1]
        key = (semantics, rule)
        if key not in evaluations:
            # an evaluation that carries another semantics' labels: those computed already
            labelled = self.of(model, found.labels_from) if found.labels_from is not None else None
            try:
                evaluations[key] = evaluate_map(model, semantics, rule, self.sources, labelled)
            except TooManyExtensions as error:
                evaluations[key] = error
        kept = evaluations[key]
        if isinstance(kept, TooManyExtensions):
            raise kept
        return kept

    def verdict(self, model: ArgMap, semantics: str | None = None, *, what_ifs: bool = True) -> MapVerdict | None:
        """The map's verdict under ``semantics`` (default: its headline semantics), once; None
        when a side has no thesis. ``what_ifs=False``: without its decisive clashes (what taking
        out each node or relation would do), which a caller that shows only the leader, margin
        and robustness does not need; on a large map they are most of the work."""
        from .registry import map_verdict
        from .verdict import headline_semantics

        semantics = semantics or headline_semantics(model)
        key = (id(model), semantics)
        kept = self._verdicts.get(key)
        if kept is None or (what_ifs and not kept[2]):
            kept = self._verdicts[key] = (model, map_verdict(model, semantics, self.sources,
                                                             labelled=lambda: self.of(model, semantics),
                                                             what_ifs=what_ifs), what_ifs)
        return kept[1]
