"""`argmap diff` for people (text), programs (json), pull requests (markdown: a comment or the
job summary) and GitHub Actions' log (github: a notice on each changed map).

Every format but json words the changes alike: :func:`sections` says what changed, in plain
text, and each format only lays it out and escapes it for where it goes. Reporters are looked up
by name in :data:`DIFF_REPORTERS`.

JSON: ``{"argmap", "base", "changed", "maps": [{"path", "old", "new", "status", "semantics",
"label_semantics", "verdict": {"before", "after"}, "changes": {...}, "labels": [...],
"strengths": [...]}], "problems": [...]}``; a verdict is as `argmap eval --format json` gives
it, a label ``{"node", "before", "after"}`` (IN, OUT, UNDEC or null), a strength ``{"node",
"before", "after"}`` (unrounded), each kind of change a list.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from typing import TYPE_CHECKING, ClassVar, Protocol

from argmap import __version__
from argmap.core.changes import UNDERCUTS, FieldChange, Quote, Relation
from argmap.evaluate.strength import rounded
from argmap.evaluate.verdict import MapVerdict
from argmap.reporters.evaluation import verdict_payload
from argmap.reporters.github import annotation, escape_data, escape_property
from argmap.text.terminal import printable
from argmap.text.words import plural

if TYPE_CHECKING:
    from argmap.core.model import ArgMap
    from argmap.usecases.diff import DiffOutcome, MapDiff

QUOTE_SHOWN = 80  # characters of a quote or a node's text shown; the rest is "..."
PIN_SHOWN = 12  # hex digits of a sha256, as `argmap check` shows a changed pin
NO_VALUE = "(none)"
STATUS_WORDS = {"added": "map added", "removed": "map removed", "changed": "changed",
                "unchanged": "nothing changed in the debate"}


class DiffReporter(Protocol):
    name: ClassVar[str]
    # text and markdown are read by people: a version that does not load is told on stderr, in
    # `argmap check`'s form; json and github carry it in their own output
    for_people: ClassVar[bool]

    def render(self, outcome: DiffOutcome) -> str: ...


# --- the words, shared by the formats --------------------------------------------------------


def sections(diff: MapDiff) -> list[tuple[str, list[str]]]:
    """Each kind of change with one line per change; kinds without a change are left out."""
    changes = diff.changes
    new, old = diff.new.model, diff.old.model
    both = (new, old)
    found = [
        ("map", [_field(c) for c in changes.fields]),
        ("nodes added", [_node(n, new) for n in changes.nodes_added]),
        ("nodes removed", [_node(n, old) for n in changes.nodes_removed]),
        ("retitled", [f"{c.node}: {_quoted(c.before)} → {_quoted(c.after)}" for c in changes.retitled]),
        ("reworded", [f"{_node(c.node, new)}: {_quoted(c.before)} → {_quoted(c.after)}" for c in changes.reworded]),
        ("node fields", [f"{_node(c.node, new)}: {_field(c)}" for c in changes.node_fields]),
        ("relations added", [_relation(r) for r in changes.relations_added]),
        ("relations removed", [_relation(r) for r in changes.relations_removed]),
        ("relations reweighted", [f"{_relation(w.relation, weight=False)}: weight {rounded(w.relation.weight)} → "
                                  f"{rounded(w.after)}" for w in changes.reweighted]),
        ("evidence added", [_quote(q, both) for q in changes.evidence_added]),
        ("evidence removed", [_quote(q, both) for q in changes.evidence_removed]),
        ("requoted", [f"{_node(r.node, new)}: {r.source} {_quoted(r.before)} → {_quoted(r.after)}"
                      for r in changes.requoted]),
        ("evidence edited", [f"{_node(c.node, new)}: {_field(c)}" for c in changes.evidence_edited]),
        ("sources", [f"{c.node}: {_source_field(c)}" for c in changes.sources]),
        (f"labels ({diff.label_semantics})", [
            f"{_node(c.node, new if c.after else old)}: {_status(c.before)} → {_status(c.after)}" for c in diff.labels]),
        (f"strengths ({diff.semantics})", [
            f"{_node(c.node, new)}: {rounded(c.before)} → {rounded(c.after)} ({c.delta:+.2f})" for c in diff.strengths]),
    ]
    return [(kind, lines) for kind, lines in found if lines]


def verdict_line(diff: MapDiff) -> str | None:
    """The verdict before → after, or None when neither version has one (a side without a thesis)."""
    if diff.before is None and diff.after is None:
        return None
    return f"verdict ({diff.semantics}): {_verdict(diff.before)} → {_verdict(diff.after)}"


def verdict_rows(diff: MapDiff) -> list[tuple[str, str, str]]:
    """Leader, margin and robustness, before and after."""
    def cells(verdict: MapVerdict | None) -> tuple[str, str, str]:
        if verdict is None:
            return NO_VALUE, NO_VALUE, NO_VALUE
        robustness = f"{verdict.robustness:.0%}" + (" (fragile)" if verdict.fragile else "") if verdict.samples else \
            "n/a (labels)"
        return verdict.leader, f"{verdict.margin:+.2f}", robustness

    before, after = cells(diff.before), cells(diff.after)
    return [(what, before[i], after[i]) for i, what in enumerate(("leader", "margin", "robustness"))]


def headline(diff: MapDiff) -> str:
    """``maps/x.yaml: changed (main:maps/x.yaml → maps/x.yaml)``."""
    versions = f" ({diff.old.name} → {diff.new.name})" if diff.status != "unchanged" else ""
    return f"{diff.path}: {STATUS_WORDS[diff.status]}{versions}"


def summary(outcome: DiffOutcome) -> str:
    changed = len(outcome.changed)
    line = f"{plural(changed, 'map')} changed, {len(outcome.maps) - changed:,} unchanged"
    if outcome.base is not None:
        line += f" since {outcome.base}"
    if outcome.problems:
        line += f"; {plural(len({d.path for d in outcome.problems}), 'file')} could not be read as maps"
    return line


def _verdict(verdict: MapVerdict | None) -> str:
    if verdict is None:
        return NO_VALUE
    robustness = f", robustness {verdict.robustness:.0%}" if verdict.samples else ""
    return f"{verdict.summary}{robustness}" + (" (fragile)" if verdict.fragile else "")


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_SHOWN else text[:QUOTE_SHOWN - 3] + "..."


def _quoted(text: str | None) -> str:
    return NO_VALUE if text is None else f'"{_shorten(text)}"'


def _node(node_id: str, argmap: ArgMap | None) -> str:
    node = argmap.nodes.get(node_id) if argmap is not None else None
    return f"{node_id} ({_shorten(node.title)})" if node is not None and node.title else node_id


def _field(change: FieldChange) -> str:
    return f"{change.field}: {_quoted(change.before)} → {_quoted(change.after)}"


def _source_field(change: FieldChange) -> str:
    if change.field == "sha256":
        return f"pin {(change.before or NO_VALUE)[:PIN_SHOWN]} → {(change.after or NO_VALUE)[:PIN_SHOWN]}"
    return f"{change.field} {change.before or NO_VALUE} → {change.after or NO_VALUE}"


def _relation(relation: Relation, weight: bool = True) -> str:
    shown = f"{relation.source} {relation.kind} {relation.target}"
    if weight and relation.kind != UNDERCUTS:
        shown += f" (weight {rounded(relation.weight)})"  # type: ignore[arg-type]
    return shown


def _quote(quote: Quote, maps: tuple[ArgMap | None, ...]) -> str:
    argmap = next((m for m in maps if m is not None and quote.node in m.nodes), None)
    return f"{_node(quote.node, argmap)}: {quote.source} {_quoted(quote.quote)}"


def _status(label) -> str:
    return label.status if label is not None else NO_VALUE


# --- the formats ----------------------------------------------------------------------------


class TextDiff:
    """For a terminal: each map's headline, its verdict and changes indented below, a summary."""

    name = "text"
    for_people = True

    def render(self, outcome: DiffOutcome) -> str:
        lines = []
        for diff in outcome.maps:
            lines.append(headline(diff))
            verdict = verdict_line(diff)
            if verdict is not None and diff.changed:
                lines.append(f"  {verdict}")
            for kind, items in sections(diff):
                lines.append(f"  {kind}:")
                lines.extend(f"    - {item}" for item in items)
        lines.append(summary(outcome))
        return "\n".join(map(printable, lines))


