"""A map's `expect:` block against the computed evaluation: maps carry their own regression
tests, as Carneades maps do."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from argmap.checks.rule import MapContext, rule
from argmap.core.codes import Code
from argmap.core.model import pinned_strengths
from argmap.evaluate.limits import MAX_EXTENSIONS
from argmap.core.vocabulary import EXPECT_STRENGTH_TOLERANCE, GRADUAL_SEMANTICS, STATUS_WORDS

if TYPE_CHECKING:  # the engine itself loads only for a map with `expect:` (ctx.evaluation)
    from argmap.evaluate.mapeval import MapEvaluation

# expect.stands, .falls, .undecided, each with the label it names (IN, OUT, UNDEC): read off the
# vocabulary, so that a map without `expect:` is checked without loading the engine's labels
EXPECT_LISTS = {word: label for label, word in STATUS_WORDS.items()}


@rule(Code.AM601, "A node listed in `expect:` has a different computed label.")
def expected_labels(ctx: MapContext):
    """Each node listed under `expect.stands`, `expect.falls` or `expect.undecided` must get that
    label under `expect.semantics` (default grounded; supports turned into supported attacks,
    as `argmap eval` does by default). Nodes not listed are not checked: `expect` may be partial.

    Passing:

        nodes:
          t: {type: thesis, side: pro, text: T}
          c: {type: claim, text: C, supports: [t], analytic: true}
          o: {type: objection, text: O, attacks: [c], analytic: true}
        expect:
          stands: [o]
          falls: [c]

    Failing:

        expect:
          stands: [c]     # c falls: o attacks it and nothing attacks o

    Not checked while a support, attack or undercut names a node or relation the map does not
    have (AM301, AM319): the labels would be those of another graph, nor when the semantics has
    more labellings than argmap lists (AM604).
    """
    expect = ctx.model.expect
    if expect is None or not _relations_resolve(ctx):
        return
    result = _expected_evaluation(ctx)
    if result is None:
        return
    for list_name, wanted in EXPECT_LISTS.items():
        for i, node_id in enumerate(getattr(expect, list_name)):
            verdict = result.verdicts.get(node_id)
            if verdict is None or verdict.label.value == wanted:
                continue  # unknown ids are AM602's
            yield ctx.report(
                ("expect", list_name, i),
                f"'{node_id}' is expected to {_verb(wanted)} under {expect.semantics} semantics, "
                f"but it {_PRESENT[verdict.label.value]}",
                (f"computed: {verdict.label.value} ({verdict.status}), {result.explain(node_id)}",
                 f"move '{node_id}' to expect.{verdict.label.status}, or change the map"),
            )


def _expected_evaluation(ctx: MapContext) -> MapEvaluation | None:
    """The map under `expect.semantics`, or None when it has too many labellings to list (AM604's)."""
    from argmap.evaluate.semantics import TooManyExtensions

    try:
        return ctx.evaluation(ctx.model.expect.semantics)
    except TooManyExtensions:
        return None


def _relations_resolve(ctx: MapContext) -> bool:
    """Every support, attack and undercut names nodes and relations of the map. Until then
    (AM301, AM319 say what is wrong) the evaluation runs on a different graph than the author
    meant, and comparing it with `expect:` would only add errors that go away with the typo."""
    graph = ctx.graph
    return (all(edge.target in graph.nodes for edge in graph.edges)
            and all(graph.relation_exists(u.target, u.denied) for u in graph.undercuts))


@rule(Code.AM602, "`expect:` names a node the map does not have.")
def unknown_expected_nodes(ctx: MapContext):
    """Every id in `expect` lists, and every key of `expect.dfquad` and `expect.qe`, must be a
    node of the map.

    Passing:

        expect:
          stands: [no-permanent-forces]     # a node of this map

    Failing:

        expect:
          stands: [no-such-node]
    """
    expect = ctx.model.expect
    if expect is None:
        return
    def hint(node_id: str) -> tuple[str, ...]:
        close = difflib.get_close_matches(node_id, list(ctx.model.nodes), n=1, cutoff=0.6)
        return (f"did you mean '{close[0]}'?",) if close else ()

    for list_name in EXPECT_LISTS:
        for i, node_id in enumerate(getattr(expect, list_name)):
            if node_id not in ctx.model.nodes:
                yield ctx.report(("expect", list_name, i), f"expect.{list_name} names '{node_id}', which is not a node of this map",
                                 hint(node_id))
    for semantics in GRADUAL_SEMANTICS:
        for node_id in pinned_strengths(expect, semantics):
            if node_id not in ctx.model.nodes:
                yield ctx.report(("expect", semantics, node_id),
                                 f"expect.{semantics} names '{node_id}', which is not a node of this map", hint(node_id),
                                 at_key=True)


@rule(Code.AM603, "A strength pinned in `expect:` differs from the computed one.")
def expected_strengths(ctx: MapContext):
    """Each strength under `expect.dfquad` or `expect.qe` must be within 0.01 of the node's
    computed strength under that gradual semantics (base scores from `weight:`, else from the
    evidence; see `argmap eval`). Nodes not listed are not checked.

    Passing:

        nodes:
          t: {type: thesis, side: pro, title: T, text: T}
          c: {type: claim, title: C, text: C, supports: [t], analytic: true}
        expect:
          dfquad: {t: 0.75, c: 0.5}   # c keeps its neutral base score; t = 0.5 + 0.5 x 0.5

    Failing:

        expect:
          dfquad: {t: 0.62}   # computed: 0.75

    Not checked while `sources.yaml` has errors: base scores come from the sources' reliability,
    and strengths computed without them would give wrong numbers to "fix" the map with.
    """
    expect = ctx.model.expect
    if expect is None or not ctx.project.registry_valid or not _relations_resolve(ctx):
        return
    for semantics in GRADUAL_SEMANTICS:
        pinned = pinned_strengths(expect, semantics)
        if not pinned:
            continue
        strengths = ctx.evaluation(semantics).scores
        for node_id, wanted in pinned.items():
            found = strengths.get(node_id)
            if found is None or abs(found - wanted) <= EXPECT_STRENGTH_TOLERANCE:
                continue  # unknown ids are AM602's
            yield ctx.report(
                ("expect", semantics, node_id),
                f"strength of '{node_id}' under {semantics} semantics: expected {wanted:g}, found {found:.2f}",
                (f"computed: {found} (tolerance {EXPECT_STRENGTH_TOLERANCE})",
                 f"set expect.{semantics}.{node_id} to {found:.2f}, or change the map"),
            )


@rule(Code.AM604, f"`expect:` names a semantics under which the map has more than {MAX_EXTENSIONS:,} labellings.")
def expected_semantics_listable(ctx: MapContext):
    """Preferred and stable semantics may give a map exponentially many labellings (ten pairs
    of claims attacking each other give 1,024). argmap stops listing them after 1,000, so the
    labels of `expect:` cannot be checked under that semantics; the other maps are checked as usual.

    Passing:

        expect:
          semantics: grounded   # one labelling, always
          undecided: [p1, k1]

    Failing:

        expect:
          semantics: preferred   # ten pairs p1..p10 and k1..k10 attacking each other: 1,024 labellings
          undecided: [p1, k1]

    Not checked while a support, attack or undercut names a node or relation the map does not
    have (AM301, AM319).
    """
    expect = ctx.model.expect
    if expect is None or not _relations_resolve(ctx) or _expected_evaluation(ctx) is not None:
        return
    yield ctx.report(
        ("expect", "semantics"),
        f"the map has more than {MAX_EXTENSIONS:,} labellings under {expect.semantics} semantics; "
        "argmap stops listing them there, so expect: cannot be checked",
        ("use semantics: grounded (one labelling, always), or split the debate into smaller maps",),
    )


# What `argmap eval` forgives: a map whose expectations fail is still evaluated, to show why.
EXPECT_CODES = frozenset({expected_labels.code, unknown_expected_nodes.code, expected_strengths.code,
                          expected_semantics_listable.code})


_PRESENT = {"IN": "stands", "OUT": "falls", "UNDEC": "is undecided"}  # by label


def _verb(label: str) -> str:
    return {"IN": "stand", "OUT": "fall", "UNDEC": "stay undecided"}[label]


@rule(Code.AM605, "`expect: verdict:` differs from the computed verdict.")
def expected_verdict(ctx: MapContext):
    """`expect.verdict` (pro, con or contested) must be the leader of the map's headline verdict:
    under `expect.semantics` when the map names one, else under quadratic energy (`qe`). See
    `argmap eval`, which shows the verdict first.

    Passing:

        nodes:
          extend: {type: thesis, side: pro, title: Extend, text: Extend the wall.}
          keep: {type: thesis, side: con, title: Keep, text: Keep the wall.}
          shelter: {type: claim, title: Shelter, text: It shelters the fleet., supports: [extend], analytic: true}
        expect:
          verdict: pro      # shelter is an unanswered reason for extend, and against keep

    Failing:

        expect:
          verdict: contested   # computed: pro
    """
    expect = ctx.model.expect
    if expect is None or expect.verdict is None or not ctx.project.registry_valid or not _relations_resolve(ctx):
        return
    from argmap.evaluate.semantics import TooManyExtensions
    from argmap.evaluate.verdict import headline_semantics  # the engine: maps with `expect: verdict:` alone

    semantics = headline_semantics(ctx.model)
    try:
        verdict = ctx.evaluations.verdict(ctx.model, semantics)
    except TooManyExtensions:  # AM604's
        return
    if verdict is None:
        yield ctx.report(("expect", "verdict"), "expect.verdict is set, but the map has no thesis on one side: "
                         "there is no verdict", ("give each side a thesis, or remove expect.verdict",))
        return
    if verdict.leader != expect.verdict:
        yield ctx.report(("expect", "verdict"),
                         f"the verdict is expected to be {expect.verdict} under {semantics} semantics, "
                         f"but it is {verdict.leader} (margin {verdict.margin:+.2f})",
                         (f"set expect.verdict to {verdict.leader}, or change the map",))
