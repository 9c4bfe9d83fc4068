"""`argmap serve`: the site as `build` lays it out, rebuilt on save, reloaded in a real browser;
diagnostics on the page while a map is broken; only changed diagrams are redrawn."""

from __future__ import annotations

import gc
import os
import re
import stat
import sys
import urllib.request
from pathlib import Path

import pytest

from browser_support import chromium, needs_browser
from conftest import REPO, requires_dot
from serve_support import argmap_serve, raw_request, save, wait_for

from argmap.authoring.starter import init_project


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.fixture
def new_project(tmp_path: Path) -> Path:
    init_project(tmp_path)
    return tmp_path


@requires_dot
@needs_browser
def test_a_browser_sees_edits_diagnostics_and_the_fix(new_project):
    map_file = new_project / "maps" / "example.yaml"
    original = map_file.read_text(encoding="utf-8")
    with argmap_serve(new_project) as served, chromium() as browser:
        page = browser.new_page()
        page.goto(served.address + "example.html")
        assert "Sunday opening at Riverside Library" in page.locator("h1").first.inner_text()
        page.evaluate("window.keptCard = document.getElementById('card-families-come')")

        save(map_file, original.replace("title: Sunday opening at Riverside Library", "title: Sunday hours, revisited"))
        page.wait_for_function("document.querySelector('h1') && document.querySelector('h1').innerText.includes('Sunday hours, revisited')",
                               timeout=15000)
        # no reload, and only what changed is replaced: a card the edit left alone is the same node
        assert page.evaluate("document.getElementById('card-families-come') === window.keptCard")
        # the diagram follows once Graphviz has drawn it again
        page.wait_for_function("document.querySelector('svg title') && "
                               "document.querySelector('svg').textContent.includes('Sunday hours, revisited')", timeout=15000)
        # the swap keeps the style sheet when only the title changed, and the tab's title follows
        assert "Sunday hours, revisited" in page.title()
        assert page.evaluate("document.head.querySelectorAll('title').length") == 1
        assert page.evaluate("document.head.querySelectorAll('style').length") >= 1

        broken = original.replace("    attacks: [keep-sundays]\n", "    attacks: [keep-sunday]\n")
        save(map_file, broken)
        page.wait_for_selector("#argmap-diagnostics", timeout=15000)
        report = page.locator("#argmap-diagnostics").inner_text()
        line = broken.splitlines().index("    attacks: [keep-sunday]") + 1
        assert f"maps/example.yaml:{line}:15: error AM301: " in report
        assert "'keep-sunday'" in report and "did you mean 'keep-sundays'?" in report  # message and hint

        save(map_file, original)
        page.wait_for_function("document.querySelector('h1') && document.querySelector('h1').innerText.includes('Sunday opening')",
                               timeout=15000)
        assert page.locator("#argmap-diagnostics").count() == 0
        assert "Sunday opening" in page.title()  # the head of the diagnostics page is gone again
        assert page.evaluate("document.head.querySelectorAll('title').length") == 1
    assert served.process.returncode in (0, 130)
    assert "Traceback" not in served.stderr


@requires_dot
def test_serve_lays_the_site_out_as_build_does_and_serves_nothing_else(new_project, run_argmap):
    built = run_argmap(["build", "-o", "built", "--date", "2026-01-01"], cwd=new_project)
    assert built.returncode == 0, built.stderr
    with argmap_serve(new_project) as served:
        for relative in ("", "index.html", "example.html", "example.svg", "sources/riverside2025.html"):
            status, body = fetch(served.address + relative)
            assert status == 200, relative
        for bad in ("nothing.html", "../maps/example.yaml", "%2e%2e/seeds/sources.yaml"):
            assert fetch(served.address + bad)[0] == 404, bad
    served_files = {"index.html", "example.html", "example.svg", "sources/riverside2025.html"}
    assert served_files <= {p.relative_to(new_project / "built").as_posix() for p in (new_project / "built").rglob("*")}
    assert served.address.startswith("http://127.0.0.1:")


