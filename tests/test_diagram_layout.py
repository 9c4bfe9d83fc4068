"""Where the diagram puts things (issue 23, points 6 and 9): each side on its own half, a wide or
deep map drawn neither as a strip nor as a tower, a legend for every edge style the map draws,
and the brief's diagram opening on the theses with readable, unclipped text, phone and desktop."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from browser_support import chromium, needs_browser
from conftest import requires_dot
from render_support import SVG, groups

PRO_BRANCHES = 4
CON_BRANCHES = 3


def write_map(project: Path, map_id: str, nodes: dict) -> Path:
    path = project / "maps" / f"{map_id}.yaml"
    path.write_text(yaml.safe_dump({
        "argmap": 2, "id": map_id, "title": "The harbour wall", "question": "Should the city extend the harbour wall?",
        "lang": "en", "sides": {"pro": "Extend the wall", "con": "Keep the wall"}, "nodes": nodes,
    }, sort_keys=False), encoding="utf-8")
    return path


def claim(text: str, **relations) -> dict:
    return {"type": "claim", "title": text, "text": f"{text}.", "analytic": True, **relations}


def theses() -> dict:
    return {"extend": {"type": "thesis", "side": "pro", "title": "Extend the wall", "text": "Extend the harbour wall."},
            "keep": {"type": "thesis", "side": "con", "title": "Keep the wall", "text": "Keep the wall as it is."}}


def both_sides() -> dict:
    """Two theses with supporters each, and attacks across: dot alone interleaves such sides."""
    nodes = theses()
    for side, thesis, count in (("p", "extend", PRO_BRANCHES), ("c", "keep", CON_BRANCHES)):
        for n in range(count):
            nodes[f"{side}{n}"] = claim(f"Reason {side}{n}", supports=[thesis])
            nodes[f"{side}{n}s"] = claim(f"Ground {side}{n}", supports=[f"{side}{n}"])
    nodes["c0"]["attacks"] = ["p1"]
    nodes["p2"]["attacks"] = ["c1"]
    nodes["p3"]["attacks"] = ["keep"]
    return nodes


def flat(count: int = 44) -> dict:
    """A thesis with many direct reasons: one rank as wide as the map."""
    nodes = theses()
    for n in range(count):
        nodes[f"r{n}"] = claim(f"Reason number {n}", supports=["extend" if n % 4 else "keep"])
    return nodes


def bushy(levels: int = 3) -> dict:
    """Three reasons for each thesis and each reason: a tree whose last rank is most of the map."""
    nodes = theses()
    above = ["extend", "keep"]
    for level in range(levels):
        below = []
        for parent in above:
            for n in range(3 if parent != "keep" or level else 1):
                node_id = f"{parent}-{n}"
                nodes[node_id] = claim(f"Reason {node_id}", supports=[parent])
                below.append(node_id)
        above = below
    return nodes


def deep(depth: int = 9, branches: int = 5) -> dict:
    """Long chains of reasons under each thesis: many ranks."""
    nodes = theses()
    for b in range(branches):
        below = "extend" if b % 2 == 0 else "keep"
        for level in range(depth):
            node_id = f"b{b}l{level}"
            nodes[node_id] = claim(f"Step {level} of line {b}", supports=[below])
            below = node_id
    return nodes


def node_boxes(svg: bytes) -> dict[str, tuple[str, float, float, float, float]]:
    """Each map node's side and box (min x, max x, min y, max y) in the SVG's coordinates."""
    boxes = {}
    for g in groups(ET.fromstring(svg), "argnode"):
        side = next(c.removeprefix("side-") for c in g.get("class", "").split() if c.startswith("side-"))
        numbers = [float(n) for el in g.iter() if el.tag in (f"{SVG}path", f"{SVG}polygon")
                   for n in re.findall(r"-?[0-9.]+", el.get("d") or el.get("points") or "")]
        xs, ys = numbers[0::2], numbers[1::2]
        boxes[g.get("id")] = (side, min(xs), max(xs), min(ys), max(ys))
    return boxes


def svg_size(svg: bytes) -> tuple[float, float]:
    root = ET.fromstring(svg)
    return float(root.get("width").removesuffix("pt")), float(root.get("height").removesuffix("pt"))


def render(cli, project: Path, path: Path, *options: str) -> bytes:
    out = project / "out"
    result = cli(["render", path, "--seeds", project / "seeds", "-f", "svg", "-o", out, *options])
    assert result.exit_code == 0, result.output
    return (out / f"{path.stem}.svg").read_bytes()


@requires_dot
@pytest.mark.parametrize("rankdir", ["BT", "TB", "LR", "RL"])
def test_pro_and_con_claims_are_drawn_on_two_halves_that_do_not_overlap(cli, project, rankdir):
    svg = render(cli, project, write_map(project, "sides", both_sides()), "--rankdir", rankdir)
    boxes = node_boxes(svg).values()
    assert {side for side, *_ in boxes} == {"pro", "con"}
    # across the ranks: x where ranks run top to bottom, y where they run left to right
    low, high = (1, 2) if rankdir in ("BT", "TB") else (3, 4)
    pro = [box for box in boxes if box[0] == "pro"]
    con = [box for box in boxes if box[0] == "con"]
    apart = (max(b[high] for b in pro) <= min(b[low] for b in con)
             or max(b[high] for b in con) <= min(b[low] for b in pro))
    assert apart, f"sides interleaved: pro {sorted(b[low] for b in pro)} con {sorted(b[low] for b in con)}"


@requires_dot
@pytest.mark.parametrize(("shape", "nodes"), [("flat", flat()), ("bushy", bushy()), ("deep", deep())])
def test_a_map_of_over_twenty_nodes_is_drawn_between_one_to_three_and_three_to_one(cli, project, shape, nodes):
    assert len(nodes) > 40
    width, height = svg_size(render(cli, project, write_map(project, shape, nodes)))
    assert 1 / 3 <= width / height <= 3, f"{shape}: {width:g} x {height:g} pt"


@requires_dot
def test_the_legend_explains_faded_and_thinner_edges_when_the_map_draws_some(cli, project):
    nodes = both_sides()
    nodes["c2"]["attacks"] = ["p0s"]
    nodes["p0s"]["supports"] = [{"to": "p0", "weight": 0.3}]
    nodes["kill"] = claim("Nothing supports it", attacks=["c2"])  # c2 falls: its edges are drawn faded
    svg = render(cli, project, write_map(project, "legend", nodes), "--semantics", "grounded")
    root = ET.fromstring(svg)
    legend = {g.get("id"): g for g in groups(root, "edge") if g.get("id", "").startswith("legend-")}
    assert {"legend-faded", "legend-thinner", "legend-supports", "legend-attacks"} <= set(legend)
    faded_sample = next(legend["legend-faded"].iter(f"{SVG}path")).get("stroke")
    faded_edges = [next(g.iter(f"{SVG}path")).get("stroke") for g in groups(root, "edge")
                   if g.get("id", "").startswith("edge-c2-")]
    assert faded_edges and {faded_sample} == set(faded_edges)
    texts = " ".join(t.text or "" for t in legend["legend-faded"].iter(f"{SVG}text"))
    assert "falls" in texts
    # and the legend is set no smaller than the boxes' own text
    sizes = [float(t.get("font-size")) for g in groups(root, "cluster") if g.get("id") == "legend"
             for t in g.iter(f"{SVG}text")]
    assert min(sizes) >= 10


@requires_dot
def test_a_map_without_fallen_or_weighted_edges_has_no_legend_for_them(cli, project):
    svg = render(cli, project, write_map(project, "plain", both_sides()), "--no-status")
    ids = {g.get("id") for g in groups(ET.fromstring(svg), "edge")}
    assert "legend-supports" in ids and not {"legend-faded", "legend-thinner"} & ids


DIAGRAM_FIGURES = """() => {
  const box = document.querySelector('.diagram-svg'); const b = box.getBoundingClientRect();
  const svg = box.querySelector('svg'); const vb = svg.viewBox.baseVal; const scale = svg.getBoundingClientRect().width / vb.width;
  const inside = r => r.left >= b.left - 1 && r.right <= b.right + 1 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
  const visible = r => r.right > b.left && r.left < b.right && r.bottom > b.top && r.top < b.bottom && r.width > 0;
  const texts = [...svg.querySelectorAll('text')];
  return {
    theses: [...svg.querySelectorAll('g.type-thesis')].map(g => inside(g.getBoundingClientRect())),
    visibleFonts: texts.filter(t => visible(t.getBoundingClientRect()))
                       .map(t => parseFloat(getComputedStyle(t).fontSize) * scale),
    // each text's box in the viewBox's coordinates (getBBox is in its group's, shifted by Graphviz)
    clipped: texts.filter(t => { const r = t.getBBox();
                    const m = svg.getScreenCTM().inverse().multiply(t.getScreenCTM());
                    const x = m.a * r.x + m.e, y = m.d * r.y + m.f, w = m.a * r.width, h = m.d * r.height;
                    return x < vb.x - 0.5 || y < vb.y - 0.5 || x + w > vb.x + vb.width + 0.5 || y + h > vb.y + vb.height + 0.5; })
                  .map(t => t.textContent),
    wholeMapOffered: [...document.querySelectorAll('#zoom-fit')].some(i => i.offsetParent !== null),
    outlineOffered: [...document.querySelectorAll('a[href="#map-outline"]')].some(a => a.offsetParent !== null),
  };
}"""


@needs_browser
@requires_dot
@pytest.mark.parametrize(("width", "height", "narrow"), [(390, 844, True), (1400, 1000, False)])
def test_the_brief_diagram_opens_on_the_theses_with_text_of_10_px_or_more(cli, project, width, height, narrow):
    nodes = both_sides()
    for n in range(10):  # enough claims that the drawing is larger than the box
        nodes[f"x{n}"] = claim(f"Another reason for the wall, number {n}", supports=[f"p{n % PRO_BRANCHES}"])
    write_map(project, "harbour", nodes)
    site = project / "site"
    result = cli(["build", project / "maps", "--seeds", project / "seeds", "-o", site])
    assert result.exit_code == 0, result.output
    with chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto((site / "harbour.html").as_uri() + "#diagram")
        page.wait_for_timeout(200)
        figures = page.evaluate(DIAGRAM_FIGURES)
    assert figures["theses"] == [True, True]
    assert figures["visibleFonts"] and min(figures["visibleFonts"]) >= 10
    assert figures["clipped"] == []
    # on a phone the unreadable whole map is not offered: the outline is
    assert figures["wholeMapOffered"] is not narrow and figures["outlineOffered"] is narrow