class JsonDiff:
    name = "json"
    for_people = False

    def render(self, outcome: DiffOutcome) -> str:
        def verdict(v: MapVerdict | None) -> dict | None:
            return verdict_payload(v) if v is not None else None

        return json.dumps({
            "argmap": __version__,
            "base": outcome.base,
            "changed": bool(outcome.changed),
            "maps": [{
                "path": d.path, "old": d.old.name if d.old.model is not None else None,
                "new": d.new.name if d.new.model is not None else None, "status": d.status,
                "semantics": d.semantics, "label_semantics": d.label_semantics,
                "verdict": {"before": verdict(d.before), "after": verdict(d.after)},
                "changes": asdict(d.changes),
                "labels": [{"node": c.node, "before": c.before.value if c.before else None,
                            "after": c.after.value if c.after else None} for c in d.labels],
                "strengths": [{"node": c.node, "before": c.before, "after": c.after} for c in d.strengths],
            } for d in outcome.maps],
            "problems": [p.to_dict() for p in outcome.problems],
        }, ensure_ascii=False, indent=2)


# Markdown's own characters, and '<' '>' '&' for the HTML a comment would render; a map's text is
# shown as written, never as markup, a link, an image or a mention of someone
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#!|<>~&@])")
_LIST_MARKER = re.compile(r"^([-+]|\d+[.)])")  # what would start a list at the start of a line


