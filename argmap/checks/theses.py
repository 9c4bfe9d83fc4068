"""How the two theses relate: they contradict unless the map says why they can both be true."""

from __future__ import annotations

from argmap.checks.rule import MapContext, rule
from argmap.core.codes import Code


@rule(Code.AM323, "`theses: compatible` without `because:`, or `because:` without `theses: compatible`.")
def theses_reason(ctx: MapContext):
    """Pro and con theses contradict by default: each attacks the other (a derived clash), and the
    verdict says which one holds. A map whose theses can both be true says `theses: compatible`
    and gives the reason in `because:`; then no clash is derived. `because:` alone says nothing.

    Passing:

        theses: compatible
        because: A city can extend the wall and still keep the old quay.

    Failing:

        theses: compatible        # why? say it in because:
    """
    model = ctx.model
    if model.theses == "compatible" and model.because is None:
        yield ctx.report(("theses",), "`theses: compatible` needs `because:`, the reason both theses can be true",
                         ("add `because: ...`, or remove `theses: compatible` if the theses contradict",), at_key=True)
    elif model.because is not None and model.theses != "compatible":
        yield ctx.report(("because",), "`because:` gives a reason, but the map does not say `theses: compatible`",
                         ("add `theses: compatible`, or remove `because:`",), at_key=True)


@rule(Code.AM324, "A map with a thesis on each side has no `question:`, which its verdict answers.")
def missing_question(ctx: MapContext):
    """The verdict says which side the question finds ahead: a map with a thesis on each side
    names it. A map of one side only (an import in progress, a case file) needs none.

    Passing:

        question: Should the city extend the harbour wall?
        nodes:
          extend: {type: thesis, side: pro, text: The city should extend the harbour wall.}
          keep: {type: thesis, side: con, text: The city should keep the wall as it is.}

    Failing:

        nodes:
          extend: {type: thesis, side: pro, text: The city should extend the harbour wall.}
          keep: {type: thesis, side: con, text: The city should keep the wall as it is.}
    """
    model = ctx.model
    if model.question is None and ctx.graph.thesis_of("pro") and ctx.graph.thesis_of("con"):
        yield ctx.report(("id",), "the map has a thesis on each side but no `question:` for its verdict to answer",
                         ("add `question: ...`, the one question both theses answer, so that they contradict",),
                         at_key=True)
