"""Load a project: the maps named on the command line and the seeds folder they cite."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from argmap.core.codes import Code
from argmap.core.collector import one_shot
from argmap.core.diagnostics import Diagnostic, UsageError
from argmap.core.format_versions import format_2_fields
from argmap.core.folders import (DEFAULT_MAPS, DEFAULT_SEEDS, MAP_SUFFIXES, SOURCES_FILE, MapFiles,  # noqa: F401 - re-exported
                                 find_map_files)
from argmap.core.graph import MapGraph
from argmap.core.ahead import taken
from argmap.core.load import (LoadedYaml, decode_text, display_path, load_yaml, parse_yaml, read_bytes,
                              recheck_keys, unsaved_text)
from argmap.core.model import ArgMap, Node, Source, SourceRegistry
from argmap.quotes.match import SourceText
from argmap.core.validate import validate, validate_letting_go


@dataclass
class MapDocument:
    """A map that was read and validated: its YAML document and its model are always there.
    Plain data: evaluating it is a step of the use cases (:mod:`argmap.evaluate.evaluations`)."""

    doc: LoadedYaml
    model: ArgMap

    @property
    def path(self) -> Path:
        return self.doc.path

    @property
    def display(self) -> str:
        return self.doc.display

    @cached_property
    def graph(self) -> MapGraph:
        return MapGraph(self.model)


@dataclass(frozen=True)
class UnloadedMap:
    """A map file that could not be read or validated; its diagnostics say why."""

    path: Path
    display: str


@dataclass
class SourceDocument:
    """A registered source whose file was read: its text is always there."""

    id: str
    source: Source
    path: Path
    text: SourceText


@dataclass
class Project:
    """The seeds folder's registry and sources, and the maps, as loaded for one run."""

    seeds_dir: Path
    registry: LoadedYaml | None
    registered: dict[str, Source] = field(default_factory=dict)  # every source of the registry
    sources: dict[str, SourceDocument] = field(default_factory=dict)  # those whose file could be read
    maps: list[MapDocument] = field(default_factory=list)
    unloaded_maps: list[UnloadedMap] = field(default_factory=list)
    covers_folder: bool = False  # a whole folder was checked, so "unused source" makes sense
    empty_folders: list[Path] = field(default_factory=list)  # folders named that hold no map (nor registry)
    registry_valid: bool = False  # sources.yaml was read and validated; else its diagnostics say why

    @property
    def map_count(self) -> int:
        """Every map file named, loaded or not."""
        return len(self.maps) + len(self.unloaded_maps)


def load_project(paths: Sequence[Path] | None, seeds_dir: Path = DEFAULT_SEEDS,
                 unsaved: Mapping[Path, str] | None = None) -> tuple[Project, list[Diagnostic]]:
    """The maps and the seeds folder. Maps that cite no source need no seeds folder: where it (or
    its registry) is missing, they are checked against an empty registry; a map that cites one
    makes the missing registry a usage error (exit 2). ``unsaved`` holds, by resolved path, the
    text of maps open in an editor, read instead of their files."""
    source_texts.start_load()
    try:
        return _load_project(paths, seeds_dir, unsaved or {})
    finally:
        source_texts.end_load()


def _load_project(paths: Sequence[Path] | None, seeds_dir: Path, unsaved: Mapping[Path, str]) -> tuple[Project, list[Diagnostic]]:
    found = find_map_files(paths, unsaved)
    registry_in_use = (seeds_dir / SOURCES_FILE).resolve()
    maps: list[MapDocument] = []
    unloaded_maps: list[UnloadedMap] = []
    map_problems: list[Diagnostic] = []
    for path in found.files:
        if path.resolve() == registry_in_use:  # `argmap check seeds/`: validated with the seeds, as the registry
            continue
        document, problems = load_map(path, unsaved.get(path.resolve()) if unsaved else None)
        if isinstance(document, MapDocument):
            maps.append(document)
        elif document is not None:
            unloaded_maps.append(document)
        map_problems.extend(problems)
    if _registry_missing(seeds_dir) and not any(node.evidence for document in maps for node in document.model.nodes.values()):
        project, problems = Project(seeds_dir, None, registry_valid=True), []
    else:
        project, problems = load_seeds(seeds_dir, needed_by=next(_citing(maps), None))
    project.maps, project.unloaded_maps, project.empty_folders = maps, unloaded_maps, found.empty_folders
    project.covers_folder = found.covers_folder and bool(project.map_count)  # no map at all: nothing to cite from
    return project, problems + map_problems


def _registry_missing(seeds_dir: Path) -> bool:
    """No seeds folder, or one without a registry (a folder or file in its place is not missing)."""
    return not seeds_dir.exists() or seeds_dir.is_dir() and not (seeds_dir / SOURCES_FILE).exists()


