"""Titles: the short tag a debater says aloud and the diagram shows (format 2)."""

from __future__ import annotations

from argmap.checks.rule import MapContext, rule
from argmap.core.codes import Code
from argmap.core.model import MAX_TITLE_LENGTH


@rule(Code.AM320, "A node of an `argmap: 2` map has no `title`; version-1 maps are never told.")
def missing_titles(ctx: MapContext):
    """The title is what a debater says aloud, what the diagram shows and what the brief's links
    read; the full `text` stays on the card. A title longer than the schema allows is AM203.

    Passing:

        argmap: 2
        nodes:
          extend: {type: thesis, side: pro, title: Extend the wall, text: The city should extend the harbour wall.}

    Failing:

        argmap: 2
        nodes:
          extend: {type: thesis, side: pro, text: The city should extend the harbour wall.}
    """
    if ctx.model.argmap < 2:
        return
    for node_id, node in ctx.model.nodes.items():
        if node.title is None:
            yield ctx.report(("nodes", node_id), f"node '{node_id}' has no title",
                             (f"add `title:`, a tag of at most {MAX_TITLE_LENGTH} characters that the diagram and links show",),
                             at_key=True)
