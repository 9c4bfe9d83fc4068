"""`argmap init`: a new project that `argmap check --strict` passes, written in one go.

The project is the layout every command expects by default (``maps/``, ``seeds/`` with its
``sources.yaml``), the JSON Schemas that the files' first lines point at (so editors complete
and validate offline), a ``.gitignore`` for the built site, and the check as a pre-commit hook
and a CI workflow. The example map is format 2 and uses every feature of the format on a short
invented report, paged like a PDF's saved text (a form feed starts each page after the first),
so the `page` of each quote is checked too, and a short Indonesian news item, quoted with a
translation.

Nothing is ever overwritten: when any file of the project exists already, nothing is written.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from argmap import __version__
from argmap.core.diagnostics import UsageError
from argmap.core.folders import DEFAULT_MAPS, DEFAULT_SEEDS, SOURCES_FILE
from argmap.files.output import SITE_FOLDER
from argmap.authoring.scaffold import SCHEMA_DIR
from argmap.core.schema import MAP_SCHEMA, SOURCES_SCHEMA, schema_text
from argmap.quotes.pages import join_pages

EXAMPLE_MAP_ID = "example"
EXAMPLE_SOURCE_ID = "riverside2025"
EXAMPLE_SOURCE_FILE = "riverside2025-annual-report.txt"
SECOND_SOURCE_ID = "warta2025"
SECOND_SOURCE_FILE = "warta2025-perpustakaan.txt"

# A short invented news item in Indonesian: quotes from it need a translation into the map's English.
_SECOND_SOURCE = """Perpustakaan Riverside Ramai pada Hari Minggu

Sejak Maret, perpustakaan buka pada hari Minggu. Menurut petugas, ruang baca anak selalu penuh
pada hari Minggu. Ruang baca anak juga penuh pada hari Sabtu.
"""

# An invented report of two pages; a page ends with a form feed, as `argmap source add` saves PDFs.
_EXAMPLE_PAGES = (
    """Riverside Library: Annual Report 2025

The library opened on Sundays for the first time in March 2025. Visits on Sundays averaged
410 a day, more than on any weekday.

Families with school-age children made up most of the Sunday visitors, according to the
door survey held in June.
""",
    """Staff costs rose by 12 percent, because hours worked on a Sunday are paid at a higher rate.

The council's finance committee called the Sunday opening "a luxury the budget cannot carry".
The library board replied that the higher rate is paid from a grant that runs until 2027.
""",
)

_SOURCES = """\
# yaml-language-server: $schema={schema}
# The sources the maps may quote. `argmap source add FILE|URL --id ID` saves a document's text
# here and registers it; `argmap check` verifies every quote against the saved text.
sources:
  {source_id}:
    file: {file}
    sha256: {sha256}
    type: report
    title: "Riverside Library: Annual Report 2025"
    author:
      - {{literal: Riverside Library Board}}
    qualifications: The board that runs the library
    issued: "2026-01"
    publisher: Riverside Library
    language: en
    reliability: news
    note: An invented report that comes with `argmap init`; replace it with your own sources.

  {second_id}:
    file: {second_file}
    sha256: {second_sha256}
    type: article-newspaper
    title: Perpustakaan Riverside Ramai pada Hari Minggu
    title-en: Riverside Library busy on Sundays
    author:
      - {{literal: Unknown (the item is unsigned)}}
    issued: "2025-06-02"
    container-title: Warta Riverside
    URL: https://example.org/warta-riverside/perpustakaan
    language: id
    reliability: news
    note: An invented news item that comes with `argmap init`, in Indonesian to show translations.
"""

_EXAMPLE_MAP = """\
# yaml-language-server: $schema={schema}
# An example of every part of the format; `argmap check --strict maps/` passes on it. Start your
# own with `argmap new MAP_ID`, and delete this map (and its source) when you no longer need it.
argmap: 2
id: {map_id}
title: Sunday opening at Riverside Library
question: Should Riverside Library stay open on Sundays?
lang: en
description: >-
  The library tried Sunday opening in 2025. This map weighs its use against its cost.
