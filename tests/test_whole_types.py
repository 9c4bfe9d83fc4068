"""Loaded things are whole: a map document always has its model, a source document its text.
What could not be loaded is kept apart, and every command still tells the two cases apart."""

from __future__ import annotations

import json
import typing
from pathlib import Path

from argmap.core.load import LoadedYaml
from argmap.core.model import ArgMap
from argmap.core.project import MapDocument, SourceDocument
from argmap.quotes.match import SourceText

MAP = """\
argmap: 1
id: m
title: M
question: Q?
lang: en
sides: {pro: P, con: C}
nodes:
  t: {type: thesis, side: pro, text: T}
  a:
    type: claim
    text: A
    supports: [t]
    evidence:
      - {source: gone, quote: words that cannot be looked up anywhere}
"""


def test_loaded_documents_have_no_optional_parts():
    public = {name: hint for name, hint in typing.get_type_hints(MapDocument).items() if not name.startswith("_")}
    assert public == {"doc": LoadedYaml, "model": ArgMap}  # (a private cache of evaluations aside)
    assert typing.get_type_hints(SourceDocument)["text"] is SourceText


def test_a_source_whose_file_is_missing_is_still_registered(tmp_path: Path, run_argmap):
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "m.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path / "maps" / "broken.yaml").write_text("argmap: 1\nid: broken\n", encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "sources.yaml").write_text(
        "sources:\n  gone:\n    file: gone.txt\n    title: Gone\n    language: en\n", encoding="utf-8")
    done = run_argmap(["check", "--format", "json", "maps/"], cwd=tmp_path)
    payload = json.loads(done.stdout)
    codes = {d["code"] for d in payload["diagnostics"]}
    assert "AM402" in codes and "AM202" in codes  # the missing file, the broken map
    assert not codes & {"AM405", "AM501", "AM313"}  # known source; no text to look in; a map did not load
    assert (payload["summary"]["maps"], payload["summary"]["quotes"]) == (2, 0)

    quote = run_argmap(["quote", "gone", "words that cannot be looked up"], cwd=tmp_path)
    assert quote.returncode == 2 and "cannot be read" in quote.stderr, quote.stderr

    brief = run_argmap(["brief", "maps/m.yaml", "--allow-errors", "-o", "briefs"], cwd=tmp_path)
    page = (tmp_path / "briefs" / "m.html").read_text(encoding="utf-8")
    assert brief.returncode == 1 and "Gone" in page and "unregistered source" not in page