@requires_dot
def test_a_saved_map_redraws_and_rewrites_only_its_own_pages(new_project):
    from argmap.reporters.text import serve_problem
    from argmap.usecases.serve import LiveSite

    second = new_project / "maps" / "second.yaml"
    second.write_text((new_project / "maps" / "example.yaml").read_text().replace("id: example", "id: second"))
    site = LiveSite([new_project / "maps"], new_project / "seeds", "2026-01-01", serve_problem)
    try:
        assert site.rebuild().drawn == 2
        folder = site.state.folder
        before = {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_text()) for p in folder.rglob("*.*")}
        save(second, second.read_text().replace("con: Close the library on Sundays again", "con: Shut it"))
        again = site.rebuild({str(second)})
        assert again.ok and again.drawn == 1
        assert site.state.folder == folder  # updated in place, not built again
        after = {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_text()) for p in folder.rglob("*.*")}
        rewritten = {name for name in after if after[name][0] != before[name][0]}
        assert rewritten == {"second.html", "second.svg", "index.html", "sources/riverside2025.html", "sources/warta2025.html"}
        assert "Shut it" in after["second.svg"][1] and after["example.svg"] == before["example.svg"]

        registry = new_project / "seeds" / "sources.yaml"
        save(registry, registry.read_text().replace("title-en: Riverside Library busy on Sundays",
                                                     "title-en: Riverside Library full on Sundays"))
        whole = site.rebuild({str(registry)})  # a seed changed: every page may change
        assert whole.ok and whole.drawn == 2 and site.state.folder != folder
    finally:
        site.close()
    assert not site.workspace.exists()


def test_a_broken_map_shows_its_report_until_it_is_fixed(new_project):
    from argmap.reporters.text import serve_problem
    from argmap.usecases.serve import LiveSite

    map_file = new_project / "maps" / "example.yaml"
    good = map_file.read_text()
    site = LiveSite([new_project / "maps"], new_project / "seeds", "2026-01-01", serve_problem)
    try:
        assert site.rebuild().ok
        save(map_file, good.replace("supports: [keep-sundays]", "supports: [keep-sunday]"))
        broken = site.rebuild({str(map_file)})
        assert not broken.ok and "error AM301" in site.state.problem
        assert "checked 1 map" in site.state.problem  # the summary line, as `argmap check` prints it
        save(map_file, good)
        assert site.rebuild({str(map_file)}).ok and site.state.problem is None
    finally:
        site.close()


def test_a_map_that_does_not_load_shows_its_diagnostics_and_the_server_stays_up(new_project):
    map_file = new_project / "maps" / "example.yaml"
    save(map_file, "argmap: 2\nid: [broken\n")
    with argmap_serve(new_project) as served:
        status, body = fetch(served.address + "example.html")
        assert status == 200 and 'id="argmap-diagnostics"' in body
        assert "maps/example.yaml:3:1: error AM103: YAML syntax error" in body
        assert "EventSource" in body  # the page reloads itself once the file is fixed
        assert served.process.poll() is None


def test_a_taken_port_is_a_usage_error(new_project, run_argmap):
    with argmap_serve(new_project) as served:
        port = served.address.rsplit(":", 1)[1].rstrip("/")
        done = run_argmap(["serve", "--port", port], cwd=new_project)
    assert done.returncode == 2
    assert f"--port: cannot serve on 127.0.0.1:{port}" in done.stderr and "Traceback" not in done.stderr


def test_the_diagnostics_page_has_valid_css():
    from argmap.web.serving import problem_page

    page = problem_page("argmap: the site cannot be built", "maps/a.yaml:1:1: error AM301: x", 1).decode("utf-8")
    style = page[page.index("<style>") + 7:page.index("</style>")]
    assert "{{" not in style and "}}" not in style  # one brace per rule, or the browser drops the rules
    assert style.count("{") == style.count("}") == 2


@pytest.mark.parametrize("args", [[], ["--seeds", "no-such-seeds"]], ids=["no-maps-folder", "no-seeds-folder"])
def test_a_missing_folder_to_watch_is_a_usage_error_not_a_dead_watcher(run_argmap, tmp_path, args):
    (tmp_path / "seeds").mkdir()
    if args:
        (tmp_path / "maps").mkdir()
    done = run_argmap(["serve", "--port", "0", *args], cwd=tmp_path)
    assert done.returncode == 2
    assert "no such folder to watch" in done.stderr and "Traceback" not in done.stderr


# --- hostile and unusual requests

def answer_parts(answer: bytes) -> tuple[str, dict[str, str], bytes]:
    """The status line, the headers (but the date) and the body of a raw HTTP answer."""
    head, _, body = answer.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines)
    headers.pop("Date", None)
    return status, headers, body


def test_a_nul_in_the_path_is_a_bad_request_and_a_name_too_long_is_not_found(new_project):
    with argmap_serve(new_project) as served:
        status, _, body = answer_parts(raw_request(served.address, b"GET /example.html%00.svg HTTP/1.0\r\n\r\n"))
        assert status.split()[1] == "400" and b"NUL" in body
        status, _, _ = answer_parts(raw_request(served.address, b"GET /" + b"a" * 5000 + b".html HTTP/1.0\r\n\r\n"))
        assert status.split()[1] == "404"
        assert fetch(served.address + "example.html")[0] == 200  # still serving
    assert "Traceback" not in served.stderr and "error" not in served.stderr


