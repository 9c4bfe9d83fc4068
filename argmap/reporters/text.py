from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.core.diagnostics import Diagnostic, count
from argmap.reporters.base import Checked
from argmap.text.terminal import printable
from argmap.text.words import byte_size, plural

if TYPE_CHECKING:
    from argmap.usecases.eval import EvalOutcome
    from argmap.authoring.scaffold import NewMap
    from argmap.usecases.migrate import MigrateOutcome
    from argmap.authoring.starter import InitProject
    from argmap.usecases.source import SourceAdded
    from argmap.usecases.serve import Rebuilt
    from argmap.usecases.check import CheckResult
    from argmap.core.diagnostics import ArgmapError
    from argmap.usecases.quote import QuoteReport


def format_diagnostic(d: Diagnostic) -> str:
    """`path:line:col: severity code: message`, hints indented below (the form editors link)."""
    lines = [f"{printable(d.path)}:{d.line}:{d.column}: {d.severity.value} {d.code}: {printable(d.message)}"]
    lines.extend(f"    {printable(hint)}" for hint in d.hints)
    return "\n".join(lines)


def format_diagnostics(diagnostics: Iterable[Diagnostic]) -> str:
    return "\n".join(map(format_diagnostic, diagnostics))


def summary(result: Checked) -> str:
    s, counts = result.stats, count(result.diagnostics)
    return (f"checked {plural(s.maps, 'map')}, {plural(s.nodes, 'node')}; "
            f"{s.quotes_verified:,} of {plural(s.quotes, 'quote')} verified; "
            f"{plural(counts.errors, 'error')}, {plural(counts.warnings, 'warning')}")


def not_evaluated(outcome: EvalOutcome) -> str:
    counts = count(outcome.diagnostics)
    return f"{printable(outcome.path)}: not evaluated: {plural(counts.errors, 'error')}, {plural(counts.warnings, 'warning')}"


def written(paths: Sequence[Path], index: Path | None = None) -> str:
    """What a command wrote: each file, or for a site the count and the page to open."""
    if index is not None:
        return f"wrote {plural(len(paths), 'file')}: {index}"
    return "\n".join(f"wrote {path}" for path in paths)


def undrawn(map_ids: Sequence[str]) -> str:
    """Why some maps got no diagram, and how to get one."""
    from argmap.render.formats import DOT_PROGRAM, INSTALL_COMMAND  # the Graphviz runner: loaded by render alone

    return (f"argmap: note: Graphviz's `{DOT_PROGRAM}` was not found, so {plural(len(map_ids), 'map')} "
            f"got no diagram (the text outline stands in); install it with: {INSTALL_COMMAND}")


class TextReporter:
    name = "text"
    for_people = True

    def render(self, result: Checked) -> str:
        return "\n".join([*map(format_diagnostic, result.diagnostics), summary(result)])

    def unevaluated(self, outcome: EvalOutcome) -> str:
        return "\n".join([*map(format_diagnostic, outcome.diagnostics), not_evaluated(outcome)])

    def evaluation(self, outcome: EvalOutcome) -> str:
        # the evaluation engine's types: loaded by `eval` alone, not by every check report
        from argmap.reporters.evaluation import text_evaluation

        return text_evaluation(outcome)


# --- argmap quote ------------------------------------------------------------------------------

CUT_PASSAGE_AT = 110  # characters of a ranked passage shown on its line


def quote_report(report: QuoteReport) -> str:
    """The ranking, then the best passage verbatim and its evidence snippet (or why there is none)."""
    from argmap.quotes.search import CLOSE_ENOUGH, readable  # the finder: loaded by `quote` alone

    lines = [f"passages of '{report.source_id}' ({report.file}) like the words, best first:"]
    lines += [f"  {p.similarity:5.1f}%  line {p.located.line}: {_shorten(readable(p.located.passage))}"
              for p in report.ranking]
    if not report.ranking:
        lines.append("  (none)")
    best = report.best
    if best is None:
        lines.append(f"no passage is close: the best is under {CLOSE_ENOUGH:.0f}% similar; "
                     "try fewer, more distinctive words from the source")
        return "\n".join(map(printable, lines))
    located = best.passage.located
    where = f"line {located.line}" + (f", page {best.page}" if best.page is not None else "")
    lines += ["", f"best passage, {where} ({best.passage.similarity:.1f}% similar), verbatim:",
              f"  {best.quote}"]
    if best.attribution:
        lines += [f"attributed: the source's sentence reports these words as someone's ('{best.attribution_cue}'):",
                  f"  {_shorten(best.attribution, 2 * CUT_PASSAGE_AT)}",
                  "  say whose they are with `speaker:`, or quote the sentence whole"]
    if len(best.occurrences) > 1:
        where = ", ".join(str(o.line) for o in best.occurrences)
        lines.append(f"it occurs {len(best.occurrences)} times (lines {where}); "
                     f"the {' and '.join(k for k in ('prefix', 'suffix') if getattr(best, k))} below picks line {located.line}")
    lines += ["", "evidence snippet (paste under a node):", *best.snippet().split("\n")]
    return "\n".join(map(printable, lines))  # a source may hold control characters


def _shorten(text: str, width: int = CUT_PASSAGE_AT) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


# --- argmap new --------------------------------------------------------------------------------


def new_map_report(created: NewMap) -> str:
    """Where the map is, and the next steps."""
    lines = [f"created {created.path}", *new_map_setup_hints(created)]
    lines.append(f"    next: fill in the TODOs; `argmap check {created.path}` warns about each one left, "
                 "and `--strict` fails until none is")
    return "\n".join(map(printable, lines))


