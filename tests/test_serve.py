"""`argmap serve`: the site as `build` lays it out, rebuilt on save, reloaded in a real browser;
diagnostics on the page while a map is broken; only changed diagrams are redrawn."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from browser_support import chromium, needs_browser
from conftest import requires_dot
from serve_support import argmap_serve, save

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

        save(map_file, original.replace("title: Sunday opening at Riverside Library", "title: Sunday hours, revisited"))
        page.wait_for_function("document.querySelector('h1') && document.querySelector('h1').innerText.includes('Sunday hours, revisited')",
                               timeout=15000)
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
