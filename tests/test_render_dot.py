"""The DOT builder: pinned golden files, the typed view, selection and the layout tiers."""

from __future__ import annotations

import pytest

from argmap.core.diagnostics import UsageError
from argmap.core.model import Source
from argmap.render import LARGE_MAP_NODES, Selection, build_view, map_to_dot
from argmap.render.drawing import RenderOptions, document_dot
from argmap.render.layout import HUGE_MAP_NODES, plan_layout
from argmap.render.select import selected_nodes
from argmap.render.status import drawn_status
from argmap.render.view import short_cite
from render_support import GOLDEN, HOSTILE, SMALL, load_model


def sources_of(result):
    return {source_id: doc.source for source_id, doc in result.project.sources.items()}


def rendered(path, **options) -> str:
    result = load_model(path)
    return document_dot(result.project.maps[0], result.evaluations, RenderOptions(**options))


def check_golden(name: str, text: str, regen: bool) -> None:
    golden = GOLDEN / name
    if regen:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing; create it with pytest --regen-golden"
    assert text == golden.read_text(encoding="utf-8"), f"{golden} differs; rerun with --regen-golden if intended"


@pytest.mark.parametrize(
    ("golden", "path", "options"),
    [
        ("render-small.dot", SMALL, {}),
        ("render-small-no-status.dot", SMALL, {"show_status": False}),
        ("render-small-focus-o1-depth1-LR.dot", SMALL, {"selection": Selection("o1", 1), "rankdir": "LR"}),
        ("hostile-labels.dot", HOSTILE, {}),
    ],
)
def test_dot_matches_golden(golden, path, options, regen_golden):
    check_golden(golden, rendered(path, **options), regen_golden)


def test_dot_is_deterministic():
    assert rendered(SMALL) == rendered(SMALL)


def test_view_shows_evidence_count_short_cites_and_grounded_status():
    result = load_model(SMALL)
    document = result.project.maps[0]
    view = build_view(document.model, document.graph, sources_of(result), status=drawn_status(result.evaluations.of(document.model, "grounded")))
    nodes = {node.id: node for node in view.nodes}
    assert (nodes["c1"].evidence_count, nodes["c1"].cites) == (2, ("Sari 2023", "Ng 2022"))
    assert nodes["t-pro"].analytic and nodes["t-pro"].evidence_count == 0
    assert {n: nodes[n].status for n in ("r3", "o2", "r1")} == {"r3": "IN", "o2": "OUT", "r1": "UNDEC"}
    assert {n.side for n in view.nodes} == {"pro", "con"}
    assert [e.dom_id for e in view.edges if e.source == "r1"] == ["edge-r1-attacks-o1", "edge-r1-attacks-r2"]
    assert next(e for e in view.edges if e.source == "o2").faded  # o2 falls: its attack has no force


def test_node_label_shows_count_cite_and_status_badges():
    dot = rendered(SMALL)
    assert "2 quotes · Sari 2023 +1" in dot
    assert "1 quote · Ng 2022" in dot
    assert "◐ undecided" in dot and "✗ falls" in dot and "<S>An objection that falls.</S>" in dot
    assert "status under grounded semantics" in dot
    no_status = rendered(SMALL, show_status=False)
    assert "◐" not in no_status and "semantics" not in no_status


def test_short_cite_uses_family_name_or_source_id_for_unknown_authors():
    undated = Source.model_validate({"file": "a.txt", "title": "A", "author": [{"family": "Lestari", "given": "Nur"}]})
    anonymous = Source.model_validate({"file": "t.txt", "title": "T", "author": [{"literal": "Unknown (not stated)"}]})
    assert short_cite("lestari", undated) == "Lestari n.d."
    assert short_cite("some-thesis", anonymous) == "some-thesis n.d."
    assert short_cite("ghost", None) == "ghost"


def test_focus_keeps_the_neighbourhood_and_side_keeps_one_side():
    result = load_model(SMALL)
    graph = result.project.maps[0].graph
    assert selected_nodes(graph, Selection("o1", 1), "m") == {"o1", "c1", "r1"}
    assert selected_nodes(graph, Selection("o1", 0), "m") == {"o1"}
    assert selected_nodes(graph, Selection(side="con"), "m") == {"t-con", "o1", "r2", "o2", "c2"}
    assert selected_nodes(graph, Selection("o1", 2, side="pro"), "m") == {"c1", "r1", "t-pro"}


def test_bad_selections_are_usage_errors():
    result = load_model(SMALL)
    graph = result.project.maps[0].graph
    with pytest.raises(UsageError, match="no node 'o11' in m") as error:
        selected_nodes(graph, Selection("o11"), "m")
    assert error.value.hint.startswith("did you mean: o1") and error.value.setting == "focus"
    with pytest.raises(UsageError, match="a depth needs a focus node") as error:
        Selection(depth=1)
    assert error.value.setting == "depth"  # the CLI names its option: --depth


def test_edges_are_only_drawn_between_drawn_nodes():
    result = load_model(SMALL)
    document = result.project.maps[0]
    dot = map_to_dot(document.model, document.graph, selection=Selection(side="pro"))
    assert '"c1" -> "t-pro"' in dot and '"o1" -> "c1"' not in dot


def test_layout_tiers_by_size():
    assert plan_layout(LARGE_MAP_NODES).name == "full"
    assert plan_layout(LARGE_MAP_NODES + 1).name == "large"
    assert plan_layout(HUGE_MAP_NODES + 1).name == "huge"
    assert ("splines", "line") in plan_layout(5_000).graph_attributes
