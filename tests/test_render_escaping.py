"""Escaping: map text reaches DOT, Graphviz's label parser and the SVG literally, and can inject
nothing (no attributes, nodes, edges or markup)."""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as ET

import graphviz
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from argmap.render import map_to_dot
from argmap.render.escape import escstring, html_text, quoted_name
from argmap.render.labels import wrap_lines
from conftest import requires_dot
from render_support import HOSTILE, SVG, drawn_edges, drawn_nodes, load_model


@pytest.mark.parametrize("text", ['"', "\\", "\\N", "a\\", "<b>", "&amp;", "{}|", "]];", "\n", "\t"])
def test_escaped_text_holds_no_dot_or_markup_metacharacters(text):
    for escaped in (html_text(text), escstring(text)):
        assert not set(escaped) & set('"<>\\\n\t'), escaped


def test_control_characters_become_visible_pictures():
    assert html_text("a\x00b\x1bc") == "a\u2400b\u241bc"


def test_node_names_are_quoted_and_escaped():
    assert quoted_name("plain-id") == '"plain-id"'
    assert quoted_name('a"b') == '"a\\"b"'
    assert quoted_name("a\\") == '"a\\\\"'


def test_wrapping_bounds_width_even_for_unbroken_text():
    lines = wrap_lines("x" * 100 + " 北约东扩是安全困境的根源吗" * 4, width=32)
    assert all(len(line) <= 32 for line in lines)


def test_wrapping_keeps_authors_line_breaks_and_ends_long_text_with_ellipsis():
    assert wrap_lines("one\ntwo") == ["one", "two"]
    long = wrap_lines("word " * 400, width=20, max_lines=5)
    assert len(long) == 5 and long[-1].endswith("…")


def textwrap_lines(text: str, width: int, max_lines: int) -> list[str]:
    """The oracle: every paragraph through textwrap, then cut to ``max_lines``."""
    lines = [line for paragraph in text.splitlines() or [""]
             for line in textwrap.wrap(paragraph, width, break_long_words=True, tabsize=4) or [""]]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


# words of every kind textwrap treats apart: hyphens, dashes, tabs, runs of spaces, non-breaking
# and ideographic spaces, words wider than a line, paragraph breaks
WRAP_TOKENS = ["a", "word", "longerword", "x" * 40, "y" * 33, "北约东扩", "a-b", "--", "", " ", " " * 20,
               "\t", "\t" * 9, "\n", "\u00a0", "x\u3000y", "\x0b"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WRAP_TOKENS), max_size=800).map(" ".join),
       st.sampled_from([5, 10, 32]), st.sampled_from([1, 3, 12]))
def test_wrapping_matches_textwrap_however_long_the_text(text, width, max_lines):
    # the one documented difference: a blank run wider than a line opening a long paragraph
    long_paragraph = (max_lines + 2) * (2 * width + 2)
    opening_blank = re.compile(r"[ \t]{%d}" % (width + 2))
    assume(not any(len(p) > long_paragraph and opening_blank.match(p.expandtabs(4)) for p in text.splitlines()))
    assert wrap_lines(text, width, max_lines) == textwrap_lines(text, width, max_lines)


def hostile_dot() -> tuple[str, object]:
    result = load_model(HOSTILE)
    document = result.project.maps[0]
    return map_to_dot(document.model, document.graph), document.model


@requires_dot
def test_graphviz_sees_exactly_the_map_nodes_and_edges():
    """Parse the DOT back with Graphviz itself (-Tcanon): injection would add nodes or edges."""
    dot_text, model = hostile_dot()
    canon = graphviz.Source(dot_text).pipe(format="json", engine="dot").decode()
    import json

    graph = json.loads(canon)
    names = {obj["name"] for obj in graph["objects"] if "nodes" not in obj}  # nodes, not clusters
    assert {n for n in names if not n.startswith("legend:")} == set(model.nodes)
    map_edges = [e for e in graph["edges"] if not graph["objects"][e["tail"]]["name"].startswith("legend:")]
    from argmap.core.graph import clashes

    clash_edges = len(clashes(model)) // 2  # a mutual clash is drawn once
    assert len(map_edges) == sum(len(n.supports) + len(n.attacks) for n in model.nodes.values()) + clash_edges
    for obj in graph["objects"]:
        assert obj.get("shape") != "star"  # the injected attribute never took effect


@requires_dot
def test_hostile_labels_render_literally_in_svg():
    dot_text, model = hostile_dot()
    svg = graphviz.Source(dot_text).pipe(format="svg", engine="dot")
    root = ET.fromstring(svg)  # well-formed XML
    assert not [e for e in root.iter() if e.tag in (f"{SVG}script", "script", f"{SVG}foreignObject")]
    nodes = drawn_nodes(svg)
    assert set(nodes) == set(model.nodes)
    assert len(drawn_edges(svg)) == 5
    for node_id, node in model.nodes.items():
        drawn = nodes[node_id]
        # the tooltip is the full text; XML normalises a literal tab in an attribute to a space
        assert " ".join(drawn.tooltip.split()) == " ".join(node.text.split())
        # every wrapped line is drawn verbatim, in order (struck or not)
        body = [line for line in wrap_lines(node.text) if line]
        # Graphviz keeps runs of spaces as no-break spaces so that SVG viewers do not collapse them
        drawn_lines = [line.replace("\xa0", " ").strip() for line in drawn.lines]
        positions = [drawn_lines.index(line.strip()) for line in body]
        assert positions == sorted(positions)
    backslashes = nodes["quotes-and-backslashes"]
    assert backslashes.tooltip == model.nodes["quotes-and-backslashes"].text
    assert "escapes \\N \\G \\L \\n \\l \\\\ and a" in backslashes.lines
    assert "trailing backslash \\" in backslashes.lines
    assert "<script>alert('x')</script>" in nodes["markup"].lines
    assert any("🛡️🇺🇦⚖️👍🏽" in line for line in nodes["scripts"].lines)
    assert any("الناتو حلف دفاعي" in line for line in nodes["scripts"].lines)
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert 'Hostile <b>labels</b> & "quotes" \\ {}|' in texts
    assert any('"]; evil [label="x" escape? <script>alert(1)</script>' in t for t in texts)
