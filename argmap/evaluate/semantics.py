"""Dung's grounded, preferred and stable semantics, with a label and a reason per argument.

* **grounded** — the least complete labelling, computed in linear time
  (:func:`argmap.evaluate.search.grounded_codes`). One extension; its labels are the answer.
* **preferred** — the complete labellings whose IN set is maximal (Dung 1995; Caminada 2006).
  Exact: complete labellings are enumerated by :class:`~argmap.evaluate.search.CompleteSearch`,
  a branch is cut once every argument it could still accept lies inside an extension already
  found (no preferred extension can hide there), and the non-maximal survivors are dropped.
* **stable** — the complete labellings without UNDEC; there may be none.

Per-argument labels under preferred and stable (several extensions) follow the *sceptical*
rule: an argument is **IN** if every extension's labelling makes it IN (sceptically accepted),
**OUT** if every labelling makes it OUT (it is attacked by a member of every extension), and
**UNDEC** otherwise — including credulously accepted arguments that are IN in some extensions
only (reason "stands in some extensions but not in all"). When stable semantics has no
extension, every argument is UNDEC with reason "no extension". This is the sceptical labelling
of Wu & Caminada ("A labelling-based justification status of arguments", 2010); with one
extension (always so for grounded) it is that extension's labelling.

Preferred and stable semantics may have exponentially many extensions (n independent pairs of
arguments attacking each other have 2^n), and so may the search for them. It stops, with
:class:`TooManyExtensions` (exit 2), once it has met more than :data:`MAX_EXTENSIONS` labellings,
rather than run for hours: no debate is read through a thousand alternative outcomes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from itertools import compress
from operator import add

from argmap.core.diagnostics import UsageError

from .framework import Framework
from .labels import REASON_WORDS, Evaluation, Explained, Label, Reason, ReasonKind, Verdict
from .limits import MAX_EXTENSIONS  # labellings a preferred or stable search may meet before it stops
from .search import IN, OUT, CompleteSearch, grounded_codes

Labelling = list[int]


class TooManyExtensions(UsageError):
    """The framework has more alternative outcomes than argmap lists (exit 2)."""

    def __init__(self, semantics: str):
        super().__init__(
            f"{semantics} semantics: more than {MAX_EXTENSIONS:,} alternative labellings; argmap stops there",
            "grounded semantics (the default) has exactly one; or split the debate into smaller maps")


def _at_most(labellings: Iterator[Labelling], semantics: str) -> Iterator[Labelling]:
    for count, labelling in enumerate(labellings, start=1):
        if count > MAX_EXTENSIONS:
            raise TooManyExtensions(semantics)
        yield labelling


def grounded_labellings(framework: Framework) -> list[Labelling]:
    return [grounded_codes(framework)]


def stable_labellings(framework: Framework) -> list[Labelling]:
    return list(_at_most(CompleteSearch(framework, allow_undec=False).labellings(), "stable"))


def preferred_labellings(framework: Framework) -> list[Labelling]:
    search = CompleteSearch(framework)
    core = search.core
    found: list[int] = []  # IN sets over the core, as bit sets (bit k = core[k])

    def could_accept(domains: list[int]) -> int:
        return sum(1 << k for k, i in enumerate(core) if domains[i] & IN)

    def inside_a_found_extension(domains: list[int]) -> bool:
        # Every labelling below has IN ⊆ could_accept ⊆ E for a complete E already found; a
        # preferred extension there would equal E, so the branch holds nothing new.
        possible = could_accept(domains)
        return any(possible & ~extension == 0 for extension in found)

    candidates: dict[int, Labelling] = {}
    for labelling in _at_most(search.labellings(prune=inside_a_found_extension), "preferred"):
        accepted = could_accept(labelling)
        found.append(accepted)
        candidates[accepted] = labelling

    maximal: list[int] = []
    for accepted in sorted(candidates, key=int.bit_count, reverse=True):
        if all(accepted & ~larger for larger in maximal):
            maximal.append(accepted)
    return [candidates[accepted] for accepted in maximal]


class UnknownSemantics(ValueError):
    pass


def label_framework(framework: Framework, semantics: str,
                    compute: Callable[[Framework], list[Labelling]]) -> Evaluation:
    """The framework's labels under the labelling semantics named ``semantics``, whose
    labellings ``compute`` finds (the registry's entry says which)."""
    labellings = compute(framework)
    names = framework.arguments
    # each labelling's IN arguments picked by compress() at C speed: 100,000 for an ICCMA instance
    extensions = sorted(tuple(compress(range(len(lab)), map(IN.__eq__, lab))) for lab in labellings)
    reasons = _ScepticalReasons(framework, labellings)
    return Evaluation(
        semantics=semantics,
        extensions=tuple(tuple(map(names.__getitem__, ext)) for ext in extensions),
        explain=reasons.verdicts,
        tabulate=reasons.explained,
    )


# Each kind's words (labels.REASON_WORDS) before and after the "{}" that stands for the attackers
_WORDS_BEFORE = {kind: words.partition("{}")[0] for kind, words in REASON_WORDS.items()}
_WORDS_AFTER = {kind: words.partition("{}")[2] for kind, words in REASON_WORDS.items()}

# The sceptical label of an argument from the set of codes it takes across labellings (a bit
# set of IN/OUT/UNDEC, indexed by it): IN or OUT in every labelling, else UNDEC.
_SCEPTICAL_LABEL = (Label.UNDEC, Label.IN, Label.OUT, Label.UNDEC, Label.UNDEC, Label.UNDEC, Label.UNDEC, Label.UNDEC)


class _ScepticalReasons:
    """Each argument's sceptical label and reason, worked out once, in bulk, when first asked:
    both the Verdict objects of ``verdicts`` (maps) and the words of ``explained`` (the table of
    a framework, 100,000 lines for an ICCMA instance, which needs no object per argument) are
    read off the same lists."""

    def __init__(self, framework: Framework, labellings: list[Labelling]):
        self.framework, self.labellings = framework, labellings

    def verdicts(self) -> dict[str, Verdict]:
        labels, kinds, named = self._worked_out
        return dict(zip(self.framework.arguments, map(Verdict, labels, map(Reason, kinds, map(tuple, named)))))

    def explained(self) -> Explained:
        labels, kinds, named = self._worked_out
        # map() at C speed, no Python loop: the kind's words before and after the attackers
        # named, joined by two concatenations per argument (a third quicker than str.format)
        reasons = list(map(add, map(add, map(_WORDS_BEFORE.__getitem__, kinds), map(", ".join, named)),
                           map(_WORDS_AFTER.__getitem__, kinds)))
        return Explained(self.framework.arguments, labels, reasons)

    @cached_property
    def _worked_out(self) -> tuple[list[Label], list[ReasonKind], list[Sequence[str]]]:
        """Per argument, in declaration order: its label, its reason's kind and the attackers
        the reason names (none for the kinds that name none)."""
        names, attackers, labellings = self.framework.arguments, self.framework.attackers, self.labellings
        if not labellings:
            return [Label.UNDEC] * len(names), [ReasonKind.NO_EXTENSION] * len(names), [()] * len(names)

        # Per argument, the set of codes it takes across labellings; with one labelling
        # (grounded) that is the labelling itself.
        seen = labellings[0]
        for labelling in labellings[1:]:
            seen = [a | b for a, b in zip(seen, labelling)]

        # Kinds and methods held in locals: this loop runs once per argument, 100,000 times for
        # a large ICCMA instance, and attribute look-ups would dominate it.
        unattacked, attackers_fall, stands_in_some = (
            ReasonKind.UNATTACKED, ReasonKind.ATTACKERS_FALL, ReasonKind.STANDS_IN_SOME)
        defeated_by, defeated_either_way, contested_by = (
            ReasonKind.DEFEATED_BY, ReasonKind.DEFEATED_EITHER_WAY, ReasonKind.CONTESTED_BY)
        kinds: list[ReasonKind] = []
        named: list[Sequence[str]] = []
        kind, name = kinds.append, named.append
        none = ()
        for i, codes in enumerate(seen):
            if codes == IN:
                kind(attackers_fall if attackers[i] else unattacked)
                name(none)
            elif codes == OUT:
                always_in = [names[a] for a in attackers[i] if seen[a] == IN]
                if always_in:
                    kind(defeated_by)
                    name(always_in)
                else:  # floating defeat: each extension has its own defeater
                    kind(defeated_either_way)
                    name([names[a] for a in attackers[i] if seen[a] & IN])
            elif codes & IN:
                kind(stands_in_some)
                name(none)
            else:
                kind(contested_by)
                name([names[a] for a in attackers[i] if seen[a] != OUT])
        return list(map(_SCEPTICAL_LABEL.__getitem__, seen)), kinds, named


__all__ = ["UnknownSemantics", "label_framework"]