def _citing(maps: list[MapDocument]):
    """(map, node id) for each node that cites a source."""
    for document in maps:
        for node_id, node in document.model.nodes.items():
            if node.evidence:
                yield document, node_id


class RegistryNotMap(UsageError):
    """A command that takes one map was given a sources registry (exit 2)."""

    def __init__(self, path: Path, hint: str):
        super().__init__(f"{path}: a sources registry, not a map", hint)


def load_map(path: Path, text: str | None = None) -> tuple[MapDocument | UnloadedMap | None, list[Diagnostic]]:
    """A map, an unloaded map (the diagnostics say why), or None for a sources registry met
    among the maps, which is validated as one. ``text``, when given, is read instead of the file."""
    display = display_path(path)
    if text is not None:  # an editor's unsaved text, held to the rules of a file: the size cap, no BOM
        text, problems = unsaved_text(text, display)
        if text is None:
            return UnloadedMap(path, display), problems
        return parse_map(text.encode("utf-8", "surrogatepass"), path, display)
    ahead = taken(path)  # read and parsed while the command started (argmap.core.ahead)
    if ahead is not None:
        return _parse_map_text(ahead.text, path, display, [], ahead.parsed)  # the parse is waited for when needed
    raw, problems = read_bytes(path, display)
    if raw is None:
        return UnloadedMap(path, display), problems
    return parse_map(raw, path, display)


def parse_map(raw: bytes, path: Path, display: str) -> tuple[MapDocument | UnloadedMap | None, list[Diagnostic]]:
    """A map from its bytes (read from a file, or from git at a revision), as :func:`load_map`."""
    text, problems = decode_text(raw, display)
    if text is None:
        return UnloadedMap(path, display), problems
    return _parse_map_text(text, path, display, problems)


def _parse_map_text(text: str, path: Path, display: str, problems: list[Diagnostic],
                    parsed: Callable[[], Any] | None = None) -> tuple[MapDocument | UnloadedMap | None, list[Diagnostic]]:
    # The map model takes text keys and a few levels of nesting only: a map it accepts needs no
    # walk over its data to prove them (a twentieth of a large map's check); one it refuses gets it.
    doc, parse_problems = parse_yaml(text, path, display, schema_checks_keys=True, parsed=parsed)
    problems += parse_problems
    if doc is None:
        return UnloadedMap(path, display), problems
    model, model_problems = _validate_map(doc)
    if model is None:
        checked, parse_problems = recheck_keys(doc)
        problems += parse_problems
        if checked is None:
            return UnloadedMap(path, display), problems
        if checked is not doc:
            doc = checked
            model, model_problems = _validate_map(doc)
    doc.keys_unchecked = False
    if model is None and is_registry(doc.data):  # (a map's model: not a registry, and its data may be let go)
        return None, validate_registry(doc, path.parent)[2]
    problems += model_problems + format_2_fields(doc, model)
    if model is None:
        return UnloadedMap(path, display), problems
    return MapDocument(doc, model), problems


# From this many nodes on, a one-shot command builds a map's node models one by one, letting go
# of each node's parsed data: a 200,000-node map then peaks at ~600 MB instead of ~950 MB.
LET_GO_FROM_NODES = 20_000


def _validate_map(doc: LoadedYaml) -> tuple[ArgMap | None, list[Diagnostic]]:
    """The map's model, or its schema's diagnostics; nothing for a registry met among the maps."""
    if is_registry(doc.data):
        return None, []
    nodes = doc.data.get("nodes")
    if one_shot() and isinstance(nodes, dict) and len(nodes) >= LET_GO_FROM_NODES:
        model = validate_letting_go(doc, ArgMap, "nodes", Node, nested="evidence")
        if model is not None:
            return model, []
    return validate(doc, ArgMap)


def is_registry(data: dict) -> bool:
    """A sources registry has ``sources`` at the top and, unlike every map, no ``argmap``."""
    return "sources" in data and "argmap" not in data


def load_seeds(seeds_dir: Path, needed_by: tuple[MapDocument, str] | None = None) -> tuple[Project, list[Diagnostic]]:
    """The registry and the sources it names; ``needed_by``, a (map, node id) citing a source,
    is named when the registry is missing."""
    because = f" (needed: {needed_by[0].display} cites sources, node '{needed_by[1]}')" if needed_by else ""
    if not seeds_dir.is_dir():
        raise UsageError(f"seeds folder '{seeds_dir}' " + ("is a file, not a folder" if seeds_dir.exists() else "not found")
                         + because, "point --seeds at the folder holding sources.yaml")
    registry_path = seeds_dir / SOURCES_FILE
    if not registry_path.is_file():
        raise UsageError(f"{registry_path}: no such file{because}", f"every seeds folder needs a {SOURCES_FILE} registry")
    doc, problems = load_yaml(registry_path)
    project = Project(seeds_dir, doc)
    if doc is None:
        return project, problems
    registered, project.sources, problems = validate_registry(doc, seeds_dir)
    project.registered, project.registry_valid = registered or {}, registered is not None
    return project, problems


