"""`argmap serve`: the site on 127.0.0.1, rebuilt and reloaded as maps and seeds are saved."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from argmap.web.addresses import DEFAULT_HOST, DEFAULT_PORT
from argmap.cli.options import SEEDS_OPTION


def serve_command(
    maps: Optional[list[Path]] = typer.Argument(None, help="Map files or folders (default: maps/).", show_default=False),
    port: int = typer.Option(DEFAULT_PORT, "--port", "-p", min=0, max=65535, help="Port to listen on (0: any free port)."),
    host: str = typer.Option(DEFAULT_HOST, "--host", help="Address to bind; the default serves this machine only."),
    open_browser: bool = typer.Option(False, "--open", help="Open the site in the web browser."),
    seeds: Path = SEEDS_OPTION,
) -> None:
    """Serve the site as `argmap build` lays it out (/, /MAP-ID.html, /sources/...), rebuild it
    when a map or a seed file is saved, and reload the open pages.

    While a map does not load or check, every page shows the diagnostics as `argmap check`
    prints them; the server keeps running, and saving the fixed file brings the pages back.
    Only a changed map's diagram is drawn again. Ctrl-C stops the server.

    Example: argmap serve --open
    """
    from argmap.brief.views import build_date
    from argmap.reporters.text import serve_problem, serve_rebuilt
    from argmap.usecases.serve import LiveSite, open_in_browser

    site = LiveSite(maps, seeds, build_date(None), serve_problem)
    try:
        site.listen(host, port)
        site.watch()
        first = serve_rebuilt(site.rebuild())
        address = site.serve()
        typer.echo(f"serving {address} (Ctrl-C stops)", err=True)
        typer.echo(first, err=True)
        if open_browser and not open_in_browser(address):
            typer.echo(f"argmap: note: --open found no web browser to start; open {address} in yours", err=True)
        for changed in site.changes():
            typer.echo(serve_rebuilt(site.rebuild(changed), changed), err=True)
    finally:
        site.close()