def new_map_setup_hints(created: NewMap) -> list[str]:
    """What the project around a new map still lacks for the next step to work: the seeds
    registry `argmap check` reads, and the editor schema the map's first line points at."""
    from argmap.core.folders import DEFAULT_SEEDS, SOURCES_FILE

    if not (DEFAULT_SEEDS / SOURCES_FILE).is_file():
        return [f"    there is no {DEFAULT_SEEDS / SOURCES_FILE} here yet, which `argmap check` needs: "
                "`argmap init` sets up seeds/ and schema/ around the map (it overwrites nothing)"]
    if created.schema_missing:
        folder = created.schema_file.parent
        return [f"    the editor schema it points at is missing; write it with: "
                f"mkdir -p {folder} && argmap schema > {created.schema_file}"]
    return []


# --- argmap init -------------------------------------------------------------------------------


def init_report(created: InitProject) -> str:
    """The files written, and the commands that come next, run from the project folder."""
    lines = [f"created {created.folder / path}" for path in created.files]
    enter = [] if created.folder == Path(".") else [f"cd {created.folder}"]
    lines += ["", "next, from the project folder:", *(f"  {step}" for step in (
        *enter,
        "argmap check --strict          # the example map passes",
        "argmap source add FILE|URL --id ID   # register a source: a text, web page or PDF",
        "argmap new MAP_ID              # a map of your own",
        "argmap serve --open            # the site, rebuilt and reloaded as you edit",
    ))]
    return "\n".join(map(printable, lines))


# --- argmap source add -------------------------------------------------------------------------


def source_added_report(added: SourceAdded) -> str:
    """What was saved and registered, then what the author still has to fill in by hand."""
    captured = added.captured
    pages = f", {plural(captured.pages, 'page')}" if captured.pages else ""
    lines = [f"saved {added.saved} ({captured.kind}{pages}), sha256 {added.sha256[:12]}...",
             f"registered '{added.source_id}' in {added.registry}:"]
    lines += [f"  {key}: {_field(value)}" for key, value in added.entry.items() if key not in ("file", "sha256")]
    created = (f"; the PDF file was created {captured.created}, which may be later than its publication"
               if captured.created else "")
    todo = [f"{name}: not found{created if name == 'issued' else ''}" for name in added.missing]
    if "title" in captured.guessed:
        todo.append("title: taken from the text's first line; check it")
    if "language" not in captured.fields and added.entry.get("language") == "en":
        todo.append("language: not given (--lang) nor found; en assumed")
    if todo:
        lines += [f"to fill in by hand in {added.registry}:", *(f"  {item}" for item in todo)]
    if captured.mostly_left_out:
        lines.append(f"note: kept {byte_size(len(captured.text))} of the page's {byte_size(captured.page_text_bytes)} "
                     "of text: most of the page was left out (repeated text is kept once, menus and footers "
                     "dropped); check that the saved text is the whole article")
    lines.append(f"next: argmap quote {added.source_id} \"words you remember\"")
    return "\n".join(map(printable, lines))


def _field(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(v.get("literal") or v) if isinstance(v, dict) else str(v) for v in value)
    return str(value)


# --- argmap serve ------------------------------------------------------------------------------


def serve_problem(problem: CheckResult | ArgmapError) -> str:
    """Why the site cannot be built, as `argmap check` (or any command that could not run) prints it."""
    from argmap.core.diagnostics import ArgmapError

    if isinstance(problem, ArgmapError):
        return printable(f"argmap: error: {problem.message}" + (f"\n    {problem.hint}" if problem.hint else ""))
    body = format_diagnostics(problem.diagnostics)
    return "\n".join(part for part in (body, summary(problem)) if part)


def serve_rebuilt(rebuilt: Rebuilt, changed: set[str] | None = None) -> str:
    """One line per rebuild for the terminal; the page shows the details."""
    what = f"{', '.join(sorted(Path(p).name for p in changed))} changed: " if changed else ""
    drawn = plural(rebuilt.drawn, "diagram")
    if rebuilt.ok:
        return printable(f"{what}rebuilt in {rebuilt.seconds:.2f} s ({drawn} drawn)")
    if rebuilt.error is not None:
        return printable(f"{what}cannot build: {rebuilt.error.message}; the pages say why")
    counts = count(rebuilt.check.diagnostics)
    return printable(f"{what}{plural(counts.errors, 'error')}: the pages show the report until they are fixed")


# --- argmap migrate ----------------------------------------------------------------------------


def migrate_report(outcome: MigrateOutcome) -> str:
    """Each map's fate: migrated (with the titles to write), already current, or refused (the
    diagnostics say why, and then nothing was written); with --dry-run, the changes as a diff."""
    if outcome.refused:
        return "\n".join([format_diagnostics(outcome.diagnostics),
                          f"migrated nothing: {plural(count(outcome.diagnostics).errors, 'error')} to fix first"])
    lines: list[str] = []
    for migrated in outcome.maps:
        if not migrated.changed:
            lines.append(f"{migrated.display}: already at version {migrated.version}, left unchanged")
        elif outcome.dry_run:
            lines.extend(migrated.diff().splitlines())
        else:
            titles = plural(migrated.titles_added, "placeholder title")
            lines.append(f"migrated {migrated.display} to version 2; {titles} to write "
                         "(`argmap check --strict` reports each one left)")
    if outcome.dry_run:
        lines.append("dry run: no file was changed")
    return "\n".join(map(printable, lines))