@pytest.mark.parametrize(("error", "said"), [
    (ConnectionResetError(104, "Connection reset by peer"), ""),
    (ValueError("something argmap did not expect"),
     "argmap: internal error while answering a request: ValueError: something argmap did not expect\n"),
], ids=["tab-went-away", "a-bug"])
def test_an_error_while_answering_is_one_line_or_nothing_never_a_traceback(tmp_path, capsys, error, said):
    from argmap.web.serving import LiveState, make_server

    server = make_server(LiveState(tmp_path), "127.0.0.1", 0)
    try:
        try:
            raise error
        except Exception:  # as the server calls it: from inside the handler's except block
            server.handle_error(None, ("127.0.0.1", 1))
    finally:
        server.server_close()
    assert capsys.readouterr().err == said


@requires_dot
def test_head_answers_as_get_does_without_the_body(new_project):
    with argmap_serve(new_project) as served:
        for path in ("/", "/example.html", "/example.svg", "/sources/riverside2025.html", "/nothing.html",
                     "/x.html%00.svg"):
            got = answer_parts(raw_request(served.address, f"GET {path} HTTP/1.0\r\n\r\n".encode()))
            head = answer_parts(raw_request(served.address, f"HEAD {path} HTTP/1.0\r\n\r\n".encode()))
            assert head[:2] == got[:2], path  # the same status and headers, Content-Length included
            assert head[2] == b"" and len(got[2]) == int(got[1]["Content-Length"]) > 0, path
        status, headers, body = answer_parts(raw_request(served.address, b"HEAD /__argmap__/events HTTP/1.0\r\n\r\n"))
        assert status.split()[1] == "200" and headers["Content-Type"] == "text/event-stream" and body == b""
    assert "Traceback" not in served.stderr


@requires_dot
def test_a_map_added_as_a_link_in_the_maps_folder_gets_its_pages(new_project):
    drafts = new_project / "drafts"
    drafts.mkdir()
    target = drafts / "second.yaml"
    target.write_text((new_project / "maps" / "example.yaml").read_text().replace("id: example", "id: second"))
    with argmap_serve(new_project) as served:
        assert fetch(served.address + "second.html")[0] == 404
        (new_project / "maps" / "second.yaml").symlink_to(target)
        assert wait_for(lambda: fetch(served.address + "second.html")[0] == 200)
        assert 'href="second.html"' in fetch(served.address)[1]  # and the index lists it
    assert "second.yaml changed: rebuilt" in served.stderr


@pytest.mark.parametrize("host", ["256.1.1.1", "192.0.2.1"], ids=["not-an-address", "not-this-machine"])
def test_an_address_that_cannot_be_served_on_names_host(new_project, run_argmap, host):
    done = run_argmap(["serve", "--port", "0", "--host", host], cwd=new_project)
    assert done.returncode == 2
    assert f"argmap: error: --host: cannot serve on {host}: " in done.stderr
    assert "--port" not in done.stderr and "Traceback" not in done.stderr


