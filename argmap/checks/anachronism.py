"""Attacks that argue from an older situation than the one the point they attack describes."""

from __future__ import annotations

from itertools import repeat
from operator import attrgetter, is_

from argmap.checks.rule import MapContext, rule
from argmap.core.codes import Code
from argmap.core.model import Node
from argmap.core.periods import Period, period_or_none


_AS_OF = attrgetter("as_of")


@rule(Code.AM508, "An attack rests only on evidence whose `as_of` period ends before every period of the evidence of the node it attacks.")
def anachronistic_attacks(ctx: MapContext):
    """An objection dated 2021 does not answer a claim about June 2023: the situation may have
    changed in between. The warning is given only when the dates say so for certain: every piece
    of the attacker's evidence and every piece of the target's has an `as_of`, and the attacker's
    latest period ends before the target's earliest period starts. Evidence without `as_of`, or a
    node with none, never triggers it; a source's publication date (`issued`) is not the date of
    the situation it describes, so it is not used. Undercuts are not attacks here.

    Passing:

        cut-in-2023:
          type: claim
          evidence: [{source: harbour, quote: ..., as_of: 2023-06}]
        older-budget:
          type: objection
          attacks: [cut-in-2023]
          evidence: [{source: pasar, quote: ..., as_of: 2023/..}]

    Failing:

        cut-in-2023:
          type: claim
          evidence: [{source: harbour, quote: ..., as_of: 2023-06}]
        older-budget:
          type: objection
          attacks: [cut-in-2023]
          evidence: [{source: pasar, quote: ..., as_of: 2021}]
    """
    if all(map(is_, map(_AS_OF, ctx.evidence_items), repeat(None))):  # found at C speed: no date, no warning
        return
    nodes = ctx.model.nodes
    for node_id, node in nodes.items():
        if not node.attack_entries:
            continue
        attacker_latest = _latest_end(node)
        if attacker_latest is None:
            continue
        for j, target_id in enumerate(node.attacks):
            target = nodes.get(target_id)
            target_earliest = _earliest_start(target) if target is not None else None
            if target_earliest is not None and attacker_latest.ends_before(target_earliest):
                yield ctx.report(
                    ("nodes", node_id, "attacks", j),
                    f"'{node_id}' attacks with evidence as of {attacker_latest.text}, "
                    f"but '{target_id}' rests on evidence as of {target_earliest.text}",
                    ("quote evidence on the same period, or say in a note why the older situation still holds",))


def _periods(node: Node) -> list[Period] | None:
    """The `as_of` period of each piece of evidence, or None unless every piece has a valid one."""
    periods = [period_or_none(e.as_of) for e in node.evidence]
    if not periods or None in periods:
        return None
    return periods  # type: ignore[return-value] -- None was ruled out above


def _latest_end(node: Node) -> Period | None:
    periods = _periods(node)
    if periods is None or any(p.end is None for p in periods):
        return None  # an open end reaches into the present: never over
    return max(periods, key=lambda p: p.end)


def _earliest_start(node: Node) -> Period | None:
    periods = _periods(node)
    if periods is None or any(p.start is None for p in periods):
        return None  # an open start reaches back without limit: nothing ends before it
    return min(periods, key=lambda p: p.start)
