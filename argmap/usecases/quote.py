"""`argmap quote`: rank a source's passages like some remembered words; the best one as evidence."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from argmap.core.diagnostics import ExitCode, UsageError
from argmap.core.project import SOURCES_FILE, load_seeds
from argmap.core.vocabulary import DEFAULT_LANGUAGE, LANGUAGE_TAG, same_language
from argmap.quotes.search import CLOSE_ENOUGH, DEFAULT_LIMIT, Passage, Suggestion, has_words, rank_passages, suggest


@dataclass(frozen=True)
class QuoteReport:
    """What `argmap quote` found: the ranking, and the best passage as evidence when it is close."""

    source_id: str
    file: str
    words: str
    ranking: tuple[Passage, ...]
    best: Suggestion | None

    @property
    def exit_code(self) -> int:
        return ExitCode.CLEAN if self.best else ExitCode.INPUT_ERRORS


def find_quote(source_id: str, words: str, seeds_dir: Path, limit: int = DEFAULT_LIMIT, *,
               fragments: bool = False, lang: str = DEFAULT_LANGUAGE) -> QuoteReport:
    """Rank the passages of a registered source like ``words``; ``lang`` is the language of the
    map the quote is for. Raises :class:`UsageError` (exit 2) when the seeds folder, the source or
    its file cannot be used, the words are empty or ``lang`` is not a language tag."""
    if not re.match(LANGUAGE_TAG, lang):
        raise UsageError(f"'{lang}' is not a language tag", "use the map's `lang:`, a BCP 47 tag such as en or id",
                         setting="lang")
    if not has_words(words):
        raise UsageError("no words to look for", "give some words from the passage, e.g. argmap quote ade2025 \"NATO ekspansi Polandia\"")
    if limit < 1:
        raise UsageError(f"the number of passages to rank is at least 1, not {limit}", setting="limit")
    project, _ = load_seeds(seeds_dir)
    if not project.registry_valid:
        raise UsageError(f"{seeds_dir / SOURCES_FILE} cannot be read as a sources registry",
                         f"run `argmap check --seeds {seeds_dir}` for the details")
    if source_id not in project.registered:
        known = sorted(project.registered)
        close = difflib.get_close_matches(source_id, known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"registered sources: {', '.join(known) or 'none'}"
        raise UsageError(f"unknown source '{source_id}' in {seeds_dir / SOURCES_FILE}", hint)
    document = project.sources.get(source_id)
    if document is None:
        raise UsageError(f"source '{source_id}': file {seeds_dir / project.registered[source_id].file} cannot be read",
                         f"run `argmap check --seeds {seeds_dir}` for the details")
    ranking = tuple(p for p in rank_passages(document.text, words, limit, fragments=fragments) if p.similarity > 0)
    close_enough = [p for p in ranking if p.similarity >= CLOSE_ENOUGH]
    language = document.source.language
    best = suggest(source_id, language, document.text, close_enough[0],
                   translate_into=None if same_language(language, lang) else lang) if close_enough else None
    return QuoteReport(source_id, document.source.file, words, ranking, best)
