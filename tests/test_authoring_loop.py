"""From an empty folder to a checked, served, two-source map with a PDF quote, with the commands
of the README's quick start only (the map itself is written as an author writes it)."""

from __future__ import annotations

import textwrap
import urllib.request

import yaml

from conftest import requires_dot
from http_support import ARTICLE, serving
from pdf_support import write_pdf
from serve_support import argmap_serve

MAP = """\
# yaml-language-server: $schema=../schema/argmap.schema.json
argmap: 2
id: ferry-or-bridge
title: Ferry or bridge
question: Should Lembah build a bridge or run a ferry?
lang: en
sides:
  pro: Run the ferry
  con: Build the bridge
nodes:
  ferry:
    type: thesis
    side: pro
    title: Run the ferry
    text: Lembah should run the ferry.
{ferry_evidence}
  bridge:
    type: thesis
    side: con
    title: Build the bridge
    text: Lembah should build the bridge.
    analytic: true
  all-weather:
    type: claim
    title: A bridge works in all weather
    text: A bridge carries people on the days the ferry cannot sail.
    supports: [bridge]
    analytic: true
  cheaper:
    type: claim
    title: The ferry is cheaper
    text: The mayor says the ferry costs less than a bridge.
    supports: [ferry]
{cheaper_evidence}
"""


def snippet(out: str) -> str:
    return out.split("evidence snippet (paste under a node):\n", 1)[1]


@requires_dot
def test_empty_folder_to_a_checked_served_two_source_map(run_argmap, tmp_path):
    project = tmp_path / "debate"
    assert run_argmap(["init", project]).returncode == 0
    write_pdf(tmp_path / "trial.pdf", [
        ["Ferry trial report", "The ferry crossed the river in twelve minutes on a normal day."],
        ["In the rainy season the ferry was stopped on four days,", "and the crossing took twice as long."],
    ], title="Ferry Trial Report", author="Dewi Sari")
    site = tmp_path / "site"
    site.mkdir()
    (site / "feri.html").write_text(ARTICLE, encoding="utf-8")
    with serving(site) as base:
        web = run_argmap(["source", "add", f"{base}/feri.html", "--id", "warta2024", "--reliability", "news"], cwd=project)
    pdf = run_argmap(["source", "add", tmp_path / "trial.pdf", "--id", "sari2025", "--reliability", "peer-reviewed"],
                     cwd=project)
    assert web.returncode == 0 and pdf.returncode == 0, web.stderr + pdf.stderr
    # what `source add` could not find, the author fills in from the documents (check warns of it: AM406)
    registry = project / "seeds" / "sources.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "  warta2024:\n", "  warta2024:\n    qualifications: Transport reporter\n").replace(
        "  sari2025:\n", "  sari2025:\n    qualifications: Ferry trial engineer\n    issued: \"2025\"\n"), encoding="utf-8")

    found = run_argmap(["quote", "sari2025", "ferry stopped four days rainy season"], cwd=project)
    assert found.returncode == 0, found.stdout
    ferry_evidence = snippet(found.stdout)
    assert yaml.safe_load(textwrap.dedent(ferry_evidence))["evidence"][0]["page"] == 2
    cheaper = run_argmap(["quote", "warta2024", "feri lebih murah daripada jembatan"], cwd=project)
    assert cheaper.returncode == 0, cheaper.stdout
    cheaper_evidence = snippet(cheaper.stdout).replace(
        "        # translation: TODO, translate the quote from 'id' into 'en'",
        "        translation: the ferry is cheaper than a bridge")
    (project / "maps" / "ferry-or-bridge.yaml").write_text(
        MAP.format(ferry_evidence=ferry_evidence, cheaper_evidence=cheaper_evidence), encoding="utf-8")
    checked = run_argmap(["check", "--strict"], cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert "checked 2 maps" in checked.stdout and "0 errors, 0 warnings" in checked.stdout  # with init's example

    with argmap_serve(project) as served:
        with urllib.request.urlopen(served.address + "ferry-or-bridge.html", timeout=10) as response:
            page = response.read().decode("utf-8")
    assert "Ferry or bridge" in page and "In the rainy season the ferry was stopped on four days" in page