def markdown_text(text: str) -> str:
    """``text`` as literal Markdown on one line: every character Markdown or HTML acts on is
    escaped, and line breaks become spaces."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LIST_MARKER.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], escaped)


class MarkdownDiff:
    """For a pull-request comment or ``$GITHUB_STEP_SUMMARY``: a heading per changed map, its
    verdict as a table, the changes as lists."""

    name = "markdown"
    for_people = True

    def render(self, outcome: DiffOutcome) -> str:
        lines = ["## argmap diff", "", markdown_text(summary(outcome)), ""]
        unchanged = [d for d in outcome.maps if not d.changed]
        for diff in outcome.changed:
            lines += [f"### {markdown_text(diff.path)}: {markdown_text(STATUS_WORDS[diff.status])}", "",
                      f"{markdown_text(diff.old.name)} → {markdown_text(diff.new.name)}", ""]
            if diff.before is not None or diff.after is not None:
                lines += [f"| verdict ({markdown_text(diff.semantics)}) | before | after |", "|---|---|---|"]
                lines += [f"| {what} | {markdown_text(before)} | {markdown_text(after)} |"
                          for what, before, after in verdict_rows(diff)]
                lines.append("")
            for kind, items in sections(diff):
                lines += [f"**{markdown_text(kind)}**", "", *(f"- {markdown_text(item)}" for item in items), ""]
        if unchanged:
            lines += ["Nothing changed in the debate of: " + ", ".join(markdown_text(d.path) for d in unchanged), ""]
        return "\n".join(lines).rstrip("\n")


class GithubDiff:
    """A notice on each changed map's file in the workflow's log and summary, a problem as an
    error annotation, then the summary line."""

    name = "github"
    for_people = False

    def render(self, outcome: DiffOutcome) -> str:
        lines = [annotation(problem) for problem in outcome.problems]
        for diff in outcome.changed:
            message = [headline(diff)]
            verdict = verdict_line(diff)
            if verdict is not None:
                message.append(verdict)
            message += [f"{kind}: {'; '.join(items)}" for kind, items in sections(diff)]
            title = escape_property(f"argmap diff: {diff.map_id}")
            lines.append(f"::notice file={escape_property(diff.path)},title={title}::{escape_data(chr(10).join(message))}")
        lines.append(summary(outcome))
        return "\n".join(lines)


DIFF_REPORTERS: dict[str, type[DiffReporter]] = {cls.name: cls for cls in (TextDiff, JsonDiff, MarkdownDiff, GithubDiff)}
