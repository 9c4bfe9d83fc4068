"""`argmap quote`: parse options, find the passage, print it, exit."""

from __future__ import annotations

from pathlib import Path

import typer

from argmap.cli.completion import source_ids
from argmap.cli.options import SEEDS_OPTION
from argmap.core.vocabulary import DEFAULT_LANGUAGE
from argmap.quotes import DEFAULT_LIMIT


def quote_command(
    source: str = typer.Argument(..., help="Source id from sources.yaml, e.g. ade2025.", show_default=False,
                                 autocompletion=source_ids),
    text: str = typer.Argument(..., help="The words you remember, roughly.", show_default=False),
    seeds: Path = SEEDS_OPTION,
    limit: int = typer.Option(DEFAULT_LIMIT, "--limit", "-n", min=1, help="How many passages to rank."),
    fragment: bool = typer.Option(False, "--fragment", help="Also offer the words cut out of the middle of a clause."),
    lang: str = typer.Option(DEFAULT_LANGUAGE, "--lang", help="The `lang:` of the map the quote is for: the snippet "
                             "asks for a translation when the source is in another language."),
) -> None:
    """Find a passage in a source from approximate words; print the verbatim quote and an evidence snippet.

    Passages are whole clauses or sentences (never a fragment cut mid-clause unless --fragment),
    ranked by similarity (how much of your words the passage holds, in your order, forgiving
    typos: 0-100%), with their line; the ranking is shown even when no passage is close. A quotation mark whose pair falls outside the passage is
    left out. When the source's sentence reports the words as someone's ("according to ...",
    "X said", an accusation), the report says so and the snippet asks for `speaker:`. In a source
    saved with its pages (a PDF), the snippet gives the `page`; when the source's language is not
    the map's (--lang), it asks for a translation. Exit 1 when no passage is at least 60% similar.

    Example: argmap quote ade2025 "Rusia pertimbangan kekuatan NATO ekspansi Polandia"
    """
    from argmap.reporters.text import quote_report
    from argmap.usecases.quote import find_quote

    report = find_quote(source, text, seeds, limit, fragments=fragment, lang=lang)
    typer.echo(quote_report(report))
    raise typer.Exit(report.exit_code)
