"""What the check counts and reports for quotes that share a lookup: the same quote cited by
several nodes is looked up once, yet each citation is counted and reported on in map order;
evidence of an unknown source, or of a registered source whose file is missing, is not counted."""

from __future__ import annotations

import json
from pathlib import Path

from argmap.usecases.check import check

FOUND = "Pemerintah kota akan mengoperasikan feri baru yang dapat membawa 31 penumpang"
NOT_FOUND = "Pemerintah kota akan mengoperasikan kapal baru yang dapat membawa 31 penumpang"


def write_map(project: Path) -> Path:
    sources = project / "seeds" / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + "\n  gone:\n    file: gone.txt\n    type: webpage\n"
                       "    title: A source whose file is missing\n", encoding="utf-8")
    nodes = []
    for i, (source, quote) in enumerate([("warta2024", FOUND), ("warta2024", NOT_FOUND), ("warta2024", FOUND),
                                         ("nowhere", FOUND), ("gone", FOUND), ("warta2024", NOT_FOUND)]):
        nodes.append(f"  n{i}:\n    type: claim\n    text: Point {i}.\n    supports: [t]\n"
                     f"    evidence:\n      - source: {source}\n        quote: \"{quote}\"\n        translation: T.\n")
    path = project / "maps" / "counts.yaml"
    path.write_text("argmap: 1\nid: counts\ntitle: Counts\nquestion: Q?\nlang: en\nsides: {pro: P, con: C}\nnodes:\n"
                    "  t: {type: thesis, side: pro, text: T.}\n  u: {type: thesis, side: con, text: U.}\n"
                    + "".join(nodes), encoding="utf-8")
    return path


def test_shared_lookups_are_counted_and_reported_per_citation(project: Path, cli, monkeypatch):
    path = write_map(project)
    monkeypatch.chdir(project)
    result = cli(["check", "--format", "json", path])
    report = json.loads(result.stdout)
    not_found = [d["line"] for d in report["diagnostics"] if d["code"] == "AM501"]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert not_found == [i + 1 for i, line in enumerate(lines) if NOT_FOUND in line]  # both, in map order
    assert [d["code"] for d in report["diagnostics"]].count("AM405") == 1  # 'nowhere' is not registered
    text = cli(["check", path]).stdout
    assert "checked 1 map, 8 nodes; 2 of 4 quotes verified" in text  # neither 'nowhere' nor 'gone' is counted


def test_the_api_counts_as_the_command_line(project: Path, monkeypatch):
    path = write_map(project)
    monkeypatch.chdir(project)
    result = check([path], Path("seeds"))
    assert (result.stats.quotes, result.stats.quotes_verified) == (4, 2)
