"""`argmap lsp`: completion, hover, definition, references, rename, code actions and the outline,
asked of the real server as an editor asks them."""

from __future__ import annotations

import pytest
from lsprotocol import types

from argmap.core.schema import MAP_SCHEMA, json_schema
from lsp_support import (  # noqa: F401 - client and lsp_project are fixtures
    change_map, client, codes, diagnostics, doc, lsp_project, open_map, position_of,
)

pytestmark = pytest.mark.asyncio

# The fixture's ferry map in format 2, with an undercut and an `expect` naming nodes.
UNDERCUT = """
  bridge-money-is-no-reason:
    type: objection
    title: Money says nothing
    text: What the bridge costs says nothing about how well the ferry works.
    undercuts: [{from: ferry-is-cheaper, to: try-the-ferry}]
    analytic: true
"""
EXPECT = """
expect:
  stands: [try-the-ferry]
  qe: {ferry-is-cheaper: 0.5}
"""


def ferry_map(lsp_project, version: int = 2) -> tuple:
    path = lsp_project / "maps" / "ferry-trial.yaml"
    text = path.read_text(encoding="utf-8").replace("argmap: 1", f"argmap: {version}") + UNDERCUT + EXPECT
    return path, text


async def complete(client, uri, text, needle, offset=None) -> dict[str, types.CompletionItem]:
    position = position_of(text, needle, len(needle) if offset is None else offset)
    result = await client.text_document_completion_async(types.CompletionParams(text_document=doc(uri), position=position))
    return {item.label: item for item in result.items}


async def test_completion_offers_node_ids_source_ids_keys_values_and_periods(client, lsp_project):
    path, text = ferry_map(lsp_project)
    text = text.replace("  crossing-is-quick:\n    type: claim\n", "  crossing-is-quick:\n    type: claim\n    \n")
    text += "  falls: []\n"
    uri = open_map(client, path, text)
    await diagnostics(client, uri)

    in_supports = await complete(client, uri, text, "supports: [try-the-ferry]", len("supports: [try-"))
    assert {"try-the-ferry", "go-to-the-bridge", "waiting-is-no-argument"} <= in_supports.keys()
    assert in_supports["try-the-ferry"].detail == (  # no title: its text stands in, as in diagrams
        "Lembah should give the new ferry a fair trial before it spends road money on a bridge. (thesis, pro)")
    assert in_supports["waiting-is-no-argument"].detail.endswith("(objection, pro)")  # it attacks a con claim
    assert (await complete(client, uri, text, "to: "))["bridge-money-is-no-reason"].detail == "Money says nothing (objection, con)"
    assert (await complete(client, uri, text, "undercuts: [{from: "))["ferry-is-cheaper"].kind == types.CompletionItemKind.Reference
    assert "go-to-the-bridge" in await complete(client, uri, text, "falls: [")
    in_strengths = await complete(client, uri, text, "qe: {")
    assert in_strengths["crossing-is-quick"].text_edit.new_text == "crossing-is-quick: "

    sources = await complete(client, uri, text, "- source: ng2022", len("- source: n"))
    assert sources.keys() == {"sari2023", "warta2024", "ng2022"}
    assert sources["sari2023"].detail == "Sari et al. 23"
    assert "Jembatan Sungai Lembah" in sources["sari2023"].documentation

    keys = await complete(client, uri, text, "    type: claim\n    \n", len("    type: claim\n    "))
    assert {"title", "supports", "undercuts", "evidence", "analytic", "weight"} <= keys.keys()
    assert keys["supports"].documentation == json_schema(MAP_SCHEMA)["$defs"]["Node"]["properties"]["supports"]["description"]
    types_ = await complete(client, uri, text, "  crossing-is-quick:\n    type: ", len("  crossing-is-quick:\n    type: "))
    assert {"thesis", "claim", "objection", "rebuttal"} <= types_.keys()
    sides = await complete(client, uri, text, "    side: ", len("    side: "))
    assert {"pro", "con"} <= sides.keys()

    dated = text.replace("        highlight: [twelve minutes]", "        highlight: [twelve minutes]\n        as_of: ")
    change_map(client, uri, dated, 2)
    periods = await complete(client, uri, dated, "as_of: ")
    assert {item.detail for item in periods.values()} >= {"a day", "a month", "a year"}
    assert any("/" in label for label in periods)


