"""Every quote must occur in its source (see :mod:`argmap.quotes.match` for what is forgiven)."""

import difflib
from itertools import repeat
from operator import and_, attrgetter, is_, is_not

from argmap.checks.rule import MapContext, rule
from argmap.core.codes import Code
from argmap.core.vocabulary import same_language
from argmap.quotes.match import canonical

MIN_QUOTE_WORDS = 5

# fields of every piece of evidence, read at C speed: each rule finds first whether it has anything to report
_SOURCE, _QUOTE, _TRANSLATION = attrgetter("source"), attrgetter("quote"), attrgetter("translation")
_HIGHLIGHT, _HIGHLIGHT_TRANSLATION = attrgetter("highlight"), attrgetter("highlight_translation")


@rule(Code.AM405, "Evidence cites a source id that seeds/sources.yaml does not register.")
def unknown_sources(ctx: MapContext):
    """Passing:

        evidence:
          - {source: ade2025, quote: ...}     # registered in seeds/sources.yaml

    Failing:

        evidence:
          - {source: ade2024, quote: ...}     # the registry has ade2025
    """
    if not ctx.project.registry_valid:
        return  # sources.yaml itself did not read: its own diagnostics say why, once, not per quote
    registered = ctx.project.registered
    if not set(map(_SOURCE, ctx.evidence_items)).difference(registered):
        return
    known = list(registered)
    for node_id, i, evidence in ctx.evidence:
        if evidence.source not in registered:
            close = difflib.get_close_matches(evidence.source, known, n=1, cutoff=0.6)
            yield ctx.report(("nodes", node_id, "evidence", i, "source"), f"unknown source '{evidence.source}'",
                             (f"did you mean '{close[0]}'?",) if close else (f"registered sources: {', '.join(known) or 'none'}",))


@rule(Code.AM501, "A quote does not occur in its source; the nearest passage is shown.")
def quotes_found(ctx: MapContext):
    """The quote must be the source's own words. Line breaks, white space, line-end hyphenation,
    Markdown emphasis, typographic quotes and dashes and Unicode forms are forgiven; a changed
    word, digit or negation is not.

    Passing (the source says "aliansi 31 negara tersebut"):

        quote: aliansi 31 negara tersebut

    Failing:

        quote: aliansi 30 negara tersebut
    """
    # not found, nor found where prefix/suffix fit none of the occurrences (AM504)
    for quote in ctx.quotes_where(lambda result: not result.found and not result.occurrences):
        result = quote.result
        hints: tuple[str, ...] = ()
        if result.nearest:
            near = result.nearest
            hints = (f"nearest passage ({near.similarity:.0f}% similar), {quote.source.path.name} line {near.line}: \"{near.passage}\"",
                     *near.differences)
        yield ctx.report((*quote.path, "quote"),
                         f"quote not found in source '{quote.evidence.source}' ({quote.source.source.file})", hints)


@rule(Code.AM502, "A quote occurs more than once in its source and no `prefix`/`suffix` tells which.")
def quotes_unique(ctx: MapContext):
    """Failing (the words occur twice in the source):

        quote: NATO memberikan bantuan militer

    Passing:

        quote: NATO memberikan bantuan militer
        prefix: Sejak awal invasi,
    """
    for quote in ctx.quotes_where(lambda result: len(result.matches) > 1):
        matches = quote.result.matches
        lines = ", ".join(str(m.line) for m in matches[:5])
        yield ctx.report((*quote.path, "quote"),
                         f"quote occurs {len(matches)} times in source '{quote.evidence.source}' (lines {lines})",
                         ("add `prefix:` (text just before the quote) or `suffix:` (just after) to pick one",))


@rule(Code.AM504, "A quote's `prefix`/`suffix` does not match the text around any occurrence.")
def quote_context(ctx: MapContext):
    """Passing (the source has "invasi, NATO memberikan"):

        quote: NATO memberikan bantuan militer kepada Ukraina
        prefix: invasi,

    Failing:

        quote: NATO memberikan bantuan militer kepada Ukraina
        prefix: perang,
    """
    for quote in ctx.quotes_where(lambda result: bool(result.occurrences) and not result.found):
        result = quote.result
        key = "prefix" if quote.evidence.prefix else "suffix"
        yield ctx.report((*quote.path, key),
                         f"the quote occurs {result.occurrences} time(s) in '{quote.evidence.source}', but never with this {key}",
                         ("prefix is the text just before the quote, suffix the text just after",))