def test_open_without_a_web_browser_says_so_and_serves_all_the_same(new_project, tmp_path):
    no_browsers = tmp_path / "empty-bin"  # no browser on PATH, none named in BROWSER that exists
    no_browsers.mkdir()
    env = {name: value for name, value in os.environ.items() if name not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env |= {"PATH": str(no_browsers), "BROWSER": "argmap-test-no-such-browser"}
    with argmap_serve(new_project, "--open", env=env) as served:
        assert fetch(served.address + "example.html")[0] == 200
        note = f"argmap: note: --open found no web browser to start; open {served.address} in yours"
        assert wait_for(lambda: note in served.stderr)  # the browser is looked for after the first build
        assert served.process.poll() is None
    assert "Traceback" not in served.stderr


# --- serving for hours

def variant(text: str, round_: int) -> str:
    """The example map with a node text and a quote of its own for this round (each quote found)."""
    words = "Staff costs rose by 12 percent, because hours worked on a Sunday are paid at a higher rate.".split()
    spans = [(start, end) for start in range(len(words)) for end in range(start + 3, len(words) + 1)]
    start, end = spans[round_ % len(spans)]
    return (text.replace("Sunday hours raised staff costs by 12 percent.", f"Sunday hours raised staff costs (take {round_}).")
                .replace(f"quote: {' '.join(words)}", f"quote: {' '.join(words[start:end])}"))


def test_serve_runs_the_cycle_collector_and_freezes_nothing(new_project):
    from argmap.reporters.text import serve_problem
    from argmap.usecases.check import check
    from argmap.usecases.serve import LiveSite

    map_file = new_project / "maps" / "example.yaml"
    original = map_file.read_text()
    gc.disable()  # as `argmap` runs every command
    try:
        frozen = gc.get_freeze_count()
        site = LiveSite([new_project / "maps"], new_project / "seeds", "2026-01-01", serve_problem)
        try:
            assert site.rebuild().ok
            for round_ in range(10):
                save(map_file, variant(original, round_))
                assert site.rebuild({str(map_file)}).ok
                assert gc.isenabled()  # between rebuilds, while pages are served
            assert gc.get_freeze_count() == frozen
        finally:
            site.close()
        assert not gc.isenabled()  # the one-shot policy is back
        check([new_project / "maps"], new_project / "seeds")
        assert gc.get_freeze_count() > frozen  # and a one-shot check freezes what it built
    finally:
        gc.enable()


@requires_dot
def test_what_serve_keeps_does_not_grow_with_saves(new_project):
    from argmap.core.project import source_texts
    from argmap.reporters.text import serve_problem
    from argmap.usecases.serve import LiveSite
    from argmap.web.serving import REMEMBERED_GENERATIONS

    map_file = new_project / "maps" / "example.yaml"
    original = map_file.read_text()
    second = new_project / "maps" / "second.yaml"
    second.write_text(original.replace("id: example", "id: second"))
    site = LiveSite([new_project / "maps"], new_project / "seeds", "2026-01-01", serve_problem)
    try:
        rebuilt = site.rebuild()
        quotes = {}  # how many quotes each source is cited by
        for document in rebuilt.check.project.maps:
            for node in document.model.nodes.values():
                for evidence in node.evidence:
                    quotes[evidence.source] = quotes.get(evidence.source, 0) + 1
        for round_ in range(REMEMBERED_GENERATIONS):  # each a new text and a new quote
            save(map_file, variant(original, round_))
            rebuilt = site.rebuild({str(map_file)})
            assert rebuilt.ok and rebuilt.drawn == 1
        assert len(site.diagrams) == 2  # one diagram per map, not one per text it ever had
        assert site.state.remembered_generations == REMEMBERED_GENERATIONS
        sources = rebuilt.check.project.sources
        assert len(source_texts) == len(sources) == 2
        for source_id, source in sources.items():  # the quotes of this check and the one before, at most
            assert source.text.results_kept <= 2 * quotes[source_id], source_id
        second.unlink()
        assert site.rebuild({str(second)}).ok
        assert len(site.diagrams) == 1  # a map gone takes its diagram along
    finally:
        site.close()


def sleeping_dot(folder: Path) -> dict[str, str]:
    """An environment whose `dot` never answers, and whose time limit for it is half a second."""
    folder.mkdir()
    dot = folder / "dot"
    dot.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(60)\n", encoding="utf-8")
    dot.chmod(dot.stat().st_mode | stat.S_IXUSR)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}", "ARGMAP_DOT_TIMEOUT": "0.5"}


def test_a_dot_that_hangs_is_stopped_and_the_pages_say_so(new_project, tmp_path):
    with argmap_serve(new_project, env=sleeping_dot(tmp_path / "bin")) as served:
        status, body = fetch(served.address + "example.html")
        assert status == 200 and 'id="argmap-diagnostics"' in body
        assert "map &#x27;example&#x27;: Graphviz&#x27;s `dot` took longer than the time limit of 0.5 s" in body
        assert served.process.poll() is None
    assert "Traceback" not in served.stderr


