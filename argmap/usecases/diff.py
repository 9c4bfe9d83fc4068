"""`argmap diff`: what changed in the debate between two versions of a map, or in every map
changed since a git revision: the changes of :mod:`argmap.core.changes`, and what they did to
the labels, the strengths and the verdict, both versions evaluated under the new version's
headline semantics.

The CLI prints what a diff reporter (:mod:`argmap.reporters.diff`) makes of the
:class:`DiffOutcome` returned here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from argmap.core.changes import MapChanges, compare_maps
from argmap.core.diagnostics import Diagnostic, ExitCode, UsageError
from argmap.core.folders import DEFAULT_MAPS, DEFAULT_SEEDS, MAP_SUFFIXES, SOURCES_FILE
from argmap.core.load import display_path, read_bytes
from argmap.core.model import ArgMap, Source
from argmap.core.project import MapDocument, find_map_files, parse_map, parse_registry
from argmap.core.revisions import Repository
from argmap.evaluate.evaluations import Evaluations
from argmap.evaluate.labels import Label
from argmap.evaluate.registry import entry
from argmap.evaluate.verdict import MapVerdict, headline_semantics

STRENGTH_CHANGE = 0.05  # a strength that moves less is not reported: below what a reader weighs
REVISION_SEPARATOR = ":"  # REV:PATH, as git writes it
WORKING_TREE = "working tree"


@dataclass(frozen=True)
class DiffRequest:
    maps: tuple[str, ...] = ()  # OLD NEW; with ``base``, the map files or folders to look in
    base: str | None = None
    seeds: Path = DEFAULT_SEEDS


@dataclass(frozen=True)
class LabelChange:
    node: str
    before: Label | None  # None: the node is not in that version
    after: Label | None


@dataclass(frozen=True)
class StrengthChange:
    node: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class Version:
    """One side of a comparison: where it was read (``main:maps/x.yaml``, ``maps/x.yaml``), its
    model (None: the map is not there in that version) and its registry's entries."""

    name: str
    model: ArgMap | None
    sources: Mapping[str, Source] = field(default_factory=dict)


@dataclass(frozen=True)
class MapDiff:
    """Two versions of one map compared. ``old`` or ``new`` without a model: the map was added or
    removed."""

    old: Version
    new: Version
    changes: MapChanges
    semantics: str  # the headline semantics: the verdicts' and strengths'
    label_semantics: str
    before: MapVerdict | None = None
    after: MapVerdict | None = None
    labels: tuple[LabelChange, ...] = ()
    strengths: tuple[StrengthChange, ...] = ()

    @property
    def status(self) -> str:
        if self.old.model is None:
            return "added"
        if self.new.model is None:
            return "removed"
        return "changed" if self.changes else "unchanged"

    @property
    def changed(self) -> bool:
        return self.status != "unchanged"

    @property
    def map_id(self) -> str:
        return (self.new.model or self.old.model).id  # type: ignore[union-attr]

    @property
    def path(self) -> str:
        """The file as it is now (or was, for a removed map), without the revision."""
        name = self.new.name if self.new.model is not None else self.old.name
        return name.partition(REVISION_SEPARATOR)[2] if _at_revision(name) else name


@dataclass(frozen=True)
class DiffOutcome:
    """Each map compared, in order; ``problems``: the versions that could not be read as maps
    (their diagnostics), which are left out of the comparison."""

    maps: tuple[MapDiff, ...]
    problems: tuple[Diagnostic, ...] = ()
    base: str | None = None  # the revision of --base, as the user named it

    @property
    def changed(self) -> tuple[MapDiff, ...]:
        return tuple(m for m in self.maps if m.changed)

    @property
    def exit_code(self) -> int:
        """0 nothing changed in the debate, 1 something did; 2 when a version could not be read."""
        if self.problems:
            return ExitCode.CANNOT_RUN
        return ExitCode.INPUT_ERRORS if self.changed else ExitCode.CLEAN