@rule(Code.AM503, "Evidence from a source in another language than the map's has no `translation`.")
def translations_present(ctx: MapContext):
    """Passing (an Indonesian source in an English map):

        quote: NATO tetap berkomitmen untuk mendukung Ukraina
        translation: NATO remains committed to supporting Ukraine

    Failing (the same evidence in a map with `lang: en`):

        quote: NATO tetap berkomitmen untuk mendukung Ukraina
    """
    foreign = {source_id: source for source_id, source in ctx.project.registered.items()
               if not same_language(source.language, ctx.model.lang)}
    items = ctx.evidence_items
    if not foreign or all(map(is_not, map(_TRANSLATION, items), repeat(None))):
        return
    if not any(map(and_, map(foreign.__contains__, map(_SOURCE, items)), map(is_, map(_TRANSLATION, items), repeat(None)))):
        return
    for node_id, i, evidence in ctx.evidence:
        source = foreign.get(evidence.source)
        if source and evidence.translation is None:
            yield ctx.report(("nodes", node_id, "evidence", i),
                             f"quote from '{evidence.source}' ({source.language}) needs a translation into {ctx.model.lang}",
                             ("add `translation:` with a faithful translation",))


@rule(Code.AM505, "A `highlight` entry is not part of its quote.")
def highlights_in_quote(ctx: MapContext):
    """Passing:

        quote: NATO tetap berkomitmen untuk mendukung Ukraina
        highlight: [tetap berkomitmen]

    Failing:

        quote: NATO tetap berkomitmen untuk mendukung Ukraina
        highlight: [tetap mendukung]
    """
    if not any(map(_HIGHLIGHT, ctx.evidence_items)):
        return
    for node_id, i, evidence in ctx.evidence:
        if not evidence.highlight:
            continue
        quote = canonical(evidence.quote)
        for j, part in enumerate(evidence.highlight):
            if canonical(part) not in quote:
                yield ctx.report(("nodes", node_id, "evidence", i, "highlight", j),
                                 f"highlight '{part}' is not part of the quote")


@rule(Code.AM506, f"A quote is shorter than {MIN_QUOTE_WORDS} words: too short to carry its context.")
def quotes_long_enough(ctx: MapContext):
    """Passing:

        quote: NATO tetap berkomitmen untuk mendukung Ukraina

    Failing:

        quote: NATO
    """
    # each distinct quote counted once (large maps repeat quotes)
    short = {quote for quote in set(map(_QUOTE, ctx.evidence_items)) if canonical(quote).count(" ") + 1 < MIN_QUOTE_WORDS}
    if not short:
        return
    for node_id, i, evidence in ctx.evidence:
        if evidence.quote in short:  # single spaces between words in the canonical form
            yield ctx.report(("nodes", node_id, "evidence", i, "quote"),
                             f"quote has fewer than {MIN_QUOTE_WORDS} words", ("quote at least a clause",))


@rule(Code.AM507, "A `highlight_translation` entry is not part of the evidence's `translation`, or there is no translation.")
def highlights_in_translation(ctx: MapContext):
    """Highlights of the translation are matched as `highlight` is in the quote (AM505): white
    space, typographic quotes and dashes are forgiven, words are not.

    Passing:

        quote: NATO tetap berkomitmen untuk mendukung Ukraina
        translation: NATO remains committed to supporting Ukraine
        highlight_translation: [remains committed]

    Failing:

        quote: NATO tetap berkomitmen untuk mendukung Ukraina
        translation: NATO remains committed to supporting Ukraine
        highlight_translation: [stays committed]
    """
    if not any(map(_HIGHLIGHT_TRANSLATION, ctx.evidence_items)):
        return
    for node_id, i, evidence in ctx.evidence:
        if not evidence.highlight_translation:
            continue
        path = ("nodes", node_id, "evidence", i, "highlight_translation")
        if evidence.translation is None:
            yield ctx.report(path, "highlight_translation without a translation to highlight",
                             ("add `translation:`, or use `highlight:` for parts of the quote",), at_key=True)
            continue
        translation = canonical(evidence.translation)
        for j, part in enumerate(evidence.highlight_translation):
            if canonical(part) not in translation:
                yield ctx.report((*path, j), f"highlight_translation '{part}' is not part of the translation")

