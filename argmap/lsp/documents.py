"""The maps open in the editor, each checked as `argmap check MAP --seeds SEEDS` checks it, but on
the unsaved text.

A map's seeds folder is the one given to `argmap lsp --seeds`, else the ``seeds/`` folder of the
nearest folder above the map that has one (a project as `argmap init` lays it out). A map outside
any project is checked without sources, as `argmap check` checks a map that cites none.

Checks run one at a time, on a worker thread; everything a check makes is replaced whole, never
changed, so the editor's requests read a consistent state while the next check runs.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from argmap.checks.runner import MapCheckKey, MapChecked
from argmap.core.diagnostics import ArgmapError, Diagnostic
from argmap.core.folders import DEFAULT_MAPS, DEFAULT_SEEDS, MAP_SUFFIXES, SOURCES_FILE
from argmap.core.load import display_path
from argmap.core.project import MapDocument, Project, load_map
from argmap.evaluate.evaluations import Evaluations
from argmap.lsp.places import MapIndex
from argmap.usecases.check import CheckResult, check

# A map says `argmap: N` at its top level; a file in a maps/ folder is one even before it does.
_FORMAT_LINE = re.compile(r"^argmap[ \t]*:", re.MULTILINE)


def is_map(path: Path, text: str) -> bool:
    """Whether an open YAML file is a map (other YAML files, CI workflows say, are left alone)."""
    if path.suffix.lower() not in MAP_SUFFIXES or path.name == SOURCES_FILE:
        return False
    return path.parent.name == DEFAULT_MAPS.name or _FORMAT_LINE.search(text) is not None


@dataclass(frozen=True)
class CannotCheck:
    """Why a map could not be checked at all (a usage error of `argmap check`, or a bug)."""

    message: str
    hint: str | None = None


@dataclass
class MapState:
    """What is known of one text of a map: its check, or only its parse (while the check of a
    newer text has not run yet)."""

    path: Path
    text: str
    document: MapDocument | None  # None: the text does not load (the diagnostics say why)
    project: Project | None
    evaluations: Evaluations
    diagnostics: tuple[Diagnostic, ...] = ()
    failure: CannotCheck | None = None
    _index: MapIndex | None = field(default=None, repr=False)

    @property
    def display(self) -> str:
        return display_path(self.path)

    @property
    def index(self) -> MapIndex | None:
        if self._index is None and self.document is not None:
            self._index = MapIndex(self.document.doc)
        return self._index


class OpenMaps:
    """Each open map's latest state, checked or parsed, by resolved path."""

    def __init__(self, seeds: Path | None = None):
        self.seeds = seeds.resolve() if seeds is not None else None
        self._states: dict[Path, MapState] = {}
        self._loaded: dict[Path, MapState] = {}  # the last state whose text loaded: ids to complete while typing
        self._rule_results: dict[Path, dict[MapCheckKey, MapChecked]] = {}  # per map: `run_checks`' cache
        self._lock = threading.Lock()  # a check (worker thread) and a parse (the editor's request) of one map

    def seeds_for(self, path: Path) -> Path:
        if self.seeds is not None:
            return self.seeds
        for folder in path.parents:
            if (folder / DEFAULT_SEEDS).is_dir():
                return folder / DEFAULT_SEEDS
        return path.parent / DEFAULT_SEEDS  # not there: the map is checked without sources

    def check(self, path: Path, text: str) -> MapState:
        """`argmap check` of the text as the map at ``path``; the state is kept for the requests."""
        seeds = self.seeds_for(path)
        cache = self._rule_results.setdefault(path, {})
        try:
            result = check([path], seeds, cache, unsaved={path: text})
        except ArgmapError as error:
            state = self._parsed(path, text, failure=CannotCheck(error.message, error.hint))
        except Exception as error:  # noqa: BLE001 - a bug must not end the editor's session
            state = self._parsed(path, text, failure=CannotCheck(
                f"internal error: {type(error).__name__}: {error}",
                "this is a bug in argmap; please report it with the map"))
        else:
            state = _state_of(path, text, result)
        self._keep(state)
        return state

    def state(self, path: Path, text: str) -> MapState:
        """The state of this very text: the last check's, or a parse of it made now (positions
        must be those of the text the editor shows)."""
        with self._lock:
            kept = self._states.get(path)
        if kept is not None and kept.text == text:
            return kept
        state = self._parsed(path, text, project=kept.project if kept else None)
        self._keep(state)
        return state

    def _keep(self, state: MapState) -> None:
        with self._lock:
            self._states[state.path] = state
            if state.document is not None:
                self._loaded[state.path] = state

    def last_loaded(self, path: Path) -> MapState | None:
        with self._lock:
            return self._loaded.get(path)

    def last(self, path: Path) -> MapState | None:
        with self._lock:
            return self._states.get(path)

    def open_paths(self) -> list[Path]:
        with self._lock:
            return list(self._states)

    def forget(self, path: Path) -> None:
        with self._lock:
            self._states.pop(path, None)
            self._loaded.pop(path, None)
        self._rule_results.pop(path, None)

    def _parsed(self, path: Path, text: str, project: Project | None = None,
                failure: CannotCheck | None = None) -> MapState:
        try:
            document, problems = load_map(path, text)
        except Exception:  # noqa: BLE001 - a parse that fails this way is reported by the check
            document, problems = None, []
        registered = project.registered if project is not None else {}
        return MapState(path, text, document if isinstance(document, MapDocument) else None, project,
                        Evaluations(registered), tuple(problems), failure)


def _state_of(path: Path, text: str, result: CheckResult) -> MapState:
    document = next(iter(result.project.maps), None)
    return MapState(path, text, document, result.project, result.evaluations, tuple(result.diagnostics))
