"""`argmap source add`: register a source from a file or a URL in one step."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from argmap.cli.options import SEEDS_OPTION, choices
from argmap.core.diagnostics import ExitCode
from argmap.core.vocabulary import RELIABILITIES
from argmap.sources.download import DOWNLOAD_TIMEOUT

Reliability = choices("Reliability", RELIABILITIES)

source_app = typer.Typer(name="source", help="Register the documents maps quote.", no_args_is_help=True,
                         rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]})


@source_app.command("add")
def add_command(
    where: str = typer.Argument(..., metavar="FILE|URL", help="A web page (.html or an http(s) URL), a PDF, or a text or Markdown file.",
                                show_default=False),
    source_id: str = typer.Option(..., "--id", help="Id of the source, cited by the maps' evidence, e.g. lestari2024.",
                                  show_default=False),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of the document (BCP 47, e.g. en, id); "
                                       "default: the page's own, else en.", show_default=False),
    reliability: Optional[Reliability] = typer.Option(None, "--reliability", show_default=False,
                                                      help=f"{' | '.join(RELIABILITIES)} (default: unknown)."),
    timeout: float = typer.Option(DOWNLOAD_TIMEOUT, "--timeout", metavar="SECONDS",
                                  help="Most time a URL's download may take, all of it (connecting, waiting, reading)."),
    seeds: Path = SEEDS_OPTION,
) -> None:
    """Save a document's text under the seeds folder as ID.txt (ID.md for Markdown), pin its
    sha256 and add its CSL entry to sources.yaml; then print what it could not find.

    Web pages keep the article alone (no navigation, ads, cookie banners or footers) and give
    title, author, site name and URL, and the publication date only where the page's metadata
    states it; the access date is today's (a saved page's: its file date). PDFs keep their pages:
    a form feed starts each page after the first, so `argmap quote` and `argmap check` know a
    quote's page; their file's creation date is shown as a hint, never taken as the publication
    date. Text and Markdown are saved as they are. Another type, a folder or a device, an encrypted
    PDF, a page with no article (or only its menus and footer), a failed download or one not done
    within --timeout is an error, and nothing is written.

    Example: argmap source add https://example.org/article --id lestari2024 --lang id --reliability news
    """
    from argmap.reporters.text import source_added_report
    from argmap.usecases.source import add_source

    added = add_source(where, source_id, seeds, lang=lang, reliability=reliability.value if reliability else None,
                       timeout=timeout)
    typer.echo(source_added_report(added))
    raise typer.Exit(ExitCode.CLEAN)