sides:
  pro: Keep the library open on Sundays
  con: Close the library on Sundays again

nodes:
  keep-sundays:
    type: thesis
    side: pro
    title: Keep Sunday opening
    text: Riverside Library should stay open on Sundays, its busiest day.
    evidence:
      - source: {source_id}
        quote: Visits on Sundays averaged 410 a day, more than on any weekday.
        highlight: [410 a day]
        as_of: 2025
        page: 1

  close-sundays:
    type: thesis
    side: con
    title: Close on Sundays
    text: Riverside Library should close on Sundays again to save money.
    analytic: true

  families-come:
    type: claim
    title: Families use Sundays
    text: Sunday opening reaches families with school-age children, who cannot come on weekdays.
    supports: [keep-sundays]
    weight: 0.8
    evidence:
      - source: {source_id}
        quote: Families with school-age children made up most of the Sunday visitors,
        suffix: according to the door survey
        as_of: 2025-06
        page: 1

  children-read:
    type: claim
    title: The children's room is full
    text: On Sundays the children's reading room is full.
    supports: [families-come]
    evidence:
      - source: {second_id}
        quote: ruang baca anak selalu penuh pada hari Minggu.
        prefix: Menurut petugas,
        translation: the children's reading room is always full on Sundays.
        highlight: [selalu penuh]
        highlight_translation: [always full]
        speaker: the library staff

  costs-rose:
    type: objection
    title: Staff costs rose 12%
    text: Sunday hours raised staff costs by 12 percent.
    attacks: [keep-sundays]
    evidence:
      - source: {source_id}
        quote: Staff costs rose by 12 percent, because hours worked on a Sunday are paid at a higher rate.
        page: 2

  a-luxury:
    type: claim
    title: Council calls it a luxury
    text: The council's finance committee thinks the budget cannot pay for Sunday opening.
    supports: [close-sundays]
    evidence:
      - source: {source_id}
        quote: The council's finance committee called the Sunday opening "a luxury the budget cannot carry".
        speaker: the council's finance committee
        page: 2

  grant-pays:
    type: rebuttal
    title: A grant pays the extra
    text: The higher Sunday rate is paid by a grant, not by the library's budget.
    attacks: [costs-rose]
    evidence:
      - source: {source_id}
        quote: the higher rate is paid from a grant that runs until 2027.
        speaker: the library board
        page: 2

  grant-ends:
    type: claim
    title: The grant ends in 2027
    text: A grant that ends in 2027 only postpones the cost; it does not answer it.
    supports: [close-sundays]
    undercuts:
      - {{from: grant-pays, to: costs-rose}}
    analytic: true
    note: An undercut denies that grant-pays refutes costs-rose, without denying the grant.

# `argmap check` recomputes these. Under grounded semantics the undercut leaves the cost
# objection standing, so the pro thesis falls; its gradual strength shows how much is left.
expect:
  semantics: grounded
  stands: [grant-pays, grant-ends, costs-rose, families-come, children-read]
  falls: [keep-sundays]
  dfquad: {{keep-sundays: 0.59, close-sundays: 0.42}}
"""

_GITIGNORE = f"""\
# the site `argmap build` writes; rebuild it rather than commit it
/{SITE_FOLDER.as_posix()}/
"""

_PRE_COMMIT = """\
# pre-commit (https://pre-commit.com): `pre-commit install` runs the check before every commit.
repos:
  - repo: local
    hooks:
      - id: argmap-check
        name: argmap check
        entry: argmap check --strict
        language: system
        files: ^(maps/.*\\.ya?ml|seeds/.*)$
        pass_filenames: false