def run_diff(request: DiffRequest) -> DiffOutcome:
    """Raises :class:`UsageError` when the command cannot run: a wrong number of maps, a missing
    file, a revision or path git does not know, no git."""
    if request.base is not None:
        return _since(request)
    if len(request.maps) != 2:
        raise UsageError(f"argmap diff compares two maps, OLD and NEW; {len(request.maps)} given",
                         "e.g. argmap diff main:maps/x.yaml maps/x.yaml, or argmap diff --base main")
    reader = _Reader(request.seeds)
    old, new = (reader.named(name) for name in request.maps)
    versions = [v for v in (old, new) if v is not None]
    if len(versions) < 2:
        return DiffOutcome((), tuple(reader.problems))
    return DiffOutcome((_compare(*versions),), tuple(reader.problems))


def _since(request: DiffRequest) -> DiffOutcome:
    """Every map under the folders asked (default maps/) that differs from ``base``, and every
    map citing a source whose registry entry changed."""
    reader = _Reader(request.seeds)
    repository = reader.repository()
    commit = repository.commit(request.base)  # type: ignore[arg-type]
    pathspecs = list(request.maps) or [str(DEFAULT_MAPS)]
    changed = [name for name in repository.changed_since(commit, pathspecs) if Path(name).suffix.lower() in MAP_SUFFIXES]
    old_sources = reader.registry_at(request.base, commit)  # type: ignore[arg-type]
    new_sources = reader.registry_here()
    repinned = {s for s in old_sources.keys() & new_sources.keys() if old_sources[s] != new_sources[s]}
    folders = [Path(p) for p in pathspecs if Path(p).exists()]
    if repinned and folders:  # maps whose own file is unchanged but whose sources changed
        changed += [name for name in (repository.relative(p) for p in find_map_files(folders).files
                                      if _cites(p, repinned)) if name and name not in changed]
    at_base = repository.files_at(commit, changed)
    diffs = []
    for name in sorted(set(changed)):
        here = repository.top / name
        old = reader.at_revision(request.base, commit, name, old_sources) if name in at_base else \
            Version(f"{request.base}{REVISION_SEPARATOR}{name}", None)  # type: ignore[arg-type]
        new = reader.file(here, new_sources) if here.is_file() else Version(display_path(here), None)
        if old is None or new is None or (old.model is None and new.model is None):
            continue  # unreadable (a problem says why), or a sources registry met among the maps
        diffs.append(_compare(old, new))
    return DiffOutcome(tuple(diffs), tuple(reader.problems), request.base)


def _cites(path: Path, sources: set[str]) -> bool:
    raw, _ = read_bytes(path, str(path))
    document, _ = parse_map(raw, path, str(path)) if raw is not None else (None, [])
    return isinstance(document, MapDocument) and any(
        e.source in sources for node in document.model.nodes.values() for e in node.evidence)


