"""Text left unfinished: the TODO placeholders `argmap new` writes (and any a mapper adds)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.checks.rule import MapContext, rule
from argmap.core.codes import Code
from argmap.core.load import YamlPath
from argmap.core.model import ArgMap

PLACEHOLDER = re.compile(r"\bTODO\b")


@rule(Code.AM317, "Text still holds a `TODO` placeholder, as `argmap new` writes them; `--strict` refuses an unfinished map.")
def placeholder_text(ctx: MapContext):
    """A map fresh from `argmap new` checks clean apart from its placeholders, so that the CI
    gate (`argmap check --strict`) cannot pass a map nobody has written yet.

    Passing:

        question: Is NATO's expansion the cause of the security dilemma?

    Failing:

        question: TODO, the question this debate answers?
    """
    if "TODO" not in ctx.document.doc.text and "\\" not in ctx.document.doc.text:
        return  # no placeholder anywhere (nor an escape that could spell one): skip 400,000 texts
    for path, text in _texts(ctx.model):
        if "TODO" in text and PLACEHOLDER.search(text):  # the plain search first: 5x faster than the regex
            yield ctx.report(path, f"{'.'.join(map(str, path))} still holds a TODO placeholder",
                             ("replace it with your own words",))


def _texts(argmap: ArgMap) -> Iterator[tuple[YamlPath, str]]:
    """Every text the mapper writes (quotes are the source's words, so they are left out)."""
    yield ("title",), argmap.title
    if argmap.question:
        yield ("question",), argmap.question
    yield ("sides", "pro"), argmap.sides.pro
    yield ("sides", "con"), argmap.sides.con
    if argmap.description:
        yield ("description",), argmap.description
    for node_id, node in argmap.nodes.items():
        if node.title:
            yield ("nodes", node_id, "title"), node.title
        yield ("nodes", node_id, "text"), node.text
        if node.note:
            yield ("nodes", node_id, "note"), node.note
        for i, evidence in enumerate(node.evidence):
            for key in ("translation", "speaker", "note"):
                value = getattr(evidence, key)
                if value:
                    yield ("nodes", node_id, "evidence", i, key), value
