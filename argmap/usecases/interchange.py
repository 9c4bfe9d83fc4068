"""`argmap import`, `argmap export` and `argmap list`: maps from and to other tools' formats.

Import writes the map even when it does not check (then exit 1, with the diagnostics), so the
user can see and fix it; it never overwrites an existing file without ``force``, nor an input
even with it (:class:`argmap.files.output.Inputs`). The check runs on the text about to be
written, under the output's own file name, before anything is written.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from argmap.core.diagnostics import Diagnostic, UsageError, exit_code_for
from argmap.core.folders import DEFAULT_SEEDS, SOURCES_FILE
from argmap.core.graph import MapGraph
from argmap.interchange.builder import build_map
from argmap.interchange.exchange import UnreadableFile
from argmap.interchange.formats import EXPORT_FORMATS, IMPORT_FORMATS, READERS, WRITERS
from argmap.interchange.yamltext import map_yaml
from argmap.core import load
from argmap.core.load import display_path, read_bytes
from argmap.core.model import IDENTIFIER_PATTERN, MAX_IDENTIFIER_LENGTH, ArgMap, Source, is_reserved_map_id, slug
from argmap.files.output import Inputs, refuse_outputs, write_files
from argmap.core.project import MapDocument, RegistryNotMap, load_map, load_seeds
from argmap.text.words import plural
from argmap.usecases.check import CheckResult, check

ARGDOWN_PROGRAM = "argdown"
ARGDOWN_SUFFIX = ".argdown"
ARGDOWN_HINT = ("install the Argdown CLI (npm install -g @argdown/cli) so argmap can run it, or run "
                "`argdown json FILE.argdown OUT_FOLDER` yourself and import the .json it writes")
ARGDOWN_TIMEOUT = 120  # seconds; the CLI parses large files in a few seconds
_IDENTIFIER = re.compile(IDENTIFIER_PATTERN)

__all__ = ["EXPORT_FORMATS", "IMPORT_FORMATS", "ExportOutcome", "ImportOutcome", "NodeRow", "export_map",
           "import_map", "list_nodes"]


@dataclass
class ImportOutcome:
    map_id: str
    text: str  # the map's YAML
    output: Path | None  # None: the map goes to stdout
    check: CheckResult
    node_count: int
    notices: list[str] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.check.diagnostics

    @property
    def exit_code(self) -> int:
        return exit_code_for(self.diagnostics)


@dataclass
class ExportOutcome:
    text: str
    output: Path | None
    notices: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class NodeRow:
    node_id: str
    title: str
    type: str
    side: str | None


def _valid_id(map_id: str) -> bool:
    return bool(_IDENTIFIER.match(map_id)) and len(map_id) <= MAX_IDENTIFIER_LENGTH and not is_reserved_map_id(map_id)


def _choose_id(source: Path, output: Path | None, map_id: str | None) -> str:
    if map_id is not None:
        if not _valid_id(map_id):
            raise UsageError(f"'{map_id}' is not a map id", "use letters, digits, '-', '_' and '.', e.g. nato-expansion",
                             setting="id")
        return map_id
    if output is not None:
        if not _valid_id(output.stem):
            raise UsageError(f"the output's name '{output.stem}' is not a map id, and a map's id is its file name",
                             "name the output like nato-expansion.yaml, or give --id", setting="id")
        return output.stem
    wanted = slug(source.stem)
    return wanted if _valid_id(wanted) else f"{wanted}-map"


def _read_source(source: Path, fmt: str) -> str:
    if source.is_dir():
        raise UsageError(f"{source}: is a folder", "name one file to import")
    if not source.exists():  # a pipe or a device exists: read_bytes says what it is, unread
        raise UsageError(f"{source}: no such file")
    if fmt == "argdown" and source.suffix.lower() == ARGDOWN_SUFFIX:
        return _argdown_json(source)
    raw, problems = read_bytes(source, str(source))  # capped as every read of a user file, a FIFO refused
    if raw is None:
        raise UnreadableFile(f"{source}: {problems[0].message}")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"{source}: not UTF-8 text (byte {error.start})") from None


def _argdown_json(source: Path) -> str:
    """The JSON the official Argdown CLI makes of a .argdown file (it writes into a folder)."""
    program = shutil.which(ARGDOWN_PROGRAM)
    if program is None:
        raise UsageError(f"{source}: reading .argdown needs the `{ARGDOWN_PROGRAM}` command, which is not on PATH",
                         ARGDOWN_HINT)
    with tempfile.TemporaryDirectory(prefix="argmap-argdown-") as folder:
        try:
            done = subprocess.run([program, "json", str(source.resolve()), folder], capture_output=True, text=True,
                                  timeout=ARGDOWN_TIMEOUT, cwd=folder)
        except subprocess.TimeoutExpired:
            raise UsageError(f"{source}: the Argdown CLI did not finish in {ARGDOWN_TIMEOUT} s") from None
        written = sorted(Path(folder).glob("*.json"))
        if done.returncode != 0 or not written:
            said = (done.stderr or done.stdout).strip().splitlines()[-5:]
            raise UnreadableFile(f"{source}: the Argdown CLI could not read it" + (f": {' / '.join(said)}" if said else ""),
                                 ARGDOWN_HINT)
        return written[0].read_text(encoding="utf-8")


def import_map(source: Path, fmt: str, output: Path | None = None, map_id: str | None = None,
               force: bool = False, seeds_dir: Path = DEFAULT_SEEDS) -> ImportOutcome:
    """Read ``source`` as ``fmt``, build a map, check it, write it to ``output`` (or hand the
    text back for stdout). Raises UsageError (exit 2) when the file cannot be read as ``fmt`` or
    the output cannot be written."""
    if fmt not in READERS:
        raise UsageError(f"unknown format '{fmt}'", f"choose one of {', '.join(IMPORT_FORMATS)}")
    chosen_id = _choose_id(source, output, map_id)
    if output is not None:
        refuse_outputs([output], Inputs(seeds_dir, own=[source]), replace=force)
    try:
        exchange = READERS[fmt](_read_source(source, fmt))
    except UnreadableFile as error:
        where = ":".join(str(part) for part in (source, error.line, error.column) if part) + ":"
        shown = error.message if error.message.startswith(f"{source}:") else f"{where} {error.message}"
        raise UnreadableFile(shown, error.hint) from None
    built = build_map(exchange, chosen_id, fallback_title=source.stem)
    text = map_yaml(built.data, header=f"Imported by `argmap import --from {fmt}` from {source.name}.")
    encoded = text.encode("utf-8")
    if len(encoded) > load.MAX_FILE_BYTES:  # looked up now: the limit every command reads maps with
        raise UsageError(f"{source}: the map would be {len(encoded):,} bytes, more than the {load.MAX_FILE_BYTES:,} "
                         f"bytes argmap reads ({plural(len(built.data['nodes']), 'node')}): nothing written",
                         "import the discussion in parts, each from a smaller file")
    result = _check_text(text, output.name if output is not None else f"{chosen_id}.yaml",
                         display_path(output) if output is not None else f"<stdout: {chosen_id}.yaml>", seeds_dir)
    if output is not None:
        write_files({output: encoded})
    return ImportOutcome(chosen_id, text, output, result, len(built.data["nodes"]), built.notices)


def _check_text(text: str, file_name: str, display: str, seeds_dir: Path) -> CheckResult:
    """`argmap check` of the map as it will be written, its diagnostics naming ``display``."""
    with tempfile.TemporaryDirectory(prefix="argmap-import-") as folder:
        staged = Path(folder) / file_name
        staged.write_text(text, encoding="utf-8")
        seeds = seeds_dir
        if not (seeds_dir / SOURCES_FILE).is_file():  # no seeds folder here: imported maps cite nothing
            seeds = Path(folder) / "seeds"
            seeds.mkdir()
            (seeds / SOURCES_FILE).write_text("sources: {}\n", encoding="utf-8")
        result = check([staged], seeds)
    staged_display = display_path(staged)
    result.diagnostics = [dataclasses.replace(d, path=display) if d.path in (staged_display, str(staged)) else d
                          for d in result.diagnostics]
    return result


def _load(path: Path) -> ArgMap:
    if not path.is_file():
        raise UsageError(f"{path}: is a folder" if path.is_dir() else f"{path}: no such file",
                         "name one map file, e.g. maps/nato-expansion.yaml" if path.is_dir() else None)
    document, problems = load_map(path)
    if document is None:
        raise RegistryNotMap(path, "name a map file; `argmap check` validates a registry")
    if not isinstance(document, MapDocument):
        raise MapDoesNotLoad(path, problems)
    return document.model


class MapDoesNotLoad(UsageError):
    """The map has syntax or schema errors: they are reported, and the command exits 1."""

    exit_code = 1

    def __init__(self, path: Path, diagnostics: list[Diagnostic]):
        super().__init__(f"{display_path(path)}: the map does not load; `argmap check` shows why")
        self.diagnostics = diagnostics


def export_map(path: Path, fmt: str, output: Path | None = None, seeds_dir: Path = DEFAULT_SEEDS) -> ExportOutcome:
    """The map at ``path`` in ``fmt``, written to ``output`` when given."""
    if fmt not in WRITERS:
        raise UsageError(f"unknown format '{fmt}'", f"choose one of {', '.join(EXPORT_FORMATS)}")
    model = _load(path)
    if output is not None:
        refuse_outputs([output], Inputs(seeds_dir, own=[path]))
    text, notices = WRITERS[fmt](model, _registered_sources(seeds_dir))
    if output is not None:
        write_files({output: text.encode("utf-8")})
    return ExportOutcome(text, output, notices)


def _registered_sources(seeds_dir: Path) -> dict[str, Source]:
    """The registry's sources, to carry along with the evidence; none when there is no registry."""
    if not (seeds_dir / SOURCES_FILE).is_file():
        return {}
    project, _ = load_seeds(seeds_dir)
    return dict(project.registered)


def list_nodes(path: Path) -> list[NodeRow]:
    """Every node of the map: id, title (or text), type and side (declared or derived)."""
    model = _load(path)
    sides = MapGraph(model).sides
    return [NodeRow(node_id, node.label, node.type, sides.get(node_id)) for node_id, node in model.nodes.items()]