async def test_completion_still_offers_ids_while_the_text_does_not_parse(client, lsp_project):
    path, text = ferry_map(lsp_project)
    uri = open_map(client, path, text)
    await diagnostics(client, uri)
    broken = text.replace("    supports: [try-the-ferry]\n    evidence:\n      - source: ng2022\n        quote: On Monday",
                          "    supports: [try-the-ferry, \n    evidence:\n      - source: ng2022\n        quote: On Monday", 1)
    change_map(client, uri, broken, 2)
    assert "AM103" in codes(await diagnostics(client, uri))
    offered = await complete(client, uri, broken, "supports: [try-the-ferry, ")
    assert "go-to-the-bridge" in offered


async def hover_at(client, uri, text, needle, offset=1) -> str | None:
    result = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri),
                                                                      position=position_of(text, needle, offset)))
    return result.contents.value if result is not None else None


async def test_hover_tells_a_node_a_source_and_a_quote(client, lsp_project):
    path, text = ferry_map(lsp_project)
    uri = open_map(client, path, text)
    await diagnostics(client, uri)

    node = await hover_at(client, uri, text, "attacks: [ferry-is-cheaper]", len("attacks: [f"))
    assert "(`ferry-is-cheaper`)" in node and "claim · pro side · stands (grounded)" in node
    assert "dfquad 0." in node and "qe 0." in node
    titled = await hover_at(client, uri, text, "  bridge-money-is-no-reason:", 3)
    assert "**Money says nothing**" in titled and "objection · con side" in titled

    source = await hover_at(client, uri, text, "source: warta2024", len("source: w"))
    assert "**Lestari 24** (`warta2024`)" in source and "Feri Baru untuk Sungai Lembah" in source

    quote = await hover_at(client, uri, text, "quote: Feri ini lebih murah", len("quote: F"))
    assert "`warta2024-feri-lembah.txt`, line 5:" in quote
    assert "translation: This ferry is cheaper than a bridge, and it can sail this year," in quote


async def test_definition_leads_to_the_node_the_registry_entry_and_the_seed_passage(client, lsp_project):
    path, text = ferry_map(lsp_project)
    uri = open_map(client, path, text)
    await diagnostics(client, uri)

    async def definition(needle, offset):
        return await client.text_document_definition_async(types.DefinitionParams(
            text_document=doc(uri), position=position_of(text, needle, offset)))

    node = await definition("supports: [try-the-ferry]", len("supports: [t"))
    assert node.uri == uri and node.range.start == position_of(text, "  try-the-ferry:", 2)
    registry = lsp_project / "seeds" / "sources.yaml"
    entry = await definition("source: warta2024", len("source: w"))
    assert entry.uri == registry.resolve().as_uri()
    assert entry.range.start == position_of(registry.read_text(encoding="utf-8"), "  warta2024:", 2)
    passage = await definition("quote: On Monday", len("quote: O"))
    seed = (lsp_project / "seeds" / "ng2022-ferry-diary.txt").read_text(encoding="utf-8")
    assert passage.uri == (lsp_project / "seeds" / "ng2022-ferry-diary.txt").resolve().as_uri()
    assert passage.range.start == position_of(seed, "On Monday the boat left")