class _Reader:
    """Reads the versions of maps and registries, collecting the diagnostics of those that do
    not load; git is asked only when a revision is named."""

    def __init__(self, seeds: Path) -> None:
        self.seeds = seeds
        self.problems: list[Diagnostic] = []
        self._repository: Repository | None = None
        self._registries: dict[str | None, Mapping[str, Source]] = {}

    def repository(self) -> Repository:
        if self._repository is None:
            self._repository = Repository()
        return self._repository

    def named(self, name: str) -> Version | None:
        """A map named on the command line: a file, else REV:PATH."""
        path = Path(name)
        if path.exists() or not _at_revision(name):
            if not path.is_file():
                raise UsageError(f"{name}: {'not a file' if path.exists() else 'no such file'}",
                                 "name a map file, or a map at a git revision as REV:PATH (e.g. main:maps/x.yaml)")
            return self.file(path, self.registry_here())
        revision, _, inside = name.partition(REVISION_SEPARATOR)
        commit = self.repository().commit(revision)
        return self.at_revision(revision, commit, inside, self.registry_at(revision, commit))

    def file(self, path: Path, sources: Mapping[str, Source]) -> Version | None:
        display = display_path(path)
        raw, problems = read_bytes(path, display)
        if raw is None:
            self.problems.extend(problems)
            return None
        return self._version(raw, path, display, sources)

    def at_revision(self, revision: str, commit: str, inside: str, sources: Mapping[str, Source]) -> Version | None:
        name = f"{revision}{REVISION_SEPARATOR}{inside}"
        return self._version(self.repository().show(commit, inside, revision), Path(inside), name, sources)

    def registry_here(self) -> Mapping[str, Source]:
        """The registry of the seeds folder (none: no sources, as `argmap check` reads it)."""
        if None not in self._registries:
            path = self.seeds / SOURCES_FILE
            raw, problems = read_bytes(path, display_path(path)) if path.is_file() else (None, [])
            self._registries[None] = self._registry(raw, display_path(path), problems)
        return self._registries[None]

    def registry_at(self, revision: str, commit: str) -> Mapping[str, Source]:
        """The seeds folder's registry at a revision: none when it had none there (or the seeds
        folder is outside the repository)."""
        if commit not in self._registries:
            repository = self.repository()
            inside = repository.relative(self.seeds / SOURCES_FILE)
            present = inside is not None and inside in repository.files_at(commit, [inside])
            raw = repository.show(commit, inside, revision) if present else None  # type: ignore[arg-type]
            self._registries[commit] = self._registry(raw, f"{revision}{REVISION_SEPARATOR}{inside}", [])
        return self._registries[commit]

    def _registry(self, raw: bytes | None, display: str, problems: list[Diagnostic]) -> Mapping[str, Source]:
        if raw is None:
            self.problems.extend(problems)
            return {}
        registered, problems = parse_registry(raw, display)
        self.problems.extend(problems)
        return registered or {}

    def _version(self, raw: bytes, path: Path, display: str, sources: Mapping[str, Source]) -> Version | None:
        document, problems = parse_map(raw, path, display)
        self.problems.extend(p for p in problems if p.is_error)
        if not isinstance(document, MapDocument):
            return None  # a sources registry (no problem), or a map that does not load (its problems)
        return Version(display, document.model, sources)


def _at_revision(name: str) -> bool:
    revision, separator, inside = name.partition(REVISION_SEPARATOR)
    return bool(separator and revision and inside)


def _compare(old: Version, new: Version) -> MapDiff:
    """The changes, and under the newer version's headline semantics the verdict before and after
    and the labels and strengths that moved."""
    present = new.model or old.model
    semantics = headline_semantics(present)  # type: ignore[arg-type]
    label_semantics = entry(semantics).labels_from or semantics
    if old.model is None or new.model is None:
        only = old if new.model is None else new
        verdict = Evaluations(only.sources).verdict(only.model, semantics)  # type: ignore[arg-type]
        empty = compare_maps(only.model, only.model)  # type: ignore[arg-type]
        return MapDiff(old, new, empty, semantics, label_semantics,
                       before=verdict if new.model is None else None, after=verdict if old.model is None else None)
    changes = compare_maps(old.model, new.model, old.sources, new.sources)
    if not changes:  # the same debate: the same verdict, computed once
        verdict = Evaluations(new.sources).verdict(new.model, semantics)
        return MapDiff(old, new, changes, semantics, label_semantics, verdict, verdict)
    before, after = Evaluations(old.sources), Evaluations(new.sources)
    old_labels = before.of(old.model, label_semantics).evaluation.verdicts
    new_labels = after.of(new.model, label_semantics).evaluation.verdicts
    nodes = [*new.model.nodes, *(n for n in old.model.nodes if n not in new.model.nodes)]
    labels = tuple(LabelChange(n, _label(old_labels, n), _label(new_labels, n)) for n in nodes
                   if _label(old_labels, n) != _label(new_labels, n))
    old_strengths = before.of(old.model, semantics).scores
    new_strengths = after.of(new.model, semantics).scores  # both empty under a semantics of labels
    strengths = tuple(StrengthChange(n, old_strengths[n], new_strengths[n]) for n in new.model.nodes
                      if n in old_strengths and abs(new_strengths[n] - old_strengths[n]) >= STRENGTH_CHANGE)
    return MapDiff(old, new, changes, semantics, label_semantics, before.verdict(old.model, semantics),
                   after.verdict(new.model, semantics), labels, strengths)


def _label(verdicts: Mapping[str, object], node: str) -> Label | None:
    verdict = verdicts.get(node)
    return verdict.label if verdict is not None else None  # type: ignore[attr-defined]

