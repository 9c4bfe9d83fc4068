"""`argmap migrate`: rewrite version-1 maps as version 2, in place and atomically.

The text is edited, never dumped again as YAML, so comments, key order, quoting and line
breaks stay as the mapper wrote them. Two kinds of edit are made: the version number after
`argmap:` becomes 2, and each node without a title gets ``title: TODO, a short title``, just
before its `text` key (its own line, with the key's indentation, in a block mapping; inside the
braces in a flow mapping). The placeholder is a TODO, so `argmap check --strict` reports it
(AM317) until a real title replaces it.

Every file is checked first: if one does not load, nothing is written. The migrated text is
loaded again before it is written, and must give the same map apart from the version and the
new titles; otherwise argmap refuses, as a bug of its own, rather than write it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.core.codes import Code
from argmap.core.diagnostics import ArgmapError, Diagnostic, ExitCode, UsageError
from argmap.core.load import LoadedYaml, parse_yaml
from argmap.core.model import FORMAT_VERSION, ArgMap
from argmap.files.output import rewrite_files
from argmap.core.project import MapDocument, RegistryNotMap, load_map
from argmap.core.validate import validate
from argmap.core.vocabulary import PLACEHOLDER_TITLE

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PLAIN_TOKEN = re.compile(r"[^\s,\]}#]+")
_ANCHOR = re.compile(r"(?:&\S+\s+)?")  # `&name ` before a node's mapping


@dataclass(frozen=True)
class MigratedMap:
    """One map file and what migrating it changes (nothing, if it is already at the newest version)."""

    path: Path
    display: str
    before: str
    after: str
    titles_added: int
    version: int  # the version the file declared

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        return "".join(difflib.unified_diff(self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
                                            f"{self.display} (version {self.version})",
                                            f"{self.display} (version {FORMAT_VERSION})"))


@dataclass
class MigrateOutcome:
    maps: list[MigratedMap] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # why maps were refused
    written: bool = False
    dry_run: bool = False

    @property
    def refused(self) -> bool:
        return bool(self.diagnostics)

    @property
    def exit_code(self) -> int:
        return ExitCode.INPUT_ERRORS if self.refused else ExitCode.CLEAN


def migrate(paths: Sequence[Path], dry_run: bool = False) -> MigrateOutcome:
    """Migrate every map of ``paths`` (files only), or none when one of them does not load.

    Raises :class:`UsageError` (exit 2) for a missing path, a folder, or a file or folder argmap
    may not write."""
    outcome = MigrateOutcome(dry_run=dry_run)
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file")
        if path.is_dir():
            raise UsageError(f"{path}: is a folder", "name the map files to migrate, e.g. `argmap migrate maps/*.yaml`")
        migrated, problems = _migrate_one(path)
        outcome.diagnostics.extend(problems)
        if migrated is not None:
            outcome.maps.append(migrated)
    if outcome.refused or dry_run:
        return outcome
    changed = [m for m in outcome.maps if m.changed]
    rewrite_files({m.path: _encoded(m) for m in changed})
    outcome.written = bool(changed)
    return outcome


def _migrate_one(path: Path) -> tuple[MigratedMap | None, list[Diagnostic]]:
    document, problems = load_map(path)  # a map that loads has no error but AM204, which migrating mends
    if document is None:
        raise RegistryNotMap(path, "argmap migrate rewrites map files")
    if not isinstance(document, MapDocument):
        return None, [d for d in problems if d.code is not Code.AM204]  # migrating mends those
    model, doc = document.model, document.doc
    if model.argmap >= FORMAT_VERSION:
        return MigratedMap(path, doc.display, doc.text, doc.text, 0, model.argmap), []
    edits = migration_edits(document)
    return MigratedMap(path, doc.display, doc.text, apply_edits(doc.text, edits), _titles_added(edits), model.argmap), []


@dataclass(frozen=True)
class TextEdit:
    """Text from ``start`` to ``end`` (character offsets) replaced by ``replacement``."""

    start: int
    end: int
    replacement: str
    adds_title: bool = False


def migration_edits(document: MapDocument) -> list[TextEdit]:
    """The edits that make a version-1 map version 2 (`argmap lsp` offers them as one action),
    verified: the edited text loads as the same map at the new version with the new titles."""
    doc, model = document.doc, document.model
    keys, values = doc.locator.build_marks()  # exact character offsets, from the event parser
    text = doc.text
    version_at = values[("argmap",)]
    version_token = _PLAIN_TOKEN.match(text, version_at)
    edits = [TextEdit(version_at, version_token.end() if version_token else version_at, str(FORMAT_VERSION))]
    edits += [_title_edit(doc, node_id, keys, values) for node_id, node in model.nodes.items() if node.title is None]
    _verify(doc, model, apply_edits(text, edits))
    return edits


def title_edit(document: MapDocument, node_id: str) -> TextEdit:
    """The edit that gives node ``node_id`` the placeholder title, just before its `text` key."""
    keys, values = document.doc.locator.build_marks()
    return _title_edit(document.doc, node_id, keys, values)


def _title_edit(doc: LoadedYaml, node_id: str, keys: dict, values: dict) -> TextEdit:
    text = doc.text
    text_key = keys.get(("nodes", node_id, "text"))
    if text_key is None:  # the node repeats another through a YAML alias (*name): no text of its own
        raise UsageError(f"{doc.display}: node '{node_id}' is a YAML alias of another node, so it has no text "
                         "of its own to give a title", "write the node out in full, then run argmap migrate again")
    if _is_flow_mapping(text, values[("nodes", node_id)]):
        return TextEdit(text_key, text_key, f'title: "{PLACEHOLDER_TITLE}", ', adds_title=True)
    newline = _LINE_BREAK.search(text)
    line_break = newline.group() if newline else "\n"
    line_start = max(text.rfind("\n", 0, text_key), text.rfind("\r", 0, text_key)) + 1
    indent = text[line_start:text_key]
    return TextEdit(line_start, line_start, f"{indent}title: {PLACEHOLDER_TITLE}{line_break}", adds_title=True)


def apply_edits(text: str, edits: Sequence[TextEdit]) -> str:
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):  # from the end: offsets stay valid
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


def _titles_added(edits: Sequence[TextEdit]) -> int:
    return sum(edit.adds_title for edit in edits)


def _is_flow_mapping(text: str, value_at: int) -> bool:
    """Whether the mapping starting at ``value_at`` (after any anchor) is written in braces."""
    return text.startswith("{", _ANCHOR.match(text, value_at).end())


def _verify(doc: LoadedYaml, model: ArgMap, after: str) -> None:
    """The migrated text must load as the same map, at the new version, with the new titles."""
    migrated_doc, _ = parse_yaml(after, doc.path, doc.display)
    migrated = validate(migrated_doc, ArgMap)[0] if migrated_doc is not None else None
    expected = model.model_copy(update={
        "argmap": FORMAT_VERSION,
        "nodes": {node_id: node if node.title is not None else node.model_copy(update={"title": PLACEHOLDER_TITLE})
                  for node_id, node in model.nodes.items()},
    })
    if migrated is None or migrated != expected:
        raise ArgmapError(f"{doc.display}: migrating would change the map in an unexpected way; the file is unchanged",
                          "this is a bug in argmap; please report it with the map")


_BOM = b"\xef\xbb\xbf"


def _encoded(migrated: MigratedMap) -> bytes:
    raw = migrated.after.encode("utf-8")
    with migrated.path.open("rb") as file:  # a regular file, read whole already: its first bytes only
        had_bom = file.read(len(_BOM)) == _BOM
    return _BOM + raw if had_bom else raw
