"""`argmap build` and `argmap brief` end to end: what is written, links across pages, the
check gate, atomic replacement, reproducible output."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import MAPS, SEEDS, requires_dot
from html_support import Page, broken_links, duplicate_ids, external_loads, normal

DATE = "2025-06-01"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from argmap.usecases.build import build_site

    out = tmp_path_factory.mktemp("site") / "build"
    outcome = build_site([MAPS], out, seeds_dir=SEEDS, built=DATE)
    assert outcome.index == out / "index.html"
    return out


@pytest.fixture(scope="module")
def pages(site) -> dict[Path, Page]:
    return {p.resolve(): Page.load(p) for p in site.rglob("*.html")}


def map_ids() -> set[str]:
    return {p.stem for p in MAPS.glob("*.yaml")}


@requires_dot
def test_site_holds_every_brief_diagram_and_cited_source(site):
    from argmap.usecases.check import check

    project = check([MAPS], SEEDS).project
    cited = {e.source for d in project.maps for n in d.model.nodes.values() for e in n.evidence}
    assert {p.stem for p in site.glob("*.html")} == map_ids() | {"index"}
    assert {p.stem for p in site.glob("*.svg")} == map_ids()
    assert {p.stem for p in (site / "sources").glob("*.html")} == cited


def test_every_link_in_the_site_resolves(site, pages):
    assert broken_links(pages, site) == []
    for path, page in pages.items():
        assert duplicate_ids(page) == [], path.name
        assert external_loads(page) == [], path.name


def test_cards_link_to_their_passage_in_context(site, pages):
    brief = pages[(site / "river-bridge.html").resolve()]
    context = [h for h in brief.hrefs() if h.startswith("sources/")]
    assert context and all("#q-" in h for h in context)
    source = pages[(site / "sources" / "sari2023.html").resolve()]
    first = next(h for h in context if h.startswith("sources/sari2023.html#"))
    assert first.split("#")[1] in source.ids


def test_source_page_marks_each_cited_passage_and_links_back(site, pages):
    from argmap.usecases.check import check

    project = check([MAPS], SEEDS).project
    page = pages[(site / "sources" / "sari2023.html").resolve()]
    marked = normal(" ".join(m.text for m in page.all("mark")))
    backlinks = set(page.hrefs())
    for document in project.maps:
        for node_id, node in document.model.nodes.items():
            for evidence in node.evidence:
                if evidence.source != "sari2023":
                    continue
                located = project.sources["sari2023"].text.find(evidence.quote, evidence.prefix, evidence.suffix).matches[0]
                assert f"q-{located.start}-{located.end}" in page.ids
                assert f"L{located.line}" in page.ids
                # the passage's words are all inside marks (marks break at line ends)
                for word in normal(located.passage).split()[:5]:
                    assert word in marked
                assert f"../{document.model.id}.html#card-{node_id}" in backlinks
    text_block = next(e for e in page.elements if "source-text" in e.attrs.get("class", ""))
    assert text_block.attrs["lang"] == "id"


def test_source_page_keeps_the_text_verbatim(site, pages):
    page = pages[(site / "sources" / "warta2024.html").resolve()]
    lines = [e for e in page.elements if "lt" in e.attrs.get("class", "").split()]
    original = (SEEDS / "warta2024-feri-lembah.txt").read_text(encoding="utf-8")
    import unicodedata

    shown = [re.sub(r" \[back to card[^\]]*\]", "", line.text) for line in lines]  # back-links are not source text
    assert shown == unicodedata.normalize("NFC", original).split("\n")


def test_source_page_shows_markdown_emphasis_and_links_back_by_title(site, pages):
    page = pages[(site / "sources" / "sari2023.html").resolve()]
    assert "<em>perahu</em>" in page.html and "*perahu*" not in page.html
    backs = [e for e in page.all("a") if "back" in e.attrs.get("class", "").split()]
    assert backs and all(normal(e.text) == "back to card" for e in backs)
    assert all(e.attrs["href"].split("#")[1].startswith("card-") for e in backs)
    # the claim is named by its words (or title), never by its id
    backlinks = " ".join(normal(e.text) for e in page.elements if "backlinks" in e.attrs.get("class", "").split())
    assert "back to card: In the rainy season the boats stop for days at a time." in backlinks
    assert "river-bridge: boats-stop-in-floods" not in backlinks


def test_index_lists_maps_with_counts(site, pages):
    from argmap.usecases.check import check

    project = check([MAPS], SEEDS).project
    index = pages[(site / "index.html").resolve()]
    for document in project.maps:
        model = document.model
        start = next(i for i, e in enumerate(index.elements) if e.attrs.get("id") == f"map-{model.id}")
        end = next((i for i, e in enumerate(index.elements) if i > start and e.tag == "article"), len(index.elements))
        cells = [normal(e.text) for e in index.elements[start:end] if e.tag in ("td", "th")][4:]  # past the header row
        rows = [cells[i:i + 4] for i in range(0, len(cells), 4)]
        assert f"{model.id}.html" in index.hrefs()
        expected = []
        for side in ("pro", "con"):
            ids = [n for n in model.nodes if document.graph.sides[n] == side]
            expected.append([side.upper(), normal(getattr(model.sides, side)), str(len(ids)),
                             str(sum(len(model.nodes[n].evidence) for n in ids))])
        expected.append(["All", "", str(len(model.nodes)), str(sum(len(n.evidence) for n in model.nodes.values()))])
        assert rows == expected


@requires_dot
def test_counts_on_the_pages_agree_with_their_number(tmp_path):
    from argmap.authoring.starter import init_project
    from argmap.usecases.build import build_site

    init_project(tmp_path)
    outcome = build_site([tmp_path / "maps"], tmp_path / "build", seeds_dir=tmp_path / "seeds", built=DATE)
    index = outcome.index.read_text(encoding="utf-8")
    assert "1 map, 2 sources" in index and "1 quotes" not in index  # warta2025 has one quote
    assert re.search(r"\(news report, 1 quote\)", index)


def test_build_refuses_on_errors_and_keeps_the_old_site(project, cli, monkeypatch):
    monkeypatch.chdir(project)
    shutil.copy(MAPS / "ferry-trial.yaml", project / "maps")
    assert cli(["build", "-o", "out", "--date", DATE]).exit_code == 0
    before = {p: p.read_bytes() for p in (project / "out").rglob("*") if p.is_file()}
    broken = (project / "maps" / "ferry-trial.yaml").read_text().replace("the boat left on time", "the boat left late", 1)
    (project / "maps" / "ferry-trial.yaml").write_text(broken)
    result = cli(["build", "-o", "out", "--date", DATE])
    assert result.exit_code == 1
    assert "error AM501" in result.stdout and "ferry-trial.yaml:" in result.stdout  # as `argmap check` prints
    assert {p: p.read_bytes() for p in (project / "out").rglob("*") if p.is_file()} == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".out.")] == []  # no staging left behind


def test_build_into_a_new_folder_writes_nothing_on_errors(project, cli, monkeypatch):
    monkeypatch.chdir(project)
    text = (MAPS / "ferry-trial.yaml").read_text().replace("the boat left on time", "the boat left late", 1)
    (project / "maps" / "broken.yaml").write_text(text.replace("id: ferry-trial", "id: broken"))
    result = cli(["build", "-o", "site"])
    assert result.exit_code == 1 and not (project / "site").exists()
    assert not list(project.glob(".site.*"))


def test_build_will_not_replace_a_folder_it_did_not_build(project, cli, monkeypatch):
    monkeypatch.chdir(project)
    shutil.copy(MAPS / "ferry-trial.yaml", project / "maps")
    (project / "mine").mkdir()
    (project / "mine" / "notes.txt").write_text("keep me")
    result = cli(["build", "-o", "mine"])
    assert result.exit_code == 2 and "refusing to replace" in result.stderr
    assert (project / "mine" / "notes.txt").read_text() == "keep me"


def test_build_failure_midway_leaves_no_trace(project, monkeypatch):
    from argmap.usecases import build as site_module

    shutil.copy(MAPS / "ferry-trial.yaml", project / "maps")

    def explode(page):
        raise RuntimeError("disk full")

    monkeypatch.setattr(site_module, "render_index", explode)
    with pytest.raises(RuntimeError):
        site_module.build_site([project / "maps"], project / "out", seeds_dir=project / "seeds", built=DATE)
    assert sorted(p.name for p in project.iterdir()) == ["maps", "seeds"]


def test_builds_are_reproducible(project, cli, monkeypatch):
    monkeypatch.chdir(project)
    shutil.copy(MAPS / "ferry-trial.yaml", project / "maps")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01T00:00:00Z
    assert cli(["build", "-o", "a"]).exit_code == 0
    assert cli(["build", "-o", "b"]).exit_code == 0
    files_a = sorted(p.relative_to(project / "a") for p in (project / "a").rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(project / "b") for p in (project / "b").rglob("*") if p.is_file())
    for rel in files_a:
        assert (project / "a" / rel).read_bytes() == (project / "b" / rel).read_bytes(), rel
    assert "2025-01-01" in (project / "a" / "index.html").read_text()
    assert cli(["build", "-o", "a", "--date", "2024-02-29"]).exit_code == 0  # a rebuild replaces its own site
    assert "2024-02-29" in (project / "a" / "index.html").read_text()


def test_bad_date_is_a_usage_error(project, cli, monkeypatch):
    monkeypatch.chdir(project)
    shutil.copy(MAPS / "ferry-trial.yaml", project / "maps")
    result = cli(["build", "--date", "yesterday"])
    assert result.exit_code == 2 and "--date 'yesterday' is not a date" in result.stderr


def test_brief_command_writes_one_file_per_map(project, cli, monkeypatch):
    monkeypatch.chdir(project)
    for name in ("ferry-trial.yaml", "river-bridge.yaml"):
        shutil.copy(MAPS / name, project / "maps")
    result = cli(["brief", "maps/ferry-trial.yaml", "maps/river-bridge.yaml", "-o", "out", "--date", DATE])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (project / "out").iterdir()) == ["ferry-trial.html", "river-bridge.html"]
    page = Page.load(project / "out" / "ferry-trial.html")
    assert not [h for h in page.hrefs() if h.startswith("sources/")]  # stand-alone: no site links
    assert "view in context" not in page.text


def test_brief_refuses_on_errors_unless_allowed(project, cli, monkeypatch):
    monkeypatch.chdir(project)
    text = (MAPS / "ferry-trial.yaml").read_text().replace("the boat left on time", "the boat left late", 1)
    (project / "maps" / "ferry-trial.yaml").write_text(text)
    result = cli(["brief", "maps", "-o", "out"])
    assert result.exit_code == 1 and "error AM501" in result.stdout and not (project / "out").exists()
    result = cli(["brief", "maps", "-o", "out", "--allow-errors", "--date", DATE])
    assert result.exit_code == 1  # written, but errors were found
    assert "error AM501" in result.stderr and result.stdout.strip() == "wrote out/ferry-trial.html"
    page = Page.load(project / "out" / "ferry-trial.html")
    assert "checked: 1 error" in page.text
    assert "Not found in the source" in page.text


def test_missing_seeds_is_a_usage_error(project, cli, monkeypatch):
    monkeypatch.chdir(project)
    shutil.copy(MAPS / "ferry-trial.yaml", project / "maps")  # it cites sources
    result = cli(["build", "--seeds", "nowhere"])
    assert result.exit_code == 2 and "seeds folder 'nowhere' not found" in result.stderr


def test_make_demo_prints_the_index_path():
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text()
    demo = makefile[makefile.index("\ndemo:"):].split("\n\n")[0]
    assert "argmap build -o build" in demo and "build/index.html" in demo


def test_progress_bar_on_a_terminal_only(project):
    """The bar goes to stderr when it is a terminal; piped output stays clean."""
    import os
    import subprocess
    import sys

    shutil.copy(MAPS / "ferry-trial.yaml", project / "maps")
    shutil.copy(MAPS / "river-bridge.yaml", project / "maps")
    command = [sys.executable, "-m", "argmap", "build", "-o", "out", "--date", DATE]
    primary, secondary = os.openpty()
    try:
        done = subprocess.run(command, cwd=project, stdout=subprocess.PIPE, stderr=secondary, timeout=120)
        os.close(secondary)
        drawn = b""
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the terminal closed
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(primary)
    assert done.returncode == 0
    assert b"building" in drawn and b"#" in drawn
    assert b"building" not in done.stdout
    piped = subprocess.run(command, cwd=project, capture_output=True, timeout=120)
    assert piped.returncode == 0 and b"building" not in piped.stderr and b"#" not in piped.stderr


def test_without_graphviz_pages_keep_their_outline(project, cli, monkeypatch):
    """No `dot` on PATH: no diagrams, but every page is still written, with the text outline."""
    monkeypatch.chdir(project)
    shutil.copy(MAPS / "ferry-trial.yaml", project / "maps")
    monkeypatch.setenv("PATH", str(project / "empty-path"))
    result = cli(["build", "-o", "out", "--date", DATE])
    assert result.exit_code == 0, result.output
    assert "Graphviz's `dot` was not found, so" in result.stderr and "apt-get install graphviz" in result.stderr
    assert not list((project / "out").glob("*.svg"))
    briefed = cli(["brief", "maps/ferry-trial.yaml", "-o", "briefs"])
    assert briefed.exit_code == 0 and "so 1 map got no diagram" in briefed.stderr
    brief = Page.load(project / "out" / "ferry-trial.html")
    assert brief.all("svg") == [] and "No diagram: Graphviz" in brief.text
    assert any("outline" in e.attrs.get("class", "") for e in brief.all("details"))
    assert broken_links({p.resolve(): Page.load(p) for p in (project / "out").rglob("*.html")}, project / "out") == []