"""

# argmap's GitHub Action, at this argmap's version: OWNER is where the project got argmap from,
# which argmap cannot know (it is on no package index).
ACTION = f"OWNER/argmap@v{__version__}"

_WORKFLOW = f"""\
# GitHub Actions: check every map and quote on each push and pull request, with annotations on
# the changed lines, and write what a pull request changed in the debate to the job summary.
name: argmap
on: [push, pull_request]
jobs:
  argmap:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      # argmap's action installs argmap from its own repository, at the tag named here: make
      # OWNER the account (or the path) of the repository you got argmap from
      - uses: {ACTION}
        with:
          maps: {DEFAULT_MAPS.as_posix()}
          seeds: {DEFAULT_SEEDS.as_posix()}
          # site: "true"    # also build the site and upload it as the artifact argmap-site
"""


@dataclass(frozen=True)
class InitProject:
    """What `argmap init` wrote, relative to the project folder, in writing order."""

    folder: Path
    files: tuple[Path, ...]
    example_map: Path


def example_source_text() -> str:
    return join_pages(list(_EXAMPLE_PAGES))


def project_files() -> dict[Path, str]:
    """Every file of a new project, by its path inside the project."""
    source = example_source_text()
    sha256 = hashlib.sha256(source.encode("utf-8")).hexdigest()
    second_sha256 = hashlib.sha256(_SECOND_SOURCE.encode("utf-8")).hexdigest()
    maps_schema = _relative(SCHEMA_DIR / MAP_SCHEMA.file_name, DEFAULT_MAPS)
    sources_schema = _relative(SCHEMA_DIR / SOURCES_SCHEMA.file_name, DEFAULT_SEEDS)
    return {
        DEFAULT_SEEDS / SOURCES_FILE: _SOURCES.format(schema=sources_schema, source_id=EXAMPLE_SOURCE_ID,
                                                      file=EXAMPLE_SOURCE_FILE, sha256=sha256,
                                                      second_id=SECOND_SOURCE_ID, second_file=SECOND_SOURCE_FILE,
                                                      second_sha256=second_sha256),
        DEFAULT_SEEDS / EXAMPLE_SOURCE_FILE: source,
        DEFAULT_SEEDS / SECOND_SOURCE_FILE: _SECOND_SOURCE,
        DEFAULT_MAPS / f"{EXAMPLE_MAP_ID}.yaml": _EXAMPLE_MAP.format(schema=maps_schema, map_id=EXAMPLE_MAP_ID,
                                                                     source_id=EXAMPLE_SOURCE_ID,
                                                                     second_id=SECOND_SOURCE_ID),
        SCHEMA_DIR / MAP_SCHEMA.file_name: schema_text(MAP_SCHEMA),
        SCHEMA_DIR / SOURCES_SCHEMA.file_name: schema_text(SOURCES_SCHEMA),
        Path(".gitignore"): _GITIGNORE,
        Path(".pre-commit-config.yaml"): _PRE_COMMIT,
        Path(".github/workflows/argmap.yml"): _WORKFLOW,
    }


def init_project(folder: Path) -> InitProject:
    """Write a new project into ``folder`` (created if missing). Raises :class:`UsageError`
    (exit 2), writing nothing, when ``folder`` is a file or any of the project's files exists."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} exists and is not a folder", "give a new or existing folder, e.g. argmap init my-debate")
    files = project_files()
    existing = [path for path in files if (folder / path).exists() or (folder / path).is_symlink()]
    if existing:
        names = ", ".join(str(folder / path) for path in existing)
        raise UsageError(f"{names} already {'exists' if len(existing) == 1 else 'exist'}; nothing written",
                         "argmap init never overwrites a file: choose a new or empty folder")
    written: list[Path] = []
    try:
        for path, text in files.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("x", encoding="utf-8", newline="\n") as out:  # "x": never clobber
                out.write(text)
            written.append(path)
    except OSError as error:
        for path in written:  # all or nothing: a half project would only confuse
            (folder / path).unlink(missing_ok=True)
        raise UsageError(f"cannot write {error.filename or folder}: {error.strerror or error}") from None
    return InitProject(folder, tuple(written), DEFAULT_MAPS / f"{EXAMPLE_MAP_ID}.yaml")


def _relative(target: Path, start: Path) -> str:
    return Path(os.path.relpath(target, start)).as_posix()