async def test_references_and_rename_cover_relations_undercuts_and_expect(client, lsp_project):
    path, text = ferry_map(lsp_project)
    text = text.replace("attacks: [ferry-is-cheaper]", "attacks: [{to: ferry-is-cheaper, weight: 0.5}]")  # a weighted attack
    uri = open_map(client, path, text)
    assert await diagnostics(client, uri) is not None
    at = position_of(text, "  ferry-is-cheaper:", 2)
    found = await client.text_document_references_async(types.ReferenceParams(
        text_document=doc(uri), position=at, context=types.ReferenceContext(include_declaration=True)))
    lines = text.splitlines()
    named = sorted((r.range.start.line, lines[r.range.start.line][r.range.start.character:r.range.end.character]) for r in found)
    assert [name for _, name in named] == ["ferry-is-cheaper"] * 4  # its entry, the attack, the undercut, expect's qe

    edit = await client.text_document_rename_async(types.RenameParams(text_document=doc(uri), position=at,
                                                                      new_name="ferry-costs-less"))
    renamed = apply(text, edit.changes[uri])
    assert "ferry-is-cheaper" not in renamed and renamed.count("ferry-costs-less") == 4
    change_map(client, uri, renamed, 2)
    assert "AM301" not in codes(await diagnostics(client, uri))  # every reference follows

    for refused in ("try-the-ferry", "not an id"):
        with pytest.raises(Exception, match="already has a node 'try-the-ferry'|is not a node id"):
            await client.text_document_rename_async(types.RenameParams(
                text_document=doc(uri), position=position_of(renamed, "  ferry-costs-less:", 2), new_name=refused))


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """The text with the edits made (positions in ASCII text), from the end so that offsets hold."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(p: types.Position) -> int:
        return starts[p.line] + p.character

    for e in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[:offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
    return text


async def actions_at(client, uri, text, needle) -> list[types.CodeAction]:
    at = position_of(text, needle, 1)
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=doc(uri), range=types.Range(start=at, end=at), context=types.CodeActionContext(diagnostics=[])))


async def test_a_misquote_is_replaced_by_the_closest_whole_clause_which_then_checks(client, lsp_project):
    path, text = ferry_map(lsp_project)
    misquoted = text.replace("quote: On Monday the boat left on time, and the crossing took twelve minutes.",
                             "quote: on monday the ferry left on time and the crossing took twelve minutes")
    uri = open_map(client, path, misquoted)
    assert "AM501" in codes(await diagnostics(client, uri))
    offered = await actions_at(client, uri, misquoted, "quote: on monday")
    fix = next(a for a in offered if a.title.startswith("Replace with the closest whole clause of 'ng2022' (line 4"))
    fixed = apply(misquoted, fix.edit.changes[uri])
    assert "quote: On Monday the boat left on time, and the crossing took twelve minutes." in fixed
    change_map(client, uri, fixed, 2)
    assert "AM501" not in codes(await diagnostics(client, uri))


async def test_a_missing_title_is_added_and_a_version_1_map_migrated(client, lsp_project):
    path, text = ferry_map(lsp_project)
    uri = open_map(client, path, text)
    assert "AM320" in codes(await diagnostics(client, uri))
    offered = await actions_at(client, uri, text, "  crossing-is-quick:")
    add = next(a for a in offered if a.title == "Add a title to 'crossing-is-quick' (a TODO to write)")
    titled = apply(text, add.edit.changes[uri])
    assert "  crossing-is-quick:\n    type: claim\n    title: TODO, a short title\n    text: On a normal day" in titled

    old = path.read_text(encoding="utf-8")  # the fixture as it is: version 1, no titles
    uri = open_map(client, path, old)
    assert await diagnostics(client, uri) == []
    migrate = next(a for a in await actions_at(client, uri, old, "argmap: 1") if a.title.startswith("Migrate"))
    migrated = apply(old, migrate.edit.changes[uri])
    assert migrated.startswith(old[:old.index("argmap: 1")] + "argmap: 2")
    assert migrated.count("title: TODO, a short title") == 6
    change_map(client, uri, migrated, 2)
    assert set(codes(await diagnostics(client, uri))) == {"AM317"}  # only the titles left to write


async def test_the_outline_groups_nodes_by_side_then_type(client, lsp_project):
    path, text = ferry_map(lsp_project)
    uri = open_map(client, path, text)
    await diagnostics(client, uri)
    outline = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc(uri)))
    tree = {side.name: {group.name: [node.detail.split(" · ")[0] for node in group.children] for group in side.children}
            for side in outline}
    assert tree == {
        "pro": {"thesis": ["try-the-ferry"], "claim": ["crossing-is-quick", "ferry-is-cheaper"],
                "objection": ["waiting-is-no-argument"]},
        "con": {"thesis": ["go-to-the-bridge"], "claim": ["residents-have-waited"],
                "objection": ["bridge-money-is-no-reason"]},
    }
    assert outline[0].detail == "Try the ferry first"
    money = outline[1].children[2].children[0]
    assert money.name == "Money says nothing"
    assert money.range.start == position_of(text, "  bridge-money-is-no-reason:", 2)
    assert money.range.end.line == text[:text.index("    analytic: true\n\nexpect:")].count("\n")
