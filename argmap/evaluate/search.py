"""Exact search for complete labellings, the building block of preferred and stable semantics.

Every argument has a *domain*, a bit set of the labels it may still take (IN=1, OUT=2,
UNDEC=4). A complete labelling (Caminada 2006) satisfies, for every argument ``c``:

* ``c`` is IN  iff every attacker of ``c`` is OUT;
* ``c`` is OUT iff some attacker of ``c`` is IN;
* ``c`` is UNDEC otherwise (no attacker IN, some attacker UNDEC).

The search is a depth-first labelling search in the style of Modgil & Caminada ("Proof theories
and algorithms for abstract argumentation frameworks", in *Argumentation in Artificial
Intelligence*, 2009) recast as constraint propagation: after each choice, the constraint of
every argument touched is revised in both directions (from attackers to the argument and back)
until nothing changes, and a branch whose domain empties is abandoned. It starts from the
grounded labelling, whose IN and OUT arguments keep their label in every complete labelling, so
only the grounded-UNDEC core is searched. Propagation only removes labels no complete labelling
can have, so the search is exact; with all domains single labels and every constraint revised,
the labelling is complete.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import compress
from operator import not_

from .framework import Framework

IN, OUT, UNDEC = 1, 2, 4
ANY = IN | OUT | UNDEC
_SIZE = (0, 1, 1, 2, 1, 2, 2, 3)  # number of labels in a domain bit set
_UNATTACKED_OR_NOT = (IN, UNDEC)  # an argument's grounded label to start with, by whether it is attacked


def grounded_codes(framework: Framework) -> list[int]:
    """The grounded labelling in O(|A| + |R|), as IN/OUT/UNDEC codes.

    Each argument counts its attackers that are not yet OUT. An argument whose count reaches zero
    is IN; everything it attacks becomes OUT, which lowers its targets' counts in turn. What is
    never reached stays UNDEC. Every argument and attack is visited at most once.
    """
    attackers, targets = framework.attackers, framework.targets
    alive_attackers = list(map(len, attackers))
    # the unattacked arguments are IN from the start, found at C speed (100,000 for an ICCMA instance)
    labels = list(map(_UNATTACKED_OR_NOT.__getitem__, map(bool, alive_attackers)))
    queue = list(compress(range(len(attackers)), map(not_, alive_attackers)))
    while queue:
        accepted = queue.pop()
        for defeated in targets[accepted]:
            if labels[defeated] != UNDEC:
                continue  # already OUT (it cannot be IN: ``accepted`` attacks it)
            labels[defeated] = OUT
            for relieved in targets[defeated]:
                alive = alive_attackers[relieved] - 1
                alive_attackers[relieved] = alive
                if not alive and labels[relieved] == UNDEC:
                    labels[relieved] = IN
                    queue.append(relieved)
    return labels


class _Propagator:
    """Revises the complete-labelling constraints of a framework over a list of domains."""

    def __init__(self, framework: Framework):
        self.attackers = framework.attackers
        self.targets = framework.targets

    def run(self, domains: list[int], pending: set[int]) -> bool:
        """Revise the constraints of the arguments in ``pending`` (and of everything a change
        touches) to a fixpoint. Returns False when some domain empties: no complete labelling."""
        attackers, targets = self.attackers, self.targets

        def changed(argument: int) -> None:
            # The argument's own constraint, and those of its targets (it is their attacker).
            pending.add(argument)
            pending.update(targets[argument])

        while pending:
            c = pending.pop()
            atts = attackers[c]
            some_can_be_in = some_is_in = some_can_be_undec = False
            all_can_be_out = all_are_out = True
            for a in atts:
                d = domains[a]
                if d & IN:
                    some_can_be_in = True
                    if d == IN:
                        some_is_in = True
                if d & UNDEC:
                    some_can_be_undec = True
                if not d & OUT:
                    all_can_be_out = False
                if d != OUT:
                    all_are_out = False

            # Forward: what the attackers allow the argument to be.
            old = domains[c]
            new = old
            if not all_can_be_out:
                new &= ~IN
            if not some_can_be_in:
                new &= ~OUT
            if some_is_in or all_are_out or not some_can_be_undec:
                new &= ~UNDEC
            if not new:
                return False
            if new != old:
                domains[c] = new
                changed(c)

            # Backward: what the argument's remaining labels demand of its attackers.
            if new == IN:
                for a in atts:
                    if domains[a] != OUT:
                        if not domains[a] & OUT:
                            return False
                        domains[a] = OUT
                        changed(a)
                continue
            if not new & OUT:  # no attacker may be IN
                for a in atts:
                    if domains[a] & IN:
                        narrowed = domains[a] & ~IN
                        if not narrowed:
                            return False
                        domains[a] = narrowed
                        changed(a)
            if new == OUT:  # some attacker must be IN
                if not self._force_single(domains, atts, IN, IN, changed):
                    return False
            if not new & IN:  # some attacker must not be OUT
                if not self._force_single(domains, atts, IN | UNDEC, IN | UNDEC, changed):
                    return False
            if new == UNDEC:  # some attacker must be UNDEC
                if not self._force_single(domains, atts, UNDEC, UNDEC, changed):
                    return False
        return True

    @staticmethod
    def _force_single(
        domains: list[int], atts: list[int], wanted: int, keep: int, changed: Callable[[int], None]
    ) -> bool:
        """Some attacker must take a label in ``wanted``: if only one can, narrow it to ``keep``."""
        candidates = [a for a in atts if domains[a] & wanted]
        if not candidates:
            return False
        if len(candidates) == 1:
            a = candidates[0]
            narrowed = domains[a] & keep
            if narrowed != domains[a]:
                domains[a] = narrowed
                changed(a)
        return True


class CompleteSearch:
    """Enumerates complete labellings (as code lists); with ``allow_undec=False``, only the
    stable ones (complete labellings without UNDEC, Caminada 2006)."""

    def __init__(self, framework: Framework, allow_undec: bool = True):
        self.framework = framework
        self.grounded = grounded_codes(framework)
        self.open_label = ANY if allow_undec else IN | OUT
        # The grounded-UNDEC arguments: the only ones whose label differs between labellings.
        # Well-connected arguments come first: deciding them propagates furthest.
        self.core = sorted(
            (i for i, code in enumerate(self.grounded) if code == UNDEC),
            key=lambda i: -(len(framework.attackers[i]) + len(framework.targets[i])),
        )

    def labellings(self, prune: Callable[[list[int]], bool] | None = None) -> Iterator[list[int]]:
        """Yield every complete labelling not cut by ``prune(domains)``, which is asked at each
        search node after propagation and drops the branch when it returns True."""
        framework, core = self.framework, self.core
        domains = [self.open_label if code == UNDEC else code for code in self.grounded]
        propagator = _Propagator(framework)
        stack: list[tuple[list[int], set[int]]] = [(domains, set(core))]
        while stack:
            domains, pending = stack.pop()
            if not propagator.run(domains, pending):
                continue
            if prune is not None and prune(domains):
                continue
            choice = _choose(domains, core)
            if choice is None:
                yield domains
                continue
            # Pushed in reverse so that IN is tried first: large extensions are found early,
            # which lets the preferred search prune more.
            for label in (UNDEC, OUT, IN):
                if domains[choice] & label:
                    child = domains.copy()
                    child[choice] = label
                    stack.append((child, {choice, *framework.targets[choice]}))


def _choose(domains: list[int], core: list[int]) -> int | None:
    """The first undecided core argument with the fewest labels left, or None if all are set."""
    best, best_size = None, 4
    for i in core:
        size = _SIZE[domains[i]]
        if 1 < size < best_size:
            best, best_size = i, size
            if size == 2:
                break
    return best