def parse_registry(raw: bytes, display: str) -> tuple[dict[str, Source] | None, list[Diagnostic]]:
    """The entries of a sources registry from its bytes (None when it does not validate), without
    reading the sources' files: what an earlier version of the registry said."""
    text, problems = decode_text(raw, display)
    doc, parse_problems = parse_yaml(text, Path(display), display) if text is not None else (None, [])
    if doc is None:
        return None, problems + parse_problems
    registry, problems = validate(doc, SourceRegistry)
    return (dict(registry.sources) if registry is not None else None), problems


def validate_registry(doc: LoadedYaml, seeds_dir: Path) -> tuple[dict[str, Source] | None, dict[str, SourceDocument], list[Diagnostic]]:
    """The registry's entries (None when it does not validate), and those whose file could be
    read, with their pins checked."""
    registry, problems = validate(doc, SourceRegistry)
    if registry is None:
        return None, {}, problems
    sources: dict[str, SourceDocument] = {}
    for source_id, source in registry.sources.items():
        document, source_problems = _load_source(doc, seeds_dir, source_id, source)
        if document is not None:
            sources[source_id] = document
        problems.extend(source_problems)
    return dict(registry.sources), sources, problems


def _load_source(doc: LoadedYaml, seeds_dir: Path, source_id: str, source: Source) -> tuple[SourceDocument | None, list[Diagnostic]]:
    """The source with its text, or None when its file cannot be read safely (the diagnostics say why)."""
    at = ("sources", source_id, "file")
    relative = Path(source.file)
    path = seeds_dir / relative
    unreadable = None
    if relative.is_absolute() or ".." in relative.parts:
        return unreadable, [doc.diagnostic(at, Code.AM401, f"source file '{source.file}' leaves the seeds folder",
                                           hints=("give a path relative to the seeds folder, without '..'",))]
    try:
        inside = path.resolve().is_relative_to(seeds_dir.resolve())
    except (OSError, RuntimeError):  # a link loop
        inside = False
    if not inside:
        return unreadable, [doc.diagnostic(at, Code.AM401, f"source file '{source.file}' is a link leading out of the seeds folder")]
    if not path.exists():  # a folder or a FIFO exists: read_bytes says what it is instead
        return unreadable, [doc.diagnostic(at, Code.AM402, f"source file '{source.file}' not found in {seeds_dir}")]
    raw, problems = read_bytes(path, display_path(path))
    if raw is None:
        return unreadable, problems
    digest = hashlib.sha256(raw).hexdigest()
    if source.sha256 is None:
        problems.append(doc.diagnostic(("sources", source_id), Code.AM404, f"source '{source_id}' has no sha256 pin",
                                       (f"add: sha256: {digest}",), at_key=True))
    elif source.sha256 != digest:
        problems.append(doc.diagnostic(("sources", source_id, "sha256"), Code.AM403,
                                       f"source file '{source.file}' has changed: its sha256 is {digest[:12]}..., "
                                       f"the pin says {source.sha256[:12]}...",
                                       hints=("seed documents are kept verbatim; restore the file, or re-pin it "
                                              f"only if the change is intended: sha256: {digest}",)))
    text, decode_problems = decode_text(raw, display_path(path))
    problems.extend(decode_problems)
    if text is None:
        return None, problems
    return SourceDocument(source_id, source, path, source_texts(text)), problems


class SourceTexts:
    """One :class:`SourceText` per distinct text, kept from one load of the project to the next
    with the quote indexes it builds lazily: `argmap serve` checks the same sources again on
    every save. Only the texts of the last load are kept, and of each only the quotes that load
    looked up, so that a server running for hours holds no more than its project."""

    def __init__(self) -> None:
        self._last_load: dict[str, SourceText] = {}
        self._this_load: dict[str, SourceText] = {}

    def start_load(self) -> None:
        self._last_load, self._this_load = self._this_load, {}

    def end_load(self) -> None:
        self._last_load = {}  # the texts this load did not use

    def __call__(self, text: str) -> SourceText:
        kept = self._this_load.get(text)
        if kept is None:
            kept = self._last_load.pop(text, None)
            if kept is None:
                kept = SourceText(text)
            else:
                kept.start_round()
            self._this_load[text] = kept
        return kept

    def __len__(self) -> int:
        return len(self._last_load) + len(self._this_load)


source_texts = SourceTexts()