@requires_dot
def test_the_served_brief_and_index_show_the_verdict_as_it_changes(new_project):
    from argmap.reporters.text import serve_problem
    from argmap.usecases.serve import LiveSite

    worked = new_project / "maps" / "harbour.yaml"
    worked.write_text((REPO / "docs" / "worked" / "harbour.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    site = LiveSite([new_project / "maps"], new_project / "seeds", "2026-01-01", serve_problem)

    def verdict_of(page: str) -> str:
        return re.search(r'data-verdict="([a-z]+)"', (site.state.folder / page).read_text(encoding="utf-8")).group(1)

    try:
        assert site.rebuild().ok
        assert verdict_of("harbour.html") == "contested"
        save(worked, worked.read_text(encoding="utf-8").replace("{to: keep, weight: 0.3}", "{to: keep, weight: 1}"))
        assert site.rebuild({str(worked)}).ok
        assert verdict_of("harbour.html") == "con"
        assert 'data-verdict="con"><th scope="row"><a href="harbour.html">' in (site.state.folder / "index.html").read_text(encoding="utf-8")
    finally:
        site.close()


@requires_dot
def test_a_saved_maps_page_is_announced_before_the_index_is_made(new_project, monkeypatch):
    # the index weighs every map's verdict: the tab showing the saved map does not wait for it
    from argmap.reporters.text import serve_problem
    from argmap.usecases import serve as serve_module
    from argmap.usecases.serve import LiveSite

    map_file = new_project / "maps" / "example.yaml"
    site = LiveSite([new_project / "maps"], new_project / "seeds", "2026-01-01", serve_problem)
    try:
        assert site.rebuild().ok
        generation = site.state.generation
        shown_when_index_made = []
        make_index = serve_module.index_html

        def index_html(*args, **kwargs):
            shown_when_index_made.append(site.state.pages_changed_since(generation))
            return make_index(*args, **kwargs)

        monkeypatch.setattr(serve_module, "index_html", index_html)
        save(map_file, map_file.read_text(encoding="utf-8").replace("title: Sunday opening at Riverside Library",
                                                                    "title: Sunday hours, revisited"))
        assert site.rebuild({str(map_file)}).ok
        assert shown_when_index_made == [frozenset({"/example.html", "/example.svg"})]
        assert "Sunday hours, revisited" in (site.state.folder / "index.html").read_text(encoding="utf-8")
    finally:
        site.close()


@requires_dot
def test_a_saved_maps_text_is_shown_before_its_diagram_is_drawn_again(new_project, monkeypatch):
    # Graphviz draws in a process of its own while the page is made; the tab does not wait for it
    import time

    from argmap.reporters.text import serve_problem
    from argmap.usecases import serve as serve_module
    from argmap.usecases.serve import LiveSite

    map_file = new_project / "maps" / "example.yaml"
    site = LiveSite([new_project / "maps"], new_project / "seeds", "2026-01-01", serve_problem)
    try:
        assert site.rebuild().ok
        first_svg = (site.state.folder / "example.svg").read_text(encoding="utf-8")
        draw = serve_module.diagram

        def slow_diagram(*args, **kwargs):
            time.sleep(1.0)  # a large map's dot
            return draw(*args, **kwargs)

        monkeypatch.setattr(serve_module, "diagram", slow_diagram)
        shown = []
        show = site._show

        def recorded(pages, gone=()):
            shown.append({name: text for name, text in pages.items() if name.startswith("example.")})
            show(pages, gone)

        monkeypatch.setattr(site, "_show", recorded)
        save(map_file, map_file.read_text(encoding="utf-8").replace("title: Sunday opening at Riverside Library",
                                                                    "title: Sunday hours, revisited"))
        assert site.rebuild({str(map_file)}).ok
        text_first, drawn = shown[0], shown[1]
        assert set(text_first) == {"example.html"} and "Sunday hours, revisited" in text_first["example.html"]
        assert "Sunday opening at Riverside Library" in first_svg  # drawn with the map's title
        assert "Sunday opening at Riverside Library" in text_first["example.html"]  # the diagram it had, meanwhile
        assert "Sunday opening at Riverside Library" not in drawn["example.html"]
        assert set(drawn) == {"example.svg", "example.html"} and "Sunday hours, revisited" in drawn["example.svg"]
        assert (site.state.folder / "example.html").read_text(encoding="utf-8") == drawn["example.html"]
    finally:
        site.close()


@requires_dot
def test_a_diagram_that_fails_while_the_page_is_shown_shows_the_error(new_project, monkeypatch):
    from argmap.reporters.text import serve_problem
    from argmap.render.formats import GraphvizFailed
    from argmap.usecases import serve as serve_module
    from argmap.usecases.serve import LiveSite

    map_file = new_project / "maps" / "example.yaml"
    site = LiveSite([new_project / "maps"], new_project / "seeds", "2026-01-01", serve_problem)
    try:
        assert site.rebuild().ok

        def failing(*args, **kwargs):
            raise GraphvizFailed("map 'example': dot crashed", "reinstall Graphviz")

        monkeypatch.setattr(serve_module, "diagram", failing)
        save(map_file, map_file.read_text(encoding="utf-8").replace("title: Sunday opening at Riverside Library",
                                                                    "title: Sunday hours, revisited"))
        rebuilt = site.rebuild({str(map_file)})
        assert not rebuilt.ok and "dot crashed" in site.state.problem
    finally:
        site.close()
